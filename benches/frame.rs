//! The cost of the screen: open to first frame (parse + validate + App::new + one draw) against
//! parse + validate alone, and one frame after a move (j) at 120×40 and 240×70 on reports of
//! 100 and 100k items — the frame must cost the same at both sizes (everything drawn is
//! O(visible); totals are kept, not recomputed per frame).
//!
//!     cargo bench --bench frame
//!     cargo bench --bench frame -- --quick
//!
//! A benchmark, not a test: it asserts nothing about time.

mod common;

use appraise::report::parse_report_unhashed;
use appraise::scores::Scores;
use appraise::tui::action::Action;
use appraise::tui::app::App;
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

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_after_move");
    for items in [100, 100_000] {
        let json = common::corpus(items);
        for (w, h) in [(120u16, 40u16), (240, 70)] {
            let mut app = app_for(&json, w, h);
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let mut down = true;
            group.bench_function(BenchmarkId::new(format!("{w}x{h}"), items), |b| {
                b.iter(|| {
                    // Walk down and back up so the cursor stays among real rows.
                    if app.update(if down { Action::NextItem } else { Action::PrevItem }).is_none()
                        && app.message.is_some()
                    {
                        down = !down;
                    }
                    terminal.draw(|f| appraise::tui::view::draw(black_box(&app), f)).unwrap();
                })
            });
        }
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
                    let app = App::new(report, scores, PathBuf::from("/dev/null"), Rect::new(0, 0, 120, 40));
                    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
                    terminal.draw(|f| appraise::tui::view::draw(&app, f)).unwrap();
                    app
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, frames);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
