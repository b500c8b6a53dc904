//! The user's configuration, `<config dir>/config.toml` (`$XDG_CONFIG_HOME/appraise` on
//! Linux): evaluator name, theme, mouse, autosave delay and key overrides. Every field is
//! optional; a missing file means the defaults. Problems are reported with their line and
//! column, and unknown fields or actions are errors, so a typo never silently does nothing.
//!
//! ```toml
//! evaluator = "张三"
//! theme = "light"
//! mouse = false
//!
//! [autosave]
//! delay_ms = 250        # 50–1000: a change is on disk within a second
//!
//! [keys]                # action = key or [keys]; see `appraise config` for every action
//! next_item = ["j", "down"]
//! quit = "ctrl-q"
//! ```

use crate::tui::keymap::Keymap;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    evaluator: Option<String>,
    theme: Option<String>,
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

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeySpec {
    One(String),
    Many(Vec<String>),
}

/// The settings in force.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file they came from, when there is one.
    pub path: Option<PathBuf>,
    pub evaluator: Option<String>,
    pub theme: Option<String>,
    pub mouse: bool,
    pub autosave_delay: Duration,
    /// Key overrides as written: action name → keys.
    pub keys: Vec<(String, Vec<String>)>,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            evaluator: None,
            theme: None,
            mouse: false,
            autosave_delay: Duration::from_millis(250),
            keys: Vec::new(),
            keymap: Keymap::default(),
        }
    }
}

/// The user's config directory (`$XDG_CONFIG_HOME/appraise`, `~/Library/Application Support/appraise`…).
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "appraise").map(|d| d.config_dir().to_path_buf())
}

/// Reads `dir/config.toml`; no file gives the defaults.
pub fn load(dir: Option<&Path>) -> Result<Config, String> {
    let Some(dir) = dir else { return Ok(Config::default()) };
    let path = dir.join("config.toml");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(format!(
                "cannot read {}: {}",
                crate::text::shown(&path),
                crate::store::io_message(&e)
            ));
        }
    };
    parse(&text, &path)
}

/// Parses config text read from `path` (named in errors).
pub fn parse(text: &str, path: &Path) -> Result<Config, String> {
    let at = |offset: usize| {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{}: line {line}, column {column}", crate::text::shown(path))
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let place = e.span().map_or_else(|| crate::text::shown(path).to_string(), |s| at(s.start));
        format!("{place}: {}", e.message().trim())
    })?;
    let delay = file.autosave.map_or(250, |a| a.delay_ms);
    if !(50..=1000).contains(&delay) {
        return Err(format!(
            "{}: autosave.delay_ms must be between 50 and 1000 (a change is saved within a second), not {delay}",
            crate::text::shown(path)
        ));
    }
    let keys: Vec<(String, Vec<String>)> = file
        .keys
        .into_iter()
        .map(|(action, spec)| {
            let keys = match spec {
                KeySpec::One(k) => vec![k],
                KeySpec::Many(ks) => ks,
            };
            (action, keys)
        })
        .collect();
    let keymap = Keymap::with_overrides(&keys).map_err(|e| {
        let key_line = text.lines().position(|l| l.trim_start().starts_with("[keys]")).map_or(0, |n| n + 1);
        format!("{}: [keys] (line {key_line}): {e}", crate::text::shown(path))
    })?;
    Ok(Config {
        path: Some(path.to_path_buf()),
        evaluator: file.evaluator.filter(|e| !e.trim().is_empty()),
        theme: file.theme,
        mouse: file.mouse.unwrap_or(false),
        autosave_delay: Duration::from_millis(delay),
        keys,
        keymap,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;

    fn parse_str(text: &str) -> Result<Config, String> {
        parse(text, Path::new("config.toml"))
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
            "evaluator = \"张三\"\ntheme = \"light\"\nmouse = true\n[autosave]\ndelay_ms = 500\n[keys]\nquit = \"ctrl-q\"\nnext_item = [\"j\", \"space\"]\n",
        )
        .unwrap();
        assert_eq!(c.evaluator.as_deref(), Some("张三"));
        assert_eq!(c.theme.as_deref(), Some("light"));
        assert!(c.mouse);
        assert_eq!(c.autosave_delay, Duration::from_millis(500));
        assert_eq!(c.keymap.keys_for(&Action::Quit), vec!["Ctrl-q"]);
        assert_eq!(c.keymap.keys_for(&Action::NextItem), vec!["j", "space"]);
        // `q` no longer quits: it was not given to any action
        assert!(!c.keymap.help_rows().iter().any(|(k, _)| k.split(", ").any(|k| k == "q")));
    }

    #[test]
    fn a_key_given_to_another_action_moves() {
        let c = parse_str("[keys]\nsave = \"q\"\n").unwrap();
        assert_eq!(c.keymap.keys_for(&Action::Save), vec!["q"]);
        assert_eq!(c.keymap.keys_for(&Action::Quit), vec!["Ctrl-c"]);
    }

    #[test]
    fn problems_name_the_place() {
        let e = parse_str("evaluator = \"a\"\ncolour = \"red\"\n").unwrap_err();
        assert!(e.starts_with("config.toml: line 2, column 1: unknown field `colour`"), "{e}");
        let e = parse_str("mouse = \"yes\"\n").unwrap_err();
        assert!(e.starts_with("config.toml: line 1, column 9:"), "{e}");
        let e = parse_str("[keys]\nfly = \"x\"\n").unwrap_err();
        assert_eq!(e, "config.toml: [keys] (line 1): unknown action \"fly\"");
        let e = parse_str("[keys]\nquit = \"hyper-q\"\n").unwrap_err();
        assert!(e.contains("unknown key \"hyper-q\" for quit"), "{e}");
        let e = parse_str("[autosave]\ndelay_ms = 5000\n").unwrap_err();
        assert!(e.contains("between 50 and 1000"), "{e}");
        let e = parse_str("evaluator = [\n").unwrap_err();
        assert!(e.starts_with("config.toml: line "), "{e}");
    }
}
