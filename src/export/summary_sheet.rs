//! An evaluation's 汇总表: a row per report, ranked by the panel's 评价得分 — its rank, the unit
//! evaluated, the document, each evaluator's total, the 评价得分, its percent of full marks, the
//! grade and what else the office should know (who has not submitted, disagreements, a rubric
//! changed under a score); reports not scored yet after the ranked ones, and documents that
//! could not be read last, with why. Built as a [`Table`] like every sheet, so CSV, Markdown and
//! xlsx come from one place; JSON from the same [`Summary`].
//!
//! In a workbook the 汇总表 is the first sheet and each report's own sheet follows it
//! ([`SheetLinks`]): an evaluator's total and the 评价得分 are links to the totals on the
//! report's sheet, and rank, percent and grade are formulas over them, so a score edited on a
//! report's sheet changes the 汇总表 too.

use super::framing::{self, Dates, PanelHow};
use super::json::{number, opt, pretty};
use super::table::{Calc, Cell, ColKind, Column, Num, Remote, RemoteProvisional, Row, RowKind, Table, Value};
use super::{Lang, Method};
use crate::report::Grade;

/// One evaluator's work on one report.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryMark {
    pub name: String,
    pub scored: usize,
    pub items: usize,
    /// The sum of their scores.
    pub total: f64,
    pub submitted: bool,
    /// Why their scores file cannot be read.
    pub problem: Option<String>,
    /// How many of their scores no longer fit the report (its rubric changed).
    pub mismatched: usize,
}

/// One report as the 汇总表 shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryReport {
    /// The document's file name.
    pub file: String,
    pub title: String,
    /// 被评价单位, when the report names it.
    pub unit: Option<String>,
    pub items: usize,
    /// Full marks.
    pub max: f64,
    pub evaluators: Vec<SummaryMark>,
    /// The panel's 评价得分 (agreed scores where the chair set them, else the method's value).
    pub score: Option<f64>,
    /// `score` over `max`, in percent.
    pub percent: Option<f64>,
    pub grade: Option<String>,
    /// Some item has no score from anybody yet.
    pub provisional: bool,
    /// Items where the evaluators disagree.
    pub disagreements: usize,
    pub rank: Option<usize>,
    /// Why the document is not a report (it could not be imported or read).
    pub problem: Option<String>,
    /// The report's grade bands (for the grade's formula).
    pub bands: Vec<Grade>,
    /// Where the report's own sheet is, in a workbook.
    pub sheet: Option<SheetLinks>,
}

/// Where a report's sheet keeps what the 汇总表 shows of it: each evaluator's total, the
/// 评价得分's total and its item cells (a grade is provisional while one is blank).
#[derive(Debug, Clone, PartialEq)]
pub struct SheetLinks {
    pub name: String,
    pub members: Vec<(String, Remote)>,
    pub score: Remote,
    pub items: Remote,
}

/// The 汇总表's content.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The evaluation's title.
    pub title: String,
    pub method: Method,
    /// Some report has the chair's agreed scores.
    pub agreed: bool,
    pub disagree_percent: f64,
    pub dates: Dates,
    /// In the 汇总表's order (see [`order`]).
    pub reports: Vec<SummaryReport>,
}

/// The 汇总表's order of `reports` (indices): by rank (then file name), then those without a
/// score in their given order, then the documents that could not be read.
pub fn order(reports: &[SummaryReport]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    // A stable sort: the unscored and the unreadable keep their order.
    order.sort_by_cached_key(|&k| {
        let r = &reports[k];
        match (&r.problem, r.rank) {
            (Some(_), _) => (2, 0, String::new()),
            (None, Some(rank)) => (0, rank, r.file.clone()),
            (None, None) => (1, 0, String::new()),
        }
    });
    order
}

impl Summary {
    /// Everyone who has a scores file of some report, in the order they first appear.
    pub fn members(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for m in self.reports.iter().flat_map(|r| &r.evaluators) {
            if !names.contains(&m.name.as_str()) {
                names.push(&m.name);
            }
        }
        names
    }
}

/// Where a report's sheet `table`, written as worksheet `name`, keeps its totals: the score
/// columns' total (each of `members`, in order, on a panel's sheet; the one evaluator's on a
/// single sheet) and the 评价得分's (the column after the members' on a panel's sheet).
pub fn links_of(table: &Table, name: &str, members: &[String]) -> Option<SheetLinks> {
    let top = super::xlsx::table_top(table);
    let at = |r: usize| top + 1 + r as u32;
    let total = table.rows.iter().position(|r| r.kind == RowKind::Total)?;
    let items: Vec<u32> =
        table.rows.iter().enumerate().filter(|(_, r)| r.kind == RowKind::Item).map(|(r, _)| at(r)).collect();
    let scores: Vec<usize> =
        (0..table.columns.len()).filter(|&c| table.columns[c].kind == ColKind::Score).collect();
    let score = match scores[..] {
        [] => return None,
        [one] => one,
        [.., last] => last + 1,
    };
    let remote = |col: usize, rows: Vec<u32>| Remote { sheet: name.to_string(), col: col as u16, rows };
    let members = if scores.len() == 1 {
        members.iter().take(1).map(|m| (m.clone(), remote(score, vec![at(total)]))).collect()
    } else {
        members.iter().zip(&scores).map(|(m, &c)| (m.clone(), remote(c, vec![at(total)]))).collect()
    };
    Some(SheetLinks {
        name: name.to_string(),
        members,
        score: remote(score, vec![at(total)]),
        items: remote(score, items),
    })
}

