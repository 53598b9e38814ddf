//! Derived work too slow for a frame (comparisons, the near-duplicate index, collations and
//! pairings) runs in order on one named thread, "compare". The UI submits tasks, keeps
//! drawing (a spinner where the result will go) and picks the results up at the start of a
//! frame; the thread asks for a repaint when a result is ready.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::compare::NearDuplicateIndex;
use crate::statement::StatementId;

use super::pair::PairView;
use super::studies::{Formulation, GovernmentPairing, PairKey, PairProgress};

/// What a finished task hands back.
#[derive(Debug)]
pub enum Output {
    /// A comparison of two statements.
    Pair(PairKey, Arc<PairView>),
    /// A comparison the user cancelled stopped (with the run's progress, to tell it from a
    /// later run of the same pair).
    PairCancelled(PairKey, Arc<PairProgress>),
    /// The near-duplicate index of every statement of one session revision.
    Index(u64, Arc<NearDuplicateIndex<StatementId>>),
    /// Two governments' statements paired claim to counter-claim.
    Pairing(Arc<GovernmentPairing>),
    /// One statement's versions over time.
    Formulation(Arc<Formulation>),
    /// The shifts of a statement's other versions against it, for one revision.
    AlsoShifts((u64, StatementId), super::studies::AlsoShifts),
    /// The uses of a formula across the session's articles.
    Timeline(Arc<super::timeline::Timeline>),
    /// The task panicked; its result stays missing.
    Failed,
    /// The name of the thread that ran the task (tests).
    #[cfg(test)]
    ThreadName(Option<String>),
}

/// A unit of work for the thread.
pub type Task = Box<dyn FnOnce() -> Output + Send>;

/// What the thread sends back: a task's output, then, once the UI has been asked to
/// repaint, that the task is done. Counting tasks by the second message lets a test wait
/// until the repaint request has been made, so it lands in the frame that took the result
/// and not in some later one.
enum Message {
    Output(Output),
    Done,
}

/// The "compare" thread and the results it sent back.
pub struct Jobs {
    sender: Option<Sender<Task>>,
    results: Receiver<Message>,
    results_sender: Sender<Message>,
    in_flight: usize,
    /// Tests: wait for each task right after submitting it instead of polling.
    pub blocking: bool,
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs")
            .field("in_flight", &self.in_flight)
            .field("blocking", &self.blocking)
            .finish_non_exhaustive()
    }
}

impl Default for Jobs {
    fn default() -> Self {
        let (results_sender, results) = mpsc::channel();
        Self {
            sender: None,
            results,
            results_sender,
            in_flight: 0,
            blocking: false,
        }
    }
}

impl Jobs {
    /// Queues `task`; `repaint` is called on the thread after it finished. The thread is
    /// started on first use; when it cannot be started the task runs here and now.
    pub fn submit(&mut self, task: Task, repaint: impl Fn() + Send + 'static) {
        self.in_flight += 1;
        if self.sender.is_none() {
            let (sender, tasks) = mpsc::channel::<Task>();
            let results = self.results_sender.clone();
            let spawned = std::thread::Builder::new()
                .name("compare".into())
                .spawn(move || {
                    for task in tasks {
                        // A task that panics must not take the thread (and every later
                        // result) with it.
                        let output = std::panic::catch_unwind(std::panic::AssertUnwindSafe(task))
                            .unwrap_or(Output::Failed);
                        if results.send(Message::Output(output)).is_err() {
                            break;
                        }
                        repaint();
                        if results.send(Message::Done).is_err() {
                            break;
                        }
                    }
                });
            if spawned.is_ok() {
                self.sender = Some(sender);
            }
        }
        let unsent = match &self.sender {
            Some(sender) => sender.send(task).err().map(|e| e.0),
            None => Some(task),
        };
        if let Some(task) = unsent {
            let _ = self.results_sender.send(Message::Output(task()));
            let _ = self.results_sender.send(Message::Done);
        }
    }

    /// The results ready now (all of them, waiting if [`Self::blocking`]).
    pub fn poll(&mut self) -> Vec<Output> {
        let mut out = Vec::new();
        loop {
            let message = if self.blocking && self.in_flight > 0 {
                match self.results.recv() {
                    Ok(message) => message,
                    Err(_) => {
                        self.in_flight = 0;
                        break;
                    }
                }
            } else {
                match self.results.try_recv() {
                    Ok(message) => message,
                    Err(_) => break,
                }
            };
            match message {
                Message::Output(output) => out.push(output),
                Message::Done => self.in_flight = self.in_flight.saturating_sub(1),
            }
        }
        out
    }

    /// True while tasks are queued or running.
    pub fn busy(&self) -> bool {
        self.in_flight > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_run_on_the_compare_thread_and_repaint() {
        let mut jobs = Jobs::default();
        let (tx, rx) = mpsc::channel();
        jobs.submit(
            Box::new(|| Output::ThreadName(std::thread::current().name().map(str::to_owned))),
            move || {
                let _ = tx.send(());
            },
        );
        assert!(jobs.busy());
        jobs.blocking = true;
        let out = jobs.poll();
        assert!(!jobs.busy());
        assert!(matches!(
            out.as_slice(),
            [Output::ThreadName(Some(name))] if name == "compare"
        ));
        assert!(rx.recv().is_ok(), "repaint asked for");
    }

    #[test]
    fn a_blocking_poll_returns_after_the_repaint_was_asked_for() {
        // Otherwise the request lands in some later frame and a test's frames never settle.
        let mut jobs = Jobs::default();
        let asked = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = Arc::clone(&asked);
        jobs.submit(Box::new(|| Output::Failed), move || {
            std::thread::sleep(std::time::Duration::from_millis(20));
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        jobs.blocking = true;
        assert_eq!(jobs.poll().len(), 1);
        assert!(asked.load(std::sync::atomic::Ordering::SeqCst));
        assert!(!jobs.busy());
    }

    #[test]
    fn a_panicking_task_does_not_stop_the_thread() {
        let mut jobs = Jobs::default();
        jobs.submit(Box::new(|| panic!("bad task")), || {});
        jobs.submit(
            Box::new(|| Output::ThreadName(std::thread::current().name().map(str::to_owned))),
            || {},
        );
        jobs.blocking = true;
        let out = jobs.poll();
        assert!(matches!(
            out.as_slice(),
            [Output::Failed, Output::ThreadName(Some(_))]
        ));
    }
}
