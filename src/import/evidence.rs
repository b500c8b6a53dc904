//! Evidence links: with a rubric, each indicator (`r…` item) is given `refs` to the passages of
//! the text (`s…`) an evaluator should read first, best first, at most [`MAX_LINKS`], none when
//! nothing in the text speaks to it. This module owns that ranking and nothing else: it reads the
//! sections [`super::skeleton`] made and only writes the indicators' `refs`; the vocabulary it
//! reads meaning by is [`vocab`].
//!
//! Text is cut into terms — CJK character bigrams (runs split at punctuation, digits and a few
//! function characters such as 的/和/与), Latin words and long numbers (`12345`) — and each
//! passage (a reading section's title and body, or, with `--score-text`, a claim's title and
//! text) is scored against the indicator by BM25. What the indicator asks is read from its name
//! (weighing [`NAME_WEIGHT`]), its criteria (1, their boilerplate — 得5分, 酌情扣分, 按要求… — cut
//! first) and the name of the group it is in ([`GROUP_WEIGHT`]: 社会公众 under 满意度 asks about
//! the public's satisfaction); a term in more than one of them weighs as each (满意 of a group
//! 满意度 whose criteria say 满意度 again). It is read by meaning rather than exact characters:
//!
//! - an ending that only says "the degree of" is cut from the indicator's words (合理性 →
//!   合理, 执行率 → 执行, 征收情况 → 征收), so the stem finds the report's own form;
//! - each of the indicator's terms is answered by the words a report uses for it
//!   ([`vocab::answers`]: 满意 by 好评 and 认可, 健全 by 制度, 执行 by 支出 and 进度, 公开 by
//!   公布), each occurrence counting [`SYNONYM`] of the word itself; a term and its answers are
//!   one term for BM25 (one document frequency, one share of the best possible score), so a
//!   long list of answers never outweighs the word;
//! - numbers weigh in: for an indicator about a rate (执行率, or criteria stating a percentage,
//!   满意度≥90%) a passage stating a percentage ranks [`PERCENT_BONUS`] higher and one stating
//!   no figure at all [`RATE_WITHOUT_FIGURES`] lower; for a rate or a quantity (人数, 金额) a
//!   passage stating figures ranks [`FIGURE_BONUS`] higher;
//! - a passage in a chapter of recommendations or plans (措施与建议, 下一步, 改进措施…, by its
//!   heading or its own title: [`vocab::is_plans_heading`]) is evidence of last resort: it is
//!   linked only when no other passage qualifies, and only when it ranks at least
//!   [`MIN_PLANS_SHARE`]. What should be done is not what was done; a chapter of problems
//!   (存在的问题) is evidence — a shortfall the unit reports is what a deduction rests on.
//!
//! A passage's share is its score over the most any passage could score (every term of the
//! indicator, each often); its rank is that share raised or lowered by what it states (above).
//! It qualifies when its rank is at least [`MIN_SHARE`], when it holds at least [`MIN_TERMS`] of
//! the words that speak to the indicator (its terms and their answers: 支出 and 进度 are two
//! for 执行率), as many of them the indicator's own — its name's and criteria's, not only its
//! group's, which is context (预算公开 under 信息公开 is not answered by 政务信息公开) — and (after the first) when it ranks at
//! least [`MIN_OF_BEST`] of the first. The share is relative, so a long criteria text does not link
//! more than a short one; terms the text never uses still count in the best possible score, so
//! an indicator whose key words (and their answers) are missing from the text stays unlinked
//! even when its common words are there. Measured against ground truths written by hand, a
//! tuned set and a held-out one, in tests/it/evidence.rs.
//!
//! With `--score-text` the claims are items, not reading sections, and are linked as such; they
//! keep the same ids either way (`s2.1.3`), so the links are the same.
//!
//! Everything is ordered maps and stable sorts: the same input gives the same links.

pub mod vocab;

use super::build::{ItemFile, SectionFile};
use crate::lang::is_cjk;
use std::collections::BTreeMap;

