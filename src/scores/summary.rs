//! Totals, percent and grade, always recomputed from the entries (never trusted from a file).

use super::{Entry, Scores, grid::clean};
use crate::report::{Grade, Item, ItemIx, Report};
use std::ops::Range;

/// Totals over a set of items (the whole report or one section's subtree).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub scored: usize,
    pub items: usize,
    /// Sum of the scores.
    pub points: f64,
    /// Sum of `max` over the scored items.
    pub max_points: f64,
    /// `points / max_points × 100`, rounded to 2 decimals; `None` when nothing is scored.
    pub percent: Option<f64>,
    pub grade: Option<String>,
    /// Sum of `max` over all the items (the sheet's full 分值).
    pub report_max: f64,
    pub flagged: usize,
    /// Items scored below max without the note the report requires.
    pub missing_reasons: usize,
}

impl Summary {
    pub fn of_report(report: &Report, scores: &Scores) -> Self {
        Self::of_items(report, scores, 0..report.items.len())
    }

    pub fn of_items(report: &Report, scores: &Scores, items: Range<ItemIx>) -> Self {
        let mut s = Summary::empty();
        for i in items {
            s.count(report, &report.items[i], &scores.entries[i]);
        }
        s.finish(&report.grades);
        s
    }

    /// The grade stands on the scored items only, while some are unscored: it may still change.
    pub fn grade_is_provisional(&self) -> bool {
        self.grade.is_some() && self.scored < self.items
    }

    fn empty() -> Self {
        Summary {
            scored: 0,
            items: 0,
            points: 0.0,
            max_points: 0.0,
            percent: None,
            grade: None,
            report_max: 0.0,
            flagged: 0,
            missing_reasons: 0,
        }
    }

    fn count(&mut self, report: &Report, item: &Item, entry: &Entry) {
        self.items += 1;
        self.report_max += item.scale.max;
        self.flagged += usize::from(entry.flagged);
        self.missing_reasons += usize::from(needs_reason(report, item, entry));
        if let Some(v) = entry.score {
            self.scored += 1;
            self.points += v;
            self.max_points += item.scale.max;
        }
    }

    fn add(&mut self, other: &Summary) {
        self.items += other.items;
        self.scored += other.scored;
        self.points += other.points;
        self.max_points += other.max_points;
        self.report_max += other.report_max;
        self.flagged += other.flagged;
        self.missing_reasons += other.missing_reasons;
    }

    /// Rounds the sums and derives percent and grade.
    fn finish(&mut self, grades: &[Grade]) {
        self.points = clean(self.points);
        self.max_points = clean(self.max_points);
        self.report_max = clean(self.report_max);
        self.percent = None;
        self.grade = None;
        if self.scored > 0 {
            self.percent = percent_of(self.points, self.max_points);
            self.grade = self.percent.and_then(|p| grade_for(grades, p)).map(str::to_string);
        }
    }
}

/// The summaries of the whole report and of every section's subtree, from one pass over the
/// items: what the views show, kept by the app and recomputed only when a score changes, so a
/// frame costs the same whatever the size of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Tallies {
    pub report: Summary,
    /// By section index.
    pub sections: Vec<Summary>,
}

impl Tallies {
    pub fn compute(report: &Report, scores: &Scores) -> Tallies {
        let mut sections: Vec<Summary> = report
            .sections
            .iter()
            .map(|sec| {
                let mut sum = Summary::empty();
                for &i in &sec.items {
                    sum.count(report, &report.items[i], &scores.entries[i]);
                }
                sum
            })
            .collect();
        // Pre-order puts every child after its parent: fold children into parents from the end.
        for s in (0..sections.len()).rev() {
            if let Some(p) = report.sections[s].parent {
                let child = sections[s].clone();
                sections[p].add(&child);
            }
        }
        let mut whole = Summary::empty();
        for (s, sec) in report.sections.iter().enumerate() {
            if sec.parent.is_none() {
                whole.add(&sections[s]);
            }
        }
        for sum in &mut sections {
            sum.finish(&report.grades);
        }
        whole.finish(&report.grades);
        Tallies { report: whole, sections }
    }
}

/// `points / max × 100` rounded to 2 decimals; `None` when there is no max to divide by.
pub fn percent_of(points: f64, max: f64) -> Option<f64> {
    (max > 0.0).then(|| (points / max * 100.0 * 100.0).round() / 100.0)
}

/// `part` of `whole` in percent, rounded half up to `decimals` places (100 for an empty whole):
/// the one rounding of progress everywhere (8 of 9 → 88.9 or 89, never 88).
pub fn share(part: usize, whole: usize, decimals: i32) -> f64 {
    if whole == 0 {
        return 100.0;
    }
    let scale = 10f64.powi(decimals);
    (part as f64 * 100.0 / whole as f64 * scale + 0.5).floor() / scale
}

/// The label of the first band whose `min` ≤ `percent`.
pub fn grade_for(grades: &[Grade], percent: f64) -> Option<&str> {
    grades.iter().find(|g| g.min <= percent + 1e-9).map(|g| g.label.as_str())
}

