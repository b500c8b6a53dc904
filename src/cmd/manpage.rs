//! `appraise manpage`: the manual page, `appraise.1`, in the interface's language — one page
//! made from the same declarations as `--help`: the program and every shown subcommand with its
//! synopsis and flags (`flags::defs`), the exit codes, environment and files
//! (`flags::manual`), the review's keys (`tui::keys`, the one declaration of every key) and the
//! commands' examples. It names no other page.
//!
//! Roff by the `roff` crate (escaping dashes, backslashes, apostrophes and leading dots); every
//! other character outside ASCII is written as `\[uXXXX]`, so `groff` reads the page in any
//! locale and without warnings, and a Chinese page shows its Chinese.

use super::Failure;
use super::flags::manual::{self, Entry};
use super::flags::{Example, Flag, Kind, Sub, defs};
use crate::tui::keys::{KEYS, KeyMode};
use crate::words::cli as w;
use roff::{Inline, Roff, bold, italic, roman};

/// Writes the manual page to `out`.
pub fn manpage(out: &mut dyn std::io::Write) -> Result<(), Failure> {
    out.write_all(page().as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Runtime(crate::io_error::detail(&e)))
}

/// The page, roff, in the interface's language.
pub fn page() -> String {
    let mut roff = Roff::new();
    let program = defs::PROGRAM;
    let shown: Vec<&Sub<super::flags::Command>> = defs::SUBCOMMANDS.iter().filter(|s| !s.hidden).collect();

    // `appraise \- …`: the crate writes the dash as roff's minus, as NAME lines have it.
    heading(&mut roff, w::MAN_NAME.get());
    roff.text([roman(format!("appraise - {}", program.about.get()))]);

    heading(&mut roff, w::MAN_SYNOPSIS.get());
    roff.text(synopsis(&[program.name], program.flags));
    roff.text([Inline::LineBreak]);
    roff.text([bold("appraise"), roman(" "), italic(w::VALUE_COMMAND.get()), roman(" ...")]);

    heading(&mut roff, w::MAN_DESCRIPTION.get());
    roff.text([roman(program.about.get())]);
    for paragraph in manual::DESCRIPTION {
        roff.control("PP", []);
        roff.text([roman(paragraph.get())]);
    }

    heading(&mut roff, w::MAN_OPTIONS.get());
    for flag in program.flags {
        flag_entry(&mut roff, flag);
    }

    heading(&mut roff, w::MAN_COMMANDS.get());
    for sub in &shown {
        roff.control("SS", []);
        roff.text(synopsis(&["appraise", sub.name], sub.flags));
        roff.text([roman(sub.about.get())]);
        for flag in sub.flags.iter().filter(|f| !f.global) {
            flag_entry(&mut roff, flag);
        }
    }

    entries(&mut roff, w::MAN_EXIT_STATUS.get(), manual::EXIT_STATUS);
    entries(&mut roff, w::MAN_ENVIRONMENT.get(), manual::ENVIRONMENT);
    entries(&mut roff, w::MAN_FILES.get(), manual::FILES);

    heading(&mut roff, w::MAN_KEYS.get());
    roff.text([roman(w::MAN_KEYS_INTRO.fill(&[("cmd", &"appraise config --default")]))]);
    for mode in KeyMode::ALL {
        roff.control("SS", []);
        roff.text([roman(mode.title().get())]);
        for (keys, what) in key_lines(mode) {
            roff.control("TP", []);
            roff.text([bold(keys)]);
            roff.text([roman(what)]);
        }
    }

    heading(&mut roff, w::MAN_EXAMPLES.get());
    let examples = program.examples.iter().chain(shown.iter().flat_map(|sub| sub.examples));
    for example in examples {
        example_entry(&mut roff, example);
    }

    let title = format!(
        ".TH APPRAISE 1 \"{}\" \"appraise {}\" \"{}\"\n",
        env!("APPRAISE_DATE"),
        env!("CARGO_PKG_VERSION"),
        w::MAN_MANUAL.get()
    );
    plain_ascii(&format!("{title}{}", roff.render()))
}

fn heading(roff: &mut Roff, name: &str) {
    roff.control("SH", [name]);
}

/// `appraise check REPORT [--scores PATH] [--json]`: the command, then each flag as it is
/// typed — optional ones in brackets, a value in italics, `...` where there may be several —
/// leaving out the global `--config` (said once, under the program's options).
fn synopsis(command: &[&str], flags: &[&Flag]) -> Vec<Inline> {
    let mut line = vec![bold(command.join(" "))];
    for flag in flags.iter().filter(|f| !f.global || command.len() == 1) {
        let optional = !flag.required;
        line.push(roman(if optional { " [" } else { " " }));
        if let Some(short) = flag.short {
            line.push(bold(format!("-{short}")));
            line.push(roman("|"));
        }
        if let Some(long) = flag.long {
            line.push(bold(format!("--{long}")));
            if flag.value.is_some() {
                line.push(roman(" "));
            }
        }
        if let Some(value) = flag.value {
            line.push(italic(value.name.get()));
            if value.many {
                line.push(roman("..."));
            }
        }
        if optional {
            line.push(roman("]"));
        }
    }
    line
}

