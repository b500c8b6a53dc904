//! Scoring one term in one field, asking the matcher only about short strings.
//!
//! SkimMatcherV2 scores an alignment by its matched chars: a match score each, a bonus from the
//! class of the char before each one (start of a word, after a separator, camel case…), a bonus
//! for consecutive matches and penalties for gaps. So a contiguous occurrence of a term scores a
//! fixed amount given the class of the char before it and which of its letters differ in case;
//! the matcher is asked once per such pair (on a stand-in char of that class followed by the
//! occurrence) and the answer is memoised. A term's score in a field is the best of its
//! contiguous occurrences. When it has none (its chars are scattered), the matcher's linear mode
//! scores the first tight alignment: the earliest-ending one, tightened back from its end. A
//! one-char term's scan stops as soon as an occurrence reaches the best any occurrence can get.
//!
//! Occurrences are found in the raw bytes (memchr and memmem; for case-insensitive letters, on an
//! ASCII-lowercased copy) when normalisation cannot change the term's chars in that field, and
//! char by char through the normalisation otherwise.

use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem::Finder;
use memchr::{memchr, memchr_iter, memchr2, memchr2_iter, memrchr, memrchr2};

use super::norm::{Changes, form, normalise_into};
use super::{CONTIGUOUS_BONUS, Kind, Term};

/// A matcher for one case mode, full alignment or linear ("simple") mode.
pub(super) fn matcher(case_sensitive: bool, simple: bool) -> SkimMatcherV2 {
    let m = SkimMatcherV2::default();
    let m = if case_sensitive { m.respect_case() } else { m.ignore_case() };
    if simple { m.element_limit(1) } else { m }
}

/// The matcher's full-alignment score of `pattern` in `choice` (already in the term's form).
///
/// A new matcher each time: SkimMatcherV2 keeps its score matrix between calls and reads some
/// stale cells of it, so a reused one gives scores that depend on earlier calls (and its
/// `use_cache(false)` panics in 0.3.7). Its linear mode never touches the matrix, so
/// [`Scorer`] reuses matchers for that.
fn skim_full(choice: &str, pattern: &str, case_sensitive: bool) -> Option<i64> {
    matcher(case_sensitive, false).fuzzy(choice, pattern, false).map(|(score, _)| score)
}

/// A field's text and whether its raw bytes can be searched for the term's chars.
#[derive(Clone, Copy)]
pub(super) struct Hay<'a> {
    pub text: &'a str,
    pub raw: bool,
}

impl<'a> Hay<'a> {
    pub fn new(text: &'a str, changes: Changes, term: &Term) -> Hay<'a> {
        let changed = (term.has_alnum && changes.to_alnum)
            || (term.has_punct && changes.to_punct)
            || (term.has_non_ascii && changes.other);
        Hay { text, raw: !changed }
    }
}

/// Bytes looked at one by one before handing a search to memchr (cheaper for near hits).
const NEAR: usize = 24;

/// The first byte at or after `from` that is ASCII `q` (either case when `ci` and a letter).
fn ascii_at(bytes: &[u8], q: u8, ci: bool, from: usize) -> Option<usize> {
    let hay = &bytes[from..];
    let other = if ci { q.to_ascii_uppercase() } else { q };
    let near = hay.len().min(NEAR);
    if let Some(i) = hay[..near].iter().position(|&b| b == q || b == other) {
        return Some(from + i);
    }
    let at = if other != q { memchr2(q, other, &hay[near..]) } else { memchr(q, &hay[near..]) };
    at.map(|i| from + near + i)
}

/// The last byte before `before` that is ASCII `q` (either case when `ci` and a letter).
fn ascii_before(bytes: &[u8], q: u8, ci: bool, before: usize) -> Option<usize> {
    let hay = &bytes[..before];
    let other = if ci { q.to_ascii_uppercase() } else { q };
    let far = hay.len().saturating_sub(NEAR);
    if let Some(i) = hay[far..].iter().rposition(|&b| b == q || b == other) {
        return Some(far + i);
    }
    if other != q { memrchr2(q, other, &hay[..far]) } else { memrchr(q, &hay[..far]) }
}

impl Term {
    /// Raw char `c` matches pattern char `k`.
    #[inline]
    pub(super) fn eq(&self, c: char, k: usize) -> bool {
        form(c, self.case_sensitive).to_ascii_lowercase_if(!self.case_sensitive) == self.chars[k]
    }

