//! The evaluation's list of reports (`appraise DIR`): a row per report with its unit
//! (被评价单位), every evaluator's progress, total and submitted mark, the panel's 评价得分,
//! 等级 and rank; sorted and filtered by key; `Enter` asks for a review of the row's report and
//! `p` for its panel view. This module is the list's state and what each action does to it —
//! pure, driven by tests as by the shell. The shell (`run.rs`) reads the keys and the
//! refresher's news (`refresh.rs`, which follows the folder's files); the view (`view.rs`)
//! draws the state and never changes it.

pub mod refresh;
pub mod run;
pub mod view;

use super::action::{Action, ListAction, ListFilter};
use super::app::Level;
use super::keymap::Keymap;
use super::keys::KeyMode;
use crate::evaluation::{Document, EvaluatorStatus, ReportStatus};
use crate::theme::Theme;
use crate::words::list as w;
use ratatui::crossterm::event::KeyEvent;
use std::cmp::Ordering;
use std::path::PathBuf;

/// What the list asks the shell to open: a row (an index into `rows`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    Review(usize),
    Panel(usize),
}

/// The orders of the rows, in the order `s` goes through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// The documents' order (by file name).
    File,
    /// The panel's 评价得分, highest first (the rank); reports without one last.
    Score,
    /// 被评价单位 (or the title where the report names no unit).
    Unit,
    /// The evaluator's own progress, least done first.
    Mine,
}

impl Sort {
    fn next(self) -> Sort {
        match self {
            Sort::File => Sort::Score,
            Sort::Score => Sort::Unit,
            Sort::Unit => Sort::Mine,
            Sort::Mine => Sort::File,
        }
    }

    pub fn word(self) -> crate::words::Word {
        match self {
            Sort::File => w::SORT_FILE,
            Sort::Score => w::SORT_SCORE,
            Sort::Unit => w::SORT_UNIT,
            Sort::Mine => w::SORT_MINE,
        }
    }
}

/// The filters on, in the order they are named.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Filters {
    pub mine_unfinished: bool,
    pub not_submitted: bool,
    pub disagreements: bool,
}

impl Filters {
    pub fn any(&self) -> bool {
        self.mine_unfinished || self.not_submitted || self.disagreements
    }

    fn flag(&mut self, f: ListFilter) -> &mut bool {
        match f {
            ListFilter::MineUnfinished => &mut self.mine_unfinished,
            ListFilter::NotSubmitted => &mut self.not_submitted,
            ListFilter::Disagreements => &mut self.disagreements,
        }
    }

    /// The filters on, as words (`我未评完 · 尚未全部提交`).
    pub fn named(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.mine_unfinished {
            out.push(w::FILTER_MINE.get());
        }
        if self.not_submitted {
            out.push(w::FILTER_NOT_SUBMITTED.get());
        }
        if self.disagreements {
            out.push(w::LIST_FILTER_DISAGREE.get());
        }
        out
    }
}

/// The list's state.
pub struct ListApp {
    /// The evaluation's title (`appraise.toml`), else the folder's name.
    pub title: String,
    pub dir: PathBuf,
    /// Who is using the list: whose progress "mine" means.
    pub me: Option<String>,
    /// Every report, in the documents' order.
    pub rows: Vec<ReportStatus>,
    /// The scores have been read once (before that the rows are the documents' names only).
    pub known: bool,
    /// Reading or importing: document `k` of `n`, its name.
    pub reading: Option<(usize, usize, String)>,
    /// The rows shown, in order: indices into `rows`.
    pub order: Vec<usize>,
    /// The row under the cursor: an index into `order`.
    pub cursor: usize,
    /// The first row shown (the view scrolls to keep the cursor in sight).
    pub top: usize,
    pub sort: Sort,
    pub filters: Filters,
    /// The help page is open.
    pub help: bool,
    pub message: Option<(Level, String)>,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Rows of the table on screen (a page), as the last frame laid it out.
    pub page: usize,
    pub quit: bool,
}

impl ListApp {
    /// The list of `documents` before their scores are read.
    pub fn new(title: String, dir: PathBuf, me: Option<String>, documents: &[Document]) -> ListApp {
        let rows: Vec<ReportStatus> = documents.iter().map(ReportStatus::pending).collect();
        let mut list = ListApp {
            title,
            dir,
            me,
            order: (0..rows.len()).collect(),
            rows,
            known: false,
            reading: None,
            cursor: 0,
            top: 0,
            sort: Sort::File,
            filters: Filters::default(),
            help: false,
            message: None,
            keymap: Keymap::default(),
            theme: Theme::default(),
            page: 10,
            quit: false,
        };
        list.arrange(None);
        list
    }

