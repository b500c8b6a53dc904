//! Evidence links (src/import/evidence.rs) measured against a ground truth written by hand
//! before the linker was tuned: fixtures/evidence/shaodong-rubric.csv (indicators with
//! criteria) over fixtures/import/shaodong-2022.txt, and fixtures/evidence/shaodong-expected.json
//! naming, for each indicator, a snippet of the passage an evaluator should read first, or null
//! when the text has none. Run with `--nocapture` for the figures and every indicator's links.

use appraise::import::{Imported, Options, RubricFile, import_bytes};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel)
}

fn import_with(rubric: &str, score_text: bool) -> Imported {
    let text = fixture("import/shaodong-2022.txt");
    let options = Options {
        rubric: Some(RubricFile {
            name: rubric.rsplit('/').next().unwrap().into(),
            bytes: std::fs::read(fixture(rubric)).unwrap(),
            sheet: None,
        }),
        score_text,
        ..Options::default()
    };
    import_bytes(&std::fs::read(&text).unwrap(), &text, &options).unwrap()
}

/// The text of the passage `id`: a section's body or an item's text.
fn passage(sections: &Value, id: &str) -> Option<String> {
    for s in sections.as_array()? {
        if s["id"] == id {
            return s["body"].as_str().map(str::to_string);
        }
        for i in s["items"].as_array().into_iter().flatten() {
            if i["id"] == id {
                return i["text"].as_str().map(str::to_string);
            }
        }
        if let Some(found) = passage(&s["sections"], id) {
            return Some(found);
        }
    }
    None
}

/// The indicators (`r…` items) in table order: (title, refs).
fn indicators(sections: &Value) -> Vec<(String, Vec<String>)> {
    fn walk(sections: &Value, out: &mut Vec<(String, Vec<String>)>) {
        for s in sections.as_array().into_iter().flatten() {
            for i in s["items"].as_array().into_iter().flatten() {
                if i["id"].as_str().unwrap().starts_with('r') {
                    let refs = i["refs"].as_array().into_iter().flatten();
                    let refs = refs.map(|r| r.as_str().unwrap().to_string()).collect();
                    out.push((i["title"].as_str().unwrap().to_string(), refs));
                }
            }
            walk(&s["sections"], out);
        }
    }
    let mut out = Vec::new();
    walk(sections, &mut out);
    out
}

#[derive(Debug, Default)]
struct Figures {
    /// Indicators with a link.
    linked: usize,
    /// … whose first link holds the expected snippet.
    first_right: usize,
    /// Indicators with an expected snippet.
    expected: usize,
    /// … for which some link holds it.
    any_right: usize,
    /// Indicators expected to have no link.
    nulls: usize,
    /// … that got none.
    nulls_unlinked: usize,
}

