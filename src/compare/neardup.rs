//! "Also reported as": an inverted index of word-bigram shingles over many statements, to find
//! the other versions of one (other outlets, later repeats, partial quotes of it).
//!
//! The index is flat, for memory: at 40,000 statements it holds about 1.4 million postings,
//! and a hash map of posting lists cost 36 bytes each (50 MB); here each takes six bytes (a
//! 32-bit tag of its shingle and a 16-bit item), in runs of consecutive items so that a
//! build never holds every item's shingles at once.

use super::words::{fnv, words};

/// Shingle sets smaller than this count as this size when scoring, so two-word texts do not
/// reach a perfect score by sharing one bigram.
const MIN_SHINGLES: usize = 3;

/// The top bits of a shingle's hash pick its bucket in a run; a posting keeps the next 32
/// bits as its tag and 3 more beside its item, so shingles are told apart by 48 bits of their
/// hash (two distinct shingles share them about once in 10^14 pairs: never at the sizes a
/// session reaches).
const BUCKET_BITS: u32 = 13;

/// Number of buckets in a run.
const BUCKETS: usize = 1 << BUCKET_BITS;

/// Bits of an item's number within its run.
const ITEM_BITS: u32 = 13;

/// Items per run: a run's shingles are held aside only while it is built (about 2 MB at
/// news-quote sizes), never every item's at once.
const RUN_ITEMS: usize = 1 << ITEM_BITS;

/// The bucket of a shingle hash.
fn bucket(shingle: u64) -> usize {
    (shingle >> (64 - BUCKET_BITS)) as usize
}

/// The 32 bits of a shingle hash below its bucket's.
fn tag(shingle: u64) -> u32 {
    ((shingle >> (32 - BUCKET_BITS)) & 0xffff_ffff) as u32
}

/// The 3 bits of a shingle hash below its tag's, kept above the item's number in a `u16`.
fn extra(shingle: u64) -> u16 {
    ((shingle >> (32 - BUCKET_BITS - 3)) & 0b111) as u16
}

/// The postings of a run of consecutive items, by bucket: six bytes each.
const _: () = assert!(
    ITEM_BITS + 3 == 16,
    "an item and its 3 extra bits fill a u16"
);
#[derive(Debug, Clone)]
struct Run {
    /// The number of the run's first item.
    first: u32,
    /// Where each bucket's postings start, and where the last ends (`BUCKETS + 1` entries).
    starts: Vec<u32>,
    /// Bucket by bucket, the tag of each posting's shingle, sorted (the items that hold a
    /// shingle sit together).
    tags: Vec<u32>,
    /// Each posting's 3 extra bits of hash (the top bits), then its item counted from
    /// `first` (the low [`ITEM_BITS`]); in item order within a tag and those bits.
    items: Vec<u16>,
}

impl Run {
    /// The run of the items numbered from `first`, `sets` their shingles in order (at most
    /// [`RUN_ITEMS`]): a counting sort by bucket, then each bucket sorted.
    fn new(first: u32, sets: &mut Vec<Vec<u64>>) -> Self {
        let mut starts = vec![0u32; BUCKETS + 1];
        for &shingle in sets.iter().flatten() {
            starts[bucket(shingle) + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let total = starts[BUCKETS] as usize;
        let mut tags = vec![0u32; total];
        let mut items = vec![0u16; total];
        for (item, set) in (0u16..).zip(sets.drain(..).take(RUN_ITEMS)) {
            for shingle in set {
                let at = &mut next[bucket(shingle)];
                tags[*at as usize] = tag(shingle);
                items[*at as usize] = extra(shingle) << ITEM_BITS | item;
                *at += 1;
            }
        }
        // Each bucket is in item order; sorted by tag it stays so within a tag.
        let mut scratch: Vec<(u32, u16)> = Vec::new();
        for pair in starts.windows(2) {
            let range = pair[0] as usize..pair[1] as usize;
            let (tags, items) = (&mut tags[range.clone()], &mut items[range]);
            if tags.is_sorted() {
                continue;
            }
            scratch.clear();
            scratch.extend(tags.iter().copied().zip(items.iter().copied()));
            scratch.sort_unstable();
            for ((tag, item), (t, i)) in tags.iter_mut().zip(items.iter_mut()).zip(&scratch) {
                *tag = *t;
                *item = *i;
            }
        }
        Self {
            first,
            starts,
            tags,
            items,
        }
    }

    /// The items of this run holding `shingle`, in item order.
    fn items_with(&self, shingle: u64) -> impl Iterator<Item = u32> + '_ {
        let b = bucket(shingle);
        let range = match (self.starts.get(b), self.starts.get(b + 1)) {
            (Some(&from), Some(&to)) => from as usize..to as usize,
            _ => 0..0,
        };
        let from = range.start;
        let tags = self.tags.get(range).unwrap_or(&[]);
        let tag = tag(shingle);
        let extra = extra(shingle);
        let first = tags.partition_point(|t| *t < tag);
        let count = tags[first..].iter().take_while(|t| **t == tag).count();
        let at = from + first;
        self.items
            .get(at..at + count)
            .unwrap_or(&[])
            .iter()
            .filter(move |i| *i >> ITEM_BITS == extra)
            .map(|i| self.first + u32::from(i & ((1 << ITEM_BITS) - 1)))
    }
}

/// An index of texts by key (for example `StatementId`), queried by text.
#[derive(Debug, Clone)]
pub struct NearDuplicateIndex<K> {
    keys: Vec<K>,
    sizes: Vec<u32>,
    /// The postings, run by run of [`RUN_ITEMS`] items.
    runs: Vec<Run>,
}

impl<K> Default for NearDuplicateIndex<K> {
    fn default() -> Self {
        Self {
            keys: Vec::new(),
            sizes: Vec::new(),
            runs: Vec::new(),
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
    /// Builds the index from `(key, text)` items. Items past what `u32` can number are
    /// left out.
    #[must_use]
    pub fn new<'t>(items: impl IntoIterator<Item = (K, &'t str)>) -> Self {
        let mut keys = Vec::new();
        let mut sizes = Vec::new();
        let mut runs = Vec::new();
        // The shingles of the run being built, kept as computed.
        let mut sets: Vec<Vec<u64>> = Vec::with_capacity(RUN_ITEMS);
        let mut run_first = 0u32;
        let mut run_total = 0usize;
        for (key, text) in items {
            let set = shingles(text);
            let (Ok(size), Ok(item), Ok(_)) = (
                u32::try_from(set.len()),
                u32::try_from(keys.len()),
                u32::try_from(run_total + set.len()),
            ) else {
                break;
            };
            if sets.is_empty() {
                run_first = item;
            }
            run_total += set.len();
            sets.push(set);
            keys.push(key);
            sizes.push(size);
            if sets.len() == RUN_ITEMS {
                runs.push(Run::new(run_first, &mut sets));
                run_total = 0;
            }
        }
        if !sets.is_empty() {
            runs.push(Run::new(run_first, &mut sets));
        }
        Self { keys, sizes, runs }
    }

    /// The items holding `shingle`, in item order.
    fn items_with(&self, shingle: u64) -> impl Iterator<Item = u32> + '_ {
        self.runs
            .iter()
            .flat_map(move |run| run.items_with(shingle))
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
        // More items than one run holds, so the query reads several runs.
        let texts: Vec<String> = (0..RUN_ITEMS + 300)
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
