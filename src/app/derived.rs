//! Data derived from the session for display: the corrected statements, the library's
//! groups with counts and filtered lists. Rebuilt only when the session's revision changes
//! (or the filter does), never per frame; after an edit only the articles it touched are
//! worked out again (40,000 statements are not cloned for one reassignment).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::article::{Article, ArticleId};
use crate::governments::Governments;
use crate::session::{Edit, GroupKey, Session};
use crate::statement::{Group, Statement, StatementId};

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

/// True when `statement` is listed under `key` (as [`GroupKey::of_statement`] says, without
/// allocating: the list filter asks this of every statement).
#[must_use]
pub fn in_group(statement: &Statement, key: &GroupKey) -> bool {
    let affiliation = statement.affiliation.as_deref().unwrap_or("unknown");
    match key {
        GroupKey::Government(iso3) => {
            statement.group == Group::Government && statement.governments.contains(iso3)
        }
        GroupKey::Organisation(name) => {
            statement.group == Group::Organisation && affiliation == name
        }
        GroupKey::Other(name) => {
            let other = statement.group == Group::Other
                || (statement.group == Group::Government && statement.governments.is_empty());
            other && affiliation == name
        }
    }
}

/// One article's statements with the corrections applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleStatements {
    /// The statements, in reading order.
    held: Held,
    /// How many there are.
    len: usize,
    /// The texts of statements over several spans (joined with " … "), by position in
    /// reading order; the text of a statement of one span is read from the article.
    joined: Vec<(usize, String)>,
    /// The statements with the ordinals the article alone would give its user statements
    /// (`USER_BASE + n`), kept to renumber them when corrections elsewhere change; empty
    /// once numbered when the article has no user statements (`held` is then final).
    local: Vec<Statement>,
    /// Indexes in the session's corrections of this article's corrections that handed out a
    /// user ordinal, in order: the n-th made the statement numbered `USER_BASE + n` locally.
    consumed: Vec<usize>,
}

/// Where an article's statements are kept.
#[derive(Debug, Clone, Default, PartialEq)]
enum Held {
    /// The article has no corrections and its statements as found are in reading order:
    /// they are read from the session's map, not copied (40,000 copies take 16 MB).
    #[default]
    Found,
    /// Copies with the corrections applied (or put in reading order).
    Owned(Vec<Statement>),
}

impl ArticleStatements {
    /// The text of the statement at `position` in reading order, `article_text` its
    /// article's text.
    fn text_at<'a>(
        &'a self,
        position: usize,
        statement: &Statement,
        article_text: &'a str,
    ) -> &'a str {
        match statement.spans.as_slice() {
            [one] => one.slice(article_text),
            [] => "",
            _ => self
                .joined
                .binary_search_by_key(&position, |(at, _)| *at)
                .ok()
                .and_then(|i| self.joined.get(i))
                .map_or("", |(_, text)| text.as_str()),
        }
    }
}

/// The statements of an article in reading order, wherever they are kept.
enum HeldIter<'a> {
    Found(std::collections::btree_map::Range<'a, StatementId, Statement>),
    Owned(std::slice::Iter<'a, Statement>),
}

impl<'a> Iterator for HeldIter<'a> {
    type Item = &'a Statement;

    fn next(&mut self) -> Option<&'a Statement> {
        match self {
            Self::Found(range) => range.next().map(|(_, s)| s),
            Self::Owned(iter) => iter.next(),
        }
    }
}

/// The ids the statements of `article` can have.
fn article_range(article: ArticleId) -> std::ops::RangeInclusive<StatementId> {
    StatementId {
        article,
        ordinal: 0,
    }..=StatementId {
        article,
        ordinal: u32::MAX,
    }
}

/// The statements of `part` (of `article`), `found` the session's statements as found.
fn held<'a>(
    found: &'a BTreeMap<StatementId, Statement>,
    article: ArticleId,
    part: &'a ArticleStatements,
) -> HeldIter<'a> {
    match &part.held {
        Held::Found => HeldIter::Found(found.range(article_range(article))),
        Held::Owned(statements) => HeldIter::Owned(statements.iter()),
    }
}

