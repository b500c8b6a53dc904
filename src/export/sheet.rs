//! One evaluator's scoring sheet (评分表): a row per item with its section path, title,
//! criteria, max, self score, score, note and flag; a subtotal row per section; then the total,
//! the percent and the grade — for the evaluator's scores and for the unit's self scores.

use super::Lang;
use super::json::{self, ReportRef};
use super::layout::{Layout, Line, layout};
use super::table::{Calc, Cell, ColKind, Column, Num, Provisional, Row, RowKind, Table, Value};
use crate::report::{Grade, Report};
use crate::scores::{Scores, Summary, clean, grade_for};
use serde_json::Value as Json;

/// Totals over (value, max) pairs where the value may be missing: the sum of the values
/// present, the percent of the max of those items (2 decimals) and its grade. `None`s when
/// no value is present. The same arithmetic as [`Summary`].
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Tally {
    pub count: usize,
    pub points: Option<f64>,
    pub percent: Option<f64>,
    pub grade: Option<String>,
}

impl Tally {
    pub fn of(values: impl IntoIterator<Item = (Option<f64>, f64)>, grades: &[Grade]) -> Tally {
        let (mut count, mut points, mut max) = (0, 0.0, 0.0);
        for (v, m) in values {
            if let Some(v) = v {
                count += 1;
                points += v;
                max += m;
            }
        }
        let (points, max) = (clean(points), clean(max));
        let percent = if count > 0 { crate::scores::percent_of(points, max) } else { None };
        let grade = percent.and_then(|p| grade_for(grades, p)).map(str::to_string);
        Tally { count, points: (count > 0).then_some(points), percent, grade }
    }
}

/// The first `levels + 1` cells of a line's row (section path and item title), how many of them
/// are the path, and where the row's label is.
pub(super) fn frame(
    report: &Report,
    lay: &Layout,
    line: &Line,
    lang: Lang,
) -> (Vec<Cell>, usize, Option<usize>) {
    let mut cells = vec![Cell::blank(); lay.levels + 1];
    match line {
        Line::Item(i) => {
            let item = &report.items[*i];
            let depth = path_cells(report, item.section, &mut cells);
            cells[lay.levels] = Cell::text(item.display_title());
            (cells, depth, None)
        }
        Line::Subtotal { section, .. } => {
            let depth = path_cells(report, *section, &mut cells);
            cells[depth] = Cell::text(subtotal_label(lang, &report.sections[*section].title));
            (cells, depth, Some(depth))
        }
    }
}

/// A subtotal names what it totals, so a row read alone (a page's first, a group's cell printed
/// pages above) says which: `小计：部门决策`, `Subtotal: 2.1 Children and families` — the word
/// first, where the eye looks for it, and no brackets around a title that has its own.
fn subtotal_label(lang: Lang, section: &str) -> String {
    let section = section.trim();
    match lang {
        _ if section.is_empty() => lang.pick("小计", "Subtotal").to_string(),
        Lang::Zh => format!("小计：{section}"),
        Lang::En => format!("Subtotal: {section}"),
    }
}

/// Puts the section path down to `section` in the first cells (the titles shared with the
/// report, not copied); how many.
fn path_cells(report: &Report, section: crate::report::SectionIx, cells: &mut [Cell]) -> usize {
    let depth = report.sections[section].depth + 1;
    for (k, s) in report.ancestors(section).enumerate() {
        cells[depth - 1 - k] = Cell::text(s.title.clone());
    }
    depth
}

/// A total-block row: `label` in the first column, blanks up to and including the title column.
pub(super) fn label_row(label: &str, levels: usize) -> Vec<Cell> {
    let mut cells = vec![Cell::blank(); levels + 1];
    cells[0] = Cell::text(label);
    cells
}

/// Rows of the total block: total, percent, grade (when the report has grades).
pub(super) struct TotalRows {
    pub total: usize,
    pub percent: usize,
    pub grade: Option<usize>,
}

