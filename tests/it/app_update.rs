//! `App::update` as a pure state machine: no terminal, just actions in and state (and the
//! effects it asks for) out, on the two fixture reports.

use appraise::io_error::Reason;
use appraise::report::{Node, Report, parse_report};
use appraise::scores::Scores;
use appraise::store::{JournalError, SaveError};
use appraise::tui::action::Action;
use appraise::tui::app::{App, Effect, Level, Mode, SaveState};
use appraise::tui::layout;
use appraise::tui::view::said;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::path::PathBuf;

const SHAODONG: &[u8] = include_bytes!("../../fixtures/shaodong-2022.json");
const ENGLISH: &[u8] = include_bytes!("../../fixtures/english-sample.json");

// English fixture, items in report order:
const OBJECTIVES: usize = 0; // 0–10 step 0.5
const SUMMER: usize = 1; // 0–10, refs [attendance]
const ATTENDANCE: usize = 2; // 0–5 step 1
const VOLUNTEERS: usize = 3;
const DIGITAL: usize = 4; // 0–4 step 0.25
const BUDGET: usize = 6; // refs [overview]
const SATISFACTION: usize = 7; // refs [delivery, summer-reading]; the last item

// ---------------------------------------------------------------------------------------------
// Helpers

fn report(bytes: &[u8]) -> Report {
    parse_report(bytes).unwrap_or_else(|problems| panic!("fixture does not parse: {problems:?}"))
}

fn app_sized(bytes: &[u8], w: u16, h: u16) -> App {
    let report = report(bytes);
    let scores = Scores::new(&report);
    App::new(report, scores, PathBuf::from("/nonexistent/report.scores.json"), Rect::new(0, 0, w, h))
}

fn english() -> App {
    app_sized(ENGLISH, 120, 40)
}

/// A save that failed on a full disk.
fn disk_full() -> SaveError {
    SaveError::Write { path: "q.scores.json".into(), why: Reason::of(&std::io::Error::from_raw_os_error(28)) }
}

fn denied() -> SaveError {
    let why = Reason::of(&std::io::Error::from(std::io::ErrorKind::PermissionDenied));
    SaveError::Write { path: "q.scores.json".into(), why }
}

fn journal_full() -> JournalError {
    JournalError::Write(Reason::of(&std::io::Error::from_raw_os_error(28)))
}

fn key(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ctrl(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Types `s` as key events, one per character, `\n` as Enter.
fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        let code = if c == '\n' { KeyCode::Enter } else { KeyCode::Char(c) };
        let effects = app.update(key(code));
        assert!(effects.iter().all(|e| matches!(e, Effect::Draft { .. })), "typing {c:?}: {effects:?}");
    }
}

/// A frame as the event loop draws it, so the app knows how far its text and pages scroll.
fn frame(app: &mut App) {
    let (w, h) = (app.size.width, app.size.height);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    let mut state = appraise::tui::view::ViewState::default();
    terminal.draw(|f| appraise::tui::frame(app, &mut state, f)).unwrap();
}

fn item_row(app: &App, i: usize) -> usize {
    app.row_of(Node::Item(i)).expect("the item is shown")
}

fn section_row(app: &App, id: &str) -> usize {
    match app.report.find(id) {
        Some(node @ Node::Section(_)) => app.row_of(node).expect("the section is shown"),
        other => panic!("{id} is not a section: {other:?}"),
    }
}

/// Puts the cursor on item `i` (by walking with j/k, as a user would).
fn go_to(app: &mut App, i: usize) {
    app.update(Action::FirstItem);
    for _ in 0..i {
        app.update(Action::NextItem);
    }
    assert_eq!(app.current_item(), Some(i));
}

fn message(app: &App) -> String {
    app.message.as_ref().map(|m| said(&m.said).into_owned()).unwrap_or_default()
}

fn score(app: &App, i: usize) -> Option<f64> {
    app.scores.entries[i].score
}

fn in_prompt(app: &App) -> bool {
    matches!(app.mode, Mode::ScorePrompt { .. })
}

