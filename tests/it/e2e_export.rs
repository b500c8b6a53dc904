//! End-to-end: `E` in the real binary writes the scoring sheet beside the scores file, as xlsx
//! and as csv, and says where.

use crate::sheets_support::Book;
use crate::support::Sandbox;
use std::time::{Duration, Instant};

#[test]
fn e_writes_xlsx_and_csv_beside_the_scores_file() {
    let sb = Sandbox::new();
    sb.copy_fixture("english-sample.json", "english-sample.json");
    sb.copy_fixture("scores/english-sample.scores.json", "english-sample.scores.json");
    let mut app = sb.spawn(&["english-sample.json"]);
    app.wait_for("delivery.children.summer-reading · ");
    app.key("E");
    let screen = app.wait_for("Scoring sheet written to");
    let (xlsx, csv) = (sb.join("english-sample.sheet.xlsx"), sb.join("english-sample.sheet.csv"));
    let start = Instant::now();
    while !(xlsx.exists() && csv.exists()) {
        assert!(start.elapsed() < Duration::from_secs(5), "no sheets beside the scores file:\n{screen}");
        std::thread::sleep(Duration::from_millis(50));
    }
    let book = Book::read(&xlsx);
    assert_eq!(book.string(0, 7), "Score");
    assert_eq!(book.number(1, 7), 8.5);
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.starts_with("\u{feff}Level 1,Level 2,Level 3,Item,"), "{csv}");
    assert!(csv.contains("\nTotal,,,,,69,34.25,15.75,3/8 items scored,\n"), "{csv}");
    app.key("q");
    assert_eq!(app.wait_exit(Duration::from_secs(10)), 0);
}
