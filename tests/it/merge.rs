//! `appraise merge`: golden panel sheets of the fixtures, means that leave missing scores out,
//! disagreement marks, evaluator names, the xlsx read back, and the refusals.

use crate::sheets_support::{Book, appraise, golden, ok, root, text};
use calamine::Data;
use serde_json::Value;

const EN: &str = "fixtures/english-sample.json";
const EN_PANEL: [&str; 3] = [
    "fixtures/scores/english-sample.scores.json",
    "fixtures/scores/english-sample.sam.scores.json",
    "fixtures/scores/reviewer-3.scores.json",
];
const SD: &str = "fixtures/shaodong-2022.json";
const SD_PANEL: [&str; 3] = [
    "fixtures/scores/shaodong-2022.zhangsan.scores.json",
    "fixtures/scores/shaodong-2022.lisi.scores.json",
    "fixtures/scores/shaodong-2022.wangwu.scores.json",
];

fn merge(report: &str, files: &[&str], extra: &[&str]) -> Vec<u8> {
    let mut args = vec!["merge", report];
    args.extend(files);
    args.extend(extra);
    ok(&args)
}

fn json(report: &str, files: &[&str], extra: &[&str]) -> Value {
    let mut extra = extra.to_vec();
    extra.extend(["--format", "json"]);
    serde_json::from_slice(&merge(report, files, &extra)).unwrap()
}

fn row<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc["rows"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("{id}"))
}

#[test]
fn golden_panels() {
    for format in ["csv", "md", "json"] {
        golden(&format!("merge-english-sample.{format}"), &merge(EN, &EN_PANEL, &["--format", format]));
        golden(&format!("merge-shaodong.{format}"), &merge(SD, &SD_PANEL, &["--format", format]));
    }
}

