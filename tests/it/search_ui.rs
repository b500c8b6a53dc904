//! The search overlay in the app: typing asks the worker (never blocks), stale answers are
//! dropped, Enter jumps and Ctrl-o comes back, Esc leaves the position as it was, and an
//! active filter narrows the hits.

use appraise::report::{Node, parse_report};
use appraise::scores::Scores;
use appraise::search::{Index, Query, search};
use appraise::tui::action::Action;
use appraise::tui::app::{App, Effect, Mode, SearchRequest};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::path::PathBuf;

const SHAODONG: &[u8] = include_bytes!("../../fixtures/shaodong-2022.json");

fn app() -> App {
    let report = parse_report(SHAODONG).unwrap();
    let scores = Scores::new(&report);
    App::new(report, scores, PathBuf::from("/nonexistent/s.scores.json"), Rect::new(0, 0, 120, 40))
}

/// The one effect a key asks for (a search key journals nothing).
fn key(app: &mut App, code: KeyCode) -> Option<Effect> {
    let mut effects = app.update(Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    assert!(effects.len() <= 1, "{effects:?}");
    effects.pop()
}

/// Answers a request the way the worker does, synchronously.
fn answer(app: &mut App, request: &SearchRequest) {
    let index = Index::new(&app.report);
    let hits =
        search(&app.report, &index, &request.notes, &Query::parse(&request.query), None, &|| false).unwrap();
    app.update(Action::SearchDone { generation: request.generation, hits });
}

/// Types `s`, answering only the last request (earlier ones are stale by then).
fn type_query(app: &mut App, s: &str) -> SearchRequest {
    let mut last = None;
    for c in s.chars() {
        match key(app, KeyCode::Char(c)) {
            Some(Effect::Search(r)) => last = Some(r),
            other => panic!("typing {c:?} gave {other:?}"),
        }
    }
    last.expect("a request")
}

fn state(app: &App) -> &appraise::tui::app::SearchState {
    match &app.mode {
        Mode::Search(s) => s,
        other => panic!("not searching: {other:?}"),
    }
}

#[test]
fn typing_asks_for_a_search_and_each_key_is_echoed_at_once() {
    let mut app = app();
    app.update(Action::OpenSearch);
    let first = match key(&mut app, KeyCode::Char('满')) {
        Some(Effect::Search(r)) => r,
        other => panic!("{other:?}"),
    };
    assert_eq!(state(&app).input, "满");
    assert!(state(&app).pending);
    let second = type_query(&mut app, "意率");
    assert_eq!(state(&app).input, "满意率", "the box shows every key before any answer");
    assert!(second.generation > first.generation);
    // The stale answer is dropped, the newest one taken.
    app.update(Action::SearchDone { generation: first.generation, hits: vec![] });
    assert!(state(&app).pending, "an old answer does not end the wait");
    answer(&mut app, &second);
    assert!(!state(&app).pending);
    let hit = state(&app).hits.first().expect("满意率 is in the report").node;
    let Node::Item(i) = hit else { panic!("expected an item, got {hit:?}") };
    assert!(app.report.items[i].text.contains("满意率"));
}

#[test]
fn enter_jumps_and_ctrl_o_returns() {
    let mut app = app();
    let origin = app.current();
    app.update(Action::OpenSearch);
    let req = type_query(&mut app, "满意率98.93");
    answer(&mut app, &req);
    let target = state(&app).hits[0].node;
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.current(), Some(target));
    app.update(Action::JumpBack);
    assert_eq!(app.current(), origin);
}

#[test]
fn esc_closes_and_keeps_the_position() {
    let mut app = app();
    app.update(Action::NextItem);
    app.update(Action::NextItem);
    let before = (app.current(), app.cursor, app.outline_offset);
    app.update(Action::OpenSearch);
    let req = type_query(&mut app, "网办");
    answer(&mut app, &req);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!((app.current(), app.cursor, app.outline_offset), before);
    assert!(app.jumps.is_empty(), "nothing to go back to after Esc");
}

