//! Bad input everywhere (issue 6): a table of broken reports and scores files, each run
//! through `appraise check`, the review entry (`appraise REPORT` without a terminal) and, for
//! scores files, the review entry in a pseudo-terminal. Every one must end with exit 2 and
//! one clear line per problem on stderr — `appraise: ` and the file's name — never a panic,
//! never a raw debug dump, and never a change to the file. Inputs are made in per-test
//! temporary directories (the 100 MB ones at test time), so the tests run in parallel.

use crate::support::Sandbox;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

const ENGLISH: &str = "english-sample.json";
/// 100 MB, the size the issue names.
const HUGE: usize = 100 * 1024 * 1024;

/// A small valid report around `item`, the JSON text of one item object.
fn report_with_item(item: &str) -> String {
    format!(
        r#"{{"format": "appraise.report/1", "id": "r", "title": "T",
  "sections": [{{"id": "s1", "title": "S", "items": [{item}]}}]}}
"#
    )
}

/// A small valid report with `max` (raw JSON text) as its one item's `max`.
fn report_with_max(max: &str) -> String {
    report_with_item(&format!(r#"{{"id": "i1", "text": "x", "max": {max}}}"#))
}

/// A scores file for the English sample with `items` (raw JSON text) as its entries.
fn scores_with_items(items: &str) -> String {
    format!(
        r#"{{"format": "appraise.scores/1", "report": {{"id": "riverside-library-2023", "title": "x"}},
  "items": {items}}}
"#
    )
}

/// A scores file for the English sample whose first entry has `score` (raw JSON text).
fn scores_with_score(score: &str) -> String {
    scores_with_items(&format!(r#"[{{"id": "overview.objectives", "score": {score}}}]"#))
}

/// The text of `doc` before and after its one `@@` (where a huge string goes).
fn split_at_marker(doc: &str) -> (String, String) {
    let (head, tail) = doc.split_once("@@").expect("a @@ marker");
    (head.to_string(), tail.to_string())
}

/// `n` pseudo-random bytes (a fixed LCG: the same bytes on every run).
fn random_bytes(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) as u8
        })
        .collect()
}

fn png() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    b.extend_from_slice(b"\0\0\0\rIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82");
    b
}

