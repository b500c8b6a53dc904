//! The one writer of a scores file while the app has it open, and how it shares the file with
//! other programs: before each save it looks whether the file changed since the app last read
//! or wrote it (its [`Stamp`]: inode, length, modification time), and if so reads it and merges
//! instead of overwriting it. The merge is three-way, field by field, from the *base* — the
//! file as the app last read or wrote it (`scores::Entry::merge`, `scores::Head::merge`):
//!
//! - a field another program changed and the app did not is taken, and what is written is
//!   handed back to the app to adopt; from then on it is the base, so the same program's next
//!   edit of it is taken again, never counted as the app's;
//! - a field both changed differently is a conflict: the app's is written, the other file is
//!   kept whole in `NAME.scores.json.conflict` (a name no `*.scores.json` scan picks up), and the
//!   app says so on screen;
//! - fields the app does not know, in entries and at the top level, are merged like the rest;
//! - entries for items the report does not have (orphans) are only ever the file's: the app
//!   never edits them, so whatever the other program left is written back;
//! - a file that cannot be read as scores for this report is not overwritten (the save fails,
//!   and is tried again; the edits stay in memory and in the journal).
//!
//! (A rename by another program between the look and the write is the one window left; it lasts
//! as long as the write itself.)

use super::failure::SaveError;
use super::scores_file::{Loaded, Stamp, parse_scores, read_stamped, write_scores};
use super::write_atomic_with;
use crate::io_error::Reason;
use crate::report::{ItemIx, Report};
use crate::scores::{Entry, Head, Orphan, Scores};
use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a save found and did beyond writing the app's scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Entries written other than the app had them, because another program changed them: the
    /// item, the app's entry the save was made from, and what was written (the merge). The app
    /// adopts what was written where it still has the former.
    pub taken: Vec<(ItemIx, Entry, Entry)>,
    /// Items both changed differently (the app's entry was written).
    pub conflicts: Vec<ItemIx>,
    /// Where the other program's whole file was kept, when there were conflicts.
    pub conflict_file: Option<PathBuf>,
    /// The file's orphan entries, when another program changed them.
    pub orphans: Option<Vec<Orphan>>,
    /// The head written in place of the app's (another program changed it): the app's it was
    /// merged from, and what was written, for the app to adopt.
    pub head: Option<(Head, Head)>,
}