/// The statements and groups of one session revision. A clone is cheap (the statements are
/// shared), so a background task takes one.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// The session's articles, shared: statements' texts are read from them.
    texts: Arc<BTreeMap<ArticleId, Article>>,
    /// The session's statements as found, shared: articles without corrections read theirs
    /// from here.
    found: Arc<BTreeMap<StatementId, Statement>>,
    articles: BTreeMap<ArticleId, Arc<ArticleStatements>>,
    total: usize,
    counts: BTreeMap<GroupKey, usize>,
    /// Governments, most statements first, then by name.
    pub governments: Vec<GroupEntry>,
    /// Intergovernmental bodies, same order.
    pub organisations: Vec<GroupEntry>,
    /// Other voices, same order.
    pub others: Vec<GroupEntry>,
}

/// The texts of the statements in `statements` that have several spans, by position.
fn joined_texts<'s>(
    statements: impl Iterator<Item = &'s Statement>,
    article_text: &str,
) -> Vec<(usize, String)> {
    statements
        .enumerate()
        .filter(|(_, s)| s.spans.len() > 1)
        .map(|(i, s)| (i, s.text(article_text).into_owned()))
        .collect()
}

/// The statements of `id` as `Session::effective_statements` gives them, numbered as if the
/// article were alone in the session, and which of its corrections handed out user ordinals.
fn article_statements(session: &Session, id: ArticleId) -> Option<ArticleStatements> {
    let article = session.articles.get(&id)?;
    let own: Vec<(usize, &crate::session::Correction)> = session
        .corrections
        .iter()
        .enumerate()
        .filter(|(_, c)| c.anchor.article == id)
        .collect();
    let found = session.statements.range(article_range(id));
    // Without corrections the statements are the ones found, in reading order (first span,
    // then ordinal): when the ids already give that order nothing needs copying.
    let key = |s: &Statement| (s.spans.first().map_or(0, |sp| sp.start), s.id.ordinal);
    if own.is_empty()
        && found
            .clone()
            .zip(found.clone().skip(1))
            .all(|((_, a), (_, b))| key(a) <= key(b))
    {
        return Some(ArticleStatements {
            held: Held::Found,
            len: found.clone().count(),
            joined: joined_texts(found.map(|(_, s)| s), &article.text),
            local: Vec::new(),
            consumed: Vec::new(),
        });
    }
    let mut alone = Session {
        articles: Arc::new(BTreeMap::from([(id, article.clone())])),
        statements: Arc::new(found.map(|(k, s)| (*k, s.clone())).collect()),
        ..Session::default()
    };
    // Which corrections hand out an ordinal (an added statement, the tail of a split) only
    // shows by applying them in order: the one that does leaves a statement numbered with
    // the next ordinal right after it.
    let mut consumed = Vec::new();
    let hands_out = |c: &crate::session::Correction| {
        matches!(
            c.kind,
            crate::session::CorrectionKind::Add { .. } | crate::session::CorrectionKind::SplitAt(_)
        )
    };
    if own.iter().any(|(_, c)| hands_out(c)) {
        for (k, (index, correction)) in own.iter().enumerate() {
            if !hands_out(correction) {
                continue;
            }
            alone.corrections = own[..=k].iter().map(|(_, c)| (*c).clone()).collect();
            let next = StatementId::USER_BASE + consumed.len() as u32;
            if alone
                .effective_statements()
                .iter()
                .any(|s| s.id.ordinal == next)
            {
                consumed.push(*index);
            }
        }
    }
    alone.corrections = own.iter().map(|(_, c)| (*c).clone()).collect();
    let local = alone.effective_statements();
    Some(ArticleStatements {
        held: Held::Owned(Vec::new()),
        len: local.len(),
        joined: joined_texts(local.iter(), &article.text),
        local,
        consumed,
    })
}

/// Gives the user statements of `part` their session-wide ordinals (`ranks`: correction
/// index to its rank among every correction that handed out an ordinal).
fn number(part: &mut ArticleStatements, ranks: &BTreeMap<usize, u32>) {
    if part.consumed.is_empty() {
        // No user statements here, so the local numbers are the session's and never need
        // renumbering: keep one copy, not two (at 40,000 statements that is megabytes).
        if !part.local.is_empty() {
            part.held = Held::Owned(std::mem::take(&mut part.local));
        }
        return;
    }
    let mut statements = part.local.clone();
    for statement in &mut statements {
        let Some(local) = statement.id.ordinal.checked_sub(StatementId::USER_BASE) else {
            continue;
        };
        if let Some(rank) = part
            .consumed
            .get(local as usize)
            .and_then(|index| ranks.get(index))
        {
            statement.id.ordinal = StatementId::USER_BASE + rank;
        }
    }
    part.held = Held::Owned(statements);
}

