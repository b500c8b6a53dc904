//! Named style slots the views draw with. One built-in dark theme for now; themes as data
//! files come later, and views only ever ask for a slot.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub section: Style,
    pub item: Style,
    pub selection: Style,
    pub muted: Style,
    pub label: Style,
    pub score_full: Style,
    pub score_partial: Style,
    pub score_low: Style,
    pub unscored: Style,
    pub flag: Style,
    pub warning: Style,
    pub error: Style,
    pub info: Style,
    pub link: Style,
    pub key: Style,
    pub status: Style,
    /// Matched characters in search results.
    pub highlight: Style,
}

impl Default for Theme {
    fn default() -> Self {
        let fg = |c| Style::new().fg(c);
        Theme {
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            section: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            item: Style::new(),
            selection: Style::new().add_modifier(Modifier::REVERSED),
            muted: fg(Color::DarkGray),
            label: fg(Color::Cyan),
            score_full: fg(Color::Green),
            score_partial: fg(Color::Yellow),
            score_low: fg(Color::Red),
            unscored: fg(Color::DarkGray),
            flag: fg(Color::Magenta).add_modifier(Modifier::BOLD),
            warning: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
            info: fg(Color::Cyan),
            link: fg(Color::Cyan).add_modifier(Modifier::UNDERLINED),
            key: fg(Color::Yellow).add_modifier(Modifier::BOLD),
            status: Style::new(),
            highlight: fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }
}

impl Theme {
    /// The colour of a score by how much of the item's max it earns.
    pub fn score(&self, score: f64, max: f64) -> Style {
        if score >= max - 1e-9 {
            self.score_full
        } else if max > 0.0 && score / max >= 0.6 {
            self.score_partial
        } else {
            self.score_low
        }
    }
}
