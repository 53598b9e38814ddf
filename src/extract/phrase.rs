//! Reading a speaker phrase: pronoun, person name, role, body, country, metonym,
//! organisation, state media or non-government role.

use crate::governments::{Governments, MentionKind};
use crate::text::Span;

use super::knowledge::{
    Knowledge, first_indexed_phrase_at, first_indexed_phrase_in, has_government_role,
};
use super::lex::{Token, is_function_word};
use super::lexicon::Lexicon;

/// Personal and body pronouns that can stand for a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he
    He,
    /// she
    She,
    /// it
    It,
    /// they
    They,
    /// I / we (in a transcript or a quote's frame)
    First,
    /// "the statement", "the joint statement": the source of the latest report.
    Report,
}

/// Grammatical gender known for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    /// Not known.
    #[default]
    Unknown,
    /// Male.
    Male,
    /// Female.
    Female,
}

/// What a speaker phrase says about its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    /// The words of the phrase in the text.
    pub span: Span,
    /// Set when the phrase is just a pronoun.
    pub pronoun: Option<Pronoun>,
    /// A person's name as written (honorifics dropped) with its span.
    pub name: Option<(String, Span)>,
    /// The phrase without determiners and name ("Chinese Foreign Ministry spokesperson").
    pub description: String,
    /// Countries named as the speaker's own (not hosts: "ambassador to the U.S.").
    pub countries: Vec<String>,
    /// The phrase is only country, capital or institution names ("Beijing", "Tokyo and Seoul").
    pub metonym: bool,
    /// A government role word is present.
    pub gov_role: bool,
    /// The head is a body (ministry, embassy, government ...).
    pub body: bool,
    /// Affiliation from a non-government role ("legislator").
    pub other: Option<String>,
    /// An intergovernmental body named as the speaker.
    pub organisation: Option<String>,
    /// State media named as the speaker.
    pub state_media: Option<String>,
    /// Country implied by a national title ("Secretary of State" -> USA).
    pub national: Option<String>,
    /// The phrase names several people or bodies.
    pub plural: bool,
    /// Gender from an honorific or a gendered role word.
    pub gender: Gender,
    /// The phrase is a bare definite description ("the ministry", "the official").
    pub definite: bool,
    /// For "A and B": the phrases joined, when each names a speaker on its own.
    pub parts: Vec<Phrase>,
    /// A common-noun subject ("the article", "one questioner"): a speaker of no known kind.
    pub common_noun: bool,
    /// The source was named through a report ("a joint statement from the two agencies").
    pub via_report: bool,
    /// Other words to report as the speaker mention: the relative pronoun that makes the
    /// phrase the subject of the cue ("Lewis, who joked"), or the subject of an outer cue a
    /// pronoun points to ("Lynch said she recalled").
    pub reported_as: Option<Span>,
    /// The phrase is a bare indefinite description ("a spokesperson", "one official"): a
    /// new speaker, never one met before.
    pub indefinite: bool,
    /// Where a description set before the name, and part of the same subject, starts
    /// ("Norland's envoy, Ana Ruiz, said"): the subject slot opens there, not at the name.
    pub described_from: Option<usize>,
}

impl Default for Phrase {
    fn default() -> Self {
        Self {
            span: Span::new(0, 0),
            pronoun: None,
            name: None,
            description: String::new(),
            countries: Vec::new(),
            metonym: false,
            gov_role: false,
            body: false,
            other: None,
            organisation: None,
            state_media: None,
            national: None,
            plural: false,
            gender: Gender::Unknown,
            definite: false,
            parts: Vec::new(),
            common_noun: false,
            via_report: false,
            reported_as: None,
            indefinite: false,
            described_from: None,
        }
    }
}

impl Phrase {
    /// True when nothing useful was read.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.pronoun.is_none()
            && !self.common_noun
            && self.name.is_none()
            && self.countries.is_empty()
            && !self.gov_role
            && !self.body
            && self.other.is_none()
            && self.organisation.is_none()
            && self.state_media.is_none()
            && self.national.is_none()
    }
}

