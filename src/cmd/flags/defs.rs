//! Every subcommand and flag of the command line, declared once: its names, what its value is,
//! its help in Chinese and English, and (for a subcommand) what its flags make of the command.
//! `--help`, the man page and the completions are built from these (`build.rs`), in the
//! interface's language; nothing else declares a flag. The shape of a declaration is in
//! `flag.rs`.
//!
//! A flag's words live here, beside its names, rather than in `words/`: the help is part of
//! the declaration, and a flag is one item. The texts are whole sentences (no placeholders):
//! what they quote — `.txt/.md/.docx/.pdf`, `NAME.scores.json` — is part of the sentence.

use super::flag::{Example, Flag, Kind, Sub, Text};
use super::{Command, Review};
use crate::cmd::{ExportArgs, ImportArgs, InitArgs, MergeArgs, PanelArgs, SheetOptions};
use clap::ArgMatches;

// ── Values' names ───────────────────────────────────────────────────────────────────────
const REPORT: Text = Text { zh: "报告", en: "REPORT" };
const PATH: Text = Text { zh: "路径", en: "PATH" };
const NAME: Text = Text { zh: "名称", en: "NAME" };
const LANG: Text = Text { zh: "语言", en: "LANG" };
const REPORT_JSON: Text = Text { zh: "报告.json", en: "REPORT.json" };
const SCORES: Text = Text { zh: "评分文件", en: "SCORES" };
const N: Text = Text::same("N");

// ── clap's own ──────────────────────────────────────────────────────────────────────────
/// `-h`/`--help`, which clap adds to every command: as `-h` and as `--help` show it.
pub const HELP: Text = Text { zh: "显示帮助", en: "Print help" };
pub const HELP_LONG: Text = Text {
    zh: "显示帮助（-h 显示摘要，--help 显示全部）",
    en: "Print help (-h a summary, --help all of it)",
};
/// `-V`/`--version`, which clap adds to the program.
pub const VERSION: Text = Text { zh: "显示版本", en: "Print version" };
/// The `help` subcommand, which clap adds.
pub const HELP_COMMAND: Text = Text {
    zh: "显示此帮助，或指定子命令的帮助",
    en: "Print this message or the help of the given subcommand(s)",
};

// ── appraise [OPTIONS] [REPORT]: the review ─────────────────────────────────────────────
pub const OPEN_REPORT: Flag = Flag::positional("report", Kind::Path, REPORT)
    .brief(
        "要评阅的报告：JSON 报告文件，或 .txt/.md/.docx/.pdf 文档",
        "The report to review: a JSON report, or a .txt/.md/.docx/.pdf document",
    )
    .help(
        "要评阅的报告：appraise.report/1 格式的 JSON 文件，或即时导入的 .txt/.md/.docx/.pdf 报告",
        "The report to review: an appraise.report/1 JSON file, or a .txt/.md/.docx/.pdf report, imported on the fly",
    );
pub const OPEN_SCORES: Flag = Flag::option("scores", Kind::Path, PATH)
    .brief("评分保存在哪里（默认：报告旁边）", "Where the scores are kept (default: beside the report)")
    .help(
        "评分保存在哪里（默认：报告旁边的 名称.scores.json）",
        "Where the scores are kept (default: beside the report, NAME.scores.json)",
    );
pub const EVALUATOR: Flag = Flag::option("evaluator", Kind::Text, NAME)
    .brief("你的名字，记在评分文件中", "Your name, stored in the scores file")
    .help(
        "你的名字，记在评分文件中（默认：文件中的名字，否则用你的登录名）",
        "Your name, stored in the scores file (default: the name in it, else your login name)",
    );
/// `--evaluator NAME` on a command that reads scores: that evaluator's own file.
pub const WHOSE: Flag = Flag::option("evaluator", Kind::Text, NAME)
    .conflicts_with("scores")
    .brief("用这位评价人自己的评分（按文件中写明的名字找）", "That evaluator's own scores (found by the name in the file)")
    .help(
        "用这位评价人自己的评分：报告旁边写明该评价人的评分文件（名称.评价人.scores.json，或写明其名字的 名称.scores.json）",
        "That evaluator's own scores: the file beside the report that names them (REPORT.NAME.scores.json, or REPORT.scores.json when it names them)",
    );
pub const THEME: Flag = Flag::option("theme", Kind::Text, NAME)
    .brief(
        "配色主题：dark、light、high-contrast、mono 或用户主题",
        "Colour theme: dark, light, high-contrast, mono or a user theme",
    )
    .help(
        "配色主题：dark（默认）、light、high-contrast、mono、<配置目录>/themes/名称.toml 中的用户主题，或一个路径（默认：配置文件所选的）",
        "Colour theme: dark (default), light, high-contrast, mono, a user theme in <config dir>/themes/NAME.toml, or a path (default: the config file's choice)",
    );
pub const OPEN_ENCODING: Flag = Flag::option("encoding", Kind::Text, NAME)
    .brief("即时导入的文档的文本编码", "The encoding of a document imported on the fly")
    .help(
        "即时导入的文档读得不对时，指定它的文本编码（同 import --encoding）",
        "The text's encoding, when a document imported on the fly is not read right (as import --encoding)",
    );
