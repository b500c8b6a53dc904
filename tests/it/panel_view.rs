//! The chair's panel view on `TestBackend` and through `App::update`: every evaluator's score and
//! note under the item, the spread mark in the outline, the agreed score set by a digit and by
//! "take the mean" (one item, then every open item after a confirmation), and the evaluators'
//! files read again while the view is open. End to end: `appraise panel` in a pty follows an
//! evaluator's file edited on disk.

use crate::support::{Sandbox, fixtures};
use appraise::panel::{Member, Method, Panel, PanelEvent};
use appraise::report::{Report, parse_report};
use appraise::scores::Scores;
use appraise::store::parse_scores;
use appraise::tui::action::Action;
use appraise::tui::app::App;
use appraise::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::path::PathBuf;

const NAMES: [&str; 3] = ["zhangsan", "lisi", "wangwu"];

fn report() -> Report {
    parse_report(std::fs::read(fixtures().join("shaodong-2022.json")).unwrap()).unwrap()
}

fn member_scores(report: &Report, name: &str) -> Scores {
    let path = fixtures().join(format!("scores/shaodong-2022.{name}.scores.json"));
    parse_scores(&path, &std::fs::read(&path).unwrap(), report).unwrap().scores
}

fn panel_app(method: Method) -> App {
    let report = report();
    let members = NAMES
        .iter()
        .map(|n| {
            let scores = member_scores(&report, n);
            Member::new(scores.head.evaluator.clone().unwrap(), PathBuf::from(n), scores)
        })
        .collect();
    let scores = Scores::new(&report);
    let mut app =
        App::new(report, scores, PathBuf::from("/nonexistent/r.panel.scores.json"), Rect::new(0, 0, 120, 40));
    app.panel = Some(Panel { members, method, disagree_percent: 20.0 });
    app
}

