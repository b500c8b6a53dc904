//! `appraise search REPORT QUERY [--json] [--limit N]`: the search box's ranked hits from the
//! shell, plain or JSON, and its refusals.

use crate::sheets_support::{appraise, ok, root, text};
use serde_json::Value;

const EN: &str = "fixtures/english-sample.json";
const SD: &str = "fixtures/shaodong-2022.json";

fn json(args: &[&str]) -> Vec<Value> {
    let out = text(&ok(args));
    match serde_json::from_str::<Value>(&out) {
        Ok(Value::Array(hits)) => hits,
        other => panic!("not a JSON array: {other:?}\n{out}"),
    }
}

#[test]
fn plain_output_is_a_line_per_hit_best_first() {
    let out = text(&ok(&["search", SD, "网办"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 3, "{out}");
    // Chars typed together first: 全程网办 before 网信办's scattered 网…办.
    assert!(lines[0].starts_with("s2.1.3  item  二、部门（单位）整体支出绩效状况 › "), "{out}");
    assert!(lines[0].ends_with("提高全程网办率"), "{out}");
    let together = lines.iter().position(|l| l.starts_with("s2.1.3 ")).unwrap();
    let scattered = lines.iter().position(|l| l.starts_with("s2.3.2 ")).unwrap();
    assert!(together < scattered, "{out}");
    // A text hit shows the matched text.
    assert!(lines.iter().any(|l| l.starts_with("s2.1.2 ") && l.contains("全程网办")), "{out}");
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn plain_output_speaks_the_interface_language() {
    let zh = |query: &str| {
        let out = crate::support::command()
            .env("LC_ALL", "zh_CN.UTF-8")
            .args(["search", SD, query])
            .current_dir(root())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        text(&out.stdout)
    };
    let out = zh("s2.1.3");
    assert!(out.starts_with("s2.1.3  评分项  "), "{out}");
    let out = zh("s2.1");
    assert!(out.starts_with("s2.1  章节  二、部门（单位）整体支出绩效状况 › （一）"), "{out}");
}

#[test]
fn json_has_ids_paths_titles_and_positions() {
    let hits = json(&["search", SD, "网办", "--json"]);
    let first = &hits[0];
    assert_eq!(first["id"], "s2.1.3");
    assert_eq!(first["kind"], "item");
    assert_eq!(first["path"][0], "二、部门（单位）整体支出绩效状况");
    assert_eq!(first["title"], "提高全程网办率");
    assert_eq!(first["field"], "title");
    assert_eq!(first["text"], "提高全程网办率");
    assert_eq!(first["positions"], serde_json::json!([4, 5]));
    // Positions are char offsets into the text.
    for hit in &hits {
        let chars: Vec<char> = hit["text"].as_str().unwrap().chars().collect();
        let positions: Vec<usize> =
            hit["positions"].as_array().unwrap().iter().map(|p| p.as_u64().unwrap() as usize).collect();
        assert!(!positions.is_empty(), "{hit}");
        let matched: String = positions.iter().map(|&p| chars[p]).collect();
        assert!(matched.contains('网') && matched.contains('办'), "{hit}");
    }
    // A section, and an id.
    let hits = json(&["search", SD, "s2.1", "--json"]);
    assert_eq!(hits[0]["id"], "s2.1");
    assert_eq!(hits[0]["kind"], "section");
    assert_eq!(hits[0]["field"], "id");
    assert_eq!(hits[0]["positions"], serde_json::json!([0, 1, 2, 3]));
    assert!(hits[1..].iter().all(|h| h["id"].as_str().unwrap().starts_with("s2.1.")));
    // English, with operators.
    let hits = json(&["search", EN, "'read !^the", "--json"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        let t = hit["text"].as_str().unwrap().to_lowercase();
        assert!(t.contains("read"), "{hit}");
    }
}

#[test]
fn limit_keeps_the_best() {
    let all = json(&["search", SD, "网办", "--json"]);
    let two = json(&["search", SD, "网办", "--json", "--limit", "2"]);
    assert_eq!(two.len(), 2);
    assert_eq!(two[..], all[..2]);
    let out = text(&ok(&["search", SD, "网办", "--limit", "1"]));
    assert_eq!(out.lines().count(), 1);
    assert!(json(&["search", SD, "网办", "--json", "--limit", "0"]).is_empty());
}

#[test]
fn no_hits_is_not_a_failure() {
    assert_eq!(text(&ok(&["search", SD, "zzzqqq", "--json"])).trim(), "[]");
    assert_eq!(text(&ok(&["search", SD, "zzzqqq"])), "");
    assert_eq!(text(&ok(&["search", SD, "   ", "--json"])).trim(), "[]");
}

#[test]
fn a_bad_report_is_bad_input() {
    let out = appraise(&["search", "fixtures/no-such-report.json", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-report.json"));
    assert!(out.stdout.is_empty());
    let out = appraise(&["search", SD]);
    assert_eq!(out.status.code(), Some(2), "the query is required");
    let out = appraise(&["search", SD, "x", "--limit", "many"]);
    assert_eq!(out.status.code(), Some(2));
}
