//! Reading a report file (`appraise.report/1`) into a [`Report`], with every problem located.
//!
//! The bytes are checked (empty, UTF-8, BOM) and kept as the report's text, which its strings
//! share ([`SharedStr`]), then read by the fast path (`fast`: typed
//! deserialization straight into the model, validating as it goes) which answers only "valid"
//! or "no". Only when it says no does the slow path run: the text is parsed into a small
//! order-preserving JSON tree (`Json`, so `meta` keeps file order), then walked by hand: one
//! pass validates every field, collects every problem with its JSON path, and builds the flat
//! model at the same time. Both paths build the same report from the same valid text.
//!
//! The fingerprint (sha256 of the bytes) is not on the critical path: [`parse_report`] hashes a
//! large file on a second thread while it parses, and [`parse_report_unhashed`] leaves it to
//! the caller ([`fingerprint`]).

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::file::FORMAT;
use super::json::{Json, Object, describe, field, quote};
use super::model::{Grade, Item, Report, Scale, Section};
use super::node::{ItemIx, Node, SectionIx};
use super::shared::SharedStr;
use crate::words::errors as w;

/// How a problem at the root of the document is placed.
const ROOT: &str = "(top level)";
/// At most this many problems are listed; the rest are counted.
const MAX_PROBLEMS: usize = 100;
/// Ids and format names quoted in messages are cut to this many characters.
const ID_CHARS: usize = 80;
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
/// From this size on, [`parse_report`] hashes on a second thread while it parses.
const PARALLEL_HASH_BYTES: usize = 1 << 20;

/// Where a problem is.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// The file as a whole.
    File,
    /// A place in the text (1-based; the column counts characters).
    Position { line: usize, column: usize },
    /// A JSON path such as `sections[1].items[3].max`; the root is `(top level)`.
    Path(String),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File => Ok(()),
            Place::Position { line, column } => {
                f.write_str(&w::AT_POSITION.fill(&[("line", line), ("column", column)]))
            }
            Place::Path(path) if path.is_empty() || path == ROOT => f.write_str(w::TOP_LEVEL.get()),
            Place::Path(path) => f.write_str(path),
        }
    }
}

/// One thing wrong with a report file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// What kind of problem, stable across versions and languages (snake_case), for
    /// `check --json`.
    pub code: &'static str,
    pub place: Place,
    /// A lowercase sentence fragment without a trailing period.
    pub message: String,
}

impl Problem {
    fn new(code: &'static str, place: Place, message: impl Into<String>) -> Self {
        Problem { code, place, message: message.into() }
    }

    fn at(code: &'static str, path: &str, message: impl Into<String>) -> Self {
        Problem::new(code, Place::Path(path.to_string()), message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::File => f.write_str(&self.message),
            _ => write!(f, "{}: {}", self.place, self.message),
        }
    }
}

/// Why [`load_report`] failed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file cannot be read (missing, permission denied, a directory...).
    #[error("{}", w::CANNOT_READ.fill(&[("path", &crate::text::shown(path)), ("why", message)]))]
    Io { path: PathBuf, message: String },
    /// The file was read but is not a valid report; one line per problem.
    #[error("{}", render_problems(.path, .problems))]
    Invalid { path: PathBuf, problems: Vec<Problem> },
}

fn render_problems(path: &Path, problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| format!("{}: {p}", crate::text::shown(path))).collect();
    lines.join("\n")
}

/// Reads and parses the report at `path`.
pub fn load_report(path: &Path) -> Result<Report, LoadError> {
    let io = |message: String| LoadError::Io { path: path.to_path_buf(), message };
    let bytes = match crate::input::read(path, crate::input::Cap::DOCUMENT) {
        Ok(Some((bytes, _))) => bytes,
        Ok(None) => return Err(io(w::IO_NOT_FOUND.get().into())),
        Err(e) => return Err(io(io_message(path, &e))),
    };
    parse_report(bytes).map_err(|problems| LoadError::Invalid { path: path.to_path_buf(), problems })
}

/// A short lowercase reason for a read failure (a folder named as the report says so).
fn io_message(path: &Path, err: &std::io::Error) -> String {
    if path.is_dir() { w::IO_IS_DIRECTORY.get().into() } else { crate::io_error::message(err) }
}

