//! Reported speech (no quote marks) by government speakers, and mentions of people and
//! bodies in running text that later pronouns and descriptions point back to.

use crate::statement::{Group, StatementKind};
use crate::text::Span;

use super::Draft;
use super::cues::{Cue, cue_at};
use super::entity::Entity;
use super::knowledge::Knowledge;
use super::label::names_the_noun_after;
use super::lex::Token;
use super::lexicon::Lexicon;
use super::memory::Memory;
use super::np::{leading_np, np_token_at};
use super::para::Para;
use super::rule::Rule;
use super::subject::{clause_subject, phrase_after_cue, phrase_before};
use super::window;

/// Token indices of cues outside quotes that may introduce reported speech.
#[must_use]
pub fn candidates(para: &Para) -> Vec<usize> {
    (0..para.toks.len())
        .filter(|&i| para.inside[i].is_none())
        .filter(|&i| {
            cue_at(&para.toks, i).is_some_and(|c| !c.source_after || c.text == "according to")
        })
        .collect()
}

/// Where the verb (or phrase) that takes the infinitive ending before token `to` starts:
/// "began" in "began to hint", "went" in "went out of his way to say".
fn catenative_before(toks: &[Token], to: usize) -> Option<usize> {
    let lex = Lexicon::get();
    let before = to.checked_sub(1)?;
    if lex.catenatives.contains(toks[before].lower.as_str()) {
        return Some(before);
    }
    lex.catenative_phrases.iter().find_map(|phrase| {
        let words: Vec<&str> = phrase.split(' ').collect();
        let start = to.checked_sub(words.len())?;
        toks[start..to]
            .iter()
            .zip(&words)
            .all(|(t, w)| *w == "*" || t.lower == *w)
            .then_some(start)
    })
}

fn is_cue_like(para: &Para, i: usize) -> bool {
    cue_at(&para.toks, i).is_some()
}

