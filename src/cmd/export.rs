//! `appraise export REPORT [--scores PATH] [--format csv|xlsx|md|json] [-o OUT] [--lang zh|en]
//! [--no-bom]`: one evaluator's scoring sheet (`-` reads the report from standard input, with
//! `--scores` naming its scores); a folder is an evaluation, whose 汇总表 `export_dir` writes
//! (`cmd::export` chooses). Also what `merge` shares with it: choosing the
//! format and language, and writing the result (stdout, `-o OUT`, or beside the inputs for xlsx).

use super::Failure;
use super::progress::Progress;
use crate::export::{Format, Lang, Table, sheet_json, sheet_table, to_md, to_xlsx, write_csv};
use crate::scores::Scores;
use crate::store::{default_scores_path, load_scores, write_output};
use crate::text::shown;
use crate::words::{cli, errors};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// `appraise export`'s arguments, each its flag's value (declared, with its help, in
/// `flags::defs`).
#[derive(Debug, Default, Clone)]
pub struct ExportArgs {
    pub report: PathBuf,
    pub scores: Option<PathBuf>,
    /// `--evaluator NAME`: that evaluator's own scores file.
    pub evaluator: Option<String>,
    pub sheet: SheetOptions,
}

/// How a sheet is written, for `export` and `merge` alike.
#[derive(Debug, Default, Clone)]
pub struct SheetOptions {
    pub format: Option<Format>,
    /// `-o`: a file, or `-` for standard output.
    pub out: Option<PathBuf>,
    /// The sheet's language (not the interface's).
    pub lang: Option<Lang>,
    pub no_bom: bool,
    /// `-q`: no spinner on stderr.
    pub quiet: bool,
}

pub fn export(args: &ExportArgs, stdout: &mut dyn Write) -> Result<(), Failure> {
    let sheet_options = &args.sheet;
    let named = super::scores_of(&args.report, args.scores.clone(), args.evaluator.as_deref())?;
    if args.report == Path::new("-") && named.is_none() {
        // No file beside standard input to hold the scores: say so before reading it.
        return Err(Failure::BadInput(cli::EXPORT_STDIN_NEEDS_SCORES.fill(&[("scores", &"--scores")])));
    }
    check_output(sheet_options.out.as_deref())?;
    let report = super::load_or_import(&args.report, &mut std::io::stderr())?;
    let format = pick_format(sheet_options.format, sheet_options.out.as_deref());
    let lang = sheet_options.lang.unwrap_or_else(|| Lang::of_report(&report));
    let scores_path = named.clone().unwrap_or_else(|| default_scores_path(&args.report));
    let scores = match load_scores(&scores_path, &report)? {
        Some(loaded) => {
            warn(&scores_path, &loaded.warnings);
            loaded.scores
        }
        None if named.is_some() => return Err(no_such_file(&scores_path)),
        None => {
            eprintln!("appraise: {}", cli::NO_SCORES_YET.fill(&[("path", &shown(&scores_path))]));
            Scores::new(&report)
        }
    };
    warn_missing_reasons(&report, &scores);
    let progress = sheet_progress(format, sheet_options.quiet);
    let table = sheet_table(&report, &scores, lang);
    let sheet = render(&table, || sheet_json(&report, &scores), format, !sheet_options.no_bom)?;
    let beside = || super::open::sheet_path_for(&scores_path, scores.head.evaluator.as_deref(), "xlsx");
    let inputs = [args.report.as_path(), scores_path.as_path()];
    let written = Written { what: Sheet::Evaluator, progress };
    emit(&sheet, format, sheet_options.out.as_deref(), beside, &inputs, written, stdout)
}

/// The spinner while a sheet of `format` is made and written (on a terminal, after a moment).
pub(super) fn sheet_progress(format: Format, quiet: bool) -> Progress {
    Progress::start(cli::PROGRESS_SHEET.fill(&[("format", &format.extension())]), quiet)
}

/// What [`emit`] says when it writes the sheet beside the inputs, and the spinner it takes away
/// before it prints anything.
pub(super) struct Written {
    pub what: Sheet,
    pub progress: Progress,
}

/// Which sheet [`emit`] writes: one evaluator's, a panel's, or an evaluation's 汇总表.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sheet {
    Evaluator,
    Panel,
    Summary,
}

/// Refuses an `-o` that may not be written (a folder, a missing folder…) before any work is
/// done, so the refusal is the only thing said.
pub(super) fn check_output(out: Option<&Path>) -> Result<(), Failure> {
    match out {
        Some(path) if path != Path::new("-") => crate::store::destination(path).map(drop).map_err(Into::into),
        _ => Ok(()),
    }
}

/// `--format`, else the extension of `-o`, else csv.
pub(super) fn pick_format(format: Option<Format>, out: Option<&Path>) -> Format {
    format.or_else(|| out.and_then(Format::of_path)).unwrap_or(Format::Csv)
}

/// Warnings about a scores file, on stderr; they quote ids from the file, so made terminal-safe.
pub(super) fn warn(path: &Path, warnings: &[String]) {
    for w in warnings {
        let warning = errors::WARNING.fill(&[("text", &crate::text::sanitize(w))]);
        eprintln!("appraise: {}: {warning}", shown(path));
    }
}

