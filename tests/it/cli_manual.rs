//! The manual page (`appraise manpage`, shipped as `appraise.1`): one page made from the
//! command line's declarations, with every section a reader looks for, read by `man -l` and
//! `groff` without a warning in either language; and the README's command table says what the
//! page says.

use appraise::cmd::flags::manual::{ENVIRONMENT, EXIT_STATUS, FILES};
use appraise::cmd::flags::{Flag, Text, defs};
use appraise::lang::Lang;
use appraise::tui::keys::{KEYS, KeyMode};
use appraise::words::{Word, cli as w};
use std::path::{Path, PathBuf};
use std::process::Command;

const LANGS: [(Lang, &str); 2] = [(Lang::En, "C.UTF-8"), (Lang::Zh, "zh_CN.UTF-8")];

/// The page, in the language `locale` chooses, written to `dir`.
fn page_in(locale: &str, dir: &Path) -> PathBuf {
    let out = crate::support::command().arg("manpage").env("LC_ALL", locale).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let path = dir.join(format!("appraise.{locale}.1"));
    std::fs::write(&path, &out.stdout).unwrap();
    path
}

/// `man -l PAGE` as text, lines as wide as they need (no wrapping, no hyphens). `man` must be
/// there (man-db: `.ci/run` installs it).
fn rendered(page: &Path) -> String {
    let out = Command::new("man")
        .args(["-P", "cat", "-l"])
        .arg(page)
        .env("LC_ALL", "C.UTF-8")
        .env("MANWIDTH", "1000")
        .output()
        .expect("man (man-db) is installed");
    assert!(out.status.success(), "man -l: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "man -l warns");
    String::from_utf8(out.stdout).unwrap()
}

fn shown_subcommands()
-> impl Iterator<Item = &'static appraise::cmd::flags::Sub<appraise::cmd::flags::Command>> {
    defs::SUBCOMMANDS.iter().filter(|sub| !sub.hidden)
}

#[test]
fn groff_reads_the_page_without_a_warning_on_any_device() {
    let dir = tempfile::tempdir().unwrap();
    for (_, locale) in LANGS {
        let page = page_in(locale, dir.path());
        for device in [None, Some("-Tutf8"), Some("-Tascii")] {
            let out = Command::new("groff")
                .args(["-ww", "-z"])
                .args(device)
                .args(["-man"])
                .arg(&page)
                .output()
                .expect("groff is installed");
            assert!(out.status.success(), "{locale} {device:?}");
            assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{locale} {device:?}: groff -ww warns");
        }
        // Plain ASCII, Chinese and all: groff reads it in any locale.
        let raw = std::fs::read(&page).unwrap();
        assert!(raw.is_ascii(), "{locale}");
    }
}

#[test]
fn the_page_says_everything_the_declarations_declare() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, locale) in LANGS {
        let text = rendered(&page_in(locale, dir.path()));
        let has = |what: &str, said: &str| {
            assert!(text.contains(said), "{locale}: {what} {said:?} missing\n{text}")
        };
        let heading = |word: Word| {
            let line = format!("\n{}\n", word.in_lang(lang));
            assert!(text.contains(&line), "{locale}: no {} section\n{text}", word.en);
        };
        for word in [
            w::MAN_NAME,
            w::MAN_SYNOPSIS,
            w::MAN_DESCRIPTION,
            w::MAN_OPTIONS,
            w::MAN_COMMANDS,
            w::MAN_EXIT_STATUS,
            w::MAN_ENVIRONMENT,
            w::MAN_FILES,
            w::MAN_KEYS,
            w::MAN_EXAMPLES,
        ] {
            heading(word);
        }
        let flags = |name: &str, flags: &[&Flag]| {
            for flag in flags {
                if let Some(long) = flag.long {
                    has(name, &format!("--{long}"));
                }
                if let Some(short) = flag.short {
                    has(name, &format!("-{short}, --"));
                }
                has(name, flag.help.in_lang(lang));
            }
        };
        has("the program", defs::PROGRAM.about.in_lang(lang));
        flags("appraise", defs::PROGRAM.flags);
        for sub in shown_subcommands() {
            has("a subcommand", &format!("appraise {}", sub.name));
            has(sub.name, sub.about.in_lang(lang));
            flags(sub.name, sub.flags);
            for example in sub.examples {
                has("an example", example.line);
                has("an example", example.what.in_lang(lang));
            }
        }
        for entry in EXIT_STATUS.iter().chain(ENVIRONMENT).chain(FILES) {
            has("an entry", entry.name);
            has(entry.name, entry.what.in_lang(lang));
        }
        for mode in KeyMode::ALL {
            has("a mode", mode.title().in_lang(lang));
        }
        for decl in KEYS {
            has(decl.name, decl.what.in_lang(lang));
        }
        // One page: no other is named.
        assert!(!text.contains("SEE ALSO"), "{locale}");
        for line in text.lines() {
            let names_a_page = line.match_indices("(1)").any(|(i, _)| !line[..i].ends_with("APPRAISE"));
            assert!(!names_a_page, "{locale}: {line}");
        }
        // The hidden command stays hidden.
        assert!(!text.contains("appraise manpage"), "{locale}");
    }
}

