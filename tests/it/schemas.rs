//! The published JSON Schemas (`docs/schema/`) hold for every file the app reads and writes:
//! the report fixtures, every report the importer and the generator make, the scores fixtures
//! and a scores file the app saves, and the sheets `export` and `merge` write as JSON. A JSON
//! output added later gets its schema, and a case here, in the same change.

use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The schema `docs/schema/NAME.json`, compiled.
struct Schema {
    name: &'static str,
    schemas: boon::Schemas,
    id: boon::SchemaIndex,
}

impl Schema {
    fn load(name: &'static str) -> Schema {
        let path = root().join("docs/schema").join(format!("{name}.json"));
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let url = value["$id"].as_str().expect("every schema has an $id").to_string();
        let mut compiler = boon::Compiler::new();
        compiler.add_resource(&url, value).unwrap();
        let mut schemas = boon::Schemas::new();
        let id = compiler.compile(&url, &mut schemas).unwrap_or_else(|e| panic!("{name}: {e:#}"));
        Schema { name, schemas, id }
    }

    fn check(&self, what: &str, json: &str) {
        let value: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{what}: not JSON: {e}"));
        if let Err(e) = self.schemas.validate(&value, self.id) {
            panic!("{what} does not follow docs/schema/{}.json:\n{e:#}", self.name);
        }
    }

    fn refuses(&self, what: &str, json: &str) {
        let value: Value = serde_json::from_str(json).unwrap();
        assert!(
            self.schemas.validate(&value, self.id).is_err(),
            "{what}: docs/schema/{}.json accepts it",
            self.name
        );
    }

    fn check_file(&self, path: &Path) {
        self.check(&path.display().to_string(), &std::fs::read_to_string(path).unwrap());
    }
}

