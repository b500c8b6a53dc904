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
    /// Esc in the normal view: dismiss the message.
    Dismiss,
    // Text entry (score prompt, note editor, help screen)
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    // Results of effects performed by the event loop
    Saved(Result<(), String>),
    Exported(Result<String, String>),
    /// Writing the recovery journal failed.
    JournalFailed(String),
    /// The search worker's answer to request `generation`.
    SearchDone {
        generation: u64,
        hits: Vec<crate::search::Hit>,
    },
}

impl Action {
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
            | Exported(_)
            | SearchDone { .. }
            | JournalFailed(_) => "",
        }
    }
}
