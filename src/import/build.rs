//! The outline → the report's sections and items, with ids from their outline position
//! (`s2.1.3`), titles and bodies (the report title and `meta` are the cover's, `cover.rs`).
//!
//! - A top-level heading is a section; deeper leaves (a numbered paragraph, a claim) are items
//!   whose text runs up to the next heading; headings with children are sections.
//! - Unnumbered paragraphs under a heading are its body — except short title lines each followed
//!   by their paragraph (三、存在的问题 → 制度流于形式 + its paragraph): those become items.
//! - A list introduced by a line ending in `：` (主要职能：（一）…（八）…) whose entries have nothing
//!   under them stays in the body: it describes, it is not scored.

use super::numbering::{Kind, markers, narrow};
use super::outline::{Heading, Node, Outline};
use super::para::{Kind as ParaKind, Para, ends_sentence, trim_title};

pub use crate::lang::Lang;

/// A report section and item as written to the file: the format's own definition.
pub use crate::report::file::{ItemFile, SectionFile};

/// An item with a title (none when empty) and a text.
pub fn item(id: String, title: String, text: String) -> ItemFile {
    ItemFile { id, title: Some(title).filter(|t| !t.is_empty()), text, ..ItemFile::default() }
}

/// What the outline becomes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Built {
    pub title: Option<String>,
    pub meta: Vec<(String, String)>,
    pub sections: Vec<SectionFile>,
    /// Things the reader should know about how the text was read (for the summary).
    pub notes: Vec<String>,
    /// Cover lines that only repeated the title (dropped).
    pub repeated: Vec<String>,
}

/// `fallback_title` names the one section made when the text has no outline (or one level only)
/// and the document has no title line of its own.
pub fn build(outline: Outline, lang: Lang, fallback_title: &str) -> Built {
    let Outline { mut front, mut roots, .. } = outline;
    fold_front_list(&mut front, &mut roots);
    let super::cover::Cover { title, meta, preface, repeated } = super::cover::front_matter(front);
    let mut built = Built { title, meta, repeated, ..Built::default() };
    let mut sections = Vec::new();
    // Which top-level parts are numbered (not headed by markup or capitals).
    let mut numbered = Vec::with_capacity(roots.len());
    for (i, node) in roots.into_iter().enumerate() {
        numbered.push(!matches!(node.heading.style.kind, Kind::Explicit(_)));
        match convert(node, format!("s{}", i + 1), 0, lang) {
            Part::Section(s) => sections.push(s),
            // (convert never makes an item at the top level; kept total rather than panicking)
            Part::Item(item) => sections.push(SectionFile {
                id: item.id.clone(),
                title: item.title.clone().unwrap_or_else(|| first_clause(&item.text, lang)),
                body: Some(item.text).filter(|t| !t.is_empty()),
                items: Vec::new(),
                sections: Vec::new(),
            }),
        }
    }
    let report_title = built.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| {
        if fallback_title.trim().is_empty() { untitled(lang) } else { fallback_title }.to_string()
    });
    if sections.is_empty() {
        // No outline at all: the text is one section; its short title lines make items, or it is one item.
        let (body, subs) = split_subtitles(preface);
        let mut section = SectionFile {
            id: "s1".into(),
            title: report_title.clone(),
            body: None,
            items: Vec::new(),
            sections: Vec::new(),
        };
        let dashes = if subs.is_empty() { dash_claims(&body) } else { Vec::new() };
        if !dashes.is_empty() {
            // Findings each opening with a dash (`——财政运行总体平稳，…。`): the claims of a text
            // without numbering, what comes before them its body.
            let first = dashes[0];
            let mut paras = body;
            let claims = paras.split_off(first);
            section.body = Some(join(&paras)).filter(|b| !b.is_empty());
            let mut n = 0;
            for p in claims {
                if p.kind == ParaKind::Text && dash_claim(&p.text) {
                    n += 1;
                    let title = first_clause(p.text.trim_start_matches(['—', '-', '–', ' ']), lang);
                    section.items.push(item(format!("s1.{n}"), title, p.text));
                } else if let Some(last) = section.items.last_mut() {
                    last.text.push('\n');
                    last.text.push_str(&p.text);
                }
            }
            built.notes.push(crate::words::errors::NO_NUMBERING_DASHES.get().into());
        } else if subs.is_empty() {
            let text = join(&body);
            if !text.is_empty() {
                section.items.push(item("s1.1".into(), report_title, text));
            }
            built.notes.push(crate::words::errors::NO_NUMBERING_ONE_ITEM.get().into());
        } else {
            section.body = Some(join(&body)).filter(|b| !b.is_empty());
            section.items = subtitle_items(subs, "s1", 0);
            built.notes.push(crate::words::errors::NO_NUMBERING_TITLES.get().into());
        }
        if !section.items.is_empty() || section.body.is_some() {
            built.sections.push(section);
        }
        return built;
    }
    if count_items(&sections) > 0 {
        // Beside parts with items, a numbered part with only its text is scored as one item
        // (`二、重点绩效评价结论` and its paragraphs): a section holding it, both named by the
        // heading —
        // unless it describes rather than reports (基本情况, 背景, Background, 附件), or its text
        // is a table (a scoring table given as text): those are read.
        for (s, numbered) in sections.iter_mut().zip(numbered) {
            let table = s.body.as_deref().is_some_and(|b| {
                let rows = b.lines().filter(|l| l.starts_with('|')).count();
                rows * 2 >= b.lines().count()
            });
            let leaf =
                numbered && s.items.is_empty() && s.sections.is_empty() && !describes(&s.title) && !table;
            if leaf && let Some(text) = s.body.take() {
                // Named as a reader names what they score: by the part's heading.
                s.items.push(item(format!("{}.1", s.id), s.title.clone(), text));
            }
        }
    }
    if count_items(&sections) == 0 {
        // One level only: each top-level part is an item of one section.
        let items = sections
            .into_iter()
            .enumerate()
            .map(|(i, s)| item(format!("s1.{}", i + 1), s.title.clone(), s.body.unwrap_or(s.title)))
            .collect();
        sections = vec![SectionFile {
            id: "s1".into(),
            title: report_title,
            body: None,
            items,
            sections: Vec::new(),
        }];
        built.notes.push(crate::words::errors::ONE_LEVEL.get().into());
    }
    if !preface.is_empty() {
        let title = match lang {
            Lang::Zh => "前言",
            Lang::En => "Preface",
        };
        let body = Some(join(&preface)).filter(|b| !b.is_empty());
        sections.insert(
            0,
            SectionFile {
                id: "s0".into(),
                title: title.into(),
                body,
                items: Vec::new(),
                sections: Vec::new(),
            },
        );
    }
    built.sections = sections;
    built
}

