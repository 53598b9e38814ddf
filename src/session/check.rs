//! Checking a session as it is loaded. A session file can be damaged by a disk, a sync tool
//! or a hand edit; nothing in it may crash the app later or quietly point at the wrong words.
//!
//! What can be rebuilt from the text is repaired and reported: paragraph lists, statements
//! as found (Edit > Re-extract finds them again), a stale selection, an article counter at
//! its limit. What cannot be repaired without guessing which of two things is right (an
//! article or statement stored under another's key) refuses the whole file. The user's own
//! work (corrections, notes, comparisons) is never dropped: what no longer applies is kept
//! and reported. Duplicate keys are refused while parsing (see [`unique_map`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, Visitor};

use super::Session;
use super::corrections::CorrectionKind;
use crate::article::{ArticleId, SourceFormat, sha256_hex, split_paragraphs};
use crate::statement::{Statement, StatementId};
use crate::text::Span;

/// What the check repaired and what the user should know about a loaded session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Repairs made, one sentence each.
    pub repaired: Vec<String>,
    /// Things kept as they were that the user should know about, one sentence each.
    pub warnings: Vec<String>,
    /// Articles whose text no longer matches the fingerprint recorded for it: their
    /// statements may point at the wrong words until re-extracted.
    pub changed_texts: Vec<ArticleId>,
}

impl CheckReport {
    /// True when the session needed nothing and nothing looks wrong.
    #[must_use]
    pub fn is_clean(&self) -> bool {
        self.repaired.is_empty() && self.warnings.is_empty() && self.changed_texts.is_empty()
    }

    /// Every line of the report, repairs first.
    #[must_use]
    pub fn lines(&self) -> Vec<String> {
        self.repaired
            .iter()
            .chain(&self.warnings)
            .cloned()
            .collect()
    }
}

/// True when `span` is a forward range inside `text` on char boundaries.
#[must_use]
pub fn span_fits(span: Span, text: &str) -> bool {
    span.start <= span.end && text.get(span.start..span.end).is_some()
}

/// Checks `session` and repairs it in place where that is safe. `digests` are the text
/// fingerprints the file recorded (empty for files written before they were recorded).
///
/// # Errors
/// The problems that cannot be repaired safely, in plain words; `session` must then be
/// thrown away.
pub(super) fn check(
    session: &mut Session,
    digests: &BTreeMap<ArticleId, String>,
) -> Result<CheckReport, Vec<String>> {
    let mut report = CheckReport::default();
    let problems = misfiled_keys(session);
    if !problems.is_empty() {
        return Err(problems);
    }
    check_articles(session, digests, &mut report);
    check_statements(session, &mut report);
    check_counter(session, &mut report);
    check_user_work(session, &mut report);
    Ok(report)
}

/// Articles and statements stored under a key that is not their own id: which of the two
/// the rest of the file means cannot be told.
fn misfiled_keys(session: &Session) -> Vec<String> {
    let mut problems = Vec::new();
    for (key, article) in session.articles.iter() {
        if *key != article.id {
            problems.push(format!(
                "article {key} is stored under the number of article {}",
                article.id
            ));
        }
    }
    for (key, statement) in session.statements.iter() {
        if *key != statement.id {
            problems.push(format!(
                "statement {key} is stored under the number of statement {}",
                statement.id
            ));
        }
    }
    problems.truncate(5);
    problems
}

fn check_articles(
    session: &mut Session,
    digests: &BTreeMap<ArticleId, String>,
    report: &mut CheckReport,
) {
    let needs_work = session
        .articles
        .values()
        .any(|a| !paragraphs_fit(&a.paragraphs, &a.text));
    if needs_work {
        for article in std::sync::Arc::make_mut(&mut session.articles).values_mut() {
            if paragraphs_fit(&article.paragraphs, &article.text) {
                continue;
            }
            article.paragraphs = split_paragraphs(&article.text);
            report.repaired.push(format!(
                "Rebuilt the paragraph list of “{}”: it pointed outside the article's text",
                article.display_name()
            ));
        }
    }
    for article in session.articles.values() {
        let changed = match digests.get(&article.id) {
            Some(digest) => !digest.eq_ignore_ascii_case(&sha256_hex(article.text.as_bytes())),
            None => file_hash_contradicts_text(article),
        };
        if changed {
            report.changed_texts.push(article.id);
            report.warnings.push(format!(
                "The text of “{}” is not the text that was saved or imported (it was changed \
                 outside Demarche): its statements may point at the wrong words until you \
                 re-extract them (Edit > Re-extract)",
                article.display_name()
            ));
        }
    }
}