fn measure(imported: &Imported, print: bool) -> Figures {
    let json: Value = serde_json::from_str(&imported.json).unwrap();
    let truth = std::fs::read_to_string(fixture("evidence/shaodong-expected.json")).unwrap();
    let truth: Value = serde_json::from_str(&truth).unwrap();
    let truth = truth["indicators"].as_array().unwrap();
    let got = indicators(&json["sections"]);
    assert_eq!(got.len(), truth.len(), "one expectation per indicator");
    let mut f = Figures::default();
    for (want, (name, refs)) in truth.iter().zip(&got) {
        assert_eq!(want["indicator"].as_str().unwrap(), name, "the expectations follow the table");
        let holds =
            |id: &String, snippet: &str| passage(&json["sections"], id).is_some_and(|p| p.contains(snippet));
        let snippet = want["expected"].as_str();
        f.linked += usize::from(!refs.is_empty());
        let verdict = match snippet {
            None => {
                f.nulls += 1;
                f.nulls_unlinked += usize::from(refs.is_empty());
                if refs.is_empty() { "none, right" } else { "LINKED, expected none" }
            }
            Some(snippet) => {
                f.expected += 1;
                f.any_right += usize::from(refs.iter().any(|r| holds(r, snippet)));
                let first = refs.first().is_some_and(|r| holds(r, snippet));
                f.first_right += usize::from(first);
                match (refs.is_empty(), first) {
                    (true, _) => "missed",
                    (false, true) => "right",
                    (false, false) => "WRONG first link",
                }
            }
        };
        if print {
            println!("{verdict:22} {name} {refs:?}");
        }
    }
    f
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

#[test]
fn evidence_links_match_the_hand_written_ground_truth() {
    let _en = appraise::words::pin(appraise::lang::Lang::En);
    let imported = import_with("evidence/shaodong-rubric.csv", false);
    let f = measure(&imported, true);
    let precision = ratio(f.first_right, f.linked);
    let null_accuracy = ratio(f.nulls_unlinked, f.nulls);
    let recall = ratio(f.first_right, f.expected);
    println!(
        "first-link precision {}/{} = {precision:.2}; expected-null indicators left unlinked {}/{} = \
         {null_accuracy:.2}; first-link recall {}/{} = {recall:.2}; any-link recall {}/{} = {:.2}",
        f.first_right,
        f.linked,
        f.nulls_unlinked,
        f.nulls,
        f.first_right,
        f.expected,
        f.any_right,
        f.expected,
        ratio(f.any_right, f.expected)
    );
    assert!(precision >= 0.7, "first-link precision {precision:.2} < 0.7: {f:?}");
    assert!(
        null_accuracy >= 0.8,
        "only {null_accuracy:.2} of the expected-null indicators have no link: {f:?}"
    );
    assert!(recall >= 0.5, "first-link recall {recall:.2} < 0.5: {f:?}");
    // The summary says how many were linked.
    let said = format!("note: linked {} of 38 indicators to passages of the text", f.linked);
    let lines = imported.summary.lines();
    assert!(lines.iter().any(|l| l.starts_with(&said)), "{lines:?}");
}

#[test]
fn with_score_text_the_claims_are_linked_by_their_item_ids() {
    let read = import_with("evidence/shaodong-rubric.csv", false);
    let scored = import_with("evidence/shaodong-rubric.csv", true);
    let json: Value = serde_json::from_str(&scored.json).unwrap();
    let read_json: Value = serde_json::from_str(&read.json).unwrap();
    let (a, b) = (indicators(&read_json["sections"]), indicators(&json["sections"]));
    let item_ids: Vec<&str> = scored.report.items.iter().map(|i| i.id.as_str()).collect();
    let mut linked = 0;
    for ((name, refs), (_, scored_refs)) in a.iter().zip(&b) {
        linked += usize::from(!scored_refs.is_empty());
        // Claims keep their ids as reading sections: the same passages are linked either way.
        assert_eq!(refs.first(), scored_refs.first(), "{name}");
        for r in scored_refs {
            assert!(passage(&json["sections"], r).is_some(), "{name}: {r} is a passage");
        }
    }
    assert!(linked > 0);
    // A claim (the 网上可办率 one) is linked as the item it is.
    let online = &b.iter().find(|(n, _)| n == "全程网办率").unwrap().1;
    assert!(item_ids.contains(&online[0].as_str()), "{online:?}");
}

#[test]
fn the_dazhou_rubric_links_sparingly_without_criteria() {
    // Names only (no 评分标准): a few links, each to a passage that shares the indicator's words.
    let imported = import_with("import/rubric-dazhou.csv", false);
    let json: Value = serde_json::from_str(&imported.json).unwrap();
    let got = indicators(&json["sections"]);
    assert_eq!(got.len(), 28);
    let linked: Vec<&(String, Vec<String>)> = got.iter().filter(|(_, refs)| !refs.is_empty()).collect();
    for (name, refs) in &linked {
        println!("{name} {refs:?}");
        assert!(refs.len() <= 3);
    }
    assert!(linked.len() <= 10, "{linked:?}");
    let refs_of = |name: &str| got.iter().find(|(n, _)| n == name).map(|(_, r)| r.clone()).unwrap();
    assert_eq!(refs_of("评价结果应用").first().map(String::as_str), Some("s3.3"));
    assert!(
        refs_of("相关性").is_empty()
            && refs_of("明确性").is_empty()
            && refs_of("部门特性指标（自定）").is_empty()
    );
}
