//! Which reading of a table is its meaning. A table can be read more than one way: its points
//! columns each belonging to the level before them, or the first one the indicators'; leaf
//! points as given, or as shares of their group's weight (`权重 50` over 三级 分值 adding up to
//! 100); a form's funds row counted or not. The reading whose indicators add up to the table's
//! own total — its 合计 row, else the sum of its top-level groups' points, else 100 — wins; when
//! none does and there is more than one, the import is refused with what each reading found; a
//! single reading that contradicts the table's 合计 row is refused too.

use super::funds::{FUNDS_INDICATOR, Funds};
use super::grid::Grid;
use super::rows::{Group, Leaf, Tree, close};
use crate::scores::fmt_num;
use crate::words::Word;
use crate::words::rubric as w;

/// Two totals this close are the same (sums of decimals).
const SAME: f64 = 0.005;

/// Where the total a reading must reach comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Basis {
    Declared,
    Groups,
    Hundred,
}

impl Basis {
    fn word(self) -> Word {
        match self {
            Basis::Declared => w::RUBRIC_BASIS_TOTAL_ROW,
            Basis::Groups => w::RUBRIC_BASIS_GROUPS,
            Basis::Hundred => w::RUBRIC_BASIS_HUNDRED,
        }
    }
}

/// A reading: how it was read (worded) and what it found.
pub(super) struct Candidate {
    pub(super) label: String,
    pub(super) tree: Tree,
    total: f64,
    target: f64,
    basis: Basis,
}

impl Candidate {
    fn new(label: String, tree: Tree) -> Candidate {
        let total = tree.leaves.iter().map(|l| l.points).sum();
        let (target, basis) = target(&tree);
        Candidate { label, tree, total, target, basis }
    }

    fn fits(&self) -> bool {
        (self.total - self.target).abs() < SAME
    }

    fn found(&self) -> String {
        w::RUBRIC_READING_FOUND.fill(&[
            ("reading", &self.label),
            ("n", &self.tree.leaves.len()),
            ("sum", &fmt_num(round(self.total))),
        ])
    }
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// The total a tree must reach: its 合计, else its top-level groups' points when every one has
/// them, else 100.
fn target(tree: &Tree) -> (f64, Basis) {
    if let Some(declared) = tree.declared_total {
        return (declared, Basis::Declared);
    }
    let tops = top_groups(tree);
    if !tops.is_empty() && tree.leaves.iter().all(|l| !l.groups.is_empty()) {
        let points: Option<Vec<f64>> = tops.iter().map(|&g| tree.groups[g].points).collect();
        if let Some(points) = points {
            return (points.iter().sum(), Basis::Groups);
        }
    }
    (100.0, Basis::Hundred)
}

fn top_groups(tree: &Tree) -> Vec<usize> {
    let mut tops: Vec<usize> = Vec::new();
    for leaf in &tree.leaves {
        if let Some(&g) = leaf.groups.first()
            && !tops.contains(&g)
        {
            tops.push(g);
        }
    }
    tops
}

/// The tree with every indicator's points as a share of its top-level group's weight, when the
/// groups' indicators all add up to one base (100) that is not the groups' own points.
fn scaled(tree: &Tree) -> Option<Tree> {
    let tops = top_groups(tree);
    if tops.len() < 2 || tree.leaves.iter().any(|l| l.groups.is_empty()) {
        return None;
    }
    let mut base: Option<f64> = None;
    let mut differs = false;
    for &g in &tops {
        let weight = tree.groups[g].points?;
        let sum: f64 = tree.leaves.iter().filter(|l| l.groups[0] == g).map(|l| l.points).sum();
        match base {
            Some(b) if (b - sum).abs() >= SAME => return None,
            _ => base = Some(sum),
        }
        differs |= (weight - sum).abs() >= SAME;
    }
    let base = base.filter(|b| *b > 0.0)?;
    if !differs {
        return None;
    }
    let mut out = tree.clone();
    let mut done = vec![false; out.groups.len()];
    for leaf in &mut out.leaves {
        let factor = tree.groups[leaf.groups[0]].points.unwrap_or(base) / base;
        leaf.points = round(leaf.points * factor);
        for &g in &leaf.groups[1..] {
            if !done[g] {
                done[g] = true;
                out.groups[g].points = out.groups[g].points.map(|p| round(p * factor));
            }
        }
    }
    Some(out)
}

/// The tree with the funds row as the first indicator, in a group of its own.
fn with_funds(tree: &Tree, funds: &Funds, grid: &Grid) -> Tree {
    let mut out = tree.clone();
    let group = if funds.group.is_empty() { FUNDS_INDICATOR.to_string() } else { funds.group.clone() };
    out.groups.push(Group {
        name: group,
        points: Some(funds.group_points.unwrap_or(funds.points)),
        word: super::layout::LEVEL_NAMES[0],
    });
    let id = out.groups.len() - 1;
    let depth = tree.leaves.iter().map(|l| l.groups.len()).max().unwrap_or(0);
    let leaf = Leaf {
        groups: vec![id],
        name: FUNDS_INDICATOR.to_string(),
        points: funds.points,
        criteria: None,
        explanation: None,
        self_score: None,
        place: grid.indicator_place(funds.row, funds.col),
        word: super::layout::LEVEL_NAMES[depth.min(3)],
    };
    out.leaves.insert(0, leaf);
    out
}

/// The readings of a table, first the preferred: each layout's tree as read, scaled by its
/// groups' weights, and with the funds row.
pub(super) fn candidates(trees: Vec<(String, Tree)>, funds: Option<&Funds>, grid: &Grid) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (label, tree) in trees {
        let scaled =
            scaled(&tree).map(|s| Candidate::new(w::RUBRIC_READING_SCALED.fill(&[("reading", &label)]), s));
        let funded = funds.map(|f| {
            Candidate::new(w::RUBRIC_READING_FUNDS.fill(&[("reading", &label)]), with_funds(&tree, f, grid))
        });
        out.push(Candidate::new(label, tree));
        out.extend(scaled);
        out.extend(funded);
    }
    out
}

