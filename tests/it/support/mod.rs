//! A pseudo-terminal harness for end-to-end tests: runs the real `appraise` binary in a pty
//! with a controlled environment, feeds everything it prints into a `vt100` screen, and lets
//! a test type keys and wait for the screen (or the scores file) to show the result.
//!
//! Every wait polls; nothing sleeps longer than the short pauses the terminal input parser
//! needs between keys (an Esc followed too quickly by a key reads as Alt+key).
//!
//! Every wait has the same deadline, [`deadline`]: 60 s, or `APPRAISE_TEST_TIMEOUT` seconds
//! when that is set (`APPRAISE_TEST_TIMEOUT=300 cargo test` on a very slow machine). It is
//! there only so that a broken test ends: a wait that succeeds returns as soon as the screen or
//! the file is right, so a long deadline costs nothing, and no test asserts how long anything
//! took (that is for the benchmarks, `benches/`).
//!
//! A test either checks or fails: where its check cannot run here (a tool missing, a second
//! user needed) it fails saying why ([`cannot_check`]), never passes unchecked. Cases
//! that root would pass for the wrong reason (root reads any file) run as an ordinary user,
//! through `setpriv` ([`as_ordinary_user`], [`Sandbox::spawn_as_ordinary_user`]).

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The deadline when `APPRAISE_TEST_TIMEOUT` is not set. Generous: the suite runs its tests in
/// parallel, on 2-core machines that are busy with other work.
const DEFAULT_DEADLINE: Duration = Duration::from_secs(60);
/// The variable that sets the deadline, in seconds.
pub const DEADLINE_VAR: &str = "APPRAISE_TEST_TIMEOUT";
/// How often waits look again.
const POLL: Duration = Duration::from_millis(20);
/// Pause after an ordinary key, so each arrives as its own event.
const KEY_PAUSE: Duration = Duration::from_millis(30);
/// Pause after Esc: without it, Esc and the next key are parsed together as Alt+key.
const ESC_PAUSE: Duration = Duration::from_millis(150);

pub const ESC: &str = "\x1b";
pub const ENTER: &str = "\r";
pub const DOWN: &str = "\x1b[B";
pub const CTRL_O: &str = "\x0f";
pub const CTRL_R: &str = "\x12";
pub const CTRL_S: &str = "\x13";

/// The locale every test runs the binary in (English; see `command`).
pub const PINNED_LOCALE: &str = "en_US.UTF-8";

/// How long any wait lasts before the test fails: [`DEADLINE_VAR`] seconds, else 60 s.
pub fn deadline() -> Duration {
    match std::env::var(DEADLINE_VAR) {
        Err(std::env::VarError::NotPresent) => DEFAULT_DEADLINE,
        Ok(s) => match s.trim().parse::<f64>() {
            Ok(secs) if secs.is_finite() && secs > 0.0 => Duration::from_secs_f64(secs),
            _ => panic!("{DEADLINE_VAR}={s:?}: want a number of seconds, such as 120"),
        },
        Err(e) => panic!("{DEADLINE_VAR}: {e}"),
    }
}

/// Polls `done` until it holds; panics after the [`deadline`], saying what it waited for.
pub fn wait(what: &str, mut done: impl FnMut() -> bool) {
    let (start, limit) = (Instant::now(), deadline());
    while !done() {
        assert!(start.elapsed() <= limit, "timed out after {limit:?} waiting for {what}");
        thread::sleep(POLL);
    }
}

/// `appraise` without a terminal, in the pinned locale.
pub fn command() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_appraise"));
    cmd.env("LC_ALL", PINNED_LOCALE).env_remove("LC_MESSAGES").env_remove("LANGUAGE");
    cmd
}

