//! A panel's summary sheet (评价人员评分汇总表): a column per evaluator, then the mean (the
//! panel's 评价得分), lowest, highest and spread per item, the items where the panel disagrees
//! marked, and every evaluator's notes. A missing score is left out of the mean, never counted
//! as 0; subtotals and totals per evaluator and for the mean. With [`Method::TrimmedMean`]
//! (`merge --trim`) an item's mean drops its highest and lowest score. The panel's agreement
//! (Krippendorff's alpha, each evaluator's deviation from the others) is stated above the table.

use super::agreement::{self, Agreement, Reading};
use super::json::{self, ReportRef};
use super::layout::{Line, layout};
use super::sheet::{Tally, TotalRows, frame, label_row, total_row};
use super::table::{Calc, Cell, ColKind, Column, Num, Row, RowKind, Stat, Table, Value};
use super::{Lang, Method};
use crate::report::Report;
use crate::scores::{Scores, Summary, clean};
use serde_json::Value as Json;
use std::path::Path;

/// One evaluator's scores in the panel.
#[derive(Debug, Clone)]
pub struct PanelMember {
    /// The column header: the file's `evaluator`, else its file name (made unique in the panel).
    pub name: String,
    /// The scores file as given.
    pub file: String,
    pub scores: Scores,
}

#[derive(Debug, Clone)]
pub struct Panel<'a> {
    pub report: &'a Report,
    pub members: Vec<PanelMember>,
    /// Items whose highest and lowest score differ by more than this percentage of the item's
    /// max are marked.
    pub disagree_percent: f64,
    /// How an item's 评价得分 is made of its scores.
    pub method: Method,
    /// The panel's own scores file (`REPORT.panel.scores.json`, set in `appraise panel`): where
    /// it has a score, that is the item's 评价得分; elsewhere the method's value, marked.
    pub agreed: Option<Scores>,
}

/// The panel's view of one item.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemStats {
    pub count: usize,
    pub mean: Option<f64>,
    pub lowest: Option<f64>,
    pub highest: Option<f64>,
    pub spread: Option<f64>,
    pub disagree: bool,
    /// The mean dropped the highest and the lowest score.
    pub trimmed: bool,
}

impl ItemStats {
    /// Over the scores present, the mean made by `method`; `disagree` when at least two differ
    /// by more than `percent`% of `max`.
    pub fn of(scores: &[Option<f64>], max: f64, percent: f64, method: Method) -> ItemStats {
        let present: Vec<f64> = scores.iter().flatten().copied().collect();
        if present.is_empty() {
            return ItemStats {
                count: 0,
                mean: None,
                lowest: None,
                highest: None,
                spread: None,
                disagree: false,
                trimmed: false,
            };
        }
        let lowest = present.iter().copied().fold(f64::INFINITY, f64::min);
        let highest = present.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let spread = clean(highest - lowest);
        let sum: f64 = present.iter().sum();
        let trimmed = method == Method::TrimmedMean && present.len() >= 3;
        let mean = if trimmed {
            (sum - highest - lowest) / (present.len() - 2) as f64
        } else {
            sum / present.len() as f64
        };
        ItemStats {
            count: present.len(),
            mean: Some(mean),
            lowest: Some(lowest),
            highest: Some(highest),
            spread: Some(spread),
            disagree: present.len() >= 2 && spread > threshold(max, percent) + 1e-9,
            trimmed,
        }
    }
}

fn threshold(max: f64, percent: f64) -> f64 {
    clean(max * percent / 100.0)
}

