//! Stage `find`: for each quote, the cue before, after or inside it and the speaker phrase
//! next to that cue, with the rule that tied them.

use crate::text::Span;

use super::cues::{Cue, cue_at};
use super::lex::Token;
use super::lexicon::Lexicon;
use super::np::leading_np;
use super::para::Para;
use super::phrase::{Phrase, analyze};
use super::rule::Rule;
use super::subject::{
    clause_subject, common_after, common_subject, merge, outer_subject, phrase_after,
    phrase_before, quoted_as, relative_at, speaker_like, subject_after_quote,
};
use super::window;

/// A speaker phrase found for a quote, with its cue.
#[derive(Debug, Clone)]
pub struct Found {
    /// The speaker phrase as read.
    pub phrase: Phrase,
    /// The cue, when one was found.
    pub cue: Option<String>,
    /// Where the cue is in the text.
    pub cue_span: Option<Span>,
    /// The rule that found it.
    pub rule: Rule,
    /// Tokens between the quote and the cue.
    pub distance: usize,
    /// Byte offset of the sentence start (for pronoun resolution).
    pub sentence_start: usize,
}

/// Finds the speaker phrase and cue for quote `qi` of the paragraph.
#[must_use]
pub fn find_for_quote(para: &Para, qi: usize) -> Option<Found> {
    let q = para.quotes[qi];
    let after_q = para.token_at(q.after);
    let open_tok = para.token_at(q.open);
    let content = q.content.slice(para.text);
    let ends_sentence = content
        .trim_end_matches(['"', '\'', '’', '”', ')'])
        .ends_with('.');
    // Set off by dashes after a name: `... Anna Berg -- "..." -- and ...`.
    if let Some(found) = dash_apposition(para, qi, open_tok) {
        return Some(found);
    }
    // A byline after a dash: `"..." ― Pamela Padilla`.
    let tail = &para.text[q.after.min(para.span.end)..para.span.end];
    let rest = tail.trim_start();
    if let Some(c) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '—' | '–' | '―' | '-'))
    {
        let from = para.token_at(q.after + (tail.len() - rest.len()) + c.len_utf8());
        let end = leading_np(&para.toks[from.min(para.toks.len())..]);
        if end > 0 {
            let phrase = analyze(para.text, &para.toks[from..from + end]);
            if phrase.name.is_some() {
                return Some(Found {
                    phrase,
                    cue: None,
                    cue_span: None,
                    rule: Rule::QuoteByline,
                    distance: 0,
                    sentence_start: q.open,
                });
            }
        }
    }
    // After the quote: `"...," X said` / `"...," said X`.
    let mut after: Option<Found> = None;
    let next_lower = para
        .toks
        .get(after_q)
        .is_some_and(|t| t.inside_none_lower(para, after_q));
    if !ends_sentence || next_lower || q.single {
        // `"...," Malkia Cyril, the director of ... and ..., told`: a name and a long
        // apposition before the cue.
        let named_apposition = (after_q..(after_q + 4).min(para.toks.len())).any(|j| {
            para.toks[j].trail == Some(',') && para.toks[after_q..=j].iter().all(Token::capitalised)
        });
        let reach = if named_apposition {
            window::CUE_AFTER_QUOTE_WITH_APPOSITION
        } else {
            window::CUE_AFTER_QUOTE
        };
        let stop = para.sentence_end(after_q).min(after_q + reach);
        let mut i = after_q;
        while i < stop && i < para.toks.len() && para.inside[i].is_none() {
            if let Some(cue) = cue_at(&para.toks, i) {
                let found = after_cue(para, after_q, &cue, stop);
                if let Some(phrase) = found {
                    after = Some(Found {
                        phrase,
                        cue: Some(cue.text.clone()),
                        cue_span: Some(cue.span(&para.toks)),
                        rule: Rule::QuoteCueAfter,
                        distance: i - after_q,
                        sentence_start: para.toks
                            [para.sentence_start(open_tok.min(para.toks.len().saturating_sub(1)))]
                        .span
                        .start
                        .min(q.open),
                    });
                }
                break;
            }
            i += 1;
        }
    }
    // Before the quote: `X said: "..."` / `X described it as "..."`.
    let mut before: Option<Found> = None;
    if open_tok > 0 {
        let floor = para.sentence_start(open_tok.saturating_sub(1));
        let mut from = floor;
        // Never look past a previous quote of the same sentence.
        let mut j = open_tok;
        while j > floor {
            if para.inside[j - 1].is_some() {
                from = j;
                break;
            }
            j -= 1;
        }
        // The clause's subject never lies inside a quote opening the sentence (`"...," the
        // source said. "..."`).
        let clause_floor = (floor..open_tok)
            .find(|&j| para.inside[j].is_none())
            .unwrap_or(floor);
        let mut i = open_tok;
        while i > from {
            i -= 1;
            if let Some(cue) = cue_at(&para.toks, i) {
                if cue.after_quote_only {
                    continue;
                }
                // "Japan would respond \"calmly\"": a speech act only foreseen, inside the
                // clause another cue reports; the quote belongs to that outer cue.
                if hypothetical(para, i) {
                    continue;
                }
                // `After saying her foot was "...," she was ...`: the subject follows.
                let gerund_clause = para.toks[i].lower.ends_with("ing")
                    && i > 0
                    && Lexicon::get()
                        .gerund_subordinators
                        .contains(para.toks[i - 1].lower.as_str());
                let participle = para.toks[i].lower.ends_with("ing")
                    && i > 0
                    && para.toks[i - 1].trail == Some(',');
                // "Trump urged Americans to check out what he called \"...\"": the pronoun
                // of the relative clause points to the sentence's subject, the mention.
                let what_pronoun = i >= 2
                    && para.toks[i - 2].lower == "what"
                    && super::phrase::pronoun(&para.toks[i - 1].lower).is_some();
                let phrase = if let Some(p) = quoted_as(para, floor, i) {
                    Some(p)
                } else if cue.source_after {
                    phrase_after(para, i + cue.len, open_tok)
                } else if what_pronoun && floor + 1 < i - 2 {
                    clause_subject(para, floor, i - 2)
                        .filter(|p| {
                            p.name.is_some()
                                || p.pronoun.is_some()
                                || p.gov_role
                                || p.body
                                || p.organisation.is_some()
                        })
                        .or_else(|| phrase_before(para, from, i))
                } else if gerund_clause {
                    subject_after_quote(para, qi).or_else(|| clause_subject(para, floor, i))
                } else if participle {
                    clause_subject(para, floor, i)
                } else {
                    phrase_before(para, from, i)
                        .map(|mut p| {
                            p.reported_as = relative_before(para, &p, i)
                                .or_else(|| outer_subject(para, &p, from));
                            p
                        })
                        .or_else(|| clause_subject(para, clause_floor, i))
                        .or_else(|| phrase_after(para, i + 1, open_tok))
                        .or_else(|| common_subject(para, from, i))
                };
                if let Some(phrase) = phrase {
                    before = Some(Found {
                        phrase,
                        cue: Some(cue.text.clone()),
                        cue_span: Some(cue.span(&para.toks)),
                        rule: Rule::QuoteCueBefore,
                        distance: open_tok - i - 1,
                        sentence_start: para.toks[floor].span.start,
                    });
                    break;
                }
            }
        }
    }
    // `Beijing rejected the offer. "...," the embassy said`: a sentence that ended before
    // the quote gives way to the cue of the quote's own sentence.
    let closed_before = open_tok > 0 && para.ends_sentence(open_tok - 1);
    // `... take "robust steps" in response, and he urged ...`: a cue in a new coordinated
    // clause after the quote opens a statement of its own.
    // A comma closing the quote ("... a gun," but he said) counts as well.
    let comma_in_quote = content.trim_end().ends_with(',');
    let new_clause = after.as_ref().is_some_and(|a| {
        (after_q..(after_q + a.distance).min(para.toks.len())).any(|j| {
            // `... was "absolutely right" when he said ...`: a subordinate clause of its own.
            let subordinate = Lexicon::get()
                .clause_subordinators
                .contains(para.toks[j].lower.as_str());
            subordinate && a.phrase.pronoun.is_some()
                || matches!(para.toks[j].lower.as_str(), "and" | "but")
                    && if j == after_q {
                        comma_in_quote && j > 0
                    } else {
                        para.toks[j - 1].trail == Some(',')
                    }
        })
    });
    // `X scolded him: "...," she said`: the pronoun after points back to the subject that
    // introduced the quote with a colon.
    let colon_intro = open_tok > 0
        && para.toks[open_tok - 1].trail == Some(':')
        && after
            .as_ref()
            .is_some_and(|a| a.phrase.pronoun.is_some() && a.phrase.name.is_none())
        && before
            .as_ref()
            .is_some_and(|b| b.phrase.name.is_some() && b.distance <= 2);
    // `X urged them to "...," according to the agency`: in a sentence whose own cue before
    // the quote names the speaker, "according to" names who passed the words on.
    let relayed = after
        .as_ref()
        .is_some_and(|a| a.cue.as_deref() == Some("according to"));
    match (after, before) {
        (Some(_), Some(b)) if colon_intro => Some(b),
        (Some(a), Some(_)) if closed_before => Some(a),
        (Some(_), Some(b)) if relayed => Some(b),
        (Some(_), Some(b)) if new_clause => Some(b),
        (Some(a), Some(b)) => Some(if b.distance < a.distance { b } else { a }),
        (None, None) => colon_subject(para, open_tok),
        (a, b) => a.or(b),
    }
}

