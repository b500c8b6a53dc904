//! The fuzz targets' properties (fuzz/fuzz_targets/: report, scores, import) as a plain test over the seed corpus —
//! every file under fixtures/ — and deterministic mutations of it (every truncation point of
//! a stride, single-byte flips), so CI keeps them honest without a nightly toolchain:
//! parsing never panics, and what appraise writes it reads back unchanged.

use appraise::report::parse_report;
use appraise::store::{parse_scores, scores_json};
use std::path::{Path, PathBuf};

fn seeds() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"), &mut out);
    out.sort();
    out
}

/// The seed, then cut short at points through it, then with single bytes changed.
fn mutations(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![bytes.to_vec()];
    let stride = (bytes.len() / 40).max(1);
    for cut in (0..bytes.len()).step_by(stride) {
        out.push(bytes[..cut].to_vec());
    }
    for (k, at) in (0..bytes.len()).step_by(stride).enumerate() {
        let mut b = bytes.to_vec();
        b[at] = [b'"', b'{', b']', 0xff, b'\\', b'0'][k % 6];
        out.push(b);
    }
    out
}

fn report_target(data: &[u8]) {
    if let Ok(report) = parse_report(data) {
        let _ = report.outline();
        let scores = appraise::scores::Scores::new(&report);
        let _ = appraise::scores::Summary::of_report(&report, &scores);
    }
}

fn scores_target(report: &appraise::report::Report, data: &[u8]) {
    if let Ok(loaded) = parse_scores(Path::new("seed.scores.json"), data, report) {
        let text = scores_json(report, &loaded.scores);
        let again =
            parse_scores(Path::new("again"), text.as_bytes(), report).expect("reads back what it writes");
        assert_eq!(again.scores.entries, loaded.scores.entries);
    }
}

fn import_target(data: &[u8]) {
    let options = appraise::import::Options::default();
    for name in ["seed.txt", "seed.md", "seed.docx"] {
        if let Ok(imported) = appraise::import::import_bytes(data, Path::new(name), &options) {
            parse_report(imported.json.as_bytes()).expect("an imported report is valid");
        }
    }
}

#[test]
fn importing_never_panics_and_gives_valid_reports() {
    let mut inputs = 0;
    for seed in seeds().iter().filter(|p| p.components().any(|c| c.as_os_str() == "import")) {
        for data in mutations(&std::fs::read(seed).unwrap()) {
            import_target(&data);
            inputs += 1;
        }
    }
    assert!(inputs > 200, "the import corpus is there: {inputs} inputs");
}

#[test]
fn report_parsing_never_panics_on_seeds_and_mutations() {
    let mut inputs = 0;
    for seed in seeds() {
        for data in mutations(&std::fs::read(&seed).unwrap()) {
            report_target(&data);
            inputs += 1;
        }
    }
    assert!(inputs > 500, "the corpus is there: {inputs} inputs");
}

#[test]
fn scores_parsing_never_panics_and_round_trips() {
    let report = parse_report(include_bytes!("../../fixtures/english-sample.json")).unwrap();
    let mut accepted = 0;
    for seed in seeds() {
        for data in mutations(&std::fs::read(&seed).unwrap()) {
            if parse_scores(Path::new("x"), &data, &report).is_ok() {
                accepted += 1;
            }
            scores_target(&report, &data);
        }
    }
    assert!(accepted > 0, "some inputs are valid scores files");
}
