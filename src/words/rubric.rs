//! The words of reading a scoring table (import/rubric/): its problems, each with the file and
//! the row or cell, its warnings, and the names of its columns; and the report's facts an import
//! writes (`meta`: the unit, the source, the rubric, the language…) as the info page names them.

crate::words! {
    RUBRIC_BAD_CSV = "{name}: 第 {row} 行: 不是有效的 CSV（{detail}）" / "{name}: row {row}: not valid CSV ({detail})";
    RUBRIC_EMPTY = "{name}: 评分表是空的" / "{name}: the scoring table is empty";
    RUBRIC_NOT_POINTS = "{name}: {place}: “{cell}”不是分值" / "{name}: {place}: \"{cell}\" is not a number of points";
    RUBRIC_EMPTY_CELL = "{name}: {place}: “{column}”单元格是空的" / "{name}: {place}: the {column} cell is empty";
    RUBRIC_NO_NAME = "{name}: {place}: 该行的指标没有名称（“{column}”单元格是空的）" /
        "{name}: {place}: the indicator has no name (its {column} cell is empty)";
    RUBRIC_POINTS_POSITIVE = "{name}: {place}: 分值 {points} 必须大于 0" /
        "{name}: {place}: {points} points must be more than 0";
    RUBRIC_BAD_LEVEL = "{name}: {place}: “{cell}”不是指标层级（应为 1、2、3 或 一级、二级…）" /
        "{name}: {place}: \"{cell}\" is not an indicator level (1, 2, 3…)";
    RUBRIC_NO_ROWS = "{name}: 评分表中没有指标行" / "{name}: the scoring table has no indicator rows";
    RUBRIC_NO_COLUMNS = "{name}: 找不到同时含指标列和分值列的表头（找到的列：{found}；需要{needed}）" /
        "{name}: no header row with both an indicator column and a points column (columns found: {found}; needed: {needed})";
    RUBRIC_NEEDED = "指标层级列（{levels}）和分值列（{points}）" /
        "a level column ({levels}) and a points column ({points})";
    RUBRIC_NOTHING_FOUND = "无" / "none";
    RUBRIC_POINTS_DIFFER = "{name}: {place}: {level}“{group}”此处为 {now} 分，上面却是 {had} 分" /
        "{name}: {place}: {level} “{group}” is given {now} points here but {had} above";
    RUBRIC_LEVEL2_SUM = "{name}: {level2}“{group}”（{parent}）为 {declared} 分，但其{level3}合计 {sum} 分" /
        "{name}: {level2} “{group}” ({parent}) is worth {declared} points but its {level3} add up to {sum}";
    RUBRIC_LEVEL1_SUM = "{name}: {level1}“{group}”为 {declared} 分，但其下各指标合计 {sum} 分" /
        "{name}: {level1} “{group}” is worth {declared} points but its indicators add up to {sum}";
    RUBRIC_NO_READING = "{name}: 表格的合计是 {target} 分（{basis}），但没有一种读法的指标合计与之相符（{readings}）；请核对分值列后再导入" /
        "{name}: the table's total is {target} points ({basis}), but no reading of it adds up to that ({readings}); check its points columns";
    RUBRIC_READING_CHOSEN = "{name}: 读法：{found}，与{basis}（{target} 分）相符；另一读法：{others}" /
        "{name}: read as {found}, matching {basis} ({target} points); other readings: {others}";
    RUBRIC_READING_FOUND = "{reading}（{n} 个指标，共 {sum} 分）" / "{reading} ({n} indicators, {sum} points)";
    RUBRIC_READING_LEVELS = "每个分值列属于其前一级指标" / "each points column belonging to the level before it";
    RUBRIC_READING_FIRST_POINTS = "第一个分值列为指标分值" / "the first points column as the indicators' points";
    RUBRIC_READING_SCALED = "{reading}，并按所属一级指标的权重折算" / "{reading}, scaled by each top-level group's weight";
    RUBRIC_READING_FUNDS = "{reading}，并计入预算执行率一行" / "{reading}, with the budget execution row";
    RUBRIC_BASIS_TOTAL_ROW = "合计行" / "its total row";
    RUBRIC_BASIS_GROUPS = "各一级指标分值之和" / "its top-level groups' points";
    RUBRIC_BASIS_HUNDRED = "百分制" / "a 100-point table";
    RUBRIC_NO_POINTS = "{name}: {place}: 指标“{indicator}”没有分值：表中没有分值列，名称里也没有“{example}”这样的分值" /
        "{name}: {place}: the indicator “{indicator}” has no points: the table has no points column, and its name none such as “{example}”";
    RUBRIC_ROWS_SKIPPED = "{name}: 以下没有指标的行未读取（表格中的空行或占位行）：{places}" /
        "{name}: rows with no indicator were not read (a form's empty or placeholder rows): {places}";
    RUBRIC_NO_CELLS = "{name}: 文本中读不出表格：既没有用“|”分隔的行，也没有每行一格的表头；从 PDF 复制的表格会把各列连在一起，请从原件导出 .xlsx、.docx 或 .csv" /
        "{name}: no table can be read from this text: it has no rows of cells separated by “|” and no header of one cell a line; a table copied out of a PDF runs its columns together — export it from the original as .xlsx, .docx or .csv";
    RUBRIC_NOT_100 = "{name}: 各指标合计 {sum} 分，不是 100 分" / "{name}: the indicators add up to {sum} points, not 100";
    RUBRIC_DUPLICATE = "{name}: {place}: 指标“{indicator}”在“{group}”下出现了两次" /
        "{name}: {place}: the indicator “{indicator}” appears twice under “{group}”";
    RUBRIC_COLUMNS_IGNORED = "{name}: 未读取的列：{columns}" / "{name}: columns not read: {columns}";
    RUBRIC_SHEET_READ = "{name}: 读取的是工作表“{sheet}”（共 {n} 个工作表）" /
        "{name}: read the sheet “{sheet}” (of {n} sheets)";
    RUBRIC_TABLE_READ = "{name}: 读取的是第 {n} 个表格（共 {count} 个表格）" / "{name}: read table {n} of {count}";
    RUBRIC_NO_SHEET = "{name}: 没有工作表“{sheet}”（有：{sheets}）" / "{name}: there is no sheet “{sheet}” (the sheets: {sheets})";
    RUBRIC_NO_TABLE = "{name}: 文档中没有表格" / "{name}: the document has no table";
    RUBRIC_ET = "{name}: 这是 {wps} 表格文件（.et），无法直接读取，请另存为 .xlsx" /
        "{name}: this is a {wps} spreadsheet (.et), which cannot be read; save it as .xlsx";
    RUBRIC_NOT_EXCEL_TEXT = "{name}: 这不是 {excel} 工作簿，而是文本（看起来是 CSV），请改名为 .csv" /
        "{name}: this is not an {excel} workbook but text (it looks like CSV); rename it .csv";
    RUBRIC_NOT_WORD_TEXT = "{name}: 这不是 {word} 文档，而是文本，请改名为 .txt 或 .csv" /
        "{name}: this is not a {word} document but text; rename it .txt or .csv";
    RUBRIC_NOT_EXCEL = "{name}: 这不是 {excel} 工作簿（文件已损坏或是其他格式）" /
        "{name}: this is not an {excel} workbook (the file is damaged or in another format)";
    RUBRIC_PART_TOO_LARGE = "{name}: 工作簿中的 {part} 解压后超过 {mb} MB，评分表不会这么大（文件可能已损坏或是故意构造的）" /
        "{name}: the workbook's {part} inflates to more than {mb} MB, which no scoring table needs (the file may be damaged or made to hurt)";
    RUBRIC_BEYOND_LIMITS = "{name}: 工作簿在第 {rows} 行或第 {cols} 列之外还有内容（最先是 {cell}），评分表不会这么大（文件可能已损坏）；请只把评分表另存为一个工作簿" /
        "{name}: the workbook holds cells beyond row {rows} or column {cols} (the first: {cell}), more than a scoring table needs (the file may be damaged); save the table alone as a workbook";
    RUBRIC_CUT_NOTE = "{name}: 工作表“{sheet}”第 {rows} 行、第 {cols} 列之外的内容未读取（最先是 {cell}）" /
        "{name}: sheet \"{sheet}\": cells beyond row {rows} or column {cols} were not read (the first: {cell})";
    RUBRIC_CORRUPT_EXCEL = "{name}: 无法读取此 {excel} 工作簿，文件可能已损坏（{detail}）" /
        "{name}: cannot read this {excel} workbook, the file may be damaged ({detail})";
    RUBRIC_CORRUPT_WORD = "{name}: 无法读取此 {word} 文档，文件可能已损坏（{detail}）" /
        "{name}: cannot read this {word} document, the file may be damaged ({detail})";
    RUBRIC_ENCRYPTED = "{name}: 文件设有密码，无法读取；请取消密码另存一份后再导入" /
        "{name}: the file is password-protected; save a copy without the password and import that";
    RUBRIC_OLD_DOC = "{name}: 这是旧版 {word} 文档（{ext}），请另存为 .docx" /
        "{name}: this is an old {word} document ({ext}); save it as .docx";
    RUBRIC_ZIP_UNKNOWN = "{name}: 这是压缩包，但既不是 {excel} 工作簿也不是 {word} 文档" /
        "{name}: this is a zip archive but neither an {excel} workbook nor a {word} document";

    /// Places in a table, for messages.
    RUBRIC_ROW = "第 {row} 行" / "row {row}";
    RUBRIC_ROW_COLUMN = "第 {row} 行“{column}”列" / "row {row}, column {column}";
    RUBRIC_LINE = "第 {line} 行" / "line {line}";
    RUBRIC_LINE_COLUMN = "第 {line} 行“{column}”列" / "line {line}, column {column}";
    RUBRIC_CELL = "单元格 {cell}" / "cell {cell}";
    RUBRIC_TABLE_ROW = "表格 {table} 第 {row} 行" / "table {table}, row {row}";
    RUBRIC_TABLE_ROW_COLUMN = "表格 {table} 第 {row} 行“{column}”列" / "table {table}, row {row}, column {column}";

    /// A scoring table's columns, as its header names them.
    COLUMN_LEVEL1 = "一级指标" / "level1";
    COLUMN_LEVEL1_POINTS = "一级指标分值" / "level1_points";
    COLUMN_LEVEL2 = "二级指标" / "level2";
    COLUMN_LEVEL2_POINTS = "二级指标分值" / "level2_points";
    COLUMN_LEVEL3 = "三级指标" / "level3";
    COLUMN_POINTS = "分值" / "points";
    COLUMN_CRITERIA = "评分标准" / "criteria";

    /// The report's facts (`meta` keys an import writes), as the info page (`i`) names them; a
    /// key of the file's own that is none of these is shown as it is written.
    META_UNIT = "被评价单位" / "unit evaluated";
    META_SUBTITLE = "副标题" / "subtitle";
    META_YEAR = "年度" / "year";
    META_DATE = "日期" / "date";
    META_NUMBER = "文号" / "number";
    META_AUTHOR = "编制人" / "author";
    META_CODE = "编码" / "code";
    META_PROJECT = "项目" / "project";
    META_SOURCE = "原文件" / "source file";
    META_RUBRIC = "评分表" / "scoring table";
    META_LANG = "报告语言" / "report language";
    META_LANG_ZH = "中文" / "Chinese";
    META_LANG_EN = "英文" / "English";
}