    /// Byte range of the first char at or after byte `from` that matches pattern char `k`.
    pub(super) fn find(&self, hay: Hay, k: usize, from: usize) -> Option<(usize, usize)> {
        let q = self.chars[k];
        if !hay.raw {
            let (i, c) = hay.text[from..].char_indices().find(|&(_, c)| self.eq(c, k))?;
            return Some((from + i, from + i + c.len_utf8()));
        }
        let bytes = hay.text.as_bytes();
        if q.is_ascii() {
            let at = ascii_at(bytes, q as u8, !self.case_sensitive, from)?;
            return Some((at, at + 1));
        }
        // UTF-8 is self-synchronising: a match of the bytes is a match of the char.
        let (finder, _) = self.finders[k].as_ref()?;
        let at = from + finder.find(&bytes[from..])?;
        Some((at, at + q.len_utf8()))
    }

    /// Start of the last char ending at or before byte `before` that matches pattern char `k`.
    fn rfind(&self, hay: Hay, k: usize, before: usize) -> Option<usize> {
        let q = self.chars[k];
        if !hay.raw {
            return hay.text[..before].char_indices().rev().find(|&(_, c)| self.eq(c, k)).map(|(i, _)| i);
        }
        let bytes = hay.text.as_bytes();
        if q.is_ascii() {
            return ascii_before(bytes, q as u8, !self.case_sensitive, before);
        }
        let (_, finder) = self.finders[k].as_ref()?;
        finder.rfind(&bytes[..before])
    }

    /// The earliest-ending alignment whose first char is at or after byte `from`: the byte
    /// just past its last char.
    fn forward(&self, hay: Hay, from: usize) -> Option<usize> {
        let mut at = from;
        for k in 0..self.chars.len() {
            at = self.find(hay, k, at)?.1;
        }
        Some(at)
    }

    /// The latest start of an alignment whose last char ends at byte `end`.
    fn tighten(&self, hay: Hay, end: usize) -> Option<usize> {
        let mut before = end;
        for k in (0..self.chars.len()).rev() {
            before = self.rfind(hay, k, before)?;
        }
        Some(before)
    }

    /// Where the term's earliest-ending occurrence in the field ends (byte), if it occurs.
    pub(super) fn first_end(&self, hay: Hay) -> Option<usize> {
        self.forward(hay, 0)
    }
}

trait AsciiLowerIf {
    fn to_ascii_lowercase_if(self, yes: bool) -> Self;
}

impl AsciiLowerIf for char {
    #[inline]
    fn to_ascii_lowercase_if(self, yes: bool) -> char {
        if yes { self.to_ascii_lowercase() } else { self }
    }
}

/// The matcher's char classes (`fuzzy_matcher::skim::CharType`), which decide the bonus a
/// match gets from the char before it; 0 is the start of the text.
fn class(c: char) -> usize {
    match c {
        // The matcher's "empty" ('\0') and hard separators give the same bonus.
        '\0' | ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => 1,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => 2,
        '0'..='9' => 3,
        'A'..='Z' => 4,
        _ => 5,
    }
}

const CLASSES: usize = 6;

/// Two chars of each class but the start of the text.
const CLASS_CHARS: [[char; 2]; CLASSES] =
    [['\0', '\0'], [' ', '/'], ['!', '"'], ['0', '1'], ['A', 'B'], ['a', 'b']];

/// A term's contiguous-occurrence scores, by the class of the char before the occurrence and
/// which of its chars differ from the pattern in (ASCII) case.
#[derive(Clone, Default)]
struct Memo {
    /// Case masks 0 and 1, by class.
    quick: [[Option<Option<i64>>; 2]; CLASSES],
    /// Other masks.
    rest: Vec<(usize, u64, Option<i64>)>,
    /// For one-char terms: the best score any occurrence but one at the very start can get.
    bound: Option<Option<i64>>,
}

/// Per-thread scratch for scoring.
pub(super) struct Scorer {
    /// One memo per query term.
    memo: Vec<Memo>,
    /// Per term, a substring searcher for its pattern (lowercase when case-insensitive).
    finders: Vec<Finder<'static>>,
    buf: String,
    /// ASCII-lowercased copies of the current node's fields, by slot; `lowered` says which
    /// are made.
    lower: Vec<Vec<u8>>,
    lowered: u32,
    /// Where the contiguous occurrences being scored start.
    starts: Vec<usize>,
    /// Linear-mode matchers, case-insensitive and case-sensitive.
    simple: [SkimMatcherV2; 2],
}

fn max(best: Option<i64>, score: Option<i64>) -> Option<i64> {
    best.max(score)
}

impl Scorer {
    pub fn new(terms: &[Term], slots: usize) -> Scorer {
        Scorer {
            memo: vec![Memo::default(); terms.len()],
            finders: terms.iter().map(|t| Finder::new(t.pattern.as_bytes()).into_owned()).collect(),
            buf: String::new(),
            lower: vec![Vec::new(); slots],
            lowered: 0,
            starts: Vec::new(),
            simple: [false, true].map(|cs| matcher(cs, true)),
        }
    }

