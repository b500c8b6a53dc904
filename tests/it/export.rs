//! `appraise export`: golden csv/md/json sheets of the fixtures, the xlsx read back with
//! calamine (values, formulas, merged ranges, styles), the arithmetic of partly scored sheets
//! and quarter points, languages, where the output goes, and the refusals.

use crate::sheets_support::{Book, appraise, golden, ok, root, text};
use appraise::export::{Lang, sheet_table, to_xlsx};
use appraise::report::parse_report;
use appraise::scores::Scores;
use calamine::Data;

const EN: &str = "fixtures/english-sample.json";
const EN_SCORES: &str = "fixtures/scores/english-sample.scores.json";
const SD: &str = "fixtures/shaodong-2022.json";
const SD_SCORES: &str = "fixtures/scores/shaodong-2022.zhangsan.scores.json";

#[test]
fn golden_sheets_of_the_english_sample() {
    for format in ["csv", "md", "json"] {
        let out = ok(&["export", EN, "--scores", EN_SCORES, "--format", format]);
        golden(&format!("export-english-sample.{format}"), &out);
    }
}

#[test]
fn golden_sheets_of_shaodong() {
    for format in ["csv", "md", "json"] {
        let out = ok(&["export", SD, "--scores", SD_SCORES, "--format", format]);
        golden(&format!("export-shaodong-zhangsan.{format}"), &out);
    }
}

/// The rubric workflow's sheet: the office's three levels as its columns, no level made up,
/// no reading section, the rubric's 100 points.
#[test]
fn golden_sheets_of_the_sample_scored_on_its_rubric() {
    const SAMPLE: &str = "fixtures/sample.json";
    const SAMPLE_SCORES: &str = "fixtures/scores/sample.zhangsan.scores.json";
    for format in ["csv", "md", "json"] {
        let out = ok(&["export", SAMPLE, "--scores", SAMPLE_SCORES, "--format", format]);
        golden(&format!("export-sample-zhangsan.{format}"), &out);
    }
    let out = ok(&["export", SAMPLE, "--scores", SAMPLE_SCORES, "--format", "csv", "--no-bom"]);
    let mut r = csv::Reader::from_reader(&out[..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因和其他说明", "待核实"],
        "评分标准 and 自评得分 are left out: the Dazhou table has neither"
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let first = &rows[0];
    assert_eq!((&first[0], &first[1], &first[2], &first[3]), ("部门决策", "目标任务", "相关性", "5"));
    let total = rows.iter().find(|row| &row[0] == "合计").unwrap();
    assert_eq!((&total[3], &total[4]), ("100", "83.5"));
    let grade = rows.iter().find(|row| &row[0] == "等级").unwrap();
    assert_eq!(&grade[4], "良（暂定）", "27 of 28 scored: the grade is provisional");
    let items = rows.iter().filter(|row| !row[2].is_empty() && !row[2].starts_with("小计")).count();
    assert_eq!(items, 28, "the rubric's indicators, and nothing of the text");
}

#[test]
fn csv_has_a_bom_and_title_who_and_when_unless_asked_not_to() {
    let with = text(&ok(&["export", SD, "--scores", SD_SCORES, "--format", "csv"]));
    let header = "一级指标,二级指标,三级指标,四级指标,评分标准,分值,得分,扣分原因和其他说明,待核实\n";
    // The title names the report, as the xlsx's and the Markdown's do; then whose report.
    let above = "\u{feff}邵东市行政审批服务局 2022 年度部门整体支出绩效自评报告 评分表,,,,,,,,\n\
                 被评价单位,邵东市行政审批服务局,,,,,,,\n评价人,张三,,,,,,,\n评价日期,2023-03-02（导出于 2023-11-14）,,,,,,,\n";
    let md = text(&ok(&["export", SD, "--scores", SD_SCORES, "--format", "md"]));
    assert!(md.starts_with("# 邵东市行政审批服务局 2022 年度部门整体支出绩效自评报告 评分表\n"), "{md}");
    assert!(with.starts_with(&format!("{above}{header}")), "{}", &with[..300]);
    let without = text(&ok(&["export", SD, "--scores", SD_SCORES, "--format", "csv", "--no-bom"]));
    assert!(without.starts_with(header), "scripts get the header first");
    assert_eq!(&with[above.len()..], &without[..], "otherwise the same cells");
}

#[test]
fn csv_rows_are_rfc4180_and_unscored_is_blank() {
    let out = ok(&["export", SD, "--scores", SD_SCORES, "--format", "csv", "--no-bom"]);
    let mut r = csv::Reader::from_reader(&out[..]);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|row| row.len() == 9), "自评得分 is left out: no self scores");
    let by_title = |t: &str| rows.iter().find(|row| &row[3] == t).unwrap_or_else(|| panic!("{t}")).clone();
    let noted = by_title("健全“一呼即应，接诉即办”运行机制");
    assert_eq!(&noted[6], "4");
    assert_eq!(
        &noted[7], "运行机制表述笼统；\n缺少\"接诉即办\"办结率|满意率数据",
        "newline, quotes and pipe survive"
    );
    let unscored = by_title("协作部门");
    assert_eq!(&unscored[5], "3");
    assert_eq!(&unscored[6], "", "an unscored item is blank, never 0");
    let satisfaction =
        rows.iter().find(|row| &row[2] == "满意度（10分）" && &row[3] == "小计：满意度（10分）").unwrap();
    assert_eq!(
        (&satisfaction[5], &satisfaction[6]),
        ("10", ""),
        "nothing scored in the section: blank subtotal"
    );
    let total = rows.iter().find(|row| &row[0] == "合计").unwrap();
    assert_eq!((&total[5], &total[6], &total[7]), ("234", "207", "已评 55/59 项（93.2%）"));
    let pct = rows.iter().find(|row| &row[0] == "得分率").unwrap();
    assert_eq!(&pct[6], "94.52%");
    let grade = rows.iter().find(|row| &row[0] == "等级").unwrap();
    assert_eq!((&grade[6], &grade[7]), ("优（暂定）", "未评完，等级暂定"));
}