/// The README's command table: `| \`appraise …\` | … |` rows under "## Subcommands".
fn readme_table() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let from = readme.find("\n## Subcommands\n").expect("a Subcommands section");
    readme[from..]
        .lines()
        .skip_while(|l| !l.starts_with("| command |"))
        .take_while(|l| l.starts_with('|'))
        .map(str::to_string)
        .collect()
}

/// What the README's table says of each command, and what the page's synopsis says: the same
/// subcommands, each with the same flags.
#[test]
fn the_readme_command_table_and_the_page_name_the_same_commands_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let page = rendered(&page_in("C.UTF-8", dir.path()));
    let table = readme_table();
    assert!(table.len() > 5, "{table:?}");
    let row = |command: &str| -> String {
        table
            .iter()
            .filter(|r| r.starts_with(&format!("| `{command}")))
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    };
    let check = |command: &str, flags: &[&Flag]| {
        let row = row(command);
        assert!(!row.is_empty(), "README: no row for {command}");
        // Each flag by one of its names (`-o` or `--output`) in the README, by both on the page.
        for flag in flags.iter().filter(|f| !f.global && f.long.is_some()) {
            let long = format!("--{}", flag.long.unwrap_or_default());
            let short: Vec<String> =
                flag.short.map(|s| vec![format!("-{s} "), format!("-{s}\\|")]).unwrap_or_default();
            let named = row.contains(&long) || short.iter().any(|s| row.contains(s.as_str()));
            assert!(named, "README: {command} lacks {long}\n{row}");
            assert!(page.contains(&long), "the page: {command} lacks {long}");
            if let Some(s) = flag.short {
                assert!(page.contains(&format!("-{s}, {long}")), "the page: {command} lacks -{s}");
            }
        }
    };
    check("appraise REPORT", defs::PROGRAM.flags);
    for sub in shown_subcommands() {
        check(&format!("appraise {}", sub.name), sub.flags);
    }
    // The global flag, and no row for a command that is not there (or is hidden).
    let config = format!("--{}", defs::CONFIG.long.unwrap());
    assert!(table.iter().any(|r| r.contains(&config)), "README: no {config}");
    let known: Vec<String> = shown_subcommands().map(|s| s.name.to_string()).collect();
    for r in &table[2..] {
        let Some(command) = r.strip_prefix("| `appraise") else { continue };
        let word = command.split([' ', '`']).nth(1).unwrap_or_default();
        let ok =
            word.is_empty() || word == "REPORT" || word.starts_with("--") || known.iter().any(|k| k == word);
        assert!(ok, "README: a row for {word:?}, which is no command: {r}");
    }
}

/// Every text of the manual's own declarations is whole in both languages.
#[test]
fn the_manual_declarations_are_in_both_languages() {
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let terms = ["扣分原因"];
    let texts: Vec<(&str, Text)> = EXIT_STATUS
        .iter()
        .chain(ENVIRONMENT)
        .chain(FILES)
        .map(|e| (e.name, e.what))
        .chain(appraise::cmd::flags::manual::DESCRIPTION.iter().map(|t| ("description", *t)))
        .collect();
    for (name, text) in texts {
        assert!(has_cjk(text.zh), "{name}: {}", text.zh);
        let english = terms.iter().fold(text.en.to_string(), |en, t| en.replace(t, ""));
        assert!(!has_cjk(&english), "{name}: {}", text.en);
        assert!(!text.en.trim().is_empty());
    }
}
