//! The filter menu (F): single keys toggle filters, which combine. Part of `App`.

use super::{App, Level, Mode};
use crate::filter::{Filter, tags};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The menu's keys and what they toggle, in display order (shared with the view).
pub const FILTER_KEYS: &[(char, &str)] = &[
    ('u', "unscored"),
    ('f', "flagged"),
    ('r', "scored below max without a reason"),
    ('n', "has a note"),
    ('t', "by tag (again for the next tag)"),
    ('c', "clear all"),
];

impl App {
    pub(super) fn on_filter_key(&mut self, key: KeyEvent) {
        let f = &mut self.filter;
        match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('F' | 'q') => {
                self.mode = Mode::Normal;
                self.after_filter_change();
                return;
            }
            KeyCode::Char('u') => f.unscored = !f.unscored,
            KeyCode::Char('f') => f.flagged = !f.flagged,
            KeyCode::Char('r') => f.needs_reason = !f.needs_reason,
            KeyCode::Char('n') => f.has_note = !f.has_note,
            KeyCode::Char('t') => {
                let all = tags(&self.report);
                f.tag = match &f.tag {
                    None => all.first().cloned(),
                    Some(t) => all.iter().position(|x| x == t).and_then(|p| all.get(p + 1).cloned()),
                };
            }
            KeyCode::Char('c') | KeyCode::Backspace => *f = Filter::default(),
            _ => return,
        }
        self.after_filter_change();
    }

    /// Shows what the filter now lets through, and says how much that is.
    pub(super) fn after_filter_change(&mut self) {
        self.apply_filter();
        if !self.filter.is_active() {
            self.say(Level::Info, "No filter: every item is shown.");
            return;
        }
        let shown = (0..self.report.items.len())
            .filter(|&i| self.filter.matches(&self.report, &self.scores, i))
            .count();
        self.say(Level::Info, format!("Filter {}: {shown} items.", self.filter.describe()));
    }
}
