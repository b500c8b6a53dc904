//! Text → paragraphs, without the noise of real documents: control characters, form feeds,
//! page numbers, dot leaders, a table of contents, hard-wrapped lines (text from a PDF), blank
//! runs and indentation. Markdown keeps its headings, tables and code blocks apart.

use super::numbering::{markers, narrow};
use super::para::{Kind, Noise, Para, ends_sentence, is_leader_char, strip_leader};
use std::collections::HashMap;

/// Plain text or Markdown → paragraphs (one a line, or lines joined when the text is hard-wrapped).
pub fn text_paras(text: impl Into<String>, markdown: bool, noise: &mut Noise) -> Vec<Para> {
    let text = scrub(text.into(), noise);
    let raw = super::tables::mark(&text, markdown, noise);
    // Each stage's output replaces its input: a large text is not held several times over.
    drop(text);
    crate::heap::release_free_memory();
    let raw: Vec<(String, Kind)> = if markdown {
        markdown_lines(&raw.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(), noise)
    } else {
        raw
    };
    let raw = super::wrap::unwrap(raw, noise);
    let paras = raw
        .into_iter()
        .filter_map(|(line, kind)| {
            let t = if kind == Kind::Verbatim { line.trim_end().to_string() } else { tidy_line(&line) };
            (!t.trim().is_empty()).then_some(Para { text: t, kind })
        })
        .collect();
    drop_noise(paras, noise)
}

/// Trims a line: whitespace (full-width spaces too) and tabs at both ends.
pub fn tidy_line(line: &str) -> String {
    line.trim().to_string()
}

/// Line endings to `\n`, form feeds to line breaks, control and invisible characters out (the
/// text itself back when it has none).
fn scrub(text: String, noise: &mut Noise) -> String {
    let clean = |c: char| {
        c == '\n'
            || c == '\t'
            || !(c.is_control()
                || matches!(
                    c,
                    '\u{a0}'
                        | '\u{2028}'
                        | '\u{2029}'
                        | '\u{200b}'..='\u{200d}'
                        | '\u{2060}'
                        | '\u{feff}'
                        | '\u{00ad}'
                        | '\u{202a}'..='\u{202e}'
                        | '\u{2066}'..='\u{2069}'
                ))
    };
    if text.chars().all(clean) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            '\x0c' => {
                noise.form_feeds += 1;
                // A line of its own, for tables::mark.
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("\x0c\n");
            }
            '\u{a0}' => out.push(' '),
            '\u{2028}' | '\u{2029}' | '\u{85}' => out.push('\n'),
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' => {}
            c if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') => {
                noise.control_chars += 1;
            }
            c => out.push(c),
        }
    }
    out
}

/// Markdown lines → (line, kind): headings, tables, code; rules, comments and front matter dropped.
fn markdown_lines(lines: &[&str], noise: &mut Noise) -> Vec<(String, Kind)> {
    let mut out: Vec<(String, Kind)> = Vec::new();
    let mut i = 0;
    // YAML front matter: keep its title.
    if lines.first().map(|l| l.trim()) == Some("---")
        && let Some(end) = lines.iter().skip(1).take(60).position(|l| l.trim() == "---" || l.trim() == "...")
    {
        for l in &lines[1..=end] {
            if let Some(v) = l.trim().strip_prefix("title:") {
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
                if !v.is_empty() {
                    out.push((v.to_string(), Kind::Title));
                }
            }
        }
        noise.markup += end + 2;
        i = end + 2;
    }
    let mut fence: Option<String> = None;
    let mut code = String::new();
    let mut in_comment = false;
    while i < lines.len() {
        let line = lines[i];
        let t = line.trim();
        i += 1;
        if let Some(f) = &fence {
            if t.starts_with(f.as_str()) {
                out.push((std::mem::take(&mut code), Kind::Verbatim));
                fence = None;
            } else {
                if !code.is_empty() {
                    code.push('\n');
                }
                code.push_str(line);
            }
            continue;
        }
        if in_comment {
            noise.markup += 1;
            in_comment = !t.contains("-->");
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(t[..3].to_string());
            continue;
        }
        if t.starts_with("<!--") {
            noise.markup += 1;
            in_comment = !t.contains("-->");
            continue;
        }
        if is_rule(t) {
            // A setext underline makes the line before it a heading.
            let setext = if t.starts_with('=') {
                Some(1)
            } else if t.starts_with('-') {
                Some(2)
            } else {
                None
            };
            if let (Some(level), Some(prev)) = (setext, out.last_mut())
                && prev.1 == Kind::Text
                && !prev.0.trim().is_empty()
                && lines.get(i.wrapping_sub(2)).is_some_and(|l| !l.trim().is_empty())
            {
                prev.1 = Kind::Heading(level);
                continue;
            }
            noise.markup += 1;
            out.push((String::new(), Kind::Text));
            continue;
        }
        if let Some((level, title)) = atx_heading(t) {
            out.push((strip_inline(title), Kind::Heading(level)));
            continue;
        }
        if t.starts_with('|') {
            let cells: Vec<String> = t.trim_matches('|').split('|').map(|c| strip_inline(c.trim())).collect();
            if cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
                continue; // the |---|:--:| separator row
            }
            out.push((format!("| {} |", cells.join(" | ")), Kind::Table));
            continue;
        }
        let t = t.trim_start_matches('>').trim_start();
        out.push((strip_inline(t), Kind::Text));
    }
    if fence.is_some() && !code.is_empty() {
        out.push((code, Kind::Verbatim));
    }
    out
}

