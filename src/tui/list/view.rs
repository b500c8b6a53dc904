//! Drawing the list of reports: the header (the evaluation, who is using it), the table (a row
//! per report: unit, file, a column per evaluator, 评价得分, 等级, rank), the details of the
//! report under the cursor, and the status bar (counts, order, filter, then the message or the
//! keys). Reads the list's state, never changes it; returns how many rows the table showed.

use super::{ListApp, unit_of};
use crate::evaluation::{EvaluatorStatus, ReportStatus};
use crate::export::round2;
use crate::scores::fmt_num;
use crate::text;
use crate::tui::action::{Action, ListAction, ListFilter};
use crate::tui::app::Level;
use crate::tui::keys::KeyMode;
use crate::words::{keys as k, list as w};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

/// Columns of the fixed cells, at least.
const SCORE_W: usize = 9;
const GRADE_W: usize = 6;
const RANK_W: usize = 5;
/// An evaluator's cell: `87.5 ✓`, `120/300`.
const CELL_W: usize = 9;

/// Draws the whole list; returns the table's height in rows (a page).
pub fn draw(list: &ListApp, frame: &mut Frame) -> usize {
    let area = frame.area();
    if area.height < 8 || area.width < 30 {
        let msg = crate::words::tui::TOO_SMALL.fill(&[
            ("w", &area.width),
            ("h", &area.height),
            ("min_w", &30),
            ("min_h", &8),
            ("key", &list.keymap.key(KeyMode::List, &Action::Quit)),
        ]);
        let lines: Vec<Line> =
            text::wrap(&msg, usize::from(area.width.max(1))).into_iter().map(Line::from).collect();
        frame.render_widget(Paragraph::new(lines), area);
        return 1;
    }
    let detail_h = detail_lines(list, usize::from(area.width.saturating_sub(2))).len().clamp(1, 8) as u16 + 2;
    let detail_h = detail_h.min(area.height / 2);
    let header = Rect::new(area.x, area.y, area.width, 1);
    let table = Rect::new(area.x, area.y + 1, area.width, area.height - 2 - detail_h);
    let detail = Rect::new(area.x, table.bottom(), area.width, detail_h);
    let status = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    draw_header(list, frame, header);
    let page = draw_table(list, frame, table);
    draw_detail(list, frame, detail);
    draw_status(list, frame, status);
    if list.help {
        draw_help(list, frame, area);
    }
    page
}

fn clip(s: &str, max: usize) -> String {
    text::truncate(&text::sanitize(s), max).into_owned()
}

/// `s` cut to `w` columns and padded to exactly `w`.
fn cell(s: &str, w: usize) -> String {
    let s = clip(s, w);
    let pad = w.saturating_sub(text::width(&s));
    format!("{s}{}", " ".repeat(pad))
}

/// `s` cut to `w` columns, padded on the left to exactly `w`.
fn right(s: &str, w: usize) -> String {
    let s = clip(s, w);
    let pad = w.saturating_sub(text::width(&s));
    format!("{}{s}", " ".repeat(pad))
}

