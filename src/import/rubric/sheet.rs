//! Excel workbooks (`.xlsx`, `.xls`) → a [`Grid`] of one worksheet, read with `calamine`.
//!
//! Merged cells are filled with their top-left value (calamine gives it to the top-left cell
//! only), the rows below its first marked as continuing it; numbers come as Excel keeps them
//! (`5.0` is `5`). The sheet is `--sheet` (a name, or a 1-based number), else the first with a
//! header row the interpreter reads.
//!
//! A workbook is checked before the library builds anything, so no file can exhaust memory or
//! time: an `.xlsx`'s parts are inflated once into a counter, each refused past its cap (a
//! shared string of a gigabyte, a sheet of whitespace, a zip bomb); its cells are read one by
//! one and only within [`MAX_ROWS`] × [`MAX_COLS`] (a stray cell at XFD1048576 is named, not
//! allocated for); an `.xls`'s records are read for their sizes and cell positions (a damaged
//! DIMENSIONS record, or a cell far away, is refused before the library reserves room for it).

use super::grid::{Grid, Places};
use super::table;
use super::{Rubric, RubricFile};
use crate::scores::fmt_num;
use crate::words::errors::LIST_SEP;
use crate::words::rubric as w;
use calamine::{Data, Dimensions, Range, Reader, Xls, Xlsx};
use std::cell::Cell;
use std::io::Cursor;
use std::sync::Once;

/// Rows and columns beyond these are not read (a scoring table is small; a stray cell far away
/// must not cost gigabytes).
pub const MAX_ROWS: usize = 5_000;
pub const MAX_COLS: usize = 64;
/// The most one part of an `.xlsx` may inflate to, and all of them together.
const MAX_PART: u64 = 32 << 20;
const MAX_PARTS: u64 = 128 << 20;

enum Book<'a> {
    Xlsx(Xlsx<Cursor<&'a [u8]>>),
    Xls(Xls<Cursor<&'a [u8]>>),
}

impl Book<'_> {
    fn names(&self) -> Vec<String> {
        match self {
            Book::Xlsx(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
        }
    }

    /// The sheet as a grid, merged cells filled; and, when cells lay beyond the grid's bounds,
    /// the first of them (an `.xlsx`'s; an `.xls` with such cells was refused before).
    fn grid(&mut self, sheet: &str) -> Result<(Grid, Option<String>), String> {
        match self {
            Book::Xlsx(b) => {
                let merged = b.merge_cells_by_sheet_name(sheet).unwrap_or_default();
                let mut reader = b.worksheet_cells_reader(sheet).map_err(|e| e.to_string())?;
                let mut cells = Vec::new();
                let mut beyond = None;
                while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                    let (r, c) = cell.get_position();
                    let value = cell.get_value();
                    if matches!(value, calamine::DataRef::Empty) {
                        continue;
                    }
                    if r as usize >= MAX_ROWS || c as usize >= MAX_COLS {
                        beyond.get_or_insert((r, c));
                        // Rows come in order: past the last one read, nothing more is needed.
                        if r as usize >= MAX_ROWS {
                            break;
                        }
                        continue;
                    }
                    cells.push(calamine::Cell::new((r, c), Data::from(value.clone())));
                }
                let range = Range::from_sparse(cells);
                let beyond =
                    beyond.map(|(r, c)| format!("{}{}", super::grid::column_letters(c as usize), r + 1));
                Ok((grid_of(&range, &merged), beyond))
            }
            Book::Xls(b) => {
                let range = b.worksheet_range(sheet).map_err(|e| e.to_string())?;
                let merged = b.merge_cells_by_sheet_name(sheet).unwrap_or_default();
                Ok((grid_of(&range, &merged), None))
            }
        }
    }
}

/// Inflates every part of the zip in `bytes` into a counter, refusing a part past [`MAX_PART`]
/// or all of them past [`MAX_PARTS`] — by what they really inflate to, not what they claim.
fn check_parts(bytes: &[u8], name: &str) -> Result<(), String> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else { return Ok(()) };
    let mut total = 0u64;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else { continue };
        let part_name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let inflated =
            std::io::copy(&mut std::io::Read::take(part, MAX_PART + 1), &mut std::io::sink()).unwrap_or(0);
        total += inflated;
        if inflated > MAX_PART || total > MAX_PARTS {
            let mb = if inflated > MAX_PART { MAX_PART >> 20 } else { MAX_PARTS >> 20 };
            let part = crate::text::sanitize(&part_name).into_owned();
            return Err(w::RUBRIC_PART_TOO_LARGE.fill(&[("name", &name), ("part", &part), ("mb", &mb)]));
        }
    }
    Ok(())
}

