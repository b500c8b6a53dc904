//! A full save of the scores file (`appraise.scores/1`): the JSON text of every item's entry
//! with the summary recomputed (`scores_json`), then the atomic write (temp file, fsync,
//! rename, fsync of the directory), for a fully scored generated report of 1k, 10k and 100k
//! items; and `writer_save`, the app's save through `store::Writer`, which first looks whether
//! another program changed the file. Budget: ≤ 200 ms at 100k items. (In the app this runs
//! off the UI thread.)
//!
//!     cargo bench --bench save                                    # all sizes
//!     cargo bench --bench save -- --quick
//!     APPRAISE_BENCH_SIZES=100000 cargo bench --bench save
//!
//! The file goes to a temp directory beside the build (`target/`), so the fsyncs hit the disk
//! the scores would be on, not a tmpfs. A benchmark, not a test: it asserts nothing about time.

mod common;

use appraise::report::parse_report;
use appraise::store::{Writer, save_scores, scores_json, write_atomic};
use criterion::{BenchmarkId, Criterion, criterion_group};
use std::hint::black_box;

fn save(c: &mut Criterion) {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let _ = std::fs::create_dir_all(&base);
    let dir = tempfile::tempdir_in(&base).or_else(|_| tempfile::tempdir()).expect("temp dir");
    let mut group = c.benchmark_group("save");
    for n in common::sizes() {
        let report = parse_report(common::corpus(n).as_bytes()).expect("generated reports are valid");
        let scores = common::scored(&report);
        let path = dir.path().join(format!("r{n}.scores.json"));
        let text = scores_json(&report, &scores);
        group.sample_size(if n >= 100_000 { 20 } else { 50 });
        group.bench_function(BenchmarkId::new("scores_json", n), |b| {
            b.iter_with_large_drop(|| scores_json(black_box(&report), black_box(&scores)))
        });
        group.bench_function(BenchmarkId::new("write_atomic", n), |b| {
            b.iter(|| write_atomic(&path, black_box(text.as_bytes())).unwrap())
        });
        group.bench_function(BenchmarkId::new("full_save", n), |b| {
            b.iter(|| save_scores(&path, black_box(&report), black_box(&scores)).unwrap())
        });
        // What the app's saver does: the same, through the writer that first looks whether
        // another program changed the file (a stat, and a hash of every entry it remembers).
        let shared = std::sync::Arc::new(report.clone());
        let mut writer = Writer::new(path.clone(), std::sync::Arc::clone(&shared), None);
        group.bench_function(BenchmarkId::new("writer_save", n), |b| {
            b.iter(|| writer.save(black_box(&scores)).unwrap())
        });
        if common::benchmarking() {
            let rounds = if common::quick() { 5 } else { 15 };
            let mut times: Vec<f64> = (0..rounds)
                .map(|_| common::time(&mut || save_scores(&path, &report, &scores).unwrap()))
                .collect();
            let (p50, max) = (common::median(&mut times), times[times.len() - 1]);
            println!(
                "save/{n}: scores file {:.1} MB; full save p50 {p50:.1} ms, max {max:.1} ms (budget ≤ 200 ms at 100k)",
                text.len() as f64 / 1e6
            );
        }
    }
    group.finish();
}

criterion_group!(benches, save);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
