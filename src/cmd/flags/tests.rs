use super::defs;
use super::flag::{Flag, Sub, Text};
use super::*;
use crate::words;
use crate::words::cli as w_cli;

/// The program and every subcommand: its name as `--help` is asked for (`[]` the program's),
/// its about and its flags.
fn commands() -> Vec<(Vec<&'static str>, Text, &'static [&'static Flag])> {
    let program = defs::PROGRAM;
    std::iter::once((vec![], program.about, program.flags))
        .chain(defs::SUBCOMMANDS.iter().map(|sub: &Sub<Command>| (vec![sub.name], sub.about, sub.flags)))
        .collect()
}

/// CJK ideographs or CJK punctuation.
fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| {
        crate::lang::is_cjk(c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    })
}

/// The evaluators' terms of art, which the English help quotes as they are.
const TERMS: &[&str] = &["评分表", "扣分原因", "评价得分"];

/// What is wrong with `text`, the help of `what`.
fn problems_of(what: &str, text: Text) -> Vec<String> {
    let mut problems = Vec::new();
    if text.zh.trim().is_empty() || text.en.trim().is_empty() {
        problems.push(format!("{what}: a language is empty: {text:?}"));
    }
    if !has_chinese(text.zh) {
        problems.push(format!("{what}: the Chinese is not Chinese: {}", text.zh));
    }
    let english = TERMS.iter().fold(text.en.to_string(), |en, term| en.replace(term, ""));
    if has_chinese(&english) {
        problems.push(format!("{what}: the English has Chinese in it: {}", text.en));
    }
    if text.zh.contains('{') || text.en.contains('{') {
        problems.push(format!("{what}: a placeholder is left: {text:?}"));
    }
    problems
}

#[test]
fn every_flag_and_subcommand_has_help_in_both_languages() {
    let mut problems = Vec::new();
    for (name, about, flags) in commands() {
        let name = name.first().copied().unwrap_or("appraise");
        problems.extend(problems_of(&format!("{name}: about"), about));
        for flag in flags {
            problems.extend(problems_of(&format!("{name} {}", flag.id), flag.help));
            if let Some(value) = flag.value
                && (value.name.zh.trim().is_empty() || value.name.en.trim().is_empty())
            {
                problems.push(format!("{name} {}: the value has no name", flag.id));
            }
        }
    }
    for (what, text) in [
        ("-h", defs::HELP),
        ("--help", defs::HELP_LONG),
        ("--version", defs::VERSION),
        ("help", defs::HELP_COMMAND),
    ] {
        problems.extend(problems_of(what, text));
    }
    assert!(problems.is_empty(), "the declarations:\n{}", problems.join("\n"));
}

/// `--help` of the program and each subcommand, in the language pinned.
fn long_help(path: &[&str]) -> String {
    let mut cmd = command();
    let mut at = &mut cmd;
    for name in path {
        at = at.find_subcommand_mut(name).expect("a declared subcommand");
    }
    at.render_long_help().to_string()
}

#[test]
fn help_in_each_language_shows_every_flag_as_declared() {
    for lang in [Lang::En, Lang::Zh] {
        let _pinned = words::pin(lang);
        for (path, about, flags) in commands() {
            let screen = long_help(&path);
            assert!(screen.contains(about.in_lang(lang)), "{lang:?} {path:?}: no about\n{screen}");
            for flag in flags {
                let help = flag.help.in_lang(lang);
                assert!(
                    screen.contains(help),
                    "{lang:?} {path:?} {}: {help:?} is not shown\n{screen}",
                    flag.id
                );
                if let Some(long) = flag.long {
                    assert!(
                        screen.contains(&format!("--{long}")),
                        "{lang:?} {path:?}: no --{long}\n{screen}"
                    );
                }
                if let Some(value) = flag.value {
                    let name = value.name.in_lang(lang);
                    let shown =
                        screen.contains(&format!("<{name}>")) || screen.contains(&format!("[{name}]"));
                    assert!(shown, "{lang:?} {path:?}: no <{name}>\n{screen}");
                }
            }
        }
    }
}

