//! The search overlay: the query with the terminal cursor after it, the hit count, and each
//! hit with its score state, its title with the matched characters highlighted, its section
//! path, and a snippet of the matching text when the match is not in the title.

use super::{App, clear_overlay, clip, pane_block};
use crate::report::Node;
use crate::scores::fmt_num;
use crate::search::{Field, Hit, Query, match_positions, snippet};
use crate::text;
use crate::tui::app::SearchState;
use crate::words::tui as words;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, frame: &mut Frame, state: &SearchState) {
    let area = frame.area();
    let w = area.width.saturating_sub(4).min(110);
    let rect = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: area.height.saturating_sub(2),
    };
    let hints = super::status::hints(app, usize::from(rect.width).saturating_sub(14));
    let block = pane_block(app, words::SEARCH_TITLE.fill(&[("hints", &hints)]), true);
    let inner = block.inner(rect);
    clear_overlay(frame, rect);
    frame.render_widget(block, rect);
    if inner.height < 2 {
        return;
    }
    let t = &app.theme;
    let width = usize::from(inner.width);

    // The query line, with the count on the right.
    let count = if state.input.trim().is_empty() {
        words::SEARCH_EMPTY.get().to_string()
    } else if state.pending {
        words::SEARCHING.get().to_string()
    } else if state.hits.is_empty() {
        words::NO_MATCH.get().to_string()
    } else {
        words::HIT_COUNT.fill(&[("k", &(state.selected + 1)), ("n", &state.hits.len())])
    };
    let typed = clip(&state.input, width.saturating_sub(text::width(&count) + 4));
    let pad = width.saturating_sub(2 + text::width(&typed) + text::width(&count));
    let query_line = Line::from(vec![
        Span::styled("/ ", t.key),
        Span::styled(typed.clone(), t.title),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, t.muted),
    ]);
    frame.render_widget(Paragraph::new(query_line), Rect { height: 1, ..inner });
    frame.set_cursor_position(Position::new(inner.x + 2 + text::width(&typed) as u16, inner.y));

    let list = Rect { y: inner.y + 2, height: inner.height.saturating_sub(2), ..inner };
    let query = Query::parse(&state.input);
    let rows: Vec<Vec<Line>> = visible_hits(state, list.height)
        .map(|(k, hit)| {
            let mut lines = hit_lines(app, hit, &query, width);
            if k == state.selected {
                lines = lines.into_iter().map(|l| l.patch_style(t.selection)).collect();
            }
            lines
        })
        .collect();
    let lines: Vec<Line> = rows.into_iter().flatten().take(usize::from(list.height)).collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// The hits to draw: a window of the list that keeps the selected one in view (2 lines a hit at most).
fn visible_hits(state: &SearchState, height: u16) -> impl Iterator<Item = (usize, &Hit)> {
    let fit = (usize::from(height) / 2).max(1);
    let start = state.selected.saturating_sub(fit.saturating_sub(1));
    state.hits.iter().enumerate().skip(start).take(usize::from(height))
}

fn hit_lines(app: &App, hit: &Hit, query: &Query, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let r = &app.report;
    let (title, path, state, state_style) = match hit.node {
        Node::Item(i) => {
            let item = &r.items[i];
            let e = &app.scores.entries[i];
            let (mark, style) = match e.score {
                Some(v) => {
                    (format!("{}/{}", fmt_num(v), fmt_num(item.scale.max)), t.score(v, item.scale.max))
                }
                None => (format!("–/{}", fmt_num(item.scale.max)), t.unscored),
            };
            let flag = if e.flagged { "⚑" } else { " " };
            (
                item.display_title(),
                r.section_path(item.section).join(" › "),
                format!("{flag}{mark:>6} "),
                style,
            )
        }
        Node::Section(s) => {
            let sec = &r.sections[s];
            let path = sec.parent.map(|p| r.section_path(p).join(" › ")).unwrap_or_default();
            (sec.title.to_string(), path, "  §     ".to_string(), t.section)
        }
    };
    let room = width.saturating_sub(text::width(&state));
    let title_room = if path.is_empty() { room } else { room * 3 / 5 };
    let mut first = vec![Span::styled(state.clone(), state_style)];
    let title_spans = highlighted(&title, &match_positions(&title, query), title_room, t.item, t.highlight);
    let used: usize = title_spans.iter().map(|s| text::width(&s.content)).sum();
    first.extend(title_spans);
    if !path.is_empty() {
        let rest = room.saturating_sub(used + 2);
        let path = clip(&path, rest);
        let pad = rest.saturating_sub(text::width(&path)) + 2;
        first.push(Span::raw(" ".repeat(pad)));
        first.push(Span::styled(path, t.muted));
    }
    let mut lines = vec![Line::from(first)];
    if hit.field != Field::Title {
        let body: &str = match (hit.node, hit.field) {
            (Node::Item(i), Field::Text) => &r.items[i].text,
            (Node::Item(i), Field::Criteria) => r.items[i].criteria.as_deref().unwrap_or_default(),
            (Node::Item(i), Field::Note) => &app.scores.entries[i].note,
            (Node::Section(s), Field::Body) => r.sections[s].body.as_deref().unwrap_or_default(),
            _ => "",
        };
        let label = match hit.field {
            Field::Criteria => words::FIELD_CRITERIA.get(),
            Field::Note => words::FIELD_NOTE.get(),
            _ => "",
        };
        let indent = " ".repeat(text::width(&state));
        let room = width.saturating_sub(indent.len() + text::width(label));
        let (snip, marks) = snippet(body, &match_positions(body, query), room);
        let mut spans = vec![Span::raw(indent), Span::styled(label, t.label)];
        spans.extend(highlighted(&snip, &marks, room, t.muted, t.highlight));
        lines.push(Line::from(spans));
    }
    lines
}

/// `s` cut to `max` columns as spans, the chars at `positions` (char indices) in `hl`.
/// Works char by char, so a highlight lands on the right cell even after wide characters.
fn highlighted(s: &str, positions: &[usize], max: usize, base: Style, hl: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    let mut used = 0;
    let total = text::width(s);
    let budget = if total > max { max.saturating_sub(1) } else { max };
    for (k, c) in s.chars().enumerate() {
        let shown: String = match c {
            '\n' | '\r' | '\t' => " ".to_string(),
            c => text::sanitize(c.encode_utf8(&mut [0; 4])).into_owned(),
        };
        let w = text::width(&shown);
        if used + w > budget {
            break;
        }
        used += w;
        let is_hl = positions.binary_search(&k).is_ok();
        if is_hl != run_hl && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), if run_hl { hl } else { base }));
        }
        run_hl = is_hl;
        run.push_str(&shown);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hl { hl } else { base }));
    }
    if total > max {
        spans.push(Span::styled("…", base));
    }
    spans
}