impl TotalRows {
    /// Indices the total block will have when appended after `before` rows.
    pub fn after(before: usize, report: &Report) -> TotalRows {
        TotalRows {
            total: before,
            percent: before + 1,
            grade: (!report.grades.is_empty()).then_some(before + 2),
        }
    }

    /// The cells of a column scored with `Tally` `t`: total, percent, grade — the grade marked
    /// provisional while some items of the column are unscored.
    pub fn cells(&self, lay: &Layout, max_col: usize, t: &Tally, grades: &[Grade], lang: Lang) -> [Cell; 3] {
        let items = lay.item_lines();
        // Short in English: a grade cell sits in a narrow number column, and the note beside it
        // says what it means (not all items scored: the grade is provisional).
        let suffix = lang.pick("（暂定）", " (prov.)");
        let grade =
            t.grade.as_ref().map(|g| if t.count < items.len() { format!("{g}{suffix}") } else { g.clone() });
        [
            Cell::calc(Value::opt(t.points), Calc::Sum { rows: lay.top.clone(), blank_if_none: true }),
            Cell::calc(
                t.percent.map_or(Value::Blank, |p| Value::Num(Num::Percent(p))),
                Calc::Percent { points_row: self.total, items: items.clone(), max_col },
            ),
            Cell::calc(
                grade.map_or(Value::Blank, |g| Value::Text(g.into())),
                Calc::Grade {
                    percent_row: self.percent,
                    bands: grades.to_vec(),
                    provisional: Some(Provisional { items, suffix: suffix.into() }),
                },
            ),
        ]
    }
}

pub(super) fn total_row(cells: Vec<Cell>) -> Row {
    Row { kind: RowKind::Total, cells, path_len: 0, label: Some(0), highlight: false, scale: None }
}

/// Which of a sheet's optional columns it has: each only when some row has something in it.
/// 分值, 得分 and 扣分原因 always stay, so a blank sheet can be filled in by hand.
#[derive(Debug, Clone, Copy)]
struct Optional {
    criteria: bool,
    self_score: bool,
    flag: bool,
}

impl Optional {
    fn of(report: &Report, scores: &Scores) -> Optional {
        Optional {
            criteria: report
                .items
                .iter()
                .any(|i| i.criteria.as_deref().is_some_and(|c| !c.trim().is_empty())),
            self_score: report.items.iter().any(|i| i.self_score.is_some()),
            flag: scores.entries.iter().any(|e| e.flagged),
        }
    }
}

