//! `appraise import` on documents as they arrive in the wild (fixtures/import/): English text
//! from pdftotext with a contents page and wrapped headings, Chinese reports copied from
//! government web pages, tables in text, and the earlier fixtures. Each has a golden outline
//! (`NAME.outline` beside it; `UPDATE_GOLDEN=1 cargo test` rewrites it after a deliberate
//! change), and every source line that is not reported as dropped noise must be in the report.

use appraise::import::pdf::PdfError;
use appraise::import::{ImportError, Imported, Options, import_file};
use appraise::report::Report;
use std::path::{Path, PathBuf};

fn wild(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/import").join(name)
}

/// Imports `fixtures/import/wild/NAME`, compares its outline with `NAME.outline` and checks
/// that nothing was lost.
pub fn check(name: &str) -> Imported {
    let path = wild(name);
    let imported = import_file(&path, &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
    let actual = outline(&imported);
    let golden = wild(&format!("{name}.outline"));
    if crate::support::updating_golden() {
        std::fs::write(&golden, &actual).expect("write the golden outline");
    }
    let expected = std::fs::read_to_string(&golden)
        .unwrap_or_else(|e| panic!("{}: {e} (UPDATE_GOLDEN=1 cargo test writes it)", golden.display()));
    assert_eq!(actual, expected, "{name}: the outline differs from {}", golden.display());
    let source = std::fs::read_to_string(&path).expect("the wild fixtures are UTF-8");
    assert_nothing_lost(name, &source, &imported);
    // Importing again gives the same bytes.
    let again = import_file(&path, &Options::default()).expect("imports again");
    assert_eq!(again.json, imported.json, "{name}: re-import differs");
    imported
}

/// The outline as a careful reader would draw it: the title and meta, then one node a line,
/// indented — `s2.1 Title [body: 2 lines]`, items as `· s2.1.1 Title` — and the stderr summary.
pub fn outline(imported: &Imported) -> String {
    let r: &Report = &imported.report;
    let mut out = format!("title: {}\n", r.title);
    for (k, v) in &r.meta {
        if k != "source" {
            out.push_str(&format!("meta.{k}: {v}\n"));
        }
    }
    for (s, sec) in r.sections.iter().enumerate() {
        let body = sec.body.as_deref().map_or(0, |b| b.lines().count());
        let body = if body > 0 { format!(" [body: {body} lines]") } else { String::new() };
        out.push_str(&format!("{}{} {}{body}\n", "  ".repeat(sec.depth), sec.id, sec.title));
        for &i in &r.sections[s].items {
            let item = &r.items[i];
            let title = item.title.clone().unwrap_or_default();
            out.push_str(&format!("{}· {} {}\n", "  ".repeat(sec.depth + 1), item.id, title));
        }
    }
    out.push_str("--- stderr\n");
    let source = &imported.summary.source;
    let name = source.rsplit('/').next().unwrap_or(source);
    for line in imported.summary.lines() {
        out.push_str(&line.replace(source.as_str(), name));
        out.push('\n');
    }
    out
}

/// Whitespace, table separators (pipes, CSV commas and quotes) and colons (a title's is trimmed,
/// a form row adds one) out: what a line says, not how it is laid out.
fn norm(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && !matches!(c, '|' | '"' | ',' | ':' | '：')).collect()
}

