//! Scoring tables (`import --rubric TABLE`) in every format a Chinese evaluation office sends:
//! the same Dazhou table as .xlsx (title row, merged 一级/二级 cells, 合计 row, a second sheet),
//! .xls, .docx (vertical merges, points inside names such as `部门决策（25分）`), .csv and .md
//! reads to the same indicator tree; broken or unreadable tables are refused with one line that
//! names the file and the cell or row, and nothing is written. The fixtures are made by
//! `fixtures/rubric/make.py`.

use appraise::import::RubricFile;
use appraise::import::rubric::{Rubric, parse};
use appraise::lang::Lang;
use std::path::PathBuf;
use std::process::Output;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/rubric").join(name)
}

fn file(name: &str, sheet: Option<&str>) -> RubricFile {
    RubricFile {
        name: name.to_string(),
        bytes: std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}")),
        sheet: sheet.map(str::to_string),
    }
}

fn read(name: &str, sheet: Option<&str>) -> Result<Rubric, String> {
    let _en = appraise::words::pin(Lang::En);
    parse(&file(name, sheet))
}

/// Each indicator as `一级 (points) › 二级 (points) › name: points | criteria`.
fn tree(r: &Rubric) -> Vec<String> {
    r.indicators
        .iter()
        .map(|i| {
            let groups: Vec<String> =
                i.groups.iter().map(|g| format!("{} ({:?})", g.name, g.points)).collect();
            format!(
                "{} › {}: {} | {}",
                groups.join(" › "),
                i.name,
                i.points,
                i.criteria.as_deref().unwrap_or("")
            )
        })
        .collect()
}

fn appraise(args: &[&str]) -> Output {
    crate::support::command().args(args).output().expect("runs the binary")
}

fn report_text() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/import/shaodong-2022.txt")
}

