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

/// A sheet passed from one evaluator to another (`handovers` in the scores file): who had it,
/// who took it over, and when (RFC 3339).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    pub from: String,
    pub to: String,
    pub at: String,
}

/// The scores of one evaluator for one report, indexed like `Report::items`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub entries: Vec<Entry>,
    pub orphans: Vec<Orphan>,
    pub evaluator: Option<String>,
    /// When the evaluator submitted the sheet (RFC 3339), the last time they did.
    pub submitted_at: Option<String>,
    /// When a submitted sheet was changed again: set on the first change after a submission,
    /// cleared by the next one. A sheet is submitted while `submitted_at` is set and this is not.
    pub reopened_at: Option<String>,
    /// Every time the sheet was taken over by another evaluator, oldest first.
    pub handovers: Vec<Handover>,
    /// A panel's agreed scores (`appraise panel`): who the panel is and how it computes.
    pub panel: Option<PanelInfo>,
}

/// `panel` in a panel's own scores file: its members' names and its method (`mean`,
/// `trimmed_mean`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PanelInfo {
    pub members: Vec<String>,
    pub method: String,
}

impl Scores {
    /// Empty scores for every item of `report`.
    pub fn new(report: &Report) -> Self {
        Scores { entries: vec![Entry::default(); report.items.len()], ..Scores::default() }
    }

    /// Submitted, and not changed since.
    pub fn is_submitted(&self) -> bool {
        self.submitted_at.is_some() && self.reopened_at.is_none()
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
