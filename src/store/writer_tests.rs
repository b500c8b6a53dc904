use super::*;
use crate::report::{Node, parse_report};
use crate::store::{load_scores, scores_json};
use serde_json::Value;

fn report() -> Arc<Report> {
    Arc::new(parse_report(include_bytes!("../../fixtures/english-sample.json")).unwrap())
}

/// A scores file with items 0 and 1 scored, written by a first writer; the writer that has
/// it open, and the app's scores as read.
fn setup() -> (tempfile::TempDir, PathBuf, Arc<Report>, Writer, Scores) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.scores.json");
    let r = report();
    let mut s = Scores::new(&r);
    s.entries[0].score = Some(7.0);
    s.entries[1].score = Some(6.0);
    Writer::new(path.clone(), Arc::clone(&r), None).save(&s).unwrap();
    let loaded = load_scores(&path, &r).unwrap().unwrap();
    let writer = Writer::new(path.clone(), Arc::clone(&r), Some(&loaded));
    (dir, path, r, writer, loaded.scores)
}

fn file(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Another program edits the file: `edit` changes its JSON, written back in place (a new
/// modification time, maybe a new length).
fn edit_by_hand(path: &Path, edit: impl FnOnce(&mut Value)) {
    let mut v = file(path);
    edit(&mut v);
    // Past the file system's timestamp granularity, so the change is seen even at equal length.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

#[test]
fn without_other_programs_it_just_writes() {
    let (_dir, path, r, mut w, mut ours) = setup();
    ours.entries[2].score = Some(5.0);
    assert_eq!(w.save(&ours).unwrap(), Outcome::default());
    assert_eq!(load_scores(&path, &r).unwrap().unwrap().scores, ours);
}

#[test]
fn an_entry_added_by_hand_is_kept() {
    let (_dir, path, r, mut w, mut ours) = setup();
    edit_by_hand(&path, |v| {
        v["items"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"id": "by-hand", "score": 3, "note": "手工补录"}));
    });
    ours.entries[2].score = Some(5.0);
    let outcome = w.save(&ours).unwrap();
    assert_eq!(outcome.orphans.as_ref().map(|o| o[0].id.as_str()), Some("by-hand"));
    let back = load_scores(&path, &r).unwrap().unwrap().scores;
    assert_eq!(back.orphans.len(), 1, "the hand-added entry survives the save");
    assert_eq!(back.entries[2].score, Some(5.0), "and so does the app's change");
    // The app has not adopted it yet: the next save still keeps it.
    ours.entries[3].score = Some(4.0);
    w.save(&ours).unwrap();
    assert_eq!(load_scores(&path, &r).unwrap().unwrap().scores.orphans.len(), 1);
}

#[test]
fn a_note_edited_by_hand_is_taken_not_reverted() {
    let (_dir, path, r, mut w, mut ours) = setup();
    let id = r.items[1].id.to_string();
    edit_by_hand(&path, |v| v["items"][1]["note"] = "佐证材料不足（手工）".into());
    ours.entries[0].score = Some(8.0);
    let outcome = w.save(&ours).unwrap();
    assert_eq!(outcome.taken.len(), 1);
    let (i, then, theirs) = &outcome.taken[0];
    assert_eq!((*i, then.note.as_str(), theirs.note.as_str()), (1, "", "佐证材料不足（手工）"));
    assert!(outcome.conflicts.is_empty());
    let back = file(&path);
    assert_eq!(back["items"][1]["note"], "佐证材料不足（手工）", "{id}");
    assert_eq!(back["items"][0]["score"], 8);

    // Saves before the app adopts it keep the hand edit…
    ours.entries[2].score = Some(1.0);
    w.save(&ours).unwrap();
    assert_eq!(file(&path)["items"][1]["note"], "佐证材料不足（手工）");
    // …and once the app changes that item itself, its change is what is written.
    ours.entries[1].note = "app's own".into();
    w.save(&ours).unwrap();
    assert_eq!(file(&path)["items"][1]["note"], "app's own");
}

#[test]
fn both_changing_one_entry_keeps_both() {
    let (dir, path, r, mut w, mut ours) = setup();
    edit_by_hand(&path, |v| {
        v["items"][0]["score"] = 2.into();
        v["items"][0]["note"] = "theirs".into();
    });
    ours.entries[0].score = Some(9.0);
    let outcome = w.save(&ours).unwrap();
    assert_eq!(outcome.conflicts, vec![0]);
    let kept = outcome.conflict_file.unwrap();
    assert_eq!(kept, dir.path().join("r.scores.json.conflict"));
    // The other side of what both changed, as a scores file of its own.
    let conflict = load_scores(&kept, &r).unwrap().unwrap().scores;
    assert_eq!(conflict.entries[0].score, Some(2.0));
    assert_eq!(file(&kept)["items"].as_array().unwrap().len(), 1, "only the entry both changed");
    assert_eq!(file(&path)["items"][0]["score"], 9, "the app's side in the scores file");
    assert_eq!(file(&path)["items"][0]["note"], "theirs", "what only they changed is merged in");

    // A second conflict never overwrites the first one's file…
    edit_by_hand(&path, |v| v["items"][0]["score"] = 3.into());
    ours.entries[0].score = Some(9.5);
    let again = w.save(&ours).unwrap();
    assert_eq!(again.conflict_file.unwrap(), dir.path().join("r.scores.json.conflict.2"));
    assert_eq!(load_scores(&kept, &r).unwrap().unwrap().scores.entries[0].score, Some(2.0));
    // …until there are KEEP of them: then the oldest is replaced, and saving goes on.
    for round in 0..crate::store::CONFLICTS_KEPT + 3 {
        edit_by_hand(&path, |v| v["items"][0]["score"] = (round % 5).into());
        ours.entries[0].score = Some(if ours.entries[0].score == Some(9.5) { 10.0 } else { 9.5 });
        let outcome = w.save(&ours).unwrap();
        assert_eq!(outcome.conflicts, vec![0], "round {round}");
    }
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".conflict"))
        .collect();
    assert_eq!(kept.len(), crate::store::CONFLICTS_KEPT, "{kept:?}");
}

