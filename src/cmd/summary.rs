//! `appraise summary REPORT [--scores PATH]`: a quick look for a server or a pipe — totals,
//! percent, grade, progress, a subtotal per section, and the items that need attention. Plain
//! text without colour; numbers come first on each section line so they stay in view on a
//! narrow terminal, and every text from the files is made safe to print.

use super::Failure;
use super::export::{no_such_file, stdout_result, warn};
use crate::scores::{Scores, Summary, fmt_num, needs_reason};
use crate::store::{default_scores_path, load_scores};
use crate::text::truncate;
use crate::words::{Word, cli, evaluators as ev};
use std::io::Write;
use std::path::Path;

/// One line of untrusted text, safe for a terminal.
fn safe(s: &str) -> String {
    truncate(s, usize::MAX).into_owned()
}

pub fn summary(report_path: &Path, scores: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    let report = super::load_or_import(report_path, &mut std::io::stderr())?;
    let scores_path = scores.map_or_else(|| default_scores_path(report_path), Path::to_path_buf);
    // Standard input has no place beside it for a scores file: blank scores, unless named.
    let from_stdin = super::import::is_stdin(report_path) && scores.is_none();
    let (entries, found) = match if from_stdin { None } else { load_scores(&scores_path, &report)? } {
        Some(loaded) => {
            warn(&scores_path, &loaded.warnings);
            (loaded.scores, true)
        }
        None if scores.is_some() => return Err(no_such_file(&scores_path)),
        None => (Scores::new(&report), false),
    };
    let sum = Summary::of_report(&report, &entries);
    let mut lines = vec![safe(&report.title)];
    let where_ = safe(&crate::text::shown(&scores_path).to_string());
    let labels = [
        ev::SUMMARY_STATUS,
        cli::SUMMARY_SCORES,
        cli::SUMMARY_PROGRESS,
        cli::SUMMARY_POINTS,
        cli::SUMMARY_PERCENT,
        cli::SUMMARY_GRADE,
    ];
    let width = labels.iter().map(|l| crate::text::width(l.get())).max().unwrap_or(0) + 2;
    // `Scores    …`: each label padded to the widest and two spaces.
    let line = |label: Word, text: &str| {
        let pad = " ".repeat(width - crate::text::width(label.get()));
        format!("{label}{pad}{text}")
    };
    lines.push(match (&entries.head.evaluator, found) {
        (_, false) if from_stdin => line(
            cli::SUMMARY_SCORES,
            &crate::words::cli::SUMMARY_STDIN_NO_SCORES.fill(&[("scores", &"--scores")]),
        ),
        (_, false) => line(cli::SUMMARY_SCORES, &cli::SUMMARY_NO_SCORES.fill(&[("path", &where_)])),
        (Some(name), true) => line(
            cli::SUMMARY_SCORES,
            &cli::SUMMARY_SCORES_BY.fill(&[("path", &where_), ("name", &safe(name))]),
        ),
        (None, true) => line(cli::SUMMARY_SCORES, &where_),
    });
    if found {
        // Stored in UTC, told in local time (`--json` keeps them as stored).
        let zone = jiff::tz::TimeZone::system();
        let local = |at: &str| safe(&crate::scores::local_time(at, &zone));
        let status = match (&entries.head.submitted_at, &entries.head.reopened_at) {
            (None, _) => ev::SUMMARY_NOT_SUBMITTED.get().to_string(),
            (Some(at), None) => ev::SUMMARY_SUBMITTED.fill(&[("at", &local(at))]),
            (Some(at), Some(re)) => {
                ev::SUMMARY_REOPENED.fill(&[("at", &local(at)), ("reopened", &local(re))])
            }
        };
        lines.push(line(ev::SUMMARY_STATUS, &status));
    }
    let done = crate::scores::share(sum.scored, sum.items, 0);
    let mut progress =
        cli::SUMMARY_SCORED.fill(&[("scored", &sum.scored), ("items", &sum.items), ("done", &fmt_num(done))]);
    if sum.flagged > 0 {
        progress.push_str(&cli::SUMMARY_FLAGGED.fill(&[("n", &sum.flagged)]));
    }
    lines.push(line(cli::SUMMARY_PROGRESS, &progress));
    let points = if sum.scored > 0 {
        cli::SUMMARY_POINTS_OF.fill(&[
            ("points", &fmt_num(sum.points)),
            ("max", &fmt_num(sum.max_points)),
            ("full", &fmt_num(sum.report_max)),
        ])
    } else {
        cli::SUMMARY_NO_POINTS.fill(&[("full", &fmt_num(sum.report_max))])
    };
    lines.push(line(cli::SUMMARY_POINTS, &points));
    let percent = sum.percent.map_or("–".into(), |p| format!("{}%", fmt_num(p)));
    lines.push(line(cli::SUMMARY_PERCENT, &percent));
    if !report.grades.is_empty() {
        lines.push(line(cli::SUMMARY_GRADE, &sum.grade.as_deref().map_or("–".into(), safe)));
    }

    let sections: Vec<(usize, Summary)> = (0..report.sections.len())
        .map(|s| (s, Summary::of_items(&report, &entries, report.items_under(s))))
        .filter(|(_, sum)| sum.items > 0)
        .collect();
    if !sections.is_empty() {
        lines.push(String::new());
        lines.push(cli::SUMMARY_SECTIONS.get().into());
        let cells: Vec<(String, String)> = sections
            .iter()
            .map(|(_, s)| {
                let pts = if s.scored > 0 {
                    format!("{}/{}", fmt_num(s.points), fmt_num(s.max_points))
                } else {
                    "–".into()
                };
                (pts, format!("{}/{}", s.scored, s.items))
            })
            .collect();
        let w1 = cells.iter().map(|c| c.0.chars().count()).max().unwrap_or(0);
        let w2 = cells.iter().map(|c| c.1.chars().count()).max().unwrap_or(0);
        for ((s, _), (pts, done)) in sections.iter().zip(&cells) {
            let indent = "  ".repeat(report.sections[*s].depth);
            lines.push(format!("  {pts:>w1$}  {done:>w2$}  {indent}{}", safe(&report.sections[*s].title)));
        }
    }

    let missing: Vec<usize> = (0..report.items.len())
        .filter(|&i| needs_reason(&report, &report.items[i], &entries.entries[i]))
        .collect();
    if report.require_note_below_max && sum.scored > 0 {
        lines.push(String::new());
        if missing.is_empty() {
            lines.push(cli::SUMMARY_ALL_REASONS.get().into());
        } else {
            lines.push(cli::SUMMARY_MISSING_REASONS.fill(&[("n", &missing.len())]));
            let rows: Vec<(String, String, String)> = missing
                .iter()
                .map(|&i| {
                    let item = &report.items[i];
                    let score = fmt_num(entries.entries[i].score.unwrap_or_default());
                    (
                        safe(&item.id),
                        cli::SUMMARY_SCORE_OF.fill(&[("score", &score), ("max", &fmt_num(item.scale.max))]),
                        safe(&item.display_title()),
                    )
                })
                .collect();
            push_aligned(&mut lines, &rows);
        }
    }
    let flagged: Vec<usize> = (0..report.items.len()).filter(|&i| entries.entries[i].flagged).collect();
    if !flagged.is_empty() {
        lines.push(String::new());
        lines.push(cli::SUMMARY_FLAGGED_LIST.fill(&[("n", &flagged.len())]));
        let rows: Vec<(String, String, String)> = flagged
            .iter()
            .map(|&i| {
                let item = &report.items[i];
                let score = entries.entries[i].score.map_or("–".into(), |v| {
                    cli::SUMMARY_SCORE_OF.fill(&[("score", &fmt_num(v)), ("max", &fmt_num(item.scale.max))])
                });
                (safe(&item.id), score, safe(&item.display_title()))
            })
            .collect();
        push_aligned(&mut lines, &rows);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    stdout_result(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// `  id  score  title` lines with the first two columns padded to line up.
fn push_aligned(lines: &mut Vec<String>, rows: &[(String, String, String)]) {
    let w1 = rows.iter().map(|r| crate::text::width(&r.0)).max().unwrap_or(0);
    let w2 = rows.iter().map(|r| crate::text::width(&r.1)).max().unwrap_or(0);
    for (id, score, title) in rows {
        let pad1 = " ".repeat(w1 - crate::text::width(id));
        let pad2 = " ".repeat(w2 - crate::text::width(score));
        lines.push(format!("  {id}{pad1}  {score}{pad2}  {title}"));
    }
}

/// `appraise summary --json`: the same figures as [`summary`], as one `appraise.summary/1`
/// document (`docs/schema/summary-1.json`); each item that needs attention is a problem with a
/// stable `code` (`missing_reason`, `flagged`), the scores file, the item's id and the message in
/// the interface's language.
pub fn summary_json(report_path: &Path, scores: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    use serde_json::json;
    let report = super::load_or_import(report_path, &mut std::io::sink())?;
    let scores_path = scores.map_or_else(|| default_scores_path(report_path), Path::to_path_buf);
    let from_stdin = super::import::is_stdin(report_path) && scores.is_none();
    let (entries, found, warnings) = match if from_stdin { None } else { load_scores(&scores_path, &report)? }
    {
        Some(loaded) => (loaded.scores, true, loaded.warnings),
        None if scores.is_some() => return Err(no_such_file(&scores_path)),
        None => (Scores::new(&report), false, Vec::new()),
    };
    let sum = Summary::of_report(&report, &entries);
    let file = crate::text::shown(&scores_path).to_string();
    let sections: Vec<serde_json::Value> = (0..report.sections.len())
        .map(|s| (s, Summary::of_items(&report, &entries, report.items_under(s))))
        .filter(|(_, sum)| sum.items > 0)
        .map(|(s, sum)| {
            let section = &report.sections[s];
            json!({
                "id": section.id.to_string(),
                "title": section.title.to_string(),
                "depth": section.depth,
                "scored": sum.scored,
                "items": sum.items,
                "points": (sum.scored > 0).then_some(sum.points),
                "max": sum.max_points,
            })
        })
        .collect();
    let mut problems: Vec<serde_json::Value> =
        warnings.iter().map(|w| json!({ "code": "scores_warning", "file": file, "message": w })).collect();
    for (i, item) in report.items.iter().enumerate() {
        let entry = &entries.entries[i];
        let score_of =
            |v: f64| cli::SUMMARY_SCORE_OF.fill(&[("score", &fmt_num(v)), ("max", &fmt_num(item.scale.max))]);
        if needs_reason(&report, item, entry) {
            let message = cli::CHECK_NO_REASON.fill(&[
                ("path", &file.as_str()),
                ("id", &item.id),
                ("score", &fmt_num(entry.score.unwrap_or_default())),
                ("max", &fmt_num(item.scale.max)),
            ]);
            problems.push(json!({ "code": "missing_reason", "file": file, "item": item.id.to_string(), "message": message }));
        }
        if entry.flagged {
            let score = entry.score.map_or_else(|| "–".to_string(), score_of);
            let message = crate::words::cli::SUMMARY_FLAGGED_ITEM.fill(&[
                ("id", &item.id.to_string()),
                ("score", &score),
                ("title", &item.display_title().to_string()),
            ]);
            problems.push(
                json!({ "code": "flagged", "file": file, "item": item.id.to_string(), "message": message }),
            );
        }
    }
    let doc = json!({
        "format": "appraise.summary/1",
        "report": { "id": report.id.to_string(), "title": report.title.to_string(), "full": sum.report_max },
        "scores": {
            "file": if from_stdin { serde_json::Value::Null } else { file.clone().into() },
            "found": found,
            "evaluator": entries.head.evaluator,
            "submitted_at": entries.head.submitted_at,
            "reopened_at": entries.head.reopened_at,
        },
        "scored": sum.scored,
        "items": sum.items,
        "flagged": sum.flagged,
        "points": (sum.scored > 0).then_some(sum.points),
        "max": sum.max_points,
        "percent": sum.percent,
        "grade": sum.grade,
        "sections": sections,
        "problems": problems,
    });
    let text = crate::text::json_escaped(serde_json::to_string_pretty(&doc).unwrap_or_default());
    stdout_result(writeln!(out, "{text}").and_then(|()| out.flush()))
}
