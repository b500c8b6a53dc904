#![allow(clippy::disallowed_methods)] // paths in the tests' own assertion messages

//! Tests for `load.rs`: one per kind of bad input, a full valid report, and hostile inputs.

use super::*;

const MINIMAL: &str = r#"{"id": "r", "title": "T", "sections": []}"#;

fn problems(json: &str) -> Vec<Problem> {
    parse_report(json.as_bytes()).expect_err("expected problems")
}

/// The single problem `json` has.
fn one(json: &str) -> Problem {
    let mut all = problems(json);
    assert_eq!(all.len(), 1, "expected one problem, got {all:#?}");
    all.remove(0)
}

fn path(p: &str) -> Place {
    Place::Path(p.to_string())
}

/// Asserts the problem is at `place` and its message contains `message`.
fn check(problem: &Problem, place: Place, message: &str) {
    assert_eq!(problem.place, place, "{problem:?}");
    assert!(problem.message.contains(message), "{:?} does not contain {message:?}", problem.message);
}

/// A report with one section `s` holding `items` (JSON array body).
fn with_items(items: &str) -> String {
    format!(r#"{{"id": "r", "title": "T", "sections": [{{"id": "s", "title": "S", "items": [{items}]}}]}}"#)
}

fn ok(json: &str) -> Report {
    match parse_report(json.as_bytes()) {
        Ok(r) => r,
        Err(p) => panic!("expected a valid report, got {p:#?}"),
    }
}

const FULL: &str = r#"{
  "format": "appraise.report/1",
  "id": "rep",
  "title": "Report",
  "meta": {"unit": "某单位", "year": 2022, "ratio": 0.5, "a": "last"},
  "scale": {"max": 5},
  "grades": [{"min": 90, "label": "优"}, {"min": 0, "label": "差"}],
  "require_note_below_max": true,
  "sections": [
    {"id": "s1", "title": "One", "body": "the body",
     "items": [
       {"id": "i1", "text": "first", "max": 2},
       {"id": "i2", "text": "second", "title": "Second", "min": 1, "step": 1, "criteria": "c",
        "tags": ["产出", "b"], "refs": ["s2.1", "i1"], "self_score": 3}
     ],
     "sections": [{"id": "s1.1", "title": "One.One", "items": [{"id": "i3", "text": ""}]}]},
    {"id": "s2", "title": "Two", "sections": [
      {"id": "s2.1", "title": "Two.One", "items": [{"id": "i4", "text": "t4"}]},
      {"id": "s2.2", "title": "Two.Two"}
    ]}
  ]
}"#;

#[test]
fn valid_report_builds_the_flat_model() {
    let r = ok(FULL);
    assert_eq!((r.id.as_str(), r.title.as_str()), ("rep", "Report"));
    let meta: Vec<(&str, &str)> = r.meta.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(meta, [("unit", "某单位"), ("year", "2022"), ("ratio", "0.5"), ("a", "last")]);
    assert_eq!(r.scale, Scale { min: 0.0, max: 5.0, step: 0.5 });
    assert_eq!(r.grades, [Grade { min: 90.0, label: "优".into() }, Grade { min: 0.0, label: "差".into() }]);
    assert!(r.require_note_below_max);

    let ids: Vec<&str> = r.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["s1", "s1.1", "s2", "s2.1", "s2.2"]);
    let depths: Vec<usize> = r.sections.iter().map(|s| s.depth).collect();
    assert_eq!(depths, [0, 1, 0, 1, 1]);
    let parents: Vec<Option<usize>> = r.sections.iter().map(|s| s.parent).collect();
    assert_eq!(parents, [None, Some(0), None, Some(2), Some(2)]);
    assert_eq!(r.sections[0].children, [1]);
    assert_eq!(r.sections[2].children, [3, 4]);
    assert_eq!(r.sections[0].body.as_deref(), Some("the body"));
    assert_eq!(r.sections[0].items, [0, 1]);

    let item_ids: Vec<&str> = r.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(item_ids, ["i1", "i2", "i3", "i4"]);
    let item_sections: Vec<usize> = r.items.iter().map(|i| i.section).collect();
    assert_eq!(item_sections, [0, 0, 1, 3]);
    assert_eq!(r.items[0].scale, Scale { min: 0.0, max: 2.0, step: 0.5 });
    assert_eq!(r.items[1].scale, Scale { min: 1.0, max: 5.0, step: 1.0 });
    assert_eq!(r.items[2].scale, r.scale);
    let i2 = &r.items[1];
    assert_eq!(i2.title.as_deref(), Some("Second"));
    assert_eq!(i2.criteria.as_deref(), Some("c"));
    assert_eq!(*i2.tags, ["产出", "b"]);
    assert_eq!(*i2.refs, ["s2.1", "i1"]);
    assert_eq!(i2.self_score, Some(3.0));
    assert_eq!(r.items[2].text, "");

    assert_eq!(r.items_under(0), 0..3);
    assert_eq!(r.items_under(1), 2..3);
    assert_eq!(r.items_under(2), 3..4);
    assert_eq!(r.items_under(4), 0..0);
    use Node::{Item as I, Section as S};
    assert_eq!(r.outline(), [S(0), I(0), I(1), S(1), I(2), S(2), S(3), I(3), S(4)]);
    assert_eq!(r.section_path(3), ["Two", "Two.One"]);

    assert_eq!(r.index.len(), 9);
    assert_eq!(r.find("s2.1"), Some(S(3)));
    assert_eq!(r.find("i4"), Some(I(3)));
    assert_eq!(r.find("nope"), None);
    assert_eq!(r.sha256, sha256_hex(FULL.as_bytes()));
}