/// "Lewis, who joked", "the agency, which in May said": the relative pronoun between a
/// subject phrase and its cue (only lower-case words such as a time between them).
fn relative_before(para: &Para, phrase: &Phrase, cue: usize) -> Option<Span> {
    let tok = &para.toks[relative_at(para, cue)?];
    (phrase.span.end <= tok.span.start).then_some(tok.span)
}

/// `including the former minister Anna Berg -- "..." -- and ...`: a quote set off by dashes
/// right after a name is that person's.
fn dash_apposition(para: &Para, qi: usize, open_tok: usize) -> Option<Found> {
    let q = para.quotes[qi];
    if open_tok == 0 || !q.closed || para.inside[open_tok - 1].is_some() {
        return None;
    }
    let dash = |s: &str| {
        let t = s.trim();
        matches!(t, "--" | "—" | "–")
    };
    let before = para.text.get(para.toks[open_tok - 1].span.end..q.open)?;
    let rest = para.text.get(q.after..para.span.end)?;
    let after = &rest[..rest
        .find(|c: char| c.is_alphanumeric())
        .unwrap_or(rest.len())];
    if !dash(before.trim_start_matches(['\'', '’', ')'])) || !dash(after) {
        return None;
    }
    let floor = para.sentence_start(open_tok - 1);
    let phrase = phrase_before(para, floor, open_tok).filter(|p| p.name.is_some())?;
    Some(Found {
        phrase,
        cue: None,
        cue_span: None,
        rule: Rule::QuoteDashApposition,
        distance: 0,
        sentence_start: para.toks[floor].span.start,
    })
}

