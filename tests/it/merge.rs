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
    assert!(line.contains("| 3.00 | 2.25 | 3.5 | 1.25 | ⚠ |"), "{line}");
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
            "Panel score",
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
    // Section 2 merged down its rows, a printed page at a time.
    assert_eq!(b.parts(0, 3, 11), b.paged(3, 11), "{:?}", b.merges());
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

// ── a folder of scores files, `--trim`, the panel's agreement ──────────────────────────────

/// A report `r` of one section with items `i1`, `i2`… of these maxes, written as `r.json` in
/// `dir`; its path.
fn small_report(dir: &std::path::Path, maxes: &[f64]) -> std::path::PathBuf {
    let items: Vec<String> = maxes
        .iter()
        .enumerate()
        .map(|(k, max)| {
            format!(r#"{{"id": "i{n}", "title": "Item {n}", "text": "Item {n}.", "max": {max}}}"#, n = k + 1)
        })
        .collect();
    let path = dir.join("r.json");
    std::fs::write(
        &path,
        format!(
            r#"{{"format": "appraise.report/1", "id": "r", "title": "T", "meta": {{"lang": "en"}},
  "sections": [{{"id": "s1", "title": "S", "items": [{}]}}]}}
"#,
            items.join(", ")
        ),
    )
    .unwrap();
    path
}

/// `evaluator`'s scores of report `report_id` (one per item, `None` unscored) as `file` in `dir`.
fn scores_file(dir: &std::path::Path, file: &str, report_id: &str, evaluator: &str, scores: &[Option<f64>]) {
    let items: Vec<String> = scores
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let score = s.map_or("null".to_string(), |v| v.to_string());
            format!(r#"{{"id": "i{}", "score": {score}, "note": "", "flagged": false}}"#, k + 1)
        })
        .collect();
    std::fs::write(
        dir.join(file),
        format!(
            r#"{{"format": "appraise.scores/1", "report": {{"id": "{report_id}", "title": "T"}},
  "evaluator": "{evaluator}", "items": [{}]}}
"#,
            items.join(", ")
        ),
    )
    .unwrap();
}

