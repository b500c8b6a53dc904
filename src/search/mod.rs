//! Fuzzy search over a report: every item's title, text, criteria and the evaluator's note, and
//! every section's title and body.
//!
//! A [`Query`] is whitespace-separated terms that must all match, in any order (like fzf), with
//! smart case. Each term is fuzzy-matched by skim's algorithm ([`SkimMatcherV2`]) against each
//! field of a node; the node's score is the sum over terms of each term's best field score, title
//! matches getting [`TITLE_BONUS`]. A term whose chars occur together in a field (a contiguous
//! occurrence) gets [`CONTIGUOUS_BONUS`] on top of the matcher's score, so chars typed together
//! rank above the same chars scattered; ties stay in report order.
//!
//! fzf's operators: `'exact` (a contiguous occurrence), `^prefix` (at the start of a field),
//! `suffix$` (at its end), `^whole$`, and `!not` (no field holds it: exact, or with `^`/`$`).
//! A term that looks like an id (ASCII letters, digits and `.-_`, with a digit) also matches the
//! node whose id it is ([`ID_EXACT`], first) and the nodes under it ([`ID_PREFIX`]).
//!
//! Text and query are normalised char by char — full-width ASCII
//! to ASCII, traditional to simplified Chinese, non-ASCII lowercased for case-insensitive terms —
//! so char indices into the normalised text are char indices into the original.
//!
//! Speed: the [`Index`] keeps a 256-bit character bloom per node, so most nodes are rejected
//! without reading their text; the rest must hold the term's chars in order (found with memchr)
//! before it is scored, and scoring asks the matcher only about short strings (`score.rs`).
//! Searches over more than a couple of thousand nodes share the work with one helper thread.
//! The caller keeps typing fast by searching only the previous hits when [`Query::narrows`]
//! says so, and by cancelling stale searches.

mod norm;
mod score;
mod snippet;
mod t2s_table;
#[cfg(test)]
mod tests;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem::{Finder, FinderRev};

use crate::report::{ItemIx, Node, Report};
pub(crate) use norm::t2s_convert;
use norm::{Bloom, Changes, lower, norm, normalise_into};
use score::{Hay, Scorer};
pub use snippet::snippet;

/// Added to a term's score when it matched a title, so a title hit outranks a body hit of the
/// same quality.
pub const TITLE_BONUS: i64 = 24;

/// Added to a term's score when its chars occur together in the field: a tier above every
/// scattered match.
pub const CONTIGUOUS_BONUS: i64 = 1 << 20;

/// A term's score when it is a node's id: above any text match.
pub const ID_EXACT: i64 = 1 << 40;

/// A term's score when a node's id starts with it and a `.` (the node is under that id).
pub const ID_PREFIX: i64 = 1 << 30;

/// [`match_positions`] keeps the whole alignment matrix, so it is limited in cells too.
const POSITION_CELLS: usize = 1024 * 1024;
/// Searches over more nodes than this are shared with a helper thread.
const PARALLEL_FROM: usize = 2_000;
/// Nodes a thread takes at a time.
const CHUNK: usize = 1024;
/// Nodes between two looks at the cancel flag.
const POLL_EVERY: usize = 256;

/// Where in a node a hit was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Text,
    Criteria,
    Note,
    Body,
    /// The node's id.
    Id,
}

/// How a term must occur (fzf's operators).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// In order, not necessarily together.
    Fuzzy,
    /// `'term`: together, anywhere.
    Exact,
    /// `^term`: together, at the start of a field (leading whitespace aside).
    Prefix,
    /// `term$`: together, at the end of a field (trailing whitespace aside).
    Suffix,
    /// `^term$`: the whole field.
    Whole,
}

/// A parsed query: whitespace-separated terms (ASCII space, U+3000…), all of which must match;
/// smart case (a term is case-sensitive only when it has an uppercase letter).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Terms that must match.
    terms: Vec<Term>,
    /// `!terms`: no field may hold them.
    negated: Vec<Term>,
}

