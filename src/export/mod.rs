//! Scoring sheets (评分表): the table of one evaluator's scores, built once (`sheet`) and
//! written as CSV. A row per item in report order with its section path, subtotal rows per
//! section and a total with percent and grade; an unscored item is blank, never 0.

use crate::report::{Report, SectionIx};
use crate::scores::{Scores, Summary, fmt_num};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// `meta.lang` when given, else Chinese when the title has CJK characters.
    pub fn of(report: &Report) -> Lang {
        let meta = report.meta.iter().find(|(k, _)| k == "lang").map(|(_, v)| v.to_ascii_lowercase());
        match meta.as_deref() {
            Some(l) if l.starts_with("zh") => Lang::Zh,
            Some(l) if l.starts_with("en") => Lang::En,
            _ if report.title.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) => Lang::Zh,
            _ => Lang::En,
        }
    }
}

/// A sheet as rows of cells; the first row is the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub rows: Vec<Vec<String>>,
}

const ZH_LEVELS: [&str; 9] = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];

pub fn sheet(report: &Report, scores: &Scores, lang: Lang) -> Sheet {
    let levels = report.items.iter().map(|i| report.sections[i.section].depth + 2).max().unwrap_or(1);
    let mut header: Vec<String> = (0..levels)
        .map(|k| match lang {
            Lang::Zh => format!("{}级指标", ZH_LEVELS.get(k).copied().unwrap_or("下")),
            Lang::En => format!("Level {}", k + 1),
        })
        .collect();
    let tail: [&str; 6] = match lang {
        Lang::Zh => ["评分标准", "分值", "自评得分", "得分", "扣分原因和其他说明", "待核实"],
        Lang::En => ["Criteria", "Max", "Self score", "Score", "Note", "Flagged"],
    };
    header.extend(tail.iter().map(|s| s.to_string()));
    let mut rows = vec![header];
    let width = levels + tail.len();
    let num = |v: Option<f64>| v.map(fmt_num).unwrap_or_default();
    for s in 0..report.sections.len() {
        let sec = &report.sections[s];
        for &i in &sec.items {
            let item = &report.items[i];
            let e = &scores.entries[i];
            let mut row = path_cells(report, s, levels);
            row[report.sections[s].depth + 1] = item.display_title();
            row.extend([
                item.criteria.clone().unwrap_or_default(),
                fmt_num(item.scale.max),
                num(item.self_score),
                num(e.score),
                e.note.clone(),
                if e.flagged { "⚑".into() } else { String::new() },
            ]);
            rows.push(row);
        }
        // Close every section whose subtree ends here with a subtotal row.
        let next_depth = report.sections.get(s + 1).map_or(0, |n| n.depth);
        let mut closing: Vec<SectionIx> = Vec::new();
        let mut at = Some(s);
        while let Some(c) = at {
            if report.sections[c].depth < next_depth {
                break;
            }
            closing.push(c);
            at = report.sections[c].parent;
        }
        for c in closing {
            let range = report.items_under(c);
            if range.is_empty() {
                continue;
            }
            let sum = Summary::of_items(report, scores, range);
            let mut row = vec![String::new(); width];
            let d = report.sections[c].depth;
            row[d] = match lang {
                Lang::Zh => format!("{} 小计", report.sections[c].title),
                Lang::En => format!("{} subtotal", report.sections[c].title),
            };
            row[levels + 1] = fmt_num(sum.report_max);
            row[levels + 3] = if sum.scored > 0 { fmt_num(sum.points) } else { String::new() };
            rows.push(row);
        }
    }
    let sum = Summary::of_report(report, scores);
    let mut total = vec![String::new(); width];
    total[0] = match lang {
        Lang::Zh => "合计".into(),
        Lang::En => "Total".into(),
    };
    total[levels + 1] = fmt_num(sum.report_max);
    total[levels + 3] = if sum.scored > 0 { fmt_num(sum.points) } else { String::new() };
    let pct = sum.percent.map(|p| format!("{}%", fmt_num(p))).unwrap_or_else(|| "–".into());
    let grade = sum.grade.clone().unwrap_or_else(|| "–".into());
    total[levels + 4] = match lang {
        Lang::Zh => format!("已评 {}/{} 项，得分率 {pct}，等级 {grade}", sum.scored, sum.items),
        Lang::En => format!("{}/{} scored, {pct}, grade {grade}", sum.scored, sum.items),
    };
    rows.push(total);
    Sheet { rows }
}

fn path_cells(report: &Report, s: SectionIx, levels: usize) -> Vec<String> {
    let mut cells = vec![String::new(); levels];
    for (k, title) in report.section_path(s).into_iter().enumerate() {
        cells[k] = title.to_string();
    }
    cells
}

/// RFC 4180 CSV, UTF-8, with a BOM when `bom` (so Excel and WPS read Chinese correctly).
pub fn to_csv(sheet: &Sheet, bom: bool) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = csv::Writer::from_writer(out);
    for row in &sheet.rows {
        w.write_record(row)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}
