//! The app's whole state and `App::update`, the one place where it changes. No terminal I/O
//! and no drawing here: file work is asked for by returning an [`Effect`], which the event
//! loop performs and reports back as an action.

use super::action::Action;
use super::keymap::Keymap;
use super::keys::KeyMode;
use super::layout::{self, Panes};
use crate::filter::Filter;
use crate::report::{ItemIx, Node, Report};
use crate::scores::{Entry, History, Scores, Tallies, check_score, fmt_num, now_rfc3339, step_from};
use crate::store::{JournalError, SaveError};
use crate::theme::Theme;
use crate::words::tui as w;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui_textarea::{TextArea, WrapMode};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Outline,
    Reading,
    Score,
}

#[derive(Debug)]
pub enum Mode {
    Normal,
    ScorePrompt {
        input: String,
        error: Option<String>,
        /// The input was refused: what is typed next replaces it.
        selected: bool,
    },
    Note {
        item: ItemIx,
        editor: Box<TextArea<'static>>,
    },
    Help {
        scroll: u16,
    },
    /// The report's meta, scale, grades and the files in use.
    Info {
        scroll: u16,
    },
    /// The filter menu: single keys toggle filters.
    Filters,
    /// The search overlay.
    Search(Box<SearchState>),
    /// A y/n question in the status bar: `y` says yes, any other key no.
    Confirm(Confirm),
    /// `:` — an id typed in the status bar, to go straight to it.
    Goto {
        input: String,
        error: Option<String>,
    },
}

/// What a y/n question is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    /// Submit the sheet (`S`).
    Submit,
    /// Change a submitted sheet: the action that would change it, done on yes.
    Reopen(Box<Action>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub said: Said,
    pub level: Level,
    /// Stays until dismissed with Esc (errors always do).
    pub sticky: bool,
}

/// What a message says. Most are words already; what the store reported stays data until the
/// view puts it into words (`view::said`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    Text(String),
    /// A save failed; it is tried again by itself.
    NotSaved(SaveError),
    /// The recovery journal cannot be written.
    JournalFailed(JournalError),
    /// A question `q` asks before quitting, because of what the store reported.
    Quit(QuitQuestion),
}

/// A question `q` asks when something stands in the way of quitting, with what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuitQuestion {
    pub gate: QuitGate,
    /// The quit key (pressing it again quits).
    pub key: String,
    /// How many items' edits nothing keeps, and the first ids.
    pub lost: usize,
    pub ids: String,
    pub save: Option<SaveError>,
    pub journal: Option<JournalError>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is on disk.
    Saved,
    /// Changes not written yet (autosave is due).
    Unsaved,
    /// The last attempt failed; edits are kept in memory.
    Failed(SaveError),
}

/// Work `update` asks the shell to do, in order; the answers come back as actions (`Saved`,
/// `SavedUpTo`, `Exported`, `SearchDone`, `JournalFailed`).
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write a change of the item to the recovery journal before the next key: its entry as it
    /// was before and as it now is.
    Journal {
        item: ItemIx,
        before: Entry,
        entry: Entry,
    },
    /// Write the note being typed for the item to the journal.
    Draft {
        item: ItemIx,
        text: String,
    },
    /// Save now and wait for it (Ctrl-s, quit, submitting): answered by `Saved`.
    Save,
    /// Start writing the scores as they are at `revision` in the background (autosave):
    /// answered by `SavedUpTo`.
    Autosave {
        revision: u64,
    },
    Export,
    /// Run this search off the UI thread.
    Search(SearchRequest),
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
}

