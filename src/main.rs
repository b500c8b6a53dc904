//! The `appraise` binary: parse the command line, run the command, print any failure once,
//! and exit 0 (ok), 1 (runtime failure) or 2 (bad input).

use appraise::cmd::{self, ExportArgs, Failure, MergeArgs, OpenArgs};
use appraise::lang::Lang;
use appraise::words::{Word, cli as w};
use appraise::{theme, words};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

// The doc comments below are clap's English; what `--help` shows comes from the catalogue
// (`words::cli`), in the interface's language — see `command`. A test holds the two equal.

/// Review and score reports in the terminal. With no REPORT, opens the built-in sample.
#[derive(Parser, Debug)]
#[command(name = "appraise", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The report to review: an appraise.report/1 JSON file, or a .txt/.md/.docx/.pdf report,
    /// imported on the fly.
    report: Option<PathBuf>,
    /// Where the scores are kept (default: beside the report, NAME.scores.json).
    #[arg(long, value_name = "PATH")]
    scores: Option<PathBuf>,
    /// Your name, stored in the scores file (default: the name in it, else your login name).
    #[arg(long, value_name = "NAME")]
    evaluator: Option<String>,
    /// Colour theme: dark (default), light, high-contrast, mono, a user theme in
    /// <config dir>/themes/NAME.toml, or a path (default: the config file's choice).
    #[arg(long, value_name = "NAME")]
    theme: Option<String>,
    /// The text's encoding, when a document imported on the fly is not read right (as import --encoding).
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,
    /// Look without changing anything; nothing is saved.
    #[arg(long)]
    read_only: bool,
    /// The interface's language: zh or en (default: lang in config.toml, else the locale, else
    /// the report's own language).
    #[arg(long, value_name = "LANG", value_enum)]
    lang: Option<Lang>,
    /// The configuration file to use (default: APPRAISE_CONFIG, else config.toml in the config
    /// directory).
    #[arg(long = "config", value_name = "PATH", global = true)]
    #[allow(dead_code)] // read from the raw arguments before clap runs: see `config_flag`
    config_file: Option<PathBuf>,
    /// Use the mouse: click to select, wheel to scroll (off by default, so the terminal's own
    /// selection and copy work).
    #[arg(long)]
    mouse: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate a report (and a scores file): every problem with its place; exit 0 valid, 2 invalid.
    Check {
        /// The report to check (or a .txt/.md/.docx/.pdf report, imported first; - reads standard input).
        report: PathBuf,
        /// A scores file to check as well.
        #[arg(long, value_name = "PATH")]
        scores: Option<PathBuf>,
        /// Print the result as JSON (appraise.check/1): each problem with a stable code and its place.
        #[arg(long)]
        json: bool,
    },
    /// Turn a text, Markdown, Word or PDF report into a report file, by its outline numbering.
    Import(cmd::ImportArgs),
    /// Print the configuration files in use and the effective settings, keys included.
    Config,
    /// Write a reproducible synthetic report of mixed Chinese/English text (for benchmarks).
    Gen {
        /// How many items.
        #[arg(long, value_name = "N")]
        items: usize,
        /// The seed: the same items and seed give the same bytes.
        #[arg(long, value_name = "S", default_value_t = cmd::DEFAULT_SEED)]
        seed: u64,
        /// Where to write it (default: standard output).
        #[arg(short = 'o', long = "output", value_name = "REPORT.json")]
        output: Option<PathBuf>,
    },
    /// Write a scoring sheet (评分表): a row per item, section subtotals, total, percent and grade.
    Export(ExportArgs),
    /// Print totals, percent, grade, progress, per-section subtotals and the items missing a reason.
    Summary {
        /// The report to summarise (or a .txt/.md/.docx/.pdf report, imported first; - reads standard input).
        report: PathBuf,
        /// The scores (default: beside the report, NAME.scores.json).
        #[arg(long, value_name = "PATH")]
        scores: Option<PathBuf>,
        /// Print the summary as JSON (appraise.summary/1): each item needing attention with a stable code.
        #[arg(long)]
        json: bool,
    },
    /// One sheet of several evaluators' scores: a column each, then mean (评价得分), lowest, highest, spread.
    Merge(MergeArgs),
    /// The chair's view: every evaluator's scores and notes beside each item, and the panel's agreed score (评价得分).
    Panel(cmd::PanelArgs),
    /// Write the manual page (roff) to standard output; used by scripts/dist.sh.
    #[command(hide = true)]
    Manpage,
    /// Write a shell's completion script to standard output.
    Completions {
        /// Which shell it is for.
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Search a report from the shell: the search box's ranked hits, a line each (or JSON), with id, section path, title and match positions.
    Search {
        /// The report to search.
        report: PathBuf,
        /// What to look for: space-separated terms, all of which must match; 'term exact, ^term prefix, term$ suffix, !term not.
        query: String,
        /// Print a JSON array (see docs/schema/search-1.json).
        #[arg(long)]
        json: bool,
        /// Show at most N hits (default: all).
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
    },
}

