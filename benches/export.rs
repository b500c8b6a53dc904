//! Export of one evaluator's scoring sheet (评分表) from a fully scored generated report:
//! building the table (`sheet_table`), then writing it as CSV and as xlsx, at 1k, 10k and 100k
//! items. What `appraise export` and `E` in the app do, minus writing the file.
//!
//!     cargo bench --bench export                                  # all sizes
//!     cargo bench --bench export -- --quick
//!     APPRAISE_BENCH_SIZES=1000,10000 cargo bench --bench export
//!
//! A benchmark, not a test: it asserts nothing about time.

mod common;

use appraise::export::{Lang, sheet_table, to_csv, to_xlsx};
use appraise::report::parse_report;
use criterion::{BenchmarkId, Criterion, criterion_group};
use std::hint::black_box;

fn export(c: &mut Criterion) {
    let mut group = c.benchmark_group("export");
    for n in common::sizes() {
        let report = parse_report(common::corpus(n).as_bytes()).expect("generated reports are valid");
        let scores = common::scored(&report);
        let lang = Lang::of_report(&report);
        let table = sheet_table(&report, &scores, lang);
        group.sample_size(common::samples(n));
        group.bench_function(BenchmarkId::new("table", n), |b| {
            b.iter_with_large_drop(|| sheet_table(black_box(&report), black_box(&scores), lang))
        });
        group.bench_function(BenchmarkId::new("csv", n), |b| {
            b.iter_with_large_drop(|| to_csv(black_box(&table), true).unwrap())
        });
        group.bench_function(BenchmarkId::new("xlsx", n), |b| {
            b.iter_with_large_drop(|| to_xlsx(black_box(&table)).unwrap())
        });
        if common::benchmarking() {
            let csv = to_csv(&table, true).unwrap().len();
            let xlsx = to_xlsx(&table).unwrap().len();
            println!("export/{n}: {} rows; csv {:.1} MB, xlsx {:.1} MB", table.rows.len(), mb(csv), mb(xlsx));
        }
    }
    group.finish();
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

criterion_group!(benches, export);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
