//! What the manual page says besides the commands and their flags: the description, the exit
//! codes, the environment the program reads and the files it keeps — declared once, each with
//! its text in both languages beside its name, as a flag's help is (`defs.rs`). The page itself
//! is made in `cmd/manpage.rs`; its keys come from `tui::keys`, its examples from the commands'
//! declarations.

use super::flag::Text;

/// A name (an exit code, a variable, a file) and what it means.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub name: &'static str,
    pub what: Text,
}

const fn entry(name: &'static str, zh: &'static str, en: &'static str) -> Entry {
    Entry { name, what: Text { zh, en } }
}

/// The page's description, after the program's one line: a paragraph each.
pub const DESCRIPTION: &[Text] = &[
    Text {
        zh: "appraise 载入报告，按章节分栏显示，逐项阅读、按分值评分、写明扣分原因、标出待核实的评分项；全程键盘操作，可通过 SSH 在任何终端上使用。每次改动都自动、原子地保存到报告旁边的评分文件中，保存之前记在恢复日志里。",
        en: "appraise loads a report, shows its sections in panes, and lets you read every item, score it against its points, write why (扣分原因) and flag what needs follow-up, entirely by keyboard, over SSH, on whatever terminal you have. Every change is saved by itself, atomically, to a scores file beside the report, and kept in a recovery journal until it is.",
    },
    Text {
        zh: "报告是 appraise.report/1 格式的 JSON 文件；纯文本、Markdown、Word 或 PDF 文档在打开时即时导入，也可以先用 appraise import 导入。上交的评分表由 appraise export（一位评价人）和 appraise merge（专家组）写出。",
        en: "A report is a JSON file (appraise.report/1); a text, Markdown, Word or PDF document is imported on the fly, or once with appraise import. The sheets to hand in are written by appraise export (one evaluator) and appraise merge (a panel).",
    },
    Text {
        zh: "界面可用中文或英文：依次由 --lang、config.toml 中的 lang、区域设置、报告本身的语言决定。",
        en: "The interface speaks Chinese and English: --lang decides, else lang in config.toml, else the locale, else the report's own language.",
    },
];

/// The exit codes.
pub const EXIT_STATUS: &[Entry] = &[
    entry("0", "成功（search：有结果）", "Success (search: something matched)"),
    entry(
        "1",
        "运行时失败，如文件无法写入、磁盘已满（search：没有结果）",
        "A runtime failure, such as a file that cannot be written or a full disk (search: nothing matched)",
    ),
    entry(
        "2",
        "输入有误：文件无法读取或无效，命令行用法有误；标准错误上的一句话指明文件和位置",
        "Bad input: a file that cannot be read or is invalid, a wrong command line; one sentence on standard error names the file and the place",
    ),
];

/// The environment variables the program reads.
pub const ENVIRONMENT: &[Entry] = &[
    entry(
        "APPRAISE_CONFIG",
        "要使用的配置文件，代替配置目录中的 config.toml（--config 优先）；指定的文件必须存在",
        "The configuration file to use instead of config.toml in the config directory (--config comes first); a file named must exist",
    ),
    entry(
        "LC_ALL, LC_MESSAGES, LANG",
        "界面语言：取其中第一个已设置且非空的变量；zh 开头为中文，C、C.UTF-8 和 POSIX 不决定语言，其他语言为英文（--lang 和 config.toml 中的 lang 优先）",
        "The interface's language: the first of them that is set and not empty; zh… is Chinese, C, C.UTF-8 and POSIX say nothing, any other language is English (--lang and lang in config.toml come first)",
    ),
    entry(
        "NO_COLOR",
        "设置为非空值时不用颜色：评阅界面只用粗体、反显和下划线，search 不标颜色（--color always 除外）",
        "Set and not empty: no colour; the review uses bold, reverse and underline only, and search marks nothing (unless --color always)",
    ),
    entry(
        "TERM, COLORTERM",
        "终端能显示的颜色：COLORTERM 为 truecolor 或 24bit 时用 24 位色，TERM 含 256color 时用 256 色，TERM=dumb 时不用颜色，否则用 16 色",
        "The colours the terminal shows: 24-bit with COLORTERM truecolor or 24bit, 256 with a TERM that has 256color, none with TERM=dumb, else 16",
    ),
    entry(
        "XDG_CONFIG_HOME",
        "配置目录为 $XDG_CONFIG_HOME/appraise（默认 ~/.config/appraise）",
        "The config directory is $XDG_CONFIG_HOME/appraise (default ~/.config/appraise)",
    ),
    entry(
        "XDG_DATA_HOME",
        "数据目录为 $XDG_DATA_HOME/appraise（默认 ~/.local/share/appraise），存放内置示例报告的评分",
        "The data directory is $XDG_DATA_HOME/appraise (default ~/.local/share/appraise), where the built-in sample's scores are kept",
    ),
    entry(
        "USER, LOGNAME",
        "没有 --evaluator、config.toml 中的 evaluator 和评分文件中的名字时，作为评价人的名字",
        "The evaluator's name when neither --evaluator, evaluator in config.toml nor the scores file gives one",
    ),
    entry(
        "SOURCE_DATE_EPOCH",
        "设置为秒数时，评分表上的导出日期为该时刻的日期（UTC），评分表因而可以复现",
        "A number of seconds: the export date on sheets is that moment's (UTC), so a sheet can be made again byte for byte",
    ),
    entry(
        "PATH",
        "导入 PDF 时在其中查找 pdftotext（poppler-utils）",
        "Where pdftotext (poppler-utils) is looked for, to import a PDF",
    ),
];