/// The reported-speech statement introduced by the cue at token `i`, if its speaker is a
/// government.
pub(crate) fn statement_at(para: &Para, i: usize, memory: &mut Memory) -> Option<Draft> {
    let toks = &para.toks;
    let cue: Cue = cue_at(toks, i)?;
    if cue.source_after {
        return according_to(para, i, &cue, memory);
    }
    // "had begun to hint that ...": the subject stands before the catenative verb.
    let catenative_start = (i >= 2 && toks[i - 1].lower == "to")
        .then(|| catenative_before(toks, i - 1))
        .flatten();
    let catenative = catenative_start.is_some();
    let subject_end = catenative_start.unwrap_or(i);
    // "the monitor maintained by the embassy": a passive participle, not a report ("replied
    // by saying" is a report's means).
    let by = i + cue.len;
    if toks[by - 1].trail.is_none()
        && toks.get(by).is_some_and(|t| t.lower == "by")
        && !toks.get(by + 1).is_some_and(|t| t.lower.ends_with("ing"))
    {
        return None;
    }
    if i > 0 && !catenative {
        let prev = toks[i - 1].lower.as_str();
        // "to say", "not say"; "have claims", "its claimed territory": not a report.
        if Lexicon::get().not_a_report_after.contains(prev)
            || matches!(prev, "have" | "has" | "had") && toks[i].lower.ends_with('s')
        {
            return None;
        }
    }
    let ss = para.sentence_start(i);
    let se = para.sentence_end(i);
    let participle = toks[i].lower.ends_with("ing");
    // "as he did by announcing the release of ...": the means of an act, not a report.
    if participle && i > 0 && toks[i - 1].lower == "by" {
        return None;
    }
    let k = Knowledge::bundled();
    // "issued a joint statement pledging to ...": the issuer of the statement speaks.
    let after_report = i > 0 && k.report_nouns.contains(&toks[i - 1].lower);
    // "<clause>, said Ana Ruiz, the agriculture minister.": the speaker after the cue.
    // (Never after "told": "..., Ana Ruiz, the minister, told reporters." names its
    // audience there.)
    if !participle
        && !catenative
        && toks[i].lower != "told"
        && !toks[i].lower.starts_with("tell")
        && cue.reported
        && i > ss + 2
        && toks[i - 1].trail == Some(',')
        && para.inside[i - 1].is_none()
        && se - i <= window::INVERTED_SPEAKER_WORDS
        && !(i + 1..se).any(|j| para.inside[j].is_some())
        && let Some(phrase) = phrase_after_cue(para, i + 1, se).filter(|p| {
            // The phrase opens right after the cue (an honorific or article aside).
            p.pronoun.is_none()
                && (i + 1..para.token_at(p.span.start)).all(|j| {
                    k.honorifics.contains(&toks[j].word)
                        || Lexicon::get().determiners.contains(toks[j].lower.as_str())
                })
        })
        && speaker_ends_sentence(para, para.token_at(phrase.span.end), se)
    {
        return inverted_trailing(para, i, &cue, phrase, memory);
    }
    // Subject.
    let phrase = if let Some(p) = super::subject::quoted_as(para, ss, i) {
        Some(p)
    } else if participle
        && i > 1
        && toks[i - 1].trail == Some(',')
        && cue_at(toks, i - 1).is_some_and(|c| c.reported)
    {
        // "<clause>, an official said, adding that ...": the subject of the cue before.
        phrase_before(para, ss, i - 1)
    } else if participle && i > 0 && (toks[i - 1].trail == Some(',') || after_report) {
        // "... so loud that the embassy issued a statement saying ...": the issuer is the
        // subject of the verb before the report.
        after_report
            .then(|| issuing_verb(para, ss, i - 1))
            .flatten()
            .and_then(|verb| phrase_before(para, ss, verb))
            .or_else(|| clause_subject(para, after_dateline(para, ss, i), i))
    } else if let Some(m) = coordinated_cue(para, ss, subject_end) {
        // "Authorities announced an arrest and said ...": the cue shares the subject of the
        // verb it is coordinated with (after a dateline, which is no subject).
        clause_subject(para, after_dateline(para, ss, m), m)
    } else if i > 0 && matches!(toks[i - 1].lower.as_str(), "that" | "which" | "who") {
        // "rules that promise to ...": a relative clause's subject is the noun before it,
        // never the subject of the sentence around it.
        phrase_before(para, ss, subject_end)
    } else if let Some(aside) = aside_before(para, ss, subject_end) {
        // "Ana Ruiz, in an interview with a broadcaster, said ...": the subject stands
        // before a prepositional aside set off by commas.
        phrase_before(para, ss, aside)
    } else {
        let from = coordinated_subject(para, ss, subject_end)
            .unwrap_or_else(|| after_dateline(para, ss, subject_end));
        phrase_before(para, from, subject_end)
            .or_else(|| clause_subject(para, from, subject_end))
            .or_else(|| super::subject::common_subject(para, from, subject_end))
    }?;
    if phrase.pronoun == Some(super::phrase::Pronoun::First) {
        return None;
    }
    // "..., Mr. Lee said", "..., one official said": the subject slot starts at the
    // honorific or determiner the phrase leaves out.
    let first = {
        let mut f = para.token_at(phrase.described_from.unwrap_or(phrase.span.start));
        while f > ss
            && toks[f - 1].trail.is_none()
            && (k.honorifics.contains(&toks[f - 1].word)
                || Lexicon::get()
                    .determiners
                    .contains(toks[f - 1].lower.as_str()))
        {
            f -= 1;
        }
        f
    };
    // A subject that names no one ("the camp on Monday" cut out of "A refugee who reached
    // the camp on Monday described ...") is no speaker for later pronouns to find.
    let names_no_one = phrase.name.is_none()
        && phrase.pronoun.is_none()
        && phrase.countries.is_empty()
        && !phrase.gov_role
        && !phrase.body
        && phrase.other.is_none()
        && phrase.organisation.is_none()
        && phrase.state_media.is_none()
        && phrase.national.is_none()
        && !toks[first..subject_end.max(first)]
            .last()
            .is_some_and(|t| Lexicon::get().person_nouns.contains(t.lower.as_str()));
    if names_no_one && !cue.reported {
        return None;
    }
    // The subject of a report is a speaker, whatever becomes of the content.
    let entity = speaker_of_report(memory, &phrase, toks[ss].span.start)?;
    // "have been accused of ...", "were also told that ...": a passive cue; its subject is
    // the one accused or told (and stays a mention for later pronouns).
    let participle_form = toks[i].lower.ends_with("ed")
        || Lexicon::get()
            .irregular_past
            .contains(toks[i].lower.as_str());
    if participle_form
        && (1..=3)
            .take_while(|&back| back <= i)
            .map(|back| toks[i - back].lower.as_str())
            .take_while(|w| {
                Lexicon::get().passive_auxiliaries.contains(*w)
                    || Lexicon::get().before_verb.contains(*w)
                    || w.len() > 4 && w.ends_with("ly")
            })
            .any(|w| Lexicon::get().passive_auxiliaries.contains(w))
    {
        return None;
    }
    if !cue.reported {
        return None;
    }
    // `"...," Trump told reporters aboard ...`: the cue attributes the quote before it.
    let attached = participle && i > 0 && toks[i - 1].trail == Some(',');
    if first > ss && para.inside[first - 1].is_some() && !attached {
        return None;
    }
    // `"...," said Ana Ruiz`: a cue right after a quote is the quote's (`..." law", saying
    // ...` carries on the sentence's speaker).
    if i > 0 && para.inside[i - 1].is_some() && !participle {
        return None;
    }
    // "could deny them permits", "would not say": an act foreseen or refused, not done.
    // ("Theresa May said": a capitalised "May" is a name.)
    let modal =
        |j: usize| !toks[j].capitalised() && Lexicon::get().modals.contains(toks[j].lower.as_str());
    if i > 0
        && (modal(i - 1)
            || i > 1
                && Lexicon::get()
                    .modal_fillers
                    .contains(toks[i - 1].lower.as_str())
                && modal(i - 2))
    {
        return None;
    }
    // Inside a subordinate clause ("While the White House urges ...") or a headline.
    let subordinate = |t: &str| Lexicon::get().subordinators.contains(t);
    // "<clause>, while Taipei said ...": a contrast after a comma is a report of its own.
    let contrast = first > 1
        && matches!(toks[first - 1].lower.as_str(), "while" | "whereas")
        && toks[first - 2].trail == Some(',');
    // "This comes after police said ...", "although Beijing has said ...": a clause of
    // time, cause or concession reports what was said, in the past; "if"/"unless" foresee,
    // "while ... urges" and "as X said" comment.
    let past = toks[i].lower.ends_with("ed") || matches!(toks[i].lower.as_str(), "said" | "told");
    let factual = |t: &str| {
        past && matches!(
            t,
            "after" | "although" | "though" | "because" | "since" | "before" | "when"
        )
    };
    let blocked = |t: &str| subordinate(t) && !factual(t);
    // Such a clause ends at its comma: "When Lee announced the deal last week, he said
    // ..." reports the deal, not the main clause.
    let in_subordinate = first > 0 && factual(&toks[first - 1].lower)
        || factual(&toks[ss].lower) && (ss..first).all(|j| toks[j].trail != Some(','));
    if first > 0 && blocked(&toks[first - 1].lower) && !contrast
        || blocked(&toks[ss].lower) && (ss..first).all(|j| toks[j].trail != Some(','))
    {
        return None;
    }
    // Trailing attribution: "<clause>, Carter said."
    let after_words = se.saturating_sub(i + 1);
    let audience = toks[i].lower == "told" || toks[i].lower.starts_with("tell");
    // "..., the navy announced Monday morning": a time after the cue ends nothing.
    let after_time = skip_time(toks, i + 1, se);
    // "..., the ministry said in a statement posted on its website late on Thursday": a long
    // adverbial of place and time after the cue, with no verb of a clause of its own.
    let adverbial_tail = after_words <= window::TRAILING_ADVERBIAL_TAIL
        && after_time < se
        && is_preposition(&toks[after_time].lower)
        && !(i + 1..se).any(|j| Lexicon::get().auxiliaries.contains(toks[j].lower.as_str()));
    // "..., Lee told reporters Seoul was ready": an auxiliary after the audience opens the
    // report itself, which follows the cue.
    let audience_then_clause = audience
        && (i + 1..se).any(|j| Lexicon::get().auxiliaries.contains(toks[j].lower.as_str()));
    let trailing = first > ss + 2
        && toks[first - 1].trail == Some(',')
        && (after_words <= 7 || adverbial_tail)
        && (after_words == 0
            || audience && !audience_then_clause
            || after_time == se
            || is_preposition(&toks[after_time.min(se - 1)].lower))
        && !(i + 1..se).any(|j| toks[j].lower == "that" || para.inside[j].is_some());
    // The attribution set off inside the reported clause: "The deal, officials said, would
    // be signed next week", "<clause>, the ministry said in a report, and <clause>". The
    // content is the clause around it (without an adverbial opening such as "In recent
    // days,"), as two spans.
    let inner_comma = (i..se.min(i + window::TRAILING_CUE_TAIL))
        .find(|&j| toks[j].trail == Some(','))
        .filter(|&c| {
            c + 3 < se
                && (c == i
                    || audience
                    || skip_time(toks, i + 1, c + 1) > c
                    || is_preposition(&toks[i + 1].lower))
                && !(i + 1..=c).any(|j| toks[j].lower == "that")
        });
    if let Some(c) = inner_comma.filter(|_| {
        // The speaker phrase stands right before the cue, set off by commas, and the cue
        // reports a clause rather than an object.
        !trailing
            && !cue.object
            && !catenative
            && first > ss
            && i > 0
            // ("Lee often says": an adverb may stand between them.)
            && (para.token_at(phrase.span.end)..i).all(|x| {
                let w = toks[x].lower.as_str();
                toks[x].trail.is_none()
                    && !toks[x].capitalised()
                    && (Lexicon::get().before_verb.contains(w) || w.len() > 4 && w.ends_with("ly"))
            })
            && toks[first - 1].trail == Some(',')
            && !(ss..se).any(|j| para.inside[j].is_some())
    }) {
        let lead = toks[ss].lower.as_str();
        let adverbial = Lexicon::get().adverbial_leads.contains(lead)
            || Lexicon::get().clause_openers.contains(lead);
        let mut from = c + 1;
        if Lexicon::get()
            .coordinators
            .contains(toks[from].lower.as_str())
        {
            from += 1;
        }
        let to = clause_end(para, from, se);
        // "SEOUL, June 3 (Wire) -- <clause>, the military said, ...": no dateline in it.
        let clause_start = after_dateline(para, ss, first);
        // "<clause>, but <clause>, officials said, ...": the attribution set inside the
        // second clause reports that clause only.
        let clause_start = (clause_start + 1..first.saturating_sub(2))
            .rev()
            .find(|&m| {
                toks[m - 1].trail == Some(',')
                    && Lexicon::get().coordinators.contains(toks[m].lower.as_str())
            })
            .map_or(clause_start, |m| m + 1);
        let before = (!adverbial)
            .then(|| Span::new(toks[clause_start].span.start, toks[first - 1].span.end));
        // "<clause>, the military said, the latest in a series of ...": a noun phrase after
        // the attribution describes the event; the report is the clause before.
        // So does the speaker's own participle ("..., an official said, speaking on
        // condition of anonymity").
        let apposition = Lexicon::get()
            .determiners
            .contains(toks[from].lower.as_str())
            && toks[from].lower != "that"
            || Lexicon::get()
                .speaker_participles
                .contains(toks[from].lower.as_str())
            || toks[from].lower.ends_with("ing") && is_cue_like(para, from);
        let spans: Vec<Span> = match before {
            Some(before) if apposition => vec![before],
            _ => {
                if to <= from + 1 || before.is_none() && to <= from + 2 {
                    return None;
                }
                let after = Span::new(toks[from].span.start, toks[to - 1].span.end);
                before.into_iter().chain(std::iter::once(after)).collect()
            }
        };
        return official_draft(
            para,
            memory,
            entity,
            &phrase,
            &cue,
            (ss, participle),
            spans,
            Rule::ReportedCueAfter,
        );
    }
    let (content_start, content_end) = if trailing {
        let inside = (ss..first).filter(|&j| para.inside[j].is_some()).count();
        if para.inside[ss].is_some() || inside * 2 > first - ss {
            return None;
        }
        // "SEOUL, June 3 (Yonhap) -- <clause>, the office said": the dateline is no content.
        (after_dateline(para, ss, first), first)
    } else {
        if se <= i + 1 {
            return None;
        }
        let mut j = i + cue.len;
        let mut after_that = false;
        let mut told_to = false;
        if cue.object {
            // "warned (on Sunday) that ...": no object, the clause follows "that".
            let after_time = skip_time(toks, j, se);
            if after_time < se && toks[after_time].lower == "that" {
                j = after_time + 1;
                after_that = true;
            } else {
                // "accused X of Y", "urged X to Y": the content runs from X, and needs the
                // preposition.
                let has_prep = (j..se.min(j + window::OBJECT_PREPOSITION_REACH)).any(|k| {
                    Lexicon::get()
                        .object_prepositions
                        .contains(toks[k].lower.as_str())
                });
                if !has_prep && !cue.noun_object {
                    return None;
                }
            }
        } else {
            if toks[i].lower.starts_with("tell") || toks[i].lower == "told" {
                let audience = j;
                let mut len = leading_np(&toks[j..se]).min(4);
                // "told state television the talks ...", "told a news conference Lima was
                // ...": lowercase words up to an audience noun belong to the audience.
                if let Some(noun) = (j..se.min(j + window::AUDIENCE_WORDS)).find(|&m| {
                    Lexicon::get()
                        .audience_nouns
                        .contains(toks[m].lower.as_str())
                }) && (j..noun).all(|m| {
                    toks[m].trail.is_none()
                        && !finite_verb(&toks[m])
                        && (m == j || !matches!(toks[m].lower.as_str(), "the" | "a" | "an"))
                        && super::phrase::pronoun(&toks[m].lower).is_none()
                }) {
                    len = len.max(noun + 1 - j);
                }
                // "told reporters the administration was ...": an article starts the clause.
                if let Some(a) =
                    (1..len).find(|&a| matches!(toks[j + a].lower.as_str(), "the" | "a" | "an"))
                {
                    len = a;
                }
                // "told Biden Taiwan was ...": a verb right after two names makes the last
                // one the clause's subject.
                if len >= 2
                    && toks
                        .get(j + len)
                        .is_some_and(|t| !t.capitalised() && finite_verb(t))
                    && toks[j + len - 1].capitalised()
                {
                    len -= 1;
                }
                j += len;
                // "told his advisers to draft a plan": an instruction, its content running
                // from the audience as for "urged X to".
                let to = (audience + 1..se.min(audience + window::AUDIENCE_WORDS + 1)).find(|&t| {
                    toks[t].lower == "to"
                        && (audience..t).all(|m| toks[m].trail.is_none() && !finite_verb(&toks[m]))
                });
                if let Some(to) = to
                    && to + 1 < se
                    && !toks[to + 1].capitalised()
                    && !is_preposition(&toks[to + 1].lower)
                    && !Lexicon::get()
                        .determiners
                        .contains(toks[to + 1].lower.as_str())
                {
                    told_to = true;
                    j = audience;
                }
            }
            // "said cutting that output must ...": a gerund right after the cue opens the
            // content, and its "that" is a determiner.
            let lex = Lexicon::get();
            let opens_with_gerund = toks.get(j).is_some_and(|t| {
                !t.capitalised()
                    && t.lower.len() > 4
                    && t.lower.ends_with("ing")
                    && !lex.prepositions.contains(t.lower.as_str())
                    && !lex.time_nouns.contains(t.lower.as_str())
            });
            // Skip adverbials up to "that".
            if let Some(k) = (j..se.min(j + 9)).find(|&k| toks[k].lower == "that")
                && !opens_with_gerund
                && (j..k)
                    .all(|m| toks[m].trail.is_none_or(|c| c == '.') && para.inside[m].is_none())
                // "said the talks went well and that ...": a clause before a second "that"
                // is content, not an adverbial.
                // ("welcomed the outcome but warned that ...": nor a second verb's.)
                && !(j..k).any(|m| {
                    Lexicon::get().auxiliaries.contains(toks[m].lower.as_str())
                        || Lexicon::get().coordinators.contains(toks[m].lower.as_str())
                        || is_cue_like(para, m)
                })
                // ("reiterated its opposition to any plan that ...": a noun phrase of its
                // own, not an adverbial such as "in a statement" or the person spoken to,
                // holds a relative "that".)
                && (cue.addressee || !(j..k).any(|m| {
                    toks[m].possessive
                        || Lexicon::get()
                            .determiners
                            .contains(toks[m].lower.as_str())
                            && !(m > j && is_preposition(&toks[m - 1].lower))
                            // ("said this week that": a time.)
                            && !Lexicon::get()
                                .time_modifiers
                                .contains(toks[m].lower.as_str())
                }))
                // ("rejected accusations that ...", "expressed hope that ...": the noun the
                // clause belongs to is what was said; the content keeps it.)
                && !(k > j && !cue.addressee && opens_noun_object(&toks[j]))
            {
                j = k + 1;
                after_that = true;
            }
        }
        if !cue.object && !after_that && !told_to {
            j = skip_time(toks, j, se);
        }
        if j >= se
            || toks[j].lead.is_some_and(super::quotes::is_quote_mark)
            || para.inside[j].is_some()
        {
            return None;
        }
        // ("vowed not to ...", "pledged never to ...": a negated infinitive.)
        let to_at = |m: usize| toks.get(m).is_some_and(|t| t.lower == "to");
        let infinitive = cue.infinitive
            && (to_at(j) || matches!(toks[j].lower.as_str(), "not" | "never") && to_at(j + 1))
            // "denied seeking ...": a gerund clause where the verb takes one.
            || cue.gerund && toks[j].lower.ends_with("ing") && !toks[j].capitalised()
            || told_to;
        if !cue.object
            && !after_that
            && !infinitive
            && is_preposition(&toks[j].lower)
            && cue.len == 1
        {
            return None;
        }
        let mut end = clause_end(para, j, se);
        if end <= j {
            return None;
        }
        if in_subordinate {
            end = (j..end)
                .find(|&k| toks[k].trail == Some(','))
                .map_or(end, |k| k + 1);
        }
        // "urged officials to boost security after hackers targeted ...": an instruction or
        // pledge ends before a clause of time or cause with a verb of its own, the
        // reporter's account of the occasion.
        if cue.object || infinitive {
            end = (j + 2..end)
                .find(|&k| {
                    // ("while safeguarding its claimed land": a gerund, no clause.)
                    Lexicon::get()
                        .adverbial_subordinators
                        .contains(toks[k].lower.as_str())
                        && !toks.get(k + 1).is_some_and(|t| t.lower.ends_with("ing"))
                        && (k + 2..end)
                            .take_while(|&m| toks[m - 1].trail.is_none())
                            .any(|m| {
                                !toks[m].capitalised()
                                    && finite_verb(&toks[m])
                                    && !toks[m - 1].possessive
                                    && !Lexicon::get()
                                        .adjective_determiners
                                        .contains(toks[m - 1].lower.as_str())
                            })
                })
                .unwrap_or(end);
        }
        // "The office, which said it would send an envoy, declined to ...": a report in a
        // relative clause ends where the main clause's verb comes back after a comma.
        if i > 0 && matches!(toks[i - 1].lower.as_str(), "which" | "who") {
            end = (j + 1..end)
                .find(|&k| {
                    toks[k - 1].trail == Some(',')
                        && !toks[k].capitalised()
                        && finite_verb(&toks[k])
                })
                .unwrap_or(end);
        }
        // A clause that runs into a quote belongs to the quote rules.
        if end < se && para.inside[end].is_some_and(|qi| !names_the_noun_after(para, qi)) {
            return None;
        }
        // "said the islands belong to Japan": after a verb that reports a clause, several
        // words whose verb the rules cannot tell (a plain present after a plural) are one.
        let said_clause = Knowledge::bundled()
            .cue_verb(&toks[i].lower)
            .is_some_and(|v| v.clause)
            && end >= j + window::SAID_CLAUSE_WORDS
            && !toks[j].capitalised()
            && (Lexicon::get().determiners.contains(toks[j].lower.as_str())
                || Lexicon::get().quantifiers.contains(toks[j].lower.as_str()))
            // ("claimed the zone since 2028", "said the word of the day": a noun and a
            // preposition after it make an object, not a clause.)
            && !toks.get(j + 2).is_some_and(|t| {
                is_preposition(&t.lower) || Lexicon::get().subordinators.contains(t.lower.as_str())
            });
        let verb = has_verb(&toks[j..end]);
        if !cue.object && !infinitive && !cue.noun_object && !after_that && !said_clause && !verb {
            return None;
        }
        // "stressed those worries again": a noun phrase pointing back to words reported
        // before is no new content.
        if cue.noun_object
            && !after_that
            && !infinitive
            && !verb
            && matches!(
                toks[j].lower.as_str(),
                "this" | "that" | "these" | "those" | "such"
            )
        {
            return None;
        }
        (j, end)
    };
    if content_end <= content_start + 2 {
        return None;
    }
    let span = Span::new(
        toks[content_start].span.start,
        toks[content_end - 1].span.end,
    );
    let rule = if trailing {
        Rule::ReportedCueAfter
    } else if phrase.pronoun.is_some() {
        // "The ministry said ... It added that ...": a pronoun carries on a speaker named
        // before.
        Rule::ReportedContinued
    } else {
        Rule::ReportedCueBefore
    };
    official_draft(
        para,
        memory,
        entity,
        &phrase,
        &cue,
        (ss, participle),
        vec![span],
        rule,
    )
}

