//! PDFs imported through poppler's `pdftotext -layout` (README.md, "Importing a report"): a
//! tiny PDF made here, by hand, becomes a report by its outline; a PDF without a text layer
//! asks for OCR; a broken one names the file and pdftotext's error. Where `pdftotext` is not on
//! `PATH`, each test checks the advice instead and says it skipped the rest — except in CI,
//! where it fails (`support::cannot_check`).

use appraise::import::{Options, import_bytes};
use std::path::Path;
use std::process::Stdio;

/// Why the rest of a test cannot run without `pdftotext`.
const NO_PDFTOTEXT: &str = "pdftotext is not on PATH (poppler-utils)";

/// Whether `pdftotext` can be run here.
fn have_pdftotext() -> bool {
    std::process::Command::new("pdftotext")
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// A one-page PDF showing `lines` in Helvetica, one under the other (no text at all for none).
pub fn pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::new();
    if !lines.is_empty() {
        content.push_str("BT /F1 12 Tf 72 720 Td 14 TL\n");
        for line in lines {
            content.push_str(&format!(
                "({}) Tj T*\n",
                line.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)")
            ));
        }
        content.push_str("ET\n");
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}endstream", content.len()),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).bytes(),
    );
    out
}

const REPORT: &[&str] = &["1. Budget", "The budget was executed.", "2. Results", "Targets were met."];

fn import_error(name: &str, bytes: &[u8]) -> String {
    match import_bytes(bytes, Path::new(name), &Options::default()) {
        Ok(i) => panic!("{name} imported: {}", i.summary.lines().join("; ")),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_pdf_is_imported_by_its_outline_through_pdftotext() {
    let bytes = pdf(REPORT);
    if !have_pdftotext() {
        let e = import_error("report.pdf", &bytes);
        assert!(e.contains("pdftotext -layout FILE.pdf FILE.txt") && e.contains("poppler-utils"), "{e}");
        crate::support::cannot_check(NO_PDFTOTEXT);
    }
    let imported = import_bytes(&bytes, Path::new("report.pdf"), &Options::default()).unwrap();
    let report = &imported.report;
    let titles: Vec<_> =
        report.items.iter().map(|i| i.title.as_deref().unwrap_or_default().to_string()).collect();
    assert_eq!(titles, ["1. Budget", "2. Results"], "{}", imported.json);
    assert!(report.items[0].text.contains("The budget was executed."), "{}", imported.json);
    assert!(report.items[1].text.contains("Targets were met."), "{}", imported.json);
    assert_eq!(imported.summary.format, "PDF");
    assert_eq!(imported.summary.encoding, None);
    let first = &imported.summary.lines()[0];
    assert!(first.contains("(PDF (pdftotext))"), "{first}");
}

#[test]
fn a_pdf_without_a_text_layer_asks_for_ocr() {
    let e = import_error("scan.pdf", &pdf(&[]));
    if !have_pdftotext() {
        assert!(e.contains("pdftotext -layout FILE.pdf FILE.txt"), "{e}");
        crate::support::cannot_check(NO_PDFTOTEXT);
    }
    assert!(
        e.starts_with("scan.pdf: this PDF has no text layer (a scan?); run OCR on it first (e.g. `ocrmypdf"),
        "{e}"
    );
    assert!(!e.contains('\n'), "{e}");
}

#[test]
fn a_broken_pdf_names_the_file_and_the_error() {
    let e = import_error("broken.pdf", b"%PDF-1.4\n...");
    assert!(!e.contains('\n'), "{e}");
    if !have_pdftotext() {
        assert!(e.contains("pdftotext -layout FILE.pdf FILE.txt"), "{e}");
        crate::support::cannot_check(NO_PDFTOTEXT);
    }
    assert!(e.starts_with("broken.pdf: pdftotext cannot read this PDF: "), "{e}");
    assert!(e.len() > "broken.pdf: pdftotext cannot read this PDF: ".len(), "{e}");
}

#[test]
fn the_binary_imports_checks_and_opens_a_pdf() {
    let sandbox = crate::support::Sandbox::new();
    let path = sandbox.write("report.pdf", pdf(REPORT));
    let path = path.to_str().unwrap();
    let out_json = sandbox.join("out.json");
    let run = |args: &[&str]| crate::support::command().args(args).stdin(Stdio::null()).output().unwrap();
    let out = run(&["import", path, "-o", out_json.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if !have_pdftotext() {
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("poppler-utils"), "{stderr}");
        crate::support::cannot_check(NO_PDFTOTEXT);
    }
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("(PDF (pdftotext))") && stderr.contains("2 items"), "{stderr}");
    assert!(appraise::report::load_report(&out_json).is_ok());
    // From standard input, known by its header.
    let piped = crate::support::command()
        .args(["import", "-", "-o", out_json.to_str().unwrap()])
        .stdin(std::fs::File::open(path).unwrap())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&piped.stderr);
    assert_eq!(piped.status.code(), Some(0), "{said}");
    assert!(said.contains("stdin.pdf (PDF (pdftotext))") && said.contains("2 items"), "{said}");
    let out = run(&["check", path]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 items"));

    // Opened for review: imported on the fly, its items on screen.
    let mut app = sandbox.spawn(&[path]);
    let screen =
        app.wait_until("the PDF's items on screen", |s| s.contains("Budget") && s.contains("Results"));
    if let Err(dump) = screen {
        panic!("{dump}");
    }
    app.send("q");
}
