//! The terminal user interface: the event loop (`run`) — terminal event → key map → `Action`
//! → `App::update` → `Effect` → the shell → `view::draw` — and everything around it:
//!
//! - `app/`: the whole state and `App::update`, the only place it changes (no terminal I/O);
//! - `action`, `keymap`, `layout`: what can be asked, which key asks it, where panes go;
//! - `view/`: drawing, reading the app and never changing it;
//! - `shell`: performing effects (saves, journal, exports, searches, clipboard);
//! - `terminal`: raw mode, the alternate screen, the output writer, hang-ups, OSC 52;
//! - threads: `saver` (the scores file), `search_worker`, `exporter`, `watchdog` (a terminal
//!   that went away), and the journal's fsync thread (in `store::journal`);
//!
//! The work is kept safe: every change is written to the recovery journal before the next key,
//! autosave writes the scores file within a second (retrying while it fails), and
//! SIGHUP/SIGTERM/SIGINT put the terminal back, save and leave cleanly.

pub mod action;
mod ansi16;
pub mod app;
pub mod exporter;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod list;
mod saver;
pub mod search_worker;
mod shell;
pub mod terminal;
pub mod view;
mod watchdog;

pub use shell::{Shell, save};

use action::Action;
use app::App;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, EnableBracketedPaste, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton,
    MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use search_worker::SearchWorker;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::store::{FileId, Journal, Writer};

/// How often the loop looks for a search answer while one is due.
const SEARCH_POLL: Duration = Duration::from_millis(15);
/// The longest the loop sleeps, so a signal is noticed promptly.
const IDLE_POLL: Duration = Duration::from_millis(200);
/// How often the panel view looks at the evaluators' files.
const WATCH_EVERY: Duration = Duration::from_secs(1);
/// How often the app looks whether another program changed its own scores file.
const LOOK_EVERY: Duration = Duration::from_millis(500);

/// How the terminal is used.
#[derive(Debug, Clone)]
pub struct Options {
    /// Capture the mouse (click to select, wheel to scroll).
    pub mouse: bool,
    /// How long after a change autosave waits for more keys (at most a second).
    pub autosave_delay: Duration,
    /// The terminal has only 16 colours (or none): write colours as the classic codes.
    pub ansi16: bool,
    /// The scores file's lock, removed by the watchdog if it has to end the process.
    pub lock_id: Option<FileId>,
    /// The panel view: the evaluators' files, read again when they change.
    pub watch: Option<crate::panel::Watch>,
}

/// How long a sheet being written may hold up an exit that a signal asked for.
const EXPORT_GRACE: Duration = Duration::from_secs(10);

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
    crate::heap::release_free_memory();
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
            evaluator: app.scores.head.evaluator.clone(),
        },
        Arc::clone(&stop),
        Arc::clone(&done),
        terminal::hung_up,
    );
    let search = SearchWorker::spawn(Arc::clone(&app.report));
    let saver = saver::Saver::spawn(writer);
    let exporter = exporter::Exporter::shared(export);
    app.autosave.delay = options.autosave_delay;
    let mut shell = Shell {
        exporter,
        search,
        journal,
        saver,
        autosave: None,
        interrupts: 0,
        view: view::ViewState::default(),
    };
    let mut terminal = terminal::init(options.ansi16)?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    if options.mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let result = event_loop(&mut terminal, app, &mut shell, &stop, options.watch.clone());
    // The terminal first: whatever comes next (a slow disk, a large sheet) happens at the
    // user's own prompt, never on a raw screen.
    terminal::restore();
    // The loop has left by itself: the watchdog (there for a loop that cannot) stands down.
    done.store(true, Ordering::SeqCst);
    let signalled = stop.swap(false, Ordering::SeqCst);
    if (result.is_err() || signalled) && app.has_unsaved() {
        // The terminal is gone or a signal came: whatever was on screen goes to disk now.
        shell.save_and_tell(app);
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
        let _ = writeln!(io::stderr(), "{}", crate::words::tui::FINISHING_SHEET);
        let limit = signalled.then(|| Instant::now() + EXPORT_GRACE);
        let finished = shell
            .exporter
            .finish_unless(|| stop.load(Ordering::SeqCst) || limit.is_some_and(|t| Instant::now() >= t));
        if !finished {
            let key = app.key(Action::Export);
            let _ =
                writeln!(io::stderr(), "{}", crate::words::tui::SHEET_NOT_FINISHED.fill(&[("key", &key)]));
        }
    }
    // Left by the user's own `q`: a quiet word on what is still to score.
    if result.is_ok()
        && !signalled
        && app.quit
        && let Some(note) = app.parting_note()
    {
        let _ = writeln!(io::stderr(), "appraise: {note}");
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

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<terminal::Either>>,
    app: &mut App,
    shell: &mut Shell,
    stop: &AtomicBool,
    mut watch: Option<crate::panel::Watch>,
) -> io::Result<()> {
    let mut watched = Instant::now();
    let mut looked = Instant::now();
    // crossterm starts listening for window-size changes (SIGWINCH) at its first poll: before
    // that a resize is lost, and the first frame would stay at the old size. So poll once
    // before the size is read and the first frame drawn.
    let _ = event::poll(Duration::ZERO)?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
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
        // The clock: an autosave that is due starts.
        let now = Instant::now();
        redraw |= shell.dispatch(app, Action::Tick(now));
        let mut wait = app.wake_at().map_or(IDLE_POLL, |t| t.saturating_duration_since(now)).min(IDLE_POLL);
        if app.search_pending() || shell.autosave.is_some() || shell.exporter.busy() {
            wait = wait.min(SEARCH_POLL);
        }
        // A terminal closed without SIGHUP reaching us reads as endless end-of-file: stop
        // (saving on the way out) instead of spinning on it.
        if terminal::hung_up() {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, crate::words::tui::TERMINAL_GONE.get()));
        }
        // The panel view: the evaluators' files that changed are read again, about once a second.
        if let Some(w) = watch.as_mut().filter(|_| watched.elapsed() >= WATCH_EVERY) {
            watched = Instant::now();
            let read = w.poll(&app.report);
            if !read.is_empty() {
                shell.dispatch(app, Action::PanelRead(read));
                redraw = true;
            }
        }
        if let Some(news) = shell.journal.as_ref().and_then(Journal::sync_news) {
            let action = match news {
                Ok(()) => Action::JournalRecovered,
                Err(why) => {
                    Action::JournalFailed { error: crate::store::JournalError::Sync(why), items: None }
                }
            };
            shell.dispatch(app, action);
            redraw = true;
        }
        if event::poll(wait)? {
            let action = match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    // An Esc and a key that arrive together (a slow link) are read as Alt+key.
                    // No key of appraise uses Alt: they are what was typed, Esc then the key.
                    if key.modifiers.contains(KeyModifiers::ALT) && matches!(key.code, KeyCode::Char(_)) {
                        let esc = event::KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
                        if let Some(action) = shell.on_key(app, esc) {
                            shell.dispatch(app, action);
                        }
                        shell.on_key(app, event::KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT))
                    } else {
                        shell.on_key(app, key)
                    }
                }
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
            shell.finish(app, done);
            redraw = true;
        }
        // Another program's edit of the scores file is taken within a second, not only at the
        // next save.
        if looked.elapsed() >= LOOK_EVERY {
            looked = Instant::now();
            shell.look(app);
        }
    }
}
