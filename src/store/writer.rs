//! The one writer of a scores file while the app has it open, and how it shares the file with
//! other programs: before each save it looks whether the file changed since the app last read
//! or wrote it (its [`Stamp`]: inode, length, modification time), and if so reads it and merges
//! entry by entry instead of overwriting it:
//!
//! - an entry the other program changed and the app did not is taken (the app is told, and
//!   adopts it);
//! - an entry both changed differently is a conflict: the app's is written, the other file is
//!   kept whole in `NAME.scores.json.conflict` (a name no `*.scores.json` scan picks up), and the
//!   app says so on screen;
//! - entries for items the report does not have (orphans) are only ever the file's: the app
//!   never edits them, so whatever the other program left is written back;
//! - a file that cannot be read as scores for this report is not overwritten (the save fails,
//!   and is tried again; the edits stay in memory and in the journal).
//!
//! What the app last wrote is remembered as one hash per entry, not a copy of the scores.
//! (A rename by another program between the look and the write is the one window left; it lasts
//! as long as the write itself.)

use super::scores_file::{Loaded, Stamp, parse_scores, read_stamped, write_scores};
use super::side::open_side;
use super::write_atomic_with;
use crate::report::{ItemIx, Report};
use crate::scores::{Entry, Orphan, Scores};
use crate::text::shown;
use crate::words::errors as w;
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a save found and did beyond writing the app's scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Entries another program changed, taken: the item, the app's entry the save was made
    /// from, and the file's. The app adopts the file's where it still has the former.
    pub taken: Vec<(ItemIx, Entry, Entry)>,
    /// Items both changed differently (the app's entry was written).
    pub conflicts: Vec<ItemIx>,
    /// Where the other program's whole file was kept, when there were conflicts.
    pub conflict_file: Option<PathBuf>,
    /// The file's orphan entries, when another program changed them.
    pub orphans: Option<Vec<Orphan>>,
}

impl Outcome {
    /// True when the save met another program's changes.
    pub fn is_external(&self) -> bool {
        !self.taken.is_empty() || !self.conflicts.is_empty() || self.orphans.is_some()
    }

    /// Adds what a later save met to this one's.
    pub fn absorb(&mut self, later: Outcome) {
        self.taken.extend(later.taken);
        self.conflicts.extend(later.conflicts);
        if later.conflict_file.is_some() {
            self.conflict_file = later.conflict_file;
        }
        if later.orphans.is_some() {
            self.orphans = later.orphans;
        }
    }
}

/// The scores file as the app last left it, and the writes that keep it so.
#[derive(Debug)]
pub struct Writer {
    path: PathBuf,
    report: Arc<Report>,
    /// The file as last read or written; `None` when there was none.
    stamp: Option<Stamp>,
    /// The hash of each entry as the app had it at the last save (or as read at start).
    seen: Vec<u64>,
    /// Entries taken from another program's edit that the app has not adopted yet: written in
    /// place of the app's until the app changes or adopts them.
    taken: BTreeMap<ItemIx, Entry>,
    /// The file's orphan entries.
    orphans: Vec<Orphan>,
}

