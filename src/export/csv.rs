//! RFC 4180 CSV via the csv crate, UTF-8; with `bom` (the default of `export`), a byte-order mark
//! first so Excel and WPS read Chinese correctly, and every text cell that a spreadsheet would
//! take for a formula (`=`, `+`, `-`, `@` first) guarded with a leading `'`. Without `bom`
//! (for scripts) the cells are exactly the text.

use super::table::{Table, Value};

pub fn to_csv(table: &Table, bom: bool) -> Result<Vec<u8>, ::csv::Error> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = ::csv::Writer::from_writer(out);
    let guard = |s: String| if bom { excel_safe(s) } else { s };
    w.write_record(table.columns.iter().map(|c| guard(c.header.clone())))?;
    for row in &table.rows {
        w.write_record(row.cells.iter().map(|c| match &c.value {
            Value::Text(s) => guard(s.clone()),
            v => v.text(),
        }))?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// `'=1+1` for `=1+1`: Excel and WPS show text that starts like a formula as that text.
fn excel_safe(s: String) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::table::{Cell, ColKind, Column, Num, Row, RowKind};

    fn table(cells: Vec<Cell>) -> Table {
        Table {
            title: "T".into(),
            subtitle: vec![],
            sheet_name: "S".into(),
            levels: 0,
            columns: cells.iter().map(|_| Column { header: "h".into(), kind: ColKind::Text }).collect(),
            rows: vec![Row { kind: RowKind::Item, cells, path_len: 0, label: None, highlight: false }],
        }
    }

    #[test]
    fn quotes_bom_and_formula_guard() {
        let t = table(vec![
            Cell::text("a, \"b\"\nc"),
            Cell::text("=HYPERLINK(\"x\")"),
            Cell::num(Num::Plain(-1.5)),
            Cell::score(None),
        ]);
        let with = String::from_utf8(to_csv(&t, true).unwrap()).unwrap();
        assert_eq!(with, "\u{feff}h,h,h,h\n\"a, \"\"b\"\"\nc\",\"'=HYPERLINK(\"\"x\"\")\",-1.5,\n");
        let without = String::from_utf8(to_csv(&t, false).unwrap()).unwrap();
        assert_eq!(without, "h,h,h,h\n\"a, \"\"b\"\"\nc\",\"=HYPERLINK(\"\"x\"\")\",-1.5,\n");
    }
}
