//! One entry of a scores file — what the evaluator recorded for one item — as every place that
//! holds one sees it: the scores file's `items`, the recovery journal's line, the writer's change
//! detection and undo's comparison. The fields the app knows are typed; every other field, from
//! another program or a newer version, is kept exactly as written (`Extra`).
//!
//! Each use is defined here, once, over the whole entry: reading ([`read_entry`]), writing
//! ([`Row`]), hashing (`Hash`), equality and "the same content" ([`Entry::same_content`]). Each
//! destructures the entry without `..`, so a field added to [`Entry`] does not compile until every
//! one of them says what it does with it.

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};

/// What the evaluator recorded for one item.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    pub score: Option<f64>,
    pub note: String,
    pub flagged: bool,
    /// RFC 3339 UTC time of the last change, when known.
    pub updated_at: Option<String>,
    /// Fields the app does not know, kept as written.
    pub extra: Extra,
}

impl Entry {
    /// The same score, note, flag and unknown fields: a change between the two is a real change
    /// (the time of a change is not one).
    pub fn same_content(&self, other: &Entry) -> bool {
        let Entry { score, note, flagged, updated_at: _, extra } = self;
        *score == other.score && *note == other.note && *flagged == other.flagged && *extra == other.extra
    }

    /// Nothing recorded: no score, note or flag (the time and unknown fields aside).
    pub fn is_blank(&self) -> bool {
        let Entry { score, note, flagged, updated_at: _, extra: _ } = self;
        score.is_none() && note.is_empty() && !flagged
    }
}

/// Two edits of one thing from a common base, merged field by field: what each side changed is
/// kept; a field both changed differently keeps `ours` and counts as a conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged<T> {
    pub value: T,
    pub conflict: bool,
}

/// One field of a three-way merge: the side that changed it, or `ours` when both did.
pub(super) fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T, conflict: &mut bool) -> T {
    if theirs == base || ours == theirs {
        ours.clone()
    } else if ours == base {
        theirs.clone()
    } else {
        *conflict = true;
        ours.clone()
    }
}

impl Entry {
    /// Merges the app's entry (`ours`) and another program's (`theirs`), both changed from
    /// `base`. The time of the last change is the later of the two (never a conflict).
    pub fn merge(base: &Entry, ours: &Entry, theirs: &Entry) -> Merged<Entry> {
        let mut conflict = false;
        let Entry { score, note, flagged, updated_at, extra } = ours;
        let value = Entry {
            score: pick(&base.score, score, &theirs.score, &mut conflict),
            note: pick(&base.note, note, &theirs.note, &mut conflict),
            flagged: pick(&base.flagged, flagged, &theirs.flagged, &mut conflict),
            updated_at: updated_at.clone().max(theirs.updated_at.clone()),
            extra: Extra::merge(&base.extra, extra, &theirs.extra, &mut conflict),
        };
        Merged { value, conflict }
    }
}

impl Hash for Entry {
    fn hash<H: Hasher>(&self, h: &mut H) {
        let Entry { score, note, flagged, updated_at, extra } = self;
        score.map(f64::to_bits).hash(h);
        note.hash(h);
        flagged.hash(h);
        updated_at.hash(h);
        extra.hash(h);
    }
}

/// Fields of an object that the app does not know, in the order they came, each value exactly
/// as it was written (its bytes, not a re-encoding). Empty costs one pointer.
#[derive(Debug, Clone, Default)]
pub struct Extra(Option<Box<ExtraFields>>);

/// The unknown fields: each name with its raw JSON value.
type ExtraFields = Vec<(String, Box<RawValue>)>;

