//! Evidence links: with a rubric, each indicator (`r…` item) is given `refs` to the passages of
//! the text (`s…`) an evaluator should read first, best first, at most [`MAX_LINKS`], none when
//! nothing in the text speaks to it. This module owns that ranking and nothing else: it reads the
//! sections [`super::skeleton`] made and only writes the indicators' `refs`.
//!
//! The ranking is lexical, with no dictionary: text is cut into terms — CJK character bigrams
//! (runs split at punctuation, digits and a few function characters such as 的/和/与), Latin
//! words and long numbers (`12345`) — and each passage (a reading section's title and body, or,
//! with `--score-text`, a claim's title and text) is scored against the indicator by BM25:
//! term weights are inverse document frequencies over the passages, so words every passage has
//! (部门, 工作, 资金) weigh little. The indicator's name counts [`NAME_WEIGHT`] times as much
//! as its criteria, whose boilerplate (得5分, 酌情扣分, 按要求…) is cut out first.
//!
//! A passage is kept when its score is at least [`MIN_SHARE`] of the most any passage could score
//! (every term of the indicator, each often), when it holds at least [`MIN_TERMS`] of the terms,
//! and (after the first) when it scores at least [`MIN_OF_BEST`] of the first. The share is
//! relative, so a long criteria text does not link more than a short one; terms the text never
//! uses still count in the best possible score, so an indicator whose key words are missing from
//! the text (执行中期评估, 预算执行率) stays unlinked even when its common words are there.
//! Measured against a hand-written ground truth in tests/it/evidence.rs.
//!
//! With `--score-text` the claims are items, not reading sections, and are linked as such; they
//! keep the same ids either way (`s2.1.3`), so the links are the same.
//!
//! Everything is ordered maps and stable sorts: the same input gives the same links.

use super::build::{ItemFile, SectionFile};
use crate::lang::is_cjk;
use std::collections::BTreeMap;

/// At most this many passages are linked to an indicator.
pub const MAX_LINKS: usize = 3;
/// A term of the indicator's name weighs this much more than a term of its criteria only.
pub const NAME_WEIGHT: f64 = 2.0;
/// A linked passage scores at least this share of the indicator's best possible score.
pub const MIN_SHARE: f64 = 0.2;
/// A linked passage holds at least this many of the indicator's terms (one shared word is chance).
pub const MIN_TERMS: usize = 2;
/// A second or third link scores at least this share of the first.
pub const MIN_OF_BEST: f64 = 0.6;

/// BM25's term-frequency saturation and length normalisation.
const K1: f64 = 1.2;
const B: f64 = 0.5;

/// Phrases of scoring rules that say nothing about the subject (cut from criteria before
/// terms are taken).
const BOILERPLATE: &[&str] = &[
    "评价标准",
    "指标说明",
    "评分标准",
    "酌情扣分",
    "酌情扣减",
    "酌情给分",
    "不得分",
    "得满分",
    "满分",
    "扣分",
    "得分",
    "分值",
    "按要求",
    "按规定",
    "符合要求",
    "达到要求",
    "及时",
    "否则",
    "每发现",
    "每项",
    "一项",
    "以上",
    "以下",
    "不低于",
    "不高于",
    "未达到",
    "达到",
    "的",
    "score",
    "scores",
    "points",
    "point",
    "full",
    "marks",
];

/// Characters that end a bigram run: function words whose bigrams are noise (的确 and 和谐 are
/// lost with them; they are not what indicators are about).
const BREAKS: &[char] = &['的', '了', '和', '与', '及', '或', '并', '等', '之', '其', '得'];

/// A Latin word shorter than this is not a term.
const MIN_WORD: usize = 2;
/// A number is a term only from this many digits (`12345`, not `5` or `100`).
const MIN_DIGITS: usize = 5;

/// What [`link`] did: `linked` of `indicators` indicators got at least one ref.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Linked {
    pub linked: usize,
    pub indicators: usize,
}

