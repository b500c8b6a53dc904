//! `appraise panel REPORT SCORES...|DIR [--trim] [--disagree PCT]`: the chair's view. A review of
//! the panel's own scores file (`REPORT.panel.scores.json`, evaluator 专家组) in which every item
//! shows the evaluators' scores and notes, and `m`/`M` take the panel's mean (or trimmed mean) as
//! the agreed score. The evaluators' files are watched and read again when they change.

use super::merge::disagree_percent;
use super::merge_inputs::gather;
use super::{Failure, OpenArgs};
use crate::export::{Panel as SheetPanel, PanelMember, member_names, panel_table};
use crate::panel::{Member, Method, Panel, Watch};
use crate::store::load_scores;
use crate::text::shown;
use crate::tui::exporter::ExportFn;
use crate::words::cli;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// `appraise panel`'s arguments, each its flag's value (declared, with its help, in
/// `flags::defs`).
#[derive(Debug, Default, Clone)]
pub struct PanelArgs {
    pub report: PathBuf,
    /// Scores files, or folders holding them.
    pub scores: Vec<PathBuf>,
    pub trim: bool,
    /// `--disagree PCT`, as given.
    pub disagree: Option<String>,
}

/// `q.json` → `q.panel.scores.json`, beside the report: the panel's agreed scores.
pub fn panel_scores_path(report: &Path) -> PathBuf {
    let name = report.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    report.with_file_name(format!("{stem}.panel.scores.json"))
}

pub fn panel(args: &PanelArgs, mut open: OpenArgs) -> Result<(), Failure> {
    let report = super::load_or_import(&args.report, &mut std::io::stderr())?;
    let disagree = disagree_percent(args.disagree.as_deref())?;
    let own = panel_scores_path(&args.report);
    // Files as given; a folder gives its evaluators' files of this report (as `merge` reads it:
    // the panel's own file, side files and other reports' files are skipped, with a note).
    let inputs: Vec<_> = gather(&args.scores, &report)?
        .into_iter()
        .filter(|(p, _)| !super::merge::same_file(p, &own))
        .collect();
    if inputs.is_empty() {
        return Err(Failure::BadInput(cli::MERGE_NO_SCORES.fill(&[("cmd", &"panel")])));
    }
    let mut files = Vec::with_capacity(inputs.len());
    let mut loaded = Vec::with_capacity(inputs.len());
    let mut stamps = Vec::with_capacity(inputs.len());
    for (path, l) in inputs {
        super::export::warn(&path, &l.warnings);
        stamps.push((path.clone(), l.stamp));
        files.push(path);
        loaded.push(l.scores);
    }
    super::summary::note_not_submitted(loaded.iter().zip(&files).map(|(s, p)| (s, p.as_path())));
    let keys: Vec<(Option<String>, &Path)> =
        loaded.iter().zip(&files).map(|(s, p)| (s.head.evaluator.clone(), p.as_path())).collect();
    let members: Vec<Member> = member_names(&keys)
        .into_iter()
        .zip(loaded)
        .zip(&files)
        .map(|((name, scores), path)| Member::new(name, path.clone(), scores))
        .collect();
    let method = if args.trim { Method::TrimmedMean } else { Method::Mean };
    let export = panel_export(&args.report, &members, method, disagree);
    let panel = Panel { members, method, disagree_percent: disagree };
    let lang = crate::lang::Lang::of_report(&report);
    open.report = Some(args.report.clone());
    open.scores = Some(own);
    open.evaluator = Some(lang.pick("专家组", "Expert panel").to_string());
    open.panel = Some((panel, Watch::new(stamps)));
    open.export = Some(export);
    super::open(open)
}

/// What `E` writes in the panel view: the panel's sheet (评价人员评分汇总表), as `merge` names it
/// (`REPORT.panel.xlsx` and `.csv` beside the report), from the evaluators' files as they are
/// now and the agreed scores on screen.
fn panel_export(report_path: &Path, members: &[Member], method: Method, disagree: f64) -> ExportFn {
    let who: Vec<(String, PathBuf)> = members.iter().map(|m| (m.name.clone(), m.path.clone())).collect();
    let xlsx = super::panel_path(report_path);
    let csv = xlsx.with_extension("csv");
    Arc::new(move |report, agreed, _| {
        let mut members = Vec::with_capacity(who.len());
        for (name, path) in &who {
            let scores = match load_scores(path, report) {
                Ok(Some(l)) => l.scores,
                Ok(None) => return Err(format!("{}: {}", shown(path), crate::words::chair::MEMBER_GONE)),
                Err(e) => return Err(e.to_string()),
            };
            members.push(PanelMember { name: name.clone(), file: shown(path).to_string(), scores });
        }
        let panel =
            SheetPanel { report, members, disagree_percent: disagree, method, agreed: Some(agreed.clone()) };
        let table = panel_table(&panel, crate::lang::Lang::of_report(report));
        super::open::write_sheets(&table, &xlsx, &csv)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panels_own_file_is_beside_the_report() {
        assert_eq!(panel_scores_path(Path::new("d/q.json")), PathBuf::from("d/q.panel.scores.json"));
    }
}
