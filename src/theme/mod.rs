//! Themes: named style slots the views draw with. Views only ever ask for a slot
//! (`app.theme.selection`); which colours fill the slots is data — a TOML file per theme in
//! `themes/` (compiled in) or in the user's `<config dir>/themes/` — mapped down at start to
//! the colours the terminal has ([`Theme::for_depth`], [`detect_depth`]).
//!
//! - `color`: colour names, indices and `#rrggbb`, and RGB → 256 → 16 conversion;
//! - `depth`: detecting the terminal's colour depth and mapping styles to it;
//! - `parse`: reading a theme file with every problem located.

use crate::words::errors as w;
use ratatui::style::Style;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Calls `$m!` with the list of slots (each with its doc comment), so the `Theme` struct and
/// the theme-file reader are generated from one list.
macro_rules! with_slots {
    ($m:ident) => {
        $m! {
            /// Borders of panes without focus.
            border,
            /// The border of the focused pane and of overlays (help, search, note).
            border_focused,
            /// The report title in the header, headings in pages.
            title,
            /// Section titles in the outline and the reading pane.
            section,
            /// Item titles.
            item,
            /// The outline row under the cursor, laid over the row's own styles.
            selection,
            /// Secondary text: counts, section paths, hints, placeholders.
            muted,
            /// Field labels (Score, Flag, 评分标准 Criteria…).
            label,
            /// A score at full marks.
            score_full,
            /// A score of 60 % or more of the item's points.
            score_partial,
            /// A score below 60 %.
            score_low,
            /// Unscored items' marks and placeholders.
            unscored,
            /// The follow-up flag ⚑.
            flag,
            /// Warnings, and `!` on items that need a reason.
            warning,
            /// Errors (`✗ NOT SAVED`, refused input).
            error,
            /// Informational messages.
            info,
            /// Evidence links (refs).
            link,
            /// Key names in the help page and status hints.
            key,
            /// The status bar.
            status,
            /// Matched characters in search results.
            highlight,
        }
    };
}

