//! A fast exact-phrase scanner for running text, shared by the government and organisation
//! registries: phrases are indexed by their first word, and the text is walked once, word by
//! word, trying only the phrases that start with the word at hand (longest first).
//!
//! Words are maximal runs of alphanumeric characters, so hyphens, apostrophes and dots are
//! boundaries: "US" is not found inside "USB", "China" is found in "China's" and "U.S.-China".
//! Matching is case-sensitive, a space in a phrase matches any run of whitespace, and a match
//! never overlaps an earlier one.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
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

/// The entries that share a first word, split by the two bytes that follow it (" F" for
/// "Chinese Foreign Ministry"), so that a word with many derived phrases ("Chinese ...")
/// costs a handful of comparisons. Every list is longest phrase first.
#[derive(Debug, Clone)]
struct Group<V> {
    /// Entries with at least two bytes after the first word, by those two bytes.
    buckets: Vec<([u8; 2], Vec<Entry<V>>)>,
    /// Entries with fewer than two bytes after the first word ("China", "U.S").
    short: Vec<Entry<V>>,
}

impl<V> Default for Group<V> {
    fn default() -> Self {
        Self {
            buckets: Vec::new(),
            short: Vec::new(),
        }
    }
}

impl<V> Group<V> {
    /// The list an entry with this phrase belongs to (created when missing).
    fn list_mut(&mut self, after_first_word: &[u8]) -> &mut Vec<Entry<V>> {
        let [a, b, ..] = *after_first_word else {
            return &mut self.short;
        };
        let at = match self.buckets.iter().position(|(key, _)| *key == [a, b]) {
            Some(at) => at,
            None => {
                self.buckets.push(([a, b], Vec::new()));
                self.buckets.len() - 1
            }
        };
        &mut self.buckets[at].1
    }

    /// Orders every list longest phrase first, keeping the given order among equals.
    fn sort_longest_first(&mut self) {
        let lists = self.buckets.iter_mut().map(|(_, list)| list);
        for list in lists.chain(std::iter::once(&mut self.short)) {
            list.sort_by_key(|entry| std::cmp::Reverse(entry.phrase.len()));
        }
    }

    /// The candidates for text whose first word is followed by bytes with this key (see
    /// [`text_key`]), longest first: the matching bucket, then the short entries (all
    /// shorter than any bucket entry).
    fn candidates<'s>(&'s self, key: &[u8; 2]) -> impl Iterator<Item = &'s Entry<V>> {
        let bucket = self
            .buckets
            .iter()
            .find(|(bucket_key, _)| bucket_key == key)
            .map(|(_, list)| list.as_slice());
        bucket.unwrap_or_default().iter().chain(&self.short)
    }
}

