//! Every key, declared once: for each action its mode, its name in config.toml, its default
//! keys and its description in both languages. The key maps (`keymap.rs`), the help screen,
//! `appraise config`, the on-screen hints and the README's key table are all made from this
//! table; remapping a key in config.toml changes all of them.

use super::action::{Action, FilterKind, ListAction, ListFilter};
use crate::words::{Word, keys as w};

/// Where a key is read: each mode has its own table (config.toml `[keys]` for the normal mode,
/// `[keys.MODE]` for the others).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyMode {
    Normal,
    Prompt,
    Search,
    Filters,
    Note,
    /// The help and report pages.
    Help,
    /// The evaluation's list of reports (`appraise DIR`).
    List,
}

impl KeyMode {
    /// Every mode, in help-screen order.
    pub const ALL: [KeyMode; 7] = [
        KeyMode::Normal,
        KeyMode::Prompt,
        KeyMode::Search,
        KeyMode::Filters,
        KeyMode::Note,
        KeyMode::Help,
        KeyMode::List,
    ];

    /// The modes of a review (its help screen lists these).
    pub const REVIEW: [KeyMode; 6] =
        [KeyMode::Normal, KeyMode::Prompt, KeyMode::Search, KeyMode::Filters, KeyMode::Note, KeyMode::Help];

    /// The table's name in config.toml (`[keys.prompt]`); the normal mode's is `[keys]` itself.
    pub fn config_name(self) -> Option<&'static str> {
        match self {
            KeyMode::Normal => None,
            KeyMode::Prompt => Some("prompt"),
            KeyMode::Search => Some("search"),
            KeyMode::Filters => Some("filters"),
            KeyMode::Note => Some("note"),
            KeyMode::Help => Some("help"),
            KeyMode::List => Some("list"),
        }
    }

    /// The mode of a `[keys.NAME]` table; `[keys.normal]` is the normal mode's too, for the
    /// file that also has `[keys.help]` (TOML cannot hold `help = …` and `[keys.help]` at once).
    pub fn from_config_name(name: &str) -> Option<KeyMode> {
        if name == "normal" {
            return Some(KeyMode::Normal);
        }
        KeyMode::ALL.into_iter().find(|m| m.config_name() == Some(name))
    }

    /// The mode's heading on the help screen.
    pub fn title(self) -> Word {
        match self {
            KeyMode::Normal => w::MODE_NORMAL,
            KeyMode::Prompt => w::MODE_PROMPT,
            KeyMode::Search => w::MODE_SEARCH,
            KeyMode::Filters => w::MODE_FILTERS,
            KeyMode::Note => w::MODE_NOTE,
            KeyMode::Help => w::MODE_HELP,
            KeyMode::List => w::MODE_LIST,
        }
    }

    /// Keys not bound in this mode are typed (a score, a query, a note).
    pub fn takes_text(self) -> bool {
        matches!(self, KeyMode::Prompt | KeyMode::Search | KeyMode::Note)
    }
}

/// One action's declaration.
#[derive(Debug)]
pub struct KeyDecl {
    pub mode: KeyMode,
    /// Its name in config.toml.
    pub name: &'static str,
    pub action: Action,
    /// The default keys, as config.toml writes them (`j`, `down`, `ctrl-r`).
    pub keys: &'static [&'static str],
    pub what: Word,
}

macro_rules! decls {
    ($( $mode:ident $name:literal $action:expr, [$($key:literal),*], $what:ident; )*) => {
        &[ $( KeyDecl { mode: KeyMode::$mode, name: $name, action: $action, keys: &[$($key),*], what: w::$what } ),* ]
    };
}

