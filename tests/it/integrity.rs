//! End-to-end integrity tests (issue 12): no write lands where the user did not point it — a
//! device, a FIFO, a link, a folder, a file another program is editing — refused journal lines
//! are kept aside, every ending restores the terminal and tells the truth about what is kept,
//! no file name reaches the terminal raw, and typing on a slow disk loses nothing. The real
//! binary, in a pseudo-terminal wherever it needs one.

#![cfg(unix)]

use crate::support::{Sandbox, Tui, build_shim, entry, read_json, wait_json};
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

const ENGLISH: &str = "english-sample.json";
const SCORES: &str = "english-sample.scores.json";

// Items of fixtures/english-sample.json in report order.
const OBJECTIVES: &str = "overview.objectives"; // the first item, 0–10 step 0.5
const SUMMER: &str = "delivery.children.summer-reading"; // the second
const ATTENDANCE: &str = "delivery.children.early-years.attendance"; // 0–5 step 1

fn at(id: &str) -> String {
    format!("{id} · ")
}

/// `appraise ARGS` without a terminal, in the sandbox.
fn appraise(sb: &Sandbox, args: &[&str]) -> Output {
    crate::support::command()
        .args(args)
        .current_dir(sb.path())
        .env("HOME", sb.path())
        .env("XDG_DATA_HOME", sb.data_home())
        .env("XDG_CONFIG_HOME", sb.config_home())
        .env("LANG", "C.UTF-8")
        .output()
        .expect("runs the binary")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit 2 with one sentence on stderr containing `expected`.
fn assert_refused(out: &Output, expected: &str, what: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{what}: {err}");
    assert_eq!(err.lines().count(), 1, "{what}: one sentence: {err}");
    assert!(err.contains(expected), "{what}: expected {expected:?} in {err}");
    assert!(!err.contains("panicked"), "{what}: {err}");
}

fn english(sb: &Sandbox) {
    sb.copy_fixture(ENGLISH, ENGLISH);
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo {}", path.display());
}

/// A character device like /dev/null, as the path to give the app: one made in the sandbox
/// (1, 3, as `null`) when the tests run as root, who could replace /dev/null itself; else
/// /dev/null, which a wrong replacement could not touch (and would fail on, which the tests see).
fn null_device(sb: &Sandbox) -> String {
    if !crate::support::running_as_root() {
        return "/dev/null".into();
    }
    let path = sb.join("null");
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; makedev only computes a number.
    let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 3)) };
    assert_eq!(made, 0, "mknod {}", path.display());
    "null".into()
}

fn kind(path: &Path) -> String {
    use std::os::unix::fs::FileTypeExt;
    let t = std::fs::symlink_metadata(path).unwrap().file_type();
    match () {
        _ if t.is_symlink() => "link",
        _ if t.is_fifo() => "fifo",
        _ if t.is_char_device() => "char device",
        _ if t.is_dir() => "dir",
        _ if t.is_file() => "file",
        _ => "other",
    }
    .into()
}

/// Reads the FIFO at `path` to its end on a thread of its own.
fn drain(path: &Path) -> std::thread::JoinHandle<Vec<u8>> {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        std::fs::File::open(path).unwrap().read_to_end(&mut bytes).unwrap();
        bytes
    })
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

// 1. Outputs ----------------------------------------------------------------------------------

