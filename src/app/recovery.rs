//! Recovery data: unsaved work written in the background to the platform data folder, so a
//! crash, a kill or a power cut costs at most a few seconds of work.
//!
//! Each running Demarche owns one folder `recovery/<start time>-<pid>/` under the data
//! folder, with a `lock` file it holds locked while it runs, the session as `session.ron`
//! and `about.ron` (where the session was saved, when this was written). The recovery file
//! is written a second after the edits pause, at most every few seconds, on its own thread
//! from a snapshot of the session. When the session is saved (or its changes dropped) the
//! recovery file goes. On start, a folder whose lock nobody holds belongs to a Demarche
//! that ended without saving: its work is offered back, with its time and size.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use serde::{Deserialize, Serialize};

use crate::session::write::{Backup, remove_stale_temp_files, write_atomically};
use crate::session::{SaveOptions, Session, SessionError, save_session_with};

use super::worker::{Progress, Task, TaskEnd};

/// The recovery file is written once the edits have paused this long...
const QUIET: Duration = Duration::from_secs(1);
/// ...but never more often than this...
const MIN_INTERVAL: Duration = Duration::from_secs(3);
/// ...and never later than this after the first unsaved edit, even while edits go on.
const MAX_DELAY: Duration = Duration::from_secs(10);

/// The session file in a recovery folder.
const SESSION_FILE: &str = "session.ron";
/// What the recovery file is about.
const ABOUT_FILE: &str = "about.ron";
/// Held locked while the owning Demarche runs.
const LOCK_FILE: &str = "lock";

/// What a recovery file is about, written next to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct About {
    /// Where the session was last saved or opened from, if anywhere.
    #[serde(default)]
    pub session_path: Option<PathBuf>,
    /// Seconds since 1970 when the recovery file was written.
    #[serde(default)]
    pub saved_at: u64,
}

/// Unsaved work a Demarche left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// Its recovery folder.
    pub dir: PathBuf,
    /// What it is about.
    pub about: About,
    /// The recovery file's size in bytes.
    pub size: u64,
}

impl Orphan {
    /// The recovery session file.
    #[must_use]
    pub fn session_file(&self) -> PathBuf {
        self.dir.join(SESSION_FILE)
    }

    /// "june.ron" or "an untitled session".
    #[must_use]
    pub fn name(&self) -> String {
        self.about.session_path.as_deref().map_or_else(
            || "an untitled session".to_owned(),
            |p| {
                p.file_name()
                    .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
            },
        )
    }
}

/// This Demarche's own recovery folder, created at the first write.
#[derive(Debug)]
struct Own {
    dir: PathBuf,
    /// Kept open (and locked) while the app runs.
    _lock: File,
}

/// The recovery store and the autosave schedule.
#[derive(Debug, Default)]
pub struct Recovery {
    /// `<data folder>/recovery`; `None` keeps nothing (tests, or no data folder).
    root: Option<PathBuf>,
    own: Option<Own>,
    /// The session revision the recovery file holds.
    written: Option<u64>,
    /// The revision last seen, and when it changed.
    seen: Option<(u64, Instant)>,
    /// When the first edit not yet in the recovery file was seen.
    unsaved_since: Option<Instant>,
    last_write: Option<Instant>,
    task: Option<(u64, Task<Result<u64, SessionError>>)>,
    /// A failure to report once (cleared when a write works again).
    failed: bool,
    /// This app's folder holds a recovery file.
    holds_work: bool,
    /// Work left by Demarches that ended without saving, offered to the user.
    pub orphans: Vec<Orphan>,
}

/// What a tick of the schedule asks the app to do.
#[derive(Debug, PartialEq, Eq)]
pub enum Tick {
    /// Nothing now; look again after this long.
    Wait(Option<Duration>),
    /// A write failed: tell the user (once).
    Failed(String),
}

/// `<data folder>/recovery` from the platform's conventions.
#[must_use]
pub fn default_root() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Demarche")
        .map(|dirs| dirs.data_local_dir().join("recovery"))
}

