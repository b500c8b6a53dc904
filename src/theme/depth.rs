//! How many colours the terminal has, read from the environment, and mapping a style down to
//! them: a 16-colour terminal never receives a 256-colour or RGB code, and with no colour at
//! all the slots that must stay visible (selection, focus, errors…) keep a modifier.

use super::color;
use ratatui::style::{Color, Modifier, Style};
use std::fmt;
use std::str::FromStr;

/// The colours a terminal can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColorDepth {
    /// 24-bit RGB (`COLORTERM=truecolor` or `24bit`).
    TrueColor,
    /// The xterm 256-colour palette (`TERM=…256color`).
    Ansi256,
    /// The 16 ANSI colours.
    Ansi16,
    /// No colour at all (`NO_COLOR`, `TERM=dumb`): bold, reverse, underline and dim only.
    None,
}

impl ColorDepth {
    /// Every depth with its name, best first.
    pub const ALL: [(ColorDepth, &'static str); 4] = [
        (ColorDepth::TrueColor, "truecolor"),
        (ColorDepth::Ansi256, "256"),
        (ColorDepth::Ansi16, "16"),
        (ColorDepth::None, "none"),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(d, _)| *d == self).map_or("none", |(_, n)| n)
    }
}

impl fmt::Display for ColorDepth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ColorDepth {
    type Err = String;

    /// `truecolor` (or `24bit`), `256`, `16`, `none` (or `no`, `off`, `mono`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "truecolor" | "24bit" | "rgb" => Ok(ColorDepth::TrueColor),
            "256" | "ansi256" => Ok(ColorDepth::Ansi256),
            "16" | "ansi16" | "ansi" => Ok(ColorDepth::Ansi16),
            "none" | "no" | "off" | "mono" => Ok(ColorDepth::None),
            _ => Err(crate::words::errors::COLOUR_DEPTH_UNKNOWN.fill(&[
                ("value", &format!("\"{s}\"")),
                ("truecolor", &"truecolor"),
                ("none", &"none"),
            ])),
        }
    }
}

/// The colour depth the environment describes; `env` looks a variable up (`None` when unset).
///
/// In order:
/// 1. `NO_COLOR` set to a non-empty value (any value: `1`, `0`, `false`…) → [`ColorDepth::None`].
///    An empty `NO_COLOR` is ignored, as <https://no-color.org> specifies.
/// 2. `TERM=dumb` → [`ColorDepth::None`].
/// 3. `COLORTERM=truecolor` or `24bit` (any case) → [`ColorDepth::TrueColor`]; so is a `TERM`
///    ending in `-direct` (`xterm-direct`), and Windows Terminal (`WT_SESSION` set), which
///    has 24-bit colour but does not set `COLORTERM`.
/// 4. `TERM` containing `256color` → [`ColorDepth::Ansi256`] — inside tmux and screen too
///    (`tmux-256color`, `screen-256color`).
/// 5. Anything else (`xterm`, `screen`, `tmux`, `linux`, `vt100`, no `TERM`) → [`ColorDepth::Ansi16`].
pub fn detect_depth(env: impl Fn(&str) -> Option<String>) -> ColorDepth {
    if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return ColorDepth::None;
    }
    let term = env("TERM").unwrap_or_default().to_ascii_lowercase();
    if term == "dumb" {
        return ColorDepth::None;
    }
    let colorterm = env("COLORTERM").unwrap_or_default().to_ascii_lowercase();
    if matches!(colorterm.trim(), "truecolor" | "24bit")
        || term.ends_with("-direct")
        || (term.is_empty() && env("WT_SESSION").is_some())
    {
        return ColorDepth::TrueColor;
    }
    if term.contains("256color") {
        return ColorDepth::Ansi256;
    }
    ColorDepth::Ansi16
}

/// [`detect_depth`] on this process's environment.
pub fn detect_depth_from_env() -> ColorDepth {
    detect_depth(|k| std::env::var_os(k).map(|v| v.to_string_lossy().into_owned()))
}

/// `c` as the terminal can show it; `None` when it shows no colour.
pub fn map_color(c: Color, depth: ColorDepth) -> Option<Color> {
    match depth {
        ColorDepth::TrueColor => Some(c),
        ColorDepth::Ansi256 => Some(color::to_256(c)),
        ColorDepth::Ansi16 => Some(color::to_16(c)),
        ColorDepth::None => None,
    }
}

/// The modifiers a slot keeps with no colour at all, so what colour told apart stays apart:
/// the selection is reversed, focus and marks are bold, search matches and links underlined,
/// secondary text dim. `mono.toml` is exactly these.
pub fn no_color_modifiers(slot: &str) -> Modifier {
    match slot {
        "selection" => Modifier::REVERSED,
        "error" => Modifier::REVERSED | Modifier::BOLD,
        "highlight" => Modifier::BOLD | Modifier::UNDERLINED,
        "link" => Modifier::UNDERLINED,
        "border_focused" | "title" | "section" | "flag" | "warning" | "key" => Modifier::BOLD,
        "border" | "muted" | "unscored" => Modifier::DIM,
        _ => Modifier::empty(),
    }
}

/// The style of `slot` for a terminal of `depth`: colours mapped down (or dropped, adding the
/// slot's [`no_color_modifiers`]), modifiers kept.
pub fn map_style(slot: &str, style: Style, depth: ColorDepth) -> Style {
    let fallback = if depth == ColorDepth::None { no_color_modifiers(slot) } else { Modifier::empty() };
    Style {
        fg: style.fg.and_then(|c| map_color(c, depth)),
        bg: style.bg.and_then(|c| map_color(c, depth)),
        add_modifier: style.add_modifier | fallback,
        sub_modifier: style.sub_modifier - fallback,
        // Any underline colour is dropped: themes never set one.
        ..Style::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn depth_names_round_trip() {
        for (d, name) in ColorDepth::ALL {
            assert_eq!(name.parse::<ColorDepth>(), Ok(d));
            assert_eq!(d.to_string(), name);
        }
        assert!("lots".parse::<ColorDepth>().is_err());
    }

    #[test]
    fn windows_terminal_without_term_is_truecolor() {
        assert_eq!(detect_depth(env(&[("WT_SESSION", "x")])), ColorDepth::TrueColor);
        assert_eq!(detect_depth(env(&[("WT_SESSION", "x"), ("TERM", "xterm")])), ColorDepth::Ansi16);
    }
}
