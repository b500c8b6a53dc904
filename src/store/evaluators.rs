//! One scores file per evaluator: an evaluator's name made safe for a file name, and where that
//! evaluator's own file beside the report is (`q.李四.scores.json`), told apart from another
//! name that makes the same file name by the `evaluator` inside it (`q.李四-2.scores.json`).

use std::path::{Path, PathBuf};

/// How many characters of a name go into a file name.
pub const NAME_MAX: usize = 40;

/// The name a panel's file uses (`q.panel.scores.json`): no evaluator may have it.
pub const RESERVED: &str = "panel";

/// Why a name cannot be an evaluator's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    Empty,
    Reserved,
}

/// `name` as part of a file name: letters of any script (Chinese kept), digits and most marks
/// as they are; path separators, characters some systems refuse (`: * ? " < > |`), spaces,
/// control and invisible formatting characters become `_`, and so do leading and trailing dots;
/// at most [`NAME_MAX`] characters. An empty name and `panel` (any case) are refused.
pub fn file_name_part(name: &str) -> Result<String, NameError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    let mut out: Vec<char> = name
        .chars()
        .take(NAME_MAX)
        .map(|c| {
            let bad = c.is_control()
                || c.is_whitespace()
                || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}');
            if bad { '_' } else { c }
        })
        .collect();
    for c in out.iter_mut().take_while(|c| **c == '.') {
        *c = '_';
    }
    for c in out.iter_mut().rev().take_while(|c| **c == '.') {
        *c = '_';
    }
    let part: String = out.into_iter().collect();
    if part.eq_ignore_ascii_case(RESERVED) {
        return Err(NameError::Reserved);
    }
    Ok(part)
}

/// The evaluator `name`'s own scores file beside `base` (the report's default scores file,
/// `q.scores.json`), and whether it exists: `q.NAME.scores.json` when that is free or holds
/// `name`'s scores (or no name at all), else `q.NAME-2.scores.json`, `-3`, … by the same rule.
pub fn own_scores_file(base: &Path, name: &str) -> Result<(PathBuf, bool), NameError> {
    let part = file_name_part(name)?;
    let file = base.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = file.strip_suffix(".scores.json").or_else(|| file.strip_suffix(".json")).unwrap_or(&file);
    let candidate = |n: usize| {
        let suffix = if n == 1 { String::new() } else { format!("-{n}") };
        base.with_file_name(format!("{stem}.{part}{suffix}.scores.json"))
    };
    for n in 1..1000 {
        let path = candidate(n);
        match evaluator_in(&path) {
            None => return Ok((path, false)),
            Some(Some(theirs)) if theirs != name => continue,
            Some(Some(_)) => return Ok((path, true)),
            // A file without a name is nobody else's: the first one is the evaluator's own.
            Some(None) if n == 1 => return Ok((path, true)),
            Some(None) => continue,
        }
    }
    Ok((candidate(1000), false))
}

/// The scores files of one report beside `base` (its default scores file, `q.scores.json`):
/// `q.scores.json` itself and every `q.NAME.scores.json`, not the panel's; in name order.
pub fn scores_files_beside(base: &Path) -> Vec<PathBuf> {
    let Some(dir) = base.parent().map(|d| if d.as_os_str().is_empty() { Path::new(".") } else { d }) else {
        return Vec::new();
    };
    let file = base.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = file.strip_suffix(".scores.json").unwrap_or(&file).to_string();
    let panel = format!("{stem}.{RESERVED}.scores.json");
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name != panel
                && (name == file
                    || name.strip_prefix(&format!("{stem}.")).is_some_and(|rest| {
                        rest.ends_with(".scores.json")
                            && !rest.strip_suffix(".scores.json").unwrap_or("").contains('.')
                    }))
        })
        .map(|e| base.with_file_name(e.file_name()))
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()))
        .collect();
    found.sort();
    found
}