/// Reads a pronoun token.
#[must_use]
pub fn pronoun(lower: &str) -> Option<Pronoun> {
    match lower {
        "he" => Some(Pronoun::He),
        "she" => Some(Pronoun::She),
        "it" => Some(Pronoun::It),
        "they" => Some(Pronoun::They),
        "i" | "we" => Some(Pronoun::First),
        _ => None,
    }
}

/// A country phrase starting at token `i`: (tokens used, iso3, kind).
#[must_use]
pub fn country_at(toks: &[Token], i: usize) -> Option<(usize, String, MentionKind)> {
    let registry = Governments::bundled();
    let k = Knowledge::bundled();
    if !k.government_first_words.contains(&toks[i].word) {
        return None;
    }
    let max = k.government_max_words.min(toks.len() - i);
    let (buf, ends) = ngrams(toks, i, max, |t| {
        t.possessive || t.trail.is_some_and(|c| c != '.')
    });
    for n in (1..=ends.len()).rev() {
        if let Some((gov, kind)) = registry.lookup(&buf[..ends[n - 1]]) {
            return Some((n, gov.iso3.clone(), kind));
        }
    }
    None
}

/// The phrases of 1..=`max` words starting at token `i`, as one buffer and the end of each;
/// a word for which `stop` holds can only end a phrase.
fn ngrams(
    toks: &[Token],
    i: usize,
    max: usize,
    stop: impl Fn(&Token) -> bool,
) -> (String, Vec<usize>) {
    let mut buf = String::new();
    let mut ends = Vec::with_capacity(max);
    for t in &toks[i..i + max] {
        if !buf.is_empty() {
            buf.push(' ');
        }
        buf.push_str(&t.word);
        ends.push(buf.len());
        if stop(t) {
            break;
        }
    }
    (buf, ends)
}

/// An organisation or state-media name starting at token `i`: (tokens used, name, is media).
fn organisation_at(toks: &[Token], i: usize) -> Option<(usize, String, bool)> {
    let k = Knowledge::bundled();
    if !k.organisation_first_words.contains(&toks[i].word) {
        return None;
    }
    let max = 8.min(toks.len() - i);
    let (buf, ends) = ngrams(toks, i, max, |t| t.trail.is_some_and(|c| c != '.'));
    let organisations = crate::organisations::Organisations::bundled();
    for n in (1..=ends.len()).rev() {
        let phrase = &buf[..ends[n - 1]];
        if let Some(name) = k.organisations.get(phrase) {
            return Some((n, name.clone(), false));
        }
        if let Some(org) = organisations.lookup(phrase) {
            return Some((n, org.name.clone(), false));
        }
        if k.state_media_set.contains(phrase) {
            return Some((n, phrase.to_owned(), true));
        }
    }
    None
}

fn is_name_token(t: &Token, k: &Knowledge) -> bool {
    if !t.capitalised() {
        return false;
    }
    let lower = t.lower.as_str();
    if k.role_words.contains(lower) || is_function_word(lower) || k.modifiers.contains(lower) {
        return false;
    }
    if k.honorifics.contains(&t.word) {
        return false;
    }
    if t.word
        .chars()
        .all(|c| c.is_uppercase() || !c.is_alphabetic())
        && t.word.len() > 4
    {
        // All caps words are labels or acronyms, not names.
        return false;
    }
    true
}

