//! Submitting the sheet (`S`) and changing it after: `S` asks first, saying what is still
//! unscored or lacks the reason the report requires, then records `submitted_at`; the first
//! change to a submitted sheet asks once, then records `reopened_at` (`submitted_at` is kept,
//! and the next `S` sets it anew and clears `reopened_at`). Part of `App`.

use super::{App, Confirm, Effect, Level, Mode};
use crate::scores::now_rfc3339;
use crate::tui::action::Action;
use crate::words::{evaluators as ev, tui as w};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use std::sync::Arc;

impl App {
    /// `S`: ask whether to submit, saying what is not done.
    pub(super) fn submit(&mut self) {
        if self.read_only {
            self.say(Level::Warn, w::READ_ONLY_NO_CHANGE.get());
            return;
        }
        if self.scores.is_submitted() {
            let at = self.local_time(self.scores.head.submitted_at.as_deref().unwrap_or_default());
            self.say(Level::Info, ev::ALREADY_SUBMITTED.fill(&[("at", &at)]));
            return;
        }
        let sum = &self.tallies.report;
        let unscored = sum.items - sum.scored;
        let reasons = self.missing_reasons().count();
        let mut state = String::new();
        if unscored == 0 {
            state.push_str(&ev::SUBMIT_ALL_SCORED.fill(&[("count", &w::count_items(sum.items))]));
        } else {
            state.push_str(&ev::SUBMIT_UNSCORED.fill(&[("count", &w::count_items(unscored))]));
        }
        if reasons > 0 {
            state.push_str(&ev::SUBMIT_NO_REASON.fill(&[("count", &w::count_items(reasons))]));
        }
        self.mode = Mode::Confirm(Confirm::Submit);
        self.say_sticky(Level::Warn, ev::SUBMIT_ASK.fill(&[("state", &state)]));
    }

    /// Whether `action` would change a submitted sheet (and so must ask first).
    pub(super) fn asks_to_reopen(&self, action: &Action) -> bool {
        use Action::*;
        if self.read_only || !self.scores.is_submitted() || !matches!(self.mode, Mode::Normal) {
            return false;
        }
        match action {
            // At the missing-reasons question, the score key goes to the first such item.
            OpenScorePrompt if self.quit_gate == Some(super::QuitGate::MissingReasons) => false,
            QuickScore(_) | OpenScorePrompt | RaiseScore | LowerScore | ClearScore | Annotate
            | ToggleFlag => self.current_item().is_some(),
            Undo => self.history.can_undo(),
            Redo => self.history.can_redo(),
            _ => false,
        }
    }

    /// The question before the first change to a submitted sheet; `then` is done on yes.
    pub(super) fn ask_reopen(&mut self, then: Action) {
        let at = self.local_time(self.scores.head.submitted_at.as_deref().unwrap_or_default());
        self.mode = Mode::Confirm(Confirm::Reopen(Box::new(then)));
        self.say_sticky(Level::Warn, ev::REOPEN_ASK.fill(&[("at", &at)]));
    }

    /// The answer to the question on screen: `y` is yes, any other key no.
    pub(super) fn on_confirm(&mut self, answer: &Action) -> Option<Effect> {
        let Mode::Confirm(question) = std::mem::replace(&mut self.mode, Mode::Normal) else { return None };
        self.message = None;
        let yes = matches!(answer, Action::Key(k)
            if matches!(k.code, KeyCode::Char('y' | 'Y')) && !k.modifiers.contains(KeyModifiers::CONTROL));
        match (question, yes) {
            (Confirm::Submit, true) => {
                let at = now_rfc3339();
                let scores = Arc::make_mut(&mut self.scores);
                scores.head.submitted_at = Some(at.clone());
                scores.head.reopened_at = None;
                self.mark_changed();
                self.say(Level::Info, ev::SUBMITTED.fill(&[("at", &self.local_time(&at))]));
                return self.save_now();
            }
            (Confirm::Submit, false) => self.say(Level::Info, ev::SUBMIT_CANCELLED.get()),
            (Confirm::Reopen(then), true) => {
                Arc::make_mut(&mut self.scores).head.reopened_at = Some(now_rfc3339());
                self.mark_changed();
                let effect = self.apply(*then);
                if self.message.is_none() {
                    let key = self.key(Action::Submit);
                    self.say(Level::Info, ev::REOPENED.fill(&[("key", &key)]));
                }
                return effect;
            }
            (Confirm::Reopen(_), false) => self.say(Level::Info, ev::REOPEN_CANCELLED.get()),
        }
        None
    }
}