pub const READ_ONLY: Flag = Flag::switch("read-only")
    .help("只看不改；不会保存任何内容", "Look without changing anything; nothing is saved");
pub const INTERFACE_LANG: Flag = Flag::option("lang", Kind::Lang, LANG)
    .brief("界面语言：zh 或 en", "The interface's language: zh or en")
    .help(
        "界面语言：zh 或 en（默认：config.toml 中的 lang，否则按区域设置，再否则按报告本身的语言）",
        "The interface's language: zh or en (default: lang in config.toml, else the locale, else the report's own language)",
    );
/// Read before clap runs (`early::config_flag`): the configuration may choose the language.
pub const CONFIG: Flag = Flag::option("config", Kind::Path, PATH)
    .global()
    .brief("要使用的配置文件", "The configuration file to use")
    .help(
        "要使用的配置文件（默认：APPRAISE_CONFIG，否则为配置目录中的 config.toml）",
        "The configuration file to use (default: APPRAISE_CONFIG, else config.toml in the config directory)",
    );
pub const MOUSE: Flag = Flag::switch("mouse")
    .brief("使用鼠标（默认关闭）", "Use the mouse (off by default)")
    .help(
        "使用鼠标：点击选择，滚轮滚动（默认关闭，以便终端自身的选择和复制可用）",
        "Use the mouse: click to select, wheel to scroll (off by default, so the terminal's own selection and copy work)",
    );

pub const PROGRAM: Sub<Review> = Sub {
    name: "appraise",
    about: Text {
        zh: "在终端中评阅报告并评分。不给出报告时，打开内置的示例报告",
        en: "Review and score reports in the terminal. With no REPORT, opens the built-in sample",
    },
    flags: &[
        &OPEN_REPORT,
        &OPEN_SCORES,
        &EVALUATOR,
        &THEME,
        &OPEN_ENCODING,
        &READ_ONLY,
        &INTERFACE_LANG,
        &CONFIG,
        &MOUSE,
    ],
    hidden: false,
    examples: &[
        Example::new("appraise", "评阅内置的示例报告", "Review the built-in sample report"),
        Example::new(
            "appraise report.docx --evaluator 张三",
            "即时导入 Word 报告，以张三的名义评分",
            "Import a Word report on the fly and score it under the name given",
        ),
        Example::new(
            "appraise report.json --read-only --lang zh",
            "只看不改，界面用中文",
            "Look without changing anything, the interface in Chinese",
        ),
    ],
    read: |m| Review {
        report: OPEN_REPORT.path(m),
        scores: OPEN_SCORES.path(m),
        evaluator: EVALUATOR.get(m),
        theme: THEME.get(m),
        encoding: OPEN_ENCODING.get(m),
        read_only: READ_ONLY.on(m),
        lang: INTERFACE_LANG.get(m),
        mouse: MOUSE.on(m),
    },
};

// ── check ───────────────────────────────────────────────────────────────────────────────
pub const CHECK_REPORT: Flag = Flag::positional("report", Kind::Path, REPORT)
    .required()
    .brief("要检查的报告（- 表示标准输入）", "The report to check (- reads standard input)")
    .help(
        "要检查的报告（也可以是 .txt/.md/.docx/.pdf 报告，先导入再检查；- 表示标准输入）",
        "The report to check (or a .txt/.md/.docx/.pdf report, imported first; - reads standard input)",
    );
pub const CHECK_SCORES: Flag =
    Flag::option("scores", Kind::Path, PATH).help("同时检查的评分文件", "A scores file to check as well");
pub const CHECK_JSON: Flag =
    Flag::switch("json").brief("以 JSON 格式输出结果", "Print the result as JSON").help(
        "以 appraise.check/1 格式输出结果：每个问题带稳定的代码及其位置",
        "Print the result as JSON (appraise.check/1): each problem with a stable code and its place",
    );

pub const CHECK: Sub<Command> = Sub {
    name: "check",
    about: Text {
        zh: "检查报告（及评分文件）：列出每个问题及其位置；有效时退出码为 0，无效时为 2",
        en: "Validate a report (and a scores file): every problem with its place; exit 0 valid, 2 invalid",
    },
    flags: &[&CHECK_REPORT, &CHECK_SCORES, &WHOSE, &CHECK_JSON],
    hidden: false,
    examples: &[
        Example::new(
            "appraise check report.json --scores report.scores.json",
            "检查报告和评分文件：每个问题及其位置",
            "Check a report and its scores: every problem with its place",
        ),
        Example::new(
            "appraise import report.txt -o - | appraise check -",
            "检查从标准输入读入的报告",
            "Check a report read from standard input",
        ),
    ],
    read: |m| Command::Check {
        report: CHECK_REPORT.path(m).unwrap_or_default(),
        scores: CHECK_SCORES.path(m),
        evaluator: WHOSE.get(m),
        json: CHECK_JSON.on(m),
    },
};