/// An `.xls`'s workbook stream, read for what the library would reserve room for: a DIMENSIONS
/// record (its rows × columns) and every cell's position. `Err` names the first cell (or the
/// declared size) beyond [`MAX_ROWS`] × [`MAX_COLS`]; a file this cannot read is left to the
/// library (which says what is wrong with it).
fn check_xls(bytes: &[u8], name: &str) -> Result<(), String> {
    use std::io::Read;
    let Ok(mut file) = cfb::CompoundFile::open(std::io::Cursor::new(bytes)) else { return Ok(()) };
    let stream = ["/Workbook", "/Book", "/WORKBOOK", "/BOOK"].into_iter().find(|p| file.is_stream(p));
    let Some(path) = stream else { return Ok(()) };
    let Ok(reader) = file.open_stream(path) else { return Ok(()) };
    let mut data = Vec::new();
    if reader.take(MAX_PARTS + 1).read_to_end(&mut data).is_err() {
        return Ok(());
    }
    let beyond = |row: u32, col: u32| {
        let cell = format!("{}{}", super::grid::column_letters(col as usize), u64::from(row) + 1);
        Err(w::RUBRIC_BEYOND_LIMITS.fill(&[
            ("name", &name),
            ("rows", &MAX_ROWS),
            ("cols", &MAX_COLS),
            ("cell", &cell),
        ]))
    };
    let u16_at = |d: &[u8], at: usize| d.get(at..at + 2).map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])));
    let u32_at =
        |d: &[u8], at: usize| d.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let mut at = 0;
    while at + 4 <= data.len() {
        let typ = u16_at(&data, at).unwrap_or(0);
        let len = u16_at(&data, at + 2).unwrap_or(0) as usize;
        let rec = &data[at + 4..(at + 4 + len).min(data.len())];
        at += 4 + len;
        let (rows, cols) = match typ {
            // DIMENSIONS: the first row past the last used, and the same for columns.
            0x0200 => match rec.len() {
                10 => (u16_at(rec, 2), u16_at(rec, 6)),
                14 | 16 => (u32_at(rec, 4), u16_at(rec, 10)),
                _ => continue,
            },
            // Cells: row, column.
            0x0006 | 0x0201 | 0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x00D6 => {
                (u16_at(rec, 0).map(|r| r + 1), u16_at(rec, 2).map(|c| c + 1))
            }
            // Several cells of a row: row, first column … last column at the end.
            0x00BD | 0x00BE => (
                u16_at(rec, 0).map(|r| r + 1),
                rec.len().checked_sub(2).and_then(|e| u16_at(rec, e)).map(|c| c + 1),
            ),
            _ => continue,
        };
        let (Some(rows), Some(cols)) = (rows, cols) else { continue };
        if rows as usize > MAX_ROWS || cols as usize > MAX_COLS {
            return beyond(rows.saturating_sub(1), cols.saturating_sub(1));
        }
    }
    Ok(())
}

/// A cell's text: numbers without a needless `.0`.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) => fmt_num(*f),
        Data::Int(i) => i.to_string(),
        Data::DateTime(d) => fmt_num(d.as_f64()),
        other => other.to_string(),
    }
}

