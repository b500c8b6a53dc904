//! The filter menu (F): single keys toggle filters, which combine. Part of `App`.

use super::{App, Level, Mode};
use crate::filter::{Filter, tags};
use crate::tui::action::{Action, FilterKind};

impl App {
    /// The filter menu's keys: each toggles a filter; they combine.
    pub(super) fn on_filters(&mut self, action: Action) {
        if !matches!(self.mode, Mode::Filters) {
            return;
        }
        let f = &mut self.filter;
        match action {
            Action::FiltersClose => {
                self.mode = Mode::Normal;
                self.after_filter_change();
                return;
            }
            Action::FilterToggle(FilterKind::Unscored) => f.unscored = !f.unscored,
            Action::FilterToggle(FilterKind::Flagged) => f.flagged = !f.flagged,
            Action::FilterToggle(FilterKind::NeedsReason) => f.needs_reason = !f.needs_reason,
            Action::FilterToggle(FilterKind::HasNote) => f.has_note = !f.has_note,
            Action::FilterToggle(FilterKind::Tag) => {
                let all = tags(&self.report);
                f.tag = match &f.tag {
                    None => all.first().cloned(),
                    Some(t) => all.iter().position(|x| x == t).and_then(|p| all.get(p + 1).cloned()),
                };
            }
            Action::FilterToggle(FilterKind::Disagree) => {
                if f.disagree.is_some() {
                    f.disagree = None;
                } else if self.panel.is_some() {
                    let d = self.disagreements();
                    self.filter.disagree = Some(d);
                } else {
                    self.say(
                        Level::Info,
                        crate::words::chair::ONLY_IN_PANEL.fill(&[("cmd", &"appraise panel")]),
                    );
                    return;
                }
            }
            Action::FiltersClear => *f = Filter::default(),
            _ => return,
        }
        self.after_filter_change();
    }

    /// Shows what the filter now lets through, and says how much that is.
    pub(super) fn after_filter_change(&mut self) {
        self.apply_filter();
        if !self.filter.is_active() {
            self.say(Level::Info, crate::words::tui::NO_FILTER.get());
            return;
        }
        let shown = (0..self.report.items.len())
            .filter(|&i| self.filter.matches(&self.report, &self.scores, i))
            .count();
        let count = crate::words::tui::count_items(shown);
        self.say(
            Level::Info,
            crate::words::tui::FILTER_COUNT.fill(&[("filter", &self.filter.describe()), ("count", &count)]),
        );
    }
}
