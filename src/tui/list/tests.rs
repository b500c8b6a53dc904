use super::*;
use crate::evaluation::{EvaluatorStatus, ReportStatus};
use crate::tui::action::{Action, ListAction, ListFilter};
use std::path::PathBuf;

fn sheet(name: &str, scored: usize, items: usize, points: f64, submitted: bool) -> EvaluatorStatus {
    EvaluatorStatus {
        name: name.into(),
        file: PathBuf::from(format!("{name}.scores.json")),
        scored,
        items,
        points,
        submitted,
        problem: None,
        mismatched: Vec::new(),
    }
}

fn report(file: &str, unit: &str, score: Option<f64>, evaluators: Vec<EvaluatorStatus>) -> ReportStatus {
    ReportStatus {
        document: PathBuf::from(file),
        file: file.into(),
        report_path: Some(PathBuf::from(file)),
        title: format!("{unit}绩效自评报告"),
        unit: Some(unit.into()),
        items: 10,
        report_max: 100.0,
        evaluators,
        score,
        percent: score,
        grade: score.map(|s| if s >= 90.0 { "优".into() } else { "良".into() }),
        provisional: false,
        disagreements: 0,
        rank: None,
        problem: None,
    }
}

fn list() -> ListApp {
    let mut l = ListApp::new("评价".into(), PathBuf::from("."), Some("张三".into()), &[]);
    let mut c = report(
        "c.txt",
        "成都局",
        Some(95.0),
        vec![sheet("张三", 10, 10, 95.0, true), sheet("李四", 10, 10, 95.0, true)],
    );
    c.rank = Some(1);
    let mut a = report("a.txt", "北京局", Some(80.0), vec![sheet("张三", 4, 10, 30.0, false)]);
    a.rank = Some(2);
    a.disagreements = 2;
    let b = report("b.txt", "安徽局", None, vec![]);
    l.set_rows(vec![a, b, c]);
    l
}

fn shown(l: &ListApp) -> Vec<&str> {
    l.order.iter().map(|&i| l.rows[i].file.as_str()).collect()
}

#[test]
fn enter_opens_the_row_under_the_cursor_and_the_cursor_stays_on_its_report() {
    let mut l = list();
    l.update(Action::NextItem);
    assert_eq!(l.update(Action::List(ListAction::Review)), Some(Open::Review(1)));
    assert_eq!(l.update(Action::List(ListAction::Panel)), Some(Open::Panel(1)));
    // The folder read again (a report added before it): the cursor follows b.txt.
    let mut rows = l.rows.clone();
    rows.insert(0, report("0.txt", "丁局", None, vec![]));
    l.set_rows(rows);
    assert_eq!(l.selected().unwrap().file, "b.txt");
}

#[test]
fn sorting_goes_file_score_unit_mine_and_keeps_the_report_selected() {
    let mut l = list();
    assert_eq!(shown(&l), ["a.txt", "b.txt", "c.txt"]);
    l.update(Action::List(ListAction::Sort));
    assert_eq!(l.sort, Sort::Score);
    assert_eq!(shown(&l), ["c.txt", "a.txt", "b.txt"], "highest 评价得分 first, none last");
    assert_eq!(l.selected().unwrap().file, "a.txt", "the cursor stays on its report");
    l.update(Action::List(ListAction::Sort));
    assert_eq!(shown(&l), ["b.txt", "a.txt", "c.txt"], "安 北 成 by pinyin (not by code point: 北 安 成)");
    l.update(Action::List(ListAction::Sort));
    assert_eq!(shown(&l), ["b.txt", "a.txt", "c.txt"], "least done by me first");
    l.update(Action::List(ListAction::Sort));
    assert_eq!(l.sort, Sort::File);
}

#[test]
fn filters_narrow_and_combine_and_esc_clears_them() {
    let mut l = list();
    l.update(Action::List(ListAction::Filter(ListFilter::MineUnfinished)));
    assert_eq!(shown(&l), ["a.txt", "b.txt"], "c is finished by me");
    l.update(Action::List(ListAction::Filter(ListFilter::Disagreements)));
    assert_eq!(shown(&l), ["a.txt"]);
    l.update(Action::List(ListAction::Filter(ListFilter::Disagreements)));
    l.update(Action::List(ListAction::Filter(ListFilter::MineUnfinished)));
    l.update(Action::List(ListAction::Filter(ListFilter::NotSubmitted)));
    assert_eq!(shown(&l), ["a.txt", "b.txt"], "c is submitted by everyone");
    // Esc dismisses the message first, then clears the filters.
    l.update(Action::Dismiss);
    assert!(l.message.is_none());
    assert!(l.filters.any());
    l.update(Action::Dismiss);
    assert!(!l.filters.any());
    assert_eq!(shown(&l).len(), 3);
}

#[test]
fn a_filter_that_hides_everything_leaves_nothing_to_open() {
    let mut l = list();
    let mut rows = l.rows.clone();
    for r in &mut rows {
        r.disagreements = 0;
    }
    l.set_rows(rows);
    l.update(Action::List(ListAction::Filter(ListFilter::Disagreements)));
    assert!(l.order.is_empty());
    assert_eq!(l.update(Action::List(ListAction::Review)), None);
    assert!(l.message.is_some());
}

#[test]
fn a_report_that_cannot_be_one_says_why_instead_of_opening() {
    let mut l = list();
    let mut rows = l.rows.clone();
    rows[0].problem = Some("a.txt 与 b.txt 会导入为同一个编号".into());
    l.set_rows(rows);
    assert_eq!(l.update(Action::List(ListAction::Review)), None);
    let (_, text) = l.message.clone().unwrap();
    assert!(text.contains("a.txt") && text.contains("同一个编号"), "{text}");
}

#[test]
fn before_the_scores_are_read_a_row_is_not_opened() {
    let docs = [crate::evaluation::Document {
        path: PathBuf::from("a.txt"),
        name: "a.txt".into(),
        id: "a".into(),
        is_report: false,
        problem: None,
    }];
    let mut l = ListApp::new("评价".into(), PathBuf::from("."), None, &docs);
    assert!(!l.known);
    assert_eq!(l.update(Action::List(ListAction::Review)), None);
    // "Mine" means nothing without a name.
    l.update(Action::List(ListAction::Filter(ListFilter::MineUnfinished)));
    assert!(!l.filters.any());
}

#[test]
fn the_user_has_the_first_column_before_scoring_anything() {
    let mut l = list();
    l.me = Some("王五".into());
    assert_eq!(l.evaluators(), ["王五", "张三", "李四"]);
}

#[test]
fn the_cursor_stays_in_bounds_and_pages_move_by_the_table_height() {
    let mut l = list();
    l.set_page(2);
    l.update(Action::LastItem);
    assert_eq!(l.cursor, 2);
    assert_eq!(l.top, 1, "the last row is in sight");
    l.update(Action::NextItem);
    assert_eq!(l.cursor, 2);
    l.update(Action::PageUp);
    assert_eq!(l.cursor, 0);
    assert_eq!(l.top, 0);
}
