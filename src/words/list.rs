//! The words of the evaluation's list of reports (`appraise DIR`): its columns, its details
//! pane, its status bar and its messages.

crate::words! {
    // The header and the columns
    HEADER = " appraise · {title}" / " appraise · {title}";
    LIST_EVALUATOR = "评价人：{name}" / "evaluator: {name}";
    COL_UNIT = "被评价单位" / "Unit";
    COL_FILE = "文件" / "File";
    COL_PROGRESS = "评分进度" / "Progress";
    COL_SCORE = "评价得分" / "Score";
    COL_GRADE = "等级" / "Grade";
    COL_RANK = "名次" / "Rank";
    /// A progress cell when evaluators are too many for a column each: submitted of all.
    SUBMITTED_OF = "{done}/{all} 已提交" / "{done}/{all} submitted";
    NO_REPORTS = "这个文件夹里还没有报告：把报告文件（.txt .md .docx .pdf .json）放进 {dir}，列表会自动更新" /
        "No reports in this folder yet: put the report documents (.txt .md .docx .pdf .json) in {dir}; the list follows";
    NONE_MATCH = "没有符合筛选（{filters}）的报告；{key} 清除筛选" / "No report matches the filters ({filters}); {key} clears them";

    // The details pane
    DETAIL_FILE = "文件 {file}" / "file {file}";
    DETAIL_ITEMS = "{items} 项 · 满分 {max}" / "{items} items · full marks {max}";
    DETAIL_UNIT = "被评价单位 {unit}" / "unit {unit}";
    DETAIL_NOBODY = "还没有人评分" / "Nobody has scored it yet";
    DETAIL_EVALUATOR = "{scored}/{items} 项 · 合计 {points}" / "{scored}/{items} items · total {points}";
    DETAIL_SUBMITTED = "已提交" / "submitted";
    DETAIL_NOT_SUBMITTED = "未提交" / "not submitted";
    DETAIL_MISMATCHED = "{n} 项评分与现在的指标不符（{ids}）：评分后评分表改过" /
        "{n} scores no longer match the indicators ({ids}): the rubric changed after scoring";
    DETAIL_SCORE = "评价得分 {score}（{percent}）" / "Panel score {score} ({percent})";
    DETAIL_GRADE = "等级 {grade}" / "grade {grade}";
    DETAIL_RANK = "第 {rank} 名" / "rank {rank}";
    DETAIL_PROVISIONAL = "暂定：还有未评的项" / "provisional: some items are unscored";
    DETAIL_DISAGREE = "{n} 项有分歧" / "{n} items disagreed on";
    DETAIL_READING = "正在读取评分……" / "Reading the scores…";
    DETAIL_PROBLEM = "不能评审：{why}" / "Cannot be reviewed: {why}";

    // The status bar
    COUNTS = "{n} 份报告" / "{n} reports";
    COUNT_MINE = "我已评完 {done}" / "I finished {done}";
    COUNT_SUBMITTED = "全部提交 {done}" / "all submitted {done}";
    READING = "正在读取 {k}/{n}：{name}" / "Reading {k}/{n}: {name}";
    SORT_LABEL = "排序：{order}" / "sorted by {order}";
    FILTER_LABEL = "筛选：{filters}" / "filter: {filters}";

    // Orders and filters
    SORT_FILE = "文件" / "file";
    SORT_SCORE = "评价得分" / "panel score";
    SORT_UNIT = "被评价单位" / "unit";
    SORT_MINE = "我的进度" / "my progress";
    FILTER_MINE = "我未评完" / "not finished by me";
    FILTER_NOT_SUBMITTED = "尚未全部提交" / "not all submitted";
    LIST_FILTER_DISAGREE = "有分歧" / "disagreements";

    // Messages
    SORTED_BY = "按{order}排序" / "Sorted by {order}";
    FILTERED = "筛选：{filters}（{shown}/{all} 份报告）" / "Filter: {filters} ({shown} of {all} reports)";
    LIST_FILTERS_CLEARED = "已清除筛选" / "Filters cleared";
    LIST_NO_FILTER = "没有筛选" / "No filter is on";
    MINE_NEEDS_NAME = "不知道你是哪位评价人：用 {flag} 姓名 打开" / "Whose reports are yours is not known: open with {flag} NAME";
    NOTHING_SHOWN = "列表是空的" / "The list is empty";
    CANNOT_OPEN = "{file} 不能评审：{why}" / "{file} cannot be reviewed: {why}";
    STILL_READING = "{file} 还在读取，稍候再试" / "{file} is still being read; try again in a moment";
    BACK_FROM = "{file}：已评 {scored}/{items} 项" / "{file}: {scored} of {items} items scored";
    OPEN_FAILED = "{file}：{why}" / "{file}: {why}";
    FOLDER_PROBLEM = "{why}（列表显示的是上一次读到的内容）" / "{why} (the list shows what was read last)";
    LIST_HELP_TITLE = " 报告列表的按键 · {close} 关闭 " / " Keys of the list of reports · {close} closes ";
    HELP_CELLS = "评价人一栏：12/45 已评项数/总项数；87.5 已评完的合计；✓ 已提交；⚠ 文件读不了。评价得分：有组长确定的评价得分时用它，否则是各评价人分数的平均（或去掉最高最低后的平均）；~ 表示暂定（还有未评的项，暂不定等级）。" /
        "An evaluator's cell: 12/45 items scored of all; 87.5 the total once every item is scored; ✓ submitted; ⚠ the file cannot be read. The panel score: the agreed score where the chair set one, else the evaluators' mean (or trimmed mean); ~ while provisional (some items unscored; no grade yet).";
    ASK_NAME = "评价人姓名（评分将保存为 报告.姓名.scores.json）[{login}]：" /
        "Your name as evaluator (your scores are kept as REPORT.NAME.scores.json) [{login}]: ";
    ASK_NAME_NO_LOGIN = "评价人姓名（评分将保存为 报告.姓名.scores.json）：" /
        "Your name as evaluator (your scores are kept as REPORT.NAME.scores.json): ";
    NAME_NEEDED = "要评审 {dir} 里的报告，需要评价人姓名：用 {flag} 姓名，或在配置文件里写 {key} = \"姓名\"" /
        "Reviewing the reports in {dir} needs your name: give {flag} NAME, or set {key} = \"NAME\" in the configuration";
}