/// One evaluator's sheet as a table, headers and labels in `lang`.
pub fn sheet_table(report: &Report, scores: &Scores, lang: Lang) -> Table {
    let lay = layout(report);
    let l = lay.levels;
    let has = Optional::of(report, scores);
    let max_col = l + 1 + usize::from(has.criteria);
    let mut columns: Vec<Column> =
        (0..l).map(|k| Column { header: lang.level(k), kind: ColKind::Path }).collect();
    columns.push(Column { header: lang.item_header(l), kind: ColKind::Title });
    for (zh, en, kind, shown) in [
        ("评分标准", "Criteria", ColKind::Text, has.criteria),
        ("分值", "Max", ColKind::Number, true),
        ("自评得分", "Self score", ColKind::Number, has.self_score),
        ("得分", "Score", ColKind::Score, true),
        ("扣分原因和其他说明", "Note", ColKind::Text, true),
        ("待核实", "Flagged", ColKind::Mark, has.flag),
    ] {
        if shown {
            columns.push(Column { header: lang.pick(zh, en).into(), kind });
        }
    }
    // The cells after the title, in column order, the optional ones only when shown.
    let tail = |criteria: Cell, max: Cell, own: Cell, score: Cell, note: Cell, flag: Cell| {
        let mut cells = Vec::with_capacity(6);
        if has.criteria {
            cells.push(criteria);
        }
        cells.push(max);
        if has.self_score {
            cells.push(own);
        }
        cells.extend([score, note]);
        if has.flag {
            cells.push(flag);
        }
        cells
    };

    let mut rows = Vec::with_capacity(lay.lines.len() + 3);
    for line in &lay.lines {
        let (mut cells, path_len, label) = frame(report, &lay, line, lang);
        match line {
            Line::Item(i) => {
                let (item, e) = (&report.items[*i], &scores.entries[*i]);
                cells.extend(tail(
                    item.criteria.clone().map_or_else(Cell::blank, Cell::text),
                    Cell::num(Num::Plain(item.scale.max)),
                    Cell::score(item.self_score),
                    Cell::score(e.score),
                    Cell::text(e.note.clone()),
                    Cell::text(if e.flagged { "⚑" } else { "" }),
                ));
                let scale = Some(item.scale);
                rows.push(Row { kind: RowKind::Item, cells, path_len, label, highlight: false, scale });
            }
            Line::Subtotal { section, parts } => {
                let range = report.items_under(*section);
                let sum = Summary::of_items(report, scores, range.clone());
                let own = Tally::of(report.items[range].iter().map(|i| (i.self_score, i.scale.max)), &[]);
                let sum_of = |blank_if_none| Calc::Sum { rows: parts.clone(), blank_if_none };
                cells.extend(tail(
                    Cell::blank(),
                    Cell::calc(Value::Num(Num::Plain(sum.report_max)), sum_of(false)),
                    Cell::calc(Value::opt(own.points), sum_of(true)),
                    Cell::calc(Value::opt((sum.scored > 0).then_some(sum.points)), sum_of(true)),
                    Cell::blank(),
                    Cell::blank(),
                ));
                rows.push(Row::subtotal(cells, path_len, label));
            }
        }
    }

    let sum = Summary::of_report(report, scores);
    let scored = Tally::of(
        report.items.iter().zip(&scores.entries).map(|(i, e)| (e.score, i.scale.max)),
        &report.grades,
    );
    debug_assert_eq!((scored.percent, &scored.grade), (sum.percent, &sum.grade));
    let own = Tally::of(report.items.iter().map(|i| (i.self_score, i.scale.max)), &report.grades);
    let at = TotalRows::after(rows.len(), report);
    let [own_total, own_pct, own_grade] = at.cells(&lay, max_col, &own, &report.grades, lang);
    let [total, pct, grade] = at.cells(&lay, max_col, &scored, &report.grades, lang);

    let mut cells = label_row(lang.pick("合计", "Total"), l);
    cells.extend(tail(
        Cell::blank(),
        Cell::calc(
            Value::Num(Num::Plain(sum.report_max)),
            Calc::Sum { rows: lay.top.clone(), blank_if_none: false },
        ),
        own_total,
        total,
        Cell::text(lang.progress(sum.scored, sum.items)),
        Cell::blank(),
    ));
    rows.push(total_row(cells));

    let mut cells = label_row(lang.pick("得分率", "Percent"), l);
    cells.extend(tail(
        Cell::blank(),
        Cell::blank(),
        own_pct,
        pct,
        Cell::text(lang.pick("得分 ÷ 已评指标分值之和", "points ÷ max of the scored items")),
        Cell::blank(),
    ));
    rows.push(total_row(cells));

    if at.grade.is_some() {
        let mut cells = label_row(lang.pick("等级", "Grade"), l);
        let note = if sum.scored < sum.items {
            lang.pick("未评完，等级暂定", "not all items scored: the grade is provisional")
        } else {
            ""
        };
        cells.extend(tail(Cell::blank(), Cell::blank(), own_grade, grade, Cell::text(note), Cell::blank()));
        rows.push(total_row(cells));
    }
    debug_assert!(rows.iter().all(|r| r.cells.len() == columns.len()));

    let dates = super::framing::Dates::of([scores]);
    let framing = super::framing::sheet(
        lang,
        &report.title,
        super::framing::unit(report),
        scores.head.evaluator.as_deref(),
        &dates,
        sum.scored,
        sum.items,
    );
    Table {
        title: report.title.to_string(),
        framing,
        sheet_name: lang.pick("评分表", "Scoring sheet").into(),
        levels: l,
        columns,
        rows,
    }
}

