//! The recovery journal: every change to a score, note or flag — and the note being typed —
//! is appended as one JSON line beside the scores file before the next key is handled. On
//! start the journal is replayed over the scores file, every line checked as a keystroke would
//! be; after a successful save it is emptied.
//!
//! Durability, kept off the key path: a line is *written* (handed to the kernel) before the
//! next key, so a killed process loses nothing; a thread of its own then *fsyncs* it, grouping
//! the lines that came while the previous fsync ran, so a power cut loses at most the lines of
//! the fsync under way. A slow disk (NFS, a busy home directory) slows the fsyncs, never a key.
//!
//! The journal is a side file (`side.rs`): opened without following a link, only if it is a
//! regular file, and removed only while it is still the file the app opened.

use super::side::{FileId, file_id, open_side, remove_if_same};
use crate::io_error::Reason;
use crate::report::{ItemIx, Node, Report};
use crate::scores::{Entry, Expected, Fields, Row, Scores, check_score, read_entry, string_of};
use crate::words::errors as w;
use serde_json::value::RawValue;
use serde_json::{Value, json};
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

/// `q.scores.json` → `q.scores.json.journal`.
pub fn journal_path(scores: &Path) -> PathBuf {
    with_suffix(scores, ".journal")
}

/// `q.scores.json` → `q.scores.json.journal.rejected`: journal lines refused at replay.
pub fn rejected_path(scores: &Path) -> PathBuf {
    with_suffix(scores, ".journal.rejected")
}

fn with_suffix(scores: &Path, suffix: &str) -> PathBuf {
    let mut name = scores.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(suffix);
    scores.with_file_name(name)
}

/// What the fsync thread and the journal share.
#[derive(Debug, Default)]
struct SyncState {
    /// Lines written so far (a sequence number), and the last one known to be on disk.
    wanted: u64,
    synced: u64,
    /// A failure not yet taken by the app, or `Ok` once syncing works again after one.
    news: Option<Result<(), Reason>>,
    failing: bool,
    stop: bool,
}

