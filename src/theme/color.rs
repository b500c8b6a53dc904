//! Colours as theme files write them — names, xterm-256 indices and `#rrggbb` — and the
//! conversions a smaller palette needs: RGB → the nearest xterm-256 index, and any colour →
//! one of the 16 ANSI colours.

use crate::words::errors as w;
use ratatui::style::Color;

/// The colour names a theme file may use (case, `-`, `_` and spaces are ignored, so
/// `dark-gray`, `DarkGray` and `dark gray` are the same), with the colour each means.
/// `gray` is ANSI colour 7 (light gray on most terminals), `dark-gray` is 8, `white` is 15.
pub const COLOR_NAMES: &[(&str, Color)] = &[
    ("default", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark-gray", Color::DarkGray),
    ("light-red", Color::LightRed),
    ("light-green", Color::LightGreen),
    ("light-yellow", Color::LightYellow),
    ("light-blue", Color::LightBlue),
    ("light-magenta", Color::LightMagenta),
    ("light-cyan", Color::LightCyan),
    ("white", Color::White),
];

/// Other spellings accepted for the names above (already normalised: lower case, no separators).
const ALIASES: &[(&str, Color)] = &[
    ("reset", Color::Reset),
    ("grey", Color::Gray),
    ("lightgray", Color::Gray),
    ("lightgrey", Color::Gray),
    ("darkgrey", Color::DarkGray),
    ("brightblack", Color::DarkGray),
    ("brightred", Color::LightRed),
    ("brightgreen", Color::LightGreen),
    ("brightyellow", Color::LightYellow),
    ("brightblue", Color::LightBlue),
    ("brightmagenta", Color::LightMagenta),
    ("brightcyan", Color::LightCyan),
    ("brightwhite", Color::White),
];

/// The 16 ANSI colours in index order (0 black … 15 bright white).
pub const ANSI16: [Color; 16] = [
    Color::Black,
    Color::Red,
    Color::Green,
    Color::Yellow,
    Color::Blue,
    Color::Magenta,
    Color::Cyan,
    Color::Gray,
    Color::DarkGray,
    Color::LightRed,
    Color::LightGreen,
    Color::LightYellow,
    Color::LightBlue,
    Color::LightMagenta,
    Color::LightCyan,
    Color::White,
];

/// Whether `c` is one a 16-colour terminal has: `Reset` or one of the 16 named colours.
pub fn is_ansi16(c: Color) -> bool {
    c == Color::Reset || ANSI16.contains(&c)
}

fn normalise(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '-' | '_' | ' ')).flat_map(char::to_lowercase).collect()
}

/// Parses a colour as a theme file writes it: a name from [`COLOR_NAMES`] (or an alias such
/// as `grey`, `bright-red`), an xterm-256 index `"0"`…`"255"`, or `#rrggbb`. The error is a
/// sentence saying what was wrong and what is accepted.
pub fn parse_color(s: &str) -> Result<Color, String> {
    let t = s.trim();
    if let Some(hex) = t.strip_prefix('#') {
        let ok = hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit());
        if !ok {
            let value = format!("\"{s}\"");
            return Err(w::COLOUR_BAD_HEX.fill(&[("value", &value), ("example", &"\"#1f6feb\"")]));
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
        return Ok(Color::Rgb(byte(0), byte(2), byte(4)));
    }
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return match t.parse::<u16>() {
            Ok(n) => index_color(i64::from(n)),
            Err(_) => Err(index_range_error(t)),
        };
    }
    let key = normalise(t);
    COLOR_NAMES
        .iter()
        .find(|(name, _)| normalise(name) == key)
        .or_else(|| ALIASES.iter().find(|(name, _)| *name == key))
        .map(|(_, c)| *c)
        .ok_or_else(|| {
            let names: Vec<&str> = COLOR_NAMES.iter().map(|(n, _)| *n).collect();
            w::COLOUR_UNKNOWN.fill(&[
                ("value", &format!("\"{s}\"")),
                ("names", &names.join(w::LIST_SEP.get())),
                ("hex", &"\"#rrggbb\""),
            ])
        })
}

/// An xterm-256 index as a colour (`Color::Indexed`), or the range error.
pub fn index_color(n: i64) -> Result<Color, String> {
    u8::try_from(n).map(Color::Indexed).map_err(|_| index_range_error(&n.to_string()))
}

fn index_range_error(n: &str) -> String {
    w::COLOUR_INDEX_RANGE.fill(&[("n", &n)])
}

/// The six levels of each channel in the xterm 6×6×6 colour cube (indices 16–231).
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The RGB value of xterm-256 index `n` for n ≥ 16 (the cube and the 24 grays); for the 16
/// ANSI colours, xterm's default palette.
pub fn index_rgb(n: u8) -> (u8, u8, u8) {
    const XTERM16: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    match n {
        0..=15 => XTERM16[usize::from(n)],
        16..=231 => {
            let i = n - 16;
            (CUBE[usize::from(i / 36)], CUBE[usize::from(i / 6 % 6)], CUBE[usize::from(i % 6)])
        }
        _ => {
            let v = 8 + 10 * (n - 232);
            (v, v, v)
        }
    }
}