/// The reading that is the table's meaning, and a note saying which when there were several;
/// or the refusal with what each reading found.
pub(super) fn choose(mut candidates: Vec<Candidate>, name: &str) -> Result<(Tree, Option<String>), String> {
    // Readings that find the same are one.
    let mut distinct: Vec<Candidate> = Vec::new();
    for c in candidates.drain(..) {
        let same = distinct.iter().any(|d| {
            d.tree.leaves.len() == c.tree.leaves.len()
                && (d.total - c.total).abs() < SAME
                && d.fits() == c.fits()
        });
        if !same {
            distinct.push(c);
        }
    }
    let refuse = |all: &[Candidate], first: &Candidate| {
        let sep = crate::words::errors::LIST_SEP.get();
        let found = all.iter().map(Candidate::found).collect::<Vec<_>>().join(sep);
        w::RUBRIC_NO_READING.fill(&[
            ("name", &name),
            ("target", &fmt_num(first.target)),
            ("basis", &first.basis.word().get()),
            ("readings", &found),
        ])
    };
    let Some(at) = distinct.iter().position(Candidate::fits) else {
        // The total to name: a 合计 row's where a reading found one.
        let first = distinct
            .iter()
            .find(|c| c.basis == Basis::Declared)
            .or(distinct.first())
            .ok_or_else(|| w::RUBRIC_NO_ROWS.fill(&[("name", &name)]))?;
        if distinct.len() > 1 || first.basis == Basis::Declared {
            return Err(refuse(&distinct, first));
        }
        let only = distinct.remove(0);
        return Ok((only.tree, None));
    };
    let chosen = distinct.remove(at);
    let note = (!distinct.is_empty()).then(|| {
        let sep = crate::words::errors::LIST_SEP.get();
        let others = distinct.iter().map(Candidate::found).collect::<Vec<_>>().join(sep);
        w::RUBRIC_READING_CHOSEN.fill(&[
            ("name", &name),
            ("found", &chosen.found()),
            ("basis", &chosen.basis.word().get()),
            ("target", &fmt_num(chosen.target)),
            ("others", &others),
        ])
    });
    Ok((chosen.tree, note))
}

