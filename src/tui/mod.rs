//! The terminal shell: set the terminal up, turn events into actions, let `App::update`
//! act, perform the file work it asks for, draw. Autosave lives here too: a change is on
//! disk within a second, and a failed save is retried while the app keeps running.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod search_worker;
pub mod view;

use action::Action;
use app::{App, Effect, SaveState};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use ratatui::crossterm::execute;
use search_worker::SearchWorker;
use std::io;
use std::time::{Duration, Instant};

/// How long after a change autosave waits for more keys (it is always well under a second).
const AUTOSAVE_DELAY: Duration = Duration::from_millis(250);
/// How often a failed save is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(5);

/// How often the loop looks for a search answer while one is due.
const SEARCH_POLL: Duration = Duration::from_millis(15);

/// What performs the app's effects: file work and the search worker.
pub struct Shell<'a> {
    pub export: &'a dyn Fn(&App) -> Result<String, String>,
    pub search: SearchWorker,
}

/// Runs the app until the user quits. The terminal is restored on every way out.
pub fn run(app: &mut App, export: &dyn Fn(&App) -> Result<String, String>) -> io::Result<()> {
    let shell = Shell { export, search: SearchWorker::spawn(std::sync::Arc::clone(&app.report)) };
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, app, &shell);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, shell: &Shell) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut last_attempt: Option<Instant> = None;
    let mut redraw = true;
    loop {
        if redraw {
            terminal.draw(|frame| view::draw(app, frame))?;
            redraw = false;
        }
        if app.quit {
            return Ok(());
        }
        let mut wait = autosave_wait(app, last_attempt).unwrap_or(Duration::from_secs(3600));
        if app.search_pending() {
            wait = wait.min(SEARCH_POLL);
        }
        if event::poll(wait)? {
            let action = match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => app.keymap.action_for(&app.mode, key),
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(action) = action {
                dispatch(app, action, shell);
                redraw = true;
            }
        }
        if let Some((generation, hits)) = shell.search.try_answer() {
            dispatch(app, Action::SearchDone { generation, hits }, shell);
            redraw = true;
        }
        if autosave_wait(app, last_attempt) == Some(Duration::ZERO) {
            last_attempt = Some(Instant::now());
            dispatch(app, Action::Saved(save(app)), shell);
            redraw = true;
        }
    }
}

/// Feeds an action to the app, performing any work it asks for and reporting back.
pub fn dispatch(app: &mut App, action: Action, shell: &Shell) {
    let mut next = Some(action);
    while let Some(action) = next.take() {
        next = match app.update(action) {
            Some(Effect::Save) => Some(Action::Saved(save(app))),
            Some(Effect::Export) => Some(Action::Exported((shell.export)(app))),
            Some(Effect::Search(request)) => {
                shell.search.request(request);
                None
            }
            None => None,
        };
    }
}

pub fn save(app: &App) -> Result<(), String> {
    crate::store::save_scores(&app.scores_path, &app.report, &app.scores)
        .map_err(|e| format!("{} ({})", crate::store::io_message(&e), app.scores_path.display()))
}

/// Time until autosave is due (`ZERO` when due now), `None` when nothing needs saving.
fn autosave_wait(app: &App, last_attempt: Option<Instant>) -> Option<Duration> {
    if app.read_only || !app.has_unsaved() {
        return None;
    }
    let due = match (&app.save, last_attempt) {
        (SaveState::Failed(_), Some(t)) => t + RETRY_DELAY,
        _ => app.changed_at.unwrap_or_else(Instant::now) + AUTOSAVE_DELAY,
    };
    Some(due.saturating_duration_since(Instant::now()))
}
