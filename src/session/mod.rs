//! The session: the user's whole work (articles with their text, the statements as found,
//! the user's corrections, open comparisons, aliases, notes and the selection), saved as a
//! versioned RON file that reopens exactly as it was, on any machine.

mod check;
mod corrections;
mod demo;
mod edit;
mod file;
mod import;
mod packed;
pub mod write;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::article::{Article, ArticleId};
use crate::statement::{Group, Statement, StatementId};

pub use check::{CheckReport, span_fits};
pub use corrections::{Anchor, Correction, CorrectionKind};
pub use demo::demo_session;
pub use edit::{Edit, EditError, ImportedArticle};
pub use file::{
    CURRENT_VERSION, LoadedSession, MAX_SESSION_BYTES, SaveOptions, SessionError, load_session,
    load_session_checked, parse_session, parse_session_bytes, parse_session_checked, save_session,
    save_session_with, session_to_ron,
};
pub use import::{
    ImportFailure, ImportOutcome, ImportedFile, extract_contained, import_file,
    import_in_order_with, import_paths, import_paths_with, panic_text,
};

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
    /// The phrase of the open timeline (the app's "Show over time").
    #[serde(default)]
    pub timeline: Option<String>,
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
///
/// The articles and the statements as found, nearly all of a session's size, are shared
/// (`Arc`): a clone is a snapshot that costs next to nothing, so saving and recovery can
/// serialise a 200 MB session on another thread while the window stays responsive. They
/// change through [`Arc::make_mut`] in the session's own edits.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Session {
    /// Articles with their full text and provenance.
    #[serde(deserialize_with = "check::unique_shared_map")]
    pub articles: Arc<BTreeMap<ArticleId, Article>>,
    /// Statements as found when the articles were imported (not the corrected view).
    #[serde(deserialize_with = "check::unique_shared_map")]
    pub statements: Arc<BTreeMap<StatementId, Statement>>,
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
    #[serde(default, deserialize_with = "check::unique_map")]
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
    /// Returns the id given. Extraction that fails on this text adds the article without
    /// statements.
    pub fn add_article(&mut self, mut article: Article) -> ArticleId {
        let id = self.fresh_article_id();
        article.id = id;
        let statements = Arc::make_mut(&mut self.statements);
        for statement in extract_contained(&article).unwrap_or_default() {
            statements.insert(statement.id, statement);
        }
        Arc::make_mut(&mut self.articles).insert(id, article);
        id
    }

    /// The id [`Self::fresh_article_id`] would hand out next, without taking it.
    #[must_use]
    pub fn next_free_article_id(&self) -> ArticleId {
        let after_last = self
            .articles
            .keys()
            .next_back()
            .map_or(Some(0), |id| id.0.checked_add(1))
            .map(|n| n.max(self.next_article_id));
        match after_last {
            // `u32::MAX` is never handed out, so the counter after it can always be stored.
            Some(n) if n < u32::MAX && !self.articles.contains_key(&ArticleId(n)) => ArticleId(n),
            _ => self.lowest_free_article_id(),
        }
    }

    /// A fresh article id, never used in this session (while the counter has room; once it
    /// has run out, the lowest id no article has).
    pub fn fresh_article_id(&mut self) -> ArticleId {
        let id = self.next_free_article_id();
        self.next_article_id = self.next_article_id.max(id.0.saturating_add(1));
        id
    }

    fn lowest_free_article_id(&self) -> ArticleId {
        let mut candidate = 0_u32;
        for id in self.articles.keys() {
            if id.0 != candidate {
                break;
            }
            candidate = candidate.saturating_add(1);
        }
        ArticleId(candidate)
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
    /// Returns the articles whose extraction failed (they keep no statements).
    pub fn reextract(&mut self) -> Vec<ArticleId> {
        let (statements, failed) = self.extract_all(|_, _| true);
        self.statements = Arc::new(statements);
        failed
    }

    /// The statements the current rules find in every article, each article's extraction
    /// contained (a failure loses that article's statements, not the rest), and the
    /// articles whose extraction failed. `progress(done, total)` is called after each
    /// article; returning false stops early (the result is then partial).
    pub fn extract_all(
        &self,
        mut progress: impl FnMut(usize, usize) -> bool,
    ) -> (BTreeMap<StatementId, Statement>, Vec<ArticleId>) {
        let mut statements = packed::PackedMap::new(BTreeMap::new());
        let mut failed = Vec::new();
        let total = self.articles.len();
        for (done, article) in self.articles.values().enumerate() {
            match extract_contained(article) {
                Ok(found) => statements.extend(found.into_iter().map(|s| (s.id, s))),
                Err(_) => failed.push(article.id),
            }
            if !progress(done + 1, total) {
                break;
            }
        }
        (statements.finish(), failed)
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
