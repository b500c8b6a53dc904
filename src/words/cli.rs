//! The command line's words: what each subcommand prints (stdout and stderr), the messages of
//! the review before and after its full screen, the command line's failures, and `--help` (the
//! about and help texts clap shows, argument names, headings, clap's own errors). The English
//! texts are the program's as they always were (`--help` as clap rendered the doc comments).
//!
//! Flags, subcommand names, file names and literal values are placeholders, so the Chinese
//! texts hold no English words.

crate::words! {
    // ── `--help`: what the program and each subcommand is ───────────────────────────────
    ABOUT = "在终端中评阅报告并评分。不给出{report}时，打开内置的示例报告" /
        "Review and score reports in the terminal. With no {report}, opens the built-in sample";
    ABOUT_CHECK = "检查报告（及评分文件）：列出每个问题及其位置；有效时退出码为 0，无效时为 2" /
        "Validate a report (and a scores file): every problem with its place; exit 0 valid, 2 invalid";
    ABOUT_IMPORT = "按大纲编号，把纯文本、{markdown}、{word} 或 {pdf} 报告转成报告文件" /
        "Turn a text, {markdown}, {word} or {pdf} report into a report file, by its outline numbering";
    ABOUT_CONFIG = "显示正在使用的配置文件和生效的设置，包括按键" /
        "Print the configuration files in use and the effective settings, keys included";
    ABOUT_GEN = "生成一份可复现的中英文混合合成报告（用于性能测试）" /
        "Write a reproducible synthetic report of mixed Chinese/English text (for benchmarks)";
    ABOUT_EXPORT = "生成{term}：每个评分项一行，含章节小计、总分、得分率和等级" /
        "Write a scoring sheet ({term}): a row per item, section subtotals, total, percent and grade";
    ABOUT_SUMMARY = "显示总分、得分率、等级、进度、各章节小计，以及缺少扣分原因的评分项" /
        "Print totals, percent, grade, progress, per-section subtotals and the items missing a reason";
    ABOUT_PANEL = "专家组组长视图：每项旁列出各评价人员的评分和扣分原因，并确定专家组的{term}" /
        "The chair's view: every evaluator's scores and notes beside each item, and the panel's agreed score ({term})";
    ABOUT_MERGE = "把几位评价人的评分汇成一张表：每人一列，然后是平均分（{term}）、最低分、最高分、极差" /
        "One sheet of several evaluators' scores: a column each, then mean ({term}), lowest, highest, spread";
    ABOUT_HELP = "显示此帮助，或指定子命令的帮助" / "Print this message or the help of the given subcommand(s)";

    // ── `--help`: each argument ─────────────────────────────────────────────────────────
    HELP_REPORT = "要评阅的报告：appraise.report/1 格式的 JSON 文件，或即时导入的 {formats} 报告" /
        "The report to review: an appraise.report/1 JSON file, or a {formats} report, imported on the fly";
    HELP_SCORES = "评分保存在哪里（默认：报告旁边的 {file}）" /
        "Where the scores are kept (default: beside the report, {file})";
    HELP_EVALUATOR = "你的名字，记在评分文件中（默认：文件中的名字，否则用你的登录名）" /
        "Your name, stored in the scores file (default: the name in it, else your login name)";
    HELP_THEME = "配色主题：{dark}（默认）、{others}、{dir} 中的用户主题，或一个路径（默认：配置文件所选的）" /
        "Colour theme: {dark} (default), {others}, a user theme in {dir}, or a path (default: the config file's choice)";
    HELP_CONFIG_DIR = "配置目录" / "config dir";
    HELP_READ_ONLY = "只看不改；不会保存任何内容" / "Look without changing anything; nothing is saved";
    HELP_LANG = "界面语言：zh 或 en（默认：config.toml 中的 lang，否则按区域设置，再否则按报告本身的语言）" /
        "The interface's language: zh or en (default: lang in config.toml, else the locale, else the report's own language)";
    HELP_MOUSE = "使用鼠标：点击选择，滚轮滚动（默认关闭，以便终端自身的选择和复制可用）" /
        "Use the mouse: click to select, wheel to scroll (off by default, so the terminal's own selection and copy work)";
    HELP_HELP = "显示帮助" / "Print help";
    HELP_VERSION = "显示版本" / "Print version";
    HELP_IMPORT_TEXT = "文档：.txt、.md、.docx 或 {pdf}（UTF-8、UTF-16、GB18030/GBK/{big5} 编码的文本），或单独一份评分表（{tables}）；- 表示标准输入" /
        "The document: .txt, .md, .docx or {pdf} (UTF-8, UTF-16, GB18030/GBK or {big5} text), or a scoring table alone ({tables}); - reads standard input";
    HELP_OPEN_ENCODING = "即时导入的文档读得不对时，指定它的文本编码（同 {import}）" /
        "The text's encoding, when a document imported on the fly is not read right (as {import})";
    HELP_IMPORT_ENCODING = "文本的编码，在自动识别不对时指定：如 `{examples}`（默认：自动识别）" /
        "The text's encoding, when detection gets it wrong: a name such as {examples} (default: detected)";
    HELP_IMPORT_OUTPUT = "报告写到哪里（默认：标准输出）" / "Where to write the report (default: standard output)";
    HELP_IMPORT_RUBRIC = "评价机构的评分表（{term}）：评分的是其中的指标，报告正文作为佐证" /
        "The office's scoring table ({term}): its indicators are what is scored, the text is the evidence";
    HELP_IMPORT_SHEET = "工作簿中评分表所在的工作表（{rubric} 的表，或单独导入的评分表）：名称或序号（默认：第一个有可识别表头的工作表）" /
        "The scoring table's worksheet in a workbook (the {rubric} table's, or the document's when it is a table alone): its name or number (default: the first with a recognisable header)";
    HELP_IMPORT_SCORE_TEXT = "与 {rubric} 一起用：除指标外，也给正文的各条评分" /
        "With {rubric}: score the text's claims too, besides the indicators";
    HELP_IMPORT_REQUIRE_REASONS = "低于满分的评分须写理由（{term}）；用 {rubric} 时默认如此" /
        "A score below full marks needs a reason ({term}); the default with {rubric}";
    HELP_IMPORT_NO_REQUIRE_REASONS = "低于满分的评分不要求写理由，即使用了 {rubric}" /
        "Scores below full marks need no reason, even with {rubric}";
    HELP_IMPORT_MAX = "评分项的默认满分（默认 10）" / "The default maximum score of an item (default 10)";
    HELP_IMPORT_STEP = "默认的评分步长（默认 0.5）" / "The default score step (default 0.5)";
    HELP_IMPORT_ID = "报告的 id（默认：不带扩展名的文件名）" / "The report id (default: the file name without its extension)";
    HELP_IMPORT_TITLE = "报告的标题（默认：文档的第一个标题行）" /
        "The report title (default: the document's first title line)";
    HELP_GEN_ITEMS = "评分项的个数" / "How many items";
    HELP_GEN_SEED = "随机种子：项数和种子相同，生成的字节就相同" /
        "The seed: the same items and seed give the same bytes";
    HELP_GEN_OUTPUT = "写到哪里（默认：标准输出）" / "Where to write it (default: standard output)";
    HELP_EXPORT_SCORES = "放进评分表的评分（默认：报告旁边的 {file}）" /
        "The scores to put in the sheet (default: beside the report, {file})";
    HELP_FORMAT = "默认：按 -o 的扩展名，否则为 csv" / "Default: from the extension of -o, else csv";
    HELP_OUT = "写到这里（`-` 表示标准输出）。默认：标准输出；但 xlsx 写在输入文件旁边（{export}：评分文件旁的 {sheet}；{merge}：报告旁的 {panel}）" /
        "Write here (`-` for stdout). Default: stdout, except xlsx, which goes beside the inputs ({export}: {sheet} beside the scores file; {merge}: {panel} beside the report)";
    HELP_SHEET_LANG = "表头和标签用中文还是英文（默认：报告的语言）" /
        "Headers and labels in Chinese or English (default: the report's language)";
    HELP_NO_BOM = "CSV 不加 UTF-8 字节顺序标记和公式防护（供脚本使用）" /
        "CSV without the UTF-8 byte-order mark and formula guard (for scripts)";
    HELP_MERGE_SCORES = "各评价人的评分文件，或存放评分文件的文件夹" /
        "The evaluators' scores files, or folders holding them";
    HELP_PANEL_SCORES = "各评价人的评分文件，或存放它们的文件夹" / "The evaluators' scores files, or a folder holding them";
    HELP_PANEL_TRIM = "专家组得分去掉每项的一个最高分和一个最低分（至少 3 个评分时）" /
        "The panel's score drops each item's highest and lowest score (with 3 scores or more)";
    HELP_DISAGREE = "最高分与最低分之差超过该项满分 {pct}% 的评分项将被标出（默认 20）" /
        "Mark items whose highest and lowest scores differ by more than {pct}% of the item's max (default 20)";
    /// A default value clap would show after the help (hidden in Chinese, said here).
    HELP_DEFAULT = "[默认：{value}]" / "[default: {value}]";

    // ── `--help`: the names of values, headings ─────────────────────────────────────────
    VALUE_REPORT = "报告" / "REPORT";
    VALUE_PATH = "路径" / "PATH";
    VALUE_NAME = "名称" / "NAME";
    VALUE_LANG = "语言" / "LANG";
    VALUE_TEXT = "文档" / "TEXT";
    VALUE_REPORT_JSON = "报告.json" / "REPORT.json";
    VALUE_TABLE = "评分表" / "TABLE";
    VALUE_SHEET = "工作表" / "SHEET";
    VALUE_TITLE = "标题" / "TITLE";
    VALUE_FORMAT = "格式" / "FORMAT";
    VALUE_OUT = "输出" / "OUT";
    VALUE_SCORES = "评分文件" / "SCORES";
    VALUE_PCT = "百分数" / "PCT";
    VALUE_FILE = "文件" / "FILE";
    VALUE_COMMAND = "命令" / "COMMAND";
    HEADING_USAGE = "用法：" / "Usage:";
    HEADING_COMMANDS = "命令" / "Commands";
    HEADING_ARGUMENTS = "参数" / "Arguments";
    HEADING_OPTIONS = "选项" / "Options";

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

    // ── `export`, `merge`: writing sheets ──────────────────────────────────────────────
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
