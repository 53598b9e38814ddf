//! Sentence alignment: a monotone dynamic-programming chain (1-1 pairs, skips, and 2-1 / 1-2
//! merges), then an order-free pass that pairs what is left as `moved`. User pins override
//! both: pins in mutual order anchor the chain, the others become moved pairs.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::options::Pin;

/// Minimum similarity for a pair in the ordered chain (the gain of a pair is `sim - this`).
const CHAIN_THRESHOLD: f32 = 0.3;
/// Minimum similarity for an out-of-order (moved) pair.
const MOVE_THRESHOLD: f32 = 0.5;
/// Extra cost of merging two sentences against one, so 1-1 wins ties.
const MERGE_PENALTY: f32 = 0.05;

/// One step of the alignment, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// Sentences `left` answer sentences `right` (one or two on each side).
    Pair {
        left: Range<usize>,
        right: Range<usize>,
        moved: bool,
    },
    /// A left sentence with no counterpart.
    Left(usize),
    /// A right sentence with no counterpart.
    Right(usize),
}

impl Step {
    fn first_left(&self) -> Option<usize> {
        match self {
            Self::Pair { left, .. } => Some(left.start),
            Self::Left(i) => Some(*i),
            Self::Right(_) => None,
        }
    }
}

/// Dice similarity of two sorted multisets of token ids.
pub(crate) fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    (2 * common(a, b)) as f32 / (a.len() + b.len()) as f32
}

/// Size of the intersection of two sorted multisets.
fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// An upper bound of the Dice similarity of a merge of two bags (`sizes`, with `commons`
/// tokens in common with the other side) against a bag of `other` tokens.
fn merge_bound(sizes: (usize, usize), commons: (usize, usize), other: usize) -> f32 {
    let total = sizes.0 + sizes.1 + other;
    if total == 0 {
        return 0.0;
    }
    (2 * (commons.0 + commons.1)) as f32 / total as f32
}

fn merged(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    out.sort_unstable();
    out
}

/// Largest dynamic-programming grid (sentences x sentences) aligned in one piece; larger texts
/// are first anchored on sentences that occur once, identically, on both sides.
const MAX_CELLS: usize = 4_000_000;

/// The alignment and whether limits made it coarser than it could be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Alignment {
    /// Steps in reading order.
    pub steps: Vec<Step>,
    /// A stretch was too large to align sentence by sentence and was left unpaired.
    pub approximate: bool,
}

/// Aligns sentences given as sorted bags of token ids.
pub(crate) fn align(left: &[Vec<u64>], right: &[Vec<u64>], pins: &[Pin]) -> Alignment {
    align_within(left, right, pins, MAX_CELLS)
}

fn align_within(
    left: &[Vec<u64>],
    right: &[Vec<u64>],
    pins: &[Pin],
    max_cells: usize,
) -> Alignment {
    let mut pins = pins.to_vec();
    if left.len().saturating_mul(right.len()) > max_cells {
        pins.extend(unique_identical(left, right));
    }
    let mut approximate = false;
    let (chain, loose) = split_pins(&pins, left.len(), right.len());
    let excluded_left: BTreeSet<usize> = pins_left(&chain, &loose);
    let excluded_right: BTreeSet<usize> = chain.iter().chain(&loose).map(|p| p.right).collect();

    let mut path = Vec::new();
    let (mut l0, mut r0) = (0, 0);
    for pin in chain.iter().copied().map(Some).chain([None]) {
        let (l1, r1) = pin.map_or((left.len(), right.len()), |p| (p.left, p.right));
        let li: Vec<usize> = (l0..l1).filter(|i| !excluded_left.contains(i)).collect();
        let rj: Vec<usize> = (r0..r1).filter(|j| !excluded_right.contains(j)).collect();
        if li.len().saturating_mul(rj.len()) > max_cells {
            approximate = true;
            path.extend(li.iter().map(|&i| Step::Left(i)));
            path.extend(rj.iter().map(|&j| Step::Right(j)));
        } else {
            path.extend(chain_segment(left, right, &li, &rj));
        }
        if let Some(p) = pin {
            path.push(Step::Pair {
                left: p.left..p.left + 1,
                right: p.right..p.right + 1,
                moved: false,
            });
            (l0, r0) = (p.left + 1, p.right + 1);
        }
    }

    let mut moved: BTreeMap<usize, usize> = loose.iter().map(|p| (p.left, p.right)).collect();
    match pair_leftovers(left, right, &path, max_cells) {
        Some(pairs) => moved.extend(pairs),
        None => approximate = true,
    }
    Alignment {
        steps: place_moved(path, &moved),
        approximate,
    }
}