/// At most this many passages are linked to an indicator.
pub const MAX_LINKS: usize = 3;
/// A term of the indicator's name weighs this much more than a term of its criteria only.
pub const NAME_WEIGHT: f64 = 2.0;
/// A term of the indicator's group's name (and not of its own) weighs this much.
pub const GROUP_WEIGHT: f64 = 0.5;
/// An occurrence of a word that answers the indicator's word counts this much of the word's own.
pub const SYNONYM: f64 = 0.7;
/// A linked passage ranks at least this share of the indicator's best possible score.
pub const MIN_SHARE: f64 = 0.15;
/// A passage in a chapter of recommendations or plans, linked only when no other passage
/// qualifies, ranks at least this share of the best possible score: a plan is worth pointing
/// at only when it clearly speaks to the indicator.
pub const MIN_PLANS_SHARE: f64 = 0.2;
/// A linked passage holds at least this many of the words that speak to the indicator (one
/// shared word is chance).
pub const MIN_TERMS: usize = 2;
/// A second or third link ranks at least this share of the first.
pub const MIN_OF_BEST: f64 = 0.6;
/// How much higher a passage stating a percentage ranks for an indicator about a rate.
pub const PERCENT_BONUS: f64 = 0.25;
/// How much higher a passage stating figures ranks for an indicator about a rate or a quantity.
pub const FIGURE_BONUS: f64 = 0.1;
/// How much lower a passage stating no figure at all ranks for an indicator about a rate.
pub const RATE_WITHOUT_FIGURES: f64 = 0.2;

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
    let mut passages: Vec<Passage> = Vec::new();
    for s in sections.iter().filter(|s| s.id.starts_with('s')) {
        collect_passages(s, false, &mut passages);
    }
    let corpus = Corpus::from_passages(passages.iter().map(|p| (p.text.as_str(), p.in_plans)));
    let mut done = Linked::default();
    for s in sections.iter_mut().filter(|s| s.id.starts_with('r')) {
        visit_items(s, &mut |group, item| {
            if !item.id.starts_with('r') {
                return;
            }
            done.indicators += 1;
            let ask = Ask {
                name: item.title.as_deref().unwrap_or(&item.text),
                criteria: item.criteria.as_deref().unwrap_or(""),
                group,
            };
            let ranked = corpus.rank_ask(&ask);
            item.refs = ranked.iter().map(|&(i, _)| passages[i].id.clone()).collect();
            if !item.refs.is_empty() {
                done.linked += 1;
            }
        });
    }
    done
}

/// A passage of the text: its id, its title and text, and whether it is in a chapter of
/// recommendations or plans.
struct Passage {
    id: String,
    text: String,
    in_plans: bool,
}

/// The passages under `section`: its title and body when it has a body, its items' titles and
/// texts; `in_plans` when a section above is a chapter of recommendations or plans.
fn collect_passages(section: &SectionFile, in_plans: bool, out: &mut Vec<Passage>) {
    let in_plans = in_plans || vocab::is_plans_heading(&section.title);
    if let Some(body) = section.body.as_deref().filter(|b| !b.trim().is_empty()) {
        out.push(Passage { id: section.id.clone(), text: format!("{}\n{body}", section.title), in_plans });
    }
    for item in &section.items {
        let title = item.title.as_deref().unwrap_or("");
        out.push(Passage {
            id: item.id.clone(),
            text: format!("{title}\n{}", item.text),
            in_plans: in_plans || vocab::is_plans_heading(title),
        });
    }
    for child in &section.sections {
        collect_passages(child, in_plans, out);
    }
}

/// Every item under `section`, with the title of the section that holds it.
fn visit_items(section: &mut SectionFile, f: &mut impl FnMut(&str, &mut ItemFile)) {
    for item in &mut section.items {
        f(&section.title, item);
    }
    for child in &mut section.sections {
        visit_items(child, f);
    }
}

/// What an indicator asks: its name, its criteria (with their explanation) and the name of the
/// group it is in (empty for none).
#[derive(Debug, Clone, Copy, Default)]
pub struct Ask<'a> {
    pub name: &'a str,
    pub criteria: &'a str,
    pub group: &'a str,
}

/// Where a term of a query comes from: the indicator's name, its criteria or its group's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Name = 0,
    Criteria = 1,
    Group = 2,
}

/// What a term of each source weighs.
const WEIGHTS: [f64; 3] = [NAME_WEIGHT, 1.0, GROUP_WEIGHT];

/// One term of a query: the indicator's word and the words that answer it, each with how much
/// an occurrence counts, and what the term weighs.
#[derive(Debug, Clone, PartialEq)]
struct Slot {
    forms: Vec<(String, f64)>,
    /// The weights of every source the term is in, summed.
    weight: f64,
    /// Whether the term is the indicator's own (its name's or its criteria's), not only its
    /// group's.
    own: bool,
}

