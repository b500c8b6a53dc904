//! Pure text functions for terminal display: making untrusted text safe to
//! print ([`sanitize`]), measuring it in terminal columns ([`width`]), cutting
//! it to a column budget ([`truncate`]) and wrapping mixed Chinese/English
//! prose into lines ([`wrap`]).
//!
//! Everything works on grapheme clusters (so combining marks and emoji ZWJ
//! sequences are never split) and measures them the way ratatui's buffer does,
//! so a string that measures `n` here occupies `n` cells on screen.
//!
//! Tabs advance to the next multiple of [`TAB_WIDTH`] columns, counted from the
//! start of the string (for [`width`]/[`truncate`]) or of the paragraph (for
//! [`wrap`]). [`truncate`] and [`wrap`] never return a tab, newline, control
//! character or bidi control, so their output can go straight into a `Span`.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Tab stops are every `TAB_WIDTH` columns.
pub const TAB_WIDTH: usize = 4;

/// What [`sanitize`] puts in place of `c`, or `None` when `c` is kept.
/// `'\r'` is handled by the caller (it depends on the next char).
fn replacement(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        // C0 controls → Control Pictures (U+2400 + c): ESC → '␛', NUL → '␀'.
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32),
        '\x7f' => Some('\u{2421}'), // '␡'
        // C1 controls (CSI, OSC… as single code points) and bidi controls,
        // which could reorder what the reader sees.
        '\u{80}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// A file path as it may be printed anywhere — a message, the status bar, stderr: its
/// display form with control characters, escapes and bidi controls made visible as in
/// [`sanitize`], and newlines and tabs too (a path is one line), so a file name can never
/// retitle or redraw the terminal.
#[must_use]
pub fn shown(path: &std::path::Path) -> Shown<'_> {
    Shown(path)
}

/// See [`shown`].
pub struct Shown<'a>(&'a std::path::Path);

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lossy = self.0.as_os_str().to_string_lossy();
        for c in sanitize(&lossy).chars() {
            match c {
                '\n' => f.write_str("\u{240a}")?,
                '\t' => f.write_str("\u{2409}")?,
                c => std::fmt::Write::write_char(f, c)?,
            }
        }
        Ok(())
    }
}

/// Make untrusted text safe to put on a terminal.
///
/// C0 control chars other than `'\n'` and `'\t'` become their Unicode
/// Control Pictures (U+2400 + c: ESC → `␛`, NUL → `␀`, a lone CR → `␍`),
/// DEL → `␡`, C1 controls (U+0080–U+009F) and bidi controls (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C) → `�`. `"\r\n"` becomes `"\n"`.
/// Every replacement is one column wide. Borrows when nothing changes.
#[must_use]
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let is_crlf = |i: usize| s.as_bytes().get(i + 1) == Some(&b'\n');
    let first = s.char_indices().find(|&(i, c)| (c == '\r' && is_crlf(i)) || replacement(c).is_some());
    let Some((start, _)) = first else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..start]);
    for (i, c) in s[start..].char_indices() {
        if c == '\r' && is_crlf(start + i) {
            continue; // the '\n' that follows is kept
        }
        out.push(replacement(c).unwrap_or(c));
    }
    Cow::Owned(out)
}

/// JSON text made safe for a terminal without changing what it says: the characters
/// [`sanitize`] replaces on screen that JSON leaves raw — C1 controls, bidi controls, and the
/// line and paragraph separators — written as `\uXXXX` escapes. (JSON's structure is ASCII, so
/// they can only be inside strings, where the escape means the same character.)
#[must_use]
pub fn json_escaped(json: String) -> String {
    match json_escaped_str(&json) {
        Cow::Borrowed(_) => json,
        Cow::Owned(out) => out,
    }
}