#[test]
fn every_output_onto_a_fifo_or_device_is_written_into_never_replaced() {
    let sb = Sandbox::new();
    english(&sb);
    sb.copy_fixture("scores/english-sample.scores.json", SCORES);
    sb.copy_fixture("import/shaodong-2022.txt", "r.txt");
    let fifo = sb.join("pipe");
    mkfifo(&fifo);
    let commands: [(&str, Vec<&str>, &str); 6] = [
        ("export csv", vec!["export", ENGLISH, "--format", "csv", "-o", "pipe"], "Total"),
        ("export xlsx", vec!["export", ENGLISH, "--format", "xlsx", "-o", "pipe"], "PK"),
        ("export md", vec!["export", ENGLISH, "--format", "md", "-o", "pipe"], "| "),
        ("merge", vec!["merge", ENGLISH, SCORES, "--format", "csv", "-o", "pipe"], "Alex Morgan"),
        ("import", vec!["import", "r.txt", "-o", "pipe"], "appraise.report/1"),
        ("gen", vec!["gen", "--items", "20", "-o", "pipe"], "appraise.report/1"),
    ];
    for (what, args, expected) in commands {
        let reader = drain(&fifo);
        let out = appraise(&sb, &args);
        assert_eq!(out.status.code(), Some(0), "{what}: {}", stderr(&out));
        let got = String::from_utf8_lossy(&reader.join().unwrap()).into_owned();
        assert!(got.contains(expected), "{what}: the reader got {got:.200}");
        assert_eq!(kind(&fifo), "fifo", "{what}: the FIFO is still a FIFO");
    }
    assert_eq!(names_in(sb.path()).iter().filter(|n| n.ends_with(".tmp")).count(), 0);

    let null = null_device(&sb);
    for (what, args) in [
        ("export csv", vec!["export", ENGLISH, "-o", &null, "--format", "csv"]),
        ("export xlsx", vec!["export", ENGLISH, "-o", &null, "--format", "xlsx"]),
        ("import", vec!["import", "r.txt", "-o", &null]),
        ("gen", vec!["gen", "--items", "5", "-o", &null]),
        ("merge", vec!["merge", ENGLISH, SCORES, "-o", &null]),
    ] {
        let out = appraise(&sb, &args);
        assert_eq!(out.status.code(), Some(0), "{what}: {}", stderr(&out));
        assert_eq!(kind(&sb.join(&null)), "char device", "{what} replaced the device");
    }
}

