//! What the criterion benches share: the sizes to run, the generated corpus, a scored sheet,
//! and interleaved timing for ratios measured in the same run.

#![allow(dead_code)] // each bench uses part of it

use appraise::report::Report;
use appraise::scores::{Entry, Scores};
use std::time::{Duration, Instant};

/// `APPRAISE_BENCH_SIZES=1000,10000` (default 1k, 10k and 100k items).
pub fn sizes() -> Vec<usize> {
    std::env::var("APPRAISE_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

/// Criterion samples per benchmark: fewer for the large sizes, where one run is long enough.
pub fn samples(items: usize) -> usize {
    match items {
        0..10_000 => 50,
        10_000..100_000 => 20,
        _ => 10,
    }
}

/// Criterion's `--quick` mode (also: a smoke run, fewer rounds for the printed ratios).
pub fn quick() -> bool {
    std::env::args().any(|a| a == "--quick")
}

/// Run as a benchmark (`cargo bench`), not as a test (`cargo test --benches`, one pass each).
/// Not under `--profile-time` (a profiler run of one benchmark) or `--list`.
pub fn benchmarking() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--profile-time" || a == "--list")
}

/// The generated report of `items` items, seed 42: the same bytes as `appraise gen --items N`
/// without its final newline.
pub fn corpus(items: usize) -> String {
    appraise::generate::report_json(items, 42)
}

/// Every item scored (a step on its scale), every other one with a note of mixed text, every
/// seventh flagged: the largest sheet and scores file the report can have.
pub fn scored(report: &Report) -> Scores {
    let mut scores = Scores::new(report);
    scores.head.evaluator = Some("张三 (bench)".into());
    for (i, (item, entry)) in report.items.iter().zip(&mut scores.entries).enumerate() {
        let s = item.scale;
        let steps = ((s.max - s.min) / s.step).floor() as usize;
        *entry = Entry {
            score: Some(s.min + s.step * ((i * 7) % (steps + 1)) as f64),
            note: if i % 2 == 0 {
                format!("佐证材料不够充分, see page {i}; 扣分理由：预算执行进度偏慢")
            } else {
                String::new()
            },
            flagged: i % 7 == 0,
            updated_at: Some("2026-11-26T10:00:00Z".into()),
            extra: Default::default(),
        };
    }
    scores
}

/// Medians of the figures (ms) `a` and `b` give, taken alternately `rounds` times (so load and
/// frequency changes hit both alike), after one warm-up each.
pub fn interleaved(rounds: usize, mut a: impl FnMut() -> f64, mut b: impl FnMut() -> f64) -> (f64, f64) {
    let mut ta = Vec::with_capacity(rounds);
    let mut tb = Vec::with_capacity(rounds);
    let _ = (a(), b());
    for _ in 0..rounds {
        ta.push(a());
        tb.push(b());
    }
    (median(&mut ta), median(&mut tb))
}

/// Milliseconds `f` takes; its result is dropped after the clock stops.
pub fn time<T>(f: &mut impl FnMut() -> T) -> f64 {
    let t = Instant::now();
    let out = std::hint::black_box(f());
    let elapsed = t.elapsed();
    drop(out);
    ms(elapsed)
}

pub fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