/// Adds (or, with `add` false, takes away) the statements of `part` to the group counts.
fn count(
    counts: &mut BTreeMap<GroupKey, usize>,
    found: &BTreeMap<StatementId, Statement>,
    article: ArticleId,
    part: &ArticleStatements,
    add: bool,
) {
    for statement in held(found, article, part) {
        for key in GroupKey::of_statement(statement) {
            let count = counts.entry(key).or_default();
            if add {
                *count += 1;
            } else {
                *count = count.saturating_sub(1);
            }
        }
    }
}

impl Derived {
    /// Derives everything from `session`.
    #[must_use]
    pub fn build(session: &Session) -> Self {
        let mut derived = Self::default();
        let all: BTreeSet<ArticleId> = session.articles.keys().copied().collect();
        derived.update(session, &all);
        derived
    }

    /// Works out again the statements of the articles in `touched` (added, removed or
    /// corrected) and renumbers user statements where corrections elsewhere moved them.
    /// The statements of the articles not touched are the same in the session's current
    /// maps, so they are read from those from now on.
    pub fn update(&mut self, session: &Session, touched: &BTreeSet<ArticleId>) {
        let before = std::mem::replace(&mut self.found, Arc::clone(&session.statements));
        self.texts = Arc::clone(&session.articles);
        for id in touched {
            if let Some(old) = self.articles.remove(id) {
                count(&mut self.counts, &before, *id, &old, false);
            }
            if let Some(part) = article_statements(session, *id) {
                self.articles.insert(*id, Arc::new(part));
            }
        }
        drop(before);
        let mut consumed: Vec<usize> = self
            .articles
            .values()
            .flat_map(|a| a.consumed.iter().copied())
            .collect();
        consumed.sort_unstable();
        let ranks: BTreeMap<usize, u32> = consumed
            .into_iter()
            .enumerate()
            .map(|(rank, index)| (index, rank as u32))
            .collect();
        let ids: Vec<ArticleId> = self.articles.keys().copied().collect();
        for id in ids {
            let Some(part) = self.articles.get_mut(&id) else {
                continue;
            };
            let fresh = touched.contains(&id);
            if !fresh && part.consumed.is_empty() {
                continue;
            }
            let before = (!fresh).then(|| Arc::clone(part));
            number(Arc::make_mut(part), &ranks);
            let part = Arc::clone(part);
            if let Some(before) = before {
                if before.held == part.held {
                    continue;
                }
                count(&mut self.counts, &self.found, id, &before, false);
            }
            count(&mut self.counts, &self.found, id, &part, true);
        }
        self.total = self.articles.values().map(|a| a.len).sum();
        self.entries();
    }

    fn entries(&mut self) {
        self.counts.retain(|_, n| *n > 0);
        let mut governments = Vec::new();
        let mut organisations = Vec::new();
        let mut others = Vec::new();
        for (key, count) in &self.counts {
            let entry = GroupEntry {
                key: key.clone(),
                name: group_name(key),
                count: *count,
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
        self.governments = governments;
        self.organisations = organisations;
        self.others = others;
    }

    /// The text of `article`, empty when it is gone.
    fn article_text(&self, article: ArticleId) -> &str {
        self.texts.get(&article).map_or("", |a| a.text.as_str())
    }

    /// The statements of `part` (of `article`) with their texts.
    fn in_part<'a>(
        &'a self,
        article: ArticleId,
        part: &'a ArticleStatements,
    ) -> impl Iterator<Item = (&'a Statement, &'a str)> {
        let text = self.article_text(article);
        held(&self.found, article, part)
            .enumerate()
            .map(move |(i, s)| (s, part.text_at(i, s, text)))
    }

    /// Every statement with its text, article by article in reading order.
    pub fn iter(&self) -> impl Iterator<Item = (&Statement, &str)> {
        self.articles
            .iter()
            .flat_map(|(id, part)| self.in_part(*id, part))
    }

    /// How many statements there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.total
    }

    /// A statement with its text.
    #[must_use]
    pub fn statement(&self, id: StatementId) -> Option<(&Statement, &str)> {
        let part = self.articles.get(&id.article)?;
        let (i, statement) = held(&self.found, id.article, part)
            .enumerate()
            .find(|(_, s)| s.id == id)?;
        Some((
            statement,
            part.text_at(i, statement, self.article_text(id.article)),
        ))
    }