/// The sheet goes out all the same, but the evaluator hears that the report wants reasons some
/// scores lack (the first is named; `summary` lists them all).
fn warn_missing_reasons(report: &crate::report::Report, scores: &Scores) {
    let mut missing = (0..report.items.len())
        .filter(|&i| crate::scores::needs_reason(report, &report.items[i], scores.entry(i)));
    let Some(first) = missing.next() else { return };
    let n = 1 + missing.count();
    let text = cli::EXPORT_MISSING_REASONS.fill(&[
        ("n", &n),
        ("id", &crate::text::sanitize(&report.items[first].id)),
        ("title", &crate::text::sanitize(&report.items[first].display_title())),
        ("cmd", &"appraise summary"),
    ]);
    eprintln!("appraise: {}", errors::WARNING.fill(&[("text", &text)]));
}

/// "cannot read FILE: no such file": a scores file named on the command line that is not there.
pub(super) fn no_such_file(path: &Path) -> Failure {
    let why = errors::IO_NOT_FOUND.get();
    Failure::BadInput(errors::CANNOT_READ.fill(&[("path", &shown(path)), ("why", &why)]))
}

/// A sheet ready to be written: the bytes, or (CSV) the table, written row by row where it
/// goes, so a large sheet's text is never held whole.
pub(super) enum Rendered<'a> {
    Bytes(Vec<u8>),
    Csv { table: &'a Table, bom: bool },
}

impl Rendered<'_> {
    fn write_to(&self, out: &mut dyn Write) -> std::io::Result<()> {
        match self {
            Rendered::Bytes(bytes) => out.write_all(bytes),
            Rendered::Csv { table, bom } => write_csv(table, *bom, &mut *out).map_err(std::io::Error::from),
        }
    }
}

/// The table in `format`; `json` builds the structured form.
pub(super) fn render<'a>(
    table: &'a Table,
    json: impl FnOnce() -> String,
    format: Format,
    bom: bool,
) -> Result<Rendered<'a>, Failure> {
    match format {
        Format::Csv => Ok(Rendered::Csv { table, bom }),
        Format::Md => Ok(Rendered::Bytes(to_md(table).into_bytes())),
        Format::Json => Ok(Rendered::Bytes(json().into_bytes())),
        Format::Xlsx => to_xlsx(table)
            .map(Rendered::Bytes)
            .map_err(|e| Failure::Runtime(cli::XLSX_FAILED.fill(&[("detail", &e)]))),
    }
}

/// Writes `sheet` to `out` (`-` is stdout), or to stdout when there is no `out`, except xlsx,
/// which then goes to the file `beside()` names (and says so with `written`). Never over one
/// of `inputs`. The spinner goes before anything is printed.
pub(super) fn emit(
    sheet: &Rendered,
    format: Format,
    out: Option<&Path>,
    beside: impl FnOnce() -> PathBuf,
    inputs: &[&Path],
    written: Written,
    stdout: &mut dyn Write,
) -> Result<(), Failure> {
    let Written { what, progress } = written;
    let word = match what {
        Sheet::Evaluator => cli::SHEET_WRITTEN,
        Sheet::Panel => cli::PANEL_WRITTEN,
        Sheet::Summary => crate::words::summary_sheet::SUMMARY_WRITTEN,
    };
    let path = match out {
        Some(p) if p == Path::new("-") => {
            progress.finish();
            if format == Format::Xlsx && std::io::stdout().is_terminal() {
                let option = format!("-o {}.xlsx", cli::VALUE_FILE.get());
                return Err(Failure::BadInput(cli::XLSX_TO_TERMINAL.fill(&[("option", &option)])));
            }
            return to_stdout(sheet, format, stdout);
        }
        Some(p) => p.to_path_buf(),
        None if format == Format::Xlsx => beside(),
        None => {
            progress.finish();
            return to_stdout(sheet, format, stdout);
        }
    };
    if let Some(input) = inputs.iter().find(|i| same_file(i, &path)) {
        return Err(Failure::BadInput(cli::OVER_AN_INPUT.fill(&[("path", &shown(input))])));
    }
    let result = write_output(&path, |out| sheet.write_to(out));
    progress.finish();
    result?;
    if out.is_none() {
        stdout_result(writeln!(stdout, "{}", word.fill(&[("path", &shown(&path))])))?;
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Text to stdout; on a terminal, CSV cells are shown with control characters made harmless
/// (the Markdown is always made so, and JSON escapes them).
fn to_stdout(sheet: &Rendered, format: Format, stdout: &mut dyn Write) -> Result<(), Failure> {
    let result = if format == Format::Csv && std::io::stdout().is_terminal() {
        let mut bytes = Vec::new();
        sheet.write_to(&mut bytes).and_then(|()| {
            let text = String::from_utf8_lossy(&bytes);
            stdout.write_all(crate::text::sanitize(&text).as_bytes())
        })
    } else {
        let mut out = std::io::BufWriter::new(&mut *stdout);
        sheet.write_to(&mut out).and_then(|()| out.flush())
    };
    stdout_result(result.and_then(|()| stdout.flush()))
}

pub(super) fn stdout_result(result: std::io::Result<()>) -> Result<(), Failure> {
    match result {
        Ok(()) => Ok(()),
        // The reader has gone (`| head`): it has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Runtime(cli::STDOUT_FAILED.fill(&[("why", &crate::io_error::message(&e))]))),
    }
}
