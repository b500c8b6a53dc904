//! Filters for what still needs work: unscored, flagged, scored below max without the
//! required reason, has a note, and by tag. Active filters combine (all must hold); they
//! narrow the outline, the j/k/n walk and search results.

use crate::report::{Item, ItemIx, Node, Report};
use crate::scores::{Scores, needs_reason};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub unscored: bool,
    pub flagged: bool,
    pub needs_reason: bool,
    pub has_note: bool,
    pub tag: Option<String>,
    /// The panel view's disagreements: the items where the evaluators are far apart, as last
    /// computed from their scores.
    pub disagree: Option<std::collections::BTreeSet<ItemIx>>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        self.unscored
            || self.flagged
            || self.needs_reason
            || self.has_note
            || self.tag.is_some()
            || self.disagree.is_some()
    }

    /// True when `item` passes every active filter.
    pub fn matches(&self, report: &Report, scores: &Scores, item: ItemIx) -> bool {
        let it: &Item = &report.items[item];
        let e = &scores.entries[item];
        (!self.unscored || e.score.is_none())
            && (!self.flagged || e.flagged)
            && (!self.needs_reason || needs_reason(report, it, e))
            && (!self.has_note || !e.note.trim().is_empty())
            && self.tag.as_ref().is_none_or(|t| it.tags.iter().any(|x| x == t))
            && self.disagree.as_ref().is_none_or(|d| d.contains(&item))
    }

    /// "unscored + flagged + tag 产出", for the status bar.
    pub fn describe(&self) -> String {
        use crate::words::tui as w;
        let mut parts: Vec<String> = Vec::new();
        if self.unscored {
            parts.push(w::FILTERED_UNSCORED.get().into());
        }
        if self.flagged {
            parts.push(w::FILTERED_FLAGGED.get().into());
        }
        if self.needs_reason {
            parts.push(w::FILTERED_NEEDS_REASON.get().into());
        }
        if self.has_note {
            parts.push(w::FILTERED_HAS_NOTE.get().into());
        }
        if let Some(t) = &self.tag {
            parts.push(w::FILTERED_TAG.fill(&[("tag", t)]));
        }
        if self.disagree.is_some() {
            parts.push(w::FILTERED_DISAGREE.get().into());
        }
        parts.join(" + ")
    }
}

/// Every tag used in the report, in first-use order.
pub fn tags(report: &Report) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for t in report.items.iter().flat_map(|i| &i.tags) {
        if !seen.iter().any(|s| s == t) {
            seen.push(t.to_string());
        }
    }
    seen
}

/// The outline rows to show: matching items, the sections above them, and `keep` (the row
/// under the cursor stays until the cursor leaves it, so scoring an item does not yank it away).
pub fn visible_outline(report: &Report, scores: &Scores, filter: &Filter, keep: Option<Node>) -> Vec<Node> {
    if !filter.is_active() {
        return report.outline();
    }
    let shown = |i: ItemIx| filter.matches(report, scores, i) || keep == Some(Node::Item(i));
    // A section shows when it is kept or any item in its subtree shows.
    let mut section_shown = vec![false; report.sections.len()];
    for (s, section) in report.sections.iter().enumerate().rev() {
        let own = section.items.iter().any(|&i| shown(i));
        let below = section.children.iter().any(|&c| section_shown[c]);
        section_shown[s] = own || below || keep == Some(Node::Section(s));
    }
    let mut rows = Vec::new();
    for (s, section) in report.sections.iter().enumerate() {
        if section_shown[s] {
            rows.push(Node::Section(s));
            rows.extend(section.items.iter().filter(|&&i| shown(i)).map(|&i| Node::Item(i)));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse_report;

    const REPORT: &[u8] = include_bytes!("../fixtures/english-sample.json");

    fn setup() -> (Report, Scores) {
        let r = parse_report(REPORT).unwrap();
        let mut s = Scores::new(&r);
        s.entries[0].score = Some(8.5);
        s.entries[0].note = "ok".into();
        s.entries[2].score = Some(3.0);
        s.entries[2].flagged = true;
        (r, s)
    }

    fn items(rows: &[Node]) -> Vec<usize> {
        rows.iter().filter_map(|n| if let Node::Item(i) = n { Some(*i) } else { None }).collect()
    }

    #[test]
    fn no_filter_shows_the_whole_outline() {
        let (r, s) = setup();
        assert_eq!(visible_outline(&r, &s, &Filter::default(), None), r.outline());
    }

    #[test]
    fn filters_combine_and_keep_ancestor_sections() {
        let (r, s) = setup();
        let unscored = Filter { unscored: true, ..Filter::default() };
        let rows = visible_outline(&r, &s, &unscored, None);
        assert_eq!(items(&rows), vec![1, 3, 4, 5, 6, 7]);
        assert!(
            !rows.contains(&Node::Section(r.items[0].section)),
            "a section with nothing to show is hidden"
        );

        let flagged = Filter { flagged: true, ..Filter::default() };
        let rows = visible_outline(&r, &s, &flagged, None);
        assert_eq!(items(&rows), vec![2]);
        // every ancestor of item 2 is shown, in order, before it
        let mut at = Some(r.items[2].section);
        while let Some(sec) = at {
            assert!(rows.contains(&Node::Section(sec)));
            at = r.sections[sec].parent;
        }
        let both = Filter { flagged: true, unscored: true, ..Filter::default() };
        assert!(items(&visible_outline(&r, &s, &both, None)).is_empty());
    }

    #[test]
    fn note_tag_and_reason_filters() {
        let (mut r, s) = setup();
        let note = Filter { has_note: true, ..Filter::default() };
        assert_eq!(items(&visible_outline(&r, &s, &note, None)), vec![0]);
        let tag = r.items[3].tags.first().cloned().expect("fixture item 3 has a tag");
        let by_tag = Filter { tag: Some(tag.to_string()), ..Filter::default() };
        let expected: Vec<usize> = (0..r.items.len()).filter(|&i| r.items[i].tags.contains(&tag)).collect();
        assert_eq!(items(&visible_outline(&r, &s, &by_tag, None)), expected);
        assert!(tags(&r).iter().any(|t| t == &tag));

        r.require_note_below_max = true;
        let reason = Filter { needs_reason: true, ..Filter::default() };
        // item 0 has a note, item 2 (3 of 5) has none
        assert_eq!(items(&visible_outline(&r, &s, &reason, None)), vec![2]);
    }

    #[test]
    fn kept_row_stays_visible() {
        let (r, s) = setup();
        let flagged = Filter { flagged: true, ..Filter::default() };
        let rows = visible_outline(&r, &s, &flagged, Some(Node::Item(0)));
        assert_eq!(items(&rows), vec![0, 2]);
        assert!(rows.contains(&Node::Section(r.items[0].section)));
    }

    #[test]
    fn describes_active_filters() {
        let f = Filter { unscored: true, tag: Some("产出".into()), ..Filter::default() };
        assert_eq!(f.describe(), "unscored + tag 产出");
        let _zh = crate::words::pin(crate::lang::Lang::Zh);
        assert_eq!(f.describe(), "未评 + 标签 产出");
        assert!(f.is_active());
        assert!(!Filter::default().is_active());
    }
}
