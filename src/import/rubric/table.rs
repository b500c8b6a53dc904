//! Any scoring table as a grid of cells → [`Rubric`]: the one interpreter behind every reader.
//!
//! The header is found by its names, not its position ([`header`](super::header)); which column
//! holds what follows from it ([`layout`](super::layout)), and where a header allows two
//! readings (a 分值 after every level: each the level's, or the first the indicators') both are
//! read ([`rows`](super::rows)) and the one that adds up to the table's own total is kept
//! ([`readings`](super::readings)). What is not understood is noted; what cannot be read is an
//! error naming the row or cell.

use super::grid::Grid;
use super::header::*;
pub use super::header::{Col, HEADERLESS, column, first_row_names_a_level, has_header, split_points};
use super::layout::Layout;
use super::{Group, Indicator, Lang, Rubric, funds, readings, rows, step};
use crate::scores::fmt_num;
use crate::words::errors::LIST_SEP;
use crate::words::rubric as w;

/// The table's title: the last row above the header that holds one text only (a merged title
/// cell, or one cell), four characters at least.
fn title_above(grid: &Grid, header: usize) -> Option<String> {
    grid.rows.iter().take(header).rev().find_map(|row| {
        let mut texts: Vec<&str> = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        texts.dedup();
        (texts.len() == 1 && texts[0].chars().count() >= 4 && !is_number(texts[0]))
            .then(|| one_line(texts[0]))
    })
}

