//! A scoring table (评分表 / 指标体系) as an evaluation office sends it → [`Rubric`]: the
//! indicators in table order, each with the groups above it (一级, 二级…), its points, its
//! criteria, and where it is in the table for messages.
//!
//! Every reader makes a [`grid::Grid`] of cell texts, and one interpreter ([`table::interpret`])
//! reads any grid: [`csv`] (CSV or tab-separated, headed or in the documented column order),
//! [`sheet`] (Excel `.xlsx`/`.xls`, merged cells filled, `--sheet`), [`docx`] (Word tables),
//! [`markdown`] (pipe tables in `.md`/`.txt`) and [`text`] (tables as web pages flatten them:
//! pipe rows without a `|---|` line, cells one a line or one a paragraph, made into rows by
//! [`stream`]). The format is told by the bytes (a zip holding `xl/workbook.xml` or
//! `word/document.xml`, an OLE container), then by the extension. Text with no cells to read
//! (a table copied out of a PDF) is refused. What the rubric becomes in a report is
//! `import::skeleton`'s business; each indicator's scoring step is [`step`]'s.

pub mod csv;
pub mod docx;
mod funds;
pub mod grid;
pub mod header;
mod layout;
pub mod markdown;
mod readings;
mod rows;
pub mod sheet;
pub mod step;
mod stream;
pub mod table;
pub mod text;

pub use super::RubricFile;
pub use crate::lang::Lang;
use crate::words::rubric as w;
use std::io::Cursor;

/// A scoring table's indicators, in table order.
#[derive(Debug, Clone, PartialEq)]
pub struct Rubric {
    /// The table's own title, from a title row above its header (`达州市部门整体支出绩效评价指标体系`).
    pub title: Option<String>,
    pub indicators: Vec<Indicator>,
    /// The points of the table's 合计 row, when it has one.
    pub declared_total: Option<f64>,
    /// Worded warnings (level sums that do not add up, a total that is not 100…), for stderr.
    pub warnings: Vec<String>,
    /// Worded notes on how the table was read (the sheet, columns ignored…), for stderr.
    pub notes: Vec<String>,
    pub lang: Lang,
}

/// A group of indicators: a 一级指标 or 二级指标 (and so on down), with its points when the
/// table gives them (`决策（20分）` → `决策`, 20).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub name: String,
    pub points: Option<f64>,
}

/// A scored indicator (the table's last level, usually 三级指标).
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// The groups above it, outermost first; empty when the table has one level only.
    pub groups: Vec<Group>,
    pub name: String,
    pub points: f64,
    /// 评价标准 / 评分标准 / 评分细则.
    pub criteria: Option<String>,
    /// 指标解释 / 指标说明.
    pub explanation: Option<String>,
    /// 自评得分, when the table has the unit's own score.
    pub self_score: Option<f64>,
    /// Where it is in the table, for messages: `row 7`, or a cell such as `C7`.
    pub place: String,
    /// The finest step its points and criteria need (`扣0.3分` on 3 points → 0.1), before the
    /// scale's step is taken into account ([`step::for_scale`]).
    pub step: Option<f64>,
}

impl Rubric {
    pub fn total(&self) -> f64 {
        self.indicators.iter().map(|i| i.points).sum()
    }

    /// How many group levels the deepest indicator has above it.
    pub fn depth(&self) -> usize {
        self.indicators.iter().map(|i| i.groups.len()).max().unwrap_or(0)
    }
}

/// What a file's bytes are.
#[derive(Debug, PartialEq)]
enum Kind {
    Xlsx,
    Docx,
    /// A zip that is neither (or cannot be opened: the error).
    OtherZip(Option<String>),
    /// An OLE container: `.xls`, an old `.doc`, or an encrypted `.xlsx`/`.docx`.
    Ole,
    Text,
}

const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

fn kind(bytes: &[u8]) -> Kind {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let zip = match zip::ZipArchive::new(Cursor::new(bytes)) {
            Ok(z) => z,
            Err(e) => return Kind::OtherZip(Some(e.to_string())),
        };
        let has = |name: &str| zip.file_names().any(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name)));
        return if has("xl/workbook.xml") {
            Kind::Xlsx
        } else if has("word/document.xml") {
            Kind::Docx
        } else {
            Kind::OtherZip(None)
        };
    }
    if bytes.starts_with(OLE) { Kind::Ole } else { Kind::Text }
}

/// Whether the bytes are an Excel workbook (`.xlsx`, `.xls`), by their contents or, for an
/// OLE container that is no Word file, by the extension `ext`.
pub fn is_workbook(bytes: &[u8], ext: &str) -> bool {
    match kind(bytes) {
        Kind::Xlsx => true,
        Kind::Ole => !ole_has(bytes, "WordDocument") && ext != "doc",
        Kind::OtherZip(_) | Kind::Text => matches!(ext, "xlsx" | "xlsm" | "xls" | "et"),
        Kind::Docx => false,
    }
}