// ── import ──────────────────────────────────────────────────────────────────────────────
pub const IMPORT_TEXT: Flag = Flag::positional("text", Kind::Path, Text { zh: "文档", en: "TEXT" })
    .required()
    .brief(
        "文档：.txt、.md、.docx、.pdf 或单独的评分表；- 表示标准输入",
        "The document: .txt, .md, .docx, .pdf or a scoring table; - reads stdin",
    )
    .help(
        "文档：.txt、.md、.docx 或 .pdf（UTF-8、UTF-16、GB18030/GBK/Big5 编码的文本），或单独一份评分表（.xlsx, .xls, .csv）；- 表示标准输入",
        "The document: .txt, .md, .docx or .pdf (UTF-8, UTF-16, GB18030/GBK or Big5 text), or a scoring table alone (.xlsx, .xls, .csv); - reads standard input",
    );
/// Names the encodings of `import::ENCODING_EXAMPLES` (a test holds them equal).
pub const IMPORT_ENCODING: Flag = Flag::option("encoding", Kind::Text, NAME)
    .brief("文本的编码（默认：自动识别）", "The text's encoding (default: detected)")
    .help(
        "文本的编码，在自动识别不对时指定：如 `utf-8, gbk, gb18030, big5, utf-16le, shift_jis`（默认：自动识别）",
        "The text's encoding, when detection gets it wrong: a name such as utf-8, gbk, gb18030, big5, utf-16le, shift_jis (default: detected)",
    );
pub const IMPORT_OUTPUT: Flag = Flag::option("output", Kind::Path, REPORT_JSON)
    .short('o')
    .help("报告写到哪里（默认：标准输出）", "Where to write the report (default: standard output)");
pub const RUBRIC: Flag = Flag::option("rubric", Kind::Path, Text { zh: "评分表", en: "TABLE" })
    .brief(
        "评价机构的评分表：评分的是其中的指标",
        "The office's scoring table (评分表): its indicators are scored",
    )
    .help(
        "评价机构的评分表（评分表）：评分的是其中的指标，报告正文作为佐证",
        "The office's scoring table (评分表): its indicators are what is scored, the text is the evidence",
    );
pub const SHEET: Flag = Flag::option("sheet", Kind::Text, Text { zh: "工作表", en: "SHEET" })
    .brief("评分表所在的工作表：名称或序号", "The scoring table's worksheet: its name or number")
    .help(
        "工作簿中评分表所在的工作表（--rubric 的表，或单独导入的评分表）：名称或序号（默认：第一个有可识别表头的工作表）",
        "The scoring table's worksheet in a workbook (the --rubric table's, or the document's when it is a table alone): its name or number (default: the first with a recognisable header)",
    );
pub const SCORE_TEXT: Flag = Flag::switch("score-text")
    .requires(RUBRIC.id)
    .brief("与 --rubric 一起用：正文的各条也评分", "With --rubric: score the text's claims too")
    .help(
        "与 --rubric 一起用：除指标外，也给正文的各条评分",
        "With --rubric: score the text's claims too, besides the indicators",
    );
pub const REQUIRE_REASONS: Flag = Flag::switch("require-reasons")
    .conflicts_with(NO_REQUIRE_REASONS.id)
    .brief("低于满分的评分须写扣分原因", "A score below full marks needs a reason (扣分原因)")
    .help(
        "低于满分的评分须写理由（扣分原因）；用 --rubric 时默认如此",
        "A score below full marks needs a reason (扣分原因); the default with --rubric",
    );
pub const NO_REQUIRE_REASONS: Flag = Flag::switch("no-require-reasons").help(
    "低于满分的评分不要求写理由，即使用了 --rubric",
    "Scores below full marks need no reason, even with --rubric",
);
pub const MAX: Flag = Flag::option("max", Kind::Number, N)
    .help("评分项的默认满分（默认 10）", "The default maximum score of an item (default 10)");
pub const STEP: Flag = Flag::option("step", Kind::Number, Text::same("S"))
    .help("默认的评分步长（默认 0.5）", "The default score step (default 0.5)");
pub const ID: Flag = Flag::option("id", Kind::Text, Text::same("ID")).help(
    "报告的 id（默认：不带扩展名的文件名）",
    "The report id (default: the file name without its extension)",
);
pub const TITLE: Flag = Flag::option("title", Kind::Text, Text { zh: "标题", en: "TITLE" }).help(
    "报告的标题（默认：文档的第一个标题行）",
    "The report title (default: the document's first title line)",
);
pub const UNIT: Flag = Flag::option("unit", Kind::Text, Text { zh: "单位", en: "NAME" }).help(
    "被评价单位（默认：用 --rubric 时取封面、标题，标题为通用表名时取正文开头所写的单位）",
    "The unit being evaluated (default: with --rubric, the one the cover or title names, or under a generic title the text's opening)",
);
pub const QUIET: Flag = Flag::switch("quiet")
    .short('q')
    .help("除错误外，标准错误上什么都不显示", "Print nothing on stderr but errors");

