//! The fast path of the report loader: typed deserialization straight into the flat model.
//!
//! Hand-written serde seeds (and a few derives) read the document in one pass, without building
//! a JSON tree: keys are matched in place as field identifiers (never allocated), unknown fields
//! are skipped (checked as the slow path would check them, see [`Skip`]), sections and items
//! are pushed into the [`Report`] as they are read, a string the file has without escapes
//! becomes a range of the file's text (nothing copied; an escaped one is decoded once into a
//! string of its own), and every rule of the format is checked on the way — or, for what needs the whole
//! document (the report's scale applied to items, `refs`), in one short pass at the end.
//!
//! It answers only "valid, and here is the report" or "no": on any syntax error, wrong type,
//! duplicate key or rule broken it gives up, and `load` runs the slow path over the same text,
//! which finds and places every problem. It also gives up, conservatively, on the rare valid
//! layouts it does not reproduce exactly (a section's `items` after subsections that have
//! items), so whenever it answers, its report is the one the slow path would build.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use super::file::FORMAT;
use super::model::{Grade, Item, Report, Scale, Section};
use super::node::{Node, SectionIx};
use super::shared::SharedStr;

/// Marks an item's scale bound the item does not set (parsed numbers are always finite).
const INHERIT: f64 = f64::NAN;

/// The report in `text` (all or part of `source`), if it is valid; `None` at the first problem
/// of any kind. The report's strings are ranges of `source` wherever JSON escaping left them
/// as they are in the file.
pub(super) fn parse(source: &Arc<String>, text: &str) -> Option<Report> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut report = Report::default();
    // A guess from the size (an item takes a few hundred bytes) saves rehashing the index.
    report.index.reserve((text.len() / 512).min(1 << 20), &report.sections, &report.items);
    RootSeed(Ctx { report: &mut report, source }).deserialize(&mut de).ok()?;
    de.end().ok()?;
    // Grown by doubling while read: give back the spare room (up to half) for good.
    report.items.shrink_to_fit();
    report.sections.shrink_to_fit();
    finish(&mut report).then_some(report)
}

/// Applies the report's scale to the items and checks what needs the whole document.
fn finish(report: &mut Report) -> bool {
    let base = report.scale;
    for item in &mut report.items {
        let s = &mut item.scale;
        let (own_min, own_max, own_step) = (!s.min.is_nan(), !s.max.is_nan(), !s.step.is_nan());
        if !own_min {
            s.min = base.min;
        }
        if !own_max {
            s.max = base.max;
        }
        if !own_step {
            s.step = base.step;
        }
        if (own_min || own_max) && s.min >= s.max {
            return false;
        }
        if own_step && s.step <= 0.0 {
            return false;
        }
        if let Some(score) = item.self_score
            && s.min < s.max
            && !(s.min..=s.max).contains(&score)
        {
            return false;
        }
    }
    report.items.iter().all(|item| item.refs.iter().all(|r| report.find(r).is_some()))
}

/// A required id or title: present, a string, and not blank.
fn non_empty<E: de::Error, S: std::ops::Deref<Target = str>>(s: S) -> Result<S, E> {
    if s.trim().is_empty() { Err(E::custom("empty")) } else { Ok(s) }
}

/// Gives up: the slow path will say what is wrong.
fn no<E: de::Error>() -> E {
    E::custom("not on the fast path")
}

/// Records a field as seen; a second occurrence gives up (the slow path keeps the last one).
fn once<E: de::Error>(seen: &mut u16, bit: u16) -> Result<(), E> {
    if *seen & bit != 0 {
        return Err(no());
    }
    *seen |= bit;
    Ok(())
}

/// A string borrowed from the text when it has no escapes.
struct Text<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s.to_string())))
            }
            fn visit_string<E>(self, s: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// What the seeds below fill in, and the text the report's strings are ranges of.
struct Ctx<'r> {
    report: &'r mut Report,
    source: &'r Arc<String>,
}

