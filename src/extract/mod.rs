//! Statement extraction: quote marks -> quote spans ([`quotes`]); cues ([`cues`]); speaker
//! phrases ([`speakers`]); coreference ([`coref`]); attribution of quotes
//! ([`attribution`]); reported speech ([`indirect`]); briefing and press-conference
//! transcripts ([`transcript`]). Knowledge (cue verbs, titles, office holders) comes from
//! `assets/` through [`knowledge`].

pub mod attribution;
pub mod coref;
pub mod cues;
pub mod document;
pub mod indirect;
pub mod knowledge;
pub mod lex;
pub mod quotes;
pub mod speakers;
pub mod transcript;

use crate::article::Article;
use crate::governments::Governments;
use crate::statement::{Evidence, Group, Origin, Statement, StatementId, StatementKind};
use crate::text::Span;

use attribution::{Found, Para, find_for_quote, is_label, kind_of};
use coref::{Entity, Memory};
use speakers::Phrase;

/// Finds every statement in `article`, in text order.
#[must_use]
pub fn extract(article: &Article) -> Vec<Statement> {
    let mut drafts = if let Some(t) = transcript::detect(article) {
        transcript::statements(article, &t)
    } else if let Some(d) = document::statements(article) {
        d
    } else {
        news_statements(article)
    };
    drafts.sort_by_key(|d| d.spans.first().map(|s| s.start));
    drafts.dedup_by(|a, b| a.spans == b.spans);
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            d.into_statement(StatementId {
                article: article.id,
                ordinal: u32::try_from(i).unwrap_or(u32::MAX),
            })
        })
        .collect()
}

/// A statement before ids are given.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub spans: Vec<Span>,
    pub kind: StatementKind,
    pub entity: Option<Entity>,
    pub mention: Option<Span>,
    pub mention_text: Option<String>,
    pub cue: Option<String>,
    pub rule: &'static str,
    pub confidence: f32,
    pub continues_previous: bool,
}

impl Draft {
    fn into_statement(self, id: StatementId) -> Statement {
        let registry = Governments::bundled();
        let (speaker, role, group, governments, affiliation) = match &self.entity {
            Some(e) => (
                e.speaker(),
                e.role.clone(),
                e.group,
                e.governments.clone(),
                e.affiliation.clone(),
            ),
            None => (None, None, Group::Other, Vec::new(), None),
        };
        // A government voice whose country cannot be told is not counted for any government.
        let (group, affiliation) = if group == Group::Government && governments.is_empty() {
            (
                Group::Other,
                Some("government (country unknown)".to_owned()),
            )
        } else {
            (group, affiliation)
        };
        let mut chain = Vec::new();
        if let Some(m) = &self.mention_text {
            chain.push(m.clone());
        }
        if let Some(e) = &self.entity {
            for part in [&e.name, &e.description, &e.role].into_iter().flatten() {
                if !chain.contains(part) {
                    chain.push(part.clone());
                }
            }
            for g in &e.governments {
                chain.push(
                    registry
                        .get(g)
                        .map_or_else(|| g.clone(), |g| g.name.clone()),
                );
            }
            if let Some(a) = &e.affiliation {
                chain.push(a.clone());
            }
        }
        Statement {
            id,
            spans: self.spans,
            kind: self.kind,
            speaker,
            role,
            speaker_mention: self.mention,
            group,
            governments,
            affiliation,
            cue: self.cue,
            evidence: Evidence {
                rule: self.rule.to_owned(),
                chain,
            },
            confidence: self.confidence,
            continues_previous: self.continues_previous,
            origin: Origin::Extracted,
        }
    }
}

