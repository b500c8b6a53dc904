//! The exporter: writes the scoring sheet on a thread of its own, so a large sheet (seconds at
//! 100k items) never holds up a key. One at a time: the app refuses a second while one runs.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};

use crate::report::Report;
use crate::scores::Scores;

/// Writes the sheet for these scores beside the scores file; says where, or why not.
pub type ExportFn = std::sync::Arc<dyn Fn(&Report, &Scores, &Path) -> Result<String, String> + Send + Sync>;

/// How an export went.
type Answer = Result<String, String>;

pub struct Exporter {
    export: ExportFn,
    /// Where the export under way will answer.
    running: Option<Receiver<Answer>>,
}

impl Exporter {
    pub fn new(
        export: impl Fn(&Report, &Scores, &Path) -> Result<String, String> + Send + Sync + 'static,
    ) -> Exporter {
        Exporter::shared(std::sync::Arc::new(export))
    }

    pub fn shared(export: ExportFn) -> Exporter {
        Exporter { export, running: None }
    }

    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Starts writing the sheet of `scores` (a snapshot, shared with the app).
    pub fn start(&mut self, report: Arc<Report>, scores: Arc<Scores>, scores_path: PathBuf) {
        let (tx, rx) = mpsc::channel();
        let export = std::sync::Arc::clone(&self.export);
        let answer = tx.clone();
        let worker = std::thread::Builder::new().name("exporter".into()).spawn(move || {
            let result = export(&report, &scores, &scores_path);
            // The sheet was built in memory and is dropped by now: give the pages back.
            crate::heap::release_free_memory();
            let _ = answer.send(result);
        });
        if let Err(e) = worker {
            let _ = tx.send(Err(crate::words::tui::EXPORT_CANNOT_START.fill(&[("why", &e)])));
        }
        self.running = Some(rx);
    }

    /// How the export went, once it has.
    pub fn try_done(&mut self) -> Option<Answer> {
        let answer = match self.running.as_ref()?.try_recv() {
            Ok(answer) => answer,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => Err(crate::words::tui::EXPORT_STOPPED.get().into()),
        };
        self.running = None;
        Some(answer)
    }

    /// Waits for an export under way to finish (on the way out, so its files are complete).
    pub fn finish(&mut self) {
        self.finish_unless(|| false);
    }

    /// [`finish`](Self::finish), unless `give_up` says to stop waiting (looked at every 50 ms);
    /// true when nothing is left running.
    pub fn finish_unless(&mut self, give_up: impl Fn() -> bool) -> bool {
        let Some(rx) = self.running.take() else { return true };
        loop {
            match rx.recv_timeout(std::time::Duration::from_millis(50)) {
                Err(mpsc::RecvTimeoutError::Timeout) if !give_up() => {}
                Err(mpsc::RecvTimeoutError::Timeout) => return false,
                Ok(_) | Err(mpsc::RecvTimeoutError::Disconnected) => return true,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::time::Duration;

    /// A one-item report and its empty scores.
    fn job() -> (Arc<Report>, Arc<Scores>) {
        let report = report();
        let scores = Arc::new(Scores::new(&report));
        (report, scores)
    }

    fn report() -> Arc<Report> {
        let json = br#"{"id": "r", "title": "T", "sections": [{"id": "s", "title": "S", "items": [{"id": "i", "text": "t"}]}]}"#;
        Arc::new(crate::report::parse_report(json.as_slice()).unwrap())
    }

    /// The answer, however long it takes: the worker answers or, gone, drops its sender (an
    /// answer too).
    fn wait(exporter: &mut Exporter) -> Answer {
        loop {
            if let Some(answer) = exporter.try_done() {
                return answer;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn answers_once_with_what_the_export_said() {
        let (report, scores) = job();
        let mut exporter =
            Exporter::new(|r, s, p| Ok(format!("{} {} {}", r.id, s.entries.len(), crate::text::shown(p))));
        assert!(!exporter.busy());
        exporter.start(Arc::clone(&report), Arc::clone(&scores), PathBuf::from("q.scores.json"));
        assert!(exporter.busy());
        assert_eq!(wait(&mut exporter), Ok("r 1 q.scores.json".to_string()));
        assert!(!exporter.busy());
        assert_eq!(exporter.try_done(), None);

        let mut failing = Exporter::new(|_, _, _| Err("disk full".into()));
        failing.start(report, scores, PathBuf::new());
        assert_eq!(wait(&mut failing), Err("disk full".to_string()));
    }

    #[test]
    fn a_panicking_export_is_an_error_not_a_hang() {
        let (report, scores) = job();
        let mut exporter = Exporter::new(|_, _, _| panic!("bug in the sheet"));
        exporter.start(report, scores, PathBuf::new());
        assert_eq!(wait(&mut exporter), Err("the export stopped unexpectedly".to_string()));
    }

    #[test]
    fn finishing_can_be_given_up() {
        let (report, scores) = job();
        // The export ends only when released, which the test does after finishing gave up: a
        // finish that waited for it would never return.
        let (release, held) = mpsc::channel::<()>();
        let held = Mutex::new(held);
        let mut exporter = Exporter::new(move |_, _, _| {
            let _ = held.lock().unwrap().recv();
            Ok(String::new())
        });
        exporter.start(report, scores, PathBuf::new());
        let asked = AtomicUsize::new(0);
        assert!(!exporter.finish_unless(|| asked.fetch_add(1, Ordering::SeqCst) == 2));
        assert_eq!(asked.load(Ordering::SeqCst), 3, "it gave up the first time it was told to");
        assert!(!exporter.busy());
        release.send(()).unwrap();
    }

    #[test]
    fn finish_waits_for_the_export_under_way() {
        let (report, scores) = job();
        let done = Arc::new(AtomicBool::new(false));
        let exported = Arc::clone(&done);
        let mut exporter = Exporter::new(move |_, _, _| {
            std::thread::sleep(Duration::from_millis(200));
            exported.store(true, Ordering::SeqCst);
            Ok(String::new())
        });
        exporter.start(report, scores, PathBuf::new());
        exporter.finish();
        assert!(done.load(Ordering::SeqCst), "finish returned before the export ended");
        assert!(!exporter.busy());
    }
}
