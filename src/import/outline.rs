//! The outline: splitting inline claims (一是…二是…) into paragraphs of their own, and nesting
//! the numbered paragraphs (the numbers read by `numbering`) into a tree.
//!
//! Levels are learned from the document, not hard-wired: a numbering style met for the first
//! time opens a level below the current one; a style already open closes everything below it
//! and becomes a sibling. A number is only taken as a heading when it fits the sequence (the
//! next number of an open level, or 1 for a new level), so `3.5亿元` or `2022.` in running
//! text stays text.

use super::numbering::{Kind, Marker, Punct, Style, claim_starts, markers};
use super::para::{Kind as ParaKind, Para};

/// Nesting deeper than this is kept as text (the report format must handle at least 16).
pub const MAX_DEPTH: usize = 16;

/// A numbered paragraph that heads a part of the outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// The whole paragraph, number included.
    pub text: String,
    pub style: Style,
    pub value: u32,
    /// Bytes of `text` taken by the number (0 for markup headings).
    pub marker_len: usize,
}

impl Heading {
    /// The text after the number.
    pub fn rest(&self) -> &str {
        self.text.get(self.marker_len..).unwrap_or("").trim()
    }
}

/// A part of the outline: its heading, its own paragraphs (up to its first child) and its children.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub heading: Heading,
    pub paras: Vec<Para>,
    pub children: Vec<Node>,
}

/// The document as an outline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// Paragraphs before the first heading (title, meta, preface).
    pub front: Vec<Para>,
    pub roots: Vec<Node>,
    /// The numbering styles used as headings, in the order first met (one per kind: `1.` and `1、` are one).
    pub styles: Vec<Style>,
    /// Numbered-looking paragraphs that did not fit the sequence and were kept as text.
    pub kept_as_text: usize,
}

struct Open {
    style: Style,
    value: u32,
    node: usize,
}

struct Arena {
    heading: Heading,
    paras: Vec<Para>,
    children: Vec<usize>,
}

/// How a candidate number fits the open levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// The next number of an open level with this exact style.
    Sibling,
    /// The next number of an open level of the same kind, other punctuation (1. then 2、).
    Family,
    /// A new level below the current one.
    Deeper,
    /// The same style again from 1 (a second list under the same parent).
    Restart,
}

/// Splits paragraphs at inline claims, then nests numbered paragraphs into the outline.
pub fn outline(paras: Vec<Para>) -> Outline {
    let mut out = Outline::default();
    let mut arena: Vec<Arena> = Vec::new();
    let mut roots: Vec<usize> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();

    let paras = split_claims(paras);
    let found: Vec<Vec<Marker>> =
        paras.iter().map(|p| if p.kind == ParaKind::Text { markers(&p.text) } else { Vec::new() }).collect();
    let next = next_values(&found);
    // The value each style was first met with as a heading: a text that starts mid-document
    // opens with a style at 3 (`（三）`).
    let mut first_value: Vec<(Style, u32)> = Vec::new();
    for (i, para) in paras.into_iter().enumerate() {
        let chosen: Option<(usize, Heading)> = match para.kind {
            ParaKind::Heading(level) => {
                let style = Style { kind: Kind::Explicit(level), punct: Punct::Other };
                let keep = stack
                    .iter()
                    .rposition(|o| matches!(o.style.kind, Kind::Explicit(m) if m < level))
                    .map_or(0, |k| k + 1);
                (keep < MAX_DEPTH)
                    .then(|| (keep, Heading { text: para.text.clone(), style, value: 1, marker_len: 0 }))
            }
            ParaKind::Text => {
                let candidates = &found[i];
                let best = candidates
                    .iter()
                    .filter_map(|m| fit(&stack, m).map(|(f, level)| (f, level, m)))
                    .min_by_key(|&(f, _, _)| f)
                    .or_else(|| {
                        candidates.iter().enumerate().find_map(|(j, m)| {
                            above_a_late_start(&stack, &first_value, m, next[i][j]).then_some((
                                Fit::Deeper,
                                0,
                                m,
                            ))
                        })
                    });
                if best.is_none() && !candidates.is_empty() {
                    out.kept_as_text += 1;
                }
                best.map(|(_, level, m)| {
                    (
                        level,
                        Heading {
                            text: para.text.clone(),
                            style: m.style,
                            value: m.value,
                            marker_len: m.len,
                        },
                    )
                })
            }
            _ => None,
        };
        match chosen {
            Some((level, heading)) => {
                stack.truncate(level);
                let style = heading.style;
                let value = heading.value;
                if !first_value.iter().any(|(s, _)| *s == style) {
                    first_value.push((style, value));
                }
                if !out.styles.iter().any(|s| s.kind == style.kind) {
                    out.styles.push(style);
                }
                let ix = arena.len();
                arena.push(Arena { heading, paras: Vec::new(), children: Vec::new() });
                match stack.last() {
                    Some(parent) => arena[parent.node].children.push(ix),
                    None => roots.push(ix),
                }
                stack.push(Open { style, value, node: ix });
            }
            None => match stack.last() {
                Some(open) => arena[open.node].paras.push(para),
                None => out.front.push(para),
            },
        }
    }

    let mut slots: Vec<Option<Arena>> = arena.into_iter().map(Some).collect();
    out.roots = roots.into_iter().filter_map(|r| take_node(&mut slots, r)).collect();
    out
}

