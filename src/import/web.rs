//! What a web page leaves around a report copied from a government site: the address, the
//! site's navigation (`首页 > 政务公开 > …`), the article's facts (`来源：…`, `发布时间：…`,
//! `浏览量：1`, `字体：大 中 小`), its buttons (`【打印】【关闭】`) and the page's foot (`上一篇`,
//! `主办：…`, `湘ICP备…`). They are dropped where a page puts them — before the report starts
//! and after it ends — and listed in the summary, never taken as the title or `meta`.

use super::docsite;
use super::numbering::narrow;
use super::para::{Kind, Noise, Para};

/// How far from either end of the text a leftover is looked for (in paragraphs).
const REACH: usize = 30;

/// The paragraphs without the web page's leftovers, which go to `noise.web` (and `dropped`).
pub fn drop_leftovers(paras: Vec<Para>, noise: &mut Noise) -> Vec<Para> {
    let n = paras.len();
    // Only lines near an end are dropped, and only their neighbours are asked about: the
    // middle of a long text is never looked at.
    let looked_at = |i: usize| i <= REACH + 1 || i + REACH + 1 >= n;
    let strong: Vec<bool> = paras
        .iter()
        .enumerate()
        .map(|(i, p)| looked_at(i) && p.text.len() <= 900 && is_page_line(p))
        .collect();
    // A document site's frame: everything above its copy of the text but the title it shows.
    let frame = docsite::frame_len(&paras);
    let column = n > 2 && strong[1] && strong[2] && is_column_name(&paras[0].text);
    let mut kept = Vec::with_capacity(n);
    for (i, p) in paras.into_iter().enumerate() {
        let near_an_end = i < REACH || i + REACH >= n;
        let at_the_foot = i + FOOT_REACH >= n;
        // `文号：…` is a page's only beside its other facts (索引号, 发布机构…); `Documents`,
        // `0` beside a site's widgets.
        let beside = (i > 0 && strong[i - 1]) || strong.get(i + 1).copied().unwrap_or(false);
        // A row of empty cells (`| ||`) beside a site's form rows is the form's.
        let empty_row = || p.kind == Kind::Table && !p.text.chars().any(|c| c.is_alphanumeric());
        let weak = || {
            p.text.len() <= 200
                && (has_key(&p.text, WEAK_KEYS) || docsite::is_weak_widget(&p.text) || empty_row())
        };
        let leftover = || strong[i] || (at_the_foot && is_foot(&p.text)) || (beside && weak());
        let framed = i < frame && !docsite::keeps_in_frame(&p.text);
        if (near_an_end && matches!(p.kind, Kind::Text | Kind::Table) && leftover())
            || framed
            || (i == 0 && column)
        {
            noise.web.push(p.text.clone());
            noise.dropped.push(p.text);
        } else {
            kept.push(p);
        }
    }
    kept
}

/// Whether a paragraph is a page's: a text line, or a table row whose cells say it
/// (`浏览量：1 | | | |`).
fn is_page_line(p: &Para) -> bool {
    match p.kind {
        Kind::Text => is_leftover(&p.text) || docsite::is_widget(&p.text) || docsite::is_farm(&p.text),
        Kind::Table => {
            let cells: Vec<&str> = p.text.split('|').map(str::trim).filter(|c| !c.is_empty()).collect();
            !cells.is_empty() && is_leftover(&cells.join(" "))
        }
        _ => false,
    }
}

/// A site's column name over its facts block (`财政预决算`, then `- 索引号:` …): short, one
/// phrase, naming no document (a subject word such as 绩效 may be in it; 报告 may not).
fn is_column_name(text: &str) -> bool {
    let t = text.trim();
    (2..=12).contains(&t.chars().count())
        && t.chars().all(|c| c.is_alphanumeric() || c == ' ')
        && super::cover::title_rank(t) < 2
}

