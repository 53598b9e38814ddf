//! The user's corrections, anchored to the article text (not to list positions), so they
//! survive re-extraction with new rules.

use serde::{Deserialize, Serialize};

use crate::article::ArticleId;
use crate::statement::{Evidence, Group, Origin, Statement, StatementId, StatementKind};
use crate::text::Span;

use super::Session;

/// Where a correction applies: a span of an article's text and a hash of the words there,
/// so a correction whose words changed is not applied to something else.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Anchor {
    /// The article.
    pub article: ArticleId,
    /// Byte span of the statement's first span when the correction was made.
    pub span: Span,
    /// First 16 hex digits of the SHA-256 of the words at `span`.
    pub text_hash: String,
}

impl Anchor {
    /// The anchor of `span` in `text`.
    #[must_use]
    pub fn new(article: ArticleId, span: Span, text: &str) -> Self {
        Self {
            article,
            span,
            text_hash: short_hash(span.slice(text)),
        }
    }

    /// The anchor of a statement (its first span).
    #[must_use]
    pub fn of_statement(statement: &Statement, text: &str) -> Option<Self> {
        statement
            .spans
            .first()
            .map(|span| Self::new(statement.id.article, *span, text))
    }

    /// True when `statement` is the one this anchor names: same article, its first span
    /// overlaps the anchor, and the anchored words are still there.
    fn matches(&self, statement: &Statement, text: &str) -> bool {
        statement.id.article == self.article
            && statement
                .spans
                .first()
                .is_some_and(|span| span.overlap(self.span) > 0)
            && self.holds(text)
    }

    /// True when the anchored words are still at the span (a span outside the text, or
    /// into the middle of a character, holds nothing).
    fn holds(&self, text: &str) -> bool {
        self.span.start < self.span.end
            && text
                .get(self.span.start..self.span.end)
                .is_some_and(|words| short_hash(words) == self.text_hash)
    }
}

fn short_hash(text: &str) -> String {
    let mut hex = crate::article::sha256_hex(text.as_bytes());
    hex.truncate(16);
    hex
}

/// What the user decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CorrectionKind {
    /// The statement speaks for these governments (ISO alpha-3); empty moves it to "other".
    SetGovernments(Vec<String>),
    /// The speaker is this person or body.
    SetSpeaker(String),
    /// The kind is this.
    SetKind(StatementKind),
    /// This is not a statement: hide it.
    NotAStatement,
    /// Merge the anchored statement with the following ones into one statement.
    MergeWith(Vec<Anchor>),
    /// Split the anchored statement at this byte offset into two.
    SplitAt(usize),
    /// A statement the user added by selecting text.
    Add {
        /// The kind.
        kind: StatementKind,
        /// The speaker, if the user gave one.
        speaker: Option<String>,
        /// Governments (ISO alpha-3).
        governments: Vec<String>,
    },
}

/// One correction: an anchor and what to do there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// Where it applies.
    pub anchor: Anchor,
    /// What it does.
    pub kind: CorrectionKind,
}

/// The statements of `session` with every correction applied in order.
pub(super) fn apply_all(session: &Session) -> Vec<Statement> {
    let mut statements: Vec<Statement> = session.statements.values().cloned().collect();
    let mut next_user_ordinal = StatementId::USER_BASE;
    for correction in &session.corrections {
        let Some(article) = session.articles.get(&correction.anchor.article) else {
            continue;
        };
        let text = article.text.as_str();
        if let CorrectionKind::Add {
            kind,
            speaker,
            governments,
        } = &correction.kind
        {
            if correction.anchor.holds(text) {
                statements.push(user_statement(
                    StatementId {
                        article: article.id,
                        ordinal: next_user_ordinal,
                    },
                    correction.anchor.span,
                    *kind,
                    speaker.clone(),
                    governments.clone(),
                ));
                next_user_ordinal += 1;
            }
            continue;
        }
        let Some(index) = statements
            .iter()
            .position(|s| correction.anchor.matches(s, text))
        else {
            continue;
        };
        apply_one(
            &mut statements,
            index,
            &correction.kind,
            text,
            &mut next_user_ordinal,
        );
    }
    statements.sort_by_key(|s| {
        (
            s.id.article,
            s.spans.first().map_or(0, |sp| sp.start),
            s.id.ordinal,
        )
    });
    statements
}

fn apply_one(
    statements: &mut Vec<Statement>,
    index: usize,
    kind: &CorrectionKind,
    text: &str,
    next_user_ordinal: &mut u32,
) {
    match kind {
        CorrectionKind::SetGovernments(governments) => {
            let statement = &mut statements[index];
            let mut governments = governments.clone();
            governments.sort();
            governments.dedup();
            statement.group = if governments.is_empty() {
                Group::Other
            } else {
                Group::Government
            };
            statement.governments = governments;
            statement
                .evidence
                .chain
                .push("corrected by the user".to_owned());
            statement.confidence = 1.0;
        }
        CorrectionKind::SetSpeaker(speaker) => {
            let statement = &mut statements[index];
            statement.speaker = Some(speaker.clone());
            statement
                .evidence
                .chain
                .push(format!("speaker set by the user: {speaker}"));
        }
        CorrectionKind::SetKind(kind) => statements[index].kind = *kind,
        CorrectionKind::NotAStatement => {
            statements.remove(index);
        }
        CorrectionKind::MergeWith(others) => {
            let target_id = statements[index].id;
            let mut extra_spans = Vec::new();
            statements.retain(|s| {
                let absorbed = s.id != target_id && others.iter().any(|a| a.matches(s, text));
                if absorbed {
                    extra_spans.extend(s.spans.iter().copied());
                }
                !absorbed
            });
            if let Some(target) = statements.iter_mut().find(|s| s.id == target_id) {
                target.spans.extend(extra_spans);
                target.spans.sort();
                target.spans.dedup();
            }
        }
        CorrectionKind::SplitAt(at) => {
            if !text.is_char_boundary(*at) {
                return;
            }
            let statement = &mut statements[index];
            let Some(pos) = statement
                .spans
                .iter()
                .position(|s| s.start < *at && *at < s.end)
            else {
                return;
            };
            let span = statement.spans[pos];
            let mut tail = statement.clone();
            statement.spans.truncate(pos);
            statement.spans.push(Span::new(span.start, *at));
            tail.spans.drain(..=pos);
            tail.spans.insert(0, Span::new(*at, span.end));
            tail.id.ordinal = *next_user_ordinal;
            tail.origin = Origin::User;
            tail.continues_previous = true;
            *next_user_ordinal += 1;
            statements.insert(index + 1, tail);
        }
        CorrectionKind::Add { .. } => {}
    }
}

fn user_statement(
    id: StatementId,
    span: Span,
    kind: StatementKind,
    speaker: Option<String>,
    mut governments: Vec<String>,
) -> Statement {
    governments.sort();
    governments.dedup();
    Statement {
        id,
        spans: vec![span],
        kind,
        speaker,
        role: None,
        speaker_mention: None,
        group: if governments.is_empty() {
            Group::Other
        } else {
            Group::Government
        },
        governments,
        affiliation: None,
        cue: None,
        evidence: Evidence {
            rule: "added by the user".to_owned(),
            found_by: None,
            chain: Vec::new(),
        },
        confidence: 1.0,
        continues_previous: false,
        question: None,
        origin: Origin::User,
    }
}