#[test]
fn language_follows_the_report_and_lang_overrides_it() {
    let en = text(&ok(&["export", EN, "--scores", EN_SCORES, "--format", "md"]));
    assert!(en.contains(
        "| Level 1 | Level 2 | Level 3 | Item | Criteria | Max | Self score | Score | Note | Flagged |"
    ));
    let zh = text(&ok(&["export", EN, "--scores", EN_SCORES, "--format", "md", "--lang", "zh"]));
    assert!(zh.contains("| 一级指标 | 二级指标 | 三级指标 | 四级指标 | 评分标准 | 分值 |"), "{zh}");
    assert!(
        zh.contains("**合计**")
            && zh.contains("**小计：1. Overview and objectives**")
            && zh.contains("已评 3/8 项")
    );
    let sd_en = text(&ok(&["export", SD, "--scores", SD_SCORES, "--format", "md", "--lang", "en"]));
    assert!(sd_en.contains("| Level 1 | Level 2 | Level 3 | Item | Criteria |"));
    assert!(sd_en.contains("**Total**") && sd_en.contains("55/59 items scored"));

    // No meta.lang: decided by the text.
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.json");
    std::fs::write(
        &report,
        r#"{"id":"r","title":"部门整体支出绩效评价","sections":[{"id":"s","title":"决策","items":[{"id":"i","text":"绩效目标明确","max":5}]}]}"#,
    )
    .unwrap();
    let out = text(&ok(&["export", report.to_str().unwrap(), "--format", "csv", "--no-bom"]));
    assert!(out.starts_with("一级指标,二级指标,分值,得分,扣分原因和其他说明\n"), "{out}");
}

