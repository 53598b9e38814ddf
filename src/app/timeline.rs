//! The timeline of a formula in the app: what to follow (a phrase, or a statement's formula),
//! computed on the "compare" thread with [`formula_timeline`] over the session's articles and
//! statements, and laid out once for the plot (lanes, variants, points) so a frame only
//! draws.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::article::{Article, ArticleId};
use crate::compare::timeline::{FormulaUse, TimelineSource, formula_timeline};
use crate::statement::StatementId;

use super::App;
use super::derived::Derived;
use super::jobs::{Output, Task};
use super::state::Tab;

/// Fewest and most words of a statement's formula.
const FORMULA_WORDS: (usize, usize) = (3, 8);
/// The lane of uses that speak for no government.
pub const NO_GOVERNMENT: &str = "No government";

/// What a timeline follows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TimelineQuery {
    /// This phrase, as typed.
    Phrase(String),
    /// The formula of this statement: its run of words repeated most across other
    /// articles.
    Statement(StatementId),
}

/// One wording of the formula, with its uses' points.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The variant's number (1, 2, ... in order of first use).
    pub id: usize,
    /// Its legend entry: the number and the wording around the phrase.
    pub label: String,
    /// Indexes into [`Timeline::uses`] of its dated uses, in date order.
    pub uses: Vec<usize>,
    /// Their points: (day number, lane).
    pub points: Vec<[f64; 2]>,
}

/// A timeline ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// What was asked, at which session revision.
    pub query: (TimelineQuery, u64),
    /// The phrase followed.
    pub phrase: String,
    /// Every use, in date order (undated last), as [`formula_timeline`] returns them.
    pub uses: Vec<FormulaUse>,
    /// Lane names, bottom up (governments by name, then [`NO_GOVERNMENT`]).
    pub lanes: Vec<String>,
    /// The variants with their dated points.
    pub variants: Vec<Variant>,
    /// Indexes of uses with no date (listed apart, not on the time axis).
    pub undated: Vec<usize>,
    /// The outlet of each article with a use, for hover text.
    pub outlets: BTreeMap<ArticleId, String>,
}

impl Timeline {
    /// Lays out `uses` of `phrase` for the plot.
    #[must_use]
    pub fn new(query: (TimelineQuery, u64), phrase: String, uses: Vec<FormulaUse>) -> Self {
        let lane_of = |u: &FormulaUse| u.government.clone().unwrap_or_default();
        let mut names: Vec<String> = uses
            .iter()
            .map(lane_of)
            .filter(|name| !name.is_empty())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        names.sort();
        if uses.iter().any(|u| u.government.is_none()) {
            names.push(NO_GOVERNMENT.to_owned());
        }
        let lane_index = |u: &FormulaUse| {
            let name = u
                .government
                .clone()
                .unwrap_or_else(|| NO_GOVERNMENT.to_owned());
            names.iter().position(|n| *n == name).unwrap_or(0)
        };
        let mut variants: BTreeMap<usize, Variant> = BTreeMap::new();
        let mut undated = Vec::new();
        // Uses on one day in one lane are spread a little up the lane, so none hides another.
        let mut stacked: HashMap<(i64, usize), usize> = HashMap::new();
        for (index, used) in uses.iter().enumerate() {
            let variant = variants.entry(used.variant).or_insert_with(|| Variant {
                id: used.variant,
                label: variant_label(used),
                uses: Vec::new(),
                points: Vec::new(),
            });
            match used.date.as_deref().and_then(day_number) {
                Some(day) => {
                    let lane = lane_index(used);
                    let below = stacked.entry((day, lane)).or_default();
                    let lift = (*below as f64 * 0.12).min(0.4);
                    *below += 1;
                    variant.uses.push(index);
                    variant.points.push([day as f64, lane as f64 + lift]);
                }
                None => undated.push(index),
            }
        }
        Self {
            query,
            phrase,
            uses,
            lanes: names,
            variants: variants.into_values().collect(),
            undated,
            outlets: BTreeMap::new(),
        }
    }

    /// The use behind the `index`-th point of the variant named `label` (hover).
    #[must_use]
    pub fn use_at(&self, label: &str, index: usize) -> Option<&FormulaUse> {
        let variant = self.variants.iter().find(|v| v.label == label)?;
        self.uses.get(*variant.uses.get(index)?)
    }
}