fn main() -> ExitCode {
    // Over a `ulimit -f` a write must fail (EFBIG: "not saved", tried again), not kill the
    // process with the terminal raw and a temp file left behind.
    #[cfg(unix)]
    // SAFETY: sets one signal's disposition before any thread starts; no handler is involved.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
    // The interface's language is settled before the command line is read, so `--help` and
    // clap's errors speak it too.
    let argv: Vec<OsString> = std::env::args_os().collect();
    let dir = appraise::config::config_dir();
    let config = match config_flag(&argv)
        .or_else(|| std::env::var_os("APPRAISE_CONFIG").filter(|v| !v.is_empty()).map(PathBuf::from))
    {
        Some(file) => appraise::config::load_file(&file),
        None => appraise::config::load(dir.as_deref()),
    };
    let configured = config.as_ref().ok().and_then(|c| c.lang);
    words::settle(interface_flag(&argv), configured, words::locale());
    let cli = parse(argv);
    if cli.lang.is_some() {
        words::settle(cli.lang, None, None);
    }
    match run(cli, dir, config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            // Report text can reach error messages: make it terminal-safe, and never panic
            // when stderr is gone.
            let mut stderr = std::io::stderr();
            for line in failure.to_string().lines() {
                let _ = writeln!(stderr, "appraise: {}", appraise::text::sanitize(line));
            }
            ExitCode::from(failure.exit_code())
        }
    }
}

/// The command line as parsed by [`command`]; a wrong one exits as clap does (2), a request for
/// help or the version prints it and exits 0 — each in the interface's language.
fn parse(argv: Vec<OsString>) -> Cli {
    let commands: Vec<String> = Cli::command().get_subcommands().map(|c| c.get_name().to_string()).collect();
    let commands: Vec<&str> = commands.iter().map(String::as_str).chain(["help"]).collect();
    if let Some(said) = cmd::shell::did_you_mean(&argv, &commands, VALUE_OPTIONS) {
        let _ = writeln!(std::io::stderr(), "appraise: {}", appraise::text::sanitize(&said));
        std::process::exit(2);
    }
    let matches = command().try_get_matches_from(argv).unwrap_or_else(|e| exit(e));
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit(e.format(&mut command())))
}

/// Prints clap's error (or help, or version) and exits with its code: in Chinese, the error is
/// said from the catalogue ([`chinese_error`]); help and version are already in the language.
fn exit(e: clap::Error) -> ! {
    let shows_help = matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if shows_help || words::lang() == Lang::En {
        e.exit();
    }
    let _ = std::io::stdout().flush();
    let _ = write!(std::io::stderr(), "{}", chinese_error(&e));
    std::process::exit(e.exit_code());
}