/// Links every rubric indicator (an item whose id starts with `r`) to the text's passages: the
/// reading sections with a body (ids starting with `s`: the claims, and a chapter's introduction
/// before its claims) and, when the claims are scored too (`--score-text`), those items — a
/// claim is linked by its own id. The rubric's existing refs are replaced. Returns how many
/// indicators got a link, for the import summary.
pub fn link(sections: &mut [SectionFile]) -> Linked {
    let mut passages: Vec<(String, String)> = Vec::new();
    for s in sections.iter().filter(|s| s.id.starts_with('s')) {
        collect_passages(s, &mut passages);
    }
    let corpus = Corpus::new(passages.iter().map(|(_, text)| text.as_str()));
    let mut done = Linked::default();
    for s in sections.iter_mut().filter(|s| s.id.starts_with('r')) {
        visit_items(s, &mut |item| {
            if !item.id.starts_with('r') {
                return;
            }
            done.indicators += 1;
            let name = item.title.as_deref().unwrap_or(&item.text);
            let ranked = corpus.rank(name, item.criteria.as_deref().unwrap_or(""));
            item.refs = ranked.iter().map(|&(i, _)| passages[i].0.clone()).collect();
            if !item.refs.is_empty() {
                done.linked += 1;
            }
        });
    }
    done
}

/// The passages under `section`: its title and body when it has a body, its items' titles and
/// texts.
fn collect_passages(section: &SectionFile, out: &mut Vec<(String, String)>) {
    if let Some(body) = section.body.as_deref().filter(|b| !b.trim().is_empty()) {
        out.push((section.id.clone(), format!("{}\n{body}", section.title)));
    }
    for item in &section.items {
        let title = item.title.as_deref().unwrap_or("");
        out.push((item.id.clone(), format!("{title}\n{}", item.text)));
    }
    for child in &section.sections {
        collect_passages(child, out);
    }
}

fn visit_items(section: &mut SectionFile, f: &mut impl FnMut(&mut ItemFile)) {
    for item in &mut section.items {
        f(item);
    }
    for child in &mut section.sections {
        visit_items(child, f);
    }
}

/// The passages' terms: for each term, the passages holding it and how often (postings, so an
/// indicator's score only visits the passages that share a term with it).
pub struct Corpus {
    postings: BTreeMap<String, Vec<(usize, f64)>>,
    /// Each passage's length in terms.
    lens: Vec<f64>,
    avg_len: f64,
}

