//! The command line's words: what each subcommand prints (stdout and stderr), the messages of
//! the review before and after its full screen, the command line's failures, a mistyped
//! subcommand's did-you-mean, and what `--help` and clap say besides the flags' own help (its
//! headings, clap's own errors). Each flag's help is declared with the flag, in
//! `cmd/flags/defs.rs`.
//!
//! Flags, subcommand names, file names and literal values are placeholders, so the Chinese
//! texts hold no English words.

crate::words! {
    // ── `--help`: clap's layout (each flag's help is declared with it, in `cmd/flags/defs.rs`) ──
    /// A default value clap would show after the help (hidden in Chinese, said here).
    HELP_DEFAULT = "[默认：{value}]" / "[default: {value}]";
    /// What `appraise help` takes.
    VALUE_COMMAND = "命令" / "COMMAND";
    HEADING_USAGE = "用法：" / "Usage:";
    HEADING_COMMANDS = "命令" / "Commands";
    HEADING_ARGUMENTS = "参数" / "Arguments";
    HEADING_OPTIONS = "选项" / "Options";
    /// Above the examples at the end of `--help`.
    HEADING_EXAMPLES = "示例：" / "Examples:";
    /// A path, in messages that name a flag's value (`--scores PATH`).
    VALUE_PATH = "路径" / "PATH";
    /// The configuration directory, in a path (`<config dir>/themes`).
    VALUE_CONFIG_DIR = "配置目录" / "config dir";
    /// A file, in messages that show a command line (`pdftotext -layout FILE.pdf`).
    VALUE_FILE = "文件" / "FILE";

    // ── the manual page (`appraise manpage`): its headings and what they lead ───────────
    MAN_MANUAL = "用户命令" / "User Commands";
    MAN_NAME = "名称" / "NAME";
    MAN_SYNOPSIS = "概述" / "SYNOPSIS";
    MAN_DESCRIPTION = "描述" / "DESCRIPTION";
    MAN_OPTIONS = "选项" / "OPTIONS";
    MAN_COMMANDS = "命令" / "COMMANDS";
    MAN_EXIT_STATUS = "退出状态" / "EXIT STATUS";
    MAN_ENVIRONMENT = "环境变量" / "ENVIRONMENT";
    MAN_FILES = "文件" / "FILES";
    MAN_KEYS = "按键" / "KEYS";
    MAN_EXAMPLES = "示例" / "EXAMPLES";
    MAN_KEYS_INTRO = "评阅界面的默认按键，按模式分列；每个按键都可以在配置文件中改（{cmd} 列出每张按键表）。" /
        "The review's default keys, by mode; config.toml can change every one ({cmd} lists every key table).";
    /// After the help of a flag every command takes (`--config`).
    MAN_GLOBAL = "（每个命令都接受）" / "(every command takes it)";

    // ── a mistyped subcommand ───────────────────────────────────────────────────────────
    DID_YOU_MEAN = "未知的命令或不存在的文件 '{arg}'：是不是要用 '{command}'？" /
        "unknown command or missing file '{arg}': did you mean '{command}'?";

    // ── `-`: standard input ─────────────────────────────────────────────────────────────
    STDIN = "标准输入" / "standard input";
    SUMMARY_STDIN_NO_SCORES = "暂无（报告来自标准输入，请用 {scores} 指定评分文件）" /
        "none (the report came from standard input; name its scores with {scores})";

    // ── clap's own errors (a wrong command line) ────────────────────────────────────────
    CLAP_ERROR = "错误：{message}" / "error: {message}";
    CLAP_UNKNOWN_ARGUMENT = "无法识别的参数 '{arg}'" / "unexpected argument '{arg}' found";
    CLAP_UNKNOWN_SUBCOMMAND = "无法识别的子命令 '{arg}'" / "unrecognized subcommand '{arg}'";
    CLAP_INVALID_VALUE = "'{value}' 不是 '{arg}' 的有效值" / "invalid value '{value}' for '{arg}'";
    CLAP_MISSING_VALUE = "'{arg}' 需要一个值，但没有给出" / "a value is required for '{arg}' but none was supplied";
    CLAP_MISSING = "缺少下列必需的参数：" / "the following required arguments were not provided:";
    CLAP_CONFLICT = "参数 '{arg}' 不能与 '{other}' 一起使用" / "the argument '{arg}' cannot be used with '{other}'";
    CLAP_SUBCOMMAND_CONFLICT = "子命令 '{arg}' 不能与 '{other}' 一起使用" /
        "the subcommand '{arg}' cannot be used with '{other}'";
    CLAP_USED_TWICE = "参数 '{arg}' 不能给出多次" / "the argument '{arg}' cannot be used multiple times";
    CLAP_OTHER = "命令行有误" / "the command line is wrong";
    CLAP_POSSIBLE = "[可选值：{values}]" / "[possible values: {values}]";
    CLAP_SIMILAR = "提示：有一个相近的参数：'{arg}'" / "tip: a similar argument exists: '{arg}'";
    CLAP_SIMILAR_SUBCOMMAND = "提示：有一个相近的子命令：'{arg}'" / "tip: a similar subcommand exists: '{arg}'";
    CLAP_AS_VALUE = "提示：要把 '{arg}' 当作值传入，请用 '{escaped}'" / "tip: to pass '{arg}' as a value, use '{escaped}'";
    CLAP_MORE = "更多信息请用 '{help}'。" / "For more information, try '{help}'.";

    // ── `check` ─────────────────────────────────────────────────────────────────────────
    CHECK_REPORT = "{path}: 报告“{id}”有效：{sections} 个章节，{items} 个评分项，满分 {full}" /
        "{path}: valid report \"{id}\": {sections} sections, {items} items, full marks {full}";
    CHECK_SCORES = "{path}: 评分有效：已评 {scored}/{items} 项，得 {points} 分（共 {max} 分）{percent}" /
        "{path}: valid scores: {scored}/{items} items scored, {points} of {max} points{percent}";
    CHECK_PERCENT = "，得分率 {percent}%" / " ({percent}%)";
    CHECK_NO_REASON = "{path}: 评分项 {id} 得 {score} 分（满分 {max}），但没有写扣分原因（本报告要求写明）" /
        "{path}: item {id} is scored {score} of {max} without a reason (the report requires one)";

    // ── `summary` ───────────────────────────────────────────────────────────────────────
    SUMMARY_SCORES = "评分文件" / "Scores";
    SUMMARY_PROGRESS = "进度" / "Progress";
    SUMMARY_POINTS = "得分" / "Points";
    SUMMARY_PERCENT = "得分率" / "Percent";
    SUMMARY_GRADE = "等级" / "Grade";
    SUMMARY_SCORES_BY = "{path}（{name}）" / "{path} ({name})";
    SUMMARY_NO_SCORES = "暂无（{path} 不存在）" / "none yet ({path} does not exist)";
    SUMMARY_SCORED = "已评 {scored}/{items} 项（{done}%）" / "{scored} of {items} items scored ({done}%)";
    SUMMARY_FLAGGED = "，{n} 项待核实" / ", {n} flagged";
    SUMMARY_POINTS_OF = "{points}/{max}（已评各项的满分合计）；满分 {full}" /
        "{points} of {max} (the max of the scored items); full marks {full}";
    SUMMARY_NO_POINTS = "暂无；满分 {full}" / "none yet; full marks {full}";
    SUMMARY_SECTIONS = "各章节（得分/已评各项满分，已评项数）：" /
        "Sections (points/max of the scored items, items scored):";
    SUMMARY_ALL_REASONS = "每个未得满分的评分都写了扣分原因。" / "Every score below full marks has its reason.";
    SUMMARY_MISSING_REASONS = "未得满分、却没有写本报告要求的扣分原因（{n} 项）：" /
        "Scored below full marks without the reason the report requires ({n}):";
    EXPORT_MISSING_REASONS = "{n} 项未得满分却没有扣分原因（第一项：{id} {title}；{cmd} 列出全部）" /
        "{n} scored below full marks without a reason (the first: {id} {title}; {cmd} lists them all)";
    SUMMARY_SCORE_OF = "{score}/{max}" / "{score} of {max}";
    SUMMARY_FLAGGED_LIST = "待核实（{n} 项）：" / "Flagged for follow-up ({n}):";
    /// A flagged item, in `summary --json`.
    SUMMARY_FLAGGED_ITEM = "评分项 {id} 标记为待核实（{score}）：{title}" /
        "item {id} is flagged for checking ({score}): {title}";

    // ── `export`, `merge`: writing sheets ──────────────────────────────────────────────
    EXPORT_STDIN_NEEDS_SCORES = "报告来自标准输入，旁边没有评分文件：请用 {scores} 指定评分文件" /
        "the report comes from standard input, which has no scores file beside it: name the scores with {scores}";
    NO_SCORES_YET = "还没有评分文件 {path}；评分表中的分数全部空白" /
        "no scores file at {path} yet; every score in the sheet is blank";
    XLSX_TO_TERMINAL = "xlsx 工作簿是二进制文件，而标准输出是终端；请用 {option} 写入文件" /
        "an xlsx workbook is binary and standard output is a terminal; write it to a file with {option}";
    OVER_AN_INPUT = "拒绝把评分表写到输入文件 {path} 上；请换一个 -o" /
        "refusing to write the sheet over {path}, which is an input; choose another -o";
    SHEET_WRITTEN = "评分表已写入 {path}" / "Scoring sheet written to {path}";
    PANEL_WRITTEN = "汇总评分表已写入 {path}" / "Panel sheet written to {path}";
    XLSX_FAILED = "无法生成 xlsx 工作簿：{detail}" / "cannot build the xlsx workbook: {detail}";
    STDOUT_FAILED = "无法写入标准输出：{why}" / "cannot write to standard output: {why}";
    DISAGREE_BAD = "{flag} {value}：应为该项满分的百分比，例如 20 或 12.5" /
        "{flag} {value}: expected a percentage of the item's max, such as 20 or 12.5";
    MERGE_NO_SCORES = "{cmd} 至少需要一个评分文件" / "{cmd} needs at least one scores file";
    GIVEN_TWICE = "此文件给出了不止一次{again}；它算作另一位评价人" /
        "this file is given more than once{again}; it counts as another evaluator";
    GIVEN_TWICE_AS = "（作为 {path}）" / " (as {path})";

    // ── progress on long work, on a terminal (`cmd/progress.rs`) ───────────────────────
    PROGRESS_SHEET = "正在生成 {format} 评分表" / "writing the {format} sheet";
    PROGRESS_IMPORT = "正在导入 {file}" / "importing {file}";
    PROGRESS_PDF = "正在用 {program} 读取 {file}" / "reading {file} with {program}";

    // ── `import`, `gen` ─────────────────────────────────────────────────────────────────
    OVERWRITES_DOCUMENT = "{path}: 输出会覆盖正在导入的文档；请换一个 -o" /
        "{path}: the output would overwrite the document being imported; choose another -o";
    CANNOT_WRITE_REPORT = "无法写出报告：{why}" / "cannot write the report: {why}";
    WROTE = "已写入 {path}" / "wrote {path}";
    IMPORTED = "已导入 {source}（{how}）：{top}，共 {sections} 个章节，{items}" /
        "imported {source} ({how}): {top}, {sections} in all, {items}";
    IMPORTED_TOP_ONE = "{n} 个顶层章节" / "{n} top-level section";
    IMPORTED_TOP = "{n} 个顶层章节" / "{n} top-level sections";
    IMPORTED_ITEM = "{n} 个评分项" / "{n} item";
    IMPORTED_ITEMS = "{n} 个评分项" / "{n} items";
    IMPORTED_TEXT = "纯文本" / "text";
    /// A PDF's format in the import summary: its text, by `pdftotext`.
    IMPORTED_PDF = "{pdf}（{program}）" / "{pdf} ({program})";
    IMPORTED_LEVELS = "大纲层级：{levels}" / "outline levels: {levels}";
    IMPORTED_RUBRIC_ONE = "评分表：{n} 个指标，共 {points} 分" / "scoring table: {n} indicator, {points} points";
    IMPORTED_RUBRIC = "评分表：{n} 个指标，共 {points} 分" / "scoring table: {n} indicators, {points} points";
    IMPORTED_SKIPPED = "已略去：{list}" / "skipped: {list}";
    IMPORTED_WEB = "网页残留（已略去）：{list}" / "web-page leftovers (skipped): {list}";
    IMPORTED_NOTE = "说明：{text}" / "note: {text}";

    // ── `config` ────────────────────────────────────────────────────────────────────────
    CONFIG_FILE = "配置文件" / "config file";
    CONFIG_USER_THEMES = "用户主题" / "user themes";
    CONFIG_SAMPLE_SCORES = "示例评分" / "sample scores";
    CONFIG_EVALUATOR = "评价人" / "evaluator";
    CONFIG_THEME = "主题" / "theme";
    CONFIG_THEMES = "可用主题" / "themes";
    CONFIG_COLOURS = "颜色" / "colours";
    CONFIG_MOUSE = "鼠标" / "mouse";
    CONFIG_AUTOSAVE = "自动保存" / "autosave";
    CONFIG_NOT_THERE = "{path}（不存在：使用默认设置）" / "{path} (not there: the defaults are in force)";
    CONFIG_NO_HOME = "无（没有主目录）" / "none (no home directory)";
    CONFIG_EVALUATOR_DEFAULT = "（评分文件中的名字，否则用你的登录名）" / "(the scores file's, else your login name)";
    CONFIG_DEPTH = "{depth}（根据 {a}、{b} 和 {c}）" / "{depth} (from {a}, {b} and {c})";
    CONFIG_ON = "开" / "on";
    CONFIG_OFF = "关" / "off";
    CONFIG_AUTOSAVE_DELAY = "改动后 {ms} 毫秒" / "{ms} ms after a change";
    CONFIG_KEYS = "{table}  {title}：动作 = 按键，按 config.toml 的写法" / "{table}  {title}: action = keys, as config.toml writes them";
    CONFIG_LANG = "界面语言" / "language";
    CONFIG_LANG_FLAG = "{lang}（--lang）" / "{lang} (--lang)";
    CONFIG_LANG_CONFIG = "{lang}（config.toml 的 lang）" / "{lang} (lang in config.toml)";
    CONFIG_LANG_LOCALE = "{lang}（由区域设置 {vars} 决定）" / "{lang} (from the locale: {vars})";
    CONFIG_LANG_REPORT = "随报告的语言（区域设置未指定语言；没有报告时为英文）" / "the report's own (the locale names no language; English without a report)";
    CONFIG_NO_KEYS = "（无）" / "(none)";
    /// `appraise config --default`: the comments of the default config.toml.
    DEFAULT_CONFIG_TITLE = "appraise 的配置文件：{dir}/{file}（通常为 {usual}/{file}），或由 {flag} 或 {env} 指定的文件" /
        "appraise's configuration: {dir}/{file} (usually {usual}/{file}), or the file named by {flag} or {env}";
    DEFAULT_CONFIG_OPTIONAL = "每项设置都可以省略，这里写的是默认值；以 # 开头的设置只是示例，不生效。{cmd} 显示正在生效的设置" /
        "Every setting may be left out; these are the defaults, and a setting after # is an example, not in force. {cmd} shows the settings in force";
    DEFAULT_CONFIG_EVALUATOR = "你的名字，记在评分文件中（默认：评分文件中的名字，否则用你的登录名）；同 {flag}" /
        "Your name, stored in the scores file (default: the scores file's, else your login name); as {flag}";
    /// The example evaluator in the default config.toml.
    DEFAULT_CONFIG_SOMEONE = "张三" / "Alex Morgan";
    DEFAULT_CONFIG_THEME = "配色主题：{themes}，或 {dir} 中的用户主题（名称.toml）；同 {flag}" /
        "Colour theme: {themes}, or a user theme in {dir} (NAME.toml); as {flag}";
    DEFAULT_CONFIG_LANG = "界面语言：zh 或 en（默认：区域设置，否则按报告本身的语言）；同 {flag}" /
        "The interface's language: zh or en (default: the locale, else the report's own language); as {flag}";
    DEFAULT_CONFIG_MOUSE = "使用鼠标：点击选择，滚轮滚动（关闭时，终端自身的选择和复制可用）；同 {flag}" /
        "Use the mouse: click to select, wheel to scroll (when off, the terminal's own selection and copy work); as {flag}";
    DEFAULT_CONFIG_AUTOSAVE = "改动后多少毫秒保存评分（{min} 到 {max}）" /
        "How many milliseconds after a change the scores are saved ({min} to {max})";
    DEFAULT_CONFIG_KEYS = "按键：动作 = 按键，或 [按键, …]；写出的按键取代该动作的默认按键，并从同一表中的其他动作上移走" /
        "Keys: action = key, or [key, …]; the keys written replace the action's defaults, and leave any other action of the table";
    DEFAULT_CONFIG_KEY_NAMES = "按键的写法：一个字符（{chars}），{names}，{f}；前面可加 {ctrl}" /
        "Key names: a character ({chars}), {names}, {f}; any of them after {ctrl}";
    DEFAULT_CONFIG_NORMAL = "{table} 就是 {keys}：文件中另有 {help} 等表时，普通模式的表须写作 {table}" /
        "{table} is {keys}: in a file that also has {help} and the other tables, the normal mode's table is written {table}";

    // ── The review, on the plain terminal before and after the full screen ──────────────
    NEEDS_TERMINAL = "appraise 需要交互式终端才能评阅报告（标准输入或输出不是终端）；在脚本中请用 `appraise {check}`" /
        "appraise needs an interactive terminal to review a report (standard input or output is not a terminal); use `appraise {check}` in scripts";
    THE_JOURNAL = "恢复日志" / "recovery journal";
    JOURNAL_UNREADABLE = "无法读取恢复日志 {path}：{why}；把它移走即可不带它启动" /
        "cannot read the recovery journal {path}: {why}; move it away to start without it";
    JOURNAL_LINE = "{n} 行" / "{n} line";
    JOURNAL_LINES = "{n} 行" / "{n} lines";
    JOURNAL_AT_LINE = "第 {n} 行：{why}" / "line {n}: {why}";
    JOURNAL_WOULD_REFUSE = "恢复日志中有 {lines}会被拒绝（{why}）；不以只读方式打开，即可把它们另存起来" /
        "{lines} of the recovery journal would be refused ({why}); open it to keep them aside";
    JOURNAL_CANNOT_KEEP = "无法另存恢复日志 {path} 中被拒绝的 {lines}（{why}）；把日志移走即可不带它启动" /
        "cannot keep the {lines} refused from the recovery journal {path} ({why}); move the journal away to start without it";
    JOURNAL_CONFLICT = "恢复日志中的修改与另一个程序在此期间对评分项 {ids} 的修改不一致：已采用你的修改，另一方的版本保存在 {path}" /
        "the journal's edits and another program's, made meanwhile, differ on items {ids}: yours are kept, theirs are in {path}";
    JOURNAL_CONFLICT_READ_ONLY = "恢复日志中的修改与另一个程序对评分项 {ids} 的修改不一致；不以只读方式打开即可保留双方" /
        "the journal's edits and another program's differ on items {ids}; open it without read-only to keep both";
    JOURNAL_CONFLICT_NOT_KEPT = "无法保存另一个程序对 {path} 的修改（{why}），因此不重放恢复日志；把日志移走即可不带它启动" /
        "cannot keep another program's edits to {path} ({why}), so the journal is not replayed; move the journal away to start without it";
    JOURNAL_REFUSED = "恢复日志中有 {lines}被拒绝、未应用（{why}）；已另存到 {path}" /
        "{lines} of the recovery journal refused, not applied ({why}); kept in {path}";
    JOURNAL_UNWRITABLE = "无法写入恢复日志 {path}（{why}）；一旦崩溃，未保存的修改可能丢失" /
        "cannot write the recovery journal {path} ({why}); a crash could lose unsaved edits";
    SOMEONE = "某人" / "someone";
    MORE_ON_EXIT = "（另有 {n} 条，退出时显示）" / " (+{n} more, shown on exit)";
    ESC_DISMISSES = "{message}{more}——按 Esc 关闭" / "{message}{more} — Esc dismisses";
    TERMINAL_ERROR = "终端出错：{error}；评分在 {path} 中" / "terminal error: {error}; scores are in {path}";
    PANIC_SAVED = "你的评分已保存在 {path}" / "your scores are saved in {path}";
    PANIC_JOURNAL = "你的修改保存在恢复日志 {path} 中" / "your edits are kept in the recovery journal {path}";
    PANIC = "因内部错误而停止（这是程序缺陷，请报告此问题）；{whereto}" /
        "stopped by an internal error (a bug, please report it); {whereto}";
    QUIT_UNSAVED = "保存失败后未保存就退出了" / "quit without saving after a failed save";
    SAVED_IN = "评分已保存在 {path}" / "Scores saved in {path}";
    NOT_SAVED_KEPT = "你最近的修改没有保存到 {scores}；它们保存在 {journal} 中，再次打开报告时会恢复" /
        "your last changes were NOT saved to {scores}; they are kept in {journal} and come back when you open the report again";
    NOT_SAVED_LOST = "你最近的修改没有保存到 {scores}，恢复日志 {journal} 也没能保存你对 {lost}的修改（{ids}；{why}）：这些修改已丢失" /
        "your last changes were NOT saved to {scores}, and the recovery journal {journal} could not keep your edits to {lost} ({ids}; {why}): those are lost";
    LOST_ITEM = "{n} 个评分项" / "{n} item";
    LOST_ITEMS = "{n} 个评分项" / "{n} items";
    JOURNAL_WRITE_FAILED = "写入失败" / "it failed";
    NOT_SAVED_OTHERS = "；你其他未保存的修改保存在 {journal} 中，再次打开报告时会恢复" /
        "; your other unsaved edits are kept in {journal} and come back when you open the report again";
    /// Who holds a scores file's lock, as the lock file says.
    LOCK_HOLDER = "{who}（进程 {pid}，自 {since} 起）" / "{who} (pid {pid}) since {since}";
    LOCK_ASK = "{path} 正由 {holder} 评分。以只读方式打开（不会保存任何内容）吗？[y/N] " /
        "{path} is open for scoring by {holder}. Open it read-only (nothing is saved)? [y/N] ";
    LOCK_HELD = "{path} 正由 {holder} 评分；请先关闭那个 appraise，或用 {flag} 只读查看" /
        "{path} is being scored by {holder}; close that appraise first, or use {flag} to look";
    REMOVE_AND_RESTART = "{sentence}——请删除它后重新开始" / "{sentence} — remove it and start again";
    SAMPLE_INVALID = "内置的示例报告无效：{problem}" / "the built-in sample report is invalid: {problem}";
    NO_HOME = "找不到你的主目录来存放示例的评分；请指定 --scores {path}" /
        "cannot find your home directory for the sample's scores; pass --scores {path}";
    CANNOT_CREATE = "无法创建 {dir}：{why}；请指定 --scores {path}" / "cannot create {dir}: {why}; pass --scores {path}";
    EXPORTED_BOTH = "{xlsx} 和 {csv}" / "{xlsx} and {csv}";
}