/// Every line of `source` is in the report (the title, meta, titles, bodies and texts), or was
/// reported as dropped, or is a line whose dropped tail (a dot leader) was reported.
pub fn assert_nothing_lost(name: &str, source: &str, imported: &Imported) {
    let r = &imported.report;
    let mut corpus = norm(&r.title);
    for (_, v) in &r.meta {
        corpus.push_str(&norm(&v.to_string()));
    }
    for (s, sec) in r.sections.iter().enumerate() {
        corpus.push_str(&norm(&sec.title));
        corpus.push_str(&norm(sec.body.as_deref().unwrap_or_default()));
        for &i in &r.sections[s].items {
            let item = &r.items[i];
            corpus.push_str(&norm(item.title.as_deref().unwrap_or_default()));
            corpus.push_str(&norm(&item.text));
        }
    }
    let dropped: Vec<String> = imported.summary.dropped.iter().map(|d| norm(d)).collect();
    // The label and the value of a form's row, dropped together (`2 - 3：3`).
    let dropped_cells: Vec<String> = imported
        .summary
        .dropped
        .iter()
        .flat_map(|d| d.split([':', '：']).map(norm).collect::<Vec<_>>())
        .collect();
    for (n, line) in source.lines().enumerate() {
        let line = norm(line);
        // Dropped as a line, or within a dropped piece (a form's label and value, lines joined).
        let in_dropped = dropped.contains(&line)
            || (line.chars().count() >= 4 && dropped.iter().any(|d| d.contains(&line)))
            || dropped_cells.contains(&line);
        if line.is_empty() || corpus.contains(&line) || in_dropped {
            continue;
        }
        // A line whose tail was dropped (a dot leader and its page), its head kept or dropped
        // too (a contents entry).
        let tail_dropped = dropped.iter().any(|d| {
            let head = line.strip_suffix(d.as_str()).filter(|_| !d.is_empty());
            head.is_some_and(|h| corpus.contains(h) || dropped.iter().any(|e| e == h))
        });
        // A fact on the cover kept in meta without its label (`填报单位：`, `Report No.`).
        let fact = r.meta.iter().any(|(_, v)| {
            let v = norm(v);
            !v.is_empty() && line.ends_with(&v) && line[..line.len() - v.len()].chars().count() <= 16
        });
        // A line run together whose pieces are in the report, one of them such a fact (its
        // label, up to 20 characters before the value, is what meta leaves out).
        let unlabelled = || {
            r.meta.iter().map(|(_, v)| norm(v)).filter(|v| v.chars().count() >= 6).any(|v| {
                let Some(at) = line.find(&v) else { return false };
                let head: Vec<char> = line[..at].chars().collect();
                (1..=20.min(head.len())).any(|k| {
                    let kept: String = head[..head.len() - k].iter().collect();
                    let rest = format!("{kept}{}", &line[at..]);
                    covered(&rest, &corpus)
                })
            })
        };
        assert!(
            fact || tail_dropped || covered(&line, &corpus) || unlabelled(),
            "{name}:{}: “{line}” is neither in the report nor reported as dropped",
            n + 1
        );
    }
}

/// The line is in the corpus in pieces of at least six characters each (a paragraph split at
/// its claims, 一是…二是…, with a title between the pieces).
fn covered(line: &str, corpus: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let piece = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let mut at = 0;
    while at < chars.len() {
        // The longest piece from `at` found in the corpus: found pieces are prefixes of one
        // another, so a binary search over the end finds it.
        let (mut lo, mut hi) = (at, chars.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if corpus.contains(&piece(at, mid)) { lo = mid } else { hi = mid - 1 }
        }
        if lo - at < 6.min(chars.len() - at) {
            return false;
        }
        at = lo;
    }
    true
}

#[test]
fn the_nothing_lost_check_can_fail() {
    let imported = appraise::import::import_bytes(
        "报告\n一、概况\n正文一段。\n二、成效\n正文二段。\n".as_bytes(),
        std::path::Path::new("r.txt"),
        &Options::default(),
    )
    .expect("imports");
    assert_nothing_lost("r.txt", "一、概况\n正文一段。\n", &imported);
    let missing = std::panic::catch_unwind(|| {
        assert_nothing_lost("r.txt", "一、概况\n这一行不在报告里。\n", &imported);
    });
    assert!(missing.is_err(), "a line missing from the report is found");
}

#[test]
fn the_earlier_fixtures_keep_every_line() {
    for name in [
        "shaodong-2022.txt",
        "chapters.txt",
        "mixed-styles.txt",
        "pdf-wrapped.txt",
        "roman-letters.txt",
        "starts-at-paren.txt",
        "toc-pages.txt",
        "traditional.txt",
        "western-numbering.txt",
    ] {
        check(name);
    }
}

fn item_titled<'a>(r: &'a Report, title: &str) -> &'a appraise::report::Item {
    r.items.iter().find(|i| i.title.as_deref() == Some(title)).unwrap_or_else(|| panic!("no item {title}"))
}

