//! Which sheets are not submitted yet, said on stderr: after `merge`, and when the chair leaves
//! the panel view (as the panel is then).

use crate::scores::Scores;
use crate::words::{cli, evaluators as ev};
use std::io::Write;
use std::path::Path;

/// One line of untrusted text, safe for a terminal.
fn safe(s: &str) -> String {
    crate::text::truncate(s, usize::MAX).into_owned()
}

/// One line on stderr naming the sheets not submitted yet (never submitted, or changed since):
/// `not submitted yet: 李四 (r.lisi.scores.json)`; nothing when every one is submitted.
pub fn note_not_submitted<'a>(sheets: impl Iterator<Item = (&'a Scores, &'a Path)>) {
    let pending: Vec<String> = sheets
        .filter(|(s, _)| !s.is_submitted())
        .map(|(s, path)| {
            let file = path.file_name().map_or_else(|| path.to_path_buf(), std::path::PathBuf::from);
            let name = s.head.evaluator.as_deref().map_or_else(|| cli::SOMEONE.get().to_string(), safe);
            ev::NOT_SUBMITTED_ONE.fill(&[("name", &name), ("file", &crate::text::shown(&file))])
        })
        .collect();
    if !pending.is_empty() {
        let list = pending.join(ev::NOT_SUBMITTED_SEP.get());
        let _ = writeln!(std::io::stderr(), "appraise: {}", ev::NOT_SUBMITTED_YET.fill(&[("list", &list)]));
    }
}
