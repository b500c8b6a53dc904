//! The `appraise` binary: parse the command line, run the command, print any failure once,
//! and exit 0 (ok), 1 (runtime failure) or 2 (bad input).

use appraise::cmd::{self, Failure, OpenArgs};
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Review and score reports in the terminal. With no REPORT, opens the built-in sample.
#[derive(Parser, Debug)]
#[command(name = "appraise", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The report to review (an appraise.report/1 JSON file).
    report: Option<PathBuf>,
    /// Where the scores are kept (default: beside the report, NAME.scores.json).
    #[arg(long, value_name = "PATH")]
    scores: Option<PathBuf>,
    /// Your name, stored in the scores file (default: the name in it, else your login name).
    #[arg(long, value_name = "NAME")]
    evaluator: Option<String>,
    /// Colour theme (only `dark` for now).
    #[arg(long, value_name = "NAME", default_value = "dark")]
    theme: String,
    /// Look without changing anything; nothing is saved.
    #[arg(long)]
    read_only: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate a report (and a scores file): every problem with its place; exit 0 valid, 2 invalid.
    Check {
        report: PathBuf,
        #[arg(long, value_name = "PATH")]
        scores: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
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

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Some(Command::Check { report, scores }) => {
            cmd::check(&report, scores.as_deref(), &mut std::io::stdout())
        }
        None => {
            if cli.theme != "dark" {
                return Err(Failure::BadInput(format!("unknown theme \"{}\"; available: dark", cli.theme)));
            }
            cmd::open(OpenArgs {
                report: cli.report,
                scores: cli.scores,
                evaluator: cli.evaluator,
                read_only: cli.read_only,
            })
        }
    }
}