impl Outcome {
    /// True when the save met another program's changes.
    pub fn is_external(&self) -> bool {
        !self.taken.is_empty() || !self.conflicts.is_empty() || self.orphans.is_some() || self.head.is_some()
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
        if later.head.is_some() {
            self.head = later.head;
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
    /// Each entry as the file held it when last read or written: the base of a merge.
    base: Vec<Entry>,
    /// Their hashes, to find what changed without comparing whole entries.
    base_hash: Vec<u64>,
    /// The file's top level (the evaluator's part) as last read or written.
    base_head: Head,
    /// Entries written in place of the app's, which the app has yet to adopt (they hold what
    /// another program changed): the app's entry they replace, and what was written.
    pending: BTreeMap<ItemIx, Pending>,
    /// The same for the head.
    pending_head: Option<Pending<Head>>,
    /// The file's orphan entries.
    orphans: Vec<Orphan>,
}

/// Something written in place of the app's own: the app's version it was merged from, and the
/// merge.
#[derive(Debug, Clone)]
struct Pending<T = Entry> {
    before: T,
    written: T,
}

impl Writer {
    /// The writer of `path` for `report`, starting from the file as `loaded` read it (`None`:
    /// there was no file).
    pub fn new(path: PathBuf, report: Arc<Report>, loaded: Option<&Loaded>) -> Writer {
        let (base, stamp, orphans, head) = match loaded {
            Some(l) => (l.scores.entries.clone(), l.stamp, l.scores.orphans.clone(), l.scores.head.clone()),
            None => (vec![Entry::default(); report.items.len()], None, Vec::new(), Head::default()),
        };
        Writer {
            path,
            report,
            stamp,
            base_hash: base.iter().map(entry_hash).collect(),
            base,
            base_head: head,
            pending: BTreeMap::new(),
            pending_head: None,
            orphans,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the app's scores `ours`, merged with any change another program made to the file
    /// since the last read or write. On `Err` the file is as it was.
    pub fn save(&mut self, ours: &Scores) -> Result<Outcome, SaveError> {
        let mut outcome = Outcome::default();
        let mut merged = self.rebase(ours);
        if Stamp::at(&self.path) != self.stamp {
            self.merge_theirs(ours, &mut merged, &mut outcome)?;
        }
        if ours.orphans != self.orphans {
            merged.get_or_insert_with(|| ours.clone()).orphans = self.orphans.clone();
        }
        let written = merged.as_ref().unwrap_or(ours);
        let stamp = self.write(written)?;
        self.stamp = Some(stamp);
        super::lock::renew_identity(&self.path);
        // What was written is the base from now on.
        for (i, entry) in written.entries.iter().enumerate() {
            let h = entry_hash(entry);
            if h != self.base_hash[i] {
                self.base[i] = entry.clone();
                self.base_hash[i] = h;
            }
        }
        self.base_head = written.head.clone();
        if let Some(merged) = &merged {
            self.hand_back(ours, merged, &mut outcome);
        }
        Ok(outcome)
    }

    /// Looks whether another program changed the file and, if so, merges it as a save would —
    /// without writing: what it changed is handed to the app to adopt (the file, as it is, is
    /// the base from now on). A script that writes the file is seen within a look's interval,
    /// not only at the app's next save.
    pub fn look(&mut self, ours: &Scores) -> Result<Outcome, SaveError> {
        let mut outcome = Outcome::default();
        if Stamp::at(&self.path) == self.stamp {
            return Ok(outcome);
        }
        let mut merged = self.rebase(ours);
        self.merge_theirs(ours, &mut merged, &mut outcome)?;
        super::lock::renew_identity(&self.path);
        if let Some(merged) = &merged {
            self.hand_back(ours, merged, &mut outcome);
        }
        Ok(outcome)
    }

    /// What the app means now: its entries, with what was taken for it and not yet adopted
    /// (`None`: just its own).
    fn rebase(&mut self, ours: &Scores) -> Option<Scores> {
        let mut merged: Option<Scores> = None;
        for (i, p) in std::mem::take(&mut self.pending) {
            let app = &ours.entries[i];
            if *app == p.written {
                continue; // adopted
            }
            let written = if *app == p.before {
                p.written
            } else {
                // Changed by the app since: its change, on top of what was taken.
                Entry::merge(&p.before, app, &p.written).value
            };
            merged.get_or_insert_with(|| ours.clone()).entries[i] = written;
        }
        let pending_head = self.pending_head.take().and_then(|p| {
            let app = &ours.head;
            if *app == p.written {
                None
            } else if *app == p.before {
                Some(p.written)
            } else {
                Some(Head::merge(&p.before, app, &p.written).value)
            }
        });
        if let Some(head) = pending_head {
            merged.get_or_insert_with(|| ours.clone()).head = head;
        }
        merged
    }

    /// Hands what differs between the app's scores and `merged` back to the app to adopt (and
    /// keeps it in place of the app's own until it does).
    fn hand_back(&mut self, ours: &Scores, merged: &Scores, outcome: &mut Outcome) {
        for (i, (app, entry)) in ours.entries.iter().zip(&merged.entries).enumerate() {
            if app != entry {
                self.pending.insert(i, Pending { before: app.clone(), written: entry.clone() });
                outcome.taken.push((i, app.clone(), entry.clone()));
            }
        }
        if merged.head != ours.head {
            self.pending_head = Some(Pending { before: ours.head.clone(), written: merged.head.clone() });
            outcome.head = Some((ours.head.clone(), merged.head.clone()));
        }
    }

    fn write(&self, scores: &Scores) -> Result<Stamp, SaveError> {
        write_atomic_with(&self.path, |file| write_scores(file, &self.report, scores))
            .map(|meta| Stamp::of(&meta))
            .map_err(|e| SaveError::Write { path: self.path.clone(), why: Reason::of(&e) })
    }

    /// The file changed since the app last read or wrote it: read it and merge what it holds
    /// into what is to be written (`merged`, or the app's `ours` until something differs).
    fn merge_theirs(
        &mut self,
        ours: &Scores,
        merged: &mut Option<Scores>,
        outcome: &mut Outcome,
    ) -> Result<(), SaveError> {
        let (bytes, stamp) = match read_stamped(&self.path) {
            Ok(Some(read)) => read,
            // Gone (deleted or moved away): the next write puts the app's scores back.
            Ok(None) => return Ok(()),
            Err(e) => return Err(SaveError::Unreadable { path: self.path.clone(), why: Reason::of(&e) }),
        };
        let theirs = parse_scores(&self.path, &bytes, &self.report).map_err(SaveError::NotScores)?.scores;
        let mut conflicts = Vec::new();
        for (i, entry) in theirs.entries.iter().enumerate() {
            let h = entry_hash(entry);
            if h == self.base_hash[i] {
                continue; // the other program left it as it was
            }
            let mine = merged.as_ref().map_or(&ours.entries[i], |m| &m.entries[i]);
            let m = Entry::merge(&self.base[i], mine, entry);
            if m.conflict {
                conflicts.push(i);
            }
            if m.value != *mine {
                merged.get_or_insert_with(|| ours.clone()).entries[i] = m.value;
            }
            // The file holds theirs now: the base of the next merge.
            self.base[i] = entry.clone();
            self.base_hash[i] = h;
        }
        let mut head_conflict = false;
        if theirs.head != self.base_head {
            let mine = merged.as_ref().map_or(&ours.head, |m| &m.head);
            let m = Head::merge(&self.base_head, mine, &theirs.head);
            head_conflict = m.conflict;
            if m.value != *mine {
                merged.get_or_insert_with(|| ours.clone()).head = m.value;
            }
            self.base_head = theirs.head.clone();
        }
        if theirs.orphans != self.orphans {
            self.orphans = theirs.orphans.clone();
            outcome.orphans = Some(theirs.orphans.clone());
        }
        if !conflicts.is_empty() || head_conflict {
            let kept = super::conflict::keep(&self.path, &self.report, &theirs, &conflicts)
                .map_err(|e| SaveError::ConflictNotKept { path: self.path.clone(), why: Reason::of(&e) })?;
            outcome.conflicts = conflicts;
            outcome.conflict_file = Some(kept);
        }
        self.stamp = Some(stamp);
        Ok(())
    }
}

/// A hash of everything an entry holds (stable within a run).
fn entry_hash(e: &Entry) -> u64 {
    let mut h = DefaultHasher::new();
    e.hash(&mut h);
    h.finish()
}

#[cfg(test)]
#[path = "writer_tests.rs"]
mod tests;
