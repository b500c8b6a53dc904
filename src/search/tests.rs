use std::cell::Cell;

use serde_json::{Value, json};

use super::*;
use crate::report::parse_report;
use crate::text::width;

const SHAODONG: &[u8] = include_bytes!("../../fixtures/shaodong-2022.json");
const ENGLISH: &[u8] = include_bytes!("../../fixtures/english-sample.json");

fn fixture(bytes: &[u8]) -> Report {
    parse_report(bytes).expect("fixture parses")
}

/// A report with the given sections (JSON array).
fn report(sections: Value) -> Report {
    let doc = json!({ "id": "r", "title": "T", "sections": sections });
    match parse_report(serde_json::to_vec(&doc).unwrap()) {
        Ok(r) => r,
        Err(p) => panic!("bad test report: {p:#?}"),
    }
}

/// One section `s` holding items with these texts (ids `i0`, `i1`…).
fn items(texts: &[&str]) -> Report {
    let items: Vec<Value> =
        texts.iter().enumerate().map(|(i, t)| json!({ "id": format!("i{i}"), "text": t })).collect();
    report(json!([{ "id": "s", "title": "Section", "items": items }]))
}

fn find_with(r: &Report, notes: &[(ItemIx, String)], q: &str, within: Option<&[Node]>) -> Vec<Hit> {
    let index = Index::new(r);
    search(r, &index, notes, &Query::parse(q), within, &|| false).expect("not cancelled")
}

fn find(r: &Report, q: &str) -> Vec<Hit> {
    find_with(r, &[], q, None)
}

fn nodes(hits: &[Hit]) -> Vec<Node> {
    hits.iter().map(|h| h.node).collect()
}

fn item_with(r: &Report, text: &str) -> Node {
    Node::Item(r.items.iter().position(|i| i.text.contains(text)).expect("fixture has the text"))
}

/// Scores are sorted best first, ties in outline order.
fn assert_ranked(r: &Report, hits: &[Hit]) {
    let outline = r.outline();
    let pos = |n: Node| outline.iter().position(|&o| o == n).unwrap();
    for w in hits.windows(2) {
        assert!(
            w[0].score > w[1].score || (w[0].score == w[1].score && pos(w[0].node) < pos(w[1].node)),
            "{:?} before {:?}",
            w[0],
            w[1]
        );
    }
}

#[test]
fn chinese_term_finds_the_item() {
    let r = fixture(SHAODONG);
    let target = item_with(&r, "群众满意率98.93%");
    let hits = find(&r, "满意率");
    assert!(nodes(&hits).contains(&target));
    assert_ranked(&r, &hits);
    // The contiguous occurrence ranks above items where the chars are only scattered.
    let exact: Vec<Node> = r
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            [Some(i.text.as_str()), i.title.as_deref(), i.criteria.as_deref()]
                .iter()
                .flatten()
                .any(|t| t.contains("满意率"))
        })
        .map(|(k, _)| Node::Item(k))
        .collect();
    let rank = |n: Node| nodes(&hits).iter().position(|&h| h == n).unwrap();
    for n in nodes(&hits).into_iter().filter(|n| matches!(n, Node::Item(_)) && !exact.contains(n)) {
        assert!(exact.iter().all(|&e| rank(e) < rank(n)), "scattered {n:?} above an exact hit");
    }
}

#[test]
fn english_term_finds_items() {
    let r = fixture(ENGLISH);
    let hits = find(&r, "budget");
    assert!(!hits.is_empty());
    assert_ranked(&r, &hits);
    let top = &hits[0];
    let text = match top.node {
        Node::Item(i) => {
            let it = &r.items[i];
            format!(
                "{} {} {}",
                it.title.as_deref().unwrap_or(""),
                it.text,
                it.criteria.as_deref().unwrap_or("")
            )
        }
        Node::Section(s) => {
            format!("{} {}", r.sections[s].title, r.sections[s].body.as_deref().unwrap_or(""))
        }
    };
    assert!(text.to_lowercase().contains("budget"), "top hit {top:?} lacks the word");
    assert!(find(&r, "qqqzzz").is_empty());
}

