//! Char-by-char normalisation shared by the index and the query, and the character bloom.
//!
//! Every function maps one char to one char, so a char index into a normalised string is the
//! same char index into the original.

use std::sync::OnceLock;

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
        // fast2s maps single 3-byte chars (U+0800..=U+FFFF) to single 3-byte chars, with a few
        // two-char exceptions (乾隆, 計畫…). Converting every candidate char between newlines
        // gives its context-free mapping, the same for the corpus and for a query.
        let chars: Vec<char> = (0x800u32..=0xFFFF).filter_map(char::from_u32).collect();
        let mut all = String::with_capacity(chars.len() * 4);
        for &c in &chars {
            all.push(c);
            all.push('\n');
        }
        let converted = fast2s::convert(&all);
        let mut pairs = Vec::new();
        for (&from, to) in chars.iter().zip(converted.split('\n')) {
            let mut it = to.chars();
            if let (Some(to), None) = (it.next(), it.next())
                && to != from
            {
                pairs.push((from, to));
            }
        }
        let (Some(&(first, _)), Some(&(last, _))) = (pairs.first(), pairs.last()) else {
            return T2s { base: 0, map: Vec::new() };
        };
        let base = first as u32;
        let mut map: Vec<char> =
            (base..=last as u32).map(|u| char::from_u32(u).unwrap_or('\u{fffd}')).collect();
        for (from, to) in pairs {
            map[(from as u32 - base) as usize] = to;
        }
        T2s { base, map }
    })
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
        _ => {
            let t = t2s_table();
            match u.checked_sub(t.base).and_then(|i| t.map.get(i as usize)) {
                Some(&s) => s,
                None => c,
            }
        }
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
