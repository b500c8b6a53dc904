//! Outline numbering: the number at the start of a paragraph (一、 （一） 1. （1） ① 第一章 一是
//! 1.1 I. A. (a) …), read as every style it could be, and where inline claims (一是…二是…)
//! start. What the numbers mean for the outline's levels is `outline`'s. Full-width and
//! half-width forms are the same style.

use std::fmt;

/// The kind of number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 一、 二、
    CnComma,
    /// （一） (一) 一）
    CnParen,
    /// 壹、 貳、: numerals in their financial forms, a level of their own above 一、 (Taiwan's
    /// 壹、 / 一、 / （一） / 1、)
    CnCapital,
    /// （壹） (貳)
    CnCapitalParen,
    /// 甲、 乙、 (甲)
    CnStem,
    /// 第一章, 第一节, 第一条, 第一部分… (the unit character)
    Chapter(char),
    /// 第一， 第二，
    Ordinal,
    /// 一是 二是 (an inline claim)
    Claim,
    /// 1. 1、 1．
    Arabic,
    /// （1） (1) 1） ⑴
    ArabicParen,
    /// ① ②
    Circled,
    /// 1.1 (2), 1.1.1 (3)…
    Dotted(u8),
    RomanUpper,
    RomanLower,
    LetterUpper,
    LetterLower,
    /// A heading by markup: Markdown `#`×n, or a Word heading style / outline level n.
    Explicit(u8),
}

/// The punctuation around the number: `1.` and `1、` are the same kind, different styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Punct {
    /// 、
    Comma,
    /// . ．
    Dot,
    /// (x) （x）
    Paren,
    /// x) x）
    Close,
    /// none of these (第一章, 一是, ①, markup)
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Style {
    pub kind: Kind,
    pub punct: Punct,
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (open, close) = match self.punct {
            Punct::Comma => ("", "、"),
            Punct::Dot => ("", "."),
            Punct::Paren => ("(", ")"),
            Punct::Close => ("", ")"),
            Punct::Other => ("", ""),
        };
        let wide = |s: &str| s.replace('(', "（").replace(')', "）");
        match self.kind {
            Kind::CnComma => write!(f, "一{close}"),
            Kind::CnParen => write!(f, "{}", wide(&format!("{open}一{close}"))),
            Kind::CnCapital => write!(f, "壹{close}"),
            Kind::CnCapitalParen => write!(f, "{}", wide(&format!("{open}壹{close}"))),
            Kind::CnStem => write!(f, "{}", wide(&format!("{open}甲{close}"))),
            Kind::Chapter(unit) => write!(f, "第一{unit}"),
            Kind::Ordinal => write!(f, "第一，"),
            Kind::Claim => write!(f, "一是"),
            Kind::Arabic => write!(f, "1{close}"),
            Kind::ArabicParen => write!(f, "{}", wide(&format!("{open}1{close}"))),
            Kind::Circled => write!(f, "①"),
            Kind::Dotted(n) => write!(f, "{}", vec!["1"; usize::from(n)].join(".")),
            Kind::RomanUpper => write!(f, "{open}I{close}"),
            Kind::RomanLower => write!(f, "{open}i{close}"),
            Kind::LetterUpper => write!(f, "{open}A{close}"),
            Kind::LetterLower => write!(f, "{open}a{close}"),
            Kind::Explicit(n) => f.write_str(&crate::words::errors::HEADING_LEVEL.fill(&[("n", &n)])),
        }
    }
}

/// A number found at the start of a paragraph: one reading of it (a paragraph can have
/// several: `I.` is a Roman one or the letter after H).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    pub style: Style,
    pub value: u32,
    /// Bytes of the paragraph taken by the number and the space after it.
    pub len: usize,
}

/// Full-width forms as their ASCII twins, for recognising numbers only (text keeps its form).
pub fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '〔' | '﹙' => '(',
        '〕' | '﹚' => ')',
        _ => c,
    }
}

/// The value of a Chinese numeral digit (simplified, traditional and financial forms).
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' | '弌' => 1,
        '二' | '两' | '兩' | '贰' | '貳' | '弍' => 2,
        '三' | '叁' | '參' | '弎' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn cn_unit(c: char) -> Option<u32> {
    match c {
        '十' | '拾' => Some(10),
        '百' | '佰' => Some(100),
        _ => None,
    }
}