#[test]
fn terms_match_in_any_order_and_all_are_required() {
    let r = fixture(SHAODONG);
    let a = find(&r, "热线 满意");
    let b = find(&r, "满意　热线"); // U+3000 between
    assert!(!a.is_empty());
    let mut na = nodes(&a);
    let mut nb = nodes(&b);
    na.sort_by_key(|n| format!("{n:?}"));
    nb.sort_by_key(|n| format!("{n:?}"));
    assert_eq!(na, nb);
    assert!(find(&r, "热线 满意 xyzzy").is_empty());
    assert!(find(&r, "满意率 鳄鱼").is_empty());

    let r = items(&["alpha beta", "alpha only", "beta only"]);
    assert_eq!(nodes(&find(&r, "beta alpha")), vec![Node::Item(0)]);
    assert_eq!(nodes(&find(&r, "alpha beta")), vec![Node::Item(0)]);
}

#[test]
fn different_terms_may_match_different_fields() {
    let r = report(json!([{ "id": "s", "title": "S", "items": [
        { "id": "a", "title": "Budget review", "text": "spending was on target", "criteria": "auditor sign-off" },
        { "id": "b", "text": "budget only" }
    ]}]));
    assert_eq!(nodes(&find(&r, "auditor budget")), vec![Node::Item(0)]);
    assert_eq!(nodes(&find(&r, "target auditor review")), vec![Node::Item(0)]);
}

#[test]
fn smart_case() {
    let r = items(&["The Budget was approved", "the budget was late", "BUDGET lines"]);
    assert_eq!(nodes(&find(&r, "Budget")), vec![Node::Item(0)]);
    let mut lower = nodes(&find(&r, "budget"));
    lower.sort_by_key(|n| format!("{n:?}"));
    assert_eq!(lower, vec![Node::Item(0), Node::Item(1), Node::Item(2)]);
    assert_eq!(nodes(&find(&r, "BUDGET")), vec![Node::Item(2)]);
    // The exact case ranks first among case-insensitive hits of equal shape.
    assert_eq!(find(&r, "budget")[0].node, Node::Item(1));
}

#[test]
fn non_ascii_case_folds() {
    let r = items(&["ÉTÉ chaud", "Ωmega", "zzz"]);
    assert_eq!(nodes(&find(&r, "été")), vec![Node::Item(0)]);
    assert_eq!(nodes(&find(&r, "ωmega")), vec![Node::Item(1)]);
    assert_eq!(nodes(&find(&r, "Été")), Vec::<Node>::new());
}

#[test]
fn traditional_query_and_traditional_text() {
    let r = fixture(SHAODONG);
    let target = item_with(&r, "群众满意率98.93%");
    assert!(nodes(&find(&r, "滿意率")).contains(&target));
    assert!(!find(&r, "績效").is_empty());

    let r = items(&["推行網上辦事，績效明顯", "网办 绩效", "无关"]);
    let mut got = nodes(&find(&r, "网上办事"));
    assert_eq!(got, vec![Node::Item(0)]);
    got = nodes(&find(&r, "網辦"));
    assert!(got.contains(&Node::Item(1)) && got.contains(&Node::Item(0)), "{got:?}");
    let mut both = nodes(&find(&r, "绩效"));
    both.sort_by_key(|n| format!("{n:?}"));
    assert_eq!(both, vec![Node::Item(0), Node::Item(1)]);
}

#[test]
fn full_width_query_and_text() {
    let r = fixture(SHAODONG);
    let hotline = r.find("s2.2").unwrap(); // its body has 12345政务服务便民热线
    assert!(nodes(&find(&r, "１２３４５")).contains(&hotline));
    assert!(nodes(&find(&r, "１２３４５")).contains(&item_with(&r, "一号对外")));
    let app = item_with(&r, "手机APP");
    assert!(nodes(&find(&r, "ＡＰＰ")).contains(&app));

    let r = items(&["使用ＡＰＰ办理，热线１２３４５", "plain"]);
    assert_eq!(nodes(&find(&r, "APP")), vec![Node::Item(0)]);
    assert_eq!(nodes(&find(&r, "app")), vec![Node::Item(0)]);
    assert_eq!(nodes(&find(&r, "12345")), vec![Node::Item(0)]);
    assert_eq!(nodes(&find(&r, "办理,热线")), vec![Node::Item(0)]);
}

#[test]
fn section_body_hit_is_the_section() {
    let r = report(json!([
        { "id": "s1", "title": "Overview", "body": "The library runs three branches.", "items": [
            { "id": "i1", "text": "Visitors counted" } ] },
        { "id": "s2", "title": "Other", "items": [ { "id": "i2", "text": "nothing here" } ] }
    ]));
    let hits = find(&r, "branches");
    assert_eq!(nodes(&hits), vec![Node::Section(0)]);
    assert_eq!(hits[0].field, Field::Body);
    let hits = find(&r, "Other");
    assert_eq!(nodes(&hits), vec![Node::Section(1)]);
    assert_eq!(hits[0].field, Field::Title);

    let r = fixture(SHAODONG);
    let body_only = find(&r, "职能转变");
    assert!(nodes(&body_only).contains(&Node::Section(0)), "{body_only:?}");
}

