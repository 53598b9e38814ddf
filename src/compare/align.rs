//! Sentence alignment in bounded work.
//!
//! Identical sentences come first: a common head and tail of the two texts pair at once,
//! and sentences that occur exactly once on each side, identically, anchor the rest in
//! order (as patience diff does). Between anchors, a monotone dynamic-programming chain
//! (1-1 pairs, skips, 2-1 / 1-2 merges) pairs similar sentences when the stretch is small
//! enough; a larger stretch is first cut by anchors found through rare shared words. What is
//! left is paired out of order as `moved`. User pins override all of it: pins in mutual
//! order anchor the chain, the others become moved pairs. Every stage has a size limit and
//! watches the comparison's deadline; past either, the alignment is coarser (sentences left
//! unpaired) and says `approximate`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use super::control::{Budget, Cancelled, CompareStage};
use super::options::Pin;

/// Minimum similarity for a pair in the ordered chain (the gain of a pair is `sim - this`).
const CHAIN_THRESHOLD: f32 = 0.3;
/// Minimum similarity for an out-of-order (moved) pair.
const MOVE_THRESHOLD: f32 = 0.5;
/// Minimum similarity for a pair found by rare words to anchor a large stretch.
const ANCHOR_THRESHOLD: f32 = 0.5;
/// Extra cost of merging two sentences against one, so 1-1 wins ties.
const MERGE_PENALTY: f32 = 0.05;
/// Most work (token comparisons: each cell of the grid compares two sentences' bags) for
/// aligning one stretch by dynamic programming (about 50 ms); larger stretches are cut by
/// anchors first.
const SEGMENT_WORK: usize = 30_000_000;
/// Dynamic-programming work for a whole comparison (a few hundred milliseconds).
const TOTAL_WORK: usize = 200_000_000;
/// Most work for comparing leftover sentences all against all for moves.
const PAIR_WORK: usize = 100_000_000;
/// A word in more sentences than this is too common to find candidates by.
const MAX_POSTINGS: usize = 32;
/// Candidates per sentence whose similarity is computed, best shared-word counts first.
const CANDIDATES: usize = 8;
/// How deep anchoring recurses into a stretch before giving up on it.
const MAX_DEPTH: u32 = 16;

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

/// The union (with repeats) of two sorted bags, sorted: a linear merge.
fn merged(a: &[u64], b: &[u64]) -> Vec<u64> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The work of aligning `li` x `rj` by dynamic programming: every cell compares two bags
/// (merges at most double it).
fn grid_work(left: &[Vec<u64>], right: &[Vec<u64>], li: &[usize], rj: &[usize]) -> usize {
    let l: usize = li.iter().map(|&i| left[i].len() + 1).sum();
    let r: usize = rj.iter().map(|&j| right[j].len() + 1).sum();
    2 * rj
        .len()
        .saturating_mul(l)
        .saturating_add(li.len().saturating_mul(r))
}

/// The work of comparing `lefts` x `rights` all against all.
fn pairs_work(left: &[Vec<u64>], right: &[Vec<u64>], lefts: &[usize], rights: &[usize]) -> usize {
    let l: usize = lefts.iter().map(|&i| left[i].len() + 1).sum();
    let r: usize = rights.iter().map(|&j| right[j].len() + 1).sum();
    rights
        .len()
        .saturating_mul(l)
        .saturating_add(lefts.len().saturating_mul(r))
}

/// The sentences of one side as alignment sees them.
pub(crate) struct Sentences<'a> {
    /// A sorted bag of content-word ids (or character bigrams) per sentence.
    pub bags: &'a [Vec<u64>],
    /// A hash of each sentence's normalised tokens in order: equal hashes, equal sentences.
    pub hashes: &'a [u64],
}

/// The alignment and whether limits made it coarser than it could be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Alignment {
    /// Steps in reading order.
    pub steps: Vec<Step>,
    /// A stretch was too large or time ran out: some sentences may be left unpaired.
    pub approximate: bool,
}

