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
use std::path::PathBuf;

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

    /// Takes what the watcher read of member `k`: new scores, or why they could not be read
    /// (the last good scores stay on screen). Whether anything shown changes.
    pub fn apply(&mut self, k: usize, read: Result<Scores, String>) -> bool {
        let Some(m) = self.members.get_mut(k) else { return false };
        match read {
            Ok(scores) => {
                let changed = scores.entries != m.scores.entries || m.problem.is_some();
                m.scores = scores;
                m.problem = None;
                changed
            }
            Err(problem) => {
                let changed = m.problem.as_ref() != Some(&problem);
                m.problem = Some(problem);
                changed
            }
        }
    }
}

/// Watches the evaluators' files: what changed on disk since it was last read is read again.
#[derive(Debug, Clone)]
pub struct Watch {
    files: Vec<(PathBuf, Option<Stamp>, bool)>,
}

impl Watch {
    /// Watches `files` (in member order) as they were read, with their stamps.
    pub fn new(files: Vec<(PathBuf, Option<Stamp>)>) -> Watch {
        Watch { files: files.into_iter().map(|(p, s)| (p, s, false)).collect() }
    }

    /// The members whose file changed (or is gone, or failed last time), read again.
    pub fn poll(&mut self, report: &Report) -> Vec<(usize, Result<Scores, String>)> {
        let mut out = Vec::new();
        for (k, (path, stamp, failing)) in self.files.iter_mut().enumerate() {
            let now = std::fs::metadata(&*path).ok().map(|meta| Stamp::of(&meta));
            if now.is_some() && now == *stamp && !*failing {
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
                    Err(e.to_string())
                }
            };
            let was_failing = *failing;
            *failing = read.is_err();
            // A file that keeps failing the same way is news once.
            if read.is_ok() || !was_failing {
                out.push((k, read));
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
