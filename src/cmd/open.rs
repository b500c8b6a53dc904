//! `appraise [REPORT]`: load the report (or the built-in sample) and its scores, report every
//! input problem on the plain terminal, then review it full-screen.

use super::Failure;
use crate::config::Config;
use crate::export::{Lang, sheet_table, to_xlsx, write_csv};
use crate::report::{Report, parse_report};
use crate::scores::Scores;
use crate::store::{
    Journal, Lock, LockError, acquire, default_scores_path, io_message, journal_path, load_scores, replay,
    write_atomic, write_atomic_with,
};
use crate::text::sanitize;
use crate::theme::Theme;
use crate::tui::{self, app::App, app::Level};
use ratatui::layout::Rect;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Writes a line to stderr; if the terminal is gone (after SIGHUP) there is no one to tell,
/// and that must not turn into a panic.
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

macro_rules! note_inline {
    ($($arg:tt)*) => {{
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

/// The Shaodong report, compiled in, opened by `appraise` with no arguments.
pub const SAMPLE: &str = include_str!("../../fixtures/shaodong-2022.json");

#[derive(Debug, Default)]
pub struct OpenArgs {
    pub report: Option<PathBuf>,
    pub scores: Option<PathBuf>,
    pub evaluator: Option<String>,
    pub read_only: bool,
    pub mouse: bool,
    pub config: Config,
    /// Already mapped to the terminal's colour depth.
    pub theme: Theme,
    /// The terminal has 16 colours or none: colour codes are written the classic way.
    pub ansi16: bool,
}

pub fn open(args: OpenArgs) -> Result<(), Failure> {
    let (report, scores_path) = match &args.report {
        Some(path) => {
            let report = super::load_or_import(path, &mut std::io::stderr())?;
            let scores = args.scores.clone().unwrap_or_else(|| default_scores_path(path));
            (report, scores)
        }
        None => (sample()?, args.scores.clone().map_or_else(sample_scores_path, Ok)?),
    };
    // Absolute, so the info page and the exit message say exactly where the scores are.
    let scores_path = std::path::absolute(&scores_path).unwrap_or(scores_path);
    // Every input problem is reported before anything else, a terminal or not (the scores
    // are read again once the lock is held).
    load_scores(&scores_path, &report)?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::BadInput(
            "appraise needs an interactive terminal to review a report (standard input or output is not a terminal); use `appraise check` in scripts".into(),
        ));
    }
    // --evaluator, else the config file's name; else the scores file's, else the login name.
    let named = args.evaluator.clone().or_else(|| args.config.evaluator.clone());
    let who = named.clone().or_else(login_name).unwrap_or_else(|| "someone".into());
    let mut read_only = args.read_only;
    let _lock = if read_only { None } else { take_lock(&scores_path, &who, &mut read_only)? };

    let (mut scores, mut warnings) = match load_scores(&scores_path, &report)? {
        Some(loaded) => (loaded.scores, loaded.warnings),
        None => (Scores::new(&report), Vec::new()),
    };
    let journal_file = journal_path(&scores_path);
    let recovered = replay(&journal_file, &report, &mut scores).map_err(|e| {
        Failure::BadInput(format!(
            "cannot read the recovery journal {}: {}; move it away to start without it",
            journal_file.display(),
            io_message(&e)
        ))
    })?;
    let journal = if read_only {
        None
    } else {
        match Journal::open(&journal_file) {
            Ok(j) => Some(j),
            Err(e) => {
                warnings.push(format!(
                    "cannot write the recovery journal {} ({}); a crash could lose unsaved edits",
                    journal_file.display(),
                    io_message(&e)
                ));
                None
            }
        }
    };
    for w in &warnings {
        note!("appraise: {}: {}", scores_path.display(), sanitize(w));
    }
    if let Some(name) = named.or_else(|| if scores.evaluator.is_none() { login_name() } else { None }) {
        scores.evaluator = Some(name);
    }
    let (w, h) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(report, scores, scores_path.clone(), Rect::new(0, 0, w, h));
    app.read_only = read_only;
    app.keymap = args.config.keymap.clone();
    app.theme = args.theme.clone();
    if let Some(first) = warnings.first() {
        let more = if warnings.len() > 1 {
            format!(" (+{} more, shown on exit)", warnings.len() - 1)
        } else {
            String::new()
        };
        app.say_sticky(Level::Warn, format!("{first}{more} — Esc dismisses"));
    }
    if recovered > 0 {
        app.recovered(recovered);
    }
    let options =
        tui::Options { mouse: args.mouse, autosave_delay: args.config.autosave_delay, ansi16: args.ansi16 };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        tui::run(&mut app, journal, export_beside, &options)
    }));
    let result = match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => {
            // The terminal went away or failed: keep the work, then say so.
            let _ = tui::save(&app);
            Err(Failure::Runtime(format!("terminal error: {e}; scores are in {}", scores_path.display())))
        }
        Err(_) => {
            tui::restore_after_panic();
            let saved = if app.read_only { Ok(()) } else { tui::save(&app) };
            let whereto = match saved {
                Ok(()) => format!("your scores are saved in {}", scores_path.display()),
                Err(_) => format!("your edits are kept in the recovery journal {}", journal_file.display()),
            };
            Err(Failure::Runtime(format!(
                "stopped by an internal error (a bug, please report it); {whereto}"
            )))
        }
    };
    for w in warnings.iter().skip(1) {
        note!("appraise: {}: {}", scores_path.display(), sanitize(w));
    }
    result?;
    if !app.read_only {
        if app.has_unsaved() {
            note!(
                "appraise: your last changes were NOT saved to {}; they are kept in {} and come back when you open the report again",
                scores_path.display(),
                journal_file.display()
            );
            return Err(Failure::Runtime("quit without saving after a failed save".into()));
        }
        // Everything is in the scores file: the (empty) journal is not needed any more.
        if std::fs::metadata(&journal_file).is_ok_and(|m| m.len() == 0) {
            let _ = std::fs::remove_file(&journal_file);
        }
        note!("Scores saved in {}", scores_path.display());
    }
    Ok(())
}

