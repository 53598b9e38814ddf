//! Background work: importing articles on a named thread, with progress the status bar
//! reads and a repaint request when done.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crate::article::ArticleId;
use crate::session::{ImportFailure, ImportOutcome, import_paths};

/// Progress bars appear only for imports that take longer than this.
const SHOW_PROGRESS_AFTER: Duration = Duration::from_millis(300);

/// An import running on its own thread.
#[derive(Debug)]
pub struct ImportJob {
    receiver: Receiver<ImportOutcome>,
    done: Arc<AtomicUsize>,
    total: usize,
    started: Instant,
}

impl ImportJob {
    /// Starts importing `paths` (article ids from `first_id`); `repaint` is called when the
    /// job finishes so the UI picks the result up.
    pub fn start(
        paths: Vec<PathBuf>,
        first_id: ArticleId,
        repaint: impl Fn() + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        let done = Arc::new(AtomicUsize::new(0));
        let total = paths.len();
        let progress = Arc::clone(&done);
        let spawned = std::thread::Builder::new().name("import".into()).spawn({
            let paths = paths.clone();
            move || {
                let outcome = import_paths(&paths, first_id, |n, _| {
                    progress.store(n, Ordering::Relaxed);
                });
                let _ = sender.send(outcome);
                repaint();
            }
        });
        if let Err(err) = spawned {
            // No thread: report every file as failed rather than losing the request.
            let (sender, fallback) = mpsc::channel();
            let failures = paths
                .into_iter()
                .map(|path| ImportFailure {
                    message: format!(
                        "could not start the import thread: {err}: {}",
                        path.display()
                    ),
                    path,
                })
                .collect();
            let _ = sender.send(ImportOutcome {
                imported: Vec::new(),
                failures,
                warnings: Vec::new(),
            });
            return Self {
                receiver: fallback,
                done,
                total,
                started: Instant::now(),
            };
        }
        Self {
            receiver,
            done,
            total,
            started: Instant::now(),
        }
    }

    /// The outcome, once finished. `Some` at most once, unless the thread died.
    pub fn poll(&self) -> Option<ImportOutcome> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(ImportOutcome::default()),
        }
    }

    /// Blocks until the job ends (tests and shutdown).
    pub fn wait(&self) -> ImportOutcome {
        self.receiver.recv().unwrap_or_default()
    }

    /// `(files done, files in all)`.
    pub fn progress(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed), self.total)
    }

    /// True once the job has run long enough to deserve a progress bar.
    pub fn is_slow(&self) -> bool {
        self.started.elapsed() >= SHOW_PROGRESS_AFTER
    }
}
