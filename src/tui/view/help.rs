//! The help page: every key of every mode from the key map in force (so a remapped key shows
//! as remapped), each mode under its heading, the note editor's fixed editing keys, and what
//! the outline's marks and numbers mean — wrapped to the page's width.

use super::App;
use crate::text;
use crate::tui::keys::KeyMode;
use crate::words::{keys as k, tui as words};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Every line of the help page at `width` columns.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let w = usize::from(width.max(20));
    // The key column: wide enough for nine rows in ten (the few longer ones get a line of
    // their own), never more than a third of the page.
    let mut widths: Vec<usize> = KeyMode::REVIEW
        .iter()
        .flat_map(|&m| app.keymap.help_rows(m))
        .map(|(keys, _)| text::width(&keys))
        .collect();
    widths.sort_unstable();
    let most = widths.get(widths.len() * 9 / 10).copied().unwrap_or(0);
    let key_w = (most + 4).min(w / 3).max(8);
    let mut lines = Vec::new();
    for mode in KeyMode::REVIEW {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(mode.title().to_string(), t.label));
        for (keys, what) in app.keymap.help_rows(mode) {
            push_row(&mut lines, &keys, what.get(), key_w, w, t.key);
        }
        if mode == KeyMode::Note {
            push_wrapped(&mut lines, k::NOTE_FIXED_KEYS.get(), w, "  ", t.muted);
        }
    }
    lines.push(Line::default());
    push_wrapped(&mut lines, words::HELP_MARKS.get(), w, "", t.muted);
    push_wrapped(&mut lines, words::HELP_NUMBERS.get(), w, "", t.muted);
    lines
}

/// One key and what it does, the description wrapped under itself.
pub(crate) fn push_row(
    lines: &mut Vec<Line<'static>>,
    keys: &str,
    what: &str,
    key_w: usize,
    w: usize,
    key_style: Style,
) {
    // Keys too wide for their column get a line of their own: they are never cut.
    let mut keys = format!("  {keys}");
    if text::width(&keys) >= key_w {
        for part in text::wrap(&keys, w.saturating_sub(2).max(8)) {
            lines.push(Line::styled(format!("  {}", part.trim_start()), key_style));
        }
        keys = String::new();
    }
    let pad = key_w.saturating_sub(text::width(&keys));
    for (n, part) in text::wrap(what, w.saturating_sub(key_w).max(8)).into_iter().enumerate() {
        let head = if n == 0 { Span::styled(keys.clone(), key_style) } else { Span::raw(String::new()) };
        let pad = if n == 0 { pad } else { key_w };
        lines.push(Line::from(vec![head, Span::raw(" ".repeat(pad)), Span::raw(part)]));
    }
}

fn push_wrapped(lines: &mut Vec<Line<'static>>, s: &str, w: usize, indent: &str, style: Style) {
    let room = w.saturating_sub(text::width(indent)).max(8);
    lines.extend(text::wrap(s, room).into_iter().map(|l| Line::styled(format!("{indent}{l}"), style)));
}
