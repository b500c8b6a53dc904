//! How the app learns what became of its work on disk — saves (its own, and another program's
//! changes they met), the recovery journal — and the quit that depends on it: `q` saves, and
//! when that fails asks, in a fixed order, before anything that cannot be kept is given up.

use super::{App, Effect, Level, QuitQuestion, Said, SaveState};
use crate::report::ItemIx;
use crate::store::{JournalError, Outcome, SaveError};
use crate::tui::action::Action;
use crate::words::tui as w;
use std::sync::Arc;

/// A question `q` asks before quitting, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum QuitGate {
    /// Edits that are neither saved nor in the journal: quitting loses them.
    NotDurable,
    /// The save failed (the journal keeps the edits, or the first question said it does not).
    SaveFailed,
    /// Everything is kept, but items scored below full marks have no reason (扣分原因) where the
    /// report requires one: how many, and the way to the first.
    MissingReasons,
}

impl App {
    pub(super) fn on_saved(&mut self, result: Result<(), SaveError>) -> Option<Effect> {
        match result {
            Ok(()) => {
                if matches!(self.save, SaveState::Failed(_)) {
                    self.say(Level::Info, w::SAVED_AGAIN.get());
                }
                self.save = SaveState::Saved;
                self.autosave.saved();
                self.dirty.clear();
                self.unkept.clear();
                if self.quit_after_save {
                    self.quit_after_save = false;
                    match self.first_gate() {
                        Some(gate) => self.ask(gate),
                        None => self.quit = true,
                    }
                }
            }
            Err(e) => {
                self.save = SaveState::Failed(e.clone());
                if self.quit_after_save {
                    self.quit_after_save = false;
                    self.ask(self.first_gate().unwrap_or(QuitGate::SaveFailed));
                } else {
                    self.tell(Level::Error, Said::NotSaved(e));
                }
            }
        }
        None
    }

    /// A background save of the scores as they were at `revision` finished.
    pub(super) fn on_saved_up_to(&mut self, revision: u64, result: Result<(), SaveError>) -> Option<Effect> {
        self.autosave.answered();
        if result.is_err() || revision == self.revision {
            return self.on_saved(result);
        }
        // Changes came while it was written: they are still to be saved.
        self.dirty.retain(|_, changed| *changed > revision);
        let dirty = &self.dirty;
        self.unkept.retain(|i| dirty.contains_key(i));
        if matches!(self.save, SaveState::Failed(_)) {
            self.save = SaveState::Unsaved;
        }
        None
    }

    /// `q`: save and quit; or, at a prompt, go on to the next question or quit.
    pub(super) fn on_quit(&mut self) -> Option<Effect> {
        if self.read_only {
            self.quit = true;
            return None;
        }
        match self.quit_gate {
            Some(gate) => match self.gates().into_iter().find(|g| *g > gate) {
                Some(next) => self.ask(next),
                None => self.quit = true,
            },
            // Nothing changed: nothing is written (the file and its time stay as they were, and
            // no empty file is made); only the questions that still stand are asked.
            None if !self.has_unsaved() && self.unkept.is_empty() => match self.first_gate() {
                Some(gate) => self.ask(gate),
                None => self.quit = true,
            },
            None => {
                self.quit_after_save = true;
                return self.save_now();
            }
        }
        None
    }

    /// The questions standing between `q` and quitting, now, in order.
    fn gates(&self) -> Vec<QuitGate> {
        let mut gates = Vec::new();
        if !self.unkept.is_empty() {
            gates.push(QuitGate::NotDurable);
        }
        if matches!(self.save, SaveState::Failed(_)) {
            gates.push(QuitGate::SaveFailed);
        }
        if self.missing_reasons().next().is_some() {
            gates.push(QuitGate::MissingReasons);
        }
        gates
    }

