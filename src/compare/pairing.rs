//! Pairing two groups of statements (two governments on a topic) by content-word overlap,
//! best pairs first.

use super::align::dice;
use super::words::{content_words, fnv};

/// The outcome of [`pair_by_similarity`].
#[derive(Debug, Clone, PartialEq)]
pub struct Pairing<K> {
    /// `(left key, right key, similarity)` in the order of the left items.
    pub pairs: Vec<(K, K, f32)>,
    /// Left keys without a partner, in input order.
    pub left_unpaired: Vec<K>,
    /// Right keys without a partner, in input order.
    pub right_unpaired: Vec<K>,
}

fn bag(text: &str) -> Vec<u64> {
    let mut bag: Vec<u64> = content_words(text)
        .iter()
        .map(|w| fnv(w.as_bytes()))
        .collect();
    bag.sort_unstable();
    bag
}

/// Pairs each left text with at most one right text, greedily by descending similarity (Dice
/// over content words, 0..1); pairs below `threshold` are not made.
#[must_use]
pub fn pair_by_similarity<K: Ord + Clone>(
    left: &[(K, &str)],
    right: &[(K, &str)],
    threshold: f32,
) -> Pairing<K> {
    let lb: Vec<Vec<u64>> = left.iter().map(|(_, t)| bag(t)).collect();
    let rb: Vec<Vec<u64>> = right.iter().map(|(_, t)| bag(t)).collect();
    let mut candidates = Vec::new();
    for (i, a) in lb.iter().enumerate() {
        for (j, b) in rb.iter().enumerate() {
            let sim = dice(a, b);
            if sim >= threshold && sim > 0.0 {
                candidates.push((sim, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| left[x.1].0.cmp(&left[y.1].0))
            .then_with(|| right[x.2].0.cmp(&right[y.2].0))
    });
    let mut partner: Vec<Option<(usize, f32)>> = vec![None; left.len()];
    let mut right_used = vec![false; right.len()];
    for (sim, i, j) in candidates {
        if partner[i].is_none() && !right_used[j] {
            partner[i] = Some((j, (sim * 1000.0).round() / 1000.0));
            right_used[j] = true;
        }
    }
    let mut pairs = Vec::new();
    let mut left_unpaired = Vec::new();
    for (i, p) in partner.iter().enumerate() {
        match p {
            Some((j, sim)) => pairs.push((left[i].0.clone(), right[*j].0.clone(), *sim)),
            None => left_unpaired.push(left[i].0.clone()),
        }
    }
    let right_unpaired = right
        .iter()
        .zip(&right_used)
        .filter(|(_, used)| !**used)
        .map(|((k, _), _)| k.clone())
        .collect();
    Pairing {
        pairs,
        left_unpaired,
        right_unpaired,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_best_first_and_reports_the_rest() {
        let left = [
            ("a", "We oppose the sanctions on our companies."),
            ("b", "The summit will discuss climate finance."),
            ("c", "Unrelated remark about football."),
        ];
        let right = [
            ("x", "Climate finance tops the summit agenda."),
            (
                "y",
                "The sanctions on companies are lawful, we oppose nothing.",
            ),
        ];
        let pairing = pair_by_similarity(&left, &right, 0.3);
        assert_eq!(pairing.pairs.len(), 2);
        assert_eq!((pairing.pairs[0].0, pairing.pairs[0].1), ("a", "y"));
        assert_eq!((pairing.pairs[1].0, pairing.pairs[1].1), ("b", "x"));
        assert_eq!(pairing.left_unpaired, ["c"]);
        assert!(pairing.right_unpaired.is_empty());
    }
}
