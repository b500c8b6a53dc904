//! Everything that touches the disk for scores: where the scores file lives, reading it back
//! (with every problem located), writing it atomically, the recovery journal and the lock.

mod atomic;
mod journal;
mod lock;
mod scores_file;

pub use atomic::{write_atomic, write_atomic_with};
pub use journal::{Journal, journal_path, replay};
pub use lock::{Lock, LockError, acquire, lock_path};
pub use scores_file::{Loaded, StoreError, io_message, load_scores, parse_scores, save_scores, scores_json};

use std::path::{Path, PathBuf};

/// The contract's default: beside the report, `q.json` → `q.scores.json` (other names get `.scores.json` appended).
pub fn default_scores_path(report: &Path) -> PathBuf {
    let name = report.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    report.with_file_name(format!("{stem}.scores.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_path_replaces_json_suffix() {
        assert_eq!(default_scores_path(Path::new("/a/q.json")), PathBuf::from("/a/q.scores.json"));
        assert_eq!(default_scores_path(Path::new("r.txt")), PathBuf::from("r.txt.scores.json"));
        assert_eq!(default_scores_path(Path::new("dir/报告.json")), PathBuf::from("dir/报告.scores.json"));
    }
}
