//! The desktop shell: reads the core's data and pushes actions.
//!
//! [`App::frame_ui`] draws one frame as a short script of `*_ui` calls, then applies the
//! actions the widgets pushed. [`App::apply`](App) is the one place that changes the
//! session: it records undo, sets the dirty flag, bumps the revision that keys every cache,
//! and turns errors into notices.

mod action;
mod apply;
mod compare_edit;
mod derived;
mod dialogs;
mod export;
mod files;
mod fonts;
mod import;
mod jobs;
mod pair;
mod reader;
mod recovery;
mod selection;
mod settings;
mod shortcuts;
mod signals;
mod state;
mod studies;
mod theme;
mod timeline;
mod ui;
mod wording;
mod worker;

use std::path::{Path, PathBuf};

use crate::session::{Edit, Session};
use crate::statement::StatementId;

pub use action::{Action, ExportFormat, UnsavedChoice};
pub use files::FileAction;
pub use fonts::install_cjk_fallback;
pub use pair::{PairRow, PairView, Piece, PieceKind, compare_pair};
pub use recovery::Orphan;
pub use state::{Level, Notice, PanelKind, Panels, Tab};

use derived::Caches;
use settings::Settings;
use state::ViewState;
use worker::ImportJob;

/// What the window opens with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Startup {
    /// The bundled demo session.
    Demo,
    /// Import these article files into a new session.
    Articles(Vec<PathBuf>),
    /// Open this session file.
    Session(PathBuf),
}