/// True when the report requires a reason (扣分原因) for this entry's deduction and it has none.
pub fn needs_reason(report: &Report, item: &Item, entry: &Entry) -> bool {
    report.require_note_below_max
        && entry.note.trim().is_empty()
        && entry.score.is_some_and(|v| v < item.scale.max - 1e-9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Scale, Section};

    fn report(maxes: &[f64], require: bool) -> Report {
        let items = maxes
            .iter()
            .enumerate()
            .map(|(i, &max)| Item {
                id: format!("i{i}").into(),
                title: None,
                text: "".into(),
                section: 0,
                scale: Scale { min: 0.0, max, step: 0.25 },
                criteria: None,
                tags: Default::default(),
                refs: Box::default(),
                self_score: None,
            })
            .collect::<Vec<_>>();
        Report {
            id: "r".into(),
            title: "R".into(),
            grades: vec![
                Grade { min: 90.0, label: "优".into() },
                Grade { min: 80.0, label: "良".into() },
                Grade { min: 60.0, label: "中".into() },
                Grade { min: 0.0, label: "差".into() },
            ],
            require_note_below_max: require,
            sections: vec![Section {
                id: "s".into(),
                title: "S".into(),
                body: None,
                parent: None,
                depth: 0,
                items: (0..items.len()).collect(),
                children: vec![],
            }],
            items,
            ..Report::default()
        }
    }

    fn scored(report: &Report, values: &[Option<f64>]) -> Scores {
        let mut s = Scores::new(report);
        for (e, v) in s.entries.iter_mut().zip(values) {
            e.score = *v;
        }
        s
    }

    #[test]
    fn tallies_match_summaries_of_every_section() {
        let r = crate::report::parse_report(include_bytes!("../../fixtures/shaodong-2022.json")).unwrap();
        let mut s = Scores::new(&r);
        for (k, e) in s.entries.iter_mut().enumerate().filter(|(k, _)| k % 3 != 0) {
            e.score = Some(if k % 2 == 0 { 1.0 } else { 0.5 });
            e.flagged = k % 5 == 0;
        }
        let t = Tallies::compute(&r, &s);
        assert_eq!(t.report, Summary::of_report(&r, &s));
        for sec in 0..r.sections.len() {
            assert_eq!(t.sections[sec], Summary::of_items(&r, &s, r.items_under(sec)), "section {sec}");
        }
    }

    #[test]
    fn nothing_scored_has_no_percent_or_grade() {
        let r = report(&[5.0, 5.0], false);
        let s = Summary::of_report(&r, &Scores::new(&r));
        assert_eq!((s.scored, s.items, s.points, s.max_points), (0, 2, 0.0, 0.0));
        assert_eq!(s.percent, None);
        assert_eq!(s.grade, None);
        assert_eq!(s.report_max, 10.0);
    }

    #[test]
    fn partly_scored_counts_only_scored_max() {
        let r = report(&[5.0, 5.0, 10.0], false);
        let s = Summary::of_report(&r, &scored(&r, &[Some(4.5), None, None]));
        assert_eq!(s.points, 4.5);
        assert_eq!(s.max_points, 5.0);
        assert_eq!(s.percent, Some(90.0));
        assert_eq!(s.grade.as_deref(), Some("优"));
        assert_eq!(s.report_max, 20.0);
        assert!(s.grade_is_provisional(), "two items unscored");
        let all = Summary::of_report(&r, &scored(&r, &[Some(4.5), Some(5.0), Some(10.0)]));
        assert!(!all.grade_is_provisional());
        assert!(!Summary::of_report(&r, &Scores::new(&r)).grade_is_provisional(), "no grade at all");
    }

    #[test]
    fn quarter_steps_add_without_noise() {
        let r = report(&[1.0, 1.0, 1.0], false);
        let s = Summary::of_report(&r, &scored(&r, &[Some(0.25), Some(0.75), Some(0.5)]));
        assert_eq!(s.points, 1.5);
        assert_eq!(s.percent, Some(50.0));
        assert_eq!(s.grade.as_deref(), Some("差"));
    }

    #[test]
    fn grade_bands_use_first_matching_min() {
        let r = report(&[1.0], false);
        assert_eq!(grade_for(&r.grades, 90.0), Some("优"));
        assert_eq!(grade_for(&r.grades, 89.99), Some("良"));
        assert_eq!(grade_for(&r.grades, 60.0), Some("中"));
        assert_eq!(grade_for(&r.grades, 0.0), Some("差"));
        assert_eq!(grade_for(&[], 50.0), None);
    }

    #[test]
    fn percent_rounds_to_two_decimals() {
        let r = report(&[3.0], false);
        let s = Summary::of_report(&r, &scored(&r, &[Some(2.0)]));
        assert_eq!(s.percent, Some(66.67));
    }

    #[test]
    fn reasons_required_below_max_only() {
        let r = report(&[5.0, 5.0, 5.0], true);
        let mut s = scored(&r, &[Some(5.0), Some(4.0), Some(3.0)]);
        s.entries[2].note = "佐证材料不足".into();
        let sum = Summary::of_report(&r, &s);
        assert_eq!(sum.missing_reasons, 1);
        assert!(needs_reason(&r, &r.items[1], &s.entries[1]));
        assert!(!needs_reason(&r, &r.items[0], &s.entries[0]));
        let lax = report(&[5.0], false);
        assert!(!needs_reason(&lax, &lax.items[0], &s.entries[1]));
    }
}
