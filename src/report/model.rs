//! The report as the app uses it: a flat, index-addressed tree.
//!
//! Sections are stored in depth-first pre-order and items in report order, so the outline
//! (a section row followed by its own items, then its subsections) is a single walk over
//! `sections`. Everything refers to everything else by index; ids are only for files.
//!
//! The strings are [`SharedStr`]s: ranges of the file's text where it can be, so a report takes
//! little more memory than its file (an item's record is 152 bytes besides).

use super::index::{IdIndex, Named};
use super::node::{ItemIx, Node, SectionIx};
use super::shared::SharedStr;
use crate::lang::Lang;
use smallvec::SmallVec;

/// The score range of an item: `min ..= max` on a grid of `step` from `min`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl Default for Scale {
    fn default() -> Self {
        Scale { min: 0.0, max: 10.0, step: 0.5 }
    }
}

/// A grade band: the first band whose `min` ≤ percent gives `label`.
#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    pub min: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub id: SharedStr,
    pub title: SharedStr,
    pub body: Option<SharedStr>,
    pub parent: Option<SectionIx>,
    /// 0 for top-level sections.
    pub depth: usize,
    /// This section's own items, in order.
    pub items: Vec<ItemIx>,
    /// Direct subsections, in order.
    pub children: Vec<SectionIx>,
}

impl Named for Section {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Section {
    /// A passage of the text to read, not to score: a leaf section with a body and no items
    /// (what a rubric import makes of the report text).
    pub fn is_passage(&self) -> bool {
        self.items.is_empty()
            && self.children.is_empty()
            && self.body.as_deref().is_some_and(|b| !b.trim().is_empty())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: SharedStr,
    pub title: Option<SharedStr>,
    pub text: SharedStr,
    pub section: SectionIx,
    /// The item's own scale, with the report's default filled in.
    pub scale: Scale,
    pub criteria: Option<SharedStr>,
    /// Usually one: kept in the record itself, without an allocation of its own.
    pub tags: SmallVec<[SharedStr; 1]>,
    /// Ids of sections or items (validated to exist).
    pub refs: Box<[SharedStr]>,
    pub self_score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub id: String,
    pub title: String,
    /// `meta` entries in file order, values rendered as text.
    pub meta: Vec<(String, String)>,
    pub scale: Scale,
    pub grades: Vec<Grade>,
    pub require_note_below_max: bool,
    /// Depth-first pre-order.
    pub sections: Vec<Section>,
    /// Report order (the order of the outline).
    pub items: Vec<Item>,
    /// Lowercase hex sha256 of the file's bytes.
    pub sha256: String,
    /// id → node, for every section and item.
    pub index: IdIndex,
}

impl Report {
    /// The outline in display order: each section followed by its own items, then its subsections.
    pub fn outline(&self) -> Vec<Node> {
        let mut rows = Vec::with_capacity(self.sections.len() + self.items.len());
        for (s, section) in self.sections.iter().enumerate() {
            rows.push(Node::Section(s));
            rows.extend(section.items.iter().map(|&i| Node::Item(i)));
        }
        rows
    }

    pub fn find(&self, id: &str) -> Option<Node> {
        self.index.get(id, &self.sections, &self.items)
    }

    /// Titles from the top-level section down to `section`, inclusive.
    pub fn section_path(&self, section: SectionIx) -> Vec<&str> {
        let mut path: Vec<&str> = self.ancestors(section).map(|s| s.title.as_str()).collect();
        path.reverse();
        path
    }

    /// `section`, its parent, and so on up to its top-level section.
    pub fn ancestors(&self, section: SectionIx) -> impl Iterator<Item = &Section> {
        std::iter::successors(Some(&self.sections[section]), |s| s.parent.map(|p| &self.sections[p]))
    }

    /// Every item in `section` and its subsections (a contiguous range of report order).
    pub fn items_under(&self, section: SectionIx) -> std::ops::Range<ItemIx> {
        let span = &self.sections[section..self.subtree_end(section)];
        let first = span.iter().find_map(|s| s.items.first().copied());
        let last = span.iter().rev().find_map(|s| s.items.last().copied());
        match (first, last) {
            (Some(a), Some(b)) => a..b + 1,
            _ => 0..0,
        }
    }

    /// One past the last section of `section`'s subtree in pre-order.
    pub fn subtree_end(&self, section: SectionIx) -> SectionIx {
        let depth = self.sections[section].depth;
        self.sections[section + 1..]
            .iter()
            .position(|s| s.depth <= depth)
            .map_or(self.sections.len(), |p| section + 1 + p)
    }
}

impl Named for Item {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Item {
    /// The title, or the start of the text when the item has none.
    pub fn display_title(&self) -> String {
        if let Some(t) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return t.trim().to_string();
        }
        let first = self.text.trim().lines().next().unwrap_or("");
        let clause_end = first
            .char_indices()
            .find(|&(_, c)| matches!(c, '。' | '；' | '！' | '？' | '.' | ';'))
            .map_or(first.len(), |(i, _)| i);
        let clause = &first[..clause_end];
        if clause.chars().count() > 40 {
            let cut: String = clause.chars().take(40).collect();
            format!("{cut}…")
        } else {
            clause.to_string()
        }
    }
}

/// The node whose id is `typed`, or the one node whose id begins with it; otherwise every id
/// that begins with it (none, or more than one), in report order.
pub fn find_by_id(report: &Report, typed: &str) -> Result<Node, Vec<String>> {
    if typed.is_empty() {
        return Err(Vec::new());
    }
    if let Some(node) = report.find(typed) {
        return Ok(node);
    }
    let mut found: Vec<(Node, String)> = Vec::new();
    for (s, sec) in report.sections.iter().enumerate() {
        if sec.id.starts_with(typed) {
            found.push((Node::Section(s), sec.id.to_string()));
        }
    }
    for (i, item) in report.items.iter().enumerate() {
        if item.id.starts_with(typed) {
            found.push((Node::Item(i), item.id.to_string()));
        }
    }
    match found.as_slice() {
        [(node, _)] => Ok(*node),
        _ => Err(found.into_iter().map(|(_, id)| id).collect()),
    }
}

// Beside the report rather than in `lang`, which stays below every module that uses it.
impl Lang {
    /// A report's language: its `meta.lang` when that names Chinese or English, else that of its
    /// text (title, section titles, item titles and texts).
    pub fn of_report(report: &Report) -> Lang {
        if let Some(lang) = report.meta.iter().find(|(k, _)| k == "lang").and_then(|(_, v)| Lang::parse(v)) {
            return lang;
        }
        let texts = std::iter::once(report.title.as_str())
            .chain(report.sections.iter().map(|s| s.title.as_str()))
            .chain(report.items.iter().flat_map(|i| [i.title.as_deref().unwrap_or(""), i.text.as_str()]));
        Lang::of_texts(texts)
    }
}
