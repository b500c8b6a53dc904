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

/// The smallest and largest width of a kind of column, in Excel's units.
fn bounds(kind: ColKind) -> (usize, usize) {
    match kind {
        // Section levels: narrow, their titles wrap.
        ColKind::Path => (6, 12),
        ColKind::Title => (10, 18),
        // Criteria, notes: the widest, wrapped.
        ColKind::Text => (12, 22),
        ColKind::Number | ColKind::Score => (6, 8),
        ColKind::Mark => (5, 6),
    }
}

/// Widths in Excel's units: the longest line of a column's content and a little room, within
/// the column kind's bounds. The header counts too, except over numbers and marks, whose
/// headers wrap (自评 / 得分) rather than widen a column of short numbers.
pub(super) fn column_widths(table: &Table) -> Vec<f64> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            let (min, cap) = bounds(col.kind);
            let content = table
                .rows
                .iter()
                .map(|r| r.cells[c].value.text())
                .chain(
                    matches!(col.kind, ColKind::Path | ColKind::Title | ColKind::Text)
                        .then(|| col.header.clone()),
                )
                .flat_map(|t| t.lines().map(width).collect::<Vec<_>>())
                .max()
                .unwrap_or(0);
            (content + 2).clamp(min, cap) as f64
        })
        .collect()
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
}
