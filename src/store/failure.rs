//! What can go wrong writing the scores file or the recovery journal, as data: the app decides
//! on the kind (retry, ask before quitting) and the words are made only where it is shown
//! (`Display`).

use super::scores_file::StoreError;
use crate::io_error::Reason;
use crate::text::shown;
use crate::words::{errors as w, tui as t};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a save did not happen; the scores file is then as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Writing it failed (a full disk, a read-only folder, a size limit).
    Write { path: PathBuf, why: Reason },
    /// Another program changed it and it cannot be read now: not overwritten.
    Unreadable { path: PathBuf, why: Reason },
    /// Another program changed it into something that is not scores for this report: not
    /// overwritten.
    NotScores(StoreError),
    /// Another program's version could not be kept beside it: not overwritten.
    ConflictNotKept { path: PathBuf, why: Reason },
    /// The thread that writes it is gone (it is started again at the next try).
    SaverGone,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The point first: a status bar cuts a long message at the screen's edge.
        let not_overwritten = |why: String| w::NOT_OVERWRITTEN.fill(&[("why", &why)]);
        let text = match self {
            SaveError::Write { path, why } => w::SAVE_FAILED.fill(&[("why", why), ("path", &shown(path))]),
            // The reason first, then the file's name (the info page shows where it is): a status
            // bar cuts a long message at the screen's edge.
            SaveError::Unreadable { path, why } => {
                let name = path
                    .file_name()
                    .map_or_else(|| shown(path).to_string(), |n| shown(Path::new(n)).to_string());
                not_overwritten(w::SAVE_FAILED.fill(&[("why", why), ("path", &name)]))
            }
            SaveError::NotScores(problem) => not_overwritten(problem.reason()),
            SaveError::ConflictNotKept { path, why } => {
                w::CONFLICT_NOT_KEPT.fill(&[("path", &shown(path)), ("why", why)])
            }
            SaveError::SaverGone => t::SAVER_STOPPED.get().to_string(),
        };
        f.write_str(&text)
    }
}

/// Why the recovery journal cannot keep the edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalError {
    /// It could not be opened at start.
    NotOpen(Option<Reason>),
    /// A line could not be written.
    Write(Reason),
    /// Lines could not be made durable (fsync).
    Sync(Reason),
    /// Someone removed or replaced it: what it holds would not come back at the next start.
    Gone { path: PathBuf },
}

impl fmt::Display for JournalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JournalError::NotOpen(Some(why)) | JournalError::Write(why) | JournalError::Sync(why) => {
                write!(f, "{why}")
            }
            JournalError::NotOpen(None) => f.write_str(t::JOURNAL_NOT_OPEN.get()),
            JournalError::Gone { path } => f.write_str(&t::JOURNAL_GONE.fill(&[("path", &shown(path))])),
        }
    }
}
