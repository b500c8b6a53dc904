//! The help screen: every key of the key map in force, plus the keys of the text-entry screens.

use super::App;
use crate::text;
use ratatui::text::{Line, Span};

const ENTRY_KEYS: &[(&str, &str)] = &[
    ("Score prompt", ""),
    ("digits . Backspace", "type the score"),
    ("Enter / Esc", "set it / cancel"),
    ("Search (/)", ""),
    ("↑/↓, Ctrl-n/Ctrl-p", "choose a hit"),
    ("Enter / Esc", "jump to it / close, staying where you were"),
    ("Filters (F)", ""),
    ("u f r n t / c", "unscored, flagged, needs a reason, has a note, tag / clear"),
    ("Note editor", ""),
    ("Esc", "close and keep the note"),
    ("Enter", "new line"),
    ("Ctrl-s", "keep the note and save now"),
    ("paste", "pasted text goes in as text"),
];

/// Every line of the help page.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let key_w = 28;
    let mut lines = Vec::new();
    for (keys, what) in app.keymap.help_rows() {
        lines.push(row(&keys, what, key_w, t.key));
    }
    lines.push(Line::default());
    for (keys, what) in ENTRY_KEYS {
        if what.is_empty() {
            lines.push(Line::styled(keys.to_string(), t.label));
        } else {
            lines.push(row(keys, what, key_w, t.key));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled("Outline marks: · unscored  ⚑ flagged  ! needs a reason  ✎ has a note", t.muted));
    lines
}

fn row(keys: &str, what: &str, key_w: usize, key_style: ratatui::style::Style) -> Line<'static> {
    let pad = key_w.saturating_sub(text::width(keys)).max(1);
    Line::from(vec![
        Span::styled(format!("  {keys}"), key_style),
        Span::raw(" ".repeat(pad)),
        Span::raw(what.to_string()),
    ])
}
