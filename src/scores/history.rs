//! Undo/redo of every change to a score, note or flag, as whole before/after entries.

use super::{Entry, Scores};
use crate::report::ItemIx;

/// One change to one item.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub item: ItemIx,
    pub before: Entry,
    pub after: Entry,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// Applies `after` to `item` and records the change; a change that changes nothing is dropped.
    pub fn apply(&mut self, scores: &mut Scores, item: ItemIx, after: Entry) -> bool {
        let before = scores.entries[item].clone();
        if before.same_content(&after) {
            return false;
        }
        scores.entries[item] = after.clone();
        self.undo.push(Change { item, before, after });
        self.redo.clear();
        true
    }

    /// Reverts the last change; returns it (its item now holds `before` again).
    pub fn undo(&mut self, scores: &mut Scores) -> Option<Change> {
        let change = self.undo.pop()?;
        scores.entries[change.item] = change.before.clone();
        self.redo.push(change.clone());
        Some(change)
    }

    /// Re-applies the last undone change; returns it (its item now holds `after` again).
    pub fn redo(&mut self, scores: &mut Scores) -> Option<Change> {
        let change = self.redo.pop()?;
        scores.entries[change.item] = change.after.clone();
        self.undo.push(change.clone());
        Some(change)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(n: usize) -> Scores {
        Scores { entries: vec![Entry::default(); n], ..Scores::default() }
    }

    fn with_score(v: f64) -> Entry {
        Entry { score: Some(v), ..Entry::default() }
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut s = scores(2);
        let mut h = History::default();
        assert!(h.apply(&mut s, 0, with_score(7.0)));
        let mut noted = s.entries[0].clone();
        noted.note = "佐证不足".into();
        h.apply(&mut s, 0, noted);
        h.apply(&mut s, 1, Entry { flagged: true, ..Entry::default() });

        assert_eq!(h.undo(&mut s).map(|c| c.item), Some(1));
        assert!(!s.entries[1].flagged);
        assert_eq!(h.undo(&mut s).map(|c| c.item), Some(0));
        assert_eq!(s.entries[0].note, "");
        assert_eq!(s.entries[0].score, Some(7.0));
        assert_eq!(h.undo(&mut s).map(|c| c.item), Some(0));
        assert_eq!(s.entries[0].score, None);
        assert_eq!(h.undo(&mut s), None);

        assert_eq!(h.redo(&mut s).map(|c| c.item), Some(0));
        assert_eq!(s.entries[0].score, Some(7.0));
        assert_eq!(h.redo(&mut s).map(|c| c.item), Some(0));
        assert_eq!(s.entries[0].note, "佐证不足");
        assert!(h.can_redo());
    }

    #[test]
    fn new_change_clears_redo() {
        let mut s = scores(1);
        let mut h = History::default();
        h.apply(&mut s, 0, with_score(1.0));
        h.undo(&mut s);
        h.apply(&mut s, 0, with_score(2.0));
        assert!(!h.can_redo());
        assert_eq!(h.redo(&mut s), None);
        assert_eq!(s.entries[0].score, Some(2.0));
    }

    #[test]
    fn no_op_change_is_not_recorded() {
        let mut s = scores(1);
        let mut h = History::default();
        assert!(!h.apply(&mut s, 0, Entry::default()));
        assert!(!h.can_undo());
    }
}
