//! Edits: every change to a session's document goes through [`Session::apply`], which
//! returns the edit that undoes it. The GUI keeps those inverses as its undo history.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::article::{Article, ArticleId};
use crate::statement::{Statement, StatementId};

use super::packed::PackedMap;
use super::{ComparisonSpec, Correction, Session};

/// An article with the statements found in it, ready to enter a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedArticle {
    /// The article; its id is kept when free in the session, else replaced.
    pub article: Article,
    /// Statements found in it (their ids follow the article's).
    pub statements: Vec<Statement>,
}

/// A change to the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Add articles with their statements.
    AddArticles(Vec<ImportedArticle>),
    /// Remove articles and their statements.
    RemoveArticles(Vec<ArticleId>),
    /// Append a correction.
    AddCorrection(Correction),
    /// Remove the last correction.
    PopCorrection,
    /// Open a comparison at the end of the list.
    OpenComparison(ComparisonSpec),
    /// Insert a comparison at an index (undo of a close).
    InsertComparison(usize, ComparisonSpec),
    /// Close the comparison at an index.
    CloseComparison(usize),
    /// Replace one comparison (pins, notes).
    UpdateComparison(usize, ComparisonSpec),
    /// Set or clear the note on a statement.
    SetNote(StatementId, Option<String>),
    /// Replace the alias list.
    SetAliases(Vec<(String, String)>),
    /// Replace all statements as found (re-extraction). Shared, so the undo step keeps the
    /// old statements without copying them.
    ReplaceStatements(Arc<BTreeMap<StatementId, Statement>>),
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// The comparison index is out of range.
    #[error("there is no comparison number {index}")]
    NoComparison {
        /// The index asked for.
        index: usize,
    },
    /// There is no correction to remove.
    #[error("there is no correction to remove")]
    NoCorrection,
}

impl Session {
    /// Applies `edit` and returns the edit that undoes it. On error nothing changed.
    ///
    /// # Errors
    /// [`EditError`] when the edit names something that is not there.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        Ok(match edit {
            Edit::AddArticles(imported) => Edit::RemoveArticles(self.add_imported(imported)),
            Edit::RemoveArticles(ids) => Edit::AddArticles(self.remove_articles(&ids)),
            Edit::AddCorrection(correction) => {
                self.corrections.push(correction);
                Edit::PopCorrection
            }
            Edit::PopCorrection => {
                Edit::AddCorrection(self.corrections.pop().ok_or(EditError::NoCorrection)?)
            }
            Edit::OpenComparison(spec) => {
                self.comparisons.push(spec);
                self.selection.comparison = Some(self.comparisons.len() - 1);
                Edit::CloseComparison(self.comparisons.len() - 1)
            }
            Edit::InsertComparison(index, spec) => {
                if index > self.comparisons.len() {
                    return Err(EditError::NoComparison { index });
                }
                self.comparisons.insert(index, spec);
                self.selection.comparison = Some(index);
                Edit::CloseComparison(index)
            }
            Edit::CloseComparison(index) => {
                if index >= self.comparisons.len() {
                    return Err(EditError::NoComparison { index });
                }
                let spec = self.comparisons.remove(index);
                self.selection.comparison = match self.selection.comparison {
                    Some(open) if open == index => index
                        .checked_sub(1)
                        .or((!self.comparisons.is_empty()).then_some(0)),
                    Some(open) if open > index => Some(open - 1),
                    other => other,
                };
                Edit::InsertComparison(index, spec)
            }
            Edit::UpdateComparison(index, spec) => {
                let slot = self
                    .comparisons
                    .get_mut(index)
                    .ok_or(EditError::NoComparison { index })?;
                Edit::UpdateComparison(index, std::mem::replace(slot, spec))
            }
            Edit::SetNote(id, note) => {
                let old = match note.filter(|n| !n.trim().is_empty()) {
                    Some(note) => self.notes.insert(id, note),
                    None => self.notes.remove(&id),
                };
                Edit::SetNote(id, old)
            }
            Edit::SetAliases(aliases) => {
                Edit::SetAliases(std::mem::replace(&mut self.aliases, aliases))
            }
            Edit::ReplaceStatements(statements) => {
                Edit::ReplaceStatements(std::mem::replace(&mut self.statements, statements))
            }
        })
    }

    fn add_imported(&mut self, imported: Vec<ImportedArticle>) -> Vec<ArticleId> {
        let mut ids = Vec::with_capacity(imported.len());
        let mut statements_map =
            PackedMap::new(std::mem::take(Arc::make_mut(&mut self.statements)));
        for ImportedArticle {
            mut article,
            statements,
        } in imported
        {
            // `u32::MAX` is never used, so the counter after an id always fits.
            let id = if self.articles.contains_key(&article.id) || article.id.0 == u32::MAX {
                self.fresh_article_id()
            } else {
                article.id
            };
            self.next_article_id = self.next_article_id.max(id.0.saturating_add(1));
            article.id = id;
            statements_map.extend(statements.into_iter().map(|mut statement| {
                statement.id.article = id;
                (statement.id, statement)
            }));
            Arc::make_mut(&mut self.articles).insert(id, article);
            ids.push(id);
        }
        self.statements = Arc::new(statements_map.finish());
        ids
    }

    fn remove_articles(&mut self, ids: &[ArticleId]) -> Vec<ImportedArticle> {
        let mut removed = Vec::with_capacity(ids.len());
        for id in ids {
            if !self.articles.contains_key(id) {
                continue;
            }
            let Some(article) = Arc::make_mut(&mut self.articles).remove(id) else {
                continue;
            };
            let statement_ids: Vec<StatementId> = self
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
                .map(|(k, _)| *k)
                .collect();
            let map = Arc::make_mut(&mut self.statements);
            let statements = statement_ids.iter().filter_map(|k| map.remove(k)).collect();
            self.selection.statements.retain(|s| s.article != *id);
            removed.push(ImportedArticle {
                article,
                statements,
            });
        }
        removed
    }
}