/// Where the run of name tokens ending at `end` starts (`end` when there is none).
fn name_run_start(
    toks: &[Token],
    used: &[bool],
    surnamed: &[bool],
    end: usize,
    k: &Knowledge,
) -> usize {
    let mut start = end;
    while start > 0 {
        let t = &toks[start - 1];
        let particle = Lexicon::get().name_particles.contains(t.lower.as_str()) && start < end;
        let initial = t.word.len() == 2 && t.word.ends_with('.') && start < end;
        // "Theresa May": a surname that is also a function word, right after a first name.
        let homograph = t.capitalised()
            && Lexicon::get().name_homographs.contains(t.lower.as_str())
            && start >= 2
            && toks[start - 2].trail.is_none()
            && !used[start - 2]
            && is_name_token(&toks[start - 2], k);
        let surname = surnamed[start - 1];
        if used[start - 1] || !(is_name_token(t, k) || particle || initial || homograph || surname)
        {
            break;
        }
        if start < end && (t.trail == Some(')') || toks[start].lead == Some('(')) {
            break;
        }
        if t.lead == Some('(') {
            break;
        }
        if t.possessive && start != end {
            break;
        }
        if start < end && t.trail == Some(',') {
            break;
        }
        start -= 1;
    }
    while start < end
        && Lexicon::get()
            .name_particles
            .contains(toks[start].lower.as_str())
    {
        start += 1;
    }
    start
}

