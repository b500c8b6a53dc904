//! What a sheet says around its table ([`Framing`]): the heading, the unit evaluated
//! (`meta.unit`), who scored and when, the progress, the signature lines and the page footer —
//! for one evaluator, for a panel and for an evaluation's 汇总表, in the sheet's language. Also
//! the dates it shows: the last change in the scores and the day of the export, as local dates
//! (UTC and fixed by `SOURCE_DATE_EPOCH` when that is set, so golden files do not change with
//! the day).

use super::agreement::{Agreement, Reading};
use super::table::Framing;
use super::{Lang, Method};
use crate::scores::{Scores, fmt_num, share};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The two dates a sheet shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dates {
    /// The last change in the scores (the latest `updated_at`), when known.
    pub changed: Option<Date>,
    pub exported: Date,
}

impl Dates {
    /// The dates of a sheet of `scores` (several for a panel) exported now.
    pub fn of<'a>(scores: impl IntoIterator<Item = &'a Scores>) -> Dates {
        let fixed = fixed_now();
        let zone = if fixed.is_some() { TimeZone::UTC } else { TimeZone::system() };
        let changed = scores
            .into_iter()
            .flat_map(|s| s.entries.iter())
            .filter_map(|e| e.updated_at.as_deref()?.parse::<Timestamp>().ok())
            .max()
            .map(|t| t.to_zoned(zone.clone()).date());
        let exported = fixed.unwrap_or_else(Timestamp::now).to_zoned(zone).date();
        Dates { changed, exported }
    }

    /// `2023-03-02（导出于 2026-11-26）`, or the export date alone when nothing was changed.
    pub fn text(&self, lang: Lang) -> String {
        match self.changed {
            Some(d) => match lang {
                Lang::Zh => format!("{d}（导出于 {}）", self.exported),
                Lang::En => format!("{d} (exported {})", self.exported),
            },
            None => match lang {
                Lang::Zh => format!("导出于 {}", self.exported),
                Lang::En => format!("exported {}", self.exported),
            },
        }
    }
}

/// `SOURCE_DATE_EPOCH`, when it is set to a number of seconds.
fn fixed_now() -> Option<Timestamp> {
    let secs = std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse::<i64>().ok()?;
    Timestamp::from_second(secs).ok()
}

/// The long line to sign on, the same length in every sheet.
const LINE_ZH: &str = "＿＿＿＿＿＿＿＿";
const LINE_EN: &str = "________________";

/// `评价人（签字）：＿＿＿＿　　日期：＿＿＿＿` for the signer `who`.
fn signature(lang: Lang, who: &str) -> String {
    match lang {
        Lang::Zh => format!("{who}（签字）：{LINE_ZH}　　日期：{LINE_ZH}"),
        Lang::En => format!("{who} (signature): {LINE_EN}    Date: {LINE_EN}"),
    }
}

fn footer(lang: Lang) -> String {
    lang.pick("第 &P 页 共 &N 页", "Page &P of &N").into()
}

fn validation(lang: Lang) -> (String, String) {
    match lang {
        Lang::Zh => ("得分".into(), "请输入 {min} 到 {max} 之间的分数，步长 {step}".into()),
        Lang::En => ("Score".into(), "A score from {min} to {max}, in steps of {step}".into()),
    }
}

/// The unit a report evaluates: its `meta.unit`, when given.
pub fn unit(report: &crate::report::Report) -> Option<&str> {
    report.meta.iter().find(|(k, _)| k == "unit").map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
}

/// `被评价单位` / `Unit evaluated`: the first fact of a sheet whose report names its unit.
pub fn unit_label(lang: Lang) -> &'static str {
    lang.pick("被评价单位", "Unit evaluated")
}

/// The facts above a sheet's table: the unit first, when the report names it.
fn facts(lang: Lang, unit: Option<&str>, rest: Vec<(String, String)>) -> Vec<(String, String)> {
    unit.map(|u| (unit_label(lang).to_string(), u.to_string())).into_iter().chain(rest).collect()
}

fn heading(lang: Lang, title: &str, what_zh: &str, what_en: &str) -> String {
    match lang {
        Lang::Zh => format!("{title} {what_zh}"),
        Lang::En => format!("{title} — {what_en}"),
    }
}

/// One evaluator's sheet: 被评价单位 (when the report names it), 评价人 (blank to fill in when the
/// scores name nobody), 评价日期, 进度; one signature line.
pub fn sheet(
    lang: Lang,
    title: &str,
    unit: Option<&str>,
    evaluator: Option<&str>,
    dates: &Dates,
    scored: usize,
    items: usize,
) -> Framing {
    Framing {
        heading: heading(lang, title, "评分表", "scoring sheet"),
        facts: facts(
            lang,
            unit,
            vec![
                (lang.pick("评价人", "Evaluator").into(), evaluator.unwrap_or_default().to_string()),
                (lang.pick("评价日期", "Date").into(), dates.text(lang)),
            ],
        ),
        progress: Some((lang.pick("进度", "Progress").into(), lang.progress(scored, items))),
        notes: Vec::new(),
        signatures: vec![signature(lang, lang.pick("评价人", "Evaluator"))],
        footer: footer(lang),
        validation: validation(lang),
    }
}

