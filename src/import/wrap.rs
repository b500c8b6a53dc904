//! Lines broken by a fixed width (text from a PDF or an editor that wraps) joined back: the
//! lines of a paragraph, and headings wrapped over two lines — `REVIEW OF THE` / `GRANT
//! MONITORING PROCESS`, or a numbered heading whose last word went to the next line.

use super::numbering::markers;
use super::para::{Kind, Noise, ends_sentence, strip_leader};
use unicode_width::UnicodeWidthStr;

/// How a line may be continued by the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    No,
    /// A paragraph's line near the wrap width: the next line goes on if it is not a number,
    /// a bullet, indented deeper or blank.
    Text,
    /// A heading wrapped over two lines: the next goes on if it is the heading's rest.
    Heading(Rest),
}

/// What the rest of a wrapped heading looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rest {
    /// In capitals too.
    Capitals,
    /// Short, not numbered, not a sentence.
    Short,
}

/// Joins hard-wrapped lines back into paragraphs and wrapped headings into one line.
///
/// Paragraph lines only when the text looks wrapped: many lines end near one width (≤ 200
/// columns); a line is continued by the next when it is near that width and does not end a
/// sentence. Headings: a line in capitals ending in a joining word (`OF THE`, `AND`) goes on
/// with the next line in capitals; a numbered heading ending without punctuation near the wrap
/// width goes on with a short unnumbered line. A contents entry (a dot leader and a page) ends
/// its line.
pub fn unwrap(lines: Vec<(String, Kind)>, noise: &mut Noise) -> Vec<(String, Kind)> {
    let wrap = wrap_width(&lines);
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut out: Vec<(String, Kind)> = Vec::with_capacity(lines.len());
    let mut prev = Join::No;
    let mut prev_indent = 0;
    for (line, kind) in lines {
        let t = line.trim();
        let next_line = kind == Kind::Text
            && !t.is_empty()
            && markers(t).is_empty()
            && !t.starts_with(['-', '*', '•', '·', '●', '■', '◆', '□']);
        let goes_on = next_line
            && match prev {
                Join::No => false,
                Join::Text => indent(&line) <= prev_indent,
                Join::Heading(rest) => is_rest(t, rest, wrap),
            };
        let join = joinable(t, kind, line.trim_end().width(), wrap);
        if goes_on && let Some((last, _)) = out.last_mut() {
            append(last, t);
            if matches!(prev, Join::Heading(_)) {
                noise.joined_headings += 1;
            } else {
                noise.joined_lines += 1;
            }
            // A heading's rest ends it; a paragraph's line may go on.
            prev = if matches!(prev, Join::Heading(_)) { Join::No } else { join };
            continue;
        }
        prev_indent = indent(&line);
        prev = join;
        out.push((line, kind));
    }
    out
}

/// The width the text is wrapped at, when it looks wrapped.
fn wrap_width(lines: &[(String, Kind)]) -> Option<Wrap> {
    let widths: Vec<usize> = lines
        .iter()
        .filter(|(l, k)| *k == Kind::Text && !l.trim().is_empty())
        .map(|(l, _)| l.trim_end().width())
        .collect();
    if widths.len() < 8 {
        return None;
    }
    let mut sorted = widths.clone();
    sorted.sort_unstable();
    let wrap = sorted[sorted.len() * 95 / 100];
    if !(20..=200).contains(&wrap) {
        return None;
    }
    // Wrapped text has many lines near the width; a document with a paragraph a line has few.
    let near_count = widths.iter().filter(|&&w| near(w, Wrap { width: wrap, loose: true })).count();
    if near_count >= 3 && near_count * 10 >= widths.len() * 4 {
        return Some(Wrap { width: wrap, loose: true });
    }
    // A short text wrapped by a program: a few lines of prose at exactly the widest width.
    let at = Wrap { width: wrap, loose: false };
    let prose_at_width = lines
        .iter()
        .filter(|(l, k)| *k == Kind::Text && near(l.trim_end().width(), at) && prose(l.trim()))
        .count();
    (prose_at_width >= 2).then_some(at)
}

/// The width a text is wrapped at, and whether lines well short of it may be wrapped lines
/// (a long text whose lines end anywhere near it) or only lines at it (a short one).
#[derive(Debug, Clone, Copy)]
struct Wrap {
    width: usize,
    loose: bool,
}

fn near(width: usize, wrap: Wrap) -> bool {
    let low = if wrap.loose { width * 4 >= wrap.width * 3 } else { width + 3 >= wrap.width };
    low && width <= wrap.width + 2
}

