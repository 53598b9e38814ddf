//! Extraction knowledge loaded once from `assets/`: cue verbs (`cues.ron`), role words
//! (`titles.ron`) and well-known office holders (`office_holders.ron`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

/// A cue verb as written in `assets/cues.ron`.
#[derive(Debug, Clone, Deserialize)]
pub struct CueVerb {
    /// Dictionary form ("say").
    pub lemma: String,
    /// Written forms ("say", "says", "said", "saying").
    pub forms: Vec<String>,
    /// The verb also introduces reported speech without quote marks.
    #[serde(default)]
    pub reported: bool,
    /// The reported content starts at the verb's object ("accused X of ...").
    #[serde(default)]
    pub object: bool,
    /// The content may be an infinitive clause ("vowed to ...").
    #[serde(default)]
    pub infinitive: bool,
    /// The content may be a noun phrase ("expressed serious concern over ...").
    #[serde(default)]
    pub noun_object: bool,
    /// The verb attributes only a quote before it (`"...," Matthews concluded`), not one
    /// after it ("the court concluded the rule was \"...\"").
    #[serde(default)]
    pub after_quote_only: bool,
}

#[derive(Debug, Deserialize)]
struct CuesFile {
    verbs: Vec<CueVerb>,
    phrases: Vec<String>,
    nouns: Vec<String>,
}

/// A group of non-government role words with the affiliation they give.
#[derive(Debug, Clone, Deserialize)]
pub struct OtherRole {
    /// Lowercase words or phrases.
    pub words: Vec<String>,
    /// The affiliation shown for such a speaker ("legislator").
    pub affiliation: String,
}

/// An intergovernmental body.
#[derive(Debug, Clone, Deserialize)]
pub struct Organisation {
    /// Its English name.
    pub name: String,
    /// Other names and acronyms.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A title that names one country's office.
#[derive(Debug, Clone, Deserialize)]
pub struct NationalTitle {
    /// Lowercase phrase.
    pub phrase: String,
    /// The country.
    pub iso3: String,
}

#[derive(Debug, Deserialize)]
struct TitlesFile {
    government_roles: Vec<String>,
    bodies: Vec<String>,
    other_roles: Vec<OtherRole>,
    state_media: Vec<String>,
    organisations: Vec<Organisation>,
    national_titles: Vec<NationalTitle>,
    modifiers: Vec<String>,
    honorifics: Vec<String>,
}

/// A well-known holder of an office over a date range.
#[derive(Debug, Clone, Deserialize)]
pub struct OfficeHolder {
    /// Full name as usually written in English.
    pub name: String,
    /// The word used alone for the person; the last word of `name` when absent.
    #[serde(default)]
    pub surname: Option<String>,
    /// Other spellings and scripts.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The government.
    pub iso3: String,
    /// The office ("Foreign Minister").
    pub role: String,
    /// First day in office.
    pub from: String,
    /// Last day in office, `None` when still in office.
    #[serde(default)]
    pub to: Option<String>,
    /// "m" or "f".
    #[serde(default)]
    pub gender: String,
}

impl OfficeHolder {
    /// The word used alone for the person.
    #[must_use]
    pub fn surname(&self) -> &str {
        self.surname
            .as_deref()
            .or_else(|| self.name.split_whitespace().last())
            .unwrap_or(&self.name)
    }

