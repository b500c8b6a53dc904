//! The search worker: a thread that owns the search index and answers queries, so typing in
//! the search box never waits for matching. Only the newest request matters: older queued
//! ones are skipped and a running one is cancelled as soon as a newer one arrives. When the
//! query only grows, the worker searches just the previous hits.

use super::app::SearchRequest;
use crate::report::{Node, Report};
use crate::search::{Hit, Index, Query, search};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    answers: Receiver<(u64, Vec<Hit>)>,
    /// Generation of the newest request, read by the running search to notice it is stale.
    newest: Arc<AtomicU64>,
}

impl SearchWorker {
    /// Starts the worker; it builds the index at once, off the UI thread.
    pub fn spawn(report: Arc<Report>) -> SearchWorker {
        let (requests, inbox) = mpsc::channel::<SearchRequest>();
        let (outbox, answers) = mpsc::channel();
        let newest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&newest);
        thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(&report, &inbox, &outbox, &seen))
            .expect("spawning the search thread");
        SearchWorker { requests, answers, newest }
    }

    pub fn request(&self, request: SearchRequest) {
        self.newest.store(request.generation, Ordering::SeqCst);
        // A closed channel means the worker died; the search box then just shows no answers.
        let _ = self.requests.send(request);
    }

    /// The newest answer that has arrived, if any.
    pub fn try_answer(&self) -> Option<(u64, Vec<Hit>)> {
        let mut latest = None;
        loop {
            match self.answers.try_recv() {
                Ok(answer) => latest = Some(answer),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return latest,
            }
        }
    }
}

/// The last completed search, for narrowing the next one.
struct Previous {
    query: Query,
    notes: Arc<Vec<(usize, String)>>,
    nodes: Vec<Node>,
}

fn serve(
    report: &Report,
    inbox: &Receiver<SearchRequest>,
    outbox: &Sender<(u64, Vec<Hit>)>,
    newest: &AtomicU64,
) {
    let index = Index::new(report);
    let mut last: Option<Previous> = None;
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let query = Query::parse(&request.query);
        if query.is_empty() {
            last = None;
            if outbox.send((request.generation, Vec::new())).is_err() {
                return;
            }
            continue;
        }
        let within = last
            .as_ref()
            .filter(|p| query.narrows(&p.query) && *p.notes == *request.notes)
            .map(|p| p.nodes.as_slice());
        let generation = request.generation;
        let stale = || newest.load(Ordering::Relaxed) != generation;
        let Some(hits) = search(report, &index, &request.notes, &query, within, &stale) else { continue };
        let nodes = hits.iter().map(|h| h.node).collect();
        last = Some(Previous { query, notes: Arc::clone(&request.notes), nodes });
        if outbox.send((generation, hits)).is_err() {
            return;
        }
    }
}