/// A numeral in its financial form (壹 贰 叁 … 拾 佰), written where a figure must not be
/// altered, and by outlines for a level above 一、.
fn is_capital(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰' | '貳' | '叁' | '參' | '肆' | '伍' | '陆' | '陸' | '柒' | '捌' | '玖' | '拾' | '佰'
    )
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_unit(c).is_some()
}

/// A Chinese numeral (一 … 九百九十九) starting at `i`: its value and the index after it.
fn cn_number(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    let mut j = i;
    while j < chars.len() && j - i < 8 {
        let c = chars[j];
        if let Some(d) = cn_digit(c) {
            if digit.is_some() && d != 0 {
                return None; // "一一" is not a number
            }
            digit = if d == 0 { None } else { Some(d) };
        } else if let Some(u) = cn_unit(c) {
            total += digit.unwrap_or(1) * u;
            digit = None;
        } else {
            break;
        }
        j += 1;
    }
    let value = total + digit.unwrap_or(0);
    (j > i && value > 0).then_some((value, j))
}

/// ASCII digits (after narrowing) starting at `i`, at most `max_len` of them.
fn arabic(chars: &[char], i: usize, max_len: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut value = 0u32;
    while j < chars.len() && chars[j].is_ascii_digit() {
        if j - i >= max_len {
            return None;
        }
        value = value * 10 + chars[j].to_digit(10).unwrap_or(0);
        j += 1;
    }
    (j > i).then_some((value, j))
}

fn roman(s: &str) -> Option<u32> {
    let upper = s.to_ascii_uppercase();
    let val = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = upper.chars().map(val).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (k, &d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|&next| next > d) {
            total -= i64::from(d);
        } else {
            total += i64::from(d);
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0 && t < 400)?;
    (to_roman(total) == upper).then_some(total)
}

