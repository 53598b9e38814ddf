//! Statement extraction as a pipeline of stages, each in its own module with one job:
//!
//! - [`para`]: a paragraph's tokens and sentence bounds; [`quotes`]: quote spans;
//!   [`cues`]: the verbs and phrases that tie words to a speaker.
//! - [`mentions`]: people and bodies named in running text, kept in the [`memory`].
//! - [`find`]: for each quote, the cue and the speaker phrase ([`subject`], read by
//!   [`phrase`] within the bounds of [`np`]); [`label`]: label, direct or partial.
//! - [`indirect`]: reported speech without quote marks.
//! - [`resolve`]: a speaker phrase -> an [`entity`] (pronouns, surnames, descriptions,
//!   office holders on the article's date).
//!
//! [`news`] runs these stages over a news text; [`transcript`] reads briefings and press
//! conferences turn by turn, region by region (the rest of such a text still reads as news);
//! [`document`] reads statements issued as documents. Every statement names the
//! [`rule::Rule`] that found it, and its [`confidence`] is that rule's measured share of right
//! statements. Knowledge (cue verbs, titles, office holders) comes from `assets/` through
//! [`knowledge`]; closed word classes through [`lexicon`]; distance windows are the named
//! constants of [`window`].

pub mod confidence;
pub mod cues;
pub mod document;
pub mod echo;
pub mod entity;
pub mod find;
pub mod indirect;
pub mod knowledge;
pub mod label;
pub mod lex;
pub mod lexicon;
pub mod memory;
pub mod mentions;
pub mod news;
pub mod np;
pub mod para;
pub mod phrase;
pub mod quotes;
pub mod resolve;
pub mod rule;
pub mod subject;
pub mod transcript;
pub mod window;

use crate::article::Article;
use crate::governments::Governments;
use crate::statement::{Evidence, Group, Origin, Statement, StatementId, StatementKind};
use crate::text::Span;

use entity::Entity;
use rule::Rule;

pub use news::front_matter_end;

/// Finds every statement in `article`, in text order.
#[must_use]
pub fn extract(article: &Article) -> Vec<Statement> {
    let mut drafts = if let Some(t) = transcript::detect(article) {
        // Transcript regions read turn by turn; the rest of the text as news.
        let mut drafts = transcript::statements(article, &t);
        let mut skip = vec![false; article.paragraphs.len()];
        for region in &t.regions {
            for p in region.paragraphs.clone() {
                skip[p] = true;
            }
        }
        drafts.extend(news::statements(article, &skip));
        drafts
    } else if let Some(d) = document::statements(article) {
        d
    } else {
        news::statements(article, &[])
    };
    drafts.sort_by_key(|d| d.spans.first().map(|s| s.start));
    drafts.dedup_by(|a, b| a.spans == b.spans);
    without_nested_reports(drafts)
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            d.into_statement(
                &article.text,
                StatementId {
                    article: article.id,
                    ordinal: u32::try_from(i).unwrap_or(u32::MAX),
                },
            )
        })
        .collect()
}

/// Drops reported speech found inside another report's content, cue and all ("Lee said
/// that Seoul opposed the plan" is Lee's statement, not also Seoul's): the inner clause is
/// what the outer speaker said. Quotes inside a report stay. `drafts` are sorted by start.
fn without_nested_reports(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut kept: Vec<Draft> = Vec::with_capacity(drafts.len());
    // The kept report content reaching furthest so far.
    let mut reach: Option<Span> = None;
    for d in drafts {
        if d.kind == StatementKind::Indirect {
            let (Some(first), Some(last)) = (d.spans.first(), d.spans.last()) else {
                continue;
            };
            let inside = |outer: Span| {
                d.cue_span.is_some_and(|c| c.start >= outer.start)
                    && first.start >= outer.start
                    && last.end <= outer.end
            };
            if reach.is_some_and(inside) {
                continue;
            }
            let content = Span::new(first.start, last.end);
            if reach.is_none_or(|r| content.end > r.end) {
                reach = Some(content);
            }
        }
        kept.push(d);
    }
    kept
}

/// A statement before ids are given.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub spans: Vec<Span>,
    pub kind: StatementKind,
    pub entity: Option<Entity>,
    pub mention: Option<Span>,
    pub mention_text: Option<String>,
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    pub rule: Rule,
    pub continues_previous: bool,
    /// The question a transcript answer responds to.
    pub question: Option<Span>,
}

impl Draft {
    fn into_statement(self, text: &str, id: StatementId) -> Statement {
        let registry = Governments::bundled();
        let (speaker, role, group, governments, affiliation) = match &self.entity {
            Some(e) => (
                e.speaker(),
                e.role.clone(),
                e.group,
                e.governments.clone(),
                e.affiliation.clone(),
            ),
            None => (None, None, Group::Other, Vec::new(), None),
        };
        // A government voice whose country cannot be told is not counted for any government.
        let (group, affiliation) = if group == Group::Government && governments.is_empty() {
            (
                Group::Other,
                Some("government (country unknown)".to_owned()),
            )
        } else {
            (group, affiliation)
        };
        let confidence = confidence::Calibration::get().confidence(
            self.rule,
            rule::Mention::of(self.mention_text.as_deref(), speaker.as_deref()),
            speaker.is_some(),
        );
        // The speaker's office or description, when the mention does not already say it.
        let mention_words = self.mention.map_or("", |m| m.slice(text));
        let detail = self
            .entity
            .as_ref()
            .and_then(|e| e.role.clone().or_else(|| e.description.clone()))
            .filter(|d| speaker.as_ref() != Some(d) && !mention_words.contains(d.as_str()));
        let mut chain = Vec::new();
        if let Some(m) = &self.mention_text {
            chain.push(m.clone());
        }
        if let Some(e) = &self.entity {
            for part in [&e.name, &e.description, &e.role].into_iter().flatten() {
                if !chain.contains(part) {
                    chain.push(part.clone());
                }
            }
            for g in &e.governments {
                chain.push(
                    registry
                        .get(g)
                        .map_or_else(|| g.clone(), |g| g.name.clone()),
                );
            }
            if let Some(a) = &e.affiliation {
                chain.push(a.clone());
            }
        }
        Statement {
            id,
            spans: self.spans,
            kind: self.kind,
            speaker,
            role,
            speaker_mention: self.mention,
            group,
            governments,
            affiliation,
            cue: self.cue,
            evidence: Evidence {
                rule: self
                    .rule
                    .describe(text, self.cue_span, self.mention, detail.as_deref()),
                found_by: Some(self.rule),
                chain,
            },
            confidence,
            continues_previous: self.continues_previous,
            question: self.question,
            origin: Origin::Extracted,
        }
    }
}
