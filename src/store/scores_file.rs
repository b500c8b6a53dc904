//! The `appraise.scores/1` file: reading it back into `Scores` (matched to the report by item
//! id, orphans kept) and writing it with a freshly computed summary.

use crate::report::{ItemIx, Report};
use crate::scores::{
    BadField, Expected, Fields, Number, Orphan, Row, Scores, Summary, check_score, now_rfc3339, read_entry,
    read_head,
};
use crate::text::shown;
use crate::words::errors as w;
use serde_json::Value;
use serde_json::value::RawValue;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const FORMAT: &str = "appraise.scores/1";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    #[error("{}", w::CANNOT_READ.fill(&[("path", &shown(path)), ("why", message)]))]
    Io { path: PathBuf, message: String },
    #[error("{}: {place}: {message}", shown(path))]
    Invalid { path: PathBuf, place: String, message: String },
    #[error("{}", w::OTHER_REPORT.fill(&[("path", &shown(path)), ("found", found), ("expected", expected)]))]
    OtherReport { path: PathBuf, found: String, expected: String },
}

impl StoreError {
    /// What is wrong, without the file's name (for a message that names it already).
    pub fn reason(&self) -> String {
        match self {
            StoreError::Io { message, .. } => message.clone(),
            StoreError::Invalid { place, message, .. } => format!("{place}: {message}"),
            StoreError::OtherReport { found, .. } => w::OTHER_REPORT_REASON.fill(&[("found", found)]),
        }
    }
}

/// Scores read back from a file, with what the evaluator should be told about them.
#[derive(Debug)]
pub struct Loaded {
    pub scores: Scores,
    pub warnings: Vec<String>,
    /// The file as it was read (`None` when parsed from bytes alone).
    pub stamp: Option<Stamp>,
}

pub use crate::input::Stamp;

/// The bytes of the scores file at `path` and its stamp, both from one open file; `None` when
/// there is no file (or its folder is not a folder). Only a regular file, read without
/// blocking, up to the scores files' cap (`input::Cap::SCORES`).
pub fn read_stamped(path: &Path) -> std::io::Result<Option<(Vec<u8>, Stamp)>> {
    crate::input::read(path, crate::input::Cap::SCORES)
}

/// Reads the scores file at `path` for `report`; `Ok(None)` when there is none yet.
pub fn load_scores(path: &Path, report: &Report) -> Result<Option<Loaded>, StoreError> {
    match read_stamped(path) {
        Ok(Some((bytes, stamp))) => {
            let mut loaded = parse_scores(path, &bytes, report)?;
            loaded.stamp = Some(stamp);
            Ok(Some(loaded))
        }
        Ok(None) => Ok(None),
        Err(e) => Err(StoreError::Io { path: path.to_owned(), message: crate::io_error::message(&e) }),
    }
}

/// Parses scores-file bytes (read from `path`, named in errors) against `report`.
pub fn parse_scores(path: &Path, bytes: &[u8], report: &Report) -> Result<Loaded, StoreError> {
    parse(bytes, report).map_err(|(place, problem)| match problem {
        Problem::Other(found) => {
            StoreError::OtherReport { path: path.to_owned(), found, expected: report.id.clone() }
        }
        Problem::Text(message) => StoreError::Invalid { path: path.to_owned(), place, message },
    })
}

enum Problem {
    Text(String),
    Other(String),
}

fn bad(place: impl Into<String>, message: impl Into<String>) -> (String, Problem) {
    (place.into(), Problem::Text(message.into()))
}