fn appraise(args: &[&str]) -> String {
    let out = crate::support::command().args(args).current_dir(root()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "appraise {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_report_read_or_written_follows_the_report_schema() {
    let schema = Schema::load("report-1");
    for name in ["shaodong-2022.json", "english-sample.json", "hostile/escapes.json"] {
        schema.check_file(&root().join("fixtures").join(name));
    }
    for (items, seed) in [(1, 1), (57, 7), (1000, 42)] {
        schema.check(
            &format!("gen --items {items} --seed {seed}"),
            &appraise::generate::report_json(items, seed),
        );
    }
    let import = root().join("fixtures/import");
    let mut imported = 0;
    for entry in std::fs::read_dir(&import).unwrap() {
        let path = entry.unwrap().path();
        if appraise::import::is_importable(&path) {
            let made = appraise::import::import_file(&path, &appraise::import::Options::default())
                .unwrap_or_else(|e| panic!("{e}"));
            schema.check(&format!("the import of {}", path.display()), &made.json);
            imported += 1;
        }
    }
    assert!(imported >= 10, "the import fixtures: {imported}");
    // With a rubric too.
    let rubric = appraise::import::RubricFile {
        name: "rubric-dazhou.csv".into(),
        bytes: std::fs::read(import.join("rubric-dazhou.csv")).unwrap(),
        sheet: None,
    };
    let options = appraise::import::Options { rubric: Some(rubric), ..Default::default() };
    let made = appraise::import::import_file(&import.join("shaodong-2022.txt"), &options).unwrap();
    schema.check("the import with a rubric", &made.json);
    // What the format refuses, the schema refuses.
    for invalid in ["wrong-types.json", "missing-fields.json", "unsupported-format.json", "bad-step.json"] {
        schema.refuses(
            invalid,
            &std::fs::read_to_string(root().join("fixtures/invalid").join(invalid)).unwrap(),
        );
    }
}

#[test]
fn every_scores_file_read_or_saved_follows_the_scores_schema() {
    let schema = Schema::load("scores-1");
    for entry in std::fs::read_dir(root().join("fixtures/scores")).unwrap() {
        let path = entry.unwrap().path();
        if !path.ends_with("corrupt.scores.json") {
            schema.check_file(&path);
        }
    }
    schema.check_file(&root().join("fixtures/hostile/escapes.scores.json"));
    // A file as the app saves it: every field it writes.
    let report =
        appraise::report::parse_report(std::fs::read(root().join("fixtures/english-sample.json")).unwrap())
            .unwrap();
    let mut scores = appraise::scores::Scores::new(&report);
    scores.head.evaluator = Some("张三".into());
    scores.entries[0] = appraise::scores::Entry {
        score: Some(7.5),
        note: "佐证材料不足".into(),
        flagged: true,
        updated_at: Some("2026-11-26T03:00:00Z".into()),
        extra: Default::default(),
    };
    schema.check("a saved scores file", &appraise::store::scores_json(&report, &scores));
    scores.head.submitted_at = Some("2026-11-26T03:00:00Z".into());
    scores.head.reopened_at = Some("2026-11-27T03:00:00Z".into());
    scores.head.handovers.push(appraise::scores::Handover {
        from: "张三".into(),
        to: "李四".into(),
        at: "2026-11-25T03:00:00Z".into(),
        extra: Default::default(),
    });
    schema.check(
        "a submitted, reopened, handed-over scores file",
        &appraise::store::scores_json(&report, &scores),
    );
    schema.refuses(
        "a handover without its time",
        r#"{"format": "appraise.scores/1", "report": {"id": "r"}, "items": [], "handovers": [{"from": "a", "to": "b"}]}"#,
    );
    schema.refuses("a scores file without format", r#"{"report": {"id": "r"}, "items": []}"#);
    schema.refuses(
        "a score as text",
        r#"{"format": "appraise.scores/1", "report": {"id": "r"}, "items": [{"id": "a", "score": "5"}]}"#,
    );
}

#[test]
fn every_sheet_written_as_json_follows_its_schema() {
    let sheet = Schema::load("sheet-1");
    let panel = Schema::load("panel-1");
    let en = "fixtures/english-sample.json";
    let zh = "fixtures/shaodong-2022.json";
    sheet.check(
        "export english",
        &appraise(&[
            "export",
            en,
            "--scores",
            "fixtures/scores/english-sample.scores.json",
            "--format",
            "json",
        ]),
    );
    sheet.check(
        "export shaodong",
        &appraise(&[
            "export",
            zh,
            "--scores",
            "fixtures/scores/shaodong-2022.zhangsan.scores.json",
            "--format",
            "json",
        ]),
    );
    let zh_panel = [
        "fixtures/scores/shaodong-2022.zhangsan.scores.json",
        "fixtures/scores/shaodong-2022.lisi.scores.json",
        "fixtures/scores/shaodong-2022.wangwu.scores.json",
    ];
    let mut args = vec!["merge", zh];
    args.extend(zh_panel);
    args.extend(["--format", "json"]);
    panel.check("merge shaodong", &appraise(&args));
    panel.check(
        "merge english",
        &appraise(&[
            "merge",
            en,
            "fixtures/scores/english-sample.scores.json",
            "fixtures/scores/english-sample.sam.scores.json",
            "fixtures/scores/reviewer-3.scores.json",
            "--format",
            "json",
        ]),
    );
    for name in ["export-english-sample.json", "export-shaodong-zhangsan.json"] {
        sheet.check_file(&root().join("fixtures/golden").join(name));
    }
    for name in ["merge-english-sample.json", "merge-shaodong.json"] {
        panel.check_file(&root().join("fixtures/golden").join(name));
    }
    sheet.refuses(
        "a panel as a sheet",
        &std::fs::read_to_string(root().join("fixtures/golden/merge-shaodong.json")).unwrap(),
    );
}

/// `appraise check --json ARGS`: its stdout and exit code.
fn check_json(args: &[&str]) -> (String, Option<i32>) {
    let out =
        crate::support::command().arg("check").arg("--json").args(args).current_dir(root()).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "check --json {args:?}");
    (String::from_utf8(out.stdout).unwrap(), out.status.code())
}

#[test]
fn check_json_follows_its_schema_with_a_stable_code_for_every_problem() {
    let schema = Schema::load("check-1");
    let (json, code) = check_json(&[
        "fixtures/english-sample.json",
        "--scores",
        "fixtures/scores/english-sample.scores.json",
    ]);
    assert_eq!(code, Some(0));
    schema.check("check --json of a valid report", &json);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["valid"], true);
    assert_eq!(value["report"]["id"], "riverside-library-2023");
    let cases = [
        ("syntax-error.json", "json_syntax", "line", 5),
        ("duplicate-ids.json", "duplicate_id", "path", 0),
        ("bad-scale.json", "min_not_below_max", "path", 0),
        ("missing-ref.json", "unknown_ref", "path", 0),
        ("missing-fields.json", "missing_field", "path", 0),
        ("not-utf8.json", "not_utf8", "line", 13),
        ("empty.json", "file_empty", "file", 0),
        ("wrong-types.json", "wrong_type", "path", 0),
        ("unsupported-format.json", "unsupported_format", "path", 0),
    ];
    for (file, expected, place, line) in cases {
        let path = format!("fixtures/invalid/{file}");
        let (json, code) = check_json(&[&path]);
        assert_eq!(code, Some(2), "{file}");
        schema.check(&format!("check --json {file}"), &json);
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["valid"], false, "{file}");
        let problems = value["problems"].as_array().unwrap();
        let found =
            problems.iter().find(|p| p["code"] == expected).unwrap_or_else(|| panic!("{file}: {json}"));
        assert_eq!(found["file"], path.as_str(), "{file}");
        assert!(found.get(place).is_some(), "{file}: no {place}: {found}");
        if line > 0 {
            assert_eq!(found["line"], line, "{file}");
        }
    }
    let (json, code) = check_json(&["fixtures/nothere.json"]);
    assert_eq!(code, Some(2));
    schema.check("check --json of a missing file", &json);
    assert!(json.contains("\"cannot_read\""), "{json}");
    schema.refuses("an unknown code", r#"{"format":"appraise.check/1","valid":true,"problems":[{"code":"oops","severity":"error","file":"f","message":"m"}]}"#);
}

