//! `appraise [REPORT]`: load the report (or the built-in sample) and its scores, report every
//! input problem on the plain terminal, then review it full-screen.

use super::{Failure, require_json};
use crate::export::{Lang, sheet, to_csv};
use crate::report::{Report, load_report, parse_report};
use crate::scores::Scores;
use crate::store::{default_scores_path, load_scores, write_atomic};
use crate::tui::{self, app::App, app::Level};
use ratatui::layout::Rect;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The Shaodong report, compiled in, opened by `appraise` with no arguments.
pub const SAMPLE: &str = include_str!("../../fixtures/shaodong-2022.json");

#[derive(Debug, Default)]
pub struct OpenArgs {
    pub report: Option<PathBuf>,
    pub scores: Option<PathBuf>,
    pub evaluator: Option<String>,
    pub read_only: bool,
}

pub fn open(args: OpenArgs) -> Result<(), Failure> {
    let (report, scores_path) = match &args.report {
        Some(path) => {
            require_json(path)?;
            let report = load_report(path)?;
            let scores = args.scores.clone().unwrap_or_else(|| default_scores_path(path));
            (report, scores)
        }
        None => (sample()?, args.scores.clone().map_or_else(sample_scores_path, Ok)?),
    };
    // Absolute, so the info page and the exit message say exactly where the scores are.
    let scores_path = std::path::absolute(&scores_path).unwrap_or(scores_path);
    let (mut scores, warnings) = match load_scores(&scores_path, &report)? {
        Some(loaded) => (loaded.scores, loaded.warnings),
        None => (Scores::new(&report), Vec::new()),
    };
    for w in &warnings {
        eprintln!("appraise: {}: {w}", scores_path.display());
    }
    if let Some(name) = args
        .evaluator
        .clone()
        .or_else(login_name)
        .filter(|_| scores.evaluator.is_none() || args.evaluator.is_some())
    {
        scores.evaluator = Some(name);
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::BadInput(
            "appraise needs an interactive terminal to review a report (standard input or output is not a terminal); use `appraise check` in scripts".into(),
        ));
    }
    let (w, h) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(report, scores, scores_path.clone(), Rect::new(0, 0, w, h));
    app.read_only = args.read_only;
    if let Some(first) = warnings.first() {
        let more = if warnings.len() > 1 {
            format!(" (+{} more, shown on exit)", warnings.len() - 1)
        } else {
            String::new()
        };
        app.say_sticky(Level::Warn, format!("{first}{more} — Esc dismisses"));
    }
    tui::run(&mut app, &export_beside).map_err(|e| Failure::Runtime(format!("terminal error: {e}")))?;
    for w in warnings.iter().skip(1) {
        eprintln!("appraise: {}: {w}", scores_path.display());
    }
    if !app.read_only {
        if app.has_unsaved() {
            eprintln!("appraise: your last changes were NOT saved to {}", scores_path.display());
            return Err(Failure::Runtime("quit without saving after a failed save".into()));
        }
        eprintln!("Scores saved in {}", scores_path.display());
    }
    Ok(())
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

/// `q.scores.json` → `q.sheet.csv`, beside it.
pub fn sheet_path(scores: &Path) -> PathBuf {
    let name = scores.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".scores.json").or_else(|| name.strip_suffix(".json")).unwrap_or(&name);
    scores.with_file_name(format!("{stem}.sheet.csv"))
}

fn export_beside(app: &App) -> Result<String, String> {
    let path = sheet_path(&app.scores_path);
    let bytes =
        to_csv(&sheet(&app.report, &app.scores, Lang::of(&app.report)), true).map_err(|e| e.to_string())?;
    write_atomic(&path, &bytes)
        .map_err(|e| format!("{}: {}", path.display(), crate::store::io_message(&e)))?;
    Ok(path.display().to_string())
}
