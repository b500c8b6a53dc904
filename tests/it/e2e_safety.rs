//! End-to-end safety tests (issue 6): the real `appraise` binary in a pseudo-terminal, killed,
//! hung up, signalled, doubled up, fed hostile text and a disappearing directory — and no edit
//! that was on screen may be lost, no terminal left broken, no report text written to the
//! terminal raw. Each test has its own sandbox directory, so they run in parallel.

use crate::support::{DOWN, ENTER, ESC, Sandbox, Tui, deadline, entry, read_json, wait_json};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use serde_json::Value;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const ENGLISH: &str = "english-sample.json";
const SCORES: &str = "english-sample.scores.json";
const NOTE: &str = "佐证材料不足 evidence missing";

// Items of fixtures/english-sample.json in report order.
const OBJECTIVES: &str = "overview.objectives"; // 0–10 step 0.5
const SUMMER: &str = "delivery.children.summer-reading"; // 0–10 step 0.5
const ATTENDANCE: &str = "delivery.children.early-years.attendance"; // 0–5 step 1

/// What the reading pane shows for item `id` (its facts line starts `ID · `).
fn at(id: &str) -> String {
    format!("{id} · ")
}

fn open_english(sb: &Sandbox, extra: &[&str]) -> Tui {
    if !sb.join(ENGLISH).exists() {
        sb.copy_fixture(ENGLISH, ENGLISH);
    }
    let mut args = vec![ENGLISH];
    args.extend_from_slice(extra);
    let mut app = sb.spawn(&args);
    app.wait_for(&at(OBJECTIVES));
    app
}

/// `<scores>.journal` and `<scores>.lock` (the app's names: README.md, "Saving").
fn journal_of(scores: &Path) -> std::path::PathBuf {
    scores.with_file_name(format!("{}.journal", scores.file_name().unwrap().to_string_lossy()))
}

fn lock_of(scores: &Path) -> std::path::PathBuf {
    scores.with_file_name(format!("{}.lock", scores.file_name().unwrap().to_string_lossy()))
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The score, note and flag of item `id` in a scores file.
fn state(file: &Value, id: &str) -> (Value, Value, Value) {
    let e = entry(file, id);
    (e["score"].clone(), e["note"].clone(), e["flagged"].clone())
}

/// Kills the app with SIGKILL and waits until it is gone.
fn kill_9(app: &mut Tui) {
    app.signal("KILL");
    match app.wait_end() {
        Some(Err(signal)) => {
            assert!(signal.contains("Kill") || signal.contains("KILL") || signal.contains('9'), "{signal}")
        }
        Some(Ok(code)) => panic!("the app exited ({code}) instead of being killed"),
        None => panic!("{}", app.screen_dump("the app survived kill -9")),
    }
}

/// After the restart: every edit is back on screen and, once the app has saved the recovered
/// work, in the scores file; then a clean quit leaves neither journal nor lock behind.
fn check_recovered(sb: &Sandbox) {
    let scores = sb.join(SCORES);
    let mut app = sb.spawn(&[ENGLISH]);
    // Objectives and summer reading are scored: it opens on the first unscored item. (Wait
    // for the whole frame: the screen is read while the app is still writing it.)
    app.wait_until("the recovered scores in the outline", |s| {
        s.contains(&at(ATTENDANCE)) && s.contains("7/10") && s.contains("6.5/10") && s.contains("Recovered")
    })
    .unwrap_or_else(|dump| panic!("{dump}"));
    app.key("k");
    app.wait_until("the note, flag and score typed before the kill", |s| {
        s.contains(&at(SUMMER))
            && s.contains(&format!("Note   {NOTE}"))
            && s.contains("⚑ needs follow-up")
            && s.contains("Score  6.5 / 10")
    })
    .unwrap_or_else(|dump| panic!("{dump}"));

    let file = wait_json(&scores, "the recovered work", |v| {
        state(v, SUMMER) == (6.5.into(), NOTE.into(), true.into()) && entry(v, OBJECTIVES)["score"] == 7
    });
    assert_eq!(file["summary"]["scored"], 2, "{file:#}");
    app.wait_status("saved");
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    let file = read_json(&scores);
    assert_eq!(state(&file, SUMMER), (6.5.into(), NOTE.into(), true.into()));
    assert_eq!(state(&file, OBJECTIVES), (7.into(), "".into(), false.into()));
    assert_eq!(entry(&file, ATTENDANCE)["score"], Value::Null);
    assert!(
        !journal_of(&scores).exists(),
        "the journal is removed on a clean exit: {:?}",
        names_in(sb.path())
    );
    assert!(!lock_of(&scores).exists(), "the lock is removed on a clean exit: {:?}", names_in(sb.path()));
}

// 1. kill -9 ------------------------------------------------------------------------------

/// Edits one at a time, each seen on screen, then `kill -9` with the note editor still open.
#[test]
fn kill_9_loses_no_edit_not_even_the_note_being_typed() {
    let sb = Sandbox::new();
    let scores = sb.join(SCORES);
    let mut app = open_english(&sb, &[]);
    app.key("7");
    app.wait_for("7/10");
    app.key("j");
    app.wait_for(&at(SUMMER));
    app.key("s");
    app.wait_for("Type a score");
    app.type_text("6.5");
    app.wait_for("Score  6.5 /");
    app.enter();
    app.wait_for("6.5/10");
    app.key("f");
    app.wait_for("⚑ needs follow-up");
    app.key("a");
    app.wait_for("Note · ");
    app.send(NOTE);
    app.wait_for(NOTE);
    kill_9(&mut app);

    // The note was never closed, so it cannot be in the scores file: only the journal has it.
    if let Ok(bytes) = std::fs::read(&scores) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(NOTE), "the open note reached the scores file before the kill:\n{text}");
    }
    assert!(journal_of(&scores).exists(), "no journal beside the scores file: {:?}", names_in(sb.path()));
    check_recovered(&sb);
}