    /// Forgets the previous node's fields.
    pub fn next_node(&mut self) {
        self.lowered = 0;
    }

    /// The term's best score in the field (in `slot` of the node), or `None` when it does not
    /// occur. `first_end` is [`Term::first_end`] of the field.
    pub fn score(&mut self, hay: Hay, slot: usize, term: &Term, t: usize, first_end: usize) -> Option<i64> {
        // Contiguous occurrences are scored exactly; only when there are none does the first
        // alignment to end (as tight as it goes) get the matcher's linear mode.
        let mut best: Option<i64> = None;
        if matches!(term.kind, Kind::Prefix | Kind::Suffix | Kind::Whole) {
            let (start, _) = term.exact_span(hay)?;
            return self.contiguous(hay, term, t, start).map(|s| s + CONTIGUOUS_BONUS);
        }
        if term.chars.len() == 1 {
            return self.single(hay, term, t).map(|s| s + CONTIGUOUS_BONUS);
        }
        if hay.raw {
            // Raw bytes hold the term exactly, or up to ASCII case.
            let bytes = if term.case_sensitive || !term.has_letters {
                hay.text.as_bytes()
            } else {
                if self.lowered & (1 << slot) == 0 {
                    self.lowered |= 1 << slot;
                    let lower = &mut self.lower[slot];
                    lower.clear();
                    lower.extend_from_slice(hay.text.as_bytes());
                    lower.make_ascii_lowercase();
                }
                &self.lower[slot]
            };
            let mut starts = std::mem::take(&mut self.starts);
            starts.clear();
            starts.extend(self.finders[t].find_iter(bytes));
            for &start in &starts {
                best = max(best, self.contiguous(hay, term, t, start));
            }
            self.starts = starts;
        } else {
            let mut from = 0;
            while let Some((start, end)) = term.find(hay, 0, from) {
                from = end;
                best = max(best, self.contiguous(hay, term, t, start));
            }
        }
        if best.is_some() {
            return best.map(|s| s + CONTIGUOUS_BONUS);
        }
        if term.kind == Kind::Fuzzy {
            let start = term.tighten(hay, first_end)?;
            let raw = &hay.text[start..first_end];
            let choice =
                if normalise_into(raw, term.case_sensitive, &mut self.buf) { &self.buf } else { raw };
            let m = &self.simple[usize::from(term.case_sensitive)];
            best = m.fuzzy(choice, &term.pattern, false).map(|(score, _)| score);
        }
        best
    }

    /// A one-char term: the best of its occurrences, each scored by the char before it.
    fn single(&mut self, hay: Hay, term: &Term, t: usize) -> Option<i64> {
        let bound = self.single_bound(term, t);
        let mut best: Option<i64> = None;
        if hay.raw {
            let bytes = hay.text.as_bytes();
            let q = term.chars[0];
            let finders = std::mem::take(&mut self.finders);
            let mut each = |start: usize| {
                best = max(best, self.contiguous(hay, term, t, start));
                start > 0 && best >= bound // nothing later can score more
            };
            if q.is_ascii() {
                let q = q as u8;
                let upper = if term.case_sensitive { q } else { q.to_ascii_uppercase() };
                let _ = if upper == q {
                    memchr_iter(q, bytes).any(&mut each)
                } else {
                    memchr2_iter(q, upper, bytes).any(&mut each)
                };
            } else {
                let _ = finders[t].find_iter(bytes).any(each);
            }
            self.finders = finders;
            return best;
        }
        let mut from = 0;
        while let Some((start, end)) = term.find(hay, 0, from) {
            from = end;
            best = max(best, self.contiguous(hay, term, t, start));
            if start > 0 && best >= bound {
                break; // nothing later can score more
            }
        }
        best
    }

