//! The chair's keys in the panel view: take the panel's mean (by its method) as the agreed score
//! of one item or of every item not agreed yet, and what the watcher read again of the
//! evaluators' files. Part of `App`; see `mod.rs` for the state.
//!
//! An agreed score taken below full marks takes the experts' reasons with it, named and joined
//! (`张三：佐证不足；李四：…`), so it is not left without the reason the report requires. Only
//! an expert who scored the item below full marks and wrote a note gives one (a note beside full
//! marks explains no deduction; an unscored item's note is not a verdict). A note the agreed
//! entry already has is the chair's and is kept; `a` edits either.

use super::{App, Level};
use crate::lang::Lang;
use crate::panel::on_grid;
use crate::report::ItemIx;
use crate::scores::{check_score, fmt_num};
use crate::tui::action::Action;
use crate::words::chair as w;

/// What taking a value did to the agreed entry's note.
enum Reason {
    /// The experts' reasons were taken (by these experts).
    Taken(Vec<String>),
    /// Below full marks, and no expert wrote a reason: the item still needs one.
    Missing,
    /// Nothing to do: full marks, or the note was there already.
    None,
}

impl App {
    /// The method's name, for messages.
    pub fn panel_method(&self) -> &'static str {
        match self.panel.as_ref().map(|p| p.method) {
            Some(crate::panel::Method::TrimmedMean) => w::METHOD_TRIMMED.get(),
            _ => w::METHOD_MEAN.get(),
        }
    }

    fn not_in_panel(&mut self) -> bool {
        if self.panel.is_none() {
            self.say(Level::Info, w::ONLY_IN_PANEL.fill(&[("cmd", &"appraise panel")]));
            return true;
        }
        false
    }

    pub(super) fn take_mean(&mut self) {
        if self.not_in_panel() {
            return;
        }
        let Some(i) = self.editable_item() else { return };
        let Some(panel) = &self.panel else { return };
        let Some(exact) = panel.proposal(&self.report, i).value else {
            self.say(Level::Info, w::PANEL_NOBODY.get());
            return;
        };
        let value = on_grid(exact, &self.report.items[i].scale);
        if check_score(value, &self.report.items[i].scale).is_err() {
            return;
        }
        let reason = self.agree(i, value);
        let mut text = w::TOOK_MEAN.fill(&[
            ("method", &self.panel_method()),
            ("value", &fmt_num(value)),
            ("exact", &fmt_num(exact)),
        ]);
        match reason {
            Reason::Taken(names) => {
                let names = names.join(w::NAMES_SEP.get());
                let key = self.key(Action::Annotate);
                text.push_str(&w::REASON_TAKEN.fill(&[("names", &names), ("key", &key)]));
            }
            Reason::Missing => {
                text.push_str(&w::REASON_NONE.fill(&[("key", &self.key(Action::Annotate))]));
            }
            Reason::None => {}
        }
        self.say(Level::Info, text);
    }

    /// Sets `value` as item `i`'s agreed score, with the experts' reasons when it is below full
    /// marks and the entry has no note yet (one change: one undo takes both back).
    fn agree(&mut self, i: ItemIx, value: f64) -> Reason {
        let below = value < self.report.items[i].scale.max - 1e-9;
        let (reasons, names) = if below && self.scores.entries[i].note.trim().is_empty() {
            self.experts_reasons(i)
        } else {
            (String::new(), Vec::new())
        };
        let reason = if !names.is_empty() {
            Reason::Taken(names)
        } else if below && self.scores.entries[i].note.trim().is_empty() {
            Reason::Missing
        } else {
            Reason::None
        };
        self.change(i, |e| {
            e.score = Some(value);
            if !reasons.is_empty() {
                e.note = reasons;
            }
        });
        reason
    }

    /// The reasons the experts who scored item `i` below full marks wrote, each named, joined in
    /// the panel's order, in the report's language (the note goes into its sheet); and their
    /// names.
    fn experts_reasons(&self, i: ItemIx) -> (String, Vec<String>) {
        let Some(panel) = &self.panel else { return (String::new(), Vec::new()) };
        let lang = Lang::of_report(&self.report);
        let max = self.report.items[i].scale.max;
        let mut parts = Vec::new();
        let mut names = Vec::new();
        for m in &panel.members {
            let Some(e) = m.scores.entries.get(i) else { continue };
            if !e.score.is_some_and(|v| v < max - 1e-9) {
                continue;
            }
            let note = one_line(&e.note, w::REASON_LINE_SEP.in_lang(lang));
            if note.is_empty() {
                continue;
            }
            parts.push(crate::words::fill(
                w::NAMED_REASON.in_lang(lang),
                &[("name", &m.name), ("note", &note)],
            ));
            names.push(m.name.clone());
        }
        (parts.join(w::REASON_SEP.in_lang(lang)), names)
    }

    /// The items without an agreed score that some evaluator has scored.
    fn open_items(&self) -> Vec<(usize, f64)> {
        let Some(panel) = &self.panel else { return Vec::new() };
        (0..self.report.items.len())
            .filter(|&i| self.scores.entries[i].score.is_none())
            .filter_map(|i| panel.proposal(&self.report, i).value.map(|v| (i, v)))
            .collect()
    }

    pub(super) fn take_all_means(&mut self) {
        if self.not_in_panel() {
            return;
        }
        if self.read_only {
            self.say(Level::Warn, crate::words::tui::READ_ONLY_NO_CHANGE.get());
            return;
        }
        let open = self.open_items();
        if open.is_empty() {
            self.say(Level::Info, w::NONE_TO_TAKE.get());
            return;
        }
        if !self.confirm_all {
            self.confirm_all = true;
            let key = self.key(Action::TakeAllMeans);
            let text = w::TAKE_ALL_CONFIRM.fill(&[
                ("n", &open.len()),
                ("method", &self.panel_method()),
                ("key", &key),
            ]);
            self.say(Level::Warn, text);
            return;
        }
        self.confirm_all = false;
        let (mut taken, mut missing) = (0, 0);
        for &(i, exact) in &open {
            let value = on_grid(exact, &self.report.items[i].scale);
            match self.agree(i, value) {
                Reason::Taken(_) => taken += 1,
                Reason::Missing => missing += 1,
                Reason::None => {}
            }
        }
        let mut text = w::TOOK_ALL.fill(&[("n", &open.len()), ("method", &self.panel_method())]);
        if taken > 0 {
            text.push_str(&w::REASONS_TAKEN.fill(&[("n", &taken)]));
        }
        if missing > 0 {
            let filters = self.key(Action::OpenFilters);
            let reason = Action::FilterToggle(crate::tui::action::FilterKind::NeedsReason);
            let filter = self.keymap.key(crate::tui::keys::KeyMode::Filters, &reason);
            let text_of = w::REASONS_MISSING.fill(&[("n", &missing), ("key", &filters), ("filter", &filter)]);
            text.push_str(&text_of);
        }
        self.say(Level::Info, text);
    }

    /// The items where the evaluators are far apart (the spread mark).
    pub(super) fn disagreements(&self) -> std::collections::BTreeSet<usize> {
        let Some(panel) = &self.panel else { return Default::default() };
        (0..self.report.items.len()).filter(|&i| panel.proposal(&self.report, i).stats.disagree).collect()
    }

    /// `o`: the next item in order of spread, widest first (wrapping); items all agree on are
    /// not in the walk.
    pub(super) fn next_by_spread(&mut self) {
        if self.not_in_panel() {
            return;
        }
        let Some(panel) = &self.panel else { return };
        let mut order: Vec<(usize, f64)> = (0..self.report.items.len())
            .filter_map(|i| panel.proposal(&self.report, i).stats.spread.filter(|s| *s > 0.0).map(|s| (i, s)))
            .collect();
        // Widest first; equal spreads in report order.
        order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        if order.is_empty() {
            self.say(Level::Info, w::NO_SPREAD.get());
            return;
        }
        let at = self.current_item().and_then(|i| order.iter().position(|(j, _)| *j == i));
        let k = at.map_or(0, |p| (p + 1) % order.len());
        let (item, spread) = order[k];
        self.go_to(crate::report::Node::Item(item));
        let text = w::SPREAD_AT.fill(&[("k", &(k + 1)), ("n", &order.len()), ("spread", &fmt_num(spread))]);
        self.say(Level::Info, text);
    }

    pub(super) fn on_panel_read(&mut self, events: Vec<crate::panel::PanelEvent>) {
        let report = std::sync::Arc::clone(&self.report);
        let Some(panel) = &mut self.panel else { return };
        let done = panel.apply(&report, events);
        if done.is_empty() {
            return;
        }
        self.panel_reads += 1;
        if self.filter.disagree.is_some() {
            self.filter.disagree = Some(self.disagreements());
            self.refresh_outline();
        }
        if let Some((name, problem)) = done.problem_names.first() {
            self.say(Level::Warn, w::MEMBER_PROBLEM.fill(&[("name", name), ("problem", problem)]));
        } else if !done.joined_names.is_empty() {
            self.say(Level::Info, w::MEMBERS_JOINED.fill(&[("names", &done.joined_names.join(", "))]));
        } else if !done.left.is_empty() {
            self.say(Level::Info, w::MEMBERS_LEFT.fill(&[("names", &done.left.join(", "))]));
        } else {
            self.say(Level::Info, w::MEMBERS_READ.fill(&[("names", &done.read_names.join(", "))]));
        }
    }
}

/// A note on one line: its lines trimmed, without their closing punctuation, joined with `sep`
/// (the joined reasons are then told apart by their names).
fn one_line(note: &str, sep: &str) -> String {
    const CLOSING: &[char] = &['。', '；', ';', '，', ',', '、', '.'];
    note.lines()
        .map(|l| l.trim().trim_end_matches(CLOSING).trim_end())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}