impl Extra {
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|v| v.is_empty())
    }

    /// The fields, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &RawValue)> {
        self.0.iter().flat_map(|v| v.iter()).map(|(k, v)| (k.as_str(), &**v))
    }

    /// The raw JSON of field `key`.
    pub fn get(&self, key: &str) -> Option<&RawValue> {
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// Sets field `key` (a later value for a key replaces the earlier one, as JSON readers do).
    pub fn insert(&mut self, key: String, value: Box<RawValue>) {
        let list = self.0.get_or_insert_with(Box::default);
        match list.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => list.push((key, value)),
        }
    }

    /// Writes the fields into a map being serialised.
    pub fn serialize_into<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (k, v) in self.iter() {
            map.serialize_entry(k, v)?;
        }
        Ok(())
    }
}

impl Extra {
    /// Three-way merge, key by key (a key one side removed is removed, unless the other changed
    /// it); the keys in `ours`'s order, then those only `theirs` has.
    pub(super) fn merge(base: &Extra, ours: &Extra, theirs: &Extra, conflict: &mut bool) -> Extra {
        if theirs == base {
            return ours.clone();
        }
        if ours == base || ours == theirs {
            return theirs.clone();
        }
        let mut keys: Vec<&str> = ours.iter().map(|(k, _)| k).collect();
        for (k, _) in theirs.iter().chain(base.iter()) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        let mut out = Extra::default();
        for key in keys {
            let (b, o, t) = (
                base.get(key).map(RawValue::get),
                ours.get(key).map(RawValue::get),
                theirs.get(key).map(RawValue::get),
            );
            let chosen = pick(&b, &o, &t, conflict);
            let source = if chosen == o { ours } else { theirs };
            if let Some(raw) = source.get(key) {
                out.insert(key.to_string(), raw.to_owned());
            }
        }
        out
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Extra) -> bool {
        self.iter().map(|(k, v)| (k, v.get())).eq(other.iter().map(|(k, v)| (k, v.get())))
    }
}

impl Eq for Extra {}

impl Hash for Extra {
    fn hash<H: Hasher>(&self, h: &mut H) {
        for (k, v) in self.iter() {
            k.hash(h);
            v.get().hash(h);
        }
    }
}

/// What a field should have held, when it held something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    NumberOrNull,
    /// A number too large for the app (`1e400`).
    FiniteNumber,
    String,
    StringOrNull,
    Bool,
    Object,
    Array,
}

/// A field of the wrong type: which field (its name, or a path below it such as
/// `members[2]`), and what it should be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadField {
    pub field: String,
    pub expected: Expected,
}

impl BadField {
    pub fn new(field: impl Into<String>, expected: Expected) -> BadField {
        BadField { field: field.into(), expected }
    }
}

/// `map_err(at("score"))`: the field named, with what it should be.
pub(super) fn at(field: &str) -> impl Fn(Expected) -> BadField + '_ {
    move |expected| BadField::new(field, expected)
}

/// The fields of a JSON object in the order written, each value as raw JSON (borrowed from the
/// text where it can be): the one way the scores file's objects are taken apart.
#[derive(Debug, Default)]
pub struct Fields<'a>(pub Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'a> Fields<'a> {
    /// Reads `raw` as an object; `None` when it is not one.
    pub fn of(raw: &'a RawValue) -> Result<Option<Fields<'a>>, serde_json::Error> {
        if !raw.get().starts_with('{') {
            return Ok(None);
        }
        serde_json::from_str(raw.get()).map(Some)
    }

    /// The value of `key` (the last one, when it is there twice).
    pub fn get(&self, key: &str) -> Option<&'a RawValue> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| *v)
    }

    /// Every field whose name is not in `known`, owned, in order.
    pub fn extra(&self, known: &[&str]) -> Extra {
        let mut extra = Extra::default();
        for (k, v) in &self.0 {
            if !known.contains(&k.as_ref()) {
                extra.insert(k.to_string(), (*v).to_owned());
            }
        }
        extra
    }
}