#[test]
fn clap_holds_the_declared_flags_and_nothing_else() {
    let cmd = command();
    let ids = |c: &clap::Command| -> Vec<String> {
        c.get_arguments()
            .map(|a| a.get_id().to_string())
            .filter(|id| !["help", "version"].contains(&id.as_str()))
            .collect()
    };
    let declared = |flags: &[&Flag]| -> Vec<String> { flags.iter().map(|f| f.id.to_string()).collect() };
    assert_eq!(ids(&cmd), declared(defs::PROGRAM.flags));
    let subs: Vec<&str> = cmd.get_subcommands().map(clap::Command::get_name).collect();
    let names: Vec<&str> = defs::SUBCOMMANDS.iter().map(|s| s.name).chain(["help"]).collect();
    assert_eq!(subs, names);
    for sub in defs::SUBCOMMANDS {
        let built = cmd.find_subcommand(sub.name).unwrap();
        // Each subcommand inherits the global `--config`, after its own flags.
        let mut want = declared(sub.flags);
        want.push(defs::CONFIG.id.to_string());
        assert_eq!(ids(built), want, "{}", sub.name);
        assert_eq!(built.is_hide_set(), sub.hidden, "{}", sub.name);
    }
}

fn parsed(args: &[&str]) -> Cli {
    let argv = std::iter::once("appraise").chain(args.iter().copied()).map(OsString::from).collect();
    try_parse(argv).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// Compared by their `Debug` form: the arguments' structs hold no `PartialEq`.
fn same<T: std::fmt::Debug>(got: T, want: T) {
    assert_eq!(format!("{got:?}"), format!("{want:?}"));
}

#[test]
fn every_flag_reaches_its_command() {
    let _en = words::pin(Lang::En);
    let p = PathBuf::from;
    let cli = parsed(&[
        "--scores",
        "s.json",
        "--evaluator",
        "李",
        "--theme",
        "light",
        "--encoding",
        "gbk",
        "--read-only",
        "--lang",
        "zh",
        "--mouse",
        "r.txt",
    ]);
    assert!(cli.command.is_none());
    let review = Review {
        report: Some(p("r.txt")),
        scores: Some(p("s.json")),
        evaluator: Some("李".into()),
        theme: Some("light".into()),
        encoding: Some("gbk".into()),
        read_only: true,
        lang: Some(Lang::Zh),
        mouse: true,
    };
    same(cli.review, review);
    same(parsed(&[]).review, Review::default());

    let cases: Vec<(Vec<&str>, Command)> = vec![
        (
            vec!["check", "r.json", "--scores", "s.json", "--json"],
            Command::Check { report: p("r.json"), scores: Some(p("s.json")), evaluator: None, json: true },
        ),
        (
            vec!["check", "r.json", "--evaluator", "李四"],
            Command::Check {
                report: p("r.json"), scores: None, evaluator: Some("李四".into()), json: false
            },
        ),
        (
            vec![
                "import",
                "t.txt",
                "--encoding",
                "gbk",
                "-o",
                "o.json",
                "--rubric",
                "r.xlsx",
                "--sheet",
                "2",
                "--score-text",
                "--require-reasons",
                "--max",
                "-3",
                "--step",
                "0.5",
                "--id",
                "x",
                "--title",
                "T",
                "--unit",
                "U",
                "-q",
            ],
            Command::Import(ImportArgs {
                text: p("t.txt"),
                encoding: Some("gbk".into()),
                output: Some(p("o.json")),
                rubric: Some(p("r.xlsx")),
                sheet: Some("2".into()),
                score_text: true,
                require_reasons: true,
                no_require_reasons: false,
                max: Some(-3.0),
                step: Some(0.5),
                id: Some("x".into()),
                title: Some("T".into()),
                unit: Some("U".into()),
                quiet: true,
            }),
        ),
        (
            vec!["import", "-", "--no-require-reasons"],
            Command::Import(ImportArgs { text: p("-"), no_require_reasons: true, ..ImportArgs::default() }),
        ),
        (vec!["config"], Command::Config { default: false }),
        (vec!["config", "--default"], Command::Config { default: true }),
        (
            vec!["gen", "--items", "5"],
            Command::Gen { items: 5, seed: crate::cmd::DEFAULT_SEED, output: None },
        ),
        (
            vec!["gen", "--items", "5", "--seed", "7", "-o", "g.json"],
            Command::Gen { items: 5, seed: 7, output: Some(p("g.json")) },
        ),
        (
            vec![
                "export", "r.json", "--scores", "s.json", "--format", "md", "-o", "-", "--lang", "en",
                "--no-bom", "-q",
            ],
            Command::Export(ExportArgs {
                report: p("r.json"),
                scores: Some(p("s.json")),
                evaluator: None,
                sheet: crate::cmd::SheetOptions {
                    format: Some(crate::export::Format::Md),
                    out: Some(p("-")),
                    lang: Some(Lang::En),
                    no_bom: true,
                    quiet: true,
                },
            }),
        ),
        (
            vec!["summary", "-", "--scores", "s.json", "--json"],
            Command::Summary { report: p("-"), scores: Some(p("s.json")), evaluator: None, json: true },
        ),
        (
            vec!["summary", "r.json", "--evaluator", "王五"],
            Command::Summary {
                report: p("r.json"),
                scores: None,
                evaluator: Some("王五".into()),
                json: false,
            },
        ),
        (
            vec!["merge", "r.json", "a.json", "dir", "--format", "xlsx", "--disagree", "15", "--trim"],
            Command::Merge(MergeArgs {
                report: p("r.json"),
                scores: vec![p("a.json"), p("dir")],
                sheet: crate::cmd::SheetOptions {
                    format: Some(crate::export::Format::Xlsx),
                    ..Default::default()
                },
                disagree: Some("15".into()),
                trim: true,
            }),
        ),
        (
            vec!["panel", "r.json", "dir", "--trim", "--disagree", "12.5"],
            Command::Panel(PanelArgs {
                report: p("r.json"),
                scores: vec![p("dir")],
                trim: true,
                disagree: Some("12.5".into()),
                imported: None,
            }),
        ),
        (vec!["manpage"], Command::Manpage),
        (vec!["completions", "zsh"], Command::Completions { shell: clap_complete::Shell::Zsh }),
        (
            vec!["search", "r.json", "a b", "--json", "--limit", "3", "--color", "never"],
            Command::Search {
                report: p("r.json"),
                query: "a b".into(),
                json: true,
                limit: Some(3),
                color: clap::ColorChoice::Never,
                evaluator: None,
            },
        ),
        (
            vec!["search", "r.json", "a"],
            Command::Search {
                report: p("r.json"),
                query: "a".into(),
                json: false,
                limit: None,
                color: clap::ColorChoice::Auto,
                evaluator: None,
            },
        ),
        (
            vec!["check", "r.json", "--config", "c.toml"],
            Command::Check { report: p("r.json"), scores: None, evaluator: None, json: false },
        ),
    ];
    for (args, want) in cases {
        let cli = parsed(&args);
        same(cli.review, Review::default());
        same(cli.command, Some(want));
    }
}

#[test]
fn the_rules_between_flags_hold() {
    let _en = words::pin(Lang::En);
    let refused = |args: &[&str]| {
        let argv = std::iter::once("appraise").chain(args.iter().copied()).map(OsString::from).collect();
        try_parse(argv).map(|_| ()).expect_err(&format!("{args:?} is refused")).kind()
    };
    use clap::error::ErrorKind;
    assert_eq!(refused(&["import", "t.txt", "--score-text"]), ErrorKind::MissingRequiredArgument);
    assert_eq!(
        refused(&["import", "t.txt", "--require-reasons", "--no-require-reasons"]),
        ErrorKind::ArgumentConflict
    );
    assert_eq!(refused(&["gen"]), ErrorKind::MissingRequiredArgument);
    assert_eq!(refused(&["merge", "r.json"]), ErrorKind::MissingRequiredArgument);
    assert_eq!(refused(&["export", "r.json", "--format", "pdf"]), ErrorKind::InvalidValue);
    assert_eq!(refused(&["r.json", "check"]), ErrorKind::ArgumentConflict, "a report or a subcommand");
    assert_eq!(refused(&["--help"]), ErrorKind::DisplayHelp);
    assert_eq!(refused(&["--version"]), ErrorKind::DisplayVersion);
}

#[test]
fn help_texts_say_what_the_program_does() {
    for lang in [Lang::En, Lang::Zh] {
        let encoding = defs::IMPORT_ENCODING.help.in_lang(lang);
        assert!(encoding.contains(crate::import::ENCODING_EXAMPLES), "{lang:?}: {encoding}");
        let theme = defs::THEME.help.in_lang(lang);
        assert!(theme.contains(crate::theme::DEFAULT_THEME), "{lang:?}: {theme}");
        let disagree = defs::DISAGREE.help.in_lang(lang);
        assert!(disagree.contains(&format!("{}", crate::cmd::DEFAULT_DISAGREE)), "{lang:?}: {disagree}");
    }
    assert_eq!(defs::SEED.default, Some(crate::cmd::DEFAULT_SEED.to_string().as_str()));
}

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
fn every_help_text_is_worded_in_chinese() {
    let _zh = words::pin(Lang::Zh);
    for (name, screen) in screens(command()) {
        // clap's own words (an example's `--default` is a flag, not a word).
        for english in ["Usage", "Commands", "Arguments", "Options", "Print", "[default", "possible"] {
            assert!(!screen.contains(english), "{name}: {english:?} is left in\n{screen}");
        }
        assert!(screen.contains("用法："), "{name}\n{screen}");
    }
}

/// `-h` of the program and each subcommand, in the language pinned.
fn short_help(path: &[&str]) -> String {
    let mut cmd = command();
    let mut at = &mut cmd;
    for name in path {
        at = at.find_subcommand_mut(name).expect("a declared subcommand");
    }
    at.render_help().to_string()
}

#[test]
fn short_help_is_a_summary_and_long_help_ends_with_examples() {
    for lang in [Lang::En, Lang::Zh] {
        let _pinned = words::pin(lang);
        let heading = w_cli::HEADING_EXAMPLES.in_lang(lang);
        for sub in std::iter::once(None).chain(defs::SUBCOMMANDS.iter().map(Some)) {
            let (path, flags, examples) = match sub {
                None => (vec![], defs::PROGRAM.flags, defs::PROGRAM.examples),
                Some(sub) => (vec![sub.name], sub.flags, sub.examples),
            };
            let (short, long) = (short_help(&path), long_help(&path));
            assert!(short.len() < long.len(), "{lang:?} {path:?}: -h is no shorter\n{short}");
            for flag in flags {
                let brief = flag.short_help().in_lang(lang);
                assert!(short.contains(brief), "{lang:?} {path:?}: -h lacks {brief:?}\n{short}");
                if flag.brief.is_some() {
                    let whole = flag.help.in_lang(lang);
                    assert!(!short.contains(whole), "{lang:?} {path:?}: -h shows {whole:?}\n{short}");
                    assert!(long.contains(whole), "{lang:?} {path:?}: --help lacks {whole:?}\n{long}");
                }
            }
            assert!(!examples.is_empty(), "{path:?}: no examples");
            assert!(!short.contains(heading), "{lang:?} {path:?}: -h shows the examples\n{short}");
            let at = long.find(heading).unwrap_or_else(|| panic!("{lang:?} {path:?}: no examples\n{long}"));
            for example in examples {
                for text in [example.line, example.what.in_lang(lang)] {
                    assert!(long[at..].contains(text), "{lang:?} {path:?}: {text:?} missing\n{long}");
                }
            }
        }
    }
}

#[test]
fn every_example_is_a_command_line_that_parses() {
    let _en = words::pin(Lang::En);
    let all = defs::PROGRAM.examples.iter().chain(defs::SUBCOMMANDS.iter().flat_map(|sub| sub.examples));
    let mut problems = Vec::new();
    for example in all {
        problems.extend(problems_of(&format!("example {}", example.line), example.what));
        // Each `appraise …` of the line, before any redirection.
        for part in example.line.split(" | ") {
            let part = part.split(" > ").next().unwrap_or_default();
            let words: Vec<&str> = part.split_whitespace().collect();
            if words.first() != Some(&"appraise") {
                continue;
            }
            let argv = words.iter().map(OsString::from).collect();
            if let Err(e) = try_parse(argv) {
                problems.push(format!("{}: {}", example.line, e.render()));
            }
        }
    }
    assert!(problems.is_empty(), "the examples:\n{}", problems.join("\n"));
}

#[test]
fn help_lists_the_arguments_in_their_declared_order() {
    for lang in [Lang::En, Lang::Zh] {
        let _pinned = words::pin(lang);
        for (path, _, flags) in commands() {
            for screen in [short_help(&path), long_help(&path)] {
                // The lists, after the usage.
                let usage = screen.find(w_cli::HEADING_USAGE.in_lang(lang)).expect("a usage");
                let lists = &screen[usage + screen[usage..].find("\n\n").expect("lists after the usage")..];
                let places: Vec<usize> = flags
                    .iter()
                    .map(|flag| {
                        let names = match (flag.long, flag.value) {
                            (Some(long), _) => vec![format!("--{long}")],
                            (None, Some(value)) => {
                                let name = value.name.in_lang(lang);
                                vec![format!("<{name}>"), format!("[{name}]")]
                            }
                            (None, None) => unreachable!("a positional argument has a value"),
                        };
                        names
                            .iter()
                            .find_map(|name| lists.find(name.as_str()))
                            .unwrap_or_else(|| panic!("{lang:?} {path:?}: no {names:?}\n{screen}"))
                    })
                    .collect();
                let mut sorted = places.clone();
                sorted.sort_unstable();
                assert_eq!(places, sorted, "{lang:?} {path:?}\n{screen}");
            }
        }
    }
}
