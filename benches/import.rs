//! `appraise import` of plain text (`import::import_bytes`, no file read): a real report
//! (fixtures/import/shaodong-2022.txt) for scale, then the large hostile inputs of
//! `tests/it/import.rs`'s `hostile_inputs_never_panic`, which checks that they import without
//! a panic and says nothing about time:
//!
//! - `same_heading`: `1. 标题\n正文。\n` 60 000 times (1.1 MB), the same heading over and over
//!   with text between — the input a quadratic search for a table of contents chokes on;
//! - `huge_line`: `一、` and 400 000 sentences on one line (7.2 MB);
//! - `many_headings`: 5 000 numbered headings, each with a line of text.
//!
//! Run:
//!
//!     cargo bench --bench import
//!     cargo bench --bench import -- --quick
//!     cargo bench --bench import -- same_heading
//!
//! A benchmark, not a test: it asserts nothing about time.

use appraise::import::{Options, import_bytes};
use criterion::{Criterion, Throughput, criterion_group};
use std::hint::black_box;
use std::path::Path;

/// The inputs: (name, file name given to the importer, bytes).
fn inputs() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/import/shaodong-2022.txt");
    let report = std::fs::read(&fixture).expect("fixtures/import/shaodong-2022.txt");
    let same = "1. 标题\n正文。\n".repeat(60_000);
    let huge_line = format!("一、{}", "很长的一行。".repeat(400_000));
    let many: String = (1..=5000).map(|i| format!("{i}. 标题{i}\n正文。\n")).collect();
    vec![
        ("shaodong_2022", "shaodong-2022.txt", report),
        ("same_heading", "same.txt", same.into_bytes()),
        ("huge_line", "huge.txt", huge_line.into_bytes()),
        ("many_headings", "many.txt", many.into_bytes()),
    ]
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    let options = Options::default();
    for (name, file, bytes) in inputs() {
        let path = Path::new(file);
        // Each is a report or a one-line error; which one is the test's business.
        let items = import_bytes(&bytes, path, &options).map(|i| i.report.items.len());
        println!("import/{name}: {:.2} MB, {items:?} items", bytes.len() as f64 / 1e6);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter_with_large_drop(|| import_bytes(black_box(&bytes), path, &options))
        });
    }
    group.finish();
}

criterion_group!(benches, import);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
