//! Progress on long work: on a terminal a spinner on stderr says what is being done (a PDF
//! waiting on `pdftotext`, a sheet being written, `init` preparing an evaluation's reports one
//! by one) and is gone when it is done; into a pipe, or with `--quiet`, not a byte of it.
//!
//! The PDF's `pdftotext` is a stand-in script on `PATH` that waits for the test's word (a file
//! appearing), so "long" is as long as the test needs and never a guess at the machine's speed.

use crate::support::Sandbox;
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// A `pdftotext` that waits until `go` exists, then prints `text` as the PDF's text.
pub(crate) fn slow_pdftotext(sb: &Sandbox, go: &Path, text: &Path) -> PathBuf {
    let bin = sb.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let script = format!(
        "#!/bin/sh\nwhile [ ! -e '{}' ]; do sleep 0.05; done\ncat '{}'\n",
        go.display(),
        text.display()
    );
    let path = bin.join("pdftotext");
    std::fs::write(&path, script).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    bin
}

/// `PATH` with `bin` first.
pub(crate) fn path_with(bin: &Path) -> String {
    format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default())
}

/// A sandbox with `r.pdf` (a real PDF's bytes) and a slow `pdftotext` that answers with the
/// text of the sample document once `go` exists.
fn pdf_sandbox() -> (Sandbox, PathBuf, String) {
    let sb = Sandbox::new();
    sb.copy_fixture("import/sample.pdf", "r.pdf");
    let text = crate::support::fixtures().join("import/chapters.txt");
    let go = sb.join("go");
    let bin = slow_pdftotext(&sb, &go, &text);
    (sb, go, path_with(&bin))
}

#[test]
fn on_a_terminal_a_pdf_import_says_it_is_waiting_on_pdftotext_then_clears_it() {
    let (sb, go, path) = pdf_sandbox();
    let mut tui = sb.spawn_with_env(&["import", "r.pdf", "-o", "r.json"], &[("PATH", &path)]);
    let screen = tui.wait_for("reading r.pdf with pdftotext");
    assert!(screen.contains("s)"), "the time so far is shown:\n{screen}");
    std::fs::write(&go, "").unwrap();
    assert_eq!(tui.wait_end(), Some(Ok(0)), "{}", tui.output());
    let screen = tui.screen();
    assert!(!screen.contains("reading r.pdf"), "the spinner is cleared:\n{screen}");
    assert!(screen.contains("imported r.pdf"), "{screen}");
    assert!(sb.join("r.json").exists());
}

#[test]
fn into_a_pipe_or_with_quiet_no_progress_at_all() {
    // Into a pipe: stderr holds the summary and nothing else, however long pdftotext takes.
    let (sb, go, path) = pdf_sandbox();
    let child = crate::support::command()
        .args(["import", "r.pdf", "-o", "r.json"])
        .current_dir(sb.path())
        .env("PATH", &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Long past the moment a terminal would show the spinner.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    std::fs::write(&go, "").unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.starts_with("appraise: imported r.pdf"), "{stderr:?}");
    assert!(
        !stderr.contains("reading") && !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "{stderr:?}"
    );

    // On a terminal with --quiet: nothing but what the import itself would say (nothing).
    let (sb, go, path) = pdf_sandbox();
    let mut tui = sb.spawn_with_env(&["import", "-q", "r.pdf", "-o", "r.json"], &[("PATH", &path)]);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    std::fs::write(&go, "").unwrap();
    assert_eq!(tui.wait_end(), Some(Ok(0)), "{}", tui.output());
    let raw = tui.raw_output();
    assert!(raw.is_empty(), "--quiet printed {:?}", String::from_utf8_lossy(&raw));

    // A large sheet into a file, stderr a pipe: not a byte on stderr.
    let sb = Sandbox::new();
    let report = sb.join("big.json");
    let out = crate::support::command().args(["gen", "--items", "3000", "-o"]).arg(&report).output().unwrap();
    assert!(out.status.success());
    for format in ["xlsx", "csv"] {
        let sheet = sb.join(format!("big.{format}"));
        let out = crate::support::command()
            .args(["export"])
            .arg(&report)
            .arg("-o")
            .arg(&sheet)
            .current_dir(sb.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        let stderr = String::from_utf8_lossy(&out.stderr);
        // The one line export says of an unscored report, and no progress.
        assert!(!stderr.contains("writing") && !stderr.contains('\r'), "{format}: {stderr:?}");
        assert!(sheet.exists());
    }
}

#[test]
fn init_says_which_report_it_prepares_on_a_terminal_and_nothing_into_a_pipe() {
    // `a.txt`, then `r.pdf`, whose pdftotext waits for the word.
    let (sb, go, path) = pdf_sandbox();
    sb.copy_fixture("import/gov-metadata.txt", "a.txt");
    let mut tui = sb.spawn_with_env(&["init", "."], &[("PATH", &path)]);
    let screen = tui.wait_for("preparing report 2 of 2: r.pdf");
    assert!(screen.contains("s)"), "the time so far is shown:\n{screen}");
    std::fs::write(&go, "").unwrap();
    assert_eq!(tui.wait_end(), Some(Ok(0)), "{}", tui.output());
    let screen = tui.screen();
    assert!(!screen.contains("preparing report"), "the spinner is cleared:\n{screen}");
    assert!(screen.contains(": 2 reports (./appraise.toml)"), "{screen}");

    // Into a pipe: what init found on stdout, and not a byte on stderr.
    let (sb, go, path) = pdf_sandbox();
    sb.copy_fixture("import/gov-metadata.txt", "a.txt");
    let child = crate::support::command()
        .args(["init", "."])
        .current_dir(sb.path())
        .env("PATH", &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    std::fs::write(&go, "").unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "", "nothing on stderr");
    assert!(String::from_utf8_lossy(&out.stdout).contains(": 2 reports (./appraise.toml)"));
}

/// `export` and `merge` take `-q` as `import` does: on a terminal, a sheet long in the making
/// shows its spinner, and with `-q` nothing at all.
#[test]
fn export_shows_its_spinner_on_a_terminal_and_nothing_with_quiet() {
    let sb = Sandbox::new();
    let report = sb.join("big.json");
    let out =
        crate::support::command().args(["gen", "--items", "30000", "-o"]).arg(&report).output().unwrap();
    assert!(out.status.success());
    let doc = crate::support::read_json(&report);
    let scores = serde_json::json!({
        "format": "appraise.scores/1",
        "report": {"id": doc["id"], "title": doc["title"]},
        "evaluator": "tester",
        "items": [],
    });
    std::fs::write(sb.join("none.scores.json"), scores.to_string()).unwrap();
    let mut tui = sb.spawn(&["export", "big.json", "--scores", "none.scores.json", "-o", "big.xlsx"]);
    assert_eq!(tui.wait_end(), Some(Ok(0)), "{}", tui.output());
    let shown = String::from_utf8_lossy(&tui.raw_output()).into_owned();
    assert!(shown.contains("writing the xlsx sheet"), "the spinner on a terminal: {shown:?}");
    for args in [
        vec!["export", "big.json", "--scores", "none.scores.json", "-o", "quiet.xlsx", "-q"],
        vec!["merge", "big.json", "none.scores.json", "-o", "panel.xlsx", "--quiet"],
    ] {
        let mut tui = sb.spawn(&args);
        let end = tui.wait_end();
        let raw = String::from_utf8_lossy(&tui.raw_output()).into_owned();
        assert_eq!(end, Some(Ok(0)), "{args:?}: {raw}");
        assert!(raw.is_empty(), "{args:?} with quiet printed {raw:?}");
    }
}
