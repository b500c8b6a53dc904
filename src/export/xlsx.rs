//! An xlsx workbook (rust_xlsxwriter) that is a real spreadsheet: a bold header row that stays
//! in view, the section levels as merged cells, wrapped text in columns sized for Chinese (a CJK
//! character is two units wide), scores as numbers, means to two decimals, percentages as
//! percentages, and subtotals, totals, percent and grade as formulas (`SUM`, `AVERAGE`…) with
//! their results cached, so the sheet reads right before any recalculation and stays right
//! when a score is edited in Excel or WPS. Printing is set up landscape, one page wide, with
//! the header row repeated and the report's title at the top of each page.

use super::table::{Calc, ColKind, Num, Row, RowKind, Stat, Table, Value};
use crate::scores::fmt_num;
use crate::text::width;
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Formula, Workbook, XlsxError, row_col_to_cell,
};

/// Excel refuses longer text in a cell.
const MAX_CELL_CHARS: usize = 32_000;
/// Excel's limit on a formula's length is 8192 characters; beyond this the value is written.
const MAX_FORMULA: usize = 8_000;

const HEADER_FILL: u32 = 0xD9E1F2;
const SUBTOTAL_FILL: u32 = 0xF2F2F2;
const TOTAL_FILL: u32 = 0xE2EFDA;
const HIGHLIGHT_FILL: u32 = 0xFCE4D6;

/// A merged range: rows `r0..=r1` (table rows) and columns `c0..=c1`, showing `text`.
#[derive(Debug, Clone, PartialEq)]
struct Merge {
    r0: usize,
    c0: usize,
    r1: usize,
    c1: usize,
    text: String,
}

pub fn to_xlsx(table: &Table) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_properties(&DocProperties::new().set_title(&table.title).set_subject(&table.sheet_name));
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(&table.sheet_name))?;
    // A formula whose cached result is blank is written as an empty text result, not 0.
    ws.set_formula_result_default("");

    let widths = column_widths(table);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(HEADER_FILL));
    for (c, col) in table.columns.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, clip(&col.header), &header)?;
    }
    let header_lines = table.columns.iter().zip(&widths).map(|(col, w)| lines(&col.header, *w)).max();
    set_height(ws, 0, header_lines.unwrap_or(1))?;
    ws.set_freeze_panes(1, 0)?;

    let merges = merges(table);
    // Single-row merges start a cell that still sets its row's height (a set: one lookup a cell).
    let single_row: std::collections::HashSet<(usize, usize)> =
        merges.iter().filter(|m| m.r0 == m.r1).map(|m| (m.r0, m.c0)).collect();
    let mut covered = vec![vec![false; table.columns.len()]; table.rows.len()];
    for m in &merges {
        for row in covered.iter_mut().take(m.r1 + 1).skip(m.r0) {
            row[m.c0..=m.c1].iter_mut().for_each(|x| *x = true);
        }
    }
    for (r, row) in table.rows.iter().enumerate() {
        let xr = r as u32 + 1;
        for (c, cell) in row.cells.iter().enumerate() {
            if covered[r][c] {
                continue;
            }
            let fmt = cell_format(table, r, c);
            let xc = c as u16;
            let formula = cell.calc.as_ref().and_then(|calc| formula(r, c, calc));
            match (&cell.value, formula) {
                (v, Some(f)) => {
                    ws.write_formula_with_format(xr, xc, Formula::new(f).set_result(cached(v)), &fmt)?;
                }
                (Value::Blank, None) => {
                    ws.write_blank(xr, xc, &fmt)?;
                }
                (Value::Text(s), None) => {
                    ws.write_string_with_format(xr, xc, clip(s), &fmt)?;
                }
                (Value::Num(n), None) => {
                    ws.write_number_with_format(xr, xc, number(*n), &fmt)?;
                }
            }
        }
        let tall = row
            .cells
            .iter()
            .enumerate()
            .filter(|(c, _)| !covered[r][*c] || single_row.contains(&(r, *c)))
            .filter(|(c, _)| !matches!(table.columns[*c].kind, ColKind::Number | ColKind::Score))
            .map(|(c, cell)| lines(&cell.value.text(), widths[c]))
            .max()
            .unwrap_or(1);
        set_height(ws, xr, tall)?;
    }
    for m in &merges {
        let fmt = cell_format(table, m.r0, m.c0);
        ws.merge_range(m.r0 as u32 + 1, m.c0 as u16, m.r1 as u32 + 1, m.c1 as u16, clip(&m.text), &fmt)?;
    }

    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    let title: String = table.title.chars().filter(|c| !c.is_control()).take(200).collect();
    ws.set_header(format!("&C{}", title.replace('&', "&&")));
    wb.save_to_buffer()
}

/// A valid worksheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let clean: String =
        name.chars().filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')).take(31).collect();
    if clean.trim().is_empty() { "Sheet1".into() } else { clean }
}