fn key(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn screen(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut state = view::ViewState::default();
    terminal.draw(|f| appraise::tui::frame(app, &mut state, f)).unwrap();
    let buf = terminal.backend().buffer();
    // A wide character covers the cell to its right: that cell is not part of the text.
    (0..buf.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                line.push_str(symbol);
                x += if appraise::text::width(symbol) == 2 { 2 } else { 1 };
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn message(app: &App) -> String {
    app.message.as_ref().map(|m| appraise::tui::view::said(&m.said).into_owned()).unwrap_or_default()
}

fn go_to(app: &mut App, id: &str) {
    app.update(Action::FirstItem);
    while app.current_item().map(|i| &*app.report.items[i].id) != Some(id) {
        app.update(Action::NextItem);
    }
}

#[test]
fn the_evaluators_scores_and_notes_stand_under_the_item_and_a_wide_spread_is_marked() {
    let mut app = panel_app(Method::Mean);
    go_to(&mut app, "s2.3.3");
    let text = screen(&mut app);
    assert!(text.contains("The evaluators — m takes the mean"), "{text}");
    // 张三 3.5 and 王五 4 with notes, 李四 5: spread 1.5 of 5 is over 20%.
    assert!(text.contains("张三    3.5/5  调研会仅列会议"), "{text}");
    assert!(text.contains("李四      5/5\n") || text.contains("李四      5/5 "), "{text}");
    assert!(text.contains("王五      4/5  成果不明确"), "{text}");
    assert!(text.contains("mean: 4.17, on the step grid 4"), "{text}");
    assert!(text.contains("⚠ spread 1.5 (over 20% of the max)"), "{text}");
    assert!(text.contains("⚠ 开展“数字邵阳”"), "the outline marks it:\n{text}");
    assert!(text.contains("⌀4.2 –/5"), "the outline shows the mean before the agreed score:\n{text}");
}

#[test]
fn the_agreed_score_is_set_by_a_digit_or_by_taking_the_mean_on_the_step_grid() {
    let mut app = panel_app(Method::Mean);
    go_to(&mut app, "s2.2.3"); // 4, 3, 4: mean 3.67 → 3.5
    app.update(key('m'));
    let i = app.current_item().unwrap();
    assert_eq!(app.scores.entries[i].score, Some(3.5));
    assert!(
        message(&app).contains("Agreed score set to the mean: 3.5 (exactly 3.6667)"),
        "{}",
        message(&app)
    );
    app.update(key('4'));
    assert_eq!(app.scores.entries[i].score, Some(4.0), "a digit sets it as in any review");

    // M asks first, then takes the mean of every item without an agreed score.
    app.update(key('M'));
    assert!(message(&app).contains("items without an agreed score will take the mean — M again confirms"));
    assert_eq!(app.scores.entries.iter().filter(|e| e.score.is_some()).count(), 1);
    app.update(key('j'));
    app.update(key('M'));
    assert_eq!(
        app.scores.entries.iter().filter(|e| e.score.is_some()).count(),
        1,
        "another key cancelled it"
    );
    app.update(key('M'));
    app.update(key('M'));
    let agreed = app.scores.entries.iter().filter(|e| e.score.is_some()).count();
    assert_eq!(agreed, app.report.items.len(), "every item someone scored");
    assert_eq!(app.scores.entries[i].score, Some(4.0), "an agreed score stays");
}

#[test]
fn the_trimmed_mean_drops_the_highest_and_lowest_and_falls_back_below_three_scores() {
    let mut app = panel_app(Method::TrimmedMean);
    go_to(&mut app, "s2.2.3"); // 4, 3, 4: without the 3 and one 4 → 4 (the mean would give 3.5)
    app.update(key('m'));
    let i = app.current_item().unwrap();
    assert_eq!(app.scores.entries[i].score, Some(4.0));
    assert!(message(&app).contains("mean without the highest and the lowest score: 4"), "{}", message(&app));
    // 王五 left s6.2.2.1 unscored: two scores, the plain mean, said so.
    go_to(&mut app, "s6.2.2.1");
    let text = screen(&mut app);
    assert!(text.contains("fewer than 3 scores: the plain mean"), "{text}");
}

#[test]
fn what_the_watcher_reads_again_shows_at_once_and_a_bad_file_keeps_the_last_good_scores() {
    let mut app = panel_app(Method::Mean);
    go_to(&mut app, "s2.1.1");
    let mut changed = member_scores(&app.report, "zhangsan");
    changed.entries[0].score = Some(1.0);
    changed.entries[0].note = "改为 1 分：措施不具体".into();
    app.update(Action::PanelRead(vec![PanelEvent::Read(PathBuf::from("zhangsan"), Ok(changed))]));
    assert!(message(&app).contains("Read again: 张三"), "{}", message(&app));
    let text = screen(&mut app);
    assert!(text.contains("改为 1 分：措施不具体"), "{text}");
    app.update(Action::PanelRead(vec![PanelEvent::Read(
        PathBuf::from("lisi"),
        Err("line 3: expected a number".into()),
    )]));
    assert!(
        message(&app).contains("李四's scores cannot be read: line 3: expected a number"),
        "{}",
        message(&app)
    );
    let text = screen(&mut app);
    assert!(text.contains("李四      5/5"), "the last good scores stay:\n{text}");
}

#[test]
fn an_evaluator_who_joins_appears_one_who_leaves_goes_and_a_rename_follows_the_file() {
    let mut app = panel_app(Method::Mean);
    go_to(&mut app, "s2.1.1");
    // A fourth expert's file appears in the folder.
    let mut zhao = member_scores(&app.report, "zhangsan");
    zhao.head.evaluator = Some("赵六".into());
    zhao.entries[0].score = Some(2.0);
    app.update(Action::PanelRead(vec![PanelEvent::Joined(PathBuf::from("zhaoliu"), Ok(zhao))]));
    assert!(message(&app).contains("joined the panel: 赵六"), "{}", message(&app));
    assert!(screen(&mut app).contains("赵六"));
    assert_eq!(app.panel.as_ref().unwrap().members.len(), 4);
    // A broken file joins as broken, not fatal.
    app.update(Action::PanelRead(vec![PanelEvent::Joined(
        PathBuf::from("broken"),
        Err("line 1: EOF".into()),
    )]));
    let panel = app.panel.as_ref().unwrap();
    assert_eq!(panel.members.len(), 5);
    assert!(panel.members.iter().any(|m| m.problem.as_deref() == Some("line 1: EOF")));
    // 王五 renames himself in his file; 李四 leaves.
    let mut wang = member_scores(&app.report, "wangwu");
    wang.head.evaluator = Some("王老五".into());
    app.update(Action::PanelRead(vec![
        PanelEvent::Read(PathBuf::from("wangwu"), Ok(wang)),
        PanelEvent::Left(PathBuf::from("lisi")),
    ]));
    let names: Vec<&str> = app.panel.as_ref().unwrap().members.iter().map(|m| m.name.as_str()).collect();
    assert!(names.contains(&"王老五") && !names.contains(&"王五") && !names.contains(&"李四"), "{names:?}");
}

#[test]
fn outside_the_panel_view_m_says_where_it_works() {
    let report = report();
    let scores = Scores::new(&report);
    let mut app =
        App::new(report, scores, PathBuf::from("/nonexistent/r.scores.json"), Rect::new(0, 0, 120, 40));
    app.update(key('m'));
    assert!(message(&app).contains("Only in the panel view (appraise panel)"), "{}", message(&app));
}

#[test]
fn the_panel_view_follows_an_evaluators_file_edited_while_it_is_open() {
    let sb = Sandbox::new();
    sb.copy_fixture("shaodong-2022.json", "r.json");
    std::fs::create_dir(sb.join("sheets")).unwrap();
    for n in NAMES {
        sb.copy_fixture(
            &format!("scores/shaodong-2022.{n}.scores.json"),
            &format!("sheets/r.{n}.scores.json"),
        );
    }
    let mut app = sb.spawn(&["panel", "r.json", "sheets"]);
    app.wait_for("Item s2.1.1");
    let screen = app.wait_for("The evaluators — m takes the mean");
    assert!(screen.contains("Evaluator 专家组"), "the panel's own file, scored by the panel:\n{screen}");
    let path = sb.join("sheets/r.zhangsan.scores.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc["items"][0]["note"] = "改为 1 分：措施不具体".into();
    doc["items"][0]["score"] = 1.into();
    std::fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    app.wait_for("改为 1 分：措施不具体");
    app.key("m");
    app.wait_for("Agreed score set to the mean: 3.5");
    app.wait_for("'s notes (a edits it)");
    let own = sb.join("r.panel.scores.json");
    // The reasons of the two who deducted, in the panel's order (李四 gave full marks).
    let reasons = ["张三：改为 1 分：措施不具体", "王五：佐证材料不足"];
    crate::support::wait_json(&own, "the agreed score saved with its reasons", |v| {
        let e = crate::support::entry(v, "s2.1.1");
        let note = e["note"].as_str().unwrap_or_default();
        e["score"] == 3.5 && (note == reasons.join("；") || note == format!("{}；{}", reasons[1], reasons[0]))
    });
    // E writes the panel's sheet, as merge names it, with the agreed score as 评价得分.
    app.key("E");
    app.wait_for("r.panel.xlsx");
    let xlsx = sb.join("r.panel.xlsx");
    crate::support::wait("the panel's sheet", || xlsx.exists());
    // The agreed score has its reasons: nothing stands in the way of quitting. On the way out,
    // a word on the items not agreed yet.
    app.key("q");
    assert_eq!(app.wait_exit(), 0);
    let out = app.output();
    assert!(
        out.contains(
            "58 items without an agreed score: the panel's sheet takes the mean for them (marked †)."
        ),
        "{out}"
    );
    let saved = crate::support::read_json(&own);
    assert_eq!(saved["evaluator"], "专家组");
    assert_eq!(saved["panel"]["method"], "mean");
    assert_eq!(saved["panel"]["members"].as_array().unwrap().len(), 3);
    let book = crate::sheets_support::Book::read(&xlsx);
    let row = book.row_of(3, "扎实开展“走流程、解难题、优服务”工作");
    let col =
        (0..20).find(|&c| matches!(book.at(0, c), calamine::Data::String(ref s) if s == "评价得分")).unwrap();
    assert_eq!(book.number(row, col), 3.5, "the agreed score");

    // merge finds the panel's file beside the report and uses its agreed scores.
    let out = crate::support::command()
        .args(["merge", "r.json", "sheets", "--format", "json"])
        .current_dir(sb.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the panel's agreed scores are used"));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = doc["rows"].as_array().unwrap().iter().find(|r| r["id"] == "s2.1.1").unwrap();
    assert_eq!(first["agreed"], 3.5);
    // Given by name as an evaluator, the panel's own file is refused.
    let out = crate::support::command()
        .args(["merge", "r.json", "sheets", "r.panel.scores.json"])
        .current_dir(sb.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds the panel's agreed scores"));
    let check = crate::support::command()
        .args(["check", "r.json", "--scores", "r.panel.scores.json"])
        .current_dir(sb.path())
        .output()
        .unwrap();
    assert!(check.status.success(), "the panel's file checks: {}", String::from_utf8_lossy(&check.stdout));
}

#[test]
fn the_disagreements_filter_and_the_walk_in_order_of_spread() {
    use appraise::tui::action::FilterKind;
    let mut app = panel_app(Method::Mean);
    app.update(Action::OpenFilters);
    app.update(Action::FilterToggle(FilterKind::Disagree));
    app.update(Action::FiltersClose);
    let shown: Vec<&str> = app
        .outline
        .iter()
        .filter_map(|n| match n {
            appraise::report::Node::Item(i) => Some(&*app.report.items[*i].id),
            _ => None,
        })
        .collect();
    assert!(shown.contains(&"s2.3.3") && !shown.contains(&"s2.1.2"), "{shown:?}");
    let panel = app.panel.as_ref().unwrap();
    for id in &shown {
        let i = app.report.items.iter().position(|it| &*it.id == *id).unwrap();
        assert!(panel.proposal(&app.report, i).stats.disagree, "{id} shown but the panel agrees on it");
    }
    assert!(app.filter.describe().contains("disagreements"));

    // o: widest spread first, then the next; wraps around.
    app.update(Action::ClearFilters);
    let spread = |app: &App| {
        let i = app.current_item().unwrap();
        app.panel.as_ref().unwrap().proposal(&app.report, i).stats.spread.unwrap()
    };
    app.update(key('o'));
    let n: usize = message(&app).split(" of ").nth(1).unwrap().split(':').next().unwrap().parse().unwrap();
    let mut seen = Vec::new();
    for _ in 0..n {
        seen.push((message(&app), spread(&app), app.current_item().unwrap()));
        app.update(key('o'));
    }
    let start = seen
        .iter()
        .position(|(m, _, _)| m.starts_with("Spread 1 of "))
        .expect("the walk wraps to the widest");
    seen.rotate_left(start);
    assert!(seen.windows(2).all(|w| w[0].1 >= w[1].1), "widest first: {seen:?}");
    let mut items: Vec<usize> = seen.iter().map(|s| s.2).collect();
    items.sort_unstable();
    items.dedup();
    assert_eq!(items.len(), n, "every item with a spread once");
}

fn entry_of<'a>(app: &'a App, id: &str) -> &'a appraise::scores::Entry {
    let i = app.report.items.iter().position(|it| &*it.id == id).unwrap();
    &app.scores.entries[i]
}

#[test]
fn an_agreed_score_below_full_marks_takes_the_experts_reasons_named_and_joined() {
    let mut app = panel_app(Method::Mean);
    // 4, 3, 4 → 3.5: every expert deducted and wrote why; 张三's two lines become one.
    go_to(&mut app, "s2.2.3");
    app.update(key('m'));
    let i = app.current_item().unwrap();
    assert_eq!(app.scores.entries[i].score, Some(3.5));
    assert_eq!(
        app.scores.entries[i].note,
        "张三：运行机制表述笼统，缺少\"接诉即办\"办结率|满意率数据；李四：缺少办理数据；王五：机制描述笼统"
    );
    assert!(
        message(&app).contains("The reason is 张三, 李四, 王五's notes (a edits it)."),
        "{}",
        message(&app)
    );
    let text = screen(&mut app);
    assert!(!text.contains("the report requires a reason"), "not marked as missing one:\n{text}");
    assert!(text.contains("Note   张三：运行机制表述笼统"), "{text}");
    // One undo takes back the score and the reasons together.
    app.update(Action::Undo);
    assert_eq!((app.scores.entries[i].score, app.scores.entries[i].note.as_str()), (None, ""));

    // 4 (no note), 5, 4.5 (佐证材料不足) → 4.5: only an expert who deducted and said why.
    go_to(&mut app, "s2.1.1");
    app.update(key('m'));
    assert_eq!(entry_of(&app, "s2.1.1").score, Some(4.5));
    assert_eq!(entry_of(&app, "s2.1.1").note, "王五：佐证材料不足");

    // The chair's own note is kept; `a` still edits an inherited one.
    go_to(&mut app, "s2.1.3"); // 4.5, 4, 3.5, each with a note
    app.update(Action::Annotate);
    for c in "网办率偏低".chars() {
        app.update(key(c));
    }
    app.update(Action::NoteClose);
    app.update(key('m'));
    assert_eq!(entry_of(&app, "s2.1.3").score, Some(4.0));
    assert_eq!(entry_of(&app, "s2.1.3").note, "网办率偏低", "the chair's note stays");
    go_to(&mut app, "s2.1.1");
    app.update(Action::Annotate);
    for c in "；另：台账不全".chars() {
        app.update(key(c));
    }
    app.update(Action::NoteClose);
    assert_eq!(entry_of(&app, "s2.1.1").note, "王五：佐证材料不足；另：台账不全");

    // Full marks need no reason: none is taken.
    go_to(&mut app, "s2.1.2");
    app.update(key('m'));
    assert_eq!((entry_of(&app, "s2.1.2").score, entry_of(&app, "s2.1.2").note.as_str()), (Some(5.0), ""));
}

#[test]
fn taking_every_mean_takes_the_reasons_and_counts_the_items_still_without_one() {
    let mut app = panel_app(Method::Mean);
    // Nobody says why they deducted on s2.2.3 (4, 3, 4).
    let s223 = app.report.items.iter().position(|it| &*it.id == "s2.2.3").unwrap();
    for m in &mut app.panel.as_mut().unwrap().members {
        m.scores.entries[s223].note.clear();
    }
    app.update(key('M'));
    app.update(key('M'));
    let said = message(&app);
    assert_eq!(app.missing_reasons().collect::<Vec<_>>(), vec![s223], "{said}");
    // Every agreed score below full marks has the experts' reasons, unless none wrote one.
    let missing = app.missing_reasons().count();
    let taken = (0..app.report.items.len())
        .filter(|&i| {
            let e = &app.scores.entries[i];
            e.score.is_some_and(|v| v < app.report.items[i].scale.max) && !e.note.is_empty()
        })
        .count();
    assert!(taken > 0 && missing > 0, "the fixture has both: {taken} {missing}");
    assert!(said.contains(&format!("{taken} reasons taken from the evaluators' notes.")), "{said}");
    assert!(
        said.contains(&format!("{missing} below full marks have no evaluator's reason (F r lists them)")),
        "{said}"
    );
    let panel = app.panel.as_ref().unwrap();
    for i in app.missing_reasons() {
        let max = app.report.items[i].scale.max;
        for m in &panel.members {
            let e = &m.scores.entries[i];
            assert!(
                !e.score.is_some_and(|v| v < max) || e.note.trim().is_empty(),
                "{}: {} wrote a reason that was not taken",
                app.report.items[i].id,
                m.name
            );
        }
    }
    // 李四 alone wrote why for s3.2 (张三 1.5 without a note, 王五 unscored).
    assert_eq!(entry_of(&app, "s3.2").note, "李四：原因分析与本单位联系不紧");

    // In Chinese the message is Chinese; the note is in the report's language either way.
    let _zh = appraise::words::pin(appraise::lang::Lang::Zh);
    let mut app = panel_app(Method::Mean);
    go_to(&mut app, "s2.1.1");
    app.update(key('m'));
    assert!(message(&app).contains("扣分原因取自 王五 的说明（a 修改）。"), "{}", message(&app));
    assert_eq!(entry_of(&app, "s2.1.1").note, "王五：佐证材料不足");
}

#[test]
fn quitting_the_panel_view_says_how_many_items_have_no_agreed_score() {
    let mut app = panel_app(Method::TrimmedMean);
    let items = app.report.items.len();
    assert_eq!(
        app.parting_note(),
        Some(format!(
            "{items} items without an agreed score: the panel's sheet takes the mean without the highest and the lowest score for them (marked †)."
        ))
    );
    app.update(key('M'));
    app.update(key('M'));
    let left = app.scores.entries.iter().filter(|e| e.score.is_none()).count();
    assert_eq!(app.parting_note().is_some(), left > 0, "{left} left: {:?}", app.parting_note());
}

#[test]
fn an_english_reports_reasons_are_joined_in_english() {
    let report = parse_report(std::fs::read(fixtures().join("english-sample.json")).unwrap()).unwrap();
    let members = ["english-sample.scores.json", "english-sample.sam.scores.json"]
        .iter()
        .map(|f| {
            let path = fixtures().join("scores").join(f);
            let scores = parse_scores(&path, &std::fs::read(&path).unwrap(), &report).unwrap().scores;
            Member::new(scores.head.evaluator.clone().unwrap(), path, scores)
        })
        .collect();
    let scores = Scores::new(&report);
    let mut app =
        App::new(report, scores, PathBuf::from("/nonexistent/r.panel.scores.json"), Rect::new(0, 0, 120, 40));
    app.panel = Some(Panel { members, method: Method::Mean, disagree_percent: 20.0 });
    app.update(key('M'));
    app.update(key('M'));
    // Alex 3.25, Sam 2.25 with a note → 2.75.
    assert_eq!(entry_of(&app, "delivery.adults.digital").score, Some(2.75));
    assert_eq!(
        entry_of(&app, "delivery.adults.digital").note,
        "Sam Lee: Follow-up sample of 80 is small, | not representative?"
    );
    // Alex 4 with a note, Sam 5 → 4.5 → 5 on the whole-point grid: full marks, no reason taken.
    assert_eq!(entry_of(&app, "delivery.children.early-years.attendance").score, Some(5.0));
    assert_eq!(entry_of(&app, "delivery.children.early-years.attendance").note, "");
    // Alex 8.5, Sam 9 → 8.75 → 9 (below 10), neither wrote why: nothing to take.
    assert_eq!(entry_of(&app, "overview.objectives").note, "");
}
