//! What drawing keeps between frames: the reading pane's wrapped lines. Wrapping costs ≈ 0.1 ms
//! per 1 000 characters, so a long text (a whole chapter pasted into one item) would cost every
//! frame and every scroll; instead the lines are wrapped once per change of node, width, scores
//! or theme, and a frame copies out only the rows in view. The state belongs to the shell and
//! is handed to `view::draw`; `App` never sees it (it learns the line count as a measure).

use ratatui::style::Style;
use ratatui::text::Line;

use super::reading::content;
use crate::report::Node;
use crate::tui::app::App;

/// The kept reading lines, and what they were wrapped for.
#[derive(Debug, Default)]
pub struct ViewState {
    key: Option<Key>,
    lines: Vec<Line<'static>>,
    /// Lines with a search match marked.
    matches: Vec<usize>,
}

/// Everything the reading pane's lines depend on.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Key {
    node: Option<Node>,
    width: u16,
    /// Scores and tallies show on a section's page.
    revision: u64,
    /// The evaluators' scores, in the panel view.
    panel_reads: u64,
    /// The search jump whose matches are marked (0: none).
    found: u64,
    /// The theme's styles the lines carry.
    styles: [Style; 4],
}

fn key(app: &App, width: u16) -> Key {
    let t = &app.theme;
    Key {
        node: app.current(),
        width,
        revision: app.revision,
        panel_reads: app.panel_reads,
        found: shown_found(app).map_or(0, |f| f.generation),
        styles: [t.title, t.muted, t.label, t.link],
    }
}

impl ViewState {
    /// The reading pane's lines for what `app` shows at `width`, wrapped again only if that
    /// changed since the last frame.
    pub fn reading_lines(&mut self, app: &App, width: u16) -> &[Line<'static>] {
        let key = key(app, width);
        if self.key != Some(key) {
            self.lines = content(app, width);
            self.matches = match shown_found(app) {
                Some(f) => mark(&mut self.lines, &crate::search::Query::parse(&f.query), app.theme.highlight),
                None => Vec::new(),
            };
            self.key = Some(key);
        }
        &self.lines
    }

    /// The lines (indices) where the last frame marked a search match.
    pub fn match_lines(&self) -> &[usize] {
        &self.matches
    }
}

/// The search jump to mark, when the reading pane shows the node it went to.
fn shown_found(app: &App) -> Option<&crate::tui::app::Found> {
    app.found.as_ref().filter(|f| Some(f.node) == app.current())
}

/// Marks the characters of each line that `query` matches (line by line: a match broken over a
/// wrap is not marked); returns the lines that have one.
fn mark(lines: &mut [Line<'static>], query: &crate::search::Query, style: Style) -> Vec<usize> {
    use ratatui::text::Span;
    let mut found = Vec::new();
    for (k, line) in lines.iter_mut().enumerate() {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let positions = crate::search::match_positions(&text, query);
        if positions.is_empty() {
            continue;
        }
        found.push(k);
        let mut marked = positions.into_iter().peekable();
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut at = 0;
        for span in &line.spans {
            let mut run = String::new();
            let mut run_marked = false;
            for ch in span.content.chars() {
                let here = marked.next_if_eq(&at).is_some();
                if here != run_marked && !run.is_empty() {
                    let s = if run_marked { span.style.patch(style) } else { span.style };
                    spans.push(Span::styled(std::mem::take(&mut run), s));
                }
                run_marked = here;
                run.push(ch);
                at += 1;
            }
            if !run.is_empty() {
                spans.push(Span::styled(run, if run_marked { span.style.patch(style) } else { span.style }));
            }
        }
        line.spans = spans;
    }
    found
}