/// For each paragraph's number, the value of the next number in the same style further on.
fn next_values(found: &[Vec<Marker>]) -> Vec<Vec<Option<u32>>> {
    let mut later: std::collections::HashMap<Style, u32> = std::collections::HashMap::new();
    let mut out: Vec<Vec<Option<u32>>> = vec![Vec::new(); found.len()];
    for (i, ms) in found.iter().enumerate().rev() {
        out[i] = ms.iter().map(|m| later.get(&m.style).copied()).collect();
        for m in ms {
            later.insert(m.style, m.value);
        }
    }
    out
}

/// The conventional rank of a Chinese numbering style, highest first: 第一部分/第一章, 壹、,
/// 一、, （一）, 1., （1）, ①.
fn rank(kind: Kind) -> Option<u8> {
    Some(match kind {
        Kind::Chapter(_) => 0,
        Kind::CnCapital | Kind::CnCapitalParen => 1,
        Kind::CnComma => 2,
        Kind::CnParen => 3,
        Kind::Arabic => 4,
        Kind::ArabicParen => 5,
        Kind::Circled => 6,
        _ => return None,
    })
}

/// A text that starts mid-document (at `（三）`, its `一、` on an earlier page): a number of a
/// style ranked above the open top level, past 1 and counting on (the next in its style is the
/// next number, or there is none), heads a new top-level part — `二、` and `三、` after `（三）`
/// are parts, not text.
fn above_a_late_start(stack: &[Open], first_value: &[(Style, u32)], m: &Marker, next: Option<u32>) -> bool {
    let Some(root) = stack.first() else { return false };
    // The root started past 1, or this is part 二 of a text whose part 一 was never shown.
    let late = m.value == 2 || first_value.iter().any(|&(s, v)| s == root.style && v > 1);
    let above = matches!((rank(m.style.kind), rank(root.style.kind)), (Some(a), Some(b)) if a < b);
    let unseen = !first_value.iter().any(|(s, _)| s.kind == m.style.kind);
    late && above && unseen && m.value > 1 && next.is_none_or(|n| n == m.value + 1)
}

/// How `m` fits the open levels, and the level (stack length to keep) it goes at.
fn fit(stack: &[Open], m: &Marker) -> Option<(Fit, usize)> {
    if let Some(k) = stack.iter().rposition(|o| o.style == m.style) {
        // The next number of any open level with this style, the innermost first.
        let next = |o: &Open| m.value == o.value + 1 || m.value == o.value + 2;
        if let Some(j) = stack.iter().rposition(|o| o.style == m.style && next(o)) {
            return Some((Fit::Sibling, j));
        }
        if m.value == 1 && k > 0 {
            return Some((Fit::Restart, k));
        }
        // A Latin list from 1 inside a part of another kind (`1.` under `c.` under `2.`), as
        // English reviews number components: a new level, not a jump up.
        let latin = matches!(
            m.style.kind,
            Kind::Arabic
                | Kind::ArabicParen
                | Kind::LetterLower
                | Kind::LetterUpper
                | Kind::RomanLower
                | Kind::RomanUpper
        );
        let inside_another = stack.last().is_some_and(|o| o.style.kind != m.style.kind);
        if m.value == 1 && latin && inside_another && stack.len() < MAX_DEPTH {
            return Some((Fit::Deeper, stack.len()));
        }
        return None;
    }
    // `1.` then `2、` is one level written carelessly; `a.` then `(b)` are two levels.
    if let Some(k) = stack.iter().rposition(|o| {
        o.style.kind == m.style.kind && o.style != m.style && paren(o.style.punct) == paren(m.style.punct)
    }) && m.value == stack[k].value + 1
    {
        return Some((Fit::Family, k));
    }
    if stack.len() >= MAX_DEPTH {
        return None;
    }
    let strong = matches!(
        m.style.kind,
        Kind::CnComma
            | Kind::CnParen
            | Kind::CnCapital
            | Kind::CnCapitalParen
            | Kind::Chapter(_)
            | Kind::Circled
            | Kind::Claim
    );
    let opens = m.value == 1 || (stack.is_empty() && strong && m.value <= 20);
    // A style seen above in the open path never reopens below it (一、 under （一） is a jump up).
    let above = stack.iter().any(|o| o.style.kind == m.style.kind);
    (opens && !above).then_some((Fit::Deeper, stack.len()))
}

