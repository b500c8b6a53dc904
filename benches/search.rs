//! Per-keystroke search latency on generated reports of 1k, 10k and 100k items, typed one
//! character at a time the way the search worker sees it (narrowing the previous hits when
//! the query grows), with `fzf --filter` on the same corpus for reference, and the time the
//! UI takes to echo a key (App::update), which never waits for matching.
//!
//!     cargo bench --bench search                      # all sizes
//!     APPRAISE_BENCH_SIZES=1000 cargo bench --bench search   # quick
//!
//! A benchmark, not a test: it prints figures and asserts nothing about time.

use appraise::generate::report_json;
use appraise::report::{Node, parse_report};
use appraise::scores::Scores;
use appraise::search::{Index, Query, search};
use appraise::tui::action::Action;
use appraise::tui::app::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CJK_QUERIES: &[&str] = &["满意率", "网办率提高", "绩效 评价", "佐证材料"];
const EN_QUERIES: &[&str] = &["budget", "satisfaction", "digital skills", "hotline"];

fn main() {
    let sizes: Vec<usize> = std::env::var("APPRAISE_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000]);
    let fzf = Command::new("fzf").arg("--version").output().ok().filter(|o| o.status.success());
    println!(
        "search latency per keystroke (ms); machine: {} cores",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    match &fzf {
        Some(o) => println!("reference: fzf {}", String::from_utf8_lossy(&o.stdout).trim()),
        None => println!("reference: fzf not installed (apt-get install fzf); its column is left out"),
    }
    println!(
        "{:>7} {:>5} {:>9} {:>9} {:>9} {:>10} {:>10}   {:>9} {:>9}",
        "items", "kind", "p50", "p95", "max", "index ms", "keys", "fzf p50", "fzf p95"
    );
    for &n in &sizes {
        let json = report_json(n, 42);
        let report = parse_report(json.as_bytes()).expect("generated reports are valid");
        let t = Instant::now();
        let index = Index::new(&report);
        let index_ms = ms(t.elapsed());
        let corpus = fzf.as_ref().map(|_| corpus_file(&report));
        for (kind, queries) in [("cjk", CJK_QUERIES), ("en", EN_QUERIES)] {
            let mut ours = Vec::new();
            let mut theirs = Vec::new();
            for q in queries {
                ours.extend(type_query(&report, &index, q));
                if let Some(path) = &corpus {
                    theirs.extend(fzf_keystrokes(path, q));
                }
            }
            let (a, b, c) = stats(&mut ours);
            let fzf_cols = if theirs.is_empty() {
                format!("{:>9} {:>9}", "–", "–")
            } else {
                let (f50, f95, _) = stats(&mut theirs);
                format!("{f50:>9.2} {f95:>9.2}")
            };
            println!(
                "{n:>7} {kind:>5} {a:>9.2} {b:>9.2} {c:>9.2} {index_ms:>10.1} {:>10}   {fzf_cols}",
                ours.len()
            );
        }
        echo_latency(report, n);
    }
}

/// Times each keystroke of `query` typed one character at a time, narrowing like the worker.
fn type_query(report: &appraise::report::Report, index: &Index, query: &str) -> Vec<f64> {
    let mut times = Vec::new();
    let mut last: Option<(Query, Vec<Node>)> = None;
    let mut typed = String::new();
    for c in query.chars() {
        typed.push(c);
        let q = Query::parse(&typed);
        let t = Instant::now();
        let within = last.as_ref().filter(|(p, _)| q.narrows(p)).map(|(_, nodes)| nodes.as_slice());
        let hits = search(report, index, &[], &q, within, &|| false).unwrap_or_default();
        times.push(ms(t.elapsed()));
        last = Some((q, hits.into_iter().map(|h| h.node).collect()));
    }
    times
}

/// One line per node (title and text), as fzf would be fed.
fn corpus_file(report: &appraise::report::Report) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "appraise-bench-{}-{}.txt",
        report.items.len(),
        std::process::id()
    ));
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("temp file"));
    for s in &report.sections {
        writeln!(f, "{} {}", s.title, s.body.as_deref().unwrap_or("").replace('\n', " ")).unwrap();
    }
    for i in &report.items {
        writeln!(
            f,
            "{} {} {}",
            i.title.as_deref().unwrap_or(""),
            i.text.replace('\n', " "),
            i.criteria.as_deref().unwrap_or("")
        )
        .unwrap();
    }
    path
}

/// `fzf --filter` per keystroke prefix (includes starting fzf and reading the corpus).
fn fzf_keystrokes(corpus: &std::path::Path, query: &str) -> Vec<f64> {
    let mut times = Vec::new();
    let mut typed = String::new();
    for c in query.chars() {
        typed.push(c);
        let input = std::fs::File::open(corpus).expect("corpus");
        let t = Instant::now();
        let status =
            Command::new("fzf").args(["--filter", &typed]).stdin(input).stdout(Stdio::null()).status();
        if status.is_ok() {
            times.push(ms(t.elapsed()));
        }
    }
    times
}

/// How long the UI takes to take a key in the search box: it only records the key and asks
/// the worker, whatever the report's size.
fn echo_latency(report: appraise::report::Report, n: usize) {
    let scores = Scores::new(&report);
    let mut app = App::new(report, scores, std::path::PathBuf::from("/dev/null"), Rect::new(0, 0, 120, 40));
    app.update(Action::OpenSearch);
    let mut times = Vec::new();
    for c in "satisfaction满意率".chars() {
        let t = Instant::now();
        app.update(Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
        times.push(ms(t.elapsed()));
    }
    let (a, b, c) = stats(&mut times);
    println!("{n:>7} {:>5} {a:>9.2} {b:>9.2} {c:>9.2}   (key echo: App::update in the search box)", "echo");
}

fn stats(v: &mut [f64]) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |p: f64| v[((v.len() as f64 - 1.0) * p).round() as usize];
    (at(0.5), at(0.95), *v.last().unwrap_or(&0.0))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
