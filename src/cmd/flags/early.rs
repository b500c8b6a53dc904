//! What is read from the raw arguments before clap runs: `--config` (the configuration may
//! choose the interface's language), the review's `--lang` (so that `--help` and clap's errors
//! speak it), and a mistyped subcommand's did-you-mean (clap cannot suggest one: `appraise
//! REPORT` takes a positional, so any word is a report's path). The program's options and the
//! subcommands' names come from the declarations.

use super::defs;
use crate::lang::Lang;
use crate::words::cli as w;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// `--config PATH` (or `--config=PATH`), wherever it is (it is global).
pub fn config_flag(argv: &[OsString]) -> Option<PathBuf> {
    let long = format!("--{}", defs::CONFIG.long.unwrap_or_default());
    let mut args = argv.iter().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--") => return None,
            Some(a) if a == long => return args.next().map(PathBuf::from),
            Some(a) => {
                if let Some(path) = a.strip_prefix(&long).and_then(|rest| rest.strip_prefix('=')) {
                    return Some(PathBuf::from(path));
                }
            }
            None => {}
        }
    }
    None
}

/// The review's `--lang` (the interface's language): only before a subcommand's name, whose
/// own `--lang` is a sheet's language.
pub fn interface_flag(argv: &[OsString]) -> Option<Lang> {
    let long = format!("--{}", defs::INTERFACE_LANG.long.unwrap_or_default());
    let takes_value = value_options();
    let commands = command_names();
    let mut args = argv.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        match arg {
            _ if arg == long => return args.next().and_then(Lang::parse),
            _ if arg.starts_with(&format!("{long}=")) => return Lang::parse(&arg[long.len() + 1..]),
            // Options that take a value: skip the value.
            _ if takes_value.iter().any(|o| o == arg) => {
                args.next();
            }
            _ if arg.starts_with('-') => {}
            // A subcommand's name ends the review's options; a report path does not.
            _ if commands.contains(&arg) => return None,
            _ => {}
        }
    }
    None
}

/// When the first positional argument of `argv` is no subcommand and no existing file, but is
/// close (edit distance ≤ 2) to a subcommand's name, the message that says so.
pub fn did_you_mean(argv: &[OsString]) -> Option<String> {
    let takes_value = value_options();
    let commands = command_names();
    let mut args = argv.iter().skip(1);
    let first = loop {
        let arg = args.next()?;
        let s = arg.to_str()?;
        match s {
            "--" => break args.next()?.to_str()?,
            "-" => return None,
            _ if takes_value.iter().any(|o| o == s) => {
                args.next();
            }
            _ if s.starts_with('-') => {}
            _ => break s,
        }
    };
    if commands.contains(&first) || Path::new(first).exists() {
        return None;
    }
    let (distance, best) = commands.iter().map(|c| (edit_distance(first, c), *c)).min()?;
    (distance <= 2 && distance < first.chars().count())
        .then(|| w::DID_YOU_MEAN.fill(&[("arg", &first), ("command", &best)]))
}

/// The program's own options that take a value, as typed: `--scores`, `--theme`, …
fn value_options() -> Vec<String> {
    defs::PROGRAM
        .flags
        .iter()
        .filter(|flag| flag.value.is_some())
        .filter_map(|flag| flag.long)
        .map(|long| format!("--{long}"))
        .collect()
}

/// Every subcommand's name (the hidden ones too), and clap's `help`.
fn command_names() -> Vec<&'static str> {
    defs::SUBCOMMANDS.iter().map(|sub| sub.name).chain(["help"]).collect()
}

/// The Levenshtein distance between `a` and `b`, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<OsString> {
        std::iter::once("appraise").chain(args.iter().copied()).map(OsString::from).collect()
    }

    #[test]
    fn a_close_word_that_is_no_file_gets_a_suggestion() {
        let _en = crate::words::pin(Lang::En);
        let said = did_you_mean(&argv(&["exprot", "r.json"]));
        assert_eq!(said.as_deref(), Some("unknown command or missing file 'exprot': did you mean 'export'?"));
        let said = did_you_mean(&argv(&["--theme", "light", "sumary"]));
        assert!(said.is_some_and(|s| s.contains("'summary'")));
        assert_eq!(did_you_mean(&argv(&["export", "r.json"])), None);
        assert_eq!(did_you_mean(&argv(&["report.json"])), None);
        assert_eq!(did_you_mean(&argv(&["--theme", "gen"])), None, "a value is no command");
        assert_eq!(did_you_mean(&argv(&["Cargo.toml"])), None, "an existing file is a report");
        assert_eq!(did_you_mean(&argv(&[])), None);
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("exprot", "export"), 2);
        assert_eq!(edit_distance("chek", "check"), 1);
        assert_eq!(edit_distance("", "gen"), 3);
        assert_eq!(edit_distance("评分", "评价"), 1);
    }

    #[test]
    fn the_config_file_is_found_anywhere_before_a_double_dash() {
        assert_eq!(config_flag(&argv(&["--config", "a.toml", "check", "r"])), Some("a.toml".into()));
        assert_eq!(config_flag(&argv(&["check", "r", "--config=b.toml"])), Some("b.toml".into()));
        assert_eq!(config_flag(&argv(&["--", "--config", "a.toml"])), None);
        assert_eq!(config_flag(&argv(&["--configs", "a.toml"])), None);
    }

    #[test]
    fn the_interface_language_is_the_reviews_lang_only() {
        assert_eq!(interface_flag(&argv(&["--lang", "zh", "r.json"])), Some(Lang::Zh));
        assert_eq!(interface_flag(&argv(&["--lang=en"])), Some(Lang::En));
        assert_eq!(interface_flag(&argv(&["export", "r.json", "--lang", "zh"])), None, "a sheet's language");
        assert_eq!(interface_flag(&argv(&["--theme", "export", "--lang", "zh"])), Some(Lang::Zh));
        assert_eq!(
            value_options(),
            ["--scores", "--evaluator", "--theme", "--encoding", "--lang", "--config"]
        );
    }
}