impl Recovery {
    /// A store in `root`, with the work left there by Demarches that are no longer running
    /// (folders with nothing to recover are removed).
    #[must_use]
    pub fn open(root: PathBuf) -> Self {
        let mut recovery = Self::default();
        recovery.orphans = scan(&root);
        recovery.root = Some(root);
        recovery
    }

    /// Runs the schedule: writes the recovery file when `session` has unsaved changes that
    /// it does not hold yet and the edits have paused, and removes it once nothing is
    /// unsaved. `revision` identifies the session's state.
    pub fn tick(
        &mut self,
        session: &Session,
        revision: u64,
        dirty: bool,
        about: &About,
        repaint: impl Fn() + Send + 'static,
    ) -> Tick {
        if let Some(end) = self.poll_task() {
            return end;
        }
        if self.root.is_none() {
            return Tick::Wait(None);
        }
        if !dirty {
            if self.task.is_some() {
                // Removed once the write under way has ended (never waited for here).
                return Tick::Wait(Some(Duration::from_millis(200)));
            }
            if self.holds_work {
                self.forget_own_work();
            }
            return Tick::Wait(None);
        }
        if self.written == Some(revision) {
            self.unsaved_since = None;
            return Tick::Wait(None);
        }
        let now = Instant::now();
        if self.seen.is_none_or(|(seen, _)| seen != revision) {
            self.seen = Some((revision, now));
        }
        let since = *self.unsaved_since.get_or_insert(now);
        if self.task.is_some() {
            return Tick::Wait(Some(MIN_INTERVAL));
        }
        let changed_at = self.seen.map_or(now, |(_, at)| at);
        let quiet_left = QUIET.saturating_sub(now - changed_at);
        let overdue = now - since >= MAX_DELAY;
        let spacing_left = self
            .last_write
            .map_or(Duration::ZERO, |at| MIN_INTERVAL.saturating_sub(now - at));
        let wait = if overdue {
            spacing_left
        } else {
            quiet_left.max(spacing_left)
        };
        if !wait.is_zero() {
            return Tick::Wait(Some(wait));
        }
        self.start_write(session, revision, about, repaint);
        Tick::Wait(None)
    }

    fn poll_task(&mut self) -> Option<Tick> {
        let (_, task) = self.task.as_ref()?;
        if !task.is_done() {
            return None;
        }
        let (revision, task) = self.task.take()?;
        let end = task.last();
        self.last_write = Some(Instant::now());
        match end {
            TaskEnd::Done(Ok(_)) => {
                self.written = Some(revision);
                self.holds_work = true;
                self.failed = false;
                None
            }
            TaskEnd::Done(Err(err)) => self.report_failure(&err.to_string()),
            TaskEnd::Died => self.report_failure("Demarche failed while writing it"),
        }
    }

    fn report_failure(&mut self, why: &str) -> Option<Tick> {
        if self.failed {
            return None;
        }
        self.failed = true;
        Some(Tick::Failed(format!(
            "Could not keep a recovery copy of your unsaved work ({why}); save the session to \
             keep it safe"
        )))
    }

    fn start_write(
        &mut self,
        session: &Session,
        revision: u64,
        about: &About,
        repaint: impl Fn() + Send + 'static,
    ) {
        let Some(dir) = self.own_dir() else {
            return;
        };
        let snapshot = session.clone();
        let about = About {
            saved_at: unix_now(),
            ..about.clone()
        };
        let task = Task::spawn(
            "recovery",
            move |progress: &Progress| write_recovery(&dir, &snapshot, &about, progress),
            repaint,
        );
        self.task = Some((revision, task));
    }

    /// Writes the recovery file now, on this thread (before the app is closed by a signal).
    ///
    /// # Errors
    /// Why it could not be written.
    pub fn write_now(
        &mut self,
        session: &Session,
        revision: u64,
        about: &About,
    ) -> Result<(), SessionError> {
        if let Some((_, task)) = self.task.take() {
            task.block();
        }
        if self.written == Some(revision) {
            return Ok(());
        }
        let Some(dir) = self.own_dir() else {
            return Ok(());
        };
        let about = About {
            saved_at: unix_now(),
            ..about.clone()
        };
        write_recovery(&dir, session, &about, &Progress::default())?;
        self.written = Some(revision);
        self.holds_work = true;
        Ok(())
    }