fn is_rule(t: &str) -> bool {
    let s: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    s.len() >= 3
        && (s.chars().all(|c| c == '-')
            || s.chars().all(|c| c == '*')
            || s.chars().all(|c| c == '_')
            || s.chars().all(|c| c == '='))
}

fn atx_heading(t: &str) -> Option<(u8, &str)> {
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let title = rest.trim().trim_end_matches('#').trim_end();
    (!title.is_empty()).then_some((hashes as u8, title))
}

/// Markdown emphasis markers and backslash escapes out of a line.
fn strip_inline(t: &str) -> String {
    let t = t.replace("**", "").replace("__", "");
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&n) = chars.peek()
            && n.is_ascii_punctuation()
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// Page numbers, dot leaders and a table of contents out of the paragraphs.
pub fn drop_noise(paras: Vec<Para>, noise: &mut Noise) -> Vec<Para> {
    let mut kept: Vec<Para> = Vec::with_capacity(paras.len());
    let mut leader: Vec<bool> = Vec::with_capacity(paras.len());
    for mut p in paras {
        if matches!(p.kind, Kind::Verbatim | Kind::Table) {
            kept.push(p);
            leader.push(false);
            continue;
        }
        // A stray mark (`.`, `*`, `——`): nothing a reader reads.
        if p.kind == Kind::Text && !p.text.chars().any(char::is_alphanumeric) {
            noise.markup += 1;
            noise.dropped.push(p.text);
            continue;
        }
        // A lone number (`15`) is a page number only at a page break: tables::mark decides.
        if is_page_number(&p.text) && !super::tables::is_bare_number(&p.text) {
            noise.page_numbers += 1;
            noise.dropped.push(p.text);
            continue;
        }
        let had_leader = match strip_leader(&p.text) {
            Some(before) => {
                noise.dot_leaders += 1;
                noise.dropped.push(p.text[before.len()..].trim().to_string());
                p.text = before;
                true
            }
            None => false,
        };
        if p.text.trim().is_empty() {
            continue;
        }
        kept.push(p);
        leader.push(had_leader);
    }
    drop_toc(kept, &leader, noise)
}