/// The same edits typed in one burst and killed the moment they show — before autosave.
#[test]
fn kill_9_right_after_a_burst_of_edits_loses_nothing() {
    let sb = Sandbox::new();
    let mut app = open_english(&sb, &[]);
    app.send(&format!("7js6.5{ENTER}fa{NOTE}"));
    app.wait_until("every edit on screen", |s| {
        s.contains(NOTE) && s.contains("7/10") && s.contains("⚑ needs follow-up") && s.contains("6.5/10")
    })
    .unwrap_or_else(|dump| panic!("{dump}"));
    kill_9(&mut app);
    check_recovered(&sb);
}

// 2. SIGHUP, SIGTERM, SIGINT, a closed terminal -------------------------------------------

/// Scores an item, sends `signal` at once (before autosave has had its 250 ms), and expects
/// a clean exit 0 by itself (within the harness's deadline) with the score saved and the
/// terminal restored.
fn signal_saves_and_exits(signal: &str) -> Tui {
    let sb = Sandbox::new();
    let scores = sb.join(SCORES);
    let mut app = open_english(&sb, &[]);
    app.key("8");
    app.wait_for("8/10");
    app.signal(signal);
    let code = match app.wait_end() {
        Some(Ok(code)) => code,
        Some(Err(killed)) => {
            panic!(
                "{}",
                app.screen_dump(&format!("SIG{signal} killed the app ({killed}) instead of a clean exit"))
            )
        }
        None => {
            panic!("{}", app.screen_dump(&format!("the app still runs {:?} after SIG{signal}", deadline())))
        }
    };
    assert_eq!(entry(&read_json(&scores), OBJECTIVES)["score"], 8, "SIG{signal}: the score was not saved");
    let out = app.output();
    let said = out.rsplit("\x1b[?1049l").next().unwrap_or_default();
    assert!(
        !said.contains("NOT saved"),
        "SIG{signal}: the score is saved, yet the app says it is not:\n{said}"
    );
    assert_eq!(code, 0, "SIG{signal}: exit status; it said:\n{said}");
    assert!(!journal_of(&scores).exists(), "SIG{signal}: journal left: {:?}", names_in(sb.path()));
    assert!(!lock_of(&scores).exists(), "SIG{signal}: lock left: {:?}", names_in(sb.path()));
    if let Some(cooked) = app.terminal_is_cooked() {
        assert!(cooked, "SIG{signal}: the terminal was left in raw mode");
    }
    check_restored(&app, signal);
    app
}

