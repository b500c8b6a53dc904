//! Another program's version of what it and the app both changed, kept beside the scores file
//! so nothing anyone typed is lost: `NAME.conflict`, `NAME.conflict.2` … up to [`KEEP`] files.
//! Each is a scores file (`appraise.scores/1`) holding only the entries both changed, and the
//! other program's top level — so its size follows the disagreement, not the report. When all
//! the names are taken, the oldest is replaced: saving never stops because of conflicts.
//!
//! They are side files (`side.rs`): never written through a link, never over something that is
//! not a regular file.

use super::scores_file::write_partial;
use super::side::open_side;
use crate::report::{ItemIx, Report};
use crate::scores::Scores;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How many conflict files are kept beside one scores file.
pub const KEEP: usize = 10;

/// `q.scores.json` → `q.scores.json.conflict` (`n` = 1), `q.scores.json.conflict.2`, …
pub fn conflict_path(scores: &Path, n: usize) -> PathBuf {
    let mut name = scores.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(if n <= 1 { ".conflict".to_string() } else { format!(".conflict.{n}") });
    scores.with_file_name(name)
}

/// Keeps `theirs`' entries for `items` (and its top level) beside `scores`: in the first free
/// name, else over the oldest. Returns where.
pub fn keep(scores: &Path, report: &Report, theirs: &Scores, items: &[ItemIx]) -> io::Result<PathBuf> {
    let mut bytes = Vec::new();
    write_partial(&mut bytes, report, theirs, items)?;
    let mut oldest: Option<(std::time::SystemTime, PathBuf)> = None;
    for n in 1..=KEEP {
        let path = conflict_path(scores, n);
        match write_new(&path, &bytes) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let modified = std::fs::symlink_metadata(&path).and_then(|m| m.modified()).ok();
                if let Some(t) = modified
                    && oldest.as_ref().is_none_or(|(o, _)| t < *o)
                {
                    oldest = Some((t, path));
                }
            }
            Err(e) => return Err(e),
        }
    }
    // All taken: the oldest goes (only if it is a regular file — `open_side` refuses others).
    let path = oldest.map_or_else(|| conflict_path(scores, 1), |(_, p)| p);
    let mut file = open_side(&path, std::fs::OpenOptions::new().write(true).truncate(true))?;
    file.write_all(&bytes)?;
    file.sync_all()?;
    Ok(path)
}

/// Writes `bytes` to a new file at `path` (never over one that exists).
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = open_side(path, std::fs::OpenOptions::new().write(true).create_new(true))?;
    file.write_all(bytes)?;
    file.sync_all()
}
