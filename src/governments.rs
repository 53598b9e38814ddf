//! The registry of governments (every UN member and observer state, plus Taiwan and Kosovo),
//! loaded once from `assets/governments.ron`: names, ISO codes, demonyms, capitals, seats of
//! government and institutions, so that "Beijing", "the Kremlin" or "Chinese" resolve to a
//! country.

pub mod phrase_index;

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::text::Span;
use phrase_index::{PhraseIndex, normalise_spaces, strip_article, with_apostrophe_variants};

/// One government as described in the registry file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Government {
    /// ISO 3166-1 alpha-3 code ("CHN"); Kosovo uses "XKX".
    pub iso3: String,
    /// ISO 3166-1 alpha-2 code ("CN"); Kosovo uses "XK".
    #[serde(default)]
    pub iso2: String,
    /// Common short name as news use it ("China", "United States").
    pub name: String,
    /// Formal name ("People's Republic of China"); also matched as a name.
    #[serde(default)]
    pub official_name: Option<String>,
    /// Other names of the country ("PRC", "People's Republic of China", "U.S.", "America").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjectives and nouns of nationality ("Chinese", "American", "U.S."). Plurals of the
    /// nouns ("Americans") are derived, not listed.
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Capitals and seats of government used as metonyms ("Beijing", "Washington").
    #[serde(default)]
    pub capitals: Vec<String>,
    /// Institutions whose words are the government's ("the Kremlin", "the White House",
    /// "Zhongnanhai", "the Pentagon", "Foggy Bottom").
    #[serde(default)]
    pub institutions: Vec<String>,
}

/// The file format of `assets/governments.ron`.
#[derive(Debug, Clone, Deserialize)]
struct RegistryFile {
    governments: Vec<Government>,
    /// Longer phrases that contain a government phrase but do not name a government
    /// ("South China Sea", "Latin America"): consumed by [`Governments::find_in`] unreported.
    #[serde(default)]
    not_mentions: Vec<String>,
    /// Institution phrases derived for every government: `{demonym}` stands for each listed
    /// demonym, `{name}` for the short name and each alias ("{demonym} Foreign Ministry",
    /// "{name}'s government").
    #[serde(default)]
    institution_patterns: Vec<String>,
    /// Not-mentions derived for every demonym ("{demonym} American": "Polish American" is
    /// neither Poland's nor the United States' government).
    #[serde(default)]
    not_mention_patterns: Vec<String>,
    /// Names that are also given names ("Chad", "Jordan"): directly followed by a
    /// capitalised word that starts no other mention ("Chad Bown", "Israel Katz"), they name
    /// a person, not a country.
    #[serde(default)]
    given_names: Vec<String>,
}

/// How a phrase named a government.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MentionKind {
    /// The country's name or an alias.
    Name,
    /// A demonym or nationality adjective.
    Demonym,
    /// A capital or seat of government (metonym).
    Capital,
    /// An institution (metonym or body).
    Institution,
}

/// One mention of a government in running text, found by [`Governments::find_in`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GovernmentMention {
    /// The matched phrase, without a leading "the" ("Kremlin" in "The Kremlin said").
    pub span: Span,
    /// The government's ISO alpha-3 code.
    pub iso3: String,
    /// How the phrase names the government.
    pub kind: MentionKind,
}

/// Errors reading a registry file.
#[derive(Debug, thiserror::Error)]
pub enum GovernmentsError {
    /// The RON did not parse.
    #[error("could not read the government registry: {source}")]
    Parse {
        /// The parser's error, with line and column.
        #[from]
        source: ron::error::SpannedError,
    },
    /// Two entries share an ISO code.
    #[error("government registry lists the code {iso3:?} twice")]
    DuplicateCode {
        /// The repeated code.
        iso3: String,
    },
    /// Two entries share a short name.
    #[error("government registry lists the name {name:?} twice")]
    DuplicateName {
        /// The repeated name.
        name: String,
    },
    /// One phrase would name two governments.
    #[error("the phrase {phrase:?} names both {first} and {second} in the government registry")]
    Collision {
        /// The phrase (after removing a leading "the").
        phrase: String,
        /// The code of the government listed first.
        first: String,
        /// The code of the other government.
        second: String,
    },
}