#[test]
fn arrows_choose_within_the_hits_and_backspace_searches_again() {
    let mut app = app();
    app.update(Action::OpenSearch);
    let req = type_query(&mut app, "服务");
    answer(&mut app, &req);
    let n = state(&app).hits.len();
    assert!(n > 3, "{n}");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(state(&app).selected, 2);
    key(&mut app, KeyCode::Up);
    assert_eq!(state(&app).selected, 1);
    for _ in 0..n + 5 {
        key(&mut app, KeyCode::Down);
    }
    assert_eq!(state(&app).selected, n - 1);
    assert!(matches!(key(&mut app, KeyCode::Backspace), Some(Effect::Search(_))));
    assert_eq!(state(&app).input, "服");
    assert_eq!(state(&app).selected, 0);
    // clearing the query needs no search at all
    assert_eq!(key(&mut app, KeyCode::Backspace), None);
    assert!(state(&app).hits.is_empty());
}

#[test]
fn a_section_hit_jumps_to_the_section() {
    let mut app = app();
    app.update(Action::OpenSearch);
    let req = type_query(&mut app, "部门基本概况");
    answer(&mut app, &req);
    let hit = state(&app).hits[0].node;
    assert!(matches!(hit, Node::Section(_)), "{hit:?}");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.current(), Some(hit));
}

#[test]
fn notes_are_searched_and_filters_narrow_the_hits() {
    let mut app = app();
    app.update(Action::QuickScore(4));
    app.update(Action::Annotate);
    for c in "佐证材料不足".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Esc);
    let noted = app.current();
    app.update(Action::OpenSearch);
    let req = type_query(&mut app, "佐证材料不足");
    assert_eq!(req.notes.len(), 1, "the request carries the notes as they are now");
    answer(&mut app, &req);
    assert!(state(&app).hits.iter().any(|h| Some(h.node) == noted), "the note is found");
    key(&mut app, KeyCode::Esc);

    // with the "unscored" filter on, the scored item no longer comes up
    app.update(Action::OpenFilters);
    key(&mut app, KeyCode::Char('u'));
    key(&mut app, KeyCode::Esc);
    app.update(Action::OpenSearch);
    let req = type_query(&mut app, "佐证材料不足");
    answer(&mut app, &req);
    assert!(state(&app).hits.iter().all(|h| Some(h.node) != noted));
    assert!(
        state(&app).hits.iter().all(|h| matches!(h.node, Node::Item(_))),
        "no section hits under a filter"
    );
}

/// The matched characters are highlighted on the right cells, after wide characters too:
/// every highlighted cell of the title line holds one of the query's characters, and each
/// query character shows highlighted.
#[test]
fn highlights_land_on_the_matched_wide_characters() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut app = app();
    app.update(Action::OpenSearch);
    let req = type_query(&mut app, "网办率");
    answer(&mut app, &req);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|f| {
            appraise::tui::view::draw(&app, &mut appraise::tui::view::ViewState::default(), f);
        })
        .unwrap();
    let buf = terminal.backend().buffer();
    let hl = app.theme.highlight;
    // The first hit's title line is the 3rd line inside the overlay (query, blank, hit).
    // A row's text, skipping the continuation cell after each wide character.
    let text_of = |y: u16, upto: u16| {
        let mut s = String::new();
        let mut x = 0;
        while x < upto {
            let sym = buf[(x, y)].symbol();
            s.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        s
    };
    let row = (0..buf.area.height)
        .find(|&y| text_of(y, buf.area.width).contains("提高全程网办率"))
        .expect("the title of the best hit is on screen");
    let lit: Vec<(u16, String)> = (0..buf.area.width)
        .filter(|&x| {
            let c = &buf[(x, row)];
            c.modifier.contains(hl.add_modifier) && c.fg == hl.fg.unwrap() && !c.symbol().trim().is_empty()
        })
        .map(|x| (x, buf[(x, row)].symbol().to_string()))
        .collect();
    let chars: Vec<&str> = lit.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(chars, ["网", "办", "率"], "highlighted cells: {lit:?}");
    // wide characters: consecutive matched chars sit two columns apart
    assert_eq!(lit[1].0 - lit[0].0, 2);
    assert_eq!(lit[2].0 - lit[1].0, 2);
    let line = text_of(row, lit[0].0);
    assert!(line.ends_with("全程"), "the cells before the first highlight end with 全程: {line:?}");
}
