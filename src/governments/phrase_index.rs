//! A fast exact-phrase scanner for running text, shared by the government and organisation
//! registries: phrases are indexed by their first word, and the text is walked once, word by
//! word, trying only the phrases that start with the word at hand (longest first).
//!
//! Words are maximal runs of alphanumeric characters, so hyphens, apostrophes and dots are
//! boundaries: "US" is not found inside "USB", "China" is found in "China's" and "U.S.-China".
//! Matching is case-sensitive and a match never overlaps an earlier one.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::Span;

/// FNV-1a: the keys are short words, for which it is several times faster than SipHash. The
/// keys come from bundled data, not from an adversary, so flooding is not a concern.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// One phrase and what it stands for; `None` marks a blocker (a longer phrase such as
/// "South China Sea" that must be consumed without producing a mention).
#[derive(Debug, Clone)]
struct Entry<V> {
    phrase: Box<str>,
    value: Option<V>,
}

/// Phrases indexed by first word, for [`PhraseIndex::find_in`].
#[derive(Debug, Clone)]
pub struct PhraseIndex<V> {
    /// First word -> entries starting with it, longest phrase first.
    by_first_word: FnvMap<Box<str>, Vec<Entry<V>>>,
    /// True for every byte that starts some first word: a cheap filter before hashing.
    first_bytes: [bool; 256],
}

impl<V: Clone> PhraseIndex<V> {
    /// Builds the index from phrases with values and blocker phrases. Empty phrases and
    /// phrases that do not start with a letter or digit are ignored; when a phrase is given
    /// twice, the first value wins, and a blocker loses to a real phrase.
    pub fn new<'a>(
        phrases: impl IntoIterator<Item = (&'a str, V)>,
        blockers: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut by_first_word: FnvMap<Box<str>, Vec<Entry<V>>> = FnvMap::default();
        let mut first_bytes = [false; 256];
        let all = phrases
            .into_iter()
            .map(|(phrase, value)| (phrase, Some(value)))
            .chain(blockers.into_iter().map(|phrase| (phrase, None)));
        for (phrase, value) in all {
            let first = first_word(phrase);
            let Some(&byte) = first.as_bytes().first() else {
                continue;
            };
            let list = by_first_word.entry(first.into()).or_default();
            if list.iter().any(|entry| &*entry.phrase == phrase) {
                continue;
            }
            first_bytes[usize::from(byte)] = true;
            // Keep each list longest first, so the first match found is the longest.
            let at = list.partition_point(|entry| entry.phrase.len() >= phrase.len());
            list.insert(
                at,
                Entry {
                    phrase: phrase.into(),
                    value,
                },
            );
        }
        Self {
            by_first_word,
            first_bytes,
        }
    }

    /// Every non-overlapping occurrence of a phrase in `text`, left to right, preferring the
    /// longest phrase at each position. Blockers are consumed but not returned.
    #[must_use]
    pub fn find_in(&self, text: &str) -> Vec<(Span, &V)> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut pos = 0;
        let mut prev_is_word = false;
        while let Some(&byte) = bytes.get(pos) {
            let (is_word, width) = char_at(text, pos, byte);
            if !is_word || prev_is_word {
                prev_is_word = is_word;
                pos += width;
                continue;
            }
            let word_end = word_end(text, pos);
            match self.match_at(text, pos, word_end) {
                Some(entry) => {
                    let end = pos + entry.phrase.len();
                    if let Some(value) = &entry.value {
                        out.push((Span::new(pos, end), value));
                    }
                    prev_is_word = entry.phrase.chars().next_back().is_some_and(is_word_char);
                    pos = end;
                }
                None => {
                    prev_is_word = true;
                    pos = word_end;
                }
            }
        }
        out
    }

    /// The longest entry that starts at `start` (a word start whose word ends at `word_end`)
    /// and ends on a word boundary.
    fn match_at(&self, text: &str, start: usize, word_end: usize) -> Option<&Entry<V>> {
        let first = *text.as_bytes().get(start)?;
        if !self.first_bytes[usize::from(first)] {
            return None;
        }
        let word = text.get(start..word_end)?;
        let candidates = self.by_first_word.get(word)?;
        let rest = text.get(start..)?;
        candidates.iter().find(|entry| {
            rest.starts_with(&*entry.phrase) && ends_on_boundary(rest, entry.phrase.len())
        })
    }
}