/// Resolves a speaker phrase to an entity of the memory.
pub(crate) fn resolve(
    memory: &mut Memory,
    phrase: &Phrase,
    at: usize,
    sentence_start: usize,
    as_speaker: bool,
) -> Option<usize> {
    let e = resolve_phrase(memory, phrase, at, sentence_start, as_speaker)?;
    // "The country's president, Elena Marcos": the country last spoken for.
    let entity = &memory.entities[e];
    let anaphoric = phrase.description.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "country's" | "country’s" | "nation's" | "nation’s"
        )
    });
    if anaphoric
        && entity.governments.is_empty()
        && entity.group == Group::Government
        && phrase.pronoun.is_none()
        && let Some(g) = memory.last_government(at)
    {
        memory.entities[e].governments = vec![g];
    }
    Some(e)
}

fn resolve_phrase(
    memory: &mut Memory,
    phrase: &Phrase,
    at: usize,
    sentence_start: usize,
    as_speaker: bool,
) -> Option<usize> {
    if let Some(p) = phrase.pronoun {
        // The writer's own "I" outside quotes names no one of the text.
        if p == speakers::Pronoun::First {
            return None;
        }
        return memory.resolve_pronoun(p, at, sentence_start);
    }
    if !phrase.parts.is_empty() {
        return Some(joint(memory, phrase, at, sentence_start));
    }
    if phrase.metonym && phrase.countries.len() == 1 {
        // "Monaco said" after "Lisa Monaco": a known person's surname beats the country.
        if let Some(i) = memory.find_name(phrase.description.trim())
            && memory.entities[i].name.is_some()
            && !phrase.description.contains(' ')
        {
            return Some(i);
        }
    }
    if let Some((name, _)) = &phrase.name {
        let name = coref::clean_name(name);
        if let Some(i) = memory.find_name(&name) {
            memory.enrich(i, phrase);
            return Some(i);
        }
        // "Kimura said" after "talks with Foreign Minister Haruto Kimura": the full name
        // and title introduced before.
        let fuller;
        let phrase = if name.contains(' ') {
            phrase
        } else if let Some(full) = memory.introduced_as(&name) {
            fuller = Phrase {
                span: phrase.span,
                ..full.clone()
            };
            &fuller
        } else {
            phrase
        };
        let entity = memory.entity_from(phrase);
        // A description named only later ("the deputy head of China's delegation ...",
        // then "Rear Admiral Guan Youfei"): the name belongs to that unnamed speaker.
        // "the country's president" points to a country, not back to a person.
        let bare_title = !phrase.description.split_whitespace().any(|w| {
            matches!(
                w,
                "of" | "for"
                    | "in"
                    | "at"
                    | "from"
                    | "country's"
                    | "country’s"
                    | "nation's"
                    | "nation’s"
            )
        });
        if as_speaker
            && phrase.gov_role
            && bare_title
            && entity.group == Group::Government
            && entity.governments.is_empty()
        {
            let recent = memory
                .last_speaker_mention(at)
                .filter(|(_, span)| at.saturating_sub(span.end) < 600)
                .map(|(e, _)| e)
                .or_else(|| memory.unnamed_with_role(&phrase.description, at));
            if let Some(prev) = recent {
                let p = &memory.entities[prev];
                if p.name.is_none() && !p.body && !p.plural && !p.governments.is_empty() {
                    let e = &mut memory.entities[prev];
                    e.name = entity.name;
                    if let (Some(d), Some(n)) = (e.description.clone(), e.name.clone()) {
                        memory.renamed.push((d, n));
                    }
                    return Some(prev);
                }
            }
        }
        // "China's ambassador to Britain", later "China's ambassador to Britain Liu
        // Xiaming": the same description, now named.
        if let Some(desc) = entity.description.as_deref().filter(|d| d.contains(' ')) {
            let same = memory.entities.iter().position(|e| {
                e.name.is_none()
                    && !e.body
                    && !e.plural
                    && e.governments == entity.governments
                    && e.description
                        .as_deref()
                        .is_some_and(|d| d.eq_ignore_ascii_case(desc))
            });
            if let Some(i) = same {
                memory.entities[i].name.clone_from(&entity.name);
                memory
                    .renamed
                    .push((desc.to_owned(), entity.name.clone().unwrap_or_default()));
                return Some(i);
            }
        }
        return Some(memory.add(entity));
    }
    if phrase.definite && !phrase.metonym {
        if let Some(i) = memory.resolve_definite(phrase, at) {
            return Some(i);
        }
        if phrase.plural {
            // "the two sides", "both leaders": the last two governments met.
            let pair = phrase
                .description
                .split_whitespace()
                .any(|w| matches!(w.to_lowercase().as_str(), "two" | "both"));
            if pair
                && phrase.gov_role
                && let Some(governments) = memory.last_two_governments(at)
            {
                // "the two presidents" after "Vladimir Putin and Donald Trump": that pair.
                if let Some(i) = memory
                    .last_plural(at)
                    .filter(|&i| memory.entities[i].governments == governments)
                {
                    return Some(i);
                }
                let mut entity = memory.entity_from(phrase);
                // "the two sides" -> "Chinese and Kazakh sides".
                let registry = Governments::bundled();
                let demonyms: Vec<String> = governments
                    .iter()
                    .filter_map(|g| registry.get(g))
                    .map(|g| {
                        g.demonyms
                            .first()
                            .cloned()
                            .unwrap_or_else(|| g.name.clone())
                    })
                    .collect();
                let head = phrase
                    .description
                    .split_whitespace()
                    .last()
                    .unwrap_or("sides");
                entity.description = Some(format!("{} {head}", demonyms.join(" and ")));
                entity.group = Group::Government;
                entity.governments = governments.to_vec();
                entity.plural = true;
                return Some(memory.add(entity));
            }
            if let Some(i) = memory.last_plural(at) {
                return Some(i);
            }
        }
    }
    // "the Russian leader" after Vladimir Putin spoke: the recent named official of that
    // country in a matching office, before any office holder of the registry.
    let country = phrase.countries.first().or(phrase.national.as_ref());
    if let Some(g) = country.filter(|_| {
        phrase.name.is_none()
            && phrase.gov_role
            && !phrase.body
            && !phrase.plural
            && !phrase.metonym
            && phrase.countries.len() <= 1
            && phrase.other.is_none()
    }) && let Some(i) = memory.named_official(g, &phrase.description, at)
    {
        return Some(i);
    }
    let entity = memory.entity_from(phrase);
    if entity.governments.is_empty() && entity.group == Group::Government {
        // A body with no country ("the foreign ministry"): the latest body or speaker that
        // has one.
        if let Some(i) = memory.resolve_definite(phrase, at) {
            return Some(i);
        }
    }
    Some(memory.add(entity))
}

