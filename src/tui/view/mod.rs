//! Drawing: one function per pane, each reading `App` and writing to the frame, never
//! changing the app. `draw` lays the panes out and picks overlays by mode; what it keeps
//! between frames (wrapped text) is its own `ViewState`, and what `App::update` must know of
//! a frame (how far the text can scroll) it returns as `Measures`.

mod filters;
pub(crate) mod help;
mod info;
mod kept;
mod note;
mod outline;
pub mod reading;
mod score;
mod search;
mod status;

use super::action::Action;
use super::app::App;
use super::keys::KeyMode;
use super::layout::{self, Measures};
use crate::text;
use crate::words::tui as words;
pub use kept::ViewState;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};
pub use status::said;

/// Draws the whole screen from `app`, with what `state` kept from earlier frames; returns what
/// the frame measured (what was not drawn keeps the app's last measure).
pub fn draw(app: &App, state: &mut ViewState, frame: &mut Frame) -> Measures {
    let mut measured = app.measured;
    let area = frame.area();
    if layout::too_small(area) {
        draw_too_small(app, frame, area);
        return measured;
    }
    let p = layout::panes(area, app.focus == super::app::Pane::Outline);
    status::draw_header(app, frame, p.header);
    if p.outline.width > 0 {
        outline::draw(app, frame, p.outline);
    }
    if p.reading.width > 0 {
        measured.reading_lines = reading::draw(app, state, frame, p.reading);
        let (matches, scroll) = (state.match_lines(), app.text_scroll);
        measured.matches = matches.len();
        measured.next_match = matches.iter().copied().find(|&l| l > scroll);
        measured.prev_match = matches.iter().copied().rev().find(|&l| l < scroll);
    }
    score::draw(app, frame, p.score);
    status::draw(app, frame, p.status);
    match &app.mode {
        super::app::Mode::Note { item, editor } => note::draw(app, frame, *item, editor),
        super::app::Mode::Help { scroll } => {
            let close = app.keymap.key(KeyMode::Help, &Action::PageClose);
            let scroll_keys =
                app.keymap.group_keys(KeyMode::Help, &[Action::PageLineDown, Action::PageLineUp]);
            let title = words::HELP_TITLE.fill(&[("close", &close), ("scroll", &scroll_keys)]);
            measured.page_max_scroll = draw_page(app, frame, &title, *scroll);
        }
        super::app::Mode::Info { scroll } => {
            let close = app.keymap.key(KeyMode::Help, &Action::PageClose);
            let title = words::INFO_TITLE.fill(&[("close", &close)]);
            measured.page_max_scroll = draw_page(app, frame, &title, *scroll);
        }
        super::app::Mode::Filters => filters::draw(app, frame),
        super::app::Mode::Search(state) => search::draw(app, frame, state),
        _ => {}
    }
    measured
}

/// Where the full-screen pages (help, info) go.
fn page_rect(area: Rect) -> Rect {
    centered(area, area.width.saturating_sub(4).min(90), area.height.saturating_sub(2))
}

/// The lines of the page the mode shows, at `width` columns.
fn page_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    match app.mode {
        super::app::Mode::Help { .. } => help::lines(app, width),
        super::app::Mode::Info { .. } => info::lines(app, width),
        _ => Vec::new(),
    }
}

/// Draws the full-screen page (help, info) scrolled to `scroll`; returns how far it can scroll.
fn draw_page(app: &App, frame: &mut Frame, title: &str, scroll: u16) -> u16 {
    let rect = page_rect(frame.area());
    let block = pane_block(app, title, true);
    let inner = block.inner(rect);
    clear_overlay(frame, rect);
    frame.render_widget(block, rect);
    let lines = page_lines(app, inner.width);
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let top = usize::from(scroll).min(max);
    frame.render_widget(Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()), inner);
    u16::try_from(max).unwrap_or(u16::MAX)
}

/// Keys do nothing behind this (nothing can be seen): it says so, and which key quits.
fn draw_too_small(app: &App, frame: &mut Frame, area: Rect) {
    let msg = words::TOO_SMALL.fill(&[
        ("w", &area.width),
        ("h", &area.height),
        ("min_w", &layout::MIN_WIDTH),
        ("min_h", &layout::MIN_HEIGHT),
        ("key", &app.keymap.key(KeyMode::Normal, &Action::Quit)),
    ]);
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

/// Blanks `rect` for an overlay. A wide character straddling its left or right edge is blanked
/// too: otherwise the terminal would draw that character over the overlay's border.
fn clear_overlay(frame: &mut Frame, rect: Rect) {
    let buf = frame.buffer_mut();
    let area = buf.area;
    for y in rect.top()..rect.bottom() {
        if rect.left() > area.left() && text::width(buf[(rect.left() - 1, y)].symbol()) > 1 {
            buf[(rect.left() - 1, y)].set_symbol(" ");
        }
        if rect.right() < area.right() && rect.right() > rect.left() {
            let last = (rect.right() - 1, y);
            if text::width(buf[last].symbol()) > 1 {
                buf[(rect.right(), y)].set_symbol(" ");
            }
        }
    }
    frame.render_widget(ratatui::widgets::Clear, rect);
}

/// A rectangle of `w`×`h` centred in `area` (clamped to it).
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}