#[test]
fn means_leave_missing_scores_out() {
    let doc = json(EN, &EN_PANEL, &[]);
    let names: Vec<&str> =
        doc["evaluators"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Alex Morgan", "Sam Lee", "reviewer-3"], "no evaluator in the file: its file name");
    let summer = row(&doc, "delivery.children.summer-reading");
    assert_eq!(summer["scores"], serde_json::json!([null, 9.5, null]));
    assert_eq!(summer["mean"], 9.5, "one score: the mean is that score, not 9.5 / 3");
    let overview = row(&doc, "overview.objectives");
    assert_eq!(overview["scores"], serde_json::json!([8.5, 9, 7]));
    assert_eq!(overview["mean"], 8.1667);
    assert_eq!(
        (&overview["lowest"], &overview["highest"], &overview["spread"]),
        (&7.into(), &9.into(), &2.into())
    );
    let digital = row(&doc, "delivery.adults.digital");
    assert_eq!(digital["mean"], 3, "3.25, 2.25 and 3.5 in quarter points");
    assert_eq!(digital["spread"], 1.25);
    // Subtotals: per evaluator the sum of their scores, for the mean the sum of the item means.
    let children = row(&doc, "delivery.children");
    assert_eq!(children["scores"], serde_json::json!([4, 14.5, 10.5]));
    assert_eq!(children["mean"], 20.3333);
    assert_eq!(doc["total"]["scores"], serde_json::json!([15.75, 42.25, 39]));
    assert_eq!(doc["total"]["mean"], 56.25);
    assert_eq!(doc["total"]["percent"], 81.52, "56.25 of the 69 points of the items anyone scored");
    assert_eq!(doc["total"]["grade"], "B");
    assert_eq!(doc["evaluators"][1]["percent"], 86.22);

    // With only Alex, items nobody scored have no mean, and an unscored section no subtotal.
    let alone = json(EN, &EN_PANEL[..1], &[]);
    assert_eq!(row(&alone, "delivery.children.summer-reading")["mean"], Value::Null);
    assert_eq!(row(&alone, "governance")["mean"], Value::Null);
    assert_eq!(row(&alone, "governance")["scores"], serde_json::json!([null]));
    assert_eq!(alone["total"]["mean"], 15.75);
    assert_eq!(alone["total"]["percent"], 82.89);
}

#[test]
fn disagreement_beyond_the_threshold_is_marked() {
    let doc = json(EN, &EN_PANEL, &[]);
    assert_eq!(doc["disagree_percent"], 20);
    assert_eq!(row(&doc, "delivery.adults.digital")["disagree"], true, "1.25 > 20% of 4");
    assert_eq!(row(&doc, "overview.objectives")["disagree"], false, "2 is not more than 20% of 10");
    assert_eq!(row(&doc, "delivery.children.early-years.attendance")["disagree"], false);
    let strict = json(EN, &EN_PANEL, &["--disagree", "10%"]);
    assert_eq!(row(&strict, "overview.objectives")["disagree"], true);
    assert_eq!(row(&strict, "delivery.children.early-years.attendance")["disagree"], true, "1 > 10% of 5");
    assert_eq!(
        row(&strict, "delivery.children.summer-reading")["disagree"],
        false,
        "one score never disagrees"
    );

    let md = text(&merge(EN, &EN_PANEL, &["--format", "md"]));
    let line = md.lines().find(|l| l.contains("Digital skills drop-ins")).unwrap();
    assert!(line.contains("| 3 | 2.25 | 3.5 | 1.25 | ⚠ |"), "{line}");
    assert!(
        line.contains("Alex Morgan ⚑<br>Sam Lee: Follow-up sample of 80 is small, \\| not representative?"),
        "{line}"
    );

    let out = appraise(&["merge", EN, EN_PANEL[0], "--disagree", "lots"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--disagree"), "{}", text(&out.stderr));
}

#[test]
fn chinese_panel_has_the_summary_sheet_columns() {
    let csv = text(&merge(SD, &SD_PANEL, &["--format", "csv", "--no-bom"]));
    assert!(csv.starts_with(
        "一级指标,二级指标,三级指标,四级指标,分值,张三,李四,王五,评价得分,最低分,最高分,极差,分歧,扣分原因和其他说明\n"
    ), "no 自评得分 column: the report has no self scores");
    let total = csv.lines().find(|l| l.starts_with("合计,")).unwrap();
    assert!(total.starts_with("合计,,,,234,207,221.5,174.5,219.42,,,,,"), "{total}");
    let doc = json(SD, &SD_PANEL, &[]);
    // 王五 left 综合管理 unscored: 李四's and 张三's scores alone make its mean.
    let interim = row(&doc, "s6.2.2.1");
    assert_eq!(interim["scores"], serde_json::json!([1, 1, null]));
    assert_eq!(interim["mean"], 1);
    let satisfied = row(&doc, "s6.3.3.1");
    assert_eq!(satisfied["scores"], serde_json::json!([null, 2.5, 3]));
    assert_eq!(satisfied["mean"], 2.75);
    assert_eq!(row(&doc, "s6.3.2.2")["disagree"], true, "3, 3.5 and 2 of 5");
    assert_eq!(row(&doc, "s6.3.1.1")["disagree"], false, "17, 18 and 14 of 20: 4 is not more than 20%");
    assert_eq!(doc["total"]["grade"], "优");
    assert_eq!(doc["total"]["grade_provisional"], false, "every item has a mean");
}

#[test]
fn xlsx_panel_reads_back_with_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("panel.xlsx");
    let mut args = vec!["merge", EN];
    args.extend(EN_PANEL);
    args.extend(["-o", out.to_str().unwrap()]);
    ok(&args);
    let b = Book::read(&out);
    assert_eq!(b.name, "Panel");
    let header: Vec<String> = (0..15).map(|c| b.string(0, c)).collect();
    assert_eq!(
        header[4..],
        [
            "Max",
            "Self score",
            "Alex Morgan",
            "Sam Lee",
            "reviewer-3",
            "Mean",
            "Lowest",
            "Highest",
            "Spread",
            "Disagree",
            "Notes"
        ]
    );
    // Overview: scores as numbers, the mean as a live AVERAGE of them.
    assert_eq!((b.at(1, 6), b.at(1, 7), b.at(1, 8)), (Data::Float(8.5), Data::Float(9.0), Data::Float(7.0)));
    assert_eq!(b.formula(1, 9), "IF(COUNT(G2:I2)=0,\"\",AVERAGE(G2:I2))");
    assert!((b.number(1, 9) - 8.166_666).abs() < 1e-5);
    assert_eq!(b.num_format(1, 9), "0.00");
    assert_eq!(b.formula(1, 12), "IF(COUNT(G2:I2)=0,\"\",MAX(G2:I2)-MIN(G2:I2))");
    assert_eq!(b.number(1, 12), 2.0);
    assert_eq!(b.formula(1, 13), "IF(COUNT(G2:I2)<2,\"\",IF(MAX(G2:I2)-MIN(G2:I2)>2,\"⚠\",\"\"))");
    assert!(b.blank(1, 13));
    // Summer reading: two evaluators missing, left out of the mean.
    assert_eq!((b.at(3, 6), b.at(3, 8)), (Data::Empty, Data::Empty));
    assert_eq!(b.number(3, 9), 9.5);
    // Digital skills: marked and highlighted.
    assert_eq!(b.string(8, 13), "⚠");
    assert_eq!(b.formula(8, 13), "IF(COUNT(G9:I9)<2,\"\",IF(MAX(G9:I9)-MIN(G9:I9)>0.8,\"⚠\",\"\"))");
    // Highlighted by a conditional format on the row, which follows edits of the scores.
    let sheet = b.part("xl/worksheets/sheet1.xml");
    let rule = "AND(COUNT($G9:$I9)&gt;=2,MAX($G9:$I9)-MIN($G9:$I9)&gt;0.8)";
    let shifted = crate::sheets_support::shift_rows(&sheet, b.top);
    assert!(shifted.contains(rule), "no disagreement rule {rule} in {sheet}");
    assert!(b.string(8, 14).contains("Sam Lee: Follow-up sample of 80 is small"));
    // Subtotals and totals per evaluator and for the mean.
    assert_eq!(b.formula(7, 8), "IF(COUNT(I4,I7)=0,\"\",SUM(I4,I7))");
    assert_eq!(b.number(7, 8), 10.5);
    assert_eq!(b.formula(15, 9), "IF(COUNT(J3,J12,J15)=0,\"\",SUM(J3,J12,J15))");
    assert!((b.number(15, 9) - 56.25).abs() < 1e-9);
    assert_eq!(b.number(15, 6), 15.75);
    assert_eq!(b.number(16, 9), 0.8152);
    assert_eq!(b.number(16, 7), 0.8622);
    assert_eq!(b.string(17, 9), "B");
    assert!(b.merges().contains(&(3, 0, 11, 0)), "{:?}", b.merges());
}

#[test]
fn evaluator_names_are_made_unique() {
    let dir = tempfile::tempdir().unwrap();
    let second = dir.path().join("alex2.scores.json");
    std::fs::copy(root().join(EN_PANEL[0]), &second).unwrap();
    let doc = json(EN, &[EN_PANEL[0], second.to_str().unwrap()], &[]);
    assert_eq!(doc["evaluators"][0]["name"], "Alex Morgan (english-sample)");
    assert_eq!(doc["evaluators"][1]["name"], "Alex Morgan (alex2)");

    let out = appraise(&["merge", EN, EN_PANEL[0], EN_PANEL[0], "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("given more than once"), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["evaluators"][0]["name"], "Alex Morgan #1");
    assert_eq!(doc["evaluators"][1]["name"], "Alex Morgan #2");
}

#[test]
fn refuses_files_that_are_not_this_reports_scores() {
    let dir = tempfile::tempdir().unwrap();
    let not_json = dir.path().join("notes.scores.json");
    std::fs::write(&not_json, "张三 4.5 分").unwrap();
    let missing = dir.path().join("missing.scores.json");
    let cases: [(&str, String); 4] = [
        (SD_PANEL[0], format!("{} holds scores for report \"shaodong-approval-bureau-2022\"", SD_PANEL[0])),
        (
            EN,
            format!("{EN}: format: unsupported format \"appraise.report/1\", expected \"appraise.scores/1\""),
        ),
        (not_json.to_str().unwrap(), format!("{}: line 1, column 1", not_json.display())),
        (missing.to_str().unwrap(), format!("cannot read {}: no such file", missing.display())),
    ];
    for (bad, expected) in cases {
        let out = appraise(&["merge", EN, EN_PANEL[0], bad, EN_PANEL[1], "--format", "csv"]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {stderr}");
        assert!(stderr.contains(&expected), "{bad}: expected {expected:?} in\n{stderr}");
        assert!(out.stdout.is_empty(), "{bad}: no sheet when an input is refused");
    }
    let out = appraise(&["merge", EN]);
    assert_eq!(out.status.code(), Some(2), "at least one scores file");
}

#[test]
fn a_changed_report_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join("stale.scores.json");
    let original = std::fs::read_to_string(root().join(EN_PANEL[1])).unwrap();
    std::fs::write(&stale, original.replace("cd776a9a52b8feb4", "0000000000000000")).unwrap();
    let out = appraise(&["merge", EN, EN_PANEL[0], stale.to_str().unwrap(), "--format", "md"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "appraise: {}: warning: the report file has changed since these scores were saved",
            stale.display()
        )),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("| Sam Lee |"));
}

#[test]
fn xlsx_without_output_goes_beside_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("en.json");
    std::fs::copy(root().join(EN), &report).unwrap();
    let out = appraise(&["merge", report.to_str().unwrap(), EN_PANEL[0], EN_PANEL[1], "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let beside = dir.path().join("en.panel.xlsx");
    assert_eq!(text(&out.stdout).trim(), format!("Panel sheet written to {}", beside.display()));
    assert_eq!(Book::read(&beside).string(0, 7), "Sam Lee");
}
