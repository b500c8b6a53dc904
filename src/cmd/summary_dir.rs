//! `appraise summary DIR [--evaluator NAME] [--json]`: an evaluation at a glance, for a server
//! or a pipe — every report ranked by the panel's 评价得分, with its unit, items, grade and each
//! evaluator's progress, total and whether they submitted; the documents that are no reports
//! and the scores that no longer fit the rubric. With `--evaluator NAME`, only that evaluator's
//! progress, and which of their reports are unfinished. `--json` is one `appraise.evaluation/1`
//! document (`docs/schema/evaluation-1.json`).

use super::Failure;
use super::export::stdout_result;
use super::init::{
    eval_failure, plural, prepare_with_progress, push_failed, push_sheet_problems, settle_by_rubric,
};
use crate::evaluation::{Evaluation, EvaluatorStatus, ReportStatus, status};
use crate::export::round2;
use crate::scores::fmt_num;
use crate::text::{shown, truncate, width};
use crate::words::{errors, evaluation as w};
use std::io::Write;
use std::path::Path;

/// One report's line of the summary: its status, and the evaluators shown (all, or the one
/// named; `None` for a named evaluator who has not started it).
struct Row<'a> {
    status: &'a ReportStatus,
    evaluators: Vec<Option<&'a EvaluatorStatus>>,
}

/// `summary DIR`: the evaluation in `dir`, as text or as JSON on `out`.
pub fn summary_dir(
    dir: &Path,
    scores: Option<&Path>,
    evaluator: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if scores.is_some() {
        return Err(Failure::BadInput(w::SCORES_WITH_DIR.fill(&[
            ("flag", &"--scores"),
            ("dir", &shown(dir)),
            ("evaluator", &"--evaluator"),
        ])));
    }
    if let Some(name) = evaluator {
        crate::store::file_name_part(name).map_err(|e| super::name_refused(name, e))?;
    }
    let eval = Evaluation::open(dir).map_err(eval_failure)?;
    settle_by_rubric(&eval);
    let prepared = prepare_with_progress(&eval, false);
    let statuses = status(&prepared, eval.settings.method(), eval.settings.disagree_percent());
    let rows = ranked(&statuses, evaluator);
    let text = if json { as_json(&eval, &rows, evaluator) } else { as_text(&eval, &rows, evaluator) };
    stdout_result(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// The reports in rank order (the unscored after, then the documents that are no reports, each
/// group by file name), each with the evaluators to show.
fn ranked<'a>(statuses: &'a [ReportStatus], evaluator: Option<&str>) -> Vec<Row<'a>> {
    let mut order: Vec<&ReportStatus> = statuses.iter().collect();
    order.sort_by(|a, b| {
        let key = |s: &ReportStatus| (s.problem.is_some(), s.rank.unwrap_or(usize::MAX));
        key(a).cmp(&key(b)).then_with(|| a.file.cmp(&b.file))
    });
    order
        .into_iter()
        .map(|status| {
            let evaluators = match evaluator {
                None => status.evaluators.iter().map(Some).collect(),
                Some(name) => vec![find_evaluator(status, name)],
            };
            Row { status, evaluators }
        })
        .collect()
}

/// The evaluator `name`'s sheet of the report, found as a review finds it (by the name inside,
/// after a rename too); `None` when they have none yet.
fn find_evaluator<'a>(status: &'a ReportStatus, name: &str) -> Option<&'a EvaluatorStatus> {
    let base = crate::store::default_scores_path(&status.document);
    let (path, exists) = crate::store::evaluator_file(&base, name).ok()?;
    if !exists {
        return None;
    }
    status.evaluators.iter().find(|e| same_file(&e.file, &path))
}

fn same_file(a: &Path, b: &Path) -> bool {
    a == b || a.file_name().is_some_and(|n| Some(n) == b.file_name()) && a.parent() == b.parent()
}

/// One line of untrusted text, safe for a terminal.
fn safe(s: &str) -> String {
    truncate(s, usize::MAX).into_owned()
}

/// What a report is called in the list: its unit, its file and its items (without a unit, the
/// file and its items).
fn called(s: &ReportStatus) -> String {
    let word = plural(s.items, w::INIT_ITEM, w::INIT_ITEMS);
    let items = word.fill(&[("n", &s.items)]);
    match &s.unit {
        Some(unit) => {
            w::DIR_CALLED.fill(&[("unit", &safe(unit)), ("file", &safe(&s.file)), ("items", &items)])
        }
        None => w::DIR_CALLED_FILE.fill(&[("file", &safe(&s.file)), ("items", &items)]),
    }
}

