//! The search overlay's state and keys. Matching itself runs on the search worker
//! (`tui::search_worker`); the app asks for it with `Effect::Search` and takes the newest
//! answer, so typing never waits. Part of `App`.

use super::{App, Effect, Level, Mode};
use crate::report::{ItemIx, Node};
use crate::search::Hit;
use crate::tui::action::Action;
use crate::tui::keys::KeyMode;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

/// What the search overlay shows.
#[derive(Debug, Default)]
pub struct SearchState {
    pub input: String,
    /// The newest answer, best first, narrowed by the active filter.
    pub hits: Vec<Hit>,
    pub selected: usize,
    /// The generation of the newest request; answers to older ones are dropped.
    pub generation: u64,
    /// A request is out and its answer has not come back yet.
    pub pending: bool,
}

/// A search for the worker: the query and the evaluator's notes as they are now.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub generation: u64,
    pub query: String,
    /// Non-empty notes by item, in item order.
    pub notes: Arc<Vec<(ItemIx, String)>>,
}

impl App {
    /// The search overlay's keys.
    pub(super) fn on_search(&mut self, action: Action) -> Option<Effect> {
        let Mode::Search(state) = &mut self.mode else { return None };
        let last = state.hits.len().saturating_sub(1);
        match action {
            Action::SearchClose => self.mode = Mode::Normal,
            Action::SearchJump => {
                if let Some(hit) = state.hits.get(state.selected) {
                    let node = hit.node;
                    let generation = self.found.as_ref().map_or(1, |f| f.generation + 1);
                    self.found = Some(super::Found { node, query: state.input.clone(), generation });
                    self.mode = Mode::Normal;
                    if let Some(here) = self.current() {
                        self.jumps.push(here);
                    }
                    self.go_to(node);
                    let back = self.keymap.key(KeyMode::Normal, &Action::JumpBack);
                    self.say(Level::Info, crate::words::tui::JUMPED.fill(&[("key", &back)]));
                }
            }
            Action::SearchDown => state.selected = (state.selected + 1).min(last),
            Action::SearchUp => state.selected = state.selected.saturating_sub(1),
            Action::SearchPageDown => state.selected = (state.selected + 10).min(last),
            Action::SearchPageUp => state.selected = state.selected.saturating_sub(10),
            Action::SearchDelete => {
                state.input.pop();
                return self.search_changed();
            }
            Action::SearchClear => {
                state.input.clear();
                return self.search_changed();
            }
            _ => {}
        }
        None
    }

    /// A key typed into the query.
    pub(super) fn type_into_search(&mut self, key: KeyEvent) -> Option<Effect> {
        let Mode::Search(state) = &mut self.mode else { return None };
        match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                state.input.push(c);
                self.search_changed()
            }
            _ => None,
        }
    }

    /// The query changed: ask the worker for the new answer (an empty query has none).
    pub(super) fn search_changed(&mut self) -> Option<Effect> {
        let notes: Vec<(ItemIx, String)> = self
            .scores
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.note.is_empty())
            .map(|(i, e)| (i, e.note.clone()))
            .collect();
        let Mode::Search(state) = &mut self.mode else { return None };
        state.generation += 1;
        state.selected = 0;
        if state.input.trim().is_empty() {
            state.hits.clear();
            state.pending = false;
            return None;
        }
        state.pending = true;
        Some(Effect::Search(SearchRequest {
            generation: state.generation,
            query: state.input.clone(),
            notes: Arc::new(notes),
        }))
    }

    pub(super) fn on_search_done(&mut self, generation: u64, hits: Vec<Hit>) {
        let filter = self.filter.clone();
        let keep = |hit: &Hit| match hit.node {
            Node::Item(i) => filter.matches(&self.report, &self.scores, i),
            Node::Section(_) => !filter.is_active(),
        };
        let hits: Vec<Hit> = hits.into_iter().filter(keep).collect();
        if let Mode::Search(state) = &mut self.mode
            && state.generation == generation
        {
            state.hits = hits;
            state.pending = false;
            state.selected = state.selected.min(state.hits.len().saturating_sub(1));
        }
    }
}
