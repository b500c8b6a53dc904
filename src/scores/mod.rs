//! The evaluator's work on a report: a score, note and flag per item, the rules a score must
//! obey (`grid`), the totals and grade (`summary`) and undo/redo (`history`).
//!
//! Pure data: no files (see `store`) and no terminal.

mod entry;
mod grid;
mod head;
mod history;
mod summary;

pub use entry::{
    BadField, ENTRY_FIELDS, Entry, Expected, Extra, Fields, Merged, Number, Row, read_entry,
    string as string_of,
};
pub use head::{Handover, Head, PanelInfo, TOP_FIELDS, read_head};

pub use grid::{ScoreError, check_score, clean, fmt_num, parse_score, step_from};
pub use history::{Change, History};
pub use summary::{Summary, Tallies, grade_for, needs_reason, percent_of, share};

use crate::report::{ItemIx, Report};

/// A scores-file entry whose id the report no longer has; kept verbatim, never dropped.
#[derive(Debug, Clone)]
pub struct Orphan {
    pub id: String,
    pub raw: Box<serde_json::value::RawValue>,
    /// It records nothing (no score, note or flag): not worth a warning.
    pub blank: bool,
}

/// The same id and the same JSON value, however it is laid out.
impl PartialEq for Orphan {
    fn eq(&self, other: &Orphan) -> bool {
        let value = |o: &Orphan| serde_json::from_str::<serde_json::Value>(o.raw.get()).ok();
        self.id == other.id && (self.raw.get() == other.raw.get() || value(self) == value(other))
    }
}

/// The scores of one evaluator for one report, indexed like `Report::items`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub entries: Vec<Entry>,
    pub orphans: Vec<Orphan>,
    /// Who scored, submission, handovers, a panel's method, and unknown top-level fields.
    pub head: Head,
}

impl Scores {
    /// Empty scores for every item of `report`.
    pub fn new(report: &Report) -> Self {
        Scores { entries: vec![Entry::default(); report.items.len()], ..Scores::default() }
    }

    /// Submitted, and not changed since.
    pub fn is_submitted(&self) -> bool {
        self.head.submitted_at.is_some() && self.head.reopened_at.is_none()
    }

    pub fn entry(&self, item: ItemIx) -> &Entry {
        &self.entries[item]
    }

    pub fn scored(&self) -> usize {
        self.entries.iter().filter(|e| e.score.is_some()).count()
    }
}

/// A stored time (RFC 3339, kept in UTC) as people read it: `2026-12-08 07:01` in `zone`, to
/// the minute. One that does not parse is shown as written (views make it terminal-safe).
pub fn local_time(stamp: &str, zone: &jiff::tz::TimeZone) -> String {
    match stamp.trim().parse::<jiff::Timestamp>() {
        Ok(t) => t.to_zoned(zone.clone()).strftime("%Y-%m-%d %H:%M").to_string(),
        Err(_) => stamp.to_string(),
    }
}

/// The current time as RFC 3339 UTC to the second, as stored in scores files.
pub fn now_rfc3339() -> String {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second()).map_or_else(|_| now.to_string(), |t| t.to_string())
}

#[cfg(test)]
mod tests {
    use jiff::tz::{TimeZone, offset};

    #[test]
    fn a_stored_time_is_shown_in_the_zone_given_to_the_minute() {
        let beijing = offset(8).to_time_zone();
        assert_eq!(super::local_time("2026-12-07T23:01:15Z", &beijing), "2026-12-08 07:01");
        assert_eq!(super::local_time("2026-12-07T23:01:15Z", &TimeZone::UTC), "2026-12-07 23:01");
        // Another offset written in the file is the same instant.
        assert_eq!(super::local_time("2026-12-08T07:01:15+08:00", &TimeZone::UTC), "2026-12-07 23:01");
        let new_york = offset(-5).to_time_zone();
        assert_eq!(super::local_time("2026-12-08T03:00:00Z", &new_york), "2026-12-07 22:00");
        assert_eq!(super::local_time("yesterday", &beijing), "yesterday", "as written");
    }
}
