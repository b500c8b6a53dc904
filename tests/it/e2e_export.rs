//! End-to-end: `E` in the real binary writes the scoring sheet beside the scores file, as xlsx
//! and as csv, and says where.

use crate::sheets_support::Book;
use crate::support::{Sandbox, wait, wait_json};

#[test]
fn e_writes_xlsx_and_csv_beside_the_scores_file() {
    let sb = Sandbox::new();
    sb.copy_fixture("english-sample.json", "english-sample.json");
    sb.copy_fixture("scores/english-sample.scores.json", "english-sample.scores.json");
    let mut app = sb.spawn(&["english-sample.json", "--evaluator", "Alex Morgan"]);
    app.wait_for("delivery.children.summer-reading · ");
    app.key("E");
    let screen = app.wait_for("Scoring sheet written to");
    // Named for the evaluator: the unnamed scores file is Alex Morgan's.
    let (xlsx, csv) =
        (sb.join("english-sample.Alex_Morgan.sheet.xlsx"), sb.join("english-sample.Alex_Morgan.sheet.csv"));
    wait(&format!("the sheets beside the scores file after:\n{screen}"), || xlsx.exists() && csv.exists());
    let book = Book::read(&xlsx);
    assert_eq!(book.string(0, 7), "Score");
    assert_eq!(book.number(1, 7), 8.5);
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(
        csv.starts_with(
            "\u{feff}Riverside Library 2023 Programme Self-Evaluation — scoring sheet,,,,,,,,,\nUnit evaluated,Riverside Public Library,"
        ),
        "the report's title, then whose report: {csv}"
    );
    assert!(csv.contains("\nEvaluator,Alex Morgan,"), "who scored it: {csv}");
    assert!(csv.contains("\nLevel 1,Level 2,Level 3,Item,"), "{csv}");
    assert!(csv.contains("\nTotal,,,,,69,34.25,15.75,3/8 items scored (37.5%),\n"), "{csv}");
    app.key("q");
    assert_eq!(app.wait_exit(), 0);
}

/// The main real workflow from a newcomer's side: import the text with the office's rubric,
/// score exactly the rubric's indicators in the real binary, give a reason, export the sheet.
#[test]
fn a_rubric_review_scores_the_offices_indicators_and_exports_their_sheet() {
    let sb = Sandbox::new();
    sb.copy_fixture("import/shaodong-2022.txt", "shaodong.txt");
    sb.copy_fixture("import/rubric-dazhou.csv", "dazhou.csv");
    let import = crate::support::command()
        .current_dir(sb.path())
        .args(["import", "shaodong.txt", "--rubric", "dazhou.csv", "-o", "shaodong.json"])
        .output()
        .unwrap();
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    let mut app = sb.spawn(&["shaodong.json"]);
    app.wait_for("Item r1.1.1");
    app.key("4");
    app.wait_for("4/5");
    app.key("a");
    app.wait_for("Note · ");
    app.type_text("目标与职能相符，但未量化");
    app.wait_for("但未量化");
    app.esc();
    app.wait_gone("Note · ");
    // `n` walks the unscored indicators, and only them: 27 more, then none is left.
    for _ in 0..27 {
        app.key("n");
        app.key("1");
    }
    let scores = sb.join("shaodong.scores.json");
    let file = wait_json(&scores, "all 28 indicators scored", |v| {
        v["items"]
            .as_array()
            .is_some_and(|items| items.iter().filter(|e| e["score"].is_number()).count() == 28)
    });
    let items = file["items"].as_array().unwrap();
    assert_eq!(items.len(), 28, "the text's sections are not scored");
    assert!(items.iter().all(|e| e["id"].as_str().unwrap().starts_with('r')), "{items:?}");
    app.key("E");
    app.wait_for("Scoring sheet written to");
    let xlsx = sb.join("shaodong.tester.sheet.xlsx");
    wait("the sheet beside the scores file", || xlsx.exists());
    // 23 indicators worth more than 1 point were given 1 without a reason.
    app.key("q");
    app.wait_for("23 items below full marks without a reason");
    app.enter();
    app.wait_for("Item r1.1.2");
    app.key("q");
    app.wait_for("23 items below full marks without a reason");
    app.key("q");
    assert_eq!(app.wait_exit(), 0);

    let book = Book::read(&xlsx);
    // The Dazhou table has no criteria and no self scores, and nothing was flagged: those
    // columns are left out.
    let header: Vec<String> = (0..6).map(|c| book.string(0, c)).collect();
    assert_eq!(header, ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因和其他说明"]);
    assert_eq!(
        (book.string(1, 0), book.string(1, 1), book.string(1, 2)),
        ("部门决策".into(), "目标任务".into(), "相关性".into())
    );
    assert_eq!((book.number(1, 3), book.number(1, 4)), (5.0, 4.0));
    assert_eq!(book.string(1, 5), "目标与职能相符，但未量化");
    let total = book.row_of(0, "合计");
    assert_eq!(book.number(total, 3), 100.0, "the rubric's 100 points");
}
