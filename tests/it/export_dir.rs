//! `appraise export DIR`: an evaluation's 汇总表, from the real binary over an evaluation
//! folder of four reports and an unreadable document (`sheets_support::evaluation`). What each
//! row should say is computed here from the scores files themselves: each evaluator's total,
//! the panel's score as the sum of the item means, the rank. The xlsx is read back with
//! calamine: the 汇总表's links land on the 合计 row of the right column of each report's
//! sheet, and LibreOffice recalculates the 汇总表 after a score is changed on a report's sheet.

use crate::sheets_support::{Book, SOURCE_DATE_EPOCH, appraise, evaluation, text};
use calamine::Data;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// What the 汇总表 should say of a report, computed from its files.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    file: &'static str,
    unit: &'static str,
    /// Each evaluator's total, by name.
    totals: Vec<(String, f64)>,
    /// The sum over items of the mean of the scores present.
    score: Option<f64>,
}

/// The sample's grade of a percent: 优 from 90, 良 from 80, 中 from 60 (27 of 28 items scored:
/// provisional).
fn grade(percent: f64) -> String {
    let g = if percent >= 90.0 {
        "优"
    } else if percent >= 80.0 {
        "良"
    } else if percent >= 60.0 {
        "中"
    } else {
        "差"
    };
    format!("{g}（暂定）")
}

