//! clap's errors in the interface's language: in English as clap says them, in Chinese said
//! from the catalogue, laid out as clap lays its own out (what is wrong, a tip, the usage,
//! where to read more).

use crate::lang::Lang;
use crate::words::{self, cli as w};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::io::Write;

/// Prints clap's error (or help, or version) and exits with its code: in Chinese, the error is
/// said from the catalogue ([`chinese_error`]); help and version are already in the language.
pub fn exit(e: clap::Error) -> ! {
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
