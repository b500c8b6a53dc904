//! Tables in plain text as pages and documents give them → a [`Grid`]: rows of `|`-separated
//! cells however a web page flattened them (`| a | b |`, `a | b |`, a cell over several lines
//! with `|` opening the next, a lone `|` ending a row), or cells one a line or one a paragraph
//! with no row marks (handed to [`super::stream`] to find the rows).

use super::grid::{Grid, Places};
use super::stream;

/// The text's table: pipe rows, else a stream of cells made into rows; None when the text has
/// no cells to read (prose, or a table copied out of a PDF with its columns run together).
pub fn table(text: &str) -> Option<Grid> {
    let pipe_lines = text.lines().filter(|l| l.contains('|')).count();
    if pipe_lines >= 2 {
        let rows = pipe_rows(text);
        if !one_cell_rows(&rows) {
            let lines = rows.iter().map(|(_, line)| *line).collect();
            return Some(Grid::new(rows.into_iter().map(|(r, _)| r).collect(), Places::Lines(lines)));
        }
        let cells = rows
            .into_iter()
            .map(|(row, line)| (row.into_iter().find(|c| !c.trim().is_empty()).unwrap_or_default(), line))
            .collect();
        return stream::grid(cells);
    }
    stream::grid(plain_cells(text))
}

/// Whether most lines hold columns separated by tabs or commas (a CSV saved as `.txt`).
pub fn delimited(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let with = lines.iter().filter(|l| l.contains('\t') || l.matches(',').count() >= 2).count();
    !lines.is_empty() && with * 2 > lines.len()
}

/// The rows of pipe text, each with the line it starts on. A line ending in `|` ends its row;
/// a line starting with `|` inside a row opens the next cell; other lines continue the open
/// cell (a line break inside it); a blank line ends the row.
pub(super) fn pipe_rows(text: &str) -> Vec<(Vec<String>, usize)> {
    let mut rows: Vec<(Vec<String>, usize)> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    let mut start = 0usize;
    let mut at_start = true;
    let end_row =
        |row: &mut Vec<String>, cell: &mut Option<String>, rows: &mut Vec<(Vec<String>, usize)>, start| {
            if let Some(c) = cell.take() {
                row.push(c.trim().to_string());
            }
            rows.push((std::mem::take(row), start));
        };
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            if !at_start {
                end_row(&mut row, &mut cell, &mut rows, start);
                at_start = true;
            }
            continue;
        }
        if at_start {
            start = i + 1;
            if t == "|" {
                rows.push((Vec::new(), start));
                continue;
            }
        }
        let rest = if at_start { t.strip_prefix('|').unwrap_or(t) } else { t };
        at_start = false;
        let ends = rest.ends_with('|');
        let body = if ends { &rest[..rest.len() - 1] } else { rest };
        for (k, part) in body.split('|').enumerate() {
            if k > 0
                && let Some(c) = cell.take()
            {
                row.push(c.trim().to_string());
            }
            match &mut cell {
                Some(c) => {
                    if !part.trim().is_empty() {
                        if !c.trim().is_empty() {
                            c.push('\n');
                        }
                        c.push_str(part.trim());
                    }
                }
                None => cell = Some(part.trim().to_string()),
            }
        }
        if ends {
            end_row(&mut row, &mut cell, &mut rows, start);
            at_start = true;
        }
    }
    if !at_start {
        end_row(&mut row, &mut cell, &mut rows, start);
    }
    rows
}

/// Whether the rows are really cells, one each (a cell a line between `|` lines): hardly any
/// row holds two written cells.
fn one_cell_rows(rows: &[(Vec<String>, usize)]) -> bool {
    let written = |r: &Vec<String>| r.iter().filter(|c| !c.trim().is_empty()).count();
    let filled = rows.iter().filter(|(r, _)| written(r) > 0).count();
    let wide = rows.iter().filter(|(r, _)| written(r) > 1).count();
    filled >= 8 && wide * 20 <= filled
}

/// Text without `|`: one cell a paragraph when blank lines part the cells, else one a line. A
/// paragraph of only no-break spaces is an empty cell.
fn plain_cells(text: &str) -> Vec<(String, usize)> {
    let separator = |l: &str| l.chars().all(|c| c == ' ' || c == '\t' || c == '\r');
    let lines: Vec<&str> = text.lines().collect();
    let blank = lines.iter().filter(|l| separator(l)).count();
    if blank * 10 < lines.len() * 3 {
        return lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !separator(l))
            .map(|(i, l)| (l.trim().to_string(), i + 1))
            .collect();
    }
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut para: Option<(String, usize)> = None;
    for (i, line) in lines.iter().enumerate() {
        if separator(line) {
            out.extend(para.take());
            continue;
        }
        match &mut para {
            Some((p, _)) => {
                p.push('\n');
                p.push_str(line.trim());
            }
            None => para = Some((line.trim().to_string(), i + 1)),
        }
    }
    out.extend(para);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<Vec<String>> {
        pipe_rows(text).into_iter().map(|(r, _)| r).collect()
    }

    #[test]
    fn rows_as_pages_flatten_them() {
        // Markdown-like rows, fragments between them.
        let t = "| 一级指标 | 三级指标 |\n| 决策(5分) | 相关性 |\n|\n| ||\n| 明确性 |\n";
        assert_eq!(
            cells(t),
            [vec!["一级指标", "三级指标"], vec!["决策(5分)", "相关性"], vec![], vec!["", ""], vec!["明确性"]]
        );
        // A cell over several lines, `|` opening the next, a lone `|` ending the row.
        let t =
            "评价\n内容\n| 评价指标\n(分值)\n| 评分标准\n|\n(一)\n项\n目\n(7分)\n| 1.可行性\n| 得7分\n|\n";
        assert_eq!(
            cells(t),
            [
                vec!["评价\n内容", "评价指标\n(分值)", "评分标准"],
                vec!["(一)\n项\n目\n(7分)", "1.可行性", "得7分"]
            ]
        );
        // Rows without an opening pipe.
        assert_eq!(
            cells("考核内容 | 分值 |\n一、前期 | 30 |\n| 29 |\n"),
            [vec!["考核内容", "分值"], vec!["一、前期", "30"], vec!["29"]]
        );
    }

    #[test]
    fn cells_one_a_line_between_pipes() {
        let t = "一级指标\n|\n二级指标\n|\n三级指标\n|\n分值\n|\n";
        let rows = pipe_rows(t);
        assert_eq!(rows.iter().map(|(r, _)| r.len()).collect::<Vec<_>>(), [1, 1, 1, 1]);
        assert_eq!(
            plain_cells("a\n\n \u{a0}\n\nb\nc\n\n"),
            [("a".to_string(), 1), ("".to_string(), 3), ("b\nc".to_string(), 5)]
        );
        assert!(delimited("一级指标\t分值\n决策\t5\n") && !delimited("一级指标\n分值\n"));
    }
}
