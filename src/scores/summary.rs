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
        let mut s = Summary {
            scored: 0,
            items: items.len(),
            points: 0.0,
            max_points: 0.0,
            percent: None,
            grade: None,
            report_max: 0.0,
            flagged: 0,
            missing_reasons: 0,
        };
        for i in items {
            let (item, entry) = (&report.items[i], &scores.entries[i]);
            s.report_max += item.scale.max;
            s.flagged += usize::from(entry.flagged);
            s.missing_reasons += usize::from(needs_reason(report, item, entry));
            if let Some(v) = entry.score {
                s.scored += 1;
                s.points += v;
                s.max_points += item.scale.max;
            }
        }
        s.points = clean(s.points);
        s.max_points = clean(s.max_points);
        s.report_max = clean(s.report_max);
        if s.scored > 0 && s.max_points > 0.0 {
            let pct = (s.points / s.max_points * 100.0 * 100.0).round() / 100.0;
            s.percent = Some(pct);
            s.grade = grade_for(&report.grades, pct).map(str::to_string);
        }
        s
    }
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
                id: format!("i{i}"),
                title: None,
                text: String::new(),
                section: 0,
                scale: Scale { min: 0.0, max, step: 0.25 },
                criteria: None,
                tags: vec![],
                refs: vec![],
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
