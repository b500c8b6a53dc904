//! The list's view of the folder, kept current off the event loop: a worker thread that, each
//! time it is asked to look, compares the folder's files with what it saw last (name, size,
//! modification time, inode) and reads again only what changed — the scores files alone when
//! only they changed, the documents and settings (imports included) when those did — then
//! sends the rows as they are now. The list asks about once a second while it is on screen, and
//! never while a report is being reviewed.

use crate::evaluation::{self, Evaluation, Prepared, ReportStatus};
use crate::store::folder::{self, Kind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::SystemTime;

/// What the worker tells the list.
#[derive(Debug)]
pub enum News {
    /// Reading or importing document `k` (from 0) of `n`.
    Progress { k: usize, n: usize, name: String },
    /// Every report as it is now.
    Rows(Vec<ReportStatus>),
    /// The folder cannot be read as an evaluation now (its settings broken, the folder gone):
    /// one sentence; the list keeps what it had.
    Failed(String),
}

/// The worker's handle: ask it to look, take its news.
pub struct Refresher {
    ask: Sender<()>,
    news: Receiver<News>,
}

impl Refresher {
    /// Starts following the evaluation in `dir`; the first look reads everything.
    pub fn spawn(dir: PathBuf) -> Refresher {
        let (ask, asked) = mpsc::channel::<()>();
        let (tell, news) = mpsc::channel();
        std::thread::Builder::new()
            .name("appraise-list".into())
            .spawn(move || {
                let mut folder = Followed::new(dir);
                while asked.recv().is_ok() {
                    while asked.try_recv().is_ok() {} // many asks, one look
                    if !folder.look(&tell) {
                        return; // the list has gone
                    }
                }
            })
            .expect("a thread can be started");
        Refresher { ask, news }
    }

    /// Asks for a look (answered only when something changed).
    pub fn look(&self) {
        let _ = self.ask.send(());
    }

    /// The news that has come, oldest first.
    pub fn news(&self) -> Vec<News> {
        let mut out = Vec::new();
        loop {
            match self.news.try_recv() {
                Ok(n) => out.push(n),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return out,
            }
        }
    }
}

/// One file as last seen.
type Seen = (String, u64, Option<SystemTime>, u64);

/// What the worker keeps between looks.
struct Followed {
    dir: PathBuf,
    documents: Option<Vec<Seen>>,
    scores: Option<Vec<Seen>>,
    eval: Option<Evaluation>,
    prepared: Vec<Prepared>,
}

impl Followed {
    fn new(dir: PathBuf) -> Followed {
        Followed { dir, documents: None, scores: None, eval: None, prepared: Vec::new() }
    }

    /// Looks at the folder; sends what changed. False when nobody listens any more.
    fn look(&mut self, tell: &Sender<News>) -> bool {
        let (documents, scores) = match seen(&self.dir, self.eval.as_ref()) {
            Ok(seen) => seen,
            Err(why) => return tell.send(News::Failed(why)).is_ok(),
        };
        let documents_changed = self.documents.as_ref() != Some(&documents);
        if !documents_changed && self.scores.as_ref() == Some(&scores) {
            return true;
        }
        if documents_changed {
            let eval = match Evaluation::open(&self.dir) {
                Ok(eval) => eval,
                Err(e) => return tell.send(News::Failed(e.to_string())).is_ok(),
            };
            let mut gone = false;
            self.prepared = evaluation::prepare(&eval, &mut |k, n, name| {
                gone |= tell.send(News::Progress { k, n, name: name.to_string() }).is_err();
            });
            if gone {
                return false;
            }
            // The rubric named in the settings is followed from now on.
            self.eval = Some(eval);
            self.documents = seen(&self.dir, self.eval.as_ref()).ok().map(|(d, _)| d).or(Some(documents));
        }
        self.scores = Some(scores);
        let Some(eval) = &self.eval else { return true };
        let rows =
            evaluation::status(&self.prepared, eval.settings.method(), eval.settings.disagree_percent());
        tell.send(News::Rows(rows)).is_ok()
    }
}

/// The folder's files as they are now: the documents, settings and rubric; and the scores files.
fn seen(dir: &Path, eval: Option<&Evaluation>) -> Result<(Vec<Seen>, Vec<Seen>), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        crate::words::errors::CANNOT_READ
            .fill(&[("path", &crate::text::shown(dir)), ("why", &crate::io_error::message(&e))])
    })?;
    let (mut documents, mut scores) = (Vec::new(), Vec::new());
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let kind = folder::kind(&name);
        if !matches!(kind, Kind::Scores | Kind::Panel | Kind::Other) || name.starts_with('.') {
            continue;
        }
        let seen = stat(&entry.path(), name);
        if kind == Kind::Other { documents.push(seen) } else { scores.push(seen) }
    }
    // A rubric outside the folder is followed too.
    if let Some(rubric) = eval.and_then(|e| e.settings.rubric_in(dir)) {
        documents.push(stat(&rubric, rubric.to_string_lossy().into_owned()));
    }
    documents.sort();
    scores.sort();
    Ok((documents, scores))
}

fn stat(path: &Path, name: String) -> Seen {
    match std::fs::metadata(path) {
        Ok(m) => {
            #[cfg(unix)]
            let ino = std::os::unix::fs::MetadataExt::ino(&m);
            #[cfg(not(unix))]
            let ino = 0;
            (name, m.len(), m.modified().ok(), ino)
        }
        Err(_) => (name, 0, None, 0),
    }
}
