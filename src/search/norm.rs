//! Char-by-char normalisation shared by the index and the query, and the character bloom.
//!
//! Every function maps one char to one char, so a char index into a normalised string is the
//! same char index into the original.

use std::sync::OnceLock;

use super::t2s_table;

/// Traditional → simplified Chinese, one char to one char, without context.
struct T2s {
    /// The first char with an entry.
    base: u32,
    /// `map[c - base]` is what `c` becomes (itself when unchanged).
    map: Vec<char>,
}

fn t2s_table() -> &'static T2s {
    static TABLE: OnceLock<T2s> = OnceLock::new();
    TABLE.get_or_init(|| {
        let pairs = t2s_table::T2S;
        let (Some(&(first, _)), Some(&(last, _))) = (pairs.first(), pairs.last()) else {
            return T2s { base: 0, map: Vec::new() };
        };
        let base = first as u32;
        let mut map: Vec<char> =
            (base..=last as u32).map(|u| char::from_u32(u).unwrap_or('\u{fffd}')).collect();
        for &(from, to) in pairs {
            map[(from as u32 - base) as usize] = to;
        }
        T2s { base, map }
    })
}

/// `text` with traditional Chinese made simplified, with the few context rules of fast2s
/// (whose table this is): 乾隆 stays, 計畫 becomes 计划, 看著 becomes 看着… A char is
/// looked at with the char before and the char after it.
pub(crate) fn t2s_convert(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &cur) in chars.iter().enumerate() {
        if cur.len_utf8() != 3 {
            out.push(cur);
            continue;
        }
        let prev = if i == 0 { '0' } else { chars[i - 1] };
        let next = chars.get(i + 1).copied().unwrap_or('0');
        out.push(t2s_in_context(prev, cur, next));
    }
    out
}

/// What `cur` becomes between `prev` and `next` (fast2s's `special_convert`, after simplet2s).
fn t2s_in_context(prev: char, cur: char, next: char) -> char {
    let before = [prev, cur];
    let after = [cur, next];
    // Words in which the char is kept.
    let keep: &[[char; 2]] = match cur {
        '兒' => &[['兒', '寬']],
        '覆' => &[['答', '覆'], ['批', '覆'], ['回', '覆']],
        '夥' => &[['甚', '夥']],
        '藉' => &[['慰', '藉'], ['狼', '藉']],
        '瞭' => &[['瞭', '望']],
        '麽' | '幺' => &[['幺', '麽']],
        '於' => &[['樊', '於']],
        '乾' => &[['乾', '隆'], ['乾', '坤'], ['乾', '卦']],
        _ => &[],
    };
    if !keep.is_empty() {
        if keep.contains(&before) || keep.contains(&after) {
            return cur;
        }
    } else {
        // Words in which the char becomes something other than its table entry.
        let special: &[([char; 2], char)] = match cur {
            '著' => &[(['看', '著'], '着')],
            '苧' => &[(['苧', '麻'], '苎')],
            '闔' => &[(['闔', '家'], '合')],
            '鍾' => &[(['鍾', '書'], '锺')],
            '讎' => &[(['校', '讎'], '雠'), (['讎', '定'], '雠'), (['仇', '讎'], '雠')],
            '畫' => &[(['計', '畫'], '划'), (['企', '畫'], '划')],
            _ => &[],
        };
        for word in [before, after] {
            if let Some(&(_, to)) = special.iter().find(|(w, _)| *w == word) {
                return to;
            }
        }
    }
    norm_t2s(cur)
}

/// `cur`'s table entry, itself when it has none.
fn norm_t2s(c: char) -> char {
    let t = t2s_table();
    match (c as u32).checked_sub(t.base).and_then(|i| t.map.get(i as usize)) {
        Some(&s) => s,
        None => c,
    }
}

/// Forces the traditional→simplified table to be built (it takes a few milliseconds).
pub(super) fn warm_up() {
    t2s_table();
}

/// `c` with full-width ASCII forms (U+FF01–U+FF5E) made ASCII, the ideographic space (U+3000)
/// made a space and traditional Chinese made simplified. Case is kept.
#[inline]
pub(super) fn norm(c: char) -> char {
    let u = c as u32;
    if u < 0x80 {
        return c;
    }
    match u {
        0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => norm_t2s(c),
    }
}

/// `c` lowercased when that gives a single char (ASCII included).
#[inline]
pub(super) fn lower(c: char) -> char {
    if c.is_ascii() { c.to_ascii_lowercase() } else { lower_non_ascii(c) }
}