/// The raw output ends by leaving the alternate screen; after that, nothing is drawn (only
/// plain text such as "Scores saved in …", and mode resets such as showing the cursor).
fn check_restored(app: &Tui, what: &str) {
    let raw = app.raw_output();
    let leave = b"\x1b[?1049l";
    let Some(pos) = find_last(&raw, leave) else {
        panic!("{what}: the app never left the alternate screen:\n{}", app.output());
    };
    let enter = b"\x1b[?1049h";
    assert!(find_last(&raw, enter).is_some_and(|e| e < pos), "{what}: entered the alternate screen again");
    let tail = &raw[pos + leave.len()..];
    let mut rest = tail;
    // What may follow: the end of bracketed paste, showing the cursor, resetting colours.
    let allowed: [&[u8]; 4] = [b"\x1b[?2004l", b"\x1b[?25h", b"\x1b[0m", b"\x1b[m"];
    while let Some(i) = rest.iter().position(|&b| b == 0x1b) {
        let seq = &rest[i..];
        let Some(ok) = allowed.iter().find(|a| seq.starts_with(a)) else {
            panic!("{what}: drawing after leaving the alternate screen: {:?}", String::from_utf8_lossy(tail));
        };
        rest = &seq[ok.len()..];
    }
    let text = String::from_utf8_lossy(tail);
    assert!(!text.contains("panicked"), "{what}: {text}");
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn sighup_saves_and_exits() {
    signal_saves_and_exits("HUP");
}

#[test]
fn sigterm_saves_exits_0_and_restores_the_terminal() {
    let app = signal_saves_and_exits("TERM");
    assert!(app.output().contains("Scores saved in"), "{}", app.output());
}

#[test]
fn sigint_saves_and_exits() {
    signal_saves_and_exits("INT");
}

/// A pty of our own (the harness keeps a reader open for its whole life): the whole master
/// side can be closed, as when an SSH connection drops.
struct Hangup {
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    stop_reading: Arc<AtomicBool>,
    reader: Option<thread::JoinHandle<()>>,
}

impl Hangup {
    fn spawn(sb: &Sandbox, args: &[&str]) -> Hangup {
        let pair = native_pty_system()
            .openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 })
            .expect("open a pty");
        for d in [sb.data_home(), sb.config_home()] {
            std::fs::create_dir_all(d).unwrap();
        }
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_appraise"));
        cmd.args(args);
        cmd.cwd(sb.path());
        cmd.env_clear();
        cmd.env("LC_ALL", crate::support::PINNED_LOCALE);
        cmd.env("PATH", std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into()));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", sb.path());
        cmd.env("XDG_DATA_HOME", sb.data_home());
        cmd.env("XDG_CONFIG_HOME", sb.config_home());
        cmd.env("USER", "tester");
        cmd.env("LANG", "C.UTF-8");
        let child = pair.slave.spawn_command(cmd).expect("spawn appraise");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 0)));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (p, stop) = (parser.clone(), stop_reading.clone());
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                p.lock().unwrap().process(&buf[..n]);
                if stop.load(Ordering::SeqCst) {
                    break; // drops our copy of the master
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Hangup {
            writer: Some(writer),
            master: Some(pair.master),
            child,
            parser,
            stop_reading,
            reader: Some(reader),
        }
    }

    fn send(&mut self, keys: &str) {
        let w = self.writer.as_mut().expect("the terminal is open");
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
        thread::sleep(Duration::from_millis(if keys == ESC { 150 } else { 40 }));
    }

    fn wait_for(&self, text: &str) {
        let screen = || self.parser.lock().unwrap().screen().contents();
        let what = format!("{text:?} on the screen");
        crate::support::poll_until(&what, || screen().contains(text));
    }

    /// Closes every handle on the master side of the pty: the kernel hangs the terminal up.
    fn hang_up(&mut self) {
        self.stop_reader();
        self.close();
    }

    /// Stops reading what the app writes (and so lets go of the reader's handle on the pty).
    fn stop_reader(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        // Something to read, so the reader sees the flag: a resize makes the app redraw
        // without changing anything it holds (a key would go into an open note editor).
        let reader = self.reader.take().unwrap();
        let master = self.master.as_ref().unwrap();
        let mut cols = 119;
        crate::support::poll_until("the pty reader to stop", || {
            if reader.is_finished() {
                return true;
            }
            master.resize(PtySize { rows: 40, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
            cols = if cols == 119 { 120 } else { 119 };
            false
        });
        reader.join().unwrap();
    }

    /// Closes the writer and the master: with the reader stopped, the terminal hangs up.
    fn close(&mut self) {
        // Dropping portable-pty's writer types "\n" and the EOF character into the terminal
        // (for a shell in line mode) — keys a real hang-up never sends, and "\n" (Ctrl-J)
        // would edit the open note. With no EOF character it sends nothing.
        let tty = self.master.as_ref().unwrap().tty_name().expect("the terminal's name");
        let stty = std::process::Command::new("stty").arg("-F").arg(&tty).args(["eof", "undef"]).status();
        assert!(stty.is_ok_and(|s| s.success()), "stty -F {} eof undef failed", tty.display());
        self.writer = None;
        self.master = None;
    }

    /// Waits for the app to end by itself after a hang-up; fails if it lingers (past the
    /// harness's deadline) or if a signal ended it (a crash: the hang-up's own SIGHUP is handled).
    fn expect_clean_end(&mut self) -> portable_pty::ExitStatus {
        let Some(status) = self.wait_end() else {
            let pid = self.child.process_id().unwrap_or(0);
            let cpu = cpu_share(pid, Duration::from_secs(1));
            panic!(
                "the app (pid {pid}) still runs {:?} after its terminal was closed, using {cpu} \
                 of a CPU (and holding the lock on the scores file)",
                deadline()
            );
        };
        eprintln!("after the hang-up the app ended with {status}");
        assert!(status.signal().is_none(), "the app crashed after the hang-up: {status}");
        status
    }

    /// Waits for the app to end by itself; its exit status, or None if it still runs at the
    /// deadline.
    fn wait_end(&mut self) -> Option<portable_pty::ExitStatus> {
        let (start, timeout) = (Instant::now(), deadline());
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return Some(status);
            }
            if start.elapsed() > timeout {
                return None;
            }
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Hangup {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// The SSH connection drops: the terminal is closed under the app, with a score made and a
/// note half typed. The app must end by itself (not linger, burning CPU), keep the score in
/// the scores file and the note in the journal, and give both back on the next start.
#[test]
fn closing_the_terminal_ends_the_app_and_keeps_the_work() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    let scores = sb.join(SCORES);
    let mut app = Hangup::spawn(&sb, &[ENGLISH]);
    app.wait_for(&at(OBJECTIVES));
    app.send("9");
    app.wait_for("9/10");
    app.send("j");
    app.wait_for(&at(SUMMER));
    app.send("a");
    app.wait_for("Note · ");
    app.send(NOTE);
    app.wait_for(NOTE);
    // Hang up with the note editor still open.
    app.hang_up();
    app.expect_clean_end();
    let file = read_json(&scores);
    assert_eq!(entry(&file, OBJECTIVES)["score"], 9, "the score made before the hang-up");

    // Whatever of the note was on screen comes back.
    let mut again = sb.spawn(&[ENGLISH]);
    again.wait_for(&at(SUMMER));
    again
        .try_wait_for(&format!("Note   {NOTE}"))
        .unwrap_or_else(|dump| panic!("the note typed before the hang-up is lost: {dump}"));
    let file = wait_json(&scores, "the recovered note", |v| entry(v, SUMMER)["note"] == NOTE);
    assert_eq!(entry(&file, OBJECTIVES)["score"], 9);
    again.key("q");
    assert_eq!(again.wait_exit(), 0, "{}", again.output());
}

/// The connection drops while the app is busy — here taking in a large paste — so the app
/// itself, not only its SIGHUP handler, finds the terminal gone: it must still save and end
/// cleanly (not crash while putting back a terminal that no longer exists).
#[test]
fn closing_the_terminal_while_the_app_is_busy_ends_it_cleanly() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    let scores = sb.join(SCORES);
    let mut app = Hangup::spawn(&sb, &[ENGLISH]);
    app.wait_for(&at(OBJECTIVES));
    app.send("9");
    app.wait_for("9/10");
    app.send("a");
    app.wait_for("Note · ");
    app.send(NOTE);
    app.wait_for(NOTE);
    app.stop_reader();
    // 200 kB pasted into the note; the terminal closes 50 ms after the last byte went in.
    app.send(&format!("\x1b[200~{}\x1b[201~", "x".repeat(200_000)));
    thread::sleep(Duration::from_millis(50));
    app.close();
    app.expect_clean_end();
    assert_eq!(entry(&read_json(&scores), OBJECTIVES)["score"], 9, "the score made before the hang-up");

    // The note typed before (and whatever of the paste arrived) comes back.
    let mut again = sb.spawn(&[ENGLISH]);
    again.wait_for(&at(SUMMER));
    again.key("k");
    // (The pasted text follows the note at once, so the note's line wraps before its end.)
    again
        .try_wait_for("Note   佐证材料不足")
        .unwrap_or_else(|dump| panic!("the note typed before the hang-up is lost: {dump}"));
    wait_json(&scores, "the recovered note", |v| {
        entry(v, OBJECTIVES)["note"].as_str().is_some_and(|n| n.starts_with(NOTE))
    });
    again.key("q");
    assert_eq!(again.wait_exit(), 0, "{}", again.output());
}

/// The share of one CPU process `pid` used over `over`, as "NN%" (or "unknown").
fn cpu_share(pid: u32, over: Duration) -> String {
    let ticks = || -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
        let rest = stat.rsplit_once(')')?.1;
        let f: Vec<&str> = rest.split_whitespace().collect();
        Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
    };
    let (Some(a), _, Some(b)) = (ticks(), thread::sleep(over), ticks()) else { return "unknown".into() };
    // Linux counts in clock ticks of 1/100 s.
    format!("{:.0}%", (b - a) as f64 / over.as_secs_f64())
}