macro_rules! define_theme {
    ($($(#[doc = $doc:literal])* $slot:ident,)*) => {
        /// One style per slot. `Theme::default()` is the built-in `dark` theme.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Theme {
            $($(#[doc = $doc])* pub $slot: Style,)*
        }

        /// Every slot's name, in declaration order (the keys of a theme file).
        pub const SLOTS: &[&str] = &[$(stringify!($slot)),*];

        impl Theme {
            /// The style of the slot called `name`.
            pub fn slot(&self, name: &str) -> Option<Style> {
                match name {
                    $(stringify!($slot) => Some(self.$slot),)*
                    _ => None,
                }
            }

            /// This theme with `f(slot name, style)` applied to every slot.
            pub fn map_slots(&self, mut f: impl FnMut(&'static str, Style) -> Style) -> Theme {
                Theme { $($slot: f(stringify!($slot), self.$slot),)* }
            }
        }
    };
}

with_slots!(define_theme);

mod color;
mod depth;
mod parse;

pub use color::{
    ANSI16, COLOR_NAMES, index_color, index_rgb, is_ansi16, parse_color, rgb_to_16, rgb_to_256, to_16, to_256,
};
pub use depth::{ColorDepth, detect_depth, detect_depth_from_env, map_color, map_style, no_color_modifiers};
pub use parse::MODIFIER_NAMES;

/// The theme used when none is chosen.
pub const DEFAULT_THEME: &str = "dark";

/// The shipped themes, compiled in: name and file text.
pub const BUILTIN_THEMES: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("high-contrast", include_str!("../../themes/high-contrast.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// A theme that could not be loaded. Each is one sentence naming the theme or the file (and
/// the line and column); the command line reports them as bad input (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    #[error("{}", w::THEME_UNKNOWN.fill(&[("name", name), ("available", &available.join(w::LIST_SEP.get()))]))]
    Unknown { name: String, available: Vec<String> },
    #[error("{origin}:{line}:{column}: {message}")]
    Invalid { origin: String, line: usize, column: usize, message: String },
    #[error("{origin}: {message}")]
    Incomplete { origin: String, message: String },
    #[error("{}", w::THEME_UNREADABLE.fill(&[("path", &crate::text::shown(path)), ("why", &crate::io_error::detail(source))]))]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Default for Theme {
    /// The built-in `dark` theme.
    fn default() -> Self {
        static DARK: OnceLock<Theme> = OnceLock::new();
        DARK.get_or_init(|| {
            load_theme(DEFAULT_THEME, None).expect("the built-in dark theme is valid (tested)")
        })
        .clone()
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

    /// This theme as a terminal of `depth` can show it: RGB → the nearest xterm-256 index
    /// (`Ansi256`); anything → one of the 16 ANSI colours (`Ansi16`); no colours at all, and
    /// the slots that must stay distinguishable given their [`no_color_modifiers`] (`None`).
    pub fn for_depth(&self, depth: ColorDepth) -> Theme {
        self.map_slots(|slot, style| map_style(slot, style, depth))
    }
}

/// The directory of user themes under the config directory: `<config dir>/themes`.
pub fn user_themes_dir(config_dir: &Path) -> PathBuf {
    config_dir.join("themes")
}

/// Whether `name` can name a theme file: letters, digits, `-` and `_`.
fn is_theme_name(name: &str) -> bool {
    !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Whether `--theme` got a path rather than a name.
fn is_path(name: &str) -> bool {
    name.contains('/') || name.contains(std::path::MAIN_SEPARATOR) || name.ends_with(".toml")
}

/// Every theme `load_theme` can find by name: the built-in ones and the user's
/// (`<config dir>/themes/*.toml`), sorted, each once.
pub fn available_themes(config_dir: Option<&Path>) -> Vec<String> {
    let mut names: Vec<String> = BUILTIN_THEMES.iter().map(|(n, _)| n.to_string()).collect();
    if let Some(entries) = config_dir.and_then(|d| std::fs::read_dir(user_themes_dir(d)).ok()) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml")
                && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
                && is_theme_name(stem)
            {
                names.push(stem.to_string());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Loads the theme called `name`: the user's `<config dir>/themes/NAME.toml` when there is one
/// (so a user file overrides a built-in theme of the same name), else the built-in theme. A
/// `name` that contains a path separator or ends in `.toml` is read as a file path.
///
/// The theme is as written; map it to the terminal with [`Theme::for_depth`].
pub fn load_theme(name: &str, config_dir: Option<&Path>) -> Result<Theme, ThemeError> {
    load(name, config_dir, &mut Vec::new())
}

/// Parses a theme file's text. `origin` names it in errors; an `extends` is looked up like
/// [`load_theme`] does, in `config_dir` and the built-in themes.
pub fn parse_theme(text: &str, origin: &str, config_dir: Option<&Path>) -> Result<Theme, ThemeError> {
    build(text, origin, config_dir, &mut vec![origin.to_string()])
}

/// How many `extends` a theme may chain.
const MAX_EXTENDS: usize = 8;

/// Loads `name`, `chain` being the files already being loaded (the `extends` chain).
fn load(name: &str, config_dir: Option<&Path>, chain: &mut Vec<String>) -> Result<Theme, ThemeError> {
    let unknown = || ThemeError::Unknown { name: name.to_string(), available: available_themes(config_dir) };
    if is_path(name) {
        let path = PathBuf::from(name);
        return read_and_build(&path, config_dir, chain);
    }
    if !is_theme_name(name) {
        return Err(unknown());
    }
    // The user's file first; a file already in the chain (`themes/dark.toml` saying
    // `extends = "dark"`) means the built-in theme of that name.
    let user = config_dir.map(|d| user_themes_dir(d).join(format!("{name}.toml"))).filter(|p| p.is_file());
    if let Some(path) = &user
        && !chain.contains(&crate::text::shown(path).to_string())
    {
        return read_and_build(path, config_dir, chain);
    }
    let Some((_, text)) = BUILTIN_THEMES.iter().find(|(n, _)| *n == name) else {
        return Err(match user {
            Some(path) => cycle(chain, &crate::text::shown(&path).to_string()),
            None => unknown(),
        });
    };
    let origin = w::THEME_BUILT_IN.fill(&[("name", &name)]);
    if chain.contains(&origin) {
        return Err(cycle(chain, &origin));
    }
    chain.push(origin.clone());
    build(text, &origin, config_dir, chain)
}

fn read_and_build(
    path: &Path,
    config_dir: Option<&Path>,
    chain: &mut Vec<String>,
) -> Result<Theme, ThemeError> {
    let origin = crate::text::shown(path).to_string();
    if chain.contains(&origin) {
        return Err(cycle(chain, &origin));
    }
    let read = |source: std::io::Error| ThemeError::Read { path: path.to_path_buf(), source };
    let text = crate::input::read_text(path, crate::input::Cap::CONFIG)
        .map_err(read)?
        .ok_or_else(|| read(std::io::Error::from(std::io::ErrorKind::NotFound)))?;
    chain.push(origin.clone());
    build(&text, &origin, config_dir, chain)
}

fn cycle(chain: &[String], origin: &str) -> ThemeError {
    let first = chain.first().cloned().unwrap_or_default();
    let mut path: Vec<&str> = chain.iter().map(String::as_str).collect();
    path.push(origin);
    ThemeError::Incomplete { origin: first, message: w::THEME_CYCLE.fill(&[("path", &path.join(" → "))]) }
}

/// Builds the theme in `text` (from `origin`, the last entry of `chain`).
fn build(
    text: &str,
    origin: &str,
    config_dir: Option<&Path>,
    chain: &mut Vec<String>,
) -> Result<Theme, ThemeError> {
    let file = parse::parse_file(text, origin)?;
    let base = match &file.extends {
        Some(parent) => {
            if chain.len() > MAX_EXTENDS {
                return Err(ThemeError::Incomplete {
                    origin: origin.to_string(),
                    message: w::THEME_TOO_DEEP.fill(&[("max", &MAX_EXTENDS)]),
                });
            }
            Some(load(parent, config_dir, chain).map_err(|e| {
                match e {
                    ThemeError::Unknown { name, available } => ThemeError::Incomplete {
                        origin: origin.to_string(),
                        message: w::THEME_EXTENDS_UNKNOWN
                            .fill(&[("name", &name), ("available", &available.join(w::LIST_SEP.get()))]),
                    },
                    other => other,
                }
            })?)
        }
        None => None,
    };
    file.into_theme(base).map_err(|missing| ThemeError::Incomplete {
        origin: origin.to_string(),
        message: if missing.len() == 1 { w::THEME_MISSING_SLOT } else { w::THEME_MISSING_SLOTS }.fill(&[
            ("slots", &missing.join(w::LIST_SEP.get())),
            ("extends", &format!("extends = \"{DEFAULT_THEME}\"")),
        ]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn default_is_dark_as_it_always_was() {
        let t = Theme::default();
        assert_eq!(t.border, Style::new().fg(Color::DarkGray));
        assert_eq!(t.border_focused, Style::new().fg(Color::Cyan));
        assert_eq!(t.selection, Style::new().add_modifier(Modifier::REVERSED));
        assert_eq!(t.error, Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD));
        assert_eq!(
            t.highlight,
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        );
    }

    #[test]
    fn slot_names_match_fields() {
        let t = Theme::default();
        assert_eq!(t.slot("flag"), Some(t.flag));
        assert_eq!(t.slot("nope"), None);
        assert_eq!(SLOTS.len(), 20);
    }

    #[test]
    fn score_bands() {
        let t = Theme::default();
        assert_eq!(t.score(5.0, 5.0), t.score_full);
        assert_eq!(t.score(3.0, 5.0), t.score_partial);
        assert_eq!(t.score(2.5, 5.0), t.score_low);
    }
}