pub struct App {
    /// Shared with the search worker.
    pub report: Arc<Report>,
    /// Shared with the saver while it writes a snapshot: a change made meanwhile copies them
    /// first (`Arc::make_mut`), so a snapshot costs nothing otherwise.
    pub scores: Arc<Scores>,
    pub history: History,
    /// The outline rows shown, in display order (all of them unless a filter is active).
    pub outline: Vec<Node>,
    /// Position of each item / section in the full, unfiltered outline (sort key of `outline`).
    item_pos: Vec<usize>,
    section_pos: Vec<usize>,
    /// Row of `outline` under the cursor.
    pub cursor: usize,
    pub filter: Filter,
    pub outline_offset: usize,
    pub focus: Pane,
    pub text_scroll: usize,
    pub mode: Mode,
    pub message: Option<Message>,
    pub save: SaveState,
    /// When to save by itself.
    pub autosave: autosave::Schedule,
    /// Rows to return to with Ctrl-o.
    pub jumps: Vec<Node>,
    /// The item whose refs `r` is walking, and the next ref to visit.
    ref_walk: Option<(ItemIx, usize)>,
    pub size: Rect,
    pub quit: bool,
    quit_after_save: bool,
    /// The quit prompt on screen: `q` was pressed and something stands in the way.
    quit_gate: Option<QuitGate>,
    pub read_only: bool,
    pub scores_path: PathBuf,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Effects asked for while handling the current action, returned by `update` with its own.
    outbox: Vec<Effect>,
    /// Totals of the report and of every section, kept current on every change.
    pub tallies: Tallies,
    /// Counts changes, so a save of a snapshot knows whether it covers them all.
    pub revision: u64,
    /// What the last frame measured (the reading pane's line count, how far a page scrolls).
    pub measured: layout::Measures,
    /// A scoring sheet is being written (in the background; `Exported` says how it went).
    pub exporting: bool,
    /// Why the recovery journal cannot be written, while it cannot (the status bar shows it).
    pub journal_error: Option<JournalError>,
    /// Items changed since the save that covers them, with the revision of their last change.
    dirty: BTreeMap<ItemIx, u64>,
    /// Of those, the items whose change the journal could not keep: neither saved nor journaled.
    pub unkept: BTreeSet<ItemIx>,
    /// The chair's view: the evaluators' scores beside the agreed ones (`appraise panel`).
    pub panel: Option<crate::panel::Panel>,
    /// Counts what the panel's watcher brought in (the reading pane shows it).
    pub panel_reads: u64,
    /// `M` was pressed once: the next `M` takes the mean for every item not agreed yet.
    confirm_all: bool,
    /// The search jumped here: its matches are marked in the reading pane while this node is
    /// shown (`Ctrl-n`/`Ctrl-p` go from one to the next).
    pub found: Option<Found>,
    /// The zone stored times are shown in (the system's; files keep UTC).
    pub zone: jiff::tz::TimeZone,
    /// Reviewing one report of an evaluation: Esc with no message to dismiss goes back to the
    /// list, as `q` does.
    pub esc_leaves: bool,
}

/// What a search jump left to mark: the node it went to and the query, with a generation that
/// tells one jump from the next.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub node: Node,
    pub query: String,
    pub generation: u64,
}

mod autosave;
mod filters;
mod modes;
mod panel;
mod saving;
mod search;
mod submit;
pub use autosave::{RETRY_DELAY, Schedule};
pub use saving::QuitGate;
pub use search::{SearchRequest, SearchState};
mod nav;

impl App {
    pub fn new(report: impl Into<Arc<Report>>, scores: Scores, scores_path: PathBuf, size: Rect) -> Self {
        let report: Arc<Report> = report.into();
        let tallies = Tallies::compute(&report, &scores);
        let outline = report.outline();
        let mut item_pos = vec![0; report.items.len()];
        let mut section_pos = vec![0; report.sections.len()];
        for (row, node) in outline.iter().enumerate() {
            match *node {
                Node::Item(i) => item_pos[i] = row,
                Node::Section(s) => section_pos[s] = row,
            }
        }
        let start = scores
            .entries
            .iter()
            .position(|e| e.score.is_none())
            .or(if report.items.is_empty() { None } else { Some(0) })
            .map_or(0, |i| item_pos[i]);
        let mut app = App {
            report,
            scores: Arc::new(scores),
            history: History::default(),
            outline,
            item_pos,
            section_pos,
            filter: Filter::default(),
            cursor: start,
            outline_offset: 0,
            focus: Pane::Outline,
            text_scroll: 0,
            mode: Mode::Normal,
            message: None,
            save: SaveState::Saved,
            autosave: autosave::Schedule::default(),
            jumps: Vec::new(),
            ref_walk: None,
            size,
            quit: false,
            quit_after_save: false,
            quit_gate: None,
            read_only: false,
            scores_path,
            keymap: Keymap::default(),
            theme: Theme::default(),
            outbox: Vec::new(),
            tallies,
            revision: 0,
            measured: layout::Measures::default(),
            exporting: false,
            journal_error: None,
            dirty: BTreeMap::new(),
            unkept: BTreeSet::new(),
            panel: None,
            panel_reads: 0,
            confirm_all: false,
            found: None,
            zone: jiff::tz::TimeZone::system(),
            esc_leaves: false,
        };
        app.keep_cursor_visible();
        app
    }

