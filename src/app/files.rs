//! Session files: open, save, save as, and the unsaved-changes prompt before leaving.

use std::path::{Path, PathBuf};

use crate::session::{Session, load_session, save_session};

use super::App;
use super::action::UnsavedChoice;
use super::dialogs::{self, Picked};
use super::state::{AfterPrompt, Level, ListFilter, Tab};

impl App {
    pub(super) fn open_session(&mut self, path: &Path) {
        match load_session(path) {
            Ok(session) => self.replace_session(session, path),
            Err(err) => self.notice(Level::Error, err.to_string()),
        }
    }

    pub(super) fn replace_session(&mut self, session: Session, path: &Path) {
        self.view.tab = if session.selection.comparison.is_some() {
            Tab::Compare
        } else {
            Tab::Statements
        };
        self.session = session;
        self.session_path = Some(path.to_owned());
        self.demo = false;
        self.dirty = false;
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
        self.view.filter = ListFilter::default();
        self.view.list_article = None;
        self.view.scroll_reader = true;
        self.settings.push_recent(path);
        self.select_first_group_if_none();
        self.restore_view();
    }

    /// Saves to `path`; true on success.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        match save_session(&self.session, path) {
            Ok(()) => {
                self.session_path = Some(path.to_owned());
                self.dirty = false;
                self.settings.push_recent(path);
                self.notice(Level::Info, format!("Saved {}", path.display()));
                true
            }
            Err(err) => {
                self.notice(Level::Error, err.to_string());
                false
            }
        }
    }

    pub(super) fn pick_save_path(&mut self) -> Option<PathBuf> {
        let name = self
            .session_path
            .as_deref()
            .map_or_else(|| "session".to_owned(), Session::name_from_path);
        match dialogs::pick_save_path(&name) {
            Picked::Chosen(path) => Some(path),
            Picked::Cancelled => None,
            Picked::Unavailable => {
                self.notice(
                    Level::Warning,
                    "No file dialog could be shown (no desktop portal or zenity found); the \
                     session was not saved.",
                );
                None
            }
        }
    }

    pub(super) fn answer_prompt(&mut self, choice: UnsavedChoice, ctx: &egui::Context) {
        let Some(after) = self.view.prompt.take() else {
            return;
        };
        let proceed = match choice {
            UnsavedChoice::Cancel => false,
            UnsavedChoice::DontSave => true,
            UnsavedChoice::Save => {
                let path = self.session_path.clone().or_else(|| self.pick_save_path());
                path.is_some_and(|path| self.save_to(&path))
            }
        };
        if !proceed {
            return;
        }
        match after {
            AfterPrompt::OpenSession(path) => self.open_session(&path),
            AfterPrompt::Quit => self.close(ctx),
        }
    }

    pub(super) fn close(&mut self, ctx: &egui::Context) {
        self.close_allowed = true;
        self.closing = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}
