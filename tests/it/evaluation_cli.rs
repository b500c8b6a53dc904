//! An evaluation from the shell: `appraise init DIR` on a folder of three Chinese report texts
//! and the Dazhou rubric (what it writes and says, again after a change), `appraise summary DIR`
//! as text and JSON (ranked by the panel's 评价得分, each evaluator's progress, `--evaluator`),
//! and the bad input: a document that does not import, two documents of one id, scores that no
//! longer fit a changed rubric, a folder that is not an evaluation.

use crate::support::{command, fixtures};
use appraise::scores::{Entry, Scores};
use std::path::{Path, PathBuf};
use std::process::Output;

/// The three reports and the rubric (`评分表.csv`, inside the folder).
const REPORTS: [(&str, &str); 3] = [
    ("import/shaodong-2022.txt", "shaodong-2022.txt"),
    ("import/gov-metadata.txt", "gov-metadata.txt"),
    ("rubric/wild/dazhou-nyj-dept.txt", "dazhou-nyj-dept.txt"),
];

/// A folder holding the three reports and the rubric (not yet an evaluation).
pub(crate) fn folder() -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix("appraise-eval-").tempdir().unwrap();
    for (from, to) in REPORTS {
        std::fs::copy(fixtures().join(from), dir.path().join(to)).unwrap();
    }
    std::fs::copy(fixtures().join("rubric/dazhou.csv"), dir.path().join("评分表.csv")).unwrap();
    dir
}

/// `appraise ARGS` run in `dir` (so paths are said as given).
fn run(dir: &Path, args: &[&str]) -> Output {
    command().args(args).current_dir(dir).output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Runs and asserts success; stdout.
pub(crate) fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert_eq!(out.status.code(), Some(0), "appraise {args:?}: {}", stderr(&out));
    stdout(&out)
}

/// `init . --rubric 评分表.csv --title …` on the folder.
pub(crate) fn init(dir: &Path) -> String {
    ok(dir, &["init", ".", "--rubric", "评分表.csv", "--title", "2024 年度部门整体支出绩效评价"])
}

/// The import of `doc` as the evaluation keeps it.
fn imported(dir: &Path, doc: &str) -> appraise::report::Report {
    appraise::report::load_report(&dir.join(".appraise/reports").join(format!("{doc}.json"))).unwrap()
}

/// `name`'s scores of `doc`, as a review saves them: `doc.NAME.scores.json` beside it, item k
/// scored `value(k, max)` (none where it gives none).
fn score(
    dir: &Path,
    doc: &str,
    name: &str,
    submitted: bool,
    value: impl Fn(usize, f64) -> Option<f64>,
) -> PathBuf {
    let report = imported(dir, doc);
    let mut scores = Scores::new(&report);
    scores.head.evaluator = Some(name.into());
    if submitted {
        scores.head.submitted_at = Some("2026-12-01T08:00:00Z".into());
    }
    for (k, (item, entry)) in report.items.iter().zip(&mut scores.entries).enumerate() {
        if let Some(v) = value(k, item.scale.max) {
            *entry = Entry {
                score: Some(v),
                note: if v < item.scale.max { "佐证材料不足".into() } else { String::new() },
                updated_at: Some("2026-12-01T08:00:00Z".into()),
                ..Entry::default()
            };
        }
    }
    let path = dir.join(format!("{doc}.{name}.scores.json"));
    std::fs::write(&path, appraise::store::scores_json(&report, &scores)).unwrap();
    path
}

/// Two experts on 邵东市行政审批服务局's report (张三 full marks and submitted, 李四 two points
/// off the first item: 评价得分 99); 张三 alone on ten items of 邵东市自然资源局's (all at
/// full marks but the first, at 0: 29 points); nobody yet on the third.
pub(crate) fn scored(dir: &Path) {
    score(dir, "shaodong-2022.txt", "张三", true, |_, max| Some(max));
    score(dir, "shaodong-2022.txt", "李四", false, |k, max| Some(if k == 0 { max - 2.0 } else { max }));
    score(dir, "gov-metadata.txt", "张三", false, |k, max| {
        (k < 10).then_some(if k == 0 { 0.0 } else { max })
    });
}

