//! `appraise [REPORT]`: load the report (or the built-in sample) and its scores, report every
//! input problem on the plain terminal, then review it full-screen.

use super::Failure;
use crate::config::Config;
use crate::export::{Lang, sheet_table, to_xlsx, write_csv};
use crate::report::{Report, parse_report};
use crate::scores::{Handover, Scores, now_rfc3339};
use crate::store::{
    Journal, Lock, LockError, NameError, RESERVED, Writer, acquire, check_side, default_scores_path,
    evaluator_file, journal_path, keep_conflict, keep_rejected, load_scores, own_scores_file, remove_if_same,
    remove_stale_temps, replay, scores_location, write_output,
};
use crate::text::{sanitize, shown};
use crate::theme::Theme;
use crate::tui::keymap::Keymap;
use crate::tui::{self, app::App, app::Level};
use crate::words::cli;
use crate::words::evaluators as ev;
use ratatui::layout::Rect;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
pub const SAMPLE: &str = include_str!("../../fixtures/sample.json");

#[derive(Default)]
pub struct OpenArgs {
    pub report: Option<PathBuf>,
    /// In an evaluation: the file `report` (the document) was imported to with the rubric. The
    /// report is read from it; the scores files are named from the document.
    pub imported: Option<PathBuf>,
    /// Esc with no message to dismiss leaves, as `q` does (a review opened from a list).
    pub esc_leaves: bool,
    pub scores: Option<PathBuf>,
    pub evaluator: Option<String>,
    /// A document's text encoding, when it is imported on the fly (`--encoding`).
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub read_only: bool,
    pub mouse: bool,
    pub config: Config,
    /// The configuration's key map (checked before anything else is done).
    pub keymap: Keymap,
    /// Already mapped to the terminal's colour depth.
    pub theme: Theme,
    /// The terminal has 16 colours or none: colour codes are written the classic way.
    pub ansi16: bool,
    /// The chair's view (`appraise panel`): the evaluators' scores and their watcher.
    pub panel: Option<(crate::panel::Panel, crate::panel::Watch)>,
    /// What `E` writes, when not one evaluator's sheet beside the scores file.
    pub export: Option<crate::tui::exporter::ExportFn>,
}

