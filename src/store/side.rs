//! The app's own files beside the scores file — the journal, the lock, refused journal lines,
//! conflicts. They are opened without following a symbolic link, only when they are regular
//! files, and removed only while they are still the file the app opened: a link or a device
//! planted at one of these names is never written through, truncated or deleted.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

use crate::text::shown;
use crate::words::errors as w;

/// Which file this is on disk: device and inode.
pub type FileId = (u64, u64);

/// Opens the side file at `path` with `options`, refusing a symbolic link (`O_NOFOLLOW`) and
/// anything that is not a regular file (a FIFO is not waited on: `O_NONBLOCK`).
pub fn open_side(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| {
        if is_link_refusal(&e) && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            not_regular(path, w::KIND_SYMLINK.get())
        } else {
            e
        }
    })?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        return Err(not_regular(path, super::describe(kind)));
    }
    Ok(file)
}

/// `Err` with one sentence when something other than a regular file is at `path` (nothing
/// there is fine).
pub fn check_side(path: &Path, what: &str) -> Result<(), String> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => Err(w::SIDE_NOT_REGULAR.fill(&[
            ("path", &shown(path)),
            ("what", &what),
            ("kind", &super::describe(meta.file_type())),
        ])),
        _ => Ok(()),
    }
}

/// The identity of an open file.
pub fn file_id(file: &File) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        file.metadata().ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        None
    }
}

/// The identity of what is at `path` now (not following a link).
pub fn path_id(path: &Path) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// Removes `path` only while it is still the file `id` (the one the app created or opened).
pub fn remove_if_same(path: &Path, id: Option<FileId>) -> bool {
    id.is_some() && path_id(path) == id && std::fs::remove_file(path).is_ok()
}

/// `ELOOP` (Linux) or `EMLINK` (FreeBSD's answer to `O_NOFOLLOW` on a link).
fn is_link_refusal(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(e.raw_os_error(), Some(libc::ELOOP) | Some(libc::EMLINK))
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

fn not_regular(path: &Path, what: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        w::SIDE_REFUSED.fill(&[("path", &shown(path)), ("kind", &what)]),
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_link_is_never_opened_and_its_target_never_touched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("precious");
        std::fs::write(&target, "keep me").unwrap();
        let link = dir.path().join("r.scores.json.journal");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let e = open_side(&link, OpenOptions::new().append(true).create(true)).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("is a symbolic link, not a regular file; appraise never writes through it"),
            "{e}"
        );
        assert!(check_side(&link, "recovery journal").unwrap_err().contains("is a symbolic link"));
        assert!(!remove_if_same(&link, None));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    }

    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("r.scores.json.lock");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(open_side(&fifo, OpenOptions::new().read(true).write(true).create(true)).is_err());
        assert!(check_side(&fifo, "lock").unwrap_err().contains("a FIFO"));
    }

    #[test]
    fn a_file_is_removed_only_while_it_is_still_ours() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j");
        let mut file = open_side(&path, OpenOptions::new().append(true).create(true)).unwrap();
        file.write_all(b"x").unwrap();
        let id = file_id(&file);
        // Replaced by someone else: not ours any more.
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, "theirs").unwrap();
        assert!(!remove_if_same(&path, id));
        assert!(path.exists());
        let again = open_side(&path, OpenOptions::new().append(true)).unwrap();
        assert!(remove_if_same(&path, file_id(&again)));
        assert!(!path.exists());
    }
}
