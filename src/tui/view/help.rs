//! The help screen: every key of the key map in force, plus the keys of the text-entry screens.

use super::{App, centered, pane_block};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

const ENTRY_KEYS: &[(&str, &str)] = &[
    ("Score prompt", ""),
    ("digits . Backspace", "type the score"),
    ("Enter / Esc", "set it / cancel"),
    ("Note editor", ""),
    ("Esc", "close and keep the note"),
    ("Enter", "new line"),
    ("Ctrl-s", "keep the note and save now"),
    ("paste", "pasted text goes in as text"),
];

pub fn draw(app: &App, frame: &mut Frame, scroll: u16) {
    let area = frame.area();
    let rect = centered(area, area.width.saturating_sub(4).min(84), area.height.saturating_sub(2));
    let block = pane_block(app, " Keys — Esc closes, j/k scroll ", true);
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let t = &app.theme;
    let key_w = 28;
    let mut lines = Vec::new();
    for (keys, what) in app.keymap.help_rows() {
        lines.push(row(&keys, what, key_w, t.key));
    }
    lines.push(Line::default());
    for (keys, what) in ENTRY_KEYS {
        if what.is_empty() {
            lines.push(Line::styled(keys.to_string(), t.label));
        } else {
            lines.push(row(keys, what, key_w, t.key));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled("Outline marks: · unscored  ⚑ flagged  ! needs a reason  ✎ has a note", t.muted));
    // Two columns when the screen is wide enough and one column would not fit.
    let two = inner.width >= 100 && lines.len() > usize::from(inner.height);
    if two {
        let half = lines.len().div_ceil(2);
        let right = lines.split_off(half);
        let [a, b] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(inner);
        draw_column(frame, a, lines, scroll);
        draw_column(frame, b, right, scroll);
    } else {
        draw_column(frame, inner, lines, scroll);
    }
}

fn draw_column(frame: &mut Frame, area: Rect, lines: Vec<Line<'static>>, scroll: u16) {
    let max = lines.len().saturating_sub(usize::from(area.height));
    let top = usize::from(scroll).min(max);
    let visible: Vec<Line> = lines.into_iter().skip(top).collect();
    frame.render_widget(Paragraph::new(visible), area);
}

fn row(keys: &str, what: &str, key_w: usize, key_style: ratatui::style::Style) -> Line<'static> {
    let pad = key_w.saturating_sub(text::width(keys)).max(1);
    Line::from(vec![
        Span::styled(format!("  {keys}"), key_style),
        Span::raw(" ".repeat(pad)),
        Span::raw(what.to_string()),
    ])
}