pub fn open(args: OpenArgs) -> Result<(), Failure> {
    // --evaluator, else the config file's name: a name given on purpose, which decides whose
    // file is opened (the login name never does).
    let named = args.evaluator.clone().or_else(|| args.config.evaluator.clone());
    if let Some(name) = &named {
        check_name(name)?;
    }
    let (report, base) = match &args.report {
        Some(path) => {
            let file = args.imported.as_ref().unwrap_or(path);
            let report = super::load_or_import_as(file, args.encoding, &mut std::io::stderr())?;
            (report, Some(default_scores_path(path)))
        }
        None if args.scores.is_none() => (sample()?, Some(sample_scores_path()?)),
        None => (sample()?, None),
    };
    let mut read_only = args.read_only;
    let mut named = named;
    let requested = match (args.scores.clone(), &base) {
        (Some(path), _) => path,
        // A name given on purpose: that evaluator's own file, found by the name inside (a
        // renamed sheet too), else `q.NAME.scores.json`, made at the first edit — never another
        // evaluator's, so never held up by another evaluator's lock.
        (None, Some(base)) => match &named {
            Some(name) => evaluator_file(base, name).map_err(|e| name_refused(name, e))?.0,
            None => {
                let (path, chosen) = unnamed_file(base, &args.config, &mut read_only)?;
                named = chosen;
                path
            }
        },
        (None, None) => sample_scores_path()?,
    };
    // The real file, absolute and with links followed: every name of one scores file shares
    // one lock, journal and temp files, and the info page and exit message say where it is.
    let mut scores_path = scores_location(&requested).map_err(Failure::BadInput)?;
    // Every input problem is reported before anything else, a terminal or not (the scores
    // are read again once the lock is held).
    let found = load_scores(&scores_path, &report)?;
    // Someone else's sheet, opened under a name given on purpose: asked below, never taken over
    // silently.
    let theirs =
        found.and_then(|l| l.scores.head.evaluator).filter(|t| named.as_ref().is_some_and(|n| n != t));
    if let (Some(theirs), Some(name)) = (&theirs, &named)
        && !args.read_only
        && !std::io::stdin().is_terminal()
    {
        return Err(Failure::BadInput(ev::TAKEOVER_NO_TERMINAL.fill(&[
            ("path", &shown(&scores_path)),
            ("theirs", &sanitize(theirs)),
            ("name", &sanitize(name)),
            ("ro", &"--read-only"),
            ("scores", &"--scores"),
            ("evaluator", &"--evaluator"),
        ])));
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::BadInput(cli::NEEDS_TERMINAL.fill(&[("check", &"check")])));
    }
    let who = named.clone().or_else(login_name).unwrap_or_else(|| cli::SOMEONE.get().into());
    let mut lock = if read_only { None } else { take_lock(&scores_path, &who, &mut read_only)? };
    // What the evaluator chose about someone else's sheet (asked once the lock is held, so a
    // sheet open elsewhere is only ever looked at).
    let mut took_over = None;
    let mut left_alone = None;
    if let (Some(theirs), Some(name), false) = (&theirs, &named, read_only) {
        let own_base = base.clone().unwrap_or_else(|| scores_path.clone());
        let (own, _) = own_scores_file(&own_base, name).map_err(|e| name_refused(name, e))?;
        match ask_takeover(&scores_path, theirs, name, &own)? {
            Takeover::ReadOnly => {
                lock = None;
                read_only = true;
            }
            Takeover::Own => {
                drop(lock.take());
                scores_path = scores_location(&own).map_err(Failure::BadInput)?;
                load_scores(&scores_path, &report)?;
                lock = take_lock(&scores_path, &who, &mut read_only)?;
                left_alone = Some(theirs.clone());
            }
            Takeover::TakeOver => {
                took_over = Some(Handover {
                    from: theirs.clone(),
                    to: name.clone(),
                    at: now_rfc3339(),
                    ..Handover::default()
                });
            }
        }
    }
    let journal_file = journal_path(&scores_path);
    check_side(&journal_file, cli::THE_JOURNAL.get()).map_err(Failure::BadInput)?;
    if lock.is_some() {
        // What a killed save or export of this file left behind (ours: the lock is held).
        for path in [scores_path.clone(), sheet_path(&scores_path, "xlsx"), sheet_path(&scores_path, "csv")] {
            remove_stale_temps(&path);
        }
    }

    let report = Arc::new(report);
    let loaded = load_scores(&scores_path, &report)?;
    let writer = Arc::new(Mutex::new(Writer::new(scores_path.clone(), Arc::clone(&report), loaded.as_ref())));
    let (mut scores, mut warnings) = match loaded {
        Some(loaded) => (loaded.scores, loaded.warnings),
        None => (Scores::new(&report), Vec::new()),
    };
    let replayed = replay(&journal_file, &report, &mut scores).map_err(|e| {
        Failure::BadInput(
            cli::JOURNAL_UNREADABLE
                .fill(&[("path", &shown(&journal_file)), ("why", &crate::io_error::message(&e))]),
        )
    })?;
    if let Some(first) = replayed.rejected.first() {
        let n = replayed.rejected.len();
        let lines = if n == 1 { cli::JOURNAL_LINE } else { cli::JOURNAL_LINES }.fill(&[("n", &n)]);
        let why = cli::JOURNAL_AT_LINE.fill(&[("n", &first.line), ("why", &first.why)]);
        if read_only {
            warnings.push(cli::JOURNAL_WOULD_REFUSE.fill(&[("lines", &lines), ("why", &why)]));
        } else {
            let kept = keep_rejected(&scores_path, &replayed.rejected).map_err(|e| {
                Failure::BadInput(cli::JOURNAL_CANNOT_KEEP.fill(&[
                    ("lines", &lines),
                    ("path", &shown(&journal_file)),
                    ("why", &crate::io_error::message(&e)),
                ]))
            })?;
            warnings.push(cli::JOURNAL_REFUSED.fill(&[
                ("lines", &lines),
                ("why", &why),
                ("path", &shown(&kept)),
            ]));
        }
    }
    if let Some(theirs) = &replayed.theirs {
        let ids: Vec<&str> = replayed.conflicts.iter().take(5).map(|&i| &*report.items[i].id).collect();
        let ids = ids.join(crate::words::errors::LIST_SEP.get());
        if read_only {
            warnings.push(cli::JOURNAL_CONFLICT_READ_ONLY.fill(&[("ids", &ids)]));
        } else {
            let kept = keep_conflict(&scores_path, &report, theirs, &replayed.conflicts).map_err(|e| {
                Failure::BadInput(
                    cli::JOURNAL_CONFLICT_NOT_KEPT
                        .fill(&[("path", &shown(&scores_path)), ("why", &crate::io_error::message(&e))]),
                )
            })?;
            warnings.push(cli::JOURNAL_CONFLICT.fill(&[("ids", &ids), ("path", &shown(&kept))]));
        }
    }
    let mut journal_error = None;
    let journal = if read_only {
        None
    } else {
        match Journal::open(&journal_file) {
            Ok(j) => Some(j),
            Err(e) => {
                let why = crate::io_error::Reason::of(&e);
                warnings
                    .push(cli::JOURNAL_UNWRITABLE.fill(&[("path", &shown(&journal_file)), ("why", &why)]));
                journal_error = Some(crate::store::JournalError::NotOpen(Some(why)));
                None
            }
        }
    };
    let journal_id = journal.as_ref().and_then(Journal::id);
    for w in &warnings {
        note!("appraise: {}: {}", shown(&scores_path), sanitize(w));
    }
    // Read-only shows the sheet as it is, under its own evaluator's name.
    let named = named.filter(|_| !read_only || scores.head.evaluator.is_none());
    if let Some(name) = named.or_else(|| if scores.head.evaluator.is_none() { login_name() } else { None }) {
        scores.head.evaluator = Some(name);
    }
    if let Some(handover) = took_over.clone() {
        scores.head.handovers.push(handover);
    }
    if let Some((panel, _)) = &args.panel {
        // What another program added to `panel` stays.
        let extra = scores.head.panel.take().map(|p| p.extra).unwrap_or_default();
        scores.head.panel = Some(crate::scores::PanelInfo {
            members: panel.members.iter().map(|m| m.name.clone()).collect(),
            method: panel.method.key().to_string(),
            extra,
        });
    }
    let (w, h) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(report, scores, scores_path.clone(), Rect::new(0, 0, w, h));
    app.read_only = read_only;
    app.keymap = args.keymap.clone();
    app.theme = args.theme.clone();
    app.journal_error = journal_error;
    app.esc_leaves = args.esc_leaves;
    let (panel, watch) = args.panel.map_or((None, None), |(p, w)| (Some(p), Some(w)));
    app.panel = panel;
    if let Some(first) = warnings.first() {
        let more = if warnings.len() > 1 {
            cli::MORE_ON_EXIT.fill(&[("n", &(warnings.len() - 1))])
        } else {
            String::new()
        };
        app.say_sticky(Level::Warn, cli::ESC_DISMISSES.fill(&[("message", first), ("more", &more)]));
    }
    if let Some(h) = &took_over {
        app.save_soon(); // the handover is in the file at once
        app.say_sticky(Level::Info, ev::TOOK_OVER.fill(&[("from", &sanitize(&h.from))]));
    } else if let Some(theirs) = &left_alone {
        // The evaluator's own file is made at the first edit.
        app.say_sticky(
            Level::Info,
            ev::OWN_FILE.fill(&[("path", &shown(&scores_path)), ("theirs", &sanitize(theirs))]),
        );
    }
    if replayed.changed > 0 {
        app.recovered(replayed.changed);
    } else if !replayed.rejected.is_empty() && !read_only {
        app.save_soon(); // the save empties the journal, so its refused lines are not met again
    }
    // What E writes: one evaluator's sheet, or in the panel view the panel's sheet.
    let export: tui::exporter::ExportFn = args.export.clone().unwrap_or_else(|| Arc::new(export_beside));
    let options = tui::Options {
        mouse: args.mouse,
        autosave_delay: args.config.autosave_delay,
        ansi16: args.ansi16,
        lock_id: lock.as_ref().and_then(Lock::id),
        watch,
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        tui::run(&mut app, journal, Arc::clone(&writer), export, &options)
    }));
    let result = match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => {
            // The terminal went away or failed: keep the work, then say so.
            let _ = if app.read_only { Ok(()) } else { tui::save(&app, &writer) };
            let error = crate::io_error::detail(&e);
            Err(Failure::Runtime(
                cli::TERMINAL_ERROR.fill(&[("error", &error), ("path", &shown(&scores_path))]),
            ))
        }
        Err(_) => {
            tui::terminal::restore();
            let saved = if app.read_only { Ok(()) } else { tui::save(&app, &writer) };
            let whereto = match saved {
                Ok(()) => cli::PANIC_SAVED.fill(&[("path", &shown(&scores_path))]),
                Err(_) => cli::PANIC_JOURNAL.fill(&[("path", &shown(&journal_file))]),
            };
            Err(Failure::Runtime(cli::PANIC.fill(&[("whereto", &whereto)])))
        }
    };
    for w in warnings.iter().skip(1) {
        note!("appraise: {}: {}", shown(&scores_path), sanitize(w));
    }
    // The chair leaves: who has not submitted, as the panel is now.
    if let Some(panel) = &app.panel {
        super::submitted::note_not_submitted(panel.members.iter().map(|m| (&m.scores, m.path.as_path())));
    }
    result?;
    if !app.read_only {
        if app.has_unsaved() {
            note!("appraise: {}", not_saved(&app, &scores_path, &journal_file));
            return Err(Failure::Runtime(cli::QUIT_UNSAVED.get().into()));
        }
        // Everything is in the scores file: the (empty) journal is not needed any more.
        if std::fs::symlink_metadata(&journal_file).is_ok_and(|m| m.len() == 0) {
            remove_if_same(&journal_file, journal_id);
        }
        note!("{}", cli::SAVED_IN.fill(&[("path", &shown(&scores_path))]));
    }
    Ok(())
}