fn as_text(eval: &Evaluation, rows: &[Row], evaluator: Option<&str>) -> String {
    let mut lines = Vec::new();
    let names = evaluator_names(rows);
    let title = if eval.settings.title.trim().is_empty() {
        shown(&eval.dir).to_string()
    } else {
        safe(&eval.settings.title)
    };
    let reports = rows.iter().filter(|r| r.status.problem.is_none()).count();
    let reports_word = plural(reports, w::REPORT_ONE, w::REPORTS);
    let evaluators_word = plural(names.len(), w::EVALUATOR_ONE, w::EVALUATORS);
    lines.push(w::DIR_HEADING.fill(&[
        ("title", &title),
        ("reports", &reports_word.fill(&[("n", &reports)])),
        ("evaluators", &evaluators_word.fill(&[("n", &names.len())])),
    ]));
    lines.push(String::new());
    // A table: the report's line, then a line per evaluator under it.
    let blank = || [String::new(), String::new(), String::new()];
    let mut table: Vec<[String; 4]> = vec![[
        w::DIR_RANK.get().into(),
        w::DIR_SCORE.get().into(),
        w::DIR_GRADE.get().into(),
        w::DIR_REPORT.get().into(),
    ]];
    for row in rows.iter().filter(|r| r.status.problem.is_none()) {
        let s = row.status;
        // The panel's score as the sheets print it, to two decimals (the JSON keeps it whole).
        let score =
            s.score.map_or("–".into(), |v| format!("{}/{}", fmt_num(round2(v)), fmt_num(s.report_max)));
        let grade = match (&s.grade, s.provisional) {
            (Some(g), true) => format!("{}{}", safe(g), w::PROVISIONAL.get()),
            (Some(g), false) => safe(g),
            (None, _) => "–".into(),
        };
        let rank = s.rank.map_or("–".into(), |r| r.to_string());
        let mut what = called(s);
        if s.disagreements > 0 {
            let word = plural(s.disagreements, w::DIR_DISAGREE_ONE, w::DIR_DISAGREE);
            what.push_str(&format!("  {}", word.fill(&[("n", &s.disagreements)])));
        }
        table.push([rank, score, grade, what]);
        if row.evaluators.is_empty() {
            let [a, b, c] = blank();
            table.push([a, b, c, format!("  {}", w::DIR_NOBODY)]);
        }
        for e in &row.evaluators {
            let [a, b, c] = blank();
            table.push([a, b, c, format!("  {}", evaluator_line(s, *e, evaluator))]);
        }
    }
    push_table(&mut lines, &table);
    // Then what is wrong: sheets that do not read or fit, documents that are no reports.
    let mut problems = Vec::new();
    for row in rows {
        push_sheet_problems(&mut problems, row.status);
    }
    let failed: Vec<&str> = rows.iter().filter_map(|r| r.status.problem.as_deref()).collect();
    if !failed.is_empty() {
        if !problems.is_empty() {
            problems.push(String::new());
        }
        push_failed(&mut problems, &failed);
    }
    if !problems.is_empty() {
        lines.push(String::new());
        lines.extend(problems);
    }
    if let Some(name) = evaluator {
        let unfinished: Vec<&ReportStatus> = rows
            .iter()
            .filter(|r| r.status.problem.is_none())
            .filter(|r| r.evaluators.first().copied().flatten().is_none_or(|e| e.scored < e.items))
            .map(|r| r.status)
            .collect();
        lines.push(String::new());
        lines.push(if unfinished.is_empty() {
            w::DIR_MINE_DONE.fill(&[("name", &safe(name)), ("total", &reports)])
        } else {
            let list: Vec<String> = unfinished.iter().map(|s| safe(&s.file)).collect();
            w::DIR_MINE.fill(&[
                ("name", &safe(name)),
                ("n", &unfinished.len()),
                ("total", &reports),
                ("list", &list.join(errors::LIST_SEP.get())),
            ])
        });
    }
    lines.join("\n") + "\n"
}

