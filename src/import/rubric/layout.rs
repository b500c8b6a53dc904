//! Which column holds what, from a header: the levels (outermost first, the indicator last) and
//! each one's points column, the indicator's points, its criteria and explanations, the score
//! columns. A points column right after a level column belongs to that level (`一级指标 | 分值 |
//! 二级指标 | 分值 | 三级指标 | 分值`); several name columns without level numbers (`评价指标 |
//! 评价内容 | 指标名称`) are levels from left to right.

use super::Lang;
use super::header::{Col, Header, normalise, one_line};
use crate::words::errors::LIST_SEP;
use crate::words::rubric as w;

/// The level names used in messages, by depth (domain words, the same in both languages).
pub(super) const LEVEL_NAMES: [&str; 4] = ["一级指标", "二级指标", "三级指标", "四级指标"];

/// A level's column and its points column.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Level {
    pub(super) col: usize,
    pub(super) points: Option<usize>,
    pub(super) word: &'static str,
}

/// How the rows make the tree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// A column per level (一级指标, 二级指标, 三级指标…).
    Columns,
    /// One name column and a 级次 column giving each row's level.
    LevelColumn,
    /// One name column: groups and indicators told apart by their numbering (`一、` over `1、`),
    /// or all indicators.
    Numbered,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Layout {
    /// The group levels outermost first, then the indicator's.
    pub(super) levels: Vec<Level>,
    pub(super) kind: Kind,
    pub(super) level_of: Option<usize>,
    pub(super) seq: Option<usize>,
    pub(super) points: Option<usize>,
    pub(super) criteria: Vec<usize>,
    pub(super) explanation: Vec<usize>,
    pub(super) self_score: Option<usize>,
    /// Columns of scores (得分, 自评…): numbers or nothing, never names.
    pub(super) scores: Vec<usize>,
    /// The header's words for the columns not read.
    pub(super) ignored: Vec<String>,
}

impl Layout {
    /// The reading of the header: each points column after a level column is that level's.
    pub(super) fn of(header: &Header) -> Layout {
        Self::build(header, true)
    }

    /// The other reading, where there is one: the first points column is the indicator's and
    /// the levels have none (how a table is read that gives every level the same 分值 word).
    pub(super) fn first_points(header: &Header) -> Option<Layout> {
        let primary = Self::build(header, true);
        let other = Self::build(header, false);
        (other.points.is_some() && other.points != primary.points).then_some(other)
    }

    fn build(header: &Header, by_position: bool) -> Layout {
        let cols = &header.cols;
        let text = |i: usize| header.texts.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
        let numbered: Vec<(u8, usize)> = {
            let mut seen: Vec<(u8, usize)> = Vec::new();
            for (i, c) in cols.iter().enumerate() {
                if let Some(Col::Level(n)) = c
                    && !seen.iter().any(|(m, _)| m == n)
                {
                    seen.push((*n, i));
                }
            }
            seen.sort_unstable();
            seen
        };
        let level_of = cols.iter().position(|c| *c == Some(Col::LevelOf));
        let names: Vec<usize> = (0..cols.len())
            .filter(|&i| cols[i] == Some(Col::Name))
            // Beside numbered levels, only a column that says it holds indicators (指标名称) is one.
            .filter(|&i| numbered.is_empty() || normalise(&text(i)).contains("指标"))
            .collect();
        let mut levels: Vec<Level> = numbered
            .iter()
            .map(|&(n, i)| Level { col: i, points: None, word: LEVEL_NAMES[usize::from(n - 1).min(3)] })
            .collect();
        let name = names.first().copied();
        if level_of.is_none() {
            for &i in if numbered.is_empty() { &names[..] } else { &names[..names.len().min(1)] } {
                let word = LEVEL_NAMES[levels.len().min(3)];
                levels.push(Level { col: i, points: None, word });
            }
        }
        if level_of.is_some() {
            // 级次 with a name column (or 一级指标 as the name column).
            levels = name
                .or(numbered.first().map(|&(_, i)| i))
                .map(|i| Level { col: i, points: None, word: LEVEL_NAMES[0] })
                .into_iter()
                .collect();
        }
        let mut used: Vec<usize> = levels.iter().map(|l| l.col).collect();
        used.extend(level_of);
        let mut free_points = Vec::new();
        for (i, c) in cols.iter().enumerate() {
            match c {
                Some(Col::LevelPoints(n)) => {
                    if let Some(&(_, col)) = numbered.iter().find(|(m, _)| m == n)
                        && let Some(level) = levels.iter_mut().find(|l| l.col == col)
                        && level.points.is_none()
                    {
                        level.points = Some(i);
                        used.push(i);
                    }
                }
                Some(Col::Points) => {
                    let before = i.checked_sub(1);
                    let owner = levels.iter_mut().find(|l| Some(l.col) == before && l.points.is_none());
                    match owner {
                        Some(level) if by_position => {
                            level.points = Some(i);
                            used.push(i);
                        }
                        _ => free_points.push(i),
                    }
                }
                _ => {}
            }
        }
        // The indicator's points: the column after its name, else the first other one; a
        // `三级指标分值` with no `分值` is the indicator's too.
        let mut points = levels.last_mut().and_then(|l| l.points.take());
        if points.is_none() {
            points = free_points.first().copied();
        }
        used.extend(points);
        let all = |want: fn(&Col) -> bool| -> Vec<usize> {
            (0..cols.len()).filter(|&i| cols[i].as_ref().is_some_and(want)).collect()
        };
        let criteria = all(|c| *c == Col::Criteria);
        let explanation = all(|c| *c == Col::Explanation);
        let self_score = cols.iter().position(|c| *c == Some(Col::SelfScore));
        let mut scores = all(|c| matches!(c, Col::Score | Col::SelfScore));
        scores.extend(free_points.iter().filter(|&&i| Some(i) != points));
        let seq = cols.iter().position(|c| *c == Some(Col::Seq));
        used.extend(criteria.iter().chain(&explanation).chain(&self_score));
        let mut ignored: Vec<String> = Vec::new();
        for t in (0..cols.len().max(header.texts.len())).filter(|i| !used.contains(i)).map(text) {
            // A merged header cell over two columns is one column not read.
            if !t.is_empty() && !ignored.contains(&t) {
                ignored.push(t);
            }
        }
        let kind = if level_of.is_some() {
            Kind::LevelColumn
        } else if levels.len() == 1 {
            Kind::Numbered
        } else {
            Kind::Columns
        };
        Layout { levels, kind, level_of, seq, points, criteria, explanation, self_score, scores, ignored }
    }