    pub fn current(&self) -> Option<Node> {
        self.outline.get(self.cursor).copied()
    }

    pub fn current_item(&self) -> Option<ItemIx> {
        match self.current()? {
            Node::Item(i) => Some(i),
            Node::Section(_) => None,
        }
    }

    pub fn panes(&self) -> Panes {
        layout::panes(self.size, self.focus == Pane::Outline)
    }

    /// Edits recovered from the journal at start-up: they are shown, then saved like any change.
    pub fn recovered(&mut self, changes: usize) {
        self.mark_changed();
        let text =
            w::RECOVERED.fill(&[("count", &w::count_items(changes)), ("key", &self.key(Action::Dismiss))]);
        self.say_sticky(Level::Warn, text);
    }

    /// The first key the normal mode's map binds to `action` now (for a hint in a message).
    pub fn key(&self, action: Action) -> String {
        self.keymap.key(KeyMode::Normal, &action)
    }

    /// A search answer is due (the event loop then polls the worker often).
    pub fn search_pending(&self) -> bool {
        matches!(&self.mode, Mode::Search(s) if s.pending)
    }

    /// A stored time as the screen shows it: local, to the minute.
    pub fn local_time(&self, stamp: &str) -> String {
        crate::scores::local_time(stamp, &self.zone)
    }

    pub fn has_unsaved(&self) -> bool {
        self.save != SaveState::Saved
    }

    pub fn say(&mut self, level: Level, text: impl Into<String>) {
        self.tell(level, Said::Text(text.into()));
    }

    /// A message that stays until Esc, such as a warning about the files found at start-up.
    pub fn say_sticky(&mut self, level: Level, text: impl Into<String>) {
        self.message = Some(Message { said: Said::Text(text.into()), level, sticky: true });
    }

    /// A message of any kind (errors stay until dismissed).
    pub(super) fn tell(&mut self, level: Level, said: Said) {
        self.message = Some(Message { said, level, sticky: level == Level::Error });
    }

