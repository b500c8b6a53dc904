//! What the JSON sheets share: numbers written as people write them, the report reference,
//! and pretty printing with a final newline.

use crate::report::Report;
use crate::scores::fmt_num;
use serde_json::Value;

/// `5`, `6.5`, `0.25`, `4.6667` (at most 4 decimals, no binary noise).
pub(super) fn number(x: f64) -> Value {
    serde_json::from_str(&fmt_num(x)).unwrap_or(Value::Null)
}

/// A number, or `null`.
pub(super) fn opt(x: Option<f64>) -> Value {
    x.map_or(Value::Null, number)
}

#[derive(serde::Serialize)]
pub(super) struct ReportRef<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub sha256: &'a str,
}

impl<'a> ReportRef<'a> {
    pub fn of(report: &'a Report) -> Self {
        ReportRef { id: &report.id, title: &report.title, sha256: &report.sha256 }
    }
}

/// The dates a sheet shows, as data.
#[derive(serde::Serialize)]
pub(super) struct DatesOut {
    pub changed: Option<String>,
    pub exported: String,
}

impl DatesOut {
    pub fn of(d: &super::framing::Dates) -> Self {
        DatesOut { changed: d.changed.map(|c| c.to_string()), exported: d.exported.to_string() }
    }
}

pub(super) fn pretty(doc: &impl serde::Serialize) -> String {
    let mut out = crate::text::json_escaped(serde_json::to_string_pretty(doc).unwrap_or_default());
    out.push('\n');
    out
}
