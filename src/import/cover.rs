//! The cover: the short lines before a report's outline give its title and `meta` — the title
//! the line that reads like one, `meta` only the facts recognised (a unit, a date, a code, a
//! report number, an author), each once — and whatever else is there is the preface.

use super::numbering::narrow;
use super::para::{Kind as ParaKind, Para, ends_sentence, trim_title};

/// The title, `meta` and preface from the paragraphs before the outline.
///
/// The leading short lines are the cover: the title is the first of them that reads like one
/// (报告, 评价, Report, Review… within the first 15), else the first that is not a fact; `meta`
/// takes the facts it recognises (`单位：…`, a unit's name, a date, a report number), each once;
/// every other line, and everything from the first real paragraph on, is the preface — nothing
/// on the cover is dropped or turned into a made-up key.
pub fn front_matter(front: Vec<Para>) -> Cover {
    let mut title: Option<String> = None;
    let mut meta: Vec<(String, String)> = Vec::new();
    let mut preface = Vec::new();
    let mut repeated = Vec::new();
    // Table rows above everything (a site's empty form, `| ||`) are the preface's, not the
    // cover's end.
    let rows_first = front.iter().take_while(|p| p.kind == ParaKind::Table).count();
    let cover_len = front
        .iter()
        .skip(rows_first)
        .position(|p| {
            let t = p.text.trim();
            let short = (!too_long(t) && !t.contains('。') && !ends_sentence(t)) || key_value(t).is_some();
            !short || matches!(p.kind, ParaKind::Table | ParaKind::Verbatim)
        })
        .map_or(front.len(), |n| n + rows_first);
    let marked = front.iter().position(|p| p.kind == ParaKind::Title);
    let chosen = marked.or_else(|| {
        let cover = &front[rows_first..cover_len.min(rows_first + COVER_LINES)];
        let candidate =
            |p: &&Para| p.kind == ParaKind::Text && fact(p.text.trim()).is_none() && title_shaped(&p.text);
        // The line naming the document (…报告) before one that only speaks of its subject (绩效…).
        let at = |i: usize| i + rows_first;
        let best = (1..=3)
            .rev()
            .find_map(|rank| cover.iter().position(|p| candidate(&p) && title_rank(&p.text) >= rank))
            .map(at);
        // An English cover's first line set in capitals is its title, unless a line names the
        // document (…Report): a subject word (`AUDIT AND INVESTIGATIVE FINDINGS`) below it is
        // the subtitle.
        let first = cover.iter().position(|p| candidate(&p)).map(at);
        let capitals = first.filter(|&f| {
            let t = front[f].text.trim();
            t.is_ascii() && super::wrap::capitals(t) && title_rank(t) < 2
        });
        let named = best.filter(|&b| title_rank(&front[b].text) >= 2);
        // Else the cover's first line, when it could be a title and is no letterhead (a list of
        // names and places).
        named.or(capitals).or(best).or_else(|| {
            cover.first().filter(|p| candidate(p) && !p.text.contains([',', '，'])).map(|_| at(0))
        })
    });
    // A title broken over two lines, its first part without the word that picked the second.
    let first_part = chosen.filter(|&c| {
        c > 0
            && marked.is_none()
            && front[c - 1].kind == ParaKind::Text
            && (fact(front[c - 1].text.trim()).is_none() || looks_like_unit(front[c - 1].text.trim()))
            && continues_title(front[c - 1].text.trim(), front[c].text.trim())
    });
    let mut after_title = false;
    for (i, p) in front.into_iter().enumerate() {
        let squeezed = unspaced(p.text.trim());
        let t = squeezed.as_deref().unwrap_or(p.text.trim());
        if first_part.is_some_and(|c| i + 1 == c) {
            // `邵东市行政审批服务局` / `2022年度…自评报告`: the unit starts the title and is the unit.
            if looks_like_unit(t) {
                meta.push(("unit".into(), t.to_string()));
            }
            title = Some(trim_title(t));
            continue;
        }
        if Some(i) == chosen {
            title = Some(match title.take() {
                Some(first) => format!("{first}{}", trim_title(t)),
                None => trim_title(t),
            });
            after_title = true;
            continue;
        }
        let just_after = std::mem::take(&mut after_title);
        if i >= cover_len {
            preface.push(p);
            continue;
        }
        if p.kind == ParaKind::Subtitle && !meta.iter().any(|(k, _)| k == "subtitle") {
            meta.push(("subtitle".into(), t.to_string()));
            continue;
        }
        if just_after && marked.is_none() && continues_title(title.as_deref().unwrap_or(""), t) {
            // A title broken over two lines on a cover page.
            title = title.map(|ti| format!("{ti}{}", trim_title(t)));
            continue;
        }
        match fact(t) {
            Some((key, value)) if !meta.iter().any(|(k, _)| *k == key) => meta.push((key, value)),
            // A web page shows the title, then the document its own (`…整体支出` / `绩效评价报告`).
            None if repeats(title.as_deref(), t) => repeated.push(p.text),
            _ => preface.push(p),
        }
    }
    let year_source = title.iter().chain(meta.iter().map(|(_, v)| v)).find_map(|t| year_in(t));
    if let Some(year) = year_source
        && !meta.iter().any(|(k, _)| k == "year")
    {
        meta.push(("year".into(), year));
    }
    Cover { title, meta, preface, repeated }
}

