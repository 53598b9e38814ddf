//! The evidence rules: which pattern found a statement and tied it to its speaker. Each rule
//! has plain words for the inspector ("quote followed by 'said Lin Wei'") and a base
//! confidence; a new rule is a new variant here, a row in the rule table test
//! (`tests/extract.rs`) and the code of the stage that applies it.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::Span;

/// A rule that found a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rule {
    /// `"...," Ana Ruiz said` / `"...," said the ministry`: a cue after the quote.
    QuoteCueAfter,
    /// `Ana Ruiz said: "..."` / `she called it "..."`: a cue before the quote.
    QuoteCueBefore,
    /// `"..." ― Ana Ruiz`: a name after a dash closing the quote.
    QuoteByline,
    /// `... the minister Ana Ruiz -- "..." -- and ...`: a quote set off by dashes after a name.
    QuoteDashApposition,
    /// `The envoy had one message: "..."`: no cue, the subject of the sentence the colon ends.
    QuoteColonSubject,
    /// A quote with no cue of its own that carries on the previous speaker (a later paragraph
    /// of a quotation, or the next quote of the same paragraph).
    QuotePreviousSpeaker,
    /// `"RUIZ: Well, ...`: a transcript turn quoted in a news text.
    QuotedTranscriptTurn,
    /// A subheading of a few quoted words and nothing else, whose words a quotation of the
    /// same article repeats: that quotation's speaker.
    QuoteEchoed,
    /// `The ministry said (that) ...`, `X accused Y of ...`, `X urged Y to ...`.
    ReportedCueBefore,
    /// `<clause>, the ministry said.`: the cue set off after the reported clause.
    ReportedCueAfter,
    /// `According to the ministry, <clause>` / `<clause>, according to the ministry.`
    ReportedAccordingTo,
    /// `The ministry said ... It added that ...`: a later sentence whose subject points back
    /// to the speaker of the reported speech before it.
    ReportedContinued,
    /// A turn of an official in a transcript (a labelled paragraph and the ones after it).
    TranscriptTurn,
    /// A paragraph of a statement issued as a document (a joint statement).
    DocumentStatement,
}

impl Rule {
    /// Every rule, for tables and tests.
    pub const ALL: [Self; 14] = [
        Self::QuoteCueAfter,
        Self::QuoteCueBefore,
        Self::QuoteByline,
        Self::QuoteDashApposition,
        Self::QuoteColonSubject,
        Self::QuotePreviousSpeaker,
        Self::QuotedTranscriptTurn,
        Self::QuoteEchoed,
        Self::ReportedCueBefore,
        Self::ReportedCueAfter,
        Self::ReportedAccordingTo,
        Self::ReportedContinued,
        Self::TranscriptTurn,
        Self::DocumentStatement,
    ];

    /// The rule's plain words followed by the words of the text that gave it: the cue and
    /// the speaker mention, as one stretch of text when they stand together ("quote followed
    /// by 'said Lin Wei'"), with `detail` (the speaker's role or description) after a comma.
    #[must_use]
    pub fn describe(
        self,
        text: &str,
        cue: Option<Span>,
        mention: Option<Span>,
        detail: Option<&str>,
    ) -> String {
        /// Longest stretch of text quoted in the description, in bytes: a cue and its speaker
        /// phrase fit; a whole sentence does not.
        const MAX_QUOTED: usize = 90;
        let words = match (cue, mention) {
            (Some(c), Some(m)) => {
                let (start, end) = (c.start.min(m.start), c.end.max(m.end));
                let joined = text.get(start..end).unwrap_or("");
                if end - start <= MAX_QUOTED && !joined.contains('\n') {
                    Some(joined.to_owned())
                } else {
                    Some(format!("{} … {}", m.slice(text), c.slice(text)))
                }
            }
            (Some(s), None) | (None, Some(s)) => Some(s.slice(text).to_owned()),
            (None, None) => None,
        };
        let mut out = self.to_string();
        if let Some(w) = words.filter(|w| !w.trim().is_empty()) {
            let w: String = w.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push_str(&format!(" '{w}'"));
        }
        if let Some(d) = detail.filter(|d| !d.is_empty() && !out.contains(*d)) {
            out.push_str(", ");
            out.push_str(d);
        }
        out
    }
}

/// How the words nearest a statement name its speaker: part of what its confidence rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Mention {
    /// A name ("Ana Ruiz", "Ruiz", "PRESIDENT RUIZ").
    Name,
    /// A pronoun or relative pronoun ("she", "who").
    Pronoun,
    /// A description ("the ministry", "a senior official", "Beijing").
    Description,
    /// No words name the speaker (a transcript host's opening, a carried quote).
    Absent,
}

impl Mention {
    /// The kind of `mention` (the words in the text) for a speaker called `name`.
    #[must_use]
    pub fn of(mention: Option<&str>, name: Option<&str>) -> Self {
        let Some(words) = mention.map(str::trim).filter(|m| !m.is_empty()) else {
            return Self::Absent;
        };
        let lower = words.to_lowercase();
        if matches!(
            lower.as_str(),
            "he" | "she" | "it" | "they" | "who" | "which" | "i" | "we" | "that"
        ) {
            return Self::Pronoun;
        }
        let named = name
            .and_then(|n| n.split_whitespace().next_back())
            .is_some_and(|surname| lower.contains(&surname.to_lowercase()));
        if named { Self::Name } else { Self::Description }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::QuoteCueAfter => "quote followed by",
            Self::QuoteCueBefore => "quote introduced by",
            Self::QuoteByline => "quote signed",
            Self::QuoteDashApposition => "quote set off by dashes after",
            Self::QuoteColonSubject => "quote after a colon, from the sentence's subject",
            Self::QuotePreviousSpeaker => "quote with no cue of its own, continuing",
            Self::QuotedTranscriptTurn => "quoted transcript turn labelled",
            Self::QuoteEchoed => "quoted subheading whose words a quotation repeats, from",
            Self::ReportedCueBefore => "reported speech introduced by",
            Self::ReportedCueAfter => "reported speech followed by",
            Self::ReportedAccordingTo => "reported speech attributed",
            Self::ReportedContinued => "reported speech continuing the speaker before, by",
            Self::TranscriptTurn => "transcript turn of",
            Self::DocumentStatement => "paragraph of the statement document",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_quote_the_cue_and_the_speaker_together() {
        let text = "“We disagree,” said Lin Wei, a spokesperson.";
        let cue = Span::new(
            text.find("said").expect("cue"),
            text.find("said").expect("cue") + 4,
        );
        let at = text.find("Lin Wei").expect("name");
        let mention = Span::new(at, at + "Lin Wei".len());
        assert_eq!(
            Rule::QuoteCueAfter.describe(text, Some(cue), Some(mention), Some("spokesperson")),
            "quote followed by 'said Lin Wei', spokesperson"
        );
        assert_eq!(
            Rule::DocumentStatement.describe(text, None, None, None),
            "paragraph of the statement document"
        );
        for rule in Rule::ALL {
            assert!(!rule.to_string().is_empty());
        }
    }
}
