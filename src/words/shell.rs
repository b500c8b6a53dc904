//! The command line's manners: the did-you-mean for a mistyped subcommand, shell
//! completions, the help of the arguments that had none, `-` for standard input, the
//! configuration's own path, and the problems of `check --json` and `summary --json`.
//!
//! Flags, subcommand names, file names and literal values are placeholders, so the Chinese
//! texts hold no English words.

crate::words! {
    ABOUT_MANPAGE = "把手册页（{format} 格式）写到标准输出；供 {script} 使用" / "Write the manual page ({format}) to standard output; used by {script}";
    // ── a mistyped subcommand ───────────────────────────────────────────────────────────
    DID_YOU_MEAN = "未知的命令或不存在的文件 '{arg}'：是不是要用 '{command}'？" /
        "unknown command or missing file '{arg}': did you mean '{command}'?";

    // ── `--help` ────────────────────────────────────────────────────────────────────────
    ABOUT_COMPLETIONS = "把命令行外壳的补全脚本写到标准输出" /
        "Write a shell's completion script to standard output";
    HELP_COMPLETIONS_SHELL = "为哪种命令行外壳生成" / "Which shell it is for";
    VALUE_SHELL = "外壳" / "SHELL";
    HELP_CHECK_REPORT = "要检查的报告（也可以是 {formats} 报告，先导入再检查；{stdin} 表示标准输入）" /
        "The report to check (or a {formats} report, imported first; {stdin} reads standard input)";
    HELP_SHEET_REPORT = "所评的报告" / "The report that was scored";
    HELP_CONFIG_FILE = "要使用的配置文件（默认：{env}，否则为配置目录中的 {file}）" /
        "The configuration file to use (default: {env}, else {file} in the config directory)";
    HELP_IMPORT_QUIET = "除错误外，标准错误上什么都不显示" / "Print nothing on stderr but errors";
    HELP_CHECK_JSON = "以 {format} 格式输出结果：每个问题带稳定的代码及其位置" /
        "Print the result as JSON ({format}): each problem with a stable code and its place";
    HELP_SUMMARY_JSON = "以 {format} 格式输出汇总：每个需要注意的评分项带稳定的代码" /
        "Print the summary as JSON ({format}): each item needing attention with a stable code";
    HELP_CHECK_SCORES = "同时检查的评分文件" / "A scores file to check as well";
    HELP_SUMMARY_REPORT = "要汇总的报告（也可以是 {formats} 报告，先导入；{stdin} 表示标准输入）" /
        "The report to summarise (or a {formats} report, imported first; {stdin} reads standard input)";
    HELP_SUMMARY_SCORES = "评分文件（默认：报告旁边的 {file}）" /
        "The scores (default: beside the report, {file})";

    // ── `summary --json` ────────────────────────────────────────────────────────────────
    SUMMARY_FLAGGED_ITEM = "评分项 {id} 标记为待核实（{score}）：{title}" /
        "item {id} is flagged for checking ({score}): {title}";

    // ── `-`: standard input ─────────────────────────────────────────────────────────────
    STDIN = "标准输入" / "standard input";
    SUMMARY_STDIN_NO_SCORES = "暂无（报告来自标准输入，请用 {scores} 指定评分文件）" /
        "none (the report came from standard input; name its scores with {scores})";
}