/// How far from the end a signature is looked for (paragraphs): past an attachment list.
const SIGNATURE_REACH: usize = 12;

/// The signature near the end of the text: a unit's name on a line, the date on the next
/// (`沅江市审计局` / `2021年12月30日`), the last such pair — the document's own unit and date when
/// its cover gives none.
pub fn signature(paras: &[Para]) -> Option<(String, String)> {
    let from = paras.len().saturating_sub(SIGNATURE_REACH);
    paras[from..].windows(2).rev().find_map(|w| {
        let (a, b) = (w[0].text.trim(), w[1].text.trim());
        let unit = unspaced(a).unwrap_or_else(|| a.to_string());
        (w[0].kind == ParaKind::Text && looks_like_unit(&unit) && looks_like_date(b))
            .then(|| (unit, b.to_string()))
    })
}

/// The signature's unit and date into `meta` where the cover gave none (and the year from the
/// date, when no year was found).
pub fn add_signature(meta: &mut Vec<(String, String)>, signed: Option<(String, String)>) {
    let Some((unit, date)) = signed else { return };
    let has = |meta: &Vec<(String, String)>, key: &str| meta.iter().any(|(k, _)| k == key);
    if !has(meta, "unit") {
        meta.push(("unit".into(), unit));
    }
    if !has(meta, "date") {
        if let Some(year) = year_in(&date).filter(|_| !has(meta, "year")) {
            meta.push(("year".into(), year));
        }
        meta.push(("date".into(), date));
    }
}

/// A name set with a space between its characters (`沅 江 市 审 计 局`), without them.
fn unspaced(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    let spaced = chars.len() >= 5
        && chars.iter().step_by(2).all(|&c| crate::lang::is_cjk(c))
        && chars.iter().skip(1).step_by(2).all(|&c| c == ' ' || c == '\u{3000}');
    spaced.then(|| chars.iter().step_by(2).collect())
}

/// What the lines before the outline give.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cover {
    pub title: Option<String>,
    pub meta: Vec<(String, String)>,
    /// The first real paragraph on, and cover lines that are no fact.
    pub preface: Vec<Para>,
    /// Cover lines that only say the title again (dropped, as noise).
    pub repeated: Vec<String>,
}

/// Whether a cover line is (a piece of) the title again: four characters at least, all in it;
/// or the title with a content farm's sample number after it (`…审计报告1`).
fn repeats(title: Option<&str>, line: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let (title, line) = (squeeze(title.unwrap_or("")), squeeze(line));
    let sample = line.trim_end_matches(|c: char| c.is_ascii_digit());
    line.chars().count() >= 4 && (title.contains(&line) || (sample.len() < line.len() && sample == title))
}

