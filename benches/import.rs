//! `appraise import` of plain text, in two groups.
//!
//! `import_real`: real text at the sizes the speed goal is set for, imported from a file
//! (`import::import_file`: read, decode, read the outline, write the JSON, check it) beside a
//! plain read of the same file (`std::fs::read`), so the two figures are of one disk and one
//! run:
//!
//! - `report_8mb`, `report_32mb`: the Shaodong report (fixtures/import/shaodong-2022.txt, a real
//!   部门整体支出绩效自评报告, 16 kB) over and over to 8 and 32 MB — long paragraphs, its outline
//!   five levels deep, each copy's numbering starting again;
//! - `pages_8mb`, `pages_32mb`: the 46 texts of the wild corpus (fixtures/import/wild/*.txt, in
//!   name order, a blank line after each: pages copied from sites, Chinese and English, with
//!   their navigation, forms, one-line texts and contents pages) over and over — short lines.
//!
//! 8 against 32 MB says whether the time grows with the size alone. `scripts/import-rss.sh`
//! builds the same files and measures the command's peak memory on them.
//!
//! `import`: `import::import_bytes` (no file read, no output written) on the Shaodong report
//! itself for scale, then the large hostile inputs of `tests/it/import.rs`'s
//! `hostile_inputs_never_panic`, which checks that they import without a panic and says nothing
//! about time:
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
//!     cargo bench --bench import -- import_real
//!
//! A benchmark, not a test: it asserts nothing about time.

use appraise::import::{Options, import_bytes, import_file};
use criterion::{Criterion, Throughput, criterion_group};
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/import")
}

/// `unit` over and over until the text holds `megabytes` MB (10^6 bytes) or more: whole copies,
/// as `scripts/import-rss.sh` makes them.
fn repeated(unit: &[u8], megabytes: usize) -> Vec<u8> {
    let copies = (megabytes * 1_000_000).div_ceil(unit.len());
    unit.repeat(copies)
}

/// The real texts: (name, text).
fn real() -> Vec<(String, Vec<u8>)> {
    let report =
        std::fs::read(fixtures().join("shaodong-2022.txt")).expect("fixtures/import/shaodong-2022.txt");
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures().join("wild"))
        .expect("fixtures/import/wild")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut pages = Vec::new();
    for path in &names {
        pages.extend(std::fs::read(path).expect("a wild text"));
        pages.push(b'\n');
    }
    let mut out = Vec::new();
    for megabytes in [8, 32] {
        out.push((format!("report_{megabytes}mb"), repeated(&report, megabytes)));
        out.push((format!("pages_{megabytes}mb"), repeated(&pages, megabytes)));
    }
    out
}

fn import_real(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_real");
    group.sample_size(10);
    let dir = tempfile::tempdir().expect("a temp dir");
    let options = Options::default();
    for (name, bytes) in real() {
        let path = dir.path().join(format!("{name}.txt"));
        std::fs::write(&path, &bytes).expect("the text written");
        let imported = import_file(&path, &options).expect("real text imports");
        println!(
            "import_real/{name}: {:.1} MB, {} items, {:.1} MB of JSON",
            bytes.len() as f64 / 1e6,
            imported.report.items.len(),
            imported.json.len() as f64 / 1e6
        );
        drop((imported, bytes));
        group.throughput(Throughput::Bytes(std::fs::metadata(&path).map_or(0, |m| m.len())));
        group.bench_function(format!("read/{name}"), |b| {
            b.iter_with_large_drop(|| std::fs::read(black_box(&path)).expect("read"))
        });
        group.bench_function(format!("import/{name}"), |b| {
            b.iter_with_large_drop(|| import_file(black_box(&path), &options))
        });
    }
    group.finish();
}

/// The hostile inputs: (name, file name given to the importer, bytes).
fn hostile() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let report =
        std::fs::read(fixtures().join("shaodong-2022.txt")).expect("fixtures/import/shaodong-2022.txt");
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
    for (name, file, bytes) in hostile() {
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

criterion_group!(benches, import_real, import);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
