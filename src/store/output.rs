//! Where an output the user named (or a default beside the inputs) may be written, and writing
//! it there. One rule for every command that writes a file (export, merge, import, gen, `E`):
//!
//! - nothing there yet, or a regular file: replaced atomically (a temp file beside it, then a
//!   rename), so a reader never sees half a sheet;
//! - a symbolic link: followed, and its *target* replaced atomically (as editors do); the link
//!   stays a link;
//! - a character device or a FIFO (`/dev/null`, `/dev/stdout`, `mkfifo`): written into directly
//!   — a rename would put a regular file in the device's place;
//! - a directory, a block device, a socket: refused with one sentence (exit 2).

use super::atomic::write_atomic_with;
use crate::text::shown;
use crate::words::errors as w;
use std::fs::{FileType, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How deep a chain of symbolic links may go (the kernel's own limit is 40).
const MAX_LINKS: usize = 40;

/// Where the bytes go, decided from what is at the path now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dest {
    /// A regular file, or nothing yet: replaced atomically at this path (a link's target).
    File(PathBuf),
    /// A character device or a FIFO: opened and written into, never replaced.
    Stream(PathBuf),
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The path (as named) is something that must not be written (exit 2), and why.
    #[error("{}", w::CANNOT_WRITE.fill(&[("path", &shown(path)), ("why", why)]))]
    Refused { path: PathBuf, why: String },
    /// Writing failed (exit 1).
    #[error("{}", w::CANNOT_WRITE.fill(&[("path", &shown(path)), ("why", message)]))]
    Io { path: PathBuf, message: String },
}

/// Decides where an output named `path` goes; refuses what may not be written.
pub fn destination(path: &Path) -> Result<Dest, OutputError> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let meta = match std::fs::symlink_metadata(&at) {
            Ok(meta) => meta,
            Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
                return new_file(path, at);
            }
            Err(e) => return Err(io_error(path, &e)),
        };
        let kind = meta.file_type();
        if !kind.is_symlink() {
            return classify(path, at, kind);
        }
        // A link to a device or a pipe is opened through the link (`/dev/stdout` →
        // `/proc/self/fd/1` → `pipe:[…]`, which is no path); a link to a file has its target
        // replaced; a dangling link creates its target.
        match std::fs::metadata(&at) {
            Ok(target) if is_stream(target.file_type()) => return Ok(Dest::Stream(at)),
            Ok(_) => match std::fs::canonicalize(&at) {
                Ok(real) => at = real,
                Err(e) => return Err(io_error(path, &e)),
            },
            Err(_) => {
                let link = std::fs::read_link(&at).map_err(|e| io_error(path, &e))?;
                at = match at.parent() {
                    Some(dir) => dir.join(link),
                    None => link,
                };
            }
        }
    }
    Err(refused(path, w::OUTPUT_LINK_CHAIN.fill(&[("max", &MAX_LINKS)])))
}

/// Writes the output named `path` by the rule above; `write` gets the open file or stream.
pub fn write_output(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), OutputError> {
    match destination(path)? {
        Dest::File(real) => write_atomic_with(&real, |file| {
            let mut out = io::BufWriter::new(file);
            write(&mut out)?;
            out.flush()
        })
        .map(drop)
        .map_err(|e| io_error(path, &e)),
        Dest::Stream(stream) => {
            // No create, no truncate: a device or pipe is only ever written into. (A FIFO waits
            // here for its reader, as a shell's `>` does.)
            let file = OpenOptions::new().write(true).open(&stream).map_err(|e| io_error(path, &e))?;
            let mut out = io::BufWriter::new(file);
            write(&mut out).and_then(|()| out.flush()).map_err(|e| io_error(path, &e))
        }
    }
}

