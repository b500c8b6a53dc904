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

use crate::lang::Lang;
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
    #[serde(default, deserialize_with = "lang_name")]
    lang: Option<Lang>,
    mouse: Option<bool>,
    autosave: Option<Autosave>,
    #[serde(default)]
    keys: BTreeMap<String, KeySpec>,
}

/// A language as config.toml names it: `zh` or `en`, or any name [`Lang::parse`] takes.
fn lang_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
    let name = String::deserialize(d)?;
    Lang::parse(&name).map(Some).ok_or_else(|| {
        let why = crate::words::errors::LANG_UNKNOWN.fill(&[("name", &name), ("zh", &"zh"), ("en", &"en")]);
        serde::de::Error::custom(why)
    })
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
    pub lang: Option<Lang>,
    pub mouse: bool,
    pub autosave_delay: Duration,
    /// Key overrides as written. Only names: the terminal layer turns them into its key maps
    /// (`tui::keymap`), and places what it refuses with [`Config::keys_error`].
    pub keys: Vec<KeyOverride>,
    /// Where each key table's header is: `("[keys.prompt]", line)`.
    pub key_tables: Vec<(String, usize)>,
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
            key_tables: Vec::new(),
        }
    }
}

/// What is wrong with the configuration file, with its place.
#[derive(Debug, PartialEq)]
pub enum ConfigError {
    Io {
        path: PathBuf,
        message: String,
    },
    /// TOML that does not parse, or a field that does not exist or has the wrong type; the
    /// place is its line and column, when the parser knows it.
    Syntax {
        path: PathBuf,
        place: Option<(usize, usize)>,
        message: String,
    },
    Delay {
        path: PathBuf,
        delay: u64,
    },
    /// An override the key map refuses (an unknown action or key), in the table `table`
    /// (`[keys]`, `[keys.prompt]`…) that starts on `line` (0: not found).
    Keys {
        path: PathBuf,
        table: String,
        line: usize,
        message: String,
    },
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::words::errors as w;
        let at = |path: &Path, place: &str, why: &str| {
            w::CONFIG_AT.fill(&[("path", &shown(path)), ("place", &place), ("why", &why)])
        };
        f.write_str(&match self {
            ConfigError::Io { path, message } => {
                w::CANNOT_READ.fill(&[("path", &shown(path)), ("why", message)])
            }
            ConfigError::Syntax { path, place: Some((line, column)), message } => {
                at(path, &w::AT_POSITION.fill(&[("line", line), ("column", column)]), message)
            }
            ConfigError::Syntax { path, place: None, message } => {
                w::CONFIG_WHY.fill(&[("path", &shown(path)), ("why", message)])
            }
            ConfigError::Delay { path, delay } => {
                let why = w::CONFIG_DELAY.fill(&[("setting", &"autosave.delay_ms"), ("delay", delay)]);
                w::CONFIG_WHY.fill(&[("path", &shown(path)), ("why", &why)])
            }
            ConfigError::Keys { path, table, line: 0, message } => at(path, table, message),
            ConfigError::Keys { path, table, line, message } => {
                at(path, &w::CONFIG_KEYS_AT.fill(&[("table", table), ("line", line)]), message)
            }
        })
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    /// The configuration file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ConfigError::Io { path, .. }
            | ConfigError::Syntax { path, .. }
            | ConfigError::Delay { path, .. }
            | ConfigError::Keys { path, .. } => path,
        }
    }
}

impl Config {
    /// The error for a key override the key map refused (`why`), placed at its table
    /// (`None`: `[keys]`; `Some("prompt")`: `[keys.prompt]`).
    pub fn keys_error(&self, table: Option<&str>, why: impl std::fmt::Display) -> ConfigError {
        let table = table.map_or_else(|| "[keys]".to_string(), |t| format!("[keys.{t}]"));
        let line = self.key_tables.iter().find(|(t, _)| *t == table).map_or(0, |(_, line)| *line);
        ConfigError::Keys {
            path: self.path.clone().unwrap_or_else(|| PathBuf::from("config.toml")),
            table,
            line,
            message: why.to_string(),
        }
    }
}

/// The autosave delay's bounds, in milliseconds: `[autosave] delay_ms` from 50 to 1000.
pub const AUTOSAVE_DELAY_MS: (u64, u64) = (50, 1000);

/// The user's config directory (`$XDG_CONFIG_HOME/appraise`, `~/Library/Application Support/appraise`…).
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "appraise").map(|d| d.config_dir().to_path_buf())
}

/// Writes `evaluator = "NAME"` at the top of the configuration file at `path` (created, with
/// its folder, when there is none), keeping everything else in it as it is: the name an
/// evaluator gave once, so the app does not ask again. The file must not name an evaluator
/// already (then it would not have asked).
pub fn remember_evaluator(path: &Path, name: &str) -> std::io::Result<()> {
    let old = crate::input::read_text(path, crate::input::Cap::CONFIG)?.unwrap_or_default();
    let line = format!("evaluator = {}\n", toml::Value::String(name.to_string()));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::store::write_atomic(path, format!("{line}{old}").as_bytes()).map(drop)
}

