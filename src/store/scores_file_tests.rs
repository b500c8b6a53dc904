use super::*;
use crate::report::parse_report;

const REPORT: &[u8] = include_bytes!("../../fixtures/english-sample.json");
const SCORES: &[u8] = include_bytes!("../../fixtures/scores/english-sample.scores.json");

fn report() -> Report {
    parse_report(REPORT).expect("fixture is valid")
}

fn item(r: &Report, id: &str) -> usize {
    match r.find(id) {
        Some(crate::report::Node::Item(i)) => i,
        other => panic!("{id}: {other:?}"),
    }
}

#[test]
fn resumes_by_id_and_keeps_orphans() {
    let r = report();
    let loaded = parse_scores(Path::new("s.json"), SCORES, &r).unwrap();
    let s = &loaded.scores;
    assert_eq!(s.head.evaluator.as_deref(), Some("Alex Morgan"));
    assert_eq!(s.entries[item(&r, "overview.objectives")].score, Some(8.5));
    let e = &s.entries[item(&r, "delivery.adults.digital")];
    assert_eq!((e.score, e.flagged), (Some(3.25), true));
    assert!(s.entries[item(&r, "delivery.children.early-years.attendance")].note.contains("Eastgate"));
    assert_eq!(s.orphans.len(), 1);
    assert_eq!(s.orphans[0].id, "retired-item");
    assert!(
        loaded.warnings.iter().any(|w| w.contains("retired-item") && w.contains("kept")),
        "{:?}",
        loaded.warnings
    );
    assert!(!loaded.warnings.iter().any(|w| w.contains("changed")), "sha matches: {:?}", loaded.warnings);
}

#[test]
fn written_file_round_trips_with_orphans_in_report_order() {
    let r = report();
    let loaded = parse_scores(Path::new("s.json"), SCORES, &r).unwrap();
    let text = scores_json(&r, &loaded.scores);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], FORMAT);
    assert_eq!(v["report"]["id"], r.id.as_str());
    assert_eq!(v["report"]["sha256"], r.sha256.as_str());
    let ids: Vec<&str> = v["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    let mut expected: Vec<&str> = r.items.iter().map(|i| i.id.as_str()).collect();
    expected.push("retired-item");
    assert_eq!(ids, expected);
    assert_eq!(v["summary"]["scored"], 3);
    assert_eq!(v["summary"]["points"], 15.75);
    assert_eq!(v["summary"]["max_points"], 19);
    assert_eq!(v["summary"]["percent"], 82.89);
    assert_eq!(v["summary"]["grade"], "B");
    // format first, as docs/formats.md shows it
    assert!(text.trim_start().starts_with("{\n  \"format\""));
    let again = parse_scores(Path::new("s.json"), text.as_bytes(), &r).unwrap();
    assert_eq!(again.scores, loaded.scores);
}

#[test]
fn summary_in_file_is_not_trusted() {
    let r = report();
    let mut v: Value = serde_json::from_slice(SCORES).unwrap();
    v["summary"]["points"] = 99.into();
    let text = serde_json::to_string(&v).unwrap();
    let loaded = parse_scores(Path::new("s.json"), text.as_bytes(), &r).unwrap();
    let out: Value = serde_json::from_str(&scores_json(&r, &loaded.scores)).unwrap();
    assert_eq!(out["summary"]["points"], 15.75);
}

#[test]
fn changed_report_is_warned_about() {
    let r = Report { sha256: "0".repeat(64), ..report() };
    let loaded = parse_scores(Path::new("s.json"), SCORES, &r).unwrap();
    assert!(loaded.warnings.iter().any(|w| w.contains("changed")), "{:?}", loaded.warnings);
}

#[test]
fn minimal_entries_are_accepted() {
    let r = report();
    let text = r#"{"format":"appraise.scores/1","report":{"id":"riverside-library-2023"},
        "items":[{"id":"overview.objectives","score":7}]}"#;
    let loaded = parse_scores(Path::new("s.json"), text.as_bytes(), &r).unwrap();
    let e = &loaded.scores.entries[item(&r, "overview.objectives")];
    assert_eq!((e.score, e.note.as_str(), e.flagged, e.updated_at.as_deref()), (Some(7.0), "", false, None));
    assert!(loaded.warnings.is_empty());
}

#[test]
fn off_grid_saved_score_is_kept_and_warned() {
    let r = report();
    let text = r#"{"format":"appraise.scores/1","report":{"id":"riverside-library-2023"},
        "items":[{"id":"delivery.adults.digital","score":3.3}]}"#;
    let loaded = parse_scores(Path::new("s.json"), text.as_bytes(), &r).unwrap();
    assert_eq!(loaded.scores.entries[item(&r, "delivery.adults.digital")].score, Some(3.3));
    assert!(loaded.warnings.iter().any(|w| w.contains("delivery.adults.digital") && w.contains("step")));
}

fn error_of(text: &str) -> String {
    parse_scores(Path::new("x.scores.json"), text.as_bytes(), &report()).unwrap_err().to_string()
}