/// A panel's sheet: the unit (when the report names it), the members, the dates, what its
/// 评价得分 is (said once: the method, or the agreed score and the method where there is none)
/// and its agreement (Krippendorff's alpha) as facts, so every format carries them; the legend of
/// its marks and each member's deviation below; a signature line per member and one for the
/// panel's chair.
pub fn panel(
    lang: Lang,
    title: &str,
    unit: Option<&str>,
    members: &[&str],
    dates: &Dates,
    how: &PanelHow,
    a: &Agreement,
) -> Framing {
    let mut signatures: Vec<String> = members.iter().map(|m| signature(lang, m)).collect();
    signatures.push(signature(lang, lang.pick("专家组组长", "Panel chair")));
    Framing {
        heading: heading(lang, title, "评价人员评分汇总表", "panel summary"),
        facts: facts(
            lang,
            unit,
            vec![
                (lang.pick("评价人员", "Evaluators").into(), members.join(lang.pick("、", ", "))),
                (lang.pick("评价日期", "Date").into(), dates.text(lang)),
                (lang.pick("评价得分", "Panel score").into(), panel_score(lang, how.method, how.agreed)),
                (lang.pick("评分一致性", "Agreement").into(), alpha(lang, a)),
            ],
        ),
        progress: None,
        notes: vec![marks(lang, how.disagree_percent), deviations(lang, members, a)],
        signatures,
        footer: footer(lang),
        validation: validation(lang),
    }
}

/// An evaluation's 汇总表: the evaluation's title, the panel (everyone who scored a report of
/// it), the dates, what 评价得分 is (as on a panel's sheet), how many reports; how the table is
/// ranked and what 得分率 is; a signature line per member and one for the panel's chair.
pub fn evaluation(
    lang: Lang,
    title: &str,
    members: &[&str],
    dates: &Dates,
    how: &PanelHow,
    reports: (usize, usize, usize),
) -> Framing {
    let (all, scored, failed) = reports;
    let count = match lang {
        Lang::Zh if failed > 0 => {
            format!("共 {all} 份，已评分 {scored} 份，未能读入 {failed} 份（列在表末）")
        }
        Lang::Zh => format!("共 {all} 份，已评分 {scored} 份"),
        Lang::En if failed > 0 => {
            format!("{all} in all, {scored} scored, {failed} that could not be read (listed last)")
        }
        Lang::En => format!("{all} in all, {scored} scored"),
    };
    let mut signatures: Vec<String> = members.iter().map(|m| signature(lang, m)).collect();
    signatures.push(signature(lang, lang.pick("专家组组长", "Panel chair")));
    Framing {
        heading: heading(lang, title, "汇总表", "summary"),
        facts: vec![
            (lang.pick("评价人员", "Evaluators").into(), members.join(lang.pick("、", ", "))),
            (lang.pick("评价日期", "Date").into(), dates.text(lang)),
            (lang.pick("评价得分", "Panel score").into(), panel_score(lang, how.method, how.agreed)),
            (lang.pick("报告", "Reports").into(), count),
        ],
        progress: None,
        notes: vec![
            lang.pick(
                "按评价得分排名，得分相同的名次相同；得分率为评价得分占满分的百分比；尚无评分的报告列在其后",
                "Ranked by the panel score, equal scores sharing a rank; percent is the panel score over full marks; reports not scored yet come after",
            )
            .into(),
        ],
        signatures,
        footer: footer(lang),
        validation: validation(lang),
    }
}

/// How a panel's 评价得分 is made.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PanelHow {
    pub method: Method,
    /// The chair has agreed scores (`appraise panel`): they are the 评价得分 where set.
    pub agreed: bool,
    /// An item is marked ⚠ when its scores differ by more than this percent of its max.
    pub disagree_percent: f64,
}

