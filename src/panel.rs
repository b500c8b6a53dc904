//! The chair's view of a panel (专家组): every evaluator's scores of one report, kept as last
//! read and read again when their files change on disk, and what the panel's method (the mean,
//! or the mean without the highest and lowest score) proposes as each item's agreed score.
//!
//! The agreed scores themselves are an ordinary scores file (`REPORT.panel.scores.json`), edited
//! in an ordinary review; this module only holds the evaluators' side of it. [`Watch`] is the
//! shell's: it reads the files (through `store`) and the app takes what it read.

use crate::export::ItemStats;
pub use crate::export::Method;
use crate::report::{Report, Scale};
use crate::scores::{Scores, clean};
use crate::store::{Stamp, load_scores};
use std::path::{Path, PathBuf};

/// One evaluator of the panel, as last read.
#[derive(Debug, Clone)]
pub struct Member {
    /// The name shown: the file's `evaluator`, else its file name (unique in the panel).
    pub name: String,
    pub path: PathBuf,
    /// The scores as last read well.
    pub scores: Scores,
    /// Why the last read failed, while it does (the scores above are kept on screen).
    pub problem: Option<String>,
}

impl Member {
    pub fn new(name: String, path: PathBuf, scores: Scores) -> Member {
        Member { name, path, scores, problem: None }
    }
}

/// The evaluators' side of a panel review.
#[derive(Debug, Clone)]
pub struct Panel {
    pub members: Vec<Member>,
    pub method: Method,
    /// Items whose highest and lowest score differ by more than this percentage of the item's
    /// max are marked.
    pub disagree_percent: f64,
}

/// One item as the panel scored it.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub stats: ItemStats,
    /// The method's value, exact.
    pub value: Option<f64>,
    /// The trimmed mean fell back to the plain mean (fewer than 3 scores).
    pub fell_back: bool,
}

impl Panel {
    /// Every evaluator's score of `item`, in member order.
    pub fn scores_of(&self, item: usize) -> Vec<Option<f64>> {
        self.members.iter().map(|m| m.scores.entries.get(item).and_then(|e| e.score)).collect()
    }

    pub fn proposal(&self, report: &Report, item: usize) -> Proposal {
        let scores = self.scores_of(item);
        let stats = ItemStats::of(&scores, report.items[item].scale.max, self.disagree_percent, self.method);
        let value = stats.mean;
        let fell_back = self.method == Method::TrimmedMean && stats.count > 0 && !stats.trimmed;
        Proposal { stats, value, fell_back }
    }

    /// Takes what the watcher saw: evaluators who joined or left, files read again (new scores,
    /// or why they could not be read — the last good scores stay on screen). Names follow the
    /// files (an evaluator renamed in their file is renamed here). What changed on screen: the
    /// names of the evaluators read, of those who joined and left, and the problems.
    pub fn apply(&mut self, report: &Report, events: Vec<PanelEvent>) -> Applied {
        let mut done = Applied::default();
        for event in events {
            match event {
                PanelEvent::Joined(path, read) => {
                    let (scores, problem) = match read {
                        Ok(scores) => (scores, None),
                        Err(problem) => (Scores::new(report), Some(problem)),
                    };
                    done.joined.push(path.clone());
                    let mut member = Member::new(String::new(), path, scores);
                    member.problem = problem;
                    self.members.push(member);
                    self.members.sort_by(|a, b| a.path.cmp(&b.path));
                }
                PanelEvent::Left(path) => {
                    if let Some(k) = self.members.iter().position(|m| m.path == path) {
                        let gone = self.members.remove(k);
                        done.left.push(gone.name);
                    }
                }
                PanelEvent::Read(path, read) => {
                    let Some(m) = self.members.iter_mut().find(|m| m.path == path) else { continue };
                    match read {
                        Ok(scores) => {
                            if scores != m.scores || m.problem.is_some() {
                                m.scores = scores;
                                m.problem = None;
                                done.read.push(path);
                            }
                        }
                        Err(problem) => {
                            if m.problem.as_ref() != Some(&problem) {
                                m.problem = Some(problem.clone());
                                done.problems.push((path, problem));
                            }
                        }
                    }
                }
            }
        }
        // Names from the files as they are now (unique in the panel).
        let keys: Vec<(Option<String>, &Path)> =
            self.members.iter().map(|m| (m.scores.head.evaluator.clone(), m.path.as_path())).collect();
        let names = crate::export::member_names(&keys);
        for (m, name) in self.members.iter_mut().zip(names) {
            m.name = name;
        }
        let name_of = |path: &Path| self.members.iter().find(|m| m.path == path).map(|m| m.name.clone());
        done.read_names = done.read.iter().filter_map(|p| name_of(p)).collect();
        done.joined_names = done.joined.iter().filter_map(|p| name_of(p)).collect();
        done.problem_names =
            done.problems.iter().filter_map(|(p, why)| Some((name_of(p)?, why.clone()))).collect();
        done
    }