/// "Variant 2: 'wording'", the wording cut to a legend's width.
fn variant_label(used: &FormulaUse) -> String {
    let mut wording: String = used.wording.chars().take(34).collect();
    if used.wording.chars().nth(34).is_some() {
        wording.push('…');
    }
    format!("Variant {}: \u{201c}{wording}\u{201d}", used.variant)
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`; a month or a year alone counts from
/// its first day).
#[must_use]
pub fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let day: i64 = parts
        .next()
        .map_or(Some(1), |d| d.get(..2).unwrap_or(d).parse().ok())?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || !(1..=9999).contains(&year) {
        return None;
    }
    Some(crate::calendar::days_from_civil(year, month, day))
}

/// The ISO date of a day number (the inverse of [`day_number`]).
#[must_use]
pub fn date_of_day(days: i64) -> String {
    let (year, month, day) = crate::calendar::civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// Words of `text` for finding a formula: (lower-cased key, byte start, byte end); runs of
/// letters and digits, each Chinese, Japanese or Korean character a word of its own.
fn plain_words(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let cjk = is_cjk(c);
        if c.is_alphanumeric() && !cjk {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((text[s..i].to_lowercase(), s, i));
        }
        if cjk {
            out.push((c.to_string(), i, i + c.len_utf8()));
        }
    }
    if let Some(s) = start {
        out.push((text[s..].to_lowercase(), s, text.len()));
    }
    out
}

fn word_hashes(words: &[(String, usize, usize)]) -> Vec<u64> {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    let hasher = BuildHasherDefault::<DefaultHasher>::default();
    words.iter().map(|(w, _, _)| hasher.hash_one(w)).collect()
}

/// The formula of a statement: the run of its words (3 to 8) found in the most other
/// articles, longer runs first among equals (score: articles x words); the statement's
/// first words when no run recurs. Linear in the size of the session's texts.
#[must_use]
pub fn formula_of(text: &str, own: ArticleId, articles: &BTreeMap<ArticleId, Article>) -> String {
    let words = plain_words(text);
    let hashes = word_hashes(&words);
    let (least, most) = FORMULA_WORDS;
    // Each distinct run of words once: (start, words, articles it recurs in).
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let mut candidates: HashMap<&[u64], usize> = HashMap::new();
    for n in least..=most {
        for (start, gram) in hashes.windows(n).enumerate() {
            candidates.entry(gram).or_insert_with(|| {
                runs.push((start, n, 0));
                runs.len() - 1
            });
        }
    }
    for (id, article) in articles {
        if *id == own {
            continue;
        }
        let theirs = word_hashes(&plain_words(&article.text));
        let mut seen: HashSet<usize> = HashSet::new();
        for n in least..=most {
            for gram in theirs.windows(n) {
                if let Some(&run) = candidates.get(gram)
                    && seen.insert(run)
                    && let Some(entry) = runs.get_mut(run)
                {
                    entry.2 += 1;
                }
            }
        }
    }
    let best = runs
        .iter()
        .filter(|(_, _, articles)| *articles > 0)
        .max_by_key(|(start, len, articles)| (articles * len, *len, std::cmp::Reverse(*start)))
        .map(|&(start, len, _)| (start, len));
    let (start, len) = best.unwrap_or((0, words.len().min(most)));
    match (words.get(start), words.get(start + len.max(1) - 1)) {
        (Some(first), Some(last)) => text[first.1..last.2].to_owned(),
        _ => text.trim().to_owned(),
    }
}

/// Finds the uses of the query's phrase in every article (runs on the thread).
fn compute(
    query: (TimelineQuery, u64),
    statement_text: Option<(String, ArticleId)>,
    articles: &BTreeMap<ArticleId, Article>,
    derived: &Derived,
) -> Timeline {
    let phrase = match (&query.0, statement_text) {
        (TimelineQuery::Phrase(phrase), _) => phrase.trim().to_owned(),
        (TimelineQuery::Statement(_), Some((text, own))) => formula_of(&text, own, articles),
        (TimelineQuery::Statement(_), None) => String::new(),
    };
    let files: Vec<(ArticleId, String)> = articles
        .values()
        .map(|a| {
            let file = a
                .provenance
                .path
                .clone()
                .unwrap_or_else(|| a.display_name());
            (a.id, file)
        })
        .collect();
    let sources: Vec<TimelineSource<'_>> = files
        .iter()
        .filter_map(|(id, file)| {
            let article = articles.get(id)?;
            let statements = derived.in_article(*id).map(|(s, _)| s).collect();
            Some(TimelineSource {
                file,
                article,
                statements,
            })
        })
        .collect();
    let uses = formula_timeline(&phrase, &sources);
    let outlets = uses
        .iter()
        .filter_map(|u| {
            let outlet = articles.get(&u.article)?.outlet.clone()?;
            Some((u.article, outlet))
        })
        .collect();
    let mut timeline = Timeline::new(query, phrase, uses);
    timeline.outlets = outlets;
    timeline
}

impl App {
    /// Opens the timeline tab on `query`.
    pub(super) fn show_timeline(&mut self, query: TimelineQuery) {
        if let TimelineQuery::Phrase(phrase) = &query
            && phrase.trim().is_empty()
        {
            return;
        }
        self.view.timeline = Some(query);
        self.view.timeline_prompt = None;
        self.view.tab = Tab::Timeline;
    }

    /// Compare > Timeline of a Phrase...: the prompt, with the words selected in an article
    /// (if any) filled in.
    pub(super) fn open_timeline_prompt(&mut self) {
        let selected = self
            .tools
            .add_selection
            .and_then(|(article, span)| {
                let article = self.session.articles.get(&article)?;
                Some(span.slice(&article.text).trim().to_owned())
            })
            .filter(|words| !words.is_empty() && words.chars().count() <= 200);
        self.view.timeline_prompt = Some(selected.unwrap_or_default());
    }

    /// The open timeline, asking the thread for it when it is not computed for this
    /// revision.
    pub(super) fn open_timeline(&mut self, ctx: &egui::Context) -> Option<Arc<Timeline>> {
        let query = self.view.timeline.clone()?;
        let key = (query.clone(), self.revision);
        if let Some(done) = &self.background.timeline
            && done.query == key
        {
            return Some(Arc::clone(done));
        }
        if self.background.timeline_pending.as_ref() != Some(&key) {
            self.background.timeline_pending = Some(key.clone());
            let statement_text = match &query {
                TimelineQuery::Statement(id) => self
                    .caches
                    .derived
                    .statement(*id)
                    .map(|(_, text)| (text.to_owned(), id.article)),
                TimelineQuery::Phrase(_) => None,
            };
            let articles = Arc::clone(&self.session.articles);
            let derived = self.caches.derived.clone();
            let task: Task = Box::new(move || {
                Output::Timeline(Arc::new(compute(key, statement_text, &articles, &derived)))
            });
            let repaint = {
                let ctx = ctx.clone();
                move || ctx.request_repaint()
            };
            self.background.jobs.submit(task, repaint);
            if self.background.jobs.blocking {
                self.wait_for_jobs();
                return self.open_timeline(ctx);
            }
        }
        // While the new one is computed, the last one of the same query answers.
        self.background
            .timeline
            .as_ref()
            .filter(|done| done.query.0 == query)
            .cloned()
    }

    /// The open timeline's phrase and uses, once computed (tests, the session's view).
    #[must_use]
    pub fn timeline(&self) -> Option<(String, Vec<FormulaUse>)> {
        let query = self.view.timeline.as_ref()?;
        self.background
            .timeline
            .as_ref()
            .filter(|done| done.query.0 == *query)
            .map(|done| (done.phrase.clone(), done.uses.clone()))
    }

    /// The open timeline's phrase: as typed, or the statement's formula once computed.
    #[must_use]
    pub fn timeline_phrase(&self) -> Option<String> {
        match self.view.timeline.as_ref()? {
            TimelineQuery::Phrase(phrase) => Some(phrase.clone()),
            query @ TimelineQuery::Statement(_) => self
                .background
                .timeline
                .as_ref()
                .filter(|done| done.query.0 == *query)
                .map(|done| done.phrase.clone()),
        }
    }

    /// Where the timeline's dated points were drawn last frame, with each use's statement
    /// (tests click them).
    #[must_use]
    pub fn timeline_points(&self) -> Vec<(egui::Pos2, Option<StatementId>)> {
        let Some(done) = &self.background.timeline else {
            return Vec::new();
        };
        self.view
            .timeline_points
            .iter()
            .filter_map(|&(at, index)| Some((at, done.uses.get(index)?.statement)))
            .collect()
    }

    /// Shows an article in the reader with no statement selected.
    pub(super) fn reveal_article(&mut self, article: ArticleId) {
        if !self.session.articles.contains_key(&article) {
            return;
        }
        self.session.selection.statements.clear();
        self.view.list_article = Some(article);
        self.view.tab = Tab::Statements;
        self.view.scroll_reader = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2031-03-04").map(date_of_day).as_deref(),
            Some("2031-03-04")
        );
        assert_eq!(
            day_number("2000-02-29").map(date_of_day).as_deref(),
            Some("2000-02-29")
        );
        assert_eq!(
            day_number("2024").map(date_of_day).as_deref(),
            Some("2024-01-01")
        );
        assert_eq!(day_number("undated"), None);
        assert_eq!(day_number("2024-13-01"), None);
    }

    fn an_article(id: u32, date: &str, text: &str) -> Article {
        let mut article = Article::from_text(ArticleId(id), text);
        article.date = Some(date.to_owned());
        article
    }

    #[test]
    fn a_statements_formula_is_its_run_of_words_most_repeated_elsewhere() {
        let articles: BTreeMap<ArticleId, Article> = [
            an_article(
                0,
                "2031-01-02",
                "Talks went on. The Kessel strait is open to every ship, the minister said.",
            ),
            an_article(
                1,
                "2031-02-03",
                "A later note: the Kessel strait is open to every ship in all seasons.",
            ),
            an_article(
                2,
                "2031-03-04",
                "Officials repeated that the Kessel strait is open to every ship.",
            ),
            an_article(3, "2031-03-05", "Weather in the strait was calm."),
        ]
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
        let formula = formula_of(
            "The Kessel strait is open to every ship, the minister said.",
            ArticleId(0),
            &articles,
        );
        assert_eq!(formula, "The Kessel strait is open to every ship");
        // Nothing repeated: the first words.
        let alone = formula_of(
            "Quiet harbours rarely make news anywhere at all today.",
            ArticleId(3),
            &articles,
        );
        assert_eq!(alone, "Quiet harbours rarely make news anywhere at all");
    }

    #[test]
    fn a_timeline_puts_each_government_in_a_lane_and_undated_uses_apart() {
        let uses = |government: Option<&str>, date: Option<&str>, variant: usize| FormulaUse {
            file: "f.txt".to_owned(),
            title: None,
            date: date.map(str::to_owned),
            government: government.map(str::to_owned),
            speaker: None,
            text: "text".to_owned(),
            variant,
            article: ArticleId(0),
            statement: None,
            governments: Vec::new(),
            span: crate::text::Span::new(0, 4),
            wording: "the words".to_owned(),
        };
        let timeline = Timeline::new(
            (TimelineQuery::Phrase("words".to_owned()), 1),
            "words".to_owned(),
            vec![
                uses(Some("Velmora"), Some("2031-01-02"), 1),
                uses(Some("Arland"), Some("2031-01-02"), 2),
                uses(None, Some("2031-01-05"), 1),
                uses(Some("Arland"), None, 2),
            ],
        );
        assert_eq!(timeline.lanes, ["Arland", "Velmora", NO_GOVERNMENT]);
        assert_eq!(timeline.undated, [3]);
        assert_eq!(timeline.variants.len(), 2);
        let first = &timeline.variants[0];
        assert_eq!(first.uses, [0, 2]);
        assert_eq!(first.points[0][1], 1.0);
        assert_eq!(first.points[1][1], 2.0);
        assert!(
            timeline
                .use_at(&first.label, 1)
                .is_some_and(|u| u.government.is_none())
        );
    }

    #[test]
    fn plain_words_split_latin_runs_and_cjk_characters() {
        let words: Vec<String> = plain_words("Kelvar's port, 港口开放")
            .into_iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(words, ["kelvar", "s", "port", "港", "口", "开", "放"]);
    }
}
