//! Session files: open, save, save as, re-extract, the unsaved-changes prompt before
//! leaving, the recovery of unsaved work, and the prompts around them.
//!
//! Opening, saving and re-extracting run on their own threads from a snapshot of the
//! session, with progress and cancel in the status bar, so the window never freezes on a
//! large session. What follows a save (closing, opening another session) waits for it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::article::ArticleId;
use crate::session::write::{Backup, remove_stale_temp_files};
use crate::session::{
    CheckReport, Edit, LoadedSession, SaveOptions, Session, SessionError, load_session_checked,
    save_session_with,
};
use crate::statement::{Statement, StatementId};

use super::App;
use super::action::UnsavedChoice;
use super::dialogs::{self, Picked};
use super::recovery::{About, Orphan, Recovery, Tick, describe_time};
use super::state::{AfterPrompt, Level, ListFilter, Tab};
use super::worker::{Progress, Task, TaskEnd};

/// What the file menu, the recovery offer and the file prompts ask the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileAction {
    /// Stop the import, or the file work, under way.
    Cancel,
    /// Open the unsaved work left in this recovery folder.
    Restore(PathBuf),
    /// Delete the unsaved work left in this recovery folder.
    Discard(PathBuf),
    /// Keep the unsaved work left behind for the next start, and close the offer.
    Postpone,
    /// Save to the path typed in the save prompt.
    SaveTyped(String),
    /// Close the save prompt without saving.
    CancelSavePrompt,
    /// Close the report of a session's check.
    CloseReport,
}

/// What to do once a save has worked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterSave {
    /// Nothing more.
    Nothing,
    /// Go on with what the unsaved-changes prompt was asked for.
    Then(AfterPrompt),
}

/// The in-app prompt for a path, when no file dialog can be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavePrompt {
    /// The path as typed.
    pub text: String,
    /// What follows the save.
    pub then: AfterSave,
}

/// The report of what the check of an opened session repaired or found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadReportView {
    /// The session's file name.
    pub name: String,
    /// What was checked.
    pub report: CheckReport,
}

/// File work on a thread.
#[derive(Debug)]
pub enum FileJob {
    /// Reading a session.
    Open {
        /// The file.
        path: PathBuf,
        /// Set when this restores unsaved work left behind.
        restoring: Option<Orphan>,
        /// The work.
        task: Task<Result<LoadedSession, SessionError>>,
    },
    /// Writing the session.
    Save {
        /// The file.
        path: PathBuf,
        /// The revision saved.
        revision: u64,
        /// What follows.
        then: AfterSave,
        /// The work.
        task: Task<Result<u64, SessionError>>,
    },
    /// Finding the statements again.
    Reextract {
        /// The articles when it started.
        articles: Vec<ArticleId>,
        /// The work: the statements, and the articles that failed.
        task: Task<(BTreeMap<StatementId, Statement>, Vec<ArticleId>)>,
    },
    /// Writing a comparison report.
    Export {
        /// The file.
        path: PathBuf,
        /// The work.
        task: Task<Result<(), String>>,
    },
}

impl FileJob {
    /// What the status bar says while it runs.
    #[must_use]
    pub fn label(&self) -> String {
        match self {
            Self::Open {
                restoring: Some(_), ..
            } => "Restoring unsaved work".to_owned(),
            Self::Open { path, .. } => format!("Opening {}", file_name(path)),
            Self::Save { path, .. } => format!("Saving {}", file_name(path)),
            Self::Reextract { .. } => "Finding statements again".to_owned(),
            Self::Export { path, .. } => format!("Exporting {}", file_name(path)),
        }
    }

    /// The fraction done, when known.
    #[must_use]
    pub fn fraction(&self) -> Option<f32> {
        match self {
            Self::Open { task, .. } => task.fraction(),
            Self::Save { task, .. } => task.fraction(),
            Self::Reextract { task, .. } => task.fraction(),
            Self::Export { task, .. } => task.fraction(),
        }
    }

    /// True once the user asked it to stop.
    #[must_use]
    pub fn is_cancelling(&self) -> bool {
        match self {
            Self::Open { task, .. } => task.is_cancelling(),
            Self::Save { task, .. } => task.is_cancelling(),
            Self::Reextract { task, .. } => task.is_cancelling(),
            Self::Export { task, .. } => task.is_cancelling(),
        }
    }

