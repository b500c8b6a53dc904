//! `appraise merge REPORT SCORES... [--format csv|xlsx|md|json] [-o OUT] [--disagree PCT]
//! [--trim] [--lang zh|en] [--no-bom]`: several evaluators' scores of one report in one sheet.
//! A SCORES may be a folder: its scores files are gathered by `merge_inputs`.

use super::Failure;
use super::export::{SheetOptions, Written, emit, pick_format, render, sheet_progress, warn};
use super::merge_inputs::{gather, same_evaluator_notes};
use crate::export::{Method, Panel, PanelMember, member_names, panel_json, panel_table};
use crate::lang::Lang;
use crate::store::load_scores;
use crate::words::cli;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The default of `--disagree`: 20% of the item's max.
pub const DEFAULT_DISAGREE: f64 = 20.0;

/// `appraise merge`'s arguments, each its flag's value (declared, with its help, in
/// `flags::defs`).
#[derive(Debug, Default, Clone)]
pub struct MergeArgs {
    pub report: PathBuf,
    /// Scores files, or folders holding them.
    pub scores: Vec<PathBuf>,
    pub sheet: SheetOptions,
    /// `--disagree PCT`, as given: read by [`disagree_percent`].
    pub disagree: Option<String>,
    pub trim: bool,
}

pub fn merge(args: &MergeArgs, stdout: &mut dyn Write) -> Result<(), Failure> {
    let sheet_options = &args.sheet;
    super::export::check_output(sheet_options.out.as_deref())?;
    let report = super::load_or_import(&args.report, &mut std::io::stderr())?;
    let format = pick_format(sheet_options.format, sheet_options.out.as_deref());
    let lang = sheet_options.lang.unwrap_or_else(|| Lang::of_report(&report));
    let disagree = disagree_percent(args.disagree.as_deref())?;
    if args.scores.is_empty() {
        return Err(Failure::BadInput(cli::MERGE_NO_SCORES.fill(&[("cmd", &"merge")])));
    }
    let inputs = gather(&args.scores, &report)?;
    let files: Vec<PathBuf> = inputs.iter().map(|(p, _)| p.clone()).collect();
    let mut loaded = Vec::with_capacity(inputs.len());
    for (k, (path, l)) in inputs.into_iter().enumerate() {
        let path = &path;
        warn(path, &l.warnings);
        if let Some(first) = files[..k].iter().find(|p| same_file(p, path)) {
            let again = if first == path {
                String::new()
            } else {
                cli::GIVEN_TWICE_AS.fill(&[("path", &crate::text::shown(first))])
            };
            warn(path, &[cli::GIVEN_TWICE.fill(&[("again", &again)])]);
        }
        loaded.push(l.scores);
    }
    // `-q`: the notes below are news, not problems — left out; warnings still go to stderr.
    let quiet = args.sheet.quiet;
    if !quiet {
        super::submitted::note_not_submitted(loaded.iter().zip(&files).map(|(s, p)| (s, p.as_path())));
    }
    let keys: Vec<(Option<String>, &Path)> =
        loaded.iter().zip(&files).map(|(s, p)| (s.head.evaluator.clone(), p.as_path())).collect();
    for note in same_evaluator_notes(&keys).into_iter().filter(|_| !quiet) {
        eprintln!("appraise: {note}");
    }
    let members = member_names(&keys)
        .into_iter()
        .zip(loaded)
        .zip(&files)
        .map(|((name, scores), path)| PanelMember {
            name,
            file: crate::text::shown(path).to_string(),
            scores,
        })
        .collect();
    let method = if args.trim { Method::TrimmedMean } else { Method::Mean };
    // The chair's agreed scores (`appraise panel`), when the panel has a file beside the report.
    let own = super::panel_scores_path(&args.report);
    let agreed = match load_scores(&own, &report) {
        Ok(Some(l)) => {
            if !quiet {
                eprintln!(
                    "appraise: {}",
                    crate::words::chair::AGREED_USED.fill(&[("path", &crate::text::shown(&own))])
                );
            }
            Some(l.scores)
        }
        Ok(None) => None,
        Err(e) => return Err(e.into()),
    };
    let panel = Panel { report: &report, members, disagree_percent: disagree, method, agreed };
    for line in agreement_lines(&panel).into_iter().filter(|_| !quiet) {
        eprintln!("appraise: {line}");
    }
    let progress = sheet_progress(format, sheet_options.quiet);
    let table = panel_table(&panel, lang);
    let sheet = render(&table, || panel_json(&panel), format, !sheet_options.no_bom)?;
    let beside = || panel_path(&args.report);
    let mut inputs: Vec<&Path> = vec![&args.report];
    inputs.extend(files.iter().map(PathBuf::as_path));
    let written = Written { what: super::export::Sheet::Panel, progress };
    emit(&sheet, format, sheet_options.out.as_deref(), beside, &inputs, written, stdout)
}