/// Aligns the sentences of two texts.
pub(crate) fn align(
    left: &Sentences<'_>,
    right: &Sentences<'_>,
    pins: &[Pin],
    budget: &mut Budget<'_>,
) -> Result<Alignment, Cancelled> {
    align_within(left, right, pins, budget, SEGMENT_WORK)
}

fn align_within(
    left: &Sentences<'_>,
    right: &Sentences<'_>,
    pins: &[Pin],
    budget: &mut Budget<'_>,
    segment_work: usize,
) -> Result<Alignment, Cancelled> {
    let (n, m) = (left.bags.len(), right.bags.len());
    let (chain, loose) = split_pins(pins, n, m);
    let excluded_left: BTreeSet<usize> = chain.iter().chain(&loose).map(|p| p.left).collect();
    let excluded_right: BTreeSet<usize> = chain.iter().chain(&loose).map(|p| p.right).collect();
    let mut aligner = Aligner {
        left,
        right,
        budget,
        work_used: 0,
        segment_work,
        approximate: false,
    };
    let mut path = Vec::with_capacity(n + m);
    let (mut l0, mut r0) = (0, 0);
    for pin in chain.iter().copied().map(Some).chain([None]) {
        let (l1, r1) = pin.map_or((n, m), |p| (p.left, p.right));
        let li: Vec<usize> = (l0..l1).filter(|i| !excluded_left.contains(i)).collect();
        let rj: Vec<usize> = (r0..r1).filter(|j| !excluded_right.contains(j)).collect();
        aligner.segment(&li, &rj, 0, &mut path)?;
        if let Some(p) = pin {
            path.push(pair(p.left, p.right));
            (l0, r0) = (p.left + 1, p.right + 1);
        }
    }
    let mut moved: BTreeMap<usize, usize> = loose.iter().map(|p| (p.left, p.right)).collect();
    moved.extend(aligner.pair_leftovers(&path)?);
    Ok(Alignment {
        steps: place_moved(path, &moved),
        approximate: aligner.approximate,
    })
}

fn pair(left: usize, right: usize) -> Step {
    Step::Pair {
        left: left..left + 1,
        right: right..right + 1,
        moved: false,
    }
}

/// The state of one alignment: both sides, the budget and the work done.
struct Aligner<'s, 'a, 'b> {
    left: &'s Sentences<'s>,
    right: &'s Sentences<'s>,
    budget: &'a mut Budget<'b>,
    work_used: usize,
    segment_work: usize,
    approximate: bool,
}

