//! One writer per scores file: an advisory lock on `<scores>.lock`, held while the app runs.
//! The operating system releases it when the process ends, however it ends, so a crash
//! never leaves a stale lock. The file says who holds it, for the second instance to tell.
//! The lock file is a side file (`side.rs`): never a link followed, never removed unless ours.

use super::side::{FileId, file_id, open_side, remove_if_same};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// `q.scores.json` → `q.scores.json.lock`.
pub fn lock_path(scores: &Path) -> PathBuf {
    let mut name = scores.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".lock");
    scores.with_file_name(name)
}

/// A held lock; dropping it removes the lock file and releases the lock.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
    /// The scores file it locks (its identity lock is kept under this name in [`IDENTITIES`]).
    scores: PathBuf,
}

impl Lock {
    /// The lock file's identity, for removing it at an exit that runs no destructors.
    pub fn id(&self) -> Option<FileId> {
        file_id(&self.file)
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Unlinked while still held: a process that opened the old file and locks it after us
        // sees that its file is no longer at the path and tries again (see `acquire`).
        remove_if_same(&self.path, self.id());
        let mut held = IDENTITIES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(at) = held.iter().position(|i| i.scores == self.scores) {
            let identity = held.remove(at);
            if let Some((file, path)) = identity.held {
                remove_if_same(&path, file_id(&file));
            }
        }
    }
}

/// A lock on the scores file itself — by device and inode, `locks/DEVICE-INODE.lock` in the
/// user's data directory — so every name of one file (a hard link in any folder) asks the same
/// lock. An atomic save gives the file a new inode (and a link made after it names that one),
/// so the writer renews it after every save and every external change it sees
/// ([`renew_identity`]).
struct Identity {
    scores: PathBuf,
    note: String,
    /// The lock file and where it is; `None` before the scores file exists.
    held: Option<(File, PathBuf)>,
}

/// The identity locks this process holds, one per scores file it has open.
static IDENTITIES: Mutex<Vec<Identity>> = Mutex::new(Vec::new());

/// Where the identity lock of the file at `scores` is: `None` without a file or a data
/// directory.
fn identity_path(scores: &Path) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(scores).ok()?;
        let dirs = directories::ProjectDirs::from("", "", "appraise")?;
        let dir = dirs.data_dir().join("locks");
        std::fs::create_dir_all(&dir).ok()?;
        Some(dir.join(format!("{}-{}.lock", meta.dev(), meta.ino())))
    }
    #[cfg(not(unix))]
    {
        let _ = scores;
        None
    }
}

/// Takes the identity lock at `path`, writing `note`; `Err(holder)` when another process
/// holds it, `Ok(None)` when it cannot be made (the name's lock still stands).
fn take_identity(path: &Path, note: &str) -> Result<Option<File>, String> {
    let opened = open_side(path, OpenOptions::new().read(true).write(true).create(true).truncate(false));
    let Ok(mut file) = opened else { return Ok(None) };
    match file.try_lock() {
        Ok(()) if still_at(&file, path) => {
            let _ =
                file.set_len(0).and_then(|()| file.rewind()).and_then(|()| file.write_all(note.as_bytes()));
            Ok(Some(file))
        }
        Ok(()) | Err(TryLockError::Error(_)) => Ok(None),
        Err(TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            Err(if holder.is_empty() {
                crate::words::errors::LOCK_HOLDER_UNKNOWN.get().into()
            } else {
                holder.into()
            })
        }
    }
}

/// After the scores file at `scores` was replaced (a save, another program's rename): the
/// identity lock follows it to its new inode. Nothing when this process holds no lock on it.
pub fn renew_identity(scores: &Path) {
    let mut held = IDENTITIES.lock().unwrap_or_else(|e| e.into_inner());
    let Some(identity) = held.iter_mut().find(|i| i.scores == scores) else { return };
    let Some(path) = identity_path(scores) else { return };
    if identity.held.as_ref().is_some_and(|(_, p)| *p == path) {
        return;
    }
    // Another process holding the new one opened this file under another name first: it
    // keeps it (the name's lock still keeps this name to us).
    if let Ok(Some(file)) = take_identity(&path, &identity.note)
        && let Some((old, old_path)) = identity.held.replace((file, path))
    {
        remove_if_same(&old_path, file_id(&old));
    }
}

#[derive(Debug)]
pub enum LockError {
    /// Another process holds it; `holder` is what it wrote ("tester (pid 42) since …").
    Held {
        holder: String,
    },
    /// Something other than a regular file is at the lock's path (a link, a FIFO): one sentence.
    NotRegular(String),
    Io(io::Error),
}

