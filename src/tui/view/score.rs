//! The score panel: the item's score and scale, self score, flag and note, or the score
//! prompt while one is being typed; a section's subtotal when a section is selected.

use super::{App, clip, pane_block};
use crate::report::Node;
use crate::scores::{fmt_num, needs_reason};
use crate::text;
use crate::tui::app::{Mode, Pane};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const LABEL: usize = 7;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(app, " Score ", app.focus == Pane::Score);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let t = &app.theme;
    let mut lines: Vec<Line> = Vec::new();
    match app.current() {
        Some(Node::Item(i)) => {
            let item = &app.report.items[i];
            let entry = &app.scores.entries[i];
            let scale = format!(
                "  ({}–{}, step {})",
                fmt_num(item.scale.min),
                fmt_num(item.scale.max),
                fmt_num(item.scale.step)
            );
            if let Mode::ScorePrompt { input, error } = &app.mode {
                let typed = clip(input, w.saturating_sub(LABEL + 1));
                lines.push(Line::from(vec![
                    Span::styled("Score  ", t.label),
                    Span::styled(typed.clone(), t.title),
                    Span::styled(format!(" / {}{scale}", fmt_num(item.scale.max)), t.muted),
                ]));
                let cursor_x = inner.x + (LABEL + text::width(&typed)).min(w.saturating_sub(1)) as u16;
                frame.set_cursor_position(Position::new(cursor_x, inner.y));
                match error {
                    Some(e) => lines.extend(text::wrap(e, w).into_iter().map(|l| Line::styled(l, t.warning))),
                    None => lines.push(Line::styled("Type a score, Enter sets it, Esc cancels.", t.muted)),
                }
            } else {
                let mut first = vec![Span::styled("Score  ", t.label)];
                match entry.score {
                    Some(v) => {
                        first.push(Span::styled(fmt_num(v), t.score(v, item.scale.max).patch(t.title)))
                    }
                    None => first.push(Span::styled("–", t.unscored)),
                }
                first.push(Span::raw(format!(" / {}", fmt_num(item.scale.max))));
                first.push(Span::styled(scale, t.muted));
                if let Some(s) = item.self_score {
                    first.push(Span::styled(format!("   自评 {}", fmt_num(s)), t.muted));
                }
                lines.push(Line::from(first));
                lines.push(if entry.flagged {
                    Line::from(vec![
                        Span::styled("Flag   ", t.label),
                        Span::styled("⚑ needs follow-up (f clears)", t.flag),
                    ])
                } else {
                    Line::from(vec![Span::styled("Flag   ", t.label), Span::styled("– (f flags)", t.muted)])
                });
            }
            let warn = needs_reason(&app.report, item, entry);
            let room = usize::from(inner.height).saturating_sub(lines.len() + usize::from(warn));
            if entry.note.is_empty() {
                lines.push(Line::from(vec![
                    Span::styled("Note   ", t.label),
                    Span::styled("– (a writes 扣分原因 / a note)", t.muted),
                ]));
            } else {
                let wrapped = text::wrap(&entry.note, w.saturating_sub(LABEL).max(1));
                let total = wrapped.len();
                for (k, l) in wrapped.into_iter().take(room.max(1)).enumerate() {
                    let head = if k == 0 { "Note   " } else { "       " };
                    let more = k + 1 == room && total > room;
                    let body = if more { clip(&format!("{l}…"), w.saturating_sub(LABEL)) } else { l };
                    lines.push(Line::from(vec![Span::styled(head, t.label), Span::raw(body)]));
                }
            }
            if warn {
                lines.push(Line::styled("! Below full marks: the report requires a reason (a)", t.warning));
            }
        }
        Some(Node::Section(s)) => {
            let sum = &app.tallies.sections[s];
            let subtotal = match sum.percent {
                Some(p) => {
                    format!("{} / {}  ({}%)", fmt_num(sum.points), fmt_num(sum.max_points), fmt_num(p))
                }
                None => "– (nothing scored yet)".to_string(),
            };
            lines.push(Line::from(vec![Span::styled("Subtotal ", t.label), Span::styled(subtotal, t.title)]));
            lines.push(Line::styled(
                format!(
                    "{}/{} items scored · full marks {} · {} flagged",
                    sum.scored,
                    sum.items,
                    fmt_num(sum.report_max),
                    sum.flagged
                ),
                t.muted,
            ));
            if sum.missing_reasons > 0 {
                lines.push(Line::styled(
                    format!("! {} scored below max without a reason", sum.missing_reasons),
                    t.warning,
                ));
            }
            lines.push(Line::styled("A section: move to an item (j/k) to score it.", t.muted));
        }
        None => lines.push(Line::styled("Nothing to score.", t.muted)),
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
