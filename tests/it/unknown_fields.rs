//! Nothing in a scores file is lost: every field of an entry and of the top level — the ones the
//! app knows and the ones it does not (another program's, a newer version's) — goes through a
//! save, the recovery journal, its replay at the next start and a merge with another program's
//! edit, and comes out with the same value, byte for byte.

use appraise::report::{Node, Report, parse_report};
use appraise::scores::History;
use appraise::store::{Journal, Writer, journal_path, load_scores, replay};
use serde_json::Value;
use std::path::Path;
use std::sync::Arc;

fn report() -> Arc<Report> {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/english-sample.json"));
    Arc::new(parse_report(bytes.unwrap()).unwrap())
}

fn item(r: &Report, id: &str) -> usize {
    match r.find(id) {
        Some(Node::Item(i)) => i,
        other => panic!("{id}: {other:?}"),
    }
}

/// The file as another program wrote it: every field the app knows, and some it does not,
/// with values written in ways a re-encoding would change (`1.50`, `\u00e9`, spaces).
fn written_by_another_program(r: &Report) -> String {
    let first = &r.items[0].id;
    let second = &r.items[1].id;
    format!(
        r#"{{
  "format": "appraise.scores/1",
  "report": {{ "id": "{id}", "sha256": "{sha}" }},
  "evaluator": "张三",
  "submitted_at": "2026-11-26T03:00:00Z",
  "handovers": [ {{ "from": "李四", "to": "张三", "at": "2026-11-25T01:00:00Z", "reason": "sick leave" }} ],
  "reviewed_by": {{ "name": "Ren\u00e9", "weights": [1.50, 2] }},
  "items": [
    {{ "id": "{first}", "score": 4.5, "note": "佐证不足", "flagged": true, "updated_at": "2026-11-26T02:59:41Z",
      "evidence_url": "https://example.org/a?b=1&c=\u00e9", "confidence": 0.750 }},
    {{ "id": "{second}", "score": null }}
  ]
}}
"#,
        id = r.id,
        sha = r.sha256,
    )
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&text(path)).unwrap()
}

/// The unknown fields, as written, are in the file's text.
fn assert_kept(path: &Path, what: &str) {
    let t = text(path);
    for raw in [
        r#""evidence_url": "https://example.org/a?b=1&c=\u00e9""#,
        r#""confidence": 0.750"#,
        r#""reviewed_by": { "name": "Ren\u00e9", "weights": [1.50, 2] }"#,
        r#""reason": "sick leave""#,
    ] {
        assert!(t.contains(raw), "{what}: {raw} is not in the file as written:\n{t}");
    }
}

