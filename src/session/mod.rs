//! The session: the user's whole work (articles with their text, the statements as found,
//! the user's corrections, open comparisons, aliases, notes and the selection), saved as a
//! versioned RON file that reopens exactly as it was, on any machine.

mod corrections;
mod demo;
mod edit;
mod file;
mod import;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::article::{Article, ArticleId};
use crate::statement::{Group, Statement, StatementId};

pub use corrections::{Anchor, Correction, CorrectionKind};
pub use demo::demo_session;
pub use edit::{Edit, EditError, ImportedArticle};
pub use file::{
    CURRENT_VERSION, SessionError, load_session, parse_session, save_session, session_to_ron,
};
pub use import::{ImportFailure, ImportOutcome, import_paths};

/// A group of voices as listed in the library panel: one government, one organisation,
/// or one kind of other voice.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum GroupKey {
    /// A government by ISO alpha-3 code.
    Government(String),
    /// An intergovernmental body by name.
    Organisation(String),
    /// Other voices by affiliation ("legislator", "analyst", "unknown").
    Other(String),
}

impl GroupKey {
    /// The groups a statement is listed under: each of its governments (a joint statement
    /// appears under each), else its organisation or affiliation.
    #[must_use]
    pub fn of_statement(statement: &Statement) -> Vec<Self> {
        let affiliation = || {
            statement
                .affiliation
                .clone()
                .unwrap_or_else(|| "unknown".to_owned())
        };
        match statement.group {
            Group::Government if !statement.governments.is_empty() => statement
                .governments
                .iter()
                .cloned()
                .map(Self::Government)
                .collect(),
            Group::Government | Group::Other => vec![Self::Other(affiliation())],
            Group::Organisation => vec![Self::Organisation(affiliation())],
        }
    }
}

/// A comparison the user opened: two statements side by side, with their notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonSpec {
    /// Left statement.
    pub left: StatementId,
    /// Right statement.
    pub right: StatementId,
    /// The user's sentence pins: (left sentence index, right sentence index).
    #[serde(default)]
    pub pins: Vec<(usize, usize)>,
    /// Notes on rows, by row index.
    #[serde(default)]
    pub notes: BTreeMap<usize, String>,
    /// How this comparison diffs (granularity, what it ignores). The session's aliases
    /// apply on top; `options.aliases` is left empty.
    #[serde(default)]
    pub options: crate::compare::CompareOptions,
    /// The name the user gave it (its tab shows the speakers or titles otherwise).
    #[serde(default)]
    pub name: Option<String>,
    /// Two statements, or the whole texts of their two articles.
    #[serde(default)]
    pub compared: Compared,
}

/// What a comparison sets side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Compared {
    /// The statements `left` and `right`.
    #[default]
    Statements,
    /// The whole texts of the articles of `left` and `right` (their ordinals are unused).
    Articles,
}

impl ComparisonSpec {
    /// A comparison of two statements with default options, no pins and no notes.
    #[must_use]
    pub fn new(left: StatementId, right: StatementId) -> Self {
        Self {
            left,
            right,
            pins: Vec::new(),
            notes: BTreeMap::new(),
            options: crate::compare::CompareOptions::default(),
            name: None,
            compared: Compared::Statements,
        }
    }

    /// A comparison of two articles' whole texts.
    #[must_use]
    pub fn articles(left: ArticleId, right: ArticleId) -> Self {
        let whole = |article| StatementId {
            article,
            ordinal: 0,
        };
        Self {
            compared: Compared::Articles,
            ..Self::new(whole(left), whole(right))
        }
    }
}

