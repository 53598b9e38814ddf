//! Extraction knowledge loaded once from `assets/`: cue verbs (`cues.ron`), role words
//! (`titles.ron`) and well-known office holders (`office_holders.ron`).

use std::collections::BTreeMap;

// Word maps looked up for every token: a fast non-cryptographic hasher (the keys come from
// the bundled assets, not from the text).
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
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
    /// The content may be a gerund clause ("denied seeking ...", "proposed delaying ...").
    #[serde(default)]
    pub gerund: bool,
    /// The verb reports a clause, so a determiner phrase of several words after it is one
    /// even when no verb form is recognised ("insisted the islands belong to Japan").
    #[serde(default)]
    pub clause: bool,
    /// The verb's object before a "that" clause is the person spoken to ("assured the
    /// visiting minister that ..."), never part of what was said.
    #[serde(default)]
    pub addressee: bool,
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
    roles_needing_a_country: Vec<String>,
    unplaced_state_voices: Vec<String>,
    bodies: Vec<String>,
    other_roles: Vec<OtherRole>,
    state_media: Vec<String>,
    organisations: Vec<Organisation>,
    national_titles: Vec<NationalTitle>,
    modifiers: Vec<String>,
    honorifics: Vec<String>,
}

/// The kind of office a holder held, so lookups can ask for "the head of government of
/// Japan on a date" whatever the office is called there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Deserialize)]
pub enum Office {
    /// A head of state who does not lead the government (monarchs, most presidents in
    /// parliamentary systems).
    HeadOfState,
    /// A head of government (prime minister, premier, chancellor).
    HeadOfGovernment,
    /// An executive president (or monarch) who is both.
    HeadOfStateAndGovernment,
    /// The minister for foreign affairs under any title.
    ForeignMinister,
    /// The minister for defence under any title.
    DefenceMinister,
    /// A spokesperson of the foreign ministry (several may serve at once).
    ForeignMinistrySpokesperson,
    /// Any other office (vice presidents, press secretaries, ambassadors, acting holders...).
    #[default]
    Other,
}

impl Office {
    /// True when a holder of `self` holds `wanted` (an executive president is a head of state
    /// and a head of government).
    #[must_use]
    pub fn covers(self, wanted: Self) -> bool {
        self == wanted
            || self == Self::HeadOfStateAndGovernment
                && matches!(wanted, Self::HeadOfState | Self::HeadOfGovernment)
    }

    /// True for offices that one person holds at a time in a country.
    #[must_use]
    pub fn single_holder(self) -> bool {
        !matches!(self, Self::ForeignMinistrySpokesperson | Self::Other)
    }
}

/// A holder of an office over a date range, from the sourced registry in
/// `assets/office_holders.ron`.
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
    /// The office as usually written in English ("Foreign Minister").
    pub role: String,
    /// What kind of office `role` is.
    #[serde(default)]
    pub office: Office,
    /// First day in office (`YYYY-MM-DD`).
    pub from: String,
    /// The day the office passed on (the successor's first day), `None` when still in
    /// office: the holder is in office on `from <= date < to`.
    #[serde(default)]
    pub to: Option<String>,
    /// True when a date is the best known but not certain to the day.
    #[serde(default)]
    pub approx: bool,
    /// "m" or "f".
    #[serde(default)]
    pub gender: String,
    /// Where the entry comes from (an official list or a reference page by title); filled
    /// from its block in the registry when the entry has none.
    #[serde(default)]
    pub source: String,
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

    /// True when the holder holds the office on `date`, or today when no date is known (the
    /// latest holder counts).
    #[must_use]
    pub fn holds_office(&self, date: Option<&str>) -> bool {
        date.map_or(self.to.is_none(), |d| self.in_office(d))
    }
}

/// A run of registry entries that share one source.
#[derive(Debug, Deserialize)]
struct HoldersBlock {
    source: String,
    holders: Vec<OfficeHolder>,
}

#[derive(Debug, Deserialize)]
struct HoldersFile {
    blocks: Vec<HoldersBlock>,
}

