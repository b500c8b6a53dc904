//! The app's whole state and `App::update`, the one place where it changes. No terminal I/O
//! and no drawing here: file work is asked for by returning an [`Effect`], which the event
//! loop performs and reports back as an action.

use super::action::Action;
use super::keymap::Keymap;
use super::layout::{self, Panes};
use crate::report::{ItemIx, Node, Report};
use crate::scores::{Entry, History, Scores, check_score, fmt_num, now_rfc3339, parse_score, step_from};
use crate::theme::Theme;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui_textarea::{TextArea, WrapMode};
use std::path::PathBuf;
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub level: Level,
    /// Stays until dismissed with Esc (errors always do).
    pub sticky: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything is on disk.
    Saved,
    /// Changes not written yet (autosave is due).
    Unsaved,
    /// The last attempt failed; edits are kept in memory.
    Failed(String),
}

/// File work the event loop performs for `update`, reporting back with `Saved`/`Exported`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Save,
    Export,
}

pub struct App {
    pub report: Report,
    pub scores: Scores,
    pub history: History,
    /// Outline rows in display order.
    pub outline: Vec<Node>,
    /// Row of each item / section in `outline`.
    item_rows: Vec<usize>,
    section_rows: Vec<usize>,
    pub cursor: usize,
    pub outline_offset: usize,
    pub focus: Pane,
    pub text_scroll: usize,
    pub mode: Mode,
    pub message: Option<Message>,
    pub save: SaveState,
    /// When the first unsaved change was made (autosave debounce).
    pub changed_at: Option<Instant>,
    /// Rows to return to with Ctrl-o.
    pub jumps: Vec<usize>,
    /// The item whose refs `r` is walking, and the next ref to visit.
    ref_walk: Option<(ItemIx, usize)>,
    pub size: Rect,
    pub quit: bool,
    quit_after_save: bool,
    confirm_quit: bool,
    pub read_only: bool,
    pub scores_path: PathBuf,
    pub keymap: Keymap,
    pub theme: Theme,
}