pub const IMPORT: Sub<Command> = Sub {
    name: "import",
    about: Text {
        zh: "按大纲编号，把纯文本、Markdown、Word 或 PDF 报告转成报告文件",
        en: "Turn a text, Markdown, Word or PDF report into a report file, by its outline numbering",
    },
    flags: &[
        &IMPORT_TEXT,
        &IMPORT_ENCODING,
        &IMPORT_OUTPUT,
        &RUBRIC,
        &SHEET,
        &SCORE_TEXT,
        &REQUIRE_REASONS,
        &NO_REQUIRE_REASONS,
        &MAX,
        &STEP,
        &ID,
        &TITLE,
        &UNIT,
        &QUIET,
    ],
    hidden: false,
    examples: &[
        Example::new(
            "appraise import report.docx -o report.json",
            "把 Word 报告转成报告文件",
            "Turn a Word report into a report file",
        ),
        Example::new(
            "appraise import report.pdf --rubric table.xlsx -o report.json",
            "按评价机构的评分表导入：评分的是表中的指标，报告正文作为佐证",
            "Import on the office's scoring table: its indicators are scored, the text is the evidence",
        ),
        Example::new(
            "appraise import report.txt --encoding gbk -o report.json",
            "指定文本的编码",
            "Name the text's encoding",
        ),
    ],
    read: |m| {
        Command::Import(ImportArgs {
            text: IMPORT_TEXT.path(m).unwrap_or_default(),
            encoding: IMPORT_ENCODING.get(m),
            output: IMPORT_OUTPUT.path(m),
            rubric: RUBRIC.path(m),
            sheet: SHEET.get(m),
            score_text: SCORE_TEXT.on(m),
            require_reasons: REQUIRE_REASONS.on(m),
            no_require_reasons: NO_REQUIRE_REASONS.on(m),
            max: MAX.get(m),
            step: STEP.get(m),
            id: ID.get(m),
            title: TITLE.get(m),
            unit: UNIT.get(m),
            quiet: QUIET.on(m),
        })
    },
};

// ── config ──────────────────────────────────────────────────────────────────────────────
pub const DEFAULT_CONFIG: Flag = Flag::switch("default").help(
    "打印完整的默认 config.toml（每项设置、每张按键表，都带注释），可作为自己配置的起点",
    "Print the whole default config.toml (every setting and key table, commented): a start for your own",
);

pub const SHOW_CONFIG: Sub<Command> = Sub {
    name: "config",
    about: Text {
        zh: "显示正在使用的配置文件和生效的设置，包括按键",
        en: "Print the configuration files in use and the effective settings, keys included",
    },
    flags: &[&DEFAULT_CONFIG],
    hidden: false,
    examples: &[
        Example::new(
            "appraise config",
            "显示正在使用的文件、设置和按键",
            "Show the files in use, the settings and the keys",
        ),
        Example::new(
            "appraise config --default > config.toml",
            "写出带注释的默认配置文件，作为修改的起点",
            "Write the commented default configuration, a start for your own",
        ),
    ],
    read: |m| Command::Config { default: DEFAULT_CONFIG.on(m) },
};

// ── gen ─────────────────────────────────────────────────────────────────────────────────
pub const ITEMS: Flag =
    Flag::option("items", Kind::Count, N).required().help("评分项的个数", "How many items");
/// `cmd::DEFAULT_SEED` (a test holds them equal).
pub const SEED: Flag = Flag::option("seed", Kind::Seed, Text::same("S")).default("42").help(
    "随机种子：项数和种子相同，生成的字节就相同",
    "The seed: the same items and seed give the same bytes",
);
pub const GEN_OUTPUT: Flag = Flag::option("output", Kind::Path, REPORT_JSON)
    .short('o')
    .help("写到哪里（默认：标准输出）", "Where to write it (default: standard output)");

pub const GEN: Sub<Command> = Sub {
    name: "gen",
    about: Text {
        zh: "生成一份可复现的中英文混合合成报告（用于性能测试）",
        en: "Write a reproducible synthetic report of mixed Chinese/English text (for benchmarks)",
    },
    flags: &[&ITEMS, &SEED, &GEN_OUTPUT],
    hidden: false,
    examples: &[Example::new(
        "appraise gen --items 100000 -o big.json",
        "生成一份有 10 万个评分项的报告",
        "Write a report of 100 000 items",
    )],
    read: |m| Command::Gen {
        items: ITEMS.get(m).unwrap_or_default(),
        seed: SEED.get(m).unwrap_or(crate::cmd::DEFAULT_SEED),
        output: GEN_OUTPUT.path(m),
    },
};

// ── export, merge, panel: a report's scores on a sheet ──────────────────────────────────
pub const SCORED_REPORT: Flag = Flag::positional("report", Kind::Path, REPORT)
    .required()
    .help("所评的报告", "The report that was scored");
pub const EXPORT_REPORT: Flag = Flag::positional("report", Kind::Path, REPORT).required()
    .brief("所评的报告（- 表示标准输入，须同时给出 --scores）", "The report that was scored (- reads stdin, with --scores)")
    .help(
        "所评的报告（也可以是 .txt/.md/.docx/.pdf 报告，先导入；- 表示标准输入，此时须用 --scores 指定评分文件）；评价文件夹则写出其汇总表（xlsx 中第一张为汇总表，其后每份报告一张评分表）",
        "The report that was scored (or a .txt/.md/.docx/.pdf report, imported first; - reads standard input, and then --scores names the scores); an evaluation's folder gives its summary sheet (in xlsx the summary first, then a sheet per report)",
    );
