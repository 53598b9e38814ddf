//! Stage `subject`: the speaker phrase in a subject slot next to a cue: before the verb
//! ("Lee, South Korea's ambassador, said"), after it ("said Zhao Lijian, the spokesman"),
//! the subject of the clause ("Beijing denies the claims, saying"), and appositions merged in.

use crate::text::Span;

use super::cues::cue_at;
use super::lex::{Token, is_function_word};
use super::lexicon::Lexicon;
use super::np::{leading_np, trailing_np};
use super::para::Para;
use super::phrase::{Phrase, analyze};
use super::window;

pub(crate) fn speaker_like(p: &Phrase) -> bool {
    // "I" and "we" outside quotes are the reporter's voice, not a quoted speaker's.
    !p.is_empty() && p.pronoun != Some(super::phrase::Pronoun::First)
}

/// The speaker phrase whose tokens are `toks[range]` (a subject slot), merging an apposition
/// split off by commas ("Lee, South Korea's ambassador, said").
pub fn phrase_before(para: &Para, from: usize, cue: usize) -> Option<Phrase> {
    // Never reach back into a quotation.
    let from = (from..cue)
        .rev()
        .find(|&j| para.inside[j].is_some())
        .map_or(from, |j| j + 1);
    // A dateline ("BEIJING (Wire) - Beijing said"): the subject starts after the dash.
    let from = (from..cue.saturating_sub(1))
        .rev()
        .find(|&j| para.dash_after(j))
        .map_or(from, |j| j + 1);
    // "McConnell, who in 2010 said": the subject ends at the relative pronoun.
    let cue = relative_at(para, cue)
        .filter(|&r| r > from)
        .map_or(cue, |r| r + 1);
    let toks = &para.toks[from..cue];
    // Drop adverbs and auxiliaries right before the verb ("also", "has", "later").
    let mut end = toks.len();
    while end > 0 {
        let w = toks[end - 1].lower.as_str();
        let adverb = w.ends_with("ly") && w.len() > 4 && !toks[end - 1].capitalised();
        // "Theresa May said": a capitalised "May" is a surname, not a modal.
        let surname = toks[end - 1].capitalised() && Lexicon::get().name_homographs.contains(w);
        if (adverb || Lexicon::get().before_verb.contains(w)) && !surname {
            if matches!(toks[end - 1].trail, Some(',')) && end < toks.len() {
                break;
            }
            end -= 1;
            if end > 0 && toks[end - 1].trail == Some(',') && w == "however" {
                break;
            }
        } else {
            break;
        }
    }
    // "I laughed and said": a coordinated verb before the cue.
    if end >= 3
        && toks[end - 1].lower == "and"
        && toks[end - 2].trail.is_none()
        && !toks[end - 2].capitalised()
        && toks[end - 2].lower.ends_with("ed")
        && Lexicon::get()
            .subject_pronouns
            .contains(toks[end - 3].lower.as_str())
    {
        end -= 2;
    }
    // "Mr. King, 82, told": an age after the name.
    if end >= 2
        && toks[end - 1].trail == Some(',')
        && toks[end - 2].trail == Some(',')
        && toks[end - 1].lower.chars().all(|c| c.is_ascii_digit())
    {
        end -= 1;
    }
    let mut end = end - time_tail(&toks[..end]);
    // "Rep. Gwen Moore (D-Wis.) said": a party and state in parentheses end the name.
    if end > 1
        && toks[end - 1].trail == Some(')')
        && let Some(open) = (end.saturating_sub(4)..end)
            .rev()
            .find(|&j| toks[j].lead == Some('('))
        && open > 0
    {
        end = open;
    }
    let toks = &toks[..end];
    if toks.is_empty() {
        return None;
    }
    // "Name, <apposition>, said": the name before the first comma, described by the rest.
    if toks.last().is_some_and(|t| t.trail == Some(',')) && toks.len() >= 3 {
        let lo = toks.len().saturating_sub(window::APPOSITION_BEFORE_CUE);
        // The earliest comma whose left side is a name starts the apposition.
        for comma in (lo..toks.len() - 1).filter(|&j| toks[j].trail == Some(',')) {
            let name_start = trailing_np(&toks[..=comma]);
            if name_start > comma {
                continue;
            }
            let named = analyze(para.text, strip_leading(&toks[name_start..=comma]));
            // "..., with top officials underlining": an adverbial, not an apposition.
            let adverbial = adverbial_lead(&toks[comma + 1].lower);
            if named.name.is_some() && named.pronoun.is_none() && !adverbial {
                // "Name, 59, of Ashton, who watched it on the Mall, said": the relative
                // clause describes no further.
                let app_end = (comma + 1..toks.len())
                    .find(|&j| j > comma + 1 && matches!(toks[j].lower.as_str(), "who" | "which"))
                    .unwrap_or(toks.len());
                let app = analyze(para.text, &toks[comma + 1..app_end]);
                if app.name.is_none() || app.gov_role || app.other.is_some() {
                    return Some(merge(named, app));
                }
                // "Name, 59, of Ashton, Md., who ...": an age or home town names no one else.
                let lead = toks[comma + 1].lower.as_str();
                if lead.chars().all(|c| c.is_ascii_digit()) || matches!(lead, "of" | "from") {
                    return Some(named);
                }
            }
        }
    }
    let start = trailing_np(toks);
    let mut phrase = if start < toks.len() {
        analyze(para.text, strip_leading(&toks[start..]))
    } else {
        Phrase::default()
    };
    // "I laughed and said, ...": the writer speaks; no one else is looked for.
    if phrase.pronoun == Some(super::phrase::Pronoun::First) && start + 1 == toks.len() {
        return Some(phrase);
    }
    if !speaker_like(&phrase) {
        return None;
    }
    // An apposition: "Name, the role of X, said" -> merge the name in.
    if phrase.name.is_none() && phrase.pronoun.is_none() && start > 0 {
        let lo = start.saturating_sub(window::NAME_BEFORE_APPOSITION);
        let comma = (lo..start)
            .rev()
            .find(|&j| toks[j].trail == Some(','))
            .filter(|&c| !adverbial_lead(&toks[c + 1].lower));
        if let Some(comma) = comma {
            let prev_end = comma + 1;
            let prev_start = trailing_np(&toks[..prev_end]);
            // "After her meeting with Ana Ruiz, the White House said": a name after a
            // preposition is its object, not the subject an apposition describes.
            let object = prev_start > 0
                && Lexicon::get()
                    .prepositions
                    .contains(toks[prev_start - 1].lower.as_str());
            if prev_start < prev_end && !object {
                let named = analyze(para.text, strip_leading(&toks[prev_start..prev_end]));
                if named.name.is_some() && named.pronoun.is_none() {
                    phrase = merge(named, phrase);
                }
            }
        }
    }
    // A description set before the name: "Russia's chief negotiator, Deputy Foreign
    // Minister Igor Petrov, said".
    if phrase.name.is_some()
        && phrase.countries.is_empty()
        && phrase.national.is_none()
        && start > 1
        && toks[start - 1].trail == Some(',')
    {
        let prev_start = trailing_np(&toks[..start]);
        if prev_start < start - 1 {
            let description = analyze(para.text, strip_leading(&toks[prev_start..start]));
            if description.name.is_none()
                && description.pronoun.is_none()
                && (!description.countries.is_empty() || description.gov_role)
                && description.other.is_none()
            {
                let span = phrase.span;
                let described_from = description.span.start;
                phrase = merge(phrase, description);
                phrase.span = span;
                phrase.described_from = Some(described_from);
            }
        }
    }
    Some(phrase)
}

