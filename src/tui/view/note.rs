//! The note editor overlay, with the terminal's own cursor at the caret so an input method's
//! candidate window appears where the text goes.

use super::{App, centered, clear_overlay, clip, pane_block};
use crate::report::ItemIx;
use ratatui::Frame;
use ratatui::layout::Position;
use ratatui_textarea::TextArea;

pub fn draw(app: &App, frame: &mut Frame, item: ItemIx, editor: &TextArea<'static>) {
    let area = frame.area();
    let w = area.width.saturating_sub(4).min(76);
    let h = area.height.saturating_sub(4).min(12);
    let rect = centered(area, w, h);
    let id = clip(&app.report.items[item].id, 24);
    let close = app.keymap.key(crate::tui::keys::KeyMode::Note, &crate::tui::action::Action::NoteClose);
    let block = pane_block(app, crate::words::tui::NOTE_TITLE.fill(&[("id", &id), ("key", &close)]), true);
    let inner = block.inner(rect);
    clear_overlay(frame, rect);
    frame.render_widget(block, rect);
    frame.render_widget(editor, inner);
    // The widget records its scroll while rendering; the caret is relative to that.
    let caret = editor.screen_cursor();
    let (top, left) = editor.scroll_offset();
    let x = caret.col.saturating_sub(usize::from(left));
    let y = caret.row.saturating_sub(usize::from(top));
    if x < usize::from(inner.width) && y < usize::from(inner.height) {
        frame.set_cursor_position(Position::new(inner.x + x as u16, inner.y + y as u16));
    }
}
