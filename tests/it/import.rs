//! `appraise import` (README.md, "Importing a report"): real reports in text, Markdown and Word form turned into
//! report files by their outline. The Shaodong report and its encodings, each numbering style,
//! noise (tables of contents, page numbers, hard line breaks), .docx, rubrics, errors, and
//! hostile input that must never panic.

use appraise::import::{ImportError, Imported, Options, RubricFile, import_bytes, import_file};
use appraise::report::{Item, Report, SectionIx};
use proptest::prelude::*;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/import").join(name)
}

fn import(name: &str) -> Imported {
    import_file(&fixture(name), &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Imports `text` as if it were the file `name`.
fn import_text(name: &str, text: &str) -> Imported {
    import_bytes(text.as_bytes(), Path::new(name), &Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn json(i: &Imported) -> Value {
    serde_json::from_str(&i.json).expect("the import is JSON")
}

fn tops(r: &Report) -> Vec<SectionIx> {
    (0..r.sections.len()).filter(|&s| r.sections[s].depth == 0).collect()
}

fn titles_of(r: &Report, sections: &[SectionIx]) -> Vec<String> {
    sections.iter().map(|&s| r.sections[s].title.to_string()).collect()
}

fn items_of(r: &Report, s: SectionIx) -> Vec<&Item> {
    r.sections[s].items.iter().map(|&i| &r.items[i]).collect()
}

fn item_titles(r: &Report, s: SectionIx) -> Vec<String> {
    items_of(r, s).iter().map(|i| i.title.as_deref().unwrap_or_default().to_string()).collect()
}

fn section(r: &Report, id: &str) -> SectionIx {
    r.sections.iter().position(|s| s.id == id).unwrap_or_else(|| panic!("no section {id}"))
}

/// The outline as text, one node a line, indented: `s2.1 （一）… [3 items]`.
fn outline(r: &Report) -> String {
    let mut out = String::new();
    for (s, sec) in r.sections.iter().enumerate() {
        out.push_str(&format!("{}{} {}\n", "  ".repeat(sec.depth), sec.id, sec.title));
        for item in items_of(r, s) {
            let title = item.title.clone().unwrap_or_default();
            out.push_str(&format!("{}· {} {}\n", "  ".repeat(sec.depth + 1), item.id, title));
        }
    }
    out
}

/// Every id is an outline position (s1, s2.1.3) and unique; every item sits under its section's id.
fn assert_positional_ids(r: &Report) {
    let mut seen = std::collections::HashSet::new();
    for s in &r.sections {
        assert!(valid_id(&s.id), "{}", s.id);
        assert!(seen.insert(s.id.clone()), "duplicate {}", s.id);
    }
    for item in &r.items {
        assert!(valid_id(&item.id), "{}", item.id);
        assert!(seen.insert(item.id.clone()), "duplicate {}", item.id);
        let parent = &r.sections[item.section].id;
        assert!(item.id.starts_with(&format!("{parent}.")), "{} under {parent}", item.id);
    }
}

fn valid_id(id: &str) -> bool {
    id.strip_prefix('s')
        .is_some_and(|rest| rest.split('.').all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
}

// ---------------------------------------------------------------------------------------------
// The Shaodong report

#[test]
fn shaodong_imports_by_its_outline() {
    let imported = import("shaodong-2022.txt");
    let r = &imported.report;
    let top = tops(r);
    assert_eq!(
        titles_of(r, &top),
        [
            "一、部门（单位）基本概况",
            "二、部门（单位）整体支出绩效状况",
            "三、存在的问题及原因",
            "四、提高财政资金绩效的措施与建议",
            "五、附件（佐证依据）"
        ]
    );
    let two = section(r, "s2");
    assert_eq!(r.sections[two].children.len(), 4);
    let claims: Vec<usize> = r.sections[two].children.iter().map(|&c| r.sections[c].items.len()).collect();
    assert_eq!(claims, [7, 5, 5, 7]);
    assert_eq!(item_titles(r, section(r, "s2.1"))[2], "提高全程网办率");
    assert_eq!(item_titles(r, section(r, "s2.2"))[2], "健全“一呼即应，接诉即办”运行机制");
    assert_eq!(
        item_titles(r, section(r, "s3")),
        ["制度流于形式", "绩效管理制度存在缺陷", "绩效评价结果的重要性被忽视"]
    );
    assert_eq!(
        item_titles(r, section(r, "s4")),
        [
            "（一）精准编报部门年度预算",
            "（二）严格执行政府采购规定",
            "（三）加强会计基础工作",
            "（四）加强固定资产管理"
        ]
    );
    // 一's list of functions (after "主要职能：") stays in its body; 五 is an empty section.
    assert!(
        r.sections[section(r, "s1")]
            .body
            .as_deref()
            .unwrap()
            .ends_with("逐步划转尚未相对集中的行政审批职能。")
    );
    assert!(r.sections[section(r, "s1")].items.is_empty());
    assert_eq!(
        r.sections[section(r, "s2.2")].body.as_deref().map(|b| b.starts_with("12345政务服务")),
        Some(true)
    );
    assert_eq!(r.items.len(), 31);
    assert_eq!(r.title, "市级部门（单位）整体支出绩效自评报告");
    assert_eq!(r.id, "shaodong-2022");
    assert!(r.meta.contains(&("lang".into(), "zh".into())));
    assert_eq!(r.grades.iter().map(|g| g.label.as_str()).collect::<Vec<_>>(), ["优", "良", "中", "差"]);
    assert_eq!((r.scale.min, r.scale.max, r.scale.step), (0.0, 10.0, 0.5));
    assert_positional_ids(r);
    let lines = imported.summary.lines().join("\n");
    assert!(lines.contains("5 top-level sections, 9 in all, 31 items"), "{lines}");
    assert!(lines.contains("outline levels: 一、 › （一） › 一是"), "{lines}");
}

/// The importer's tree is the hand-made fixture's: same ids, titles, bodies and texts.
#[test]
fn shaodong_matches_the_hand_made_fixture() {
    let ours = json(&import("shaodong-2022.txt"));
    let theirs: Value =
        serde_json::from_str(include_str!("../../fixtures/shaodong-2022.json")).expect("fixture is JSON");
    fn flat(sections: &Value, out: &mut Vec<(String, String, String)>) {
        for s in sections.as_array().into_iter().flatten() {
            let id = s["id"].as_str().unwrap_or_default().to_string();
            if id == "s6" {
                continue; // the fixture's hand-written rubric
            }
            let body = s["body"].as_str().unwrap_or_default().to_string();
            out.push((id, s["title"].as_str().unwrap_or_default().to_string(), body));
            for i in s["items"].as_array().into_iter().flatten() {
                let text = i["text"].as_str().unwrap_or_default().to_string();
                out.push((
                    i["id"].as_str().unwrap_or_default().into(),
                    i["title"].as_str().unwrap_or_default().into(),
                    text,
                ));
            }
            flat(&s["sections"], out);
        }
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    flat(&ours["sections"], &mut a);
    flat(&theirs["sections"], &mut b);
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x, y);
    }
}

#[test]
fn gbk_and_utf16_twins_import_identically() {
    let utf8 = std::fs::read(fixture("shaodong-2022.txt")).unwrap();
    let name = Path::new("shaodong-2022.txt");
    let reference = import_bytes(&utf8, name, &Options::default()).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(&utf8);
    let text = String::from_utf8(utf8.clone()).unwrap();
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let crlf = text.replace('\n', "\r\n").into_bytes();
    let twins = [
        ("GB18030/GBK", std::fs::read(fixture("shaodong-2022.gbk.txt")).unwrap()),
        ("UTF-16LE", std::fs::read(fixture("shaodong-2022.utf16.txt")).unwrap()),
        ("UTF-16BE", be),
        ("UTF-8", bom),
        ("UTF-8", crlf),
    ];
    for (encoding, bytes) in twins {
        let twin = import_bytes(&bytes, name, &Options::default()).unwrap();
        assert_eq!(twin.json, reference.json, "{encoding}");
        assert_eq!(twin.summary.encoding.as_deref(), Some(encoding));
    }
    // By file too: the GBK file reads as GBK.
    let gbk = import("shaodong-2022.gbk.txt");
    assert_eq!(gbk.report.items.len(), reference.report.items.len());
    assert_eq!(gbk.report.title, reference.report.title);
}

#[test]
fn big5_imports_like_its_utf8_twin() {
    let name = Path::new("traditional.txt");
    let utf8 = std::fs::read(fixture("traditional.txt")).unwrap();
    let reference = import_bytes(&utf8, name, &Options::default()).unwrap();
    let big5 = std::fs::read(fixture("big5.txt")).unwrap();
    let twin = import_bytes(&big5, name, &Options::default()).unwrap();
    assert_eq!(twin.json, reference.json);
    assert_eq!(twin.summary.encoding.as_deref(), Some("Big5"));
    assert!(twin.summary.lines()[0].contains("(text, Big5)"), "{:?}", twin.summary.lines());
    // Forced, the same; the GBK twin of the Shaodong report is still GBK.
    let forced = Options { encoding: Some(encoding_rs::BIG5), ..Options::default() };
    let twin = import_bytes(&big5, name, &forced).unwrap();
    assert_eq!((twin.json, twin.summary.encoding.as_deref()), (reference.json, Some("Big5")));
    assert_eq!(import("shaodong-2022.gbk.txt").summary.encoding.as_deref(), Some("GB18030/GBK"));
}

#[test]
fn a_forced_encoding_that_does_not_fit_is_refused() {
    let gbk = std::fs::read(fixture("shaodong-2022.gbk.txt")).unwrap();
    let forced = Options { encoding: Some(encoding_rs::UTF_16LE), ..Options::default() };
    let e = import_bytes(&gbk, Path::new("r.txt"), &forced).unwrap_err().to_string();
    assert!(e.starts_with("r.txt: --encoding says UTF-16LE, but "), "{e}");
    let label = appraise::import::encoding_for_label;
    assert_eq!(label("GBK").unwrap(), encoding_rs::GBK);
    assert_eq!(label("big5-hkscs").unwrap(), encoding_rs::BIG5);
    assert_eq!(label("utf-16le").unwrap(), encoding_rs::UTF_16LE);
    assert!(label("iso-2022-kr").is_err(), "the replacement encoding is no choice");
    assert_eq!(
        label("nonsense").unwrap_err(),
        "--encoding \"nonsense\": not an encoding name (use one such as utf-8, gbk, gb18030, big5, utf-16le, shift_jis)"
    );
}

#[test]
fn reimport_gives_the_same_ids() {
    let first = import("shaodong-2022.txt");
    let again = import("shaodong-2022.txt");
    assert_eq!(first.json, again.json);
    assert_eq!(first.report.sha256, again.report.sha256);
    // Edited wording keeps every id: ids come from the outline position, not the text.
    let text = std::fs::read_to_string(fixture("shaodong-2022.txt")).unwrap();
    let edited = text
        .replace("发现堵点、难点问题77个", "发现堵点、难点问题78个")
        .replace("制度流于形式", "制度执行流于形式");
    let edited = import_text("shaodong-2022.txt", &edited);
    let ids = |r: &Report| r.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&edited.report), ids(&first.report));
    assert_ne!(edited.json, first.json);
}

#[test]
fn options_override_id_title_and_scale() {
    let options = Options {
        id: Some("sd-2022".into()),
        title: Some("邵东市行政审批服务局 2022 年度自评".into()),
        max: Some(5.0),
        step: Some(1.0),
        ..Options::default()
    };
    let r = import_file(&fixture("shaodong-2022.txt"), &options).unwrap().report;
    assert_eq!((r.id.as_str(), r.title.as_str()), ("sd-2022", "邵东市行政审批服务局 2022 年度自评"));
    assert_eq!((r.scale.max, r.scale.step), (5.0, 1.0));
    assert!(r.items.iter().all(|i| i.scale.max == 5.0));
    let bad = Options { step: Some(0.0), ..Options::default() };
    assert!(import_file(&fixture("shaodong-2022.txt"), &bad).unwrap_err().to_string().contains("--step"));
    let bad = Options { id: Some(" ".into()), ..Options::default() };
    assert!(import_file(&fixture("shaodong-2022.txt"), &bad).unwrap_err().to_string().contains("--id"));
}

// ---------------------------------------------------------------------------------------------
// Rubrics

fn rubric(name: &str) -> Option<RubricFile> {
    Some(RubricFile { name: name.to_string(), bytes: std::fs::read(fixture(name)).unwrap(), sheet: None })
}

#[test]
fn the_dazhou_rubric_is_what_is_scored_and_the_text_is_read() {
    let options = Options { rubric: rubric("rubric-dazhou.csv"), ..Options::default() };
    let imported = import_file(&fixture("shaodong-2022.txt"), &options).unwrap();
    let r = &imported.report;
    assert!(imported.summary.warnings.is_empty(), "{:?}", imported.summary.warnings);
    assert_eq!(imported.summary.rubric, Some((28, 100.0)));
    // The rubric's 一级 are the top-level sections, first; no wrapper level.
    let top: Vec<&str> =
        r.sections.iter().filter(|s| s.parent.is_none()).map(|s| s.title.as_str()).take(4).collect();
    assert_eq!(top, ["部门决策", "综合管理", "部门绩效情况", "一、部门（单位）基本概况"]);
    assert_eq!(titles_of(r, &r.sections[section(r, "r1")].children), ["目标任务", "预算编制"]);
    // The indicators are the only items: 28 of them, 100 points, ids of their own family.
    assert_eq!(r.items.len(), 28);
    assert!(r.items.iter().all(|i| i.id.starts_with('r')));
    assert_eq!(r.items.iter().map(|i| i.scale.max).sum::<f64>(), 100.0);
    let first = &r.items[0];
    assert_eq!((first.id.as_str(), first.title.as_deref(), first.scale.max), ("r1.1.1", Some("相关性"), 5.0));
    assert_eq!(*first.tags, ["部门决策"]);
    assert!(r.require_note_below_max, "a rubric import requires reasons");
    // The text stays complete, as reading sections with the ids it has without a rubric.
    let plain = import("shaodong-2022.txt");
    for item in plain.report.items.iter() {
        let s = section(r, &item.id);
        assert_eq!(r.sections[s].body.as_deref(), Some(item.text.as_str()), "{}", item.id);
    }
    assert!(imported.summary.lines().iter().any(|l| l == "scoring table: 28 indicators, 100 points"));
    // --score-text scores the claims too, the rubric still on top; --no-require-reasons opts out.
    let both = Options {
        rubric: rubric("rubric-dazhou.csv"),
        score_text: true,
        require_reasons: Some(false),
        ..Options::default()
    };
    let both = import_file(&fixture("shaodong-2022.txt"), &both).unwrap().report;
    assert_eq!(both.items.len(), 28 + plain.report.items.len());
    assert_eq!(both.sections[0].title, "部门决策");
    assert!(!both.require_note_below_max);
    // Without a rubric nothing requires reasons, unless asked.
    assert!(!plain.report.require_note_below_max);
    let asked = Options { require_reasons: Some(true), ..Options::default() };
    assert!(import_file(&fixture("shaodong-2022.txt"), &asked).unwrap().report.require_note_below_max);
}

#[test]
fn a_rubric_that_does_not_add_up_is_reported() {
    // Its 合计 row says 100 and its indicators add up to 24: refused, with both numbers.
    let options = Options { rubric: rubric("rubric-broken.csv"), ..Options::default() };
    let refused = import_file(&fixture("shaodong-2022.txt"), &options).map(|_| ()).unwrap_err();
    let refused = format!("{refused:?}");
    assert!(
        refused.contains("rubric-broken.csv: the table's total is 100 points (its total row)"),
        "{refused}"
    );
    assert!(refused.contains("5 indicators, 24 points"), "{refused}");
    // Without the 合计 row nothing contradicts the table: imported, with the sums warned about.
    let csv = std::fs::read_to_string(fixture("rubric-broken.csv")).unwrap();
    let rows: String = csv.lines().filter(|l| !l.starts_with("合计")).map(|l| format!("{l}\n")).collect();
    let options = Options {
        rubric: Some(RubricFile { name: "rubric-broken.csv".into(), bytes: rows.into_bytes(), sheet: None }),
        ..Options::default()
    };
    let imported = import_file(&fixture("shaodong-2022.txt"), &options).unwrap();
    let warnings = imported.summary.warnings.join("\n");
    assert!(
        warnings.contains("二级指标 “目标任务” (部门决策) is worth 15 points but its 三级指标 add up to 14"),
        "{warnings}"
    );
    assert!(
        warnings.contains("一级指标 “部门决策” is worth 25 points but its indicators add up to 24"),
        "{warnings}"
    );
    assert!(warnings.contains("the indicators add up to 24 points, not 100"), "{warnings}");
    assert!(warnings.starts_with("rubric-broken.csv: "), "{warnings}");
    // Criteria come through; the report is still valid.
    let r = &imported.report;
    assert_eq!(
        r.items[r.sections[section(r, "r1.1")].items[0]].criteria.as_deref(),
        Some("与职能相关的得满分")
    );
    // A GBK-encoded rubric (as Excel writes it) reads the same.
    let csv = std::fs::read_to_string(fixture("rubric-dazhou.csv")).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&csv);
    let options = Options {
        rubric: Some(RubricFile { name: "r.csv".into(), bytes: gbk.into_owned(), sheet: None }),
        ..Options::default()
    };
    let twin = import_file(&fixture("shaodong-2022.txt"), &options).unwrap();
    assert_eq!(twin.summary.rubric, Some((28, 100.0)));
}

#[test]
fn a_bad_rubric_names_the_row() {
    let options = Options {
        rubric: Some(RubricFile {
            name: "r.csv".into(),
            bytes: "决策,25,目标,15,相关性,五分\n".as_bytes().to_vec(),
            sheet: None,
        }),
        ..Options::default()
    };
    let err = import_file(&fixture("shaodong-2022.txt"), &options).unwrap_err();
    assert_eq!(err.to_string(), "r.csv: row 1, column points: \"五分\" is not a number of points");
}

// ---------------------------------------------------------------------------------------------
// Numbering styles, one document each

#[test]
fn each_numbering_style_nests() {
    let cases: [(&str, &str); 13] = [
        ("一、甲\n（一）子\n正文\n二、乙\n正文", "s1 一、甲\n  · s1.1 （一）子\ns2 二、乙"),
        ("（一）甲\n1.子\n正文\n(二)乙\n正文", "s1 （一）甲\n  · s1.1 1.子\ns2 (二)乙"),
        (
            "一、总\n1.甲\n正文\n2、乙\n正文\n3．丙\n正文",
            "s1 一、总\n  · s1.1 1.甲\n  · s1.2 2、乙\n  · s1.3 3．丙",
        ),
        ("一、总\n（1）甲\n正文\n(2)乙\n正文", "s1 一、总\n  · s1.1 （1）甲\n  · s1.2 (2)乙"),
        ("一、总\n①甲\n②乙", "s1 一、总\n  · s1.1 ①甲\n  · s1.2 ②乙"),
        (
            "第一章 总则\n第一节 目的\n正文\n第二节 范围\n正文\n第二章 评价\n正文",
            "s1 第一章 总则\n  · s1.1 第一节 目的\n  · s1.2 第二节 范围\ns2 第二章 评价",
        ),
        (
            "一、成效\n主要做法：一是甲。二是乙；三是丙。",
            "s1 一、成效\n  · s1.1 甲\n  · s1.2 乙\n  · s1.3 丙",
        ),
        (
            "1. Intro\nText.\n1.1 Scope\nText.\n1.1.1 Detail\nText.\n2. End\nText.",
            "s1 1. Intro\n  s1.1 1.1 Scope\n    · s1.1.1 1.1.1 Detail\ns2 2. End\n  · s2.1 2. End",
        ),
        (
            "I. One\nA. First\nText.\nB. Second\nText.\nII. Two\nText.",
            "s1 I. One\n  · s1.1 A. First\n  · s1.2 B. Second\ns2 II. Two\n  · s2.1 II. Two",
        ),
        (
            "A. One\n(a) first\n(b) second\nB. Two\nText.",
            "s1 A. One\n  · s1.1 (a) first\n  · s1.2 (b) second\ns2 B. Two\n  · s2.1 B. Two",
        ),
        (
            "# 一、甲\n## 小节\n正文\n## 小节二\n正文\n# 二、乙\n正文",
            "s1 一、甲\n  · s1.1 小节\n  · s1.2 小节二\ns2 二、乙",
        ),
        (
            "１．甲\n（１）子\n正文\n（２）子二\n正文\n２．乙\n正文",
            "s1 １．甲\n  · s1.1 （１）子\n  · s1.2 （２）子二\ns2 ２．乙",
        ),
        (
            "甲、总\n(一)子\n正文\n(二)子二\n正文\n乙、分\n正文",
            "s1 甲、总\n  · s1.1 (一)子\n  · s1.2 (二)子二\ns2 乙、分",
        ),
    ];
    for (text, expected) in cases {
        let name = if text.starts_with('#') { "t.md" } else { "t.txt" };
        let imported = import_text(name, text);
        assert_eq!(outline(&imported.report).trim_end(), expected, "for:\n{text}");
        assert_positional_ids(&imported.report);
    }
}

#[test]
fn one_level_of_numbering_makes_each_part_an_item() {
    let imported = import_text("flat.txt", "一、甲\n正文甲。\n二、乙\n正文乙。");
    let r = &imported.report;
    assert_eq!(outline(r), "s1 flat\n  · s1.1 一、甲\n  · s1.2 二、乙\n");
    assert_eq!(r.items[1].text, "正文乙。");
    assert!(imported.summary.notes.iter().any(|n| n.contains("one level of numbering only")));
    // No numbering at all: the text is one item; short title lines followed by paragraphs make items.
    let r = import_text("plain.txt", "只是一段没有编号的文字。\n第二段。").report;
    assert_eq!(outline(&r), "s1 plain\n  · s1.1 plain\n");
    assert_eq!(r.items[0].text, "只是一段没有编号的文字。\n第二段。");
    let r =
        import_text("plain.txt", "年度小结\n开头一段。\n资金管理\n资金管理规范。\n项目进度\n项目按期完成。")
            .report;
    assert_eq!(outline(&r), "s1 年度小结\n  · s1.1 资金管理\n  · s1.2 项目进度\n");
}

#[test]
fn a_document_starting_at_a_lower_level_nests_the_same() {
    let r = import("starts-at-paren.txt").report;
    assert_eq!(
        outline(&r),
        "s1 （一）基本支出执行情况\n  · s1.1 1.人员经费\n  s1.2 2.公用经费\n    · s1.2.1 （1）办公费\n    · s1.2.2 （2）差旅费\n\
         s2 （二）项目支出执行情况\n  · s2.1 1.校舍维修\n  · s2.2 2.设备购置\n"
    );
    assert_eq!(r.title, "starts-at-paren");
}

#[test]
fn western_roman_and_letter_numbering() {
    let r = import("western-numbering.txt").report;
    assert_eq!(
        outline(&r),
        "s1 1. Introduction\n  · s1.1 1.1 Scope\n  · s1.2 1.2 Method\ns2 2. Results\n  s2.1 2.1 Lending\n    · s2.1.1 2.1.1 Print\n    · s2.1.2 2.1.2 Digital\n  s2.2 2.2 Programmes\n    · s2.2.1 Children's reading sessions reached 3,400 participants\ns3 3. Issues\n  · s3.1 3. Issues\n"
    );
    assert!(r.meta.contains(&("lang".into(), "en".into())));
    assert!(r.grades.is_empty(), "no grade bands for English reports");
    let r = import("roman-letters.txt").report;
    let top = tops(&r);
    assert_eq!(titles_of(&r, &top), ["I. Objectives", "II. Findings", "III. Recommendations"]);
    assert_eq!(
        item_titles(&r, section(&r, "s1.1")),
        ["(a) Extend opening hours at both branches", "(b) Add a mobile library route"]
    );
}

#[test]
fn traditional_characters_work_the_same() {
    let imported = import("traditional.txt");
    let r = &imported.report;
    assert_eq!(r.title, "某縣衛生局2023年度部門整體支出績效自評報告");
    assert_eq!(titles_of(r, &tops(r)), ["一、部門概況", "二、績效目標完成情況", "三、存在的問題"]);
    assert_eq!(
        item_titles(r, section(r, "s2.1")),
        ["完善分級診療制度", "推進家庭醫生簽約服務", "加強基層人才隊伍建設"]
    );
    assert_eq!(item_titles(r, section(r, "s2.2")), ["開展健康教育活動48場", "完成疫苗接種12.6萬劑次"]);
    assert_eq!(item_titles(r, section(r, "s3")), ["資金撥付不及時", "績效監控不到位"]);
    assert!(imported.summary.skipped.iter().any(|s| s.contains("table of contents")));
}

#[test]
fn chapters_circled_and_mixed_punctuation() {
    let r = import("chapters.txt").report;
    assert_eq!(item_titles(&r, section(&r, "s1.2")).len(), 3);
    assert_eq!(item_titles(&r, section(&r, "s2.1")), ["一、数量指标", "二、质量指标"]);
    let r = import("mixed-styles.txt").report;
    assert_eq!(
        outline(&r),
        "s1 一．项目概况\ns2 二．资金情况\n  s2.1 1、资金到位\n    · s2.1.1 ⑴中央资金到位率100%\n    · s2.1.2 ⑵县级资金到位率80%\n  s2.2 2．资金使用\n    · s2.2.1 支出进度达到序时要求\n  s2.3 3. 资金管理\n    · s2.3.1 实行专账核算\ns3 三．结论\n  · s3.1 三．结论\n"
    );
    assert_eq!(r.title, "２０２３年度项目自评报告");
    assert!(r.meta.contains(&("year".into(), "2023".into())));
}

#[test]
fn numbers_in_running_text_are_not_headings() {
    let text = "一、概况\n（一）投资\n3.5亿元用于基础设施建设。\n2022年完成投资。\n5. 这不是标题，因为序号不接续。\n\
                二、成效\n（一）指标\n一、二、三级指标全部完成。\n统一是关键。";
    let imported = import_text("t.txt", text);
    assert_eq!(
        outline(&imported.report),
        "s1 一、概况\n  · s1.1 （一）投资\ns2 二、成效\n  · s2.1 （一）指标\n"
    );
    assert_eq!(
        imported.report.items[0].text,
        "3.5亿元用于基础设施建设。\n2022年完成投资。\n5. 这不是标题，因为序号不接续。"
    );
    assert_eq!(imported.report.items[1].text, "一、二、三级指标全部完成。\n统一是关键。");
    assert!(
        imported.summary.notes.iter().any(|n| n.contains("kept as text")),
        "{:?}",
        imported.summary.notes
    );
}

// ---------------------------------------------------------------------------------------------
// Noise

#[test]
fn table_of_contents_page_numbers_and_form_feeds_are_dropped() {
    let imported = import("toc-pages.txt");
    let r = &imported.report;
    assert_eq!(r.title, "某县教育局2023年度部门整体支出绩效自评报告");
    assert_eq!(titles_of(r, &tops(r)), ["一、部门基本情况", "二、绩效目标完成情况", "三、存在的问题"]);
    assert_eq!(
        r.sections[section(r, "s1")].body.as_deref(),
        Some("县教育局负责全县教育事业发展规划、管理和督导，下设股室9个。\n全年部门支出合计8,912.4万元。")
    );
    assert_eq!(item_titles(r, section(r, "s2.2")), ["1.义务教育巩固率99.8%", "2.家长满意度96%"]);
    let skipped = imported.summary.skipped.join(", ");
    assert!(skipped.contains("a table of contents (6 lines)"), "{skipped}");
    assert!(skipped.contains("4 page numbers"), "{skipped}");
    assert!(skipped.contains("3 form feeds"), "{skipped}");
    let all_text = imported.json.clone();
    for noise in ["- 1 -", "第 2 页", "……", "\u{3000}", "\\f"] {
        assert!(!all_text.contains(noise), "{noise:?} left in the report");
    }
}

#[test]
fn a_table_of_contents_without_its_title_is_dropped() {
    let text = "报告\n一、概况 1\n二、成效 3\n三、问题 5\n一、概况\n正文一。\n二、成效\n正文二。\n三、问题\n正文三。";
    let r = import_text("t.txt", text).report;
    assert_eq!(outline(&r), "s1 报告\n  · s1.1 一、概况\n  · s1.2 二、成效\n  · s1.3 三、问题\n");
    assert_eq!(r.items[0].text, "正文一。");
}

#[test]
fn hard_wrapped_text_is_joined_into_paragraphs() {
    let imported = import("pdf-wrapped.txt");
    let r = &imported.report;
    assert_eq!(r.title, "某局2023年度部门整体支出绩效自评报告");
    let texts: Vec<&str> = r.items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts.len(), 2);
    assert!(texts[0].contains("资金使用效益明显提升") && texts[0].contains("\n在项目管理方面"), "{texts:?}");
    assert!(!texts[0].contains("\n资金使用"), "a wrapped line was left broken: {texts:?}");
    assert!(imported.summary.skipped.iter().any(|s| s.contains("hard line breaks joined")));
}