impl Panel<'_> {
    fn stats(&self, item: usize) -> ItemStats {
        let scores: Vec<Option<f64>> = self.members.iter().map(|m| m.scores.entries[item].score).collect();
        ItemStats::of(&scores, self.report.items[item].scale.max, self.disagree_percent, self.method)
    }

    /// Under `--trim`, an item with 1 or 2 scores keeps the plain mean: its row is marked.
    fn untrimmed(&self, st: &ItemStats) -> bool {
        self.method == Method::TrimmedMean && st.count > 0 && !st.trimmed
    }

    /// Alpha, its reading and each member's deviation.
    pub fn agreement(&self) -> Agreement {
        let scores: Vec<Vec<Option<f64>>> = (0..self.report.items.len())
            .map(|i| self.members.iter().map(|m| m.scores.entries[i].score).collect())
            .collect();
        let maxes: Vec<f64> = self.report.items.iter().map(|i| i.scale.max).collect();
        let alpha = agreement::panel_alpha(&scores, &maxes);
        Agreement { alpha, reading: Reading::of(alpha), deviations: agreement::deviations(&scores, &maxes) }
    }

    /// The score the panel agreed for `item`, when it has.
    fn agreed(&self, item: usize) -> Option<f64> {
        self.agreed.as_ref().and_then(|a| a.entries.get(item)).and_then(|e| e.score)
    }

    /// The item's 评价得分: the agreed score, else the method's value.
    fn panel_score(&self, item: usize, st: &ItemStats) -> Option<f64> {
        self.agreed(item).or(st.mean)
    }

    /// The panel's 评价得分 tallied over the items in `range` (items nobody scored left out).
    fn mean_tally(&self, range: std::ops::Range<usize>, with_grades: bool) -> Tally {
        let grades = if with_grades { &self.report.grades[..] } else { &[] };
        Tally::of(
            range.map(|i| (self.panel_score(i, &self.stats(i)), self.report.items[i].scale.max)),
            grades,
        )
    }

    fn notes(&self, item: usize, st: &ItemStats, lang: Lang) -> String {
        let sep = lang.pick("：", ": ");
        let mut lines = Vec::new();
        if let Some(a) = &self.agreed {
            let reason = a.entries.get(item).map_or("", |e| e.note.trim());
            if self.agreed(item).is_some() && !reason.is_empty() {
                lines.push(format!("{}{sep}{reason}", lang.pick("专家组", "Panel")));
            } else if self.agreed(item).is_none() && st.mean.is_some() {
                lines.push(lang.pick("† 未议定：按方法计算", "† not agreed: by the method").to_string());
            }
        }
        if self.untrimmed(st) {
            lines.push(
                lang.pick("* 评分不足 3 个：取平均值", "* fewer than 3 scores: plain mean").to_string(),
            );
        }
        for m in &self.members {
            let e = &m.scores.entries[item];
            let flag = if e.flagged { " ⚑" } else { "" };
            match e.note.trim() {
                "" if e.flagged => lines.push(format!("{}{flag}", m.name)),
                "" => {}
                note => lines.push(format!("{}{flag}{sep}{note}", m.name)),
            }
        }
        lines.join("\n")
    }
}

/// Column headers for evaluators: each file's `evaluator`, else its file name without
/// `.scores.json`; names that occur more than once get their file name, then a number, added.
pub fn member_names(members: &[(Option<String>, &Path)]) -> Vec<String> {
    let stem = |p: &Path| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let s = name.strip_suffix(".scores.json").or_else(|| name.strip_suffix(".json")).unwrap_or(&name);
        s.to_string()
    };
    let base: Vec<String> = members
        .iter()
        .map(|(name, p)| name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| stem(p)))
        .collect();
    let count = |names: &[String], n: &str| names.iter().filter(|x| *x == n).count();
    let with_file: Vec<String> = base
        .iter()
        .zip(members)
        .map(|(n, (_, p))| if *n == stem(p) { n.clone() } else { format!("{n} ({})", stem(p)) })
        .collect();
    (0..base.len())
        .map(|k| {
            let n = &base[k];
            if count(&base, n) == 1 {
                n.clone()
            } else if count(&with_file, &with_file[k]) == 1 {
                with_file[k].clone()
            } else {
                format!("{n} #{}", base[..k].iter().filter(|x| *x == n).count() + 1)
            }
        })
        .collect()
}

