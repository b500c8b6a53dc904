//! The evaluation's list of reports (`appraise DIR`): drawn on a `TestBackend` from a real
//! folder (two report texts from the wild, the Dazhou rubric, a document that cannot be read),
//! and driven as a user drives it in a pseudo-terminal — `Enter` reviews, `q`/`Esc` come back
//! to the same row, `p` opens the panel view, and a second expert scoring at the same time shows
//! up in the first one's list.

use super::support::{ENTER, Sandbox, fixtures};
use appraise::evaluation::{self, Evaluation};
use appraise::scores::Scores;
use appraise::store::Writer;
use appraise::tui::list::ListApp;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const XUCHANG: &str = "zh-self-henan-xuchang-2022.txt";
const NANXIAN: &str = "zh-self-hunan-nanxian-2018.txt";

/// An evaluation in `dir`: two self-evaluation reports, the Dazhou rubric, a broken docx.
fn evaluation_in(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for name in [XUCHANG, NANXIAN] {
        std::fs::copy(fixtures().join("import/wild").join(name), dir.join(name)).unwrap();
    }
    std::fs::copy(fixtures().join("rubric/dazhou.csv"), dir.join("rubric.csv")).unwrap();
    std::fs::write(dir.join("broken.docx"), b"not a zip at all").unwrap();
    std::fs::write(
        dir.join("appraise.toml"),
        "title = \"2022年度部门整体支出绩效评价\"\nrubric = \"rubric.csv\"\n",
    )
    .unwrap();
}

/// `name` scores the first `n` items of `document` at full marks (submitted when `submit`).
fn score(dir: &Path, document: &str, name: &str, n: usize, submit: bool) -> PathBuf {
    let eval = Evaluation::open(dir).unwrap();
    let prepared = evaluation::prepare(&eval, &mut |_, _, _| {});
    let p = prepared.iter().find(|p| p.document.name == document).unwrap();
    let report = p.report.as_ref().unwrap().clone();
    let mut scores = Scores::new(&report);
    scores.head.evaluator = Some(name.into());
    for (e, item) in scores.entries.iter_mut().zip(&report.items).take(n) {
        e.score = Some(item.scale.max);
    }
    if submit {
        scores.head.submitted_at = Some("2026-12-08T03:00:00Z".into());
    }
    let path = dir.join(format!("{document}.{name}.scores.json"));
    Writer::new(path.clone(), Arc::new(report), None).save(&scores).unwrap();
    path
}

fn list_of(dir: &Path, me: &str) -> ListApp {
    let eval = Evaluation::open(dir).unwrap();
    let prepared = evaluation::prepare(&eval, &mut |_, _, _| {});
    let rows = evaluation::status(&prepared, eval.settings.method(), eval.settings.disagree_percent());
    let mut list =
        ListApp::new(eval.settings.title.clone(), dir.to_path_buf(), Some(me.into()), &eval.documents);
    list.set_rows(rows);
    list
}

fn screen(list: &ListApp, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| {
            appraise::tui::list::view::draw(list, f);
        })
        .unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn the_list_shows_each_report_its_unit_every_evaluator_and_the_panel_score() {
    let sb = Sandbox::new();
    let dir = sb.join("ev");
    evaluation_in(&dir);
    score(&dir, XUCHANG, "张三", 28, true);
    score(&dir, XUCHANG, "李四", 28, false);
    score(&dir, NANXIAN, "李四", 5, false);
    let _en = appraise::words::pin(appraise::lang::Lang::En);
    let mut list = list_of(&dir, "张三");
    let shown = screen(&list, 120, 24).replace(&dir.display().to_string(), "DIR");
    insta::assert_snapshot!("evaluation_list_120x24", shown);
    // The units the reports name, each evaluator's column (mine first), the panel's score.
    assert!(shown.contains("许昌市河湖水系水源调度中心"), "{shown}");
    assert!(shown.contains("南县住房和城乡建设局"), "{shown}");
    let head = shown.lines().nth(1).unwrap();
    assert!(head.find("张三").unwrap() < head.find("李四").unwrap(), "{head}");
    let xuchang = shown.lines().find(|l| l.contains("许昌")).unwrap();
    assert!(xuchang.contains("100 ✓") && xuchang.contains("100"), "submitted, and done: {xuchang}");
    let nanxian = shown.lines().find(|l| l.contains("南县")).unwrap();
    assert!(nanxian.contains("5/28"), "partly scored: {nanxian}");
    // The document that cannot be read is listed with why, and does not stop the others.
    assert!(shown.contains("⚠ broken.docx"), "{shown}");
    // Sorted by score: the scored reports first, the broken one last.
    list.update(appraise::tui::action::Action::List(appraise::tui::action::ListAction::Sort));
    let first: Vec<String> = list.order.iter().map(|&i| list.rows[i].file.clone()).collect();
    assert_eq!(first.last().map(String::as_str), Some("broken.docx"), "{first:?}");
    assert_eq!(first.first().map(String::as_str), Some(XUCHANG), "{first:?}");
    // At 80 columns both evaluators still have a column; the file names give way first.
    let narrow = screen(&list, 80, 24);
    insta::assert_snapshot!("evaluation_list_80x24_by_score", narrow);
    assert!(narrow.lines().nth(1).is_some_and(|h| h.contains("李四")), "{narrow}");
    // Narrower: the file column goes; narrower still, one progress column for all evaluators.
    let narrower = screen(&list, 60, 24);
    assert!(!narrower.contains("File") && narrower.contains("李四"), "{narrower}");
    let narrowest = screen(&list, 44, 24);
    assert!(narrowest.contains("1/2 submitted"), "{narrowest}");
}