/// Whether an OLE container holds a stream named `name` (directory names are UTF-16LE).
fn ole_has(bytes: &[u8], name: &str) -> bool {
    let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(utf16.len()).any(|w| w == utf16.as_slice())
}

/// Reads a scoring table, by what its bytes are, then by its extension.
pub fn parse(file: &RubricFile) -> Result<Rubric, String> {
    let name = file.name.as_str();
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if matches!(ext.as_str(), "et" | "ett") {
        return Err(w::RUBRIC_ET.fill(&[("name", &name), ("wps", &"WPS")]));
    }
    let bytes = file.bytes.as_slice();
    let excel_ext = matches!(ext.as_str(), "xlsx" | "xlsm" | "xls");
    match kind(bytes) {
        Kind::Xlsx => sheet::parse(file, false),
        Kind::Docx => parse_docx(file),
        Kind::OtherZip(detail) => Err(match (detail, ext.as_str()) {
            (Some(detail), "docx") => {
                w::RUBRIC_CORRUPT_WORD.fill(&[("name", &name), ("word", &"Word"), ("detail", &detail)])
            }
            (Some(detail), _) => {
                w::RUBRIC_CORRUPT_EXCEL.fill(&[("name", &name), ("excel", &"Excel"), ("detail", &detail)])
            }
            (None, _) => {
                w::RUBRIC_ZIP_UNKNOWN.fill(&[("name", &name), ("excel", &"Excel"), ("word", &"Word")])
            }
        }),
        Kind::Ole if ole_has(bytes, "EncryptedPackage") => Err(w::RUBRIC_ENCRYPTED.fill(&[("name", &name)])),
        Kind::Ole if ext == "doc" || ole_has(bytes, "WordDocument") => {
            Err(w::RUBRIC_OLD_DOC.fill(&[("name", &name), ("word", &"Word"), ("ext", &".doc")]))
        }
        Kind::Ole => sheet::parse(file, true),
        Kind::Text => {
            let decoded = crate::import::decode::decode(bytes);
            if excel_ext {
                return Err(match decoded {
                    Ok(_) if !bytes.is_empty() => {
                        w::RUBRIC_NOT_EXCEL_TEXT.fill(&[("name", &name), ("excel", &"Excel")])
                    }
                    _ => w::RUBRIC_NOT_EXCEL.fill(&[("name", &name), ("excel", &"Excel")]),
                });
            }
            if ext == "docx" {
                return Err(w::RUBRIC_NOT_WORD_TEXT.fill(&[("name", &name), ("word", &"Word")]));
            }
            let text = decoded.map_err(|e| format!("{name}: {e}"))?.text;
            let csv_like = text.trim().is_empty() || (text::delimited(&text) && !text.contains('|'));
            if ext == "csv" || ext == "tsv" || csv_like {
                return csv::parse(bytes, name);
            }
            let tables = markdown::tables(&text);
            if !tables.is_empty() {
                return choose(tables, file);
            }
            match text::table(&text) {
                Some(grid) => choose(vec![grid], file),
                None => Err(w::RUBRIC_NO_CELLS.fill(&[("name", &name)])),
            }
        }
    }
}

fn parse_docx(file: &RubricFile) -> Result<Rubric, String> {
    let name = file.name.as_str();
    let tables = docx::tables(&file.bytes).map_err(|detail| {
        w::RUBRIC_CORRUPT_WORD.fill(&[("name", &name), ("word", &"Word"), ("detail", &detail)])
    })?;
    if tables.is_empty() {
        return Err(w::RUBRIC_NO_TABLE.fill(&[("name", &name)]));
    }
    choose(tables, file)
}

/// Of several tables: the `--sheet`th (1-based), else the first with a header row the
/// interpreter reads; a note says which when there are several.
fn choose(tables: Vec<Grid>, file: &RubricFile) -> Result<Rubric, String> {
    let name = file.name.as_str();
    let count = tables.len();
    let at = match file.sheet.as_deref().map(str::trim) {
        Some(wanted) => match wanted.parse::<usize>() {
            Ok(n) if n >= 1 && n <= count => n - 1,
            _ => {
                let sheets = (1..=count).map(|n| n.to_string()).collect::<Vec<_>>().join(", ");
                return Err(w::RUBRIC_NO_SHEET.fill(&[
                    ("name", &name),
                    ("sheet", &wanted),
                    ("sheets", &sheets),
                ]));
            }
        },
        None => tables.iter().position(table::has_header).unwrap_or(0),
    };
    let mut rubric = table::interpret(&tables[at], name, None)?;
    if count > 1 {
        rubric
            .notes
            .insert(0, w::RUBRIC_TABLE_READ.fill(&[("name", &name), ("n", &(at + 1)), ("count", &count)]));
    }
    Ok(rubric)
}

use grid::Grid;
