//! How far a panel agrees: Krippendorff's alpha over the whole panel, and how far each
//! evaluator stands from the others. Pure functions over a panel's scores, items × evaluators,
//! `None` for a missing score.
//!
//! Alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability") is
//! `1 − D_o / D_e`: the disagreement observed between the values of the same unit (item) over
//! the disagreement expected between any two values of all the pairable ones. Only items with at
//! least two scores are pairable; a panel's scores are compared as a share of each item's max
//! (score ÷ max, the interval metric), so a 10-point item does not weigh more than a 5-point one.

use std::collections::BTreeMap;

/// How two values differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// `(a − b)²`.
    Interval,
    /// 0 when equal, else 1.
    Nominal,
}

/// Krippendorff's alpha of `units` (each unit the values it was given; missing ones left out).
/// `None` when it is not defined: fewer than two pairable values, or no variation at all among
/// them (every value the same).
pub fn alpha(units: &[Vec<f64>], metric: Metric) -> Option<f64> {
    let pairable: Vec<&Vec<f64>> = units.iter().filter(|u| u.len() >= 2).collect();
    let n: usize = pairable.iter().map(|u| u.len()).sum();
    if n < 2 {
        return None;
    }
    let n = n as f64;
    // Σ over ordered pairs (i ≠ j) of δ(v_i, v_j), for a set of values.
    let pair_sum = |values: &mut dyn Iterator<Item = f64>| -> f64 {
        match metric {
            Metric::Interval => {
                let (mut count, mut sum, mut squares) = (0.0, 0.0, 0.0);
                for v in values {
                    count += 1.0;
                    sum += v;
                    squares += v * v;
                }
                (2.0 * count * squares - 2.0 * sum * sum).max(0.0)
            }
            Metric::Nominal => {
                let mut counts: BTreeMap<u64, f64> = BTreeMap::new();
                let mut count = 0.0;
                for v in values {
                    count += 1.0;
                    *counts.entry(v.to_bits()).or_default() += 1.0;
                }
                count * (count - 1.0) - counts.values().map(|c| c * (c - 1.0)).sum::<f64>()
            }
        }
    };
    let observed: f64 =
        pairable.iter().map(|u| pair_sum(&mut u.iter().copied()) / (u.len() as f64 - 1.0)).sum::<f64>() / n;
    let expected = pair_sum(&mut pairable.iter().flat_map(|u| u.iter().copied())) / (n * (n - 1.0));
    if expected <= 1e-12 {
        return None;
    }
    Some(1.0 - observed / expected)
}

/// The panel's alpha, interval metric, over each item's scores ÷ its max. `scores[i][k]` is
/// evaluator `k`'s score of item `i`; `maxes[i]` the item's max (an item with no max is left
/// out).
pub fn panel_alpha(scores: &[Vec<Option<f64>>], maxes: &[f64]) -> Option<f64> {
    let units: Vec<Vec<f64>> = scores
        .iter()
        .zip(maxes)
        .filter(|(_, max)| **max > 0.0)
        .map(|(row, max)| row.iter().flatten().map(|s| s / max).collect())
        .collect();
    alpha(&units, Metric::Interval)
}

/// What an alpha is usually taken to say (Krippendorff's own thresholds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// α ≥ 0.8.
    Reliable,
    /// 0.667 ≤ α < 0.8: for tentative conclusions only.
    Tentative,
    /// α < 0.667.
    Unreliable,
    /// No alpha: nothing pairable, or no variation at all.
    NotApplicable,
}

impl Reading {
    pub fn of(alpha: Option<f64>) -> Reading {
        match alpha {
            None => Reading::NotApplicable,
            Some(a) if a >= 0.8 => Reading::Reliable,
            Some(a) if a >= 0.667 => Reading::Tentative,
            Some(_) => Reading::Unreliable,
        }
    }

    /// The JSON word: `reliable`, `tentative`, `unreliable`, `n/a`.
    pub fn key(self) -> &'static str {
        match self {
            Reading::Reliable => "reliable",
            Reading::Tentative => "tentative",
            Reading::Unreliable => "unreliable",
            Reading::NotApplicable => "n/a",
        }
    }
}

/// How far the panel agrees.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// Krippendorff's alpha, interval metric, over each item's scores ÷ its max; `None` when
    /// nothing is pairable or nothing varies.
    pub alpha: Option<f64>,
    pub reading: Reading,
    /// Per member, the mean of (their score − the mean of the others') ÷ max × 100 over the items
    /// they share with someone; negative is harsher, positive kinder.
    pub deviations: Vec<Option<f64>>,
}