/// The loaded registry with a lookup index from every known phrase to its government.
#[derive(Debug, Clone)]
pub struct Governments {
    by_iso3: BTreeMap<String, Government>,
    /// Short name -> iso3.
    by_name: BTreeMap<String, String>,
    /// Phrase (case as written, with "the " removed) -> (iso3, kind).
    phrases: FxHashMap<String, (String, MentionKind)>,
    /// The same phrases (and the blockers) indexed for scanning running text.
    index: PhraseIndex<(String, MentionKind)>,
    /// Names that are also given names (see `RegistryFile::given_names`).
    given_names: BTreeSet<String>,
}

const BUNDLED: &str = include_str!("../assets/governments.ron");

impl Governments {
    /// The registry bundled with the program, parsed once.
    ///
    /// # Panics
    /// Never in a released build: the bundled file is checked by a unit test.
    #[must_use]
    pub fn bundled() -> &'static Self {
        static REGISTRY: OnceLock<Governments> = OnceLock::new();
        REGISTRY.get_or_init(|| {
            #[allow(clippy::expect_used)]
            Self::from_ron(BUNDLED).expect("bundled assets/governments.ron is valid")
        })
    }

    /// Parses a registry in the format of `assets/governments.ron`.
    ///
    /// # Errors
    /// [`GovernmentsError::Parse`] when the RON is malformed; `DuplicateCode`,
    /// `DuplicateName` or `Collision` when two entries share a code, a name or a phrase.
    pub fn from_ron(source: &str) -> Result<Self, GovernmentsError> {
        let file: RegistryFile = ron::from_str(source)?;
        let mut by_iso3 = BTreeMap::new();
        let mut by_name = BTreeMap::new();
        let mut phrases: FxHashMap<String, (String, MentionKind)> = FxHashMap::default();
        // The phrases in the order the registry gives them, so the scanning index is built
        // the same way on every run.
        let mut phrase_order: Vec<String> = Vec::new();
        let patterns: Vec<InstitutionPattern<'_>> = file
            .institution_patterns
            .iter()
            .filter_map(|pattern| InstitutionPattern::parse(pattern))
            .collect();
        for government in file.governments {
            let iso3 = government.iso3.clone();
            for (phrase, kind) in phrases_of(&government, &patterns) {
                match phrases.entry(phrase) {
                    Entry::Occupied(entry) => {
                        let other = &entry.get().0;
                        if *other != iso3 {
                            return Err(GovernmentsError::Collision {
                                phrase: entry.key().clone(),
                                first: other.clone(),
                                second: iso3,
                            });
                        }
                    }
                    Entry::Vacant(entry) => {
                        phrase_order.push(entry.key().clone());
                        entry.insert((iso3.clone(), kind));
                    }
                }
            }
            if by_name
                .insert(government.name.clone(), iso3.clone())
                .is_some()
            {
                return Err(GovernmentsError::DuplicateName {
                    name: government.name,
                });
            }
            if by_iso3.insert(iso3.clone(), government).is_some() {
                return Err(GovernmentsError::DuplicateCode { iso3 });
            }
        }
        let derived_blockers = file.not_mention_patterns.iter().flat_map(|pattern| {
            by_iso3
                .values()
                .flat_map(|government| &government.demonyms)
                .map(move |demonym| pattern.replace("{demonym}", strip_article(demonym)))
        });
        let blockers: Vec<String> = file
            .not_mentions
            .iter()
            .cloned()
            .chain(derived_blockers)
            .flat_map(|phrase| with_apostrophe_variants(strip_article(&phrase)).collect::<Vec<_>>())
            .collect();
        let index = PhraseIndex::new(
            phrase_order
                .iter()
                .filter_map(|phrase| Some((phrase.as_str(), phrases.get(phrase)?.clone()))),
            blockers.iter().map(String::as_str),
        );
        Ok(Self {
            by_iso3,
            by_name,
            phrases,
            index,
            given_names: file.given_names.into_iter().collect(),
        })
    }

    /// The government with this ISO alpha-3 code.
    #[must_use]
    pub fn get(&self, iso3: &str) -> Option<&Government> {
        self.by_iso3.get(iso3)
    }

    /// The government with this short name ("South Korea"), as the gold files name them.
    #[must_use]
    pub fn by_name(&self, name: &str) -> Option<&Government> {
        self.by_iso3.get(self.by_name.get(name)?)
    }

    /// All governments, ordered by ISO code.
    pub fn iter(&self) -> impl Iterator<Item = &Government> {
        self.by_iso3.values()
    }

    /// All governments, ordered by short name (for lists shown to people).
    pub fn iter_by_name(&self) -> impl Iterator<Item = &Government> {
        self.by_name
            .values()
            .filter_map(|iso3| self.by_iso3.get(iso3))
    }

    /// Number of governments.
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_iso3.len()
    }

    /// True when the registry is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_iso3.is_empty()
    }

    /// The government a phrase names exactly ("China", "Chinese", "Beijing", "the Kremlin"),
    /// with how it names it. A leading "the " is ignored; case must match as written in the
    /// registry, so "china" (a common noun) is not a country. Curly apostrophes match
    /// straight ones, and any run of whitespace matches one space.
    #[must_use]
    pub fn lookup(&self, phrase: &str) -> Option<(&Government, MentionKind)> {
        let (iso3, kind) = self
            .phrases
            .get(strip_article(&normalise_spaces(phrase.trim())))?;
        Some((self.by_iso3.get(iso3)?, *kind))
    }

    /// Every mention of a government in running text, left to right, never overlapping: at
    /// each word the longest known phrase wins ("South Korea" over "Korea"), phrases match
    /// case-sensitively on word boundaries (hyphens, apostrophes and dots are boundaries, so
    /// "China's" and "U.S.-China" match and "USB" does not), and phrases such as
    /// "South China Sea" that merely contain a name are skipped. A space in a phrase matches
    /// any run of whitespace, so phrases broken across wrapped lines are found.
    #[must_use]
    pub fn find_in(&self, text: &str) -> Vec<GovernmentMention> {
        let mut out: Vec<GovernmentMention> = Vec::new();
        for (span, (iso3, kind)) in self.index.find_in(text) {
            // "Australian Department of Defense", "US Department of State": one institution,
            // of the country the qualifier names.
            let qualifier = out.last_mut().filter(|previous| {
                *kind == MentionKind::Institution
                    && matches!(previous.kind, MentionKind::Name | MentionKind::Demonym)
                    && is_blank(text, previous.span.end, span.start)
            });
            if let Some(previous) = qualifier {
                previous.span.end = span.end;
                previous.kind = MentionKind::Institution;
                continue;
            }
            out.push(GovernmentMention {
                span,
                iso3: iso3.clone(),
                kind: *kind,
            });
        }
        if !self.given_names.is_empty() {
            let starts: BTreeSet<usize> = out.iter().map(|m| m.span.start).collect();
            out.retain(|m| !self.is_given_name_use(text, m, &starts));
        }
        out
    }

    /// True when a mention such as "Chad" is followed by one space and a capitalised word
    /// that starts no other mention ("Chad Bown"), so it is a person's name.
    fn is_given_name_use(
        &self,
        text: &str,
        mention: &GovernmentMention,
        starts: &BTreeSet<usize>,
    ) -> bool {
        if mention.kind != MentionKind::Name || !self.given_names.contains(mention.span.slice(text))
        {
            return false;
        }
        let next = mention.span.end + 1;
        let after = text.get(mention.span.end..).unwrap_or_default();
        let mut chars = after.chars();
        chars.next() == Some(' ')
            && chars.next().is_some_and(char::is_uppercase)
            && !starts.contains(&next)
    }

    /// Every known phrase with its government and kind, in no particular order (for
    /// building sets and bounds; [`Governments::find_in`] scans text with them).
    pub fn phrases(&self) -> impl Iterator<Item = (&str, &str, MentionKind)> {
        self.phrases
            .iter()
            .map(|(phrase, (iso3, kind))| (phrase.as_str(), iso3.as_str(), *kind))
    }
}

