//! Moving around: the outline rows (filtered or not), the cursor, jumps and the ref walk,
//! and scrolling. Part of `App`; see `mod.rs` for the state.

use super::{App, Level};
use crate::filter::visible_outline;
use crate::report::Node;
use crate::tui::action::Action;
use crate::tui::layout;
use crate::words::tui as w;

impl App {
    /// Position of `node` in the full, unfiltered outline.
    fn pos(&self, node: Node) -> usize {
        match node {
            Node::Item(i) => self.item_pos[i],
            Node::Section(s) => self.section_pos[s],
        }
    }

    /// The row showing `node`, if it is shown.
    pub fn row_of(&self, node: Node) -> Option<usize> {
        let key = self.pos(node);
        self.outline.binary_search_by_key(&key, |&n| self.pos(n)).ok()
    }

    /// Recomputes the shown rows after a filter or a score changed; the cursor's node stays.
    pub(super) fn refresh_outline(&mut self) {
        let current = self.current();
        self.outline = visible_outline(&self.report, &self.scores, &self.filter, current);
        self.cursor =
            current.and_then(|n| self.row_of(n)).unwrap_or(0).min(self.outline.len().saturating_sub(1));
        self.keep_cursor_visible();
    }

    /// Shows the rows of a changed filter; the cursor moves to the first shown item at or after it.
    pub(super) fn apply_filter(&mut self) {
        let at = self.current().map_or(0, |n| self.pos(n));
        self.outline = visible_outline(&self.report, &self.scores, &self.filter, None);
        let from = self.outline.partition_point(|&n| self.pos(n) < at);
        let is_item = |n: &Node| matches!(n, Node::Item(_));
        let row = (self.outline[from..].iter().position(is_item).map(|p| from + p))
            .or_else(|| self.outline[..from].iter().rposition(is_item))
            .unwrap_or(0);
        self.text_scroll = 0;
        self.cursor = row.min(self.outline.len().saturating_sub(1));
        self.keep_cursor_visible();
    }

    /// Moves the cursor to `node`, showing it even when the filter would hide it.
    pub(super) fn go_to(&mut self, node: Node) {
        if self.row_of(node).is_none() {
            self.outline = visible_outline(&self.report, &self.scores, &self.filter, Some(node));
        }
        if let Some(row) = self.row_of(node) {
            self.set_cursor(row);
        }
    }

    /// Where `j`/`k` stop: the items, and the passages of the text to read between them.
    pub(super) fn is_stop(&self, node: &Node) -> bool {
        match *node {
            Node::Item(_) => true,
            Node::Section(s) => self.report.sections[s].is_passage(),
        }
    }

    pub(super) fn next_row(&self, want: impl Fn(&Node) -> bool) -> Option<usize> {
        self.outline.iter().skip(self.cursor + 1).position(want).map(|p| self.cursor + 1 + p)
    }

    pub(super) fn prev_row(&self, want: impl Fn(&Node) -> bool) -> Option<usize> {
        self.outline[..self.cursor.min(self.outline.len())].iter().rposition(want)
    }

    pub(super) fn move_to(&mut self, row: Option<usize>, at_end: &str) {
        match row {
            Some(r) => self.set_cursor(r),
            None => self.say(Level::Info, at_end),
        }
    }

    /// Moves the cursor; any walk through an item's refs ends here (`follow_ref` restarts it).
    pub(super) fn set_cursor(&mut self, row: usize) {
        if row != self.cursor {
            self.text_scroll = 0;
        }
        self.ref_walk = None;
        self.cursor = row.min(self.outline.len().saturating_sub(1));
        self.keep_cursor_visible();
    }

    /// The next unscored item among the shown rows, wrapping around.
    pub(super) fn next_unscored(&mut self) {
        let n = self.outline.len();
        let unscored = |node: &Node| matches!(node, Node::Item(i) if self.scores.entries[*i].score.is_none());
        let found = (1..=n).map(|k| (self.cursor + k) % n.max(1)).find(|&row| unscored(&self.outline[row]));
        match found {
            Some(row) if row != self.cursor || !unscored(&self.outline[row]) => self.move_to(Some(row), ""),
            Some(_) => self.say(Level::Info, w::ONLY_UNSCORED.get()),
            None if self.report.items.is_empty() => self.say(Level::Info, w::NO_ITEMS.get()),
            None if self.filter.is_active() => self.say(Level::Info, w::ALL_SHOWN_SCORED.get()),
            None => self.say(Level::Info, w::ALL_SCORED.get()),
        }
    }