/// [`json_escaped`] of a text the caller keeps: borrowed back when nothing needs escaping (a
/// large report is not copied to be written).
#[must_use]
pub fn json_escaped_str(json: &str) -> Cow<'_, str> {
    let risky = |c: char| c >= '\x7f' && (replacement(c).is_some() || matches!(c, '\u{2028}' | '\u{2029}'));
    if !json.chars().any(risky) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if risky(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Columns one (sanitized, non-tab, non-newline) grapheme occupies, exactly
/// as ratatui's buffer counts it: unicode-width, plus one per halfwidth
/// katakana (han)dakuten which unicode-width calls zero-width.
fn grapheme_width(g: &str) -> usize {
    let marks =
        if g.len() > 1 { g.chars().filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}')).count() } else { 0 };
    g.width() + marks
}

/// Columns `g` takes when it starts at column `col` of a single line:
/// a tab runs to the next tab stop, a newline counts as one space.
fn advance(g: &str, col: usize) -> usize {
    match g {
        "\t" => TAB_WIDTH - col % TAB_WIDTH,
        "\n" => 1,
        _ => grapheme_width(g),
    }
}

/// Display width of `s` in terminal columns, as a single line.
///
/// A key that sorts names as a Chinese reader expects: Chinese characters by their pinyin
/// (then tone), as Excel and WPS sort a column of units, so 甲局 comes before 乙局; anything else
/// by itself, case aside. Compare keys with `Ord`.
#[must_use]
pub fn collation_key(s: &str) -> Vec<(String, u32)> {
    use pinyin::ToPinyin;
    s.chars()
        .map(|c| match c.to_pinyin() {
            Some(p) => (p.with_tone_num_end().to_string(), c as u32),
            None => (c.to_lowercase().collect(), c as u32),
        })
        .collect()
}

/// `s` is measured as [`truncate`] would show it: sanitized (each replaced
/// control char is 1 column), tabs to the next multiple of [`TAB_WIDTH`],
/// each `'\n'` as one space. Wide (CJK, emoji) graphemes are 2 columns,
/// combining marks 0. For lines returned by [`wrap`] this is exactly the
/// number of cells ratatui draws.
#[must_use]
pub fn width(s: &str) -> usize {
    let s = sanitize(s);
    s.graphemes(true).fold(0, |col, g| col + advance(g, col))
}

/// `s` as one line: sanitized, tabs expanded, newlines turned into spaces.
fn one_line(s: &str) -> Cow<'_, str> {
    let s = sanitize(s);
    if !s.contains(['\t', '\n']) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0;
    for g in s.graphemes(true) {
        let w = advance(g, col);
        match g {
            "\t" | "\n" => out.extend(std::iter::repeat_n(' ', w)),
            _ => out.push_str(g),
        }
        col += w;
    }
    Cow::Owned(out)
}

/// Fit `s` into at most `max` columns on one line.
///
/// The result is `s` in its single-line form (see [`width`]: sanitized, tabs
/// expanded, newlines as spaces), borrowed when that is `s` itself and it
/// fits. Otherwise it is cut at a grapheme boundary (never inside a wide char
/// or a cluster), trailing spaces dropped, and `'…'` appended, all within
/// `max` columns. A wide char that does not fit whole is left out, so the
/// result may be one column short of `max`. `max == 0` gives `""`.
#[must_use]
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    let s = one_line(s);
    if width(&s) <= max {
        return s;
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let budget = max - 1; // room for '…'
    let mut used = 0;
    let mut end = 0;
    for (i, g) in s.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > budget {
            break;
        }
        used += w;
        end = i + g.len();
    }
    let mut out = s[..end].trim_end_matches(' ').to_owned();
    out.push('…');
    Cow::Owned(out)
}

/// How a grapheme takes part in line breaking.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An ASCII space (or part of an expanded tab): a break point, dropped at
    /// a line break.
    Space,
    /// Two or more columns (CJK, full-width punctuation, emoji): breaks are
    /// allowed on both sides.
    Wide,
    /// Anything else (Latin letters, digits, half-width punctuation): runs of
    /// these form unbreakable words.
    Narrow,
}

/// One grapheme of a paragraph being wrapped.
struct Item<'a> {
    text: &'a str,
    kind: Kind,
    /// Must not start a line (closing punctuation).
    closing: bool,
    /// Must not end a line (opening punctuation).
    opening: bool,
}

/// Closing punctuation: never at the start of a line (kinsoku).
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '。' | '，'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '．'
            | '）'
            | '］'
            | '｝'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '〉'
            | '》'
            | '〞'
            | '〟'
            | '’'
            | '”'
            | '…'
            | '‥'
            | '·'
            | '・'
            | '％'
            | '%'
            | '‰'
            | '℃'
            | '｡'
            | '､'
            | '｣'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
    )
}

