//! Entities: the people and bodies an article talks about, built from a speaker phrase with
//! the office holders in office on the article's date.

use crate::governments::Governments;
use crate::statement::Group;

use super::knowledge::{Knowledge, Office, OfficeHolder};
use super::memory::Memory;
use super::phrase::{Gender, Phrase};

/// Someone (or some body) the article talks about.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// A person's full name as first given.
    pub name: Option<String>,
    /// What the text calls the speaker ("Chinese Foreign Ministry spokesperson").
    pub description: Option<String>,
    /// The role or title, when known.
    pub role: Option<String>,
    /// A body (ministry, embassy, government) rather than a person.
    pub body: bool,
    /// Several people or bodies.
    pub plural: bool,
    /// Gender when known.
    pub gender: Gender,
    /// Which group the entity belongs to.
    pub group: Group,
    /// Countries it speaks for (sorted ISO codes).
    pub governments: Vec<String>,
    /// Affiliation for other groups.
    pub affiliation: Option<String>,
}

impl Entity {
    /// The speaker string: the name, else the description.
    #[must_use]
    pub fn speaker(&self) -> Option<String> {
        self.name.clone().or_else(|| self.description.clone())
    }

    pub(crate) fn surname_matches(&self, word: &str) -> bool {
        let Some(name) = &self.name else {
            return false;
        };
        let k = Knowledge::bundled();
        if name == word {
            return true;
        }
        let mut parts = name.split_whitespace();
        let first = parts.next();
        let last = name.split_whitespace().last();
        last == Some(word)
            || first == Some(word) && name.split_whitespace().count() >= 2 && {
                // East Asian order ("Xi Jinping" -> "Xi") only when the registry or the
                // name's shape says so.
                k.holders
                    .iter()
                    .any(|h| h.name == *name && h.surname() == word)
                    || name.split_whitespace().count() == 2 && name.contains('-')
                    || name.split_whitespace().count() == 3
            }
    }
}

/// True when `description` dates the role to a term that ended before the year of `date`
/// ("ambassador from 2007 to 2013", "minister between 2001 and 2005", "envoy until 2019",
/// "minister (2010-2014)").
#[must_use]
pub fn term_ended_before(description: &str, date: Option<&str>) -> bool {
    let Some(year) = date
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<u32>().ok())
    else {
        return false;
    };
    let as_year = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        (w.len() == 4)
            .then(|| w.parse::<u32>().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    };
    let words: Vec<String> = description
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let mut ended = None;
    for (i, w) in words.iter().enumerate() {
        let next = words.get(i + 1).map(String::as_str);
        let after = words.get(i + 3).map(String::as_str);
        match (w.as_str(), next) {
            ("from" | "between", Some(start)) if as_year(start).is_some() => {
                if let (Some("to" | "and" | "until"), Some(end)) =
                    (words.get(i + 2).map(String::as_str), after)
                {
                    ended = as_year(end).or(ended);
                }
            }
            ("until" | "till", Some(end)) => ended = as_year(end).or(ended),
            _ => {
                // "(2010-2014)": two years joined by a dash.
                if let Some((a, b)) = w.split_once(['-', '–'])
                    && as_year(a).is_some()
                {
                    ended = as_year(b).or(ended);
                }
            }
        }
    }
    ended.is_some_and(|end| end < year)
}