/// Pairs of sentences whose bags are identical and occur exactly once on each side.
fn unique_identical(left: &[Vec<u64>], right: &[Vec<u64>]) -> Vec<Pin> {
    let mut seen: BTreeMap<&[u64], (usize, usize, usize, usize)> = BTreeMap::new();
    for (i, bag) in left.iter().enumerate().filter(|(_, b)| !b.is_empty()) {
        let entry = seen.entry(bag).or_insert((0, i, 0, 0));
        entry.0 += 1;
    }
    for (j, bag) in right.iter().enumerate() {
        if let Some(entry) = seen.get_mut(bag.as_slice()) {
            entry.2 += 1;
            entry.3 = j;
        }
    }
    let mut pins: Vec<Pin> = seen
        .into_values()
        .filter(|&(nl, _, nr, _)| nl == 1 && nr == 1)
        .map(|(_, left, _, right)| Pin { left, right })
        .collect();
    pins.sort_unstable();
    pins
}

fn pins_left(chain: &[Pin], loose: &[Pin]) -> BTreeSet<usize> {
    chain.iter().chain(loose).map(|p| p.left).collect()
}

/// Valid pins, each sentence used once, split into the longest chain in mutual order and the
/// rest.
fn split_pins(pins: &[Pin], n: usize, m: usize) -> (Vec<Pin>, Vec<Pin>) {
    let mut seen_left = BTreeSet::new();
    let mut seen_right = BTreeSet::new();
    let mut valid: Vec<Pin> = Vec::new();
    for pin in pins {
        if pin.left < n
            && pin.right < m
            && !seen_left.contains(&pin.left)
            && !seen_right.contains(&pin.right)
        {
            seen_left.insert(pin.left);
            seen_right.insert(pin.right);
            valid.push(*pin);
        }
    }
    valid.sort();
    // Longest increasing subsequence by `right` (quadratic; pins are few).
    let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(valid.len());
    for i in 0..valid.len() {
        let mut entry = (1, None);
        for j in 0..i {
            if valid[j].right < valid[i].right && best[j].0 + 1 > entry.0 {
                entry = (best[j].0 + 1, Some(j));
            }
        }
        best.push(entry);
    }
    let mut in_chain = vec![false; valid.len()];
    let mut at = (0..valid.len()).max_by_key(|&i| (best[i].0, std::cmp::Reverse(i)));
    while let Some(i) = at {
        in_chain[i] = true;
        at = best[i].1;
    }
    let (chain, loose): (Vec<_>, Vec<_>) =
        valid.into_iter().zip(in_chain).partition(|&(_, keep)| keep);
    (
        chain.into_iter().map(|(p, _)| p).collect(),
        loose.into_iter().map(|(p, _)| p).collect(),
    )
}