pub const EXPORT_SCORES: Flag = Flag::option("scores", Kind::Path, PATH)
    .brief(
        "放进评分表的评分（默认：报告旁边）",
        "The scores to put in the sheet (default: beside the report)",
    )
    .help(
        "放进评分表的评分（默认：报告旁边的 名称.scores.json）",
        "The scores to put in the sheet (default: beside the report, NAME.scores.json)",
    );
pub const FORMAT: Flag = Flag::option("format", Kind::Format, Text { zh: "格式", en: "FORMAT" })
    .help("默认：按 -o 的扩展名，否则为 csv", "Default: from the extension of -o, else csv");
pub const SHEET_OUTPUT: Flag = Flag::option("output", Kind::Path, Text { zh: "输出", en: "OUT" }).short('o')
    .brief(
        "写到这里（- 表示标准输出；xlsx 默认写在输入文件旁边）",
        "Write here (- for stdout; xlsx goes beside the inputs by default)",
    )
    .help(
        "写到这里（`-` 表示标准输出）。默认：标准输出；但 xlsx 写在输入文件旁边（export：评分文件旁的 名称.sheet.xlsx；merge：报告旁的 名称.panel.xlsx）",
        "Write here (`-` for stdout). Default: stdout, except xlsx, which goes beside the inputs (export: NAME.sheet.xlsx beside the scores file; merge: NAME.panel.xlsx beside the report)",
    );
pub const SHEET_LANG: Flag = Flag::option("lang", Kind::Lang, LANG)
    .brief("表头和标签的语言：zh 或 en", "The sheet's language: zh or en")
    .help(
        "表头和标签用中文还是英文（默认：报告的语言）",
        "Headers and labels in Chinese or English (default: the report's language)",
    );
pub const NO_BOM: Flag = Flag::switch("no-bom")
    .brief(
        "供脚本使用的 CSV：不加字节顺序标记和公式防护",
        "CSV for scripts: no byte-order mark, no formula guard",
    )
    .help(
        "CSV 供脚本使用：不加 UTF-8 字节顺序标记，单元格照原文写出，不加公式防护（以 = 开头的说明在电子表格中会被当作公式，不要交给人用电子表格打开）",
        "CSV for scripts: no UTF-8 byte-order mark, every cell exactly its text and no formula guard (a note starting with = becomes a live formula in a spreadsheet: do not give this file to people)",
    );
pub const DISAGREE: Flag = Flag::option("disagree", Kind::Text, Text { zh: "百分数", en: "PCT" })
    .brief(
        "极差超过该项满分的 百分数% 时标出（默认 20）",
        "Mark a spread above PCT% of an item's max (default 20)",
    )
    .help(
        "最高分与最低分之差超过该项满分 百分数% 的评分项将被标出（默认 20）",
        "Mark items whose highest and lowest scores differ by more than PCT% of the item's max (default 20)",
    );

/// How `export` and `merge` write their sheet.
fn sheet_options(m: &ArgMatches) -> SheetOptions {
    SheetOptions {
        format: FORMAT.get(m),
        out: SHEET_OUTPUT.path(m),
        lang: SHEET_LANG.get(m),
        no_bom: NO_BOM.on(m),
        quiet: QUIET.on(m),
    }
}

pub const EXPORT: Sub<Command> = Sub {
    name: "export",
    about: Text {
        zh: "生成评分表：每个评分项一行，含章节小计、总分、得分率和等级",
        en: "Write a scoring sheet (评分表): a row per item, section subtotals, total, percent and grade",
    },
    flags: &[&EXPORT_REPORT, &EXPORT_SCORES, &WHOSE, &FORMAT, &SHEET_OUTPUT, &SHEET_LANG, &NO_BOM, &QUIET],
    hidden: false,
    examples: &[
        Example::new(
            "appraise export report.json -o sheet.xlsx",
            "把评分表写成 xlsx 工作簿",
            "Write the scoring sheet as an xlsx workbook",
        ),
        Example::new(
            "appraise export report.json --format md --lang en",
            "在标准输出上写出英文的 Markdown 评分表",
            "Print the sheet as Markdown, in English",
        ),
        Example::new(
            "appraise import report.docx -o - | appraise export - --scores report.scores.json",
            "报告来自标准输入，评分文件用 --scores 指定",
            "The report from standard input, its scores named by --scores",
        ),
        Example::new(
            "appraise export 评价/ -o 汇总表.xlsx",
            "写出一次评价的汇总表：按评价得分排名，其后每份报告一张评分表",
            "Write an evaluation's summary sheet: reports ranked by the panel's score, then a sheet per report",
        ),
    ],
    read: |m| {
        Command::Export(ExportArgs {
            report: EXPORT_REPORT.path(m).unwrap_or_default(),
            scores: EXPORT_SCORES.path(m),
            evaluator: WHOSE.get(m),
            sheet: sheet_options(m),
        })
    },
};