#[test]
fn bad_files_are_refused_with_their_place() {
    let head = r#"{"format":"appraise.scores/1","report":{"id":"riverside-library-2023"},"items":"#;
    assert_eq!(error_of(""), "x.scores.json: (file): the file is empty");
    assert!(error_of("{\n  \"format\": ").starts_with("x.scores.json: line 2, column 12: "));
    assert_eq!(error_of("[]"), "x.scores.json: (top level): expected an object");
    assert!(error_of(r#"{"format":"appraise.report/1"}"#).contains("format: unsupported format"));
    assert!(error_of(r#"{"items":[]}"#).contains("not an appraise scores file"));
    assert_eq!(
        error_of(r#"{"format":"appraise.scores/1","report":{"id":"other"},"items":[]}"#),
        "x.scores.json holds scores for report \"other\", not for \"riverside-library-2023\""
    );
    assert_eq!(
        error_of(&format!(r#"{head}[{{"id":"overview.objectives","score":"7"}}]}}"#)),
        "x.scores.json: items[0].score: expected a number or null"
    );
    assert!(error_of(&format!(r#"{head}[{{"score":1}}]}}"#)).contains("items[0].id: expected a string"));
    assert!(
        error_of(&format!(r#"{head}[{{"id":"overview.objectives"}},{{"id":"overview.objectives"}}]}}"#))
            .contains("items[1].id: duplicate entry")
    );
    assert!(
        error_of(&format!(r#"{head}[{{"id":"overview.objectives","flagged":"yes"}}]}}"#))
            .contains("items[0].flagged")
    );
    assert!(
        parse_scores(Path::new("x"), &[0xff, 0xfe, 0x00], &report())
            .unwrap_err()
            .to_string()
            .contains("UTF-8")
    );
}

#[test]
fn missing_file_is_a_fresh_start_and_unreadable_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let r = report();
    assert!(load_scores(&dir.path().join("none.scores.json"), &r).unwrap().is_none());
    let err = load_scores(dir.path(), &r).unwrap_err().to_string();
    assert!(err.starts_with("cannot read ") && err.contains("it is a directory"), "{err}");
}

#[test]
fn save_then_load_gives_the_same_scores() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.scores.json");
    let r = report();
    let mut s = Scores::new(&r);
    s.entries[0].score = Some(6.5);
    s.entries[0].note = "佐证材料不足\n第二行".into();
    s.entries[1].flagged = true;
    s.head.evaluator = Some("张三".into());
    save_scores(&path, &r, &s).unwrap();
    let back = load_scores(&path, &r).unwrap().unwrap();
    assert_eq!(back.scores, s);
    assert!(back.warnings.is_empty());
}

#[test]
fn read_alike_whatever_the_layout_around_the_document() {
    let r = report();
    let plain = parse_scores(Path::new("s.json"), SCORES, &r).unwrap().scores;
    let text = std::str::from_utf8(SCORES).unwrap();
    // Surrounding whitespace, a BOM, the whole document on one line.
    let compact = serde_json::to_string(&serde_json::from_str::<Value>(text).unwrap()).unwrap();
    for variant in [format!("\n\t  {text}\n\n"), format!("\u{feff}{text}"), compact] {
        let s = parse_scores(Path::new("s.json"), variant.as_bytes(), &r).unwrap().scores;
        assert_eq!(s, plain);
    }
    // Not an object, whatever the whitespace: said at the top level.
    for not_object in ["  [1, 2]", "\n\"text\"", "42"] {
        let err = parse_scores(Path::new("s.json"), not_object.as_bytes(), &r).unwrap_err().to_string();
        assert!(err.contains("(top level): expected an object"), "{not_object:?}: {err}");
    }
}

#[test]
fn a_number_out_of_range_is_placed_in_the_file_not_in_its_entry() {
    let r = report();
    let text = std::str::from_utf8(SCORES).unwrap();
    let value: Value = serde_json::from_str(text).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    let (line, column) = pretty
        .lines()
        .enumerate()
        .find_map(|(i, l)| l.find("\"score\": 8.5").map(|c| (i + 1, c + 1)))
        .expect("the fixture scores 8.5");
    let broken = pretty.replacen("\"score\": 8.5", "\"score\": 1e400", 1);
    let err = parse_scores(Path::new("s.json"), broken.as_bytes(), &r).unwrap_err().to_string();
    assert!(err.contains(&format!("line {line}, column")), "expected line {line} (column {column}): {err}");
    assert!(err.contains("number out of range"), "{err}");
}

#[test]
fn submission_reopening_and_handovers_are_kept_through_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.scores.json");
    let r = report();
    let mut s = Scores::new(&r);
    s.head.evaluator = Some("李四".into());
    s.head.submitted_at = Some("2026-11-26T03:00:00Z".into());
    s.head.reopened_at = Some("2026-11-27T08:00:00Z".into());
    s.head.handovers = vec![crate::scores::Handover {
        from: "张三".into(),
        to: "李四".into(),
        at: "2026-11-25T01:00:00Z".into(),
        ..Default::default()
    }];
    save_scores(&path, &r, &s).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["submitted_at"], "2026-11-26T03:00:00Z");
    assert_eq!(v["handovers"][0]["from"], "张三");
    assert_eq!(load_scores(&path, &r).unwrap().unwrap().scores, s);

    // Nothing of the kind: none of the fields is written, as before.
    let plain = scores_json(&r, &Scores::new(&r));
    for field in ["submitted_at", "reopened_at", "handovers"] {
        assert!(!plain.contains(field), "{field} written for a sheet without it:\n{plain}");
    }

    // The wrong types are refused with their place.
    let text = std::str::from_utf8(SCORES).unwrap();
    for (field, value, place) in [
        ("submitted_at", "42", "submitted_at"),
        ("handovers", "{}", "handovers"),
        ("handovers", "[{\"from\": \"a\", \"to\": 1, \"at\": \"t\"}]", "handovers[0].to"),
    ] {
        let broken = text.replacen('{', &format!("{{\"{field}\": {value},"), 1);
        let err = parse_scores(Path::new("s.json"), broken.as_bytes(), &r).unwrap_err().to_string();
        assert!(err.contains(&format!("s.json: {place}: expected")), "{field}: {err}");
    }
}