fn prompt_error(app: &App) -> Option<String> {
    match &app.mode {
        Mode::ScorePrompt { error, .. } => error.clone(),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Moving around

#[test]
fn starts_on_the_first_unscored_item() {
    let app = english();
    assert_eq!(app.current_item(), Some(OBJECTIVES));
    assert_eq!(app.cursor, 1, "row 0 is the section 'overview'");
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.quit);
    assert_eq!(app.save, SaveState::Saved);
}

#[test]
fn j_and_k_move_between_items_and_say_so_at_the_ends() {
    let mut app = english();
    // k on the first item: stays, says so.
    app.update(Action::PrevItem);
    assert_eq!(app.current_item(), Some(OBJECTIVES));
    assert_eq!(message(&app), "This is the first item.");
    // j skips the section rows in between.
    app.update(Action::NextItem);
    assert_eq!(app.current_item(), Some(SUMMER));
    assert_eq!(app.message, None, "an info message lasts until the next key");
    app.update(Action::NextItem);
    assert_eq!(app.current_item(), Some(ATTENDANCE));
    app.update(Action::PrevItem);
    assert_eq!(app.current_item(), Some(SUMMER));
    // Walk to the end: every item in report order.
    let mut seen = vec![OBJECTIVES, SUMMER];
    loop {
        let before = app.cursor;
        app.update(Action::NextItem);
        if app.cursor == before {
            break;
        }
        seen.push(app.current_item().expect("j lands on items"));
    }
    assert_eq!(seen, (0..app.report.items.len()).collect::<Vec<_>>());
    assert_eq!(app.current_item(), Some(SATISFACTION));
    assert_eq!(message(&app), "This is the last item.");
}

#[test]
fn big_j_and_k_move_between_sections() {
    let mut app = english();
    app.update(Action::NextSection);
    assert_eq!(app.cursor, section_row(&app, "delivery"));
    assert_eq!(app.current_item(), None);
    app.update(Action::NextSection);
    assert_eq!(app.cursor, section_row(&app, "delivery.children"));
    app.update(Action::PrevSection);
    assert_eq!(app.cursor, section_row(&app, "delivery"));
    app.update(Action::PrevSection);
    assert_eq!(app.cursor, section_row(&app, "overview"));
    app.update(Action::PrevSection);
    assert_eq!(app.cursor, section_row(&app, "overview"));
    assert_eq!(message(&app), "This is the first section.");

    for _ in 0..10 {
        app.update(Action::NextSection);
    }
    assert_eq!(app.cursor, section_row(&app, "governance"));
    assert_eq!(message(&app), "This is the last section.");
    // K from an item goes to the section above it (its own).
    app.update(Action::NextItem);
    assert_eq!(app.current_item(), Some(BUDGET));
    app.update(Action::PrevSection);
    assert_eq!(app.cursor, section_row(&app, "governance"));
}

#[test]
fn g_and_big_g_go_to_the_first_and_last_item() {
    let mut app = english();
    app.update(Action::LastItem);
    assert_eq!(app.current_item(), Some(SATISFACTION));
    assert_eq!(app.cursor, app.outline.len() - 1);
    app.update(Action::FirstItem);
    assert_eq!(app.current_item(), Some(OBJECTIVES));
    // From a section row too.
    app.update(Action::NextSection);
    app.update(Action::LastItem);
    assert_eq!(app.current_item(), Some(SATISFACTION));
    // Moving resets the text scroll.
    app.update(Action::FirstItem);
    app.text_scroll = 3;
    app.update(Action::NextItem);
    assert_eq!(app.text_scroll, 0);
}

#[test]
fn n_goes_to_the_next_unscored_item_and_wraps_around() {
    let mut app = english();
    let n = app.report.items.len();
    // Score everything except VOLUNTEERS and OBJECTIVES.
    for i in 0..n {
        if i != VOLUNTEERS && i != OBJECTIVES {
            go_to(&mut app, i);
            app.update(Action::QuickScore(1));
            assert_eq!(score(&app, i), Some(1.0));
        }
    }
    go_to(&mut app, OBJECTIVES);
    app.update(Action::NextUnscored);
    assert_eq!(app.current_item(), Some(VOLUNTEERS));
    // From VOLUNTEERS the next unscored one is OBJECTIVES, past the end.
    app.update(Action::NextUnscored);
    assert_eq!(app.current_item(), Some(OBJECTIVES), "wraps around");
    // From the last item, wrapping again.
    go_to(&mut app, SATISFACTION);
    app.update(Action::NextUnscored);
    assert_eq!(app.current_item(), Some(OBJECTIVES));
    // From a section row: the first unscored item at or after its items.
    app.update(Action::NextSection); // "delivery"
    app.update(Action::NextUnscored);
    assert_eq!(app.current_item(), Some(VOLUNTEERS));
    // The only unscored item is the current one: n stays on it.
    app.update(Action::QuickScore(1)); // VOLUNTEERS scored
    go_to(&mut app, OBJECTIVES);
    app.update(Action::NextUnscored);
    assert_eq!(app.current_item(), Some(OBJECTIVES));
    // Everything scored.
    app.update(Action::QuickScore(1));
    app.update(Action::NextUnscored);
    assert_eq!(app.current_item(), Some(OBJECTIVES));
    assert_eq!(message(&app), "Every item is scored.");
}

// ---------------------------------------------------------------------------------------------
// Scoring

#[test]
fn quick_score_sets_whole_numbers_and_refuses_above_the_maximum() {
    let mut app = english();
    go_to(&mut app, ATTENDANCE); // max 5
    app.update(Action::QuickScore(3));
    assert_eq!(score(&app, ATTENDANCE), Some(3.0));
    assert_eq!(app.save, SaveState::Unsaved);
    assert!(app.has_unsaved());
    app.update(Action::QuickScore(7));
    assert_eq!(score(&app, ATTENDANCE), Some(3.0), "the score stays");
    let msg = message(&app);
    assert!(msg.contains("above the maximum"), "{msg}");
    assert_eq!(app.message.as_ref().map(|m| m.level), Some(Level::Warn));
    app.update(Action::QuickScore(5));
    assert_eq!(score(&app, ATTENDANCE), Some(5.0));
    app.update(Action::QuickScore(0));
    assert_eq!(score(&app, ATTENDANCE), Some(0.0));
    // Not set on an unscored item either.
    go_to(&mut app, DIGITAL); // max 4
    app.update(Action::QuickScore(9));
    assert_eq!(score(&app, DIGITAL), None);
    assert!(message(&app).contains("above the maximum"));
}

#[test]
fn score_prompt_sets_a_typed_score() {
    let mut app = english();
    assert_eq!(app.update(Action::OpenScorePrompt), vec![]);
    assert!(in_prompt(&app));
    type_str(&mut app, "6.5");
    match &app.mode {
        Mode::ScorePrompt { input, error, .. } => {
            assert_eq!(input, "6.5");
            assert_eq!(error, &None);
        }
        other => panic!("not in the prompt: {other:?}"),
    }
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(score(&app, OBJECTIVES), Some(6.5));
    assert!(app.scores.entries[OBJECTIVES].updated_at.is_some());

    // Full-width digits as an input method types them.
    app.update(Action::OpenScorePrompt);
    type_str(&mut app, "７．５");
    app.update(key(KeyCode::Enter));
    assert_eq!(score(&app, OBJECTIVES), Some(7.5));

    // A quarter step on DIGITAL (step 0.25).
    go_to(&mut app, DIGITAL);
    app.update(Action::OpenScorePrompt);
    type_str(&mut app, "3.25");
    app.update(key(KeyCode::Enter));
    assert_eq!(score(&app, DIGITAL), Some(3.25));
}

#[test]
fn score_prompt_off_grid_value_errors_and_keeps_the_old_score() {
    let mut app = english();
    app.update(Action::QuickScore(6));
    app.update(Action::OpenScorePrompt);
    type_str(&mut app, "6.3");
    app.update(key(KeyCode::Enter));
    assert!(in_prompt(&app), "the prompt stays open");
    let error = prompt_error(&app).expect("an error in the prompt");
    assert!(error.contains("6.3 is not on the 0.5 step grid"), "{error}");
    assert!(error.contains("nearest: 6 or 6.5"), "{error}");
    assert_eq!(score(&app, OBJECTIVES), Some(6.0));

    // The refused value is selected: typing replaces it (not "6.36.5"), and clears the error.
    type_str(&mut app, "6");
    assert_eq!(prompt_error(&app), None);
    assert_eq!(prompt_input(&app), "6");
    type_str(&mut app, ".5");
    app.update(key(KeyCode::Enter));
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(score(&app, OBJECTIVES), Some(6.5));

    // Above the max, below the min and not a number: refused, score kept.
    for bad in ["11", "-1", ""] {
        app.update(Action::OpenScorePrompt);
        type_str(&mut app, bad);
        app.update(key(KeyCode::Enter));
        assert!(in_prompt(&app), "{bad:?} keeps the prompt open");
        assert!(prompt_error(&app).is_some(), "{bad:?} gives an error");
        assert_eq!(score(&app, OBJECTIVES), Some(6.5), "{bad:?} keeps the score");
        app.update(key(KeyCode::Esc));
        assert!(matches!(app.mode, Mode::Normal));
    }

    // Esc cancels what was typed; Ctrl-u clears the input.
    app.update(Action::OpenScorePrompt);
    type_str(&mut app, "9");
    app.update(key(KeyCode::Esc));
    assert_eq!(score(&app, OBJECTIVES), Some(6.5));
    app.update(Action::OpenScorePrompt);
    type_str(&mut app, "123");
    app.update(ctrl('u'));
    type_str(&mut app, "2");
    app.update(key(KeyCode::Enter));
    assert_eq!(score(&app, OBJECTIVES), Some(2.0));
}

/// What the score prompt holds now.
fn prompt_input(app: &App) -> String {
    match &app.mode {
        Mode::ScorePrompt { input, .. } => input.clone(),
        _ => panic!("not in the prompt"),
    }
}

#[test]
fn the_score_prompt_takes_numbers_only_and_replaces_a_refused_value() {
    let mut app = english();
    app.update(Action::OpenScorePrompt);
    type_str(&mut app, "7.3");
    app.update(key(KeyCode::Enter));
    assert!(prompt_error(&app).unwrap().contains("7.3 is not on the 0.5 step grid"));
    type_str(&mut app, "7");
    assert_eq!(prompt_input(&app), "7", "the refused 7.3 is replaced, not extended to 7.37");
    // Letters are not taken, and the prompt says what is.
    type_str(&mut app, "x");
    assert_eq!(prompt_input(&app), "7");
    assert!(prompt_error(&app).unwrap().starts_with("Only a number goes here"), "{:?}", prompt_error(&app));
    app.update(key(KeyCode::Enter));
    assert_eq!(score(&app, OBJECTIVES), Some(7.0));
    // "4分" is 4; full-width digits too.
    app.update(Action::OpenScorePrompt);
    type_str(&mut app, "4分");
    app.update(key(KeyCode::Enter));
    assert_eq!(score(&app, OBJECTIVES), Some(4.0));
    app.update(Action::OpenScorePrompt);
    type_str(&mut app, "５．５");
    app.update(key(KeyCode::Enter));
    assert_eq!(score(&app, OBJECTIVES), Some(5.5));
    // Backspace on a refused value takes all of it.
    app.update(Action::OpenScorePrompt);
    type_str(&mut app, "99");
    app.update(key(KeyCode::Enter));
    app.update(key(KeyCode::Backspace));
    assert_eq!(prompt_input(&app), "");
}

#[test]
fn raise_and_lower_from_unscored_and_at_the_bounds() {
    let mut app = english();
    // Lower from unscored: full marks minus one step (the first deduction).
    app.update(Action::LowerScore);
    assert_eq!(score(&app, OBJECTIVES), Some(9.5));
    app.update(Action::RaiseScore);
    assert_eq!(score(&app, OBJECTIVES), Some(10.0));
    app.update(Action::RaiseScore);
    assert_eq!(score(&app, OBJECTIVES), Some(10.0));
    assert_eq!(message(&app), "Already at the maximum (10).");
    app.update(Action::LowerScore);
    assert_eq!(score(&app, OBJECTIVES), Some(9.5));

    // Raise from unscored: full marks; lower at the minimum stays.
    go_to(&mut app, SUMMER);
    app.update(Action::RaiseScore);
    assert_eq!(score(&app, SUMMER), Some(10.0));
    app.update(Action::QuickScore(0));
    app.update(Action::LowerScore);
    assert_eq!(score(&app, SUMMER), Some(0.0));
    assert_eq!(message(&app), "Already at the minimum (0).");
    app.update(Action::RaiseScore);
    assert_eq!(score(&app, SUMMER), Some(0.5));

    // The item's own scale: DIGITAL is 0–4 step 0.25, ATTENDANCE 0–5 step 1.
    go_to(&mut app, DIGITAL);
    app.update(Action::LowerScore);
    assert_eq!(score(&app, DIGITAL), Some(3.75));
    app.update(Action::LowerScore);
    assert_eq!(score(&app, DIGITAL), Some(3.5));
    go_to(&mut app, ATTENDANCE);
    app.update(Action::LowerScore);
    app.update(Action::LowerScore);
    assert_eq!(score(&app, ATTENDANCE), Some(3.0));
    // One undo takes back the first deduction whole: the item is unscored again.
    go_to(&mut app, VOLUNTEERS);
    app.update(Action::LowerScore);
    app.update(Action::Undo);
    assert_eq!(score(&app, VOLUNTEERS), None);
}

#[test]
fn clear_score() {
    let mut app = english();
    app.update(Action::ClearScore);
    assert_eq!(message(&app), "This item has no score to clear.");
    assert!(!app.history.can_undo());
    app.update(Action::QuickScore(4));
    app.update(Action::ClearScore);
    assert_eq!(score(&app, OBJECTIVES), None);
    assert!(message(&app).contains("Score cleared"), "{}", message(&app));
    app.update(Action::Undo);
    assert_eq!(score(&app, OBJECTIVES), Some(4.0));
}

#[test]
fn toggle_flag() {
    let mut app = english();
    app.update(Action::ToggleFlag);
    assert!(app.scores.entries[OBJECTIVES].flagged);
    assert_eq!(score(&app, OBJECTIVES), None, "flagging does not score");
    assert_eq!(app.save, SaveState::Unsaved);
    app.update(Action::ToggleFlag);
    assert!(!app.scores.entries[OBJECTIVES].flagged);
}

// ---------------------------------------------------------------------------------------------
// Notes

#[test]
fn annotate_stores_a_multi_line_note_on_esc() {
    let mut app = english();
    app.update(Action::Annotate);
    assert!(matches!(app.mode, Mode::Note { item: OBJECTIVES, .. }));
    type_str(&mut app, "Baselines missing\nfor two targets");
    assert_eq!(app.scores.entries[OBJECTIVES].note, "", "nothing stored before Esc");
    app.update(key(KeyCode::Esc));
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.scores.entries[OBJECTIVES].note, "Baselines missing\nfor two targets");
    assert_eq!(app.save, SaveState::Unsaved);

    // Reopening continues at the end of the note; trailing blank lines are dropped.
    app.update(Action::Annotate);
    type_str(&mut app, ".\n\n");
    app.update(key(KeyCode::Esc));
    assert_eq!(app.scores.entries[OBJECTIVES].note, "Baselines missing\nfor two targets.");

    // CJK text.
    go_to(&mut app, SUMMER);
    app.update(Action::Annotate);
    type_str(&mut app, "佐证材料不足");
    app.update(key(KeyCode::Esc));
    assert_eq!(app.scores.entries[SUMMER].note, "佐证材料不足");

    // Opening and closing without typing records no change.
    let saved = app.scores.clone();
    app.update(Action::Annotate);
    app.update(key(KeyCode::Esc));
    assert_eq!(app.scores, saved);
}

