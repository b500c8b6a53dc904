//! The terminal shell: set the terminal up, turn events into actions, let `App::update`
//! act, perform the work it asks for, draw. The shell also keeps the work safe: every change
//! is written to the recovery journal before the next key (its fsync follows on a thread of
//! its own), autosave writes the scores file within a second (retrying while it fails), and
//! SIGHUP/SIGTERM/SIGINT put the terminal back, save and leave cleanly.

pub mod action;
mod ansi16;
pub mod app;
pub mod exporter;
pub mod keymap;
pub mod layout;
mod saver;
pub mod search_worker;
pub mod view;
mod watchdog;

use action::Action;
use app::{App, Effect, JournalRecord, Mode, SaveState};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use search_worker::SearchWorker;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::store::{FileId, Journal, Outcome, Writer};
use std::sync::Mutex;

/// How often a failed save is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(5);
/// How often the loop looks for a search answer while one is due.
const SEARCH_POLL: Duration = Duration::from_millis(15);
/// The longest the loop sleeps, so a signal is noticed promptly.
const IDLE_POLL: Duration = Duration::from_millis(200);

/// How the terminal is used.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Capture the mouse (click to select, wheel to scroll).
    pub mouse: bool,
    /// How long after a change autosave waits for more keys (at most a second).
    pub autosave_delay: Duration,
    /// The terminal has only 16 colours (or none): write colours as the classic codes.
    pub ansi16: bool,
    /// The scores file's lock, removed by the watchdog if it has to end the process.
    pub lock_id: Option<FileId>,
}

/// How long a sheet being written may hold up an exit that a signal asked for.
const EXPORT_GRACE: Duration = Duration::from_secs(10);

type Out = ansi16::Ansi16<io::Stdout>;

/// Raw mode, the alternate screen, and a panic hook that puts the terminal back first (as
/// `ratatui::try_init` does), over a writer that speaks 16-colour codes when asked to.
fn init_terminal(ansi16: bool) -> io::Result<Terminal<CrosstermBackend<Either>>> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::try_restore();
        hook(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), ratatui::crossterm::terminal::EnterAlternateScreen)?;
    let out =
        if ansi16 { Either::Ansi16(ansi16::Ansi16::new(io::stdout())) } else { Either::Plain(io::stdout()) };
    Terminal::new(CrosstermBackend::new(out))
}

/// Standard output as it is, or through the 16-colour translation.
enum Either {
    Plain(io::Stdout),
    Ansi16(Out),
}

impl io::Write for Either {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Either::Plain(w) => w.write(bytes),
            Either::Ansi16(w) => w.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Either::Plain(w) => w.flush(),
            Either::Ansi16(w) => w.flush(),
        }
    }
}

/// What performs the app's effects: file work, the journal, the saver, the exporter and the
/// search worker.
pub struct Shell {
    pub exporter: exporter::Exporter,
    pub search: SearchWorker,
    pub journal: Option<Journal>,
    pub autosave_delay: Duration,
    saver: saver::Saver,
    /// The background save under way.
    autosave: Option<Autosave>,
    /// Ctrl-c pressed this many times in a row (twice quits, past any prompt).
    interrupts: u8,
    /// What drawing keeps between frames.
    view: view::ViewState,
}

/// A background save under way.
#[derive(Debug, Clone, Copy)]
struct Autosave {
    /// The saver's job.
    job: u64,
    /// The app's revision its snapshot was taken at.
    revision: u64,
    /// Journal lines written when the snapshot was taken: any more, and the journal is kept.
    journal_lines: u64,
}

