//! `appraise config`: the files in use and the settings in force, keys included.

use super::Failure;
use crate::config::Config;
use crate::tui::keys::KeyMode;
use std::io::Write;
use std::path::Path;

pub fn show_config(dir: Option<&Path>, config: &Config, out: &mut dyn Write) -> Result<(), Failure> {
    let keymap = crate::tui::keymap::from_config(config)?;
    let data = directories::ProjectDirs::from("", "", "appraise")
        .map(|d| crate::text::shown(d.data_dir()).to_string());
    let file = match (&config.path, dir) {
        (Some(p), _) => crate::text::shown(p).to_string(),
        (None, Some(d)) => {
            format!("{} (not there: the defaults are in force)", crate::text::shown(&d.join("config.toml")))
        }
        (None, None) => "none (no home directory)".into(),
    };
    let mut text = String::new();
    text.push_str(&format!("config file    {file}\n"));
    if let Some(d) = dir {
        text.push_str(&format!("user themes    {}\n", crate::text::shown(&d.join("themes"))));
    }
    text.push_str(&format!("sample scores  {}\n", data.unwrap_or_else(|| "none (no home directory)".into())));
    text.push_str(&format!(
        "evaluator      {}\n",
        config.evaluator.as_deref().unwrap_or("(the scores file's, else your login name)")
    ));
    text.push_str(&format!(
        "theme          {}\n",
        config.theme.as_deref().unwrap_or(crate::theme::DEFAULT_THEME)
    ));
    text.push_str(&format!("themes         {}\n", crate::theme::available_themes(dir).join(", ")));
    text.push_str(&format!(
        "colours        {} (from COLORTERM, TERM and NO_COLOR)\n",
        crate::theme::detect_depth_from_env()
    ));
    text.push_str(&format!("mouse          {}\n", if config.mouse { "on" } else { "off" }));
    text.push_str(&format!("autosave       {} ms after a change\n", config.autosave_delay.as_millis()));
    for mode in KeyMode::ALL {
        let table = mode.config_name().map_or_else(|| "[keys]".to_string(), |t| format!("[keys.{t}]"));
        text.push_str(&format!("\n{table}  {}: action = keys, as config.toml writes them\n", mode.title()));
        for (decl, keys) in keymap.table(mode) {
            let keys = if keys.is_empty() { "(none)".to_string() } else { keys.join(", ") };
            text.push_str(&format!("{:<16} {keys:<22} {}\n", decl.name, decl.what));
        }
    }
    out.write_all(crate::text::sanitize(&text).as_bytes()).map_err(|e| Failure::Runtime(e.to_string()))
}
