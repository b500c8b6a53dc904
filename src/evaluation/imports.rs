//! Each document of an evaluation as a report: a report file as it is; any other document
//! imported with the evaluation's rubric on first use, and again only when the document or the
//! rubric changed. The import is kept in `.appraise/reports/NAME.json` with a stamp of what it
//! was made from (`NAME.stamp`: the document's and the rubric's SHA-256, and the document's size
//! and modification time, so an unchanged document is not even read again). The import is
//! deterministic, so ids stay stable and a re-import of an unchanged document is byte-identical.

use super::{Document, Evaluation};
use crate::import::{Options, RubricFile, import_bytes};
use crate::report::Report;
use crate::text::shown;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A document made ready to score: its report (or why it cannot be one), where the report file
/// is, and whether it was imported just now.
#[derive(Debug)]
pub struct Prepared {
    pub document: Document,
    /// The report file: the document itself, or its import in `.appraise/reports/`.
    pub report_path: Option<PathBuf>,
    pub report: Result<Report, String>,
    pub imported_now: bool,
}

/// The report a document of an evaluation is scored as, when `path` is one (a document other
/// than a report file, directly in a folder with an `appraise.toml`): its import with the
/// evaluation's rubric — the one the list opens, so the ids of every evaluator's scores match
/// however the document was opened. `None` for a file outside any evaluation; `Err` with one
/// sentence when the document cannot be the evaluation's report.
pub fn report_of_document(path: &Path) -> Option<Result<PathBuf, String>> {
    let dir = match path.parent() {
        Some(p) if p.as_os_str().is_empty() => Path::new("."),
        Some(p) => p,
        None => return None,
    };
    if !Evaluation::is_evaluation(dir) {
        return None;
    }
    let name = path.file_name()?.to_string_lossy().into_owned();
    let mut eval = match Evaluation::open(dir) {
        Ok(eval) => eval,
        Err(e) => return Some(Err(e.to_string())),
    };
    eval.documents.retain(|d| d.name == name && !d.is_report);
    let prepared = prepare(&eval, &mut |_, _, _| {}).pop()?;
    match (prepared.report, prepared.report_path) {
        (Ok(_), Some(report)) => Some(Ok(report)),
        (Err(why), _) => Some(Err(why)),
        (Ok(_), None) => None,
    }
}

/// What an import was made from.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Stamp {
    sha256: String,
    rubric_sha256: String,
    len: u64,
    modified_ns: u128,
    /// The app's version that made it (another version may import differently).
    made_by: String,
}

/// Every document of `eval` as a report, importing what needs it; `progress(k, n, name)` is
/// told before each document (so a caller can show how far it is).
pub fn prepare(eval: &Evaluation, progress: &mut dyn FnMut(usize, usize, &str)) -> Vec<Prepared> {
    let rubric = eval.settings.rubric_in(&eval.dir).map(|path| {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = crate::input::read(&path, crate::input::Cap::DOCUMENT)
            .map_err(|e| {
                crate::words::errors::CANNOT_READ
                    .fill(&[("path", &shown(&path)), ("why", &crate::io_error::message(&e))])
            })
            .and_then(|read| {
                read.map(|(b, _)| b).ok_or_else(|| {
                    let why = crate::words::errors::IO_NOT_FOUND.get();
                    crate::words::errors::CANNOT_READ.fill(&[("path", &shown(&path)), ("why", &why)])
                })
            });
        (name, bytes)
    });
    let reports = eval.app_dir().join("reports");
    let n = eval.documents.len();
    let mut out = Vec::with_capacity(n);
    for (k, doc) in eval.documents.iter().enumerate() {
        progress(k, n, &doc.name);
        let mut prepared = Prepared {
            document: doc.clone(),
            report_path: None,
            report: Err(String::new()),
            imported_now: false,
        };
        if let Some(problem) = &doc.problem {
            prepared.report = Err(problem.clone());
        } else if doc.is_report {
            prepared.report_path = Some(doc.path.clone());
            prepared.report = crate::report::load_report(&doc.path).map_err(|e| e.to_string());
        } else {
            match &rubric {
                Some((_, Err(why))) => prepared.report = Err(why.clone()),
                _ => {
                    let rubric =
                        rubric.as_ref().map(|(name, b)| (name.as_str(), b.as_deref().unwrap_or_default()));
                    let json = reports.join(format!("{}.json", doc.name));
                    match import_cached(doc, &json, rubric, &eval.settings) {
                        Ok((report, now)) => {
                            prepared.report_path = Some(json);
                            prepared.report = Ok(report);
                            prepared.imported_now = now;
                        }
                        Err(why) => prepared.report = Err(why),
                    }
                }
            }
        }
        out.push(prepared);
    }
    out
}

