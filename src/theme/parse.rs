//! Reading a theme file: TOML with one key per style slot (see `themes/dark.toml` for the
//! format), every problem reported as `FILE:LINE:COLUMN: what is wrong`.

use super::{SLOTS, Theme, ThemeError, color};
use crate::words::errors as w;
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The modifiers a theme file may name (case, `-`, `_` are ignored), with aliases.
pub const MODIFIER_NAMES: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed-out", Modifier::CROSSED_OUT),
    ("slow-blink", Modifier::SLOW_BLINK),
    ("rapid-blink", Modifier::RAPID_BLINK),
    ("hidden", Modifier::HIDDEN),
];

const MODIFIER_ALIASES: &[(&str, Modifier)] = &[
    ("underline", Modifier::UNDERLINED),
    ("reverse", Modifier::REVERSED),
    ("strikethrough", Modifier::CROSSED_OUT),
    ("blink", Modifier::SLOW_BLINK),
];

fn normalise(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '-' | '_' | ' ')).flat_map(char::to_lowercase).collect()
}

fn parse_modifier(s: &str) -> Result<Modifier, String> {
    let key = normalise(s);
    MODIFIER_NAMES
        .iter()
        .chain(MODIFIER_ALIASES)
        .find(|(name, _)| normalise(name) == key)
        .map(|(_, m)| *m)
        .ok_or_else(|| {
            let names: Vec<&str> = MODIFIER_NAMES.iter().map(|(n, _)| *n).collect();
            w::THEME_UNKNOWN_MODIFIER.fill(&[("name", &s), ("names", &names.join(w::LIST_SEP.get()))])
        })
}

/// A colour value: a name, `#rrggbb` or an index (as a TOML integer or a string).
struct ColorSpec(Color);

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ColorSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    &w::THEME_EXPECT_COLOUR.fill(&[("example", &"\"cyan\""), ("hex", &"\"#rrggbb\"")]),
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ColorSpec, E> {
                color::parse_color(v).map(ColorSpec).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ColorSpec, E> {
                color::index_color(v).map(ColorSpec).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ColorSpec, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
        d.deserialize_any(V)
    }
}

/// `modifiers = ["bold", "underlined"]` (or one name as a string).
struct ModifiersSpec(Modifier);

impl<'de> Deserialize<'de> for ModifiersSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ModifiersSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&w::THEME_EXPECT_MODIFIERS.fill(&[("example", &"[\"bold\", \"underlined\"]")]))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ModifiersSpec, E> {
                parse_modifier(v).map(ModifiersSpec).map_err(E::custom)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ModifiersSpec, A::Error> {
                let mut m = Modifier::empty();
                while let Some(name) = seq.next_element::<String>()? {
                    m |= parse_modifier(&name).map_err(de::Error::custom)?;
                }
                Ok(ModifiersSpec(m))
            }
        }
        d.deserialize_any(V)
    }
}

/// One slot's style: a colour (the foreground), or a table `{ fg, bg, modifiers }`.
pub(super) struct StyleSpec(pub Style);

impl<'de> Deserialize<'de> for StyleSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StyleSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                let example = "{ fg = \"cyan\", bg = 236, modifiers = [\"bold\"] }";
                f.write_str(&w::THEME_EXPECT_STYLE.fill(&[("example", &example)]))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<StyleSpec, E> {
                color::parse_color(v).map(|c| StyleSpec(Style::new().fg(c))).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<StyleSpec, E> {
                color::index_color(v).map(|c| StyleSpec(Style::new().fg(c))).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<StyleSpec, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<StyleSpec, A::Error> {
                let mut style = Style::new();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "fg" => style.fg = Some(map.next_value::<ColorSpec>()?.0),
                        "bg" => style.bg = Some(map.next_value::<ColorSpec>()?.0),
                        "modifiers" => style.add_modifier = map.next_value::<ModifiersSpec>()?.0,
                        other => {
                            return Err(de::Error::custom(w::THEME_UNKNOWN_STYLE_KEY.fill(&[
                                ("key", &other),
                                ("fg", &"fg"),
                                ("bg", &"bg"),
                                ("modifiers", &"modifiers"),
                            ])));
                        }
                    }
                }
                Ok(StyleSpec(style))
            }
        }
        d.deserialize_any(V)
    }
}

