//! `appraise check REPORT [--scores PATH]`: every problem with its place, exit 0 or 2.

use super::Failure;
use crate::scores::{Summary, fmt_num, needs_reason};
use crate::store::load_scores;
use std::io::Write;
use std::path::Path;

pub fn check(report_path: &Path, scores: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    let report = super::load_or_import(report_path, &mut std::io::stderr())?;
    let full: f64 = report.items.iter().map(|i| i.scale.max).sum();
    // Ids and warnings come from the files: terminal-safe before they are printed.
    let w = |out: &mut dyn Write, s: String| {
        writeln!(out, "{}", crate::text::sanitize(&s)).map_err(|e| Failure::Runtime(e.to_string()))
    };
    w(
        out,
        format!(
            "{}: valid report \"{}\": {} sections, {} items, full marks {}",
            crate::text::shown(report_path),
            report.id,
            report.sections.len(),
            report.items.len(),
            fmt_num(full)
        ),
    )?;
    let Some(scores_path) = scores else { return Ok(()) };
    let Some(loaded) = load_scores(scores_path, &report)? else {
        return Err(Failure::BadInput(format!(
            "cannot read {}: no such file",
            crate::text::shown(scores_path)
        )));
    };
    for warning in &loaded.warnings {
        w(out, format!("{}: warning: {warning}", crate::text::shown(scores_path)))?;
    }
    let sum = Summary::of_report(&report, &loaded.scores);
    w(
        out,
        format!(
            "{}: valid scores: {}/{} items scored, {} of {} points{}",
            crate::text::shown(scores_path),
            sum.scored,
            sum.items,
            fmt_num(sum.points),
            fmt_num(sum.max_points),
            sum.percent.map(|p| format!(" ({}%)", fmt_num(p))).unwrap_or_default()
        ),
    )?;
    for (item, entry) in report.items.iter().zip(&loaded.scores.entries) {
        if needs_reason(&report, item, entry) {
            w(
                out,
                format!(
                    "{}: item {} is scored {} of {} without a reason (the report requires one)",
                    crate::text::shown(scores_path),
                    item.id,
                    fmt_num(entry.score.unwrap_or_default()),
                    fmt_num(item.scale.max)
                ),
            )?;
        }
    }
    Ok(())
}
