//! The unit being evaluated (src/import/unit.rs): found in the text when the title is the form's
//! generic one, in the title when it names the unit, or given by `--unit`; written as
//! `meta.unit`, named by a generic title (the screen's title), and on every sheet (the framing's
//! first fact: xlsx, Markdown, CSV for Excel).

use crate::sheets_support::{ok, text};
use appraise::import::{Imported, Options, RubricFile, import_bytes};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(rel)
}

fn import(text: &str, unit: Option<&str>, title: Option<&str>) -> (Value, Imported) {
    let path = fixture(text);
    let options = Options {
        rubric: Some(RubricFile {
            name: "rubric-dazhou.csv".into(),
            bytes: std::fs::read(fixture("import/rubric-dazhou.csv")).unwrap(),
            sheet: None,
        }),
        unit: unit.map(str::to_string),
        title: title.map(str::to_string),
        ..Options::default()
    };
    let imported = import_bytes(&std::fs::read(&path).unwrap(), &path, &options).unwrap();
    (serde_json::from_str(&imported.json).unwrap(), imported)
}

#[test]
fn the_seed_reports_unit_comes_from_its_first_paragraph_under_the_forms_title() {
    // The text's title is the form's: 市级部门（单位）整体支出绩效自评报告; 一、基本概况 opens
    // with 邵东市行政审批服务局机关行政编制10名.
    let (json, imported) = import("import/shaodong-2022.txt", None, None);
    assert_eq!(json["meta"]["unit"], "邵东市行政审批服务局");
    assert_eq!(json["title"], "邵东市行政审批服务局整体支出绩效自评报告");
    assert_eq!(imported.report.title, "邵东市行政审批服务局整体支出绩效自评报告");
    // Given a title, the title is kept; the unit is still found.
    let (json, _) = import("import/shaodong-2022.txt", None, Some("自评报告"));
    assert_eq!(
        (json["title"].as_str(), json["meta"]["unit"].as_str()),
        (Some("自评报告"), Some("邵东市行政审批服务局"))
    );
}

#[test]
fn another_report_names_its_unit_in_its_opening_or_its_title() {
    // A content farm's copy: the title line is a file name, the unit opens the text.
    let (json, _) = import("import/wild/zh-self-henan-xuchang-2022.txt", None, None);
    assert_eq!(json["meta"]["unit"], "许昌市河湖水系水源调度中心");
    // The cover's 评价机构 (部门(单位)评价组) is not the unit: the text's first line names it.
    let (json, _) = import("import/wild/zh-self-hunan-yueyang-cgj-2018.txt", None, None);
    assert_eq!(json["meta"]["unit"], "岳阳市城市管理监督指挥中心");
    // A title that names the unit is the unit's source, and stays as it is.
    let (json, _) = import("evidence/heldout/hunan-nanxian-czj-2020.txt", None, None);
    assert_eq!(json["meta"]["unit"], "南县财政局");
    assert_eq!(json["title"], "南县财政局2020年度 机关整体支出绩效评价报告");
    // A document the text cites (《张家界市财政局关于…》) is not the unit: none is found.
    let (json, _) = import("evidence/heldout/hunan-zhangjiajie-court-2016.txt", None, None);
    assert!(json["meta"].get("unit").is_none(), "{}", json["meta"]);
}

#[test]
fn the_unit_flag_wins_and_names_the_generic_title() {
    let (json, _) = import("import/shaodong-2022.txt", Some("邵东市行政审批服务局（本级）"), None);
    assert_eq!(json["meta"]["unit"], "邵东市行政审批服务局（本级）");
    assert_eq!(json["title"], "邵东市行政审批服务局（本级）整体支出绩效自评报告");
    // Where the text names none, the flag gives it.
    let (json, _) =
        import("evidence/heldout/hunan-zhangjiajie-court-2016.txt", Some("张家界市中级人民法院"), None);
    assert_eq!(json["meta"]["unit"], "张家界市中级人民法院");
}

#[test]
fn the_command_line_takes_unit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.json");
    ok(&[
        "import",
        "fixtures/evidence/heldout/hunan-zhangjiajie-court-2016.txt",
        "--rubric",
        "fixtures/import/rubric-dazhou.csv",
        "--unit",
        "张家界市中级人民法院",
        "-q",
        "-o",
        out.to_str().unwrap(),
    ]);
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["meta"]["unit"], "张家界市中级人民法院");
}

#[test]
fn every_sheet_names_the_unit() {
    const SAMPLE: &str = "fixtures/sample.json";
    const SCORES: &str = "fixtures/scores/sample.zhangsan.scores.json";
    let md = text(&ok(&["export", SAMPLE, "--scores", SCORES, "--format", "md"]));
    assert!(md.lines().any(|l| l.starts_with("被评价单位") && l.contains("邵东市行政审批服务局")), "{md}");
    let csv = text(&ok(&["export", SAMPLE, "--scores", SCORES, "--format", "csv"]));
    // The title row first, then whose report, then who scored it.
    let unit = csv.trim_start_matches('\u{feff}').lines().nth(1).unwrap().to_string();
    assert!(unit.starts_with("被评价单位,邵东市行政审批服务局"), "{unit}");
    assert!(csv.lines().nth(2).is_some_and(|l| l.starts_with("评价人,")), "who still follows");
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("s.xlsx");
    ok(&["export", SAMPLE, "--scores", SCORES, "-o", xlsx.to_str().unwrap()]);
    let book = crate::sheets_support::Book::read(&xlsx);
    let above: Vec<String> = (0..book.top)
        .map(|row| book.cell(row, 0).to_string() + "|" + &book.cell(row, 1).to_string())
        .collect();
    assert!(above.iter().any(|r| r == "被评价单位|邵东市行政审批服务局"), "{above:?}");
    // The English sheet says it in English.
    let md = text(&ok(&["export", SAMPLE, "--scores", SCORES, "--format", "md", "--lang", "en"]));
    assert!(md.contains("Unit evaluated"), "{md}");
}
