//! The cost of the screen: open to first frame (parse + validate + App::new + one draw) against
//! parse + validate alone, and one frame after a move (j) at 120×40 and 240×70 on reports of
//! 100 and 100k items — the frame must cost the same at both sizes (everything drawn is
//! O(visible); totals are kept, not recomputed per frame).
//!
//!     cargo bench --bench frame
//!     cargo bench --bench frame -- --quick
//!
//! After criterion's figures it times the real binary (built with the bench's profile) from
//! launch to its first frame in a 120×40 pseudo-terminal: process start, reading the file,
//! parse + sha256, the scores, terminal set-up and the first draw (medians).
//!
//! A benchmark, not a test: it asserts nothing about time.

mod common;

use appraise::report::parse_report_unhashed;
use appraise::scores::Scores;
use appraise::tui::action::Action;
use appraise::tui::app::App;
use appraise::tui::view::ViewState;
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::hint::black_box;
use std::path::PathBuf;

fn app_for(json: &str, w: u16, h: u16) -> App {
    let report = parse_report_unhashed(json.as_bytes()).expect("generated reports are valid");
    let scores = common::scored(&report);
    App::new(report, scores, PathBuf::from("/dev/null"), Rect::new(0, 0, w, h))
}

/// A report of one item whose text has `chars` characters, in paragraphs, then a short one.
fn long_text_report(chars: usize) -> String {
    let clause = "提高全程网办率，强化政府网站运维，加强网络安全管理 service hotline 建立公开长效机制。";
    let mut text = String::new();
    for n in 1.. {
        if text.chars().count() >= chars {
            break;
        }
        text.push_str(clause);
        if n % 8 == 0 {
            text.push('\n');
        }
    }
    serde_json::json!({"id": "r", "title": "T", "sections": [{"id": "s", "title": "S", "items": [
        {"id": "long", "text": text}, {"id": "short", "text": "短"}]}]})
    .to_string()
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_after_move");
    for items in [100, 100_000] {
        let json = common::corpus(items);
        for (w, h) in [(120u16, 40u16), (240, 70)] {
            let mut app = app_for(&json, w, h);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let mut kept = ViewState::default();
            let mut down = true;
            group.bench_function(BenchmarkId::new(format!("{w}x{h}"), items), |b| {
                b.iter(|| {
                    // Walk down and back up so the cursor stays among real rows.
                    if app.update(if down { Action::NextItem } else { Action::PrevItem }).is_empty()
                        && app.message.is_some()
                    {
                        down = !down;
                    }
                    terminal.draw(|f| appraise::tui::frame(black_box(&mut app), &mut kept, f)).unwrap();
                })
            });
        }
    }
    group.finish();

    // One item whose text is long (a chapter pasted into one item): a scroll and a frame must
    // not cost its length — the wrapped lines are kept, a frame copies out the rows in view.
    let mut group = c.benchmark_group("scroll_long_text");
    for chars in [1_000usize, 20_000, 200_000] {
        let mut app = app_for(&long_text_report(chars), 120, 40);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        let mut kept = ViewState::default();
        terminal.draw(|f| appraise::tui::frame(&mut app, &mut kept, f)).unwrap();
        let mut down = true;
        group.bench_function(BenchmarkId::new("120x40", chars), |b| {
            b.iter(|| {
                let before = app.text_scroll;
                app.update(if down { Action::HalfPageDown } else { Action::HalfPageUp });
                if app.text_scroll == before {
                    down = !down;
                }
                terminal.draw(|f| appraise::tui::frame(black_box(&mut app), &mut kept, f)).unwrap();
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("open");
    for items in common::sizes() {
        let json = common::corpus(items);
        group.sample_size(common::samples(items));
        // Each run gets the file's bytes to keep, as the app hands over what it read (the copy
        // is made outside the timing).
        let bytes = || json.as_bytes().to_vec();
        group.bench_function(BenchmarkId::new("parse_validate", items), |b| {
            b.iter_batched(
                bytes,
                |owned| parse_report_unhashed(black_box(owned)).unwrap(),
                BatchSize::LargeInput,
            )
        });
        group.bench_function(BenchmarkId::new("first_frame", items), |b| {
            b.iter_batched(
                bytes,
                |owned| {
                    let report = parse_report_unhashed(black_box(owned)).unwrap();
                    let scores = Scores::new(&report);
                    let mut app =
                        App::new(report, scores, PathBuf::from("/dev/null"), Rect::new(0, 0, 120, 40));
                    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
                    let mut kept = ViewState::default();
                    terminal.draw(|f| appraise::tui::frame(&mut app, &mut kept, f)).unwrap();
                    app
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, frames);

/// Launch to first frame of the real binary, per report size.
fn real_binary() {
    let rounds = if common::quick() { 3 } else { 9 };
    let dir = tempfile::tempdir().expect("temp dir");
    println!("\nthe real binary, launch to first frame in a 120×40 pty (medians of {rounds})");
    println!("{:>7} {:>7} {:>15}", "items", "MB", "first frame ms");
    for n in common::sizes() {
        let report = dir.path().join(format!("r{n}.json"));
        let json = common::corpus(n);
        std::fs::write(&report, &json).expect("write corpus");
        let _ = launch_ms(&report, dir.path()); // warm-up: the file in the page cache
        let mut runs: Vec<f64> = (0..rounds).map(|_| launch_ms(&report, dir.path())).collect();
        println!("{n:>7} {:>7.1} {:>15.1}", json.len() as f64 / 1e6, common::median(&mut runs));
    }
}

/// Starts the app on `report` (fresh scores in `dir`), times until its title is on the screen,
/// then quits it.
fn launch_ms(report: &std::path::Path, dir: &std::path::Path) -> f64 {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let scores = dir.join("scores.json");
    for path in [scores.clone(), dir.join("scores.json.journal"), dir.join("scores.json.lock")] {
        let _ = std::fs::remove_file(path);
    }
    let pair = native_pty_system()
        .openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_appraise"));
    cmd.arg("--scores");
    cmd.arg(&scores);
    cmd.arg(report);
    cmd.env("XDG_DATA_HOME", dir);
    cmd.env("XDG_CONFIG_HOME", dir);
    cmd.env("TERM", "xterm-256color");
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mut writer = pair.master.take_writer().expect("pty writer");
    let start = std::time::Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("start appraise");
    drop(pair.slave);
    let (mut seen, mut buf) = (Vec::new(), vec![0u8; 1 << 16]);
    let title = b"Generated report";
    let mut first_frame = f64::NAN;
    while let Ok(n) = reader.read(&mut buf) {
        if n == 0 {
            break;
        }
        seen.extend_from_slice(&buf[..n]);
        if first_frame.is_nan() && seen.windows(title.len()).any(|w| w == title) {
            first_frame = common::ms(start.elapsed());
            let _ = writer.write_all(b"q");
            let _ = writer.flush();
        }
        if !first_frame.is_nan() && child.try_wait().ok().flatten().is_some() {
            break;
        }
    }
    let _ = child.wait();
    first_frame
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    if common::benchmarking() {
        real_binary();
    }
}