/// Takes the lock for the scores file at `scores`, recording `who` in it.
pub fn acquire(scores: &Path, who: &str) -> Result<Lock, LockError> {
    let path = lock_path(scores);
    for _ in 0..5 {
        let opened = open_side(&path, OpenOptions::new().read(true).write(true).create(true).truncate(false))
            .or_else(|e| match e.kind() {
                // Another user's lock file: it can still be locked (and read) to learn who holds it.
                io::ErrorKind::PermissionDenied => open_side(&path, OpenOptions::new().read(true)),
                _ => Err(e),
            });
        let mut file = match opened {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::InvalidInput => {
                return Err(LockError::NotRegular(e.to_string()));
            }
            Err(e) => return Err(LockError::Io(e)),
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim().to_string();
                let holder = if holder.is_empty() {
                    crate::words::errors::LOCK_HOLDER_UNKNOWN.get().into()
                } else {
                    holder
                };
                return Err(LockError::Held { holder });
            }
            Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
        }
        if !still_at(&file, &path) {
            continue; // the holder removed it as we locked it: take the new one
        }
        // The same file under another name in its folder (a hard link) may be open as that name.
        if let Some(holder) = held_under_another_name(scores) {
            drop(file);
            return Err(LockError::Held { holder });
        }
        let note = format!("{who} (pid {}) since {}", std::process::id(), crate::scores::now_rfc3339());
        // The same file under a name in another folder (a hard link) is found by its identity.
        let held = match identity_path(scores).map(|p| take_identity(&p, &note).map(|f| f.map(|f| (f, p)))) {
            Some(Err(holder)) => {
                drop(file);
                return Err(LockError::Held { holder });
            }
            Some(Ok(held)) => held,
            None => None,
        };
        let scores = scores.to_path_buf();
        IDENTITIES.lock().unwrap_or_else(|e| e.into_inner()).push(Identity {
            scores: scores.clone(),
            note: note.clone(),
            held,
        });
        // Held, but maybe not ours to write (another user's stale lock file): it still locks.
        let _ = file.set_len(0).and_then(|()| file.rewind()).and_then(|()| file.write_all(note.as_bytes()));
        return Ok(Lock { file, path, scores });
    }
    Err(LockError::Io(io::Error::other(crate::words::errors::LOCK_KEEPS_CHANGING.get())))
}

/// Who holds the lock of another name of the file `scores` in its folder (a hard link), if
/// anyone: every name of one file is one scores file, with one writer.
fn held_under_another_name(scores: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(scores).ok().filter(|m| m.nlink() > 1)?;
        let dir = scores.parent()?;
        for entry in std::fs::read_dir(dir).ok()?.flatten() {
            let other = entry.path();
            let same = std::fs::symlink_metadata(&other)
                .is_ok_and(|m| m.dev() == meta.dev() && m.ino() == meta.ino());
            if !same || other.file_name() == scores.file_name() {
                continue;
            }
            let Ok(mut file) = open_side(&lock_path(&other), OpenOptions::new().read(true)) else { continue };
            if let Err(TryLockError::WouldBlock) = file.try_lock() {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = holder.trim();
                return Some(if holder.is_empty() {
                    crate::words::errors::LOCK_HOLDER_UNKNOWN.get().into()
                } else {
                    holder.to_string()
                });
            }
        }
        None
    }
    #[cfg(not(unix))]
    {
        let _ = scores;
        None
    }
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

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_lock_path_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let scores = dir.path().join("r.scores.json");
        let target = dir.path().join("precious.txt");
        std::fs::write(&target, "keep me").unwrap();
        std::os::unix::fs::symlink(&target, lock_path(&scores)).unwrap();
        match acquire(&scores, "张三") {
            Err(LockError::NotRegular(m)) => assert!(m.contains("is a symbolic link"), "{m}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
        assert!(std::fs::symlink_metadata(lock_path(&scores)).unwrap().file_type().is_symlink());
    }

    #[test]
    fn a_lock_file_replaced_while_held_is_not_removed() {
        let dir = tempfile::tempdir().unwrap();
        let scores = dir.path().join("r.scores.json");
        let lock = acquire(&scores, "张三").unwrap();
        std::fs::remove_file(lock_path(&scores)).unwrap();
        std::fs::write(lock_path(&scores), "someone else's").unwrap();
        drop(lock);
        assert_eq!(std::fs::read_to_string(lock_path(&scores)).unwrap(), "someone else's");
    }
}