/// A wrong command line, in Chinese: what is wrong, a tip when clap has one, the usage, and
/// where to read more — as clap lays its own errors out.
fn chinese_error(e: &clap::Error) -> String {
    let get = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let mut out = String::new();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => w::CLAP_UNKNOWN_ARGUMENT.fill(&[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => {
            let name = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            w::CLAP_UNKNOWN_SUBCOMMAND.fill(&[("arg", &name)])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => match get(ContextKind::InvalidValue) {
            Some(value) if !value.is_empty() => {
                w::CLAP_INVALID_VALUE.fill(&[("value", &value), ("arg", &arg)])
            }
            _ => w::CLAP_MISSING_VALUE.fill(&[("arg", &arg)]),
        },
        ErrorKind::MissingRequiredArgument => {
            let missing = match e.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(v)) => v.clone(),
                _ => vec![arg.clone()],
            };
            let lines: Vec<String> = missing.iter().map(|m| format!("  {m}")).collect();
            format!("{}\n{}", w::CLAP_MISSING.get(), lines.join("\n"))
        }
        ErrorKind::ArgumentConflict => {
            let other = get(ContextKind::PriorArg).unwrap_or_default();
            if let Some(sub) = get(ContextKind::InvalidSubcommand) {
                w::CLAP_SUBCOMMAND_CONFLICT.fill(&[("arg", &sub), ("other", &other)])
            } else if other == arg {
                w::CLAP_USED_TWICE.fill(&[("arg", &arg)])
            } else {
                w::CLAP_CONFLICT.fill(&[("arg", &arg), ("other", &other)])
            }
        }
        _ => w::CLAP_OTHER.get().to_string(),
    };
    out.push_str(&w::CLAP_ERROR.fill(&[("message", &message)]));
    out.push('\n');
    if let Some(ContextValue::Strings(values)) = e.get(ContextKind::ValidValue)
        && !values.is_empty()
    {
        out.push_str(&format!("  {}\n", w::CLAP_POSSIBLE.fill(&[("values", &values.join(", "))])));
    }
    let mut tips = Vec::new();
    if let Some(ContextValue::Strings(similar)) = e.get(ContextKind::SuggestedArg) {
        tips.extend(similar.iter().map(|s| w::CLAP_SIMILAR.fill(&[("arg", s)])));
    }
    if let Some(ContextValue::Strings(similar)) = e.get(ContextKind::SuggestedSubcommand) {
        tips.extend(similar.iter().map(|s| w::CLAP_SIMILAR_SUBCOMMAND.fill(&[("arg", s)])));
    }
    if let Some(ContextValue::Bool(true)) = e.get(ContextKind::TrailingArg) {
        tips.push(w::CLAP_AS_VALUE.fill(&[("arg", &arg), ("escaped", &format!("-- {arg}"))]));
    }
    for tip in tips {
        out.push_str(&format!("\n  {tip}\n"));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim().strip_prefix("Usage:").unwrap_or(usage.trim()).trim_start();
        out.push_str(&format!("\n{}{usage}\n", w::HEADING_USAGE.get()));
    }
    out.push_str(&format!("\n{}\n", w::CLAP_MORE.fill(&[("help", &"--help")])));
    out
}

/// The command line's definition with every about and help text, value name and heading from
/// the catalogue: in English they are the doc comments' texts, as clap renders them.
fn command() -> clap::Command {
    let mut cmd = Cli::command();
    // Adds `--help`, `--version` and the `help` subcommand, so that they are worded too.
    cmd.build();
    word_command(cmd, words::lang() == Lang::Zh)
}

/// `cmd` (the program, a subcommand, or its copy under `help`) and its subcommands worded.
fn word_command(cmd: clap::Command, zh: bool) -> clap::Command {
    let name = cmd.get_name().to_string();
    let about = match name.as_str() {
        "check" => w::ABOUT_CHECK.get().to_string(),
        "import" => w::ABOUT_IMPORT.fill(&[("markdown", &"Markdown"), ("word", &"Word"), ("pdf", &"PDF")]),
        "config" => w::ABOUT_CONFIG.get().to_string(),
        "gen" => w::ABOUT_GEN.get().to_string(),
        "export" => w::ABOUT_EXPORT.fill(&[("term", &"评分表")]),
        "summary" => w::ABOUT_SUMMARY.get().to_string(),
        "merge" => w::ABOUT_MERGE.fill(&[("term", &"评价得分")]),
        "panel" => w::ABOUT_PANEL.fill(&[("term", &"评价得分")]),
        "help" => w::ABOUT_HELP.get().to_string(),
        "completions" => words::shell::ABOUT_COMPLETIONS.get().to_string(),
        "manpage" => words::shell::ABOUT_MANPAGE.fill(&[("format", &"roff"), ("script", &"scripts/dist.sh")]),
        "search" => words::search::ABOUT_SEARCH.fill(&[("json", &"JSON")]),
        _ => w::ABOUT.fill(&[("report", &w::VALUE_REPORT)]),
    };
    let cmd =
        cmd.about(about).mut_args(|a| word_arg(a, &name, zh)).mut_subcommands(|sub| word_command(sub, zh));
    if zh { chinese_layout(cmd) } else { cmd }
}

