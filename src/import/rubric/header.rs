//! A scoring table's header: which column holds what (一级指标…, 分值, 评价标准…), found by
//! the names in its cells, over one row or two (a merged 基本指标 over 一级指标 and 二级指标);
//! and the cell readers the interpreter shares (points, `决策（20分）`, 合计 rows, level
//! numbers, names as a web page or a Word cell wraps them).

use super::grid::Grid;
use crate::import::numbering::narrow;

/// How many rows from the top a header row is looked for in (self-evaluation forms put theirs
/// below the project's details and its funds, and text read one cell a row puts the form's
/// cells above it one a row).
const HEADER_SEARCH: usize = 120;

/// What a header cell says its column holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Col {
    /// 一级指标 (1) … 四级指标 (4).
    Level(u8),
    /// 一级指标分值 …
    LevelPoints(u8),
    /// 指标名称 / 评价内容 / 考核内容 / 项目…: a name column without a level number; several
    /// are levels from left to right, the last the indicator (or with [`Col::LevelOf`]).
    Name,
    /// 级次 / 层级: each row's level.
    LevelOf,
    Points,
    Criteria,
    Explanation,
    SelfScore,
    /// 得分 / 评分: the score the table was filled in with (not read).
    Score,
    /// 序号 / 编号 (not read).
    Seq,
}

/// The headerless CSV's documented column order.
pub const HEADERLESS: [Col; 7] = [
    Col::Level(1),
    Col::LevelPoints(1),
    Col::Level(2),
    Col::LevelPoints(2),
    Col::Level(3),
    Col::Points,
    Col::Criteria,
];

/// A header cell without spaces, in half-width, lowercase, without a trailing `（分）` or `(%)`.
pub(super) fn normalise(cell: &str) -> String {
    let n: String = cell
        .trim_start_matches('\u{feff}')
        .chars()
        .map(narrow)
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    for unit in ["(分)", "(分值)", "(points)", "(%)", "(配分%)"] {
        if let Some(s) = n.strip_suffix(unit)
            && !s.is_empty()
        {
            return s.to_string();
        }
    }
    n
}

pub(super) const POINTS_WORDS: [&str; 8] =
    ["分值", "权重", "權重", "标准分", "標準分", "分数", "分數", "满分"];

/// The column a header cell names, if any.
pub fn column(cell: &str) -> Option<Col> {
    let n = normalise(cell);
    if n.is_empty() {
        return None;
    }
    for (i, prefixes) in [
        ["一级", "一級", "level1"],
        ["二级", "二級", "level2"],
        ["三级", "三級", "level3"],
        ["四级", "四級", "level4"],
    ]
    .iter()
    .enumerate()
    {
        let level = i as u8 + 1;
        for p in prefixes {
            if let Some(rest) = n.strip_prefix(p) {
                let rest = rest.trim_start_matches("指标").trim_start_matches("指標").trim_start_matches('_');
                if rest.is_empty() || rest == "名称" || rest == "名稱" {
                    return Some(Col::Level(level));
                }
                if POINTS_WORDS.contains(&rest) || rest == "points" || rest == "分" {
                    return Some(Col::LevelPoints(level));
                }
            }
        }
    }
    Some(match n.as_str() {
        "指标" | "指標" | "指标名称" | "指標名稱" | "评价指标" | "評價指標" | "考核指标" | "考核指標"
        | "具体指标" | "具體指標" | "评价内容" | "評價內容" | "考核内容" | "考核內容" | "考评内容"
        | "考評內容" | "考核项目" | "考核項目" | "评价项目" | "評價項目" | "项目" | "項目" | "内容"
        | "內容" | "indicator" | "name" => Col::Name,
        "级次" | "級次" | "层级" | "層級" | "指标层级" | "指标级次" | "级别" | "level" => {
            Col::LevelOf
        }
        "分值" | "权重" | "權重" | "权数" | "權數" | "标准分" | "標準分" | "标准分值" | "分数" | "分數"
        | "满分" | "滿分" | "指标分值" | "指標分值" | "指标权重" | "配分" | "points" | "max" | "weight" => {
            Col::Points
        }
        "评价标准"
        | "評價標準"
        | "评分标准"
        | "評分標準"
        | "计分标准"
        | "計分標準"
        | "考核标准"
        | "考核標準"
        | "评分细则"
        | "評分細則"
        | "评分办法"
        | "評分辦法"
        | "评分规则"
        | "评分方法"
        | "计分方法"
        | "评价要点"
        | "评分要点"
        | "评价内容(标准)"
        | "評價內容(標準)"
        | "评价内容及标准"
        | "criteria" => Col::Criteria,
        "指标解释" | "指標解釋" | "指标说明" | "指標說明" | "指标内涵" | "指標內涵" | "评价依据"
        | "評價依據" | "评分依据" | "評分依據" | "考核依据" | "explanation" => {
            Col::Explanation
        }
        "自评得分" | "自評得分" | "自评分" | "自評分" | "自评" | "自評" | "自评分数" | "自評分數"
        | "self_score" => Col::SelfScore,
        "得分" | "评分" | "評分" | "评价得分" | "評價得分" | "考评得分" | "考評得分" | "实际得分"
        | "score" => Col::Score,
        "序号" | "序號" | "编号" | "編號" | "no" | "no." => Col::Seq,
        _ => return None,
    })
}