// 3. Two instances ------------------------------------------------------------------------

#[test]
fn a_second_instance_is_told_who_holds_the_file_and_can_only_look() {
    let sb = Sandbox::new();
    // 张三 on a second terminal: his own file, open in the first.
    let scores = sb.join("english-sample.张三.scores.json");
    let mut first = open_english(&sb, &["--evaluator", "张三"]);
    first.key("7");
    first.wait_for("7/10");
    wait_json(&scores, "the first instance's score", |v| entry(v, OBJECTIVES)["score"] == 7);
    first.wait_status("saved");
    let before = std::fs::read(&scores).unwrap();
    let lock = lock_of(&scores);
    assert!(std::fs::read_to_string(&lock).unwrap().contains("张三"), "the lock names its holder");

    // Answer n: exit 2, nothing touched.
    let mut second = sb.spawn(&[ENGLISH, "--evaluator", "张三"]);
    let screen = second.wait_for("[y/N]");
    assert!(screen.contains("张三"), "the question names who holds the file:\n{screen}");
    assert!(screen.contains("read-only"), "{screen}");
    second.send("n\r");
    assert_eq!(second.wait_exit(), 2, "{}", second.output());
    let out = second.output();
    assert!(!out.contains("\x1b[?1049h"), "the refused instance went full-screen:\n{out}");
    assert!(!out.contains("panicked"), "{out}");
    assert_eq!(std::fs::read(&scores).unwrap(), before, "answering n changed the scores file");
    let held = std::fs::read_to_string(&lock).is_ok_and(|l| l.contains("张三"));
    assert!(held, "the first one's lock is gone");
    assert!(first.is_running());

    // Just Enter is no as well.
    let mut third = sb.spawn(&[ENGLISH, "--evaluator", "张三"]);
    third.wait_for("[y/N]");
    third.send("\r");
    assert_eq!(third.wait_exit(), 2, "{}", third.output());
    assert_eq!(std::fs::read(&scores).unwrap(), before);

    // Answer y: read-only; nothing can change, nothing is written.
    let mut viewer = sb.spawn(&[ENGLISH, "--evaluator", "张三"]);
    viewer.wait_for("[y/N]");
    viewer.send("y\r");
    viewer.wait_for(&at(SUMMER)); // the first unscored item
    let bar = viewer.wait_status("read-only");
    assert!(!bar.contains("NOT SAVED"), "{bar}");
    let screen = viewer.screen();
    assert!(screen.contains("7/10"), "the viewer sees the first one's score:\n{screen}");
    for key in ["3", "f", "x", "+"] {
        viewer.key(key);
    }
    viewer.key("a");
    viewer.type_text("zz");
    viewer.key(crate::support::CTRL_S);
    thread::sleep(Duration::from_millis(800)); // room for a (wrong) autosave
    let screen = viewer.screen();
    assert!(screen.contains("Score  – / 10"), "a key changed the read-only view:\n{screen}");
    assert!(!screen.contains("⚑ needs follow-up") && !screen.contains("zz"), "{screen}");
    assert!(viewer.status_bar().contains("read-only"), "{}", viewer.status_bar());
    assert_eq!(std::fs::read(&scores).unwrap(), before, "the read-only instance wrote the scores file");

    // The first one goes on scoring while the viewer looks; the viewer quits.
    first.key("j");
    first.wait_for(&at(SUMMER));
    first.key("5");
    first.wait_for("5/10");
    let after_first = wait_json(&scores, "the first one's second score", |v| entry(v, SUMMER)["score"] == 5);
    viewer.esc();
    viewer.key("q");
    assert_eq!(viewer.wait_exit(), 0, "{}", viewer.output());
    assert_eq!(read_json(&scores), after_first, "quitting the viewer changed the scores file");
    assert!(lock.exists(), "the viewer removed the first one's lock");

    // The first one is still the writer and keeps everything.
    first.key("f");
    first.wait_for("⚑ needs follow-up");
    first.key("q");
    assert_eq!(first.wait_exit(), 0, "{}", first.output());
    let file = read_json(&scores);
    assert_eq!(file["evaluator"], "张三");
    assert_eq!(state(&file, OBJECTIVES), (7.into(), "".into(), false.into()));
    assert_eq!(state(&file, SUMMER), (5.into(), "".into(), true.into()));
    assert!(!lock.exists(), "the lock goes when its holder quits");
}