#[test]
fn ctrl_s_in_the_note_editor_keeps_the_note_and_saves() {
    let mut app = english();
    app.update(Action::Annotate);
    type_str(&mut app, "draft");
    let effects = app.update(ctrl('s'));
    assert!(
        matches!(&effects[..], [Effect::Journal { item: OBJECTIVES, entry, .. }, Effect::Save] if entry.note == "draft"),
        "the note goes to the journal, then the save: {effects:?}"
    );
    assert!(matches!(app.mode, Mode::Note { .. }), "the editor stays open");
    assert_eq!(app.scores.entries[OBJECTIVES].note, "draft");
    app.update(Action::Saved(Ok(())));
    assert_eq!(app.save, SaveState::Saved);
    type_str(&mut app, " two");
    app.update(key(KeyCode::Esc));
    assert_eq!(app.scores.entries[OBJECTIVES].note, "draft two");
}

#[test]
fn paste_goes_into_the_note_editor_and_the_score_prompt() {
    let mut app = english();
    app.update(Action::Annotate);
    type_str(&mut app, "Seen: ");
    app.update(Action::Paste("line one\r\nline two\rline three".to_string()));
    app.update(key(KeyCode::Esc));
    assert_eq!(app.scores.entries[OBJECTIVES].note, "Seen: line one\nline two\nline three");

    app.update(Action::OpenScorePrompt);
    app.update(Action::Paste(" 7.5 \nignored".to_string()));
    app.update(key(KeyCode::Enter));
    assert_eq!(score(&app, OBJECTIVES), Some(7.5));

    // In the normal view a paste changes nothing and says where it would go.
    let before = app.scores.clone();
    app.update(Action::Paste("8".to_string()));
    assert_eq!(app.scores, before);
    assert!(message(&app).contains("Paste goes into a note"), "{}", message(&app));
}

// ---------------------------------------------------------------------------------------------
// Undo / redo

#[test]
fn undo_and_redo_of_score_note_and_flag_changes() {
    let mut app = english();
    app.update(Action::QuickScore(7)); // 1: score on OBJECTIVES
    go_to(&mut app, SUMMER);
    app.update(Action::ToggleFlag); // 2: flag on SUMMER
    go_to(&mut app, ATTENDANCE);
    app.update(Action::Annotate);
    type_str(&mut app, "late");
    app.update(key(KeyCode::Esc)); // 3: note on ATTENDANCE
    app.update(Action::Saved(Ok(())));
    assert_eq!(app.save, SaveState::Saved);
    let e = |app: &App, i: usize| app.scores.entries[i].clone();

    // Undo walks back, moving the cursor to the item each change touched.
    app.update(Action::FirstItem);
    app.update(Action::Undo);
    assert_eq!(e(&app, ATTENDANCE).note, "");
    assert_eq!(app.current_item(), Some(ATTENDANCE));
    assert_eq!(message(&app), "Undone: item delivery.children.early-years.attendance.");
    assert_eq!(app.save, SaveState::Unsaved, "an undo is a change to save");
    assert!(e(&app, SUMMER).flagged);
    assert_eq!(score(&app, OBJECTIVES), Some(7.0));

    app.update(Action::Undo);
    assert!(!e(&app, SUMMER).flagged);
    assert_eq!(app.current_item(), Some(SUMMER));
    assert_eq!(score(&app, OBJECTIVES), Some(7.0));

    app.update(Action::Undo);
    assert_eq!(score(&app, OBJECTIVES), None);
    assert_eq!(app.current_item(), Some(OBJECTIVES));

    app.update(Action::Undo);
    assert_eq!(message(&app), "Nothing to undo.");

    // Redo walks forward again.
    app.update(Action::Redo);
    assert_eq!(score(&app, OBJECTIVES), Some(7.0));
    assert!(!e(&app, SUMMER).flagged);
    app.update(Action::Redo);
    assert!(e(&app, SUMMER).flagged);
    assert_eq!(app.current_item(), Some(SUMMER));
    assert_eq!(e(&app, ATTENDANCE).note, "");
    app.update(Action::Redo);
    assert_eq!(e(&app, ATTENDANCE).note, "late");
    assert_eq!(app.current_item(), Some(ATTENDANCE));
    app.update(Action::Redo);
    assert_eq!(message(&app), "Nothing to redo.");

    // A new change after an undo drops the redo.
    app.update(Action::Undo); // the note again
    app.update(Action::QuickScore(2));
    app.update(Action::Redo);
    assert_eq!(message(&app), "Nothing to redo.");
    assert_eq!(e(&app, ATTENDANCE).note, "");
    assert_eq!(score(&app, ATTENDANCE), Some(2.0));

    // Several changes to one item undo one at a time.
    app.update(Action::RaiseScore);
    app.update(Action::RaiseScore);
    assert_eq!(score(&app, ATTENDANCE), Some(4.0));
    app.update(Action::Undo);
    assert_eq!(score(&app, ATTENDANCE), Some(3.0));
    app.update(Action::Undo);
    assert_eq!(score(&app, ATTENDANCE), Some(2.0));
    app.update(Action::Undo);
    assert_eq!(score(&app, ATTENDANCE), None);
}

