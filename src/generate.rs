//! Reproducible synthetic reports of any size, of mixed Chinese and English text, for
//! benchmarks and load tests. The same (items, seed) always gives the same bytes. Written
//! through the format's model (`report::file`), as the importer writes.

use crate::report::file::{FORMAT, GradeFile, ItemFile, ReportFile, ScaleFile, SectionFile};

/// Chinese clauses in the style of the reports the app is for.
const ZH: &[&str] = &[
    "扎实开展走流程解难题优服务工作",
    "主动拓展跨省通办范围",
    "提高全程网办率",
    "全面落实一件事一次办",
    "群众满意率达到98.93%",
    "来电接通率99.99%",
    "按时办结率97.61%",
    "加强网络安全管理",
    "强化政府网站运维",
    "建立公开长效机制",
    "着力打造清廉大厅",
    "规范中介服务行为",
    "精准编报部门年度预算",
    "严格执行政府采购规定",
    "加强会计基础工作",
    "加强固定资产管理",
    "绩效评价结果应用不足",
    "预算执行进度监控",
    "佐证材料不够充分",
    "资金使用效益明显",
];

const EN: &[&str] = &[
    "budget execution",
    "service hotline",
    "satisfaction survey",
    "online approval",
    "performance target",
    "evidence provided",
    "procurement rules",
    "asset management",
    "internal control",
    "annual plan",
    "reading programme",
    "digital skills",
    "volunteer hours",
    "attendance rose",
    "the council agreed",
];

/// SplitMix64: tiny, fast and good enough to vary the text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// A paragraph of about `chars` characters: Chinese clauses with English phrases and figures.
fn paragraph(rng: &mut Rng, chars: usize) -> String {
    let mut s = String::new();
    while s.chars().count() < chars {
        match rng.below(4) {
            0 => s.push_str(&format!("{} ", rng.pick(EN))),
            1 => s.push_str(&format!("{}{}个，", rng.pick(ZH), rng.below(500))),
            _ => s.push_str(&format!("{}，", rng.pick(ZH))),
        }
    }
    s.push('。');
    s
}

/// A report with `items` items (10 to a section, 10 sections to a chapter), as JSON text.
pub fn report_json(items: usize, seed: u64) -> String {
    report(items, seed).to_json()
}

/// The generated report as the format's model.
pub fn report(items: usize, seed: u64) -> ReportFile {
    let mut rng = Rng(seed);
    let per_section = 10;
    let per_chapter = 10;
    let sections = items.div_ceil(per_section);
    let mut chapters = Vec::new();
    let mut made = 0;
    for c in 0..sections.div_ceil(per_chapter) {
        let mut subs = Vec::new();
        for s in 0..per_chapter {
            if made >= items {
                break;
            }
            let mut list = Vec::new();
            for k in 0..per_section.min(items - made) {
                made += 1;
                let len = 80 + rng.below(220);
                let max = [2.0, 4.0, 5.0, 10.0][rng.below(4)];
                // (Drawn in this order: the same seed gives the same text.)
                let title = format!("{} {}", rng.pick(ZH), rng.pick(EN));
                let text = paragraph(&mut rng, len);
                let criteria = if rng.below(3) == 0 { Some(paragraph(&mut rng, 30)) } else { None };
                let tag = rng.pick(&["产出", "效益", "满意度", "管理"]);
                list.push(ItemFile {
                    id: format!("c{c}.s{s}.i{k}"),
                    title: Some(title),
                    text,
                    max: Some(max),
                    criteria,
                    tags: vec![tag.to_string()],
                    ..ItemFile::default()
                });
            }
            subs.push(SectionFile {
                id: format!("c{c}.s{s}"),
                title: format!("（{}）{}", s + 1, rng.pick(ZH)),
                items: list,
                ..SectionFile::default()
            });
        }
        let title = format!("第{}章 {}", c + 1, rng.pick(ZH));
        chapters.push(SectionFile {
            id: format!("c{c}"),
            title,
            body: Some(paragraph(&mut rng, 60)),
            sections: subs,
            ..SectionFile::default()
        });
    }
    let grade = |min: f64, label: &str| GradeFile { min, label: label.into() };
    ReportFile {
        format: Some(FORMAT.into()),
        id: format!("generated-{items}-{seed}"),
        title: format!("Generated report: {items} items (seed {seed})"),
        scale: Some(ScaleFile { min: Some(0.0), max: Some(10.0), step: Some(0.5) }),
        grades: Some(vec![grade(90.0, "优"), grade(80.0, "良"), grade(60.0, "中"), grade(0.0, "差")]),
        require_note_below_max: Some(true),
        sections: chapters,
        ..ReportFile::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_reports_are_valid_reproducible_and_sized() {
        let a = report_json(123, 7);
        assert_eq!(a, report_json(123, 7));
        assert_ne!(a, report_json(123, 8));
        let r = crate::report::parse_report(a.as_bytes()).expect("valid");
        assert_eq!(r.items.len(), 123);
        assert!(r.items.iter().any(|i| i.text.contains("满意率")));
        assert!(r.items.iter().any(|i| i.text.chars().any(|c| c.is_ascii_alphabetic())));
    }
}
