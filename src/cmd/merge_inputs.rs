//! The scores files `merge` is given: each file as it is, and each folder's `*.scores.json` in
//! name order — without the panel's own file, the app's side files (journal, lock, conflict
//! copies, temporary files) and other reports' scores, each skipped with a note on stderr.

use super::Failure;
use super::export::no_such_file;
use crate::report::Report;
use crate::store::folder::{self, Kind, Side};
use crate::store::{Loaded, StoreError, load_scores};
use crate::text::shown;
use crate::words::{Word, errors, merge as w};
use std::path::{Path, PathBuf};

/// The word for a side file, in a note.
fn side_word(side: Side) -> Word {
    match side {
        Side::Temp => w::SIDE_TEMP,
        Side::Journal => w::SIDE_JOURNAL,
        Side::Rejected => w::SIDE_REJECTED,
        Side::Lock => w::SIDE_LOCK,
        Side::Conflict => w::SIDE_CONFLICT,
    }
}

/// Every scores file of `report` that `args` give, loaded, in order; the notes about skipped
/// files go to stderr. A file given by name that cannot be used is refused; so is a folder
/// that holds no scores of `report`.
pub(super) fn gather(args: &[PathBuf], report: &Report) -> Result<Vec<(PathBuf, Loaded)>, Failure> {
    let mut out = Vec::with_capacity(args.len());
    for arg in args {
        if !std::fs::metadata(arg).is_ok_and(|m| m.is_dir()) {
            let name = arg.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if folder::kind(&name) == Kind::Panel {
                // The panel's agreed scores are not an evaluator's.
                return Err(Failure::BadInput(w::PANEL_NOT_MEMBER.fill(&[("path", &shown(arg))])));
            }
            let Some(l) = load_scores(arg, report)? else { return Err(no_such_file(arg)) };
            out.push((arg.clone(), l));
            continue;
        }
        let before = out.len();
        let cannot = |e: std::io::Error| {
            Failure::BadInput(
                errors::CANNOT_READ.fill(&[("path", &shown(arg)), ("why", &crate::io_error::message(&e))]),
            )
        };
        for (path, kind) in folder::scan(arg).map_err(cannot)? {
            let note = match kind {
                Kind::Other => continue,
                Kind::Panel => w::SKIPPED_PANEL.fill(&[("path", &shown(&path))]),
                Kind::Side(side) => {
                    w::SKIPPED_SIDE.fill(&[("path", &shown(&path)), ("what", &side_word(side))])
                }
                Kind::Scores => match load_scores(&path, report) {
                    Ok(Some(l)) => {
                        out.push((path, l));
                        continue;
                    }
                    Ok(None) => continue, // gone since the folder was read
                    Err(StoreError::OtherReport { found, expected, .. }) => w::SKIPPED_OTHER_REPORT.fill(&[
                        ("path", &shown(&path)),
                        ("found", &crate::text::sanitize(&found)),
                        ("expected", &crate::text::sanitize(&expected)),
                    ]),
                    // One broken file does not stop the others: it is named, with why.
                    Err(e) => w::SKIPPED_BROKEN.fill(&[("path", &shown(&path)), ("why", &e.reason())]),
                },
            };
            eprintln!("appraise: {note}");
        }
        if out.len() == before {
            return Err(Failure::BadInput(w::FOLDER_WITHOUT_SCORES.fill(&[
                ("path", &shown(arg)),
                ("id", &report.id),
                ("pattern", &format!("*{}", folder::SCORES)),
            ])));
        }
    }
    Ok(out)
}

/// One note per evaluator named in more than one of the files (different files, not one file
/// given twice): every file of theirs is a column of its own, told apart by its file name.
pub(super) fn same_evaluator_notes(keys: &[(Option<String>, &Path)]) -> Vec<String> {
    let mut notes = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (name, _) in keys {
        let Some(name) = name.as_deref().map(str::trim).filter(|n| !n.is_empty()) else { continue };
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let mut files: Vec<&Path> = Vec::new();
        for (_, p) in keys.iter().filter(|(n, _)| n.as_deref().map(str::trim) == Some(name)) {
            if !files.iter().any(|f| super::merge::same_file(f, p)) {
                files.push(p);
            }
        }
        if files.len() > 1 {
            let list: Vec<String> = files.iter().map(|f| shown(f).to_string()).collect();
            let files = list.join(errors::LIST_SEP.get());
            notes.push(w::SAME_EVALUATOR.fill(&[("name", &crate::text::sanitize(name)), ("files", &files)]));
        }
    }
    notes
}
