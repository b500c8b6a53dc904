//! `appraise search REPORT QUERY [--json] [--limit N] [--color WHEN]`: the search box's ranked
//! hits from the shell, plain (tab-separated, coloured on a terminal) or JSON, exit 1 when
//! nothing matches, and its refusals.

use crate::sheets_support::{appraise, ok, root, text};
use serde_json::Value;

const EN: &str = "fixtures/english-sample.json";
const SD: &str = "fixtures/shaodong-2022.json";

fn json(args: &[&str]) -> Vec<Value> {
    let out = text(&ok(args));
    match serde_json::from_str::<Value>(&out) {
        Ok(Value::Array(hits)) => hits,
        other => panic!("not a JSON array: {other:?}\n{out}"),
    }
}

#[test]
fn plain_output_is_a_line_per_hit_best_first() {
    let out = text(&ok(&["search", SD, "网办"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 3, "{out}");
    // Chars typed together first: 全程网办 before 网信办's scattered 网…办.
    // Four fields separated by tabs: id, kind, place (the sections › the title), matched text
    // (empty when the match is in the title or the id).
    for line in &lines {
        assert_eq!(line.split('\t').count(), 4, "{line:?}");
    }
    let first: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(first[..2], ["s2.1.3", "item"], "{out}");
    assert!(first[2].starts_with("二、部门（单位）整体支出绩效状况 › "), "{out}");
    assert!(first[2].ends_with("提高全程网办率"), "{out}");
    assert_eq!(first[3], "", "a title hit shows no text: {out}");
    let together = lines.iter().position(|l| l.starts_with("s2.1.3\t")).unwrap();
    let scattered = lines.iter().position(|l| l.starts_with("s2.3.2\t")).unwrap();
    assert!(together < scattered, "{out}");
    // A text hit shows the matched text, in the fourth field.
    assert!(
        lines.iter().any(|l| l.starts_with("s2.1.2\t") && l.split('\t').nth(3).unwrap().contains("全程网办")),
        "{out}"
    );
    // No colour in a pipe.
    assert!(!out.contains('\u{1b}'));
}

/// Bold red, as grep and rg mark a match, and the reset after it.
const RED: &str = "\x1b[1m\x1b[31m";
const RESET: &str = "\x1b[0m";

#[test]
fn matched_chars_are_coloured_when_asked_or_on_a_terminal() {
    let out = text(&ok(&["search", SD, "网办", "--color=always", "--limit", "1"]));
    assert!(out.contains(&format!("提高全程{RED}网办{RESET}率")), "{out:?}");
    let out = text(&ok(&["search", SD, "网办", "--color", "never", "--limit", "1"]));
    assert!(!out.contains('\u{1b}'), "{out:?}");
    // Matched text beyond the title, and an id.
    let out = text(&ok(&["search", SD, "s2.1.3", "--color=always", "--limit", "1"]));
    assert!(out.starts_with(&format!("{RED}s2.1.3{RESET}\t")), "{out:?}");
    // `always` wins over NO_COLOR, as no-color.org lets a flag do.
    let out = appraise_with(&["search", SD, "网办", "--color=always"], &[("NO_COLOR", "1")]);
    assert!(text(&out.stdout).contains(RED), "{}", text(&out.stdout));

    // `auto` (the default) on a terminal: coloured, unless NO_COLOR or TERM=dumb says not.
    let on_a_terminal = |env: &[(&str, &str)]| {
        let sb = crate::support::Sandbox::new();
        let report = root().join(SD);
        let mut tui = sb.spawn_with_env(&["search", report.to_str().unwrap(), "网办", "--limit", "1"], env);
        let end = tui.wait_end();
        assert_eq!(end, Some(Ok(0)), "{}", tui.output());
        String::from_utf8_lossy(&tui.raw_output()).into_owned()
    };
    let raw = on_a_terminal(&[]);
    assert!(raw.contains(&format!("{RED}网办{RESET}")), "{raw:?}");
    for env in [("NO_COLOR", "1"), ("TERM", "dumb")] {
        let raw = on_a_terminal(&[env]);
        assert!(raw.contains("提高全程网办率") && !raw.contains('\u{1b}'), "{env:?}: {raw:?}");
    }
    // An empty NO_COLOR is no request (no-color.org).
    let raw = on_a_terminal(&[("NO_COLOR", "")]);
    assert!(raw.contains(RED), "{raw:?}");
}

fn appraise_with(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = crate::support::command();
    cmd.args(args).current_dir(root());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn plain_output_speaks_the_interface_language() {
    let zh = |query: &str| {
        let out = crate::support::command()
            .env("LC_ALL", "zh_CN.UTF-8")
            .args(["search", SD, query])
            .current_dir(root())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        text(&out.stdout)
    };
    let out = zh("s2.1.3");
    assert!(out.starts_with("s2.1.3\t评分项\t"), "{out}");
    let out = zh("s2.1");
    assert!(out.starts_with("s2.1\t章节\t二、部门（单位）整体支出绩效状况 › （一）"), "{out}");
}

#[test]
fn json_has_ids_paths_titles_and_positions() {
    let hits = json(&["search", SD, "网办", "--json"]);
    let first = &hits[0];
    assert_eq!(first["id"], "s2.1.3");
    assert_eq!(first["kind"], "item");
    assert_eq!(first["path"][0], "二、部门（单位）整体支出绩效状况");
    assert_eq!(first["title"], "提高全程网办率");
    assert_eq!(first["field"], "title");
    assert_eq!(first["text"], "提高全程网办率");
    assert_eq!(first["positions"], serde_json::json!([4, 5]));
    // Positions are char offsets into the text.
    for hit in &hits {
        let chars: Vec<char> = hit["text"].as_str().unwrap().chars().collect();
        let positions: Vec<usize> =
            hit["positions"].as_array().unwrap().iter().map(|p| p.as_u64().unwrap() as usize).collect();
        assert!(!positions.is_empty(), "{hit}");
        let matched: String = positions.iter().map(|&p| chars[p]).collect();
        assert!(matched.contains('网') && matched.contains('办'), "{hit}");
    }
    // A section, and an id.
    let hits = json(&["search", SD, "s2.1", "--json"]);
    assert_eq!(hits[0]["id"], "s2.1");
    assert_eq!(hits[0]["kind"], "section");
    assert_eq!(hits[0]["field"], "id");
    assert_eq!(hits[0]["positions"], serde_json::json!([0, 1, 2, 3]));
    assert!(hits[1..].iter().all(|h| h["id"].as_str().unwrap().starts_with("s2.1.")));
    // English, with operators.
    let hits = json(&["search", EN, "'read !^the", "--json"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        let t = hit["text"].as_str().unwrap().to_lowercase();
        assert!(t.contains("read"), "{hit}");
    }
}

#[test]
fn limit_keeps_the_best() {
    let all = json(&["search", SD, "网办", "--json"]);
    let two = json(&["search", SD, "网办", "--json", "--limit", "2"]);
    assert_eq!(two.len(), 2);
    assert_eq!(two[..], all[..2]);
    let out = text(&ok(&["search", SD, "网办", "--limit", "1"]));
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn no_hits_is_exit_1_and_nothing_said() {
    for (args, stdout) in [
        (&["search", SD, "zzzqqq", "--json"][..], "[]\n"),
        (&["search", SD, "zzzqqq"], ""),
        (&["search", SD, "   ", "--json"], "[]\n"),
        (&["search", SD, "网办", "--limit", "0"], ""),
    ] {
        let out = appraise(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(text(&out.stdout), stdout, "{args:?}");
        assert_eq!(text(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn a_bad_report_is_bad_input() {
    let out = appraise(&["search", "fixtures/no-such-report.json", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-report.json"));
    assert!(out.stdout.is_empty());
    let out = appraise(&["search", SD]);
    assert_eq!(out.status.code(), Some(2), "the query is required");
    let out = appraise(&["search", SD, "x", "--limit", "many"]);
    assert_eq!(out.status.code(), Some(2));
}