impl Memory {
    /// Builds an entity from a phrase that is not a pronoun or a back reference.
    #[must_use]
    pub fn entity_from(&self, phrase: &Phrase) -> Entity {
        let k = Knowledge::bundled();
        let registry = Governments::bundled();
        let date = self.date.as_deref();
        let name = phrase.name.as_ref().map(|(n, _)| clean_name(n));
        let standing = name.as_deref().and_then(|n| standing(k, n, date));
        let holder = match standing {
            Some(Standing::InOffice(h)) => Some(h),
            _ => None,
        };
        // "the Russian leader", "Japan's prime minister": the holder of that office on the
        // article's date (the latest holder when the date is not known).
        let holder = holder.or_else(|| {
            if name.is_some() || phrase.body || phrase.plural || phrase.other.is_some() {
                return None;
            }
            let country = phrase.countries.first().or(phrase.national.as_ref())?;
            // "British Prime Minister Theresa May": a name the phrase reader did not take
            // for one still names the person; no registry holder replaces it.
            let unread_name = phrase.description.split_whitespace().any(|w| {
                let lower = w.to_lowercase();
                w.starts_with(char::is_uppercase)
                    && !k.role_words.contains(&lower)
                    && !k.modifiers.contains(&lower)
                    && !k.national_titles.iter().any(|(t, _)| t.contains(&lower))
                    && registry.lookup(w.trim_end_matches("'s")).is_none()
            });
            if unread_name {
                return None;
            }
            office_holder(&phrase.description, country, date)
        });
        // A person the registry knows, out of office on the article's date and placed by no
        // country in the text: a former official or someone not yet in office (a candidate),
        // never a government's voice.
        let out_of_office = match standing {
            Some(Standing::Former(h)) => Some(format!("former {}", h.role.to_lowercase())),
            Some(Standing::NotYet(h)) => Some(format!("not yet {}", h.role.to_lowercase())),
            _ => None,
        }
        .filter(|_| phrase.countries.is_empty() && phrase.national.is_none())
        // "Peru's ambassador to Chile from 2004 to 2009": a term the text
        // says ended before the article's year.
        .or_else(|| {
            term_ended_before(&phrase.description, date).then(|| "former official".to_owned())
        });
        let name = match (name, holder) {
            (Some(n), Some(h)) if !n.contains(' ') => Some(h.name.clone()),
            (None, Some(h)) => Some(h.name.clone()),
            (n, _) => n,
        };
        let mut governments: Vec<String> = phrase.countries.clone();
        if governments.is_empty() {
            if let Some(iso3) = &phrase.national {
                governments.push(iso3.clone());
            } else if let Some(h) = holder {
                governments.push(h.iso3.clone());
            }
        }
        // "a spokeswoman for Ana Ruiz", "Ruiz's office": staff of an office holder speak for
        // the holder's government.
        if governments.is_empty()
            && phrase.name.is_none()
            && (phrase.gov_role || phrase.body)
            && let Some(h) = principal(&phrase.description, date)
        {
            governments.push(h.iso3.clone());
        }
        governments.sort();
        governments.dedup();
        let gender = match (phrase.gender, holder.map(|h| h.gender.as_str())) {
            (Gender::Unknown, Some("m")) => Gender::Male,
            (Gender::Unknown, Some("f")) => Gender::Female,
            (g, _) => g,
        };
        let description = if phrase.metonym {
            let names: Vec<String> = phrase
                .countries
                .iter()
                .filter_map(|c| registry.get(c))
                .map(|g| {
                    g.demonyms
                        .first()
                        .cloned()
                        .unwrap_or_else(|| g.name.clone())
                })
                .collect();
            Some(format!("{} government", names.join(" and ")))
        } else if phrase.description.is_empty() {
            None
        } else {
            Some(phrase.description.clone())
        };
        let role = if phrase.description.is_empty() {
            holder.map(|h| h.role.clone())
        } else {
            Some(phrase.description.clone())
        };
        let (group, affiliation) = if let Some(media) = &phrase.state_media {
            let _ = media;
            (Group::Other, Some("state media".to_owned()))
        } else if let Some(other) = &phrase.other {
            (Group::Other, Some(other.clone()))
        } else if let Some(standing) = &out_of_office {
            (Group::Other, Some(standing.clone()))
        } else if let Some(org) = &phrase.organisation {
            (Group::Organisation, Some(org.clone()))
        } else if phrase.gov_role || phrase.body || phrase.metonym || holder.is_some() {
            (Group::Government, None)
        } else {
            (Group::Other, None)
        };
        let governments = if group == Group::Government {
            governments
        } else {
            Vec::new()
        };
        Entity {
            name,
            description,
            role,
            body: phrase.body
                || phrase.metonym
                || phrase.organisation.is_some() && phrase.name.is_none()
                || phrase.state_media.is_some() && phrase.name.is_none(),
            plural: phrase.plural || phrase.countries.len() > 1 && phrase.metonym,
            gender,
            group,
            governments,
            affiliation,
        }
    }

