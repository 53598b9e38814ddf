//! Background work on named threads, with progress the status bar reads, a cancel flag,
//! and a repaint request when done: imports ([`ImportJob`]) and file work such as opening,
//! saving, re-extracting and exporting ([`Task`]).
//!
//! A thread that dies is reported as such, never taken for an empty success: an import
//! keeps what it finished and names the files it never reached.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::article::ArticleId;
use crate::session::{
    ImportFailure, ImportOutcome, ImportedFile, import_file, import_in_order_with,
};

/// Progress bars appear only for work that takes longer than this.
const SHOW_PROGRESS_AFTER: Duration = Duration::from_millis(300);

/// Reads one file into articles (the real one is [`import_file`]; tests give others).
pub type Importer = fn(&std::path::Path, ArticleId) -> Result<ImportedFile, ImportFailure>;

/// An import running on its own thread.
#[derive(Debug)]
pub struct ImportJob {
    receiver: Receiver<ImportOutcome>,
    /// What the thread finished so far, so a thread that dies loses nothing it had done.
    partial: Arc<Mutex<ImportOutcome>>,
    paths: Vec<PathBuf>,
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    /// The thread could not be started: every file already has its failure.
    never_started: bool,
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
        Self::start_with(paths, first_id, import_file, repaint)
    }

    /// [`Self::start`] with the per-file reader as a parameter.
    pub fn start_with(
        paths: Vec<PathBuf>,
        first_id: ArticleId,
        importer: Importer,
        repaint: impl Fn() + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        let mut job = Self {
            receiver,
            partial: Arc::default(),
            paths: paths.clone(),
            done: Arc::default(),
            cancel: Arc::default(),
            never_started: false,
            started: Instant::now(),
        };
        let partial = Arc::clone(&job.partial);
        let done = Arc::clone(&job.done);
        let cancel = Arc::clone(&job.cancel);
        let spawned = std::thread::Builder::new()
            .name("import".into())
            .spawn(move || {
                // Repaint however the thread ends, so a dead thread is noticed at once;
                // before the sender is dropped, which `wait` waits for.
                let sender = sender;
                let _repaint = OnDrop(Some(repaint));
                // Files run on every core and come back in the order given.
                let handed = import_in_order_with(
                    &paths,
                    first_id,
                    0,
                    importer,
                    &cancel,
                    |index, result| {
                        let mut outcome = lock(&partial);
                        match result {
                            Ok(file) => {
                                outcome.imported.extend(file.articles);
                                outcome.warnings.extend(file.warnings);
                            }
                            Err(failure) => outcome.failures.push(failure),
                        }
                        drop(outcome);
                        done.store(index + 1, Ordering::Relaxed);
                    },
                );
                if handed < paths.len() {
                    lock(&partial).skipped = paths[handed..].to_vec();
                }
                let outcome = std::mem::take(&mut *lock(&partial));
                let _ = sender.send(outcome);
            });
        if let Err(err) = spawned {
            // No thread: report every file as failed rather than losing the request.
            job.never_started = true;
            let mut outcome = lock(&job.partial);
            outcome.failures = job
                .paths
                .iter()
                .map(|path| ImportFailure {
                    message: format!(
                        "Could not start importing (the system refused a new thread: {err}): {}",
                        path.display()
                    ),
                    path: path.clone(),
                })
                .collect();
            drop(outcome);
        }
        job
    }

    /// The outcome, once finished. A thread that died gives what it finished plus a
    /// failure for every file it did not reach.
    pub fn poll(&self) -> Option<ImportOutcome> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(self.salvage()),
        }
    }

    /// Blocks until the job ends and its thread has asked for the repaint (tests and
    /// shutdown).
    pub fn wait(&self) -> ImportOutcome {
        let outcome = self.receiver.recv().unwrap_or_else(|_| self.salvage());
        while self.receiver.recv().is_ok() {}
        outcome
    }

    /// What a dead thread left: its finished files, and a failure for each file after.
    fn salvage(&self) -> ImportOutcome {
        let mut outcome = std::mem::take(&mut *lock(&self.partial));
        if self.never_started {
            // The failures already say why no file was read.
            return outcome;
        }
        let reached = self.done().min(self.paths.len());
        for path in &self.paths[reached..] {
            outcome.failures.push(ImportFailure {
                path: path.clone(),
                message: format!(
                    "The import stopped unexpectedly before this file was done; it was not \
                     imported: {}",
                    path.display()
                ),
            });
        }
        outcome
    }

    fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    /// Asks the import to stop after the file it is reading; the files it has not begun
    /// are listed as skipped.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// True once [`Self::cancel`] was asked.
    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// `(files done, files in all)`.
    pub fn progress(&self) -> (usize, usize) {
        (self.done(), self.paths.len())
    }

    /// True once the job has run long enough to deserve a progress bar.
    pub fn is_slow(&self) -> bool {
        self.started.elapsed() >= SHOW_PROGRESS_AFTER
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Calls its function when dropped (also while a thread unwinds).
struct OnDrop<F: FnOnce()>(Option<F>);

impl<F: FnOnce()> Drop for OnDrop<F> {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            f();
        }
    }
}