#[test]
fn notes_are_searched() {
    let r = items(&["first item", "second item", "third item"]);
    let notes = vec![(1, "needs evidence from the auditor".to_string()), (2, String::new())];
    let hits = find_with(&r, &notes, "auditor", None);
    assert_eq!(nodes(&hits), vec![Node::Item(1)]);
    assert_eq!(hits[0].field, Field::Note);
    // A note term and a text term together.
    assert_eq!(nodes(&find_with(&r, &notes, "second evidence", None)), vec![Node::Item(1)]);
    assert!(find_with(&r, &[], "auditor", None).is_empty());
}

#[test]
fn title_hits_rank_above_body_hits_and_ties_keep_report_order() {
    let r = report(json!([{ "id": "s", "title": "S", "items": [
        { "id": "a", "text": "the outreach programme ran", "title": "Visits" },
        { "id": "b", "text": "visits were counted", "title": "Outreach" },
        { "id": "c", "text": "outreach again" },
        { "id": "d", "text": "outreach again" }
    ]}]));
    let hits = find(&r, "outreach");
    assert_eq!(hits[0].node, Node::Item(1));
    assert_eq!(hits[0].field, Field::Title);
    assert_eq!(hits[1].field, Field::Text);
    assert_ranked(&r, &hits);
    let c = hits.iter().position(|h| h.node == Node::Item(2)).unwrap();
    let d = hits.iter().position(|h| h.node == Node::Item(3)).unwrap();
    assert_eq!(hits[c].score, hits[d].score);
    assert!(c < d);

    // A section ties before its own items.
    let r = report(
        json!([{ "id": "s", "title": "Budget", "items": [ { "id": "a", "text": "x", "title": "Budget" } ]}]),
    );
    assert_eq!(nodes(&find(&r, "budget")), vec![Node::Section(0), Node::Item(0)]);
}

#[test]
fn narrows() {
    let q = Query::parse;
    assert!(q("满意率").narrows(&q("满意")));
    assert!(q("满意率").narrows(&q("满")));
    assert!(q("budget").narrows(&q("bud")));
    assert!(q("budget").narrows(&q("bdt")));
    assert!(q("bud x").narrows(&q("bud")));
    assert!(q("x bud").narrows(&q("bud")));
    assert!(q("budget lines").narrows(&q("bud lin")));
    assert!(q("Budget").narrows(&q("bud")));
    assert!(q("Budget").narrows(&q("Bud")));
    assert!(q("滿意").narrows(&q("满")));
    assert!(!q("bud").narrows(&q("budget")));
    assert!(!q("budget").narrows(&q("Bud")));
    assert!(!q("bud").narrows(&q("bud x")));
    assert!(!q("abc").narrows(&q("acb")));
    assert!(!q("").narrows(&q("a")));
    assert!(!q("a").narrows(&q("")));
    assert!(q("  ").is_empty());
    assert!(!q("x").is_empty());
}

#[test]
fn narrowed_search_equals_full_search() {
    let r = fixture(SHAODONG);
    let index = Index::new(&r);
    let notes = vec![(3, "备注：满意度调查".to_string())];
    let typed = ["政", "政务", "政务服", "政务服务", "政务服务 热", "政务服务 热线"];
    let mut previous: Option<(Query, Vec<Node>)> = None;
    for text in typed {
        let query = Query::parse(text);
        let full = search(&r, &index, &notes, &query, None, &|| false).unwrap();
        if let Some((pq, pn)) = &previous {
            assert!(query.narrows(pq));
            let narrowed = search(&r, &index, &notes, &query, Some(pn), &|| false).unwrap();
            assert_eq!(narrowed, full, "{text}");
        }
        previous = Some((query, nodes(&full)));
    }
}

#[test]
fn within_restricts_the_search() {
    let r = items(&["budget one", "budget two", "budget three"]);
    let only = [Node::Item(2), Node::Item(0), Node::Item(2), Node::Item(99)];
    assert_eq!(nodes(&find_with(&r, &[], "budget", Some(&only))), vec![Node::Item(0), Node::Item(2)]);
    assert!(find_with(&r, &[], "budget", Some(&[])).is_empty());
}