// ── summary ─────────────────────────────────────────────────────────────────────────────
pub const SUMMARY_REPORT: Flag = Flag::positional("report", Kind::Path, REPORT)
    .required()
    .brief(
        "要汇总的报告（- 表示标准输入），或评价文件夹",
        "The report to summarise (- reads standard input), or an evaluation's folder",
    )
    .help(
        "要汇总的报告（也可以是 .txt/.md/.docx/.pdf 报告，先导入；- 表示标准输入）；或评价文件夹（appraise init 建立的）：每份报告的被评价单位、各评价人的进度、总分和是否提交、评价得分、等级和排名",
        "The report to summarise (or a .txt/.md/.docx/.pdf report, imported first; - reads standard input); or an evaluation's folder (made by appraise init): each report's unit, every evaluator's progress, total and whether submitted, the panel's score, grade and rank",
    );
pub const SUMMARY_SCORES: Flag = Flag::option("scores", Kind::Path, PATH)
    .brief("评分文件（默认：报告旁边）", "The scores (default: beside the report)")
    .help(
        "评分文件（默认：报告旁边的 名称.scores.json）",
        "The scores (default: beside the report, NAME.scores.json)",
    );
pub const SUMMARY_JSON: Flag =
    Flag::switch("json").brief("以 JSON 格式输出汇总", "Print the summary as JSON").help(
        "以 appraise.summary/1 格式输出汇总：每个需要注意的评分项带稳定的代码",
        "Print the summary as JSON (appraise.summary/1): each item needing attention with a stable code",
    );

pub const SUMMARY: Sub<Command> = Sub {
    name: "summary",
    about: Text {
        zh: "显示总分、得分率、等级、进度、各章节小计，以及缺少扣分原因的评分项",
        en: "Print totals, percent, grade, progress, per-section subtotals and the items missing a reason",
    },
    flags: &[&SUMMARY_REPORT, &SUMMARY_SCORES, &WHOSE, &SUMMARY_JSON],
    hidden: false,
    examples: &[
        Example::new(
            "appraise summary report.json",
            "总分、得分率、等级、进度和缺少扣分原因的评分项",
            "Totals, percent, grade, progress and the items missing a reason",
        ),
        Example::new(
            "appraise summary report.json --json",
            "同样的内容，以 JSON 格式输出",
            "The same, as JSON",
        ),
        Example::new(
            "appraise summary 评价/ --evaluator 张三",
            "一次评价的各份报告按评价得分排名；只看张三的进度和未评完的报告",
            "An evaluation's reports ranked by the panel's score; only that evaluator's progress and unfinished reports",
        ),
    ],
    read: |m| Command::Summary {
        report: SUMMARY_REPORT.path(m).unwrap_or_default(),
        scores: SUMMARY_SCORES.path(m),
        evaluator: WHOSE.get(m),
        json: SUMMARY_JSON.on(m),
    },
};

// ── init ────────────────────────────────────────────────────────────────────────────────
pub const INIT_DIR: Flag = Flag::positional("dir", Kind::Path, Text { zh: "文件夹", en: "DIR" })
    .required()
    .brief(
        "存放待评报告的文件夹：其中每份文档（.txt .md .docx .pdf .json）是一份报告",
        "The folder of reports to score: each document in it (.txt .md .docx .pdf .json) is one report",
    )
    .help(
        "存放待评报告的文件夹：其中的每份文档（.txt .md .docx .pdf .json，评分表和本程序自己的文件除外）是一份报告，用评分表导入一次（导入结果存在 .appraise/reports/，文档改了才重新导入）；评分设置写到其中的 appraise.toml。再次运行时更新给出的设置，并重新准备各报告",
        "The folder of reports to score: each document directly in it (.txt .md .docx .pdf .json, not the rubric, not the app's own files) is one report, imported with the rubric once (kept in .appraise/reports/, imported again only when the document changes); the settings go into its appraise.toml. Run again, it updates the settings given and prepares the reports again",
    );
pub const EVAL_RUBRIC: Flag = Flag::option("rubric", Kind::Path, Text { zh: "评分表", en: "TABLE" })
    .brief("各报告共用的评分表", "The scoring table every report is scored on")
    .help(
        "各报告共用的评分表（.xlsx .xls .docx .csv .md）：评分的是其中的指标；在文件夹内时按相对路径记下",
        "The scoring table (评分表) every report is scored on (.xlsx .xls .docx .csv .md): its indicators are scored; kept relative to the folder when it is inside it",
    );
pub const EVAL_TITLE: Flag = Flag::option("title", Kind::Text, Text { zh: "名称", en: "TEXT" }).help(
    "这次评价的名称，写在汇总表上（默认：文件夹名）",
    "The evaluation's title, on its summary sheet (default: the folder's name)",
);

