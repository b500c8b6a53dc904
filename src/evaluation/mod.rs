//! An evaluation: a folder of reports scored on one rubric by a panel — what `appraise init DIR`
//! makes and `appraise DIR`, `summary DIR` and `export DIR` read.
//!
//! The folder is the evaluation; plain files are its database, shareable on one server or
//! through git:
//!
//! - `appraise.toml` — the evaluation's settings (title, rubric, step, method): [`settings`];
//! - every report document directly in the folder (`.txt .md .docx .pdf .json`, not the rubric,
//!   not the app's own files) is one report: [`scan`];
//! - a document is imported with the rubric on first use and again when it (or the rubric)
//!   changes; the imported report is kept in `.appraise/reports/`, so its ids stay stable and a
//!   re-import is byte-identical: [`imports`];
//! - each evaluator's scores are `DOCUMENT.NAME.scores.json` beside the document, and the
//!   panel's agreed scores `DOCUMENT.panel.scores.json`, as for a single report;
//! - what each report's scores come to — every evaluator's progress, the panel's 评价得分, grade
//!   and rank — is [`status`].

pub mod imports;
pub mod scan;
pub mod settings;
pub mod status;

pub use imports::{Prepared, prepare, report_of_document};
pub use scan::{Document, documents};
pub use settings::{FILE as SETTINGS_FILE, Settings};
pub use status::{EvaluatorStatus, ReportStatus, status};

use crate::text::shown;
use crate::words::evaluation as w;
use std::path::{Path, PathBuf};

/// The folder the app keeps its own files of an evaluation in (imported reports).
pub const APP_DIR: &str = ".appraise";

/// What is wrong with an evaluation folder, in one sentence naming the place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EvalError {
    /// The folder has no `appraise.toml`: not (yet) an evaluation.
    #[error("{}", w::NOT_AN_EVALUATION.fill(&[("dir", &shown(dir)), ("init", &"appraise init"), ("file", &SETTINGS_FILE)]))]
    NotAnEvaluation { dir: PathBuf },
    /// `appraise.toml` cannot be read or understood.
    #[error("{}", w::BAD_SETTINGS.fill(&[("path", &shown(path)), ("why", why)]))]
    BadSettings { path: PathBuf, why: String },
    /// The folder cannot be read.
    #[error("{}", crate::words::errors::CANNOT_READ.fill(&[("path", &shown(dir)), ("why", why)]))]
    Unreadable { dir: PathBuf, why: String },
}

/// An evaluation folder as read: its settings and its report documents, in name order.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub dir: PathBuf,
    pub settings: Settings,
    pub documents: Vec<Document>,
}

impl Evaluation {
    /// Reads the evaluation in `dir`: its settings, then the documents it holds now.
    pub fn open(dir: &Path) -> Result<Evaluation, EvalError> {
        let settings = Settings::read(dir)?;
        let documents = documents(dir, &settings)?;
        Ok(Evaluation { dir: dir.to_path_buf(), settings, documents })
    }

    /// Whether `dir` is an evaluation (it has an `appraise.toml`).
    pub fn is_evaluation(dir: &Path) -> bool {
        dir.join(SETTINGS_FILE).is_file()
    }

    /// The folder of the app's own files: `.appraise/`.
    pub fn app_dir(&self) -> PathBuf {
        self.dir.join(APP_DIR)
    }
}