#[test]
fn cancellation_returns_none() {
    let r = fixture(SHAODONG);
    let index = Index::new(&r);
    let query = Query::parse("的");
    assert!(search(&r, &index, &[], &query, None, &|| true).is_none());
    let asked = Cell::new(0);
    let hits = search(&r, &index, &[], &query, None, &|| {
        asked.set(asked.get() + 1);
        false
    });
    assert!(hits.is_some_and(|h| !h.is_empty()));
    assert!(asked.get() >= 1);
}

#[test]
fn empty_query_has_no_hits() {
    let r = fixture(ENGLISH);
    assert_eq!(find(&r, ""), Vec::new());
    assert_eq!(find(&r, "  \u{3000} "), Vec::new());
}

#[test]
fn match_positions_are_char_indices() {
    let q = Query::parse;
    assert_eq!(match_positions("群众满意率98.93%", &q("满意率")), vec![2, 3, 4]);
    assert_eq!(match_positions("群眾滿意率", &q("满意率")), vec![2, 3, 4]);
    assert_eq!(match_positions("使用ＡＰＰ办理", &q("app")), vec![2, 3, 4]);
    assert_eq!(match_positions("The Budget", &q("budget")), vec![4, 5, 6, 7, 8, 9]);
    assert_eq!(match_positions("The Budget", &q("Bud the")), vec![0, 1, 2, 4, 5, 6]);
    assert_eq!(match_positions("The Budget", &q("Bud zzz")), vec![4, 5, 6]);
    assert_eq!(match_positions("The Budget", &q("zzz")), Vec::<usize>::new());
    assert_eq!(match_positions("The Budget", &q("")), Vec::<usize>::new());
    assert_eq!(match_positions("热线12345，满意", &q("热线 满意")), vec![0, 1, 8, 9]);
}

#[test]
fn snippet_windows() {
    // Short text: all of it, positions unchanged.
    assert_eq!(snippet("群众满意率", &[2, 3, 4], 40), ("群众满意率".to_string(), vec![2, 3, 4]));
    // Newlines and tabs become spaces; controls are made visible, one char each.
    assert_eq!(snippet("a\nb\tc\x1b", &[2], 40), ("a b c␛".to_string(), vec![2]));

    let text = "一二三四五六七八九十一二三四五六七八九十满意率一二三四五六七八九十一二三四五六七八九十";
    let pos = [20, 21, 22];
    for w in [1, 2, 3, 4, 5, 8, 11, 12, 20, 31, 200] {
        let (s, p) = snippet(text, &pos, w);
        assert!(width(&s) <= w, "width {w}: {s:?} is {}", width(&s));
        let shown: String = p.iter().map(|&i| s.chars().nth(i).unwrap()).collect();
        assert!("满意率".starts_with(&shown), "width {w}: {s:?} {p:?}");
        if (12..92).contains(&w) {
            assert_eq!(p.len(), 3, "width {w}: {s:?}");
            assert!(s.starts_with('…') && s.ends_with('…'), "{s:?}");
        }
    }
    let (s, p) = snippet(text, &pos, 20);
    assert_eq!(width(&s), 20);
    assert_eq!(p.iter().map(|&i| s.chars().nth(i).unwrap()).collect::<String>(), "满意率");

    // Near the end: filled from the left, no trailing mark.
    let (s, p) = snippet("abcdefghijklmnopqrstuvwxyz", &[25], 10);
    assert_eq!(s, "…rstuvwxyz");
    assert_eq!(p, vec![9]);
    // No positions: the start.
    assert_eq!(snippet("abcdefghijklmnopqrstuvwxyz", &[], 10).0, "abcdefghi…");
    assert_eq!(snippet("abc", &[], 0), (String::new(), Vec::new()));
    assert_eq!(snippet("", &[3], 10), (String::new(), Vec::new()));
}

#[test]
fn hostile_text_does_not_panic() {
    let nasty = "\x1b[31mred\x1b[0m\u{0}\u{7}\r\n\t\u{202e}evil\u{200f} ＡＢＣ\u{fffd}e\u{301}👨‍👩‍👧İK\u{ff9e}";
    let r = report(json!([{ "id": "s", "title": nasty, "body": nasty, "items": [
        { "id": "i", "text": nasty, "title": nasty, "criteria": nasty },
        { "id": "j", "text": "" }
    ]}]));
    let notes = vec![(0, nasty.to_string()), (1, "\u{0}".to_string())];
    for q in
        ["red", "\x1b[", "\u{0}", "evil", "abc", "k", "İ", "e\u{301}", "👨", "\u{ff9e}", nasty, "[ ] ( ) \\"]
    {
        let query = Query::parse(q);
        let hits = find_with(&r, &notes, q, None);
        for h in &hits {
            assert!(matches!(h.node, Node::Item(_) | Node::Section(_)));
        }
        let positions = match_positions(nasty, &query);
        let n = nasty.chars().count();
        assert!(positions.iter().all(|&p| p < n));
        for w in [0, 1, 2, 3, 7, 40] {
            let (s, p) = snippet(nasty, &positions, w);
            assert!(width(&s) <= w);
            assert!(p.iter().all(|&i| i < s.chars().count()));
            assert!(!s.contains(['\x1b', '\n', '\r', '\t', '\u{202e}']));
        }
    }
    let long = "长".repeat(200_000);
    let r = items(&[&long]);
    assert_eq!(find(&r, "长长长").len(), 1);
    assert_eq!(match_positions(&long, &Query::parse("长长")).len(), 2);
}

