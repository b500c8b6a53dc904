//! The recovery journal: every change to a score, note or flag — and the note being typed —
//! is appended as one JSON line beside the scores file and flushed before the next key is
//! handled. On start the journal is replayed over the scores file; after a successful save it
//! is emptied. So `kill -9` at any moment loses nothing that was on screen.

use crate::report::{Node, Report};
use crate::scores::{Entry, Scores};
use serde_json::{Value, json};
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// `q.scores.json` → `q.scores.json.journal`.
pub fn journal_path(scores: &Path) -> PathBuf {
    let mut name = scores.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".journal");
    scores.with_file_name(name)
}

/// An open journal, appending.
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
    /// Lines written since the last fold (so an empty journal is not truncated again and again).
    dirty: bool,
    /// Lines written in all, so a save can tell whether any came after its snapshot.
    written: u64,
}

impl Journal {
    pub fn open(path: &Path) -> io::Result<Journal> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Journal { file, path: path.to_owned(), dirty: true, written: 0 })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends the entry of item `id` as it now is, and flushes it to disk.
    pub fn record(&mut self, id: &str, e: &Entry) -> io::Result<()> {
        self.append(&json!({
            "id": id, "score": e.score, "note": e.note, "flagged": e.flagged, "updated_at": e.updated_at,
        }))
    }

    /// Appends the note being typed for item `id` (not yet a change in the undo history).
    pub fn record_draft(&mut self, id: &str, note: &str) -> io::Result<()> {
        self.append(&json!({ "id": id, "draft_note": note }))
    }

    fn append(&mut self, line: &Value) -> io::Result<()> {
        let mut text = line.to_string();
        text.push('\n');
        self.file.write_all(text.as_bytes())?;
        self.file.sync_data()?;
        self.dirty = true;
        self.written += 1;
        Ok(())
    }

    /// How many lines have been written since it was opened.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Empties the journal once its changes are safely in the scores file.
    pub fn fold(&mut self) -> io::Result<()> {
        if self.dirty {
            self.file.set_len(0)?;
            self.file.sync_data()?;
            self.dirty = false;
        }
        Ok(())
    }
}

/// Replays the journal at `path` over `scores`; returns how many items it changed. Lines that
/// do not parse (a write cut short by a crash) are skipped; ids the report no longer has are
/// ignored (the scores file keeps its own entries for them).
pub fn replay(path: &Path, report: &Report, scores: &mut Scores) -> io::Result<usize> {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if matches!(e.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut changed = std::collections::BTreeSet::new();
    for line in text.lines() {
        let Ok(Value::Object(v)) = serde_json::from_str::<Value>(line) else { continue };
        let Some(Node::Item(i)) = v.get("id").and_then(Value::as_str).and_then(|id| report.find(id)) else {
            continue;
        };
        let e = &mut scores.entries[i];
        if let Some(draft) = v.get("draft_note").and_then(Value::as_str) {
            e.note = draft.to_string();
        } else {
            e.score = v.get("score").and_then(Value::as_f64);
            e.note = v.get("note").and_then(Value::as_str).unwrap_or_default().to_string();
            e.flagged = v.get("flagged").and_then(Value::as_bool).unwrap_or(false);
            e.updated_at = v.get("updated_at").and_then(Value::as_str).map(str::to_string);
        }
        changed.insert(i);
    }
    Ok(changed.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse_report;

    fn report() -> Report {
        parse_report(include_bytes!("../../fixtures/english-sample.json")).unwrap()
    }

    #[test]
    fn records_replay_in_order_and_fold_empties() {
        let dir = tempfile::tempdir().unwrap();
        let path = journal_path(&dir.path().join("r.scores.json"));
        assert!(path.ends_with("r.scores.json.journal"));
        let r = report();
        let mut j = Journal::open(&path).unwrap();
        j.record(&r.items[0].id, &Entry { score: Some(7.0), ..Entry::default() }).unwrap();
        j.record(&r.items[0].id, &Entry { score: Some(6.5), flagged: true, ..Entry::default() }).unwrap();
        j.record_draft(&r.items[1].id, "佐证材料不").unwrap();
        j.record_draft(&r.items[1].id, "佐证材料不足").unwrap();
        j.record("retired-item", &Entry { score: Some(1.0), ..Entry::default() }).unwrap();

        let mut s = Scores::new(&r);
        assert_eq!(replay(&path, &r, &mut s).unwrap(), 2, "two items changed");
        assert_eq!((s.entries[0].score, s.entries[0].flagged), (Some(6.5), true));
        assert_eq!(s.entries[1].note, "佐证材料不足");

        j.fold().unwrap();
        let mut fresh = Scores::new(&r);
        assert_eq!(replay(&path, &r, &mut fresh).unwrap(), 0);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
    }

    #[test]
    fn a_torn_last_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j");
        let r = report();
        let id = &r.items[0].id;
        std::fs::write(&path, format!("{{\"id\":\"{id}\",\"score\":5}}\n{{\"id\":\"{id}\",\"sco")).unwrap();
        let mut s = Scores::new(&r);
        assert_eq!(replay(&path, &r, &mut s).unwrap(), 1);
        assert_eq!(s.entries[0].score, Some(5.0));
    }

    #[test]
    fn no_journal_is_nothing_to_replay() {
        let dir = tempfile::tempdir().unwrap();
        let r = report();
        let mut s = Scores::new(&r);
        assert_eq!(replay(&dir.path().join("none"), &r, &mut s).unwrap(), 0);
    }
}
