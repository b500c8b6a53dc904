//! Evidence links (src/import/evidence.rs) measured against ground truths written by hand
//! before the linker was changed, on two sets kept apart:
//!
//! - the **tuned** set: fixtures/evidence/shaodong-rubric.csv (indicators with criteria) over
//!   fixtures/import/shaodong-2022.txt, truth in fixtures/evidence/shaodong-expected.json — the
//!   linker's rules were tried against this one;
//! - the **held-out** set: eight real report openings scored on the real Dazhou rubric
//!   (fixtures/evidence/heldout/, truth in its expected.json) — measured, never tuned on: its
//!   floors below are what it measured once.
//!
//! Each truth names, for each indicator, a snippet of the passage an evaluator should read first
//! (or several, any of which is right), or null when the text has none, and the chapters of the
//! text that are recommendations or plans (`plans`), so the share of first links into them is
//! measured by hand-written headings, not by the linker's own rule. Run with `--nocapture` for
//! the figures and every indicator's links.

use appraise::import::{Imported, Options, RubricFile, import_bytes};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel)
}

fn import(text: &str, rubric: &str, score_text: bool) -> Imported {
    let text = fixture(text);
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

fn import_with(rubric: &str, score_text: bool) -> Imported {
    import("import/shaodong-2022.txt", rubric, score_text)
}

/// The text of the passage `id` (a section's body or an item's text) and the titles of the
/// sections above it, outermost first.
fn passage(sections: &Value, id: &str) -> Option<(String, Vec<String>)> {
    fn find(sections: &Value, id: &str, path: &mut Vec<String>) -> Option<(String, Vec<String>)> {
        for s in sections.as_array()? {
            path.push(s["title"].as_str().unwrap_or("").to_string());
            if s["id"] == id {
                let found = (s["body"].as_str().unwrap_or("").to_string(), path.clone());
                path.pop();
                return Some(found);
            }
            for i in s["items"].as_array().into_iter().flatten() {
                if i["id"] == id {
                    let found = (i["text"].as_str().unwrap_or("").to_string(), path.clone());
                    path.pop();
                    return Some(found);
                }
            }
            if let Some(found) = find(&s["sections"], id, path) {
                path.pop();
                return Some(found);
            }
            path.pop();
        }
        None
    }
    find(sections, id, &mut Vec::new())
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

#[derive(Debug, Default, Clone, Copy)]
struct Figures {
    indicators: usize,
    /// Indicators with a link.
    linked: usize,
    /// … whose first link holds an expected snippet.
    first_right: usize,
    /// Indicators with an expected snippet.
    expected: usize,
    /// … for which some link holds one.
    any_right: usize,
    /// Indicators expected to have no link.
    nulls: usize,
    /// … that got none.
    nulls_unlinked: usize,
    /// First links into a chapter of recommendations or plans (the truth's `plans`).
    first_in_plans: usize,
}

impl Figures {
    fn add(&mut self, o: Figures) {
        self.indicators += o.indicators;
        self.linked += o.linked;
        self.first_right += o.first_right;
        self.expected += o.expected;
        self.any_right += o.any_right;
        self.nulls += o.nulls;
        self.nulls_unlinked += o.nulls_unlinked;
        self.first_in_plans += o.first_in_plans;
    }

    fn precision(&self) -> f64 {
        ratio(self.first_right, self.linked)
    }

    fn recall(&self) -> f64 {
        ratio(self.first_right, self.expected)
    }

    fn null_accuracy(&self) -> f64 {
        ratio(self.nulls_unlinked, self.nulls)
    }

    fn linked_share(&self) -> f64 {
        ratio(self.linked, self.indicators)
    }

    fn plans_share(&self) -> f64 {
        ratio(self.first_in_plans, self.linked)
    }

    fn print(&self, set: &str) {
        println!(
            "{set}: linked {}/{} = {:.2}; first-link precision {}/{} = {:.2}; first-link recall {}/{} = \
             {:.2}; any-link recall {}/{} = {:.2}; expected-null left unlinked {}/{} = {:.2}; first links \
             in recommendations {}/{} = {:.2}",
            self.linked,
            self.indicators,
            self.linked_share(),
            self.first_right,
            self.linked,
            self.precision(),
            self.first_right,
            self.expected,
            self.recall(),
            self.any_right,
            self.expected,
            ratio(self.any_right, self.expected),
            self.nulls_unlinked,
            self.nulls,
            self.null_accuracy(),
            self.first_in_plans,
            self.linked,
            self.plans_share(),
        );
    }
}

/// The snippets an expectation accepts: none (null), one, or any of a list.
fn snippets(expected: &Value) -> Vec<&str> {
    match expected {
        Value::String(s) => vec![s.as_str()],
        Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Measures one import against one truth: `truth` is the list of indicators' expectations,
/// `plans` the headings of the chapters that are recommendations or plans.
fn measure(imported: &Imported, truth: &[Value], plans: &[String], print: bool) -> Figures {
    let json: Value = serde_json::from_str(&imported.json).unwrap();
    let got = indicators(&json["sections"]);
    assert_eq!(got.len(), truth.len(), "one expectation per indicator");
    let mut f = Figures { indicators: got.len(), ..Figures::default() };
    for (want, (name, refs)) in truth.iter().zip(&got) {
        assert_eq!(want["indicator"].as_str().unwrap(), name, "the expectations follow the table");
        let holds = |id: &String, wanted: &[&str]| {
            passage(&json["sections"], id).is_some_and(|(text, _)| wanted.iter().any(|s| text.contains(s)))
        };
        let wanted = snippets(&want["expected"]);
        f.linked += usize::from(!refs.is_empty());
        let in_plans = refs
            .first()
            .and_then(|r| passage(&json["sections"], r))
            .is_some_and(|(_, path)| path.iter().any(|title| plans.iter().any(|p| p == title)));
        f.first_in_plans += usize::from(in_plans);
        let verdict = if wanted.is_empty() {
            f.nulls += 1;
            f.nulls_unlinked += usize::from(refs.is_empty());
            if refs.is_empty() { "none, right" } else { "LINKED, expected none" }
        } else {
            f.expected += 1;
            f.any_right += usize::from(refs.iter().any(|r| holds(r, &wanted)));
            let first = refs.first().is_some_and(|r| holds(r, &wanted));
            f.first_right += usize::from(first);
            match (refs.is_empty(), first) {
                (true, _) => "missed",
                (false, true) => "right",
                (false, false) => "WRONG first link",
            }
        };
        if print {
            let plans = if in_plans { " (recommendations)" } else { "" };
            println!("{verdict:22} {name} {refs:?}{plans}");
        }
    }
    f
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

fn read_json(rel: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture(rel)).unwrap()).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().into_iter().flatten().filter_map(|s| s.as_str().map(str::to_string)).collect()
}

/// The tuned set's figures, printed.
fn tuned() -> (Imported, Figures) {
    let imported = import_with("evidence/shaodong-rubric.csv", false);
    let truth = read_json("evidence/shaodong-expected.json");
    let f = measure(&imported, truth["indicators"].as_array().unwrap(), &strings(&truth["plans"]), true);
    f.print("tuned (Shaodong)");
    (imported, f)
}

/// The held-out set's figures over all its reports, printed.
fn held_out() -> Figures {
    let truth = read_json("evidence/heldout/expected.json");
    let rubric = truth["rubric"].as_str().unwrap();
    let mut all = Figures::default();
    for report in truth["reports"].as_array().unwrap() {
        let text = report["text"].as_str().unwrap();
        println!("-- {text}");
        let imported = import(text, rubric, false);
        let f =
            measure(&imported, report["indicators"].as_array().unwrap(), &strings(&report["plans"]), true);
        all.add(f);
    }
    all.print("held out (eight report openings, Dazhou rubric)");
    all
}

#[test]
fn evidence_links_match_the_tuned_ground_truth() {
    let _en = appraise::words::pin(appraise::lang::Lang::En);
    let (imported, f) = tuned();
    // Measured: 14 of 14 first links right, 14 of the 21 with a passage linked, 17 of 17 nulls
    // left unlinked, 1 first link of 14 into recommendations (资产报告 → 四（四）, which the
    // truth names: nothing else in the text speaks to assets).
    assert!(f.precision() >= 0.9, "first-link precision {:.2} < 0.9: {f:?}", f.precision());
    assert!(f.null_accuracy() >= 0.9, "only {:.2} of the nulls have no link: {f:?}", f.null_accuracy());
    assert!(f.recall() >= 0.6, "first-link recall {:.2} < 0.6: {f:?}", f.recall());
    assert!(f.plans_share() <= 0.25, "first links in recommendations {:.2}: {f:?}", f.plans_share());
    // The summary says how many were linked.
    let said = format!("note: linked {} of 38 indicators to passages of the text", f.linked);
    let lines = imported.summary.lines();
    assert!(lines.iter().any(|l| l.starts_with(&said)), "{lines:?}");
}

/// The held-out set's figures as measured once, after the linker's last change (before any:
/// 10 linked, 8 right first, 197 of 199 nulls unlinked): floors, never targets to tune to.
const HELD_OUT_MEASURED: Figures = Figures {
    indicators: 224,
    linked: 16,
    first_right: 10,
    expected: 25,
    any_right: 10,
    nulls: 199,
    nulls_unlinked: 193,
    first_in_plans: 0,
};

#[test]
fn evidence_links_on_the_held_out_set_stay_above_what_was_measured() {
    let f = held_out();
    let m = HELD_OUT_MEASURED;
    assert_eq!(
        (f.indicators, f.expected, f.nulls),
        (m.indicators, m.expected, m.nulls),
        "the truth is as written"
    );
    assert!(
        f.precision() >= m.precision(),
        "first-link precision {:.2} < {:.2}: {f:?}",
        f.precision(),
        m.precision()
    );
    assert!(f.first_right >= m.first_right, "first links right {} < {}: {f:?}", f.first_right, m.first_right);
    assert!(
        f.nulls_unlinked >= m.nulls_unlinked,
        "nulls left unlinked {} < {}: {f:?}",
        f.nulls_unlinked,
        m.nulls_unlinked
    );
    assert!(f.plans_share() <= 0.25, "first links in recommendations {:.2}: {f:?}", f.plans_share());
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
    let first = |name: &str| refs_of(name).first().cloned();
    // 相关性 alone is answered by the bureau's duties (主要职能, in 一、基本概况).
    assert_eq!(first("相关性").as_deref(), Some("s1"));
    assert_eq!(first("评价结果应用").as_deref(), Some("s3.3"));
    assert_eq!(first("绩效评价开展").as_deref(), Some("s3.2"));
    // A word of the group's name is context, not content: 政务公开 (s2.3.5) does not answer
    // 预算公开 or 决算公开 under 信息公开.
    assert!(refs_of("预算公开").is_empty() && refs_of("决算公开").is_empty());
    assert!(refs_of("明确性").is_empty() && refs_of("部门特性指标（自定）").is_empty());
}