/// The statement of the reported `spans` when the subject `phrase` (resolved to `entity`)
/// speaks for a government: the country comes from a located body or, for an official the
/// text leaves unplaced, from the article's usual government. `at` is the sentence start and
/// whether the cue is a participle.
#[allow(clippy::too_many_arguments)]
fn official_draft(
    para: &Para,
    memory: &mut Memory,
    entity: usize,
    phrase: &super::phrase::Phrase,
    cue: &Cue,
    (ss, participle): (usize, bool),
    spans: Vec<Span>,
    rule: Rule,
) -> Option<Draft> {
    let toks = &para.toks;
    if !readable_length(para, &spans) {
        return None;
    }
    if let Some(g) = para.located_in(ss) {
        let e = &mut memory.entities[entity];
        if e.group == Group::Government && e.governments.is_empty() {
            e.governments = vec![g];
        }
    }
    // A single official whose country the text leaves implicit ("a senior administration
    // official said"), or the government's staff as a group ("federal officials said",
    // "police said"); not a body or a group of leaders, which name their country when they
    // speak.
    let lone = &memory.entities[entity];
    // A participle after a plural ("officials underlining ...") is more often a
    // description of them than their report.
    let staff = lone.plural
        && !participle
        && phrase.name.is_none()
        && phrase
            .description
            .split_whitespace()
            .last()
            .is_some_and(|w| {
                Lexicon::get()
                    .collective_officials
                    .contains(w.to_lowercase().as_str())
            });
    if phrase.gov_role && (staff || !lone.plural && (!lone.body || phrase.definite)) {
        let within = Span::new(para.span.start, phrase.span.start);
        super::resolve::fill_country(memory, entity, within);
    }
    possessor_office(para, memory, entity, phrase, ss);
    let e = memory.entities[entity].clone();
    // The same holds for a plural the text leaves unplaced: "with officials underlining
    // ..." is no report of theirs.
    let described = participle && e.plural && e.governments.is_empty();
    if !speaks_for_a_state(&e) || described {
        return None;
    }
    Some(Draft {
        spans,
        kind: StatementKind::Indirect,
        mention: Some(phrase.span),
        mention_text: Some(phrase.span.slice(para.text).to_owned()),
        entity: Some(e),
        cue_span: Some(cue.span(toks)),
        cue: Some(cue.text.clone()),
        rule,
        continues_previous: false,
        question: None,
    })
}