/// Tokens of a time adverbial ending a subject slot ("Beijing on Monday", "Tokyo late on
/// Tuesday", "the ministry earlier this week", "officials yesterday").
fn time_tail(toks: &[Token]) -> usize {
    let n = toks.len();
    let Some(last) = toks.last() else {
        return 0;
    };
    if last.trail.is_some() || !Lexicon::get().time_words.contains(last.lower.as_str()) {
        return 0;
    }
    let mut k = 1;
    while k < n
        && k < 4
        && Lexicon::get()
            .time_modifiers
            .contains(toks[n - 1 - k].lower.as_str())
        && toks[n - 1 - k].trail.is_none()
    {
        k += 1;
    }
    // A bare weekday needs its preposition; "yesterday" and "today" stand alone.
    let bare = matches!(last.lower.as_str(), "yesterday" | "today" | "tonight");
    if k == 1 && !bare || k >= n {
        return 0;
    }
    k
}

/// A word that opens an adverbial after a comma ("..., with top officials ..."), so what
/// follows is no apposition of the name before the comma.
fn adverbial_lead(w: &str) -> bool {
    Lexicon::get().adverbial_leads.contains(w)
}

fn strip_leading(toks: &[Token]) -> &[Token] {
    let mut s = 0;
    while s + 1 < toks.len()
        && is_function_word(&toks[s].lower)
        && !Lexicon::get().kept_leading.contains(toks[s].lower.as_str())
    {
        s += 1;
    }
    &toks[s..]
}