#[test]
fn a_web_page_copy_loses_its_leftovers_and_keeps_its_title() {
    let imported = check("web-copy.txt");
    let r = &imported.report;
    assert_eq!(r.title, "邵东市农业农村局2021年度部门整体支出绩效评价报告");
    assert_eq!(imported.summary.web.len(), 13, "{:?}", imported.summary.web);
    assert!(imported.summary.web.iter().any(|l| l.starts_with("下一篇")), "the page's foot is dropped too");
    let keys: Vec<&str> = r.meta.iter().map(|(k, _)| k.as_str()).collect();
    // Nothing of the page lands in meta; the document's signature (unit, date) at its end does.
    assert_eq!(keys, ["year", "unit", "date", "source", "lang"], "{:?}", r.meta);
    // A subsection holding one claim is that claim, under its heading.
    let one = item_titled(r, "（二）满意度情况");
    assert_eq!(one.id, "s2.2");
    assert!(one.text.starts_with("一是服务对象满意度较高"));
    assert!(!r.sections.iter().any(|s| s.title == "（二）满意度情况"));
    // The signature stays with the last part's text.
    // (四、改进措施, a part with only its text beside parts with items, is one scored item.)
    let last = r.items.last().expect("items");
    assert!(last.text.ends_with("2022年4月28日"), "{}", last.text);
    assert_eq!(last.id, "s4.1");
}

#[test]
fn an_english_report_from_pdftotext() {
    let imported = check("english-oig.txt");
    let r = &imported.report;
    // The title wrapped over two lines on the cover, in capitals.
    assert_eq!(r.title, "REVIEW OF THE GRANT MONITORING PROCESS");
    // The contents page (spaced dot leaders, Roman page numbers, an entry over two lines) is
    // dropped as a block: its entries are no sections, the parts are.
    let tops: Vec<&str> = r.sections.iter().filter(|s| s.depth == 0).map(|s| s.title.as_str()).collect();
    assert_eq!(
        tops,
        [
            "Preface",
            "RESULTS IN BRIEF",
            "INTRODUCTION",
            "FINDINGS AND RECOMMENDATIONS",
            "APPENDIX A: SCOPE AND METHODOLOGY",
            "APPENDIX B: MANAGEMENT RESPONSE"
        ]
    );
    assert!(
        imported.summary.skipped.iter().any(|s| s == "a table of contents (11 lines)"),
        "{:?}",
        imported.summary
    );
    // A numbered heading whose last word went to the next line is one title.
    item_titled(r, "1. The Office Did Not Consistently Review Grantee Progress Reports");
    assert!(!r.sections.iter().any(|s| s.body.as_deref().is_some_and(|b| b.contains(". . ."))));
}

/// Every body and item text of the report, joined.
fn bodies(r: &Report) -> Vec<String> {
    let mut out: Vec<String> =
        r.sections.iter().filter_map(|s| s.body.as_deref().map(str::to_string)).collect();
    out.extend(r.items.iter().map(|i| i.text.to_string()));
    out
}

/// No table row became an item or a `subtitle2`…`subtitle8` meta line.
fn assert_tables_stay_tables(r: &Report) {
    for (k, v) in &r.meta {
        assert!(!k.starts_with("subtitle") || k == "subtitle", "meta.{k}: {v}");
        assert!(!v.to_string().contains('|'), "meta.{k}: {v}");
    }
    for item in &r.items {
        let title = item.title.as_deref().unwrap_or_default();
        assert!(!title.contains('|') && !item.text.starts_with('|'), "item {}: {title}", item.id);
    }
    for s in &r.sections {
        assert!(!s.title.contains('|'), "section {}: {}", s.id, s.title);
    }
}

#[test]
fn pipe_tables_stay_in_bodies() {
    let imported = check("tables-pipe.txt");
    let r = &imported.report;
    assert_tables_stay_tables(r);
    let all = bodies(r).join("\n");
    for row in [
        "| 项目名称 | 主管部门 | 资金总额（万元） |",
        "| 项目决策(20分) | 项目立项(6分) | 立项依据充分性(3分) | 3 | 3 |",
        "| || 立项程序规范性(3分) | 3 | 2.5 |",
        "| || 资金使用合规性(10分) | 10 | 9 |",
    ] {
        assert!(all.lines().any(|l| l == row), "{row} is not a body line");
    }
    assert!(imported.summary.dropped.contains(&"|---|---|---|---|---|".to_string()));
    let hint = imported.summary.notes.iter().any(|n| n.contains("--rubric TABLE.csv"));
    assert!(hint, "no rubric hint in {:?}", imported.summary.notes);
}