/// What a quit with a failed save leaves, exactly: which edits the journal keeps, which are lost.
fn not_saved(app: &App, scores: &Path, journal: &Path) -> String {
    let (scores, journal) = (shown(scores), shown(journal));
    if app.unkept.is_empty() {
        return cli::NOT_SAVED_KEPT.fill(&[("scores", &scores), ("journal", &journal)]);
    }
    let n = app.unkept.len();
    let lost = if n == 1 { cli::LOST_ITEM } else { cli::LOST_ITEMS }.fill(&[("n", &n)]);
    let why = app
        .journal_error
        .as_ref()
        .map_or_else(|| cli::JOURNAL_WRITE_FAILED.get().to_string(), ToString::to_string);
    let mut text = cli::NOT_SAVED_LOST.fill(&[
        ("scores", &scores),
        ("journal", &journal),
        ("lost", &lost),
        ("ids", &app.unkept_ids()),
        ("why", &why),
    ]);
    if app.unsaved_items() > n {
        text.push_str(&cli::NOT_SAVED_OTHERS.fill(&[("journal", &journal)]));
    }
    text
}

/// The scores file of an evaluator who gave no name: the login's own file when there is one
/// (found by the name inside); else the report's default `q.scores.json` — and when that is
/// someone else's sheet, the evaluator is asked once whose it is (and may have the answer
/// remembered in the configuration). Also the name chosen, when the answer gave one.
fn unnamed_file(
    base: &Path,
    config: &Config,
    read_only: &mut bool,
) -> Result<(PathBuf, Option<String>), Failure> {
    let login = login_name();
    if let Some(login) = &login
        && let Ok((own, true)) = evaluator_file(base, login)
        && crate::store::evaluator_in(&own) == Some(Some(login.clone()))
    {
        return Ok((own, None));
    }
    let theirs = match crate::store::evaluator_in(base) {
        Some(Some(theirs)) if login.as_ref() != Some(&theirs) && !*read_only => theirs,
        _ => return Ok((base.to_path_buf(), None)),
    };
    let login_shown = sanitize(&login.clone().unwrap_or_else(|| cli::SOMEONE.get().into())).into_owned();
    let (path, theirs_shown) = (shown(base), sanitize(&theirs).into_owned());
    if !std::io::stdin().is_terminal() {
        return Err(Failure::BadInput(ev::WHOSE_NO_TERMINAL.fill(&[
            ("path", &path),
            ("theirs", &theirs_shown),
            ("login", &login_shown),
            ("ro", &"--read-only"),
            ("evaluator", &"--evaluator"),
        ])));
    }
    let own_name = login.clone().unwrap_or_else(|| cli::SOMEONE.get().into());
    let (own, _) = own_scores_file(base, &own_name).map_err(|e| name_refused(&own_name, e))?;
    let own_file = own.file_name().map_or_else(|| own.clone(), PathBuf::from);
    note_inline!(
        "{}",
        ev::WHOSE_ASK.fill(&[
            ("path", &path),
            ("theirs", &theirs_shown),
            ("login", &login_shown),
            ("own", &shown(&own_file)),
        ])
    );
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    let (chosen, name) = match answer.trim() {
        "m" | "M" | "是" => (base.to_path_buf(), theirs.clone()),
        "o" | "O" | "新建" => (own, own_name),
        "r" | "R" | "只读" => {
            *read_only = true;
            return Ok((base.to_path_buf(), None));
        }
        _ => {
            return Err(Failure::BadInput(ev::WHOSE_REFUSED.fill(&[
                ("path", &path),
                ("theirs", &theirs_shown),
                ("ro", &"--read-only"),
                ("evaluator", &"--evaluator"),
            ])));
        }
    };
    remember(config, &name);
    Ok((chosen, Some(name)))
}