/// "Her office said ...", "his spokesman said ...": staff or an office named by a
/// possessive pronoun speak for the government of the official the pronoun points to, and
/// are described as that official's ("Ana Ruiz's office").
fn possessor_office(
    para: &Para,
    memory: &mut Memory,
    entity: usize,
    phrase: &super::phrase::Phrase,
    ss: usize,
) {
    use super::phrase::Pronoun;
    let toks = &para.toks;
    let e = &memory.entities[entity];
    if e.group != Group::Government || !e.governments.is_empty() || phrase.name.is_some() {
        return;
    }
    let f = para.token_at(phrase.span.start);
    let pronoun = match f.checked_sub(1).map(|p| toks[p].lower.as_str()) {
        Some("his") => Pronoun::He,
        Some("her") => Pronoun::She,
        Some("its") => Pronoun::It,
        Some("their") => Pronoun::They,
        _ => return,
    };
    let at = toks[f - 1].span.start;
    let Some(owner) = memory.resolve_pronoun(pronoun, at, toks[ss].span.start) else {
        return;
    };
    let owner = memory.entities[owner].clone();
    if owner.group != Group::Government || owner.governments.is_empty() {
        return;
    }
    let e = &mut memory.entities[entity];
    e.governments = owner.governments;
    if let (Some(who), Some(desc)) = (owner.name.or(owner.description), e.description.clone()) {
        e.description = Some(format!("{who}'s {desc}"));
    }
}

