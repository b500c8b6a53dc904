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
            self.key = Some(key);
        }
        &self.lines
    }
}