    /// The indicator's column.
    pub(super) fn name_col(&self) -> Option<usize> {
        if self.kind == Kind::LevelColumn {
            return self.levels.first().map(|l| l.col);
        }
        self.levels.last().map(|l| l.col)
    }

    /// The group levels (all but the indicator's).
    pub(super) fn groups(&self) -> &[Level] {
        &self.levels[..self.levels.len().saturating_sub(1)]
    }
}

/// No header with the columns a rubric needs: what was found and what is needed.
pub(super) fn no_columns(name: &str, found: &[String]) -> String {
    let sep = LIST_SEP.get();
    let found: Vec<String> = found.iter().map(|s| one_line(s)).filter(|s| !s.is_empty()).collect();
    let found = if found.is_empty() { w::RUBRIC_NOTHING_FOUND.get().to_string() } else { found.join(sep) };
    let levels =
        [LEVEL_NAMES[0], LEVEL_NAMES[1], LEVEL_NAMES[2], w::COLUMN_LEVEL1.in_lang(Lang::En)].join(sep);
    let points = ["分值", "权重", "标准分", w::COLUMN_POINTS.in_lang(Lang::En)].join(sep);
    let needed = w::RUBRIC_NEEDED.fill(&[("levels", &format!("{levels}…")), ("points", &points)]);
    w::RUBRIC_NO_COLUMNS.fill(&[("name", &name), ("found", &found), ("needed", &needed)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rubric::header::column;

    fn header(cells: &[&str]) -> Header {
        Header {
            row: 0,
            cols: cells.iter().map(|c| column(c)).collect(),
            texts: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn a_points_column_after_a_level_is_that_levels() {
        let h = header(&[
            "一级指标",
            "分值",
            "二级指标",
            "分值",
            "三级指标",
            "分值",
            "评价标准",
            "指标说明",
            "得分",
        ]);
        let l = Layout::of(&h);
        assert_eq!(
            l.levels.iter().map(|l| (l.col, l.points)).collect::<Vec<_>>(),
            [(0, Some(1)), (2, Some(3)), (4, None)]
        );
        assert_eq!(
            (l.points, l.criteria.as_slice(), l.explanation.as_slice()),
            (Some(5), &[6][..], &[7][..])
        );
        assert_eq!(l.ignored, ["得分"]);
        // The other reading: the first 分值 for every indicator (the 571-point reading).
        let other = Layout::first_points(&h).unwrap();
        assert_eq!(other.points, Some(1));
        assert!(other.levels.iter().all(|l| l.points.is_none()));
    }

    #[test]
    fn names_without_numbers_are_levels_left_to_right() {
        let h = header(&["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"]);
        let l = Layout::of(&h);
        assert_eq!(
            l.levels.iter().map(|l| (l.col, l.word)).collect::<Vec<_>>(),
            [(0, "一级指标"), (1, "二级指标"), (2, "三级指标")]
        );
        assert_eq!((l.kind, l.points), (Kind::Columns, Some(5)));
        let h = header(&["一级指标", "二级指标", "三级指标", "评价内容", "分值"]);
        assert_eq!(Layout::of(&h).levels.len(), 3, "评价内容 beside numbered levels is no level");
        let h = header(&["序号", "考评内容", "标准分", "评分标准", "得分"]);
        let l = Layout::of(&h);
        assert_eq!((l.kind, l.name_col(), l.points, l.seq), (Kind::Numbered, Some(1), Some(2), Some(0)));
    }

    #[test]
    fn weights_per_level_in_the_jsp_form() {
        let h =
            header(&["一级指标", "权重", "二级指标", "分值", "三级指标", "计量单位", "目标值(标准)", "分值"]);
        let l = Layout::of(&h);
        assert_eq!(l.levels.iter().map(|l| l.points).collect::<Vec<_>>(), [Some(1), Some(3), None]);
        assert_eq!(l.points, Some(7));
        assert_eq!(Layout::first_points(&h).unwrap().points, Some(1));
    }
}
