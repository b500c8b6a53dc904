//! `appraise search`: its help and what it prints.

crate::words! {
    HELP_SEARCH_REPORT = "要搜索的报告" / "The report to search";
    ABOUT_SEARCH = "在终端外搜索报告：按搜索框的同一排序，每个结果一行（或 {json}），含编号、所在章节、标题和匹配位置" /
        "Search a report from the shell: the search box's ranked hits, a line each (or {json}), with id, section path, title and match positions";
    HELP_SEARCH_QUERY = "搜索词：空格分隔，全部须匹配；'词 精确匹配，^词 开头，词$ 结尾，!词 排除" /
        "What to look for: space-separated terms, all of which must match; 'term exact, ^term prefix, term$ suffix, !term not";
    HELP_SEARCH_JSON = "输出 {json} 数组（见 {schema}）" / "Print a {json} array (see {schema})";
    VALUE_QUERY = "搜索词" / "QUERY";
    HELP_SEARCH_LIMIT = "最多显示多少个结果（默认：全部）" / "Show at most N hits (default: all)";
    /// A hit's kind, in the plain output.
    KIND_ITEM = "评分项" / "item";
    KIND_SECTION = "章节" / "section";
    /// Between the titles of a hit's sections.
    PATH_SEP = " › " / " › ";
}
