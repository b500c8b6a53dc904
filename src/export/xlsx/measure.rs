//! Column widths and row heights for print: widths from the content (a CJK character counts
//! as two of Excel's width units), capped per kind of column so the text wraps instead, and row
//! heights estimated from the lines the wrapped text takes, since neither Excel nor WPS fits a
//! row to wrapped text when it opens a file. A sheet's texts are measured once ([`SheetText`]),
//! so the pages can try column widths by arithmetic.

use super::super::table::{ColKind, Table};
use super::page::{Group, Heights, Measure};
use crate::text::width;

/// The workbook's font size, in points.
pub(super) const FONT_SIZE: f64 = 11.0;
/// One line of text at [`FONT_SIZE`], with the leading a CJK font takes (Noto Sans CJK, which
/// LibreOffice puts in for 宋体, is 1.45 em tall; Excel's 宋体 1.3 em).
const LINE: f64 = 15.0;
/// A row's room above and below its text.
const PAD: f64 = 4.0;
/// Excel's default row height at 11 pt.
pub(super) const ROW: f64 = LINE + PAD;
/// Rows taller than this many lines are cut off (Excel's highest row is 409 pt).
const MAX_LINES: usize = 24;

/// The smallest and largest width of a kind of column, in Excel's units. Text wraps at the
/// largest; a number never does, so a number column is as wide as its widest number shown.
fn bounds(kind: ColKind) -> (usize, usize) {
    match kind {
        // Section levels: narrow, their titles wrap.
        ColKind::Path => (6, 12),
        ColKind::Title => (10, 18),
        // Criteria, notes: the widest, wrapped.
        ColKind::Text => (12, 22),
        ColKind::Number | ColKind::Score => (6, 12),
        ColKind::Mark => (5, 6),
    }
}

/// The narrowest each column may be: a wrapped column its kind's least or its short header, the
/// others as `widths` has them (a number never wraps); never narrower than `words` (no word is
/// broken); column 0 wide enough for the header block's labels `first` (which do not wrap).
pub(super) fn narrowest(table: &Table, widths: &[f64], words: &[f64], first: &[&str]) -> Vec<f64> {
    (0..table.columns.len())
        .map(|c| {
            let kind = table.columns[c].kind;
            // A short header (一级指标) is not broken: it would read as 一级指 / 标.
            let header = (width(&table.columns[c].header) + 2).min(10);
            let least = if wrapped(kind) { bounds(kind).0.max(header) as f64 } else { widths[c] };
            let least = least.max(words[c]);
            if c == 0 { least.max(labels(first)) } else { least }
        })
        .collect()
}

/// The width the header block's labels need in column 0: bold, never wrapped.
fn labels(first: &[&str]) -> f64 {
    first.iter().map(|l| bold(width(l))).fold(0.0, f64::max)
}

/// The width a bold text `w` units wide needs in a column: bold glyphs are wider, and a cell
/// has padding.
fn bold(w: usize) -> f64 {
    (w as f64 * BOLD + 1.2).ceil()
}

/// How much wider bold text prints than regular (DejaVu Sans Bold, LibreOffice's fallback).
const BOLD: f64 = 1.12;

/// The widest word any column may insist on (a URL in a note wraps anyway).
const MAX_WORD: usize = 24;

/// Per column, the least width at which none of its texts (its header, its cells as shown) has
/// a word broken across lines — `(provisional)`, `Flagged` — measured as bold (a header, a
/// subtotal), within the column's kind's largest width (a wrapped column's) or [`MAX_WORD`].
/// Texts merged across columns are left out: they have the merge's width.
pub(super) fn word_widths(
    table: &Table,
    shown: impl Fn(usize, usize) -> String,
    merged: impl Fn(usize, usize) -> bool,
) -> Vec<f64> {
    (0..table.columns.len())
        .map(|c| {
            let col = &table.columns[c];
            let cells = (0..table.rows.len()).filter(|&r| !merged(r, c)).map(|r| longest_word(&shown(r, c)));
            let longest = cells.chain(std::iter::once(longest_word(&col.header))).max().unwrap_or(0);
            let cap = match col.kind {
                ColKind::Path | ColKind::Title | ColKind::Text => bounds(col.kind).1,
                ColKind::Number | ColKind::Score | ColKind::Mark => MAX_WORD,
            };
            bold(longest.min(cap))
        })
        .collect()
}

