//! The frame a document-sharing site (the kind that shows an uploaded PDF as text: a page
//! title, counts, upload, download and share widgets, then `TRANSCRIPT`, `Transcript of …`,
//! `Page 1: …` or `Full text` before its copy) or a content farm (a blurb `…小编收集整理的…`,
//! `《….docx》由会员分享…`) puts around a document. [`super::web`] drops what is found here with
//! the rest of a page's leftovers.

use super::numbering::narrow;
use super::para::Para;

/// How far down a site's frame may reach (in paragraphs).
const FRAME_REACH: usize = 40;

/// Lines a document site shows as they are (lower case, without white space).
const WIDGETS: &[&str] = &[
    "transcript",
    "transcription",
    "fulltext",
    "citationpreview",
    "copied!",
    "noresultsfound",
    "clickheretoloadreader",
    "startdisplayatpage:",
    "size:px",
    "embedsize(px)",
    "reportthislink",
    "showmore",
    "savedsuccessfully!",
    "youarehere",
    "loading....(viewfulltextnow)",
];

/// Words a site's widgets show that a report could say too: a site's only beside its other
/// widgets, or inside its frame.
const WEAK_WIDGETS: &[&str] =
    &["documents", "category:", "download", "upload", "others", "en", "protected", "n/a", "share", "embed"];

/// Whether a line is one of a site's weak widgets (see [`WEAK_WIDGETS`]).
pub fn is_weak_widget(text: &str) -> bool {
    text.len() <= 40 && {
        let t: String = text.trim().chars().map(narrow).collect::<String>().to_lowercase();
        let bare: String =
            t.trim_start_matches(['•', '·', '*', '-', ' ']).chars().filter(|c| !c.is_whitespace()).collect();
        WEAK_WIDGETS.contains(&bare.as_str()) || lone_count(&bare)
    }
}

/// Lines that open a document site's copy of the text: what stands above them is the site's.
fn opens_copy(lower: &str) -> bool {
    let bare: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        bare.as_str(),
        "transcript" | "transcription" | "fulltext" | "citationpreview" | "loading....(viewfulltextnow)"
    ) || lower.starts_with("transcript of ")
        || page_one(lower)
}

/// `Page 1: <the site's title>`.
fn page_one(lower: &str) -> bool {
    lower.strip_prefix("page 1:").is_some_and(|rest| !rest.trim().is_empty())
}

/// Whether a line is a document site's widget: `Upload: …`, `0 views`, `3 downloads`, `Post on
/// 19-Jan-2020`, `Share "…"`, `Download "…"`, `Academic year: 2021`, `Copied!`, `Size: px`….
pub fn is_widget(text: &str) -> bool {
    if text.len() > 600 {
        return false;
    }
    let t: String = text.trim().chars().map(narrow).collect::<String>().to_lowercase();
    let t = t.trim_start_matches(['•', '·', '*', '-', ' ']).trim();
    let bare: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if WIDGETS.contains(&bare.as_str()) {
        return true;
    }
    let counted = |word: &str| {
        t.split_once(' ').is_some_and(|(n, rest)| {
            n.chars().all(|c| c.is_ascii_digit() || c == ',') && rest.trim_end_matches('s') == word
        })
    };
    if counted("view") || counted("download") || counted("page") || counted("like") {
        return true;
    }
    let quoted =
        |prefix: &str| t.strip_prefix(prefix).is_some_and(|r| r.trim_start().starts_with(['"', '“']));
    quoted("share")
        || quoted("download")
        || t.starts_with("upload:")
        || t.starts_with("post on ")
        || t.starts_with("academic year:")
        || t.starts_with("transcript of ")
        || page_one(t)
}