/// In Chinese, clap's own headings too: `Usage:`, `Commands`, `Arguments`, `Options`.
fn chinese_layout(cmd: clap::Command) -> clap::Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        w::HEADING_USAGE
    );
    cmd.help_template(template)
        .subcommand_help_heading(w::HEADING_COMMANDS.get())
        .subcommand_value_name(w::VALUE_COMMAND.get())
        .mut_args(|a| {
            let heading = if a.is_positional() { w::HEADING_ARGUMENTS } else { w::HEADING_OPTIONS };
            // Help under each argument, not beside it: clap lines columns up by characters,
            // and a Chinese value name is twice as wide as its characters.
            a.help_heading(heading.get()).next_line_help(true)
        })
}

/// The help text and value name of argument `a` of subcommand `command` (`appraise` itself),
/// from the catalogue. In Chinese, clap's `[default: …]` and `[possible values: …]` are said
/// by the catalogue too.
fn word_arg(a: Arg, command: &str, zh: bool) -> Arg {
    let id = a.get_id().as_str().to_string();
    let name = w::VALUE_NAME.get();
    let scores_file = format!("{name}.scores.json");
    let (help, value): (Option<String>, Option<Word>) = match (command, id.as_str()) {
        (_, "help") => (Some(w::HELP_HELP.get().into()), None),
        (_, "config_file") => (
            Some(
                words::shell::HELP_CONFIG_FILE.fill(&[("env", &"APPRAISE_CONFIG"), ("file", &"config.toml")]),
            ),
            Some(w::VALUE_PATH),
        ),
        (_, "version") => (Some(w::HELP_VERSION.get().into()), None),
        ("appraise", "report") => {
            (Some(w::HELP_REPORT.fill(&[("formats", &FORMATS)])), Some(w::VALUE_REPORT))
        }
        ("appraise", "scores") => (Some(w::HELP_SCORES.fill(&[("file", &scores_file)])), Some(w::VALUE_PATH)),
        ("appraise", "evaluator") => (Some(w::HELP_EVALUATOR.get().into()), Some(w::VALUE_NAME)),
        ("appraise", "theme") => {
            let others = ["light", "high-contrast", "mono"].join(words::errors::LIST_SEP.get());
            let dir = format!("<{}>/themes/{name}.toml", w::HELP_CONFIG_DIR);
            let help =
                w::HELP_THEME.fill(&[("dark", &theme::DEFAULT_THEME), ("others", &others), ("dir", &dir)]);
            (Some(help), Some(w::VALUE_NAME))
        }
        ("appraise", "encoding") => {
            (Some(w::HELP_OPEN_ENCODING.fill(&[("import", &"import --encoding")])), Some(w::VALUE_NAME))
        }
        ("appraise", "read_only") => (Some(w::HELP_READ_ONLY.get().into()), None),
        ("appraise", "lang") => (Some(w::HELP_LANG.get().into()), Some(w::VALUE_LANG)),
        ("appraise", "mouse") => (Some(w::HELP_MOUSE.get().into()), None),
        ("import", "text") => (
            Some(w::HELP_IMPORT_TEXT.fill(&[
                ("big5", &"Big5"),
                ("pdf", &".pdf"),
                ("tables", &".xlsx, .xls, .csv"),
            ])),
            Some(w::VALUE_TEXT),
        ),
        ("import", "encoding") => (
            Some(w::HELP_IMPORT_ENCODING.fill(&[("examples", &appraise::import::ENCODING_EXAMPLES)])),
            Some(w::VALUE_NAME),
        ),
        ("import", "output") => (Some(w::HELP_IMPORT_OUTPUT.get().into()), Some(w::VALUE_REPORT_JSON)),
        ("import", "rubric") => {
            (Some(w::HELP_IMPORT_RUBRIC.fill(&[("term", &"评分表")])), Some(w::VALUE_TABLE))
        }
        ("import", "sheet") => {
            (Some(w::HELP_IMPORT_SHEET.fill(&[("rubric", &"--rubric")])), Some(w::VALUE_SHEET))
        }
        ("import", "score_text") => (Some(w::HELP_IMPORT_SCORE_TEXT.fill(&[("rubric", &"--rubric")])), None),
        ("import", "require_reasons") => (
            Some(w::HELP_IMPORT_REQUIRE_REASONS.fill(&[("term", &"扣分原因"), ("rubric", &"--rubric")])),
            None,
        ),
        ("import", "no_require_reasons") => {
            (Some(w::HELP_IMPORT_NO_REQUIRE_REASONS.fill(&[("rubric", &"--rubric")])), None)
        }
        ("import", "max") => (Some(w::HELP_IMPORT_MAX.get().into()), None),
        ("import", "step") => (Some(w::HELP_IMPORT_STEP.get().into()), None),
        ("import", "quiet") => (Some(words::shell::HELP_IMPORT_QUIET.get().into()), None),
        ("import", "id") => (Some(w::HELP_IMPORT_ID.get().into()), None),
        ("import", "title") => (Some(w::HELP_IMPORT_TITLE.get().into()), Some(w::VALUE_TITLE)),
        ("gen", "items") => (Some(w::HELP_GEN_ITEMS.get().into()), None),
        ("gen", "seed") => (Some(w::HELP_GEN_SEED.get().into()), None),
        ("gen", "output") => (Some(w::HELP_GEN_OUTPUT.get().into()), Some(w::VALUE_REPORT_JSON)),
        ("export", "scores") => {
            (Some(w::HELP_EXPORT_SCORES.fill(&[("file", &scores_file)])), Some(w::VALUE_PATH))
        }
        ("merge", "scores") => (Some(w::HELP_MERGE_SCORES.get().into()), Some(w::VALUE_SCORES)),
        ("merge", "trim") => (Some(words::merge::HELP_TRIM.get().into()), None),
        ("panel", "scores") => (Some(w::HELP_PANEL_SCORES.get().into()), Some(w::VALUE_SCORES)),
        ("panel", "trim") => (Some(w::HELP_PANEL_TRIM.get().into()), None),
        ("panel", "disagree") => (Some(w::HELP_DISAGREE.fill(&[("pct", &w::VALUE_PCT)])), Some(w::VALUE_PCT)),
        ("merge", "disagree") => (Some(w::HELP_DISAGREE.fill(&[("pct", &w::VALUE_PCT)])), Some(w::VALUE_PCT)),
        ("export" | "merge", "format") => (Some(w::HELP_FORMAT.get().into()), Some(w::VALUE_FORMAT)),
        ("export" | "merge", "out") => {
            let help = w::HELP_OUT.fill(&[
                ("export", &"export"),
                ("sheet", &format!("{name}.sheet.xlsx")),
                ("merge", &"merge"),
                ("panel", &format!("{name}.panel.xlsx")),
            ]);
            (Some(help), Some(w::VALUE_OUT))
        }
        ("export" | "merge", "lang") => (Some(w::HELP_SHEET_LANG.get().into()), Some(w::VALUE_LANG)),
        ("export" | "merge", "no_bom") => (Some(w::HELP_NO_BOM.get().into()), None),
        ("check", "report") => (
            Some(words::shell::HELP_CHECK_REPORT.fill(&[("formats", &FORMATS), ("stdin", &"-")])),
            Some(w::VALUE_REPORT),
        ),
        ("check", "json") => {
            (Some(words::shell::HELP_CHECK_JSON.fill(&[("format", &"appraise.check/1")])), None)
        }
        ("check", "scores") => (Some(words::shell::HELP_CHECK_SCORES.get().into()), Some(w::VALUE_PATH)),
        ("summary", "report") => (
            Some(words::shell::HELP_SUMMARY_REPORT.fill(&[("formats", &FORMATS), ("stdin", &"-")])),
            Some(w::VALUE_REPORT),
        ),
        ("summary", "json") => {
            (Some(words::shell::HELP_SUMMARY_JSON.fill(&[("format", &"appraise.summary/1")])), None)
        }
        ("summary", "scores") => {
            (Some(words::shell::HELP_SUMMARY_SCORES.fill(&[("file", &scores_file)])), Some(w::VALUE_PATH))
        }
        ("completions", "shell") => {
            (Some(words::shell::HELP_COMPLETIONS_SHELL.get().into()), Some(words::shell::VALUE_SHELL))
        }
        ("export" | "merge" | "panel", "report") => {
            (Some(words::shell::HELP_SHEET_REPORT.get().into()), Some(w::VALUE_REPORT))
        }
        ("search", "query") => {
            (Some(words::search::HELP_SEARCH_QUERY.get().into()), Some(words::search::VALUE_QUERY))
        }
        ("search", "json") => {
            let schema = "docs/schema/search-1.json";
            (Some(words::search::HELP_SEARCH_JSON.fill(&[("json", &"JSON"), ("schema", &schema)])), None)
        }
        ("search", "limit") => (Some(words::search::HELP_SEARCH_LIMIT.get().into()), None),
        ("search", "report") => (Some(words::search::HELP_SEARCH_REPORT.get().into()), Some(w::VALUE_REPORT)),
        (_, "scores") => (None, Some(w::VALUE_PATH)),
        _ => (None, None),
    };
    let mut a = a;
    if let Some(value) = value {
        a = a.value_name(value.get());
    }
    let Some(mut help) = help else { return a };
    if zh {
        let defaults: Vec<String> =
            a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        if !defaults.is_empty() && !a.is_hide_default_value_set() && a.get_action().takes_values() {
            help = format!("{help} {}", w::HELP_DEFAULT.fill(&[("value", &defaults.join(", "))]));
            a = a.hide_default_value(true);
        }
        let possible: Vec<String> = a
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !possible.is_empty() && !a.is_hide_possible_values_set() {
            help = format!("{help} {}", w::CLAP_POSSIBLE.fill(&[("values", &possible.join(", "))]));
            a = a.hide_possible_values(true);
        }
    }
    a.help(help)
}