    /// Merges what a new phrase says into a known entity (a later mention may add a role).
    pub fn enrich(&mut self, index: usize, phrase: &Phrase) {
        let fresh = self.entity_from(phrase);
        let Some(e) = self.entities.get_mut(index) else {
            return;
        };
        // A bare surname that the registry reads as someone else ("Ames" -> another Ames in
        // office) tells nothing about the person already known by a full name.
        if let (Some(known), Some(read)) = (e.name.as_deref(), fresh.name.as_deref())
            && known != read
            && known.contains(' ')
            && read.contains(' ')
        {
            return;
        }
        // Only a phrase that names the same person corrects a filled-in country: a
        // description ("the foreign ministry") may be resolved to the wrong body.
        let inferred = self.country_inferred.contains(&index)
            && fresh
                .name
                .as_deref()
                .is_some_and(|n| e.name.as_deref() == Some(n) || e.surname_matches(n));
        if (e.governments.is_empty() || inferred && e.governments != fresh.governments)
            && !fresh.governments.is_empty()
            && fresh.group == Group::Government
        {
            if self.country_inferred.remove(&index) {
                self.country_corrected.push(index);
            }
            e.governments = fresh.governments;
            e.group = Group::Government;
            e.affiliation = None;
        }
        if e.group == Group::Other && e.affiliation.is_none() && fresh.group != Group::Other {
            e.group = fresh.group;
            e.affiliation.clone_from(&fresh.affiliation);
        }
        if e.group == Group::Other && e.affiliation.is_none() && fresh.affiliation.is_some() {
            e.affiliation = fresh.affiliation;
        }
        if e.role.is_none() {
            e.role = fresh.role;
        }
        if e.description.is_none() {
            e.description = fresh.description;
        }
        if e.gender == Gender::Unknown {
            e.gender = fresh.gender;
        }
    }
}

/// The office a description asks for.
enum Wanted {
    /// A kind of office, and words the registry's name of the office must hold when the
    /// kind alone is too wide (a "president" is not a king).
    Office(Office, &'static [&'static str]),
    /// A country's "leader": its head of government.
    Leader,
}

/// The office a description names ("Chinese President", "the German defence secretary",
/// "the Russian leader"), or `None` for staff, deputies, former holders and other roles.
fn wanted_office(description: &str) -> Option<Wanted> {
    let d = description.to_lowercase();
    let words: Vec<&str> = d.split_whitespace().collect();
    let has = |w: &str| {
        let n = w.split_whitespace().count();
        words.windows(n).any(|win| win.join(" ") == w)
    };
    let any = |ws: &[&str]| ws.iter().any(|w| has(w));
    if any(&[
        "vice president",
        "deputy",
        "vice",
        "former",
        "official",
        "acting",
        // Staff of an office, not its holder ("a spokeswoman for the chancellor").
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "aide",
        "aides",
        "adviser",
        "advisers",
        "advisor",
        "office",
        "staff",
        "envoy",
    ]) {
        None
    } else if any(&[
        "foreign minister",
        "foreign secretary",
        "secretary of state",
        "external affairs minister",
        "minister of foreign affairs",
        "eam",
        "fm",
    ]) {
        Some(Wanted::Office(Office::ForeignMinister, &[]))
    } else if any(&[
        "defense minister",
        "defence minister",
        "defense secretary",
        "defence secretary",
        "armed forces minister",
        "minister of defence",
        "minister of defense",
    ]) {
        Some(Wanted::Office(Office::DefenceMinister, &[]))
    } else if any(&["prime minister", "premier", "pm"]) {
        Some(Wanted::Office(
            Office::HeadOfGovernment,
            &["minister", "premier"],
        ))
    } else if has("president") {
        Some(Wanted::Office(Office::HeadOfState, &["president"]))
    } else if has("chancellor") {
        Some(Wanted::Office(Office::HeadOfGovernment, &["chancellor"]))
    } else if has("leader") {
        Some(Wanted::Leader)
    } else {
        None
    }
}

/// The kind of office a description or title names, when it names one ("prime minister",
/// "Foreign Secretary"): two descriptions of different kinds are two people.
pub(crate) fn office_kind(description: &str) -> Option<Office> {
    match wanted_office(description)? {
        Wanted::Office(office, _) => Some(office),
        // A "leader" may be a president or a prime minister.
        Wanted::Leader => None,
    }
}

/// The holder of the office a description names ("Chinese President", "the Jewish state's
/// premier", "the Russian leader", "the German defence secretary") in `iso3` on `date`,
/// found by the registry's kind of office (`Office`), not by how the office is written there
/// ("Federal President", "Armed Forces Minister"). A country's "leader" is its head of
/// government, never a ceremonial head of state.
fn office_holder<'k>(
    description: &str,
    iso3: &str,
    date: Option<&str>,
) -> Option<&'k super::knowledge::OfficeHolder> {
    let k = Knowledge::bundled();
    let (office, role_words) = match wanted_office(description)? {
        Wanted::Leader => return k.holder_of(iso3, Office::HeadOfGovernment, date),
        Wanted::Office(office, role_words) => (office, role_words),
    };
    k.holders
        .iter()
        .filter(|h| h.iso3 == iso3 && h.office.covers(office) && h.holds_office(date))
        .filter(|h| {
            let role = h.role.to_lowercase();
            role_words.is_empty() || role_words.iter().any(|w| role.contains(w))
        })
        .max_by(|a, b| a.from.cmp(&b.from))
}

