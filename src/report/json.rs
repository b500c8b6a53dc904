//! The order-preserving JSON tree the report loader walks (serde_json's own map would sort
//! `meta`), and the short, escaped previews of values that problem messages quote.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use crate::words::errors as w;

/// Values quoted in messages are cut to this many characters.
const PREVIEW_CHARS: usize = 20;

/// A parsed JSON value whose objects keep their keys in file order.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Json {
    Null,
    Bool(bool),
    Num(Number),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

pub(super) type Object = [(String, Json)];

impl Json {
    pub(super) fn as_object(&self) -> Option<&Object> {
        match self {
            Json::Obj(o) => Some(o),
            _ => None,
        }
    }
    pub(super) fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(a) => Some(a),
            _ => None,
        }
    }
    pub(super) fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    pub(super) fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => n.as_f64().filter(|f| f.is_finite()),
            _ => None,
        }
    }
}

/// The value of `key` in `obj`; the last one wins, as in serde_json. JSON `null` counts as absent.
pub(super) fn field<'a>(obj: &'a Object, key: &str) -> Option<&'a Json> {
    obj.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Json::Null)
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Num(n.into()))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Num(n.into()))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Json, E> {
        Number::from_f64(n).map(Json::Num).ok_or_else(|| E::custom("numbers must be finite"))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::Str(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::Str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element()? {
            items.push(v);
        }
        Ok(Json::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<String, Json>()? {
            entries.push(entry);
        }
        Ok(Json::Obj(entries))
    }
}

/// "a string (\"5\")", "a number (5)", "an object ({\"a\": 1})"...: the JSON type and a preview.
pub(super) fn describe(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => w::FOUND_BOOL.fill(&[("value", b)]),
        Json::Num(n) => w::FOUND_NUMBER.fill(&[("value", n)]),
        Json::Str(_) => w::FOUND_STRING.fill(&[("value", &preview(v))]),
        Json::Arr(a) if a.is_empty() => w::FOUND_EMPTY_ARRAY.get().into(),
        Json::Arr(_) => w::FOUND_ARRAY.fill(&[("value", &preview(v))]),
        Json::Obj(o) if o.is_empty() => w::FOUND_EMPTY_OBJECT.get().into(),
        Json::Obj(_) => w::FOUND_OBJECT.fill(&[("value", &preview(v))]),
    }
}

/// Compact, escaped JSON-ish text of `v`, cut to [`PREVIEW_CHARS`] characters.
pub(super) fn preview(v: &Json) -> String {
    let mut out = String::new();
    write_preview(v, &mut out);
    truncate_chars(&out, PREVIEW_CHARS)
}

fn write_preview(v: &Json, out: &mut String) {
    if out.chars().count() > PREVIEW_CHARS {
        return;
    }
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(n) => out.push_str(&n.to_string()),
        Json::Str(s) => out.push_str(&quote(s, PREVIEW_CHARS)),
        Json::Arr(items) => write_list(out, "[]", items.iter().map(|v| (None, v))),
        Json::Obj(entries) => write_list(out, "{}", entries.iter().map(|(k, v)| (Some(k), v))),
    }
}

/// `[a, b]` or `{"k": a}` into `out`, stopping once the preview is long enough.
fn write_list<'a>(
    out: &mut String,
    brackets: &str,
    entries: impl Iterator<Item = (Option<&'a String>, &'a Json)>,
) {
    out.push_str(&brackets[..1]);
    for (i, (key, value)) in entries.enumerate() {
        if out.chars().count() > PREVIEW_CHARS {
            return;
        }
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(key) = key {
            out.push_str(&quote(key, PREVIEW_CHARS));
            out.push_str(": ");
        }
        write_preview(value, out);
    }
    out.push_str(&brackets[1..]);
}

/// `s` in double quotes with control characters escaped, cut to `max` characters.
pub(super) fn quote(s: &str, max: usize) -> String {
    let head: String = s.chars().take(max + 1).collect();
    truncate_chars(&format!("{head:?}"), max)
}

pub(super) fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}
