//! `appraise check REPORT [--scores PATH]`: every problem with its place, exit 0 or 2.

use super::Failure;
use crate::scores::{Summary, fmt_num, needs_reason};
use crate::store::load_scores;
use crate::text::shown;
use crate::words::{cli, errors};
use std::io::Write;
use std::path::Path;

pub fn check(report_path: &Path, scores: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    let report = super::load_or_import(report_path, &mut std::io::stderr())?;
    let full: f64 = report.items.iter().map(|i| i.scale.max).sum();
    // Ids and warnings come from the files: terminal-safe before they are printed.
    let w = |out: &mut dyn Write, s: String| {
        writeln!(out, "{}", crate::text::sanitize(&s))
            .map_err(|e| Failure::Runtime(crate::io_error::detail(&e)))
    };
    w(
        out,
        cli::CHECK_REPORT.fill(&[
            ("path", &shown(report_path)),
            ("id", &report.id),
            ("sections", &report.sections.len()),
            ("items", &report.items.len()),
            ("full", &fmt_num(full)),
        ]),
    )?;
    let Some(scores_path) = scores else { return Ok(()) };
    let Some(loaded) = load_scores(scores_path, &report)? else {
        return Err(super::export::no_such_file(scores_path));
    };
    for warning in &loaded.warnings {
        w(out, format!("{}: {}", shown(scores_path), errors::WARNING.fill(&[("text", warning)])))?;
    }
    let sum = Summary::of_report(&report, &loaded.scores);
    let percent = sum.percent.map(|p| cli::CHECK_PERCENT.fill(&[("percent", &fmt_num(p))]));
    w(
        out,
        cli::CHECK_SCORES.fill(&[
            ("path", &shown(scores_path)),
            ("scored", &sum.scored),
            ("items", &sum.items),
            ("points", &fmt_num(sum.points)),
            ("max", &fmt_num(sum.max_points)),
            ("percent", &percent.unwrap_or_default()),
        ]),
    )?;
    for (item, entry) in report.items.iter().zip(&loaded.scores.entries) {
        if needs_reason(&report, item, entry) {
            w(
                out,
                cli::CHECK_NO_REASON.fill(&[
                    ("path", &shown(scores_path)),
                    ("id", &item.id),
                    ("score", &fmt_num(entry.score.unwrap_or_default())),
                    ("max", &fmt_num(item.scale.max)),
                ]),
            )?;
        }
    }
    Ok(())
}

/// One problem of `check --json`: a stable `code`, the file, its place (line and column, or a
/// JSON path, or an item's id) and the message in the interface's language.
fn problem(code: &str, severity: &str, file: &Path, message: &str) -> serde_json::Value {
    serde_json::json!({
        "code": code,
        "severity": severity,
        "file": shown(file).to_string(),
        "message": message,
    })
}

/// `appraise check --json`: the same checks as [`check`], as one `appraise.check/1` document
/// on `out` (`docs/schema/check-1.json`); exit 2 when the report or the scores are invalid.
pub fn check_json(report_path: &Path, scores: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    use crate::report::{LoadError, Place};
    let mut problems = Vec::new();
    let mut doc = serde_json::json!({ "format": "appraise.check/1" });
    let loaded = if super::import::is_stdin(report_path)
        || crate::import::is_importable(report_path)
        || super::import::not_a_report(report_path)
    {
        super::load_or_import(report_path, &mut std::io::sink()).map_err(|failure| {
            let code = if super::import::is_stdin(report_path) { "bad_input" } else { "cannot_import" };
            problems.push(problem(code, "error", report_path, &failure.to_string()));
        })
    } else {
        crate::report::load_report(report_path).map_err(|e| match e {
            LoadError::Io { .. } => {
                problems.push(problem("cannot_read", "error", report_path, &e.to_string()))
            }
            LoadError::Invalid { problems: found, .. } => {
                for p in found {
                    let mut one = problem(p.code, "error", report_path, &p.message);
                    match p.place {
                        Place::File => {}
                        Place::Position { line, column } => {
                            one["line"] = line.into();
                            one["column"] = column.into();
                        }
                        Place::Path(path) => one["path"] = path.into(),
                    }
                    problems.push(one);
                }
            }
        })
    };
    if let Ok(report) = &loaded {
        let full: f64 = report.items.iter().map(|i| i.scale.max).sum();
        doc["report"] = serde_json::json!({
            "file": shown(report_path).to_string(),
            "id": report.id.to_string(),
            "sections": report.sections.len(),
            "items": report.items.len(),
            "full": full,
        });
    }
    let mut invalid = loaded.is_err();
    if let (Ok(report), Some(scores_path)) = (&loaded, scores) {
        match load_scores(scores_path, report) {
            Ok(Some(loaded)) => {
                for warning in &loaded.warnings {
                    problems.push(problem("scores_warning", "warning", scores_path, warning));
                }
                let sum = Summary::of_report(report, &loaded.scores);
                doc["scores"] = serde_json::json!({
                    "file": shown(scores_path).to_string(),
                    "scored": sum.scored,
                    "items": sum.items,
                    "points": sum.points,
                    "max": sum.max_points,
                    "percent": sum.percent,
                });
                for (item, entry) in report.items.iter().zip(&loaded.scores.entries) {
                    if needs_reason(report, item, entry) {
                        let message = cli::CHECK_NO_REASON.fill(&[
                            ("path", &shown(scores_path)),
                            ("id", &item.id),
                            ("score", &fmt_num(entry.score.unwrap_or_default())),
                            ("max", &fmt_num(item.scale.max)),
                        ]);
                        let mut one = problem("missing_reason", "warning", scores_path, &message);
                        one["item"] = item.id.to_string().into();
                        problems.push(one);
                    }
                }
            }
            Ok(None) => {
                invalid = true;
                let message = super::export::no_such_file(scores_path).to_string();
                problems.push(problem("cannot_read", "error", scores_path, &message));
            }
            Err(e) => {
                invalid = true;
                problems.push(problem("invalid_scores", "error", scores_path, &e.to_string()));
            }
        }
    }
    doc["valid"] = (!invalid).into();
    doc["problems"] = problems.into();
    let text = crate::text::json_escaped(serde_json::to_string_pretty(&doc).unwrap_or_default());
    writeln!(out, "{text}")
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Runtime(crate::io_error::detail(&e)))?;
    if invalid { Err(Failure::BadInput(String::new())) } else { Ok(()) }
}