/// A joint speaker ("Vladimir Putin and Donald Trump"): one entity speaking for every
/// government of its parts.
fn joint(memory: &mut Memory, phrase: &Phrase, at: usize, sentence_start: usize) -> usize {
    let mut names = Vec::new();
    let mut governments = Vec::new();
    let mut government = false;
    for part in &phrase.parts {
        if let Some(i) = resolve(memory, part, at, sentence_start, false) {
            memory.mention(i, part.span, false);
            let e = &memory.entities[i];
            names.push(e.speaker().unwrap_or_default());
            governments.extend(e.governments.iter().cloned());
            government |= e.group == Group::Government;
        }
    }
    governments.sort();
    governments.dedup();
    let all_people = phrase.parts.iter().all(|p| p.name.is_some());
    let entity = Entity {
        name: all_people.then(|| names.join(" and ")),
        description: Some(if all_people {
            names.join(" and ")
        } else {
            phrase.description.clone()
        }),
        role: None,
        body: !all_people,
        plural: true,
        gender: speakers::Gender::Unknown,
        group: if government {
            Group::Government
        } else {
            Group::Other
        },
        governments: if government { governments } else { Vec::new() },
        affiliation: None,
    };
    memory.add(entity)
}

fn news_statements(article: &Article) -> Vec<Draft> {
    let text = article.text.as_str();
    let all_quotes = quotes::find_quotes(text, &article.paragraphs);
    let mut memory = Memory::new(article.date.as_deref());
    memory.dateline = article
        .paragraphs
        .iter()
        .take(8)
        .find_map(|p| dateline_country(p.slice(text)));
    let mut drafts: Vec<Draft> = Vec::new();
    let mut q_iter = all_quotes.into_iter().peekable();
    let mut last_quote: Option<(usize, usize)> = None; // (paragraph, entity)
    // The words that named the speaker of the latest attributed quote (entity, mention).
    let mut last_attribution: Option<(usize, Span)> = None;
    // Headlines and standfirsts come before the first paragraph of running text; reported
    // speech there is not annotated as a statement.
    let body_start = article
        .paragraphs
        .iter()
        .position(|p| p.slice(text).split_whitespace().count() >= 20)
        .unwrap_or(0);
    let metadata_end = front_matter_end(text);
    for (pi, span) in article.paragraphs.iter().enumerate() {
        let mut para_quotes = Vec::new();
        while let Some(q) = q_iter.next_if(|q| q.paragraph == pi) {
            para_quotes.push(q);
        }
        if span.start < metadata_end {
            continue;
        }
        let para = Para::new(text, *span, para_quotes);
        indirect::register_mentions(&para, &mut memory);
        // Quotes and reported-speech cues, in text order.
        let mut events: Vec<(usize, bool, usize)> = (0..para.quotes.len())
            .map(|qi| (para.quotes[qi].open, true, qi))
            .collect();
        events.extend(
            indirect::candidates(&para)
                .into_iter()
                .map(|i| (para.toks[i].span.start, false, i)),
        );
        events.sort_unstable();
        let mut prev_in_para: Option<usize> = None;
        for (_, is_quote, index) in events {
            if !is_quote {
                if let Some(d) = indirect::statement_at(&para, index, &mut memory)
                    && pi >= body_start
                {
                    drafts.push(d);
                }
                continue;
            }
            let qi = index;
            let q = para.quotes[qi];
            if let Some(label) = transcript::quoted_label(text, q.content) {
                let entity = label_speaker(&mut memory, text, label.name);
                if let Some(e) = entity {
                    prev_in_para = Some(e);
                    last_quote = Some((pi, e));
                    last_attribution = Some((e, label.name));
                }
                drafts.push(Draft {
                    spans: vec![Span::new(label.text_start, q.content.end)],
                    kind: StatementKind::Direct,
                    entity: entity.map(|e| memory.entities[e].clone()),
                    mention: Some(label.name),
                    mention_text: Some(label.name.slice(text).to_owned()),
                    cue: None,
                    rule: "quoted-transcript-turn",
                    confidence: 0.8,
                    continues_previous: false,
                });
                continue;
            }
            let found = find_for_quote(&para, qi);
            let near = found.as_ref().is_some_and(|f| {
                let words = q.content.slice(text).split_whitespace().count();
                f.distance <= if words <= 4 { 12 } else { 30 }
            });
            if !q.continues_previous && is_label(&para, qi, near) {
                continue;
            }
            let mut carried_mention = None;
            let (entity, found, rule) = match found.filter(|_| near || !q.continues_previous) {
                Some(f) => {
                    let e = resolve(
                        &mut memory,
                        &f.phrase,
                        f.phrase.span.start,
                        f.sentence_start,
                        true,
                    );
                    if let Some(e) = e {
                        memory.mention(e, f.phrase.span, true);
                        if f.phrase.via_report {
                            memory.report(e, f.phrase.span.start);
                        }
                    }
                    let rule = f.rule;
                    (e, Some(f), rule)
                }
                None => {
                    // No cue: a later segment of a quotation, or a quoted paragraph of its
                    // own, continues the previous speaker.
                    let carried = if q.continues_previous {
                        last_quote.map(|(_, e)| e)
                    } else if let Some(e) = prev_in_para {
                        Some(e)
                    } else {
                        let recent = last_quote.is_some_and(|(p, _)| pi.saturating_sub(p) <= 3)
                            || text[..q.open].trim_end().ends_with(':');
                        memory.last_speaker(q.open).filter(|_| recent)
                    };
                    // The nearest words naming the speaker; for a quote carried on from an
                    // earlier attribution, that attribution's own mention.
                    carried_mention = carried.and_then(|e: usize| {
                        memory
                            .last_speaker_mention(q.open)
                            .filter(|(m, _)| *m == e)
                            .map(|(_, span)| span)
                            .or_else(|| {
                                last_attribution
                                    .filter(|(m, _)| *m == e)
                                    .map(|(_, span)| span)
                            })
                    });
                    (carried, None, "quote+previous-speaker")
                }
            };
            if let Some(e) = entity {
                prev_in_para = Some(e);
                last_quote = Some((pi, e));
                if let Some(f) = &found {
                    last_attribution = Some((e, f.phrase.span));
                }
            }
            let kind = kind_of(&para, qi);
            let confidence = match (&found, entity) {
                (Some(f), Some(_)) if f.phrase.name.is_some() => 0.9,
                (Some(_), Some(_)) => 0.75,
                (None, Some(_)) => 0.6,
                _ => 0.3,
            };
            if let Some(e) = entity {
                let place = found
                    .as_ref()
                    .and_then(|f| para.located_in(para.token_at(f.sentence_start)));
                let official = &mut memory.entities[e];
                if let Some(g) = place
                    && official.group == Group::Government
                    && official.governments.is_empty()
                {
                    official.governments = vec![g];
                }
                fill_country(&mut memory, e);
            }
            drafts.push(Draft {
                spans: vec![q.content],
                kind,
                entity: entity.map(|e| memory.entities[e].clone()),
                mention: found
                    .as_ref()
                    .map(|f: &Found| f.phrase.reported_as.unwrap_or(f.phrase.span))
                    .or(carried_mention),
                mention_text: found
                    .as_ref()
                    .map(|f| f.phrase.reported_as.unwrap_or(f.phrase.span))
                    .or(carried_mention)
                    .map(|m| m.slice(text).to_owned()),
                cue: found.and_then(|f| f.cue),
                rule,
                confidence,
                continues_previous: q.continues_previous,
            });
        }
    }
    speaker_of_whole_quotation(&mut drafts);
    // Entities named later keep the name: refresh speakers from the final memory.
    for d in &mut drafts {
        if let Some(e) = &mut d.entity
            && e.name.is_none()
            && let Some((_, n)) = memory
                .renamed
                .iter()
                .find(|(d, _)| e.description.as_ref() == Some(d))
        {
            e.name = Some(n.clone());
        }
    }
    drafts
}