// ---------------------------------------------------------------------------------------------
// Markdown and Word

#[test]
fn markdown_headings_tables_and_title() {
    let imported = import("sample.md");
    let r = &imported.report;
    assert_eq!(imported.summary.format, "Markdown");
    assert_eq!(r.title, "County Arts Grant 2023 — Self-evaluation");
    assert_eq!(titles_of(r, &tops(r)), ["Preface", "Objectives", "Spending", "Issues"]);
    assert_eq!(r.sections[0].id, "s0");
    assert_eq!(item_titles(r, section(r, "s2")), ["Events", "Commissions"]);
    let spending = r.sections[section(r, "s2")].body.as_deref().unwrap();
    assert!(spending.contains("Events | 60,000 | 58,200"), "{spending}");
    assert!(!imported.json.contains("**"));
    assert!(r.meta.contains(&("author".into(), "Arts Office".into())));
    assert!(r.meta.contains(&("date".into(), "2024-01-15".into())));
}

#[test]
fn docx_sample_reads_styles_numbering_and_tables() {
    let imported = import("sample.docx");
    let r = &imported.report;
    assert_eq!(imported.summary.format, "Word .docx");
    assert_eq!(r.title, "邵东市卫生健康局2023年度部门整体支出绩效自评报告");
    assert!(r.meta.contains(&("unit".into(), "邵东市卫生健康局".into())));
    assert_eq!(
        outline(r),
        "s1 一、部门概况\ns2 二、绩效目标完成情况\n  s2.1 （一）预算执行\n    · s2.1.1 1. 门诊量稳步增长\n    · s2.1.2 2. 公共卫生服务到位\n  \
         s2.2 （二）产出情况\n    · s2.2.1 完成基层医疗机构标准化建设12所\n    · s2.2.2 开展健康教育讲座86场\n\
         s3 三、存在的问题\n  · s3.1 预算编制不够精准\n  · s3.2 绩效目标设置偏低\n\
         s4 四、改进措施\n  · s4.1 1、加强预算编制的前瞻性，提高预算准确率\n  · s4.2 2、科学设置绩效目标，指标值不低于上年水平\n"
    );
    let table = r.sections[section(r, "s2.2")].body.as_deref().unwrap();
    assert_eq!(
        table,
        "| 指标 | 目标值 | 完成值 |\n| 家庭医生签约率 | 60% | 63.5% |\n| 预防接种率 | 90% | 95.1% |"
    );
    assert!(
        imported.summary.skipped.iter().any(|s| s == "a table of contents (5 lines)"),
        "{:?}",
        imported.summary.skipped
    );
}