/// Keys a page puts before a colon: the article's facts and the site's foot.
const KEYS: &[&str] = &[
    "来源",
    "信息来源",
    "文章来源",
    "稿件来源",
    "发布时间",
    "发布日期",
    "发布机构",
    "发布者",
    "浏览量",
    "浏览次数",
    "阅读量",
    "阅读次数",
    "访问量",
    "点击",
    "点击数",
    "点击量",
    "点击率",
    "字体",
    "字号",
    "责任编辑",
    "索引号",
    "分享到",
    "分享",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "网站标识码",
    "时效性",
    "归档时间",
    "归档日期",
    "生成日期",
    "主题分类",
    "公开方式",
    "公开范围",
    "公开时限",
    "信息类别",
    "当前位置",
    "当前页面",
    "您当前的位置",
    "公开时间",
    "公开日期",
    "编辑",
    "您现在的位置",
    "您的位置",
    "所在位置",
    "current location",
    "you are here",
];

/// Keys a page's facts share with a document's cover: a page's only beside other page facts.
const WEAK_KEYS: &[&str] = &["文号", "发文字号", "成文日期", "发文机关", "标题", "名称"];

/// Whether the line is `KEY：…` (or `- KEY: …`) with one of `keys`.
fn has_key(text: &str, keys: &[&str]) -> bool {
    key_of(text).is_some_and(|key| keys.iter().any(|k| key == k.replace(' ', "")))
}

/// The key of a `KEY：value` line, narrowed, in lower case and without spaces, a leading
/// bullet or a bracket (`- 索引号: …`, `【字体：大 中 小】` → `索引号`, `字体`).
fn key_of(text: &str) -> Option<String> {
    let t: String = text.trim().chars().map(narrow).collect::<String>().to_lowercase();
    let t = t.trim_start_matches(['-', '*', '•', '·', ' ']);
    let (key, _) = t.split_once(':')?;
    Some(key.chars().filter(|c| !c.is_whitespace() && !matches!(c, '【' | '[')).collect())
}

/// Keys only a page's foot has (a report's cover may name its 承办单位).
const FOOT_KEYS: &[&str] = &[
    "主办",
    "承办",
    "协办",
    "主办单位",
    "承办单位",
    "技术支持",
    "网站主办",
    "联系电话",
    "topic",
    "topics",
    "tags",
];

/// How near the end of the text a page's foot is looked for (in paragraphs).
const FOOT_REACH: usize = 8;

/// Lines a page shows as they are (buttons, notices).
const WHOLE: &[&str] = &[
    "打印",
    "关闭",
    "打印本页",
    "关闭窗口",
    "关闭本页",
    "收藏",
    "返回顶部",
    "返回首页",
    "扫一扫在手机打开当前页",
    "扫一扫在手机上查看当前页面",
    "用手机扫描二维码",
    "详细信息",
    "公开具体内容",
    "正文",
    "相关链接",
    "相关阅读",
    "相关文章",
    "网站地图",
    "联系我们",
    "大中小",
    "扫一扫",
    "手机版",
    "打开手机版",
    "关注政务微博",
    "关注政务微信",
    "政务微博",
    "政务微信",
    "分享至",
    "无障碍",
    "长者模式",
    "print",
    "close",
    "share",
    "share this page",
    "back to top",
    "skip to main content",
];

/// Whether a line is a web page's, not the report's.
pub fn is_leftover(text: &str) -> bool {
    if text.len() > 900 {
        return false;
    }
    let t: String = text.trim().chars().map(narrow).collect();
    let lower = t.to_lowercase();
    let bare: String = lower
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '【' | '】' | '[' | ']' | '|' | '/' | '·' | '•'))
        .collect();
    if bare.is_empty() {
        return false;
    }
    if is_url(&lower) || is_breadcrumb(&lower) || is_site_foot(&lower) || counts_visits(&lower) {
        return true;
    }
    if WHOLE.iter().any(|w| bare == w.replace(' ', ""))
        || buttons(&t)
        || is_pager(&bare)
        || is_alt_text(&lower)
    {
        return true;
    }
    // `来源：邵东市… 发布时间：…`, `浏览量：1`, `字体：[大 中 小]`, `点击：次`, `- 索引号: …`
    has_key(text, KEYS)
}

