//! A scoring table (评分表) as CSV: 一级指标 and 二级指标 groups, 三级指标 with their points and
//! 评分标准.
//!
//! Columns: `level1,level1_points,level2,level2_points,level3,points[,criteria]` — by these
//! header names or their Chinese ones (一级指标, 一级指标分值, 二级指标, 二级指标分值, 三级指标,
//! 分值, 评分标准), or in this order when there is no header. Cells left empty under a merged
//! 一级/二级 cell take the value above. Points that do not add up are reported as warnings.

use super::Lang;
use crate::import::decode::decode;
use crate::import::outline::narrow;
use crate::scores::fmt_num;
use crate::words::rubric as w;

/// The table as read: three levels.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub groups: Vec<Level1>,
    pub warnings: Vec<String>,
    pub lang: Lang,
    pub declared_total: Option<f64>,
}

impl Parsed {
    pub fn into_rubric(self) -> super::Rubric {
        let mut indicators = Vec::new();
        for g1 in self.groups {
            for g2 in g1.groups {
                for ind in g2.items {
                    indicators.push(super::Indicator {
                        groups: vec![
                            super::Group { name: g1.name.clone(), points: g1.points },
                            super::Group { name: g2.name.clone(), points: g2.points },
                        ],
                        name: ind.name,
                        points: ind.points,
                        criteria: ind.criteria,
                        explanation: None,
                        self_score: None,
                        place: crate::words::rubric::RUBRIC_ROW.fill(&[("row", &ind.row)]),
                    });
                }
            }
        }
        super::Rubric {
            indicators,
            declared_total: self.declared_total,
            warnings: self.warnings,
            notes: Vec::new(),
            lang: self.lang,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level1 {
    pub name: String,
    pub points: Option<f64>,
    pub groups: Vec<Level2>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level2 {
    pub name: String,
    pub points: Option<f64>,
    pub items: Vec<Indicator>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub name: String,
    pub points: f64,
    pub criteria: Option<String>,
    /// The CSV row (1-based, counting the header), for messages.
    pub row: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Col {
    Level1,
    Level1Points,
    Level2,
    Level2Points,
    Level3,
    Points,
    Criteria,
}

const ORDER: [Col; 7] =
    [Col::Level1, Col::Level1Points, Col::Level2, Col::Level2Points, Col::Level3, Col::Points, Col::Criteria];

fn column(name: &str) -> Option<Col> {
    let n: String =
        name.chars().map(narrow).filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    let n = n.trim_start_matches('\u{feff}');
    Some(match n {
        "level1" | "一级指标" | "一级" | "一級指標" => Col::Level1,
        "level1_points" | "一级指标分值" | "一级分值" | "一级指标权重" | "一級指標分值" => {
            Col::Level1Points
        }
        "level2" | "二级指标" | "二级" | "二級指標" => Col::Level2,
        "level2_points" | "二级指标分值" | "二级分值" | "二级指标权重" | "二級指標分值" => {
            Col::Level2Points
        }
        "level3" | "三级指标" | "三级" | "三級指標" | "指标" | "indicator" => Col::Level3,
        "points" | "分值" | "权重" | "權重" | "max" | "三级指标分值" | "标准分" | "分数" => {
            Col::Points
        }
        "criteria" | "评分标准" | "評分標準" | "评分细则" | "评分规则" | "指标解释" => {
            Col::Criteria
        }
        _ => return None,
    })
}

/// `5`, `５`, `5分`, `5 points` → 5.0; empty → None; anything else is an error.
fn points(cell: &str) -> Result<Option<f64>, ()> {
    let s: String = cell.chars().map(narrow).filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_end_matches("points").trim_end_matches("pts").trim_end_matches('分');
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite()).map(Some).ok_or(())
}

fn fmt(v: f64) -> String {
    fmt_num(v)
}

/// Reads a rubric CSV (UTF-8, GBK, UTF-16…); `name` is the file name for messages.
pub fn parse(bytes: &[u8], name: &str) -> Result<Parsed, String> {
    let text = decode(bytes).map_err(|e| format!("{name}: {e}"))?.text;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| at_row(w::RUBRIC_BAD_CSV, name, i + 1, &[("detail", &e)]))?;
        let cells: Vec<String> = rec.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().any(|c| !c.is_empty()) {
            records.push((i + 1, cells));
        }
    }
    let Some((_, first)) = records.first() else {
        return Err(w::RUBRIC_EMPTY.fill(&[("name", &name)]));
    };
    let named: Vec<Option<Col>> = first.iter().map(|c| column(c)).collect();
    let cols: Vec<Option<Col>> = if named.iter().any(Option::is_some) {
        for needed in [Col::Level1, Col::Level2, Col::Level3, Col::Points] {
            if !named.contains(&Some(needed)) {
                return Err(w::RUBRIC_NO_COLUMN.fill(&[
                    ("name", &name),
                    ("column", &header_name(needed)),
                    ("columns", &header_names()),
                ]));
            }
        }
        records.remove(0);
        named
    } else {
        ORDER.iter().map(|&c| Some(c)).collect()
    };
    let get = |cells: &[String], col: Col| -> String {
        cols.iter().position(|&c| c == Some(col)).and_then(|i| cells.get(i)).cloned().unwrap_or_default()
    };
    let all_text: String = records.iter().flat_map(|(_, c)| c.iter().map(String::as_str)).collect();
    let mut rubric = Parsed {
        groups: Vec::new(),
        warnings: Vec::new(),
        lang: Lang::of_texts([all_text.as_str()]),
        declared_total: None,
    };
    let mut declared_total: Option<f64> = None;
    let (mut last1, mut last2) = (String::new(), String::new());
    for (row, cells) in &records {
        let num = |col: Col| -> Result<Option<f64>, String> {
            let cell = get(cells, col);
            points(&cell).map_err(|()| {
                let cell_and_column: [(&str, &dyn std::fmt::Display); 2] =
                    [("column", &header_name(col)), ("cell", &cell)];
                at_row(w::RUBRIC_NOT_POINTS, name, *row, &cell_and_column)
            })
        };
        let mut l1 = get(cells, Col::Level1);
        let mut l2 = get(cells, Col::Level2);
        let l3 = get(cells, Col::Level3);
        if matches!(l1.as_str(), "合计" | "总计" | "總計" | "总分" | "合計" | "total" | "Total" | "TOTAL")
        {
            declared_total = num(Col::Points)?.or(num(Col::Level1Points)?);
            continue;
        }
        if l1.is_empty() {
            l1 = last1.clone();
        }
        if l2.is_empty() && l1 == last1 {
            l2 = last2.clone();
        }
        if l1.is_empty() || l2.is_empty() || l3.is_empty() {
            let missing = if l1.is_empty() {
                Col::Level1
            } else if l2.is_empty() {
                Col::Level2
            } else {
                Col::Level3
            };
            let column: (&str, &dyn std::fmt::Display) = ("column", &header_name(missing));
            return Err(at_row(w::RUBRIC_EMPTY_CELL, name, *row, &[column]));
        }
        let empty_points = || {
            let column: (&str, &dyn std::fmt::Display) = ("column", &header_name(Col::Points));
            at_row(w::RUBRIC_EMPTY_CELL, name, *row, &[column])
        };
        let p = num(Col::Points)?.ok_or_else(empty_points)?;
        if p <= 0.0 {
            let more: [(&str, &dyn std::fmt::Display); 2] =
                [("column", &header_name(Col::Points)), ("points", &fmt(p))];
            return Err(at_row(w::RUBRIC_POINTS_POSITIVE, name, *row, &more));
        }
        let (p1, p2) = (num(Col::Level1Points)?, num(Col::Level2Points)?);
        let criteria = Some(get(cells, Col::Criteria)).filter(|c| !c.is_empty());
        if rubric.groups.last().is_none_or(|g| g.name != l1) {
            rubric.groups.push(Level1 { name: l1.clone(), points: p1, groups: Vec::new() });
        }
        let g1 = rubric.groups.last_mut().expect("just pushed");
        if let (Some(had), Some(now)) = (g1.points, p1)
            && had != now
        {
            let more: [(&str, &dyn std::fmt::Display); 4] =
                [("level", &"一级指标"), ("group", &l1), ("now", &fmt(now)), ("had", &fmt(had))];
            rubric.warnings.push(at_row(w::RUBRIC_POINTS_DIFFER, name, *row, &more));
        }
        g1.points = g1.points.or(p1);
        if g1.groups.last().is_none_or(|g| g.name != l2) {
            g1.groups.push(Level2 { name: l2.clone(), points: p2, items: Vec::new() });
        }
        let g2 = g1.groups.last_mut().expect("just pushed");
        if let (Some(had), Some(now)) = (g2.points, p2)
            && had != now
        {
            let more: [(&str, &dyn std::fmt::Display); 4] =
                [("level", &"二级指标"), ("group", &l2), ("now", &fmt(now)), ("had", &fmt(had))];
            rubric.warnings.push(at_row(w::RUBRIC_POINTS_DIFFER, name, *row, &more));
        }
        g2.points = g2.points.or(p2);
        g2.items.push(Indicator { name: l3, points: p, criteria, row: *row });
        (last1, last2) = (l1, l2);
    }
    if rubric.groups.is_empty() {
        return Err(w::RUBRIC_NO_ROWS.fill(&[("name", &name)]));
    }
    check_sums(&mut rubric, name, declared_total);
    rubric.declared_total = declared_total;
    Ok(rubric)
}

/// `word` filled for the table `name`, row `row` (1-based), and `more`.
fn at_row(
    word: crate::words::Word,
    name: &str,
    row: usize,
    more: &[(&str, &dyn std::fmt::Display)],
) -> String {
    let mut args: Vec<(&str, &dyn std::fmt::Display)> = vec![("name", &name), ("row", &row)];
    args.extend_from_slice(more);
    word.fill(&args)
}

/// A column's header name as messages give it: `level1` (in Chinese, 一级指标).
fn header_name(col: Col) -> &'static str {
    match col {
        Col::Level1 => w::COLUMN_LEVEL1,
        Col::Level1Points => w::COLUMN_LEVEL1_POINTS,
        Col::Level2 => w::COLUMN_LEVEL2,
        Col::Level2Points => w::COLUMN_LEVEL2_POINTS,
        Col::Level3 => w::COLUMN_LEVEL3,
        Col::Points => w::COLUMN_POINTS,
        Col::Criteria => w::COLUMN_CRITERIA,
    }
    .get()
}

/// Every column, as a header row: `level1,level1_points,…,points[,criteria]`.
fn header_names() -> String {
    let required: Vec<&str> = ORDER[..6].iter().map(|&c| header_name(c)).collect();
    format!("{}[,{}]", required.join(","), header_name(Col::Criteria))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

fn check_sums(rubric: &mut Parsed, name: &str, declared_total: Option<f64>) {
    let mut warnings = Vec::new();
    for g1 in &rubric.groups {
        for g2 in &g1.groups {
            let sum: f64 = g2.items.iter().map(|i| i.points).sum();
            if let Some(declared) = g2.points
                && !close(sum, declared)
            {
                warnings.push(w::RUBRIC_LEVEL2_SUM.fill(&[
                    ("name", &name),
                    ("level2", &"二级指标"),
                    ("group", &g2.name),
                    ("parent", &g1.name),
                    ("declared", &fmt(declared)),
                    ("level3", &"三级指标"),
                    ("sum", &fmt(sum)),
                ]));
            }
        }
        let sum: f64 = g1.groups.iter().flat_map(|g| &g.items).map(|i| i.points).sum();
        if let Some(declared) = g1.points
            && !close(sum, declared)
        {
            warnings.push(w::RUBRIC_LEVEL1_SUM.fill(&[
                ("name", &name),
                ("level1", &"一级指标"),
                ("group", &g1.name),
                ("declared", &fmt(declared)),
                ("sum", &fmt(sum)),
            ]));
        }
    }
    let total = rubric.total();
    if let Some(declared) = declared_total
        && !close(declared, total)
    {
        warnings.push(w::RUBRIC_TOTAL.fill(&[
            ("name", &name),
            ("declared", &fmt(declared)),
            ("sum", &fmt(total)),
        ]));
    }
    rubric.warnings.extend(warnings);
}

impl Parsed {
    pub fn total(&self) -> f64 {
        self.groups.iter().flat_map(|g| &g.groups).flat_map(|g| &g.items).map(|i| i.points).sum()
    }

    pub fn indicators(&self) -> usize {
        self.groups.iter().flat_map(|g| &g.groups).map(|g| g.items.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_by_chinese_names_and_merged_cells() {
        let csv = "一级指标,一级指标分值,二级指标,二级指标分值,三级指标,分值,评分标准\n决策,10,目标,10,相关性,5,相关的得满分\n,,,,明确性,５分,\n";
        let r = parse(csv.as_bytes(), "r.csv").unwrap();
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.total(), 10.0);
        let r = r.into_rubric();
        assert_eq!(
            r.indicators[1].groups[0],
            super::super::Group { name: "决策".into(), points: Some(10.0) }
        );
        assert_eq!((r.indicators[1].name.as_str(), r.indicators[1].points), ("明确性", 5.0));
    }

    #[test]
    fn mismatches_are_reported() {
        let csv = "决策,10,目标,6,相关性,5\n决策,10,目标,6,明确性,2\n决策,10,编制,4,依据,2\n";
        let r = parse(csv.as_bytes(), "r.csv").unwrap();
        assert_eq!(r.warnings.len(), 3, "{:?}", r.warnings);
        assert!(r.warnings[0].contains("“目标” (决策) is worth 6 points but its 三级指标 add up to 7"));
    }

    #[test]
    fn bad_cells_name_the_row_and_column() {
        let err = parse(
            "level1,level1_points,level2,level2_points,level3,points\n决策,10,目标,10,相关性,five\n"
                .as_bytes(),
            "r.csv",
        )
        .unwrap_err();
        assert_eq!(err, "r.csv: row 2, column points: \"five\" is not a number of points");
        let err = parse(b"a,b,c\n", "r.csv").unwrap_err();
        assert!(err.contains("row 1"), "{err}");
        assert!(parse(b"level1,x\n", "r.csv").unwrap_err().contains("no level2 column"));
        assert!(parse(b"", "r.csv").unwrap_err().contains("empty"));
    }
}
