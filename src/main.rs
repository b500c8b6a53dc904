//! The `appraise` binary: parse the command line, run the command, print any failure once,
//! and exit 0 (ok), 1 (runtime failure) or 2 (bad input).

use appraise::cmd::{self, ExportArgs, Failure, MergeArgs, OpenArgs};
use appraise::lang::Lang;
use appraise::{theme, words};
use clap::{CommandFactory, Parser, Subcommand};
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Review and score reports in the terminal. With no REPORT, opens the built-in sample.
#[derive(Parser, Debug)]
#[command(name = "appraise", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The report to review: an appraise.report/1 JSON file, or a .txt/.md/.docx report,
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
    /// Look without changing anything; nothing is saved.
    #[arg(long)]
    read_only: bool,
    /// The interface's language: zh or en (default: lang in config.toml, else the locale, else
    /// the report's own language).
    #[arg(long, value_name = "LANG", value_enum)]
    lang: Option<Lang>,
    /// Use the mouse: click to select, wheel to scroll (off by default, so the terminal's own
    /// selection and copy work).
    #[arg(long)]
    mouse: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate a report (and a scores file): every problem with its place; exit 0 valid, 2 invalid.
    Check {
        report: PathBuf,
        #[arg(long, value_name = "PATH")]
        scores: Option<PathBuf>,
    },
    /// Turn a text, Markdown or Word report into a report file, by its outline numbering.
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
        report: PathBuf,
        #[arg(long, value_name = "PATH")]
        scores: Option<PathBuf>,
    },
    /// One sheet of several evaluators' scores: a column each, then mean (评价得分), lowest, highest, spread.
    Merge(MergeArgs),
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
    let config = appraise::config::load(dir.as_deref());
    let configured = config.as_ref().ok().and_then(|c| c.lang);
    words::settle(interface_flag(&argv), configured, words::locale());
    let cli = Cli::parse_from(argv);
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

/// The review's `--lang` (the interface's language), read from the raw arguments before clap
/// runs: only before a subcommand's name, whose own `--lang` is a sheet's language.
fn interface_flag(argv: &[OsString]) -> Option<Lang> {
    let mut args = argv.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        match arg {
            "--lang" => return args.next().and_then(Lang::parse),
            _ if arg.starts_with("--lang=") => return Lang::parse(&arg["--lang=".len()..]),
            // Options that take a value: skip the value.
            "--scores" | "--evaluator" | "--theme" => {
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
        Some(Command::Check { report, scores }) => {
            cmd::check(&report, scores.as_deref(), &mut std::io::stdout())
        }
        Some(Command::Import(args)) => cmd::import(&args, &mut std::io::stdout(), &mut std::io::stderr()),
        Some(Command::Gen { items, seed, output }) => {
            cmd::generate_to(items, seed, output.as_deref(), &mut std::io::stdout())
        }
        Some(Command::Config) => cmd::show_config(dir.as_deref(), &config?, &mut std::io::stdout()),
        Some(Command::Export(args)) => cmd::export(&args, &mut std::io::stdout()),
        Some(Command::Summary { report, scores }) => {
            cmd::summary(&report, scores.as_deref(), &mut std::io::stdout())
        }
        Some(Command::Merge(args)) => cmd::merge(&args, &mut std::io::stdout()),
        None => {
            // Everything the terminal view needs is checked here, on the plain terminal.
            let config = config?;
            let name =
                cli.theme.or_else(|| config.theme.clone()).unwrap_or_else(|| theme::DEFAULT_THEME.into());
            let depth = theme::detect_depth_from_env();
            let theme = theme::load_theme(&name, dir.as_deref())
                .map_err(|e| Failure::BadInput(e.to_string()))?
                .for_depth(depth);
            let keymap = appraise::tui::keymap::from_config(&config)?;
            cmd::open(OpenArgs {
                report: cli.report,
                scores: cli.scores,
                evaluator: cli.evaluator,
                read_only: cli.read_only,
                mouse: cli.mouse || config.mouse,
                config,
                keymap,
                theme,
                ansi16: matches!(depth, theme::ColorDepth::Ansi16 | theme::ColorDepth::None),
            })
        }
    }
}