/// Opens the main window and runs until it closes.
///
/// # Errors
/// When no window or renderer could be created.
pub fn run(startup: Startup) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Demarche")
            .with_app_id("demarche")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Demarche",
        options,
        Box::new(move |cc| {
            install_cjk_fallback(&cc.egui_ctx);
            let mut app = App::new(startup, Settings::load_default());
            if let Some(panels) = cc
                .storage
                .and_then(|storage| eframe::get_value::<Panels>(storage, PANELS_KEY))
            {
                app.view.panels = panels;
            }
            app.start_services(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
}

/// The application: the user's session, the view around it, and the machinery to change it.
pub struct App {
    session: Session,
    session_path: Option<PathBuf>,
    dirty: bool,
    /// Bumped on every change to the session; keys the caches.
    revision: u64,
    view: ViewState,
    caches: Caches,
    notices: Vec<Notice>,
    pending: Vec<Action>,
    /// Inverse edits, newest last.
    undo: Vec<Edit>,
    /// Edits undone, newest last.
    redo: Vec<Edit>,
    import: Option<ImportJob>,
    /// Opening, saving and re-extracting on threads; recovery data; the file prompts.
    files: files::FileState,
    /// Comparisons, indexes and pairings computed on the "compare" thread.
    background: studies::Background,
    /// UI state of the compare tools.
    tools: studies::ToolsView,
    queued_imports: Vec<PathBuf>,
    settings: Settings,
    /// The user agreed to close (or nothing was unsaved).
    close_allowed: bool,
    closing: bool,
    title: String,
    /// The session is the bundled demo (named so in the title until saved elsewhere).
    demo: bool,
    dark_applied: Option<bool>,
    /// The reader's layout of the article it shows.
    reader: ui::ReaderView,
    /// Heights of the open comparison's rows.
    compare_rows: ui::RowHeights,
}

impl App {
    fn new(startup: Startup, settings: Settings) -> Self {
        let mut app = Self::with_session(Session::default(), settings);
        match startup {
            Startup::Demo => {
                app.session = crate::session::demo_session();
                app.revision += 1;
                app.demo = true;
                app.select_first_group_if_none();
            }
            Startup::Articles(paths) => app.push(Action::OpenArticles(paths)),
            Startup::Session(path) => app.push(Action::OpenSession(path)),
        }
        app
    }

    fn with_session(session: Session, settings: Settings) -> Self {
        let tab = if session.selection.comparison.is_some() {
            Tab::Compare
        } else {
            Tab::Statements
        };
        let mut app = Self {
            session,
            session_path: None,
            dirty: false,
            revision: 0,
            view: ViewState {
                tab,
                dark: settings.dark,
                ..ViewState::default()
            },
            caches: Caches::default(),
            notices: Vec::new(),
            pending: Vec::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            import: None,
            files: files::FileState::default(),
            background: studies::Background::default(),
            tools: studies::ToolsView::default(),
            queued_imports: Vec::new(),
            settings,
            close_allowed: false,
            closing: false,
            title: String::new(),
            demo: false,
            dark_applied: None,
            reader: ui::ReaderView::default(),
            compare_rows: ui::RowHeights::default(),
        };
        app.restore_view();
        app
    }

    /// An app around `session` that never touches the user's config (settings stay in
    /// memory) and opens no window: for tests driving [`App::frame_ui`] in a harness.
    #[must_use]
    pub fn new_for_test(session: Session) -> Self {
        let mut app = Self::with_session(session, Settings::default());
        app.background.jobs.blocking = true;
        app.files.blocking = true;
        app
    }

    /// An app as `run` would start it, without the window (settings in memory only).
    #[must_use]
    pub fn new_for_test_startup(startup: Startup) -> Self {
        let mut app = Self::new(startup, Settings::default());
        app.background.jobs.blocking = true;
        app.files.blocking = true;
        app
    }

    /// Tests: let the compare thread's results arrive in their own time (as in the window)
    /// instead of waiting for them at the start of each frame.
    pub fn set_waits_for_jobs(&mut self, wait: bool) {
        self.background.jobs.blocking = wait;
    }

    /// Draws one frame into `ui` and applies the actions it produced.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        self.poll_import(&ctx);
        self.poll_files(&ctx);
        self.caches.refresh(&self.session, self.revision);
        self.poll_jobs(&ctx);
        self.input_ui(&ctx);
        self.title_ui(&ctx);
        // Panels in reading order (menu, library, centre, inspector, status), which is also
        // the order Tab moves in.
        self.menu_bar_ui(ui);
        if self.view.panels.library {
            self.library_ui(ui);
        }
        ui::main_then_dock(
            ui,
            ui::STATUS_DOCK,
            true,
            self,
            |app, ui| {
                let inspector = app.view.panels.inspector;
                ui::main_then_dock(
                    ui,
                    ui::INSPECTOR_DOCK,
                    inspector,
                    app,
                    Self::centre_ui,
                    Self::inspector_ui,
                );
            },
            Self::status_ui,
        );
        self.windows_ui(&ctx);
        self.focus_ring_ui(&ctx);
        self.remember_view();
        self.apply_pending(&ctx);
    }

    /// Keeps the search, filters, tab and scroll positions in the session's selection, so a
    /// save carries them and reopening puts them back.
    fn remember_view(&mut self) {
        let (list, reader, compare) = self.view.scrolled;
        let saved = &mut self.session.selection.view;
        if saved.search != self.view.filter.text {
            saved.search.clone_from(&self.view.filter.text);
        }
        saved.kind = self.view.filter.kind;
        saved.low_confidence = self.view.filter.low_confidence;
        saved.article = self.view.list_article;
        saved.list_in_front = self.view.tab == Tab::Statements;
        saved.list_scroll = points(list);
        saved.reader_scroll = points(reader);
        if let Some(index) = self.session.selection.comparison
            && self.view.tab == Tab::Compare
        {
            saved.compare_scroll.insert(index, points(compare));
        }
        saved
            .compare_scroll
            .retain(|index, _| *index < self.session.comparisons.len());
        let timeline = self.timeline_phrase();
        if self.session.selection.view.timeline != timeline {
            self.session.selection.view.timeline = timeline;
        }
    }

    /// Puts back the view the session was saved with (after opening it).
    fn restore_view(&mut self) {
        let saved = self.session.selection.view.clone();
        self.view.filter = state::ListFilter {
            text: saved.search,
            kind: saved.kind,
            low_confidence: saved.low_confidence,
        };
        self.view.list_article = saved
            .article
            .filter(|id| self.session.articles.contains_key(id));
        self.view.timeline = saved
            .timeline
            .clone()
            .filter(|phrase| !phrase.trim().is_empty())
            .map(timeline::TimelineQuery::Phrase);
        let comparison = self.session.selection.comparison;
        self.view.tab = if comparison.is_some() && !saved.list_in_front {
            Tab::Compare
        } else {
            Tab::Statements
        };
        // Until an area is drawn again, the position remembered is the one saved.
        self.view.scrolled = (
            saved.list_scroll as f32,
            saved.reader_scroll as f32,
            comparison
                .and_then(|index| saved.compare_scroll.get(&index))
                .map_or(0.0, |&y| y as f32),
        );
        self.view.restore = state::ScrollRestore {
            list: Some(saved.list_scroll as f32),
            reader: Some(saved.reader_scroll as f32),
            compare: comparison
                .and_then(|index| saved.compare_scroll.get(&index))
                .map(|&y| y as f32),
        };
        self.view.scroll_reader = false;
    }

    /// Queues an action; it is applied at the end of the next frame.
    pub fn push(&mut self, action: Action) {
        self.pending.push(action);
    }

    /// The session as it stands.
    #[must_use]
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Where the session was last saved or opened from.
    #[must_use]
    pub fn session_path(&self) -> Option<&Path> {
        self.session_path.as_deref()
    }

    /// True when the session has changes not yet saved.
    #[must_use]
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// The notices in the status bar, oldest first.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// True while the Save / Don't Save / Cancel prompt is open.
    #[must_use]
    pub fn is_prompting_unsaved(&self) -> bool {
        self.view.prompt.is_some()
    }

    /// True once the app decided to close its window.
    #[must_use]
    pub fn is_closing(&self) -> bool {
        self.closing
    }

    /// The centre tab on screen.
    #[must_use]
    pub fn tab(&self) -> Tab {
        self.view.tab
    }

    /// The selected statements, in the order picked.
    #[must_use]
    pub fn selected(&self) -> &[StatementId] {
        &self.session.selection.statements
    }

    /// The comparison row F7 / Shift+F7 last went to.
    #[must_use]
    pub fn change_row(&self) -> Option<usize> {
        self.view.change_row
    }

    /// The window title as last sent.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The statement the keyboard is on in the list.
    #[must_use]
    pub fn cursor(&self) -> Option<StatementId> {
        self.view.cursor
    }

    /// The articles selected in the library.
    #[must_use]
    pub fn selected_articles(&self) -> &[crate::article::ArticleId] {
        &self.view.articles
    }

    /// Which panels are shown.
    #[must_use]
    pub fn panels(&self) -> Panels {
        self.view.panels
    }

    /// The reader's paragraphs laid out last frame (those in view), and the paragraph that
    /// holds the selected statement's start.
    #[must_use]
    pub fn reader_in_view(&self) -> (std::ops::Range<usize>, Option<usize>) {
        let selected = self
            .session
            .selection
            .statements
            .last()
            .and_then(|id| self.caches.derived.statement(*id))
            .and_then(|(s, _)| s.spans.first())
            .and_then(|span| self.reader.block_of(span.start));
        (self.reader.drawn.clone(), selected)
    }

    /// The name a comparison's tab shows.
    #[must_use]
    pub fn comparison_title(&self, index: usize) -> String {
        self.comparison_name(index)
    }

    /// Blocks until a running import finishes and queues its result (tests).
    pub fn wait_for_imports(&mut self) {
        while let Some(job) = self.import.take() {
            let outcome = job.wait();
            self.pending.push(Action::ArticlesImported(outcome));
            if !self.queued_imports.is_empty() {
                self.pending.push(Action::OpenArticles(std::mem::take(
                    &mut self.queued_imports,
                )));
            }
        }
    }

    /// True while articles are being imported.
    #[must_use]
    pub fn is_importing(&self) -> bool {
        self.import.is_some()
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.dark_applied != Some(self.view.dark) {
            ctx.set_theme(if self.view.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.dark_applied = Some(self.view.dark);
        }
    }

    fn poll_import(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.import else {
            return;
        };
        if let Some(outcome) = job.poll() {
            self.import = None;
            self.pending.push(Action::ArticlesImported(outcome));
            if !self.queued_imports.is_empty() {
                self.pending.push(Action::OpenArticles(std::mem::take(
                    &mut self.queued_imports,
                )));
            }
        } else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }
}

/// Whole points of a scroll offset, as the session keeps them.
fn points(offset: f32) -> u32 {
    offset.max(0.0).round() as u32
}

/// The key of the shown panels in eframe's storage.
const PANELS_KEY: &str = "panels";

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    /// Keeps which panels are shown (their sizes are kept with egui's own memory).
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PANELS_KEY, &self.view.panels);
    }
}
