//! The step an indicator is scored on: the finest its criteria deduct or award. `每超过一个百分点扣
//! 0.3分` on a 3-point indicator makes 2.7 a score the rubric itself gives, so the grid must hold
//! it (0.1); `扣0.5分` needs no more than the usual 0.5; criteria that state no points leave the
//! scale's step. The grid is the greatest common divisor of the points stated, the indicator's
//! own points and the scale's step, so every score the criteria lead to is on it.

/// Hundredths: the finest step a rubric is read to.
const UNIT: f64 = 100.0;

/// The amounts of points a text states: `扣0.3分`, `计5分`, `得10-15分`, `0.5 points`; not
/// `5分钟`, `百分之`, `3个百分点`.
pub fn amounts(text: &str) -> Vec<f64> {
    let chars: Vec<char> = text.chars().map(crate::import::numbering::narrow).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A run of numbers joined by range marks: 10-15, 0.5~2.
        let mut numbers: Vec<String> = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                j += 1;
            }
            numbers.push(chars[start..j].iter().collect());
            let mut k = j;
            while k < chars.len() && chars[k] == ' ' {
                k += 1;
            }
            if k + 1 < chars.len()
                && matches!(chars[k], '-' | '~' | '—' | '至' | '到')
                && chars[k + 1].is_ascii_digit()
            {
                j = k + 1;
                continue;
            }
            break;
        }
        let mut k = j;
        while k < chars.len() && chars[k] == ' ' {
            k += 1;
        }
        let rest: String = chars[k..chars.len().min(k + 6)].iter().collect();
        let rest = rest.to_lowercase();
        let is_points = (rest.starts_with('分')
            && !["分钟", "分之", "分比", "分位", "分配", "分析", "分别", "分类", "分解"]
                .iter()
                .any(|w| rest.starts_with(w)))
            || rest.starts_with("point")
            || rest.starts_with("pts");
        let before_percent = i > 0 && chars[i - 1] == '百';
        if is_points && !before_percent {
            out.extend(
                numbers
                    .iter()
                    .filter_map(|n| n.trim_end_matches('.').parse::<f64>().ok())
                    .filter(|v| *v > 0.0),
            );
        }
        i = j.max(i + 1);
    }
    out
}

fn hundredths(v: f64) -> u64 {
    (v * UNIT).round().max(0.0) as u64
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The grid an indicator's criteria and points need, before the scale's step: the greatest
/// common divisor of its points and every amount its texts state (hundredths at finest).
pub fn of(points: f64, texts: &[Option<&str>]) -> f64 {
    let mut g = hundredths(points);
    for text in texts.iter().flatten() {
        for a in amounts(text) {
            g = gcd(g, hundredths(a));
        }
    }
    if g == 0 { 1.0 / UNIT } else { g as f64 / UNIT }
}

/// The item's `step` on a scale of `scale_step`: the finer grid both allow, or None when that
/// is the scale's own.
pub fn for_scale(needed: Option<f64>, scale_step: f64) -> Option<f64> {
    let needed = needed?;
    let g = gcd(hundredths(needed), hundredths(scale_step));
    let step = if g == 0 { 1.0 / UNIT } else { g as f64 / UNIT };
    ((step - scale_step).abs() > 1e-9).then_some(step)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_points_criteria_state() {
        assert_eq!(amounts("每超过一个百分点扣0.3分，扣完为止"), [0.3]);
        assert_eq!(amounts("计5分;每超过一个百分点扣0.5分"), [5.0, 0.5]);
        assert_eq!(amounts("得10-15分；得0-5分"), [10.0, 15.0, 5.0]);
        assert_eq!(amounts("30分钟内办结；低于3个百分点的"), Vec::<f64>::new());
        assert_eq!(amounts("每低于5%扣2分"), [2.0]);
        assert_eq!(amounts("deduct 0.25 points"), [0.25]);
    }

    #[test]
    fn the_finest_step_they_need() {
        let step = |points: f64, text: &str| for_scale(Some(of(points, &[Some(text)])), 0.5);
        assert_eq!(step(3.0, "每超过一个百分点扣0.3分，扣完为止"), Some(0.1));
        assert_eq!(step(8.0, "每超过一个百分点扣0.8分"), Some(0.1));
        assert_eq!(step(5.0, "计5分;每超过一个百分点扣0.5分"), None);
        assert_eq!(step(5.0, "酌情扣分"), None);
        assert_eq!(step(0.9, ""), Some(0.1), "a maximum off the scale's grid");
        assert_eq!(step(3.75, ""), Some(0.25));
        assert_eq!(for_scale(Some(of(4.0, &[Some("扣1分")])), 0.25), None);
        assert_eq!(for_scale(None, 0.5), None);
    }
}
