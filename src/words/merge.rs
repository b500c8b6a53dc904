//! `merge`'s words about the panel: the scores files a folder gives (and the files in
//! it that are skipped), evaluators met in more than one file, and the panel's agreement.
//!
//! File names and patterns are placeholders, and Krippendorff's alpha is 克里彭多夫 α 系数, so
//! the Chinese texts hold no English words.

crate::words! {
    // ── a folder of scores files ────────────────────────────────────────────────────────
    PANEL_NOT_MEMBER = "{path} 是专家组议定的评分（汇总表自己的文件），不是某位评价人员的评分" /
        "{path} holds the panel's agreed scores (its own file), not an evaluator's";
    SKIPPED_PANEL = "跳过 {path}：这是汇总表自己的文件" / "skipped {path}: the panel's own file";
    SKIPPED_SIDE = "跳过 {path}：评分文件的附属文件（{what}）" / "skipped {path}: a scores file's side file ({what})";
    SIDE_JOURNAL = "恢复日志" / "recovery journal";
    SIDE_REJECTED = "被拒绝的日志行" / "rejected journal lines";
    SIDE_LOCK = "锁文件" / "lock";
    SIDE_CONFLICT = "冲突时保留的副本" / "copy kept at a conflict";
    SIDE_TEMP = "临时文件" / "temporary file";
    SKIPPED_OTHER_REPORT = "跳过 {path}：它是报告“{found}”的评分，不是“{expected}”的" /
        "skipped {path}: it holds scores for report \"{found}\", not \"{expected}\"";
    SKIPPED_BROKEN = "跳过 {path}：无法作为评分文件读取（{why}）" / "skipped {path}: it cannot be read as a scores file ({why})";
    FOLDER_WITHOUT_SCORES = "{path} 中没有报告“{id}”的评分文件（{pattern}）" /
        "{path} holds no scores files of report \"{id}\" ({pattern})";
    SAME_EVALUATOR = "{name} 是多个评分文件的评价人：{files}；各占一列，以文件名区分" /
        "{name} is the evaluator of more than one file: {files}; each has a column, told apart by its file name";

    // ── the panel's agreement ───────────────────────────────────────────────────────────
    AGREEMENT = "评分一致性：克里彭多夫 α 系数 = {alpha}（{reading}）" / "agreement: Krippendorff's alpha = {alpha} ({reading})";
    AGREEMENT_NONE = "评分一致性：克里彭多夫 α 系数无法计算（没有两个以上评分的指标，或评分全无差异）" /
        "agreement: Krippendorff's alpha n/a (no item with two scores, or no variation at all)";
    READING_RELIABLE = "可靠" / "reliable";
    READING_TENTATIVE = "可参考" / "tentative";
    READING_UNRELIABLE = "不可靠" / "unreliable";
    DEVIATIONS = "与其他评价人员的平均偏差（占分值的百分比，负为偏严，正为偏宽）：{list}" /
        "deviation from the others (% of the item's max; negative harsher, positive kinder): {list}";
    NO_DEVIATION = "无" / "n/a";
}