/// A common-noun subject right before the cue ("the article said", "one questioner asked").
#[must_use]
pub fn common_subject(para: &Para, from: usize, cue: usize) -> Option<Phrase> {
    let toks = &para.toks[from..cue];
    let d = super::np::determiner_np(toks)?;
    let mut words = &toks[d..];
    // "the study -- which said", "my father often said": the relative pronoun or adverb
    // before the verb is no part of the speaker's description.
    while let [head @ .., last] = words
        && head.len() > 1
        && (matches!(last.lower.as_str(), "which" | "who" | "that")
            || Lexicon::get().before_verb.contains(last.lower.as_str())
            || last.lower.ends_with("ly") && last.lower.len() > 4)
    {
        words = head;
    }
    let mut p = analyze(para.text, words);
    if p.is_empty() {
        p.common_noun = true;
    }
    // The mention still reaches the pronoun that makes the phrase the verb's subject.
    if let (Some(first), Some(last)) = (toks.get(d), toks.last()) {
        p.span = Span::new(first.span.start, last.span.end);
    }
    Some(p)
}

/// A named phrase plus an apposition describing it.
#[must_use]
pub fn merge(mut named: Phrase, apposition: Phrase) -> Phrase {
    for c in apposition.countries {
        if !named.countries.contains(&c) {
            named.countries.push(c);
        }
    }
    named.gov_role |= apposition.gov_role;
    named.other = named.other.or(apposition.other);
    named.organisation = named.organisation.or(apposition.organisation);
    named.state_media = named.state_media.or(apposition.state_media);
    named.national = named.national.or(apposition.national);
    if named.description.is_empty()
        || named
            .name
            .as_ref()
            .is_some_and(|(n, _)| *n == named.description)
    {
        named.description = apposition.description;
    }
    named.span = Span::new(named.span.start, named.span.end.max(named.span.end));
    named
}

/// The speaker phrase right after a cue verb ("said Zhao Lijian, the spokesman,").
#[must_use]
pub fn phrase_after_cue(para: &Para, from: usize, to: usize) -> Option<Phrase> {
    phrase_after(para, from, to)
}

