//! Importing articles: start the background job, then add what it loaded as one undoable
//! edit, skipping files already open and reporting the ones that failed.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::session::{Edit, ImportOutcome};

use super::App;
use super::state::Level;
use super::wording::counted;
use super::worker::ImportJob;

impl App {
    pub(super) fn start_import(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        if paths.is_empty() {
            return;
        }
        if self.import.is_some() {
            self.queued_imports.extend(paths);
            return;
        }
        if self.demo {
            // The demo stays as it is: the user's articles start their own session.
            self.leave_demo();
        }
        let first_id = self.session.next_free_article_id();
        let ctx = ctx.clone();
        self.import = Some(ImportJob::start(paths, first_id, move || {
            ctx.request_repaint();
        }));
    }

    pub(super) fn finish_import(&mut self, outcome: ImportOutcome) {
        for failure in &outcome.failures {
            self.notice(Level::Error, failure.message.clone());
        }
        if !outcome.skipped.is_empty() {
            let read = outcome.imported.len();
            self.notice(
                Level::Info,
                format!(
                    "Import stopped: {} not read ({} imported)",
                    counted(outcome.skipped.len(), "file was", "files were"),
                    counted(read, "article", "articles")
                ),
            );
            self.queued_imports.clear();
        }
        for warning in &outcome.warnings {
            self.notice(Level::Warning, warning.to_string());
        }
        // Keyed by content (the file's hash, plus the article's place in a multi-article
        // file), so the articles of one export are not taken for copies of each other.
        let mut seen: BTreeSet<String> = self
            .session
            .articles
            .values()
            .map(|a| a.provenance.content_key())
            .collect();
        let mut kept = Vec::new();
        for imported in outcome.imported {
            let key = imported.article.provenance.content_key();
            if seen.insert(key.clone()) {
                kept.push(imported);
                continue;
            }
            let name = imported.article.display_name();
            let open_as = self
                .session
                .articles
                .values()
                .find(|a| a.provenance.content_key() == key)
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
                format!(
                    "Imported {} with {}",
                    counted(articles, "article", "articles"),
                    counted(statements, "statement", "statements")
                ),
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
}