    /// The items scored below full marks without the reason the report requires, in order.
    pub fn missing_reasons(&self) -> impl Iterator<Item = ItemIx> + '_ {
        let (report, scores) = (&self.report, &self.scores);
        (0..report.items.len())
            .filter(move |&i| crate::scores::needs_reason(report, &report.items[i], &scores.entries[i]))
    }

    /// At the missing-reasons question: go to the first such item (shown even when a filter
    /// would hide it); whether the question was open.
    pub(super) fn go_to_missing_reason(&mut self) -> bool {
        if self.quit_gate != Some(QuitGate::MissingReasons) {
            return false;
        }
        self.quit_gate = None;
        let first = self.missing_reasons().next();
        if let Some(i) = first {
            self.go_to(crate::report::Node::Item(i));
            let key = self.key(Action::Annotate);
            self.say(Level::Info, w::MISSING_REASON_HERE.fill(&[("key", &key)]));
        }
        true
    }

    /// What the terminal is told on the way out of a review that leaves items unscored: how
    /// many (in the panel view, how many have no agreed score and follow the method). Not a
    /// question: a sheet is scored over several sittings, and each quit would ask again.
    pub fn parting_note(&self) -> Option<String> {
        let sum = &self.tallies.report;
        let unscored = sum.items - sum.scored;
        if self.read_only || unscored == 0 {
            return None;
        }
        let count = w::count_items(unscored);
        Some(match &self.panel {
            Some(_) => w::QUIT_NOT_AGREED.fill(&[("count", &count), ("method", &self.panel_method())]),
            None => w::QUIT_UNSCORED.fill(&[("count", &count), ("items", &sum.items)]),
        })
    }

    fn first_gate(&self) -> Option<QuitGate> {
        self.gates().first().copied()
    }

    fn ask(&mut self, gate: QuitGate) {
        self.quit_gate = Some(gate);
        let key = self.key(Action::Quit);
        if gate == QuitGate::MissingReasons {
            let count = self.missing_reasons().count();
            let go = self.keymap.keys_for(crate::tui::keys::KeyMode::Normal, &Action::OpenScorePrompt);
            // Enter, when it is one of them, is what the question names.
            let go = go.iter().find(|k| *k == "Enter").or(go.first()).cloned().unwrap_or_default();
            let text =
                w::MISSING_REASONS.fill(&[("count", &w::count_items(count)), ("go", &go), ("key", &key)]);
            self.say(Level::Warn, text);
            return;
        }
        let save = match &self.save {
            SaveState::Failed(e) => Some(e.clone()),
            _ => None,
        };
        let question = QuitQuestion {
            gate,
            key,
            lost: self.unkept.len(),
            ids: self.unkept_ids(),
            save,
            journal: self.journal_error.clone(),
        };
        self.tell(Level::Error, Said::Quit(question));
    }

    /// The ids of the items whose edits nothing keeps (the first few).
    pub fn unkept_ids(&self) -> String {
        let mut ids: Vec<&str> = self.unkept.iter().take(5).map(|&i| &*self.report.items[i].id).collect();
        if self.unkept.len() > ids.len() {
            ids.push("…");
        }
        ids.join(", ")
    }

    pub(super) fn on_journal_failed(&mut self, error: JournalError, items: Option<Vec<ItemIx>>) {
        let first = self.journal_error.is_none();
        match items {
            Some(items) => self.unkept.extend(items),
            None => self.unkept.extend(self.dirty.keys().copied()),
        }
        self.journal_error = Some(error.clone());
        if first {
            self.tell(Level::Error, Said::JournalFailed(error));
        }
    }

    pub(super) fn on_journal_recovered(&mut self) {
        if self.journal_error.take().is_some() {
            self.say(Level::Info, w::JOURNAL_OK.get());
        }
    }

    /// A save met another program's changes: adopt the entries it took (where this app has
    /// not changed them since), and say what happened.
    pub(super) fn on_external(&mut self, outcome: Outcome) {
        let mut adopted = Vec::new();
        for (i, then, theirs) in outcome.taken {
            if self.scores.entries[i] == then {
                Arc::make_mut(&mut self.scores).entries[i] = theirs;
                adopted.push(i);
            }
        }
        if let Some(orphans) = outcome.orphans {
            Arc::make_mut(&mut self.scores).orphans = orphans;
        }
        if let Some((then, written)) = outcome.head
            && self.scores.head == then
        {
            Arc::make_mut(&mut self.scores).head = written;
        }
        if !adopted.is_empty() {
            self.tallies = crate::scores::Tallies::compute(&self.report, &self.scores);
        }
        let ids = |list: &[ItemIx]| {
            let mut ids: Vec<&str> = list.iter().take(5).map(|&i| &*self.report.items[i].id).collect();
            if list.len() > ids.len() {
                ids.push("…");
            }
            ids.join(", ")
        };
        if let Some(kept) = &outcome.conflict_file {
            // Beside the scores file (the info page says where that is): its name is enough.
            let name = kept.file_name().map_or_else(|| kept.as_path(), std::path::Path::new);
            let text = w::CONFLICT.fill(&[
                ("what", &items_named(&outcome.conflicts, &ids(&outcome.conflicts))),
                ("file", &crate::text::shown(name)),
                ("key", &self.key(Action::Dismiss)),
            ]);
            self.say_sticky(Level::Warn, text);
        } else if !adopted.is_empty() {
            let text = w::TAKEN.fill(&[("what", &items_named(&adopted, &ids(&adopted)))]);
            self.say(Level::Info, text);
        }
    }
}

/// "item s1.2" / "3 items (s1, s2, s3)".
fn items_named(list: &[ItemIx], ids: &str) -> String {
    if list.len() == 1 {
        w::ONE_ITEM_NAMED.fill(&[("id", &ids)])
    } else {
        w::ITEMS_NAMED.fill(&[("count", &w::count_items(list.len())), ("ids", &ids)])
    }
}
