//! Reading a file the user named, or a folder scan found — reports, documents, rubrics, scores
//! files, journals, the config, themes, standard input — so that no file can freeze, exhaust or
//! crash the app: only a regular file is read (a FIFO, a device or a folder is refused in one
//! sentence), it is opened without blocking (a FIFO with no writer would wait for ever), and
//! never more than a cap is read (a file that grows, `/dev/zero`, a 2 GB note). Every reader of
//! such a file goes through [`read`] or [`read_stdin`]; the caps are here, one per kind of file.
//!
//! Core: the report and import readers use it, as do the store, the config and the commands.

use crate::words::errors as w;
use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

const MB: u64 = 1 << 20;

/// How much of one kind of file is read at most.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cap(pub u64);

impl Cap {
    /// A report (`appraise.report/1`) or a document to import (text, Word, PDF, a workbook).
    pub const DOCUMENT: Cap = Cap(256 * MB);
    /// A scores file: 100k items with notes make ≈ 13 MB.
    pub const SCORES: Cap = Cap(64 * MB);
    /// The recovery journal (the note being typed is written at every key).
    pub const JOURNAL: Cap = Cap(256 * MB);
    /// A configuration or theme file.
    pub const CONFIG: Cap = Cap(MB);

    pub fn bytes(self) -> u64 {
        self.0
    }

    /// In megabytes, rounded up, for a message.
    pub fn megabytes(self) -> u64 {
        self.0.div_ceil(MB)
    }
}

/// What a file was when it was read — which file (device, inode), its length and its
/// modification time: when any of them differs, another program may have changed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    id: (u64, u64),
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    pub fn of(meta: &Metadata) -> Stamp {
        #[cfg(unix)]
        let id = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let id = (0, 0);
        Stamp { id, len: meta.len(), modified: meta.modified().ok() }
    }

    /// The stamp of the file at `path` now (links followed), `None` when there is none.
    pub fn at(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }
}

/// The bytes of the regular file at `path` and its stamp, both from one open file; `Ok(None)`
/// when there is no file (or its folder is not a folder). A FIFO, a device, a socket or a
/// folder is an error saying what it is; so is a file larger than `cap`.
pub fn read(path: &Path, cap: Cap) -> io::Result<Option<(Vec<u8>, Stamp)>> {
    let Some((mut file, meta)) = open(path)? else { return Ok(None) };
    let bytes = read_capped(&mut file, cap, Some(meta.len()))?;
    Ok(Some((bytes, Stamp::of(&meta))))
}

/// The text of the regular file at `path` (UTF-8), as [`read`] reads it; `Ok(None)` when there
/// is no file.
pub fn read_text(path: &Path, cap: Cap) -> io::Result<Option<String>> {
    let Some((bytes, _)) = read(path, cap)? else { return Ok(None) };
    String::from_utf8(bytes).map(Some).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Opens the regular file at `path` for reading, without blocking and without giving it the
/// terminal: `Ok(None)` when there is none, an error naming what it is when it is not a
/// regular file.
pub fn open(path: &Path) -> io::Result<Option<(File, Metadata)>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Non-blocking: opening a FIFO nobody writes to returns at once (and is refused below);
        // no controlling terminal from a terminal device.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = match options.open(path) {
        Ok(f) => f,
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(not_regular(&meta));
    }
    Ok(Some((file, meta)))
}

/// All of standard input, up to `cap`: more is an error (and the rest is not read).
pub fn read_stdin(cap: Cap) -> io::Result<Vec<u8>> {
    read_capped(&mut io::stdin().lock(), cap, None)
}

/// At most `cap` bytes of `from`; one more is the error "larger than the limit". `expected`
/// (the file's length as it was opened) checks the size before anything is read.
pub fn read_capped(from: &mut impl Read, cap: Cap, expected: Option<u64>) -> io::Result<Vec<u8>> {
    if expected.is_some_and(|len| len > cap.bytes()) {
        return Err(too_large(cap));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(expected.unwrap_or(0).min(cap.bytes())).unwrap_or(0));
    from.take(cap.bytes() + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap.bytes() {
        return Err(too_large(cap));
    }
    Ok(bytes)
}

/// "larger than the limit of N MB" (the file grew, or is a device that never ends).
pub fn too_large(cap: Cap) -> io::Error {
    io::Error::new(io::ErrorKind::FileTooLarge, w::LARGER_THAN_CAP.fill(&[("mb", &cap.megabytes())]))
}

/// Whether `e` is the refusal of a file over its cap.
pub fn is_too_large(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::FileTooLarge && e.get_ref().is_some()
}

/// "it is a FIFO (named pipe), not a regular file" — what the file is instead.
fn not_regular(meta: &Metadata) -> io::Error {
    let kind = if meta.is_dir() { io::ErrorKind::IsADirectory } else { io::ErrorKind::InvalidInput };
    io::Error::new(kind, w::NOT_REGULAR_FILE.fill(&[("kind", &describe(meta.file_type()))]))
}

/// "a directory", "a block device"… for a refusal, in the interface's language.
pub fn describe(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_block_device() {
            return w::KIND_BLOCK_DEVICE.get();
        }
        if kind.is_char_device() {
            return w::KIND_CHAR_DEVICE.get();
        }
        if kind.is_fifo() {
            return w::KIND_FIFO.get();
        }
        if kind.is_socket() {
            return w::KIND_SOCKET.get();
        }
    }
    if kind.is_dir() {
        w::KIND_DIRECTORY.get()
    } else if kind.is_symlink() {
        w::KIND_SYMLINK.get()
    } else if kind.is_file() {
        w::KIND_REGULAR.get()
    } else {
        w::KIND_SPECIAL.get()
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_at_once_and_a_device_is_never_read() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("scores.json");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read(&fifo, Cap::SCORES).unwrap_err();
        assert!(e.to_string().contains("FIFO"), "{e}");
        let e = read(Path::new("/dev/zero"), Cap::CONFIG).unwrap_err();
        assert!(e.to_string().contains("device"), "{e}");
        let e = read(dir.path(), Cap::CONFIG).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::IsADirectory);
        assert!(read(&dir.path().join("none"), Cap::CONFIG).unwrap().is_none());
    }

    #[test]
    fn no_more_than_the_cap_is_read() {
        let mut endless = io::repeat(b'x');
        let e = read_capped(&mut endless, Cap(1000), None).unwrap_err();
        assert!(is_too_large(&e));
        assert!(e.to_string().contains("1 MB"), "{e}");
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'a'; 2000]).unwrap();
        assert!(is_too_large(&read(&big, Cap(1999)).unwrap_err()));
        assert_eq!(read(&big, Cap(2000)).unwrap().unwrap().0.len(), 2000);
    }
}
