//! An xlsx workbook (rust_xlsxwriter) that is a real spreadsheet and prints as a document an
//! office accepts.
//!
//! - Above the table, a header block: the title row (merged across the table) and label/value
//!   rows (who scored it, when, how far; a panel's 评价得分 and agreement), the legend; below it,
//!   the signature lines. Their words come from the table's [`Framing`](super::table::Framing).
//! - The table: a bold header row that stays in view and repeats on every printed page, the
//!   section levels as merged cells (split where a printed page starts, so every page names its
//!   groups), wrapped text in columns sized from their content as shown (a CJK character is two
//!   units wide, `80.00%` six: see `measure`, `style`), rows as tall as their wrapped text,
//!   scores as numbers, one number format a column (means and what sums them to two decimals),
//!   percentages as percentages, and subtotals, totals, percent and grade as formulas
//!   (`formula`) with their results cached, so the sheet reads right before any recalculation
//!   and stays right when a score is edited in Excel or WPS.
//! - Checks that follow edits (`checks`): validation of every score cell against its item's
//!   scale, and conditional formats for a panel's disagreements and for scores below the max
//!   without a reason.
//! - One CJK font (宋体, GB2312 charset) for the whole workbook; printed A4 landscape, one page
//!   wide at the scale and with the page breaks the sheet states (`page`: a short sheet on one
//!   page), the title in the page header and the page number in the footer.

mod book;
mod checks;
mod formula;
mod measure;
mod page;
mod style;

use super::table::{Calc, ColKind, Num, RowKind, Table, Value};
use crate::scores::fmt_num;
use formula::Grid;
use measure::{FONT_SIZE, Framed, ROW, SheetText, TITLE_SIZE, column_widths, narrowest, word_widths};
use rust_xlsxwriter::{
    Color, DocProperties, FontScheme, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};
use style::Styles;

pub use book::{book_xlsx, sheet_names};

/// Excel refuses longer text in a cell.
const MAX_CELL_CHARS: usize = 32_000;
/// Excel's limit on a page header's or footer's text.
const MAX_HEADER: usize = 255;

/// The workbook's one font: 宋体 is on every Chinese Windows and in WPS; charset 134 (GB2312)
/// tells Excel and LibreOffice it is a Chinese font, so they substitute a CJK one where it is
/// missing.
const FONT: &str = "宋体";
const GB2312: u8 = 134;

const HEADER_FILL: u32 = 0xD9E1F2;
const HIGHLIGHT_FILL: u32 = 0xFCE4D6;
const HIGHLIGHT_FONT: u32 = 0x9C5700;
const MISSING_FILL: u32 = 0xFFC7CE;
const MISSING_FONT: u32 = 0x9C0006;

/// A merged range: rows `r0..=r1` (table rows) and columns `c0..=c1`, showing `text`.
#[derive(Debug, Clone, PartialEq)]
struct Merge {
    r0: usize,
    c0: usize,
    r1: usize,
    c1: usize,
    text: String,
}

/// The score columns: an evaluator's score, or each panel member's.
fn score_columns(table: &Table) -> Vec<usize> {
    (0..table.columns.len()).filter(|&c| table.columns[c].kind == ColKind::Score).collect()
}

/// The base of every format: the workbook's font.
fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_charset(GB2312)
        .set_font_scheme(FontScheme::None)
        .set_font_size(FONT_SIZE)
}

pub fn to_xlsx(table: &Table) -> Result<Vec<u8>, XlsxError> {
    let mut wb = workbook(&table.title, &table.sheet_name)?;
    write_sheet(&mut wb, table, &sheet_name(&table.sheet_name), false)?;
    wb.save_to_buffer()
}

/// A workbook in the one font, titled `title`.
fn workbook(title: &str, subject: &str) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    // Default row height in pixels (20 px = 15 pt) and column width (64 px, 8.43 units).
    wb.set_default_format(&base().set_align(FormatAlign::VerticalCenter), 20, 64)?;
    wb.set_properties(&DocProperties::new().set_title(title).set_subject(subject));
    Ok(wb)
}

/// The sheet row of a table's header: below the title, a row per fact (and the progress), a
/// row per note and a thin gap.
pub fn table_top(table: &Table) -> u32 {
    let fr = &table.framing;
    (2 + fr.facts.len() + usize::from(fr.progress.is_some()) + fr.notes.len()) as u32
}

