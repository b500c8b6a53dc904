//! Everything the user (or the event loop) can ask the app to do. Keys map to these in every
//! mode (declared in `keys.rs`, mapped by `keymap.rs`); `App::update` is the only place that
//! acts on them.

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
    // The panel view
    /// The agreed score of this item := the panel's method over the evaluators' scores.
    TakeMean,
    /// The reading pane to the next / previous line with a match of the search that jumped here.
    NextMatch,
    PrevMatch,
    /// `:` — type an id and go straight to it.
    OpenGoto,
    /// The same for every item without an agreed score (asks first).
    TakeAllMeans,
    /// The panel view: the next item in order of spread, widest first.
    NextBySpread,
    /// What the watcher read again of the evaluators' files (member, scores or the problem).
    PanelRead(Vec<crate::panel::PanelEvent>),
    // Files
    Save,
    Export,
    /// Mark the sheet submitted (after a confirmation).
    Submit,
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
    // The score prompt
    PromptSet,
    PromptCancel,
    PromptDelete,
    PromptClear,
    // Search
    SearchJump,
    SearchClose,
    SearchDown,
    SearchUp,
    SearchPageDown,
    SearchPageUp,
    SearchDelete,
    SearchClear,
    // The filter menu
    FilterToggle(FilterKind),
    FiltersClear,
    FiltersClose,
    // The note editor
    NoteClose,
    NoteSave,
    NoteQuit,
    // The help and report pages
    PageLineDown,
    PageLineUp,
    PageScreenDown,
    PageScreenUp,
    PageClose,
    /// A key no table binds, in a mode that takes text (score prompt, search, note editor).
    Key(KeyEvent),
    Paste(String),
    Resize(u16, u16),
    /// The clock, as the event loop reads it: what is due (an autosave) starts.
    Tick(std::time::Instant),
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
    Saved(Result<(), crate::store::SaveError>),
    /// A background save of the scores as they were at `revision` finished.
    SavedUpTo {
        revision: u64,
        result: Result<(), crate::store::SaveError>,
    },
    /// A save met another program's changes to the scores file (and merged them).
    External(Box<crate::store::Outcome>),
    Exported(Result<String, String>),
    /// Writing the recovery journal failed: the changes to `items` (`None`: every change not
    /// yet saved) may not survive a crash.
    JournalFailed {
        error: crate::store::JournalError,
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
    /// A key of the evaluation's list of reports (the review never sees one).
    List(ListAction),
}

/// What the evaluation's list of reports is asked to do, beyond moving (which shares the
/// review's actions: next, previous, first, last, a page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAction {
    /// Review the report under the cursor.
    Review,
    /// The chair's view of the report under the cursor.
    Panel,
    /// The next order of the rows.
    Sort,
    Filter(ListFilter),
    ClearFilters,
}

/// Which reports the list shows: each filter on narrows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFilter {
    /// Reports the evaluator has not scored every item of.
    MineUnfinished,
    /// Reports some evaluator has not submitted (or nobody has started).
    NotSubmitted,
    /// Reports with items the evaluators disagree on.
    Disagreements,
}

/// What a filter-menu key toggles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    Unscored,
    Flagged,
    NeedsReason,
    HasNote,
    /// The next tag (none after the last).
    Tag,
    /// The panel view: the items where the evaluators' scores are far apart.
    Disagree,
}
