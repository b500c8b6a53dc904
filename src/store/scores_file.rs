//! The `appraise.scores/1` file: reading it back into `Scores` (matched to the report by item
//! id, orphans kept) and writing it with a freshly computed summary.

use crate::report::Report;
use crate::scores::{Entry, Handover, Orphan, Scores, Summary, check_score, fmt_num, now_rfc3339};
use crate::text::shown;
use crate::words::errors as w;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const FORMAT: &str = "appraise.scores/1";

#[derive(Debug, thiserror::Error)]
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

/// What a file was when it was read or written — which file (device, inode), its length and
/// its modification time: when any of them differs, another program may have changed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    id: (u64, u64),
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let id = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let id = (0, 0);
        Stamp { id, len: meta.len(), modified: meta.modified().ok() }
    }
}

/// The bytes of the file at `path` and its stamp, both from one open file; `None` when there is
/// no file (or its folder is not a folder).
pub fn read_stamped(path: &Path) -> std::io::Result<Option<(Vec<u8>, Stamp)>> {
    use std::io::Read;
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(Some((bytes, Stamp::of(&meta))))
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
    if !root.get().starts_with('{') {
        return Err(bad(w::TOP_LEVEL.get(), expected(w::WHAT_OBJECT)));
    }
    let fields: BTreeMap<String, &RawValue> = serde_json::from_str(root.get()).map_err(placed)?;
    let obj: Map<String, Value> =
        ["format", "report", "evaluator", "submitted_at", "reopened_at", "handovers", "panel"]
            .into_iter()
            .filter_map(|k| Some((k.to_string(), fields.get(k)?)))
            .map(|(k, raw)| Ok((k, serde_json::from_str(raw.get()).map_err(placed)?)))
            .collect::<Result<_, _>>()?;
    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            let message = w::SCORES_FORMAT.fill(&[("found", other), ("expected", &format!("\"{FORMAT}\""))]);
            return Err(bad("format", message));
        }
        None => {
            let message = w::SCORES_FORMAT_MISSING.fill(&[("expected", &format!("\"{FORMAT}\""))]);
            return Err(bad("format", message));
        }
    }
    let rep = obj
        .get("report")
        .and_then(Value::as_object)
        .ok_or_else(|| bad("report", expected(w::WHAT_OBJECT)))?;
    let found =
        rep.get("id").and_then(Value::as_str).ok_or_else(|| bad("report.id", expected(w::WHAT_STRING)))?;
    if found != report.id {
        return Err(("report.id".into(), Problem::Other(found.to_string())));
    }
    let mut warnings = Vec::new();
    if let Some(sha) = rep.get("sha256").and_then(Value::as_str)
        && !report.sha256.is_empty()
        && sha != report.sha256
    {
        warnings.push(w::REPORT_CHANGED.get().to_string());
    }
    let evaluator = match obj.get("evaluator") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()).filter(|s| !s.is_empty()),
        Some(_) => return Err(bad("evaluator", expected(w::WHAT_STRING))),
    };
    let submitted_at = optional_string(&obj, "submitted_at")?;
    let reopened_at = optional_string(&obj, "reopened_at")?;
    let handovers = handovers(&obj)?;
    let panel = panel_info(&obj)?;
    let items: Vec<&RawValue> = fields
        .get("items")
        .and_then(|raw| serde_json::from_str(raw.get()).ok())
        .ok_or_else(|| bad("items", expected(w::WHAT_ARRAY)))?;

    let mut scores = Scores::new(report);
    scores.evaluator = evaluator;
    scores.submitted_at = submitted_at;
    scores.reopened_at = reopened_at;
    scores.handovers = handovers;
    scores.panel = panel;
    let mut seen = vec![false; report.items.len()];
    for (k, item) in items.into_iter().enumerate() {
        let at = |field: &str| format!("items[{k}]{field}");
        // Most entries read straight into their typed form, strings borrowed; an orphan, or
        // anything unexpected, is read as a JSON value (kept verbatim, or placed precisely).
        let typed = serde_json::from_str::<EntryIn>(item.get()).ok().and_then(|e| match report.find(&e.id) {
            Some(crate::report::Node::Item(i)) => Some((i, e)),
            _ => None,
        });
        let (i, id, entry) = match typed {
            Some((i, e)) => (i, e.id.clone(), e.into_entry()),
            None => {
                let raw: Value = serde_json::from_str(item.get()).map_err(placed)?;
                let e = raw.as_object().ok_or_else(|| bad(at(""), expected(w::WHAT_OBJECT)))?;
                let id = e
                    .get("id")
                    .and_then(Value::as_str)
                    .ok_or_else(|| bad(at(".id"), expected(w::WHAT_STRING)))?;
                let entry = parse_entry(e, &at)?;
                match report.find(id) {
                    Some(crate::report::Node::Item(i)) => (i, Cow::Owned(id.to_string()), entry),
                    _ => {
                        let id = id.to_string();
                        scores.orphans.push(Orphan { id, raw });
                        continue;
                    }
                }
            }
        };
        if std::mem::replace(&mut seen[i], true) {
            return Err(bad(at(".id"), w::DUPLICATE_ENTRY.fill(&[("id", &id)])));
        }
        if let Some(v) = entry.score
            && let Err(why) = check_score(v, &report.items[i].scale)
        {
            warnings.push(w::SAVED_SCORE_OFF.fill(&[("id", &id), ("why", &why)]));
        }
        scores.entries[i] = entry;
    }
    let kept: Vec<&str> =
        scores.orphans.iter().filter(|o| !is_blank(&o.raw)).map(|o| o.id.as_str()).collect();
    if !kept.is_empty() {
        let word = if kept.len() == 1 { w::ORPHAN_ENTRY } else { w::ORPHAN_ENTRIES };
        warnings.push(word.fill(&[("n", &kept.len()), ("ids", &kept.join(w::LIST_SEP.get()))]));
    }
    Ok(Loaded { scores, warnings, stamp: None })
}