/// True when `text[start..end]` is empty or only whitespace.
fn is_blank(text: &str, start: usize, end: usize) -> bool {
    text.get(start..end)
        .is_some_and(|between| between.chars().all(char::is_whitespace))
}

/// Every phrase that names `government`, with its kind: the listed ones without a leading
/// "the", their curly-apostrophe spellings, plurals of demonyms ("Americans"), and the
/// institutions derived from `patterns` ("Japanese Foreign Ministry"). Listed phrases come
/// first, so their kind wins over a derived one.
fn phrases_of(
    government: &Government,
    patterns: &[InstitutionPattern<'_>],
) -> Vec<(String, MentionKind)> {
    let kinds = [
        (MentionKind::Name, std::slice::from_ref(&government.name)),
        (MentionKind::Name, government.official_name.as_slice()),
        (MentionKind::Name, government.aliases.as_slice()),
        (MentionKind::Demonym, government.demonyms.as_slice()),
        (MentionKind::Capital, government.capitals.as_slice()),
        (MentionKind::Institution, government.institutions.as_slice()),
    ];
    let mut out = Vec::new();
    for (kind, list) in kinds {
        for phrase in list {
            let phrase = strip_article(phrase.trim());
            let plural = (kind == MentionKind::Demonym)
                .then(|| plural_of(phrase))
                .flatten();
            let forms = std::iter::once(phrase.to_owned()).chain(plural);
            for form in forms {
                out.extend(with_apostrophe_variants(&form).map(|variant| (variant, kind)));
            }
        }
    }
    let names: Vec<&String> = std::iter::once(&government.name)
        .chain(&government.aliases)
        .collect();
    for pattern in patterns {
        let fillers: &[&String] = match pattern.placeholder {
            Placeholder::Demonym => &government.demonyms.iter().collect::<Vec<_>>(),
            Placeholder::Name => &names,
        };
        for filler in fillers {
            let phrase = pattern.fill(strip_article(filler.trim()));
            out.extend(
                with_apostrophe_variants(strip_article(&phrase))
                    .map(|variant| (variant, MentionKind::Institution)),
            );
        }
    }
    out
}

/// What an institution pattern's placeholder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placeholder {
    /// `{demonym}`: each of the government's demonyms.
    Demonym,
    /// `{name}`: the short name and each alias.
    Name,
}

