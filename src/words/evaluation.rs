//! The words of an evaluation (a folder of reports, one rubric, a panel): `init`, the list of
//! reports, `summary DIR`, the 汇总表, and what is wrong with a folder.

crate::words! {
    NOT_AN_EVALUATION = "{dir} 是一个目录，但不是评价文件夹（其中没有 {file}）：先用 {init} {dir} 把它设为一次评价" /
        "{dir} is a directory but not an evaluation (it has no {file}): make it one with {init} {dir}";
    BAD_SETTINGS = "{path}：{why}" / "{path}: {why}";
    BAD_METHOD = "{key} 只能是 {mean} 或 {trimmed}，而不是“{method}”" /
        "{key} is {mean} or {trimmed}, not \"{method}\"";
    SETTINGS_HEADER = "# {app} 评价设置（由 {init} 写出；可以手工修改）。\n# {title}：评价名称；{rubric}：评分表（相对于本文件夹）；{step}：未注明时的评分步长；\n# {method}：专家组评价得分的算法（{mean} 平均值，{trimmed} 去掉一个最高分和一个最低分）；\n# {disagree}：极差超过该项满分的百分之几时标为分歧。" /
        "# {app} evaluation settings (written by {init}; edit as you like).\n# {title}: the evaluation's name; {rubric}: the scoring table (relative to this folder);\n# {step}: the scoring step where the criteria state none; {method}: how the panel's score is made\n# ({mean}, or {trimmed} without each item's highest and lowest); {disagree}: the spread, as a\n# percentage of an item's max, above which the panel disagrees.";
    SAME_ID = "{name} 与 {other} 会导入为同一个编号 {id}：请改掉其中一个的文件名" /
        "{name} and {other} would import to one id, {id}: rename one of them";

    // ── `appraise init DIR` ─────────────────────────────────────────────────────────────
    NOT_A_FOLDER = "{dir} 不是文件夹：{cmd} 要的是存放待评报告的文件夹" /
        "{dir} is not a folder: {cmd} takes the folder that holds the reports to score";
    PROGRESS_PREPARE = "正在准备第 {k}/{n} 份报告：{file}" / "preparing report {k} of {n}: {file}";
    INIT_HEADING = "{title}：{reports}（{file}）" / "{title}: {reports} ({file})";
    REPORTS = "{n} 份报告" / "{n} reports";
    REPORT_ONE = "{n} 份报告" / "{n} report";
    EVALUATORS = "{n} 位评价人" / "{n} evaluators";
    EVALUATOR_ONE = "{n} 位评价人" / "{n} evaluator";
    INIT_RUBRIC = "评分表 {rubric}：{n} 个指标，共 {points} 分" /
        "rubric {rubric}: {n} indicators, {points} points";
    INIT_NO_RUBRIC = "没有评分表：各报告按自己的大纲评分（用 {flag} 指定评分表）" /
        "no rubric: each report is scored on its own outline (name one with {flag})";
    INIT_ITEMS = "{n} 项" / "{n} items";
    INIT_ITEM = "{n} 项" / "{n} item";
    INIT_IMPORTED = "已导入" / "imported";
    INIT_UNCHANGED = "未改动" / "unchanged";
    INIT_AS_IS = "报告文件" / "report file";
    INIT_NO_UNIT = "（未识别出被评价单位）" / "(no unit found)";
    INIT_FAILED = "{n} 份文档不能作为报告（其余照常）：" / "{n} documents cannot be reports (the others are ready):";
    INIT_FAILED_ONE = "1 份文档不能作为报告（其余照常）：" / "1 document cannot be a report (the others are ready):";
    INIT_NONE = "{dir} 中还没有报告文档：把报告（{exts}）放进去，再运行 {init} {dir}" /
        "{dir} holds no report documents yet: put the reports ({exts}) in it and run {init} {dir} again";
    INIT_NEXT = "评分：{open} {dir}；汇总：{summary} {dir}" / "score: {open} {dir}; summary: {summary} {dir}";

    // ── `appraise summary DIR` ──────────────────────────────────────────────────────────
    SCORES_WITH_DIR = "{flag} 指定的是一份报告的评分文件；{dir} 是一次评价，每份报告都有自己的评分文件（用 {evaluator} 只看一位评价人的）" /
        "{flag} names one report's scores; {dir} is an evaluation, whose reports each have their own (use {evaluator} for one evaluator's)";
    DIR_HEADING = "{title}：{reports}，{evaluators}" / "{title}: {reports}, {evaluators}";
    DIR_RANK = "排名" / "Rank";
    DIR_SCORE = "评价得分" / "Score";
    DIR_GRADE = "等级" / "Grade";
    DIR_REPORT = "被评价单位 · 文件" / "Unit · file";
    /// After a grade while some item has no score from anybody.
    PROVISIONAL = "（暂定）" / " (provisional)";
    DIR_CALLED = "{unit} · {file}（{items}）" / "{unit} · {file} ({items})";
    DIR_CALLED_FILE = "{file}（{items}）" / "{file} ({items})";
    DIR_NOBODY = "尚无人评分" / "nobody has scored it yet";
    DIR_NOT_STARTED = "尚未开始" / "not started";
    DIR_SUBMITTED = "已提交" / "submitted";
    DIR_NOT_SUBMITTED = "未提交" / "not submitted";
    DIR_DISAGREE = "{n} 项有分歧" / "{n} items disagree";
    DIR_DISAGREE_ONE = "{n} 项有分歧" / "{n} item disagrees";
    DIR_MISMATCHED = "{report}：{name} 的评分与现在的评分表对不上（评分表在评分后改过）：{ids}" /
        "{report}: {name}'s scores no longer match the rubric (it changed after scoring): {ids}";
    DIR_SHEET_PROBLEM = "{report}：{name} 的评分文件 {file} 读不了：{why}" /
        "{report}: {name}'s scores file {file} does not read: {why}";
    DIR_MINE = "{name}：{n}/{total} 份报告未评完：{list}" / "{name}: {n} of the {total} unfinished: {list}";
    DIR_MINE_DONE = "{name}：{total} 份报告都已评完" / "{name}: every report scored ({total})";
}