/// Whether a number is written in brackets (`(a)`, `a)`) rather than before a mark (`a.`, `a、`).
fn paren(p: Punct) -> bool {
    matches!(p, Punct::Paren | Punct::Close)
}

fn take_node(slots: &mut [Option<Arena>], ix: usize) -> Option<Node> {
    let a = slots.get_mut(ix)?.take()?;
    let children = a.children.into_iter().filter_map(|c| take_node(slots, c)).collect();
    Some(Node { heading: a.heading, paras: a.paras, children })
}

/// Paragraphs with inline claims split so each claim starts a paragraph of its own.
fn split_claims(paras: Vec<Para>) -> Vec<Para> {
    let mut out = Vec::with_capacity(paras.len());
    for para in paras {
        if para.kind != ParaKind::Text {
            out.push(para);
            continue;
        }
        let starts = claim_starts(&para.text);
        if starts.is_empty() {
            out.push(para);
            continue;
        }
        let mut cuts = starts.clone();
        if cuts[0] != 0 {
            cuts.insert(0, 0);
        }
        cuts.push(para.text.len());
        for w in cuts.windows(2) {
            let piece = para.text[w[0]..w[1]].trim();
            if !piece.is_empty() {
                out.push(Para { text: piece.to_string(), kind: ParaKind::Text });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Para {
        Para { text: t.to_string(), kind: ParaKind::Text }
    }

    fn shape(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|n| {
                let inner = shape(&n.children);
                let head = n.heading.text.as_str();
                if inner.is_empty() { head.to_string() } else { format!("{head}[{inner}]") }
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    #[test]
    fn levels_are_learned_from_the_document() {
        let doc = ["（一）甲", "1.子", "2.子", "（二）乙", "1.子"].map(text).to_vec();
        assert_eq!(shape(&outline(doc).roots), "（一）甲[1.子,2.子],（二）乙[1.子]");
        let doc = ["1. A", "1.1 a", "1.1.1 x", "1.2 b", "2. B", "2.1 c"].map(text).to_vec();
        assert_eq!(shape(&outline(doc).roots), "1. A[1.1 a[1.1.1 x],1.2 b],2. B[2.1 c]");
    }

    #[test]
    fn numbers_out_of_sequence_stay_text() {
        let doc = ["一、概况", "3.5亿元投入", "5. 不是标题", "二、成效"].map(text).to_vec();
        let o = outline(doc);
        assert_eq!(shape(&o.roots), "一、概况,二、成效");
        assert_eq!(o.roots[0].paras.len(), 2);
    }

    #[test]
    fn a_latin_list_from_one_inside_another_kind_nests() {
        let doc = [
            "1. Data:",
            "x",
            "2. Objectives:",
            "a. Objectives:",
            "y",
            "b. Revised?",
            "No",
            "c. Components:",
            "1. Upper",
            "2. Lower",
        ];
        assert_eq!(
            shape(&outline(doc.map(text).to_vec()).roots),
            "1. Data:,2. Objectives:[a. Objectives:,b. Revised?,c. Components:[1. Upper,2. Lower]]"
        );
    }

    #[test]
    fn a_text_starting_mid_document_keeps_the_parts_above_it() {
        let doc = [
            "（三）项目资金申报",
            "正文。",
            "二、项目实施情况",
            "（一）进度",
            "正文。",
            "（二）质量",
            "正文。",
            "三、存在问题",
            "正文。",
        ];
        assert_eq!(
            shape(&outline(doc.map(text).to_vec()).roots),
            "（三）项目资金申报,二、项目实施情况[（一）进度,（二）质量],三、存在问题"
        );
        // Part 二 of a text whose 一、 is never shown; a number that does not count on stays text.
        let doc = ["（一）甲", "正文。", "二、乙", "正文。"];
        assert_eq!(shape(&outline(doc.map(text).to_vec()).roots), "（一）甲,二、乙");
        let doc = ["（一）甲", "正文。", "四、乙", "正文。", "六、丙"];
        let o = outline(doc.map(text).to_vec());
        assert_eq!(shape(&o.roots), "（一）甲");
        assert_eq!(o.kept_as_text, 2);
    }

    #[test]
    fn roman_or_letter_by_context() {
        let doc = ["A. one", "B. two", "C. three", "D. d", "E. e", "F. f", "G. g", "H. h", "I. i"];
        let o = outline(doc.map(text).to_vec());
        assert_eq!(o.roots.len(), 9);
        let doc = ["I. Intro", "A. part", "B. part", "II. Body", "III. End"];
        assert_eq!(
            shape(&outline(doc.map(text).to_vec()).roots),
            "I. Intro[A. part,B. part],II. Body,III. End"
        );
    }
}