fn expected(eval: &Path) -> Vec<Expected> {
    let units =
        [("a", "邵东市财政局"), ("b", "邵东市教育局"), ("c", "邵东市卫生健康局"), ("d", "邵东市民政局")];
    units
        .iter()
        .map(|&(file, unit)| {
            let mut sheets: Vec<(String, Vec<Option<f64>>)> = Vec::new();
            for name in ["张三", "李四", "王五"] {
                let path = eval.join(format!("{file}.{name}.scores.json"));
                let Ok(bytes) = std::fs::read(&path) else { continue };
                let v: Value = serde_json::from_slice(&bytes).unwrap();
                let scores = v["items"].as_array().unwrap().iter().map(|e| e["score"].as_f64()).collect();
                sheets.push((name.to_string(), scores));
            }
            let totals = sheets.iter().map(|(n, sc)| (n.clone(), sc.iter().flatten().sum())).collect();
            let items = sheets.first().map_or(0, |(_, sc)| sc.len());
            let mut score = None;
            for i in 0..items {
                let present: Vec<f64> = sheets.iter().filter_map(|(_, sc)| sc[i]).collect();
                if !present.is_empty() {
                    *score.get_or_insert(0.0) += present.iter().sum::<f64>() / present.len() as f64;
                }
            }
            Expected { file: leak(format!("{file}.json")), unit, totals, score }
        })
        .collect()
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// The reports' order in the 汇总表: by score, highest first; the unscored after.
fn ranked(mut all: Vec<Expected>) -> Vec<Expected> {
    all.sort_by(|a, b| match (a.score, b.score) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    all
}

fn export(eval: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["export", s(eval)];
    all.extend(args);
    appraise(&all)
}

#[test]
fn the_summary_ranks_the_reports_by_the_panels_score_in_csv() {
    let dir = tempfile::tempdir().unwrap();
    let eval = evaluation(dir.path());
    let want = ranked(expected(&eval));
    assert_eq!(want.iter().map(|e| e.file).collect::<Vec<_>>(), ["c.json", "b.json", "a.json", "d.json"]);

    let out = export(&eval, &["--format", "csv", "--no-bom"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let mut reader = ::csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header,
        ["排名", "被评价单位", "报告", "张三", "李四", "王五", "评价得分", "得分率", "等级", "说明"]
    );
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
    assert_eq!(rows.len(), 5, "{csv}");
    for (k, (row, e)) in rows.iter().zip(&want).enumerate() {
        assert_eq!((row[1].as_str(), row[2].as_str()), (e.unit, e.file), "row {k}");
        for (c, name) in ["张三", "李四", "王五"].into_iter().enumerate() {
            let total = e.totals.iter().find(|(n, _)| n == name).map(|(_, t)| *t);
            match total {
                Some(t) => assert!(close(row[3 + c].parse().unwrap(), t), "{} {name}: {row:?}", e.file),
                None => assert_eq!(row[3 + c], "", "{} has no sheet of {name}", e.file),
            }
        }
        match e.score {
            Some(score) => {
                assert_eq!(row[0], (k + 1).to_string(), "{}: rank", e.file);
                assert_eq!(row[6], format!("{:.2}", score), "{}: the mean of the item means", e.file);
                let percent: f64 = row[7].trim_end_matches('%').parse().unwrap();
                assert!((percent - score).abs() < 0.006, "{}: full marks are 100: {row:?}", e.file);
                assert_eq!(row[8], grade(percent), "{}: 27 of 28 items scored", e.file);
            }
            None => {
                assert_eq!(&row[0..9], ["", e.unit, e.file, "", "", "", "", "", ""], "not scored yet");
                assert_eq!(row[9], "尚无评分");
            }
        }
    }
    // The panel of a: who has not finished, who has not submitted, where they disagree.
    let a = &rows[2];
    assert!(a[9].contains("未评完：张三 27/28、李四 27/28、王五 27/28"), "{a:?}");
    assert!(a[9].contains("未提交：张三、李四、王五"), "{a:?}");
    // The document that is no report comes last, with why; stderr says so too.
    let bad = &rows[4];
    assert_eq!(&bad[0..3], ["", "bad.txt", "bad.txt"]);
    assert!(bad[9].starts_with("未能读入：") && bad[9].contains("empty"), "{bad:?}");
    // A printed sheet names the document, not where it lay on this machine.
    let folder = dir.path().to_string_lossy();
    assert!(bad[9].contains("bad.txt") && !bad[9].contains(folder.as_ref()), "{bad:?}");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("bad.txt is left out of the ranking"), "{stderr}");
}

#[test]
fn the_summary_for_people_says_what_it_is_and_who_signs() {
    let dir = tempfile::tempdir().unwrap();
    let eval = evaluation(dir.path());
    let out = export(&eval, &["--format", "csv"]);
    let csv = text(&out.stdout);
    let above: Vec<&str> = csv.lines().take(5).collect();
    assert_eq!(above[0].trim_end_matches(','), "\u{feff}2022 年度部门整体支出绩效评价 汇总表");
    assert_eq!(above[1].trim_end_matches(','), "评价人员,张三、李四、王五");
    assert_eq!(above[2].trim_end_matches(','), "评价日期,2023-03-02（导出于 2023-11-14）");
    assert_eq!(above[3].trim_end_matches(','), "评价得分,各评价人员得分的平均值（未评分的不计入）");
    assert_eq!(above[4].trim_end_matches(','), "报告,共 5 份，已评分 3 份，未能读入 1 份（列在表末）");

    let out = export(&eval, &["--format", "md"]);
    let md = text(&out.stdout);
    assert!(md.starts_with("# 2022 年度部门整体支出绩效评价 汇总表\n"), "{md}");
    assert!(
        md.contains("| 排名 | 被评价单位 | 报告 | 张三 | 李四 | 王五 | 评价得分 | 得分率 | 等级 | 说明 |"),
        "{md}"
    );
    for who in ["张三", "李四", "王五", "专家组组长"] {
        assert!(md.contains(&format!("{who}（签字）：")), "no signature line for {who}:\n{md}");
    }
    // The sheet's language is asked for, or the evaluation's.
    let out = export(&eval, &["--format", "md", "--lang", "en"]);
    let md = text(&out.stdout);
    assert!(md.starts_with("# 2022 年度部门整体支出绩效评价 — summary\n"), "{md}");
    assert!(md.contains("| Rank | Unit evaluated | Report | 张三 |"), "{md}");
    assert!(md.contains("Panel chair (signature):"), "{md}");
}

#[test]
fn the_summary_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let eval = evaluation(dir.path());
    let want = ranked(expected(&eval));
    let out = export(&eval, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["format"], "appraise.summary-sheet/1");
    assert_eq!(doc["title"], "2022 年度部门整体支出绩效评价");
    assert_eq!(doc["method"], "mean");
    assert_eq!(doc["evaluators"], serde_json::json!(["张三", "李四", "王五"]));
    let reports = doc["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 5);
    for (k, e) in want.iter().enumerate() {
        let r = &reports[k];
        assert_eq!((r["file"].as_str(), r["unit"].as_str()), (Some(e.file), Some(e.unit)));
        match e.score {
            Some(score) => {
                assert!((r["score"].as_f64().unwrap() - score).abs() < 1e-4, "{r}");
                assert_eq!(r["rank"], k + 1);
                assert_eq!(r["provisional"], true);
            }
            None => assert_eq!((&r["score"], &r["rank"]), (&Value::Null, &Value::Null)),
        }
        let names: Vec<&str> =
            r["evaluators"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap()).collect();
        assert_eq!(names, e.totals.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>());
    }
    assert_eq!(reports[4]["file"], "bad.txt");
    assert!(reports[4]["problem"].as_str().unwrap().contains("empty"));
}

/// A cell reference `'sheet'!$E$52` as (sheet, row, col), 0-based.
fn target(formula: &str) -> (String, u32, u32) {
    let (sheet, cell) = formula.rsplit_once('!').unwrap();
    let sheet = sheet.trim_matches('\'').replace("''", "'");
    let cell = cell.replace('$', "");
    let letters: String = cell.chars().take_while(char::is_ascii_alphabetic).collect();
    let row: u32 = cell[letters.len()..].parse().unwrap();
    let col = letters.bytes().fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1)) - 1;
    (sheet, row - 1, col)
}