    /// The evaluators who have not submitted their sheet.
    pub fn not_submitted(&self) -> Vec<&str> {
        self.members.iter().filter(|m| !m.scores.is_submitted()).map(|m| m.name.as_str()).collect()
    }
}

/// What the chair's view learns from the watcher.
#[derive(Debug, Clone, PartialEq)]
pub enum PanelEvent {
    /// A scores file of the report appeared in a watched folder (an evaluator joined): their
    /// scores, or why the file cannot be read (shown as broken).
    Joined(PathBuf, Result<Scores, String>),
    /// A member's file changed and was read again.
    Read(PathBuf, Result<Scores, String>),
    /// A member's file left a watched folder.
    Left(PathBuf),
}

/// What [`Panel::apply`] changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    pub joined: Vec<PathBuf>,
    pub left: Vec<String>,
    pub read: Vec<PathBuf>,
    pub problems: Vec<(PathBuf, String)>,
    /// The names of those read again, of those who joined, and of those with a problem (after
    /// renames).
    pub read_names: Vec<String>,
    pub joined_names: Vec<String>,
    pub problem_names: Vec<(String, String)>,
}

impl Applied {
    pub fn is_empty(&self) -> bool {
        self.joined.is_empty() && self.left.is_empty() && self.read.is_empty() && self.problems.is_empty()
    }
}

/// Watches the panel's files: the files given by name, and every scores file of the report in
/// the folders given — read again when they change, evaluators joining when their file appears
/// and leaving when it goes, a broken file shown as broken.
#[derive(Debug, Clone)]
pub struct Watch {
    /// Scores files given by name: always members.
    named: Vec<PathBuf>,
    /// Folders read again at every look.
    folders: Vec<PathBuf>,
    /// The panel's own file, never a member.
    own: PathBuf,
    /// The members' files as last read: stamp, and whether the last read failed.
    files: Vec<(PathBuf, Option<Stamp>, bool)>,
    /// Files in the folders that hold another report's scores, as last seen: passed over until
    /// they change.
    others: Vec<(PathBuf, Option<Stamp>)>,
    /// In an evaluation, the report's default scores file: the folders' files that count are
    /// the evaluators' files of this report beside it (`DOC.NAME.scores.json`), never the
    /// other reports' of the folder.
    beside: Option<PathBuf>,
}

impl Watch {
    /// Watches the files `named` and the folders `folders` (not the panel's `own` file), whose
    /// members were read as `read` (their stamps).
    pub fn new(
        named: Vec<PathBuf>,
        folders: Vec<PathBuf>,
        own: PathBuf,
        read: Vec<(PathBuf, Option<Stamp>)>,
    ) -> Watch {
        Watch {
            named,
            folders,
            own,
            files: read.into_iter().map(|(p, s)| (p, s, false)).collect(),
            others: Vec::new(),
            beside: None,
        }
    }

    /// Watches the evaluators' files of one report of an evaluation: those beside `base` (its
    /// default scores file), as they come and go, not the panel's `own`.
    pub fn beside(base: PathBuf, own: PathBuf, read: Vec<(PathBuf, Option<Stamp>)>) -> Watch {
        let mut watch = Watch::new(Vec::new(), Vec::new(), own, read);
        watch.beside = Some(base);
        watch
    }

