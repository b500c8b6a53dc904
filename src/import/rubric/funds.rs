//! A self-evaluation form's funds row: above the indicators, a block of budget figures whose
//! 执行率 (budget execution rate) has points of its own (`分值`/`权重` 10). Whether those points
//! count toward the table's total differs from form to form (a 合计 of 100 with them, a 总分 of
//! 100 without), so it is offered as a reading, as an indicator of its own, and the total decides.

use super::grid::Grid;
use super::header::{Col, column, is_number, normalise, points, split_points};

/// The funds row's points and where they are.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Funds {
    /// The block's label as a group: `预算执行情况(10分)` → 预算执行情况 (10).
    pub(super) group: String,
    pub(super) group_points: Option<f64>,
    pub(super) points: f64,
    pub(super) row: usize,
    pub(super) col: usize,
}

/// The indicator the funds row becomes (a domain word, the same in both languages).
pub(super) const FUNDS_INDICATOR: &str = "预算执行率";

fn rate(cell: &str) -> bool {
    let n = normalise(cell);
    n.contains("执行率") && n.chars().count() <= 12
}

/// The funds row above the header row `header`, by columns (a worksheet or a Word table), else
/// in the cells read one after another (a stream of cells, where the figures line up with the
/// labels from the percentage on).
pub(super) fn find(grid: &Grid, header: usize) -> Option<Funds> {
    let rows = &grid.rows[..header.min(grid.rows.len())];
    for (r, row) in rows.iter().enumerate() {
        let Some(rate_col) = row.iter().position(|c| rate(c)) else { continue };
        let Some(col) = row.iter().position(|c| column(c) == Some(Col::Points)) else { continue };
        for (r2, data) in rows.iter().enumerate().skip(r + 1).take(3) {
            let value = data.get(col).map_or("", |s| s.trim());
            let rate_value = data.get(rate_col).map_or("", |s| s.trim());
            if let Ok(Some(points)) = points(value)
                && is_number(rate_value)
                && points > 0.0
            {
                let (group, group_points) = label(row, data);
                return Some(Funds { group, group_points, points, row: r2, col });
            }
        }
    }
    // One cell a row: the labels, then the figures from the percentage on.
    let cells: Vec<(usize, &str)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.len() <= 1)
        .map(|(i, r)| (i, r.first().map_or("", |s| s.trim())))
        .collect();
    let at = cells.iter().position(|(_, c)| rate(c))?;
    let points_at = (at.saturating_sub(3)..(at + 4).min(cells.len()))
        .find(|&i| column(cells[i].1) == Some(Col::Points))?;
    let offset = points_at as isize - at as isize;
    let percent = (at.max(points_at) + 1..cells.len()).find(|&i| cells[i].1.ends_with('%'))?;
    let (row, value) = cells.get(percent.checked_add_signed(offset)?)?;
    let points = points(value).ok().flatten().filter(|p| *p > 0.0)?;
    let before = &cells[at.saturating_sub(12)..at];
    let first = before
        .iter()
        .rev()
        .find(|(_, c)| split_points(c).1.is_some())
        .or_else(|| before.iter().rev().find(|(_, c)| c.contains("资金")));
    let (group, group_points) = first.map_or((String::new(), None), |(_, c)| split_points(c));
    Some(Funds { group, group_points, points, row: *row, col: 0 })
}

/// The block's label: the first written cell of the header row (`项目资金（万元）`).
fn label(header: &[String], data: &[String]) -> (String, Option<f64>) {
    let first = header.iter().chain(data).map(|c| c.trim()).find(|c| !c.is_empty()).unwrap_or("");
    split_points(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rubric::grid::Places;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid::new(
            rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect(),
            Places::Cells { row0: 0, col0: 0 },
        )
    }

    #[test]
    fn by_columns_and_by_cells() {
        let g = grid(&[
            &["项目资金(万元)", "", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            &["项目资金(万元)", "年度资金总额:", "20", "20", "10", "100.00%", "10"],
            &["一级指标", "二级指标", "三级指标", "分值"],
        ]);
        let f = find(&g, 2).unwrap();
        assert_eq!((f.group.as_str(), f.points, f.row, f.col), ("项目资金(万元)", 10.0, 1, 4));
        let cells: Vec<&[&str]> = vec![
            &["预算执行情况(10分)"],
            &["年初预算"],
            &["预算执行率"],
            &["权重"],
            &["得分"],
            &["总额"],
            &["238.93"],
            &["100.00%"],
            &["10"],
            &[""],
            &["一级指标"],
        ];
        let f = find(&grid(&cells), 10).unwrap();
        assert_eq!(
            (f.group.as_str(), f.group_points, f.points, f.row),
            ("预算执行情况", Some(10.0), 10.0, 8)
        );
        assert!(find(&grid(&[&["一级指标", "分值"]]), 1).is_none());
    }
}
