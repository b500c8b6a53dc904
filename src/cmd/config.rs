//! `appraise config`: the files in use and the settings in force, keys included.

use super::Failure;
use crate::config::Config;
use crate::tui::keys::KeyMode;
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