/// `n` in upper-case Roman numerals (for 1–399, as outlines use them).
pub(super) fn to_roman(mut n: u32) -> String {
    let table =
        [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
/// Characters that make `3.5` a quantity rather than a section number.
const UNITS: &str = "%‰万亿元个年月日号时分秒倍千百米里吨斤克度岁人次件项家户名条张台辆套元角";

/// Chapter-like units after 第N.
fn chapter_unit(c: char) -> Option<char> {
    match c {
        '章' | '节' | '節' | '条' | '條' | '篇' | '编' | '編' | '部' | '款' | '卷' | '讲' | '講' => {
            Some(c)
        }
        _ => None,
    }
}

/// Every reading of the number at the start of `text` (none when it has no number or nothing after it).
pub fn markers(text: &str) -> Vec<Marker> {
    // Most lines start with no number at all: say so before reading them.
    let first = text.trim_start().chars().next().map(narrow);
    let may_start = |c: char| {
        matches!(c, '第' | '(')
            || c.is_ascii_alphanumeric()
            || is_cn_numeral(c)
            || STEMS.contains(c)
            || matches!(c as u32, 0x2460..=0x249B | 0x2776..=0x277F | 0x3251..=0x325F | 0x32B1..=0x32BF)
    };
    if !first.is_some_and(may_start) {
        return Vec::new();
    }
    let indexed: Vec<(usize, char)> = text.char_indices().take(40).collect();
    let chars: Vec<char> = indexed.iter().map(|&(_, c)| narrow(c)).collect();
    let end_of_sample = indexed.last().map_or(0, |&(i, c)| i + c.len_utf8());
    let offset = |k: usize| indexed.get(k).map_or(end_of_sample, |&(i, _)| i);
    let mut p = 0;
    while p < chars.len() && chars[p].is_whitespace() {
        p += 1;
    }
    let mut found: Vec<(Style, u32, usize)> = Vec::new();
    let style = |kind, punct| Style { kind, punct };
    let at = |k: usize| chars.get(k).copied().unwrap_or('\0');

    // 第一章 / 第一节 / 第一部分 / 第一，
    if at(p) == '第'
        && let Some((v, q)) = cn_number(&chars, p + 1).or_else(|| arabic(&chars, p + 1, 3))
    {
        if let Some(unit) = chapter_unit(at(q)) {
            // 第一部分 (not 第一部 alone)
            let whole = unit != '部' || matches!(at(q + 1), '分' | '份');
            if whole {
                let mut end = if unit == '部' { q + 2 } else { q + 1 };
                if matches!(at(end), '、' | ':' | '.' | ',') {
                    end += 1;
                }
                found.push((style(Kind::Chapter(unit), Punct::Other), v, end));
            }
        } else if matches!(at(q), ',' | '、') {
            found.push((style(Kind::Ordinal, Punct::Other), v, q + 1));
        }
    }
    // (一) (1) (a) (i) (甲)
    if at(p) == '(' {
        let q = p + 1;
        let inner: Option<(Kind, u32, usize)> = if let Some((v, e)) = cn_number(&chars, q) {
            Some((if is_capital(at(q)) { Kind::CnCapitalParen } else { Kind::CnParen }, v, e))
        } else if let Some((v, e)) = arabic(&chars, q, 3) {
            Some((Kind::ArabicParen, v, e))
        } else {
            STEMS.chars().position(|s| s == at(q)).map(|k| (Kind::CnStem, k as u32 + 1, q + 1))
        };
        if let Some((kind, v, e)) = inner
            && at(e) == ')'
        {
            found.push((style(kind, Punct::Paren), v, e + 1));
        }
        let mut e = q;
        while e < chars.len() && e - q < 6 && chars[e].is_ascii_alphabetic() {
            e += 1;
        }
        if e > q && at(e) == ')' {
            let word: String = chars[q..e].iter().collect();
            push_latin(&mut found, &word, Punct::Paren, e + 1);
        }
    }
    // 一、 一. 一是 一）
    if let Some((v, q)) = cn_number(&chars, p) {
        match at(q) {
            '、' | '.' => {
                // "一、二、三级" is an enumeration of numerals, not a heading.
                let next = at(q + 1);
                let enumeration = is_cn_numeral(next) && matches!(at(q + 2), '、' | '是' | '.');
                if !enumeration && !next.is_ascii_digit() {
                    let punct = if at(q) == '、' { Punct::Comma } else { Punct::Dot };
                    let kind = if is_capital(at(p)) { Kind::CnCapital } else { Kind::CnComma };
                    found.push((style(kind, punct), v, q + 1));
                }
            }
            '是' => found.push((style(Kind::Claim, Punct::Other), v, q + 1)),
            ')' => found.push((style(Kind::CnParen, Punct::Close), v, q + 1)),
            _ => {}
        }
    }
    // 甲、
    if let Some(k) = STEMS.chars().position(|s| s == at(p))
        && matches!(at(p + 1), '、' | '.')
    {
        let punct = if at(p + 1) == '、' { Punct::Comma } else { Punct::Dot };
        found.push((style(Kind::CnStem, punct), k as u32 + 1, p + 2));
    }
    // 1. 1、 1) 1.1 1.1.1
    if let Some((v, q)) = arabic(&chars, p, 3) {
        if at(q) == '.' && at(q + 1).is_ascii_digit() {
            let mut parts = vec![v];
            let mut e = q;
            while at(e) == '.' && at(e + 1).is_ascii_digit() {
                match arabic(&chars, e + 1, 3) {
                    Some((n, f)) => {
                        parts.push(n);
                        e = f;
                    }
                    None => {
                        parts.clear();
                        break;
                    }
                }
            }
            if at(e) == '.' {
                e += 1;
            }
            let next = at(e);
            let plausible = parts.len() >= 2
                && parts.len() <= 6
                && parts[0] <= 99
                && !next.is_ascii_digit()
                && !matches!(next, '.' | ',' | '-' | '/' | ':')
                && !UNITS.contains(next);
            if plausible {
                let depth = parts.len() as u8;
                found.push((style(Kind::Dotted(depth), Punct::Other), parts[depth as usize - 1], e));
            }
        } else {
            let next = at(q + 1);
            match at(q) {
                '.' if next != '.' => {
                    found.push((style(Kind::Arabic, Punct::Dot), v, q + 1));
                }
                '、' if !next.is_ascii_digit() => found.push((style(Kind::Arabic, Punct::Comma), v, q + 1)),
                ')' => found.push((style(Kind::ArabicParen, Punct::Close), v, q + 1)),
                _ => {}
            }
        }
    }
    // ① ⑴ ⒈ ❶
    let c = at(p);
    let code = c as u32;
    let circled = match code {
        0x2460..=0x2473 => Some((Kind::Circled, Punct::Other, code - 0x2460 + 1)),
        0x3251..=0x325F => Some((Kind::Circled, Punct::Other, code - 0x3251 + 21)),
        0x32B1..=0x32BF => Some((Kind::Circled, Punct::Other, code - 0x32B1 + 36)),
        0x2776..=0x277F => Some((Kind::Circled, Punct::Other, code - 0x2776 + 1)),
        0x2474..=0x2487 => Some((Kind::ArabicParen, Punct::Paren, code - 0x2474 + 1)),
        0x2488..=0x249B => Some((Kind::Arabic, Punct::Dot, code - 0x2488 + 1)),
        _ => None,
    };
    if let Some((kind, punct, v)) = circled {
        let mut e = p + 1;
        if matches!(at(e), '、' | '.') {
            e += 1;
        }
        found.push((style(kind, punct), v, e));
    }
    // I. II. A. a) i.
    let mut e = p;
    while e < chars.len() && e - p < 6 && chars[e].is_ascii_alphabetic() {
        e += 1;
    }
    if e > p && matches!(at(e), '.' | ')' | '、') {
        let after = at(e + 1);
        // "e.g." and "Dr.Smith" are not numbers: the mark must be followed by a space or non-Latin text.
        let separated = after == '\0' || after.is_whitespace() || !after.is_ascii();
        if separated {
            let word: String = chars[p..e].iter().collect();
            let punct = match at(e) {
                '.' => Punct::Dot,
                ')' => Punct::Close,
                _ => Punct::Comma,
            };
            push_latin(&mut found, &word, punct, e + 1);
        }
    }

    let mut out = Vec::new();
    for (style, value, end) in found {
        let mut end = end.min(chars.len());
        while end < chars.len() && chars[end].is_whitespace() {
            end += 1;
        }
        let len = offset(end);
        // A number with nothing after it is not a heading.
        if value == 0 || text[len..].trim().is_empty() {
            continue;
        }
        out.push(Marker { style, value, len });
    }
    out
}

/// Latin letters before `.`/`)`: a Roman number, a letter, or both (`I`, `C`, `i`).
fn push_latin(found: &mut Vec<(Style, u32, usize)>, word: &str, punct: Punct, end: usize) {
    let upper = word.chars().all(|c| c.is_ascii_uppercase());
    let lower = word.chars().all(|c| c.is_ascii_lowercase());
    if !upper && !lower {
        return;
    }
    let as_roman = roman(word).map(|v| {
        let kind = if upper { Kind::RomanUpper } else { Kind::RomanLower };
        (Style { kind, punct }, v, end)
    });
    let as_letter = (word.len() == 1).then(|| {
        let c = word.as_bytes()[0];
        let (kind, v) =
            if upper { (Kind::LetterUpper, c - b'A' + 1) } else { (Kind::LetterLower, c - b'a' + 1) };
        (Style { kind, punct }, u32::from(v), end)
    });
    // The likelier reading first: I, V, X are Roman numbers; C, L, D… letters.
    let roman_first = matches!(word, "i" | "v" | "x" | "I" | "V" | "X") || word.len() > 1;
    let (a, b) = if roman_first { (as_roman, as_letter) } else { (as_letter, as_roman) };
    found.extend(a.into_iter().chain(b));
}

/// Where inline claims (一是…二是…) start in `text`: byte offsets of each claim, in order,
/// when the paragraph holds two or more in sequence (or starts with one). Claims start the
/// paragraph or follow a sentence end (。；：！？), so 统一是 is never split.
pub fn claim_starts(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let plain: Vec<char> = chars.iter().map(|&(_, c)| narrow(c)).collect();
    let boundary = |k: usize| -> bool {
        let mut j = k;
        while j > 0 && plain[j - 1].is_whitespace() {
            j -= 1;
        }
        if j == 0 {
            return true;
        }
        let prev = plain[j - 1];
        if matches!(prev, '。' | ';' | ':' | '!' | '?' | '\n') {
            return true;
        }
        // 。” then 二是
        matches!(prev, '”' | '’' | '」' | '』' | ')')
            && j >= 2
            && matches!(plain[j - 2], '。' | ';' | '!' | '?')
    };
    let mut starts = Vec::new();
    let mut expect: Option<u32> = None;
    let mut k = 0;
    while k < plain.len() {
        let c = plain[k];
        if (cn_digit(c).is_some() || cn_unit(c).is_some())
            && boundary(k)
            && let Some((v, q)) = cn_number(&plain, k)
            && plain.get(q) == Some(&'是')
        {
            let fits = match expect {
                None => v == 1 || k == 0 || starts.is_empty() && text[..chars[k].0].trim().is_empty(),
                Some(e) => v == e,
            };
            if fits {
                starts.push(chars[k].0);
                expect = Some(v + 1);
                k = q + 1;
                continue;
            }
        }
        k += 1;
    }
    let starts_paragraph = starts.first().is_some_and(|&s| text[..s].trim().is_empty());
    if starts.len() >= 2 || starts_paragraph { starts } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<(String, u32)> {
        markers(text).first().map(|m| (m.style.to_string(), m.value))
    }

    #[test]
    fn recognises_each_numbering_style() {
        let cases = [
            ("一、部门概况", "一、", 1),
            ("十二、其他", "一、", 12),
            ("（三）加强管理", "（一）", 3),
            ("(三)加强管理", "（一）", 3),
            ("〔三〕加强管理", "（一）", 3),
            ("1.预算编制", "1.", 1),
            ("1.人员经费", "1.", 1),
            ("１．预算编制", "1.", 1),
            ("2、预算编制", "1、", 2),
            ("（1）测算依据", "（1）", 1),
            ("(12) 测算依据", "（1）", 12),
            ("1）测算依据", "1）", 1),
            ("③资产报告", "①", 3),
            ("⑵资产报告", "（1）", 2),
            ("第一章 总则", "第一章", 1),
            ("第十二条 附则", "第一条", 12),
            ("第三节　资金", "第一节", 3),
            ("第二部分 绩效", "第一部", 2),
            ("第一，加强领导", "第一，", 1),
            ("一是加强领导", "一是", 1),
            ("1.1 Background", "1.1", 1),
            ("2.3.4 Detail", "1.1.1", 4),
            ("IV. Results", "I.", 4),
            ("B. Second", "A.", 2),
            ("(c) third", "(a)", 3),
            ("ii) second", "i)", 2),
            ("甲、基本情况", "甲、", 1),
            ("壹、前言", "壹、", 1),
            ("肆、結語", "壹、", 4),
            ("（貳）施政重點", "（壹）", 2),
            ("二、部門（單位）基本概況", "一、", 2),
        ];
        for (text, style, value) in cases {
            assert_eq!(first(text), Some((style.to_string(), value)), "{text}");
        }
    }

    #[test]
    fn running_text_is_not_a_number() {
        for text in [
            "3.5亿元用于基础设施",
            "2022年全年完成",
            "96.87%的事项",
            "12345政务服务便民热线",
            "一、二、三级指标",
            "e.g. this",
            "统一是关键",
            "一、",
            "1.",
            "",
            "   ",
            "1.5万元",
            "2..3",
        ] {
            assert_eq!(first(text), None, "{text}");
        }
    }

    #[test]
    fn claims_split_in_sequence_only() {
        let text = "前言。一是甲；二是乙。三是丙";
        let starts = claim_starts(text);
        let pieces: Vec<&str> = starts.iter().map(|&s| &text[s..s + 6]).collect();
        assert_eq!(pieces, ["一是", "二是", "三是"]);
        assert!(claim_starts("统一是关键。二是不算").is_empty());
        assert!(claim_starts("只有一是").is_empty());
        assert_eq!(claim_starts("三是继续。四是又一条").len(), 2);
        // A quote ending a sentence, then the next claim.
        assert_eq!(claim_starts("一是推进“放管服。”二是提速").len(), 2);
    }
}