#[test]
fn strings_without_escapes_share_the_files_text_on_both_paths() {
    let json = r#"{"id": "r", "title": "T", "sections": [{"id": "s", "title": "章节", "items": [
        {"id": "i1", "text": "不足之处", "tags": ["效益"], "refs": ["s"]},
        {"id": "i2", "text": "line\nbreak \"quoted\"", "criteria": "满分"}]}]}"#;
    let r = parse_report(json.as_bytes()).unwrap();
    let file = &r.items[0].text;
    let (i1, i2, s) = (&r.items[0], &r.items[1], &r.sections[0]);
    for shared in [&i1.id, &i1.tags[0], &i1.refs[0], &i2.id, i2.criteria.as_ref().unwrap(), &s.id, &s.title] {
        assert!(shared.shares_text_with(file), "{shared} is a copy");
    }
    // Decoded escapes need text of their own.
    assert_eq!(i2.text, "line\nbreak \"quoted\"");
    assert!(!i2.text.shares_text_with(file));

    // The slow path (here: a duplicate key it accepts and the fast path leaves to it) builds
    // the same report, with strings of their own.
    let dup = json.replacen(r#""id": "r""#, r#""id": "x", "id": "r""#, 1);
    let slow = parse_report(dup.as_bytes()).unwrap();
    assert_eq!(slow.items, r.items);
    assert!(!slow.items[0].text.shares_text_with(&slow.items[0].id));
}