    /// True once it has run long enough to show.
    #[must_use]
    pub fn is_slow(&self) -> bool {
        match self {
            Self::Open { task, .. } => task.is_slow(),
            Self::Save { task, .. } => task.is_slow(),
            Self::Reextract { task, .. } => task.is_slow(),
            Self::Export { task, .. } => task.is_slow(),
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    )
}

/// The app's file machinery: the job under way, recovery, prompts and signals.
#[derive(Debug, Default)]
pub struct FileState {
    /// The file work under way (one at a time).
    pub job: Option<FileJob>,
    /// Recovery data and the offer of work left behind.
    pub recovery: Recovery,
    /// The in-app save prompt, when open.
    pub save_prompt: Option<SavePrompt>,
    /// The report of an opened session's check, when open.
    pub load_report: Option<LoadReportView>,
    /// Set by SIGTERM or SIGINT.
    terminate: Option<Arc<AtomicBool>>,
    /// Tests: run each job to its end as soon as it starts.
    pub blocking: bool,
    /// Tests: behave as if no file dialog could be shown.
    pub no_dialogs: bool,
}

impl App {
    /// Starts the services a real window needs: recovery in the user's data folder (and
    /// the offer of work a previous run left), the signal handlers, and the notice of a
    /// damaged settings file.
    pub(super) fn start_services(&mut self, ctx: &egui::Context) {
        if let Some(problem) = self.settings.problem.take() {
            self.notice(Level::Warning, problem);
        }
        if let Some(root) = super::recovery::default_root() {
            self.use_recovery_folder(root);
        }
        for recent in self.settings.recent.clone() {
            remove_stale_temp_files(&recent);
        }
        self.files.terminate = super::signals::install(ctx);
    }

    /// Keeps recovery data in `root` (and offers the work left there).
    pub fn use_recovery_folder(&mut self, root: PathBuf) {
        self.files.recovery = Recovery::open(root);
        if let Some(orphan) = self.files.recovery.orphans.first() {
            // Also said on stderr, for whoever started the app from a terminal or a script.
            eprintln!(
                "demarche: unsaved work from {} ({}) can be restored: {}",
                describe_time(orphan.about.saved_at),
                orphan.name(),
                orphan.dir.display()
            );
        }
    }

    /// The unsaved work a previous run left behind, offered to restore.
    #[must_use]
    pub fn recovery_offers(&self) -> &[Orphan] {
        &self.files.recovery.orphans
    }

    /// True while the in-app save prompt is open.
    #[must_use]
    pub fn is_prompting_save_path(&self) -> bool {
        self.files.save_prompt.is_some()
    }

    /// The report of the last opened session's check, while it is shown.
    #[must_use]
    pub fn load_report(&self) -> Option<&CheckReport> {
        self.files.load_report.as_ref().map(|view| &view.report)
    }

    /// True while a file is being opened or saved, or statements found again.
    #[must_use]
    pub fn is_busy_with_files(&self) -> bool {
        self.files.job.is_some()
    }

    /// Tests and benchmarks: whether each file job is waited for as it starts (true in
    /// test apps) or runs on its thread as in the window.
    pub fn set_waits_for_files(&mut self, wait: bool) {
        self.files.blocking = wait;
    }

    /// Tests: behave as if no file dialog could be shown.
    pub fn set_no_dialogs(&mut self, none: bool) {
        self.files.no_dialogs = none;
    }

    /// Each frame: picks up finished file work, writes recovery data when due, and closes
    /// (after saving recovery data) when a termination signal came.
    pub(super) fn poll_files(&mut self, ctx: &egui::Context) {
        self.poll_file_job(ctx);
        if self
            .files
            .terminate
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
            && !self.closing
        {
            self.terminate(ctx);
            return;
        }
        let about = self.about();
        let repaint = {
            let ctx = ctx.clone();
            move || ctx.request_repaint()
        };
        match self
            .files
            .recovery
            .tick(&self.session, self.revision, self.dirty, &about, repaint)
        {
            Tick::Wait(Some(after)) => ctx.request_repaint_after(after),
            Tick::Wait(None) => {}
            Tick::Failed(message) => self.notice(Level::Warning, message),
        }
    }

