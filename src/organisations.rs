//! The registry of intergovernmental organisations and groupings (UN and its agencies, EU,
//! NATO, ASEAN, APEC, the Arab League, G7 ...), loaded once from `assets/organisations.ron`, so
//! that statements by "the Security Council" or "Brussels" are told apart from any one
//! government's.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::governments::phrase_index::{
    PhraseIndex, normalise_spaces, strip_article, with_apostrophe_variants,
};
use crate::text::Span;

/// One organisation as described in the registry file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// Short stable id ("UN", "EU", "IAEA").
    pub id: String,
    /// Common English name ("United Nations").
    pub name: String,
    /// Other names and abbreviations ("UN", "U.N.", "the world body").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Organs, offices, heads and seats used as metonyms ("Security Council", "Brussels").
    #[serde(default)]
    pub bodies: Vec<String>,
    /// The id of the family it belongs to ("UN" for UN agencies, "EU" for the ECB).
    #[serde(default)]
    pub parent: Option<String>,
}

/// How a phrase named an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OrganisationMentionKind {
    /// Its name, an alias or an abbreviation.
    Name,
    /// One of its bodies or seats.
    Body,
}

/// One mention of an organisation in running text, found by [`Organisations::find_in`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OrganisationMention {
    /// The matched phrase, without a leading "the".
    pub span: Span,
    /// The organisation's id.
    pub id: String,
    /// How the phrase names it.
    pub kind: OrganisationMentionKind,
}

/// Errors reading an organisation registry.
#[derive(Debug, thiserror::Error)]
pub enum OrganisationsError {
    /// The RON did not parse.
    #[error("could not read the organisation registry: {source}")]
    Parse {
        /// The parser's error, with line and column.
        #[from]
        source: ron::error::SpannedError,
    },
    /// Two entries share an id.
    #[error("organisation registry lists the id {id:?} twice")]
    DuplicateId {
        /// The repeated id.
        id: String,
    },
    /// One phrase would name two organisations.
    #[error("the phrase {phrase:?} names both {first} and {second} in the organisation registry")]
    Collision {
        /// The phrase (after removing a leading "the").
        phrase: String,
        /// The id of the organisation listed first.
        first: String,
        /// The id of the other organisation.
        second: String,
    },
}

/// The file format of `assets/organisations.ron`.
#[derive(Debug, Clone, Deserialize)]
struct RegistryFile {
    organisations: Vec<Organisation>,
    /// Longer phrases that contain an organisation phrase but name something else
    /// ("National Security Council").
    #[serde(default)]
    not_mentions: Vec<String>,
}

/// The loaded registry with an index from every known phrase to its organisation.
#[derive(Debug, Clone)]
pub struct Organisations {
    by_id: BTreeMap<String, Organisation>,
    /// Phrase (case as written, with "the " removed) -> (id, kind).
    phrases: BTreeMap<String, (String, OrganisationMentionKind)>,
    index: PhraseIndex<(String, OrganisationMentionKind)>,
}

const BUNDLED: &str = include_str!("../assets/organisations.ron");

