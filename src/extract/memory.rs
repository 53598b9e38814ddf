//! Stage `resolve`'s memory: the people, bodies and governments an article has mentioned, so
//! that "he", "the ministry", "Carter" or "Beijing" resolve to the speaker first introduced.

use rustc_hash::FxHashMap;

use crate::statement::Group;
use crate::text::Span;

use super::entity::{Entity, clean_name};
use super::knowledge::Knowledge;
use super::lexicon::Lexicon;
use super::phrase::{Gender, Phrase, Pronoun};
use super::window;

/// One mention of an entity at a byte offset.
#[derive(Debug, Clone, Copy)]
struct Mention {
    at: usize,
    end: usize,
    entity: usize,
    speaker: bool,
}

/// How many of the latest mentions a backward search reads one by one before it ranks the
/// remaining entities by their latest mention (one step per entity, not per mention: the
/// search stays linear in the text however often the same people come back).
const TAIL_SCAN: usize = 32;

/// The running memory of one article.
#[derive(Debug, Default)]
pub struct Memory {
    /// Every entity met so far.
    pub entities: Vec<Entity>,
    mentions: Vec<Mention>,
    pub(crate) date: Option<String>,
    /// Descriptions that a later name turned out to name: (description, name).
    pub renamed: Vec<(String, String)>,
    /// Sources named through a report ("a statement from ..."): (offset, entity).
    reports: Vec<(usize, usize)>,
    /// Titled people of no known country met outside speaker slots ("talks with Foreign
    /// Minister Haruto Kimura"): not entities yet (a description met before may turn out
    /// to be them), but a later bare surname ("Kimura said") takes their full phrase.
    pub introduced: Vec<super::phrase::Phrase>,
    /// The country of the story's dateline ("BEIJING (Wire) -"): the last resort for an
    /// official whose country nothing else tells.
    pub dateline: Option<String>,
    /// Per entity, the positions of its mentions in `mentions` order, as (offset, sequence
    /// number): `mentions` is sorted by offset, then by arrival, so the latest of these before
    /// an offset ranks the entity among all mentions without reading them.
    by_entity: Vec<Vec<(usize, u64)>>,
    /// The speaker mentions alone, in `mentions` order.
    speakers: Vec<Mention>,
    /// Arrival counter of mentions.
    seq: u64,
    /// `introduced` by first and last word of the name: indexes into `introduced`.
    introduced_by_word: FxHashMap<String, Vec<usize>>,
    /// How many of `introduced` are in `introduced_by_word`.
    introduced_indexed: usize,
    /// Entities by full name and by first and last word of the name, for [`Self::find_name`].
    names: std::cell::RefCell<NameIndex>,
    /// Entities whose country was filled in from the article's other officials, not read
    /// in the text: a later phrase that names their country replaces it.
    pub(crate) country_inferred: rustc_hash::FxHashSet<usize>,
    /// Entities whose inferred country a later phrase replaced, in that order.
    pub(crate) country_corrected: Vec<usize>,
    /// Unnamed entities by lowercase description (`None` for none): the latest added, which
    /// [`Self::add`] returns for a phrase of the same description while it has no name.
    unnamed_by_description: FxHashMap<Option<String>, usize>,
    /// How many times [`Self::name_entity`] named an entity: the name index looks at its
    /// unnamed entities again only when this changed.
    names_set: usize,
}

/// Entities by name words. Entity names are only ever set (an unnamed speaker named later),
/// never changed: new entities and the unnamed ones are looked at again before each lookup.
#[derive(Debug, Default)]
struct NameIndex {
    /// Full name, first word and last word -> entities, ascending.
    by_word: FxHashMap<String, Vec<usize>>,
    /// Entities already looked at.
    seen: usize,
    /// Entities without a name so far.
    unnamed: Vec<usize>,
    /// [`Memory::names_set`] when `unnamed` was last looked at.
    names_set_seen: usize,
}