/// The scores file of the evaluator `name` beside `base`, found by the `evaluator` inside (so
/// a sheet renamed by a handover is found under its new name, and the unnamed `q.scores.json`
/// is found when it is theirs), and whether it exists; when there is none, where theirs goes
/// ([`own_scores_file`]: `q.NAME.scores.json`, created on the first edit). Never another
/// evaluator's file.
pub fn evaluator_file(base: &Path, name: &str) -> Result<(PathBuf, bool), NameError> {
    let (own, exists) = own_scores_file(base, name)?;
    if exists && evaluator_in(&own) == Some(Some(name.to_string())) {
        return Ok((own, true));
    }
    let theirs: Vec<PathBuf> = scores_files_beside(base)
        .into_iter()
        .filter(|p| evaluator_in(p).flatten().is_some_and(|e| e.trim() == name.trim()))
        .collect();
    match theirs.into_iter().next() {
        Some(found) => Ok((found, true)),
        None => Ok((own, exists)),
    }
}

/// The `evaluator` named in the scores file at `path`: `None` when there is no such file,
/// `Some(None)` when it names nobody (or cannot be read as a scores file's top level).
pub fn evaluator_in(path: &Path) -> Option<Option<String>> {
    #[derive(serde::Deserialize)]
    struct Top {
        #[serde(default)]
        evaluator: Option<serde_json::Value>,
    }
    let (bytes, _) = crate::input::read(path, crate::input::Cap::SCORES).ok()??;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    let name = serde_json::from_slice::<Top>(bytes)
        .ok()
        .and_then(|t| t.evaluator)
        .and_then(|v| v.as_str().map(str::to_string))
        .filter(|s| !s.is_empty());
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_safe_for_a_file_name() {
        assert_eq!(file_name_part("李四").unwrap(), "李四");
        assert_eq!(file_name_part("  Alex Morgan ").unwrap(), "Alex_Morgan");
        assert_eq!(file_name_part("../../etc/passwd").unwrap(), "___.._etc_passwd");
        assert_eq!(file_name_part("a\\b:c*d?e\"f<g>h|i").unwrap(), "a_b_c_d_e_f_g_h_i");
        assert_eq!(file_name_part("张\u{1b}[31m三\u{202e}").unwrap(), "张_[31m三_");
        assert_eq!(file_name_part(".hidden.").unwrap(), "_hidden_");
        assert_eq!(file_name_part("阿卜杜·热合曼").unwrap(), "阿卜杜·热合曼");
        let long = "长".repeat(100);
        assert_eq!(file_name_part(&long).unwrap().chars().count(), NAME_MAX);
        assert_eq!(file_name_part("   "), Err(NameError::Empty));
        assert_eq!(file_name_part("panel"), Err(NameError::Reserved));
        assert_eq!(file_name_part(" Panel "), Err(NameError::Reserved));
        assert_eq!(file_name_part("panel2").unwrap(), "panel2");
    }

    #[test]
    fn each_evaluator_finds_their_own_file_even_when_names_clash() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("r.scores.json");
        let file = |name: &str| dir.path().join(name);
        assert_eq!(own_scores_file(&base, "李四").unwrap(), (file("r.李四.scores.json"), false));
        std::fs::write(file("r.李四.scores.json"), r#"{"evaluator": "李四"}"#).unwrap();
        assert_eq!(own_scores_file(&base, "李四").unwrap(), (file("r.李四.scores.json"), true));

        // "a b" and "a/b" make the same file name: the second gets -2, and both find theirs.
        std::fs::write(file("r.a_b.scores.json"), r#"{"evaluator": "a b"}"#).unwrap();
        assert_eq!(own_scores_file(&base, "a/b").unwrap(), (file("r.a_b-2.scores.json"), false));
        std::fs::write(file("r.a_b-2.scores.json"), r#"{"evaluator": "a/b"}"#).unwrap();
        assert_eq!(own_scores_file(&base, "a/b").unwrap(), (file("r.a_b-2.scores.json"), true));
        assert_eq!(own_scores_file(&base, "a b").unwrap(), (file("r.a_b.scores.json"), true));
        assert_eq!(own_scores_file(&base, "a\tb").unwrap(), (file("r.a_b-3.scores.json"), false));

        // A file that names nobody is the first name's own.
        std::fs::write(file("r.王五.scores.json"), r#"{"format": "appraise.scores/1"}"#).unwrap();
        assert_eq!(own_scores_file(&base, "王五").unwrap(), (file("r.王五.scores.json"), true));
        assert_eq!(own_scores_file(&base, "panel"), Err(NameError::Reserved));
        assert_eq!(evaluator_in(&file("none.json")), None);
    }
}