#[derive(Debug, Clone)]
struct Term {
    /// What the matcher is given: normalised, and lowercased when case-insensitive.
    pattern: String,
    /// `pattern`'s chars.
    chars: Vec<char>,
    case_sensitive: bool,
    kind: Kind,
    /// Whether it may name an id: ASCII letters, digits and `.-_`, with a digit; fuzzy or exact.
    id_like: bool,
    /// Whether some of `chars` are ASCII letters; ASCII letters or digits; other ASCII; not
    /// ASCII.
    has_letters: bool,
    has_alnum: bool,
    has_punct: bool,
    has_non_ascii: bool,
    /// The folded chars of the term.
    bloom: Bloom,
    /// Searchers for the UTF-8 of each non-ASCII char, forwards and backwards.
    finders: Vec<Option<(Finder<'static>, FinderRev<'static>)>>,
}

impl PartialEq for Term {
    fn eq(&self, other: &Term) -> bool {
        self.pattern == other.pattern
            && self.case_sensitive == other.case_sensitive
            && self.kind == other.kind
    }
}

impl Eq for Term {}

impl Term {
    /// `text` is already normalised.
    fn new(text: &str, kind: Kind) -> Term {
        let case_sensitive = text.chars().any(char::is_uppercase);
        let chars: Vec<char> =
            if case_sensitive { text.chars().collect() } else { text.chars().map(lower).collect() };
        let mut bloom = Bloom::default();
        for &c in &chars {
            bloom.insert(lower(c));
        }
        Term {
            pattern: chars.iter().collect(),
            has_letters: chars.iter().any(char::is_ascii_alphabetic),
            has_alnum: chars.iter().any(char::is_ascii_alphanumeric),
            has_punct: chars.iter().any(|c| c.is_ascii() && !c.is_ascii_alphanumeric()),
            has_non_ascii: !chars.iter().all(char::is_ascii),
            finders: chars
                .iter()
                .map(|c| {
                    let utf8 = c.to_string();
                    let utf8 = utf8.as_bytes();
                    (!c.is_ascii())
                        .then(|| (Finder::new(utf8).into_owned(), FinderRev::new(utf8).into_owned()))
                })
                .collect(),
            id_like: matches!(kind, Kind::Fuzzy | Kind::Exact)
                && chars.iter().any(char::is_ascii_digit)
                && chars.iter().all(|&c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')),
            chars,
            case_sensitive,
            kind,
            bloom,
        }
    }

    /// A term with fzf's operators: `'exact`, `^prefix`, `suffix$`, `!not` (exact unless `^`
    /// or `$` says otherwise). Returns the term and whether it is negated. An operator alone
    /// is a plain char to look for.
    fn parse(word: &str) -> (Term, bool) {
        let mut rest = word;
        let negated = rest.len() > 1 && rest.starts_with('!');
        if negated {
            rest = &rest[1..];
        }
        let mut exact = negated;
        if rest.len() > 1 && rest.starts_with('\'') {
            rest = &rest[1..];
            exact = true;
        }
        let prefix = rest.len() > 1 && rest.starts_with('^');
        if prefix {
            rest = &rest[1..];
        }
        let suffix = rest.len() > 1 && rest.ends_with('$');
        if suffix {
            rest = &rest[..rest.len() - 1];
        }
        let kind = match (prefix, suffix) {
            (true, true) => Kind::Whole,
            (true, false) => Kind::Prefix,
            (false, true) => Kind::Suffix,
            (false, false) if exact => Kind::Exact,
            (false, false) => Kind::Fuzzy,
        };
        (Term::new(rest, kind), negated)
    }

    /// Whether `id` is this term (`Some(true)`) or under it (`Some(false)`: it starts with the
    /// term and a `.`, or with a term ending in `.`).
    fn id_match(&self, id: &str) -> Option<bool> {
        if !self.id_like || id.len() < self.pattern.len() || !id.is_char_boundary(self.pattern.len()) {
            return None;
        }
        let (head, tail) = id.split_at(self.pattern.len());
        let same =
            if self.case_sensitive { head == self.pattern } else { head.eq_ignore_ascii_case(&self.pattern) };
        if !same {
            return None;
        }
        if tail.is_empty() {
            Some(true)
        } else {
            (tail.starts_with('.') || self.pattern.ends_with('.')).then_some(false)
        }
    }

    /// Every id this term matches is matched by `other`.
    fn ids_within(&self, other: &Term) -> bool {
        if !self.id_like {
            return true;
        }
        if !other.id_like || (other.case_sensitive && !self.case_sensitive) {
            return false;
        }
        // `other` matches ids starting with itself (and a `.`): so must `self` be one of them.
        other.id_match(&self.pattern).is_some()
    }

    /// The chars of this term at byte `start` of the field, all in a row: the byte past them.
    fn occurs_at(&self, hay: Hay, start: usize) -> Option<usize> {
        let mut chars = hay.text.get(start..)?.char_indices();
        let mut end = start;
        for k in 0..self.chars.len() {
            let (i, c) = chars.next()?;
            if !self.eq(c, k) {
                return None;
            }
            end = start + i + c.len_utf8();
        }
        Some(end)
    }

    /// The byte range of the occurrence the term's kind asks for (for a fuzzy term, its first
    /// contiguous occurrence), if there is one.
    fn exact_span(&self, hay: Hay) -> Option<(usize, usize)> {
        let text = hay.text;
        let first = text.len() - text.trim_start().len();
        let last = text.trim_end().len();
        match self.kind {
            Kind::Fuzzy | Kind::Exact => {
                let mut from = 0;
                loop {
                    let (start, next) = self.find(hay, 0, from)?;
                    if let Some(end) = self.occurs_at(hay, start) {
                        return Some((start, end));
                    }
                    from = next;
                }
            }
            Kind::Prefix => self.occurs_at(hay, first).map(|end| (first, end)),
            Kind::Whole => self.occurs_at(hay, first).filter(|&end| end == last).map(|end| (first, end)),
            Kind::Suffix => {
                let start = text[..last].char_indices().rev().nth(self.chars.len().checked_sub(1)?)?.0;
                self.occurs_at(hay, start).filter(|&end| end == last).map(|end| (start, end))
            }
        }
    }

    /// True when every text this term matches is also matched by `other`.
    fn implies(&self, other: &Term) -> bool {
        let mine: Vec<char> = match (self.case_sensitive, other.case_sensitive) {
            (false, true) => return false,
            (true, false) => self.chars.iter().map(|&c| lower(c)).collect(),
            _ => self.chars.clone(),
        };
        let theirs = &other.chars;
        let text = match other.kind {
            Kind::Fuzzy => is_subsequence(theirs, mine.iter().copied()),
            Kind::Exact => self.kind != Kind::Fuzzy && mine.windows(theirs.len().max(1)).any(|w| w == theirs),
            Kind::Prefix => matches!(self.kind, Kind::Prefix | Kind::Whole) && mine.starts_with(theirs),
            Kind::Suffix => matches!(self.kind, Kind::Suffix | Kind::Whole) && mine.ends_with(theirs),
            Kind::Whole => self.kind == Kind::Whole && mine == *theirs,
        };
        text && self.ids_within(other)
    }
}

/// `needle` occurs in `hay` in order (not necessarily contiguously).
fn is_subsequence(needle: &[char], hay: impl Iterator<Item = char>) -> bool {
    let mut rest = needle;
    for c in hay {
        match rest.split_first() {
            Some((&n, tail)) if n == c => rest = tail,
            Some(_) => {}
            None => break,
        }
    }
    rest.is_empty()
}

impl Query {
    pub fn parse(s: &str) -> Query {
        let normalised: String = s.chars().map(norm).collect();
        let mut query = Query::default();
        for word in normalised.split_whitespace() {
            match Term::parse(word) {
                (term, false) => query.terms.push(term),
                (term, true) => query.negated.push(term),
            }
        }
        query
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.negated.is_empty()
    }

