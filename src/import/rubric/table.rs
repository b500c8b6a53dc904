//! Any scoring table as a grid of cells → [`Rubric`]: the one interpreter behind every reader.
//!
//! The header row is found by its names, not its position (title rows above it are skipped):
//! 一级指标 … 四级指标 (or 指标名称 with a 级次/层级 column), points (分值/权重/标准分/分数, one per
//! level such as 一级指标分值, or one for the indicator; `决策（20分）` carries its own), criteria
//! (评价标准/评分标准/评分细则/评分办法), explanation (指标解释/指标说明/指标内涵), self score
//! (自评得分). An empty level cell takes the value above (a merged cell, as read); a 合计/总计/总分
//! row ends the table and gives its declared total. What is not understood is noted; what cannot
//! be read is an error naming the row or cell. Which column holds what is `header`'s business.

use super::grid::Grid;
use super::header::*;
pub use super::header::{Col, HEADERLESS, column, first_row_names_a_level, has_header, split_points};
use super::{Group, Indicator, Lang, Rubric};
use crate::scores::fmt_num;
use crate::words::errors::LIST_SEP;
use crate::words::rubric as w;

/// The level names used in messages, by depth (domain words, the same in both languages).
const LEVEL_NAMES: [&str; 4] = ["一级指标", "二级指标", "三级指标", "四级指标"];