#[test]
fn csv_and_tab_tables_become_pipe_rows() {
    let imported = check("tables-csv.txt");
    let r = &imported.report;
    assert_tables_stay_tables(r);
    let all = bodies(r).join("\n");
    for row in [
        "| 项目 | 年初预算（万元） | 调整预算（万元） | 实际支出（万元） | 执行率 |",
        "| 合计 | 4210.20 | 4527.90 | 4385.90 | 96.86% |",
        "| 指标名称 | 目标值 | 实际完成值 | 完成率 |",
        "| 动物疫病强制免疫密度 | 90% | 96.3% | 107% |",
        "| 类别 | 编制数 | 实有人数 |",
        "| 工勤人员 | 3 | 3 |",
    ] {
        assert!(all.lines().any(|l| l == row), "{row} is not a body line");
    }
    assert!(all.contains("全年培训农民1,200人次"), "prose with a thousands comma stays prose");
    assert!(!imported.summary.notes.iter().any(|n| n.contains("--rubric")));
}

#[test]
fn forms_keep_their_numbers_and_page_numbers_still_go() {
    let imported = check("tables-form.txt");
    let r = &imported.report;
    assert_tables_stay_tables(r);
    let all = bodies(r).join("\n");
    for row in ["单位名称：邵东市行政审批服务局", "编制人数：15", "在职人数：14", "预算金额：120.5万元"]
    {
        assert!(all.lines().any(|l| l == row), "{row} is not a body line");
    }
    assert_eq!(imported.summary.dropped, ["1"], "the page number before the form feed");
    assert_eq!(r.title, "邵东市行政审批服务局2022年度部门整体支出绩效自评报告");
}