/// For one-char terms the memoised per-occurrence score is the matcher's score on the whole
/// field, and a contiguous occurrence scores what the matcher gives it after its real
/// preceding char.
#[test]
fn memoised_scores_are_the_matchers() {
    let alphabet: Vec<char> = "aAbB zZ0/|-_,.:;!~()\u{0}中文，ａＡé".chars().collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let patterns = ["a", "A", "b", "z", "中", ",", "0", "/", "é", "ab", "aB", "a,", "中文", "za"];
    for _ in 0..3000 {
        let len = 1 + next(12);
        let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
        for pat in patterns {
            let term = &Query::parse(pat).terms[0];
            let changes = Bloom::of_text(&text).1;
            let hay = Hay::new(&text, changes, term);
            let Some(first_end) = term.first_end(hay) else { continue };
            let mut scorer = Scorer::new(std::slice::from_ref(term), 1);
            // Less the tier a contiguous occurrence is put in.
            let got = scorer
                .score(hay, 0, term, 0, first_end)
                .map(|g| if g >= CONTIGUOUS_BONUS { g - CONTIGUOUS_BONUS } else { g });
            let form: String = text.chars().map(|c| norm::form(c, term.case_sensitive)).collect();
            if term.chars.len() == 1 {
                let want = score::matcher(term.case_sensitive, false).fuzzy(&form, &term.pattern, false);
                assert_eq!(got, want.map(|w| w.0), "{text:?} {pat:?}");
            } else {
                // The best contiguous occurrence, each scored after its real preceding char
                // (checked where that char cannot start the term, so the matcher has no other
                // alignment to prefer).
                let fc: Vec<char> = form.chars().collect();
                let p = term.chars.len();
                let mut want = None;
                let mut all_checked = true;
                for s in 0..fc.len().saturating_sub(p - 1) {
                    if !(s..s + p).all(|k| term.eq(fc[k], k - s)) {
                        continue;
                    }
                    if s > 0 && term.eq(fc[s - 1], 0) {
                        all_checked = false;
                        continue;
                    }
                    let window: String = fc[s.saturating_sub(1)..s + p].iter().collect();
                    let score =
                        score::matcher(term.case_sensitive, false).fuzzy(&window, &term.pattern, false);
                    want = want.max(score.map(|w| w.0));
                }
                if want.is_some() && all_checked {
                    assert_eq!(got, want, "{text:?} {pat:?}");
                } else {
                    assert!(got >= want, "{text:?} {pat:?}: {got:?} < {want:?}");
                }
            }
        }
    }
}

#[test]
fn big_reports_search_in_parallel_and_stay_deterministic() {
    let texts: Vec<String> = (0..25_000)
        .map(|i| format!("item {i} 政务服务 budget {}", if i % 7 == 0 { "满意率" } else { "其他" }))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let r = items(&refs);
    let index = Index::new(&r);
    let query = Query::parse("满意率");
    let a = search(&r, &index, &[], &query, None, &|| false).unwrap();
    let b = search(&r, &index, &[], &query, None, &|| false).unwrap();
    assert_eq!(a.len(), 25_000usize.div_ceil(7));
    assert_eq!(a, b);
    assert_ranked(&r, &a);
    let within = nodes(&a);
    assert_eq!(
        search(&r, &index, &[], &Query::parse("满意率 bud"), Some(&within), &|| false).unwrap().len(),
        a.len()
    );
    assert!(search(&r, &index, &[], &query, None, &|| true).is_none());
}

#[test]
fn types_cross_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Query>();
    send_sync::<Index>();
    send_sync::<Hit>();
}

