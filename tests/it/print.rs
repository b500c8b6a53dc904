//! An xlsx sheet as an office prints it: LibreOffice converts the sheets of the fixtures to PDF,
//! and poppler's tools read back the text (title, evaluator, date, signature line, page
//! numbers, no `###` where a number did not fit, a group's name on each page it continues on),
//! the size of the text, the fonts and the pages (as many as the sheet's own page breaks make;
//! a nine-item sheet on one). Without LibreOffice the test says "skipped" and passes, except in
//! CI (`support::cannot_check`), where `.ci/run` installs it. The xlsx's own XML is checked too
//! (validation, conditional formats, print setup, font), with no LibreOffice.

use crate::sheets_support::{Book, SOURCE_DATE_EPOCH, nine_items, ok, panel_of, root};
use std::path::{Path, PathBuf};
use std::process::Command;

const SD: &str = "fixtures/shaodong-2022.json";
const SD_ZHANGSAN: &str = "fixtures/scores/shaodong-2022.zhangsan.scores.json";
const SD_PANEL: [&str; 3] = [
    "fixtures/scores/shaodong-2022.zhangsan.scores.json",
    "fixtures/scores/shaodong-2022.lisi.scores.json",
    "fixtures/scores/shaodong-2022.wangwu.scores.json",
];
const SAMPLE: &str = "fixtures/sample.json";
const SAMPLE_ZHANGSAN: &str = "fixtures/scores/sample.zhangsan.scores.json";

/// LibreOffice's word boxes are about 1.3 times the font size: 11.7 is 9 pt text.
const MIN_WORD_HEIGHT: f64 = 11.7;
/// A panel's sheet, wider: 8 pt.
const PANEL_MIN_WORD_HEIGHT: f64 = 10.4;

/// The three sheets: (name, xlsx path).
fn sheets(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let out = |name: &str| dir.join(format!("{name}.xlsx"));
    let (sd, sample, panel) = (out("shaodong"), out("sample"), out("panel"));
    ok(&["export", SD, "--scores", SD_ZHANGSAN, "-o", sd.to_str().unwrap()]);
    ok(&["export", SAMPLE, "--scores", SAMPLE_ZHANGSAN, "-o", sample.to_str().unwrap()]);
    let mut args = vec!["merge", SD];
    args.extend(SD_PANEL);
    args.extend(["-o", panel.to_str().unwrap()]);
    ok(&args);
    vec![("shaodong", sd), ("sample", sample), ("panel", panel)]
}

fn has(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF LibreOffice prints of `xlsx`, in `dir`.
fn to_pdf(xlsx: &Path, dir: &Path) -> PathBuf {
    // A profile of its own: no clash with another LibreOffice, nothing left in $HOME.
    let profile = tempfile::tempdir().unwrap();
    run(Command::new("soffice")
        .arg("--headless")
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(xlsx)
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH));
    let pdf = dir.join(xlsx.with_extension("pdf").file_name().unwrap());
    assert!(pdf.exists(), "LibreOffice wrote no {}", pdf.display());
    pdf
}

