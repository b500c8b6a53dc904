//! The shell: what performs the work `App::update` asks for (an [`Effect`]) and reports back
//! as actions — saves through the saver thread (autosave, Ctrl-s, quit), the recovery journal
//! before the next key, exports, searches, the clipboard — and the keys it reads before the
//! key map (Ctrl-c twice).

use super::action::Action;
use super::app::{App, Effect, Mode};
use super::search_worker::SearchWorker;
use super::{exporter, saver, terminal, view};
use crate::io_error::Reason;
use crate::report::ItemIx;
use crate::store::{Journal, JournalError, Outcome, SaveError, Writer};
use ratatui::crossterm::event;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// What performs the app's effects: file work, the journal, the saver, the exporter and the
/// search worker.
pub struct Shell {
    pub exporter: exporter::Exporter,
    pub search: SearchWorker,
    pub journal: Option<Journal>,
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
    /// Feeds an action to the app and performs every effect it asks for, in order, feeding the
    /// answers back the same way; every change it made is in the journal before this returns.
    /// Whether anything was asked (so the screen may have changed).
    pub fn dispatch(&mut self, app: &mut App, action: Action) -> bool {
        let mut queue = VecDeque::from([action]);
        let mut any = false;
        while let Some(action) = queue.pop_front() {
            let effects = app.update(action);
            any |= !effects.is_empty();
            self.perform(app, effects, &mut queue);
        }
        any
    }

    /// Performs `effects`; the answers go to `answers` (a journal failure first).
    fn perform(&mut self, app: &App, effects: Vec<Effect>, answers: &mut VecDeque<Action>) {
        let mut unkept: Option<(JournalError, Vec<ItemIx>)> = None;
        let mut later = VecDeque::new();
        for effect in effects {
            match effect {
                Effect::Journal { item, before, entry } => {
                    self.journal_write(app, item, &mut unkept, |j, id| j.record(id, &before, &entry));
                }
                Effect::Draft { item, text } => {
                    self.journal_write(app, item, &mut unkept, |j, id| j.record_draft(id, &text));
                }
                Effect::Save => {
                    let saved = self.save(app);
                    self.answer_saved(saved, &mut later, Action::Saved);
                }
                Effect::Autosave { revision } => self.start_autosave(app, revision, &mut later),
                Effect::Export => {
                    let scores = Arc::clone(&app.scores);
                    self.exporter.start(Arc::clone(&app.report), scores, app.scores_path.clone());
                }
                Effect::Search(request) => self.search.request(request),
                Effect::Copy(text) => terminal::copy_to_clipboard(&text),
            }
        }
        if let Some((error, items)) = unkept {
            answers.push_back(Action::JournalFailed { error, items: Some(items) });
        }
        answers.extend(later);
    }

    /// Writes one journal line for `item`, unless an earlier one of the same batch failed (its
    /// item is then counted as not kept too).
    fn journal_write(
        &mut self,
        app: &App,
        item: ItemIx,
        unkept: &mut Option<(JournalError, Vec<ItemIx>)>,
        write: impl FnOnce(&mut Journal, &str) -> std::io::Result<()>,
    ) {
        if app.read_only {
            return;
        }
        if let Some((_, items)) = unkept {
            items.push(item);
            return;
        }
        let result = match &mut self.journal {
            Some(journal) => {
                write(journal, &app.report.items[item].id).map_err(|e| JournalError::Write(Reason::of(&e)))
            }
            None => Err(app.journal_error.clone().unwrap_or(JournalError::NotOpen(None))),
        };
        if let Err(error) = result {
            *unkept = Some((error, vec![item]));
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

    /// Saves the scores file now, waiting for it; once it is on disk the journal is emptied
    /// (keeping a note still being typed).
    pub fn save(&mut self, app: &App) -> Result<Outcome, SaveError> {
        if app.read_only {
            return Ok(Outcome::default());
        }
        let id = self.saver.start(app.scores.clone())?;
        self.autosave = None;
        let outcome = self.saver.wait(id)?;
        self.fold_journal(app);
        Ok(outcome)
    }

    /// Saves now and tells the app how it went (for a save outside the key loop: a signal, a
    /// terminal gone).
    pub fn save_and_tell(&mut self, app: &mut App) {
        let saved = self.save(app);
        let mut answers = VecDeque::new();
        self.answer_saved(saved, &mut answers, Action::Saved);
        for action in answers {
            self.dispatch(app, action);
        }
    }

    /// The answers to a save: another program's changes it met first, then how it went (and,
    /// when it failed, whether the journal still keeps the edits).
    fn answer_saved(
        &mut self,
        saved: Result<Outcome, SaveError>,
        answers: &mut VecDeque<Action>,
        done: impl FnOnce(Result<(), SaveError>) -> Action,
    ) {
        match saved {
            Ok(outcome) => {
                if outcome.is_external() {
                    answers.push_back(Action::External(Box::new(outcome)));
                }
                answers.push_back(done(Ok(())));
            }
            Err(e) => {
                // The journal is all that keeps the edits now: make sure it still can (a journal
                // removed or replaced by someone holds nothing for the next start).
                if let Some(journal) = &self.journal
                    && !journal.still_there()
                {
                    let error = JournalError::Gone { path: journal.path().to_path_buf() };
                    answers.push_back(Action::JournalFailed { error, items: None });
                }
                answers.push_back(done(Err(e)));
            }
        }
    }

    /// Starts writing a snapshot of the scores in the background; a saver that cannot take it
    /// is a failed save (tried again like any other).
    fn start_autosave(&mut self, app: &App, revision: u64, answers: &mut VecDeque<Action>) {
        let journal_lines = self.journal.as_ref().map_or(0, Journal::written);
        match self.saver.start(app.scores.clone()) {
            Ok(job) => self.autosave = Some(Autosave { job, revision, journal_lines }),
            Err(e) => answers.push_back(Action::SavedUpTo { revision, result: Err(e) }),
        }
    }

    /// Asks the saver to look whether another program changed the scores file (nothing is
    /// written); when it did, the app hears of it as after a save. Only while nothing is being
    /// written.
    pub(super) fn look(&mut self, app: &App) {
        if !app.read_only && self.autosave.is_none() && self.saver.in_flight.is_none() {
            let _ = self.saver.look(Arc::clone(&app.scores));
        }
    }

    /// A job of the saver's finished: a look's news goes to the app; a background save folds
    /// the journal if nothing was journaled since its snapshot, and tells the app what it
    /// covered (and what it met).
    pub(super) fn finish(&mut self, app: &mut App, done: saver::Done) {
        if done.look {
            if let Ok(outcome) = done.result
                && outcome.is_external()
            {
                self.dispatch(app, Action::External(Box::new(outcome)));
            }
            return;
        }
        let Some(autosave) = self.autosave else { return };
        if done.id != autosave.job {
            return;
        }
        self.autosave = None;
        if done.result.is_ok() && self.journal.as_ref().is_none_or(|j| j.written() == autosave.journal_lines)
        {
            self.fold_journal(app);
        }
        let mut answers = VecDeque::new();
        let revision = autosave.revision;
        self.answer_saved(done.result, &mut answers, |result| Action::SavedUpTo { revision, result });
        for action in answers {
            self.dispatch(app, action);
        }
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
pub fn save(app: &App, writer: &Mutex<Writer>) -> Result<(), SaveError> {
    writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner).save(&app.scores).map(drop)
}
