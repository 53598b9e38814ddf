//! Cues: the verbs and phrases that tie a quotation or reported speech to its speaker.

use super::knowledge::{CueVerb, Knowledge};
use super::lex::Token;

/// A cue found among a paragraph's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Index of the cue's first token.
    pub index: usize,
    /// Number of tokens the cue spans.
    pub len: usize,
    /// The cue as written ("said", "according to").
    pub text: String,
    /// True for "according to" style cues whose source follows.
    pub source_after: bool,
    /// The verb also introduces reported speech.
    pub reported: bool,
    /// The content starts at the verb's object ("accused X of").
    pub object: bool,
    /// The content may be an infinitive ("vowed to ...").
    pub infinitive: bool,
    /// The content may be a noun phrase ("expressed serious concern").
    pub noun_object: bool,
    /// The content may be a gerund clause ("denied seeking ...").
    pub gerund: bool,
    /// The object before a "that" clause is the person spoken to (see
    /// `CueVerb::addressee`).
    pub addressee: bool,
    /// The verb attributes only a quote before it (see `CueVerb::after_quote_only`).
    pub after_quote_only: bool,
}

impl Cue {
    /// The cue's words in the text.
    #[must_use]
    pub fn span(&self, toks: &[Token]) -> crate::text::Span {
        let last = (self.index + self.len)
            .saturating_sub(1)
            .min(toks.len().saturating_sub(1));
        crate::text::Span::new(toks[self.index].span.start, toks[last].span.end)
    }
}

/// The cue starting at token `i`, if any.
#[must_use]
pub fn cue_at(toks: &[Token], i: usize) -> Option<Cue> {
    let k = Knowledge::bundled();
    let t = toks.get(i)?;
    for words in &k.cue_phrase_words {
        if words.len() > 1
            && words[0] == t.lower
            && toks.len() >= i + words.len()
            && words
                .iter()
                .enumerate()
                .all(|(j, w)| toks[i + j].lower == *w)
        {
            let source_after = words[0] == "according" || words[0] == "in";
            return Some(Cue {
                index: i,
                len: words.len(),
                text: words.join(" "),
                source_after,
                reported: !source_after,
                // "called on X to Y": the content runs from X.
                object: words.last().is_some_and(|w| w == "on"),
                infinitive: false,
                noun_object: true,
                gerund: false,
                addressee: false,
                after_quote_only: false,
            });
        }
    }
    let verb: &CueVerb = k.cue_verb(&t.lower)?;
    // "to say", "the said": not a cue; a capitalised verb form mid-phrase is a name.
    // "Said Ellis: ..." opens a sentence with the verb.
    let opens_sentence = i == 0
        || matches!(toks[i - 1].trail, Some('.' | '?' | '!')) && !toks[i - 1].word.ends_with('.');
    if t.capitalised() && !opens_sentence {
        return None;
    }
    // "the ministry's claim": a noun after a possessive, not a verb.
    if i > 0 && toks[i - 1].possessive && !t.lower.ends_with("ed") {
        return None;
    }
    // "the pledge", "a warning", "its claim": a noun after a determiner ("that" and "one"
    // may be the subject: "a report that said", "one said"). A noun that reports a clause
    // ("his claim that ...") still cues it.
    if i > 0
        && toks[i - 1].trail.is_none()
        && toks.get(i + 1).is_none_or(|next| next.lower != "that")
        && !matches!(toks[i - 1].lower.as_str(), "that" | "one")
        && super::lexicon::Lexicon::get()
            .determiners
            .contains(toks[i - 1].lower.as_str())
    {
        return None;
    }
    Some(Cue {
        index: i,
        len: 1,
        text: t.word.clone(),
        source_after: false,
        reported: verb.reported,
        object: verb.object,
        infinitive: verb.infinitive,
        noun_object: verb.noun_object,
        gerund: verb.gerund,
        addressee: verb.addressee,
        after_quote_only: verb.after_quote_only,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lex::tokens;
    use crate::text::Span;

    #[test]
    fn finds_verbs_and_phrases() {
        let text = "according to officials, Carter said he accused Beijing of lying";
        let toks = tokens(text, Span::new(0, text.len()));
        let according = cue_at(&toks, 0).expect("phrase cue");
        assert!(according.source_after);
        assert_eq!(according.len, 2);
        let said = cue_at(&toks, 4).expect("verb cue");
        assert!(said.reported);
        assert!(cue_at(&toks, 6).is_some_and(|c| c.object));
        assert!(cue_at(&toks, 3).is_none());
    }

    #[test]
    fn a_cue_word_after_a_determiner_is_a_noun_unless_it_reports_a_clause() {
        let text = "the pledge was firm; his claim that talks stalled; a report that said so";
        let toks = tokens(text, Span::new(0, text.len()));
        let at = |word: &str| toks.iter().position(|t| t.lower == word).expect("word");
        assert!(cue_at(&toks, at("pledge")).is_none());
        assert!(cue_at(&toks, at("claim")).is_some());
        assert!(cue_at(&toks, at("said")).is_some());
    }
}
