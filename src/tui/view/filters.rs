//! The filter menu: each filter with its key and whether it is on.

use super::{App, centered, clear_overlay, pane_block};
use crate::tui::app::FILTER_KEYS;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, frame: &mut Frame) {
    let t = &app.theme;
    let f = &app.filter;
    let rect = centered(frame.area(), 56, FILTER_KEYS.len() as u16 + 4);
    let block = pane_block(app, " Filters — keys toggle, Esc closes ", true);
    let inner = block.inner(rect);
    clear_overlay(frame, rect);
    frame.render_widget(block, rect);
    let mut lines: Vec<Line> = FILTER_KEYS
        .iter()
        .map(|&(key, what)| {
            let on = match key {
                'u' => f.unscored,
                'f' => f.flagged,
                'r' => f.needs_reason,
                'n' => f.has_note,
                't' => f.tag.is_some(),
                _ => false,
            };
            let what = match (key, &f.tag) {
                ('t', Some(tag)) => format!("tag: {tag} (t for the next)"),
                _ => what.to_string(),
            };
            let mark = if key == 'c' {
                "   "
            } else if on {
                "[x]"
            } else {
                "[ ]"
            };
            Line::from(vec![
                Span::styled(format!(" {key} "), t.key),
                Span::styled(mark, if on { t.title } else { t.muted }),
                Span::raw(format!(" {}", super::clip(&what, usize::from(inner.width).saturating_sub(8)))),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(" Backspace in the outline clears every filter.", t.muted));
    frame.render_widget(Paragraph::new(lines), inner);
}