/// `Obama is rolling out a new message: "It's about me."`: with no cue, a quote after a
/// colon belongs to the subject of the sentence that introduces it, when that is a person
/// or body.
fn colon_subject(para: &Para, open_tok: usize) -> Option<Found> {
    let prev = open_tok.checked_sub(1)?;
    if para.toks[prev].trail != Some(':') || para.inside[prev].is_some() {
        return None;
    }
    let floor = para.sentence_start(prev);
    let phrase = clause_subject(para, floor, prev)?;
    let person = phrase.name.is_some()
        || phrase.gov_role
        || phrase.body
        || phrase.metonym
        || phrase.pronoun.is_some();
    if !person || phrase.other.is_some() && phrase.name.is_none() {
        return None;
    }
    Some(Found {
        phrase,
        cue: None,
        cue_span: None,
        rule: Rule::QuoteColonSubject,
        distance: 0,
        sentence_start: para.toks[floor].span.start,
    })
}

/// A cue verb after a modal ("would respond", "will not say"): an act foreseen, not done.
fn hypothetical(para: &Para, i: usize) -> bool {
    let mut j = i;
    while j > 0
        && Lexicon::get()
            .modal_fillers
            .contains(para.toks[j - 1].lower.as_str())
    {
        j -= 1;
    }
    j > 0
        && Lexicon::get()
            .modals
            .contains(para.toks[j - 1].lower.as_str())
}