/// Where a prepositional or participial aside set off by commas right before the cue at
/// `cue` starts ("..., in an interview with a broadcaster, said"): the index of its first word, so that the
/// subject is read before it. None when the words before the cue are no such aside.
fn aside_before(para: &Para, ss: usize, cue: usize) -> Option<usize> {
    let toks = &para.toks;
    if cue < ss + 3 || toks[cue - 1].trail != Some(',') {
        return None;
    }
    let open = (ss + 1..cue - 1)
        .rev()
        .find(|&c| toks[c - 1].trail.is_some())
        .filter(|&c| toks[c - 1].trail == Some(','))?;
    let lead = toks[open].lower.as_str();
    // ("Ana Ruiz, who is visiting Lima, told ...": a relative clause is such an aside too.)
    // So is a participle phrase ("Ana Ruiz, speaking to reporters in Lima, said").
    let participial = lead.len() > 4 && lead.ends_with("ing") && !toks[open].capitalised();
    let prepositional = is_preposition(lead) && !matches!(lead, "as" | "while" | "when")
        || matches!(lead, "who" | "which")
        || participial;
    (prepositional
        && cue - open <= window::APPOSITION_BEFORE_CUE
        && (open..cue).all(|j| para.inside[j].is_none()))
    .then_some(open)
}

/// The "and"/"but" that coordinates the cue at `cue` with an earlier verb of the sentence
/// starting at `ss` ("... and said", "... but later added"): the cue has no subject of its
/// own. None when a noun phrase stands between them ("Lee and Kim said").
fn coordinated_cue(para: &Para, ss: usize, cue: usize) -> Option<usize> {
    let toks = &para.toks;
    let m = (ss + 2..cue).rev().find(|&m| {
        matches!(toks[m].lower.as_str(), "and" | "but")
            && toks[m - 1].trail.is_none_or(|c| c == ',')
    })?;
    let adverbs_only = (m + 1..cue).all(|x| {
        let w = toks[x].lower.as_str();
        toks[x].trail.is_none()
            && !toks[x].capitalised()
            && (Lexicon::get().before_verb.contains(w) || w.len() > 4 && w.ends_with("ly"))
    });
    // The verb before: a finite verb of the same sentence, not a noun phrase ending there.
    let verb_before = (ss + 1..m).any(|x| !toks[x].capitalised() && finite_verb(&toks[x]));
    (adverbs_only && verb_before && para.inside[m].is_none()).then_some(m)
}

/// "The ministry denied it, and several analysts told reporters ...": the first token after a
/// ", and" / ", but" before the cue that opens a clause with a subject of its own (a
/// capitalised word, a determiner or a quantifier before the cue), where the cue's subject
/// is looked for instead of the sentence's first clause.
fn coordinated_subject(para: &Para, ss: usize, cue: usize) -> Option<usize> {
    let toks = &para.toks;
    let lex = Lexicon::get();
    let m = (ss + 1..cue).rev().find(|&m| {
        matches!(toks[m].lower.as_str(), "and" | "but")
            && toks[m - 1].trail == Some(',')
            && para.inside[m].is_none()
    })?;
    (m + 1..cue)
        .any(|x| {
            let w = toks[x].lower.as_str();
            toks[x].capitalised() || lex.determiners.contains(w) || lex.quantifiers.contains(w)
        })
        .then_some(m + 1)
}

/// Words between a verb and the report noun it governs ("issued a brief statement").
const REPORT_NOUN_MODIFIERS: usize = 2;

/// The verb before the report noun at `noun` ("issued" in "the embassy issued a joint
/// statement saying"): the word before the noun's determiner.
fn issuing_verb(para: &Para, ss: usize, noun: usize) -> Option<usize> {
    let toks = &para.toks;
    let lex = Lexicon::get();
    let det = (noun.saturating_sub(REPORT_NOUN_MODIFIERS + 1)..noun)
        .rev()
        .find(|&d| d > ss && lex.determiners.contains(toks[d].lower.as_str()))?;
    let verb = det - 1;
    (toks[verb].trail.is_none()
        && !toks[verb].capitalised()
        && finite_verb(&toks[verb])
        && (det..noun).all(|m| toks[m].trail.is_none()))
    .then_some(verb)
}

