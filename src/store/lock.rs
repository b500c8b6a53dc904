//! One writer per scores file: an advisory lock on `<scores>.lock`, held while the app runs.
//! The operating system releases it when the process ends, however it ends, so a crash
//! never leaves a stale lock. The file says who holds it, for the second instance to tell.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// `q.scores.json` → `q.scores.json.lock`.
pub fn lock_path(scores: &Path) -> PathBuf {
    let mut name = scores.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    scores.with_file_name(name)
}

/// A held lock; dropping it removes the lock file and releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Unlinked while still held: a process that opened the old file and locks it after us
        // sees that its file is no longer at the path and tries again (see `acquire`).
        let _ = std::fs::remove_file(&self.path);
    }
}

#[derive(Debug)]
pub enum LockError {
    /// Another process holds it; `holder` is what it wrote ("tester (pid 42) since …").
    Held {
        holder: String,
    },
    Io(io::Error),
}

/// Takes the lock for the scores file at `scores`, recording `who` in it.
pub fn acquire(scores: &Path, who: &str) -> Result<Lock, LockError> {
    let path = lock_path(scores);
    for _ in 0..5 {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(LockError::Io)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim().to_string();
                let holder = if holder.is_empty() { "another appraise".into() } else { holder };
                return Err(LockError::Held { holder });
            }
            Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
        }
        if !still_at(&file, &path) {
            continue; // the holder removed it as we locked it: take the new one
        }
        let note = format!("{who} (pid {}) since {}", std::process::id(), crate::scores::now_rfc3339());
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(note.as_bytes()))
            .map_err(LockError::Io)?;
        return Ok(Lock { _file: file, path });
    }
    Err(LockError::Io(io::Error::other("the lock file keeps changing")))
}

/// True when `file` is the file now at `path` (not one removed from under us).
fn still_at(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_with_the_holder_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap();
        let scores = dir.path().join("r.scores.json");
        let first = acquire(&scores, "张三").unwrap();
        match acquire(&scores, "李四") {
            Err(LockError::Held { holder }) => assert!(holder.starts_with("张三 (pid "), "{holder}"),
            other => panic!("{other:?}"),
        }
        drop(first);
        assert!(!lock_path(&scores).exists(), "the lock file goes with the lock");
        assert!(acquire(&scores, "李四").is_ok());
    }
}
