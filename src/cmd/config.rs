//! `appraise config`: the files in use and the settings in force, keys included; and
//! `appraise config --default`: the whole default `config.toml`, commented, every key table
//! from the key declarations (`tui::keys`).

use super::Failure;
use crate::config::Config;
use crate::tui::keys::{KEYS, KeyMode};
use crate::words::{Word, cli};
use std::io::Write;
use std::path::Path;

/// `appraise config` over a configuration that cannot be used: the files' places on `out`,
/// then `why` (exit 2), so what to fix and where is in view.
pub fn show_broken_config(
    dir: Option<&Path>,
    file: Option<&Path>,
    why: Failure,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut text = String::new();
    let file = match (file, dir) {
        (Some(p), _) => crate::text::shown(p).to_string(),
        (None, Some(d)) => crate::text::shown(&d.join("config.toml")).to_string(),
        (None, None) => cli::CONFIG_NO_HOME.get().into(),
    };
    line(&mut text, cli::CONFIG_FILE, &file);
    if let Some(d) = dir {
        line(&mut text, cli::CONFIG_USER_THEMES, &crate::text::shown(&d.join("themes")).to_string());
    }
    let data = directories::ProjectDirs::from("", "", "appraise")
        .map(|d| crate::text::shown(d.data_dir()).to_string());
    line(&mut text, cli::CONFIG_SAMPLE_SCORES, &data.unwrap_or_else(|| cli::CONFIG_NO_HOME.get().into()));
    out.write_all(crate::text::sanitize(&text).as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Failure::Runtime(crate::io_error::detail(&e)))?;
    Err(why)
}

/// `config file    …`: each label padded to the widest and a few spaces.
fn line(text: &mut String, label: Word, value: &str) {
    const LABELS: [Word; 10] = [
        cli::CONFIG_FILE,
        cli::CONFIG_LANG,
        cli::CONFIG_USER_THEMES,
        cli::CONFIG_SAMPLE_SCORES,
        cli::CONFIG_EVALUATOR,
        cli::CONFIG_THEME,
        cli::CONFIG_THEMES,
        cli::CONFIG_COLOURS,
        cli::CONFIG_MOUSE,
        cli::CONFIG_AUTOSAVE,
    ];
    let width = LABELS.iter().map(|l| crate::text::width(l.get())).max().unwrap_or(0) + 2;
    let pad = " ".repeat(width.saturating_sub(crate::text::width(label.get())));
    text.push_str(&format!("{label}{pad}{value}\n"));
}

pub fn show_config(dir: Option<&Path>, config: &Config, out: &mut dyn Write) -> Result<(), Failure> {
    let keymap = match crate::tui::keymap::from_config(config) {
        Ok(keymap) => keymap,
        Err(e) => return show_broken_config(dir, config.path.as_deref(), e.into(), out),
    };
    let data = directories::ProjectDirs::from("", "", "appraise")
        .map(|d| crate::text::shown(d.data_dir()).to_string());
    let file = match (&config.path, dir) {
        (Some(p), _) => crate::text::shown(p).to_string(),
        (None, Some(d)) => {
            cli::CONFIG_NOT_THERE.fill(&[("path", &crate::text::shown(&d.join("config.toml")))])
        }
        (None, None) => cli::CONFIG_NO_HOME.get().into(),
    };
    let mut text = String::new();
    line(&mut text, cli::CONFIG_FILE, &file);
    if let Some(d) = dir {
        line(&mut text, cli::CONFIG_USER_THEMES, &crate::text::shown(&d.join("themes")).to_string());
    }
    line(&mut text, cli::CONFIG_SAMPLE_SCORES, &data.unwrap_or_else(|| cli::CONFIG_NO_HOME.get().into()));
    let lang = crate::words::lang().code();
    let chosen = match crate::words::source() {
        crate::words::Source::Flag => cli::CONFIG_LANG_FLAG.fill(&[("lang", &lang)]),
        crate::words::Source::Config => cli::CONFIG_LANG_CONFIG.fill(&[("lang", &lang)]),
        crate::words::Source::Locale => {
            let vars = ["LC_ALL", "LC_MESSAGES", "LANG"].join(crate::words::errors::LIST_SEP.get());
            cli::CONFIG_LANG_LOCALE.fill(&[("lang", &lang), ("vars", &vars)])
        }
        crate::words::Source::Report => cli::CONFIG_LANG_REPORT.get().to_string(),
    };
    line(&mut text, cli::CONFIG_LANG, &chosen);
    let evaluator = config.evaluator.as_deref().unwrap_or(cli::CONFIG_EVALUATOR_DEFAULT.get());
    line(&mut text, cli::CONFIG_EVALUATOR, evaluator);
    line(&mut text, cli::CONFIG_THEME, config.theme.as_deref().unwrap_or(crate::theme::DEFAULT_THEME));
    line(
        &mut text,
        cli::CONFIG_THEMES,
        &crate::theme::available_themes(dir).join(crate::words::errors::LIST_SEP.get()),
    );
    let depth = cli::CONFIG_DEPTH.fill(&[
        ("depth", &crate::theme::detect_depth_from_env()),
        ("a", &"COLORTERM"),
        ("b", &"TERM"),
        ("c", &"NO_COLOR"),
    ]);
    line(&mut text, cli::CONFIG_COLOURS, &depth);
    line(
        &mut text,
        cli::CONFIG_MOUSE,
        if config.mouse { cli::CONFIG_ON.get() } else { cli::CONFIG_OFF.get() },
    );
    let delay = cli::CONFIG_AUTOSAVE_DELAY.fill(&[("ms", &config.autosave_delay.as_millis())]);
    line(&mut text, cli::CONFIG_AUTOSAVE, &delay);
    for mode in KeyMode::ALL {
        let table = mode.config_name().map_or_else(|| "[keys]".to_string(), |t| format!("[keys.{t}]"));
        text.push_str(&format!(
            "\n{}\n",
            cli::CONFIG_KEYS.fill(&[("table", &table), ("title", &mode.title())])
        ));
        for (decl, keys) in keymap.table(mode) {
            let keys = if keys.is_empty() { cli::CONFIG_NO_KEYS.get().to_string() } else { keys.join(", ") };
            let pad = " ".repeat(22usize.saturating_sub(crate::text::width(&keys)));
            text.push_str(&format!("{:<16} {keys}{pad} {}\n", decl.name, decl.what));
        }
    }
    out.write_all(crate::text::sanitize(&text).as_bytes())
        .map_err(|e| Failure::Runtime(crate::io_error::detail(&e)))
}

