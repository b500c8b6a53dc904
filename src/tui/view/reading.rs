//! The reading pane: the selected item (title, section path, criteria, self score, full text,
//! evidence links) or section (path, body, its items), wrapped by display width.

use super::{App, clip, pane_block};
use crate::report::{Node, SectionIx};
use crate::scores::fmt_num;
use crate::text;
use crate::tui::action::Action;
use crate::tui::app::Pane;
use crate::tui::keys::KeyMode;
use crate::words::tui as words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The most lines of one evaluator's note the panel view shows.
const MEMBER_NOTE_LINES: usize = 200;

/// Draws the pane; returns how many lines its text has at the pane's width.
pub fn draw(app: &App, state: &mut super::ViewState, frame: &mut Frame, area: Rect) -> usize {
    let room = usize::from(area.width).saturating_sub(14);
    let title = match app.current() {
        Some(Node::Item(i)) => words::ITEM_TITLE.fill(&[("id", &clip(&app.report.items[i].id, room))]),
        Some(Node::Section(s)) => {
            words::SECTION_TITLE.fill(&[("id", &clip(&app.report.sections[s].id, room))])
        }
        None => words::REPORT_TITLE.get().to_string(),
    };
    let mut block = pane_block(app, title, app.focus == Pane::Reading);
    if app.panes().outline.width == 0 {
        let key = app.keymap.key(KeyMode::Normal, &Action::FocusLeft);
        let hint = format!(" {} ", words::OUTLINE_HIDDEN.fill(&[("key", &key)]));
        block = block.title_bottom(Line::styled(hint, app.theme.muted).left_aligned());
    }
    let inner = block.inner(area);
    let lines = state.reading_lines(app, inner.width);
    let h = usize::from(inner.height);
    let max_scroll = lines.len().saturating_sub(h);
    let scroll = app.text_scroll.min(max_scroll);
    let block = if lines.len() > h {
        let keys = app.keymap.group_keys(KeyMode::Normal, &[Action::PageDown, Action::PageUp]);
        let pos = format!(" {}–{}/{} {keys} ", scroll + 1, (scroll + h).min(lines.len()), lines.len());
        block.title_bottom(Line::from(Span::styled(pos, app.theme.muted)).right_aligned())
    } else {
        block
    };
    frame.render_widget(block, area);
    let visible: Vec<Line> = lines.iter().skip(scroll).take(h).cloned().collect();
    let total = lines.len();
    frame.render_widget(Paragraph::new(visible), inner);
    total
}

/// How many of a section's items its page lists.
const MAX_LISTED: usize = 200;

/// Every line of the pane's content at `width` columns (the pane scrolls over these).
pub fn content(app: &App, width: u16) -> Vec<Line<'static>> {
    let w = usize::from(width.max(1));
    let mut out = Vec::new();
    match app.current() {
        Some(Node::Item(i)) => item_content(app, i, w, &mut out),
        Some(Node::Section(s)) => section_content(app, s, w, &mut out),
        None => {
            push_wrapped(&mut out, &app.report.title, w, app.theme.title);
            push_wrapped(&mut out, words::NO_SECTIONS.get(), w, app.theme.muted);
        }
    }
    out
}

fn push_wrapped(out: &mut Vec<Line<'static>>, s: &str, w: usize, style: Style) {
    out.extend(text::wrap(s, w).into_iter().map(|l| Line::styled(l, style)));
}

fn label(app: &App, s: &str) -> Line<'static> {
    Line::styled(s.to_string(), app.theme.label)
}

fn path_line(app: &App, s: SectionIx) -> String {
    app.report.section_path(s).join(" › ")
}

