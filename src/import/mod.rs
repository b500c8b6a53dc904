//! Importing a real report — plain text, Markdown, Word `.docx` or a PDF — into an
//! `appraise.report/1` file by its outline numbering (`appraise import`, README.md "Importing a report").
//!
//! The stages, one module each:
//! - [`decode`]: the file's bytes → text (UTF-8 ± BOM, UTF-16, GB18030/GBK, Big5, or the
//!   encoding `--encoding` names), or a refusal that says what the file is (an old .doc, binary);
//! - [`pdf`]: a PDF → text, by poppler's `pdftotext -layout` (then read as plain text);
//! - [`docx`]: a .docx → paragraphs (styles, outline levels, list numbering, tables);
//! - [`clean`]: text → paragraphs without noise (page numbers, form feeds, dot leaders, a table
//!   of contents, hard line breaks, Markdown markup);
//! - [`wrap`]: hard-wrapped lines joined into paragraphs, wrapped headings into one line;
//! - [`capitals`]: unnumbered lines in capitals that head parts (English reports from a PDF);
//! - [`tables`]: in plain text, pipe, CSV and tab rows and label/value forms → table rows (kept
//!   in bodies as they are), and whether a lone number is a page number;
//! - [`outline`]: numbering (一、 （一） 1. （1） ① 第一章 一是 1.1 I. A. (a) `#`) → a tree, levels
//!   learned from the document;
//! - [`build`]: the tree → sections and items with ids from their position (`s2.1.3`), titles,
//!   bodies;
//! - [`cover`]: the lines before the outline → the report title, `meta` and a preface;
//! - [`rubric`]: a scoring table (评分表) → its indicators;
//! - [`skeleton`]: with a rubric, the rubric is what is scored (`r…` ids) and the text is read
//!   (its items become reading sections);
//! - [`web`]: a web page's leftovers around a report copied from a site (address, navigation,
//!   来源/浏览量 lines, the page's foot);
//! - [`evidence`]: with a rubric, each indicator's `refs` to the passages to read first;
//! - [`unit`]: the unit evaluated (`meta.unit`): `--unit`, else with a rubric the cover's, the
//!   title's or, under a generic title, the text's.
//!
//! The output is checked with [`parse_report_shared`] before it is returned, so an import always gives
//! a valid report or an error; nothing in here panics on any input.

pub mod build;
pub mod capitals;
pub mod clean;
pub mod cover;
pub mod decode;
pub mod docsite;
pub mod docx;
pub mod evidence;
pub mod inline;
pub mod numbering;
pub mod outline;
pub mod para;
pub mod pdf;
pub mod rubric;
pub mod skeleton;
pub mod tables;
pub mod unit;
pub mod web;
pub mod wrap;

use crate::report::file::{FORMAT, GradeFile, Meta, ReportFile, ScaleFile};
use crate::report::{Report, parse_report_shared};
use crate::text::shown;
use crate::words::{cli, errors as w};
use build::{Lang, count_items, count_sections, untitled};
use para::{Kind, Noise, Para};
use std::borrow::Cow;
use std::path::Path;
use std::path::PathBuf;
use std::sync::Arc;

/// Files larger than this are not reports.
pub const MAX_BYTES: usize = crate::input::Cap::DOCUMENT.0 as usize;

/// The default scale written into an imported report (the format's defaults, docs/formats.md).
pub const DEFAULT_MAX: f64 = 10.0;
pub const DEFAULT_STEP: f64 = 0.5;

