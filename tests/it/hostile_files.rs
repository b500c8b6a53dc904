//! Files that are not what their names say, and inputs sized to hurt: a FIFO, a device that
//! never ends, a file over its kind's cap — named on the command line, found in a folder, or
//! swapped in under a running app. Nothing blocks, nothing reads without end, nothing is
//! refused with more than one sentence. The real binary; every run has the harness's deadline
//! (a hang fails the test instead of hanging it).

#![cfg(unix)]

use crate::support::{Sandbox, deadline, entry, wait_json};
use std::io::Write;
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

const ENGLISH: &str = "english-sample.json";
const SCORES: &str = "english-sample.scores.json";
const OBJECTIVES: &str = "overview.objectives";

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo {}", path.display());
}

/// A device that reads without end: `/dev/zero` itself, or (as root) one made in the sandbox.
fn zero_device(sb: &Sandbox, name: &str) -> String {
    if !crate::support::running_as_root() {
        return "/dev/zero".into();
    }
    let path = sb.join(name);
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; makedev only computes a number.
    let made = unsafe { libc::mknod(c.as_ptr(), libc::S_IFCHR | 0o666, libc::makedev(1, 5)) };
    assert_eq!(made, 0, "mknod {}", path.display());
    name.into()
}

fn command(sb: &Sandbox, args: &[&str]) -> std::process::Command {
    let mut cmd = crate::support::command();
    cmd.args(args)
        .current_dir(sb.path())
        .env("HOME", sb.path())
        .env("XDG_DATA_HOME", sb.data_home())
        .env("XDG_CONFIG_HOME", sb.config_home())
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Waits for `child` within the harness's deadline; a child still running then is killed and
/// the test fails: it hung.
fn finish(mut child: Child, what: &str) -> Output {
    let end = Instant::now() + deadline();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if Instant::now() >= end {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "{what}: still running after {:?}: it hung\n{}",
                deadline(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn run(sb: &Sandbox, args: &[&str]) -> Output {
    finish(command(sb, args).spawn().unwrap(), &args.join(" "))
}

/// Exit 2, one sentence on stderr naming `file` and containing `why`.
fn assert_refused(out: &Output, file: &str, why: &str, what: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{what}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{what}: one sentence: {err}");
    assert!(err.contains(file) && err.contains(why), "{what}: expected {file:?} and {why:?} in {err}");
}

#[test]
fn a_fifo_or_an_endless_device_as_scores_is_refused_at_once_by_every_command() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    mkfifo(&sb.join("fifo.scores.json"));
    let zero = zero_device(&sb, "zero.scores.json");
    for (file, why) in [("fifo.scores.json", "FIFO"), (zero.as_str(), "device")] {
        for args in [
            vec!["check", ENGLISH, "--scores", file],
            vec!["summary", ENGLISH, "--scores", file],
            vec!["export", ENGLISH, "--scores", file, "--format", "csv"],
            vec!["merge", ENGLISH, file, "--format", "csv"],
        ] {
            let out = run(&sb, &args);
            assert_refused(&out, file, why, &args.join(" "));
        }
    }
}

#[test]
fn a_config_or_theme_that_is_a_fifo_or_endless_is_refused_at_once() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    mkfifo(&sb.join("config.toml"));
    let zero = zero_device(&sb, "zero.toml");
    for config in ["config.toml", zero.as_str()] {
        let out = finish(command(&sb, &["config"]).env("APPRAISE_CONFIG", config).spawn().unwrap(), config);
        assert_eq!(out.status.code(), Some(2), "{config}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
    }
    // A theme named by path is read before the screen starts: refused there.
    let out = run(&sb, &[ENGLISH, "--theme", "./config.toml"]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[test]
fn a_scores_file_over_its_cap_is_refused_in_one_sentence() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    // 70 MB: over the scores files' cap of 64 MB (one long note, as a runaway program writes).
    let mut file = std::fs::File::create(sb.join(SCORES)).unwrap();
    file.write_all(br#"{"format":"appraise.scores/1","report":{"id":"x"},"items":[{"id":"a","note":""#)
        .unwrap();
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..70 {
        file.write_all(&chunk).unwrap();
    }
    file.write_all(br#""}]}"#).unwrap();
    drop(file);
    for args in [vec!["check", ENGLISH, "--scores", SCORES], vec!["summary", ENGLISH]] {
        let out = run(&sb, &args);
        assert_refused(&out, SCORES, "larger than the limit of 64 MB", &args.join(" "));
    }
}

#[test]
fn standard_input_is_read_no_further_than_the_cap() {
    let sb = Sandbox::new();
    let mut child = command(&sb, &["import", "-"]).stdin(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // An endless writer: the import stops reading at the cap and says so; the writer then
    // gets a broken pipe.
    let writer = std::thread::spawn(move || {
        let chunk = "一、概况\n正文。\n".repeat(10_000).into_bytes();
        let mut sent = 0usize;
        while stdin.write_all(&chunk).is_ok() {
            sent += chunk.len();
            if sent > 600 << 20 {
                break; // the app kept reading far past its cap
            }
        }
        sent
    });
    let out = finish(child, "import -");
    let sent = writer.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("larger than the limit of 256 MB"), "{err}");
    assert!(sent < 300 << 20, "read {} MB of standard input", sent >> 20);
}

#[test]
fn a_folder_with_one_broken_scores_file_is_merged_without_it() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    std::fs::create_dir(sb.join("panel")).unwrap();
    sb.copy_fixture("scores/english-sample.scores.json", "panel/a.scores.json");
    sb.write("panel/b.scores.json", "{ not json");
    mkfifo(&sb.join("panel/c.scores.json"));
    let out = run(&sb, &["merge", ENGLISH, "panel", "--format", "csv"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("skipped panel/b.scores.json: it cannot be read as a scores file"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Alex Morgan"));
}

#[test]
fn the_scores_file_swapped_for_a_fifo_under_a_running_review_never_blocks_it() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    let scores = sb.join(SCORES);
    let mut app = sb.spawn(&[ENGLISH]);
    app.wait_for(&format!("{OBJECTIVES} · "));
    app.key("7");
    wait_json(&scores, "the first save", |v| entry(v, OBJECTIVES)["score"] == 7);
    std::fs::remove_file(&scores).unwrap();
    mkfifo(&scores);
    // The next look and the next save meet a FIFO: refused, never waited on.
    app.key("6");
    app.wait_status("NOT SAVED");
    app.wait_for("not a regular file");
    app.key("q");
    app.wait_for("q again");
    app.key("q");
    // Quitting after a failed save is a runtime failure, said as such.
    assert_eq!(app.wait_exit(), 1, "{}", app.output());
    assert!(app.output().contains("NOT saved"), "{}", app.output());
    // The edit is in the journal for the next start.
    let journal = std::fs::read_to_string(sb.join(format!("{SCORES}.journal"))).unwrap();
    assert!(journal.contains("\"score\":6"), "{journal}");
}

#[test]
fn a_member_file_swapped_for_a_fifo_or_an_endless_device_never_freezes_the_chair() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    std::fs::create_dir(sb.join("panel")).unwrap();
    sb.copy_fixture("scores/english-sample.scores.json", "panel/a.scores.json");
    let mut b: serde_json::Value =
        serde_json::from_slice(&std::fs::read(sb.join("panel/a.scores.json")).unwrap()).unwrap();
    b["evaluator"] = "Sam Lee".into();
    sb.write("panel/b.scores.json", serde_json::to_string(&b).unwrap());
    let mut chair = sb.spawn(&["panel", ENGLISH, "panel"]);
    chair.wait_for("Sam Lee");
    // One member's file becomes a FIFO, the other an endless device (as root: a device node in
    // the folder; otherwise a link to /dev/zero).
    std::fs::remove_file(sb.join("panel/a.scores.json")).unwrap();
    mkfifo(&sb.join("panel/a.scores.json"));
    std::fs::remove_file(sb.join("panel/b.scores.json")).unwrap();
    if crate::support::running_as_root() {
        zero_device(&sb, "panel/b.scores.json");
    } else {
        std::os::unix::fs::symlink("/dev/zero", sb.join("panel/b.scores.json")).unwrap();
    }
    // The watcher reads them again within a second or two: refused, and the keys still work.
    std::thread::sleep(Duration::from_millis(2500));
    chair.key("j");
    chair.key("q");
    assert_eq!(chair.wait_exit(), 0, "{}", chair.output());
}

#[test]
fn json_on_standard_output_carries_no_raw_c1_or_bidi_controls() {
    let sb = Sandbox::new();
    sb.copy_fixture("hostile/escapes.json", "r.json");
    sb.copy_fixture("hostile/escapes.scores.json", "r.scores.json");
    sb.copy_fixture("hostile/invalid-escapes.json", "bad.json");
    sb.write("doc.txt", "一、概况\n内容\u{9b}31m，与\u{202e}反转的文字。\n二、成效\n成效明显。\n");
    let raw = ['\u{9b}', '\u{9d}', '\u{9c}', '\u{202e}', '\u{202c}'];
    for args in [
        vec!["check", "bad.json", "--json"],
        vec!["summary", "r.json", "--json"],
        vec!["export", "r.json", "--format", "json"],
        vec!["merge", "r.json", "r.scores.json", "--format", "json"],
        vec!["import", "doc.txt"],
    ] {
        let out = run(&sb, &args);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.is_empty(), "{}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr));
        assert!(!text.contains(raw), "{}: a raw control reaches the terminal", args.join(" "));
        // The report's text is there, escaped (check's messages quote values in their own way;
        // the importer drops such controls from a document).
        let quotes = !matches!(args[0], "check" | "import");
        assert!(!quotes || text.contains("\\u009b"), "{}: escaped, not dropped", args.join(" "));
        serde_json::from_str::<serde_json::Value>(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", args.join(" ")));
    }
}

#[test]
fn utf8_with_one_stray_byte_imports_as_utf8_with_the_byte_named() {
    let sb = Sandbox::new();
    // "项目" in UTF-8 is also valid GBK (椤圭洰); one byte cut out of a character, somewhere.
    let text = format!("一、项目概况\n{}\n二、项目绩效\n{}\n", "项目资金".repeat(400), "项目".repeat(400));
    let mut bytes = text.into_bytes();
    bytes.remove(40);
    std::fs::write(sb.join("r.txt"), &bytes).unwrap();
    let out = run(&sb, &["import", "r.txt"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // Read as UTF-8, and the byte that was not is named as replaced.
    assert!(err.contains("UTF-8") && err.contains("replaced"), "{err}");
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(json.contains("项目资金项目资金") && !json.contains("椤圭洰"), "no mojibake");
}

#[test]
fn hostile_workbooks_are_refused_or_cut_fast_never_aborted() {
    let sb = Sandbox::new();
    sb.copy_fixture("import/shaodong-2022.txt", "r.txt");
    let cases: [(&str, Option<&str>); 6] = [
        // A cell at XFD1048576: read within bounds, the rest named.
        ("far-cell.xlsx", None),
        // 6,000 rows: the first 5,000 read, the cut said.
        ("many-rows.xlsx", None),
        // Shared strings of 512 MB in a 0.5 MB file.
        ("shared-string-bomb.xlsx", Some("more than 32 MB")),
        // DIMENSIONS claiming 2^31 rows.
        ("dimensions-bomb.xls", Some("beyond row 5000")),
        ("mutated-dazhou-1.xls", Some("beyond row 5000")),
        ("mutated-dazhou-2.xls", Some("beyond row 5000")),
    ];
    for (name, refusal) in cases {
        sb.copy_fixture(&format!("hostile/{name}"), name);
        for args in [
            vec!["import", "r.txt", "--rubric", name, "-o", "out.json"],
            vec!["import", name, "-o", "out.json"],
        ] {
            let out = run(&sb, &args);
            let err = String::from_utf8_lossy(&out.stderr);
            let what = args.join(" ");
            assert!(out.status.code().is_some(), "{what}: killed by a signal: {err}");
            match refusal {
                Some(why) => assert_refused(&out, name, why, &what),
                None => {
                    assert_eq!(out.status.code(), Some(0), "{what}: {err}");
                    assert!(err.contains("were not read (the first:"), "{what}: the cut is said: {err}");
                }
            }
        }
    }
}

/// An evaluation's kept import stamp replaced by a FIFO or the zero device: `summary DIR`
/// neither waits on it nor reads without end — it is no stamp, and the document is imported
/// again.
#[test]
fn an_evaluations_stamp_that_is_a_fifo_or_a_device_never_blocks() {
    let sb = Sandbox::new();
    std::fs::create_dir_all(sb.join("ev")).unwrap();
    sb.copy_fixture("import/shaodong-2022.txt", "ev/r.txt");
    std::fs::write(sb.join("ev/appraise.toml"), "title = \"t\"\n").unwrap();
    let out = finish(command(&sb, &["summary", "ev"]).spawn().unwrap(), "summary, first");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stamp = sb.join("ev/.appraise/reports/r.txt.stamp");
    assert!(stamp.is_file(), "the import is kept with its stamp");
    std::fs::remove_file(&stamp).unwrap();
    mkfifo(&stamp);
    let out = finish(command(&sb, &["summary", "ev"]).spawn().unwrap(), "summary with a FIFO stamp");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::remove_file(&stamp).unwrap();
    let zero = zero_device(&sb, "zero");
    std::os::unix::fs::symlink(sb.join(&zero), &stamp).unwrap();
    let out = finish(command(&sb, &["summary", "ev"]).spawn().unwrap(), "summary with a zero-device stamp");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}