/// A line that counts a page's visits or stamps its publication anywhere in it (`时间:2022-05-25
/// 10:45:04 浏览量:`, `【发布时间：…】【阅读：…】`): words a report never puts before a colon, or
/// a date with the time of day.
fn counts_visits(lower: &str) -> bool {
    const WORDS: [&str; 12] = [
        "浏览量",
        "浏览次数",
        "访问量",
        "访问次数",
        "阅读量",
        "阅读次数",
        "点击数",
        "点击量",
        "点击率",
        "发布时间",
        "发布日期",
        "阅读:",
    ];
    let short = lower.chars().count() <= 100;
    let keyed = WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let after = lower[i + w.len()..].trim_start();
            w.ends_with(':') || after.is_empty() || after.starts_with([':', '】', ']'])
        })
    });
    short && (keyed || has_clock_stamp(lower))
}

/// `时间:2021-09-03 11:20:04`, `发布于：2022/5/25 10:45`: a key, then a date and a time of day.
fn has_clock_stamp(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    let digits =
        |from: usize, n: usize| (from..from + n).all(|k| chars.get(k).is_some_and(char::is_ascii_digit));
    let stamp_at = |mut k: usize| {
        while chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        if !digits(k, 4) || !matches!(chars.get(k + 4), Some('-' | '/' | '.')) {
            return false;
        }
        // The rest of the date, then white space, then hh:mm.
        k += 5;
        while chars.get(k).is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.')) {
            k += 1;
        }
        let spaced = chars.get(k).is_some_and(|c| c.is_whitespace());
        while chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        let h = if digits(k, 2) { 2 } else { usize::from(digits(k, 1)) };
        spaced && h > 0 && chars.get(k + h) == Some(&':') && digits(k + h + 1, 2)
    };
    (0..chars.len()).any(|i| chars[i] == ':' && stamp_at(i + 1))
}

/// A pager or a stray mark: `<<`, `>>`, `«`, nothing a reader reads.
fn is_pager(bare: &str) -> bool {
    bare.chars().count() <= 3 && bare.chars().all(|c| matches!(c, '<' | '>' | '«' | '»' | '‹' | '›'))
}

/// An image's alternative text, as a page's text copy keeps it: `A picture of the … logo`.
fn is_alt_text(lower: &str) -> bool {
    ["a picture of ", "an image of ", "picture of ", "image of ", "photo of ", "a photo of "]
        .iter()
        .any(|p| lower.starts_with(p))
        && lower.chars().count() <= 80
        && !lower.ends_with('.')
}

/// `主办：… 承办：…`: the key of a site's foot.
fn is_foot(text: &str) -> bool {
    has_key(text, FOOT_KEYS)
}

/// A line that is one address: `https://…`, `www.…`.
fn is_url(t: &str) -> bool {
    let t = t.trim();
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}

/// `首页 > 政务公开 > 财政预决算`, `Home » News`, `网易首页 > 网易财经 > 正文`, `Independent
/// Evaluation - Home > Search`: a trail of pages, one of them the site's home.
fn is_breadcrumb(t: &str) -> bool {
    const ARROWS: [char; 6] = ['>', '»', '›', '＞', '→', '/'];
    let arrows = t.matches(['>', '»', '›', '＞', '→']).count();
    arrows >= 1
        && t.chars().count() <= 200
        && t.split(ARROWS).map(str::trim).any(|step| {
            let step = step.trim_start_matches(['-', '·', ':', ' ']);
            ["首页", "主页", "home"].iter().any(|h| step.ends_with(h) || step.starts_with(h))
                && step.chars().count() <= 40
        })
}

/// `湘ICP备05004536号`, `公网安备`, `版权所有`, `Copyright ©`.
fn is_site_foot(t: &str) -> bool {
    t.contains("icp备") || t.contains("公网安备") || t.contains("版权所有") || t.starts_with("copyright")
}