fn draw_header(list: &ListApp, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let who = list.me.as_ref().map(|n| w::LIST_EVALUATOR.fill(&[("name", n)])).unwrap_or_default();
    let who = clip(&who, width / 2);
    let left = clip(&w::HEADER.fill(&[("title", &list.title)]), width.saturating_sub(text::width(&who) + 1));
    let pad = width.saturating_sub(text::width(&left) + text::width(&who));
    let line = Line::from(vec![
        Span::styled(left, list.theme.title),
        Span::raw(" ".repeat(pad)),
        Span::styled(who, list.theme.muted),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// How the table's columns are laid out at a width.
struct Columns {
    unit: usize,
    /// The file column, when there is room for it.
    file: usize,
    /// A column per evaluator (their names), or one progress column when they do not fit.
    evaluators: Option<Vec<String>>,
    progress: usize,
}

fn columns(list: &ListApp, width: usize) -> Columns {
    let names = list.evaluators();
    let widest = |f: &dyn Fn(&ReportStatus) -> usize, floor: usize| {
        list.rows.iter().map(f).max().unwrap_or(0).max(floor)
    };
    let unit_want = widest(&|r| text::width(unit_of(r)), text::width(w::COL_UNIT.get())).min(36);
    let file_want = widest(&|r| text::width(&r.file), text::width(w::COL_FILE.get())).min(28);
    let fixed = 2 + SCORE_W + GRADE_W + RANK_W;
    let eval_w: Vec<usize> = names.iter().map(|n| text::width(n).clamp(CELL_W, 12) + 1).collect();
    let evals: usize = eval_w.iter().sum();
    let progress = text::width(&w::SUBMITTED_OF.fill(&[("done", &9), ("all", &9)])).max(10) + 1;
    let min_unit = 12;
    // Everything; else without the file; else the evaluators in one column.
    if unit_want + 1 + file_want + 1 + evals + fixed <= width {
        return Columns { unit: unit_want, file: file_want, evaluators: Some(names), progress };
    }
    if min_unit + evals + fixed <= width {
        let unit = (width - evals - fixed).min(unit_want.max(min_unit)).max(min_unit);
        let file = width.saturating_sub(unit + 1 + evals + fixed + 1);
        let file = if file >= 10 { file.min(file_want) } else { 0 };
        return Columns { unit, file, evaluators: Some(names), progress };
    }
    let unit = width.saturating_sub(progress + fixed).max(6);
    Columns { unit, file: 0, evaluators: None, progress }
}

/// An evaluator's cell: how far they are, their total once done, ✓ once submitted.
fn evaluator_cell(e: &EvaluatorStatus) -> String {
    if e.problem.is_some() {
        return "⚠".into();
    }
    let mark = if !e.mismatched.is_empty() {
        " ⚠"
    } else if e.submitted {
        " ✓"
    } else {
        ""
    };
    if e.items > 0 && e.scored >= e.items {
        format!("{}{mark}", fmt_num(e.points))
    } else {
        format!("{}/{}{mark}", e.scored, e.items)
    }
}

fn evaluator_style(list: &ListApp, e: &EvaluatorStatus) -> Style {
    let t = &list.theme;
    if e.problem.is_some() || !e.mismatched.is_empty() {
        t.warning
    } else if e.submitted {
        t.score_full
    } else if e.items > 0 && e.scored >= e.items {
        Style::default()
    } else {
        t.muted
    }
}

fn draw_table(list: &ListApp, frame: &mut Frame, area: Rect) -> usize {
    let t = &list.theme;
    let width = usize::from(area.width);
    let cols = columns(list, width);
    let mut lines = Vec::with_capacity(usize::from(area.height));
    // The heading.
    let mut head = format!(" {}", cell(w::COL_UNIT.get(), cols.unit));
    if cols.file > 0 {
        head.push(' ');
        head.push_str(&cell(w::COL_FILE.get(), cols.file));
    }
    match &cols.evaluators {
        Some(names) => {
            for n in names {
                head.push(' ');
                head.push_str(&right(n, text::width(n).clamp(CELL_W, 12)));
            }
        }
        None => {
            head.push(' ');
            head.push_str(&right(w::COL_PROGRESS.get(), cols.progress - 1));
        }
    }
    head.push_str(&right(w::COL_SCORE.get(), SCORE_W));
    head.push_str(&right(w::COL_GRADE.get(), GRADE_W));
    head.push_str(&right(w::COL_RANK.get(), RANK_W));
    lines.push(Line::styled(clip(&head, width), t.label));
    let page = usize::from(area.height).saturating_sub(1).max(1);
    if list.rows.is_empty() {
        let msg = w::NO_REPORTS.fill(&[("dir", &text::shown(&list.dir))]);
        for l in text::wrap(&msg, width.saturating_sub(2).max(10)) {
            lines.push(Line::styled(format!(" {l}"), t.muted));
        }
    } else if list.order.is_empty() {
        let key = list.keymap.key(KeyMode::List, &Action::List(ListAction::ClearFilters));
        let msg = w::NONE_MATCH.fill(&[("filters", &list.filters.named().join(" · ")), ("key", &key)]);
        for l in text::wrap(&msg, width.saturating_sub(2).max(10)) {
            lines.push(Line::styled(format!(" {l}"), t.muted));
        }
    }
    for (at, &i) in list.order.iter().enumerate().skip(list.top).take(page) {
        let r = &list.rows[i];
        let mut spans = Vec::new();
        let name = if r.problem.is_some() { format!("⚠ {}", unit_of(r)) } else { unit_of(r).to_string() };
        let name_style = if r.problem.is_some() { t.warning } else { Style::default() };
        spans.push(Span::styled(format!(" {}", cell(&name, cols.unit)), name_style));
        if cols.file > 0 {
            spans.push(Span::styled(format!(" {}", cell(&r.file, cols.file)), t.muted));
        }
        match &cols.evaluators {
            Some(names) => {
                for n in names {
                    let cw = text::width(n).clamp(CELL_W, 12);
                    match r.evaluators.iter().find(|e| &e.name == n) {
                        Some(e) => spans.push(Span::styled(
                            format!(" {}", right(&evaluator_cell(e), cw)),
                            evaluator_style(list, e),
                        )),
                        None => spans.push(Span::styled(format!(" {}", right("—", cw)), t.unscored)),
                    }
                }
            }
            None => {
                let done = r.evaluators.iter().filter(|e| e.submitted).count();
                let all = r.evaluators.len();
                let s = if all == 0 {
                    "—".to_string()
                } else {
                    w::SUBMITTED_OF.fill(&[("done", &done), ("all", &all)])
                };
                spans.push(Span::styled(format!(" {}", right(&s, cols.progress - 1)), t.muted));
            }
        }
        // A provisional score (items unscored) is marked, and has no grade yet.
        let score = match r.score {
            Some(s) if r.provisional => format!("~{}", fmt_num(round2(s))),
            Some(s) => fmt_num(round2(s)),
            None => "—".into(),
        };
        let score_style = match r.score {
            None => t.unscored,
            Some(_) if r.provisional => t.muted,
            Some(s) => t.score(s, r.report_max),
        };
        spans.push(Span::styled(right(&score, SCORE_W), score_style));
        let grade = r.grade.as_deref().filter(|_| !r.provisional).unwrap_or("—");
        spans.push(Span::styled(right(grade, GRADE_W), t.title));
        spans.push(Span::raw(right(&r.rank.map(|n| n.to_string()).unwrap_or_else(|| "—".into()), RANK_W)));
        let mut line = Line::from(spans);
        if at == list.cursor {
            line = line.patch_style(t.selection);
            // The selection runs the whole width.
            let used: usize = line.spans.iter().map(|s| text::width(&s.content)).sum();
            line.spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), t.selection));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), area);
    page
}

