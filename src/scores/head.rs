//! The top level of a scores file as far as it is the evaluator's — who scored, when the sheet
//! was submitted or reopened, who handed it over, a panel's members and method — and every
//! top-level field the app does not know, kept as written. (`format`, `report`, `updated_at` and
//! `summary` are not here: the app computes them at every save.)
//!
//! As for an entry (`entry.rs`), reading, writing, comparing and hashing are defined here once
//! and destructure without `..`: a field added to [`Head`] does not compile until each says
//! what it does with it.

use super::entry::{BadField, Expected, Extra, Fields, Merged, at, pick, string, string_or_null};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::hash::{Hash, Hasher};

/// A sheet passed from one evaluator to another: who had it, who took it over, and when (RFC
/// 3339), with any field the app does not know.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Handover {
    pub from: String,
    pub to: String,
    pub at: String,
    pub extra: Extra,
}

/// `panel` in a panel's own scores file (`appraise panel`): its members' names and its method
/// (`mean`, `trimmed_mean`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PanelInfo {
    pub members: Vec<String>,
    pub method: String,
    pub extra: Extra,
}

/// The evaluator's part of the file's top level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Head {
    pub evaluator: Option<String>,
    /// When the evaluator submitted the sheet (RFC 3339), the last time they did.
    pub submitted_at: Option<String>,
    /// When a submitted sheet was changed again: set on the first change after a submission,
    /// cleared by the next one. A sheet is submitted while `submitted_at` is set and this is not.
    pub reopened_at: Option<String>,
    /// Every time the sheet was taken over by another evaluator, oldest first.
    pub handovers: Vec<Handover>,
    /// A panel's agreed scores: who the panel is and how it computes.
    pub panel: Option<PanelInfo>,
    /// Top-level fields the app does not know, kept as written.
    pub extra: Extra,
}

/// The top-level fields the app reads or writes itself; every other one is the head's `extra`.
pub const TOP_FIELDS: &[&str] = &[
    "format",
    "report",
    "evaluator",
    "submitted_at",
    "reopened_at",
    "handovers",
    "panel",
    "updated_at",
    "items",
    "summary",
];

/// Reads the head from the file's top-level fields.
pub fn read_head(top: &Fields<'_>) -> Result<Head, BadField> {
    // An empty name is no name, an empty time no time.
    let text = |key: &str| string_or_null(top.get(key)).map(|s| s.filter(|s| !s.is_empty())).map_err(at(key));
    let evaluator = text("evaluator").map_err(|e| BadField { expected: Expected::String, ..e })?;
    let submitted_at = text("submitted_at")?;
    let reopened_at = text("reopened_at")?;
    let handovers = match top.get("handovers") {
        None => Vec::new(),
        Some(raw) if raw.get() == "null" => Vec::new(),
        Some(raw) => {
            let list: Vec<&serde_json::value::RawValue> =
                serde_json::from_str(raw.get()).map_err(|_| BadField::new("handovers", Expected::Array))?;
            list.into_iter().enumerate().map(|(k, h)| read_handover(k, h)).collect::<Result<_, _>>()?
        }
    };
    let panel = match top.get("panel") {
        None => None,
        Some(raw) if raw.get() == "null" => None,
        Some(raw) => Some(read_panel(raw)?),
    };
    let extra = top.extra(TOP_FIELDS);
    Ok(Head { evaluator, submitted_at, reopened_at, handovers, panel, extra })
}

fn read_handover(k: usize, raw: &serde_json::value::RawValue) -> Result<Handover, BadField> {
    let place = |field: &str| format!("handovers[{k}]{field}");
    let fields = Fields::of(raw).ok().flatten().ok_or_else(|| BadField::new(place(""), Expected::Object))?;
    let field = |name: &str| {
        fields
            .get(name)
            .and_then(string)
            .map(|s| s.into_owned())
            .ok_or_else(|| BadField::new(place(&format!(".{name}")), Expected::String))
    };
    Ok(Handover {
        from: field("from")?,
        to: field("to")?,
        at: field("at")?,
        extra: fields.extra(&["from", "to", "at"]),
    })
}

