//! The key maps: for every mode, a table from keys to actions, made from the declarations in
//! `keys.rs` with the user's overrides from config.toml (`[keys]` for the normal mode,
//! `[keys.prompt]`, `[keys.search]`, `[keys.filters]`, `[keys.note]`, `[keys.help]`). In a mode
//! that takes text, a key its table does not bind is typed (`Action::Key`). Everything that
//! shows a key — hints, the help screen, messages, `appraise config` — asks the map in force.

use super::action::Action;
use super::app::Mode;
use super::keys::{KEYS, KeyDecl, KeyMode};
use crate::config::{Config, ConfigError, KeyOverride};
use crate::words::Word;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as written in the table and on the help screen: `j`, `J`, `ctrl-r`, `down`, `pgdn`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// Parses a key name from the table (`ctrl-r`, `J`, `pgdn`, `?`).
pub fn parse_key(name: &str) -> Option<Key> {
    let (ctrl, rest) = match name.strip_prefix("ctrl-") {
        Some(rest) => (true, rest),
        None => (false, name),
    };
    let code = match rest {
        "down" => KeyCode::Down,
        "up" => KeyCode::Up,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgdn" => KeyCode::PageDown,
        "pgup" => KeyCode::PageUp,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "delete" => KeyCode::Delete,
        "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        "shift-tab" => KeyCode::BackTab,
        "pagedown" => KeyCode::PageDown,
        "pageup" => KeyCode::PageUp,
        "insert" => KeyCode::Insert,
        f if f.len() > 1
            && f.starts_with('f')
            && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
        {
            KeyCode::F(f[1..].parse().ok()?)
        }
        s if s.chars().count() == 1 => KeyCode::Char(s.chars().next()?),
        _ => return None,
    };
    Some(Key { code, ctrl })
}

/// How a key is shown on the help screen.
pub fn display_key(name: &str) -> String {
    match name {
        "down" => "↓".into(),
        "up" => "↑".into(),
        "left" => "←".into(),
        "right" => "→".into(),
        "home" => "Home".into(),
        "end" => "End".into(),
        "pgdn" => "PgDn".into(),
        "pgup" => "PgUp".into(),
        "tab" => "Tab".into(),
        "backtab" => "Shift-Tab".into(),
        "enter" => "Enter".into(),
        "esc" => "Esc".into(),
        "delete" => "Delete".into(),
        "backspace" => "Backspace".into(),
        "space" => "Space".into(),
        "shift-tab" => "Shift-Tab".into(),
        "pagedown" => "PgDn".into(),
        "pageup" => "PgUp".into(),
        "insert" => "Insert".into(),
        f if f.len() > 1 && f.starts_with('f') && f[1..].chars().all(|c| c.is_ascii_digit()) => {
            f.to_uppercase()
        }
        n => match n.strip_prefix("ctrl-") {
            Some(k) => format!("Ctrl-{}", display_key(k)),
            None => n.to_string(),
        },
    }
}

/// The normalised form of a key event: Shift is folded into the character, Alt is kept apart.
fn normalise(key: &KeyEvent) -> Option<Key> {
    if key.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let code = match key.code {
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        c => c,
    };
    Some(Key { code, ctrl })
}

/// A key override the key map refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    /// The table the override was written in (`None`: `[keys]`).
    pub table: Option<String>,
    pub kind: KeymapErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeymapErrorKind {
    UnknownAction(String),
    UnknownTable(String),
    UnknownKey { key: String, action: String },
}

impl std::fmt::Display for KeymapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::words::errors as w;
        f.write_str(&match &self.kind {
            KeymapErrorKind::UnknownAction(name) => w::KEY_UNKNOWN_ACTION.fill(&[("name", name)]),
            KeymapErrorKind::UnknownTable(table) => {
                let tables: Vec<String> = KeyMode::ALL
                    .iter()
                    .filter_map(|m| m.config_name())
                    .map(|t| format!("[keys.{t}]"))
                    .collect();
                w::KEY_UNKNOWN_TABLE.fill(&[
                    ("table", &format!("[keys.{table}]")),
                    ("tables", &tables.join(w::LIST_SEP.get())),
                ])
            }
            KeymapErrorKind::UnknownKey { key, action } => {
                w::KEY_UNKNOWN_KEY.fill(&[("key", key), ("action", action)])
            }
        })
    }
}

impl std::error::Error for KeymapError {}

/// The key maps of a configuration: the defaults with its `[keys]` overrides; a refused
/// override is placed in the config file.
pub fn from_config(config: &Config) -> Result<Keymap, ConfigError> {
    Keymap::with_overrides(&config.keys).map_err(|e| config.keys_error(e.table.as_deref(), &e))
}