/// A row of bracketed buttons: `【打印】【关闭】`, `[打印本页] [关闭窗口]`.
fn buttons(t: &str) -> bool {
    let inside: Vec<&str> =
        t.split(['【', '】', '[', ']']).map(str::trim).filter(|s| !s.is_empty()).collect();
    t.starts_with(['【', '['])
        && inside.len() >= 2
        && inside.iter().all(|s| {
            let s = s.replace(' ', "");
            let s = s.trim_end_matches([':', '：']);
            WHOLE.contains(&s) || matches!(s, "大" | "中" | "小" | "字体" | "收藏本页")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_are_recognised() {
        for line in [
            "https://www.shaodong.gov.cn/zwgk/content_3021845.html",
            "www.example.gov.cn",
            "首页 > 政务公开 > 财政预决算",
            "当前位置：首页 > 政务公开",
            "来源：邵东市农业农村局  发布时间：2022-05-10 09:30",
            "浏览量：1",
            "字体：[大 中 小]",
            "【字体：大 中 小】",
            "点击：次",
            "【打印】【关闭】",
            "[打印本页] [关闭窗口]",
            "上一篇：邵东市财政局2021年度部门决算公开说明",
            "下一篇：邵东市教育局2021年度部门整体支出绩效评价报告",
            "扫一扫在手机打开当前页",
            "湘ICP备05004536号  网站标识码：4305210001",
            "Home > News > Reports",
            "- 索引号: zsjfzzx/2025-00002",
            "- 发布机构: 红河州数据发展中心",
            "- 时效性: 有效",
            "归档时间:2023-06-15",
            "详细信息",
            "当前页面:首页 >>信息公开>>财政资金",
            "当前位置:文档之家› 工作总结› 绩效自评报告",
            "网易首页 > 网易财经 > 正文",
            "Independent Evaluation - Home > Search",
            "时间:2022-05-25 10:45:04 浏览量:",
            "时间:2021-09-03 11:20:04 来源:本网 访问量: -",
            "【发布时间：2022-03-01】【阅读：105次】",
            "• 扫一扫",
            "打开 · 手机版",
            "【打印】 【字体:",
            "<<",
            "A picture of the National Audit Office logo",
        ] {
            assert!(is_leftover(line), "{line}");
        }
    }

    #[test]
    fn report_lines_are_not_leftovers() {
        for line in [
            "邵东市农业农村局2021年度部门整体支出绩效评价报告",
            "资金来源：财政拨款",
            "一、部门基本情况",
            "来源于上级补助的资金共计120万元。",
            "编制人数：15",
            "2022年4月28日",
            "邵东市农业农村局",
            "See https://example.org for the data.",
            "打印机购置费用超出预算",
            "审核：张三",
            "承办单位：某建设公司",
            "The print run was late.",
            "报告时间：2023年3月15日",
            "The home office > the field office in costs.",
            "会议于2023-03-15 09:30在局机关召开。",
        ] {
            assert!(!is_leftover(line), "{line}");
        }
    }

    #[test]
    fn only_near_the_ends_of_the_text() {
        let mut paras: Vec<Para> = (0..80).map(|i| Para::text(format!("第{i}段正文。"))).collect();
        paras.insert(0, Para::text("浏览量：1"));
        paras.insert(40, Para::text("分享：本段在正文中间"));
        paras.insert(1, Para::text("承办单位：某建设公司"));
        paras.insert(2, Para::text("文号：邵财绩〔2023〕5号"));
        paras.insert(0, Para::text("- 文号:"));
        paras.push(Para::text("上一篇：另一份报告"));
        paras.push(Para::text("主办：邵东市人民政府办公室  承办：邵东市大数据中心"));
        let mut noise = Noise::default();
        let kept = drop_leftovers(paras, &mut noise);
        assert_eq!(
            noise.web,
            [
                "- 文号:",
                "浏览量：1",
                "上一篇：另一份报告",
                "主办：邵东市人民政府办公室  承办：邵东市大数据中心"
            ]
        );
        assert_eq!(kept.len(), 83, "a cover's 承办单位 and 文号 are the report's");
    }
}