#[test]
fn the_workbook_links_its_summary_to_each_reports_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let eval = evaluation(dir.path());
    let want = ranked(expected(&eval));
    // Beside the evaluation by default, and said so.
    let out = export(&eval, &["--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let path = eval.join("汇总表.xlsx");
    assert_eq!(text(&out.stdout).trim(), format!("Summary sheet written to {}", path.display()));
    let names = Book::sheet_names(&path);
    assert_eq!(names, ["汇总表", "1 邵东市卫生健康局", "2 邵东市教育局", "3 邵东市财政局", "4 邵东市民政局"]);
    let bytes = std::fs::read(&path).unwrap();
    let sum = Book::sheet_of(bytes.clone(), Some("汇总表"));
    assert_eq!(sum.string(0, 6), "评价得分");
    let book: Vec<Book> = names[1..].iter().map(|n| Book::sheet_of(bytes.clone(), Some(n))).collect();

    for (k, e) in want.iter().enumerate() {
        let r = k as u32 + 1;
        assert_eq!(sum.string(r, 2), e.file);
        // Rank: RANK over the 评价得分 column, its result cached.
        assert_eq!(sum.formula(r, 0), format!("IF(ISNUMBER(G{n}),RANK(G{n},$G$2:$G$6),\"\")", n = r + 1));
        // Each evaluator's total and the 评价得分: links to the 合计 row of the report's sheet,
        // in that evaluator's column (a panel's sheet) or the score column (one evaluator's).
        let sheet = &book[k];
        let panel = e.totals.len() > 1;
        for (c, name) in ["张三", "李四", "王五"].into_iter().enumerate() {
            let c = 3 + c as u32;
            let Some((_, total)) = e.totals.iter().find(|(n, _)| n == name) else {
                assert!(sum.blank(r, c) && sum.formula(r, c).is_empty(), "{}: no {name}", e.file);
                continue;
            };
            assert!(close(sum.number(r, c), *total), "{}: {name}", e.file);
            let f = sum.raw_formula(r, c);
            let (to, row, col) = target(&f);
            assert_eq!(to, names[k + 1], "{f}");
            assert_eq!(sheet.cell(row, 0), Data::String("合计".into()), "{f}: the total row");
            let column = sheet.string(0, col);
            assert_eq!(column, if panel { name } else { "得分" }, "{f}: {name}'s column");
            assert!(close(sheet.number(row - sheet.top, col), *total), "{f}");
        }
        let f = sum.raw_formula(r, 6);
        let (to, row, col) = target(&f);
        assert_eq!(to, names[k + 1]);
        assert_eq!(sheet.cell(row, 0), Data::String("合计".into()), "{f}");
        assert_eq!(sheet.string(0, col), if panel { "评价得分" } else { "得分" }, "{f}");
        match e.score {
            Some(score) => {
                assert!(
                    (sum.number(r, 6) - score).abs() < 1e-4,
                    "{}: {} for {score}",
                    e.file,
                    sum.number(r, 6)
                );
                assert_eq!(sum.num_format(r, 6), "0.00");
                assert_eq!(
                    sum.formula(r, 7),
                    format!("IF(ISNUMBER(G{n}),ROUND(G{n}/100,4),\"\")", n = r + 1)
                );
                assert_eq!(sum.num_format(r, 7), "0.00%");
                assert_eq!(sum.string(r, 8), grade(score));
                let grade = sum.formula(r, 8);
                assert!(
                    grade.starts_with(&format!(
                        "IF(ISNUMBER(H{n}),IF(ROUND(H{n}*100,2)>=90,\"优\"",
                        n = r + 1
                    )),
                    "{grade}"
                );
                assert!(
                    grade.contains(&format!("IF(COUNT('{}'!", names[k + 1]))
                        && grade.contains(")<28,\"（暂定）\""),
                    "{grade}"
                );
            }
            None => assert!(sum.blank(r, 6) && sum.blank(r, 0), "{}: nothing scored", e.file),
        }
        // The report's own sheet: a panel's when more than one evaluator scored it.
        let evaluators: Vec<String> = (0..12)
            .filter_map(|c| match sheet.at(0, c) {
                Data::String(h) if ["张三", "李四", "王五"].contains(&h.as_str()) => Some(h),
                _ => None,
            })
            .collect();
        if panel {
            assert_eq!(evaluators, e.totals.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>(), "{}", e.file);
        } else {
            assert!(evaluators.is_empty(), "{}: one evaluator's sheet", e.file);
        }
    }
    // The document that is no report: its row, no sheet, no formula.
    assert_eq!(sum.string(5, 1), "bad.txt");
    assert!((0..9).all(|c| sum.formula(5, c).is_empty()));
}

#[test]
fn an_edit_on_a_reports_sheet_recalculates_the_summary_in_libreoffice() {
    if Command::new("soffice").arg("--version").output().is_err() {
        crate::support::cannot_check("LibreOffice (soffice) is not installed; .ci/run installs it");
    }
    let dir = tempfile::tempdir().unwrap();
    let eval = evaluation(dir.path());
    let xlsx = dir.path().join("汇总表.xlsx");
    let out = export(&eval, &["-o", s(&xlsx)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // c (first, alone) loses 5 points on its first item, in its own sheet: the file as a person
    // would leave it after the edit, every formula's cached result gone.
    let bytes = std::fs::read(&xlsx).unwrap();
    let c = Book::sheet_of(bytes.clone(), Some("1 邵东市卫生健康局"));
    let col = (0..10).find(|&k| c.at(0, k) == Data::String("得分".into())).unwrap();
    assert_eq!(c.number(1, col), 5.0);
    let cell = format!("{}{}", char::from(b'A' + col as u8), c.top + 2);
    let edited = dir.path().join("edited.xlsx");
    rewrite(&xlsx, &edited, |name, xml| {
        let xml = drop_cached(xml);
        if name == "xl/worksheets/sheet2.xml" {
            let from = format!("<c r=\"{cell}\"");
            let at = xml.find(&from).unwrap_or_else(|| panic!("no {cell}"));
            let end = at + xml[at..].find("</c>").unwrap();
            let old = &xml[at..end];
            assert!(old.ends_with("<v>5</v>"), "{old}");
            format!("{}{}<v>0</v>{}", &xml[..at], &old[..old.len() - "<v>5</v>".len()], &xml[end..])
        } else {
            xml
        }
    });
    let csv = recalculated_csv(&edited, dir.path());
    let rows: Vec<Vec<String>> = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let row = |file: &str| {
        rows.iter()
            .find(|r| r.get(2).is_some_and(|f| f == file))
            .unwrap_or_else(|| panic!("{file}: {rows:?}"))
    };
    let before = expected(&eval);
    let score = |file: &str| before.iter().find(|e| e.file == file).unwrap().score.unwrap();
    let c_now = score("c.json") - 5.0;
    assert_eq!(row("c.json")[3], format_number(c_now), "张三's total, from the sheet");
    assert_eq!(row("c.json")[6], format!("{c_now:.2}"), "the 评价得分 follows");
    assert_eq!(row("c.json")[7], format!("{c_now:.2}%"), "so does the percent");
    assert_eq!(row("c.json")[8], grade(c_now), "and the grade");
    // Ranked again: c falls below a and b.
    assert!(c_now < score("a.json") && score("a.json") < score("b.json"));
    assert_eq!(
        (row("b.json")[0].as_str(), row("a.json")[0].as_str(), row("c.json")[0].as_str()),
        ("1", "2", "3")
    );
    assert_eq!(row("d.json")[0], "", "not scored: no rank");
}

/// `5`, `71.5`: as a spreadsheet shows a number in the General format.
fn format_number(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Every formula's cached result dropped, so the program opening it must calculate.
fn drop_cached(xml: String) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml.as_str();
    while let Some(at) = rest.find("</f><v>") {
        let end = at + rest[at..].find("</v>").unwrap() + "</v>".len();
        out.push_str(&rest[..at + "</f>".len()]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The xlsx `from` as `to`, each worksheet's XML passed through `edit`.
fn rewrite(from: &Path, to: &Path, edit: impl Fn(&str, String) -> String) {
    let mut zin = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut zout = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for k in 0..zin.len() {
        let mut file = zin.by_index(k).unwrap();
        let name = file.name().unwrap().to_string();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes).unwrap();
        if name.starts_with("xl/worksheets/sheet") {
            bytes = edit(&name, String::from_utf8(bytes).unwrap()).into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut zout, &bytes).unwrap();
    }
    zout.finish().unwrap();
}

/// The first sheet of `xlsx` as LibreOffice calculates it, as UTF-8 CSV.
fn recalculated_csv(xlsx: &Path, dir: &Path) -> String {
    let out_dir = dir.join("csv");
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new("soffice")
        .arg("--headless")
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir"])
        .arg(&out_dir)
        .arg(xlsx)
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", text(&status.stderr));
    let csv: PathBuf = out_dir.join(xlsx.with_extension("csv").file_name().unwrap());
    std::fs::read_to_string(&csv).unwrap_or_else(|e| panic!("{}: {e}", csv.display()))
}

#[test]
fn a_folder_that_is_no_evaluation_or_a_scores_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = appraise(&["export", s(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("not an evaluation") && stderr.contains("appraise init"), "{stderr}");

    let eval = evaluation(dir.path());
    for (flag, value) in [("--scores", "x.scores.json"), ("--evaluator", "张三")] {
        let out = export(&eval, &[flag, value]);
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(&format!("{flag} does not apply")), "{stderr}");
    }
    // Never over one of the evaluation's own files.
    let before = std::fs::read(eval.join("a.json")).unwrap();
    let out = export(&eval, &["--format", "csv", "-o", s(&eval.join("a.json"))]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(eval.join("a.json")).unwrap(), before);
}

/// Printed through LibreOffice: the 汇总表 on a page of its own with its signature lines, then
/// each report's sheet, every sheet numbered from its own first page and counting its own pages
/// (as many as its page breaks make: no column pushed onto a page to the right), no `###` where
/// a number did not fit. Over the evaluation of the sample's copies, and over three real report
/// texts on the Dazhou rubric (`init`, then scored as `evaluation_cli` scores them).
#[test]
fn the_workbook_prints_each_sheet_numbered_by_its_own_pages() {
    if Command::new("soffice").arg("--version").output().is_err()
        || Command::new("pdftotext").arg("-v").output().is_err()
    {
        crate::support::cannot_check(
            "LibreOffice (soffice) or pdftotext is not installed; .ci/run installs them",
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let eval = evaluation(dir.path());
    let pages = printed(&eval, dir.path());
    let first = &pages[0];
    for line in [
        "2022年度部门整体支出绩效评价汇总表",
        "邵东市卫生健康局",
        "bad.txt",
        "专家组组长（签字）",
        "王五（签字）",
    ] {
        assert!(first.contains(line), "no {line} on the first page:\n{first}");
    }
    assert!(pages[1].contains("邵东市卫生健康局2022年度部门整体支出绩效自评报告评分表"), "{}", pages[1]);

    let real = crate::evaluation_cli::folder();
    crate::evaluation_cli::init(real.path());
    crate::evaluation_cli::scored(real.path());
    let pages = printed(real.path(), dir.path());
    assert!(pages[0].contains("2024年度部门整体支出绩效评价汇总表"), "{}", pages[0]);
    // Three, two and one evaluators, a note on every report: a 汇总表 whose columns, planned to
    // the page's exact width, once put 说明 on a second page.
    let real = crate::evaluation_cli::folder();
    crate::evaluation_cli::init(real.path());
    panels_on(real.path());
    let pages = printed(real.path(), dir.path());
    assert!(
        pages[0].contains("2024年度部门整体支出绩效评价汇总表") && pages[0].contains("shaodong-2022.txt"),
        "{}",
        pages[0]
    );
}

/// Scores of the evaluation's reports (their imports, in file-name order): 张三, 李四 and 王五
/// on the first, 张三 and 李四 on the second, 张三 on the third; item n (of evaluator j, report
/// k) at its max less (n + j + k) mod 3 steps, none on every eleventh.
fn panels_on(eval: &Path) {
    let mut imports: Vec<PathBuf> = std::fs::read_dir(eval.join(".appraise/reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    imports.sort();
    for (k, path) in imports.iter().enumerate() {
        let report = appraise::report::load_report(path).unwrap();
        let doc = path.file_stem().unwrap().to_str().unwrap();
        for (j, name) in ["张三", "李四", "王五"].into_iter().take(3 - k.min(3)).enumerate() {
            let items: Vec<Value> = report
                .items
                .iter()
                .enumerate()
                .map(|(n, item)| {
                    let (max, step) = (item.scale.max, item.scale.step);
                    let score = ((n + j) % 11 != 0).then(|| (max - step * ((n + j + k) % 3) as f64).max(0.0));
                    let note = if score.is_some_and(|v| v < max) { "佐证不足" } else { "" };
                    serde_json::json!({"id": &*item.id, "score": score, "note": note, "flagged": false,
                        "updated_at": "2024-03-01T02:00:00Z"})
                })
                .collect();
            let scores = serde_json::json!({"format": "appraise.scores/1",
                "report": {"id": &*report.id, "title": &*report.title}, "evaluator": name,
                "updated_at": "2024-03-01T02:00:00Z", "items": items});
            std::fs::write(eval.join(format!("{doc}.{name}.scores.json")), scores.to_string()).unwrap();
        }
    }
}

/// The pages LibreOffice prints of `eval`'s workbook (written in `dir`), each page's text
/// without spaces, checked against the sheets' own page counts.
fn printed(eval: &Path, dir: &Path) -> Vec<String> {
    let xlsx = dir.join("summary.xlsx");
    let out = export(eval, &["-o", s(&xlsx)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let profile = tempfile::tempdir().unwrap();
    let done = Command::new("soffice")
        .arg("--headless")
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(done.status.success(), "{}", text(&done.stderr));
    let layout =
        Command::new("pdftotext").arg("-layout").arg(dir.join("summary.pdf")).arg("-").output().unwrap();
    let all = text(&layout.stdout);
    assert!(!all.contains("###"), "{all}");
    let pages: Vec<String> = all
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.replace([' ', '\u{3000}'], ""))
        .collect();
    let bytes = std::fs::read(&xlsx).unwrap();
    let mut want = Vec::new();
    for name in Book::sheet_names(&xlsx) {
        let n = Book::sheet_of(bytes.clone(), Some(&name)).breaks().len() + 1;
        want.extend((1..=n).map(|k| format!("第{k}页共{n}页")));
    }
    assert_eq!(pages.len(), want.len(), "pages: {pages:#?}");
    for (page, footer) in pages.iter().zip(&want) {
        assert!(page.contains(footer.as_str()), "no {footer} on:\n{page}");
    }
    pages
}

/// On a terminal, while documents are read (a PDF waits on `pdftotext` here, for as long as the
/// test wants) the spinner says which and how far; it is gone when the sheet is written.
#[test]
fn on_a_terminal_progress_says_which_document_is_being_read() {
    use crate::cli_progress::{path_with, slow_pdftotext};
    let sb = crate::support::Sandbox::new();
    sb.write("appraise.toml", "title = \"评价\"\n");
    sb.copy_fixture("import/sample.pdf", "r.pdf");
    let go = sb.join("go");
    let bin = slow_pdftotext(&sb, &go, &crate::support::fixtures().join("import/chapters.txt"));
    let mut tui = sb.spawn_with_env(&["export", ".", "-o", "out.csv"], &[("PATH", &path_with(&bin))]);
    let screen = tui.wait_for("reading r.pdf (1/1)");
    assert!(screen.contains("s)"), "the time so far:\n{screen}");
    std::fs::write(&go, "").unwrap();
    assert_eq!(tui.wait_end(), Some(Ok(0)), "{}", tui.output());
    let screen = tui.screen();
    assert!(!screen.contains("reading r.pdf"), "the spinner is cleared:\n{screen}");
    let csv = std::fs::read_to_string(sb.join("out.csv")).unwrap();
    assert!(csv.contains("r.pdf"), "{csv}");
}
