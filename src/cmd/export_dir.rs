//! `appraise export DIR [--format xlsx|csv|md|json] [-o OUT] [--lang zh|en] [--no-bom]`: an
//! evaluation's 汇总表 — a row per report ranked by the panel's 评价得分, a column per evaluator.
//! In xlsx the 汇总表 is the first sheet and each report's own sheet follows (its panel's sheet
//! when more than one evaluator has scored it, else the one evaluator's), the 汇总表 linking to
//! their totals; csv, md and json are the 汇总表 alone. Documents are imported as they need to
//! be (`evaluation::prepare`), with progress on a terminal; one that cannot be read is listed
//! last with why, and said on stderr, without stopping the others.

use super::Failure;
use super::export::{ExportArgs, Rendered, Sheet, Written, check_output, emit, pick_format};
use super::progress::Progress;
use crate::evaluation::{Evaluation, Prepared, ReportStatus, SETTINGS_FILE, prepare, status};
use crate::export::{
    Dates, Format, Lang, Panel, PanelMember, Summary, SummaryMark, SummaryReport, Table, book_xlsx, links_of,
    panel_table, sheet_names, sheet_table, summary_json, summary_order, summary_sheet_name, summary_table,
    to_md,
};
use crate::report::Report;
use crate::scores::Scores;
use crate::store::{RESERVED, default_scores_path, load_scores};
use crate::text::shown;
use crate::words::summary_sheet as w;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn export_dir(args: &ExportArgs, stdout: &mut dyn Write) -> Result<(), Failure> {
    let dir = &args.report;
    let flag = match (&args.scores, &args.evaluator) {
        (Some(_), _) => Some("--scores"),
        (None, Some(_)) => Some("--evaluator"),
        (None, None) => None,
    };
    if let Some(flag) = flag {
        return Err(Failure::BadInput(w::DIR_NO_SCORES.fill(&[("dir", &shown(dir)), ("flag", &flag)])));
    }
    let options = &args.sheet;
    check_output(options.out.as_deref())?;
    let eval = Evaluation::open(dir).map_err(|e| Failure::BadInput(e.to_string()))?;
    let format = pick_format(options.format, options.out.as_deref());

    // The reasons a document cannot be read are told in the evaluation's language (unless the
    // flag, configuration or locale chose), as the sheet is written in it.
    crate::words::settle_by_report(Lang::of_texts([eval.settings.title.as_str()]));
    super::init::settle_by_rubric(&eval);
    let n = eval.documents.len();
    let progress = Progress::start(
        w::PROGRESS_READING.fill(&[("file", &shown(dir)), ("k", &0), ("n", &n)]),
        options.quiet,
    );
    let prepared = prepare(&eval, &mut |k, n, name| {
        progress.say(w::PROGRESS_READING.fill(&[
            ("file", &crate::text::sanitize(name)),
            ("k", &(k + 1)),
            ("n", &n),
        ]));
    });
    let statuses = status(&prepared, eval.settings.method(), eval.settings.disagree_percent());
    let title = if eval.settings.title.trim().is_empty() {
        std::fs::canonicalize(dir)
            .ok()
            .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default()
    } else {
        eval.settings.title.trim().to_string()
    };
    let lang = options.lang.unwrap_or_else(|| {
        let titles = prepared.iter().filter_map(|p| p.report.as_ref().ok()).map(|r| r.title.as_str());
        Lang::of_texts(std::iter::once(title.as_str()).chain(titles))
    });

    let loaded: Vec<Option<Loaded>> = prepared
        .iter()
        .zip(&statuses)
        .map(|(p, st)| p.report.as_ref().ok().map(|report| Loaded::of(st, report)))
        .collect();
    let mut reports: Vec<SummaryReport> = prepared.iter().zip(&statuses).map(summary_report).collect();
    let order = summary_order(&reports);

    // In xlsx, each report's own sheet after the 汇总表, which links to their totals.
    let mut sheets: Vec<(String, Table)> = Vec::new();
    if format == Format::Xlsx {
        let readable: Vec<usize> = order.iter().copied().filter(|&k| loaded[k].is_some()).collect();
        let wanted: Vec<String> = readable
            .iter()
            .enumerate()
            .map(|(pos, &k)| {
                format!("{} {}", pos + 1, reports[k].unit.as_deref().unwrap_or(&reports[k].file))
            })
            .collect();
        let names = sheet_names(&wanted, &[summary_sheet_name(lang)]);
        for (pos, (&k, name)) in readable.iter().zip(names).enumerate() {
            progress.say(w::PROGRESS_WRITING.fill(&[
                ("file", &crate::text::sanitize(&reports[k].file)),
                ("k", &(pos + 1)),
                ("n", &readable.len()),
            ]));
            let (Ok(report), Some(l)) = (&prepared[k].report, &loaded[k]) else { continue };
            let (table, members) = report_sheet(report, l, &statuses[k], &eval, lang);
            reports[k].sheet = links_of(&table, &name, &members);
            sheets.push((name, table));
        }
    }

    let all_scores = loaded.iter().flatten().flat_map(|l| l.members.iter().map(|(_, s)| s).chain(&l.agreed));
    let summary = Summary {
        title: title.clone(),
        method: eval.settings.method(),
        agreed: loaded.iter().flatten().any(|l| l.agreed.is_some()),
        disagree_percent: eval.settings.disagree_percent(),
        dates: Dates::of(all_scores),
        reports: order.iter().map(|&k| reports[k].clone()).collect(),
    };
    let table = summary_table(&summary, lang);
    let rendered = match format {
        Format::Csv => Rendered::Csv { table: &table, bom: !options.no_bom },
        Format::Md => Rendered::Bytes(to_md(&table).into_bytes()),
        Format::Json => Rendered::Bytes(summary_json(&summary).into_bytes()),
        Format::Xlsx => {
            let mut book: Vec<(&str, &Table)> = vec![(summary_sheet_name(lang), &table)];
            book.extend(sheets.iter().map(|(name, t)| (name.as_str(), t)));
            let bytes = book_xlsx(&title, &book)
                .map_err(|e| Failure::Runtime(crate::words::cli::XLSX_FAILED.fill(&[("detail", &e)])))?;
            Rendered::Bytes(bytes)
        }
    };
    progress.finish();
    warn(&statuses);

    let beside = || dir.join(format!("{}.xlsx", summary_sheet_name(lang)));
    let mut inputs: Vec<&Path> = eval.documents.iter().map(|d| d.path.as_path()).collect();
    let settings = dir.join(SETTINGS_FILE);
    inputs.push(&settings);
    let rubric = eval.settings.rubric_in(dir);
    inputs.extend(rubric.as_deref());
    // The spinner is gone already: the warnings are said.
    let written = Written { what: Sheet::Summary, progress: Progress::start(String::new(), true) };
    emit(&rendered, format, options.out.as_deref(), beside, &inputs, written, stdout)
}

