//! A scoring table's rows read under one [`Layout`] → a [`Tree`]: its groups and indicators as
//! the table gives them, before any choice between readings.
//!
//! Rows as tables come: an empty group cell takes the name above (a merged cell); a row of a web
//! page that lost its first cells (the group given once) is put back in place by what its cells
//! hold — the name where a name goes, a number where points go; a row continuing a merged
//! indicator cell adds its points to that indicator (an indicator scored over several rows); a
//! form's row with no indicator (an empty 经济效益指标, `……`, `指标2`) is skipped and noted; a
//! repeated header, a 小计 and a fragment line are passed over; a 合计 row ends the table and
//! gives its total. An indicator without points that is its group's only one has the group's.

use super::grid::{Grid, Places};
use super::header::{
    Col, Header, clean_name, is_number, is_subtotal, is_total, level_of, normalise, numbering, placeholder,
    points, split_points,
};
use super::layout::{Kind, LEVEL_NAMES, Layout};
use crate::scores::fmt_num;
use crate::words::rubric as w;

/// A group (一级指标, 二级指标…) as read.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Group {
    pub(super) name: String,
    pub(super) points: Option<f64>,
    pub(super) word: &'static str,
}

/// An indicator as read, its groups as indices into [`Tree::groups`], outermost first.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Leaf {
    pub(super) groups: Vec<usize>,
    pub(super) name: String,
    pub(super) points: f64,
    pub(super) criteria: Option<String>,
    pub(super) explanation: Option<String>,
    pub(super) self_score: Option<f64>,
    pub(super) place: String,
    pub(super) word: &'static str,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Tree {
    pub(super) groups: Vec<Group>,
    pub(super) leaves: Vec<Leaf>,
    /// The 合计 row's points.
    pub(super) declared_total: Option<f64>,
    pub(super) warnings: Vec<String>,
    /// Places of the rows skipped for having no indicator.
    pub(super) skipped: Vec<String>,
}

/// A leaf before its points are settled.
struct Pending {
    leaf: Leaf,
    points: Option<f64>,
    row: usize,
}

struct Reader<'a> {
    grid: &'a Grid,
    name: &'a str,
    header: &'a Header,
    layout: &'a Layout,
    rows: Vec<Vec<String>>,
    tree: Tree,
    pending: Vec<Pending>,
    /// The groups open at each depth (indices into the tree) and their names as read.
    open: Vec<(usize, String)>,
}

/// Reads the rows from `first` on.
pub(super) fn read(
    grid: &Grid,
    name: &str,
    header: &Header,
    layout: &Layout,
    first: usize,
) -> Result<Tree, String> {
    let text = matches!(grid.places, Places::Lines(_));
    let rows = grid
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| if text && r >= first { align(row, layout, header.cols.len()) } else { row.clone() })
        .collect();
    let mut reader = Reader {
        grid,
        name,
        header,
        layout,
        rows,
        tree: Tree::default(),
        pending: Vec::new(),
        open: Vec::new(),
    };
    match layout.kind {
        Kind::Columns => reader.by_columns(first)?,
        Kind::LevelColumn => reader.by_level_column(first)?,
        Kind::Numbered => reader.by_numbering(first)?,
    }
    reader.settle()?;
    Ok(reader.tree)
}

/// A web row that lost its first cells, put back in place: of the ways to shift it right (no
/// further than the indicator's column), the furthest where every cell fits its column — a name
/// where the indicator goes, numbers (or nothing) where points and scores go, no bare number
/// for a group. A row that fits no way is left as it is.
fn align(row: &[String], layout: &Layout, width: usize) -> Vec<String> {
    let Some(name_col) = layout.name_col() else { return row.to_vec() };
    let used = row.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
    if used == 0 || row.len() >= width {
        return row.to_vec();
    }
    let numeric: Vec<usize> = layout
        .points
        .iter()
        .chain(layout.levels.iter().filter_map(|l| l.points.as_ref()))
        .chain(&layout.scores)
        .copied()
        .collect();
    let fits = |shift: usize| {
        let at = |c: usize| c.checked_sub(shift).and_then(|i| row.get(i)).map_or("", |s| s.trim());
        let name = at(name_col);
        let (bare, in_name) = split_points(name);
        // A cell that is only points (`(20分)`) is a group's, not an indicator's name.
        if name.is_empty() || is_number(name) || (in_name.is_some() && bare == clean_name(name)) {
            return false;
        }
        if shift + used > width {
            return false;
        }
        numeric.iter().all(|&c| at(c).is_empty() || is_number(at(c)))
            && layout.groups().iter().all(|l| !is_number(at(l.col)))
    };
    match (0..=name_col).rev().find(|&s| fits(s)) {
        Some(shift) if shift > 0 => {
            let mut out = vec![String::new(); shift];
            out.extend(row.iter().cloned());
            out
        }
        _ => row.to_vec(),
    }
}

