//! Noun-phrase bounds: where the phrase naming a speaker starts before a verb or ends after
//! one, over the tokens of a paragraph.

use super::knowledge::Knowledge;
use super::lex::Token;
use super::lexicon::Lexicon;
use super::phrase::pronoun;

/// True when the token can sit inside a speaker's noun phrase.
#[must_use]
pub fn np_token(t: &Token) -> bool {
    let k = Knowledge::bundled();
    let lower = t.lower.as_str();
    t.capitalised()
        || k.role_words.contains(lower)
        || k.modifiers.contains(lower)
        || Lexicon::get().np_words.contains(lower)
        || t.possessive
        || t.word.len() == 2 && t.word.ends_with('.')
        || t.word.starts_with(|c: char| c.is_ascii_digit())
}

/// True when `toks[i]` can sit inside a speaker's noun phrase: [`np_token`], or a lowercase
/// name particle inside a name ([`inner_particle`]).
#[must_use]
pub fn np_token_at(toks: &[Token], i: usize) -> bool {
    np_token(&toks[i]) || inner_particle(toks, i)
}

/// True when `toks[i]` is a lowercase name particle ("bin", "da", "von der") in a run of
/// particles with a capitalised name word on each side ("Karim bin Haddad", "Ada von der
/// Lenz"): the name goes on through it.
#[must_use]
pub fn inner_particle(toks: &[Token], i: usize) -> bool {
    let particles = &Lexicon::get().name_particles;
    let is_particle = |t: &Token| {
        !t.capitalised()
            && t.trail.is_none()
            && t.lead.is_none()
            && !t.possessive
            && particles.contains(t.lower.as_str())
    };
    if !is_particle(&toks[i]) {
        return false;
    }
    let mut first = i;
    while first > 0 && is_particle(&toks[first - 1]) {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < toks.len() && is_particle(&toks[last + 1]) {
        last += 1;
    }
    let before = first.checked_sub(1).map(|j| &toks[j]);
    let after = toks.get(last + 1);
    before.is_some_and(|t| t.capitalised() && t.trail.is_none() && !t.possessive)
        && after.is_some_and(|t| t.capitalised() && t.lead.is_none())
}

/// A common-noun phrase ending `toks` that starts with a determiner ("the article", "his
/// spokesman's statement", "one questioner"): its first token index.
#[must_use]
pub fn determiner_np(toks: &[Token]) -> Option<usize> {
    let n = toks.len();
    for back in 1..=5.min(n) {
        let i = n - back;
        let t = &toks[i];
        if back > 1 && (t.trail.is_some() || t.lead.is_some()) {
            return None;
        }
        if back == 1 && t.lead.is_some() {
            return None;
        }
        if back > 1 && Lexicon::get().determiners.contains(t.lower.as_str()) {
            // "their check by", "her view and", "that when you start", "that egregiously":
            // a function word or an adverb after the determiner is no noun phrase's.
            let mut words = &toks[i + 1..];
            // "the study -- which said": a relative pronoun after the noun.
            if let [head @ .., last] = words
                && matches!(last.lower.as_str(), "which" | "who" | "that")
                && !head.is_empty()
            {
                words = head;
            }
            // "the statement also said", "the report later said": an adverb before the
            // verb.
            while let [head @ .., last] = words
                && !head.is_empty()
                && Lexicon::get().before_verb.contains(last.lower.as_str())
            {
                words = head;
            }
            // "that counters ...": after "that" a verb form opens a relative clause.
            let relative = t.lower == "that"
                && words.first().is_some_and(|w| {
                    !w.capitalised() && (w.lower.ends_with('s') || w.lower.ends_with("ed"))
                });
            let noun_phrase = !relative
                && words
                    .iter()
                    .all(|w| !super::lex::is_function_word(&w.lower))
                && words
                    .last()
                    .is_some_and(|head| !(head.lower.ends_with("ly") && head.lower.len() > 4));
            return noun_phrase.then_some(i);
        }
        if !t
            .word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '’' || c == '\'')
        {
            return None;
        }
        if Knowledge::bundled().cue_verb(&t.lower).is_some() {
            return None;
        }
    }
    None
}

fn t_closes(toks: &[Token]) -> bool {
    toks.iter().any(|t| t.trail == Some(')'))
}

/// The noun phrase that ends `toks` (the subject just before a verb): its first token index.
#[must_use]
pub fn trailing_np(toks: &[Token]) -> usize {
    // A trailing parenthesis ("Sen. Ada Marsh (R-Mont.)") is not part of the name.
    let mut toks = toks;
    if let Some(p) = toks.iter().rposition(|t| t.lead == Some('('))
        && p > 0
        && toks[p..]
            .last()
            .is_some_and(|t| matches!(t.trail, Some(')' | ',' | '.')) || t_closes(&toks[p..]))
    {
        toks = &toks[..p];
    }
    let mut start = toks.len();
    while start > 0 {
        let t = &toks[start - 1];
        if start < toks.len() && matches!(t.trail, Some(',' | ';' | ':' | '—' | '–')) {
            break;
        }
        if !np_token_at(toks, start - 1) {
            break;
        }
        start -= 1;
        if pronoun(&t.lower).is_some() {
            break;
        }
    }
    // Do not start on a preposition or conjunction.
    while start < toks.len()
        && Lexicon::get()
            .np_never_first
            .contains(toks[start].lower.as_str())
    {
        start += 1;
    }
    start
}

/// The noun phrase that starts `toks` (a subject after a verb): one past its last token.
#[must_use]
pub fn leading_np(toks: &[Token]) -> usize {
    if toks.first().is_some_and(|t| pronoun(&t.lower).is_some()) {
        return 1;
    }
    let mut end = 0;
    while end < toks.len() {
        let t = &toks[end];
        // A parenthesis ("(R-Neb.)") ends the phrase.
        if !np_token_at(toks, end) || end > 0 && t.lead == Some('(') {
            break;
        }
        if t.lead.is_some_and(super::quotes::is_quote_mark) {
            break;
        }
        end += 1;
        if matches!(t.trail, Some(',' | ';' | ':' | '.' | '—' | '–' | ')')) {
            break;
        }
    }
    // Do not end on a preposition or conjunction.
    while end > 0
        && Lexicon::get()
            .np_never_last
            .contains(toks[end - 1].lower.as_str())
    {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lex::tokens;
    use crate::text::Span;

    fn toks(text: &str) -> Vec<Token> {
        tokens(text, Span::new(0, text.len()))
    }

    #[test]
    fn a_determiner_phrase_is_a_noun_phrase() {
        assert_eq!(
            determiner_np(&toks("on Monday the invented study")),
            Some(2)
        );
        assert_eq!(determiner_np(&toks("and the sample report which")), Some(1));
        for text in [
            "published their count by",
            "denied that was her view and",
            "is that when you start",
            "made a remark that bluntly",
            "that counters Ilvania's expansive maritime",
        ] {
            assert_eq!(determiner_np(&toks(text)), None, "{text}");
        }
    }

    #[test]
    fn a_name_runs_through_its_lowercase_particles() {
        let t = toks("said Karim bin Haddad and the van der Berg family");
        assert!(inner_particle(&t, 2));
        assert!(
            !inner_particle(&t, 6),
            "'van' after 'the' is no particle inside a name"
        );
        assert_eq!(leading_np(&t[1..]), 3);
        assert_eq!(trailing_np(&t[..4]), 1);
    }
}