fn parse(bytes: &[u8], report: &Report) -> Result<Loaded, (String, Problem)> {
    let whole = || w::WHOLE_FILE.get();
    let text = std::str::from_utf8(bytes).map_err(|_| bad(whole(), w::NOT_UTF8.get()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(bad(whole(), w::FILE_EMPTY.get()));
    }
    // The document is checked whole, but kept as raw text: the top level's fields and then each
    // item are read one at a time, so a file of 100k entries never becomes one big JSON tree
    // (that took ≈ 8× the file's size).
    let syntax = |e: serde_json::Error| {
        let place = w::AT_POSITION.fill(&[("line", &e.line()), ("column", &e.column())]);
        bad(place, crate::report::json_syntax(&e, false))
    };
    // The raw pass checks the syntax but not every number's range: what a later, partial
    // parse finds is placed by parsing the whole text again (only then, on a broken file).
    let placed = |e: serde_json::Error| syntax(serde_json::from_str::<Value>(text).err().unwrap_or(e));
    let root: &RawValue = serde_json::from_str(text).map_err(syntax)?;
    let top =
        Fields::of(root).map_err(placed)?.ok_or_else(|| bad(w::TOP_LEVEL.get(), expected(w::WHAT_OBJECT)))?;
    match top.get("format").map(|raw| (raw, crate::scores::string_of(raw))) {
        Some((_, Some(f))) if f == FORMAT => {}
        Some((raw, _)) => {
            let message =
                w::SCORES_FORMAT.fill(&[("found", &raw.get()), ("expected", &format!("\"{FORMAT}\""))]);
            return Err(bad("format", message));
        }
        None => {
            let message = w::SCORES_FORMAT_MISSING.fill(&[("expected", &format!("\"{FORMAT}\""))]);
            return Err(bad("format", message));
        }
    }
    let rep = top
        .get("report")
        .map(Fields::of)
        .transpose()
        .map_err(placed)?
        .flatten()
        .ok_or_else(|| bad("report", expected(w::WHAT_OBJECT)))?;
    let found = rep
        .get("id")
        .and_then(crate::scores::string_of)
        .ok_or_else(|| bad("report.id", expected(w::WHAT_STRING)))?;
    if found != report.id {
        return Err(("report.id".into(), Problem::Other(found.into_owned())));
    }
    let mut warnings = Vec::new();
    if let Some(sha) = rep.get("sha256").and_then(crate::scores::string_of)
        && !report.sha256.is_empty()
        && sha != report.sha256
    {
        warnings.push(w::REPORT_CHANGED.get().to_string());
    }
    let head = read_head(&top).map_err(|e| bad_field("", &e))?;
    let items: Vec<&RawValue> = top
        .get("items")
        .and_then(|raw| serde_json::from_str(raw.get()).ok())
        .ok_or_else(|| bad("items", expected(w::WHAT_ARRAY)))?;

    let mut scores = Scores::new(report);
    scores.head = head;
    let mut seen = vec![false; report.items.len()];
    for (k, item) in items.into_iter().enumerate() {
        let at = format!("items[{k}]");
        let fields =
            Fields::of(item).map_err(placed)?.ok_or_else(|| bad(at.clone(), expected(w::WHAT_OBJECT)))?;
        let id = fields
            .get("id")
            .and_then(crate::scores::string_of)
            .ok_or_else(|| bad(format!("{at}.id"), expected(w::WHAT_STRING)))?;
        let entry = read_entry(&fields).map_err(|e| match e.expected {
            // Out of range: the JSON reader says so, with the line and column.
            Expected::FiniteNumber => placed(serde_json::from_str::<f64>("1e400").unwrap_err()),
            _ => bad_field(&format!("{at}."), &e),
        })?;
        let i = match report.find(&id) {
            Some(crate::report::Node::Item(i)) => i,
            _ => {
                let blank = entry.is_blank();
                scores.orphans.push(Orphan { id: id.into_owned(), raw: item.to_owned(), blank });
                continue;
            }
        };
        if std::mem::replace(&mut seen[i], true) {
            return Err(bad(format!("{at}.id"), w::DUPLICATE_ENTRY.fill(&[("id", &id)])));
        }
        if let Some(v) = entry.score
            && let Err(why) = check_score(v, &report.items[i].scale)
        {
            warnings.push(w::SAVED_SCORE_OFF.fill(&[("id", &id), ("why", &why)]));
        }
        scores.entries[i] = entry;
    }
    let kept: Vec<&str> = scores.orphans.iter().filter(|o| !o.blank).map(|o| o.id.as_str()).collect();
    if !kept.is_empty() {
        let word = if kept.len() == 1 { w::ORPHAN_ENTRY } else { w::ORPHAN_ENTRIES };
        warnings.push(word.fill(&[("n", &kept.len()), ("ids", &kept.join(w::LIST_SEP.get()))]));
    }
    Ok(Loaded { scores, warnings, stamp: None })
}

/// A field of the wrong type, placed (`prefix` is the path to its object, such as `items[3].`).
fn bad_field(prefix: &str, e: &BadField) -> (String, Problem) {
    let message = match e.expected {
        Expected::NumberOrNull | Expected::FiniteNumber => expected_null(w::WHAT_NUMBER_OR_NULL),
        Expected::StringOrNull => expected_null(w::WHAT_STRING_OR_NULL),
        Expected::String => expected(w::WHAT_STRING),
        Expected::Object => expected(w::WHAT_OBJECT),
        Expected::Array => expected(w::WHAT_ARRAY),
        Expected::Bool => {
            let what = w::WHAT_BOOL.fill(&[("t", &"true"), ("f", &"false")]);
            w::EXPECTED.fill(&[("what", &what)])
        }
    };
    bad(format!("{prefix}{}", e.field), message)
}

/// "expected a string", in the interface's language.
fn expected(what: crate::words::Word) -> String {
    w::EXPECTED.fill(&[("what", &what)])
}

/// "expected a number or null": `what` names JSON's `null`.
fn expected_null(what: crate::words::Word) -> String {
    w::EXPECTED.fill(&[("what", &what.fill(&[("n", &"null")]))])
}

/// The scores file as written: `format`, `report`, the head (evaluator, submission, handovers,
/// panel), `updated_at`, `items` (every item in report order, then the orphans), the summary
/// recomputed, and last the top-level fields the app does not know.
struct FileOut<'a> {
    report: &'a Report,
    scores: &'a Scores,
    /// Only these items (a conflict file): no orphans, no summary.
    only: Option<&'a [ItemIx]>,
}