/// The 汇总表 as a table, in `lang`.
pub fn summary_table(s: &Summary, lang: Lang) -> Table {
    let members = s.members();
    let mut columns = vec![
        Column { header: lang.pick("排名", "Rank").into(), kind: ColKind::Number },
        Column { header: lang.pick("被评价单位", "Unit evaluated").into(), kind: ColKind::Title },
        Column { header: lang.pick("报告", "Report").into(), kind: ColKind::Text },
    ];
    columns.extend(members.iter().map(|m| Column { header: m.to_string(), kind: ColKind::Number }));
    let score_col = columns.len();
    let (percent_col, grade_col) = (score_col + 1, score_col + 2);
    for header in
        [lang.pick("评价得分", "Panel score"), lang.pick("得分率", "Percent"), lang.pick("等级", "Grade")]
    {
        columns.push(Column { header: header.into(), kind: ColKind::Number });
    }
    columns.push(Column { header: lang.pick("说明", "Notes").into(), kind: ColKind::Text });
    debug_assert_eq!(grade_col + 2, columns.len());

    let n = s.reports.len();
    let suffix = lang.pick("（暂定）", " (prov.)");
    let rows = s
        .reports
        .iter()
        .map(|r| {
            let mut cells = Vec::with_capacity(columns.len());
            let readable = r.problem.is_none();
            cells.push(if readable {
                Cell::calc(Value::opt(r.rank.map(|k| k as f64)), Calc::Rank { col: score_col, rows: 0..n })
            } else {
                Cell::blank()
            });
            cells.push(Cell::text(r.unit.clone().unwrap_or_else(|| r.title.clone())));
            cells.push(Cell::text(r.file.clone()));
            for m in &members {
                let mark = r.evaluators.iter().find(|e| e.name == *m);
                let value = Value::opt(mark.filter(|e| e.scored > 0).map(|e| e.total));
                let link = r.sheet.as_ref().and_then(|l| l.members.iter().find(|(name, _)| name == m));
                cells.push(match link {
                    Some((_, at)) => Cell::calc(value, Calc::Link { at: at.clone() }),
                    None => Cell { value, calc: None },
                });
            }
            let score = r.score.map_or(Value::Blank, |v| Value::Num(Num::Mean(v)));
            cells.push(match &r.sheet {
                Some(l) => Cell::calc(score, Calc::Link { at: l.score.clone() }),
                None => Cell { value: score, calc: None },
            });
            let percent = r.percent.map_or(Value::Blank, |p| Value::Num(Num::Percent(p)));
            cells.push(if readable && r.max > 0.0 {
                Cell::calc(percent, Calc::Ratio { col: score_col, of: r.max })
            } else {
                Cell { value: percent, calc: None }
            });
            let grade =
                r.grade.as_ref().map(|g| if r.provisional { format!("{g}{suffix}") } else { g.clone() });
            let grade = grade.map_or(Value::Blank, |g| Value::Text(g.into()));
            cells.push(match &r.sheet {
                Some(l) if !r.bands.is_empty() => Cell::calc(
                    grade,
                    Calc::GradeOf {
                        percent_col,
                        bands: r.bands.clone(),
                        provisional: Some(RemoteProvisional {
                            scored: l.items.clone(),
                            items: r.items,
                            suffix: suffix.into(),
                        }),
                    },
                ),
                _ => Cell { value: grade, calc: None },
            });
            cells.push(Cell::text(notes(r, lang)));
            Row { kind: RowKind::Item, cells, path_len: 0, label: None, highlight: false, scale: None }
        })
        .collect();

    let scored = s.reports.iter().filter(|r| r.score.is_some()).count();
    let failed = s.reports.iter().filter(|r| r.problem.is_some()).count();
    let how = PanelHow { method: s.method, agreed: s.agreed, disagree_percent: s.disagree_percent };
    Table {
        title: s.title.clone(),
        framing: framing::evaluation(lang, &s.title, &members, &s.dates, &how, (n, scored, failed)),
        sheet_name: sheet_name(lang).into(),
        levels: 0,
        columns,
        rows,
    }
}