impl HoldersFile {
    /// The entries in file order, each with its source.
    fn into_holders(self) -> Vec<OfficeHolder> {
        let mut out = Vec::new();
        for block in self.blocks {
            for mut holder in block.holders {
                if holder.source.trim().is_empty() {
                    holder.source.clone_from(&block.source);
                }
                out.push(holder);
            }
        }
        out
    }
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
    /// Government roles as common outside government ("director", "aides"), as lowercase
    /// word lists: their holder is placed only by a country or body the text names.
    pub roles_needing_a_country: Vec<Vec<String>>,
    /// Offices and bodies that speak for a state even where the text never names its
    /// country ("police", "the mayor"), as lowercase word lists.
    pub unplaced_state_voices: Vec<Vec<String>>,
    /// Body head words as lowercase word lists.
    pub bodies: Vec<Vec<String>>,
    /// First word of a government role -> indexes into `government_roles`.
    pub government_role_index: HashMap<String, Vec<usize>>,
    /// Non-government role phrases (lowercase word lists) with their affiliation.
    pub other_roles: Vec<(Vec<String>, String)>,
    /// First word of an other role -> indexes into `other_roles`, ascending.
    pub other_role_index: HashMap<String, Vec<usize>>,
    /// State media names as written.
    pub state_media: Vec<String>,
    /// The same names, for lookups.
    pub state_media_set: HashSet<String>,
    /// Organisation phrase as written -> its name.
    pub organisations: BTreeMap<String, String>,
    /// National titles (lowercase word lists) with their country.
    pub national_titles: Vec<(Vec<String>, String)>,
    /// First word of a national title -> indexes into `national_titles`, ascending.
    pub national_title_index: HashMap<String, Vec<usize>>,
    /// Courtesy titles.
    pub honorifics: HashSet<String>,
    /// Lowercase words allowed inside a speaker's noun phrase.
    pub modifiers: HashSet<String>,
    /// Office holders.
    pub holders: Vec<OfficeHolder>,
    /// `holders` by name and by alias: indexes into `holders`, ascending.
    holders_by_name: HashMap<String, Vec<usize>>,
    /// `holders` by [`OfficeHolder::surname`]: indexes into `holders`, ascending.
    holders_by_surname_index: HashMap<String, Vec<usize>>,
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
            // The government and organisation registries are built on a second thread while
            // these files parse (`parse` waits for them where it needs them): start-up is
            // paid before the first article of every process.
            std::thread::scope(|scope| {
                scope.spawn(|| {
                    let _ = crate::governments::Governments::bundled();
                    let _ = crate::organisations::Organisations::bundled();
                });
                #[allow(clippy::expect_used)]
                Self::parse(CUES, TITLES, HOLDERS).expect("bundled extraction assets are valid")
            })
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
        let mut verb_forms = HashMap::default();
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
        let mut role_words = HashSet::default();
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
        let mut organisation_first_words: HashSet<String> = HashSet::default();
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
        let mut government_first_words = HashSet::default();
        let mut government_max_words = 1;
        for (phrase, _, _) in crate::governments::Governments::bundled().phrases() {
            let n = phrase.split_whitespace().count();
            government_max_words = government_max_words.max(n);
            if let Some(w) = phrase.split_whitespace().next() {
                government_first_words.insert(w.to_owned());
            }
        }
        let government_role_index = first_word_index(government_roles.iter().map(Vec::as_slice));
        let national_titles: Vec<(Vec<String>, String)> = titles
            .national_titles
            .iter()
            .map(|t| (words(&t.phrase), t.iso3.clone()))
            .collect();
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
            roles_needing_a_country: titles
                .roles_needing_a_country
                .iter()
                .map(|r| words(r))
                .collect(),
            unplaced_state_voices: titles
                .unplaced_state_voices
                .iter()
                .map(|r| words(r))
                .collect(),
            bodies,
            other_role_index: first_word_index(other_roles.iter().map(|(role, _)| role.as_slice())),
            other_roles,
            state_media: titles.state_media,
            organisations,
            national_title_index: first_word_index(
                national_titles.iter().map(|(title, _)| title.as_slice()),
            ),
            national_titles,
            honorifics: titles.honorifics.into_iter().collect(),
            modifiers: titles.modifiers.into_iter().collect(),
            holders_by_name: HashMap::default(),
            holders_by_surname_index: HashMap::default(),
            holders: holders.into_holders(),
            role_words,
        }
        .with_holder_index())
    }

    /// Indexes the office holders by name, alias and surname, so that a name met in a text
    /// is looked up, not compared with every holder.
    fn with_holder_index(mut self) -> Self {
        for (i, h) in self.holders.iter().enumerate() {
            for name in std::iter::once(&h.name).chain(h.aliases.iter()) {
                let list = self.holders_by_name.entry(name.clone()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            self.holders_by_surname_index
                .entry(h.surname().to_owned())
                .or_default()
                .push(i);
        }
        self
    }

    /// The holders listed under `name` in `index`, in registry order.
    fn indexed<'a>(
        &'a self,
        index: &HashMap<String, Vec<usize>>,
        name: &str,
    ) -> Vec<&'a OfficeHolder> {
        index
            .get(name)
            .map(|list| list.iter().map(|&i| &self.holders[i]).collect())
            .unwrap_or_default()
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

    /// Office holders whose name or alias is `name`, the ones in office first: on `date` when
    /// one is known, else today (the latest holders), then the latest terms. Callers check
    /// [`OfficeHolder::holds_office`] before filing the person under a government.
    #[must_use]
    pub fn holders_named(&self, name: &str, date: Option<&str>) -> Vec<&OfficeHolder> {
        let mut found = self.indexed(&self.holders_by_name, name);
        match date {
            Some(date) => found.sort_by_key(|h| !h.in_office(date)),
            None => found.sort_by(|a, b| {
                (a.to.is_some(), std::cmp::Reverse(&a.from))
                    .cmp(&(b.to.is_some(), std::cmp::Reverse(&b.from)))
            }),
        }
        found
    }

    /// Office holders known by `surname` alone who are in office on `date`, or today when no
    /// date is known (a surname alone is too ambiguous to reach into past terms).
    #[must_use]
    pub fn holders_by_surname(&self, surname: &str, date: Option<&str>) -> Vec<&OfficeHolder> {
        let mut found = self.indexed(&self.holders_by_surname_index, surname);
        found.retain(|h| h.holds_office(date));
        found
    }

    /// The holder of `office` for the government `iso3` on `date`, or today's holder when no
    /// date is known; an executive president counts as head of state and of government. For
    /// offices several people hold at once, the one who took office last.
    #[must_use]
    pub fn holder_of(
        &self,
        iso3: &str,
        office: Office,
        date: Option<&str>,
    ) -> Option<&OfficeHolder> {
        self.holders
            .iter()
            .filter(|h| h.iso3 == iso3 && h.office.covers(office) && h.holds_office(date))
            .max_by(|a, b| a.from.cmp(&b.from))
    }
}