/// `张三  31/31  88  submitted`, or the named evaluator's `not started`.
fn evaluator_line(s: &ReportStatus, e: Option<&EvaluatorStatus>, named: Option<&str>) -> String {
    let Some(e) = e else {
        return format!("{}  0/{}  {}", safe(named.unwrap_or_default()), s.items, w::DIR_NOT_STARTED);
    };
    if e.problem.is_some() {
        return format!("{}  ✗", safe(&e.name));
    }
    let points = if e.scored > 0 { fmt_num(e.points) } else { "–".into() };
    let submitted = if e.submitted { w::DIR_SUBMITTED } else { w::DIR_NOT_SUBMITTED };
    format!("{}  {}/{}  {points}  {submitted}", safe(&e.name), e.scored, e.items)
}

/// Every evaluator's name met, in order.
fn evaluator_names(rows: &[Row]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for e in rows.iter().flat_map(|r| r.evaluators.iter().flatten()) {
        if !names.contains(&e.name) {
            names.push(e.name.clone());
        }
    }
    names
}

/// The table's lines: the first two columns (rank, score) right-aligned, the third padded.
fn push_table(lines: &mut Vec<String>, rows: &[[String; 4]]) {
    let w: Vec<usize> = (0..3).map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0)).collect();
    for row in rows {
        let pad = |c: usize| " ".repeat(w[c] - width(&row[c]));
        let line = format!("{}{}  {}{}  {}{}  {}", pad(0), row[0], pad(1), row[1], row[2], pad(2), row[3]);
        lines.push(line.trim_end().to_string());
    }
}

/// `appraise.evaluation/1` (`docs/schema/evaluation-1.json`), its fields in this order.
#[derive(serde::Serialize)]
struct JsonEvaluation<'a> {
    format: &'static str,
    title: &'a str,
    rubric: Option<String>,
    /// The `--evaluator` asked for: then each report lists only theirs.
    evaluator: Option<&'a str>,
    reports: Vec<JsonReport<'a>>,
}

#[derive(serde::Serialize)]
struct JsonReport<'a> {
    file: &'a str,
    title: &'a str,
    unit: Option<&'a str>,
    items: usize,
    full: f64,
    evaluators: Vec<JsonEvaluator<'a>>,
    score: Option<f64>,
    percent: Option<f64>,
    grade: Option<&'a str>,
    provisional: bool,
    disagreements: usize,
    rank: Option<usize>,
    problem: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct JsonEvaluator<'a> {
    name: &'a str,
    /// The scores file's name, beside the document; `None` for one not started.
    file: Option<String>,
    scored: usize,
    items: usize,
    /// The points of the scored items; `None` before the first score.
    total: Option<f64>,
    submitted: bool,
    mismatched: &'a [String],
    problem: Option<&'a str>,
}

fn as_json(eval: &Evaluation, rows: &[Row], named: Option<&str>) -> String {
    let file_name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    let reports = rows
        .iter()
        .map(|row| {
            let s = row.status;
            let evaluators = row
                .evaluators
                .iter()
                .map(|e| match e {
                    Some(e) => JsonEvaluator {
                        name: &e.name,
                        file: file_name(&e.file),
                        scored: e.scored,
                        items: e.items,
                        total: (e.scored > 0 && e.problem.is_none()).then_some(e.points),
                        submitted: e.submitted,
                        mismatched: &e.mismatched,
                        problem: e.problem.as_deref(),
                    },
                    // The named evaluator has not started this report.
                    None => JsonEvaluator {
                        name: named.unwrap_or_default(),
                        file: None,
                        scored: 0,
                        items: s.items,
                        total: None,
                        submitted: false,
                        mismatched: &[],
                        problem: None,
                    },
                })
                .collect();
            JsonReport {
                file: &s.file,
                title: &s.title,
                unit: s.unit.as_deref(),
                items: s.items,
                full: s.report_max,
                evaluators,
                score: s.score,
                percent: s.percent,
                grade: s.grade.as_deref(),
                provisional: s.provisional,
                disagreements: s.disagreements,
                rank: s.rank,
                problem: s.problem.as_deref(),
            }
        })
        .collect();
    let doc = JsonEvaluation {
        format: "appraise.evaluation/1",
        title: &eval.settings.title,
        rubric: eval.settings.rubric.as_ref().map(|r| r.to_string_lossy().into_owned()),
        evaluator: named,
        reports,
    };
    crate::text::json_escaped(serde_json::to_string_pretty(&doc).unwrap_or_default()) + "\n"
}