    /// The report under the cursor.
    pub fn selected(&self) -> Option<&ReportStatus> {
        self.order.get(self.cursor).map(|&i| &self.rows[i])
    }

    /// A key pressed: the help page's table while it is open, else the list's. A key clears
    /// the message it was not answering.
    pub fn key(&mut self, key: KeyEvent) -> Option<Open> {
        if self.help {
            if let Some(Action::PageClose) = self.keymap.bound(KeyMode::Help, key) {
                self.help = false;
            }
            return None;
        }
        let before = self.message.clone();
        let open = self.keymap.bound(KeyMode::List, key).and_then(|action| self.update(action));
        if before.is_some() && self.message == before {
            self.message = None;
        }
        open
    }

    pub fn update(&mut self, action: Action) -> Option<Open> {
        let n = self.order.len();
        let last = n.saturating_sub(1);
        match action {
            Action::NextItem => self.cursor = (self.cursor + 1).min(last),
            Action::PrevItem => self.cursor = self.cursor.saturating_sub(1),
            Action::FirstItem => self.cursor = 0,
            Action::LastItem => self.cursor = last,
            Action::PageDown => self.cursor = (self.cursor + self.page.max(1)).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(self.page.max(1)),
            Action::Help => self.help = true,
            Action::Quit | Action::ForceQuit => self.quit = true,
            Action::Dismiss if self.message.is_some() => self.message = None,
            Action::Dismiss if self.filters.any() => self.clear_filters(),
            Action::Dismiss => {}
            Action::List(ListAction::Review) => return self.open(Open::Review),
            Action::List(ListAction::Panel) => return self.open(Open::Panel),
            Action::List(ListAction::Sort) => {
                self.sort = self.sort.next();
                self.arrange(self.selected_row());
                self.say(Level::Info, w::SORTED_BY.fill(&[("order", &self.sort.word())]));
            }
            Action::List(ListAction::Filter(f)) => {
                if f == ListFilter::MineUnfinished && self.me.is_none() {
                    self.say(Level::Warn, w::MINE_NEEDS_NAME.fill(&[("flag", &"--evaluator")]));
                    return None;
                }
                let on = self.filters.flag(f);
                *on = !*on;
                self.arrange(self.selected_row());
                self.say_filters();
            }
            Action::List(ListAction::ClearFilters) => self.clear_filters(),
            _ => {}
        }
        self.scroll();
        None
    }

    /// The rows as the folder's files have them now; the cursor stays on its report.
    pub fn set_rows(&mut self, rows: Vec<ReportStatus>) {
        // Until the first statuses come, the rows are documents in name order: the top one is
        // no choice of the user's, so the cursor stays on top as the order settles.
        let chosen = self.known || self.cursor > 0;
        let keep = self.selected().filter(|_| chosen).map(|r| r.document.clone());
        self.rows = rows;
        self.known = true;
        self.reading = None;
        let row = keep.and_then(|d| self.rows.iter().position(|r| r.document == d));
        self.arrange(row);
    }

    pub fn say(&mut self, level: Level, text: impl Into<String>) {
        self.message = Some((level, text.into()));
    }

    /// The evaluators with a column, in order: the user first (before their first score too),
    /// then by name.
    pub fn evaluators(&self) -> Vec<String> {
        let mut names: Vec<String> = self.me.iter().cloned().collect();
        for r in &self.rows {
            for e in &r.evaluators {
                if !names.contains(&e.name) {
                    names.push(e.name.clone());
                }
            }
        }
        names.sort();
        if let Some(me) = &self.me
            && let Some(i) = names.iter().position(|n| n == me)
        {
            let me = names.remove(i);
            names.insert(0, me);
        }
        names
    }