impl Aligner<'_, '_, '_> {
    /// Aligns the stretch `li` x `rj` (sentence indexes, in order) into `out`.
    fn segment(
        &mut self,
        li: &[usize],
        rj: &[usize],
        depth: u32,
        out: &mut Vec<Step>,
    ) -> Result<(), Cancelled> {
        self.budget.check()?;
        if let Some(&last) = li.last() {
            self.budget
                .progress(CompareStage::Aligning, last, self.left.bags.len());
        }
        let (lh, rh) = (self.left.hashes, self.right.hashes);
        let mut head = 0;
        while head < li.len() && head < rj.len() && lh[li[head]] == rh[rj[head]] {
            head += 1;
        }
        let mut tail = 0;
        while tail < li.len() - head
            && tail < rj.len() - head
            && lh[li[li.len() - 1 - tail]] == rh[rj[rj.len() - 1 - tail]]
        {
            tail += 1;
        }
        out.extend((0..head).map(|k| pair(li[k], rj[k])));
        self.middle(
            &li[head..li.len() - tail],
            &rj[head..rj.len() - tail],
            depth,
            out,
        )?;
        out.extend(
            (0..tail)
                .rev()
                .map(|k| pair(li[li.len() - 1 - k], rj[rj.len() - 1 - k])),
        );
        Ok(())
    }

    fn middle(
        &mut self,
        li: &[usize],
        rj: &[usize],
        depth: u32,
        out: &mut Vec<Step>,
    ) -> Result<(), Cancelled> {
        if li.is_empty() || rj.is_empty() {
            out.extend(li.iter().map(|&i| Step::Left(i)));
            out.extend(rj.iter().map(|&j| Step::Right(j)));
            return Ok(());
        }
        let work = grid_work(self.left.bags, self.right.bags, li, rj);
        if work <= self.segment_work
            && self.work_used.saturating_add(work) <= TOTAL_WORK
            && !self.budget.expired()
        {
            self.work_used += work;
            self.budget.tick(work)?;
            out.extend(chain_segment(self.left.bags, self.right.bags, li, rj));
            return Ok(());
        }
        if depth >= MAX_DEPTH || self.budget.expired() {
            self.give_up(li, rj, out);
            return Ok(());
        }
        let mut anchors = unique_identical(self.left.hashes, self.right.hashes, li, rj);
        if anchors.is_empty() {
            self.approximate = true;
            anchors = self.similar_anchors(li, rj)?;
        }
        if anchors.is_empty() {
            self.give_up(li, rj, out);
            return Ok(());
        }
        let (mut a0, mut b0) = (0, 0);
        for (a, b) in anchors {
            self.segment(&li[a0..a], &rj[b0..b], depth + 1, out)?;
            out.push(pair(li[a], rj[b]));
            (a0, b0) = (a + 1, b + 1);
        }
        self.segment(&li[a0..], &rj[b0..], depth + 1, out)
    }

    /// Leaves a stretch unpaired (the moved pass may still pair some of it).
    fn give_up(&mut self, li: &[usize], rj: &[usize], out: &mut Vec<Step>) {
        self.approximate = true;
        out.extend(li.iter().map(|&i| Step::Left(i)));
        out.extend(rj.iter().map(|&j| Step::Right(j)));
    }

    /// Anchors for a large stretch without unique identical sentences: for each left
    /// sentence, the most similar right one among those sharing a rare word, kept when
    /// similar enough; then the heaviest chain of them in mutual order.
    fn similar_anchors(
        &mut self,
        li: &[usize],
        rj: &[usize],
    ) -> Result<Vec<(usize, usize)>, Cancelled> {
        let (lb, rb) = (self.left.bags, self.right.bags);
        let index = Postings::new(rj.iter().map(|&j| rb[j].as_slice()));
        let mut counter = Counter::new(rj.len());
        let mut candidates: Vec<(usize, usize, f32)> = Vec::new();
        for (a, &i) in li.iter().enumerate() {
            let work = index.count(&lb[i], &mut counter);
            if self.budget.tick(work + lb[i].len() * CANDIDATES)? {
                self.approximate = true;
                counter.clear();
                break;
            }
            let expected = a * rj.len() / li.len();
            let best = counter
                .top(CANDIDATES)
                .into_iter()
                .map(|b| (dice(&lb[i], &rb[rj[b]]), b))
                .max_by(|x, y| {
                    x.0.total_cmp(&y.0)
                        .then_with(|| y.1.abs_diff(expected).cmp(&x.1.abs_diff(expected)))
                });
            counter.clear();
            if let Some((sim, b)) = best.filter(|(sim, _)| *sim >= ANCHOR_THRESHOLD) {
                candidates.push((a, b, sim));
            }
        }
        Ok(heaviest_chain(&candidates, rj.len()))
    }

    /// Best-first pairing of the sentences the chain left alone, above [`MOVE_THRESHOLD`].
    fn pair_leftovers(&mut self, path: &[Step]) -> Result<Vec<(usize, usize)>, Cancelled> {
        let lefts: Vec<usize> = path
            .iter()
            .filter_map(|s| match s {
                Step::Left(i) => Some(*i),
                _ => None,
            })
            .collect();
        let rights: Vec<usize> = path
            .iter()
            .filter_map(|s| match s {
                Step::Right(j) => Some(*j),
                _ => None,
            })
            .collect();
        if lefts.is_empty() || rights.is_empty() {
            return Ok(Vec::new());
        }
        let (lb, rb) = (self.left.bags, self.right.bags);
        let mut candidates = Vec::new();
        if self.budget.expired() {
            // Out of time: only identical sentences, found by hash.
            self.approximate = true;
            let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
            for &j in rights.iter().rev() {
                by_hash.entry(self.right.hashes[j]).or_default().push(j);
            }
            for &i in &lefts {
                if let Some(j) = by_hash
                    .get_mut(&self.left.hashes[i])
                    .and_then(Vec::pop)
                    .filter(|_| !lb[i].is_empty())
                {
                    candidates.push((1.0, i, j));
                }
            }
        } else if pairs_work(lb, rb, &lefts, &rights) <= PAIR_WORK {
            for &i in &lefts {
                if self.budget.tick(rights.len() * (lb[i].len() + 1))? {
                    self.approximate = true;
                    break;
                }
                for &j in &rights {
                    let (a, b) = (lb[i].len(), rb[j].len());
                    if a == 0 || b == 0 || (2 * a.min(b)) as f32 / ((a + b) as f32) < MOVE_THRESHOLD
                    {
                        continue;
                    }
                    let sim = dice(&lb[i], &rb[j]);
                    if sim >= MOVE_THRESHOLD {
                        candidates.push((sim, i, j));
                    }
                }
            }
        } else {
            self.approximate = true;
            let index = Postings::new(rights.iter().map(|&j| rb[j].as_slice()));
            let mut counter = Counter::new(rights.len());
            for &i in &lefts {
                let work = index.count(&lb[i], &mut counter);
                if self.budget.tick(work + lb[i].len() * CANDIDATES)? {
                    counter.clear();
                    break;
                }
                for b in counter.top(CANDIDATES) {
                    let sim = dice(&lb[i], &rb[rights[b]]);
                    if sim >= MOVE_THRESHOLD {
                        candidates.push((sim, i, rights[b]));
                    }
                }
                counter.clear();
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
        Ok(pairs)
    }
}

/// An inverted index from word ids to the sentences (local indexes) that hold them; words
/// in more than [`MAX_POSTINGS`] sentences are left out as too common to tell sentences apart.
struct Postings {
    lists: HashMap<u64, Vec<u32>>,
}

impl Postings {
    fn new<'b>(bags: impl Iterator<Item = &'b [u64]>) -> Self {
        let mut lists: HashMap<u64, Vec<u32>> = HashMap::new();
        for (b, bag) in bags.enumerate() {
            let b = u32::try_from(b).unwrap_or(u32::MAX);
            let mut last = None;
            for &token in bag {
                if last != Some(token) {
                    let list = lists.entry(token).or_default();
                    if list.len() <= MAX_POSTINGS {
                        list.push(b);
                    }
                    last = Some(token);
                }
            }
        }
        lists.retain(|_, list| list.len() <= MAX_POSTINGS);
        Self { lists }
    }

    /// Counts, for each indexed sentence, the distinct words it shares with `bag`; returns
    /// the work done.
    fn count(&self, bag: &[u64], counter: &mut Counter) -> usize {
        let mut work = bag.len();
        let mut last = None;
        for &token in bag {
            if last == Some(token) {
                continue;
            }
            last = Some(token);
            if let Some(list) = self.lists.get(&token) {
                work += list.len();
                for &b in list {
                    counter.add(b as usize);
                }
            }
        }
        work
    }
}

