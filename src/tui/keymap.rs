//! The key map: a table from keys to actions for the normal view, and the fixed keys of the
//! text-entry screens (score prompt, note editor, help), which get raw keys as `Action::Key`.

use super::action::{ACTION_NAMES, Action};
use super::app::Mode;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as written in the table and on the help screen: `j`, `J`, `ctrl-r`, `down`, `pgdn`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// The default keys of the normal view (README.md, "Keys"), in help-screen order.
pub const DEFAULT_KEYS: &[(&str, Action)] = {
    use Action::*;
    &[
        ("j", NextItem),
        ("down", NextItem),
        ("k", PrevItem),
        ("up", PrevItem),
        ("J", NextSection),
        ("]", NextSection),
        ("K", PrevSection),
        ("[", PrevSection),
        ("g", FirstItem),
        ("home", FirstItem),
        ("G", LastItem),
        ("end", LastItem),
        ("n", NextUnscored),
        ("/", OpenSearch),
        ("F", OpenFilters),
        ("backspace", ClearFilters),
        ("tab", FocusNext),
        ("backtab", FocusPrev),
        ("h", FocusLeft),
        ("left", FocusLeft),
        ("l", FocusRight),
        ("right", FocusRight),
        ("pgdn", PageDown),
        ("pgup", PageUp),
        ("ctrl-d", HalfPageDown),
        ("ctrl-u", HalfPageUp),
        ("r", FollowRef),
        ("ctrl-o", JumpBack),
        ("0", QuickScore(0)),
        ("1", QuickScore(1)),
        ("2", QuickScore(2)),
        ("3", QuickScore(3)),
        ("4", QuickScore(4)),
        ("5", QuickScore(5)),
        ("6", QuickScore(6)),
        ("7", QuickScore(7)),
        ("8", QuickScore(8)),
        ("9", QuickScore(9)),
        ("s", OpenScorePrompt),
        ("enter", OpenScorePrompt),
        ("+", RaiseScore),
        ("=", RaiseScore),
        ("-", LowerScore),
        ("x", ClearScore),
        ("delete", ClearScore),
        ("a", Annotate),
        ("f", ToggleFlag),
        ("u", Undo),
        ("ctrl-r", Redo),
        ("y", Copy),
        ("ctrl-s", Save),
        ("E", Export),
        ("?", Help),
        ("i", Info),
        ("q", Quit),
        ("ctrl-c", Quit),
        ("esc", Dismiss),
    ]
};

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
        n => match n.strip_prefix("ctrl-") {
            Some(k) => format!("Ctrl-{k}"),
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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("unknown action \"{0}\"")]
    UnknownAction(String),
    #[error("unknown key \"{key}\" for {action}")]
    UnknownKey { key: String, action: String },
}

/// The key map of a configuration: the defaults with its `[keys]` overrides; a refused
/// override is placed in the config file.
pub fn from_config(config: &crate::config::Config) -> Result<Keymap, crate::config::ConfigError> {
    Keymap::with_overrides(&config.keys).map_err(|e| config.keys_error(e))
}