/// Warns about each group (at `depth` and below) whose points are not its indicators' sum.
pub(super) fn check_sums(tree: &Tree, leaves: &[Leaf], depth: usize, name: &str, warnings: &mut Vec<String>) {
    let mut start = 0;
    while start < leaves.len() {
        let Some(&id) = leaves[start].groups.get(depth) else {
            start += 1;
            continue;
        };
        let end = start + leaves[start..].iter().take_while(|l| l.groups.get(depth) == Some(&id)).count();
        let block = &leaves[start..end];
        check_sums(tree, block, depth + 1, name, warnings);
        let group = &tree.groups[id];
        let sum: f64 = block.iter().map(|l| l.points).sum();
        if let Some(declared) = group.points
            && (sum - declared).abs() >= SAME
            && !close(sum, declared)
        {
            let (declared, sum) = (fmt_num(declared), fmt_num(round(sum)));
            if depth == 0 {
                warnings.push(w::RUBRIC_LEVEL1_SUM.fill(&[
                    ("name", &name),
                    ("level1", &group.word),
                    ("group", &group.name),
                    ("declared", &declared),
                    ("sum", &sum),
                ]));
            } else {
                let parent = &tree.groups[block[0].groups[depth - 1]].name;
                let below = block[0].groups.get(depth + 1).map_or(block[0].word, |&g| tree.groups[g].word);
                warnings.push(w::RUBRIC_LEVEL2_SUM.fill(&[
                    ("name", &name),
                    ("level2", &group.word),
                    ("group", &group.name),
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
    use super::*;

    fn tree(groups: &[(&str, Option<f64>)], leaves: &[(&[usize], &str, f64)], declared: Option<f64>) -> Tree {
        Tree {
            groups: groups
                .iter()
                .map(|(n, p)| Group { name: n.to_string(), points: *p, word: "一级指标" })
                .collect(),
            leaves: leaves
                .iter()
                .map(|(g, n, p)| Leaf {
                    groups: g.to_vec(),
                    name: n.to_string(),
                    points: *p,
                    criteria: None,
                    explanation: None,
                    self_score: None,
                    place: String::new(),
                    word: "三级指标",
                })
                .collect(),
            declared_total: declared,
            ..Tree::default()
        }
    }

    #[test]
    fn the_reading_that_adds_up_wins() {
        let _en = crate::words::pin(crate::lang::Lang::En);
        let right =
            tree(&[("投入", Some(13.0))], &[(&[0], "在职人员控制率", 5.0), (&[0], "三公经费", 8.0)], None);
        let wrong =
            tree(&[("投入", None)], &[(&[0], "在职人员控制率", 13.0), (&[0], "三公经费", 13.0)], None);
        let g = Grid::new(Vec::new(), super::super::grid::Places::Rows);
        let all = candidates(vec![("b".into(), wrong.clone()), ("a".into(), right)], None, &g);
        let (chosen, note) = choose(all, "t.xlsx").unwrap();
        assert_eq!(chosen.leaves[0].points, 5.0);
        let note = note.unwrap();
        assert!(note.contains("other readings: b (2 indicators, 26 points)"), "{note}");
        // None adds up: refused, with what each found.
        let also_wrong = tree(&[("投入", None)], &[(&[0], "x", 50.0)], Some(100.0));
        let err = choose(candidates(vec![("b".into(), wrong), ("c".into(), also_wrong)], None, &g), "t.xlsx")
            .unwrap_err();
        assert!(
            err.contains("total is 100 points (its total row)")
                && err.contains("b (2 indicators, 26 points), c (1 indicators, 50 points)"),
            "{err}"
        );
    }

    #[test]
    fn weights_within_groups_are_scaled() {
        let t = tree(
            &[("预算绩效", Some(50.0)), ("项目产出", Some(50.0))],
            &[(&[0], "a", 60.0), (&[0], "b", 40.0), (&[1], "c", 100.0)],
            Some(100.0),
        );
        let s = scaled(&t).unwrap();
        assert_eq!(s.leaves.iter().map(|l| l.points).collect::<Vec<_>>(), [30.0, 20.0, 50.0]);
        let g = Grid::new(Vec::new(), super::super::grid::Places::Rows);
        let (chosen, _) = choose(candidates(vec![("raw".into(), t)], None, &g), "t").unwrap();
        assert_eq!(chosen.leaves[2].points, 50.0);
    }
}