/// Where the user was in the views when the session was saved (search, filters, the tab in
/// front, scroll positions in points), so reopening puts them back.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SavedView {
    /// The statement list's search text.
    #[serde(default)]
    pub search: String,
    /// Only statements of this kind.
    #[serde(default)]
    pub kind: Option<crate::statement::StatementKind>,
    /// Only statements of low confidence.
    #[serde(default)]
    pub low_confidence: bool,
    /// The article listed instead of a group.
    #[serde(default)]
    pub article: Option<ArticleId>,
    /// The statement list was in front of the comparison tabs.
    #[serde(default)]
    pub list_in_front: bool,
    /// Scroll position of the statement list.
    #[serde(default)]
    pub list_scroll: u32,
    /// Scroll position of the article reader.
    #[serde(default)]
    pub reader_scroll: u32,
    /// Scroll position of each open comparison, by index.
    #[serde(default)]
    pub compare_scroll: BTreeMap<usize, u32>,
}

/// What the user had selected when the session was saved.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Selection {
    /// The group shown in the statement list.
    #[serde(default)]
    pub group: Option<GroupKey>,
    /// Selected statements, in the order picked.
    #[serde(default)]
    pub statements: Vec<StatementId>,
    /// Index into [`Session::comparisons`] of the comparison on screen.
    #[serde(default)]
    pub comparison: Option<usize>,
    /// Search, filters, the tab in front and scroll positions.
    #[serde(default)]
    pub view: SavedView,
}

/// The user's whole work.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Session {
    /// Articles with their full text and provenance.
    pub articles: BTreeMap<ArticleId, Article>,
    /// Statements as found when the articles were imported (not the corrected view).
    pub statements: BTreeMap<StatementId, Statement>,
    /// The user's corrections, applied in order over `statements`.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// Open comparisons.
    #[serde(default)]
    pub comparisons: Vec<ComparisonSpec>,
    /// Term aliases for comparison ("Diaoyu Dao" = "Senkaku Islands").
    #[serde(default)]
    pub aliases: Vec<(String, String)>,
    /// Notes on statements.
    #[serde(default)]
    pub notes: BTreeMap<StatementId, String>,
    /// What was selected.
    #[serde(default)]
    pub selection: Selection,
    /// The next article id to hand out.
    #[serde(default)]
    pub next_article_id: u32,
}

impl Session {
    /// Adds an article (its id is replaced by a fresh one) and the statements found in it.
    /// Returns the id given.
    pub fn add_article(&mut self, mut article: Article) -> ArticleId {
        let id = self.fresh_article_id();
        article.id = id;
        for statement in crate::extract::extract(&article) {
            self.statements.insert(statement.id, statement);
        }
        self.articles.insert(id, article);
        id
    }

    /// A fresh article id, never used in this session.
    pub fn fresh_article_id(&mut self) -> ArticleId {
        let used = self.articles.keys().next_back().map_or(0, |id| id.0 + 1);
        let id = ArticleId(self.next_article_id.max(used));
        self.next_article_id = id.0 + 1;
        id
    }

    /// True when an article with the same content hash is already open.
    #[must_use]
    pub fn has_article_with_hash(&self, sha256: &str) -> Option<ArticleId> {
        self.articles
            .values()
            .find(|a| a.provenance.sha256 == sha256)
            .map(|a| a.id)
    }

    /// The statements with the user's corrections applied, in id order.
    #[must_use]
    pub fn effective_statements(&self) -> Vec<Statement> {
        corrections::apply_all(self)
    }

    /// Runs extraction again with the current rules on every article, keeping the user's
    /// corrections (they are anchored to the text, so they apply to the new statements).
    pub fn reextract(&mut self) {
        self.statements.clear();
        for article in self.articles.values() {
            for statement in crate::extract::extract(article) {
                self.statements.insert(statement.id, statement);
            }
        }
    }

    /// A short, human name for the session taken from a file path.
    #[must_use]
    pub fn name_from_path(path: &std::path::Path) -> String {
        path.file_stem().map_or_else(
            || "untitled".to_owned(),
            |s| s.to_string_lossy().into_owned(),
        )
    }
}

#[cfg(test)]
mod tests;