/// With the holder gone (even killed), the lock is free again: no stale lock blocks anyone.
#[test]
fn a_killed_holder_leaves_no_lock_that_blocks() {
    let sb = Sandbox::new();
    let mut first = open_english(&sb, &["--evaluator", "张三"]);
    kill_9(&mut first);
    let mut next = sb.spawn(&[ENGLISH]);
    let screen = next.wait_for(&at(OBJECTIVES));
    assert!(!screen.contains("[y/N]"), "a dead holder's lock still blocks:\n{screen}");
    next.key("4");
    next.wait_for("4/10");
    next.key("q");
    assert_eq!(next.wait_exit(), 0, "{}", next.output());
    assert_eq!(entry(&read_json(&sb.join(SCORES)), OBJECTIVES)["score"], 4);
}

// 4. Hostile text -------------------------------------------------------------------------

const HOSTILE: &str = "hostile/escapes.json";

/// Byte strings from the hostile fixture that must never reach the terminal. Each payload
/// carries a marker word, so it cannot be confused with a sequence the app writes itself.
const NEVER: &[(&str, &[u8])] = &[
    ("OSC 0 (set the title)", b"\x1b]0;"),
    ("OSC 2 (set the title)", b"\x1b]2;"),
    ("device status report (injects input)", b"\x1b[6n"),
    ("window title report (injects input)", b"\x1b[21t"),
    ("clear screen from the report", b"\x1b[2Jwipe"),
    ("leave the alternate screen from the report", b"\x1b[?1049lLEAVE"),
    ("full reset (RIS)", b"\x1bc"),
    ("DCS request", b"\x1bP"),
    ("lone CR", b"\rEVIL"),
    ("right-to-left override U+202E", "\u{202e}".as_bytes()),
    ("pop directional formatting U+202C", "\u{202c}".as_bytes()),
    ("C1 CSI U+009B", "\u{9b}".as_bytes()),
    ("C1 OSC U+009D", "\u{9d}".as_bytes()),
    ("C1 ST U+009C", "\u{9c}".as_bytes()),
    ("NUL", b"\0"),
    ("BEL", b"\x07"),
    ("backspace", b"\x08"),
    ("DEL", b"\x7f"),
];