    /// True when the holder held the office on `date` (`YYYY-MM-DD`).
    #[must_use]
    pub fn in_office(&self, date: &str) -> bool {
        self.from.as_str() <= date && self.to.as_deref().is_none_or(|to| date < to)
    }
}

#[derive(Debug, Deserialize)]
struct HoldersFile {
    holders: Vec<OfficeHolder>,
}

/// The loaded knowledge with lookup indexes.
#[derive(Debug)]
pub struct Knowledge {
    /// Every cue verb form (lowercase) -> its verb.
    pub verb_forms: HashMap<String, CueVerb>,
    /// Cue phrases ("according to"), lowercase.
    pub cue_phrases: Vec<String>,
    /// The same phrases as word lists.
    pub cue_phrase_words: Vec<Vec<String>>,
    /// Reporting nouns ("statement").
    pub report_nouns: HashSet<String>,
    /// Government role phrases as lowercase word lists.
    pub government_roles: Vec<Vec<String>>,
    /// Body head words as lowercase word lists.
    pub bodies: Vec<Vec<String>>,
    /// First word of a government role -> indexes into `government_roles`.
    pub government_role_index: HashMap<String, Vec<usize>>,
    /// Non-government role phrases (lowercase word lists) with their affiliation.
    pub other_roles: Vec<(Vec<String>, String)>,
    /// State media names as written.
    pub state_media: Vec<String>,
    /// The same names, for lookups.
    pub state_media_set: HashSet<String>,
    /// Organisation phrase as written -> its name.
    pub organisations: BTreeMap<String, String>,
    /// National titles (lowercase word lists) with their country.
    pub national_titles: Vec<(Vec<String>, String)>,
    /// Courtesy titles.
    pub honorifics: HashSet<String>,
    /// Lowercase words allowed inside a speaker's noun phrase.
    pub modifiers: HashSet<String>,
    /// Office holders.
    pub holders: Vec<OfficeHolder>,
    /// Every word that appears in a role phrase (lowercase), for name detection.
    pub role_words: HashSet<String>,
    /// First words (as written) of organisation and state-media names, for a fast skip.
    pub organisation_first_words: HashSet<String>,
    /// First words (as written) of every government phrase, for a fast skip.
    pub government_first_words: HashSet<String>,
    /// Longest government phrase, in words.
    pub government_max_words: usize,
}

const CUES: &str = include_str!("../../assets/cues.ron");
const TITLES: &str = include_str!("../../assets/titles.ron");
const HOLDERS: &str = include_str!("../../assets/office_holders.ron");

fn words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

/// Errors reading the knowledge files.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// A file did not parse.
    #[error("could not read {file}: {source}")]
    Parse {
        /// Which asset.
        file: &'static str,
        /// The parser's error.
        source: ron::error::SpannedError,
    },
}

impl Knowledge {
    /// The bundled knowledge, parsed once.
    ///
    /// # Panics
    /// Never in a released build: the bundled files are checked by a unit test.
    #[must_use]
    pub fn bundled() -> &'static Self {
        static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
        KNOWLEDGE.get_or_init(|| {
            #[allow(clippy::expect_used)]
            Self::parse(CUES, TITLES, HOLDERS).expect("bundled extraction assets are valid")
        })
    }

    /// Parses the three knowledge files.
    ///
    /// # Errors
    /// [`KnowledgeError::Parse`] naming the file that did not parse.
    pub fn parse(cues: &str, titles: &str, holders: &str) -> Result<Self, KnowledgeError> {
        let cues: CuesFile = ron::from_str(cues).map_err(|source| KnowledgeError::Parse {
            file: "assets/cues.ron",
            source,
        })?;
        let titles: TitlesFile = ron::from_str(titles).map_err(|source| KnowledgeError::Parse {
            file: "assets/titles.ron",
            source,
        })?;
        let holders: HoldersFile =
            ron::from_str(holders).map_err(|source| KnowledgeError::Parse {
                file: "assets/office_holders.ron",
                source,
            })?;
        let mut verb_forms = HashMap::new();
        for verb in cues.verbs {
            for form in &verb.forms {
                verb_forms
                    .entry(form.to_lowercase())
                    .or_insert_with(|| verb.clone());
            }
        }
        let government_roles: Vec<Vec<String>> =
            titles.government_roles.iter().map(|p| words(p)).collect();
        let bodies: Vec<Vec<String>> = titles.bodies.iter().map(|p| words(p)).collect();
        let mut role_words = HashSet::new();
        for phrase in government_roles.iter().chain(bodies.iter()) {
            role_words.extend(phrase.iter().cloned());
        }
        let mut other_roles = Vec::new();
        for role in &titles.other_roles {
            for word in &role.words {
                let list = words(word);
                role_words.extend(list.iter().cloned());
                other_roles.push((list, role.affiliation.clone()));
            }
        }
        let mut organisations = BTreeMap::new();
        for org in &titles.organisations {
            organisations.insert(org.name.clone(), org.name.clone());
            for alias in &org.aliases {
                organisations.insert(alias.clone(), org.name.clone());
            }
        }
        let mut organisation_first_words: HashSet<String> = HashSet::new();
        for name in organisations.keys().chain(titles.state_media.iter()) {
            if let Some(w) = name.split_whitespace().next() {
                organisation_first_words.insert(w.to_owned());
            }
        }
        for org in crate::organisations::Organisations::bundled().iter() {
            for name in std::iter::once(&org.name)
                .chain(org.aliases.iter())
                .chain(org.bodies.iter())
            {
                let name = name.strip_prefix("the ").unwrap_or(name);
                if let Some(w) = name.split_whitespace().next() {
                    organisation_first_words.insert(w.to_owned());
                }
            }
        }
        let mut government_first_words = HashSet::new();
        let mut government_max_words = 1;
        for (phrase, _, _) in crate::governments::Governments::bundled().phrases_longest_first() {
            let n = phrase.split_whitespace().count();
            government_max_words = government_max_words.max(n);
            if let Some(w) = phrase.split_whitespace().next() {
                government_first_words.insert(w.to_owned());
            }
        }
        let mut government_role_index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, role) in government_roles.iter().enumerate() {
            if let Some(w) = role.first() {
                government_role_index.entry(w.clone()).or_default().push(i);
            }
        }
        let state_media_set = titles.state_media.iter().cloned().collect();
        Ok(Self {
            state_media_set,
            government_role_index,
            organisation_first_words,
            government_first_words,
            government_max_words,
            verb_forms,
            cue_phrases: cues.phrases.iter().map(|p| p.to_lowercase()).collect(),
            cue_phrase_words: cues.phrases.iter().map(|p| words(p)).collect(),
            report_nouns: cues.nouns.iter().map(|p| p.to_lowercase()).collect(),
            government_roles,
            bodies,
            other_roles,
            state_media: titles.state_media,
            organisations,
            national_titles: titles
                .national_titles
                .iter()
                .map(|t| (words(&t.phrase), t.iso3.clone()))
                .collect(),
            honorifics: titles.honorifics.into_iter().collect(),
            modifiers: titles.modifiers.into_iter().collect(),
            holders: holders.holders,
            role_words,
        })
    }

    /// The cue verb written as `word` (any case).
    #[must_use]
    pub fn cue_verb(&self, word: &str) -> Option<&CueVerb> {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.verb_forms.get(&word.to_ascii_lowercase())
        } else {
            self.verb_forms.get(word)
        }
    }

    /// Office holders whose name, alias or (with `surname_ok`) surname is `name`, the ones in
    /// office on `date` first.
    #[must_use]
    pub fn holders_named(&self, name: &str, date: Option<&str>) -> Vec<&OfficeHolder> {
        let mut found: Vec<&OfficeHolder> = self
            .holders
            .iter()
            .filter(|h| h.name == name || h.aliases.iter().any(|a| a == name))
            .collect();
        if let Some(date) = date {
            found.sort_by_key(|h| !h.in_office(date));
        }
        found
    }

    /// Office holders known by `surname` alone, restricted to those in office on `date`
    /// when a date is known.
    #[must_use]
    pub fn holders_by_surname(&self, surname: &str, date: Option<&str>) -> Vec<&OfficeHolder> {
        self.holders
            .iter()
            .filter(|h| h.surname() == surname)
            .filter(|h| date.is_none_or(|d| h.in_office(d)))
            .collect()
    }
}