    /// This app's folder, created and locked on first use.
    fn own_dir(&mut self) -> Option<PathBuf> {
        if let Some(own) = &self.own {
            return Some(own.dir.clone());
        }
        let root = self.root.as_ref()?;
        let stamp = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let dir = root.join(format!("{stamp}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).ok()?;
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK_FILE))
            .ok()?;
        let _ = lock.try_lock();
        self.own = Some(Own {
            dir: dir.clone(),
            _lock: lock,
        });
        Some(dir)
    }

    /// Drops this app's recovery file: nothing is unsaved any more.
    pub fn forget_own_work(&mut self) {
        if let Some((_, task)) = self.task.take() {
            task.block();
        }
        self.written = None;
        self.seen = None;
        self.unsaved_since = None;
        self.holds_work = false;
        if let Some(own) = &self.own {
            let _ = std::fs::remove_file(own.dir.join(SESSION_FILE));
            let _ = std::fs::remove_file(own.dir.join(ABOUT_FILE));
        }
    }

    /// Removes this app's folder on a normal exit (unsaved work stays for the next start).
    pub fn close(&mut self) {
        if let Some((_, task)) = self.task.take() {
            task.block();
        }
        if let Some(own) = self.own.take()
            && !own.dir.join(SESSION_FILE).exists()
        {
            drop(own._lock);
            let _ = std::fs::remove_dir_all(&own.dir);
        }
    }

    /// Takes an orphan's recovery file as this app's own (after it was restored), so the
    /// work stays recoverable without being written again.
    pub fn adopt(&mut self, orphan: &Orphan, revision: u64) {
        self.orphans.retain(|o| o.dir != orphan.dir);
        let adopted = self.own_dir().is_some_and(|dir| {
            std::fs::rename(orphan.dir.join(SESSION_FILE), dir.join(SESSION_FILE)).is_ok()
                && std::fs::rename(orphan.dir.join(ABOUT_FILE), dir.join(ABOUT_FILE)).is_ok()
        });
        if adopted {
            self.written = Some(revision);
            self.holds_work = true;
        }
        let _ = std::fs::remove_dir_all(&orphan.dir);
    }

    /// Deletes an orphan's work for good.
    pub fn discard(&mut self, dir: &Path) {
        self.orphans.retain(|o| o.dir != dir);
        let _ = std::fs::remove_dir_all(dir);
    }

    /// Keeps the orphans for the next start, without offering them again now.
    pub fn postpone(&mut self) {
        self.orphans.clear();
    }
}

