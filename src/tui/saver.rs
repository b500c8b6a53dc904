//! The saver: a thread that writes the scores file, so autosave never holds up a key. Every
//! write goes through it, in order — an explicit save (Ctrl-s, quit, a signal) just waits for
//! its own turn — so an older snapshot can never land after a newer one. It writes through the
//! [`Writer`], which merges what another program changed in the file meanwhile.

use crate::scores::Scores;
use crate::store::{Outcome, Writer};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};

struct Job {
    id: u64,
    scores: Arc<Scores>,
}

/// The answer to a save: which job, and how it went.
pub struct Done {
    pub id: u64,
    pub result: Result<Outcome, String>,
}

pub struct Saver {
    jobs: Sender<Job>,
    done: Receiver<Done>,
    next_id: u64,
    /// The job being written, if any.
    pub in_flight: Option<u64>,
}

impl Saver {
    /// The saver thread, writing through `writer` (shared, so a last save after a crash of the
    /// event loop can still use it).
    pub fn spawn(writer: Arc<Mutex<Writer>>) -> Saver {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, done) = mpsc::channel();
        let _ = std::thread::Builder::new().name("saver".into()).spawn(move || {
            while let Ok(job) = inbox.recv() {
                let result = writer.lock().unwrap_or_else(PoisonError::into_inner).save(&job.scores);
                if outbox.send(Done { id: job.id, result }).is_err() {
                    return;
                }
            }
        });
        Saver { jobs, done, next_id: 0, in_flight: None }
    }

    /// Starts writing `scores` (a snapshot); returns the job's id.
    pub fn start(&mut self, scores: Arc<Scores>) -> u64 {
        self.next_id += 1;
        let id = self.next_id;
        if self.jobs.send(Job { id, scores }).is_err() {
            // The thread is gone (it cannot be, short of a bug): say so through the answer.
            return id;
        }
        self.in_flight = Some(id);
        id
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
    pub fn wait(&mut self, id: u64) -> Result<Outcome, String> {
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
                Err(_) => return Err(crate::words::tui::SAVER_STOPPED.get().into()),
            }
        }
    }
}
