//! The terminal shell: set the terminal up, turn events into actions, let `App::update`
//! act, perform the work it asks for, draw. The shell also keeps the work safe: every change
//! goes to the recovery journal before the next key, autosave writes the scores file within a
//! second (retrying while it fails), and SIGHUP/SIGTERM/SIGINT save and leave cleanly.

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
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::store::Journal;

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
}

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
    /// The background save under way: its job, the revision it covers, and the journal lines
    /// written when its snapshot was taken.
    autosave: Option<(u64, u64, u64)>,
}

/// Runs the app until the user quits or a signal asks it to stop. The terminal is restored
/// on every way out (a panic included: ratatui's hook restores it before unwinding).
pub fn run(
    app: &mut App,
    journal: Option<Journal>,
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
            journal_path: journal.as_ref().filter(|_| !app.read_only).map(|j| j.path().to_path_buf()),
            evaluator: app.scores.evaluator.clone(),
        },
        Arc::clone(&stop),
        Arc::clone(&done),
        terminal_hung_up,
    );
    let search = SearchWorker::spawn(Arc::clone(&app.report));
    let saver = saver::Saver::spawn(Arc::clone(&app.report), app.scores_path.clone());
    let exporter = exporter::Exporter::new(export);
    let mut shell =
        Shell { exporter, search, journal, autosave_delay: options.autosave_delay, saver, autosave: None };
    let mut terminal = init_terminal(options.ansi16)?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    if options.mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let result = event_loop(&mut terminal, app, &mut shell, &stop);
    // A sheet being written is finished, so no half-written export is left behind.
    shell.exporter.finish();
    done.store(true, Ordering::SeqCst);
    if result.is_err() || stop.load(Ordering::SeqCst) {
        // The terminal is gone or a signal came: whatever was on screen goes to disk now.
        let saved = shell.save(app);
        app.update(Action::Saved(saved));
    }
    let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    let _ = ratatui::try_restore();
    result
}

/// Undoes what `run` set up on the terminal, after a panic unwound out of it.
pub fn restore_after_panic() {
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
            let drawn = terminal.draw(|frame| view::draw(app, frame));
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
        if event::poll(wait)? {
            let action = match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => app.keymap.action_for(&app.mode, key),
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
            let answer = shell.finish_autosave(app, done);
            if let Some(action) = answer {
                shell.dispatch(app, action);
            }
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
            if let Err(e) = self.write_journal(app) {
                next = Some(Action::JournalFailed(e));
                continue;
            }
            next = match effect {
                Some(Effect::Save) => Some(Action::Saved(self.save(app))),
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

    fn write_journal(&mut self, app: &mut App) -> Result<(), String> {
        let records = std::mem::take(&mut app.journal_out);
        let Some(journal) = &mut self.journal else { return Ok(()) };
        for record in records {
            let written = match record {
                JournalRecord::Entry(i) => journal.record(&app.report.items[i].id, &app.scores.entries[i]),
                JournalRecord::Draft(i, text) => journal.record_draft(&app.report.items[i].id, &text),
            };
            written
                .map_err(|e| format!("{} ({})", crate::store::io_message(&e), journal.path().display()))?;
        }
        Ok(())
    }

    /// Saves the scores file now, waiting for it; once it is on disk the journal is emptied
    /// (keeping a note still being typed).
    pub fn save(&mut self, app: &App) -> Result<(), String> {
        if app.read_only {
            return Ok(());
        }
        let id = self.saver.start(app.scores.clone());
        self.autosave = None;
        self.saver.wait(id)?;
        self.fold_journal(app);
        Ok(())
    }

    /// Starts writing a snapshot of the scores in the background.
    fn start_autosave(&mut self, app: &App) {
        let written = self.journal.as_ref().map_or(0, Journal::written);
        let id = self.saver.start(app.scores.clone());
        self.autosave = Some((id, app.revision, written));
    }

    /// A background save finished: fold the journal if nothing was journaled since its
    /// snapshot, and tell the app what it covered.
    fn finish_autosave(&mut self, app: &App, done: saver::Done) -> Option<Action> {
        let (id, revision, written) = self.autosave?;
        if done.id != id {
            return None;
        }
        self.autosave = None;
        if done.result.is_ok() && self.journal.as_ref().is_none_or(|j| j.written() == written) {
            self.fold_journal(app);
        }
        Some(Action::SavedUpTo { revision, result: done.result })
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
    use std::io::Write;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    let _ = write!(out, "\x1b]52;c;{encoded}\x07");
    let _ = out.flush();
}

/// Writes the scores file (atomically).
pub fn save(app: &App) -> Result<(), String> {
    crate::store::save_scores(&app.scores_path, &app.report, &app.scores)
        .map_err(|e| format!("{} ({})", crate::store::io_message(&e), app.scores_path.display()))
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
