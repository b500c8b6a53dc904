//! The unit being evaluated (被评价单位), for a rubric import: `--unit`, else the unit the cover
//! already named, else the one the title names, else — when the title is the form's generic one
//! (市级部门（单位）整体支出绩效自评报告, 2019年部门整体支出绩效评价报告) or names no one — the one
//! the text's first passages name (邵东市行政审批服务局 opens the seed report's 一、基本概况). It goes in
//! `meta.unit`; a generic title then names it in its place (邵东市行政审批服务局整体支出绩效自评报告),
//! so the screen's title says whose report it is.
//!
//! A unit's name is a run of characters that starts with a place (…省, …市, …县, …区, …州, …镇…)
//! within its first characters and ends in what units are called (局, 委员会, 中心, 院, 办公室…):
//! 邵东市行政审批服务局 in 邵东市行政审批服务局机关行政编制10名, 许昌市河湖水系水源调度中心.

use crate::report::file::SectionFile;

/// What units' names end in, longest first (a name ends at the last one found).
const UNIT_ENDINGS: &[&str] = &[
    "街道办事处",
    "委员会",
    "管委会",
    "办公室",
    "联合会",
    "事务所",
    "中心",
    "政府",
    "医院",
    "学校",
    "学院",
    "大学",
    "党校",
    "协会",
    "法院",
    "局",
    "委",
    "办",
    "院",
    "所",
    "站",
    "队",
    "厅",
    "处",
    "馆",
    "部",
    "会",
];

/// Characters after an ending that make it another word (部门, 局长, 局属, 中心城区).
const NOT_AFTER: &[char] = &['门', '长', '属', '级', '城'];

/// What a place's name ends in; a unit's name has one within its first characters.
const PLACES: &[char] = &['省', '市', '县', '区', '州', '旗', '盟', '镇', '乡', '村'];
/// How far into a name its place may end (湖南省 3, 益阳市赫山区 6, 新巴尔虎左旗 6).
const PLACE_WITHIN: usize = 8;
/// Characters no place's name starts with: a sentence's words (按照县委…, 全市…, 我局…).
const NOT_FIRST: &[char] = &[
    '按', '根', '全', '本', '我', '各', '在', '对', '为', '由', '经', '该', '其', '以', '从', '向', '于',
    '据', '将', '把', '被', '和', '与', '及', '等', '是', '有', '原', '现', '新', '年', '上', '下', '同',
    '共',
];
/// Words no unit's name holds: a site's greeting, a document's title.
const NEVER_IN: &[&str] = &["网站", "欢迎", "来到", "关于", "通知"];
/// A name is at least this long and at most this long, in characters.
const MIN_NAME: usize = 4;
const MAX_NAME: usize = 30;

/// Words of a generic title: the form's kind of report and who fills it in, with no name.
const GENERIC_WORDS: &[&str] = &[
    "部门整体支出",
    "整体支出",
    "项目支出",
    "部门（单位）",
    "部门(单位)",
    "单位整体",
    "部门",
    "单位",
    "本级",
    "机关",
    "市级",
    "县级",
    "区级",
    "省级",
    "州级",
    "乡镇",
    "年度",
    "绩效自评报告",
    "绩效评价报告",
    "绩效自评总结报告",
    "绩效自评",
    "绩效评价",
    "自评报告",
    "评价报告",
    "报告",
    "及",
    "和",
    "的",
];

/// The unit: `flag` (`--unit`), else the cover's `meta.unit` when it names one, else the
/// title's, else, when the title is generic, the first the text's opening passages name.
pub fn find(
    flag: Option<&str>,
    title: Option<&str>,
    meta: &[(String, String)],
    text: &[SectionFile],
) -> Option<String> {
    if let Some(unit) = flag.map(str::trim).filter(|u| !u.is_empty()) {
        return Some(unit.to_string());
    }
    let cover = meta.iter().find(|(k, _)| k == "unit").map(|(_, v)| v.trim());
    if let Some(unit) = cover.filter(|u| is_unit(u)) {
        return Some(unit.to_string());
    }
    let titled = title.filter(|t| !is_generic(t)).and_then(name_in);
    titled.or_else(|| opening(text).iter().find_map(|p| name_in(p)))
}

