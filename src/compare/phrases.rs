//! Shared phrases: maximal runs of two or more words that both texts contain, so mirrored
//! formulations ("inherent territory", "we urge the ... side") get the same colour on both
//! sides. Stop words do not count at either end of a phrase. The search is bounded: phrases
//! are at most [`MAX_PHRASE_WORDS`] long, an opening repeated very often is only tried
//! against its nearest repeats on the other side, and the comparison's deadline stops it
//! (the result then says so).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::control::{Budget, Cancelled, CompareStage};
use super::offsets::CharOffsets;
use super::result::{SharedPhrase, TextSpan};
use crate::text::Span;

/// Word index ranges `(start, end)` of one phrase's occurrences on one side.
type Occurrences = BTreeSet<(usize, usize)>;
/// Occurrences on both sides, by the phrase's key sequence.
type Found = BTreeMap<Vec<u32>, (Occurrences, Occurrences)>;

/// A word of one side as phrase finding sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PhraseWord {
    /// Interned normalised key.
    pub id: u32,
    /// Original byte span.
    pub span: Span,
    /// Sentence index; phrases do not cross sentences.
    pub sentence: usize,
    /// Low-content word.
    pub stop: bool,
}

/// One side's text and words.
pub(crate) struct PhraseSide<'a> {
    pub text: &'a str,
    pub index: &'a CharOffsets,
    pub words: &'a [PhraseWord],
}

/// Longest phrase, in words; a longer run of shared words becomes several phrases.
const MAX_PHRASE_WORDS: usize = 64;
/// Left occurrences tried per right occurrence of an opening word pair (those nearest the
/// matching place in the left text): a formula repeated in every paragraph is not paired
/// with every repeat on the other side.
const MAX_SEEDS: usize = 16;
/// Word comparisons for the whole search.
const MAX_STEPS: usize = 20_000_000;

/// Finds shared phrases of at least `min_words` words (after trimming stop words). Phrases
/// open at a content word whose next word matches too, and are looked up by that word pair,
/// so the work grows with the number of shared openings, not with the texts' product.
/// Returns the phrases and whether a limit cut the search short.
pub(crate) fn shared_phrases(
    left: &PhraseSide<'_>,
    right: &PhraseSide<'_>,
    min_words: usize,
    budget: &mut Budget<'_>,
) -> Result<(Vec<SharedPhrase>, bool), Cancelled> {
    let (lw, rw) = (left.words, right.words);
    let opening = |words: &[PhraseWord], i: usize| -> Option<u64> {
        let next = words.get(i + 1)?;
        let word = &words[i];
        (!word.stop && next.sentence == word.sentence)
            .then(|| (u64::from(word.id) << 32) | u64::from(next.id))
    };
    let mut positions: HashMap<u64, Vec<u32>> = HashMap::new();
    for i in 0..lw.len() {
        if let Some(key) = opening(lw, i) {
            positions
                .entry(key)
                .or_default()
                .push(u32::try_from(i).unwrap_or(u32::MAX));
        }
    }
    let same = |i: usize, j: usize, ri: usize, rj: usize| {
        lw[i].id == rw[j].id
            && lw[i].sentence == lw[ri].sentence
            && rw[j].sentence == rw[rj].sentence
    };
    let mut cut = false;
    let mut steps = 0usize;
    // Occurrences per phrase (its id sequence), as word index ranges per side.
    let mut found = Found::new();
    for j in 0..rw.len() {
        if j % 1024 == 0 {
            budget.progress(CompareStage::Phrases, j, rw.len());
        }
        if budget.tick(1)? || steps > MAX_STEPS {
            cut = true;
            break;
        }
        let Some(key) = opening(rw, j) else {
            continue;
        };
        let Some(lefts) = positions.get(&key) else {
            continue;
        };
        let seeds = if lefts.len() <= MAX_SEEDS {
            lefts.as_slice()
        } else {
            cut = true;
            // The window of MAX_SEEDS occurrences around where j falls in the left text.
            let expected = u32::try_from(j * lw.len() / rw.len().max(1)).unwrap_or(u32::MAX);
            let at = lefts.partition_point(|&i| i < expected);
            let start = at
                .saturating_sub(MAX_SEEDS / 2)
                .min(lefts.len() - MAX_SEEDS);
            &lefts[start..start + MAX_SEEDS]
        };
        for &i in seeds {
            let i = i as usize;
            // Walk back; if an earlier content word also matches, that pair owns this run.
            let mut back = 0;
            let mut owned_elsewhere = false;
            while back < i
                && back < j
                && back < MAX_PHRASE_WORDS
                && same(i - back - 1, j - back - 1, i, j)
            {
                back += 1;
                if !lw[i - back].stop {
                    owned_elsewhere = true;
                    break;
                }
            }
            steps += back + 1;
            if owned_elsewhere {
                continue;
            }
            let mut len = 1;
            while len < MAX_PHRASE_WORDS
                && i + len < lw.len()
                && j + len < rw.len()
                && same(i + len, j + len, i, j)
            {
                len += 1;
            }
            steps += len;
            // Trim trailing stop words (the run starts at a content word).
            while len > 0 && lw[i + len - 1].stop {
                len -= 1;
            }
            if len < min_words {
                continue;
            }
            let key: Vec<u32> = lw[i..i + len].iter().map(|w| w.id).collect();
            let entry = found.entry(key).or_default();
            entry.0.insert((i, i + len));
            entry.1.insert((j, j + len));
        }
    }
    Ok((resolve(left, right, found), cut))
}