/// A header found in a grid: one row, or two when a row of group names (基本指标, 评分标准…)
/// stands over the row that names the columns.
#[derive(Debug, Clone)]
pub(super) struct Header {
    /// The row naming the columns (the lower of two).
    pub(super) row: usize,
    pub(super) cols: Vec<Option<Col>>,
    /// The header's own words for columns (for messages), on one line.
    pub(super) texts: Vec<String>,
}

impl Header {
    pub(super) fn of_row(grid: &Grid, r: usize) -> Header {
        let row = grid.rows.get(r).map(Vec::as_slice).unwrap_or_default();
        let mut cols: Vec<Option<Col>> = row.iter().map(|c| column(c)).collect();
        let mut texts: Vec<String> = row.iter().map(|c| one_line(c)).collect();
        // A row above that names columns this row leaves unnamed (a merged 评分标准 over 项目,
        // 配分…, or 指标说明 beside a two-row group) lends them its names.
        if let Some(above) = r.checked_sub(1).and_then(|a| grid.rows.get(a)) {
            for (i, cell) in above.iter().enumerate() {
                let Some(col) = column(cell) else { continue };
                if matches!(col, Col::Level(_) | Col::Name | Col::LevelOf) {
                    continue;
                }
                if i < cols.len() && cols[i].is_none() && texts[i].is_empty() && !cols.contains(&Some(col)) {
                    cols[i] = Some(col);
                    texts[i] = one_line(cell);
                }
            }
        }
        Header { row: r, cols, texts }
    }

    fn levels(&self) -> usize {
        self.cols.iter().flatten().filter(|c| matches!(c, Col::Level(_) | Col::Name)).count()
    }

    fn has_level(&self) -> bool {
        self.levels() > 0
    }

    fn has_points(&self) -> bool {
        self.cols.iter().flatten().any(|c| matches!(c, Col::Points | Col::LevelPoints(_)))
    }

    /// Whether the row is a header this interpreter reads: a level or name column and a points
    /// column, or two level columns (the points then in the names: `相关性（5分）`).
    fn readable(&self) -> bool {
        (self.has_level() && self.has_points()) || self.levels() >= 2
    }
}

pub(super) enum Found {
    Header(Header),
    /// A row names a level column but no points column (or the reverse): the best try.
    Incomplete(Header),
    Nothing,
}

pub(super) fn find_header(grid: &Grid) -> Found {
    let mut best: Option<(usize, Header)> = None;
    for r in 0..grid.rows.len().min(HEADER_SEARCH) {
        let header = Header::of_row(grid, r);
        if header.readable() {
            return Found::Header(header);
        }
        let score = header.cols.iter().flatten().count();
        if score > 0 && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, header));
        }
    }
    best.map_or(Found::Nothing, |(_, h)| Found::Incomplete(h))
}

/// Whether the grid has a header row this interpreter reads (to choose a sheet or a table).
pub fn has_header(grid: &Grid) -> bool {
    matches!(find_header(grid), Found::Header(_))
}