/// The project's fixtures directory.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// A per-test directory: the working directory, `HOME` and the XDG directories of the app.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Self {
        let dir = tempfile::Builder::new().prefix("appraise-e2e-").tempdir().expect("create a tempdir");
        Sandbox { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `$XDG_DATA_HOME` as the app sees it.
    pub fn data_home(&self) -> PathBuf {
        self.join("xdg-data")
    }

    pub fn config_home(&self) -> PathBuf {
        self.join("xdg-config")
    }

    /// Copies `fixtures/<rel>` into the sandbox as `name`; returns the copy's path.
    pub fn copy_fixture(&self, rel: &str, name: &str) -> PathBuf {
        let to = self.join(name);
        std::fs::copy(fixtures().join(rel), &to).unwrap_or_else(|e| panic!("copy fixture {rel}: {e}"));
        to
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let to = self.join(name);
        std::fs::write(&to, bytes).unwrap_or_else(|e| panic!("write {}: {e}", to.display()));
        to
    }

    /// Starts `appraise ARGS` in a 120×40 terminal.
    pub fn spawn(&self, args: &[&str]) -> Tui {
        self.spawn_sized(args, 120, 40)
    }

    /// Starts `appraise ARGS` in a `cols`×`rows` terminal.
    pub fn spawn_sized(&self, args: &[&str], cols: u16, rows: u16) -> Tui {
        Tui::spawn(self, args, cols, rows, &[])
    }

    /// Starts `appraise ARGS` in a 120×40 terminal with `env` set on top of the defaults
    /// (e.g. `("TERM", "xterm")`, `("NO_COLOR", "1")`).
    pub fn spawn_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Tui {
        Tui::spawn(self, args, 120, 40, env)
    }

    /// Starts `appraise ARGS` in a `cols`×`rows` terminal with `env` set on top of the defaults.
    pub fn spawn_sized_with_env(&self, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Tui {
        Tui::spawn(self, args, cols, rows, env)
    }

    /// Runs the shell script `script` (`sh -c`) in a 120×40 terminal, with `$APPRAISE` the
    /// binary: for limits set before it starts (`ulimit -f 1; exec "$APPRAISE" r.json`).
    pub fn spawn_script(&self, script: &str, env: &[(&str, &str)]) -> Tui {
        let mut all: Vec<(&str, &str)> = vec![("APPRAISE", env!("CARGO_BIN_EXE_appraise"))];
        all.extend_from_slice(env);
        Tui::spawn_program(self, "/bin/sh", &["-c", script], 120, 40, &all)
    }
}

/// The running app in its pseudo-terminal.
pub struct Tui {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader_done: Arc<AtomicBool>,
    /// The app is between the start and the end of a frame (synchronized-update markers):
    /// what the screen shows then is half old, half new. Set with the parser's lock held.
    mid_frame: Arc<AtomicBool>,
    status: Option<portable_pty::ExitStatus>,
}

/// The app wraps each frame in "begin/end synchronized update" (`CSI ? 2026 h` … `l`).
const FRAME_BEGIN: &[u8] = b"\x1b[?2026h";
const FRAME_END: &[u8] = b"\x1b[?2026l";

/// Whether `bytes` (the output so far, or its tail) leave the app inside a frame; `None` when
/// they hold no marker.
fn inside_frame(bytes: &[u8]) -> Option<bool> {
    let last = |m: &[u8]| bytes.windows(m.len()).rposition(|w| w == m);
    match (last(FRAME_BEGIN), last(FRAME_END)) {
        (None, None) => None,
        (Some(_), None) => Some(true),
        (None, Some(_)) => Some(false),
        (Some(b), Some(e)) => Some(b > e),
    }
}

impl Tui {
    fn spawn(sandbox: &Sandbox, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Tui {
        Tui::spawn_program(sandbox, env!("CARGO_BIN_EXE_appraise"), args, cols, rows, env)
    }

    fn spawn_program(
        sandbox: &Sandbox,
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Tui {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("open a pseudo-terminal");
        for d in [sandbox.data_home(), sandbox.config_home()] {
            std::fs::create_dir_all(&d).expect("create XDG dir");
        }
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(sandbox.path());
        cmd.env_clear();
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", sandbox.path());
        cmd.env("XDG_DATA_HOME", sandbox.data_home());
        cmd.env("XDG_CONFIG_HOME", sandbox.config_home());
        cmd.env("USER", "tester");
        cmd.env("LANG", "C.UTF-8");
        // The interface's language is pinned: a machine whose locale is Chinese must not change
        // what the tests read (a test for Chinese sets its own).
        cmd.env("LC_ALL", PINNED_LOCALE);
        cmd.env("RUST_BACKTRACE", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn appraise in the pty");
        // Our copy of the slave must go, or reading the master never ends after the child exits.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let reader_done = Arc::new(AtomicBool::new(false));
        let mid_frame = Arc::new(AtomicBool::new(false));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        {
            let (parser, raw, done, mid) =
                (parser.clone(), raw.clone(), reader_done.clone(), mid_frame.clone());
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                // The end of the previous chunk, so a marker split between two reads is seen.
                let mut tail: Vec<u8> = Vec::new();
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            let mut p = parser.lock().unwrap();
                            p.process(&buf[..n]);
                            tail.extend_from_slice(&buf[..n]);
                            if let Some(inside) = inside_frame(&tail) {
                                mid.store(inside, Ordering::SeqCst);
                            }
                            tail.drain(..tail.len().saturating_sub(FRAME_BEGIN.len()));
                            drop(p);
                            raw.lock().unwrap().extend_from_slice(&buf[..n]);
                        }
                    }
                }
                done.store(true, Ordering::SeqCst);
            });
        }
        let writer = pair.master.take_writer().expect("pty writer");
        Tui { master: pair.master, writer, child, parser, raw, reader_done, mid_frame, status: None }
    }

    /// The visible screen as text (rows joined by newlines, trailing blanks trimmed).
    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Everything the app printed so far, escape sequences included (lossy UTF-8).
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().unwrap()).into_owned()
    }

    /// The screen row `row` (0-based) as text.
    pub fn row(&self, row: u16) -> String {
        let p = self.parser.lock().unwrap();
        let (_, cols) = p.screen().size();
        p.screen().contents_between(row, 0, row, cols)
    }

    /// The last screen row: the status bar.
    pub fn status_bar(&self) -> String {
        let rows = self.parser.lock().unwrap().screen().size().0;
        self.row(rows - 1)
    }

    fn dump(&self, what: &str) -> String {
        let (rows, cols) = self.parser.lock().unwrap().screen().size();
        format!("{what}\n--- screen {cols}x{rows} ---\n{}\n--- end of screen ---", self.screen())
    }

    /// The screen, when the app is not in the middle of drawing a frame.
    fn whole_screen(&self) -> Option<String> {
        let p = self.parser.lock().unwrap();
        // (A frame cut short by the app's end is all there will be.)
        let mid = self.mid_frame.load(Ordering::SeqCst) && !self.reader_done.load(Ordering::SeqCst);
        (!mid).then(|| p.screen().contents())
    }

    /// Polls the screen until `pred` holds on a whole frame (never one half drawn); the screen
    /// that satisfied it, or a dump of the last one.
    pub fn wait_until(&mut self, what: &str, pred: impl Fn(&str) -> bool) -> Result<String, String> {
        let (start, timeout) = (Instant::now(), deadline());
        loop {
            if let Some(screen) = self.whole_screen()
                && pred(&screen)
            {
                return Ok(screen);
            }
            if start.elapsed() > timeout {
                let exited = match self.child.try_wait() {
                    Ok(Some(s)) => format!(" (the app has exited: {s})"),
                    _ => String::new(),
                };
                return Err(self.dump(&format!("timed out after {timeout:?} waiting for {what}{exited}")));
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for `text` on the screen: the screen, or a dump of the last one after the
    /// [`deadline`].
    pub fn try_wait_for(&mut self, text: &str) -> Result<String, String> {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    /// Waits for `text` on the screen; panics with the screen after the [`deadline`].
    pub fn wait_for(&mut self, text: &str) -> String {
        self.try_wait_for(text).unwrap_or_else(|dump| panic!("{dump}"))
    }

    /// Waits until `text` is no longer on the screen; panics with the screen after the
    /// [`deadline`].
    pub fn wait_gone(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to disappear"), |s| !s.contains(text))
            .unwrap_or_else(|dump| panic!("{dump}"))
    }

    /// Waits until the status bar (last row) contains `text`.
    /// (A message too long to fit beside the totals has the row above the bar: both count.)
    pub fn wait_status(&mut self, text: &str) -> String {
        let (start, timeout) = (Instant::now(), deadline());
        loop {
            let rows = self.parser.lock().unwrap().screen().size().0;
            let bar = format!("{}\n{}", self.row(rows.saturating_sub(2)), self.status_bar());
            if bar.contains(text) {
                return bar;
            }
            if start.elapsed() > timeout {
                let what = format!("timed out after {timeout:?} waiting for {text:?} in the status bar");
                panic!("{}", self.dump(&what));
            }
            thread::sleep(POLL);
        }
    }

    /// Writes raw bytes to the terminal, as typed or pasted all at once.
    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// One key (a character or an escape sequence such as [`DOWN`]), then a short pause.
    pub fn key(&mut self, key: &str) {
        self.send(key);
        thread::sleep(if key == ESC { ESC_PAUSE } else { KEY_PAUSE });
    }

    /// Each character of `text` as its own key press.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(c.encode_utf8(&mut [0; 4]));
        }
    }

    pub fn esc(&mut self) {
        self.key(ESC);
    }

    pub fn enter(&mut self) {
        self.key(ENTER);
    }

    /// Sends `text` as a bracketed paste.
    pub fn paste(&mut self, text: &str) {
        self.send(&format!("\x1b[200~{text}\x1b[201~"));
        thread::sleep(KEY_PAUSE);
    }

    /// Resizes the terminal (the app gets SIGWINCH) and the screen model with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The screen model first: whatever the app draws after the signal has the new size.
        self.parser.lock().unwrap().screen_mut().set_size(rows, cols);
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).expect("resize the pty");
    }

    /// Whether the app is still running.
    pub fn is_running(&mut self) -> bool {
        if self.status.is_some() {
            return false;
        }
        match self.child.try_wait() {
            Ok(Some(s)) => {
                self.status = Some(s);
                false
            }
            Ok(None) => true,
            Err(e) => panic!("cannot query the app's status: {e}"),
        }
    }

    /// Waits for the app to exit and returns its exit code; panics with the screen after the
    /// [`deadline`]. Also waits until everything it printed has been read.
    pub fn wait_exit(&mut self) -> u32 {
        let (start, timeout) = (Instant::now(), deadline());
        while self.is_running() {
            if start.elapsed() > timeout {
                panic!("{}", self.dump(&format!("the app did not exit within {timeout:?}")));
            }
            thread::sleep(POLL);
        }
        self.drain_output();
        let status = self.status.as_ref().expect("exit status");
        assert!(status.signal().is_none(), "{}", self.dump(&format!("the app was killed: {status}")));
        status.exit_code()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if self.is_running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Reads and parses a JSON file.
pub fn read_json(path: &Path) -> serde_json::Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

/// Polls the JSON file at `path` until it exists, parses and satisfies `pred`; returns it.
/// Panics after the [`deadline`] with the last content seen.
pub fn wait_json(path: &Path, what: &str, pred: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    let (start, timeout) = (Instant::now(), deadline());
    loop {
        let last = std::fs::read(path);
        if let Ok(bytes) = &last
            && let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes)
            && pred(&value)
        {
            return value;
        }
        if start.elapsed() > timeout {
            let content = match last {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => format!("(unreadable: {e})"),
            };
            panic!("timed out after {timeout:?} waiting for {what} in {}:\n{content}", path.display());
        }
        thread::sleep(POLL);
    }
}

