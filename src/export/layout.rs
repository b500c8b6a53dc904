//! The rows of a scoring sheet, in the order a 评分表 has them: a section's own items, then its
//! subsections (each closed by its subtotal), then the section's own subtotal. A section with no
//! item anywhere below it has no rows.

use crate::report::{ItemIx, Report, SectionIx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Item(ItemIx),
    /// The subtotal of `section`; `parts` are the lines it adds up: the section's own item
    /// lines and the subtotal lines of its subsections (never an item twice).
    Subtotal {
        section: SectionIx,
        parts: Vec<usize>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// Section-path columns: the depth of the deepest section that has items (at least 1).
    pub levels: usize,
    pub lines: Vec<Line>,
    /// The subtotal lines of the top-level sections: what the total adds up.
    pub top: Vec<usize>,
}

impl Layout {
    /// The item lines, in report order.
    pub fn item_lines(&self) -> Vec<usize> {
        (0..self.lines.len()).filter(|&k| matches!(self.lines[k], Line::Item(_))).collect()
    }
}

pub fn layout(report: &Report) -> Layout {
    let levels = report.items.iter().map(|i| report.sections[i.section].depth + 1).max().unwrap_or(1);
    let mut lines = Vec::with_capacity(report.items.len() + report.sections.len());
    let mut top = Vec::new();
    for (s, section) in report.sections.iter().enumerate() {
        if section.parent.is_none()
            && let Some(k) = walk(report, s, &mut lines)
        {
            top.push(k);
        }
    }
    Layout { levels, lines, top }
}

/// Pushes the lines of `s`'s subtree; returns its subtotal line, if it has items.
fn walk(report: &Report, s: SectionIx, lines: &mut Vec<Line>) -> Option<usize> {
    let mut parts = Vec::new();
    for &i in &report.sections[s].items {
        parts.push(lines.len());
        lines.push(Line::Item(i));
    }
    for &c in &report.sections[s].children {
        if let Some(k) = walk(report, c, lines) {
            parts.push(k);
        }
    }
    if parts.is_empty() {
        return None;
    }
    lines.push(Line::Subtotal { section: s, parts });
    Some(lines.len() - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse_report;

    #[test]
    fn subtotals_close_sections_after_their_subsections() {
        let r = parse_report(
            br#"{"id":"r","title":"R","sections":[
                {"id":"a","title":"A","items":[{"id":"a1","text":"x"}],
                 "sections":[{"id":"b","title":"B","items":[{"id":"b1","text":"x"},{"id":"b2","text":"x"}]},
                             {"id":"e","title":"Empty"}]},
                {"id":"n","title":"No items"},
                {"id":"c","title":"C","items":[{"id":"c1","text":"x"}]}]}"#,
        )
        .unwrap();
        let l = layout(&r);
        assert_eq!(l.levels, 2);
        use Line::*;
        assert_eq!(
            l.lines,
            vec![
                Item(0),
                Item(1),
                Item(2),
                Subtotal { section: 1, parts: vec![1, 2] },
                Subtotal { section: 0, parts: vec![0, 3] },
                Item(3),
                Subtotal { section: 4, parts: vec![5] },
            ]
        );
        assert_eq!(l.top, vec![4, 6]);
        assert_eq!(l.item_lines(), vec![0, 1, 2, 5]);
    }
}