// ---------------------------------------------------------------------------------------------
// Evidence links

#[test]
fn follow_ref_walks_the_refs_and_jump_back_returns() {
    let mut app = english();
    go_to(&mut app, SATISFACTION);
    let origin = app.cursor;
    app.update(Action::FollowRef);
    assert_eq!(app.cursor, section_row(&app, "delivery"), "first ref");
    assert_eq!(message(&app), "Evidence 1/2: delivery (Ctrl-o goes back, r for the next).");
    app.update(Action::FollowRef);
    assert_eq!(app.cursor, item_row(&app, SUMMER), "second ref");
    assert!(message(&app).starts_with("Evidence 2/2: delivery.children.summer-reading"));
    app.update(Action::FollowRef);
    assert_eq!(app.cursor, section_row(&app, "delivery"), "wraps to the first ref again");
    app.update(Action::JumpBack);
    assert_eq!(app.cursor, origin, "Ctrl-o returns to the item the walk started from");
    assert_eq!(message(&app), "Back.");
    app.update(Action::JumpBack);
    assert_eq!(app.cursor, origin);
    assert_eq!(message(&app), "Nothing to go back to.");

    // A single ref; no "r for the next".
    go_to(&mut app, BUDGET);
    app.update(Action::FollowRef);
    assert_eq!(app.cursor, section_row(&app, "overview"));
    assert_eq!(message(&app), "Evidence 1/1: overview (Ctrl-o goes back).");
    app.update(Action::JumpBack);
    assert_eq!(app.current_item(), Some(BUDGET));

    // No refs; a section.
    go_to(&mut app, VOLUNTEERS);
    app.update(Action::FollowRef);
    assert_eq!(app.current_item(), Some(VOLUNTEERS));
    assert_eq!(message(&app), "This item has no evidence links (refs).");
    app.update(Action::NextSection);
    app.update(Action::FollowRef);
    assert!(message(&app).contains("move to an item"));
}

#[test]
fn moving_ends_a_ref_walk() {
    let mut app = english();
    go_to(&mut app, SATISFACTION);
    app.update(Action::FollowRef); // at "delivery"
    app.update(Action::NextItem); // SUMMER, whose own ref is ATTENDANCE
    assert_eq!(app.current_item(), Some(SUMMER));
    app.update(Action::FollowRef);
    assert_eq!(app.current_item(), Some(ATTENDANCE), "a new walk from the item now shown");
    app.update(Action::JumpBack);
    assert_eq!(app.current_item(), Some(SUMMER));
    app.update(Action::JumpBack);
    assert_eq!(app.current_item(), Some(SATISFACTION), "jumps stack up");
}

#[test]
fn follow_ref_again_after_jumping_back_starts_over() {
    // BUG: `JumpBack` (and `Undo`/`Redo`, which also move through `set_cursor`) leave
    // `ref_walk` set. Back on the item, `r` continues the old walk at its next ref instead of
    // the first, and pushes no jump, so the next Ctrl-o says "Nothing to go back to." and the
    // user is stranded at the evidence.
    let mut app = english();
    go_to(&mut app, SATISFACTION);
    let origin = app.cursor;
    app.update(Action::FollowRef);
    app.update(Action::JumpBack);
    assert_eq!(app.cursor, origin);
    app.update(Action::FollowRef);
    assert_eq!(app.cursor, section_row(&app, "delivery"), "r starts at the first ref again");
    app.update(Action::JumpBack);
    assert_eq!(app.cursor, origin, "and Ctrl-o comes back again");
}

// ---------------------------------------------------------------------------------------------
// Saving and quitting

#[test]
fn save_asks_the_event_loop_to_save() {
    let mut app = english();
    assert_eq!(app.update(Action::Save), vec![Effect::Save]);
    app.update(Action::QuickScore(5));
    assert_eq!(app.save, SaveState::Unsaved);
    assert!(app.wake_at().is_some(), "an autosave is due");
    assert_eq!(app.update(Action::Save), vec![Effect::Save]);
    assert_eq!(app.update(Action::Saved(Ok(()))), vec![]);
    assert_eq!(app.save, SaveState::Saved);
    assert!(app.wake_at().is_none(), "no autosave is due");
    assert!(!app.quit, "a save alone does not quit");
    assert_eq!(app.update(Action::Export), vec![Effect::Export]);
}

#[test]
fn quit_saves_first_then_quits() {
    let mut app = english();
    app.update(Action::QuickScore(5));
    assert_eq!(app.update(Action::Quit), vec![Effect::Save]);
    assert!(!app.quit, "not before the save is done");
    assert_eq!(app.update(Action::Saved(Ok(()))), vec![]);
    assert!(app.quit);
    assert_eq!(app.save, SaveState::Saved);
}

#[test]
fn quit_with_a_failed_save_keeps_running_until_q_again() {
    let mut app = english();
    app.update(Action::QuickScore(5));
    assert_eq!(app.update(Action::Quit), vec![Effect::Save]);
    assert_eq!(app.update(Action::Saved(Err(disk_full()))), vec![]);
    assert!(!app.quit, "a failed save does not quit");
    assert_eq!(app.save, SaveState::Failed(disk_full()));
    let m = app.message.clone().expect("an error message");
    assert_eq!(m.level, Level::Error);
    assert!(m.sticky);
    let text = said(&m.said);
    assert!(text.contains("disk is full") && text.contains("q again"), "{text}");
    assert_eq!(score(&app, OBJECTIVES), Some(5.0), "the edit is kept");
    // q again: quit without saving.
    assert_eq!(app.update(Action::Quit), vec![]);
    assert!(app.quit);
}

#[test]
fn quitting_with_unscored_items_says_how_many_on_the_way_out_without_asking() {
    let mut app = english();
    app.update(Action::QuickScore(5));
    assert_eq!(app.update(Action::Quit), vec![Effect::Save]);
    app.update(Action::Saved(Ok(())));
    assert!(app.quit, "no question stands in the way");
    assert_eq!(
        app.parting_note().as_deref(),
        Some("7 items still unscored (of 8); the next start opens on the first of them.")
    );
    // One left: one item.
    let mut app = english();
    for i in 0..app.report.items.len() - 1 {
        go_to(&mut app, i);
        app.update(Action::RaiseScore);
    }
    assert_eq!(
        app.parting_note().as_deref(),
        Some("1 item still unscored (of 8); the next start opens on the first of them.")
    );
    // Every item scored, or only looking: nothing to say.
    go_to(&mut app, SATISFACTION);
    app.update(Action::RaiseScore);
    assert_eq!(app.parting_note(), None);
    let mut app = english();
    app.read_only = true;
    assert_eq!(app.parting_note(), None);

    let _zh = appraise::words::pin(appraise::lang::Lang::Zh);
    let app = english();
    assert_eq!(
        app.parting_note().as_deref(),
        Some("还有 8 项未评分（共 8 项）；下次打开时从第一个未评分项开始。")
    );
}