/// `c` lowercased when it is not ASCII and that gives a single char. ASCII is left for the
/// matcher's own case-insensitive comparison (which keeps its camel-case bonuses).
#[inline]
pub(super) fn lower_non_ascii(c: char) -> char {
    let u = c as u32;
    // ASCII, and CJK, kana, Yi… (U+2E80..U+A640) and Hangul syllables have no case.
    if u < 0x80 || (0x2E80..0xA640).contains(&u) || (0xAC00..0xD7A4).contains(&u) {
        return c;
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The char a case-insensitive comparison sees.
#[inline]
pub(super) fn fold(c: char) -> char {
    lower(norm(c))
}

/// The form of `c` the matcher sees: case-sensitive terms see [`norm`]; case-insensitive
/// ones see it with non-ASCII chars lowercased as well.
#[inline]
pub(super) fn form(c: char, case_sensitive: bool) -> char {
    if case_sensitive { norm(c) } else { lower_non_ascii(norm(c)) }
}

/// Writes `text` in the matcher's form into `out`; false (and `out` untouched) when that form
/// is `text` itself.
pub(super) fn normalise_into(text: &str, case_sensitive: bool, out: &mut String) -> bool {
    let Some(start) = text.char_indices().find(|&(_, c)| form(c, case_sensitive) != c).map(|(i, _)| i) else {
        return false;
    };
    out.clear();
    out.reserve(text.len());
    out.push_str(&text[..start]);
    out.extend(text[start..].chars().map(|c| form(c, case_sensitive)));
    true
}

/// What normalisation changes in a field, so a search can tell when raw bytes will do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Changes {
    /// Some non-ASCII char folds to an ASCII letter or digit (full-width forms, the Kelvin sign).
    pub to_alnum: bool,
    /// Some non-ASCII char folds to other ASCII (full-width punctuation, U+3000).
    pub to_punct: bool,
    /// Some non-ASCII char folds to another non-ASCII char (traditional Chinese, uppercase).
    pub other: bool,
}

/// A 256-bit set of folded chars: exact bits for ASCII letters and digits, hashed otherwise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Bloom([u64; 4]);

impl Bloom {
    /// The bit for an already folded char.
    #[inline]
    fn bit(c: char) -> u32 {
        let u = c as u32;
        match c {
            'a'..='z' => u - 'a' as u32,
            '0'..='9' => 26 + u - '0' as u32,
            '\0'..='\x7f' => 36 + u % 28,
            _ => 64 + (u.wrapping_mul(0x9E37_79B1) >> 8) % 192,
        }
    }

    #[inline]
    pub(super) fn insert(&mut self, folded: char) {
        let b = Self::bit(folded);
        self.0[(b / 64) as usize] |= 1 << (b % 64);
    }

    /// Bloom of the folded chars of `text`, and what folding changes in it.
    pub(super) fn of_text(text: &str) -> (Bloom, Changes) {
        let mut bloom = Bloom::default();
        let mut changes = Changes::default();
        for c in text.chars() {
            if c.is_ascii() {
                bloom.insert(c.to_ascii_lowercase());
                continue;
            }
            let f = fold(c);
            if f.is_ascii_alphanumeric() {
                changes.to_alnum = true;
            } else if f.is_ascii() {
                changes.to_punct = true;
            } else if f != c {
                changes.other = true;
            }
            bloom.insert(f);
        }
        (bloom, changes)
    }

    /// Adds every char of `other`.
    pub(super) fn union(&mut self, other: &Bloom) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine |= theirs;
        }
    }

    #[inline]
    pub(super) fn contains(&self, other: &Bloom) -> bool {
        (0..4).all(|i| self.0[i] & other.0[i] == other.0[i])
    }
}

#[cfg(test)]
mod t2s_tests {
    use super::{normalise_into, t2s_convert, t2s_table};

    /// The table is the one fast2s 0.3.1 built: as many pairs, and the same FNV-1a checksum of
    /// its "traditional simplified\n" lines (recorded from fast2s before it was removed).
    #[test]
    fn table_matches_fast2s() {
        let pairs = t2s_table::T2S;
        assert_eq!(pairs.len(), 2734);
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0), "sorted, no duplicates");
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &(from, to) in pairs {
            for b in format!("{from} {to}\n").bytes() {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x100_0000_01b3);
            }
        }
        assert_eq!(hash, 0x36a1_926e_6d8c_d94f);
    }

    /// The search tests' strings, the evidence tests' strings and the traditional fixture, each
    /// with its search normalisation and its `t2s_convert` of the lowercased text, as recorded
    /// from fast2s before it was removed.
    #[test]
    fn corpus_output_unchanged() {
        let corpus = include_str!("../../fixtures/t2s/corpus.tsv");
        let mut rows = 0;
        for line in corpus.lines() {
            let [text, normalised, converted] = line.split('\t').collect::<Vec<_>>()[..] else {
                panic!("bad row: {line:?}");
            };
            let mut out = String::new();
            if !normalise_into(text, false, &mut out) {
                out = text.to_string();
            }
            assert_eq!(out, normalised, "normalised {text:?}");
            assert_eq!(t2s_convert(&text.to_lowercase()), converted, "converted {text:?}");
            rows += 1;
        }
        assert_eq!(rows, 138);
    }
}