/// The panel's sheet as a table, headers and labels in `lang`.
pub fn panel_table(panel: &Panel, lang: Lang) -> Table {
    let report = panel.report;
    let lay = layout(report);
    let l = lay.levels;
    let m = panel.members.len();
    let max_col = l + 1;
    // 自评得分 only when the report has self scores (the sheet stays readable in print).
    let has_own = report.items.iter().any(|i| i.self_score.is_some());
    let first_eval = l + 2 + usize::from(has_own);
    let evals = first_eval..first_eval + m;
    let mut columns: Vec<Column> =
        (0..l).map(|k| Column { header: lang.level(k), kind: ColKind::Path }).collect();
    columns.push(Column { header: lang.item_header(l), kind: ColKind::Title });
    columns.push(Column { header: lang.pick("分值", "Max").into(), kind: ColKind::Number });
    if has_own {
        columns
            .push(Column { header: lang.pick("自评得分", "Self score").into(), kind: ColKind::Number });
    }
    for member in &panel.members {
        columns.push(Column { header: member.name.clone(), kind: ColKind::Score });
    }
    for (zh, en, kind) in [
        ("评价得分", "Panel score", ColKind::Number),
        ("最低分", "Lowest", ColKind::Number),
        ("最高分", "Highest", ColKind::Number),
        ("极差", "Spread", ColKind::Number),
        ("分歧", "Disagree", ColKind::Mark),
        ("扣分原因和其他说明", "Notes", ColKind::Text),
    ] {
        columns.push(Column { header: lang.pick(zh, en).into(), kind });
    }

    let mut rows = Vec::with_capacity(lay.lines.len() + 3);
    for line in &lay.lines {
        let (mut cells, path_len, label) = frame(report, &lay, line, lang);
        match line {
            Line::Item(i) => {
                let item = &report.items[*i];
                let st = panel.stats(*i);
                let stat = |stat| Calc::Stat { stat, cols: evals.clone() };
                let mean_stat = match panel.method {
                    Method::Mean => Stat::Mean,
                    Method::TrimmedMean => Stat::TrimmedMean,
                };
                cells.push(Cell::num(Num::Plain(item.scale.max)));
                if has_own {
                    cells.push(Cell::score(item.self_score));
                }
                cells.extend(panel.members.iter().map(|mb| Cell::score(mb.scores.entries[*i].score)));
                // An agreed score is shown as the means around it are (4.00 beside 4.67).
                let panel_cell = match panel.agreed(*i) {
                    Some(v) => Cell::num(Num::Mean(v)),
                    None => Cell::calc(
                        st.mean.map_or(Value::Blank, |v| Value::Num(Num::Mean(v))),
                        stat(mean_stat),
                    ),
                };
                cells.extend([
                    panel_cell,
                    Cell::calc(Value::opt(st.lowest), stat(Stat::Min)),
                    Cell::calc(Value::opt(st.highest), stat(Stat::Max)),
                    Cell::calc(Value::opt(st.spread), stat(Stat::Spread)),
                    Cell::calc(
                        if st.disagree { Value::Text("⚠".into()) } else { Value::Blank },
                        Calc::Disagree {
                            cols: evals.clone(),
                            threshold: threshold(item.scale.max, panel.disagree_percent),
                            mark: "⚠".into(),
                        },
                    ),
                    Cell::text(panel.notes(*i, &st, lang)),
                ]);
                let scale = Some(item.scale);
                rows.push(Row { kind: RowKind::Item, cells, path_len, label, highlight: st.disagree, scale });
            }
            Line::Subtotal { section, parts } => {
                let range = report.items_under(*section);
                let sum_of = |blank_if_none| Calc::Sum { rows: parts.clone(), blank_if_none };
                let max = Summary::of_items(report, &Scores::new(report), range.clone()).report_max;
                let own =
                    Tally::of(report.items[range.clone()].iter().map(|i| (i.self_score, i.scale.max)), &[]);
                cells.push(Cell::calc(Value::Num(Num::Plain(max)), sum_of(false)));
                if has_own {
                    cells.push(Cell::calc(Value::opt(own.points), sum_of(true)));
                }
                for mb in &panel.members {
                    let s = Summary::of_items(report, &mb.scores, range.clone());
                    cells.push(Cell::calc(Value::opt((s.scored > 0).then_some(s.points)), sum_of(true)));
                }
                let mean = panel.mean_tally(range, false).points;
                cells.push(Cell::calc(mean.map_or(Value::Blank, |v| Value::Num(Num::Mean(v))), sum_of(true)));
                cells.extend(std::iter::repeat_n(Cell::blank(), 5));
                rows.push(Row::subtotal(cells, path_len, label));
            }
        }
    }

    let all = 0..report.items.len();
    let grades = &report.grades;
    let at = TotalRows::after(rows.len(), report);
    let own = Tally::of(report.items.iter().map(|i| (i.self_score, i.scale.max)), grades);
    let mut blocks = Vec::new();
    if has_own {
        blocks.push(at.cells(&lay, max_col, &own, grades, lang));
    }
    for mb in &panel.members {
        let t = Tally::of(
            report.items.iter().zip(&mb.scores.entries).map(|(i, e)| (e.score, i.scale.max)),
            grades,
        );
        blocks.push(at.cells(&lay, max_col, &t, grades, lang));
    }
    let mean = panel.mean_tally(all.clone(), true);
    let mut mean_block = at.cells(&lay, max_col, &mean, grades, lang);
    if let Value::Num(Num::Plain(v)) = mean_block[0].value {
        mean_block[0].value = Value::Num(Num::Mean(v));
    }
    blocks.push(mean_block);
    let full = Summary::of_report(report, &Scores::new(report)).report_max;

    let progress: Vec<String> = panel
        .members
        .iter()
        .map(|mb| {
            let s = Summary::of_report(report, &mb.scores);
            format!("{} {}", mb.name, lang.progress(s.scored, s.items))
        })
        .collect();
    let labels = [lang.pick("合计", "Total"), lang.pick("得分率", "Percent"), lang.pick("等级", "Grade")];
    let count = if at.grade.is_some() { 3 } else { 2 };
    for (k, label) in labels.iter().enumerate().take(count) {
        let mut cells = label_row(label, l);
        cells.push(if k == 0 {
            Cell::calc(
                Value::Num(Num::Plain(full)),
                Calc::Sum { rows: lay.top.clone(), blank_if_none: false },
            )
        } else {
            Cell::blank()
        });
        for block in &mut blocks {
            cells.push(std::mem::replace(&mut block[k], Cell::blank()));
        }
        cells.extend(std::iter::repeat_n(Cell::blank(), 4));
        cells.push(match k {
            0 => Cell::text(progress.join("\n")),
            1 => Cell::text(lang.pick("得分 ÷ 已评指标分值之和", "points ÷ max of the scored items")),
            _ => Cell::blank(),
        });
        rows.push(total_row(cells));
    }
    debug_assert!(rows.iter().all(|r| r.cells.len() == columns.len()));

    let names: Vec<&str> = panel.members.iter().map(|mb| mb.name.as_str()).collect();
    let dates = super::framing::Dates::of(panel.members.iter().map(|mb| &mb.scores));
    let how = super::framing::PanelHow {
        method: panel.method,
        agreed: panel.agreed.is_some(),
        disagree_percent: panel.disagree_percent,
    };
    let framing = super::framing::panel(
        lang,
        &report.title,
        super::framing::unit(report),
        &names,
        &dates,
        &how,
        &panel.agreement(),
    );
    Table {
        title: report.title.to_string(),
        framing,
        sheet_name: lang.pick("评分汇总表", "Panel").into(),
        levels: l,
        columns,
        rows,
    }
}

