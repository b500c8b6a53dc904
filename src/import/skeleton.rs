//! What a report is made of when an office's scoring table comes with the text: the rubric is
//! the skeleton — its groups (一级, 二级…) top-level sections and subsections, its indicators
//! the scored items, with ids of their own family (`r1`, `r1.2`, `r1.2.3`) — and the text stays,
//! complete, as reading sections (its claims each a leaf section with a body) that keep their
//! `s…` ids, so editing the text never moves a rubric id.

use super::build::{ItemFile, Lang, SectionFile};
use super::rubric::{Indicator, Rubric};

/// The rubric's sections: one per group, the indicators as items in table order; an item's own
/// `step` where its criteria need a finer one than the scale's `scale_step`.
pub fn rubric_sections(rubric: &Rubric, scale_step: f64) -> Vec<SectionFile> {
    let mut top: Vec<SectionFile> = Vec::new();
    for indicator in &rubric.indicators {
        let section = if indicator.groups.is_empty() {
            // A table of one level: its indicators under one section named for the table.
            if top.is_empty() {
                top.push(SectionFile {
                    id: "r1".into(),
                    title: rubric.lang.pick("评分表", "Scoring table").into(),
                    ..SectionFile::default()
                });
            }
            &mut top[0]
        } else {
            let taken = top.len();
            place(&mut top, taken, "r", &indicator.groups)
        };
        // Items and subsections of a group are numbered in one sequence.
        let id = format!("{}.{}", section.id, section.items.len() + section.sections.len() + 1);
        section.items.push(item(indicator, id, rubric.lang, scale_step));
    }
    top
}

/// The section of a path of groups, made where missing: a new one among `siblings` takes the
/// number after `taken` (their parent's items and subsections share one sequence) after `prefix`.
fn place<'a>(
    siblings: &'a mut Vec<SectionFile>,
    taken: usize,
    prefix: &str,
    groups: &[super::rubric::Group],
) -> &'a mut SectionFile {
    let name = &groups[0].name;
    let at = match siblings.iter().position(|s| &s.title == name) {
        Some(at) => at,
        None => {
            siblings.push(SectionFile {
                id: format!("{prefix}{}", taken + 1),
                title: name.clone(),
                ..SectionFile::default()
            });
            siblings.len() - 1
        }
    };
    let section = &mut siblings[at];
    if groups.len() == 1 {
        return section;
    }
    let taken = section.items.len() + section.sections.len();
    let prefix = format!("{}.", section.id);
    place(&mut section.sections, taken, &prefix, &groups[1..])
}

/// An indicator as an item: its name as title and text, its points as `max` (and `step` when
/// finer than the scale's), its criteria and
/// explanation (each labelled when both are given), its self score.
fn item(indicator: &Indicator, id: String, lang: Lang, scale_step: f64) -> ItemFile {
    let criteria = match (&indicator.criteria, &indicator.explanation) {
        (Some(c), Some(e)) => Some(format!(
            "{}{c}\n{}{e}",
            lang.pick("评价标准：", "Criteria: "),
            lang.pick("指标说明：", "Explanation: ")
        )),
        (Some(c), None) => Some(c.clone()),
        (None, Some(e)) => Some(format!("{}{e}", lang.pick("指标说明：", "Explanation: "))),
        (None, None) => None,
    };
    let tags = indicator.groups.first().map(|g| vec![g.name.clone()]).unwrap_or_default();
    ItemFile {
        id,
        title: Some(indicator.name.clone()),
        text: indicator.name.clone(),
        max: Some(indicator.points),
        step: super::rubric::step::for_scale(indicator.step, scale_step),
        criteria,
        tags,
        self_score: indicator.self_score,
        ..ItemFile::default()
    }
}

/// The text's sections with every item turned into a leaf section of the same id (its title,
/// its text as the body): read, not scored.
pub fn reading(sections: Vec<SectionFile>) -> Vec<SectionFile> {
    sections.into_iter().map(reading_section).collect()
}

fn reading_section(section: SectionFile) -> SectionFile {
    let SectionFile { id, title, body, items, sections } = section;
    // A section that only wraps one item of its own title (a leaf after a subsection) is that
    // item's passage.
    if sections.is_empty() && body.is_none() && items.len() == 1 && items[0].title.as_deref() == Some(&title)
    {
        let item = items.into_iter().next().expect("one item");
        return SectionFile {
            id,
            title,
            body: Some(item.text).filter(|t| !t.is_empty()),
            ..SectionFile::default()
        };
    }
    let mut children: Vec<SectionFile> = items.into_iter().map(passage).collect();
    children.extend(sections.into_iter().map(reading_section));
    SectionFile { id, title, body, items: Vec::new(), sections: children }
}

fn passage(item: ItemFile) -> SectionFile {
    let title = item
        .title
        .clone()
        .unwrap_or_else(|| super::build::first_clause(&item.text, Lang::of_texts([item.text.as_str()])));
    SectionFile {
        id: item.id,
        title,
        body: Some(item.text).filter(|t| !t.is_empty()),
        ..SectionFile::default()
    }
}