/// A fact on a cover, as its `meta` key and value: `单位：…`, a unit's name, a date, a number.
fn fact(t: &str) -> Option<(String, String)> {
    if let Some((key, value)) = key_value(t) {
        return meta_key(key).map(|k| (k.to_string(), value.to_string()));
    }
    let lower = t.to_lowercase();
    // `Report No. …`, `AUDIT REPORT NO. …` (a word or two before it), `文号…`.
    for prefix in ["report no.", "report number", "report no", "文号", "报告编号"] {
        let at = lower
            .find(prefix)
            .filter(|&at| at == 0 || (at <= 24 && lower.is_char_boundary(at) && lower[..at].ends_with(' ')));
        if let Some(at) = at {
            let rest = &lower[at + prefix.len()..];
            let value = t[t.len() - rest.len()..].trim_start_matches([' ', '.', ':', '：']).trim();
            if value.chars().any(|c| c.is_ascii_digit()) || at == 0 {
                return (!value.is_empty()).then(|| ("number".to_string(), value.to_string()));
            }
        }
    }
    if is_document_number(t) {
        return Some(("number".into(), t.trim().to_string()));
    }
    if looks_like_date(t) {
        Some(("date".into(), t.to_string()))
    } else if looks_like_unit(t) {
        Some(("unit".into(), t.to_string()))
    } else {
        None
    }
}

/// A document's number on a line of its own: `长审公告字〔2023〕5号`, `湘财绩〔2022〕12号`.
fn is_document_number(t: &str) -> bool {
    let t: String = t.trim().chars().map(narrow).filter(|c| !c.is_whitespace()).collect();
    let Some((_, inside)) = t.split_once(['(', '[', '【']) else { return false };
    let year: String = inside.chars().take_while(char::is_ascii_digit).collect();
    t.chars().count() <= 30
        && year.len() == 4
        && inside[4..].starts_with([')', ']', '】'])
        && t.ends_with('号')
        && t[..t.len() - '号'.len_utf8()].ends_with(|c: char| c.is_ascii_digit())
}

/// A line that names a report: 报告, 评价, 自评, 绩效…, Report, Evaluation, Review….
pub(super) fn reads_like_title(t: &str) -> bool {
    title_rank(t) > 0
}

/// How many of the cover's lines the title is looked for in.
const COVER_LINES: usize = 20;

/// Longer than a title runs: 60 characters of Chinese, 160 of a Latin script (GAO and OIG
/// titles run to 120).
fn too_long(t: &str) -> bool {
    let n = t.chars().count();
    n > 160 || (n > 60 && t.chars().filter(|c| !c.is_ascii()).count() * 3 > n)
}

/// Whether a line could be a title at all: no salutation or label (`…委员：`), no signature
/// (`…审计局局长 郑创平`), no occasion line (`——2020年7月28日在…会议上`), no byline (`REPORT by
/// the Comptroller…`), no table row, no sentence; four characters at least.
fn title_shaped(t: &str) -> bool {
    let t = t.trim();
    let lower = t.to_lowercase();
    let words = t.split_whitespace().count();
    // A table cell (`绩效`) or a count is no title; a document's name alone (`报告`) may be.
    let enough =
        title_rank(t) == 3 || if t.is_ascii() { words >= 2 || t.len() >= 6 } else { t.chars().count() >= 4 };
    enough
        && !too_long(t)
        && !t.ends_with([':', '：'])
        && !t.starts_with(['—', '-', '–'])
        && !t.contains('|')
        && !t.contains('。')
        && !["http", "www.", "@", "p.o. box", "phone", "tel:", "fax"].iter().any(|w| lower.contains(w))
        && !signs(t)
        && balanced(t)
        && !tagged(t)
        && !lower.starts_with("report by ")
        && !lower.starts_with("a report by ")
}

/// A content farm's headline opens with a tag in brackets (`【模板】…`, `【精品】…`): the
/// document's own title is elsewhere.
fn tagged(t: &str) -> bool {
    t.strip_prefix('【')
        .and_then(|r| r.split_once('】'))
        .is_some_and(|(tag, rest)| (1..=4).contains(&tag.chars().count()) && !rest.trim().is_empty())
}