/// A report's scores as its sheet needs them: each readable evaluator's, and the chair's
/// agreed scores.
struct Loaded {
    members: Vec<(String, Scores)>,
    agreed: Option<Scores>,
}

impl Loaded {
    fn of(st: &ReportStatus, report: &Report) -> Loaded {
        let members = st
            .evaluators
            .iter()
            .filter(|e| e.problem.is_none())
            .filter_map(|e| Some((e.name.clone(), load_scores(&e.file, report).ok()??.scores)))
            .collect();
        let agreed = load_scores(&agreed_path(&st.document), report).ok().flatten().map(|l| l.scores);
        Loaded { members, agreed }
    }
}

/// The chair's agreed scores of `document`: `DOCUMENT.panel.scores.json` beside it.
fn agreed_path(document: &Path) -> PathBuf {
    let base = default_scores_path(document);
    let name = base.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.strip_suffix(".scores.json").unwrap_or(&name);
    base.with_file_name(format!("{stem}.{RESERVED}.scores.json"))
}

/// The report's own sheet and the names of its score columns: the panel's sheet when more than
/// one evaluator has scored it, else the one evaluator's sheet (blank when nobody has).
fn report_sheet(
    report: &Report,
    l: &Loaded,
    st: &ReportStatus,
    eval: &Evaluation,
    lang: Lang,
) -> (Table, Vec<String>) {
    let scored = |name: &str| st.evaluators.iter().any(|e| e.name == name && e.scored > 0);
    let with_scores: Vec<&(String, Scores)> = l.members.iter().filter(|(name, _)| scored(name)).collect();
    if with_scores.len() > 1 {
        let members = l
            .members
            .iter()
            .map(|(name, scores)| {
                let file = st.evaluators.iter().find(|e| &e.name == name).map(|e| shown(&e.file).to_string());
                PanelMember { name: name.clone(), file: file.unwrap_or_default(), scores: scores.clone() }
            })
            .collect::<Vec<_>>();
        let names = members.iter().map(|m| m.name.clone()).collect();
        let panel = Panel {
            report,
            members,
            disagree_percent: eval.settings.disagree_percent(),
            method: eval.settings.method(),
            agreed: l.agreed.clone(),
        };
        return (panel_table(&panel, lang), names);
    }
    let one = with_scores.first().copied().or(match &l.members[..] {
        [only] => Some(only),
        _ => None,
    });
    match one {
        Some((name, scores)) => (sheet_table(report, scores, lang), vec![name.clone()]),
        None => (sheet_table(report, &Scores::new(report), lang), Vec::new()),
    }
}

/// A report's row of the 汇总表, from its status.
fn summary_report((p, st): (&Prepared, &ReportStatus)) -> SummaryReport {
    SummaryReport {
        file: st.file.clone(),
        title: st.title.clone(),
        unit: st.unit.clone(),
        items: st.items,
        max: st.report_max,
        evaluators: st
            .evaluators
            .iter()
            .map(|e| SummaryMark {
                name: e.name.clone(),
                scored: e.scored,
                items: e.items,
                total: e.points,
                submitted: e.submitted,
                problem: e.problem.clone(),
                mismatched: e.mismatched.len(),
            })
            .collect(),
        score: st.score,
        percent: st.percent,
        grade: st.grade.clone(),
        provisional: st.provisional,
        disagreements: st.disagreements,
        rank: st.rank,
        // On a printed sheet a document is its file name, not where it lay on this machine.
        problem: st
            .problem
            .as_ref()
            .map(|why| why.replace(&crate::text::shown(&st.document).to_string(), &st.file)),
        bands: p.report.as_ref().map(|r| r.grades.clone()).unwrap_or_default(),
        sheet: None,
    }
}

/// What could not be counted, on stderr: documents that are not reports, scores files that
/// cannot be read.
fn warn(statuses: &[ReportStatus]) {
    for st in statuses {
        if let Some(why) = &st.problem {
            let file = crate::text::sanitize(&st.file);
            eprintln!(
                "appraise: {}",
                w::LEFT_OUT.fill(&[("file", &file), ("why", &crate::text::sanitize(why))])
            );
        }
        for e in &st.evaluators {
            if let Some(why) = &e.problem {
                let why = crate::text::sanitize(why);
                eprintln!(
                    "appraise: {}",
                    w::UNREADABLE_SCORES.fill(&[("path", &shown(&e.file)), ("why", &why)])
                );
            }
        }
    }
}