#[test]
fn normalisation_is_one_char_per_char() {
    assert_eq!(norm::fold('Ａ'), 'a');
    assert_eq!(norm::fold('１'), '1');
    assert_eq!(norm::fold('，'), ',');
    assert_eq!(norm::norm('\u{3000}'), ' ');
    assert_eq!(norm::norm('滿'), '满');
    assert_eq!(norm::norm('網'), '网');
    assert_eq!(norm::norm('績'), '绩');
    assert_eq!(norm::norm('辦'), '办');
    assert_eq!(norm::norm('满'), '满');
    assert_eq!(norm::fold('\u{212a}'), 'k'); // Kelvin sign
    assert_eq!(norm::fold('İ'), 'İ'); // lowercases to two chars: kept
    assert_eq!(norm::fold('É'), 'é');
    assert_eq!(norm::form('É', true), 'É');
    assert_eq!(norm::form('A', false), 'A'); // ASCII case is left to the matcher
    // The ranges `lower_non_ascii` skips really have no case.
    for c in (0x2E80..0xA640).chain(0xAC00..0xD7A4).filter_map(char::from_u32) {
        assert!(c.to_lowercase().eq([c]), "{c:?}");
    }
    // Simplified text is left alone.
    let r = fixture(SHAODONG);
    for item in &r.items {
        let changed =
            item.text.chars().filter(|&c| norm::norm(c) != c && !('\u{ff01}'..='\u{ff5e}').contains(&c));
        assert_eq!(changed.count(), 0, "{}", item.text);
    }
}

// Contiguity, ids, operators.

/// Positions of `node` in `hits`.
fn rank_of(hits: &[Hit], node: Node) -> usize {
    hits.iter().position(|h| h.node == node).unwrap_or_else(|| panic!("{node:?} is not a hit"))
}

#[test]
fn chars_typed_together_rank_above_chars_scattered_cjk() {
    let r = fixture(SHAODONG);
    let hits = find(&r, "网办");
    let together = item_with(&r, "三是提高全程网办率");
    let scattered = item_with(&r, "二是加强网络安全管理工作");
    assert!(rank_of(&hits, together) < rank_of(&hits, scattered));
    assert_ranked(&r, &hits);

    // Text against text, with the scattered one first in the report.
    let r = items(&["与网信办对接", "推进全程网办"]);
    assert_eq!(nodes(&find(&r, "网办")), vec![Node::Item(1), Node::Item(0)]);
    // Every contiguous hit above every scattered one, a title bonus notwithstanding.
    let r = report(json!([{ "id": "s", "title": "S", "items": [
        { "id": "a", "title": "网信办", "text": "x" },
        { "id": "b", "text": "全程网办" }
    ]}]));
    assert_eq!(nodes(&find(&r, "网办")), vec![Node::Item(1), Node::Item(0)]);
}

#[test]
fn chars_typed_together_rank_above_chars_scattered_english() {
    let r = items(&["bread under dough", "a budget", "budgets"]);
    let hits = find(&r, "bud");
    assert_eq!(nodes(&hits), vec![Node::Item(2), Node::Item(1), Node::Item(0)]);
    let r = fixture(ENGLISH);
    let hits = find(&r, "read");
    assert_ranked(&r, &hits);
    // Every hit holding "read" comes before every hit that does not.
    let holds = |h: &Hit| match h.node {
        Node::Item(i) => {
            let it = &r.items[i];
            [it.title.as_deref(), Some(it.text.as_str()), it.criteria.as_deref()]
                .iter()
                .flatten()
                .any(|t| t.to_lowercase().contains("read"))
        }
        Node::Section(s) => {
            let sec = &r.sections[s];
            [Some(sec.title.as_str()), sec.body.as_deref()]
                .iter()
                .flatten()
                .any(|t| t.to_lowercase().contains("read"))
        }
    };
    let first_not = hits.iter().position(|h| !holds(h)).unwrap_or(hits.len());
    assert!(hits[first_not..].iter().all(|h| !holds(h)), "contiguous hits first");
}

#[test]
fn equal_hits_stay_in_report_order() {
    let r = items(&["全程网办", "b", "全程网办", "全程网办"]);
    let hits = find(&r, "网办");
    assert_eq!(nodes(&hits), vec![Node::Item(0), Node::Item(2), Node::Item(3)]);
    assert!(hits.windows(2).all(|w| w[0].score == w[1].score));
    let hits = find(&r, "'网办 !b");
    assert_eq!(nodes(&hits), vec![Node::Item(0), Node::Item(2), Node::Item(3)]);
}