/// Shared-word counts per sentence with the list of sentences touched, so clearing is cheap.
struct Counter {
    counts: Vec<u32>,
    touched: Vec<usize>,
}

impl Counter {
    fn new(len: usize) -> Self {
        Self {
            counts: vec![0; len],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, b: usize) {
        if self.counts[b] == 0 {
            self.touched.push(b);
        }
        self.counts[b] += 1;
    }

    /// Up to `k` sentences with the highest counts (ties: lower index first).
    fn top(&mut self, k: usize) -> Vec<usize> {
        let counts = &self.counts;
        self.touched
            .sort_unstable_by(|&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
        self.touched.iter().copied().take(k).collect()
    }

    fn clear(&mut self) {
        for &b in &self.touched {
            self.counts[b] = 0;
        }
        self.touched.clear();
    }
}

/// Pairs of positions `(a, b)` in `li` x `rj` whose sentences are identical and occur once
/// on each side of the stretch, reduced to the longest chain in mutual order.
fn unique_identical(
    left: &[u64],
    right: &[u64],
    li: &[usize],
    rj: &[usize],
) -> Vec<(usize, usize)> {
    // hash -> (count left, position left, count right, position right)
    let mut seen: HashMap<u64, (u32, usize, u32, usize)> = HashMap::with_capacity(li.len());
    for (a, &i) in li.iter().enumerate() {
        let entry = seen.entry(left[i]).or_insert((0, a, 0, 0));
        entry.0 += 1;
    }
    for (b, &j) in rj.iter().enumerate() {
        if let Some(entry) = seen.get_mut(&right[j]) {
            entry.2 += 1;
            entry.3 = b;
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|&(nl, _, nr, _)| nl == 1 && nr == 1)
        .map(|(_, a, _, b)| (a, b))
        .collect();
    pairs.sort_unstable();
    let rights: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    longest_increasing(&rights)
        .into_iter()
        .map(|k| pairs[k])
        .collect()
}

/// Indexes of a longest strictly increasing subsequence of `values` (O(n log n)).
fn longest_increasing(values: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // index of the smallest tail of each length
    let mut prev: Vec<Option<usize>> = vec![None; values.len()];
    for (k, &v) in values.iter().enumerate() {
        let at = tails.partition_point(|&t| values[t] < v);
        prev[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(k) = at {
        out.push(k);
        at = prev[k];
    }
    out.reverse();
    out
}

/// The chain of candidates `(a, b, weight)` (sorted by `a`, one per `a`) with `b` strictly
/// increasing and the largest total weight, as `(a, b)` pairs (O(n log m), Fenwick tree).
fn heaviest_chain(candidates: &[(usize, usize, f32)], m: usize) -> Vec<(usize, usize)> {
    // tree[k] holds the best (score, candidate) among a range of right positions.
    let mut tree: Vec<(f32, Option<usize>)> = vec![(0.0, None); m + 1];
    let mut prev: Vec<Option<usize>> = vec![None; candidates.len()];
    let mut score = vec![0f32; candidates.len()];
    for (k, &(_, b, weight)) in candidates.iter().enumerate() {
        // Best chain ending at a right position < b.
        let mut best = (0.0f32, None);
        let mut i = b;
        while i > 0 {
            if tree[i].0 > best.0 {
                best = tree[i];
            }
            i &= i - 1;
        }
        score[k] = best.0 + weight;
        prev[k] = best.1;
        let mut i = b + 1;
        while i <= m {
            if score[k] > tree[i].0 {
                tree[i] = (score[k], Some(k));
            }
            i += i & i.wrapping_neg();
        }
    }
    let mut at =
        (0..candidates.len()).max_by(|&x, &y| score[x].total_cmp(&score[y]).then(y.cmp(&x)));
    let mut out = Vec::new();
    while let Some(k) = at {
        out.push((candidates[k].0, candidates[k].1));
        at = prev[k];
    }
    out.reverse();
    out
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
    // Read backwards so that, among chains of the same length, the earliest pins win.
    let backwards: Vec<usize> = valid.iter().rev().map(|p| usize::MAX - p.right).collect();
    let chain: BTreeSet<usize> = longest_increasing(&backwards)
        .into_iter()
        .map(|k| valid.len() - 1 - k)
        .collect();
    let (chain, loose): (Vec<_>, Vec<_>) = valid
        .into_iter()
        .enumerate()
        .partition(|(k, _)| chain.contains(k));
    (
        chain.into_iter().map(|(_, p)| p).collect(),
        loose.into_iter().map(|(_, p)| p).collect(),
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
    use std::time::Duration;

    use super::*;
    use crate::compare::control::CompareControl;

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

    fn hashes(bags: &[Vec<u64>]) -> Vec<u64> {
        bags.iter()
            .map(|b| {
                b.iter()
                    .fold(17u64, |h, &t| h.wrapping_mul(31).wrapping_add(t))
            })
            .collect()
    }

    fn run(left: &[Vec<u64>], right: &[Vec<u64>], pins: &[Pin], work: usize) -> Alignment {
        let (lh, rh) = (hashes(left), hashes(right));
        let mut budget = Budget::new(Duration::from_secs(10), CompareControl::default());
        align_within(
            &Sentences {
                bags: left,
                hashes: &lh,
            },
            &Sentences {
                bags: right,
                hashes: &rh,
            },
            pins,
            &mut budget,
            work,
        )
        .expect("not cancelled")
    }

    #[test]
    fn chain_pairs_skips_and_moves() {
        let left = bags(&[&[1, 2, 3], &[4, 5, 6], &[7, 8, 9], &[10, 11, 12]]);
        let right = bags(&[&[1, 2, 3], &[7, 8, 9], &[20, 21], &[4, 5, 6]]);
        let steps = run(&left, &right, &[], SEGMENT_WORK).steps;
        // Sentences 1 and 2 swapped places: one of them stays in the chain, the other is moved.
        assert_eq!(
            steps,
            vec![
                pair(0, 0),
                Step::Right(2),
                pair(1, 3),
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
        let steps = run(&left, &right, &[], SEGMENT_WORK).steps;
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
        let steps = run(&left, &right, &[Pin { left: 0, right: 1 }], SEGMENT_WORK).steps;
        assert_eq!(steps, vec![Step::Right(0), pair(0, 1), Step::Left(1)]);
        let steps = run(
            &left,
            &right,
            &[Pin { left: 0, right: 1 }, Pin { left: 1, right: 0 }],
            SEGMENT_WORK,
        )
        .steps;
        assert!(steps.contains(&pair(0, 1)));
        assert!(steps.contains(&Step::Pair {
            left: 1..2,
            right: 0..1,
            moved: true
        }));
        assert_eq!(steps.len(), 2);
    }

    #[test]
    fn large_stretches_are_anchored_on_unique_identical_sentences() {
        let left = bags(&[&[1, 2], &[3, 4], &[5, 6], &[7, 8], &[9, 10], &[11, 12]]);
        let right = bags(&[&[1, 2], &[3, 40], &[5, 6], &[7, 80], &[9, 10], &[11, 13]]);
        // A limit of 20 units: the anchors cut the rest into 1x1 pieces.
        let alignment = run(&left, &right, &[], 20);
        assert!(!alignment.approximate);
        assert!(alignment.steps.contains(&pair(2, 2)));
        assert!(alignment.steps.contains(&pair(3, 3)) || alignment.steps.contains(&Step::Left(3)));
        // No dynamic programming: only identical sentences and rare-word anchors pair.
        let alignment = run(&left, &right, &[], 0);
        assert!(alignment.steps.contains(&pair(4, 4)));
    }

    #[test]
    fn identical_repeated_sentences_pair_by_head_and_tail() {
        // No sentence is unique, and the grid is over the limit: the common head pairs all.
        let one: &[u64] = &[1, 2, 3];
        let left = bags(&[one; 50]);
        let alignment = run(&left, &left, &[], 10);
        assert!(!alignment.approximate);
        assert_eq!(alignment.steps.len(), 50);
        assert!(
            alignment
                .steps
                .iter()
                .enumerate()
                .all(|(k, s)| *s == pair(k, k))
        );
    }

    #[test]
    fn chains_and_subsequences() {
        assert_eq!(longest_increasing(&[3, 1, 2, 5, 4, 6]), vec![1, 2, 4, 5]);
        assert!(longest_increasing(&[]).is_empty());
        let chain = heaviest_chain(&[(0, 5, 1.0), (1, 1, 0.6), (2, 2, 0.6), (3, 6, 0.9)], 8);
        assert_eq!(chain, vec![(1, 1), (2, 2), (3, 6)]);
    }
}