/// The scoring table (评分表) whose indicators are scored.
#[derive(Debug, Clone, Default)]
pub struct RubricFile {
    /// The file's name, for messages (its extension tells a few formats apart).
    pub name: String,
    pub bytes: Vec<u8>,
    /// The worksheet to read (`--sheet`: a name or a 1-based number), in a workbook.
    pub sheet: Option<String>,
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The text's encoding (`--encoding`; default: detected).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// The report id (default: from the file name).
    pub id: Option<String>,
    /// The report title (default: the first title line of the text, else the file name).
    pub title: Option<String>,
    /// The default scale's maximum (default 10).
    pub max: Option<f64>,
    /// The default scale's step (default 0.5).
    pub step: Option<f64>,
    pub rubric: Option<RubricFile>,
    /// The worksheet to read when the document is a scoring table alone (`--sheet`).
    pub sheet: Option<String>,
    /// With a rubric: score the text's claims too (as without one), besides the indicators.
    pub score_text: bool,
    /// `require_note_below_max`: a score below full marks needs a reason (default: with a
    /// rubric yes, else no).
    pub require_reasons: Option<bool>,
    /// The unit being evaluated (`--unit`; default: with a rubric, found by [`unit::find`]).
    pub unit: Option<String>,
}

/// Why an import failed: one sentence naming the file (and the place, when there is one).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("{}", w::CANNOT_READ.fill(&[("path", &shown(path)), ("why", message)]))]
    Read { path: PathBuf, message: String },
    #[error("{}", w::IMPORT_TOO_LARGE_FILE.fill(&[
        ("path", &shown(path)),
        ("megabytes", megabytes),
        ("max", &(MAX_BYTES >> 20)),
    ]))]
    TooLarge { path: PathBuf, megabytes: u64 },
    /// The bytes are not text appraise reads (a PDF, a binary file, an unknown encoding).
    #[error("{file}: {problem}")]
    Decode { file: String, problem: decode::DecodeError },
    /// A PDF `pdftotext` could not read, or gave no text for.
    #[error("{file}: {problem}")]
    Pdf { file: String, problem: pdf::PdfError },
    /// What the document holds cannot make a report (empty, a broken .docx, a bad rubric…).
    #[error("{file}: {message}")]
    Document { file: String, message: String },
    /// The rubric table given with `--rubric` (the message names it and the place).
    #[error("{0}")]
    Rubric(String),
    /// A wrong `--max`, `--step`, `--id` or `--title`.
    #[error("{0}")]
    Option(String),
}

/// What an import made.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The report file's text: pretty JSON, UTF-8, ending in a newline. Shared with `report`,
    /// whose strings are ranges of it.
    pub json: Arc<String>,
    /// The same report, as the app reads it (checked by `parse_report`).
    pub report: Report,
    pub summary: Summary,
}

/// What was read and what was made, for stderr.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub source: String,
    /// `text`, `Markdown`, `Word .docx` or `PDF`.
    pub format: &'static str,
    /// The text encoding (not for .docx).
    pub encoding: Option<String>,
    pub top_sections: usize,
    pub sections: usize,
    pub items: usize,
    /// The numbering styles of the outline levels, in the order first met (`一、`, `（一）`, `一是`).
    pub levels: Vec<String>,
    /// What was dropped as noise, counted (`3 page numbers`).
    pub skipped: Vec<String>,
    /// The web page's leftovers dropped, as they were (listed on stderr).
    pub web: Vec<String>,
    /// The noise itself, piece by piece as it was in the text (not printed; for checking that
    /// nothing else was left out).
    pub dropped: Vec<String>,
    /// How the text was read, when it is worth knowing.
    pub notes: Vec<String>,
    /// Things to check: undecodable bytes, rubric points that do not add up.
    pub warnings: Vec<String>,
    /// The rubric's indicators and points, when one was added.
    pub rubric: Option<(usize, f64)>,
}