/// An indicator's query: its terms, and whether it is about a rate or a quantity.
#[derive(Debug, Clone, Default)]
struct Query {
    slots: Vec<Slot>,
    rate: bool,
    quantity: bool,
}

impl Query {
    fn of(ask: &Ask) -> Query {
        // Each term with the sources it is in: a term the rubric says twice (in the group's name
        // and the criteria: 满意 of 满意度) weighs as both.
        let mut sources: BTreeMap<String, [bool; 3]> = BTreeMap::new();
        let mut add = |terms: Vec<String>, source: Source| {
            for t in terms {
                sources.entry(t).or_default()[source as usize] = true;
            }
        };
        add(query_terms(ask.name), Source::Name);
        add(query_terms(&strip_boilerplate(ask.criteria)), Source::Criteria);
        add(query_terms(ask.group), Source::Group);
        let slots = sources
            .into_iter()
            .map(|(term, from)| {
                let mut forms = vec![(term.clone(), 1.0)];
                forms.extend(vocab::answers(&term).into_iter().map(|w| (w.to_string(), SYNONYM)));
                let weight = (0..3).filter(|&k| from[k]).map(|k| WEIGHTS[k]).sum();
                let own = from[Source::Name as usize] || from[Source::Criteria as usize];
                Slot { forms, weight, own }
            })
            .collect();
        let name = simplified(ask.name);
        let rate = vocab::RATE_WORDS.iter().any(|w| name.contains(w)) || has_percent(ask.criteria);
        let quantity = vocab::QUANTITY_WORDS.iter().any(|w| name.contains(w));
        Query { slots, rate, quantity }
    }
}

/// The passages' terms: for each term, the passages holding it and how often (postings, so an
/// indicator's score only visits the passages that share a term with it), and what each
/// passage states (percentages, figures) and where it is (in a chapter of plans or not).
pub struct Corpus {
    postings: BTreeMap<String, Vec<(usize, f64)>>,
    /// Each passage's length in terms.
    lens: Vec<f64>,
    avg_len: f64,
    /// Each passage: (states a percentage, states figures, is in a chapter of plans).
    facts: Vec<(bool, bool, bool)>,
}