/// How far a [`Task`] has come, in whatever unit it counts (bytes, articles).
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    cancel: AtomicBool,
}

impl Progress {
    /// Records `done` of `total`.
    pub fn set(&self, done: u64, total: u64) {
        self.done.store(done, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    /// The fraction done, when the total is known.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        (total > 0)
            .then(|| (self.done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32)
    }

    /// True once the user asked to cancel.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The flag a cancel sets, for work that checks it itself.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }
}

/// One piece of file work on its own thread, ending in a `T`.
#[derive(Debug)]
pub struct Task<T> {
    receiver: Receiver<T>,
    /// The end, once it came (kept here so checking does not lose it; boxed, as a result
    /// can be a whole session).
    end: std::cell::OnceCell<Box<TaskEnd<T>>>,
    progress: Arc<Progress>,
    started: Instant,
}

/// How a [`Task`] ended.
#[derive(Debug)]
pub enum TaskEnd<T> {
    /// It finished with this.
    Done(T),
    /// Its thread died (or could not start) without a result.
    Died,
}

impl<T: Send + 'static> Task<T> {
    /// Runs `work` on a thread called `name`; `repaint` is called when it ends.
    pub fn spawn(
        name: &str,
        work: impl FnOnce(&Progress) -> T + Send + 'static,
        repaint: impl Fn() + Send + 'static,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        let progress = Arc::new(Progress::default());
        let shared = Arc::clone(&progress);
        let _ = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // Declared in this order so the repaint is asked for (also when `work`
                // panics) before the sender is dropped: `block` waits for that.
                let sender = sender;
                let _repaint = OnDrop(Some(repaint));
                let _ = sender.send(work(&shared));
            });
        Self {
            receiver,
            end: std::cell::OnceCell::new(),
            progress,
            started: Instant::now(),
        }
    }

    /// True once the task has ended (with a result, or by dying).
    pub fn is_done(&self) -> bool {
        if self.end.get().is_some() {
            return true;
        }
        let end = match self.receiver.try_recv() {
            Ok(value) => TaskEnd::Done(value),
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => TaskEnd::Died,
        };
        let _ = self.end.set(Box::new(end));
        true
    }

    /// Waits until the task has ended and its thread has asked for the repaint (tests,
    /// shutdown), so that request never lands in a later frame.
    pub fn block(&self) {
        if self.end.get().is_none() {
            let end = self.receiver.recv().map_or(TaskEnd::Died, TaskEnd::Done);
            let _ = self.end.set(Box::new(end));
        }
        while self.receiver.recv().is_ok() {}
    }

    /// How the task ended, waiting for it if it has not.
    pub fn last(self) -> TaskEnd<T> {
        self.block();
        self.end.into_inner().map_or(TaskEnd::Died, |end| *end)
    }

    /// The fraction done, when known.
    pub fn fraction(&self) -> Option<f32> {
        self.progress.fraction()
    }

    /// Asks the work to stop (it checks [`Progress::cancelled`]).
    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }

    /// True once [`Self::cancel`] was asked.
    pub fn is_cancelling(&self) -> bool {
        self.progress.cancelled()
    }

    /// True once the task has run long enough to deserve a progress bar.
    pub fn is_slow(&self) -> bool {
        self.started.elapsed() >= SHOW_PROGRESS_AFTER
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    fn ok_importer(path: &std::path::Path, id: ArticleId) -> Result<ImportedFile, ImportFailure> {
        Ok(ImportedFile {
            articles: vec![crate::session::ImportedArticle {
                article: Article::from_text(id, path.display().to_string()),
                statements: Vec::new(),
            }],
            warnings: Vec::new(),
        })
    }

    fn dying_importer(
        path: &std::path::Path,
        id: ArticleId,
    ) -> Result<ImportedFile, ImportFailure> {
        assert!(!path.ends_with("dies.txt"), "the import thread dies here");
        ok_importer(path, id)
    }

    #[test]
    fn a_dead_import_thread_is_reported_and_keeps_what_it_finished() {
        let paths: Vec<PathBuf> = ["a.txt", "dies.txt", "c.txt"]
            .iter()
            .map(PathBuf::from)
            .collect();
        let job = ImportJob::start_with(paths, ArticleId(0), dying_importer, || {});
        let outcome = job.wait();
        assert_eq!(
            outcome.imported.len(),
            1,
            "the file before the crash landed"
        );
        let failed: Vec<_> = outcome.failures.iter().map(|f| f.path.clone()).collect();
        assert_eq!(failed, [PathBuf::from("dies.txt"), PathBuf::from("c.txt")]);
        assert!(outcome.failures[0].message.contains("stopped unexpectedly"));
    }

    #[test]
    fn a_cancelled_import_lists_what_it_skipped() {
        let paths: Vec<PathBuf> = (0..50).map(|n| PathBuf::from(format!("{n}.txt"))).collect();
        let job = ImportJob::start_with(paths.clone(), ArticleId(0), ok_importer, || {});
        job.cancel();
        let outcome = job.wait();
        assert_eq!(
            outcome.imported.len() + outcome.skipped.len(),
            paths.len(),
            "every file is either imported or listed as skipped"
        );
        assert!(outcome.failures.is_empty());
    }

    #[test]
    fn a_task_reports_its_result_or_its_death() {
        let task = Task::spawn(
            "test-task",
            |p: &Progress| {
                p.set(1, 2);
                7
            },
            || {},
        );
        assert!(matches!(task.last(), TaskEnd::Done(7)));
        let dead: Task<u8> = Task::spawn(
            "test-task",
            |_: &Progress| -> u8 { panic!("the task fails") },
            || {},
        );
        assert!(matches!(dead.last(), TaskEnd::Died));
    }

    /// A repaint that takes a while, and the flag it sets once asked for.
    fn slow_repaint() -> (Arc<AtomicBool>, impl Fn() + Send + 'static) {
        let asked = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&asked);
        let repaint = move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            flag.store(true, Ordering::SeqCst);
        };
        (asked, repaint)
    }

    #[test]
    fn waiting_for_a_task_includes_its_repaint() {
        // Otherwise the request lands in some later frame and a test's frames never settle.
        let (asked, repaint) = slow_repaint();
        let task = Task::spawn("test-task", |_: &Progress| 1u8, repaint);
        task.block();
        assert!(asked.load(Ordering::SeqCst));
        let (asked, repaint) = slow_repaint();
        let job = ImportJob::start_with(Vec::new(), ArticleId(0), ok_importer, repaint);
        let outcome = job.wait();
        assert!(outcome.imported.is_empty());
        assert!(asked.load(Ordering::SeqCst));
    }
}