/// A part's heading that says it describes the unit or the document rather than reports what
/// was done: its text is read, not scored.
fn describes(title: &str) -> bool {
    const WORDS: [&str; 22] = [
        "基本情况",
        "基本情況",
        "概况",
        "概況",
        "简介",
        "簡介",
        "背景",
        "附件",
        "附表",
        "附录",
        "附錄",
        "名词解释",
        "名詞解釋",
        "background",
        "introduction",
        "overview",
        "appendix",
        "annex",
        "acronyms",
        "glossary",
        "abbreviations",
        "contents",
    ];
    let lower = title.to_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

pub fn untitled(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "未命名报告",
        Lang::En => "Untitled report",
    }
}

pub fn count_items(sections: &[SectionFile]) -> usize {
    sections.iter().map(|s| s.items.len() + count_items(&s.sections)).sum()
}

pub fn count_sections(sections: &[SectionFile]) -> usize {
    sections.iter().map(|s| 1 + count_sections(&s.sections)).sum()
}

enum Part {
    Section(SectionFile),
    Item(ItemFile),
}

fn convert(node: Node, id: String, depth: usize, lang: Lang) -> Part {
    let Node { heading, mut paras, mut children } = node;
    fold_list(&heading, &mut paras, &mut children);
    let (body, subs) = split_subtitles(paras);
    let (mut title, paragraph) = heading_title(&heading, lang);
    if title.trim().is_empty() {
        title = heading.text.trim().to_string();
    }
    if title.trim().is_empty() {
        title = match lang {
            Lang::Zh => "（无标题）",
            Lang::En => "(untitled)",
        }
        .to_string();
    }
    if depth > 0 && children.is_empty() && subs.is_empty() {
        let mut parts: Vec<&str> = Vec::new();
        if paragraph {
            parts.push(heading.text.trim());
        }
        parts.extend(body.iter().map(|p| p.text.as_str()));
        let mut text = parts.join("\n");
        if text.is_empty() {
            text = heading.text.trim().to_string();
        }
        return Part::Item(item(id, title, text));
    }
    let mut parts: Vec<&str> = Vec::new();
    if paragraph {
        parts.push(heading.text.trim());
    }
    parts.extend(body.iter().map(|p| p.text.as_str()));
    let body = parts.join("\n");
    let mut section = SectionFile {
        id: id.clone(),
        title,
        body: Some(body).filter(|b| !b.is_empty()),
        items: subtitle_items(subs, &id, 0),
        sections: Vec::new(),
    };
    let mut n = section.items.len();
    for child in children {
        n += 1;
        let child_id = format!("{id}.{n}");
        match convert(child, child_id.clone(), depth + 1, lang) {
            // A leaf after a subsection would be listed before it (a section shows its own items
            // first): it becomes a section of its own under the leaf's heading, so the order
            // stays; the item in it is titled by what its text says, not the heading again.
            Part::Item(item) if !section.sections.is_empty() => {
                let title = item.title.clone().unwrap_or_else(|| first_clause(&item.text, lang));
                let said = first_clause(&item.text, lang);
                let inner = (said != title && !title.contains(&said)).then_some(said);
                let item = ItemFile { id: format!("{child_id}.1"), title: inner, ..item };
                section.sections.push(SectionFile {
                    id: child_id,
                    title,
                    body: None,
                    items: vec![item],
                    sections: Vec::new(),
                });
            }
            Part::Item(item) => section.items.push(item),
            // A subsection holding one claim and nothing else is that claim, under its heading
            // (unless a subsection came before it: then it stays one, to keep the order).
            Part::Section(s) if section.sections.is_empty() && is_wrapper(&s) => {
                section.items.push(unwrap_item(s));
            }
            Part::Section(s) => section.sections.push(s),
        }
    }
    Part::Section(section)
}