fn item_content(app: &App, i: usize, w: usize, out: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let item = &app.report.items[i];
    push_wrapped(out, &item.display_title(), w, t.title);
    push_wrapped(out, &path_line(app, item.section), w, t.muted);
    let mut facts = words::ITEM_FACTS.fill(&[
        ("id", &item.id),
        ("min", &fmt_num(item.scale.min)),
        ("max", &fmt_num(item.scale.max)),
        ("step", &fmt_num(item.scale.step)),
    ]);
    // A tag that names a section above the item (a rubric's 一级指标) is in the path already.
    let above: Vec<&str> = std::iter::successors(Some(item.section), |&s| app.report.sections[s].parent)
        .map(|s| &*app.report.sections[s].title)
        .collect();
    let tags: Vec<&str> = item.tags.iter().map(|t| &**t).filter(|t| !above.contains(t)).collect();
    if !tags.is_empty() {
        facts.push_str(" · ");
        facts.push_str(&tags.join(", "));
    }
    push_wrapped(out, &facts, w, t.muted);
    if let Some(criteria) = item.criteria.as_deref().filter(|c| !c.trim().is_empty()) {
        out.push(Line::default());
        out.push(label(app, words::CRITERIA.get()));
        push_wrapped(out, criteria, w, Style::new());
    }
    if let Some(v) = item.self_score {
        out.push(Line::default());
        out.push(Line::from(vec![
            Span::styled(words::SELF_SCORE.get(), t.label),
            Span::raw(format!("{} / {}", fmt_num(v), fmt_num(item.scale.max))),
        ]));
    }
    if app.panel.is_some() {
        panel_table(app, i, w, out);
    }
    // A rubric indicator's text is its name, already shown as the title.
    if item.text.trim() != item.display_title() {
        out.push(Line::default());
        push_wrapped(out, &item.text, w, Style::new());
    }
    if !item.refs.is_empty() {
        out.push(Line::default());
        let follow = app.keymap.key(KeyMode::Normal, &Action::FollowRef);
        let back = app.keymap.key(KeyMode::Normal, &Action::JumpBack);
        out.push(label(app, &words::EVIDENCE.fill(&[("follow", &follow), ("back", &back)])));
        for id in &item.refs {
            let name = match app.report.find(id) {
                Some(Node::Item(j)) => app.report.items[j].display_title(),
                Some(Node::Section(s)) => app.report.sections[s].title.to_string(),
                None => String::new(),
            };
            let head = format!("→ {id}  ");
            let room = w.saturating_sub(text::width(&head));
            out.push(Line::from(vec![Span::styled(clip(&head, w), t.link), Span::raw(clip(&name, room))]));
        }
        first_passage(app, &item.refs[0], w, out);
    } else if app.report.meta.iter().any(|(k, _)| k == "rubric") {
        // A rubric import links each indicator to the text: say that none was found for this
        // one, so the evaluator searches instead of scrolling for it.
        out.push(Line::default());
        let search = app.keymap.key(KeyMode::Normal, &Action::OpenSearch);
        push_wrapped(out, &words::EVIDENCE_NONE.fill(&[("key", &search)]), w, t.muted);
    }
}

/// The first piece of evidence, in full beneath the list, so an indicator and the passage that
/// speaks to it are read together.
fn first_passage(app: &App, id: &str, w: usize, out: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let (title, body) = match app.report.find(id) {
        Some(Node::Section(s)) => {
            let sec = &app.report.sections[s];
            (sec.title.to_string(), sec.body.as_deref().unwrap_or("").to_string())
        }
        Some(Node::Item(j)) => {
            let item = &app.report.items[j];
            (item.display_title(), item.text.to_string())
        }
        None => return,
    };
    if body.trim().is_empty() {
        return;
    }
    out.push(Line::default());
    push_wrapped(out, &title, w, t.muted);
    push_wrapped(out, &body, w, Style::new());
}

fn section_content(app: &App, s: SectionIx, w: usize, out: &mut Vec<Line<'static>>) {
    let t = &app.theme;
    let sec = &app.report.sections[s];
    push_wrapped(out, &sec.title, w, t.title);
    if sec.parent.is_some() {
        push_wrapped(out, &path_line(app, s), w, t.muted);
    }
    let range = app.report.items_under(s);
    if !range.is_empty() {
        let sum = &app.tallies.sections[s];
        let mut facts = words::SECTION_FACTS.fill(&[
            ("id", &sec.id),
            ("count", &words::count_items(sum.items)),
            ("max", &fmt_num(sum.report_max)),
        ]);
        if sum.scored > 0 {
            facts.push_str(&words::SECTION_SCORED.fill(&[
                ("scored", &sum.scored),
                ("items", &sum.items),
                ("points", &fmt_num(sum.points)),
                ("max", &fmt_num(sum.max_points)),
            ]));
            if let Some(p) = sum.percent {
                facts.push_str(&format!(" ({}%)", fmt_num(p)));
            }
        }
        push_wrapped(out, &facts, w, t.muted);
    }
    if let Some(body) = sec.body.as_deref().filter(|b| !b.trim().is_empty()) {
        out.push(Line::default());
        push_wrapped(out, body, w, Style::new());
    }
    if !range.is_empty() {
        out.push(Line::default());
        let walk = app.keymap.group_keys(KeyMode::Normal, &[Action::NextItem, Action::PrevItem]);
        out.push(label(app, &words::ITEMS_LABEL.fill(&[("keys", &walk)])));
        // A long section lists its first items only: the pane costs the same at any size.
        let shown = range.len().min(MAX_LISTED);
        for i in range.clone().take(shown) {
            let item = &app.report.items[i];
            let score = match app.scores.entries[i].score {
                Some(v) => format!("  {}/{}", fmt_num(v), fmt_num(item.scale.max)),
                None => format!("  –/{}", fmt_num(item.scale.max)),
            };
            let room = w.saturating_sub(2 + text::width(&score));
            let title = clip(&item.display_title(), room);
            let pad = room.saturating_sub(text::width(&title));
            out.push(Line::from(vec![
                Span::raw("• "),
                Span::raw(title),
                Span::raw(" ".repeat(pad)),
                Span::styled(score, t.muted),
            ]));
        }
        if range.len() > shown {
            let more = words::AND_MORE.fill(&[("n", &(range.len() - shown)), ("keys", &walk)]);
            out.push(Line::styled(more, t.muted));
        }
    } else if !sec.children.is_empty() {
        passages_under(app, s, w, out);
    }
}