pub(crate) fn phrase_after(para: &Para, from: usize, to: usize) -> Option<Phrase> {
    if from >= to {
        return None;
    }
    let mut toks = &para.toks[from..to];
    // "said a joint statement from the two agencies": the source follows the noun.
    let k = super::knowledge::Knowledge::bundled();
    let mut via_report = false;
    if let Some(p) = toks
        .iter()
        .take(4)
        .position(|t| k.report_nouns.contains(&t.lower))
        && toks
            .get(p + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "from" | "by" | "of"))
    {
        toks = &toks[p + 2..];
        via_report = true;
    }
    // "said opposition leader Karen Ross", "said senior officials": a role word may open it.
    if toks.first().is_some_and(|t| {
        !t.capitalised()
            && !matches!(t.lower.as_str(), "the" | "a" | "an")
            && !k.role_words.contains(&t.lower)
            && !k.modifiers.contains(&t.lower)
    }) {
        // "said flood survivor Mary Dunne": a few words describing a named person.
        toks = &toks[described_name(toks)?..];
    }
    let end = leading_np(toks);
    if end == 0 {
        return None;
    }
    let mut phrase = analyze(para.text, &toks[..end]);
    phrase.via_report = via_report;
    if !speaker_like(&phrase) {
        return None;
    }
    if toks[end - 1].trail == Some(',') && end < toks.len() {
        let rest = &toks[end..];
        let app_end = leading_np(rest);
        if app_end > 0 {
            let app = analyze(para.text, &rest[..app_end]);
            if phrase.name.is_some() && app.name.is_none() && speaker_like(&app) {
                phrase = merge(phrase, app);
            }
        }
    }
    Some(phrase)
}

/// Most words of a description before a name after the cue ("said 2019 flood survivor ...").
const NAME_DESCRIPTION_WORDS: usize = 3;

/// Where the name starts in "flood survivor Mary Dunne" (a description of lowercase words,
/// none a function word or a verb, then a capitalised name), if `toks` opens so.
fn described_name(toks: &[Token]) -> Option<usize> {
    let lex = Lexicon::get();
    let name = (1..=NAME_DESCRIPTION_WORDS.min(toks.len().saturating_sub(1)))
        .find(|&n| toks[n].capitalised())?;
    let describing = toks[..name].iter().all(|t| {
        t.trail.is_none()
            && !t.capitalised()
            && !is_function_word(&t.lower)
            && !lex.prepositions.contains(t.lower.as_str())
            && !lex.time_adverbs.contains(t.lower.as_str())
            && !t.lower.ends_with("ly")
    });
    // The name runs to the end of the slot or to a comma.
    let name_end = (name..toks.len())
        .find(|&j| !toks[j].capitalised() || toks[j].trail.is_some_and(|c| c != '.'))
        .map_or(
            toks.len(),
            |j| if toks[j].capitalised() { j + 1 } else { j },
        );
    (describing && name_end >= name + 2).then_some(name)
}

/// The subject of the clause holding the cue when no noun phrase stands right before the
/// verb ("Beijing denies the claims, saying ..."): the leading noun phrase of the nearest
/// comma segment that has one.
pub fn clause_subject(para: &Para, from: usize, cue: usize) -> Option<Phrase> {
    // Comma segments of the clause before the cue, from the sentence start on.
    let mut segments = Vec::new();
    let mut seg_start = from;
    for i in from..cue {
        // A quotation ends the clause before it: `Trump boasted, "..." Trump was ...`.
        if let Some(qi) = para.inside[i] {
            let last = para.inside.get(i + 1).is_none_or(|n| *n != Some(qi));
            let q = para.quotes[qi];
            let ends = q
                .content
                .slice(para.text)
                .trim_end_matches(['"', '\'', '’', '”'])
                .ends_with(['.', '!', '?']);
            if last && ends {
                segments.clear();
                seg_start = i + 1;
                continue;
            }
        }
        if para.toks[i]
            .trail
            .is_some_and(|c| matches!(c, ',' | ';' | '—' | '–'))
        {
            segments.push((seg_start, i + 1));
            seg_start = i + 1;
        }
    }
    if seg_start < cue {
        segments.push((seg_start, cue));
    }
    for (n, &(s, e)) in segments.iter().enumerate() {
        let seg = &para.toks[s..e];
        let lead = seg.first().map(|t| t.lower.clone()).unwrap_or_default();
        let subordinate = Lexicon::get().clause_openers.contains(lead.as_str());
        // "Conversely, ...": a sentence adverb alone.
        let adverb = e == s + 1 && lead.len() > 4 && lead.ends_with("ly");
        if subordinate || adverb {
            continue;
        }
        let seg = strip_leading(seg);
        let end = leading_np(seg);
        if end > 0 {
            let phrase = analyze(para.text, &seg[..end]);
            if speaker_like(&phrase) {
                let whole = end == seg.len();
                return Some(match segments.get(n + 1).filter(|_| whole) {
                    Some(&(s2, e2)) => with_apposition(para, phrase, s2, e2),
                    None => phrase,
                });
            }
        }
    }
    None
}

