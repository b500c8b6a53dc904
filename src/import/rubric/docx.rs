//! Word `.docx` tables → [`Grid`]s: rows `w:tr`, cells `w:tc`; a cell spanning columns
//! (`w:gridSpan`) gives its text to each, a cell continuing a vertical merge (`w:vMerge`) takes
//! the text above; a cell's paragraphs are joined with line breaks. Tables inside a cell are
//! part of that cell's text. Deleted text and field codes are left out.

use super::grid::{Grid, Places};
use crate::import::docx::{attr, entity, local, local_end, part};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Cursor;

/// A cell as written: its text, how many grid columns it spans, and whether it continues a
/// vertical merge.
#[derive(Default)]
struct Cell {
    paras: Vec<String>,
    span: usize,
    continues: bool,
}

/// The document's top-level tables, in order; errors are sentence fragments for "FILE: …".
pub fn tables(bytes: &[u8]) -> Result<Vec<Grid>, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let xml = part(&mut zip, "word/document.xml")?.unwrap_or_default();
    let mut reader = Reader::from_str(&xml);
    let mut out: Vec<Vec<Vec<Cell>>> = Vec::new();
    let mut depth = 0usize;
    let mut skip = 0usize;
    let mut in_text = false;
    let mut para: Option<String> = None;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = local(&e);
                if matches!(name.as_str(), "del" | "moveFrom" | "instrText" | "delText" | "Fallback") {
                    if !empty {
                        skip += 1;
                    }
                    continue;
                }
                if skip > 0 {
                    continue;
                }
                let table = out.last_mut().filter(|_| depth >= 1);
                match name.as_str() {
                    "tbl" if !empty => {
                        depth += 1;
                        if depth == 1 {
                            out.push(Vec::new());
                        }
                    }
                    "tr" if !empty && depth == 1 => {
                        if let Some(t) = table {
                            t.push(Vec::new());
                        }
                    }
                    "gridBefore" if depth == 1 => {
                        let n: usize = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0).min(64);
                        if let Some(row) = table.and_then(|t| t.last_mut()) {
                            row.extend((0..n).map(|_| Cell { span: 1, ..Cell::default() }));
                        }
                    }
                    "tc" if !empty && depth == 1 => {
                        if let Some(row) = table.and_then(|t| t.last_mut()) {
                            row.push(Cell { span: 1, ..Cell::default() });
                        }
                    }
                    "gridSpan" if depth == 1 => {
                        let n: usize = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64);
                        if let Some(cell) = table.and_then(|t| t.last_mut()).and_then(|r| r.last_mut()) {
                            cell.span = n;
                        }
                    }
                    "vMerge" if depth == 1 => {
                        let continues = attr(&e, "val").is_none_or(|v| v == "continue");
                        if let Some(cell) = table.and_then(|t| t.last_mut()).and_then(|r| r.last_mut()) {
                            cell.continues = continues;
                        }
                    }
                    "p" if !empty && depth >= 1 => para = Some(String::new()),
                    "t" if !empty => in_text = true,
                    "tab" => push(&mut para, "\t"),
                    "br" | "cr" => push(&mut para, "\n"),
                    _ => {}
                }
            }
            Event::End(e) => {
                let name = local_end(e.name().as_ref().as_bytes());
                if matches!(name.as_str(), "del" | "moveFrom" | "instrText" | "delText" | "Fallback") {
                    skip = skip.saturating_sub(1);
                    continue;
                }
                if skip > 0 {
                    continue;
                }
                match name.as_str() {
                    "tbl" => depth = depth.saturating_sub(1),
                    "t" => in_text = false,
                    "p" => {
                        if let Some(text) = para.take()
                            && let Some(cell) =
                                out.last_mut().and_then(|t| t.last_mut()).and_then(|r| r.last_mut())
                        {
                            let text = text.trim().to_string();
                            if !text.is_empty() {
                                cell.paras.push(text);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text && skip == 0 => {
                push(&mut para, &t.xml10_content());
            }
            Event::CData(t) if in_text && skip == 0 => {
                push(&mut para, &t.into_inner());
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                let c = entity(&r);
                if let Some(c) = c {
                    push(&mut para, &c.to_string());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out.into_iter().enumerate().map(|(i, rows)| grid(rows, i + 1)).collect())
}

fn push(para: &mut Option<String>, s: &str) {
    if let Some(p) = para {
        p.push_str(s);
    }
}

/// Cells laid out on the table's grid: spans repeated, vertical merges filled from above (and
/// marked as continuing the cell above).
fn grid(rows: Vec<Vec<Cell>>, n: usize) -> Grid {
    let mut out: Vec<Vec<String>> = Vec::with_capacity(rows.len());
    let mut continued: Vec<Vec<bool>> = Vec::with_capacity(rows.len());
    for row in rows {
        let mut texts = Vec::new();
        let mut marks = Vec::new();
        for cell in row {
            let col = texts.len();
            let text = if cell.continues {
                out.last().and_then(|above: &Vec<String>| above.get(col)).cloned().unwrap_or_default()
            } else {
                cell.paras.join("\n")
            };
            texts.extend(std::iter::repeat_n(text, cell.span));
            marks.extend(std::iter::repeat_n(cell.continues, cell.span));
        }
        out.push(texts);
        continued.push(marks);
    }
    Grid::new(out, Places::Table(n)).with_continued(continued)
}
