//! The printed pages, decided here rather than left to Excel or LibreOffice: the width of the
//! wrapped columns, the print scale, the rows where pages break, and the row heights that let a
//! merged group's name fit on every page it spans.
//!
//! An office program prints a merged cell only on the page where it starts, so a group (一级,
//! 二级指标) continued onto the next page would print there without its name. Knowing where
//! pages break, the writer splits each group's merge at the break and the next page's first row
//! names its group again. Breaks are only known when the scale is: "fit to one page wide" lets
//! the program choose it (and Excel ignores manual breaks under it), so the sheet states its
//! scale — one page wide by the wider of the programs' column widths — and its breaks.
//!
//! - Width a table has to spare on the page goes, a few units at a time, to the wrapped column
//!   where it saves the most height (a note that then takes one line instead of two); what is
//!   left widens the text columns evenly, so the table spans the page.
//! - A sheet that fits on one page at a legible size is printed on one: shrunk as far as
//!   [`min_scale`] allows, its wrapped columns widened further where that shortens it more than
//!   it narrows the print — a short report is one sheet to sign.
//! - The totals and the signature lines are kept on one page, never a page of signatures alone.

use super::super::table::ColKind;

/// A4 landscape, in points.
const PAGE_WIDTH: f64 = 841.89;
const PAGE_HEIGHT: f64 = 595.28;
/// The margins, in inches: left, right, top, bottom, header, footer.
pub(super) const MARGINS: (f64, f64, f64, f64, f64, f64) = (0.4, 0.4, 0.7, 0.7, 0.3, 0.3);
/// A column's points per width unit as LibreOffice lays it out (the digit width of its Latin
/// fallback for 宋体, DejaVu Sans at 11 pt: 12.71 units print 89 pt); Excel, whose 宋体 digits
/// are narrower, prints about 6. The wider is the one that must fit the page.
const POINTS_PER_UNIT: f64 = 7.0;
/// What Excel adds to a column's width as it stores it (a width set as 12 is 12.71 units).
const PADDING: f64 = 0.7109375;
/// Of the room a page has, what the plan fills: rounding in the programs' own layouts must never
/// push a row onto a page of its own (the heights written are rounded down to whole pixels too),
/// nor a column onto a page to the right (a table planned to the page's exact width printed
/// its last column on a second page in LibreOffice).
const FILL: f64 = 0.99;
/// Excel takes at most 1023 manual page breaks; beyond, pages break where the program puts
/// them, and every row names its groups.
const MAX_BREAKS: usize = 1023;
/// Above this many measured cells, widths are not searched (each try measures every cell): the
/// spare width is shared evenly.
const MAX_SEARCH: usize = 20_000;

/// The widest a column gets when widened.
fn widest(kind: ColKind) -> f64 {
    match kind {
        ColKind::Text => 60.0,
        ColKind::Title => 36.0,
        ColKind::Path => 20.0,
        ColKind::Number | ColKind::Score => 14.0,
        ColKind::Mark => 10.0,
    }
}

/// The room one page has, in points at 100 %: width, height.
fn room() -> (f64, f64) {
    let (l, r, t, b, _, _) = MARGINS;
    ((PAGE_WIDTH - (l + r) * 72.0) * FILL, (PAGE_HEIGHT - (t + b) * 72.0) * FILL)
}

/// The width columns `widths` print at 100 %, in points.
pub(super) fn printed_width(widths: &[f64]) -> f64 {
    widths.iter().map(|w| (w + PADDING) * POINTS_PER_UNIT).sum()
}

/// The scale, in percent and not floored, at which `widths` print one page wide (100 at most).
fn width_scale(widths: &[f64]) -> f64 {
    (room().0 / printed_width(widths).max(1.0) * 100.0).min(100.0)
}

/// The smallest scale, in percent, a sheet is shrunk to so that it fits on one page: 9 pt text
/// for an evaluator's sheet, 8 pt for a panel's (a column per member: it is already smaller).
pub(super) fn min_scale(panel: bool) -> u16 {
    if panel { 73 } else { 82 }
}