/// Parses a report from the file's bytes; on failure, every problem found (at most 100 listed).
/// The report's `sha256` is filled in; for a large file it is computed on a second thread while
/// the text is parsed, so on two cores or more it costs no time.
///
/// Given the bytes themselves (a `Vec<u8>`), the report keeps them as its text: its strings
/// are ranges of them (see [`SharedStr`](super::SharedStr)), so memory holds the file once.
/// Given a slice, it copies it first.
pub fn parse_report(bytes: impl Into<Vec<u8>>) -> Result<Report, Vec<Problem>> {
    parse_text(&source_text(bytes.into())?)
}

/// [`parse_report`] of a text the caller keeps as well (an import hands back its JSON beside
/// the report): the text is returned behind the `Arc` the report's strings are ranges of, so
/// memory holds it once.
pub fn parse_report_shared(text: String) -> Result<(Report, Arc<String>), Vec<Problem>> {
    let source = source_text(text.into_bytes())?;
    parse_text(&source).map(|report| (report, source))
}

/// Parses the checked text, its fingerprint taken beside.
fn parse_text(source: &Arc<String>) -> Result<Report, Vec<Problem>> {
    let with_sha = |parsed: Result<Report, Vec<Problem>>, sha256: String| {
        parsed.map(|report| Report { sha256, ..report })
    };
    let bytes = source.as_bytes();
    if bytes.len() < PARALLEL_HASH_BYTES {
        return with_sha(parse_source(source), fingerprint(bytes));
    }
    std::thread::scope(|s| {
        let hasher =
            std::thread::Builder::new().name("appraise-sha256".into()).spawn_scoped(s, || fingerprint(bytes));
        let parsed = parse_source(source);
        let sha256 = match hasher {
            Ok(h) => h.join().unwrap_or_else(|_| fingerprint(bytes)),
            Err(_) => fingerprint(bytes),
        };
        with_sha(parsed, sha256)
    })
}

/// [`parse_report`] without the fingerprint: the report's `sha256` is left empty, for a caller
/// that computes it elsewhere with [`fingerprint`] (the scores file needs it before it is
/// compared or saved).
pub fn parse_report_unhashed(bytes: impl Into<Vec<u8>>) -> Result<Report, Vec<Problem>> {
    parse_source(&source_text(bytes.into())?)
}

/// The file's bytes as text (BOM included), once they are known to be non-empty UTF-8.
fn source_text(bytes: Vec<u8>) -> Result<Arc<String>, Vec<Problem>> {
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(&bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(vec![Problem::new("file_empty", Place::File, w::FILE_EMPTY.get())]);
    }
    // SIMD-checked (encoding_rs hands it to simdutf8), several times faster than the standard
    // library on CJK text; the standard library only places the bad byte.
    let valid = matches!(
        encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(body),
        Some(std::borrow::Cow::Borrowed(_))
    );
    if !valid {
        let e = std::str::from_utf8(body).err().map_or(0, |e| e.valid_up_to());
        // The bytes before the bad one are valid UTF-8, so this cannot fail.
        let before = std::str::from_utf8(&body[..e]).unwrap_or("");
        let line = 1 + before.matches('\n').count();
        let column = 1 + before.rsplit('\n').next().unwrap_or("").chars().count();
        let bad = body.get(e).copied().unwrap_or(0);
        let message = w::NOT_UTF8_AT.fill(&[("byte", &format!("{bad:02X}"))]);
        return Err(vec![Problem::new("not_utf8", Place::Position { line, column }, message)]);
    }
    // SAFETY: `body` was checked to be UTF-8 just above, and the BOM before it is UTF-8 too.
    // (`String::from_utf8` would check all of it again, at a third of the speed.)
    Ok(Arc::new(unsafe { String::from_utf8_unchecked(bytes) }))
}

/// Parses the report in `source`: the fast path, and the slow one when it says no.
fn parse_source(source: &Arc<String>) -> Result<Report, Vec<Problem>> {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    match super::fast::parse(source, text) {
        Some(report) => Ok(report),
        None => slow_path(text),
    }
}

/// Parses into the JSON tree and walks it: every problem, located.
pub(super) fn slow_path(text: &str) -> Result<Report, Vec<Problem>> {
    let root: Json = serde_json::from_str(text).map_err(|e| vec![syntax_problem(text, &e)])?;
    let mut walker = Walker::new();
    walker.root(&root);
    walker.finish()
}

