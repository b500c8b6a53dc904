//! The `appraise.report/1` file as data: the one definition of the format for everything that
//! writes a report (the importer, the generator), and the way back from a loaded [`Report`]
//! ([`ReportFile::of`]), which ties the two readers to it: a report with every field, written
//! from this model, must read back identically through the fast reader (`fast.rs`) and the
//! located one (`load.rs`) — see the tests. The format in words is `docs/formats.md`; its JSON
//! Schema is `docs/schema/report-1.json`, and a test checks this model against it.
//!
//! Adding a field: add it here (the writers and [`ReportFile::of`] then fail to compile until
//! they say what it is), to `Report` and both readers (the round-trip test fails until they
//! read it), and to the schema (the schema test fails until it names it).

use super::{Report, Scale, Section};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// The format's name, the value of `format`: the only one this version reads.
pub const FORMAT: &str = "appraise.report/1";

/// A report file.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ReportFile {
    /// [`FORMAT`]; optional in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    pub id: String,
    pub title: String,
    /// Shown on the info page, in this order; `lang` chooses a sheet's language.
    #[serde(skip_serializing_if = "Meta::is_empty")]
    pub meta: Meta,
    /// The default scale of every item (0–10 step 0.5 when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleFile>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grades: Option<Vec<GradeFile>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub require_note_below_max: Option<bool>,
    pub sections: Vec<SectionFile>,
}

/// `meta`: keys and values in file order (a repeated key is written once, its first value).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta(pub Vec<(String, MetaValue)>);

/// A `meta` value: text, or a number (shown as text).
#[derive(Debug, Clone, PartialEq)]
pub enum MetaValue {
    Text(String),
    Number(f64),
}

/// A scale: scores from `min` to `max` on a grid of `step` from `min`; each part optional.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ScaleFile {
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_number")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_number")]
    pub max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_number")]
    pub step: Option<f64>,
}

/// A grade band: the label of a percentage of at least `min`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GradeFile {
    #[serde(serialize_with = "number")]
    pub min: f64,
    pub label: String,
}

/// A section: a title, an optional body, its items, then its subsections.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct SectionFile {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemFile>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionFile>,
}

/// The text [`ReportFile::into_json_pretty`] writes, and when it last said so.
struct Writer<'a> {
    out: String,
    every: usize,
    since: usize,
    written: &'a mut dyn FnMut(),
}

impl Writer<'_> {
    /// `[`, the sections one a line `pad` and four spaces in, `]` at `pad`: the value of a
    /// `sections` key standing at `pad`.
    fn sections(&mut self, sections: Vec<SectionFile>, pad: &str) {
        let inner = format!("{pad}  ");
        let n = sections.len();
        self.out.push_str("[\n");
        for (i, section) in sections.into_iter().enumerate() {
            self.section(section, &inner);
            self.out.push_str(if i + 1 < n { ",\n" } else { "\n" });
        }
        self.out.push_str(pad);
        self.out.push(']');
    }

    /// One section as an element at `pad`: its own fields as serde writes them, then its
    /// subsections, each written (and dropped) in turn.
    fn section(&mut self, mut section: SectionFile, pad: &str) {
        let children = std::mem::take(&mut section.sections);
        let text = serde_json::to_string_pretty(&section).unwrap_or_default();
        drop(section);
        let before = self.out.len();
        let own = if children.is_empty() { text.as_str() } else { text.strip_suffix("\n}").unwrap_or(&text) };
        for (k, line) in own.split('\n').enumerate() {
            if k > 0 {
                self.out.push('\n');
            }
            self.out.push_str(pad);
            self.out.push_str(line);
        }
        self.since += self.out.len() - before;
        drop(text);
        if self.since >= self.every {
            (self.written)();
            self.since = 0;
        }
        if !children.is_empty() {
            self.out.push_str(",\n");
            self.out.push_str(pad);
            self.out.push_str("  \"sections\": ");
            self.sections(children, &format!("{pad}  "));
            self.out.push('\n');
            self.out.push_str(pad);
            self.out.push('}');
        }
    }
}

impl SectionFile {
    /// At least the room its pretty JSON takes as an element of a report's `sections`: every
    /// string escaped at most twice over (a `\n` is two bytes; the controls written as
    /// `\u00XX` were scrubbed from imported text, and are counted six times here), keys, ids and
    /// indentation within a kilobyte a node at this depth and below.
    fn json_room(&self) -> usize {
        let text = |t: &str| 2 * t.len() + 4 * t.bytes().filter(|b| *b < 0x20 && *b != b'\n').count();
        let depth = 1024 + 64 * self.sections.len();
        let own = text(&self.id) + text(&self.title) + self.body.as_deref().map_or(0, text);
        let items: usize = self
            .items
            .iter()
            .map(|i| {
                depth
                    + text(&i.id)
                    + i.title.as_deref().map_or(0, text)
                    + text(&i.text)
                    + i.criteria.as_deref().map_or(0, text)
                    + i.tags.iter().chain(&i.refs).map(|t| text(t) + 16).sum::<usize>()
            })
            .sum();
        depth + own + items + self.sections.iter().map(SectionFile::json_room).sum::<usize>()
    }
}

