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
}
