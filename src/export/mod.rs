//! Scoring sheets (评分表) and a panel's summary sheet (评价人员评分汇总表).
//!
//! Both are built once as a [`Table`] — columns, rows of cells, and for every computed cell both
//! its value and what computes it — and then written as CSV, a GitHub Markdown table or an xlsx
//! workbook (with live `SUM` formulas and cached results) from that one table, so every format
//! shows the same numbers. JSON is written from the same computations as structured data.
//!
//! - `layout`: the rows of a sheet — a row per item in report order, a subtotal row closing each
//!   section that has items, in the order a Chinese 评分表 has them.
//! - `sheet`: one evaluator's sheet; `merge`: several evaluators' scores side by side.
//! - `agreement`: how far a panel agrees (Krippendorff's alpha, each evaluator's deviation).
//! - `summary_sheet`: an evaluation's 汇总表, a row per report ranked by the panel's score.
//! - `framing`: what a sheet says around its table (who, when, progress, signatures, footer).
//! - `csv`, `md`, `xlsx`, `json`: the writers.
//!
//! What every file may need is here, below them all: the [`Format`], the sheet's [`Lang`] and a
//! panel's [`Method`].
//!
//! An unscored item is blank, never 0; so is a subtotal with nothing scored under it.

pub mod agreement;
mod csv;
mod framing;
mod json;
mod layout;
mod md;
mod merge;
mod sheet;
mod summary_sheet;
mod table;
pub use table::round2;
mod xlsx;

pub use agreement::{Agreement, Reading};
pub use csv::{to_csv, write_csv};
pub use framing::Dates;
pub use layout::{Layout, Line, layout};
pub use md::to_md;
pub use merge::{ItemStats, Panel, PanelMember, member_names, panel_json, panel_table};
pub use sheet::{sheet_json, sheet_table};
pub use summary_sheet::{
    SheetLinks, Summary, SummaryMark, SummaryReport, links_of, order as summary_order,
    sheet_name as summary_sheet_name, summary_json, summary_table,
};
pub use table::{
    Calc, Cell, ColKind, Column, Framing, Num, Provisional, Remote, RemoteProvisional, Row, RowKind, Stat,
    Table, Value,
};
pub use xlsx::{book_xlsx, sheet_names, to_xlsx};

/// The output formats of `export` and `merge`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Xlsx,
    #[value(alias = "markdown")]
    Md,
    Json,
}

impl Format {
    pub const NAMES: [&'static str; 4] = ["csv", "xlsx", "md", "json"];

    /// `csv`, `xlsx`, `md` (or `markdown`), `json`, in any case.
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            "md" | "markdown" => Some(Format::Md),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format a file name asks for by its extension (`sheet.xlsx` → xlsx).
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        path.extension().and_then(|e| e.to_str()).and_then(Format::parse)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Md => "md",
            Format::Json => "json",
        }
    }
}

/// How an item's 评价得分 is made of its scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// The mean of the scores present.
    #[default]
    Mean,
    /// With 3 scores or more, the mean without the highest and the lowest (去掉一个最高分和一个
    /// 最低分); with fewer, the plain mean (and the row says so).
    TrimmedMean,
}

impl Method {
    /// The JSON word: `mean`, `trimmed_mean`.
    pub fn key(self) -> &'static str {
        match self {
            Method::Mean => "mean",
            Method::TrimmedMean => "trimmed_mean",
        }
    }
}

pub use crate::lang::Lang;

/// The words of a sheet in its language (headers and labels).
impl Lang {
    pub(crate) fn pick(self, zh: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The header of section level `k` (0 = top): 一级指标… / Level 1….
    pub(crate) fn level(self, k: usize) -> String {
        match self {
            Lang::Zh => format!("{}级指标", zh_number(k + 1)),
            Lang::En => format!("Level {}", k + 1),
        }
    }

    /// The item column's header: the level below the deepest section (三级指标 under two
    /// levels of sections), or `Item`.
    pub(crate) fn item_header(self, levels: usize) -> String {
        match self {
            Lang::Zh => self.level(levels),
            Lang::En => "Item".into(),
        }
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (and plain digits beyond).
fn zh_number(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].into(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[n - 10] }),
        20..=99 => format!("{}十{}", D[n / 10], if n.is_multiple_of(10) { "" } else { D[n % 10] }),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Report;

    #[test]
    fn chinese_level_numbers() {
        assert_eq!(zh_number(1), "一");
        assert_eq!(zh_number(10), "十");
        assert_eq!(zh_number(12), "十二");
        assert_eq!(zh_number(20), "二十");
        assert_eq!(zh_number(16), "十六");
        assert_eq!(Lang::Zh.level(2), "三级指标");
        assert_eq!(Lang::En.level(0), "Level 1");
    }

    #[test]
    fn language_from_meta_then_text() {
        let mut r = Report { title: "Riverside Library".into(), ..Report::default() };
        assert_eq!(Lang::of_report(&r), Lang::En);
        r.title = "邵东市行政审批服务局 2022 年度部门整体支出绩效自评报告".into();
        assert_eq!(Lang::of_report(&r), Lang::Zh);
        r.meta.push(("lang".into(), "en-GB".into()));
        assert_eq!(Lang::of_report(&r), Lang::En);
        r.meta[0].1 = "zh-CN".into();
        r.title = "Riverside".into();
        assert_eq!(Lang::of_report(&r), Lang::Zh);
        r.meta[0].1 = "fr".into();
        assert_eq!(Lang::of_report(&r), Lang::En, "an unknown meta.lang falls back to the text");
    }

    #[test]
    fn formats_by_name_and_extension() {
        assert_eq!(Format::parse("XLSX"), Some(Format::Xlsx));
        assert_eq!(Format::parse("markdown"), Some(Format::Md));
        assert_eq!(Format::parse("pdf"), None);
        assert_eq!(Format::of_path(std::path::Path::new("a/评分表.xlsx")), Some(Format::Xlsx));
        assert_eq!(Format::of_path(std::path::Path::new("out")), None);
    }
}