/// A section with one item and nothing else: no body, no subsections.
fn is_wrapper(s: &SectionFile) -> bool {
    s.body.is_none() && s.sections.is_empty() && s.items.len() == 1
}

/// The one item of a wrapper section, as an item in its place: the section's id and title; the
/// item's own title stays in its text when the text does not already say it.
fn unwrap_item(mut s: SectionFile) -> ItemFile {
    let inner = s.items.remove(0);
    let mut text = inner.text;
    if let Some(t) = inner.title.filter(|t| *t != s.title && !text.contains(t.as_str())) {
        text = format!("{t}\n{text}");
    }
    item(s.id, s.title, text)
}

fn subtitle_items(subs: Vec<(String, Vec<Para>)>, id: &str, first: usize) -> Vec<ItemFile> {
    subs.into_iter()
        .enumerate()
        .map(|(k, (title, paras))| item(format!("{id}.{}", first + k + 1), title, join(&paras)))
        .collect()
}

fn join(paras: &[Para]) -> String {
    paras.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// A list whose entries have nothing under them but lists of the same kind stays in the body,
/// in its order: after a line ending in `：` (主要职能：（一）…（八）…), under a heading ending in one
/// (`（一）评估程序：` / `1.` … `4.`), or under a heading naming the unit's duties (主要职责,
/// 部门职能, 内设机构), which describes and is not scored.
fn fold_list(heading: &Heading, paras: &mut Vec<Para>, children: &mut Vec<Node>) {
    let ends_colon = |t: &str| t.trim_end().chars().last().is_some_and(|c| matches!(narrow(c), ':'));
    let intro = match paras.last() {
        Some(p) => p.kind == ParaKind::Text && ends_colon(&p.text),
        None => ends_colon(&heading.text),
    };
    let duties = ["职责", "職責", "职能", "職能", "内设机构", "內設機構", "机构设置", "機構設置"]
        .iter()
        .any(|w| heading.rest().contains(w));
    let Some(first) = children.first() else { return };
    let style = first.heading.style;
    let list = (children.len() >= 2 || duties)
        && style.kind != Kind::Claim
        && !matches!(style.kind, Kind::Explicit(_))
        && children.iter().all(|c| c.heading.style == style && is_entry(c));
    if (intro || duties) && list {
        let mut flat = Vec::new();
        for c in children.drain(..) {
            flatten(c, &mut flat);
        }
        paras.extend(flat);
    }
}

/// The same at the top: a list of one line an entry after a line ending in `：` before any
/// heading (`附件：` / `1.…公告` / `2.…公告`), when it is all the numbering there is, is the
/// text's, not its outline.
fn fold_front_list(front: &mut Vec<Para>, roots: &mut Vec<Node>) {
    let intro = front.last().is_some_and(|p| {
        p.kind == ParaKind::Text && p.text.trim_end().chars().last().is_some_and(|c| matches!(narrow(c), ':'))
    });
    let Some(first) = roots.first() else { return };
    let style = first.heading.style;
    let list = roots.len() >= 2
        && !matches!(style.kind, Kind::Explicit(_) | Kind::Claim)
        && roots.iter().all(|c| c.heading.style == style && c.paras.is_empty() && c.children.is_empty());
    if intro && list {
        for r in roots.drain(..) {
            flatten(r, front);
        }
    }
}

/// An entry of a list: nothing under it but a list of entries of one style.
fn is_entry(n: &Node) -> bool {
    n.paras.is_empty()
        && n.children
            .first()
            .is_none_or(|f| n.children.iter().all(|c| c.heading.style == f.heading.style && is_entry(c)))
}

/// A list entry and the entries under it, as paragraphs in their order.
fn flatten(n: Node, out: &mut Vec<Para>) {
    out.push(Para::text(n.heading.text));
    for c in n.children {
        flatten(c, out);
    }
}

/// Where the paragraphs that open with a dash and say a claim are (see [`dash_claim`]).
fn dash_claims(paras: &[Para]) -> Vec<usize> {
    (0..paras.len()).filter(|&i| paras[i].kind == ParaKind::Text && dash_claim(&paras[i].text)).collect()
}

/// A finding opening with a dash: `——支出结构不断优化，民生等重点领域保障有力。…` — a sentence
/// after the dash, not an occasion line (`——2020年7月28日在…会议上`, no sentence end).
fn dash_claim(t: &str) -> bool {
    let t = t.trim_start();
    let rest = t.trim_start_matches(['—', '–']);
    let dashes = t.len() - rest.len();
    dashes >= '—'.len_utf8()
        && rest.chars().take(80).any(|c| matches!(c, '。' | '；' | ';'))
        && !rest.starts_with(|c: char| c.is_ascii_digit())
}

/// A short line that names what follows: no sentence end, no number, no colon inside.
fn is_subtitle(p: &Para) -> bool {
    let t = p.text.trim();
    let n = t.chars().count();
    p.kind == ParaKind::Text
        && (2..=30).contains(&n)
        && !ends_sentence(t)
        && !t.ends_with(['，', ',', '、'])
        && !t.contains(['。', '：', ':', '；', ';'])
        && !t.starts_with(['-', '*', '•', '·', '●', '■', '◆', '□', '—', '（', '('])
        && markers(t).is_empty()
        && names_something(t)
}

/// Whether a short line can name a part, not be a piece of a wrapped line or a cell: in a Latin
/// script it starts with a capital, has a word of four letters at least and does not end in a
/// word that joins (`reform (20% - S)`, `No`, `by` are pieces); in Chinese it has three
/// characters at least (`绩效` is a cell); its brackets are closed.
fn names_something(t: &str) -> bool {
    const JOINING: [&str; 14] =
        ["a", "an", "the", "of", "and", "or", "for", "in", "on", "to", "with", "by", "at", "from"];
    let mut depth = 0i32;
    for c in t.chars().map(narrow) {
        match c {
            '(' | '[' | '“' | '《' => depth += 1,
            ')' | ']' | '”' | '》' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    if depth != 0 {
        return false;
    }
    if t.chars().any(crate::lang::is_cjk) {
        return t.chars().filter(|&c| crate::lang::is_cjk(c)).count() >= 3;
    }
    let last = t.split_whitespace().last().unwrap_or("").to_lowercase();
    t.starts_with(|c: char| c.is_uppercase())
        && t.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 4)
        && !JOINING.contains(&last.as_str())
}

/// Splits paragraphs into the body and (title line, its paragraphs) pairs, when there are two
/// or more short title lines each followed by a paragraph; else everything is body.
fn split_subtitles(paras: Vec<Para>) -> (Vec<Para>, Vec<(String, Vec<Para>)>) {
    let starts: Vec<bool> = (0..paras.len())
        .map(|i| {
            is_subtitle(&paras[i])
                && paras.get(i + 1).is_some_and(|next| {
                    matches!(next.kind, ParaKind::Text | ParaKind::Table | ParaKind::Verbatim)
                        && !is_subtitle(next)
                })
        })
        .collect();
    if starts.iter().filter(|&&s| s).count() < 2 {
        return (paras, Vec::new());
    }
    let mut body = Vec::new();
    let mut subs: Vec<(String, Vec<Para>)> = Vec::new();
    for (p, start) in paras.into_iter().zip(starts) {
        if start {
            subs.push((trim_title(&p.text), Vec::new()));
        } else if let Some((_, ps)) = subs.last_mut() {
            ps.push(p);
        } else {
            body.push(p);
        }
    }
    (body, subs)
}

/// The title of a heading, and whether the heading is a whole paragraph (its text is content too).
fn heading_title(h: &Heading, lang: Lang) -> (String, bool) {
    let rest = h.rest();
    if h.style.kind == Kind::Claim {
        return (first_clause(rest, lang), true);
    }
    if matches!(h.style.kind, Kind::Explicit(_)) || title_like(rest) {
        return (trim_title(&h.text), false);
    }
    // The number as written, with one space after it when the document has one.
    let written = h.text.get(..h.marker_len).unwrap_or("").trim_start();
    let number = written.trim_end();
    let space = if written.len() > number.len() { " " } else { "" };
    (format!("{number}{space}{}", first_clause(rest, lang)), true)
}

/// Short, one clause or phrase: a title rather than a paragraph.
fn title_like(rest: &str) -> bool {
    let chars: Vec<char> = rest.chars().map(narrow).collect();
    // Fifty characters of Chinese, a hundred of a Latin script.
    let latin = chars.iter().all(|c| c.is_ascii());
    if chars.len() > if latin { 100 } else { 50 } {
        return false;
    }
    let inner = &chars[..chars.len().saturating_sub(1)];
    !inner.iter().enumerate().any(|(i, &c)| {
        matches!(c, '。' | '!' | '?' | ';')
            || (c == '.' && inner.get(i + 1).is_some_and(|n| n.is_whitespace()))
    })
}

/// The text up to the first clause end, outside quotes and brackets; cut to 40 characters.
pub fn first_clause(text: &str, lang: Lang) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut depth = 0i32;
    let mut end = chars.len();
    for (i, &raw) in chars.iter().enumerate() {
        let c = narrow(raw);
        match c {
            '“' | '‘' | '「' | '『' | '《' | '(' | '【' | '[' => depth += 1,
            '”' | '’' | '」' | '』' | '》' | ')' | '】' | ']' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        let stop = match c {
            '。' | ';' | '!' | '?' => true,
            ':' => !next.is_ascii_digit(),
            '.' => next.is_whitespace(),
            ',' if raw == '，' => lang == Lang::Zh,
            ',' => lang == Lang::Zh && !next.is_ascii_digit(),
            _ => false,
        };
        if stop {
            end = i;
            break;
        }
    }
    let clause: String = chars[..end].iter().collect();
    let clause = clause.trim();
    let clause = if clause.is_empty() { text.trim() } else { clause };
    if clause.chars().count() > 60 {
        let cut: String = clause.chars().take(40).collect();
        format!("{cut}…")
    } else {
        clause.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::outline::outline;

    fn built(lines: &[&str]) -> Built {
        let paras = lines.iter().map(|l| Para::text(*l)).collect();
        build(outline(paras), Lang::Zh, "报告")
    }

    #[test]
    fn clauses() {
        assert_eq!(
            first_clause("健全“一呼即应，接诉即办”运行机制，做到简单", Lang::Zh),
            "健全“一呼即应，接诉即办”运行机制"
        );
        assert_eq!(first_clause("扎实开展工作。结合实际", Lang::Zh), "扎实开展工作");
        assert_eq!(first_clause("Budget execution, on time. More", Lang::En), "Budget execution, on time");
        assert_eq!(first_clause("增长1.5%，完成", Lang::Zh), "增长1.5%");
        let long = "很".repeat(80);
        assert_eq!(first_clause(&long, Lang::Zh).chars().count(), 41);
    }

    #[test]
    fn front_lines_become_title_and_meta() {
        let b = built(&[
            "2022年度部门整体支出绩效自评报告",
            "填报单位：邵东市行政审批服务局",
            "2023年3月",
            "一、概况",
            "正文。",
        ]);
        assert_eq!(b.title.as_deref(), Some("2022年度部门整体支出绩效自评报告"));
        assert_eq!(
            b.meta,
            [
                ("unit".to_string(), "邵东市行政审批服务局".to_string()),
                ("date".into(), "2023年3月".into()),
                ("year".into(), "2022".into())
            ]
        );
    }

    #[test]
    fn the_title_is_the_line_that_reads_like_one_and_meta_only_what_it_knows() {
        let b = built(&[
            "邵东市农业农村局",
            "关于2022年度部门整体支出的",
            "绩效评价报告",
            "编制人数：15",
            "评价机构：某会计师事务所",
            "填报单位：邵东市农业农村局",
            "第二稿",
            "一、概况",
            "正文。",
        ]);
        assert_eq!(b.title.as_deref(), Some("关于2022年度部门整体支出的绩效评价报告"));
        assert_eq!(
            b.meta,
            [("unit".to_string(), "邵东市农业农村局".to_string()), ("year".into(), "2022".into())]
        );
        // What is not a known fact, or a second unit, is the preface: nothing is lost.
        assert_eq!(b.sections[0].id, "s0");
        assert_eq!(
            b.sections[0].body.as_deref(),
            Some("编制人数：15\n评价机构：某会计师事务所\n填报单位：邵东市农业农村局\n第二稿")
        );
    }

    #[test]
    fn english_covers() {
        let b = built(&[
            "OFFICE OF INSPECTOR GENERAL",
            "REVIEW OF THE GRANT MONITORING PROCESS",
            "Report No. OIG-22-014",
            "March 2022",
            "1. Findings",
            "Text.",
        ]);
        assert_eq!(b.title.as_deref(), Some("REVIEW OF THE GRANT MONITORING PROCESS"));
        let keys: Vec<(&str, &str)> = b.meta.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(
            keys,
            [
                ("unit", "OFFICE OF INSPECTOR GENERAL"),
                ("number", "OIG-22-014"),
                ("date", "March 2022"),
                ("year", "2022")
            ]
        );
    }

    #[test]
    fn a_subsection_with_one_claim_is_that_claim() {
        let b = built(&[
            "一、成效",
            "（一）满意度",
            "一是满意度较高。",
            "（二）产出",
            "一是产出达标。",
            "二是质量合格。",
        ]);
        let s1 = &b.sections[0];
        assert_eq!(s1.items.len(), 1);
        assert_eq!((s1.items[0].id.as_str(), s1.items[0].title.as_deref()), ("s1.1", Some("（一）满意度")));
        assert_eq!(s1.items[0].text, "一是满意度较高。");
        assert_eq!(s1.sections.len(), 1);
        assert_eq!(s1.sections[0].items.len(), 2);
    }

    #[test]
    fn subtitle_lines_make_items_and_lists_after_a_colon_stay_body() {
        let b = built(&[
            "一、概况",
            "主要职能：",
            "（一）职能一。",
            "（二）职能二。",
            "二、问题",
            "问题如下：",
            "制度流于形式",
            "制度没有发挥作用。",
            "管理存在缺陷",
            "应用较少。",
        ]);
        assert_eq!(b.sections[0].body.as_deref(), Some("主要职能：\n（一）职能一。\n（二）职能二。"));
        assert!(b.sections[0].items.is_empty());
        let s2 = &b.sections[1];
        assert_eq!(s2.body.as_deref(), Some("问题如下："));
        let items: Vec<(&str, &str, &str)> =
            s2.items.iter().map(|i| (i.id.as_str(), i.title.as_deref().unwrap(), i.text.as_str())).collect();
        assert_eq!(
            items,
            [("s2.1", "制度流于形式", "制度没有发挥作用。"), ("s2.2", "管理存在缺陷", "应用较少。")]
        );
    }

    #[test]
    fn a_numbered_part_with_only_its_text_beside_parts_with_items_is_one_item() {
        let b = built(&[
            "一、基本情况",
            "单位设4个股室。",
            "二、绩效情况",
            "（一）产出",
            "完成率100%。",
            "（二）效益",
            "满意度95%。",
            "三、评价结论",
            "本次评价得分80.56分，等级为良。",
            "四、附件",
            "| 指标 | 分值 |",
        ]);
        let shape: Vec<(&str, usize, bool)> =
            b.sections.iter().map(|s| (s.id.as_str(), s.items.len(), s.body.is_some())).collect();
        // The description and the table are read; the conclusion is scored, named by its heading.
        assert_eq!(shape, [("s1", 0, true), ("s2", 2, false), ("s3", 1, false), ("s4", 0, true)]);
        assert_eq!(b.sections[2].items[0].title.as_deref(), Some("三、评价结论"));
    }

    #[test]
    fn lists_under_a_colon_or_a_duties_heading_stay_in_the_body() {
        let b = built(&[
            "一、部门概况",
            "（一）主要职责",
            "根据“三定”方案，本局是县政府工作部门。",
            "1.贯彻执行审计方针政策。",
            "2.依法进行下列审计：",
            "（1）预算执行情况；",
            "（2）财政收支情况。",
            "（二）评估程序：",
            "1.前期调研。",
            "2.拟定方案。",
            "二、问题",
            "（一）预算编制不精准",
            "部分项目预算偏大。",
            "（二）进度滞后",
            "资金拨付不及时。",
        ]);
        let s1 = &b.sections[0];
        let items: Vec<(&str, &str)> =
            s1.items.iter().map(|i| (i.title.as_deref().unwrap_or(""), i.text.as_str())).collect();
        assert_eq!(
            items,
            [
                (
                    "（一）主要职责",
                    "根据“三定”方案，本局是县政府工作部门。\n1.贯彻执行审计方针政策。\n2.依法进行下列审计：\n（1）预算执行情况；\n（2）财政收支情况。"
                ),
                ("（二）评估程序", "1.前期调研。\n2.拟定方案。")
            ]
        );
        // Claims with text under them are scored as before.
        assert_eq!(b.sections[1].items.len(), 2);
    }

    #[test]
    fn dash_findings_without_numbering_are_items_and_an_attachment_list_is_text() {
        let b = built(&[
            "——2020年7月28日在省人大常委会会议上",
            "主任、各位委员：",
            "我受省政府委托，报告审计情况。",
            "——财政运行总体平稳，积极的财政政策提质增效明显。收入增长4.53%。",
            "全年支出增长9.97%。",
            "——支出结构不断优化，民生等重点领域保障有力。",
        ]);
        let items: Vec<(&str, &str)> =
            b.sections[0].items.iter().map(|i| (i.title.as_deref().unwrap_or(""), i.text.as_str())).collect();
        assert_eq!(
            items,
            [
                (
                    "财政运行总体平稳",
                    "——财政运行总体平稳，积极的财政政策提质增效明显。收入增长4.53%。\n全年支出增长9.97%。"
                ),
                ("支出结构不断优化", "——支出结构不断优化，民生等重点领域保障有力。")
            ]
        );
        let b = built(&[
            "关于公告审计结果的报告",
            "请批示。",
            "附件：",
            "1.某公司审计结果公告",
            "2.某中心审计结果公告",
        ]);
        assert_eq!(b.sections.len(), 1);
        assert_eq!(b.sections[0].items.len(), 1, "the attachments are the text's");
    }

    #[test]
    fn pieces_of_wrapped_lines_and_cells_are_no_title_lines() {
        for t in ["reform (20% - S)", "No", "by", "Rural services and", "绩效", "10 ) 明确性", "(a) the"]
        {
            assert!(!is_subtitle(&Para::text(t)), "{t}");
        }
        for t in ["ABBREVIATIONS", "Lessons Learned", "制度流于形式", "Program Management (PM)"] {
            assert!(is_subtitle(&Para::text(t)), "{t}");
        }
    }

    #[test]
    fn one_level_becomes_items_and_no_outline_one_item() {
        let b = built(&["报告", "1. 目标", "目标完成。", "2. 预算", "预算执行。"]);
        assert_eq!(b.sections.len(), 1);
        assert_eq!(b.sections[0].items.len(), 2);
        assert_eq!(b.sections[0].items[1].id, "s1.2");
        let b = built(&["报告", "只有一段正文，没有编号。"]);
        assert_eq!(b.sections[0].items.len(), 1);
        assert_eq!(b.sections[0].items[0].text, "只有一段正文，没有编号。");
    }
}