/// What stderr says of the panel's agreement: alpha and its reading, and (with two members or
/// more) each member's deviation from the others.
fn agreement_lines(panel: &Panel) -> Vec<String> {
    use crate::export::Reading;
    use crate::words::merge as w;
    let a = panel.agreement();
    let mut lines = vec![match a.alpha {
        Some(alpha) => {
            let reading = match a.reading {
                Reading::Reliable => w::READING_RELIABLE,
                Reading::Tentative => w::READING_TENTATIVE,
                _ => w::READING_UNRELIABLE,
            };
            w::AGREEMENT.fill(&[("alpha", &format!("{alpha:.3}")), ("reading", &reading)])
        }
        None => w::AGREEMENT_NONE.to_string(),
    }];
    if panel.members.len() > 1 {
        let each: Vec<String> = panel
            .members
            .iter()
            .zip(&a.deviations)
            .map(|(m, d)| match d {
                Some(d) => {
                    format!("{} {:+.1}%", crate::text::sanitize(&m.name), (d * 10.0).round() / 10.0 + 0.0)
                }
                None => format!("{} {}", crate::text::sanitize(&m.name), w::NO_DEVIATION),
            })
            .collect();
        let list = each.join(crate::words::errors::LIST_SEP.get());
        lines.push(w::DEVIATIONS.fill(&[("list", &list)]));
    }
    lines
}

/// `q.json` → `q.panel.xlsx`, beside the report.
pub fn panel_path(report: &Path) -> PathBuf {
    let name = report.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    report.with_file_name(format!("{stem}.panel.xlsx"))
}

/// `--disagree`: the percentage given, else the default; refused with one sentence when it is
/// not a percentage.
pub(super) fn disagree_percent(given: Option<&str>) -> Result<f64, Failure> {
    match given {
        None => Ok(DEFAULT_DISAGREE),
        Some(s) => parse_percent(s).ok_or_else(|| {
            Failure::BadInput(
                cli::DISAGREE_BAD.fill(&[("flag", &"--disagree"), ("value", &format!("{s:?}"))]),
            )
        }),
    }
}

/// `20`, `12.5`, `20%`: a finite percentage ≥ 0.
fn parse_percent(s: &str) -> Option<f64> {
    let v: f64 = s.trim().trim_end_matches('%').trim().parse().ok()?;
    (v.is_finite() && v >= 0.0).then_some(v)
}

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        assert_eq!(parse_percent("20"), Some(20.0));
        assert_eq!(parse_percent(" 12.5% "), Some(12.5));
        assert_eq!(parse_percent("0"), Some(0.0));
        assert_eq!(parse_percent("-5"), None);
        assert_eq!(parse_percent("lots"), None);
        assert_eq!(parse_percent("NaN"), None);
    }

    #[test]
    fn panel_beside_the_report() {
        assert_eq!(panel_path(Path::new("d/q.json")), PathBuf::from("d/q.panel.xlsx"));
    }
}
