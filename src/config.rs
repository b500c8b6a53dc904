//! The user's configuration, `<config dir>/config.toml` (`$XDG_CONFIG_HOME/appraise` on
//! Linux): evaluator name, theme, mouse, autosave delay and key overrides. Every field is
//! optional; a missing file means the defaults. Problems are reported with their line and
//! column, and unknown fields or actions are errors, so a typo never silently does nothing.
//!
//! ```toml
//! evaluator = "张三"
//! theme = "light"
//! lang = "zh"           # the interface: zh or en (default: the locale, else the report's)
//! mouse = false
//!
//! [autosave]
//! delay_ms = 250        # 50–1000: a change is on disk within a second
//!
//! [keys]                # action = key or [keys]; see `appraise config` for every action
//! next_item = ["j", "down"]
//! quit = "ctrl-q"
//! ```

use crate::text::shown;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    evaluator: Option<String>,
    theme: Option<String>,
    lang: Option<crate::lang::Lang>,
    mouse: Option<bool>,
    autosave: Option<Autosave>,
    #[serde(default)]
    keys: BTreeMap<String, KeySpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Autosave {
    delay_ms: u64,
}

/// An entry of `[keys]`: an action's key or keys, or (`[keys.prompt]`…) another mode's table.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeySpec {
    One(String),
    Many(Vec<String>),
    Table(BTreeMap<String, KeyList>),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    fn keys(self) -> Vec<String> {
        match self {
            KeyList::One(k) => vec![k],
            KeyList::Many(ks) => ks,
        }
    }
}

/// A key override as config.toml writes it: `quit = "ctrl-q"` under `[keys]` (the normal
/// mode, `table` none) or under `[keys.TABLE]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    pub table: Option<String>,
    pub action: String,
    pub keys: Vec<String>,
}

/// The settings in force.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file they came from, when there is one.
    pub path: Option<PathBuf>,
    pub evaluator: Option<String>,
    pub theme: Option<String>,
    /// The interface language (`zh` or `en`), when the file says.
    pub lang: Option<crate::lang::Lang>,
    pub mouse: bool,
    pub autosave_delay: Duration,
    /// Key overrides as written. Only names: the terminal layer turns them into its key maps
    /// (`tui::keymap`), and places what it refuses with [`Config::keys_error`].
    pub keys: Vec<KeyOverride>,
    /// The line of the `[keys]` table (0 when there is none).
    pub keys_line: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            evaluator: None,
            theme: None,
            lang: None,
            mouse: false,
            autosave_delay: Duration::from_millis(250),
            keys: Vec::new(),
            keys_line: 0,
        }
    }
}

/// What is wrong with the configuration file, with its place.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("cannot read {}: {message}", shown(path))]
    Io { path: PathBuf, message: String },
    /// TOML that does not parse, or a field that does not exist or has the wrong type.
    #[error("{}: {place}{message}", shown(path))]
    Syntax { path: PathBuf, place: String, message: String },
    #[error(
        "{}: autosave.delay_ms must be between 50 and 1000 (a change is saved within a second), not {delay}",
        shown(path)
    )]
    Delay { path: PathBuf, delay: u64 },
    /// An override the key map refuses (an unknown action or key).
    #[error("{}: [keys] (line {line}): {message}", shown(path))]
    Keys { path: PathBuf, line: usize, message: String },
}

impl Config {
    /// The error for a key override the key map refused (`why`), placed at the `[keys]` table.
    pub fn keys_error(&self, why: impl std::fmt::Display) -> ConfigError {
        ConfigError::Keys {
            path: self.path.clone().unwrap_or_else(|| PathBuf::from("config.toml")),
            line: self.keys_line,
            message: why.to_string(),
        }
    }
}

/// The user's config directory (`$XDG_CONFIG_HOME/appraise`, `~/Library/Application Support/appraise`…).
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "appraise").map(|d| d.config_dir().to_path_buf())
}

/// Reads `dir/config.toml`; no file gives the defaults.
pub fn load(dir: Option<&Path>) -> Result<Config, ConfigError> {
    let Some(dir) = dir else { return Ok(Config::default()) };
    let path = dir.join("config.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(ConfigError::Io { path, message: crate::io_error::message(&e) }),
    };
    parse(&text, &path)
}

