//! Cells with no row marks (one a line, one a paragraph) → rows: the header is the run of cells
//! that names the columns, and each row after it is as long as the header, less the group cells
//! a merged group left out — of the ways to cut a row, the one with a name where the indicator
//! goes and a number where its points go, the fewest group cells first. The first row gives
//! every group (it opens them). A 合计 cell ends the table.

use super::grid::{Grid, Places};
use super::header::{Col, Header, clean_name, column, is_number, is_subtotal, is_total, split_points};
use super::layout::Layout;

/// How many cells a header may have.
const MAX_WIDTH: usize = 16;

/// The cells as a grid: the cells before the header one a row, the header, the rows found, the
/// 合计 row; None when no run of cells names a level column and a points column.
pub(super) fn grid(cells: Vec<(String, usize)>) -> Option<Grid> {
    let texts: Vec<&str> = cells.iter().map(|(c, _)| c.as_str()).collect();
    let (start, width, rows) = (0..texts.len())
        .filter(|&i| matches!(column(texts[i]), Some(Col::Level(_) | Col::Name)))
        .find_map(|i| best_cut(&texts, i))?;
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    for (text, line) in &cells[..start] {
        out.push(vec![text.clone()]);
        lines.push(*line);
    }
    out.push(texts[start..start + width].iter().map(|s| s.to_string()).collect());
    lines.push(cells[start].1);
    for (row, first) in rows {
        out.push(row);
        lines.push(cells.get(first).map_or(0, |c| c.1));
    }
    Some(Grid::new(out, Places::Lines(lines)))
}

/// Rows found, each with the index of its first cell.
type Rows = Vec<(Vec<String>, usize)>;

/// The header at `start` of the width whose rows read best: (start, width, the rows).
fn best_cut(texts: &[&str], start: usize) -> Option<(usize, usize, Rows)> {
    let mut best: Option<(usize, usize, Rows)> = None;
    for width in 2..=MAX_WIDTH.min(texts.len() - start) {
        let names = &texts[start..start + width];
        if names.iter().any(|n| n.trim().is_empty() || is_number(n)) {
            break;
        }
        let header = Header {
            row: 0,
            cols: names.iter().map(|c| column(c)).collect(),
            texts: names.iter().map(|c| c.to_string()).collect(),
        };
        let levels = header.cols.iter().flatten().filter(|c| matches!(c, Col::Level(_) | Col::Name)).count();
        let points = header.cols.iter().flatten().any(|c| matches!(c, Col::Points | Col::LevelPoints(_)));
        if levels == 0 || (levels < 2 && !points) {
            continue;
        }
        let layout = Layout::of(&header);
        let rows = cut(texts, start + width, width, &layout);
        let data = rows.iter().filter(|(r, _)| !is_total(r.first().map_or("", |s| s.as_str()))).count();
        if data > 0
            && best.as_ref().is_none_or(|(_, _, b)| data > b.iter().filter(|(r, _)| !is_total(&r[0])).count())
        {
            best = Some((start, width, rows));
        }
    }
    best
}

/// The rows from `from` on, for a header of `width` cells read as `layout`.
fn cut(texts: &[&str], from: usize, width: usize, layout: &Layout) -> Rows {
    let Some(name_col) = layout.name_col() else { return Vec::new() };
    let groups = layout.groups().len();
    let mut rows: Rows = Vec::new();
    let mut p = from;
    let mut misses = 0;
    while p < texts.len() && misses <= 2 * width {
        let cell = texts[p].trim();
        if is_total(cell) {
            let value = texts[p + 1..texts.len().min(p + 1 + width)].iter().find(|c| is_number(c));
            rows.push((vec![cell.to_string(), value.map(|v| v.to_string()).unwrap_or_default()], p));
            break;
        }
        if is_subtotal(cell) {
            p += 1;
            continue;
        }
        // The first row opens every group.
        let tries: Vec<usize> = if rows.is_empty() { vec![groups] } else { (0..=groups).collect() };
        let found = tries.into_iter().find(|&present| fits(texts, p, present, layout, name_col));
        match found {
            Some(present) => {
                let len = present + width - groups;
                let mut row = vec![String::new(); groups - present];
                row.extend(texts[p..(p + len).min(texts.len())].iter().map(|s| s.to_string()));
                rows.push((row, p));
                p += len;
                misses = 0;
            }
            None if rows.is_empty() => break,
            None => {
                p += 1;
                misses += 1;
            }
        }
    }
    rows
}

/// Whether a row starting at `p` with `present` group cells fits the layout.
fn fits(texts: &[&str], p: usize, present: usize, layout: &Layout, name_col: usize) -> bool {
    let groups = layout.groups().len();
    let at = |col: usize| -> Option<&str> {
        let i = (p + present + col).checked_sub(groups)?;
        texts.get(i).map(|s| s.trim())
    };
    let Some(name) = at(name_col) else { return false };
    let (bare, in_name) = split_points(name);
    if name.is_empty() || is_number(name) || (in_name.is_some() && bare == clean_name(name)) {
        return false;
    }
    let group_cells_named = (0..present).all(|g| {
        let cell = texts.get(p + g).map_or("", |s| s.trim());
        !cell.is_empty() && !is_number(cell)
    });
    let points_ok = match layout.points {
        Some(c) => at(c).is_some_and(is_number),
        None => in_name.is_some(),
    };
    let scores_ok = layout.scores.iter().all(|&c| at(c).is_none_or(|s| s.is_empty() || is_number(s)));
    group_cells_named && points_ok && scores_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stream(cells: &[&str]) -> Grid {
        grid(cells.iter().enumerate().map(|(i, c)| (c.to_string(), i + 1)).collect()).expect("a table")
    }

    #[test]
    fn rows_are_found_by_what_their_cells_hold() {
        let g = stream(&[
            "评分表",
            "一级指标",
            "二级指标",
            "三级指标",
            "评分标准",
            "分值",
            "自评得分",
            "说明",
            "投 入\n(15分)",
            "预算配置\n(15分)",
            "在职人员控制率",
            "扣0.5分",
            "5",
            "5",
            "",
            "“三公经费”变动率",
            "扣0.5分",
            "5",
            "5",
            "",
            "重点支出安排率",
            "计5分",
            "5",
            "4",
            "缺",
            "合计",
            "",
            "15",
        ]);
        assert_eq!(g.rows[0], ["评分表"]);
        assert_eq!(g.rows[1].len(), 7);
        assert_eq!(g.rows[2][..5], ["投 入\n(15分)", "预算配置\n(15分)", "在职人员控制率", "扣0.5分", "5"]);
        assert_eq!(g.rows[3][..5], ["", "", "“三公经费”变动率", "扣0.5分", "5"]);
        assert_eq!(g.rows[4][2..], ["重点支出安排率", "计5分", "5", "4", "缺"]);
        assert_eq!(g.rows[5], ["合计", "15"]);
        assert_eq!(g.places, Places::Lines(vec![1, 2, 9, 16, 21, 26]));
    }

    #[test]
    fn no_header_no_table() {
        assert!(grid(vec![("20 分)项目决策(10 分)".into(), 1), ("5 5 可行性".into(), 2)]).is_none());
    }
}