#[test]
fn xlsx_reads_back_with_values_formulas_merges_and_styles() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.xlsx");
    ok(&["export", EN, "--scores", EN_SCORES, "--format", "xlsx", "-o", out.to_str().unwrap()]);
    let b = Book::read(&out);
    assert_eq!(b.name, "Scoring sheet");
    // Header: bold, and the column layout.
    let header: Vec<String> = (0..10).map(|c| b.string(0, c)).collect();
    assert_eq!(
        header,
        [
            "Level 1",
            "Level 2",
            "Level 3",
            "Item",
            "Criteria",
            "Max",
            "Self score",
            "Score",
            "Note",
            "Flagged"
        ]
    );
    assert!((0..10).all(|c| b.bold(0, c)));
    // Items: numbers are numbers, unscored is blank (not 0), text wraps.
    assert_eq!(b.string(1, 3), "Objectives are specific and measurable");
    assert_eq!(b.at(1, 5), Data::Float(10.0));
    assert_eq!(b.at(1, 7), Data::Float(8.5));
    assert_eq!(b.string(3, 3), "Summer Reading Challenge");
    assert_eq!(b.at(3, 6), Data::Float(9.5));
    assert_eq!(b.at(3, 7), Data::Empty);
    assert_eq!(b.at(8, 7), Data::Float(3.25));
    assert_eq!(b.string(8, 9), "⚑");
    assert_eq!(b.string(4, 8), "Eastgate missed its target: six weeks closed for refurbishment.");
    assert!(b.wraps(1, 4) && b.wraps(1, 3) && b.wraps(4, 8));
    // Subtotals: SUM of the section's own items and its subsections' subtotals, results cached.
    assert_eq!(b.string(2, 1), "Subtotal: 1. Overview and objectives", "it names what it totals");
    assert_eq!(b.formula(2, 5), "SUM(F2)");
    assert_eq!(b.number(2, 5), 10.0);
    assert_eq!(b.formula(6, 7), "IF(COUNT(H5:H6)=0,\"\",SUM(H5:H6))");
    assert_eq!(b.number(6, 7), 4.0);
    assert_eq!(
        b.formula(7, 7),
        "IF(COUNT(H4,H7)=0,\"\",SUM(H4,H7))",
        "2.1 = its own item + 2.1.1's subtotal"
    );
    assert_eq!(b.number(7, 5), 25.0);
    assert_eq!(b.number(11, 6), 16.75);
    assert_eq!(b.formula(14, 7), "IF(COUNT(H13:H14)=0,\"\",SUM(H13:H14))");
    assert!(b.blank(14, 7), "nothing scored in section 3: {:?}", b.at(14, 7));
    // Total, percent, grade.
    assert_eq!(b.string(15, 0), "Total");
    assert_eq!(b.formula(15, 5), "SUM(F3,F12,F15)");
    assert_eq!(b.number(15, 5), 69.0);
    assert_eq!(b.formula(15, 7), "IF(COUNT(H3,H12,H15)=0,\"\",SUM(H3,H12,H15))");
    assert_eq!(b.number(15, 7), 15.75);
    assert_eq!(b.number(15, 6), 34.25);
    assert_eq!(b.string(16, 0), "Percent");
    assert_eq!(b.number(16, 7), 0.8289);
    assert_eq!(b.num_format(16, 7), "0.00%");
    assert_eq!(
        b.formula(16, 7),
        "IF(H16=\"\",\"\",IFERROR(ROUND(H16/(SUMPRODUCT((H2:H2<>\"\")*F2:F2)+SUMPRODUCT((H4:H6<>\"\")*F4:F6)+SUMPRODUCT((H9:H10<>\"\")*F9:F10)+SUMPRODUCT((H13:H14<>\"\")*F13:F14)),4),\"\"))"
    );
    assert_eq!(b.number(16, 6), 0.8782);
    assert_eq!(b.string(17, 7), "B (prov.)", "3 of 8 scored");
    assert!(
        b.formula(17, 7)
            .starts_with("IF(H17=\"\",\"\",IF(ROUND(H17*100,2)>=90,\"A\",IF(ROUND(H17*100,2)>=75,\"B\"")
    );
    assert!(b.bold(15, 0) && b.bold(15, 7));
    // Section levels merged down their rows, a printed page at a time (split where a page
    // starts: see print.rs); labels merged across to the item column.
    let merges = b.merges();
    for (c, r0, r1) in [(0, 1, 2), (0, 3, 11), (1, 3, 7), (1, 8, 10), (2, 4, 6), (0, 12, 14)] {
        assert_eq!(b.parts(c, r0, r1), b.paged(r0, r1), "column {c}, rows {r0}..={r1}: {merges:?}");
    }
    for m in [(2, 1, 2, 3), (6, 3, 6, 3), (15, 0, 15, 3), (16, 0, 16, 3)] {
        if m.1 != m.3 {
            assert!(merges.contains(&m), "{m:?} not in {merges:?}");
        }
    }
    assert_eq!(b.string(3, 0), "2. Programme delivery");
}

