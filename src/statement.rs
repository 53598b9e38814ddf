//! Statements: what Demarche finds in an article, with the evidence for its attribution.

use serde::{Deserialize, Serialize};

use crate::article::ArticleId;
use crate::text::Span;

/// Stable identifier of a statement: its article and an ordinal within that article.
/// Statements found by extraction number from 0; ones the user adds number from
/// [`StatementId::USER_BASE`], so re-extraction never reuses a user's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StatementId {
    /// The article the statement is in.
    pub article: ArticleId,
    /// Ordinal within the article.
    pub ordinal: u32,
}

impl StatementId {
    /// First ordinal of statements added by the user.
    pub const USER_BASE: u32 = 1_000_000;
}

impl std::fmt::Display for StatementId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.s{}", self.article, self.ordinal)
    }
}

/// How the statement is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StatementKind {
    /// Quoted words that form whole sentences or utterances.
    Direct,
    /// A quoted fragment built into the reporter's sentence.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
}

impl StatementKind {
    /// Lowercase name as used in files and the CLI.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Direct => "direct",
            Self::Partial => "partial",
            Self::Indirect => "indirect",
        }
    }
}

/// Which kind of voice a statement belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Group {
    /// The executive of one or more countries.
    Government,
    /// An intergovernmental body (UN, EU, NATO, ...).
    Organisation,
    /// Anyone else: legislators, parties, analysts, companies, media, unknown speakers.
    Other,
}

impl Group {
    /// Lowercase name as used in files and the CLI.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Government => "government",
            Self::Organisation => "organisation",
            Self::Other => "other",
        }
    }
}

/// Who found the statement.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub enum Origin {
    /// Found by the extraction rules.
    #[default]
    Extracted,
    /// Added by the user from a text selection.
    User,
}

/// Why the statement was attributed as it was: shown to the user next to the statement.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Evidence {
    /// What found the statement, in plain words with the words of the text that gave it
    /// ("quote followed by 'said Lin Wei', spokesperson"); the inspector shows it. Sessions
    /// saved before rules were named hold a short id here ("quote+cue-after").
    pub rule: String,
    /// The extraction rule, when extraction found the statement (none for statements the
    /// user added, or from sessions saved before rules were named).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_by: Option<crate::extract::rule::Rule>,
    /// The resolution steps from the mention to the government, in order
    /// (e.g. `["he", "Zhao Lijian", "Chinese Foreign Ministry spokesperson", "China"]`).
    pub chain: Vec<String>,
}

/// One official (or other) statement found in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Stable id.
    pub id: StatementId,
    /// The statement's text without quote marks; a quote split by its attribution may have
    /// several spans. Byte offsets into the article's text, in order.
    pub spans: Vec<Span>,
    /// Direct, partial or indirect.
    pub kind: StatementKind,
    /// The resolved speaker: a full name, or a description ("Chinese Foreign Ministry").
    pub speaker: Option<String>,
    /// The speaker's role or title when known ("Foreign Ministry spokesperson").
    #[serde(default)]
    pub role: Option<String>,
    /// The words nearest the statement that name or point to the speaker ("he", "the ministry").
    pub speaker_mention: Option<Span>,
    /// Which group the speaker belongs to.
    pub group: Group,
    /// ISO 3166 alpha-3 codes of the governments the statement speaks for, sorted; more than
    /// one for a joint statement. Empty unless `group` is [`Group::Government`].
    pub governments: Vec<String>,
    /// For [`Group::Organisation`] and [`Group::Other`]: the body or kind of voice
    /// ("United Nations", "legislator", "analyst").
    #[serde(default)]
    pub affiliation: Option<String>,
    /// The cue word or phrase ("said", "told reporters", "according to"), if any.
    pub cue: Option<String>,
    /// Why it was attributed this way.
    pub evidence: Evidence,
    /// Confidence in the whole attribution, 0 to 1.
    pub confidence: f32,
    /// True when this continues the previous statement's quotation (a later paragraph of a
    /// multi-paragraph quote, or of a transcript turn).
    #[serde(default)]
    pub continues_previous: bool,
    /// In a transcript: the question (a journalist's or questioner's turn) that this answer
    /// responds to, so the question can be shown with the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<Span>,
    /// Found by the rules or added by the user.
    #[serde(default)]
    pub origin: Origin,
}

impl Statement {
    /// The statement's text: its spans joined with " … " where split.
    #[must_use]
    pub fn text<'a>(&self, article_text: &'a str) -> std::borrow::Cow<'a, str> {
        match self.spans.as_slice() {
            [one] => std::borrow::Cow::Borrowed(one.slice(article_text)),
            spans => std::borrow::Cow::Owned(
                spans
                    .iter()
                    .map(|s| s.slice(article_text))
                    .collect::<Vec<_>>()
                    .join(" … "),
            ),
        }
    }

    /// The byte range covering all spans.
    #[must_use]
    pub fn extent(&self) -> Option<Span> {
        let first = self.spans.first()?;
        let last = self.spans.last()?;
        Some(Span::new(first.start, last.end))
    }

    /// True when the statement speaks for more than one government.
    #[must_use]
    pub fn is_joint(&self) -> bool {
        self.governments.len() > 1
    }
}