/// A top-level string that may be absent or null (`submitted_at`, `reopened_at`); empty is absent.
fn optional_string(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, (String, Problem)> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone()).filter(|s| !s.is_empty())),
        Some(_) => Err(bad(key, expected_null(w::WHAT_STRING_OR_NULL))),
    }
}

/// `panel`: absent, null, or `{members: [strings], method: string}`.
fn panel_info(obj: &Map<String, Value>) -> Result<Option<crate::scores::PanelInfo>, (String, Problem)> {
    let p = match obj.get("panel") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(p)) => p,
        Some(_) => return Err(bad("panel", expected(w::WHAT_OBJECT))),
    };
    let members = match p.get("members") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(list)) => list
            .iter()
            .enumerate()
            .map(|(k, m)| {
                m.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| bad(format!("panel.members[{k}]"), expected(w::WHAT_STRING)))
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err(bad("panel.members", expected(w::WHAT_ARRAY))),
    };
    let method = match p.get("method") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(m)) => m.clone(),
        Some(_) => return Err(bad("panel.method", expected(w::WHAT_STRING))),
    };
    Ok(Some(crate::scores::PanelInfo { members, method }))
}

/// `handovers`: absent, null, or an array of `{from, to, at}` (strings; other fields ignored).
fn handovers(obj: &Map<String, Value>) -> Result<Vec<Handover>, (String, Problem)> {
    let list = match obj.get("handovers") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(list)) => list,
        Some(_) => return Err(bad("handovers", expected(w::WHAT_ARRAY))),
    };
    list.iter()
        .enumerate()
        .map(|(k, h)| {
            let h = h.as_object().ok_or_else(|| bad(format!("handovers[{k}]"), expected(w::WHAT_OBJECT)))?;
            let field = |name: &str| {
                h.get(name)
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .ok_or_else(|| bad(format!("handovers[{k}].{name}"), expected(w::WHAT_STRING)))
            };
            Ok(Handover { from: field("from")?, to: field("to")?, at: field("at")? })
        })
        .collect()
}

/// An entry of a known item as the file has it, strings borrowed from the file where they can
/// be. Anything it does not expect (a wrong type, a repeated field) fails it, and the entry is
/// read again as a JSON value (`parse_entry`), which says precisely what is wrong.
#[derive(serde::Deserialize)]
struct EntryIn<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(default)]
    score: Option<f64>,
    #[serde(default, borrow)]
    note: Option<Cow<'a, str>>,
    #[serde(default)]
    flagged: Option<bool>,
    #[serde(default, borrow)]
    updated_at: Option<Cow<'a, str>>,
}

impl EntryIn<'_> {
    fn into_entry(self) -> Entry {
        Entry {
            score: self.score.filter(|v| v.is_finite()),
            note: self.note.map(Cow::into_owned).unwrap_or_default(),
            flagged: self.flagged.unwrap_or(false),
            updated_at: self.updated_at.map(Cow::into_owned),
        }
    }
}