/// The median height of the words `pdftotext -bbox` finds.
fn median_word_height(pdf: &Path) -> f64 {
    let html = run(Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-"));
    let attr = |line: &str, name: &str| -> Option<f64> {
        let at = line.find(&format!(" {name}=\""))? + name.len() + 3;
        line[at..].split('"').next()?.parse().ok()
    };
    let mut heights: Vec<f64> = html
        .lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .filter_map(|l| Some(attr(l, "yMax")? - attr(l, "yMin")?))
        .collect();
    assert!(!heights.is_empty(), "no words in {}", pdf.display());
    heights.sort_by(f64::total_cmp);
    heights[heights.len() / 2]
}

fn pages(pdf: &Path) -> usize {
    let info = run(Command::new("pdfinfo").arg(pdf));
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("pdfinfo gives the pages");
    line["Pages:".len()..].trim().parse().unwrap()
}

#[test]
fn sheets_print_as_documents_in_libreoffice() {
    if !has("soffice") {
        crate::support::cannot_check("LibreOffice (soffice) is not installed; .ci/run installs it");
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, xlsx) in sheets(dir.path()) {
        let pdf = to_pdf(&xlsx, dir.path());
        let text = run(Command::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-"));
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        for want in ["评分表", "评价人", "评价日期", "2023-11-14", "签字", "第1页"] {
            assert!(squeezed.contains(want), "{name}: no {want:?} in the printed sheet:\n{text}");
        }
        assert!(squeezed.contains("张三"), "{name}: the evaluator");
        let title = if name == "sample" { "" } else { "邵东市行政审批服务局" };
        assert!(squeezed.contains(title), "{name}: the report's title");
        if name == "panel" {
            assert!(squeezed.contains("专家组组长"), "{name}: the panel's head signs too");
        }

        let height = median_word_height(&pdf);
        let fonts = run(Command::new("pdffonts").arg(&pdf));
        let n = pages(&pdf);
        println!("{name}: median word height {height:.2} (≈ {:.1} pt), {n} pages", height / 1.3);
        // The panel has a column per evaluator and four of statistics: 8 pt for now.
        let min = if name == "panel" { PANEL_MIN_WORD_HEIGHT } else { MIN_WORD_HEIGHT };
        assert!(height >= min, "{name}: text too small to read: median word box {height:.2}");
        assert!(fonts.contains("CJK"), "{name}: no CJK font in the PDF:\n{fonts}");
        assert!((1..=14).contains(&n), "{name}: {n} pages");
        assert_eq!(n, Book::read(&xlsx).breaks().len() + 1, "{name}: the pages its breaks make, no other");
        assert!(!text.contains("###"), "{name}: a number too wide for its column:\n{text}");
        let total = run(Command::new("pdftotext").arg("-f").arg(n.to_string()).arg(&pdf).arg("-"));
        let total: String = total.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(total.contains(&format!("第{n}页共{n}页")), "{name}: the last page's footer:\n{total}");
    }
}

/// The print setup, checks and font as the xlsx's XML has them.
#[test]
fn xlsx_carries_its_print_setup_checks_and_font() {
    let dir = tempfile::tempdir().unwrap();
    for (name, xlsx) in sheets(dir.path()) {
        let b = Book::read(&xlsx);
        let sheet = b.part("xl/worksheets/sheet1.xml");
        let workbook = b.part("xl/workbook.xml");
        let styles = b.part("xl/styles.xml");
        // The header block above the table, the table's header row repeated on every page.
        assert!(b.top >= 3, "{name}: title and facts above the table (header at sheet row {})", b.top);
        assert!(
            workbook.contains(&format!(
                "_xlnm.Print_Titles\" localSheetId=\"0\">{}!${}:${}<",
                b.name,
                b.top + 1,
                b.top + 1
            )),
            "{name}: {workbook}"
        );
        // Its own scale (one page wide) and page breaks: no "fit to page", which lets the program
        // choose the scale and so the breaks.
        assert!(sheet.contains(" scale=\"") || !sheet.contains("<pageSetUpPr"), "{name}: {sheet}");
        assert!(!sheet.contains("fitToPage") && !sheet.contains("fitToHeight"), "{name}");
        assert!(
            name == "sample" || sheet.contains("<rowBreaks"),
            "{name}: several pages, broken by the sheet"
        );
        assert!(sheet.contains("orientation=\"landscape\"") && sheet.contains("paperSize=\"9\""), "{name}");
        assert!(sheet.contains("<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>"), "{name}: {sheet}");
        assert!(sheet.contains("<oddHeader>&amp;C邵东市") || name == "sample", "{name}");
        // One CJK font, named with the Chinese charset.
        assert!(
            styles.contains("<name val=\"宋体\"/>") && styles.contains("<charset val=\"134\"/>"),
            "{name}"
        );
        assert!(!styles.contains("Calibri"), "{name}: no other font");
        // Every score cell validated against its item's scale.
        assert!(sheet.contains("<dataValidation type=\"custom\""), "{name}: no validation: {sheet}");
        assert!(sheet.contains("MOD(ROUND("), "{name}: the step grid");
        assert!(sheet.contains("promptTitle=\"得分\""), "{name}");
        // Conditional formats: the panel's disagreements, an evaluator's scores without a reason.
        let rule = if name == "panel" { "MAX($" } else { "LEN(TRIM($" };
        assert!(sheet.contains("<conditionalFormatting") && sheet.contains(rule), "{name}: {rule}");
    }
    let b = Book::read(&dir.path().join("shaodong.xlsx"));
    assert_eq!(b.cell(0, 0), calamine::Data::String(format!("{} 评分表", title_of(SD))));
    assert_eq!(b.cell(1, 0), calamine::Data::String("被评价单位".into()));
    assert_eq!(b.cell(1, 1), calamine::Data::String("邵东市行政审批服务局".into()));
    assert_eq!(b.cell(2, 0), calamine::Data::String("评价人".into()));
    assert_eq!(b.cell(2, 1), calamine::Data::String("张三".into()));
    assert_eq!(b.string(0, 0), "一级指标");
}

/// The text of page `page` of `pdf` in the order it is drawn: a cell's lines one after another.
fn page_text(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    run(Command::new("pdftotext").args(["-raw", "-f", &p, "-l", &p]).arg(pdf).arg("-"))
}

/// Whether `text` is a cell of its own on the page: words drawn one after another (the lines of
/// a wrapped cell, or one word among its row's) that are exactly it — not part of a longer word
/// such as a 小计's label.
fn cell_on(page: &str, text: &str) -> bool {
    let want: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let words: Vec<&str> = page.split_whitespace().collect();
    (0..words.len()).any(|i| {
        let mut joined = String::new();
        for w in &words[i..] {
            joined.push_str(w);
            if !want.starts_with(&joined) {
                return false;
            }
            if joined == want {
                return true;
            }
        }
        false
    })
}

/// A panel's sheet spans pages: on each, the first row's groups (一级, 二级指标) are named again,
/// in cells of their own (an office prints a merged cell only on the page where it starts), and
/// each 小计 names what it totals.
#[test]
fn a_group_continued_on_the_next_page_is_named_there() {
    if !has("soffice") {
        crate::support::cannot_check("LibreOffice (soffice) is not installed; .ci/run installs it");
    }
    let dir = tempfile::tempdir().unwrap();
    let scores = panel_of(dir.path(), SAMPLE_ZHANGSAN, &|_| true, "shaodong-2022-rubric");
    let xlsx = dir.path().join("panel.xlsx");
    let mut args = vec!["merge", SAMPLE];
    args.extend(scores.iter().map(|p| p.to_str().unwrap()));
    args.extend(["-o", xlsx.to_str().unwrap()]);
    ok(&args);
    let b = Book::read(&xlsx);
    let breaks = b.breaks();
    assert!(breaks.len() >= 2, "28 items with three evaluators' notes span pages: {breaks:?}");
    let pdf = to_pdf(&xlsx, dir.path());
    assert_eq!(pages(&pdf), breaks.len() + 1);
    // 一级指标 and 二级指标 are the groups; 三级指标 the items.
    assert_eq!(
        (b.string(0, 0).as_str(), b.string(0, 1).as_str(), b.string(0, 2).as_str()),
        ("一级指标", "二级指标", "三级指标")
    );
    let mut named = 0;
    for (k, &row) in breaks.iter().enumerate() {
        let page = page_text(&pdf, k + 2);
        // The rows of the totals (合计, 得分率, 等级) are no group's; a 小计 is a label.
        if b.at(row, 0) == calamine::Data::String("合计".into()) {
            continue;
        }
        for col in [0, 1] {
            // The group's name: the cell's own, or its merged range's, begun pages above.
            let merges = b.merges();
            let top = merges.iter().find(|m| m.1 == col && m.0 <= row && row <= m.2).map_or(row, |m| m.0);
            let calamine::Data::String(name) = b.at(top, col) else { continue };
            if name.starts_with("小计") {
                continue;
            }
            assert!(
                cell_on(&page, &name),
                "page {}: row {row} of group {name:?} without its name:\n{page}",
                k + 2
            );
            named += 1;
        }
    }
    assert!(named >= 2, "groups continued on {named} pages: {breaks:?}");
    let all = run(Command::new("pdftotext").arg("-raw").arg(&pdf).arg("-"));
    let all: String = all.chars().filter(|c| !c.is_whitespace()).collect();
    for label in ["小计：目标任务", "小计：部门决策", "小计：综合管理"] {
        assert!(all.contains(label), "no {label}");
    }
}

/// A report of nine items prints on one page, legibly (9 pt text), its 得分率 columns showing
/// `80.00%` (not `###`: the column was sized from `80%`); the panel's sheet of it too shows every
/// percent.
#[test]
fn a_nine_item_sheet_prints_on_one_page() {
    if !has("soffice") {
        crate::support::cannot_check("LibreOffice (soffice) is not installed; .ci/run installs it");
    }
    let dir = tempfile::tempdir().unwrap();
    let (report, scores) = nine_items(dir.path());
    let sheet = dir.path().join("nine.xlsx");
    ok(&[
        "export",
        report.to_str().unwrap(),
        "--scores",
        scores[0].to_str().unwrap(),
        "-o",
        sheet.to_str().unwrap(),
    ]);
    let pdf = to_pdf(&sheet, dir.path());
    let height = median_word_height(&pdf);
    println!("nine items: median word height {height:.2} (≈ {:.1} pt), {} pages", height / 1.3, pages(&pdf));
    assert_eq!(pages(&pdf), 1, "nine items on one page");
    assert!(height >= MIN_WORD_HEIGHT, "text too small to read: median word box {height:.2}");
    let text = run(Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-"));
    assert!(text.contains("80.00%") && !text.contains("###"), "{text}");
    for want in ["评价人（签字）", "小计：目标任务", "合计", "等级"] {
        assert!(text.contains(want), "no {want}:\n{text}");
    }

    let panel = dir.path().join("nine-panel.xlsx");
    let mut args = vec!["merge", report.to_str().unwrap()];
    args.extend(scores.iter().map(|p| p.to_str().unwrap()));
    args.extend(["-o", panel.to_str().unwrap()]);
    ok(&args);
    let pdf = to_pdf(&panel, dir.path());
    let height = median_word_height(&pdf);
    println!("nine items, a panel of three: median word height {height:.2}, {} pages", pages(&pdf));
    assert!(height >= PANEL_MIN_WORD_HEIGHT, "text too small to read: median word box {height:.2}");
    assert_eq!(pages(&pdf), Book::read(&panel).breaks().len() + 1);
    let text = run(Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-"));
    assert!(text.contains("80.00%") && !text.contains("###"), "{text}");
}

fn title_of(report: &str) -> String {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(root().join(report)).unwrap()).unwrap();
    v["title"].as_str().unwrap().to_string()
}