#[test]
fn outputs_through_links_replace_the_target_and_folders_are_refused() {
    let sb = Sandbox::new();
    english(&sb);
    sb.copy_fixture("import/shaodong-2022.txt", "r.txt");
    std::fs::create_dir(sb.join("sheets")).unwrap();
    sb.write("sheets/real.csv", "old");
    std::os::unix::fs::symlink("sheets/real.csv", sb.join("link.csv")).unwrap();
    let out = appraise(&sb, &["export", ENGLISH, "-o", "link.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(kind(&sb.join("link.csv")), "link", "the link stays a link");
    assert!(std::fs::read_to_string(sb.join("sheets/real.csv")).unwrap().contains("Total"));
    // A dangling link: its target is created.
    std::os::unix::fs::symlink("sheets/new.json", sb.join("new-link.json")).unwrap();
    let out = appraise(&sb, &["gen", "--items", "3", "-o", "new-link.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(read_json(&sb.join("sheets/new.json"))["format"] == "appraise.report/1");

    for (what, args) in [
        ("export", vec!["export", ENGLISH, "-o", "sheets"]),
        ("export xlsx", vec!["export", ENGLISH, "--format", "xlsx", "-o", "sheets"]),
        ("import", vec!["import", "r.txt", "-o", "sheets"]),
        ("gen", vec!["gen", "--items", "3", "-o", "sheets"]),
        ("merge", vec!["merge", ENGLISH, ENGLISH, "-o", "sheets"]),
    ] {
        assert_refused(&appraise(&sb, &args), "sheets: it is a directory, not a file", what);
    }
    assert_refused(
        &appraise(&sb, &["export", ENGLISH, "-o", "no-such-dir/s.csv"]),
        "the folder no-such-dir does not exist",
        "a missing folder",
    );
    assert_eq!(kind(&sb.join("sheets")), "dir");
}

#[test]
fn e_replaces_a_linked_sheets_target_and_keeps_the_link() {
    let sb = Sandbox::new();
    english(&sb);
    std::fs::create_dir(sb.join("out")).unwrap();
    let real = sb.write("out/real.xlsx", "old");
    // The sheet is named for its evaluator (the login, tester).
    let link = sb.join("english-sample.tester.sheet.xlsx");
    std::os::unix::fs::symlink("out/real.xlsx", &link).unwrap();
    let mut app = sb.spawn(&[ENGLISH]);
    app.wait_for(&at(OBJECTIVES));
    app.key("E");
    app.wait_for("Scoring sheet written to");
    assert_eq!(kind(&link), "link", "the link stays a link");
    assert!(std::fs::read(&real).unwrap().starts_with(b"PK"), "its target is the new workbook");
    assert!(sb.join("english-sample.tester.sheet.csv").exists());
    app.key("q");
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn the_scores_file_must_be_a_regular_file_in_a_folder_that_exists() {
    let sb = Sandbox::new();
    english(&sb);
    mkfifo(&sb.join("fifo.scores.json"));
    let out = appraise(&sb, &[ENGLISH, "--scores", "fifo.scores.json"]);
    assert_refused(&out, "it is a FIFO (named pipe), not a regular file", "a FIFO as --scores");
    let out = appraise(&sb, &[ENGLISH, "--scores", "no-such-dir/x.scores.json"]);
    assert_refused(
        &out,
        "cannot keep scores in no-such-dir/x.scores.json: the folder no-such-dir does not exist",
        "a missing folder",
    );
    let out = appraise(&sb, &[ENGLISH, "--scores", "."]);
    assert_refused(&out, "it is a directory", "a folder as --scores");
    let null = null_device(&sb);
    let out = appraise(&sb, &[ENGLISH, "--scores", &null]);
    assert_refused(&out, "it is a character device, not a regular file", "a device as --scores");
    assert_eq!(kind(&sb.join(&null)), "char device");
}

// 2–3. Side files and links ---------------------------------------------------------------

#[test]
fn a_linked_journal_or_lock_is_refused_and_its_target_untouched() {
    for side in ["journal", "lock"] {
        let sb = Sandbox::new();
        english(&sb);
        let precious = sb.write("precious.txt", "keep me");
        let link = sb.join(format!("{SCORES}.{side}"));
        std::os::unix::fs::symlink(&precious, &link).unwrap();
        let mut app = sb.spawn(&[ENGLISH]);
        match app.wait_end() {
            Some(Ok(code)) => assert_eq!(code, 2, "{side}: {}", app.output()),
            other => panic!("{side}: {other:?}\n{}", app.output()),
        }
        let said = app.output();
        assert!(said.contains("is a symbolic link, not a regular file"), "{side}: {said}");
        assert_eq!(std::fs::read_to_string(&precious).unwrap(), "keep me", "{side}: the target is untouched");
        assert_eq!(kind(&link), "link", "{side}: the link is not deleted");
        assert!(!sb.join(SCORES).exists(), "{side}: nothing was saved");
    }
}

#[test]
fn two_names_for_one_scores_file_share_one_lock() {
    let sb = Sandbox::new();
    english(&sb);
    let mut first = sb.spawn(&[ENGLISH]);
    first.wait_for(&at(OBJECTIVES));
    std::os::unix::fs::symlink(SCORES, sb.join("alias.scores.json")).unwrap();
    let mut second = sb.spawn(&[ENGLISH, "--scores", "alias.scores.json"]);
    second.wait_for("is open for scoring by tester");
    second.send("n\r");
    assert_eq!(second.wait_exit(), 2, "{}", second.output());
    first.key("q");
    assert_eq!(first.wait_exit(), 0);
}

#[test]
fn a_hard_link_to_the_scores_file_shares_its_lock() {
    let sb = Sandbox::new();
    english(&sb);
    let mut first = sb.spawn(&[ENGLISH]);
    first.wait_for(&at(OBJECTIVES));
    first.key("7");
    wait_json(&sb.join(SCORES), "the first save", |v| entry(v, OBJECTIVES)["score"] == 7);
    // Another name for the same file, in the same folder, whether it sorts before or after.
    for other in ["a-link.scores.json", "z-link.scores.json"] {
        std::fs::hard_link(sb.join(SCORES), sb.join(other)).unwrap();
        let mut second = sb.spawn(&[ENGLISH, "--scores", other]);
        second.wait_for("is open for scoring by tester");
        second.send("n\r");
        assert_eq!(second.wait_exit(), 2, "{other}: {}", second.output());
        std::fs::remove_file(sb.join(other)).unwrap();
    }
    first.key("q");
    assert_eq!(first.wait_exit(), 0);
}

#[test]
fn a_hard_link_from_another_folder_shares_its_lock() {
    let sb = Sandbox::new();
    english(&sb);
    let mut first = sb.spawn(&[ENGLISH]);
    first.wait_for(&at(OBJECTIVES));
    first.key("7");
    wait_json(&sb.join(SCORES), "the first save", |v| entry(v, OBJECTIVES)["score"] == 7);
    // The scores file as it is now (saved: a new inode), under a name in another folder: one
    // file, one writer.
    std::fs::create_dir_all(sb.join("elsewhere")).unwrap();
    std::fs::hard_link(sb.join(SCORES), sb.join("elsewhere/mine.scores.json")).unwrap();
    let mut second = sb.spawn(&[ENGLISH, "--scores", "elsewhere/mine.scores.json"]);
    second.wait_for("is open for scoring by tester");
    second.send("n\r");
    assert_eq!(second.wait_exit(), 2, "{}", second.output());
    first.key("q");
    assert_eq!(first.wait_exit(), 0);
    // Once the first has gone, the other name opens; no identity lock is left behind.
    let mut third = sb.spawn(&[ENGLISH, "--scores", "elsewhere/mine.scores.json"]);
    third.wait_for("Evaluator tester");
    third.key("q");
    assert_eq!(third.wait_exit(), 0);
    let locks = sb.data_home().join("appraise/locks");
    let left: Vec<_> =
        std::fs::read_dir(&locks).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    assert!(left.is_empty(), "identity locks left behind: {left:?}");
}

#[test]
fn a_lock_held_by_another_user_still_offers_read_only() {
    if !crate::support::running_as_root() {
        // Only root can run the app as another user.
        crate::support::cannot_check("a lock held by another user needs the tests to run as root");
    }
    let sb = Sandbox::new();
    english(&sb);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(sb.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut first = sb.spawn(&[ENGLISH]);
    first.wait_for(&at(OBJECTIVES));
    // The lock file is root's (rw-r--r--): `nobody` can only read it, and still learns who holds it.
    let mut second = sb.spawn_as_ordinary_user(&[ENGLISH]);
    second.wait_for("is open for scoring by tester");
    second.send("y\r");
    second.wait_for("[read-only]");
    second.key("q");
    assert_eq!(second.wait_exit(), 0);
    first.key("q");
    assert_eq!(first.wait_exit(), 0);
}

// 4. Another program's edits --------------------------------------------------------------

/// Another program rewrites the scores file: `edit` changes its JSON.
fn edit_by_hand(path: &Path, edit: impl FnOnce(&mut Value)) {
    let mut v = read_json(path);
    edit(&mut v);
    std::thread::sleep(Duration::from_millis(30)); // past the timestamp granularity
    std::fs::write(path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

fn item_index(file: &Value, id: &str) -> usize {
    file["items"].as_array().unwrap().iter().position(|e| e["id"] == id).unwrap()
}

#[test]
fn another_programs_edits_are_merged_never_silently_reverted() {
    let sb = Sandbox::new();
    english(&sb);
    slow_autosave(&sb);
    let scores = sb.join(SCORES);
    let mut app = sb.spawn(&[ENGLISH]);
    app.wait_for(&at(OBJECTIVES));
    app.key("7");
    wait_json(&scores, "the first save", |v| entry(v, OBJECTIVES)["score"] == 7);
    app.wait_status("saved");

    // A hand-added entry (an id the report does not have) and a note on an item the app never
    // touched: both survive the app's next save, and the app takes the note.
    edit_by_hand(&scores, |v| {
        let k = item_index(v, ATTENDANCE);
        v["items"][k]["note"] = "手工补录的说明".into();
        v["items"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"id": "by-hand", "score": 3, "note": "kept"}));
    });
    app.key("j");
    app.wait_for(&at(SUMMER));
    app.key("5");
    let file = wait_json(&scores, "the merged save", |v| entry(v, SUMMER)["score"] == 5);
    assert_eq!(entry(&file, ATTENDANCE)["note"], "手工补录的说明", "{file:#}");
    assert_eq!(entry(&file, "by-hand")["note"], "kept", "{file:#}");
    assert_eq!(entry(&file, OBJECTIVES)["score"], 7);
    app.wait_for("Another program changed item");

    // Both change one entry: the app's is saved, theirs kept beside it, and it says so. (The
    // app's edit first, then theirs before the app's save — a second later, as configured —
    // or look: theirs arrives on top of an edit the app has not written yet.)
    app.wait_status("saved");
    app.key("9");
    edit_by_hand(&scores, |v| {
        let k = item_index(v, SUMMER);
        v["items"][k]["score"] = 2.into();
    });
    let file = wait_json(&scores, "the conflicting save", |v| entry(v, SUMMER)["score"] == 9);
    assert_eq!(entry(&file, "by-hand")["note"], "kept");
    let conflict = sb.join(format!("{SCORES}.conflict"));
    assert_eq!(entry(&read_json(&conflict), SUMMER)["score"], 2, "theirs, kept");
    app.wait_for("Another program also changed item");

    // A file replaced by something unreadable is not overwritten; once it is good again, the
    // next try saves.
    app.wait_status("saved");
    let good = std::fs::read(&scores).unwrap();
    std::thread::sleep(Duration::from_millis(30));
    std::fs::write(&scores, "{ this is not JSON").unwrap();
    app.key("k");
    app.wait_for(&at(OBJECTIVES));
    app.key("4");
    app.wait_status("NOT SAVED");
    app.wait_for("not overwritten");
    assert_eq!(std::fs::read_to_string(&scores).unwrap(), "{ this is not JSON");
    std::fs::write(&scores, &good).unwrap();
    wait_json(&scores, "the retry", |v| entry(v, OBJECTIVES)["score"] == 4);
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    // No `*.scores.json` scan picks the conflict file up.
    assert!(names_in(sb.path()).iter().filter(|n| n.ends_with(".scores.json")).all(|n| n == SCORES));
}

/// Autosave a second after a change (the most it may wait): another program's edit can be
/// made after the app's and before its save.
fn slow_autosave(sb: &Sandbox) {
    let config = sb.config_home().join("appraise");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "[autosave]\ndelay_ms = 1000\n").unwrap();
}

/// Another program writes the scores file the way a careful script does: a whole new file,
/// renamed into place.
fn write_by_rename(path: &Path, edit: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    edit(&mut v);
    let tmp = path.with_extension("json.tmp-by-script");
    std::fs::write(&tmp, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn a_script_editing_one_item_twice_is_taken_both_times_without_a_key() {
    let sb = Sandbox::new();
    english(&sb);
    let scores = sb.join(SCORES);
    let mut app = sb.spawn(&[ENGLISH]);
    app.wait_for(&at(OBJECTIVES));
    app.key("7");
    wait_json(&scores, "the first save", |v| entry(v, OBJECTIVES)["score"] == 7);
    app.wait_status("saved");
    // Twice, 50 ms apart, on the item the user is on; nobody presses a key.
    for (version, score) in [(1, 3), (2, 4)] {
        write_by_rename(&scores, |v| {
            let k = item_index(v, OBJECTIVES);
            v["items"][k]["score"] = score.into();
            v["items"][k]["note"] = format!("script v{version}").into();
        });
        std::thread::sleep(Duration::from_millis(50));
    }
    // The app takes the second version within a second, and shows it.
    app.wait_for("script v2");
    app.wait_for("4/10");
    // Its next save (of another item) keeps it: the file ends on version 2, with no conflict.
    app.key("j");
    app.wait_for(&at(SUMMER));
    app.key("5");
    let file = wait_json(&scores, "the next save", |v| entry(v, SUMMER)["score"] == 5);
    assert_eq!(entry(&file, OBJECTIVES)["score"], 4, "{file:#}");
    assert_eq!(entry(&file, OBJECTIVES)["note"], "script v2");
    assert!(!names_in(sb.path()).iter().any(|n| n.contains("conflict")), "{:?}", names_in(sb.path()));
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
}

#[test]
fn an_edit_made_while_the_app_was_down_is_merged_with_the_journal() {
    let sb = Sandbox::new();
    english(&sb);
    // A long autosave delay: the score is in the journal, not yet in the file, when killed.
    slow_autosave(&sb);
    let scores = sb.join(SCORES);
    let mut app = sb.spawn(&[ENGLISH]);
    app.wait_for(&at(OBJECTIVES));
    app.key("j");
    app.wait_for(&at(SUMMER));
    app.key("6");
    wait_json(&scores, "the first save", |v| entry(v, SUMMER)["score"] == 6);
    app.key("k");
    app.wait_for(&at(OBJECTIVES));
    app.key("8");
    app.wait_for("8/10");
    app.signal("KILL");
    assert!(matches!(app.wait_end(), Some(Err(_))), "killed");
    // While it is down, another program writes a note on the journal's item, and a score on
    // an item the journal also changed.
    let journal = std::fs::read_to_string(sb.join(format!("{SCORES}.journal"))).unwrap();
    assert!(journal.contains(OBJECTIVES), "the score is journaled: {journal}");
    write_by_rename(&scores, |v| {
        let k = item_index(v, OBJECTIVES);
        v["items"][k]["note"] = "另一个程序写的说明".into();
        v["items"][k]["score"] = 9.into();
    });
    let mut again = sb.spawn(&[ENGLISH]);
    again.wait_for("Recovered unsaved work on 1 item");
    let file = wait_json(&scores, "the replayed save", |v| entry(v, OBJECTIVES)["score"] == 8);
    assert_eq!(entry(&file, OBJECTIVES)["note"], "另一个程序写的说明", "their note is kept: {file:#}");
    assert_eq!(entry(&file, SUMMER)["score"], 6);
    // Both changed the score: theirs is kept beside it, and the start said so.
    let conflict = read_json(&sb.join(format!("{SCORES}.conflict")));
    assert_eq!(entry(&conflict, OBJECTIVES)["score"], 9, "{conflict:#}");
    again.key("q");
    assert_eq!(again.wait_exit(), 0);
    assert!(again.output().contains("yours are kept, theirs are in"), "{}", again.output());
}

// 5. Journal replay -----------------------------------------------------------------------

#[test]
fn journal_lines_that_fail_validation_are_refused_and_kept_aside() {
    let sb = Sandbox::new();
    english(&sb);
    let journal = sb.join(format!("{SCORES}.journal"));
    let lines = [
        format!(r#"{{"id":"{OBJECTIVES}","score":999,"note":"typed before the crash"}}"#),
        format!(r#"{{"id":"{OBJECTIVES}","score":0.3}}"#),
        format!(r#"{{"id":"{SUMMER}","score":-5}}"#),
        format!(r#"{{"id":"{SUMMER}","score":1e308}}"#),
        format!(r#"{{"id":"{ATTENDANCE}","score":3,"note":"good","flagged":false,"updated_at":null}}"#),
    ];
    std::fs::write(&journal, lines.join("\n") + "\n").unwrap();
    let mut app = sb.spawn(&[ENGLISH]);
    app.wait_for("Recovered unsaved work on 1 item");
    let said = app.output();
    assert!(said.contains("4 lines of the recovery journal refused"), "{said}");
    assert!(said.contains("score 999 is above the maximum 10"), "{said}");
    let file = wait_json(&sb.join(SCORES), "the recovered save", |v| entry(v, ATTENDANCE)["score"] == 3);
    assert_eq!(file["summary"]["points"], 3, "no refused score counts: {file:#}");
    assert_eq!(entry(&file, OBJECTIVES)["score"], Value::Null);
    app.key("q");
    assert_eq!(app.wait_exit(), 0);
    let rejected = std::fs::read_to_string(sb.join(format!("{SCORES}.journal.rejected"))).unwrap();
    assert_eq!(rejected.lines().count(), 4, "{rejected}");
    assert!(rejected.contains("typed before the crash"), "the typed note is kept: {rejected}");
    assert!(!journal.exists(), "the journal is emptied and removed");
}

// 6–7. Endings ----------------------------------------------------------------------------

/// The raw output left the alternate screen before `text` was printed.
fn restored_before(app: &Tui, text: &str) {
    let raw = app.raw_output();
    let leave = find_last(&raw, b"\x1b[?1049l")
        .unwrap_or_else(|| panic!("never left the alternate screen:\n{}", app.output()));
    let said =
        find_last(&raw, text.as_bytes()).unwrap_or_else(|| panic!("never said {text:?}:\n{}", app.output()));
    assert!(leave < said, "{text:?} was printed on the raw screen");
    if let Some(cooked) = app.terminal_is_cooked() {
        assert!(cooked, "the terminal was left in raw mode");
    }
}

#[test]
fn a_signal_during_a_long_export_puts_the_terminal_back_first() {
    let sb = Sandbox::new();
    let out = appraise(&sb, &["gen", "--items", "100000", "-o", "big.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut app = sb.spawn(&["big.json"]);
    app.wait_until("the first frame", |s| s.contains("0/100000 scored"))
        .unwrap_or_else(|dump| panic!("{dump}"));
    app.key("E");
    app.wait_for("Writing the scoring sheet");
    app.signal("TERM");
    match app.wait_end() {
        Some(Ok(code)) => assert_eq!(code, 0, "{}", app.output()),
        other => panic!("{other:?}\n{}", app.output()),
    }
    restored_before(&app, "finishing the scoring sheet");
}

#[test]
fn a_file_size_limit_is_a_failed_save_not_a_crash_and_stale_temps_are_cleared() {
    let sb = Sandbox::new();
    english(&sb);
    let ours = sb.write(&format!(".{SCORES}.Ab12Cd.tmp"), "left by a killed save");
    let theirs = sb.write(".other.json.Ab12Cd.tmp", "not ours");
    let mut app = sb.spawn_script(&format!("ulimit -f 1; exec \"$APPRAISE\" {ENGLISH}"), &[]);
    app.wait_for(&at(OBJECTIVES));
    assert!(!ours.exists(), "the stale temp file of this scores file is removed");
    assert!(theirs.exists(), "another file's is not");
    app.key("5");
    app.wait_status("NOT SAVED");
    app.wait_for("ulimit -f");
    assert!(app.is_running(), "SIGXFSZ did not kill it");
    assert!(
        !names_in(sb.path()).iter().any(|n| n.starts_with(&format!(".{SCORES}"))),
        "{:?}",
        names_in(sb.path())
    );
    app.key("q");
    app.wait_for("q again quits WITHOUT saving");
    app.key("q");
    assert_eq!(app.wait_exit(), 1);
    restored_before(&app, "NOT saved");
    assert!(app.output().contains("come back when you open the report again"), "{}", app.output());

    let mut again = sb.spawn(&[ENGLISH]);
    again.wait_for("Recovered unsaved work on 1 item");
    wait_json(&sb.join(SCORES), "the recovered score", |v| entry(v, OBJECTIVES)["score"] == 5);
    again.key("q");
    assert_eq!(again.wait_exit(), 0);
}

// 8. A full disk ----------------------------------------------------------------------------

/// The app with a disk that fills up when `flag` is created (tests/shims/fullfs.c).
fn on_a_disk_that_fills(sb: &Sandbox) -> (Tui, PathBuf) {
    english(sb);
    let shim = build_shim("fullfs", sb.path());
    let flag = sb.join("disk-is-full");
    let mut app = sb.spawn_with_env(
        &[ENGLISH],
        &[("LD_PRELOAD", shim.to_str().unwrap()), ("APPRAISE_FULL_FLAG", flag.to_str().unwrap())],
    );
    app.wait_for(&at(OBJECTIVES));
    (app, flag)
}

#[test]
fn a_full_disk_is_told_as_it_is_and_quitting_asks_twice() {
    let sb = Sandbox::new();
    let (mut app, flag) = on_a_disk_that_fills(&sb);
    app.key("6");
    wait_json(&sb.join(SCORES), "the save before the disk fills", |v| entry(v, OBJECTIVES)["score"] == 6);
    app.wait_status("saved");
    std::fs::write(&flag, "journal tmp").unwrap();
    app.key("j");
    app.key("3");
    app.wait_status("NOT SAVED");
    // The journal's failure stays in the status bar, whatever message comes and goes.
    app.key("k");
    app.key("j");
    std::thread::sleep(Duration::from_millis(400));
    assert!(app.status_bar().contains("✗ JOURNAL"), "{}", app.screen_dump("the journal's failure"));
    app.key("q");
    app.wait_for("Edits to 1 item are on NO disk — q again to go on");
    app.key("q");
    app.wait_for("q again quits and LOSES your edits to 1 item");
    app.key("q");
    assert_eq!(app.wait_exit(), 1);
    let said = app.output();
    let last = said.rsplit("\x1b[?1049l").next().unwrap_or_default();
    assert!(
        last.contains("could not keep your edits to 1 item") && last.contains("those are lost"),
        "{last}"
    );
    assert!(!last.contains("come back when you open"), "no false promise: {last}");
    assert_eq!(entry(&read_json(&sb.join(SCORES)), OBJECTIVES)["score"], 6, "what was saved stays");
}

#[test]
fn ctrl_c_twice_quits_past_every_prompt() {
    let sb = Sandbox::new();
    let (mut app, flag) = on_a_disk_that_fills(&sb);
    std::fs::write(&flag, "journal tmp").unwrap();
    app.key("3");
    app.wait_status("NOT SAVED");
    app.send("\x03");
    app.wait_for("are on NO disk");
    app.send("\x03");
    assert_eq!(app.wait_exit(), 1);
    assert!(app.output().contains("those are lost"), "{}", app.output());
}

// 9. File names with escapes ---------------------------------------------------------------

#[test]
fn file_names_with_escapes_never_reach_the_terminal_raw() {
    let sb = Sandbox::new();
    let name = "r\x1b]0;owned\x07.json";
    sb.copy_fixture(ENGLISH, name);
    // A scores file with a warning to print at start (an entry the report does not have).
    sb.copy_fixture("scores/english-sample.scores.json", "r\x1b]0;owned\x07.scores.json");
    let mut first = sb.spawn(&[name, "--evaluator", "Alex Morgan"]);
    first.wait_for("Esc dismisses");
    let mut second = sb.spawn(&[name, "--evaluator", "Alex Morgan"]);
    second.wait_for("is open for scoring by");
    second.send("n\r");
    assert_eq!(second.wait_exit(), 2);
    first.key("q");
    assert_eq!(first.wait_exit(), 0);
    for (what, app) in [("first", &first), ("second", &second)] {
        let raw = app.raw_output();
        assert!(find_last(&raw, b"\x1b]0;owned").is_none(), "{what}: the escape reached the terminal raw");
        assert!(app.output().contains("r␛]0;owned␇"), "{what}: shown made visible:\n{}", app.output());
    }
    assert!(first.output().contains("Scores saved in"), "{}", first.output());
}

// Typing on a slow disk --------------------------------------------------------------------

#[test]
fn kill_9_right_after_the_last_echo_on_a_slow_disk_loses_nothing() {
    let sb = Sandbox::new();
    english(&sb);
    let shim = build_shim("slowsync", sb.path());
    let mut app = sb.spawn_with_env(&[ENGLISH], &[("LD_PRELOAD", shim.to_str().unwrap())]);
    app.wait_for(&at(OBJECTIVES));
    app.key("a");
    let note = "slow disk 慢盘";
    let mut typed = String::new();
    for c in note.chars() {
        typed.push(c);
        app.send(&c.to_string());
        app.wait_for(&typed);
    }
    app.signal("KILL");
    assert!(matches!(app.wait_end(), Some(Err(_))), "killed");

    let mut again = sb.spawn(&[ENGLISH]);
    again.wait_for("Recovered unsaved work on 1 item");
    again.wait_for(&format!("Note   {note}"));
    again.key("q");
    assert_eq!(again.wait_exit(), 0);
}
