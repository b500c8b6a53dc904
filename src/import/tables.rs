//! Tables in plain text, and where its pages end — read on lines, before hard-wrapped lines are
//! joined and before numbering is looked at.
//!
//! Tables become [`Kind::Table`] paragraphs, which stay in a body (never headings, items, titles
//! or `meta`), and the numbers in them stay too:
//! - a run of pipe rows (`| 项目 | 分值 |`, merged-cell fragments `| ||` included) is kept as
//!   written; a Markdown `|---|` separator row is dropped as markup;
//! - a run of CSV or tab-separated rows with the same number of short cells, or of three rows
//!   or more in columns aligned by spaces (`pdftotext -layout`), becomes pipe rows `| a | b | c |`;
//! - a label/value form (`编制人数` / `15` / `在职人数` / `14`) becomes `编制人数：15` lines.
//!
//! A number alone on a line (`15`) is a page number only where a page break is likely: next to a
//! form feed, as the text's first or last line, next to a repeated running header, or in a run
//! of numbers counting up at regular distances. Decorated ones (`- 3 -`, `第3页`) are left to
//! [`super::clean::drop_noise`], which drops them anywhere.
//!
//! A table whose header or cells look like a scoring table (指标, 分值, `(6分)`) sets
//! [`Noise::rubric_table`], for a hint to import it with `--rubric`.

use super::numbering::{markers, narrow};
use super::para::{Kind, Noise, ends_sentence};
use crate::lang::is_cjk;
use std::collections::HashMap;
use unicode_width::UnicodeWidthChar;

/// What scrub leaves for a form feed: a line of its own.
pub const FORM_FEED: &str = "\x0c";

/// The rows looked at at once (a longer table is found in pieces; a long text stays linear).
const MAX_ROWS: usize = 200;

/// What becomes of one non-blank line.
#[derive(Debug, Clone, PartialEq)]
enum Mark {
    Text,
    Table(String),
    /// A form's value, now on its label's line; or a page number or separator row, dropped.
    Gone,
}

/// A scrubbed text → its lines with their kinds: tables and forms marked (unless `markdown`,
/// which has its own), page numbers and form-feed marks out.
pub fn mark(text: &str, markdown: bool, noise: &mut Noise) -> Vec<(String, Kind)> {
    let mut lines: Vec<&str> = Vec::new();
    let mut feed_before: Vec<bool> = Vec::new();
    let mut feed = false;
    for line in text.split('\n') {
        if line == FORM_FEED {
            feed = true;
            continue;
        }
        let blank = line.trim().is_empty();
        lines.push(line);
        feed_before.push(feed && !blank);
        feed &= blank;
    }
    let full: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].trim().is_empty()).collect();
    // Trimmed, but for tabs: a tab-separated row's last cells may be empty.
    let texts: Vec<&str> =
        full.iter().map(|&i| lines[i].trim_matches(|c: char| c.is_whitespace() && c != '\t')).collect();
    let raw: Vec<&str> = full.iter().map(|&i| lines[i]).collect();
    let mut marks = if markdown { vec![Mark::Text; texts.len()] } else { tables(&texts, &raw, noise) };
    drop(raw);
    let feeds: Vec<bool> = full.iter().map(|&i| feed_before[i]).collect();
    for k in page_numbers(&texts, &marks, &feeds) {
        noise.page_numbers += 1;
        noise.dropped.push(texts[k].to_string());
        marks[k] = Mark::Gone;
    }
    drop((texts, feeds));
    // Each line's mark: a non-blank line's from `marks` (by its place in `full`), a blank line
    // kept unless a page break takes it.
    let mut at: Vec<Option<u32>> = vec![None; lines.len()];
    for (k, &i) in full.iter().enumerate() {
        at[i] = u32::try_from(k).ok();
    }
    drop(full);
    let mut blank_gone = vec![false; lines.len()];
    let gone = |i: usize, marks: &[Mark], blank_gone: &[bool]| match at[i] {
        Some(k) => matches!(marks[k as usize], Mark::Gone),
        None => blank_gone[i],
    };
    // A page break leaves no blank line: a paragraph running on to the next page is joined
    // (the blank lines around a form feed and its page number are the page's margin).
    for i in (0..lines.len()).filter(|&i| feed_before[i]) {
        let mut k = i;
        while k > 0 && (lines[k - 1].trim().is_empty() || gone(k - 1, &marks, &blank_gone)) {
            k -= 1;
            match at[k] {
                Some(m) => marks[m as usize] = Mark::Gone,
                None => blank_gone[k] = true,
            }
        }
    }
    drop(feed_before);
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.into_iter().enumerate() {
        let mark = match at[i] {
            Some(k) => std::mem::replace(&mut marks[k as usize], Mark::Gone),
            None if blank_gone[i] => Mark::Gone,
            None => Mark::Text,
        };
        match mark {
            Mark::Gone => {}
            Mark::Table(t) => out.push((t, Kind::Table)),
            Mark::Text => out.push((line.to_string(), Kind::Text)),
        }
    }
    out
}

