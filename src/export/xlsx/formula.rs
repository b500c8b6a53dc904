//! The Excel formulas of computed cells (`SUM`, `AVERAGE`, the percent and the grade), written
//! from a [`Calc`] with the table placed at its row in the sheet.

use super::super::table::{Calc, Remote, Stat};
use rust_xlsxwriter::{row_col_to_cell, row_col_to_cell_absolute};

/// Excel's limit on a formula's length is 8192 characters; beyond this the value is written.
const MAX_FORMULA: usize = 8_000;

/// Where the table sits in the sheet: its header row is sheet row `top`, so table row `r` is
/// sheet row `top + 1 + r`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Grid {
    pub top: u32,
}

impl Grid {
    /// The sheet row of table row `r`.
    pub fn row(self, r: usize) -> u32 {
        self.top + 1 + r as u32
    }

    /// A table cell as an A1 reference.
    pub fn a1(self, r: usize, c: usize) -> String {
        row_col_to_cell(self.row(r), c as u16)
    }

    /// A table cell as an absolute A1 reference (`$G$3`): the same cell from every row.
    pub fn a1_abs(self, r: usize, c: usize) -> String {
        row_col_to_cell_absolute(self.row(r), c as u16)
    }

    /// Column `c` over `rows`, consecutive rows as one range: `G3:G9`, `G12`.
    pub fn ranges(self, rows: &[usize], c: usize) -> Vec<String> {
        runs(&sorted(rows))
            .iter()
            .map(|run| match run[..] {
                [one] => self.a1(one, c),
                _ => format!("{}:{}", self.a1(run[0], c), self.a1(run[run.len() - 1], c)),
            })
            .collect()
    }

    fn row_range(self, r: usize, cols: &std::ops::Range<usize>) -> Option<String> {
        match cols.len() {
            0 => None,
            1 => Some(self.a1(r, cols.start)),
            _ => Some(format!("{}:{}", self.a1(r, cols.start), self.a1(r, cols.end - 1))),
        }
    }

    /// The Excel formula for table cell (`r`, `c`), or `None` when there is nothing to compute
    /// or it would be too long (then the value is written instead).
    pub fn formula(self, r: usize, c: usize, calc: &Calc) -> Option<String> {
        let f = match calc {
            Calc::Sum { rows, blank_if_none } => {
                if rows.is_empty() {
                    return None;
                }
                let args = self.ranges(rows, c);
                let sum = call("SUM", &args);
                if *blank_if_none { format!("IF({}=0,\"\",{sum})", call("COUNT", &args)) } else { sum }
            }
            Calc::Stat { stat, cols } => {
                let range = self.row_range(r, cols)?;
                let body = match stat {
                    Stat::Mean => format!("AVERAGE({range})"),
                    Stat::TrimmedMean => format!(
                        "IF(COUNT({range})>=3,(SUM({range})-MAX({range})-MIN({range}))/(COUNT({range})-2),AVERAGE({range}))"
                    ),
                    Stat::Min => format!("MIN({range})"),
                    Stat::Max => format!("MAX({range})"),
                    Stat::Spread => format!("MAX({range})-MIN({range})"),
                };
                format!("IF(COUNT({range})=0,\"\",{body})")
            }
            Calc::Disagree { cols, threshold, mark } => {
                let range = self.row_range(r, cols)?;
                format!(
                    "IF(COUNT({range})<2,\"\",IF(MAX({range})-MIN({range})>{threshold},{},\"\"))",
                    literal(mark)
                )
            }
            Calc::Percent { points_row, items, max_col } => {
                if items.is_empty() {
                    return None;
                }
                let scored_max: Vec<String> = runs(items)
                    .iter()
                    .map(|run| {
                        let (a, b) = (run[0], run[run.len() - 1]);
                        format!(
                            "SUMPRODUCT(({}:{}<>\"\")*{}:{})",
                            self.a1(a, c),
                            self.a1(b, c),
                            self.a1(a, *max_col),
                            self.a1(b, *max_col)
                        )
                    })
                    .collect();
                let p = self.a1(*points_row, c);
                format!("IF({p}=\"\",\"\",IFERROR(ROUND({p}/({}),4),\"\"))", scored_max.join("+"))
            }
            Calc::Grade { percent_row, bands, provisional } => {
                if bands.is_empty() || bands.len() > 60 {
                    return None;
                }
                let x = self.a1(*percent_row, c);
                let mut nested = "\"\"".to_string();
                for band in bands.iter().rev() {
                    nested = format!("IF(ROUND({x}*100,2)>={},{},{nested})", band.min, literal(&band.label));
                }
                if let Some(p) = provisional.as_ref().filter(|p| !p.items.is_empty()) {
                    let count = call("COUNT", &self.ranges(&p.items, c));
                    nested = format!("{nested}&IF({count}<{},{},\"\")", p.items.len(), literal(&p.suffix));
                }
                format!("IF({x}=\"\",\"\",{nested})")
            }
            Calc::Link { at } => remote(at).into_iter().next()?,
            Calc::Rank { col, rows } => {
                if rows.is_empty() {
                    return None;
                }
                let x = self.a1(r, *col);
                let (a, b) = (self.a1_abs(rows.start, *col), self.a1_abs(rows.end - 1, *col));
                format!("IF(ISNUMBER({x}),RANK({x},{a}:{b}),\"\")")
            }
            Calc::Ratio { col, of } => {
                if *of <= 0.0 {
                    return None;
                }
                let x = self.a1(r, *col);
                format!("IF(ISNUMBER({x}),ROUND({x}/{of},4),\"\")")
            }
            Calc::GradeOf { percent_col, bands, provisional } => {
                if bands.is_empty() || bands.len() > 60 {
                    return None;
                }
                let x = self.a1(r, *percent_col);
                let mut nested = "\"\"".to_string();
                for band in bands.iter().rev() {
                    nested = format!("IF(ROUND({x}*100,2)>={},{},{nested})", band.min, literal(&band.label));
                }
                if let Some(p) = provisional.as_ref().filter(|p| p.items > 0) {
                    let count = call("COUNT", &remote(&p.scored));
                    nested = format!("{nested}&IF({count}<{},{},\"\")", p.items, literal(&p.suffix));
                }
                format!("IF(ISNUMBER({x}),{nested},\"\")")
            }
        };
        (f.len() <= MAX_FORMULA).then_some(f)
    }
}

