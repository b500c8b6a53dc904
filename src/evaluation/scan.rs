//! Which files of an evaluation folder are its reports: every document directly in the folder
//! (`.txt .md .docx .pdf .json`), but not the rubric, not `appraise.toml`, not the app's own
//! files (scores files and their side files, sheets, the `.appraise` folder) and not a JSON file
//! that is something else than a report (an exported sheet, a summary). Two documents that
//! would make reports of one id are both refused, each naming the other.

use super::{EvalError, Settings};
use crate::store::folder::{self, Kind};
use crate::text::shown;
use std::path::{Path, PathBuf};

/// One report of the evaluation, as its document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub path: PathBuf,
    /// The file's name (what the list and the 汇总表 call it when the report names no unit).
    pub name: String,
    /// The report's id: a report file's own, else the one its import will have.
    pub id: String,
    /// A report file (`.json`), used as it is; else a document to import.
    pub is_report: bool,
    /// Why it cannot be one of the evaluation's reports (another document makes the same id).
    pub problem: Option<String>,
}

/// Extensions of the documents an evaluation takes as reports.
const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "docx", "pdf", "json"];

/// The report documents in `dir`, in name order.
pub fn documents(dir: &Path, settings: &Settings) -> Result<Vec<Document>, EvalError> {
    let unreadable = |e: std::io::Error| EvalError::Unreadable {
        dir: dir.to_path_buf(),
        why: crate::io_error::message(&e),
    };
    let rubric = settings.rubric_in(dir).and_then(|r| std::fs::canonicalize(r).ok());
    let mut out = Vec::new();
    for (path, kind) in folder::scan(dir).map_err(unreadable)? {
        if kind != Kind::Other {
            continue; // scores files, the panel's, side files
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
        if !EXTENSIONS.contains(&ext.as_str()) || name == super::SETTINGS_FILE || name.starts_with('.') {
            continue;
        }
        if is_sheet(&name) {
            continue; // a sheet exported as Markdown beside its report
        }
        if rubric.as_ref().is_some_and(|r| std::fs::canonicalize(&path).is_ok_and(|p| p == *r)) {
            continue;
        }
        let (id, is_report) = if ext == "json" {
            match report_id(&path) {
                Some(id) => (id, true),
                None => continue, // a sheet, a summary, another program's JSON
            }
        } else {
            (crate::import::default_id(&path), false)
        };
        out.push(Document { path, name, id, is_report, problem: None });
    }
    name_clashes(&mut out);
    Ok(out)
}

/// One id, one report: every document of an id that another document makes too is refused
/// with one sentence naming them all (in name order, so each gets the same sentence and a list
/// can say it once). Made again by a caller once the interface's language is known.
pub fn name_clashes(out: &mut [Document]) {
    for k in 0..out.len() {
        let same: Vec<String> =
            out.iter().filter(|d| d.id == out[k].id).map(|d| shown(Path::new(&d.name)).to_string()).collect();
        if let [first, rest @ ..] = same.as_slice()
            && !rest.is_empty()
        {
            let problem = crate::words::evaluation::SAME_ID.fill(&[
                ("name", first),
                ("other", &rest.join(crate::words::errors::LIST_SEP.get())),
                ("id", &out[k].id),
            ]);
            out[k].problem = Some(problem);
        }
    }
}

/// A scoring sheet the app names (`r.张三.sheet.md`, `r.panel.md`): not a report, though its
/// extension is a document's.
fn is_sheet(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".sheet.md", ".sheet.markdown", ".panel.md", ".panel.markdown"].iter().any(|end| lower.ends_with(end))
}

/// The id of the report file at `path`, when it is one (`format` absent or
/// `appraise.report/1`, an `id` string); `None` for any other JSON.
fn report_id(path: &Path) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Top {
        #[serde(default)]
        format: Option<serde_json::Value>,
        #[serde(default)]
        id: Option<serde_json::Value>,
        #[serde(default)]
        sections: Option<serde::de::IgnoredAny>,
    }
    let (bytes, _) = crate::input::read(path, crate::input::Cap::DOCUMENT).ok()??;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    // A broken report is still one of the reports: its load says what is wrong.
    let Ok(top) = serde_json::from_slice::<Top>(bytes) else { return Some(crate::import::default_id(path)) };
    let is_report = match &top.format {
        None => top.sections.is_some(),
        Some(serde_json::Value::String(f)) => f == crate::report::file::FORMAT,
        Some(_) => false,
    };
    if !is_report {
        return None;
    }
    top.id.and_then(|v| v.as_str().map(str::to_string)).or_else(|| Some(crate::import::default_id(path)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_report_documents_are_reports() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        for name in ["a.txt", "b.md", "a.张三.sheet.md", "a.panel.md", "评分表.md", "notes.xlsx"] {
            write(name, "一、总体情况\n");
        }
        write("c.json", r#"{"format":"appraise.report/1","id":"c-id","title":"C","sections":[]}"#);
        write("a.sheet.json", r#"{"format":"appraise.sheet/1"}"#);
        write("a.张三.scores.json", "{}");
        write(".hidden.txt", "x");
        let settings = Settings { rubric: Some(PathBuf::from("评分表.md")), ..Settings::default() };
        let found = documents(dir.path(), &settings).unwrap();
        let names: Vec<(&str, &str, bool)> =
            found.iter().map(|d| (d.name.as_str(), d.id.as_str(), d.is_report)).collect();
        assert_eq!(names, [("a.txt", "a", false), ("b.md", "b", false), ("c.json", "c-id", true)]);
        assert!(found.iter().all(|d| d.problem.is_none()));

        // Two documents of one id: each refused with the one sentence naming both.
        write("a.md", "一、总体情况\n");
        let found = documents(dir.path(), &settings).unwrap();
        let clash: Vec<&str> = found.iter().filter_map(|d| d.problem.as_deref()).collect();
        assert_eq!(clash.len(), 2, "{found:?}");
        assert_eq!(clash[0], clash[1]);
        assert!(clash[0].contains("a.md") && clash[0].contains("a.txt"), "{}", clash[0]);
    }
}