/// True when a government role occurs in `tokens` (lowercase).
#[must_use]
pub fn has_government_role(k: &Knowledge, tokens: &[String]) -> bool {
    first_indexed_phrase_in(tokens, &k.government_role_index, |r| {
        k.government_roles[r].as_slice()
    })
    .is_some()
}

/// First word -> indexes (ascending) of the phrases (lowercase word lists) that start with it,
/// so that finding which phrases occur in a few tokens looks up each token once instead of
/// comparing every phrase with every token.
fn first_word_index<'p>(
    phrases: impl Iterator<Item = &'p [String]>,
) -> HashMap<String, Vec<usize>> {
    let mut index: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, phrase) in phrases.enumerate() {
        if let Some(first) = phrase.first() {
            index.entry(first.clone()).or_default().push(i);
        }
    }
    index
}

/// The first phrase, in list order, that occurs anywhere in `tokens` (lowercase), looked up
/// through `index` (see [`first_word_index`]); `phrase_at` gives a phrase by its index.
#[must_use]
pub fn first_indexed_phrase_in<'p>(
    tokens: &[String],
    index: &HashMap<String, Vec<usize>>,
    phrase_at: impl Fn(usize) -> &'p [String],
) -> Option<usize> {
    first_indexed_phrase_at(tokens, index, phrase_at).map(|(phrase, _)| phrase)
}

