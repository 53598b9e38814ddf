//! Carrying out actions: the one place that changes the session, records undo, sets the
//! dirty flag, bumps the revision and reports errors as notices.

use std::path::PathBuf;

use crate::session::Edit;

use super::App;
use super::action::Action;
use super::derived::articles_touched;
use super::dialogs::{self, Picked};
use super::selection::ChangeStep;
use super::state::{AfterPrompt, Level, Notice, SelectionSite, Tab};
use super::timeline::TimelineQuery;

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
            Action::OpenUrlPrompt => self.view.url_prompt = Some(String::new()),
            Action::OpenUrls(urls) => {
                self.view.url_prompt = None;
                self.start_import(urls.into_iter().map(PathBuf::from).collect(), ctx);
            }
            Action::ArticlesImported(outcome) => {
                let hashes: Vec<(std::path::PathBuf, String)> = outcome
                    .imported
                    .iter()
                    .filter_map(|a| {
                        let path = a.article.provenance.path.as_deref()?;
                        Some((path.into(), a.article.provenance.sha256.clone()))
                    })
                    .collect();
                let failed: Vec<std::path::PathBuf> =
                    outcome.failures.iter().map(|f| f.path.clone()).collect();
                self.finish_import(outcome);
                self.compare_imported_files(&hashes, &failed);
            }
            Action::OpenSessionDialog => match dialogs::pick_session() {
                Picked::Chosen(path) => self.push(Action::OpenSession(path)),
                Picked::Cancelled => {}
                Picked::Unavailable => self.notice(Level::Warning, dialogs::unavailable_hint()),
            },
            Action::OpenSession(path) => {
                if self.dirty {
                    self.view.prompt = Some(AfterPrompt::OpenSession(path));
                } else {
                    self.open_session(&path, ctx);
                }
            }
            Action::SaveSession => self.save(ctx),
            Action::SaveSessionAsDialog => self.save_as_dialog(ctx),
            Action::SaveSessionAs(path) => self.save_to(&path, ctx),
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
                self.view.cursor = ids.last().copied();
                self.session.selection.statements = ids;
                self.view.site = SelectionSite::Statements;
                self.view.scroll_reader = true;
            }
            Action::ExtendSelection(delta) => self.extend_selection(delta),
            Action::MoveCursor(delta) => self.move_cursor(delta),
            Action::ToggleCursor => self.toggle_cursor(),
            Action::SelectAll => self.select_all(),
            Action::RevealStatement(id) => self.reveal_statement(id),
            Action::SelectArticles(ids) => {
                self.view.articles = ids;
                self.view.site = SelectionSite::Articles;
            }
            Action::CompareArticles(left, right) => self.compare_articles(left, right),
            Action::CompareFilesDialog => match dialogs::pick_articles() {
                Picked::Chosen(paths) => match paths.as_slice() {
                    [left, right] => self.push(Action::CompareFiles(left.clone(), right.clone())),
                    _ => self.notice(Level::Info, "Pick exactly two files to compare them."),
                },
                Picked::Cancelled => {}
                Picked::Unavailable => self.notice(Level::Warning, dialogs::unavailable_hint()),
            },
            Action::CompareFiles(left, right) => self.compare_files(left, right, ctx),
            Action::OpenTool(tool) => self.open_tool(tool),
            Action::StartRename => {
                if let Some(index) = self.session.selection.comparison
                    && self.view.tab == Tab::Compare
                {
                    let name = self.comparison_name(index);
                    self.view.renaming = Some((index, name));
                }
            }
            Action::RenameComparison { index, name } => self.rename_comparison(index, name),
            Action::CloseComparisonAt(index) => {
                if index < self.session.comparisons.len() {
                    self.edit(Edit::CloseComparison(index));
                }
                if self.session.selection.comparison.is_none() {
                    self.view.tab = Tab::Statements;
                }
            }
            Action::ShowStatements => self.view.tab = Tab::Statements,
            Action::CycleTab(step) => self.cycle_tab(step),
            Action::TogglePanel(panel) => {
                let shown = self.view.panels.shown(panel);
                self.view.panels.set(panel, !shown);
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
            Action::NextShift => self.step_shift(ChangeStep::Next),
            Action::PreviousShift => self.step_shift(ChangeStep::Previous),
            Action::CancelComparison => self.cancel_comparison(),
            Action::RerunComparison => self.rerun_comparison(),
            Action::ShowTimeline(phrase) => self.show_timeline(TimelineQuery::Phrase(phrase)),
            Action::ShowStatementOverTime(id) => {
                self.show_timeline(TimelineQuery::Statement(id));
            }
            Action::TimelinePrompt => self.open_timeline_prompt(),
            Action::ShowTimelineTab => {
                if self.view.timeline.is_some() {
                    self.view.tab = Tab::Timeline;
                }
            }
            Action::CloseTimeline => {
                self.view.timeline = None;
                if self.view.tab == Tab::Timeline {
                    self.view.tab = Tab::Statements;
                }
            }
            Action::RevealArticle(article) => self.reveal_article(article),
            Action::Correct {
                statement,
                correction,
            } => self.correct(statement, correction),
            Action::Reextract => self.start_reextract(ctx),
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
            Action::CompareStatements(left, right) => self.compare_statements(left, right),
            Action::SetCompareOptions(options) => self.set_compare_options(options),
            Action::SetAliases(aliases) => self.set_aliases(aliases),
            Action::SetRowNote { row, note } => self.set_row_note(row, note),
            Action::GoToRow(row) => self.go_to_row(row),
            Action::ExportComparisonDialog(format) => self.export_comparison_dialog(format),
            Action::ExportComparison { path, format } => {
                self.export_comparison(&path, format, ctx);
            }
            Action::Files(action) => self.apply_file_action(action, ctx),
            Action::AddStatement {
                article,
                span,
                kind,
                speaker,
                governments,
            } => self.add_statement(article, span, kind, speaker, governments),
        }
    }

    /// Applies an edit to the session: records its inverse for undo, marks the session
    /// dirty and moves the revision on. On error nothing changed and a notice says why.
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        let touched = articles_touched(&edit);
        match self.session.apply(edit) {
            Ok(inverse) => {
                self.caches.touch(touched);
                self.caches.touch(articles_touched(&inverse));
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

    pub(super) fn changed(&mut self) {
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
        let touched = articles_touched(&edit);
        match self.session.apply(edit) {
            Ok(inverse) => {
                self.caches.touch(touched);
                self.caches.touch(articles_touched(&inverse));
                to.push(inverse);
                self.changed();
                if self.session.selection.comparison.is_none() && self.view.tab == Tab::Compare {
                    self.view.tab = Tab::Statements;
                }
            }
            Err(err) => self.notice(Level::Error, format!("Could not {direction}: {err}")),
        }
    }

    /// Shows a notice; the same notice again moves to the end with its count raised, so one
    /// event never piles up as a column of copies.
    pub(super) fn notice(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        if let Some(at) = self
            .notices
            .iter()
            .position(|n| n.level == level && n.text == text)
        {
            let mut notice = self.notices.remove(at);
            notice.times += 1;
            self.notices.push(notice);
            return;
        }
        self.notices.push(Notice {
            level,
            text,
            times: 1,
        });
    }
}

impl App {
    fn open_tool(&mut self, tool: super::action::Tool) {
        use super::action::Tool;
        use super::studies::Study;
        match tool {
            Tool::Aliases => self.tools.aliases_open = true,
            Tool::TwoGovernments => self.tools.study = Study::TwoGovernments,
            Tool::Versions => {
                if let Some(selected) = self.session.selection.statements.last().copied() {
                    self.tools.formulation_of = Some(selected);
                    self.tools.formulation_base = None;
                    self.tools.study = Study::Formulation;
                }
            }
        }
    }
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