/// The report's fingerprint: lowercase hex sha256 of the file's bytes (BOM included), as
/// [`Report::sha256`] holds it.
pub fn fingerprint(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Lowercase hex sha256 of `bytes`.
#[cfg(test)]
fn sha256_hex(bytes: &[u8]) -> String {
    fingerprint(bytes)
}

/// A serde_json error as a problem at its line and (character) column, reworded.
fn syntax_problem(text: &str, err: &serde_json::Error) -> Problem {
    Problem::new("json_syntax", char_position(text, err.line(), err.column()), json_syntax(err, true))
}

/// A serde_json syntax error's message without its place, in the interface's language.
/// `reworded`: the English says more than serde_json's own words (a report's problems do; a
/// scores file's have always been serde_json's).
pub(crate) fn json_syntax(err: &serde_json::Error, reworded: bool) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let raw = full.strip_suffix(&suffix).unwrap_or(&full);
    if !reworded && crate::words::lang() == crate::lang::Lang::En {
        return raw.to_string();
    }
    let literals: [(&str, &dyn fmt::Display); 3] = [("t", &"true"), ("f", &"false"), ("n", &"null")];
    let word = match raw {
        "EOF while parsing a list" => w::JSON_EOF_ARRAY,
        "EOF while parsing an object" => w::JSON_EOF_OBJECT,
        "EOF while parsing a string" => w::JSON_EOF_STRING,
        "EOF while parsing a value" => w::JSON_EOF_VALUE,
        "expected ident" => return w::JSON_EXPECTED_IDENT.fill(&literals),
        "expected value" => return w::JSON_EXPECTED_VALUE.fill(&literals),
        "invalid escape" => w::JSON_INVALID_ESCAPE,
        "number out of range" => w::JSON_NUMBER_RANGE,
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => w::JSON_UNICODE_ESCAPE,
        "control character (\\u0000-\\u001F) found while parsing a string" => w::JSON_CONTROL,
        "trailing comma" => w::JSON_TRAILING_COMMA,
        "trailing characters" => w::JSON_TRAILING_TEXT,
        "recursion limit exceeded" => w::JSON_TOO_DEEP,
        "expected `:`" => w::JSON_EXPECTED_COLON,
        "expected `,` or `]`" => w::JSON_EXPECTED_COMMA_BRACKET,
        "expected `,` or `}`" => w::JSON_EXPECTED_COMMA_BRACE,
        "key must be a string" => w::JSON_KEY_STRING,
        "invalid number" => w::JSON_INVALID_NUMBER,
        other => return w::JSON_SYNTAX.fill(&[("detail", &lowercase_first(other))]),
    };
    word.get().to_string()
}