/// What the 评价得分 is, in one statement.
fn panel_score(lang: Lang, method: Method, agreed: bool) -> String {
    let by_method = match (lang, method) {
        (Lang::Zh, Method::Mean) => "各评价人员得分的平均值（未评分的不计入）",
        (Lang::Zh, Method::TrimmedMean) => {
            "去掉一个最高分和一个最低分后的平均值（未评分的不计入；评分不足 3 个的取平均值，以 * 标注）"
        }
        (Lang::En, Method::Mean) => "the mean of the evaluators' scores (a missing score is left out)",
        (Lang::En, Method::TrimmedMean) => {
            "the trimmed mean of the evaluators' scores: the highest and the lowest score dropped (a missing score is left out; an item with fewer than 3 scores takes the plain mean, marked *)"
        }
    };
    match (lang, agreed) {
        (_, false) => by_method.to_string(),
        (Lang::Zh, true) => format!("专家组议定的得分；尚未议定的指标（标 †）为{by_method}"),
        (Lang::En, true) => {
            format!("the score the panel agreed; where it has not agreed yet (marked †), {by_method}")
        }
    }
}

/// What ⚠ marks.
fn marks(lang: Lang, disagree_percent: f64) -> String {
    let pct = fmt_num(disagree_percent);
    match lang {
        Lang::Zh => format!("⚠ 表示最高分与最低分之差超过该指标分值的 {pct}%"),
        Lang::En => {
            format!(
                "⚠ marks items where the highest and lowest scores differ by more than {pct}% of the item's max"
            )
        }
    }
}

/// Krippendorff's alpha with its reading.
fn alpha(lang: Lang, a: &Agreement) -> String {
    let reading = reading(lang, a.reading);
    match (lang, a.alpha) {
        (Lang::Zh, Some(v)) => format!(
            "克里彭多夫（Krippendorff）α 系数 = {v:.3}（{reading}；α ≥ 0.8 可靠，≥ 0.667 可参考，以下不可靠）"
        ),
        (Lang::Zh, None) => {
            format!("克里彭多夫（Krippendorff）α 系数{reading}（没有两个以上评分的指标，或评分全无差异）")
        }
        (Lang::En, Some(v)) => format!(
            "Krippendorff's alpha = {v:.3} ({reading}; alpha ≥ 0.8 reliable, ≥ 0.667 tentative, below unreliable)"
        ),
        (Lang::En, None) => {
            format!("Krippendorff's alpha {reading} (no item with two scores, or no variation at all)")
        }
    }
}

/// Each member's deviation from the others.
fn deviations(lang: Lang, members: &[&str], a: &Agreement) -> String {
    let each: Vec<String> =
        members.iter().zip(&a.deviations).map(|(m, d)| format!("{m} {}", deviation(lang, *d))).collect();
    let each = each.join(lang.pick("、", ", "));
    match lang {
        Lang::Zh => format!("与其他评价人员的平均偏差（占分值的百分比，负为偏严，正为偏宽）：{each}"),
        Lang::En => {
            format!(
                "Deviation from the others (mean, % of the item's max; negative harsher, positive kinder): {each}"
            )
        }
    }
}

/// 可靠 / reliable …
pub fn reading(lang: Lang, r: Reading) -> &'static str {
    match r {
        Reading::Reliable => lang.pick("可靠", "reliable"),
        Reading::Tentative => lang.pick("可参考", "tentative"),
        Reading::Unreliable => lang.pick("不可靠", "unreliable"),
        Reading::NotApplicable => lang.pick("无法计算", "n/a"),
    }
}

/// `+1.5%`, `-3.2%`, `0%`; `n/a` (无) when there is nothing to compare.
fn deviation(lang: Lang, d: Option<f64>) -> String {
    match d {
        None => lang.pick("无", "n/a").to_string(),
        Some(d) => {
            let r = (d * 10.0).round() / 10.0 + 0.0;
            if r > 0.0 { format!("+{}%", fmt_num(r)) } else { format!("{}%", fmt_num(r)) }
        }
    }
}

