//! What a folder of scores holds, by file name: evaluators' scores files (`*.scores.json`), a
//! panel's own file (`*.panel.scores.json`), the app's side files beside a scores file
//! (journal, refused lines, lock, conflict copies, temporary files), and everything else. Read
//! by `merge DIR`, the chair's view (which reads the folder again while it runs) and an
//! evaluation's list.

use std::path::{Path, PathBuf};

/// What a file in a folder is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Scores,
    /// `*.panel.scores.json`.
    Panel,
    /// A scores file's side file.
    Side(Side),
    /// Anything else: passed over without a word.
    Other,
}

/// Which side file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Temp,
    Journal,
    Rejected,
    Lock,
    Conflict,
}

/// What every scores file's name ends with.
pub const SCORES: &str = ".scores.json";

/// What the file called `name` is.
pub fn kind(name: &str) -> Kind {
    if name.starts_with('.') && name.ends_with(".tmp") && name.contains(SCORES) {
        return Kind::Side(Side::Temp);
    }
    if let Some(at) = name.find(".scores.json.") {
        let suffix = &name[at + SCORES.len()..];
        return match suffix {
            ".journal" => Kind::Side(Side::Journal),
            ".journal.rejected" => Kind::Side(Side::Rejected),
            ".lock" => Kind::Side(Side::Lock),
            s if s == ".conflict"
                || s.strip_prefix(".conflict.").is_some_and(|n| n.parse::<u32>().is_ok()) =>
            {
                Kind::Side(Side::Conflict)
            }
            _ => Kind::Other,
        };
    }
    if name.ends_with(".panel.scores.json") {
        Kind::Panel
    } else if name.ends_with(SCORES) {
        Kind::Scores
    } else {
        Kind::Other
    }
}

/// The regular files in `dir` (links followed; FIFOs, devices and folders passed over) with
/// what each is, in name order.
pub fn scan(dir: &Path) -> std::io::Result<Vec<(PathBuf, Kind)>> {
    let mut files: Vec<(PathBuf, Kind)> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()))
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let kind = kind(&name);
            (p, kind)
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_folder_holds() {
        assert_eq!(kind("q.scores.json"), Kind::Scores);
        assert_eq!(kind("q.zhang.scores.json"), Kind::Scores);
        assert_eq!(kind("q.panel.scores.json"), Kind::Panel);
        assert_eq!(kind("q.scores.json.journal"), Kind::Side(Side::Journal));
        assert_eq!(kind("q.scores.json.journal.rejected"), Kind::Side(Side::Rejected));
        assert_eq!(kind("q.scores.json.lock"), Kind::Side(Side::Lock));
        assert_eq!(kind("q.scores.json.conflict"), Kind::Side(Side::Conflict));
        assert_eq!(kind("q.scores.json.conflict.3"), Kind::Side(Side::Conflict));
        assert_eq!(kind(".q.scores.json.Ab12Cd.tmp"), Kind::Side(Side::Temp));
        assert_eq!(kind("q.json"), Kind::Other);
        assert_eq!(kind("q.panel.xlsx"), Kind::Other);
        assert_eq!(kind("q.scores.json.bak"), Kind::Other);
        assert_eq!(kind("notes.txt"), Kind::Other);
    }
}
