//! The words of reading a scoring table (import/rubric/): its problems, each with the file and
//! the row or cell, its warnings, and the names of its columns.

crate::words! {
    RUBRIC_BAD_CSV = "{name}: 第 {row} 行: 不是有效的 CSV（{detail}）" / "{name}: row {row}: not valid CSV ({detail})";
    RUBRIC_ROW = "第 {row} 行" / "row {row}";
    RUBRIC_EMPTY = "{name}: 评分表是空的" / "{name}: the scoring table is empty";
    RUBRIC_NO_COLUMN = "{name}: 第 1 行: 表头没有“{column}”列（应为 {columns}）" /
        "{name}: row 1: the header has no {column} column (expected {columns})";
    RUBRIC_NOT_POINTS = "{name}: 第 {row} 行“{column}”列: “{cell}”不是分值" /
        "{name}: row {row}, column {column}: \"{cell}\" is not a number of points";
    RUBRIC_EMPTY_CELL = "{name}: 第 {row} 行: “{column}”单元格是空的" / "{name}: row {row}: the {column} cell is empty";
    RUBRIC_POINTS_POSITIVE = "{name}: 第 {row} 行“{column}”列: 分值 {points} 必须大于 0" /
        "{name}: row {row}, column {column}: {points} points must be more than 0";
    RUBRIC_NO_ROWS = "{name}: 评分表中没有指标行" / "{name}: the scoring table has no indicator rows";
    RUBRIC_POINTS_DIFFER = "{name}: 第 {row} 行: {level}“{group}”此处为 {now} 分，上面却是 {had} 分" /
        "{name}: row {row}: {level} “{group}” is given {now} points here but {had} above";
    RUBRIC_LEVEL2_SUM = "{name}: {level2}“{group}”（{parent}）为 {declared} 分，但其{level3}合计 {sum} 分" /
        "{name}: {level2} “{group}” ({parent}) is worth {declared} points but its {level3} add up to {sum}";
    RUBRIC_LEVEL1_SUM = "{name}: {level1}“{group}”为 {declared} 分，但其下各指标合计 {sum} 分" /
        "{name}: {level1} “{group}” is worth {declared} points but its indicators add up to {sum}";
    RUBRIC_TOTAL = "{name}: 合计行为 {declared} 分，但各指标合计 {sum} 分" /
        "{name}: the total row says {declared} points but the indicators add up to {sum}";

    /// A scoring table's columns, as its header names them.
    COLUMN_LEVEL1 = "一级指标" / "level1";
    COLUMN_LEVEL1_POINTS = "一级指标分值" / "level1_points";
    COLUMN_LEVEL2 = "二级指标" / "level2";
    COLUMN_LEVEL2_POINTS = "二级指标分值" / "level2_points";
    COLUMN_LEVEL3 = "三级指标" / "level3";
    COLUMN_POINTS = "分值" / "points";
    COLUMN_CRITERIA = "评分标准" / "criteria";
}
