//! Report parsing and validation must never panic, whatever the bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = appraise::report::parse_report(data) {
        // A valid report must also be usable: the outline and totals are computed without panicking.
        let _ = report.outline();
        let scores = appraise::scores::Scores::new(&report);
        let _ = appraise::scores::Summary::of_report(&report, &scores);
    }
});