fn s(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_folder_gives_its_scores_files_and_skips_the_rest_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let report = small_report(dir.path(), &[5.0, 5.0]);
    let folder = dir.path().join("panel");
    std::fs::create_dir(&folder).unwrap();
    scores_file(&folder, "b.scores.json", "r", "Bo", &[Some(4.0), Some(3.0)]);
    scores_file(&folder, "a.scores.json", "r", "Ann", &[Some(5.0), Some(2.0)]);
    scores_file(&folder, "r.panel.scores.json", "r", "Panel", &[Some(1.0), Some(1.0)]);
    scores_file(&folder, "other.scores.json", "another-report", "Cy", &[Some(1.0), Some(1.0)]);
    for side in
        ["a.scores.json.journal", "a.scores.json.lock", ".a.scores.json.Ab12Cd.tmp", "a.scores.json.conflict"]
    {
        std::fs::write(folder.join(side), "{").unwrap();
    }
    std::fs::write(folder.join("readme.txt"), "not scores").unwrap();
    std::fs::create_dir(folder.join("old.scores.json")).unwrap(); // a folder: passed over

    let out = appraise(&["merge", s(&report), s(&folder), "--format", "json"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> =
        doc["evaluators"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Ann", "Bo"], "in file-name order, nothing else");
    let shown = |name: &str| folder.join(name).display().to_string();
    for expected in [
        format!("skipped {}: the panel's own file", shown("r.panel.scores.json")),
        format!("skipped {}: a scores file's side file (recovery journal)", shown("a.scores.json.journal")),
        format!("skipped {}: a scores file's side file (lock)", shown("a.scores.json.lock")),
        format!("skipped {}: a scores file's side file (temporary file)", shown(".a.scores.json.Ab12Cd.tmp")),
        format!(
            "skipped {}: a scores file's side file (copy kept at a conflict)",
            shown("a.scores.json.conflict")
        ),
        format!(
            "skipped {}: it holds scores for report \"another-report\", not \"r\"",
            shown("other.scores.json")
        ),
    ] {
        assert!(stderr.contains(&expected), "expected {expected:?} in\n{stderr}");
    }
    assert!(!stderr.contains("readme.txt") && !stderr.contains("old.scores.json"), "{stderr}");

    // A folder beside a file: the file first, then the folder's.
    let extra = dir.path().join("c.scores.json");
    scores_file(dir.path(), "c.scores.json", "r", "Cai", &[Some(3.0), None]);
    let doc = json(s(&report), &[s(&extra), s(&folder)], &[]);
    assert_eq!(doc["evaluators"].as_array().unwrap().len(), 3);
    assert_eq!(doc["evaluators"][0]["name"], "Cai");
    assert_eq!(doc["evaluators"][0]["file"], extra.display().to_string());

    // A folder without scores of this report: refused in one sentence.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    scores_file(&empty, "other.scores.json", "another-report", "Cy", &[Some(1.0), Some(1.0)]);
    let out = appraise(&["merge", s(&report), s(&folder), s(&empty)]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr
            .contains(&format!("{} holds no scores files of report \"r\" (*.scores.json)", empty.display())),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn one_evaluator_in_two_files_is_two_columns_told_apart_by_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let report = small_report(dir.path(), &[5.0]);
    scores_file(dir.path(), "zhang.scores.json", "r", "张三", &[Some(4.0)]);
    scores_file(dir.path(), "zhang-redo.scores.json", "r", "张三", &[Some(5.0)]);
    let out = appraise(&["merge", s(&report), s(dir.path()), "--format", "json"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["evaluators"][0]["name"], "张三 (zhang-redo)");
    assert_eq!(doc["evaluators"][1]["name"], "张三 (zhang)");
    let files = format!(
        "{}, {}",
        dir.path().join("zhang-redo.scores.json").display(),
        dir.path().join("zhang.scores.json").display()
    );
    assert!(
        stderr.contains(&format!("张三 is the evaluator of more than one file: {files}; each has a column")),
        "{stderr}"
    );
}

/// Report of 3 items of 10: item 1 scored by 2 evaluators, item 2 by 3, item 3 by 5.
fn trim_panel(dir: &std::path::Path) -> std::path::PathBuf {
    let report = small_report(dir, &[10.0, 10.0, 10.0]);
    let columns: [[Option<f64>; 3]; 5] = [
        [Some(4.0), Some(2.0), Some(10.0)],
        [Some(9.0), Some(9.0), Some(6.0)],
        [None, Some(4.0), Some(7.0)],
        [None, None, Some(8.0)],
        [None, None, Some(2.0)],
    ];
    for (k, col) in columns.iter().enumerate() {
        scores_file(dir, &format!("e{}.scores.json", k + 1), "r", &format!("E{}", k + 1), col);
    }
    report
}

#[test]
fn trim_drops_the_highest_and_the_lowest_from_three_scores_up() {
    let dir = tempfile::tempdir().unwrap();
    let report = trim_panel(dir.path());
    let plain = json(s(&report), &[s(dir.path())], &[]);
    assert_eq!(plain["method"], "mean");
    assert_eq!(row(&plain, "i3")["mean"], 6.6, "10, 6, 7, 8 and 2");
    assert_eq!(row(&plain, "i3")["trimmed"], false);

    let doc = json(s(&report), &[s(dir.path())], &["--trim"]);
    assert_eq!(doc["method"], "trimmed_mean");
    let (two, three, five) = (row(&doc, "i1"), row(&doc, "i2"), row(&doc, "i3"));
    assert_eq!((&two["mean"], &two["trimmed"]), (&6.5.into(), &false.into()), "2 scores: the plain mean");
    assert_eq!((&three["mean"], &three["trimmed"]), (&4.into(), &true.into()), "2, 9, 4: the 4 left");
    assert_eq!((&five["mean"], &five["trimmed"]), (&7.into(), &true.into()), "6, 7 and 8 left");
    assert_eq!((&five["lowest"], &five["highest"]), (&2.into(), &10.into()), "still every score's");
    assert_eq!(row(&doc, "s1")["mean"], 17.5, "the subtotal sums the trimmed means");
    assert_eq!(doc["total"]["mean"], 17.5);

    // The sheet says how, and marks the item too short to trim.
    let md = text(&merge(s(&report), &[s(dir.path())], &["--trim", "--format", "md"]));
    assert!(
        md.contains(
            "Panel score: the trimmed mean of the evaluators' scores: the highest and the lowest score dropped"
        ),
        "{md}"
    );
    let line = |title: &str| md.lines().find(|l| l.contains(title)).unwrap().to_string();
    assert!(
        line("Item 1").contains("| 6.50 |") && line("Item 1").contains("* fewer than 3 scores: plain mean")
    );
    assert!(!line("Item 2").contains("fewer than 3") && !line("Item 3").contains("fewer than 3"));
    let plain_md = text(&merge(s(&report), &[s(dir.path())], &["--format", "md"]));
    assert!(
        plain_md.contains("Panel score: the mean of the evaluators' scores (a missing score is left out)")
    );
    assert!(!plain_md.contains("fewer than 3"), "no mark without --trim");
    // The CSV for people says it too, above the header, with the agreement: a trimmed and a
    // plain merge are told apart.
    let facts = |args: &[&str]| {
        let csv = text(&merge(s(&report), &[s(dir.path())], args));
        // Without the CSV's quotes, which a field gets only when it holds a comma.
        csv.lines().take_while(|l| !l.starts_with("Level 1")).map(|l| l.replace('"', "")).collect::<Vec<_>>()
    };
    let (trimmed, plain) = (facts(&["--trim", "--format", "csv"]), facts(&["--format", "csv"]));
    assert!(trimmed.iter().any(|l| l.starts_with("Panel score,the trimmed mean")), "{trimmed:?}");
    assert!(plain.iter().any(|l| l.starts_with("Panel score,the mean")), "{plain:?}");
    for lines in [&trimmed, &plain] {
        assert!(lines.iter().any(|l| l.starts_with("Agreement,Krippendorff's alpha")), "{lines:?}");
    }
}

#[test]
fn xlsx_trimmed_mean_is_a_live_formula() {
    let dir = tempfile::tempdir().unwrap();
    let report = trim_panel(dir.path());
    let out = dir.path().join("panel.xlsx");
    ok(&["merge", s(&report), s(dir.path()), "--trim", "-o", s(&out)]);
    let b = Book::read(&out);
    let header = b.row_of(0, "Level 1");
    let col = |name: &str| {
        (0..30).find(|&c| b.at(header, c) == Data::String(name.into())).unwrap_or_else(|| panic!("{name}"))
    };
    let (first, mean) = (col("E1"), col("Panel score"));
    assert_eq!(col("E5"), first + 4);
    let letter = |c: u32| char::from(b'A' + c as u8);
    for (title, value) in [("Item 1", 6.5), ("Item 2", 4.0), ("Item 3", 7.0)] {
        let r = b.row_of(col("Item"), title);
        let range = format!("{}{n}:{}{n}", letter(first), letter(first + 4), n = r + 1);
        assert_eq!(
            b.formula(r, mean),
            format!(
                "IF(COUNT({range})=0,\"\",IF(COUNT({range})>=3,(SUM({range})-MAX({range})-MIN({range}))/(COUNT({range})-2),AVERAGE({range})))"
            ),
            "{title}"
        );
        assert_eq!(b.number(r, mean), value, "{title}: the cached result");
    }
}

#[test]
fn the_panels_agreement_is_stated() {
    let doc = json(SD, &SD_PANEL, &[]);
    assert_eq!(doc["agreement"]["alpha"], 0.7885);
    assert_eq!(doc["agreement"]["reading"], "tentative");
    let deviations: Vec<f64> =
        doc["evaluators"].as_array().unwrap().iter().map(|e| e["deviation"].as_f64().unwrap()).collect();
    assert!(deviations[2] < 0.0 && deviations[0] > 0.0, "王五 is the harshest: {deviations:?}");
    let out = appraise(&["merge", EN, EN_PANEL[0], EN_PANEL[1], EN_PANEL[2], "--format", "csv"]);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("agreement: Krippendorff's alpha = 0.154 (unreliable)"), "{stderr}");
    assert!(stderr.contains("deviation from the others (% of the item's max; negative harsher, positive kinder): Alex Morgan +1.5%, Sam Lee -0.2%, reviewer-3 -0.9%"), "{stderr}");

    // Everyone agrees on every item, all at full marks: no variation, no alpha.
    let dir = tempfile::tempdir().unwrap();
    let report = small_report(dir.path(), &[5.0, 10.0]);
    scores_file(dir.path(), "a.scores.json", "r", "A", &[Some(5.0), Some(10.0)]);
    scores_file(dir.path(), "b.scores.json", "r", "B", &[Some(5.0), Some(10.0)]);
    let out = appraise(&["merge", s(&report), s(dir.path()), "--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["agreement"], serde_json::json!({"alpha": null, "reading": "n/a"}));
    assert_eq!(doc["evaluators"][0]["deviation"], 0);
    assert!(
        text(&out.stderr).contains(
            "agreement: Krippendorff's alpha n/a (no item with two scores, or no variation at all)"
        )
    );
    let md = text(&merge(s(&report), &[s(dir.path())], &["--format", "md"]));
    assert!(md.contains("Agreement: Krippendorff's alpha n/a"), "{md}");
}

/// The panel's 评价得分 column prints one number format in every row: a mean (4.67), an agreed
/// score (4.00), the subtotal (11.00) and the total alike, in xlsx, csv and md.
#[test]
fn the_panel_score_column_has_one_number_format() {
    let dir = tempfile::tempdir().unwrap();
    let report = small_report(dir.path(), &[5.0, 5.0, 5.0]);
    let folder = dir.path().join("experts");
    std::fs::create_dir(&folder).unwrap();
    scores_file(&folder, "a.scores.json", "r", "A", &[Some(5.0), Some(3.0), Some(4.0)]);
    scores_file(&folder, "b.scores.json", "r", "B", &[Some(4.0), Some(3.5), Some(4.0)]);
    scores_file(&folder, "c.scores.json", "r", "C", &[Some(5.0), Some(4.0), Some(4.0)]);
    // The chair agreed item 2 at 3.5; items 1 and 3 follow the mean.
    scores_file(dir.path(), "r.panel.scores.json", "r", "Panel", &[None, Some(3.5), None]);
    let out = dir.path().join("panel.xlsx");
    ok(&["merge", s(&report), s(&folder), "-o", s(&out)]);
    let b = Book::read(&out);
    let col = (0..20).find(|&c| b.at(0, c) == Data::String("Panel score".into())).expect("the column");
    let rows =
        [b.row_of(1, "Item 1"), b.row_of(1, "Item 2"), b.row_of(1, "Item 3"), b.row_of(1, "Item 3") + 1];
    let total = b.row_of(0, "Total");
    for r in rows.into_iter().chain([total]) {
        assert_eq!(b.num_format(r, col), "0.00", "row {r}: {:?}", b.at(r, col));
    }
    assert_eq!(b.number(rows[1], col), 3.5, "the agreed score");
    assert_eq!(b.num_format(b.row_of(0, "Percent"), col), "0.00%");

    let csv = text(&merge(s(&report), &[s(&folder)], &["--format", "csv", "--no-bom"]));
    let cells: Vec<&str> = csv.lines().map(|l| l.split(',').nth(6).unwrap_or("")).collect();
    assert_eq!(cells[..6], ["Panel score", "4.67", "3.50", "4.00", "12.17", "12.17"], "{csv}");
}
