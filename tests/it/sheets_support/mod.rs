//! Shared by the sheet tests (`export`, `merge`, `summary`): running the binary from the crate
//! root with relative paths (so outputs are the same on every machine), golden files, and
//! reading an xlsx back with calamine.

use calamine::{Data, Dimensions, Reader, Xlsx, open_workbook_from_rs};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Output;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The export day every sheet test sees (2023-11-14), so golden files do not change daily.
pub const SOURCE_DATE_EPOCH: &str = "1700000000";

/// Runs `appraise ARGS` in the crate root, on a fixed export day.
pub fn appraise(args: &[&str]) -> Output {
    crate::support::command()
        .args(args)
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .current_dir(root())
        .output()
        .expect("runs the binary")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts a successful run and returns its stdout.
pub fn ok(args: &[&str]) -> Vec<u8> {
    let out = appraise(args);
    assert_eq!(out.status.code(), Some(0), "appraise {args:?}: {}", text(&out.stderr));
    out.stdout
}

/// Compares `actual` with `fixtures/golden/NAME`; `UPDATE_GOLDEN=1 cargo test` rewrites it.
pub fn golden(name: &str, actual: &[u8]) {
    let path = root().join("fixtures/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 cargo test writes it)", path.display()));
    if expected != actual {
        let (e, a) = (text(&expected), text(actual));
        let first = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(e.lines().count().min(a.lines().count()));
        panic!(
            "{} differs at line {}:\nexpected: {:?}\nactual:   {:?}\n(UPDATE_GOLDEN=1 cargo test rewrites it after a deliberate change)",
            path.display(),
            first + 1,
            e.lines().nth(first),
            a.lines().nth(first)
        );
    }
}

/// A workbook read back: its one sheet's values, formulas and merged ranges.
pub struct Book {
    pub name: String,
    pub values: calamine::Range<Data>,
    pub formulas: calamine::Range<String>,
    pub merged: Vec<Dimensions>,
    pub styles: calamine::StyleRange,
}

impl Book {
    pub fn read(path: &Path) -> Book {
        Book::from_bytes(std::fs::read(path).unwrap())
    }

    pub fn from_bytes(bytes: Vec<u8>) -> Book {
        let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("a valid xlsx");
        let name = wb.sheet_names()[0].clone();
        let values = wb.worksheet_range(&name).unwrap();
        let formulas = wb.worksheet_formula(&name).unwrap();
        let merged = wb.merge_cells_by_sheet_name(&name).unwrap();
        let styles = wb.worksheet_style(&name).unwrap();
        Book { name, values, formulas, merged, styles }
    }

    /// The value at (row, col), 0-based, the header being row 0.
    pub fn at(&self, row: u32, col: u32) -> Data {
        self.values.get_value((row, col)).cloned().unwrap_or(Data::Empty)
    }

    pub fn formula(&self, row: u32, col: u32) -> String {
        self.formulas.get_value((row, col)).cloned().unwrap_or_default()
    }

    /// A blank cell, or a formula whose cached result is blank.
    pub fn blank(&self, row: u32, col: u32) -> bool {
        matches!(self.at(row, col), Data::Empty) || self.at(row, col) == Data::String(String::new())
    }

    pub fn number(&self, row: u32, col: u32) -> f64 {
        match self.at(row, col) {
            Data::Float(v) => v,
            Data::Int(v) => v as f64,
            other => panic!("({row}, {col}) is not a number: {other:?}"),
        }
    }

    pub fn string(&self, row: u32, col: u32) -> String {
        match self.at(row, col) {
            Data::String(s) => s,
            other => panic!("({row}, {col}) is not text: {other:?}"),
        }
    }

    /// The row whose column `col` holds `text`.
    pub fn row_of(&self, col: u32, text: &str) -> u32 {
        (0..self.values.end().map_or(0, |e| e.0 + 1))
            .find(|&r| self.at(r, col) == Data::String(text.into()))
            .unwrap_or_else(|| panic!("no row with {text:?} in column {col}"))
    }

    pub fn bold(&self, row: u32, col: u32) -> bool {
        self.styles.get((row, col)).and_then(|s| s.font.as_ref()).is_some_and(|f| f.is_bold())
    }

    pub fn wraps(&self, row: u32, col: u32) -> bool {
        self.styles.get((row, col)).and_then(|s| s.alignment.as_ref()).is_some_and(|a| a.wrap_text)
    }

    /// The cell's number format code ("General" when it has none).
    pub fn num_format(&self, row: u32, col: u32) -> String {
        self.styles
            .get((row, col))
            .and_then(|s| s.number_format.as_ref())
            .map_or("General".into(), |n| n.format_code.clone())
    }

    /// Merged ranges as (first row, first col, last row, last col).
    pub fn merges(&self) -> Vec<(u32, u32, u32, u32)> {
        let mut m: Vec<_> = self.merged.iter().map(|d| (d.start.0, d.start.1, d.end.0, d.end.1)).collect();
        m.sort_unstable();
        m
    }
}