    fn about(&self) -> About {
        About {
            session_path: self.session_path.clone(),
            saved_at: 0,
        }
    }

    /// SIGTERM or SIGINT: keep the unsaved work as recovery data, then close through the
    /// normal path without asking (nobody may be there to answer).
    fn terminate(&mut self, ctx: &egui::Context) {
        if self.dirty {
            let about = self.about();
            if let Err(err) = self
                .files
                .recovery
                .write_now(&self.session, self.revision, &about)
            {
                eprintln!("demarche: could not keep the unsaved work: {err}");
            }
        }
        self.close(ctx);
    }

    fn poll_file_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.files.job else {
            return;
        };
        let done = match job {
            FileJob::Open { task, .. } => task.is_done(),
            FileJob::Save { task, .. } => task.is_done(),
            FileJob::Reextract { task, .. } => task.is_done(),
            FileJob::Export { task, .. } => task.is_done(),
        };
        if done {
            self.finish_job(ctx);
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Ends the job under way with its result (the job's task has one, or has died).
    fn finish_job(&mut self, ctx: &egui::Context) {
        let Some(job) = self.files.job.take() else {
            return;
        };
        match job {
            FileJob::Open {
                path,
                restoring,
                task,
            } => {
                let end = task.last();
                self.finish_open(&path, restoring, end);
            }
            FileJob::Save {
                path,
                revision,
                then,
                task,
                ..
            } => {
                let end = task.last();
                self.finish_save(&path, revision, then, end, ctx);
            }
            FileJob::Reextract { articles, task } => {
                let cancelled = task.is_cancelling();
                let end = task.last();
                self.finish_reextract(&articles, end, cancelled);
            }
            FileJob::Export { path, task } => match task.last() {
                TaskEnd::Done(Ok(())) => self.notice(
                    Level::Info,
                    format!("Comparison exported: {}", path.display()),
                ),
                TaskEnd::Done(Err(message)) => {
                    self.notice(Level::Error, format!("Could not export: {message}"));
                }
                TaskEnd::Died => self.notice(
                    Level::Error,
                    format!(
                        "Demarche failed while exporting; nothing was written: {}",
                        path.display()
                    ),
                ),
            },
        }
    }

    /// Starts a job, or says why not when one is under way. In tests it runs to its end.
    fn start_job(&mut self, job: FileJob, ctx: &egui::Context) {
        if let Some(running) = &self.files.job {
            self.notice(
                Level::Info,
                format!("{} first; try again when it is done.", running.label()),
            );
            return;
        }
        self.files.job = Some(job);
        if self.files.blocking {
            if let Some(job) = &self.files.job {
                match job {
                    FileJob::Open { task, .. } => task.block(),
                    FileJob::Save { task, .. } => task.block(),
                    FileJob::Reextract { task, .. } => task.block(),
                    FileJob::Export { task, .. } => task.block(),
                }
            }
            self.finish_job(ctx);
        }
    }

    fn repaint(ctx: &egui::Context) -> impl Fn() + Send + 'static {
        let ctx = ctx.clone();
        move || ctx.request_repaint()
    }

    /// Applies a [`FileAction`].
    pub(super) fn apply_file_action(&mut self, action: FileAction, ctx: &egui::Context) {
        match action {
            FileAction::Cancel => self.cancel_work(),
            FileAction::Restore(dir) => self.restore(&dir, ctx),
            FileAction::Discard(dir) => {
                self.files.recovery.discard(&dir);
                self.notice(Level::Info, "The unsaved work left behind was deleted.");
            }
            FileAction::Postpone => self.files.recovery.postpone(),
            FileAction::SaveTyped(text) => self.save_typed(&text, ctx),
            FileAction::CancelSavePrompt => self.files.save_prompt = None,
            FileAction::CloseReport => self.files.load_report = None,
        }
    }

    fn cancel_work(&mut self) {
        if let Some(import) = &self.import {
            import.cancel();
        }
        match self.files.job.take() {
            Some(FileJob::Open { path, .. }) => {
                self.notice(Level::Info, format!("Stopped opening {}", path.display()))
            }
            Some(job @ (FileJob::Save { .. } | FileJob::Reextract { .. })) => {
                // These stop at their next step and report it themselves.
                match &job {
                    FileJob::Save { task, .. } => task.cancel(),
                    FileJob::Reextract { task, .. } => task.cancel(),
                    _ => {}
                }
                self.files.job = Some(job);
            }
            Some(job @ FileJob::Export { .. }) => self.files.job = Some(job),
            None => {}
        }
    }

    // ---- opening

    /// Opens a session file on a thread; the open session stays until it has loaded.
    pub(super) fn open_session(&mut self, path: &Path, ctx: &egui::Context) {
        remove_stale_temp_files(path);
        let owned = path.to_owned();
        let task = Task::spawn(
            "open",
            move |_: &Progress| load_session_checked(&owned),
            Self::repaint(ctx),
        );
        self.start_job(
            FileJob::Open {
                path: path.to_owned(),
                restoring: None,
                task,
            },
            ctx,
        );
    }

    fn restore(&mut self, dir: &Path, ctx: &egui::Context) {
        let Some(orphan) = self
            .files
            .recovery
            .orphans
            .iter()
            .find(|o| o.dir == dir)
            .cloned()
        else {
            return;
        };
        let file = orphan.session_file();
        let task = Task::spawn(
            "open",
            move |_: &Progress| load_session_checked(&file),
            Self::repaint(ctx),
        );
        self.start_job(
            FileJob::Open {
                path: orphan.session_file(),
                restoring: Some(orphan),
                task,
            },
            ctx,
        );
    }

    fn finish_open(
        &mut self,
        path: &Path,
        restoring: Option<Orphan>,
        end: TaskEnd<Result<LoadedSession, SessionError>>,
    ) {
        let loaded = match end {
            TaskEnd::Done(Ok(loaded)) => loaded,
            TaskEnd::Done(Err(err)) => {
                self.notice(Level::Error, err.to_string());
                return;
            }
            TaskEnd::Died => {
                self.notice(
                    Level::Error,
                    format!(
                        "Demarche failed while opening this session; the open session is \
                         unchanged: {}",
                        path.display()
                    ),
                );
                return;
            }
        };
        let LoadedSession { session, report } = loaded;
        match restoring {
            Some(orphan) => {
                let original = orphan.about.session_path.clone();
                self.replace_session(session, original.as_deref());
                self.dirty = true;
                self.files.recovery.adopt(&orphan, self.revision);
                self.notice(
                    Level::Info,
                    format!(
                        "Restored your unsaved work from {} ({}); save it to keep it",
                        describe_time(orphan.about.saved_at),
                        orphan.name()
                    ),
                );
            }
            None => {
                self.replace_session(session, Some(path));
                self.settings.push_recent(path);
            }
        }
        if !report.is_clean() {
            let name = file_name(path);
            let count = report.repaired.len() + report.warnings.len();
            self.notice(
                Level::Warning,
                format!(
                    "{name} was checked as it opened: {} (see the report)",
                    match count {
                        1 => "1 thing to know".to_owned(),
                        n => format!("{n} things to know"),
                    }
                ),
            );
            self.files.load_report = Some(LoadReportView { name, report });
        }
    }

    pub(super) fn replace_session(&mut self, session: Session, path: Option<&Path>) {
        self.view.tab = if session.selection.comparison.is_some() {
            Tab::Compare
        } else {
            Tab::Statements
        };
        let old = std::mem::replace(&mut self.session, session);
        // A large session takes a while to free: not on the UI thread (if no thread can be
        // started, the closure and the session are dropped here).
        let _ = std::thread::Builder::new()
            .name("drop".into())
            .spawn(move || drop(old));
        self.session_path = path.map(Path::to_owned);
        self.demo = false;
        self.dirty = false;
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
        self.view.filter = ListFilter::default();
        self.view.list_article = None;
        self.view.scroll_reader = true;
        self.files.load_report = None;
        self.select_first_group_if_none();
        self.restore_view();
    }

    /// Leaves the demo for a new untitled session (the demo is never changed by imports).
    pub(super) fn leave_demo(&mut self) {
        self.replace_session(Session::default(), None);
        self.notice(
            Level::Info,
            "Started a new untitled session for your articles; the demo stays as it was",
        );
    }

    // ---- saving

    /// Saves to `path` on a thread; the session stays editable meanwhile.
    pub(super) fn save_to(&mut self, path: &Path, ctx: &egui::Context) {
        self.save_then(path, AfterSave::Nothing, ctx);
    }

    fn save_then(&mut self, path: &Path, then: AfterSave, ctx: &egui::Context) {
        let snapshot = self.session.clone();
        let target = path.to_owned();
        let estimate = std::fs::metadata(path).map_or(0, |m| m.len()).max(
            snapshot
                .articles
                .values()
                .map(|a| a.text.len() as u64 * 2)
                .sum::<u64>()
                + snapshot.statements.len() as u64 * 700,
        );
        let task = Task::spawn(
            "save",
            move |progress: &Progress| {
                let report = |done: u64| progress.set(done.min(estimate), estimate.max(1));
                let options = SaveOptions {
                    backup: Some(Backup::Keep),
                    progress: Some(&report),
                    cancel: Some(progress.cancel_flag()),
                };
                save_session_with(&snapshot, &target, &options)
            },
            Self::repaint(ctx),
        );
        self.start_job(
            FileJob::Save {
                path: path.to_owned(),
                revision: self.revision,
                then,
                task,
            },
            ctx,
        );
    }

    fn finish_save(
        &mut self,
        path: &Path,
        revision: u64,
        then: AfterSave,
        end: TaskEnd<Result<u64, SessionError>>,
        ctx: &egui::Context,
    ) {
        match end {
            TaskEnd::Done(Ok(_)) => {
                self.session_path = Some(path.to_owned());
                self.demo = false;
                if self.revision == revision {
                    self.dirty = false;
                }
                self.settings.push_recent(path);
                remove_stale_temp_files(path);
                self.notice(Level::Info, format!("Saved {}", path.display()));
                if let AfterSave::Then(after) = then {
                    self.go_on(after, ctx);
                }
            }
            TaskEnd::Done(Err(err @ SessionError::Cancelled { .. })) => {
                self.notice(Level::Info, err.to_string());
            }
            TaskEnd::Done(Err(err)) => self.notice(Level::Error, err.to_string()),
            TaskEnd::Died => self.notice(
                Level::Error,
                format!(
                    "Demarche failed while saving; the file on disk was not changed: {}",
                    path.display()
                ),
            ),
        }
    }

    /// Asks where to save: the file dialog, or the in-app prompt when no dialog can be
    /// shown. `None` when the user cancelled or the prompt opened (it saves by itself).
    pub(super) fn pick_save_path(&mut self, then: AfterSave) -> Option<PathBuf> {
        let name = self.suggested_name();
        let picked = if self.files.no_dialogs {
            Picked::Unavailable
        } else {
            dialogs::pick_save_path(&name)
        };
        match picked {
            Picked::Chosen(path) => Some(path),
            Picked::Cancelled => None,
            Picked::Unavailable => {
                let text = dialogs::default_save_path(&name).display().to_string();
                self.files.save_prompt = Some(SavePrompt { text, then });
                None
            }
        }
    }

    fn suggested_name(&self) -> String {
        self.session_path.as_deref().map_or_else(
            || {
                if self.demo {
                    "Demo session".to_owned()
                } else {
                    "Untitled".to_owned()
                }
            },
            Session::name_from_path,
        )
    }

    /// Save As: the dialog (or the prompt), then the save.
    pub(super) fn save_as_dialog(&mut self, ctx: &egui::Context) {
        if let Some(path) = self.pick_save_path(AfterSave::Nothing) {
            self.save_to(&path, ctx);
        }
    }

    /// Save: to the session's file, else as Save As.
    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.session_path.clone() {
            Some(path) => self.save_to(&path, ctx),
            None => self.save_as_dialog(ctx),
        }
    }

