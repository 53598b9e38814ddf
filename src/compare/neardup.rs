//! "Also reported as": an inverted index of word-bigram shingles over many statements, to find
//! the other versions of one (other outlets, later repeats, partial quotes of it).
//!
//! The index is flat, for memory: at 40,000 statements it holds about 1.4 million postings,
//! and a hash map of posting lists cost 36 bytes each (50 MB); here each is one `u64`.

use super::words::{fnv, words};

/// Shingle sets smaller than this count as this size when scoring, so two-word texts do not
/// reach a perfect score by sharing one bigram.
const MIN_SHINGLES: usize = 3;

/// The top bits of a shingle's hash pick its bucket; a posting keeps the next 32 bits with
/// the item, so shingles are told apart by 48 bits of their hash (two distinct shingles
/// share them about once in 10^14 pairs: never at the sizes a session reaches).
const BUCKET_BITS: u32 = 16;

/// Number of buckets.
const BUCKETS: usize = 1 << BUCKET_BITS;

/// The bucket of a shingle hash.
fn bucket(shingle: u64) -> usize {
    (shingle >> (64 - BUCKET_BITS)) as usize
}

/// The bits of a shingle hash a posting keeps, below its bucket's.
fn tag(shingle: u64) -> u64 {
    (shingle >> (32 - BUCKET_BITS)) & 0xffff_ffff
}

/// An index of texts by key (for example `StatementId`), queried by text.
#[derive(Debug, Clone)]
pub struct NearDuplicateIndex<K> {
    keys: Vec<K>,
    sizes: Vec<u32>,
    /// Where each bucket's postings start in `postings`, and where the last ends
    /// (`BUCKETS + 1` entries; empty when nothing is indexed).
    starts: Vec<u32>,
    /// Bucket by bucket, each posting `tag << 32 | item`, sorted: the items that hold a
    /// shingle sit together, in item order.
    postings: Vec<u64>,
}

impl<K> Default for NearDuplicateIndex<K> {
    fn default() -> Self {
        Self {
            keys: Vec::new(),
            sizes: Vec::new(),
            starts: Vec::new(),
            postings: Vec::new(),
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
    /// Builds the index from `(key, text)` items. Items past what `u32` postings can number
    /// are left out.
    #[must_use]
    pub fn new<'t>(items: impl IntoIterator<Item = (K, &'t str)>) -> Self {
        let mut keys = Vec::new();
        let mut sizes = Vec::new();
        // Each item's shingles, kept as computed (no copy into one growing buffer, which
        // at 1.4 million shingles would hold up to twice their size while it grows).
        let mut sets: Vec<Vec<u64>> = Vec::new();
        let mut total = 0usize;
        for (key, text) in items {
            let set = shingles(text);
            let (Ok(size), Ok(_), Ok(_)) = (
                u32::try_from(set.len()),
                u32::try_from(keys.len()),
                u32::try_from(total + set.len()),
            ) else {
                break;
            };
            total += set.len();
            sets.push(set);
            keys.push(key);
            sizes.push(size);
        }
        // A counting sort by bucket, then each bucket in order.
        let mut starts = vec![0u32; BUCKETS + 1];
        for &shingle in sets.iter().flatten() {
            starts[bucket(shingle) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut postings = vec![0u64; total];
        for (item, set) in (0u32..).zip(sets) {
            for shingle in set {
                let at = &mut next[bucket(shingle)];
                postings[*at as usize] = tag(shingle) << 32 | u64::from(item);
                *at += 1;
            }
        }
        for pair in starts.windows(2) {
            postings[pair[0] as usize..pair[1] as usize].sort_unstable();
        }
        Self {
            keys,
            sizes,
            starts,
            postings,
        }
    }

    /// The items holding `shingle`, in item order.
    fn items_with(&self, shingle: u64) -> impl Iterator<Item = u32> + '_ {
        let b = bucket(shingle);
        let range = match (self.starts.get(b), self.starts.get(b + 1)) {
            (Some(&from), Some(&to)) => from as usize..to as usize,
            _ => 0..0,
        };
        let postings = self.postings.get(range).unwrap_or(&[]);
        let tag = tag(shingle);
        let first = postings.partition_point(|p| p >> 32 < tag);
        postings[first..]
            .iter()
            .take_while(move |p| *p >> 32 == tag)
            .map(|p| (p & 0xffff_ffff) as u32)
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
        for &s in &query {
            for item in self.items_with(s) {
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

    #[test]
    fn every_shared_shingle_counts_as_a_direct_count_says() {
        let texts: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "word{} and word{} then word{} with word{} again",
                    i % 7,
                    i % 11,
                    i % 13,
                    i % 5
                )
            })
            .collect();
        let index = NearDuplicateIndex::new(texts.iter().enumerate().map(|(i, t)| (i, t.as_str())));
        let query = "word3 and word4 then word5 with word1 again";
        let q = shingles(query);
        let hits = index.query(query, usize::MAX);
        for (i, text) in texts.iter().enumerate() {
            let set = shingles(text);
            let common = set.iter().filter(|s| q.contains(s)).count();
            let found = hits.iter().find(|(k, _)| *k == i);
            assert_eq!(common > 0, found.is_some(), "{text}");
            if let Some((_, score)) = found {
                let smaller = set.len().min(q.len()).max(MIN_SHINGLES);
                let expected = (common as f32 / smaller as f32).min(1.0);
                assert!((score - expected).abs() < 1e-6, "{text}");
            }
        }
    }
}
