//! "Also reported as": an inverted index of word-bigram shingles over many statements, to find
//! the other versions of one (other outlets, later repeats, partial quotes of it).

use std::collections::HashMap;

use super::words::{fnv, words};

/// Shingle sets smaller than this count as this size when scoring, so two-word texts do not
/// reach a perfect score by sharing one bigram.
const MIN_SHINGLES: usize = 3;

/// An index of texts by key (for example `StatementId`), queried by text.
#[derive(Debug, Clone)]
pub struct NearDuplicateIndex<K> {
    keys: Vec<K>,
    sizes: Vec<u32>,
    postings: HashMap<u64, Vec<u32>>,
}

impl<K> Default for NearDuplicateIndex<K> {
    fn default() -> Self {
        Self {
            keys: Vec::new(),
            sizes: Vec::new(),
            postings: HashMap::new(),
        }
    }
}

/// The set of word-bigram shingles of `text` (one unigram for a one-word text), sorted.
fn shingles(text: &str) -> Vec<u64> {
    let hashes: Vec<u64> = words(text).iter().map(|w| fnv(w.as_bytes())).collect();
    let mut out: Vec<u64> = if hashes.len() == 1 {
        hashes
    } else {
        hashes
            .windows(2)
            .map(|w| w[0].rotate_left(17) ^ w[1].wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

impl<K: Ord + Clone> NearDuplicateIndex<K> {
    /// Builds the index from `(key, text)` items.
    #[must_use]
    pub fn new<'t>(items: impl IntoIterator<Item = (K, &'t str)>) -> Self {
        let mut index = Self::default();
        for (key, text) in items {
            index.insert(key, text);
        }
        index
    }

    /// Adds one text.
    pub fn insert(&mut self, key: K, text: &str) {
        let Ok(item) = u32::try_from(self.keys.len()) else {
            return;
        };
        let set = shingles(text);
        for &s in &set {
            self.postings.entry(s).or_default().push(item);
        }
        self.keys.push(key);
        self.sizes
            .push(u32::try_from(set.len()).unwrap_or(u32::MAX));
    }

    /// Number of indexed texts.
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when nothing is indexed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The indexed texts most like `text`, best first, at most `limit`. The similarity (0..1)
    /// is the share of the smaller text's word bigrams found in the other, so a partial quote
    /// scores high against the full statement; ties go to the higher Jaccard overlap, then
    /// the smaller key. The queried text itself is returned too if it is indexed.
    #[must_use]
    pub fn query(&self, text: &str, limit: usize) -> Vec<(K, f32)> {
        let query = shingles(text);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut counts = vec![0u32; self.keys.len()];
        let mut touched = Vec::new();
        for s in &query {
            for &item in self.postings.get(s).map_or(&[][..], Vec::as_slice) {
                let count = &mut counts[item as usize];
                if *count == 0 {
                    touched.push(item);
                }
                *count += 1;
            }
        }
        let mut scored: Vec<(f32, f32, u32)> = touched
            .into_iter()
            .map(|item| {
                let common = counts[item as usize] as usize;
                let size = self.sizes[item as usize] as usize;
                let smaller = size.min(query.len()).max(MIN_SHINGLES);
                let containment = (common as f32 / smaller as f32).min(1.0);
                let jaccard = common as f32 / (size + query.len() - common) as f32;
                (containment, jaccard, item)
            })
            .collect();
        scored.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(b.1.total_cmp(&a.1))
                .then_with(|| self.keys[a.2 as usize].cmp(&self.keys[b.2 as usize]))
        });
        scored
            .into_iter()
            .take(limit)
            .map(|(score, _, item)| (self.keys[item as usize].clone(), score))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_versions_and_partial_quotes_first() {
        let index = NearDuplicateIndex::new([
            (
                1,
                "The islands are an inherent part of our territory, the spokesman said.",
            ),
            (2, "Trade talks will resume next week in Geneva."),
            (3, "The islands are an inherent part of our territory."),
            (4, "Weather was fine."),
        ]);
        let hits = index.query("the islands are an inherent part of our territory", 10);
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].0, 3);
        assert_eq!(hits[1].0, 1);
        assert!(hits[0].1 > 0.99 && hits[1].1 > 0.99);
        let partial = index.query("“an inherent part of our territory”", 1);
        assert_eq!(partial[0].0, 3);
        assert!(index.query("nothing alike here", 5).is_empty());
    }
}