impl Corpus {
    /// The corpus of `passages`, in order (a ranking names passages by their index here).
    pub fn new<'a>(passages: impl IntoIterator<Item = &'a str>) -> Corpus {
        let mut postings: BTreeMap<String, Vec<(usize, f64)>> = BTreeMap::new();
        let mut lens = Vec::new();
        for (index, text) in passages.into_iter().enumerate() {
            let mut tf: BTreeMap<String, f64> = BTreeMap::new();
            let terms = terms(text);
            lens.push(terms.len() as f64);
            for t in terms {
                *tf.entry(t).or_default() += 1.0;
            }
            for (t, n) in tf {
                postings.entry(t).or_default().push((index, n));
            }
        }
        let total: f64 = lens.iter().sum();
        let avg_len = if lens.is_empty() { 1.0 } else { (total / lens.len() as f64).max(1.0) };
        Corpus { postings, lens, avg_len }
    }

    /// The number of passages.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// BM25's inverse document frequency (never negative; highest for a term no passage has).
    fn idf(&self, term: &str) -> f64 {
        let n = self.lens.len() as f64;
        let df = self.postings.get(term).map_or(0, Vec::len) as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The indicator's query: each term with its weight (a name term [`NAME_WEIGHT`], a
    /// criteria term 1; each counted once).
    fn query(name: &str, criteria: &str) -> BTreeMap<String, f64> {
        let mut q: BTreeMap<String, f64> = BTreeMap::new();
        for t in terms(&strip_boilerplate(criteria)) {
            q.insert(t, 1.0);
        }
        for t in terms(name) {
            q.insert(t, NAME_WEIGHT);
        }
        q
    }

    /// Every passage's score for the indicator, with its share of the best possible score, by
    /// passage index.
    pub fn scores(&self, name: &str, criteria: &str) -> Vec<Score> {
        let query = Corpus::query(name, criteria);
        let ideal: f64 = query.iter().map(|(t, w)| w * self.idf(t) * (K1 + 1.0)).sum();
        let mut scores: Vec<Score> =
            (0..self.lens.len()).map(|index| Score { index, score: 0.0, share: 0.0, held: 0 }).collect();
        for (t, &w) in &query {
            let Some(postings) = self.postings.get(t) else { continue };
            let idf = self.idf(t);
            for &(index, tf) in postings {
                let norm = K1 * (1.0 - B + B * self.lens[index] / self.avg_len);
                let s = &mut scores[index];
                s.score += w * idf * tf * (K1 + 1.0) / (tf + norm);
                s.held += 1;
            }
        }
        if ideal > 0.0 {
            for s in &mut scores {
                s.share = s.score / ideal;
            }
        }
        scores
    }

    /// The passages to link to the indicator, best first: at most [`MAX_LINKS`], each passing
    /// the thresholds (module doc); empty when none does.
    pub fn rank(&self, name: &str, criteria: &str) -> Vec<(usize, f64)> {
        let mut scores: Vec<Score> = self
            .scores(name, criteria)
            .into_iter()
            .filter(|s| s.share >= MIN_SHARE && s.held >= MIN_TERMS)
            .collect();
        scores.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        let best = scores.first().map_or(0.0, |s| s.score);
        scores
            .into_iter()
            .take_while(|s| s.score >= MIN_OF_BEST * best)
            .take(MAX_LINKS)
            .map(|s| (s.index, s.share))
            .collect()
    }
}

/// One passage's score for one indicator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub index: usize,
    /// BM25.
    pub score: f64,
    /// `score` over what a passage holding every term once would score.
    pub share: f64,
    /// How many of the indicator's terms the passage holds.
    pub held: usize,
}

/// `criteria` with its boilerplate phrases and numbers cut out (each becomes a break).
fn strip_boilerplate(criteria: &str) -> String {
    let mut text = simplified(criteria);
    for phrase in BOILERPLATE {
        text = text.replace(phrase, " ");
    }
    text
}

fn simplified(text: &str) -> String {
    crate::search::t2s_convert(&text.to_lowercase())
}