/// Opening punctuation: never at the end of a line (kinsoku).
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '［'
            | '｛'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '〈'
            | '《'
            | '〝'
            | '‘'
            | '“'
            | '｢'
            | '('
            | '['
            | '{'
    )
}

/// How far back a forced (mid-word) break may move to avoid putting closing
/// punctuation at a line start or opening punctuation at a line end.
const MAX_KINSOKU_BACKTRACK: usize = 4;

/// Wrap `text` into lines of at most `width` display columns.
///
/// * `text` is [sanitized](sanitize) first. Each `'\n'` ends a paragraph
///   (like [`str::lines`]: a final `'\n'` adds no line, `""` gives no lines,
///   an empty paragraph gives an empty line). Tabs expand to spaces up to the
///   next multiple of [`TAB_WIDTH`] counted from the paragraph start.
/// * Lines break between any two wide (CJK) graphemes, before and after a
///   wide grapheme, and at ASCII spaces; runs of narrow non-space graphemes
///   (English words, `96.87%`, URLs) stay together unless one alone is wider
///   than `width`, in which case it is cut at the width.
/// * Spaces at a break are dropped and trailing spaces trimmed; leading spaces
///   of a paragraph are kept (dropped only if they leave no room for the
///   first word).
/// * Kinsoku: a line does not start with closing punctuation (`。，、）」”…%,.)`
///   …) nor end with opening punctuation (`（「“《([`…); the last grapheme(s)
///   move down instead, as long as the line keeps one. Only when that is
///   impossible (e.g. two wide chars at width 2) is the rule broken.
/// * No line is wider than `width`, with one exception: a single grapheme
///   wider than `width` (a wide char at width 1; anything at width 0) gets a
///   line of its own. Width 0 is treated as 1.
///
/// Runs in time linear in the length of `text`.
#[must_use]
/// The first `max_lines` lines [`wrap`] would make of `text`, and whether there is more — without
/// wrapping the rest (a note can be megabytes; a pane shows a few lines of it).
pub fn wrap_head(text: &str, width: usize, max_lines: usize) -> (Vec<String>, bool) {
    // A line holds at most `width` columns, each at most 4 bytes; one more line shows there is
    // more.
    let budget = (max_lines + 1).saturating_mul(width.max(1) + 1).saturating_mul(4);
    let mut cut = text.len().min(budget);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut lines = wrap(&text[..cut], width);
    let more = lines.len() > max_lines || cut < text.len();
    lines.truncate(max_lines);
    (lines, more)
}

pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let text = sanitize(text);
    let mut lines = Vec::new();
    let mut items = Vec::new();
    let mut cum = Vec::new();
    for para in text.split_terminator('\n') {
        split_items(para, &mut items, &mut cum);
        wrap_items(&items, &cum, width, &mut lines);
    }
    lines
}

/// Split a paragraph into items, with `cum[i]` = columns before item `i`.
fn split_items<'a>(para: &'a str, items: &mut Vec<Item<'a>>, cum: &mut Vec<usize>) {
    items.clear();
    cum.clear();
    cum.push(0);
    let mut col = 0;
    for g in para.graphemes(true) {
        if g == "\t" {
            for _ in 0..TAB_WIDTH - col % TAB_WIDTH {
                items.push(Item { text: " ", kind: Kind::Space, closing: false, opening: false });
                col += 1;
                cum.push(col);
            }
            continue;
        }
        let w = grapheme_width(g);
        let first = g.chars().next().unwrap_or(' ');
        let kind = if g == " " {
            Kind::Space
        } else if w >= 2 {
            Kind::Wide
        } else {
            Kind::Narrow
        };
        items.push(Item { text: g, kind, closing: is_closing(first), opening: is_opening(first) });
        col += w;
        cum.push(col);
    }
}