/// The details of the report under the cursor, at `width` columns.
fn detail_lines(list: &ListApp, width: usize) -> Vec<Line<'static>> {
    let t = &list.theme;
    let Some(r) = list.selected() else { return Vec::new() };
    let mut out = Vec::new();
    if let Some(why) = &r.problem {
        for l in text::wrap(&w::DETAIL_PROBLEM.fill(&[("why", why)]), width.max(10)) {
            out.push(Line::styled(l, t.warning));
        }
        return out;
    }
    if r.report_path.is_none() {
        out.push(Line::styled(w::DETAIL_READING.get().to_string(), t.muted));
        return out;
    }
    let mut facts = vec![w::DETAIL_FILE.fill(&[("file", &r.file)])];
    if r.unit.is_some() {
        facts.push(w::DETAIL_ITEMS.fill(&[("items", &r.items), ("max", &fmt_num(r.report_max))]));
    } else {
        facts.insert(0, w::DETAIL_ITEMS.fill(&[("items", &r.items), ("max", &fmt_num(r.report_max))]));
    }
    out.push(Line::from(vec![Span::styled(clip(&r.title, width), t.title)]));
    out.push(Line::styled(clip(&facts.join(" · "), width), t.muted));
    if r.evaluators.is_empty() {
        out.push(Line::styled(w::DETAIL_NOBODY.get().to_string(), t.muted));
    }
    let name_w = r.evaluators.iter().map(|e| text::width(&e.name)).max().unwrap_or(0).min(16);
    for e in &r.evaluators {
        let mut spans = vec![Span::styled(format!("  {}  ", cell(&e.name, name_w)), t.label)];
        match &e.problem {
            Some(why) => spans.push(Span::styled(format!("⚠ {why}"), t.warning)),
            None => {
                spans.push(Span::raw(w::DETAIL_EVALUATOR.fill(&[
                    ("scored", &e.scored),
                    ("items", &e.items),
                    ("points", &fmt_num(e.points)),
                ])));
                spans.push(Span::raw(" · "));
                if e.submitted {
                    spans.push(Span::styled(w::DETAIL_SUBMITTED.get(), t.score_full));
                } else {
                    spans.push(Span::styled(w::DETAIL_NOT_SUBMITTED.get(), t.muted));
                }
                if !e.mismatched.is_empty() {
                    let ids: Vec<&str> = e.mismatched.iter().take(5).map(String::as_str).collect();
                    let more = if e.mismatched.len() > 5 { "…" } else { "" };
                    spans.push(Span::raw(" · "));
                    spans.push(Span::styled(
                        w::DETAIL_MISMATCHED.fill(&[
                            ("n", &e.mismatched.len()),
                            ("ids", &format!("{}{more}", ids.join(", "))),
                        ]),
                        t.warning,
                    ));
                }
            }
        }
        out.push(clip_line(Line::from(spans), width));
    }
    if let Some(score) = r.score {
        let percent = r.percent.map(|p| format!("{}%", fmt_num(round2(p)))).unwrap_or_default();
        let mut spans = vec![Span::styled(
            w::DETAIL_SCORE.fill(&[("score", &fmt_num(round2(score))), ("percent", &percent)]),
            t.title,
        )];
        if let Some(g) = &r.grade {
            spans.push(Span::raw(" · "));
            spans.push(Span::raw(w::DETAIL_GRADE.fill(&[("grade", g)])));
        }
        if let Some(rank) = r.rank {
            spans.push(Span::raw(" · "));
            spans.push(Span::raw(w::DETAIL_RANK.fill(&[("rank", &rank)])));
        }
        if r.disagreements > 0 {
            spans.push(Span::raw(" · "));
            spans.push(Span::styled(w::DETAIL_DISAGREE.fill(&[("n", &r.disagreements)]), t.warning));
        }
        if r.provisional {
            spans.push(Span::raw(" · "));
            spans.push(Span::styled(w::DETAIL_PROVISIONAL.get(), t.muted));
        }
        out.push(clip_line(Line::from(spans), width));
    }
    out
}

