//! Word lists the comparison relies on, kept as data in `assets/compare_lexicon.ron` and parsed once.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use serde::Deserialize;

/// The parsed lexicon.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Lexicon {
    /// Words before a period that do not end a sentence.
    pub abbreviations: BTreeSet<String>,
    /// Abbreviations only when a number follows.
    pub number_abbreviations: BTreeSet<String>,
    /// Low-content words.
    pub stop_words: BTreeSet<String>,
}

const SOURCE: &str = include_str!("../../assets/compare_lexicon.ron");

/// The lexicon, parsed on first use. A broken file (caught by the unit test) gives empty lists.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| ron::from_str(SOURCE).unwrap_or_default())
}

/// True for a low-content word (already normalised: lowercase, NFKC).
pub(crate) fn is_stop_word(word: &str) -> bool {
    lexicon().stop_words.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses() {
        let parsed: Lexicon = ron::from_str(SOURCE).expect("assets/compare_lexicon.ron parses");
        assert!(parsed.abbreviations.contains("mr"));
        assert!(parsed.number_abbreviations.contains("no"));
        assert!(is_stop_word("the"));
        assert!(!is_stop_word("territory"));
    }
}