#[derive(Debug, Default)]
struct Shared {
    state: Mutex<SyncState>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, SyncState> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// An open journal, appending; its fsyncs run on a thread of their own.
#[derive(Debug)]
pub struct Journal {
    file: Arc<File>,
    path: PathBuf,
    id: Option<FileId>,
    /// The journal's length after the last complete line: a write that fails part-way is cut
    /// back to it, so the next line starts clean.
    len: u64,
    /// Lines written since the last fold (so an empty journal is not truncated again and again).
    dirty: bool,
    /// Lines written in all, so a save can tell whether any came after its snapshot.
    written: u64,
    shared: Arc<Shared>,
    syncer: Option<std::thread::JoinHandle<()>>,
}

impl Journal {
    /// Opens (creating) the journal at `path`; refuses a link or anything not a regular file.
    pub fn open(path: &Path) -> io::Result<Journal> {
        let file = Arc::new(open_side(path, OpenOptions::new().create(true).append(true))?);
        let len = file.metadata()?.len();
        let shared = Arc::new(Shared::default());
        let syncer = {
            let (file, shared) = (Arc::clone(&file), Arc::clone(&shared));
            std::thread::Builder::new()
                .name("journal-sync".into())
                .spawn(move || sync_loop(&file, &shared))?
        };
        Ok(Journal {
            id: file_id(&file),
            file,
            path: path.to_owned(),
            len,
            dirty: true,
            written: 0,
            shared,
            syncer: Some(syncer),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends a change of item `id`: the entry as it was before (the base a replay merges
    /// from, should another program change the file meanwhile) and as it is now (written; its
    /// fsync follows on its thread).
    pub fn record(&mut self, id: &str, before: &Entry, now: &Entry) -> io::Result<()> {
        let line = Change { id, before: Row { id, entry: before }, entry: Row { id, entry: now } };
        self.append_line(serde_json::to_string(&line).map_err(io::Error::other)?)
    }

    /// Appends the note being typed for item `id` (not yet a change in the undo history).
    pub fn record_draft(&mut self, id: &str, note: &str) -> io::Result<()> {
        self.append(&json!({ "id": id, "draft_note": note }))
    }

    fn append(&mut self, line: &Value) -> io::Result<()> {
        self.append_line(line.to_string())
    }

    fn append_line(&mut self, mut text: String) -> io::Result<()> {
        text.push('\n');
        if let Err(e) = (&*self.file).write_all(text.as_bytes()) {
            // Part of the line may be there: cut it off, or the next line would join it.
            let _ = self.file.set_len(self.len);
            return Err(e);
        }
        self.len += text.len() as u64;
        self.dirty = true;
        self.written += 1;
        self.want_sync();
        Ok(())
    }

    fn want_sync(&self) {
        let mut state = self.shared.lock();
        state.wanted += 1;
        self.shared.changed.notify_all();
    }

    /// How many lines have been written since it was opened.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// What the fsync thread has to say since it was last asked: `Err` when an fsync failed
    /// (the lines since the last good one may not survive a power cut), `Ok` when it works
    /// again after a failure.
    pub fn sync_news(&self) -> Option<Result<(), Reason>> {
        self.shared.lock().news.take()
    }

    /// Waits until every line written so far is on disk (or its fsync failed).
    pub fn sync_now(&self) -> Result<(), String> {
        let mut state = self.shared.lock();
        let target = state.wanted;
        while state.synced < target && !state.failing && !state.stop {
            state = self.shared.changed.wait(state).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        if state.synced >= target { Ok(()) } else { Err(w::JOURNAL_NOT_FLUSHED.get().into()) }
    }

    /// Empties the journal once its changes are safely in the scores file (the truncation is
    /// made durable by the fsync thread, like a line).
    pub fn fold(&mut self) -> io::Result<()> {
        if self.dirty {
            self.file.set_len(0)?;
            self.len = 0;
            self.dirty = false;
            self.want_sync();
        }
        Ok(())
    }

    /// On a clean exit: removes the journal if it is empty and still the file opened.
    pub fn remove_if_empty(self) {
        if self.file.metadata().is_ok_and(|m| m.len() == 0) {
            remove_if_same(&self.path, self.id);
        }
    }

    /// True while the journal is still the file at its path (not removed or replaced by
    /// someone): only then does what it holds come back at the next start.
    pub fn still_there(&self) -> bool {
        self.id.is_some() && super::side::path_id(&self.path) == self.id
    }

    /// The journal's identity, for removing it at an exit that runs no destructors.
    pub fn id(&self) -> Option<FileId> {
        self.id
    }
}

impl Drop for Journal {
    fn drop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.changed.notify_all();
        if let Some(syncer) = self.syncer.take() {
            let _ = syncer.join();
        }
    }
}

/// The fsync thread: whenever lines are waiting, one fsync covers all of them.
fn sync_loop(file: &File, shared: &Shared) {
    loop {
        let target = {
            let mut state = shared.lock();
            while state.wanted == state.synced && !state.stop {
                state = shared.changed.wait(state).unwrap_or_else(std::sync::PoisonError::into_inner);
            }
            if state.wanted == state.synced {
                return; // stopping, and nothing left to sync
            }
            state.wanted
        };
        let result = file.sync_data();
        let mut state = shared.lock();
        match result {
            Ok(()) => {
                state.synced = state.synced.max(target);
                if std::mem::replace(&mut state.failing, false) {
                    state.news = Some(Ok(()));
                }
            }
            Err(e) => {
                // Counted as done (the next line tries again) and reported once per failure.
                state.synced = state.synced.max(target);
                if !std::mem::replace(&mut state.failing, true) {
                    state.news = Some(Err(Reason::of(&e)));
                }
            }
        }
        shared.changed.notify_all();
        if state.stop && state.wanted == state.synced {
            return;
        }
    }
}

/// A journal line for a change: `{"id", "before": {…entry…}, "entry": {…entry…}}`, each entry
/// written as the scores file writes one. (Lines written by earlier versions are the entry
/// alone, flat, with no `before`; they are still read.)
#[derive(serde::Serialize)]
struct Change<'a> {
    id: &'a str,
    before: Row<'a>,
    entry: Row<'a>,
}

/// What a replay did: how many items it changed, the lines it refused, and the items both it
/// and another program changed (the file's version of them kept in `theirs`).
#[derive(Debug, Default)]
pub struct Replayed {
    pub changed: usize,
    pub rejected: Vec<Rejected>,
    /// Items whose journaled change and the file's (another program's, made while the app was
    /// down) differ on one field: the journal's is applied.
    pub conflicts: Vec<ItemIx>,
    /// The scores file as it was before the replay, when there were conflicts.
    pub theirs: Option<Scores>,
}

/// A journal line refused at replay, kept (it may hold a typed note) with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    /// 1-based line number in the journal.
    pub line: usize,
    pub text: String,
    pub why: String,
}

/// Replays the journal at `path` over `scores` — the scores file as it is now — each line
/// checked as the keystroke that made it was: a score within the item's scale and on its grid,
/// fields of the right types, an item the report has. Lines that fail are returned (see
/// [`keep_rejected`]), never applied. An item's changes are merged with the file as a live save
/// merges them (`Entry::merge`), from the entry as it was before the first of them: what another
/// program changed in the file while the app was down is kept, and a field both changed is a
/// conflict (the journal's wins; the file's is returned to be kept).
pub fn replay(path: &Path, report: &Report, scores: &mut Scores) -> io::Result<Replayed> {
    let text = match crate::input::read(path, crate::input::Cap::JOURNAL)? {
        Some((bytes, _)) => String::from_utf8_lossy(&bytes).into_owned(),
        None => return Ok(Replayed::default()),
    };
    // Per item: the entry before its first journaled change (when the line says), and after
    // the last.
    let mut changes: std::collections::BTreeMap<ItemIx, (Option<Entry>, Entry)> = Default::default();
    let mut rejected = Vec::new();
    for (k, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match check_line(line, report) {
            Ok((i, Line::Draft(note))) => {
                let (_, now) = changes.entry(i).or_insert_with(|| (None, scores.entries[i].clone()));
                now.note = note;
            }
            Ok((i, Line::Entry { before, entry })) => {
                let slot = changes.entry(i).or_insert_with(|| (before, entry.clone()));
                slot.1 = entry;
            }
            Err(why) => rejected.push(Rejected { line: k + 1, text: line.to_string(), why }),
        }
    }
    let mut conflicts = Vec::new();
    let file = scores.clone();
    for (&i, (before, now)) in &changes {
        let merged = match before {
            Some(base) => {
                let m = Entry::merge(base, now, &file.entries[i]);
                if m.conflict {
                    conflicts.push(i);
                }
                m.value
            }
            None => now.clone(),
        };
        scores.entries[i] = merged;
    }
    let theirs = (!conflicts.is_empty()).then_some(file);
    Ok(Replayed { changed: changes.len(), rejected, conflicts, theirs })
}

enum Line {
    Draft(String),
    Entry { before: Option<Entry>, entry: Entry },
}

/// One journal line, checked: the item it is for and what it sets, or why it is refused. An
/// entry's line is read as the scores file's entry is (`scores::read_entry`), then its score is
/// checked as the keystroke was.
fn check_line(line: &str, report: &Report) -> Result<(usize, Line), String> {
    let cut_short = || w::JOURNAL_CUT_SHORT.get().to_string();
    let raw: &RawValue = serde_json::from_str(line).map_err(|_| cut_short())?;
    let fields = Fields::of(raw).ok().flatten().ok_or_else(cut_short)?;
    let id = fields.get("id").and_then(string_of).ok_or(w::JOURNAL_NO_ID.get())?;
    let i = match report.find(&id) {
        Some(Node::Item(i)) => i,
        Some(Node::Section(_)) => return Err(w::JOURNAL_SECTION.fill(&[("id", &id)])),
        None => return Err(w::JOURNAL_NO_ITEM.fill(&[("id", &id)])),
    };
    let not_text = |field: &str| w::JOURNAL_NOT_TEXT.fill(&[("id", &id), ("field", &field)]);
    if let Some(draft) = fields.get("draft_note") {
        let note = string_of(draft).ok_or_else(|| not_text("draft_note"))?;
        return Ok((i, Line::Draft(note.into_owned())));
    }
    // A change as written now: the entry before and after, each an object of its own.
    let (fields, before) = match (fields.get("entry"), fields.get("before")) {
        (Some(entry), before) => {
            let before = before.and_then(object).map(|f| read_entry(&f)).transpose();
            (object(entry).ok_or_else(cut_short)?, before.ok().flatten())
        }
        (None, _) => (fields, None),
    };
    let mut entry = read_entry(&fields).map_err(|bad| match bad.expected {
        Expected::NumberOrNull | Expected::FiniteNumber => w::JOURNAL_SCORE_NAN.fill(&[("id", &id)]),
        Expected::Bool => {
            let args: [(&str, &dyn std::fmt::Display); 4] =
                [("id", &id), ("field", &bad.field), ("t", &"true"), ("f", &"false")];
            w::JOURNAL_NOT_BOOL.fill(&args)
        }
        _ => not_text(&bad.field),
    })?;
    if let Some(value) = entry.score {
        let checked = check_score(value, &report.items[i].scale)
            .map_err(|why| w::JOURNAL_SCORE_OFF.fill(&[("id", &id), ("why", &why)]))?;
        entry.score = Some(checked);
    }
    Ok((i, Line::Entry { before, entry }))
}

/// The fields of `raw` when it is an object.
fn object(raw: &RawValue) -> Option<Fields<'_>> {
    Fields::of(raw).ok().flatten()
}

/// Appends refused lines to `NAME.scores.json.journal.rejected` (a side file: never through a
/// link), each as `{"line": N, "why": "…", "text": "the line as it was"}`; returns its path.
pub fn keep_rejected(scores: &Path, rejected: &[Rejected]) -> io::Result<PathBuf> {
    let path = rejected_path(scores);
    let mut out = String::new();
    for r in rejected {
        out.push_str(&json!({ "line": r.line, "why": r.why, "text": r.text }).to_string());
        out.push('\n');
    }
    let mut file = open_side(&path, OpenOptions::new().create(true).append(true))?;
    file.write_all(out.as_bytes())?;
    file.sync_data()?;
    Ok(path)
}

#[cfg(test)]
#[path = "journal_tests.rs"]
mod tests;