/// Cells of another worksheet as references, consecutive rows as one range:
/// `'评分表 1'!$H$5:$H$9`.
fn remote(at: &Remote) -> Vec<String> {
    let sheet = format!("'{}'", at.sheet.replace('\'', "''"));
    let rows: Vec<usize> = sorted(&at.rows.iter().map(|&r| r as usize).collect::<Vec<_>>());
    runs(&rows)
        .iter()
        .map(|run| {
            let first = row_col_to_cell_absolute(run[0] as u32, at.col);
            match run[..] {
                [_] => format!("{sheet}!{first}"),
                _ => {
                    format!("{sheet}!{first}:{}", row_col_to_cell_absolute(run[run.len() - 1] as u32, at.col))
                }
            }
        })
        .collect()
}

fn sorted(rows: &[usize]) -> Vec<usize> {
    let mut sorted = rows.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    sorted
}

/// `FUNC(a,b,…)`, in groups added up with `SUM` when there are more arguments than Excel takes.
pub(super) fn call(func: &str, args: &[String]) -> String {
    if args.len() <= 255 {
        format!("{func}({})", args.join(","))
    } else {
        let parts: Vec<String> = args.chunks(255).map(|c| call(func, c)).collect();
        call("SUM", &parts)
    }
}

pub(super) fn literal(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Consecutive runs of sorted row indices.
pub(super) fn runs(rows: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &r in rows {
        match out.last_mut() {
            Some(run) if run.last() == Some(&(r.wrapping_sub(1))) => run.push(r),
            _ => out.push(vec![r]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_join_consecutive_rows() {
        let g = Grid { top: 0 };
        assert_eq!(g.ranges(&[0, 1, 2, 5, 7, 8], 6), vec!["G2:G4", "G7", "G9:G10"]);
        assert_eq!(Grid { top: 4 }.ranges(&[0, 1], 0), vec!["A6:A7"], "below a header block");
        assert_eq!(runs(&[1, 2, 4]), vec![vec![1, 2], vec![4]]);
    }

    #[test]
    fn another_sheets_cells_are_quoted_absolute_ranges() {
        let at = Remote { sheet: "1 O'Neil 局".into(), col: 7, rows: vec![4, 5, 6, 9] };
        assert_eq!(remote(&at), ["'1 O''Neil 局'!$H$5:$H$7", "'1 O''Neil 局'!$H$10"]);
        let g = Grid { top: 3 };
        let link = Calc::Link { at: Remote { rows: vec![40], ..at.clone() } };
        assert_eq!(g.formula(0, 5, &link).unwrap(), "'1 O''Neil 局'!$H$41");
        let rank = Calc::Rank { col: 5, rows: 0..3 };
        assert_eq!(g.formula(1, 0, &rank).unwrap(), "IF(ISNUMBER(F6),RANK(F6,$F$5:$F$7),\"\")");
        let ratio = Calc::Ratio { col: 5, of: 100.0 };
        assert_eq!(g.formula(1, 6, &ratio).unwrap(), "IF(ISNUMBER(F6),ROUND(F6/100,4),\"\")");
    }

    #[test]
    fn long_argument_lists_are_grouped() {
        let args: Vec<String> = (0..300).map(|k| format!("A{k}")).collect();
        let f = call("COUNT", &args);
        assert!(f.starts_with("SUM(COUNT(A0,"), "{f}");
        assert_eq!(f.matches("COUNT(").count(), 2);
    }
}
