//! The timeline of a formula: every use of a phrase across articles, in date order, with who
//! said it and which wording ("variant") it came in, so that one formula can be followed
//! across years and governments.
//!
//! A phrase matches on normalised words (case, quotes, dashes, punctuation and white space
//! ignored). Each use is the statement that holds the phrase, or the sentence when no
//! statement does. Uses whose wording around the phrase (a few words each side, within the
//! sentence) is near-identical share a variant.

use serde::Serialize;

use super::normalise::{AliasTable, TokenKind, tokenise};
use super::options::{CompareOptions, Granularity};
use super::sentences::split_sentences;
use crate::article::{Article, ArticleId};
use crate::governments::Governments;
use crate::statement::{Statement, StatementId};
use crate::text::Span;

/// Words of context on each side of the phrase that make up a use's wording.
const CONTEXT_WORDS: usize = 6;
/// Word-bigram similarity at or above which two wordings are one variant.
const SAME_VARIANT: f32 = 0.7;

/// One article to search, with its statements and the file name it was given as.
#[derive(Debug, Clone)]
pub struct TimelineSource<'a> {
    /// The path or name as the user gave it.
    pub file: &'a str,
    /// The article.
    pub article: &'a Article,
    /// Its statements (extracted or corrected).
    pub statements: Vec<&'a Statement>,
}

/// One use of the phrase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormulaUse {
    /// The file the article came from, as given.
    pub file: String,
    /// The article's title.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`, from the article or else from a date in its file name.
    pub date: Option<String>,
    /// The government the statement speaks for (the first of a joint statement), by name.
    pub government: Option<String>,
    /// The speaker of the statement.
    pub speaker: Option<String>,
    /// The statement holding the phrase, or the sentence when no statement holds it.
    pub text: String,
    /// Uses with near-identical wording around the phrase share this id (1, 2, ... in order
    /// of first use).
    pub variant: usize,
    /// The article, for the app.
    #[serde(skip)]
    pub article: ArticleId,
    /// The statement, when one holds the phrase.
    #[serde(skip)]
    pub statement: Option<StatementId>,
    /// ISO 3166 alpha-3 codes of the statement's governments.
    #[serde(skip)]
    pub governments: Vec<String>,
    /// Byte span of the phrase in the article's text.
    #[serde(skip)]
    pub span: Span,
    /// The normalised wording around the phrase that decided the variant.
    #[serde(skip)]
    pub wording: String,
}

/// Every use of `phrase` in `sources`, in date order (undated uses last, then by file and
/// position), with variants assigned.
#[must_use]
pub fn formula_timeline(phrase: &str, sources: &[TimelineSource<'_>]) -> Vec<FormulaUse> {
    let options = CompareOptions::default();
    let needle: Vec<String> = words(phrase, &options)
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut uses = Vec::new();
    for source in sources {
        find_in(source, &needle, &options, &mut uses);
    }
    uses.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.file, a.span.start).cmp(&(
            b.date.is_none(),
            &b.date,
            &b.file,
            b.span.start,
        ))
    });
    assign_variants(&mut uses);
    uses
}

/// Word tokens of `text` (normalised key, byte span).
fn words(text: &str, options: &CompareOptions) -> Vec<(String, Span)> {
    tokenise(text, options, &AliasTable::default(), Granularity::Word)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| (t.key, t.orig))
        .collect()
}

