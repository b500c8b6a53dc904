//! `appraise search REPORT QUERY [--json] [--limit N]`: the search box's ranked hits from the
//! shell — the same query syntax, the same order — a line per hit, or a JSON array
//! (`docs/schema/search-1.json`) with each hit's matched text and the char offsets of its
//! matched chars. The report's own text is searched (titles, texts, criteria, section bodies,
//! ids), not an evaluator's notes. No hits is not a failure: nothing (or `[]`) and exit 0.

use super::Failure;
use super::export::stdout_result;
use crate::report::{Node, Report};
use crate::search::{Field, Hit, Index, Query, match_positions, search as find, snippet};
use crate::text::truncate;
use crate::words::search as w;
use std::io::Write;
use std::path::Path;

/// Columns of the matched text shown on a plain line.
const SNIPPET_WIDTH: usize = 60;

/// One hit as the JSON array holds it.
#[derive(serde::Serialize)]
struct HitOut<'a> {
    id: &'a str,
    kind: &'static str,
    /// Titles of the sections the node is in, outermost first (not the node's own).
    path: Vec<&'a str>,
    title: String,
    /// Where the best term matched: title, text, criteria, body or id.
    field: &'static str,
    /// That field's text.
    text: &'a str,
    /// Char offsets (Unicode scalar values) into `text` of the matched chars, ascending.
    positions: Vec<usize>,
}

pub fn search(
    report_path: &Path,
    query: &str,
    json: bool,
    limit: Option<usize>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let report = super::load_or_import(report_path, &mut std::io::stderr())?;
    let hits = ranked(&report, query, limit);
    let rows: Vec<HitOut> = hits.iter().map(|hit| hit_out(&report, hit, &Query::parse(query))).collect();
    let text = if json {
        let mut s = crate::text::json_escaped(serde_json::to_string_pretty(&rows).unwrap_or_default());
        s.push('\n');
        s
    } else {
        rows.iter().map(plain_line).collect()
    };
    stdout_result(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// The hits of `query` in `report`, best first, ties in report order, at most `limit`.
pub fn ranked(report: &Report, query: &str, limit: Option<usize>) -> Vec<Hit> {
    let index = Index::new(report);
    let mut hits = find(report, &index, &[], &Query::parse(query), None, &|| false).unwrap_or_default();
    hits.truncate(limit.unwrap_or(usize::MAX));
    hits
}

fn hit_out<'a>(report: &'a Report, hit: &Hit, query: &Query) -> HitOut<'a> {
    let (id, kind, path, title) = match hit.node {
        Node::Item(i) => {
            let item = &report.items[i];
            (item.id.as_str(), "item", report.section_path(item.section), item.display_title())
        }
        Node::Section(s) => {
            let section = &report.sections[s];
            let path = section.parent.map(|p| report.section_path(p)).unwrap_or_default();
            (section.id.as_str(), "section", path, section.title.trim().to_string())
        }
    };
    let (field, text): (&'static str, &str) = match (hit.node, hit.field) {
        (_, Field::Id) => ("id", id),
        (Node::Item(i), Field::Text) => ("text", &report.items[i].text),
        (Node::Item(i), Field::Criteria) => {
            ("criteria", report.items[i].criteria.as_deref().unwrap_or_default())
        }
        (Node::Section(s), Field::Body) => ("body", report.sections[s].body.as_deref().unwrap_or_default()),
        (Node::Item(i), _) => ("title", report.items[i].title.as_deref().unwrap_or_default()),
        (Node::Section(s), _) => ("title", &report.sections[s].title),
    };
    HitOut { id, kind, path, title, field, text, positions: match_positions(text, query) }
}

/// `id  kind  path › title  …matched text…` (the text when it is not the title or the id),
/// made safe for a terminal.
fn plain_line(hit: &HitOut) -> String {
    let safe = |s: &str| truncate(s, usize::MAX).into_owned();
    let kind = if hit.kind == "item" { w::KIND_ITEM } else { w::KIND_SECTION };
    let mut place: Vec<String> = hit.path.iter().map(|t| safe(t.trim())).collect();
    place.push(safe(&hit.title));
    let mut line = format!("{}  {kind}  {}", safe(hit.id), place.join(w::PATH_SEP.get()));
    if !matches!(hit.field, "title" | "id") {
        let (snip, _) = snippet(hit.text, &hit.positions, SNIPPET_WIDTH);
        line.push_str("  ");
        line.push_str(&snip);
    }
    line.push('\n');
    line
}