/// Runs the app until the user quits or a signal asks it to stop. The terminal is restored
/// on every way out (a panic included: ratatui's hook restores it before unwinding).
pub fn run(
    app: &mut App,
    journal: Option<Journal>,
    writer: Arc<Mutex<Writer>>,
    export: exporter::ExportFn,
    options: &Options,
) -> io::Result<()> {
    // Reading the report and the scores left freed buffers behind in the heap: hand their
    // pages back before the screen's and the search index's memory is taken.
    release_free_memory();
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    let signals = [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];
    #[cfg(not(unix))]
    let signals = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];
    for signal in signals {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let done = Arc::new(AtomicBool::new(false));
    watchdog::spawn(
        watchdog::Recovery {
            report: Arc::clone(&app.report),
            scores_path: app.scores_path.clone(),
            journal: journal.as_ref().filter(|_| !app.read_only).map(|j| (j.path().to_path_buf(), j.id())),
            lock_id: options.lock_id,
            evaluator: app.scores.evaluator.clone(),
        },
        Arc::clone(&stop),
        Arc::clone(&done),
        terminal_hung_up,
    );
    let search = SearchWorker::spawn(Arc::clone(&app.report));
    let saver = saver::Saver::spawn(writer);
    let exporter = exporter::Exporter::new(export);
    let mut shell = Shell {
        exporter,
        search,
        journal,
        autosave_delay: options.autosave_delay,
        saver,
        autosave: None,
        interrupts: 0,
        view: view::ViewState::default(),
    };
    let mut terminal = init_terminal(options.ansi16)?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    if options.mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let result = event_loop(&mut terminal, app, &mut shell, &stop);
    // The terminal first: whatever comes next (a slow disk, a large sheet) happens at the
    // user's own prompt, never on a raw screen.
    restore_terminal();
    // The loop has left by itself: the watchdog (there for a loop that cannot) stands down.
    done.store(true, Ordering::SeqCst);
    let signalled = stop.swap(false, Ordering::SeqCst);
    if result.is_err() || signalled {
        // The terminal is gone or a signal came: whatever was on screen goes to disk now.
        let saved = shell.save(app);
        shell.dispatch_saved(app, saved);
    }
    if !app.read_only && app.has_unsaved() {
        // Not in the scores file: make sure the journal has it on disk.
        if let Some(journal) = &shell.journal {
            let _ = journal.sync_now();
        }
    }
    // A sheet being written is finished, so no half-written export is left behind — unless
    // another signal says not to wait (or, after a signal, it takes too long).
    if shell.exporter.busy() {
        let _ = writeln!(io::stderr(), "appraise: finishing the scoring sheet… (Ctrl-c abandons it)");
        let limit = signalled.then(|| Instant::now() + EXPORT_GRACE);
        let finished = shell
            .exporter
            .finish_unless(|| stop.load(Ordering::SeqCst) || limit.is_some_and(|t| Instant::now() >= t));
        if !finished {
            let _ = writeln!(
                io::stderr(),
                "appraise: the scoring sheet was not finished; press E again next time"
            );
        }
    }
    result
}

/// One frame as the event loop draws it: the view draws `app` (with what `state` kept from
/// earlier frames), then the app learns what the frame measured — how far its text and pages
/// can scroll — which changes nothing on screen. Tests and benchmarks that drive `App` without
/// the shell draw through this too.
pub fn frame(app: &mut App, state: &mut view::ViewState, frame: &mut ratatui::Frame) {
    let measured = view::draw(app, state, frame);
    if measured != app.measured {
        app.update(Action::Measured(measured));
    }
}

/// Undoes what `run` set up on the terminal: on the way out, after a panic unwound out of
/// it, or from the watchdog before it ends the process.
pub fn restore_terminal() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    let _ = ratatui::try_restore();
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Either>>,
    app: &mut App,
    shell: &mut Shell,
    stop: &AtomicBool,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut last_attempt: Option<Instant> = None;
    let mut redraw = true;
    loop {
        if redraw {
            // One synchronized update per frame: over a slow link the terminal shows the whole
            // new frame at once instead of painting it in pieces.
            let _ = execute!(io::stdout(), BeginSynchronizedUpdate);
            let drawn = terminal.draw(|f| frame(app, &mut shell.view, f));
            let _ = execute!(io::stdout(), EndSynchronizedUpdate);
            drawn?;
            redraw = false;
        }
        if app.quit || stop.load(Ordering::SeqCst) {
            return Ok(());
        }
        let mut wait =
            autosave_wait(app, last_attempt, shell.autosave_delay).unwrap_or(IDLE_POLL).min(IDLE_POLL);
        if app.search_pending() || shell.autosave.is_some() || shell.exporter.busy() {
            wait = wait.min(SEARCH_POLL);
        }
        // A terminal closed without SIGHUP reaching us reads as endless end-of-file: stop
        // (saving on the way out) instead of spinning on it.
        if terminal_hung_up() {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, "the terminal went away"));
        }
        if let Some(news) = shell.journal.as_ref().and_then(Journal::sync_news) {
            let action = match news {
                Ok(()) => Action::JournalRecovered,
                Err(error) => Action::JournalFailed { error, items: None },
            };
            shell.dispatch(app, action);
            redraw = true;
        }
        if event::poll(wait)? {
            let action = match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => shell.on_key(app, key),
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                Event::Mouse(m) => match m.kind {
                    MouseEventKind::ScrollDown => {
                        Some(Action::Wheel { column: m.column, row: m.row, down: true })
                    }
                    MouseEventKind::ScrollUp => {
                        Some(Action::Wheel { column: m.column, row: m.row, down: false })
                    }
                    MouseEventKind::Down(MouseButton::Left) => {
                        Some(Action::Click { column: m.column, row: m.row })
                    }
                    _ => None,
                },
                _ => None,
            };
            if let Some(action) = action {
                shell.dispatch(app, action);
                redraw = true;
            }
        }
        if let Some((generation, hits)) = shell.search.try_answer() {
            shell.dispatch(app, Action::SearchDone { generation, hits });
            redraw = true;
        }
        if let Some(result) = shell.exporter.try_done() {
            shell.dispatch(app, Action::Exported(result));
            redraw = true;
        }
        if let Some(done) = shell.saver.try_done() {
            shell.finish_autosave(app, done);
            redraw = true;
        }
        if shell.autosave.is_none()
            && autosave_wait(app, last_attempt, shell.autosave_delay) == Some(Duration::ZERO)
        {
            last_attempt = Some(Instant::now());
            shell.start_autosave(app);
            redraw = true;
        }
    }
}

