//! A GitHub Markdown document: the report's title as a heading, the subtitle lines, then the
//! table. In item rows a section cell equal to the one above is left empty (as a merged cell
//! reads); subtotal and total rows show their whole path and a bold label. Cell text is made
//! safe: control characters shown as symbols, Markdown punctuation escaped, `|` as `\|`,
//! newlines as `<br>`.

use super::table::{ColKind, RowKind, Table};
use crate::text::sanitize;

pub fn to_md(table: &Table) -> String {
    let mut out = format!("# {}\n\n", inline(&table.title));
    for line in &table.subtitle {
        out.push_str(&inline(line));
        out.push_str("\n\n");
    }
    let header: Vec<String> = table.columns.iter().map(|c| inline(&c.header)).collect();
    push_row(&mut out, &header);
    let rule: Vec<String> = table
        .columns
        .iter()
        .map(|c| match c.kind {
            ColKind::Number => "---:".to_string(),
            ColKind::Mark => ":---:".to_string(),
            _ => "---".to_string(),
        })
        .collect();
    push_row(&mut out, &rule);
    for (r, row) in table.rows.iter().enumerate() {
        let prev = r.checked_sub(1).map(|p| &table.rows[p]);
        let cells: Vec<String> = row
            .cells
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let same_above = row.kind == RowKind::Item
                    && c < row.path_len
                    && prev.is_some_and(|p| {
                        p.path_len > c && (0..=c).all(|k| p.cells[k].value == row.cells[k].value)
                    });
                let text = if same_above { String::new() } else { inline(&cell.value.text()) };
                if row.label == Some(c) && !text.is_empty() { format!("**{text}**") } else { text }
            })
            .collect();
        push_row(&mut out, &cells);
    }
    out
}

fn push_row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        out.push_str(c);
        out.push_str(" |");
    }
    out.push('\n');
}

/// Text as one Markdown table cell.
fn inline(s: &str) -> String {
    let s = sanitize(s);
    let mut out = String::with_capacity(s.len());
    let mut lines = s.trim().lines().peekable();
    while let Some(line) = lines.next() {
        for ch in line.chars() {
            match ch {
                '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' => {
                    out.push('\\');
                    out.push(ch);
                }
                '\t' => out.push(' '),
                c => out.push(c),
            }
        }
        if lines.peek().is_some() {
            out.push_str("<br>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_escaped() {
        assert_eq!(inline("a|b"), "a\\|b");
        assert_eq!(inline("line 1\nline 2\r\n"), "line 1<br>line 2");
        assert_eq!(inline("*not bold* <b>"), "\\*not bold\\* \\<b\\>");
        assert_eq!(inline("\u{1b}[31mred"), "␛\\[31mred");
        assert_eq!(inline("佐证材料不足"), "佐证材料不足");
    }
}