#[test]
fn ids_are_searchable() {
    let r = fixture(SHAODONG);
    let want = r.find("s2.1.3").unwrap();
    let hits = find(&r, "s2.1.3");
    assert_eq!(hits[0].node, want);
    assert_eq!(hits[0].field, Field::Id);
    // A section's id: the section first, then what is under it.
    let section = r.find("s2.1").unwrap();
    let hits = find(&r, "s2.1");
    assert_eq!(hits[0].node, section);
    assert!(hits.iter().any(|h| h.node == want && h.field == Field::Id));
    assert!(!hits.iter().any(|h| h.node == r.find("s2.2").unwrap()));
    // With a text term too; and ids are not matched fuzzily.
    assert_eq!(find(&r, "s2.1.3 网办")[0].node, want);
    assert!(find(&r, "s213").iter().all(|h| h.field != Field::Id));
    let r = items(&["x", "y"]);
    let r2 = report(json!([{ "id": "r1", "title": "T", "items": [
        { "id": "r1.1", "text": "x" }, { "id": "r1.2", "text": "y" }, { "id": "r1.20", "text": "z" }
    ]}]));
    assert_eq!(nodes(&find(&r2, "r1.2")), vec![Node::Item(1)]);
    assert_eq!(nodes(&find(&r2, "R1.2")), Vec::<Node>::new()); // smart case: ids are lowercase
    assert_eq!(find(&r2, "r1").len(), 4);
    // An id that is in no text.
    assert_eq!(
        find(&r, "i1").iter().map(|h| (h.node, h.field)).collect::<Vec<_>>(),
        [(Node::Item(1), Field::Id)]
    );
}

#[test]
fn exact_operator() {
    let r = items(&["apple pie", "pineapple", "a p p l e", "grape"]);
    assert_eq!(nodes(&find(&r, "apple")), vec![Node::Item(0), Node::Item(1), Node::Item(2)]);
    assert_eq!(nodes(&find(&r, "'apple")), vec![Node::Item(0), Node::Item(1)]);
    assert_eq!(nodes(&find(&r, "'APPLE")), Vec::<Node>::new());
    let r = items(&["全程网办", "网信办"]);
    assert_eq!(nodes(&find(&r, "'网办")), vec![Node::Item(0)]);
    // An operator alone is a char to look for.
    let r = items(&["it's", "its"]);
    assert_eq!(nodes(&find(&r, "'")), vec![Node::Item(0)]);
}

#[test]
fn prefix_and_suffix_operators() {
    let r = items(&["apple pie", "pineapple", "  apple", "grape"]);
    assert_eq!(nodes(&find(&r, "^apple")), vec![Node::Item(0), Node::Item(2)]);
    // After a space scores more than inside a word.
    assert_eq!(nodes(&find(&r, "apple$")), vec![Node::Item(2), Node::Item(1)]);
    assert_eq!(nodes(&find(&r, "^pineapple$")), vec![Node::Item(1)]);
    assert_eq!(nodes(&find(&r, "^pine$")), Vec::<Node>::new());
    let r = items(&["全程网办", "网办率", "网信办"]);
    assert_eq!(nodes(&find(&r, "^网办")), vec![Node::Item(1)]);
    assert_eq!(nodes(&find(&r, "网办$")), vec![Node::Item(0)]);
    // A title is a field of its own.
    let r = report(json!([{ "id": "s", "title": "Budget", "items": [
        { "id": "a", "title": "Budget lines", "text": "the budget" }
    ]}]));
    assert_eq!(nodes(&find(&r, "^budget")), vec![Node::Section(0), Node::Item(0)]);
    assert_eq!(nodes(&find(&r, "budget$")), vec![Node::Section(0), Node::Item(0)]);
    assert_eq!(nodes(&find(&r, "^budget$")), vec![Node::Section(0)]);
}

#[test]
fn negation_operator() {
    let r = items(&["apple pie", "pineapple", "a p p l e", "grape"]);
    // The section ("Section") holds no "apple" either.
    assert_eq!(nodes(&find(&r, "!apple")), vec![Node::Section(0), Node::Item(2), Node::Item(3)]);
    assert_eq!(
        nodes(&find(&r, "!^apple")),
        vec![Node::Section(0), Node::Item(1), Node::Item(2), Node::Item(3)]
    );
    assert_eq!(
        nodes(&find(&r, "!apple$")),
        vec![Node::Section(0), Node::Item(0), Node::Item(2), Node::Item(3)]
    );
    assert!(find(&r, "!apple").iter().all(|h| h.score == 0));
    // Notes count.
    let notes = vec![(3, "an apple".to_string())];
    assert_eq!(nodes(&find_with(&r, &notes, "!apple", None)), vec![Node::Section(0), Node::Item(2)]);
    let r = items(&["全程网办", "网信办"]);
    assert_eq!(nodes(&find(&r, "网办 !网信")), vec![Node::Item(0)]);
    assert_eq!(nodes(&find(&r, "网办 !信办")), vec![Node::Item(0)]);
    // Negating an id.
    let r2 = report(json!([{ "id": "r1", "title": "T", "items": [
        { "id": "r1.1", "text": "x" }, { "id": "r1.2", "text": "x" }
    ]}]));
    assert_eq!(nodes(&find(&r2, "x !r1.2")), vec![Node::Item(0)]);
}