fn after_cue(para: &Para, from: usize, cue: &Cue, stop: usize) -> Option<Phrase> {
    let i = cue.index;
    // `"..." -- and Fred Goldberg, ... said`: the conjunction is no part of the speaker.
    let from = if from + 1 < i && matches!(para.toks[from].lower.as_str(), "and" | "or" | "but") {
        from + 1
    } else {
        from
    };
    if cue.source_after {
        return phrase_after(para, i + cue.len, stop);
    }
    // `"monitor and expel" the vessel and urged Japan ...`: a coordinated verb shares the
    // subject of the clause before the quote, not the words between.
    if i > from && matches!(para.toks[i - 1].lower.as_str(), "and" | "but" | "then") {
        return None;
    }
    if i > from {
        // `"...," Scott Pruitt, the attorney general of Oklahoma, said`: the name right after
        // the quote, then its appositions.
        let lead_end = leading_np(&para.toks[from..i]);
        if lead_end > 0 && lead_end < i - from && para.toks[from + lead_end - 1].trail == Some(',')
        {
            let named = analyze(para.text, &para.toks[from..from + lead_end]);
            if named.name.is_some() {
                let rest = &para.toks[from + lead_end..i];
                let app_end = leading_np(rest);
                if app_end > 0 {
                    let app = analyze(para.text, &rest[..app_end]);
                    if app.name.is_none() && speaker_like(&app) {
                        return Some(merge(named, app));
                    }
                }
                return Some(named);
            }
        }
        return phrase_before(para, from, i).or_else(|| common_subject(para, from, i));
    }
    phrase_after(para, i + 1, stop).or_else(|| common_after(para, i + cue.len, stop))
}

trait LowerNext {
    fn inside_none_lower(&self, para: &Para, i: usize) -> bool;
}

impl LowerNext for Token {
    fn inside_none_lower(&self, para: &Para, i: usize) -> bool {
        para.inside[i].is_none() && self.word.chars().next().is_some_and(char::is_lowercase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::split_paragraphs;
    use crate::extract::quotes::find_quotes;

    #[test]
    fn cue_after_and_before_the_quote() {
        let text =
            "“We will stay,” Defense Secretary Ash Carter said. He added: “Nobody doubts it.”";
        let span = split_paragraphs(text)[0];
        let p = Para::new(text, span, find_quotes(text, &[span]));
        let first = find_for_quote(&p, 0).expect("attributed");
        assert_eq!(first.rule, Rule::QuoteCueAfter);
        assert_eq!(
            first.phrase.name.as_ref().map(|n| n.0.as_str()),
            Some("Ash Carter")
        );
        let second = find_for_quote(&p, 1).expect("attributed");
        assert_eq!(second.rule, Rule::QuoteCueBefore);
        assert_eq!(
            second.phrase.pronoun,
            Some(crate::extract::phrase::Pronoun::He)
        );
    }
}