impl<'de> Deserialize<'de> for Fields<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields<'de>, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(6));
                while let Some(Key(k)) = map.next_key()? {
                    out.push((k, map.next_value::<&'de RawValue>()?));
                }
                Ok(Fields(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// A key, borrowed from the text unless it holds escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
        }
        d.deserialize_str(V)
    }
}

// ── typed readers of one raw value ─────────────────────────────────────────────────────────

fn is_null(raw: &RawValue) -> bool {
    raw.get() == "null"
}

/// A number, or null/absent as `None`; `Err` for any other type, or a number too large.
pub fn number_or_null(raw: Option<&RawValue>) -> Result<Option<f64>, Expected> {
    match raw {
        None => Ok(None),
        Some(r) if is_null(r) => Ok(None),
        Some(r) => {
            let s = r.get();
            if s.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
                s.parse::<f64>().ok().filter(|v| v.is_finite()).map(Some).ok_or(Expected::FiniteNumber)
            } else {
                Err(Expected::NumberOrNull)
            }
        }
    }
}

/// A string, or null/absent as `None`.
pub fn string_or_null(raw: Option<&RawValue>) -> Result<Option<String>, Expected> {
    match raw {
        None => Ok(None),
        Some(r) if is_null(r) => Ok(None),
        Some(r) => string(r).map(|s| Some(s.into_owned())).ok_or(Expected::StringOrNull),
    }
}

/// A string (borrowed when it holds no escapes); `None` when the value is not a string.
pub fn string(raw: &RawValue) -> Option<Cow<'_, str>> {
    let s = raw.get();
    let inner = s.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return Some(Cow::Borrowed(inner));
    }
    serde_json::from_str::<String>(s).ok().map(Cow::Owned)
}

/// A string, where null and absent are the empty string.
fn text_or_empty(raw: Option<&RawValue>) -> Result<String, Expected> {
    match raw {
        None => Ok(String::new()),
        Some(r) if is_null(r) => Ok(String::new()),
        Some(r) => string(r).map(Cow::into_owned).ok_or(Expected::String),
    }
}

/// A boolean, where null and absent are false.
fn bool_or_false(raw: Option<&RawValue>) -> Result<bool, Expected> {
    match raw.map(RawValue::get) {
        None | Some("null") | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(Expected::Bool),
    }
}

// ── the entry as a file holds it ───────────────────────────────────────────────────────────

/// The fields of an entry the app reads (`id` beside them); every other one is kept in `extra`.
pub const ENTRY_FIELDS: &[&str] = &["id", "score", "note", "flagged", "updated_at"];

/// Reads an entry from its object's fields (the `id` is read by the caller). A score that is not
/// finite is no score.
pub fn read_entry(fields: &Fields<'_>) -> Result<Entry, BadField> {
    let score = number_or_null(fields.get("score")).map_err(at("score"))?;
    let note = text_or_empty(fields.get("note")).map_err(at("note"))?;
    let flagged = bool_or_false(fields.get("flagged")).map_err(at("flagged"))?;
    let updated_at = string_or_null(fields.get("updated_at")).map_err(at("updated_at"))?;
    let extra = if fields.0.len() > ENTRY_FIELDS.len()
        || fields.0.iter().any(|(k, _)| !ENTRY_FIELDS.contains(&&**k))
    {
        fields.extra(ENTRY_FIELDS)
    } else {
        Extra::default()
    };
    Ok(Entry { score, note, flagged, updated_at, extra })
}

/// An entry as the scores file and the journal write it: `{"id", "score", "note", "flagged",
/// "updated_at", …the fields the app does not know}`.
pub struct Row<'a> {
    pub id: &'a str,
    pub entry: &'a Entry,
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Entry { score, note, flagged, updated_at, extra } = self.entry;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", self.id)?;
        match score {
            Some(v) => map.serialize_entry("score", &Number(*v))?,
            None => map.serialize_entry("score", &())?,
        }
        map.serialize_entry("note", note)?;
        map.serialize_entry("flagged", flagged)?;
        map.serialize_entry("updated_at", updated_at)?;
        extra.serialize_into(&mut map)?;
        map.end()
    }
}