fn grid_of(range: &Range<Data>, merged: &[Dimensions]) -> Grid {
    let (row0, col0) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let (height, width) = range.get_size();
    let (height, width) = (height.min(MAX_ROWS), width.min(MAX_COLS));
    let mut rows = vec![vec![String::new(); width]; height];
    let mut continued = vec![vec![false; width]; height];
    for (r, c, cell) in range.used_cells() {
        if r < height && c < width {
            rows[r][c] = text(cell);
        }
    }
    for m in merged {
        let (top, left) = (m.start.0 as usize, m.start.1 as usize);
        let (Some(r0), Some(c0)) = (top.checked_sub(row0), left.checked_sub(col0)) else { continue };
        let value = match rows.get(r0).and_then(|row| row.get(c0)) {
            Some(v) if !v.is_empty() => v.clone(),
            _ => continue,
        };
        let (bottom, right) =
            ((m.end.0 as usize).saturating_sub(row0), (m.end.1 as usize).saturating_sub(col0));
        for (r, row) in rows.iter_mut().enumerate().take(bottom + 1).skip(r0) {
            for (c, cell) in row.iter_mut().enumerate().take(right + 1).skip(c0) {
                if cell.is_empty() {
                    cell.clone_from(&value);
                    if r > r0 {
                        continued[r][c] = true;
                    }
                }
            }
        }
    }
    Grid::new(rows, Places::Cells { row0, col0 }).with_continued(continued)
}

thread_local! {
    /// Set while a workbook is read: a panic inside `calamine` is a damaged file, not news.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Reads the workbook in `file` (`xls`: the old binary format). A damaged file that makes the
/// reading library panic is reported as damaged, without the panic's message.
pub fn parse(file: &RubricFile, xls: bool) -> Result<Rubric, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(file, xls)));
    QUIET.with(|q| q.set(false));
    read.unwrap_or_else(|_| {
        let name = file.name.as_str();
        Err(w::RUBRIC_NOT_EXCEL.fill(&[("name", &name), ("excel", &"Excel")]))
    })
}

fn read(file: &RubricFile, xls: bool) -> Result<Rubric, String> {
    let name = file.name.as_str();
    let corrupt = |detail: String| {
        w::RUBRIC_CORRUPT_EXCEL.fill(&[("name", &name), ("excel", &"Excel"), ("detail", &detail)])
    };
    if xls {
        check_xls(&file.bytes, name)?;
    } else {
        check_parts(&file.bytes, name)?;
    }
    let cursor = Cursor::new(file.bytes.as_slice());
    let mut book = if xls {
        Book::Xls(Xls::new(cursor).map_err(|e| corrupt(e.to_string()))?)
    } else {
        Book::Xlsx(Xlsx::new(cursor).map_err(|e| corrupt(e.to_string()))?)
    };
    let names = book.names();
    if names.is_empty() {
        return Err(w::RUBRIC_EMPTY.fill(&[("name", &name)]));
    }
    let (sheet, grid) = match file.sheet.as_deref().map(str::trim) {
        Some(wanted) => {
            let chosen = names.iter().find(|n| n.trim() == wanted).cloned().or_else(|| {
                wanted
                    .parse::<usize>()
                    .ok()
                    .filter(|&n| n >= 1 && n <= names.len())
                    .map(|n| names[n - 1].clone())
            });
            let Some(sheet) = chosen else {
                let sheets = names.join(LIST_SEP.get());
                return Err(w::RUBRIC_NO_SHEET.fill(&[
                    ("name", &name),
                    ("sheet", &wanted),
                    ("sheets", &sheets),
                ]));
            };
            let grid = book.grid(&sheet).map_err(corrupt)?;
            (sheet, grid)
        }
        None => {
            let mut first: Option<(String, (Grid, Option<String>))> = None;
            let mut found = None;
            for sheet in &names {
                let Ok(grid) = book.grid(sheet) else { continue };
                if table::has_header(&grid.0) {
                    found = Some((sheet.clone(), grid));
                    break;
                }
                if first.is_none() {
                    first = Some((sheet.clone(), grid));
                }
            }
            match found.or(first) {
                Some(chosen) => chosen,
                None => return Err(corrupt(names.join(LIST_SEP.get()))),
            }
        }
    };
    let (grid, beyond) = grid;
    let mut rubric = table::interpret(&grid, name, None)?;
    if let Some(cell) = beyond {
        let note = w::RUBRIC_CUT_NOTE.fill(&[
            ("name", &name),
            ("sheet", &sheet),
            ("rows", &MAX_ROWS),
            ("cols", &MAX_COLS),
            ("cell", &cell),
        ]);
        rubric.notes.insert(0, note);
    }
    if names.len() > 1 {
        let note = w::RUBRIC_SHEET_READ.fill(&[("name", &name), ("sheet", &sheet), ("n", &names.len())]);
        rubric.notes.insert(0, note);
    }
    Ok(rubric)
}