/// Per evaluator, how far their scores stand from the rest of the panel, in percent of the
/// item's max: over the items they scored that at least one other evaluator scored too, the
/// mean of (their score − the mean of the others' scores) ÷ max × 100. Negative is harsher than
/// the others, positive kinder; `None` when they share no item with anyone.
pub fn deviations(scores: &[Vec<Option<f64>>], maxes: &[f64]) -> Vec<Option<f64>> {
    let members = scores.first().map_or(0, Vec::len);
    (0..members)
        .map(|k| {
            let (mut sum, mut count) = (0.0, 0usize);
            for (row, &max) in scores.iter().zip(maxes) {
                let Some(own) = row[k] else { continue };
                if max <= 0.0 {
                    continue;
                }
                let others: Vec<f64> =
                    row.iter().enumerate().filter(|&(j, _)| j != k).filter_map(|(_, s)| *s).collect();
                if others.is_empty() {
                    continue;
                }
                let mean = others.iter().sum::<f64>() / others.len() as f64;
                sum += (own - mean) / max * 100.0;
                count += 1;
            }
            (count > 0).then(|| sum / count as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round3(v: Option<f64>) -> Option<f64> {
        v.map(|v| (v * 1000.0).round() / 1000.0)
    }

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the reliability data
    /// of 4 observers (A–D) × 12 units with missing values: interval α = 0.849, nominal 0.743.
    fn worked_example() -> Vec<Vec<Option<f64>>> {
        let rows: [[Option<f64>; 12]; 4] = {
            const N: Option<f64> = None;
            let s = |v: f64| Some(v);
            [
                [s(1.), s(2.), s(3.), s(3.), s(2.), s(1.), s(4.), s(1.), s(2.), N, N, N],
                [s(1.), s(2.), s(3.), s(3.), s(2.), s(2.), s(4.), s(1.), s(2.), s(5.), N, s(3.)],
                [N, s(3.), s(3.), s(3.), s(2.), s(3.), s(4.), s(2.), s(2.), s(5.), s(1.), N],
                [s(1.), s(2.), s(3.), s(3.), s(2.), s(4.), s(4.), s(1.), s(2.), s(5.), s(1.), N],
            ]
        };
        // Units × observers.
        (0..12).map(|u| rows.iter().map(|obs| obs[u]).collect()).collect()
    }

    fn units(matrix: &[Vec<Option<f64>>]) -> Vec<Vec<f64>> {
        matrix.iter().map(|u| u.iter().flatten().copied().collect()).collect()
    }

    #[test]
    fn krippendorffs_worked_example() {
        let data = units(&worked_example());
        assert_eq!(round3(alpha(&data, Metric::Interval)), Some(0.849));
        assert_eq!(round3(alpha(&data, Metric::Nominal)), Some(0.743));
        // Unit 12 has one value only: it is not pairable, and leaving it out changes nothing.
        let without: Vec<Vec<f64>> = data[..11].to_vec();
        assert_eq!(alpha(&without, Metric::Interval), alpha(&data, Metric::Interval));
    }

    #[test]
    fn scaling_by_the_max_keeps_the_worked_example() {
        // The same data as scores of items with a max of 5: score ÷ max is a linear rescaling,
        // which the interval metric does not see.
        let matrix = worked_example();
        let maxes = vec![5.0; matrix.len()];
        assert_eq!(round3(panel_alpha(&matrix, &maxes)), Some(0.849));
        assert_eq!(Reading::of(panel_alpha(&matrix, &maxes)), Reading::Reliable);
    }

    #[test]
    fn missing_scores_and_items_of_different_max() {
        // Two evaluators agree in share of the max on a 10-point and a 5-point item; a third
        // scored only one item. Alpha compares shares, so the 10-point item does not dominate.
        let s = Some;
        let matrix = vec![
            vec![s(8.0), s(8.0), None],
            vec![s(2.0), s(2.0), s(2.5)],
            vec![None, s(4.0), None], // one score: not pairable
        ];
        let maxes = [10.0, 5.0, 5.0];
        let a = panel_alpha(&matrix, &maxes).unwrap();
        // Shares: unit 1 (0.8, 0.8), unit 2 (0.4, 0.4, 0.5).
        let direct = alpha(&[vec![0.8, 0.8], vec![0.4, 0.4, 0.5]], Metric::Interval).unwrap();
        assert!((a - direct).abs() < 1e-12);
        assert!(a > 0.8 && a < 1.0, "{a}");
        assert_eq!(Reading::of(Some(a)), Reading::Reliable);
        // Nothing pairable at all.
        assert_eq!(panel_alpha(&[vec![s(3.0), None], vec![None, s(4.0)]], &[5.0, 5.0]), None);
        assert_eq!(panel_alpha(&[], &[]), None);
    }

    #[test]
    fn no_variation_has_no_alpha() {
        let s = Some;
        let same = vec![vec![s(4.0), s(4.0)], vec![s(2.0), s(2.0)]];
        // 4/5 and 4/5, 2/2.5 and 2/2.5: every share is 0.8.
        assert_eq!(panel_alpha(&same, &[5.0, 2.5]), None);
        assert_eq!(Reading::of(None), Reading::NotApplicable);
        assert_eq!(Reading::of(None).key(), "n/a");
        // Perfect agreement with variation between items: alpha 1.
        let agreed = vec![vec![s(4.0), s(4.0)], vec![s(2.0), s(2.0)]];
        assert_eq!(panel_alpha(&agreed, &[5.0, 5.0]), Some(1.0));
    }

    #[test]
    fn readings() {
        assert_eq!(Reading::of(Some(0.8)), Reading::Reliable);
        assert_eq!(Reading::of(Some(0.7999)), Reading::Tentative);
        assert_eq!(Reading::of(Some(0.667)), Reading::Tentative);
        assert_eq!(Reading::of(Some(0.6669)), Reading::Unreliable);
        assert_eq!(Reading::of(Some(-0.2)), Reading::Unreliable);
    }

    #[test]
    fn deviation_leaves_each_evaluator_out_of_their_own_comparison() {
        let s = Some;
        let matrix = vec![
            vec![s(4.0), s(5.0), s(3.0)], // of 5: A 4 vs 4 → 0; B 5 vs 3.5 → +30; C 3 vs 4.5 → −30
            vec![s(6.0), None, s(8.0)],   // of 10: A 6 vs 8 → −20; C 8 vs 6 → +20
            vec![None, s(9.0), None],     // B alone: not counted
        ];
        let d = deviations(&matrix, &[5.0, 10.0, 10.0]);
        let r = |v: Option<f64>| v.map(|v| (v * 1e9).round() / 1e9);
        assert_eq!(d.into_iter().map(r).collect::<Vec<_>>(), vec![s(-10.0), s(30.0), s(-5.0)]);
        // One evaluator: nobody to compare with.
        assert_eq!(deviations(&[vec![s(3.0)]], &[5.0]), vec![None]);
    }
}