impl Lang {
    /// "已评 8/9 项（88.9%）" / "8/9 items scored (88.9%)": the share to one decimal.
    pub(crate) fn progress(self, scored: usize, items: usize) -> String {
        let pct = fmt_num(share(scored, items, 1));
        match self {
            Lang::Zh => format!("已评 {scored}/{items} 项（{pct}%）"),
            Lang::En => format!("{scored}/{items} items scored ({pct}%)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_exact_to_one_decimal_rounded_half_up() {
        assert_eq!(Lang::Zh.progress(8, 9), "已评 8/9 项（88.9%）");
        assert_eq!(Lang::En.progress(3, 8), "3/8 items scored (37.5%)");
        assert_eq!(Lang::En.progress(55, 59), "55/59 items scored (93.2%)");
        assert_eq!(Lang::En.progress(0, 0), "0/0 items scored (100%)");
    }

    #[test]
    fn dates_show_the_last_change_and_the_export_day() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let dates = Dates { changed: Some(d("2023-03-02")), exported: d("2026-11-26") };
        assert_eq!(dates.text(Lang::Zh), "2023-03-02（导出于 2026-11-26）");
        assert_eq!(dates.text(Lang::En), "2023-03-02 (exported 2026-11-26)");
        let none = Dates { changed: None, ..dates };
        assert_eq!(none.text(Lang::Zh), "导出于 2026-11-26");
    }

    fn how(method: Method, agreed: bool) -> PanelHow {
        PanelHow { method, agreed, disagree_percent: 20.0 }
    }

    fn none(members: usize) -> Agreement {
        Agreement { alpha: None, reading: Reading::NotApplicable, deviations: vec![None; members] }
    }

    #[test]
    fn a_panel_signs_once_per_member_and_once_for_its_chair() {
        let dates = Dates { changed: None, exported: "2026-11-26".parse().unwrap() };
        let f = panel(Lang::Zh, "T", None, &["张三", "李四"], &dates, &how(Method::Mean, false), &none(2));
        assert_eq!(f.signatures.len(), 3);
        assert!(f.signatures[0].starts_with("张三（签字）："));
        assert!(f.signatures[2].starts_with("专家组组长（签字）："));
        assert_eq!(f.footer, "第 &P 页 共 &N 页");
    }

    /// What 评价得分 is is said once, as a fact, and nowhere else.
    #[test]
    fn the_panel_score_is_stated_once() {
        let dates = Dates { changed: None, exported: "2026-11-26".parse().unwrap() };
        let said = |f: &Framing| {
            let all = f.facts.iter().map(|(k, v)| format!("{k}：{v}")).chain(f.notes.iter().cloned());
            all.filter(|line| line.contains("评价得分") || line.contains("平均值")).collect::<Vec<_>>()
        };
        let f = panel(Lang::Zh, "T", None, &["张三"], &dates, &how(Method::TrimmedMean, false), &none(1));
        assert_eq!(
            said(&f),
            [
                "评价得分：去掉一个最高分和一个最低分后的平均值（未评分的不计入；评分不足 3 个的取平均值，以 * 标注）"
            ]
        );
        let f = panel(Lang::Zh, "T", None, &["张三"], &dates, &how(Method::Mean, true), &none(1));
        assert_eq!(
            said(&f),
            ["评价得分：专家组议定的得分；尚未议定的指标（标 †）为各评价人员得分的平均值（未评分的不计入）"]
        );
        let f = panel(Lang::En, "T", None, &["A"], &dates, &how(Method::TrimmedMean, false), &none(1));
        assert_eq!(f.facts[2].0, "Panel score");
        assert!(f.facts[2].1.starts_with("the trimmed mean"), "{}", f.facts[2].1);
        assert!(f.notes[0].starts_with("⚠ marks items"), "{}", f.notes[0]);
    }

    #[test]
    fn the_unit_comes_first_when_the_report_names_it() {
        let dates = Dates { changed: None, exported: "2026-11-26".parse().unwrap() };
        let f = sheet(Lang::Zh, "T", Some("邵东市行政审批服务局"), Some("张三"), &dates, 1, 2);
        assert_eq!(f.facts[0], ("被评价单位".to_string(), "邵东市行政审批服务局".to_string()));
        assert_eq!(f.facts[1].0, "评价人");
        let f = sheet(Lang::En, "T", None, None, &dates, 1, 2);
        assert_eq!(f.facts[0].0, "Evaluator");
        let f = panel(Lang::En, "T", Some("Office"), &["A"], &dates, &how(Method::Mean, false), &none(1));
        assert_eq!(f.facts[0], ("Unit evaluated".to_string(), "Office".to_string()));
    }

    #[test]
    fn agreement_lines() {
        let a = Agreement {
            alpha: Some(0.84912),
            reading: Reading::Reliable,
            deviations: vec![Some(-3.249), Some(1.55), Some(-0.04), None],
        };
        let names = ["张三", "李四", "王五", "赵六"];
        assert_eq!(
            alpha(Lang::Zh, &a),
            "克里彭多夫（Krippendorff）α 系数 = 0.849（可靠；α ≥ 0.8 可靠，≥ 0.667 可参考，以下不可靠）"
        );
        assert_eq!(
            deviations(Lang::Zh, &names, &a),
            "与其他评价人员的平均偏差（占分值的百分比，负为偏严，正为偏宽）：张三 -3.2%、李四 +1.6%、王五 0%、赵六 无"
        );
        let dates = Dates { changed: None, exported: "2026-11-26".parse().unwrap() };
        let f = panel(Lang::Zh, "T", None, &names, &dates, &how(Method::Mean, false), &a);
        assert_eq!(
            f.facts[3],
            ("评分一致性".to_string(), alpha(Lang::Zh, &a)),
            "the method and alpha are facts"
        );
        assert_eq!(
            alpha(Lang::En, &none(1)),
            "Krippendorff's alpha n/a (no item with two scores, or no variation at all)"
        );
        assert_eq!(deviations(Lang::En, &["A"], &none(1)).rsplit(": ").next(), Some("A n/a"));
    }
}
