//! Reported speech (no quote marks) by government speakers, and mentions of people and
//! bodies in running text that later pronouns and descriptions point back to.

use crate::statement::{Group, StatementKind};
use crate::text::Span;

use super::Draft;
use super::attribution::{Para, clause_subject, phrase_before, phrase_after_cue};
use super::coref::Memory;
use super::cues::{Cue, cue_at};
use super::speakers::{analyze, leading_np, np_token};

/// Records titled people and bodies named in the paragraph's running text (outside quotes).
pub fn register_mentions(para: &Para, memory: &mut Memory) {
    let toks = &para.toks;
    let mut i = 0;
    while i < toks.len() {
        if para.inside[i].is_some() || !np_token(&toks[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < toks.len() && para.inside[i].is_none() && np_token(&toks[i]) {
            i += 1;
            if matches!(toks[i - 1].trail, Some(',' | ';' | ':' | '.' | '?' | '!' | ')')) {
                break;
            }
        }
        let mut s = start;
        while s < i && super::lex::is_function_word(&toks[s].lower) && toks[s].lower != "the" {
            s += 1;
        }
        if s >= i {
            continue;
        }
        let phrase = analyze(para.text, &toks[s..i]);
        let titled_person = phrase.name.is_some()
            && (phrase.gov_role || phrase.other.is_some() || !phrase.countries.is_empty());
        let body = phrase.body && !phrase.countries.is_empty() && phrase.name.is_none();
        if titled_person || body {
            let at = phrase.span.start;
            if let Some(e) = super::resolve(memory, &phrase, at, at) {
                memory.mention(e, at, false);
            }
        }
    }
}

/// Token indices of cues outside quotes that may introduce reported speech.
#[must_use]
pub fn candidates(para: &Para) -> Vec<usize> {
    (0..para.toks.len())
        .filter(|&i| para.inside[i].is_none())
        .filter(|&i| cue_at(&para.toks, i).is_some_and(|c| c.reported && !c.source_after))
        .collect()
}

fn is_cue_like(para: &Para, i: usize) -> bool {
    cue_at(&para.toks, i).is_some()
}

/// The reported-speech statement introduced by the cue at token `i`, if its speaker is a
/// government.
pub(crate) fn statement_at(para: &Para, i: usize, memory: &mut Memory) -> Option<Draft> {
    let toks = &para.toks;
    let cue: Cue = cue_at(toks, i)?;
    if i > 0 && matches!(toks[i - 1].lower.as_str(), "to" | "not" | "never" | "n't") {
        return None;
    }
    let ss = para.sentence_start(i);
    let se = para.sentence_end(i);
    if se <= i + 1 {
        return None;
    }
    // A quote in the same sentence after the cue belongs to the quote rules.
    let quoted_after = (i + 1..se).any(|j| para.inside[j].is_some());
    let participle = toks[i].lower.ends_with("ing");
    // Subject.
    let phrase = if participle && i > 0 && toks[i - 1].trail == Some(',') {
        clause_subject(para, ss, i)
    } else {
        phrase_before(para, ss, i).or_else(|| clause_subject(para, ss, i))
    };
    // Trailing attribution: "<clause>, Carter said."
    let trailing = phrase.as_ref().is_some_and(|p| {
        let first = para.token_at(p.span.start);
        first > ss + 2
            && toks[first - 1].trail == Some(',')
            && (i + 1..se).all(|j| !toks[j].capitalised() || j > i + 4)
            && se - i <= 6
    });
    let (content_start, content_end) = if trailing {
        let p = phrase.as_ref()?;
        let first = para.token_at(p.span.start);
        if (ss..first).any(|j| para.inside[j].is_some()) {
            return None;
        }
        (ss, first)
    } else {
        if quoted_after {
            // Only when the quote lies beyond the reported clause.
            let end = clause_end(para, i + 1, se);
            if (i + 1..end).any(|j| para.inside[j].is_some()) {
                return None;
            }
        }
        let mut j = i + 1;
        if cue.object {
            // "accused X of Y", "urged X to Y": the content runs from X.
        } else {
            if toks[i].lower.starts_with("tell") || toks[i].lower == "told" {
                j += leading_np(&toks[j..se]).min(4);
            }
            // Skip adverbials up to "that".
            if let Some(k) = (j..se.min(j + 9)).find(|&k| toks[k].lower == "that") {
                if (j..k).all(|m| toks[m].trail.is_none_or(|c| c == '.') && para.inside[m].is_none())
                {
                    j = k + 1;
                }
            }
        }
        if j >= se || toks[j].lead.is_some_and(super::quotes::is_quote_mark) {
            return None;
        }
        (j, clause_end(para, j, se))
    };
    if content_end <= content_start + 2 {
        return None;
    }
    let phrase = phrase?;
    let entity = super::resolve(memory, &phrase, phrase.span.start, toks[ss].span.start)?;
    memory.mention(entity, phrase.span.start, true);
    let e = memory.entities[entity].clone();
    if e.group != Group::Government {
        return None;
    }
    let span = Span::new(
        toks[content_start].span.start,
        toks[content_end - 1].span.end,
    );
    Some(Draft {
        spans: vec![span],
        kind: StatementKind::Indirect,
        mention: Some(phrase.span),
        mention_text: Some(phrase.span.slice(para.text).to_owned()),
        entity: Some(e),
        cue: Some(cue.text),
        rule: if trailing {
            "reported+cue-after"
        } else {
            "reported+cue-before"
        },
        confidence: 0.6,
        continues_previous: false,
    })
}

/// One past the last token of the reported clause starting at `j`: the sentence end, or
/// before "and said", ", but he warned", ", saying" or a trailing ", X said".
fn clause_end(para: &Para, j: usize, se: usize) -> usize {
    let toks = &para.toks;
    let mut k = j;
    while k < se {
        if para.inside[k].is_some() && k > j {
            return k;
        }
        let lower = toks[k].lower.as_str();
        if k > j && matches!(lower, "and" | "but" | "while" | "as") {
            let window = (k + 1..(k + 4).min(se)).any(|m| is_cue_like(para, m));
            if window {
                return k;
            }
        }
        if k > j && toks[k - 1].trail == Some(',') {
            if is_cue_like(para, k) && toks[k].lower.ends_with("ing") {
                return k;
            }
            // ", Carter said" / ", the ministry said" at the sentence end.
            if (k + 1..(k + 5).min(se)).any(|m| is_cue_like(para, m)) && se - k <= 7 {
                let m = (k..se).find(|&m| is_cue_like(para, m)).unwrap_or(se);
                if m > k && (k..m).all(|x| np_token(&toks[x])) {
                    return k;
                }
            }
        }
        k += 1;
    }
    se
}

/// The speaker phrase right after a cue (kept for "said X" forms).
#[must_use]
pub fn subject_after(para: &Para, i: usize, end: usize) -> Option<super::speakers::Phrase> {
    phrase_after_cue(para, i + 1, end)
}
