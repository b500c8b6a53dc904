//! The report info page: title, id, `meta`, scale, grades, the rules in force, the sheet's state
//! (submitted, last change, handovers: stored in UTC, shown in local time) and the files in use.

use super::App;
use crate::scores::fmt_num;
use crate::text;
use crate::words::tui as words;
use ratatui::text::{Line, Span};

/// Every line of the info page at `width` columns.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let r = &app.report;
    let w = usize::from(width);
    let sum = &app.tallies.report;
    let scale = words::INFO_SCALE_VALUE.fill(&[
        ("min", &fmt_num(r.scale.min)),
        ("max", &fmt_num(r.scale.max)),
        ("step", &fmt_num(r.scale.step)),
    ]);
    let grades =
        r.grades.iter().map(|g| format!("{} ≥ {}", g.label, fmt_num(g.min))).collect::<Vec<_>>().join(", ");
    let label = |w: crate::words::Word| w.get().to_string();
    let mut facts: Vec<(String, String)> =
        vec![(label(words::INFO_TITLE_ROW), r.title.clone()), (label(words::INFO_ID), r.id.clone())];
    facts.extend(r.meta.iter().cloned());
    facts.extend([
        (label(words::INFO_COUNTS), format!("{} / {}", r.sections.len(), r.items.len())),
        (label(words::INFO_FULL_MARKS), fmt_num(sum.report_max)),
        (label(words::INFO_SCALE), scale),
        (label(words::INFO_GRADES), if grades.is_empty() { label(words::INFO_NONE) } else { grades }),
        (
            label(words::INFO_REASONS),
            if r.require_note_below_max {
                label(words::INFO_REASONS_REQUIRED)
            } else {
                label(words::INFO_REASONS_OPTIONAL)
            },
        ),
        (label(words::INFO_EVALUATOR), app.scores.head.evaluator.clone().unwrap_or_else(|| "–".into())),
        (label(words::INFO_STATUS), status(app)),
    ]);
    // The latest change of any item (times in RFC 3339 UTC compare as text only when written
    // alike, so they are compared as instants).
    let changed = app
        .scores
        .entries
        .iter()
        .filter_map(|e| e.updated_at.as_deref())
        .max_by_key(|at| at.parse::<jiff::Timestamp>().ok());
    if let Some(at) = changed {
        facts.push((label(words::INFO_CHANGED), app.local_time(at)));
    }
    for h in &app.scores.head.handovers {
        let at = app.local_time(&h.at);
        let text = words::INFO_HANDOVER.fill(&[("from", &h.from), ("to", &h.to), ("at", &at)]);
        facts.push((label(words::INFO_HANDOVERS), text));
    }
    facts.extend([
        (label(words::INFO_SCORES_FILE), crate::text::shown(&app.scores_path).to_string()),
        (label(words::INFO_SHA), r.sha256.clone()),
        (label(words::INFO_LANG), label(words::INFO_LANG_VALUE)),
    ]);
    let key_w = facts.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0).min(20) + 2;
    let mut lines = Vec::new();
    for (k, v) in facts {
        let wrapped = text::wrap(&v, w.saturating_sub(key_w).max(1));
        for (n, part) in wrapped.into_iter().enumerate() {
            let head = if n == 0 { super::clip(&k, key_w - 2) } else { String::new() };
            let pad = key_w.saturating_sub(text::width(&head));
            lines.push(Line::from(vec![
                Span::styled(head, t.label),
                Span::raw(" ".repeat(pad)),
                Span::raw(part),
            ]));
        }
    }
    lines
}

/// Whether the sheet is submitted, and when, in local time.
fn status(app: &App) -> String {
    use crate::words::evaluators as ev;
    let head = &app.scores.head;
    match (&head.submitted_at, &head.reopened_at) {
        (None, _) => ev::SUMMARY_NOT_SUBMITTED.get().to_string(),
        (Some(at), None) => ev::SUMMARY_SUBMITTED.fill(&[("at", &app.local_time(at))]),
        (Some(at), Some(re)) => {
            ev::SUMMARY_REOPENED.fill(&[("at", &app.local_time(at)), ("reopened", &app.local_time(re))])
        }
    }
}
