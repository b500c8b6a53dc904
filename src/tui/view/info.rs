//! The report info page: title, id, `meta` (the facts an import writes named in the interface's
//! language, a file's own keys as written), scale, grades, the rules in force, the sheet's state
//! (submitted, last change, handovers: stored in UTC, shown in local time) and the files in use.

use super::App;
use crate::scores::fmt_num;
use crate::text;
use crate::words::rubric as meta;
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
    facts.extend(r.meta.iter().map(|(k, v)| meta_fact(k, v)));
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

/// A `meta` entry as the page shows it: a key an import writes named in the interface's
/// language (`unit` → 被评价单位, `lang`'s `zh` → 中文), any other key and value as written.
fn meta_fact(key: &str, value: &str) -> (String, String) {
    let label = match key {
        "unit" => meta::META_UNIT,
        "subtitle" => meta::META_SUBTITLE,
        "year" => meta::META_YEAR,
        "date" => meta::META_DATE,
        "number" => meta::META_NUMBER,
        "author" => meta::META_AUTHOR,
        "code" => meta::META_CODE,
        "project" => meta::META_PROJECT,
        "source" => meta::META_SOURCE,
        "rubric" => meta::META_RUBRIC,
        "lang" => meta::META_LANG,
        _ => return (key.to_string(), value.to_string()),
    };
    let value = match (key, crate::lang::Lang::parse(value)) {
        ("lang", Some(crate::lang::Lang::Zh)) => meta::META_LANG_ZH.get().to_string(),
        ("lang", Some(crate::lang::Lang::En)) => meta::META_LANG_EN.get().to_string(),
        _ => value.to_string(),
    };
    (label.get().to_string(), value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn an_imports_facts_are_named_in_the_interfaces_language() {
        let _zh = crate::words::pin(Lang::Zh);
        assert_eq!(meta_fact("source", "shaodong-2022.txt"), ("原文件".into(), "shaodong-2022.txt".into()));
        assert_eq!(meta_fact("rubric", "评分表.xlsx").0, "评分表");
        assert_eq!(meta_fact("lang", "zh"), ("报告语言".into(), "中文".into()));
        assert_eq!(meta_fact("unit", "邵东市行政审批服务局").0, "被评价单位");
        // A key of the file's own stays as written.
        assert_eq!(meta_fact("批次", "第一批"), ("批次".into(), "第一批".into()));
        drop(_zh);
        let _en = crate::words::pin(Lang::En);
        assert_eq!(meta_fact("lang", "zh"), ("report language".into(), "Chinese".into()));
        assert_eq!(meta_fact("source", "a.txt").0, "source file");
    }
}