#[test]
fn summary_json_follows_its_schema() {
    let schema = Schema::load("summary-1");
    let json = appraise(&[
        "summary",
        "--json",
        "fixtures/shaodong-2022.json",
        "--scores",
        "fixtures/scores/shaodong-2022.zhangsan.scores.json",
    ]);
    schema.check("summary --json with scores", &json);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["scored"], 55);
    assert_eq!(value["scores"]["evaluator"], "张三");
    let problems = value["problems"].as_array().unwrap();
    let reason = problems.iter().find(|p| p["code"] == "missing_reason").expect("a missing reason");
    assert_eq!(reason["item"], "s2.1.1");
    assert!(problems.iter().any(|p| p["code"] == "flagged"));
    let json = appraise(&["summary", "--json", "fixtures/english-sample.json"]);
    schema.check("summary --json without scores", &json);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["scores"]["found"], false);
    assert_eq!(value["points"], Value::Null);
    schema.refuses("an unknown code", r#"{"format":"appraise.summary/1"}"#);
}

#[test]
fn an_evaluations_summary_sheet_as_json_follows_its_schema() {
    let schema = Schema::load("summary-sheet-1");
    let dir = tempfile::tempdir().unwrap();
    let eval = crate::sheets_support::evaluation(dir.path());
    let json = appraise(&["export", eval.to_str().unwrap(), "--format", "json"]);
    schema.check("export DIR --format json", &json);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["reports"][0]["rank"], 1);
    assert!(value["reports"][4]["problem"].is_string(), "the unreadable document, last");
    schema.refuses("a report without its rank", r#"{"format":"appraise.summary-sheet/1","title":"t","date":{"changed":null,"exported":"2023-11-14"},"method":"mean","disagree_percent":20,"evaluators":[],"reports":[{"file":"a.json"}]}"#);
}

#[test]
fn summary_of_an_evaluation_as_json_follows_its_schema() {
    use crate::evaluation_cli::{folder, init, ok, scored};
    let schema = Schema::load("evaluation-1");
    let dir = folder();
    init(dir.path());
    scored(dir.path());
    // A document that does not import, a scores file that does not read, one that no longer
    // fits: every field filled somewhere.
    std::fs::write(dir.path().join("空白.txt"), "").unwrap();
    std::fs::write(dir.path().join("dazhou-nyj-dept.txt.王五.scores.json"), "{").unwrap();
    let json = ok(dir.path(), &["summary", ".", "--json"]);
    schema.check("summary DIR --json", &json);
    let value: Value = serde_json::from_str(&json).unwrap();
    let reports = value["reports"].as_array().unwrap();
    assert!(reports.iter().any(|r| r["problem"].is_string()), "{json}");
    assert!(
        reports.iter().flat_map(|r| r["evaluators"].as_array().unwrap()).any(|e| e["problem"].is_string()),
        "{json}"
    );
    schema.check(
        "summary DIR --json --evaluator",
        &ok(dir.path(), &["summary", ".", "--json", "--evaluator", "李四"]),
    );
    let bare = tempfile::tempdir().unwrap();
    ok(bare.path(), &["init", "."]);
    schema.check("summary DIR --json of an empty evaluation", &ok(bare.path(), &["summary", ".", "--json"]));
    schema.refuses(
        "no reports",
        r#"{"format":"appraise.evaluation/1","title":"t","rubric":null,"evaluator":null}"#,
    );
}

#[test]
fn search_hits_as_json_follow_the_search_schema() {
    let schema = Schema::load("search-1");
    for (report, query) in [
        ("fixtures/shaodong-2022.json", "网办"),
        ("fixtures/shaodong-2022.json", "s2.1"),
        ("fixtures/shaodong-2022.json", "!网"),
        ("fixtures/english-sample.json", "'read ^the"),
        ("fixtures/english-sample.json", "zzzzqqq"),
    ] {
        let out = crate::support::command()
            .args(["search", report, query, "--json"])
            .current_dir(root())
            .output()
            .unwrap();
        let json = String::from_utf8(out.stdout).unwrap();
        // Exit 1 when nothing matches, and `[]`.
        let code = if json.trim() == "[]" { 1 } else { 0 };
        assert_eq!(out.status.code(), Some(code), "search {query}: {}", String::from_utf8_lossy(&out.stderr));
        schema.check(&format!("search {report} {query}"), &json);
    }
    schema.refuses(
        "a hit without positions",
        r#"[{"id": "a", "kind": "item", "path": [], "title": "", "field": "text", "text": ""}]"#,
    );
    schema.refuses("an unknown kind", r#"[{"id": "a", "kind": "x", "path": [], "title": "", "field": "text", "text": "", "positions": []}]"#);
}
