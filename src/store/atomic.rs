//! Atomic file replacement: temp file in the same directory, fsync, rename, fsync the directory.
//! A crash at any point leaves either the old file or the new one, never half of either.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes)).map(drop)
}

/// How many random characters a temp file's name has (`.NAME.XXXXXX.tmp`).
const RANDOM_CHARS: usize = 6;

/// [`write_atomic`] with the content written by `write` into the temp file; returns the new
/// file's metadata (read from the file itself, so it is this write's even if another program
/// replaces the file right after).
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<std::fs::Metadata> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(RANDOM_CHARS);
    // Keep the file's permissions; a new file gets the usual rw-r--r-- (temp files are private).
    match std::fs::metadata(path) {
        Ok(meta) => {
            builder.permissions(meta.permissions());
        }
        #[cfg(unix)]
        Err(_) => {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        #[cfg(not(unix))]
        Err(_) => {}
    }
    let mut tmp = builder.tempfile_in(dir)?;
    write(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    let file = tmp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    file.metadata()
}

/// Removes the temp files a write of `path` left behind when its process was killed mid-write
/// (`.NAME.XXXXXX.tmp` beside it, regular files only). Only for a file whose lock is held, so
/// no other writer's temp file is taken; returns how many were removed.
pub fn remove_stale_temps(path: &Path) -> usize {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return 0 };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(middle) =
            file_name.to_str().and_then(|n| n.strip_prefix(&prefix)).and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        let ours = middle.len() == RANDOM_CHARS && middle.bytes().all(|b| b.is_ascii_alphanumeric());
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.scores.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("a.scores.json")]);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_and_existing_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        write_atomic(&path, b"1").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"2").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn stale_temps_of_this_file_go_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.scores.json");
        for name in [".a.scores.json.Ab12Cd.tmp", ".a.scores.json.zzzzzz.tmp"] {
            std::fs::write(dir.path().join(name), "left by a killed save").unwrap();
        }
        let others = [
            ".a.scores.json.Ab12Cd.tmp.keep",
            ".a.scores.json.toolong1.tmp",
            ".b.scores.json.Ab12Cd.tmp",
            "a.scores.json",
            ".a.scores.json.journal",
        ];
        for name in others {
            std::fs::write(dir.path().join(name), "someone else's").unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink("a.scores.json", dir.path().join(".a.scores.json.Lnk123.tmp")).unwrap();
        assert_eq!(remove_stale_temps(&path), 2);
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let mut expected: Vec<String> = others.iter().map(|s| s.to_string()).collect();
        #[cfg(unix)]
        expected.push(".a.scores.json.Lnk123.tmp".into());
        expected.sort();
        assert_eq!(left, expected);
    }

    #[test]
    fn failure_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-dir").join("x.json");
        assert!(write_atomic(&path, b"new").is_err());
        let file = dir.path().join("x.json");
        std::fs::write(&file, b"old").unwrap();
        // a directory in the way of the rename: the old content of other files is untouched
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("inner"), b"keep").unwrap();
        assert!(write_atomic(&blocked, b"new").is_err());
        assert_eq!(std::fs::read(&file).unwrap(), b"old");
        assert_eq!(std::fs::read(blocked.join("inner")).unwrap(), b"keep");
    }
}