/// The width of the longest run of `text` that a line may not break inside: a line breaks at
/// spaces, after a hyphen or a slash, and around a CJK character (one is a word of its own).
pub(super) fn longest_word(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    let (mut longest, mut run) = (0, 0);
    for g in text.graphemes(true) {
        let w = width(g);
        if g.chars().all(char::is_whitespace) {
            run = 0;
        } else if w > 1 {
            longest = longest.max(w);
            run = 0;
        } else {
            run += w;
            longest = longest.max(run);
            if g == "-" || g == "/" {
                run = 0;
            }
        }
    }
    longest
}

/// A column whose text wraps (section levels, item titles, criteria, notes).
fn wrapped(kind: ColKind) -> bool {
    matches!(kind, ColKind::Path | ColKind::Title | ColKind::Text)
}

/// The widest a number column gets for its numbers (far beyond any score).
const MAX_NUMBER: usize = 24;

/// Widths in Excel's units: the longest line of a column's content as Excel shows it (`shown`:
/// `80.00%`, `4.00`, not the raw number) and a little room, within the column kind's bounds —
/// except that a number column always fits its widest number. The header counts too, except
/// over numbers and marks, whose headers wrap (自评 / 得分) rather than widen a column of short
/// numbers, and so does a grade among numbers. `first` is what else column 0 holds: the labels
/// of the header block; `words` what each column needs for its longest word. The pages then
/// widen what pays for its width in height.
pub(super) fn column_widths(
    table: &Table,
    shown: impl Fn(usize, usize) -> String,
    words: &[f64],
    first: &[&str],
) -> Vec<f64> {
    (0..table.columns.len())
        .map(|c| {
            let col = &table.columns[c];
            let (min, cap) = bounds(col.kind);
            let cells = (0..table.rows.len()).map(|r| (shown(r, c), table.rows[r].cells[c].value.is_num()));
            let w = match col.kind {
                ColKind::Path | ColKind::Title | ColKind::Text => {
                    let content = cells
                        .map(|(t, _)| t)
                        .chain(std::iter::once(col.header.clone()))
                        .flat_map(|t| t.lines().map(width).collect::<Vec<_>>())
                        .max()
                        .unwrap_or(0);
                    (content + 2).clamp(min, cap)
                }
                // A grade among numbers wraps (良 / （暂定）) unless the pages find the width
                // worth it; a column of text alone (the 汇总表's grades) is as wide as its text.
                ColKind::Number | ColKind::Score => {
                    let cells: Vec<(String, bool)> = cells.collect();
                    let any_number = cells.iter().any(|(_, n)| *n);
                    let numbers = cells
                        .iter()
                        .filter(|(_, n)| *n || !any_number)
                        .map(|(t, _)| width(t))
                        .max()
                        .unwrap_or(0);
                    min.max((numbers + 2).min(MAX_NUMBER))
                }
                ColKind::Mark => {
                    let marks = cells.map(|(t, _)| width(&t)).max().unwrap_or(0);
                    (marks + 2).clamp(min, cap)
                }
            };
            // A word wider than a number column (`(provisional)` in a grade) is made room for
            // out of the page's width (see `narrowest`), never by printing the sheet smaller.
            let w = if wrapped(col.kind) { (w as f64).max(words[c]) } else { w as f64 };
            if c == 0 { w.max(labels(first)) } else { w }
        })
        .collect()
}

/// The room a column `w` units wide has for text: a little less than its width (a cell's
/// padding, and Latin text wraps at spaces, not anywhere).
fn room(w: f64) -> f64 {
    (w - 1.2).max(1.0)
}

/// A text measured once: the width of each of its lines.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Lines(Vec<u32>);

impl Lines {
    pub fn of(text: &str) -> Lines {
        Lines(line_widths(text).collect())
    }

    /// The lines it takes, wrapped in a column `w` units wide.
    pub fn count(&self, w: f64) -> usize {
        count(&self.0, w)
    }
}

fn line_widths(text: &str) -> impl Iterator<Item = u32> + '_ {
    text.lines().map(|l| width(l).min(u32::MAX as usize) as u32)
}

/// The lines text of these line widths takes wrapped in a column `w` units wide: each line's
/// width over the room.
fn count(lines: &[u32], w: f64) -> usize {
    let room = room(w);
    lines.iter().map(|&t| (f64::from(t) / room).ceil().max(1.0) as usize).sum::<usize>().max(1)
}

/// The least whole width above `w` at which a line `t` units wide wraps into fewer lines.
fn fewer_lines_at(t: u32, w: f64) -> Option<f64> {
    let t = f64::from(t);
    let lines = (t / room(w)).ceil();
    (lines > 1.0).then(|| (t / (lines - 1.0) + 1.2).ceil().max(w.floor() + 1.0))
}

