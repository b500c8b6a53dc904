//! Column widths and row heights for print: widths from the content (a CJK character counts
//! as two of Excel's width units), capped per kind of column so the text wraps instead, and row
//! heights estimated from the lines the wrapped text takes, since neither Excel nor WPS fits a
//! row to wrapped text when it opens a file.

use super::super::table::{ColKind, Table};
use crate::text::width;

/// The workbook's font size, in points.
pub(super) const FONT_SIZE: f64 = 11.0;
/// One line of text at [`FONT_SIZE`], with the leading a CJK font takes (Noto Sans CJK, which
/// LibreOffice puts in for 宋体, is 1.45 em tall; Excel's 宋体 1.3 em).
const LINE: f64 = 15.0;
/// A row's room above and below its text.
const PAD: f64 = 4.0;
/// Excel's default row height at 11 pt.
pub(super) const ROW: f64 = LINE + PAD;
/// Rows taller than this many lines are cut off (Excel's highest row is 409 pt).
const MAX_LINES: usize = 24;

/// The smallest and largest width of a kind of column, in Excel's units. Text wraps at the
/// largest; a number never does, so a number column is as wide as its widest number shown.
fn bounds(kind: ColKind) -> (usize, usize) {
    match kind {
        // Section levels: narrow, their titles wrap.
        ColKind::Path => (6, 12),
        ColKind::Title => (10, 18),
        // Criteria, notes: the widest, wrapped.
        ColKind::Text => (12, 22),
        // The text in a number column (a grade, `良（暂定）`) wraps past this.
        ColKind::Number | ColKind::Score => (6, 12),
        ColKind::Mark => (5, 6),
    }
}

/// The widest a number column gets for its numbers (far beyond any score).
const MAX_NUMBER: usize = 24;

/// Widths in Excel's units: the longest line of a column's content as Excel shows it (`shown`:
/// `80.00%`, `4.00`, not the raw number) and a little room, within the column kind's bounds —
/// except that a number column always fits its widest number. The header counts too, except
/// over numbers and marks, whose headers wrap (自评 / 得分) rather than widen a column of short
/// numbers; in a number column, text counts by its longest piece that cannot be broken (`良`,
/// `（暂定）`). `first` is what else column 0 holds: the labels of the header block.
pub(super) fn column_widths(
    table: &Table,
    shown: impl Fn(usize, usize) -> String,
    first: &[&str],
) -> Vec<f64> {
    (0..table.columns.len())
        .map(|c| {
            let col = &table.columns[c];
            let (min, cap) = bounds(col.kind);
            let cells = (0..table.rows.len()).map(|r| (shown(r, c), table.rows[r].cells[c].value.is_num()));
            let w = match col.kind {
                ColKind::Path | ColKind::Title | ColKind::Text => {
                    let content = cells
                        .map(|(t, _)| t)
                        .chain(std::iter::once(col.header.clone()))
                        .flat_map(|t| t.lines().map(width).collect::<Vec<_>>())
                        .max()
                        .unwrap_or(0);
                    (content + 2).clamp(min, cap)
                }
                ColKind::Number | ColKind::Score | ColKind::Mark => {
                    let (mut numbers, mut text) = (0, 0);
                    for (t, is_num) in cells {
                        if is_num {
                            numbers = numbers.max(width(&t));
                        } else {
                            text = text.max(unbroken(&t));
                        }
                    }
                    (text + 2).clamp(min, cap).max((numbers + 2).min(MAX_NUMBER))
                }
            };
            let labels = if c == 0 { first.iter().map(|l| width(l) + 2).max().unwrap_or(0) } else { 0 };
            w.max(labels.min(cap)) as f64
        })
        .collect()
}

/// The width of the longest piece of `text` a line cannot break: words, and a CJK text before
/// an opening bracket (`良（暂定）` breaks as `良` / `（暂定）`).
fn unbroken(text: &str) -> usize {
    let mut widest = 0;
    for word in text.split(char::is_whitespace) {
        let mut from = 0;
        for (at, ch) in word.char_indices() {
            if at > 0 && matches!(ch, '（' | '(') {
                widest = widest.max(width(&word[from..at]));
                from = at;
            }
        }
        widest = widest.max(width(&word[from..]));
    }
    widest
}

/// Lines `text` takes in a column `w` units wide when wrapped: each line's width over the room
/// the column has (a little less than its width: a cell's padding, and Latin text wraps at
/// spaces, not anywhere).
pub(super) fn lines(text: &str, w: f64) -> usize {
    let room = (w - 1.2).max(1.0);
    text.lines().map(|l| ((width(l) as f64) / room).ceil().max(1.0) as usize).sum::<usize>().max(1)
}

/// The height, in points, of a row of `lines` lines.
pub(super) fn height(lines: usize) -> f64 {
    lines.clamp(1, MAX_LINES) as f64 * LINE + PAD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_counts_twice_and_lines_wrap() {
        assert_eq!(lines("评分标准", 10.0), 1, "8 units in 8.8");
        assert_eq!(lines("扣分原因和其他说明", 10.0), 3, "18 units in 8.8");
        assert_eq!(lines("a\nb", 10.0), 2);
        assert_eq!(lines("", 10.0), 1);
        assert_eq!(height(1), ROW);
        assert_eq!(height(100), height(MAX_LINES));
    }

    #[test]
    fn text_breaks_at_spaces_and_before_brackets() {
        assert_eq!(unbroken("良（暂定）"), 8);
        assert_eq!(unbroken("B (provisional)"), 13);
        assert_eq!(unbroken("优"), 2);
        assert_eq!(unbroken(""), 0);
    }
}
