//! Everything that touches the disk: where the scores file lives, reading it back (with every
//! problem located), writing it atomically and merging what other programs changed in it
//! (`writer`), the recovery journal, the lock, the app's other side files (`side`), and where
//! any other output may be written (`output`).

mod atomic;
mod conflict;
mod evaluators;
mod failure;
pub mod folder;
mod journal;
mod lock;
mod output;
mod scores_file;
mod side;
mod writer;

pub use atomic::{remove_stale_temps, write_atomic, write_atomic_with};
pub use conflict::{KEEP as CONFLICTS_KEPT, conflict_path, keep as keep_conflict};
pub use evaluators::{
    NAME_MAX, NameError, RESERVED, evaluator_file, evaluator_in, file_name_part, own_scores_file,
    scores_files_beside,
};
pub use failure::{JournalError, SaveError};
pub use journal::{Journal, Rejected, Replayed, journal_path, keep_rejected, rejected_path, replay};
pub use lock::{Lock, LockError, acquire, lock_path};
pub use output::{Dest, OutputError, describe, destination, write_output};
pub use scores_file::{
    Loaded, Stamp, StoreError, load_scores, parse_scores, read_stamped, save_scores, scores_json,
    write_scores,
};
pub use side::{FileId, check_side, file_id, open_side, path_id, remove_if_same};
pub use writer::{Outcome, Writer};

use std::path::{Path, PathBuf};

/// The scores file a review keeps its scores in, for `--scores PATH` (or the default): links
/// followed to the real file, so every name of one file shares one lock, journal and temp
/// files. It must be a regular file or not exist yet, in a folder that exists; `Err` is one
/// sentence.
pub fn scores_location(path: &Path) -> Result<PathBuf, String> {
    use crate::words::errors as w;
    let cannot = |why: &dyn std::fmt::Display| {
        w::CANNOT_KEEP_SCORES.fill(&[("path", &crate::text::shown(path)), ("why", why)])
    };
    let refused = |kind: &str| cannot(&w::SCORES_NOT_REGULAR.fill(&[("kind", &kind), ("flag", &"--scores")]));
    let real = match destination(path) {
        Ok(Dest::File(real)) => real,
        Ok(Dest::Stream(_)) => {
            let kind =
                std::fs::metadata(path).map(|m| describe(m.file_type())).unwrap_or(w::KIND_SPECIAL.get());
            return Err(refused(kind));
        }
        Err(OutputError::Refused { why, .. }) => return Err(cannot(&why)),
        Err(e) => return Err(e.to_string()),
    };
    // Absolute and without links: the file itself when it exists, else its folder's real path.
    if let Ok(canonical) = std::fs::canonicalize(&real) {
        return Ok(canonical);
    }
    let dir = match real.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = real.file_name().ok_or_else(|| refused(w::KIND_NOT_A_NAME.get()))?;
    std::fs::canonicalize(dir).map(|d| d.join(name)).map_err(|e| cannot(&crate::io_error::message(&e)))
}

/// The default (docs/formats.md, "Scores"): beside the report, `q.json` → `q.scores.json` (other names get `.scores.json` appended).
pub fn default_scores_path(report: &Path) -> PathBuf {
    let name = report.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    report.with_file_name(format!("{stem}.scores.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_scores_file_is_found_through_links_and_must_be_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::write(real.join("r.scores.json"), "{}").unwrap();
        std::os::unix::fs::symlink("r.scores.json", real.join("alias.scores.json")).unwrap();
        assert_eq!(scores_location(&real.join("alias.scores.json")).unwrap(), real.join("r.scores.json"));
        std::os::unix::fs::symlink(&real, real.join("linked-dir")).unwrap();
        assert_eq!(
            scores_location(&real.join("linked-dir/new.scores.json")).unwrap(),
            real.join("new.scores.json")
        );

        let e = scores_location(&real.join("no-such-dir/x.scores.json")).unwrap_err();
        assert!(e.starts_with("cannot keep scores in ") && e.ends_with("no-such-dir does not exist"), "{e}");
        let e = scores_location(&real).unwrap_err();
        assert!(e.contains("it is a directory"), "{e}");
        let fifo = real.join("fifo.scores.json");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = scores_location(&fifo).unwrap_err();
        assert!(
            e.ends_with("it is a FIFO (named pipe), not a regular file; name a scores file with --scores"),
            "{e}"
        );
    }

    #[test]
    fn scores_path_replaces_json_suffix() {
        assert_eq!(default_scores_path(Path::new("/a/q.json")), PathBuf::from("/a/q.scores.json"));
        assert_eq!(default_scores_path(Path::new("r.txt")), PathBuf::from("r.txt.scores.json"));
        assert_eq!(default_scores_path(Path::new("dir/报告.json")), PathBuf::from("dir/报告.scores.json"));
    }
}
