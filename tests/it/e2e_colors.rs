//! End-to-end: the colour codes the real binary writes. On a 16-colour terminal
//! (`TERM=xterm`, no COLORTERM) it never sends a 256-colour or RGB code; with NO_COLOR it
//! sends no colour at all (only resets), and the selection stays visible (reverse video).

use crate::support::Sandbox;

/// Every SGR parameter list (`ESC[…m`) in `out`.
fn sgr_codes(out: &str) -> Vec<String> {
    let mut codes = Vec::new();
    let mut rest = out;
    while let Some(at) = rest.find("\x1b[") {
        let tail = &rest[at + 2..];
        let len = tail.find(|c: char| !(c.is_ascii_digit() || c == ';')).unwrap_or(tail.len());
        if tail[len..].starts_with('m') {
            codes.push(tail[..len].to_string());
        }
        rest = &tail[len..];
    }
    codes
}

fn run(env: &[(&str, &str)]) -> String {
    let sb = Sandbox::new();
    sb.copy_fixture("english-sample.json", "english-sample.json");
    let mut app = sb.spawn_with_env(&["english-sample.json"], env);
    app.wait_for("overview.objectives · ");
    app.key("7");
    app.wait_for("7/10");
    app.key("?");
    app.wait_for("Keys — Esc closes");
    app.esc();
    app.key("q");
    assert_eq!(app.wait_exit(), 0);
    app.output()
}

#[test]
fn a_16_colour_terminal_gets_only_16_colour_codes() {
    let out = run(&[("TERM", "xterm")]);
    let codes = sgr_codes(&out);
    assert!(!codes.is_empty(), "colour is used at all");
    for c in &codes {
        assert!(!c.contains("38;5") && !c.contains("48;5"), "256-colour code ESC[{c}m");
        assert!(!c.contains("38;2") && !c.contains("48;2"), "RGB code ESC[{c}m");
    }
    assert!(
        codes.iter().any(|c| c.split(';').any(|p| matches!(p.parse::<u16>(), Ok(30..=37 | 90..=97)))),
        "classic colour codes are used: {codes:?}"
    );
}

#[test]
fn a_256_colour_terminal_gets_no_rgb() {
    let out = run(&[("TERM", "xterm-256color")]);
    assert!(sgr_codes(&out).iter().all(|c| !c.contains("38;2") && !c.contains("48;2")));
}

#[test]
fn no_color_means_no_colour_but_a_visible_selection() {
    let out = run(&[("TERM", "xterm-256color"), ("NO_COLOR", "1")]);
    let codes = sgr_codes(&out);
    for c in &codes {
        for p in c.split(';').filter(|p| !p.is_empty()) {
            let n: u16 = p.parse().unwrap();
            assert!(
                !matches!(n, 30..=38 | 40..=48 | 90..=97 | 100..=107),
                "a colour code ESC[{c}m under NO_COLOR"
            );
        }
    }
    assert!(
        codes.iter().any(|c| c.split(';').any(|p| p == "7")),
        "reverse video marks the selection: {codes:?}"
    );
}