impl App {
    pub fn new(report: Report, scores: Scores, scores_path: PathBuf, size: Rect) -> Self {
        let outline = report.outline();
        let mut item_rows = vec![0; report.items.len()];
        let mut section_rows = vec![0; report.sections.len()];
        for (row, node) in outline.iter().enumerate() {
            match *node {
                Node::Item(i) => item_rows[i] = row,
                Node::Section(s) => section_rows[s] = row,
            }
        }
        let start = scores
            .entries
            .iter()
            .position(|e| e.score.is_none())
            .or(if report.items.is_empty() { None } else { Some(0) })
            .map_or(0, |i| item_rows[i]);
        let mut app = App {
            report,
            scores,
            history: History::default(),
            outline,
            item_rows,
            section_rows,
            cursor: start,
            outline_offset: 0,
            focus: Pane::Outline,
            text_scroll: 0,
            mode: Mode::Normal,
            message: None,
            save: SaveState::Saved,
            changed_at: None,
            jumps: Vec::new(),
            ref_walk: None,
            size,
            quit: false,
            quit_after_save: false,
            confirm_quit: false,
            read_only: false,
            scores_path,
            keymap: Keymap::default(),
            theme: Theme::default(),
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

    pub fn row_of(&self, node: Node) -> usize {
        match node {
            Node::Item(i) => self.item_rows[i],
            Node::Section(s) => self.section_rows[s],
        }
    }

    pub fn has_unsaved(&self) -> bool {
        self.save != SaveState::Saved
    }

    pub fn say(&mut self, level: Level, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), level, sticky: level == Level::Error });
    }

    /// A message that stays until Esc, such as a warning about the files found at start-up.
    pub fn say_sticky(&mut self, level: Level, text: impl Into<String>) {
        self.message = Some(Message { text: text.into(), level, sticky: true });
    }

    /// Handles one action; returns file work for the event loop to do.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        use Action::*;
        let from_user = !matches!(action, Resize(..) | Saved(_) | Exported(_));
        // Behind the "terminal too small" message nothing can be seen, so nothing may change.
        if from_user && layout::too_small(self.size) && action != Quit {
            return None;
        }
        if from_user {
            if !matches!(action, Quit) {
                self.confirm_quit = false;
            }
            // Info and warnings last until the next key; errors until dismissed (Esc) or resolved.
            if self.message.as_ref().is_some_and(|m| !m.sticky) {
                self.message = None;
            }
        }
        match action {
            Key(key) => return self.on_key(key),
            Paste(text) => self.on_paste(&text),
            Resize(w, h) => {
                self.size = Rect::new(0, 0, w, h);
                self.keep_cursor_visible();
            }
            Saved(result) => return self.on_saved(result),
            Exported(Ok(path)) => self.say(Level::Info, format!("Scoring sheet written to {path}")),
            Exported(Err(e)) => self.say(Level::Error, format!("Export failed: {e}")),
            NextItem => self.move_to(self.next_row(|n| matches!(n, Node::Item(_))), "This is the last item."),
            PrevItem => {
                self.move_to(self.prev_row(|n| matches!(n, Node::Item(_))), "This is the first item.")
            }
            NextSection => {
                self.move_to(self.next_row(|n| matches!(n, Node::Section(_))), "This is the last section.")
            }
            PrevSection => {
                self.move_to(self.prev_row(|n| matches!(n, Node::Section(_))), "This is the first section.")
            }
            FirstItem => {
                let row = self.outline.iter().position(|n| matches!(n, Node::Item(_)));
                self.move_to(row, "The report has no items.");
            }
            LastItem => {
                let row = self.outline.iter().rposition(|n| matches!(n, Node::Item(_)));
                self.move_to(row, "The report has no items.");
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
                Some(row) => {
                    self.set_cursor(row);
                    self.say(Level::Info, "Back.");
                }
                None => self.say(Level::Info, "Nothing to go back to."),
            },
            QuickScore(n) => self.set_score_checked(f64::from(n)),
            OpenScorePrompt => {
                if self.editable_item().is_some() {
                    self.mode = Mode::ScorePrompt { input: String::new(), error: None };
                }
            }
            RaiseScore | LowerScore => {
                if let Some(i) = self.editable_item() {
                    let dir = if action == RaiseScore { 1 } else { -1 };
                    let scale = self.report.items[i].scale;
                    let v = step_from(self.scores.entries[i].score, dir, &scale);
                    if self.scores.entries[i].score == Some(v) {
                        let edge = if dir > 0 { "maximum" } else { "minimum" };
                        self.say(Level::Info, format!("Already at the {edge} ({}).", fmt_num(v)));
                    } else {
                        self.change(i, |e| e.score = Some(v));
                    }
                }
            }
            ClearScore => {
                if let Some(i) = self.editable_item() {
                    if self.scores.entries[i].score.is_none() {
                        self.say(Level::Info, "This item has no score to clear.");
                    } else {
                        self.change(i, |e| e.score = None);
                        self.say(Level::Info, "Score cleared (u undoes).");
                    }
                }
            }
            Annotate => {
                if let Some(i) = self.editable_item() {
                    self.mode =
                        Mode::Note { item: i, editor: Box::new(note_editor(&self.scores.entries[i].note)) };
                }
            }
            ToggleFlag => {
                if let Some(i) = self.editable_item() {
                    self.change(i, |e| e.flagged = !e.flagged);
                }
            }
            Undo => match self.history.undo(&mut self.scores) {
                Some(i) => self.after_history(i, "Undone"),
                None => self.say(Level::Info, "Nothing to undo."),
            },
            Redo => match self.history.redo(&mut self.scores) {
                Some(i) => self.after_history(i, "Redone"),
                None => self.say(Level::Info, "Nothing to redo."),
            },
            Save => {
                if self.read_only {
                    self.say(Level::Info, "Read-only: nothing is saved.");
                } else {
                    return Some(Effect::Save);
                }
            }
            Export => return Some(Effect::Export),
            Help => self.mode = Mode::Help { scroll: 0 },
            Info => self.mode = Mode::Info { scroll: 0 },
            Quit => {
                if self.read_only || self.confirm_quit {
                    self.quit = true;
                } else {
                    self.quit_after_save = true;
                    return Some(Effect::Save);
                }
            }
            Dismiss => self.message = None,
        }
        None
    }

    fn on_saved(&mut self, result: Result<(), String>) -> Option<Effect> {
        match result {
            Ok(()) => {
                if matches!(self.save, SaveState::Failed(_)) {
                    self.say(Level::Info, "Saved again; all edits are on disk.");
                }
                self.save = SaveState::Saved;
                self.changed_at = None;
                if self.quit_after_save {
                    self.quit = true;
                }
            }
            Err(e) => {
                self.save = SaveState::Failed(e.clone());
                if self.quit_after_save {
                    self.quit_after_save = false;
                    self.confirm_quit = true;
                    self.say(
                        Level::Error,
                        format!(
                            "NOT SAVED — q again quits WITHOUT saving your edits; any other key stays. {e}"
                        ),
                    );
                } else {
                    self.say(Level::Error, format!("NOT SAVED (edits kept, retrying every 5 s): {e}"));
                }
            }
        }
        None
    }

    fn on_key(&mut self, key: KeyEvent) -> Option<Effect> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let current = self.current_item();
        let page_max = match self.mode {
            Mode::Help { .. } | Mode::Info { .. } => super::view::page_max_scroll(self),
            _ => 0,
        };
        match &mut self.mode {
            Mode::Normal => {}
            Mode::Help { scroll } | Mode::Info { scroll } => match key.code {
                KeyCode::Esc | KeyCode::Char('?' | 'q' | 'i') | KeyCode::Enter => self.mode = Mode::Normal,
                KeyCode::Down | KeyCode::Char('j') => *scroll = scroll.saturating_add(1).min(page_max),
                KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
                KeyCode::PageDown | KeyCode::Char(' ') => *scroll = scroll.saturating_add(10).min(page_max),
                KeyCode::PageUp => *scroll = scroll.saturating_sub(10),
                _ => {}
            },
            Mode::ScorePrompt { input, error } => match key.code {
                KeyCode::Esc => self.mode = Mode::Normal,
                KeyCode::Enter => {
                    let Some(i) = current else {
                        self.mode = Mode::Normal;
                        return None;
                    };
                    match parse_score(input, &self.report.items[i].scale) {
                        Ok(v) => {
                            self.mode = Mode::Normal;
                            self.change(i, |e| e.score = Some(v));
                        }
                        Err(why) => *error = Some(format!("{why}; the score stays as it was")),
                    }
                }
                KeyCode::Backspace => {
                    input.pop();
                    *error = None;
                }
                KeyCode::Char('u') if ctrl => input.clear(),
                KeyCode::Char('c') if ctrl => self.mode = Mode::Normal,
                KeyCode::Char(c) if !ctrl && input.chars().count() < 16 => {
                    input.push(c);
                    *error = None;
                }
                _ => {}
            },
            Mode::Note { item, editor } => {
                let item = *item;
                match key.code {
                    KeyCode::Esc => {
                        let text = editor.lines().join("\n").trim_end().to_string();
                        self.mode = Mode::Normal;
                        self.change(item, |e| e.note = text);
                    }
                    KeyCode::Char('s') if ctrl => {
                        let text = editor.lines().join("\n").trim_end().to_string();
                        self.change(item, |e| e.note = text);
                        return if self.read_only { None } else { Some(Effect::Save) };
                    }
                    _ => {
                        editor.input(key);
                    }
                }
            }
        }
        None
    }

    fn on_paste(&mut self, text: &str) {
        match &mut self.mode {
            Mode::Note { editor, .. } => {
                editor.insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            }
            Mode::ScorePrompt { input, error } => {
                input.push_str(text.lines().next().unwrap_or("").trim());
                *error = None;
            }
            Mode::Normal | Mode::Help { .. } | Mode::Info { .. } => {
                self.say(Level::Info, "Paste goes into a note (a) or the score prompt (s).");
            }
        }
    }

    /// The current item when it may be changed; otherwise says why not.
    fn editable_item(&mut self) -> Option<ItemIx> {
        if self.read_only {
            self.say(Level::Warn, "Read-only: scores, notes and flags cannot be changed.");
            return None;
        }
        let item = self.current_item();
        if item.is_none() {
            self.say(Level::Info, "This is a section; move to an item (j/k) to score it.");
        }
        item
    }

    fn set_score_checked(&mut self, value: f64) {
        let Some(i) = self.editable_item() else { return };
        match check_score(value, &self.report.items[i].scale) {
            Ok(v) => self.change(i, |e| e.score = Some(v)),
            Err(why) => self.say(Level::Warn, format!("Not set: {why}; the score stays as it was.")),
        }
    }

    /// Applies an edit to one item's entry through the undo history.
    fn change(&mut self, item: ItemIx, edit: impl FnOnce(&mut Entry)) {
        let mut entry = self.scores.entries[item].clone();
        edit(&mut entry);
        entry.updated_at = Some(now_rfc3339());
        if self.history.apply(&mut self.scores, item, entry) {
            self.mark_changed();
        }
    }

    fn mark_changed(&mut self) {
        if !matches!(self.save, SaveState::Failed(_)) {
            self.save = SaveState::Unsaved;
        }
        self.changed_at.get_or_insert_with(Instant::now);
    }

    fn after_history(&mut self, item: ItemIx, what: &str) {
        self.mark_changed();
        self.set_cursor(self.item_rows[item]);
        let id = self.report.items[item].id.clone();
        self.say(Level::Info, format!("{what}: item {id}."));
    }

    fn next_row(&self, want: impl Fn(&Node) -> bool) -> Option<usize> {
        self.outline.iter().skip(self.cursor + 1).position(want).map(|p| self.cursor + 1 + p)
    }

    fn prev_row(&self, want: impl Fn(&Node) -> bool) -> Option<usize> {
        self.outline[..self.cursor.min(self.outline.len())].iter().rposition(want)
    }

    fn move_to(&mut self, row: Option<usize>, at_end: &str) {
        match row {
            Some(r) => self.set_cursor(r),
            None => self.say(Level::Info, at_end),
        }
    }

    /// Moves the cursor; any walk through an item's refs ends here (`follow_ref` restarts it).
    fn set_cursor(&mut self, row: usize) {
        if row != self.cursor {
            self.text_scroll = 0;
        }
        self.ref_walk = None;
        self.cursor = row.min(self.outline.len().saturating_sub(1));
        self.keep_cursor_visible();
    }

    fn next_unscored(&mut self) {
        let n = self.report.items.len();
        let start = match self.current() {
            Some(Node::Item(i)) => i + 1,
            Some(Node::Section(s)) => self.report.items_under(s).start,
            None => 0,
        };
        let found = (0..n).map(|k| (start + k) % n).find(|&i| self.scores.entries[i].score.is_none());
        match found {
            Some(i) => self.move_to(Some(self.item_rows[i]), ""),
            None => self.say(Level::Info, "Every item is scored."),
        }
    }

    fn follow_ref(&mut self) {
        let (origin, next) = match self.ref_walk {
            Some(walk) => walk,
            None => {
                let Some(i) = self.current_item() else {
                    self.say(Level::Info, "Sections have no evidence links; move to an item.");
                    return;
                };
                if self.report.items[i].refs.is_empty() {
                    self.say(Level::Info, "This item has no evidence links (refs).");
                    return;
                }
                self.jumps.push(self.cursor);
                (i, 0)
            }
        };
        let refs = &self.report.items[origin].refs;
        let k = next % refs.len();
        let id = refs[k].clone();
        let total = refs.len();
        if let Some(node) = self.report.find(&id) {
            self.set_cursor(self.row_of(node));
        }
        self.ref_walk = Some((origin, k + 1));
        let more = if total > 1 { ", r for the next" } else { "" };
        self.say(Level::Info, format!("Evidence {}/{total}: {id} (Ctrl-o goes back{more}).", k + 1));
    }

    /// Rows the outline pane shows (when it is shown: narrow terminals hide it behind the text).
    fn outline_height(&self) -> usize {
        let p = layout::panes(self.size, true).outline;
        usize::from(layout::inner(p).height.max(1))
    }

    fn keep_cursor_visible(&mut self) {
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

    fn page(&self) -> usize {
        usize::from(layout::inner(self.panes().reading).height.max(2)).saturating_sub(1).max(1)
    }

    fn scroll_text(&mut self, by: isize) {
        let width = layout::inner(layout::panes(self.size, false).reading).width;
        let total = super::view::reading::content(self, width).len();
        let max = total.saturating_sub(self.page());
        self.text_scroll = self.text_scroll.saturating_add_signed(by).min(max);
    }
}

fn cycle(p: Pane, by: i32) -> Pane {
    const ORDER: [Pane; 3] = [Pane::Outline, Pane::Reading, Pane::Score];
    let at = ORDER.iter().position(|&x| x == p).unwrap_or(0) as i32;
    ORDER[(at + by).rem_euclid(3) as usize]
}

fn note_editor(note: &str) -> TextArea<'static> {
    let lines: Vec<String> =
        if note.is_empty() { vec![String::new()] } else { note.lines().map(String::from).collect() };
    let mut editor = TextArea::new(lines);
    editor.set_wrap_mode(WrapMode::WordOrGlyph);
    editor.move_cursor(ratatui_textarea::CursorMove::Bottom);
    editor.move_cursor(ratatui_textarea::CursorMove::End);
    editor.set_placeholder_text("扣分原因 / why this score — Esc keeps it");
    editor
}