/// A number as the files write it: at most four decimals, no trailing zeros (`fmt_num`).
pub struct Number(pub f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match RawValue::from_string(super::fmt_num(self.0)) {
            Ok(raw) => raw.serialize(s),
            Err(_) => s.serialize_unit(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Entry {
        let raw: &RawValue = serde_json::from_str(text).unwrap();
        read_entry(&Fields::of(raw).unwrap().unwrap()).unwrap()
    }

    #[test]
    fn unknown_fields_round_trip_byte_for_byte_in_value() {
        let text = r#"{"id":"a","score":4.5,"evidence_url":"https://x/y?a=1&b=\u00e9","n":1.50,"z":{"k":[1, 2]},"note":"佐证不足"}"#;
        let e = fields(text);
        assert_eq!(e.score, Some(4.5));
        assert_eq!(e.note, "佐证不足");
        assert_eq!(e.extra.get("n").unwrap().get(), "1.50");
        let out = serde_json::to_string(&Row { id: "a", entry: &e }).unwrap();
        assert!(out.contains(r#""evidence_url":"https://x/y?a=1&b=\u00e9""#), "{out}");
        assert!(out.contains(r#""n":1.50"#), "{out}");
        assert!(out.contains(r#""z":{"k":[1, 2]}"#), "{out}");
        assert_eq!(fields(&out), e);
    }

    #[test]
    fn a_merge_keeps_what_each_side_changed_and_conflicts_only_on_one_field() {
        let base = fields(r#"{"id":"a","score":3,"note":"","x":1}"#);
        let ours = fields(r#"{"id":"a","score":4,"note":"","x":1,"updated_at":"2026-01-01T00:00:01Z"}"#);
        let theirs = fields(
            r#"{"id":"a","score":3,"note":"佐证","x":1,"url":"u","updated_at":"2026-01-01T00:00:02Z"}"#,
        );
        let m = Entry::merge(&base, &ours, &theirs);
        assert!(!m.conflict);
        assert_eq!((m.value.score, m.value.note.as_str()), (Some(4.0), "佐证"));
        assert_eq!(m.value.extra.get("url").unwrap().get(), r#""u""#);
        assert_eq!(m.value.updated_at.as_deref(), Some("2026-01-01T00:00:02Z"));
        let theirs = fields(r#"{"id":"a","score":5,"x":2}"#);
        let m = Entry::merge(&base, &ours, &theirs);
        assert!(m.conflict);
        assert_eq!(m.value.score, Some(4.0));
        assert_eq!(m.value.extra.get("x").unwrap().get(), "2");
    }

    #[test]
    fn wrong_types_name_the_field() {
        let raw: &RawValue = serde_json::from_str(r#"{"id":"a","flagged":"yes"}"#).unwrap();
        let err = read_entry(&Fields::of(raw).unwrap().unwrap()).unwrap_err();
        assert_eq!(err, BadField::new("flagged", Expected::Bool));
        let raw: &RawValue = serde_json::from_str(r#"{"id":"a","score":"7"}"#).unwrap();
        let err = read_entry(&Fields::of(raw).unwrap().unwrap()).unwrap_err();
        assert_eq!(err, BadField::new("score", Expected::NumberOrNull));
    }

    #[test]
    fn every_field_counts_for_hash_and_content_but_time_only_for_hash() {
        use std::hash::DefaultHasher;
        let hash = |e: &Entry| {
            let mut h = DefaultHasher::new();
            e.hash(&mut h);
            h.finish()
        };
        let base = fields(r#"{"id":"a","score":1,"x":1}"#);
        let mut other = base.clone();
        other.extra.insert("x".into(), RawValue::from_string("2".into()).unwrap());
        assert_ne!(hash(&base), hash(&other));
        assert!(!base.same_content(&other));
        let mut timed = base.clone();
        timed.updated_at = Some("2026-01-01T00:00:00Z".into());
        assert_ne!(hash(&base), hash(&timed));
        assert!(base.same_content(&timed));
    }
}
