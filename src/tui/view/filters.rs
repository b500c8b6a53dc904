//! The filter menu: each filter with its key and whether it is on.

use super::{App, centered, clear_overlay, pane_block};
use crate::tui::action::{Action, FilterKind};
use crate::tui::keys::{KeyMode, decl};
use crate::words::tui as words;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The menu's rows: a toggle (with whether it is on) or the clear-all key.
const ROWS: [Action; 7] = [
    Action::FilterToggle(FilterKind::Unscored),
    Action::FilterToggle(FilterKind::Flagged),
    Action::FilterToggle(FilterKind::NeedsReason),
    Action::FilterToggle(FilterKind::HasNote),
    Action::FilterToggle(FilterKind::Tag),
    Action::FilterToggle(FilterKind::Disagree),
    Action::FiltersClear,
];

pub fn draw(app: &App, frame: &mut Frame) {
    let t = &app.theme;
    let f = &app.filter;
    let map = &app.keymap;
    // The disagreements filter only where there is a panel.
    let all = ROWS;
    let rows: Vec<&Action> = all
        .iter()
        .filter(|a| app.panel.is_some() || **a != Action::FilterToggle(FilterKind::Disagree))
        .collect();
    let rect = centered(frame.area(), 60, rows.len() as u16 + 4);
    let close = map.key(KeyMode::Filters, &Action::FiltersClose);
    let block = pane_block(app, words::FILTERS_TITLE.fill(&[("key", &close)]), true);
    let inner = block.inner(rect);
    clear_overlay(frame, rect);
    frame.render_widget(block, rect);
    let key_w = rows.iter().map(|a| crate::text::width(&map.key(KeyMode::Filters, a))).max().unwrap_or(1);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|&action| {
            let on = match action {
                Action::FilterToggle(FilterKind::Unscored) => Some(f.unscored),
                Action::FilterToggle(FilterKind::Flagged) => Some(f.flagged),
                Action::FilterToggle(FilterKind::NeedsReason) => Some(f.needs_reason),
                Action::FilterToggle(FilterKind::HasNote) => Some(f.has_note),
                Action::FilterToggle(FilterKind::Tag) => Some(f.tag.is_some()),
                Action::FilterToggle(FilterKind::Disagree) => Some(f.disagree.is_some()),
                _ => None,
            };
            let key = map.key(KeyMode::Filters, action);
            let what = match (action, &f.tag) {
                (Action::FilterToggle(FilterKind::Tag), Some(tag)) => {
                    words::FILTER_TAG_NEXT.fill(&[("tag", tag), ("key", &key)])
                }
                _ => decl(KeyMode::Filters, action).map(|d| d.what.get().to_string()).unwrap_or_default(),
            };
            let mark = match on {
                None => "   ",
                Some(true) => "[x]",
                Some(false) => "[ ]",
            };
            let pad = " ".repeat(key_w.saturating_sub(crate::text::width(&key)));
            let room = usize::from(inner.width).saturating_sub(key_w + 6);
            Line::from(vec![
                Span::styled(format!(" {key}{pad} "), t.key),
                Span::styled(mark, if on == Some(true) { t.title } else { t.muted }),
                Span::raw(format!(" {}", super::clip(&what, room))),
            ])
        })
        .collect();
    lines.push(Line::default());
    let clear = map.key(KeyMode::Normal, &Action::ClearFilters);
    lines.push(Line::styled(words::FILTERS_CLEAR_HINT.fill(&[("key", &clear)]), t.muted));
    frame.render_widget(Paragraph::new(lines), inner);
}