impl Writer {
    /// The writer of `path` for `report`, starting from the file as `loaded` read it (`None`:
    /// there was no file).
    pub fn new(path: PathBuf, report: Arc<Report>, loaded: Option<&Loaded>) -> Writer {
        let (seen, stamp, orphans) = match loaded {
            Some(l) => (l.scores.entries.iter().map(entry_hash).collect(), l.stamp, l.scores.orphans.clone()),
            None => (vec![entry_hash(&Entry::default()); report.items.len()], None, Vec::new()),
        };
        Writer { path, report, stamp, seen, taken: BTreeMap::new(), orphans }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the app's scores `ours`, merged with any change another program made to the file
    /// since the last read or write. `Err` is one sentence; the file is then as it was.
    pub fn save(&mut self, ours: &Scores) -> Result<Outcome, String> {
        let mut outcome = Outcome::default();
        let hashes: Vec<u64> = ours.entries.iter().map(entry_hash).collect();
        let now = std::fs::metadata(&self.path).ok().map(|m| Stamp::of(&m));
        if now != self.stamp {
            self.merge_theirs(ours, &hashes, &mut outcome)?;
        }
        // The app's own changes since the last save replace anything taken for those items.
        if !self.taken.is_empty() {
            for (i, h) in hashes.iter().enumerate() {
                if *h != self.seen[i] {
                    self.taken.remove(&i);
                }
            }
        }
        let stamp = if self.taken.is_empty() && ours.orphans == self.orphans {
            self.write(ours)
        } else {
            let mut merged = ours.clone();
            for (&i, e) in &self.taken {
                merged.entries[i] = e.clone();
            }
            merged.orphans = self.orphans.clone();
            self.write(&merged)
        }?;
        self.stamp = Some(stamp);
        self.seen = hashes;
        Ok(outcome)
    }

    fn write(&self, scores: &Scores) -> Result<Stamp, String> {
        write_atomic_with(&self.path, |file| write_scores(file, &self.report, scores))
            .map(|meta| Stamp::of(&meta))
            .map_err(|e| {
                w::SAVE_FAILED.fill(&[("why", &crate::io_error::message(&e)), ("path", &shown(&self.path))])
            })
    }

    /// The file changed since the app last read or wrote it: read it and merge what it holds.
    fn merge_theirs(&mut self, ours: &Scores, hashes: &[u64], outcome: &mut Outcome) -> Result<(), String> {
        // The point first: a status bar cuts a long message at the screen's edge.
        let not_overwritten = |why: String| w::NOT_OVERWRITTEN.fill(&[("why", &why)]);
        let (bytes, stamp) = match read_stamped(&self.path) {
            Ok(Some(read)) => read,
            // Gone (deleted or moved away): the next write puts the app's scores back.
            Ok(None) => {
                self.taken.clear();
                return Ok(());
            }
            Err(e) => {
                return Err(not_overwritten(
                    w::CANNOT_READ
                        .fill(&[("path", &shown(&self.path)), ("why", &crate::io_error::message(&e))]),
                ));
            }
        };
        let theirs = match parse_scores(&self.path, &bytes, &self.report) {
            Ok(loaded) => loaded.scores,
            Err(e) => return Err(not_overwritten(e.reason())),
        };
        let mut conflicts = Vec::new();
        for (i, theirs_entry) in theirs.entries.iter().enumerate() {
            let before = self.taken.get(&i).map_or(self.seen[i], entry_hash);
            if entry_hash(theirs_entry) == before {
                continue; // the other program left it as it was
            }
            let ours_changed = hashes[i] != self.seen[i];
            if !ours_changed {
                self.taken.insert(i, theirs_entry.clone());
                outcome.taken.push((i, ours.entries[i].clone(), theirs_entry.clone()));
            } else if *theirs_entry != ours.entries[i] {
                conflicts.push(i);
                self.taken.remove(&i);
            } else {
                self.taken.remove(&i);
            }
        }
        if theirs.orphans != self.orphans {
            self.orphans = theirs.orphans.clone();
            outcome.orphans = Some(theirs.orphans);
        }
        if !conflicts.is_empty() {
            let kept = self.keep_conflict(&bytes).map_err(|e| {
                w::CONFLICT_NOT_KEPT
                    .fill(&[("path", &shown(&self.path)), ("why", &crate::io_error::message(&e))])
            })?;
            outcome.conflicts = conflicts;
            outcome.conflict_file = Some(kept);
        }
        self.stamp = Some(stamp);
        Ok(())
    }

    /// Keeps the other program's file whole, under a name of its own: `NAME.conflict`, else
    /// `NAME.conflict.2`, … — always a new file (never through a link, never over another).
    fn keep_conflict(&self, bytes: &[u8]) -> std::io::Result<PathBuf> {
        for n in 1..1000 {
            let suffix = if n == 1 { ".conflict".to_string() } else { format!(".conflict.{n}") };
            let mut name = self.path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
            name.push(&suffix);
            let path = self.path.with_file_name(name);
            match open_side(&path, std::fs::OpenOptions::new().write(true).create_new(true)) {
                Ok(mut file) => {
                    file.write_all(bytes)?;
                    file.sync_all()?;
                    return Ok(path);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other(w::TOO_MANY_CONFLICTS.get()))
    }
}

/// A hash of everything an entry holds (stable within a run).
fn entry_hash(e: &Entry) -> u64 {
    let mut h = DefaultHasher::new();
    e.score.map(f64::to_bits).hash(&mut h);
    e.note.hash(&mut h);
    e.flagged.hash(&mut h);
    e.updated_at.hash(&mut h);
    h.finish()
}

#[cfg(test)]
#[path = "writer_tests.rs"]
mod tests;