/// Offers to write the evaluator's answer to the configuration, so a single user is asked once.
pub(super) fn remember(config: &Config, name: &str) {
    let Some(path) =
        config.path.clone().or_else(|| crate::config::config_dir().map(|d| d.join("config.toml")))
    else {
        return;
    };
    let setting = format!("evaluator = {}", toml::Value::String(sanitize(name).into_owned()));
    note_inline!("{}", ev::REMEMBER_ASK.fill(&[("setting", &setting), ("config", &shown(&path))]));
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    if !matches!(answer.trim(), "" | "y" | "Y" | "yes" | "是") {
        return;
    }
    match crate::config::remember_evaluator(&path, name) {
        Ok(()) => note!(
            "appraise: {}",
            ev::REMEMBERED.fill(&[("name", &sanitize(name)), ("config", &shown(&path))])
        ),
        Err(e) => note!("appraise: {}", ev::REMEMBER_FAILED.fill(&[("why", &crate::io_error::message(&e))])),
    }
}

/// A name given on purpose must make a file name (`q.NAME.scores.json`) and not be `panel`.
pub(super) fn check_name(name: &str) -> Result<(), Failure> {
    own_scores_file(Path::new("q.scores.json"), name).map(drop).map_err(|e| name_refused(name, e))
}

fn name_refused(name: &str, e: NameError) -> Failure {
    Failure::BadInput(match e {
        NameError::Empty => ev::EVALUATOR_EMPTY.fill(&[("flag", &"--evaluator")]),
        NameError::Reserved => ev::EVALUATOR_RESERVED
            .fill(&[("name", &sanitize(name.trim())), ("file", &format!("REPORT.{RESERVED}.scores.json"))]),
    })
}

