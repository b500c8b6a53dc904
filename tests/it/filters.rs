//! Filters in the app: they narrow the outline and the j/k/n walk, keep the row under the
//! cursor until it is left, and clear with one key.

use appraise::report::{Node, parse_report};
use appraise::scores::Scores;
use appraise::tui::action::Action;
use appraise::tui::app::{App, Mode};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::path::PathBuf;

const ENGLISH: &[u8] = include_bytes!("../../fixtures/english-sample.json");

fn english() -> App {
    let report = parse_report(ENGLISH).unwrap();
    let mut scores = Scores::new(&report);
    scores.entries[0].score = Some(8.5);
    scores.entries[2].score = Some(3.0);
    scores.entries[2].flagged = true;
    App::new(report, scores, PathBuf::from("/nonexistent/x.scores.json"), Rect::new(0, 0, 120, 40))
}

fn press(app: &mut App, c: char) {
    app.update(Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
}

/// Toggles filters through the menu, as a user does.
fn filter(app: &mut App, keys: &str) {
    app.update(Action::OpenFilters);
    for c in keys.chars() {
        press(app, c);
    }
    app.update(Action::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
}

fn shown_items(app: &App) -> Vec<usize> {
    app.outline.iter().filter_map(|n| if let Node::Item(i) = n { Some(*i) } else { None }).collect()
}

fn current(app: &App) -> Option<usize> {
    app.current_item()
}

#[test]
fn unscored_filter_narrows_outline_and_walk() {
    let mut app = english();
    app.update(Action::OpenFilters);
    assert!(matches!(app.mode, Mode::Filters));
    press(&mut app, 'u');
    app.update(Action::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(shown_items(&app), vec![1, 3, 4, 5, 6, 7]);
    app.update(Action::FirstItem);
    assert_eq!(current(&app), Some(1));
    app.update(Action::NextItem);
    assert_eq!(current(&app), Some(3), "j skips the scored items 2");
    app.update(Action::LastItem);
    assert_eq!(current(&app), Some(7));
    assert!(app.message.as_ref().is_none_or(|m| !appraise::tui::view::said(&m.said).contains("filter")));
}

#[test]
fn scored_item_stays_until_the_cursor_leaves() {
    let mut app = english();
    filter(&mut app, "u");
    app.update(Action::FirstItem);
    assert_eq!(current(&app), Some(1));
    app.update(Action::QuickScore(7));
    assert_eq!(current(&app), Some(1), "the row under the cursor stays");
    assert!(shown_items(&app).contains(&1));
    app.update(Action::NextItem);
    assert_eq!(current(&app), Some(3));
    assert!(!shown_items(&app).contains(&1), "gone once left");
    app.update(Action::Undo);
    assert_eq!(current(&app), Some(1), "undo goes back to the item, shown again");
}

#[test]
fn filters_combine_and_backspace_clears() {
    let mut app = english();
    filter(&mut app, "f");
    assert_eq!(shown_items(&app), vec![2]);
    assert_eq!(current(&app), Some(2), "the cursor moves to the first shown row after it");
    filter(&mut app, "u");
    assert!(shown_items(&app).is_empty(), "flagged and unscored: nothing");
    app.update(Action::ClearFilters);
    assert_eq!(shown_items(&app).len(), 8);
    assert!(!app.filter.is_active());
}

#[test]
fn tag_filter_cycles_through_the_reports_tags() {
    let mut app = english();
    let tags = appraise::filter::tags(&app.report);
    assert!(tags.len() >= 2);
    app.update(Action::OpenFilters);
    press(&mut app, 't');
    assert_eq!(app.filter.tag.as_deref(), Some(tags[0].as_str()));
    press(&mut app, 't');
    assert_eq!(app.filter.tag.as_deref(), Some(tags[1].as_str()));
    for (i, item) in app.report.items.iter().enumerate() {
        let shown = shown_items(&app).contains(&i);
        assert!(
            !shown || item.tags.iter().any(|t| t == &tags[1]) || Some(i) == app.current_item(),
            "item {i}"
        );
    }
    press(&mut app, 'c');
    assert!(!app.filter.is_active());
}

#[test]
fn next_unscored_walks_within_the_filter() {
    let mut app = english();
    std::sync::Arc::make_mut(&mut app.scores).entries[5].note = "needs evidence".into();
    std::sync::Arc::make_mut(&mut app.scores).entries[6].note = "ok".into();
    std::sync::Arc::make_mut(&mut app.scores).entries[6].score = Some(5.0);
    filter(&mut app, "n");
    assert_eq!(shown_items(&app), vec![5, 6]);
    app.update(Action::FirstItem);
    app.update(Action::NextUnscored);
    assert_eq!(current(&app), Some(5));
}

#[test]
fn jumping_to_a_hidden_ref_shows_it() {
    let mut app = english();
    // item 1 (summer reading) refs item 2 (attendance), which the unscored filter hides
    filter(&mut app, "u");
    app.update(Action::FirstItem);
    assert_eq!(current(&app), Some(1));
    app.update(Action::FollowRef);
    assert_eq!(current(&app), Some(2), "the ref target is shown even though it is scored");
    app.update(Action::JumpBack);
    assert_eq!(current(&app), Some(1));
    assert!(!shown_items(&app).contains(&2));
}
