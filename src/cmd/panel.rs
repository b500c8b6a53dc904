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
    /// In an evaluation: the report file `report` (the document) was imported to. The panel's
    /// files are named from the document; its evaluators are the files beside it.
    pub imported: Option<PathBuf>,
}

/// `q.json` → `q.panel.scores.json`, beside the report: the panel's agreed scores.
pub fn panel_scores_path(report: &Path) -> PathBuf {
    let name = report.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    report.with_file_name(format!("{stem}.panel.scores.json"))
}

pub fn panel(args: &PanelArgs, mut open: OpenArgs) -> Result<(), Failure> {
    let report =
        super::load_or_import(args.imported.as_ref().unwrap_or(&args.report), &mut std::io::stderr())?;
    let disagree = disagree_percent(args.disagree.as_deref())?;
    let own = panel_scores_path(&args.report);
    if args.imported.is_some() {
        return evaluation_panel(args, open, report, own, disagree);
    }
    // Files as given; a folder gives its evaluators' files of this report (as `merge` reads it:
    // the panel's own file, side files and other reports' files are skipped, with a note). A
    // folder may hold none yet: the chair opens it and waits for the evaluators to join.
    let (folders, named): (Vec<PathBuf>, Vec<PathBuf>) =
        args.scores.iter().cloned().partition(|p| std::fs::metadata(p).is_ok_and(|m| m.is_dir()));
    let inputs: Vec<_> = gather_or_none(&args.scores, &report, !folders.is_empty())?
        .into_iter()
        .filter(|(p, _)| !super::merge::same_file(p, &own))
        .collect();
    if inputs.is_empty() && folders.is_empty() {
        return Err(Failure::BadInput(cli::MERGE_NO_SCORES.fill(&[("cmd", &"panel")])));
    }
    let mut members = Vec::with_capacity(inputs.len());
    let mut stamps = Vec::with_capacity(inputs.len());
    for (path, l) in inputs {
        super::export::warn(&path, &l.warnings);
        stamps.push((path.clone(), l.stamp));
        members.push(Member::new(String::new(), path, l.scores));
    }
    let method = if args.trim { Method::TrimmedMean } else { Method::Mean };
    let mut panel = Panel { members, method, disagree_percent: disagree };
    // Names from the files (unique in the panel), as the watcher gives them later.
    panel.apply(&report, Vec::new());
    let export = panel_export(&args.report, args.scores.clone(), own.clone(), method, disagree);
    let lang = crate::lang::Lang::of_report(&report);
    open.report = Some(args.report.clone());
    open.scores = Some(own.clone());
    open.evaluator = Some(lang.pick("专家组", "Expert panel").to_string());
    open.panel = Some((panel, Watch::new(named, folders, own, stamps)));
    open.export = Some(export);
    super::open(open)
}

/// The panel of one report of an evaluation: its evaluators are the files beside the document
/// (`DOC.NAME.scores.json`), read quietly (the folder's other reports are not this one's), and
/// watched as they come and go.
fn evaluation_panel(
    args: &PanelArgs,
    mut open: OpenArgs,
    report: crate::report::Report,
    own: PathBuf,
    disagree: f64,
) -> Result<(), Failure> {
    let base = crate::store::default_scores_path(&args.report);
    let mut members = Vec::new();
    let mut stamps = Vec::new();
    for path in crate::store::scores_files_beside(&base) {
        if super::merge::same_file(&path, &own) {
            continue;
        }
        // A file that cannot be read joins with its problem as the watcher reads it.
        if let Ok(Some(l)) = load_scores(&path, &report) {
            stamps.push((path.clone(), l.stamp));
            members.push(Member::new(String::new(), path, l.scores));
        }
    }
    let method = if args.trim { Method::TrimmedMean } else { Method::Mean };
    let mut panel = Panel { members, method, disagree_percent: disagree };
    panel.apply(&report, Vec::new());
    let folder = args.report.parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    let export = panel_export(&args.report, vec![folder], own.clone(), method, disagree);
    let lang = crate::lang::Lang::of_report(&report);
    open.report = Some(args.report.clone());
    open.imported = args.imported.clone();
    open.scores = Some(own.clone());
    open.evaluator = Some(lang.pick("专家组", "Expert panel").to_string());
    open.panel = Some((panel, Watch::beside(base, own, stamps)));
    open.export = Some(export);
    super::open(open)
}

/// The evaluators' files `args` give, as `merge` reads them — except that a folder with none
/// (yet) is no error when `may_be_empty`.
fn gather_or_none(
    args: &[PathBuf],
    report: &crate::report::Report,
    may_be_empty: bool,
) -> Result<Vec<(PathBuf, crate::store::Loaded)>, Failure> {
    match gather(args, report) {
        Err(Failure::BadInput(_)) if may_be_empty && args.iter().all(|p| p.is_dir()) => Ok(Vec::new()),
        other => other,
    }
}

/// What `E` writes in the panel view: the panel's sheet (评价人员评分汇总表), as `merge` names it
/// (`REPORT.panel.xlsx` and `.csv` beside the report), from the evaluators' files as they are
/// now — the folders read again, so whoever joined since is in it — and the agreed scores on
/// screen.
fn panel_export(
    report_path: &Path,
    sources: Vec<PathBuf>,
    own: PathBuf,
    method: Method,
    disagree: f64,
) -> ExportFn {
    let xlsx = super::panel_path(report_path);
    let csv = xlsx.with_extension("csv");
    Arc::new(move |report, agreed, _| {
        let mut files = Vec::new();
        for source in &sources {
            if source.is_dir() {
                for (path, kind) in crate::store::folder::scan(source).map_err(|e| e.to_string())? {
                    if kind == crate::store::folder::Kind::Scores && !super::merge::same_file(&path, &own) {
                        files.push(path);
                    }
                }
            } else {
                files.push(source.clone());
            }
        }
        let mut loaded = Vec::with_capacity(files.len());
        for path in &files {
            match load_scores(path, report) {
                Ok(Some(l)) => loaded.push((path, l.scores)),
                // Another report's, or broken: not this panel's sheet (the view says which).
                Ok(None) | Err(_) if source_is_folder(&sources, path) => continue,
                Ok(None) => return Err(format!("{}: {}", shown(path), crate::words::chair::MEMBER_GONE)),
                Err(e) => return Err(e.to_string()),
            }
        }
        let keys: Vec<(Option<String>, &Path)> =
            loaded.iter().map(|(p, s)| (s.head.evaluator.clone(), p.as_path())).collect();
        let names = member_names(&keys);
        let members = names
            .into_iter()
            .zip(&loaded)
            .map(|(name, (path, scores))| PanelMember {
                name,
                file: shown(path).to_string(),
                scores: scores.clone(),
            })
            .collect();
        let panel =
            SheetPanel { report, members, disagree_percent: disagree, method, agreed: Some(agreed.clone()) };
        let table = panel_table(&panel, crate::lang::Lang::of_report(report));
        super::open::write_sheets(&table, &xlsx, &csv)
    })
}

/// Whether `path` was found in one of the folders among `sources` (not named itself).
fn source_is_folder(sources: &[PathBuf], path: &Path) -> bool {
    !sources.iter().any(|s| s == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panels_own_file_is_beside_the_report() {
        assert_eq!(panel_scores_path(Path::new("d/q.json")), PathBuf::from("d/q.panel.scores.json"));
    }
}