/// Paragraphs in order, not overlapping, each inside the text on char boundaries.
fn paragraphs_fit(paragraphs: &[Span], text: &str) -> bool {
    paragraphs.iter().all(|p| span_fits(*p, text))
        && paragraphs.windows(2).all(|w| w[0].end <= w[1].start)
        && (!paragraphs.is_empty() || text.trim().is_empty())
}

/// For sessions saved before text fingerprints were recorded: a UTF-8 text or Markdown
/// file's text is its bytes up to a byte-order mark and line endings, so its file hash can
/// be checked. Other formats change the text on import and cannot be checked this way.
fn file_hash_contradicts_text(article: &crate::article::Article) -> bool {
    let recorded = &article.provenance.sha256;
    let checkable = matches!(
        article.provenance.format,
        SourceFormat::Text | SourceFormat::Markdown
    ) && article.provenance.encoding.eq_ignore_ascii_case("UTF-8")
        && recorded.len() == 64
        && recorded.bytes().all(|b| b.is_ascii_hexdigit());
    if !checkable {
        return false;
    }
    let text = article.text.as_str();
    let crlf = text.replace('\n', "\r\n");
    let candidates = [
        text.to_owned(),
        format!("\u{feff}{text}"),
        crlf.clone(),
        format!("\u{feff}{crlf}"),
    ];
    !candidates
        .iter()
        .any(|c| recorded.eq_ignore_ascii_case(&sha256_hex(c.as_bytes())))
}

fn check_statements(session: &mut Session, report: &mut CheckReport) {
    let mut orphans = 0;
    let mut outside = 0;
    let mut user_numbers = 0;
    let mut mentions = 0;
    let mut confidences = 0;
    let articles = &session.articles;
    std::sync::Arc::make_mut(&mut session.statements).retain(|id, statement| {
        let Some(article) = articles.get(&id.article) else {
            orphans += 1;
            return false;
        };
        if id.ordinal >= StatementId::USER_BASE {
            user_numbers += 1;
            return false;
        }
        if !spans_fit(statement, &article.text) {
            outside += 1;
            return false;
        }
        if statement
            .speaker_mention
            .is_some_and(|m| !span_fits(m, &article.text))
        {
            statement.speaker_mention = None;
            mentions += 1;
        }
        if !(0.0..=1.0).contains(&statement.confidence) {
            statement.confidence = if statement.confidence > 1.0 { 1.0 } else { 0.0 };
            confidences += 1;
        }
        true
    });
    let refind = "Edit > Re-extract finds statements again";
    if orphans > 0 {
        report.repaired.push(format!(
            "Removed {} of articles that are not in the session",
            counted(orphans, "statement")
        ));
    }
    if outside > 0 {
        report.repaired.push(format!(
            "Removed {} that pointed outside their article's text or into the middle of a \
             character ({refind})",
            counted(outside, "statement")
        ));
    }
    if user_numbers > 0 {
        report.repaired.push(format!(
            "Removed {} numbered as if you had added them ({refind}; statements you added \
             are kept in your corrections)",
            counted(user_numbers, "statement")
        ));
    }
    if mentions > 0 {
        report.repaired.push(format!(
            "Cleared the speaker's words of {}: they pointed outside the text",
            counted(mentions, "statement")
        ));
    }
    if confidences > 0 {
        report.repaired.push(format!(
            "Set the confidence of {} back between 0 and 1",
            counted(confidences, "statement")
        ));
    }
}

/// A statement's spans: at least one, in order, each inside the text on char boundaries.
fn spans_fit(statement: &Statement, text: &str) -> bool {
    !statement.spans.is_empty()
        && statement.spans.iter().all(|s| span_fits(*s, text))
        && statement.spans.windows(2).all(|w| w[0].start <= w[1].start)
}

/// The article counter must lie past every article, and must leave room to count on: a
/// counter at the last number would make the next import overwrite an article.
fn check_counter(session: &mut Session, report: &mut CheckReport) {
    let after_last = session
        .articles
        .keys()
        .next_back()
        .map_or(0, |id| id.0.saturating_add(1));
    if session.next_article_id < after_last {
        session.next_article_id = after_last;
        report.repaired.push(
            "Moved the article counter past the last article, so new articles get new numbers"
                .to_owned(),
        );
    } else if session.next_article_id == u32::MAX {
        session.next_article_id = after_last;
        report.repaired.push(
            "Reset the article counter, which was at its limit, to follow the last article"
                .to_owned(),
        );
    }
}

