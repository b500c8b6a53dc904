//! The rules a score must obey: within the item's `[min, max]` and on its `step` grid from `min`.

use crate::report::Scale;
use crate::words::errors as w;

/// Tolerance for "on the grid": scores are typed by people as decimals, steps are like 0.25.
const EPS: f64 = 1e-9;

/// Why a score is refused; the sentence is in the interface's language.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScoreError {
    #[error("{}", w::SCORE_NOT_A_NUMBER.fill(&[("value", value)]))]
    NotANumber { value: String },
    #[error("{}", w::SCORE_BELOW_MIN.fill(&[("value", &fmt_num(*value)), ("min", &fmt_num(*min))]))]
    BelowMin { value: f64, min: f64 },
    #[error("{}", w::SCORE_ABOVE_MAX.fill(&[("value", &fmt_num(*value)), ("max", &fmt_num(*max))]))]
    AboveMax { value: f64, max: f64 },
    #[error("{}", w::SCORE_OFF_GRID.fill(&[
        ("value", &fmt_num(*value)),
        ("step", &fmt_num(*step)),
        ("min", &fmt_num(*min)),
        ("lower", &fmt_num(*lower)),
        ("upper", &fmt_num(*upper)),
    ]))]
    OffGrid { value: f64, step: f64, min: f64, lower: f64, upper: f64 },
}

/// Checks `value` against `scale` and returns it snapped exactly onto the grid
/// (so 6.499999999 typed or computed becomes 6.5).
pub fn check_score(value: f64, scale: &Scale) -> Result<f64, ScoreError> {
    if !value.is_finite() {
        return Err(ScoreError::NotANumber { value: value.to_string() });
    }
    if value < scale.min - EPS {
        return Err(ScoreError::BelowMin { value, min: scale.min });
    }
    if value > scale.max + EPS {
        return Err(ScoreError::AboveMax { value, max: scale.max });
    }
    let k = (value - scale.min) / scale.step;
    let nearest = k.round();
    if (k - nearest).abs() > 1e-6 {
        let lower = clean(scale.min + k.floor() * scale.step);
        let upper = clean((scale.min + k.ceil() * scale.step).min(scale.max));
        return Err(ScoreError::OffGrid { value, step: scale.step, min: scale.min, lower, upper });
    }
    Ok(clean(scale.min + nearest * scale.step).clamp(scale.min, scale.max))
}

/// Parses a typed score (`7.5`, ` 6 `, full-width digits `６．５`) and checks it.
pub fn parse_score(input: &str, scale: &Scale) -> Result<f64, ScoreError> {
    let normal: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' => '-',
            c => c,
        })
        .collect();
    let value: f64 =
        normal.parse().map_err(|_| ScoreError::NotANumber { value: format!("\"{}\"", input.trim()) })?;
    check_score(value, scale)
}

/// The score one step up (`dir` = 1) or down (`dir` = -1) from `current`, clamped to the scale.
/// An evaluator scores by deducting from full marks, so no score counts as full marks not yet
/// given: down deducts the first step (`max − step`), and up gives full marks.
pub fn step_from(current: Option<f64>, dir: i32, scale: &Scale) -> f64 {
    let top = scale.min + ((scale.max - scale.min) / scale.step + EPS).floor() * scale.step;
    let from = current.unwrap_or(top);
    match current {
        None if dir > 0 => clean(top),
        _ => clean((from + f64::from(dir) * scale.step).clamp(scale.min, top)),
    }
}

/// Removes binary noise (0.1 + 0.2) from a computed decimal.
pub fn clean(x: f64) -> f64 {
    if x.abs() >= 1e15 {
        return x; // no fraction to clean, and `x * 1e6` could overflow to infinity
    }
    let r = (x * 1e6).round() / 1e6;
    if r == 0.0 { 0.0 } else { r }
}