/// Every escape sequence in `raw` must be a CSI the app's own drawing uses (cursor moves,
/// colours, clearing, modes); returns the ones that are not.
fn foreign_sequences(raw: &[u8]) -> Vec<String> {
    let mut bad = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] != 0x1b {
            i += 1;
            continue;
        }
        let start = i;
        if raw.get(i + 1) != Some(&b'[') {
            bad.push(format!("{:?}", String::from_utf8_lossy(&raw[start..raw.len().min(start + 12)])));
            i += 1;
            continue;
        }
        i += 2;
        while i < raw.len() && (0x30..=0x3f).contains(&raw[i]) {
            i += 1;
        }
        let params = String::from_utf8_lossy(&raw[start + 2..i]).into_owned();
        let end = raw.get(i).copied();
        i += 1;
        let ok = match end {
            // cursor position / movement, SGR colours, erase
            Some(b'H' | b'A' | b'B' | b'C' | b'D' | b'G' | b'm' | b'K') => !params.starts_with('?'),
            Some(b'J') => matches!(params.as_str(), "" | "0" | "2" | "3"),
            // modes: alternate screen, cursor, bracketed paste, mouse, focus
            Some(b'h' | b'l') => {
                matches!(
                    params.as_str(),
                    "?1049"
                        | "?25"
                        | "?2004"
                        | "?2026"
                        | "?1000"
                        | "?1002"
                        | "?1003"
                        | "?1006"
                        | "?1015"
                        | "?1004"
                )
            }
            // cursor shape
            Some(b'q') => false,
            _ => false,
        };
        if !ok {
            let end = i.min(raw.len());
            bad.push(format!("{:?}", String::from_utf8_lossy(&raw[start..end])));
        }
    }
    bad.sort();
    bad.dedup();
    bad
}