/// A clause subject followed by an apposition set off by commas, the whole comma segment
/// `toks[s..e]`: "Norland's envoy, Ana Ruiz, was quoted ..." and "Ana Ruiz, Norland's
/// envoy, was quoted ...". The name is the phrase (its span the mention); the description
/// tells the role and country. Anything else after the subject leaves it as it was.
fn with_apposition(para: &Para, subject: Phrase, s: usize, e: usize) -> Phrase {
    let seg = &para.toks[s..e];
    if seg.last().is_none_or(|t| t.trail != Some(',')) || leading_np(seg) != seg.len() {
        return subject;
    }
    let apposition = analyze(para.text, seg);
    if apposition.pronoun.is_some() || apposition.other.is_some() && subject.other.is_none() {
        return subject;
    }
    match (&subject.name, &apposition.name) {
        (None, Some(_)) if subject.gov_role || !subject.countries.is_empty() => {
            let described_from = subject.span.start;
            let mut named = merge(apposition, subject);
            named.described_from = Some(described_from);
            named
        }
        (Some(_), None) if apposition.gov_role || apposition.other.is_some() => {
            merge(subject, apposition)
        }
        _ => subject,
    }
}

/// The subject right after a quote that closes an opening clause with a comma.
pub(crate) fn subject_after_quote(para: &Para, qi: usize) -> Option<Phrase> {
    let q = para.quotes[qi];
    let content = q
        .content
        .slice(para.text)
        .trim_end_matches(['"', '\'', '’', '”']);
    if !content.ends_with(',') {
        return None;
    }
    let a = para.token_at(q.after);
    let rest = para.toks.get(a..)?;
    let end = leading_np(rest);
    if end == 0 {
        return None;
    }
    let phrase = analyze(para.text, &rest[..end]);
    (speaker_like(&phrase) && (phrase.pronoun.is_some() || phrase.name.is_some())).then_some(phrase)
}

/// "Lynch said she recalled thinking, "..."": a pronoun subject of a clause that an outer
/// cue reports points to that cue's subject (a name or pronoun of the same number and no
/// other gender), which is reported as the mention.
pub(crate) fn outer_subject(para: &Para, phrase: &Phrase, floor: usize) -> Option<Span> {
    use super::phrase::{Gender, Pronoun};
    let pronoun = phrase.pronoun?;
    if matches!(pronoun, Pronoun::First | Pronoun::Report) {
        return None;
    }
    let start = para.token_at(phrase.span.start);
    let mut j = start.checked_sub(1)?;
    if para.toks[j].lower == "that" {
        j = j.checked_sub(1)?;
    }
    if j <= floor || para.toks[j].trail.is_some() || para.inside[j].is_some() {
        return None;
    }
    let cue = cue_at(&para.toks, j).filter(|c| c.len == 1 && !c.source_after)?;
    let outer = phrase_before(para, floor, cue.index)?;
    let person = outer.name.is_some()
        || outer
            .pronoun
            .is_some_and(|p| !matches!(p, Pronoun::First | Pronoun::Report));
    let number = outer.plural == (pronoun == Pronoun::They);
    let gender = match (pronoun, outer.gender) {
        (Pronoun::He, Gender::Female) | (Pronoun::She, Gender::Male) => false,
        (_, _) => outer.pronoun.is_none_or(|p| p == pronoun),
    };
    (person && number && gender && outer.span.end <= phrase.span.start).then_some(outer.span)
}

