//! Changes to the open comparison: its options, row notes, the session's aliases, and
//! opening a comparison of any two statements. Each goes through [`super::App::edit`], so
//! it is undoable and saved with the session.

use std::path::PathBuf;

use crate::article::ArticleId;
use crate::compare::CompareOptions;
use crate::session::{Compared, ComparisonSpec, Edit};
use crate::statement::StatementId;

use super::App;
use super::state::{Level, Tab};

impl App {
    /// Opens (or shows, when already open) the comparison of `left` with `right`.
    pub(super) fn compare_statements(&mut self, left: StatementId, right: StatementId) {
        self.open_comparison(ComparisonSpec::new(left, right));
    }

    /// Opens (or shows) the comparison of two articles' whole texts.
    pub(super) fn compare_articles(&mut self, left: ArticleId, right: ArticleId) {
        if left == right {
            self.notice(Level::Info, "Pick two different articles to compare them.");
            return;
        }
        self.open_comparison(ComparisonSpec::articles(left, right));
    }

    fn open_comparison(&mut self, spec: ComparisonSpec) {
        self.view.change_row = None;
        self.view.renaming = None;
        let existing = self.session.comparisons.iter().position(|c| {
            c.compared == spec.compared && c.left == spec.left && c.right == spec.right
        });
        match existing {
            Some(index) => self.session.selection.comparison = Some(index),
            None => {
                self.edit(Edit::OpenComparison(spec));
            }
        }
        self.view.tab = Tab::Compare;
    }

    /// Imports two files (a file already open is found by its content) and compares them
    /// once the import lands.
    pub(super) fn compare_files(&mut self, left: PathBuf, right: PathBuf, ctx: &egui::Context) {
        self.view.compare_files = Some((left.clone(), right.clone()));
        self.start_import(vec![left, right], ctx);
    }

    /// After an import: when it brought the two files asked for, compares their articles.
    /// `hashes` are the content hashes of what the import loaded, by path.
    pub(super) fn compare_imported_files(
        &mut self,
        hashes: &[(PathBuf, String)],
        failed: &[PathBuf],
    ) {
        let Some((left, right)) = self.view.compare_files.clone() else {
            return;
        };
        if failed.contains(&left) || failed.contains(&right) {
            self.view.compare_files = None;
            return;
        }
        let find = |path: &PathBuf| {
            hashes
                .iter()
                .find(|(p, _)| p == path)
                .and_then(|(_, hash)| self.session.has_article_with_hash(hash))
        };
        if let (Some(left), Some(right)) = (find(&left), find(&right)) {
            self.view.compare_files = None;
            self.compare_articles(left, right);
        }
    }

    /// The name a comparison's tab shows: the user's, else who or what is compared.
    pub(super) fn comparison_name(&self, index: usize) -> String {
        let Some(spec) = self.session.comparisons.get(index) else {
            return String::new();
        };
        if let Some(name) = spec.name.as_deref().filter(|n| !n.trim().is_empty()) {
            return name.to_owned();
        }
        let side = |id: StatementId| match spec.compared {
            Compared::Articles => self.session.articles.get(&id.article).map_or_else(
                || id.article.to_string(),
                crate::article::Article::display_name,
            ),
            Compared::Statements => self
                .caches
                .derived
                .statement(id)
                .and_then(|(s, _)| s.speaker.clone())
                .unwrap_or_else(|| id.to_string()),
        };
        format!("{} / {}", side(spec.left), side(spec.right))
    }

    /// Names a comparison (undoable; blank restores its default name).
    pub(super) fn rename_comparison(&mut self, index: usize, name: Option<String>) {
        self.view.renaming = None;
        let name = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        let Some(mut spec) = self.session.comparisons.get(index).cloned() else {
            return;
        };
        if spec.name != name {
            spec.name = name;
            self.edit(Edit::UpdateComparison(index, spec));
        }
    }

    /// The open comparison with `change` made to a copy, written back as one edit.
    fn update_open(&mut self, change: impl FnOnce(&mut ComparisonSpec)) {
        let Some(index) = self.session.selection.comparison else {
            return;
        };
        let Some(mut spec) = self.session.comparisons.get(index).cloned() else {
            return;
        };
        change(&mut spec);
        if self.session.comparisons.get(index) != Some(&spec) {
            self.edit(Edit::UpdateComparison(index, spec));
        }
    }

    pub(super) fn set_compare_options(&mut self, mut options: CompareOptions) {
        options.aliases.clear();
        self.view.change_row = None;
        self.update_open(|spec| spec.options = options);
    }

    pub(super) fn set_aliases(&mut self, aliases: Vec<(String, String)>) {
        let aliases: Vec<(String, String)> = aliases
            .into_iter()
            .map(|(from, to)| (from.trim().to_owned(), to.trim().to_owned()))
            .filter(|(from, to)| !from.is_empty() && !to.is_empty())
            .collect();
        if aliases != self.session.aliases {
            self.edit(Edit::SetAliases(aliases));
        }
    }

    pub(super) fn set_row_note(&mut self, row: usize, note: Option<String>) {
        let note = note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        self.update_open(|spec| match note {
            Some(note) => {
                spec.notes.insert(row, note);
            }
            None => {
                spec.notes.remove(&row);
            }
        });
    }

    pub(super) fn go_to_row(&mut self, row: usize) {
        if self.session.selection.comparison.is_some() {
            self.view.tab = Tab::Compare;
            self.view.change_row = Some(row);
            self.view.scroll_change = true;
        }
    }

    /// Adds the words at `span` as a statement the user found.
    pub(super) fn add_statement(
        &mut self,
        article: crate::article::ArticleId,
        span: crate::text::Span,
        kind: crate::statement::StatementKind,
        speaker: Option<String>,
        governments: Vec<String>,
    ) {
        let Some(text) = self.session.articles.get(&article).map(|a| &a.text) else {
            return;
        };
        if text
            .get(span.start..span.end)
            .is_none_or(|s| s.trim().is_empty())
        {
            return;
        }
        let anchor = crate::session::Anchor::new(article, span, text);
        self.edit(Edit::AddCorrection(crate::session::Correction {
            anchor,
            kind: crate::session::CorrectionKind::Add {
                kind,
                speaker,
                governments,
            },
        }));
    }
}