/// One key of a mode's table.
#[derive(Debug, Clone)]
struct Binding {
    mode: KeyMode,
    /// As config.toml writes it.
    name: String,
    key: Key,
    action: Action,
}

/// The key maps in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// Every binding, in declaration order within each mode.
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = KEYS
            .iter()
            .flat_map(|d| {
                d.keys.iter().map(move |name| Binding {
                    mode: d.mode,
                    name: name.to_string(),
                    key: parse_key(name).expect("default key names parse"),
                    action: d.action.clone(),
                })
            })
            .collect();
        Keymap { bindings }
    }
}

/// The mode whose table reads the keys of `mode`.
pub fn key_mode(mode: &Mode) -> KeyMode {
    match mode {
        Mode::Normal => KeyMode::Normal,
        // A y/n question: its cancel keys say no, every other key is an answer.
        Mode::ScorePrompt { .. } | Mode::Confirm(_) | Mode::Goto { .. } => KeyMode::Prompt,
        Mode::Note { .. } => KeyMode::Note,
        Mode::Help { .. } | Mode::Info { .. } => KeyMode::Help,
        Mode::Filters => KeyMode::Filters,
        Mode::Search(_) => KeyMode::Search,
    }
}

impl Keymap {
    /// The defaults with `overrides` applied: an overridden action gets exactly the keys
    /// given, and a key given to an action is taken from any other one of its mode.
    pub fn with_overrides(overrides: &[KeyOverride]) -> Result<Keymap, KeymapError> {
        let mut map = Keymap::default();
        for o in overrides {
            let refused = |kind| KeymapError { table: o.table.clone(), kind };
            let mode = match &o.table {
                None => KeyMode::Normal,
                Some(t) => KeyMode::from_config_name(t)
                    .ok_or_else(|| refused(KeymapErrorKind::UnknownTable(t.clone())))?,
            };
            let decl = KEYS
                .iter()
                .find(|d| d.mode == mode && d.name == o.action)
                .ok_or_else(|| refused(KeymapErrorKind::UnknownAction(qualified(mode, &o.action))))?;
            let parsed: Vec<(String, Key)> = o
                .keys
                .iter()
                .map(|k| {
                    parse_key(k).map(|p| (k.clone(), p)).ok_or_else(|| {
                        refused(KeymapErrorKind::UnknownKey {
                            key: k.clone(),
                            action: qualified(mode, &o.action),
                        })
                    })
                })
                .collect::<Result<_, _>>()?;
            map.bindings.retain(|b| {
                b.mode != mode || (b.action != decl.action && !parsed.iter().any(|(_, p)| *p == b.key))
            });
            map.bindings.extend(parsed.into_iter().map(|(name, key)| Binding {
                mode,
                name,
                key,
                action: decl.action.clone(),
            }));
        }
        Ok(map)
    }

    /// The action for a key pressed in `mode`: its table's, else (where text is typed) the key
    /// itself, to be typed.
    pub fn action_for(&self, mode: &Mode, key: KeyEvent) -> Option<Action> {
        let km = key_mode(mode);
        let bound = normalise(&key)
            .and_then(|k| self.bindings.iter().find(|b| b.mode == km && b.key == k))
            .map(|b| b.action.clone());
        bound.or_else(|| km.takes_text().then_some(Action::Key(key)))
    }

    /// The action bound to a key in the table of `mode` (no text is typed there).
    pub fn bound(&self, mode: KeyMode, key: KeyEvent) -> Option<Action> {
        normalise(&key)
            .and_then(|k| self.bindings.iter().find(|b| b.mode == mode && b.key == k))
            .map(|b| b.action.clone())
    }

    /// The keys bound to `action` in `mode`, as shown to people (`j`, `↓`, `Ctrl-r`).
    pub fn keys_for(&self, mode: KeyMode, action: &Action) -> Vec<String> {
        self.bindings
            .iter()
            .filter(|b| b.mode == mode && b.action == *action)
            .map(|b| display_key(&b.name))
            .collect()
    }

    /// The first key bound to `action` in `mode` (for a hint or a message), or `—` when none is.
    pub fn key(&self, mode: KeyMode, action: &Action) -> String {
        self.keys_for(mode, action).into_iter().next().unwrap_or_else(|| "—".into())
    }

    /// The keys bound to `action` as config.toml writes them (`down`, `ctrl-r`).
    pub fn key_names_for(&self, mode: KeyMode, action: &Action) -> Vec<&str> {
        self.bindings
            .iter()
            .filter(|b| b.mode == mode && b.action == *action)
            .map(|b| b.name.as_str())
            .collect()
    }

