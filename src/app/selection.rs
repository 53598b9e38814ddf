//! Selection and comparison: what the list shows and selects, comparing two statements,
//! stepping through changes, and corrections of one statement.

use crate::session::{Anchor, Correction, CorrectionKind, Edit};
use crate::statement::StatementId;

use super::App;
use super::derived::ListSource;
use super::state::{Level, Tab};

impl App {
    pub(super) fn compare_selected(&mut self) {
        self.view.change_row = None;
        let [left, right] = self.session.selection.statements.as_slice() else {
            self.notice(
                Level::Info,
                "Select exactly two statements to compare them.",
            );
            return;
        };
        let (left, right) = (*left, *right);
        self.compare_statements(left, right);
    }

    pub(super) fn correct(&mut self, id: StatementId, kind: CorrectionKind) {
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

    pub(super) fn move_selection(&mut self, delta: isize) {
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

    pub(super) fn step_change(&mut self, step: ChangeStep) {
        self.caches.refresh(&self.session, self.revision);
        let Some(view) = self.open_pair_ready() else {
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

/// Which way F7 goes.
#[derive(Debug, Clone, Copy)]
pub(super) enum ChangeStep {
    /// The next change (F7).
    Next,
    /// The previous change (Shift+F7).
    Previous,
}