    pub(super) fn follow_ref(&mut self) {
        let (origin, next) = match self.ref_walk {
            Some(walk) => walk,
            None => {
                let Some(i) = self.current_item() else {
                    self.say(Level::Info, w::NO_REFS_SECTION.get());
                    return;
                };
                if self.report.items[i].refs.is_empty() {
                    self.say(Level::Info, w::NO_REFS.get());
                    return;
                }
                self.jumps.push(Node::Item(i));
                (i, 0)
            }
        };
        let refs = &self.report.items[origin].refs;
        let k = next % refs.len();
        let id = refs[k].clone();
        let total = refs.len();
        if let Some(node) = self.report.find(&id) {
            self.go_to(node);
        }
        self.ref_walk = Some((origin, k + 1));
        let back = self.key(Action::JumpBack);
        let text = if total > 1 {
            let next = self.key(Action::FollowRef);
            w::EVIDENCE_AT_MORE.fill(&[
                ("k", &(k + 1)),
                ("n", &total),
                ("id", &id),
                ("back", &back),
                ("next", &next),
            ])
        } else {
            w::EVIDENCE_AT.fill(&[("k", &(k + 1)), ("n", &total), ("id", &id), ("back", &back)])
        };
        self.say(Level::Info, text);
    }

    /// Rows the outline pane shows (when it is shown: narrow terminals hide it behind the text).
    fn outline_height(&self) -> usize {
        let p = layout::panes(self.size, true).outline;
        usize::from(layout::inner(p).height.max(1))
    }

    pub(super) fn keep_cursor_visible(&mut self) {
        let h = self.outline_height();
        let margin = if h > 8 { 2 } else { 0 };
        if self.cursor < self.outline_offset + margin {
            self.outline_offset = self.cursor.saturating_sub(margin);
        } else if self.cursor + margin >= self.outline_offset + h {
            self.outline_offset = (self.cursor + margin + 1).saturating_sub(h);
        }
        let max_offset = self.outline.len().saturating_sub(h);
        self.outline_offset = self.outline_offset.min(max_offset);
    }

    /// `Ctrl-n` / `Ctrl-p`: the reading pane scrolls to the next / previous line with a match
    /// of the search that jumped here (the view measured where they are).
    pub(super) fn scroll_to_match(&mut self, next: bool) {
        let shown = self.found.as_ref().is_some_and(|f| Some(f.node) == self.current());
        if !shown || self.measured.matches == 0 {
            let key = self.key(Action::OpenSearch);
            self.say(Level::Info, w::NO_MATCHES_HERE.fill(&[("key", &key)]));
            return;
        }
        let target = if next { self.measured.next_match } else { self.measured.prev_match };
        match target {
            Some(line) => {
                self.text_scroll = line;
                self.say(Level::Info, w::MATCH_LINE.fill(&[("n", &self.measured.matches)]));
            }
            None if next => self.say(Level::Info, w::NO_LATER_MATCH.get()),
            None => self.say(Level::Info, w::NO_EARLIER_MATCH.get()),
        }
    }

    pub(super) fn page(&self) -> usize {
        usize::from(layout::inner(self.panes().reading).height.max(2)).saturating_sub(1).max(1)
    }

    pub(super) fn scroll_text(&mut self, by: isize) {
        let max = self.measured.reading_lines.saturating_sub(self.page());
        self.text_scroll = self.text_scroll.saturating_add_signed(by).min(max);
    }

    /// The mouse wheel: over the outline it moves between items, elsewhere it scrolls the text.
    pub(super) fn on_wheel(&mut self, column: u16, row: u16, down: bool) {
        let at = ratatui::layout::Position::new(column, row);
        if self.panes().outline.contains(at) {
            let want = |n: &Node| self.is_stop(n);
            let next = if down { self.next_row(want) } else { self.prev_row(want) };
            if let Some(r) = next {
                self.set_cursor(r);
            }
        } else {
            self.scroll_text(if down { 3 } else { -3 });
        }
    }

    /// A left click: on an outline row it selects that row; on a pane it focuses it.
    pub(super) fn on_click(&mut self, column: u16, row: u16) {
        let at = ratatui::layout::Position::new(column, row);
        let p = self.panes();
        if p.outline.contains(at) {
            self.focus = super::Pane::Outline;
            let inner = layout::inner(p.outline);
            if inner.contains(at) {
                let target = self.outline_offset + usize::from(row - inner.y);
                if target < self.outline.len() {
                    self.set_cursor(target);
                }
            }
        } else if p.reading.contains(at) {
            self.focus = super::Pane::Reading;
        } else if p.score.contains(at) {
            self.focus = super::Pane::Score;
        }
    }
}