/// Greedy line filling over one paragraph's items.
///
/// Invariant: the current line is `items[start..i]`; `content` is the index
/// of its first non-space item; `last_break` the latest allowed break point
/// that leaves a non-space item on the line. Every item is visited once and
/// backtracking never goes past `last_break`, so this is linear.
fn wrap_items(items: &[Item<'_>], cum: &[usize], width: usize, lines: &mut Vec<String>) {
    let mut start = 0;
    let mut content: Option<usize> = None;
    let mut last_break: Option<usize> = None;
    // Kind of the previous item, and whether the last non-space was opening.
    let mut prev = Kind::Space;
    let mut after_opening = false;
    for (i, item) in items.iter().enumerate() {
        if item.kind == Kind::Space {
            // Spaces never overflow a line: trailing ones are trimmed.
            prev = Kind::Space;
            continue;
        }
        let can_break = !item.closing
            && !after_opening
            && (prev == Kind::Space || prev == Kind::Wide || item.kind == Kind::Wide);
        if can_break && content.is_some() {
            last_break = Some(i);
        }
        while cum[i + 1] - cum[start] > width {
            let Some(first) = content else {
                // Only spaces so far (paragraph indent): drop them, and let a
                // grapheme wider than the line sit alone.
                start = i;
                break;
            };
            let at = match last_break.take() {
                Some(at) => at,
                None if start < first && cum[i + 1] - cum[first] <= width => {
                    // Dropping the paragraph indent makes the first word fit.
                    start = first;
                    break;
                }
                None => forced_break(items, first, i),
            };
            push_line(items, start, at, lines);
            start = at;
            while items[start].kind == Kind::Space {
                start += 1; // the space at a break is dropped
            }
            content = (start < i).then_some(start);
        }
        content.get_or_insert(i);
        prev = item.kind;
        after_opening = item.opening;
    }
    push_line(items, start, items.len(), lines);
}

/// Where to cut a line `items[first..=i]` that has no allowed break: before
/// `i` (at the width), or up to [`MAX_KINSOKU_BACKTRACK`] graphemes earlier
/// if that keeps kinsoku without splitting a number. Always `> first`.
fn forced_break(items: &[Item<'_>], first: usize, i: usize) -> usize {
    let ok = |k: usize| {
        let (prev, cur) = (items[k - 1].text, items[k].text);
        let splits_number = cur.starts_with(|c: char| c.is_ascii_digit())
            && prev.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
        !items[k].closing && !items[k - 1].opening && items[k].kind != Kind::Space && !splits_number
    };
    (first + 1..=i).rev().take(MAX_KINSOKU_BACKTRACK).find(|&k| ok(k)).unwrap_or(i)
}

/// Append `items[from..to]`, without trailing spaces, as a line.
fn push_line(items: &[Item<'_>], from: usize, mut to: usize, lines: &mut Vec<String>) {
    while to > from && items[to - 1].kind == Kind::Space {
        to -= 1;
    }
    lines.push(items[from..to].iter().map(|it| it.text).collect());
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[test]
    fn the_head_of_a_long_text_is_wrapped_alone() {
        let long = "字".repeat(5_000_000);
        let (lines, more) = wrap_head(&long, 10, 3);
        assert_eq!(lines, vec!["字".repeat(5); 3]);
        assert!(more);
        let (lines, more) = wrap_head("a b c", 10, 3);
        assert_eq!((lines, more), (vec!["a b c".to_string()], false));
        let (lines, more) = wrap_head("a\nb\nc\nd", 10, 3);
        assert_eq!((lines.len(), more), (3, true));
    }

    #[test]
    fn json_for_a_terminal_escapes_c1_and_bidi_and_says_the_same() {
        let value = serde_json::json!({"note": "a\u{9b}31mb\u{202e}c\u{2028}d 中文"});
        let text = json_escaped(serde_json::to_string(&value).unwrap());
        assert_eq!(text, r#"{"note":"a\u009b31mb\u202ec\u2028d 中文"}"#);
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The long real paragraph from a government report.
    const PARA: &str = "一是扎实开展“走流程、解难题、优服务”工作。结合我市工作实际，对标省、市工作要求，切实开展“走流程、解难题、优服务”行动，在市级领导的带领下，市直各单位主要负责人和分管领导积极开展体验式模拟办理审批事项。截至目前，全市市级领导和各单位一把手、分管领导共计118人，对648个行政审批服务事项进行模拟体验办理，发现堵点、难点问题77个，提出相关整改措施48条，并已取得整改成效。";

    const ENGLISH: &str = "The municipal government handled 96.87% of service items online, see https://www.shaodong.gov.cn/zwgk/index.html for the full list of items and the 12345 hotline records.";

    #[test]
    fn paths_are_shown_on_one_line_without_escapes() {
        let p = std::path::Path::new("/tmp/a\x1b]0;owned\x07\nb\tc.scores.json");
        assert_eq!(shown(p).to_string(), "/tmp/a␛]0;owned␇␊b␉c.scores.json");
        assert_eq!(shown(std::path::Path::new("报告/q.json")).to_string(), "报告/q.json");
    }

    fn first_char(s: &str) -> char {
        s.chars().next().unwrap()
    }

    fn last_char(s: &str) -> char {
        s.chars().next_back().unwrap()
    }

    fn graphemes(s: &str) -> Vec<&str> {
        s.graphemes(true).collect()
    }

    /// The lines, in order, are the one-paragraph `text` with only spaces
    /// dropped between them (the break spaces), after the last, and before
    /// the first when the indent did not fit.
    fn assert_reassembles(text: &str, lines: &[String]) {
        let mut rest = text;
        for (n, line) in lines.iter().enumerate() {
            if n > 0 || !line.starts_with(' ') {
                rest = rest.trim_start_matches(' ');
            }
            assert!(rest.starts_with(line.as_str()), "{line:?} not next in {rest:?}");
            rest = &rest[line.len()..];
        }
        assert!(rest.trim_start_matches(' ').is_empty(), "left over: {rest:?}");
    }

    /// The invariants every wrap must satisfy.
    fn check_common(text: &str, w: usize, lines: &[String]) {
        for l in lines {
            assert!(width(l) <= w, "width {w}: {l:?} is {} wide", width(l));
            assert!(!l.ends_with(' '), "width {w}: trailing space in {l:?}");
            assert!(!l.contains(['\t', '\n']), "width {w}: {l:?}");
        }
        // Line boundaries fall on grapheme boundaries of the original text:
        // no wide char or cluster is ever split.
        let joined: String = lines.concat();
        let from_lines: Vec<&str> = lines.iter().flat_map(|l| graphemes(l)).collect();
        assert_eq!(from_lines, graphemes(&joined), "width {w}");
        let _ = text;
    }

    #[test]
    fn sanitize_borrows_clean_text() {
        for s in ["", "plain", "中文，English\ttab\nnewline", PARA] {
            assert!(matches!(sanitize(s), Cow::Borrowed(_)), "{s:?}");
        }
    }

    #[test]
    fn sanitize_escape_sequences() {
        assert_eq!(sanitize("\x1b[2Jcleared"), "␛[2Jcleared");
        assert_eq!(sanitize("\x1b]0;pwned\x07x"), "␛]0;pwned␇x");
        assert_eq!(sanitize("\x1b]8;;http://e.vil\x1b\\link"), "␛]8;;http://e.vil␛\\link");
        assert_eq!(sanitize("a\0b"), "a␀b");
        assert_eq!(sanitize("\x7f"), "␡");
        assert_eq!(sanitize("\u{1f}"), "␟");
        // C1 CSI and NEL.
        assert_eq!(sanitize("\u{9b}31m\u{85}"), "�31m�");
    }

    #[test]
    fn sanitize_newlines_and_cr() {
        assert_eq!(sanitize("a\r\nb\r\n"), "a\nb\n");
        assert_eq!(sanitize("progress\r100%"), "progress␍100%");
        assert_eq!(sanitize("\r\r\n"), "␍\n");
        assert_eq!(sanitize("a\tb\nc"), "a\tb\nc");
    }

    #[test]
    fn sanitize_bidi_controls() {
        assert_eq!(sanitize("abc\u{202e}fed"), "abc�fed");
        for c in [
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            '\u{200e}', '\u{200f}', '\u{061c}',
        ] {
            assert_eq!(sanitize(&format!("x{c}y")), "x�y", "{c:?}");
        }
        // Neighbouring code points that are not controls are kept.
        assert!(matches!(sanitize("\u{2029}\u{206a}\u{200d}"), Cow::Borrowed(_)));
    }

    #[test]
    fn sanitize_output_has_no_controls() {
        let all: String = (0u32..0x300).filter_map(char::from_u32).collect();
        let s = sanitize(&all);
        assert!(s.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'));
    }

    #[test]
    fn width_basics() {
        assert_eq!(width(""), 0);
        assert_eq!(width("abc"), 3);
        assert_eq!(width("邵东市"), 6);
        assert_eq!(width("100%，"), 6);
        assert_eq!(width("“走”"), 4); // curly quotes are narrow
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("👨\u{200d}👩\u{200d}👧"), 2);
        assert_eq!(width("🇨🇳"), 2);
    }

    #[test]
    fn width_controls_tabs_newlines() {
        assert_eq!(width("\x1b[2J"), 4); // '␛[2J'
        assert_eq!(width("a\u{202e}b"), 3);
        assert_eq!(width("\r\n"), 1); // one newline = one space
        assert_eq!(width("\t"), 4);
        assert_eq!(width("ab\t"), 4);
        assert_eq!(width("abcd\tx"), 9);
        assert_eq!(width("中\tx"), 5);
    }

    #[test]
    fn truncate_examples() {
        assert_eq!(truncate("邵东市行政审批", 5), "邵东…");
        assert_eq!(truncate("邵东市行政审批", 4), "邵…");
        assert_eq!(truncate("邵东市行政审批", 14), "邵东市行政审批");
        assert_eq!(truncate("邵东市行政审批", 13), "邵东市行政审…");
        assert_eq!(truncate("邵东市行政审批", 2), "…");
        assert_eq!(truncate("邵东市行政审批", 1), "…");
        assert_eq!(truncate("邵东市行政审批", 0), "");
        assert_eq!(truncate("hello world", 7), "hello…");
        assert_eq!(truncate("hello world", 11), "hello world");
        assert_eq!(truncate("", 0), "");
    }

    #[test]
    fn truncate_borrows_when_it_fits() {
        assert!(matches!(truncate("邵东", 4), Cow::Borrowed("邵东")));
        assert!(matches!(truncate("a\tb", 10), Cow::Owned(_)));
    }

    #[test]
    fn truncate_keeps_graphemes_and_sanitizes() {
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate("👨\u{200d}👩\u{200d}👧x", 2), "…");
        assert_eq!(truncate("👨\u{200d}👩\u{200d}👧xy", 3), "👨\u{200d}👩\u{200d}👧…");
        assert_eq!(truncate("\x1b[2Jabc", 10), "␛[2Jabc");
        assert_eq!(truncate("a\nb\tc", 10), "a b c");
    }

    #[test]
    fn truncate_never_exceeds_max() {
        for s in [PARA, ENGLISH, "a\tb\tc\nd", "e\u{301}中x👨\u{200d}👩\u{200d}👧"] {
            for max in 0..60 {
                let t = truncate(s, max);
                assert!(width(&t) <= max, "{max}: {t:?}");
                if width(s) > max && max > 0 {
                    assert!(t.ends_with('…'));
                }
                if s == PARA && width(s) > max {
                    // At most one column lost to a wide char that didn't fit.
                    assert!(width(&t) + 1 >= max, "{max}: {t:?} too short");
                }
            }
        }
    }

    #[test]
    fn wrap_mixed_chinese_english_exact() {
        assert_eq!(
            wrap("截至2022年12月13日，我市政务服务事项网上可办率达到100%", 10),
            ["截至2022年", "12月13日，", "我市政务服", "务事项网上", "可办率达到", "100%"]
        );
        assert_eq!(
            wrap("the Shaodong 12345 hotline 一呼即应 answers", 12),
            ["the Shaodong", "12345", "hotline 一呼", "即应 answers"]
        );
        assert_eq!(
            wrap("the Shaodong 12345 hotline 一呼即应 answers", 20),
            ["the Shaodong 12345", "hotline 一呼即应", "answers"]
        );
    }

    #[test]
    fn wrap_kinsoku_exact() {
        // Closing punctuation pulls the previous char down (oidashi).
        assert_eq!(wrap("中文。", 4), ["中", "文。"]);
        assert_eq!(wrap("服务”工作", 4), ["服", "务”", "工作"]);
        assert_eq!(wrap("数字100%，好", 6), ["数字", "100%，", "好"]);
        // Opening punctuation moves to the next line.
        assert_eq!(wrap("中（文", 4), ["中", "（文"]);
        assert_eq!(wrap("开展“走流程", 5), ["开展", "“走流", "程"]);
        // Impossible: the rule gives way.
        assert_eq!(wrap("中。", 2), ["中", "。"]);
        assert_eq!(wrap("中（文）", 4), ["中", "（文", "）"]);
        // A forced break never splits a number to obey kinsoku.
        assert_eq!(wrap("数字100%，好", 5), ["数字", "100%", "，好"]);
        assert_eq!(wrap("96.87%，", 6), ["96.87%", "，"]);
        // English punctuation stays with its word; "(" stays with its word.
        assert_eq!(wrap("hello (world) end", 8), ["hello", "(world)", "end"]);
    }

    #[test]
    fn wrap_real_paragraph_all_widths() {
        for w in 2..=40 {
            let lines = wrap(PARA, w);
            check_common(PARA, w, &lines);
            assert_eq!(lines.concat(), PARA, "width {w}");
            if w >= 4 {
                for l in &lines {
                    assert!(!is_closing(first_char(l)), "width {w}: starts {l:?}");
                    assert!(!is_opening(last_char(l)), "width {w}: ends {l:?}");
                }
            }
            // Numbers stay whole.
            for n in ["118", "648", "77", "48"].into_iter().filter(|n| n.len() <= w) {
                assert!(lines.iter().any(|l| l.contains(n)), "width {w}: {n} split");
            }
            // Greedy: no line could have taken the next line's first grapheme
            // unless kinsoku or a word forbade it (checked loosely: lines are
            // at least width - 3 wide, except the last).
            if w >= 6 {
                for l in &lines[..lines.len() - 1] {
                    assert!(width(l) + 4 >= w, "width {w}: short line {l:?}");
                }
            }
        }
    }

    #[test]
    fn wrap_english_words() {
        assert_eq!(
            wrap("the quick brown fox jumps over the lazy dog", 10),
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
        );
        for w in 2..=60 {
            let lines = wrap(ENGLISH, w);
            check_common(ENGLISH, w, &lines);
            for l in &lines {
                assert!(!l.starts_with(' '));
            }
            // Words fitting the width are never broken, so rejoining with the
            // dropped spaces restores the text.
            if w >= 45 {
                assert_eq!(lines.join(" "), ENGLISH, "width {w}");
            }
            assert_reassembles(ENGLISH, &lines);
        }
        assert!(wrap(ENGLISH, 10).contains(&"96.87% of".to_string()));
        assert!(wrap(ENGLISH, 6).contains(&"96.87%".to_string()));
    }

    #[test]
    fn wrap_long_word_hard_break() {
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(
            wrap("see https://example.com/a/b ok", 8),
            ["see", "https://", "example.", "com/a/b", "ok"]
        );
        // Hard breaks avoid leaving closing punctuation at a line start.
        assert_eq!(wrap("abcd.", 4), ["abc", "d."]);
        assert_eq!(wrap("ab(cd", 3), ["ab", "(cd"]);
    }

    #[test]
    fn wrap_spaces() {
        // Leading spaces of a paragraph are kept, break spaces dropped,
        // trailing spaces trimmed.
        assert_eq!(wrap("  ab cd", 5), ["  ab", "cd"]);
        assert_eq!(wrap("ab     cd   ", 4), ["ab", "cd"]);
        assert_eq!(wrap("   ", 4), [""]);
        // An indent that leaves no room for the first word is dropped.
        assert_eq!(wrap("      hello", 6), ["hello"]);
        assert_eq!(wrap("    hello", 6), ["hello"]);
        assert_eq!(wrap("  中文字", 4), ["  中", "文字"]);
    }

    #[test]
    fn wrap_paragraphs() {
        assert_eq!(wrap("", 10), Vec::<String>::new());
        assert_eq!(wrap("\n", 10), [""]);
        assert_eq!(wrap("a\n\nb\n", 10), ["a", "", "b"]);
        assert_eq!(wrap("a\r\nb", 10), ["a", "b"]);
        assert_eq!(wrap("ab cd\nef", 3), ["ab", "cd", "ef"]);
    }

    #[test]
    fn wrap_tabs() {
        assert_eq!(wrap("\tx", 20), ["    x"]);
        assert_eq!(wrap("ab\tcd", 20), ["ab  cd"]);
        assert_eq!(wrap("项目\t金额", 20), ["项目    金额"]);
        assert_eq!(wrap("abcd\tefgh", 6), ["abcd", "efgh"]);
        assert_eq!(wrap("x\t", 20), ["x"]);
    }

    #[test]
    fn wrap_sanitizes() {
        assert_eq!(wrap("\x1b[2J\x1b]0;t\x07ok", 80), ["␛[2J␛]0;t␇ok"]);
        assert_eq!(wrap("a\rb\0c\u{202e}d", 80), ["a␍b␀c�d"]);
    }

    #[test]
    fn wrap_emoji_and_combining_marks() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(
            wrap(&format!("{family}{family}{family}"), 4),
            [format!("{family}{family}"), family.to_string()]
        );
        assert_eq!(wrap("cafe\u{301} cafe\u{301}", 5), ["cafe\u{301}", "cafe\u{301}"]);
        assert_eq!(wrap("e\u{301}e\u{301}e\u{301}", 2), ["e\u{301}e\u{301}", "e\u{301}"]);
        let text = format!("一呼{family}即应🇨🇳 a\u{301}b\u{308}c 中文");
        for w in 2..=20 {
            let lines = wrap(&text, w);
            check_common(&text, w, &lines);
            assert_reassembles(&text, &lines);
        }
    }

    #[test]
    fn wrap_tiny_widths() {
        assert_eq!(wrap("ab", 0), ["a", "b"]);
        assert_eq!(wrap("ab", 1), ["a", "b"]);
        assert_eq!(wrap("中文a", 1), ["中", "文", "a"]);
        assert_eq!(wrap("中文a", 0), ["中", "文", "a"]);
        assert_eq!(wrap("a 中", 1), ["a", "中"]);
        assert_eq!(wrap("中文", 2), ["中", "文"]);
        for w in 0..2 {
            let lines = wrap(PARA, w);
            assert_eq!(lines.concat(), PARA);
            for l in &lines {
                assert!(width(l) <= 1 || graphemes(l).len() == 1, "{l:?}");
            }
        }
    }

    #[test]
    fn wrap_output_is_consistent_with_width() {
        // A paragraph that fits comes back as its single-line form.
        for s in ["a\tb c", "中\t文", "  lead", PARA] {
            let w = width(s);
            assert_eq!(wrap(s, w), [truncate(s, w).trim_end().to_owned()]);
        }
    }

    #[test]
    fn wrap_random_mixtures() {
        const PIECES: [&str; 17] = [
            "a",
            "bc",
            "1",
            "9",
            ".",
            "%",
            " ",
            "  ",
            "中",
            "文",
            "，",
            "。",
            "“",
            "”",
            "（",
            "e\u{301}",
            "👨\u{200d}👩\u{200d}👧",
        ];
        let mut seed: u64 = 0x5eed;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        for _ in 0..300 {
            let len = next() % 40;
            let text: String = (0..len).map(|_| PIECES[next() % PIECES.len()]).collect();
            for w in 0..=16 {
                let lines = wrap(&text, w);
                for l in &lines {
                    let ok = width(l) <= w.max(1) || graphemes(l).len() == 1;
                    assert!(ok, "{text:?} at {w}: {l:?}");
                    assert!(!l.ends_with(' '), "{text:?} at {w}: {l:?}");
                }
                assert_reassembles(&text, &lines);
            }
        }
    }

    #[test]
    fn wrap_is_linear() {
        // A long paragraph and a long unbreakable word both finish quickly.
        let long = PARA.repeat(2000);
        let lines = wrap(&long, 37);
        assert_eq!(lines.concat(), long);
        let word = "x".repeat(200_000);
        assert_eq!(wrap(&word, 80).len(), 2500);
        let spaces = format!("a{}b", " ".repeat(200_000));
        assert_eq!(wrap(&spaces, 80), ["a", "b"]);
        let closers = "中".to_string() + &"。".repeat(100_000);
        for l in wrap(&closers, 10) {
            assert!(width(&l) <= 10);
        }
    }
}