/// Reads `dir/config.toml`; no file gives the defaults.
pub fn load(dir: Option<&Path>) -> Result<Config, ConfigError> {
    let Some(dir) = dir else { return Ok(Config::default()) };
    let path = dir.join("config.toml");
    let text = match crate::input::read_text(&path, crate::input::Cap::CONFIG) {
        Ok(Some(t)) => t,
        Ok(None) => return Ok(Config::default()),
        Err(e) => return Err(ConfigError::Io { path, message: crate::io_error::message(&e) }),
    };
    parse(&text, &path)
}

/// Reads the configuration file named by `--config` or `APPRAISE_CONFIG`: it must exist.
pub fn load_file(path: &Path) -> Result<Config, ConfigError> {
    let io = |e: std::io::Error| ConfigError::Io {
        path: path.to_path_buf(),
        message: crate::io_error::message(&e),
    };
    let text = crate::input::read_text(path, crate::input::Cap::CONFIG)
        .map_err(io)?
        .ok_or_else(|| io(std::io::Error::from(std::io::ErrorKind::NotFound)))?;
    parse(&text, path)
}

/// Parses config text read from `path` (named in errors).
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let at = |offset: usize| {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    };
    let file: File = toml::from_str(text).map_err(|e| {
        let mut message = e.message().trim().to_string();
        // `[keys] help = "f1"` and `[keys.help]` in one file: say how to write both.
        let name = e.span().and_then(|s| text.get(s)).unwrap_or("").trim();
        if message.starts_with("duplicate key") && ["help", "search", "filters"].contains(&name) {
            message = crate::words::errors::CONFIG_KEYS_CLASH.fill(&[
                ("name", &name),
                ("keys", &"[keys]"),
                ("table", &format!("[keys.{name}]")),
                ("normal", &"[keys.normal]"),
            ]);
        }
        ConfigError::Syntax { path: path.to_path_buf(), place: e.span().map(|s| at(s.start)), message }
    })?;
    let delay = file.autosave.map_or(250, |a| a.delay_ms);
    if !(AUTOSAVE_DELAY_MS.0..=AUTOSAVE_DELAY_MS.1).contains(&delay) {
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
    // `[keys]`, `[keys.prompt]`… as headers (spaces inside the brackets allowed), by line.
    let key_tables = text
        .lines()
        .enumerate()
        .filter_map(|(n, l)| {
            let inner = l.trim().strip_prefix('[')?.split(']').next()?.trim();
            let name: String = inner.split('.').map(str::trim).collect::<Vec<_>>().join(".");
            (name == "keys" || name.starts_with("keys.")).then(|| (format!("[{name}]"), n + 1))
        })
        .collect();
    Ok(Config {
        path: Some(path.to_path_buf()),
        evaluator: file.evaluator.filter(|e| !e.trim().is_empty()),
        theme: file.theme,
        lang: file.lang,
        mouse: file.mouse.unwrap_or(false),
        autosave_delay: Duration::from_millis(delay),
        keys,
        key_tables,
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
        assert_eq!(c.key_tables, vec![("[keys]".to_string(), 7)]);
        assert_eq!(
            c.keys_error(None, "unknown action \"fly\"").to_string(),
            "config.toml: [keys] (line 7): unknown action \"fly\""
        );
        assert_eq!(
            modes.keys_error(Some("prompt"), "no").to_string(),
            "config.toml: [keys.prompt] (line 3): no"
        );
        assert_eq!(modes.keys_error(Some("note"), "no").to_string(), "config.toml: [keys.note]: no");
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
        let e = parse_str("lang = \"fr\"\n").unwrap_err();
        assert!(e.contains("unknown language \"fr\", expected zh or en"), "{e}");
    }

    #[test]
    fn an_action_named_like_a_table_goes_under_keys_normal() {
        let both = "[keys]\nhelp = \"f1\"\n\n[keys.help]\nclose = \"h\"\n";
        let e = parse_str(both).unwrap_err();
        assert_eq!(
            e,
            "config.toml: line 4, column 7: \"help\" is both an action in [keys] and the table [keys.help], \
             and TOML cannot hold both: write the action under [keys.normal] instead"
        );
        let c = parse_str("[keys.normal]\nhelp = \"f1\"\n\n[keys.help]\nclose = \"h\"\n").unwrap();
        let tables: Vec<_> = c.keys.iter().map(|k| (k.table.as_deref(), k.action.as_str())).collect();
        assert!(tables.contains(&(Some("normal"), "help")) && tables.contains(&(Some("help"), "close")));
    }

    #[test]
    fn problems_are_said_in_the_interface_language() {
        let _zh = crate::words::pin(crate::lang::Lang::Zh);
        let e = parse_str("evaluator = \"a\"\nmouse = \"yes\"\n").unwrap_err();
        assert!(e.starts_with("config.toml：第 2 行第 9 列："), "{e}");
        let e = parse_str("[autosave]\ndelay_ms = 5000\n").unwrap_err();
        assert_eq!(e, "config.toml：autosave.delay_ms 应在 50 到 1000 之间（改动在一秒内保存），而不是 5000");
        let e = parse_str("lang = \"fr\"\n").unwrap_err();
        assert!(e.contains("未知的语言“fr”，应为 zh 或 en"), "{e}");
        let c = parse_str("\n[ keys . search ]\njump = \"x\"\n").unwrap();
        assert_eq!(
            c.keys_error(Some("search"), "不行").to_string(),
            "config.toml：[keys.search]（第 2 行）：不行"
        );
    }
}
