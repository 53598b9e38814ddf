//! The registry of governments (every UN member and observer state, plus Taiwan and Kosovo),
//! loaded once from `assets/governments.ron`: names, ISO codes, demonyms, capitals, seats of
//! government and institutions, so that "Beijing", "the Kremlin" or "Chinese" resolve to a
//! country.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// One government as described in the registry file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Government {
    /// ISO 3166-1 alpha-3 code ("CHN"); Kosovo uses "XKX".
    pub iso3: String,
    /// Common short name ("China", "United States").
    pub name: String,
    /// Other names of the country ("PRC", "People's Republic of China", "U.S.", "America").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Adjectives and nouns of nationality ("Chinese", "American", "U.S.").
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
}

/// The loaded registry with a lookup index from every known phrase to its government.
#[derive(Debug, Clone)]
pub struct Governments {
    by_iso3: BTreeMap<String, Government>,
    /// Phrase (case as written, with "the " removed) -> (iso3, kind).
    phrases: BTreeMap<String, (String, MentionKind)>,
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
    /// [`GovernmentsError::Parse`] when the RON is malformed.
    pub fn from_ron(source: &str) -> Result<Self, GovernmentsError> {
        let file: RegistryFile = ron::from_str(source)?;
        let mut by_iso3 = BTreeMap::new();
        let mut phrases = BTreeMap::new();
        for government in file.governments {
            let iso3 = government.iso3.clone();
            let kinds = [
                (MentionKind::Name, std::slice::from_ref(&government.name)),
                (MentionKind::Name, government.aliases.as_slice()),
                (MentionKind::Demonym, government.demonyms.as_slice()),
                (MentionKind::Capital, government.capitals.as_slice()),
                (MentionKind::Institution, government.institutions.as_slice()),
            ];
            for (kind, list) in kinds {
                for phrase in list {
                    phrases
                        .entry(strip_article(phrase).to_owned())
                        .or_insert_with(|| (iso3.clone(), kind));
                }
            }
            by_iso3.insert(iso3, government);
        }
        Ok(Self { by_iso3, phrases })
    }

    /// The government with this ISO alpha-3 code.
    #[must_use]
    pub fn get(&self, iso3: &str) -> Option<&Government> {
        self.by_iso3.get(iso3)
    }

    /// All governments, ordered by ISO code.
    pub fn iter(&self) -> impl Iterator<Item = &Government> {
        self.by_iso3.values()
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
    /// registry, so "china" (a common noun) is not a country.
    #[must_use]
    pub fn lookup(&self, phrase: &str) -> Option<(&Government, MentionKind)> {
        let (iso3, kind) = self.phrases.get(strip_article(phrase.trim()))?;
        Some((self.by_iso3.get(iso3)?, *kind))
    }

    /// Every known phrase with its government and kind, longest first, for scanners that
    /// look for mentions inside running text.
    #[must_use]
    pub fn phrases_longest_first(&self) -> Vec<(&str, &str, MentionKind)> {
        let mut out: Vec<(&str, &str, MentionKind)> = self
            .phrases
            .iter()
            .map(|(phrase, (iso3, kind))| (phrase.as_str(), iso3.as_str(), *kind))
            .collect();
        out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        out
    }
}

fn strip_article(phrase: &str) -> &str {
    phrase
        .strip_prefix("the ")
        .or_else(|| phrase.strip_prefix("The "))
        .unwrap_or(phrase)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
