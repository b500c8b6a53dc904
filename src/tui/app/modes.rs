//! The actions of the modes that are not the outline: the score prompt, the note editor and
//! the help and report pages (search and filters have files of their own). Their keys come
//! from the key map like every other (`keys.rs`); what is left of a key in a mode that takes
//! text is typed. Part of `App`.

use super::{App, Effect, Mode};
use crate::scores::parse_score;
use crate::tui::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// How many characters the score prompt takes.
const PROMPT_MAX: usize = 16;

/// A character a score can be typed with: digits, a point, a minus sign (half- or full-width),
/// and 分 ("4分" is 4).
fn is_score_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '.' | '-' | '０'..='９' | '．' | '。' | '－' | '分')
}

impl App {
    /// The score prompt's keys.
    pub(super) fn on_prompt(&mut self, action: Action) -> Option<Effect> {
        if matches!(self.mode, Mode::Goto { .. }) {
            self.on_goto(&action);
            return None;
        }
        let current = self.current_item();
        let Mode::ScorePrompt { input, error, selected } = &mut self.mode else { return None };
        match action {
            Action::PromptCancel => self.mode = Mode::Normal,
            Action::PromptSet => {
                let Some(i) = current else {
                    self.mode = Mode::Normal;
                    return None;
                };
                let typed = input.trim().trim_end_matches('分').trim_end();
                match parse_score(typed, &self.report.items[i].scale) {
                    Ok(v) => {
                        self.mode = Mode::Normal;
                        self.change(i, |e| e.score = Some(v));
                    }
                    Err(why) => {
                        *error = Some(crate::words::tui::PROMPT_REFUSED.fill(&[("why", &why)]));
                        // The refused value is selected: what is typed next replaces it.
                        *selected = true;
                    }
                }
            }
            Action::PromptDelete => {
                if std::mem::take(selected) {
                    input.clear();
                } else {
                    input.pop();
                }
                *error = None;
            }
            Action::PromptClear => {
                input.clear();
                *selected = false;
                *error = None;
            }
            _ => {}
        }
        None
    }

    /// A key typed into the score prompt: number characters only.
    pub(super) fn type_into_prompt(&mut self, key: KeyEvent) {
        let Mode::ScorePrompt { input, error, selected } = &mut self.mode else { return };
        let KeyCode::Char(c) = key.code else { return };
        if key.modifiers.contains(KeyModifiers::CONTROL) {
            return;
        }
        if !is_score_char(c) {
            *error = Some(crate::words::tui::PROMPT_NUMBERS_ONLY.get().to_string());
            return;
        }
        if std::mem::take(selected) {
            input.clear();
        }
        if input.chars().count() < PROMPT_MAX {
            input.push(c);
            *error = None;
        }
    }

    /// Text pasted into the score prompt: its first line's number characters.
    pub(super) fn paste_into_prompt(&mut self, text: &str) {
        let Mode::ScorePrompt { input, error, selected } = &mut self.mode else { return };
        if std::mem::take(selected) {
            input.clear();
        }
        let line = text.lines().next().unwrap_or("").trim();
        input.extend(
            line.chars().filter(|&c| is_score_char(c)).take(PROMPT_MAX.saturating_sub(input.chars().count())),
        );
        *error = None;
    }

    /// The note editor's keys.
    pub(super) fn on_note(&mut self, action: Action) -> Option<Effect> {
        let Mode::Note { item, editor } = &mut self.mode else { return None };
        let item = *item;
        let text = editor.lines().join("\n").trim_end().to_string();
        match action {
            Action::NoteClose => {
                self.mode = Mode::Normal;
                self.change(item, |e| e.note = text);
                None
            }
            Action::NoteSave => {
                self.change(item, |e| e.note = text);
                if self.read_only { None } else { self.save_now() }
            }
            Action::NoteQuit => {
                self.mode = Mode::Normal;
                self.change(item, |e| e.note = text);
                self.on_quit()
            }
            _ => None,
        }
    }

    /// A key typed into the note editor: the editor's own keys (text, Enter, the Emacs-like
    /// editing keys).
    pub(super) fn type_into_note(&mut self, key: KeyEvent) {
        let Mode::Note { item, editor } = &mut self.mode else { return };
        if editor.input(key) {
            let (item, text) = (*item, editor.lines().join("\n"));
            self.outbox.push(Effect::Draft { item, text });
        }
    }

    /// The help and report pages' keys.
    pub(super) fn on_page(&mut self, action: Action) {
        let max = self.measured.page_max_scroll;
        let (Mode::Help { scroll } | Mode::Info { scroll }) = &mut self.mode else { return };
        match action {
            Action::PageClose => self.mode = Mode::Normal,
            Action::PageLineDown => *scroll = scroll.saturating_add(1).min(max),
            Action::PageLineUp => *scroll = scroll.saturating_sub(1),
            Action::PageScreenDown => *scroll = scroll.saturating_add(10).min(max),
            Action::PageScreenUp => *scroll = scroll.saturating_sub(10),
            _ => {}
        }
    }
}

impl App {
    /// The `:` prompt's keys: Enter goes to the id typed (or the one id it begins), Esc cancels.
    fn on_goto(&mut self, action: &Action) {
        let Mode::Goto { input, error } = &mut self.mode else { return };
        match action {
            Action::PromptCancel => self.mode = Mode::Normal,
            Action::PromptDelete => {
                input.pop();
                *error = None;
            }
            Action::PromptClear => {
                input.clear();
                *error = None;
            }
            Action::PromptSet => {
                let typed = input.trim().to_string();
                match crate::report::find_by_id(&self.report, &typed) {
                    Ok(node) => {
                        self.mode = Mode::Normal;
                        if let Some(here) = self.current() {
                            self.jumps.push(here);
                        }
                        self.go_to(node);
                    }
                    Err(candidates) => {
                        let text = if candidates.is_empty() {
                            crate::words::tui::GOTO_NONE.fill(&[("id", &typed)])
                        } else {
                            let shown: Vec<&str> = candidates.iter().take(6).map(String::as_str).collect();
                            let more = if candidates.len() > shown.len() { " …" } else { "" };
                            crate::words::tui::GOTO_AMBIGUOUS.fill(&[
                                ("id", &typed),
                                ("n", &candidates.len()),
                                ("list", &format!("{}{more}", shown.join(", "))),
                            ])
                        };
                        if let Mode::Goto { error, .. } = &mut self.mode {
                            *error = Some(text);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// A key typed into the `:` prompt: any printable character.
    pub(super) fn type_into_goto(&mut self, key: KeyEvent) {
        let Mode::Goto { input, error } = &mut self.mode else { return };
        let KeyCode::Char(c) = key.code else { return };
        if key.modifiers.contains(KeyModifiers::CONTROL) || c.is_control() || input.chars().count() >= 200 {
            return;
        }
        input.push(c);
        *error = None;
    }
}
