//! Key-to-echo latency while typing a note, on a fast disk and on one whose every fsync takes
//! 50 ms longer (an `LD_PRELOAD` shim, tests/shims/slowsync.c, as on NFS or a busy home
//! directory). Budget: note echo p95 ≤ 10 ms on the slow disk — the journal's fsync must never
//! be on the key path. Also the disk's own fsync time, which bounds what a power cut can take
//! (the journal's fsync thread syncs whatever lines are waiting, as fast as the disk allows).
//!
//!     cargo bench --bench echo
//!
//! The real binary (built with the bench's profile) in a 120×40 pseudo-terminal: `a` opens the
//! note editor, then 40 characters are typed one at a time, each timed from the write to the
//! pty until its bytes come back in the app's output. A benchmark, not a test: it asserts
//! nothing about time.

mod common;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Characters typed, one at a time: each one's UTF-8 bytes appear nowhere else on screen.
const KEYS: &[char] = &['壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌'];
const TYPED: usize = 40;

fn main() {
    if !common::benchmarking() {
        return; // `cargo test --benches`: nothing to check
    }
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let _ = std::fs::create_dir_all(&base);
    let dir = tempfile::tempdir_in(&base).expect("a temp dir on the build's disk");
    let shim = build_shim(dir.path());
    let report = dir.path().join("r.json");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/english-sample.json"), &report)
        .expect("copy the sample report");

    let fsync = fsync_ms(dir.path());
    println!("the disk's fdatasync of one appended line: p50 {:.2} ms, p95 {:.2} ms", fsync.0, fsync.1);
    println!("\nkey to echo while typing a note ({TYPED} keys, 120×40 pty)");
    println!("{:<28} {:>8} {:>8} {:>8}", "disk", "p50 ms", "p95 ms", "max ms");
    for (name, preload) in [("as it is", None), ("fsync +50 ms (slowsync.c)", Some(shim.as_path()))] {
        let mut lat = echo_ms(&report, dir.path(), preload);
        lat.sort_by(f64::total_cmp);
        let p = |q: f64| lat[((lat.len() as f64 * q).ceil() as usize).clamp(1, lat.len()) - 1];
        println!("{name:<28} {:>8.2} {:>8.2} {:>8.2}", p(0.5), p(0.95), lat[lat.len() - 1]);
    }
}

/// Builds the slow-fsync shim into `dir`.
fn build_shim(dir: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/shims/slowsync.c");
    let out = dir.join("slowsync.so");
    let ok = std::process::Command::new("cc")
        .args(["-shared", "-fPIC", "-O2", "-o"])
        .arg(&out)
        .arg(&src)
        .arg("-ldl")
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "cc builds {}", src.to_string_lossy());
    out
}

/// p50 and p95 of 40 fdatasyncs, each after appending a journal-sized line, in `dir`.
fn fsync_ms(dir: &Path) -> (f64, f64) {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("fsync-probe"))
        .expect("a probe file");
    let line = [b'x'; 150];
    let mut runs: Vec<f64> = (0..40)
        .map(|_| {
            file.write_all(&line).expect("append");
            let start = Instant::now();
            file.sync_data().expect("fdatasync");
            common::ms(start.elapsed())
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    (runs[runs.len() / 2], runs[runs.len() * 95 / 100 - 1])
}

/// What the app has written to the terminal, shared with the thread that reads it.
#[derive(Default)]
struct Screen {
    bytes: Mutex<Vec<u8>>,
    grew: Condvar,
}

impl Screen {
    /// Waits until the output after offset `from` contains `needle`; false after `timeout`.
    fn wait_for(&self, from: usize, needle: &[u8], timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut bytes = self.bytes.lock().unwrap();
        loop {
            if bytes.len() > from && bytes[from..].windows(needle.len()).any(|w| w == needle) {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            bytes = self.grew.wait_timeout(bytes, left).unwrap().0;
        }
    }

    fn len(&self) -> usize {
        self.bytes.lock().unwrap().len()
    }
}

/// Opens the note editor and times `TYPED` keys to their echo (ms each).
fn echo_ms(report: &Path, dir: &Path, preload: Option<&Path>) -> Vec<f64> {
    let scores = dir.join("r.scores.json");
    for suffix in ["", ".journal", ".lock"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", scores.to_string_lossy()));
    }
    let pair = native_pty_system()
        .openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_appraise"));
    cmd.arg(report);
    cmd.arg("--scores");
    cmd.arg(&scores);
    cmd.env("XDG_DATA_HOME", dir);
    cmd.env("XDG_CONFIG_HOME", dir);
    cmd.env("TERM", "xterm-256color");
    if let Some(shim) = preload {
        cmd.env("LD_PRELOAD", shim);
    }
    let mut child = pair.slave.spawn_command(cmd).expect("start appraise");
    drop(pair.slave);
    let screen = Arc::new(Screen::default());
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    {
        let screen = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                screen.bytes.lock().unwrap().extend_from_slice(&buf[..n]);
                screen.grew.notify_all();
            }
        });
    }
    let mut keys = pair.master.take_writer().expect("pty writer");
    let mut send = |bytes: &[u8]| {
        keys.write_all(bytes).expect("type");
        keys.flush().expect("flush");
    };
    let started = screen.wait_for(0, "Riverside".as_bytes(), Duration::from_secs(20));
    assert!(started, "the app did not start: {}", String::from_utf8_lossy(&screen.bytes.lock().unwrap()));
    send(b"a");
    // Cells are written one by one (wide ones with a cursor move between): one word.
    let opened = screen.wait_for(0, b"keeps", Duration::from_secs(5));
    assert!(
        opened,
        "the note editor did not open: {}",
        String::from_utf8_lossy(&screen.bytes.lock().unwrap())
    );
    std::thread::sleep(Duration::from_millis(300));
    let mut lat = Vec::with_capacity(TYPED);
    for k in 0..TYPED {
        let c = KEYS[k % KEYS.len()].to_string();
        let from = screen.len();
        let start = Instant::now();
        send(c.as_bytes());
        let echoed = screen.wait_for(from, c.as_bytes(), Duration::from_secs(2));
        lat.push(if echoed { common::ms(start.elapsed()) } else { 2000.0 });
        std::thread::sleep(Duration::from_millis(20));
    }
    send(b"\x1b");
    std::thread::sleep(Duration::from_millis(300));
    send(b"q");
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    lat
}
