//! Selection and comparison: what the list shows and selects, comparing two statements,
//! stepping through changes, and corrections of one statement.

use crate::session::{Anchor, Correction, CorrectionKind, Edit};
use crate::statement::StatementId;

use super::App;
use super::derived::ListSource;
use super::state::{Level, SelectionSite, Tab};

impl App {
    pub(super) fn compare_selected(&mut self) {
        self.view.change_row = None;
        if self.view.site == SelectionSite::Articles
            && let [left, right] = self.view.articles.as_slice()
        {
            let (left, right) = (*left, *right);
            self.compare_articles(left, right);
            return;
        }
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

    /// The rows the list shows now, or `None` when the list is not on screen.
    fn visible_rows(&mut self) -> Option<std::sync::Arc<[StatementId]>> {
        if self.view.tab != Tab::Statements {
            return None;
        }
        let source = self.list_source()?;
        self.caches.refresh(&self.session, self.revision);
        Some(self.caches.list(&source, &self.view.filter))
    }

    /// The row `delta` rows from the keyboard's place (the last selected statement when the
    /// keyboard has none); the first or last row when neither is in the list.
    fn row_from_cursor(&self, visible: &[StatementId], delta: isize) -> Option<usize> {
        let last = visible.len().checked_sub(1)?;
        let current = self
            .view
            .cursor
            .or_else(|| self.session.selection.statements.last().copied())
            .and_then(|id| visible.iter().position(|v| *v == id));
        Some(match current {
            Some(at) => at.saturating_add_signed(delta).min(last),
            None if delta < 0 => last,
            None => 0,
        })
    }

    pub(super) fn move_selection(&mut self, delta: isize) {
        let Some(visible) = self.visible_rows() else {
            return;
        };
        let Some(&id) = self
            .row_from_cursor(&visible, delta)
            .and_then(|row| visible.get(row))
        else {
            return;
        };
        self.session.selection.statements = vec![id];
        self.view.site = SelectionSite::Statements;
        self.view.anchor = Some(id);
        self.view.cursor = Some(id);
        self.view.scroll_list = true;
        self.view.scroll_reader = true;
    }

    /// Shift+Down / Shift+Up: the selection becomes the rows from the anchor to the row
    /// the keyboard moves to.
    pub(super) fn extend_selection(&mut self, delta: isize) {
        let Some(visible) = self.visible_rows() else {
            return;
        };
        let Some(to) = self.row_from_cursor(&visible, delta) else {
            return;
        };
        let from = self
            .view
            .anchor
            .and_then(|a| visible.iter().position(|v| *v == a))
            .or_else(|| self.row_from_cursor(&visible, 0))
            .unwrap_or(to);
        let (lo, hi) = (from.min(to), from.max(to));
        let Some(range) = visible.get(lo..=hi) else {
            return;
        };
        self.view.anchor = visible.get(from).copied();
        self.view.cursor = visible.get(to).copied();
        self.session.selection.statements = range.to_vec();
        self.view.site = SelectionSite::Statements;
        self.view.scroll_list = true;
        self.view.scroll_reader = true;
    }

    /// Ctrl+Down / Ctrl+Up: moves the keyboard's place without touching the selection.
    pub(super) fn move_cursor(&mut self, delta: isize) {
        let Some(visible) = self.visible_rows() else {
            return;
        };
        if let Some(&id) = self
            .row_from_cursor(&visible, delta)
            .and_then(|row| visible.get(row))
        {
            self.view.cursor = Some(id);
            self.view.scroll_list = true;
        }
    }

    /// Ctrl+Space: the statement the keyboard is on joins the selection, or leaves it.
    pub(super) fn toggle_cursor(&mut self) {
        let Some(visible) = self.visible_rows() else {
            return;
        };
        let Some(&id) = self
            .row_from_cursor(&visible, 0)
            .and_then(|row| visible.get(row))
        else {
            return;
        };
        let selection = &mut self.session.selection.statements;
        if let Some(at) = selection.iter().position(|s| *s == id) {
            selection.remove(at);
        } else {
            selection.push(id);
        }
        self.view.cursor = Some(id);
        self.view.anchor = Some(id);
        self.view.site = SelectionSite::Statements;
        self.view.scroll_reader = true;
    }

    /// Ctrl+A: every statement the list shows.
    pub(super) fn select_all(&mut self) {
        let Some(visible) = self.visible_rows() else {
            return;
        };
        self.session.selection.statements = visible.to_vec();
        self.view.site = SelectionSite::Statements;
    }

    /// Selects a statement clicked outside the list, and lists it: the list switches to its
    /// article when the current list does not hold it.
    pub(super) fn reveal_statement(&mut self, id: StatementId) {
        self.session.selection.statements = vec![id];
        self.view.site = SelectionSite::Statements;
        self.view.anchor = Some(id);
        self.view.cursor = Some(id);
        self.view.tab = Tab::Statements;
        let listed = self.visible_rows().is_some_and(|rows| rows.contains(&id));
        if !listed {
            self.view.list_article = Some(id.article);
            self.view.filter = super::state::ListFilter::default();
        }
        self.view.scroll_list = true;
        self.view.scroll_reader = true;
    }

    /// Ctrl+PageDown / Ctrl+PageUp: the statement list, then each comparison, round.
    pub(super) fn cycle_tab(&mut self, step: isize) {
        let count = self.session.comparisons.len() + 1;
        let current = match (self.view.tab, self.session.selection.comparison) {
            (Tab::Compare, Some(index)) => index + 1,
            _ => 0,
        };
        let next = (current as isize + step).rem_euclid(count as isize) as usize;
        self.view.renaming = None;
        if next == 0 {
            self.view.tab = Tab::Statements;
        } else {
            self.view.change_row = None;
            self.session.selection.comparison = Some(next - 1);
            self.view.tab = Tab::Compare;
        }
    }

    /// F7 / Shift+F7: the next or previous row with a change (among the rows shown).
    pub(super) fn step_change(&mut self, step: ChangeStep) {
        self.step_rows(step, |view| view.changed_rows());
    }

    /// F8 / Shift+F8: the next or previous row with a shift of position.
    pub(super) fn step_shift(&mut self, step: ChangeStep) {
        self.step_rows(step, |view| view.shifted_rows());
    }

    fn step_rows(&mut self, step: ChangeStep, rows: impl Fn(&super::PairView) -> Vec<usize>) {
        self.caches.refresh(&self.session, self.revision);
        let Some(view) = self.open_pair_ready() else {
            return;
        };
        let mut rows = rows(&view);
        if self.tools.shifts_only {
            rows.retain(|&r| view.rows.get(r).is_some_and(|row| !row.shifts.is_empty()));
        }
        let current = self.view.change_row;
        let next = match step {
            ChangeStep::Next => rows
                .iter()
                .copied()
                .find(|&r| current.is_none_or(|c| r > c))
                .or_else(|| rows.first().copied()),
            ChangeStep::Previous => rows
                .iter()
                .rev()
                .copied()
                .find(|&r| current.is_none_or(|c| r < c))
                .or_else(|| rows.last().copied()),
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
