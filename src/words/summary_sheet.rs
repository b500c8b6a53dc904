//! The words of `appraise export DIR`: the 汇总表 of an evaluation, written with a sheet per
//! report (the sheet's own words follow its language: `export::summary_sheet`).

crate::words! {
    SUMMARY_WRITTEN = "汇总表已写入 {path}" / "Summary sheet written to {path}";
    PROGRESS_READING = "正在读入 {file}（{k}/{n}）" / "reading {file} ({k}/{n})";
    PROGRESS_WRITING = "正在生成 {file} 的评分表（{k}/{n}）" / "writing the sheet of {file} ({k}/{n})";
    LEFT_OUT = "{file} 未列入排名：{why}" / "{file} is left out of the ranking: {why}";
    UNREADABLE_SCORES = "{path} 未计入：{why}" / "{path} is not counted: {why}";
    DIR_NO_SCORES = "{dir} 是评价文件夹，汇总表包含每位评价人的评分：不用 {flag}" /
        "{dir} is an evaluation, and its summary sheet holds every evaluator's scores: {flag} does not apply";
}
