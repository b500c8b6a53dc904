//! `appraise summary`: totals, percent, grade, progress, section subtotals and the items that
//! need a reason — plain text, nothing written, the refusals.

use crate::sheets_support::{appraise, golden, ok, root, text};

const EN: &str = "fixtures/english-sample.json";
const SD: &str = "fixtures/shaodong-2022.json";

#[test]
fn golden_summaries() {
    golden(
        "summary-english-sample.txt",
        &ok(&["summary", EN, "--scores", "fixtures/scores/english-sample.scores.json"]),
    );
    golden(
        "summary-shaodong-zhangsan.txt",
        &ok(&["summary", SD, "--scores", "fixtures/scores/shaodong-2022.zhangsan.scores.json"]),
    );
}

#[test]
fn totals_sections_and_missing_reasons() {
    let out = text(&ok(&["summary", SD, "--scores", "fixtures/scores/shaodong-2022.zhangsan.scores.json"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "邵东市行政审批服务局 2022 年度部门整体支出绩效自评报告");
    assert!(lines.contains(&"Progress  55 of 59 items scored (93%), 3 flagged"), "{out}");
    assert!(lines.contains(&"Points    207 of 219 (the max of the scored items); full marks 234"), "{out}");
    assert!(lines.contains(&"Percent   94.52%") && lines.contains(&"Grade     优"), "{out}");
    // Subtotals, indented by level, numbers first.
    assert!(lines.contains(&"  33.5/35    7/7    （一）全面优化营商环境，纵深推进“放管服”改革"), "{out}");
    assert!(lines.contains(&"        –    0/3      满意度（10分）"), "{out}");
    // Every item scored below max without the reason the report requires.
    assert!(lines.contains(&"Scored below full marks without the reason the report requires (3):"), "{out}");
    assert!(lines.contains(&"  s3.2      1.5 of 2  绩效管理制度存在缺陷"), "{out}");
    assert!(out.contains("  s6.3.2.2  3 of 5    创新"), "{out}");
    assert!(!out.contains("s2.2.3  "), "s2.2.3 has its reason: {out}");
    assert!(!out.contains('\u{1b}'), "no colour or escapes in a pipe");

    let all_reasons =
        text(&ok(&["summary", SD, "--scores", "fixtures/scores/shaodong-2022.lisi.scores.json"]));
    assert!(all_reasons.contains("Every score below full marks has its reason."), "{all_reasons}");
    assert!(all_reasons.contains("Progress  59 of 59 items scored (100%)"), "{all_reasons}");
}

#[test]
fn partly_scored_quarter_points() {
    let out = text(&ok(&["summary", EN, "--scores", "fixtures/scores/english-sample.scores.json"]));
    assert!(out.contains("Points    15.75 of 19 (the max of the scored items); full marks 69\n"), "{out}");
    assert!(out.contains("Percent   82.89%\nGrade     B\n"), "{out}");
    assert!(out.contains("  3.25/4  1/2    2.2 Adult learning\n"), "{out}");
    assert!(out.contains("       –  0/2  3. Resources and governance\n"), "{out}");
    assert!(!out.contains("without the reason"), "this report does not require reasons");
}

#[test]
fn without_scores_and_with_missing_scores() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("en.json");
    std::fs::copy(root().join(EN), &report).unwrap();
    let out = appraise(&["summary", report.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Scores    none yet"), "{stdout}");
    assert!(stdout.contains("Percent   –\nGrade     –\n"), "{stdout}");
    assert!(!dir.path().join("en.scores.json").exists(), "summary writes nothing");

    let missing = dir.path().join("typo.scores.json");
    let out = appraise(&["summary", EN, "--scores", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim(),
        format!("appraise: cannot read {}: no such file", missing.display())
    );

    let out = appraise(&["summary", SD, "--scores", "fixtures/scores/english-sample.scores.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("holds scores for report \"riverside-library-2023\""));
}

#[test]
fn untrusted_text_is_made_safe() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("r.json");
    std::fs::write(
        &report,
        "{\"id\":\"r\",\"title\":\"Bad \\u001b]0;owned\\u0007 title\",\"sections\":[{\"id\":\"s\",\"title\":\"Two\\nlines\",\"items\":[{\"id\":\"i\",\"text\":\"x\"}]}]}",
    )
    .unwrap();
    let out = text(&ok(&["summary", report.to_str().unwrap()]));
    assert!(out.starts_with("Bad ␛]0;owned␇ title\n"), "{out}");
    assert!(out.contains("Two lines"), "{out}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'));
}

#[test]
fn the_sheets_status_is_told_in_local_time() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("en.json");
    std::fs::copy(root().join(EN), &report).unwrap();
    let scores = dir.path().join("en.scores.json");
    let mut doc: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("fixtures/scores/english-sample.scores.json")).unwrap(),
    )
    .unwrap();
    doc["submitted_at"] = "2026-12-07T23:01:15Z".into();
    std::fs::write(&scores, doc.to_string()).unwrap();
    // The zone pinned by TZ (a POSIX rule: no time zone database needed), so it passes anywhere.
    let run = |tz: &str| {
        let out = crate::support::command()
            .args(["summary", report.to_str().unwrap(), "--scores", scores.to_str().unwrap()])
            .env("TZ", tz)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let beijing = run("CST-8");
    assert!(beijing.contains("Status    submitted 2026-12-08 07:01\n"), "{beijing}");
    let utc = run("UTC0");
    assert!(utc.contains("Status    submitted 2026-12-07 23:01\n"), "{utc}");
    // The file keeps UTC.
    assert!(std::fs::read_to_string(&scores).unwrap().contains("2026-12-07T23:01:15Z"));
}