/// The office holder (in office on `date`) a staff description names after "for" / "of" or
/// with a possessive ("spokeswoman for Ana Ruiz", "Ruiz's office"): runs of capitalised words
/// looked up as a full name, or one word as a surname.
fn principal<'k>(description: &str, date: Option<&str>) -> Option<&'k OfficeHolder> {
    let k = Knowledge::bundled();
    principal_names(description).into_iter().find_map(|run| {
        if run.contains(' ') {
            k.holders_named(&run, date)
                .into_iter()
                .find(|h| h.holds_office(date))
        } else {
            k.holders_by_surname(&run, date).into_iter().next()
        }
    })
}

/// The names a description serves ("a spokeswoman for Ana Ruiz", "Ruiz's press
/// secretary"): each run of capitalised words after "for"/"of"/"to" or ending in a
/// possessive, in order.
#[must_use]
pub(crate) fn principal_names(description: &str) -> Vec<String> {
    let words: Vec<&str> = description.split_whitespace().collect();
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut names = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < words.len() && capitalised(words[i]) {
            i += 1;
            if possessive(words[i - 1]) {
                break;
            }
        }
        let staff_of = start > 0 && matches!(words[start - 1], "for" | "of" | "to")
            || possessive(words[i - 1]);
        if staff_of {
            names.push(
                words[start..i]
                    .join(" ")
                    .trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .to_owned(),
            );
        }
    }
    names
}

/// Where a named person stands in the office-holder registry on an article's date.
#[derive(Debug, Clone, Copy)]
enum Standing<'k> {
    /// In office on the date (without a date: the latest term).
    InOffice(&'k OfficeHolder),
    /// Every term ended before the date: the latest one.
    Former(&'k OfficeHolder),
    /// Every term starts after the date.
    NotYet(&'k OfficeHolder),
}

/// The term of `holders` that started last.
fn latest<'k>(holders: impl IntoIterator<Item = &'k OfficeHolder>) -> Option<&'k OfficeHolder> {
    holders.into_iter().max_by(|a, b| a.from.cmp(&b.from))
}

/// The standing of the person named `name` (a full name, an alias or a surname). A bare
/// surname only ever finds someone in office: a surname alone is too weak to call anyone a
/// former official.
fn standing<'k>(k: &'k Knowledge, name: &str, date: Option<&str>) -> Option<Standing<'k>> {
    let records = k.holders_named(name, date);
    if records.is_empty() {
        if name.contains(' ') {
            return None;
        }
        let by_surname = k.holders_by_surname(name, date);
        return match date {
            Some(_) => by_surname.into_iter().next(),
            None => latest(by_surname),
        }
        .map(Standing::InOffice);
    }
    let Some(date) = date else {
        return latest(records).map(Standing::InOffice);
    };
    if let Some(h) = records.iter().find(|h| h.in_office(date)) {
        return Some(Standing::InOffice(h));
    }
    let ended = records
        .iter()
        .copied()
        .filter(|h| h.to.as_deref().is_some_and(|to| to <= date));
    match latest(ended) {
        Some(h) => Some(Standing::Former(h)),
        None => latest(records).map(Standing::NotYet),
    }
}

/// Drops honorifics and stray punctuation from a name.
#[must_use]
pub fn clean_name(name: &str) -> String {
    let k = Knowledge::bundled();
    name.split_whitespace()
        .filter(|w| !k.honorifics.contains(*w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod term_tests {
    use super::term_ended_before;

    #[test]
    fn terms_that_ended_before_the_article_make_a_former_official() {
        let on = Some("2016-04-07");
        assert!(term_ended_before(
            "ambassador to peru from 2007 to 2013",
            on
        ));
        assert!(term_ended_before("minister between 2001 and 2005", on));
        assert!(term_ended_before("envoy until 2015", on));
        assert!(term_ended_before("foreign minister (2010-2014)", on));
        assert!(!term_ended_before("ambassador since 2014", on));
        assert!(!term_ended_before("ambassador from 2014 to 2018", on));
        assert!(!term_ended_before("ambassador from 2007 to 2013", None));
        assert!(!term_ended_before("minister of 120 staff", on));
    }
}