#[test]
fn operators_combine() {
    let r = items(&["apple pie", "pineapple", "a p p l e", "grape", "apple crumble"]);
    assert_eq!(nodes(&find(&r, "'pine !pie")), vec![Node::Item(1)]);
    assert_eq!(nodes(&find(&r, "a !'apple")), vec![Node::Item(2), Node::Item(3)]);
    assert_eq!(nodes(&find(&r, "^apple !crumble")), vec![Node::Item(0)]);
    assert_eq!(nodes(&find(&r, "^apple pie$")), vec![Node::Item(0)]);
    // At the start of the text scores more than inside a word.
    assert_eq!(nodes(&find(&r, "'ap !pie !^grape")), vec![Node::Item(4), Node::Item(1)]);
    // Full-width operators work as their ASCII selves.
    assert_eq!(nodes(&find(&r, "＇pine ！pie")), vec![Node::Item(1)]);
}

#[test]
fn operators_narrow_only_when_safe() {
    let q = Query::parse;
    assert!(q("'appl").narrows(&q("appl")));
    assert!(q("'apple").narrows(&q("'appl")));
    assert!(q("^apple").narrows(&q("^app")));
    assert!(q("^apple").narrows(&q("app")));
    assert!(q("apple$").narrows(&q("ple$")));
    assert!(q("^apple$").narrows(&q("^app")));
    assert!(!q("appl").narrows(&q("'appl")));
    assert!(!q("'apple").narrows(&q("^app")));
    assert!(!q("^xapple").narrows(&q("^app")));
    assert!(!q("ple$").narrows(&q("apple$")));
    // A negation rules out more as it gets shorter, fewer as it grows.
    assert!(q("x !a").narrows(&q("x !ab")));
    assert!(!q("x !ab").narrows(&q("x !a")));
    assert!(!q("x").narrows(&q("x !a")));
    assert!(q("x !a").narrows(&q("x")));
    // Ids: a longer id is under a shorter one only at a dot.
    assert!(q("s2.1").narrows(&q("s2")));
    assert!(q("s2.1").narrows(&q("s2.")));
    assert!(!q("s2").narrows(&q("s")));
    assert!(!q("s21").narrows(&q("s2")));
    assert!(q("!").narrows(&q("!")));
}

#[test]
fn narrowed_search_equals_full_search_with_operators() {
    let r = fixture(SHAODONG);
    let index = Index::new(&r);
    let notes = vec![(3, "备注：满意度调查".to_string())];
    for sentence in ["'网办 !信 ^三是", "s2.1.3 网", "^二是 工作$", "!网 务", "政务 !'政务服务"]
    {
        let mut previous: Option<(Query, Vec<Node>)> = None;
        let mut typed = String::new();
        for c in sentence.chars() {
            typed.push(c);
            let query = Query::parse(&typed);
            let full = search(&r, &index, &notes, &query, None, &|| false).unwrap();
            if let Some((pq, pn)) = &previous
                && query.narrows(pq)
            {
                let narrowed = search(&r, &index, &notes, &query, Some(pn), &|| false).unwrap();
                assert_eq!(narrowed, full, "{typed}");
            }
            previous = Some((query, nodes(&full)));
        }
    }
}

#[test]
fn match_positions_show_the_occurrence_together() {
    let q = Query::parse;
    assert_eq!(match_positions("网信办全程网办", &q("网办")), vec![5, 6]);
    assert_eq!(match_positions("网信办", &q("网办")), vec![0, 2]);
    assert_eq!(match_positions("网信办", &q("'网办")), Vec::<usize>::new());
    assert_eq!(match_positions("apple pineapple", &q("apple$")), vec![10, 11, 12, 13, 14]);
    assert_eq!(match_positions("apple pineapple", &q("^apple")), vec![0, 1, 2, 3, 4]);
    assert_eq!(match_positions("apple", &q("!apple")), Vec::<usize>::new());
}