impl Ctx<'_> {
    /// The same context for a nested value.
    fn reborrow(&mut self) -> Ctx<'_> {
        Ctx { report: &mut *self.report, source: self.source }
    }

    /// A placeholder until the field is read: an empty range of the source (no allocation).
    fn empty(&self) -> SharedStr {
        SharedStr::within(self.source, &self.source[..0])
    }

    /// A string of the model: a range of the source when the file has it unescaped.
    fn shared(&self, text: Text<'_>) -> SharedStr {
        match text.0 {
            Cow::Borrowed(s) => SharedStr::within(self.source, s),
            Cow::Owned(s) => SharedStr::from(s),
        }
    }

    fn shared_opt(&self, text: Option<Text<'_>>) -> Option<SharedStr> {
        text.map(|t| self.shared(t))
    }

    fn shared_all<C: FromIterator<SharedStr>>(&self, texts: Option<Vec<Text<'_>>>) -> C {
        texts.unwrap_or_default().into_iter().map(|t| self.shared(t)).collect()
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum RootKey {
    Format,
    Id,
    Title,
    Meta,
    Scale,
    Grades,
    RequireNoteBelowMax,
    Sections,
    #[serde(other)]
    Other,
}

struct RootSeed<'r>(Ctx<'r>);

impl<'de> DeserializeSeed<'de> for RootSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RootSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a report object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut ctx = self.0;
        let mut seen = 0u16;
        while let Some(key) = map.next_key::<RootKey>()? {
            match key {
                RootKey::Format => {
                    once(&mut seen, 1)?;
                    if let Some(Text(f)) = map.next_value::<Option<Text>>()?
                        && f != FORMAT
                    {
                        return Err(no());
                    }
                }
                RootKey::Id => {
                    once(&mut seen, 2)?;
                    ctx.report.id = non_empty(map.next_value()?)?;
                }
                RootKey::Title => {
                    once(&mut seen, 4)?;
                    ctx.report.title = non_empty(map.next_value()?)?;
                }
                RootKey::Meta => {
                    once(&mut seen, 8)?;
                    if let Some(Meta(meta)) = map.next_value()? {
                        ctx.report.meta = meta;
                    }
                }
                RootKey::Scale => {
                    once(&mut seen, 16)?;
                    if let Some(s) = map.next_value::<Option<RawScale>>()? {
                        let d = Scale::default();
                        let scale = Scale {
                            min: s.min.unwrap_or(d.min),
                            max: s.max.unwrap_or(d.max),
                            step: s.step.unwrap_or(d.step),
                        };
                        if scale.min >= scale.max || scale.step <= 0.0 {
                            return Err(no());
                        }
                        ctx.report.scale = scale;
                    }
                }
                RootKey::Grades => {
                    once(&mut seen, 32)?;
                    for g in map.next_value::<Option<Vec<RawGrade>>>()?.unwrap_or_default() {
                        ctx.report.grades.push(Grade { min: g.min, label: non_empty(g.label)? });
                    }
                }
                RootKey::RequireNoteBelowMax => {
                    once(&mut seen, 64)?;
                    ctx.report.require_note_below_max = map.next_value::<Option<bool>>()?.unwrap_or(false);
                }
                RootKey::Sections => {
                    once(&mut seen, 128)?;
                    map.next_value_seed(SectionsSeed { ctx: ctx.reborrow(), parent: None, depth: 0 })?;
                }
                RootKey::Other => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        // id, title and sections are required.
        if seen & (2 | 4 | 128) != 2 | 4 | 128 {
            return Err(no());
        }
        Ok(())
    }
}

/// Unknown fields (and so the checks `Skip` makes) are left to the slow path: these are small.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    min: Option<f64>,
    max: Option<f64>,
    step: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrade {
    min: f64,
    label: String,
}

/// `meta` in file order; values are strings or numbers, numbers written as serde_json does.
struct Meta(Vec<(String, String)>);

impl<'de> Deserialize<'de> for Meta {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(MetaVisitor)
    }
}

struct MetaVisitor;