/// The program's own options that take a value.
const VALUE_OPTIONS: &[&str] = &["--scores", "--evaluator", "--theme", "--encoding", "--lang", "--config"];

/// `--config PATH` (or `--config=PATH`), read from the raw arguments: the configuration is
/// read before clap runs, as it may choose the interface's language.
fn config_flag(argv: &[OsString]) -> Option<PathBuf> {
    let mut args = argv.iter().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--") => return None,
            Some("--config") => return args.next().map(PathBuf::from),
            Some(a) if a.starts_with("--config=") => return Some(PathBuf::from(&a["--config=".len()..])),
            _ => {}
        }
    }
    None
}

/// The kinds of report that are imported on the fly.
const FORMATS: &str = ".txt/.md/.docx/.pdf";

/// The review's `--lang` (the interface's language), read from the raw arguments before clap
/// runs: only before a subcommand's name, whose own `--lang` is a sheet's language.
fn interface_flag(argv: &[OsString]) -> Option<Lang> {
    let mut args = argv.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        match arg {
            "--lang" => return args.next().and_then(Lang::parse),
            _ if arg.starts_with("--lang=") => return Lang::parse(&arg["--lang=".len()..]),
            // Options that take a value: skip the value.
            _ if VALUE_OPTIONS.contains(&arg) && arg != "--lang" => {
                args.next();
            }
            _ if arg.starts_with('-') => {}
            // A subcommand's name ends the review's options; a report path does not.
            _ if Cli::command().get_subcommands().any(|c| c.get_name() == arg) || arg == "help" => {
                return None;
            }
            _ => {}
        }
    }
    None
}