/// What to do with a sheet whose evaluator is someone else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Takeover {
    ReadOnly,
    Own,
    TakeOver,
}

/// Asks on the plain terminal whether to look at `theirs`'s sheet read-only, start `name`'s own
/// file `own`, or take the sheet over; any other answer opens nothing (exit 2).
fn ask_takeover(scores: &Path, theirs: &str, name: &str, own: &Path) -> Result<Takeover, Failure> {
    let own_name = own.file_name().map_or_else(|| own.to_path_buf(), PathBuf::from);
    note_inline!(
        "{}",
        ev::TAKEOVER_ASK.fill(&[
            ("path", &shown(scores)),
            ("theirs", &sanitize(theirs)),
            ("name", &sanitize(name)),
            ("own", &shown(&own_name)),
        ])
    );
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    match answer.trim() {
        "r" | "R" | "只读" => Ok(Takeover::ReadOnly),
        "o" | "O" | "新建" => Ok(Takeover::Own),
        "t" | "T" | "接手" => Ok(Takeover::TakeOver),
        _ => Err(Failure::BadInput(ev::TAKEOVER_REFUSED.fill(&[
            ("path", &shown(scores)),
            ("theirs", &sanitize(theirs)),
            ("ro", &"--read-only"),
            ("scores", &"--scores"),
            ("evaluator", &"--evaluator"),
        ]))),
    }
}

