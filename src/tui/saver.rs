//! The saver: a thread that writes the scores file, so autosave never holds up a key. Every
//! write goes through it, in order — an explicit save (Ctrl-s, quit, a signal) just waits for
//! its own turn — so an older snapshot can never land after a newer one. It writes through the
//! [`Writer`], which merges what another program changed in the file meanwhile.

use crate::scores::Scores;
use crate::store::{Outcome, SaveError, Writer};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};

struct Job {
    id: u64,
    scores: Arc<Scores>,
    /// Only look whether another program changed the file (`Writer::look`); write nothing.
    look: bool,
}

/// The answer to a job: which one, whether it was a look, and how it went.
pub struct Done {
    pub id: u64,
    pub look: bool,
    pub result: Result<Outcome, SaveError>,
}

pub struct Saver {
    jobs: Sender<Job>,
    done: Receiver<Done>,
    /// What the thread writes through, kept to start it again if it is gone.
    writer: Arc<Mutex<Writer>>,
    next_id: u64,
    /// The job being written, if any.
    pub in_flight: Option<u64>,
}

/// Starts the thread; its job queue and its answers.
fn thread(writer: Arc<Mutex<Writer>>) -> (Sender<Job>, Receiver<Done>) {
    let (jobs, inbox) = mpsc::channel::<Job>();
    let (outbox, done) = mpsc::channel();
    // A thread that cannot be started shows as a closed queue: `start` says so.
    let _ = std::thread::Builder::new().name("saver".into()).spawn(move || {
        while let Ok(job) = inbox.recv() {
            let mut writer = writer.lock().unwrap_or_else(PoisonError::into_inner);
            let result = if job.look { writer.look(&job.scores) } else { writer.save(&job.scores) };
            drop(writer);
            if outbox.send(Done { id: job.id, look: job.look, result }).is_err() {
                return;
            }
        }
    });
    (jobs, done)
}

impl Saver {
    /// The saver thread, writing through `writer` (shared, so a last save after a crash of the
    /// event loop can still use it).
    pub fn spawn(writer: Arc<Mutex<Writer>>) -> Saver {
        let (jobs, done) = thread(Arc::clone(&writer));
        Saver { jobs, done, writer, next_id: 0, in_flight: None }
    }

    /// Starts writing `scores` (a snapshot); returns the job's id. A thread that is gone (it
    /// panicked) is started again first; `Err` when even that fails.
    pub fn start(&mut self, scores: Arc<Scores>) -> Result<u64, SaveError> {
        self.send(scores, false)
    }

    /// Starts a look at the file for another program's changes (see `Writer::look`).
    pub fn look(&mut self, scores: Arc<Scores>) -> Result<u64, SaveError> {
        self.send(scores, true)
    }

    fn send(&mut self, scores: Arc<Scores>, look: bool) -> Result<u64, SaveError> {
        self.next_id += 1;
        let id = self.next_id;
        let job = match self.jobs.send(Job { id, scores, look }) {
            Ok(()) => {
                self.in_flight = Some(id);
                return Ok(id);
            }
            Err(mpsc::SendError(job)) => job,
        };
        (self.jobs, self.done) = thread(Arc::clone(&self.writer));
        self.jobs.send(job).map_err(|_| SaveError::SaverGone)?;
        self.in_flight = Some(id);
        Ok(id)
    }

    /// An answer that has arrived, without waiting.
    pub fn try_done(&mut self) -> Option<Done> {
        let done = self.done.try_recv().ok()?;
        if self.in_flight == Some(done.id) {
            self.in_flight = None;
        }
        Some(done)
    }

    /// Waits for job `id` (and any before it) to be written; the outcomes of the ones before
    /// it are merged in (another program's changes they met must still reach the app).
    pub fn wait(&mut self, id: u64) -> Result<Outcome, SaveError> {
        let mut met = Outcome::default();
        loop {
            match self.done.recv() {
                Ok(done) => {
                    if let Ok(outcome) = &done.result {
                        met.absorb(outcome.clone());
                    }
                    if done.id == id {
                        self.in_flight = None;
                        return done.result.map(|_| met);
                    }
                }
                Err(_) => {
                    self.in_flight = None;
                    return Err(SaveError::SaverGone);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::parse_report;

    #[test]
    fn a_saver_whose_thread_is_gone_is_started_again_and_saves() {
        let report = Arc::new(parse_report(include_bytes!("../../fixtures/english-sample.json")).unwrap());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.scores.json");
        let writer = Arc::new(Mutex::new(Writer::new(path.clone(), Arc::clone(&report), None)));
        let mut saver = Saver::spawn(writer);
        // The thread is gone: its queue has no reader.
        saver.jobs = mpsc::channel().0;
        let mut scores = Scores::new(&report);
        scores.entries[0].score = Some(5.0);
        let id = saver.start(Arc::new(scores)).expect("started again");
        saver.wait(id).expect("saved");
        assert!(std::fs::read_to_string(&path).unwrap().contains("\"score\": 5"));
    }
}