/// The PDF at `path` imported through pdftotext; `None` when pdftotext is not installed here
/// (and the test cannot check: see `support::cannot_check`). Any other error fails the test.
fn import_pdf(path: &Path) -> Option<Imported> {
    match import_file(path, &Options::default()) {
        Ok(imported) => Some(imported),
        // Without pdftotext the advice is given (tests/it/import_pdf.rs checks it).
        Err(ImportError::Pdf { problem: PdfError::NoPdftotext, .. }) => {
            crate::support::cannot_check("pdftotext is not installed (poppler-utils)")
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_word_processors_pdf_through_pdftotext() {
    let path = wild("sample.pdf");
    let Some(imported) = import_pdf(&path) else { return };
    let r = &imported.report;
    // The title wrapped mid-word, the gaps pdftotext leaves between Chinese and numbers closed.
    assert_eq!(r.title, "邵东市卫生健康局2023年度部门整体支出绩效自评报告");
    let golden = wild("sample.pdf.outline");
    let actual = outline(&imported);
    if crate::support::updating_golden() {
        std::fs::write(&golden, &actual).expect("write the golden outline");
    }
    assert_eq!(actual, std::fs::read_to_string(&golden).expect("the golden outline"));
    // The table laid out in columns is a table in the body.
    let s = r.sections.iter().find(|s| s.title == "（二） 产出情况").expect("（二）");
    assert!(
        s.body.as_deref().unwrap_or_default().contains("| 家庭医生签约率 | 60% | 63.5% |"),
        "{:?}",
        s.body
    );
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let source = appraise::import::pdf::close_cjk_gaps(&String::from_utf8_lossy(&text.stdout));
    assert_nothing_lost("sample.pdf", &source, &imported);
}

#[test]
fn a_scoring_table_alone_is_its_indicators() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for name in
        ["fixtures/rubric/dazhou.xlsx", "fixtures/rubric/dazhou.xls", "fixtures/import/rubric-dazhou.csv"]
    {
        let imported =
            import_file(&root.join(name), &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let r = &imported.report;
        assert_eq!(r.items.len(), 28, "{name}");
        assert_eq!(r.items.iter().map(|i| i.scale.max).sum::<f64>(), 100.0, "{name}");
        assert!(r.items.iter().all(|i| i.id.starts_with('r')), "{name}");
        assert!(r.require_note_below_max, "{name}: reasons are required on a rubric");
        assert_eq!(imported.summary.rubric, Some((28, 100.0)), "{name}");
        assert!(
            imported.summary.notes.iter().any(|n| n.contains("--rubric")),
            "{name}: says how to add the text"
        );
        // The workbook's title row is the report's title; a CSV without one is named by its file.
        let title = if name.ends_with(".csv") {
            "rubric-dazhou"
        } else {
            "达州市部门整体支出绩效评价指标体系"
        };
        assert_eq!(r.title, title, "{name}");
    }
    // A bad table is refused with its cell; a CSV that is no scoring table is read as text.
    let bad = import_file(&root.join("fixtures/rubric/bad-points.xlsx"), &Options::default()).unwrap_err();
    assert!(bad.to_string().contains("F5"), "{bad}");
    let text =
        import_file(&root.join("fixtures/rubric/no-columns.csv"), &Options::default()).expect("imports");
    assert_eq!(text.summary.format, "text");
}

#[test]
fn a_government_sites_facts_block_and_a_contents_page_without_pages() {
    let imported = check("gov-metadata.txt");
    let r = &imported.report;
    // The document's name, not the site's column (财政预决算) nor the page's title line again.
    assert_eq!(r.title, "邵东市自然资源局2022年度部门整体支出绩效自评报告");
    // The site's column name (财政预决算) over its facts block is the page's too.
    assert_eq!(imported.summary.web.len(), 8, "{:?}", imported.summary.web);
    assert_eq!(imported.summary.web[0], "财政预决算");
    assert!(
        imported.summary.skipped.iter().any(|s| s.contains("repeating the title")),
        "{:?}",
        imported.summary
    );
    // `部门主要负责人审签情况` is no unit; it stays on the cover, in the preface.
    assert!(!r.meta.iter().any(|(k, _)| k == "unit"), "{:?}", r.meta);
    // The contents page (no page numbers, an entry over two lines) is gone; the parts are there.
    let tops: Vec<&str> = r.sections.iter().filter(|s| s.depth == 0).map(|s| s.title.as_str()).collect();
    assert_eq!(tops, ["前言", "第一部分 部门概况", "第二部分 绩效情况"]);
    // A part after a subsection keeps its place, its item titled by what it says.
    item_titled(r, "年末实有人数52人");
    // A heading as wide as the widest line is no wrapped line: its text is not joined to it.
    item_titled(r, "二、“三公”经费、培训费及会议费支出情况说明");
}

/// The report's words, without the spaces and line breaks a layout adds.
fn words_of(r: &Report) -> Vec<String> {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut out = vec![squeeze(&r.title)];
    for (s, sec) in r.sections.iter().enumerate() {
        out.push(format!("{} {}", sec.id, squeeze(&sec.title)));
        out.push(squeeze(sec.body.as_deref().unwrap_or_default()));
        for &i in &r.sections[s].items {
            let item = &r.items[i];
            out.push(format!("{} {}", item.id, squeeze(item.title.as_deref().unwrap_or_default())));
            out.push(squeeze(&item.text));
        }
    }
    out
}

#[test]
fn reports_printed_to_pdf_import_as_their_text() {
    // Each text printed by LibreOffice Writer: shaodong-2022.pdf, five pages, paragraphs and
    // claims running on across page breaks; english-oig.pdf, its contents page's page numbers
    // pushed to lines of their own by the proportional font.
    for (pdf, text, items) in
        [("shaodong-2022.pdf", "shaodong-2022.txt", 31), ("english-oig.pdf", "english-oig.txt", 5)]
    {
        let Some(pdf) = import_pdf(&wild(pdf)) else { return };
        let text = import_file(&wild(text), &Options::default()).expect("imports");
        assert_eq!(pdf.report.items.len(), items);
        assert_eq!(words_of(&pdf.report), words_of(&text.report), "the same ids, titles and words");
    }
}