/// The import of `doc` kept at `json`, made again when the document or the rubric changed;
/// whether it was made now.
fn import_cached(
    doc: &Document,
    json: &Path,
    rubric: Option<(&str, &[u8])>,
    settings: &super::Settings,
) -> Result<(Report, bool), String> {
    let stamp_path = json.with_extension("stamp");
    let meta = std::fs::metadata(&doc.path).map_err(|e| {
        crate::words::errors::CANNOT_READ
            .fill(&[("path", &shown(&doc.path)), ("why", &crate::io_error::message(&e))])
    })?;
    let modified_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let rubric_sha = rubric.map(|(_, b)| hex(&Sha256::digest(b))).unwrap_or_default();
    let made_by = env!("CARGO_PKG_VERSION").to_string();
    // Read as every input is (a regular file only, never blocking, capped): a stamp that is
    // not one (a FIFO, a device, garbage) is no stamp, and the document is imported again.
    let kept: Option<Stamp> = crate::input::read(&stamp_path, crate::input::Cap::CONFIG)
        .ok()
        .flatten()
        .and_then(|(b, _)| serde_json::from_slice(&b).ok());
    let cached = || crate::report::load_report(json).ok();
    // Unchanged by its size and time: not even read.
    if let Some(k) = &kept
        && k.len == meta.len()
        && k.modified_ns == modified_ns
        && k.rubric_sha256 == rubric_sha
        && k.made_by == made_by
        && let Some(report) = cached()
    {
        return Ok((report, false));
    }
    let read = crate::input::read(&doc.path, crate::input::Cap::DOCUMENT).map_err(|e| {
        crate::words::errors::CANNOT_READ
            .fill(&[("path", &shown(&doc.path)), ("why", &crate::io_error::message(&e))])
    })?;
    let Some((bytes, _)) = read else {
        let why = crate::words::errors::IO_NOT_FOUND.get();
        return Err(crate::words::errors::CANNOT_READ.fill(&[("path", &shown(&doc.path)), ("why", &why)]));
    };
    let sha = hex(&Sha256::digest(&bytes));
    let stamp = Stamp {
        sha256: sha.clone(),
        rubric_sha256: rubric_sha.clone(),
        len: meta.len(),
        modified_ns,
        made_by,
    };
    // Touched but the same bytes (a copy, a checkout): the import stands; the stamp is renewed.
    if let Some(k) = &kept
        && k.sha256 == sha
        && k.rubric_sha256 == rubric_sha
        && k.made_by == stamp.made_by
        && let Some(report) = cached()
    {
        let _ = write(&stamp_path, &serde_json::to_vec(&stamp).unwrap_or_default());
        return Ok((report, false));
    }
    let options = Options {
        rubric: rubric.map(|(name, b)| RubricFile {
            name: name.to_string(),
            bytes: b.to_vec(),
            sheet: settings.sheet.clone(),
        }),
        step: settings.step,
        ..Options::default()
    };
    let imported = import_bytes(&bytes, &doc.path, &options).map_err(|e| e.to_string())?;
    write(json, imported.json.as_bytes())
        .and_then(|()| write(&stamp_path, &serde_json::to_vec(&stamp).unwrap_or_default()))
        .map_err(|e| {
            crate::words::errors::CANNOT_WRITE
                .fill(&[("path", &shown(json)), ("why", &crate::io_error::message(&e))])
        })?;
    Ok((imported.report, true))
}

/// Writes `bytes` to `path` atomically, making its folder.
fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::store::write_atomic(path, bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