/// The marks of the non-blank lines: tables and forms found, the rest text.
fn tables(texts: &[&str], raw: &[&str], noise: &mut Noise) -> Vec<Mark> {
    let mut marks = vec![Mark::Text; texts.len()];
    let mut i = 0;
    while i < texts.len() {
        let rest = &texts[i..];
        let found = pipe_run(rest)
            .or_else(|| cell_run(rest, '\t'))
            .or_else(|| cell_run(rest, ','))
            .or_else(|| layout_run(&raw[i..]))
            .or_else(|| facts_run(rest))
            .or_else(|| form_run(rest));
        let Some(rows) = found else {
            i += 1;
            continue;
        };
        if rubric_like(&rows) {
            noise.rubric_table = true;
        }
        for (k, row) in rows.iter().enumerate() {
            marks[i + k] = match row {
                Row::Kept(t) => Mark::Table(t.clone()),
                Row::Value => Mark::Gone,
                Row::Separator => {
                    noise.markup += 1;
                    noise.dropped.push(texts[i + k].to_string());
                    Mark::Gone
                }
            };
        }
        i += rows.len().max(1);
    }
    marks
}

/// One line of a table found: a row as it is kept, a form's value (kept on its label's row),
/// or a Markdown separator row (dropped).
#[derive(Debug, Clone, PartialEq)]
enum Row {
    Kept(String),
    Value,
    Separator,
}

/// A run of pipe rows at the start: two or more lines with pipes, or one `| … |` row.
fn pipe_run(texts: &[&str]) -> Option<Vec<Row>> {
    let n = texts.iter().take_while(|t| is_pipe_row(t)).count();
    let boxed = |t: &str| t.starts_with('|') && t.ends_with('|') && t.len() > 1;
    if n == 0 || (n == 1 && !boxed(texts[0].trim())) {
        return None;
    }
    let row =
        |t: &&str| if is_separator(t.trim()) { Row::Separator } else { Row::Kept(t.trim().to_string()) };
    Some(texts[..n].iter().map(row).collect())
}

fn is_pipe_row(t: &str) -> bool {
    let t = t.trim();
    t.starts_with('|') || t.ends_with('|') || t.matches('|').count() >= 2
}