/// A group's merged cell: table rows `r0..=r1` of column `c`, whose text needs `need` points of
/// height. A column's groups do not overlap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Group {
    pub c: usize,
    pub r0: usize,
    pub r1: usize,
    pub need: f64,
}

/// A sheet's heights at given column widths, in points at 100 %.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Heights {
    /// The rows above the table's header (title, facts, legend, a gap): on the first page only.
    pub head: Vec<f64>,
    /// The table's header row, printed on every page.
    pub header: f64,
    /// The table's rows, then the rows below it (a gap, the signature lines).
    pub rows: Vec<f64>,
    /// The groups' merges, in the table's rows.
    pub groups: Vec<Group>,
}

impl Heights {
    /// The rows grown where a group's name needs more than its rows have.
    fn grown(&self) -> Vec<f64> {
        let mut rows = self.rows.clone();
        for g in &self.groups {
            grow(&mut rows, g.r0, g.r1, g.need);
        }
        rows
    }

    /// Everything, as on one page.
    fn total(&self) -> f64 {
        self.head.iter().sum::<f64>() + self.header + self.grown().iter().sum::<f64>()
    }
}

/// What the pages need of a sheet's text.
pub(super) trait Measure {
    /// The heights with columns `widths` wide.
    fn heights(&self, widths: &[f64]) -> Heights;
    /// The least width of column `c` beyond its width in `widths` at which one of its texts (or
    /// of the texts merged across it and others as wide as `widths` has them) takes fewer lines.
    fn next_width(&self, c: usize, widths: &[f64]) -> Option<f64>;
    /// How many cells a measure goes through.
    fn cells(&self) -> usize;
}

/// The sheet as the pages see it.
pub(super) struct Sheet<'a> {
    pub kinds: &'a [ColKind],
    /// How many rows are the table's (the rest: the gap and the signatures).
    pub table_rows: usize,
    /// The rows from here to the end (the totals and signatures) stay on one page when they fit.
    pub keep_from: usize,
    pub min_scale: u16,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Plan {
    pub widths: Vec<f64>,
    /// The print scale, in percent.
    pub scale: u16,
    /// The first row (an index into the rows) of every page after the first.
    pub breaks: Vec<usize>,
    /// From this table row on, pages break where the program puts them (past Excel's limit on
    /// manual breaks): each row there names its groups.
    pub unpaged: Option<usize>,
    pub head: Vec<f64>,
    pub header: f64,
    /// Every row's height, grown where a group's name needs it.
    pub heights: Vec<f64>,
}

impl Plan {
    /// How many pages the sheet prints on, when the plan decides every break.
    pub fn pages(&self) -> Option<usize> {
        self.unpaged.is_none().then_some(self.breaks.len() + 1)
    }

    /// Rows where a group's merge is cut: the page breaks, and every row past the manual ones.
    pub fn cuts(&self) -> impl Fn(usize) -> bool + '_ {
        |r| self.breaks.binary_search(&r).is_ok() || self.unpaged.is_some_and(|u| r >= u)
    }
}

