//! Carrying out actions: the one place that changes the session, records undo, sets the
//! dirty flag, bumps the revision and reports errors as notices.

use std::collections::BTreeSet;
use std::path::Path;

use crate::article::ArticleId;
use crate::session::{
    Anchor, ComparisonSpec, Correction, CorrectionKind, Edit, ImportOutcome, Session, load_session,
    save_session,
};

use super::App;
use super::action::{Action, UnsavedChoice};
use super::derived::ListSource;
use super::dialogs::{self, Picked};
use super::state::{AfterPrompt, Level, ListFilter, Notice, Tab};
use super::worker::ImportJob;

impl App {
    /// Applies every pending action, including those that applying pushes.
    pub(super) fn apply_pending(&mut self, ctx: &egui::Context) {
        if self.pending.is_empty() {
            return;
        }
        while !self.pending.is_empty() {
            for action in std::mem::take(&mut self.pending) {
                self.apply(action, ctx);
            }
        }
        // The frame was drawn from the state before these actions: draw it again.
        ctx.request_repaint();
    }

    fn apply(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::OpenArticlesDialog => match dialogs::pick_articles() {
                Picked::Chosen(paths) => self.push(Action::OpenArticles(paths)),
                Picked::Cancelled => {}
                Picked::Unavailable => self.notice(Level::Warning, dialogs::unavailable_hint()),
            },
            Action::OpenArticles(paths) => self.start_import(paths, ctx),
            Action::ArticlesImported(outcome) => self.finish_import(outcome),
            Action::OpenSessionDialog => match dialogs::pick_session() {
                Picked::Chosen(path) => self.push(Action::OpenSession(path)),
                Picked::Cancelled => {}
                Picked::Unavailable => self.notice(Level::Warning, dialogs::unavailable_hint()),
            },
            Action::OpenSession(path) => {
                if self.dirty {
                    self.view.prompt = Some(AfterPrompt::OpenSession(path));
                } else {
                    self.open_session(&path);
                }
            }
            Action::SaveSession => match self.session_path.clone() {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.push(Action::SaveSessionAsDialog),
            },
            Action::SaveSessionAsDialog => {
                if let Some(path) = self.pick_save_path() {
                    self.save_to(&path);
                }
            }
            Action::SaveSessionAs(path) => {
                self.save_to(&path);
            }
            Action::Unsaved(choice) => self.answer_prompt(choice, ctx),
            Action::Quit => {
                if self.dirty {
                    self.view.prompt = Some(AfterPrompt::Quit);
                } else {
                    self.close(ctx);
                }
            }
            Action::Undo => self.undo_redo(UndoDirection::Undo),
            Action::Redo => self.undo_redo(UndoDirection::Redo),
            Action::SelectGroup(key) => {
                self.session.selection.group = Some(key);
                self.view.list_article = None;
                self.view.tab = Tab::Statements;
            }
            Action::SelectArticle(article) => {
                self.view.list_article = Some(article);
                self.view.tab = Tab::Statements;
            }
            Action::SelectStatements(ids) => {
                self.session.selection.statements = ids;
                self.view.scroll_reader = true;
            }
            Action::MoveSelection(delta) => self.move_selection(delta),
            Action::CompareSelected => self.compare_selected(),
            Action::ShowComparison(index) => {
                self.view.change_row = None;
                if index < self.session.comparisons.len() {
                    self.session.selection.comparison = Some(index);
                    self.view.tab = Tab::Compare;
                }
            }
            Action::CloseComparison => {
                if let Some(index) = self.session.selection.comparison {
                    self.edit(Edit::CloseComparison(index));
                }
                if self.session.selection.comparison.is_none() {
                    self.view.tab = Tab::Statements;
                }
            }
            Action::NextChange => self.step_change(ChangeStep::Next),
            Action::PreviousChange => self.step_change(ChangeStep::Previous),
            Action::Correct {
                statement,
                correction,
            } => self.correct(statement, correction),
            Action::Reextract => {
                let statements = self
                    .session
                    .articles
                    .values()
                    .flat_map(crate::extract::extract)
                    .map(|s| (s.id, s))
                    .collect();
                if self.edit(Edit::ReplaceStatements(statements)) {
                    self.notice(
                        Level::Info,
                        "Statements found again with the current rules; your corrections still apply.",
                    );
                }
            }
            Action::SetNote(id, note) => {
                let current = self.session.notes.get(&id);
                if current != note.as_ref() {
                    self.edit(Edit::SetNote(id, note));
                }
            }
            Action::FocusSearch => {
                self.view.tab = Tab::Statements;
                self.view.focus_search = true;
            }
            Action::SetDarkMode(dark) => {
                self.view.dark = dark;
                self.settings.set_dark(dark);
            }
            Action::ShowAbout => self.view.show_about = true,
            Action::ShowShortcuts => self.view.show_shortcuts = true,
            Action::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
        }
    }

    /// Applies an edit to the session: records its inverse for undo, marks the session
    /// dirty and moves the revision on. On error nothing changed and a notice says why.
    fn edit(&mut self, edit: Edit) -> bool {
        match self.session.apply(edit) {
            Ok(inverse) => {
                self.undo.push(inverse);
                self.redo.clear();
                self.changed();
                true
            }
            Err(err) => {
                self.notice(Level::Error, format!("Could not change the session: {err}"));
                false
            }
        }
    }

    fn changed(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }

    fn undo_redo(&mut self, direction: UndoDirection) {
        let (from, to) = match direction {
            UndoDirection::Undo => (&mut self.undo, &mut self.redo),
            UndoDirection::Redo => (&mut self.redo, &mut self.undo),
        };
        let Some(edit) = from.pop() else {
            return;
        };
        match self.session.apply(edit) {
            Ok(inverse) => {
                to.push(inverse);
                self.changed();
                if self.session.selection.comparison.is_none() && self.view.tab == Tab::Compare {
                    self.view.tab = Tab::Statements;
                }
            }
            Err(err) => self.notice(Level::Error, format!("Could not {direction}: {err}")),
        }
    }

    pub(super) fn notice(&mut self, level: Level, text: impl Into<String>) {
        self.notices.push(Notice {
            level,
            text: text.into(),
        });
    }

    fn start_import(&mut self, paths: Vec<std::path::PathBuf>, ctx: &egui::Context) {
        if paths.is_empty() {
            return;
        }
        if self.import.is_some() {
            self.queued_imports.extend(paths);
            return;
        }
        let next_free = self
            .session
            .articles
            .keys()
            .next_back()
            .map_or(0, |id| id.0 + 1)
            .max(self.session.next_article_id);
        let ctx = ctx.clone();
        self.import = Some(ImportJob::start(paths, ArticleId(next_free), move || {
            ctx.request_repaint();
        }));
    }

    fn finish_import(&mut self, outcome: ImportOutcome) {
        for failure in &outcome.failures {
            self.notice(Level::Error, failure.message.clone());
        }
        let mut seen: BTreeSet<String> = self
            .session
            .articles
            .values()
            .map(|a| a.provenance.sha256.clone())
            .collect();
        let mut kept = Vec::new();
        for imported in outcome.imported {
            let hash = imported.article.provenance.sha256.clone();
            if seen.insert(hash.clone()) {
                kept.push(imported);
                continue;
            }
            let name = imported.article.display_name();
            let open_as = self
                .session
                .has_article_with_hash(&hash)
                .and_then(|id| self.session.articles.get(&id))
                .map_or_else(
                    || "another file of this import".to_owned(),
                    |a| a.display_name(),
                );
            self.notice(
                Level::Warning,
                format!("Skipped {name}: the same file is already open as {open_as}"),
            );
        }
        if kept.is_empty() {
            return;
        }
        let articles = kept.len();
        let statements: usize = kept.iter().map(|a| a.statements.len()).sum();
        if self.edit(Edit::AddArticles(kept)) {
            self.notice(
                Level::Info,
                format!("Imported {articles} article(s) with {statements} statement(s)"),
            );
            self.select_first_group_if_none();
        }
    }

    /// Shows the largest group when nothing is chosen yet, so a fresh import shows something.
    pub(super) fn select_first_group_if_none(&mut self) {
        if self.session.selection.group.is_some() {
            return;
        }
        self.caches.refresh(&self.session, self.revision);
        let derived = &self.caches.derived;
        let first = derived
            .governments
            .first()
            .or_else(|| derived.organisations.first())
            .or_else(|| derived.others.first());
        if let Some(entry) = first {
            self.session.selection.group = Some(entry.key.clone());
        } else if let Some(article) = self.session.articles.keys().next() {
            self.view.list_article = Some(*article);
        }
    }

    fn open_session(&mut self, path: &Path) {
        match load_session(path) {
            Ok(session) => self.replace_session(session, path),
            Err(err) => self.notice(Level::Error, err.to_string()),
        }
    }

    fn replace_session(&mut self, session: Session, path: &Path) {
        self.view.tab = if session.selection.comparison.is_some() {
            Tab::Compare
        } else {
            Tab::Statements
        };
        self.session = session;
        self.session_path = Some(path.to_owned());
        self.dirty = false;
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
        self.view.filter = ListFilter::default();
        self.view.list_article = None;
        self.view.scroll_reader = true;
        self.settings.push_recent(path);
        self.select_first_group_if_none();
    }

    /// Saves to `path`; true on success.
    fn save_to(&mut self, path: &Path) -> bool {
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

    fn pick_save_path(&mut self) -> Option<std::path::PathBuf> {
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

    fn answer_prompt(&mut self, choice: UnsavedChoice, ctx: &egui::Context) {
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

    fn close(&mut self, ctx: &egui::Context) {
        self.close_allowed = true;
        self.closing = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    fn compare_selected(&mut self) {
        self.view.change_row = None;
        let [left, right] = self.session.selection.statements.as_slice() else {
            self.notice(
                Level::Info,
                "Select exactly two statements to compare them.",
            );
            return;
        };
        let (left, right) = (*left, *right);
        let existing = self
            .session
            .comparisons
            .iter()
            .position(|c| c.left == left && c.right == right);
        match existing {
            Some(index) => self.session.selection.comparison = Some(index),
            None => {
                self.edit(Edit::OpenComparison(ComparisonSpec {
                    left,
                    right,
                    pins: Vec::new(),
                    notes: std::collections::BTreeMap::new(),
                }));
            }
        }
        self.view.tab = Tab::Compare;
    }

    fn correct(&mut self, id: crate::statement::StatementId, kind: CorrectionKind) {
        self.caches.refresh(&self.session, self.revision);
        let Some((statement, _)) = self.caches.derived.statement(id) else {
            return;
        };
        let Some(article) = self.session.articles.get(&id.article) else {
            return;
        };
        let Some(anchor) = Anchor::of_statement(statement, &article.text) else {
            return;
        };
        let hides = kind == CorrectionKind::NotAStatement;
        if self.edit(Edit::AddCorrection(Correction { anchor, kind })) && hides {
            self.session.selection.statements.retain(|s| *s != id);
        }
    }

    fn move_selection(&mut self, delta: isize) {
        if self.view.tab != Tab::Statements {
            return;
        }
        let Some(source) = self.list_source() else {
            return;
        };
        self.caches.refresh(&self.session, self.revision);
        let visible = self.caches.list(&source, &self.view.filter);
        let Some(last) = visible.len().checked_sub(1) else {
            return;
        };
        let current = self
            .session
            .selection
            .statements
            .last()
            .and_then(|id| visible.iter().position(|v| v == id));
        let next = match current {
            Some(at) => at.saturating_add_signed(delta).min(last),
            None if delta < 0 => last,
            None => 0,
        };
        let Some(&id) = visible.get(next) else {
            return;
        };
        self.session.selection.statements = vec![id];
        self.view.anchor = Some(id);
        self.view.scroll_list = true;
        self.view.scroll_reader = true;
    }

    fn step_change(&mut self, step: ChangeStep) {
        let Some(spec) = self
            .session
            .selection
            .comparison
            .and_then(|i| self.session.comparisons.get(i))
        else {
            return;
        };
        self.caches.refresh(&self.session, self.revision);
        let Some(view) = self.caches.pair(&self.session, spec) else {
            return;
        };
        let changed = view.changed_rows();
        let current = self.view.change_row;
        let next = match step {
            ChangeStep::Next => changed
                .iter()
                .copied()
                .find(|&r| current.is_none_or(|c| r > c))
                .or_else(|| changed.first().copied()),
            ChangeStep::Previous => changed
                .iter()
                .rev()
                .copied()
                .find(|&r| current.is_none_or(|c| r < c))
                .or_else(|| changed.last().copied()),
        };
        if let Some(row) = next {
            self.view.tab = Tab::Compare;
            self.view.change_row = Some(row);
            self.view.scroll_change = true;
        }
    }

    /// What the statement list shows: the article chosen in the library, else the group.
    pub(super) fn list_source(&self) -> Option<ListSource> {
        self.view
            .list_article
            .map(ListSource::Article)
            .or_else(|| self.session.selection.group.clone().map(ListSource::Group))
    }
}

#[derive(Debug, Clone, Copy)]
enum ChangeStep {
    Next,
    Previous,
}

#[derive(Debug, Clone, Copy)]
enum UndoDirection {
    Undo,
    Redo,
}

impl std::fmt::Display for UndoDirection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Undo => "undo",
            Self::Redo => "redo",
        })
    }
}