impl<'de> Visitor<'de> for MetaVisitor {
    type Value = Meta;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Meta, A::Error> {
        let mut entries: Vec<(String, String)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let MetaValue(value) = map.next_value()?;
            entries.push((key, value));
        }
        // A repeated key keeps its first place and its last value: leave that to the slow path.
        let repeated = if entries.len() <= 32 {
            entries.iter().enumerate().any(|(i, (k, _))| entries[..i].iter().any(|(j, _)| j == k))
        } else {
            let mut keys = std::collections::HashSet::with_capacity(entries.len());
            !entries.iter().all(|(k, _)| keys.insert(k.as_str()))
        };
        if repeated { Err(no()) } else { Ok(Meta(entries)) }
    }
}

struct MetaValue(String);

impl<'de> Deserialize<'de> for MetaValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MetaValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E>(self, s: &str) -> Result<MetaValue, E> {
                Ok(MetaValue(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<MetaValue, E> {
                Ok(MetaValue(s))
            }
            fn visit_i64<E>(self, n: i64) -> Result<MetaValue, E> {
                Ok(MetaValue(Number::from(n).to_string()))
            }
            fn visit_u64<E>(self, n: u64) -> Result<MetaValue, E> {
                Ok(MetaValue(Number::from(n).to_string()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<MetaValue, E> {
                Number::from_f64(n).map(|n| MetaValue(n.to_string())).ok_or_else(no)
            }
        }
        d.deserialize_any(V)
    }
}

/// A `sections` array (absent or `null` only where optional: the caller decides).
struct SectionsSeed<'r> {
    ctx: Ctx<'r>,
    parent: Option<SectionIx>,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for SectionsSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for SectionsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of sections")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut ctx = self.ctx;
        while seq
            .next_element_seed(SectionSeed { ctx: ctx.reborrow(), parent: self.parent, depth: self.depth })?
            .is_some()
        {}
        Ok(())
    }
}

/// `null` or a `sections` array under a section.
struct OptSectionsSeed<'r>(SectionsSeed<'r>);

impl<'de> DeserializeSeed<'de> for OptSectionsSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for OptSectionsSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of sections or null")
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.0.deserialize(d)
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum SectionKey {
    Id,
    Title,
    Body,
    Items,
    Sections,
    #[serde(other)]
    Other,
}

/// One section object: pushed in pre-order, its items, then its subsections.
struct SectionSeed<'r> {
    ctx: Ctx<'r>,
    parent: Option<SectionIx>,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for SectionSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SectionSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a section object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut ctx = self.ctx;
        let ix = ctx.report.sections.len();
        let items_before = ctx.report.items.len();
        ctx.report.sections.push(Section {
            id: ctx.empty(),
            title: ctx.empty(),
            body: None,
            parent: self.parent,
            depth: self.depth,
            items: Vec::new(),
            children: Vec::new(),
        });
        if let Some(p) = self.parent {
            ctx.report.sections[p].children.push(ix);
        }
        let mut seen = 0u16;
        while let Some(key) = map.next_key::<SectionKey>()? {
            match key {
                SectionKey::Id => {
                    once(&mut seen, 1)?;
                    let id = ctx.shared(non_empty::<A::Error, _>(map.next_value::<Text>()?)?);
                    ctx.report.sections[ix].id = id;
                    let r = &mut *ctx.report;
                    let id = &r.sections[ix].id;
                    if !r.index.insert(id, Node::Section(ix), &r.sections, &r.items) {
                        return Err(no());
                    }
                }
                SectionKey::Title => {
                    once(&mut seen, 2)?;
                    let title = ctx.shared(non_empty(map.next_value::<Text>()?)?);
                    ctx.report.sections[ix].title = title;
                }
                SectionKey::Body => {
                    once(&mut seen, 4)?;
                    let body = ctx.shared_opt(map.next_value()?);
                    ctx.report.sections[ix].body = body;
                }
                SectionKey::Items => {
                    once(&mut seen, 8)?;
                    // The slow path numbers a section's own items before its subsections'.
                    if ctx.report.items.len() != items_before {
                        return Err(no());
                    }
                    map.next_value_seed(ItemsSeed { ctx: ctx.reborrow(), section: ix })?;
                }
                SectionKey::Sections => {
                    once(&mut seen, 16)?;
                    let seed = SectionsSeed { ctx: ctx.reborrow(), parent: Some(ix), depth: self.depth + 1 };
                    map.next_value_seed(OptSectionsSeed(seed))?;
                }
                SectionKey::Other => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        // id and title are required.
        if seen & 3 != 3 {
            return Err(no());
        }
        Ok(())
    }
}

