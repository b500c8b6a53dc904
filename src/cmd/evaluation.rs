//! `appraise DIR [--evaluator NAME]`: the evaluation's list of reports. Who is reviewing is
//! settled first (the flag, the configuration, else asked once on the plain terminal and
//! offered to be remembered), so each report's scores go to that evaluator's own file beside
//! it and two experts never share one. Then the list, until the user quits: `Enter` reviews the
//! row's report with the usual panes and keys (`q`/`Esc` come back), `p` opens its panel view;
//! back in the list, the cursor is on the same row.

use super::open::{login_name, remember};
use super::{Failure, OpenArgs, PanelArgs};
use crate::evaluation::Evaluation;
use crate::text::{sanitize, shown};
use crate::tui::app::Level;
use crate::tui::list::refresh::Refresher;
use crate::tui::list::{ListApp, Open};
use crate::words::{cli, list as w};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Opens the list of the evaluation in `dir`; `open` carries the review's options (theme, keys,
/// configuration, `--evaluator`), used for every report reviewed from the list.
pub fn evaluation(dir: &Path, open: OpenArgs) -> Result<(), Failure> {
    let eval = Evaluation::open(dir).map_err(|e| Failure::BadInput(e.to_string()))?;
    // Unless the flag, configuration or locale chose, the list speaks the evaluation's language:
    // its rubric's, else its title's (the reports are read only after the first frame).
    crate::words::settle_by_report(crate::lang::Lang::of_texts([eval.settings.title.as_str()]));
    super::init::settle_by_rubric(&eval);
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::BadInput(cli::NEEDS_TERMINAL.fill(&[("check", &"summary")])));
    }
    let me = match open.evaluator.clone().or_else(|| open.config.evaluator.clone()) {
        Some(name) => name,
        None => ask_name(dir, &open.config)?,
    };
    super::open::check_name(&me)?;
    let title = if eval.settings.title.trim().is_empty() {
        std::fs::canonicalize(dir)
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| shown(dir).to_string())
    } else {
        eval.settings.title.clone()
    };
    let mut list = ListApp::new(title, dir.to_path_buf(), Some(me.clone()), &eval.documents);
    list.keymap = open.keymap.clone();
    list.theme = open.theme.clone();
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    let signals = [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];
    #[cfg(not(unix))]
    let signals = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];
    for signal in signals {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(|e| {
            Failure::Runtime(
                cli::TERMINAL_ERROR.fill(&[("error", &crate::io_error::detail(&e)), ("path", &shown(dir))]),
            )
        })?;
    }
    let refresher = Refresher::spawn(dir.to_path_buf());
    let terminal_failed = |e: std::io::Error| {
        Failure::Runtime(
            cli::TERMINAL_ERROR.fill(&[("error", &crate::io_error::detail(&e)), ("path", &shown(dir))]),
        )
    };
    loop {
        let opened =
            crate::tui::list::run::run(&mut list, &refresher, open.ansi16, &stop).map_err(terminal_failed)?;
        let Some(what) = opened else { return Ok(()) };
        let (Open::Review(i) | Open::Panel(i)) = what;
        let row = list.rows[i].clone();
        let imported = row.report_path.clone().filter(|p| *p != row.document);
        let args = OpenArgs {
            report: Some(row.document.clone()),
            imported: imported.clone(),
            esc_leaves: true,
            scores: None,
            evaluator: Some(me.clone()),
            encoding: None,
            read_only: open.read_only,
            mouse: open.mouse,
            config: open.config.clone(),
            keymap: open.keymap.clone(),
            theme: open.theme.clone(),
            ansi16: open.ansi16,
            panel: None,
            export: None,
        };
        let result = match what {
            Open::Review(_) => super::open(args),
            Open::Panel(_) => {
                let panel = PanelArgs {
                    report: row.document.clone(),
                    scores: Vec::new(),
                    trim: eval.settings.method() == crate::export::Method::TrimmedMean,
                    disagree: Some(eval.settings.disagree_percent().to_string()),
                    imported,
                };
                super::panel(&panel, args)
            }
        };
        match result {
            Ok(()) => list.message = None,
            Err(f) => {
                let why = f.to_string();
                list.say(Level::Warn, w::OPEN_FAILED.fill(&[("file", &row.file), ("why", &why.trim())]));
            }
        }
        if stop.load(std::sync::atomic::Ordering::SeqCst) {
            return Ok(());
        }
    }
}

/// Asks on the plain terminal who is reviewing (the login name by default), and offers to
/// remember the answer in the configuration.
fn ask_name(dir: &Path, config: &crate::config::Config) -> Result<String, Failure> {
    let login = login_name();
    let ask = match &login {
        Some(l) => w::ASK_NAME.fill(&[("login", &sanitize(l))]),
        None => w::ASK_NAME_NO_LOGIN.get().to_string(),
    };
    let _ = write!(std::io::stderr(), "appraise: {ask}");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    let name = match answer.trim() {
        "" => login,
        given => Some(given.to_string()),
    };
    let Some(name) = name else {
        return Err(Failure::BadInput(w::NAME_NEEDED.fill(&[
            ("dir", &shown(dir)),
            ("flag", &"--evaluator"),
            ("key", &"evaluator"),
        ])));
    };
    super::open::check_name(&name)?;
    remember(config, &name);
    Ok(name)
}