/// `table` as a worksheet named `name` (a valid name, unique in `wb`), printable on its own.
/// `in_book`: one of several sheets, whose footer gives its own page count (an office program
/// counts every sheet's pages in `&N` when the workbook is printed).
fn write_sheet(wb: &mut Workbook, table: &Table, name: &str, in_book: bool) -> Result<(), XlsxError> {
    let fr = &table.framing;
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    // A formula whose cached result is blank is written as an empty text result, not 0.
    ws.set_formula_result_default("");

    let last = (table.columns.len().max(1) - 1) as u16;
    let styles = Styles::of(table);
    let shown = |r: usize, c: usize| styles.shown(table, r, c);
    let facts: Vec<&(String, String)> = fr.facts.iter().chain(&fr.progress).collect();
    let labels: Vec<&str> = facts.iter().map(|(k, _)| k.as_str()).collect();

    // The pages decide the wrapped columns' widths and every row's height.
    let whole = merges(table);
    let spans: Vec<_> = whole.iter().map(|m| (m.r0, m.c0, m.r1, m.c1)).collect();
    let mut tail = vec![ROW];
    tail.extend(fr.signatures.iter().map(|_| 2.0 * ROW));
    let framed = Framed {
        heading: &fr.heading,
        facts: facts.iter().map(|(_, v)| v.as_str()).collect(),
        notes: &fr.notes,
    };
    let text = SheetText::of(table, shown, &framed, &spans, tail);
    let kinds: Vec<ColKind> = table.columns.iter().map(|c| c.kind).collect();
    let sheet = page::Sheet {
        kinds: &kinds,
        table_rows: table.rows.len(),
        keep_from: table.rows.iter().position(|r| r.kind == RowKind::Total).unwrap_or(table.rows.len()),
        min_scale: page::min_scale(score_columns(table).len() > 1),
    };
    // Cells under a label merged across columns: their text has the merge's width.
    let ncols = table.columns.len();
    let mut across = vec![false; table.rows.len() * ncols];
    for m in whole.iter().filter(|m| m.c1 > m.c0) {
        for r in m.r0..=m.r1 {
            across[r * ncols + m.c0..=r * ncols + m.c1].iter_mut().for_each(|x| *x = true);
        }
    }
    let words = word_widths(table, shown, |r, c| across[r * ncols + c]);
    let widths = column_widths(table, shown, &words, &labels);
    let plan = page::plan(&text, widths.clone(), narrowest(table, &widths, &words, &labels), &sheet);
    for (c, w) in plan.widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }

    // The header block: the title, then a label/value row per fact, the legend, a thin gap.
    let title = base().set_bold().set_font_size(TITLE_SIZE).set_align(FormatAlign::Center).set_text_wrap();
    put(ws, 0, 0, last, &fr.heading, &title)?;
    let label = base().set_bold().set_align(FormatAlign::Left).set_align(FormatAlign::VerticalCenter);
    let value = base().set_align(FormatAlign::Left).set_align(FormatAlign::VerticalCenter).set_text_wrap();
    for (k, (label_text, v)) in facts.iter().enumerate() {
        let at = 1 + k as u32;
        ws.write_string_with_format(at, 0, clip(label_text), &label)?;
        put(ws, at, 1.min(last), last, v, &value)?;
    }
    for (k, note) in fr.notes.iter().enumerate() {
        put(ws, (1 + facts.len() + k) as u32, 0, last, note, &value)?;
    }
    for (r, h) in plan.head.iter().enumerate() {
        ws.set_row_height(r as u32, *h)?;
    }
    let g = Grid { top: plan.head.len() as u32 };
    debug_assert_eq!(g.top, table_top(table), "links from other sheets find this table");

    let header = base()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(HEADER_FILL));
    for (c, col) in table.columns.iter().enumerate() {
        ws.write_string_with_format(g.top, c as u16, clip(&col.header), &header)?;
    }
    ws.set_row_height(g.top, plan.header)?;
    ws.set_freeze_panes(g.top + 1, 0)?;

    // The table, its groups split where pages break; a gap and the signature lines below.
    let merges = split(whole, plan.cuts());
    write_rows(ws, table, &styles, g, &merges)?;
    for (r, h) in plan.heights.iter().enumerate() {
        ws.set_row_height(g.row(r), *h)?;
    }
    let end = g.row(table.rows.len());
    let sign = base().set_align(FormatAlign::Left).set_align(FormatAlign::Bottom);
    for (k, s) in fr.signatures.iter().enumerate() {
        put(ws, end + 1 + k as u32, 0, last, s, &sign)?;
    }

    add_checks(ws, table, g)?;

    ws.set_landscape();
    ws.set_paper_size(9); // A4
    let (l, r, t, b, h, f) = page::MARGINS;
    ws.set_margins(l, r, t, b, h, f);
    ws.set_print_center_horizontally(true);
    ws.set_print_scale(plan.scale);
    // Each sheet of a workbook of several (an evaluation's) is numbered from its own first page.
    ws.set_print_first_page_number(1);
    let breaks: Vec<u32> = plan.breaks.iter().map(|&r| g.row(r)).collect();
    ws.set_page_breaks(&breaks)?;
    ws.set_repeat_rows(g.top, g.top)?;
    ws.set_header(format!("&C{}", header_text(&table.title, MAX_HEADER - 2)));
    // The footer is in Excel's codes already (`&P`, `&N`).
    let footer = match plan.pages() {
        Some(n) if in_book => fr.footer.replace("&N", &n.to_string()),
        _ => fr.footer.clone(),
    };
    ws.set_footer(format!("&C{}", footer_text(&footer, MAX_HEADER - 2)));
    Ok(())
}

