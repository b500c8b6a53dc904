//! An evaluation of 200 generated reports of 300 items (≈ 34 MB; `gen --items 300 --seed K`,
//! report files used as they are) with three evaluators' scores each (600 scores files), after
//! `appraise init` (the warm case: what every later command meets). Measured, alternately in
//! the same run, medians, each a new process:
//!
//! - `appraise summary DIR --json` (budget, issue 29: well under 1.5 s), and with `--evaluator`;
//! - Python's `json` module reading the 200 report files (`python3 -c …`), the reference;
//!
//! then, in this process, what the list view (`appraise DIR`) needs for its rows:
//! `Evaluation::open` (settings and the scan), every report prepared from the cache, and every
//! report's status from the evaluators' files (the first frame's budget, under 1 s, as a bound).
//!
//!     cargo bench --bench evaluation                          # 200 reports, 15 rounds
//!     cargo bench --bench evaluation -- --quick               # 5 rounds
//!     APPRAISE_BENCH_REPORTS=50 cargo bench --bench evaluation
//!
//! A benchmark, not a test: it asserts nothing about time.

// Tests print paths only in their own failure messages (the app prints them with text::shown).
#![allow(clippy::disallowed_methods)]

mod common;

use appraise::evaluation::{Evaluation, prepare, status};
use appraise::scores::{Entry, Scores};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Items per report (the figure).
const ITEMS: usize = 300;
const EVALUATORS: [&str; 3] = ["张三", "李四", "王五"];

fn reports() -> usize {
    std::env::var("APPRAISE_BENCH_REPORTS").ok().and_then(|n| n.parse().ok()).unwrap_or(200)
}

/// The folder: `n` reports (`gen --items 300 --seed K`), each scored by three evaluators
/// (all items but a few, a different grid step each), one of them submitted.
fn build(dir: &Path, n: usize) -> (f64, f64) {
    let (mut reports, mut scores_bytes) = (0, 0);
    for k in 0..n {
        let json = appraise::generate::report_json(ITEMS, k as u64 + 1);
        let path = dir.join(format!("r{k:03}.json"));
        std::fs::write(&path, &json).unwrap();
        reports += json.len();
        let report = appraise::report::parse_report(json.into_bytes()).unwrap();
        for (e, name) in EVALUATORS.iter().enumerate() {
            let mut scores = Scores::new(&report);
            scores.head.evaluator = Some((*name).into());
            if e == 0 {
                scores.head.submitted_at = Some("2026-12-01T08:00:00Z".into());
            }
            for (i, (item, entry)) in report.items.iter().zip(&mut scores.entries).enumerate() {
                if (i + e + k) % 50 == 0 {
                    continue;
                }
                let s = item.scale;
                let steps = ((s.max - s.min) / s.step).floor() as usize;
                *entry = Entry {
                    score: Some(s.min + s.step * ((i * 7 + e * 3 + k) % (steps + 1)) as f64),
                    note: if i % 3 == 0 {
                        format!("扣分原因：佐证材料不足 ({name}, {i})")
                    } else {
                        String::new()
                    },
                    flagged: false,
                    updated_at: Some("2026-12-01T08:00:00Z".into()),
                    extra: Default::default(),
                };
            }
            let file = dir.join(format!("r{k:03}.{name}.scores.json"));
            let text = appraise::store::scores_json(&report, &scores);
            scores_bytes += text.len();
            std::fs::write(file, text).unwrap();
        }
    }
    (reports as f64 / 1e6, scores_bytes as f64 / 1e6)
}

/// One `appraise summary DIR --json` in a new process, its wall time (ms).
fn summary_ms(dir: &Path, extra: &[&str]) -> f64 {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_appraise"))
        .args(["summary", "--json"])
        .arg(dir)
        .args(extra)
        .env("LC_ALL", "C.UTF-8")
        .stderr(Stdio::inherit())
        .output()
        .expect("run appraise");
    let ms = common::ms(t.elapsed());
    assert!(out.status.success(), "appraise summary failed");
    ms
}