fn parse_entry(e: &Map<String, Value>, at: &dyn Fn(&str) -> String) -> Result<Entry, (String, Problem)> {
    let score = match e.get("score") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64().filter(|v| v.is_finite()),
        Some(_) => return Err(bad(at(".score"), expected_null(w::WHAT_NUMBER_OR_NULL))),
    };
    let note = match e.get("note") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(bad(at(".note"), expected(w::WHAT_STRING))),
    };
    let flagged = match e.get("flagged") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            let what = w::WHAT_BOOL.fill(&[("t", &"true"), ("f", &"false")]);
            return Err(bad(at(".flagged"), w::EXPECTED.fill(&[("what", &what)])));
        }
    };
    let updated_at = match e.get("updated_at") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(bad(at(".updated_at"), expected_null(w::WHAT_STRING_OR_NULL))),
    };
    Ok(Entry { score, note, flagged, updated_at })
}

/// "expected a string", in the interface's language.
fn expected(what: crate::words::Word) -> String {
    w::EXPECTED.fill(&[("what", &what)])
}

/// "expected a number or null": `what` names JSON's `null`.
fn expected_null(what: crate::words::Word) -> String {
    w::EXPECTED.fill(&[("what", &what.fill(&[("n", &"null")]))])
}

fn is_blank(raw: &Value) -> bool {
    raw.get("score").is_none_or(Value::is_null)
        && raw.get("note").and_then(Value::as_str).is_none_or(str::is_empty)
        && !raw.get("flagged").and_then(Value::as_bool).unwrap_or(false)
}

fn number(x: f64) -> Value {
    let s = fmt_num(x);
    serde_json::from_str(&s).unwrap_or(Value::Null)
}

#[derive(serde::Serialize)]
struct PanelOut<'a> {
    members: &'a [String],
    method: &'a str,
}

#[derive(serde::Serialize)]
struct FileOut<'a> {
    format: &'static str,
    report: ReportOut<'a>,
    evaluator: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    submitted_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reopened_at: Option<&'a str>,
    #[serde(skip_serializing_if = "<[HandoverOut<'_>]>::is_empty")]
    handovers: Vec<HandoverOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    panel: Option<PanelOut<'a>>,
    updated_at: String,
    items: Rows<'a>,
    summary: SummaryOut,
}

/// The `items` array, written as it is walked (never collected: at 100k items that would be
/// megabytes held only to be copied out).
struct Rows<'a> {
    report: &'a Report,
    scores: &'a Scores,
}

impl serde::Serialize for Rows<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let known = self.report.items.iter().zip(&self.scores.entries).map(|(item, e)| {
            ItemRow::Known(ItemOut {
                id: &item.id,
                score: e.score.map_or(Value::Null, number),
                note: &e.note,
                flagged: e.flagged,
                updated_at: e.updated_at.as_deref(),
            })
        });
        serializer.collect_seq(known.chain(self.scores.orphans.iter().map(|o| ItemRow::Orphan(&o.raw))))
    }
}

#[derive(serde::Serialize)]
struct HandoverOut<'a> {
    from: &'a str,
    to: &'a str,
    at: &'a str,
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
    Known(ItemOut<'a>),
    Orphan(&'a Value),
}

#[derive(serde::Serialize)]
struct ItemOut<'a> {
    id: &'a str,
    score: Value,
    note: &'a str,
    flagged: bool,
    updated_at: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct SummaryOut {
    scored: usize,
    items: usize,
    points: Value,
    max_points: Value,
    percent: Value,
    grade: Option<String>,
    report_max: Value,
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
    let items = Rows { report, scores };
    let sum = Summary::of_report(report, scores);
    let doc = FileOut {
        format: FORMAT,
        report: ReportOut { id: &report.id, title: &report.title, sha256: &report.sha256 },
        evaluator: scores.evaluator.as_deref(),
        submitted_at: scores.submitted_at.as_deref(),
        reopened_at: scores.reopened_at.as_deref(),
        handovers: scores
            .handovers
            .iter()
            .map(|h| HandoverOut { from: &h.from, to: &h.to, at: &h.at })
            .collect(),
        panel: scores.panel.as_ref().map(|p| PanelOut { members: &p.members, method: &p.method }),
        updated_at: now_rfc3339(),
        items,
        summary: SummaryOut {
            scored: sum.scored,
            items: sum.items,
            points: number(sum.points),
            max_points: number(sum.max_points),
            percent: sum.percent.map_or(Value::Null, number),
            grade: sum.grade,
            report_max: number(sum.report_max),
        },
    };
    serde_json::to_writer_pretty(&mut out, &doc)?;
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
