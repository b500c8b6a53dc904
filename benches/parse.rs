//! Parse + validate a report (`parse_report_unhashed`: the typed fast path, the model built as
//! it reads) against `serde_json::from_slice::<serde_json::Value>` of the same bytes, on
//! generated reports of 1k, 10k and 100k items; also `parse_report` (with the sha256 computed on
//! a second thread meanwhile) and the sha256 alone. Budget: parse + validate ≤ 0.75× Value.
//!
//!     cargo bench --bench parse                                   # criterion, all sizes
//!     cargo bench --bench parse -- --quick                        # quick
//!     APPRAISE_BENCH_SIZES=1000,10000 cargo bench --bench parse   # fewer sizes
//!
//! After criterion's figures (steady state: the same process parses again and again) it prints
//! the budget's ratio as the app meets it, one parse per fresh process, the two alternating
//! (medians). A benchmark, not a test: it asserts nothing about time.

// Tests print paths only in their own failure messages (the app prints them with text::shown).
#![allow(clippy::disallowed_methods)]

mod common;

use appraise::report::{fingerprint, parse_report, parse_report_unhashed};
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group};
use std::hint::black_box;

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for n in common::sizes() {
        let json = common::corpus(n);
        let bytes = json.as_bytes();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.sample_size(if n >= 100_000 {
            10
        } else if n >= 10_000 {
            20
        } else {
            50
        });
        group.bench_with_input(BenchmarkId::new("serde_json_value", n), bytes, |b, bytes| {
            b.iter_with_large_drop(|| serde_json::from_slice::<serde_json::Value>(black_box(bytes)).unwrap())
        });
        // The report takes the file's bytes as its text (the app hands over what it read), so
        // each run is given its own copy, made outside the timing.
        group.bench_with_input(BenchmarkId::new("parse_validate", n), bytes, |b, bytes| {
            b.iter_batched(
                || bytes.to_vec(),
                |owned| parse_report_unhashed(black_box(owned)).unwrap(),
                BatchSize::LargeInput,
            )
        });
        group.bench_with_input(BenchmarkId::new("parse_report_with_sha256", n), bytes, |b, bytes| {
            b.iter_batched(
                || bytes.to_vec(),
                |owned| parse_report(black_box(owned)).unwrap(),
                BatchSize::LargeInput,
            )
        });
        group.bench_with_input(BenchmarkId::new("sha256", n), bytes, |b, bytes| {
            b.iter(|| fingerprint(black_box(bytes)))
        });
    }
    group.finish();
}

/// The budget as a ratio measured in one run. Each parse runs in a fresh process (this bench
/// re-run with `APPRAISE_BENCH_CHILD`), as when the app opens a report: a new heap, so neither
/// side inherits the other's freed memory (in one process, whichever runs after the other's
/// drop pays for consolidating its free lists). The two alternate; medians are compared.
fn ratios() {
    let rounds = if common::quick() { 5 } else { 15 };
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "\nparse + validate vs serde_json::Value, one parse per fresh process (medians of {rounds}; budget ≤ 0.75×)"
    );
    println!(
        "{:>7} {:>7} {:>10} {:>15} {:>7} {:>18} {:>8}",
        "items", "MB", "Value ms", "parse+valid ms", "ratio", "parse_report ms", "sha ms"
    );
    for n in common::sizes() {
        let path = dir.path().join(format!("r{n}.json"));
        let json = common::corpus(n);
        std::fs::write(&path, &json).expect("write corpus");
        let child = |mode: &str| child_ms(mode, &path);
        let (value, ours) = common::interleaved(rounds, || child("value"), || child("ours"));
        let (full, sha) = common::interleaved(rounds, || child("report"), || child("sha"));
        println!(
            "{n:>7} {:>7.1} {value:>10.2} {ours:>15.2} {:>6.2}× {full:>18.2} {sha:>8.2}",
            json.len() as f64 / 1e6,
            ours / value,
        );
    }
}

/// Runs this bench again to time one `mode` parse of `path` in a new process; its figure.
fn child_ms(mode: &str, path: &std::path::Path) -> f64 {
    let exe = std::env::current_exe().expect("bench executable");
    let out = std::process::Command::new(exe)
        .env("APPRAISE_BENCH_CHILD", format!("{mode}:{}", path.display()))
        .output()
        .expect("run the bench child");
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(f64::NAN)
}

/// The child: read the file, time one parse, print milliseconds, exit without freeing.
fn child(spec: &str) {
    let (mode, path) = spec.split_once(':').expect("MODE:PATH");
    let bytes = std::fs::read(path).expect("read corpus");
    let t = std::time::Instant::now();
    let kept: Box<dyn std::any::Any> = match mode {
        "value" => Box::new(serde_json::from_slice::<serde_json::Value>(&bytes).unwrap()),
        "ours" => Box::new(parse_report_unhashed(bytes).unwrap()),
        "report" => Box::new(parse_report(bytes).unwrap()),
        "sha" => Box::new(fingerprint(&bytes)),
        other => panic!("unknown mode {other}"),
    };
    println!("{}", common::ms(t.elapsed()));
    std::mem::forget(kept);
}

criterion_group!(benches, parse);

fn main() {
    if let Ok(spec) = std::env::var("APPRAISE_BENCH_CHILD") {
        return child(&spec);
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
    if common::benchmarking() {
        ratios();
    }
}
