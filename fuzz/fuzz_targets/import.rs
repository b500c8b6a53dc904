//! The importer must never panic on any document (text in any encoding, Markdown, a .docx
//! zip), and what it accepts must be a valid report that parses back.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let options = appraise::import::Options::default();
    for name in ["fuzz.txt", "fuzz.md", "fuzz.docx"] {
        if let Ok(imported) = appraise::import::import_bytes(data, Path::new(name), &options) {
            appraise::report::parse_report(imported.json.as_bytes()).expect("an imported report is valid");
        }
    }
});