/// How the line `t` may be continued.
fn joinable(t: &str, kind: Kind, width: usize, wrap: Option<Wrap>) -> Join {
    if kind != Kind::Text || t.is_empty() || strip_leader(t).is_some() {
        return Join::No;
    }
    if capitals(t) && ends_in_joining_word(t) {
        return Join::Heading(Rest::Capitals);
    }
    let Some(wrap) = wrap else { return Join::No };
    // In a short text the widest lines may be titles and headings: only prose goes on there.
    if near(width, wrap) && !ends_sentence(t) && (wrap.loose || prose(t)) {
        return Join::Text;
    }
    let numbered_heading = !markers(t).is_empty() && !ends_sentence(t) && !t.ends_with([',', '，', '、']);
    if numbered_heading && width * 3 >= wrap.width * 2 && width <= wrap.width + 2 {
        return Join::Heading(Rest::Short);
    }
    Join::No
}

/// Whether `t` is the rest of a wrapped heading.
fn is_rest(t: &str, rest: Rest, wrap: Option<Wrap>) -> bool {
    let t = strip_leader(t).unwrap_or_else(|| t.to_string());
    match rest {
        Rest::Capitals => capitals(&t),
        Rest::Short => {
            let short = wrap.is_some_and(|w| t.width() * 2 <= w.width);
            short && !ends_sentence(&t) && !t.contains(['。', '.', ';', '；'])
        }
    }
}

/// A line of running text: a sentence ends inside it (`。；`), as a title's does not.
fn prose(t: &str) -> bool {
    let inner = t.trim_end_matches(|c: char| !c.is_alphanumeric());
    inner.contains(['。', '；', ';', '！', '？', '!', '?']) || inner.contains(". ")
}

/// A line in Latin capitals: two letters at least, every letter a capital (`PPP项目` is not).
pub fn capitals(t: &str) -> bool {
    t.chars().filter(char::is_ascii_uppercase).count() >= 2
        && t.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_ascii_uppercase())
}

/// Ends in a word that cannot end a title: `OF`, `THE`, `AND`…, or `&`, `-`, `,`.
fn ends_in_joining_word(t: &str) -> bool {
    const WORDS: [&str; 15] =
        ["A", "AN", "THE", "OF", "AND", "OR", "FOR", "IN", "ON", "TO", "WITH", "BY", "AT", "FROM", "&"];
    let last = t.split_whitespace().last().unwrap_or("");
    WORDS.contains(&last) || t.ends_with(['-', ','])
}

/// Appends the next line's text, with a space between Latin words.
fn append(last: &mut String, t: &str) {
    let trimmed_len = last.trim_end().len();
    last.truncate(trimmed_len);
    let last_char = last.chars().last().unwrap_or(' ');
    let first_char = t.chars().next().unwrap_or(' ');
    let latin = last_char.is_ascii_alphanumeric() || matches!(last_char, ',' | ';' | ':' | '&');
    if latin && first_char.is_ascii_alphanumeric() {
        last.push(' ');
    }
    last.push_str(t);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> Vec<String> {
        let lines = text.lines().map(|l| (l.to_string(), Kind::Text)).collect();
        unwrap(lines, &mut Noise::default()).into_iter().map(|(l, _)| l.trim().to_string()).collect()
    }

    #[test]
    fn a_title_in_capitals_over_two_lines() {
        assert_eq!(
            joined("OFFICE OF INSPECTOR GENERAL\nREVIEW OF THE\nGRANT MONITORING PROCESS\nMarch 2022"),
            ["OFFICE OF INSPECTOR GENERAL", "REVIEW OF THE GRANT MONITORING PROCESS", "March 2022"]
        );
        // Two lines in capitals that each stand alone stay apart.
        assert_eq!(joined("RESULTS IN BRIEF\nINTRODUCTION").len(), 2);
    }

    #[test]
    fn a_numbered_heading_wrapped_near_the_width() {
        let prose = "Program officers told us that heavy workloads prevented a timely review of";
        let mut text = String::new();
        for _ in 0..8 {
            text.push_str(prose);
            text.push('\n');
        }
        text.push_str("1. The Office Did Not Consistently Review Grantee Progress\nReports\n");
        text.push_str("Of the sixty reports, many had no review at all.\n");
        let got = joined(&text);
        assert!(
            got.contains(&"1. The Office Did Not Consistently Review Grantee Progress Reports".to_string()),
            "{got:?}"
        );
        // A short heading is not continued by the next line.
        let got = joined(&text.replace("Consistently Review Grantee Progress", "Act"));
        assert!(got.contains(&"Reports".to_string()), "{got:?}");
    }

    #[test]
    fn a_contents_entry_ends_its_line() {
        let entry = "RESULTS IN BRIEF . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 1";
        let text = format!(
            "{entry}\nINTRODUCTION . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . 2\n"
        )
        .repeat(5);
        assert_eq!(joined(&text).len(), 10);
    }
}