/// Whether a line is a content farm's: its blurb about the samples it collected (`…小编收集整理的
/// …，希望能够帮助到大家。`) or the notice that a member shared the file (`《….docx》由会员分享，可在线
/// 阅读…`).
pub fn is_farm(text: &str) -> bool {
    if text.len() > 900 {
        return false;
    }
    let blurb =
        text.contains("小编") && ["收集", "整理", "为大家", "带来", "分享"].iter().any(|w| text.contains(w));
    let wishes =
        ["希望能够帮助到大家", "希望对大家有所帮助", "希望对您有所帮助", "欢迎大家分享", "欢迎阅读与收藏"]
            .iter()
            .any(|w| text.contains(w));
    let shared = text.contains("由会员分享") || (text.contains("可在线阅读") && text.contains("搜索"));
    blurb || wishes || shared
}

/// How many paragraphs at the start are a document site's frame: up to the line that opens its
/// copy of the text, when there is one among the first paragraphs and the frame shows the site
/// (a strong opener — `TRANSCRIPT`, `Transcript of …`, `Page 1: …` — or two widgets more).
pub fn frame_len(paras: &[Para]) -> usize {
    let lower = |p: &Para| p.text.trim().chars().map(narrow).collect::<String>().to_lowercase();
    let Some(last) =
        paras.iter().take(FRAME_REACH).rposition(|p| p.text.len() <= 600 && opens_copy(&lower(p)))
    else {
        return 0;
    };
    let opener = lower(&paras[last]);
    let strong = opener.trim() == "transcript" || opener.starts_with("transcript of ") || page_one(&opener);
    let widgets = paras[..last].iter().filter(|p| is_widget(&p.text) || is_weak_widget(&p.text)).count();
    if strong || widgets >= 2 { last + 1 } else { 0 }
}

/// A number alone: a site's page or view count (`24`, `0`).
fn lone_count(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.len() <= 6 && t.chars().all(|c| c.is_ascii_digit())
}

/// Whether a line of a site's frame is the document's title shown by the site (kept for the
/// cover): not cut short (`…`, `...`), not a row of labelled cells (two colons or more), not a
/// widget, not a count.
pub fn keeps_in_frame(text: &str) -> bool {
    let t = text.trim();
    let cut = t.ends_with("...") || t.ends_with('…');
    let cells = t.matches([':', '：']).count() >= 2;
    !cut && !cells
        && !is_widget(t)
        && !lone_count(t)
        && t.chars().count() <= 200
        && super::cover::reads_like_title(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widgets_and_farms() {
        for line in [
            "Upload: others",
            "0 views",
            "217 views",
            "0 download",
            "Post on 19-Jan-2020",
            "Share \"Guidelines for Preparing Reports\"",
            "Copied!",
            "Size: px",
            "Start display at page:",
            "Academic year: 2021",
            "Page 1: Independent Office of Audits",
            "TRANSCRIPT",
        ] {
            assert!(is_widget(line), "{line}");
        }
        for line in ["Uploaded data show a rise.", "The review covers 12 pages of annexes.", "Share of costs"]
        {
            assert!(!is_widget(line), "{line}");
        }
        // Words a report may say too count only beside the site's other widgets.
        for line in ["• Upload", "Documents", "Category:", "0"] {
            assert!(is_weak_widget(line) && !is_widget(line), "{line}");
        }
        assert!(is_farm("那么你真正懂得怎么写好报告吗？下面是小编收集整理的项目审计报告，欢迎大家分享。"));
        assert!(is_farm("《2022年度报告.docx》由会员分享，可在线阅读，更多相关《…》请在第一文库网上搜索。"));
        assert!(!is_farm("我局编制了年度报告，并在网站上分享。"));
    }

    #[test]
    fn a_frame_ends_where_the_copy_opens() {
        let paras: Vec<Para> = [
            "Some Report Title...",
            "24",
            "Transcript of Some Report Title...",
            "Page 1: Some",
            "Dear Sir:",
            "Text.",
        ]
        .into_iter()
        .map(Para::text)
        .collect();
        assert_eq!(frame_len(&paras), 4);
        let plain: Vec<Para> =
            ["Annual Report", "Full text", "1. Findings", "Text."].into_iter().map(Para::text).collect();
        assert_eq!(frame_len(&plain), 0, "`Full text` alone, with no widget above it, is no site's frame");
    }
}
