//! Where each pane goes for a terminal size. Shared by the views (to draw) and by
//! `App::update` (to know page sizes), so both agree.

use ratatui::layout::{Constraint, Layout, Rect};

/// Smallest terminal the full view needs; below it a short message is shown instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// Below this width the outline and the reading pane share one column (the focused one shows).
pub const TWO_COLUMN_WIDTH: u16 = 72;
/// Height of the score panel, borders included.
pub const SCORE_HEIGHT: u16 = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub header: Rect,
    /// Zero-sized when the outline is hidden (narrow terminal, another pane focused).
    pub outline: Rect,
    /// Zero-sized when hidden.
    pub reading: Rect,
    pub score: Rect,
    pub status: Rect,
}

/// What a frame measured that `App::update` needs to keep scrolling in range: how many lines
/// the reading pane's text has at its width, and how far the open page (help, info) can
/// scroll. The shell hands it over after every frame (`Action::Measured`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Measures {
    pub reading_lines: usize,
    /// Lines of the reading pane with a search match marked, and the nearest one below and
    /// above the top line in view.
    pub matches: usize,
    pub next_match: Option<usize>,
    pub prev_match: Option<usize>,
    pub page_max_scroll: u16,
}

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// The panes for `area`; `outline_focused` decides which of outline/reading shows when narrow.
pub fn panes(area: Rect, outline_focused: bool) -> Panes {
    let [header, main, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0), Constraint::Length(1)]).areas(area);
    // Short terminals give the text more room: the score panel keeps four lines.
    let score_h = if main.height >= 30 { SCORE_HEIGHT } else { SCORE_HEIGHT - 2 }.min(main.height / 2);
    if area.width >= TWO_COLUMN_WIDTH {
        let left = (area.width * 2 / 5).clamp(28, 56);
        let [outline, right] = Layout::horizontal([Constraint::Length(left), Constraint::Min(0)]).areas(main);
        let [reading, score] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(score_h)]).areas(right);
        Panes { header, outline, reading, score, status }
    } else {
        let [top, score] = Layout::vertical([Constraint::Min(0), Constraint::Length(score_h)]).areas(main);
        let empty = Rect { x: top.x, y: top.y, width: 0, height: 0 };
        if outline_focused {
            Panes { header, outline: top, reading: empty, score, status }
        } else {
            Panes { header, outline: empty, reading: top, score, status }
        }
    }
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminal_has_all_panes() {
        let p = panes(Rect::new(0, 0, 120, 40), true);
        assert_eq!(p.header.height, 1);
        assert_eq!(p.status, Rect::new(0, 39, 120, 1));
        assert_eq!(p.outline.width, 48);
        assert_eq!(p.reading.width, 72);
        assert_eq!(p.score.height, SCORE_HEIGHT);
        assert_eq!(p.reading.height + p.score.height, 38);
    }

    #[test]
    fn narrow_terminal_shows_focused_pane() {
        let p = panes(Rect::new(0, 0, 60, 20), false);
        assert_eq!(p.outline.width, 0);
        assert_eq!(p.reading.width, 60);
        let p = panes(Rect::new(0, 0, 60, 20), true);
        assert_eq!(p.reading.width, 0);
        assert_eq!(p.outline.width, 60);
    }
}