/// The key map in force: the default table with the user's overrides, parsed once.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// (key as written, parsed key, action), in table order.
    bindings: Vec<(String, Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULT_KEYS
            .iter()
            .map(|(name, action)| {
                (name.to_string(), parse_key(name).expect("default key names parse"), action.clone())
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The defaults with `overrides` (action name → keys) applied: an overridden action gets
    /// exactly the keys given, and a key given to an action is taken from any other one.
    pub fn with_overrides(overrides: &[(String, Vec<String>)]) -> Result<Keymap, KeymapError> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let action = Action::from_name(name).ok_or_else(|| KeymapError::UnknownAction(name.clone()))?;
            let parsed: Vec<(String, Key)> = keys
                .iter()
                .map(|k| {
                    parse_key(k)
                        .map(|p| (k.clone(), p))
                        .ok_or_else(|| KeymapError::UnknownKey { key: k.clone(), action: name.clone() })
                })
                .collect::<Result<_, _>>()?;
            map.bindings.retain(|(_, k, a)| *a != action && !parsed.iter().any(|(_, p)| p == k));
            map.bindings.extend(parsed.into_iter().map(|(n, k)| (n, k, action.clone())));
        }
        Ok(map)
    }

    /// The action for a key pressed in `mode`. Text-entry modes take every key themselves.
    pub fn action_for(&self, mode: &Mode, key: KeyEvent) -> Option<Action> {
        match mode {
            Mode::Normal => {
                let k = normalise(&key)?;
                self.bindings.iter().find(|(_, b, _)| *b == k).map(|(_, _, a)| a.clone())
            }
            Mode::ScorePrompt { .. }
            | Mode::Note { .. }
            | Mode::Help { .. }
            | Mode::Info { .. }
            | Mode::Filters
            | Mode::Search(_) => Some(Action::Key(key)),
        }
    }

    /// The keys bound to `action`, as shown to people.
    pub fn keys_for(&self, action: &Action) -> Vec<String> {
        self.bindings.iter().filter(|(_, _, a)| a == action).map(|(n, _, _)| display_key(n)).collect()
    }

    /// The keys bound to `action` as the config file writes them (`down`, `ctrl-r`).
    pub fn key_names_for(&self, action: &Action) -> Vec<&str> {
        self.bindings.iter().filter(|(_, _, a)| a == action).map(|(n, _, _)| n.as_str()).collect()
    }

    /// Help-screen rows: every description with all the keys bound to it, in action order.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(String, &'static str)> = Vec::new();
        for (_, action) in ACTION_NAMES {
            let keys = self.keys_for(action);
            if keys.is_empty() {
                continue;
            }
            let what = action.describe();
            match rows.iter_mut().find(|(_, w)| *w == what) {
                Some((shown, _)) => {
                    shown.push_str(", ");
                    shown.push_str(&keys.join(", "));
                }
                None => rows.push((keys.join(", "), what)),
            }
        }
        for (keys, _) in &mut rows {
            if keys == "0, 1, 2, 3, 4, 5, 6, 7, 8, 9" {
                *keys = "0–9".into();
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn every_default_key_parses() {
        for (name, _) in DEFAULT_KEYS {
            assert!(parse_key(name).is_some(), "{name}");
        }
    }

    #[test]
    fn maps_contract_keys() {
        let km = Keymap::default();
        let n = Mode::Normal;
        assert_eq!(km.action_for(&n, press(KeyCode::Char('j'), KeyModifiers::NONE)), Some(Action::NextItem));
        assert_eq!(
            km.action_for(&n, press(KeyCode::Char('J'), KeyModifiers::SHIFT)),
            Some(Action::NextSection)
        );
        assert_eq!(
            km.action_for(&n, press(KeyCode::Char('7'), KeyModifiers::NONE)),
            Some(Action::QuickScore(7))
        );
        assert_eq!(km.action_for(&n, press(KeyCode::Char('r'), KeyModifiers::CONTROL)), Some(Action::Redo));
        assert_eq!(km.action_for(&n, press(KeyCode::Char('?'), KeyModifiers::SHIFT)), Some(Action::Help));
        assert_eq!(km.action_for(&n, press(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::FocusPrev));
        assert_eq!(km.action_for(&n, press(KeyCode::Char('j'), KeyModifiers::ALT)), None);
        assert_eq!(km.action_for(&n, press(KeyCode::Char('z'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn overrides_replace_an_actions_keys_and_move_a_key_taken_from_another() {
        let over = |pairs: &[(&str, &[&str])]| {
            let pairs: Vec<(String, Vec<String>)> = pairs
                .iter()
                .map(|(a, ks)| (a.to_string(), ks.iter().map(|k| k.to_string()).collect()))
                .collect();
            Keymap::with_overrides(&pairs)
        };
        let km = over(&[("quit", &["ctrl-q"]), ("next_item", &["j", "space"])]).unwrap();
        assert_eq!(km.keys_for(&Action::Quit), vec!["Ctrl-q"]);
        assert_eq!(km.keys_for(&Action::NextItem), vec!["j", "space"]);
        // `q` no longer quits: it was not given to any action
        assert!(!km.help_rows().iter().any(|(k, _)| k.split(", ").any(|k| k == "q")));
        let km = over(&[("save", &["q"])]).unwrap();
        assert_eq!(km.keys_for(&Action::Save), vec!["q"]);
        assert_eq!(km.keys_for(&Action::Quit), vec!["Ctrl-c"]);
        assert_eq!(over(&[("fly", &["x"])]).unwrap_err().to_string(), "unknown action \"fly\"");
        assert_eq!(
            over(&[("quit", &["hyper-q"])]).unwrap_err().to_string(),
            "unknown key \"hyper-q\" for quit"
        );
    }

    #[test]
    fn a_refused_override_is_placed_in_the_config_file() {
        let config =
            crate::config::parse("mouse = true\n[keys]\nfly = \"x\"\n", std::path::Path::new("c.toml"))
                .unwrap();
        assert_eq!(
            from_config(&config).unwrap_err().to_string(),
            "c.toml: [keys] (line 2): unknown action \"fly\""
        );
    }

    #[test]
    fn help_groups_keys_per_action() {
        let rows = Keymap::default().help_rows();
        assert!(rows.iter().any(|(k, d)| k == "j, ↓" && *d == "next item"));
        assert!(rows.iter().any(|(k, _)| k == "0–9"));
        assert!(rows.iter().any(|(k, d)| k == "Ctrl-o" && d.contains("back")));
    }
}