    /// True when every node matching `self` also matches `previous`, so the caller may search
    /// only `previous`'s hits: each term of `previous` is a subsequence of some term of `self`
    /// (with compatible case: a case-sensitive previous term needs a case-sensitive term here).
    /// Typing more letters, or another term, narrows; deleting does not. False when either
    /// query is empty (an empty query has no hits to narrow).
    pub fn narrows(&self, previous: &Query) -> bool {
        !self.is_empty()
            && !previous.is_empty()
            && previous.terms.iter().all(|p| self.terms.iter().any(|t| t.implies(p)))
            // A node `!p` kept out must stay out: some `!t` here matches wherever `p` does.
            && previous.negated.iter().all(|p| self.negated.iter().any(|t| p.implies(t)))
    }
}

/// Field slots of a node in the index: items use title, text, criteria; sections title, body.
const SLOTS: usize = 3;

/// Precomputed per-node search data, built once per report: a character bloom of the node's
/// fields and what normalisation changes in each. About 60 bytes a node; no text is copied.
pub struct Index {
    /// Every node in outline order.
    nodes: Vec<Node>,
    /// Per node, one bloom of all its fields (a bloom per field took three times the memory
    /// and saved little: a CJK text's bloom is nearly full anyway, and the in-order check that
    /// follows rejects a field cheaply).
    blooms: Vec<Bloom>,
    /// Per node, what normalisation changes in each field slot.
    changes: Vec<[Changes; SLOTS]>,
    /// Outline position of each section and item.
    section_pos: Vec<u32>,
    item_pos: Vec<u32>,
}

/// The texts of a node's field slots.
fn slot_texts(report: &Report, node: Node) -> [Option<&str>; SLOTS] {
    match node {
        Node::Item(i) => {
            let item = &report.items[i];
            [item.title.as_deref(), Some(item.text.as_str()), item.criteria.as_deref()]
        }
        Node::Section(s) => {
            let section = &report.sections[s];
            [Some(section.title.as_str()), section.body.as_deref(), None]
        }
    }
}

/// The field a slot holds for `node`.
fn slot_field(node: Node, slot: usize) -> Field {
    match (node, slot) {
        (_, 0) => Field::Title,
        (Node::Item(_), 1) => Field::Text,
        (Node::Item(_), 2) => Field::Criteria,
        (Node::Section(_), _) => Field::Body,
        (Node::Item(_), _) => Field::Note,
    }
}

impl Index {
    /// Reads every field once (about 2 ms per MB of text on one core; two cores share it).
    pub fn new(report: &Report) -> Index {
        norm::warm_up();
        let nodes = report.outline();
        let mut section_pos = vec![u32::MAX; report.sections.len()];
        let mut item_pos = vec![u32::MAX; report.items.len()];
        for (pos, &node) in nodes.iter().enumerate() {
            match node {
                Node::Section(s) => section_pos[s] = pos as u32,
                Node::Item(i) => item_pos[i] = pos as u32,
            }
        }
        // Filled in place (two halves on two threads), so nothing is held twice.
        let mut blooms = vec![Bloom::default(); nodes.len()];
        let mut changes = vec![[Changes::default(); SLOTS]; nodes.len()];
        let summarise = |part: &[Node], blooms: &mut [Bloom], changes: &mut [[Changes; SLOTS]]| {
            for ((&node, bloom), change) in part.iter().zip(blooms).zip(changes) {
                for (slot, text) in slot_texts(report, node).into_iter().enumerate() {
                    if let Some(text) = text {
                        let (field, changed) = Bloom::of_text(text);
                        bloom.union(&field);
                        change[slot] = changed;
                    }
                }
            }
        };
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if nodes.len() > PARALLEL_FROM && threads > 1 {
            let mid = nodes.len() / 2;
            let (first, second) = nodes.split_at(mid);
            let (blooms_1, blooms_2) = blooms.split_at_mut(mid);
            let (changes_1, changes_2) = changes.split_at_mut(mid);
            std::thread::scope(|scope| {
                let helper = scope.spawn(|| summarise(second, blooms_2, changes_2));
                summarise(first, blooms_1, changes_1);
                if let Err(panic) = helper.join() {
                    std::panic::resume_unwind(panic);
                }
            });
        } else {
            summarise(&nodes, &mut blooms, &mut changes);
        }
        Index { nodes, blooms, changes, section_pos, item_pos }
    }

