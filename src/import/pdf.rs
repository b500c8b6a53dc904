//! PDF → text: poppler's `pdftotext -layout -enc UTF-8` run on the PDF (a temporary copy of
//! its bytes), with a time limit; the text is then read as plain text, as `pdftotext -layout`
//! lays it out. When there is no text, one sentence says why: no `pdftotext` on `PATH`, a scan
//! without a text layer, a PDF it cannot read (encrypted, broken), or one it takes too long over.

use super::MAX_BYTES;
use crate::words::errors as w;
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The program that reads PDFs (poppler-utils).
pub const PROGRAM: &str = "pdftotext";

/// How long `pdftotext` may take over one PDF before it is stopped.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// The conversion to advise when `pdftotext` cannot be run here.
fn by_hand() -> String {
    format!("{PROGRAM} -layout {file}.pdf {file}.txt", file = crate::words::cli::VALUE_FILE)
}

/// Why a PDF gave no text; each reads after "FILE: ", in the interface's language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("{}", w::PDF_NO_PDFTOTEXT.fill(&[
        ("program", &PROGRAM),
        ("install", &"apt install poppler-utils"),
        ("command", &by_hand()),
    ]))]
    NoPdftotext,
    #[error("{}", w::PDF_NO_TEXT.fill(&[("ocr", &"ocrmypdf IN.pdf OUT.pdf")]))]
    NoText,
    #[error("{}", w::PDF_FAILED.fill(&[("program", &PROGRAM), ("why", why)]))]
    Failed { why: String },
    #[error("{}", w::PDF_TIMEOUT.fill(&[("program", &PROGRAM), ("seconds", seconds), ("command", &by_hand())]))]
    TimedOut { seconds: u64 },
    #[error("{}", w::PDF_TOO_LARGE.fill(&[("program", &PROGRAM), ("max", &(MAX_BYTES >> 20))]))]
    TooLarge,
}

/// The text of the PDF `bytes`, by `pdftotext`.
pub fn text(bytes: &[u8]) -> Result<String, PdfError> {
    text_with(&[OsStr::new(PROGRAM)], bytes, TIME_LIMIT).map(|t| close_cjk_gaps(&t))
}

/// One space between Chinese and a number or Latin word out (`2023 年度` → `2023年度`): pdftotext
/// writes the gap a word processor leaves between scripts as a space, which the text has not
/// (and a search for `2023年度` would miss). Two spaces or more are layout, and stay; so does
/// the space before a number ending the line (a contents entry's page) or after a short one
/// starting it.
pub fn close_cjk_gaps(text: &str) -> String {
    text.split('\n').map(close_in_line).collect::<Vec<_>>().join("\n")
}

fn close_in_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let latin = |c: char| c.is_ascii_alphanumeric() || c == '%';
    let token = |c: &char| latin(*c) || matches!(c, '.' | ',');
    // Where the line's last run of page-number characters (digits or Roman) starts: a page
    // number ends a contents entry; `1.2` ends a wrapped line.
    let page_from = chars.len()
        - chars
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
            .count();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' '
            && let (Some(&a), Some(&b)) = (i.checked_sub(1).and_then(|p| chars.get(p)), chars.get(i + 1))
        {
            let ends_line = i + 1 >= page_from;
            let starts_line = i <= 2 && chars[..i].iter().all(token);
            if (cjk(a) && latin(b) && !ends_line) || (latin(a) && cjk(b) && !starts_line) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A Chinese (Han) character, CJK punctuation or a full-width form.
fn cjk(c: char) -> bool {
    crate::lang::is_cjk(c) || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// [`text`] with another command (a program and its first arguments) and time limit (for the
/// tests).
fn text_with(program: &[&OsStr], bytes: &[u8], limit: Duration) -> Result<String, PdfError> {
    let io = |e: std::io::Error| PdfError::Failed { why: crate::io_error::message(&e) };
    let mut file = tempfile::Builder::new().prefix("appraise-").suffix(".pdf").tempfile().map_err(io)?;
    file.write_all(bytes).and_then(|()| file.flush()).map_err(io)?;
    let out = run(program, file.path(), limit)?;
    if out.stdout.len() > MAX_BYTES {
        return Err(PdfError::TooLarge);
    }
    if !out.status.success() {
        return Err(PdfError::Failed { why: first_error(&out.stderr, out.status) });
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if text.chars().all(char::is_whitespace) {
        return Err(PdfError::NoText);
    }
    Ok(text)
}

/// What a finished `pdftotext` left.
struct Output {
    status: ExitStatus,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs `program -layout -enc UTF-8 PATH -`, stopped (killed) after `limit`.
fn run(program: &[&OsStr], path: &Path, limit: Duration) -> Result<Output, PdfError> {
    let Some((first, rest)) = program.split_first() else { return Err(PdfError::NoPdftotext) };
    let mut child = Command::new(first)
        .args(rest)
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => PdfError::NoPdftotext,
            _ => PdfError::Failed { why: crate::io_error::message(&e) },
        })?;
    // Both pipes are drained while the child runs, so a full pipe never stalls it.
    let stdout = drain(child.stdout.take(), MAX_BYTES + 1);
    let stderr = drain(child.stderr.take(), 64 << 10);
    let Some(status) = wait(&mut child, limit) else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(PdfError::TimedOut { seconds: limit.as_secs() });
    };
    let joined = |h: JoinHandle<Vec<u8>>| h.join().unwrap_or_default();
    Ok(Output { status, stdout: joined(stdout), stderr: joined(stderr) })
}

/// Reads up to `max` bytes of `pipe` on a thread of its own.
fn drain(pipe: Option<impl Read + Send + 'static>, max: usize) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(pipe) = pipe {
            let _ = pipe.take(max as u64).read_to_end(&mut bytes);
        }
        bytes
    })
}

