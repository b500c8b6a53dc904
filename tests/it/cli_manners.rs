//! The command line's manners (issue 18): a closed pipe ends quietly, a mistyped subcommand gets
//! a did-you-mean, every argument has help, shell completions, `-` for standard input, and a
//! broken config.toml that stops only what needs it.

use crate::support::Sandbox;
use std::path::PathBuf;
use std::process::{Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `appraise ARGS` in the project's directory, with a sandboxed home and configuration.
fn appraise_in(sandbox: &Sandbox, args: &[&str]) -> std::process::Command {
    let mut cmd = crate::support::command();
    cmd.args(args)
        .current_dir(root())
        .env("HOME", sandbox.path())
        .env("XDG_CONFIG_HOME", sandbox.config_home())
        .env("XDG_DATA_HOME", sandbox.data_home())
        .env_remove("APPRAISE_CONFIG");
    cmd
}

#[allow(dead_code)]
fn run(args: &[&str]) -> Output {
    let sandbox = Sandbox::new();
    appraise_in(&sandbox, args).output().expect("runs the binary")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `appraise ARGS` writing into a pipe whose reader has already gone.
fn into_closed_pipe(args: &[&str]) -> Output {
    let sandbox = Sandbox::new();
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    appraise_in(&sandbox, args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .output()
        .expect("runs the binary")
}

#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let cases: &[&[&str]] = &[
        &["gen", "--items", "20000"],
        &["gen", "--items", "3"],
        &["export", "fixtures/english-sample.json", "--format", "csv"],
        &["export", "fixtures/english-sample.json", "--format", "json", "-o", "-"],
        &[
            "merge",
            "fixtures/english-sample.json",
            "fixtures/scores/english-sample.scores.json",
            "fixtures/scores/english-sample.sam.scores.json",
            "--format",
            "md",
        ],
        &["summary", "fixtures/english-sample.json"],
        &["check", "fixtures/english-sample.json"],
        &["import", "fixtures/import/chapters.txt", "-o", "-"],
        &["import", "fixtures/import/chapters.txt"],
        &["config"],
        &["--help"],
    ];
    for args in cases {
        let out = into_closed_pipe(args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe") && !stderr.contains("os error 32"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_real_pipe_into_head_ends_quietly() {
    let sandbox = Sandbox::new();
    let mut child = appraise_in(&sandbox, &["gen", "--items", "20000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs the binary");
    let mut stdout = child.stdout.take().expect("a pipe");
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("waits");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
}