#[derive(serde::Serialize)]
struct PanelDoc<'a> {
    format: &'static str,
    report: ReportRef<'a>,
    evaluators: Vec<MemberOut<'a>>,
    date: json::DatesOut,
    disagree_percent: Json,
    /// `mean` or `trimmed_mean`.
    method: &'static str,
    agreement: AgreementOut,
    rows: Vec<PanelRow<'a>>,
    total: PanelTotal,
}

#[derive(serde::Serialize)]
struct MemberOut<'a> {
    name: &'a str,
    file: &'a str,
    scored: usize,
    items: usize,
    points: Json,
    max_points: Json,
    percent: Json,
    grade: Option<String>,
    /// In % of the max, to 2 decimals.
    deviation: Json,
}

#[derive(serde::Serialize)]
struct AgreementOut {
    alpha: Json,
    reading: &'static str,
}

#[derive(serde::Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
// Written once per row and thrown away: the size of an item row costs nothing worth boxing.
#[allow(clippy::large_enum_variant)]
enum PanelRow<'a> {
    Item {
        id: &'a str,
        path: Vec<&'a str>,
        title: String,
        max: Json,
        self_score: Json,
        scores: Vec<Json>,
        mean: Json,
        lowest: Json,
        highest: Json,
        spread: Json,
        disagree: bool,
        trimmed: bool,
        /// The panel's agreed score, when `appraise panel` set one.
        agreed: Json,
        notes: Vec<&'a str>,
        flagged: Vec<bool>,
    },
    Subtotal {
        id: &'a str,
        path: Vec<&'a str>,
        max: Json,
        self_score: Json,
        scores: Vec<Json>,
        mean: Json,
    },
}