/// `raw` without the app's own clipboard copies (OSC 52 with a base64 payload, ended by BEL
/// or ST); whatever else follows `ESC ]` is kept, to be found.
fn without_clipboard_copies(raw: &[u8]) -> Vec<u8> {
    const OSC52: &[u8] = b"\x1b]52;c;";
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i..].starts_with(OSC52) {
            let body = &raw[i + OSC52.len()..];
            let n = body.iter().position(|b| !(b.is_ascii_alphanumeric() || b"+/=".contains(b)));
            let end = n.and_then(|n| match &body[n..] {
                [0x07, ..] => Some(n + 1),
                [0x1b, b'\\', ..] => Some(n + 2),
                _ => None,
            });
            if let Some(end) = end {
                i += OSC52.len() + end;
                continue;
            }
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

fn check_no_hostile_bytes(raw: &[u8], what: &str) {
    let raw = &without_clipboard_copies(raw)[..];
    for (name, bytes) in NEVER {
        if let Some(pos) = raw.windows(bytes.len()).position(|w| w == *bytes) {
            let from = pos.saturating_sub(60);
            let to = raw.len().min(pos + 60);
            panic!(
                "{what}: {name} was written to the terminal raw, at byte {pos}: …{:?}…",
                String::from_utf8_lossy(&raw[from..to])
            );
        }
    }
    let foreign = foreign_sequences(raw);
    assert!(foreign.is_empty(), "{what}: escape sequences the app does not draw with: {foreign:?}");
}

#[test]
fn a_hostile_report_never_reaches_the_terminal_raw() {
    let sb = Sandbox::new();
    sb.copy_fixture(HOSTILE, "escapes.json");
    sb.copy_fixture("hostile/escapes.scores.json", "escapes.scores.json");
    let mut app = sb.spawn_sized(&["escapes.json"], 140, 45);
    // The sheet names a hostile evaluator, not this login: asked whose it is (the name shown
    // safely, as everything else), answered "mine", not remembered.
    app.wait_for("[m/o/r]");
    app.send("m\r");
    app.wait_for("[Y/n]");
    app.send("n\r");
    // Opens on the first unscored item, i1; the scores file's orphan is warned about.
    app.wait_for("zebra");
    let mut seen = vec![app.screen()];

    // Every item and section: down to the end, then up again.
    app.key("g");
    app.wait_for("zebra");
    for _ in 0..6 {
        app.key("j");
        seen.push(app.screen());
    }
    app.key("G");
    app.wait_for("Fourth");
    seen.push(app.screen());
    for key in ["g", "J", "J", "J", "J", "K", "K", "K", "K"] {
        app.key(key);
        seen.push(app.screen());
    }
    // Scroll the long texts, focus every pane.
    for key in ["\t", "\x1b[6~", "\x1b[6~", "\x1b[5~", "\t", "\t"] {
        app.key(key);
        seen.push(app.screen());
    }

    // Help, info (meta, grades, evaluator, files).
    app.key("?");
    app.wait_for("next unscored");
    seen.push(app.screen());
    app.esc();
    app.wait_gone("next unscored");
    app.key("i");
    app.wait_for("pwned-meta");
    seen.push(app.screen());
    app.key(DOWN);
    app.key(DOWN);
    seen.push(app.screen());
    app.esc();
    app.wait_gone("pwned-meta");

    // Evidence links to hostile ids and back.
    app.key("g");
    app.wait_for("zebra");
    app.key("r");
    seen.push(app.screen());
    app.key("r");
    seen.push(app.screen());
    app.key(crate::support::CTRL_O);
    seen.push(app.screen());

    // The note editor, with a hostile paste (and the saved hostile note of i2).
    app.key("a");
    app.wait_for("Note · ");
    app.paste(
        "pasted \x1b]0;pwned-paste\x07 \x1b[2Jwipe \x1b[6nDSR \u{202e}rlo \u{9b}2Jcsi \0nul lone\rEVIL",
    );
    app.wait_for("pwned-paste");
    seen.push(app.screen());
    app.esc();
    app.wait_gone("Note · ");
    app.key("j");
    seen.push(app.screen());
    app.key("a");
    app.wait_for("Note · ");
    seen.push(app.screen());
    app.esc();
    app.wait_gone("Note · ");

    // Search for a word of a hostile title; jump to it.
    app.key("G");
    app.key("/");
    app.wait_for("Search");
    app.type_text("zebra");
    app.wait_for("1 of ");
    seen.push(app.screen());
    app.type_text(" ");
    app.key("\x7f");
    app.type_text("\x7fwipe");
    seen.push(app.screen());
    app.esc();
    app.key("/");
    app.type_text("zebra");
    app.wait_for("1 of ");
    app.enter();
    app.wait_gone("1 of ");
    seen.push(app.screen());

    // Score and flag the hostile items, so their marks are drawn too; export.
    app.key("5");
    app.key("f");
    app.key("E");
    seen.push(app.screen());
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());

    let raw = app.raw_output();
    check_no_hostile_bytes(&raw, "the TUI");
    // The hostile text was there, as visible stand-ins: ␛ for ESC, ␀ for NUL, ␍ for CR…
    let all = seen.join("\n");
    for shown in ['␛', '␀', '␍', '␇'] {
        assert!(all.contains(shown), "{shown:?} never shown:\n{all}");
    }
    for text in ["pwned", "wipe", "DSR", "LEAVE", "EVIL", "zebra", "pwned-id", "pwned-note", "pwned-grade"] {
        assert!(all.contains(text), "{text:?} of the hostile text was never shown:\n{all}");
    }
    // The scores keep what was typed: a note is text, whatever it holds.
    let file = read_json(&sb.join("escapes.scores.json"));
    assert!(
        file["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["note"].as_str().is_some_and(|n| n.contains("pwned-paste")))
    );
    assert!(
        file["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"].as_str().is_some_and(|n| n.contains("pwned-orphan"))),
        "the orphan is kept"
    );
}

