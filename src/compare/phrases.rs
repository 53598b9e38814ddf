//! Shared phrases: maximal runs of two or more words that both texts contain, so mirrored
//! formulations ("inherent territory", "we urge the ... side") get the same colour on both
//! sides. Stop words do not count at either end of a phrase.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::result::{SharedPhrase, TextSpan};
use crate::text::{CharIndex, Span};

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
    pub index: &'a CharIndex,
    pub words: &'a [PhraseWord],
}

/// Finds shared phrases of at least `min_words` words (after trimming stop words).
pub(crate) fn shared_phrases(
    left: &PhraseSide<'_>,
    right: &PhraseSide<'_>,
    min_words: usize,
) -> Vec<SharedPhrase> {
    let (lw, rw) = (left.words, right.words);
    let mut positions: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, w) in lw.iter().enumerate().filter(|(_, w)| !w.stop) {
        positions.entry(w.id).or_default().push(i);
    }
    let same = |i: usize, j: usize, ri: usize, rj: usize| {
        lw[i].id == rw[j].id
            && lw[i].sentence == lw[ri].sentence
            && rw[j].sentence == rw[rj].sentence
    };
    // Occurrences per phrase (its id sequence), as word index ranges per side.
    let mut found = Found::new();
    for (j, word) in rw.iter().enumerate().filter(|(_, w)| !w.stop) {
        let Some(lefts) = positions.get(&word.id) else {
            continue;
        };
        for &i in lefts {
            // Walk back; if an earlier content word also matches, that pair owns this run.
            let mut back = 0;
            let mut owned_elsewhere = false;
            while back < i && back < j && same(i - back - 1, j - back - 1, i, j) {
                back += 1;
                if !lw[i - back].stop {
                    owned_elsewhere = true;
                    break;
                }
            }
            if owned_elsewhere {
                continue;
            }
            let mut len = 1;
            while i + len < lw.len() && j + len < rw.len() && same(i + len, j + len, i, j) {
                len += 1;
            }
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
    resolve(left, right, found)
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
