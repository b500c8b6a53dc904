//! End-to-end tests: the real `appraise` binary in a pseudo-terminal, driven by keys, checked
//! on the screen and in the scores file (docs/formats.md, README.md "Keys"). Each test has its own sandbox
//! directory (cwd, HOME, XDG dirs), so they run in parallel.

use crate::support::{CTRL_O, CTRL_R, DOWN, Sandbox, Tui, entry, read_json, wait_json};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::{Duration, Instant};

const ENGLISH: &str = "english-sample.json";
const NOTE: &str = "佐证材料不足，扣0.5分";

// Items of fixtures/english-sample.json in report order.
const OBJECTIVES: &str = "overview.objectives"; // 0–10 step 0.5
const SUMMER: &str = "delivery.children.summer-reading"; // 0–10 step 0.5
const ATTENDANCE: &str = "delivery.children.early-years.attendance"; // 0–5 step 1
const VOLUNTEERS: &str = "delivery.children.early-years.volunteers"; // 0–10 step 0.5

/// What the reading pane shows for item `id`: its facts line starts `ID · MIN–MAX step STEP`
/// (the pane's title clips long ids).
fn at(id: &str) -> String {
    format!("{id} · ")
}

/// The app on a fresh copy of the English sample, on its first screen.
fn open_english(sb: &Sandbox) -> Tui {
    sb.copy_fixture(ENGLISH, ENGLISH);
    let mut app = sb.spawn(&[ENGLISH]);
    app.wait_for(&at(OBJECTIVES));
    app
}