/// `|---|:--:|`: pipes, dashes, colons and spaces only.
fn is_separator(t: &str) -> bool {
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// A run of rows split by `sep` into the same number of short cells: three rows or more, or
/// two with three cells or more. Not a list ([`not_a_list`]).
fn cell_run(texts: &[&str], sep: char) -> Option<Vec<Row>> {
    // Two rows at least, and no cell over 40 characters: a line of prose with a comma in it
    // (a piece between two commas, quoted or not, is within one cell) says no at once.
    let line = texts.first()?;
    if !texts.get(1).is_some_and(|t| t.contains(sep))
        || line.split(sep).any(|piece| piece.trim().chars().filter(|&c| c != '"').nth(40).is_some())
    {
        return None;
    }
    let first = cells(line, sep)?;
    let n = first.len();
    let rows: Vec<Vec<String>> =
        texts.iter().take(MAX_ROWS).map_while(|t| cells(t, sep).filter(|c| c.len() == n)).collect();
    let all: Vec<&String> = rows.iter().flatten().collect();
    let short = all.iter().filter(|c| short_cell(c)).count();
    let ok = (rows.len() >= 3 || (rows.len() >= 2 && n >= 3))
        && short * 10 >= all.len() * 9
        && all.iter().all(|c| c.chars().count() <= 40)
        && not_a_list(&rows);
    ok.then(|| rows.iter().map(|r| Row::Kept(format!("| {} |", r.join(" | ")))).collect())
}

/// Three rows or more laid out in columns by spaces (`pdftotext -layout`): the same number of
/// short cells, two spaces or more apart, each starting where the row above has one (±2 columns);
/// not a numbered list (`1.  加强预算管理`).
fn layout_run(raw: &[&str]) -> Option<Vec<Row>> {
    // Columns are two spaces or a full-width one apart: a line with neither is one column.
    let line = raw.first()?;
    let text = line.trim_start();
    if !text.contains("  ") && !text.contains('\u{3000}') {
        return None;
    }
    let first = columns(line);
    let n = first.len();
    // One column is no table: stop before measuring the lines below (prose would be measured
    // up to MAX_ROWS lines deep from every line).
    if n < 2 {
        return None;
    }
    let mut rows = vec![first];
    for line in raw.iter().take(MAX_ROWS).skip(1) {
        let row = columns(line);
        let above = rows.last().map(Vec::as_slice).unwrap_or_default();
        // Aligned by display columns (an editor) or by characters (pdftotext lays CJK out so).
        let by = |f: fn(&Column) -> usize| row.iter().zip(above).all(|(a, b)| f(a).abs_diff(f(b)) <= 2);
        let aligned = row.len() == n && (by(|c| c.0) || by(|c| c.1));
        if !aligned {
            break;
        }
        rows.push(row);
    }
    let cells: Vec<Vec<String>> =
        rows.into_iter().map(|r| r.into_iter().map(|(_, _, c)| c).collect()).collect();
    let ok =
        n >= 2 && cells.len() >= 3 && cells.iter().flatten().all(|c| short_cell(c)) && not_a_list(&cells);
    ok.then(|| cells.iter().map(|r| Row::Kept(format!("| {} |", r.join(" | ")))).collect())
}

/// Not a numbered list (`1.⇥加强预算管理`) nor a contents page (a title and a page number).
fn not_a_list(rows: &[Vec<String>]) -> bool {
    let numbered = rows.iter().filter(|r| !markers(&r.join("  ")).is_empty()).count();
    let contents = rows.iter().all(|r| r.len() == 2 && is_bare_number(&r[1]));
    numbered * 2 < rows.len() && !contents
}

/// A cell of a line laid out in columns: its start in display columns, in characters, its text.
type Column = (usize, usize, String);

/// A line's cells apart by two spaces or more (or a full-width one), with their start columns.
fn columns(line: &str) -> Vec<Column> {
    let mut out: Vec<Column> = Vec::new();
    let (mut col, mut spaces) = (0, 0);
    for (chars, c) in line.chars().enumerate() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if c == ' ' || c == '\u{3000}' {
            spaces += w;
        } else {
            match out.last_mut() {
                Some((_, _, cell)) if spaces < 2 => {
                    cell.extend(std::iter::repeat_n(' ', spaces.min(1)));
                    cell.push(c);
                }
                _ => out.push((col, chars, c.to_string())),
            }
            spaces = 0;
        }
        col += w;
    }
    out
}

fn cells(t: &str, sep: char) -> Option<Vec<String>> {
    if !t.contains(sep) || (sep == ',' && thousands_only(t)) {
        return None;
    }
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in t.chars() {
        match c {
            '"' if sep == ',' => quoted = !quoted,
            c if c == sep && !quoted => out.push(String::new()),
            c => out.last_mut().map_or((), |cell| cell.push(c)),
        }
    }
    let out: Vec<String> = out.into_iter().map(|c| c.trim().to_string()).collect();
    (out.len() >= 2).then_some(out)
}

/// Every comma stands between a digit and three digits, as in `1,200人次`.
fn thousands_only(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    chars.iter().enumerate().filter(|(_, c)| **c == ',').all(|(i, _)| {
        let digit = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        i > 0 && digit(i - 1) && (1..=3).all(|d| digit(i + d)) && !digit(i + 4)
    })
}

/// A table cell, not a piece of a sentence: up to 20 characters and three words, no sentence
/// punctuation.
fn short_cell(c: &str) -> bool {
    c.chars().count() <= 20
        && c.split_whitespace().count() <= 3
        && !c.contains(['，', '。', '；', '：'])
        && !ends_sentence(c)
}