/// Monotone alignment of the sentences `li` (left) and `rj` (right) by dynamic programming.
fn chain_segment(left: &[Vec<u64>], right: &[Vec<u64>], li: &[usize], rj: &[usize]) -> Vec<Step> {
    #[derive(Clone, Copy, PartialEq)]
    enum Back {
        Start,
        Diag,
        Up,
        Side,
        TwoOne,
        OneTwo,
    }
    let (n, m) = (li.len(), rj.len());
    let width = m + 1;
    let mut score = vec![0f32; (n + 1) * width];
    let mut back = vec![Back::Start; (n + 1) * width];
    for a in 1..=n {
        back[a * width] = Back::Up;
    }
    for cell in &mut back[1..=m] {
        *cell = Back::Side;
    }
    // Similarities and common counts of this and the previous row, for bounding merges.
    let mut prev_row = vec![(0f32, 0usize); m + 1];
    let mut row = vec![(0f32, 0usize); m + 1];
    let gain_floor = CHAIN_THRESHOLD + MERGE_PENALTY;
    for a in 1..=n {
        let la = &left[li[a - 1]];
        for b in 1..=m {
            let rb = &right[rj[b - 1]];
            let shared = common(la, rb);
            let sim = if la.is_empty() || rb.is_empty() {
                0.0
            } else {
                (2 * shared) as f32 / (la.len() + rb.len()) as f32
            };
            row[b] = (sim, shared);
            let mut best = (score[(a - 1) * width + b], Back::Up);
            let side = score[a * width + b - 1];
            if side > best.0 {
                best = (side, Back::Side);
            }
            if sim > CHAIN_THRESHOLD {
                let diag = score[(a - 1) * width + b - 1] + sim - CHAIN_THRESHOLD;
                if diag > best.0 {
                    best = (diag, Back::Diag);
                }
            }
            // Two left sentences against one right one.
            let prev_la = a.checked_sub(2).map(|k| &left[li[k]]);
            if let Some(pl) = prev_la.filter(|_| li[a - 2] + 1 == li[a - 1])
                && merge_bound((pl.len(), la.len()), (prev_row[b].1, shared), rb.len())
                    > gain_floor.max(sim).max(prev_row[b].0)
            {
                let bag = merged(pl, la);
                let s = dice(&bag, rb);
                let gain = s - gain_floor;
                if s > sim.max(prev_row[b].0) && gain > 0.0 {
                    let v = score[(a - 2) * width + b - 1] + gain;
                    if v > best.0 {
                        best = (v, Back::TwoOne);
                    }
                }
            }
            // One left sentence against two right ones.
            let prev_rb = b.checked_sub(2).map(|k| &right[rj[k]]);
            if let Some(pr) = prev_rb.filter(|_| rj[b - 2] + 1 == rj[b - 1])
                && merge_bound((pr.len(), rb.len()), (row[b - 1].1, shared), la.len())
                    > gain_floor.max(sim).max(row[b - 1].0)
            {
                let bag = merged(pr, rb);
                let s = dice(la, &bag);
                let gain = s - gain_floor;
                if s > sim.max(row[b - 1].0) && gain > 0.0 {
                    let v = score[a * width + b - 2] + gain;
                    if v > best.0 {
                        best = (v, Back::OneTwo);
                    }
                }
            }
            score[a * width + b] = best.0;
            back[a * width + b] = best.1;
        }
        std::mem::swap(&mut prev_row, &mut row);
    }
    let mut steps = Vec::new();
    let (mut a, mut b) = (n, m);
    while a > 0 || b > 0 {
        match back[a * width + b] {
            Back::Diag => {
                steps.push(Step::Pair {
                    left: li[a - 1]..li[a - 1] + 1,
                    right: rj[b - 1]..rj[b - 1] + 1,
                    moved: false,
                });
                a -= 1;
                b -= 1;
            }
            Back::TwoOne => {
                steps.push(Step::Pair {
                    left: li[a - 2]..li[a - 1] + 1,
                    right: rj[b - 1]..rj[b - 1] + 1,
                    moved: false,
                });
                a -= 2;
                b -= 1;
            }
            Back::OneTwo => {
                steps.push(Step::Pair {
                    left: li[a - 1]..li[a - 1] + 1,
                    right: rj[b - 2]..rj[b - 1] + 1,
                    moved: false,
                });
                a -= 1;
                b -= 2;
            }
            Back::Up | Back::Start if a > 0 => {
                steps.push(Step::Left(li[a - 1]));
                a -= 1;
            }
            _ => {
                steps.push(Step::Right(rj[b - 1]));
                b -= 1;
            }
        }
    }
    steps.reverse();
    steps
}