/// The phrase without a leading "the " or "The " (registries and lookups ignore it).
#[must_use]
pub fn strip_article(phrase: &str) -> &str {
    phrase
        .strip_prefix("the ")
        .or_else(|| phrase.strip_prefix("The "))
        .unwrap_or(phrase)
}

/// The phrase, and its spelling with typographic apostrophes when it has straight ones, so
/// that "People's" in a registry also finds "People’s" in text.
pub fn with_apostrophe_variants(phrase: &str) -> impl Iterator<Item = String> + use<> {
    let curly = phrase
        .contains('\'')
        .then(|| phrase.replace('\'', "\u{2019}"));
    std::iter::once(phrase.to_owned()).chain(curly)
}

/// True for characters that make up words.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether the char at byte `pos` is a word char, and its width in bytes.
fn char_at(text: &str, pos: usize, byte: u8) -> (bool, usize) {
    if byte.is_ascii() {
        return (byte.is_ascii_alphanumeric(), 1);
    }
    match text.get(pos..).and_then(|rest| rest.chars().next()) {
        Some(c) => (is_word_char(c), c.len_utf8()),
        None => (false, 1),
    }
}

/// The byte offset where the word starting at `start` ends.
fn word_end(text: &str, start: usize) -> usize {
    let Some(rest) = text.get(start..) else {
        return text.len();
    };
    rest.char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| start + i)
}

/// A phrase of `len` bytes at the start of `rest` ends on a boundary when it ends with a
/// non-word char ("U.S.") or the next char is not a word char.
fn ends_on_boundary(rest: &str, len: usize) -> bool {
    let Some(phrase) = rest.get(..len) else {
        return false;
    };
    if !phrase.chars().next_back().is_some_and(is_word_char) {
        return true;
    }
    !rest
        .get(len..)
        .and_then(|after| after.chars().next())
        .is_some_and(is_word_char)
}

/// The first word of a phrase ("U" for "U.S.", "People" for "People's Republic of China").
fn first_word(phrase: &str) -> &str {
    let end = phrase
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(phrase.len(), |(i, _)| i);
    &phrase[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(index: &PhraseIndex<u8>, text: &'t str) -> Vec<(&'t str, u8)> {
        index
            .find_in(text)
            .into_iter()
            .map(|(span, value)| (span.slice(text), *value))
            .collect()
    }

    #[test]
    fn prefers_longest_and_respects_boundaries() {
        let index = PhraseIndex::new(
            [
                ("US", 1),
                ("U.S.", 1),
                ("China", 2),
                ("South Korea", 3),
                ("Korea", 4),
            ],
            ["South China Sea"],
        );
        assert_eq!(
            found(
                &index,
                "U.S.-China talks; USB, bus, US's; South Korea and Korea."
            ),
            vec![
                ("U.S.", 1),
                ("China", 2),
                ("US", 1),
                ("South Korea", 3),
                ("Korea", 4)
            ]
        );
        assert_eq!(
            found(&index, "in the South China Sea, China's"),
            vec![("China", 2)]
        );
        assert!(found(&index, "Chinas Koreans").is_empty());
    }

    #[test]
    fn handles_non_ascii_boundaries() {
        let index = PhraseIndex::new([("Élysée", 1), ("China", 2)], []);
        assert_eq!(
            found(&index, "“China” l’Élysée Élyséen 中China"),
            vec![("China", 2), ("Élysée", 1)]
        );
    }
}