/// The 汇总表's worksheet name (the workbook's first).
pub fn sheet_name(lang: Lang) -> &'static str {
    lang.pick("汇总表", "Summary")
}

/// What the office should know of a report beyond its numbers, in one cell.
fn notes(r: &SummaryReport, lang: Lang) -> String {
    if let Some(why) = &r.problem {
        return format!("{}{why}", lang.pick("未能读入：", "could not be read: "));
    }
    let sep = lang.pick("、", ", ");
    let mut out: Vec<String> = Vec::new();
    if r.evaluators.iter().all(|e| e.scored == 0) {
        out.push(lang.pick("尚无评分", "not scored yet").into());
    }
    for e in r.evaluators.iter().filter(|e| e.problem.is_some()) {
        out.push(match lang {
            Lang::Zh => format!("{} 的评分文件无法读取", e.name),
            Lang::En => format!("{}'s scores file cannot be read", e.name),
        });
    }
    let partial: Vec<String> = r
        .evaluators
        .iter()
        .filter(|e| e.problem.is_none() && e.scored > 0 && e.scored < e.items)
        .map(|e| format!("{} {}/{}", e.name, e.scored, e.items))
        .collect();
    if !partial.is_empty() {
        out.push(format!("{}{}", lang.pick("未评完：", "unfinished: "), partial.join(sep)));
    }
    let open: Vec<&str> = r
        .evaluators
        .iter()
        .filter(|e| e.problem.is_none() && e.scored > 0 && !e.submitted)
        .map(|e| e.name.as_str())
        .collect();
    if !open.is_empty() {
        out.push(format!("{}{}", lang.pick("未提交：", "not submitted: "), open.join(sep)));
    }
    if r.disagreements > 0 {
        out.push(match lang {
            Lang::Zh => format!("{} 项分歧", r.disagreements),
            Lang::En => {
                format!("{} disagreement{}", r.disagreements, if r.disagreements == 1 { "" } else { "s" })
            }
        });
    }
    for e in r.evaluators.iter().filter(|e| e.mismatched > 0) {
        out.push(match lang {
            Lang::Zh => format!("评分表已改动：{} 的 {} 项评分不再对应", e.name, e.mismatched),
            Lang::En => {
                format!("the rubric changed: {} of {}'s scores no longer match", e.mismatched, e.name)
            }
        });
    }
    out.join(lang.pick("；", "; "))
}

/// The 汇总表 as JSON (`docs/schema/summary-sheet-1.json`).
pub fn summary_json(s: &Summary) -> String {
    #[derive(serde::Serialize)]
    struct Doc<'a> {
        format: &'static str,
        title: &'a str,
        date: super::json::DatesOut,
        method: &'static str,
        disagree_percent: serde_json::Value,
        evaluators: Vec<&'a str>,
        reports: Vec<ReportOut<'a>>,
    }
    // The fields `summary DIR --json` (`appraise.evaluation/1`) has too are named and ordered
    // as there.
    #[derive(serde::Serialize)]
    struct ReportOut<'a> {
        file: &'a str,
        title: &'a str,
        unit: Option<&'a str>,
        items: usize,
        full: serde_json::Value,
        evaluators: Vec<MarkOut<'a>>,
        score: serde_json::Value,
        percent: serde_json::Value,
        grade: Option<&'a str>,
        provisional: bool,
        disagreements: usize,
        rank: Option<usize>,
        problem: Option<&'a str>,
    }
    #[derive(serde::Serialize)]
    struct MarkOut<'a> {
        name: &'a str,
        scored: usize,
        items: usize,
        total: serde_json::Value,
        submitted: bool,
        problem: Option<&'a str>,
    }
    let doc = Doc {
        format: "appraise.summary-sheet/1",
        title: &s.title,
        date: super::json::DatesOut::of(&s.dates),
        method: s.method.key(),
        disagree_percent: number(s.disagree_percent),
        evaluators: s.members(),
        reports: s
            .reports
            .iter()
            .map(|r| ReportOut {
                file: &r.file,
                title: &r.title,
                unit: r.unit.as_deref(),
                items: r.items,
                full: number(r.max),
                evaluators: r
                    .evaluators
                    .iter()
                    .map(|e| MarkOut {
                        name: &e.name,
                        scored: e.scored,
                        items: e.items,
                        total: opt((e.scored > 0 && e.problem.is_none()).then_some(e.total)),
                        submitted: e.submitted,
                        problem: e.problem.as_deref(),
                    })
                    .collect(),
                score: opt(r.score),
                percent: opt(r.percent),
                grade: r.grade.as_deref(),
                provisional: r.provisional,
                disagreements: r.disagreements,
                rank: r.rank,
                problem: r.problem.as_deref(),
            })
            .collect(),
    };
    pretty(&doc)
}