/// Nothing at `at` (the path as named, or a dangling link's target): its folder must exist.
fn new_file(named: &Path, at: PathBuf) -> Result<Dest, OutputError> {
    let dir = match at.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(Dest::File(at)),
        Ok(_) => Err(refused(named, w::OUTPUT_NOT_A_FOLDER.fill(&[("dir", &shown(dir))]))),
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
            Err(refused(named, w::OUTPUT_NO_FOLDER.fill(&[("dir", &shown(dir))])))
        }
        Err(e) => Err(io_error(named, &e)),
    }
}

fn classify(named: &Path, at: PathBuf, kind: FileType) -> Result<Dest, OutputError> {
    if kind.is_file() {
        return Ok(Dest::File(at));
    }
    if is_stream(kind) {
        return Ok(Dest::Stream(at));
    }
    Err(refused(named, w::OUTPUT_NOT_A_FILE.fill(&[("kind", &describe(kind))])))
}

/// A character device or a FIFO: something to write into, not to replace.
fn is_stream(kind: FileType) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        kind.is_char_device() || kind.is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = kind;
        false
    }
}

pub use crate::input::describe;

/// A refusal to write the output named `path`, with why.
fn refused(path: &Path, why: String) -> OutputError {
    OutputError::Refused { path: path.to_owned(), why }
}

fn io_error(path: &Path, e: &io::Error) -> OutputError {
    OutputError::Io { path: path.to_owned(), message: crate::io_error::message(e) }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn write(path: &Path, text: &str) -> Result<(), OutputError> {
        write_output(path, |out| out.write_all(text.as_bytes()))
    }

    #[test]
    fn a_new_or_regular_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write(&path, "one").unwrap();
        write(&path, "two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
    }

    #[test]
    fn a_link_keeps_being_a_link_and_its_target_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.csv");
        std::fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.csv");
        symlink("real.csv", &link).unwrap();
        write(&link, "new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");

        // A dangling link creates its target; a chain is followed to its end.
        let made = dir.path().join("made.csv");
        symlink("made.csv", dir.path().join("dangling.csv")).unwrap();
        symlink("dangling.csv", dir.path().join("chain.csv")).unwrap();
        write(&dir.path().join("chain.csv"), "born").unwrap();
        assert_eq!(std::fs::read_to_string(&made).unwrap(), "born");
        assert!(std::fs::symlink_metadata(dir.path().join("dangling.csv")).unwrap().file_type().is_symlink());

        // A loop is refused.
        symlink("loop-b", dir.path().join("loop-a")).unwrap();
        symlink("loop-a", dir.path().join("loop-b")).unwrap();
        assert!(matches!(write(&dir.path().join("loop-a"), "x"), Err(OutputError::Refused { .. })));
    }

    #[test]
    fn a_fifo_is_written_into() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert_eq!(destination(&fifo).unwrap(), Dest::Stream(fifo.clone()));
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        write(&fifo, "through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
    }

    #[test]
    fn directories_and_missing_folders_are_refused_in_one_sentence() {
        let dir = tempfile::tempdir().unwrap();
        let e = write(dir.path(), "x").unwrap_err();
        let m = e.to_string();
        assert!(matches!(&e, OutputError::Refused { .. }), "{e}");
        assert!(m.ends_with("it is a directory, not a file; name a file to write"), "{e}");
        let e = write(&dir.path().join("nope/out.csv"), "x").unwrap_err();
        let m = e.to_string();
        assert!(matches!(&e, OutputError::Refused { .. }), "{e}");
        assert!(m.contains("the folder") && m.ends_with("does not exist"), "{e}");
        std::fs::write(dir.path().join("file"), "").unwrap();
        let e = write(&dir.path().join("file/out.csv"), "x").unwrap_err();
        assert!(
            matches!(&e, OutputError::Refused { .. }) && e.to_string().ends_with("is not a folder"),
            "{e}"
        );
        let _zh = crate::words::pin(crate::lang::Lang::Zh);
        let e = write(dir.path(), "x").unwrap_err();
        assert!(e.to_string().ends_with("：它是文件夹，不是文件；请指定一个要写入的文件"), "{e}");
    }
}