    /// Handles one action; returns the work it wants done, in order (journal writes first, as
    /// they were made).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effect = self.apply(action);
        // A filtered outline follows the scores: an item scored away leaves once the cursor does.
        if self.filter.is_active() || self.outline.len() != self.item_pos.len() + self.section_pos.len() {
            self.refresh_outline();
        }
        let mut effects = std::mem::take(&mut self.outbox);
        effects.extend(effect);
        effects
    }

    /// When the app next needs the clock (`Action::Tick`) to save by itself; `None` when
    /// nothing is waiting.
    pub fn wake_at(&self) -> Option<Instant> {
        if self.read_only {
            return None;
        }
        self.autosave.due(self.has_unsaved(), matches!(self.save, SaveState::Failed(_)))
    }

    /// The clock: an autosave that is due starts.
    fn on_tick(&mut self, now: Instant) -> Option<Effect> {
        self.autosave.tick(now);
        let failed = matches!(self.save, SaveState::Failed(_));
        if self.read_only || !self.autosave.is_due(self.has_unsaved(), failed) {
            return None;
        }
        self.autosave.started(true);
        Some(Effect::Autosave { revision: self.revision })
    }

    fn apply(&mut self, action: Action) -> Option<Effect> {
        use Action::*;
        let from_user = !matches!(
            action,
            Resize(..)
                | Tick(_)
                | PanelRead(_)
                | Saved(_)
                | SavedUpTo { .. }
                | External(_)
                | Exported(_)
                | SearchDone { .. }
                | JournalFailed { .. }
                | JournalRecovered
                | Measured(_)
        );
        // Behind the "terminal too small" message nothing can be seen, so nothing may change.
        if from_user && layout::too_small(self.size) && action != Quit {
            return None;
        }
        if from_user {
            // Any other key answers "stay"; the missing-reasons question also takes the key that
            // goes to the first of them.
            let answers = matches!(action, Quit)
                || (matches!(action, OpenScorePrompt)
                    && self.quit_gate == Some(saving::QuitGate::MissingReasons));
            if !answers {
                self.quit_gate = None;
            }
            if !matches!(action, TakeAllMeans | Key(_)) {
                self.confirm_all = false;
            }
            // Info and warnings last until the next key; errors until dismissed (Esc) or resolved.
            if self.message.as_ref().is_some_and(|m| !m.sticky) {
                self.message = None;
            }
        }
        if from_user && action != ForceQuit {
            if matches!(self.mode, Mode::Confirm(_)) {
                return self.on_confirm(&action);
            }
            if self.asks_to_reopen(&action) {
                self.ask_reopen(action);
                return None;
            }
        }
        match action {
            Key(key) => return self.on_key(key),
            PromptSet | PromptCancel | PromptDelete | PromptClear => return self.on_prompt(action),
            NoteClose | NoteSave | NoteQuit => return self.on_note(action),
            PageLineDown | PageLineUp | PageScreenDown | PageScreenUp | PageClose => self.on_page(action),
            SearchJump | SearchClose | SearchDown | SearchUp | SearchPageDown | SearchPageUp
            | SearchDelete | SearchClear => return self.on_search(action),
            FilterToggle(_) | FiltersClear | FiltersClose => self.on_filters(action),
            Paste(text) => return self.on_paste(&text),
            Measured(m) => self.measured = m,
            Tick(now) => return self.on_tick(now),
            Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.keep_cursor_visible();
            }
            Saved(result) => return self.on_saved(result),
            SavedUpTo { revision, result } => return self.on_saved_up_to(revision, result),
            Wheel { column, row, down } => {
                if matches!(self.mode, Mode::Normal) {
                    self.on_wheel(column, row, down);
                }
            }
            Click { column, row } => {
                if matches!(self.mode, Mode::Normal) {
                    self.on_click(column, row);
                }
            }
            Exported(result) => {
                self.exporting = false;
                match result {
                    Ok(path) => self.say(Level::Info, w::EXPORT_WRITTEN.fill(&[("path", &path)])),
                    Err(e) => self.say(Level::Error, w::EXPORT_FAILED.fill(&[("why", &e)])),
                }
            }
            JournalFailed { error, items } => self.on_journal_failed(error, items),
            JournalRecovered => self.on_journal_recovered(),
            External(outcome) => self.on_external(*outcome),
            NextItem => self.move_to(self.next_row(|n| self.is_stop(n)), w::AT_LAST_ITEM.get()),
            PrevItem => self.move_to(self.prev_row(|n| self.is_stop(n)), w::AT_FIRST_ITEM.get()),
            NextSection => {
                self.move_to(self.next_row(|n| matches!(n, Node::Section(_))), w::LAST_SECTION.get())
            }
            PrevSection => {
                self.move_to(self.prev_row(|n| matches!(n, Node::Section(_))), w::FIRST_SECTION.get())
            }
            FirstItem => {
                let row = self.outline.iter().position(|n| matches!(n, Node::Item(_)));
                self.move_to(row, w::NO_ITEMS.get());
            }
            LastItem => {
                let row = self.outline.iter().rposition(|n| matches!(n, Node::Item(_)));
                self.move_to(row, w::NO_ITEMS.get());
            }
            NextUnscored => self.next_unscored(),
            FocusNext => self.focus = cycle(self.focus, 1),
            FocusPrev => self.focus = cycle(self.focus, -1),
            FocusLeft => self.focus = Pane::Outline,
            FocusRight => {
                if self.focus == Pane::Outline {
                    self.focus = Pane::Reading;
                }
            }
            PageDown => self.scroll_text(self.page() as isize),
            PageUp => self.scroll_text(-(self.page() as isize)),
            HalfPageDown => self.scroll_text((self.page() / 2).max(1) as isize),
            HalfPageUp => self.scroll_text(-((self.page() / 2).max(1) as isize)),
            FollowRef => self.follow_ref(),
            JumpBack => match self.jumps.pop() {
                Some(node) => {
                    self.go_to(node);
                    self.say(Level::Info, w::BACK.get());
                }
                None => self.say(Level::Info, w::NOTHING_BACK.get()),
            },
            QuickScore(n) => self.set_score_checked(f64::from(n)),
            OpenScorePrompt => {
                if self.go_to_missing_reason() {
                    return None;
                }
                if self.editable_item().is_some() {
                    self.mode = Mode::ScorePrompt { input: String::new(), error: None, selected: false };
                }
            }
            RaiseScore | LowerScore => {
                if let Some(i) = self.editable_item() {
                    let dir = if action == RaiseScore { 1 } else { -1 };
                    let scale = self.report.items[i].scale;
                    let v = step_from(self.scores.entries[i].score, dir, &scale);
                    if self.scores.entries[i].score == Some(v) {
                        let edge = if dir > 0 { w::AT_MAX } else { w::AT_MIN };
                        self.say(Level::Info, edge.fill(&[("v", &fmt_num(v))]));
                    } else {
                        self.change(i, |e| e.score = Some(v));
                    }
                }
            }
            ClearScore => {
                if let Some(i) = self.editable_item() {
                    if self.scores.entries[i].score.is_none() {
                        self.say(Level::Info, w::NO_SCORE_TO_CLEAR.get());
                    } else {
                        self.change(i, |e| e.score = None);
                        self.say(Level::Info, w::SCORE_CLEARED.fill(&[("key", &self.key(Action::Undo))]));
                    }
                }
            }
            Annotate => {
                if let Some(i) = self.editable_item() {
                    let close_key = self.keymap.key(KeyMode::Note, &NoteClose);
                    let editor = note_editor(&self.scores.entries[i].note, &close_key);
                    self.mode = Mode::Note { item: i, editor: Box::new(editor) };
                }
            }
            ToggleFlag => {
                if let Some(i) = self.editable_item() {
                    self.change(i, |e| e.flagged = !e.flagged);
                }
            }
            Undo => match self.history.undo(Arc::make_mut(&mut self.scores)) {
                Some(change) => self.after_history(change.item, change.after, w::UNDONE),
                None => self.say(Level::Info, w::NOTHING_UNDO.get()),
            },
            Redo => match self.history.redo(Arc::make_mut(&mut self.scores)) {
                Some(change) => self.after_history(change.item, change.before, w::REDONE),
                None => self.say(Level::Info, w::NOTHING_REDO.get()),
            },
            Save => {
                if self.read_only {
                    self.say(Level::Info, w::READ_ONLY_NO_SAVE.get());
                } else {
                    return self.save_now();
                }
            }
            Export if self.exporting => self.say(Level::Info, w::SHEET_BUSY.get()),
            Export => {
                self.exporting = true;
                self.say(Level::Info, w::SHEET_WRITING.get());
                return Some(Effect::Export);
            }
            Copy => return self.copy(),
            OpenGoto => self.mode = Mode::Goto { input: String::new(), error: None },
            NextMatch | PrevMatch => self.scroll_to_match(action == NextMatch),
            TakeMean => self.take_mean(),
            TakeAllMeans => self.take_all_means(),
            NextBySpread => self.next_by_spread(),
            PanelRead(read) => self.on_panel_read(read),
            Submit => self.submit(),
            Help => self.mode = Mode::Help { scroll: 0 },
            OpenSearch => self.mode = Mode::Search(Box::default()),
            SearchDone { generation, hits } => self.on_search_done(generation, hits),
            OpenFilters => self.mode = Mode::Filters,
            ClearFilters => {
                if self.filter.is_active() {
                    self.filter = Filter::default();
                    self.apply_filter();
                    self.say(Level::Info, w::FILTERS_CLEARED.get());
                } else {
                    self.say(Level::Info, w::NO_FILTER_ON.fill(&[("key", &self.key(Action::OpenFilters))]));
                }
            }
            Info => self.mode = Mode::Info { scroll: 0 },
            Quit => return self.on_quit(),
            ForceQuit => self.quit = true,
            Dismiss if self.message.is_none() && self.esc_leaves => return self.on_quit(),
            Dismiss => self.message = None,
            // The list's keys are the list's own.
            List(_) => {}
        }
        None
    }

    /// The text `y` copies: the note from the score panel, else the item text or section body.
    fn copy(&mut self) -> Option<Effect> {
        let (what, text) = match self.current() {
            Some(Node::Item(i)) if self.focus == Pane::Score => {
                (w::COPY_NOTE.get(), self.scores.entries[i].note.clone())
            }
            Some(Node::Item(i)) => (w::COPY_ITEM_TEXT.get(), self.report.items[i].text.to_string()),
            Some(Node::Section(s)) => (
                w::COPY_SECTION_TEXT.get(),
                self.report.sections[s].body.as_deref().unwrap_or_default().to_string(),
            ),
            None => ("", String::new()),
        };
        if text.trim().is_empty() {
            self.say(Level::Info, w::NOTHING_TO_COPY.get());
            return None;
        }
        let n = text.chars().count();
        self.say(Level::Info, w::COPIED.fill(&[("what", &what), ("n", &n)]));
        Some(Effect::Copy(text))
    }

    /// A key the shell did not map (a test may send any): mapped by the mode's table, else
    /// typed where the mode takes text.
    fn on_key(&mut self, key: KeyEvent) -> Option<Effect> {
        match self.keymap.action_for(&self.mode, key) {
            Some(Action::Key(_)) => {}
            Some(action) => return self.apply(action),
            None => return None,
        }
        match &self.mode {
            Mode::ScorePrompt { .. } => self.type_into_prompt(key),
            Mode::Goto { .. } => self.type_into_goto(key),
            Mode::Note { .. } => self.type_into_note(key),
            Mode::Search(_) => return self.type_into_search(key),
            Mode::Normal | Mode::Help { .. } | Mode::Info { .. } | Mode::Filters | Mode::Confirm(_) => {}
        }
        None
    }

    fn on_paste(&mut self, text: &str) -> Option<Effect> {
        match &mut self.mode {
            Mode::Note { item, editor } => {
                // Pasted text is shown as typed; control characters become visible stand-ins.
                let clean = text.replace("\r\n", "\n").replace('\r', "\n");
                editor.insert_str(crate::text::sanitize(&clean));
                let (item, text) = (*item, editor.lines().join("\n"));
                self.outbox.push(Effect::Draft { item, text });
            }
            Mode::ScorePrompt { .. } => self.paste_into_prompt(text),
            Mode::Goto { input, error } => {
                input.push_str(text.lines().next().unwrap_or("").trim());
                *error = None;
            }
            Mode::Search(state) => {
                let line = text.lines().next().unwrap_or("").to_string();
                state.input.push_str(&line);
                return self.search_changed();
            }
            Mode::Normal | Mode::Help { .. } | Mode::Info { .. } | Mode::Filters | Mode::Confirm(_) => {
                let (note, score) = (self.key(Action::Annotate), self.key(Action::OpenScorePrompt));
                self.say(Level::Info, w::PASTE_WHERE.fill(&[("note", &note), ("score", &score)]));
            }
        }
        None
    }

    /// The current item when it may be changed; otherwise says why not.
    fn editable_item(&mut self) -> Option<ItemIx> {
        if self.read_only {
            self.say(Level::Warn, w::READ_ONLY_NO_CHANGE.get());
            return None;
        }
        let item = self.current_item();
        match self.current() {
            Some(Node::Section(s)) if self.tallies.sections[s].items == 0 => {
                let next = self.key(Action::NextUnscored);
                self.say(Level::Info, w::TEXT_NOT_SCORED.fill(&[("key", &next)]));
            }
            Some(Node::Section(_)) => {
                let keys = self.keymap.group_keys(KeyMode::Normal, &[Action::NextItem, Action::PrevItem]);
                self.say(Level::Info, w::A_SECTION_MSG.fill(&[("keys", &keys)]));
            }
            _ => {}
        }
        item
    }

    fn set_score_checked(&mut self, value: f64) {
        let Some(i) = self.editable_item() else { return };
        match check_score(value, &self.report.items[i].scale) {
            Ok(v) => self.change(i, |e| e.score = Some(v)),
            Err(why) => self.say(Level::Warn, w::NOT_SET.fill(&[("why", &why)])),
        }
    }

    /// Applies an edit to one item's entry through the undo history.
    fn change(&mut self, item: ItemIx, edit: impl FnOnce(&mut Entry)) {
        let before = self.scores.entries[item].clone();
        let mut entry = before.clone();
        edit(&mut entry);
        entry.updated_at = Some(now_rfc3339());
        if self.history.apply(Arc::make_mut(&mut self.scores), item, entry) {
            self.journal(item, before);
            self.mark_changed();
            self.touched(item);
        }
    }

    /// Item `item` changed at this revision: unsaved, and while the journal is failing, kept
    /// nowhere.
    fn touched(&mut self, item: ItemIx) {
        self.dirty.insert(item, self.revision);
        if self.journal_error.is_some() {
            self.unkept.insert(item);
        }
    }

    /// How many items have changes not yet in the scores file.
    pub fn unsaved_items(&self) -> usize {
        self.dirty.len()
    }

    /// Something read at start-up (refused journal lines) needs the next save to clear it.
    pub fn save_soon(&mut self) {
        self.mark_changed();
    }

    fn mark_changed(&mut self) {
        self.revision += 1;
        self.tallies = Tallies::compute(&self.report, &self.scores);
        if !matches!(self.save, SaveState::Failed(_)) {
            self.save = SaveState::Unsaved;
        }
        self.autosave.changed();
    }

    /// The item's change goes to the journal: its entry `before`, and as it now is.
    pub(super) fn journal(&mut self, item: ItemIx, before: Entry) {
        let entry = self.scores.entries[item].clone();
        self.outbox.push(Effect::Journal { item, before, entry });
    }

    /// Save now (Ctrl-s, quit, submitting): the shell waits for it.
    pub(super) fn save_now(&mut self) -> Option<Effect> {
        self.autosave.started(false);
        Some(Effect::Save)
    }

    /// Undo or redo changed `item` from `replaced`.
    fn after_history(&mut self, item: ItemIx, replaced: Entry, what: crate::words::Word) {
        self.journal(item, replaced);
        self.mark_changed();
        self.touched(item);
        self.go_to(Node::Item(item));
        let id = self.report.items[item].id.clone();
        self.say(Level::Info, what.fill(&[("id", &id)]));
    }
}

pub(super) fn cycle(p: Pane, by: i32) -> Pane {
    const ORDER: [Pane; 3] = [Pane::Outline, Pane::Reading, Pane::Score];
    let at = ORDER.iter().position(|&x| x == p).unwrap_or(0) as i32;
    ORDER[(at + by).rem_euclid(3) as usize]
}

/// The note editor for `note`; `close_key` is the key that closes it (for the placeholder).
fn note_editor(note: &str, close_key: &str) -> TextArea<'static> {
    // The editor draws its text as it is: control characters (from an untrusted scores file)
    // become visible stand-ins first, so nothing can reach the terminal raw.
    let note = crate::text::sanitize(note);
    let lines: Vec<String> =
        if note.is_empty() { vec![String::new()] } else { note.lines().map(String::from).collect() };
    let mut editor = TextArea::new(lines);
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    editor.set_placeholder_text(w::NOTE_PLACEHOLDER.fill(&[("key", &close_key)]));
    editor
}
