//! `appraise import TEXT [-o REPORT.json] [--encoding NAME] [--rubric TABLE [--score-text]] [--sheet S] [--[no-]require-reasons] [--max N] [--step S] [--id ID] [--title TITLE]`:
//! a plain-text, Markdown, Word or PDF report (or a scoring table alone) → an `appraise.report/1`
//! file (stdout without `-o`), with a summary on stderr. Also the on-the-fly import behind
//! `appraise REPORT.txt`.

use super::Failure;
use super::progress::Progress;
use crate::import::{
    Imported, Options, RubricFile, encoding_for_label, import_bytes, import_file, is_importable,
};
use crate::report::{Report, load_report};
use crate::store::write_output;
use crate::text::{sanitize, shown};
use crate::words::{cli, errors};
use encoding_rs::Encoding;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `appraise import`'s arguments, each its flag's value (declared, with its help, in
/// `flags::defs`).
#[derive(Debug, Clone, Default)]
pub struct ImportArgs {
    /// The document (`-`: standard input).
    pub text: PathBuf,
    pub encoding: Option<String>,
    /// `-o`.
    pub output: Option<PathBuf>,
    pub rubric: Option<PathBuf>,
    pub sheet: Option<String>,
    pub score_text: bool,
    pub require_reasons: bool,
    pub no_require_reasons: bool,
    pub max: Option<f64>,
    pub step: Option<f64>,
    pub id: Option<String>,
    pub title: Option<String>,
    /// `--unit`.
    pub unit: Option<String>,
    pub quiet: bool,
}

/// Imports `args.text`; the report goes to `-o` (written atomically) or `out`, the summary to `err`.
pub fn import(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Failure> {
    // `-o -` is standard output, as without `-o`.
    let output = args.output.as_ref().filter(|o| !is_stdin(o));
    super::export::check_output(output.map(PathBuf::as_path))?;
    let rubric = match &args.rubric {
        Some(path) => Some(RubricFile {
            name: crate::text::shown(path).to_string(),
            bytes: read_input(path)?,
            sheet: args.sheet.clone(),
        }),
        None => None,
    };
    let require_reasons = match (args.require_reasons, args.no_require_reasons) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    let encoding = match &args.encoding {
        Some(label) => Some(encoding_for_label(label).map_err(Failure::BadInput)?),
        None => None,
    };
    let options = Options {
        encoding,
        sheet: args.sheet.clone(),
        id: args.id.clone(),
        title: args.title.clone(),
        max: args.max,
        step: args.step,
        rubric,
        score_text: args.score_text,
        require_reasons,
        unit: args.unit.clone(),
    };
    if let Some(output) = output
        && same_file(output, &args.text)
    {
        return Err(Failure::BadInput(cli::OVERWRITES_DOCUMENT.fill(&[("path", &shown(output))])));
    }
    let imported = if is_stdin(&args.text) {
        let bytes = read_stdin()?;
        let options = Options { id: options.id.clone().or_else(|| Some(STDIN_ID.into())), ..options };
        let name = stdin_name(&bytes);
        let progress = import_progress(Path::new(&name), args.quiet);
        let imported = import_bytes(&bytes, &name, &options);
        progress.finish();
        imported
    } else {
        let progress = import_progress(&args.text, args.quiet);
        let imported = import_file(&args.text, &options);
        progress.finish();
        imported
    }
    .map_err(|e| Failure::BadInput(e.to_string()))?;
    let written = match output {
        Some(output) => {
            write_output(output, |out| out.write_all(imported.json.as_bytes()))?;
            Some(output.clone())
        }
        None => {
            // On standard output it may reach a terminal: no raw C1 or bidi controls.
            let json = crate::text::json_escaped_str(&imported.json);
            out.write_all(json.as_bytes()).and_then(|()| out.flush()).map_err(|e| {
                Failure::Runtime(cli::CANNOT_WRITE_REPORT.fill(&[("why", &crate::io_error::message(&e))]))
            })?;
            None
        }
    };
    if args.quiet {
        return Ok(());
    }
    print_summary(&imported, err);
    if let Some(path) = written {
        let _ = writeln!(err, "appraise: {}", cli::WROTE.fill(&[("path", &shown(&path))]));
    }
    Ok(())
}

/// `appraise REPORT.txt|.md|.docx|.pdf`: imports the document in memory, prints the summary to `err`
/// and returns the report (its `sha256` is that of the imported JSON, which is the same on every
/// import of the same document, so the scores file stays valid).
pub fn import_for_review(path: &Path, err: &mut dyn Write) -> Result<Report, Failure> {
    review_import(path, None, err)
}

/// [`import_for_review`] with the text's encoding forced (`appraise REPORT --encoding NAME`).
fn review_import(
    path: &Path,
    encoding: Option<&'static Encoding>,
    err: &mut dyn Write,
) -> Result<Report, Failure> {
    let options = Options { encoding, ..Options::default() };
    let progress = import_progress(path, false);
    let imported = import_file(path, &options);
    progress.finish();
    let imported = imported.map_err(|e| Failure::BadInput(e.to_string()))?;
    print_summary(&imported, err);
    Ok(imported.report)
}

/// The spinner while a document is imported: a PDF waits on `pdftotext`, and says so.
fn import_progress(path: &Path, quiet: bool) -> Progress {
    let file = crate::text::sanitize(&shown(path).to_string()).into_owned();
    let is_pdf = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let message = if is_pdf {
        cli::PROGRESS_PDF.fill(&[("file", &file), ("program", &crate::import::pdf::PROGRAM)])
    } else {
        cli::PROGRESS_IMPORT.fill(&[("file", &file)])
    };
    Progress::start(message, quiet)
}

/// The report at `path`: imported on the fly when it is a document (`.txt`, `.md`, `.docx`,
/// `.pdf`, summary on `err`), else read as a report file. For every command that takes a REPORT.
pub fn load_or_import(path: &Path, err: &mut dyn Write) -> Result<Report, Failure> {
    load_or_import_as(path, None, err)
}

/// [`load_or_import`] with a document's encoding forced (a report file is JSON, UTF-8 always).
pub fn load_or_import_as(
    path: &Path,
    encoding: Option<&'static Encoding>,
    err: &mut dyn Write,
) -> Result<Report, Failure> {
    let report = if is_stdin(path) {
        report_from_stdin(encoding, err)?
    } else if is_importable(path) || not_a_report(path) {
        // A document of an evaluation is its report as the evaluation imports it (with the
        // rubric), whichever command opens it: every evaluator's ids then match.
        match crate::evaluation::report_of_document(path) {
            Some(Ok(report)) => load_report(&report)?,
            Some(Err(why)) => return Err(Failure::BadInput(why)),
            None => review_import(path, encoding, err)?,
        }
    } else {
        load_report(path)?
    };
    // When neither the flag, the config nor the locale chose the interface's language, the
    // report's own does from here on.
    crate::words::settle_by_report(crate::lang::Lang::of_report(&report));
    Ok(report)
}

/// The id of a report read from standard input, unless `--id` says otherwise.
pub const STDIN_ID: &str = "stdin";

/// Whether `path` means standard input (`-`).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// All of standard input, up to the documents' cap (reading stops there).
fn read_stdin() -> Result<Vec<u8>, Failure> {
    crate::input::read_stdin(crate::input::Cap::DOCUMENT).map_err(|e| {
        let why = crate::io_error::message(&e);
        Failure::BadInput(
            errors::CANNOT_READ.fill(&[("path", &crate::words::cli::STDIN.get()), ("why", &why)]),
        )
    })
}

/// The bytes of a file named on the command line (a rubric): a regular file, up to the
/// documents' cap.
pub(super) fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    let cannot =
        |why: String| Failure::BadInput(errors::CANNOT_READ.fill(&[("path", &shown(path)), ("why", &why)]));
    match crate::input::read(path, crate::input::Cap::DOCUMENT) {
        Ok(Some((bytes, _))) => Ok(bytes),
        Ok(None) => {
            Err(cannot(crate::io_error::message(&std::io::Error::from(std::io::ErrorKind::NotFound))))
        }
        Err(e) => Err(cannot(crate::io_error::message(&e))),
    }
}

/// The name standard input goes by in messages: a .docx, .xlsx or .pdf by its header, else text.
fn stdin_name(bytes: &[u8]) -> PathBuf {
    use crate::import::decode::{Sniffed, sniff};
    PathBuf::from(match sniff(bytes) {
        Ok(Sniffed::Zip) if crate::import::rubric::is_workbook(bytes, "") => "stdin.xlsx",
        Ok(Sniffed::Zip) => "stdin.docx",
        Ok(Sniffed::Pdf) => "stdin.pdf",
        _ => "stdin.txt",
    })
}

/// The report on standard input: a report file (JSON, `{` first), else a document imported.
fn report_from_stdin(encoding: Option<&'static Encoding>, err: &mut dyn Write) -> Result<Report, Failure> {
    let bytes = read_stdin()?;
    let first =
        bytes.iter().copied().find(|b| !b.is_ascii_whitespace() && *b != 0xEF && *b != 0xBB && *b != 0xBF);
    if first == Some(b'{') {
        return crate::report::parse_report(bytes).map_err(|problems| {
            crate::report::LoadError::Invalid { path: PathBuf::from("-"), problems }.into()
        });
    }
    let options = Options { id: Some(STDIN_ID.into()), encoding, ..Options::default() };
    let imported =
        import_bytes(&bytes, &stdin_name(&bytes), &options).map_err(|e| Failure::BadInput(e.to_string()))?;
    print_summary(&imported, err);
    Ok(imported.report)
}

/// Whether the file at `path`, named as a report, is a document for the importer: a PDF (read
/// with `pdftotext`), or one it refuses with advice (an old Word file, RTF), as `import` does.
pub(super) fn not_a_report(path: &Path) -> bool {
    use crate::import::decode::{DecodeError, Sniffed, sniff};
    let mut head = [0u8; 16];
    let n = match crate::input::open(path) {
        Ok(Some((mut f, _))) => std::io::Read::read(&mut f, &mut head).unwrap_or(0),
        _ => 0,
    };
    matches!(sniff(&head[..n]), Ok(Sniffed::Pdf) | Err(DecodeError::OldWord | DecodeError::Rtf))
}

fn print_summary(imported: &Imported, err: &mut dyn Write) {
    for line in imported.summary.lines() {
        let _ = writeln!(err, "appraise: {}", sanitize(&line));
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // paths in the tests' own assertion messages
mod tests {
    use super::*;

    fn shaodong() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/import/shaodong-2022.txt")
    }

    #[test]
    fn writes_the_report_and_a_summary() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("r.json");
        let args = ImportArgs { text: shaodong(), output: Some(output.clone()), ..ImportArgs::default() };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        import(&args, &mut out, &mut err).unwrap();
        assert!(out.is_empty());
        let report = crate::report::load_report(&output).unwrap();
        assert_eq!(report.items.len(), 31);
        let err = String::from_utf8(err).unwrap();
        assert!(err.contains("appraise: imported "), "{err}");
        assert!(err.contains("31 items"), "{err}");
        assert!(err.ends_with(&format!("appraise: wrote {}\n", output.display())), "{err}");
    }

    #[test]
    fn without_an_output_the_report_goes_to_stdout() {
        let args = ImportArgs { text: shaodong(), ..ImportArgs::default() };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        import(&args, &mut out, &mut err).unwrap();
        assert!(crate::report::parse_report(out.as_slice()).is_ok());
        assert!(!String::from_utf8(err).unwrap().contains("wrote"));
    }

    #[test]
    fn bad_input_is_refused() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let same = ImportArgs { text: shaodong(), output: Some(shaodong()), ..ImportArgs::default() };
        let e = import(&same, &mut out, &mut err).unwrap_err();
        assert!(matches!(&e, Failure::BadInput(m) if m.contains("would overwrite")), "{e}");
        let rubric =
            ImportArgs { text: shaodong(), rubric: Some("/nonexistent.csv".into()), ..ImportArgs::default() };
        let e = import(&rubric, &mut out, &mut err).unwrap_err();
        assert_eq!(e.to_string(), "cannot read /nonexistent.csv: no such file");
        let missing = ImportArgs { text: "/nonexistent.txt".into(), ..ImportArgs::default() };
        assert_eq!(e.exit_code(), 2);
        let e = import(&missing, &mut out, &mut err).unwrap_err();
        assert_eq!(e.to_string(), "cannot read /nonexistent.txt: no such file");
        let dir = tempfile::tempdir().unwrap();
        let unwritable = ImportArgs {
            text: shaodong(),
            output: Some(dir.path().join("no/such/dir/r.json")),
            ..ImportArgs::default()
        };
        let e = import(&unwritable, &mut out, &mut err).unwrap_err();
        assert_eq!(e.exit_code(), 2, "a folder that does not exist is a wrong -o: {e}");
    }

    #[test]
    fn load_or_import_takes_documents_and_report_files() {
        let mut err = Vec::new();
        let imported = load_or_import(&shaodong(), &mut err).unwrap();
        assert_eq!(imported.items.len(), 31);
        assert!(!err.is_empty(), "the import summary is printed");
        let json = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/shaodong-2022.json");
        let mut err = Vec::new();
        assert_eq!(load_or_import(&json, &mut err).unwrap().items.len(), 59);
        assert!(err.is_empty());
    }

    #[test]
    fn review_imports_in_memory() {
        let mut err = Vec::new();
        let report = import_for_review(&shaodong(), &mut err).unwrap();
        assert_eq!(report.items.len(), 31);
        let again = import_for_review(&shaodong(), &mut err).unwrap();
        assert_eq!(
            report.sha256, again.sha256,
            "the same document gives the same report, so its scores stay valid"
        );
    }
}
