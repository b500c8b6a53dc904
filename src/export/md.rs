//! A GitHub Markdown document: the sheet's heading, who scored it, when and how far, then the
//! table, then the signature lines. In item rows a section cell equal to the one above is left empty (as a merged cell
//! reads); subtotal and total rows show their whole path and a bold label. Cell text is made
//! safe: control characters shown as symbols, Markdown punctuation escaped, `|` as `\|`,
//! newlines as `<br>`.

use super::table::{ColKind, RowKind, Table};
use crate::text::sanitize;

pub fn to_md(table: &Table) -> String {
    let f = &table.framing;
    let mut out = format!("# {}\n\n", inline(&f.heading));
    // Who, when, progress: one line each (a hard break, two spaces), a blank to fill in as a rule.
    let facts: Vec<String> = f
        .facts
        .iter()
        .chain(&f.progress)
        .map(|(label, value)| {
            let value = if value.trim().is_empty() { BLANK.to_string() } else { inline(value) };
            format!("{}{}{value}", inline(label), colon(label))
        })
        .collect();
    if !facts.is_empty() {
        out.push_str(&facts.join("  \n"));
        out.push_str("\n\n");
    }
    for line in &f.notes {
        out.push_str(&inline(line));
        out.push_str("\n\n");
    }
    let header: Vec<String> = table.columns.iter().map(|c| inline(&c.header)).collect();
    push_row(&mut out, &header);
    let rule: Vec<String> = table
        .columns
        .iter()
        .map(|c| match c.kind {
            ColKind::Number | ColKind::Score => "---:".to_string(),
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
    for line in &f.signatures {
        out.push('\n');
        out.push_str(&inline(line));
        out.push('\n');
    }
    out
}

/// A value left blank, to be written in by hand.
const BLANK: &str = "\\_\\_\\_\\_\\_\\_\\_\\_";

/// `：` after a Chinese label, `: ` after an English one.
fn colon(label: &str) -> &'static str {
    if label.is_ascii() { ": " } else { "：" }
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