#[test]
fn a_key_between_failed_save_and_q_asks_to_save_again() {
    let mut app = english();
    app.update(Action::QuickScore(5));
    app.update(Action::Quit);
    app.update(Action::Saved(Err(disk_full())));
    app.update(Action::NextItem);
    assert!(app.message.is_some(), "errors stay until dismissed");
    assert_eq!(app.update(Action::Quit), vec![Effect::Save], "tries to save again");
    assert!(!app.quit);
    // This time it works.
    app.update(Action::Saved(Ok(())));
    assert!(app.quit);
}

#[test]
fn failed_autosave_is_an_error_until_dismissed_and_a_later_save_says_so() {
    let mut app = english();
    app.update(Action::QuickScore(5));
    app.update(Action::Saved(Err(denied())));
    assert!(!app.quit);
    assert!(message(&app).contains("retrying"), "{}", message(&app));
    app.update(Action::NextItem);
    assert!(message(&app).contains("permission denied"), "sticky");
    app.update(Action::QuickScore(3));
    assert!(matches!(app.save, SaveState::Failed(_)), "still failed until a save works");
    app.update(Action::Saved(Ok(())));
    assert_eq!(app.save, SaveState::Saved);
    assert_eq!(message(&app), "Saved again; all edits are on disk.");
    app.update(Action::Dismiss);
    assert_eq!(app.message, None);
}

#[test]
fn read_only_refuses_changes() {
    let mut app = english();
    app.update(Action::QuickScore(5));
    app.update(Action::Saved(Ok(())));
    app.read_only = true;
    let before = app.scores.clone();
    for action in [
        Action::QuickScore(3),
        Action::RaiseScore,
        Action::LowerScore,
        Action::ClearScore,
        Action::ToggleFlag,
        Action::Annotate,
        Action::OpenScorePrompt,
    ] {
        assert_eq!(app.update(action.clone()), vec![], "{action:?}");
        assert!(matches!(app.mode, Mode::Normal), "{action:?} opens nothing");
        assert!(message(&app).contains("Read-only"), "{action:?}: {}", message(&app));
        assert_eq!(app.scores, before, "{action:?} changes nothing");
    }
    assert_eq!(app.save, SaveState::Saved);
    assert_eq!(app.update(Action::Save), vec![]);
    assert!(message(&app).contains("Read-only"));
    // Moving around still works; quitting needs no save.
    app.update(Action::NextItem);
    assert_eq!(app.current_item(), Some(SUMMER));
    assert_eq!(app.update(Action::Quit), vec![]);
    assert!(app.quit);
}

#[test]
fn scoring_actions_on_a_section_row_say_to_move_to_an_item() {
    let mut app = english();
    app.update(Action::NextSection);
    assert_eq!(app.current_item(), None);
    let before = app.scores.clone();
    for action in [
        Action::QuickScore(3),
        Action::RaiseScore,
        Action::LowerScore,
        Action::ClearScore,
        Action::ToggleFlag,
        Action::Annotate,
        Action::OpenScorePrompt,
    ] {
        app.update(action.clone());
        assert!(matches!(app.mode, Mode::Normal), "{action:?} opens nothing on a section");
        let msg = message(&app);
        assert!(msg.contains("move to an item"), "{action:?}: {msg}");
        assert_eq!(app.scores, before);
    }
    assert!(!app.history.can_undo());
}

// ---------------------------------------------------------------------------------------------
// Screens and sizes

#[test]
fn help_opens_and_closes() {
    let mut app = english();
    app.update(Action::Help);
    assert!(matches!(app.mode, Mode::Help { scroll: 0 }));
    frame(&mut app);
    app.update(key(KeyCode::Char('j')));
    app.update(key(KeyCode::Char('j')));
    app.update(key(KeyCode::Char('k')));
    assert!(matches!(app.mode, Mode::Help { scroll: 1 }));
    assert_eq!(app.current_item(), Some(OBJECTIVES), "j scrolls the help, not the outline");
    app.update(key(KeyCode::Esc));
    assert!(matches!(app.mode, Mode::Normal));
    app.update(Action::Help);
    app.update(key(KeyCode::Char('?')));
    assert!(matches!(app.mode, Mode::Normal));
}

/// The outline pane's height in rows for the app's current size.
fn outline_rows(app: &App) -> usize {
    usize::from(layout::inner(app.panes().outline).height)
}

fn assert_cursor_visible(app: &App, what: &str) {
    let h = outline_rows(app);
    assert!(
        app.outline_offset <= app.cursor && app.cursor < app.outline_offset + h,
        "{what}: cursor {} not in rows {}..{} (outline of {h} rows)",
        app.cursor,
        app.outline_offset,
        app.outline_offset + h
    );
    assert!(app.outline_offset + h <= app.outline.len().max(h), "{what}: scrolled past the end");
}

#[test]
fn resize_keeps_the_cursor_visible_in_a_short_terminal() {
    let mut app = app_sized(SHAODONG, 80, 12); // the smallest full view: 8 outline rows
    assert!(app.outline.len() > 60);
    assert_eq!(outline_rows(&app), 8);
    // Walk all the way down with j, then back up with k.
    loop {
        let before = app.cursor;
        app.update(Action::NextItem);
        assert_cursor_visible(&app, "j");
        if app.cursor == before {
            break;
        }
    }
    assert_eq!(app.cursor, app.outline.len() - 1);
    assert!(app.outline_offset > 50, "scrolled down: offset {}", app.outline_offset);
    app.update(Action::FirstItem);
    assert_cursor_visible(&app, "g");
    app.update(Action::LastItem);
    assert_cursor_visible(&app, "G");

    // Grow: the offset follows so no empty rows show below the end.
    app.update(Action::Resize(120, 40));
    assert_cursor_visible(&app, "grown to 120x40");
    assert_eq!(app.outline_offset + outline_rows(&app), app.outline.len(), "the last page fills the pane");
    // Shrink again, in the middle of the outline.
    for _ in 0..20 {
        app.update(Action::PrevItem);
    }
    app.update(Action::Resize(80, 12));
    assert_cursor_visible(&app, "shrunk to 80x12");
    // Too small to draw: no panic, and it recovers.
    app.update(Action::Resize(20, 6));
    app.update(Action::NextItem);
    app.update(Action::Resize(100, 30));
    assert_cursor_visible(&app, "back to 100x30");
}

#[test]
fn cursor_keeps_a_margin_from_the_edge_in_a_tall_outline() {
    let mut app = app_sized(SHAODONG, 120, 40);
    let h = outline_rows(&app);
    assert!(h > 8);
    for _ in 0..40 {
        app.update(Action::NextItem);
        assert_cursor_visible(&app, "j");
        if app.cursor + 2 < app.outline.len() {
            assert!(app.cursor + 2 < app.outline_offset + h, "two rows of context below the cursor");
        }
    }
    for _ in 0..40 {
        app.update(Action::PrevItem);
        assert_cursor_visible(&app, "k");
        if app.cursor >= 2 {
            assert!(app.cursor >= app.outline_offset + 2, "two rows of context above the cursor");
        }
    }
}

#[test]
fn focus_moves_between_panes() {
    use appraise::tui::app::Pane;
    let mut app = english();
    assert_eq!(app.focus, Pane::Outline);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Pane::Reading);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Pane::Score);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Pane::Outline);
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Pane::Score);
    app.update(Action::FocusLeft);
    assert_eq!(app.focus, Pane::Outline);
    app.update(Action::FocusRight);
    assert_eq!(app.focus, Pane::Reading);
}

#[test]
fn page_keys_scroll_the_text_within_bounds() {
    let mut app = app_sized(SHAODONG, 80, 24);
    go_to(&mut app, 3); // s2.1.4, a long CJK paragraph
    frame(&mut app);
    app.update(Action::PageDown);
    assert!(app.text_scroll > 0, "the text scrolls");
    for _ in 0..50 {
        app.update(Action::PageDown);
    }
    let max = app.text_scroll;
    app.update(Action::HalfPageDown);
    assert_eq!(app.text_scroll, max, "no scrolling past the end");
    for _ in 0..50 {
        app.update(Action::PageUp);
    }
    assert_eq!(app.text_scroll, 0);
    app.update(Action::HalfPageUp);
    assert_eq!(app.text_scroll, 0);
}

