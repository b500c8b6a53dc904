//! The table every format is written from. A computed cell carries its value (what csv, md and
//! xlsx's cached result show) and the [`Calc`] that computes it (what xlsx writes as a formula),
//! both from the same rows, so a spreadsheet stays right when someone edits a score in it.

use crate::report::{Grade, SharedStr};
use crate::scores::fmt_num;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    /// A level of the section path (merged with equal cells above and below in xlsx).
    Path,
    /// The item's title.
    Title,
    /// Long text: criteria, notes.
    Text,
    Number,
    /// An evaluator's score: 得分, or a panel member's column (checked against the item's
    /// scale in xlsx).
    Score,
    /// A short mark: ⚑, ⚠.
    Mark,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub kind: ColKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Item,
    Subtotal,
    /// The total and the percent and grade rows below it.
    Total,
}

/// A number and how it is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    /// A score or points: `5`, `6.5`, `0.25`.
    Plain(f64),
    /// A mean, kept exact, shown to 2 decimals (and so is every number in its column: a
    /// panel's agreed score, a subtotal of means).
    Mean(f64),
    /// Percentage points (`82.89` is 82.89%).
    Percent(f64),
}

impl Num {
    pub fn value(self) -> f64 {
        match self {
            Num::Plain(v) | Num::Mean(v) | Num::Percent(v) => v,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Blank,
    /// Shared where it comes from the report (a section title on every row of the section
    /// costs no copy).
    Text(SharedStr),
    Num(Num),
}

impl Value {
    pub fn is_num(&self) -> bool {
        matches!(self, Value::Num(_))
    }

    /// `Plain(v)` or blank.
    pub fn opt(v: Option<f64>) -> Value {
        v.map_or(Value::Blank, |v| Value::Num(Num::Plain(v)))
    }

    /// The value as text, for csv and md: a mean always to 2 decimals (`4.50`, `11.00`), so a
    /// column of means reads alike in every row.
    pub fn text(&self) -> String {
        match self {
            Value::Blank => String::new(),
            Value::Text(s) => s.to_string(),
            Value::Num(Num::Plain(v)) => fmt_num(*v),
            Value::Num(Num::Mean(v)) => format!("{:.2}", round2(*v)),
            Value::Num(Num::Percent(v)) => format!("{}%", fmt_num(*v)),
        }
    }
}

/// `v` rounded half up to 2 decimals as a spreadsheet rounds what it shows: 2.675 (stored as
/// 2.67499…) is 2.68.
pub fn round2(v: f64) -> f64 {
    let x = v * 100.0;
    (x + x.signum() * 1e-9).round() / 100.0 + 0.0
}

/// How a computed cell is computed, by row index (into [`Table::rows`]) and column index.
#[derive(Debug, Clone, PartialEq)]
pub enum Calc {
    /// The sum of this column over `rows`; when `blank_if_none`, blank (not 0) while none of
    /// them holds a number.
    Sum { rows: Vec<usize>, blank_if_none: bool },
    /// A statistic over the columns `cols` of this row; blank when they hold no number.
    Stat { stat: Stat, cols: Range<usize> },
    /// `mark` when at least two of the columns `cols` of this row hold numbers and the highest
    /// exceeds the lowest by more than `threshold`, else blank.
    Disagree { cols: Range<usize>, threshold: f64, mark: String },
    /// The cell `points_row` of this column ÷ the sum of column `max_col` over those of the
    /// `items` rows where this column holds a number; as percentage points to 2 decimals.
    Percent { points_row: usize, items: Vec<usize>, max_col: usize },
    /// The label of the first band whose `min` ≤ the percent in row `percent_row` of this column;
    /// with `provisional`, the label followed by its suffix while fewer than all of its `items`
    /// rows of this column hold a number (the grade of a partly scored sheet).
    Grade { percent_row: usize, bands: Vec<Grade>, provisional: Option<Provisional> },
    /// In a workbook of several sheets, the cell `at` of another worksheet (a report's total
    /// on the 汇总表), so an edit there shows here.
    Link { at: Remote },
    /// This row's rank by the number in column `col` among table rows `rows` (1 the highest,
    /// equal numbers sharing a rank); blank without a number.
    Rank { col: usize, rows: Range<usize> },
    /// The number in column `col` of this row ÷ `of`, as percentage points to 2 decimals;
    /// blank without a number.
    Ratio { col: usize, of: f64 },
    /// The label of the first band whose `min` ≤ the percent in column `percent_col` of this
    /// row; with `provisional`, followed by its suffix while some of its cells (of another
    /// worksheet: a report's items) hold no number.
    GradeOf { percent_col: usize, bands: Vec<Grade>, provisional: Option<RemoteProvisional> },
}

/// A grade provisional while fewer than `items` of the cells `scored` hold a number.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteProvisional {
    pub scored: Remote,
    pub items: usize,
    /// `（暂定）` / ` (prov.)`.
    pub suffix: String,
}

/// Cells of another worksheet: its name, a column and sheet rows (0-based, consecutive ones
/// written as one range).
#[derive(Debug, Clone, PartialEq)]
pub struct Remote {
    pub sheet: String,
    pub col: u16,
    pub rows: Vec<u32>,
}

/// When a grade is only provisional: while some of the `items` rows are unscored.
#[derive(Debug, Clone, PartialEq)]
pub struct Provisional {
    pub items: Vec<usize>,
    /// `（暂定）` / ` (prov.)`.
    pub suffix: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stat {
    Mean,
    /// The mean without the highest and the lowest value (去掉一个最高分和一个最低分) when there
    /// are at least 3 values; with fewer, the plain mean.
    TrimmedMean,
    Min,
    Max,
    Spread,
}

/// A cell is 32 bytes: a sheet of 100k items has over a million of them, and few compute.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub value: Value,
    pub calc: Option<Box<Calc>>,
}

impl Cell {
    pub fn blank() -> Cell {
        Cell { value: Value::Blank, calc: None }
    }