/// Best-first pairing of the sentences the chain left alone, above [`MOVE_THRESHOLD`]; `None`
/// when there are too many to compare all pairs.
fn pair_leftovers(
    left: &[Vec<u64>],
    right: &[Vec<u64>],
    path: &[Step],
    max_cells: usize,
) -> Option<Vec<(usize, usize)>> {
    let lefts: Vec<usize> = path
        .iter()
        .filter_map(|s| {
            if let Step::Left(i) = s {
                Some(*i)
            } else {
                None
            }
        })
        .collect();
    let rights: Vec<usize> = path
        .iter()
        .filter_map(|s| {
            if let Step::Right(j) = s {
                Some(*j)
            } else {
                None
            }
        })
        .collect();
    if lefts.len().saturating_mul(rights.len()) > max_cells {
        return None;
    }
    let mut candidates = Vec::new();
    for &i in &lefts {
        for &j in &rights {
            let sim = dice(&left[i], &right[j]);
            if sim >= MOVE_THRESHOLD {
                candidates.push((sim, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used_left = BTreeSet::new();
    let mut used_right = BTreeSet::new();
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !used_left.contains(&i) && !used_right.contains(&j) {
            used_left.insert(i);
            used_right.insert(j);
            pairs.push((i, j));
        }
    }
    Some(pairs)
}

/// Puts each moved pair at its left sentence's place and drops its right sentence's place.
fn place_moved(path: Vec<Step>, moved: &BTreeMap<usize, usize>) -> Vec<Step> {
    let moved_right: BTreeSet<usize> = moved.values().copied().collect();
    let on_path: BTreeSet<usize> = path.iter().filter_map(Step::first_left).collect();
    let mut pending: Vec<usize> = moved
        .keys()
        .copied()
        .filter(|i| !on_path.contains(i))
        .collect();
    pending.reverse();
    let mut out = Vec::with_capacity(path.len() + pending.len());
    let emit = |step: Step, out: &mut Vec<Step>| match step {
        Step::Left(i) => match moved.get(&i) {
            Some(&j) => out.push(Step::Pair {
                left: i..i + 1,
                right: j..j + 1,
                moved: true,
            }),
            None => out.push(Step::Left(i)),
        },
        Step::Right(j) if moved_right.contains(&j) => {}
        other => out.push(other),
    };
    for step in path {
        if let Some(first) = step.first_left() {
            while pending.last().is_some_and(|&i| i < first) {
                if let Some(i) = pending.pop() {
                    emit(Step::Left(i), &mut out);
                }
            }
        }
        emit(step, &mut out);
    }
    while let Some(i) = pending.pop() {
        emit(Step::Left(i), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bags(sentences: &[&[u64]]) -> Vec<Vec<u64>> {
        sentences
            .iter()
            .map(|s| {
                let mut v = s.to_vec();
                v.sort_unstable();
                v
            })
            .collect()
    }

    #[test]
    fn chain_pairs_skips_and_moves() {
        let left = bags(&[&[1, 2, 3], &[4, 5, 6], &[7, 8, 9], &[10, 11, 12]]);
        let right = bags(&[&[1, 2, 3], &[7, 8, 9], &[20, 21], &[4, 5, 6]]);
        let steps = align(&left, &right, &[]).steps;
        // Sentences 1 and 2 swapped places: one of them stays in the chain, the other is moved.
        assert_eq!(
            steps,
            vec![
                Step::Pair {
                    left: 0..1,
                    right: 0..1,
                    moved: false
                },
                Step::Right(2),
                Step::Pair {
                    left: 1..2,
                    right: 3..4,
                    moved: false
                },
                Step::Pair {
                    left: 2..3,
                    right: 1..2,
                    moved: true
                },
                Step::Left(3),
            ]
        );
    }

    #[test]
    fn merges_two_sentences_against_one() {
        let left = bags(&[&[1, 2, 3, 4, 5, 6]]);
        let right = bags(&[&[1, 2, 3], &[4, 5, 6]]);
        let steps = align(&left, &right, &[]).steps;
        assert_eq!(
            steps,
            vec![Step::Pair {
                left: 0..1,
                right: 0..2,
                moved: false
            }]
        );
    }

    #[test]
    fn pins_override() {
        let left = bags(&[&[1, 2], &[3, 4]]);
        let right = bags(&[&[1, 2], &[3, 4]]);
        let steps = align(&left, &right, &[Pin { left: 0, right: 1 }]).steps;
        assert_eq!(
            steps,
            vec![
                Step::Right(0),
                Step::Pair {
                    left: 0..1,
                    right: 1..2,
                    moved: false
                },
                Step::Left(1),
            ]
        );
        let steps = align(
            &left,
            &right,
            &[Pin { left: 0, right: 1 }, Pin { left: 1, right: 0 }],
        )
        .steps;
        assert!(steps.contains(&Step::Pair {
            left: 0..1,
            right: 1..2,
            moved: false
        }));
        assert!(steps.contains(&Step::Pair {
            left: 1..2,
            right: 0..1,
            moved: true
        }));
        assert_eq!(steps.len(), 2);
    }

    #[test]
    fn large_inputs_are_anchored_on_unique_identical_sentences() {
        let left = bags(&[&[1, 2], &[3, 4], &[5, 6], &[7, 8], &[9, 10]]);
        let right = bags(&[&[1, 2], &[3, 40], &[5, 6], &[7, 80], &[9, 10]]);
        // A limit of 2 cells: the anchors 0, 2 and 4 cut the rest into 1x1 pieces.
        let alignment = align_within(&left, &right, &[], 2);
        assert!(!alignment.approximate);
        assert!(alignment.steps.contains(&Step::Pair {
            left: 2..3,
            right: 2..3,
            moved: false
        }));
        // A limit of 0 cells: nothing but the anchors can be aligned.
        let alignment = align_within(&left, &right, &[], 0);
        assert!(alignment.approximate);
        assert!(alignment.steps.contains(&Step::Left(1)));
    }
}
