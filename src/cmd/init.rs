//! `appraise init DIR [--rubric TABLE] [--sheet S] [--title TEXT] [--step S] [-q]`: makes a folder
//! of reports an evaluation. The settings given go into `DIR/appraise.toml` (over the ones there
//! on a second run; the rubric relative to the folder when it is inside it), the rubric is read
//! before anything is written, then every report document is prepared (imported with the rubric,
//! or its earlier import kept) and what was found is said: each report with its unit and item
//! count, each document that cannot be one with its reason, and scores that no longer fit a
//! changed rubric.

use super::Failure;
use super::export::stdout_result;
use super::progress::Progress;
use crate::evaluation::{self, Document, EvalError, Evaluation, Prepared, ReportStatus, Settings};
use crate::scores::fmt_num;
use crate::text::{shown, truncate, width};
use crate::words::{errors, evaluation as w};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `appraise init`'s arguments, each its flag's value (declared in `flags::defs`).
#[derive(Debug, Clone, Default)]
pub struct InitArgs {
    pub dir: PathBuf,
    pub rubric: Option<PathBuf>,
    pub sheet: Option<String>,
    pub title: Option<String>,
    pub step: Option<f64>,
    pub quiet: bool,
}

/// Makes `args.dir` an evaluation (or updates it) and says on `out` what it holds.
pub fn init(args: &InitArgs, out: &mut dyn Write) -> Result<(), Failure> {
    let dir = args.dir.as_path();
    if !dir.is_dir() {
        return Err(Failure::BadInput(
            w::NOT_A_FOLDER.fill(&[("dir", &shown(dir)), ("cmd", &"appraise init")]),
        ));
    }
    let settings = settings_for(dir, args)?;
    // The rubric must read before anything is written: every report is imported with it.
    let rubric = match settings.rubric_in(dir) {
        Some(path) => Some(read_rubric(&path, settings.sheet.as_deref())?),
        None => None,
    };
    let file = dir.join(evaluation::SETTINGS_FILE);
    crate::store::write_atomic(&file, settings.to_toml().as_bytes()).map_err(|e| {
        Failure::Runtime(
            errors::CANNOT_WRITE.fill(&[("path", &shown(&file)), ("why", &crate::io_error::message(&e))]),
        )
    })?;
    let eval = Evaluation::open(dir).map_err(eval_failure)?;
    let prepared = prepare_with_progress(&eval, args.quiet);
    let statuses = evaluation::status(&prepared, settings.method(), settings.disagree_percent());
    let text = said(&eval, &file, rubric.as_ref(), &prepared, &statuses);
    stdout_result(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// An evaluation's failure as the command's: each is bad input (exit 2).
pub(super) fn eval_failure(e: EvalError) -> Failure {
    Failure::BadInput(e.to_string())
}

/// The settings there (or new ones), with what `args` gives.
fn settings_for(dir: &Path, args: &InitArgs) -> Result<Settings, Failure> {
    let mut settings = match Settings::read(dir) {
        Ok(s) => s,
        Err(EvalError::NotAnEvaluation { .. }) => Settings::default(),
        Err(e) => return Err(eval_failure(e)),
    };
    match args.title.as_deref().map(str::trim) {
        Some("") => return Err(Failure::BadInput(errors::OPTION_EMPTY.fill(&[("flag", &"--title")]))),
        Some(title) => settings.title = title.to_string(),
        // A new evaluation is called after its folder until it is given a title.
        None if settings.title.trim().is_empty() => settings.title = folder_name(dir),
        None => {}
    }
    if let Some(step) = args.step {
        if !step.is_finite() || step <= 0.0 {
            return Err(Failure::BadInput(
                errors::OPTION_POSITIVE.fill(&[("flag", &"--step"), ("value", &step)]),
            ));
        }
        settings.step = Some(step);
    }
    if let Some(rubric) = &args.rubric {
        settings.rubric = Some(rubric_setting(dir, rubric)?);
        settings.sheet = None;
    }
    if args.sheet.is_some() {
        settings.sheet = args.sheet.clone();
    }
    Ok(settings)
}

/// The folder's own name (of its real path, so `.` has one).
fn folder_name(dir: &Path) -> String {
    std::fs::canonicalize(dir)
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default()
}

/// The rubric as `appraise.toml` keeps it: relative to the folder when it is inside it (so the
/// folder can be moved, shared or cloned), else its absolute path.
fn rubric_setting(dir: &Path, rubric: &Path) -> Result<PathBuf, Failure> {
    let cannot = |e: std::io::Error| {
        Failure::BadInput(
            errors::CANNOT_READ.fill(&[("path", &shown(rubric)), ("why", &crate::io_error::message(&e))]),
        )
    };
    let real = std::fs::canonicalize(rubric).map_err(cannot)?;
    let dir = std::fs::canonicalize(dir).map_err(cannot)?;
    Ok(real.strip_prefix(&dir).map(Path::to_path_buf).unwrap_or(real))
}

/// The rubric, read as every import will read it; its indicators and points. Refused with the
/// reader's own sentence (it names the file and the place).
fn read_rubric(path: &Path, sheet: Option<&str>) -> Result<(PathBuf, usize, f64), Failure> {
    let bytes = super::import::read_input(path)?;
    let file =
        crate::import::RubricFile { name: shown(path).to_string(), bytes, sheet: sheet.map(str::to_string) };
    let rubric = crate::import::rubric::parse(&file).map_err(Failure::BadInput)?;
    // Every report speaks the rubric's language (unless the flag, config or locale chose).
    crate::words::settle_by_report(rubric.lang);
    Ok((path.to_path_buf(), rubric.indicators.len(), rubric.total()))
}

/// Before the reports are read: the interface speaks the rubric's language (unless the flag,
/// config or locale chose), so that a document failing before its text is read is told of in it.
pub(super) fn settle_by_rubric(eval: &Evaluation) {
    let Some(path) = eval.settings.rubric_in(&eval.dir) else { return };
    let Ok(Some((bytes, _))) = crate::input::read(&path, crate::input::Cap::DOCUMENT) else { return };
    let file = crate::import::RubricFile {
        name: shown(&path).to_string(),
        bytes,
        sheet: eval.settings.sheet.clone(),
    };
    if let Ok(rubric) = crate::import::rubric::parse(&file) {
        crate::words::settle_by_report(rubric.lang);
    }
}

/// Every document prepared, with the spinner saying which one (on a terminal only); then the
/// interface speaks the reports' language (unless the flag, config or locale chose), and the
/// sentences made before it was known are made again in it.
pub(super) fn prepare_with_progress(eval: &Evaluation, quiet: bool) -> Vec<Prepared> {
    let progress = Progress::start(String::new(), quiet);
    let mut prepared = evaluation::prepare(eval, &mut |k, n, name| {
        let file = crate::text::sanitize(name).into_owned();
        progress.say(w::PROGRESS_PREPARE.fill(&[("k", &(k + 1)), ("n", &n), ("file", &file)]));
    });
    progress.finish();
    if let Some(report) = prepared.iter().find_map(|p| p.report.as_ref().ok()) {
        crate::words::settle_by_report(crate::lang::Lang::of_report(report));
    }
    let mut documents: Vec<Document> = prepared.iter().map(|p| p.document.clone()).collect();
    evaluation::scan::name_clashes(&mut documents);
    for (p, d) in prepared.iter_mut().zip(documents) {
        if let Some(problem) = &d.problem {
            p.report = Err(problem.clone());
        }
        p.document = d;
    }
    prepared
}

/// What `init` says: the evaluation, its rubric, each report, the documents that cannot be
/// reports, the scores that no longer fit, and what to do next.
fn said(
    eval: &Evaluation,
    file: &Path,
    rubric: Option<&(PathBuf, usize, f64)>,
    prepared: &[Prepared],
    statuses: &[ReportStatus],
) -> String {
    let safe = |s: &str| truncate(s, usize::MAX).into_owned();
    let dir = shown(&eval.dir).to_string();
    let ready: Vec<(&Prepared, &ReportStatus)> =
        prepared.iter().zip(statuses).filter(|(p, _)| p.report.is_ok()).collect();
    let mut lines = Vec::new();
    let title = safe(&eval.settings.title);
    let word = plural(ready.len(), w::REPORT_ONE, w::REPORTS);
    let reports = word.fill(&[("n", &ready.len())]);
    lines.push(w::INIT_HEADING.fill(&[("title", &title), ("reports", &reports), ("file", &shown(file))]));
    lines.push(match rubric {
        Some((path, n, points)) => {
            let name = eval.settings.rubric.as_deref().unwrap_or(path);
            w::INIT_RUBRIC.fill(&[("rubric", &shown(name)), ("n", n), ("points", &fmt_num(*points))])
        }
        None => w::INIT_NO_RUBRIC.fill(&[("flag", &"--rubric")]),
    });
    if prepared.is_empty() {
        let exts = ".txt .md .docx .pdf .json";
        lines.push(w::INIT_NONE.fill(&[("dir", &dir), ("exts", &exts), ("init", &"appraise init")]));
        return lines.join("\n") + "\n";
    }
    if !ready.is_empty() {
        lines.push(String::new());
        let rows: Vec<[String; 4]> = ready
            .iter()
            .map(|(p, s)| {
                let word = plural(s.items, w::INIT_ITEM, w::INIT_ITEMS);
                let items = word.fill(&[("n", &s.items)]);
                let how = if p.document.is_report {
                    w::INIT_AS_IS
                } else if p.imported_now {
                    w::INIT_IMPORTED
                } else {
                    w::INIT_UNCHANGED
                };
                let unit = s.unit.as_deref().map_or_else(|| w::INIT_NO_UNIT.get().to_string(), safe);
                [safe(&s.file), unit, items, how.get().to_string()]
            })
            .collect();
        push_columns(&mut lines, &rows);
        for (_, s) in &ready {
            push_sheet_problems(&mut lines, s);
        }
    }
    let failed: Vec<&str> =
        prepared.iter().filter_map(|p| p.report.as_ref().err().map(String::as_str)).collect();
    if !failed.is_empty() {
        lines.push(String::new());
        push_failed(&mut lines, &failed);
    }
    if !ready.is_empty() {
        lines.push(String::new());
        lines.push(w::INIT_NEXT.fill(&[
            ("open", &"appraise"),
            ("dir", &dir),
            ("summary", &"appraise summary"),
        ]));
    }
    lines.join("\n") + "\n"
}

/// The documents that cannot be reports, each with its reason (its first line): documents of
/// one id share one sentence, which names them all, said once.
pub(super) fn push_failed(lines: &mut Vec<String>, failed: &[&str]) {
    lines.push(if failed.len() == 1 {
        w::INIT_FAILED_ONE.get().to_string()
    } else {
        w::INIT_FAILED.fill(&[("n", &failed.len())])
    });
    let mut said: Vec<String> = Vec::new();
    for why in failed {
        let line = format!("  {}", first_line(&truncate(why, usize::MAX)));
        if !said.contains(&line) {
            said.push(line);
        }
    }
    lines.extend(said);
}

/// `one` for 1, else `many` (the English has a plural; the Chinese says both alike).
pub(super) fn plural(n: usize, one: crate::words::Word, many: crate::words::Word) -> crate::words::Word {
    if n == 1 { one } else { many }
}

/// An import's error may run to several lines (a list of problems): its first says what.
fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

/// Rows of cells, each column padded to its widest, two spaces apart, indented by two.
pub(super) fn push_columns<const N: usize>(lines: &mut Vec<String>, rows: &[[String; N]]) {
    let widths: Vec<usize> = (0..N).map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0)).collect();
    for row in rows {
        let mut line = String::from(" ");
        for (c, cell) in row.iter().enumerate() {
            line.push(' ');
            line.push_str(cell);
            if c + 1 < N {
                line.push_str(&" ".repeat(widths[c] - width(cell) + 1));
            }
        }
        lines.push(line.trim_end().to_string());
    }
}

/// The evaluators' files of one report that cannot be read, or no longer fit its rubric.
pub(super) fn push_sheet_problems(lines: &mut Vec<String>, s: &ReportStatus) {
    let safe = |t: &str| truncate(t, usize::MAX).into_owned();
    let report = safe(&s.file);
    for e in &s.evaluators {
        let name = safe(&e.name);
        if let Some(why) = &e.problem {
            let said = w::DIR_SHEET_PROBLEM.fill(&[
                ("report", &report),
                ("name", &name),
                ("file", &shown(&e.file)),
                ("why", &safe(why)),
            ]);
            lines.push(format!("  {said}"));
        }
        if !e.mismatched.is_empty() {
            let ids = e.mismatched.iter().map(|i| safe(i)).collect::<Vec<_>>().join(errors::LIST_SEP.get());
            let said = w::DIR_MISMATCHED.fill(&[("report", &report), ("name", &name), ("ids", &ids)]);
            lines.push(format!("  {said}"));
        }
    }
}
