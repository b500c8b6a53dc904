//! Drawing: one function per pane, each reading `App` and writing to the frame, never
//! changing state. `draw` lays the panes out and picks overlays by mode.

mod help;
mod info;
mod note;
mod outline;
pub mod reading;
mod score;
mod status;

use super::app::App;
use super::layout;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if layout::too_small(area) {
        draw_too_small(frame, area);
        return;
    }
    let p = layout::panes(area, app.focus == super::app::Pane::Outline);
    status::draw_header(app, frame, p.header);
    if p.outline.width > 0 {
        outline::draw(app, frame, p.outline);
    }
    if p.reading.width > 0 {
        reading::draw(app, frame, p.reading);
    }
    score::draw(app, frame, p.score);
    status::draw(app, frame, p.status);
    match &app.mode {
        super::app::Mode::Note { item, editor } => note::draw(app, frame, *item, editor),
        super::app::Mode::Help { scroll } => help::draw(app, frame, *scroll),
        super::app::Mode::Info { scroll } => info::draw(app, frame, *scroll),
        _ => {}
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let msg = format!(
        "Terminal too small ({}×{}). appraise needs {}×{}; enlarge the window. q quits.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let lines: Vec<Line> =
        text::wrap(&msg, usize::from(area.width.max(1))).into_iter().map(Line::from).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// A pane's frame: rounded borders, highlighted when focused.
fn pane_block<'a>(app: &App, title: impl Into<Line<'a>>, focused: bool) -> Block<'a> {
    let style = if focused { app.theme.border_focused } else { app.theme.border };
    Block::default().borders(Borders::ALL).border_type(BorderType::Rounded).border_style(style).title(title)
}

/// `s` made terminal-safe and cut to `max` columns.
fn clip(s: &str, max: usize) -> String {
    text::truncate(&text::sanitize(s), max).into_owned()
}

/// A rectangle of `w`×`h` centred in `area` (clamped to it).
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}
