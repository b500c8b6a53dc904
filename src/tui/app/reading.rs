//! The reading pane's lines, kept between frames. Wrapping costs ≈ 0.1 ms per 1 000 characters,
//! so a long text (a whole chapter pasted into one item) would cost every frame and every
//! scroll; instead `update` wraps the current node once per change of node, width, scores or
//! theme, and a frame copies out only the rows in view. The view checks the key and wraps for
//! itself on a miss (a size `update` has not seen yet), so it never stores anything.

use ratatui::style::Style;
use ratatui::text::Line;

use super::App;
use crate::report::Node;
use crate::tui::layout;
use crate::tui::view::reading::content;

/// The wrapped lines and what they were wrapped for.
#[derive(Debug, Default)]
pub struct ReadingLines {
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
    /// The theme's styles the lines carry.
    styles: [Style; 4],
}

impl App {
    fn reading_key(&self, width: u16) -> Key {
        let t = &self.theme;
        Key {
            node: self.current(),
            width,
            revision: self.revision,
            styles: [t.title, t.muted, t.label, t.link],
        }
    }

    /// Width of the reading pane's text (when the pane is shown).
    pub(super) fn reading_width(&self) -> u16 {
        layout::inner(layout::panes(self.size, false).reading).width
    }

    /// Wraps the reading pane again if what it shows has changed.
    pub(super) fn refresh_reading(&mut self) {
        let width = self.reading_width();
        let key = self.reading_key(width);
        if self.reading.key != Some(key) {
            let lines = content(self, width);
            self.reading = ReadingLines { key: Some(key), lines };
        }
    }

    /// The reading pane's lines at `width`, if they are kept for what it shows now.
    pub fn reading_lines(&self, width: u16) -> Option<&[Line<'static>]> {
        (self.reading.key == Some(self.reading_key(width))).then_some(self.reading.lines.as_slice())
    }
}