/// The terms of `text`, in order, repeated as often as they occur.
pub fn terms(text: &str) -> Vec<String> {
    let text = simplified(text);
    let mut out = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut word = String::new();
    let flush_run = |run: &mut Vec<char>, out: &mut Vec<String>| {
        for pair in run.windows(2) {
            out.push(pair.iter().collect());
        }
        run.clear();
    };
    let flush_word = |word: &mut String, out: &mut Vec<String>| {
        let digits = word.chars().all(|c| c.is_ascii_digit());
        let n = word.chars().count();
        if (digits && n >= MIN_DIGITS) || (!digits && n >= MIN_WORD) {
            out.push(std::mem::take(word));
        }
        word.clear();
    };
    for c in text.chars() {
        // Full-width ASCII is ASCII.
        let c = match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if is_cjk(c) && !BREAKS.contains(&c) {
            flush_word(&mut word, &mut out);
            run.push(c);
        } else if c.is_alphanumeric() && !is_cjk(c) {
            flush_run(&mut run, &mut out);
            word.extend(c.to_lowercase());
        } else {
            flush_run(&mut run, &mut out);
            flush_word(&mut word, &mut out);
        }
    }
    flush_run(&mut run, &mut out);
    flush_word(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_bigrams_words_and_long_numbers() {
        assert_eq!(terms("网上可办率"), ["网上", "上可", "可办", "办率"]);
        assert_eq!(terms("12345热线 APP, 5 100"), ["12345", "热线", "app"]);
        // Function characters and punctuation break runs; traditional is simplified.
        assert_eq!(terms("目标的設定，合理"), ["目标", "设定", "合理"]);
    }

    /// Passages of the Shaodong report (fixtures/import/shaodong-2022.txt), shortened.
    const PASSAGES: &[&str] = &[
        "提高全程网办率\n三是提高全程网办率。按照“能网办、尽量网办”的原则，进一步推进政务服务事项全程网办，\
         提高网上办理深度，我市政务服务事项网上可办率达到100%，四级网上可办（全程网办）率为73.7%。",
        "主动拓展“跨省通办”范围\n二是主动拓展“跨省通办”范围。梳理“跨省通办”高频事项136个，\
         企业群众可通过“全程网办”、“异地代收代办”等方式，到政务中心大厅“跨省通办”专窗办理。",
        "建设清廉大厅\n二是建设清廉大厅。完善《邵东市政务服务中心窗口工作管理办法》等管理制度，\
         将廉政文化纳入学习、讲评及考核范畴，加强廉政宣传，精心布置廉政文化墙，营造浓厚的清廉政务氛围。",
        "召开季度大厅讲评会\n三是召开季度大厅讲评会。每季度召开了政务服务中心大厅工作讲评会。",
        "加强网络安全管理工作\n二是加强网络安全管理工作。与电信公司合作签订电子政务外网设备托管协议，\
         处理网络安全攻击行为百余次，政务外网网络安全工作日益规范。",
        "（一）精准编报部门年度预算\n科学合理编制预算，严格执行预算。加强预算编制的前瞻性，\
         结合上一年度预算执行情况和本年度预算收支变化因素，科学、合理地编制本年预算草案。",
        "（二）严格执行政府采购规定\n建立健全本单位政府采购制度，并编制好年度政府采购计划及预算。",
        "（四）加强固定资产管理\n年度终了应当进行全面清查盘点，保证账账相符，账实相符。",
    ];

    fn first(name: &str, criteria: &str) -> Option<usize> {
        Corpus::new(PASSAGES.iter().copied()).rank(name, criteria).first().map(|&(i, _)| i)
    }

    #[test]
    fn indicators_link_to_the_passage_about_them() {
        let online =
            first("全程网办率", "政务服务事项网上可办率达到100%，四级（全程网办）率不低于70%，得3分");
        assert_eq!(online, Some(0));
        let clean =
            first("清廉大厅建设", "开展清廉大厅建设，廉政制度上墙、廉政文化宣传到位，窗口服务规范，得1分");
        assert_eq!(clean, Some(2));
        assert_eq!(first("网络安全", ""), Some(4), "a name alone is enough when it is specific");
    }

    #[test]
    fn indicators_the_text_says_nothing_about_get_no_link() {
        // Budget words are there (预算执行情况), the subject (执行率, 进度, 监控) is not.
        assert_eq!(first("预算执行率", "按月监控预算执行进度，年度预算执行率达到序时进度要求，得2分"), None);
        assert_eq!(
            first("执行中期评估", "按要求对项目预算执行情况开展中期评估，评估结果用于调整预算，得2分"),
            None
        );
        // One shared word is not a link (合理 of 合理性).
        assert_eq!(first("合理性", ""), None);
        assert_eq!(first("征收情况", "非税收入依法依规足额征收，得1分"), None);
    }

    #[test]
    fn ranking_is_deterministic_and_bounded() {
        let corpus = Corpus::new(PASSAGES.iter().copied());
        let a = corpus.rank("政务服务", "政务服务大厅窗口");
        assert_eq!(a, corpus.rank("政务服务", "政务服务大厅窗口"));
        assert!(a.len() <= MAX_LINKS);
        assert!(a.windows(2).all(|w| w[0].1 >= w[1].1), "{a:?}");
        assert!(Corpus::new([]).rank("网络安全", "").is_empty());
        assert!(corpus.rank("", "").is_empty());
    }

    #[test]
    fn boilerplate_is_cut_from_criteria() {
        let t = terms(&strip_boilerplate("相符得5分，不相符的酌情扣分"));
        assert_eq!(t, ["相符", "不相", "相符"]);
    }
}
