//! Excel workbooks (`.xlsx`, `.xls`) → a [`Grid`] of one worksheet, read with `calamine`.
//!
//! Merged cells are filled with their top-left value (calamine gives it to the top-left cell
//! only), the rows below its first marked as continuing it; numbers come as Excel keeps them (`5.0` is `5`). The sheet is `--sheet` (a name, or a
//! 1-based number), else the first with a header row the interpreter reads.

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
const MAX_ROWS: usize = 5_000;
const MAX_COLS: usize = 64;

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

    /// The sheet as a grid, merged cells filled.
    fn grid(&mut self, sheet: &str) -> Result<Grid, String> {
        let (range, merged): (Range<Data>, Vec<Dimensions>) = match self {
            Book::Xlsx(b) => {
                let range = b.worksheet_range(sheet).map_err(|e| e.to_string())?;
                (range, b.merge_cells_by_sheet_name(sheet).unwrap_or_default())
            }
            Book::Xls(b) => {
                let range = b.worksheet_range(sheet).map_err(|e| e.to_string())?;
                (range, b.merge_cells_by_sheet_name(sheet).unwrap_or_default())
            }
        };
        Ok(grid_of(&range, &merged))
    }
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
            let mut first: Option<(String, Grid)> = None;
            let mut found = None;
            for sheet in &names {
                let Ok(grid) = book.grid(sheet) else { continue };
                if table::has_header(&grid) {
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
    let mut rubric = table::interpret(&grid, name, None)?;
    if names.len() > 1 {
        let note = w::RUBRIC_SHEET_READ.fill(&[("name", &name), ("sheet", &sheet), ("n", &names.len())]);
        rubric.notes.insert(0, note);
    }
    Ok(rubric)
}
