//! The command line's manners (issue 18): a closed pipe ends quietly, a mistyped subcommand gets
//! a did-you-mean, every argument has help, shell completions, `-` for standard input, and a
//! broken config.toml that stops only what needs it.

use crate::support::Sandbox;
use std::path::PathBuf;
use std::process::{Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `appraise ARGS` in the project's directory, with a sandboxed home and configuration.
fn appraise_in(sandbox: &Sandbox, args: &[&str]) -> std::process::Command {
    let mut cmd = crate::support::command();
    cmd.args(args)
        .current_dir(root())
        .env("HOME", sandbox.path())
        .env("XDG_CONFIG_HOME", sandbox.config_home())
        .env("XDG_DATA_HOME", sandbox.data_home())
        .env_remove("APPRAISE_CONFIG");
    cmd
}

fn run(args: &[&str]) -> Output {
    let sandbox = Sandbox::new();
    appraise_in(&sandbox, args).output().expect("runs the binary")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `appraise ARGS` writing into a pipe whose reader has already gone.
fn into_closed_pipe(args: &[&str]) -> Output {
    let sandbox = Sandbox::new();
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    appraise_in(&sandbox, args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .output()
        .expect("runs the binary")
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let cases: &[&[&str]] = &[
        &["gen", "--items", "20000"],
        &["gen", "--items", "3"],
        &["export", "fixtures/english-sample.json", "--format", "csv"],
        &["export", "fixtures/english-sample.json", "--format", "json", "-o", "-"],
        &[
            "merge",
            "fixtures/english-sample.json",
            "fixtures/scores/english-sample.scores.json",
            "fixtures/scores/english-sample.sam.scores.json",
            "--format",
            "md",
        ],
        &["summary", "fixtures/english-sample.json"],
        &["check", "fixtures/english-sample.json"],
        &["import", "fixtures/import/chapters.txt", "-o", "-"],
        &["import", "fixtures/import/chapters.txt"],
        &["config"],
        &["--help"],
    ];
    for args in cases {
        let out = into_closed_pipe(args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe") && !stderr.contains("os error 32"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_real_pipe_into_head_ends_quietly() {
    let sandbox = Sandbox::new();
    let mut child = appraise_in(&sandbox, &["gen", "--items", "20000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs the binary");
    let mut stdout = child.stdout.take().expect("a pipe");
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("waits");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn a_mistyped_subcommand_gets_a_did_you_mean() {
    let out = run(&["exprot", "r.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "appraise: unknown command or missing file 'exprot': did you mean 'export'?\n"
    );
    let out = run(&["--theme", "light", "sumary"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("did you mean 'summary'?"), "{}", text(&out.stderr));
    // In Chinese too.
    let sandbox = Sandbox::new();
    let out = appraise_in(&sandbox, &["chek", "x.json"]).env("LC_ALL", "zh_CN.UTF-8").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr), "appraise: 未知的命令或不存在的文件 'chek'：是不是要用 'check'？\n");
    let out = run(&["hlep"]);
    assert!(text(&out.stderr).contains("did you mean 'help'?"), "{}", text(&out.stderr));
    // An existing file is a report, however close its name; a far word is a missing report.
    let out = run(&["nonexistent-report.json"]);
    assert!(!text(&out.stderr).contains("did you mean"), "{}", text(&out.stderr));
}

#[test]
fn every_argument_has_help_in_both_languages() {
    let sandbox = Sandbox::new();
    for (locale, expected) in [
        (
            "C.UTF-8",
            &[
                (
                    "check",
                    "The report to check (or a .txt/.md/.docx/.pdf report, imported first; - reads standard input)",
                ),
                ("check", "A scores file to check as well"),
                (
                    "summary",
                    "The report to summarise (or a .txt/.md/.docx/.pdf report, imported first; - reads standard input)",
                ),
                ("summary", "The scores (default: beside the report, NAME.scores.json)"),
                ("completions", "Which shell it is for"),
            ],
        ),
        (
            "zh_CN.UTF-8",
            &[
                ("check", "要检查的报告（也可以是 .txt/.md/.docx/.pdf 报告，先导入再检查；- 表示标准输入）"),
                ("check", "同时检查的评分文件"),
                ("summary", "要汇总的报告（也可以是 .txt/.md/.docx/.pdf 报告，先导入；- 表示标准输入）"),
                ("summary", "评分文件（默认：报告旁边的 名称.scores.json）"),
                ("completions", "为哪种命令行外壳生成"),
            ],
        ),
    ] {
        for (sub, help) in expected {
            let out = appraise_in(&sandbox, &[sub, "--help"]).env("LC_ALL", locale).output().unwrap();
            let screen = text(&out.stdout);
            assert!(screen.contains(help), "{locale} {sub}: {help:?} missing\n{screen}");
        }
    }
}

/// Every flag declared in `cmd::flags::defs` is shown by the program's `--help` (and its
/// subcommand's) with its own help, in the language the locale chooses.
#[test]
fn every_declared_flag_is_in_the_help_of_each_language() {
    use appraise::cmd::flags::defs;
    use appraise::lang::Lang;
    let sandbox = Sandbox::new();
    let commands: Vec<(Option<&str>, &[&appraise::cmd::flags::Flag])> =
        std::iter::once((None, defs::PROGRAM.flags))
            .chain(defs::SUBCOMMANDS.iter().map(|sub| (Some(sub.name), sub.flags)))
            .collect();
    for (locale, lang) in [("C.UTF-8", Lang::En), ("zh_CN.UTF-8", Lang::Zh)] {
        for (name, flags) in &commands {
            let args: Vec<&str> = name.iter().copied().chain(["--help"]).collect();
            let out = appraise_in(&sandbox, &args).env("LC_ALL", locale).output().unwrap();
            assert_eq!(out.status.code(), Some(0), "{locale} {args:?}: {}", text(&out.stderr));
            let screen = text(&out.stdout);
            for flag in *flags {
                let help = flag.help.in_lang(lang);
                assert!(screen.contains(help), "{locale} {args:?}: {help:?} missing\n{screen}");
            }
        }
    }
}

#[test]
fn completions_for_every_shell() {
    for (shell, mark) in [
        ("bash", "_appraise()"),
        ("zsh", "#compdef appraise"),
        ("fish", "complete -c appraise"),
        ("elvish", "edit:completion:arg-completer[appraise]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", text(&out.stderr));
        let script = text(&out.stdout);
        assert!(script.contains(mark), "{shell}: {mark:?} missing");
        assert!(script.contains("summary"), "{shell}: the subcommands are missing");
        // Every subcommand is offered but the hidden ones (`manpage`).
        for sub in appraise::cmd::flags::defs::SUBCOMMANDS {
            assert_eq!(script.contains(sub.name), !sub.hidden, "{shell}: {} {}", sub.name, sub.hidden);
        }
    }
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    let out = into_closed_pipe(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// `appraise ARGS` with `input` on standard input.
fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let sandbox = Sandbox::new();
    let mut child = appraise_in(&sandbox, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs the binary");
    child.stdin.take().expect("a pipe").write_all(input).expect("writes");
    child.wait_with_output().expect("waits")
}

#[test]
fn a_dash_reads_standard_input() {
    let report = std::fs::read(root().join("fixtures/english-sample.json")).unwrap();
    let out = with_stdin(&["check", "-"], &report);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("-: valid report \"riverside-library-2023\""),
        "{}",
        text(&out.stdout)
    );

    let bad = std::fs::read(root().join("fixtures/invalid/syntax-error.json")).unwrap();
    let out = with_stdin(&["check", "-"], &bad);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("-: line 5, column 3: expected `,` or `}`"), "{}", text(&out.stderr));

    let out = with_stdin(&["summary", "-"], &report);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    assert!(
        summary
            .contains("Scores    none (the report came from standard input; name its scores with --scores)"),
        "{summary}"
    );
    assert!(summary.contains("Progress  0 of 8 items scored (0%)"), "{summary}");
    let out =
        with_stdin(&["summary", "-", "--scores", "fixtures/scores/english-sample.scores.json"], &report);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("standard input"), "{}", text(&out.stdout));

    // `export -` has no scores file beside it to look for: --scores names them, or one
    // sentence says so before anything is read.
    let out = with_stdin(&["export", "-"], &report);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "appraise: the report comes from standard input, which has no scores file beside it: name the scores with --scores\n"
    );
    assert!(out.stdout.is_empty());
    let out = with_stdin(&["export", "-", "--scores", "fixtures/scores/english-sample.scores.json"], &report);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!text(&out.stderr).contains("-.scores.json"), "{}", text(&out.stderr));
    let sheet = text(&out.stdout);
    assert!(
        sheet.starts_with("\u{feff}Riverside Library 2023 Programme Self-Evaluation — scoring sheet,"),
        "{sheet}"
    );
    assert!(sheet.contains("\nEvaluator,Alex Morgan,"), "{sheet}");
    let help = text(&run(&["export", "--help"]).stdout);
    assert!(help.contains("- reads standard input, and then --scores names the scores"), "{help}");

    let document = std::fs::read(root().join("fixtures/import/chapters.txt")).unwrap();
    let out = with_stdin(&["import", "-"], &document);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a report");
    assert_eq!(json["id"], "stdin");
    let out = with_stdin(&["import", "-", "--id", "water"], &document);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a report");
    assert_eq!(json["id"], "water");
    // A docx by its zip header: not taken for text.
    let out = with_stdin(&["import", "-"], b"PK\x03\x04 not really a docx");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("stdin.docx"), "{}", text(&out.stderr));
}

#[test]
fn import_dash_o_dash_is_standard_output() {
    let sandbox = Sandbox::new();
    let fixture = root().join("fixtures/import/chapters.txt");
    let out = appraise_in(&sandbox, &["import", "-q", fixture.to_str().unwrap(), "-o", "-"])
        .current_dir(sandbox.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the report on stdout");
    assert_eq!(json["id"], "chapters");
    assert!(!sandbox.join("-").exists(), "a file named - was written");
}

#[test]
fn import_quiet_says_nothing_but_errors() {
    let sandbox = Sandbox::new();
    let to = sandbox.join("r.json");
    let out = appraise_in(
        &sandbox,
        &["import", "--quiet", "fixtures/import/chapters.txt", "-o", to.to_str().unwrap()],
    )
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
    assert!(to.exists());
    let out = appraise_in(&sandbox, &["import", "-q", "nothere.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!text(&out.stderr).is_empty());
}

#[test]
fn a_pdf_named_as_the_report_gets_the_import_advice_without_pdftotext() {
    let sandbox = Sandbox::new();
    let pdf = sandbox.write("r.pdf", b"%PDF-1.7\n%binary\n");
    // No pdftotext on this PATH.
    let empty = sandbox.join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    for args in [
        vec![pdf.to_str().unwrap()],
        vec!["check", pdf.to_str().unwrap()],
        vec!["import", pdf.to_str().unwrap()],
    ] {
        let out = appraise_in(&sandbox, &args).env("PATH", &empty).stdin(Stdio::null()).output().unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("pdftotext -layout FILE.pdf FILE.txt"), "{args:?}: {stderr}");
        assert!(!stderr.contains("not UTF-8"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_broken_config_stops_only_what_uses_it() {
    let sandbox = Sandbox::new();
    let dir = sandbox.config_home().join("appraise");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "mouse = \"x\n").unwrap();
    let out = appraise_in(&sandbox, &["config"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("config file    "), "{stdout}");
    assert!(stdout.contains("config.toml\n"), "{stdout}");
    assert!(stdout.contains("user themes    "), "{stdout}");
    assert!(text(&out.stderr).contains("config.toml: line 1, column"), "{}", text(&out.stderr));
    for args in [
        &["check", "fixtures/english-sample.json"][..],
        &["summary", "fixtures/english-sample.json"],
        &["gen", "--items", "2"],
        &["export", "fixtures/english-sample.json", "--format", "md"],
        &["import", "-q", "fixtures/import/chapters.txt"],
        &["completions", "fish"],
    ] {
        let out = appraise_in(&sandbox, args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
    }
}

#[test]
fn the_config_file_can_be_named() {
    let sandbox = Sandbox::new();
    let good = sandbox.write("mine.toml", "mouse = true\n");
    let bad = sandbox.write("bad.toml", "autosave = 3\n[[[\n");
    let out = appraise_in(&sandbox, &["config", "--config", good.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(&format!("config file    {}\n", good.display())), "{stdout}");
    assert!(stdout.contains("\nmouse          on\n"), "{stdout}");

    let out = appraise_in(&sandbox, &["config"]).env("APPRAISE_CONFIG", &good).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("\nmouse          on\n"), "{}", text(&out.stdout));

    let out = appraise_in(&sandbox, &["config"]).env("APPRAISE_CONFIG", &bad).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains(&format!("config file    {}\n", bad.display())));
    assert!(text(&out.stderr).contains("bad.toml"), "{}", text(&out.stderr));

    // A named file must exist.
    let missing = sandbox.join("missing.toml");
    let out = appraise_in(&sandbox, &["config", "--config", missing.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.toml"), "{}", text(&out.stderr));
    // The flag comes first over the variable.
    let out = appraise_in(&sandbox, &["config", "--config", good.to_str().unwrap()])
        .env("APPRAISE_CONFIG", &bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// `-h` is a summary (as rg, bat, fd), `--help` the whole help with examples, in both languages.
#[test]
fn dash_h_is_a_summary_and_dash_dash_help_the_whole() {
    let sandbox = Sandbox::new();
    for (locale, examples) in [("C.UTF-8", "Examples:"), ("zh_CN.UTF-8", "示例：")] {
        for sub in [None, Some("export"), Some("search")] {
            let help = |flag: &str| {
                let args: Vec<&str> = sub.iter().copied().chain([flag]).collect();
                let out = appraise_in(&sandbox, &args).env("LC_ALL", locale).output().unwrap();
                assert_eq!(out.status.code(), Some(0), "{locale} {args:?}");
                text(&out.stdout)
            };
            let (short, long) = (help("-h"), help("--help"));
            assert!(short.len() < long.len(), "{locale} {sub:?}\n{short}");
            assert!(!short.contains(examples), "{locale} {sub:?}\n{short}");
            assert!(long.contains(examples), "{locale} {sub:?}\n{long}");
            assert!(long.contains("appraise "), "{locale} {sub:?}\n{long}");
        }
    }
}

#[test]
fn config_default_prints_a_whole_config_that_reads_back_as_the_defaults() {
    let sandbox = Sandbox::new();
    let out = appraise_in(&sandbox, &["config", "--default"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let default = text(&out.stdout);
    for table in [
        "[autosave]",
        "[keys.normal]",
        "[keys.prompt]",
        "[keys.search]",
        "[keys.filters]",
        "[keys.note]",
        "[keys.help]",
    ] {
        assert!(default.contains(&format!("\n{table}\n")), "{table}\n{default}");
    }
    for setting in [
        "# evaluator = ",
        "theme = \"dark\"",
        "# lang = \"zh\"",
        "mouse = false",
        "delay_ms = 250",
        "quit = [\"q\", \"ctrl-c\"]",
    ] {
        assert!(default.contains(setting), "{setting}\n{default}");
    }
    // Used as the configuration, it is the defaults: `appraise config` says the same but
    // the file's name.
    let file = sandbox.write("default.toml", &out.stdout);
    let with = appraise_in(&sandbox, &["config", "--config", file.to_str().unwrap()]).output().unwrap();
    assert_eq!(with.status.code(), Some(0), "{}", text(&with.stderr));
    let without = appraise_in(&sandbox, &["config"]).output().unwrap();
    let rest = |out: &Output| text(&out.stdout).lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(rest(&with), rest(&without));
    // A broken config.toml does not stop it: the defaults need none.
    let dir = sandbox.config_home().join("appraise");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "mouse = \"x\n").unwrap();
    let out = appraise_in(&sandbox, &["config", "--default"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), default);
    // In Chinese, commented in Chinese.
    let out = appraise_in(&sandbox, &["config", "--default"]).env("LC_ALL", "zh_CN.UTF-8").output().unwrap();
    assert!(text(&out.stdout).contains("# 界面语言：zh 或 en"), "{}", text(&out.stdout));
}

/// `--version` names the commit it was built from, when built from this repository's git
/// checkout; from a tarball (no `.git`), the version alone.
#[test]
fn version_names_the_commit_when_built_from_git() {
    let out = run(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    let version = text(&out.stdout);
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(root())
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| text(&o.stdout).trim().to_string())
    };
    let checkout = git(&["rev-parse", "--show-toplevel"])
        .is_some_and(|top| std::fs::canonicalize(top).ok() == std::fs::canonicalize(root()).ok());
    if checkout {
        let hash = git(&["rev-parse", "--short=10", "HEAD"]).expect("HEAD");
        let date = git(&["log", "-1", "--format=%cs", "HEAD"]).expect("its date");
        assert_eq!(version, format!("appraise {} ({hash} {date})\n", env!("CARGO_PKG_VERSION")));
    } else {
        assert_eq!(version, format!("appraise {}\n", env!("CARGO_PKG_VERSION")));
    }
}

/// The README's first screen is what a newcomer needs: the two commands within 40 lines, the
/// Chinese screen (what evaluators see) before the English one; then Install: from source
/// first, then the release this repository builds — no download that does not exist, no
/// placeholder to fill in.
#[test]
fn the_readme_opens_with_the_two_commands_and_the_chinese_screen() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let first: Vec<&str> = readme.lines().take(40).collect();
    for command in ["cargo run --release", "cargo test"] {
        assert!(first.iter().any(|l| l.starts_with(command)), "{command} is not in the first 40 lines");
    }
    let chinese = readme.find("\n appraise · 邵东市").expect("the Chinese screen");
    let english = readme.find("\n appraise · ").expect("a screen");
    assert_eq!(chinese, english, "the Chinese screen comes first");
    assert!(readme[chinese..].contains("评价人 张三"));
    let english = readme[chinese + 1..].find("Evaluator 张三").expect("the English screen") + chinese;
    let install = readme.find("\n## Install\n").expect("an Install section");
    assert!(chinese < english && english < install, "both screens before Install");
    let section =
        &readme[install..readme[install + 1..].find("\n## ").map_or(readme.len(), |n| n + install + 1)];
    let source = section.find("cargo install").expect("from source");
    let release = section.find("scripts/dist.sh").expect("the release");
    assert!(source < release, "from source first, then the release");
    for placeholder in ["<this repository>", "git clone <", "scp appraise-"] {
        assert!(!readme.contains(placeholder), "README: {placeholder}");
    }
}
