//! A scoring table's header: which column holds what (一级指标…, 分值, 评价标准…), found by
//! the names in its cells; and the cell readers the interpreter shares (points, `决策（20分）`,
//! 合计 rows, level numbers).

use super::grid::Grid;
use crate::import::numbering::narrow;

/// How many rows from the top a header row is looked for in.
const HEADER_SEARCH: usize = 30;

/// What a header cell says its column holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Col {
    /// 一级指标 (1) … 四级指标 (4).
    Level(u8),
    /// 一级指标分值 …
    LevelPoints(u8),
    /// 指标名称 / 指标: the indicator (the level below the others, or with [`Col::LevelOf`]).
    Name,
    /// 级次 / 层级: each row's level.
    LevelOf,
    Points,
    Criteria,
    Explanation,
    SelfScore,
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

/// A header cell without spaces, in half-width, lowercase, without a trailing `（分）`.
pub(super) fn normalise(cell: &str) -> String {
    let n: String = cell
        .trim_start_matches('\u{feff}')
        .chars()
        .map(narrow)
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    for unit in ["(分)", "(分值)", "(points)"] {
        if let Some(s) = n.strip_suffix(unit) {
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
        "指标" | "指標" | "指标名称" | "指標名稱" | "评价指标" | "評價指標" | "考核指标" | "indicator"
        | "name" => Col::Name,
        "级次" | "級次" | "层级" | "層級" | "指标层级" | "指标级次" | "级别" | "level" => {
            Col::LevelOf
        }
        "分值" | "权重" | "權重" | "标准分" | "標準分" | "分数" | "分數" | "满分" | "指标分值"
        | "指标权重" | "points" | "max" | "weight" => Col::Points,
        "评价标准" | "評價標準" | "评分标准" | "評分標準" | "评分细则" | "評分細則" | "评分办法"
        | "評分辦法" | "评分规则" | "评分方法" | "计分方法" | "criteria" => Col::Criteria,
        "指标解释" | "指標解釋" | "指标说明" | "指標說明" | "指标内涵" | "指標內涵" | "explanation" => {
            Col::Explanation
        }
        "自评得分" | "自評得分" | "自评分" | "自評分" | "self_score" => Col::SelfScore,
        _ => return None,
    })
}

/// A header row found in a grid.
#[derive(Debug, Clone)]
pub(super) struct Header {
    pub(super) row: usize,
    pub(super) cols: Vec<Option<Col>>,
    /// The header's own words for columns (for messages).
    pub(super) texts: Vec<String>,
}

impl Header {
    fn has_level(&self) -> bool {
        self.cols.iter().flatten().any(|c| matches!(c, Col::Level(_) | Col::Name))
    }

    fn has_points(&self) -> bool {
        self.cols.iter().flatten().any(|c| matches!(c, Col::Points | Col::LevelPoints(_)))
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
    for (r, row) in grid.rows.iter().enumerate().take(HEADER_SEARCH) {
        let cols: Vec<Option<Col>> = row.iter().map(|c| column(c)).collect();
        let header = Header { row: r, texts: row.iter().map(|c| c.trim().to_string()).collect(), cols };
        if header.has_level() && header.has_points() {
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

/// `决策（20分）`, `决策(20分)`, `决策 20分` → (`决策`, 20); other names as they are.
pub fn split_points(name: &str) -> (String, Option<f64>) {
    let t = name.trim();
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = t.strip_suffix(close)
            && let Some(i) = inner.rfind(open)
        {
            let body = &inner[i + open.len_utf8()..];
            let with_unit = body.contains('分') || body.to_lowercase().contains("point");
            if with_unit && let Ok(Some(p)) = points(body) {
                let rest = inner[..i].trim();
                if !rest.is_empty() {
                    return (rest.to_string(), Some(p));
                }
            }
        }
    }
    if let Some(before) = t.strip_suffix('分')
        && let Some(space) = before.rfind(char::is_whitespace)
        && let Ok(Some(p)) = points(&before[space..])
    {
        let rest = before[..space].trim();
        if !rest.is_empty() {
            return (rest.to_string(), Some(p));
        }
    }
    (t.to_string(), None)
}

pub(super) fn is_total(cell: &str) -> bool {
    let n = normalise(cell);
    matches!(
        n.as_str(),
        "合计" | "合計" | "总计" | "總計" | "总分" | "總分" | "总计分值" | "合计分值" | "total"
    )
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