/// A number as people write it: `5`, `6.5`, `0.25` (no trailing zeros, no binary noise).
pub fn fmt_num(x: f64) -> String {
    if x.abs() >= 1e15 {
        return format!("{x:e}"); // 1e308, not three hundred digits
    }
    let s = format!("{:.4}", clean(x));
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".to_string() } else { s.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(min: f64, max: f64, step: f64) -> Scale {
        Scale { min, max, step }
    }

    #[test]
    fn accepts_values_on_half_grid() {
        let s = scale(0.0, 10.0, 0.5);
        assert_eq!(check_score(6.5, &s), Ok(6.5));
        assert_eq!(check_score(0.0, &s), Ok(0.0));
        assert_eq!(check_score(10.0, &s), Ok(10.0));
        assert!(matches!(check_score(6.3, &s), Err(ScoreError::OffGrid { .. })));
    }

    #[test]
    fn quarter_grid_and_noise() {
        let s = scale(0.0, 4.0, 0.25);
        assert_eq!(check_score(3.75, &s), Ok(3.75));
        assert_eq!(check_score(0.1 + 0.15, &s), Ok(0.25));
        let err = check_score(3.8, &s).unwrap_err();
        assert_eq!(err.to_string(), "3.8 is not on the 0.25 step grid from 0 (nearest: 3.75 or 4)");
    }

    #[test]
    fn grid_counts_from_min() {
        let s = scale(1.0, 5.0, 2.0);
        assert_eq!(check_score(3.0, &s), Ok(3.0));
        assert!(check_score(2.0, &s).is_err());
        assert!(check_score(4.0, &s).is_err());
    }

    #[test]
    fn out_of_range_is_refused_with_reason() {
        let s = scale(0.0, 5.0, 0.5);
        assert_eq!(check_score(7.0, &s).unwrap_err().to_string(), "7 is above the maximum 5");
        assert_eq!(check_score(-1.0, &s).unwrap_err().to_string(), "-1 is below the minimum 0");
        assert!(matches!(check_score(f64::NAN, &s), Err(ScoreError::NotANumber { .. })));
    }

    #[test]
    fn parses_typed_scores() {
        let s = scale(0.0, 10.0, 0.5);
        assert_eq!(parse_score(" 7.5 ", &s), Ok(7.5));
        assert_eq!(parse_score("６．５", &s), Ok(6.5));
        assert_eq!(parse_score("abc", &s).unwrap_err().to_string(), "\"abc\" is not a number");
        assert!(parse_score("", &s).is_err());
    }

    #[test]
    fn steps_up_and_down_within_bounds() {
        let s = scale(0.0, 5.0, 0.5);
        // No score is full marks not yet given: down deducts a step, up gives full marks.
        assert_eq!(step_from(None, -1, &s), 4.5);
        assert_eq!(step_from(None, 1, &s), 5.0);
        assert_eq!(step_from(Some(4.5), 1, &s), 5.0);
        assert_eq!(step_from(Some(5.0), 1, &s), 5.0);
        assert_eq!(step_from(Some(0.0), -1, &s), 0.0);
        let q = scale(0.0, 1.0, 0.25);
        assert_eq!(step_from(Some(0.5), -1, &q), 0.25);
        // max off the grid: the top reachable value is the last grid point
        let odd = scale(0.0, 5.0, 2.0);
        assert_eq!(step_from(None, 1, &odd), 4.0);
        assert_eq!(step_from(None, -1, &odd), 2.0);
        // A scale of one value: both give it.
        let one = scale(3.0, 3.0, 1.0);
        assert_eq!((step_from(None, -1, &one), step_from(None, 1, &one)), (3.0, 3.0));
    }

    #[test]
    fn formats_numbers_plainly() {
        assert_eq!(fmt_num(5.0), "5");
        assert_eq!(fmt_num(6.5), "6.5");
        assert_eq!(fmt_num(0.25), "0.25");
        assert_eq!(fmt_num(0.1 + 0.2), "0.3");
        assert_eq!(fmt_num(-0.0), "0");
        assert_eq!(fmt_num(1e308), "1e308");
        assert_eq!(fmt_num(-2.5e20), "-2.5e20");
    }
}
