//! What went wrong with a file, in words: one short, lowercase reason for an I/O error — "no
//! such file", "permission denied", "the disk is full" — without the "(os error 2)" noise, for
//! every message that names a file. Core: used by every layer.

use crate::lang::Lang;
use crate::words::errors as w;
use std::io::{Error, ErrorKind};

/// A short, human reason for `e`, to follow "cannot read FILE: ", in the interface's language.
pub fn message(e: &Error) -> String {
    Reason::of(e).to_string()
}

/// Why an I/O operation failed, kept as data — its kind, the system's error code, and the
/// program's own sentence or the system's words — so it can travel (to the app, in an action)
/// and become words where it is shown: [`message`]'s reason, by `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    kind: ErrorKind,
    os: Option<i32>,
    /// The words are the program's own (a refusal in a side file, say), already in the
    /// interface's language.
    own: bool,
    /// The system's own words, in English.
    system: String,
}

impl Reason {
    pub fn of(e: &Error) -> Reason {
        Reason { kind: e.kind(), os: e.raw_os_error(), own: e.get_ref().is_some(), system: system_text(e) }
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl From<&Error> for Reason {
    fn from(e: &Error) -> Reason {
        Reason::of(e)
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words())
    }
}

impl Reason {
    fn words(&self) -> String {
        // The program's own sentence says it best (a file over its cap, a FIFO refused).
        if self.own {
            return self.system.clone();
        }
        let known = match self.kind {
            ErrorKind::NotFound => Some(w::IO_NOT_FOUND),
            ErrorKind::PermissionDenied => Some(w::IO_PERMISSION),
            ErrorKind::IsADirectory => Some(w::IO_IS_DIRECTORY),
            ErrorKind::NotADirectory => Some(w::IO_NOT_A_DIRECTORY),
            ErrorKind::StorageFull => Some(w::IO_DISK_FULL),
            ErrorKind::QuotaExceeded => Some(w::IO_QUOTA),
            ErrorKind::FileTooLarge => Some(w::IO_FILE_TOO_LARGE),
            _ => None,
        };
        if let Some(word) = known {
            return word.get().to_string();
        }
        if crate::words::lang() == Lang::En {
            return self.system.clone();
        }
        let chinese = match self.kind {
            ErrorKind::ReadOnlyFilesystem => w::IO_READ_ONLY_FS,
            ErrorKind::TimedOut => w::IO_TIMED_OUT,
            ErrorKind::AlreadyExists => w::IO_EXISTS,
            ErrorKind::Interrupted => w::IO_INTERRUPTED,
            ErrorKind::WouldBlock => w::IO_WOULD_BLOCK,
            ErrorKind::InvalidData => w::IO_INVALID_DATA,
            ErrorKind::UnexpectedEof => w::IO_UNEXPECTED_EOF,
            ErrorKind::OutOfMemory => w::IO_OUT_OF_MEMORY,
            ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => w::IO_BUSY,
            ErrorKind::DirectoryNotEmpty => w::IO_NOT_EMPTY,
            ErrorKind::CrossesDevices => w::IO_CROSSES_DEVICES,
            ErrorKind::InvalidFilename => w::IO_BAD_FILE_NAME,
            ErrorKind::TooManyLinks => w::IO_TOO_MANY_LINKS,
            ErrorKind::StaleNetworkFileHandle => w::IO_STALE,
            ErrorKind::BrokenPipe => w::IO_BROKEN_PIPE,
            ErrorKind::WriteZero => w::IO_WRITE_ZERO,
            ErrorKind::Unsupported => w::IO_UNSUPPORTED,
            #[cfg(unix)]
            _ if self.os == Some(libc::EIO) => w::IO_EIO,
            _ => {
                return match self.os {
                    Some(code) => w::IO_OS_ERROR.fill(&[("code", &code)]),
                    None => w::IO_OTHER.get().to_string(),
                };
            }
        };
        chinese.get().to_string()
    }
}

/// For a message that has always quoted the system's own words (`No such file or directory (os
/// error 2)`): those words in English, as ever; in Chinese, [`message`]'s short reason.
pub fn detail(e: &Error) -> String {
    match crate::words::lang() {
        Lang::En => e.to_string(),
        Lang::Zh => message(e),
    }
}

/// The system's own words for `e` (English), without the "(os error N)" and lowercased after
/// a colon: "Read-only file system" → "read-only file system"; an acronym keeps its case.
fn system_text(e: &Error) -> String {
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
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

    #[test]
    fn reasons_in_chinese_have_no_english() {
        let _zh = crate::words::pin(Lang::Zh);
        assert_eq!(message(&Error::from(ErrorKind::NotFound)), "文件不存在");
        assert_eq!(message(&Error::from_raw_os_error(30)), "文件系统是只读的");
        assert_eq!(message(&Error::from_raw_os_error(5)), "输入/输出错误", "EIO");
        assert_eq!(message(&Error::from_raw_os_error(71)), "系统错误（错误码 71）", "EPROTO");
        assert_eq!(message(&Error::other("另一句话")), "另一句话", "the program's own sentence");
        assert_eq!(detail(&Error::from_raw_os_error(2)), "文件不存在");
    }

    #[test]
    fn the_detail_in_english_is_the_systems_own() {
        let _en = crate::words::pin(Lang::En);
        assert_eq!(detail(&Error::from_raw_os_error(2)), "No such file or directory (os error 2)");
    }
}
