//! The command line's manners that live beside clap: the did-you-mean for a mistyped
//! subcommand, and shell completions.

use crate::words::shell as w;
use std::ffi::OsString;
use std::path::Path;

/// When the first positional argument of `argv` is no subcommand and no existing file, but is
/// close (edit distance ≤ 2) to one of `commands`, the message that says so. clap cannot
/// suggest here: `appraise REPORT` takes a positional, so any word is a report's path.
/// `value_options` are the program's options that take a value (their values are skipped).
pub fn did_you_mean(argv: &[OsString], commands: &[&str], value_options: &[&str]) -> Option<String> {
    let mut args = argv.iter().skip(1);
    let first = loop {
        let arg = args.next()?;
        let s = arg.to_str()?;
        match s {
            "--" => break args.next()?.to_str()?,
            "-" => return None,
            _ if value_options.contains(&s) => {
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

/// Writes `cmd`'s completion script for `shell` to `out`.
pub fn completions(
    shell: clap_complete::Shell,
    cmd: &mut clap::Command,
    out: &mut dyn std::io::Write,
) -> Result<(), super::Failure> {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, cmd, "appraise", &mut bytes);
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .map_err(|e| super::Failure::Runtime(crate::io_error::detail(&e)))
}

/// The manual page, `appraise.1`, from the same command-line definition as `--help`.
pub fn manpage(cmd: &clap::Command, out: &mut dyn std::io::Write) -> Result<(), super::Failure> {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut bytes)
        .and_then(|()| out.write_all(&bytes))
        .and_then(|()| out.flush())
        .map_err(|e| super::Failure::Runtime(crate::io_error::detail(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<OsString> {
        std::iter::once("appraise").chain(args.iter().copied()).map(OsString::from).collect()
    }

    const COMMANDS: &[&str] = &["check", "import", "export", "gen", "summary", "merge", "panel"];
    const VALUES: &[&str] = &["--scores", "--theme"];

    #[test]
    fn a_close_word_that_is_no_file_gets_a_suggestion() {
        let _en = crate::words::pin(crate::lang::Lang::En);
        let said = did_you_mean(&argv(&["exprot", "r.json"]), COMMANDS, VALUES);
        assert_eq!(said.as_deref(), Some("unknown command or missing file 'exprot': did you mean 'export'?"));
        let said = did_you_mean(&argv(&["--theme", "light", "sumary"]), COMMANDS, VALUES);
        assert!(said.is_some_and(|s| s.contains("'summary'")));
        assert_eq!(did_you_mean(&argv(&["export", "r.json"]), COMMANDS, VALUES), None);
        assert_eq!(did_you_mean(&argv(&["report.json"]), COMMANDS, VALUES), None);
        assert_eq!(did_you_mean(&argv(&["--theme", "gen"]), COMMANDS, VALUES), None);
        assert_eq!(did_you_mean(&argv(&["Cargo.toml"]), COMMANDS, VALUES), None);
        assert_eq!(did_you_mean(&argv(&[]), COMMANDS, VALUES), None);
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("exprot", "export"), 2);
        assert_eq!(edit_distance("chek", "check"), 1);
        assert_eq!(edit_distance("", "gen"), 3);
        assert_eq!(edit_distance("评分", "评价"), 1);
    }
}