/// Whether a title is the form's generic one: once its year and its kind of report
/// (部门整体支出绩效自评报告…) and the words for "a unit" (市级部门（单位）, 本级) are taken out,
/// nothing names anyone.
pub fn is_generic(title: &str) -> bool {
    let mut rest: String = title.chars().filter(|c| !c.is_whitespace() && !c.is_ascii_digit()).collect();
    for w in GENERIC_WORDS {
        rest = rest.replace(w, "");
    }
    rest.chars().all(|c| !crate::lang::is_cjk(c) || "年（）()、".contains(c))
}

/// A generic title with the unit in place of its words for "a unit": 市级部门（单位）整体支出绩效
/// 自评报告 → 邵东市行政审批服务局整体支出绩效自评报告.
pub fn titled(unit: &str, title: &str) -> String {
    let mut rest = title.trim();
    loop {
        let before = rest;
        for w in ["市级", "县级", "区级", "省级", "州级", "部门（单位）", "部门(单位)", "本级", "单位"]
        {
            rest = rest.strip_prefix(w).unwrap_or(rest).trim_start();
        }
        if rest == before {
            break;
        }
    }
    if rest.starts_with("部门整体") {
        rest = rest.strip_prefix("部门").unwrap_or(rest);
    }
    format!("{unit}{rest}")
}

/// The first passages of the text, as a reader meets them: the preface and the first sections'
/// bodies and first items, at most a few.
fn opening(sections: &[SectionFile]) -> Vec<String> {
    const PASSAGES: usize = 4;
    let mut out = Vec::new();
    fn walk(sections: &[SectionFile], out: &mut Vec<String>) {
        for s in sections {
            if out.len() >= PASSAGES {
                return;
            }
            if let Some(body) = s.body.as_deref().filter(|b| !b.trim().is_empty()) {
                out.push(body.to_string());
            }
            for item in s.items.iter().take(1) {
                out.push(item.text.clone());
            }
            walk(&s.sections, out);
        }
    }
    walk(sections, &mut out);
    out.truncate(PASSAGES);
    out
}

/// The first unit's name in `text` (module doc) at the start of a run of Chinese characters,
/// or none. A name in a document's title (《张家界市财政局关于…》) is its issuer, not the unit.
pub fn name_in(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    while start < chars.len() {
        if !crate::lang::is_cjk(chars[start]) {
            start += 1;
            continue;
        }
        let end = (start..chars.len()).find(|&i| !crate::lang::is_cjk(chars[i])).unwrap_or(chars.len());
        let quoted = start > 0 && matches!(chars[start - 1], '《' | '〈' | '“');
        if let Some(name) = name_from(&chars[start..end]).filter(|_| !quoted) {
            return Some(name);
        }
        start = end;
    }
    None
}

/// Whether a name the cover gave is a unit's: it ends as units' names do and is not the form's
/// words for "a unit" (部门(单位)评价组 is the evaluating group, not the unit).
fn is_unit(name: &str) -> bool {
    let name = name.trim();
    name.chars().count() >= 3
        && UNIT_ENDINGS.iter().any(|e| name.ends_with(e))
        && !name.contains("（单位）")
        && !name.contains("(单位)")
        && !is_generic(name)
}