/// The entry for item `id` in a scores file.
pub fn entry<'a>(scores: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    scores["items"]
        .as_array()
        .expect("items is an array")
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("no entry for {id} in {scores:#}"))
}

// Helpers for the safety tests (`e2e_safety`, `bad_input`, `integrity`): signals, the raw
// bytes written to the terminal, and waiting for an end that may be a kill.

impl Tui {
    /// The app's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the app's process id")
    }

    /// Sends `signal` (a name such as `"HUP"`, `"TERM"`, `"KILL"`) to the app with kill(1).
    pub fn signal(&self, signal: &str) {
        let pid = self.pid().to_string();
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(&pid)
            .status()
            .unwrap_or_else(|e| panic!("run kill -{signal} {pid}: {e}"));
        assert!(status.success(), "kill -{signal} {pid} failed: {status}");
    }

    /// Everything the app printed so far, as the exact bytes.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    /// Waits until the [`deadline`] for the app to end, however it ends: `Some(Ok(code))` when
    /// it exited, `Some(Err(signal))` when a signal killed it, `None` when it is still running.
    /// Also waits until everything it printed has been read.
    pub fn wait_end(&mut self) -> Option<Result<u32, String>> {
        let (start, timeout) = (Instant::now(), deadline());
        while self.is_running() {
            if start.elapsed() > timeout {
                return None;
            }
            thread::sleep(POLL);
        }
        self.drain_output();
        let status = self.status.as_ref().expect("exit status");
        Some(match status.signal() {
            Some(sig) => Err(sig.to_string()),
            None => Ok(status.exit_code()),
        })
    }

    /// After the app has ended: waits until the reader has read all it printed (the pty's
    /// end), up to the [`deadline`]. The output's own checks then say what is missing.
    fn drain_output(&self) {
        let (start, timeout) = (Instant::now(), deadline());
        while !self.reader_done.load(Ordering::SeqCst) && start.elapsed() < timeout {
            thread::sleep(POLL);
        }
    }

    /// The screen with a heading, for assertion messages.
    pub fn screen_dump(&self, what: &str) -> String {
        self.dump(what)
    }
}