/// `appraise config --default`: [`default_config_text`] on `out`.
pub fn default_config(out: &mut dyn Write) -> Result<(), Failure> {
    super::export::stdout_result(out.write_all(default_config_text().as_bytes()).and_then(|()| out.flush()))
}

/// The whole default `config.toml`, commented in the interface's language: every setting at
/// its default (those with none as a comment), then every mode's key table with every action
/// and its default keys. Read back, it is the defaults.
pub fn default_config_text() -> String {
    use crate::words::cli as w;
    let mut text = String::new();
    let comment = |text: &mut String, line: String| text.push_str(&format!("# {line}\n"));
    comment(
        &mut text,
        w::DEFAULT_CONFIG_TITLE.fill(&[
            ("file", &"config.toml"),
            ("dir", &"$XDG_CONFIG_HOME/appraise"),
            ("usual", &"~/.config/appraise"),
            ("flag", &"--config"),
            ("env", &"APPRAISE_CONFIG"),
        ]),
    );
    comment(&mut text, w::DEFAULT_CONFIG_OPTIONAL.fill(&[("cmd", &"appraise config")]));

    text.push('\n');
    comment(&mut text, w::DEFAULT_CONFIG_EVALUATOR.fill(&[("flag", &"--evaluator")]));
    text.push_str(&format!("# evaluator = {}\n", toml_string(w::DEFAULT_CONFIG_SOMEONE.get())));
    text.push('\n');
    let themes = crate::theme::available_themes(None).join(crate::words::errors::LIST_SEP.get());
    comment(
        &mut text,
        w::DEFAULT_CONFIG_THEME.fill(&[
            ("themes", &themes),
            ("dir", &format!("<{}>/themes", w::VALUE_CONFIG_DIR)),
            ("flag", &"--theme"),
        ]),
    );
    text.push_str(&format!("theme = {}\n", toml_string(crate::theme::DEFAULT_THEME)));
    text.push('\n');
    comment(&mut text, w::DEFAULT_CONFIG_LANG.fill(&[("flag", &"--lang")]));
    text.push_str("# lang = \"zh\"\n");
    text.push('\n');
    comment(&mut text, w::DEFAULT_CONFIG_MOUSE.fill(&[("flag", &"--mouse")]));
    text.push_str(&format!("mouse = {}\n", Config::default().mouse));
    text.push('\n');
    text.push_str("[autosave]\n");
    let (min, max) = crate::config::AUTOSAVE_DELAY_MS;
    comment(&mut text, w::DEFAULT_CONFIG_AUTOSAVE.fill(&[("min", &min), ("max", &max)]));
    text.push_str(&format!("delay_ms = {}\n", Config::default().autosave_delay.as_millis()));

    text.push('\n');
    comment(&mut text, w::DEFAULT_CONFIG_KEYS.get().to_string());
    comment(
        &mut text,
        w::DEFAULT_CONFIG_KEY_NAMES.fill(&[
            ("chars", &"j, J, ?, /, ]"),
            ("names", &"enter, esc, tab, backtab, backspace, delete, insert, space, up, down, left, right, home, end, pgup, pgdn"),
            ("f", &"f1…f12"),
            ("ctrl", &"ctrl-"),
        ]),
    );
    comment(
        &mut text,
        w::DEFAULT_CONFIG_NORMAL.fill(&[
            ("table", &"[keys.normal]"),
            ("keys", &"[keys]"),
            ("help", &"[keys.help]"),
        ]),
    );
    for mode in KeyMode::ALL {
        let table = mode.config_name().unwrap_or("normal");
        text.push_str(&format!("\n[keys.{table}]\n"));
        comment(&mut text, mode.title().get().to_string());
        let lines: Vec<(String, &str)> = KEYS
            .iter()
            .filter(|decl| decl.mode == mode)
            .map(|decl| (format!("{} = {}", decl.name, toml_keys(decl.keys)), decl.what.get()))
            .collect();
        let width = lines.iter().map(|(line, _)| line.len()).max().unwrap_or(0);
        for (line, what) in lines {
            text.push_str(&format!("{line:<width$}  # {what}\n"));
        }
    }
    text
}

