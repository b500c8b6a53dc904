//! A one-line window of a long text around its first highlighted char.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::{sanitize, width as text_width};

const ELLIPSIS: char = '…';

/// A window of `text` around the first of `positions` (char indices, as from
/// [`match_positions`](super::match_positions)) that fits in `width` display columns, and the
/// positions that fall inside it as char indices into the returned string.
///
/// The window is `text` on one line: newlines, tabs and carriage returns become spaces and
/// control chars their visible stand-ins ([`sanitize`]), one char each. About a third of the
/// width is context before the first highlight; `'…'` marks a cut end. The result never measures
/// more than `width` columns ([`crate::text::width`]) and never splits a grapheme.
pub fn snippet(text: &str, positions: &[usize], width: usize) -> (String, Vec<usize>) {
    if width == 0 {
        return (String::new(), Vec::new());
    }
    let total = text.chars().count();
    let first = positions.iter().copied().filter(|&p| p < total).min().unwrap_or(0);

    // Only chars near `first` can show: every grapheme but a zero-width one takes a column.
    let lo = first.saturating_sub(2 * width + 16);
    let hi = first.saturating_add(4 * width + 16).min(total);
    let piece: String = text
        .chars()
        .skip(lo)
        .take(hi - lo)
        .map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c })
        .collect();
    let piece = sanitize(&piece).into_owned(); // one char per char: no '\r' is left

    // Graphemes with their first char (relative to `lo`) and columns.
    let mut graphemes: Vec<(&str, usize, usize)> = Vec::new();
    let mut at = 0;
    for g in piece.graphemes(true) {
        graphemes.push((g, at, text_width(g)));
        at += g.chars().count();
    }
    let n = graphemes.len();
    if n == 0 {
        return (String::new(), Vec::new());
    }
    let focus = graphemes.iter().rposition(|&(_, start, _)| start <= first - lo).unwrap_or(0);
    let more_before = |start: usize| start > 0 || lo > 0;
    let more_after = |end: usize| end < n || hi < total;
    let cols = |start: usize, end: usize| {
        graphemes[start..end].iter().map(|g| g.2).sum::<usize>()
            + usize::from(more_before(start))
            + usize::from(more_after(end))
    };

    // Context before the focus, then as much after it as fits, then fill from the left if the
    // text ended first.
    let mut start = focus;
    let mut context = 0;
    while start > 0 && context + graphemes[start - 1].2 <= width / 3 {
        start -= 1;
        context += graphemes[start].2;
    }
    let extend = |start: usize| {
        let mut end = start;
        while end < n && cols(start, end + 1) <= width {
            end += 1;
        }
        if end < n && cols(start, n) <= width {
            end = n;
        }
        end
    };
    let mut end = extend(start);
    if end <= focus {
        start = focus;
        end = extend(start);
    }
    if end == n {
        while start > 0 && cols(start - 1, end) <= width {
            start -= 1;
        }
    }
    if cols(start, end) > width {
        // Not even the cut marks fit.
        return (ELLIPSIS.to_string(), Vec::new());
    }

    let mut out = String::new();
    let lead = usize::from(more_before(start));
    if lead == 1 {
        out.push(ELLIPSIS);
    }
    for g in &graphemes[start..end] {
        out.push_str(g.0);
    }
    if more_after(end) {
        out.push(ELLIPSIS);
    }
    let from = lo + graphemes[start].1;
    let to = lo + graphemes.get(end).map_or(at, |g| g.1);
    let mut shown: Vec<usize> =
        positions.iter().filter(|&&p| p >= from && p < to).map(|&p| p - from + lead).collect();
    shown.sort_unstable();
    shown.dedup();
    (out, shown)
}