/// The longest name starting at `run[0]`: a place within its first characters, an ending of a
/// unit's name not followed by what makes it another word.
fn name_from(run: &[char]) -> Option<String> {
    let place = run.iter().take(PLACE_WITHIN).position(|c| PLACES.contains(c))?;
    // A place that is the whole start of a word (市级, 县城) is no place, nor one after a
    // sentence's words.
    if place == 0 || NOT_FIRST.contains(&run[0]) {
        return None;
    }
    let mut best = None;
    for end in (place + 2)..=run.len().min(MAX_NAME) {
        let name: String = run[..end].iter().collect();
        let next = run.get(end);
        if UNIT_ENDINGS.iter().any(|e| name.ends_with(e)) && !next.is_some_and(|c| NOT_AFTER.contains(c)) {
            best = Some(name);
        }
    }
    best.filter(|n| n.chars().count() >= MIN_NAME && !NEVER_IN.iter().any(|w| n.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_titles_name_no_one() {
        assert!(is_generic("市级部门（单位）整体支出绩效自评报告"));
        assert!(is_generic("2019年部门整体支出绩效评价报告"));
        assert!(is_generic("部门整体支出及项目支出绩效评价报告"));
        assert!(!is_generic("南县财政局2020年度 机关整体支出绩效评价报告"));
        assert!(!is_generic("湖南省人民检察院2017年度部门整体支出绩效评价报告"));
    }

    #[test]
    fn names_start_with_a_place_and_end_as_units_do() {
        assert_eq!(
            name_in("邵东市行政审批服务局机关行政编制10名。").as_deref(),
            Some("邵东市行政审批服务局")
        );
        assert_eq!(
            name_in("许昌市河湖水系水源调度中心 2022 年整体和项目支出").as_deref(),
            Some("许昌市河湖水系水源调度中心")
        );
        assert_eq!(name_in("南县住房和城乡建设局正科级行政单位").as_deref(), Some("南县住房和城乡建设局"));
        assert_eq!(name_in("湖南省人民检察院入编2017年部门预算").as_deref(), Some("湖南省人民检察院"));
        assert_eq!(name_in("南县财政局2020年度 机关整体支出").as_deref(), Some("南县财政局"));
        // Not a unit: a place alone, a department's word, a level.
        assert_eq!(name_in("全市数字化城市管理"), None);
        assert_eq!(name_in("市级部门（单位）整体支出绩效自评报告"), None);
        assert_eq!(name_in("按照县委部门要求"), None);
        assert_eq!(name_in("根据《张家界市财政局关于开展2016年度绩效自评的通知》"), None);
        assert_eq!(name_in("欢迎来到南县政协网站!"), None);
    }

    #[test]
    fn the_flag_then_the_cover_then_the_title_then_the_text() {
        let body = |t: &str| SectionFile {
            id: "s1".into(),
            title: "一、基本概况".into(),
            body: Some(t.into()),
            ..SectionFile::default()
        };
        let text = [body("邵东市行政审批服务局机关行政编制10名。")];
        let generic = Some("市级部门（单位）整体支出绩效自评报告");
        assert_eq!(find(None, generic, &[], &text).as_deref(), Some("邵东市行政审批服务局"));
        assert_eq!(find(Some(" 某局 "), generic, &[], &text).as_deref(), Some("某局"));
        let cover = [("unit".to_string(), "益阳市赫山区城市管理和综合执法局".to_string())];
        assert_eq!(find(None, generic, &cover, &text).as_deref(), Some("益阳市赫山区城市管理和综合执法局"));
        // A cover's "unit" that names no unit (评价机构: 部门(单位)评价组) is passed over.
        let form = [("unit".to_string(), "部门(单位)评价组".to_string())];
        assert_eq!(find(None, generic, &form, &text).as_deref(), Some("邵东市行政审批服务局"));
        assert_eq!(
            find(None, Some("南县财政局2020年度 机关整体支出绩效评价报告"), &[], &text).as_deref(),
            Some("南县财政局")
        );
        assert_eq!(find(None, generic, &[], &[body("我局全年完成各项工作。")]), None);
    }

    #[test]
    fn a_generic_title_takes_the_unit_in_place_of_its_words_for_a_unit() {
        assert_eq!(
            titled("邵东市行政审批服务局", "市级部门（单位）整体支出绩效自评报告"),
            "邵东市行政审批服务局整体支出绩效自评报告"
        );
        assert_eq!(
            titled("益阳市赫山区城市管理和综合执法局", "2019年部门整体支出绩效评价报告"),
            "益阳市赫山区城市管理和综合执法局2019年部门整体支出绩效评价报告"
        );
    }
}
