//! Data derived from the session for display: the corrected statements, the library's
//! groups with counts and filtered lists. Rebuilt only when the session's
//! revision changes (or the filter does), never per frame.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::article::ArticleId;
use crate::governments::Governments;
use crate::session::{GroupKey, Session};
use crate::statement::{Statement, StatementId};

use super::state::ListFilter;

/// One entry of the library: a group, its name and how many statements it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupEntry {
    /// The group.
    pub key: GroupKey,
    /// What the library shows.
    pub name: String,
    /// Statements listed under it.
    pub count: usize,
}

/// The statements and groups of one session revision.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// Statements with corrections applied.
    pub statements: Vec<Statement>,
    /// Each statement's text.
    pub texts: Vec<String>,
    index: BTreeMap<StatementId, usize>,
    per_article: BTreeMap<ArticleId, usize>,
    members: BTreeMap<GroupKey, Vec<usize>>,
    /// Governments, most statements first, then by name.
    pub governments: Vec<GroupEntry>,
    /// Intergovernmental bodies, same order.
    pub organisations: Vec<GroupEntry>,
    /// Other voices, same order.
    pub others: Vec<GroupEntry>,
}

/// The name a group goes by on screen.
#[must_use]
pub fn group_name(key: &GroupKey) -> String {
    match key {
        GroupKey::Government(iso3) => Governments::bundled()
            .get(iso3)
            .map_or_else(|| iso3.clone(), |g| g.name.clone()),
        GroupKey::Organisation(name) => name.clone(),
        GroupKey::Other(affiliation) => {
            let mut chars = affiliation.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        }
    }
}

/// The name of a government code, or the code itself when unknown.
#[must_use]
pub fn government_name(iso3: &str) -> String {
    group_name(&GroupKey::Government(iso3.to_owned()))
}

impl Derived {
    /// Derives everything from `session`.
    #[must_use]
    pub fn build(session: &Session) -> Self {
        let statements = session.effective_statements();
        let texts = statements
            .iter()
            .map(|s| {
                session
                    .articles
                    .get(&s.id.article)
                    .map_or_else(String::new, |a| s.text(&a.text).into_owned())
            })
            .collect();
        let mut members: BTreeMap<GroupKey, Vec<usize>> = BTreeMap::new();
        let mut index = BTreeMap::new();
        let mut per_article: BTreeMap<ArticleId, usize> = BTreeMap::new();
        for (i, statement) in statements.iter().enumerate() {
            index.insert(statement.id, i);
            *per_article.entry(statement.id.article).or_default() += 1;
            for key in GroupKey::of_statement(statement) {
                members.entry(key).or_default().push(i);
            }
        }
        let mut governments = Vec::new();
        let mut organisations = Vec::new();
        let mut others = Vec::new();
        for (key, list) in &members {
            let entry = GroupEntry {
                key: key.clone(),
                name: group_name(key),
                count: list.len(),
            };
            match key {
                GroupKey::Government(_) => governments.push(entry),
                GroupKey::Organisation(_) => organisations.push(entry),
                GroupKey::Other(_) => others.push(entry),
            }
        }
        for list in [&mut governments, &mut organisations, &mut others] {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        }
        Self {
            statements,
            texts,
            index,
            per_article,
            members,
            governments,
            organisations,
            others,
        }
    }

    /// The position of a statement in [`Self::statements`].
    #[must_use]
    pub fn position(&self, id: StatementId) -> Option<usize> {
        self.index.get(&id).copied()
    }

    /// A statement with its text.
    #[must_use]
    pub fn statement(&self, id: StatementId) -> Option<(&Statement, &str)> {
        let i = self.position(id)?;
        Some((self.statements.get(i)?, self.texts.get(i)?.as_str()))
    }

    /// Positions of the statements listed under `key`.
    #[must_use]
    pub fn members(&self, key: &GroupKey) -> &[usize] {
        self.members.get(key).map_or(&[], Vec::as_slice)
    }

    /// Number of statements in an article.
    #[must_use]
    pub fn count_in_article(&self, article: ArticleId) -> usize {
        self.per_article.get(&article).copied().unwrap_or(0)
    }
}

/// What the statement list shows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ListSource {
    /// One group's statements.
    Group(GroupKey),
    /// All statements of one article.
    Article(ArticleId),
}

/// Caches keyed by the session revision.
#[derive(Debug, Default)]
pub struct Caches {
    revision: Option<u64>,
    /// The derived data of the current revision.
    pub derived: Derived,
    list: Option<(ListSource, ListFilter, Arc<[StatementId]>)>,
}

impl Caches {
    /// Rebuilds what depends on the session when its revision moved.
    pub fn refresh(&mut self, session: &Session, revision: u64) {
        if self.revision != Some(revision) {
            self.derived = Derived::build(session);
            self.list = None;
            self.revision = Some(revision);
        }
    }

    /// The statements `source` lists that match `filter` (words in the text or speaker,
    /// case-insensitive; kind), in document order. Shared, so a frame takes it without
    /// copying the list.
    pub fn list(&mut self, source: &ListSource, filter: &ListFilter) -> Arc<[StatementId]> {
        let stale = self
            .list
            .as_ref()
            .is_none_or(|(s, f, _)| s != source || f != filter);
        if stale {
            let derived = &self.derived;
            let candidates: Vec<usize> = match source {
                ListSource::Group(key) => derived.members(key).to_vec(),
                ListSource::Article(article) => (0..derived.statements.len())
                    .filter(|&i| derived.statements[i].id.article == *article)
                    .collect(),
            };
            let needle = filter.text.trim().to_lowercase();
            let rows = candidates
                .into_iter()
                .filter(|&i| needle.is_empty() || matches(derived, i, &needle))
                .filter(|&i| {
                    filter.kind.is_none_or(|kind| {
                        derived.statements.get(i).is_some_and(|s| s.kind == kind)
                    })
                })
                .filter(|&i| {
                    !filter.low_confidence
                        || derived
                            .statements
                            .get(i)
                            .is_some_and(|s| s.confidence < super::state::LOW_CONFIDENCE)
                })
                .filter_map(|i| derived.statements.get(i).map(|s| s.id))
                .collect();
            self.list = Some((source.clone(), filter.clone(), rows));
        }
        self.list
            .as_ref()
            .map_or_else(|| Arc::from([]), |(_, _, rows)| Arc::clone(rows))
    }
}

fn matches(derived: &Derived, i: usize, needle: &str) -> bool {
    let text = derived
        .texts
        .get(i)
        .is_some_and(|t| t.to_lowercase().contains(needle));
    let speaker = derived.statements.get(i).is_some_and(|s| {
        s.speaker
            .as_deref()
            .is_some_and(|sp| sp.to_lowercase().contains(needle))
    });
    text || speaker
}
