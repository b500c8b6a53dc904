//! RFC 4180 CSV via the csv crate, UTF-8; with `bom` (the default of `export`), a byte-order mark
//! first so Excel and WPS read Chinese correctly, and every text cell that a spreadsheet would
//! take for a formula (`=`, `+`, `-`, `@` first) guarded with a leading `'`. Without `bom`
//! (for scripts) the cells are exactly the text. With the BOM the sheet starts as the xlsx and
//! the Markdown do, with its title (the report's, as the heading) and a row per fact above the
//! header — 评价人 and 评价日期; for a panel, 评价人员, 评价日期, what its 评价得分 is (the method)
//! and its 评分一致性 (alpha) — and without it the header is the first line.

use std::borrow::Cow;
use std::io::Write;

use super::table::{Table, Value};

/// The sheet as CSV, in memory.
pub fn to_csv(table: &Table, bom: bool) -> Result<Vec<u8>, ::csv::Error> {
    let mut out = Vec::new();
    write_csv(table, bom, &mut out)?;
    Ok(out)
}

/// Writes the sheet as CSV to `out` row by row (buffered), never holding the whole text.
pub fn write_csv(table: &Table, bom: bool, mut out: impl Write) -> Result<(), ::csv::Error> {
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut w = ::csv::Writer::from_writer(out);
    let guard = |s: &str| if bom { excel_safe(s).into_owned() } else { s.to_string() };
    if bom {
        // For a person opening it in Excel: the title and the facts above the header (the unit
        // when the report names it, who, when; a panel's method and agreement), padded to the
        // table's width. Scripts (`--no-bom`) get the header on the first line.
        let width = table.columns.len().max(2);
        let mut title = vec![guard(&table.framing.heading)];
        title.resize(width, String::new());
        w.write_record(&title)?;
        for (label, value) in &table.framing.facts {
            let mut record = vec![guard(label), guard(value)];
            record.resize(width, String::new());
            w.write_record(&record)?;
        }
    }
    w.write_record(table.columns.iter().map(|c| guard(&c.header)))?;
    for row in &table.rows {
        w.write_record(row.cells.iter().map(|c| match &c.value {
            Value::Text(s) => guard(s),
            v => v.text(),
        }))?;
    }
    w.flush()?;
    Ok(())
}

/// `'=1+1` for `=1+1`: Excel and WPS show text that starts like a formula as that text.
fn excel_safe(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::table::{Cell, ColKind, Column, Num, Row, RowKind};

    fn table(cells: Vec<Cell>) -> Table {
        Table {
            title: "T".into(),
            framing: crate::export::table::Framing { heading: "T — sheet".into(), ..Default::default() },
            sheet_name: "S".into(),
            levels: 0,
            columns: cells.iter().map(|_| Column { header: "h".into(), kind: ColKind::Text }).collect(),
            rows: vec![Row {
                kind: RowKind::Item,
                cells,
                path_len: 0,
                label: None,
                highlight: false,
                scale: None,
            }],
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
        assert_eq!(
            with,
            "\u{feff}T — sheet,,,\nh,h,h,h\n\"a, \"\"b\"\"\nc\",\"'=HYPERLINK(\"\"x\"\")\",-1.5,\n"
        );
        let without = String::from_utf8(to_csv(&t, false).unwrap()).unwrap();
        assert_eq!(without, "h,h,h,h\n\"a, \"\"b\"\"\nc\",\"=HYPERLINK(\"\"x\"\")\",-1.5,\n");
    }
}
