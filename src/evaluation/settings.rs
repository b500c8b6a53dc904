//! `appraise.toml`: what makes a folder an evaluation — its title, the rubric every report is
//! scored on, the scoring step, and how the panel's 评价得分 is made. Written by `appraise init`,
//! read by everything else; a person may edit it (unknown keys are refused with their place, as
//! in config.toml).

use super::EvalError;
use std::path::{Path, PathBuf};

/// The settings file's name.
pub const FILE: &str = "appraise.toml";

/// The evaluation's settings.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The evaluation's title (the 汇总表's heading).
    #[serde(default)]
    pub title: String,
    /// The rubric (评分表), relative to the folder: every report is imported with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rubric: Option<PathBuf>,
    /// The worksheet of the rubric to read (`--sheet`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The scoring step of items whose criteria state none (`--step`; default 0.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<f64>,
    /// How the panel's 评价得分 is made: `mean` (default) or `trimmed_mean`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// Items whose highest and lowest score differ by more than this percentage of the item's
    /// max are disagreements (default 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disagree: Option<f64>,
}

impl Settings {
    /// Reads `dir/appraise.toml`.
    pub fn read(dir: &Path) -> Result<Settings, EvalError> {
        let path = dir.join(FILE);
        let bad = |why: String| EvalError::BadSettings { path: path.clone(), why };
        let text = match crate::input::read_text(&path, crate::input::Cap::CONFIG) {
            Ok(Some(text)) => text,
            Ok(None) => return Err(EvalError::NotAnEvaluation { dir: dir.to_path_buf() }),
            Err(e) => return Err(bad(crate::io_error::message(&e))),
        };
        let settings: Settings = toml::from_str(&text).map_err(|e| bad(toml_problem(&text, &e)))?;
        if let Some(m) = &settings.method
            && !matches!(m.as_str(), "mean" | "trimmed_mean")
        {
            return Err(bad(crate::words::evaluation::BAD_METHOD.fill(&[
                ("key", &"method"),
                ("mean", &"mean"),
                ("trimmed", &"trimmed_mean"),
                ("method", m),
            ])));
        }
        Ok(settings)
    }

    /// The settings as `appraise.toml` writes them, with a comment a person can follow.
    pub fn to_toml(&self) -> String {
        let body = toml::to_string(self).unwrap_or_default();
        let header = crate::words::evaluation::SETTINGS_HEADER.fill(&[
            ("app", &"appraise"),
            ("init", &"appraise init"),
            ("title", &"title"),
            ("rubric", &"rubric"),
            ("step", &"step"),
            ("method", &"method"),
            ("mean", &"mean"),
            ("trimmed", &"trimmed_mean"),
            ("disagree", &"disagree"),
        ]);
        format!("{header}\n{body}")
    }

    /// The rubric's path, from the folder `dir`.
    pub fn rubric_in(&self, dir: &Path) -> Option<PathBuf> {
        self.rubric.as_ref().map(|r| if r.is_absolute() { r.clone() } else { dir.join(r) })
    }

    /// The panel's method.
    pub fn method(&self) -> crate::export::Method {
        match self.method.as_deref() {
            Some("trimmed_mean") => crate::export::Method::TrimmedMean,
            _ => crate::export::Method::Mean,
        }
    }

    pub fn disagree_percent(&self) -> f64 {
        self.disagree.unwrap_or(20.0)
    }
}

/// A TOML error with its line and column, as config.toml's are given.
fn toml_problem(text: &str, e: &toml::de::Error) -> String {
    match e.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let place = crate::words::errors::AT_POSITION.fill(&[("line", &line), ("column", &column)]);
            format!("{place}: {}", e.message())
        }
        None => e.message().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_unknown_keys_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let s = Settings {
            title: "2024 年度部门整体支出绩效评价".into(),
            rubric: Some(PathBuf::from("评分表.xlsx")),
            step: Some(0.5),
            ..Settings::default()
        };
        std::fs::write(dir.path().join(FILE), s.to_toml()).unwrap();
        assert_eq!(Settings::read(dir.path()).unwrap(), s);
        std::fs::write(dir.path().join(FILE), "title = \"x\"\nrubirc = \"a.xlsx\"\n").unwrap();
        let e = Settings::read(dir.path()).unwrap_err().to_string();
        assert!(e.contains("line 2") && e.contains("rubirc"), "{e}");
        let none = tempfile::tempdir().unwrap();
        assert!(matches!(Settings::read(none.path()), Err(EvalError::NotAnEvaluation { .. })));
    }
}
