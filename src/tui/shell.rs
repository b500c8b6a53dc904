//! The shell: what performs the work `App::update` asks for (an [`Effect`]) and reports back
//! as actions — saves through the saver thread (autosave, Ctrl-s, quit), the recovery journal
//! before the next key, exports, searches, the clipboard — and the keys it reads before the
//! key map (Ctrl-c twice).

use super::action::Action;
use super::app::{App, Effect, JournalRecord, Mode, SaveState};
use super::search_worker::SearchWorker;
use super::{exporter, saver, terminal, view};
use crate::store::{Journal, Outcome, Writer};
use ratatui::crossterm::event;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How often a failed save is tried again.
const RETRY_DELAY: Duration = Duration::from_secs(5);
/// What performs the app's effects: file work, the journal, the saver, the exporter and the
/// search worker.
pub struct Shell {
    pub exporter: exporter::Exporter,
    pub search: SearchWorker,
    pub journal: Option<Journal>,
    pub autosave_delay: Duration,
    pub(super) saver: saver::Saver,
    /// The background save under way.
    pub(super) autosave: Option<Autosave>,
    /// Ctrl-c pressed this many times in a row (twice quits, past any prompt).
    pub(super) interrupts: u8,
    /// What drawing keeps between frames.
    pub(super) view: view::ViewState,
}

/// A background save under way.
#[derive(Debug, Clone, Copy)]
pub(super) struct Autosave {
    /// The saver's job.
    job: u64,
    /// The app's revision its snapshot was taken at.
    revision: u64,
    /// Journal lines written when the snapshot was taken: any more, and the journal is kept.
    journal_lines: u64,
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
                    terminal::copy_to_clipboard(&text);
                    None
                }
                None => None,
            };
        }
    }

    /// The action for a key press: the key map's, except that Ctrl-c twice in a row quits
    /// at once, whatever is on screen.
    pub(super) fn on_key(&mut self, app: &App, key: event::KeyEvent) -> Option<Action> {
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
            let why =
                app.journal_error.clone().unwrap_or_else(|| crate::words::tui::JOURNAL_NOT_OPEN.get().into());
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
    pub(super) fn dispatch_saved(&mut self, app: &mut App, saved: Result<Outcome, String>) {
        if saved.is_err() {
            self.check_journal(app);
        }
        let saved = saved.map(|outcome| {
            if outcome.is_external() {
                self.dispatch(app, Action::External(Box::new(outcome)));
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
            let error =
                crate::words::tui::JOURNAL_GONE.fill(&[("path", &crate::text::shown(journal.path()))]);
            self.dispatch(app, Action::JournalFailed { error, items: None });
        }
    }

    /// Starts writing a snapshot of the scores in the background.
    pub(super) fn start_autosave(&mut self, app: &App) {
        let journal_lines = self.journal.as_ref().map_or(0, Journal::written);
        let job = self.saver.start(app.scores.clone());
        self.autosave = Some(Autosave { job, revision: app.revision, journal_lines });
    }

    /// A background save finished: fold the journal if nothing was journaled since its
    /// snapshot, and tell the app what it covered (and what it met).
    pub(super) fn finish_autosave(&mut self, app: &mut App, done: saver::Done) {
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
                self.dispatch(app, Action::External(Box::new(outcome)));
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

/// Writes the scores file through `writer` (merging another program's changes), outside the
/// event loop: after it failed or panicked.
pub fn save(app: &App, writer: &Mutex<Writer>) -> Result<(), String> {
    writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner).save(&app.scores).map(drop)
}

/// Time until autosave is due (`ZERO` when due now), `None` when nothing needs saving.
pub(super) fn autosave_wait(app: &App, last_attempt: Option<Instant>, delay: Duration) -> Option<Duration> {
    if app.read_only || !app.has_unsaved() {
        return None;
    }
    let due = match (&app.save, last_attempt) {
        (SaveState::Failed(_), Some(t)) => t + RETRY_DELAY,
        _ => app.changed_at.unwrap_or_else(Instant::now) + delay,
    };
    Some(due.saturating_duration_since(Instant::now()))
}
