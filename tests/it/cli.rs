//! The command line without a terminal: `check` over every fixture, exit codes and the
//! one-sentence errors that name the file and the place.

use std::path::PathBuf;
use std::process::Output;

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel)
}

fn appraise(args: &[&str]) -> Output {
    crate::support::command().args(args).output().expect("runs the binary")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_accepts_the_fixtures() {
    let out = appraise(&["check", fixture("shaodong-2022.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("valid report \"shaodong-approval-bureau-2022\""), "{stdout}");
    assert!(stdout.contains("59 items"), "{stdout}");

    let out = appraise(&["check", fixture("english-sample.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn check_reports_every_invalid_fixture_with_its_place() {
    let cases = [
        ("syntax-error.json", "line 5, column 3: expected `,` or `}`"),
        ("wrong-types.json", "title: expected a string, found a number (42)"),
        ("wrong-types.json", "sections[0].items[1].max: expected a number, found a string (\"5\")"),
        ("duplicate-ids.json", "sections[0].items[1].id: duplicate id \"s1.1\""),
        ("bad-scale.json", "scale: min (10) must be less than max (5)"),
        ("bad-step.json", "scale.step: must be greater than 0"),
        ("unsupported-format.json", "format: unsupported format \"appraise.report/9\""),
        ("not-utf8.json", "line 13, column 23: the file is not UTF-8 text"),
        ("empty.json", "the file is empty"),
        ("too-deep.json", "line 5, column 134: the JSON is nested too deeply"),
        ("missing-ref.json", "sections[0].items[1].refs[1]: unknown id \"s9.9\""),
        ("missing-fields.json", "sections[0].items[1].text: missing required field"),
        ("not-an-object.json", "(top level): expected an object"),
    ];
    for (file, expected) in cases {
        let path = fixture(&format!("invalid/{file}"));
        let out = appraise(&["check", path.to_str().unwrap()]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
        let line = format!("appraise: {}: {expected}", path.display());
        assert!(
            stderr.lines().any(|l| l.starts_with(&line)),
            "{file}: expected a line starting {line:?}\n{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{file}: {stderr}");
    }
}

#[test]
fn check_with_scores_reports_progress_orphans_and_missing_reasons() {
    let report = fixture("english-sample.json");
    let scores = fixture("scores/english-sample.scores.json");
    let out = appraise(&["check", report.to_str().unwrap(), "--scores", scores.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(stdout.contains("3/8 items scored, 15.75 of 19 points (82.89%)"), "{stdout}");
    assert!(stdout.contains("retired-item"), "{stdout}");
}

#[test]
fn check_lists_items_missing_a_required_reason() {
    let dir = tempfile::tempdir().unwrap();
    let scores = dir.path().join("s.json");
    std::fs::write(
        &scores,
        r#"{"format":"appraise.scores/1","report":{"id":"shaodong-approval-bureau-2022"},
           "items":[{"id":"s2.1.1","score":4},{"id":"s2.1.2","score":3,"note":"佐证不足"}]}"#,
    )
    .unwrap();
    let out = appraise(&[
        "check",
        fixture("shaodong-2022.json").to_str().unwrap(),
        "--scores",
        scores.to_str().unwrap(),
    ]);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("item s2.1.1 is scored 4 of 5 without a reason"), "{stdout}");
    assert!(!stdout.contains("s2.1.2 is scored"), "{stdout}");
}

#[test]
fn export_warns_about_scores_below_full_marks_without_the_required_reason() {
    let dir = tempfile::tempdir().unwrap();
    let scores = dir.path().join("s.json");
    let report = fixture("shaodong-2022.json");
    let export = |scores_json: &str| {
        std::fs::write(&scores, scores_json).unwrap();
        appraise(&["export", report.to_str().unwrap(), "--scores", scores.to_str().unwrap(), "--lang", "en"])
    };
    let out = export(
        r#"{"format":"appraise.scores/1","report":{"id":"shaodong-approval-bureau-2022"},
           "items":[{"id":"s2.1.1","score":4},{"id":"s2.1.2","score":3,"note":"佐证不足"},{"id":"s2.1.3","score":1}]}"#,
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "the sheet is written all the same: {stderr}");
    assert!(
        stderr.contains("warning: 2 scored below full marks without a reason (the first: s2.1.1 "),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("佐证不足"), "the sheet is on stdout");
    let out = export(
        r#"{"format":"appraise.scores/1","report":{"id":"shaodong-approval-bureau-2022"},
           "items":[{"id":"s2.1.1","score":5},{"id":"s2.1.2","score":3,"note":"佐证不足"}]}"#,
    );
    assert!(!text(&out.stderr).contains("without a reason"), "{}", text(&out.stderr));
}

#[test]
fn unreadable_scores_are_refused_and_left_alone() {
    let corrupt = fixture("scores/corrupt.scores.json");
    let before = std::fs::read(&corrupt).unwrap();
    let out = appraise(&[
        "check",
        fixture("english-sample.json").to_str().unwrap(),
        "--scores",
        corrupt.to_str().unwrap(),
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains(&format!("{}: line 28, column 27", corrupt.display())), "{stderr}");
    assert_eq!(std::fs::read(&corrupt).unwrap(), before);

    let other = fixture("scores/english-sample.scores.json");
    let out = appraise(&[
        "check",
        fixture("shaodong-2022.json").to_str().unwrap(),
        "--scores",
        other.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("holds scores for report \"riverside-library-2023\""));
}

#[test]
fn missing_files_directories_and_bad_usage_exit_2() {
    let out = appraise(&["check", "/nonexistent/report.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr).trim(), "appraise: cannot read /nonexistent/report.json: no such file");

    let dir = tempfile::tempdir().unwrap();
    let out = appraise(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("it is a directory"));

    let out = appraise(&["check"]);
    assert_eq!(out.status.code(), Some(2), "clap usage errors are bad input");

    let out = appraise(&["--theme", "neon", fixture("english-sample.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unknown theme \"neon\""));
}

#[test]
fn opening_without_a_terminal_is_refused_cleanly() {
    let out = appraise(&[fixture("english-sample.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("needs an interactive terminal"), "{}", text(&out.stderr));
}

#[test]
fn invalid_report_is_reported_before_any_terminal_use() {
    let out = appraise(&[fixture("invalid/duplicate-ids.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("duplicate id"));
    assert!(out.stdout.is_empty(), "nothing drawn: {:?}", text(&out.stdout));
}

#[test]
fn import_writes_a_report_that_checks_and_text_reports_check_directly() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("shaodong.json");
    let out = appraise(&[
        "import",
        fixture("import/shaodong-2022.txt").to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
        "--rubric",
        fixture("import/rubric-dazhou.csv").to_str().unwrap(),
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("28 items"), "{stderr}");
    let out = appraise(&["check", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("28 items"));

    // A text report is imported on the fly wherever a report is expected.
    let out = appraise(&["check", fixture("import/shaodong-2022.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("31 items"), "{}", text(&out.stdout));
}

#[test]
fn import_reads_big5_and_takes_a_forced_encoding() {
    let big5 = fixture("import/big5.txt");
    let big5 = big5.to_str().unwrap();
    for args in [vec!["import", big5], vec!["import", big5, "--encoding", "big5"]] {
        let out = appraise(&args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.contains("(text, Big5)"), "{args:?}: {stderr}");
    }
    let out = appraise(&["import", big5, "--encoding", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "appraise: --encoding \"nonsense\": not an encoding name (use one such as utf-8, gbk, gb18030, big5, utf-16le, shift_jis)\n"
    );
    let gbk = fixture("import/shaodong-2022.gbk.txt");
    let out = appraise(&["import", gbk.to_str().unwrap(), "--encoding", "utf-16le"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("shaodong-2022.gbk.txt: --encoding says UTF-16LE, but "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(text(&appraise(&["import", gbk.to_str().unwrap()]).stderr).contains("(text, GB18030/GBK)"));
}

#[test]
fn opening_a_document_checks_its_forced_encoding_first() {
    let big5 = fixture("import/big5.txt");
    let out = crate::support::command()
        .args([big5.to_str().unwrap(), "--encoding", "nonsense"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("appraise: --encoding \"nonsense\": not an encoding name"),
        "{}",
        text(&out.stderr)
    );
}

/// The release binary ships stripped (`[profile.release] strip = true` in Cargo.toml).
#[test]
fn release_profile_strips_the_binary() {
    let manifest = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .expect("reads Cargo.toml");
    let manifest: toml::Table = manifest.parse().expect("Cargo.toml parses");
    let strip = manifest
        .get("profile")
        .and_then(|p| p.get("release"))
        .and_then(|r| r.get("strip"))
        .and_then(toml::Value::as_bool);
    assert_eq!(strip, Some(true), "[profile.release] strip = true");
}