pub const INIT: Sub<Command> = Sub {
    name: "init",
    about: Text {
        zh: "把一个存放报告的文件夹设为一次评价：一份评分表、多份报告、多位评价人",
        en: "Make a folder of reports an evaluation: one rubric, many reports, several evaluators",
    },
    flags: &[&INIT_DIR, &EVAL_RUBRIC, &SHEET, &EVAL_TITLE, &STEP, &QUIET],
    hidden: false,
    examples: &[
        Example::new(
            "appraise init 评价/ --rubric 评价/评分表.xlsx --title 2024年度部门整体支出绩效评价",
            "用评分表导入文件夹中的每份报告，并说明找到了什么",
            "Import every report in the folder on the rubric, and say what was found",
        ),
        Example::new(
            "appraise init 评价/",
            "报告有增减或改动后再运行：只重新导入改动过的",
            "Run again after reports were added or changed: only those are imported again",
        ),
    ],
    read: |m| {
        Command::Init(InitArgs {
            dir: INIT_DIR.path(m).unwrap_or_default(),
            rubric: EVAL_RUBRIC.path(m),
            sheet: SHEET.get(m),
            title: EVAL_TITLE.get(m),
            step: STEP.get(m),
            quiet: QUIET.on(m),
        })
    },
};

// ── merge ───────────────────────────────────────────────────────────────────────────────
pub const MERGE_SCORES: Flag = Flag::positional("scores", Kind::Path, SCORES).many().help(
    "各评价人的评分文件，或存放评分文件的文件夹",
    "The evaluators' scores files, or folders holding them",
);
pub const MERGE_TRIM: Flag = Flag::switch("trim")
    .brief("去掉每项的一个最高分和一个最低分后取平均", "Drop each item's highest and lowest score before the mean")
    .help(
        "每个评分项去掉一个最高分和一个最低分后取平均（评分不足 3 个的取平均值，并在表中标出）",
        "Drop each item's highest and lowest score before taking the mean (an item with fewer than 3 scores takes the plain mean, marked in the sheet)",
    );

pub const MERGE: Sub<Command> = Sub {
    name: "merge",
    about: Text {
        zh: "把几位评价人的评分汇成一张表：每人一列，然后是平均分（评价得分）、最低分、最高分、极差",
        en: "One sheet of several evaluators' scores: a column each, then mean (评价得分), lowest, highest, spread",
    },
    flags: &[
        &SCORED_REPORT,
        &MERGE_SCORES,
        &FORMAT,
        &SHEET_OUTPUT,
        &SHEET_LANG,
        &NO_BOM,
        &DISAGREE,
        &MERGE_TRIM,
        &QUIET,
    ],
    hidden: false,
    examples: &[Example::new(
        "appraise merge report.json scores/ --trim -o panel.xlsx",
        "把文件夹中各评价人的评分汇成一张表，去掉最高分和最低分",
        "One sheet of every evaluator's scores in a folder, highest and lowest dropped",
    )],
    read: |m| {
        Command::Merge(MergeArgs {
            report: SCORED_REPORT.path(m).unwrap_or_default(),
            scores: MERGE_SCORES.all(m),
            sheet: sheet_options(m),
            disagree: DISAGREE.get(m),
            trim: MERGE_TRIM.on(m),
        })
    },
};

// ── panel ───────────────────────────────────────────────────────────────────────────────
pub const PANEL_SCORES: Flag = Flag::positional("scores", Kind::Path, SCORES)
    .many()
    .help("各评价人的评分文件，或存放它们的文件夹", "The evaluators' scores files, or a folder holding them");
pub const PANEL_TRIM: Flag = Flag::switch("trim")
    .brief("专家组得分去掉一个最高分和一个最低分", "The panel's score drops the highest and lowest score")
    .help(
        "专家组得分去掉每项的一个最高分和一个最低分（至少 3 个评分时）",
        "The panel's score drops each item's highest and lowest score (with 3 scores or more)",
    );

pub const PANEL: Sub<Command> = Sub {
    name: "panel",
    about: Text {
        zh: "专家组组长视图：每项旁列出各评价人员的评分和扣分原因，并确定专家组的评价得分",
        en: "The chair's view: every evaluator's scores and notes beside each item, and the panel's agreed score (评价得分)",
    },
    flags: &[&SCORED_REPORT, &PANEL_SCORES, &PANEL_TRIM, &DISAGREE],
    hidden: false,
    examples: &[Example::new(
        "appraise panel report.json scores/",
        "专家组组长视图：逐项确定专家组的评价得分",
        "The chair's view: settle the panel's score item by item",
    )],
    read: |m| {
        Command::Panel(PanelArgs {
            report: SCORED_REPORT.path(m).unwrap_or_default(),
            scores: PANEL_SCORES.all(m),
            trim: PANEL_TRIM.on(m),
            disagree: DISAGREE.get(m),
            imported: None,
        })
    },
};

// ── manpage, completions ────────────────────────────────────────────────────────────────
pub const MANPAGE: Sub<Command> = Sub {
    name: "manpage",
    about: Text {
        zh: "把手册页（roff 格式）写到标准输出；供 scripts/dist.sh 使用",
        en: "Write the manual page (roff) to standard output; used by scripts/dist.sh",
    },
    flags: &[],
    hidden: true,
    examples: &[Example::new("appraise manpage > appraise.1", "写出手册页", "Write the manual page")],
    read: |_| Command::Manpage,
};