#[test]
fn a_background_save_covers_only_the_changes_made_before_it() {
    let mut app = english();
    app.update(Action::QuickScore(7));
    let first = app.revision;
    assert_eq!(app.save, SaveState::Unsaved);
    app.update(Action::SavedUpTo { revision: first, result: Ok(()) });
    assert_eq!(app.save, SaveState::Saved, "everything up to now is on disk");

    app.update(Action::QuickScore(6));
    let snapshot = app.revision;
    app.update(Action::ToggleFlag); // made while the snapshot is being written
    app.update(Action::SavedUpTo { revision: snapshot, result: Ok(()) });
    assert_eq!(app.save, SaveState::Unsaved, "the flag is still to be saved");
    app.update(Action::SavedUpTo { revision: app.revision, result: Err(disk_full()) });
    assert!(matches!(app.save, SaveState::Failed(_)));
}

#[test]
fn mouse_click_selects_an_outline_row_and_wheel_moves() {
    let mut app = english();
    let outline = app.panes().outline;
    let inner = layout::inner(outline);
    // Click the row showing item SATISFACTION (the last one).
    let row = item_row(&app, SATISFACTION);
    let y = inner.y + u16::try_from(row - app.outline_offset).unwrap();
    app.update(Action::Click { column: inner.x + 3, row: y });
    assert_eq!(app.current_item(), Some(SATISFACTION));
    app.update(Action::Wheel { column: inner.x + 3, row: inner.y, down: false });
    assert_eq!(app.current_item(), Some(BUDGET), "the wheel over the outline moves between items");
    let reading = app.panes().reading;
    app.update(Action::Click { column: reading.x + 2, row: reading.y + 2 });
    assert_eq!(app.focus, appraise::tui::app::Pane::Reading, "a click focuses the pane");
}

#[test]
fn y_copies_the_item_text_or_from_the_score_panel_the_note() {
    let mut app = english();
    let text = app.report.items[app.current_item().unwrap()].text.to_string();
    assert_eq!(app.update(Action::Copy), vec![Effect::Copy(text)]);
    app.update(Action::Annotate);
    type_str(&mut app, "佐证不足");
    app.update(key(KeyCode::Esc));
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.update(Action::Copy), vec![Effect::Copy("佐证不足".into())]);
}

#[test]
fn a_saved_snapshot_is_left_as_it_was_when_the_scores_change() {
    let mut app = english();
    let i = app.current_item().unwrap();
    // What the saver holds while it writes.
    let snapshot = std::sync::Arc::clone(&app.scores);
    app.update(Action::QuickScore(1));
    assert_eq!(snapshot.entries[i].score, None);
    assert!(app.scores.entries[i].score.is_some());
    // Once the saver has let go, a change no longer copies.
    drop(snapshot);
    let before = std::sync::Arc::as_ptr(&app.scores);
    app.update(Action::QuickScore(2));
    assert_eq!(std::sync::Arc::as_ptr(&app.scores), before);
}

#[test]
fn export_runs_in_the_background_one_at_a_time() {
    let mut app = english();
    assert_eq!(app.update(Action::Export), vec![Effect::Export]);
    assert!(app.exporting);
    assert!(message(&app).contains("Writing the scoring sheet"));
    // A second E while it runs starts nothing.
    assert_eq!(app.update(Action::Export), vec![]);
    assert!(message(&app).contains("still being written"));
    // Keys go on working meanwhile.
    app.update(Action::QuickScore(3));
    assert!(app.exporting);
    app.update(Action::Exported(Ok("q.sheet.xlsx".into())));
    assert!(!app.exporting);
    assert!(message(&app).contains("written to q.sheet.xlsx"));
    assert_eq!(app.update(Action::Export), vec![Effect::Export]);
    app.update(Action::Exported(Err("disk full".into())));
    assert!(!app.exporting);
    assert!(message(&app).contains("Export failed: disk full"));
}

// ---------------------------------------------------------------------------------------------
// What is kept, and quitting when not everything is

#[test]
fn quit_after_the_journal_failed_asks_twice_and_says_what_is_lost() {
    let mut app = english();
    app.update(Action::QuickScore(5));
    app.update(Action::JournalFailed { error: journal_full(), items: None });
    assert_eq!(app.journal_error, Some(journal_full()));
    assert!(message(&app).contains("cannot be written"), "{}", message(&app));
    assert_eq!(
        app.unkept.iter().copied().collect::<Vec<_>>(),
        vec![OBJECTIVES],
        "the unsaved change is kept nowhere"
    );
    app.update(Action::NextItem);
    app.update(Action::QuickScore(3));
    assert!(app.unkept.contains(&SUMMER), "changes while the journal fails are kept nowhere either");

    assert_eq!(app.update(Action::Quit), vec![Effect::Save]);
    app.update(Action::Saved(Err(disk_full())));
    assert!(!app.quit);
    assert!(message(&app).starts_with("Edits to 2 items are on NO disk"), "{}", message(&app));
    assert_eq!(app.update(Action::Quit), vec![], "the second q asks again");
    assert!(!app.quit);
    assert!(message(&app).starts_with("q again quits and LOSES your edits to 2 items"), "{}", message(&app));
    assert_eq!(app.update(Action::Quit), vec![]);
    assert!(app.quit);
}

#[test]
fn a_key_between_the_questions_starts_quitting_over() {
    let mut app = english();
    app.update(Action::QuickScore(5));
    app.update(Action::JournalFailed { error: journal_full(), items: Some(vec![OBJECTIVES]) });
    app.update(Action::Quit);
    app.update(Action::Saved(Err(disk_full())));
    app.update(Action::NextItem);
    assert_eq!(app.update(Action::Quit), vec![Effect::Save], "tries to save again");
    // It works: everything is on disk, nothing is asked.
    app.update(Action::Saved(Ok(())));
    assert!(app.quit);
    assert!(app.unkept.is_empty());
}

#[test]
fn a_save_clears_what_the_journal_could_not_keep_and_a_recovered_journal_says_so() {
    let mut app = english();
    app.update(Action::QuickScore(5));
    let covered = app.revision;
    app.update(Action::JournalFailed {
        error: JournalError::Write(Reason::of(&std::io::Error::other("EIO"))),
        items: None,
    });
    app.update(Action::NextItem);
    app.update(Action::QuickScore(4)); // after the snapshot
    app.update(Action::SavedUpTo { revision: covered, result: Ok(()) });
    assert_eq!(app.unkept.iter().copied().collect::<Vec<_>>(), vec![SUMMER], "only the later change");
    app.update(Action::JournalRecovered);
    assert_eq!(app.journal_error, None);
    assert_eq!(message(&app), "The recovery journal works again.");
    app.update(Action::Saved(Ok(())));
    assert!(app.unkept.is_empty());
}

#[test]
fn ctrl_c_twice_is_a_force_quit_past_any_question() {
    let mut app = english();
    app.update(Action::QuickScore(5));
    app.update(Action::Quit);
    app.update(Action::Saved(Err(disk_full())));
    assert!(!app.quit);
    app.update(Action::ForceQuit);
    assert!(app.quit);
}

#[test]
fn another_programs_change_is_adopted_unless_changed_here_since() {
    use appraise::scores::Entry;
    use appraise::store::Outcome;
    let mut app = english();
    let theirs = Entry { note: "手工补录".into(), ..Entry::default() };
    let mut outcome = Outcome::default();
    outcome.taken.push((ATTENDANCE, Entry::default(), theirs.clone()));
    outcome.taken.push((OBJECTIVES, Entry::default(), Entry { score: Some(1.0), ..Entry::default() }));
    app.update(Action::QuickScore(5)); // objectives changed here after the save's snapshot
    app.update(Action::External(Box::new(outcome)));
    assert_eq!(app.scores.entries[ATTENDANCE], theirs, "taken");
    assert_eq!(app.scores.entries[OBJECTIVES].score, Some(5.0), "this app's later change stays");
    assert_eq!(
        message(&app),
        format!(
            "Another program changed item {} in the scores file: taken.",
            app.report.items[ATTENDANCE].id
        )
    );

    let mut conflict = Outcome::default();
    conflict.conflicts.push(OBJECTIVES);
    conflict.conflict_file = Some(PathBuf::from("/d/r.scores.json.conflict"));
    app.update(Action::External(Box::new(conflict)));
    let m = app.message.clone().unwrap();
    assert_eq!(m.level, Level::Warn);
    assert!(m.sticky);
    let text = said(&m.said);
    assert!(text.contains("yours kept, theirs in r.scores.json.conflict. Esc dismisses"), "{text}");
}

