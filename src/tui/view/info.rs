//! The report info page: title, id, `meta`, scale, grades, the rules in force and the files in use.

use super::App;
use crate::scores::fmt_num;
use crate::text;
use ratatui::text::{Line, Span};

/// Every line of the info page at `width` columns.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let t = &app.theme;
    let r = &app.report;
    let w = usize::from(width);
    let sum = &app.tallies.report;
    let scale = format!("{}–{}, step {}", fmt_num(r.scale.min), fmt_num(r.scale.max), fmt_num(r.scale.step));
    let grades =
        r.grades.iter().map(|g| format!("{} ≥ {}", g.label, fmt_num(g.min))).collect::<Vec<_>>().join(", ");
    let mut facts: Vec<(String, String)> =
        vec![("title".into(), r.title.clone()), ("id".into(), r.id.clone())];
    facts.extend(r.meta.iter().cloned());
    facts.extend([
        ("sections / items".into(), format!("{} / {}", r.sections.len(), r.items.len())),
        ("full marks".into(), fmt_num(sum.report_max)),
        ("default scale".into(), scale),
        ("grades".into(), if grades.is_empty() { "none".into() } else { grades }),
        (
            "reasons".into(),
            if r.require_note_below_max {
                "a score below full marks needs a note (扣分原因)".into()
            } else {
                "notes are optional".into()
            },
        ),
        ("evaluator".into(), app.scores.evaluator.clone().unwrap_or_else(|| "–".into())),
        ("scores file".into(), crate::text::shown(&app.scores_path).to_string()),
        ("report sha256".into(), r.sha256.clone()),
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
