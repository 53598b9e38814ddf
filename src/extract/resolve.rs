//! Stage `resolve`: a speaker phrase -> an entity of the article's memory (pronouns,
//! surnames, definite descriptions, joint speakers, the country of an implicit official).

use crate::governments::Governments;
use crate::statement::Group;
use crate::text::Span;

use super::entity::{Entity, clean_name};
use super::lex;
use super::lexicon::Lexicon;
use super::memory::Memory;
use super::phrase::{self, Phrase};
use super::window;

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
        Lexicon::get()
            .country_anaphors
            .contains(w.to_lowercase().as_str())
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
        if p == phrase::Pronoun::First {
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
        let name = clean_name(name);
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
        let bare_title = !phrase
            .description
            .split_whitespace()
            .any(|w| Lexicon::get().not_bare_title.contains(w));
        if as_speaker
            && phrase.gov_role
            && bare_title
            && entity.group == Group::Government
            && entity.governments.is_empty()
        {
            let recent = memory
                .last_speaker_mention(at)
                .filter(|(_, span)| at.saturating_sub(span.end) < window::RENAME_REACH)
                .map(|(e, _)| e)
                .or_else(|| memory.unnamed_with_role(&phrase.description, at));
            if let Some(prev) = recent {
                let p = &memory.entities[prev];
                if p.name.is_none() && !p.body && !p.plural && !p.governments.is_empty() {
                    memory.name_entity(prev, entity.name);
                    return Some(prev);
                }
            }
        }
        // "China's ambassador to Britain", later "China's ambassador to Britain Liu
        // Xiaming": the same description, now named.
        if let Some(desc) = entity.description.as_deref().filter(|d| d.contains(' ')) {
            let same = memory.unnamed_described(desc).filter(|&i| {
                let e = &memory.entities[i];
                !e.body && !e.plural && e.governments == entity.governments
            });
            if let Some(i) = same {
                memory.name_entity(i, entity.name.clone());
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
    let mut entity = memory.entity_from(phrase);
    if entity.governments.is_empty() && entity.group == Group::Government {
        serve_principal(memory, &mut entity, phrase);
    }
    if entity.governments.is_empty() && entity.group == Group::Government && !phrase.indefinite {
        // A body with no country ("the foreign ministry"): the latest body or speaker that
        // has one. ("a spokesperson" is someone new; `fill_country` places them.)
        if let Some(i) = memory.resolve_definite(phrase, at) {
            return Some(i);
        }
    }
    Some(memory.add(entity))
}

/// Staff of a person the article named before ("a spokeswoman for Ana Ruiz") stand where
/// that person stands: for the same government, or, when the person holds no office (a
/// candidate, a former official), for none.
fn serve_principal(memory: &Memory, entity: &mut Entity, phrase: &Phrase) {
    if phrase.name.is_some() {
        return;
    }
    let served = super::entity::principal_names(&phrase.description)
        .into_iter()
        .filter(|name| Governments::bundled().lookup(name).is_none())
        .find_map(|name| memory.find_name(&name))
        .map(|i| &memory.entities[i])
        .filter(|p| p.name.is_some());
    match served {
        Some(p) if p.group == Group::Government && !p.governments.is_empty() => {
            entity.governments.clone_from(&p.governments);
        }
        Some(p) if p.group == Group::Other => {
            entity.group = Group::Other;
            entity.affiliation = None;
        }
        _ => {}
    }
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
        gender: phrase::Gender::Unknown,
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

/// The speaker a capitalised transcript label names ("PENCE", "MR. TRUMP"): a person met
/// before under that surname, else a new entity from the label's words.
pub(crate) fn label_speaker(memory: &mut Memory, text: &str, name: Span) -> Option<usize> {
    let words = super::transcript::title_case(name.slice(text));
    let surname = words.split_whitespace().last()?.trim_end_matches('.');
    let e = match memory.find_name(surname) {
        Some(e) => e,
        None => {
            let toks = lex::tokens(&words, Span::new(0, words.len()));
            let phrase = phrase::analyze(&words, &toks);
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

/// True when the entity's description ends in a role as common outside government
/// ("director", "aides") and names no government body ("ministry", "White House").
fn needs_a_named_country(entity: &Entity) -> bool {
    let k = super::knowledge::Knowledge::bundled();
    let Some(description) = entity.description.as_deref() else {
        return false;
    };
    let words: Vec<String> = description
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let ends_weak = k
        .roles_needing_a_country
        .iter()
        .any(|role| words.ends_with(role));
    let holds = |phrase: &Vec<String>| words.windows(phrase.len()).any(|w| w == phrase.as_slice());
    let names_a_body = k.bodies.iter().any(holds);
    // "national security adviser", "deputy foreign minister": a government role of several
    // words that is not itself one of the common ones.
    let names_an_office = k
        .government_roles
        .iter()
        .any(|role| role.len() > 1 && !k.roles_needing_a_country.contains(role) && holds(role));
    ends_weak && !names_a_body && !names_an_office
}

/// A government official whose country the text leaves implicit, named in `within` (the
/// paragraph up to the phrase), speaks for the country of the government speaker just before
/// in the same paragraph, else for the one the article's other officials mostly speak for.
///
/// A role as common outside government ("Hale campaign director") is placed only by a body
/// that spoke just before ("The ministry said ... Its director, Ana Ruiz, said").
pub(crate) fn fill_country(memory: &mut Memory, e: usize, within: Span) {
    if memory.entities[e].group != Group::Government || !memory.entities[e].governments.is_empty() {
        return;
    }
    let weak = needs_a_named_country(&memory.entities[e]);
    // ("The ministry urged calm. '...,' a spokesperson said": a government body named just
    // before in the paragraph, though it said nothing, is the speaker's.)
    let nearby = memory
        .government_spoken_within(within, e)
        .filter(|(_, body)| *body || !weak)
        .map(|(g, _)| g)
        .or_else(|| memory.government_body_named_within(within, e));
    let g = if weak {
        nearby
    } else {
        nearby
            .or_else(|| memory.usual_government())
            .or_else(|| memory.dateline.clone())
    };
    if let Some(g) = g {
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
        memory.country_inferred.insert(e);
    }
}