fn find_in(
    source: &TimelineSource<'_>,
    needle: &[String],
    options: &CompareOptions,
    out: &mut Vec<FormulaUse>,
) {
    let text = source.article.text.as_str();
    let tokens = words(text, options);
    let sentences = split_sentences(text);
    let date = source
        .article
        .date
        .clone()
        .or_else(|| crate::article::load::date_from_file_name(source.file));
    let mut last_holder: Option<(Option<StatementId>, Span)> = None;
    let mut k = 0;
    while k + needle.len() <= tokens.len() {
        if tokens[k..k + needle.len()]
            .iter()
            .zip(needle)
            .any(|((key, _), want)| key != want)
        {
            k += 1;
            continue;
        }
        let span = Span::new(tokens[k].1.start, tokens[k + needle.len() - 1].1.end);
        let sentence = sentences
            .iter()
            .copied()
            .find(|s| s.start <= span.start && span.end <= s.end)
            .unwrap_or(span);
        let statement = source.statements.iter().copied().find(|s| {
            s.spans
                .iter()
                .any(|p| p.start <= span.start && span.end <= p.end)
        });
        // The words around the phrase, inside its sentence (and its statement).
        let bounds = match statement.and_then(|s| {
            s.spans
                .iter()
                .copied()
                .find(|p| p.start <= span.start && span.end <= p.end)
        }) {
            Some(part) => Span::new(part.start.max(sentence.start), part.end.min(sentence.end)),
            None => sentence,
        };
        let holder = (
            statement.map(|s| s.id),
            statement.and_then(Statement::extent).unwrap_or(sentence),
        );
        k += needle.len();
        if last_holder == Some(holder) {
            continue; // one use per statement (or sentence)
        }
        last_holder = Some(holder);
        let from = tokens.partition_point(|(_, s)| s.start < bounds.start);
        let to = tokens.partition_point(|(_, s)| s.start < bounds.end);
        let first = (k - needle.len()).saturating_sub(CONTEXT_WORDS).max(from);
        let last = (k + CONTEXT_WORDS).min(to).max(first);
        let wording = tokens[first..last]
            .iter()
            .map(|(key, _)| key.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let registry = Governments::bundled();
        out.push(FormulaUse {
            file: source.file.to_owned(),
            title: source.article.title.clone(),
            date: date.clone(),
            government: statement.and_then(|s| {
                s.governments.first().map(|iso3| {
                    registry
                        .get(iso3)
                        .map_or_else(|| iso3.clone(), |g| g.name.clone())
                })
            }),
            speaker: statement.and_then(|s| s.speaker.clone()),
            text: statement.map_or_else(
                || sentence.slice(text).to_owned(),
                |s| s.text(text).into_owned(),
            ),
            variant: 0,
            article: source.article.id,
            statement: statement.map(|s| s.id),
            governments: statement.map(|s| s.governments.clone()).unwrap_or_default(),
            span,
            wording,
        });
    }
}

/// Numbers the variants: each use joins the first earlier variant whose wording is
/// near-identical to its own, or starts a new one.
fn assign_variants(uses: &mut [FormulaUse]) {
    let mut representatives: Vec<Vec<(String, String)>> = Vec::new();
    for use_ in uses.iter_mut() {
        let bigrams = bigrams(&use_.wording);
        let found = representatives
            .iter()
            .position(|rep| dice(rep, &bigrams) >= SAME_VARIANT);
        use_.variant = match found {
            Some(k) => k + 1,
            None => {
                representatives.push(bigrams);
                representatives.len()
            }
        };
    }
}

fn bigrams(wording: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = wording.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out: Vec<(String, String)> = words
        .windows(2)
        .map(|w| (w[0].to_owned(), w[1].to_owned()))
        .collect();
    if out.is_empty()
        && let Some(only) = words.first()
    {
        out.push(((*only).to_owned(), String::new()));
    }
    out.sort();
    out
}

/// Dice similarity of two sorted multisets.
fn dice<T: Ord>(a: &[T], b: &[T]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f32 / (a.len() + b.len()) as f32
}

/// The uses as JSON lines, one object per use with `file`, `title`, `date`, `government`,
/// `speaker`, `text` and `variant`.
#[must_use]
pub fn timeline_jsonl(uses: &[FormulaUse]) -> String {
    let mut out = String::new();
    for use_ in uses {
        if let Ok(line) = serde_json::to_string(use_) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The uses as CSV with a header row.
#[must_use]
pub fn timeline_csv(uses: &[FormulaUse]) -> String {
    let mut out = String::from("file,title,date,government,speaker,text,variant\n");
    for u in uses {
        let fields = [
            csv_field(&u.file),
            csv_field(u.title.as_deref().unwrap_or("")),
            csv_field(u.date.as_deref().unwrap_or("")),
            csv_field(u.government.as_deref().unwrap_or("")),
            csv_field(u.speaker.as_deref().unwrap_or("")),
            csv_field(&u.text),
            u.variant.to_string(),
        ];
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statement::{Evidence, Group, Origin, StatementKind};

    fn statement(article: &Article, ordinal: u32, quote: &str, iso3: &str) -> Statement {
        let start = article.text.find(quote).expect("quote in text");
        Statement {
            id: StatementId {
                article: article.id,
                ordinal,
            },
            spans: vec![Span::new(start, start + quote.len())],
            kind: StatementKind::Direct,
            speaker: Some("Lin Wei".to_owned()),
            role: None,
            speaker_mention: None,
            group: Group::Government,
            governments: vec![iso3.to_owned()],
            affiliation: None,
            cue: Some("said".to_owned()),
            evidence: Evidence::default(),
            confidence: 0.9,
            continues_previous: false,
            origin: Origin::Extracted,
            question: None,
        }
    }

    #[test]
    fn uses_in_date_order_with_variants() {
        let mut later = Article::from_text(
            ArticleId(0),
            "Lin Wei said: \"The Pearl Islets are Ostland's inherent territory.\" Reporters left.",
        );
        later.date = Some("2021-05-02".to_owned());
        let earlier = Article::from_text(
            ArticleId(1),
            "The note repeated that the Pearl Islets are Ostland's Inherent  Territory. \
             Another remark: \"Fishing around the reef is an inherent territory matter of a \
             wholly different kind,\" said Lin Wei.",
        );
        let later_statement = statement(
            &later,
            0,
            "The Pearl Islets are Ostland's inherent territory.",
            "CHN",
        );
        let earlier_statement = statement(
            &earlier,
            0,
            "Fishing around the reef is an inherent territory matter of a wholly different kind,",
            "JPN",
        );
        let uses = formula_timeline(
            "inherent territory",
            &[
                TimelineSource {
                    file: "notes/2021-05-02_brief.txt",
                    article: &later,
                    statements: vec![&later_statement],
                },
                TimelineSource {
                    file: "notes/2019-01-15_note.txt",
                    article: &earlier,
                    statements: vec![&earlier_statement],
                },
            ],
        );
        assert_eq!(uses.len(), 3);
        let dates: Vec<_> = uses.iter().map(|u| u.date.as_deref()).collect();
        assert_eq!(
            dates,
            [Some("2019-01-15"), Some("2019-01-15"), Some("2021-05-02")]
        );
        // The sentence, not a statement, holds the first use.
        assert!(uses[0].government.is_none());
        assert!(uses[0].text.starts_with("The note repeated"));
        assert_eq!(uses[1].government.as_deref(), Some("Japan"));
        assert_eq!(uses[2].government.as_deref(), Some("China"));
        // The first and last are one wording; the middle one another.
        assert_eq!(uses[0].variant, uses[2].variant);
        assert_ne!(uses[0].variant, uses[1].variant);
        let jsonl = timeline_jsonl(&uses);
        let first: serde_json::Value =
            serde_json::from_str(jsonl.lines().next().expect("a line")).expect("json");
        let keys: Vec<&str> = first
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys.len(),
            7,
            "file, title, date, government, speaker, text, variant: {keys:?}"
        );
        let csv = timeline_csv(&uses);
        assert!(csv.starts_with("file,title,date,government,speaker,text,variant\n"));
        assert!(csv.contains("\"Fishing around the reef is an inherent territory matter of a wholly different kind,\""));
    }
}