fn run(
    cli: Cli,
    dir: Option<PathBuf>,
    config: Result<appraise::config::Config, appraise::config::ConfigError>,
) -> Result<(), Failure> {
    match cli.command {
        Some(Command::Check { report, scores, json: false }) => {
            cmd::check(&report, scores.as_deref(), &mut cmd::stdout())
        }
        Some(Command::Check { report, scores, json: true }) => {
            cmd::check_json(&report, scores.as_deref(), &mut cmd::stdout())
        }
        Some(Command::Import(args)) => cmd::import(&args, &mut cmd::stdout(), &mut std::io::stderr()),
        Some(Command::Gen { items, seed, output }) => {
            cmd::generate_to(items, seed, output.as_deref(), &mut cmd::stdout())
        }
        Some(Command::Config) => match config {
            Ok(config) => cmd::show_config(dir.as_deref(), &config, &mut cmd::stdout()),
            Err(e) => {
                let file = e.path().to_path_buf();
                cmd::show_broken_config(dir.as_deref(), Some(&file), e.into(), &mut cmd::stdout())
            }
        },
        Some(Command::Export(args)) => cmd::export(&args, &mut cmd::stdout()),
        Some(Command::Summary { report, scores, json: false }) => {
            cmd::summary(&report, scores.as_deref(), &mut cmd::stdout())
        }
        Some(Command::Summary { report, scores, json: true }) => {
            cmd::summary_json(&report, scores.as_deref(), &mut cmd::stdout())
        }
        Some(Command::Merge(args)) => cmd::merge(&args, &mut cmd::stdout()),
        Some(Command::Manpage) => cmd::shell::manpage(&command(), &mut cmd::stdout()),
        Some(Command::Completions { shell }) => {
            cmd::shell::completions(shell, &mut command(), &mut cmd::stdout())
        }
        Some(Command::Search { report, query, json, limit }) => {
            cmd::search(&report, &query, json, limit, &mut cmd::stdout())
        }
        Some(Command::Panel(ref args)) => {
            let open = terminal_view(&cli, dir.as_deref(), config?)?;
            cmd::panel(args, open)
        }
        None => {
            let open = terminal_view(&cli, dir.as_deref(), config?)?;
            cmd::open(open)
        }
    }
}