/// Python reading the report files of `dir` (`r000.json` …, not the scores) with its `json`
/// module, in a new process: its wall time (ms), start-up included as for ours.
fn python_ms(dir: &Path) -> f64 {
    let script = "import glob, json, sys\n\
                  n = 0\n\
                  for f in sorted(glob.glob(sys.argv[1] + '/r[0-9][0-9][0-9].json')):\n\
                  \x20   with open(f, encoding='utf-8') as h:\n\
                  \x20       n += len(json.load(h)['sections'])\n\
                  print(n)\n";
    let t = Instant::now();
    let out = Command::new("python3").args(["-c", script]).arg(dir).output().expect("python3");
    let ms = common::ms(t.elapsed());
    assert!(out.status.success(), "python3: {}", String::from_utf8_lossy(&out.stderr));
    ms
}

/// Python start-up alone (what both sides pay before they read a byte).
fn python_startup_ms() -> f64 {
    let t = Instant::now();
    let out = Command::new("python3").args(["-c", "import glob, json, sys"]).output().expect("python3");
    assert!(out.status.success());
    common::ms(t.elapsed())
}

/// What the list view's rows need, in this process: the folder read (settings and the
/// scan), every report prepared from the cache, every report's status.
fn rows(dir: &Path) -> (f64, f64, f64) {
    let t = Instant::now();
    let eval = Evaluation::open(dir).unwrap();
    let open = common::ms(t.elapsed());
    let t = Instant::now();
    let prepared = prepare(&eval, &mut |_, _, _| {});
    let prep = common::ms(t.elapsed());
    let t = Instant::now();
    let statuses = status(&prepared, eval.settings.method(), eval.settings.disagree_percent());
    let stat = common::ms(t.elapsed());
    assert_eq!(statuses.len(), prepared.len());
    assert!(statuses.iter().all(|s| s.problem.is_none() && s.evaluators.len() == EVALUATORS.len()));
    (open, prep, stat)
}

fn main() {
    if !common::benchmarking() {
        return; // `cargo test --benches`: nothing to measure
    }
    let n = reports();
    let rounds = if common::quick() { 5 } else { 15 };
    let dir = tempfile::tempdir().expect("temp dir");
    let (reports_mb, scores_mb) = build(dir.path(), n);
    let init = Command::new(env!("CARGO_BIN_EXE_appraise"))
        .args(["init", "--title", "bench"])
        .arg(dir.path())
        .output()
        .expect("run appraise init");
    assert!(init.status.success(), "appraise init: {}", String::from_utf8_lossy(&init.stderr));
    println!(
        "evaluation: {n} reports of {ITEMS} items ({reports_mb:.1} MB), {} evaluators' scores each ({} files, {scores_mb:.1} MB)",
        EVALUATORS.len(),
        n * EVALUATORS.len(),
    );
    let (ours, python) =
        common::interleaved(rounds, || summary_ms(dir.path(), &[]), || python_ms(dir.path()));
    let startup = python_startup_ms();
    println!("medians of {rounds}, each a new process:");
    println!("  appraise summary DIR --json                  {ours:>8.1} ms   (budget: well under 1500 ms)");
    println!(
        "  python3 json.load of the {n} report files    {python:>8.1} ms   (start-up alone {startup:.1} ms)"
    );
    println!("  ratio                                        {:>8.2}×", ours / python);
    let (mine, _) = common::interleaved(
        rounds,
        || summary_ms(dir.path(), &["--evaluator", "李四"]),
        || python_ms(dir.path()),
    );
    println!("  appraise summary DIR --json --evaluator 李四  {mine:>8.1} ms");
    let mut parts: Vec<(f64, f64, f64)> = (0..rounds).map(|_| rows(dir.path())).collect();
    parts.sort_by(|a, b| (a.0 + a.1 + a.2).total_cmp(&(b.0 + b.1 + b.2)));
    let (open, prep, stat) = parts[parts.len() / 2];
    println!(
        "the list's rows, in one process (median of {rounds}): {:.1} ms (budget: under 1000 ms) = open {open:.1} + prepare {prep:.1} + status {stat:.1}",
        open + prep + stat
    );
}