    /// A hint: each group's first keys joined by `/` (`0`–`9` as `0-9`), then its label —
    /// `j/k move  0-9/s score`. A group whose actions have no key is left out.
    pub fn hint(&self, mode: KeyMode, groups: &[(&[Action], Word)]) -> String {
        let mut parts = Vec::new();
        for (actions, label) in groups {
            let keys = self.group_keys(mode, actions);
            if !keys.is_empty() {
                parts.push(format!("{keys} {label}"));
            }
        }
        parts.join("  ")
    }

    /// The first key of each of `actions`, joined by `/`, with a run of quick scores as `0-9`.
    pub fn group_keys(&self, mode: KeyMode, actions: &[Action]) -> String {
        let keys: Vec<String> =
            actions.iter().filter_map(|a| self.keys_for(mode, a).into_iter().next()).collect();
        let digits: Vec<&String> =
            keys.iter().filter(|k| k.len() == 1 && k.chars().all(|c| c.is_ascii_digit())).collect();
        if digits.len() >= 3 {
            let (first, last) = (digits[0].clone(), digits[digits.len() - 1].clone());
            let mut out: Vec<String> = vec![format!("{first}-{last}")];
            out.extend(
                keys.iter().filter(|k| !(k.len() == 1 && k.chars().all(|c| c.is_ascii_digit()))).cloned(),
            );
            return out.join("/");
        }
        keys.join("/")
    }

    /// The help screen's rows for `mode`: the keys of each description (`0`–`9` grouped).
    pub fn help_rows(&self, mode: KeyMode) -> Vec<(String, Word)> {
        let mut rows: Vec<(String, Word)> = Vec::new();
        for d in KEYS.iter().filter(|d| d.mode == mode) {
            let keys = self.keys_for(mode, &d.action);
            if keys.is_empty() {
                continue;
            }
            match rows.iter_mut().find(|(_, w)| *w == d.what) {
                Some((shown, _)) => {
                    shown.push_str(", ");
                    shown.push_str(&keys.join(", "));
                }
                None => rows.push((keys.join(", "), d.what)),
            }
        }
        for (keys, _) in &mut rows {
            if keys == "0, 1, 2, 3, 4, 5, 6, 7, 8, 9" {
                *keys = "0–9".into();
            }
        }
        rows
    }

    /// Every declaration of `mode` with the keys it has now (for `appraise config`).
    pub fn table(&self, mode: KeyMode) -> Vec<(&'static KeyDecl, Vec<&str>)> {
        KEYS.iter().filter(|d| d.mode == mode).map(|d| (d, self.key_names_for(mode, &d.action))).collect()
    }
}

/// `quit`, or `prompt.set` for another mode's action.
fn qualified(mode: KeyMode, action: &str) -> String {
    match mode.config_name() {
        Some(table) => format!("{table}.{action}"),
        None => action.to_string(),
    }
}

/// The README's key table (between its `keys` markers): every mode's default keys and their
/// descriptions, in English, made from the declarations.
pub fn readme_table() -> String {
    let _en = crate::words::pin(crate::lang::Lang::En);
    let map = Keymap::default();
    let mut out = String::new();
    for mode in KeyMode::ALL {
        let heading = match mode.config_name() {
            None => format!("**{}** (config.toml `[keys]`)\n\n", mode.title()),
            Some(t) => format!("**{}** (`[keys.{t}]`)\n\n", mode.title()),
        };
        out.push_str(&heading);
        out.push_str("| key | action | config name |\n|---|---|---|\n");
        let mut names: Vec<(String, Word, Vec<&str>)> = Vec::new();
        for d in KEYS.iter().filter(|d| d.mode == mode) {
            let keys = map.keys_for(mode, &d.action).join("`, `");
            match names.iter_mut().find(|(_, w, _)| *w == d.what) {
                Some((k, _, n)) => {
                    k.push_str("`, `");
                    k.push_str(&keys);
                    n.push(d.name);
                }
                None => names.push((keys, d.what, vec![d.name])),
            }
        }
        for (keys, what, config_names) in names {
            let keys = if keys == "0`, `1`, `2`, `3`, `4`, `5`, `6`, `7`, `8`, `9" {
                "0`–`9".to_string()
            } else {
                keys
            };
            let config = if config_names.len() > 2 {
                format!("`{}` … `{}`", config_names[0], config_names[config_names.len() - 1])
            } else {
                config_names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
            };
            out.push_str(&format!("| `{keys}` | {} | {config} |\n", what.en.replace('|', "\\|")));
        }
        if mode == KeyMode::Note {
            out.push_str(&format!("\n{}\n", capitalised(crate::words::keys::NOTE_FIXED_KEYS.en)));
        }
        out.push('\n');
    }
    out.trim_end().to_string() + "\n"
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect::<String>() + ".",
        None => String::new(),
    }
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