/// True when `e` speaks for a government: one whose country is known, or an office or body
/// that speaks for a state wherever it stands ("police", "the mayor", "the agency"), whose
/// statements are kept with the country unknown rather than lost.
fn speaks_for_a_state(e: &Entity) -> bool {
    if e.group != Group::Government {
        return false;
    }
    if !e.governments.is_empty() {
        return true;
    }
    let k = super::knowledge::Knowledge::bundled();
    [e.description.as_deref(), e.role.as_deref()]
        .into_iter()
        .flatten()
        .any(|words| {
            let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
            k.unplaced_state_voices
                .iter()
                .any(|voice| words.windows(voice.len()).any(|w| w == voice.as_slice()))
        })
}

/// True when the words from `from` (just after a speaker phrase) to the sentence end `se`
/// add nothing but an apposition or a relative clause about the speaker (", the minister",
/// ", who served as ambassador"): no verb of a clause the speaker phrase would be subject of
/// ("said the agency should act").
fn speaker_ends_sentence(para: &Para, from: usize, se: usize) -> bool {
    let toks = &para.toks;
    if from >= se {
        return true;
    }
    if toks[from - 1].trail != Some(',') {
        return false;
    }
    (from..se)
        .take_while(|&j| !matches!(toks[j].lower.as_str(), "who" | "which" | "that"))
        .all(|j| toks[j].capitalised() || !finite_verb(&toks[j]))
}

/// "<clause>, said X." (`i` the cue, `phrase` the speaker after it): the clause reported by
/// a government speaker.
fn inverted_trailing(
    para: &Para,
    i: usize,
    cue: &Cue,
    phrase: super::phrase::Phrase,
    memory: &mut Memory,
) -> Option<Draft> {
    let toks = &para.toks;
    let ss = para.sentence_start(i);
    let entity = speaker_of_report(memory, &phrase, toks[ss].span.start)?;
    let from = after_dateline(para, ss, i);
    let quoted = (from..i).filter(|&j| para.inside[j].is_some()).count();
    if quoted > 0 || i <= from + 2 {
        return None;
    }
    let span = Span::new(toks[from].span.start, toks[i - 1].span.end);
    official_draft(
        para,
        memory,
        entity,
        &phrase,
        cue,
        (ss, false),
        vec![span],
        Rule::ReportedCueAfter,
    )
}

/// "According to X, <clause>." and "<clause>, according to X.": the clause reported from a
/// government source.
fn according_to(para: &Para, i: usize, cue: &Cue, memory: &mut Memory) -> Option<Draft> {
    let toks = &para.toks;
    let ss = para.sentence_start(i);
    let se = para.sentence_end(i);
    let source_end = (i + cue.len..se)
        .find(|&j| toks[j].trail.is_some_and(|c| c != '.' || j + 1 == se))
        .map_or(se, |j| j + 1);
    let phrase = phrase_after_cue(para, i + cue.len, source_end)?;
    let clause_start = after_dateline(para, ss, i);
    let set_off = i > clause_start + 2 && toks[i - 1].trail == Some(',');
    // "<clause>, according to X, and <clause>": the source closes the first clause.
    let coordinated = source_end < se
        && toks[source_end - 1].trail == Some(',')
        && Lexicon::get()
            .coordinators
            .contains(toks[source_end].lower.as_str());
    // "The ban, according to X, takes effect ...": the clause around the source; after an
    // adverbial opening ("In April, according to X, exports rose"), the clause after it.
    let around = i > clause_start
        && toks[i - 1].trail == Some(',')
        && source_end + 2 < se
        && toks[source_end - 1].trail == Some(',')
        && !coordinated;
    let lead = toks[clause_start].lower.as_str();
    let adverbial_lead = Lexicon::get().adverbial_leads.contains(lead)
        || Lexicon::get().clause_openers.contains(lead);
    // (Only right after the clause's subject: "<clause> and, according to X, <verb>" sets
    // the source inside a predicate.)
    let inner = around && set_off && !adverbial_lead && !has_verb(&toks[clause_start..i]);
    let (from, to) = if i == ss && source_end < se {
        (source_end, se)
    } else if around && adverbial_lead {
        (source_end, clause_end(para, source_end, se))
    } else if set_off && (source_end == se || coordinated || inner) {
        (clause_start, i)
    } else {
        return None;
    };
    // "Wang said Beijing would act, according to a statement": the report inside carries
    // its own speaker; the source names where it was read.
    let holds_report = from == clause_start
        && to == i
        && (from + 1..to.min(from + window::SUBJECT_BEFORE_REPORT)).any(|j| {
            cue_at(toks, j).is_some_and(|c| c.reported && !c.source_after)
                && toks[j - 1].trail.is_none()
                && !Lexicon::get()
                    .not_a_report_after
                    .contains(toks[j - 1].lower.as_str())
        });
    if (from..to).any(|j| para.inside[j].is_some()) || to <= from + 2 || holds_report {
        return None;
    }
    let entity = speaker_of_report(memory, &phrase, toks[ss].span.start)?;
    let e = memory.entities[entity].clone();
    if !speaks_for_a_state(&e) {
        return None;
    }
    let mut spans = vec![Span::new(toks[from].span.start, toks[to - 1].span.end)];
    if inner {
        let end = clause_end(para, source_end, se);
        if (source_end..end).any(|j| para.inside[j].is_some()) || end <= source_end + 1 {
            return None;
        }
        spans.push(Span::new(
            toks[source_end].span.start,
            toks[end - 1].span.end,
        ));
    }
    if !readable_length(para, &spans) {
        return None;
    }
    Some(Draft {
        spans,
        kind: StatementKind::Indirect,
        mention: Some(phrase.span),
        mention_text: Some(phrase.span.slice(para.text).to_owned()),
        entity: Some(e),
        cue: Some(cue.text.clone()),
        cue_span: Some(cue.span(toks)),
        rule: Rule::ReportedAccordingTo,
        continues_previous: false,
        question: None,
    })
}

/// The first token of a sentence's clause after a dateline ("SEOUL, June 3 (Wire) --"),
/// looking between `ss` (the sentence start) and `first` (the speaker phrase): `ss` when
/// there is none.
fn after_dateline(para: &Para, ss: usize, first: usize) -> usize {
    // A dateline opens its paragraph with a place in capitals; a dash later in a sentence
    // sets off an aside ("The officer - Ana Ruiz, who ... - was not wearing a camera").
    let opens = ss == 0
        && para.toks.first().is_some_and(|t| {
            t.word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && t.word
                    .chars()
                    .all(|c| !c.is_alphabetic() || c.is_uppercase())
        });
    if !opens {
        return ss;
    }
    (ss..first.saturating_sub(1).min(ss + window::DATELINE_TOKENS))
        .find(|&j| para.dash_after(j))
        .map_or(ss, |j| j + 1)
}

