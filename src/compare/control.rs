//! Limits and feedback for one comparison: a single deadline that covers every stage
//! (alignment, diffs, shared phrases, shifts), a cancel flag and a progress callback, so
//! the app can show how far a long comparison is and stop it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The stages of a comparison, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CompareStage {
    /// Normalising and cutting both texts into sentences and words.
    Reading,
    /// Pairing the sentences of the two texts.
    Aligning,
    /// Diffing each pair of sentences and reading its shifts.
    Diffing,
    /// Finding the phrases both texts share.
    Phrases,
}

impl CompareStage {
    /// A plain name for a progress line ("aligning sentences").
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Reading => "reading the texts",
            Self::Aligning => "aligning sentences",
            Self::Diffing => "comparing sentence pairs",
            Self::Phrases => "finding shared phrases",
        }
    }
}

/// How far a comparison is: `done` of `total` units of the current stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompareProgress {
    /// The stage running.
    pub stage: CompareStage,
    /// Units done in this stage.
    pub done: usize,
    /// Units in this stage (at least 1).
    pub total: usize,
}

/// What a caller can do while a comparison runs: stop it, and hear how far it is.
/// The default does neither.
#[derive(Default, Clone, Copy)]
pub struct CompareControl<'a> {
    /// When this becomes true (from any thread) the comparison stops soon and returns
    /// [`Cancelled`].
    pub cancel: Option<&'a AtomicBool>,
    /// Called from the comparing thread now and then (at most a few hundred times).
    pub progress: Option<&'a dyn Fn(CompareProgress)>,
}

impl std::fmt::Debug for CompareControl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompareControl")
            .field("cancel", &self.cancel)
            .field("progress", &self.progress.is_some())
            .finish()
    }
}

/// The comparison was stopped through [`CompareControl::cancel`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the comparison was cancelled")]
pub struct Cancelled;

/// The running budget of one comparison: its deadline, cancel flag and progress callback.
pub(crate) struct Budget<'a> {
    deadline: Instant,
    control: CompareControl<'a>,
    expired: bool,
    /// Work (in rough units of one comparison of two tokens) since the clock was last read.
    work: usize,
    /// Last progress reported, to report each stage at most ~100 times.
    last_reported: Option<(CompareStage, usize)>,
}

/// Work units between two reads of the clock and the flag (well under a millisecond).
const WORK_PER_CHECK: usize = 50_000;

impl<'a> Budget<'a> {
    /// A budget of `limit` from now.
    pub(crate) fn new(limit: Duration, control: CompareControl<'a>) -> Self {
        let now = Instant::now();
        Self {
            deadline: now.checked_add(limit).unwrap_or(now),
            control,
            expired: limit.is_zero(),
            work: 0,
            last_reported: None,
        }
    }

    /// True once the deadline has passed (read from the clock).
    pub(crate) fn expired(&mut self) -> bool {
        if !self.expired && Instant::now() >= self.deadline {
            self.expired = true;
        }
        self.expired
    }

    /// A deadline for one piece of work that is `share` (0..1) of what is left: a share of
    /// the remaining time, with room to spare (four times the share, at least a
    /// millisecond), so that one huge piece cannot use up the time of all the others.
    pub(crate) fn share(&self, share: f64) -> Instant {
        let now = Instant::now();
        if self.expired || now >= self.deadline {
            return self.deadline.min(now);
        }
        let left = self.deadline - now;
        let part = left
            .mul_f64((share * 4.0).clamp(0.0, 1.0))
            .max(Duration::from_millis(1));
        (now + part).min(self.deadline)
    }

    /// Fails when the caller asked to stop.
    pub(crate) fn check(&mut self) -> Result<(), Cancelled> {
        match self.control.cancel {
            Some(flag) if flag.load(Ordering::Relaxed) => Err(Cancelled),
            _ => Ok(()),
        }
    }

    /// A cheap check for inner loops that did about `work` units of work (token
    /// comparisons): reads the clock and the flag once enough work has passed. Returns
    /// whether the deadline has passed.
    pub(crate) fn tick(&mut self, work: usize) -> Result<bool, Cancelled> {
        self.work = self.work.saturating_add(work.max(1));
        if self.work >= WORK_PER_CHECK {
            self.work = 0;
            self.check()?;
            return Ok(self.expired());
        }
        Ok(self.expired)
    }

    /// Reports progress (rate-limited to about one call per percent).
    pub(crate) fn progress(&mut self, stage: CompareStage, done: usize, total: usize) {
        let Some(report) = self.control.progress else {
            return;
        };
        let total = total.max(1);
        let step = (total / 100).max(1);
        let bucket = done.min(total) / step;
        if self.last_reported == Some((stage, bucket)) {
            return;
        }
        self.last_reported = Some((stage, bucket));
        report(CompareProgress {
            stage,
            done: done.min(total),
            total,
        });
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    #[test]
    fn cancel_flag_and_rate_limited_progress() {
        let flag = AtomicBool::new(false);
        let seen = RefCell::new(Vec::new());
        let report = |p: CompareProgress| seen.borrow_mut().push(p);
        let mut budget = Budget::new(
            Duration::from_secs(60),
            CompareControl {
                cancel: Some(&flag),
                progress: Some(&report),
            },
        );
        assert!(budget.check().is_ok());
        for done in 0..=10_000 {
            budget.progress(CompareStage::Diffing, done, 10_000);
        }
        let calls = seen.borrow().len();
        assert!((100..=102).contains(&calls), "{calls} progress calls");
        assert!(!budget.expired());
        flag.store(true, Ordering::Relaxed);
        assert_eq!(budget.check(), Err(Cancelled));
        let mut cancelled = false;
        for _ in 0..=WORK_PER_CHECK / 1000 {
            if budget.tick(1000).is_err() {
                cancelled = true;
            }
        }
        assert!(cancelled);
    }

    #[test]
    fn zero_limit_is_expired_at_once() {
        let mut budget = Budget::new(Duration::ZERO, CompareControl::default());
        assert!(budget.expired());
        assert!(budget.share(0.5) <= Instant::now());
        let budget = Budget::new(Duration::from_secs(100), CompareControl::default());
        let quarter = budget.share(0.0625);
        let later = Instant::now() + Duration::from_secs(20);
        assert!(
            quarter > Instant::now() + Duration::from_secs(20)
                && quarter < later + Duration::from_secs(10)
        );
    }
}
