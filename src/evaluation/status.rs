//! What each report of an evaluation comes to now: every evaluator's progress and total (and
//! whether they submitted), the panel's 评价得分 — per item the agreed score where the chair set
//! one, else the panel's method over the evaluators' scores — its percent of the report's full
//! marks and grade, and the reports' rank by it. Read from the scores files as they are: the
//! list view, `summary DIR` and the 汇总表 all come from here.

use super::Prepared;
use crate::export::{ItemStats, Method, member_names};
use crate::report::Report;
use crate::scores::{Scores, Summary, check_score, grade_for};
use crate::store::{default_scores_path, load_scores, scores_files_beside};
use std::path::{Path, PathBuf};

/// One evaluator's sheet of one report.
#[derive(Debug, Clone, PartialEq)]
pub struct EvaluatorStatus {
    /// The name in the file (unique in the report's panel), else the file's.
    pub name: String,
    pub file: PathBuf,
    pub scored: usize,
    pub items: usize,
    pub points: f64,
    pub submitted: bool,
    /// Why the file cannot be read (it is shown, not counted).
    pub problem: Option<String>,
    /// Ids of scored entries that no longer match the report (gone, or off its scale): the
    /// rubric changed after scoring.
    pub mismatched: Vec<String>,
}

/// One report of the evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportStatus {
    /// The document's path and file name.
    pub document: PathBuf,
    pub file: String,
    /// The report file (the document, or its import).
    pub report_path: Option<PathBuf>,
    pub title: String,
    /// 被评价单位: the report's `meta.unit`, when it names one.
    pub unit: Option<String>,
    pub items: usize,
    /// The report's full marks.
    pub report_max: f64,
    pub evaluators: Vec<EvaluatorStatus>,
    /// The panel's 评价得分 (the one evaluator's total when there is one), and its percent of
    /// `report_max`; `None` while nobody scored anything.
    pub score: Option<f64>,
    pub percent: Option<f64>,
    pub grade: Option<String>,
    /// Some item has no score from anybody yet: the score and grade are provisional.
    pub provisional: bool,
    /// Items where the evaluators disagree (by the evaluation's `disagree` percent).
    pub disagreements: usize,
    /// 1 for the highest 评价得分; equal scores share a rank. `None` without a score.
    pub rank: Option<usize>,
    /// Why the document is not a report (an import that failed, two documents of one id).
    pub problem: Option<String>,
}

/// The status of every prepared report, ranked, in the documents' order.
pub fn status(prepared: &[Prepared], method: Method, disagree: f64) -> Vec<ReportStatus> {
    let mut out: Vec<ReportStatus> = prepared.iter().map(|p| one(p, method, disagree)).collect();
    let mut scores: Vec<f64> = out.iter().filter_map(|r| r.score).collect();
    scores.sort_by(|a, b| b.total_cmp(a));
    for r in &mut out {
        r.rank = r.score.map(|s| 1 + scores.iter().take_while(|&&x| x > s + 1e-9).count());
    }
    out
}

impl ReportStatus {
    /// A document's status before anything in it is known: its name as its title, nothing
    /// scored (what the list shows until the reports are read).
    pub fn pending(d: &super::Document) -> ReportStatus {
        ReportStatus {
            document: d.path.clone(),
            file: d.name.clone(),
            report_path: None,
            title: d.name.clone(),
            unit: None,
            items: 0,
            report_max: 0.0,
            evaluators: Vec::new(),
            score: None,
            percent: None,
            grade: None,
            provisional: true,
            disagreements: 0,
            rank: None,
            problem: None,
        }
    }
}