/// `null` or a section's `items` array.
struct ItemsSeed<'r> {
    ctx: Ctx<'r>,
    section: SectionIx,
}

impl<'de> DeserializeSeed<'de> for ItemsSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for ItemsSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of items or null")
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut ctx = self.ctx;
        while seq.next_element_seed(ItemSeed { ctx: ctx.reborrow(), section: self.section })?.is_some() {}
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum ItemKey {
    Id,
    Title,
    Text,
    Min,
    Max,
    Step,
    Criteria,
    Tags,
    Refs,
    SelfScore,
    #[serde(other)]
    Other,
}

/// One item object, pushed in report order; `null` is the same as absent.
struct ItemSeed<'r> {
    ctx: Ctx<'r>,
    section: SectionIx,
}

impl<'de> DeserializeSeed<'de> for ItemSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ItemSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an item object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ctx = self.ctx;
        let ix = ctx.report.items.len();
        let (mut id, mut text) = (None, None);
        let mut item = Item {
            id: ctx.empty(),
            title: None,
            text: ctx.empty(),
            section: self.section,
            // Completed from the report's scale once the whole document is read.
            scale: Scale { min: INHERIT, max: INHERIT, step: INHERIT },
            criteria: None,
            tags: Default::default(),
            refs: Box::default(),
            self_score: None,
        };
        let mut seen = 0u16;
        let number = |v: Option<f64>| v.unwrap_or(INHERIT);
        while let Some(key) = map.next_key::<ItemKey>()? {
            match key {
                ItemKey::Id => {
                    once(&mut seen, 1)?;
                    id = Some(ctx.shared(non_empty(map.next_value::<Text>()?)?));
                }
                ItemKey::Title => {
                    once(&mut seen, 2)?;
                    item.title = ctx.shared_opt(map.next_value()?);
                }
                ItemKey::Text => {
                    once(&mut seen, 4)?;
                    text = Some(ctx.shared(map.next_value()?));
                }
                ItemKey::Min => {
                    once(&mut seen, 8)?;
                    item.scale.min = number(map.next_value()?);
                }
                ItemKey::Max => {
                    once(&mut seen, 16)?;
                    item.scale.max = number(map.next_value()?);
                }
                ItemKey::Step => {
                    once(&mut seen, 32)?;
                    item.scale.step = number(map.next_value()?);
                }
                ItemKey::Criteria => {
                    once(&mut seen, 64)?;
                    item.criteria = ctx.shared_opt(map.next_value()?);
                }
                ItemKey::Tags => {
                    once(&mut seen, 128)?;
                    item.tags = ctx.shared_all(map.next_value()?);
                }
                ItemKey::Refs => {
                    once(&mut seen, 256)?;
                    item.refs = ctx.shared_all(map.next_value()?);
                }
                ItemKey::SelfScore => {
                    once(&mut seen, 512)?;
                    item.self_score = map.next_value()?;
                }
                ItemKey::Other => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        // id and text are required.
        let (Some(id), Some(text)) = (id, text) else {
            return Err(no());
        };
        (item.id, item.text) = (id, text);
        let r = &mut *ctx.report;
        if !r.index.insert(&item.id, Node::Item(ix), &r.sections, &r.items) {
            return Err(no());
        }
        ctx.report.items.push(item);
        ctx.report.sections[self.section].items.push(ix);
        Ok(())
    }
}

/// Any JSON value, checked exactly as the slow path reads it and dropped. (`IgnoredAny` would
/// skip it faster, but without the nesting limit or the number range the slow path enforces,
/// so a document the slow path refuses could pass here.)
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SkipVisitor)
    }
}

struct SkipVisitor;

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Skip, E> {
        if n.is_finite() { Ok(Skip) } else { Err(no()) }
    }
    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }
}