    pub fn text(s: impl Into<SharedStr>) -> Cell {
        let s = s.into();
        Cell { value: if s.is_empty() { Value::Blank } else { Value::Text(s) }, calc: None }
    }

    pub fn num(n: Num) -> Cell {
        Cell { value: Value::Num(n), calc: None }
    }

    /// A score: the number, or blank when there is none.
    pub fn score(v: Option<f64>) -> Cell {
        Cell { value: Value::opt(v), calc: None }
    }

    pub fn calc(value: Value, calc: Calc) -> Cell {
        Cell { value, calc: Some(Box::new(calc)) }
    }

    pub fn is_blank(&self) -> bool {
        self.value == Value::Blank && self.calc.is_none()
    }

    pub fn as_text(&self) -> Option<&str> {
        match &self.value {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
    /// How many leading cells hold the row's section path.
    pub path_len: usize,
    /// The column of the row's label (小计, 合计, 得分率, 等级), shown bold.
    pub label: Option<usize>,
    /// Marked for attention (the panel disagrees on this item).
    pub highlight: bool,
    /// An item row's scale (what its score cells accept).
    pub scale: Option<crate::report::Scale>,
}

impl Row {
    /// A section's subtotal row: its path in the first `path_len` cells, its label at `label`.
    pub fn subtotal(cells: Vec<Cell>, path_len: usize, label: Option<usize>) -> Row {
        Row { kind: RowKind::Subtotal, cells, path_len, label, highlight: false, scale: None }
    }
}

/// What a sheet says around its table, in the sheet's language: who scored it and when above,
/// where to sign below, and what every printed page carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Framing {
    /// The document's first line: `<report title> 评分表` / `<report title> — scoring sheet`.
    pub heading: String,
    /// Above the table, label and value: 评价人 张三, 评价日期 …; a panel's 评价得分 (what it is)
    /// and 评分一致性 (its alpha). A blank value is a space to fill in by hand.
    pub facts: Vec<(String, String)>,
    /// One evaluator's progress (进度 已评 27/28 项（96.4%）), after the facts: the total row
    /// says it too, so the CSV, a table alone, leaves it out.
    pub progress: Option<(String, String)>,
    /// Lines under the facts (the panel's legend of its marks, each member's deviation).
    pub notes: Vec<String>,
    /// Below the totals, one line each: `评价人（签字）：＿＿＿＿　日期：＿＿＿＿`.
    pub signatures: Vec<String>,
    /// The printed page's footer in Excel's codes: `第 &P 页 共 &N 页` / `Page &P of &N`.
    pub footer: String,
    /// The score cells' validation in xlsx: its title, and its message with `{min}`, `{max}` and
    /// `{step}` to fill in per item.
    pub validation: (String, String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The report's title: the md heading, the xlsx print header and document title.
    pub title: String,
    /// Who, when, progress, signatures, page footer.
    pub framing: Framing,
    /// The xlsx worksheet's name.
    pub sheet_name: String,
    /// The first `levels` columns are the section path.
    pub levels: usize,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    /// Header and rows as text, as csv and md show them.
    pub fn text_rows(&self) -> Vec<Vec<String>> {
        let header = self.columns.iter().map(|c| c.header.clone()).collect();
        std::iter::once(header)
            .chain(self.rows.iter().map(|r| r.cells.iter().map(|c| c.value.text()).collect()))
            .collect()
    }
}
