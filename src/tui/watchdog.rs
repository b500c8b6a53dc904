//! The last line of defence for the terminal going away. crossterm spins forever on a
//! terminal that has hung up (it reads end-of-file again and again), so the event loop may
//! never see the SIGHUP flag. This thread notices instead, gives the loop a moment to leave
//! by itself, then puts the terminal back, saves the way a restart would — the scores file
//! plus the journal, which holds every change that was on screen — and ends the process.

use crate::report::Report;
use crate::scores::Scores;
use crate::store::{FileId, keep_conflict, load_scores, remove_if_same, replay, save_scores};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// What the watchdog needs to save without the app.
pub struct Recovery {
    pub report: Arc<Report>,
    pub scores_path: PathBuf,
    /// The journal and its identity; `None` when read-only: there is nothing to save.
    pub journal: Option<(PathBuf, Option<FileId>)>,
    /// The lock file's identity: it is removed (if still ours) on the way out.
    pub lock_id: Option<FileId>,
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
                // The terminal first, in case the event loop never gets to it.
                super::terminal::restore();
                let code = if save(&recovery).is_ok() { 0 } else { 1 };
                // exit() runs no destructors: the lock goes with the process, its file goes here.
                remove_if_same(&crate::store::lock_path(&recovery.scores_path), recovery.lock_id);
                std::process::exit(code);
            }
        }
    });
}

/// Scores file + journal → scores file, as the next start would do.
fn save(r: &Recovery) -> Result<(), ()> {
    let Some((journal, journal_id)) = &r.journal else { return Ok(()) };
    let mut scores = match load_scores(&r.scores_path, &r.report) {
        Ok(Some(loaded)) => loaded.scores,
        Ok(None) => Scores::new(&r.report),
        Err(_) => return Err(()),
    };
    if scores.head.evaluator.is_none() {
        scores.head.evaluator = r.evaluator.clone();
    }
    let replayed = replay(journal, &r.report, &mut scores).map_err(|_| ())?;
    if let Some(theirs) = &replayed.theirs {
        // Both changed: the other program's side is kept, or nothing is saved over it.
        keep_conflict(&r.scores_path, &r.report, theirs, &replayed.conflicts).map_err(|_| ())?;
    }
    save_scores(&r.scores_path, &r.report, &scores).map_err(|_| ())?;
    remove_if_same(journal, *journal_id);
    Ok(())
}