/// The pages of a sheet whose columns are `widths` wide for their content, and could be as
/// narrow as `narrowest` (wrapping more).
pub(super) fn plan(m: &impl Measure, widths: Vec<f64>, narrowest: Vec<f64>, sheet: &Sheet) -> Plan {
    let (room_w, room_h) = room();
    // The width the table prints at: the page's, or more when its content needs more (and then
    // it prints smaller). Spent from the narrowest, where it shortens the sheet most.
    let budget = printed_width(&widths).max(room_w);
    let search = m.cells() <= MAX_SEARCH;
    let mut widths = if search {
        widen(m, narrowest, sheet.kinds, |w| printed_width(w) <= budget, |h, _| -h.total())
    } else {
        widths
    };
    fill_width(&mut widths, sheet.kinds, budget);
    let h = m.heights(&widths);
    let by_width = width_scale(&widths).floor() as u16;
    let one_page = |h: &Heights, w: &[f64]| width_scale(w).min(room_h / h.total() * 100.0);
    if one_page(&h, &widths) >= f64::from(by_width) {
        return Plan::single(widths, by_width, &h);
    }
    // On one page shrunk, or not at all: the wrapped columns widened further, beyond the page
    // at 100 %, where that shortens the sheet more than it narrows the print, while legible.
    let min = f64::from(sheet.min_scale);
    let mut best = (one_page(&h, &widths), widths.clone(), h.clone());
    if search {
        let legible = |w: &[f64]| width_scale(w) >= min;
        let wide = widen(m, widths.clone(), sheet.kinds, legible, one_page);
        let h = m.heights(&wide);
        if one_page(&h, &wide) > best.0 {
            best = (one_page(&h, &wide), wide, h);
        }
    }
    if best.0 >= min.min(f64::from(by_width)) {
        return Plan::single(best.1, best.0.floor() as u16, &best.2);
    }
    paginate(sheet, widths, by_width.max(10), &h)
}

impl Plan {
    fn single(widths: Vec<f64>, scale: u16, h: &Heights) -> Plan {
        let heights = h.grown();
        Plan {
            widths,
            scale: scale.max(10),
            breaks: Vec::new(),
            unpaged: None,
            head: h.head.clone(),
            header: h.header,
            heights,
        }
    }
}

/// `widths` widened step by step while `allowed` holds, until no step raises `score`: each step
/// the one that raises it most per unit of width, among a column widened to each of its next
/// few widths at which a text takes fewer lines, and two columns widened to their next such
/// widths together (a row as tall as two wrapped cells is only shortened by both).
fn widen(
    m: &impl Measure,
    mut widths: Vec<f64>,
    kinds: &[ColKind],
    allowed: impl Fn(&[f64]) -> bool,
    score: impl Fn(&Heights, &[f64]) -> f64,
) -> Vec<f64> {
    let next = |c: usize, widths: &[f64]| {
        m.next_width(c, widths).filter(|&n| n > widths[c] && n <= widest(kinds[c]))
    };
    let mut now = score(&m.heights(&widths), &widths);
    loop {
        let mut moves: Vec<Vec<f64>> = Vec::new();
        for c in 0..widths.len() {
            let mut trial = widths.clone();
            for _ in 0..4 {
                let Some(n) = next(c, &trial) else { break };
                trial[c] = n;
                moves.push(trial.clone());
            }
            for d in c + 1..widths.len() {
                if let (Some(a), Some(b)) = (next(c, &widths), next(d, &widths)) {
                    let mut trial = widths.clone();
                    (trial[c], trial[d]) = (a, b);
                    moves.push(trial);
                }
            }
        }
        let mut best: Option<(f64, Vec<f64>, f64)> = None;
        for trial in moves.into_iter().filter(|t| allowed(t)) {
            let s = score(&m.heights(&trial), &trial);
            let added: f64 = trial.iter().sum::<f64>() - widths.iter().sum::<f64>();
            let gain = (s - now) / added;
            if gain > 1e-9 && best.as_ref().is_none_or(|b| gain > b.0) {
                best = Some((gain, trial, s));
            }
        }
        let Some((_, trial, s)) = best else { return widths };
        widths = trial;
        now = s;
    }
}