/// The files the program reads and keeps. `SCORES` is a scores file, `REPORT` a report's name
/// without `.json`.
pub const FILES: &[Entry] = &[
    entry(
        "~/.config/appraise/config.toml",
        "配置文件（appraise config --default 打印完整的默认配置，appraise config 显示正在生效的设置）",
        "The configuration (appraise config --default prints the whole default one, appraise config the settings in force)",
    ),
    entry(
        "~/.config/appraise/themes/NAME.toml",
        "用户主题，按名称选用：--theme NAME，或 config.toml 中的 theme",
        "A user theme, chosen by its name: --theme NAME, or theme in config.toml",
    ),
    entry(
        "~/.local/share/appraise/",
        "内置示例报告的评分（shaodong-2022-rubric.scores.json）",
        "The built-in sample's scores (shaodong-2022-rubric.scores.json)",
    ),
    entry(
        "REPORT.scores.json",
        "报告的评分，在报告旁边（q.json 的评分在 q.scores.json 中；--scores 另行指定）",
        "A report's scores, beside it (q.json's are in q.scores.json; --scores puts them elsewhere)",
    ),
    entry(
        "REPORT.NAME.scores.json",
        "评价人 NAME 自己的评分（--evaluator NAME）",
        "Evaluator NAME's own scores (--evaluator NAME)",
    ),
    entry(
        "REPORT.panel.scores.json",
        "专家组确定的评价得分（appraise panel）",
        "The panel's agreed scores (appraise panel)",
    ),
    entry(
        "SCORES.journal",
        "恢复日志：尚未保存的每一次改动；崩溃后再次打开报告时恢复",
        "The recovery journal: every change not yet saved, replayed when the report is opened again after a crash",
    ),
    entry(
        "SCORES.journal.rejected",
        "恢复时被拒绝的日志行，连同原因另存在这里",
        "Journal lines refused at replay, kept aside with the reason",
    ),
    entry(
        "SCORES.lock",
        "锁：同一时间只有一个 appraise 写入一个评分文件",
        "The lock: one appraise at a time writes a scores file",
    ),
    entry(
        "SCORES.conflict",
        "另一个程序同时改动了评分文件中的同一处时，它的版本完整保存在这里（再有则为 .conflict.2 等）",
        "When another program changed the same field of the scores file meanwhile, its version, kept whole (then .conflict.2, …)",
    ),
    entry(
        ".SCORES.XXXXXX.tmp",
        "原子写入所用的临时文件；被中断的保存留下的，在下次启动时删除",
        "Temporary files of atomic writes; those a killed save left are removed at the next start",
    ),
    entry(
        "REPORT.sheet.xlsx, REPORT.sheet.csv",
        "评阅时按 E 在评分文件旁边写出的评分表",
        "The sheets E writes beside the scores file during a review",
    ),
];