/// A label/value form at the start: two pairs or more of a short label line and a value line,
/// one value at least a number, an amount or a date.
fn form_run(texts: &[&str]) -> Option<Vec<Row>> {
    let pairs: Vec<(&str, &str)> = texts
        .chunks_exact(2)
        .take(MAX_ROWS)
        .map(|p| (p[0].trim(), p[1].trim()))
        .take_while(|(label, value)| is_label(label) && (numeric(value) || text_value(label, value)))
        .collect();
    if pairs.len() < 2 || !pairs.iter().any(|(_, v)| numeric(v)) {
        return None;
    }
    let row = |(label, value): &(&str, &str)| {
        let label = label.trim_end_matches([':', '：']).trim_end();
        let colon = if label.chars().any(is_cjk) { "：" } else { ": " };
        [Row::Kept(format!("{label}{colon}{value}")), Row::Value]
    };
    Some(pairs.iter().flat_map(row).collect())
}

/// A block of facts, one label a line and its value on the next (`Country:` / `Iran`, `PROJ
/// ID:` / `P071170`, `项目名称:` / `…`), column heads and rows of figures between them
/// (`Appraisal` / `Actual`, ` 198.3  101.53`): three labels at least, a quarter of the lines
/// or more. A label and the value under it become one row (`Country: Iran`); the other lines stay
/// rows as they are. The block ends at a numbered line or at running text.
fn facts_run(texts: &[&str]) -> Option<Vec<Row>> {
    let label = |t: &str| {
        let t = t.trim();
        t.ends_with([':', '：'])
            && (2..=80).contains(&t.chars().count())
            && markers(t).is_empty()
            && !t.contains(['。', '；'])
    };
    if !texts.first().is_some_and(|t| label(t)) {
        return None;
    }
    // A value may run long (a list of sectors) but holds no sentence.
    let value = |t: &str| {
        let t = t.trim();
        t.chars().count() <= 300
            && markers(t).is_empty()
            && !t.contains(['。', '；', ';'])
            && !ends_sentence(t)
    };
    let other = |t: &str| t.trim().chars().count() <= 60 && value(t);
    let mut n = 0;
    let mut labels = 0;
    for (k, t) in texts.iter().enumerate().take(MAX_ROWS) {
        let after_label = k > 0 && label(texts[k - 1]);
        if label(t) {
            labels += 1;
        } else if !(if after_label { value(t) } else { other(t) }) {
            break;
        }
        n = k + 1;
    }
    if labels < 3 || labels * 4 < n {
        return None;
    }
    let mut rows = Vec::with_capacity(n);
    let mut k = 0;
    while k < n {
        let t = texts[k].trim();
        if label(t) && k + 1 < n && !label(texts[k + 1]) {
            let colon = if t.ends_with('：') { "" } else { " " };
            rows.push(Row::Kept(format!("{t}{colon}{}", texts[k + 1].trim())));
            rows.push(Row::Value);
            k += 2;
        } else {
            rows.push(Row::Kept(t.to_string()));
            k += 1;
        }
    }
    Some(rows)
}

/// A form's label: up to 12 characters, not numbered, not a number, not a sentence.
fn is_label(t: &str) -> bool {
    let bare = t.trim_end_matches([':', '：']);
    (1..=12).contains(&bare.chars().count())
        && markers(t).is_empty()
        && !numeric(t)
        && !ends_sentence(bare)
        && !t.contains(['，', ',', '。', '；', ';', '|'])
}

/// A short text value, for a label that names a field (`单位名称`, `联系人`, or ends in a colon).
fn text_value(label: &str, value: &str) -> bool {
    const FIELDS: [&str; 22] = [
        "名称", "单位", "姓名", "人", "部门", "地址", "电话", "时间", "日期", "年度", "类型", "类别", "性质",
        "级别", "编号", "代码", "用途", "来源", "方式", "状态", "职务", "备注",
    ];
    let field = label.ends_with([':', '：']) || FIELDS.iter().any(|f| label.ends_with(f));
    field
        && (1..=20).contains(&value.chars().count())
        && markers(value).is_empty()
        && !ends_sentence(value)
        && !value.contains(['。', '；', ';', '|'])
}