/// Everything the terminal view needs, checked here on the plain terminal: the theme, the keys
/// and the review's options.
fn terminal_view(
    cli: &Cli,
    dir: Option<&std::path::Path>,
    config: appraise::config::Config,
) -> Result<OpenArgs, Failure> {
    let name =
        cli.theme.clone().or_else(|| config.theme.clone()).unwrap_or_else(|| theme::DEFAULT_THEME.into());
    let depth = theme::detect_depth_from_env();
    let theme = theme::load_theme(&name, dir).map_err(|e| Failure::BadInput(e.to_string()))?.for_depth(depth);
    let keymap = appraise::tui::keymap::from_config(&config)?;
    Ok(OpenArgs {
        report: cli.report.clone(),
        scores: cli.scores.clone(),
        evaluator: cli.evaluator.clone(),
        encoding: match &cli.encoding {
            Some(label) => Some(appraise::import::encoding_for_label(label).map_err(Failure::BadInput)?),
            None => None,
        },
        read_only: cli.read_only,
        mouse: cli.mouse || config.mouse,
        config,
        keymap,
        theme,
        ansi16: matches!(depth, theme::ColorDepth::Ansi16 | theme::ColorDepth::None),
        panel: None,
        export: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every help screen (short and long) of the program and its subcommands, rendered plain.
    fn screens(mut cmd: clap::Command) -> Vec<(String, String)> {
        let mut out = vec![
            ("appraise".to_string(), cmd.render_help().to_string()),
            ("appraise --help".to_string(), cmd.render_long_help().to_string()),
        ];
        let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
        for name in names {
            let sub = cmd.find_subcommand_mut(&name).expect("a subcommand");
            out.push((name.clone(), sub.render_help().to_string()));
            out.push((format!("{name} --help"), sub.render_long_help().to_string()));
        }
        out
    }

    #[test]
    fn the_english_help_is_the_doc_comments_as_clap_renders_them() {
        let _en = words::pin(Lang::En);
        let mut derived = Cli::command();
        derived.build();
        let worded = screens(command());
        let derived = screens(derived);
        assert_eq!(worded.len(), derived.len());
        for ((name, worded), (_, derived)) in worded.iter().zip(&derived) {
            assert_eq!(worded, derived, "{name}: the catalogue's English differs from the doc comments");
        }
    }

    #[test]
    fn every_argument_has_help_in_both_languages() {
        fn walk(cmd: &clap::Command, path: &str) {
            for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                let help = a.get_help().map(ToString::to_string).unwrap_or_default();
                assert!(!help.trim().is_empty(), "{path} {}: no help", a.get_id());
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()));
            }
        }
        for lang in [Lang::En, Lang::Zh] {
            let _pinned = words::pin(lang);
            walk(&command(), "appraise");
        }
    }

    #[test]
    fn every_help_text_is_worded_in_chinese() {
        let _zh = words::pin(Lang::Zh);
        for (name, screen) in screens(command()) {
            for english in ["Usage", "Commands", "Arguments", "Options", "Print", "default", "possible"] {
                assert!(!screen.contains(english), "{name}: {english:?} is left in\n{screen}");
            }
            assert!(screen.contains("用法："), "{name}\n{screen}");
        }
    }
}
