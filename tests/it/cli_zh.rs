//! The command line in Chinese: every subcommand, run in a Chinese locale, says everything —
//! stdout and stderr, `--help`, clap's errors, failures — in Chinese; a C locale (common over
//! SSH) leaves the language to the report; the English is as it always was.
//!
//! "In Chinese" is checked mechanically: a run of three or more ASCII letters in the output is
//! English unless it is a name — in a path or a file name, quoted (an id, a value from a file),
//! a flag, or one of [`NAMES`] (the program, formats and encodings, subcommands, the files'
//! keys, themes, environment variables, clap's built-in `[OPTIONS]`).

use crate::support::Sandbox;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Names a Chinese message holds as they are.
const NAMES: &[&str] = &[
    // The program, formats, encodings.
    "appraise",
    "json",
    "JSON",
    "csv",
    "CSV",
    "xlsx",
    "docx",
    "txt",
    "toml",
    "TOML",
    "UTF",
    "GBK",
    "BOM",
    "PDF",
    "RTF",
    "Markdown",
    "Word",
    // Subcommands.
    "check",
    "import",
    "init",
    "config",
    "gen",
    "export",
    "summary",
    "merge",
    "search",
    "help",
    "completions",
    "APPRAISE",
    "CONFIG",
    "bash",
    "zsh",
    "fish",
    "elvish",
    "powershell",
    // The report's and the scores file's keys (as JSON paths name them), and their literals.
    "format",
    "report",
    "scores",
    "sheet",
    "panel",
    "title",
    "meta",
    "scale",
    "min",
    "max",
    "step",
    "grades",
    "label",
    "require",
    "note",
    "below",
    "sections",
    "items",
    "text",
    "criteria",
    "tags",
    "refs",
    "self",
    "score",
    "body",
    "evaluator",
    "updated",
    "flagged",
    "draft",
    "lang",
    "true",
    "false",
    "null",
    // A scoring table's columns, themes and their slots, colour depths, environment variables.
    "level",
    "points",
    "dark",
    "light",
    "high",
    "contrast",
    "mono",
    "themes",
    "border",
    "modifiers",
    "truecolor",
    "none",
    "COLORTERM",
    "TERM",
    "COLOR",
    "ALL",
    "MESSAGES",
    "LANG",
    "keys",
    // clap's own usage word; `--color`'s values; what the examples type (`--encoding gbk`,
    // `| cut -f1`).
    "OPTIONS",
    "auto",
    "always",
    "never",
    "gbk",
    "cut",
];

/// File extensions: a token ending in one is a file name.
const EXTENSIONS: &[&str] = &["json", "csv", "xlsx", "md", "txt", "docx", "toml", "pdf", "xls"];

/// The English words in `text`: runs of three or more ASCII letters that are not names. The
/// `names` given (paths, ids the output quotes bare) are taken out first.
fn english_in(text: &str, names: &[&str]) -> Vec<String> {
    let mut text = text.to_string();
    for name in names {
        text = text.replace(name, " ");
    }
    let text = unquoted(&text);
    let mut found = Vec::new();
    let token_char = |c: char| c.is_ascii_alphanumeric() || "_-./[]<>#@~=+*".contains(c);
    for token in text.split(|c: char| !token_char(c)) {
        let file_name = token.rsplit_once('.').is_some_and(|(_, ext)| EXTENSIONS.contains(&ext));
        if token.starts_with('-') || token.contains('/') || file_name {
            continue; // a flag, a path, a file name
        }
        for run in token.split(|c: char| !c.is_ascii_alphabetic()) {
            if run.len() >= 3 && !NAMES.contains(&run) {
                found.push(run.to_string());
            }
        }
    }
    found
}