#[test]
fn init_writes_the_settings_and_says_what_it_found_then_only_what_changed() {
    let dir = folder();
    let said = init(dir.path());
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines[0], "2024 年度部门整体支出绩效评价: 3 reports (./appraise.toml)", "{said}");
    assert_eq!(lines[1], "rubric 评分表.csv: 28 indicators, 100 points", "{said}");
    assert!(said.contains("  dazhou-nyj-dept.txt  (no unit found)       28 items  imported\n"), "{said}");
    assert!(said.contains("  gov-metadata.txt     邵东市自然资源局      28 items  imported\n"), "{said}");
    assert!(said.contains("  shaodong-2022.txt    邵东市行政审批服务局  28 items  imported\n"), "{said}");
    assert!(said.ends_with("score: appraise .; summary: appraise summary .\n"), "{said}");
    assert!(!said.contains("cannot be"), "{said}");

    // The settings, the rubric kept relative to the folder (it can move, or be cloned).
    let toml = std::fs::read_to_string(dir.path().join("appraise.toml")).unwrap();
    assert!(toml.contains("title = \"2024 年度部门整体支出绩效评价\"\n"), "{toml}");
    assert!(toml.contains("rubric = \"评分表.csv\"\n"), "{toml}");
    // Each import kept in .appraise/reports/, the rubric's indicators its items.
    let report = imported(dir.path(), "shaodong-2022.txt");
    assert_eq!(report.items.len(), 28);
    let kept = std::fs::read(dir.path().join(".appraise/reports/shaodong-2022.txt.json")).unwrap();

    // Again, with one report changed: only it is imported again; the others' imports stand as
    // they were, byte for byte; the title stays without --title.
    let text = dir.path().join("gov-metadata.txt");
    let mut changed = std::fs::read_to_string(&text).unwrap();
    changed.push_str("\n本年度无其他说明事项。\n");
    std::fs::write(&text, changed).unwrap();
    let again = ok(dir.path(), &["init", "."]);
    assert!(again.starts_with("2024 年度部门整体支出绩效评价: 3 reports"), "{again}");
    assert!(again.contains("  gov-metadata.txt     邵东市自然资源局      28 items  imported\n"), "{again}");
    assert!(again.contains("  shaodong-2022.txt    邵东市行政审批服务局  28 items  unchanged\n"), "{again}");
    assert!(again.contains("  dazhou-nyj-dept.txt  (no unit found)       28 items  unchanged\n"), "{again}");
    assert_eq!(std::fs::read(dir.path().join(".appraise/reports/shaodong-2022.txt.json")).unwrap(), kept);
    let toml = std::fs::read_to_string(dir.path().join("appraise.toml")).unwrap();
    assert!(toml.contains("rubric = \"评分表.csv\"\n"), "{toml}");
}