/// As [`first_indexed_phrase_in`], with the token where the phrase starts: `(phrase, at)`.
#[must_use]
pub fn first_indexed_phrase_at<'p>(
    tokens: &[String],
    index: &HashMap<String, Vec<usize>>,
    phrase_at: impl Fn(usize) -> &'p [String],
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (at, token) in tokens.iter().enumerate() {
        let Some(candidates) = index.get(token) else {
            continue;
        };
        for &candidate in candidates {
            if best.is_some_and(|(found, _)| candidate >= found) {
                break;
            }
            let phrase = phrase_at(candidate);
            if tokens.get(at..at + phrase.len()) == Some(phrase) {
                best = Some((candidate, at));
                break;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexed_phrases_are_found_in_list_order_anywhere_in_the_tokens() {
        let words = |s: &str| -> Vec<String> { s.split(' ').map(str::to_owned).collect() };
        let phrases = [words("party leader"), words("leader"), words("union chief")];
        let index = first_word_index(phrases.iter().map(Vec::as_slice));
        let first = |text: &str| first_indexed_phrase_in(&words(text), &index, |i| &phrases[i]);
        // The earlier phrase in the list wins, wherever each occurs.
        assert_eq!(first("sample union chief and party leader"), Some(0));
        assert_eq!(first("the leader of the sample party"), Some(1));
        assert_eq!(first("sample union chief"), Some(2));
        // A phrase cut short at the end of the tokens is no match.
        assert_eq!(first("the sample union"), None);
    }

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

    /// Days since 1970-01-01 of a `YYYY-MM-DD` date, when the date parser reads it as written.
    fn day_number(date: &str) -> Option<i64> {
        if crate::article::date::parse_date(date).as_deref() != Some(date) {
            return None;
        }
        let y: i64 = date.get(0..4)?.parse().ok()?;
        let m: i64 = date.get(5..7)?.parse().ok()?;
        let d: i64 = date.get(8..10)?.parse().ok()?;
        Some(crate::calendar::days_from_civil(y, m, d))
    }

    /// The G20 members, whose offices the registry covers since 2000.
    const G20: &[&str] = &[
        "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS",
        "SAU", "ZAF", "KOR", "TUR", "GBR", "USA",
    ];

    const SINGLE_OFFICES: [Office; 4] = [
        Office::HeadOfState,
        Office::HeadOfGovernment,
        Office::ForeignMinister,
        Office::DefenceMinister,
    ];

    /// Terms of each single-holder office per country, as (from, to) day numbers sorted by
    /// start; an open term ends far in the future.
    fn terms(k: &Knowledge, iso3: &str, office: Office) -> Vec<(i64, i64, String)> {
        let mut out: Vec<(i64, i64, String)> = k
            .holders
            .iter()
            .filter(|h| h.iso3 == iso3 && h.office.covers(office))
            .map(|h| {
                let from = day_number(&h.from).expect("dates checked");
                let to =
                    h.to.as_deref()
                        .map_or(i64::MAX / 2, |t| day_number(t).expect("dates checked"));
                (from, to, h.name.clone())
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn every_registry_entry_is_sourced_and_dated() {
        let k = Knowledge::bundled();
        let registry = crate::governments::Governments::bundled();
        assert!(k.holders.len() > 600, "{} entries", k.holders.len());
        for h in &k.holders {
            let who = format!("{} ({} {})", h.name, h.iso3, h.role);
            assert!(!h.source.trim().is_empty(), "no source: {who}");
            assert!(
                !h.name.trim().is_empty() && !h.role.trim().is_empty(),
                "{who}"
            );
            assert!(registry.get(&h.iso3).is_some(), "unknown government: {who}");
            assert!(matches!(h.gender.as_str(), "m" | "f"), "gender: {who}");
            let from = day_number(&h.from).unwrap_or_else(|| panic!("from: {who}"));
            if let Some(to) = &h.to {
                let to = day_number(to).unwrap_or_else(|| panic!("to: {who}"));
                assert!(from < to, "ends before it starts: {who}");
            }
        }
    }

    #[test]
    fn single_holder_offices_never_overlap_by_more_than_a_few_days() {
        // Handovers are written as the successor's first day; a week absorbs the odd
        // swearing-in that follows the appointment by a few days.
        const SLACK_DAYS: i64 = 7;
        let k = Knowledge::bundled();
        let mut countries: Vec<&str> = k.holders.iter().map(|h| h.iso3.as_str()).collect();
        countries.sort_unstable();
        countries.dedup();
        for iso3 in countries {
            for office in SINGLE_OFFICES {
                let terms = terms(k, iso3, office);
                for pair in terms.windows(2) {
                    let (a, b) = (&pair[0], &pair[1]);
                    assert!(
                        a.1 - b.0 <= SLACK_DAYS,
                        "{iso3} {office:?}: {} and {} overlap",
                        a.2,
                        b.2
                    );
                }
            }
        }
    }

    #[test]
    fn g20_offices_are_held_from_2000_to_today() {
        // Caretaker spells between two holders (an impeached president's successor not yet
        // elected, a dismissed minister not yet replaced) last up to about three months.
        const MAX_VACANCY_DAYS: i64 = 92;
        let k = Knowledge::bundled();
        let start = day_number("2000-01-01").expect("date");
        let today = day_number("2026-01-01").expect("date");
        for iso3 in G20 {
            for office in SINGLE_OFFICES {
                let mut covered = start;
                for (from, to, name) in terms(k, iso3, office) {
                    if to <= covered {
                        continue;
                    }
                    assert!(
                        from - covered <= MAX_VACANCY_DAYS,
                        "{iso3} {office:?}: no holder for {} days before {name}",
                        from - covered
                    );
                    covered = covered.max(to);
                }
                assert!(covered >= today, "{iso3} {office:?}: no holder today");
            }
        }
        for iso3 in ["CHN", "RUS", "USA", "JPN", "KOR", "IND"] {
            assert!(
                k.holders
                    .iter()
                    .any(|h| h.iso3 == iso3 && h.office == Office::ForeignMinistrySpokesperson),
                "{iso3} has no foreign-ministry spokesperson"
            );
        }
    }

    #[test]
    fn a_candidate_is_not_in_office_before_the_term() {
        let k = Knowledge::bundled();
        let campaign = "2016-06-01";
        assert!(k.holders_by_surname("Trump", Some(campaign)).is_empty());
        assert!(
            k.holders_named("Donald Trump", Some(campaign))
                .iter()
                .all(|h| !h.in_office(campaign))
        );
        // A former vice president running for president holds no office either.
        assert!(
            k.holders_named("Joe Biden", Some("2020-06-01"))
                .iter()
                .all(|h| !h.in_office("2020-06-01"))
        );
        assert_eq!(
            k.holder_of("USA", Office::HeadOfGovernment, Some(campaign))
                .map(|h| h.name.as_str()),
            Some("Barack Obama")
        );
        // On the handover day the successor holds the office.
        assert_eq!(
            k.holder_of("USA", Office::HeadOfState, Some("2017-01-20"))
                .map(|h| h.name.as_str()),
            Some("Donald Trump")
        );
    }

    #[test]
    fn without_a_date_the_latest_holder_counts() {
        let k = Knowledge::bundled();
        let putin = k.holders_named("Vladimir Putin", None);
        assert_eq!(putin.first().map(|h| h.from.as_str()), Some("2012-05-07"));
        let latest = k
            .holder_of("JPN", Office::HeadOfGovernment, None)
            .expect("a prime minister");
        assert!(latest.to.is_none());
        // A surname alone reaches no past term when the date is unknown.
        assert!(k.holders_by_surname("Pompeo", None).is_empty());
        assert!(!k.holders_by_surname("Lavrov", None).is_empty());
        let clinton = k.holders_named("Bill Clinton", None);
        assert!(clinton.iter().all(|h| !h.holds_office(None)));
        assert!(Office::HeadOfStateAndGovernment.covers(Office::HeadOfGovernment));
        assert!(!Office::HeadOfState.covers(Office::HeadOfGovernment));
        assert!(!Office::ForeignMinistrySpokesperson.single_holder());
    }
}