/// Reads the noun phrase made of `toks` (already cut to the phrase).
#[must_use]
pub fn analyze(text: &str, toks: &[Token]) -> Phrase {
    let k = Knowledge::bundled();
    let mut phrase = Phrase::default();
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return phrase;
    };
    phrase.span = Span::new(first.span.start, last.span.end);
    if toks.len() == 1
        && let Some(p) = pronoun(&first.lower)
    {
        phrase.pronoun = Some(p);
        return phrase;
    }
    if toks.len() <= 3
        && matches!(first.lower.as_str(), "the" | "that" | "this")
        && k.report_nouns.contains(&last.lower)
    {
        phrase.pronoun = Some(Pronoun::Report);
        return phrase;
    }
    let lowers: Vec<String> = toks.iter().map(|t| t.lower.clone()).collect();
    // "Mr. King", "Ms. Bishop": a capitalised word right after an honorific (in the phrase
    // or just before it in the text) is a surname, whatever role it also names.
    let honorific = |w: &str| k.honorifics.contains(w);
    let surnamed: Vec<bool> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            t.capitalised()
                && if i > 0 {
                    honorific(&toks[i - 1].word)
                } else {
                    text[..t.span.start]
                        .trim_end()
                        .rsplit(char::is_whitespace)
                        .next()
                        .is_some_and(honorific)
                }
        })
        .collect();
    // The words roles are read from, without such surnames.
    let role_lowers: Vec<String> = lowers
        .iter()
        .zip(&surnamed)
        .map(|(w, &s)| if s { String::new() } else { w.clone() })
        .collect();
    // Marks per token: part of a country / organisation phrase, or a host after "to"/"in".
    let mut used = vec![false; toks.len()];
    let mut all_places = true;
    let mut institution_end: Option<usize> = None;
    let mut i = 0;
    // After "to", "in", "against" ... every place named is a host or a target, not the
    // speaker's own country ("ambassador to the U.S.", "in Iraq and Syria"), until a comma.
    let mut host_mode = false;
    // The first place after "in" ("the Foreign Ministry in Beijing").
    let mut located: Option<(usize, String)> = None;
    while i < toks.len() {
        if i > 0 {
            if Lexicon::get()
                .host_prepositions
                .contains(lowers[i - 1].as_str())
            {
                host_mode = true;
            }
            if lowers[i - 1] == "of" || toks[i - 1].trail == Some(',') {
                host_mode = false;
            }
        }
        let host = host_mode;
        if let Some((n, name, media)) = organisation_at(toks, i) {
            if !host {
                if media {
                    phrase.state_media = Some(name);
                } else {
                    phrase.organisation = Some(name);
                }
            }
            for u in &mut used[i..i + n] {
                *u = true;
            }
            all_places = false;
            i += n;
            continue;
        }
        if let Some((n, iso3, kind)) = country_at(toks, i) {
            // "Lisa O. Monaco": a country name right after a first name is a surname.
            let surname = matches!(kind, MentionKind::Name | MentionKind::Capital)
                && i > 0
                && !used[i - 1]
                && (is_name_token(&toks[i - 1], k) && !toks[i - 1].possessive
                    || toks[i - 1].word.len() == 2 && toks[i - 1].word.ends_with('.'));
            if surname {
                all_places = false;
                i += n;
                continue;
            }
            if kind != MentionKind::Capital && kind != MentionKind::Name {
                all_places = false;
            }
            if host && located.is_none() && i > 0 && lowers[i - 1] == "in" {
                located = Some((i - 1, iso3.clone()));
            }
            // "Pakistan's Foreign Office": an institution's name after a country's
            // possessive is that country's office, not the one the name usually means.
            let owned = kind == MentionKind::Institution
                && i > 0
                && used[i - 1]
                && toks[i - 1].possessive
                && !phrase.countries.is_empty();
            if !host && !owned && !phrase.countries.contains(&iso3) {
                phrase.countries.push(iso3);
            }
            if kind == MentionKind::Institution {
                institution_end = Some(i + n);
                phrase.gov_role = true;
            }
            for u in &mut used[i..i + n] {
                *u = true;
            }
            i += n;
            continue;
        }
        if !matches!(lowers[i].as_str(), "the" | "and" | "both" | "&") {
            all_places = false;
        }
        i += 1;
    }
    // "the Foreign Ministry in Beijing", "officials in Tokyo": a home office located in a
    // capital speaks for it; an embassy, envoy or diplomat there speaks for another country.
    if let Some((at, iso3)) = located {
        let abroad = lowers[..at]
            .iter()
            .any(|w| Lexicon::get().posts_abroad.contains(w.as_str()));
        let official = lowers[..at].iter().any(|w| k.role_words.contains(w));
        if phrase.countries.is_empty() && !abroad && official && at > 0 {
            phrase.countries.push(iso3);
        }
    }
    phrase.metonym = all_places && !phrase.countries.is_empty();
    // Roles.
    if has_government_role(k, &role_lowers) {
        phrase.gov_role = true;
    }
    if let Some(i) = first_indexed_phrase_in(&role_lowers, &k.other_role_index, |i| {
        k.other_roles[i].0.as_slice()
    }) {
        phrase.other = Some(k.other_roles[i].1.clone());
    }
    if let Some((i, at)) = first_indexed_phrase_at(&role_lowers, &k.national_title_index, |i| {
        k.national_titles[i].0.as_slice()
    }) {
        let title = &k.national_titles[i].0;
        phrase.national = Some(k.national_titles[i].1.clone());
        phrase.gov_role = true;
        // "Secretary of War Ana Ruiz": the words after "of" belong to the title, so the name
        // after it is not read as a place ("of War Ana Ruiz").
        if let Some(of) = title.iter().position(|w| w == "of") {
            for u in &mut used[at + of + 1..at + title.len()] {
                *u = true;
            }
        }
    }
    // Head: the last token outside a trailing "of/to/in ..." phrase.
    let mut head_end = toks.len();
    if let Some(p) = lowers
        .iter()
        .position(|w| Lexicon::get().head_prepositions.contains(w.as_str()))
        && p > 0
    {
        head_end = p;
    }
    let head = &lowers[head_end - 1];
    phrase.body = institution_end == Some(head_end)
        || k.role_words.contains(head.as_str())
            && k.bodies.iter().any(|b| {
                b.last() == Some(head)
                    && head_end >= b.len()
                    && lowers[head_end - b.len()..head_end] == b[..]
            });
    phrase.plural = head.ends_with('s')
        && (k.role_words.contains(head.as_str()) || head == "leaders")
        && !head.ends_with("ss")
        || lowers.iter().any(|w| w == "and")
        || lowers
            .first()
            .is_some_and(|w| matches!(w.as_str(), "two" | "both" | "three"))
        || lowers
            .get(1)
            .is_some_and(|w| matches!(w.as_str(), "two" | "both" | "three"));
    // Gender.
    for t in toks {
        match t.word.as_str() {
            "Mr." | "Mr" | "Sir" => phrase.gender = Gender::Male,
            "Mrs." | "Ms." | "Mrs" | "Ms" | "Madam" | "Dame" => phrase.gender = Gender::Female,
            _ => {}
        }
        match t.lower.as_str() {
            "spokesman" | "king" | "emir" | "sultan" => phrase.gender = Gender::Male,
            "spokeswoman" | "queen" => phrase.gender = Gender::Female,
            _ => {}
        }
    }
    // Name: the last run of name tokens, ending the phrase or its head part.
    let (mut start, mut name_end) = (0, 0);
    let ends = if head_end < toks.len() {
        [head_end, toks.len()]
    } else {
        [toks.len(), head_end]
    };
    for end in ends {
        let s0 = name_run_start(toks, &used, &surnamed, end, k);
        if s0 < end {
            (start, name_end) = (s0, end);
            break;
        }
    }
    // A name right after "of"/"in" ("the commander of Kowloon West") is a place or body.
    let after_preposition = start > 0
        && (Lexicon::get()
            .place_prepositions
            .contains(toks[start - 1].lower.as_str())
            || start > 1
                && toks[start - 1].lower == "the"
                && Lexicon::get()
                    .place_prepositions
                    .contains(toks[start - 2].lower.as_str()));
    if after_preposition {
        name_end = start;
    }
    let name_toks = &toks[start..name_end];
    if !name_toks.is_empty() && !name_toks.last().is_some_and(|t| t.possessive) {
        let span = Span::new(
            name_toks[0].span.start,
            name_toks[name_toks.len() - 1].span.end,
        );
        let name = span.slice(text).to_owned();
        phrase.name = Some((name, span));
    }
    // Description: the phrase without determiners and the name; a possessive country becomes
    // its demonym ("China's foreign ministry" -> "Chinese foreign ministry").
    let registry = Governments::bundled();
    let mut words: Vec<String> = Vec::new();
    let mut j = 0;
    while j < toks.len() {
        if j >= start && j < name_end && phrase.name.is_some() {
            j += 1;
            continue;
        }
        let t = &toks[j];
        if words.is_empty() && matches!(t.lower.as_str(), "the" | "a" | "an") {
            j += 1;
            continue;
        }
        if t.possessive {
            // The longest country name ending here ("South Korea's"), whose earlier words
            // were already taken as words of the description.
            let country = (j.saturating_sub(3)..=j).find_map(|s| {
                let taken = j - s;
                country_at(toks, s)
                    .filter(|(n, _, _)| s + n == j + 1 && taken <= words.len())
                    .map(|(_, iso3, _)| (taken, iso3))
            });
            if let Some((taken, iso3)) = country {
                let demonym = registry
                    .get(&iso3)
                    .and_then(|g| g.demonyms.first().cloned())
                    .unwrap_or_else(|| t.word.clone());
                words.truncate(words.len() - taken);
                words.push(demonym);
                j += 1;
                continue;
            }
            // ("the ministry's" ending the phrase: the owner of what follows, "the
            // ministry's statement", is the speaker: "ministry".)
            if j + 1 == toks.len() {
                words.push(t.word.clone());
            } else {
                words.push(format!("{}'s", t.word));
            }
        } else {
            words.push(t.word.clone());
        }
        j += 1;
    }
    phrase.description = words.join(" ");
    // "Vladimir Putin and Donald Trump", "the ODNI and the DHS": a joint speaker.
    if let Some(a) = lowers.iter().position(|w| w == "and") {
        let capital = |ts: &[Token]| ts.iter().any(Token::capitalised);
        // "Mr. Xi and other leaders", "President Ana Ruiz and her ministers": a named
        // official with colleagues of the same government speaks with them for it.
        let colleagues = a > 0
            && a + 2 < toks.len()
            && capital(&toks[..a])
            && matches!(
                lowers[a + 1].as_str(),
                "other" | "his" | "her" | "their" | "fellow"
            )
            && !capital(&toks[a + 1..]);
        if colleagues {
            let left = analyze(text, &toks[..a]);
            let right = analyze(text, &toks[a + 1..]);
            if left.name.is_some() && right.gov_role && right.countries.is_empty() {
                phrase.parts = vec![left];
                phrase.plural = true;
            }
        } else if a > 0 && a + 1 < toks.len() && capital(&toks[..a]) && capital(&toks[a + 1..]) {
            let left = analyze(text, &toks[..a]);
            let right = analyze(text, &toks[a + 1..]);
            let named = |p: &Phrase| p.name.is_some() || p.body || p.metonym;
            if named(&left) && named(&right) && !(left.metonym && right.metonym) {
                let mut parts = Vec::new();
                for p in [left, right] {
                    if p.parts.is_empty() {
                        parts.push(p);
                    } else {
                        parts.extend(p.parts);
                    }
                }
                phrase.parts = parts;
                phrase.plural = true;
            }
        }
    }
    phrase.definite = phrase.name.is_none()
        && phrase.countries.is_empty()
        && phrase.national.is_none()
        && matches!(first.lower.as_str(), "the" | "this" | "that");
    phrase.indefinite = phrase.name.is_none()
        && phrase.countries.is_empty()
        && phrase.national.is_none()
        && Lexicon::get().indefinites.contains(first.lower.as_str());
    phrase
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lex::tokens;

    fn read(text: &str) -> Phrase {
        analyze(text, &tokens(text, Span::new(0, text.len())))
    }

    #[test]
    fn a_named_official_with_colleagues_is_one_joint_part() {
        let p = read("Mr. Ruiz and other leaders");
        assert_eq!(p.parts.len(), 1);
        assert!(p.plural);
        assert_eq!(
            p.parts[0].name.as_ref().map(|(n, _)| n.as_str()),
            Some("Ruiz")
        );
        // Two named people stay two parts; a lowercase right side with no role is no joint.
        assert_eq!(read("Ana Ruiz and Luis Soto").parts.len(), 2);
        assert!(read("Ana Ruiz and other farmers").parts.is_empty());
    }

    #[test]
    fn a_former_holder_is_no_government_voice() {
        for text in [
            "Former Norwegian foreign minister Ola Brekke",
            "former foreign minister Ola Brekke",
            "the retired defence minister",
        ] {
            let p = read(text);
            assert_eq!(p.other.as_deref(), Some("former official"), "{text}: {p:?}");
        }
    }

    #[test]
    fn reads_title_and_name() {
        let p = read("Chinese Foreign Ministry spokesperson Zhao Lijian");
        assert_eq!(p.name.as_ref().map(|n| n.0.as_str()), Some("Zhao Lijian"));
        assert_eq!(p.countries, ["CHN"]);
        assert!(p.gov_role);
        assert_eq!(p.description, "Chinese Foreign Ministry spokesperson");
    }

    #[test]
    fn host_country_is_not_the_speakers() {
        let p = read("South Korean ambassador to the U.S. Han Ji-won");
        assert_eq!(p.name.as_ref().map(|n| n.0.as_str()), Some("Han Ji-won"));
        assert!(!p.countries.contains(&"USA".to_owned()));
    }

    #[test]
    fn metonyms_bodies_and_other_roles() {
        assert!(read("Beijing").metonym);
        let ministry = read("China's foreign ministry");
        assert!(ministry.body);
        assert_eq!(ministry.description, "Chinese foreign ministry");
        assert_eq!(read("Sen. Ada Marsh").other.as_deref(), Some("legislator"));
        assert!(read("the ministry").definite);
        assert_eq!(read("he").pronoun, Some(Pronoun::He));
    }
}