/// Builds `tests/shims/NAME.c` into a library for `LD_PRELOAD`, in `dir`.
pub fn build_shim(name: &str, dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shims").join(format!("{name}.c"));
    let out = dir.join(format!("{name}.so"));
    let status = std::process::Command::new("cc")
        .args(["-shared", "-fPIC", "-O2", "-o"])
        .arg(&out)
        .arg(&src)
        .arg("-ldl")
        .status()
        .expect("a C compiler (cc) builds the test's LD_PRELOAD shim");
    assert!(status.success(), "cc {}", src.display());
    out
}

/// Whether the tests run in CI: `CI` set (as CI services and `.ci/run` do), other than to
/// `false` or `0`.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "false" | "0"))
}

/// For a test whose check cannot run here (`why`: a tool is missing, a second user is needed):
/// the test fails, saying why — a check that did not run never passes, in CI or anywhere.
pub fn cannot_check(why: &str) -> ! {
    let place = if in_ci() { "in CI, which must run every check" } else { "here" };
    panic!("this check cannot run {place}: {why}")
}

/// Polls `done` every [`POLL`] until it says yes; after the harness's [`deadline`], the test
/// fails saying it was waiting for `what`. Every wait of a test goes through here or the
/// terminal's own waits, so a slow machine is given time by one setting.
pub fn poll_until(what: &str, mut done: impl FnMut() -> bool) {
    let (start, limit) = (Instant::now(), deadline());
    while !done() {
        if start.elapsed() > limit {
            panic!("timed out after {limit:?} waiting for {what}");
        }
        thread::sleep(POLL);
    }
}