    /// One article's statements with their texts, in reading order.
    pub fn in_article(&self, article: ArticleId) -> impl Iterator<Item = (&Statement, &str)> {
        self.articles
            .get(&article)
            .into_iter()
            .flat_map(move |part| self.in_part(article, part))
    }

    /// Number of statements in an article.
    #[must_use]
    pub fn count_in_article(&self, article: ArticleId) -> usize {
        self.articles.get(&article).map_or(0, |a| a.len)
    }
}

/// The articles an edit changes the statements of: `None` for all of them.
#[must_use]
pub fn articles_touched(edit: &Edit) -> Option<BTreeSet<ArticleId>> {
    Some(match edit {
        Edit::AddArticles(imported) => imported.iter().map(|a| a.article.id).collect(),
        Edit::RemoveArticles(ids) => ids.iter().copied().collect(),
        Edit::AddCorrection(correction) => {
            let mut set = BTreeSet::from([correction.anchor.article]);
            if let crate::session::CorrectionKind::MergeWith(others) = &correction.kind {
                set.extend(others.iter().map(|a| a.article));
            }
            set
        }
        Edit::ReplaceStatements(_) => return None,
        _ => BTreeSet::new(),
    })
}

/// What the statement list shows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ListSource {
    /// One group's statements.
    Group(GroupKey),
    /// All statements of one article.
    Article(ArticleId),
}

/// What changed since the caches were built.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Touched {
    /// Only these articles' statements.
    Articles(BTreeSet<ArticleId>),
    /// Anything: build everything again.
    All,
}

/// Caches keyed by the session revision.
#[derive(Debug, Default)]
pub struct Caches {
    revision: Option<u64>,
    /// The derived data of the current revision.
    pub derived: Derived,
    list: Option<(ListSource, ListFilter, Arc<[StatementId]>)>,
    touched: Option<Touched>,
}

impl Caches {
    /// Records that the next revision changes only the statements of `articles` (`None`:
    /// possibly all). A revision moved without this builds everything again.
    pub fn touch(&mut self, articles: Option<BTreeSet<ArticleId>>) {
        let next = match (self.touched.take(), articles) {
            (Some(Touched::All), _) | (_, None) => Touched::All,
            (Some(Touched::Articles(mut before)), Some(more)) => {
                before.extend(more);
                Touched::Articles(before)
            }
            (None, Some(set)) => Touched::Articles(set),
        };
        self.touched = Some(next);
    }

    /// Rebuilds what depends on the session when its revision moved: only the touched
    /// articles when [`Self::touch`] said which, else everything.
    pub fn refresh(&mut self, session: &Session, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        match (self.revision, self.touched.take()) {
            (Some(_), Some(Touched::Articles(set))) => {
                if !set.is_empty() {
                    self.derived.update(session, &set);
                }
            }
            _ => self.derived = Derived::build(session),
        }
        self.list = None;
        self.revision = Some(revision);
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
            let needle = Needle::new(&filter.text);
            let keep = |s: &Statement, text: &str| {
                filter.kind.is_none_or(|kind| s.kind == kind)
                    && (!filter.low_confidence || s.confidence < super::state::LOW_CONFIDENCE)
                    && needle.found_in(s, text)
            };
            let rows: Arc<[StatementId]> = match source {
                ListSource::Group(key) => self
                    .derived
                    .iter()
                    .filter(|(s, t)| in_group(s, key) && keep(s, t))
                    .map(|(s, _)| s.id)
                    .collect(),
                ListSource::Article(article) => self
                    .derived
                    .in_article(*article)
                    .filter(|(s, t)| keep(s, t))
                    .map(|(s, _)| s.id)
                    .collect(),
            };
            self.list = Some((source.clone(), filter.clone(), rows));
        }
        self.list
            .as_ref()
            .map_or_else(|| Arc::from([]), |(_, _, rows)| Arc::clone(rows))
    }
}

/// Search words, lowercased once; matched without allocating when they are ASCII.
struct Needle {
    lower: String,
}

impl Needle {
    fn new(text: &str) -> Self {
        Self {
            lower: text.trim().to_lowercase(),
        }
    }

    fn found_in(&self, statement: &Statement, text: &str) -> bool {
        self.lower.is_empty()
            || self.matches(text)
            || statement
                .speaker
                .as_deref()
                .is_some_and(|s| self.matches(s))
    }