/// Every closing bracket after its opening one: a line cut out of a table's wrapped cells
/// (`10 ) 绩效目标明确性`) is not.
fn balanced(t: &str) -> bool {
    let mut depth = 0i32;
    for c in t.chars().map(narrow) {
        match c {
            '(' | '[' | '【' | '《' | '“' => depth += 1,
            ')' | ']' | '】' | '》' | '”' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    true
}

/// A signature line: an official's post and name (`汕头市潮阳区审计局局长 郑创平`, `审计长：…`).
fn signs(t: &str) -> bool {
    const POSTS: [&str; 16] = [
        "局长",
        "厅长",
        "主任",
        "书记",
        "审计长",
        "部长",
        "市长",
        "县长",
        "区长",
        "处长",
        "科长",
        "署长",
        "主席",
        "院长",
        "镇长",
        "乡长",
    ];
    let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    POSTS.iter().any(|post| {
        squeezed.rfind(post).is_some_and(|at| {
            let name = &squeezed[at + post.len()..];
            let n = name.chars().count();
            n <= 4 && name.chars().all(crate::lang::is_cjk)
        })
    })
}

/// How surely a line is a report's title: 3 when it ends in the document's name (…报告,
/// …Report), 2 when it has it, 1 when it has a word of the subject (评价, 绩效, Review…), else 0.
pub(super) fn title_rank(t: &str) -> u8 {
    let lower = t.trim().to_lowercase();
    if too_long(t.trim()) {
        return 0;
    }
    let names = ["报告", "報告", "report", "报告书", "報告書"];
    if names.iter().any(|w| lower.ends_with(w)) {
        return 3;
    }
    if names.iter().any(|w| lower.contains(w)) {
        return 2;
    }
    let words = [
        "报告",
        "報告",
        "评价",
        "評價",
        "自评",
        "自評",
        "绩效",
        "績效",
        "总结",
        "總結",
        "审计",
        "審計",
        "决算",
        "決算",
        "施政",
        "report",
        "evaluation",
        "review",
        "assessment",
        "audit",
        "appraisal",
    ];
    u8::from(words.iter().any(|w| lower.contains(w)))
}

/// `单位名称：邵东市…` → ("单位名称", "邵东市…"), for short keys only.
fn key_value(t: &str) -> Option<(&str, &str)> {
    let (k, v) = t.split_once(['：', ':'])?;
    let (k, v) = (k.trim(), v.trim());
    (!k.is_empty() && k.chars().count() <= 16 && !v.is_empty() && !k.chars().any(|c| c.is_ascii_digit()))
        .then_some((k, v))
}

/// The second line of a title broken in two: short, ending in 报告 while the first line does not.
fn continues_title(title: &str, line: &str) -> bool {
    let ends = |s: &str| {
        let s = s.trim().to_lowercase();
        ["报告", "報告", "report"].iter().any(|w| s.ends_with(w))
    };
    let has = |s: &str| {
        let s = s.to_lowercase();
        ["报告", "報告", "report"].iter().any(|w| s.contains(w))
    };
    line.chars().count() <= 20 && ends(line) && !has(title)
}

/// The `meta` key for a cover's label (`填报单位` → `unit`), when it is one appraise knows.
fn meta_key(key: &str) -> Option<&'static str> {
    let k = key.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    // A Chinese label names its subject last: 填报单位, 部门名称 — not 部门主要负责人审签情况.
    let ends = |words: &[&str]| words.iter().any(|w| k.ends_with(w) || k.ends_with(&format!("{w}名称")));
    if ends(&["单位", "單位", "部门", "部門", "机构", "機構"])
        || has(&["unit", "department", "organization", "agency"])
    {
        Some("unit")
    } else if ends(&["年度", "年份"]) || has(&["year"]) {
        Some("year")
    } else if ends(&["日期", "时间", "時間"]) || has(&["date"]) {
        Some("date")
    } else if has(&["编制人", "編制人", "撰写", "撰寫", "填报人", "填報人", "author", "prepared"])
        && !has(&["人数", "人數"])
    {
        Some("author")
    } else if has(&["编码", "編碼", "代码", "代碼", "编号", "編號", "code"]) {
        Some("code")
    } else if has(&["项目名称", "項目名稱", "project"]) {
        Some("project")
    } else {
        None
    }
}

fn year_in(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().map(narrow).collect();
    chars.windows(4).enumerate().find_map(|(i, w)| {
        let digits = w.iter().all(char::is_ascii_digit);
        let before = i == 0 || !chars[i - 1].is_ascii_digit();
        let after = chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let s: String = w.iter().collect();
        (digits && before && after && (s.starts_with("19") || s.starts_with("20"))).then_some(s)
    })
}

/// `2023年3月`, `2022-05-10`, `March 2022`, `31 March 2022`, `March 31, 2022`.
fn looks_like_date(t: &str) -> bool {
    let s: String = t.chars().map(narrow).filter(|c| !c.is_whitespace()).collect();
    if year_in(&s).is_none() || s.chars().count() > 20 {
        return false;
    }
    let lower = s.to_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let rest = MONTHS.iter().find(|m| lower.contains(*m)).map_or(lower.clone(), |m| lower.replacen(m, "", 1));
    rest.chars().all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '-' | '/' | '.' | '号' | ','))
}