#[test]
fn every_field_survives_save_journal_replay_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.scores.json");
    let r = report();
    let first = item(&r, &r.items[0].id);
    std::fs::write(&path, written_by_another_program(&r)).unwrap();

    // The app opens it and saves a change: everything it did not change is kept.
    let loaded = load_scores(&path, &r).unwrap().unwrap();
    let mut scores = loaded.scores.clone();
    let mut writer = Writer::new(path.clone(), Arc::clone(&r), Some(&loaded));
    let mut history = History::default();
    let mut changed = scores.entries[first].clone();
    changed.score = Some(5.0);
    assert!(history.apply(&mut scores, first, changed));
    writer.save(&scores).unwrap();
    assert_kept(&path, "after a save");
    let v = json(&path);
    assert_eq!(v["items"][0]["score"], 5.0);
    assert_eq!(v["items"][0]["note"], "佐证不足");
    assert_eq!(v["evaluator"], "张三");
    assert_eq!(v["submitted_at"], "2026-11-26T03:00:00Z");

    // A change that only reached the journal (the app was killed), replayed at the next start.
    let mut journal = Journal::open(&journal_path(&path)).unwrap();
    let mut flagged = scores.entries[first].clone();
    flagged.flagged = false;
    flagged.note = "佐证不足，已补".into();
    journal.record(&r.items[first].id, &scores.entries[first], &flagged).unwrap();
    journal.sync_now().unwrap();
    drop(journal);
    let loaded = load_scores(&path, &r).unwrap().unwrap();
    let mut restarted = loaded.scores.clone();
    let replayed = replay(&journal_path(&path), &r, &mut restarted).unwrap();
    assert_eq!((replayed.changed, replayed.rejected.len()), (1, 0));
    assert_eq!(restarted.entries[first], flagged, "the journal line carries every field");
    let mut writer = Writer::new(path.clone(), Arc::clone(&r), Some(&loaded));
    writer.save(&restarted).unwrap();
    assert_kept(&path, "after a replay");

    // Another program edits the same entry (a field the app left alone) and the top level,
    // while the app changes the score again: both are kept.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let edited = text(&path)
        .replace(r#""evaluator": "张三""#, r#""evaluator": "张三丰""#)
        .replace(r#""confidence": 0.750"#, r#""confidence": 0.900, "checked_by": "script""#);
    std::fs::write(&path, edited).unwrap();
    let mut mine = restarted.entries[first].clone();
    mine.score = Some(3.5);
    restarted.entries[first] = mine;
    let outcome = writer.save(&restarted).unwrap();
    assert!(outcome.conflicts.is_empty(), "different fields are no conflict: {outcome:?}");
    let t = text(&path);
    for raw in [
        r#""confidence": 0.900"#,
        r#""checked_by": "script""#,
        r#""evidence_url": "https://example.org/a?b=1&c=\u00e9""#,
    ] {
        assert!(t.contains(raw), "{raw} after the merge:\n{t}");
    }
    let v = json(&path);
    assert_eq!(v["items"][0]["score"], 3.5, "the app's own change");
    assert_eq!(v["items"][0]["note"], "佐证不足，已补");
    assert_eq!(v["evaluator"], "张三丰", "the other program's edit of the top level");
    assert_eq!(v["reviewed_by"]["weights"], serde_json::json!([1.5, 2]));
    // The app is handed what was written, and adopting it makes the next save a plain write.
    let (_, _, written) = outcome.taken.iter().find(|(i, ..)| *i == first).expect("the merge is handed back");
    assert_eq!(written.extra.get("checked_by").map(|v| v.get()), Some(r#""script""#));
    restarted.entries[first] = written.clone();
    if let Some((_, head)) = outcome.head {
        restarted.head = head;
    }
    let outcome = writer.save(&restarted).unwrap();
    assert!(!outcome.is_external(), "{outcome:?}");
    assert!(text(&path).contains(r#""checked_by": "script""#));
    assert_eq!(json(&path)["evaluator"], "张三丰");
}

#[test]
fn an_entry_another_program_edits_twice_is_taken_both_times() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.scores.json");
    let r = report();
    std::fs::write(&path, written_by_another_program(&r)).unwrap();
    let loaded = load_scores(&path, &r).unwrap().unwrap();
    let mut app = loaded.scores.clone();
    let mut writer = Writer::new(path.clone(), Arc::clone(&r), Some(&loaded));
    for (round, score) in [(1, "2.5"), (2, "1.5"), (3, "0.5")] {
        std::thread::sleep(std::time::Duration::from_millis(20));
        let now = text(&path);
        let at = now.find(r#""score": "#).unwrap() + r#""score": "#.len();
        let end = at + now[at..].find(',').unwrap();
        std::fs::write(&path, format!("{}{score}{}", &now[..at], &now[end..])).unwrap();
        let outcome = writer.save(&app).unwrap();
        assert!(outcome.conflicts.is_empty(), "round {round}: {outcome:?}");
        assert_eq!(json(&path)["items"][0]["score"], score.parse::<f64>().unwrap(), "round {round}");
        // The app adopts what was taken, as App::update does on `External`.
        for (i, then, written) in outcome.taken {
            if app.entries[i] == then {
                app.entries[i] = written;
            }
        }
        assert_eq!(app.entries[0].score, Some(score.parse().unwrap()));
    }
    // None of it is the app's: no conflict file.
    let conflicts = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains("conflict"));
    assert_eq!(conflicts.count(), 0);
}
