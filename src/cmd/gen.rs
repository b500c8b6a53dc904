//! `appraise gen --items N [--seed S] [-o OUT]`: a reproducible generated report (mixed Chinese
//! and English text, 10 items to a section, 10 sections to a chapter), the corpus every figure in
//! BENCHMARKS.md is measured on. The same N and S always give the same bytes.

use super::Failure;
use std::io::Write;
use std::path::Path;

/// The seed the benchmarks use.
pub const DEFAULT_SEED: u64 = 42;

/// Writes the generated report with `items` items (seed `seed`) to `out`, newline-terminated.
pub fn generate(items: usize, seed: u64, out: &mut dyn Write) -> Result<(), Failure> {
    let json = crate::generate::report_json(items, seed);
    out.write_all(json.as_bytes()).and_then(|()| out.write_all(b"\n")).and_then(|()| out.flush()).map_err(
        |e| {
            let why = crate::io_error::message(&e);
            Failure::Runtime(crate::words::cli::CANNOT_WRITE_REPORT.fill(&[("why", &why)]))
        },
    )
}

/// [`generate`] into the file `path` (written atomically), or to `stdout` when `path` is `None`
/// or `-`.
pub fn generate_to(
    items: usize,
    seed: u64,
    path: Option<&Path>,
    stdout: &mut dyn Write,
) -> Result<(), Failure> {
    match path.filter(|p| p.as_os_str() != "-") {
        None => generate(items, seed, stdout),
        Some(path) => {
            super::export::check_output(Some(path))?;
            let mut bytes = Vec::new();
            generate(items, seed, &mut bytes)?;
            Ok(crate::store::write_output(path, |out| out.write_all(&bytes))?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_generated_report_reproducibly() {
        let mut a = Vec::new();
        generate(25, 7, &mut a).unwrap();
        let mut b = Vec::new();
        generate(25, 7, &mut b).unwrap();
        assert_eq!(a, b);
        assert!(a.ends_with(b"\n"));
        assert_eq!(crate::report::parse_report(a.as_slice()).unwrap().items.len(), 25);

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        generate_to(25, 7, Some(&path), &mut Vec::new()).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), a);
        let mut out = Vec::new();
        generate_to(25, 7, Some(Path::new("-")), &mut out).unwrap();
        assert_eq!(out, a);
    }
}
