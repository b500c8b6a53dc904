//! The score panel: the item's score and scale, self score, flag and note, or the score
//! prompt while one is being typed; a section's subtotal when a section is selected.

use super::{App, clip, pane_block};
use crate::report::Node;
use crate::scores::{fmt_num, needs_reason};
use crate::text;
use crate::tui::action::Action;
use crate::tui::app::{Mode, Pane};
use crate::tui::keys::KeyMode;
use crate::words::tui as words;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const LABEL: usize = 7;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let block = pane_block(app, words::SCORE_TITLE.get(), app.focus == Pane::Score);
    let key = |action: Action| app.keymap.key(KeyMode::Normal, &action);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let t = &app.theme;
    let mut lines: Vec<Line> = Vec::new();
    match app.current() {
        Some(Node::Item(i)) => {
            let item = &app.report.items[i];
            let entry = &app.scores.entries[i];
            let scale = words::SCALE.fill(&[
                ("min", &fmt_num(item.scale.min)),
                ("max", &fmt_num(item.scale.max)),
                ("step", &fmt_num(item.scale.step)),
            ]);
            if let Mode::ScorePrompt { input, error, selected } = &app.mode {
                let typed = clip(input, w.saturating_sub(LABEL + 1));
                // A refused value is shown selected: what is typed next replaces it.
                let typed_style = if *selected { t.title.patch(t.selection) } else { t.title };
                lines.push(Line::from(vec![
                    Span::styled(words::SCORE_LABEL.get(), t.label),
                    Span::styled(typed.clone(), typed_style),
                    Span::styled(format!(" / {}{scale}", fmt_num(item.scale.max)), t.muted),
                ]));
                let cursor_x = inner.x + (LABEL + text::width(&typed)).min(w.saturating_sub(1)) as u16;
                frame.set_cursor_position(Position::new(cursor_x, inner.y));
                match error {
                    Some(e) => lines.extend(text::wrap(e, w).into_iter().map(|l| Line::styled(l, t.warning))),
                    None => {
                        let set = app.keymap.key(KeyMode::Prompt, &Action::PromptSet);
                        let cancel = app.keymap.key(KeyMode::Prompt, &Action::PromptCancel);
                        let hint = words::PROMPT_HINT.fill(&[("set", &set), ("cancel", &cancel)]);
                        lines.push(Line::styled(hint, t.muted));
                    }
                }
            } else {
                let mut first = vec![Span::styled(words::SCORE_LABEL.get(), t.label)];
                match entry.score {
                    Some(v) => {
                        first.push(Span::styled(fmt_num(v), t.score(v, item.scale.max).patch(t.title)))
                    }
                    None => first.push(Span::styled("–", t.unscored)),
                }
                first.push(Span::raw(format!(" / {}", fmt_num(item.scale.max))));
                first.push(Span::styled(scale, t.muted));
                if let Some(s) = item.self_score {
                    first.push(Span::styled(words::SELF_SHORT.fill(&[("v", &fmt_num(s))]), t.muted));
                }
                lines.push(Line::from(first));
                let flag_key = key(Action::ToggleFlag);
                lines.push(if entry.flagged {
                    Line::from(vec![
                        Span::styled(words::FLAG_LABEL.get(), t.label),
                        Span::styled(words::FLAG_ON.fill(&[("key", &flag_key)]), t.flag),
                    ])
                } else {
                    Line::from(vec![
                        Span::styled(words::FLAG_LABEL.get(), t.label),
                        Span::styled(words::FLAG_OFF.fill(&[("key", &flag_key)]), t.muted),
                    ])
                });
            }
            let warn = needs_reason(&app.report, item, entry);
            let room = usize::from(inner.height).saturating_sub(lines.len() + usize::from(warn));
            if entry.note.is_empty() {
                lines.push(Line::from(vec![
                    Span::styled(words::NOTE_LABEL.get(), t.label),
                    Span::styled(words::NOTE_NONE.fill(&[("key", &key(Action::Annotate))]), t.muted),
                ]));
            } else {
                let (wrapped, rest) =
                    text::wrap_head(&entry.note, w.saturating_sub(LABEL).max(1), room.max(1));
                let shown = wrapped.len();
                for (k, l) in wrapped.into_iter().enumerate() {
                    let head = if k == 0 { words::NOTE_LABEL.get() } else { "       " };
                    let more = k + 1 == shown && rest;
                    let body = if more { clip(&format!("{l}…"), w.saturating_sub(LABEL)) } else { l };
                    lines.push(Line::from(vec![Span::styled(head, t.label), Span::raw(body)]));
                }
            }
            if warn {
                let reason = words::NEEDS_REASON.fill(&[("key", &key(Action::Annotate))]);
                lines.push(Line::styled(reason, t.warning));
            }
        }
        Some(Node::Section(s)) if app.tallies.sections[s].items == 0 => {
            let next = key(Action::NextUnscored);
            lines.push(Line::styled(words::TEXT_NOT_SCORED.fill(&[("key", &next)]), t.muted));
        }
        Some(Node::Section(s)) => {
            let sum = &app.tallies.sections[s];
            let subtotal = match sum.percent {
                Some(p) => {
                    format!("{} / {}  ({}%)", fmt_num(sum.points), fmt_num(sum.max_points), fmt_num(p))
                }
                None => words::NOTHING_SCORED.get().to_string(),
            };
            lines.push(Line::from(vec![
                Span::styled(words::SUBTOTAL.get(), t.label),
                Span::styled(subtotal, t.title),
            ]));
            let stats = words::SECTION_STATS.fill(&[
                ("scored", &sum.scored),
                ("items", &sum.items),
                ("max", &fmt_num(sum.report_max)),
                ("flagged", &sum.flagged),
            ]);
            lines.push(Line::styled(stats, t.muted));
            if sum.missing_reasons > 0 {
                let missing = words::SECTION_MISSING.fill(&[("n", &sum.missing_reasons)]);
                lines.push(Line::styled(missing, t.warning));
            }
            let keys = app.keymap.group_keys(KeyMode::Normal, &[Action::NextItem, Action::PrevItem]);
            lines.push(Line::styled(words::A_SECTION.fill(&[("keys", &keys)]), t.muted));
        }
        None => lines.push(Line::styled(words::NOTHING_TO_SCORE.get(), t.muted)),
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