/// `check` prints ids and warnings taken from the files: they are made terminal-safe too.
#[test]
fn check_never_prints_hostile_text_raw() {
    let fixtures = crate::support::fixtures().join("hostile");
    let report = fixtures.join("escapes.json");
    let run = |args: &[&Path]| {
        let out = crate::support::command()
            .arg("check")
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .expect("run appraise check");
        let mut all = out.stdout.clone();
        all.extend_from_slice(&out.stderr);
        (out.status.code(), all)
    };
    let (code, out) = run(&[&report]);
    assert_eq!(code, Some(0), "{}", String::from_utf8_lossy(&out));
    check_no_hostile_bytes(&out, "check REPORT");
    assert!(!out.contains(&0x1b), "{}", String::from_utf8_lossy(&out));

    let scores = fixtures.join("escapes.scores.json");
    let (code, out) = run(&[&report, Path::new("--scores"), &scores]);
    assert_eq!(code, Some(0), "{}", String::from_utf8_lossy(&out));
    check_no_hostile_bytes(&out, "check REPORT --scores SCORES");
    assert!(!out.contains(&0x1b), "{}", String::from_utf8_lossy(&out));
    assert!(String::from_utf8_lossy(&out).contains("pwned-orphan"), "the orphan is named (safely)");

    let (code, out) = run(&[&fixtures.join("invalid-escapes.json")]);
    assert_eq!(code, Some(2), "{}", String::from_utf8_lossy(&out));
    assert!(!out.contains(&0x1b), "{}", String::from_utf8_lossy(&out));
    check_no_hostile_bytes(&out, "check INVALID");
}

// 5. A save that fails after start ----------------------------------------------------------

/// The scores file's directory is replaced by a regular file while the app runs (root may
/// write anywhere, so a read-only directory would not fail): saving fails, the edits stay on
/// screen and in the journal; with the directory back, the next retry saves them.
#[test]
fn a_directory_that_vanishes_fails_the_save_and_its_return_saves_again() {
    let sb = Sandbox::new();
    sb.copy_fixture(ENGLISH, ENGLISH);
    let dir = sb.join("work");
    std::fs::create_dir(&dir).unwrap();
    let scores = dir.join("review.scores.json");
    let mut app = sb.spawn_sized(&[ENGLISH, "--scores", "work/review.scores.json"], 200, 40);
    app.wait_for(&at(OBJECTIVES));
    app.key("3");
    app.wait_for("3/10");
    wait_json(&scores, "the first score", |v| entry(v, OBJECTIVES)["score"] == 3);
    app.wait_status("saved");

    let away = sb.join("work.away");
    std::fs::rename(&dir, &away).unwrap();
    std::fs::write(&dir, "a regular file where the directory was\n").unwrap();

    app.key("7");
    app.wait_for("7/10");
    let bar = app.wait_status("NOT SAVED");
    assert!(bar.contains("review.scores.json"), "the status bar names the file: {bar}");
    app.key("j");
    app.wait_for(&at(SUMMER));
    app.key("f");
    app.wait_for("⚑ needs follow-up");
    let screen = app.screen();
    assert!(screen.contains("7/10"), "the edit stays on screen:\n{screen}");
    assert!(app.status_bar().contains("NOT SAVED"), "{}", app.status_bar());
    assert!(app.is_running());
    // The journal (open before the move) holds the unsaved edits.
    let journal = std::fs::read_to_string(journal_of(&away.join("review.scores.json"))).unwrap_or_default();
    assert!(journal.contains(OBJECTIVES) && journal.contains(SUMMER), "journal: {journal:?}");
    assert_eq!(std::fs::read(&dir).unwrap(), b"a regular file where the directory was\n");
    assert_eq!(entry(&read_json(&away.join("review.scores.json")), OBJECTIVES)["score"], 3);

    // The directory comes back: the next retry (every 5 s) saves.
    std::fs::remove_file(&dir).unwrap();
    std::fs::rename(&away, &dir).unwrap();
    app.wait_until("Saved again", |s| s.contains("Saved again")).unwrap_or_else(|dump| panic!("{dump}"));
    let file = read_json(&scores);
    assert_eq!(entry(&file, OBJECTIVES)["score"], 7);
    assert_eq!(entry(&file, SUMMER)["flagged"], true);
    app.wait_status("saved");
    app.key("q");
    assert_eq!(app.wait_exit(), 0, "{}", app.output());
    assert_eq!(names_in(&dir), vec!["review.scores.json".to_string()], "journal, lock or temp files left");
}