/// Takes the scores file's lock; when another instance holds it, asks whether to look read-only.
fn take_lock(scores: &Path, who: &str, read_only: &mut bool) -> Result<Option<Lock>, Failure> {
    match acquire(scores, who) {
        Ok(lock) => Ok(Some(lock)),
        Err(LockError::Held { holder }) => {
            let holder = holder_words(&sanitize(&holder));
            note_inline!("{}", cli::LOCK_ASK.fill(&[("path", &shown(scores)), ("holder", &holder)]));
            let _ = std::io::stderr().flush();
            let mut answer = String::new();
            let _ = std::io::stdin().read_line(&mut answer);
            if matches!(answer.trim(), "y" | "Y" | "yes" | "是") {
                *read_only = true;
                Ok(None)
            } else {
                Err(Failure::BadInput(cli::LOCK_HELD.fill(&[
                    ("path", &shown(scores)),
                    ("holder", &holder),
                    ("flag", &"--read-only"),
                ])))
            }
        }
        Err(LockError::NotRegular(sentence)) => {
            Err(Failure::BadInput(cli::REMOVE_AND_RESTART.fill(&[("sentence", &sentence)])))
        }
        // No lock possible (a read-only directory, say): go on; saving will say what is wrong.
        Err(LockError::Io(_)) => Ok(None),
    }
}

/// Who holds the lock, as its file says it (`张三 (pid 42) since 2024-05-01T09:30:00+08:00`, the
/// way `store::acquire` writes it), in the interface's language; anything else as it is.
fn holder_words(note: &str) -> String {
    let parsed = note.rsplit_once(") since ").and_then(|(who_pid, since)| {
        let (who, pid) = who_pid.rsplit_once(" (pid ")?;
        pid.parse::<u32>().ok().map(|pid| (who, pid, since))
    });
    match parsed {
        Some((who, pid, since)) => cli::LOCK_HOLDER.fill(&[("who", &who), ("pid", &pid), ("since", &since)]),
        None => note.to_string(),
    }
}

fn sample() -> Result<Report, Failure> {
    let report = parse_report(SAMPLE.as_bytes())
        .map_err(|p| Failure::Runtime(cli::SAMPLE_INVALID.fill(&[("problem", &p[0])])))?;
    crate::words::settle_by_report(crate::lang::Lang::of_report(&report));
    Ok(report)
}

/// The sample's scores live in the user data directory (e.g. ~/.local/share/appraise).
fn sample_scores_path() -> Result<PathBuf, Failure> {
    let dirs = directories::ProjectDirs::from("", "", "appraise")
        .ok_or_else(|| Failure::Runtime(cli::NO_HOME.fill(&[("path", &cli::VALUE_PATH)])))?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir).map_err(|e| {
        let why = crate::io_error::detail(&e);
        Failure::Runtime(cli::CANNOT_CREATE.fill(&[
            ("dir", &shown(dir)),
            ("why", &why),
            ("path", &cli::VALUE_PATH),
        ]))
    })?;
    Ok(dir.join("shaodong-2022-rubric.scores.json"))
}

/// The user's login name: `$USER`, `$LOGNAME` (`%USERNAME%` on Windows), else the account's
/// own name — a cron job, `sudo -i` or a bare `ssh host cmd` may set neither.
pub(super) fn login_name() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .or_else(account_name)
}