/// The token of a relative pronoun after a comma that heads the cue's clause.
pub(crate) fn relative_at(para: &Para, cue: usize) -> Option<usize> {
    let lo = cue.saturating_sub(5);
    let rel = (lo..cue)
        .rev()
        .find(|&j| matches!(para.toks[j].lower.as_str(), "who" | "which"))?;
    let tok = &para.toks[rel];
    let between_ok = (rel + 1..cue).all(|j| {
        let t = &para.toks[j];
        // "to which she said": the clause has a subject of its own.
        super::phrase::pronoun(&t.lower).is_none()
            && !Lexicon::get().relative_blockers.contains(t.lower.as_str())
            && para.inside[j].is_none()
            && !t.capitalised()
            && !t.trail.is_some_and(|c| matches!(c, ',' | ';' | ':'))
    });
    // "the Police Department which reported": a name needs no comma.
    let joined = rel > 0
        && (para.toks[rel - 1].trail == Some(',')
            || para.toks[rel - 1].trail.is_none()
                && para.toks[rel - 1].capitalised()
                && !is_function_word(&para.toks[rel - 1].lower));
    (between_ok && joined && tok.lead.is_none()).then_some(rel)
}

/// "Xinhua quoted Xi Jinping as saying ...", "the agency cited officials as saying ...": the
/// person quoted speaks, not the outlet that quotes.
#[must_use]
pub fn quoted_as(para: &Para, floor: usize, cue: usize) -> Option<Phrase> {
    if cue < 2 || para.toks[cue - 1].lower != "as" || !para.toks[cue].lower.starts_with("say") {
        return None;
    }
    let verb = (floor..cue - 1)
        .rev()
        .take(window::QUOTING_VERB_REACH)
        .find(|&j| {
            Lexicon::get()
                .quoting_verbs
                .contains(para.toks[j].lower.as_str())
        })?;
    phrase_after(para, verb + 1, cue - 1)
}

/// `"...," said the ruling.`: a short common-noun phrase with a determiner right after the
/// cue, ending the clause.
pub(crate) fn common_after(para: &Para, from: usize, stop: usize) -> Option<Phrase> {
    let first = para.toks.get(from)?;
    if first.lead.is_some()
        || !Lexicon::get()
            .common_determiners
            .contains(first.lower.as_str())
    {
        return None;
    }
    let end = (from + 1..(from + 5).min(stop).min(para.toks.len()))
        .find(|&j| para.toks[j].trail.is_some())?;
    if !matches!(para.toks[end].trail, Some('.' | ',' | ';')) || para.inside[end].is_some() {
        return None;
    }
    let toks = &para.toks[from..=end];
    if toks[1..]
        .iter()
        .any(|t| t.capitalised() || t.lead.is_some())
    {
        return None;
    }
    let mut p = analyze(para.text, toks);
    if p.is_empty() {
        p.common_noun = true;
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::split_paragraphs;
    use crate::extract::quotes::find_quotes;

    #[test]
    fn a_sentence_adverb_is_no_clause_subject() {
        let text = "Conversely, the ministry rated 22 percent of them as \"entirely true.\"";
        let span = split_paragraphs(text)[0];
        let p = Para::new(text, span, find_quotes(text, &[span]));
        let cue = p
            .toks
            .iter()
            .position(|t| t.lower == "rated")
            .expect("verb");
        let subject = clause_subject(&p, 0, cue).expect("subject");
        assert_eq!(subject.span.slice(text), "the ministry");
    }
}