/// The speaker a capitalised transcript label names ("PENCE", "MR. TRUMP"): a person met
/// before under that surname, else a new entity from the label's words.
fn label_speaker(memory: &mut Memory, text: &str, name: Span) -> Option<usize> {
    let words = transcript::title_case(name.slice(text));
    let surname = words.split_whitespace().last()?.trim_end_matches('.');
    let e = match memory.find_name(surname) {
        Some(e) => e,
        None => {
            let toks = lex::tokens(&words, Span::new(0, words.len()));
            let phrase = speakers::analyze(&words, &toks);
            if phrase.is_empty() {
                return None;
            }
            let entity = memory.entity_from(&phrase);
            memory.add(entity)
        }
    };
    memory.mention(e, name, true);
    Some(e)
}

/// The country of a dateline opening a paragraph: "BEIJING (Wire) -", "SEOUL, June 3
/// (Yonhap) --", "NEW DELHI —". One place only ("TOKYO/BEIJING" tells nothing).
fn dateline_country(paragraph: &str) -> Option<String> {
    let end = paragraph.find(['(', ',', '—', '–', '-'])?;
    let place = paragraph[..end].trim();
    let words: Vec<&str> = place.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 3
        || !place
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.')
    {
        return None;
    }
    let title: Vec<String> = words
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |f| {
                f.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect();
    let (g, kind) = Governments::bundled().lookup(&title.join(" "))?;
    matches!(
        kind,
        crate::governments::MentionKind::Capital | crate::governments::MentionKind::Name
    )
    .then(|| g.iso3.clone())
}

/// A quotation over several paragraphs whose cue comes only in a later segment (`"A ...` /
/// `"B," she said.`): the earlier segments take the speaker of that cue.
fn speaker_of_whole_quotation(drafts: &mut [Draft]) {
    let quote_like = |d: &Draft| d.kind != StatementKind::Indirect;
    let mut chain: Vec<usize> = Vec::new();
    let flush = |chain: &mut Vec<usize>, drafts: &mut [Draft]| {
        let cued = chain
            .iter()
            .copied()
            .find(|&i| drafts[i].rule != "quote+previous-speaker" && drafts[i].entity.is_some());
        if let Some(c) = cued {
            let (entity, mention, text) = (
                drafts[c].entity.clone(),
                drafts[c].mention,
                drafts[c].mention_text.clone(),
            );
            for &i in chain.iter().take_while(|&&i| i != c) {
                if drafts[i].rule == "quote+previous-speaker" {
                    drafts[i].entity.clone_from(&entity);
                    drafts[i].mention = mention;
                    drafts[i].mention_text.clone_from(&text);
                }
            }
        }
        chain.clear();
    };
    for i in 0..drafts.len() {
        if !quote_like(&drafts[i]) {
            continue;
        }
        if !drafts[i].continues_previous {
            flush(&mut chain, drafts);
        }
        chain.push(i);
    }
    flush(&mut chain, drafts);
}

/// Where a Markdown/YAML front-matter block (`---` lines at the very top) ends: metadata,
/// never statements. 0 when there is none.
#[must_use]
pub fn front_matter_end(text: &str) -> usize {
    let body = text.trim_start_matches('\u{feff}');
    let Some(rest) = body
        .strip_prefix("---\n")
        .or_else(|| body.strip_prefix("---\r\n"))
    else {
        return 0;
    };
    let open = text.len() - rest.len();
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        at += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return open + at;
        }
    }
    0
}

