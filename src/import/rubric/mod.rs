//! A scoring table (评分表 / 指标体系) as an evaluation office sends it → [`Rubric`]: the
//! indicators in table order, each with the groups above it (一级, 二级…), its points, its
//! criteria, and where it is in the table for messages.
//!
//! The readers: [`csv`] (CSV, headed or in the documented column order). What the rubric becomes
//! in a report is `import::skeleton`'s business.

pub mod csv;

pub use crate::lang::Lang;

/// A scoring table's indicators, in table order.
#[derive(Debug, Clone, PartialEq)]
pub struct Rubric {
    pub indicators: Vec<Indicator>,
    /// The points of the table's 合计 row, when it has one.
    pub declared_total: Option<f64>,
    /// Worded warnings (level sums that do not add up, a total that is not 100…), for stderr.
    pub warnings: Vec<String>,
    /// Worded notes on how the table was read (the sheet, columns ignored…), for stderr.
    pub notes: Vec<String>,
    pub lang: Lang,
}

/// A group of indicators: a 一级指标 or 二级指标 (and so on down), with its points when the
/// table gives them (`决策（20分）` → `决策`, 20).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: String,
    pub points: Option<f64>,
}

/// A scored indicator (the table's last level, usually 三级指标).
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// The groups above it, outermost first; empty when the table has one level only.
    pub groups: Vec<Group>,
    pub name: String,
    pub points: f64,
    /// 评价标准 / 评分标准 / 评分细则.
    pub criteria: Option<String>,
    /// 指标解释 / 指标说明.
    pub explanation: Option<String>,
    /// 自评得分, when the table has the unit's own score.
    pub self_score: Option<f64>,
    /// Where it is in the table, for messages: `row 7`, or a cell such as `C7`.
    pub place: String,
}

impl Rubric {
    pub fn total(&self) -> f64 {
        self.indicators.iter().map(|i| i.points).sum()
    }

    /// How many group levels the deepest indicator has above it.
    pub fn depth(&self) -> usize {
        self.indicators.iter().map(|i| i.groups.len()).max().unwrap_or(0)
    }
}

/// Reads a scoring table.
pub fn parse(file: &super::RubricFile) -> Result<Rubric, String> {
    csv::parse(&file.bytes, &file.name).map(csv::Parsed::into_rubric)
}