/// Corrections, comparisons, notes and the selection: the user's work is kept, what no
/// longer applies is reported; a stale selection is cleared.
fn check_user_work(session: &mut Session, report: &mut CheckReport) {
    let dangling = session
        .corrections
        .iter()
        .filter(|c| {
            let Some(article) = session.articles.get(&c.anchor.article) else {
                return true;
            };
            let text = article.text.as_str();
            !span_fits(c.anchor.span, text)
                || match &c.kind {
                    CorrectionKind::SplitAt(at) => !text.is_char_boundary(*at),
                    CorrectionKind::MergeWith(others) => others
                        .iter()
                        .any(|a| a.article != c.anchor.article || !span_fits(a.span, text)),
                    _ => false,
                }
        })
        .count();
    if dangling > 0 {
        report.warnings.push(format!(
            "{} point at text that is not in the session; they are kept but have no effect",
            capitalised(&counted(dangling, "correction"))
        ));
    }
    let effective: BTreeSet<StatementId> = session
        .effective_statements()
        .iter()
        .map(|s| s.id)
        .collect();
    let lost_comparisons = session
        .comparisons
        .iter()
        .filter(|c| !effective.contains(&c.left) || !effective.contains(&c.right))
        .count();
    if lost_comparisons > 0 {
        report.warnings.push(format!(
            "{} a statement that is no longer in the session",
            capitalised(&match lost_comparisons {
                1 => "1 comparison compares".to_owned(),
                n => format!("{n} comparisons compare"),
            })
        ));
    }
    let lost_notes = session
        .notes
        .keys()
        .filter(|id| !effective.contains(id))
        .count();
    if lost_notes > 0 {
        report.warnings.push(format!(
            "{} belong to statements that are no longer in the session; they are kept",
            capitalised(&counted(lost_notes, "note"))
        ));
    }
    let before = session.selection.statements.len();
    session
        .selection
        .statements
        .retain(|id| effective.contains(id));
    let comparison_gone = session
        .selection
        .comparison
        .is_some_and(|i| i >= session.comparisons.len());
    if comparison_gone {
        session.selection.comparison = None;
    }
    if session.selection.statements.len() < before || comparison_gone {
        report
            .repaired
            .push("Cleared a selection of things that are not in the session".to_owned());
    }
}

fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// A key type that can say what it names ("article a3") when it is listed twice.
pub(super) trait KeyName: Display {
    /// "article", "statement", "note of statement".
    const WHAT: &'static str;
}

impl KeyName for ArticleId {
    const WHAT: &'static str = "article";
}

impl KeyName for StatementId {
    const WHAT: &'static str = "statement";
}

/// Deserialises a map, refusing a key listed twice (plain serde keeps the last silently,
/// and which one the file means cannot be told).
///
/// # Errors
/// The deserialiser's error, or "article a3 is listed twice".
pub(super) fn unique_map<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + KeyName,
    V: Deserialize<'de>,
{
    struct UniqueMap<K, V>(PhantomData<(K, V)>);
    impl<'de, K, V> Visitor<'de> for UniqueMap<K, V>
    where
        K: Deserialize<'de> + Ord + KeyName,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "a map of {}s", K::WHAT)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = super::packed::PackedMap::new(BTreeMap::new());
            while let Some((key, value)) = map.next_entry::<K, V>()? {
                if out.contains_key(&key) {
                    return Err(A::Error::custom(format!(
                        "{} {key} is listed twice, and Demarche cannot tell which one is right",
                        K::WHAT
                    )));
                }
                out.insert(key, value);
            }
            Ok(out.finish())
        }
    }
    deserializer.deserialize_map(UniqueMap(PhantomData))
}

/// [`unique_map`] for a shared map.
///
/// # Errors
/// As [`unique_map`].
pub(super) fn unique_shared_map<'de, D, K, V>(
    deserializer: D,
) -> Result<std::sync::Arc<BTreeMap<K, V>>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + KeyName,
    V: Deserialize<'de>,
{
    unique_map(deserializer).map(std::sync::Arc::new)
}