/// Skips a time adverbial at the start of a reported clause ("last week", "on Friday",
/// "yesterday").
fn skip_time(toks: &[super::lex::Token], mut j: usize, se: usize) -> usize {
    let time_noun = |w: &str| Lexicon::get().time_nouns.contains(w);
    let start = j;
    loop {
        let Some(t) = toks.get(j).filter(|_| j < se) else {
            return j;
        };
        let w = t.lower.as_str();
        // "Monday morning": a time noun after a skipped time word.
        let after_time = j > start && time_noun(&toks[j - 1].lower);
        if Lexicon::get().time_adverbs.contains(w)
            || time_noun(w) && (t.capitalised() || after_time)
        {
            j += 1;
        } else if Lexicon::get().time_determiners.contains(w)
            && toks.get(j + 1).is_some_and(|n| time_noun(&n.lower))
        {
            j += 2;
        } else {
            return j;
        }
    }
}

fn is_preposition(w: &str) -> bool {
    Lexicon::get().prepositions.contains(w)
}

/// True when `t`, right after a cue, opens a noun object rather than an adverbial before a
/// "that" clause: a lowercase word that is no preposition, adverb, time word or function
/// word ("accusations" in "rejected accusations that ...", not "again" or "yesterday").
fn opens_noun_object(t: &super::lex::Token) -> bool {
    let lex = Lexicon::get();
    let w = t.lower.as_str();
    !t.capitalised()
        && !is_preposition(w)
        && !lex.before_verb.contains(w)
        && !lex.time_words.contains(w)
        && !lex.time_modifiers.contains(w)
        && !super::lex::is_function_word(w)
        && !(w.len() > 4 && w.ends_with("ly"))
        && w.chars().all(char::is_alphabetic)
}

/// True when the token is an auxiliary or a past form ("has", "would", "attempted",
/// "stood"): a verb that needs no other word to be finite.
fn finite_verb(t: &super::lex::Token) -> bool {
    let w = t.lower.as_str();
    Lexicon::get().auxiliaries.contains(w)
        || w.len() > 4 && w.ends_with("ed")
        || Lexicon::get().irregular_past.contains(w)
}

/// True when the words hold something like a finite verb (an auxiliary, a modal, a past
/// form), so that they can be a reported clause rather than a noun phrase.
fn has_verb(toks: &[super::lex::Token]) -> bool {
    toks.iter().enumerate().skip(1).any(|(n, t)| {
        // "the disputed territory": a participle after a determiner is an adjective.
        let after_determiner = Lexicon::get().adjective_determiners.contains(toks[n - 1].lower.as_str()) || toks[n - 1].possessive;
        let w = t.lower.as_str();
        Lexicon::get().auxiliaries.contains(w) || w.len() > 4 && w.ends_with("ed") && !t.capitalised() && !after_determiner
            || Lexicon::get().irregular_past.contains(w) && !after_determiner
            // "Kazakhstan values its friendship": a present-tense verb after its subject,
            // before an object.
            || w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !t.capitalised()
                && toks[n - 1].trail.is_none()
                && (toks[n - 1].capitalised() && !toks[n - 1].possessive
                    || matches!(toks[n - 1].lower.as_str(), "it" | "he" | "she"))
                && toks.get(n + 1).is_some_and(|x| {
                    Lexicon::get().object_openers.contains(x.lower.as_str())
                })
    })
}

/// True when no content span of a report runs over
/// [`window::MAX_REPORTED_CLAUSE_TOKENS`] words: a clause read back to a sentence start that
/// is only the scan's cap (text without sentence ends) is none a reader could tell.
fn readable_length(para: &Para, spans: &[Span]) -> bool {
    spans.iter().all(|span| {
        let first = para.toks.partition_point(|t| t.span.start < span.start);
        let end = para.toks.partition_point(|t| t.span.start < span.end);
        end - first <= window::MAX_REPORTED_CLAUSE_TOKENS
    })
}

/// One past the last token of the reported clause starting at `j`: the sentence end, or
/// before "and said", ", but he warned", ", saying" or a trailing ", X said". `j` itself
/// (no clause) when none of these comes within [`window::MAX_REPORTED_CLAUSE_TOKENS`].
fn clause_end(para: &Para, j: usize, se: usize) -> usize {
    let limit = j + window::MAX_REPORTED_CLAUSE_TOKENS;
    if se > limit {
        return match clause_end_within(para, j, limit) {
            end if end < limit => end,
            _ => j,
        };
    }
    clause_end_within(para, j, se)
}