/// A line that is only a page number: `3`, `- 3 -`, `第3页 共10页`, `Page 3 of 10`, `3/10`, `iv`.
pub fn is_page_number(text: &str) -> bool {
    if text.len() > 64 || numbers_apart(text) {
        return false;
    }
    let s: String =
        text.chars().map(narrow).filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    if s.is_empty() || s.chars().count() > 16 || s.chars().all(|c| c == '0') {
        return false;
    }
    let digits = |t: &str| !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit());
    let deco = |c: char| {
        matches!(
            c,
            '-' | '–'
                | '—'
                | '‐'
                | '~'
                | '·'
                | '•'
                | '*'
                | '['
                | ']'
                | '<'
                | '>'
                | '【'
                | '】'
                | '('
                | ')'
                | '|'
        )
    };
    let inner = s.trim_matches(deco);
    if digits(inner) {
        return true;
    }
    if (s.contains('页') || s.contains('頁'))
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars().all(|c| c.is_ascii_digit() || matches!(c, '第' | '页' | '頁' | '共' | '/' | ',' | '，'))
    {
        return true;
    }
    for prefix in ["page", "pg.", "pg", "p."] {
        if let Some(rest) = s.strip_prefix(prefix) {
            let (a, b) = rest.split_once("of").or_else(|| rest.split_once('/')).unwrap_or((rest, "1"));
            if digits(a) && b.chars().all(|c| c.is_ascii_digit()) && !b.is_empty() {
                return true;
            }
        }
    }
    if let Some((a, b)) = s.split_once('/')
        && digits(a)
        && digits(b)
    {
        return true;
    }
    s.len() <= 5 && s.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

/// Two numbers apart on one line (` 0  0`, `12 17.8`): a row of figures, data, never a page
/// number.
fn numbers_apart(text: &str) -> bool {
    let t: Vec<char> = text.trim().chars().map(narrow).collect();
    t.windows(3).any(|w| {
        w[0].is_ascii_digit() && w[1].is_whitespace() && (w[2].is_ascii_digit() || w[2].is_whitespace())
    }) && t.iter().rev().take_while(|c| c.is_ascii_digit()).count() > 0
        && t.iter().filter(|c| c.is_ascii_digit()).count() >= 2
        && t.iter().all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '.' | ','))
}

/// The text before a page number at the end (after spaces or leader dots), if there is one.
fn before_page(text: &str) -> Option<&str> {
    let t = text.trim_end();
    let body = t.trim_end_matches(|c: char| narrow(c).is_ascii_digit());
    let page = t.len() - body.len();
    (page > 0 && page <= 12 && body.ends_with(|c: char| c.is_whitespace() || is_leader_char(c)))
        .then(|| body.trim_end_matches(|c: char| c.is_whitespace() || is_leader_char(c)))
        .filter(|b| !b.trim().is_empty())
}