impl Reader<'_> {
    fn cell(&self, r: usize, c: usize) -> &str {
        self.rows.get(r).and_then(|row| row.get(c)).map_or("", |s| s.trim())
    }

    fn text(&self, r: usize, c: Option<usize>) -> String {
        c.map(|c| self.cell(r, c).to_string()).unwrap_or_default()
    }

    fn joined(&self, r: usize, cols: &[usize]) -> Option<String> {
        let mut parts: Vec<&str> = Vec::new();
        for &c in cols {
            let t = self.cell(r, c);
            if !t.is_empty() && !parts.contains(&t) {
                parts.push(t);
            }
        }
        (!parts.is_empty()).then(|| parts.join("\n"))
    }

    fn column_text(&self, c: usize) -> String {
        self.header.texts.get(c).cloned().unwrap_or_default()
    }

    fn blank(&self, r: usize) -> bool {
        self.rows.get(r).is_none_or(|row| row.iter().all(|c| c.trim().is_empty()))
    }

    fn continued(&self, r: usize, c: usize) -> bool {
        !matches!(self.grid.places, Places::Lines(_)) && self.grid.continued(r, c)
    }

    /// The points in cell (r, c): empty → None; not a number → the error naming the cell.
    fn points_at(&self, r: usize, c: Option<usize>) -> Result<Option<f64>, String> {
        let Some(c) = c else { return Ok(None) };
        let cell = self.cell(r, c);
        points(cell).map_err(|()| {
            let place = self.grid.cell_place(r, c, &self.column_text(c));
            w::RUBRIC_NOT_POINTS.fill(&[("name", &self.name), ("place", &place), ("cell", &cell)])
        })
    }

    /// The cells that may name a row's kind: the first one written, and those of the levels.
    fn leading(&self, r: usize) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        if let Some(first) =
            self.rows.get(r).and_then(|row| row.iter().map(|c| c.trim()).find(|c| !c.is_empty()))
        {
            out.push(first);
        }
        out.extend(self.layout.levels.iter().map(|l| self.cell(r, l.col)));
        out
    }

    /// A 合计 row: its points (the points column, else a level's, else the first number in a
    /// column that is not a score).
    fn total_row(&self, r: usize) -> Option<Option<f64>> {
        if !self.leading(r).iter().any(|c| is_total(c)) {
            return None;
        }
        let mut candidates = vec![self.layout.points];
        candidates.extend(self.layout.levels.iter().map(|l| l.points));
        let value = candidates.into_iter().flatten().find_map(|c| points(self.cell(r, c)).ok().flatten());
        let row = self.rows.get(r)?;
        let value = value.or_else(|| {
            row.iter()
                .enumerate()
                .filter(|(c, _)| !self.layout.scores.contains(c))
                .find_map(|(_, cell)| points(cell).ok().flatten())
        });
        Some(value)
    }

    fn subtotal_row(&self, r: usize) -> bool {
        self.leading(r).iter().any(|c| is_subtotal(c))
    }

    /// A header row again (a form repeats its header before each block, or a header's second row).
    fn header_again(&self, r: usize) -> bool {
        let cells: Vec<(usize, &str)> = self
            .layout
            .levels
            .iter()
            .map(|l| (l.col, self.cell(r, l.col)))
            .filter(|(_, c)| !c.is_empty())
            .collect();
        !cells.is_empty()
            && cells.iter().all(|&(c, cell)| {
                normalise(cell) == normalise(&self.column_text(c))
                    || matches!(super::header::column(cell), Some(Col::Level(_) | Col::Name))
            })
    }

    fn skip(&mut self, r: usize) {
        self.tree.skipped.push(self.grid.row_place(r));
    }

    /// Opens (or keeps) the group `name` at `depth`; `points` given here are checked against
    /// the group's.
    fn group(&mut self, depth: usize, name: String, points: Option<f64>, word: &'static str, r: usize) {
        let same = self.open.get(depth).is_some_and(|(_, n)| *n == name);
        if !same {
            self.open.truncate(depth);
            self.tree.groups.push(Group { name: name.clone(), points, word });
            self.open.push((self.tree.groups.len() - 1, name));
            return;
        }
        let id = self.open[depth].0;
        let stored = &mut self.tree.groups[id];
        match (stored.points, points) {
            (Some(had), Some(now)) if !close(had, now) => {
                let place = self.grid.row_place(r);
                let (had, now) = (fmt_num(had), fmt_num(now));
                self.tree.warnings.push(w::RUBRIC_POINTS_DIFFER.fill(&[
                    ("name", &self.name),
                    ("place", &place),
                    ("level", &word),
                    ("group", &stored.name),
                    ("now", &now),
                    ("had", &had),
                ]));
            }
            (None, Some(now)) => stored.points = Some(now),
            _ => {}
        }
    }

    fn push(&mut self, leaf: Leaf, points: Option<f64>, r: usize) {
        let twice = self
            .pending
            .iter()
            .rev()
            .take_while(|p| p.leaf.groups == leaf.groups)
            .any(|p| p.leaf.name == leaf.name);
        if twice {
            let group = leaf.groups.last().map_or_else(String::new, |&g| self.tree.groups[g].name.clone());
            self.tree.warnings.push(w::RUBRIC_DUPLICATE.fill(&[
                ("name", &self.name),
                ("place", &self.grid.row_place(r)),
                ("indicator", &leaf.name),
                ("group", &group),
            ]));
        }
        self.pending.push(Pending { leaf, points, row: r });
    }

    fn leaf(&self, r: usize, name: String, name_col: usize, depth: usize, word: &'static str) -> Leaf {
        Leaf {
            groups: self.open.iter().take(depth).map(|(id, _)| *id).collect(),
            name,
            points: 0.0,
            criteria: self.joined(r, &self.layout.criteria),
            explanation: self.joined(r, &self.layout.explanation),
            self_score: self.points_at(r, self.layout.self_score).ok().flatten(),
            place: self.grid.indicator_place(r, name_col),
            word,
        }
    }

    /// Tables with a column per level (一级指标, 二级指标, 三级指标…).
    fn by_columns(&mut self, first: usize) -> Result<(), String> {
        let layout = self.layout;
        let Some(indicator) = layout.levels.last().cloned() else {
            return Err(super::layout::no_columns(self.name, &self.header.texts));
        };
        let groups = layout.groups().to_vec();
        let mut previous: Vec<String> = vec![String::new(); groups.len()];
        for r in first..self.rows.len() {
            if self.blank(r) || self.subtotal_row(r) || self.header_again(r) {
                continue;
            }
            if let Some(total) = self.total_row(r) {
                self.tree.declared_total = total;
                break;
            }
            let cell = self.cell(r, indicator.col).to_string();
            let levels_text = layout.levels.iter().any(|l| {
                let c = self.cell(r, l.col);
                !c.is_empty() && !is_number(c)
            });
            if !levels_text && layout.levels.iter().any(|l| is_number(self.cell(r, l.col))) {
                continue; // a fragment of a web row: a number alone
            }
            if !cell.is_empty()
                && placeholder(&split_points(&cell).0)
                && self.text(r, layout.points).is_empty()
            {
                self.skip(r);
                continue;
            }
            // The groups: an empty cell under an unchanged group above takes the value above.
            let mut changed = false;
            let mut path: Vec<(String, Option<f64>)> = Vec::new();
            for (depth, level) in groups.iter().enumerate() {
                let cell = self.cell(r, level.col).to_string();
                if cell.is_empty() {
                    if changed || previous[depth].is_empty() {
                        let column = self.column_text(level.col);
                        let place = self.grid.row_place(r);
                        return Err(w::RUBRIC_EMPTY_CELL.fill(&[
                            ("name", &self.name),
                            ("place", &place),
                            ("column", &column),
                        ]));
                    }
                    path.push((previous[depth].clone(), None));
                    continue;
                }
                let (group, in_name) = split_points(&cell);
                let points = self.points_at(r, level.points)?.or(in_name);
                changed |= group != previous[depth];
                previous[depth].clone_from(&group);
                path.push((group, points));
            }
            let points_cell = self.text(r, layout.points);
            if cell.is_empty() {
                // A row that only continues the criteria above (a merged indicator cell).
                if !changed
                    && points_cell.is_empty()
                    && let Some(more) = self.joined(r, &layout.criteria)
                    && let Some(last) = self.pending.last_mut()
                {
                    let c = last.leaf.criteria.get_or_insert_with(String::new);
                    if !c.is_empty() {
                        c.push('\n');
                    }
                    c.push_str(&more);
                    continue;
                }
                // A form's row with a group and nothing to score (经济效益指标 left empty).
                if points_cell.is_empty() {
                    for (depth, (group, p)) in path.into_iter().enumerate() {
                        self.group(depth, group, p, groups[depth].word, r);
                    }
                    self.skip(r);
                    continue;
                }
                let column = self.column_text(indicator.col);
                let place = self.grid.row_place(r);
                return Err(w::RUBRIC_NO_NAME.fill(&[
                    ("name", &self.name),
                    ("place", &place),
                    ("column", &column),
                ]));
            }
            // A row inside a merged indicator cell: the same indicator, scored over several rows.
            if self.continued(r, indicator.col)
                && !changed
                && let Some(last) = self.pending.last()
                && last.leaf.name == split_points(&cell).0
            {
                let more = if self.continued(r, layout.points.unwrap_or(usize::MAX)) {
                    None
                } else {
                    self.points_at(r, layout.points)?
                };
                let criteria = self.joined(r, &layout.criteria);
                if let Some(last) = self.pending.last_mut() {
                    if let Some(more) = more {
                        last.points = Some(last.points.unwrap_or(0.0) + more);
                    }
                    if let Some(c) = criteria
                        && last.leaf.criteria.as_deref().is_none_or(|had| !had.contains(&c))
                    {
                        let had = last.leaf.criteria.get_or_insert_with(String::new);
                        if !had.is_empty() {
                            had.push('\n');
                        }
                        had.push_str(&c);
                    }
                }
                continue;
            }
            let (name, in_name) = split_points(&cell);
            let points = self.points_at(r, layout.points)?.or(in_name);
            for (depth, (group, p)) in path.into_iter().enumerate() {
                self.group(depth, group, p, groups[depth].word, r);
            }
            self.open.truncate(groups.len());
            let leaf = self.leaf(r, name, indicator.col, groups.len(), indicator.word);
            self.push(leaf, points, r);
        }
        Ok(())
    }

    /// Tables with one name column and a level column (级次): a row deeper than the one above
    /// is inside it; the rows with nothing inside them are the indicators.
    fn by_level_column(&mut self, first: usize) -> Result<(), String> {
        let layout = self.layout;
        let (Some(level_col), Some(name_col)) = (layout.level_of, layout.name_col()) else {
            return Err(super::layout::no_columns(self.name, &self.header.texts));
        };
        let mut rows: Vec<(usize, usize, String, Option<f64>)> = Vec::new();
        for r in first..self.rows.len() {
            if self.blank(r) || self.subtotal_row(r) {
                continue;
            }
            if let Some(total) = self.total_row(r) {
                self.tree.declared_total = total;
                break;
            }
            let cell = self.cell(r, level_col);
            let Some(level) = level_of(cell) else {
                let place = self.grid.cell_place(r, level_col, &self.column_text(level_col));
                return Err(w::RUBRIC_BAD_LEVEL.fill(&[
                    ("name", &self.name),
                    ("place", &place),
                    ("cell", &cell),
                ]));
            };
            let text = self.cell(r, name_col);
            if text.is_empty() {
                let column = self.column_text(name_col);
                let place = self.grid.row_place(r);
                return Err(w::RUBRIC_NO_NAME.fill(&[
                    ("name", &self.name),
                    ("place", &place),
                    ("column", &column),
                ]));
            }
            let (name, in_name) = split_points(text);
            rows.push((r, level, name, in_name));
        }
        self.tree_of(rows, name_col)
    }

    /// Tables with one name column: groups are told by their numbering (`一、` rows over `1、`
    /// rows, or `1` over `1.1` in a 序号 column); without numbering every row is an indicator.
    fn by_numbering(&mut self, first: usize) -> Result<(), String> {
        let Some(name_col) = self.layout.name_col() else {
            return Err(super::layout::no_columns(self.name, &self.header.texts));
        };
        let mut rows: Vec<(usize, Option<usize>, String, Option<f64>)> = Vec::new();
        for r in first..self.rows.len() {
            if self.blank(r) || self.subtotal_row(r) || self.header_again(r) {
                continue;
            }
            if let Some(total) = self.total_row(r) {
                self.tree.declared_total = total;
                break;
            }
            let text = self.cell(r, name_col).to_string();
            if text.is_empty() || is_number(&text) {
                if !text.is_empty() || self.text(r, self.layout.points).is_empty() {
                    continue; // a fragment: a score alone, or nothing to read
                }
                let column = self.column_text(name_col);
                let place = self.grid.row_place(r);
                return Err(w::RUBRIC_NO_NAME.fill(&[
                    ("name", &self.name),
                    ("place", &place),
                    ("column", &column),
                ]));
            }
            let (name, in_name) = split_points(&text);
            if placeholder(&name) {
                self.skip(r);
                continue;
            }
            let kind = match self.layout.seq.map(|c| self.cell(r, c).to_string()) {
                Some(seq)
                    if seq.contains('.') || seq.chars().all(|c| c.is_ascii_digit()) && !seq.is_empty() =>
                {
                    Some(20 + seq.trim_end_matches('.').matches('.').count())
                }
                _ => numbering(&name),
            };
            rows.push((r, kind, name, in_name));
        }
        // Numbering kinds in the order first met are the levels; rows without one are the deepest.
        let mut kinds: Vec<usize> = Vec::new();
        for (_, kind, _, _) in &rows {
            if let Some(k) = kind
                && !kinds.contains(k)
            {
                kinds.push(*k);
            }
        }
        if kinds.iter().all(|&k| k >= 20) {
            kinds.sort_unstable();
        }
        let deepest = kinds.len();
        let rows = rows
            .into_iter()
            .map(|(r, kind, name, p)| {
                (r, kind.and_then(|k| kinds.iter().position(|&x| x == k)).unwrap_or(deepest) + 1, name, p)
            })
            .collect();
        self.tree_of(rows, name_col)
    }

    /// The tree of rows each with a level: a row followed by a deeper one is a group.
    fn tree_of(
        &mut self,
        rows: Vec<(usize, usize, String, Option<f64>)>,
        name_col: usize,
    ) -> Result<(), String> {
        let mut stack: Vec<usize> = Vec::new();
        for (i, (r, level, name, in_name)) in rows.iter().enumerate() {
            let leaf = rows.get(i + 1).is_none_or(|next| next.1 <= *level);
            while stack.last().is_some_and(|&l| l >= *level) {
                stack.pop();
            }
            let depth = stack.len();
            let points = self.points_at(*r, self.layout.points)?.or(*in_name);
            self.open.truncate(depth);
            if leaf {
                let leaf = self.leaf(*r, name.clone(), name_col, depth, LEVEL_NAMES[depth.min(3)]);
                self.push(leaf, points, *r);
            } else {
                // A new group even when the name repeats: the row says so.
                self.tree.groups.push(Group { name: name.clone(), points, word: LEVEL_NAMES[depth.min(3)] });
                self.open.push((self.tree.groups.len() - 1, name.clone()));
                stack.push(*level);
            }
        }
        Ok(())
    }

    /// Every indicator's points: its own, else (the only one of its group) the group's.
    fn settle(&mut self) -> Result<(), String> {
        let pending = std::mem::take(&mut self.pending);
        for (i, p) in pending.iter().enumerate() {
            let alone = |g: usize| pending.iter().filter(|q| q.leaf.groups.last() == Some(&g)).count() == 1;
            let inherited =
                p.leaf.groups.last().filter(|&&g| alone(g)).and_then(|&g| self.tree.groups[g].points);
            let Some(points) = p.points.or(inherited) else {
                let place = self.grid.row_place(p.row);
                return Err(match self.layout.points {
                    Some(c) => w::RUBRIC_EMPTY_CELL.fill(&[
                        ("name", &self.name),
                        ("place", &place),
                        ("column", &self.column_text(c)),
                    ]),
                    None => w::RUBRIC_NO_POINTS.fill(&[
                        ("name", &self.name),
                        ("place", &place),
                        ("indicator", &p.leaf.name),
                        ("example", &"(5分)"),
                    ]),
                });
            };
            if points <= 0.0 {
                let place = match self.layout.points {
                    Some(c) => self.grid.cell_place(p.row, c, &self.column_text(c)),
                    None => self.grid.row_place(p.row),
                };
                return Err(w::RUBRIC_POINTS_POSITIVE.fill(&[
                    ("name", &self.name),
                    ("place", &place),
                    ("points", &fmt_num(points)),
                ]));
            }
            let mut leaf = pending[i].leaf.clone();
            leaf.points = points;
            self.tree.leaves.push(leaf);
        }
        if self.tree.leaves.is_empty() {
            return Err(w::RUBRIC_NO_ROWS.fill(&[("name", &self.name)]));
        }
        Ok(())
    }
}

pub(super) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}