fn one(p: &Prepared, method: Method, disagree: f64) -> ReportStatus {
    let mut status =
        ReportStatus { report_path: p.report_path.clone(), ..ReportStatus::pending(&p.document) };
    let report = match &p.report {
        Ok(r) => r,
        Err(problem) => {
            status.problem = Some(problem.clone());
            return status;
        }
    };
    status.title = report.title.to_string();
    status.unit = report.meta.iter().find(|(k, _)| k == "unit").map(|(_, v)| v.to_string());
    status.items = report.items.len();
    status.report_max = report.items.iter().map(|i| i.scale.max).sum();
    let base = default_scores_path(&p.document.path);
    let (sheets, agreed) = sheets_of(&base, report);
    let keys: Vec<(Option<String>, &Path)> = sheets
        .iter()
        .map(|(path, s)| {
            let named = s.as_ref().ok().and_then(|s| s.head.evaluator.clone());
            (named.or_else(|| name_in_file(&base, path)), path.as_path())
        })
        .collect();
    let names = member_names(&keys);
    let good: Vec<&Scores> = sheets.iter().filter_map(|(_, s)| s.as_ref().ok()).collect();
    for ((path, read), name) in sheets.iter().zip(names) {
        let e = match read {
            Ok(s) => {
                let sum = Summary::of_report(report, s);
                EvaluatorStatus {
                    name,
                    file: path.clone(),
                    scored: sum.scored,
                    items: sum.items,
                    points: sum.points,
                    submitted: s.is_submitted(),
                    problem: None,
                    mismatched: mismatched(report, s),
                }
            }
            Err(problem) => EvaluatorStatus {
                name,
                file: path.clone(),
                scored: 0,
                items: status.items,
                points: 0.0,
                submitted: false,
                problem: Some(problem.clone()),
                mismatched: Vec::new(),
            },
        };
        status.evaluators.push(e);
    }
    // The panel's 评价得分: per item the agreed score, else the method over the evaluators'.
    let mut total = 0.0;
    let mut any = false;
    let mut missing = false;
    for (i, item) in report.items.iter().enumerate() {
        let scores: Vec<Option<f64>> = good.iter().map(|s| s.entries[i].score).collect();
        let stats = ItemStats::of(&scores, item.scale.max, disagree, method);
        if stats.disagree {
            status.disagreements += 1;
        }
        let value = agreed.as_ref().and_then(|a| a.entries[i].score).or(stats.mean);
        match value {
            Some(v) => {
                total += v;
                any = true;
            }
            None => missing = true,
        }
    }
    if any {
        status.score = Some(crate::scores::clean(total));
        status.percent = crate::scores::percent_of(total, status.report_max);
        status.grade = status.percent.and_then(|p| grade_for(&report.grades, p)).map(str::to_string);
    }
    status.provisional = missing;
    status
}

/// The evaluator's name as the file `REPORT.NAME.scores.json` beside `base`
/// (`REPORT.scores.json`) spells it: what a sheet that does not read is called.
fn name_in_file(base: &Path, path: &Path) -> Option<String> {
    let file = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    let (base, path) = (file(base)?, file(path)?);
    let stem = base.strip_suffix("scores.json")?;
    let name = path.strip_prefix(stem)?.strip_suffix(".scores.json")?;
    (!name.is_empty()).then(|| name.to_string())
}

/// An evaluator's scores file, read, or why it cannot be.
type Sheet = (PathBuf, Result<Scores, String>);

/// The evaluators' sheets of the report whose default scores file is `base` (each read, or why
/// not), and the panel's agreed scores when there are.
fn sheets_of(base: &Path, report: &Report) -> (Vec<Sheet>, Option<Scores>) {
    let sheets = scores_files_beside(base)
        .into_iter()
        .filter_map(|path| match load_scores(&path, report) {
            Ok(Some(l)) => Some((path, Ok(l.scores))),
            Ok(None) => None,
            // Another report's scores that happen to sit here are not this report's.
            Err(crate::store::StoreError::OtherReport { .. }) => None,
            Err(e) => Some((path, Err(e.reason()))),
        })
        .collect();
    let name = base.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".scores.json").unwrap_or(&name);
    let panel = base.with_file_name(format!("{stem}.{}.scores.json", crate::store::RESERVED));
    let agreed = load_scores(&panel, report).ok().flatten().map(|l| l.scores);
    (sheets, agreed)
}

/// Ids of the entries that no longer fit the report: scored off the item's scale now (in the
/// report's order), then kept for items it no longer has (with a score, note or flag).
fn mismatched(report: &Report, s: &Scores) -> Vec<String> {
    let mut ids = Vec::new();
    for (item, e) in report.items.iter().zip(&s.entries) {
        if let Some(v) = e.score
            && check_score(v, &item.scale).is_err()
        {
            ids.push(item.id.to_string());
        }
    }
    ids.extend(s.orphans.iter().filter(|o| !o.blank).map(|o| o.id.clone()));
    ids
}