/// `widths` widened so the table prints `budget` points wide at 100 %: the text columns (notes,
/// criteria) first, then the item's title, each to a bound, the room shared evenly.
pub(super) fn fill_width(widths: &mut [f64], kinds: &[ColKind], budget: f64) {
    let room = budget / POINTS_PER_UNIT - PADDING * widths.len() as f64 - 1.0;
    for pass in [ColKind::Text, ColKind::Title] {
        let spare = room - widths.iter().sum::<f64>();
        let cols: Vec<usize> = (0..widths.len()).filter(|&c| kinds[c] == pass).collect();
        if spare < 1.0 || cols.is_empty() {
            continue;
        }
        // Evenly, a column that reaches its bound leaving the rest to the others.
        let mut left = spare.floor();
        let mut open = cols;
        while left >= 1.0 && !open.is_empty() {
            let each = (left / open.len() as f64).floor().max(1.0);
            open.retain(|&c| {
                let add = each.min(widest(pass) - widths[c]).min(left).max(0.0);
                widths[c] += add;
                left -= add;
                widths[c] < widest(pass)
            });
        }
    }
}

/// Pages at `scale`: each filled with as many rows as fit, then shortened while the groups cut
/// at its edges need more height than it has left, or while it would split the kept block.
fn paginate(sheet: &Sheet, widths: Vec<f64>, scale: u16, h: &Heights) -> Plan {
    let room = room().1 * 100.0 / f64::from(scale);
    let head: f64 = h.head.iter().sum();
    let mut heights = h.grown();
    let n = heights.len();
    let kept: f64 = heights[sheet.keep_from.min(n)..].iter().sum();
    // Each column's groups in order, to find the ones a page's edges cut without going
    // through them all for every page.
    let mut columns: Vec<Vec<Group>> = Vec::new();
    for g in &h.groups {
        if columns.len() <= g.c {
            columns.resize(g.c + 1, Vec::new());
        }
        columns[g.c].push(*g);
    }
    columns.iter_mut().for_each(|col| col.sort_by_key(|g| g.r0));
    let (mut breaks, mut start, mut unpaged) = (Vec::new(), 0, None);
    while start < n {
        if breaks.len() == MAX_BREAKS {
            let from = start.min(sheet.table_rows);
            for g in &h.groups {
                for h in heights.iter_mut().take(g.r1 + 1).skip(g.r0.max(from)) {
                    *h = h.max(g.need);
                }
            }
            unpaged = Some(from);
            break;
        }
        let cap = room - h.header - if start == 0 { head } else { 0.0 };
        let (mut end, mut used) = (start, 0.0);
        while end < n && used + heights[end] <= cap {
            used += heights[end];
            end += 1;
        }
        end = end.max(start + 1);
        if sheet.keep_from > start && sheet.keep_from < end && end < n && kept <= room - h.header {
            end = sheet.keep_from;
        }
        let mut page = cut(sheet, &columns, &heights, start, end);
        while end > start + 1 && page.iter().sum::<f64>() > cap {
            end -= 1;
            page = cut(sheet, &columns, &heights, start, end);
        }
        heights[start..end].copy_from_slice(&page);
        if end < n {
            breaks.push(end);
        }
        start = end;
    }
    Plan { widths, scale, breaks, unpaged, head: h.head.clone(), header: h.header, heights }
}

/// The heights of rows `start..end` as one page: each group cut at the page's edges (in each
/// column, the one over its first row and the one over its last) grown so its name fits in
/// the part on this page.
fn cut(sheet: &Sheet, columns: &[Vec<Group>], heights: &[f64], start: usize, end: usize) -> Vec<f64> {
    let mut page = heights[start..end].to_vec();
    let table_end = end.min(sheet.table_rows);
    if start >= table_end {
        return page;
    }
    for col in columns {
        let over = |r: usize| {
            let k = col.partition_point(|g| g.r0 <= r);
            k.checked_sub(1).map(|k| col[k]).filter(|g| g.r1 >= r)
        };
        let mut edges = vec![over(start), over(table_end - 1)];
        edges.dedup();
        for g in edges.into_iter().flatten() {
            if g.r0 < start || g.r1 >= table_end {
                let (a, b) = (g.r0.max(start), g.r1.min(table_end - 1));
                grow(&mut page, a - start, b - start, g.need);
            }
        }
    }
    page
}