/// One cell's text, over columns `c0..=c1` (a label merged across): its line widths are
/// `lines` of [`SheetText::widths`]. A sheet of 100k items has a million cells: no allocation
/// of their own.
#[derive(Debug, Clone, Copy)]
struct Span {
    c0: u16,
    c1: u16,
    lines: (u32, u32),
}

/// A sheet's texts, measured once: the header block, the table's header, each row's cells that
/// hold text, the groups' names (merged down their rows), and the fixed rows below the table.
pub(super) struct SheetText {
    heading: Lines,
    facts: Vec<Lines>,
    notes: Vec<Lines>,
    header: Vec<Lines>,
    /// Row `r`'s cells are `spans[starts[r]..starts[r + 1]]`.
    starts: Vec<u32>,
    spans: Vec<Span>,
    widths: Vec<u32>,
    groups: Vec<(usize, usize, usize, Lines)>,
    tail: Vec<f64>,
    /// Per column, the widths of the lines in it alone (what a wider column could unwrap).
    by_column: Vec<Vec<u32>>,
    /// Per column, the texts merged across it and others: first and last column, line width.
    across: Vec<Vec<(u16, u16, u32)>>,
}

/// The texts above the table: the heading, the facts' values, the notes.
pub(super) struct Framed<'a> {
    pub heading: &'a str,
    pub facts: Vec<&'a str>,
    pub notes: &'a [String],
}

/// Under a merge, not its first cell.
const COVERED: u16 = u16::MAX;

impl SheetText {
    /// `shown(r, c)`: cell (`r`, `c`) as the sheet shows it; `merges`: (first row, first column,
    /// last row, last column) of every merged range, a range over several rows being a group;
    /// `tail`: the heights of the rows below the table.
    pub fn of(
        table: &Table,
        shown: impl Fn(usize, usize) -> String,
        framed: &Framed,
        merges: &[(usize, usize, usize, usize)],
        tail: Vec<f64>,
    ) -> SheetText {
        let ncols = table.columns.len().min(COVERED as usize - 1);
        // Each cell's last column: its own, a merge's first cell the merge's, under a merge none.
        let mut end: Vec<u16> = (0..table.rows.len()).flat_map(|_| 0..ncols as u16).collect();
        let mut groups = Vec::new();
        for &(r0, c0, r1, c1) in merges {
            for r in r0..=r1 {
                for c in c0..=c1.min(ncols - 1) {
                    end[r * ncols + c] = if r == r0 && c == c0 && r0 == r1 { c1 as u16 } else { COVERED };
                }
            }
            if r1 > r0 {
                groups.push((r0, r1, c0, Lines::of(&shown(r0, c0))));
            }
        }
        let (mut starts, mut spans, mut widths) =
            (Vec::with_capacity(table.rows.len() + 1), Vec::new(), Vec::new());
        for r in 0..table.rows.len() {
            starts.push(spans.len() as u32);
            for c in 0..ncols {
                let c1 = end[r * ncols + c];
                let text = if c1 == COVERED { String::new() } else { shown(r, c) };
                if text.is_empty() {
                    continue;
                }
                let from = widths.len() as u32;
                widths.extend(line_widths(&text));
                spans.push(Span { c0: c as u16, c1, lines: (from, widths.len() as u32) });
            }
        }
        starts.push(spans.len() as u32);
        let header: Vec<Lines> = table.columns.iter().map(|c| Lines::of(&c.header)).collect();
        let mut by_column: Vec<Vec<u32>> = header.iter().map(|l| l.0.clone()).collect();
        let mut across: Vec<Vec<(u16, u16, u32)>> = vec![Vec::new(); ncols];
        for s in &spans {
            let lines = &widths[s.lines.0 as usize..s.lines.1 as usize];
            if s.c0 == s.c1 {
                by_column[s.c0 as usize].extend(lines);
            } else {
                for col in across.iter_mut().take(s.c1 as usize + 1).skip(s.c0 as usize) {
                    col.extend(lines.iter().map(|&t| (s.c0, s.c1, t)));
                }
            }
        }
        for (_, _, c, text) in &groups {
            by_column[*c].extend(&text.0);
        }
        by_column.iter_mut().for_each(|col| {
            col.sort_unstable();
            col.dedup();
        });
        across.iter_mut().for_each(|col| {
            col.sort_unstable();
            col.dedup();
        });
        SheetText {
            heading: Lines::of(framed.heading),
            facts: framed.facts.iter().map(|v| Lines::of(v)).collect(),
            notes: framed.notes.iter().map(|n| Lines::of(n)).collect(),
            header,
            starts,
            spans,
            widths,
            groups,
            tail,
            by_column,
            across,
        }
    }
}

