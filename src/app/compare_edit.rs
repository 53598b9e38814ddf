//! Changes to the open comparison: its options, row notes, the session's aliases, and
//! opening a comparison of any two statements. Each goes through [`super::App::edit`], so
//! it is undoable and saved with the session.

use crate::compare::CompareOptions;
use crate::session::{ComparisonSpec, Edit};
use crate::statement::StatementId;

use super::App;
use super::state::Tab;

impl App {
    /// Opens (or shows, when already open) the comparison of `left` with `right`.
    pub(super) fn compare_statements(&mut self, left: StatementId, right: StatementId) {
        self.view.change_row = None;
        let existing = self
            .session
            .comparisons
            .iter()
            .position(|c| c.left == left && c.right == right);
        match existing {
            Some(index) => self.session.selection.comparison = Some(index),
            None => {
                self.edit(Edit::OpenComparison(ComparisonSpec::new(left, right)));
            }
        }
        self.view.tab = Tab::Compare;
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
