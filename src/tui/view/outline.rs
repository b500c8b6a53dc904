//! The outline pane: sections and items as an indented tree, each item with its score or a
//! mark (unscored, flagged, needs a reason), each section with the points of its scored items,
//! its full marks and how many of its items are scored (the help page explains the numbers).

use super::{App, clip, pane_block};
use crate::report::Node;
use crate::scores::{fmt_num, needs_reason};
use crate::text;
use crate::tui::action::Action;
use crate::tui::app::Pane;
use crate::tui::keys::KeyMode;
use crate::words::tui as w;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Pane::Outline;
    let sum = &app.tallies.report;
    let title = w::OUTLINE_TITLE.fill(&[("scored", &sum.scored), ("items", &sum.items)]);
    let mut block = pane_block(app, title, focused);
    if app.panes().reading.width == 0 {
        // A narrow terminal shows one of outline and text: say how to reach the other.
        let key = app.keymap.key(KeyMode::Normal, &Action::FocusRight);
        let hint = format!(" {} ", w::TEXT_HIDDEN.fill(&[("key", &key)]));
        block = block.title_bottom(Line::styled(hint, app.theme.muted).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let lines: Vec<Line> = app
        .outline
        .iter()
        .enumerate()
        .skip(app.outline_offset)
        .take(usize::from(inner.height))
        .map(|(row, node)| {
            let line = row_line(app, *node, width);
            if row == app.cursor { line.patch_style(app.theme.selection) } else { line }
        })
        .collect();
    if lines.is_empty() && app.filter.is_active() {
        // A filter that lets nothing through says so (not "no sections").
        let open = app.keymap.key(KeyMode::Normal, &Action::OpenFilters);
        let clear = app.keymap.key(KeyMode::Normal, &Action::ClearFilters);
        let text = w::FILTER_MATCHES_NOTHING.fill(&[
            ("filter", &app.filter.describe()),
            ("key", &open),
            ("clear", &clear),
        ]);
        let wrapped: Vec<Line> =
            text::wrap(&text, width).into_iter().map(|l| Line::styled(l, app.theme.warning)).collect();
        frame.render_widget(Paragraph::new(wrapped), inner);
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn row_line(app: &App, node: Node, width: usize) -> Line<'static> {
    let t = &app.theme;
    match node {
        Node::Section(s) => {
            let sec = &app.report.sections[s];
            let indent = "  ".repeat(sec.depth.min(6));
            let sum = &app.tallies.sections[s];
            // The same form as an item's — points / full marks — then, where the pane has the
            // room for titles as well, (scored / items).
            let right = if sum.items == 0 {
                String::new()
            } else {
                let points = if sum.scored > 0 { fmt_num(sum.points) } else { "–".into() };
                let count =
                    if width >= 40 { format!(" ({}/{})", sum.scored, sum.items) } else { String::new() };
                format!(" {points}/{}{count}", fmt_num(sum.report_max))
            };
            let room = width.saturating_sub(text::width(&indent) + text::width(&right));
            let title = clip(&sec.title, room);
            let pad = room.saturating_sub(text::width(&title));
            Line::from(vec![
                Span::raw(indent),
                Span::styled(title, t.section),
                Span::raw(" ".repeat(pad)),
                Span::styled(right, t.muted),
            ])
        }
        Node::Item(i) => {
            let item = &app.report.items[i];
            let entry = &app.scores.entries[i];
            let depth = app.report.sections[item.section].depth + 1;
            let indent = "  ".repeat(depth.min(7));
            let proposal = app.panel.as_ref().map(|p| p.proposal(&app.report, i));
            let (mark, mark_style) = if entry.flagged {
                ("⚑", t.flag)
            } else if proposal.as_ref().is_some_and(|p| p.stats.disagree) {
                ("⚠", t.warning)
            } else if needs_reason(&app.report, item, entry) {
                ("!", t.warning)
            } else if entry.score.is_none() {
                ("·", t.unscored)
            } else if !entry.note.is_empty() {
                ("✎", t.muted)
            } else {
                (" ", Style::new())
            };
            let (score, score_style) = match entry.score {
                Some(v) => {
                    (format!(" {}/{}", fmt_num(v), fmt_num(item.scale.max)), t.score(v, item.scale.max))
                }
                None => (format!(" –/{}", fmt_num(item.scale.max)), t.unscored),
            };
            // The panel view: the evaluators' mean before the agreed score, where there is room.
            let mean = match proposal.and_then(|p| p.stats.mean) {
                Some(m) if width >= 40 => format!(" ⌀{}", fmt_num((m * 10.0).round() / 10.0)),
                _ => String::new(),
            };
            let score = format!("{mean}{score}");
            let room = width.saturating_sub(text::width(&indent) + 2 + text::width(&score));
            let title = clip(&item.display_title(), room);
            let pad = room.saturating_sub(text::width(&title));
            Line::from(vec![
                Span::raw(indent),
                Span::styled(mark, mark_style),
                Span::raw(" "),
                Span::styled(title, t.item),
                Span::raw(" ".repeat(pad)),
                Span::styled(score, score_style),
            ])
        }
    }
}
