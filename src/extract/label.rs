//! Stage `label`: what a quote is: a label, title or scare quote (no statement), or a
//! statement whose kind is direct (whole sentences) or partial (a fragment).

use crate::statement::StatementKind;

use super::cues::cue_at;
use super::lex::Token;
use super::lexicon::Lexicon;
use super::para::Para;

/// True when the quote is a scare quote, title or label rather than someone's words.
#[must_use]
pub fn is_label(para: &Para, qi: usize, has_cue_near: bool) -> bool {
    let q = para.quotes[qi];
    let content = q.content.slice(para.text);
    let words: Vec<&str> = content.split_whitespace().collect();
    let open_tok = para.token_at(q.open);
    // Preceded by "so-called", "dubbed", "known as", "called" (not "what it called").
    if open_tok > 0 {
        let prev = para.toks[open_tok - 1].lower.as_str();
        let prev2 = open_tok
            .checked_sub(2)
            .map_or("", |i| para.toks[i].lower.as_str());
        if Lexicon::get().label_leads.contains(prev) || prev == "as" && prev2 == "known" {
            return true;
        }
        if prev == "called" && !(open_tok >= 3 && para.toks[open_tok - 3].lower == "what") {
            return true;
        }
    }
    // A name modifying a noun after it: the “one country, two systems” formula.
    if names_the_noun_after(para, qi) {
        return true;
    }
    if content.contains("Declaration") && words.len() <= 6 && !content.ends_with('.') {
        return true;
    }
    let end_punct = content.ends_with(['.', ',', '?', '!', ';', ':', '…']);
    // Title Case names ("Free and Open Indo-Pacific", "America First").
    let small = [
        "of", "and", "the", "for", "in", "on", "to", "a", "an", "&", "de", "at", "with", "by",
    ];
    let title_case = words.len() >= 2
        && words.len() <= 8
        && words.iter().all(|w| {
            small.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
        && !end_punct;
    if title_case
        && !(words.len() <= 3
            && has_cue_near
            && words.iter().any(|w| w.chars().all(char::is_uppercase)))
    {
        return true;
    }
    // Titles quoted with their closing punctuation ("All Bets Are Off.", "Fox News Sunday,").
    let bare: Vec<&str> = words
        .iter()
        .map(|w| w.trim_end_matches(['.', ',', '?', '!', ';', ':']))
        .collect();
    let title_with_punct = !bare.is_empty()
        && bare.len() <= 8
        && bare.iter().all(|w| {
            small.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        && bare
            .iter()
            .any(|w| !small.contains(&w.to_lowercase().as_str()));
    if title_with_punct && !has_cue_near && (bare.len() >= 2 || !content.ends_with(['?', '!'])) {
        return true;
    }
    // A show, book or speech named after a preposition ("on “Fox and Friends.”", "in his
    // “State of the Union.”") is a title even next to a cue.
    let preposition = |w: &str| Lexicon::get().title_openers.contains(w);
    // Also over an owner or a year: "on Fox News's “...”", "in his 1994 “...”".
    let owner_or_year = |t: &Token| {
        t.possessive || t.lower.len() == 4 && t.lower.chars().all(|c| c.is_ascii_digit())
    };
    let after_preposition = open_tok > 0
        && (preposition(&para.toks[open_tok - 1].lower)
            || owner_or_year(&para.toks[open_tok - 1])
                && (open_tok.saturating_sub(4)..open_tok - 1)
                    .rev()
                    .take_while(|&k| para.toks[k].trail.is_none())
                    .any(|k| preposition(&para.toks[k].lower)));
    // "In her 1998 memoir, ''Counting the Harbour Lights,''", "the anthem “Rise Over the
    // Northern Sea,”": a title after the kind of work it names.
    let after_work = open_tok > 0
        && Lexicon::get()
            .title_nouns
            .contains(para.toks[open_tok - 1].lower.as_str());
    if title_with_punct && bare.len() >= 2 && (after_preposition || after_work) {
        return true;
    }
    // A single capitalised word with no punctuation is a name or label.
    if words.len() == 1
        && !end_punct
        && content.chars().next().is_some_and(char::is_uppercase)
        && !has_cue_near
    {
        return true;
    }
    // Short quoted noun phrases with no cue nearby are scare quotes.
    words.len() <= SCARE_QUOTE_WORDS && !end_punct && !has_cue_near
}

/// Longest quote, in words, that can be a name modifying the noun after it.
const MODIFIER_QUOTE_WORDS: usize = 6;

/// True when a short quote, with no punctuation of its own at its end, stands right before a
/// noun such names modify ("the “open door” policy", "its “one country, two systems”
/// formula").
pub(crate) fn names_the_noun_after(para: &Para, qi: usize) -> bool {
    let q = para.quotes[qi];
    let content = q.content.slice(para.text);
    if !q.closed
        || content.split_whitespace().count() > MODIFIER_QUOTE_WORDS
        || content.ends_with(['.', ',', '?', '!', ';', ':', '…'])
    {
        return false;
    }
    // Only white space between the closing mark and the noun.
    let gap = para.text.get(q.after..).unwrap_or("");
    if !gap.starts_with(' ') {
        return false;
    }
    let next = para.token_at(q.after);
    para.toks.get(next).is_some_and(|t| {
        t.lead.is_none()
            && para.inside[next].is_none()
            && Lexicon::get().label_heads.contains(t.lower.as_str())
    })
}

/// True for a short lowercase fragment, whatever punctuation the reporter's sentence put
/// inside its marks (the treaty "at its core," ...): a scare quote when no cue at all
/// attributes it.
#[must_use]
pub fn is_fragment(para: &Para, qi: usize) -> bool {
    let content = para.quotes[qi].content.slice(para.text);
    content.chars().next().is_some_and(char::is_lowercase)
        && content.split_whitespace().count() <= SCARE_QUOTE_WORDS
}

/// Longest quote, in words, read as a scare quote when no cue is near: a few words of a
/// noun phrase ("a new normal"), shorter than the clauses quoted as someone's words.
const SCARE_QUOTE_WORDS: usize = 4;

/// Direct (whole sentences) or partial (a fragment in the reporter's sentence).
#[must_use]
pub fn kind_of(para: &Para, qi: usize) -> StatementKind {
    let q = para.quotes[qi];
    let content = q.content.slice(para.text);
    let first = content.chars().find(|c| {
        !matches!(
            c,
            '.' | '…' | '(' | '[' | ' ' | '"' | '\'' | '‘' | '“' | '-'
        )
    });
    let upper = first.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic() && !c.is_ascii()
    });
    if !upper {
        return StatementKind::Partial;
    }
    // What stands before the opening mark: the paragraph start, punctuation or a cue verb.
    let before = para.text[para.span.start..q.open].trim_end();
    let prev_ok = before.is_empty()
        || before.ends_with([':', ',', '.', ';', '—', '–', '-', '(', '?', '!', '"', '”'])
        || {
            let open_tok = para.token_at(q.open);
            open_tok > 0
                && (cue_at(&para.toks, open_tok - 1).is_some()
                    || matches!(
                        para.toks[open_tok - 1].lower.as_str(),
                        "that" | "saying" | "added"
                    ))
        };
    if !prev_ok {
        return StatementKind::Partial;
    }
    let end_punct = content
        .trim_end_matches(['"', '\'', '’', '”', ')'])
        .ends_with(['.', ',', '?', '!', ';', ':', '…', '—', '–', '-']);
    if end_punct || !q.closed {
        return StatementKind::Direct;
    }
    // No final punctuation: direct only when the sentence does not carry on after it.
    let after = para.text[q.after..para.span.end].trim_start();
    let carries_on = after.starts_with(|c: char| c.is_lowercase()) && {
        let i = para.token_at(q.after);
        !(i..(i + 4).min(para.toks.len())).any(|j| cue_at(&para.toks, j).is_some())
    };
    if carries_on {
        StatementKind::Partial
    } else if after.is_empty() || after.starts_with(['.', ',', '?', '!', ';']) {
        if content.split_whitespace().count() >= 4 {
            StatementKind::Direct
        } else {
            StatementKind::Partial
        }
    } else {
        StatementKind::Direct
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::split_paragraphs;
    use crate::extract::quotes::find_quotes;

    #[test]
    fn kinds_and_labels() {
        let text = "The minister called it “a grave mistake” and said: “We reject it.” The so-called “three no's” remain.";
        let span = split_paragraphs(text)[0];
        let p = Para::new(text, span, find_quotes(text, &[span]));
        assert_eq!(kind_of(&p, 0), StatementKind::Partial);
        assert_eq!(kind_of(&p, 1), StatementKind::Direct);
        assert!(is_label(&p, 2, false));
        assert!(!is_label(&p, 1, true));
    }
}