impl Shell {
    /// Feeds an action to the app, performing any work it asks for and reporting back; every
    /// change it made is in the journal before this returns.
    pub fn dispatch(&mut self, app: &mut App, action: Action) {
        let mut next = Some(action);
        while let Some(action) = next.take() {
            let effect = app.update(action);
            if let Err((error, items)) = self.write_journal(app) {
                next = Some(Action::JournalFailed { error, items: Some(items) });
                continue;
            }
            next = match effect {
                Some(Effect::Save) => {
                    let saved = self.save(app);
                    self.dispatch_saved(app, saved);
                    None
                }
                Some(Effect::Export) => {
                    let scores = Arc::clone(&app.scores);
                    self.exporter.start(Arc::clone(&app.report), scores, app.scores_path.clone());
                    None
                }
                Some(Effect::Search(request)) => {
                    self.search.request(request);
                    None
                }
                Some(Effect::Copy(text)) => {
                    copy_to_clipboard(&text);
                    None
                }
                None => None,
            };
        }
    }

    /// The action for a key press: the key map's, except that Ctrl-c twice in a row quits
    /// at once, whatever is on screen.
    fn on_key(&mut self, app: &App, key: event::KeyEvent) -> Option<Action> {
        let interrupt =
            key.code == event::KeyCode::Char('c') && key.modifiers.contains(event::KeyModifiers::CONTROL);
        self.interrupts = if interrupt { self.interrupts.saturating_add(1) } else { 0 };
        if self.interrupts >= 2 {
            return Some(Action::ForceQuit);
        }
        app.keymap.action_for(&app.mode, key)
    }

    /// Writes the changes `update` made to the journal; on failure, why and the items whose
    /// changes it could not keep.
    fn write_journal(&mut self, app: &mut App) -> Result<(), (String, Vec<crate::report::ItemIx>)> {
        let records = std::mem::take(&mut app.journal_out);
        if records.is_empty() || app.read_only {
            return Ok(());
        }
        let item = |r: &JournalRecord| match r {
            JournalRecord::Entry(i) | JournalRecord::Draft(i, _) => *i,
        };
        let Some(journal) = &mut self.journal else {
            let why = app.journal_error.clone().unwrap_or_else(|| "it could not be opened".into());
            return Err((why, records.iter().map(item).collect()));
        };
        for (k, record) in records.iter().enumerate() {
            let written = match record {
                JournalRecord::Entry(i) => journal.record(&app.report.items[*i].id, &app.scores.entries[*i]),
                JournalRecord::Draft(i, text) => journal.record_draft(&app.report.items[*i].id, text),
            };
            if let Err(e) = written {
                // The reason alone: the journal's path is on the info page, beside the scores file.
                let why = crate::io_error::message(&e);
                return Err((why, records[k..].iter().map(item).collect()));
            }
        }
        Ok(())
    }