impl Summary {
    /// The summary as lines for stderr (without a program prefix), in the interface's language.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        // `text` is said in the interface's language; `Markdown` and `Word .docx` are names.
        let format = match self.format {
            "text" => cli::IMPORTED_TEXT.get().to_string(),
            "PDF" => cli::IMPORTED_PDF.fill(&[("pdf", &"PDF"), ("program", &pdf::PROGRAM)]),
            other => other.to_string(),
        };
        let how = match &self.encoding {
            Some(e) => format!("{format}{}{e}", w::LIST_SEP.get()),
            None => format,
        };
        let top = plural(self.top_sections, cli::IMPORTED_TOP_ONE, cli::IMPORTED_TOP);
        let items = plural(self.items, cli::IMPORTED_ITEM, cli::IMPORTED_ITEMS);
        out.push(cli::IMPORTED.fill(&[
            ("source", &self.source),
            ("how", &how),
            ("top", &top.fill(&[("n", &self.top_sections)])),
            ("sections", &self.sections),
            ("items", &items.fill(&[("n", &self.items)])),
        ]));
        if !self.levels.is_empty() {
            out.push(cli::IMPORTED_LEVELS.fill(&[("levels", &self.levels.join(" › "))]));
        }
        if let Some((n, points)) = self.rubric {
            let word = plural(n, cli::IMPORTED_RUBRIC_ONE, cli::IMPORTED_RUBRIC);
            out.push(word.fill(&[("n", &n), ("points", &crate::scores::fmt_num(points))]));
        }
        if !self.skipped.is_empty() {
            out.push(cli::IMPORTED_SKIPPED.fill(&[("list", &self.skipped.join(w::LIST_SEP.get()))]));
        }
        if !self.web.is_empty() {
            let list: Vec<String> =
                self.web.iter().map(|l| crate::text::truncate(l, 40).into_owned()).collect();
            out.push(cli::IMPORTED_WEB.fill(&[("list", &list.join(" · "))]));
        }
        out.extend(self.notes.iter().map(|n| cli::IMPORTED_NOTE.fill(&[("text", n)])));
        out.extend(self.warnings.iter().map(|text| w::WARNING.fill(&[("text", text)])));
        out
    }
}

/// `one` for 1, else `many` (the English has a plural; the Chinese says both alike).
fn plural(n: usize, one: crate::words::Word, many: crate::words::Word) -> crate::words::Word {
    if n == 1 { one } else { many }
}

/// Whether `path` is a document the importer reads (by its extension).
pub fn is_importable(path: &Path) -> bool {
    matches!(
        extension(path).as_str(),
        "txt" | "text" | "md" | "markdown" | "docx" | "pdf" | "xlsx" | "xlsm" | "xls" | "csv" | "tsv"
    )
}

/// The file name's extension in lower case (empty when it has none).
fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default()
}

/// Examples of `--encoding` names, for its help and its error.
pub const ENCODING_EXAMPLES: &str = "utf-8, gbk, gb18030, big5, utf-16le, shift_jis";

/// The encoding `--encoding` names: a WHATWG label (`utf-8`, `gbk`, `big5`, `utf-16le`…).
pub fn encoding_for_label(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label_no_replacement(label.trim().as_bytes()).ok_or_else(|| {
        w::IMPORT_UNKNOWN_ENCODING.fill(&[
            ("flag", &"--encoding"),
            ("value", &format!("\"{label}\"")),
            ("examples", &ENCODING_EXAMPLES),
        ])
    })
}

/// Reads and imports the document at `path`.
pub fn import_file(path: &Path, options: &Options) -> Result<Imported, ImportError> {
    let unreadable = |e: std::io::Error| ImportError::Read {
        path: path.to_owned(),
        message: crate::io_error::message(&e),
    };
    let bytes = match crate::input::read(path, crate::input::Cap::DOCUMENT) {
        Ok(Some((bytes, _))) => bytes,
        Ok(None) => return Err(unreadable(std::io::Error::from(std::io::ErrorKind::NotFound))),
        Err(e) if crate::input::is_too_large(&e) => {
            let megabytes = std::fs::metadata(path).map_or(MAX_BYTES as u64, |m| m.len()) >> 20;
            return Err(ImportError::TooLarge { path: path.to_owned(), megabytes });
        }
        Err(e) => return Err(unreadable(e)),
    };
    import_input(Cow::Owned(bytes), path, options)
}

/// Imports a document from its bytes; `path` gives the name for messages, the default id and
/// (by its extension) whether the text is Markdown.
pub fn import_bytes(bytes: &[u8], path: &Path, options: &Options) -> Result<Imported, ImportError> {
    import_input(Cow::Borrowed(bytes), path, options)
}