/// The table's title: the last row above the header that holds one text only (a merged title
/// cell, or one cell), four characters at least.
fn title_above(grid: &Grid, header: usize) -> Option<String> {
    grid.rows.iter().take(header).rev().find_map(|row| {
        let mut texts: Vec<&str> = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        texts.dedup();
        (texts.len() == 1 && texts[0].chars().count() >= 4).then(|| texts[0].to_string())
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
            Found::Incomplete(h) => return Err(no_columns(name, &h.texts)),
            Found::Nothing => {
                let first = grid.rows.iter().find(|r| r.iter().any(|c| !c.trim().is_empty()));
                let texts: Vec<String> =
                    first.map(|r| r.iter().map(|c| c.trim().to_string()).collect()).unwrap_or_default();
                return Err(no_columns(name, &texts));
            }
        },
    };
    let first_data = if fixed.is_some() { 0 } else { header.row + 1 };
    let layout = Layout::of(&header);
    let mut reader = Reading {
        grid,
        name,
        header: &header,
        layout: &layout,
        store: Vec::new(),
        open: Vec::new(),
        raws: Vec::new(),
        declared_total: None,
        warnings: Vec::new(),
    };
    if layout.level_of.is_some() {
        reader.by_level_column(first_data)?;
    } else {
        reader.by_level_columns(first_data)?;
    }
    let Reading { store, raws, declared_total, mut warnings, .. } = reader;
    if raws.is_empty() {
        return Err(w::RUBRIC_NO_ROWS.fill(&[("name", &name)]));
    }
    let indicators: Vec<Indicator> = raws
        .iter()
        .map(|raw| Indicator {
            groups: raw.groups.iter().map(|&g| store[g].group.clone()).collect(),
            name: raw.name.clone(),
            points: raw.points,
            criteria: raw.criteria.clone(),
            explanation: raw.explanation.clone(),
            self_score: raw.self_score,
            place: raw.place.clone(),
        })
        .collect();
    check_sums(&raws, &store, 0, name, &mut warnings);
    let total: f64 = indicators.iter().map(|i| i.points).sum();
    match declared_total {
        Some(declared) if !close(declared, total) => warnings.push(w::RUBRIC_TOTAL.fill(&[
            ("name", &name),
            ("declared", &fmt_num(declared)),
            ("sum", &fmt_num(total)),
        ])),
        _ if !close(total, 100.0) => {
            warnings.push(w::RUBRIC_NOT_100.fill(&[("name", &name), ("sum", &fmt_num(total))]));
        }
        _ => {}
    }
    let mut notes = Vec::new();
    if !layout.ignored.is_empty() {
        let columns = layout.ignored.join(LIST_SEP.get());
        notes.push(w::RUBRIC_COLUMNS_IGNORED.fill(&[("name", &name), ("columns", &columns)]));
    }
    let text: String = grid
        .rows
        .iter()
        .skip(first_data)
        .flat_map(|r| r.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    let title = if fixed.is_some() { None } else { title_above(grid, header.row) };
    Ok(Rubric { title, indicators, declared_total, warnings, notes, lang: Lang::of_texts([text.as_str()]) })
}

fn no_columns(name: &str, found: &[String]) -> String {
    let sep = LIST_SEP.get();
    let found: Vec<&str> = found.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect();
    let found = if found.is_empty() { w::RUBRIC_NOTHING_FOUND.get().to_string() } else { found.join(sep) };
    let levels =
        [LEVEL_NAMES[0], LEVEL_NAMES[1], LEVEL_NAMES[2], w::COLUMN_LEVEL1.in_lang(Lang::En)].join(sep);
    let points = ["分值", "权重", "标准分", w::COLUMN_POINTS.in_lang(Lang::En)].join(sep);
    let needed = w::RUBRIC_NEEDED.fill(&[("levels", &format!("{levels}…")), ("points", &points)]);
    w::RUBRIC_NO_COLUMNS.fill(&[("name", &name), ("found", &found), ("needed", &needed)])
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

/// Which column holds what, from a header.
struct Layout {
    /// The group levels' columns, outermost first, and their points columns; then the
    /// indicator's (the last level).
    levels: Vec<(usize, Option<usize>, &'static str)>,
    name: Option<usize>,
    level_of: Option<usize>,
    points: Option<usize>,
    criteria: Option<usize>,
    explanation: Option<usize>,
    self_score: Option<usize>,
    ignored: Vec<String>,
}

impl Layout {
    fn of(header: &Header) -> Layout {
        let mut first: Vec<(Col, usize)> = Vec::new();
        let mut ignored = Vec::new();
        for (i, col) in header.cols.iter().enumerate() {
            let text = header.texts.get(i).map(|s| s.trim()).unwrap_or("");
            match col {
                Some(c) if !first.iter().any(|(d, _)| d == c) => first.push((*c, i)),
                _ if !text.is_empty() => ignored.push(text.to_string()),
                _ => {}
            }
        }
        let find = |c: Col| first.iter().find(|(d, _)| *d == c).map(|&(_, i)| i);
        let mut numbers: Vec<u8> =
            first.iter().filter_map(|(c, _)| if let Col::Level(n) = c { Some(*n) } else { None }).collect();
        numbers.sort_unstable();
        let mut levels: Vec<(usize, Option<usize>, &'static str)> = numbers
            .iter()
            .map(|&n| {
                let i = find(Col::Level(n)).unwrap_or(0);
                (i, find(Col::LevelPoints(n)), LEVEL_NAMES[usize::from(n - 1).min(3)])
            })
            .collect();
        let level_of = find(Col::LevelOf);
        let name = find(Col::Name);
        if level_of.is_none()
            && let Some(i) = name
        {
            let word = LEVEL_NAMES[levels.len().min(3)];
            levels.push((i, None, word));
        }
        let mut points = find(Col::Points);
        // `三级指标分值` with no `分值`: the last level's points are the indicator's.
        if points.is_none()
            && let Some(last) = levels.last_mut()
        {
            points = last.1.take();
        }
        // Level-points columns of levels the table does not have are not read.
        for (c, i) in &first {
            if let Col::LevelPoints(n) = c
                && !numbers.contains(n)
                && Some(*i) != points
            {
                ignored.push(header.texts.get(*i).cloned().unwrap_or_default());
            }
        }
        Layout {
            levels,
            name,
            level_of,
            points,
            criteria: find(Col::Criteria),
            explanation: find(Col::Explanation),
            self_score: find(Col::SelfScore),
            ignored,
        }
    }
}

/// A group as read: the first points given to it win; later different ones are warned about.
struct Stored {
    group: Group,
    level: &'static str,
}

/// An indicator as read, its groups as indices into the store.
struct Raw {
    groups: Vec<usize>,
    name: String,
    points: f64,
    criteria: Option<String>,
    explanation: Option<String>,
    self_score: Option<f64>,
    place: String,
    /// The level word of the indicator (三级指标), for the sums.
    level: &'static str,
}

struct Reading<'a> {
    grid: &'a Grid,
    name: &'a str,
    header: &'a Header,
    layout: &'a Layout,
    store: Vec<Stored>,
    /// The groups open at each depth (indices into the store) and the names as read.
    open: Vec<(usize, String)>,
    raws: Vec<Raw>,
    declared_total: Option<f64>,
    warnings: Vec<String>,
}

impl Reading<'_> {
    fn text(&self, r: usize, c: Option<usize>) -> String {
        c.map(|c| self.grid.cell(r, c).to_string()).unwrap_or_default()
    }

    fn column_text(&self, c: usize) -> String {
        self.header.texts.get(c).cloned().unwrap_or_default()
    }

    /// The points in cell (r, c): empty → None; not a number → the error naming the cell.
    fn points_at(&self, r: usize, c: Option<usize>) -> Result<Option<f64>, String> {
        let Some(c) = c else { return Ok(None) };
        let cell = self.grid.cell(r, c);
        points(cell).map_err(|()| {
            let place = self.grid.cell_place(r, c, &self.column_text(c));
            w::RUBRIC_NOT_POINTS.fill(&[("name", &self.name), ("place", &place), ("cell", &cell)])
        })
    }

    fn optional(&self, r: usize, c: Option<usize>) -> Option<String> {
        Some(self.text(r, c)).filter(|t| !t.is_empty())
    }

    /// A 合计 row: its points (the points column, else any level-points column).
    fn total_row(&self, r: usize) -> Option<Option<f64>> {
        let row = self.grid.rows.get(r)?;
        let first = row.iter().map(|c| c.trim()).find(|c| !c.is_empty())?;
        if !is_total(first) {
            return None;
        }
        let mut candidates = vec![self.layout.points];
        candidates.extend(self.layout.levels.iter().map(|l| l.1));
        let value =
            candidates.into_iter().flatten().find_map(|c| points(self.grid.cell(r, c)).ok().flatten());
        // Else the first number in the row (a total written further right).
        let value = value.or_else(|| row.iter().find_map(|c| points(c).ok().flatten()));
        Some(value)
    }

    fn blank(&self, r: usize) -> bool {
        self.grid.rows.get(r).is_none_or(|row| row.iter().all(|c| c.trim().is_empty()))
    }

    /// Opens (or keeps) the group `name` at `depth`; `points` given here are checked against
    /// the group's.
    fn group(&mut self, depth: usize, name: String, points: Option<f64>, level: &'static str, r: usize) {
        let same = self.open.get(depth).is_some_and(|(_, n)| *n == name);
        if !same {
            self.open.truncate(depth);
            self.store.push(Stored { group: Group { name: name.clone(), points }, level });
            self.open.push((self.store.len() - 1, name));
            return;
        }
        let id = self.open[depth].0;
        let stored = &mut self.store[id];
        match (stored.group.points, points) {
            (Some(had), Some(now)) if !close(had, now) => {
                let place = self.grid.row_place(r);
                let (had, now) = (fmt_num(had), fmt_num(now));
                self.warnings.push(w::RUBRIC_POINTS_DIFFER.fill(&[
                    ("name", &self.name),
                    ("place", &place),
                    ("level", &level),
                    ("group", &stored.group.name),
                    ("now", &now),
                    ("had", &had),
                ]));
            }
            (None, Some(now)) => stored.group.points = Some(now),
            _ => {}
        }
    }

    fn push(&mut self, raw: Raw, r: usize) {
        if self.raws.iter().rev().take_while(|p| p.groups == raw.groups).any(|p| p.name == raw.name) {
            let group = raw.groups.last().map_or_else(String::new, |&g| self.store[g].group.name.clone());
            self.warnings.push(w::RUBRIC_DUPLICATE.fill(&[
                ("name", &self.name),
                ("place", &self.grid.row_place(r)),
                ("indicator", &raw.name),
                ("group", &group),
            ]));
        }
        self.raws.push(raw);
    }

    /// Tables with a column per level (一级指标, 二级指标, 三级指标…).
    fn by_level_columns(&mut self, first: usize) -> Result<(), String> {
        let layout = self.layout;
        let Some(&(name_col, _, indicator_level)) = layout.levels.last() else {
            return Err(no_columns(self.name, &self.header.texts));
        };
        let groups = &layout.levels[..layout.levels.len() - 1];
        let mut previous: Vec<String> = vec![String::new(); groups.len()];
        for r in first..self.grid.rows.len() {
            if self.blank(r) {
                continue;
            }
            if let Some(total) = self.total_row(r) {
                self.declared_total = total;
                break;
            }
            // The groups: an empty cell under an unchanged group above takes the value above.
            let mut changed = false;
            let mut path: Vec<(String, Option<f64>)> = Vec::new();
            for (depth, &(col, points_col, _)) in groups.iter().enumerate() {
                let cell = self.grid.cell(r, col).to_string();
                if cell.is_empty() {
                    if changed || previous[depth].is_empty() {
                        let column = self.column_text(col);
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
                let points = self.points_at(r, points_col)?.or(in_name);
                changed |= group != previous[depth];
                previous[depth].clone_from(&group);
                path.push((group, points));
            }
            let cell = self.grid.cell(r, name_col).to_string();
            let points_cell = self.text(r, layout.points);
            if cell.is_empty() {
                // A row that only continues the criteria above (a merged indicator cell).
                if !changed
                    && points_cell.is_empty()
                    && let Some(more) = self.optional(r, layout.criteria)
                    && let Some(last) = self.raws.last_mut()
                {
                    let c = last.criteria.get_or_insert_with(String::new);
                    if !c.is_empty() {
                        c.push('\n');
                    }
                    c.push_str(&more);
                    continue;
                }
                let column = self.column_text(name_col);
                let place = self.grid.row_place(r);
                return Err(w::RUBRIC_NO_NAME.fill(&[
                    ("name", &self.name),
                    ("place", &place),
                    ("column", &column),
                ]));
            }
            let (indicator, in_name) = split_points(&cell);
            let points = self.indicator_points(r, in_name)?;
            for (depth, (group, p)) in path.into_iter().enumerate() {
                self.group(depth, group, p, groups[depth].2, r);
            }
            self.open.truncate(groups.len());
            let raw = Raw {
                groups: self.open.iter().map(|(id, _)| *id).collect(),
                name: indicator,
                points,
                criteria: self.optional(r, layout.criteria),
                explanation: self.optional(r, layout.explanation),
                self_score: self.points_at(r, layout.self_score).ok().flatten(),
                place: self.grid.indicator_place(r, name_col),
                level: indicator_level,
            };
            self.push(raw, r);
        }
        Ok(())
    }

    /// The indicator's points: its points cell, else the points in its name; more than 0.
    fn indicator_points(&self, r: usize, in_name: Option<f64>) -> Result<f64, String> {
        let points_col = self.layout.points;
        let Some(p) = self.points_at(r, points_col)?.or(in_name) else {
            let column =
                points_col.map(|c| self.column_text(c)).unwrap_or_else(|| w::COLUMN_POINTS.get().into());
            let place = self.grid.row_place(r);
            return Err(w::RUBRIC_EMPTY_CELL.fill(&[
                ("name", &self.name),
                ("place", &place),
                ("column", &column),
            ]));
        };
        if p <= 0.0 {
            let place = match points_col {
                Some(c) => self.grid.cell_place(r, c, &self.column_text(c)),
                None => self.grid.row_place(r),
            };
            return Err(w::RUBRIC_POINTS_POSITIVE.fill(&[
                ("name", &self.name),
                ("place", &place),
                ("points", &fmt_num(p)),
            ]));
        }
        Ok(p)
    }

    /// Tables with one name column and a level column (级次): a row deeper than the one above
    /// is inside it; the rows with nothing inside them are the indicators.
    fn by_level_column(&mut self, first: usize) -> Result<(), String> {
        let layout = self.layout;
        let (Some(level_col), Some(name_col)) =
            (layout.level_of, layout.name.or(layout.levels.first().map(|l| l.0)))
        else {
            return Err(no_columns(self.name, &self.header.texts));
        };
        let mut rows: Vec<(usize, usize, String, Option<f64>)> = Vec::new();
        for r in first..self.grid.rows.len() {
            if self.blank(r) {
                continue;
            }
            if let Some(total) = self.total_row(r) {
                self.declared_total = total;
                break;
            }
            let cell = self.grid.cell(r, level_col);
            let Some(level) = level_of(cell) else {
                let place = self.grid.cell_place(r, level_col, &self.column_text(level_col));
                return Err(w::RUBRIC_BAD_LEVEL.fill(&[
                    ("name", &self.name),
                    ("place", &place),
                    ("cell", &cell),
                ]));
            };
            let text = self.grid.cell(r, name_col);
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
        let mut stack: Vec<usize> = Vec::new();
        for (i, (r, level, name, in_name)) in rows.iter().enumerate() {
            let leaf = rows.get(i + 1).is_none_or(|next| next.1 <= *level);
            while stack.last().is_some_and(|&l| l >= *level) {
                stack.pop();
            }
            let depth = stack.len();
            if leaf {
                let points = self.indicator_points(*r, *in_name)?;
                self.open.truncate(depth);
                let raw = Raw {
                    groups: self.open.iter().map(|(id, _)| *id).collect(),
                    name: name.clone(),
                    points,
                    criteria: self.optional(*r, layout.criteria),
                    explanation: self.optional(*r, layout.explanation),
                    self_score: self.points_at(*r, layout.self_score).ok().flatten(),
                    place: self.grid.indicator_place(*r, name_col),
                    level: LEVEL_NAMES[depth.min(3)],
                };
                self.push(raw, *r);
            } else {
                let points = self.points_at(*r, layout.points)?.or(*in_name);
                self.open.truncate(depth);
                // A new group even when the name repeats: the row says so.
                self.store.push(Stored {
                    group: Group { name: name.clone(), points },
                    level: LEVEL_NAMES[depth.min(3)],
                });
                self.open.push((self.store.len() - 1, name.clone()));
                stack.push(*level);
            }
        }
        Ok(())
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// Warns about each group (at `depth` and below) whose points are not its indicators' sum.
fn check_sums(raws: &[Raw], store: &[Stored], depth: usize, name: &str, warnings: &mut Vec<String>) {
    let mut start = 0;
    while start < raws.len() {
        let Some(&id) = raws[start].groups.get(depth) else {
            start += 1;
            continue;
        };
        let end = start + raws[start..].iter().take_while(|r| r.groups.get(depth) == Some(&id)).count();
        let block = &raws[start..end];
        check_sums(block, store, depth + 1, name, warnings);
        let stored = &store[id];
        let sum: f64 = block.iter().map(|r| r.points).sum();
        if let Some(declared) = stored.group.points
            && !close(sum, declared)
        {
            let (declared, sum) = (fmt_num(declared), fmt_num(sum));
            if depth == 0 {
                warnings.push(w::RUBRIC_LEVEL1_SUM.fill(&[
                    ("name", &name),
                    ("level1", &stored.level),
                    ("group", &stored.group.name),
                    ("declared", &declared),
                    ("sum", &sum),
                ]));
            } else {
                let parent = &store[block[0].groups[depth - 1]].group.name;
                let below = block[0].groups.get(depth + 1).map_or(block[0].level, |&g| store[g].level);
                warnings.push(w::RUBRIC_LEVEL2_SUM.fill(&[
                    ("name", &name),
                    ("level2", &stored.level),
                    ("group", &stored.group.name),
                    ("parent", parent),
                    ("declared", &declared),
                    ("level3", &below),
                    ("sum", &sum),
                ]));
            }
        }
        start = end;
    }
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
}