#[test]
fn quit_asks_about_scores_below_full_marks_without_a_reason_and_enter_goes_to_the_first() {
    let mut app = app_sized(SHAODONG, 120, 40); // requires a reason below full marks
    app.update(Action::QuickScore(5)); // full marks: no reason needed
    app.update(Action::NextItem);
    app.update(Action::QuickScore(3));
    app.update(Action::NextItem);
    app.update(Action::QuickScore(2));
    app.update(Action::Annotate);
    type_str(&mut app, "佐证不足");
    app.update(Action::NoteClose);
    app.update(Action::NextItem);
    app.update(Action::QuickScore(4));
    assert_eq!(app.update(Action::Quit), vec![Effect::Save]);
    assert_eq!(app.update(Action::Saved(Ok(()))), vec![]);
    assert!(!app.quit, "the question comes first");
    assert!(
        message(&app).starts_with(
            "2 items below full marks without a reason — Enter goes to the first, q again quits"
        ),
        "{}",
        message(&app)
    );
    // Enter goes to the first of them (the one scored 3), and says how to write it.
    app.update(Action::OpenScorePrompt);
    assert!(matches!(app.mode, Mode::Normal), "no score prompt");
    assert_eq!(app.current_item(), Some(1));
    assert!(message(&app).contains("a writes it"));
    // Another key stays; q asks again (nothing is left to save, so nothing is written), and q
    // once more quits.
    assert_eq!(app.update(Action::Quit), vec![]);
    assert!(!app.quit);
    assert!(message(&app).starts_with("2 items below full marks without a reason"), "{}", message(&app));
    app.update(Action::NextItem);
    assert_eq!(app.update(Action::Quit), vec![], "any other key answered stay");
    assert!(!app.quit);
    assert_eq!(app.update(Action::Quit), vec![]);
    assert!(app.quit);
    // After a failed save the question comes last, after the save's own.
    let mut app = app_sized(SHAODONG, 120, 40);
    app.update(Action::QuickScore(3));
    app.update(Action::Quit);
    app.update(Action::Saved(Err(disk_full())));
    assert!(message(&app).contains("NOT SAVED"));
    app.update(Action::Quit);
    assert!(!app.quit);
    assert!(message(&app).contains("1 item below full marks without a reason"));
    app.update(Action::Quit);
    assert!(app.quit);
    // Ctrl-c twice never waits on it.
    let mut app = app_sized(SHAODONG, 120, 40);
    app.update(Action::QuickScore(3));
    app.update(Action::ForceQuit);
    assert!(app.quit);
}

/// On a rubric report, `j`/`k` go on from the last indicator into the text's passages (to read
/// them), while `n` keeps to the indicators.
#[test]
fn j_and_k_read_on_into_the_texts_passages_and_n_keeps_to_the_indicators() {
    let mut app = app_sized(include_bytes!("../../fixtures/sample.json"), 120, 40);
    app.update(Action::LastItem);
    let last = app.current_item().unwrap();
    assert_eq!(&*app.report.items[last].id, "r3.3.3");
    app.update(Action::NextItem);
    let passage = match app.current() {
        Some(Node::Section(s)) => s,
        other => panic!("j stops at the first passage, not at {other:?}"),
    };
    assert_eq!(&*app.report.sections[passage].id, "s1");
    app.update(key(KeyCode::Char('4')));
    assert!(
        message(&app).contains("to read, not to score; n goes to the next unscored"),
        "{}",
        message(&app)
    );
    assert!(app.scores.entries.iter().all(|e| e.score.is_none()), "nothing scored");
    app.update(Action::NextItem);
    let Some(Node::Section(next)) = app.current() else { panic!("the next passage") };
    assert!(app.report.sections[next].is_passage() && next != passage);
    app.update(Action::PrevItem);
    app.update(Action::PrevItem);
    assert_eq!(app.current_item(), Some(last), "k comes back to the indicator");
    app.update(Action::NextItem);
    app.update(Action::NextUnscored);
    assert_eq!(
        &*app.report.items[app.current_item().unwrap()].id,
        "r1.1.1",
        "n wraps to the first indicator"
    );
}

/// `:` goes straight to an id: exact, or the one id a beginning fits; otherwise it says why and
/// lists the candidates; Ctrl-o comes back.
#[test]
fn colon_goes_to_an_id_or_says_which_ones_fit() {
    let mut app = app_sized(SHAODONG, 120, 40);
    let start = app.current();
    let goto = |app: &mut App, typed: &str| {
        type_str(app, ":");
        assert!(matches!(app.mode, Mode::Goto { .. }));
        type_str(app, typed);
        app.update(key(KeyCode::Enter));
    };
    goto(&mut app, "s2.2.3");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(&*app.report.items[app.current_item().unwrap()].id, "s2.2.3");
    goto(&mut app, "s6.3.3.");
    let Mode::Goto { error: Some(e), .. } = &app.mode else { panic!("an ambiguous beginning is refused") };
    assert!(e.contains("3 ids begin with \"s6.3.3.\": s6.3.3.1, s6.3.3.2, s6.3.3.3"), "{e}");
    app.update(key(KeyCode::Esc));
    goto(&mut app, "nope");
    let Mode::Goto { error: Some(e), .. } = &app.mode else { panic!("an unknown id is refused") };
    assert!(e.contains("No id begins with \"nope\""), "{e}");
    app.update(key(KeyCode::Esc));
    assert!(matches!(app.mode, Mode::Normal));
    goto(&mut app, "s2.3.");
    let Mode::Goto { error: Some(_), .. } = &app.mode else { panic!("s2.3. fits several") };
    app.update(key(KeyCode::Esc));
    app.update(ctrl('o'));
    assert_eq!(app.current(), start, "Ctrl-o comes back from the jump");
}

/// After a search jump the matches are marked in the reading pane, and Ctrl-n / Ctrl-p scroll
/// from one line with a match to the next; elsewhere they say there is none.
#[test]
fn a_search_jump_marks_its_matches_and_ctrl_n_goes_from_one_to_the_next() {
    let long = format!(
        r#"{{"id":"t","title":"T","sections":[{{"id":"s","title":"S","items":[
            {{"id":"a","text":"{}网办率提高。{}再次提到网办。"}},{{"id":"b","text":"无关"}}]}}]}}"#,
        "正文。".repeat(400),
        "其他内容。".repeat(400)
    );
    let mut app = app_sized(long.as_bytes(), 80, 24);
    app.update(Action::FirstItem);
    app.update(ctrl('n'));
    assert!(message(&app).contains("No search match is marked here"), "{}", message(&app));
    let node = app.current().unwrap();
    app.found = Some(appraise::tui::app::Found { node, query: "网办".into(), generation: 1 });
    let (w, h) = (app.size.width, app.size.height);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    let mut state = appraise::tui::view::ViewState::default();
    terminal.draw(|f| appraise::tui::frame(&mut app, &mut state, f)).unwrap();
    assert_eq!(app.measured.matches, 2, "{:?}", app.measured);
    let first = app.measured.next_match.expect("a match below the top");
    app.update(ctrl('n'));
    assert_eq!(app.text_scroll, first);
    terminal.draw(|f| appraise::tui::frame(&mut app, &mut state, f)).unwrap();
    // The marked characters carry the theme's highlight.
    let buf = terminal.backend().buffer().clone();
    let marked = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let cell = &buf[(x, y)];
            cell.symbol() == "网"
                && cell.fg == app.theme.highlight.fg.unwrap()
                && cell.modifier.contains(app.theme.highlight.add_modifier)
        })
        .count();
    assert!(marked >= 1, "the match is marked");
    app.update(ctrl('n'));
    let second = app.text_scroll;
    assert!(second > first, "on to the next line with a match");
    terminal.draw(|f| appraise::tui::frame(&mut app, &mut state, f)).unwrap();
    app.update(ctrl('n'));
    assert!(message(&app).contains("No further match below"), "{}", message(&app));
    app.update(ctrl('p'));
    assert_eq!(app.text_scroll, first, "and back");
    // Another item: nothing marked there.
    app.update(Action::NextItem);
    app.update(ctrl('n'));
    assert!(message(&app).contains("No search match is marked here"));
}