/// serde_json's (line, 1-based byte column) as a place whose column counts characters.
fn char_position(text: &str, line: usize, byte_column: usize) -> Place {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let mut end = byte_column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    Place::Position { line: line.max(1), column: line_text[..end].chars().count() + 1 }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// "true or false", the JSON literals kept as they are.
fn what_bool() -> String {
    w::WHAT_BOOL.fill(&[("t", &"true"), ("f", &"false")])
}

/// The path of field `key` under `parent`: `title`, `scale.max`, `meta["a b"]`.
fn child(parent: &str, key: &str) -> String {
    let plain = !key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    match (parent == ROOT, plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{parent}.{key}"),
        (true, false) => format!("[{key:?}]"),
        (false, false) => format!("{parent}[{key:?}]"),
    }
}

/// A `refs` entry to check once every id is known.
struct PendingRef {
    /// How many problems came before it in the walk (to keep problems in document order).
    after: usize,
    path: String,
    id: String,
}

/// The one pass over the JSON tree: validates, collects problems and builds the model.
struct Walker {
    report: Report,
    problems: Vec<Problem>,
    /// id → path of the section or item that first used it.
    first_use: HashMap<String, String>,
    refs: Vec<PendingRef>,
}

impl Walker {
    fn new() -> Self {
        Walker {
            report: Report::default(),
            problems: Vec::new(),
            first_use: HashMap::new(),
            refs: Vec::new(),
        }
    }

    fn problem(&mut self, code: &'static str, path: &str, message: impl Into<String>) {
        self.problems.push(Problem::at(code, path, message));
    }

    fn expected(&mut self, path: &str, what: &str, found: &Json) {
        self.problem(
            "wrong_type",
            path,
            w::EXPECTED_FOUND.fill(&[("what", &what), ("found", &describe(found))]),
        );
    }

    /// `get(v)`, or a problem at `path` saying `what` was expected instead of `v`.
    fn want<'a, T>(
        &mut self,
        v: &'a Json,
        path: &str,
        what: &str,
        get: impl FnOnce(&'a Json) -> Option<T>,
    ) -> Option<T> {
        let got = get(v);
        if got.is_none() {
            self.expected(path, what, v);
        }
        got
    }

    fn object<'a>(&mut self, v: &'a Json, path: &str) -> Option<&'a Object> {
        self.want(v, path, w::WHAT_OBJECT.get(), Json::as_object)
    }

    fn array<'a>(&mut self, v: &'a Json, path: &str) -> Option<&'a [Json]> {
        self.want(v, path, w::WHAT_ARRAY.get(), Json::as_array)
    }

    fn string(&mut self, v: &Json, path: &str) -> Option<String> {
        self.want(v, path, w::WHAT_STRING.get(), |v| v.as_str().map(str::to_string))
    }

    fn number(&mut self, v: &Json, path: &str) -> Option<f64> {
        self.want(v, path, w::WHAT_NUMBER.get(), Json::as_f64)
    }

    /// A field that must be present (JSON `null` counts as present, and is then a wrong type).
    fn required<'a>(&mut self, obj: &'a Object, key: &str, parent: &str, what: &str) -> Option<&'a Json> {
        let found = obj.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
        if found.is_none() {
            self.problem("missing_field", &child(parent, key), w::MISSING_FIELD.fill(&[("what", &what)]));
        }
        found
    }

    /// A required string field; `non_empty` also refuses "" and whitespace-only text.
    fn required_string(&mut self, obj: &Object, key: &str, parent: &str, non_empty: bool) -> Option<String> {
        let what = if non_empty { w::WHAT_NON_EMPTY_STRING.get() } else { w::WHAT_STRING.get() };
        let path = child(parent, key);
        let s = self.required(obj, key, parent, what).and_then(|v| self.string(v, &path))?;
        if non_empty && s.trim().is_empty() {
            self.problem("empty_text", &path, w::MUST_NOT_BE_EMPTY.get());
            return None;
        }
        Some(s)
    }

    fn opt_string(&mut self, obj: &Object, key: &str, parent: &str) -> Option<String> {
        field(obj, key).and_then(|v| self.string(v, &child(parent, key)))
    }

    fn opt_number(&mut self, obj: &Object, key: &str, parent: &str) -> Option<f64> {
        field(obj, key).and_then(|v| self.number(v, &child(parent, key)))
    }

    fn opt_array<'a>(&mut self, obj: &'a Object, key: &str, parent: &str) -> Option<&'a [Json]> {
        field(obj, key).and_then(|v| self.array(v, &child(parent, key)))
    }

    /// An optional array of strings, each with its path; bad entries are reported and skipped.
    fn strings(&mut self, obj: &Object, key: &str, parent: &str) -> Vec<(String, String)> {
        let path = child(parent, key);
        let Some(values) = self.opt_array(obj, key, parent) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(values.len());
        for (i, v) in values.iter().enumerate() {
            let at = format!("{path}[{i}]");
            if let Some(s) = self.string(v, &at) {
                out.push((s, at));
            }
        }
        out
    }

    fn root(&mut self, v: &Json) {
        let Some(obj) = self.object(v, ROOT) else {
            return;
        };
        match field(obj, "format") {
            None => {}
            Some(Json::Str(s)) if s == FORMAT => {}
            Some(Json::Str(s)) => {
                let found = quote(s, ID_CHARS);
                let message =
                    w::REPORT_FORMAT.fill(&[("found", &found), ("expected", &format!("{FORMAT:?}"))]);
                self.problem("unsupported_format", "format", message);
            }
            Some(other) => {
                let what = w::WHAT_THE_STRING.fill(&[("value", &format!("{FORMAT:?}"))]);
                self.expected("format", &what, other);
            }
        }
        self.report.id = self.required_string(obj, "id", ROOT, true).unwrap_or_default();
        self.report.title = self.required_string(obj, "title", ROOT, true).unwrap_or_default();
        if let Some(meta) = field(obj, "meta") {
            self.meta(meta);
        }
        if let Some(scale) = field(obj, "scale") {
            self.scale(scale);
        }
        if let Some(grades) = self.opt_array(obj, "grades", ROOT) {
            self.grades(grades);
        }
        if let Some(v) = field(obj, "require_note_below_max") {
            match v {
                Json::Bool(b) => self.report.require_note_below_max = *b,
                other => self.expected("require_note_below_max", &what_bool(), other),
            }
        }
        match field(obj, "sections") {
            None => self.problem(
                "missing_field",
                "sections",
                w::MISSING_FIELD.fill(&[("what", &w::WHAT_SECTIONS)]),
            ),
            Some(v) => {
                if let Some(sections) = self.array(v, "sections") {
                    for (i, s) in sections.iter().enumerate() {
                        self.section(s, &format!("sections[{i}]"), None, 0);
                    }
                }
            }
        }
    }

    fn meta(&mut self, v: &Json) {
        let Some(entries) = self.object(v, "meta") else {
            return;
        };
        // A repeated key keeps its first place and its last value, as in serde_json.
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (key, value) in entries {
            let text = match value {
                Json::Str(s) => s.clone(),
                Json::Num(n) => n.to_string(),
                other => {
                    self.expected(&child("meta", key), w::WHAT_STRING_OR_NUMBER.get(), other);
                    continue;
                }
            };
            match seen.get(key.as_str()) {
                Some(&at) => self.report.meta[at].1 = text,
                None => {
                    seen.insert(key, self.report.meta.len());
                    self.report.meta.push((key.clone(), text));
                }
            }
        }
    }

    fn scale(&mut self, v: &Json) {
        let Some(obj) = self.object(v, "scale") else {
            return;
        };
        let mut scale = Scale::default();
        if let Some(min) = self.opt_number(obj, "min", "scale") {
            scale.min = min;
        }
        if let Some(max) = self.opt_number(obj, "max", "scale") {
            scale.max = max;
        }
        if let Some(step) = self.opt_number(obj, "step", "scale") {
            scale.step = step;
        }
        if scale.min >= scale.max {
            self.problem(
                "min_not_below_max",
                "scale",
                w::MIN_BELOW_MAX.fill(&[("min", &scale.min), ("max", &scale.max)]),
            );
        }
        if scale.step <= 0.0 {
            self.problem("step_not_positive", "scale.step", w::STEP_POSITIVE.fill(&[("step", &scale.step)]));
        }
        self.report.scale = scale;
    }

    fn grades(&mut self, grades: &[Json]) {
        for (i, v) in grades.iter().enumerate() {
            let path = format!("grades[{i}]");
            let Some(obj) = self.object(v, &path) else {
                continue;
            };
            let min = self.required(obj, "min", &path, w::WHAT_NUMBER.get());
            let min = min.and_then(|v| self.number(v, &child(&path, "min")));
            let label = self.required_string(obj, "label", &path, true);
            if let (Some(min), Some(label)) = (min, label) {
                self.report.grades.push(Grade { min, label });
            }
        }
    }

    /// Records `id` for `node`; a second use is a problem naming the first.
    fn claim_id(&mut self, id: &str, path: &str, node: Node) {
        if let Some(first) = self.first_use.get(id) {
            let message = w::DUPLICATE_ID.fill(&[("id", &quote(id, ID_CHARS)), ("first", first)]);
            self.problem("duplicate_id", &child(path, "id"), message);
        } else {
            self.first_use.insert(id.to_string(), path.to_string());
            let r = &mut self.report;
            r.index.insert(id, node, &r.sections, &r.items);
        }
    }

    fn section(&mut self, v: &Json, path: &str, parent: Option<SectionIx>, depth: usize) {
        let Some(obj) = self.object(v, path) else {
            return;
        };
        let ix = self.report.sections.len();
        let id = self.required_string(obj, "id", path, true);
        if let Some(id) = &id {
            self.claim_id(id, path, Node::Section(ix));
        }
        let title = self.required_string(obj, "title", path, true);
        let body = self.opt_string(obj, "body", path);
        self.report.sections.push(Section {
            id: id.unwrap_or_default().into(),
            title: title.unwrap_or_default().into(),
            body: body.map(Into::into),
            parent,
            depth,
            items: Vec::new(),
            children: Vec::new(),
        });
        if let Some(p) = parent {
            self.report.sections[p].children.push(ix);
        }
        if let Some(items) = self.opt_array(obj, "items", path) {
            for (i, item) in items.iter().enumerate() {
                self.item(item, &format!("{path}.items[{i}]"), ix);
            }
        }
        if let Some(subsections) = self.opt_array(obj, "sections", path) {
            for (i, s) in subsections.iter().enumerate() {
                self.section(s, &format!("{path}.sections[{i}]"), Some(ix), depth + 1);
            }
        }
    }

    fn item(&mut self, v: &Json, path: &str, section: SectionIx) {
        let Some(obj) = self.object(v, path) else {
            return;
        };
        let ix: ItemIx = self.report.items.len();
        let id = self.required_string(obj, "id", path, true);
        if let Some(id) = &id {
            self.claim_id(id, path, Node::Item(ix));
        }
        let title = self.opt_string(obj, "title", path);
        let text = self.required_string(obj, "text", path, false);
        let base = self.report.scale;
        let min = self.opt_number(obj, "min", path);
        let max = self.opt_number(obj, "max", path);
        let step = self.opt_number(obj, "step", path);
        let scale = Scale {
            min: min.unwrap_or(base.min),
            max: max.unwrap_or(base.max),
            step: step.unwrap_or(base.step),
        };
        // Only overrides are checked here: the report's own scale was checked at `scale`.
        if (min.is_some() || max.is_some()) && scale.min >= scale.max {
            self.problem(
                "min_not_below_max",
                path,
                w::MIN_BELOW_MAX.fill(&[("min", &scale.min), ("max", &scale.max)]),
            );
        }
        if step.is_some() && scale.step <= 0.0 {
            self.problem("step_not_positive", path, w::ITEM_STEP_POSITIVE.fill(&[("step", &scale.step)]));
        }
        let criteria = self.opt_string(obj, "criteria", path);
        let tags = self.strings(obj, "tags", path).into_iter().map(|(tag, _)| tag.into()).collect();
        let mut refs = Vec::new();
        for (target, at) in self.strings(obj, "refs", path) {
            self.refs.push(PendingRef { after: self.problems.len(), path: at, id: target.clone() });
            refs.push(SharedStr::from(target));
        }
        let self_score = self.opt_number(obj, "self_score", path);
        if let Some(score) = self_score
            && scale.min < scale.max
            && !(scale.min..=scale.max).contains(&score)
        {
            let message =
                w::SELF_SCORE_OUTSIDE.fill(&[("score", &score), ("min", &scale.min), ("max", &scale.max)]);
            self.problem("self_score_outside_scale", &child(path, "self_score"), message);
        }
        self.report.items.push(Item {
            id: id.unwrap_or_default().into(),
            title: title.map(Into::into),
            text: text.unwrap_or_default().into(),
            section,
            scale,
            criteria: criteria.map(Into::into),
            tags,
            refs: refs.into_boxed_slice(),
            self_score,
        });
        self.report.sections[section].items.push(ix);
    }

    /// Checks the refs, puts their problems in document order and applies the cap.
    fn finish(self) -> Result<Report, Vec<Problem>> {
        let Walker { report, problems, refs, .. } = self;
        let mut all = Vec::with_capacity(problems.len());
        let mut walk = problems.into_iter().enumerate().peekable();
        for r in refs.into_iter().filter(|r| report.find(&r.id).is_none()) {
            while let Some((_, p)) = walk.next_if(|(i, _)| *i < r.after) {
                all.push(p);
            }
            let message = w::UNKNOWN_REF.fill(&[("id", &quote(&r.id, ID_CHARS))]);
            all.push(Problem::at("unknown_ref", &r.path, message));
        }
        all.extend(walk.map(|(_, p)| p));
        if all.is_empty() {
            return Ok(report);
        }
        if all.len() > MAX_PROBLEMS {
            let more = all.len() - MAX_PROBLEMS;
            all.truncate(MAX_PROBLEMS);
            let word = if more == 1 { w::MORE_PROBLEM } else { w::MORE_PROBLEMS };
            all.push(Problem::new("more_problems", Place::File, word.fill(&[("n", &more)])));
        }
        Err(all)
    }
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