/// Whether `UPDATE_GOLDEN` asks the golden-file tests to rewrite their files rather than check
/// them; refused in CI, where every check must run.
pub fn updating_golden() -> bool {
    let updating = std::env::var_os("UPDATE_GOLDEN").is_some();
    assert!(
        !(updating && in_ci()),
        "UPDATE_GOLDEN rewrites the golden files instead of checking them: not in CI"
    );
    updating
}

/// The ordinary user root-only cases run as: `nobody`.
pub const ORDINARY_USER: u32 = 65534;

/// A command running `program` as an ordinary user: through `setpriv` as [`ORDINARY_USER`]
/// when the tests run as root (who may read any file, so would not see a permission denied),
/// as it is otherwise. The files it needs must be that user's ([`Sandbox::give_to_ordinary_user`]).
pub fn as_ordinary_user(program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
    if !running_as_root() {
        return std::process::Command::new(program);
    }
    let mut cmd = std::process::Command::new("setpriv");
    cmd.args(setpriv_args()).arg(program);
    cmd
}

/// `setpriv`'s arguments that make the rest of its command line run as [`ORDINARY_USER`].
fn setpriv_args() -> [String; 3] {
    [format!("--reuid={ORDINARY_USER}"), format!("--regid={ORDINARY_USER}"), "--clear-groups".into()]
}

impl Sandbox {
    /// When the tests run as root: the sandbox and everything in it become [`ORDINARY_USER`]'s
    /// (modes are kept: a file made unreadable stays unreadable to its owner).
    pub fn give_to_ordinary_user(&self) {
        #[cfg(unix)]
        if running_as_root() {
            fn give(path: &Path) {
                std::os::unix::fs::lchown(path, Some(ORDINARY_USER), Some(ORDINARY_USER))
                    .unwrap_or_else(|e| panic!("chown {}: {e}", path.display()));
                if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
                    for entry in std::fs::read_dir(path).unwrap() {
                        give(&entry.unwrap().path());
                    }
                }
            }
            give(self.path());
        }
    }

    /// `appraise ARGS` in a 120×40 terminal as an ordinary user ([`as_ordinary_user`]). What
    /// it reads must be readable by that user (or theirs: [`Sandbox::give_to_ordinary_user`]).
    pub fn spawn_as_ordinary_user(&self, args: &[&str]) -> Tui {
        if !running_as_root() {
            return self.spawn(args);
        }
        let mut all: Vec<String> = setpriv_args().into();
        all.push(env!("CARGO_BIN_EXE_appraise").into());
        all.extend(args.iter().map(|a| a.to_string()));
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        Tui::spawn_program(self, "setpriv", &all, 120, 40, &[])
    }
}

/// True when the tests run as root (uid 0), who may read any file whatever its permissions.
pub fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(2).map(|euid| euid == "0"))
        })
        .or_else(|| {
            std::process::Command::new("id")
                .arg("-u")
                .output()
                .ok()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        })
        .unwrap_or(false)
}

impl Tui {
    /// Whether the terminal is in its ordinary line mode again (canonical input and echo on,
    /// as the app found it before switching to raw mode); `None` where this cannot be asked.
    pub fn terminal_is_cooked(&self) -> Option<bool> {
        #[cfg(target_os = "linux")]
        {
            // Linux's ICANON and ECHO bits of c_lflag.
            const ICANON: u32 = 0o2;
            const ECHO: u32 = 0o10;
            let flags: u32 = self.master.get_termios()?.local_flags.bits();
            Some(flags & ICANON != 0 && flags & ECHO != 0)
        }
        #[cfg(not(target_os = "linux"))]
        {
            None
        }
    }
}