/// The merges with each group's split where `cut` says a row starts a page: the part on each
/// page names the group; a part of one row is no merge, its cell holds the name.
fn split(merges: Vec<Merge>, cut: impl Fn(usize) -> bool) -> Vec<Merge> {
    let mut out = Vec::with_capacity(merges.len());
    for m in merges {
        let mut r0 = m.r0;
        for r in m.r0 + 1..=m.r1 {
            if cut(r) {
                out.push(Merge { r0, r1: r - 1, ..m.clone() });
                r0 = r;
            }
        }
        out.push(Merge { r0, ..m });
    }
    out.retain(|m| m.r1 > m.r0 || m.c1 > m.c0);
    out
}

/// `text` in merged cells `c0..=c1` of sheet row `r` (one cell when they are the same).
fn put(ws: &mut Worksheet, r: u32, c0: u16, c1: u16, text: &str, f: &Format) -> Result<(), XlsxError> {
    if c1 > c0 {
        ws.merge_range(r, c0, r, c1, clip(text), f)?;
    } else {
        ws.write_string_with_format(r, c0, clip(text), f)?;
    }
    Ok(())
}

/// `text` for a page header or footer: `&` escaped as `&&`, no control characters, at most
/// `max` characters once escaped.
fn header_text(text: &str, max: usize) -> String {
    let mut out = String::new();
    for ch in text.chars().filter(|c| !c.is_control()) {
        let piece = if ch == '&' { "&&".to_string() } else { ch.to_string() };
        if out.chars().count() + piece.chars().count() > max {
            break;
        }
        out.push_str(&piece);
    }
    out
}

/// A footer in Excel's codes, without control characters, cut to `max` characters (never in
/// the middle of a code).
fn footer_text(text: &str, max: usize) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(max).collect();
    if out.ends_with('&') && out.chars().count() == max {
        out.pop();
    }
    out
}