/// `text` without what is quoted ("…", “…”, '…', `…`) on one line: ids, values, commands. An
/// apostrophe after a letter (`item's`) opens no quote.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut rest = line;
        let opens = |rest: &str, i: usize, c: char| {
            "\"“'`".contains(c) && !(c == '\'' && rest[..i].chars().last().is_some_and(char::is_alphanumeric))
        };
        while let Some((i, open)) = rest.char_indices().find(|&(i, c)| opens(rest, i, c)) {
            let close = if open == '“' { '”' } else { open };
            let after = &rest[i + open.len_utf8()..];
            out.push_str(&rest[..i]);
            match after.find(close) {
                Some(j) => rest = &after[j + close.len_utf8()..],
                None => {
                    out.push(open);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out.push('\n');
    }
    out
}

#[test]
fn the_checker_finds_english_and_passes_names() {
    assert_eq!(english_in("appraise: 无法读取 x.json：cannot read", &[]), ["cannot", "read"]);
    assert!(
        english_in("--scores <路径> 名称.scores.json /tmp/a b/c “riverside-library” `appraise check`", &[])
            .is_empty()
    );
    assert!(english_in("sections[0].items[1].refs[1]: 未知的 id \"s9.9\"", &[]).is_empty());
    assert_eq!(english_in("retired-item 和 warning", &["retired-item"]), ["warning"]);
    assert_eq!(english_in("报告 interface's 'quoted' language", &[]), ["interface", "language"]);
}

fn fixture(rel: &str) -> PathBuf {
    crate::support::fixtures().join(rel)
}

fn s(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// `appraise` in `locale` (`LC_ALL`, or none: `LANG=C.UTF-8`), with a configuration directory of
/// its own (a `lang` in the user's config.toml must not decide), in `dir`.
fn appraise(sb: &Sandbox, locale: Option<&str>, args: &[&str]) -> Output {
    let mut cmd: Command = crate::support::command();
    match locale {
        Some(locale) => cmd.env("LC_ALL", locale),
        None => cmd.env_remove("LC_ALL").env("LANG", "C.UTF-8"),
    };
    cmd.args(args)
        .current_dir(sb.path())
        .env("HOME", sb.path())
        .env("XDG_CONFIG_HOME", sb.config_home())
        .env("XDG_DATA_HOME", sb.data_home())
        .stdin(Stdio::null())
        .output()
        .expect("runs the binary")
}

const ZH: Option<&str> = Some("zh_CN.UTF-8");

/// What a run printed: stdout, then stderr.
fn printed(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// Runs `args` in Chinese: the exit code is `code`, something was said, and all of it is Chinese
/// (`names` besides). Returns what was printed.
fn chinese(sb: &Sandbox, args: &[&str], code: i32, names: &[&str]) -> String {
    let out = appraise(sb, ZH, args);
    let text = printed(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}:\n{text}");
    assert!(
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{args:?} said nothing in Chinese:\n{text}"
    );
    let fixtures = crate::support::fixtures();
    let paths = [s(sb.path()), s(&fixtures)];
    let all: Vec<&str> = paths.iter().copied().chain(names.iter().copied()).collect();
    let english = english_in(&text, &all);
    assert!(english.is_empty(), "{args:?}: English in the Chinese output: {english:?}\n{text}");
    assert!(!text.contains("panicked"), "{args:?}:\n{text}");
    text
}

#[test]
fn help_is_chinese_for_the_program_and_every_subcommand() {
    let sb = Sandbox::new();
    let top = chinese(&sb, &["--help"], 0, &[]);
    assert!(top.contains("用法：appraise [OPTIONS] [报告]"), "{top}");
    assert!(top.contains("检查报告（及评分文件）"), "{top}");
    chinese(&sb, &["-h"], 0, &[]);
    chinese(&sb, &["help"], 0, &[]);
    chinese(&sb, &["help", "help"], 0, &[]);
    for sub in
        ["check", "import", "init", "config", "gen", "export", "summary", "merge", "completions", "search"]
    {
        let text = chinese(&sb, &[sub, "--help"], 0, &[]);
        assert!(text.contains(&format!("用法：appraise {sub}")), "{sub}:\n{text}");
        chinese(&sb, &["help", sub], 0, &[]);
    }
    let generate = chinese(&sb, &["gen", "--help"], 0, &[]);
    assert!(generate.contains("[默认：42]"), "{generate}");
    let export = chinese(&sb, &["export", "--help"], 0, &[]);
    assert!(export.contains("[可选值：csv, xlsx, md, json]"), "{export}");
}

#[test]
fn a_wrong_command_line_is_said_in_chinese() {
    let sb = Sandbox::new();
    let bogus = chinese(&sb, &["--bogus"], 2, &[]);
    assert!(bogus.contains("错误：无法识别的参数 '--bogus'"), "{bogus}");
    assert!(bogus.contains("更多信息请用 '--help'。"), "{bogus}");
    let missing = chinese(&sb, &["check"], 2, &[]);
    assert!(missing.contains("缺少下列必需的参数") && missing.contains("<报告>"), "{missing}");
    let value = chinese(&sb, &["export", "--format", "zz", "x.json"], 2, &[]);
    assert!(value.contains("'zz' 不是 '--format <格式>' 的有效值"), "{value}");
    chinese(&sb, &["gen", "--items", "abc"], 2, &[]);
    chinese(&sb, &["gen", "--items"], 2, &[]);
    chinese(&sb, &["gen", "--items", "3", "--items", "4"], 2, &[]);
    chinese(&sb, &["chek", "x"], 2, &[]);
    chinese(&sb, &["merge", "r.json"], 2, &[]);
}

#[test]
fn check_says_valid_and_invalid_in_chinese() {
    let sb = Sandbox::new();
    let valid = chinese(&sb, &["check", s(&fixture("shaodong-2022.json"))], 0, &[]);
    assert!(valid.contains("有效：26 个章节，59 个评分项，满分 234"), "{valid}");
    let scores = fixture("scores/shaodong-2022.zhangsan.scores.json");
    let scored = chinese(&sb, &["check", s(&fixture("shaodong-2022.json")), "--scores", s(&scores)], 0, &[]);
    assert!(scored.contains("评分有效：已评 55/59 项") && scored.contains("没有写扣分原因"), "{scored}");
    // An English report: the locale decides, the ids it quotes bare are names.
    let english = fixture("english-sample.json");
    let orphans = fixture("scores/english-sample.scores.json");
    let text = chinese(&sb, &["check", s(&english), "--scores", s(&orphans)], 0, &["retired-item"]);
    assert!(text.contains("警告：1 条已保存的评分属于报告中已不存在的评分项"), "{text}");

    let mut invalid: Vec<PathBuf> = std::fs::read_dir(fixture("invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    invalid.sort();
    assert!(invalid.len() >= 12);
    for path in &invalid {
        chinese(&sb, &["check", s(path)], 2, &[]);
    }
    let corrupt = fixture("scores/corrupt.scores.json");
    let text = chinese(&sb, &["check", s(&english), "--scores", s(&corrupt)], 2, &[]);
    assert!(text.contains("第 28 行第 27 列: 文件意外结束"), "{text}");
    let other = chinese(&sb, &["check", s(&fixture("shaodong-2022.json")), "--scores", s(&orphans)], 2, &[]);
    assert!(other.contains("中的评分属于报告"), "{other}");
}

#[test]
fn a_missing_file_is_said_in_chinese() {
    let sb = Sandbox::new();
    for args in [
        vec!["check", "nothere.json"],
        vec!["summary", "nothere.json"],
        vec!["export", "nothere.json"],
        vec!["import", "nothere.txt"],
        vec!["nothere.json"],
    ] {
        let text = chinese(&sb, &args, 2, &[]);
        assert!(text.contains("无法读取 nothere.") && text.contains("：文件不存在"), "{args:?}: {text}");
    }
    let scores = chinese(&sb, &["check", s(&fixture("shaodong-2022.json")), "--scores", "none.json"], 2, &[]);
    assert!(scores.contains("无法读取 none.json：文件不存在"), "{scores}");
}

#[test]
fn summary_is_chinese() {
    let sb = Sandbox::new();
    let report = sb.copy_fixture("shaodong-2022.json", "shaodong-2022.json");
    let scores = fixture("scores/shaodong-2022.zhangsan.scores.json");
    let text = chinese(&sb, &["summary", s(&report), "--scores", s(&scores)], 0, &[]);
    for line in
        ["进度      已评 55/59 项（93%），3 项待核实", "得分率    94.52%", "等级      优", "待核实（3 项）："]
    {
        assert!(text.contains(line), "{line:?}:\n{text}");
    }
    let none = chinese(&sb, &["summary", s(&report)], 0, &[]);
    assert!(none.contains("暂无（") && none.contains("不存在）"), "{none}");
}

#[test]
fn export_and_merge_say_what_they_wrote_and_what_is_wrong_in_chinese() {
    let sb = Sandbox::new();
    let report = sb.copy_fixture("shaodong-2022.json", "shaodong-2022.json");
    let zhangsan =
        sb.copy_fixture("scores/shaodong-2022.zhangsan.scores.json", "shaodong-2022.zhangsan.scores.json");
    let lisi = sb.copy_fixture("scores/shaodong-2022.lisi.scores.json", "shaodong-2022.lisi.scores.json");
    let text = chinese(&sb, &["export", s(&report), "--scores", s(&zhangsan), "--format", "xlsx"], 0, &[]);
    assert!(text.contains("评分表已写入 "), "{text}");
    // No scores yet: a warning on stderr, and the sheet (the report's language) on stdout.
    let out = appraise(&sb, ZH, &["export", s(&report), "-o", s(&sb.join("blank.csv"))]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("还没有评分文件"), "{stderr}");
    assert!(english_in(&stderr, &[s(sb.path())]).is_empty(), "{stderr}");
    chinese(&sb, &["export", s(&report), "--scores", "none.json"], 2, &[]);
    chinese(&sb, &["export", s(&report), "--scores", s(&zhangsan), "-o", s(sb.path())], 2, &[]);
    let over = chinese(&sb, &["export", s(&report), "--scores", s(&zhangsan), "-o", s(&report)], 2, &[]);
    assert!(over.contains("拒绝把评分表写到输入文件"), "{over}");
    chinese(&sb, &["export", s(&report), "-o", s(&sb.join("no/such/dir/x.csv"))], 2, &[]);

    let text = chinese(&sb, &["merge", s(&report), s(&zhangsan), s(&lisi), "--format", "xlsx"], 0, &[]);
    assert!(text.contains("汇总评分表已写入 "), "{text}");
    let twice =
        chinese(&sb, &["merge", s(&report), s(&zhangsan), s(&zhangsan), "-o", s(&sb.join("p.csv"))], 0, &[]);
    assert!(twice.contains("它算作另一位评价人"), "{twice}");
    let bad = chinese(&sb, &["merge", s(&report), s(&zhangsan), "--disagree", "lots"], 2, &[]);
    assert!(bad.contains("应为该项满分的百分比"), "{bad}");
    let english = fixture("scores/english-sample.scores.json");
    chinese(&sb, &["merge", s(&report), s(&english)], 2, &[]);
}

#[test]
fn import_summarises_and_refuses_in_chinese() {
    let sb = Sandbox::new();
    let out = sb.join("r.json");
    let text = chinese(&sb, &["import", s(&fixture("import/shaodong-2022.gbk.txt")), "-o", s(&out)], 0, &[]);
    assert!(text.contains("已导入 ") && text.contains("（纯文本、GB18030/GBK）"), "{text}");
    assert!(text.contains("大纲层级：一、 › （一） › 一是") && text.contains("已写入 "), "{text}");
    let docx = chinese(&sb, &["import", s(&fixture("import/sample.docx")), "-o", s(&out)], 0, &[]);
    assert!(docx.contains("1 级标题") && docx.contains("已略去：目录"), "{docx}");
    let (text_file, table) = (fixture("import/shaodong-2022.txt"), fixture("import/rubric-broken.csv"));
    let rubric = ["import", s(&text_file), "--rubric", s(&table), "-o", s(&out)];
    let text = chinese(&sb, &rubric, 2, &[]);
    assert!(text.contains("表格的合计是 100 分") && text.contains("5 个指标，共 24 分"), "{text}");
    // Without its 合计 row nothing contradicts the table: imported, its sums warned about.
    let csv = std::fs::read_to_string(&table).unwrap();
    let rows: String = csv.lines().filter(|l| !l.starts_with("合计")).map(|l| format!("{l}\n")).collect();
    let table = sb.write("rubric-no-total.csv", rows);
    let rubric = ["import", s(&text_file), "--rubric", s(&table), "-o", s(&out)];
    let text = chinese(&sb, &rubric, 0, &[]);
    assert!(text.contains("评分表：5 个指标，共 24 分") && text.contains("警告："), "{text}");
    chinese(&sb, &["import", s(&fixture("import/toc-pages.txt")), "-o", s(&out)], 0, &[]);
    chinese(&sb, &["import", s(&fixture("import/pdf-wrapped.txt")), "-o", s(&out)], 0, &[]);

    chinese(&sb, &["import", s(&fixture("shaodong-2022.json"))], 2, &[]);
    chinese(&sb, &["import", s(&fixture("import/shaodong-2022.txt")), "--max", "0"], 2, &[]);
    chinese(&sb, &["import", s(&fixture("import/shaodong-2022.txt")), "--title", " "], 2, &[]);
    // A scan: no text layer (or, without pdftotext, where to get it).
    let pdf = sb.write("scan.txt", crate::import_pdf::pdf(&[]));
    let names = ["pdftotext", "apt install poppler-utils"];
    let text = chinese(&sb, &["import", s(&pdf)], 2, &names);
    assert!(text.contains("这个 PDF 没有文字层") || text.contains("这是 PDF，需要"), "{text}");
    let text =
        chinese(&sb, &["import", s(&fixture("import/shaodong-2022.txt")), "--encoding", "nonsense"], 2, &[]);
    assert!(text.contains("未知的编码名称"), "{text}");
    let binary = sb.write("binary.txt", b"text\0more");
    chinese(&sb, &["import", s(&binary)], 2, &[]);
    let same = fixture("import/shaodong-2022.txt");
    chinese(&sb, &["import", s(&same), "-o", s(&same)], 2, &[]);
    let bad_rubric = sb.write("bad.csv", "level1,x\n");
    chinese(&sb, &["import", s(&same), "--rubric", s(&bad_rubric)], 2, &[]);
}

#[test]
fn gen_config_themes_and_the_review_entry_speak_chinese() {
    let sb = Sandbox::new();
    let out = appraise(&sb, ZH, &["gen", "--items", "3", "-o", s(&sb.join("g.json"))]);
    assert_eq!(out.status.code(), Some(0));
    assert!(printed(&out).is_empty(), "gen -o says nothing: {}", printed(&out));
    chinese(&sb, &["gen", "--items", "3", "-o", s(&sb.join("no/dir/g.json"))], 2, &[]);

    // The settings above the key table (whose descriptions are the key map's, tui/action.rs).
    let out = appraise(&sb, ZH, &["config"]);
    let text = printed(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let (settings, keys) = text.split_once("[keys]").expect("a key table");
    let settings = format!("{settings}{}", keys.lines().next().unwrap_or(""));
    for label in [
        "配置文件",
        "用户主题",
        "示例评分",
        "界面语言",
        "评价人",
        "可用主题",
        "颜色",
        "鼠标",
        "自动保存",
        "动作 = 按键",
    ] {
        assert!(settings.contains(label), "{label}:\n{settings}");
    }
    let english = english_in(&settings, &[s(sb.path())]);
    assert!(english.is_empty(), "English in config: {english:?}\n{settings}");

    let theme = chinese(&sb, &["--theme", "nope", s(&fixture("shaodong-2022.json"))], 2, &[]);
    assert!(theme.contains("未知的主题“nope”"), "{theme}");
    for (name, text, said) in [
        ("type.toml", "extends = \"dark\"\nborder = true\n", "应为样式"),
        ("key.toml", "extends = \"dark\"\nborder = { fg = \"red\", shiny = 1 }\n", "样式中未知的键 `shiny`"),
        ("hex.toml", "extends = \"dark\"\nborder = \"#12\"\n", "不是颜色"),
    ] {
        let file = sb.write(name, text);
        let theme = chinese(&sb, &["--theme", s(&file), s(&fixture("shaodong-2022.json"))], 2, &[]);
        assert!(theme.contains(said), "{name}: {theme}");
    }
    // Without a terminal the review says so, once every input is checked.
    let review =
        chinese(&sb, &[s(&fixture("shaodong-2022.json")), "--scores", s(&sb.join("r.scores.json"))], 2, &[]);
    assert!(review.contains("需要交互式终端"), "{review}");
}

#[test]
fn in_a_c_locale_the_report_decides() {
    let sb = Sandbox::new();
    let chinese_report = fixture("shaodong-2022.json");
    let out = appraise(&sb, None, &["check", s(&chinese_report)]);
    let text = printed(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("有效：26 个章节，59 个评分项"), "a Chinese report, Chinese words:\n{text}");
    assert!(english_in(&text, &[s(&crate::support::fixtures())]).is_empty(), "{text}");
    let out = appraise(&sb, None, &["summary", s(&chinese_report)]);
    assert!(printed(&out).contains("进度      已评 0/59 项"), "{}", printed(&out));
    let out = appraise(
        &sb,
        None,
        &["import", s(&fixture("import/shaodong-2022.txt")), "-o", s(&sb.join("r.json"))],
    );
    assert!(printed(&out).contains("（纯文本、UTF-8）"), "{}", printed(&out));

    let out = appraise(&sb, None, &["check", s(&fixture("english-sample.json"))]);
    let text = printed(&out);
    assert!(text.contains(": valid report \"riverside-library-2023\": 6 sections, 8 items"), "{text}");
    // The flag, the config and the locale come before the report.
    let out = appraise(&sb, Some("en_US.UTF-8"), &["check", s(&chinese_report)]);
    assert!(printed(&out).contains(": valid report \"shaodong-approval-bureau-2022\""), "{}", printed(&out));
}

#[test]
fn the_english_output_is_as_it_was() {
    let sb = Sandbox::new();
    let en = Some(crate::support::PINNED_LOCALE);
    let run = |args: &[&str]| printed(&appraise(&sb, en, args));
    let help = run(&["--help"]);
    assert!(help.starts_with(
        "Review and score reports in the terminal. With no REPORT, opens the built-in sample\n\nUsage: appraise [OPTIONS] [REPORT]\n       appraise <COMMAND>\n\nCommands:\n  check        Validate a report (and a scores file): every problem with its place; exit 0 valid, 2 invalid\n"
    ), "{help}");
    assert!(help.contains("      --scores <PATH>\n          Where the scores are kept (default: beside the report, NAME.scores.json)\n"), "{help}");
    assert!(
        help.contains("  -h, --help\n          Print help (-h a summary, --help all of it)\n\n  -V, --version\n          Print version\n"),
        "{help}"
    );
    let summary = run(&["-h"]);
    assert!(
        summary
            .contains("      --scores <PATH>     Where the scores are kept (default: beside the report)\n"),
        "{summary}"
    );
    assert!(
        summary.contains("  -h, --help              Print help\n  -V, --version           Print version\n"),
        "{summary}"
    );
    let generate = run(&["gen", "-h"]);
    assert!(generate.contains("      --seed <S>              The seed: the same items and seed give the same bytes [default: 42]\n"), "{generate}");
    assert_eq!(
        run(&["--bogus"]),
        "error: unexpected argument '--bogus' found\n\n  tip: a similar argument exists: '--mouse'\n\nUsage: appraise --mouse [REPORT]\n\nFor more information, try '--help'.\n"
    );
    let shaodong = fixture("shaodong-2022.json");
    assert_eq!(
        run(&["check", s(&shaodong)]),
        format!(
            "{}: valid report \"shaodong-approval-bureau-2022\": 26 sections, 59 items, full marks 234\n",
            s(&shaodong)
        )
    );
    assert_eq!(run(&["check", "nothere.json"]), "appraise: cannot read nothere.json: no such file\n");
    let imported = run(&["import", s(&fixture("import/shaodong-2022.txt")), "-o", s(&sb.join("r.json"))]);
    assert!(imported.contains("(text, UTF-8): 5 top-level sections, 9 in all, 31 items\nappraise: outline levels: 一、 › （一） › 一是\n"), "{imported}");
    let summary = run(&["summary", s(&shaodong)]);
    assert!(
        summary.contains("\nProgress  0 of 59 items scored (0%)\nPoints    none yet; full marks 234\n"),
        "{summary}"
    );
    let config = run(&["config"]);
    assert!(config.contains("\nmouse          off\nautosave       250 ms after a change\n\n[keys]  Reading and scoring: action = keys, as config.toml writes them\n"), "{config}");
}

#[test]
fn an_evaluation_is_made_and_summed_up_in_chinese() {
    let sb = Sandbox::new();
    let dir = sb.join("评价");
    std::fs::create_dir(&dir).unwrap();
    for (from, to) in [("import/shaodong-2022.txt", "a.txt"), ("rubric/dazhou.csv", "评分表.csv")] {
        std::fs::copy(fixture(from), dir.join(to)).unwrap();
    }
    std::fs::write(dir.join("空白.txt"), "").unwrap();
    let rubric = dir.join("评分表.csv");
    let made = chinese(&sb, &["init", s(&dir), "--rubric", s(&rubric), "--title", "评价"], 0, &[]);
    assert!(made.contains("评价：1 份报告"), "{made}");
    assert!(made.contains("1 份文档不能作为报告（其余照常）："), "{made}");
    let summed = chinese(&sb, &["summary", s(&dir)], 0, &[]);
    assert!(summed.contains("评价：1 份报告，0 位评价人"), "{summed}");
    let none = sb.join("空");
    std::fs::create_dir(&none).unwrap();
    chinese(&sb, &["summary", s(&none)], 2, &[]);
}
