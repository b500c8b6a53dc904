//! A paragraph as the import's stages pass it on — its text and what it is by markup — and
//! the tally of what the clean-up dropped as noise; with what every stage asks of a line's end
//! (does it end a sentence, does a dot leader run to a page number, a title without its
//! trailing punctuation).

use super::numbering::narrow;

/// What a paragraph is, before numbering is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Running text (may start with a number).
    Text,
    /// A heading by markup: Markdown `#`×n, a Word heading style or outline level.
    Heading(u8),
    /// A table row as a pipe row, `| a | b |` (from a Word table, a Markdown table or text; see
    /// [`super::tables`]).
    Table,
    /// Code or preformatted text, kept as it is.
    Verbatim,
    /// The document's title by markup (a Word Title style, Markdown front matter).
    Title,
    /// A subtitle by markup.
    Subtitle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub text: String,
    pub kind: Kind,
}

impl Para {
    pub fn text(text: impl Into<String>) -> Self {
        Para { text: text.into(), kind: Kind::Text }
    }
}

/// What was dropped, for the summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Noise {
    pub page_numbers: usize,
    pub form_feeds: usize,
    pub dot_leaders: usize,
    pub toc_lines: usize,
    pub control_chars: usize,
    /// Hard-wrapped lines joined back into their paragraphs.
    pub joined_lines: usize,
    /// Markdown rules, comments and front matter.
    pub markup: usize,
    /// A web page's leftovers around the report (its address, navigation, 来源/浏览量 lines).
    pub web: Vec<String>,
    /// Headings wrapped over two lines, joined.
    pub joined_headings: usize,
    /// Cover lines that said the title again.
    pub title_repeats: usize,
    /// Every piece of text dropped as noise, as it was (a page number, a contents entry, a
    /// dot leader's tail): what an import leaves out is accounted for, line by line.
    pub dropped: Vec<String>,
    /// A table in the text looks like a scoring table (for a hint to use `--rubric`).
    pub rubric_table: bool,
}

impl Noise {
    /// "3 page numbers, a table of contents (12 lines)…", or empty.
    pub fn describe(&self) -> Vec<String> {
        use crate::words::{Word, errors as w};
        let mut out = Vec::new();
        let mut say = |n: usize, one: Word, many: Word| match n {
            0 => {}
            1 => out.push(one.fill(&[("n", &n)])),
            n => out.push(many.fill(&[("n", &n)])),
        };
        say(self.toc_lines, w::NOISE_TOC_ONE, w::NOISE_TOC);
        say(self.page_numbers, w::NOISE_PAGE_NUMBER, w::NOISE_PAGE_NUMBERS);
        say(self.form_feeds, w::NOISE_FORM_FEED, w::NOISE_FORM_FEEDS);
        say(self.dot_leaders, w::NOISE_DOT_LEADER, w::NOISE_DOT_LEADERS);
        say(self.control_chars, w::NOISE_CONTROL_CHAR, w::NOISE_CONTROL_CHARS);
        say(self.markup, w::NOISE_MARKUP_LINE, w::NOISE_MARKUP_LINES);
        say(self.web.len(), w::NOISE_WEB_ONE, w::NOISE_WEB);
        say(self.joined_headings, w::NOISE_HEADINGS_JOINED_ONE, w::NOISE_HEADINGS_JOINED);
        say(self.title_repeats, w::NOISE_TITLE_AGAIN_ONE, w::NOISE_TITLE_AGAIN);
        say(self.joined_lines, w::NOISE_JOINED_ONE, w::NOISE_JOINED);
        out
    }
}

/// Ends with a sentence mark (。！？；： and their ASCII forms).
pub fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['”', '’', '"', '\'', '」', '』', ')', '）']);
    t.chars().last().is_some_and(|c| matches!(narrow(c), '。' | '!' | '?' | ';' | ':' | '.'))
}

/// Trailing sentence punctuation and spaces off a title, runs of spaces inside made one
/// (`（一）     预算执行`, as pdftotext lays it out, is `（一） 预算执行`).
pub fn trim_title(t: &str) -> String {
    let t = &t.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = t.trim().trim_end_matches(|c: char| {
        matches!(narrow(c), '。' | ';' | ':' | ',' | '、' | '.') || c.is_whitespace()
    });
    // "1." alone keeps its dot: a title is never emptied by trimming.
    if trimmed.is_empty() || (trimmed.ends_with(|c: char| c.is_ascii_digit()) && t.trim().ends_with('.')) {
        t.trim().to_string()
    } else {
        trimmed.to_string()
    }
}

/// `一、概况……………3` → `一、概况` (a run of dots or ellipses, then a page number, at the end).
pub fn strip_leader(text: &str) -> Option<String> {
    let t = text.trim_end();
    let body = t.trim_end_matches(|c: char| {
        matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X') || narrow(c).is_ascii_digit()
    });
    // The page may have gone to the next line (a long entry in a proportional font): then the
    // leader must be long.
    let paged = body.len() < t.len();
    if t.len() - body.len() > 12 {
        return None;
    }
    let body = body.trim_end();
    // Leaders of any spacing: `……`, `....`, `. . . .`
    let before = body.trim_end_matches(|c: char| is_leader_char(c) || c == ' ' || c == '\u{3000}');
    // Four dots or three ellipses at least: "等等……3" is an ellipsis, not a leader.
    let run: usize = body[before.len()..]
        .chars()
        .filter(|&c| is_leader_char(c))
        .map(|c| if matches!(c, '…' | '⋯') { 3 } else { 2 })
        .sum();
    let needed = if paged { 8 } else { 16 };
    (run >= needed && !before.trim().is_empty()).then(|| before.trim_end().to_string())
}

/// A character of a dot leader (full-width forms too).
pub fn is_leader_char(c: char) -> bool {
    matches!(narrow(c), '.' | '·' | '…' | '⋯' | '‥' | '_' | '-' | '—' | '。' | '•')
}