#[test]
fn xlsx_of_shaodong_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("评分表.xlsx");
    ok(&["export", SD, "--scores", SD_SCORES, "-o", out.to_str().unwrap()]);
    let b = Book::read(&out);
    assert_eq!(b.name, "评分表");
    assert_eq!(b.string(0, 0), "一级指标");
    assert_eq!(b.string(0, 7), "扣分原因和其他说明", "no 自评得分 column: no self scores");
    let total = b.row_of(0, "合计");
    assert_eq!(b.number(total, 5), 234.0);
    assert_eq!(b.number(total, 6), 207.0);
    assert_eq!(b.string(total + 2, 6), "优（暂定）");
    assert_eq!(b.number(total + 1, 6), 0.9452);
    // The rubric's 一级指标 spans its whole block, subtotals of its 二级/三级 included: merged a
    // printed page at a time, each page's part naming it.
    let first = b.row_of(3, "相关性");
    let (parts, breaks) = (b.parts(0, first, total - 1), b.breaks());
    assert!(parts.len() > 1 && parts[0].0 == first, "{parts:?}");
    for (start, _) in &parts {
        assert_eq!(b.string(*start, 0), "评分表（部门整体支出绩效评价指标）");
        assert!(
            *start == first || breaks.contains(start),
            "a part at {start}, not a page's first row: {breaks:?}"
        );
    }
    for page in breaks.iter().filter(|&&r| r > first && r < total) {
        assert!(
            parts.iter().any(|p| p.0 == *page),
            "the page at row {page} does not name its group: {parts:?}"
        );
    }
    assert_eq!(b.string(total - 1, 1), "小计：评分表（部门整体支出绩效评价指标）");
    assert_eq!(b.number(total - 1, 5), 100.0);
    assert_eq!(b.number(total - 1, 6), 77.5);
}

fn quarter_report() -> appraise::report::Report {
    parse_report(
        br#"{"id":"q","title":"Quarter points","scale":{"max":1,"step":0.25},
            "grades":[{"min":90,"label":"A"},{"min":50,"label":"B"},{"min":0,"label":"C"}],
            "sections":[
              {"id":"a","title":"A","items":[
                {"id":"a1","text":"one","self_score":0.75},
                {"id":"a2","text":"two"},
                {"id":"a3","text":"three","max":2}]},
              {"id":"b","title":"B","items":[{"id":"b1","text":"four"}]}]}"#,
    )
    .unwrap()
}

fn with_scores(report: &appraise::report::Report, values: &[Option<f64>]) -> Scores {
    let mut s = Scores::new(report);
    for (e, v) in s.entries.iter_mut().zip(values) {
        e.score = *v;
    }
    s
}

fn row<'a>(rows: &'a [Vec<String>], first: &str, second: &str) -> &'a Vec<String> {
    rows.iter().find(|r| r[0] == first && r[1] == second).unwrap_or_else(|| panic!("{first} {second}"))
}

#[test]
fn partly_scored_quarter_points_add_up_and_blanks_stay_blank() {
    let r = quarter_report();
    // Columns: A | item | max | self | score | note (no criteria, no flags: left out).
    let rows = sheet_table(&r, &with_scores(&r, &[Some(0.25), Some(0.75), None, None]), Lang::En).text_rows();
    assert_eq!(rows[0], ["Level 1", "Item", "Max", "Self score", "Score", "Note"]);
    assert_eq!(row(&rows, "A", "Subtotal: A")[2..5], ["4", "0.75", "1"]);
    assert_eq!(row(&rows, "B", "Subtotal: B")[2..5], ["1", "", ""], "nothing scored under B: blank, not 0");
    assert_eq!(row(&rows, "Total", "")[2..6], ["5", "0.75", "1", "2/4 items scored (50%)"]);
    assert_eq!(
        row(&rows, "Percent", "")[3..5],
        ["75%", "50%"],
        "of the max of the scored items (2), not of 5"
    );
    assert_eq!(
        row(&rows, "Grade", "")[3..6],
        ["B (prov.)", "B (prov.)", "not all items scored: the grade is provisional"]
    );
    assert_eq!(row(&rows, "B", "four")[4], "");

    // A zero is a score: shown, added, and counted in the max.
    let rows =
        sheet_table(&r, &with_scores(&r, &[Some(0.25), Some(0.75), None, Some(0.0)]), Lang::En).text_rows();
    assert_eq!(row(&rows, "B", "four")[4], "0");
    assert_eq!(row(&rows, "B", "Subtotal: B")[4], "0");
    assert_eq!(row(&rows, "Percent", "")[4], "33.33%");
    assert_eq!(row(&rows, "Grade", "")[4], "C (prov.)");

    // Everything scored: the grade is final.
    let all = with_scores(&r, &[Some(1.0), Some(1.0), Some(2.0), Some(1.0)]);
    let rows = sheet_table(&r, &all, Lang::En).text_rows();
    assert_eq!(row(&rows, "Grade", "")[4..6], ["A", ""]);

    // Nothing scored at all: no total, percent or grade, all blank.
    let rows = sheet_table(&r, &Scores::new(&r), Lang::En).text_rows();
    assert_eq!(row(&rows, "Total", "")[4], "");
    assert_eq!(row(&rows, "Percent", "")[4], "");
    assert_eq!(row(&rows, "Grade", "")[4], "");
}

