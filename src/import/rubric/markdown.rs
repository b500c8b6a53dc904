//! Pipe tables (`| a | b |` over a `|---|---|` line) in Markdown or text → [`Grid`]s.

use super::grid::{Grid, Places};

/// The file's pipe tables, in order; each row named by its line.
pub fn tables(text: &str) -> Vec<Grid> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        if is_row(lines[i]) && is_separator(lines[i + 1]) {
            let mut rows = vec![cells(lines[i])];
            let mut numbers = vec![i + 1];
            let mut j = i + 2;
            while j < lines.len() && is_row(lines[j]) {
                rows.push(cells(lines[j]));
                numbers.push(j + 1);
                j += 1;
            }
            out.push(Grid::new(rows, Places::Lines(numbers)));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn is_row(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.len() > 1
}

fn is_separator(line: &str) -> bool {
    let cells = cells(line);
    !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim();
            let inner = c.trim_start_matches(':').trim_end_matches(':');
            !inner.is_empty() && inner.chars().all(|ch| ch == '-')
        })
}

/// `| a | b\|c |` → [`a`, `b|c`]; `<br>` is a line break.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") { &t[..t.len() - 1] } else { t };
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => out.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    out.push(cell);
    out.into_iter()
        .map(|c| c.replace("<br>", "\n").replace("<br/>", "\n").replace("<br />", "\n").trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipe_tables() {
        let t = tables("# 表\n\n| 一级指标 | 分值 |\n|---|:--:|\n| 决策 | 5 |\n|  | a\\|b |\n\ntext\n");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows, [vec!["一级指标", "分值"], vec!["决策", "5"], vec!["", "a|b"]]);
        assert_eq!(t[0].places, Places::Lines(vec![3, 5, 6]));
        assert!(tables("| a |\nno separator\n").is_empty());
    }
}