#[test]
fn an_unreadable_file_is_not_overwritten_and_a_fixed_one_is_merged() {
    let (_dir, path, r, mut w, mut ours) = setup();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, "{ not json").unwrap();
    ours.entries[0].score = Some(1.0);
    let e = w.save(&ours).unwrap_err();
    assert!(matches!(e, SaveError::NotScores(_)), "{e:?}");
    let e = e.to_string();
    assert!(e.contains("(line 1, column 3: "), "{e}");
    assert!(e.starts_with("not overwritten (") && e.contains("another program changed it"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{ not json");

    let other = br#"{"format": "appraise.scores/1", "report": {"id": "someone-else"}, "items": []}"#;
    std::fs::write(&path, other).unwrap();
    let e = w.save(&ours).unwrap_err().to_string();
    assert!(e.contains("someone-else"), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), other);

    // Fixed (here: the other program puts a good file back): the save goes through.
    let mut good = Scores::new(&r);
    good.entries[0].score = Some(7.0);
    good.entries[1].score = Some(6.0);
    good.entries[5].note = "their note".into();
    std::fs::write(&path, scores_json(&r, &good)).unwrap();
    let outcome = w.save(&ours).unwrap();
    assert_eq!(outcome.taken.iter().map(|t| t.0).collect::<Vec<_>>(), vec![5]);
    assert!(outcome.conflicts.is_empty());
    let back = load_scores(&path, &r).unwrap().unwrap().scores;
    assert_eq!((back.entries[0].score, back.entries[5].note.as_str()), (Some(1.0), "their note"));
}

#[test]
fn a_touch_or_a_deletion_is_no_conflict() {
    let (_dir, path, r, mut w, mut ours) = setup();
    // Rewritten with the same content: a new modification time, nothing to merge.
    let bytes = std::fs::read(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, &bytes).unwrap();
    ours.entries[0].flagged = true;
    assert_eq!(w.save(&ours).unwrap(), Outcome::default());
    // Deleted: written again.
    std::fs::remove_file(&path).unwrap();
    assert_eq!(w.save(&ours).unwrap(), Outcome::default());
    assert_eq!(load_scores(&path, &r).unwrap().unwrap().scores, ours);
    assert!(matches!(r.find(&r.items[0].id), Some(Node::Item(0))));
}