    /// The user's own sheet of `row`.
    pub fn mine<'a>(&self, row: &'a ReportStatus) -> Option<&'a EvaluatorStatus> {
        let me = self.me.as_ref()?;
        row.evaluators.iter().find(|e| &e.name == me)
    }

    fn selected_row(&self) -> Option<usize> {
        self.order.get(self.cursor).copied()
    }

    fn open(&mut self, what: fn(usize) -> Open) -> Option<Open> {
        let Some(i) = self.selected_row() else {
            self.say(Level::Info, w::NOTHING_SHOWN.get());
            return None;
        };
        let row = &self.rows[i];
        if let Some(problem) = &row.problem {
            let text = w::CANNOT_OPEN.fill(&[("file", &row.file), ("why", problem)]);
            self.say(Level::Warn, text);
            return None;
        }
        if row.report_path.is_none() {
            let text = w::STILL_READING.fill(&[("file", &row.file)]);
            self.say(Level::Info, text);
            return None;
        }
        Some(what(i))
    }

    fn clear_filters(&mut self) {
        if !self.filters.any() {
            self.say(Level::Info, w::LIST_NO_FILTER.get());
            return;
        }
        self.filters = Filters::default();
        self.arrange(self.selected_row());
        self.say(Level::Info, w::LIST_FILTERS_CLEARED.get());
    }

    fn say_filters(&mut self) {
        let named = self.filters.named();
        if named.is_empty() {
            self.say(Level::Info, w::LIST_FILTERS_CLEARED.get());
            return;
        }
        let text = w::FILTERED.fill(&[
            ("filters", &named.join(" · ")),
            ("shown", &self.order.len()),
            ("all", &self.rows.len()),
        ]);
        self.say(Level::Info, text);
    }

    /// Sorts and filters the rows; the cursor goes to `keep` when it is shown, else stays where
    /// it was on screen.
    fn arrange(&mut self, keep: Option<usize>) {
        let mut order: Vec<usize> = (0..self.rows.len()).filter(|&i| self.passes(&self.rows[i])).collect();
        order.sort_by(|&a, &b| self.compare(&self.rows[a], &self.rows[b]).then(a.cmp(&b)));
        self.order = order;
        self.cursor = match keep.and_then(|k| self.order.iter().position(|&i| i == k)) {
            Some(at) => at,
            None => self.cursor.min(self.order.len().saturating_sub(1)),
        };
        self.scroll();
    }

    fn passes(&self, r: &ReportStatus) -> bool {
        let f = &self.filters;
        if f.mine_unfinished && self.mine(r).is_some_and(|e| e.items > 0 && e.scored >= e.items) {
            return false;
        }
        if f.not_submitted && !r.evaluators.is_empty() && r.evaluators.iter().all(|e| e.submitted) {
            return false;
        }
        if f.disagreements && r.disagreements == 0 {
            return false;
        }
        true
    }

    /// Documents that are no reports come after the reports in every order, as in `summary`.
    fn compare(&self, a: &ReportStatus, b: &ReportStatus) -> Ordering {
        let broken = a.problem.is_some().cmp(&b.problem.is_some());
        broken.then_with(|| self.compare_reports(a, b))
    }

    fn compare_reports(&self, a: &ReportStatus, b: &ReportStatus) -> Ordering {
        match self.sort {
            Sort::File => Ordering::Equal,
            Sort::Score => match (a.score, b.score) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            Sort::Unit => crate::text::collation_key(unit_of(a)).cmp(&crate::text::collation_key(unit_of(b))),
            Sort::Mine => self.done(a).total_cmp(&self.done(b)),
        }
    }

    /// How much of `r` the user has scored (0 to 1; the least of everyone's without a name).
    fn done(&self, r: &ReportStatus) -> f64 {
        let part = |e: &EvaluatorStatus| if e.items == 0 { 0.0 } else { e.scored as f64 / e.items as f64 };
        match &self.me {
            Some(_) => self.mine(r).map_or(0.0, part),
            None => r
                .evaluators
                .iter()
                .map(part)
                .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.min(x))))
                .unwrap_or(0.0),
        }
    }

    /// Keeps the cursor's row on screen.
    fn scroll(&mut self) {
        let page = self.page.max(1);
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + page {
            self.top = self.cursor + 1 - page;
        }
        self.top = self.top.min(self.order.len().saturating_sub(page));
    }

    /// The table's height changed (the view measured it).
    pub fn set_page(&mut self, rows: usize) {
        if rows != self.page {
            self.page = rows;
            self.scroll();
        }
    }
}

/// What a row is called: its unit, else its title.
pub fn unit_of(r: &ReportStatus) -> &str {
    r.unit.as_deref().unwrap_or(&r.title)
}

#[cfg(test)]
mod tests;