/// A flag: its names and value as a tag, then its whole help, its default and its values.
fn flag_entry(roff: &mut Roff, flag: &Flag) {
    roff.control("TP", []);
    let mut tag = Vec::new();
    if let Some(short) = flag.short {
        tag.push(bold(format!("-{short}")));
        tag.push(roman(", "));
    }
    match (flag.long, flag.value) {
        (Some(long), Some(value)) => {
            tag.push(bold(format!("--{long}")));
            tag.push(roman(" "));
            tag.push(italic(value.name.get()));
        }
        (Some(long), None) => tag.push(bold(format!("--{long}"))),
        (None, Some(value)) => tag.push(italic(value.name.get())),
        (None, None) => {}
    }
    roff.text(tag);
    let mut help = flag.help.get().to_string();
    if flag.global {
        help = format!("{help} {}", w::MAN_GLOBAL.get());
    }
    if let Some(default) = flag.default {
        help = format!("{help} {}", w::HELP_DEFAULT.fill(&[("value", &default)]));
    }
    let values = flag.value.map(|v| possible_values(v.kind)).unwrap_or_default();
    if !values.is_empty() {
        help = format!("{help} {}", w::CLAP_POSSIBLE.fill(&[("values", &values.join(", "))]));
    }
    roff.text([roman(help)]);
}

/// The values a flag of `kind` takes, when they are a list.
fn possible_values(kind: Kind) -> Vec<String> {
    fn names<T: clap::ValueEnum>() -> Vec<String> {
        T::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect()
    }
    match kind {
        Kind::Lang => names::<crate::lang::Lang>(),
        Kind::Format => names::<crate::export::Format>(),
        Kind::Shell => names::<clap_complete::Shell>(),
        Kind::Color => names::<clap::ColorChoice>(),
        Kind::Path | Kind::Text | Kind::Count | Kind::Seed | Kind::Number => Vec::new(),
    }
}

/// A section of names and what each means.
fn entries(roff: &mut Roff, title: &str, entries: &[Entry]) {
    heading(roff, title);
    for entry in entries {
        roff.control("TP", []);
        roff.text([bold(entry.name)]);
        roff.text([roman(entry.what.get())]);
    }
}

/// The keys of `mode` as the help screen shows them (`j, ↓`), an action a line; actions that
/// say the same (the quick scores `0`…`9`) on one line.
fn key_lines(mode: KeyMode) -> Vec<(String, String)> {
    let mut lines: Vec<(String, String)> = Vec::new();
    for decl in KEYS.iter().filter(|d| d.mode == mode) {
        let keys: Vec<String> = decl.keys.iter().map(|k| crate::tui::keymap::display_key(k)).collect();
        let what = decl.what.get().to_string();
        match lines.last_mut() {
            Some((before, said)) if *said == what => {
                before.push_str(", ");
                before.push_str(&keys.join(", "));
            }
            _ => lines.push((keys.join(", "), what)),
        }
    }
    lines
}

/// What the example does, then its line, as typed.
fn example_entry(roff: &mut Roff, example: &Example) {
    roff.control("PP", []);
    roff.text([roman(example.what.get())]);
    roff.control("RS", ["4"]);
    roff.control("nf", []);
    roff.text([bold(example.line)]);
    roff.control("fi", []);
    roff.control("RE", []);
}

/// `page` with every character outside ASCII as groff's `\[uXXXX]` — and, after Chinese, a
/// break point (`\:`), since groff finds none in a run of Chinese — and a backtick as `\(ga`
/// (groff would print an opening quote). Each such character gets a stand-in for a device that
/// has no glyph for it (PostScript: `<u6263>`), so no device warns; a terminal shows the
/// character itself.
fn plain_ascii(page: &str) -> String {
    let mut out = String::with_capacity(page.len() * 2);
    let mut used = std::collections::BTreeSet::new();
    for line in page.split_inclusive('\n') {
        let control = line.starts_with('.');
        for c in line.chars() {
            match c {
                '`' => out.push_str("\\(ga"),
                c if c.is_ascii() => out.push(c),
                c => {
                    used.insert(c);
                    out.push_str(&glyph(c));
                    if !control && wide(c) {
                        out.push_str("\\:");
                    }
                }
            }
        }
    }
    let stand_ins: String = used
        .iter()
        .map(|&c| format!(".if !c{g} .char {g} <u{:04X}>\n", u32::from(c), g = glyph(c)))
        .collect();
    // The stand-ins first (the title may need them); after `.TH` (the first line), text
    // aligned left when there is Chinese, as a line of it has no spaces to spread.
    let (title, rest) = out.split_once('\n').unwrap_or((&out, ""));
    let align = if used.iter().any(|&c| wide(c)) { ".ad l\n" } else { "" };
    format!("{stand_ins}{title}\n{align}{rest}")
}

/// groff's name for `c`.
fn glyph(c: char) -> String {
    format!("\\[u{:04X}]", u32::from(c))
}

/// Chinese (or other wide) text, after which a line may break.
fn wide(c: char) -> bool {
    crate::text::width(c.encode_utf8(&mut [0; 4])) == 2
}
