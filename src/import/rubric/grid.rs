//! A table as every reader hands it to the interpreter: rows of cell texts, and how its rows
//! and cells are named in messages (`row 7`, `line 9`, `C7`, `table 2, row 3`).

use crate::words::rubric as w;

/// A table as read: rows of cell texts, and how its places are named.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub rows: Vec<Vec<String>>,
    pub places: Places,
    /// Where a cell's text is a merged cell's from the row above (a worksheet's merge, a Word
    /// table's vertical merge): `continued[r][c]`; empty when the reader cannot tell.
    pub continued: Vec<Vec<bool>>,
}

/// How a grid's rows and cells are named in messages.
#[derive(Debug, Clone, PartialEq)]
pub enum Places {
    /// `row 7` (the record number, CSV).
    Rows,
    /// `line 9`: each row's line in the file (a Markdown table).
    Lines(Vec<usize>),
    /// `C7`: a worksheet whose first row and column are at these 0-based offsets.
    Cells { row0: usize, col0: usize },
    /// `table 2, row 3` (a Word table, 1-based).
    Table(usize),
}

impl Grid {
    pub fn new(rows: Vec<Vec<String>>, places: Places) -> Grid {
        Grid { rows, places, continued: Vec::new() }
    }

    /// The grid with the cells that continue a merged cell from above marked.
    pub fn with_continued(mut self, continued: Vec<Vec<bool>>) -> Grid {
        self.continued = continued;
        self
    }

    /// Whether cell (r, c) continues a merged cell from the row above.
    pub fn continued(&self, r: usize, c: usize) -> bool {
        self.continued.get(r).and_then(|row| row.get(c)).copied().unwrap_or(false)
    }

    pub fn cell(&self, r: usize, c: usize) -> &str {
        self.rows.get(r).and_then(|row| row.get(c)).map_or("", |s| s.trim())
    }

    /// The row `r` (0-based), as messages name it.
    pub fn row_place(&self, r: usize) -> String {
        match &self.places {
            Places::Rows => w::RUBRIC_ROW.fill(&[("row", &(r + 1))]),
            Places::Lines(lines) => w::RUBRIC_LINE.fill(&[("line", &line_of(lines, r))]),
            Places::Cells { row0, .. } => w::RUBRIC_ROW.fill(&[("row", &(row0 + r + 1))]),
            Places::Table(t) => w::RUBRIC_TABLE_ROW.fill(&[("table", t), ("row", &(r + 1))]),
        }
    }

    /// The cell at row `r`, column `c` (0-based) under the header `column`, as messages name it.
    pub fn cell_place(&self, r: usize, c: usize, column: &str) -> String {
        match &self.places {
            Places::Rows => w::RUBRIC_ROW_COLUMN.fill(&[("row", &(r + 1)), ("column", &column)]),
            Places::Lines(lines) => {
                w::RUBRIC_LINE_COLUMN.fill(&[("line", &line_of(lines, r)), ("column", &column)])
            }
            Places::Cells { .. } => w::RUBRIC_CELL.fill(&[("cell", &self.cell_name(r, c))]),
            Places::Table(t) => {
                w::RUBRIC_TABLE_ROW_COLUMN.fill(&[("table", t), ("row", &(r + 1)), ("column", &column)])
            }
        }
    }

    /// Where an indicator is: its name's cell in a worksheet (`C7`), else its row.
    pub fn indicator_place(&self, r: usize, c: usize) -> String {
        match &self.places {
            Places::Cells { .. } => self.cell_name(r, c),
            _ => self.row_place(r),
        }
    }

    /// `C7`: a worksheet cell's name.
    pub fn cell_name(&self, r: usize, c: usize) -> String {
        let (row0, col0) = match self.places {
            Places::Cells { row0, col0 } => (row0, col0),
            _ => (0, 0),
        };
        format!("{}{}", column_letters(col0 + c), row0 + r + 1)
    }
}

fn line_of(lines: &[usize], r: usize) -> usize {
    lines.get(r).copied().unwrap_or(r + 1)
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub fn column_letters(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
