//! The command line. Every subcommand and flag is declared once, with its help in Chinese and
//! English ([`defs`], each a [`Flag`] or a [`Sub`]); clap's definition is built from the declarations in the interface's
//! language ([`command`]), and so are `--help`, the man page and the completions. What must be
//! known before clap runs — `--config`, the review's `--lang`, a mistyped subcommand — is read
//! from the raw arguments ([`early`]); clap's own errors are said in Chinese too ([`errors`]).
//! [`parse`] turns the arguments into a [`Cli`].

mod build;
pub mod defs;
mod early;
mod errors;
mod flag;
pub mod manual;

pub use build::{command, shown_command};
pub use early::{config_flag, interface_flag};
pub use flag::{Example, Flag, Kind, Sub, Text, Value};

use crate::cmd::{ExportArgs, ImportArgs, InitArgs, MergeArgs, PanelArgs};
use crate::lang::Lang;
use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

/// The command line, read.
#[derive(Debug, Clone)]
pub struct Cli {
    /// None: the review (`appraise [OPTIONS] [REPORT]`).
    pub command: Option<Command>,
    /// The review's options; all unset with a subcommand.
    pub review: Review,
}

/// The review's options: `appraise [OPTIONS] [REPORT]`.
#[derive(Debug, Clone, Default)]
pub struct Review {
    pub report: Option<PathBuf>,
    pub scores: Option<PathBuf>,
    pub evaluator: Option<String>,
    pub theme: Option<String>,
    pub encoding: Option<String>,
    pub read_only: bool,
    /// The interface's language.
    pub lang: Option<Lang>,
    pub mouse: bool,
}

/// A subcommand and its arguments.
#[derive(Debug, Clone)]
pub enum Command {
    Check {
        report: PathBuf,
        scores: Option<PathBuf>,
        evaluator: Option<String>,
        json: bool,
    },
    Import(ImportArgs),
    Init(InitArgs),
    Config {
        default: bool,
    },
    Gen {
        items: usize,
        seed: u64,
        output: Option<PathBuf>,
    },
    Export(ExportArgs),
    Summary {
        report: PathBuf,
        scores: Option<PathBuf>,
        evaluator: Option<String>,
        json: bool,
    },
    Merge(MergeArgs),
    Panel(PanelArgs),
    Manpage,
    Completions {
        shell: clap_complete::Shell,
    },
    Search {
        report: PathBuf,
        query: String,
        json: bool,
        limit: Option<usize>,
        color: clap::ColorChoice,
        evaluator: Option<String>,
    },
}

/// The command line `argv` (the program's name first), read. A wrong one is said (in the
/// interface's language) and exits 2; a request for help or the version prints it and exits 0.
pub fn parse(argv: Vec<OsString>) -> Cli {
    if let Some(said) = early::did_you_mean(&argv) {
        let _ = writeln!(std::io::stderr(), "appraise: {}", crate::text::sanitize(&said));
        std::process::exit(2);
    }
    try_parse(argv).unwrap_or_else(|e| errors::exit(e))
}

/// [`parse`] without the did-you-mean, returning clap's error (or its help) instead of exiting.
pub fn try_parse(argv: Vec<OsString>) -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches_from(argv)?;
    let review = (defs::PROGRAM.read)(&matches);
    let command = matches
        .subcommand()
        .and_then(|(name, m)| defs::SUBCOMMANDS.iter().find(|sub| sub.name == name).map(|sub| (sub.read)(m)));
    Ok(Cli { command, review })
}

#[cfg(test)]
mod tests;