/// `appraise import shaodong.txt --rubric FIXTURE [extra…] -o OUT`: (exit code, stderr, the
/// output file if written).
fn import(name: &str, extra: &[&str]) -> (Option<i32>, String, Option<serde_json::Value>) {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.json");
    let table = fixture(name);
    let text = report_text();
    let mut args = vec![
        "import",
        text.to_str().unwrap(),
        "--rubric",
        table.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let out = appraise(&args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let json = std::fs::read_to_string(&out_path).ok().map(|t| serde_json::from_str(&t).expect("JSON"));
    (out.status.code(), stderr, json)
}

#[test]
fn every_format_reads_to_the_same_tree() {
    let csv = read("dazhou.csv", None).unwrap();
    let expected = tree(&csv);
    assert_eq!(expected.len(), 28);
    assert_eq!(csv.total(), 100.0);
    assert_eq!(
        expected[0],
        "部门决策 (Some(25.0)) › 目标任务 (Some(15.0)) › 相关性: 5 | \
         部门整体绩效目标与部门职能、中长期规划和年度工作计划相符，相符得5分，不相符的酌情扣分"
    );
    assert!(expected[21].contains("部门特性指标（自定）: 20"), "not points: {}", expected[21]);
    for name in ["dazhou.xlsx", "dazhou.xls", "dazhou.docx", "dazhou.md"] {
        let r = read(name, None).unwrap_or_else(|e| panic!("{e}"));
        // The .docx writes criteria with a semicolon as two paragraphs: one line each.
        let got: Vec<String> = tree(&r).iter().map(|l| l.replace("；\n", "；")).collect();
        assert_eq!(got, expected, "{name}");
        assert!(r.warnings.is_empty(), "{name}: {:?}", r.warnings);
        assert_eq!(r.declared_total, Some(100.0), "{name}");
        assert_eq!(r.lang, Lang::Zh, "{name}");
    }
    // Places: a worksheet names the cell, the others the row.
    assert_eq!(read("dazhou.xlsx", None).unwrap().indicators[0].place, "E3");
    assert_eq!(csv.indicators[0].place, "row 2");
    assert_eq!(read("dazhou.docx", None).unwrap().indicators[0].place, "table 2, row 3");
    assert_eq!(read("dazhou.md", None).unwrap().indicators[0].place, "line 7");
}

#[test]
fn the_cli_writes_the_same_report_from_each_format() {
    let items = |json: &serde_json::Value| -> Vec<(String, f64)> {
        let mut out = Vec::new();
        fn walk(s: &serde_json::Value, out: &mut Vec<(String, f64)>) {
            for item in s["items"].as_array().into_iter().flatten() {
                if item["id"].as_str().is_some_and(|id| id.starts_with('r')) {
                    out.push((
                        item["title"].as_str().unwrap_or("").to_string(),
                        item["max"].as_f64().unwrap_or(0.0),
                    ));
                }
            }
            for child in s["sections"].as_array().into_iter().flatten() {
                walk(child, out);
            }
        }
        walk(json, &mut out);
        out
    };
    let (code, stderr, json) = import("dazhou.csv", &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let expected = items(&json.unwrap());
    assert_eq!(expected.len(), 28);
    for name in ["dazhou.xlsx", "dazhou.xls", "dazhou.docx", "dazhou.md"] {
        let (code, stderr, json) = import(name, &[]);
        assert_eq!(code, Some(0), "{name}: {stderr}");
        assert!(stderr.contains("scoring table: 28 indicators, 100 points"), "{name}: {stderr}");
        assert!(!stderr.contains("warning"), "{name}: {stderr}");
        assert_eq!(items(&json.unwrap()), expected, "{name}");
    }
    // Which sheet was read, and the column not understood, are said.
    let (_, stderr, _) = import("dazhou.xlsx", &[]);
    assert!(stderr.contains("dazhou.xlsx: read the sheet “评分表” (of 2 sheets)"), "{stderr}");
    assert!(stderr.contains("dazhou.xlsx: columns not read: 备注"), "{stderr}");
    let (_, stderr, _) = import("dazhou.docx", &[]);
    assert!(stderr.contains("dazhou.docx: read table 2 of 2"), "{stderr}");
}

#[test]
fn sheet_picks_by_number_or_name() {
    for (file, sheet) in
        [("dazhou.xlsx", "2"), ("dazhou.xlsx", "简表"), ("dazhou.xls", "2"), ("dazhou.xls", "简表")]
    {
        let r = read(file, Some(sheet)).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<(&str, &str, f64)> =
            r.indicators.iter().map(|i| (i.groups[0].name.as_str(), i.name.as_str(), i.points)).collect();
        assert_eq!(
            names,
            [("产出", "数量", 30.0), ("产出", "质量", 30.0), ("效益", "满意度", 40.0)],
            "{file} {sheet}"
        );
        assert_eq!(r.indicators[0].criteria.as_deref(), Some("完成全部任务得30分"));
    }
    assert_eq!(read("dazhou.xlsx", Some("1")).unwrap().indicators.len(), 28);
    let err = read("dazhou.xlsx", Some("3")).unwrap_err();
    assert_eq!(err, "dazhou.xlsx: there is no sheet “3” (the sheets: 评分表, 简表)");
    // The CLI's --sheet.
    let (code, stderr, json) = import("dazhou.xlsx", &["--sheet", "简表"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("scoring table: 3 indicators, 100 points"), "{stderr}");
    assert!(stderr.contains("read the sheet “简表” (of 2 sheets)"), "{stderr}");
    assert!(json.is_some());
    // In a Word document --sheet is the table's number.
    let err = read("dazhou.docx", Some("1")).unwrap_err();
    assert!(err.starts_with("dazhou.docx: no header row"), "{err}");
}

#[test]
fn bad_tables_are_refused_naming_the_file_and_place() {
    let cases = [
        ("bad-points.xlsx", "bad-points.xlsx: cell F5: \"若干\" is not a number of points"),
        (
            "not-really.xlsx",
            "not-really.xlsx: this is not an Excel workbook but text (it looks like CSV); rename it .csv",
        ),
        ("corrupt.xlsx", "corrupt.xlsx: cannot read this Excel workbook, the file may be damaged"),
        ("encrypted.xlsx", "encrypted.xlsx: the file is password-protected"),
        ("header-only.csv", "header-only.csv: the scoring table has no indicator rows"),
        ("empty.csv", "empty.csv: the scoring table is empty"),
        (
            "no-columns.csv",
            "no-columns.csv: no header row with both an indicator column and a points column (columns found: 名称, 说明, 备注; needed: a level column",
        ),
        ("no-name.csv", "no-name.csv: row 3: the indicator has no name (its 三级指标 cell is empty)"),
        ("sheet.et", "sheet.et: this is a WPS spreadsheet (.et), which cannot be read; save it as .xlsx"),
    ];
    for (name, expected) in cases {
        let err = read(name, None).unwrap_err();
        assert!(err.starts_with(expected), "{name}: {err}");
        let (code, stderr, json) = import(name, &[]);
        assert_eq!(code, Some(2), "{name}: {stderr}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{name}: one line: {stderr}");
        assert!(lines[0].contains(name) && lines[0].contains(expected), "{name}: {stderr}");
        assert!(json.is_none(), "{name}: nothing written");
    }
}

#[test]
fn warnings_and_notes_do_not_stop_the_import() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("short.csv");
    std::fs::write(&table, "序号,一级指标,三级指标,分值,得分\n1,决策,相关性,5,4\n2,,相关性,5,5\n").unwrap();
    let out_path = dir.path().join("out.json");
    let out = appraise(&[
        "import",
        report_text().to_str().unwrap(),
        "--rubric",
        table.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("short.csv: columns not read: 序号, 得分"), "{stderr}");
    assert!(stderr.contains("short.csv: the indicators add up to 10 points, not 100"), "{stderr}");
    assert!(
        stderr.contains("short.csv: row 3: the indicator “相关性” appears twice under “决策”"),
        "{stderr}"
    );
    assert!(out_path.exists());
}

#[test]
fn the_english_header_and_the_headerless_order_still_read() {
    let _en = appraise::words::pin(Lang::En);
    let english = "level1,level1_points,level2,level2_points,level3,points,criteria\n决策,100,目标,100,相关性,100,满分\n";
    let headerless = "决策,100,目标,100,相关性,100,满分\n";
    for text in [english, headerless] {
        let r = parse(&RubricFile { name: "r.csv".into(), bytes: text.as_bytes().to_vec(), sheet: None })
            .unwrap();
        assert_eq!(tree(&r), ["决策 (Some(100.0)) › 目标 (Some(100.0)) › 相关性: 100 | 满分"]);
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }
}

#[test]
fn explanation_and_self_score_columns_are_read() {
    let _en = appraise::words::pin(Lang::En);
    let text = "评分表\n一级指标,三级指标,指标解释,分值,评分细则,自评得分\n决策,相关性,目标与职能相符,60,相符得满分,55\n,明确性,目标量化,40,,40\n合计,,,100,,95\n";
    let r =
        parse(&RubricFile { name: "r.csv".into(), bytes: text.as_bytes().to_vec(), sheet: None }).unwrap();
    assert_eq!(r.indicators[0].explanation.as_deref(), Some("目标与职能相符"));
    assert_eq!(r.indicators[0].criteria.as_deref(), Some("相符得满分"));
    assert_eq!(r.indicators[0].self_score, Some(55.0));
    assert_eq!(r.indicators[1].criteria, None);
    assert_eq!(r.declared_total, Some(100.0));
    assert!(r.warnings.is_empty() && r.notes.is_empty(), "{:?} {:?}", r.warnings, r.notes);
}

#[test]
fn damaged_workbooks_and_documents_never_panic() {
    let _en = appraise::words::pin(Lang::En);
    for name in ["dazhou.xlsx", "dazhou.xls", "dazhou.docx", "dazhou.md", "dazhou.csv"] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        for cut in (0..bytes.len()).step_by(bytes.len() / 40 + 1) {
            let mut damaged = bytes.clone();
            // Cut short, or a run of bytes overwritten.
            if cut % 2 == 0 {
                damaged.truncate(cut);
            } else {
                for b in damaged.iter_mut().skip(cut).take(64) {
                    *b = b.wrapping_mul(31).wrapping_add(7);
                }
            }
            let file = RubricFile { name: name.into(), bytes: damaged, sheet: None };
            if let Err(e) = parse(&file) {
                assert!(e.starts_with(name) && !e.contains('\n'), "{name} at {cut}: {e}");
            }
        }
    }
}