fn clip(s: &str) -> &str {
    match s.char_indices().nth(MAX_CELL_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn number(n: Num) -> f64 {
    match n {
        Num::Percent(v) => v / 100.0,
        Num::Plain(v) | Num::Mean(v) => v,
    }
}

/// A formula's cached result as rust_xlsxwriter takes it: a number, a text or "" (blank).
fn cached(v: &Value) -> String {
    match v {
        Value::Blank => String::new(),
        Value::Text(s) => s.to_string(),
        Value::Num(Num::Percent(p)) => fmt_num(p / 100.0),
        Value::Num(n) => format!("{}", number(*n)),
    }
}

/// How a cell's number is shown (so a formula's recalculated value is shown like its cached one).
fn num_style(table: &Table, r: usize, c: usize) -> Option<Num> {
    let cell = &table.rows[r].cells[c];
    match (&cell.value, cell.calc.as_deref()) {
        (Value::Num(n), _) => Some(*n),
        (_, Some(Calc::Percent { .. })) => Some(Num::Percent(0.0)),
        (_, Some(Calc::Stat { stat: Stat::Mean, .. })) => Some(Num::Mean(0.0)),
        (_, Some(Calc::Sum { rows, .. })) => rows.iter().find_map(|&p| num_style(table, p, c)),
        _ => None,
    }
}

fn cell_format(table: &Table, r: usize, c: usize) -> Format {
    let row: &Row = &table.rows[r];
    let mut f = Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
    f = match table.columns[c].kind {
        ColKind::Path | ColKind::Title | ColKind::Text => f.set_text_wrap(),
        ColKind::Mark => f.set_align(FormatAlign::Center),
        ColKind::Number | ColKind::Score => f,
    };
    match num_style(table, r, c) {
        Some(Num::Mean(_)) => f = f.set_num_format("0.00"),
        Some(Num::Percent(_)) => f = f.set_num_format("0.00%"),
        _ => {}
    }
    let in_path = c < row.path_len;
    let fill = match row.kind {
        RowKind::Item if row.highlight && c >= table.levels => Some(HIGHLIGHT_FILL),
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

/// Vertical merges of equal section cells (same text, same path above them) in consecutive
/// rows, and a subtotal's or total's label merged across the empty cells up to the item column.
fn merges(table: &Table) -> Vec<Merge> {
    let mut out = Vec::new();
    let rows = &table.rows;
    for c in 0..table.levels {
        let mut r = 0;
        while r < rows.len() {
            let Some(text) = (rows[r].path_len > c).then(|| rows[r].cells[c].as_text()).flatten() else {
                r += 1;
                continue;
            };
            let mut e = r;
            while e + 1 < rows.len()
                && rows[e + 1].path_len > c
                && (0..=c).all(|k| rows[e + 1].cells[k].value == rows[r].cells[k].value)
            {
                e += 1;
            }
            if e > r {
                out.push(Merge { r0: r, c0: c, r1: e, c1: c, text: text.to_string() });
            }
            r = e + 1;
        }
    }
    for (r, row) in rows.iter().enumerate() {
        let Some(l) = row.label.filter(|&l| l < table.levels) else { continue };
        let Some(text) = row.cells[l].as_text() else { continue };
        let end = (l + 1..=table.levels).take_while(|&k| row.cells[k].is_blank()).last();
        if let Some(end) = end {
            out.push(Merge { r0: r, c0: l, r1: r, c1: end, text: text.to_string() });
        }
    }
    out
}

/// Widths in Excel's units (about one Latin character; a CJK character takes two): wide enough
/// for the content up to a cap per kind of column, where the text wraps.
fn column_widths(table: &Table) -> Vec<f64> {
    table
        .columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            let (min, cap) = match col.kind {
                ColKind::Path => (10, 24),
                ColKind::Title => (12, 36),
                ColKind::Text => (12, 48),
                ColKind::Number | ColKind::Score => (7, 14),
                ColKind::Mark => (6, 10),
            };
            let content = table
                .rows
                .iter()
                .map(|r| r.cells[c].value.text())
                .chain([col.header.clone()])
                .flat_map(|t| t.lines().map(width).collect::<Vec<_>>())
                .max()
                .unwrap_or(0);
            (content + 2).clamp(min, cap) as f64
        })
        .collect()
}

/// Lines `text` takes in a column `w` wide when wrapped (generously: a little less fits than
/// the width says).
fn lines(text: &str, w: f64) -> usize {
    let room = (w - 2.0).max(1.0);
    text.lines().map(|l| ((width(l) as f64) / room).ceil().max(1.0) as usize).sum::<usize>().max(1)
}

fn set_height(ws: &mut rust_xlsxwriter::Worksheet, row: u32, lines: usize) -> Result<(), XlsxError> {
    if lines > 1 {
        ws.set_row_height(row, (lines.min(25) as f64) * 16.0 + 2.0)?;
    }
    Ok(())
}

/// A table cell as an A1 reference (the header is the first sheet row).
fn a1(r: usize, c: usize) -> String {
    row_col_to_cell(r as u32 + 1, c as u16)
}

/// Column `c` over `rows`, consecutive rows as one range: `G3:G9`, `G12`.
fn ranges(rows: &[usize], c: usize) -> Vec<String> {
    let mut sorted = rows.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out = Vec::new();
    let mut k = 0;
    while k < sorted.len() {
        let mut e = k;
        while e + 1 < sorted.len() && sorted[e + 1] == sorted[e] + 1 {
            e += 1;
        }
        out.push(if e == k {
            a1(sorted[k], c)
        } else {
            format!("{}:{}", a1(sorted[k], c), a1(sorted[e], c))
        });
        k = e + 1;
    }
    out
}

/// `FUNC(a,b,…)`, in groups added up with `SUM` when there are more arguments than Excel takes.
fn call(func: &str, args: &[String]) -> String {
    if args.len() <= 255 {
        format!("{func}({})", args.join(","))
    } else {
        let parts: Vec<String> = args.chunks(255).map(|c| call(func, c)).collect();
        call("SUM", &parts)
    }
}

fn literal(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The Excel formula for cell (`r`, `c`), or `None` when there is nothing to compute or it
/// would be too long (then the value is written instead).
fn formula(r: usize, c: usize, calc: &Calc) -> Option<String> {
    let f = match calc {
        Calc::Sum { rows, blank_if_none } => {
            if rows.is_empty() {
                return None;
            }
            let args = ranges(rows, c);
            let sum = call("SUM", &args);
            if *blank_if_none { format!("IF({}=0,\"\",{sum})", call("COUNT", &args)) } else { sum }
        }
        Calc::Stat { stat, cols } => {
            let range = row_range(r, cols)?;
            let body = match stat {
                Stat::Mean => format!("AVERAGE({range})"),
                Stat::TrimmedMean => format!(
                    "IF(COUNT({range})>=3,(SUM({range})-MAX({range})-MIN({range}))/(COUNT({range})-2),AVERAGE({range}))"
                ),
                Stat::Min => format!("MIN({range})"),
                Stat::Max => format!("MAX({range})"),
                Stat::Spread => format!("MAX({range})-MIN({range})"),
            };
            format!("IF(COUNT({range})=0,\"\",{body})")
        }
        Calc::Disagree { cols, threshold, mark } => {
            let range = row_range(r, cols)?;
            format!(
                "IF(COUNT({range})<2,\"\",IF(MAX({range})-MIN({range})>{threshold},{},\"\"))",
                literal(mark)
            )
        }
        Calc::Percent { points_row, items, max_col } => {
            if items.is_empty() {
                return None;
            }
            let scored_max: Vec<String> = runs(items)
                .iter()
                .map(|run| {
                    let (a, b) = (run[0], run[run.len() - 1]);
                    format!(
                        "SUMPRODUCT(({}:{}<>\"\")*{}:{})",
                        a1(a, c),
                        a1(b, c),
                        a1(a, *max_col),
                        a1(b, *max_col)
                    )
                })
                .collect();
            let p = a1(*points_row, c);
            format!("IF({p}=\"\",\"\",IFERROR(ROUND({p}/({}),4),\"\"))", scored_max.join("+"))
        }
        Calc::Grade { percent_row, bands, provisional } => {
            if bands.is_empty() || bands.len() > 60 {
                return None;
            }
            let x = a1(*percent_row, c);
            let mut nested = "\"\"".to_string();
            for band in bands.iter().rev() {
                nested = format!("IF(ROUND({x}*100,2)>={},{},{nested})", band.min, literal(&band.label));
            }
            if let Some(p) = provisional.as_ref().filter(|p| !p.items.is_empty()) {
                let count = call("COUNT", &ranges(&p.items, c));
                nested = format!("{nested}&IF({count}<{},{},\"\")", p.items.len(), literal(&p.suffix));
            }
            format!("IF({x}=\"\",\"\",{nested})")
        }
    };
    (f.len() <= MAX_FORMULA).then_some(f)
}

fn row_range(r: usize, cols: &std::ops::Range<usize>) -> Option<String> {
    match cols.len() {
        0 => None,
        1 => Some(a1(r, cols.start)),
        _ => Some(format!("{}:{}", a1(r, cols.start), a1(r, cols.end - 1))),
    }
}

/// Consecutive runs of sorted row indices.
fn runs(rows: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &r in rows {
        match out.last_mut() {
            Some(run) if run.last() == Some(&(r.wrapping_sub(1))) => run.push(r),
            _ => out.push(vec![r]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_join_consecutive_rows() {
        assert_eq!(ranges(&[0, 1, 2, 5, 7, 8], 6), vec!["G2:G4", "G7", "G9:G10"]);
        assert_eq!(runs(&[1, 2, 4]), vec![vec![1, 2], vec![4]]);
    }

    #[test]
    fn long_argument_lists_are_grouped() {
        let args: Vec<String> = (0..300).map(|k| format!("A{k}")).collect();
        let f = call("COUNT", &args);
        assert!(f.starts_with("SUM(COUNT(A0,"), "{f}");
        assert_eq!(f.matches("COUNT(").count(), 2);
    }

    #[test]
    fn sheet_names_are_valid() {
        assert_eq!(sheet_name("评分表"), "评分表");
        assert_eq!(sheet_name("a/b:c"), "abc");
        assert_eq!(sheet_name("??"), "Sheet1");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