/// Takes the scores file's lock; when another instance holds it, asks whether to look read-only.
fn take_lock(scores: &Path, who: &str, read_only: &mut bool) -> Result<Option<Lock>, Failure> {
    match acquire(scores, who) {
        Ok(lock) => Ok(Some(lock)),
        Err(LockError::Held { holder }) => {
            let holder = sanitize(&holder).into_owned();
            note_inline!(
                "{} is open for scoring by {holder}. Open it read-only (nothing is saved)? [y/N] ",
                scores.display()
            );
            let _ = std::io::stderr().flush();
            let mut answer = String::new();
            let _ = std::io::stdin().read_line(&mut answer);
            if matches!(answer.trim(), "y" | "Y" | "yes" | "是") {
                *read_only = true;
                Ok(None)
            } else {
                Err(Failure::BadInput(format!(
                    "{} is being scored by {holder}; close that appraise first, or use --read-only to look",
                    scores.display()
                )))
            }
        }
        // No lock possible (a read-only directory, say): go on; saving will say what is wrong.
        Err(LockError::Io(_)) => Ok(None),
    }
}

fn sample() -> Result<Report, Failure> {
    parse_report(SAMPLE.as_bytes())
        .map_err(|p| Failure::Runtime(format!("the built-in sample report is invalid: {}", p[0])))
}

/// The sample's scores live in the user data directory (e.g. ~/.local/share/appraise).
fn sample_scores_path() -> Result<PathBuf, Failure> {
    let dirs = directories::ProjectDirs::from("", "", "appraise").ok_or_else(|| {
        Failure::Runtime("cannot find your home directory for the sample's scores; pass --scores PATH".into())
    })?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Runtime(format!("cannot create {}: {e}; pass --scores PATH", dir.display())))?;
    Ok(dir.join("shaodong-2022.scores.json"))
}

fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"].iter().find_map(|v| std::env::var(v).ok()).filter(|s| !s.is_empty())
}

/// `q.scores.json` → `q.sheet.EXT` (`xlsx`, `csv`…), beside it.
pub fn sheet_path(scores: &Path, ext: &str) -> PathBuf {
    let name = scores.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".scores.json").or_else(|| name.strip_suffix(".json")).unwrap_or(&name);
    scores.with_file_name(format!("{stem}.sheet.{ext}"))
}

/// `E`: the sheet beside the scores file as xlsx and as csv (UTF-8 with a BOM); says where.
fn export_beside(report: &Report, scores: &Scores, scores_path: &Path) -> Result<String, String> {
    let table = sheet_table(report, scores, Lang::of(report));
    let xlsx = sheet_path(scores_path, "xlsx");
    let csv = sheet_path(scores_path, "csv");
    let failed =
        |path: &Path, e: std::io::Error| format!("{}: {}", path.display(), crate::store::io_message(&e));
    let bytes = to_xlsx(&table).map_err(|e| format!("{}: {e}", xlsx.display()))?;
    write_atomic(&xlsx, &bytes).map_err(|e| failed(&xlsx, e))?;
    drop(bytes);
    // The CSV goes straight into the file, row by row.
    write_atomic_with(&csv, |file| {
        write_csv(&table, true, std::io::BufWriter::new(file)).map_err(Into::into)
    })
    .map_err(|e| failed(&csv, e))?;
    let csv_name = csv.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(format!("{} and {csv_name}", xlsx.display()))
}