fn write_rows(
    ws: &mut Worksheet,
    table: &Table,
    styles: &Styles,
    g: Grid,
    merges: &[Merge],
) -> Result<(), XlsxError> {
    let mut covered = vec![vec![false; table.columns.len()]; table.rows.len()];
    for m in merges {
        for row in covered.iter_mut().take(m.r1 + 1).skip(m.r0) {
            row[m.c0..=m.c1].iter_mut().for_each(|x| *x = true);
        }
    }
    for (r, row) in table.rows.iter().enumerate() {
        let xr = g.row(r);
        for (c, cell) in row.cells.iter().enumerate() {
            if covered[r][c] {
                continue;
            }
            let fmt = styles.format(table, r, c);
            let xc = c as u16;
            let formula = cell.calc.as_ref().and_then(|calc| g.formula(r, c, calc));
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
    }
    for m in merges {
        let fmt = styles.format(table, m.r0, m.c0);
        ws.merge_range(g.row(m.r0), m.c0 as u16, g.row(m.r1), m.c1 as u16, clip(&m.text), &fmt)?;
    }
    Ok(())
}

/// Validation on the score cells, and the conditional formats.
fn add_checks(ws: &mut Worksheet, table: &Table, g: Grid) -> Result<(), XlsxError> {
    let cols = score_columns(table);
    let mut groups: Vec<checks::ScoreCells> = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let Some(s) = row.scale.filter(|_| row.kind == RowKind::Item) else { continue };
        match groups.iter_mut().find(|g| g.scale == s) {
            Some(group) => group.rows.push(r),
            None => groups.push(checks::ScoreCells { scale: s, rows: vec![r], cols: &cols }),
        }
    }
    let (title, message) = &table.framing.validation;
    checks::validate_scores(ws, g, &groups, (title, message))?;

    let last = table.columns.len().saturating_sub(1);
    // A panel: each item row where the evaluators disagree, by its threshold.
    let mut disagree: Vec<(f64, (usize, usize), Vec<usize>)> = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        for cell in &row.cells {
            if let Some(Calc::Disagree { cols, threshold, .. }) = cell.calc.as_deref()
                && !cols.is_empty()
            {
                let span = (cols.start, cols.end - 1);
                match disagree.iter_mut().find(|d| d.0 == *threshold && d.1 == span) {
                    Some(d) => d.2.push(r),
                    None => disagree.push((*threshold, span, vec![r])),
                }
            }
        }
    }
    let look = checks::attention(HIGHLIGHT_FILL, HIGHLIGHT_FONT);
    for (threshold, span, rows) in &disagree {
        let rule = checks::disagree_rule(g, rows[0], *span, *threshold);
        checks::mark_rows(ws, g, rows, (table.levels, last), &rule, &look)?;
    }

    // An evaluator's sheet: a score below the max without a reason in the note.
    if let ([score], Some(max)) = (&cols[..], max_column(table))
        && let Some(note) = (score + 1..table.columns.len()).find(|&c| table.columns[c].kind == ColKind::Text)
    {
        let items: Vec<usize> =
            table.rows.iter().enumerate().filter(|(_, r)| r.kind == RowKind::Item).map(|(r, _)| r).collect();
        if let Some(&first) = items.first() {
            let rule = checks::no_reason_rule(g, first, *score, max, note);
            let look = checks::attention(MISSING_FILL, MISSING_FONT);
            checks::mark_rows(ws, g, &items, (*score, *score), &rule, &look)?;
            checks::mark_rows(ws, g, &items, (note, note), &rule, &look)?;
        }
    }
    Ok(())
}

/// The column of the items' max, as the percent's formula knows it.
fn max_column(table: &Table) -> Option<usize> {
    table.rows.iter().flat_map(|r| &r.cells).find_map(|c| match c.calc.as_deref() {
        Some(Calc::Percent { max_col, .. }) => Some(*max_col),
        _ => None,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_is_split_where_pages_start() {
        let m = |r0, r1| Merge { r0, c0: 0, r1, c1: 0, text: "部门决策".into() };
        let label = Merge { r0: 4, c0: 1, r1: 4, c1: 2, text: "小计：目标任务".into() };
        let parts = split(vec![m(0, 9), label.clone()], |r| r == 4 || r == 9);
        let spans: Vec<(usize, usize)> = parts.iter().map(|p| (p.r0, p.r1)).collect();
        assert_eq!(spans, [(0, 3), (4, 8), (4, 4)], "the part of one row (9) is a cell of its own");
        assert!(parts.iter().all(|p| !p.text.is_empty()));
        assert_eq!(parts[2], label, "a label across columns is kept whole");
    }

    #[test]
    fn sheet_names_are_valid() {
        assert_eq!(sheet_name("评分表"), "评分表");
        assert_eq!(sheet_name("a/b:c"), "abc");
        assert_eq!(sheet_name("??"), "Sheet1");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }

    #[test]
    fn page_header_text_is_escaped_and_short() {
        assert_eq!(header_text("R&D 评分表", 100), "R&&D 评分表");
        assert_eq!(header_text(&"&".repeat(300), 253).chars().count(), 252, "never half an escape");
        assert_eq!(header_text("a\u{7}b", 10), "ab");
    }
}
