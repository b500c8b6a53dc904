//! clap's definition of the command line, built from the declarations (`defs.rs`) in the
//! interface's language: each flag's names, value, help (its brief for `-h`, the whole for
//! `--help`) and rules; each command's examples under its `--help`; clap's own `--help`,
//! `--version` and `help` worded; in Chinese, clap's headings, defaults and possible values
//! said by the catalogue too.

use super::defs;
use super::flag::{Example, Flag, Kind, Sub};
use crate::lang::Lang;
use crate::words::{self, cli as w};
use clap::builder::{EnumValueParser, ValueParser};
use clap::{Arg, ArgAction, value_parser};

/// The command line's definition, every text in the interface's language. `--help`, clap's
/// errors, the man page and the completions are all made from it.
pub fn command() -> clap::Command {
    program(true)
}

/// The command line without its hidden subcommands (`manpage`): what the completions offer.
/// clap's completion scripts would offer a hidden subcommand all the same.
pub fn shown_command() -> clap::Command {
    program(false)
}

fn program(with_hidden: bool) -> clap::Command {
    let zh = words::lang() == Lang::Zh;
    let program = defs::PROGRAM;
    let subcommands = defs::SUBCOMMANDS.iter().filter(|sub| with_hidden || !sub.hidden);
    let mut cmd = clap::Command::new(program.name)
        .version(env!("APPRAISE_VERSION"))
        .about(program.about.get())
        .args_conflicts_with_subcommands(true)
        .subcommands(subcommands.map(|sub| subcommand(sub, zh)))
        // The program's flags are listed in their order, after any subcommand's own: the
        // global `--config`, which every subcommand inherits with its place, comes last there.
        // (Each flag's place is set, not left to clap: with the Chinese headings clap would
        // list the arguments by name.)
        .args(
            program
                .flags
                .iter()
                .enumerate()
                .map(|(i, flag)| arg(flag, zh).display_order(PROGRAM_FLAGS_FROM + i)),
        )
        .after_long_help(examples(program.examples));
    // Adds clap's `--help`, `--version` and `help` subcommand, so that they are worded too.
    cmd.build();
    word_clap_own(cmd, zh)
}

/// Where the program's flags start in clap's display order (a subcommand's start at 0).
const PROGRAM_FLAGS_FROM: usize = 100;

fn subcommand<T>(sub: &Sub<T>, zh: bool) -> clap::Command {
    clap::Command::new(sub.name)
        .about(sub.about.get())
        .hide(sub.hidden)
        .args(sub.flags.iter().enumerate().map(|(i, flag)| arg(flag, zh).display_order(i)))
        .after_long_help(examples(sub.examples))
}

/// The examples under `--help` (not `-h`): a heading as clap styles its own, then each
/// example's line under what it does.
fn examples(examples: &[Example]) -> String {
    if examples.is_empty() {
        return String::new();
    }
    let heading = clap::builder::Styles::default().get_header().to_owned();
    let mut text = format!("{heading}{}{heading:#}\n", w::HEADING_EXAMPLES.get());
    for example in examples {
        text.push_str(&format!("  {}\n      {}\n", example.what.get(), example.line));
    }
    text
}

/// The clap argument `flag` declares: `-h` shows its brief, `--help` its whole help.
fn arg(flag: &Flag, zh: bool) -> Arg {
    let mut a = Arg::new(flag.id).help(flag.short_help().get()).required(flag.required).global(flag.global);
    if flag.brief.is_some() {
        a = a.long_help(flag.help.get());
    }
    if let Some(long) = flag.long {
        a = a.long(long);
    }
    if let Some(short) = flag.short {
        a = a.short(short);
    }
    a = match flag.value {
        None => a.action(ArgAction::SetTrue),
        Some(value) => a
            .action(if value.many { ArgAction::Append } else { ArgAction::Set })
            .value_name(value.name.get())
            .value_parser(parser(value.kind))
            .allow_negative_numbers(value.kind == Kind::Number),
    };
    if flag.value.is_some_and(|v| v.many) && flag.long.is_none() {
        // A positional argument's many values come in one occurrence: `merge r.json a b c`.
        a = a.num_args(1..);
    }
    if let Some(default) = flag.default {
        a = a.default_value(default);
    }
    if let Some(id) = flag.requires {
        a = a.requires(id);
    }
    if let Some(id) = flag.conflicts_with {
        a = a.conflicts_with(id);
    }
    if zh { said_in_chinese(a) } else { a }
}

/// How clap reads a value of `kind`; `defs::Flag::get` takes it back as the same type.
fn parser(kind: Kind) -> ValueParser {
    match kind {
        Kind::Path => value_parser!(std::path::PathBuf),
        Kind::Text => value_parser!(String),
        Kind::Count => value_parser!(usize).into(),
        Kind::Seed => value_parser!(u64).into(),
        Kind::Number => value_parser!(f64).into(),
        Kind::Lang => EnumValueParser::<Lang>::new().into(),
        Kind::Format => EnumValueParser::<crate::export::Format>::new().into(),
        Kind::Shell => EnumValueParser::<clap_complete::Shell>::new().into(),
        Kind::Color => EnumValueParser::<clap::ColorChoice>::new().into(),
    }
}

/// In Chinese, clap's `[default: …]` and `[possible values: …]` are said by the catalogue, in
/// the short help and the long.
fn said_in_chinese(a: Arg) -> Arg {
    let mut help = a.get_help().map(ToString::to_string).unwrap_or_default();
    let mut long = a.get_long_help().map(ToString::to_string);
    let mut a = a;
    let defaults: Vec<String> =
        a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    let mut add = |said: String| {
        help = format!("{help} {said}");
        long = long.as_ref().map(|long| format!("{long} {said}"));
    };
    if !defaults.is_empty() {
        add(w::HELP_DEFAULT.fill(&[("value", &defaults.join(", "))]));
        a = a.hide_default_value(true);
    }
    let possible: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !possible.is_empty() {
        add(w::CLAP_POSSIBLE.fill(&[("values", &possible.join(", "))]));
        a = a.hide_possible_values(true);
    }
    let a = a.help(help);
    match long {
        Some(long) => a.long_help(long),
        None => a,
    }
}

/// What clap adds by itself (`-h`/`--help`, `-V`/`--version`, the `help` subcommand and its
/// copies of the subcommands) worded; in Chinese, clap's headings and layout too.
fn word_clap_own(cmd: clap::Command, zh: bool) -> clap::Command {
    let cmd = if cmd.get_name() == "help" { cmd.about(defs::HELP_COMMAND.get()) } else { cmd };
    let cmd = cmd
        .mut_args(|a| match a.get_id().as_str() {
            "help" => a.help(defs::HELP.get()).long_help(defs::HELP_LONG.get()),
            "version" => a.help(defs::VERSION.get()),
            _ => a,
        })
        .mut_subcommands(|sub| word_clap_own(sub, zh));
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
