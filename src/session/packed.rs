//! Maps built with full nodes. std's `BTreeMap` filled key by key leaves about half of each
//! node empty (a full node splits in two), while merging a map into another with `append`
//! builds every node full. The statement map is a session's largest structure (at 40,000
//! statements, 26 MB filled key by key, 17 MB full), so it is built by merging batches.

use std::collections::BTreeMap;

/// The smallest batch merged into the whole.
const MIN_BATCH: usize = 4096;

/// Collects entries in a small map and merges it into the whole when it holds a quarter of
/// the whole (at least [`MIN_BATCH`] entries): each entry is moved a few times at most, and
/// what is held aside stays a fraction of the map, in node-sized blocks that later nodes
/// reuse (one vector of every entry, as `collect` sorts, would be freed as one large block).
#[derive(Debug)]
pub(crate) struct PackedMap<K, V> {
    map: BTreeMap<K, V>,
    batch: BTreeMap<K, V>,
}

impl<K: Ord, V> PackedMap<K, V> {
    /// A builder that adds to `map`.
    pub(crate) fn new(map: BTreeMap<K, V>) -> Self {
        Self {
            map,
            batch: BTreeMap::new(),
        }
    }

    /// True when `key` is in the map or was inserted.
    pub(crate) fn contains_key(&self, key: &K) -> bool {
        self.batch.contains_key(key) || self.map.contains_key(key)
    }

    /// Inserts an entry; a later entry with the same key replaces an earlier one.
    pub(crate) fn insert(&mut self, key: K, value: V) {
        self.batch.insert(key, value);
        if self.batch.len() >= MIN_BATCH.max(self.map.len() / 4) {
            self.merge();
        }
    }

    fn merge(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        if self.map.is_empty() {
            // `append` into an empty map only swaps the two, keeping the batch's nodes.
            self.map = std::mem::take(&mut self.batch).into_iter().collect();
        } else {
            self.map.append(&mut self.batch);
        }
    }

    /// The map with every entry inserted.
    pub(crate) fn finish(mut self) -> BTreeMap<K, V> {
        self.merge();
        self.map
    }
}

impl<K: Ord, V> Extend<(K, V)> for PackedMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        for (key, value) in entries {
            self.insert(key, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_map_key_by_key_insertion_builds() {
        let entries: Vec<(u32, u32)> = (0..20_000u32)
            .map(|i| (i.wrapping_mul(7_919) % 15_000, i))
            .collect();
        let mut expected: BTreeMap<u32, u32> = (100_000..100_010).map(|k| (k, 0)).collect();
        let mut packed = PackedMap::new(expected.clone());
        for &(key, value) in &entries {
            expected.insert(key, value);
            packed.insert(key, value);
            assert!(packed.contains_key(&key));
        }
        assert!(!packed.contains_key(&99_999));
        assert_eq!(packed.finish(), expected);
        let small: PackedMap<u32, u32> = PackedMap::new(BTreeMap::new());
        assert!(small.finish().is_empty());
    }
}