/// Phrases indexed by first word, for [`PhraseIndex::find_in`].
#[derive(Debug, Clone)]
pub struct PhraseIndex<V> {
    /// First word -> entries starting with it.
    by_first_word: FnvMap<Box<str>, Group<V>>,
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
        let mut by_first_word: FnvMap<Box<str>, Group<V>> = FnvMap::default();
        let mut first_bytes = [false; 256];
        let mut seen: HashSet<&str, BuildHasherDefault<Fnv>> = HashSet::default();
        let all = phrases
            .into_iter()
            .map(|(phrase, value)| (phrase, Some(value)))
            .chain(blockers.into_iter().map(|phrase| (phrase, None)));
        for (phrase, value) in all {
            let first = first_word(phrase);
            let Some(&byte) = first.as_bytes().first() else {
                continue;
            };
            if !seen.insert(phrase) {
                continue;
            }
            let after_first_word = phrase.as_bytes().get(first.len()..).unwrap_or_default();
            first_bytes[usize::from(byte)] = true;
            by_first_word
                .entry(first.into())
                .or_default()
                .list_mut(after_first_word)
                .push(Entry {
                    phrase: phrase.into(),
                    value,
                });
        }
        // Each list longest first, so the first match found is the longest; the sort is
        // stable, so phrases of one length keep the order they were given in.
        by_first_word
            .values_mut()
            .for_each(Group::sort_longest_first);
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
                Some((entry, len)) => {
                    let end = pos + len;
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
    /// and ends on a word boundary, with the length it covers in the text (longer than the
    /// phrase when a line break or a run of spaces stands for one of its spaces).
    fn match_at(&self, text: &str, start: usize, word_end: usize) -> Option<(&Entry<V>, usize)> {
        let first = *text.as_bytes().get(start)?;
        if !self.first_bytes[usize::from(first)] {
            return None;
        }
        let word = text.get(start..word_end)?;
        let group = self.by_first_word.get(word)?;
        let rest = text.get(start..)?;
        let after = text.as_bytes().get(word_end..).unwrap_or_default();
        group.candidates(&text_key(after)).find_map(|entry| {
            let len = matched_len(rest, &entry.phrase)?;
            ends_on_boundary(rest, len).then_some((entry, len))
        })
    }
}

/// The phrase with every run of whitespace (line breaks, no-break spaces) made one space,
/// as registries write them.
#[must_use]
pub fn normalise_spaces(phrase: &str) -> Cow<'_, str> {
    let needs_work = phrase
        .split(' ')
        .any(|part| part.is_empty() || part.contains(char::is_whitespace));
    if !needs_work {
        return Cow::Borrowed(phrase);
    }
    Cow::Owned(phrase.split_whitespace().collect::<Vec<_>>().join(" "))
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

/// The bytes of `rest` that `phrase` covers when it starts there, if it does: bytes match
/// exactly, except that each space of the phrase matches any run of whitespace (line breaks
/// of wrapped text, no-break spaces).
fn matched_len(rest: &str, phrase: &str) -> Option<usize> {
    if rest.starts_with(phrase) {
        return Some(phrase.len());
    }
    let text = rest.as_bytes();
    let mut at = 0;
    for &byte in phrase.as_bytes() {
        if byte == b' ' {
            let run = whitespace_run(text.get(at..)?);
            if run == 0 {
                return None;
            }
            at += run;
        } else if text.get(at) == Some(&byte) {
            at += 1;
        } else {
            return None;
        }
    }
    Some(at)
}

/// The two bytes after a word as the buckets of [`Group`] key them, with a run of
/// whitespace read as one space; missing bytes are zero (no phrase has them).
fn text_key(after: &[u8]) -> [u8; 2] {
    let mut key = [0u8; 2];
    let mut rest = after;
    for slot in &mut key {
        let run = whitespace_run(rest);
        if run > 0 {
            *slot = b' ';
            rest = rest.get(run..).unwrap_or_default();
        } else if let Some((&byte, tail)) = rest.split_first() {
            *slot = byte;
            rest = tail;
        }
    }
    key
}

/// The length in bytes of the whitespace at the start of `bytes`: ASCII whitespace, no-break
/// and other Unicode spaces.
fn whitespace_run(bytes: &[u8]) -> usize {
    let mut at = 0;
    loop {
        let width = match bytes.get(at..) {
            Some([b' ' | b'\t' | b'\n' | b'\r' | 0x0c, ..]) => 1,
            Some([0xC2, 0xA0, ..]) => 2,
            Some(
                [0xE2, 0x80, 0x80..=0x8A | 0xAF, ..]
                | [0xE2, 0x81, 0x9F, ..]
                | [0xE3, 0x80, 0x80, ..],
            ) => 3,
            _ => return at,
        };
        at += width;
    }
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
    fn spaces_in_phrases_match_line_breaks_and_no_break_spaces() {
        let index = PhraseIndex::new([("South Korea", 3), ("Foreign Office", 5)], []);
        let text =
            "South\nKorea, South\u{a0}Korea, South  Korea, the Foreign\r\n  Office; SouthKorea";
        assert_eq!(
            found(&index, text),
            vec![
                ("South\nKorea", 3),
                ("South\u{a0}Korea", 3),
                ("South  Korea", 3),
                ("Foreign\r\n  Office", 5)
            ]
        );
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