/// An item to score.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ItemFile {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub text: String,
    /// The item's own scale, where it differs from the report's.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_number")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_number")]
    pub max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_number")]
    pub step: Option<f64>,
    /// The scoring guidance (评分标准).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Ids of the sections or items that are the evidence for this item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<String>,
    /// The reporting unit's own score (自评得分).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_number")]
    pub self_score: Option<f64>,
}

impl ReportFile {
    /// The file's text: pretty JSON ending in a newline (what the importer writes).
    pub fn to_json_pretty(&self) -> String {
        // Serialising these types cannot fail: every map key is a string.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// [`to_json_pretty`](Self::to_json_pretty)'s text, written a section at a time, each
    /// section's own fields dropped once written (and `written` called every `every` bytes or
    /// so): a large report is not held twice, as model and text, while it is written.
    pub fn into_json_pretty(mut self, every: usize, mut written: impl FnMut()) -> String {
        let sections = std::mem::take(&mut self.sections);
        let head = self.to_json_pretty();
        let Some(head) = head.strip_suffix("[]\n}\n").filter(|_| !sections.is_empty()) else {
            return head;
        };
        // Room for the whole text at once: grown by doubling, the text would be copied at each
        // step, old and new both held. Pages reserved and never written cost nothing.
        let room = head.len() + sections.iter().map(SectionFile::json_room).sum::<usize>() + 16;
        let mut w = Writer { out: String::with_capacity(room), every, since: 0, written: &mut written };
        w.out.push_str(head);
        w.sections(sections, "  ");
        w.out.push_str("\n}\n");
        w.out.shrink_to_fit();
        w.out
    }

    /// The file's text on one line, no newline (what the generator writes).    /// The file's text on one line, no newline (what the generator writes).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A loaded report as a file again: what a reader understood, in the model's terms. Scales
    /// come back resolved (an item's only where it differs from the report's), `meta` values as
    /// text, absent lists as empty.
    pub fn of(report: &Report) -> ReportFile {
        ReportFile {
            format: Some(FORMAT.into()),
            id: report.id.clone(),
            title: report.title.clone(),
            meta: Meta(report.meta.iter().map(|(k, v)| (k.clone(), MetaValue::Text(v.clone()))).collect()),
            scale: Some(ScaleFile::of(report.scale)),
            grades: (!report.grades.is_empty()).then(|| {
                report.grades.iter().map(|g| GradeFile { min: g.min, label: g.label.clone() }).collect()
            }),
            require_note_below_max: report.require_note_below_max.then_some(true),
            sections: report
                .sections
                .iter()
                .enumerate()
                .filter(|(_, s)| s.parent.is_none())
                .map(|(s, _)| section_of(report, s))
                .collect(),
        }
    }
}

impl ScaleFile {
    /// Every part of `scale`.
    pub fn of(scale: Scale) -> ScaleFile {
        ScaleFile { min: Some(scale.min), max: Some(scale.max), step: Some(scale.step) }
    }
}

fn section_of(report: &Report, s: usize) -> SectionFile {
    let section: &Section = &report.sections[s];
    SectionFile {
        id: section.id.to_string(),
        title: section.title.to_string(),
        body: section.body.as_ref().map(ToString::to_string),
        items: section
            .items
            .iter()
            .map(|&i| {
                let item = &report.items[i];
                let own = |mine: f64, default: f64| (mine != default).then_some(mine);
                ItemFile {
                    id: item.id.to_string(),
                    title: item.title.as_ref().map(ToString::to_string),
                    text: item.text.to_string(),
                    min: own(item.scale.min, report.scale.min),
                    max: own(item.scale.max, report.scale.max),
                    step: own(item.scale.step, report.scale.step),
                    criteria: item.criteria.as_ref().map(ToString::to_string),
                    tags: item.tags.iter().map(ToString::to_string).collect(),
                    refs: item.refs.iter().map(ToString::to_string).collect(),
                    self_score: item.self_score,
                }
            })
            .collect(),
        sections: section.children.iter().map(|&c| section_of(report, c)).collect(),
    }
}

impl Meta {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Text entries, in order.
    pub fn texts(entries: impl IntoIterator<Item = (String, String)>) -> Meta {
        Meta(entries.into_iter().map(|(k, v)| (k, MetaValue::Text(v))).collect())
    }
}

impl Serialize for Meta {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        let mut seen = std::collections::HashSet::new();
        for (k, v) in &self.0 {
            if seen.insert(k.as_str()) {
                match v {
                    MetaValue::Text(t) => map.serialize_entry(k, t)?,
                    MetaValue::Number(n) => map.serialize_entry(k, &Number(*n))?,
                }
            }
        }
        map.end()
    }
}

/// A number as people write it in JSON: whole numbers without a fraction (`5`, not `5.0`).
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 1e15 { s.serialize_i64(v as i64) } else { s.serialize_f64(v) }
    }
}

fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    Number(*v).serialize(s)
}

fn opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => Number(*v).serialize(s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
#[path = "file_tests.rs"]
mod tests;