/// A part of the text with no items: what it holds, to read in turn with `j`.
fn passages_under(app: &App, s: SectionIx, w: usize, out: &mut Vec<Line<'static>>) {
    let sections = &app.report.sections;
    out.push(Line::default());
    let walk = app.keymap.group_keys(KeyMode::Normal, &[Action::NextItem, Action::PrevItem]);
    out.push(label(app, &words::PASSAGES_LABEL.fill(&[("keys", &walk)])));
    let mut stack: Vec<SectionIx> = sections[s].children.iter().rev().copied().collect();
    let mut listed = 0;
    while let Some(c) = stack.pop() {
        if listed == MAX_LISTED {
            let left = descendants(app, s) - listed;
            out.push(Line::styled(words::AND_MORE.fill(&[("n", &left), ("keys", &walk)]), app.theme.muted));
            break;
        }
        let indent = "  ".repeat(sections[c].depth.saturating_sub(sections[s].depth + 1));
        let head = format!("{indent}• ");
        let room = w.saturating_sub(text::width(&head));
        out.push(Line::from(vec![Span::raw(head), Span::raw(clip(&sections[c].title, room))]));
        listed += 1;
        stack.extend(sections[c].children.iter().rev().copied());
    }
}

fn descendants(app: &App, s: SectionIx) -> usize {
    let children = &app.report.sections[s].children;
    children.len() + children.iter().map(|&c| descendants(app, c)).sum::<usize>()
}

/// The panel view: every evaluator's score and note of item `i`, then what the method makes of
/// them and how far apart they are.
fn panel_table(app: &App, i: usize, w: usize, out: &mut Vec<Line<'static>>) {
    use crate::words::chair;
    let Some(panel) = &app.panel else { return };
    let t = &app.theme;
    let item = &app.report.items[i];
    out.push(Line::default());
    let key = app.keymap.key(KeyMode::Normal, &Action::TakeMean);
    out.push(label(app, &chair::PANEL_LABEL.fill(&[("key", &key), ("method", &app.panel_method())])));
    let name_w = panel.members.iter().map(|m| text::width(&m.name)).max().unwrap_or(0).min(16);
    let max = fmt_num(item.scale.max);
    for m in &panel.members {
        let e = m.scores.entries.get(i);
        let score = match e.and_then(|e| e.score) {
            Some(v) => format!("{}/{max}", fmt_num(v)),
            None => chair::PANEL_NOT_SCORED.get().to_string(),
        };
        let name = clip(&m.name, name_w);
        let pad = " ".repeat(name_w.saturating_sub(text::width(&name)));
        let flag = if e.is_some_and(|e| e.flagged) { " ⚑" } else { "" };
        let head = format!("{name}{pad}  {score:>7}{flag}  ");
        let style = if e.and_then(|e| e.score).is_none() { t.unscored } else { Style::new() };
        let note = e.map(|e| e.note.trim()).unwrap_or("");
        let room = w.saturating_sub(text::width(&head));
        // A note shows in full up to a page; a longer one (megabytes, from another program)
        // is cut with "…".
        let mut lines = if note.is_empty() {
            vec![String::new()]
        } else {
            let (mut lines, more) = text::wrap_head(note, room.max(8), MEMBER_NOTE_LINES);
            if more && let Some(last) = lines.last_mut() {
                last.push('…');
            }
            lines
        };
        let first = lines.remove(0);
        out.push(Line::from(vec![Span::styled(head.clone(), style), Span::styled(first, t.muted)]));
        let indent = " ".repeat(text::width(&head));
        for line in lines {
            out.push(Line::from(vec![Span::raw(indent.clone()), Span::styled(line, t.muted)]));
        }
    }
    let p = panel.proposal(&app.report, i);
    match p.value {
        Some(exact) => {
            let grid = crate::panel::on_grid(exact, &item.scale);
            let mut line = chair::PANEL_PROPOSAL.fill(&[
                ("method", &app.panel_method()),
                ("exact", &fmt_num((exact * 100.0).round() / 100.0)),
                ("grid", &fmt_num(grid)),
            ]);
            if p.fell_back {
                line.push_str(chair::PANEL_FELL_BACK.get());
            }
            push_wrapped(out, &line, w, t.muted);
            if p.stats.disagree {
                let spread = chair::PANEL_SPREAD.fill(&[
                    ("spread", &fmt_num(p.stats.spread.unwrap_or_default())),
                    ("pct", &fmt_num(panel.disagree_percent)),
                ]);
                push_wrapped(out, &format!("⚠ {spread}"), w, t.warning);
            }
        }
        None => push_wrapped(out, chair::PANEL_NOBODY.get(), w, t.muted),
    }
}