impl serde::Serialize for FileOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (report, scores) = (self.report, self.scores);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("format", FORMAT)?;
        map.serialize_entry(
            "report",
            &ReportOut { id: &report.id, title: &report.title, sha256: &report.sha256 },
        )?;
        scores.head.write_fields(&mut map)?;
        map.serialize_entry("updated_at", &now_rfc3339())?;
        map.serialize_entry("items", &Rows { report, scores, only: self.only })?;
        if self.only.is_some() {
            scores.head.write_extra(&mut map)?;
            return map.end();
        }
        let sum = Summary::of_report(report, scores);
        let num = |x: f64| Some(Number(x));
        map.serialize_entry(
            "summary",
            &SummaryOut {
                scored: sum.scored,
                items: sum.items,
                points: num(sum.points),
                max_points: num(sum.max_points),
                percent: sum.percent.map(Number),
                grade: sum.grade,
                report_max: num(sum.report_max),
            },
        )?;
        scores.head.write_extra(&mut map)?;
        map.end()
    }
}

/// The `items` array, written as it is walked (never collected: at 100k items that would be
/// megabytes held only to be copied out).
struct Rows<'a> {
    report: &'a Report,
    scores: &'a Scores,
    only: Option<&'a [ItemIx]>,
}

impl serde::Serialize for Rows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let Some(only) = self.only {
            let (items, entries) = (&self.report.items, &self.scores.entries);
            let rows = only.iter().map(|&i| Row { id: &items[i].id, entry: &entries[i] });
            return serializer.collect_seq(rows);
        }
        let known = self
            .report
            .items
            .iter()
            .zip(&self.scores.entries)
            .map(|(item, entry)| ItemRow::Known(Row { id: &item.id, entry }));
        serializer.collect_seq(known.chain(self.scores.orphans.iter().map(|o| ItemRow::Orphan(&o.raw))))
    }
}

#[derive(serde::Serialize)]
struct ReportOut<'a> {
    id: &'a str,
    title: &'a str,
    sha256: &'a str,
}

/// A report item, or an orphan entry written back exactly as it was read.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum ItemRow<'a> {
    Known(Row<'a>),
    Orphan(&'a RawValue),
}

#[derive(serde::Serialize)]
struct SummaryOut {
    scored: usize,
    items: usize,
    points: Option<Number>,
    max_points: Option<Number>,
    percent: Option<Number>,
    grade: Option<String>,
    report_max: Option<Number>,
}

/// The scores file's JSON text: every item in report order, then the orphans; summary recomputed.
pub fn scores_json(report: &Report, scores: &Scores) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and serde_json writes UTF-8.
    let _ = write_scores(&mut out, report, scores);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the scores file's JSON text (as [`scores_json`] returns it) to `out`, as it is built.
pub fn write_scores(out: impl std::io::Write, report: &Report, scores: &Scores) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    serde_json::to_writer_pretty(&mut out, &FileOut { report, scores, only: None })?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Writes a scores file holding only `items`' entries (and the top level): what a conflict file
/// keeps of another program's version.
pub fn write_partial(
    out: impl std::io::Write,
    report: &Report,
    scores: &Scores,
    items: &[ItemIx],
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &FileOut { report, scores, only: Some(items) })?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Writes the scores file atomically, streamed into the temp file, whatever is there (the
/// app's saves go through [`super::Writer`], which first merges another program's changes).
pub fn save_scores(path: &Path, report: &Report, scores: &Scores) -> std::io::Result<()> {
    super::write_atomic_with(path, |file| write_scores(file, report, scores)).map(drop)
}

#[cfg(test)]
#[path = "scores_file_tests.rs"]
mod tests;
