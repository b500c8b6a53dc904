//! Checks that live in the sheet and follow its edits: data validation on every item's score
//! cells (a number between the item's min and max, on its step grid), and conditional formats —
//! a panel's items where the evaluators disagree, and an evaluator's scores below the max
//! without a reason.

use super::formula::Grid;
use crate::report::Scale;
use crate::scores::fmt_num;
use rust_xlsxwriter::{
    Color, ConditionalFormatFormula, DataValidation, Format, Formula, Worksheet, XlsxError,
};

/// Excel's limits on a validation's title and message (UTF-16 units).
const MAX_TITLE: usize = 32;
const MAX_MESSAGE: usize = 255;

/// The cells one validation rule covers: the item rows of one scale, in the score columns.
pub(super) struct ScoreCells<'a> {
    pub scale: Scale,
    pub rows: Vec<usize>,
    pub cols: &'a [usize],
}

/// The rule a score cell keeps to, as an Excel formula on cell `at` (an A1 reference): a number,
/// within the scale, and on its grid of `step` from `min` (rounded, so 0.1 steps hold).
pub(super) fn rule(scale: Scale, at: &str) -> String {
    let (min, max, step) = (fmt_num(scale.min), fmt_num(scale.max), scale.step);
    let mut f = format!("AND(ISNUMBER({at}),{at}>={min},{at}<={max}");
    if step > 0.0 && step.is_finite() {
        let from = if scale.min == 0.0 { at.to_string() } else { format!("({at}-{min})") };
        let per = 1.0 / step;
        let steps = if (per - per.round()).abs() < 1e-9 {
            if per.round() == 1.0 { from } else { format!("{from}*{}", per.round()) }
        } else {
            format!("{from}/{}", fmt_num(step))
        };
        f.push_str(&format!(",MOD(ROUND({steps},6),1)=0"));
    }
    f.push(')');
    f
}

/// The validation message of a scale: `{min}`, `{max}` and `{step}` filled in.
fn filled(message: &str, scale: Scale) -> String {
    message
        .replace("{min}", &fmt_num(scale.min))
        .replace("{max}", &fmt_num(scale.max))
        .replace("{step}", &fmt_num(scale.step))
}

/// Cut to Excel's limit for a validation's text.
fn fit(s: &str, max: usize) -> String {
    let mut n = 0;
    s.chars()
        .take_while(|c| {
            n += c.len_utf16();
            n <= max
        })
        .collect()
}

/// Space-separated ranges of `rows` in each of `cols`, the top-left cell first (formulas in a
/// rule are relative to it).
fn multi_range(g: Grid, rows: &[usize], cols: &[usize]) -> String {
    let mut cols = cols.to_vec();
    cols.sort_unstable();
    cols.iter().flat_map(|&c| g.ranges(rows, c)).collect::<Vec<_>>().join(" ")
}

/// A data validation on the score cells of each scale: refuses what is not a score of that item.
pub(super) fn validate_scores(
    ws: &mut Worksheet,
    g: Grid,
    groups: &[ScoreCells],
    (title, message): (&str, &str),
) -> Result<(), XlsxError> {
    for group in groups {
        let (Some(&first_row), Some(&first_col)) = (group.rows.iter().min(), group.cols.iter().min()) else {
            continue;
        };
        let at = g.a1(first_row, first_col);
        let dv = DataValidation::new()
            .allow_custom(Formula::new(rule(group.scale, &at)))
            .set_input_title(fit(title, MAX_TITLE))?
            .set_input_message(fit(&filled(message, group.scale), MAX_MESSAGE))?
            .set_error_title(fit(title, MAX_TITLE))?
            .set_error_message(fit(&filled(message, group.scale), MAX_MESSAGE))?
            .set_multi_range(multi_range(g, &group.rows, group.cols));
        let (r, c) = (g.row(first_row), first_col as u16);
        ws.add_data_validation(r, c, r, c, &dv)?;
    }
    Ok(())
}

/// Marks rows `rows` across columns `span` (first, last) while `rule` (written for the first
/// row) holds.
pub(super) fn mark_rows(
    ws: &mut Worksheet,
    g: Grid,
    rows: &[usize],
    span: (usize, usize),
    rule: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let Some(&first) = rows.iter().min() else { return Ok(()) };
    let ranges: Vec<String> = super::formula::runs(&{
        let mut r = rows.to_vec();
        r.sort_unstable();
        r.dedup();
        r
    })
    .iter()
    .map(|run| format!("{}:{}", g.a1(run[0], span.0), g.a1(run[run.len() - 1], span.1)))
    .collect();
    let cf = ConditionalFormatFormula::new()
        .set_rule(format!("={rule}").as_str())
        .set_format(format)
        .set_multi_range(ranges.join(" "));
    let (r, c) = (g.row(first), span.0 as u16);
    ws.add_conditional_format(r, c, r, c, &cf)?;
    Ok(())
}

/// The rule marking a panel's item row where the scores in `cols` (first, last) spread more
/// than `threshold`, written for table row `r`.
pub(super) fn disagree_rule(g: Grid, r: usize, cols: (usize, usize), threshold: f64) -> String {
    let range = format!("${}:${}", g.a1(r, cols.0), g.a1(r, cols.1));
    format!("AND(COUNT({range})>=2,MAX({range})-MIN({range})>{})", fmt_num(threshold))
}

/// The rule marking a score below the max with no reason in the note, written for table row `r`.
pub(super) fn no_reason_rule(g: Grid, r: usize, score: usize, max: usize, note: usize) -> String {
    let cell = |c: usize| format!("${}", g.a1(r, c));
    let (s, m, n) = (cell(score), cell(max), cell(note));
    format!("AND(ISNUMBER({s}),{s}<{m},LEN(TRIM({n}))=0)")
}

/// The conditional formats' looks, on the workbook's font.
pub(super) fn attention(fill: u32, font: u32) -> Format {
    Format::new().set_background_color(Color::RGB(fill)).set_font_color(Color::RGB(font))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_follow_the_scale() {
        let s = |min, max, step| Scale { min, max, step };
        assert_eq!(rule(s(0.0, 5.0, 0.5), "H5"), "AND(ISNUMBER(H5),H5>=0,H5<=5,MOD(ROUND(H5*2,6),1)=0)");
        assert_eq!(rule(s(0.0, 20.0, 1.0), "H5"), "AND(ISNUMBER(H5),H5>=0,H5<=20,MOD(ROUND(H5,6),1)=0)");
        assert_eq!(
            rule(s(1.0, 4.0, 0.3), "G7"),
            "AND(ISNUMBER(G7),G7>=1,G7<=4,MOD(ROUND((G7-1)/0.3,6),1)=0)"
        );
        assert_eq!(fit("得分得分", 3), "得分得");
        assert_eq!(filled("{min} 到 {max}，步长 {step}", s(0.0, 5.0, 0.5)), "0 到 5，步长 0.5");
        let g = Grid { top: 4 };
        assert_eq!(multi_range(g, &[0, 1, 3], &[7, 6]), "G6:G7 G9 H6:H7 H9");
        assert_eq!(disagree_rule(g, 0, (6, 8), 0.8), "AND(COUNT($G6:$I6)>=2,MAX($G6:$I6)-MIN($G6:$I6)>0.8)");
        assert_eq!(no_reason_rule(g, 1, 7, 5, 8), "AND(ISNUMBER($H7),$H7<$F7,LEN(TRIM($I7))=0)");
    }
}