    /// Outline position of `node`, if this index has it.
    fn pos(&self, node: Node) -> Option<u32> {
        let pos = match node {
            Node::Section(s) => self.section_pos.get(s),
            Node::Item(i) => self.item_pos.get(i),
        };
        pos.copied().filter(|&p| p != u32::MAX)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub node: Node,
    pub score: i64,
    /// Where the best-scoring term matched.
    pub field: Field,
}

/// A hit before it is turned into a [`Hit`]: score, outline position, field.
type Found = (i64, u32, Field);

/// What every search thread reads.
struct Ctx<'a> {
    report: &'a Report,
    index: &'a Index,
    notes: &'a [(ItemIx, String)],
    query: &'a Query,
}

/// Searches every section and item, or only the nodes in `within` (the previous hits, when
/// the query [narrows](Query::narrows) the previous one).
///
/// `notes` are the evaluator's notes as (item, text), sorted by item. Returns `None` when
/// `cancelled()` turned true along the way (it is asked every few hundred nodes, on the calling
/// thread only). Hits are sorted by score, best first, ties in outline order. An empty query
/// gives no hits.
pub fn search(
    report: &Report,
    index: &Index,
    notes: &[(ItemIx, String)],
    query: &Query,
    within: Option<&[Node]>,
    cancelled: &dyn Fn() -> bool,
) -> Option<Vec<Hit>> {
    if query.is_empty() {
        return Some(Vec::new());
    }
    let subset: Option<Vec<u32>> = within.map(|nodes| {
        let mut pos: Vec<u32> = nodes.iter().filter_map(|&n| index.pos(n)).collect();
        pos.sort_unstable();
        pos.dedup();
        pos
    });
    let count = subset.as_ref().map_or(index.nodes.len(), Vec::len);
    let ctx = Ctx { report, index, notes, query };
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);