/// A line cut to `width` columns, span by span.
fn clip_line(line: Line<'static>, width: usize) -> Line<'static> {
    let mut room = width;
    let mut spans = Vec::new();
    for s in line.spans {
        if room == 0 {
            break;
        }
        let c = clip(&s.content, room);
        room = room.saturating_sub(text::width(&c));
        spans.push(Span::styled(c, s.style));
    }
    Line::from(spans)
}

fn draw_detail(list: &ListApp, frame: &mut Frame, area: Rect) {
    let title = list
        .selected()
        .map(|r| format!(" {} ", clip(&r.file, usize::from(area.width) / 2)))
        .unwrap_or_default();
    let block = Block::default()
        .borders(Borders::TOP)
        .border_type(BorderType::Plain)
        .border_style(list.theme.border)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect::new(inner.x + 1, inner.y, inner.width.saturating_sub(2), inner.height);
    frame.render_widget(Paragraph::new(detail_lines(list, usize::from(inner.width))), inner);
}

fn draw_status(list: &ListApp, frame: &mut Frame, area: Rect) {
    let t = &list.theme;
    let width = usize::from(area.width);
    let mut parts = vec![w::COUNTS.fill(&[("n", &list.rows.len())])];
    if list.known {
        if list.me.is_some() {
            let done = list
                .rows
                .iter()
                .filter(|r| list.mine(r).is_some_and(|e| e.items > 0 && e.scored >= e.items))
                .count();
            parts.push(w::COUNT_MINE.fill(&[("done", &done)]));
        }
        let all = list
            .rows
            .iter()
            .filter(|r| !r.evaluators.is_empty() && r.evaluators.iter().all(|e| e.submitted))
            .count();
        parts.push(w::COUNT_SUBMITTED.fill(&[("done", &all)]));
    }
    if list.sort != super::Sort::File {
        parts.push(w::SORT_LABEL.fill(&[("order", &list.sort.word())]));
    }
    let mut spans = vec![Span::raw(format!(" {} │ ", parts.join(" · ")))];
    if list.filters.any() {
        spans.push(Span::styled(
            w::FILTER_LABEL.fill(&[("filters", &list.filters.named().join(" · "))]),
            t.warning,
        ));
        spans.push(Span::raw(" │ "));
    }
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    let room = width.saturating_sub(used);
    if let Some((k, n, name)) = &list.reading {
        spans.push(Span::styled(
            clip(&w::READING.fill(&[("k", &(k + 1)), ("n", n), ("name", name)]), room),
            t.info,
        ));
    } else {
        match &list.message {
            Some((level, text)) => {
                let style = match level {
                    Level::Info => t.info,
                    Level::Warn => t.warning,
                    Level::Error => t.error,
                };
                spans.push(Span::styled(clip(text, room), style));
            }
            None => spans.push(Span::styled(clip(&hints(list), room), t.muted)),
        }
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(t.status), area);
}

/// The keys the list cannot do without, from the key map in force.
fn hints(list: &ListApp) -> String {
    let filters = [
        Action::List(ListAction::Filter(ListFilter::MineUnfinished)),
        Action::List(ListAction::Filter(ListFilter::NotSubmitted)),
        Action::List(ListAction::Filter(ListFilter::Disagreements)),
    ];
    list.keymap.hint(
        KeyMode::List,
        &[
            (&[Action::List(ListAction::Review)], k::HINT_REVIEW),
            (&[Action::List(ListAction::Panel)], k::HINT_PANEL),
            (&[Action::List(ListAction::Sort)], k::HINT_SORT),
            (&filters, k::HINT_LIST_FILTERS),
            (&[Action::Help], k::HINT_HELP),
            (&[Action::Quit], k::HINT_QUIT),
        ],
    )
}

fn draw_help(list: &ListApp, frame: &mut Frame, area: Rect) {
    let t = &list.theme;
    let rect = Rect::new(
        area.x + 2.min(area.width / 10),
        area.y + 1,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    );
    let close = list.keymap.key(KeyMode::Help, &Action::PageClose);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(t.border_focused)
        .title(w::LIST_HELP_TITLE.fill(&[("close", &close)]));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    let width = usize::from(inner.width.max(20));
    let rows = list.keymap.help_rows(KeyMode::List);
    let key_w = rows.iter().map(|(keys, _)| text::width(keys) + 4).max().unwrap_or(8).min(width / 3);
    let mut lines = Vec::new();
    for (keys, what) in rows {
        crate::tui::view::help::push_row(&mut lines, &keys, what.get(), key_w, width, t.key);
    }
    lines.push(Line::default());
    for l in text::wrap(w::HELP_CELLS.get(), width) {
        lines.push(Line::styled(l, t.muted));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
