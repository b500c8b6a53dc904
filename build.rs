//! The version `--version` prints: the package's, and — built from a git checkout of this
//! repository — the commit and its date (`0.1.0 (1a2b3c4d5e 2026-11-26)`), as `APPRAISE_VERSION`;
//! the commit's date alone as `APPRAISE_DATE` (the manual page's). Built from a tarball without
//! `.git` (or with no `git` at hand), the package's version alone and no date.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let version = std::env::var("CARGO_PKG_VERSION").expect("cargo sets CARGO_PKG_VERSION");
    println!("cargo::rerun-if-changed=build.rs");
    let commit = commit(&dir);
    let full = match &commit {
        Some((hash, date)) => format!("{version} ({hash} {date})"),
        None => version,
    };
    println!("cargo::rustc-env=APPRAISE_VERSION={full}");
    // The manual page's date: the commit's, or none.
    println!("cargo::rustc-env=APPRAISE_DATE={}", commit.map(|(_, date)| date).unwrap_or_default());
}

/// `(1a2b3c4d5e, 2026-11-26)`: HEAD's short hash and commit date, when `dir` is the top of a git
/// checkout (not merely inside another repository, as a tarball unpacked in one would be).
/// Asks cargo to run this again when HEAD moves.
fn commit(dir: &Path) -> Option<(String, String)> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(dir).ok()? {
        return None;
    }
    // HEAD, the branch it names and the packed refs (a worktree keeps them elsewhere).
    let mut watched = vec!["HEAD".to_string(), "packed-refs".to_string()];
    watched.extend(git(dir, &["symbolic-ref", "-q", "HEAD"]));
    for name in watched {
        if let Some(path) = git(dir, &["rev-parse", "--git-path", &name]) {
            let path = dir.join(path);
            // A path for cargo, not a person: `text::shown` is for messages.
            if let Some(path) = path.to_str().filter(|_| path.exists()) {
                println!("cargo::rerun-if-changed={path}");
            }
        }
    }
    let hash = git(dir, &["rev-parse", "--short=10", "HEAD"])?;
    let date = git(dir, &["log", "-1", "--format=%cs", "HEAD"])?;
    Some((hash, date))
}

/// `git -C dir ARGS`'s output, trimmed; none when git fails or says nothing.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}