fn sha256_hex(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Every item of a report file as (id, max), in report order, with the report's default scale.
fn report_items(report: &Value) -> Vec<(String, f64)> {
    fn walk(sections: &Value, default_max: f64, out: &mut Vec<(String, f64)>) {
        for s in sections.as_array().into_iter().flatten() {
            for item in s["items"].as_array().into_iter().flatten() {
                let max = item["max"].as_f64().unwrap_or(default_max);
                out.push((item["id"].as_str().unwrap().to_string(), max));
            }
            walk(&s["sections"], default_max, out);
        }
    }
    let default_max = report["scale"]["max"].as_f64().unwrap_or(10.0);
    let mut out = Vec::new();
    walk(&report["sections"], default_max, &mut out);
    out
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("expected a number, got {v}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Checks the whole file against its format (docs/formats.md): format, report block, every item in report
/// order, and a summary that matches the items.
fn check_scores_file(scores: &Value, report_path: &Path) {
    let report = read_json(report_path);
    assert_eq!(scores["format"], "appraise.scores/1");
    assert_eq!(scores["report"]["id"], report["id"]);
    assert_eq!(scores["report"]["title"], report["title"]);
    let sha = scores["report"]["sha256"].as_str().expect("report.sha256 is a string");
    assert_eq!(sha, sha256_hex(report_path), "report.sha256 is the sha256 of the report file's bytes");
    assert!(scores["updated_at"].is_string(), "top-level updated_at: {}", scores["updated_at"]);

    let items = report_items(&report);
    let entries = scores["items"].as_array().expect("items array");
    let ids: Vec<&str> = entries.iter().take(items.len()).map(|e| e["id"].as_str().unwrap()).collect();
    let want: Vec<&str> = items.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, want, "items: every report item, in report order");

    let (mut scored, mut points, mut max_points, mut report_max) = (0, 0.0, 0.0, 0.0);
    for ((_, max), e) in items.iter().zip(entries) {
        report_max += max;
        if !e["score"].is_null() {
            scored += 1;
            points += num(&e["score"]);
            max_points += max;
        }
    }
    let s = &scores["summary"];
    assert_eq!(s["scored"], json!(scored), "summary.scored in {s}");
    assert_eq!(s["items"], json!(items.len()), "summary.items in {s}");
    assert!(close(num(&s["points"]), points), "summary.points in {s}, want {points}");
    assert!(close(num(&s["max_points"]), max_points), "summary.max_points in {s}, want {max_points}");
    assert!(close(num(&s["report_max"]), report_max), "summary.report_max in {s}, want {report_max}");
    if scored == 0 {
        assert!(s["percent"].is_null(), "summary.percent with nothing scored: {s}");
    } else {
        let pct = points / max_points * 100.0;
        assert!((num(&s["percent"]) - pct).abs() < 0.01, "summary.percent in {s}, want {pct}");
        let grade = report["grades"]
            .as_array()
            .and_then(|g| g.iter().find(|g| num(&g["min"]) <= pct))
            .map(|g| g["label"].clone())
            .unwrap_or(Value::Null);
        assert_eq!(s["grade"], grade, "summary.grade in {s}");
    }
}

// 1. ------------------------------------------------------------------------------------

#[test]
fn full_review_flow_scores_notes_flags_undo_and_quit() {
    let sb = Sandbox::new();
    let report = sb.join(ENGLISH);
    let scores = sb.join("english-sample.scores.json");
    let mut app = open_english(&sb);
    // Nothing is scored, so the app opens on the first item.
    assert!(app.screen().contains("Objectives are specific and measurable"), "{}", app.screen());
    assert!(!scores.exists(), "no scores file before the first change");

    // A quick score the scale allows: on screen, then on disk by autosave.
    app.key("7");
    app.wait_for("7/10");
    let shown = Instant::now();
    let file = wait_json(&scores, "score 7 for overview.objectives", |v| {
        v["items"]
            .as_array()
            .is_some_and(|items| items.iter().any(|e| e["id"] == OBJECTIVES && e["score"] == 7))
    });
    eprintln!("autosave landed {:?} after the score was shown", shown.elapsed());
    assert_eq!(entry(&file, OBJECTIVES)["score"], 7);
    assert!(entry(&file, OBJECTIVES)["updated_at"].is_string());
    assert_eq!(entry(&file, ATTENDANCE)["score"], Value::Null);
    app.wait_status("saved");

    // A quick score above the item's maximum is refused, with the reason.
    app.key("j");
    app.wait_for(&at(SUMMER));
    app.key("j");
    app.wait_for(&at(ATTENDANCE));
    app.key("7");
    let bar = app.wait_status("above the maximum");
    assert!(bar.contains("7 is above the maximum 5"), "the refusal names the value and the max: {bar}");
    let screen = app.screen();
    assert!(screen.contains("Score  – / 5"), "the score stays unset:\n{screen}");
    std::thread::sleep(Duration::from_millis(600)); // give a (wrong) autosave the chance to happen
    assert_eq!(entry(&read_json(&scores), ATTENDANCE)["score"], Value::Null);

    // The score prompt: 6.5 on a 0–10 step-0.5 item.
    app.key("j");
    app.wait_for(&at(VOLUNTEERS));
    app.key("s");
    app.wait_for("Type a score");
    app.type_text("6.5");
    app.wait_for("Score  6.5 /");
    app.enter();
    app.wait_gone("Type a score");
    app.wait_for("6.5/10");
    wait_json(&scores, "score 6.5 for the volunteers item", |v| entry(v, VOLUNTEERS)["score"] == 6.5);

    // A note in Chinese, typed as UTF-8; Esc closes the editor and keeps it.
    app.key("a");
    app.wait_for("Note · ");
    app.send(NOTE);
    app.wait_for(NOTE);
    app.esc();
    app.wait_gone("Note · ");
    assert!(
        app.screen().contains(&format!("Note   {NOTE}")),
        "the score panel shows the note:\n{}",
        app.screen()
    );
    wait_json(&scores, "the note", |v| entry(v, VOLUNTEERS)["note"] == NOTE);

    // Flag, undo the flag, redo it.
    app.key("f");
    app.wait_for("⚑ needs follow-up");
    wait_json(&scores, "flagged", |v| entry(v, VOLUNTEERS)["flagged"] == true);
    app.key("u");
    app.wait_gone("⚑ needs follow-up");
    let file = wait_json(&scores, "flag undone", |v| entry(v, VOLUNTEERS)["flagged"] == false);
    assert_eq!(entry(&file, VOLUNTEERS)["note"], NOTE, "undo takes back the flag only");
    assert_eq!(entry(&file, VOLUNTEERS)["score"], 6.5);
    app.key(CTRL_R);
    app.wait_for("⚑ needs follow-up");
    wait_json(&scores, "flag redone", |v| entry(v, VOLUNTEERS)["flagged"] == true);

    // Quit: status 0, and the final file is complete.
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    let file = read_json(&scores);
    check_scores_file(&file, &report);
    assert_eq!(file["evaluator"], "tester", "the login name is the default evaluator");
    let e = entry(&file, OBJECTIVES);
    assert_eq!((&e["score"], &e["note"], &e["flagged"]), (&json!(7), &json!(""), &json!(false)));
    let e = entry(&file, VOLUNTEERS);
    assert_eq!((&e["score"], &e["note"], &e["flagged"]), (&json!(6.5), &json!(NOTE), &json!(true)));
    assert!(e["updated_at"].is_string());
    for id in [SUMMER, ATTENDANCE] {
        let e = entry(&file, id);
        assert_eq!(e["score"], Value::Null, "{id}");
        assert_eq!(e["updated_at"], Value::Null, "{id} was never changed");
    }
    let s = &file["summary"];
    assert_eq!((s["scored"].clone(), s["items"].clone()), (json!(2), json!(8)));
    assert!(close(num(&s["points"]), 13.5) && close(num(&s["max_points"]), 20.0), "{s}");
    assert!(
        close(num(&s["percent"]), 67.5) && s["grade"] == "C" && close(num(&s["report_max"]), 69.0),
        "{s}"
    );

    // The hash is of the report's bytes, and stays the same on the next run.
    let sha = file["report"]["sha256"].as_str().unwrap().to_string();
    assert!(sha.len() == 64 && sha.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')), "{sha}");
    let mut again = sb.spawn(&[ENGLISH]);
    again.wait_for(&at(SUMMER)); // the first unscored item now
    again.key("q");
    assert_eq!(again.wait_exit(), 0, "{}", again.output());
    assert_eq!(read_json(&scores)["report"]["sha256"], sha.as_str());
    // No temporary files are left beside the scores file.
    let names: Vec<String> = std::fs::read_dir(sb.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "leftover temp files: {names:?}");
}

// 2. ------------------------------------------------------------------------------------

#[test]
fn restart_resumes_saved_scores_and_notes() {
    let sb = Sandbox::new();
    let report = sb.copy_fixture(ENGLISH, ENGLISH);
    let scores = sb.join("english-sample.scores.json");
    // A file as an earlier session (or another tool) left it: no summary, an entry for an
    // item the report no longer has.
    let saved = json!({
        "format": "appraise.scores/1",
        "report": { "id": "riverside-library-2023", "title": "Riverside Library 2023 Programme Self-Evaluation" },
        "evaluator": "Alex Morgan",
        "updated_at": "2024-02-12T10:09:45Z",
        "items": [
            { "id": OBJECTIVES, "score": 7, "note": "", "flagged": false, "updated_at": "2024-02-12T10:04:31Z" },
            { "id": VOLUNTEERS, "score": 6.5, "note": NOTE, "flagged": true, "updated_at": "2024-02-12T10:05:00Z" },
            { "id": "delivery.adults.digital", "score": 3.25 },
            { "id": "removed.item", "score": 2, "note": "kept for the record", "flagged": false, "updated_at": null }
        ]
    });
    std::fs::write(&scores, serde_json::to_vec_pretty(&saved).unwrap()).unwrap();

    let mut app = sb.spawn(&[ENGLISH, "--evaluator", "Alex Morgan"]);
    // Resumes on the first unscored item, with the saved scores in the outline.
    let screen = app.wait_for(&at(SUMMER));
    for shown in ["7/10", "6.5/10", "3.25/4", "Alex Morgan"] {
        assert!(screen.contains(shown), "{shown:?} missing:\n{screen}");
    }
    assert!(!screen.contains(NOTE), "the note shows only with its item:\n{screen}");

    // The note appears when moving to its item.
    app.key("j");
    app.wait_for(&at(ATTENDANCE));
    app.key(DOWN);
    app.wait_for(&at(VOLUNTEERS));
    let screen = app.wait_for(NOTE);
    assert!(screen.contains("Score  6.5 / 10"), "{screen}");
    assert!(screen.contains("⚑ needs follow-up"), "{screen}");

    // Quitting without changes writes nothing: the file is as it was, byte for byte.
    let before = std::fs::read(&scores).unwrap();
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert_eq!(std::fs::read(&scores).unwrap(), before, "opened and quit without a change");
    // A change, and the app's rewrite keeps every other score, note, flag and time.
    let mut app = sb.spawn(&[ENGLISH, "--evaluator", "Alex Morgan"]);
    app.wait_for(&at(SUMMER));
    app.key("5");
    let has = |v: &Value| {
        v["items"].as_array().is_some_and(|a| a.iter().any(|e| e["id"] == SUMMER && e["score"] == 5))
    };
    wait_json(&scores, "the change", has);
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    let file = read_json(&scores);
    check_scores_file(&file, &report);
    assert_eq!(file["evaluator"], "Alex Morgan", "the evaluator in the file is kept");
    for (id, score, note, flagged, at) in [
        (OBJECTIVES, json!(7), "", false, json!("2024-02-12T10:04:31Z")),
        (VOLUNTEERS, json!(6.5), NOTE, true, json!("2024-02-12T10:05:00Z")),
        ("delivery.adults.digital", json!(3.25), "", false, Value::Null),
    ] {
        let e = entry(&file, id);
        assert_eq!(e["score"], score, "{id}");
        assert_eq!(e["note"], note, "{id}");
        assert_eq!(e["flagged"], flagged, "{id}");
        assert_eq!(e["updated_at"], at, "{id}");
    }
    assert!(entry(&file, SUMMER)["updated_at"].is_string());
    assert_eq!(
        entry(&file, "removed.item"),
        &saved["items"][3],
        "an entry for an item not in the report is kept as it was"
    );
    assert_eq!(file["summary"]["scored"], 4);
}

// 3. ------------------------------------------------------------------------------------

#[test]
fn bracketed_paste_goes_into_the_note_as_text() {
    let sb = Sandbox::new();
    let scores = sb.join("english-sample.scores.json");
    let mut app = open_english(&sb);

    // Pasted in the normal view, "q" must not quit.
    app.paste("q");
    app.wait_status("Paste");
    assert!(app.is_running(), "a pasted q quit the app");

    app.key("a");
    app.wait_for("Note · ");
    app.paste("x q j\nsecond line");
    let screen = app.wait_for("second line");
    assert!(screen.contains("x q j"), "{screen}");
    assert!(app.is_running(), "the pasted q was taken as a key");
    app.esc();
    app.wait_gone("Note · ");
    let screen = app.screen();
    assert!(screen.contains(&at(OBJECTIVES)), "the pasted j moved the cursor:\n{screen}");
    assert!(screen.contains("Note   x q j"), "{screen}");

    let file = wait_json(&scores, "the pasted note", |v| entry(v, OBJECTIVES)["note"] != "");
    let e = entry(&file, OBJECTIVES);
    assert_eq!(e["note"], "x q j\nsecond line", "both lines of the paste, as text");
    assert_eq!(e["score"], Value::Null, "the pasted x was taken as a key");
    app.key("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(entry(&read_json(&scores), OBJECTIVES)["note"], "x q j\nsecond line");
}

// 4. ------------------------------------------------------------------------------------

#[test]
fn score_prompt_refuses_off_grid_values() {
    let sb = Sandbox::new();
    let scores = sb.join("english-sample.scores.json");
    let mut app = open_english(&sb);
    app.key("6");
    app.wait_for("6/10");
    wait_json(&scores, "score 6", |v| entry(v, OBJECTIVES)["score"] == 6);
    app.wait_status("saved");

    app.key("s");
    app.wait_for("Type a score");
    app.type_text("6.3");
    app.wait_for("Score  6.3 /");
    app.enter();
    let screen = app.wait_for("step grid");
    assert!(screen.contains("nearest: 6 or 6.5"), "the reason names the nearest scores:\n{screen}");
    assert!(screen.contains("Score  6.3 /"), "the prompt stays open with the input:\n{screen}");
    std::thread::sleep(Duration::from_millis(600)); // time for a (wrong) autosave
    assert_eq!(entry(&read_json(&scores), OBJECTIVES)["score"], 6, "the old value stays");

    // Esc cancels: the old value is back on screen.
    app.esc();
    let screen = app.wait_gone("step grid");
    assert!(screen.contains("Score  6 / 10"), "{screen}");
    assert!(!screen.contains("6.3"), "{screen}");
    app.key("q");
    assert_eq!(app.wait_exit(), 0);
    assert_eq!(entry(&read_json(&scores), OBJECTIVES)["score"], 6);
}

// 4b. -----------------------------------------------------------------------------------

/// `q` pressed before autosave has run (here in the same read as the score key) still saves.
#[test]
fn quit_right_after_an_edit_saves_it() {
    let sb = Sandbox::new();
    let scores = sb.join("english-sample.scores.json");
    let mut app = open_english(&sb);
    app.send("8q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert!(app.output().contains("Scores saved in"), "{}", app.output());
    assert_eq!(entry(&read_json(&scores), OBJECTIVES)["score"], 8);
}

#[test]
fn without_user_or_logname_the_evaluator_is_the_accounts_name() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    let id = std::process::Command::new("id").arg("-un").output().expect("id -un runs");
    let account = String::from_utf8(id.stdout).unwrap().trim().to_string();
    let script = format!("unset USER LOGNAME USERNAME; exec \"$APPRAISE\" {ENGLISH}");
    let mut app = sb.spawn_script(&script, &[]);
    let screen = app.wait_for(&at(OBJECTIVES));
    assert!(screen.lines().next().unwrap().contains(&format!("Evaluator {account}")), "{screen}");
    app.send("8q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert_eq!(read_json(&sb.join("english-sample.scores.json"))["evaluator"], account.as_str());
}

#[test]
fn remapped_keys_in_config_toml_work_and_every_hint_follows_them() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    let config = sb.config_home().join("appraise");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("config.toml"),
        "[keys]\nannotate = [\"N\"]\n[keys.normal]\nhelp = [\"f1\"]\n[keys.note]\nclose = \"ctrl-x\"\n[keys.help]\nclose = \"h\"\n",
    )
    .unwrap();
    let mut app = sb.spawn(&[ENGLISH]);
    let screen = app.wait_for(&at(OBJECTIVES));
    let bar = app.status_bar();
    assert!(bar.contains("F1 help") && !bar.contains("? help"), "{bar}");
    assert!(screen.contains("(N writes a note)"), "{screen}");
    app.key("?");
    app.key("N");
    let screen = app.wait_for("Ctrl-x keeps it");
    assert!(!screen.contains("Esc keeps"), "{screen}");
    app.type_text("remapped");
    app.send("\x18"); // Ctrl-x
    app.wait_gone("Ctrl-x keeps it");
    app.send("\x1bOP"); // F1
    let screen = app.wait_for("Keys — h closes");
    assert!(app.status_bar().contains("h close"), "{screen}");
    app.key("h");
    app.wait_gone("Keys — h closes");
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert_eq!(entry(&read_json(&sb.join("english-sample.scores.json")), OBJECTIVES)["note"], "remapped");
}

// 5. ------------------------------------------------------------------------------------

#[test]
fn no_arguments_opens_the_built_in_sample_and_saves_in_the_data_dir() {
    let sb = Sandbox::new();
    // A scores file saved for the sample of earlier versions (another report) is left as it is.
    let data = sb.data_home().join("appraise");
    std::fs::create_dir_all(&data).unwrap();
    let old = data.join("shaodong-2022.scores.json");
    let old_text = r#"{"format":"appraise.scores/1","report":{"id":"shaodong-approval-bureau-2022"},"items":[{"id":"s2.1.1","score":4}]}"#;
    std::fs::write(&old, old_text).unwrap();
    let mut app = sb.spawn(&[]);
    let screen = app.wait_for("邵东市行政审批服务局");
    // The sample is the real workflow: the Dazhou rubric scored, the Shaodong text as evidence.
    assert!(
        screen.contains("Item r1.1.1") && screen.contains("相关性"),
        "opens on the first indicator:\n{screen}"
    );
    assert!(screen.contains("0/28"), "the rubric's 28 indicators are what is scored:\n{screen}");
    app.key("4");
    app.wait_for("4/5");
    let scores = data.join("shaodong-2022-rubric.scores.json");
    let file = wait_json(&scores, "score 4 for r1.1.1", |v| entry(v, "r1.1.1")["score"] == 4);
    assert_eq!(file["report"]["id"], "shaodong-2022-rubric");
    app.key("q");
    app.wait_for("1 item below full marks without a reason");
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    let file = read_json(&scores);
    assert_eq!(entry(&file, "r1.1.1")["score"], 4);
    let sample = report_items(&read_json(&crate::support::fixtures().join("sample.json")));
    assert_eq!(sample.len(), 28);
    assert_eq!(file["items"].as_array().unwrap().len(), sample.len(), "every item of the sample");
    assert_eq!(std::fs::read_to_string(&old).unwrap(), old_text, "the old sample's scores are untouched");
    let stray: Vec<_> = std::fs::read_dir(sb.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    assert!(stray.is_empty(), "nothing written to the working directory: {stray:?}");
}

// 6. ------------------------------------------------------------------------------------

#[test]
fn help_lists_the_keys_and_esc_closes_it() {
    let sb = Sandbox::new();
    let mut app = open_english(&sb);
    app.key("?");
    let screen = app.wait_for("next unscored");
    assert!(screen.contains("Esc closes"), "{screen}");
    // The page scrolls to the rest, every mode's keys included.
    app.key(" ");
    let screen = app.wait_for("Ctrl-o");
    for key in ["Ctrl-r", "undo"] {
        assert!(screen.contains(key), "help lacks {key:?}:\n{screen}");
    }
    app.key(" ");
    app.wait_for("save and quit");
    for _ in 0..6 {
        app.key(" ");
    }
    app.wait_for("The note editor");
    app.esc();
    let screen = app.wait_gone("next unscored");
    assert!(screen.contains("Outline") && screen.contains(&at(OBJECTIVES)), "{screen}");
    assert!(app.is_running());
    app.key("q");
    assert_eq!(app.wait_exit(), 0);
}

// 7. ------------------------------------------------------------------------------------

#[test]
fn refs_jump_to_the_evidence_and_ctrl_o_comes_back() {
    let sb = Sandbox::new();
    sb.copy_fixture("shaodong-2022.json", "shaodong-2022.json");
    let mut app = sb.spawn(&["shaodong-2022.json"]);
    app.wait_for("Item s2.1.1");
    // The last item, 社会公众, has refs s2.2.5 and s2.3.4.
    app.key("G");
    let screen = app.wait_for("Item s6.3.3.3");
    assert!(screen.contains("→ s2.2.5") && screen.contains("→ s2.3.4"), "the refs are listed:\n{screen}");
    app.key("r");
    app.wait_for("Item s2.2.5");
    app.key("r");
    app.wait_for("Item s2.3.4");
    app.key(CTRL_O);
    app.wait_for("Item s6.3.3.3");
    app.key("q");
    assert_eq!(app.wait_exit(), 0);
}

// 8. ------------------------------------------------------------------------------------

#[test]
fn resizing_to_too_small_and_back() {
    let sb = Sandbox::new();
    let mut app = open_english(&sb);
    app.resize(30, 8);
    app.wait_for("Terminal too small");
    assert!(app.is_running(), "the app died on a small terminal:\n{}", app.output());
    app.resize(100, 30);
    app.wait_for("Outline");
    let screen = app.wait_gone("Terminal too small");
    assert!(screen.contains(&at(OBJECTIVES)), "{screen}");
    assert!(app.is_running());
    // Still usable at the new size.
    app.key("j");
    app.wait_for(&at(SUMMER));
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
}

// 9. ------------------------------------------------------------------------------------

/// `line N, column M` (or `N:M`) somewhere in `text`.
fn names_a_line_and_column(text: &str) -> bool {
    let digits_after = |s: &str, pat: &str| {
        s.match_indices(pat).any(|(i, _)| s[i + pat.len()..].starts_with(|c: char| c.is_ascii_digit()))
    };
    (digits_after(text, "line ") && digits_after(text, "column ")) || {
        let b = text.as_bytes();
        (1..b.len().saturating_sub(1))
            .any(|i| b[i] == b':' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
    }
}

#[test]
fn unreadable_scores_file_is_refused_and_left_alone() {
    let cases: [(&str, Option<&str>); 2] = [
        ("fixtures/scores/corrupt.scores.json", None),
        ("truncated by hand", Some(r#"{"format": "appraise.scores/1", "items": ["#)),
    ];
    for (what, content) in cases {
        let sb = Sandbox::new();
        sb.copy_fixture(ENGLISH, ENGLISH);
        let scores = match content {
            None => sb.copy_fixture("scores/corrupt.scores.json", "english-sample.scores.json"),
            Some(text) => sb.write("english-sample.scores.json", text),
        };
        let before = std::fs::read(&scores).unwrap();
        let mut app = sb.spawn_sized(&[ENGLISH], 200, 40);
        assert_eq!(app.wait_exit(), 2, "{what}: exit status\n{}", app.output());
        let out = app.output();
        assert!(out.contains("english-sample.scores.json"), "{what}: the error names the file:\n{out}");
        assert!(names_a_line_and_column(&out), "{what}: the error names a line and column:\n{out}");
        assert!(!out.contains("panicked"), "{what}: {out}");
        assert!(!out.contains("\x1b[?1049h"), "{what}: the full-screen view was entered:\n{out}");
        assert_eq!(std::fs::read(&scores).unwrap(), before, "{what}: the scores file was changed");
        let names: Vec<String> = std::fs::read_dir(sb.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 4, "{what}: only the report, the scores file and the XDG dirs: {names:?}");
    }
}

// 10. -----------------------------------------------------------------------------------

/// Starts the app on a disk where no save can succeed (tests/shims/fullfs.c: every temp file
/// of an atomic save is refused with ENOSPC; the journal still works); returns the app and
/// the scores file's path.
fn open_with_unsavable_scores(sb: &Sandbox, cols: u16) -> (Tui, std::path::PathBuf) {
    sb.copy_fixture(ENGLISH, ENGLISH);
    let shim = crate::support::build_shim("fullfs", sb.path());
    let flag = sb.write("disk-is-full", "tmp");
    let env = [("LD_PRELOAD", shim.to_str().unwrap()), ("APPRAISE_FULL_FLAG", flag.to_str().unwrap())];
    let mut app = sb.spawn_sized_with_env(&[ENGLISH], cols, 40, &env);
    app.wait_for(&at(OBJECTIVES));
    (app, sb.join("english-sample.scores.json"))
}

#[test]
fn a_failing_save_keeps_the_edits_and_asks_before_quitting() {
    let sb = Sandbox::new();
    // Wide enough for the whole error message in the status bar; at 120 columns its end is
    // cut off (see `the_quit_warning_after_a_failed_save_is_visible_at_120_columns`).
    let (mut app, scores) = open_with_unsavable_scores(&sb, 220);

    app.key("7");
    app.wait_for("7/10");
    let bar = app.wait_status("NOT SAVED");
    assert!(bar.contains("retrying") && bar.contains("the disk is full"), "the status bar says why: {bar}");
    assert!(bar.contains("english-sample.scores.json"), "the status bar names the file: {bar}");
    let screen = app.screen();
    assert!(screen.contains("Score  7 / 10"), "the score stays visible:\n{screen}");
    assert!(app.is_running());

    app.key("q");
    let bar = app.wait_status("WITHOUT saving");
    assert!(bar.contains("q again"), "{bar}");
    assert!(app.is_running(), "quit after a failed save without asking:\n{}", app.screen());
    app.key("q");
    assert_eq!(app.wait_exit(), 1, "unsaved edits: runtime failure\n{}", app.output());
    let out = app.output();
    assert!(out.contains("NOT saved"), "the plain terminal says the edits were not saved:\n{out}");
    assert!(out.contains("kept in"), "and where they are kept:\n{out}");
    assert!(!scores.exists(), "nothing was saved");
}

/// The confirmation after a failed save must be readable at an ordinary width: before the
/// second `q` throws the edits away, the user has to see that it will.
#[test]
fn the_quit_warning_after_a_failed_save_is_visible_at_120_columns() {
    let sb = Sandbox::new();
    let (mut app, _) = open_with_unsavable_scores(&sb, 120);
    app.key("7");
    app.wait_status("NOT SAVED");
    app.key("q");
    let visible = app
        .wait_until("the quit warning on screen", |s| s.contains("WITHOUT saving") || s.contains("q again"));
    assert!(app.is_running());
    if let Err(dump) = visible {
        panic!(
            "after a failed save, q asks to press q again, but at 120 columns the request is cut off: {dump}"
        );
    }
}