pub const SHELL: Flag = Flag::positional("shell", Kind::Shell, Text { zh: "外壳", en: "SHELL" })
    .required()
    .help("为哪种命令行外壳生成", "Which shell it is for");

pub const COMPLETIONS: Sub<Command> = Sub {
    name: "completions",
    about: Text {
        zh: "把命令行外壳的补全脚本写到标准输出",
        en: "Write a shell's completion script to standard output",
    },
    flags: &[&SHELL],
    hidden: false,
    examples: &[
        Example::new(
            "appraise completions bash > ~/.local/share/bash-completion/completions/appraise",
            "为 bash 安装补全",
            "Install the completions for bash",
        ),
        Example::new(
            "appraise completions fish > ~/.config/fish/completions/appraise.fish",
            "为 fish 安装补全",
            "Install the completions for fish",
        ),
    ],
    read: |m| Command::Completions { shell: SHELL.get(m).unwrap_or(clap_complete::Shell::Bash) },
};

// ── search ──────────────────────────────────────────────────────────────────────────────
pub const SEARCH_REPORT: Flag =
    Flag::positional("report", Kind::Path, REPORT).required().help("要搜索的报告", "The report to search");
pub const QUERY: Flag = Flag::positional("query", Kind::Text, Text { zh: "搜索词", en: "QUERY" }).required()
    .brief("搜索词（语法同搜索框）", "What to look for (the search box's syntax)")
    .help(
        "搜索词：空格分隔，全部须匹配；'词 精确匹配，^词 开头，词$ 结尾，!词 排除",
        "What to look for: space-separated terms, all of which must match; 'term exact, ^term prefix, term$ suffix, !term not",
    );
pub const SEARCH_JSON: Flag = Flag::switch("json").help(
    "输出 JSON 数组（见 docs/schema/search-1.json）",
    "Print a JSON array (see docs/schema/search-1.json)",
);
pub const LIMIT: Flag = Flag::option("limit", Kind::Count, N)
    .help("最多显示多少个结果（默认：全部）", "Show at most N hits (default: all)");
/// `search --evaluator NAME`: that evaluator's notes are searched too.
pub const WHOSE_NOTES: Flag = Flag::option("evaluator", Kind::Text, NAME)
    .brief("同时搜索这位评价人的扣分原因", "Search that evaluator's notes too")
    .help(
        "同时搜索这位评价人（按评分文件中写明的名字找）写下的扣分原因和说明",
        "Search the notes (reasons) of that evaluator too, from their own scores file (found by the name in it)",
    );
pub const COLOR: Flag = Flag::option("color", Kind::Color, Text { zh: "何时", en: "WHEN" })
    .default("auto")
    .brief("何时用颜色标出匹配：auto、always 或 never", "When to colour matches: auto, always or never")
    .help(
        "何时用颜色标出匹配的字：auto 仅在终端上且未设置 NO_COLOR 时，always 总是，never 从不",
        "When to colour the matched characters: auto on a terminal unless NO_COLOR is set, always, or never",
    );

pub const SEARCH: Sub<Command> = Sub {
    name: "search",
    about: Text {
        zh: "在终端外搜索报告：按搜索框的排序，每个结果一行（编号、种类、所在章节和标题、匹配的文字，以制表符分隔）或 JSON；没有结果时退出码为 1",
        en: "Search a report from the shell: the search box's ranked hits, a tab-separated line each (id, kind, place, matched text) or JSON; exit 1 when none",
    },
    flags: &[&SEARCH_REPORT, &QUERY, &WHOSE_NOTES, &SEARCH_JSON, &LIMIT, &COLOR],
    hidden: false,
    examples: &[
        Example::new(
            "appraise search report.json 网办",
            "在报告中搜索：每个结果一行，各栏以制表符分隔",
            "Search a report: a line per hit, its fields separated by tabs",
        ),
        Example::new(
            "appraise search report.json ^s2 --limit 5 --json",
            "编号以 s2 开头的前 5 个结果，以 JSON 格式输出",
            "The first 5 hits whose id starts with s2, as JSON",
        ),
        Example::new(
            "appraise search report.json 网办 --color never | cut -f1",
            "只取各结果的编号",
            "Only the hits' ids",
        ),
    ],
    read: |m| Command::Search {
        report: SEARCH_REPORT.path(m).unwrap_or_default(),
        query: QUERY.get(m).unwrap_or_default(),
        json: SEARCH_JSON.on(m),
        limit: LIMIT.get(m),
        color: COLOR.get(m).unwrap_or(clap::ColorChoice::Auto),
        evaluator: WHOSE_NOTES.get(m),
    },
};

/// Every subcommand, in `--help`'s order.
pub const SUBCOMMANDS: &[Sub<Command>] =
    &[CHECK, IMPORT, INIT, SHOW_CONFIG, GEN, EXPORT, SUMMARY, MERGE, PANEL, MANPAGE, COMPLETIONS, SEARCH];
