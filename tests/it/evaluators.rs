//! Evaluators and their sheets (issue 17): nobody's sheet is taken over without asking
//! (read-only, an own file, or a recorded takeover), each finds their own file again, and a
//! sheet is submitted with `S`, changed after only once asked.

use crate::support::{Sandbox, Tui, command, entry, read_json, wait_json};

const OBJECTIVES: &str = "overview.objectives"; // 0–10 step 0.5

/// `r.json` (the English sample) and `r.scores.json`, Alex Morgan's.
fn theirs(sb: &Sandbox) -> std::path::PathBuf {
    sb.copy_fixture("english-sample.json", "r.json");
    sb.copy_fixture("scores/english-sample.scores.json", "r.scores.json")
}

fn asked(sb: &Sandbox, name: &str) -> Tui {
    let mut app = sb.spawn(&["r.json", "--evaluator", name]);
    let screen = app.wait_for("[r/o/t]");
    assert!(screen.contains("holds Alex Morgan's scores, and you are"), "{screen}");
    app
}

#[test]
fn read_only_writes_nothing() {
    let sb = Sandbox::new();
    let scores = theirs(&sb);
    let before = std::fs::read(&scores).unwrap();
    let mut app = asked(&sb, "李四");
    app.send("r\r");
    app.wait_status("read-only");
    assert!(app.screen().contains("Alex Morgan"), "the sheet is shown under its own name:\n{}", app.screen());
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert_eq!(std::fs::read(&scores).unwrap(), before, "the read-only look changed the file");
    assert!(!sb.join("r.李四.scores.json").exists());
}

#[test]
fn an_own_file_leaves_theirs_alone_and_is_found_again() {
    let sb = Sandbox::new();
    let scores = theirs(&sb);
    let before = std::fs::read(&scores).unwrap();
    let mut app = asked(&sb, "李四");
    assert!(
        app.screen().contains("r.李四.scores.json"),
        "the question names the own file:\n{}",
        app.screen()
    );
    app.send("o\r");
    app.wait_for("Evaluator 李四");
    let own = sb.join("r.李四.scores.json");
    let v = wait_json(&own, "the own file", |v| v["evaluator"] == "李四");
    assert!(entry(&v, OBJECTIVES)["score"].is_null(), "the own file starts empty");
    app.key("7");
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert_eq!(entry(&read_json(&own), OBJECTIVES)["score"], 7);
    assert_eq!(std::fs::read(&scores).unwrap(), before, "Alex Morgan's file changed");

    // The next start with the same name opens the own file, without asking.
    let mut again = sb.spawn(&["r.json", "--evaluator", "李四"]);
    let screen = again.wait_for("Evaluator 李四");
    assert!(!screen.contains("[r/o/t]"), "{screen}");
    assert!(screen.contains("7/10"), "not the own file:\n{screen}");
    again.key("q");
    assert_eq!(again.wait_exit(), 0, "{}", again.output());
    assert_eq!(std::fs::read(&scores).unwrap(), before);
}

#[test]
fn taking_over_is_recorded_as_a_handover() {
    let sb = Sandbox::new();
    let scores = theirs(&sb);
    let mut app = asked(&sb, "李四");
    app.send("t\r");
    app.wait_for("took these scores over from Alex Morgan");
    let v = wait_json(&scores, "the handover", |v| v["evaluator"] == "李四");
    let h = &v["handovers"][0];
    assert_eq!((h["from"].as_str(), h["to"].as_str()), (Some("Alex Morgan"), Some("李四")), "{v}");
    assert!(h["at"].as_str().is_some_and(|t| t.ends_with('Z')), "{h}");
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert_eq!(read_json(&scores)["handovers"].as_array().map(Vec::len), Some(1), "kept through the save");
}

#[test]
fn any_other_answer_opens_nothing() {
    let sb = Sandbox::new();
    let scores = theirs(&sb);
    let before = std::fs::read(&scores).unwrap();
    let mut app = asked(&sb, "李四");
    app.send("\r");
    assert_eq!(app.wait_exit(), 2, "{}", app.output());
    assert!(app.output().contains("nothing opened"), "{}", app.output());
    assert_eq!(std::fs::read(&scores).unwrap(), before);
}

