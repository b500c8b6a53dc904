//! Progress on long work (a large sheet, a PDF that `pdftotext` reads for seconds): a spinner
//! on stderr with what is being done and the time so far, drawn by `indicatif`. Only on a
//! terminal — never into a pipe or a file, never with `--quiet`, never on `TERM=dumb` — and only
//! once the work has taken a moment, so quick work shows nothing. It is gone before anything
//! else is printed.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

/// How long work goes on before the spinner shows.
const AFTER: Duration = Duration::from_millis(400);
/// How often the spinner turns.
const TICK: Duration = Duration::from_millis(120);

/// A spinner that may be showing; [`Progress::finish`] (or dropping it) takes it away.
pub struct Progress {
    shown: Option<Shown>,
}

struct Shown {
    bar: ProgressBar,
    done: Sender<()>,
    reveal: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts the spinner for `message` (in the interface's language), unless `quiet` or
    /// stderr is no terminal that can show it.
    pub fn start(message: String, quiet: bool) -> Progress {
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        if quiet || dumb || !std::io::stderr().is_terminal() {
            return Progress { shown: None };
        }
        let style = ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
            .with_style(style)
            .with_message(message);
        bar.enable_steady_tick(TICK);
        // Drawn only once the work has taken a moment.
        let (done, finished) = mpsc::channel::<()>();
        let later = bar.clone();
        let reveal = std::thread::Builder::new()
            .name("progress".into())
            .spawn(move || {
                if finished.recv_timeout(AFTER) == Err(RecvTimeoutError::Timeout) {
                    later.set_draw_target(ProgressDrawTarget::stderr());
                }
            })
            .ok();
        Progress { shown: Some(Shown { bar, done, reveal }) }
    }

    /// Says what is being done now (one document of many), in place of the message before.
    pub fn say(&self, message: String) {
        if let Some(shown) = &self.shown {
            shown.bar.set_message(message);
        }
    }

    /// Takes the spinner away (its line is cleared).
    pub fn finish(mut self) {
        self.clear();
    }

    fn clear(&mut self) {
        if let Some(mut shown) = self.shown.take() {
            let _ = shown.done.send(());
            if let Some(reveal) = shown.reveal.take() {
                let _ = reveal.join();
            }
            shown.bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