    fn save_typed(&mut self, text: &str, ctx: &egui::Context) {
        let Some(prompt) = self.files.save_prompt.take() else {
            return;
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            self.files.save_prompt = Some(prompt);
            return;
        }
        let mut path = dialogs::expand_home(trimmed);
        if path.extension().is_none() {
            path.set_extension("ron");
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && let Err(err) = std::fs::create_dir_all(dir)
        {
            self.notice(
                Level::Error,
                format!("Could not create the folder ({err}): {}", dir.display()),
            );
            self.files.save_prompt = Some(SavePrompt {
                text: text.to_owned(),
                then: prompt.then,
            });
            return;
        }
        self.save_then(&path, prompt.then, ctx);
    }

    // ---- leaving with unsaved changes

    pub(super) fn answer_prompt(&mut self, choice: UnsavedChoice, ctx: &egui::Context) {
        let Some(after) = self.view.prompt.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::DontSave => {
                self.files.recovery.forget_own_work();
                self.go_on(after, ctx);
            }
            UnsavedChoice::Save => {
                let then = AfterSave::Then(after);
                let path = match self.session_path.clone() {
                    Some(path) => Some(path),
                    None => self.pick_save_path(then.clone()),
                };
                if let Some(path) = path {
                    self.save_then(&path, then, ctx);
                }
            }
        }
    }

