//! `appraise search REPORT QUERY [--json] [--limit N] [--color WHEN]`: the search box's ranked
//! hits from the shell — the same query syntax, the same order — a line per hit, its fields
//! separated by tabs, or a JSON array (`docs/schema/search-1.json`) with each hit's matched text
//! and the char offsets of its matched chars. The report's own text is searched (titles, texts,
//! criteria, section bodies, ids), and with `--evaluator` that evaluator's notes. On a terminal the matched chars
//! are coloured (`--color`, `NO_COLOR`). As grep and rg, no hit is exit 1 (after nothing, or
//! `[]`).

use super::Failure;
use super::export::stdout_result;
use crate::report::{Node, Report};
use crate::search::{Field, Hit, Index, Query, match_positions, search as find, snippet};
use crate::text::truncate;
use crate::theme::ColorDepth;
use crate::words::search as w;
use anstyle::{AnsiColor, Style};
use clap::ColorChoice;
use std::io::{IsTerminal, Write};
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
    color: ColorChoice,
    notes_of: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let report = super::load_or_import(report_path, &mut std::io::stderr())?;
    // With `--evaluator`: their notes are searched too.
    let notes: Vec<(usize, String)> = match notes_of {
        Some(path) => match crate::store::load_scores(path, &report)? {
            Some(l) => l
                .scores
                .entries
                .iter()
                .enumerate()
                .filter(|(_, e)| !e.note.is_empty())
                .map(|(i, e)| (i, e.note.clone()))
                .collect(),
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    let hits = ranked(&report, query, limit, &notes);
    let rows: Vec<HitOut> =
        hits.iter().map(|hit| hit_out(&report, &notes, hit, &Query::parse(query))).collect();
    let text = if json {
        let mut s = crate::text::json_escaped(serde_json::to_string_pretty(&rows).unwrap_or_default());
        s.push('\n');
        s
    } else {
        let paint = Paint::new(coloured(color));
        rows.iter().map(|row| plain_line(row, paint)).collect()
    };
    stdout_result(out.write_all(text.as_bytes()).and_then(|()| out.flush()))?;
    if rows.is_empty() { Err(Failure::NothingFound) } else { Ok(()) }
}

/// Whether the plain lines are coloured: `auto` on a terminal whose environment allows colour
/// (no `NO_COLOR`, no `TERM=dumb`: the review's own rule).
fn coloured(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && crate::theme::detect_depth_from_env() != ColorDepth::None
        }
    }
}

/// How matched chars are marked: bold red, as grep and rg show them; or not at all.
#[derive(Clone, Copy)]
struct Paint {
    matched: Option<Style>,
}

impl Paint {
    fn new(on: bool) -> Paint {
        let red = Style::new().bold().fg_color(Some(AnsiColor::Red.into()));
        Paint { matched: on.then_some(red) }
    }

    /// `text` with the chars at `positions` (char indices, ascending) marked; `text` is already
    /// safe for a terminal.
    fn marked(self, text: &str, positions: &[usize]) -> String {
        let Some(style) = self.matched else { return text.to_string() };
        let mut out = String::with_capacity(text.len() + 16 * positions.len());
        let mut on = false;
        for (i, c) in text.chars().enumerate() {
            let hit = positions.binary_search(&i).is_ok();
            if hit != on {
                out.push_str(&if hit {
                    style.render().to_string()
                } else {
                    style.render_reset().to_string()
                });
                on = hit;
            }
            out.push(c);
        }
        if on {
            out.push_str(&style.render_reset().to_string());
        }
        out
    }
}

/// The hits of `query` in `report`, best first, ties in report order, at most `limit`.
/// The hits, best first, at most `limit`; an evaluator's `notes` searched too.
fn ranked(report: &Report, query: &str, limit: Option<usize>, notes: &[(usize, String)]) -> Vec<Hit> {
    let index = Index::new(report);
    let mut hits = find(report, &index, notes, &Query::parse(query), None, &|| false).unwrap_or_default();
    hits.truncate(limit.unwrap_or(usize::MAX));
    hits
}

fn hit_out<'a>(report: &'a Report, notes: &'a [(usize, String)], hit: &Hit, query: &Query) -> HitOut<'a> {
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
        (Node::Item(i), Field::Note) => {
            ("note", notes.iter().find(|(k, _)| *k == i).map_or("", |(_, n)| n.as_str()))
        }
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

/// `id⇥kind⇥path › title⇥…matched text…`: four fields separated by tabs (the last empty when
/// the match is in the title or the id), made safe for a terminal, the matched chars marked.
fn plain_line(hit: &HitOut, paint: Paint) -> String {
    let safe = |s: &str| truncate(s, usize::MAX).into_owned();
    let kind = if hit.kind == "item" { w::KIND_ITEM } else { w::KIND_SECTION };
    let mut place: Vec<String> = hit.path.iter().map(|t| safe(t.trim())).collect();
    let (id, title) = match hit.field {
        "id" => (paint.marked(&one_for_one(hit.id), &hit.positions), safe(&hit.title)),
        "title" if hit.title == hit.text => {
            (safe(hit.id), paint.marked(&one_for_one(&hit.title), &hit.positions))
        }
        _ => (safe(hit.id), safe(&hit.title)),
    };
    place.push(title);
    let text = if matches!(hit.field, "title" | "id") {
        String::new()
    } else {
        let (snip, positions) = snippet(hit.text, &hit.positions, SNIPPET_WIDTH);
        paint.marked(&snip, &positions)
    };
    format!("{id}\t{kind}\t{}\t{text}\n", place.join(w::PATH_SEP.get()))
}

/// `s` on one line and safe for a terminal, one char for each of its chars, so that a match's
/// char positions still point at the chars they matched.
fn one_for_one(s: &str) -> String {
    let line: String = s.chars().map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c }).collect();
    crate::text::sanitize(&line).into_owned()
}