/// The name of a unit: `邵东市行政审批服务局`, `OFFICE OF INSPECTOR GENERAL`.
fn looks_like_unit(t: &str) -> bool {
    let t = t.trim();
    const ENDINGS: [&str; 20] = [
        "局",
        "委",
        "办",
        "院",
        "中心",
        "公司",
        "政府",
        "厅",
        "站",
        "所",
        "馆",
        "会",
        "部",
        "处",
        "科",
        "室",
        "办公室",
        "集团",
        "大学",
        "学校",
    ];
    const WORDS: [&str; 10] = [
        "office",
        "department",
        "agency",
        "ministry",
        "bureau",
        "inspector general",
        "commission",
        "council",
        "authority",
        "administration",
    ];
    let lower = t.to_lowercase();
    t.chars().count() <= 30 && ENDINGS.iter().any(|s| t.ends_with(s))
        || t.chars().count() <= 60
            && !t.chars().any(|c| c.is_ascii_digit())
            && WORDS.iter().any(|w| lower.contains(w))
            && title_rank(t) < 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title_of(lines: &[&str]) -> Option<String> {
        front_matter(lines.iter().map(|l| Para::text(*l)).collect()).title
    }

    #[test]
    fn long_english_titles_and_what_is_no_title() {
        let long = "Implementation Completion Report (ICR) Review - Iran - Alborz Integrated Land And Water Management Project";
        assert_eq!(
            title_of(&[long, "Text of the review follows here, at some length."]).as_deref(),
            Some(long)
        );
        // A signature, an occasion, a salutation: no title, the file name is used.
        assert_eq!(
            title_of(&[
                "——2020年7月28日在省人大常委会会议上",
                "广东省审计厅厅长 卢荣春",
                "主任、各位副主任、各位委员："
            ]),
            None
        );
        // A letterhead with an address is not the title; a byline is not either.
        assert_eq!(
            title_of(&["Independent Office of Audits P.O. BOX 942874, SACRAMENTO, PHONE (916) 323-7111"]),
            None
        );
        assert_eq!(
            title_of(&["Efficiency in government", "REPORT by the Comptroller and Auditor General"])
                .as_deref(),
            Some("Efficiency in government")
        );
        // A table's cut cell is no title.
        assert_eq!(title_of(&["10 ) 绩效目标明确性", "5 5 合理性"]), None);
        // An English cover's first line in capitals beats a subtitle with a subject word.
        assert_eq!(
            title_of(&["HUMANITARIAN ASSISTANCE PROGRAMS", "AUDIT AND INVESTIGATIVE FINDINGS", "March 2010"])
                .as_deref(),
            Some("HUMANITARIAN ASSISTANCE PROGRAMS")
        );
    }

    #[test]
    fn a_signature_gives_the_unit_and_date_a_cover_does_not() {
        let paras: Vec<Para> = ["正文。", "沅 江 市 审 计 局", "2021年12月30日", "附件：", "1.某公告"]
            .into_iter()
            .map(Para::text)
            .collect();
        let mut meta = vec![("year".to_string(), "2021".to_string())];
        add_signature(&mut meta, signature(&paras));
        assert_eq!(
            meta,
            [
                ("year".into(), "2021".into()),
                ("unit".into(), "沅江市审计局".into()),
                ("date".into(), "2021年12月30日".into())
            ]
        );
        // A content farm's tagged headline and a site's form rows above the cover are no title.
        assert_eq!(title_of(&["【模板】年度工作总结", "正文一段，不是标题。"]), None);
        let mut front = vec![Para { text: "| ||".into(), kind: ParaKind::Table }];
        front.extend(["邵东市财政局", "关于2022年度部门整体支出", "绩效评价的报告"].map(Para::text));
        assert_eq!(front_matter(front).title.as_deref(), Some("关于2022年度部门整体支出绩效评价的报告"));
    }

    #[test]
    fn numbers_of_documents_are_facts() {
        assert_eq!(fact("长审公告字〔2023〕5号"), Some(("number".into(), "长审公告字〔2023〕5号".into())));
        assert_eq!(fact("AUDIT REPORT NO. 4-621-06-010-P"), Some(("number".into(), "4-621-06-010-P".into())));
        assert_eq!(fact("关于2023年度审计工作的报告"), None);
    }
}