macro_rules! define_theme_file {
    ($($(#[doc = $doc:literal])* $slot:ident,)*) => {
        /// A theme file as written: every slot optional (a theme that `extends` another
        /// takes the rest from it).
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(super) struct ThemeFile {
            /// Free text for people reading the file; not used.
            #[allow(dead_code)]
            pub description: Option<String>,
            /// The theme this one starts from.
            pub extends: Option<String>,
            $(pub $slot: Option<StyleSpec>,)*
        }

        impl ThemeFile {
            /// The theme: `base` with this file's slots over it; without a base every slot
            /// must be given, else the missing slots are the error.
            pub fn into_theme(self, base: Option<Theme>) -> Result<Theme, Vec<&'static str>> {
                match base {
                    Some(mut t) => {
                        $(if let Some(s) = self.$slot { t.$slot = s.0; })*
                        Ok(t)
                    }
                    None => {
                        let missing: Vec<&'static str> = [$((stringify!($slot), self.$slot.is_none()),)*]
                            .into_iter()
                            .filter_map(|(name, missing)| missing.then_some(name))
                            .collect();
                        if !missing.is_empty() {
                            return Err(missing);
                        }
                        Ok(Theme { $($slot: self.$slot.map(|s| s.0).unwrap_or_default(),)* })
                    }
                }
            }
        }
    };
}

with_slots!(define_theme_file);

/// Parses a theme file's text; `origin` names it in errors (a path, or `built-in theme "dark"`).
pub(super) fn parse_file(text: &str, origin: &str) -> Result<ThemeFile, ThemeError> {
    toml::from_str::<ThemeFile>(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |span| line_column(text, span.start));
        ThemeError::Invalid { origin: origin.to_string(), line, column, message: message(e.message()) }
    })
}

/// The 1-based line and column (in characters) of byte offset `at` in `text`.
pub(super) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The parser's message as one line, in the theme file's terms.
fn message(raw: &str) -> String {
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return w::THEME_UNKNOWN_SLOT.fill(&[
            ("name", &name),
            ("slots", &SLOTS.join(w::LIST_SEP.get())),
            ("description", &"description"),
            ("extends", &"extends"),
        ]);
    }
    let text = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(": ");
    if crate::words::lang() == crate::lang::Lang::Zh
        && let Some(said) = invalid_type(&text)
    {
        return said;
    }
    text
}

/// serde's `invalid type: boolean `true`, expected …` in the interface's words: the kind of
/// value found (the value itself as it is), and what was expected (our own words).
fn invalid_type(text: &str) -> Option<String> {
    let (found, expected) = text.strip_prefix("invalid type: ")?.split_once(", expected ")?;
    let (kind, value) = match found.split_once(' ') {
        Some((kind, value)) => (kind, value),
        None => (found, ""),
    };
    let kind = match kind {
        "boolean" => w::FOUND_KIND_BOOL,
        "integer" => w::FOUND_KIND_INTEGER,
        "floating" => w::FOUND_KIND_FLOAT,
        "string" => w::FOUND_KIND_STRING,
        "map" => w::FOUND_KIND_TABLE,
        "sequence" => w::FOUND_KIND_ARRAY,
        _ => return None,
    };
    let value = value.strip_prefix("point ").unwrap_or(value);
    let found = if value.is_empty() { kind.get().to_string() } else { format!("{kind} {value}") };
    Some(w::EXPECTED_FOUND.fill(&[("what", &expected), ("found", &found)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_characters() {
        let text = "a = 1\n评分 = \"x\"\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, text.find('=').unwrap()), (1, 3));
        let second = text.rfind('=').unwrap();
        assert_eq!(line_column(text, second), (2, 4));
    }

    #[test]
    fn a_wrong_type_is_said_in_chinese() {
        let raw = "invalid type: boolean `true`, expected a style";
        assert_eq!(message(raw), raw, "English: the parser's own words");
        let _zh = crate::words::pin(crate::lang::Lang::Zh);
        assert_eq!(message("invalid type: boolean `true`, expected 样式"), "应为样式，实为布尔值 `true`");
        assert_eq!(message("invalid type: floating point `1.5`, expected 颜色"), "应为颜色，实为小数 `1.5`");
        assert_eq!(message("invalid type: map, expected 颜色"), "应为颜色，实为表");
    }

    #[test]
    fn modifiers_and_aliases() {
        assert_eq!(parse_modifier("Underline"), Ok(Modifier::UNDERLINED));
        assert_eq!(parse_modifier("crossed_out"), Ok(Modifier::CROSSED_OUT));
        assert!(parse_modifier("shiny").unwrap_err().contains("unknown modifier \"shiny\""));
    }
}
