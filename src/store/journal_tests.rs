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
    let seven = Entry { score: Some(7.0), ..Entry::default() };
    j.record(&r.items[0].id, &Entry::default(), &seven).unwrap();
    j.record(&r.items[0].id, &seven, &Entry { score: Some(6.5), flagged: true, ..Entry::default() }).unwrap();
    j.record_draft(&r.items[1].id, "佐证材料不").unwrap();
    j.record_draft(&r.items[1].id, "佐证材料不足").unwrap();
    j.sync_now().unwrap();

    let mut s = Scores::new(&r);
    let replayed = replay(&path, &r, &mut s).unwrap();
    assert_eq!(replayed.changed, 2, "two items changed");
    assert!(replayed.rejected.is_empty());
    assert_eq!((s.entries[0].score, s.entries[0].flagged), (Some(6.5), true));
    assert_eq!(s.entries[1].note, "佐证材料不足");

    j.fold().unwrap();
    j.sync_now().unwrap();
    let mut fresh = Scores::new(&r);
    assert_eq!(replay(&path, &r, &mut fresh).unwrap().changed, 0);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
    j.remove_if_empty();
    assert!(!path.exists(), "an empty journal goes on a clean exit");
}

#[test]
fn a_line_is_in_the_file_as_soon_as_it_is_recorded() {
    // No fsync waited for: what a killed process leaves is what the kernel has, and it has
    // every line the moment `record` returns.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j");
    let r = report();
    let mut j = Journal::open(&path).unwrap();
    for k in 0..50 {
        j.record_draft(&r.items[0].id, &"字".repeat(k)).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), k + 1);
    }
    assert_eq!(j.written(), 50);
}

#[test]
fn lines_refused_at_replay_are_kept_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let scores = dir.path().join("r.scores.json");
    let path = journal_path(&scores);
    let r = report();
    let id = &r.items[0].id;
    let good = format!(r#"{{"id":"{id}","score":5,"note":"ok","flagged":false,"updated_at":null}}"#);
    let lines = [
        good.clone(),
        format!(r#"{{"id":"{id}","score":999,"note":"佐证材料不足"}}"#),
        format!(r#"{{"id":"{id}","score":0.3}}"#),
        format!(r#"{{"id":"{id}","score":-5}}"#),
        format!(r#"{{"id":"{id}","score":1e308}}"#),
        format!(r#"{{"id":"{id}","score":"7"}}"#),
        format!(r#"{{"id":"{id}","draft_note":42}}"#),
        format!(r#"{{"id":"{id}","flagged":"yes"}}"#),
        r#"{"id":"retired","score":1}"#.to_string(),
        format!(r#"{{"id":"{id}","sco"#),
    ];
    std::fs::write(&path, lines.join("\n")).unwrap();
    let mut s = Scores::new(&r);
    let replayed = replay(&path, &r, &mut s).unwrap();
    assert_eq!(replayed.changed, 1);
    assert_eq!((s.entries[0].score, s.entries[0].note.as_str()), (Some(5.0), "ok"), "only the good line");
    let why: Vec<&str> = replayed.rejected.iter().map(|r| r.why.as_str()).collect();
    let scale = &r.items[0].scale;
    assert_eq!(scale.max, 10.0, "the fixture's scale");
    assert_eq!(
        why,
        [
            format!("item {id}: score 999 is above the maximum 10").as_str(),
            format!("item {id}: score 0.3 is not on the 0.5 step grid from 0 (nearest: 0 or 0.5)").as_str(),
            format!("item {id}: score -5 is below the minimum 0").as_str(),
            format!("item {id}: score 1e308 is above the maximum 10").as_str(),
            format!("item {id}: the score is not a number").as_str(),
            format!("item {id}: draft_note is not text").as_str(),
            format!("item {id}: flagged is not true or false").as_str(),
            "the report has no item retired",
            "not a complete record (a write cut short?)",
        ]
    );
    assert_eq!(replayed.rejected[0].line, 2);

    let kept = keep_rejected(&scores, &replayed.rejected).unwrap();
    assert!(kept.ends_with("r.scores.json.journal.rejected"));
    let text = std::fs::read_to_string(&kept).unwrap();
    assert_eq!(text.lines().count(), 9);
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first["line"], 2);
    assert!(first["text"].as_str().unwrap().contains("佐证材料不足"), "the typed note is kept");
}

#[test]
fn no_journal_is_nothing_to_replay() {
    let dir = tempfile::tempdir().unwrap();
    let r = report();
    let mut s = Scores::new(&r);
    assert_eq!(replay(&dir.path().join("none"), &r, &mut s).unwrap().changed, 0);
}

#[cfg(unix)]
#[test]
fn a_journal_that_is_a_link_is_refused_and_its_target_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("precious.txt");
    std::fs::write(&target, "keep me").unwrap();
    let path = dir.path().join("r.scores.json.journal");
    std::os::unix::fs::symlink(&target, &path).unwrap();
    let e = Journal::open(&path).unwrap_err();
    assert!(e.to_string().contains("is a symbolic link"), "{e}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
}

#[test]
fn a_replay_keeps_what_another_program_changed_while_the_app_was_down() {
    let dir = tempfile::tempdir().unwrap();
    let path = journal_path(&dir.path().join("r.scores.json"));
    let r = report();
    let mut j = Journal::open(&path).unwrap();
    // The app scored item 0 (it was blank) and item 1, then was killed.
    j.record(&r.items[0].id, &Entry::default(), &Entry { score: Some(7.0), ..Entry::default() }).unwrap();
    j.record(&r.items[1].id, &Entry::default(), &Entry { score: Some(4.0), ..Entry::default() }).unwrap();
    j.sync_now().unwrap();
    // Meanwhile another program wrote a note on item 0, and a different score on item 1.
    let mut file = Scores::new(&r);
    file.entries[0].note = "另一个程序的说明".into();
    file.entries[1].score = Some(9.0);
    let mut s = file.clone();
    let replayed = replay(&path, &r, &mut s).unwrap();
    assert_eq!(s.entries[0].score, Some(7.0), "the journal's score");
    assert_eq!(s.entries[0].note, "另一个程序的说明", "and the other program's note");
    assert_eq!(s.entries[1].score, Some(4.0), "both changed the score: the journal's wins");
    assert_eq!(replayed.conflicts, vec![1]);
    assert_eq!(replayed.theirs.unwrap().entries[1].score, Some(9.0), "theirs is handed back to be kept");
}