/// A key for comparing a table-of-contents entry with the heading it points to: no bullet, no
/// page (after a gap, or glued to a Chinese entry: `单位概况3`), no white space.
fn toc_key(text: &str) -> String {
    let text = unbullet(text);
    let t = before_page(text).unwrap_or(text);
    let glued = t.trim_end_matches(|c: char| narrow(c).is_ascii_digit());
    let t = if glued.len() < t.len() && glued.ends_with(crate::lang::is_cjk) { glued } else { t };
    t.chars().map(narrow).filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

/// Ends with a page number after a space or leader dots: `一、概况   3`, `一、概况……3`.
fn trailing_page(text: &str) -> bool {
    before_page(text).is_some()
}

fn is_toc_title(text: &str) -> bool {
    let key: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    matches!(key.as_str(), "目录" | "目錄" | "目次" | "contents" | "tableofcontents")
}

/// How many of the lines after a contents page's title are tried as its first entry.
const FIRST_ENTRIES: usize = 6;

/// How many entries without a page (wrapped, or under one with a page) may stand together.
const UNPAGED_ENTRIES: usize = 6;

/// A contents page's cell on a line of its own: its column heads (`段落`, `页数`, `Page`) or a
/// page or paragraph number or range (`12`, `5 - 9`), or a short row its cells made.
fn is_cell(p: &Para) -> bool {
    let t = p.text.trim();
    if p.kind == Kind::Table {
        return t.chars().count() <= 60;
    }
    let key: String = t.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    matches!(
        key.as_str(),
        "段落" | "页数" | "頁數" | "页次" | "頁次" | "页码" | "頁碼" | "page" | "pages" | "paragraphs"
    ) || (t.len() <= 12
        && t.chars().any(|c| narrow(c).is_ascii_digit())
        && t.chars().all(|c| {
            narrow(c).is_ascii_digit() || c.is_whitespace() || matches!(narrow(c), '-' | '–' | '—' | '~')
        }))
}

/// A contents entry's bullet off (`• 壹、前言`): whatever prefixes the entries, the entry is
/// what follows.
fn unbullet(t: &str) -> &str {
    t.trim_start().trim_start_matches(['•', '·', '●', '■', '◆', '□', '▪', '*', '-', '–']).trim_start()
}

/// Could be an entry of a table of contents: short, not a sentence.
fn toc_like(p: &Para) -> bool {
    // A hundred characters of Chinese, 160 of English (an entry joined from two lines).
    let max = if p.text.is_ascii() { 160 } else { 100 };
    matches!(p.kind, Kind::Text | Kind::Heading(_))
        && p.text.len() <= 4 * max
        && p.text.chars().count() <= max
        && !ends_sentence(&p.text)
}

fn heading_like(p: &Para, had_leader: bool) -> bool {
    toc_like(p)
        && (had_leader
            || trailing_page(&p.text)
            || matches!(p.kind, Kind::Heading(_))
            || !markers(unbullet(&p.text)).is_empty())
}

/// Removes a table of contents: after 目录/Contents up to where its first entry appears again,
/// or a run of three or more headings with nothing between them that all appear again later.
fn drop_toc(paras: Vec<Para>, leader: &[bool], noise: &mut Noise) -> Vec<Para> {
    let n = paras.len();
    // Only a line that could be an entry has a key: a long paragraph is never compared.
    let keys: Vec<String> =
        paras.iter().map(|p| if toc_like(p) { toc_key(&p.text) } else { String::new() }).collect();
    let mut positions: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate().filter(|(_, k)| !k.is_empty()) {
        positions.entry(k.as_str()).or_default().push(i);
    }
    let next_same = |i: usize| -> Option<usize> { first_at(&positions, &keys[i], i + 1) };
    let mut cut: Option<(usize, usize)> = None;
    if let Some(i) = paras.iter().take(n / 2 + 3).position(|p| is_toc_title(&p.text)) {
        // The document starts where one of the first entries appears again (a site's line may
        // stand between the title and them); everything between is the contents.
        let again = (i + 1..n.min(i + 1 + FIRST_ENTRIES))
            .filter(|&k| !keys[k].is_empty() && !is_cell(&paras[k]))
            .find_map(|k| {
                next_same(k).filter(|&m| paras[i + 1..m].iter().all(|p| toc_like(p) || is_cell(p)))
            });
        cut = Some(match again {
            Some(m) => (i, m),
            None => {
                // Entries end at a page number (or are followed by their page cells, one a
                // line); an entry wrapped over lines, or entries without pages under one with
                // them, go on to the next that has one.
                let entry = |k: usize| {
                    k < n
                        && (is_cell(&paras[k])
                            || (toc_like(&paras[k]) && (leader[k] || trailing_page(&paras[k].text))))
                };
                let mut end = i + 1;
                loop {
                    if entry(end) {
                        end += 1;
                        continue;
                    }
                    let run = (end..n.min(end + UNPAGED_ENTRIES))
                        .take_while(|&k| toc_like(&paras[k]) && !entry(k))
                        .count();
                    if run > 0 && entry(end + run) {
                        end += run + 1;
                        continue;
                    }
                    break;
                }
                (i, end)
            }
        });
    } else {
        let mut a = 0;
        while a < n / 2 + 1 && a < n {
            if !heading_like(&paras[a], leader[a]) {
                a += 1;
                continue;
            }
            let mut b = a;
            while b < n && heading_like(&paras[b], leader[b]) {
                b += 1;
            }
            // The entries end where the first one appears again (the document itself), or at the run's end.
            let end = next_same(a).map_or(b, |m| m.min(b));
            if end - a >= 3 && appears_again(&keys[a..end], end, &positions) {
                cut = Some((a, end));
                break;
            }
            a = b;
        }
    }
    match cut {
        Some((from, to)) if to > from => {
            noise.toc_lines += to - from;
            let mut kept = Vec::with_capacity(n - (to - from));
            for (i, p) in paras.into_iter().enumerate() {
                if (from..to).contains(&i) {
                    noise.dropped.push(p.text);
                } else {
                    kept.push(p);
                }
            }
            kept
        }
        _ => paras,
    }
}

/// The first position of `key` at or after `at` (positions are sorted).
fn first_at(positions: &HashMap<&str, Vec<usize>>, key: &str, at: usize) -> Option<usize> {
    let ps = positions.get(key)?;
    ps.get(ps.partition_point(|&p| p < at)).copied()
}

/// Every entry (but at most one in five) appears again after `after`, in order, the first one included.
fn appears_again(entries: &[String], after: usize, positions: &HashMap<&str, Vec<usize>>) -> bool {
    let mut at = after;
    let mut found = 0;
    for (k, key) in entries.iter().enumerate() {
        let next = first_at(positions, key, at);
        match next {
            Some(p) => {
                found += 1;
                at = p + 1;
            }
            None if k == 0 => return false,
            None => {}
        }
    }
    found * 5 >= entries.len() * 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        text_paras(text, false, &mut Noise::default()).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn page_numbers() {
        for s in
            ["3", "- 3 -", "— 12 —", "第 3 页", "第3页 共10页", "Page 3 of 10", "3/10", "iv", "－３－", "·3·"]
        {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["一、概况", "2022", "3.5", "Page three", "第三章", "100%", " 0  0", "12 17", "0"] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn dot_leaders() {
        assert_eq!(strip_leader("一、部门概况……………3").as_deref(), Some("一、部门概况"));
        assert_eq!(strip_leader("1.1 Background ........ 12").as_deref(), Some("1.1 Background"));
        assert_eq!(strip_leader("（二）成效·········iv").as_deref(), Some("（二）成效"));
        assert_eq!(strip_leader("RESULTS IN BRIEF . . . . . . . . 2").as_deref(), Some("RESULTS IN BRIEF"));
        assert_eq!(strip_leader("APPENDIX B: RESPONSE . . . . iv").as_deref(), Some("APPENDIX B: RESPONSE"));
        assert_eq!(strip_leader("Annex . . . . . . . . . . XII").as_deref(), Some("Annex"));
        assert_eq!(strip_leader("He paused . . . then left 2"), None);
        // The page on the next line.
        assert_eq!(
            strip_leader("RESULTS IN BRIEF . . . . . . . . . . . .").as_deref(),
            Some("RESULTS IN BRIEF")
        );
        assert_eq!(strip_leader("To be continued......"), None);
        assert_eq!(strip_leader("一、概况……1").as_deref(), None);
        assert_eq!(strip_leader("增长了3"), None);
        assert_eq!(strip_leader("等等……3"), None);
    }

    #[test]
    fn noise_is_dropped() {
        let text = "\u{3000}\u{3000}一、概况\r\n\r\n\r\n\u{3000}\u{3000}正文。\x0c- 2 -\n二、成效\n\u{200b}正文\x07二。\n";
        assert_eq!(paras(text), ["一、概况", "正文。", "二、成效", "正文二。"]);
    }

    #[test]
    fn table_of_contents_after_its_title() {
        let text = "报告\n目  录\n一、概况……1\n二、成效……3\n三、问题……5\n一、概况\n正文一。\n二、成效\n正文二。\n三、问题\n正文三。";
        let mut noise = Noise::default();
        let got: Vec<String> = text_paras(text, false, &mut noise).into_iter().map(|p| p.text).collect();
        assert_eq!(got, ["报告", "一、概况", "正文一。", "二、成效", "正文二。", "三、问题", "正文三。"]);
        assert_eq!(noise.toc_lines, 4);
    }

    #[test]
    fn tables_of_contents_in_their_usual_forms() {
        for title in ["目 录", "CONTENTS", "TABLE OF CONTENTS", "Table of Contents"] {
            let text = format!(
                "Report\n{title}\nSummary . . . . . . . . 1\nThe Findings of the Review of\nGrant Monitoring . . . . . . ii\nAnnex....................IV\nBody starts here.\nSummary\nText."
            );
            let mut noise = Noise::default();
            let got: Vec<String> = text_paras(&text, false, &mut noise).into_iter().map(|p| p.text).collect();
            assert_eq!(got, ["Report", "Body starts here.", "Summary", "Text."], "{title}");
            assert_eq!(noise.dropped.iter().filter(|d| d.contains("Grant Monitoring")).count(), 1, "{title}");
        }
    }

    #[test]
    fn contents_pages_whatever_prefixes_or_follows_their_entries() {
        // Bullets before the entries, leaders and pages after them.
        let text = "報告\n目錄\n• 壹、前言 ………… 1\n• 貳、績效 ………… 3\n• 參、結語 ………… 9\n壹、前言\n正文一。\n貳、績效\n正文二。\n參、結語\n正文三。";
        assert_eq!(
            paras(text),
            ["報告", "壹、前言", "正文一。", "貳、績效", "正文二。", "參、結語", "正文三。"]
        );
        // Pages glued to the entries, a site's line under the title, a second list without pages.
        let text = "目录\n公开时间:2024年9月23日\n第一部分 单位概况3\n一、主要职责3\n第二部分 决算情况说明7\n一、收入支出决算总表\n二、收入决算表\n第一部分单位概况\n一、主要职责\n正文。";
        assert_eq!(paras(text), ["第一部分单位概况", "一、主要职责", "正文。"]);
        // Cells one a line: column heads, paragraph ranges and pages.
        let text = "报告书\n目录\n段落\n页数\n第1部引言\n委员会的成立\n1\n1\n委员会的成员\n2 - 3\n1\n第2部程序\n委员会的程序\n4\n2";
        assert_eq!(paras(text), ["报告书"]);
        // Entries without pages under one with a page, wrapped over lines.
        let text = "TABLE OF CONTENTS\nFINDINGS . . . . . . . . . . 5\n1. Communication Between OIG Auditors\nCan Be Improved\n2. Additional Steps Need to Be Taken\nAPPENDICES\nA. Audit Resolution Process . . . . . . . . . . 13\nACRONYMS\nThe acronyms used in this report follow.";
        assert_eq!(paras(text), ["ACRONYMS", "The acronyms used in this report follow."]);
    }

    #[test]
    fn table_of_contents_without_a_title() {
        let text = "报告\n一、概况 1\n二、成效 3\n三、问题 5\n一、概况\n正文一。\n二、成效\n正文二。\n三、问题\n正文三。";
        assert_eq!(
            paras(text),
            ["报告", "一、概况", "正文一。", "二、成效", "正文二。", "三、问题", "正文三。"]
        );
        // Headings with nothing between them that do not repeat are not a table of contents.
        let text = "一、概况\n（一）职能\n1.内设机构\n正文。\n二、成效\n正文。";
        assert_eq!(paras(text).len(), 6);
    }

    #[test]
    fn hard_wrapped_text_is_joined() {
        let line = "这是一段很长的文字，被排版软件按固定宽度折行了，所以每一行都差不多一样";
        let mut text = String::from("一、概况\n");
        for _ in 0..3 {
            text.push_str(&format!("  {line}\n{line}\n{line}\n最后一行。\n"));
        }
        text.push_str("二、成效\n");
        let got = paras(&text);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(got[1].ends_with("最后一行。"));
    }

    #[test]
    fn markdown_blocks() {
        let md = "---\ntitle: 年度报告\n---\n# 报告\n\n## 一、概况\n\n**正文**一段。\n\n| 项目 | 金额 |\n|---|---:|\n| 预算 | 100 |\n\n```\ncode\n```\n\n***\n<!-- note -->\n";
        let mut noise = Noise::default();
        let got: Vec<(String, Kind)> =
            text_paras(md, true, &mut noise).into_iter().map(|p| (p.text, p.kind)).collect();
        assert_eq!(
            got,
            [
                ("年度报告".to_string(), Kind::Title),
                ("报告".to_string(), Kind::Heading(1)),
                ("一、概况".to_string(), Kind::Heading(2)),
                ("正文一段。".to_string(), Kind::Text),
                ("| 项目 | 金额 |".to_string(), Kind::Table),
                ("| 预算 | 100 |".to_string(), Kind::Table),
                ("code".to_string(), Kind::Verbatim),
            ]
        );
    }
}