/// [`clause_end`] with the sentence taken to end at `se`.
fn clause_end_within(para: &Para, j: usize, se: usize) -> usize {
    let toks = &para.toks;
    let mut k = j;
    while k < se {
        if k > j && para.inside[k].is_some_and(|qi| !names_the_noun_after(para, qi)) {
            return k;
        }
        // "... was bouncing back - though economists disagree": a dash before a subordinate
        // or contrasting clause ends the reported one.
        if k > j
            && para.dash_after(k - 1)
            && (Lexicon::get()
                .subordinators
                .contains(toks[k].lower.as_str())
                || toks[k].lower == "but")
        {
            return k;
        }
        let lower = toks[k].lower.as_str();
        if k > j && Lexicon::get().clause_joiners.contains(lower) {
            // "... and later said", "... and he added": a cue after at most an adverb or a
            // pronoun; "and Xi agreed" has a subject of its own in the content.
            let near = (k + 1..(k + 4).min(se))
                .find(|&m| is_cue_like(para, m))
                .is_some_and(|m| {
                    (k + 1..m).all(|x| {
                        let w = toks[x].lower.as_str();
                        !toks[x].capitalised()
                            && (Lexicon::get().before_verb.contains(w)
                                || super::phrase::pronoun(w).is_some()
                                || w.ends_with("ly"))
                    })
                });
            // ", and rights groups warned that ...": after a comma, a reporting cue with a
            // subject of its own starts another report.
            let another = toks[k - 1].trail == Some(',')
                && (k + 1..(k + window::TRAILING_SPEAKER_WORDS).min(se))
                    .take_while(|&m| toks[m].trail.is_none_or(|c| c == '.') || is_cue_like(para, m))
                    .find(|&m| is_cue_like(para, m))
                    .is_some_and(|m| {
                        m > k + 1
                            && cue_at(toks, m).is_some_and(|c| c.reported)
                            && !(k + 1..m).any(|x| finite_verb(&toks[x]))
                    });
            let window = near || another;
            if window {
                return k;
            }
        }
        // Content that is a noun phrase or an infinitive ("signaled willingness to talk",
        // "called for lower taxes") holds no clause to coordinate with: "and"/"but" with a
        // verb of its own ("but has been met with ...", "and attempted to ...") is the
        // reporting subject's next predicate, and ", but <clause>" a clause of the reporter.
        if k > j + 1
            && Lexicon::get().coordinators.contains(lower)
            && !has_verb(&toks[j..k])
            && (toks[k - 1].trail == Some(',')
                || toks
                    .get(k + 1)
                    .is_some_and(|t| !t.capitalised() && finite_verb(t)))
        {
            return k;
        }
        if k > j && toks[k - 1].trail == Some(',') {
            if is_cue_like(para, k) && toks[k].lower.ends_with("ing")
                || Lexicon::get().speaker_participles.contains(lower)
            {
                return k;
            }
            // ", but he gave no details", ", but Mrs. Ruiz would wait": a coordinated clause
            // with a subject of its own.
            let named_subject = (k + 2..(k + 6).min(se))
                .find(|&m| !toks[m].capitalised())
                .is_some_and(|m| {
                    finite_verb(&toks[m])
                        && (k + 1..m).all(|x| {
                            toks[x].capitalised() && toks[x].trail.is_none_or(|c| c == '.')
                        })
                });
            if Lexicon::get().coordinators.contains(lower)
                && (toks
                    .get(k + 1)
                    .is_some_and(|t| Lexicon::get().subject_pronouns.contains(t.lower.as_str()))
                    || named_subject)
            {
                return k;
            }
            // ", but offered no proof": a second predicate of the reporting subject, not of
            // the reported clause.
            if Lexicon::get().coordinators.contains(lower)
                && toks.get(k + 1).is_some_and(|t| {
                    !t.capitalised()
                        && (t.lower.len() > 4 && t.lower.ends_with("ed")
                            || is_cue_like(para, k + 1))
                })
            {
                return k;
            }
            // ", an account that could not be verified", ", a move which ...": a noun phrase
            // set after the clause to describe it is the reporter's.
            // So does ", a move Japan welcomed", ", an apparent reference to ...".
            if matches!(lower, "a" | "an")
                && (k + 2..(k + 5).min(se)).any(|m| {
                    matches!(toks[m].lower.as_str(), "that" | "which")
                        && (k..m).all(|x| toks[x].trail.is_none())
                })
                || matches!(lower, "a" | "an")
                    && (k + 1..(k + 3).min(se)).any(|m| {
                        Lexicon::get()
                            .summary_nouns
                            .contains(toks[m].lower.as_str())
                            && (k..m).all(|x| toks[x].trail.is_none())
                    })
            {
                return k;
            }
            // ", as a dispute drew ...", ", amid ...": a new adverbial clause.
            if Lexicon::get().adverbial_subordinators.contains(lower) {
                return k;
            }
            // ", Carter said" / ", the ministry said" / ", a ministry spokesman told
            // reporters on Monday" at the sentence end: a speaker phrase, its cue and a few
            // words of audience, place or time.
            if let Some(m) = (k + 1..(k + window::TRAILING_SPEAKER_WORDS).min(se))
                .find(|&m| is_cue_like(para, m))
                && se - m <= window::TRAILING_CUE_TAIL
                && (k..m).all(|x| np_token_at(toks, x))
                && !(m..se).any(|x| toks[x].lower == "that" || para.inside[x].is_some())
            {
                return k;
            }
        }
        k += 1;
    }
    se
}

/// The speaker phrase right after a cue (kept for "said X" forms).
#[must_use]
pub fn subject_after(para: &Para, i: usize, end: usize) -> Option<super::phrase::Phrase> {
    phrase_after_cue(para, i + 1, end)
}

/// The entity the subject of a report names (resolved as a speaker in the sentence starting
/// at byte `sentence_start`), with the mention recorded in the memory.
fn speaker_of_report(
    memory: &mut Memory,
    phrase: &super::phrase::Phrase,
    sentence_start: usize,
) -> Option<usize> {
    let entity = super::resolve::resolve(memory, phrase, phrase.span.start, sentence_start, true)?;
    memory.mention(entity, phrase.span, true);
    Some(entity)
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, ArticleId};
    use crate::statement::StatementKind;

    fn reported(text: &str) -> Vec<String> {
        let article = Article::from_text(ArticleId(0), text);
        crate::extract::extract(&article)
            .into_iter()
            .filter(|s| s.kind == StatementKind::Indirect)
            .map(|s| s.text(&article.text).into_owned())
            .collect()
    }

    #[test]
    fn a_clause_with_no_readable_end_is_no_report() {
        use crate::extract::window::MAX_REPORTED_CLAUSE_TOKENS;
        // One cue after another and no sentence end: each "said" would report everything
        // up to the sentence cap, and the output would grow with cues times that cap.
        let unit = "Minister Odell Varga of Norland said that ";
        let run_on = unit.repeat(2 * MAX_REPORTED_CLAUSE_TOKENS / 7);
        let found = reported(&run_on);
        // (The last cue has no clause after it; the words before it may still be read as
        // its report, as in "<clause> X said".)
        assert!(found.len() <= 1, "{} reports", found.len());
        assert!(
            found
                .iter()
                .all(|text| text.split(' ').count() <= MAX_REPORTED_CLAUSE_TOKENS)
        );
        // The same with the speaker after the clause: each report would run back to the
        // sentence cap.
        let unit = "the ferry would sail, Minister Odell Varga of Norland said, ";
        let found = reported(&unit.repeat(3 * MAX_REPORTED_CLAUSE_TOKENS / 10));
        assert!(
            found
                .iter()
                .all(|text| text.split(' ').count() <= MAX_REPORTED_CLAUSE_TOKENS)
        );
        // A long clause that does end is still read.
        let long = format!(
            "Minister Odell Varga of Norland said that the harbour {}would reopen.",
            "and the old ferry pier ".repeat(MAX_REPORTED_CLAUSE_TOKENS / 10)
        );
        assert_eq!(reported(&long).len(), 1, "{:?}", reported(&long));
    }

    #[test]
    fn reported_clauses_are_bounded() {
        let body = "The Japanese Foreign Ministry said on Monday that it would protest the move strongly, and it urged Beijing to withdraw its ships from the area.";
        let found = reported(body);
        assert!(
            found.contains(&"it would protest the move strongly".to_owned()),
            "{found:?}"
        );
        assert!(
            found.contains(&"Beijing to withdraw its ships from the area".to_owned()),
            "{found:?}"
        );
        let trailing = "Any action by China to reclaim land in the area would have consequences for the whole region, Defense Secretary Ash Carter said.";
        assert_eq!(
            reported(trailing),
            [
                "Any action by China to reclaim land in the area would have consequences for the whole region"
            ]
        );
        // Analysts are not governments.
        assert!(
            reported(
                "The analyst said the talks would fail because neither side would move at all."
            )
            .is_empty()
        );
    }
}
