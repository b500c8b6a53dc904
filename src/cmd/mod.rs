//! The subcommands behind the command line: each takes its arguments and returns what went
//! wrong as a [`Failure`], which `main` prints once and turns into the exit code.

mod check;
mod completions;
mod config;
mod evaluation;
mod export;
mod export_dir;
pub mod flags;
mod r#gen;
mod import;
mod init;
mod manpage;
mod merge;
mod merge_inputs;
mod open;
mod panel;
mod progress;
mod search;
mod submitted;
mod summary;
mod summary_dir;

pub use check::{check, check_json};
pub use completions::completions;
pub use config::{default_config, default_config_text, show_broken_config, show_config};
pub use evaluation::evaluation;
pub use export::{ExportArgs, SheetOptions};
pub use r#gen::{DEFAULT_SEED, generate, generate_to};
pub use import::{ImportArgs, import, import_for_review, load_or_import, load_or_import_as};
pub use init::{InitArgs, init};
pub use manpage::{manpage, page as manual_page};
pub use merge::{DEFAULT_DISAGREE, MergeArgs, merge, panel_path};
pub use open::{OpenArgs, open, sheet_path, sheet_path_for};
pub use panel::{PanelArgs, panel, panel_scores_path};
pub use search::search;
pub use summary::{summary, summary_json};
pub use summary_dir::summary_dir;

/// `appraise export`: one evaluator's sheet of a report, or an evaluation folder's 汇总表.
pub fn export(args: &ExportArgs, stdout: &mut dyn Write) -> Result<(), Failure> {
    if args.report.is_dir() { export_dir::export_dir(args, stdout) } else { export::export(args, stdout) }
}

use std::fmt;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// The scores a command reads: `--scores` as given; with `--evaluator NAME`, that evaluator's
/// own file beside the report (found by the name inside, as a review finds it) — an error when
/// there is none; else `None` (the report's default).
pub fn scores_of(
    report: &Path,
    scores: Option<PathBuf>,
    evaluator: Option<&str>,
) -> Result<Option<PathBuf>, Failure> {
    let (Some(name), None) = (evaluator, &scores) else { return Ok(scores) };
    let refused = |e| name_refused(name, e);
    if import::is_stdin(report) {
        return Err(Failure::BadInput(
            crate::words::cli::EXPORT_STDIN_NEEDS_SCORES.fill(&[("scores", &"--scores")]),
        ));
    }
    let base = crate::store::default_scores_path(report);
    match crate::store::evaluator_file(&base, name).map_err(refused)? {
        (path, true) => Ok(Some(path)),
        (_, false) => Err(Failure::BadInput(crate::words::evaluators::NO_SHEET_OF.fill(&[
            ("report", &crate::text::shown(report)),
            ("name", &crate::text::sanitize(name)),
            ("pattern", &"*.scores.json"),
        ]))),
    }
}

/// Why `--evaluator NAME` cannot name an evaluator, in one sentence.
fn name_refused(name: &str, e: crate::store::NameError) -> Failure {
    Failure::BadInput(match e {
        crate::store::NameError::Empty => {
            crate::words::evaluators::EVALUATOR_EMPTY.fill(&[("flag", &"--evaluator")])
        }
        crate::store::NameError::Reserved => crate::words::evaluators::EVALUATOR_RESERVED.fill(&[
            ("name", &crate::text::sanitize(name.trim())),
            ("file", &format!("REPORT.{}.scores.json", crate::store::RESERVED)),
        ]),
    })
}

/// Standard output for a subcommand: once the reader has gone (a closed pipe, as in
/// `appraise gen --items 20000 | head`), the rest is dropped quietly, so the command ends as if
/// everything had been read — no "Broken pipe", exit 0.
pub struct Stdout {
    inner: std::io::Stdout,
    closed: bool,
}

/// The process's standard output as a [`Stdout`].
pub fn stdout() -> Stdout {
    Stdout { inner: std::io::stdout(), closed: false }
}

impl Stdout {
    /// Whether the reader has gone.
    pub fn closed(&self) -> bool {
        self.closed
    }

    fn quiet<T>(&mut self, result: std::io::Result<T>, gone: T) -> std::io::Result<T> {
        match result {
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(gone)
            }
            other => other,
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.quiet(result, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.quiet(result, ())
    }
}

/// Why a command failed: bad input (exit 2) or a runtime failure (exit 1); or, as grep and rg
/// say it, nothing was found (exit 1, nothing printed on stderr).
#[derive(Debug)]
pub enum Failure {
    BadInput(String),
    Runtime(String),
    NothingFound,
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::BadInput(_) => 2,
            Failure::Runtime(_) | Failure::NothingFound => 1,
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::BadInput(m) | Failure::Runtime(m) => f.write_str(m),
            Failure::NothingFound => Ok(()),
        }
    }
}

impl From<crate::report::LoadError> for Failure {
    fn from(e: crate::report::LoadError) -> Self {
        Failure::BadInput(e.to_string())
    }
}

impl From<crate::config::ConfigError> for Failure {
    fn from(e: crate::config::ConfigError) -> Self {
        Failure::BadInput(e.to_string())
    }
}

impl From<crate::store::OutputError> for Failure {
    fn from(e: crate::store::OutputError) -> Self {
        match e {
            refused @ crate::store::OutputError::Refused { .. } => Failure::BadInput(refused.to_string()),
            io @ crate::store::OutputError::Io { .. } => Failure::Runtime(io.to_string()),
        }
    }
}

impl From<crate::store::StoreError> for Failure {
    fn from(e: crate::store::StoreError) -> Self {
        Failure::BadInput(e.to_string())
    }
}