/// Whether the first non-empty row names a level column (a CSV is then headed, not in the
/// documented order).
pub fn first_row_names_a_level(grid: &Grid) -> bool {
    grid.rows.iter().find(|r| r.iter().any(|c| !c.trim().is_empty())).is_some_and(|r| {
        r.iter().any(|c| matches!(column(c), Some(Col::Level(_) | Col::Name | Col::LevelOf)))
    })
}

/// A cell's text on one line (for messages): line breaks become spaces.
pub(super) fn one_line(cell: &str) -> String {
    cell.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x2E80..=0x2FDF)
        || matches!(c, '“' | '”' | '‘' | '’' | '（' | '）')
}

/// A name as a web page or a Word cell wraps it, on one line: `投 入\n(15分)` → `投入(15分)`,
/// `财政供养人员\n控制率` → `财政供养人员控制率`, `Degree of\nnecessity` → `Degree of necessity`.
/// Whitespace beside a Chinese character is dropped, other runs become one space.
pub fn clean_name(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut pending = false;
    for c in cell.trim().chars() {
        if c.is_whitespace() {
            pending = true;
            continue;
        }
        if pending && !out.chars().last().is_some_and(cjk) && !cjk(c) {
            out.push(' ');
        }
        pending = false;
        out.push(c);
    }
    out
}

/// `5`, `５`, `5分`, `5.0`, `5 points`, `20%` → 5.0 (20.0); empty → None; anything else is an error.
pub(crate) fn points(cell: &str) -> Result<Option<f64>, ()> {
    let s: String = cell.chars().map(narrow).filter(|c| !c.is_whitespace()).collect();
    let s = s.to_lowercase();
    let s = s
        .trim_end_matches("points")
        .trim_end_matches("point")
        .trim_end_matches("pts")
        .trim_end_matches('分')
        .trim_end_matches('%');
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite()).map(Some).ok_or(())
}

/// Whether a cell holds a number (of points or anything else): `5`, `5分`, `100.00%`.
pub(super) fn is_number(cell: &str) -> bool {
    matches!(points(cell), Ok(Some(_)))
}

/// `决策（20分）`, `决策(20分)`, `决策 20分`, `Decision (10.8%)`, `投 入\n(15分)` → (`决策`, 20);
/// a cell that is only points, `(20分)`, keeps them as its name; other names as they are (on
/// one line).
pub fn split_points(name: &str) -> (String, Option<f64>) {
    // `决策 20分`: the points after a space, before the name is put on one line.
    let raw = name.trim();
    if let Some(before) = raw.strip_suffix('分')
        && let Some(space) = before.rfind(char::is_whitespace)
        && let Ok(Some(p)) = points(&before[space..])
    {
        let rest = clean_name(&before[..space]);
        if !rest.is_empty() {
            return (rest, Some(p));
        }
    }
    let t = clean_name(name);
    let t = t.as_str();
    // A cell that is only points (`(20分)`, `2分`): its name is lost, the points are its name.
    let bare = t.trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
    if (bare.contains('分') || bare.contains('%'))
        && let Ok(Some(p)) = points(bare)
    {
        return (t.to_string(), Some(p));
    }
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = t.strip_suffix(close)
            && let Some(i) = inner.rfind(open)
        {
            let body = &inner[i + open.len_utf8()..];
            let lower = body.to_lowercase();
            let with_unit = body.contains('分') || body.contains('%') || lower.contains("point");
            if with_unit && let Ok(Some(p)) = points(body) {
                let rest = inner[..i].trim();
                return (if rest.is_empty() { t.to_string() } else { rest.to_string() }, Some(p));
            }
        }
    }
    (t.to_string(), None)
}