#[test]
fn init_of_an_empty_folder_says_where_to_put_the_reports_and_refuses_a_file_or_bad_rubric() {
    let dir = tempfile::tempdir().unwrap();
    let said = ok(dir.path(), &["init", "."]);
    assert!(
        said.contains("no rubric: each report is scored on its own outline (name one with --rubric)"),
        "{said}"
    );
    assert!(
        said.contains(". holds no report documents yet: put the reports (.txt .md .docx .pdf .json) in it"),
        "{said}"
    );
    assert!(dir.path().join("appraise.toml").is_file());

    std::fs::write(dir.path().join("a.txt"), "一、总体情况\n").unwrap();
    let out = run(dir.path(), &["init", "a.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "appraise: a.txt is not a folder: appraise init takes the folder that holds the reports to score\n"
    );

    // A rubric that does not read is refused with its own sentence, and nothing is written.
    let other = folder();
    std::fs::copy(fixtures().join("rubric/no-columns.csv"), other.path().join("坏表.csv")).unwrap();
    let out = run(other.path(), &["init", ".", "--rubric", "坏表.csv"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(stderr(&out).contains("坏表.csv"), "{}", stderr(&out));
    assert!(!other.path().join("appraise.toml").exists());
    assert!(!other.path().join(".appraise").exists());
}

#[test]
fn summary_ranks_the_reports_by_the_panels_score_with_every_evaluators_progress() {
    let dir = folder();
    init(dir.path());
    scored(dir.path());
    let said = ok(dir.path(), &["summary", "."]);
    let expected = "\
2024 年度部门整体支出绩效评价: 3 reports, 2 evaluators

Rank   Score  Grade             Unit · file
   1  99/100  优                邵东市行政审批服务局 · shaodong-2022.txt (28 items)  1 item disagrees
                                  张三  28/28  100  submitted
                                  李四  28/28  98  not submitted
   2  29/100  差 (provisional)  邵东市自然资源局 · gov-metadata.txt (28 items)
                                  张三  10/28  29  not submitted
   –       –  –                 dazhou-nyj-dept.txt (28 items)
                                  nobody has scored it yet
";
    assert_eq!(said, expected);
}

#[test]
fn summary_json_has_every_report_and_evaluator() {
    let dir = folder();
    init(dir.path());
    scored(dir.path());
    let json: serde_json::Value = serde_json::from_str(&ok(dir.path(), &["summary", ".", "--json"])).unwrap();
    assert_eq!(json["format"], "appraise.evaluation/1");
    assert_eq!(json["title"], "2024 年度部门整体支出绩效评价");
    assert_eq!(json["rubric"], "评分表.csv");
    let reports = json["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 3);
    let first = &reports[0];
    assert_eq!(first["file"], "shaodong-2022.txt");
    assert_eq!(first["unit"], "邵东市行政审批服务局");
    assert_eq!((first["items"].as_u64(), first["score"].as_f64()), (Some(28), Some(99.0)));
    assert_eq!((first["grade"].as_str(), first["rank"].as_u64()), (Some("优"), Some(1)));
    assert_eq!(first["provisional"], false);
    let evaluators = first["evaluators"].as_array().unwrap();
    assert_eq!(evaluators.len(), 2);
    assert_eq!(evaluators[0]["name"], "张三");
    assert_eq!(evaluators[0]["file"], "shaodong-2022.txt.张三.scores.json");
    assert_eq!((evaluators[0]["scored"].as_u64(), evaluators[0]["total"].as_f64()), (Some(28), Some(100.0)));
    assert_eq!(evaluators[0]["submitted"], true);
    assert_eq!((evaluators[1]["name"].as_str(), evaluators[1]["total"].as_f64()), (Some("李四"), Some(98.0)));
    assert_eq!(evaluators[1]["submitted"], false);
    let second = &reports[1];
    assert_eq!((second["file"].as_str(), second["rank"].as_u64()), (Some("gov-metadata.txt"), Some(2)));
    assert_eq!((second["grade"].as_str(), second["provisional"].as_bool()), (Some("差"), Some(true)));
    let third = &reports[2];
    assert_eq!(third["file"], "dazhou-nyj-dept.txt");
    assert!(third["unit"].is_null() && third["score"].is_null() && third["rank"].is_null(), "{third}");
    assert_eq!(third["evaluators"], serde_json::json!([]));
}

#[test]
fn one_evaluators_summary_says_which_reports_they_have_left() {
    let dir = folder();
    init(dir.path());
    scored(dir.path());
    let said = ok(dir.path(), &["summary", ".", "--evaluator", "张三"]);
    assert!(said.contains("\n                                  张三  28/28  100  submitted\n"), "{said}");
    assert!(said.contains("\n                                  张三  0/28  not started\n"), "{said}");
    assert!(!said.contains("李四"), "only 张三's progress: {said}");
    assert!(said.ends_with("张三: 2 of the 3 unfinished: gov-metadata.txt, dazhou-nyj-dept.txt\n"), "{said}");
    let said = ok(dir.path(), &["summary", ".", "--evaluator", "李四"]);
    assert!(said.ends_with("李四: 2 of the 3 unfinished: gov-metadata.txt, dazhou-nyj-dept.txt\n"), "{said}");

    let json: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["summary", ".", "--json", "--evaluator", "李四"])).unwrap();
    assert_eq!(json["evaluator"], "李四");
    let names: Vec<Vec<&str>> = json["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["evaluators"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect())
        .collect();
    assert_eq!(names, [["李四"], ["李四"], ["李四"]]);
    let not_started = &json["reports"][1]["evaluators"][0];
    assert_eq!((not_started["scored"].as_u64(), not_started["file"].is_null()), (Some(0), true));
    // The panel's score is still the panel's, whoever asks.
    assert_eq!(json["reports"][0]["score"].as_f64(), Some(99.0));

    // --scores names one report's file: refused for a folder, pointing at --evaluator.
    let out = run(dir.path(), &["summary", ".", "--scores", "x.scores.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("use --evaluator for one evaluator's"), "{}", stderr(&out));
}

#[test]
fn a_document_that_does_not_import_is_listed_with_its_reason_and_the_others_go_on() {
    let dir = folder();
    std::fs::write(dir.path().join("空白.txt"), "").unwrap();
    let said = init(dir.path());
    assert!(said.starts_with("2024 年度部门整体支出绩效评价: 3 reports"), "{said}");
    assert!(
        said.contains("\n1 document cannot be a report (the others are ready):\n  ./空白.txt: the document is empty (there is no text in it)\n"),
        "{said}"
    );
    scored(dir.path());
    let said = ok(dir.path(), &["summary", "."]);
    assert!(said.contains("   1  99/100  优"), "{said}");
    assert!(
        said.ends_with("\n1 document cannot be a report (the others are ready):\n  ./空白.txt: the document is empty (there is no text in it)\n"),
        "{said}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(dir.path(), &["summary", ".", "--json"])).unwrap();
    let last = &json["reports"][3];
    assert_eq!(last["file"], "空白.txt");
    assert_eq!(last["problem"], "./空白.txt: the document is empty (there is no text in it)");
    assert!(last["rank"].is_null());
}

#[test]
fn two_documents_of_one_id_are_refused_naming_both() {
    let dir = folder();
    std::fs::copy(fixtures().join("import/sample.md"), dir.path().join("shaodong-2022.md")).unwrap();
    let said = init(dir.path());
    let sentence =
        "shaodong-2022.md and shaodong-2022.txt would import to one id, shaodong-2022: rename one of them";
    assert!(
        said.contains(&format!("\n2 documents cannot be reports (the others are ready):\n  {sentence}\n")),
        "{said}"
    );
    assert!(said.starts_with("2024 年度部门整体支出绩效评价: 2 reports"), "{said}");
    assert!(!dir.path().join(".appraise/reports/shaodong-2022.txt.json").exists());
    let said = ok(dir.path(), &["summary", "."]);
    assert!(said.contains(&format!("  {sentence}\n")), "{said}");
    assert!(!said.contains("邵东市行政审批服务局"), "neither is a report: {said}");
}

#[test]
fn scores_that_no_longer_fit_a_changed_rubric_are_named() {
    let dir = folder();
    init(dir.path());
    scored(dir.path());
    // The first indicator (相关性) now carries 3 points, and the last one is gone.
    let rubric = dir.path().join("评分表.csv");
    let text = std::fs::read_to_string(&rubric).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[1] = lines[1].replacen(",相关性,5,", ",相关性,3,", 1);
    assert!(lines[1].contains(",相关性,3,"), "{}", lines[1]);
    // The last line is the total (合计), and the indicator before it carries 4 points.
    let gone = lines.remove(lines.len() - 2);
    assert!(gone.starts_with(",,,,") && gone.contains(",4,"), "{gone}");
    let total = lines.len() - 1;
    lines[total] = lines[total].replacen(",100,", ",94,", 1);
    std::fs::write(&rubric, lines.join("\n") + "\n").unwrap();
    let last_id = imported(dir.path(), "shaodong-2022.txt").items.last().unwrap().id.to_string();

    let said = init(dir.path());
    assert!(said.contains("rubric 评分表.csv: 27 indicators, 94 points"), "{said}");
    let mismatch = format!(
        "  shaodong-2022.txt: 张三's scores no longer match the rubric (it changed after scoring): r1.1.1, {last_id}\n"
    );
    assert!(said.contains(&mismatch), "{said}");
    let summary = ok(dir.path(), &["summary", "."]);
    assert!(summary.contains(&mismatch), "{summary}");
    // 李四's 3 of the first item fits its 3 points; 张三 never scored the last item there.
    let li = format!(
        "  shaodong-2022.txt: 李四's scores no longer match the rubric (it changed after scoring): {last_id}\n"
    );
    assert!(summary.contains(&li), "{summary}");
    assert!(!summary.contains("gov-metadata.txt: 张三's"), "{summary}");
    let json: serde_json::Value = serde_json::from_str(&ok(dir.path(), &["summary", ".", "--json"])).unwrap();
    let zhang = &json["reports"][0]["evaluators"][0];
    assert_eq!(zhang["mismatched"], serde_json::json!(["r1.1.1", last_id]));
}

#[test]
fn a_folder_that_is_not_an_evaluation_is_told_to_run_init() {
    let dir = folder();
    for args in [&["summary", "."][..], &["summary", ".", "--json"]] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stdout(&out).is_empty());
        let err = stderr(&out);
        assert!(err.contains("appraise init"), "{err}");
        assert_eq!(err.lines().count(), 1, "one sentence: {err}");
    }
}

#[test]
fn in_chinese_the_summary_speaks_chinese() {
    let dir = folder();
    init(dir.path());
    scored(dir.path());
    let out = command()
        .args(["summary", "."])
        .current_dir(dir.path())
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .unwrap();
    let said = stdout(&out);
    assert!(said.starts_with("2024 年度部门整体支出绩效评价：3 份报告，2 位评价人\n"), "{said}");
    assert!(said.contains("邵东市行政审批服务局 · shaodong-2022.txt（28 项）"), "{said}");
    assert!(said.contains("张三  28/28  100  已提交"), "{said}");
}

#[test]
fn a_scores_file_that_does_not_read_is_named_and_not_counted() {
    let dir = folder();
    init(dir.path());
    scored(dir.path());
    std::fs::write(dir.path().join("gov-metadata.txt.王五.scores.json"), "{").unwrap();
    let said = ok(dir.path(), &["summary", "."]);
    assert!(said.starts_with("2024 年度部门整体支出绩效评价: 3 reports, 3 evaluators\n"), "{said}");
    assert!(
        said.contains("  张三  10/28  29  not submitted\n                                  王五  ✗\n"),
        "{said}"
    );
    assert!(
        said.contains("\n  gov-metadata.txt: 王五's scores file ./gov-metadata.txt.王五.scores.json does not read: line 1, column 1: "),
        "{said}"
    );
    assert!(said.contains("   2  29/100  差 (provisional)"), "the panel's score is 张三's alone: {said}");
}

/// A document of an evaluation opened on its own (`check`, `export`, a review of `DIR/x.txt`)
/// is the evaluation's report — imported with its rubric — so its ids are every evaluator's;
/// the same text outside the folder is a plain import.
#[test]
fn a_document_opened_on_its_own_is_the_evaluations_report() {
    let dir = folder();
    init(dir.path());
    let ours = imported(dir.path(), "shaodong-2022.txt");
    let items = |out: &str| {
        let n = ours.items.len();
        out.contains(&format!("{n} items")) || out.contains(&format!("{n} 个评分项"))
    };
    let inside = ok(dir.path(), &["check", "shaodong-2022.txt"]);
    assert!(items(&inside), "the evaluation's {} items: {inside}", ours.items.len());
    let outside = tempfile::tempdir().unwrap();
    std::fs::copy(dir.path().join("shaodong-2022.txt"), outside.path().join("shaodong-2022.txt")).unwrap();
    let plain = ok(outside.path(), &["check", "shaodong-2022.txt"]);
    assert!(!items(&plain), "a plain import: {plain}");
}
