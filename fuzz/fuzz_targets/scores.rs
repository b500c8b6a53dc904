//! Scores-file parsing (against a real report) must never panic, whatever the bytes; what it
//! accepts must write back and read again to the same scores.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

static REPORT: OnceLock<appraise::report::Report> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let report = REPORT.get_or_init(|| {
        appraise::report::parse_report(include_bytes!("../../fixtures/english-sample.json")).unwrap()
    });
    if let Ok(loaded) = appraise::store::parse_scores(Path::new("fuzz.scores.json"), data, report) {
        let text = appraise::store::scores_json(report, &loaded.scores);
        let again = appraise::store::parse_scores(Path::new("again"), text.as_bytes(), report)
            .expect("what appraise writes, it reads back");
        assert_eq!(again.scores.entries, loaded.scores.entries);
    }
});