/// `s` as a TOML string, quoted and escaped.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// One key as a string, several as an array, as config.toml writes them.
fn toml_keys(keys: &[&str]) -> String {
    match keys {
        [one] => toml_string(one),
        many => format!("[{}]", many.iter().map(|k| toml_string(k)).collect::<Vec<_>>().join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    /// The default file, read back by the app's own reader: the default settings and keys.
    #[test]
    fn the_default_config_reads_back_as_the_defaults() {
        for lang in [Lang::En, Lang::Zh] {
            let _pinned = crate::words::pin(lang);
            let text = default_config_text();
            let config = crate::config::parse(&text, Path::new("config.toml"))
                .unwrap_or_else(|e| panic!("{lang:?}: {e}\n{text}"));
            let defaults = Config::default();
            assert_eq!(config.evaluator, defaults.evaluator, "{lang:?}");
            assert_eq!(config.theme.as_deref(), Some(crate::theme::DEFAULT_THEME), "{lang:?}");
            assert_eq!(config.lang, defaults.lang, "{lang:?}");
            assert_eq!(config.mouse, defaults.mouse, "{lang:?}");
            assert_eq!(config.autosave_delay, defaults.autosave_delay, "{lang:?}");
            // Every action of every mode is written, with its default keys.
            assert_eq!(config.keys.len(), KEYS.len(), "{lang:?}");
            let read = crate::tui::keymap::from_config(&config).expect("the keys are accepted");
            let default = crate::tui::keymap::Keymap::default();
            for decl in KEYS {
                assert_eq!(
                    read.key_names_for(decl.mode, &decl.action),
                    default.key_names_for(decl.mode, &decl.action),
                    "{lang:?} {:?} {}",
                    decl.mode,
                    decl.name
                );
                assert_eq!(read.key_names_for(decl.mode, &decl.action), decl.keys, "{}", decl.name);
            }
            // Every example setting (`# name = value`) reads too, once uncommented.
            let setting = |l: &&str| {
                l.split_once(" = ")
                    .is_some_and(|(k, _)| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            };
            let uncommented: String = text
                .lines()
                .map(|l| l.strip_prefix("# ").filter(setting).unwrap_or(l))
                .map(|l| format!("{l}\n"))
                .collect();
            let config = crate::config::parse(&uncommented, Path::new("config.toml"))
                .unwrap_or_else(|e| panic!("{lang:?}: uncommented: {e}\n{uncommented}"));
            assert!(config.evaluator.is_some() && config.lang.is_some(), "{lang:?}");
        }
    }

    /// Printed, read, printed again: the same settings, so the same file.
    #[test]
    fn the_default_config_round_trips() {
        let text = default_config_text();
        let config = crate::config::parse(&text, Path::new("config.toml")).unwrap();
        let keymap = crate::tui::keymap::from_config(&config).unwrap();
        let mut shown = Vec::new();
        show_config(None, &config, &mut shown).unwrap();
        let mut defaults = Vec::new();
        let default = Config::default();
        show_config(None, &default, &mut defaults).unwrap();
        // `appraise config` says the same of both but the theme's source (one names it).
        let without_file =
            |bytes: &[u8]| String::from_utf8_lossy(bytes).lines().skip(1).collect::<Vec<_>>().join("\n");
        assert_eq!(without_file(&shown), without_file(&defaults));
        for mode in KeyMode::ALL {
            for decl in KEYS.iter().filter(|d| d.mode == mode) {
                let line = format!("{} = {}", decl.name, toml_keys(decl.keys));
                assert!(text.contains(&line), "{line}");
                assert_eq!(keymap.key_names_for(mode, &decl.action), decl.keys);
            }
        }
    }
}