// ---------------------------------------------------------------------------------------------
// Saving by itself: the schedule as a function of changes, answers and the clock

/// The effects of a tick at `t`.
fn tick(app: &mut App, t: std::time::Instant) -> Vec<Effect> {
    app.update(Action::Tick(t))
}

#[test]
fn autosave_starts_once_the_delay_after_the_first_change_has_passed() {
    use std::time::{Duration, Instant};
    let t0 = Instant::now();
    let mut app = english();
    app.autosave.delay = Duration::from_millis(250);
    assert_eq!(tick(&mut app, t0), vec![], "nothing to save");
    assert_eq!(app.wake_at(), None);
    app.update(Action::QuickScore(5));
    tick(&mut app, t0 + Duration::from_millis(100));
    app.update(Action::NextItem);
    app.update(Action::QuickScore(3)); // a second change waits with the first
    assert_eq!(app.wake_at(), Some(t0 + Duration::from_millis(250)));
    assert_eq!(tick(&mut app, t0 + Duration::from_millis(249)), vec![]);
    let revision = app.revision;
    assert_eq!(tick(&mut app, t0 + Duration::from_millis(250)), vec![Effect::Autosave { revision }]);
    assert_eq!(tick(&mut app, t0 + Duration::from_millis(400)), vec![], "one save at a time");
    assert_eq!(app.wake_at(), None);
    app.update(Action::SavedUpTo { revision, result: Ok(()) });
    assert_eq!(app.save, SaveState::Saved);
    assert_eq!(tick(&mut app, t0 + Duration::from_secs(10)), vec![]);
}

#[test]
fn a_change_made_while_a_save_is_written_is_saved_right_after_it() {
    use std::time::{Duration, Instant};
    let t0 = Instant::now();
    let mut app = english();
    tick(&mut app, t0);
    app.update(Action::QuickScore(5));
    let first = app.revision;
    let at = t0 + app.autosave.delay;
    assert_eq!(tick(&mut app, at), vec![Effect::Autosave { revision: first }]);
    app.update(Action::ToggleFlag);
    app.update(Action::SavedUpTo { revision: first, result: Ok(()) });
    assert_eq!(app.save, SaveState::Unsaved);
    let later = app.revision;
    assert_eq!(tick(&mut app, at + Duration::from_millis(1)), vec![Effect::Autosave { revision: later }]);
}

#[test]
fn a_failed_autosave_is_tried_again_after_the_retry_delay_and_not_before() {
    use appraise::tui::app::RETRY_DELAY;
    use std::time::{Duration, Instant};
    let t0 = Instant::now();
    let mut app = english();
    tick(&mut app, t0);
    app.update(Action::QuickScore(5));
    let at = t0 + app.autosave.delay;
    let revision = app.revision;
    assert_eq!(tick(&mut app, at), vec![Effect::Autosave { revision }]);
    app.update(Action::SavedUpTo { revision, result: Err(SaveError::SaverGone) });
    assert!(matches!(app.save, SaveState::Failed(SaveError::SaverGone)));
    assert!(message(&app).contains("the saver stopped"), "{}", message(&app));
    assert_eq!(tick(&mut app, at + Duration::from_secs(1)), vec![], "not at once");
    assert_eq!(app.wake_at(), Some(at + RETRY_DELAY));
    assert_eq!(tick(&mut app, at + RETRY_DELAY), vec![Effect::Autosave { revision }]);
    app.update(Action::SavedUpTo { revision, result: Ok(()) });
    assert_eq!(app.save, SaveState::Saved);
    assert_eq!(message(&app), "Saved again; all edits are on disk.");
    // Read-only never saves.
    let mut app = english();
    app.read_only = true;
    tick(&mut app, t0);
    app.update(Action::Save);
    assert_eq!(tick(&mut app, t0 + Duration::from_secs(60)), vec![]);
}

#[test]
fn every_change_goes_to_the_journal_through_the_effects_in_order() {
    let mut app = english();
    let effects = app.update(Action::QuickScore(5));
    assert!(
        matches!(&effects[..], [Effect::Journal { item: OBJECTIVES, entry, .. }] if entry.score == Some(5.0)),
        "{effects:?}"
    );
    app.update(Action::Annotate);
    let effects = app.update(key(KeyCode::Char('x')));
    assert_eq!(effects, vec![Effect::Draft { item: OBJECTIVES, text: "x".into() }]);
    let effects = app.update(Action::NoteClose);
    assert!(matches!(&effects[..], [Effect::Journal { entry, .. }] if entry.note == "x"), "{effects:?}");
    let effects = app.update(Action::Undo);
    assert!(matches!(&effects[..], [Effect::Journal { entry, .. }] if entry.note.is_empty()), "{effects:?}");
}

#[test]
fn quitting_without_a_change_writes_nothing() {
    let mut app = english();
    assert_eq!(app.update(Action::NextItem), vec![]);
    assert_eq!(app.update(Action::Quit), vec![], "no save: nothing changed");
    assert!(app.quit);
    // After a change, quitting saves first.
    let mut app = english();
    app.update(Action::QuickScore(5));
    assert_eq!(app.update(Action::Quit), vec![Effect::Save]);
}

// ---------------------------------------------------------------------------------------------
// Times on screen

/// A sheet submitted at 23:01:15 UTC on 7 December, shown in Beijing time (the zone pinned, so
/// the test passes anywhere).
fn submitted_in_beijing() -> App {
    let report = report(ENGLISH);
    let mut scores = Scores::new(&report);
    scores.entries[OBJECTIVES].score = Some(7.0);
    scores.head.submitted_at = Some("2026-12-07T23:01:15Z".into());
    let mut app =
        App::new(report, scores, PathBuf::from("/nonexistent/r.scores.json"), Rect::new(0, 0, 120, 40));
    app.zone = jiff::tz::offset(8).to_time_zone();
    app
}

#[test]
fn the_submission_time_is_said_in_local_time_and_stays_utc_in_the_file() {
    let mut app = submitted_in_beijing();
    app.update(Action::Submit);
    assert_eq!(message(&app), "this sheet was submitted on 2026-12-08 07:01; a change asks first");
    go_to(&mut app, OBJECTIVES);
    app.update(Action::QuickScore(5));
    assert_eq!(message(&app), "This sheet was submitted on 2026-12-08 07:01; change it? [y/N]");
    app.update(key(KeyCode::Char('y')));
    assert_eq!(score(&app, OBJECTIVES), Some(5.0));
    assert_eq!(app.scores.head.submitted_at.as_deref(), Some("2026-12-07T23:01:15Z"), "stored as it was");
    let reopened = app.scores.head.reopened_at.clone().expect("reopened");
    assert!(reopened.ends_with('Z'), "stored in UTC: {reopened}");

    // Submitting again: the message says the local time of now, the file the UTC one.
    app.update(Action::Submit);
    app.update(key(KeyCode::Char('y')));
    let at = app.scores.head.submitted_at.clone().unwrap();
    assert!(at.ends_with('Z'), "{at}");
    let local = appraise::scores::local_time(&at, &app.zone);
    assert_eq!(message(&app), format!("sheet submitted ({local})"));
    assert!(!local.contains('T') && !local.contains('Z'), "{local}");

    let _zh = appraise::words::pin(appraise::lang::Lang::Zh);
    let mut app = submitted_in_beijing();
    app.update(Action::Submit);
    assert_eq!(message(&app), "评分表已于 2026-12-08 07:01 提交；修改时会先询问");
}
