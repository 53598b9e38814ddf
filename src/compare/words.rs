//! Normalised word keys of a short text, shared by the near-duplicate index and group pairing.

use super::lexicon::is_stop_word;
use super::normalise::{AliasTable, TokenKind, tokenise};
use super::options::{CompareOptions, Granularity};

/// The normalised words of `text` (default normalisation, no aliases), in order.
pub(crate) fn words(text: &str) -> Vec<String> {
    let options = CompareOptions::default();
    tokenise(text, &options, &AliasTable::default(), Granularity::Word)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.key)
        .collect()
}

/// The sorted, deduplicated content words of `text` (all words if it has no content word).
pub(crate) fn content_words(text: &str) -> Vec<String> {
    let all = words(text);
    let mut content: Vec<String> = all.iter().filter(|w| !is_stop_word(w)).cloned().collect();
    if content.is_empty() {
        content = all;
    }
    content.sort();
    content.dedup();
    content
}

/// FNV-1a: a fast, stable hash (the same on every run and machine).
pub(crate) fn fnv(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Number of words in `text` (Unicode word boundaries; each Chinese character counts as
/// one, since Chinese does not separate words).
pub(crate) fn count_words(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.unicode_words().count()
}