/// A government official whose country the text leaves implicit speaks for the country the
/// article's other officials mostly speak for.
pub(crate) fn fill_country(memory: &mut Memory, e: usize) {
    if memory.entities[e].group == Group::Government
        && memory.entities[e].governments.is_empty()
        && let Some(g) = memory
            .usual_government()
            .or_else(|| memory.dateline.clone())
    {
        let entity = &mut memory.entities[e];
        // "the foreign ministry" of a Seoul story: "South Korean foreign ministry".
        if entity.body && entity.name.is_none() {
            let demonym = Governments::bundled()
                .get(&g)
                .and_then(|c| c.demonyms.first().cloned());
            if let (Some(d), Some(desc)) = (demonym, entity.description.as_mut())
                && !desc.contains(&d)
            {
                *desc = format!("{d} {desc}");
            }
        }
        entity.governments = vec![g];
    }
}

#[cfg(test)]
mod tests {
    use super::front_matter_end;

    #[test]
    fn front_matter_is_found_only_at_the_top() {
        let text = "---\ntitle: \"A \\\"quoted\\\" title\"\ndate: 2027-01-01\n---\n\nBody text.\n";
        let end = front_matter_end(text);
        assert_eq!(&text[end..], "\nBody text.\n");
        assert_eq!(front_matter_end("Body.\n---\nnot: metadata\n---\n"), 0);
        assert_eq!(front_matter_end("---\nnever closed\n"), 0);
    }
}