    /// Saves the scores file now, waiting for it; once it is on disk the journal is emptied
    /// (keeping a note still being typed).
    pub fn save(&mut self, app: &App) -> Result<Outcome, String> {
        if app.read_only {
            return Ok(Outcome::default());
        }
        let id = self.saver.start(app.scores.clone());
        self.autosave = None;
        let outcome = self.saver.wait(id)?;
        self.fold_journal(app);
        Ok(outcome)
    }

    /// Tells the app how a save it waited for went (another program's changes first).
    fn dispatch_saved(&mut self, app: &mut App, saved: Result<Outcome, String>) {
        if saved.is_err() {
            self.check_journal(app);
        }
        let saved = saved.map(|outcome| {
            if outcome.is_external() {
                self.dispatch(app, Action::External(outcome));
            }
        });
        self.dispatch(app, Action::Saved(saved));
    }

    /// A save failed, so the journal is all that keeps the edits: make sure it still can (a
    /// journal removed or replaced by someone holds nothing for the next start).
    fn check_journal(&mut self, app: &mut App) {
        if let Some(journal) = &self.journal
            && !journal.still_there()
            && app.journal_error.is_none()
        {
            let error = format!("{} was removed or replaced", crate::text::shown(journal.path()));
            self.dispatch(app, Action::JournalFailed { error, items: None });
        }
    }

    /// Starts writing a snapshot of the scores in the background.
    fn start_autosave(&mut self, app: &App) {
        let journal_lines = self.journal.as_ref().map_or(0, Journal::written);
        let job = self.saver.start(app.scores.clone());
        self.autosave = Some(Autosave { job, revision: app.revision, journal_lines });
    }

    /// A background save finished: fold the journal if nothing was journaled since its
    /// snapshot, and tell the app what it covered (and what it met).
    fn finish_autosave(&mut self, app: &mut App, done: saver::Done) {
        let Some(autosave) = self.autosave else { return };
        if done.id != autosave.job {
            return;
        }
        self.autosave = None;
        if done.result.is_ok() && self.journal.as_ref().is_none_or(|j| j.written() == autosave.journal_lines)
        {
            self.fold_journal(app);
        }
        if done.result.is_err() {
            self.check_journal(app);
        }
        let result = done.result.map(|outcome| {
            if outcome.is_external() {
                self.dispatch(app, Action::External(outcome));
            }
        });
        self.dispatch(app, Action::SavedUpTo { revision: autosave.revision, result });
    }

    fn fold_journal(&mut self, app: &App) {
        if let Some(journal) = &mut self.journal {
            let _ = journal.fold();
            if let Mode::Note { item, editor } = &app.mode {
                let _ = journal.record_draft(&app.report.items[*item].id, &editor.lines().join("\n"));
            }
        }
    }
}

/// True when standard input is a terminal that has hung up (its window or connection closed).
fn terminal_hung_up() -> bool {
    #[cfg(unix)]
    {
        let mut fds = libc::pollfd { fd: libc::STDIN_FILENO, events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd, a zero timeout; poll only writes `revents`.
        let n = unsafe { libc::poll(&mut fds, 1, 0) };
        n > 0 && fds.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Asks the terminal to put `text` on the clipboard (OSC 52): works over SSH and in tmux
/// (with `set-clipboard on`); terminals without it ignore the request.
fn copy_to_clipboard(text: &str) {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    let _ = write!(out, "\x1b]52;c;{encoded}\x07");
    let _ = out.flush();
}

/// Writes the scores file through `writer` (merging another program's changes), outside the
/// event loop: after it failed or panicked.
pub fn save(app: &App, writer: &Mutex<Writer>) -> Result<(), String> {
    writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner).save(&app.scores).map(drop)
}

/// Time until autosave is due (`ZERO` when due now), `None` when nothing needs saving.
fn autosave_wait(app: &App, last_attempt: Option<Instant>, delay: Duration) -> Option<Duration> {
    if app.read_only || !app.has_unsaved() {
        return None;
    }
    let due = match (&app.save, last_attempt) {
        (SaveState::Failed(_), Some(t)) => t + RETRY_DELAY,
        _ => app.changed_at.unwrap_or_else(Instant::now) + delay,
    };
    Some(due.saturating_duration_since(Instant::now()))
}

/// Returns the heap's free pages to the system (glibc keeps them after a large, short-lived
/// allocation such as an exported sheet; the process would stay that big).
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory malloc holds free; it takes no pointers.
    unsafe {
        libc::malloc_trim(0);
    }
}
