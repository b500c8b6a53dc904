//! Everything the user (or the event loop) can ask the app to do. Keys map to these in
//! `keymap`; `App::update` is the only place that acts on them.

use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    // Moving around
    NextItem,
    PrevItem,
    NextSection,
    PrevSection,
    FirstItem,
    LastItem,
    NextUnscored,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    FollowRef,
    JumpBack,
    // Scoring
    QuickScore(u8),
    OpenScorePrompt,
    RaiseScore,
    LowerScore,
    ClearScore,
    Annotate,
    ToggleFlag,
    Undo,
    Redo,
    /// Copy the item's text (or, from the score panel, its note) to the clipboard (OSC 52).
    Copy,
    // Files
    Save,
    Export,
    // Screens
    Help,
    Info,
    OpenFilters,
    ClearFilters,
    OpenSearch,
    Quit,
    /// Quit now, past any prompt (Ctrl-c twice in a row).
    ForceQuit,
    /// Esc in the normal view: dismiss the message.
    Dismiss,
    // Text entry (score prompt, note editor, help screen)
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    /// Mouse (with --mouse): the wheel over a pane, a left click.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    Click {
        column: u16,
        row: u16,
    },
    // Results of effects performed by the event loop
    Saved(Result<(), String>),
    /// A background save of the scores as they were at `revision` finished.
    SavedUpTo {
        revision: u64,
        result: Result<(), String>,
    },
    /// A save met another program's changes to the scores file (and merged them).
    External(crate::store::Outcome),
    Exported(Result<String, String>),
    /// Writing the recovery journal failed: the changes to `items` (`None`: every change not
    /// yet saved) may not survive a crash.
    JournalFailed {
        error: String,
        items: Option<Vec<crate::report::ItemIx>>,
    },
    /// The journal works again after a failure.
    JournalRecovered,
    /// What the last frame measured (the shell hands it over after drawing).
    Measured(super::layout::Measures),
    /// The search worker's answer to request `generation`.
    SearchDone {
        generation: u64,
        hits: Vec<crate::search::Hit>,
    },
}

/// Every action a key can be bound to, by the name the config file's `[keys]` table uses, in
/// help-screen order.
pub const ACTION_NAMES: &[(&str, Action)] = {
    use Action::*;
    &[
        ("next_item", NextItem),
        ("prev_item", PrevItem),
        ("next_section", NextSection),
        ("prev_section", PrevSection),
        ("first_item", FirstItem),
        ("last_item", LastItem),
        ("next_unscored", NextUnscored),
        ("search", OpenSearch),
        ("filters", OpenFilters),
        ("clear_filters", ClearFilters),
        ("focus_next", FocusNext),
        ("focus_prev", FocusPrev),
        ("focus_left", FocusLeft),
        ("focus_right", FocusRight),
        ("page_down", PageDown),
        ("page_up", PageUp),
        ("half_page_down", HalfPageDown),
        ("half_page_up", HalfPageUp),
        ("follow_ref", FollowRef),
        ("jump_back", JumpBack),
        ("score_0", QuickScore(0)),
        ("score_1", QuickScore(1)),
        ("score_2", QuickScore(2)),
        ("score_3", QuickScore(3)),
        ("score_4", QuickScore(4)),
        ("score_5", QuickScore(5)),
        ("score_6", QuickScore(6)),
        ("score_7", QuickScore(7)),
        ("score_8", QuickScore(8)),
        ("score_9", QuickScore(9)),
        ("score_prompt", OpenScorePrompt),
        ("raise_score", RaiseScore),
        ("lower_score", LowerScore),
        ("clear_score", ClearScore),
        ("annotate", Annotate),
        ("toggle_flag", ToggleFlag),
        ("undo", Undo),
        ("redo", Redo),
        ("copy", Copy),
        ("save", Save),
        ("export", Export),
        ("help", Help),
        ("info", Info),
        ("quit", Quit),
        ("dismiss", Dismiss),
    ]
};

impl Action {
    /// The action a config-file name stands for.
    pub fn from_name(name: &str) -> Option<Action> {
        ACTION_NAMES.iter().find(|(n, _)| *n == name).map(|(_, a)| a.clone())
    }

    /// The config-file name of a bindable action.
    pub fn name(&self) -> Option<&'static str> {
        ACTION_NAMES.iter().find(|(_, a)| a == self).map(|(n, _)| *n)
    }

    /// The one-line description shown on the help screen.
    pub fn describe(&self) -> &'static str {
        use Action::*;
        match self {
            NextItem => "next item",
            PrevItem => "previous item",
            NextSection => "next section",
            PrevSection => "previous section",
            FirstItem => "first item",
            LastItem => "last item",
            NextUnscored => "next unscored item",
            FocusNext => "move focus between panes",
            FocusPrev => "move focus between panes",
            FocusLeft => "move focus between panes",
            FocusRight => "move focus between panes",
            PageDown => "scroll the item text a page down / up",
            PageUp => "scroll the item text a page down / up",
            HalfPageDown => "scroll the item text half a page down / up",
            HalfPageUp => "scroll the item text half a page down / up",
            FollowRef => "go to the item's evidence (refs); again for the next",
            JumpBack => "go back to where the last jump came from",
            QuickScore(_) => "quick score: that whole number",
            OpenScorePrompt => "type a score (7.5), Enter sets, Esc cancels",
            RaiseScore => "raise the score one step",
            LowerScore => "lower the score one step (from none: full marks)",
            ClearScore => "clear the score",
            Annotate => "write a note (扣分原因); Esc closes and keeps it",
            ToggleFlag => "flag / unflag for follow-up",
            Undo => "undo the last change",
            Redo => "redo",
            Copy => "copy the item text (the note, from the score panel)",
            Save => "save now (it also saves by itself)",
            Export => "export the scoring sheet beside the scores file",
            Help => "this help",
            OpenFilters => "filters: unscored, flagged, needs a reason, has a note, by tag",
            ClearFilters => "clear every filter",
            OpenSearch => "search everything (fuzzy); ↑/↓ choose, Enter jumps, Esc closes",
            Info => "about the report, and where its scores are saved",
            Quit => "save and quit",
            Dismiss => "dismiss the message",
            Key(_)
            | Paste(_)
            | Resize(..)
            | Saved(_)
            | SavedUpTo { .. }
            | External(_)
            | Exported(_)
            | SearchDone { .. }
            | JournalFailed { .. }
            | JournalRecovered
            | Measured(_)
            | ForceQuit
            | Wheel { .. }
            | Click { .. } => "",
        }
    }
}