#[test]
fn the_details_say_whose_scores_no_longer_match_the_rubric() {
    let sb = Sandbox::new();
    let dir = sb.join("ev");
    evaluation_in(&dir);
    score(&dir, XUCHANG, "张三", 3, false);
    // The rubric changes after scoring: the first indicator is worth 4 now, not 5.
    let rubric = std::fs::read_to_string(dir.join("rubric.csv")).unwrap();
    let changed = rubric.replacen("相关性,5,", "相关性,4,", 1).replacen("明确性,5,", "明确性,6,", 1);
    assert_ne!(rubric, changed);
    std::fs::write(dir.join("rubric.csv"), changed).unwrap();
    let _en = appraise::words::pin(appraise::lang::Lang::En);
    let list = list_of(&dir, "张三");
    let shown = screen(&list, 120, 24);
    assert!(shown.contains("no longer match the indicators"), "{shown}");
}

// ── In a terminal ───────────────────────────────────────────────────────────────────────────

#[test]
fn enter_reviews_q_and_esc_come_back_to_the_same_row_and_a_second_expert_shows_up() {
    let sb = Sandbox::new();
    evaluation_in(&sb.join("ev"));
    let mut zhang = sb.spawn(&["ev", "--evaluator", "张三"]);
    zhang.wait_for("南县住房和城乡建设局");
    // broken.docx comes after the reports, with its reason.
    zhang.send("G");
    zhang.wait_for("Cannot be reviewed");
    // The first report: reviewed, one item scored at full marks, back with q.
    zhang.send("g");
    zhang.wait_until("Xuchang's details", |s| !s.contains("Cannot be reviewed")).unwrap();
    zhang.send(ENTER);
    zhang.wait_status("0/28");
    zhang.send("5");
    zhang.wait_status("1/28");
    zhang.send("q");
    zhang.wait_for("3 reports"); // the list
    zhang
        .wait_until("my column says 1/28", |s| s.lines().any(|l| l.contains("许昌") && l.contains("1/28")))
        .unwrap();
    assert!(zhang.screen().contains("2022年度部门整体支出绩效评价"), "{}", zhang.screen());
    let mine = sb.join(format!("ev/{XUCHANG}.张三.scores.json"));
    assert!(mine.is_file(), "my own file beside the document");
    // The cursor is still on that report: Enter opens it again; Esc comes back.
    zhang.send(ENTER);
    zhang.wait_status("1/28");
    zhang.esc();
    zhang.wait_for("3 reports");

    // Another expert starts on another report at the same time.
    let mut li = sb.spawn(&["ev", "--evaluator", "李四"]);
    li.wait_for("南县住房和城乡建设局");
    li.send("j");
    li.send(ENTER);
    li.wait_status("0/28");
    li.send("5");
    li.send("j");
    li.send("5");
    li.wait_status("2/28");
    // The first expert's list follows the folder: 李四 gets a column.
    zhang
        .wait_until("李四's column in my list", |s| {
            s.contains("李四") && s.lines().any(|l| l.contains("南县") && l.contains("2/28"))
        })
        .unwrap();
    li.send("q");
    li.wait_for("3 reports");
    assert!(sb.join(format!("ev/{NANXIAN}.李四.scores.json")).is_file());
    // The panel view of the first report, from the list; q comes back.
    zhang.send("p");
    zhang.wait_for("专家组");
    zhang.send("q");
    zhang.wait_for("3 reports");
    zhang.send("q");
    assert_eq!(zhang.wait_exit(), 0);
    li.send("q");
    assert_eq!(li.wait_exit(), 0);
}

#[test]
fn a_folder_that_is_not_an_evaluation_says_to_run_init() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.join("plain")).unwrap();
    let out = super::support::command().current_dir(sb.path()).arg("plain").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("appraise init") && err.contains("plain"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one sentence: {err}");
}

/// With no language chosen (a C locale, no flag, no config), the list speaks the evaluation's:
/// its rubric's and title's, from the first frame.
#[test]
fn with_no_language_chosen_the_list_speaks_the_evaluations() {
    let sb = Sandbox::new();
    evaluation_in(&sb.join("ev"));
    // A first run imports the documents; the second finds them imported and reads no text.
    let mut first = sb.spawn(&["ev", "--evaluator", "张三"]);
    first.wait_for("南县住房和城乡建设局");
    first.send("q");
    assert_eq!(first.wait_exit(), 0);
    let mut zhang = sb.spawn_with_env(&["ev", "--evaluator", "张三"], &[("LC_ALL", "C.UTF-8")]);
    zhang.wait_for("南县住房和城乡建设局");
    zhang.wait_for("被评价单位");
    zhang.wait_for("评价人：张三");
    zhang.send("q");
    assert_eq!(zhang.wait_exit(), 0);
}