    fn matches(&self, haystack: &str) -> bool {
        let needle = self.lower.as_bytes();
        if !self.lower.is_ascii() {
            return haystack.to_lowercase().contains(&self.lower);
        }
        haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Anchor, Correction, CorrectionKind, ImportedArticle};
    use crate::statement::{Evidence, Origin, StatementKind};
    use crate::text::Span;

    fn session() -> Session {
        let mut imported = Vec::new();
        for a in 0..4u32 {
            let mut text = String::new();
            let mut statements = Vec::new();
            for n in 0..5u32 {
                let start = text.len();
                text.push_str(&format!("Envoy {a} line {n} says the tide turns. "));
                statements.push(Statement {
                    id: StatementId {
                        article: ArticleId(a),
                        ordinal: n,
                    },
                    spans: vec![Span::new(start, text.len() - 1)],
                    kind: StatementKind::Direct,
                    speaker: Some(format!("Envoy {a}")),
                    role: None,
                    speaker_mention: None,
                    group: Group::Government,
                    governments: vec![["CHN", "JPN"][(n % 2) as usize].to_owned()],
                    affiliation: None,
                    cue: None,
                    evidence: Evidence::default(),
                    confidence: 0.9,
                    continues_previous: false,
                    origin: Origin::Extracted,
                    question: None,
                });
                text.push_str("Filler words. ");
            }
            imported.push(ImportedArticle {
                article: Article::from_text(ArticleId(a), text),
                statements,
            });
        }
        let mut session = Session::default();
        session
            .apply(Edit::AddArticles(imported))
            .expect("articles added");
        session
    }

    fn flat(derived: &Derived) -> Vec<(Statement, String)> {
        derived
            .iter()
            .map(|(s, t)| (s.clone(), t.to_owned()))
            .collect()
    }

    fn anchor(session: &Session, article: u32, ordinal: u32) -> Anchor {
        let id = StatementId {
            article: ArticleId(article),
            ordinal,
        };
        let statement = &session.statements[&id];
        Anchor::of_statement(statement, &session.articles[&id.article].text).expect("anchor")
    }

    #[test]
    fn updating_touched_articles_gives_what_a_full_build_gives() {
        let mut session = session();
        let mut caches = Caches::default();
        caches.refresh(&session, 0);
        let text_of = |s: &Session, a: u32| s.articles[&ArticleId(a)].text.clone();
        // Added statements and splits in several articles, interleaved, so user ordinals
        // depend on corrections in other articles; then hide, reassign and undo.
        let mut edits = Vec::new();
        for (article, ordinal) in [(2, 1), (0, 3), (2, 0), (1, 4)] {
            let text = text_of(&session, article);
            let at = text.find(&format!("line {ordinal}")).expect("line");
            edits.push(Edit::AddCorrection(Correction {
                anchor: Anchor::new(ArticleId(article), Span::new(at, at + 6), &text),
                kind: CorrectionKind::Add {
                    kind: StatementKind::Partial,
                    speaker: None,
                    governments: vec!["KOR".to_owned()],
                },
            }));
        }
        edits.push(Edit::AddCorrection(Correction {
            anchor: anchor(&session, 0, 1),
            kind: CorrectionKind::SplitAt(
                text_of(&session, 0)
                    .find("says the tide")
                    .expect("split point"),
            ),
        }));
        edits.push(Edit::AddCorrection(Correction {
            anchor: anchor(&session, 1, 2),
            kind: CorrectionKind::NotAStatement,
        }));
        edits.push(Edit::AddCorrection(Correction {
            anchor: anchor(&session, 3, 0),
            kind: CorrectionKind::SetGovernments(Vec::new()),
        }));
        let mut undo = Vec::new();
        for (revision, edit) in edits.into_iter().enumerate() {
            let touched = articles_touched(&edit);
            let inverse = session.apply(edit).expect("applied");
            caches.touch(touched);
            caches.touch(articles_touched(&inverse));
            undo.push(inverse);
            caches.refresh(&session, revision as u64 + 1);
            assert_eq!(flat(&caches.derived), flat(&Derived::build(&session)));
            assert_eq!(
                caches.derived.governments,
                Derived::build(&session).governments
            );
        }
        let mut revision = 100;
        while let Some(edit) = undo.pop() {
            let touched = articles_touched(&edit);
            let inverse = session.apply(edit).expect("undone");
            caches.touch(touched);
            caches.touch(articles_touched(&inverse));
            revision += 1;
            caches.refresh(&session, revision);
            assert_eq!(flat(&caches.derived), flat(&Derived::build(&session)));
        }
    }

