//! Headings run into one very long line: a page whose text lost its line breaks (a database's
//! text rendering of a review, a document site's copy of a PDF) carries its outline inline —
//! `… Evaluation Group 1. Project Data: Date Posted: … 2. Project Objectives and Components: a.
//! Objectives: …`, `…请审议。二、审计发现的主要问题（一）…`. Such a line is split before the
//! numbers that count up in sequence, so the outline reads as if the breaks were there.
//!
//! Only lines far longer than a paragraph are looked at; the numbers must stand where a heading
//! can (after a sentence's end, a colon or a space) and count 1, 2, 3… in their style, two of
//! them at least (or one inside such a run of another style).

use super::numbering::{Kind, Style, markers, narrow};
use super::para::{Kind as ParaKind, Para};

/// A line this long (in characters) has lost its breaks: no paragraph runs so long.
const LONG: usize = 1200;

fn long(p: &Para) -> bool {
    p.kind == ParaKind::Text && p.text.len() >= LONG && p.text.chars().count() >= LONG
}

/// The paragraphs with very long lines split before their inline headings.
pub fn split(paras: Vec<Para>) -> Vec<Para> {
    if !paras.iter().any(long) {
        return paras;
    }
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        if !long(&p) {
            out.push(p);
            continue;
        }
        let cuts = heading_starts(&p.text);
        if cuts.is_empty() {
            out.push(p);
            continue;
        }
        let mut from = 0;
        for &c in cuts.iter().chain(std::iter::once(&p.text.len())) {
            let piece = p.text[from..c].trim();
            if !piece.is_empty() {
                out.push(Para::text(piece));
            }
            from = c;
        }
    }
    out
}

/// Where inline headings start in `text` (byte offsets, in order).
fn heading_starts(text: &str) -> Vec<usize> {
    // Candidates: a number where a heading may stand, read as the styles it could be.
    let mut found: Vec<(usize, Style, u32)> = Vec::new();
    let mut prev: Option<char> = None;
    // The word before the number: a figure or a currency there (`US$ 2. The`) makes it a number
    // in a sentence.
    let mut word_start = 0;
    let mut last_word = "";
    for (i, c) in text.char_indices() {
        // A bracketed Chinese number delimits itself (`…主要问题（一）资金…`).
        let boundary = match prev {
            None => false,
            Some(p) if p.is_whitespace() => true,
            Some(p) => {
                matches!(narrow(p), '。' | ';' | ':' | '!' | '?' | '；')
                    || (c == '（' && crate::lang::is_cjk(p))
            }
        };
        if boundary && starts_number(c) && plausible(&text[i..]) {
            for m in markers(&text[i..]) {
                if fits_here(m.style, last_word, &text[i + m.len..]) {
                    found.push((i, m.style, m.value));
                }
            }
        }
        if c.is_whitespace() {
            if prev.is_some_and(|p| !p.is_whitespace()) {
                last_word = &text[word_start..i];
            }
            word_start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    // Runs counting up from 1 in each style: (style, its last value, where its 1 stands). A
    // run's length is its last value, since each member counts one up.
    let mut runs: Vec<(Style, u32, usize)> = Vec::new();
    let mut kept: Vec<(usize, Style)> = Vec::new();
    for (i, style, value) in found {
        let at = runs.iter().position(|(s, _, _)| *s == style);
        let counts = match at {
            Some(k) => value == runs[k].1 + 1,
            None => value == 1,
        };
        if counts && kept.last().is_none_or(|&(j, _)| j != i) {
            match at {
                Some(k) => runs[k].1 = value,
                None => runs.push((style, value, i)),
            }
            kept.push((i, style));
        }
    }
    // Two of a style at least, or one inside a run of another style that has two.
    let length = |s: Style| runs.iter().find(|(r, _, _)| *r == s).map_or(0, |r| r.1);
    kept.iter()
        .filter(|(i, s)| length(*s) >= 2 || runs.iter().any(|&(r, n, from)| r != *s && n >= 2 && from < *i))
        .map(|(i, _)| *i)
        .collect()
}

/// A quick look before reading the numbers: a few digits, letters or numerals, then the mark a
/// number ends with (`.`, `、`, `)`), or a bracket or `第` first.
fn plausible(t: &str) -> bool {
    let mut chars = t.chars().map(narrow);
    let first = chars.next().unwrap_or(' ');
    if matches!(first, '(' | '第') {
        return true;
    }
    for (n, c) in (1..).zip(chars.take(6)) {
        if matches!(c, '.' | '、' | ')') {
            return n <= 5;
        }
        if !(c.is_ascii_alphanumeric() || "一二三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾".contains(c))
        {
            return false;
        }
    }
    false
}

/// The first character of a number a heading could start with.
fn starts_number(c: char) -> bool {
    let c = narrow(c);
    c.is_ascii_alphanumeric()
        || matches!(c, '(' | '第')
        || "一二三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾".contains(c)
}

/// Whether a number of `style` may head a part here: Chinese numbers anywhere a heading may
/// stand; Latin ones (`2. Project …`, `a. Objectives`) only before a capital, and not after a
/// figure or a currency (`US$ 2. The`).
fn fits_here(style: Style, before: &str, after: &str) -> bool {
    let latin = matches!(
        style.kind,
        Kind::Arabic
            | Kind::ArabicParen
            | Kind::LetterLower
            | Kind::LetterUpper
            | Kind::RomanLower
            | Kind::RomanUpper
    );
    let strong = matches!(
        style.kind,
        Kind::CnComma | Kind::CnParen | Kind::CnCapital | Kind::CnCapitalParen | Kind::Chapter(_)
    );
    if latin {
        let capital = after.chars().next().is_some_and(|c| c.is_uppercase() || crate::lang::is_cjk(c));
        let figure = !before.is_empty()
            && before.chars().all(|b| {
                b.is_ascii_digit() || matches!(b, '$' | '¥' | '￥' | '€' | '£' | ',' | '.' | 'U' | 'S')
            });
        capital && !figure
    } else {
        strong
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        split(vec![Para::text(text)]).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn a_review_on_one_line() {
        let filler = "The project was restructured in 2012 to include new indicators. ".repeat(30);
        let text = format!(
            "IEG Report Number: ICRR14782 ICR Review 1. Project Data: Costs US$ 2. The board approved it. 2. Project Objectives and Components: a. Objectives: {filler} b. Components: {filler}"
        );
        let got = pieces(&text);
        let heads: Vec<&str> = got.iter().map(|p| p.split(':').next().unwrap_or("")).collect();
        assert_eq!(
            heads,
            [
                "IEG Report Number",
                "1. Project Data",
                "2. Project Objectives and Components",
                "a. Objectives",
                "b. Components"
            ]
        );
    }

    #[test]
    fn chinese_parts_run_together() {
        let filler = "审计发现部分项目资金拨付不及时，影响了项目实施进度。".repeat(40);
        let text = format!(
            "审计情况如下。一、基本情况{filler}二、主要问题（一）资金{filler}（二）管理{filler}三、整改"
        );
        let got = pieces(&text);
        let heads: Vec<String> = got.iter().map(|p| p.chars().take(4).collect()).collect();
        assert_eq!(heads, ["审计情况", "一、基本", "二、主要", "（一）资", "（二）管", "三、整改"]);
        // A long paragraph with one number in it, or numbers not counting up, stays whole.
        let text = format!("{filler}3.5亿元用于建设。{filler}二、不是标题{filler}");
        assert_eq!(pieces(&text).len(), 1);
        assert_eq!(pieces("短的一行。二、不拆").len(), 1);
    }
}