/// Reads `grid` as a scoring table; `name` is the file's name for messages. `fixed` gives the
/// columns of a headerless table (every row is data).
pub fn interpret(grid: &Grid, name: &str, fixed: Option<&[Col]>) -> Result<Rubric, String> {
    if grid.rows.iter().all(|r| r.iter().all(|c| c.trim().is_empty())) {
        return Err(w::RUBRIC_EMPTY.fill(&[("name", &name)]));
    }
    let header = match fixed {
        Some(cols) => Header {
            row: usize::MAX,
            cols: cols.iter().map(|&c| Some(c)).collect(),
            texts: cols.iter().map(|&c| catalogue_name(c)).collect(),
        },
        None => match find_header(grid) {
            Found::Header(h) => h,
            Found::Incomplete(h) => return Err(super::layout::no_columns(name, &h.texts)),
            Found::Nothing => {
                let first = grid.rows.iter().find(|r| r.iter().any(|c| !c.trim().is_empty()));
                let texts: Vec<String> =
                    first.map(|r| r.iter().map(|c| one_line(c)).collect()).unwrap_or_default();
                return Err(super::layout::no_columns(name, &texts));
            }
        },
    };
    let first_data = if fixed.is_some() { 0 } else { header.row + 1 };
    let layout = Layout::of(&header);
    let mut layouts = vec![(w::RUBRIC_READING_LEVELS.get().to_string(), layout.clone())];
    if let Some(other) = Layout::first_points(&header) {
        layouts.push((w::RUBRIC_READING_FIRST_POINTS.get().to_string(), other));
    }
    let mut trees = Vec::new();
    let mut first_error = None;
    for (label, layout) in &layouts {
        match rows::read(grid, name, &header, layout, first_data) {
            Ok(tree) => trees.push((label.clone(), tree)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if trees.is_empty() {
        return Err(first_error.unwrap_or_else(|| w::RUBRIC_NO_ROWS.fill(&[("name", &name)])));
    }
    let funds = if fixed.is_some() { None } else { funds::find(grid, header.row) };
    let candidates = readings::candidates(trees, funds.as_ref(), grid);
    let (tree, chosen) = readings::choose(candidates, name)?;

    let indicators: Vec<Indicator> = tree
        .leaves
        .iter()
        .map(|leaf| Indicator {
            groups: leaf
                .groups
                .iter()
                .map(|&g| Group { name: tree.groups[g].name.clone(), points: tree.groups[g].points })
                .collect(),
            name: leaf.name.clone(),
            points: leaf.points,
            criteria: leaf.criteria.clone(),
            explanation: leaf.explanation.clone(),
            self_score: leaf.self_score,
            place: leaf.place.clone(),
            step: Some(step::of(leaf.points, &[leaf.criteria.as_deref(), leaf.explanation.as_deref()])),
        })
        .collect();
    let mut warnings = tree.warnings.clone();
    readings::check_sums(&tree, &tree.leaves, 0, name, &mut warnings);
    let total: f64 = indicators.iter().map(|i| i.points).sum();
    if tree.declared_total.is_none() && (total - 100.0).abs() >= 0.005 {
        warnings.push(w::RUBRIC_NOT_100.fill(&[("name", &name), ("sum", &fmt_num(total))]));
    }
    let mut notes = Vec::new();
    notes.extend(chosen);
    if !layout.ignored.is_empty() {
        let columns = layout.ignored.join(LIST_SEP.get());
        notes.push(w::RUBRIC_COLUMNS_IGNORED.fill(&[("name", &name), ("columns", &columns)]));
    }
    if !tree.skipped.is_empty() {
        let places = tree.skipped.join(LIST_SEP.get());
        notes.push(w::RUBRIC_ROWS_SKIPPED.fill(&[("name", &name), ("places", &places)]));
    }
    let text: String = grid
        .rows
        .iter()
        .skip(first_data)
        .flat_map(|r| r.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    let title = if fixed.is_some() { None } else { title_above(grid, header.row) };
    Ok(Rubric {
        title,
        indicators,
        declared_total: tree.declared_total,
        warnings,
        notes,
        lang: Lang::of_texts([text.as_str()]),
    })
}

/// A headerless table's column, as messages name it.
fn catalogue_name(col: Col) -> String {
    match col {
        Col::Level(1) => w::COLUMN_LEVEL1.get(),
        Col::LevelPoints(1) => w::COLUMN_LEVEL1_POINTS.get(),
        Col::Level(2) => w::COLUMN_LEVEL2.get(),
        Col::LevelPoints(2) => w::COLUMN_LEVEL2_POINTS.get(),
        Col::Level(_) => w::COLUMN_LEVEL3.get(),
        Col::Criteria => w::COLUMN_CRITERIA.get(),
        _ => w::COLUMN_POINTS.get(),
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::super::grid::{Places, column_letters};
    use super::*;

    fn grid(text: &str) -> Grid {
        Grid::new(
            text.lines().map(|l| l.split(',').map(str::to_string).collect()).collect(),
            Places::Cells { row0: 0, col0: 0 },
        )
    }

    #[test]
    fn column_names() {
        assert_eq!(column("一级指标"), Some(Col::Level(1)));
        assert_eq!(column(" 二级指标分值 "), Some(Col::LevelPoints(2)));
        assert_eq!(column("level1_points"), Some(Col::LevelPoints(1)));
        assert_eq!(column("分值（分）"), Some(Col::Points));
        assert_eq!(column("评分办法"), Some(Col::Criteria));
        assert_eq!(column("指标内涵"), Some(Col::Explanation));
        assert_eq!(column("自评分"), Some(Col::SelfScore));
        assert_eq!(column("级次"), Some(Col::LevelOf));
        assert_eq!(column("备注"), None);
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn points_in_cells_and_names() {
        assert_eq!(points("５"), Ok(Some(5.0)));
        assert_eq!(points("5分"), Ok(Some(5.0)));
        assert_eq!(points("5.0"), Ok(Some(5.0)));
        assert_eq!(points(""), Ok(None));
        assert_eq!(points("若干"), Err(()));
        assert_eq!(split_points("决策（20分）"), ("决策".into(), Some(20.0)));
        assert_eq!(split_points("决策(20分)"), ("决策".into(), Some(20.0)));
        assert_eq!(split_points("决策 20分"), ("决策".into(), Some(20.0)));
        assert_eq!(split_points("部门特性指标（自定）"), ("部门特性指标（自定）".into(), None));
    }

    #[test]
    fn title_rows_merged_cells_total_and_notes() {
        let g = grid(
            "评分表,,,,\n序号,一级指标,二级指标,三级指标,分值\n1,决策（10分）,目标,相关性,5\n2,,,明确性,５分\n3,过程,管理,制度,90\n合计,,,,100\n4,x,y,z,1",
        );
        let r = interpret(&g, "r.xlsx", None).unwrap();
        assert_eq!(r.indicators.len(), 3);
        assert_eq!(r.indicators[1].groups[0], Group { name: "决策".into(), points: Some(10.0) });
        assert_eq!(r.indicators[1].place, "D4");
        assert_eq!(r.declared_total, Some(100.0));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert_eq!(r.notes, ["r.xlsx: columns not read: 序号"]);
    }

    #[test]
    fn problems_name_the_cell_or_row() {
        let _en = crate::words::pin(Lang::En);
        let err = interpret(&grid("一级指标,三级指标,分值\n决策,相关性,若干"), "r.xlsx", None).unwrap_err();
        assert_eq!(err, "r.xlsx: cell C2: \"若干\" is not a number of points");
        let err =
            interpret(&grid("一级指标,二级指标,三级指标,分值\n决策,目标,,5"), "r.xlsx", None).unwrap_err();
        assert!(err.contains("row 2: the indicator has no name"), "{err}");
        let err = interpret(&grid("名称,说明\n决策,x"), "r.xlsx", None).unwrap_err();
        assert!(err.starts_with("r.xlsx: no header row"), "{err}");
        assert!(err.contains("columns found: 名称, 说明"), "{err}");
        let err = interpret(&grid("一级指标,三级指标,分值"), "r.xlsx", None).unwrap_err();
        assert!(err.contains("no indicator rows"), "{err}");
    }

    #[test]
    fn warnings_for_sums_duplicates_and_totals() {
        let _en = crate::words::pin(Lang::En);
        let g = grid("一级指标,一级指标分值,三级指标,分值\n决策,10,相关性,5\n,,相关性,4\n过程,20,制度,3");
        let r = interpret(&g, "r.csv", None).unwrap();
        let all = r.warnings.join("\n");
        assert!(all.contains("“相关性” appears twice under “决策”"), "{all}");
        assert!(all.contains("一级指标 “决策” is worth 10 points but its indicators add up to 9"), "{all}");
        assert!(all.contains("add up to 12 points, not 100"), "{all}");
    }

    #[test]
    fn a_level_column_makes_the_tree() {
        let g = grid(
            "级次,指标名称,分值,评分标准\n1,产出,60,\n2,数量,30,全部完成\n2,质量,30,\n1,效益,40,\n2,满意度,40,",
        );
        let r = interpret(&g, "r.xlsx", None).unwrap();
        let names: Vec<_> =
            r.indicators.iter().map(|i| (i.groups[0].name.as_str(), i.name.as_str())).collect();
        assert_eq!(names, [("产出", "数量"), ("产出", "质量"), ("效益", "满意度")]);
        assert_eq!(r.indicators[0].criteria.as_deref(), Some("全部完成"));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    fn names(r: &Rubric) -> Vec<(String, f64)> {
        r.indicators.iter().map(|i| (i.name.clone(), i.points)).collect()
    }

    #[test]
    fn web_rows_shifted_left_are_put_back() {
        let text = "| 一级指标 | 二级指标 | 三级指标 | 得分 |\n| 决策(10分) | 目标(10分) | 相关性(5分) |\n|\n\
                    | 明确性(5分) |\n| ||\n| 过程(90分) | 管理(90分) | 制度 |\n";
        let g = super::super::text::table(text).unwrap();
        let r = interpret(&g, "r.txt", None).unwrap();
        assert_eq!(names(&r), [("相关性".into(), 5.0), ("明确性".into(), 5.0), ("制度".into(), 90.0)]);
        assert_eq!(r.indicators[1].groups[1].name, "目标");
        assert_eq!(r.indicators[1].place, "line 4");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn groups_told_by_their_numbering_in_one_name_column() {
        let text = "考核内容 | 分值 | 计分标准 |\n一、前期 | 40 |\n| 39 |\n1、人员 | 20 | 得0-20分 |\n\
                    2、稳定 | 20 | |\n二、后期 | 60 |\n1、报告 | 60 | |\n合计 |\n|\n| 94 |\n";
        let g = super::super::text::table(text).unwrap();
        let r = interpret(&g, "r.txt", None).unwrap();
        assert_eq!(names(&r), [("1、人员".into(), 20.0), ("2、稳定".into(), 20.0), ("1、报告".into(), 60.0)]);
        assert_eq!(r.indicators[2].groups, [Group { name: "二、后期".into(), points: Some(60.0) }]);
        assert_eq!(r.declared_total, None, "94 is the score, not the total");
    }

    #[test]
    fn an_indicator_merged_over_rows_is_scored_over_them() {
        let g = grid(
            "一级指标,二级指标,三级指标,分值\n效果,经济(10分),减少成本,5\n效果,经济(10分),减少成本,5\n效果,社会,满意度,10",
        );
        let continued = vec![
            vec![false; 4],
            vec![false; 4],
            vec![true, true, true, false],
            vec![true, false, false, false],
        ];
        let r = interpret(&g.with_continued(continued), "r.xlsx", None).unwrap();
        assert_eq!(names(&r), [("减少成本".into(), 10.0), ("满意度".into(), 10.0)]);
        assert!(r.warnings.iter().all(|w| !w.contains("twice")), "{:?}", r.warnings);
    }

    #[test]
    fn form_rows_with_no_indicator_are_skipped_and_said() {
        let _en = crate::words::pin(Lang::En);
        let g = grid(
            "一级指标,二级指标,三级指标,分值\n产出,数量,人数,60\n产出,质量,……,\n效益,经济效益,,\n效益,社会效益,满意度,40",
        );
        let r = interpret(&g, "r.xlsx", None).unwrap();
        assert_eq!(names(&r), [("人数".into(), 60.0), ("满意度".into(), 40.0)]);
        let notes = r.notes.join("\n");
        assert!(
            notes.contains(
                "rows with no indicator were not read (a form's empty or placeholder rows): row 3, row 4"
            ),
            "{notes}"
        );
    }

    #[test]
    fn a_funds_row_counts_when_the_total_says_so() {
        let _en = crate::words::pin(Lang::En);
        let form = |total: &str| {
            grid(&format!(
                "项目资金,年初预算数,全年执行数,分值,执行率,得分\n年度资金总额,20,20,10,100%,10\n\
                 一级指标,二级指标,三级指标,分值,,\n产出指标,数量指标,人数,50,,\n效益指标,社会效益,满意度,40,,\n{total}"
            ))
        };
        let with = interpret(&form("合计,,,100,,"), "r.xlsx", None).unwrap();
        assert_eq!(names(&with)[0], ("预算执行率".into(), 10.0));
        assert_eq!(with.total(), 100.0);
        assert!(with.notes[0].contains("with the budget execution row"), "{:?}", with.notes);
        let without = interpret(&form("总分,,,90,,"), "r.xlsx", None).unwrap();
        assert_eq!(without.indicators.len(), 2);
    }
}