/// True when a government role occurs in `tokens` (lowercase).
#[must_use]
pub fn has_government_role(k: &Knowledge, tokens: &[String]) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        k.government_role_index.get(t).is_some_and(|list| {
            list.iter().any(|&r| {
                let role = &k.government_roles[r];
                tokens.len() >= i + role.len() && tokens[i..i + role.len()] == role[..]
            })
        })
    })
}

/// The index (in `phrases`) of the first phrase that occurs in `tokens`, looking only at
/// phrases whose first word occurs: cheap for short token lists and long phrase lists.
#[must_use]
pub fn first_phrase_in(tokens: &[String], phrases: &[Vec<String>]) -> Option<usize> {
    phrases.iter().position(|p| {
        p.first().is_some_and(|w| tokens.contains(w)) && find_phrase(tokens, p).is_some()
    })
}

/// True when `tokens` (lowercase) contain `phrase` as a contiguous run; returns its start.
#[must_use]
pub fn find_phrase(tokens: &[String], phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > tokens.len() {
        return None;
    }
    (0..=tokens.len() - phrase.len()).find(|&i| tokens[i..i + phrase.len()] == *phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_knowledge_parses() {
        let k = Knowledge::bundled();
        assert_eq!(k.cue_verb("Said").map(|v| v.lemma.as_str()), Some("say"));
        assert!(k.cue_verb("accused").is_some_and(|v| v.object));
        assert!(k.role_words.contains("spokesperson"));
        assert_eq!(
            k.organisations.get("U.N.").map(String::as_str),
            Some("United Nations")
        );
    }

    #[test]
    fn holders_resolve_by_date() {
        let k = Knowledge::bundled();
        let lavrov = k.holders_by_surname("Lavrov", Some("2020-01-01"));
        assert_eq!(lavrov.first().map(|h| h.iso3.as_str()), Some("RUS"));
        assert!(
            k.holders_by_surname("Pompeo", Some("2024-01-01"))
                .is_empty()
        );
        let biden = k.holders_named("Joe Biden", Some("2022-05-23"));
        assert_eq!(biden.first().map(|h| h.role.as_str()), Some("President"));
    }
}