/// Rows `a..=b` made `need` tall in all, the last one taking what they lack.
fn grow(heights: &mut [f64], a: usize, b: usize, need: f64) {
    let has: f64 = heights[a..=b].iter().sum();
    if has < need {
        heights[b] += need - has;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColKind::*;

    /// Rows of fixed heights; or, with `notes`, a row per note whose height is its lines in
    /// column 1 (2 units a character, as CJK text).
    struct Fixed {
        rows: Vec<f64>,
        groups: Vec<Group>,
        notes: Vec<usize>,
    }

    impl Measure for Fixed {
        fn heights(&self, widths: &[f64]) -> Heights {
            let rows = if self.notes.is_empty() {
                self.rows.clone()
            } else {
                let room = widths[1] - 1.2;
                self.notes.iter().map(|&t| (t as f64 / room).ceil().max(1.0) * 15.0 + 4.0).collect()
            };
            Heights { head: vec![60.0], header: 20.0, rows, groups: self.groups.clone() }
        }
        fn next_width(&self, c: usize, widths: &[f64]) -> Option<f64> {
            let room = widths[c] - 1.2;
            (c == 1)
                .then(|| {
                    self.notes
                        .iter()
                        .filter_map(|&t| {
                            let lines = (t as f64 / room).ceil();
                            (lines > 1.0).then(|| (t as f64 / (lines - 1.0) + 1.2).ceil())
                        })
                        .fold(f64::INFINITY, f64::min)
                })
                .filter(|w| w.is_finite())
        }
        fn cells(&self) -> usize {
            self.rows.len()
        }
    }

    const KINDS: [ColKind; 3] = [Path, Text, Number];

    fn fixed(rows: Vec<f64>, groups: &[Group]) -> Fixed {
        Fixed { rows, groups: groups.to_vec(), notes: Vec::new() }
    }

    fn sheet(rows: usize, keep_from: usize) -> Sheet<'static> {
        Sheet { kinds: &KINDS, table_rows: rows, keep_from, min_scale: 82 }
    }

    #[test]
    fn a_wide_table_is_scaled_to_the_page_width() {
        // 3 columns of 46 units and their padding: 980 pt.
        let w = vec![46.0, 46.0, 48.0 - 3.0 * PADDING];
        let p = plan(&fixed(vec![20.0; 5], &[]), w.clone(), w, &sheet(5, 5));
        assert_eq!(p.scale, 79, "776 pt of room (the page's 784, less 1 %) for 980 pt");
        assert!(p.breaks.is_empty());
    }

    #[test]
    fn a_sheet_a_little_too_long_is_shrunk_onto_one_page() {
        let w = || vec![10.0, 22.0, 8.0];
        // 60 + 20 + 24 × 19 = 536 pt: one page holds 489.
        let p = plan(&fixed(vec![19.0; 24], &[]), w(), w(), &sheet(24, 24));
        assert_eq!((p.breaks.len(), p.scale), (0, 91));
        // Twice as long: shrinking would take it below 9 pt, so it is paged at full size.
        let p = plan(&fixed(vec![19.0; 48], &[]), w(), w(), &sheet(48, 48));
        assert_eq!(p.scale, 100);
        assert_eq!(p.breaks, vec![21, 45], "(489 - 80) / 19 = 21 rows on the first page, 24 after");
        assert_eq!(p.pages(), Some(3));
    }

    #[test]
    fn a_group_cut_by_a_break_fits_its_name_on_both_pages() {
        let rows = || vec![19.0; 48];
        let w = || vec![10.0, 22.0, 8.0];
        // Cut after 6 of its rows, which hold its name: nothing grows.
        let p = plan(&fixed(rows(), &[Group { c: 0, r0: 15, r1: 30, need: 60.0 }]), w(), w(), &sheet(48, 48));
        assert_eq!((p.breaks[0], &p.heights), (21, &rows()));
        // Its one row on the next page grows to hold the name.
        let p = plan(&fixed(rows(), &[Group { c: 0, r0: 10, r1: 21, need: 60.0 }]), w(), w(), &sheet(48, 48));
        assert_eq!((p.breaks[0], p.heights[21], p.heights[20]), (21, 60.0, 19.0));
        // A single row at the first page's foot cannot grow there: the group starts the next.
        let p = plan(&fixed(rows(), &[Group { c: 0, r0: 20, r1: 30, need: 60.0 }]), w(), w(), &sheet(48, 48));
        assert_eq!(p.breaks[0], 20);
        assert_eq!(p.heights, rows());
    }

    #[test]
    fn past_excels_limit_of_breaks_every_row_names_its_group() {
        // A row a page: 1023 breaks, then the program's own. A group across the limit has its
        // name in every row, each as tall as the name needs (400 pt: still a page each).
        let groups = [Group { c: 0, r0: 1020, r1: 1030, need: 400.0 }];
        let w = || vec![10.0, 22.0, 8.0];
        let p = plan(&fixed(vec![300.0; 1100], &groups), w(), w(), &sheet(1100, 1100));
        assert_eq!((p.breaks.len(), p.unpaged), (MAX_BREAKS, Some(1023)));
        assert!(p.cuts()(1024) && p.cuts()(1030) && !p.cuts()(0));
        assert_eq!(p.heights[1019..1032], [&[300.0][..], &[400.0; 11], &[300.0]].concat());
    }

    #[test]
    fn the_totals_and_signatures_stay_together() {
        let w = || vec![10.0, 22.0, 8.0];
        // The kept block (rows 25..30) is on the second page anyway.
        let p = plan(&fixed(vec![19.0; 30], &[]), w(), w(), &sheet(30, 25));
        assert_eq!(p.breaks, vec![21]);
        // The second page would hold rows 21..45 and split the block 40..47: it ends at 40.
        let p = plan(&fixed(vec![19.0; 47], &[]), w(), w(), &sheet(47, 40));
        assert_eq!(p.breaks, vec![21, 40]);
    }

    #[test]
    fn spare_width_goes_where_it_saves_lines() {
        // 20 notes of 46 units: two lines each in a 40-unit column, one in 48.
        let m = Fixed { rows: Vec::new(), groups: Vec::new(), notes: vec![46; 20] };
        let p = plan(&m, vec![10.0, 40.0, 8.0], vec![10.0, 12.0, 8.0], &sheet(20, 20));
        assert!(p.widths[1] >= 48.0, "{:?}", p.widths);
        assert_eq!(p.heights, vec![19.0; 20]);
        // With no room to spare, two lines each are 760 pt: two pages at 100 %. One line each
        // needs the page 18 units wider, printed at 85 %: one page.
        let p = plan(&m, vec![40.0, 30.0, 40.0], vec![40.0, 30.0, 40.0], &sheet(20, 20));
        assert_eq!((p.breaks.len(), p.widths[1], p.scale), (0, 48.0, 85));
    }

    #[test]
    fn text_columns_take_the_rest_of_the_page() {
        let kinds = [Path, Title, Number, Score, Text];
        let mut w = [10.0, 18.0, 8.0, 8.0, 22.0];
        fill_width(&mut w, &kinds, room().0);
        assert_eq!(w, [10.0, 20.0, 8.0, 8.0, 60.0], "the note to its bound, the rest to the title");
        assert!(printed_width(&w) <= room().0, "{}", printed_width(&w));
        let mut wide = [12.0, 18.0, 8.0, 8.0, 18.0, 18.0, 18.0];
        fill_width(&mut wide, &[Path, Title, Number, Score, Text, Text, Text], room().0);
        assert_eq!(wide[4..], [20.0, 19.0, 19.0], "shared evenly (a unit left over goes first)");
        assert_eq!(wide.iter().sum::<f64>(), 104.0, "the page's 110.9 units, less the padding and one");
    }
}
