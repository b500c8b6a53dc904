//! The last line of defence for the terminal going away. crossterm spins forever on a
//! terminal that has hung up (it reads end-of-file again and again), so the event loop may
//! never see the SIGHUP flag. This thread notices instead, gives the loop a moment to leave
//! by itself, then saves the way a restart would — the scores file plus the journal, which
//! holds every change that was on screen — and ends the process.

use crate::report::Report;
use crate::scores::Scores;
use crate::store::{load_scores, replay, save_scores};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What the watchdog needs to save without the app.
pub struct Recovery {
    pub report: Arc<Report>,
    pub scores_path: PathBuf,
    /// `None` when read-only: there is nothing to save.
    pub journal_path: Option<PathBuf>,
    pub evaluator: Option<String>,
}

/// How long the event loop gets to leave by itself.
const GRACE: Duration = Duration::from_millis(1500);

/// Watches until `done` (the event loop has returned and the app is leaving by itself).
pub fn spawn(recovery: Recovery, stop: Arc<AtomicBool>, done: Arc<AtomicBool>, hung_up: fn() -> bool) {
    let _ = std::thread::Builder::new().name("watchdog".into()).spawn(move || {
        let mut since: Option<Instant> = None;
        loop {
            std::thread::sleep(Duration::from_millis(250));
            if done.load(Ordering::SeqCst) {
                return;
            }
            if since.is_none() && (hung_up() || stop.load(Ordering::SeqCst)) {
                since = Some(Instant::now());
                stop.store(true, Ordering::SeqCst);
            }
            if since.is_some_and(|t| t.elapsed() > GRACE) {
                let code = if save(&recovery).is_ok() { 0 } else { 1 };
                // exit() runs no destructors: the lock goes with the process, its file goes here.
                if recovery.journal_path.is_some() {
                    let _ = std::fs::remove_file(crate::store::lock_path(&recovery.scores_path));
                }
                std::process::exit(code);
            }
        }
    });
}

/// Scores file + journal → scores file, as the next start would do.
fn save(r: &Recovery) -> Result<(), ()> {
    let Some(journal) = &r.journal_path else { return Ok(()) };
    let mut scores = match load_scores(&r.scores_path, &r.report) {
        Ok(Some(loaded)) => loaded.scores,
        Ok(None) => Scores::new(&r.report),
        Err(_) => return Err(()),
    };
    if scores.evaluator.is_none() {
        scores.evaluator = r.evaluator.clone();
    }
    replay(journal, &r.report, &mut scores).map_err(|_| ())?;
    save_scores(&r.scores_path, &r.report, &scores).map_err(|_| ())?;
    let _ = std::fs::remove_file(journal);
    Ok(())
}