    // Takes chunks of nodes until none are left (or `poll` says to give up), and sorts what
    // it found.
    let work = |poll: &dyn Fn() -> bool| -> Vec<Found> {
        let mut worker = Worker::new(&query.terms, &query.negated);
        // Untouched capacity costs no memory until used; growing costs copies.
        let mut found = Vec::with_capacity(count / 2 + 16);
        'chunks: loop {
            let start = next.fetch_add(CHUNK, Ordering::Relaxed);
            if start >= count {
                break;
            }
            for k in start..(start + CHUNK).min(count) {
                if (k - start).is_multiple_of(POLL_EVERY) && poll() {
                    break 'chunks;
                }
                let pos = subset.as_ref().map_or(k as u32, |s| s[k]);
                if let Some((score, field)) = worker.score_node(&ctx, pos as usize) {
                    found.push((score, pos, field));
                }
            }
        }
        found.sort_unstable_by(rank);
        found
    };
    let poll_main = || {
        if !stop.load(Ordering::Relaxed) && cancelled() {
            stop.store(true, Ordering::Relaxed);
        }
        stop.load(Ordering::Relaxed)
    };
    let poll_helper = || stop.load(Ordering::Relaxed);

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (mine, theirs) = if count > PARALLEL_FROM && threads > 1 {
        std::thread::scope(|scope| {
            let helper = scope.spawn(|| work(&poll_helper));
            let mine = work(&poll_main);
            match helper.join() {
                Ok(theirs) => (mine, theirs),
                // A panic in the helper is a bug; surface it like one on this thread.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    } else {
        (work(&poll_main), Vec::new())
    };
    if stop.load(Ordering::Relaxed) || cancelled() {
        return None;
    }
    // Merge the two sorted lists.
    let mut hits = Vec::with_capacity(mine.len() + theirs.len());
    let (mut a, mut b) = (mine.into_iter().peekable(), theirs.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if rank(y, x).is_lt() => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        let Some((score, pos, field)) = next else { break };
        hits.push(Hit { node: index.nodes[pos as usize], score, field });
    }
    Some(hits)
}

/// Best score first, then outline order.
fn rank(a: &Found, b: &Found) -> std::cmp::Ordering {
    b.0.cmp(&a.0).then(a.1.cmp(&b.1))
}

/// One thread's scratch.
struct Worker {
    scorer: Scorer,
    /// Per term, the field slots (bits 0–2, note = bit 3) that may hold it.
    candidates: Vec<u8>,
    /// Per term and slot, where the term's first occurrence ends.
    first_ends: Vec<[usize; SLOTS + 1]>,
    /// Per term, its score as the node's id (or the id of a node above it).
    id_scores: Vec<Option<i64>>,
    /// Whether some term, negated or not, may name an id.
    ids: bool,
    /// Index of the first note not before the last item looked at (items come in order).
    note_cursor: usize,
}

/// Changes assumed for a note, which has no index entry.
const NOTE_CHANGES: Changes = Changes { to_alnum: true, to_punct: true, other: true };

impl Worker {
    fn new(terms: &[Term], negated: &[Term]) -> Worker {
        Worker {
            scorer: Scorer::new(terms, SLOTS + 1),
            candidates: Vec::new(),
            first_ends: vec![[0; SLOTS + 1]; terms.len()],
            id_scores: Vec::with_capacity(terms.len()),
            ids: terms.iter().chain(negated).any(|t| t.id_like),
            note_cursor: 0,
        }
    }

    /// The evaluator's note on `item`, if any.
    fn note<'a>(&mut self, notes: &'a [(ItemIx, String)], item: ItemIx) -> Option<&'a str> {
        if self.note_cursor > 0 && notes.get(self.note_cursor - 1).is_some_and(|n| n.0 >= item) {
            self.note_cursor = notes.partition_point(|n| n.0 < item); // went back: look it up
        }
        while notes.get(self.note_cursor).is_some_and(|n| n.0 < item) {
            self.note_cursor += 1;
        }
        notes.get(self.note_cursor).filter(|n| n.0 == item && !n.1.is_empty()).map(|n| n.1.as_str())
    }

    /// The node's score and best field, or `None` when some term matches none of its fields.
    fn score_node(&mut self, ctx: &Ctx, pos: usize) -> Option<(i64, Field)> {
        let node = ctx.index.nodes[pos];
        let bloom = &ctx.index.blooms[pos];
        let changes = &ctx.index.changes[pos];
        let texts = slot_texts(ctx.report, node);
        let note = match node {
            Node::Item(i) => self.note(ctx.notes, i),
            Node::Section(_) => None,
        };
        let hay = |slot: usize, term: &Term| {
            let (text, changes) =
                if slot < SLOTS { (texts[slot], changes[slot]) } else { (note, NOTE_CHANGES) };
            text.map(|text| Hay::new(text, changes, term))
        };
        // Read only when some term may name an id (no other term matches one).
        let id = match node {
            _ if !self.ids => "",
            Node::Item(i) => ctx.report.items[i].id.as_str(),
            Node::Section(s) => ctx.report.sections[s].id.as_str(),
        };

        // Cheap rejections first: blooms for every term, then in-order occurrence.
        self.candidates.clear();
        self.id_scores.clear();
        for term in &ctx.query.terms {
            let id_score = term.id_match(id).map(|exact| if exact { ID_EXACT } else { ID_PREFIX });
            self.id_scores.push(id_score);
            let mut mask = u8::from(note.is_some()) << SLOTS;
            if bloom.contains(&term.bloom) {
                for (slot, text) in texts.iter().enumerate() {
                    if text.is_some() {
                        mask |= 1 << slot;
                    }
                }
            }
            if mask == 0 && id_score.is_none() {
                return None;
            }
            self.candidates.push(mask);
        }
        for (t, term) in ctx.query.terms.iter().enumerate() {
            let mask = &mut self.candidates[t];
            for slot in 0..=SLOTS {
                if *mask & (1 << slot) == 0 {
                    continue;
                }
                match hay(slot, term).and_then(|h| term.first_end(h)) {
                    Some(end) => self.first_ends[t][slot] = end,
                    None => *mask &= !(1 << slot),
                }
            }
            if *mask == 0 && self.id_scores[t].is_none() {
                return None;
            }
        }
        // No field may hold a negated term, nor may the id be it.
        for term in &ctx.query.negated {
            if term.id_match(id).is_some() {
                return None;
            }
            if !bloom.contains(&term.bloom) && note.is_none() {
                continue;
            }
            for slot in 0..=SLOTS {
                if hay(slot, term).is_some_and(|h| term.exact_span(h).is_some()) {
                    return None;
                }
            }
        }

        // Every term occurs somewhere: score each term in each field it occurs in.
        self.scorer.next_node();
        let mut total = 0i64;
        let mut best: Option<(i64, Field)> = None;
        for (t, term) in ctx.query.terms.iter().enumerate() {
            let mask = self.candidates[t];
            let mut term_best: Option<(i64, Field)> = self.id_scores[t].map(|score| (score, Field::Id));
            for slot in (0..=SLOTS).filter(|&s| mask & (1 << s) != 0) {
                let Some(hay) = hay(slot, term) else { continue };
                let Some(score) = self.scorer.score(hay, slot, term, t, self.first_ends[t][slot]) else {
                    continue;
                };
                let field = slot_field(node, slot);
                let score = score + if field == Field::Title { TITLE_BONUS } else { 0 };
                if term_best.is_none_or(|(b, _)| score > b) {
                    term_best = Some((score, field));
                }
            }
            let (score, field) = term_best?;
            total += score;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, field));
            }
        }
        match best {
            Some((_, field)) => Some((total, field)),
            // Only negated terms, none of which is here: a hit, in report order.
            None => ctx.query.terms.is_empty().then_some((0, Field::Title)),
        }
    }
}