/// [`import_bytes`] of bytes borrowed or given: given, a text's bytes become the text itself, so
/// a large document is not held twice.
fn import_input(input: Cow<'_, [u8]>, path: &Path, options: &Options) -> Result<Imported, ImportError> {
    let bytes: &[u8] = &input;
    let name = crate::text::shown(path).to_string();
    let fail = |message: String| ImportError::Document { file: name.clone(), message };
    let undecodable = |problem: decode::DecodeError| ImportError::Decode { file: name.clone(), problem };
    let ext = extension(path);
    if ext == "json" {
        return Err(fail(w::IMPORT_JSON.fill(&[("cmd", &"import")])));
    }
    if bytes.len() > MAX_BYTES {
        return Err(fail(w::IMPORT_TOO_LARGE.fill(&[("max", &(MAX_BYTES >> 20))])));
    }
    let scale = scale(options).map_err(ImportError::Option)?;
    if let Some(imported) = table_alone(bytes, path, &name, options, &scale) {
        return imported;
    }
    if options.sheet.is_some() && options.rubric.is_none() {
        return Err(ImportError::Option(w::IMPORT_SHEET_NOT_A_TABLE.fill(&[
            ("flag", &"--sheet"),
            ("file", &name),
            ("rubric", &"--rubric"),
        ])));
    }
    let mut noise = Noise::default();
    let mut summary = Summary { source: name.clone(), ..Summary::default() };
    let mut replaced = 0;
    let sniffed = decode::sniff(bytes).map_err(undecodable)?;
    // A .docx or .pdf whose bytes are not one (damaged, cut short, another file renamed) is
    // refused, not read as text.
    if sniffed == decode::Sniffed::Text && matches!(ext.as_str(), "docx" | "pdf") {
        let kind = if ext == "pdf" { "PDF" } else { "Word (.docx)" };
        return Err(fail(w::IMPORT_NOT_WHAT_IT_SAYS.fill(&[("kind", &kind)])));
    }
    let paras: Vec<Para> = match sniffed {
        decode::Sniffed::Zip => {
            let doc = docx::read(bytes).map_err(fail)?;
            summary.format = "Word .docx";
            noise.toc_lines += doc.toc_paras;
            let paras = doc
                .paras
                .into_iter()
                .flat_map(|p| {
                    let kind = p.kind;
                    clean::text_paras(p.text, false, &mut Noise::default())
                        .into_iter()
                        .map(move |q| Para {
                            text: q.text,
                            kind: if q.kind == Kind::Text { kind } else { q.kind },
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            clean::drop_noise(paras, &mut noise)
        }
        decode::Sniffed::Pdf => {
            let text =
                pdf::text(bytes).map_err(|problem| ImportError::Pdf { file: name.clone(), problem })?;
            summary.format = "PDF";
            clean::text_paras(text, false, &mut noise)
        }
        decode::Sniffed::Text => {
            let decoded = decode::decode_owned(input, options.encoding).map_err(undecodable)?;
            let markdown = matches!(ext.as_str(), "md" | "markdown") || looks_like_markdown(&decoded.text);
            summary.format = if markdown { "Markdown" } else { "text" };
            summary.encoding = Some(pretty_encoding(decoded.encoding).to_string());
            replaced = decoded.replaced;
            clean::text_paras(decoded.text, markdown, &mut noise)
        }
    };
    let paras = capitals::mark(web::drop_leftovers(inline::split(paras), &mut noise));
    if paras.is_empty() {
        return Err(fail(w::IMPORT_EMPTY.get().into()));
    }
    let paras = promote_title(paras);
    let lang = Lang::of_texts(paras.iter().map(|p| p.text.as_str()));
    // The document's language is known: when neither `--lang`, the config nor the locale chose
    // the interface's, the report's own does from here on, this summary's notes included.
    crate::words::settle_by_report(lang);
    if replaced > 0 {
        let word = plural(replaced, w::IMPORT_REPLACED_ONE, w::IMPORT_REPLACED);
        summary.warnings.push(word.fill(&[("n", &replaced)]));
    }

    let signed = cover::signature(&paras);
    let outline = outline::outline(paras);
    summary.levels = outline.styles.iter().map(ToString::to_string).collect();
    if outline.kept_as_text > 0 {
        let word = plural(outline.kept_as_text, w::IMPORT_OUT_OF_SEQUENCE_ONE, w::IMPORT_OUT_OF_SEQUENCE);
        summary.notes.push(word.fill(&[("n", &outline.kept_as_text)]));
    }
    let stem = file_stem(path);
    let fallback_title = options.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or(&stem);
    let mut built = build::build(outline, lang, fallback_title);
    // The paragraphs and the outline are gone, the sections made: their pages go back.
    crate::heap::release_free_memory();
    cover::add_signature(&mut built.meta, signed);
    summary.notes.extend(built.notes.iter().cloned());
    if noise.rubric_table && options.rubric.is_none() {
        summary.notes.push(tables::rubric_hint(path));
    }
    noise.title_repeats = built.repeated.len();
    noise.dropped.extend(built.repeated.iter().cloned());
    summary.skipped = noise.describe();
    summary.dropped = std::mem::take(&mut noise.dropped);
    summary.web = std::mem::take(&mut noise.web);

    let mut sections = built.sections;
    let (mut title, mut meta) = (built.title, built.meta);
    // The unit evaluated: `--unit`, else (with a rubric) the cover's, the title's or the text's.
    let unit = match &options.rubric {
        Some(_) => unit::find(options.unit.as_deref(), title.as_deref(), &meta, &sections),
        None => options.unit.as_deref().map(str::trim).filter(|u| !u.is_empty()).map(str::to_string),
    };
    if let Some(unit) = unit {
        match meta.iter_mut().find(|(k, _)| k == "unit") {
            Some(entry) => entry.1 = unit.clone(),
            None => meta.insert(0, ("unit".into(), unit.clone())),
        }
        // A generic title (市级部门（单位）…报告) names the unit in place of its words for one.
        if options.rubric.is_some() && options.title.is_none() {
            title = title.map(|t| if unit::is_generic(&t) { unit::titled(&unit, &t) } else { t });
        }
    }
    let mut rubric_name = None;
    if let Some(file) = &options.rubric {
        let rubric = rubric::parse(file).map_err(ImportError::Rubric)?;
        let text = if options.score_text { sections } else { skeleton::reading(sections) };
        sections = skeleton::rubric_sections(&rubric, scale.step.unwrap_or(DEFAULT_STEP));
        sections.extend(text);
        // Each indicator points to the passages to read first (with --score-text, the claims).
        let linked = evidence::link(&mut sections);
        summary.notes.push(
            crate::words::evidence::EVIDENCE_LINKED.fill(&[("n", &linked.linked), ("m", &linked.indicators)]),
        );
        summary.rubric = Some((rubric.indicators.len(), rubric.total()));
        summary.notes.extend(rubric.notes);
        summary.warnings.extend(rubric.warnings);
        rubric_name = Some(file.name.clone());
    }
    let draft = Draft { title, meta, sections, lang, rubric_name };
    finish(draft, options, path, summary, scale)
}

/// What an import made, before the options and the common fields are applied.
struct Draft {
    /// The document's own title, if it has one.
    title: Option<String>,
    meta: Vec<(String, String)>,
    sections: Vec<build::SectionFile>,
    lang: Lang,
    /// The scoring table's file name, when its indicators are what is scored.
    rubric_name: Option<String>,
}

/// The report file from a draft: `--title`/`--id` (else the document's title and the file
/// name), `meta` (`source`, `rubric`, `lang`), the scale, grades and reasons; checked by
/// `parse_report`.
fn finish(
    draft: Draft,
    options: &Options,
    path: &Path,
    mut summary: Summary,
    scale: ScaleFile,
) -> Result<Imported, ImportError> {
    let Draft { title, mut meta, sections, lang, rubric_name } = draft;
    let stem = file_stem(path);
    let title = match &options.title {
        Some(t) if t.trim().is_empty() => {
            return Err(ImportError::Option(w::OPTION_EMPTY.fill(&[("flag", &"--title")])));
        }
        Some(t) => t.trim().to_string(),
        None => title
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| if stem.is_empty() { untitled(lang).to_string() } else { stem.clone() }),
    };
    let id = match &options.id {
        Some(id) if id.trim().is_empty() => {
            return Err(ImportError::Option(w::OPTION_EMPTY.fill(&[("flag", &"--id")])));
        }
        Some(id) => id.trim().to_string(),
        None => slug(&stem),
    };
    let require_reasons = options.require_reasons.unwrap_or(rubric_name.is_some());
    summary.top_sections = sections.len();
    summary.sections = count_sections(&sections);
    summary.items = count_items(&sections);

    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if !file_name.is_empty() && !meta.iter().any(|(k, _)| k == "source") {
        meta.push(("source".into(), file_name));
    }
    if let Some(name) = rubric_name {
        let name = Path::new(&name).file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned());
        meta.push(("rubric".into(), name));
    }
    meta.retain(|(k, _)| k != "lang");
    meta.push(("lang".into(), lang.code().into()));
    let grades = (lang == Lang::Zh).then(|| {
        [(90.0, "优"), (80.0, "良"), (60.0, "中"), (0.0, "差")]
            .into_iter()
            .map(|(min, label)| GradeFile { min, label: label.into() })
            .collect()
    });
    let file = ReportFile {
        format: Some(FORMAT.into()),
        id,
        title,
        meta: Meta::texts(meta),
        scale: Some(scale),
        grades,
        require_note_below_max: require_reasons.then_some(true),
        sections,
    };
    // The sections are written and dropped a few at a time: their pages go back to the system
    // as the text grows, and the report read from the text below takes them again.
    let json = file.into_json_pretty(4 << 20, crate::heap::release_free_memory);
    crate::heap::release_free_memory();
    let (report, json) = parse_report_shared(json).map_err(|problems| {
        let first = problems.first().map(ToString::to_string).unwrap_or_default();
        ImportError::Document {
            file: summary.source.clone(),
            message: w::IMPORT_INTERNAL.fill(&[("first", &first)]),
        }
    })?;
    Ok(Imported { json, report, summary })
}

/// A scoring table given as the document (`appraise import 评分表.xlsx`): its indicators are
/// the report, with no text beside them; `None` for a CSV file that is not a scoring table
/// (it is read as text).
fn table_alone(
    bytes: &[u8],
    path: &Path,
    name: &str,
    options: &Options,
    scale: &ScaleFile,
) -> Option<Result<Imported, ImportError>> {
    let ext = extension(path);
    let text_table = matches!(ext.as_str(), "csv" | "tsv");
    if options.rubric.is_some() || !(text_table || rubric::is_workbook(bytes, &ext)) {
        return None;
    }
    let name = name.to_string();
    let file = RubricFile { name: name.clone(), bytes: bytes.to_vec(), sheet: options.sheet.clone() };
    let table = match rubric::parse(&file) {
        Ok(table) => table,
        Err(_) if text_table => return None,
        Err(e) => return Some(Err(ImportError::Rubric(e))),
    };
    // The table's language is known now: its notes again, in the words it settles on.
    crate::words::settle_by_report(table.lang);
    let table = rubric::parse(&file).unwrap_or(table);
    let format = if text_table { "CSV" } else { "Excel" };
    let mut summary = Summary { source: name.clone(), format, ..Summary::default() };
    summary.rubric = Some((table.indicators.len(), table.total()));
    summary.notes.extend(table.notes.iter().cloned());
    summary.notes.push(w::IMPORT_TABLE_ALONE.fill(&[("file", &name), ("flag", &"--rubric")]));
    summary.warnings.extend(table.warnings.iter().cloned());
    let sections = skeleton::rubric_sections(&table, scale.step.unwrap_or(DEFAULT_STEP));
    let draft = Draft {
        title: table.title.clone(),
        meta: Vec::new(),
        sections,
        lang: table.lang,
        rubric_name: Some(name),
    };
    Some(finish(draft, options, path, summary, *scale))
}

/// The default scale from the options, checked.
fn scale(options: &Options) -> Result<ScaleFile, String> {
    let max = options.max.unwrap_or(DEFAULT_MAX);
    let step = options.step.unwrap_or(DEFAULT_STEP.min(max));
    if !max.is_finite() || max <= 0.0 {
        return Err(w::OPTION_POSITIVE.fill(&[("flag", &"--max"), ("value", &max)]));
    }
    if !step.is_finite() || step <= 0.0 {
        return Err(w::OPTION_POSITIVE.fill(&[("flag", &"--step"), ("value", &step)]));
    }
    if step > max {
        return Err(w::OPTION_STEP_OVER_MAX.fill(&[
            ("step_flag", &"--step"),
            ("step", &step),
            ("max_flag", &"--max"),
            ("max", &max),
        ]));
    }
    Ok(ScaleFile { min: Some(0.0), max: Some(max), step: Some(step) })
}

fn pretty_encoding(name: &str) -> &str {
    match name {
        "gb18030" | "GBK" => "GB18030/GBK",
        other => other,
    }
}

/// Plain text with two or more `#` headings (or front matter) is read as Markdown.
fn looks_like_markdown(text: &str) -> bool {
    let headings = text
        .lines()
        .take(5000)
        .filter(|l| {
            let h = l.trim_start().chars().take_while(|&c| c == '#').count();
            (1..=6).contains(&h) && l.trim_start()[h..].starts_with(' ')
        })
        .count();
    headings >= 2 || (text.starts_with("---\n") && text[4..].contains("\n---"))
}

/// The first heading, when it is the only one at the top level and others follow, is the title.
fn promote_title(mut paras: Vec<Para>) -> Vec<Para> {
    if paras.iter().any(|p| p.kind == Kind::Title) {
        return paras;
    }
    let levels: Vec<u8> =
        paras.iter().filter_map(|p| if let Kind::Heading(l) = p.kind { Some(l) } else { None }).collect();
    let Some(&top) = levels.iter().min() else { return paras };
    let first = paras.iter().position(|p| matches!(p.kind, Kind::Heading(_)));
    let at_top = levels.iter().filter(|&&l| l == top).count();
    if let Some(i) = first
        && paras[i].kind == Kind::Heading(top)
        && at_top == 1
        && levels.len() >= 2
        && paras[..i].iter().all(|p| !matches!(p.kind, Kind::Text) || p.text.chars().count() <= 60)
    {
        paras[i].kind = Kind::Title;
    }
    paras
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().trim().to_string()).unwrap_or_default()
}

/// A report id from a file name: spaces to `-`, control characters out; `report` when empty.
/// The id an import of the document at `path` gets when none is given (from its file name).
pub fn default_id(path: &Path) -> String {
    slug(&file_stem(path))
}

fn slug(stem: &str) -> String {
    let mut out = String::new();
    for c in stem.trim().chars() {
        if c.is_whitespace() {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else if !c.is_control() {
            out.push(c);
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() { "report".into() } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("shaodong approval  bureau"), "shaodong-approval-bureau");
        assert_eq!(slug("邵东 报告"), "邵东-报告");
        assert_eq!(slug("  "), "report");
    }

    #[test]
    fn scale_options_are_checked() {
        let bad = |max, step| scale(&Options { max, step, ..Options::default() }).unwrap_err();
        assert!(bad(Some(0.0), None).contains("--max"));
        assert!(bad(Some(5.0), Some(-1.0)).contains("--step"));
        assert!(bad(Some(1.0), Some(2.0)).contains("must not be larger"));
        assert!(bad(Some(f64::NAN), None).contains("--max"));
        let s = scale(&Options { max: Some(0.25), ..Options::default() }).unwrap();
        assert_eq!(s.step, Some(0.25));
    }

    #[test]
    fn markdown_is_recognised_by_its_headings() {
        assert!(looks_like_markdown("# A\ntext\n## B\n"));
        assert!(!looks_like_markdown("#hashtag\n# one\n"));
    }
}
