//! The terminal shell: set the terminal up, turn events into actions, let `App::update`
//! act, perform the file work it asks for, draw. Autosave lives here too: a change is on
//! disk within a second, and a failed save is retried while the app keeps running.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod view;

use action::Action;
use app::{App, Effect, SaveState};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use ratatui::crossterm::execute;
use std::io;
use std::time::{Duration, Instant};

/// How long after a change autosave waits for more keys (it is always well under a second).
const AUTOSAVE_DELAY: Duration = Duration::from_millis(250);
/// How often a failed save is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(5);

/// Runs the app until the user quits. The terminal is restored on every way out.
pub fn run(app: &mut App, export: &dyn Fn(&App) -> Result<String, String>) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, app, export);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    export: &dyn Fn(&App) -> Result<String, String>,
) -> io::Result<()> {
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
        let wait = autosave_wait(app, last_attempt).unwrap_or(Duration::from_secs(3600));
        if event::poll(wait)? {
            let action = match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => app.keymap.action_for(&app.mode, key),
                Event::Paste(text) => Some(Action::Paste(text)),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(action) = action {
                dispatch(app, action, export);
                redraw = true;
            }
        }
        if autosave_wait(app, last_attempt) == Some(Duration::ZERO) {
            last_attempt = Some(Instant::now());
            dispatch(app, Action::Saved(save(app)), export);
            redraw = true;
        }
    }
}

/// Feeds an action to the app, performing any file work it asks for and reporting back.
pub fn dispatch(app: &mut App, action: Action, export: &dyn Fn(&App) -> Result<String, String>) {
    let mut next = Some(action);
    while let Some(action) = next.take() {
        next = app.update(action).map(|effect| match effect {
            Effect::Save => Action::Saved(save(app)),
            Effect::Export => Action::Exported(export(app)),
        });
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