/// The char indices of `text` to highlight for `query`: the union, over the terms that match
/// `text`, of the matcher's positions for that term. Empty when no term matches. Indices count
/// chars of `text` itself (normalisation keeps one char per char).
pub fn match_positions(text: &str, query: &Query) -> Vec<usize> {
    let mut positions = Vec::new();
    let mut buf = String::new();
    for term in &query.terms {
        let hay = Hay { text, raw: false };
        if term.first_end(hay).is_none() {
            continue;
        }
        // An occurrence of the chars together is what ranked the hit: show it.
        if let Some((start, end)) = term.exact_span(hay) {
            let first = text[..start].chars().count();
            positions.extend(first..first + text[start..end].chars().count());
            continue;
        }
        if term.kind != Kind::Fuzzy {
            continue;
        }
        let form = if normalise_into(text, term.case_sensitive, &mut buf) { buf.as_str() } else { text };
        let cells = (term.chars.len() + 1).saturating_mul(form.chars().count() + 1);
        let m = SkimMatcherV2::default();
        let m = if term.case_sensitive { m.respect_case() } else { m.ignore_case() };
        let m = if cells > POSITION_CELLS { m.element_limit(1) } else { m };
        if let Some((_, found)) = m.fuzzy(form, &term.pattern, true) {
            positions.extend(found);
        }
    }
    positions.sort_unstable();
    positions.dedup();
    positions
}