#[derive(serde::Serialize)]
struct SheetDoc<'a> {
    format: &'static str,
    report: ReportRef<'a>,
    evaluator: Option<&'a str>,
    date: json::DatesOut,
    rows: Vec<SheetRow<'a>>,
    total: SheetTotal,
}

#[derive(serde::Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum SheetRow<'a> {
    Item {
        id: &'a str,
        path: Vec<&'a str>,
        title: String,
        criteria: Option<&'a str>,
        max: Json,
        self_score: Json,
        score: Json,
        note: &'a str,
        flagged: bool,
    },
    Subtotal {
        id: &'a str,
        path: Vec<&'a str>,
        max: Json,
        self_score: Json,
        score: Json,
        scored: usize,
        items: usize,
    },
}

#[derive(serde::Serialize)]
struct SheetTotal {
    max: Json,
    self_score: Json,
    score: Json,
    scored: usize,
    items: usize,
    /// Max of the scored items.
    max_points: Json,
    percent: Json,
    grade: Option<String>,
    /// The grade of a partly scored sheet.
    grade_provisional: bool,
    self_percent: Json,
    self_grade: Option<String>,
}

/// One evaluator's sheet as structured data (`appraise.sheet/1`, see the README).
pub fn sheet_json(report: &Report, scores: &Scores) -> String {
    let lay = layout(report);
    let rows = lay
        .lines
        .iter()
        .map(|line| match line {
            Line::Item(i) => {
                let (item, e) = (&report.items[*i], &scores.entries[*i]);
                SheetRow::Item {
                    id: &item.id,
                    path: report.section_path(item.section),
                    title: item.display_title(),
                    criteria: item.criteria.as_deref(),
                    max: json::number(item.scale.max),
                    self_score: json::opt(item.self_score),
                    score: json::opt(e.score),
                    note: &e.note,
                    flagged: e.flagged,
                }
            }
            Line::Subtotal { section, .. } => {
                let range = report.items_under(*section);
                let sum = Summary::of_items(report, scores, range.clone());
                let own = Tally::of(report.items[range].iter().map(|i| (i.self_score, i.scale.max)), &[]);
                SheetRow::Subtotal {
                    id: &report.sections[*section].id,
                    path: report.section_path(*section),
                    max: json::number(sum.report_max),
                    self_score: json::opt(own.points),
                    score: json::opt((sum.scored > 0).then_some(sum.points)),
                    scored: sum.scored,
                    items: sum.items,
                }
            }
        })
        .collect();
    let sum = Summary::of_report(report, scores);
    let own = Tally::of(report.items.iter().map(|i| (i.self_score, i.scale.max)), &report.grades);
    let doc = SheetDoc {
        format: "appraise.sheet/1",
        report: ReportRef::of(report),
        evaluator: scores.head.evaluator.as_deref(),
        date: json::DatesOut::of(&super::framing::Dates::of([scores])),
        rows,
        total: SheetTotal {
            max: json::number(sum.report_max),
            self_score: json::opt(own.points),
            score: json::opt((sum.scored > 0).then_some(sum.points)),
            scored: sum.scored,
            items: sum.items,
            max_points: json::number(sum.max_points),
            percent: json::opt(sum.percent),
            grade_provisional: sum.grade.is_some() && sum.scored < sum.items,
            grade: sum.grade,
            self_percent: json::opt(own.percent),
            self_grade: own.grade,
        },
    };
    json::pretty(&doc)
}