    fn go_on(&mut self, after: AfterPrompt, ctx: &egui::Context) {
        match after {
            AfterPrompt::OpenSession(path) => self.open_session(&path, ctx),
            AfterPrompt::Quit => self.close(ctx),
        }
    }

    pub(super) fn close(&mut self, ctx: &egui::Context) {
        self.close_allowed = true;
        self.closing = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    // ---- re-extracting

    /// Finds the statements again on a thread; the result lands as one undoable edit.
    pub(super) fn start_reextract(&mut self, ctx: &egui::Context) {
        let snapshot = self.session.clone();
        let articles: Vec<ArticleId> = snapshot.articles.keys().copied().collect();
        let task = Task::spawn(
            "reextract",
            move |progress: &Progress| {
                snapshot.extract_all(|done, total| {
                    progress.set(done as u64, total as u64);
                    !progress.cancelled()
                })
            },
            Self::repaint(ctx),
        );
        self.start_job(FileJob::Reextract { articles, task }, ctx);
    }

    fn finish_reextract(
        &mut self,
        articles: &[ArticleId],
        end: TaskEnd<(BTreeMap<StatementId, Statement>, Vec<ArticleId>)>,
        cancelled: bool,
    ) {
        let TaskEnd::Done((mut statements, failed)) = end else {
            self.notice(
                Level::Error,
                "Demarche failed while finding the statements again; nothing was changed",
            );
            return;
        };
        if cancelled {
            self.notice(Level::Info, "Re-extract was stopped; nothing was changed");
            return;
        }
        let now: Vec<ArticleId> = self.session.articles.keys().copied().collect();
        if now != articles {
            self.notice(
                Level::Warning,
                "Articles were added or removed while the statements were found again; \
                 nothing was changed (run Edit > Re-extract again)",
            );
            return;
        }
        // An article whose extraction failed keeps the statements it had.
        for id in &failed {
            statements.extend(
                self.session
                    .statements
                    .range(
                        StatementId {
                            article: *id,
                            ordinal: 0,
                        }..=StatementId {
                            article: *id,
                            ordinal: u32::MAX,
                        },
                    )
                    .map(|(k, v)| (*k, v.clone())),
            );
        }
        if self.edit(Edit::ReplaceStatements(Arc::new(statements))) {
            self.notice(
                Level::Info,
                "Statements found again with the current rules; your corrections still apply.",
            );
        }
        if !failed.is_empty() {
            let names: Vec<String> = failed
                .iter()
                .filter_map(|id| self.session.articles.get(id))
                .map(crate::article::Article::display_name)
                .collect();
            self.notice(
                Level::Warning,
                format!(
                    "Demarche failed on {} while finding statements; {} the statements \
                     {} had: {}",
                    if names.len() == 1 {
                        "1 article".to_owned()
                    } else {
                        format!("{} articles", names.len())
                    },
                    if names.len() == 1 {
                        "it keeps"
                    } else {
                        "they keep"
                    },
                    if names.len() == 1 { "it" } else { "they" },
                    names.join(", ")
                ),
            );
        }
    }

    // ---- exporting

    /// Writes a report on a thread: `render` makes the text there.
    pub(super) fn start_export(
        &mut self,
        path: PathBuf,
        render: impl FnOnce() -> String + Send + 'static,
        ctx: &egui::Context,
    ) {
        let target = path.clone();
        let task = Task::spawn(
            "export",
            move |_: &Progress| {
                let text = render();
                crate::session::write::write_atomically(&target, text.as_bytes(), Backup::Skip)
                    .map_err(|err| format!("{err}: {}", target.display()))
            },
            Self::repaint(ctx),
        );
        self.start_job(FileJob::Export { path, task }, ctx);
    }
}