    /// The score of the term's chars at byte `start` of the field, if they are all there in a
    /// row.
    fn contiguous(&mut self, hay: Hay, term: &Term, t: usize, start: usize) -> Option<i64> {
        let bytes = hay.text.as_bytes();
        let mut mask = 0u64;
        if hay.raw && term.chars.len() == 1 && term.chars[0].is_ascii() {
            // `find` has checked it; only the case is left to see.
            mask = u64::from(bytes[start] != term.chars[0] as u8);
        } else {
            let mut chars = hay.text[start..].chars();
            for (k, &q) in term.chars.iter().enumerate() {
                let c = chars.next().filter(|&c| term.eq(c, k))?;
                if form(c, term.case_sensitive) != q {
                    mask |= 1 << (k % 64);
                }
            }
        }
        let class = match start.checked_sub(1).map(|i| bytes[i]) {
            None => 0,
            Some(b) if b.is_ascii() => class(b as char),
            Some(_) => {
                hay.text[..start].chars().next_back().map_or(0, |c| class(form(c, term.case_sensitive)))
            }
        };
        if term.chars.len() > 64 {
            // Too long for the mask: ask the matcher about this one.
            let found: String = hay.text[start..]
                .chars()
                .take(term.chars.len())
                .map(|c| form(c, term.case_sensitive))
                .collect();
            return occurrence_score(term, class, &found);
        }
        self.memo_score(term, t, class, mask)
    }

    /// The score of a contiguous occurrence after a char of `class`, its chars differing from
    /// the pattern in case where `mask` says.
    fn memo_score(&mut self, term: &Term, t: usize, class: usize, mask: u64) -> Option<i64> {
        let memo = &mut self.memo[t];
        let cached = match mask {
            0 | 1 => memo.quick[class][mask as usize],
            _ => memo.rest.iter().find(|&&(c, m, _)| c == class && m == mask).map(|&(_, _, s)| s),
        };
        if let Some(score) = cached {
            return score;
        }
        let found: String = term
            .chars
            .iter()
            .enumerate()
            .map(|(k, &q)| if mask & (1 << k) != 0 { q.to_ascii_uppercase() } else { q })
            .collect();
        let score = occurrence_score(term, class, &found);
        match mask {
            0 | 1 => memo.quick[class][mask as usize] = Some(score),
            _ => memo.rest.push((class, mask, score)),
        }
        score
    }

    /// For a one-char term, the best score an occurrence anywhere but at the start can get.
    fn single_bound(&mut self, term: &Term, t: usize) -> Option<i64> {
        if let Some(bound) = self.memo[t].bound {
            return bound;
        }
        let masks = if !term.case_sensitive && term.chars[0].is_ascii_lowercase() { 2 } else { 1 };
        let mut bound = None;
        for class in 1..CLASSES {
            for mask in 0..masks {
                bound = max(bound, self.memo_score(term, t, class, mask));
            }
        }
        self.memo[t].bound = Some(bound);
        bound
    }
}

/// The matcher's score for `found` (a contiguous occurrence, in the term's form) after a char
/// of `class`: it is given a char of that class that cannot start the term, then `found`.
fn occurrence_score(term: &Term, class: usize, found: &str) -> Option<i64> {
    let mut choice = String::with_capacity(found.len() + 1);
    if class != 0 {
        let [a, b] = CLASS_CHARS[class];
        let q = term.chars[0];
        choice.push(if form(a, true).to_ascii_lowercase_if(!term.case_sensitive) == q { b } else { a });
    }
    choice.push_str(found);
    skim_full(&choice, &term.pattern, term.case_sensitive)
}