/// The declarations, in help-screen order within each mode.
pub const KEYS: &[KeyDecl] = {
    use Action::*;
    decls! {
        Normal "next_item" NextItem, ["j", "down"], NEXT_ITEM;
        Normal "prev_item" PrevItem, ["k", "up"], PREV_ITEM;
        Normal "next_section" NextSection, ["J", "]"], NEXT_SECTION;
        Normal "prev_section" PrevSection, ["K", "["], PREV_SECTION;
        Normal "first_item" FirstItem, ["g", "home"], FIRST_ITEM;
        Normal "last_item" LastItem, ["G", "end"], LAST_ITEM;
        Normal "next_unscored" NextUnscored, ["n"], NEXT_UNSCORED;
        Normal "search" OpenSearch, ["/"], SEARCH;
        Normal "goto" OpenGoto, [":"], GOTO;
        Normal "next_match" NextMatch, ["ctrl-n"], NEXT_MATCH;
        Normal "prev_match" PrevMatch, ["ctrl-p"], PREV_MATCH;
        Normal "filters" OpenFilters, ["F"], FILTERS;
        Normal "clear_filters" ClearFilters, ["backspace"], CLEAR_FILTERS;
        Normal "focus_next" FocusNext, ["tab"], FOCUS_NEXT;
        Normal "focus_prev" FocusPrev, ["backtab"], FOCUS_PREV;
        Normal "focus_left" FocusLeft, ["h", "left"], FOCUS_LEFT;
        Normal "focus_right" FocusRight, ["l", "right"], FOCUS_RIGHT;
        Normal "page_down" PageDown, ["pgdn"], PAGE_DOWN;
        Normal "page_up" PageUp, ["pgup"], PAGE_UP;
        Normal "half_page_down" HalfPageDown, ["ctrl-d"], HALF_PAGE_DOWN;
        Normal "half_page_up" HalfPageUp, ["ctrl-u"], HALF_PAGE_UP;
        Normal "follow_ref" FollowRef, ["r"], FOLLOW_REF;
        Normal "jump_back" JumpBack, ["ctrl-o"], JUMP_BACK;
        Normal "score_0" QuickScore(0), ["0"], QUICK_SCORE;
        Normal "score_1" QuickScore(1), ["1"], QUICK_SCORE;
        Normal "score_2" QuickScore(2), ["2"], QUICK_SCORE;
        Normal "score_3" QuickScore(3), ["3"], QUICK_SCORE;
        Normal "score_4" QuickScore(4), ["4"], QUICK_SCORE;
        Normal "score_5" QuickScore(5), ["5"], QUICK_SCORE;
        Normal "score_6" QuickScore(6), ["6"], QUICK_SCORE;
        Normal "score_7" QuickScore(7), ["7"], QUICK_SCORE;
        Normal "score_8" QuickScore(8), ["8"], QUICK_SCORE;
        Normal "score_9" QuickScore(9), ["9"], QUICK_SCORE;
        Normal "score_prompt" OpenScorePrompt, ["s", "enter"], SCORE_PROMPT;
        Normal "raise_score" RaiseScore, ["+", "="], RAISE_SCORE;
        Normal "lower_score" LowerScore, ["-"], LOWER_SCORE;
        Normal "clear_score" ClearScore, ["x", "delete"], CLEAR_SCORE;
        Normal "annotate" Annotate, ["a"], ANNOTATE;
        Normal "toggle_flag" ToggleFlag, ["f"], TOGGLE_FLAG;
        Normal "undo" Undo, ["u"], UNDO;
        Normal "redo" Redo, ["ctrl-r"], REDO;
        Normal "copy" Copy, ["y"], COPY;
        Normal "take_mean" TakeMean, ["m"], TAKE_MEAN;
        Normal "take_all_means" TakeAllMeans, ["M"], TAKE_ALL_MEANS;
        Normal "next_by_spread" NextBySpread, ["o"], NEXT_BY_SPREAD;
        Normal "save" Save, ["ctrl-s"], SAVE;
        Normal "export" Export, ["E"], EXPORT;
        Normal "submit" Submit, ["S"], SUBMIT_KEY;
        Normal "help" Help, ["?"], HELP;
        Normal "info" Info, ["i"], INFO;
        Normal "quit" Quit, ["q", "ctrl-c"], QUIT;
        Normal "dismiss" Dismiss, ["esc"], DISMISS;

        Prompt "set" PromptSet, ["enter"], PROMPT_SET;
        Prompt "cancel" PromptCancel, ["esc", "ctrl-c"], PROMPT_CANCEL;
        Prompt "delete" PromptDelete, ["backspace"], PROMPT_DELETE;
        Prompt "clear" PromptClear, ["ctrl-u"], PROMPT_CLEAR;

        Search "jump" SearchJump, ["enter"], SEARCH_JUMP;
        Search "close" SearchClose, ["esc", "ctrl-c"], SEARCH_CLOSE;
        Search "down" SearchDown, ["down", "tab", "ctrl-n", "ctrl-j"], SEARCH_DOWN;
        Search "up" SearchUp, ["up", "backtab", "ctrl-p", "ctrl-k"], SEARCH_UP;
        Search "page_down" SearchPageDown, ["pgdn"], SEARCH_PAGE_DOWN;
        Search "page_up" SearchPageUp, ["pgup"], SEARCH_PAGE_UP;
        Search "delete" SearchDelete, ["backspace"], SEARCH_DELETE;
        Search "clear" SearchClear, ["ctrl-u"], SEARCH_CLEAR;

        Filters "unscored" FilterToggle(FilterKind::Unscored), ["u"], FILTER_UNSCORED;
        Filters "flagged" FilterToggle(FilterKind::Flagged), ["f"], FILTER_FLAGGED;
        Filters "needs_reason" FilterToggle(FilterKind::NeedsReason), ["r"], FILTER_NEEDS_REASON;
        Filters "has_note" FilterToggle(FilterKind::HasNote), ["n"], FILTER_HAS_NOTE;
        Filters "tag" FilterToggle(FilterKind::Tag), ["t"], FILTER_TAG;
        Filters "disagree" FilterToggle(FilterKind::Disagree), ["d"], FILTER_DISAGREE;
        Filters "clear" FiltersClear, ["c", "backspace"], FILTER_CLEAR;
        Filters "close" FiltersClose, ["esc", "enter", "F", "q"], FILTER_CLOSE;

        Note "close" NoteClose, ["esc"], NOTE_CLOSE;
        Note "save" NoteSave, ["ctrl-s"], NOTE_SAVE;
        Note "quit" NoteQuit, ["ctrl-c"], NOTE_QUIT;

        Help "down" PageLineDown, ["j", "down"], PAGE_LINE_DOWN;
        Help "up" PageLineUp, ["k", "up"], PAGE_LINE_UP;
        Help "page_down" PageScreenDown, ["pgdn", "space"], PAGE_SCREEN_DOWN;
        Help "page_up" PageScreenUp, ["pgup"], PAGE_SCREEN_UP;
        Help "close" PageClose, ["esc", "q", "?", "i", "enter"], PAGE_CLOSE;

        List "down" NextItem, ["j", "down"], LIST_DOWN;
        List "up" PrevItem, ["k", "up"], LIST_UP;
        List "first" FirstItem, ["g", "home"], LIST_FIRST;
        List "last" LastItem, ["G", "end"], LIST_LAST;
        List "page_down" PageDown, ["pgdn", "ctrl-d"], LIST_PAGE_DOWN;
        List "page_up" PageUp, ["pgup", "ctrl-u"], LIST_PAGE_UP;
        List "review" List(ListAction::Review), ["enter", "l", "right"], LIST_REVIEW;
        List "panel" List(ListAction::Panel), ["p"], LIST_PANEL;
        List "sort" List(ListAction::Sort), ["s"], LIST_SORT;
        List "mine" List(ListAction::Filter(ListFilter::MineUnfinished)), ["m"], LIST_MINE;
        List "not_submitted" List(ListAction::Filter(ListFilter::NotSubmitted)), ["n"], LIST_NOT_SUBMITTED;
        List "disagree" List(ListAction::Filter(ListFilter::Disagreements)), ["d"], LIST_DISAGREE;
        List "clear_filters" List(ListAction::ClearFilters), ["backspace"], LIST_CLEAR_FILTERS;
        List "help" Help, ["?"], LIST_HELP;
        List "quit" Quit, ["q", "ctrl-c"], LIST_QUIT;
        List "dismiss" Dismiss, ["esc"], LIST_DISMISS;
    }
};

/// The declaration of `action` in `mode`.
pub fn decl(mode: KeyMode, action: &Action) -> Option<&'static KeyDecl> {
    KEYS.iter().find(|d| d.mode == mode && d.action == *action)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_declared_once_per_mode_with_a_unique_name() {
        for (i, a) in KEYS.iter().enumerate() {
            for b in &KEYS[i + 1..] {
                if a.mode == b.mode {
                    assert_ne!(a.name, b.name, "{:?}: the name {} twice", a.mode, a.name);
                    assert_ne!(a.action, b.action, "{:?}: {:?} declared twice", a.mode, a.action);
                }
            }
            assert!(!a.keys.is_empty(), "{}: no default key", a.name);
        }
    }
}
