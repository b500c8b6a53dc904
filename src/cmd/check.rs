//! `appraise check REPORT [--scores PATH]`: every problem with its place, exit 0 or 2.

use super::Failure;
use crate::scores::{Summary, fmt_num, needs_reason};
use crate::store::load_scores;
use crate::text::shown;
use crate::words::{cli, errors};
use std::io::Write;
use std::path::Path;

pub fn check(report_path: &Path, scores: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    let report = super::load_or_import(report_path, &mut std::io::stderr())?;
    let full: f64 = report.items.iter().map(|i| i.scale.max).sum();
    // Ids and warnings come from the files: terminal-safe before they are printed.
    let w = |out: &mut dyn Write, s: String| {
        writeln!(out, "{}", crate::text::sanitize(&s))
            .map_err(|e| Failure::Runtime(crate::io_error::detail(&e)))
    };
    w(
        out,
        cli::CHECK_REPORT.fill(&[
            ("path", &shown(report_path)),
            ("id", &report.id),
            ("sections", &report.sections.len()),
            ("items", &report.items.len()),
            ("full", &fmt_num(full)),
        ]),
    )?;
    let Some(scores_path) = scores else { return Ok(()) };
    let Some(loaded) = load_scores(scores_path, &report)? else {
        return Err(super::export::no_such_file(scores_path));
    };
    for warning in &loaded.warnings {
        w(out, format!("{}: {}", shown(scores_path), errors::WARNING.fill(&[("text", warning)])))?;
    }
    let sum = Summary::of_report(&report, &loaded.scores);
    let percent = sum.percent.map(|p| cli::CHECK_PERCENT.fill(&[("percent", &fmt_num(p))]));
    w(
        out,
        cli::CHECK_SCORES.fill(&[
            ("path", &shown(scores_path)),
            ("scored", &sum.scored),
            ("items", &sum.items),
            ("points", &fmt_num(sum.points)),
            ("max", &fmt_num(sum.max_points)),
            ("percent", &percent.unwrap_or_default()),
        ]),
    )?;
    for (item, entry) in report.items.iter().zip(&loaded.scores.entries) {
        if needs_reason(&report, item, entry) {
            w(
                out,
                cli::CHECK_NO_REASON.fill(&[
                    ("path", &shown(scores_path)),
                    ("id", &item.id),
                    ("score", &fmt_num(entry.score.unwrap_or_default())),
                    ("max", &fmt_num(item.scale.max)),
                ]),
            )?;
        }
    }
    Ok(())
}