/// An institution pattern ("{demonym} Foreign Ministry") cut at its placeholder once, so that
/// filling it for every government is a concatenation, not a search.
#[derive(Debug)]
struct InstitutionPattern<'a> {
    placeholder: Placeholder,
    /// The text around the placeholder (one more piece than placeholders).
    pieces: Vec<&'a str>,
}

impl<'a> InstitutionPattern<'a> {
    /// The pattern cut at `{demonym}` (or, when it has none, at `{name}`); none when it has
    /// neither.
    fn parse(pattern: &'a str) -> Option<Self> {
        let (placeholder, marker) = if pattern.contains("{demonym}") {
            (Placeholder::Demonym, "{demonym}")
        } else if pattern.contains("{name}") {
            (Placeholder::Name, "{name}")
        } else {
            return None;
        };
        Some(Self {
            placeholder,
            pieces: pattern.split(marker).collect(),
        })
    }

    /// The pattern with every placeholder replaced by `filler`.
    fn fill(&self, filler: &str) -> String {
        self.pieces.join(filler)
    }
}

/// The plural noun of a demonym that takes one ("American" -> "Americans", "Thai" ->
/// "Thais"); none for adjectives that are also mass nouns ("Chinese", "British", "Swiss").
fn plural_of(demonym: &str) -> Option<String> {
    let last = demonym.chars().next_back()?;
    let no_plural = !last.is_ascii_lowercase()
        || ["s", "sh", "ch", "ese", "y", "x", "z", "ois"]
            .iter()
            .any(|ending| demonym.ends_with(ending));
    (!no_plural).then(|| format!("{demonym}s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso3_of(phrase: &str) -> Option<&'static str> {
        Governments::bundled()
            .lookup(phrase)
            .map(|(government, _)| government.iso3.as_str())
    }

    /// (matched text, iso3, kind) for every mention in `text`.
    fn mentions(text: &str) -> Vec<(&str, String, MentionKind)> {
        Governments::bundled()
            .find_in(text)
            .into_iter()
            .map(|m| (m.span.slice(text), m.iso3, m.kind))
            .collect()
    }

    #[test]
    fn bundled_registry_parses_and_resolves_metonyms() {
        let registry = Governments::bundled();
        assert!(registry.len() >= 2);
        let (china, kind) = registry.lookup("Beijing").expect("Beijing known");
        assert_eq!(china.iso3, "CHN");
        assert_eq!(kind, MentionKind::Capital);
        let (russia, _) = registry.lookup("the Kremlin").expect("Kremlin known");
        assert_eq!(russia.iso3, "RUS");
        assert!(registry.lookup("china").is_none());
    }

    #[test]
    fn every_un_member_observer_taiwan_and_kosovo_is_listed_with_valid_codes() {
        let registry = Governments::bundled();
        assert_eq!(registry.len(), 197, "193 UN members + VAT, PSE, TWN, XKX");
        for code in ["VAT", "PSE", "TWN", "XKX"] {
            assert!(registry.get(code).is_some(), "{code} missing");
        }
        let mut iso2 = std::collections::BTreeSet::new();
        for government in registry.iter() {
            let upper = |code: &str, len: usize| {
                code.len() == len && code.bytes().all(|b| b.is_ascii_uppercase())
            };
            assert!(upper(&government.iso3, 3), "bad iso3 {:?}", government.iso3);
            assert!(
                upper(&government.iso2, 2),
                "bad iso2 for {}",
                government.iso3
            );
            assert!(
                iso2.insert(government.iso2.clone()),
                "iso2 {} twice",
                government.iso2
            );
            assert_eq!(
                registry.by_name(&government.name).map(|g| &g.iso3),
                Some(&government.iso3)
            );
        }
    }

    #[test]
    fn gold_short_names_resolve_by_name_and_sort() {
        let registry = Governments::bundled();
        let gold = [
            ("China", "CHN"),
            ("Japan", "JPN"),
            ("South Korea", "KOR"),
            ("United States", "USA"),
            ("Russia", "RUS"),
            ("United Kingdom", "GBR"),
            ("India", "IND"),
            ("Malaysia", "MYS"),
            ("Israel", "ISR"),
            ("Palestine", "PSE"),
            ("Jordan", "JOR"),
            ("France", "FRA"),
            ("Austria", "AUT"),
            ("Vietnam", "VNM"),
            ("Afghanistan", "AFG"),
            ("Australia", "AUS"),
            ("Iran", "IRN"),
        ];
        for (name, iso3) in gold {
            assert_eq!(registry.by_name(name).map(|g| g.iso3.as_str()), Some(iso3));
        }
        assert!(registry.by_name("Chinese").is_none());
        let names: Vec<&str> = registry.iter_by_name().map(|g| g.name.as_str()).collect();
        assert_eq!(names.len(), registry.len());
        assert!(names.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn phrase_naming_two_governments_is_rejected() {
        let source = r#"(governments: [
            (iso3: "AAA", name: "Alpha", demonyms: ["Korean"]),
            (iso3: "BBB", name: "Beta", demonyms: ["Korean"]),
        ])"#;
        match Governments::from_ron(source) {
            Err(GovernmentsError::Collision {
                phrase,
                first,
                second,
            }) => {
                assert_eq!(
                    (phrase.as_str(), first.as_str(), second.as_str()),
                    ("Korean", "AAA", "BBB")
                );
            }
            other => panic!("expected a collision, got {other:?}"),
        }
        let same_name =
            r#"(governments: [(iso3: "AAA", name: "Alpha"), (iso3: "BBB", name: "Alpha")])"#;
        assert!(matches!(
            Governments::from_ron(same_name),
            Err(GovernmentsError::Collision { .. } | GovernmentsError::DuplicateName { .. })
        ));
        let same_code =
            r#"(governments: [(iso3: "AAA", name: "Alpha"), (iso3: "AAA", name: "Beta")])"#;
        assert!(matches!(
            Governments::from_ron(same_code),
            Err(GovernmentsError::DuplicateCode { .. })
        ));
    }

    #[test]
    fn not_mentions_never_shadow_a_government_phrase() {
        let file: RegistryFile = ron::from_str(BUNDLED).expect("bundled file parses");
        for phrase in &file.not_mentions {
            assert!(
                iso3_of(phrase).is_none(),
                "{phrase:?} is both a phrase and a not-mention"
            );
        }
    }

    #[test]
    fn metonyms_and_institutions_resolve() {
        let cases = [
            ("Beijing", "CHN"),
            ("Zhongnanhai", "CHN"),
            ("Chinese Foreign Ministry", "CHN"),
            (
                "Ministry of Foreign Affairs of the People's Republic of China",
                "CHN",
            ),
            (
                "Ministry of Foreign Affairs of the People\u{2019}s Republic of China",
                "CHN",
            ),
            ("PRC", "CHN"),
            ("Tokyo", "JPN"),
            ("Kantei", "JPN"),
            ("Kasumigaseki", "JPN"),
            ("Seoul", "KOR"),
            ("ROK", "KOR"),
            ("the Blue House", "KOR"),
            ("Pyongyang", "PRK"),
            ("DPRK", "PRK"),
            ("North Korea", "PRK"),
            ("North Korean", "PRK"),
            ("Moscow", "RUS"),
            ("The Kremlin", "RUS"),
            ("Washington", "USA"),
            ("the White House", "USA"),
            ("the Pentagon", "USA"),
            ("State Department", "USA"),
            ("U.S.", "USA"),
            ("Americans", "USA"),
            ("London", "GBR"),
            ("Downing Street", "GBR"),
            ("Whitehall", "GBR"),
            ("Foreign Office", "GBR"),
            ("Britain", "GBR"),
            ("British", "GBR"),
            ("Paris", "FRA"),
            ("the Elysee", "FRA"),
            ("Élysée", "FRA"),
            ("Quai d'Orsay", "FRA"),
            ("Quai d\u{2019}Orsay", "FRA"),
            ("Kyiv", "UKR"),
            ("Kiev", "UKR"),
            ("New Delhi", "IND"),
            ("South Block", "IND"),
            ("Tehran", "IRN"),
            ("Jerusalem", "ISR"),
            ("Ramallah", "PSE"),
            ("Palestinian Authority", "PSE"),
            ("Amman", "JOR"),
            ("Hanoi", "VNM"),
            ("Canberra", "AUS"),
            ("Kabul", "AFG"),
            ("Vienna", "AUT"),
            ("Bundeskanzleramt", "DEU"),
            ("UAE", "ARE"),
            ("Emirati", "ARE"),
            ("Filipino", "PHL"),
            ("Philippine", "PHL"),
            ("Holy See", "VAT"),
            ("Taipei", "TWN"),
            ("Pristina", "XKX"),
            ("South\nKorean  Foreign\u{a0}Ministry", "KOR"),
            ("Ivory Coast", "CIV"),
            ("Côte d'Ivoire", "CIV"),
            ("DRC", "COD"),
            ("Brazzaville", "COG"),
        ];
        for (phrase, iso3) in cases {
            assert_eq!(iso3_of(phrase), Some(iso3), "{phrase}");
        }
        let (_, kind) = Governments::bundled()
            .lookup("the Kremlin")
            .expect("Kremlin known");
        assert_eq!(kind, MentionKind::Institution);
    }

    #[test]
    fn institutions_are_derived_from_patterns() {
        let registry = Governments::bundled();
        for (phrase, iso3) in [
            ("the Japanese Foreign Ministry", "JPN"),
            ("South Korean Foreign Ministry", "KOR"),
            ("Austrian Interior Ministry", "AUT"),
            ("French Foreign Ministry", "FRA"),
            ("Chinese Embassy", "CHN"),
            ("U.S. government", "USA"),
            ("Russia\u{2019}s Foreign Ministry", "RUS"),
            ("Government of India", "IND"),
        ] {
            let (government, kind) = registry.lookup(phrase).expect(phrase);
            assert_eq!(
                (government.iso3.as_str(), kind),
                (iso3, MentionKind::Institution)
            );
        }
        let text = "the Chinese Embassy in Washington said, and Britain's Foreign Office agreed";
        let found: Vec<&str> = registry
            .find_in(text)
            .iter()
            .map(|m| m.span.slice(text))
            .collect();
        assert_eq!(
            found,
            ["Chinese Embassy", "Washington", "Britain's Foreign Office"]
        );
    }

    #[test]
    fn qualified_institutions_merge_and_given_names_are_not_countries() {
        use MentionKind::{Institution, Name};
        let text = "The Australian Department of Defense and the US Department of State agreed. \
                    Chad Bown and Israel Katz spoke; Chad and Jordan did too. Jordan Israel talks. \
                    Polish American voters.";
        let found: Vec<(&str, String, MentionKind)> = Governments::bundled()
            .find_in(text)
            .into_iter()
            .map(|m| (m.span.slice(text), m.iso3, m.kind))
            .collect();
        let found: Vec<(&str, &str, MentionKind)> =
            found.iter().map(|(t, i, k)| (*t, i.as_str(), *k)).collect();
        assert_eq!(
            found,
            vec![
                ("Australian Department of Defense", "AUS", Institution),
                ("US Department of State", "USA", Institution),
                ("Chad", "TCD", Name),
                ("Jordan", "JOR", Name),
                ("Jordan", "JOR", Name),
                ("Israel", "ISR", Name),
            ]
        );
    }

    #[test]
    fn ambiguous_bare_forms_are_not_listed() {
        for phrase in [
            "Korean",
            "Congolese",
            "Guinean",
            "Dominican",
            "Congo",
            "Central African",
            "Foreign Ministry",
            "MOFA",
            "turkey",
            "us",
        ] {
            assert_eq!(iso3_of(phrase), None, "{phrase}");
        }
        assert_eq!(iso3_of("South Korean"), Some("KOR"));
        assert_eq!(iso3_of("Equatorial Guinean"), Some("GNQ"));
    }

    #[test]
    fn find_in_handles_possessives_hyphens_and_abbreviations() {
        use MentionKind::{Capital, Demonym, Institution, Name};
        let s = |text: &str, iso3: &str, kind| (text.to_owned(), iso3.to_owned(), kind);
        let owned = |text: &str| -> Vec<(String, String, MentionKind)> {
            mentions(text)
                .into_iter()
                .map(|(t, i, k)| (t.to_owned(), i, k))
                .collect()
        };
        assert_eq!(
            owned("The Kremlin said China's stance on U.S.-China ties was clear."),
            vec![
                s("Kremlin", "RUS", Institution),
                s("China", "CHN", Name),
                s("U.S.", "USA", Name),
                s("China", "CHN", Name),
            ]
        );
        assert_eq!(
            owned("A USB stick on the bus; the US and the UK's Foreign Office."),
            vec![
                s("US", "USA", Name),
                s("UK's Foreign Office", "GBR", Institution)
            ]
        );
        assert_eq!(
            owned("Indo-Chinese trade; South Korean and North Korean envoys met in Seoul."),
            vec![
                s("Chinese", "CHN", Demonym),
                s("South Korean", "KOR", Demonym),
                s("North Korean", "PRK", Demonym),
                s("Seoul", "KOR", Capital),
            ]
        );
        assert_eq!(
            owned(
                "Patrols in the South China Sea and the Taiwan Strait angered Beijing\u{2019}s leaders."
            ),
            vec![s("Beijing", "CHN", Capital)]
        );
        assert_eq!(
            owned("The People\u{2019}s Republic of China and the Republic of China (Taiwan)."),
            vec![
                s("People\u{2019}s Republic of China", "CHN", Name),
                s("Republic of China (Taiwan)", "TWN", Name),
            ]
        );
        assert_eq!(
            owned("Latin American and Native American leaders, and Americans."),
            vec![s("Americans", "USA", Demonym)]
        );
        assert!(mentions("china and turkey, usb").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn find_in_spans_are_ordered_disjoint_and_resolve(text in "\\PC{0,200}") {
            let registry = Governments::bundled();
            let found = registry.find_in(&text);
            let mut last_end = 0;
            for mention in &found {
                proptest::prop_assert!(mention.span.start >= last_end);
                proptest::prop_assert!(text.get(mention.span.start..mention.span.end).is_some());
                let (government, _) = registry
                    .lookup(mention.span.slice(&text))
                    .ok_or_else(|| proptest::test_runner::TestCaseError::fail("unknown phrase"))?;
                proptest::prop_assert_eq!(&government.iso3, &mention.iso3);
                last_end = mention.span.end;
            }
        }

        #[test]
        fn names_are_found_in_generated_sentences(
            index in 0usize..197,
            before in "[a-z ,]{0,20}",
            after in "[a-z ,.]{0,20}",
        ) {
            let registry = Governments::bundled();
            let government = registry.iter().nth(index).ok_or_else(|| {
                proptest::test_runner::TestCaseError::fail("index out of range")
            })?;
            let text = format!("{before} {}'s {after}", government.name);
            let found = registry.find_in(&text);
            proptest::prop_assert!(found.iter().any(|m| m.iso3 == government.iso3));
        }
    }

    #[test]
    fn find_in_reports_byte_spans_in_multibyte_text() {
        let text = "“Élysée” — Guinea-Bissau’s and Papua New Guinea’s envoys";
        let found = Governments::bundled().find_in(text);
        let codes: Vec<&str> = found.iter().map(|m| m.iso3.as_str()).collect();
        assert_eq!(codes, ["FRA", "GNB", "PNG"]);
        assert_eq!(found[0].span.slice(text), "Élysée");
        assert_eq!(found[2].span.slice(text), "Papua New Guinea");
    }
}