#[derive(serde::Serialize)]
struct PanelTotal {
    max: Json,
    self_score: Json,
    scores: Vec<Json>,
    mean: Json,
    /// Of the mean, over the items at least one evaluator scored.
    percent: Json,
    grade: Option<String>,
    /// The grade while some items have no mean yet.
    grade_provisional: bool,
    self_percent: Json,
    self_grade: Option<String>,
}

/// The panel's sheet as structured data (`appraise.panel/1`, see the README).
pub fn panel_json(panel: &Panel) -> String {
    let report = panel.report;
    let lay = layout(report);
    let rows = lay
        .lines
        .iter()
        .map(|line| match line {
            Line::Item(i) => {
                let item = &report.items[*i];
                let st = panel.stats(*i);
                PanelRow::Item {
                    id: &item.id,
                    path: report.section_path(item.section),
                    title: item.display_title(),
                    max: json::number(item.scale.max),
                    self_score: json::opt(item.self_score),
                    scores: panel.members.iter().map(|m| json::opt(m.scores.entries[*i].score)).collect(),
                    mean: json::opt(st.mean),
                    lowest: json::opt(st.lowest),
                    highest: json::opt(st.highest),
                    spread: json::opt(st.spread),
                    disagree: st.disagree,
                    trimmed: st.trimmed,
                    agreed: json::opt(panel.agreed(*i)),
                    notes: panel.members.iter().map(|m| m.scores.entries[*i].note.as_str()).collect(),
                    flagged: panel.members.iter().map(|m| m.scores.entries[*i].flagged).collect(),
                }
            }
            Line::Subtotal { section, .. } => {
                let range = report.items_under(*section);
                let own =
                    Tally::of(report.items[range.clone()].iter().map(|i| (i.self_score, i.scale.max)), &[]);
                PanelRow::Subtotal {
                    id: &report.sections[*section].id,
                    path: report.section_path(*section),
                    max: json::number(report.items[range.clone()].iter().map(|i| i.scale.max).sum::<f64>()),
                    self_score: json::opt(own.points),
                    scores: panel
                        .members
                        .iter()
                        .map(|m| {
                            let s = Summary::of_items(report, &m.scores, range.clone());
                            json::opt((s.scored > 0).then_some(s.points))
                        })
                        .collect(),
                    mean: json::opt(panel.mean_tally(range, false).points),
                }
            }
        })
        .collect();
    let sums: Vec<Summary> = panel.members.iter().map(|m| Summary::of_report(report, &m.scores)).collect();
    let agreement = panel.agreement();
    let evaluators = panel
        .members
        .iter()
        .zip(&sums)
        .zip(&agreement.deviations)
        .map(|((m, s), d)| MemberOut {
            name: &m.name,
            file: &m.file,
            scored: s.scored,
            items: s.items,
            points: json::number(s.points),
            max_points: json::number(s.max_points),
            percent: json::opt(s.percent),
            grade: s.grade.clone(),
            deviation: json::opt(d.map(|d| (d * 100.0).round() / 100.0)),
        })
        .collect();
    let own = Tally::of(report.items.iter().map(|i| (i.self_score, i.scale.max)), &report.grades);
    let mean = panel.mean_tally(0..report.items.len(), true);
    let doc = PanelDoc {
        format: "appraise.panel/1",
        report: ReportRef::of(report),
        evaluators,
        date: json::DatesOut::of(&super::framing::Dates::of(panel.members.iter().map(|mb| &mb.scores))),
        disagree_percent: json::number(panel.disagree_percent),
        method: panel.method.key(),
        agreement: AgreementOut { alpha: json::opt(agreement.alpha), reading: agreement.reading.key() },
        rows,
        total: PanelTotal {
            max: json::number(Summary::of_report(report, &Scores::new(report)).report_max),
            self_score: json::opt(own.points),
            scores: sums.iter().map(|s| json::opt((s.scored > 0).then_some(s.points))).collect(),
            mean: json::opt(mean.points),
            percent: json::opt(mean.percent),
            grade_provisional: mean.grade.is_some() && mean.count < report.items.len(),
            grade: mean.grade,
            self_percent: json::opt(own.percent),
            self_grade: own.grade,
        },
    };
    json::pretty(&doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_leave_missing_scores_out() {
        let s = ItemStats::of(&[Some(4.0), None, Some(5.0)], 5.0, 20.0, Method::Mean);
        assert_eq!(s.count, 2);
        assert_eq!(s.mean, Some(4.5));
        assert_eq!((s.lowest, s.highest, s.spread), (Some(4.0), Some(5.0), Some(1.0)));
        assert!(!s.disagree, "a spread of exactly 20% of 5 is not more than it");
        let s = ItemStats::of(&[Some(3.5), None, Some(5.0)], 5.0, 20.0, Method::Mean);
        assert!(s.disagree);
        let none = ItemStats::of(&[None, None], 5.0, 20.0, Method::Mean);
        assert_eq!((none.count, none.mean, none.spread, none.disagree), (0, None, None, false));
        let one = ItemStats::of(&[None, Some(0.0)], 5.0, 0.0, Method::Mean);
        assert_eq!((one.mean, one.disagree), (Some(0.0), false));
    }

    #[test]
    fn quarter_steps_average_exactly() {
        let s = ItemStats::of(&[Some(3.25), Some(3.5), Some(4.0)], 4.0, 20.0, Method::Mean);
        assert_eq!(s.mean.map(|m| (m * 1e6).round() / 1e6), Some(3.583333));
        assert_eq!(s.spread, Some(0.75));
        assert!(!s.disagree, "0.75 is within 20% of 4 (0.8)");
        assert!(ItemStats::of(&[Some(3.0), Some(4.0)], 4.0, 20.0, Method::Mean).disagree);
    }

    #[test]
    fn a_trimmed_mean_drops_the_highest_and_the_lowest() {
        let t = |scores: &[Option<f64>]| ItemStats::of(scores, 10.0, 20.0, Method::TrimmedMean);
        let five = t(&[Some(9.0), Some(6.0), Some(7.0), None, Some(8.0), Some(10.0)]);
        assert_eq!((five.mean, five.trimmed), (Some(8.0), true), "9, 7, 8 of 6…10");
        let three = t(&[Some(2.0), Some(9.0), Some(4.0)]);
        assert_eq!((three.mean, three.trimmed), (Some(4.0), true), "the middle one");
        let tied = t(&[Some(5.0), Some(5.0), Some(5.0), Some(8.0)]);
        assert_eq!(tied.mean, Some(5.0), "one of the equal lowest is dropped, not all");
        let two = t(&[Some(2.0), None, Some(9.0)]);
        assert_eq!((two.mean, two.trimmed), (Some(5.5), false), "too few to trim: the plain mean");
        let none = t(&[None]);
        assert_eq!((none.mean, none.trimmed), (None, false));
        assert_eq!((three.lowest, three.highest, three.spread), (Some(2.0), Some(9.0), Some(7.0)));
    }

    #[test]
    fn names_are_made_unique() {
        let a = Path::new("a/zhang.scores.json");
        let b = Path::new("b/li.scores.json");
        let c = Path::new("c/zhang.scores.json");
        let names = member_names(&[(Some("张三".into()), a), (Some("张三".into()), b), (None, c)]);
        assert_eq!(names, vec!["张三 (zhang)", "张三 (li)", "zhang"]);
        let names = member_names(&[(None, a), (None, c)]);
        assert_eq!(names, vec!["zhang #1", "zhang #2"]);
        let names = member_names(&[(Some(" ".into()), b)]);
        assert_eq!(names, vec!["li"]);
        let names = member_names(&[(Some("A".into()), a), (Some("A".into()), c), (Some("A".into()), b)]);
        assert_eq!(names, vec!["A #1", "A #2", "A (li)"]);
    }
}