impl NameIndex {
    fn refresh(&mut self, entities: &[Entity], names_set: usize) {
        let mut fresh: Vec<usize> = Vec::new();
        if names_set != self.names_set_seen {
            self.names_set_seen = names_set;
            self.unnamed.retain(|&i| {
                let named = entities[i].name.is_some();
                if named {
                    fresh.push(i);
                }
                !named
            });
        }
        for (i, e) in entities.iter().enumerate().skip(self.seen) {
            if e.name.is_some() {
                fresh.push(i);
            } else {
                self.unnamed.push(i);
            }
        }
        self.seen = entities.len();
        for i in fresh {
            let Some(name) = entities[i].name.as_deref() else {
                continue;
            };
            let mut words = name.split_whitespace();
            let first = words.next();
            let last = words.next_back().or(first);
            for key in [Some(name), first, last].into_iter().flatten() {
                let list = self.by_word.entry(key.to_owned()).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
    }
}

impl Memory {
    /// An empty memory for an article published on `date`.
    #[must_use]
    pub fn new(date: Option<&str>) -> Self {
        Self {
            entities: Vec::new(),
            mentions: Vec::new(),
            date: date.map(str::to_owned),
            renamed: Vec::new(),
            reports: Vec::new(),
            introduced: Vec::new(),
            dateline: None,
            ..Self::default()
        }
    }

    /// Records that `entity` was mentioned at `at` (as a speaker or not).
    pub fn mention(&mut self, entity: usize, span: Span, speaker: bool) {
        let at = span.start;
        let m = Mention {
            at,
            end: span.end,
            entity,
            speaker,
        };
        // Mentions arrive nearly in text order: each insertion lands at or near the end.
        let pos = self.mentions.partition_point(|m| m.at <= at);
        self.mentions.insert(pos, m);
        if speaker {
            let pos = self.speakers.partition_point(|m| m.at <= at);
            self.speakers.insert(pos, m);
        }
        if self.by_entity.len() <= entity {
            self.by_entity.resize_with(entity + 1, Vec::new);
        }
        self.seq += 1;
        let list = &mut self.by_entity[entity];
        let pos = list.partition_point(|&(a, _)| a <= at);
        list.insert(pos, (at, self.seq));
    }

    /// The mentions before `at` (at or before it when `inclusive`).
    fn mentions_before(&self, at: usize, inclusive: bool) -> &[Mention] {
        let end = self
            .mentions
            .partition_point(|m| m.at < at || inclusive && m.at == at);
        &self.mentions[..end]
    }

    /// The speaker mentions before `at` (at or before it when `inclusive`).
    fn speakers_before(&self, at: usize, inclusive: bool) -> &[Mention] {
        let end = self
            .speakers
            .partition_point(|m| m.at < at || inclusive && m.at == at);
        &self.speakers[..end]
    }

    /// The key of the latest mention of `entity` before `at`.
    fn latest_before(&self, entity: usize, at: usize) -> Option<(usize, u64)> {
        let list = self.by_entity.get(entity)?;
        let n = list.partition_point(|&(a, _)| a < at);
        n.checked_sub(1).map(|i| list[i])
    }

    /// The first entity, latest mentioned first, among the entities mentioned before `at` (at
    /// or before it when `inclusive`) for which `stop` says true. The same answer as reading
    /// every earlier mention backwards, in time linear in the entities, not the mentions.
    fn find_recent(
        &self,
        at: usize,
        inclusive: bool,
        mut stop: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let before = self.mentions_before(at, inclusive);
        let split = before.len().saturating_sub(TAIL_SCAN);
        let mut seen: Vec<usize> = Vec::with_capacity(TAIL_SCAN);
        for m in before[split..].iter().rev() {
            if seen.contains(&m.entity) {
                continue;
            }
            if stop(m.entity) {
                return Some(m.entity);
            }
            seen.push(m.entity);
        }
        if split == 0 {
            return None;
        }
        // Older entities, ranked by their latest mention before `at`.
        let mut older: Vec<((usize, u64), usize)> = self
            .by_entity
            .iter()
            .enumerate()
            .filter(|(e, _)| !seen.contains(e))
            .filter_map(|(e, list)| {
                let n = list.partition_point(|&(a, _)| a < at || inclusive && a == at);
                n.checked_sub(1).map(|i| (list[i], e))
            })
            .collect();
        older.sort_unstable_by_key(|b| std::cmp::Reverse(b.0));
        older.into_iter().map(|(_, e)| e).find(|&e| stop(e))
    }

    /// Records that `entity` issued a report (a statement, a letter) mentioned at `at`.
    pub fn report(&mut self, entity: usize, at: usize) {
        self.reports.push((at, entity));
    }

    /// The latest speaker mention before `at`: its entity and the words of the mention.
    #[must_use]
    pub fn last_speaker_mention(&self, at: usize) -> Option<(usize, Span)> {
        self.speakers_before(at, true)
            .last()
            .map(|m| (m.entity, Span::new(m.at, m.end)))
    }

    /// The latest mention of `entity` before `at`, as a speaker or not.
    #[must_use]
    pub fn last_mention_of(&self, entity: usize, at: usize) -> Option<Span> {
        let list = self.by_entity.get(entity)?;
        let key = *list.get(list.partition_point(|&(a, _)| a <= at).checked_sub(1)?)?;
        // Its place among all mentions (same offset: ordered by arrival).
        let from = self.mentions.partition_point(|m| m.at < key.0);
        self.mentions[from..]
            .iter()
            .take_while(|m| m.at == key.0)
            .filter(|m| m.entity == entity)
            .last()
            .map(|m| Span::new(m.at, m.end))
    }

    /// The country most often spoken for by government entities so far, used for officials
    /// whose country the text leaves implicit.
    #[must_use]
    pub fn usual_government(&self) -> Option<String> {
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for (i, list) in self.by_entity.iter().enumerate() {
            let e = &self.entities[i];
            if !list.is_empty() && e.group == Group::Government && e.governments.len() == 1 {
                *counts.entry(e.governments[0].as_str()).or_default() += list.len();
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(g, _)| g.to_owned())
    }

    /// The one country of the latest speaker other than `except`, when it is mentioned in
    /// `within` (a paragraph up to a phrase) at most [`window::PLACING_SPEAKER_REACH`] bytes
    /// before its end and speaks for one government the text names: "The State Department
    /// said ... Spokesman Ned Ames told reporters" places Ames. The flag says the speaker
    /// is a body.
    #[must_use]
    pub fn government_spoken_within(&self, within: Span, except: usize) -> Option<(String, bool)> {
        let from = within
            .start
            .max(within.end.saturating_sub(window::PLACING_SPEAKER_REACH));
        let latest = self
            .speakers_before(within.end, false)
            .iter()
            .rev()
            .find(|m| m.entity != except)
            .filter(|m| m.at >= from && !self.country_inferred.contains(&m.entity))?;
        let e = &self.entities[latest.entity];
        (e.group == Group::Government && e.governments.len() == 1)
            .then(|| (e.governments[0].clone(), e.body))
    }

    /// The country of the government body (a ministry, a department) named last in `within`,
    /// close before its end, when nothing else was named between (any entity other than
    /// `except`).
    #[must_use]
    pub fn government_body_named_within(&self, within: Span, except: usize) -> Option<String> {
        let from = within
            .start
            .max(within.end.saturating_sub(window::PLACING_SPEAKER_REACH));
        let latest = self
            .mentions_before(within.end, false)
            .iter()
            .rev()
            .find(|m| m.entity != except)
            .filter(|m| m.at >= from && !self.country_inferred.contains(&m.entity))?;
        let e = &self.entities[latest.entity];
        (e.group == Group::Government && e.body && e.governments.len() == 1)
            .then(|| e.governments[0].clone())
    }

    /// The latest entity naming several people or bodies mentioned before `at`.
    #[must_use]
    pub fn last_plural(&self, at: usize) -> Option<usize> {
        self.find_recent(at, false, |e| self.entities[e].plural)
    }

    /// The entity of the latest speaker mention before `at`.
    #[must_use]
    pub fn last_speaker(&self, at: usize) -> Option<usize> {
        self.speakers_before(at, true).last().map(|m| m.entity)
    }

    /// Resolves a pronoun used at `at`; `sentence_start` lets a subject earlier in the same
    /// sentence win ("Carter said he would ...").
    #[must_use]
    pub fn resolve_pronoun(&self, p: Pronoun, at: usize, sentence_start: usize) -> Option<usize> {
        let fits = |e: &Entity| match p {
            Pronoun::He => !e.body && !e.plural && e.gender != Gender::Female,
            Pronoun::She => !e.body && !e.plural && e.gender != Gender::Male,
            Pronoun::It => e.body && !e.plural,
            Pronoun::They => e.plural || e.body,
            Pronoun::First | Pronoun::Report => true,
        };
        if p == Pronoun::Report {
            // "the statement said": the source of the latest report, else the latest body
            // that spoke, else the latest speaker.
            if let Some((_, e)) = self.reports.iter().rev().find(|(a, _)| *a < at) {
                return Some(*e);
            }
            return self
                .speakers_before(at, false)
                .iter()
                .rev()
                .take(window::RECENT_SPEAKERS)
                .find(|m| {
                    let e = &self.entities[m.entity];
                    (e.body || e.plural) && e.group == Group::Government
                })
                .map(|m| m.entity)
                .or_else(|| self.last_speaker(at));
        }
        let before = self.mentions_before(at, false).iter().rev();
        // A fitting subject earlier in the same sentence.
        if let Some(m) = before
            .clone()
            .take_while(|m| m.at >= sentence_start)
            .find(|m| fits(&self.entities[m.entity]))
        {
            return Some(m.entity);
        }
        // The latest fitting speaker, else the latest fitting mention.
        let speaker = before
            .clone()
            .take(window::PRONOUN_REACH)
            .find(|m| m.speaker && fits(&self.entities[m.entity]));
        let strong = |e: &Entity| match p {
            Pronoun::He => e.gender == Gender::Male,
            Pronoun::She => e.gender == Gender::Female,
            _ => false,
        };
        let any = self.find_recent(at, false, |e| fits(&self.entities[e]));
        match (speaker, any) {
            // `a` is the entity of the latest fitting mention, the one of `a` latest before
            // `at`; the same entity as the speaker can never be strong and not strong.
            (Some(s), Some(a))
                if a != s.entity
                    && self
                        .latest_before(a, at)
                        .is_some_and(|(a_at, _)| a_at > s.at)
                    && strong(&self.entities[a])
                    && !strong(&self.entities[s.entity]) =>
            {
                Some(a)
            }
            (Some(s), _) => Some(s.entity),
            (None, Some(a)) => Some(a),
            (None, None) => None,
        }
    }

    /// A recent unnamed official of a known country whose description holds every role
    /// word of `description` ("Australia's prime minister", then "Prime Minister Daniel
    /// Webb").
    #[must_use]
    pub fn unnamed_with_role(&self, description: &str, at: usize) -> Option<usize> {
        let k = Knowledge::bundled();
        let roles: Vec<String> = description
            .split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| k.role_words.contains(w))
            .collect();
        if roles.is_empty() {
            return None;
        }
        self.mentions
            .iter()
            .rev()
            .skip_while(|m| m.at >= at)
            .take_while(|m| at - m.at < window::UNNAMED_ROLE_REACH)
            .map(|m| m.entity)
            .find(|&i| {
                let e = &self.entities[i];
                let desc = e.description.as_deref().unwrap_or("").to_lowercase();
                e.name.is_none()
                    && !e.body
                    && !e.plural
                    && e.group == Group::Government
                    && !e.governments.is_empty()
                    && roles
                        .iter()
                        .all(|r| desc.split_whitespace().any(|d| d == r))
            })
    }

    /// The two governments spoken for most recently before `at` ("the two sides" after a
    /// Chinese premier met a Kazakh prime minister).
    #[must_use]
    pub fn last_two_governments(&self, at: usize) -> Option<[String; 2]> {
        let mut seen: Vec<&str> = Vec::new();
        self.find_recent(at, false, |i| {
            let e = &self.entities[i];
            // A joint speaker ("Japanese and Chinese officials") names both at once.
            if e.group == Group::Government && (1..=2).contains(&e.governments.len()) {
                for g in &e.governments {
                    if !seen.contains(&g.as_str()) && seen.len() < 2 {
                        seen.push(g);
                    }
                }
            }
            seen.len() == 2
        })?;
        let mut pair = [seen[0].to_owned(), seen[1].to_owned()];
        pair.sort();
        Some(pair)
    }

    /// The government of the latest single-country government entity mentioned before `at`
    /// ("the country's president" after a Philippine official spoke).
    #[must_use]
    pub fn last_government(&self, at: usize) -> Option<String> {
        self.find_recent(at, false, |i| {
            let e = &self.entities[i];
            e.group == Group::Government && e.governments.len() == 1
        })
        .map(|i| self.entities[i].governments[0].clone())
    }

    /// The latest named official of `iso3` who spoke before `at` and whose office fits the
    /// role words of `description` ("leader" fits any head of state or government).
    #[must_use]
    pub fn named_official(&self, iso3: &str, description: &str, at: usize) -> Option<usize> {
        const HEADS: &[&str] = &[
            "president",
            "premier",
            "chancellor",
            "prime",
            "king",
            "emir",
        ];
        let lower = description.to_lowercase();
        let words: Vec<&str> = lower
            .split_whitespace()
            .filter(|w| !Lexicon::get().description_fillers.contains(*w))
            .collect();
        let role = words.last()?;
        if Lexicon::get().unspecific_roles.contains(*role) {
            return None;
        }
        // "Japan's prime minister" is not the foreign minister who spoke before.
        let kind = super::entity::office_kind(description);
        self.mentions
            .iter()
            .rev()
            .skip_while(|m| m.at >= at)
            .take_while(|m| at - m.at < window::NAMED_OFFICIAL_REACH)
            .filter(|m| m.speaker)
            .map(|m| m.entity)
            .find(|&i| {
                let e = &self.entities[i];
                let office = format!(
                    "{} {}",
                    e.description.as_deref().unwrap_or(""),
                    e.role.as_deref().unwrap_or("")
                )
                .to_lowercase();
                let other_office = kind.is_some_and(|kind| {
                    super::entity::office_kind(&office).is_some_and(|theirs| theirs != kind)
                });
                let fits = (office.split_whitespace().any(|w| w == *role)
                    || *role == "leader" && HEADS.iter().any(|h| office.contains(h)))
                    && !other_office;
                e.name.is_some()
                    && !e.body
                    && e.governments.len() == 1
                    && e.governments[0] == iso3
                    && fits
            })
    }

    /// The full phrase of a titled person introduced earlier under `surname`.
    #[must_use]
    pub fn introduced_as(&mut self, surname: &str) -> Option<&super::phrase::Phrase> {
        // `introduced` only grows: index the phrases added since the last call by the first
        // and last words of their names (the only words a surname can match).
        for (i, p) in self
            .introduced
            .iter()
            .enumerate()
            .skip(self.introduced_indexed)
        {
            let Some((n, _)) = &p.name else { continue };
            let n = clean_name(n);
            let mut words = n.split_whitespace();
            let (Some(first), Some(last)) = (words.next(), words.next_back()) else {
                continue;
            };
            for w in [first, last] {
                let list = self.introduced_by_word.entry(w.to_owned()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        self.introduced_indexed = self.introduced.len();
        let latest = *self.introduced_by_word.get(surname)?.last()?;
        self.introduced.get(latest)
    }

    /// The entity a name refers to: one met before with that full name or surname.
    #[must_use]
    pub fn find_name(&self, name: &str) -> Option<usize> {
        let single = !name.contains(' ');
        let found = self.find_name_strict(name, single);
        if found.is_some() || !single {
            return found;
        }
        // "Liu" after "Liu Xiaming": a family name written first.
        let family = |i: usize| {
            self.entities[i].name.as_deref().is_some_and(|n| {
                n.split_whitespace().count() == 2 && n.split_whitespace().next() == Some(name)
            })
        };
        match self.name_candidates(name) {
            Some(candidates) => self.latest_or_first_of(&candidates, family),
            None => self.latest_or_first(family),
        }
    }

    fn find_name_strict(&self, name: &str, single: bool) -> Option<usize> {
        let fits = |i: usize| {
            let e = &self.entities[i];
            e.name.as_deref() == Some(name)
                || single && e.surname_matches(name)
                || !single
                    && e.name.as_deref().is_some_and(|n| {
                        n.ends_with(name) || name.ends_with(n) || same_person(n, name)
                    })
        };
        match self.name_candidates(name) {
            Some(candidates) => self.latest_or_first_of(&candidates, fits),
            None => self.latest_or_first(fits),
        }
    }

    /// Every entity whose name can match `name` in [`Self::find_name`] (and some that
    /// cannot): those whose full name, first or last word is `name`, its last word, or an
    /// ending of its last word (a whole name that ends `name`), or whose name is empty. None
    /// for a name of unusual spacing, which is then compared with every entity.
    fn name_candidates(&self, name: &str) -> Option<Vec<usize>> {
        let plain = !name.is_empty()
            && name
                .split(' ')
                .all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
        if !plain {
            return None;
        }
        let mut index = self.names.borrow_mut();
        index.refresh(&self.entities, self.names_set);
        let last = name.rsplit(' ').next().unwrap_or(name);
        let mut keys: Vec<&str> = vec![name, ""];
        keys.extend(last.char_indices().map(|(at, _)| &last[at..]));
        let mut out: Vec<usize> = keys
            .into_iter()
            .filter_map(|k| index.by_word.get(k))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        Some(out)
    }

    /// [`Self::latest_or_first`] over `candidates` (ascending) alone.
    fn latest_or_first_of(
        &self,
        candidates: &[usize],
        fits: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let mut latest: Option<((usize, u64), usize)> = None;
        let mut first_unmentioned: Option<usize> = None;
        for &i in candidates {
            if !fits(i) {
                continue;
            }
            match self.by_entity.get(i).and_then(|l| l.last()) {
                Some(&key) => {
                    if latest.is_none_or(|(k, _)| key > k) {
                        latest = Some((key, i));
                    }
                }
                None => {
                    if first_unmentioned.is_none() {
                        first_unmentioned = Some(i);
                    }
                }
            }
        }
        latest.map(|(_, i)| i).or(first_unmentioned)
    }

    /// The latest mentioned entity that `fits`, else the first one never mentioned.
    fn latest_or_first(&self, fits: impl Fn(usize) -> bool) -> Option<usize> {
        self.find_recent(usize::MAX, true, &fits)
            .or_else(|| (0..self.entities.len()).find(|&i| fits(i)))
    }

    /// The entity a definite description ("the ministry", "the embassy spokesperson") points
    /// back to; a new derived entity when the description adds a role ("... spokesperson").
    pub fn resolve_definite(&mut self, phrase: &Phrase, at: usize) -> Option<usize> {
        let k = Knowledge::bundled();
        let words: Vec<String> = phrase
            .description
            .split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| k.role_words.contains(w) || k.modifiers.contains(w))
            .collect();
        if words.is_empty() {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        // A recent speaker that fits every word wins ("the President" after Trump spoke,
        // even when another president was named since).
        // "government sources" never points back to one spokesman.
        let number_fits = |e: &Entity| !phrase.plural || e.plural || e.body;
        // "the police department" never points back to one officer; an official never to a
        // news agency or another voice of no government ("official news agency").
        let kind_fits = |e: &Entity| {
            (!phrase.body || e.body)
                && !(phrase.gov_role && phrase.other.is_none() && e.group == Group::Other)
        };
        let full = |e: &Entity| {
            if !number_fits(e) || !kind_fits(e) {
                return false;
            }
            let desc = format!(
                "{} {}",
                e.description.as_deref().unwrap_or(""),
                e.role.as_deref().unwrap_or("")
            )
            .to_lowercase();
            words
                .iter()
                .all(|w| desc.split_whitespace().any(|d| d == w.as_str()))
        };
        if let Some(m) = self
            .speakers_before(at, false)
            .iter()
            .rev()
            .take(window::RECENT_SPEAKERS)
            .find(|m| full(&self.entities[m.entity]))
        {
            return Some(m.entity);
        }
        // The latest entity with the most of the words (all of them ends the search).
        self.find_recent(at, false, |i| {
            let e = &self.entities[i];
            if !number_fits(e) || !kind_fits(e) {
                return false;
            }
            let desc = e.description.as_deref().unwrap_or("").to_lowercase()
                + " "
                + &e.role.as_deref().unwrap_or("").to_lowercase();
            let hits = words
                .iter()
                .filter(|w| desc.split_whitespace().any(|d| d == w.as_str()))
                .count();
            if hits > 0 && best.is_none_or(|(h, _)| hits > h) {
                best = Some((hits, i));
            }
            hits == words.len()
        });
        let (hits, found) = best?;
        if hits == words.len() {
            return Some(found);
        }
        // "the embassy spokesperson" after "the Chinese embassy": a person of that body.
        let base = self.entities[found].clone();
        let extra: Vec<&str> = phrase
            .description
            .split_whitespace()
            .filter(|w| {
                let lw = w.to_lowercase();
                !base
                    .description
                    .as_deref()
                    .unwrap_or("")
                    .to_lowercase()
                    .split_whitespace()
                    .any(|d| d == lw)
            })
            .collect();
        // "the defence minister" after "the foreign minister": another office, another
        // person (a partial match is only a description of the same one).
        let kind = super::entity::office_kind(&phrase.description);
        let base_office = format!(
            "{} {}",
            base.description.as_deref().unwrap_or(""),
            base.role.as_deref().unwrap_or("")
        );
        if !base.body
            && kind.is_some_and(|kind| {
                super::entity::office_kind(&base_office).is_some_and(|theirs| theirs != kind)
            })
        {
            return None;
        }
        if !base.body || extra.is_empty() {
            return Some(found);
        }
        // "the agriculture ministry" after "the foreign ministry": another body of the
        // same kind, not a part of the one before.
        if phrase.body {
            return None;
        }
        let description = format!(
            "{} {}",
            base.description.as_deref().unwrap_or(""),
            extra.join(" ")
        );
        let derived = Entity {
            name: None,
            description: Some(description.trim().to_owned()),
            role: Some(extra.join(" ")),
            body: phrase.body,
            plural: phrase.plural,
            gender: phrase.gender,
            ..base
        };
        Some(self.add(derived))
    }

    /// Adds an entity (or returns an equal one already known).
    pub fn add(&mut self, entity: Entity) -> usize {
        let key = entity
            .name
            .is_none()
            .then(|| entity.description.as_deref().map(str::to_lowercase));
        if let Some(key) = &key
            && let Some(&i) = self.unnamed_by_description.get(key)
            && self.entities[i].name.is_none()
            && self.entities[i]
                .description
                .as_deref()
                .map(str::to_lowercase)
                == *key
        {
            return i;
        }
        self.entities.push(entity);
        let i = self.entities.len() - 1;
        if let Some(key) = key {
            self.unnamed_by_description.insert(key, i);
        }
        i
    }

    /// The unnamed entity of this description (compared in lower case) that [`Self::add`]
    /// would return, if any.
    #[must_use]
    pub fn unnamed_described(&self, description: &str) -> Option<usize> {
        let key = Some(description.to_lowercase());
        let &i = self.unnamed_by_description.get(&key)?;
        let e = &self.entities[i];
        (e.name.is_none() && e.description.as_deref().map(str::to_lowercase) == key).then_some(i)
    }

    /// Gives the unnamed entity `i` the name a later phrase tells ("the deputy head of the
    /// delegation", then "Rear Admiral Ana Ruiz"), so that name lookups find it, and records
    /// the naming in [`Self::renamed`].
    pub fn name_entity(&mut self, i: usize, name: Option<String>) {
        if let Some(e) = self.entities.get_mut(i) {
            e.name = name;
            self.names_set += 1;
            if let (Some(d), Some(n)) = (&e.description, &e.name) {
                self.renamed.push((d.clone(), n.clone()));
            }
        }
    }
}

/// "Vladimir V. Putin" and "Vladimir Putin": the same first and last words.
fn same_person(a: &str, b: &str) -> bool {
    let (af, al) = (a.split_whitespace().next(), a.split_whitespace().last());
    let (bf, bl) = (b.split_whitespace().next(), b.split_whitespace().last());
    af == bf && al == bl
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lex::tokens;
    use crate::extract::phrase::analyze;

    fn phrase(text: &str) -> Phrase {
        analyze(text, &tokens(text, Span::new(0, text.len())))
    }

    #[test]
    fn pronouns_surnames_and_descriptions_resolve() {
        let mut memory = Memory::new(Some("2016-06-04"));
        let carter = memory.entity_from(&phrase("Defense Secretary Ash Carter"));
        assert_eq!(carter.governments, ["USA"]);
        let c = memory.add(carter);
        memory.mention(c, Span::new(0, 5), true);
        let ministry = memory.entity_from(&phrase("China's foreign ministry"));
        assert_eq!(
            ministry.description.as_deref(),
            Some("Chinese foreign ministry")
        );
        let m = memory.add(ministry);
        memory.mention(m, Span::new(10, 20), false);
        assert_eq!(memory.find_name("Carter"), Some(c));
        assert_eq!(memory.resolve_pronoun(Pronoun::He, 30, 30), Some(c));
        assert_eq!(memory.resolve_pronoun(Pronoun::It, 30, 30), Some(m));
        assert_eq!(
            memory.resolve_definite(&phrase("the ministry"), 30),
            Some(m)
        );
        let lavrov = memory.entity_from(&phrase("Lavrov"));
        assert_eq!(lavrov.name.as_deref(), Some("Sergei Lavrov"));
        assert_eq!(lavrov.governments, ["RUS"]);
    }

    #[test]
    fn recency_search_reads_as_every_mention_backwards() {
        let mut memory = Memory::new(None);
        let mut seed = 7_u64;
        let mut draw = |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from((seed >> 33) % n).expect("small")
        };
        for i in 0..60 {
            memory.entities.push(Entity {
                name: Some(format!("Person {i}")),
                description: None,
                role: None,
                body: false,
                plural: i % 7 == 0,
                gender: Gender::Unknown,
                group: Group::Other,
                governments: Vec::new(),
                affiliation: None,
            });
        }
        // Mentions mostly in text order, some behind, some at a shared offset; the entities
        // mentioned early are mentioned rarely later.
        for n in 0..900 {
            let at = (n * 10 + draw(40)).saturating_sub(20);
            let entity = if n % 5 == 0 { draw(60) } else { draw(12) };
            memory.mention(entity, Span::new(at, at + 4), draw(3) == 0);
        }
        let naive = |at: usize, inclusive: bool, fits: &dyn Fn(usize) -> bool| {
            memory
                .mentions
                .iter()
                .rev()
                .filter(|m| m.at < at || inclusive && m.at == at)
                .map(|m| m.entity)
                .find(|&e| fits(e))
        };
        for at in (0..9_200).step_by(37) {
            for k in [1, 5, 13, 59] {
                let fits = |e: usize| e % k == k - 1;
                for inclusive in [false, true] {
                    assert_eq!(
                        memory.find_recent(at, inclusive, fits),
                        naive(at, inclusive, &fits),
                        "at {at}, k {k}"
                    );
                }
            }
            assert_eq!(
                memory.last_plural(at),
                naive(at, false, &|e| memory.entities[e].plural)
            );
            for e in [0, 3, 11, 40] {
                let expected = memory
                    .mentions
                    .iter()
                    .rev()
                    .find(|m| m.entity == e && m.at <= at)
                    .map(|m| Span::new(m.at, m.end));
                assert_eq!(memory.last_mention_of(e, at), expected);
            }
            let speaker = memory
                .mentions
                .iter()
                .rev()
                .find(|m| m.speaker && m.at <= at)
                .map(|m| (m.entity, Span::new(m.at, m.end)));
            assert_eq!(memory.last_speaker_mention(at), speaker);
        }
    }
}