impl Drop for Recovery {
    fn drop(&mut self) {
        self.close();
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Writes `session.ron`, then `about.ron`, each atomically.
fn write_recovery(
    dir: &Path,
    session: &Session,
    about: &About,
    progress: &Progress,
) -> Result<u64, SessionError> {
    let report = |done: u64| progress.set(done, 0);
    let options = SaveOptions {
        backup: Some(Backup::Skip),
        progress: Some(&report),
        cancel: None,
    };
    let path = dir.join(SESSION_FILE);
    let written = save_session_with(session, &path, &options)?;
    let about_path = dir.join(ABOUT_FILE);
    let text =
        ron::ser::to_string_pretty(about, ron::ser::PrettyConfig::default()).map_err(|err| {
            SessionError::Encode {
                message: err.to_string(),
                path: about_path.clone(),
            }
        })?;
    write_atomically(&about_path, text.as_bytes(), Backup::Skip).map_err(|source| {
        SessionError::Io {
            action: "write",
            path: about_path,
            source,
        }
    })?;
    Ok(written)
}

/// The recovery folders under `root` whose owner is gone and that hold work; the others
/// of those gone are removed, with temporary files left by a write that was killed.
fn scan(root: &Path) -> Vec<Orphan> {
    let Ok(entries) = std::fs::read_dir(root) else {
        return Vec::new();
    };
    let mut orphans = Vec::new();
    for entry in entries.flatten() {
        let dir = entry.path();
        if !dir.is_dir() || owner_is_running(&dir) {
            continue;
        }
        let session = dir.join(SESSION_FILE);
        remove_stale_temp_files(&session);
        remove_stale_temp_files(&dir.join(ABOUT_FILE));
        let Ok(meta) = std::fs::metadata(&session) else {
            let _ = std::fs::remove_dir_all(&dir);
            continue;
        };
        let about = std::fs::read_to_string(dir.join(ABOUT_FILE))
            .ok()
            .and_then(|text| ron::from_str::<About>(&text).ok())
            .unwrap_or_else(|| About {
                session_path: None,
                saved_at: meta
                    .modified()
                    .ok()
                    .and_then(|m| m.duration_since(SystemTime::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_secs()),
            });
        orphans.push(Orphan {
            dir,
            about,
            size: meta.len(),
        });
    }
    orphans.sort_by(|a, b| {
        b.about
            .saved_at
            .cmp(&a.about.saved_at)
            .then(a.dir.cmp(&b.dir))
    });
    orphans
}

/// True while another Demarche holds the folder's lock.
fn owner_is_running(dir: &Path) -> bool {
    let Ok(file) = File::options().write(true).open(dir.join(LOCK_FILE)) else {
        return false;
    };
    matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}

/// "2026-10-12 14:03 (UTC)" for a time in seconds since 1970.
#[must_use]
pub fn describe_time(unix: u64) -> String {
    let days = i64::try_from(unix / 86_400).unwrap_or(0);
    let secs = unix % 86_400;
    let (year, month, day) = crate::calendar::civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} (UTC)",
        secs / 3600,
        (secs % 3600) / 60
    )
}

/// "12 KB", "3.4 MB".
#[must_use]
pub fn describe_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_sizes_read_plainly() {
        assert_eq!(describe_time(0), "1970-01-01 00:00 (UTC)");
        assert_eq!(describe_time(1_791_802_980), "2026-10-12 11:03 (UTC)");
        assert_eq!(describe_size(512), "512 bytes");
        assert_eq!(describe_size(2048), "2 KB");
        assert_eq!(describe_size(5 * 1024 * 1024), "5.0 MB");
    }

    #[test]
    fn unsaved_work_of_a_dead_app_is_found_and_empty_folders_go() {
        let root = tempfile::tempdir().expect("dir");
        let session = crate::session::demo_session();
        {
            let mut first = Recovery::open(root.path().to_owned());
            let about = About {
                session_path: Some(PathBuf::from("/work/june.ron")),
                saved_at: 0,
            };
            first.write_now(&session, 1, &about).expect("written");
            // While it runs, another app does not take its work for left behind.
            assert!(Recovery::open(root.path().to_owned()).orphans.is_empty());
            // The app "dies": its lock goes, its files stay.
            drop(first.own.take());
        }
        let empty = root.path().join("1-1");
        std::fs::create_dir_all(&empty).expect("empty folder");
        let second = Recovery::open(root.path().to_owned());
        assert_eq!(second.orphans.len(), 1);
        let orphan = &second.orphans[0];
        assert_eq!(orphan.name(), "june.ron");
        assert!(orphan.size > 0);
        assert!(
            !empty.exists(),
            "a folder with nothing to recover is removed"
        );
        let restored = crate::session::load_session(&orphan.session_file()).expect("loads");
        assert_eq!(restored, session);
    }

    #[test]
    fn saving_removes_the_recovery_file() {
        let root = tempfile::tempdir().expect("dir");
        let mut recovery = Recovery::open(root.path().to_owned());
        let session = crate::session::demo_session();
        recovery
            .write_now(&session, 3, &About::default())
            .expect("written");
        let dir = recovery.own.as_ref().expect("own").dir.clone();
        assert!(dir.join(SESSION_FILE).exists());
        let tick = recovery.tick(&session, 3, false, &About::default(), || {});
        assert_eq!(tick, Tick::Wait(None));
        assert!(!dir.join(SESSION_FILE).exists());
        recovery.close();
        assert!(!dir.exists(), "a clean exit leaves nothing");
    }
}
