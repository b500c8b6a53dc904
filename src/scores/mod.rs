//! The evaluator's work on a report: a score, note and flag per item, the rules a score must
//! obey (`grid`), the totals and grade (`summary`) and undo/redo (`history`).
//!
//! Pure data: no files (see `store`) and no terminal.

mod grid;
mod history;
mod summary;

pub use grid::{ScoreError, check_score, clean, fmt_num, parse_score, step_from};
pub use history::{Change, History};
pub use summary::{Summary, Tallies, grade_for, needs_reason, percent_of, share};

use crate::report::{ItemIx, Report};

/// What the evaluator recorded for one item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    pub score: Option<f64>,
    pub note: String,
    pub flagged: bool,
    /// RFC 3339 UTC time of the last change, when known.
    pub updated_at: Option<String>,
}

/// A scores-file entry whose id the report no longer has; kept verbatim, never dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct Orphan {
    pub id: String,
    pub raw: serde_json::Value,
}

/// The scores of one evaluator for one report, indexed like `Report::items`.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    pub entries: Vec<Entry>,
    pub orphans: Vec<Orphan>,
    pub evaluator: Option<String>,
}

impl Scores {
    /// Empty scores for every item of `report`.
    pub fn new(report: &Report) -> Self {
        Scores { entries: vec![Entry::default(); report.items.len()], orphans: Vec::new(), evaluator: None }
    }

    pub fn entry(&self, item: ItemIx) -> &Entry {
        &self.entries[item]
    }

    pub fn scored(&self) -> usize {
        self.entries.iter().filter(|e| e.score.is_some()).count()
    }
}

/// The current time as RFC 3339 UTC to the second, as stored in scores files.
pub fn now_rfc3339() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second()).map_or_else(|_| now.to_string(), |t| t.to_string())
}