/// `depth` nested arrays in an unknown field of an otherwise valid report.
fn deep_arrays(depth: usize) -> String {
    format!(r#"{{"id": "r", "title": "T", "sections": [], "x": {}{}}}"#, "[".repeat(depth), "]".repeat(depth))
}

fn deep_objects(depth: usize) -> String {
    format!(
        r#"{{"id": "r", "title": "T", "sections": [], "x": {}1{}}}"#,
        r#"{"a":"#.repeat(depth),
        "}".repeat(depth)
    )
}

/// Sections nested `depth` deep, one item at the bottom (each level is two JSON levels).
fn deep_sections(depth: usize) -> String {
    let mut s = r#"{"id": "leaf", "text": "x"}"#.to_string();
    s = format!(r#"{{"id": "s{depth}", "title": "t", "items": [{s}]}}"#);
    for d in (0..depth).rev() {
        s = format!(r#"{{"id": "s{d}", "title": "t", "sections": [{s}]}}"#);
    }
    format!(r#"{{"id": "r", "title": "T", "sections": [{s}]}}"#)
}

/// Writes `head`, then at least `n` bytes of `fill` repeated, then `tail`, to `path`.
fn write_huge(path: &Path, head: &str, fill: &str, n: usize, tail: &str) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(head.as_bytes()).unwrap();
    let chunk = fill.repeat(((1 << 20) / fill.len()).max(1));
    let mut written = 0;
    while written < n {
        f.write_all(chunk.as_bytes()).unwrap();
        written += chunk.len();
    }
    f.write_all(tail.as_bytes()).unwrap();
    f.flush().unwrap();
}

/// How a case's input file is made in the sandbox.
enum Make {
    Text(String),
    Bytes(Vec<u8>),
    Fixture(&'static str),
    Dir,
    Missing,
    /// A readable file made unreadable (chmod 000). Root reads it all the same, so as root the
    /// case runs as an ordinary user, whose file it is (`support::as_ordinary_user`).
    Unreadable(String),
    /// Made by a function (the huge ones).
    With(fn(&Path)),
}

struct Case {
    name: &'static str,
    make: Make,
    /// How many lines (problems) stderr must have; `None`: at least one.
    lines: Option<usize>,
    /// Something the message must say (lowercase), when it matters which words it uses.
    says: Option<&'static str>,
}

fn case(name: &'static str, make: Make, lines: Option<usize>) -> Case {
    Case { name, make, lines, says: None }
}

fn saying(name: &'static str, make: Make, lines: Option<usize>, says: &'static str) -> Case {
    Case { name, make, lines, says: Some(says) }
}

/// Makes the case's file as `name` in `dir`.
fn make(dir: &Path, name: &str, how: &Make) -> PathBuf {
    let path = dir.join(name);
    match how {
        Make::Text(t) => std::fs::write(&path, t).unwrap(),
        Make::Bytes(b) => std::fs::write(&path, b).unwrap(),
        Make::Fixture(rel) => {
            std::fs::copy(crate::support::fixtures().join(rel), &path).unwrap();
        }
        Make::Dir => std::fs::create_dir(&path).unwrap(),
        Make::Missing => {}
        Make::Unreadable(t) => {
            std::fs::write(&path, t).unwrap();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
            }
        }
        Make::With(f) => f(&path),
    }
    path
}

impl Make {
    /// Whether the case runs as an ordinary user (see [`Make::Unreadable`]).
    fn as_ordinary_user(&self) -> bool {
        matches!(self, Make::Unreadable(_))
    }
}

/// Runs `appraise ARGS` without a terminal (stdin empty, stdout and stderr piped).
fn run(sb: &Sandbox, args: &[&str]) -> Output {
    run_as(sb, false, args)
}

/// [`run`] for case `c`: as an ordinary user when it needs one.
fn run_case(sb: &Sandbox, c: &Case, args: &[&str]) -> Output {
    run_as(sb, c.make.as_ordinary_user(), args)
}

fn run_as(sb: &Sandbox, ordinary_user: bool, args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_appraise");
    let mut cmd = if ordinary_user {
        sb.give_to_ordinary_user();
        crate::support::as_ordinary_user(bin)
    } else {
        std::process::Command::new(bin)
    };
    cmd.args(args)
        .current_dir(sb.path())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()))
        .env("HOME", sb.path())
        .env("XDG_DATA_HOME", sb.data_home())
        .env("XDG_CONFIG_HOME", sb.config_home())
        .env("USER", "tester")
        .env("LANG", "C.UTF-8")
        // The environment is cleared: the messages are pinned to English again (a C locale
        // would leave the language to the report, and some of these reports are Chinese).
        .env("LC_ALL", crate::support::PINNED_LOCALE)
        .env("RUST_BACKTRACE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("run appraise")
}

/// What no error output may contain: a panic, a backtrace, a Rust debug dump.
const NEVER: &[&str] = &[
    "panicked",
    "stack backtrace",
    "RUST_BACKTRACE",
    "Error {",
    "Os {",
    "kind:",
    "code:",
    "Custom {",
    "thread '",
];

/// The common checks on an error exit: status 2, one line per problem, each starting with
/// `appraise: ` and naming `file`; nothing a user should not see. Returns the problem lines.
fn check_error(what: &str, status: Option<i32>, stderr: &str, file: &Path, c: &Case) -> Vec<String> {
    assert_eq!(status, Some(2), "{what}: exit status; stderr:\n{stderr}");
    for bad in NEVER {
        assert!(!stderr.contains(bad), "{what}: stderr has {bad:?}:\n{stderr}");
    }
    let lines: Vec<String> = stderr
        .lines()
        .map(|l| l.trim_end_matches('\r').to_string())
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!lines.is_empty(), "{what}: nothing on stderr");
    if let Some(n) = c.lines {
        assert_eq!(lines.len(), n, "{what}: want {n} line(s), one per problem:\n{stderr}");
    }
    let name = file.file_name().unwrap().to_string_lossy();
    for line in &lines {
        assert!(line.starts_with("appraise: "), "{what}: a line without `appraise: `: {line:?}\n{stderr}");
        assert!(line.contains(name.as_ref()), "{what}: a line that does not name {name}: {line:?}");
        // One clear sentence, not a dump of the input (the 100 MB cases).
        assert!(line.len() < 600, "{what}: a {} byte line: {}…", line.len(), &line[..200]);
        assert!(!line.contains('\x1b'), "{what}: an escape character in {line:?}");
    }
    println!("{what}:\n  {}", lines.join("\n  "));
    if let Some(says) = c.says {
        assert!(stderr.to_lowercase().contains(says), "{what}: the message should say {says:?}:\n{stderr}");
    }
    lines
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Each report case through `check` and through the review entry without a terminal.
fn run_report_cases(cases: &[Case]) {
    for c in cases {
        let sb = Sandbox::new();
        for d in [sb.data_home(), sb.config_home()] {
            std::fs::create_dir_all(d).unwrap();
        }
        let report = make(sb.path(), "report.json", &c.make);
        let before = std::fs::read(&report).ok();
        let arg = report.to_str().unwrap();

        let out = run_case(&sb, c, &["check", arg]);
        let what = format!("check, {}", c.name);
        check_error(&what, out.status.code(), &text(&out.stderr), &report, c);
        assert!(!text(&out.stdout).contains("valid report"), "{what}: stdout:\n{}", text(&out.stdout));

        let out = run_case(&sb, c, &[arg]);
        let what = format!("review entry without a terminal, {}", c.name);
        check_error(&what, out.status.code(), &text(&out.stderr), &report, c);
        assert!(out.stdout.is_empty(), "{what}: stdout is not empty:\n{}", text(&out.stdout));

        assert_eq!(std::fs::read(&report).ok(), before, "{}: the report was changed", c.name);
        let scores = sb.join("report.scores.json");
        assert!(!scores.exists(), "{}: a scores file was written for a bad report", c.name);
    }
}

/// Each scores case against the (valid) English sample: through `check --scores` and the
/// review entry in a pseudo-terminal (where the scores file is read before the full screen).
fn run_scores_cases(cases: &[(Case, bool)]) {
    for (c, in_tui) in cases {
        let sb = Sandbox::new();
        for d in [sb.data_home(), sb.config_home()] {
            std::fs::create_dir_all(d).unwrap();
        }
        sb.copy_fixture(ENGLISH, ENGLISH);
        let scores = make(sb.path(), "english-sample.scores.json", &c.make);
        let before = std::fs::read(&scores).ok();
        let arg = scores.to_str().unwrap();

        let out = run_case(&sb, c, &["check", ENGLISH, "--scores", arg]);
        let what = format!("check --scores, {}", c.name);
        check_error(&what, out.status.code(), &text(&out.stderr), &scores, c);
        assert_eq!(std::fs::read(&scores).ok(), before, "{what}: the scores file was changed");

        if *in_tui {
            let args = [ENGLISH, "--scores", arg];
            let mut app = if c.make.as_ordinary_user() {
                sb.give_to_ordinary_user();
                sb.spawn_as_ordinary_user(&args)
            } else {
                sb.spawn(&args)
            };
            let code = app.wait_exit();
            let out = app.output();
            let what = format!("review entry in a terminal, {}", c.name);
            assert!(!out.contains("\x1b[?1049h"), "{what}: went full-screen before refusing:\n{out}");
            check_error(&what, Some(code as i32), &out, &scores, c);
            assert_eq!(std::fs::read(&scores).ok(), before, "{what}: the scores file was changed");
            let left: Vec<String> = std::fs::read_dir(sb.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains(".lock") || n.contains(".journal") || n.ends_with(".tmp"))
                .collect();
            assert!(left.is_empty(), "{what}: left behind: {left:?}");
        }
    }
}

#[test]
fn bad_reports_are_refused_with_one_clear_line_per_problem() {
    let valid = std::fs::read_to_string(crate::support::fixtures().join(ENGLISH)).unwrap();
    let cases = [
        saying(
            "invalid JSON (a missing comma)",
            Make::Text(r#"{"id": "r", "title": "T" "sections": []}"#.into()),
            Some(1),
            "line 1, column",
        ),
        case("invalid JSON (cut short)", Make::Text(valid[..valid.len() / 2].to_string()), Some(1)),
        case("invalid JSON (the syntax-error fixture)", Make::Fixture("invalid/syntax-error.json"), Some(1)),
        case(
            "invalid JSON (trailing comma)",
            Make::Text(r#"{"id": "r", "title": "T", "sections": [],}"#.into()),
            Some(1),
        ),
        case("invalid JSON (single quotes)", Make::Text("{'id': 'r'}".into()), Some(1)),
        case(
            "invalid JSON (a lone surrogate escape)",
            Make::Text(report_with_item(r#"{"id": "i", "text": "\ud800"}"#)),
            Some(1),
        ),
        case(
            "invalid JSON (a raw control character in a string)",
            Make::Text(report_with_item("{\"id\": \"i\", \"text\": \"a\u{1}b\"}")),
            Some(1),
        ),
        case(
            "wrong types (the wrong-types fixture: two problems)",
            Make::Fixture("invalid/wrong-types.json"),
            Some(2),
        ),
        case(
            "wrong types (sections is an object)",
            Make::Text(r#"{"id": "r", "title": "T", "sections": {}}"#.into()),
            Some(1),
        ),
        case("wrong types (an item is a string)", Make::Text(report_with_item(r#""item""#)), Some(1)),
        case("wrong types (max is a boolean)", Make::Text(report_with_max("true")), Some(1)),
        case(
            "wrong types (text is null)",
            Make::Text(report_with_item(r#"{"id": "i", "text": null}"#)),
            Some(1),
        ),
        case("not an object (an array)", Make::Fixture("invalid/not-an-object.json"), Some(1)),
        case("not an object (a bare string)", Make::Text(r#""report""#.into()), Some(1)),
        case("not an object (null)", Make::Text("null".into()), Some(1)),
        case("empty file", Make::Text(String::new()), Some(1)),
        case("only whitespace", Make::Text(" \n\t\n".into()), Some(1)),
        case("unsupported format", Make::Fixture("invalid/unsupported-format.json"), Some(1)),
        saying("huge number 1e400", Make::Text(report_with_max("1e400")), Some(1), "out of range"),
        case("huge number -1e400", Make::Text(report_with_max("-1e400")), Some(1)),
        case(
            "huge number 1e400 in an unknown field",
            Make::Text(report_with_item(r#"{"id": "i", "text": "x", "zz": 1e400}"#)),
            Some(1),
        ),
        case(
            "huge number: 400 digits",
            Make::Text(report_with_max(&format!("1{}", "0".repeat(400)))),
            Some(1),
        ),
        case("NaN literal", Make::Text(report_with_max("NaN")), Some(1)),
        case("Infinity literal", Make::Text(report_with_max("Infinity")), Some(1)),
        case("-Infinity literal", Make::Text(report_with_max("-Infinity")), Some(1)),
        case("NaN as a string where a number belongs", Make::Text(report_with_max(r#""NaN""#)), Some(1)),
        saying(
            "nesting beyond the parser's limit (the too-deep fixture)",
            Make::Fixture("invalid/too-deep.json"),
            Some(1),
            "nested too deeply",
        ),
        case("nesting: 100 000 arrays", Make::Text(deep_arrays(100_000)), Some(1)),
        case("nesting: 100 000 objects", Make::Text(deep_objects(100_000)), Some(1)),
        case("nesting: sections 100 deep", Make::Text(deep_sections(100)), Some(1)),
        saying("binary: random bytes", Make::Bytes(random_bytes(64 * 1024, 6)), Some(1), "utf-8"),
        case("binary: a PNG image", Make::Bytes(png()), Some(1)),
        case("binary: NUL bytes", Make::Bytes(vec![0; 4096]), Some(1)),
        case(
            "binary: UTF-16 JSON with a BOM",
            Make::Bytes({
                let mut b = vec![0xff, 0xfe];
                b.extend(r#"{"id": "r"}"#.encode_utf16().flat_map(u16::to_le_bytes));
                b
            }),
            Some(1),
        ),
        case("not UTF-8 (the not-utf8 fixture)", Make::Fixture("invalid/not-utf8.json"), Some(1)),
        saying("a directory", Make::Dir, Some(1), "directory"),
        saying("a missing file", Make::Missing, Some(1), "no such file"),
        saying("permission denied", Make::Unreadable(valid.clone()), Some(1), "permission denied"),
        case("a scores file given as the report", Make::Fixture("scores/english-sample.scores.json"), None),
    ];
    run_report_cases(&cases);
}

#[test]
fn bad_scores_files_are_refused_and_never_overwritten() {
    let english =
        std::fs::read_to_string(crate::support::fixtures().join("scores/english-sample.scores.json"))
            .unwrap();
    let report_text = std::fs::read_to_string(crate::support::fixtures().join(ENGLISH)).unwrap();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let id = "overview.objectives";
    let twice = format!(r#"[{{"id": "{id}", "score": 1}}, {{"id": "{id}", "score": 2}}]"#);
    let cases = [
        (
            saying(
                "a scores file for another report",
                Make::Text(english.replace("riverside-library-2023", "another-report-2024")),
                Some(1),
                "another-report-2024",
            ),
            true,
        ),
        (
            case(
                "a scores file of the Shaodong sample",
                Make::Text(english.replace("riverside-library-2023", "shaodong-approval-bureau-2022")),
                Some(1),
            ),
            true,
        ),
        (case("not a scores file: the report itself", Make::Text(report_text), Some(1)), true),
        (case("not a scores file: an array", Make::Text("[1, 2]".into()), Some(1)), true),
        (case("not a scores file: no format", Make::Text(r#"{"items": []}"#.into()), Some(1)), true),
        (
            case(
                "not a scores file: another format",
                Make::Text(english.replace("appraise.scores/1", "appraise.scores/9")),
                Some(1),
            ),
            true,
        ),
        (case("not a scores file: random bytes", Make::Bytes(random_bytes(8192, 7)), Some(1)), true),
        (case("not a scores file: a PNG image", Make::Bytes(png()), Some(1)), true),
        (case("empty", Make::Text(String::new()), Some(1)), true),
        (
            case("invalid JSON (the corrupt fixture)", Make::Fixture("scores/corrupt.scores.json"), Some(1)),
            true,
        ),
        (case("wrong types: a score as a string", Make::Text(scores_with_score(r#""7""#)), Some(1)), true),
        (
            case("wrong types: items is an object", Make::Text(scores_with_items(r#"{"a": 1}"#)), Some(1)),
            true,
        ),
        (case("huge number 1e400", Make::Text(scores_with_score("1e400")), Some(1)), true),
        (case("NaN literal", Make::Text(scores_with_score("NaN")), Some(1)), true),
        (case("Infinity literal", Make::Text(scores_with_score("-Infinity")), Some(1)), true),
        (case("nesting beyond the parser's limit", Make::Text(scores_with_score(&deep)), Some(1)), true),
        (case("two entries for one item", Make::Text(scores_with_items(&twice)), Some(1)), true),
        (saying("a directory", Make::Dir, Some(1), "directory"), true),
        // The review entry starts a new scores file where there is none: only check refuses.
        (saying("a missing file", Make::Missing, Some(1), "no such file"), false),
        (saying("permission denied", Make::Unreadable(english.clone()), Some(1), "permission denied"), true),
    ];
    run_scores_cases(&cases);
}

// 100 MB inputs: made at test time, never kept.

fn huge_item_text(path: &Path) {
    let (head, tail) = split_at_marker(&report_with_item(r#"{"id": "i1", "text": "@@"}"#));
    write_huge(path, &head, "评分标准 abc ", HUGE, &tail);
}

fn huge_string_for_a_number(path: &Path) {
    let (head, tail) = split_at_marker(&report_with_max(r#""@@""#));
    write_huge(path, &head, "a", HUGE, &tail);
}

fn huge_unterminated_string(path: &Path) {
    write_huge(path, r#"{"id": "r", "title": ""#, "a", HUGE, "");
}

fn huge_duplicate_id(path: &Path) {
    let id = "d".repeat(HUGE / 2);
    let items = format!(r#"{{"id": "{id}", "text": "x"}}, {{"id": "{id}", "text": "y"}}"#);
    std::fs::write(path, report_with_item(&items)).unwrap();
}

fn huge_note(path: &Path) {
    let (head, tail) =
        split_at_marker(&scores_with_items(r#"[{"id": "overview.objectives", "score": 5, "note": "@@"}]"#));
    write_huge(path, &head, "扣分原因 ", HUGE, &tail);
}

#[test]
fn a_100_mb_string_is_handled_or_refused_clearly_never_a_crash() {
    // Invalid because of the huge string: refused with a short message, never the string.
    run_report_cases(&[
        case("100 MB string where a number belongs", Make::With(huge_string_for_a_number), Some(1)),
        case("100 MB unterminated string", Make::With(huge_unterminated_string), Some(1)),
        case("100 MB duplicate ids", Make::With(huge_duplicate_id), Some(1)),
    ]);

    // Valid: a report whose one item's text is 100 MB, and a scores file with a 100 MB note.
    // `check` either accepts them or says clearly why not; it never crashes.
    let sb = Sandbox::new();
    let report = sb.join("huge.json");
    huge_item_text(&report);
    assert!(std::fs::metadata(&report).unwrap().len() >= HUGE as u64);
    let scores = sb.join("huge-note.scores.json");
    huge_note(&scores);
    let english = sb.copy_fixture(ENGLISH, ENGLISH);
    for (what, args) in [
        ("check of a report with a 100 MB item text", vec!["check", report.to_str().unwrap()]),
        (
            "check of a scores file with a 100 MB note",
            vec!["check", english.to_str().unwrap(), "--scores", scores.to_str().unwrap()],
        ),
    ] {
        let out = run(&sb, &args);
        let stderr = text(&out.stderr);
        match out.status.code() {
            Some(0) => {
                let stdout = text(&out.stdout);
                assert!(stdout.contains("valid"), "{what}: exit 0 but stdout says:\n{stdout}");
                assert!(stdout.len() < 2000, "{what}: {} bytes of output", stdout.len());
            }
            Some(2) => {
                let file = if what.contains("note") { &scores } else { &report };
                check_error(what, Some(2), &stderr, file, &case("", Make::Missing, None));
            }
            other => panic!("{what}: exit {other:?} (a crash?):\n{}", &stderr[..stderr.len().min(2000)]),
        }
        for bad in NEVER {
            assert!(!stderr.contains(bad), "{what}: {bad:?} in stderr:\n{stderr}");
        }
    }
}

/// The parser's nesting limit is not too low: 16 levels of sections (the format's minimum, docs/formats.md)
/// and a few more are a valid report.
#[test]
fn sections_nested_16_and_40_deep_are_valid() {
    for depth in [16, 40] {
        let sb = Sandbox::new();
        sb.write("deep.json", deep_sections(depth));
        let out = run(&sb, &["check", "deep.json"]);
        assert_eq!(out.status.code(), Some(0), "{depth} levels: {}", text(&out.stderr));
    }
}

/// Valid input at the edges of what numbers can hold: accepted or refused, but cleanly.
#[test]
fn extreme_numbers_in_valid_places_never_crash() {
    let inputs = [
        (
            "max 1e308 on two items",
            report_with_item(
                r#"{"id": "a", "text": "x", "max": 1e308}, {"id": "b", "text": "y", "max": 1e308}"#,
            ),
        ),
        ("max -1e308..1e308", report_with_item(r#"{"id": "a", "text": "x", "min": -1e308, "max": 1e308}"#)),
        ("a subnormal step", report_with_item(r#"{"id": "a", "text": "x", "step": 5e-324}"#)),
        (
            "a step larger than the scale",
            report_with_item(r#"{"id": "a", "text": "x", "max": 1, "step": 1e300}"#),
        ),
        (
            "grades at 1e308",
            report_with_item(r#"{"id": "a", "text": "x"}"#).replacen(
                r#""title": "T","#,
                r#""title": "T", "grades": [{"min": 1e308, "label": "A"}, {"min": -1e308, "label": "F"}],"#,
                1,
            ),
        ),
        ("self score -0", report_with_item(r#"{"id": "a", "text": "x", "self_score": -0.0}"#)),
        ("u64 max as max", report_with_max("18446744073709551615")),
        (
            "i64 min as min",
            report_with_item(r#"{"id": "a", "text": "x", "min": -9223372036854775808, "max": 0}"#),
        ),
    ];
    for (what, report_text) in inputs {
        let sb = Sandbox::new();
        let report = sb.write("r.json", &report_text);
        let scores = sb.write(
            "r.scores.json",
            scores_with_items(r#"[{"id": "a", "score": 1e308}, {"id": "b", "score": -1e308}]"#)
                .replace("riverside-library-2023", "r"),
        );
        for args in [vec!["check", "r.json"], vec!["check", "r.json", "--scores", "r.scores.json"]] {
            let out = run(&sb, &args);
            let stderr = text(&out.stderr);
            let code = out.status.code();
            assert!(matches!(code, Some(0 | 2)), "{what}: {args:?} exit {code:?}:\n{stderr}");
            for bad in NEVER {
                assert!(!stderr.contains(bad), "{what}: {args:?}: {bad:?} in stderr:\n{stderr}");
            }
            for line in stderr.lines() {
                assert!(line.starts_with("appraise: "), "{what}: {args:?}: {line:?}");
            }
        }
        let _ = (report, scores);
    }
}