/// A column is as wide as its widest value as the sheet shows it: a self score of 0.75 is `0.75`,
/// but its percent is `75.00%`, which a column sized from `75%` showed as `###`.
#[test]
fn xlsx_columns_fit_their_numbers_as_shown() {
    let r = quarter_report();
    let scores = with_scores(&r, &[Some(1.0), Some(1.0), Some(2.0), Some(1.0)]);
    let b = Book::from_bytes(to_xlsx(&sheet_table(&r, &scores, Lang::Zh)).unwrap());
    let widths = b.col_widths();
    let percent = b.row_of(0, "得分率");
    for c in [3, 4] {
        assert_eq!(b.num_format(percent, c), "0.00%");
        let shown = format!("{:.2}%", b.number(percent, c) * 100.0);
        assert!(
            widths[c as usize] >= shown.len() as f64 + 2.0,
            "column {c} is {} wide for {shown}: {widths:?}",
            widths[c as usize]
        );
    }
    assert_eq!(format!("{:.2}%", b.number(percent, 3) * 100.0), "75.00%", "the self score's percent");
    assert_eq!(format!("{:.2}%", b.number(percent, 4) * 100.0), "100.00%");
}

/// No word is broken across lines (`Flagg` / `ed`, `(provisio` / `nal)`): every column is at
/// least as wide as the longest word it holds, in bold, and column 0 as its labels above the
/// table (`Unit evaluated`), which never wrap.
#[test]
fn xlsx_columns_hold_their_longest_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sheet.xlsx");
    ok(&["export", EN, "--scores", EN_SCORES, "--format", "xlsx", "-o", out.to_str().unwrap()]);
    let b = Book::read(&out);
    let widths = b.col_widths();
    // 1.12 for bold, 1.2 of a cell's padding.
    let needs = |word: &str| word.chars().count() as f64 * 1.12 + 1.2;
    assert_eq!(b.string(0, 9), "Flagged");
    assert!(widths[9] >= needs("Flagged"), "{widths:?}");
    let grade = b.row_of(0, "Grade");
    assert_eq!(b.string(grade, 7), "B (prov.)");
    assert!(widths[7] >= needs("(prov.)") && widths[6] >= needs("(prov.)"), "{widths:?}");
    assert_eq!(b.cell(1, 0), Data::String("Unit evaluated".into()));
    assert!(widths[0] >= needs("Unit evaluated"), "{widths:?}");
}

#[test]
fn xlsx_caches_what_the_formulas_compute() {
    let r = quarter_report();
    let scores = with_scores(&r, &[Some(0.25), Some(0.75), None, Some(0.0)]);
    let b = Book::from_bytes(to_xlsx(&sheet_table(&r, &scores, Lang::Zh)).unwrap());
    // Rows: header, a1, a2, a3, A 小计, b1, B 小计, 合计, 得分率, 等级.
    assert_eq!(b.string(0, 0), "一级指标");
    assert_eq!(b.string(0, 1), "二级指标");
    // Columns: 一级指标, 二级指标 (the item), 分值 C, 自评得分 D, 得分 E, 扣分原因 F.
    assert_eq!(b.at(3, 4), Data::Empty, "a3 unscored");
    assert_eq!(b.at(5, 4), Data::Float(0.0), "b1 scored 0");
    assert_eq!(b.formula(4, 4), "IF(COUNT(E2:E4)=0,\"\",SUM(E2:E4))");
    assert_eq!(b.number(4, 4), 1.0);
    assert_eq!(b.number(6, 4), 0.0);
    assert_eq!(b.formula(7, 4), "IF(COUNT(E5,E7)=0,\"\",SUM(E5,E7))");
    assert_eq!(b.number(7, 4), 1.0);
    assert_eq!(b.number(7, 2), 5.0);
    assert_eq!(b.number(8, 4), 0.3333);
    assert_eq!(b.string(9, 4), "C（暂定）");
    assert!(b.formula(9, 4).ends_with("&IF(COUNT(E2:E4,E6)<4,\"（暂定）\",\"\"))"), "{}", b.formula(9, 4));
    assert_eq!(b.number(8, 3), 0.75, "self: 0.75 of the one self-scored item's max 1");
    assert!(b.blank(6, 3), "no self score under B");
    assert_eq!(b.num_format(2, 4), "General");
}