/// Keeps the longest phrases where occurrences overlap, then numbers them in left order.
fn resolve(left: &PhraseSide<'_>, right: &PhraseSide<'_>, found: Found) -> Vec<SharedPhrase> {
    let mut phrases: Vec<_> = found.into_iter().collect();
    phrases.sort_by(|a, b| {
        b.0.len()
            .cmp(&a.0.len())
            .then_with(|| a.1.0.first().cmp(&b.1.0.first()))
    });
    let mut claimed_left = vec![false; left.words.len()];
    let mut claimed_right = vec![false; right.words.len()];
    type Kept = (Vec<(usize, usize)>, Vec<(usize, usize)>);
    let mut kept: Vec<Kept> = Vec::new();
    for (_, (lefts, rights)) in phrases {
        let take = |occ: Occurrences, claimed: &mut Vec<bool>| {
            let mut out = Vec::new();
            for (s, e) in occ {
                if claimed[s..e].iter().all(|c| !c) {
                    claimed[s..e].iter_mut().for_each(|c| *c = true);
                    out.push((s, e));
                }
            }
            out
        };
        // Check before claiming, so a phrase that loses one side claims nothing.
        let l_free: BTreeSet<_> = lefts
            .into_iter()
            .filter(|&(s, e)| claimed_left[s..e].iter().all(|c| !c))
            .collect();
        let r_free: BTreeSet<_> = rights
            .into_iter()
            .filter(|&(s, e)| claimed_right[s..e].iter().all(|c| !c))
            .collect();
        if l_free.is_empty() || r_free.is_empty() {
            continue;
        }
        let l = take(l_free, &mut claimed_left);
        let r = take(r_free, &mut claimed_right);
        if !l.is_empty() && !r.is_empty() {
            kept.push((l, r));
        }
    }
    kept.sort_by(|a, b| a.0.first().cmp(&b.0.first()));
    let spans = |side: &PhraseSide<'_>, occ: &[(usize, usize)]| -> Vec<TextSpan> {
        occ.iter()
            .map(|&(s, e)| {
                let bytes = Span::new(side.words[s].span.start, side.words[e - 1].span.end);
                TextSpan::new(side.text, side.index, bytes)
            })
            .collect()
    };
    kept.iter()
        .enumerate()
        .map(|(id, (l, r))| {
            let left_spans = spans(left, l);
            SharedPhrase {
                id,
                text: left_spans
                    .first()
                    .map(|s| s.text.clone())
                    .unwrap_or_default(),
                left: left_spans,
                right: spans(right, r),
            }
        })
        .collect()
}