    #[test]
    fn adding_and_removing_articles_keeps_the_shared_statements_right() {
        let mut session = session();
        let mut caches = Caches::default();
        caches.refresh(&session, 0);
        let mut revision = 0;
        for edit in [
            Edit::RemoveArticles(vec![ArticleId(1)]),
            Edit::AddArticles(vec![ImportedArticle {
                article: Article::from_text(ArticleId(9), "Envoy 9 says the tide turns."),
                statements: Vec::new(),
            }]),
        ] {
            // Applies an edit (then its inverse) and checks the refreshed caches against a
            // full build.
            let mut apply_and_check = |edit: Edit| {
                let touched = articles_touched(&edit);
                let inverse = session.apply(edit).expect("applied");
                caches.touch(touched);
                revision += 1;
                caches.refresh(&session, revision);
                assert_eq!(flat(&caches.derived), flat(&Derived::build(&session)));
                assert_eq!(
                    caches.derived.governments,
                    Derived::build(&session).governments
                );
                inverse
            };
            let inverse = apply_and_check(edit);
            apply_and_check(inverse);
        }
    }

    #[test]
    fn statements_over_several_spans_read_their_joined_text() {
        let mut session = session();
        let id = StatementId {
            article: ArticleId(2),
            ordinal: 3,
        };
        let map = Arc::make_mut(&mut session.statements);
        let statement = map.get_mut(&id).expect("statement");
        let first = statement.spans[0];
        statement.spans = vec![
            Span::new(first.start, first.start + 5),
            Span::new(first.start + 6, first.end),
        ];
        let derived = Derived::build(&session);
        let (_, text) = derived.statement(id).expect("found");
        assert_eq!(text, "Envoy … 2 line 3 says the tide turns.");
        assert_eq!(derived.iter().count(), 20);
    }

    #[test]
    fn the_build_matches_the_session_s_effective_statements() {
        let mut session = session();
        let text = session.articles[&ArticleId(1)].text.clone();
        let at = text.find("Filler").expect("filler");
        for article in [1, 0] {
            let text = session.articles[&ArticleId(article)].text.clone();
            session.corrections.push(Correction {
                anchor: Anchor::new(ArticleId(article), Span::new(at, at + 6), &text),
                kind: CorrectionKind::Add {
                    kind: StatementKind::Indirect,
                    speaker: Some("Someone".to_owned()),
                    governments: Vec::new(),
                },
            });
        }
        let derived = Derived::build(&session);
        let built: Vec<Statement> = derived.iter().map(|(s, _)| s.clone()).collect();
        assert_eq!(built, session.effective_statements());
    }

    #[test]
    fn membership_without_allocating_agrees_with_group_keys() {
        let mut statement = session().statements.values().next().cloned().expect("one");
        let cases = [
            (Group::Government, vec!["CHN".to_owned()], None),
            (Group::Government, Vec::new(), Some("analyst".to_owned())),
            (Group::Other, Vec::new(), None),
            (
                Group::Organisation,
                Vec::new(),
                Some("United Nations".to_owned()),
            ),
        ];
        for (group, governments, affiliation) in cases {
            statement.group = group;
            statement.governments = governments;
            statement.affiliation = affiliation;
            let keys = GroupKey::of_statement(&statement);
            for key in [
                GroupKey::Government("CHN".to_owned()),
                GroupKey::Other("analyst".to_owned()),
                GroupKey::Other("unknown".to_owned()),
                GroupKey::Organisation("United Nations".to_owned()),
            ] {
                assert_eq!(in_group(&statement, &key), keys.contains(&key), "{key:?}");
            }
        }
    }

    #[test]
    fn search_ignores_case_in_ascii_and_beyond() {
        let statement = session().statements.values().next().cloned().expect("one");
        assert!(Needle::new("TIDE").found_in(&statement, "the Tide turns"));
        assert!(Needle::new("envoy 0").found_in(&statement, "nothing"));
        assert!(Needle::new("ÉTÉ").found_in(&statement, "un été chaud"));
        assert!(!Needle::new("ebb").found_in(&statement, "the tide turns"));
    }
}