/// A number, an amount or a date: `15`, `120.5万元`, `98.6%`, `￥3,000`, `2023年3月`, `2023-03-15`.
fn numeric(t: &str) -> bool {
    let s: String = t.chars().map(narrow).filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_start_matches(['¥', '￥', '$', '+', '-']);
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let date = digits >= 4
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '.' | '-' | '/'));
    let number = s.trim_end_matches(|c: char| !c.is_ascii_digit());
    let unit = &s[number.len()..];
    let amount = number.starts_with(|c: char| c.is_ascii_digit())
        && number.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        && unit.chars().count() <= 4
        && unit.chars().all(|c| is_cjk(c) || matches!(c, '%' | '‰') || c.is_ascii_alphabetic());
    date || amount
}

/// Only digits (one to three, full-width ones too): a page number or a number in a form.
pub fn is_bare_number(t: &str) -> bool {
    let t = t.trim();
    (1..=3).contains(&t.chars().count()) && t.chars().all(|c| narrow(c).is_ascii_digit())
}

/// The header words of a scoring table, and its points (`项目立项(6分)`).
fn rubric_like(rows: &[Row]) -> bool {
    const WORDS: [&str; 10] =
        ["指标", "分值", "权重", "评分", "得分", "扣分", "indicator", "weight", "score", "points"];
    let texts: Vec<&str> =
        rows.iter().filter_map(|r| if let Row::Kept(t) = r { Some(t.as_str()) } else { None }).collect();
    let header = texts.iter().take(2).any(|t| {
        let t = t.to_lowercase();
        WORDS.iter().filter(|w| t.contains(*w)).count() >= 2
    });
    let points = texts.iter().filter(|t| t.contains("分)") || t.contains("分）")).count();
    header || (texts.len() >= 2 && points * 2 >= texts.len())
}

/// The hint for a text with a scoring table in it: import the text with the table as `--rubric`.
pub fn rubric_hint(path: &std::path::Path) -> String {
    let file = path.file_name().map_or_else(|| "FILE".into(), |n| n.to_string_lossy().into_owned());
    let command = format!("appraise import {file} --rubric TABLE.csv");
    crate::words::errors::IMPORT_RUBRIC_HINT.fill(&[("csv", &"CSV"), ("command", &command)])
}

/// Which of the non-blank lines are page numbers: lone numbers where a page break is likely.
fn page_numbers(texts: &[&str], marks: &[Mark], feed_before: &[bool]) -> Vec<usize> {
    let text = |k: usize| marks.get(k) == Some(&Mark::Text);
    let lone: Vec<usize> = (0..texts.len()).filter(|&k| text(k) && is_bare_number(texts[k])).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (k, t) in texts.iter().enumerate() {
        if text(k) && !is_bare_number(t) && t.chars().count() <= 40 {
            *seen.entry(t).or_default() += 1;
        }
    }
    let running =
        |k: usize| texts.get(k).is_some_and(|t| !ends_sentence(t) && seen.get(t).is_some_and(|&n| n >= 2));
    let last = texts.len().saturating_sub(1);
    let counted = counting_runs(texts, &lone);
    lone.iter()
        .copied()
        .filter(|&k| {
            (texts.len() >= 2 && (k == 0 || k == last))
                || feed_before[k]
                || feed_before.get(k + 1) == Some(&true)
                || (k > 0 && running(k - 1))
                || running(k + 1)
                || counted.contains(&k)
        })
        .collect()
}

/// The lone numbers that count up by one, three or more, at about the same distance apart
/// (pages of text between them).
fn counting_runs(texts: &[&str], lone: &[usize]) -> Vec<usize> {
    let value = |k: usize| texts[k].chars().map(narrow).collect::<String>().parse::<u32>().unwrap_or(0);
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut open: HashMap<u32, usize> = HashMap::new(); // a run's last value → the run
    for &k in lone {
        let v = value(k);
        let r = match open.remove(&v.wrapping_sub(1)) {
            Some(r) => r,
            None => {
                runs.push(Vec::new());
                runs.len() - 1
            }
        };
        runs[r].push(k);
        open.insert(v, r);
    }
    runs.into_iter().filter(|r| r.len() >= 3 && even(r)).flatten().collect()
}

