//! Evaluators and their sheets: a file per evaluator (`r.NAME.scores.json`, made at the first
//! edit, found again by the name inside — after a rename too), two experts starting at once
//! never in each other's way, nobody's sheet opened or taken over without asking (read-only,
//! an own file, or a recorded takeover), every command naming an evaluator, and a sheet
//! submitted with `S`, changed after only once asked.

use crate::support::{Sandbox, Tui, command, entry, read_json, wait_json};

const OBJECTIVES: &str = "overview.objectives"; // 0–10 step 0.5

/// `r.json` (the English sample) and `r.scores.json`, Alex Morgan's.
fn theirs(sb: &Sandbox) -> std::path::PathBuf {
    sb.copy_fixture("english-sample.json", "r.json");
    sb.copy_fixture("scores/english-sample.scores.json", "r.scores.json")
}

/// The sheet `r.scores.json` (Alex Morgan's) named on purpose with `--scores` by someone else:
/// asked whether to look, start their own file or take it over.
fn asked(sb: &Sandbox, name: &str) -> Tui {
    let mut app = sb.spawn(&["r.json", "--scores", "r.scores.json", "--evaluator", name]);
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
fn a_name_opens_its_own_file_made_at_the_first_edit_and_found_again() {
    let sb = Sandbox::new();
    let scores = theirs(&sb);
    let before = std::fs::read(&scores).unwrap();
    // Alex Morgan's is the default file: 李四 never opens it, and is not asked.
    let mut app = sb.spawn(&["r.json", "--evaluator", "李四"]);
    let screen = app.wait_for("Evaluator 李四");
    assert!(!screen.contains("[r/o/t]") && !screen.contains("Alex Morgan"), "{screen}");
    let own = sb.join("r.李四.scores.json");
    assert!(!own.exists(), "made at the first edit, not before");
    app.key("7");
    let v = wait_json(&own, "the own file", |v| entry(v, OBJECTIVES)["score"] == 7);
    assert_eq!(v["evaluator"], "李四");
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert_eq!(std::fs::read(&scores).unwrap(), before, "Alex Morgan's file changed");

    // The next start with the same name opens the own file, without asking.
    let mut again = sb.spawn(&["r.json", "--evaluator", "李四"]);
    let screen = again.wait_for("Evaluator 李四");
    assert!(screen.contains("7/10"), "not the own file:\n{screen}");
    again.key("q");
    assert_eq!(again.wait_exit(), 0, "{}", again.output());
    // The unnamed file is found again by the name inside it.
    let mut alex = sb.spawn(&["r.json", "--evaluator", "Alex Morgan"]);
    alex.wait_for("Evaluator Alex Morgan");
    alex.key("q");
    assert_eq!(alex.wait_exit(), 0, "{}", alex.output());
    assert_eq!(std::fs::read(&scores).unwrap(), before, "opened and quit without a change: untouched");
    assert!(!sb.join("r.Alex_Morgan.scores.json").exists());
}

#[test]
fn two_experts_start_on_one_report_at_the_same_time() {
    let sb = Sandbox::new();
    sb.copy_fixture("english-sample.json", "r.json");
    let mut zhang = sb.spawn(&["r.json", "--evaluator", "张三"]);
    let mut li = sb.spawn(&["r.json", "--evaluator", "李四"]);
    zhang.wait_for("Evaluator 张三");
    li.wait_for("Evaluator 李四");
    for (app, key) in [(&mut zhang, "6"), (&mut li, "8")] {
        assert!(!app.screen().contains("open for scoring by"), "held up:\n{}", app.screen());
        app.key(key);
    }
    wait_json(&sb.join("r.张三.scores.json"), "张三's file", |v| entry(v, OBJECTIVES)["score"] == 6);
    wait_json(&sb.join("r.李四.scores.json"), "李四's file", |v| entry(v, OBJECTIVES)["score"] == 8);
    for app in [&mut zhang, &mut li] {
        app.key("q");
        assert_eq!(app.wait_exit(), 0, "{}", app.output());
    }
    assert!(!sb.join("r.scores.json").exists(), "nobody's sheet is the unnamed one");
}

#[test]
fn a_renamed_evaluator_finds_the_sheet_under_the_new_name() {
    let sb = Sandbox::new();
    sb.copy_fixture("english-sample.json", "r.json");
    let mut wang = sb.spawn(&["r.json", "--evaluator", "王五"]);
    wang.wait_for("Evaluator 王五");
    wang.key("4");
    let own = sb.join("r.王五.scores.json");
    wait_json(&own, "王五's file", |v| entry(v, OBJECTIVES)["score"] == 4);
    wang.key("q");
    assert_eq!(wang.wait_exit(), 0, "{}", wang.output());
    // 王五 takes his own file over as 王老五 (a handover).
    let mut renamed = sb.spawn(&["r.json", "--scores", "r.王五.scores.json", "--evaluator", "王老五"]);
    renamed.wait_for("[r/o/t]");
    renamed.send("t\r");
    wait_json(&own, "the handover", |v| v["evaluator"] == "王老五");
    renamed.key("q");
    assert_eq!(renamed.wait_exit(), 0, "{}", renamed.output());
    // The next day: the sheet, not a blank one.
    let mut next = sb.spawn(&["r.json", "--evaluator", "王老五"]);
    let screen = next.wait_for("Evaluator 王老五");
    assert!(screen.contains("4/10"), "not his sheet:\n{screen}");
    next.key("q");
    assert_eq!(next.wait_exit(), 0, "{}", next.output());
    assert!(!sb.join("r.王老五.scores.json").exists());
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
    let out = command()
        .current_dir(sb.path())
        .args(["r.json", "--scores", "r.scores.json", "--evaluator", "李四"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for flag in ["--read-only", "--scores", "--evaluator", "no terminal to ask on"] {
        assert!(stderr.contains(flag), "{flag}: {stderr}");
    }
    // The login alone, on someone else's sheet: the same, with what to say.
    let out = command().current_dir(sb.path()).args(["r.json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("holds Alex Morgan's scores, this login is") && stderr.contains("--evaluator"),
        "{stderr}"
    );
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
fn a_login_on_someone_elses_sheet_is_asked_once_and_may_be_remembered() {
    let sb = Sandbox::new();
    let scores = theirs(&sb);
    let before = std::fs::read(&scores).unwrap();
    // USER=tester; the default file is Alex Morgan's: asked whose it is.
    let mut app = sb.spawn(&["r.json"]);
    let screen = app.wait_for("[m/o/r]");
    assert!(screen.contains("holds Alex Morgan's scores (this login is tester)"), "{screen}");
    app.send("o\r");
    app.wait_for("Remember this answer");
    app.send("y\r");
    app.wait_for("Evaluator tester");
    app.key("3");
    wait_json(&sb.join("r.tester.scores.json"), "tester's own file", |v| entry(v, OBJECTIVES)["score"] == 3);
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert_eq!(std::fs::read(&scores).unwrap(), before, "Alex Morgan's sheet changed");
    let config = std::fs::read_to_string(sb.config_home().join("appraise/config.toml")).unwrap();
    assert!(config.starts_with("evaluator = \"tester\""), "{config}");
    // Remembered: never asked again.
    let mut again = sb.spawn(&["r.json"]);
    let screen = again.wait_for("Evaluator tester");
    assert!(!screen.contains("[m/o/r]") && screen.contains("3/10"), "{screen}");
    again.key("q");
    assert_eq!(again.wait_exit(), 0, "{}", again.output());
}

#[test]
fn every_command_takes_an_evaluator_and_sheets_carry_their_name() {
    let sb = Sandbox::new();
    sb.copy_fixture("english-sample.json", "r.json");
    sb.copy_fixture("scores/english-sample.scores.json", "r.scores.json"); // Alex Morgan's
    sb.copy_fixture("scores/english-sample.sam.scores.json", "r.sam.scores.json"); // Sam Lee's
    let run = |args: &[&str]| {
        let out = command().current_dir(sb.path()).args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, err) = run(&["summary", "r.json", "--evaluator", "Sam Lee"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Sam Lee"), "{out}");
    let (code, _, err) = run(&["check", "r.json", "--evaluator", "Alex Morgan"]);
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = run(&["export", "r.json", "--evaluator", "Sam Lee", "--format", "xlsx"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(sb.join("r.sam.sheet.xlsx").exists(), "{err}");
    let (code, _, err) = run(&["export", "r.json", "--evaluator", "Alex Morgan", "--format", "xlsx"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        sb.join("r.Alex_Morgan.sheet.xlsx").exists(),
        "the unnamed file's sheet carries its evaluator: {err}"
    );
    let (code, _, err) = run(&["summary", "r.json", "--evaluator", "Nobody"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("there are no scores of Nobody beside r.json"), "{err}");
    let (code, _, err) = run(&["summary", "r.json", "--evaluator", "Sam Lee", "--scores", "r.scores.json"]);
    assert_eq!(code, Some(2), "--evaluator and --scores together: {err}");
}

#[test]
fn submitting_asks_then_a_change_after_asks_once() {
    let sb = Sandbox::new();
    sb.copy_fixture("english-sample.json", "r.json");
    let scores = sb.join("r.李四.scores.json");
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

#[test]
fn a_chair_opened_before_anyone_scored_sees_each_expert_join() {
    let sb = Sandbox::new();
    sb.copy_fixture("english-sample.json", "r.json");
    // The chair opens the folder while it holds no scores at all: the view waits.
    let mut chair = sb.spawn(&["panel", "r.json", "."]);
    chair.wait_for(&format!("{OBJECTIVES} · "));
    let mut zhang = sb.spawn(&["r.json", "--evaluator", "张三"]);
    zhang.wait_for("Evaluator 张三");
    zhang.key("7");
    wait_json(&sb.join("r.张三.scores.json"), "张三's score", |v| entry(v, OBJECTIVES)["score"] == 7);
    chair.wait_for("joined the panel: 张三");
    let mut li = sb.spawn(&["r.json", "--evaluator", "李四"]);
    li.wait_for("Evaluator 李四");
    li.key("5");
    li.key("S");
    li.wait_for("Submit this sheet?");
    li.key("y");
    wait_json(&sb.join("r.李四.scores.json"), "李四's submission", |v| v["submitted_at"].is_string());
    chair.wait_for("李四");
    // The panel's sheet has both, as the folder is now.
    chair.key("E");
    chair.wait_for("written to");
    let csv = std::fs::read_to_string(sb.join("r.panel.csv")).unwrap();
    assert!(csv.contains("张三") && csv.contains("李四"), "{csv}");
    for app in [&mut zhang, &mut li] {
        app.key("q");
        assert_eq!(app.wait_exit(), 0, "{}", app.output());
    }
    chair.key("q");
    chair.wait_end();
    let out = chair.output();
    let line = out.lines().find(|l| l.contains("not submitted yet")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("张三") && !line.contains("李四"), "as the panel is when the chair leaves: {line}");
}