/// A .docx built here: outline levels on paragraphs, a chineseCounting list, a TOC content
/// control, a tracked deletion, an entity, a nested table and a line break.
#[test]
fn docx_built_in_the_test() {
    let p = |style: &str, text: &str| {
        let ppr = if style.is_empty() { String::new() } else { format!("<w:pPr>{style}</w:pPr>") };
        format!("<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    };
    let num = |id: u8| format!("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{id}\"/></w:numPr>");
    let body = [
        p("<w:pStyle w:val=\"Title\"/>", "测试局2024年度自评报告"),
        "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj></w:sdtPr><w:sdtContent>".into(),
        p("", "目录"),
        p("", "一、概况\t1"),
        "</w:sdtContent></w:sdt>".into(),
        p("<w:outlineLvl w:val=\"0\"/>", "一、概况"),
        p("", "R&amp;D 投入 1,200 万元。<w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del>"),
        p("<w:outlineLvl w:val=\"0\"/>", "二、成效"),
        p(&num(5), "服务质量提升"),
        p("", "群众满意度98%。<w:br/>第二行。"),
        p(&num(5), "办事效率提高"),
        p("", "平均办结时间缩短30%。"),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>金额</w:t></w:r></w:p>\
         <w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>"
            .into(),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let styles = "<?xml version=\"1.0\"?><w:styles xmlns:w=\"w\"><w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style></w:styles>";
    let numbering = "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"w\"><w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%1）\"/></w:lvl></w:abstractNum><w:num w:numId=\"5\"><w:abstractNumId w:val=\"3\"/></w:num></w:numbering>";
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        for (name, data) in [
            ("word/document.xml", document.as_str()),
            ("word/styles.xml", styles),
            ("word/numbering.xml", numbering),
        ] {
            zip.start_file(name, opts).unwrap();
            zip.write_all(data.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    let imported = import_bytes(buf.get_ref(), Path::new("built.docx"), &Options::default()).unwrap();
    let r = &imported.report;
    assert_eq!(r.title, "测试局2024年度自评报告");
    assert_eq!(
        outline(r),
        "s1 一、概况\ns2 二、成效\n  · s2.1 （一）服务质量提升\n  · s2.2 （二）办事效率提高\n"
    );
    assert_eq!(r.sections[0].body.as_deref(), Some("R&D 投入 1,200 万元。"));
    assert_eq!(r.items[0].text, "群众满意度98%。\n第二行。");
    assert_eq!(r.items[1].text, "平均办结时间缩短30%。\n| 项目 | 金额 内 |");
    assert!(
        imported.summary.skipped.iter().any(|s| s.contains("table of contents (2 lines)")),
        "{:?}",
        imported.summary.skipped
    );
}

// ---------------------------------------------------------------------------------------------
// Errors: one sentence naming the file and the place

fn error_for(name: &str, bytes: &[u8]) -> ImportError {
    match import_bytes(bytes, Path::new(name), &Options::default()) {
        Ok(i) => panic!("{name} imported: {}", i.summary.lines().join("; ")),
        Err(e) => e,
    }
}

#[test]
fn unusable_input_is_refused_with_the_reason() {
    let cases: [(&str, &[u8], &str); 8] = [
        ("empty.txt", b"", "empty.txt: the document is empty"),
        ("blank.txt", b" \n\r\n\t\x0c\xE3\x80\x80\n", "blank.txt: the document is empty"),
        (
            "nul.txt",
            b"abc\0def",
            "nul.txt: this looks like a binary file, not text (it has a NUL byte at offset 3)",
        ),
        ("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", "old.doc: this is an old binary Word .doc"),
        ("x.docx", b"PK\x03\x04 not really", "x.docx: this is not a readable .docx (zip) file"),
        (
            "bad.txt",
            b"line one\nline two\n\xFF\xFE\xFD\xFC\xFB\xFA\xF9\xF8\xF7\xF6\xF5\xF4\xF3",
            "bad.txt: line 3 (byte 18): this is not text in a known encoding",
        ),
        ("r.json", b"{}", "r.json: this is a JSON file"),
        ("r.rtf", b"{\\rtf1\\ansi hello}", "r.rtf: this is an RTF document"),
    ];
    for (name, bytes, expected) in cases {
        let e = error_for(name, bytes);
        assert!(e.to_string().starts_with(expected), "{name}: {e}");
        assert!(!e.to_string().contains('\n'), "{name}: more than one line: {e}");
    }
    let zip_without_word = {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        zip.start_file("a.txt", zip::write::SimpleFileOptions::default()).unwrap();
        zip.write_all(b"hi").unwrap();
        zip.finish().unwrap();
        buf.into_inner()
    };
    assert!(error_for("a.docx", &zip_without_word).to_string().contains("has no word/document.xml"));
    let e = import_file(Path::new("/nonexistent/r.txt"), &Options::default()).unwrap_err();
    assert_eq!(e.to_string(), "cannot read /nonexistent/r.txt: no such file");
    let dir = std::env::temp_dir();
    let e = import_file(&dir, &Options::default()).unwrap_err();
    assert!(e.to_string().contains("it is a directory"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Hostile input: never a panic, always a valid report or a one-line error

fn survives(name: &str, bytes: &[u8]) {
    let _ = survives_as(name, bytes);
}

/// As [`survives`]; the report, when the input made one.
fn survives_as(name: &str, bytes: &[u8]) -> Option<Report> {
    match import_bytes(bytes, Path::new(name), &Options::default()) {
        Ok(imported) => {
            assert_positional_ids(&imported.report);
            assert!(!imported.report.sections.is_empty() || imported.report.items.is_empty());
            Some(imported.report)
        }
        Err(e) => {
            assert!(e.to_string().starts_with(name), "{e}");
            assert!(!e.to_string().contains('\n'), "{e}");
            None
        }
    }
}

/// How many times `needle` occurs in the report's words: titles, bodies and item texts.
fn occurrences(r: &Report, needle: &str) -> usize {
    let sections = r.sections.iter().flat_map(|s| [Some(&*s.title), s.body.as_deref()]);
    let items = r.items.iter().flat_map(|i| [i.title.as_deref(), Some(&*i.text)]);
    std::iter::once(Some(&*r.title))
        .chain(sections)
        .chain(items)
        .flatten()
        .map(|t| t.matches(needle).count())
        .sum()
}

#[test]
fn hostile_inputs_never_panic() {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for len in [1usize, 2, 3, 7, 64, 1000, 65_537] {
        for _ in 0..8 {
            let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            survives("random.txt", &bytes);
            survives("random.docx", &bytes);
        }
    }
    // The large ones make reports that keep every word (how fast: `cargo bench --bench import`).
    let huge_line = format!("一、{}", "很长的一行。".repeat(400_000));
    let r = survives_as("huge.txt", huge_line.as_bytes()).expect("one long line is a report");
    assert_eq!(occurrences(&r, "很长的一行。"), 400_000, "huge.txt");
    let claims: String = (1..=99).map(|i| format!("{}是做法{i}；", chinese(i))).collect();
    survives("claims.txt", format!("一、成效\n{claims}").as_bytes());
    let many = (1..=5000).map(|i| format!("{i}. 标题{i}\n正文。\n")).collect::<String>();
    let r = survives_as("many.txt", many.as_bytes()).expect("5 000 headings are a report");
    // (A part with only its text beside parts with items is one item named by its heading:
    // that heading is said twice, once a title.)
    let mut named_twice = 0;
    for s in &r.sections {
        for &i in &s.items {
            if r.items[i].title.as_deref() == Some(&*s.title) {
                named_twice += s.title.matches("标题").count();
            }
        }
    }
    assert_eq!((occurrences(&r, "标题") - named_twice, occurrences(&r, "正文。")), (5000, 5000), "many.txt");
    // The same heading over and over, text between.
    let same = "1. 标题\n正文。\n".repeat(60_000);
    let r = survives_as("same.txt", same.as_bytes()).expect("a repeated heading is a report");
    assert_eq!((occurrences(&r, "标题"), occurrences(&r, "正文。")), (60_000, 60_000), "same.txt");
    // Every style nested in one another, deeper than the format's 16 levels.
    let deep = [
        "第一章 a",
        "第一节 b",
        "一、c",
        "（一）d",
        "1. e",
        "（1）f",
        "① g",
        "1.1 h",
        "1.1.1 i",
        "I. j",
        "A. k",
        "(a) l",
        "a) m",
        "i. n",
        "甲、o",
        "第一条 p",
        "第一部分 q",
        "第一篇 r",
        "1) s",
        "一是t",
        "第一， u",
    ];
    survives("deep.txt", deep.join("\n").as_bytes());
    let mut utf16_nuls = vec![0xFF, 0xFE];
    utf16_nuls.extend("一、\0\0正文\u{1b}[31m红\n".encode_utf16().flat_map(u16::to_le_bytes));
    survives("nuls.txt", &utf16_nuls);
    survives("bidi.txt", "一、\u{202e}反转\u{200b}\n正文\x07\x1b]0;title\x07".as_bytes());
    survives("only-numbers.txt", b"1.\n2.\n3.\n(1)\n(2)\n");
    survives("only-toc.txt", "目录\n一、概况……1\n二、成效……2\n".as_bytes());
    survives("md.md", b"# \n## \n```\nunclosed fence\n| a |\n|---|\n---\ntitle: x\n");
    survives("broken.docx", b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
}

fn chinese(n: u32) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n as usize].into(),
        10..=19 => format!("十{}", D[(n % 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
    }
}

/// Pieces real reports are made of, for the property tests.
fn report_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("一、".to_string()),
        Just("二、".to_string()),
        Just("（一）".to_string()),
        Just("(二)".to_string()),
        Just("1.".to_string()),
        Just("2、".to_string()),
        Just("（1）".to_string()),
        Just("①".to_string()),
        Just("第一章 ".to_string()),
        Just("一是".to_string()),
        Just("二是".to_string()),
        Just("1.1 ".to_string()),
        Just("I. ".to_string()),
        Just("A. ".to_string()),
        Just("(a) ".to_string()),
        Just("# ".to_string()),
        Just("目录".to_string()),
        Just("……3".to_string()),
        Just("- 2 -".to_string()),
        Just("。".to_string()),
        Just("：".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{3000}".to_string()),
        Just("\x0c".to_string()),
        "[a-z 甲乙丙丁预算绩效“”，]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_imports_to_a_valid_report(text in any::<String>()) {
        survives("any.txt", text.as_bytes());
        survives("any.md", text.as_bytes());
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        survives("bytes.txt", &bytes);
    }

    #[test]
    fn report_shaped_text_imports_to_a_valid_report(pieces in prop::collection::vec(report_piece(), 0..120)) {
        let text = pieces.concat();
        let imported = import_bytes(text.as_bytes(), Path::new("shaped.txt"), &Options::default());
        match imported {
            Ok(i) => {
                assert_positional_ids(&i.report);
                // Stable: the same text gives the same report.
                let again = import_bytes(text.as_bytes(), Path::new("shaped.txt"), &Options::default()).unwrap();
                prop_assert_eq!(i.json, again.json);
            }
            Err(e) => prop_assert!(e.to_string().starts_with("shaped.txt: the document is empty"), "{}", e),
        }
    }
}

/// The built-in sample is what a newcomer's first command makes of the real inputs: the command
/// in fixtures/import/README.md, run again, gives `fixtures/sample.json` byte for byte.
#[test]
fn the_built_in_sample_is_the_shaodong_text_imported_with_the_dazhou_rubric() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sample.json");
    let status = crate::support::command()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "import",
            "fixtures/import/shaodong-2022.txt",
            "--rubric",
            "fixtures/import/rubric-dazhou.csv",
        ])
        .args([
            "--id",
            "shaodong-2022-rubric",
            "--title",
            "邵东市行政审批服务局 2022 年度部门整体支出绩效自评报告",
        ])
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let made = std::fs::read_to_string(&out).unwrap();
    let sample = std::fs::read_to_string(fixture("../sample.json")).unwrap();
    assert!(made == sample, "fixtures/sample.json is stale: run the command in fixtures/import/README.md");
}