impl Organisations {
    /// The registry bundled with the program, parsed once.
    ///
    /// # Panics
    /// Never in a released build: the bundled file is checked by a unit test.
    #[must_use]
    pub fn bundled() -> &'static Self {
        static REGISTRY: OnceLock<Organisations> = OnceLock::new();
        REGISTRY.get_or_init(|| {
            #[allow(clippy::expect_used)]
            Self::from_ron(BUNDLED).expect("bundled assets/organisations.ron is valid")
        })
    }

    /// Parses a registry in the format of `assets/organisations.ron`.
    ///
    /// # Errors
    /// [`OrganisationsError::Parse`] when the RON is malformed; `DuplicateId` or `Collision`
    /// when two entries share an id or a phrase.
    pub fn from_ron(source: &str) -> Result<Self, OrganisationsError> {
        let file: RegistryFile = ron::from_str(source)?;
        let mut by_id = BTreeMap::new();
        let mut phrases: BTreeMap<String, (String, OrganisationMentionKind)> = BTreeMap::new();
        for organisation in file.organisations {
            let id = organisation.id.clone();
            let kinds = [
                (
                    OrganisationMentionKind::Name,
                    std::slice::from_ref(&organisation.name),
                ),
                (
                    OrganisationMentionKind::Name,
                    organisation.aliases.as_slice(),
                ),
                (
                    OrganisationMentionKind::Body,
                    organisation.bodies.as_slice(),
                ),
            ];
            for (kind, list) in kinds {
                for phrase in list
                    .iter()
                    .flat_map(|phrase| with_apostrophe_variants(strip_article(phrase.trim())))
                {
                    match phrases.get(&phrase) {
                        Some((other, _)) if *other != id => {
                            return Err(OrganisationsError::Collision {
                                phrase,
                                first: other.clone(),
                                second: id,
                            });
                        }
                        Some(_) => {}
                        None => {
                            phrases.insert(phrase, (id.clone(), kind));
                        }
                    }
                }
            }
            if by_id.insert(id.clone(), organisation).is_some() {
                return Err(OrganisationsError::DuplicateId { id });
            }
        }
        let blockers: Vec<String> = file
            .not_mentions
            .iter()
            .flat_map(|phrase| with_apostrophe_variants(strip_article(phrase)))
            .collect();
        let index = PhraseIndex::new(
            phrases
                .iter()
                .map(|(phrase, value)| (phrase.as_str(), value.clone())),
            blockers.iter().map(String::as_str),
        );
        Ok(Self {
            by_id,
            phrases,
            index,
        })
    }

    /// The organisation with this id ("UN").
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Organisation> {
        self.by_id.get(id)
    }

    /// All organisations, ordered by id.
    pub fn iter(&self) -> impl Iterator<Item = &Organisation> {
        self.by_id.values()
    }

    /// Number of organisations.
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// True when the registry is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The organisation a phrase names exactly ("U.N.", "the world body", "Brussels"). A
    /// leading "the " is ignored; case must match as written in the registry.
    #[must_use]
    pub fn lookup(&self, phrase: &str) -> Option<&Organisation> {
        self.lookup_with_kind(phrase).map(|(found, _)| found)
    }

    /// Like [`Self::lookup`], also telling whether the phrase is a name or a body.
    #[must_use]
    pub fn lookup_with_kind(
        &self,
        phrase: &str,
    ) -> Option<(&Organisation, OrganisationMentionKind)> {
        let (id, kind) = self
            .phrases
            .get(strip_article(&normalise_spaces(phrase.trim())))?;
        Some((self.by_id.get(id)?, *kind))
    }

    /// Every mention of an organisation in running text, left to right, never overlapping,
    /// longest phrase first, case-sensitive on word boundaries (see
    /// [`crate::governments::Governments::find_in`] for the rules).
    #[must_use]
    pub fn find_in(&self, text: &str) -> Vec<OrganisationMention> {
        self.index
            .find_in(text)
            .into_iter()
            .map(|(span, (id, kind))| OrganisationMention {
                span,
                id: id.clone(),
                kind: *kind,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_of(phrase: &str) -> Option<&'static str> {
        Organisations::bundled()
            .lookup(phrase)
            .map(|found| found.id.as_str())
    }

    fn mentions(text: &str) -> Vec<(&str, String)> {
        Organisations::bundled()
            .find_in(text)
            .into_iter()
            .map(|m| (m.span.slice(text), m.id))
            .collect()
    }

    #[test]
    fn bundled_registry_has_unique_ids_and_known_parents() {
        let registry = Organisations::bundled();
        assert!(registry.len() >= 40);
        for organisation in registry.iter() {
            assert!(!organisation.id.is_empty() && !organisation.name.is_empty());
            if let Some(parent) = &organisation.parent {
                assert!(registry.get(parent).is_some(), "unknown parent {parent}");
            }
        }
        let file: RegistryFile = ron::from_str(BUNDLED).expect("bundled file parses");
        for phrase in &file.not_mentions {
            assert!(
                id_of(phrase).is_none(),
                "{phrase:?} is both a phrase and a not-mention"
            );
        }
    }

    #[test]
    fn names_aliases_and_bodies_resolve() {
        let cases = [
            ("United Nations", "UN"),
            ("UN", "UN"),
            ("U.N.", "UN"),
            ("the world body", "UN"),
            ("Security Council", "UN"),
            ("UN Secretary-General", "UN"),
            ("UNHCR", "UNHCR"),
            ("WHO", "WHO"),
            ("IAEA", "IAEA"),
            ("European Union", "EU"),
            ("EU", "EU"),
            ("European Commission", "EU"),
            ("Brussels", "EU"),
            ("NATO", "NATO"),
            ("ASEAN", "ASEAN"),
            ("APEC", "APEC"),
            ("Arab League", "LAS"),
            ("African Union", "AU"),
            ("OPEC", "OPEC"),
            ("G7", "G7"),
            ("G-20", "G20"),
            ("OSCE", "OSCE"),
            ("Interpol", "Interpol"),
            ("World Bank", "WBG"),
            ("IMF", "IMF"),
            ("WTO", "WTO"),
            ("International Criminal Court", "ICC"),
            ("ICJ", "ICJ"),
            ("United Nations Children\u{2019}s Fund", "UNICEF"),
        ];
        for (phrase, id) in cases {
            assert_eq!(id_of(phrase), Some(id), "{phrase}");
        }
        for phrase in [
            "un",
            "who",
            "ICC",
            "AU",
            "Secretary-General",
            "General Assembly",
        ] {
            assert_eq!(id_of(phrase), None, "{phrase}");
        }
        let (_, kind) = Organisations::bundled()
            .lookup_with_kind("the Security Council")
            .expect("known");
        assert_eq!(kind, OrganisationMentionKind::Body);
    }

    #[test]
    fn find_in_prefers_longest_and_skips_national_councils() {
        let text = "The UN nuclear watchdog told the U.N. Security Council, while the \
                    National Security Council and WHO's chief met EU-NATO envoys; who knew?";
        assert_eq!(
            mentions(text),
            vec![
                ("UN nuclear watchdog", "IAEA".to_owned()),
                ("U.N. Security Council", "UN".to_owned()),
                ("WHO", "WHO".to_owned()),
                ("EU", "EU".to_owned()),
                ("NATO", "NATO".to_owned()),
            ]
        );
    }

    #[test]
    fn phrase_naming_two_organisations_is_rejected() {
        let source = r#"(organisations: [
            (id: "A", name: "Alpha", aliases: ["AB"]),
            (id: "B", name: "Beta", aliases: ["AB"]),
        ])"#;
        assert!(matches!(
            Organisations::from_ron(source),
            Err(OrganisationsError::Collision { .. })
        ));
        let same_id = r#"(organisations: [(id: "A", name: "Alpha"), (id: "A", name: "Beta")])"#;
        assert!(matches!(
            Organisations::from_ron(same_id),
            Err(OrganisationsError::DuplicateId { .. })
        ));
    }
}