impl Corpus {
    /// The corpus of `passages`, in order (a ranking names passages by their index here), none
    /// of them in a chapter of plans.
    pub fn new<'a>(passages: impl IntoIterator<Item = &'a str>) -> Corpus {
        Corpus::from_passages(passages.into_iter().map(|p| (p, false)))
    }

    /// The corpus of `passages`, each with whether it is in a chapter of recommendations or plans.
    pub fn from_passages<'a>(passages: impl IntoIterator<Item = (&'a str, bool)>) -> Corpus {
        let mut postings: BTreeMap<String, Vec<(usize, f64)>> = BTreeMap::new();
        let mut lens = Vec::new();
        let mut facts = Vec::new();
        for (index, (text, in_plans)) in passages.into_iter().enumerate() {
            let mut tf: BTreeMap<String, f64> = BTreeMap::new();
            let terms = terms(text);
            lens.push(terms.len() as f64);
            facts.push((has_percent(text), has_figure(text), in_plans));
            for t in terms {
                *tf.entry(t).or_default() += 1.0;
            }
            for (t, n) in tf {
                postings.entry(t).or_default().push((index, n));
            }
        }
        let total: f64 = lens.iter().sum();
        let avg_len = if lens.is_empty() { 1.0 } else { (total / lens.len() as f64).max(1.0) };
        Corpus { postings, lens, avg_len, facts }
    }

    /// The number of passages.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// A slot's occurrences: for each passage holding the word or an answer, the occurrences
    /// weighed by what each form counts, and which forms it holds.
    fn slot_postings<'q>(&self, slot: &'q Slot) -> BTreeMap<usize, (f64, Vec<&'q str>)> {
        let mut out: BTreeMap<usize, (f64, Vec<&'q str>)> = BTreeMap::new();
        for (form, counts) in &slot.forms {
            for &(index, tf) in self.postings.get(form).into_iter().flatten() {
                let entry = out.entry(index).or_default();
                entry.0 += counts * tf;
                entry.1.push(form);
            }
        }
        out
    }

    /// BM25's inverse document frequency of a term held by `df` passages (never negative;
    /// highest for a term no passage has).
    fn idf(&self, df: usize) -> f64 {
        let n = self.lens.len() as f64;
        let df = df as f64;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Every passage's score for the indicator, with its share of the best possible score, by
    /// passage index.
    pub fn scores(&self, ask: &Ask) -> Vec<Score> {
        self.scores_of(&Query::of(ask))
    }

    fn scores_of(&self, query: &Query) -> Vec<Score> {
        let mut scores: Vec<Score> = (0..self.lens.len())
            .map(|index| Score { index, score: 0.0, share: 0.0, held: 0, held_own: 0 })
            .collect();
        // The words each passage holds (a word answering two terms is held once).
        let mut held: BTreeMap<usize, std::collections::BTreeSet<&str>> = BTreeMap::new();
        let mut held_own: BTreeMap<usize, std::collections::BTreeSet<&str>> = BTreeMap::new();
        let mut ideal = 0.0;
        for slot in &query.slots {
            let postings = self.slot_postings(slot);
            let idf = self.idf(postings.len());
            ideal += slot.weight * idf * (K1 + 1.0);
            for (&index, (tf, forms)) in &postings {
                let norm = K1 * (1.0 - B + B * self.lens[index] / self.avg_len);
                scores[index].score += slot.weight * idf * tf * (K1 + 1.0) / (tf + norm);
                held.entry(index).or_default().extend(forms.iter().copied());
                if slot.own {
                    held_own.entry(index).or_default().extend(forms.iter().copied());
                }
            }
        }
        for (index, words) in held {
            scores[index].held = words.len();
        }
        for (index, words) in held_own {
            scores[index].held_own = words.len();
        }
        if ideal > 0.0 {
            for s in &mut scores {
                s.share = s.score / ideal;
            }
        }
        scores
    }

    /// How a passage ranks for a query: its score, raised when it states what the indicator
    /// measures (a percentage for a rate, figures for a rate or a quantity).
    fn rank_score(&self, query: &Query, s: &Score) -> f64 {
        let (percent, figure, _) = self.facts[s.index];
        let mut bonus = 1.0;
        if query.rate && percent {
            bonus += PERCENT_BONUS;
        }
        if (query.rate || query.quantity) && figure {
            bonus += FIGURE_BONUS;
        }
        if query.rate && !figure {
            bonus -= RATE_WITHOUT_FIGURES;
        }
        s.share * bonus
    }

    /// The passages to link to an indicator known by its name and criteria, best first (module
    /// doc), each with its ranking score.
    pub fn rank(&self, name: &str, criteria: &str) -> Vec<(usize, f64)> {
        self.rank_ask(&Ask { name, criteria, group: "" })
    }

    /// The passages to link to the indicator, best first: at most [`MAX_LINKS`], each passing
    /// the thresholds (module doc), passages in chapters of plans only when no other passage
    /// does; empty when none does. Each with its ranking score.
    pub fn rank_ask(&self, ask: &Ask) -> Vec<(usize, f64)> {
        let query = Query::of(ask);
        // The group's name is context: the words a passage shares with the indicator are its
        // own (all of them, when it has fewer than MIN_TERMS: 相关性 alone).
        let own_needed = MIN_TERMS.min(query.slots.iter().filter(|s| s.own).count());
        let qualifying: Vec<(usize, f64, bool)> = self
            .scores_of(&query)
            .into_iter()
            .filter(|s| s.held >= MIN_TERMS && s.held_own >= own_needed)
            .map(|s| (s.index, self.rank_score(&query, &s), self.facts[s.index].2))
            .filter(|&(_, rank, plans)| rank >= if plans { MIN_PLANS_SHARE } else { MIN_SHARE })
            .collect();
        let done = qualifying.iter().any(|&(_, _, plans)| !plans);
        let mut chosen: Vec<(usize, f64)> = qualifying
            .into_iter()
            .filter(|&(_, _, plans)| !plans || !done)
            .map(|(index, score, _)| (index, score))
            .collect();
        chosen.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let best = chosen.first().map_or(0.0, |s| s.1);
        chosen.into_iter().take_while(|s| s.1 >= MIN_OF_BEST * best).take(MAX_LINKS).collect()
    }
}

/// One passage's score for one indicator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub index: usize,
    /// BM25, every term alike.
    pub score: f64,
    /// `score` over what a passage holding every term once would score.
    pub share: f64,
    /// How many of the words that speak to the indicator — its terms and their answers — the
    /// passage holds (支出 and 进度 for 执行率 are two).
    pub held: usize,
    /// How many of those words are the indicator's own (its name's or its criteria's terms and
    /// their answers), not its group's.
    pub held_own: usize,
}