    /// The scores files the folders hold now (in name order), not the panel's own.
    fn in_folders(&self) -> Vec<PathBuf> {
        let own = std::fs::canonicalize(&self.own).unwrap_or_else(|_| self.own.clone());
        if let Some(base) = &self.beside {
            return crate::store::scores_files_beside(base)
                .into_iter()
                .filter(|p| !std::fs::canonicalize(p).is_ok_and(|p| p == own))
                .collect();
        }
        let mut out = Vec::new();
        for dir in &self.folders {
            for (path, kind) in crate::store::folder::scan(dir).unwrap_or_default() {
                let same = std::fs::canonicalize(&path).is_ok_and(|p| p == own);
                if kind == crate::store::folder::Kind::Scores && !same && !out.contains(&path) {
                    out.push(path);
                }
            }
        }
        out
    }

    /// What changed since the last look.
    pub fn poll(&mut self, report: &Report) -> Vec<PanelEvent> {
        let mut out = Vec::new();
        let present = self.in_folders();
        // Left: a member found in a folder whose file is no longer there.
        self.files.retain(|(path, _, _)| {
            let stays = self.named.contains(path) || present.contains(path);
            if !stays {
                out.push(PanelEvent::Left(path.clone()));
            }
            stays
        });
        // Joined: a scores file of this report that is not a member yet.
        for path in present {
            if self.files.iter().any(|(p, _, _)| *p == path) {
                continue;
            }
            let now = Stamp::at(&path);
            if let Some((_, seen)) = self.others.iter().find(|(p, _)| *p == path)
                && *seen == now
            {
                continue; // another report's, unchanged
            }
            match load_scores(&path, report) {
                Ok(Some(loaded)) => {
                    self.files.push((path.clone(), loaded.stamp, false));
                    out.push(PanelEvent::Joined(path, Ok(loaded.scores)));
                }
                Ok(None) => {}
                Err(crate::store::StoreError::OtherReport { .. }) => {
                    self.others.retain(|(p, _)| *p != path);
                    self.others.push((path, now));
                }
                Err(e) => {
                    self.files.push((path.clone(), now, true));
                    out.push(PanelEvent::Joined(path, Err(e.reason())));
                }
            }
        }
        // Read again: a member whose file changed (or is gone, or failed last time).
        for (path, stamp, failing) in self.files.iter_mut() {
            let now = Stamp::at(path);
            if now.is_some() && now == *stamp && !*failing {
                continue;
            }
            if out.iter().any(|e| matches!(e, PanelEvent::Joined(p, _) if p == path)) {
                continue;
            }
            let read = match load_scores(path, report) {
                Ok(Some(loaded)) => {
                    *stamp = loaded.stamp;
                    Ok(loaded.scores)
                }
                Ok(None) => {
                    *stamp = None;
                    Err(crate::words::chair::MEMBER_GONE.get().to_string())
                }
                Err(e) => {
                    *stamp = now;
                    Err(e.reason())
                }
            };
            let was_failing = *failing;
            *failing = read.is_err();
            // A file that keeps failing the same way is news once.
            if read.is_ok() || !was_failing {
                out.push(PanelEvent::Read(path.clone(), read));
            }
        }
        out
    }
}

/// `value` on the item's step grid: the nearest step, halfway rounding up, within the scale.
pub fn on_grid(value: f64, scale: &Scale) -> f64 {
    let steps = ((value - scale.min) / scale.step + 0.5 + 1e-9).floor();
    clean((scale.min + steps * scale.step).clamp(scale.min, scale.max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mean_goes_to_the_nearest_step_and_halfway_up() {
        let scale = Scale { min: 0.0, max: 5.0, step: 0.5 };
        assert_eq!(on_grid(4.333, &scale), 4.5);
        assert_eq!(on_grid(4.2, &scale), 4.0);
        assert_eq!(on_grid(4.25, &scale), 4.5, "ties go up");
        assert_eq!(on_grid(7.0, &scale), 5.0);
        let whole = Scale { min: 0.0, max: 20.0, step: 1.0 };
        assert_eq!(on_grid(16.5, &whole), 17.0);
        assert_eq!(on_grid(16.49, &whole), 16.0);
    }
}