#[test]
fn sha256_is_lowercase_hex_of_the_raw_bytes() {
    assert_eq!(sha256_hex(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // The BOM is skipped for parsing but still part of the hashed bytes.
    let with_bom = [UTF8_BOM, MINIMAL.as_bytes()].concat();
    let r = parse_report(with_bom.as_slice()).expect("a BOM is accepted");
    assert_eq!(r.sha256, sha256_hex(&with_bom));
    assert_ne!(r.sha256, sha256_hex(MINIMAL.as_bytes()));
}

#[test]
fn defaults_and_null_optional_fields() {
    let r = ok(MINIMAL);
    assert_eq!(r.scale, Scale::default());
    assert!(r.grades.is_empty() && r.meta.is_empty() && r.sections.is_empty());
    assert!(!r.require_note_below_max);
    let r = ok(&with_items(r#"{"id": "i", "text": "t", "title": null, "max": null, "tags": null}"#));
    assert_eq!(r.items[0].title, None);
    assert_eq!(r.items[0].scale, Scale::default());
}

#[test]
fn unknown_fields_are_ignored() {
    let json = r#"{"id": "r", "title": "T", "future": {"x": [1, 2]}, "sections": [
        {"id": "s", "title": "S", "colour": 5, "items": [{"id": "i", "text": "t", "weight": "heavy"}]}],
        "scale": {"min": 0, "unit": "pts"}}"#;
    assert_eq!(ok(json).items.len(), 1);
}

#[test]
fn twenty_levels_of_sections_work() {
    let mut json = String::from(r#"{"id": "leaf-item", "text": "deep"}"#);
    json = format!(r#"{{"id": "s20", "title": "L20", "items": [{json}]}}"#);
    for level in (1..20).rev() {
        json = format!(r#"{{"id": "s{level}", "title": "L{level}", "sections": [{json}]}}"#);
    }
    let r = ok(&format!(r#"{{"id": "r", "title": "T", "sections": [{json}]}}"#));
    assert_eq!(r.sections.len(), 20);
    assert_eq!(r.sections[19].depth, 19);
    assert_eq!(r.items[0].section, 19);
    assert_eq!(r.items_under(0), 0..1);
    assert_eq!(r.section_path(19).len(), 20);
}

#[test]
fn empty_file() {
    for input in [&b""[..], b"  \n\t\r\n", b"\xEF\xBB\xBF", b"\xEF\xBB\xBF \n"] {
        let p = parse_report(input).unwrap_err();
        assert_eq!(
            p,
            [Problem { code: "file_empty", place: Place::File, message: "the file is empty".into() }]
        );
    }
}

#[test]
fn not_utf8() {
    let p = parse_report(b"{\"id\": \"\xC3\xA9\xFF\"}").unwrap_err();
    assert_eq!(p.len(), 1);
    let msg = "the file is not UTF-8 text (byte 0xFF is invalid here)";
    check(&p[0], Place::Position { line: 1, column: 10 }, msg);
    let p = parse_report(b"{\n  \"title\": \"\xE4\xB8\xAD\xFE\"}").unwrap_err();
    check(&p[0], Place::Position { line: 2, column: 14 }, "byte 0xFE is invalid here");
}

#[test]
fn syntax_errors_are_placed_by_line_and_character_column() {
    check(
        &one(r#"{"id": "r" "title": "T"}"#),
        Place::Position { line: 1, column: 12 },
        "expected `,` or `}`",
    );
    // The column counts characters, not bytes, so CJK text does not shift it.
    check(&one(r#"{"title": "中文" "x"}"#), Place::Position { line: 1, column: 16 }, "expected `,` or `}`");
    check(&one("{\n  \"sections\": [1 2]}"), Place::Position { line: 2, column: 18 }, "expected `,` or `]`");
    check(&one(r#"{"a": [1,]}"#), Place::Position { line: 1, column: 10 }, "trailing comma");
    check(&one(r#"{"a": 1} x"#), Place::Position { line: 1, column: 10 }, "unexpected text after");
    check(
        &one(r#"{"a": tru}"#),
        Place::Position { line: 1, column: 10 },
        "expected `true`, `false` or `null`",
    );
    let p = one("{\"sections\": [\n");
    assert!(matches!(p.place, Place::Position { line: 2, column: 1 }), "{p:?}");
    assert!(p.message.starts_with("unexpected end of file"), "{p:?}");
    let p = one("{\"a\": \"x\u{1}\"}");
    assert!(p.message.contains("control character"), "{p:?}");
    // Numbers too large for a double are refused (every number in a report is finite).
    check(&one(r#"{"a": 1e400}"#), Place::Position { line: 1, column: 11 }, "number out of range");
    for p in [one("{\"a\": 1 2}"), one("[\"\\q\"]"), one("{1: 2}")] {
        assert!(!p.message.contains(" at line "), "{p:?}");
        assert!(p.message.starts_with(|c: char| !c.is_uppercase()), "{p:?}");
    }
}

#[test]
fn nesting_too_deep() {
    let p = one(&"[".repeat(200));
    assert_eq!(p.message, "the JSON is nested too deeply (more than 128 levels)");
    assert!(matches!(p.place, Place::Position { line: 1, column: 127..=129 }), "{p:?}");
}

#[test]
fn root_must_be_an_object() {
    check(&one("[]"), path("(top level)"), "expected an object, found an empty array");
    check(&one("42"), path("(top level)"), "expected an object, found a number (42)");
    assert_eq!(one("null").to_string(), "(top level): expected an object, found null");
}

#[test]
fn format_must_be_the_supported_one() {
    let p = one(r#"{"format": "appraise.report/2", "id": "r", "title": "T", "sections": []}"#);
    check(
        &p,
        path("format"),
        r#"unsupported format "appraise.report/2" (this version reads "appraise.report/1")"#,
    );
    let p = one(r#"{"format": 1, "id": "r", "title": "T", "sections": []}"#);
    check(&p, path("format"), r#"expected the string "appraise.report/1", found a number (1)"#);
}

#[test]
fn id_and_title_are_required_non_empty_strings() {
    check(
        &one(r#"{"title": "T", "sections": []}"#),
        path("id"),
        "missing required field (expected a non-empty string)",
    );
    check(&one(r#"{"id": "", "title": "T", "sections": []}"#), path("id"), "must not be empty");
    check(&one(r#"{"id": "r", "title": " \n", "sections": []}"#), path("title"), "must not be empty");
    check(
        &one(r#"{"id": 5, "title": "T", "sections": []}"#),
        path("id"),
        "expected a string, found a number (5)",
    );
    check(
        &one(r#"{"id": "r", "title": null, "sections": []}"#),
        path("title"),
        "expected a string, found null",
    );
}

#[test]
fn meta_values_are_strings_or_numbers() {
    let json = r#"{"id": "r", "title": "T", "sections": [], "meta": {"ok": 1, "bad": [1, 2], "a b": true}}"#;
    let p = problems(json);
    assert_eq!(p.len(), 2);
    check(&p[0], path("meta.bad"), "expected a string or a number, found an array ([1, 2])");
    check(&p[1], path(r#"meta["a b"]"#), "found a boolean (true)");
    check(
        &one(r#"{"id": "r", "title": "T", "sections": [], "meta": "x"}"#),
        path("meta"),
        "expected an object",
    );
    let r = ok(r#"{"id": "r", "title": "T", "sections": [], "meta": {"z": 1, "y": 2, "z": 3}}"#);
    assert_eq!(r.meta, [("z".to_string(), "3".to_string()), ("y".to_string(), "2".to_string())]);
}

#[test]
fn scale_is_checked() {
    let base = |scale: &str| format!(r#"{{"id": "r", "title": "T", "sections": [], "scale": {scale}}}"#);
    check(&one(&base(r#"{"min": 10, "max": 10}"#)), path("scale"), "min (10) must be less than max (10)");
    check(&one(&base(r#"{"max": -1}"#)), path("scale"), "min (0) must be less than max (-1)");
    check(&one(&base(r#"{"step": 0}"#)), path("scale.step"), "must be greater than 0 (found 0)");
    check(&one(&base(r#"{"max": "5"}"#)), path("scale.max"), r#"expected a number, found a string ("5")"#);
    check(&one(&base("[]")), path("scale"), "expected an object, found an empty array");
    assert_eq!(ok(&base(r#"{"min": 1, "step": 0.25}"#)).scale, Scale { min: 1.0, max: 10.0, step: 0.25 });
}

#[test]
fn grades_are_checked() {
    let base = |g: &str| format!(r#"{{"id": "r", "title": "T", "sections": [], "grades": {g}}}"#);
    check(&one(&base(r#"[{"min": 90, "label": ""}]"#)), path("grades[0].label"), "must not be empty");
    check(
        &one(&base(r#"[{"min": 90, "label": "A"}, {"label": "B"}]"#)),
        path("grades[1].min"),
        "missing required field",
    );
    check(&one(&base(r#"[{"min": "90", "label": "A"}]"#)), path("grades[0].min"), "expected a number");
    check(&one(&base(r#"[5]"#)), path("grades[0]"), "expected an object, found a number (5)");
    check(&one(&base(r#"{}"#)), path("grades"), "expected an array, found an empty object");
}

#[test]
fn require_note_below_max_is_a_boolean() {
    let json = r#"{"id": "r", "title": "T", "sections": [], "require_note_below_max": "yes"}"#;
    check(&one(json), path("require_note_below_max"), r#"expected true or false, found a string ("yes")"#);
}

#[test]
fn sections_are_required_and_checked() {
    check(&one(r#"{"id": "r", "title": "T"}"#), path("sections"), "missing required field");
    check(
        &one(r#"{"id": "r", "title": "T", "sections": 5}"#),
        path("sections"),
        "expected an array, found a number (5)",
    );
    check(&one(r#"{"id": "r", "title": "T", "sections": ["x"]}"#), path("sections[0]"), "expected an object");
    let json = r#"{"id": "r", "title": "T", "sections": [{"id": "a", "title": "A"},
        {"id": "b", "title": "B", "sections": [{"id": "c"}]}]}"#;
    check(&one(json), path("sections[1].sections[0].title"), "missing required field");
    let json =
        r#"{"id": "r", "title": "T", "sections": [{"id": "a", "title": "A", "body": 1, "items": {}}]}"#;
    let p = problems(json);
    check(&p[0], path("sections[0].body"), "expected a string, found a number (1)");
    check(&p[1], path("sections[0].items"), "expected an array, found an empty object");
}

#[test]
fn item_fields_are_checked() {
    check(
        &one(&with_items(r#"{"id": "i"}"#)),
        path("sections[0].items[0].text"),
        "missing required field (expected a string)",
    );
    check(&one(&with_items(r#"{"text": "t"}"#)), path("sections[0].items[0].id"), "missing required field");
    let p = one(&with_items(r#"{"id": "i", "text": "t"}, {"id": "j", "text": "t", "max": "5"}"#));
    check(&p, path("sections[0].items[1].max"), r#"expected a number, found a string ("5")"#);
    assert_eq!(p.to_string(), r#"sections[0].items[1].max: expected a number, found a string ("5")"#);
    let p = one(&with_items(r#"{"id": "i", "text": "t", "tags": ["a", 2]}"#));
    check(&p, path("sections[0].items[0].tags[1]"), "expected a string, found a number (2)");
    let p = one(&with_items(r#"{"id": "i", "text": "t", "criteria": false}"#));
    check(&p, path("sections[0].items[0].criteria"), "expected a string, found a boolean (false)");
    check(&one(&with_items("[]")), path("sections[0].items[0]"), "expected an object, found an empty array");
}

#[test]
fn item_scale_overrides_are_checked_at_the_item() {
    let p = one(&with_items(r#"{"id": "i", "text": "t", "min": 5, "max": 3}"#));
    check(&p, path("sections[0].items[0]"), "min (5) must be less than max (3)");
    let p = one(&with_items(r#"{"id": "i", "text": "t", "max": -2}"#));
    check(&p, path("sections[0].items[0]"), "min (0) must be less than max (-2)");
    let p = one(&with_items(r#"{"id": "i", "text": "t", "step": -0.5}"#));
    check(&p, path("sections[0].items[0]"), "step must be greater than 0 (found -0.5)");
}

#[test]
fn self_score_must_be_within_the_item_scale() {
    let p = one(&with_items(r#"{"id": "i", "text": "t", "max": 5, "self_score": 6}"#));
    check(&p, path("sections[0].items[0].self_score"), "6 is outside the item's scale (0 to 5)");
    let p = one(&with_items(r#"{"id": "i", "text": "t", "self_score": "6"}"#));
    check(&p, path("sections[0].items[0].self_score"), "expected a number");
    assert_eq!(
        ok(&with_items(r#"{"id": "i", "text": "t", "max": 5, "self_score": 5}"#)).items[0].self_score,
        Some(5.0)
    );
}

#[test]
fn refs_must_name_existing_ids() {
    let p = one(&with_items(
        r#"{"id": "i", "text": "t", "refs": ["s", "later", "ghost"]}, {"id": "later", "text": "t"}"#,
    ));
    check(&p, path("sections[0].items[0].refs[2]"), r#"unknown id "ghost" (no section or item has it)"#);
    let p = one(&with_items(r#"{"id": "i", "text": "t", "refs": "s"}"#));
    check(&p, path("sections[0].items[0].refs"), "expected an array");
}

#[test]
fn duplicate_ids_name_the_first_use() {
    let json = r#"{"id": "r", "title": "T", "sections": [{"id": "s1", "title": "A"},
        {"id": "s2.1", "title": "B"}, {"id": "s3", "title": "C", "items": [{"id": "s2.1", "text": "t"}]}]}"#;
    let p = one(json);
    check(&p, path("sections[2].items[0].id"), r#"duplicate id "s2.1" (first used at sections[1])"#);
    let p = one(&with_items(r#"{"id": "s", "text": "t"}"#));
    check(&p, path("sections[0].items[0].id"), "first used at sections[0]");
}

#[test]
fn all_problems_are_collected_in_document_order() {
    let json = r#"{"format": "x", "title": 3, "sections": [
        {"id": "a", "title": "A", "items": [{"id": "i", "text": "t", "refs": ["ghost"]}, {"id": "j"}]},
        {"id": "a", "title": ""}]}"#;
    let places: Vec<String> = problems(json).iter().map(|p| p.place.to_string()).collect();
    let expected = [
        "format",
        "id",
        "title",
        "sections[0].items[0].refs[0]",
        "sections[0].items[1].text",
        "sections[1].id",
        "sections[1].title",
    ];
    assert_eq!(places, expected);
}

#[test]
fn problems_are_capped_at_one_hundred() {
    let items: Vec<String> = (0..150).map(|i| format!(r#"{{"id": "i{i}"}}"#)).collect();
    let p = problems(&with_items(&items.join(",")));
    assert_eq!(p.len(), 101);
    check(&p[99], path("sections[0].items[99].text"), "missing required field");
    assert_eq!(
        p[100],
        Problem { code: "more_problems", place: Place::File, message: "… and 50 more problems".into() }
    );
}

#[test]
fn long_and_hostile_values_are_previewed_short_and_escaped() {
    let p = one(r#"{"id": ["abcdefghijklmnopqrstuvwxyz"], "title": "T", "sections": []}"#);
    assert_eq!(p.message, r#"expected a string, found an array (["abcdefghijklmnopqr…)"#);
    let p = one(r#"{"id": "r", "title": {"k": "\u001b[31mred"}, "sections": []}"#);
    assert!(!p.message.contains('\u{1b}'), "{p:?}");
    assert!(p.message.contains(r"\u{1b}"), "{p:?}");
    let p = one(r#"{"id": "r", "title": "T", "sections": [], "meta": {"\u001b": []}}"#);
    assert!(!p.place.to_string().contains('\u{1b}'), "{p:?}");
}

#[test]
fn display_of_places_and_problems() {
    assert_eq!(Place::File.to_string(), "");
    assert_eq!(Place::Position { line: 3, column: 5 }.to_string(), "line 3, column 5");
    assert_eq!(path("sections[1].items[3].max").to_string(), "sections[1].items[3].max");
    assert_eq!(path("").to_string(), "(top level)");
    let p = Problem {
        code: "json_syntax",
        place: Place::Position { line: 3, column: 5 },
        message: "expected `,` or `}`".into(),
    };
    assert_eq!(p.to_string(), "line 3, column 5: expected `,` or `}`");
    assert_eq!(
        Problem { code: "file_empty", place: Place::File, message: "the file is empty".into() }.to_string(),
        "the file is empty"
    );
}

#[test]
fn hostile_inputs_are_errors_never_panics() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    let inputs: Vec<Vec<u8>> = vec![
        random,
        b"[]".to_vec(),
        b"null".to_vec(),
        br#"{"sections": 5}"#.to_vec(),
        "[".repeat(10_000).into_bytes(),
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
        r#"{"a":"#.repeat(10_000).into_bytes(),
        br#"{"id": "r", "title": "T", "sections": [null, [], {"items": [null, {"refs": [null]}]}]}"#.to_vec(),
    ];
    for input in inputs {
        assert!(parse_report(input.as_slice()).is_err());
    }
}

#[test]
fn every_truncation_and_corruption_of_a_report_is_handled() {
    let bytes = FULL.as_bytes();
    for end in 0..bytes.len() {
        assert!(parse_report(&bytes[..end]).is_err(), "truncated at {end} parsed");
    }
    for at in 0..bytes.len() {
        for replacement in [b'"', b'}', b'0', 0xFF] {
            let mut bytes = bytes.to_vec();
            bytes[at] = replacement;
            let _ = parse_report(bytes.as_slice());
        }
    }
}

/// A fresh empty directory under the system temp dir.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("appraise-load-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

#[test]
fn load_report_reads_files_and_explains_failures() {
    let dir = scratch_dir("load");
    let good = dir.join("good.json");
    std::fs::write(&good, FULL).unwrap();
    assert_eq!(load_report(&good).unwrap().items.len(), 4);

    let missing = dir.join("missing.json");
    let err = load_report(&missing).unwrap_err();
    assert!(matches!(&err, LoadError::Io { message, .. } if message == "no such file"), "{err:?}");
    assert_eq!(err.to_string(), format!("cannot read {}: no such file", missing.display()));

    let err = load_report(&dir).unwrap_err();
    assert_eq!(err.to_string(), format!("cannot read {}: it is a directory", dir.display()));

    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"id": "", "sections": []}"#).unwrap();
    let err = load_report(&bad).unwrap_err();
    let shown = bad.display();
    let expected = format!(
        "{shown}: id: must not be empty\n{shown}: title: missing required field (expected a non-empty string)"
    );
    assert_eq!(err.to_string(), expected);
    assert!(matches!(err, LoadError::Invalid { problems, .. } if problems.len() == 2));

    let empty = dir.join("empty.json");
    std::fs::write(&empty, "").unwrap();
    assert_eq!(
        load_report(&empty).unwrap_err().to_string(),
        format!("{}: the file is empty", empty.display())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fixtures_are_read_and_invalid_ones_placed_as_documented() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for name in ["english-sample.json", "shaodong-2022.json"] {
        if let Err(e) = load_report(&dir.join(name)) {
            panic!("{name}: {e}");
        }
    }
    let cases = [
        ("syntax-error.json", "line 5, column 3"),
        ("wrong-types.json", "title"),
        ("duplicate-ids.json", "sections[0].items[1].id"),
        ("bad-scale.json", "scale"),
        ("bad-step.json", "scale.step"),
        ("unsupported-format.json", "format"),
        ("not-utf8.json", "line 13, column 23"),
        ("empty.json", ""),
        ("too-deep.json", "line 5, column 134"),
        ("missing-ref.json", "sections[0].items[1].refs[1]"),
        ("missing-fields.json", "sections[0].items[1].text"),
        ("not-an-object.json", "(top level)"),
    ];
    for (name, place) in cases {
        match load_report(&dir.join("invalid").join(name)) {
            Err(LoadError::Invalid { problems, .. }) => {
                assert_eq!(problems[0].place.to_string(), place, "{name}: {problems:?}")
            }
            other => panic!("{name}: expected problems, got {other:?}"),
        }
    }
}

/// The fast path's answer for `text`, checked against the slow path's: whenever the fast path
/// builds a report, the slow path builds the same one.
fn fast_agrees(text: &str) -> bool {
    let source = std::sync::Arc::new(text.to_string());
    let fast = super::super::fast::parse(&source, &source);
    if let Some(report) = &fast {
        match slow_path(text) {
            Ok(slow) => assert_eq!(report, &slow, "the two paths differ on {text}"),
            Err(p) => panic!("the fast path accepted what the slow path refuses: {p:?}\n{text}"),
        }
    }
    fast.is_some()
}

#[test]
fn the_fast_path_builds_what_the_slow_path_builds() {
    assert!(fast_agrees(FULL));
    assert!(fast_agrees(MINIMAL));
    for name in ["english-sample.json", "shaodong-2022.json"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name);
        assert!(fast_agrees(&std::fs::read_to_string(path).unwrap()), "{name}");
    }
    for (items, seed) in [(1, 1), (57, 2), (1000, 42)] {
        assert!(fast_agrees(&crate::generate::report_json(items, seed)));
    }
    // Unknown fields, nulls, escapes, integers where numbers go, keys in any order.
    let json = r#"{"sections": [{"items": [{"text": "a\nb\u00e9", "id": "i", "x": {"y": [1, null]},
        "min": 1, "max": 3.5, "tags": null, "refs": ["s"], "self_score": 2, "title": null}],
        "title": "S", "id": "s", "sections": null, "body": "\u4e2d"}],
        "title": "T", "id": "r", "meta": {"b": 1, "a": "x", "c": 0.5, "d": -3, "e": 1e2},
        "scale": null, "format": "appraise.report/1", "grades": [], "require_note_below_max": null}"#;
    assert!(fast_agrees(json));
    // The report's scale applies to items read before it.
    let json = r#"{"id": "r", "title": "T", "sections": [{"id": "s", "title": "S",
        "items": [{"id": "i", "text": "t", "self_score": 4}]}], "scale": {"max": 4, "step": 1}}"#;
    assert!(fast_agrees(json));
    assert_eq!(ok(json).items[0].scale, Scale { min: 0.0, max: 4.0, step: 1.0 });
}

#[test]
fn the_fast_path_leaves_every_problem_and_doubt_to_the_slow_path() {
    let refused = [
        // Problems: each is found and placed by the slow path.
        r#"{"id": "r", "title": "T", "sections": [], "x": 1e400}"#.to_string(),
        format!(
            r#"{{"id": "r", "title": "T", "sections": [], "x": {}{}}}"#,
            "[".repeat(130),
            "]".repeat(130)
        ),
        with_items(r#"{"id": "i", "text": "t", "weight": 1e400}"#),
        with_items(r#"{"id": "i", "text": "t", "x": "\ud800"}"#),
        with_items(r#"{"id": "i", "text": "t", "max": 5, "self_score": 6}"#),
        with_items(r#"{"id": "i", "text": "t", "refs": ["ghost"]}"#),
        with_items(r#"{"id": "s", "text": "t"}"#),
        with_items(r#"{"id": " ", "text": "t"}"#),
        with_items(r#"{"id": "i", "text": "t", "step": 0}"#),
        with_items(r#"{"id": "i", "text": null}"#),
        r#"{"id": "r", "title": "T", "sections": null}"#.to_string(),
        r#"{"id": "r", "title": "T", "sections": [], "format": "appraise.report/2"}"#.to_string(),
        r#"{"id": "r", "title": "T", "sections": [], "scale": {"min": 10}}"#.to_string(),
        r#"{"id": "r", "title": "T", "sections": [], "meta": {"a": true}}"#.to_string(),
        r#"{"id": "r", "title": "T", "sections": [], "grades": [{"min": 1, "label": ""}]}"#.to_string(),
        // Valid, but left to the slow path: repeated keys, unknown fields in small objects,
        // items after subsections that have items.
        r#"{"id": "r", "title": "T", "sections": [], "id": "r2"}"#.to_string(),
        r#"{"id": "r", "title": "T", "sections": [], "meta": {"z": 1, "z": 2}}"#.to_string(),
        r#"{"id": "r", "title": "T", "sections": [], "scale": {"max": 5, "unit": "pts"}}"#.to_string(),
        r#"{"id": "r", "title": "T", "sections": [{"id": "a", "title": "A",
            "sections": [{"id": "b", "title": "B", "items": [{"id": "i", "text": "t"}]}],
            "items": [{"id": "j", "text": "t"}]}]}"#
            .to_string(),
    ];
    for text in &refused {
        assert!(!fast_agrees(text), "the fast path accepted {text}");
    }
    // What the slow path makes of the valid ones.
    let r = ok(&refused[refused.len() - 1]);
    assert_eq!(r.items.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["j", "i"]);
    assert_eq!(ok(&refused[refused.len() - 3]).meta, [("z".to_string(), "2".to_string())]);
}

#[test]
fn large_reports_are_fingerprinted_while_they_are_parsed() {
    let json = crate::generate::report_json(4000, 3);
    assert!(json.len() >= PARALLEL_HASH_BYTES, "{}", json.len());
    let r = parse_report(json.as_bytes()).unwrap();
    assert_eq!(r.sha256, fingerprint(json.as_bytes()));
    assert_eq!(parse_report_unhashed(json.as_bytes()).unwrap(), Report { sha256: String::new(), ..r });
    let mut broken = json.into_bytes();
    broken.truncate(PARALLEL_HASH_BYTES + 10);
    assert!(parse_report(broken.as_slice()).is_err());
}

#[test]
fn the_fast_path_agrees_on_every_corruption_of_a_report() {
    let small = crate::generate::report_json(3, 5);
    for text in [FULL, small.as_str()] {
        let bytes = text.as_bytes();
        for end in 0..bytes.len() {
            if let Ok(cut) = std::str::from_utf8(&bytes[..end]) {
                assert!(!fast_agrees(cut), "truncated at {end} parsed");
            }
        }
        for at in 0..bytes.len() {
            for replacement in [b'"', b'}', b']', b'0', b'-', b'n', b' ', b'\\', b'e', b'1'] {
                let mut bytes = bytes.to_vec();
                bytes[at] = replacement;
                if let Ok(text) = std::str::from_utf8(&bytes) {
                    fast_agrees(text);
                }
            }
        }
    }
}
