//! What went wrong with a file, in words: one short, lowercase reason for an I/O error — "no
//! such file", "permission denied", "the disk is full" — without the "(os error 2)" noise, for
//! every message that names a file. Core: used by every layer.

use std::io::{Error, ErrorKind};

/// A short, human reason for `e`, to follow "cannot read FILE: ".
pub fn message(e: &Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => "no such file".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::IsADirectory => "it is a directory".into(),
        ErrorKind::NotADirectory => "a folder on its path is a file".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::QuotaExceeded => "the disk quota is exceeded".into(),
        ErrorKind::FileTooLarge => "the file is over this session's size limit (ulimit -f)".into(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            match chars.next() {
                // "Read-only file system" → "read-only file system", after a colon.
                Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
                    first.to_lowercase().chain(chars).collect()
                }
                _ => text.to_string(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_short_and_lowercase() {
        assert_eq!(message(&Error::from(ErrorKind::NotFound)), "no such file");
        assert_eq!(message(&Error::from_raw_os_error(28)), "the disk is full");
        assert_eq!(
            message(&Error::from_raw_os_error(27)),
            "the file is over this session's size limit (ulimit -f)"
        );
        assert_eq!(message(&Error::from_raw_os_error(30)), "read-only file system");
        assert_eq!(message(&Error::other("EIO")), "EIO", "an acronym keeps its case");
    }
}
