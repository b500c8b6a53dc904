//! End-to-end: search in the real binary — type a Chinese query, see the hit with its count,
//! jump with Enter, score the item found, come back with Ctrl-o; Esc leaves you where you were.

use crate::support::{CTRL_O, Sandbox, entry, wait_json};

#[test]
fn search_jump_score_and_come_back() {
    let sb = Sandbox::new();
    sb.copy_fixture("shaodong-2022.json", "shaodong-2022.json");
    let mut app = sb.spawn(&["shaodong-2022.json"]);
    app.wait_for("Item s2.1.1");
    app.key("/");
    app.wait_for("Search — type");
    app.type_text("满意率98");
    // The hit: s2.2.5 holds 群众满意率98.93%; its count and snippet show.
    let screen = app.wait_for("1 of ");
    assert!(screen.contains("满意率98"), "the query is echoed:\n{screen}");
    assert!(screen.contains("在成员单位联络员中推广使用"), "the hit's title is listed:\n{screen}");
    app.enter();
    app.wait_for("Item s2.2.5");
    app.key("4");
    let path = sb.join("shaodong-2022.scores.json");
    wait_json(&path, "the score of the item found", |v| entry(v, "s2.2.5")["score"] == 4.0);
    app.key(CTRL_O);
    app.wait_for("Item s2.1.1");

    // Esc closes the search and leaves the cursor where it was.
    app.key("j");
    app.wait_for("Item s2.1.2");
    app.key("/");
    app.wait_for("Search — type");
    app.type_text("网办");
    app.wait_for("1 of ");
    app.esc();
    let screen = app.wait_gone("Search — type");
    assert!(screen.contains("Item s2.1.2"), "back where it was:\n{screen}");
    // The report requires a reason below full marks: q says so first, q again quits.
    app.key("q");
    app.wait_for("1 item below full marks without a reason");
    app.key("q");
    assert_eq!(app.wait_exit(), 0);
}
