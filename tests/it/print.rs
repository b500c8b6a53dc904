//! An xlsx sheet as an office prints it: LibreOffice converts the sheets of the fixtures to PDF,
//! and poppler's tools read back the text (title, evaluator, date, signature line, page
//! numbers), the size of the text, the fonts and the pages. Without LibreOffice the test says
//! "skipped" and passes, except in CI (`support::cannot_check`), where `.ci/run` installs it.
//! The xlsx's own XML is checked too (validation, conditional formats, print setup, font), with
//! no LibreOffice.

use crate::sheets_support::{Book, SOURCE_DATE_EPOCH, ok, root};
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
        return crate::support::cannot_check("LibreOffice (soffice) is not installed; .ci/run installs it");
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
        assert!(sheet.contains("fitToHeight=\"0\""), "{name}: one page wide, as many high as it takes");
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

fn title_of(report: &str) -> String {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(root().join(report)).unwrap()).unwrap();
    v["title"].as_str().unwrap().to_string()
}