fn dist2(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| u32::from(x.abs_diff(y)).pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

/// The nearest xterm-256 index to an RGB colour, chosen from the 6×6×6 cube and the 24-step
/// gray ramp (16–255; never 0–15, whose colours each terminal sets differently).
pub fn rgb_to_256(r: u8, g: u8, b: u8) -> u8 {
    // The nearest cube level of each channel (midpoints 48, 115, 155, 195, 235).
    let level = |v: u8| -> u8 {
        match v {
            0..48 => 0,
            48..115 => 1,
            _ => (v - 35) / 40,
        }
    };
    let (lr, lg, lb) = (level(r), level(g), level(b));
    let cube_ix = 16 + 36 * lr + 6 * lg + lb;
    let cube = (CUBE[usize::from(lr)], CUBE[usize::from(lg)], CUBE[usize::from(lb)]);
    let avg = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    // Gray ramp: 8, 18, …, 238.
    let step = u8::try_from((avg.saturating_sub(3) / 10).min(23)).unwrap_or(23);
    let gray = 8 + 10 * step;
    if dist2((r, g, b), (gray, gray, gray)) < dist2((r, g, b), cube) { 232 + step } else { cube_ix }
}

/// One of the 16 ANSI colours for an RGB colour, by hue rather than by nearest RGB value:
/// each terminal paints the 16 differently, but red stays red everywhere. Low-saturation
/// colours become black, dark gray, gray or white by lightness; others take the nearest of
/// the six hues, light (`Light*`) when the colour is light.
pub fn rgb_to_16(r: u8, g: u8, b: u8) -> Color {
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let chroma = max - min;
    let lightness = (u16::from(max) + u16::from(min)) / 2;
    if chroma < 48 || max < 64 {
        let avg = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
        return match avg {
            0..50 => Color::Black,
            50..160 => Color::DarkGray,
            160..235 => Color::Gray,
            _ => Color::White,
        };
    }
    let (rf, gf, bf, c) = (f32::from(r), f32::from(g), f32::from(b), f32::from(chroma));
    let hue = if max == r {
        60.0 * ((gf - bf) / c).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((bf - rf) / c + 2.0)
    } else {
        60.0 * ((rf - gf) / c + 4.0)
    };
    // Sectors of 60° centred on red (0°), yellow, green, cyan, blue, magenta.
    let sector = ((hue + 30.0) / 60.0) as usize % 6;
    let light = lightness > 150;
    let (normal, bright) = [
        (Color::Red, Color::LightRed),
        (Color::Yellow, Color::LightYellow),
        (Color::Green, Color::LightGreen),
        (Color::Cyan, Color::LightCyan),
        (Color::Blue, Color::LightBlue),
        (Color::Magenta, Color::LightMagenta),
    ][sector];
    if light { bright } else { normal }
}

/// `c` as a colour of a 256-colour terminal: RGB becomes the nearest index; the rest stay.
pub fn to_256(c: Color) -> Color {
    match c {
        Color::Rgb(r, g, b) => Color::Indexed(rgb_to_256(r, g, b)),
        other => other,
    }
}

/// `c` as a colour of a 16-colour terminal: `Reset` or one of the 16 named colours.
pub fn to_16(c: Color) -> Color {
    match c {
        Color::Rgb(r, g, b) => rgb_to_16(r, g, b),
        Color::Indexed(n) if n < 16 => ANSI16[usize::from(n)],
        Color::Indexed(n) => {
            let (r, g, b) = index_rgb(n);
            rgb_to_16(r, g, b)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases() {
        assert_eq!(parse_color("dark-gray"), Ok(Color::DarkGray));
        assert_eq!(parse_color("DarkGray"), Ok(Color::DarkGray));
        assert_eq!(parse_color("dark gray"), Ok(Color::DarkGray));
        assert_eq!(parse_color("grey"), Ok(Color::Gray));
        assert_eq!(parse_color("bright-red"), Ok(Color::LightRed));
        assert_eq!(parse_color("default"), Ok(Color::Reset));
        for (name, c) in COLOR_NAMES {
            assert_eq!(parse_color(name), Ok(*c), "{name}");
        }
    }

    #[test]
    fn indices_and_hex() {
        assert_eq!(parse_color("236"), Ok(Color::Indexed(236)));
        assert_eq!(parse_color("#1F6feb"), Ok(Color::Rgb(0x1f, 0x6f, 0xeb)));
        assert!(parse_color("256").unwrap_err().contains("0–255"));
        assert!(parse_color("99999999999").unwrap_err().contains("0–255"));
        assert!(parse_color("#12345").unwrap_err().contains("six hex digits"));
        assert!(parse_color("#12345g").unwrap_err().contains("six hex digits"));
        assert!(parse_color("blu").unwrap_err().contains("unknown colour \"blu\""));
        assert_eq!(index_color(-1).unwrap_err(), "colour index -1 is out of range: indices are 0–255");
    }

    #[test]
    fn every_rgb_maps_into_range_and_indices_round_trip() {
        for n in 16..=255u8 {
            let (r, g, b) = index_rgb(n);
            assert_eq!(rgb_to_256(r, g, b), n, "index {n} = {r},{g},{b}");
        }
        for v in (0..=255u8).step_by(5) {
            assert!(rgb_to_256(v, 255 - v, v / 2) >= 16);
            assert!(is_ansi16(rgb_to_16(v, 255 - v, v / 2)));
        }
    }
}