/// `criteria` with its boilerplate phrases cut out (each becomes a break).
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

/// Whether `text` states a percentage (`98.93%`, `100％`, `百分之九十`).
fn has_percent(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    text.contains("百分之")
        || chars
            .windows(2)
            .any(|w| (w[0].is_ascii_digit() || is_fullwidth_digit(w[0])) && matches!(w[1], '%' | '％'))
}

/// Whether `text` states a figure: a number followed by a unit (`803.74 万元`, `136个`, `5420条`)
/// or a percentage. Years and dates (`2022年`, `3月`) are not figures.
fn has_figure(text: &str) -> bool {
    const UNITS: &[char] = &[
        '万', '亿', '元', '个', '人', '件', '次', '条', '项', '家', '户', '亩', '台', '辆', '场', '篇', '座',
        '所', '名', '批', '%', '％',
    ];
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        (c.is_ascii_digit() || is_fullwidth_digit(c))
            && chars[i + 1..].iter().find(|c| **c != ' ').is_some_and(|u| UNITS.contains(u))
    })
}

fn is_fullwidth_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// The terms of an indicator's `text`: as [`terms`], with an ending that only says "the degree
/// of" cut from the end of each run of characters (合理性 → 合理, 征收情况 → 征收), when a word
/// of at least two characters is left.
fn query_terms(text: &str) -> Vec<String> {
    let mut stemmed = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let cut = vocab::DEGREE_ENDINGS
            .iter()
            .find(|e| run.ends_with(*e) && run.chars().count() >= e.chars().count() + 2)
            .map_or(run.as_str(), |e| &run[..run.len() - e.len()]);
        out.push_str(cut);
        run.clear();
    };
    for c in simplified(text).chars() {
        if is_cjk(c) && !BREAKS.contains(&c) {
            run.push(c);
        } else {
            flush(&mut run, &mut stemmed);
            stemmed.push(c);
        }
    }
    flush(&mut run, &mut stemmed);
    terms(&stemmed)
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

    /// The last three are under 四、提高财政资金绩效的措施与建议 in the report.
    fn corpus() -> Corpus {
        Corpus::from_passages(PASSAGES.iter().enumerate().map(|(i, p)| (*p, i >= 5)))
    }

    fn first(name: &str, criteria: &str) -> Option<usize> {
        corpus().rank(name, criteria).first().map(|&(i, _)| i)
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
        let corpus = corpus();
        let a = corpus.rank("政务服务", "政务服务大厅窗口");
        assert_eq!(a, corpus.rank("政务服务", "政务服务大厅窗口"));
        assert!(a.len() <= MAX_LINKS);
        assert!(a.windows(2).all(|w| w[0].1 >= w[1].1), "best first: {a:?}");
        assert!(Corpus::new([]).rank("网络安全", "").is_empty());
        assert!(corpus.rank("", "").is_empty());
    }

    #[test]
    fn an_indicator_is_read_by_its_stems() {
        assert_eq!(query_terms("合理性"), ["合理"]);
        assert_eq!(query_terms("征收情况"), ["征收"]);
        assert_eq!(query_terms("预算执行率"), ["预算", "算执", "执行"]);
        // Only the end of a run, and only when a word is left.
        assert_eq!(query_terms("年度"), ["年度"]);
        assert_eq!(query_terms("满意度、执行率"), ["满意", "执行"]);
        // A report's own words are never cut.
        assert_eq!(terms("满意度"), ["满意", "意度"]);
    }

    /// A report's passages on satisfaction, rules, spending and the next year's plans, among
    /// others on its work.
    const MEANING: &[(&str, bool)] = &[
        ("热线办理\n群众满意率98.93%，按时办结率99%。", false),
        ("群众意见\n听取群众意见，回应群众关切。", false),
        ("财务工作\n修订了财务报销、公务接待、资产管理等8项制度，严格执行。", false),
        ("资金支出\n全年支出803.74万元，支出进度符合序时要求。", false),
        ("加强制度建设\n下一年度要健全内部管理制度，加快支出进度。", true),
        ("窗口服务\n推行延时服务、预约服务，设置综合窗口。", false),
        ("网络安全\n落实网络安全责任，处置网络攻击。", false),
        ("政务公开\n更新政府网站栏目，发布政务信息。", false),
        ("疫情防控\n落实疫情防控措施，开展核酸检测。", false),
    ];

    /// The passage that scores best for an indicator, and how many of its words it holds.
    fn best(passages: &[(&str, bool)], ask: Ask) -> (usize, usize) {
        let scores = Corpus::from_passages(passages.iter().copied()).scores(&ask);
        let top =
            scores.iter().max_by(|a, b| a.share.total_cmp(&b.share).then(b.index.cmp(&a.index))).unwrap();
        (top.index, top.held)
    }

    #[test]
    fn words_are_answered_by_the_words_reports_use() {
        // 满意度 ↔ 满意率, 公众 ↔ 群众.
        let ask =
            Ask { name: "社会公众", criteria: "社会公众对部门的满意度", group: "满意度" };
        assert_eq!(best(MEANING, ask).0, 0);
        // 健全性 ↔ the rules themselves.
        let ask = Ask { name: "管理制度健全性", criteria: "", group: "预算管理" };
        assert_eq!(best(&MEANING[..4], ask).0, 2);
        // 执行率 ↔ 支出, 进度: two words of it.
        let ask = Ask { name: "预算执行率", criteria: "", group: "" };
        assert_eq!(best(MEANING, ask), (3, 2));
        // None of them says the indicator's own word.
        assert!(
            !MEANING[0].0.contains("公众")
                && !MEANING[2].0.contains("健全")
                && !MEANING[3].0.contains("执行")
        );
    }

    #[test]
    fn a_rate_prefers_a_passage_stating_a_percentage() {
        let passages =
            [("办结情况\n按时办结率为99%", false), ("办结情况\n热线工单按时办结，群众认可", false)];
        let corpus = Corpus::from_passages(passages.iter().copied());
        let ask = Ask { name: "按时办结率", criteria: "", group: "" };
        let query = Query::of(&ask);
        assert!(query.rate);
        let scores = corpus.scores(&ask);
        let rank = |i: usize| corpus.rank_score(&query, &scores[i]) / scores[i].share;
        assert!((rank(0) - (1.0 + PERCENT_BONUS + FIGURE_BONUS)).abs() < 1e-9);
        assert!((rank(1) - (1.0 - RATE_WITHOUT_FIGURES)).abs() < 1e-9);
        assert_eq!(corpus.rank_ask(&ask).first().map(|r| r.0), Some(0));
        // Not a rate: no percentage is preferred.
        assert!(!Query::of(&Ask { name: "办结情况", criteria: "", group: "" }).rate);
    }

    #[test]
    fn plans_are_evidence_of_last_resort() {
        let corpus = Corpus::from_passages(MEANING.iter().copied());
        let ask = Ask { name: "管理制度健全", criteria: "", group: "" };
        // The plan matches the name best…
        let scores = corpus.scores(&ask);
        assert!(scores[4].share > scores[2].share, "{scores:?}");
        // …but the rules made come first, and the plan is not linked beside them.
        let ranked = corpus.rank_ask(&ask);
        assert_eq!(ranked.first().map(|r| r.0), Some(2), "{ranked:?}");
        assert!(ranked.iter().all(|&(i, _)| !MEANING[i].1), "{ranked:?}");
        // A plan is linked when nothing else speaks to the indicator…
        let without: Vec<(&str, bool)> = MEANING.iter().copied().filter(|p| !p.0.contains("修订")).collect();
        let ranked = Corpus::from_passages(without.iter().copied()).rank_ask(&ask);
        assert!(ranked.first().is_some_and(|&(i, _)| without[i].1), "{ranked:?}");
        // …and only when it clearly does.
        let weak = Ask { name: "资产管理", criteria: "", group: "" };
        assert!(Corpus::from_passages(without.iter().copied()).rank_ask(&weak).is_empty());
    }

    #[test]
    fn boilerplate_is_cut_from_criteria() {
        let t = terms(&strip_boilerplate("相符得5分，不相符的酌情扣分"));
        assert_eq!(t, ["相符", "不相", "相符"]);
    }
}