fn read_panel(raw: &serde_json::value::RawValue) -> Result<PanelInfo, BadField> {
    let fields = Fields::of(raw).ok().flatten().ok_or_else(|| BadField::new("panel", Expected::Object))?;
    let members = match fields.get("members") {
        None => Vec::new(),
        Some(r) if r.get() == "null" => Vec::new(),
        Some(r) => {
            let list: Vec<&serde_json::value::RawValue> =
                serde_json::from_str(r.get()).map_err(|_| BadField::new("panel.members", Expected::Array))?;
            list.into_iter()
                .enumerate()
                .map(|(k, m)| {
                    string(m)
                        .map(|s| s.into_owned())
                        .ok_or_else(|| BadField::new(format!("panel.members[{k}]"), Expected::String))
                })
                .collect::<Result<_, _>>()?
        }
    };
    let method = string_or_null(fields.get("method"))
        .map_err(|_| BadField::new("panel.method", Expected::String))?
        .unwrap_or_default();
    Ok(PanelInfo { members, method, extra: fields.extra(&["members", "method"]) })
}

impl Head {
    /// Merges the app's head and another program's, both changed from `base`, field by field
    /// (as [`super::Entry::merge`]).
    pub fn merge(base: &Head, ours: &Head, theirs: &Head) -> Merged<Head> {
        let mut conflict = false;
        let Head { evaluator, submitted_at, reopened_at, handovers, panel, extra } = ours;
        let value = Head {
            evaluator: pick(&base.evaluator, evaluator, &theirs.evaluator, &mut conflict),
            submitted_at: pick(&base.submitted_at, submitted_at, &theirs.submitted_at, &mut conflict),
            reopened_at: pick(&base.reopened_at, reopened_at, &theirs.reopened_at, &mut conflict),
            handovers: pick(&base.handovers, handovers, &theirs.handovers, &mut conflict),
            panel: pick(&base.panel, panel, &theirs.panel, &mut conflict),
            extra: Extra::merge(&base.extra, extra, &theirs.extra, &mut conflict),
        };
        Merged { value, conflict }
    }

    /// Writes the head's fields into the top-level map, in the file's order: `evaluator` always
    /// (null when unknown), the others only when set. Unknown fields come last (see
    /// [`Head::write_extra`]).
    pub fn write_fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let Head { evaluator, submitted_at, reopened_at, handovers, panel, extra: _ } = self;
        map.serialize_entry("evaluator", evaluator)?;
        if let Some(t) = submitted_at {
            map.serialize_entry("submitted_at", t)?;
        }
        if let Some(t) = reopened_at {
            map.serialize_entry("reopened_at", t)?;
        }
        if !handovers.is_empty() {
            map.serialize_entry("handovers", handovers)?;
        }
        if let Some(p) = panel {
            map.serialize_entry("panel", p)?;
        }
        Ok(())
    }

    /// Writes the top-level fields the app does not know.
    pub fn write_extra<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        self.extra.serialize_into(map)
    }

    /// A hash of the whole head (stable within a run): the writer's change detection.
    pub fn hash_value(&self) -> u64 {
        let mut h = std::hash::DefaultHasher::new();
        self.hash(&mut h);
        h.finish()
    }
}

impl Serialize for Handover {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Handover { from, to, at, extra } = self;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("from", from)?;
        map.serialize_entry("to", to)?;
        map.serialize_entry("at", at)?;
        extra.serialize_into(&mut map)?;
        map.end()
    }
}

impl Serialize for PanelInfo {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let PanelInfo { members, method, extra } = self;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("members", members)?;
        map.serialize_entry("method", method)?;
        extra.serialize_into(&mut map)?;
        map.end()
    }
}
