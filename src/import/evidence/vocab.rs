//! The performance-evaluation vocabulary the evidence linker reads meaning by: which words of an
//! indicator another word in a report stands for (满意度 is answered by 满意率 and 好评率,
//! 健全性 by the unit's 制度, 执行率 by 支出 and 进度), which word endings only say "the degree
//! of" (性, 度, 率, 情况), which indicators are about a rate or a quantity, and which chapters of a
//! report are recommendations or plans rather than an account of what was done.
//!
//! The tables are general, not any one report's: each entry is a relation a reader of 绩效评价
//! texts knows (the terms of the national and provincial indicator frameworks, 财预〔2013〕53号,
//! 财预〔2020〕10号, and the words self-evaluation reports answer them with). Every word is two
//! characters, so it is one term of the linker's bigrams.

/// Words that mean the same thing in an indicator and in a report: any one stands for the
/// others (a passage using another word of the group counts, at [`super::SYNONYM`] of the word
/// itself).
pub const SAME: &[&[&str]] = &[
    // Satisfaction: 满意度 (the indicator), 满意率 / 好评率 / 认可度 (what surveys report).
    &["满意", "好评", "认可"],
    // The public and those served.
    &["公众", "群众", "市民"],
    // Rules and how complete they are.
    &["制度", "办法", "规章"],
    // Publishing.
    &["公开", "公布", "公示"],
    // Monitoring.
    &["监控", "监测", "跟踪"],
    // Using results.
    &["应用", "运用"],
    // Doing what was planned.
    &["完成", "实现", "达成"],
    // On time.
    &["及时", "按时", "时限"],
    // Working with other departments.
    &["协作", "配合", "协同"],
    // Targets and their measures.
    &["目标", "指标"],
    // Paying in.
    &["上缴", "缴入", "缴库"],
    // Collecting.
    &["征收", "收缴"],
    // Innovation.
    &["创新", "首创"],
];

/// Words of an indicator that a report answers with other words, one way: the indicator's
/// word (first) is answered by a passage using the others, not the reverse.
pub const ANSWERED_BY: &[(&str, &[&str])] = &[
    // Relevance of targets is judged against the unit's duties (职能, 职责) and plans.
    ("相关", &["职能", "职责"]),
    // Completeness of rules: the rules themselves.
    ("健全", &["制度", "办法"]),
    // Budget execution: spending and its progress.
    ("执行", &["支出", "进度", "拨付"]),
    // Progress on schedule.
    ("序时", &["进度"]),
    // Training people.
    ("培养", &["培训"]),
    ("人才", &["培训", "队伍"]),
    // Evaluation: self-evaluation and assessment.
    ("评价", &["自评", "考核"]),
    // Assets: their count and books.
    ("资产", &["盘点", "清查"]),
];

/// Endings that only say "the degree of" (合理性, 满意度, 执行率) or "the state of" (征收情况):
/// an indicator's word is matched by its stem, so 执行率 finds 执行 and 满意度 finds 满意率.
/// Cut from the end of a run of an indicator's characters (never from a report's).
pub const DEGREE_ENDINGS: &[&str] = &["情况", "程度", "水平", "状况", "性", "度", "率"];

/// An indicator is about a rate when its words end in or contain one of these (or its criteria
/// state a percentage): it prefers a passage that states one.
pub const RATE_WORDS: &[&str] = &["率", "比例", "占比", "比重", "百分"];

/// An indicator is about a quantity when its words contain one of these: it prefers a passage
/// that states figures.
pub const QUANTITY_WORDS: &[&str] = &["数量", "人数", "次数", "个数", "金额", "规模"];

/// Headings of chapters that say what should be done, not what was: recommendations, measures
/// to come, next steps, plans. A passage under one (or titled so) is evidence of last resort.
/// 存在的问题 is not among them: shortfalls a unit reports are evidence for a deduction.
pub const PLANS_HEADINGS: &[&str] = &[
    "建议",
    "下一步",
    "改进措施",
    "整改措施",
    "改进方向",
    "努力方向",
    "工作计划",
    "工作打算",
    "工作思路",
    "对策",
    "今后",
    "展望",
    "recommendation",
    "next step",
    "way forward",
    "action plan",
    "improvement plan",
];

/// Whether a heading is one of a recommendations or plans chapter.
pub fn is_plans_heading(title: &str) -> bool {
    let lower = title.to_lowercase();
    PLANS_HEADINGS.iter().any(|h| lower.contains(h))
}

/// The words a report may use for `word`, besides itself: its group's other words and the words
/// it is answered by.
pub fn answers(word: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for group in SAME {
        if group.contains(&word) {
            out.extend(group.iter().copied().filter(|w| *w != word));
        }
    }
    for (key, others) in ANSWERED_BY {
        if *key == word {
            out.extend(others.iter().copied());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_one_term() {
        let words = SAME
            .iter()
            .flat_map(|g| g.iter())
            .chain(ANSWERED_BY.iter().flat_map(|(k, v)| std::iter::once(k).chain(v.iter())));
        for w in words {
            assert_eq!(w.chars().count(), 2, "{w} is not one bigram");
        }
    }

    #[test]
    fn answers_go_both_ways_in_a_group_and_one_way_otherwise() {
        assert_eq!(answers("满意"), ["好评", "认可"]);
        assert!(answers("好评").contains(&"满意"));
        assert_eq!(answers("相关"), ["职能", "职责"]);
        assert!(answers("职能").is_empty(), "a duty does not stand for relevance");
        assert!(answers("网办").is_empty());
    }

    #[test]
    fn plans_headings_are_recognised_and_problems_are_not() {
        assert!(is_plans_heading("四、提高财政资金绩效的措施与建议"));
        assert!(is_plans_heading("五、下一步工作打算"));
        assert!(is_plans_heading("(二)改进措施"));
        assert!(is_plans_heading("5. Recommendations"));
        assert!(!is_plans_heading("三、存在的问题及原因"));
        assert!(!is_plans_heading("二、主要工作措施及成效"));
    }
}