/// The title row's font size.
pub(super) const TITLE_SIZE: f64 = 16.0;

impl Measure for SheetText {
    fn heights(&self, widths: &[f64]) -> Heights {
        let total: f64 = widths.iter().sum();
        // The facts' values are merged over all columns but the first, which holds the labels.
        let values = widths.iter().skip(1).sum::<f64>().max(widths.first().copied().unwrap_or(0.0));
        let mut head =
            vec![self.heading.count(total * FONT_SIZE / TITLE_SIZE) as f64 * TITLE_SIZE * 1.5 + 6.0];
        head.extend(self.facts.iter().map(|v| height(v.count(values))));
        head.extend(self.notes.iter().map(|n| height(n.count(total))));
        head.push(6.0);
        let header = height(self.header.iter().zip(widths).map(|(h, w)| h.count(*w)).max().unwrap_or(1));
        let mut rows: Vec<f64> = self
            .starts
            .windows(2)
            .map(|w| {
                let cells = &self.spans[w[0] as usize..w[1] as usize];
                let tall = cells.iter().map(|s| {
                    let lines = &self.widths[s.lines.0 as usize..s.lines.1 as usize];
                    count(lines, widths[s.c0 as usize..=s.c1 as usize].iter().sum())
                });
                height(tall.max().unwrap_or(1))
            })
            .collect();
        rows.extend(&self.tail);
        let groups = self.groups.iter().map(|(r0, r1, c, text)| Group {
            c: *c,
            r0: *r0,
            r1: *r1,
            need: height(text.count(widths[*c])),
        });
        Heights { head, header, rows, groups: groups.collect() }
    }

    fn next_width(&self, c: usize, widths: &[f64]) -> Option<f64> {
        let alone = self.by_column[c].iter().filter_map(|&t| fewer_lines_at(t, widths[c]));
        let across = self.across[c].iter().filter_map(|&(c0, c1, t)| {
            let all: f64 = widths[c0 as usize..=c1 as usize].iter().sum();
            fewer_lines_at(t, all).map(|w| widths[c] + w - all)
        });
        alone.chain(across).min_by(f64::total_cmp)
    }

    fn cells(&self) -> usize {
        self.spans.len()
    }
}

/// The height, in points, of a row of `lines` lines.
pub(super) fn height(lines: usize) -> f64 {
    lines.clamp(1, MAX_LINES) as f64 * LINE + PAD
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, w: f64) -> usize {
        Lines::of(text).count(w)
    }

    #[test]
    fn cjk_counts_twice_and_lines_wrap() {
        assert_eq!(lines("评分标准", 10.0), 1, "8 units in 8.8");
        assert_eq!(lines("扣分原因和其他说明", 10.0), 3, "18 units in 8.8");
        assert_eq!(lines("a\nb", 10.0), 2);
        assert_eq!(lines("", 10.0), 1);
        assert_eq!(height(1), ROW);
        assert_eq!(height(100), height(MAX_LINES));
    }

    #[test]
    fn words_break_at_spaces_hyphens_slashes_and_around_cjk() {
        assert_eq!(longest_word("B (provisional)"), 13);
        assert_eq!(longest_word("skills drop-ins"), 6, "skills; drop- / ins");
        assert_eq!(longest_word("a/bcd"), 3);
        assert_eq!(longest_word("良（暂定）"), 2, "a CJK character is a word of its own");
        assert_eq!(longest_word("得分率 80.00%"), 6);
        assert_eq!(longest_word(""), 0);
        assert_eq!(bold(7), 10.0, "Flagged: 7 × 1.12 + 1.2 = 9.04");
    }

    #[test]
    fn a_wider_column_unwraps_a_line_at_a_known_width() {
        // 46 units: two lines in 40 (38.8 of room), one from 47.2, so 48.
        assert_eq!(fewer_lines_at(46, 40.0), Some(48.0));
        assert_eq!(Lines::of(&"字".repeat(23)).count(48.0), 1);
        assert_eq!(Lines::of(&"字".repeat(23)).count(47.0), 2);
        // Three lines in 20 (18.8): two from 24.2, so 25.
        assert_eq!(fewer_lines_at(46, 20.0), Some(25.0));
        assert_eq!(fewer_lines_at(10, 20.0), None, "one line already");
    }
}
