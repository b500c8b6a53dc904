//! The header line (report, evaluator) and the status bar (progress, points, percent,
//! grade, save state, then the message or key hints).

use super::{App, clip};
use crate::scores::fmt_num;
use crate::text;
use crate::tui::app::{Level, Mode, SaveState};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw_header(app: &App, frame: &mut Frame, area: Rect) {
    let w = usize::from(area.width);
    let mut right = String::new();
    if let Some(name) = &app.scores.evaluator {
        right.push_str(&format!(" 评价人 {name}"));
    }
    if app.read_only {
        right.push_str(" [read-only]");
    }
    let right = clip(&right, w / 2);
    let left = clip(&format!(" appraise · {}", app.report.title), w.saturating_sub(text::width(&right)));
    let pad = w.saturating_sub(text::width(&left) + text::width(&right));
    let line = Line::from(vec![
        Span::styled(left, app.theme.title),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, app.theme.muted),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let w = usize::from(area.width);
    let sum = &app.tallies.report;
    let points = if sum.scored > 0 {
        format!("{}/{} pts", fmt_num(sum.points), fmt_num(sum.max_points))
    } else {
        format!("– of {} pts", fmt_num(sum.report_max))
    };
    // The totals first: progress, points, percent and grade.
    let mut head = vec![Span::raw(format!(" {}/{} scored │ {points}", sum.scored, sum.items))];
    if let Some(p) = sum.percent {
        head.push(Span::raw(format!(" │ {}%", fmt_num(p))));
    }
    if let Some(g) = &sum.grade {
        head.push(Span::styled(format!(" {g}"), t.title));
    }
    head.push(Span::raw(" │"));
    let head_width: usize = head.iter().map(|s| text::width(&s.content)).sum();
    // The rest: the save state, the filter, then the message or the key hints.
    let mut spans = vec![Span::raw(" ")];
    spans.push(match &app.save {
        _ if app.read_only => Span::styled("read-only", t.muted),
        SaveState::Saved => Span::styled("✓ saved", t.score_full),
        SaveState::Unsaved => Span::styled("● saving…", t.score_partial),
        SaveState::Failed(_) => Span::styled("✗ NOT SAVED", t.error),
    });
    // The journal's failure stays in view for as long as it lasts (its message goes at the
    // next key): until then a crash loses what is not saved.
    if app.journal_error.is_some() && !app.read_only {
        spans.push(Span::raw(" "));
        spans.push(Span::styled("✗ JOURNAL", t.error));
    }
    // The filter in force, after the save state (which matters more).
    if app.filter.is_active() {
        let shown = app.outline.iter().filter(|n| matches!(n, crate::report::Node::Item(_))).count();
        spans.push(Span::raw(" │ "));
        spans.push(Span::styled(format!("filter: {} ({shown}) ⌫ clears", app.filter.describe()), t.warning));
    }
    spans.push(Span::raw(" │ "));
    let (msg, style) = match &app.message {
        Some(m) => (
            m.text.clone(),
            match m.level {
                Level::Info => t.info,
                Level::Warn => t.warning,
                Level::Error => t.error,
            },
        ),
        None => (hints(app).to_string(), t.muted),
    };
    // A message needs the room more than the totals: an error always, any other when it
    // would be cut (the totals are back once it is gone, at the next key).
    let mut used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    let crowded = head_width + used + text::width(&msg) > w;
    let mut line: Vec<Span> = if app.message.as_ref().is_some_and(|m| m.level == Level::Error || crowded) {
        spans
    } else {
        used += head_width;
        head.into_iter().chain(spans).collect()
    };
    line.push(Span::styled(clip(&msg, w.saturating_sub(used)), style));
    frame.render_widget(Paragraph::new(Line::from(line)).style(t.status), area);
}

fn hints(app: &App) -> &'static str {
    match app.mode {
        Mode::Normal => "j/k move  0-9/s score  a note  f flag  u undo  ? help  q quit",
        Mode::ScorePrompt { .. } => "Enter set  Esc cancel  Backspace delete",
        Mode::Note { .. } => "Esc close and keep  Enter new line  Ctrl-s save",
        Mode::Help { .. } | Mode::Info { .. } => "j/k scroll  Esc close",
        Mode::Filters => "u f r n t toggle  c clear  Esc close",
        Mode::Search(_) => "type to search  ↑/↓ choose  Enter jump  Esc close",
    }
}