/// Whether a name is no name: empty, only points (`(20分)`), or a form's placeholder (`……`,
/// `/`, `指标2`, `指标1` with nothing after).
pub(super) fn placeholder(name: &str) -> bool {
    let n = normalise(name);
    if n.is_empty() || n.chars().all(|c| "…….。·-—_/、".contains(c)) {
        return true;
    }
    let digits = n.trim_start_matches("指标").trim_start_matches("指標");
    digits.len() < n.len() && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// A 合计 / 总分 row's first word.
pub(super) fn is_total(cell: &str) -> bool {
    let n = normalise(cell);
    matches!(
        n.as_str(),
        "合计"
            | "合計"
            | "总计"
            | "總計"
            | "总分"
            | "總分"
            | "总计分值"
            | "合计分值"
            | "总分值"
            | "满分合计"
            | "total"
    )
}

/// A 小计 row (a block's subtotal, read past).
pub(super) fn is_subtotal(cell: &str) -> bool {
    let n = normalise(cell);
    matches!(n.as_str(), "小计" | "小計" | "分项小计" | "分項小計" | "得分小计" | "subtotal")
}

pub(super) fn level_of(cell: &str) -> Option<usize> {
    let n = normalise(cell);
    let n = n.trim_end_matches("指标").trim_end_matches("指標").trim_end_matches('级').trim_end_matches('級');
    let n = n.trim_start_matches("level").trim_start_matches('第');
    let level = match n {
        "一" => 1,
        "二" => 2,
        "三" => 3,
        "四" => 4,
        "五" => 5,
        _ => n.parse::<f64>().ok().filter(|v| v.fract() == 0.0 && *v >= 1.0 && *v <= 9.0)? as usize,
    };
    Some(level)
}

/// How a name is numbered, as a kind of numbering (`一、` 1, `（一）` 2, `1.`/`1、` 3, `（1）` 4,
/// `①` 5; `1.1` 10 + dots), or None.
pub(super) fn numbering(name: &str) -> Option<usize> {
    let t: String = name.trim().chars().map(narrow).collect();
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = t.chars().peekable();
    let first = *chars.peek()?;
    if first == '(' {
        chars.next();
        let body: String = chars.by_ref().take_while(|&c| c != ')').collect();
        if !body.is_empty() && body.chars().all(cn) {
            return Some(2);
        }
        if !body.is_empty() && body.chars().all(|c| c.is_ascii_digit()) {
            return Some(4);
        }
        return None;
    }
    if ('①'..='⑳').contains(&first) {
        return Some(5);
    }
    if cn(first) {
        let body: String = t.chars().take_while(|&c| cn(c)).collect();
        return t[body.len()..].starts_with('、').then_some(1);
    }
    if first.is_ascii_digit() {
        let number: String = t.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        let rest = &t[number.len()..];
        let dots = number.trim_end_matches('.').matches('.').count();
        if dots > 0 {
            return Some(10 + dots);
        }
        if number.ends_with('.') || rest.starts_with('、') || rest.starts_with(' ') {
            return Some(3);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_as_pages_wrap_them() {
        assert_eq!(clean_name("投 入\n(15分)"), "投入(15分)");
        assert_eq!(clean_name("财政供养人员\n控制率"), "财政供养人员控制率");
        assert_eq!(clean_name("“三公经费”\n变动率"), "“三公经费”变动率");
        assert_eq!(
            clean_name("Degree of\nproject necessity (points)"),
            "Degree of project necessity (points)"
        );
        assert_eq!(split_points("投 入\n(15分)"), ("投入".into(), Some(15.0)));
        assert_eq!(split_points("任务分解 (2分)"), ("任务分解".into(), Some(2.0)));
        assert_eq!(split_points("Decision (10.8%)"), ("Decision".into(), Some(10.8)));
        assert_eq!(split_points("(20分)"), ("(20分)".into(), Some(20.0)));
        assert_eq!(split_points("(10)"), ("(10)".into(), None));
        assert_eq!(split_points("2分"), ("2分".into(), Some(2.0)));
    }

    #[test]
    fn placeholders_and_numbering() {
        assert!(placeholder("……") && placeholder("指标2") && placeholder(" / ") && placeholder(""));
        assert!(!placeholder("指标1工程资金金额") && !placeholder("相关性"));
        assert_eq!(numbering("一、评价前期工作组情况"), Some(1));
        assert_eq!(numbering("（二）项目组织"), Some(2));
        assert_eq!(numbering("1、评价工作组人员专业能力"), Some(3));
        assert_eq!(numbering("2.组织管理"), Some(3));
        assert_eq!(numbering("1.1.2 建立了档案"), Some(12));
        assert_eq!(numbering("相关性"), None);
        assert_eq!(numbering("2017年度"), None);
    }
}