#[test]
fn missing_scores_give_a_blank_sheet_or_an_error() {
    // The default scores file does not exist: a blank sheet to print, and a note on stderr.
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("en.json");
    std::fs::copy(root().join(EN), &report).unwrap();
    let out = appraise(&["export", report.to_str().unwrap(), "--format", "csv", "--no-bom"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("no scores file at"), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    assert!(csv.contains("\nTotal,,,,,69,34.25,,0/8 items scored (0%)\n"), "{csv}");

    // An explicit --scores that does not exist is a mistake: exit 2, the file named.
    let missing = dir.path().join("nope.scores.json");
    let out = appraise(&["export", EN, "--scores", missing.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        format!("appraise: cannot read {}: no such file", missing.display())
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn refuses_other_reports_scores_and_bad_reports() {
    let out = appraise(&["export", SD, "--scores", EN_SCORES, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("{EN_SCORES} holds scores for report \"riverside-library-2023\"")),
        "{err}"
    );

    let out = appraise(&["export", "fixtures/invalid/duplicate-ids.json", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("duplicate id"));

    let out = appraise(&["export", EN, "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2), "clap refuses an unknown format");
    let out = appraise(&["export", EN, "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn xlsx_without_output_goes_beside_the_scores_file() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("en.json");
    let scores = dir.path().join("en.scores.json");
    std::fs::copy(root().join(EN), &report).unwrap();
    std::fs::copy(root().join(EN_SCORES), &scores).unwrap();
    let out = appraise(&["export", report.to_str().unwrap(), "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Named for the evaluator the scores file names (Alex Morgan).
    let beside = dir.path().join("en.Alex_Morgan.sheet.xlsx");
    assert_eq!(text(&out.stdout).trim(), format!("Scoring sheet written to {}", beside.display()));
    assert_eq!(Book::read(&beside).number(1, 7), 8.5);
}

#[test]
fn output_files_formats_and_failures() {
    let dir = tempfile::tempdir().unwrap();
    // The format follows -o's extension when --format is not given.
    let md = dir.path().join("sheet.md");
    let out = appraise(&["export", EN, "--scores", EN_SCORES, "-o", md.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "nothing on stdout when writing a file");
    assert!(std::fs::read_to_string(&md).unwrap().starts_with("# Riverside Library"));
    let json = dir.path().join("sheet.json");
    ok(&["export", EN, "--scores", EN_SCORES, "-o", json.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v["format"], "appraise.sheet/1");
    assert_eq!(v["total"]["percent"], 82.89);
    // `-o -` is stdout.
    let stdout = ok(&["export", EN, "--scores", EN_SCORES, "--format", "json", "-o", "-"]);
    assert_eq!(stdout, std::fs::read(&json).unwrap());

    // A folder that does not exist: a wrong -o, exit 2, the file named.
    let bad = dir.path().join("no/such/dir/sheet.csv");
    let out = appraise(&["export", EN, "--scores", EN_SCORES, "-o", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(&format!("cannot write {}", bad.display())), "{}", text(&out.stderr));

    // Never over an input.
    let report = dir.path().join("en.json");
    std::fs::copy(root().join(EN), &report).unwrap();
    let before = std::fs::read(&report).unwrap();
    let out =
        appraise(&["export", report.to_str().unwrap(), "--format", "csv", "-o", report.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("refusing to write the sheet over"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&report).unwrap(), before);
}

#[test]
fn text_cells_are_made_safe() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.json");
    std::fs::write(
        &report,
        "{\"id\":\"r\",\"title\":\"T | \\u001b[31mred\",\"meta\":{\"lang\":\"en\"},\"sections\":[{\"id\":\"s\",\"title\":\"=1+1\",\"items\":[{\"id\":\"i\",\"title\":\"a|b\\nc\",\"text\":\"x\"}]}]}",
    )
    .unwrap();
    let md = text(&ok(&["export", report.to_str().unwrap(), "--format", "md"]));
    assert!(md.starts_with("# T \\| ␛\\[31mred — scoring sheet\n"), "{md}");
    assert!(md.contains("| =1+1 | a\\|b<br>c |"), "{md}");
    assert!(!md.contains('\u{1b}'));
    let csv = text(&ok(&["export", report.to_str().unwrap(), "--format", "csv"]));
    assert!(csv.contains("\n'=1+1,"), "a formula-like cell is guarded for Excel: {csv}");
    let raw = text(&ok(&["export", report.to_str().unwrap(), "--format", "csv", "--no-bom"]));
    assert!(raw.contains("\n=1+1,"), "{raw}");
}