/// Parses config text read from `path` (named in errors).
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let at = |offset: usize| {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("line {line}, column {column}: ")
    };
    let file: File = toml::from_str(text).map_err(|e| ConfigError::Syntax {
        path: path.to_path_buf(),
        place: e.span().map_or_else(String::new, |s| at(s.start)),
        message: e.message().trim().to_string(),
    })?;
    let delay = file.autosave.map_or(250, |a| a.delay_ms);
    if !(50..=1000).contains(&delay) {
        return Err(ConfigError::Delay { path: path.to_path_buf(), delay });
    }
    let mut keys = Vec::new();
    for (name, spec) in file.keys {
        match spec {
            KeySpec::One(k) => keys.push(KeyOverride { table: None, action: name, keys: vec![k] }),
            KeySpec::Many(ks) => keys.push(KeyOverride { table: None, action: name, keys: ks }),
            KeySpec::Table(entries) => keys.extend(entries.into_iter().map(|(action, list)| KeyOverride {
                table: Some(name.clone()),
                action,
                keys: list.keys(),
            })),
        }
    }
    let keys_line = text.lines().position(|l| l.trim_start().starts_with("[keys]")).map_or(0, |n| n + 1);
    Ok(Config {
        path: Some(path.to_path_buf()),
        evaluator: file.evaluator.filter(|e| !e.trim().is_empty()),
        theme: file.theme,
        lang: file.lang,
        mouse: file.mouse.unwrap_or(false),
        autosave_delay: Duration::from_millis(delay),
        keys,
        keys_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, String> {
        parse(text, Path::new("config.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn empty_or_missing_config_is_the_defaults() {
        let c = parse_str("").unwrap();
        assert_eq!((c.mouse, c.autosave_delay), (false, Duration::from_millis(250)));
        let dir = tempfile::tempdir().unwrap();
        assert!(load(Some(dir.path())).unwrap().path.is_none());
        assert!(load(None).unwrap().evaluator.is_none());
    }

    #[test]
    fn reads_every_setting() {
        let c = parse_str(
            "evaluator = \"张三\"\ntheme = \"light\"\nlang = \"zh\"\nmouse = true\n[autosave]\ndelay_ms = 500\n[keys]\nquit = \"ctrl-q\"\nnext_item = [\"j\", \"space\"]\n",
        )
        .unwrap();
        assert_eq!(c.evaluator.as_deref(), Some("张三"));
        assert_eq!(c.theme.as_deref(), Some("light"));
        assert_eq!(c.lang, Some(crate::lang::Lang::Zh));
        assert!(c.mouse);
        assert_eq!(c.autosave_delay, Duration::from_millis(500));
        let o = |table: Option<&str>, action: &str, keys: &[&str]| KeyOverride {
            table: table.map(str::to_string),
            action: action.into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
        };
        assert_eq!(c.keys, vec![o(None, "next_item", &["j", "space"]), o(None, "quit", &["ctrl-q"])]);
        let modes =
            parse_str("[keys]\nhelp = \"f1\"\n[keys.prompt]\ncancel = [\"esc\", \"ctrl-g\"]\n").unwrap();
        assert_eq!(
            modes.keys,
            vec![o(None, "help", &["f1"]), o(Some("prompt"), "cancel", &["esc", "ctrl-g"])]
        );
        assert_eq!(c.keys_line, 7);
        assert_eq!(
            c.keys_error("unknown action \"fly\"").to_string(),
            "config.toml: [keys] (line 7): unknown action \"fly\""
        );
    }

    #[test]
    fn problems_name_the_place() {
        let e = parse_str("evaluator = \"a\"\ncolour = \"red\"\n").unwrap_err();
        assert!(e.starts_with("config.toml: line 2, column 1: unknown field `colour`"), "{e}");
        let e = parse_str("mouse = \"yes\"\n").unwrap_err();
        assert!(e.starts_with("config.toml: line 1, column 9:"), "{e}");
        let e = parse_str("[autosave]\ndelay_ms = 5000\n").unwrap_err();
        assert!(e.contains("between 50 and 1000"), "{e}");
        let e = parse_str("evaluator = [\n").unwrap_err();
        assert!(e.starts_with("config.toml: line "), "{e}");
    }
}
