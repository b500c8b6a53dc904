//! How each cell looks: its font, fill, border and alignment, and its number format — one per
//! column, so a column of means shows `4.67`, `4.00` and its subtotal `11.00` alike, whether a
//! cell holds a value or a formula — and the text a number is shown as, which is what a column
//! is sized from (`80.00%`, not `80`).

use super::super::table::{Calc, ColKind, Num, Row, RowKind, Stat, Table, Value, round2};
use crate::scores::fmt_num;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

const SUBTOTAL_FILL: u32 = 0xF2F2F2;
const TOTAL_FILL: u32 = 0xE2EFDA;

/// A number cell's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumFmt {
    /// Excel's General: `5`, `2.5`, `0.25`.
    General,
    /// `0.00`: means, and every number in a column of means.
    Fixed2,
    /// `0.00%`.
    Percent,
}

impl NumFmt {
    fn code(self) -> Option<&'static str> {
        match self {
            NumFmt::General => None,
            NumFmt::Fixed2 => Some("0.00"),
            NumFmt::Percent => Some("0.00%"),
        }
    }

    /// The text Excel and LibreOffice show for `v` (a percentage in percentage points).
    fn show(self, v: f64) -> String {
        match self {
            NumFmt::General => fmt_num(v),
            NumFmt::Fixed2 => format!("{:.2}", round2(v)),
            NumFmt::Percent => format!("{:.2}%", round2(v)),
        }
    }
}

/// The styles of a table's cells.
pub(super) struct Styles {
    /// Columns that hold a mean anywhere: every number in them is shown to 2 decimals.
    means: Vec<bool>,
}

impl Styles {
    pub fn of(table: &Table) -> Styles {
        let mut means = vec![false; table.columns.len()];
        for row in &table.rows {
            for (c, cell) in row.cells.iter().enumerate() {
                let mean = matches!(cell.value, Value::Num(Num::Mean(_)))
                    || matches!(
                        cell.calc.as_deref(),
                        Some(Calc::Stat { stat: Stat::Mean | Stat::TrimmedMean, .. })
                    );
                means[c] |= mean;
            }
        }
        Styles { means }
    }

    /// The number format of cell (`r`, `c`), or `None` for text (so a formula's recalculated
    /// value is shown like its cached one, and a blank formula like its filled-in self).
    pub fn num(&self, table: &Table, r: usize, c: usize) -> Option<NumFmt> {
        let cell = &table.rows[r].cells[c];
        let number = match (&cell.value, cell.calc.as_deref()) {
            (Value::Num(Num::Percent(_)), _) | (_, Some(Calc::Percent { .. } | Calc::Ratio { .. })) => {
                return Some(NumFmt::Percent);
            }
            (Value::Num(_), _)
            | (_, Some(Calc::Sum { .. } | Calc::Stat { .. } | Calc::Link { .. } | Calc::Rank { .. })) => true,
            _ => false,
        };
        number.then(|| if self.means[c] { NumFmt::Fixed2 } else { NumFmt::General })
    }

    /// The cell as Excel shows it: text as it is, a number in its format.
    pub fn shown(&self, table: &Table, r: usize, c: usize) -> String {
        match (&table.rows[r].cells[c].value, self.num(table, r, c)) {
            (Value::Num(n), Some(f)) => f.show(n.value()),
            (v, _) => v.text(),
        }
    }

    pub fn format(&self, table: &Table, r: usize, c: usize) -> Format {
        let row: &Row = &table.rows[r];
        let mut f = super::base().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        f = match table.columns[c].kind {
            ColKind::Path | ColKind::Title | ColKind::Text => f.set_text_wrap(),
            ColKind::Mark => f.set_align(FormatAlign::Center),
            // A grade (`良（暂定）`) may wrap before its bracket; numbers never need to.
            ColKind::Number | ColKind::Score => f.set_align(FormatAlign::Center).set_text_wrap(),
        };
        if let Some(code) = self.num(table, r, c).and_then(NumFmt::code) {
            f = f.set_num_format(code);
        }
        let in_path = c < row.path_len;
        // A panel's disagreements are marked by a conditional format, which follows edits.
        let fill = match row.kind {
            RowKind::Subtotal if !in_path => Some(SUBTOTAL_FILL),
            RowKind::Total => Some(TOTAL_FILL),
            _ => None,
        };
        if let Some(fill) = fill {
            f = f.set_background_color(Color::RGB(fill));
        }
        if row.kind == RowKind::Total || row.label == Some(c) || (row.kind == RowKind::Subtotal && !in_path) {
            f = f.set_bold();
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_shown_as_their_format_shows_them() {
        assert_eq!(NumFmt::Percent.show(80.0), "80.00%");
        assert_eq!(NumFmt::Percent.show(100.0), "100.00%");
        assert_eq!(NumFmt::Fixed2.show(11.0), "11.00");
        assert_eq!(NumFmt::Fixed2.show(4.666_666), "4.67");
        assert_eq!(NumFmt::Fixed2.show(2.675), "2.68", "half up, as ROUND does");
        assert_eq!(NumFmt::General.show(2.5), "2.5");
    }
}