#[test]
fn without_a_terminal_it_says_what_to_do() {
    let sb = Sandbox::new();
    theirs(&sb);
    let out = command().current_dir(sb.path()).args(["r.json", "--evaluator", "李四"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for flag in ["--read-only", "--scores", "--evaluator", "no terminal to ask on"] {
        assert!(stderr.contains(flag), "{flag}: {stderr}");
    }
}

#[test]
fn panel_and_empty_names_are_refused() {
    let sb = Sandbox::new();
    theirs(&sb);
    for (name, says) in [("panel", "cannot be an evaluator's name"), ("  ", "cannot be empty")] {
        let out = command().current_dir(sb.path()).args(["r.json", "--evaluator", name]).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says) && stderr.lines().count() == 1, "{name:?}: {stderr}");
    }
}

#[test]
fn the_login_name_never_asks() {
    let sb = Sandbox::new();
    let scores = theirs(&sb);
    let mut app = sb.spawn(&["r.json"]); // USER=tester, the file is Alex Morgan's
    let screen = app.wait_for("Evaluator Alex Morgan");
    assert!(!screen.contains("[r/o/t]"), "{screen}");
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert_eq!(read_json(&scores)["evaluator"], "Alex Morgan");
}

#[test]
fn submitting_asks_then_a_change_after_asks_once() {
    let sb = Sandbox::new();
    sb.copy_fixture("english-sample.json", "r.json");
    let scores = sb.join("r.scores.json");
    let mut app = sb.spawn(&["r.json", "--evaluator", "李四"]);
    app.wait_for("Evaluator 李四");
    app.key("7");
    app.wait_for("7/10");
    app.key("S");
    let bar = app.wait_for("Submit this sheet?");
    assert!(bar.contains("7 items still unscored"), "the question says what is not done:\n{bar}");
    app.key("n"); // any other key: no
    app.wait_for("not submitted");
    app.key("S");
    app.wait_for("Submit this sheet?");
    app.key("y");
    app.wait_status("submitted");
    let v = wait_json(&scores, "submitted_at", |v| v["submitted_at"].is_string());
    assert!(v.get("reopened_at").is_none(), "{v}");

    // A change asks; no leaves it as it was.
    app.key("5");
    app.wait_for("change it? [y/N]");
    app.key("n");
    app.wait_for("nothing changed");
    assert!(app.screen().contains("7/10"), "{}", app.screen());
    // Yes: the change is made and the sheet is reopened; the next change does not ask.
    app.key("5");
    app.wait_for("change it? [y/N]");
    app.key("y");
    app.wait_for("5/10");
    app.wait_status("reopened");
    app.key("f");
    app.wait_for("⚑");
    assert!(!app.screen().contains("change it?"), "asked twice:\n{}", app.screen());
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    let v = read_json(&scores);
    assert!(v["submitted_at"].is_string() && v["reopened_at"].is_string(), "{v}");
    assert_eq!(entry(&v, OBJECTIVES)["score"], 5);
}

#[test]
fn merge_names_the_sheets_not_submitted_yet() {
    let sb = Sandbox::new();
    sb.copy_fixture("english-sample.json", "r.json");
    let a = sb.copy_fixture("scores/english-sample.scores.json", "r.alex.scores.json");
    sb.copy_fixture("scores/english-sample.sam.scores.json", "r.sam.scores.json");
    let mut v = read_json(&a);
    v["submitted_at"] = "2026-11-26T03:00:00Z".into();
    std::fs::write(&a, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let out = command()
        .current_dir(sb.path())
        .args(["merge", "r.json", "r.alex.scores.json", "r.sam.scores.json", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr.lines().find(|l| l.contains("not submitted yet")).unwrap_or_else(|| panic!("{stderr}"));
    assert_eq!(line, "appraise: not submitted yet: Sam Lee (r.sam.scores.json)");

    let out =
        command().current_dir(sb.path()).args(["check", "r.json", "--scores", "r.alex.scores.json"]).output();
    assert_eq!(out.unwrap().status.code(), Some(0), "check accepts submitted_at");
    let out = command()
        .current_dir(sb.path())
        .args(["summary", "r.json", "--scores", "r.alex.scores.json"])
        .env("TZ", "UTC0")
        .output();
    let stdout = String::from_utf8_lossy(&out.unwrap().stdout).into_owned();
    assert!(stdout.contains("Status    submitted 2026-11-26 03:00"), "in local time: {stdout}");
}