/// The child's exit status, or `None` when it is still running after `limit`.
fn wait(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if start.elapsed() < limit => std::thread::sleep(Duration::from_millis(10)),
            _ => return None,
        }
    }
}

/// The line of `stderr` that says what went wrong (the first error, else the first line), or
/// the exit status when it said nothing.
fn first_error(stderr: &[u8], status: ExitStatus) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let line = lines.iter().find(|l| l.contains("Error")).or(lines.first());
    match line {
        Some(line) => line.chars().filter(|c| !c.is_control()).take(200).collect(),
        None => {
            let code = status.code().map_or_else(|| "?".to_string(), |c| c.to_string());
            w::PDF_EXIT.fill(&[("code", &code)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for `pdftotext`: a shell script, given the same arguments.
    fn sh(script: &str) -> [&OsStr; 4] {
        [OsStr::new("sh"), OsStr::new("-c"), OsStr::new(script), OsStr::new("sh")]
    }

    #[test]
    fn the_gaps_between_scripts_are_closed() {
        assert_eq!(
            close_cjk_gaps("2023 年度预算 3,250.6 万元，增长 6.2%。"),
            "2023年度预算3,250.6万元，增长6.2%。"
        );
        assert_eq!(close_cjk_gaps("指标    目标值  60%"), "指标    目标值  60%");
        assert_eq!(close_cjk_gaps("Report no. 5 is due"), "Report no. 5 is due");
        assert_eq!(close_cjk_gaps("四、改进措施 5\n1 门诊量"), "四、改进措施 5\n1 门诊量");
    }

    #[test]
    fn a_missing_program_gives_the_advice() {
        let missing = [OsStr::new("appraise-no-such-program")];
        let e = text_with(&missing, b"%PDF-1.4\n", TIME_LIMIT).unwrap_err();
        assert_eq!(e, PdfError::NoPdftotext);
        let message = e.to_string();
        assert!(message.contains("pdftotext -layout FILE.pdf FILE.txt"), "{message}");
        assert!(message.contains("apt install poppler-utils"), "{message}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_slow_program_is_stopped_at_the_limit() {
        // A program that never ends by itself: the call returning at all shows it was stopped.
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let script = format!("echo $$ > '{}'; exec sleep infinity", pid_file.to_str().unwrap());
        let e = text_with(&sh(&script), b"%PDF", Duration::from_millis(200)).unwrap_err();
        assert_eq!(e, PdfError::TimedOut { seconds: 0 });
        assert!(e.to_string().contains("did not finish"), "{e}");
        // Killed and reaped: not left running, nor as a zombie.
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        let pid = pid.trim();
        assert!(!Path::new(&format!("/proc/{pid}")).exists(), "pdftotext (pid {pid}) is still there");
    }

    #[cfg(unix)]
    #[test]
    fn failures_and_scans_are_told_apart() {
        let failing =
            sh("echo 'Syntax Warning: junk' >&2; echo 'Command Line Error: Incorrect password' >&2; exit 1");
        let e = text_with(&failing, b"%PDF", TIME_LIMIT).unwrap_err();
        assert_eq!(e.to_string(), "pdftotext cannot read this PDF: Command Line Error: Incorrect password");
        let e = text_with(&sh("exit 3"), b"%PDF", TIME_LIMIT).unwrap_err();
        assert_eq!(e.to_string(), "pdftotext cannot read this PDF: exit status 3");
        let blank = sh("printf ' \\n\\f\\n\\f'");
        assert_eq!(text_with(&blank, b"%PDF", TIME_LIMIT).unwrap_err(), PdfError::NoText);
        let fine = sh("printf '1. Budget\\nSpent.\\n'");
        assert_eq!(text_with(&fine, b"%PDF", TIME_LIMIT).unwrap(), "1. Budget\nSpent.\n");
        // The PDF's copy is what the program is given.
        let cat = sh("cat \"$4\"");
        assert_eq!(text_with(&cat, b"%PDF the bytes", TIME_LIMIT).unwrap(), "%PDF the bytes");
    }
}