/// The name of the account this process runs as, from the password database (`getpwuid_r`).
#[cfg(unix)]
fn account_name() -> Option<String> {
    let mut buf = vec![0 as libc::c_char; 4096];
    // SAFETY: `passwd` is plain data that getpwuid_r fills; `buf` outlives every pointer into
    // it, which are read before it is dropped.
    unsafe {
        let mut entry: libc::passwd = std::mem::zeroed();
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(libc::geteuid(), &mut entry, buf.as_mut_ptr(), buf.len(), &mut found);
        if rc != 0 || found.is_null() || entry.pw_name.is_null() {
            return None;
        }
        let name = std::ffi::CStr::from_ptr(entry.pw_name).to_string_lossy().into_owned();
        Some(name).filter(|n| !n.is_empty())
    }
}

#[cfg(not(unix))]
fn account_name() -> Option<String> {
    None
}

/// `q.scores.json` → `q.sheet.EXT` (`xlsx`, `csv`…), beside it.
pub fn sheet_path(scores: &Path, ext: &str) -> PathBuf {
    let name = scores.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".scores.json").or_else(|| name.strip_suffix(".json")).unwrap_or(&name);
    scores.with_file_name(format!("{stem}.sheet.{ext}"))
}

/// The sheet of the evaluator `who` beside `scores`, named for them: `q.张三.sheet.xlsx` — from
/// their own file `q.张三.scores.json`, and from the unnamed `q.scores.json` too when it is theirs.
pub fn sheet_path_for(scores: &Path, who: Option<&str>, ext: &str) -> PathBuf {
    let plain = sheet_path(scores, ext);
    let Some(part) = who.and_then(|w| crate::store::file_name_part(w).ok()) else { return plain };
    let name = scores.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".scores.json").or_else(|| name.strip_suffix(".json")).unwrap_or(&name);
    // Already named for someone (`q.李四.scores.json`, `q.李四-2.scores.json`): as it is.
    if stem.contains('.') {
        return plain;
    }
    scores.with_file_name(format!("{stem}.{part}.sheet.{ext}"))
}

/// `E`: the sheet beside the scores file as xlsx and as csv (UTF-8 with a BOM); says where.
fn export_beside(report: &Report, scores: &Scores, scores_path: &Path) -> Result<String, String> {
    let table = sheet_table(report, scores, Lang::of_report(report));
    let who = scores.head.evaluator.as_deref();
    write_sheets(&table, &sheet_path_for(scores_path, who, "xlsx"), &sheet_path_for(scores_path, who, "csv"))
}

/// Writes `table` as xlsx and as csv (UTF-8 with a BOM); says where.
pub(super) fn write_sheets(table: &crate::export::Table, xlsx: &Path, csv: &Path) -> Result<String, String> {
    let bytes = to_xlsx(table).map_err(|e| format!("{}: {e}", shown(xlsx)))?;
    write_output(xlsx, |out| out.write_all(&bytes)).map_err(|e| e.to_string())?;
    drop(bytes);
    // The CSV goes straight into the file, row by row.
    write_output(csv, |out| write_csv(table, true, out).map_err(Into::into)).map_err(|e| e.to_string())?;
    let csv_name = csv.file_name().map(|n| shown(Path::new(n)).to_string()).unwrap_or_default();
    Ok(cli::EXPORTED_BOTH.fill(&[("xlsx", &shown(xlsx)), ("csv", &csv_name)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_account_name_is_the_password_databases() {
        let id = std::process::Command::new("id").arg("-un").output().expect("id -un runs");
        let expected = String::from_utf8(id.stdout).unwrap().trim().to_string();
        assert_eq!(account_name().as_deref(), Some(expected.as_str()));
    }

    #[test]
    fn the_lock_holder_is_said_in_the_interface_language() {
        let note = "张三 (pid 42) since 2024-05-01T09:30:00+08:00";
        assert_eq!(holder_words(note), note);
        assert_eq!(holder_words("another appraise"), "another appraise");
        let _zh = crate::words::pin(crate::lang::Lang::Zh);
        assert_eq!(holder_words(note), "张三（进程 42，自 2024-05-01T09:30:00+08:00 起）");
        assert_eq!(holder_words("a (pid x) since y"), "a (pid x) since y", "not the lock's own words");
    }
}