/// The gaps between the positions are five lines or more and within a factor of two of their
/// median (the last, a short last page, may be shorter).
fn even(positions: &[usize]) -> bool {
    let gaps: Vec<usize> = positions.windows(2).map(|w| w[1] - w[0]).collect();
    let mut sorted = gaps.clone();
    sorted.sort_unstable();
    let median = sorted[sorted.len() / 2];
    let (last, inner) = gaps.split_last().unwrap_or((&0, &[]));
    median >= 5 && inner.iter().all(|&g| g * 2 >= median && g <= median * 2) && *last <= median * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> (Vec<(String, Kind)>, Noise) {
        let mut noise = Noise::default();
        let lines = mark(text, false, &mut noise);
        (lines.into_iter().filter(|(l, _)| !l.trim().is_empty()).collect(), noise)
    }

    fn tables_of(text: &str) -> Vec<String> {
        marked(text).0.into_iter().filter(|(_, k)| *k == Kind::Table).map(|(l, _)| l).collect()
    }

    #[test]
    fn pipe_rows_are_kept_as_written() {
        let text = "一、概况\n| 一级指标 | 二级指标 | 分值 |\n|---|---|---|\n| 项目决策(20分) | 项目立项(6分) | 3 |\n| ||\n正文。";
        let (lines, noise) = marked(text);
        assert_eq!(
            tables_of(text),
            ["| 一级指标 | 二级指标 | 分值 |", "| 项目决策(20分) | 项目立项(6分) | 3 |", "| ||"]
        );
        assert_eq!(lines.last().map(|l| l.1), Some(Kind::Text));
        assert_eq!(noise.dropped, ["|---|---|---|"]);
        assert!(noise.rubric_table);
        // One boxed row is a table; one pipe in prose is not.
        assert_eq!(tables_of("正文\n| ||\n正文"), ["| ||"]);
        assert!(tables_of("选 A | B 之一。\n正文。").is_empty());
    }

    #[test]
    fn csv_and_tab_rows_become_pipe_rows() {
        assert_eq!(
            tables_of("项目,预算,执行\n办公费,12.5,12.1\n差旅费,3,2.8\n正文。"),
            ["| 项目 | 预算 | 执行 |", "| 办公费 | 12.5 | 12.1 |", "| 差旅费 | 3 | 2.8 |"]
        );
        assert_eq!(
            tables_of("名称\t金额\t备注\n培训, 会议\t5\t\n"),
            ["| 名称 | 金额 | 备注 |", "| 培训, 会议 | 5 |  |"]
        );
        assert!(!marked("项目,预算\n办公费,12.5\n差旅费,3").1.rubric_table);
        assert!(marked("Indicator,Weight,Score\nOutput,30,28\nOutcome,40,35").1.rubric_table);
    }

    #[test]
    fn columns_laid_out_by_spaces_become_pipe_rows() {
        // pdftotext aligns Chinese by characters, not by display columns.
        let pdf = "指标              目标值             完成值\n家庭医生签约率         60%             63.5%\n预防接种率           90%             95.1%";
        assert_eq!(
            tables_of(pdf),
            [
                "| 指标 | 目标值 | 完成值 |",
                "| 家庭医生签约率 | 60% | 63.5% |",
                "| 预防接种率 | 90% | 95.1% |"
            ]
        );
        let text = "  指标名称          目标值     完成值\n  高标准农田面积    2.5万亩    2.6万亩\n  农机补贴户数      800户      812户\n";
        assert_eq!(
            tables_of(text),
            [
                "| 指标名称 | 目标值 | 完成值 |",
                "| 高标准农田面积 | 2.5万亩 | 2.6万亩 |",
                "| 农机补贴户数 | 800户 | 812户 |"
            ]
        );
        // Justified prose and a contents page are not.
        let prose = "The  bureau  handled  most of the cases\nin  time,  and  the rest were closed\nby March  when  the review ended.";
        assert!(tables_of(prose).is_empty());
        assert!(tables_of("一、概况          1\n二、成效          3\n三、问题          5").is_empty());
        assert!(tables_of("1.  加强预算管理\n2.  完善绩效目标\n3.  强化结果应用").is_empty());
    }

    #[test]
    fn prose_with_commas_is_not_a_table() {
        let prose = "The bureau, which was set up in 2019, handled most cases on time, and the\n\
                     rest were closed by March, when the review, the audit, and the survey ended.\n\
                     Staff numbers rose, costs fell, and complaints, as expected, went down too.";
        assert!(tables_of(prose).is_empty());
        assert!(
            tables_of("全年培训1,200人次，覆盖率100%。\n投入资金3,400万元，完成率98%。\n新增2,100户。")
                .is_empty()
        );
        assert!(tables_of("Yes, no\nMaybe, later\nSoon, then").len() == 3, "short cells, three rows");
        // A contents list or a numbered list with tabs is not a table.
        assert!(tables_of("一、概况\t1\n二、成效\t3\n三、问题\t5").is_empty());
        assert!(tables_of("1.\t加强预算管理\n2.\t完善绩效目标\n3.\t强化结果应用").is_empty());
    }

    #[test]
    fn forms_become_label_value_lines() {
        let text = "邵东市行政审批服务局\n2022年度部门整体支出绩效自评报告\n单位名称\n邵东市行政审批服务局\n编制人数\n15\n在职人数\n14\n预算金额\n120.5万元\n一、概况\n正文。";
        assert_eq!(
            tables_of(text),
            ["单位名称：邵东市行政审批服务局", "编制人数：15", "在职人数：14", "预算金额：120.5万元"]
        );
        assert_eq!(tables_of("Budget\n120,000\nStaff:\n15\n"), ["Budget: 120,000", "Staff: 15"]);
    }

    #[test]
    fn a_block_of_facts_one_label_a_line() {
        let text = "1. Project Data:\nDate Posted:\n04/29/2014\nCountry:\nIran\nPROJ ID:\nP071170\nAppraisal\nActual\nProject Costs(US $M)\n 198.3  101.53\nCofinanciers:\nNone\n2. Objectives:\nText.";
        assert_eq!(
            tables_of(text),
            [
                "Date Posted: 04/29/2014",
                "Country: Iran",
                "PROJ ID: P071170",
                "Appraisal",
                "Actual",
                "Project Costs(US $M)",
                "198.3  101.53",
                "Cofinanciers: None"
            ]
        );
        // Headings ending in a colon over paragraphs are no facts.
        let prose = "存在问题：\n部分项目绩效目标不够细化。\n整改措施：\n加强绩效目标审核。\n下一步计划：\n继续推进。";
        assert!(tables_of(prose).is_empty());
    }

    #[test]
    fn headings_with_short_paragraphs_and_dates_are_not_forms() {
        for text in [
            "工作成效\n成效显著\n存在问题\n资金滞后\n",
            "一、概况\n15\n二、成效\n14\n",
            "邵东市行政审批服务局\n2023年3月\n",
            "项目概况\n项目运行良好。\n资金使用\n合规。\n",
            "填报日期\n2023年3月15日\n",
        ] {
            assert!(tables_of(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn values() {
        for v in ["15", "120.5万元", "98.6%", "￥3,000", "2023年3月", "2023-03-15", "１５人"] {
            assert!(numeric(v), "{v}");
        }
        for v in ["十五", "15个乡镇全部完成", "第三章", "2022年度部门整体支出绩效自评报告", "邵东市"]
        {
            assert!(!numeric(v), "{v}");
        }
    }

    #[test]
    fn lone_numbers_are_page_numbers_only_at_page_breaks() {
        let page = |n: usize| format!("{}\n", vec!["正文一行。"; n].join("\n"));
        // Next to a form feed, first or last: dropped; in the middle of text: kept.
        let text = format!("{}3\n\x0c\n{}正文\n15\n正文。\n{}9", page(6), page(6), page(2));
        let (lines, noise) = marked(&text);
        assert_eq!(noise.dropped, ["3", "9"]);
        assert!(lines.iter().any(|(l, _)| l == "15"));
        // Counting up at regular distances.
        let text = format!("{}1\n{}2\n{}3\n{}", page(8), page(9), page(8), page(3));
        assert_eq!(marked(&text).1.dropped, ["1", "2", "3"]);
        // Next to a running header.
        let text = "年度报告\n正文一。\n正文二。\n7\n年度报告\n正文三。\n正文四。";
        assert_eq!(marked(text).1.dropped, ["7"]);
        // A one-line text is not paged.
        assert!(marked("15").1.dropped.is_empty());
    }

    #[test]
    fn any_input_is_safe() {
        for text in
            ["", "\x0c", "|", ",", "\t", "\"", "1,", ",1,2,3", "|\n|", "a\n1\nb\n2", "\x0c\n\x0c", "０"]
        {
            let _ = marked(text);
            let _ = mark(text, true, &mut Noise::default());
        }
    }
}
