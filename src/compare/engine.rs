//! The comparison pipeline: normalise and tokenise both texts, split sentences, align them,
//! diff each pair (refining by character in character mode), read each pair's shifts, find
//! shared phrases and count coverage, all under one deadline.

use std::collections::HashMap;
use std::ops::Range;

use super::align::{Sentences, Step, align};
use super::control::{Budget, Cancelled, CompareControl, CompareStage};
use super::diff::{CharRefine, DiffSide, diff_pair, one_sided};
use super::lexicon::is_stop_word;
use super::normalise::{AliasTable, TokenKind, each_token, mostly_cjk};
use super::offsets::CharOffsets;
use super::options::{CompareOptions, Granularity, Pin};
use super::phrases::{PhraseSide, PhraseWord, shared_phrases};
use super::result::{
    ChangeOp, Comparison, Coverage, Row, SideCoverage, Summary, SummaryUnit, TextSpan,
};
use super::sentences::split_sentences;
use super::shift::{ShiftSide, read_shifts};
use super::words::fnv;
use crate::text::Span;

/// Pairs less alike than this (share of words in common) are different sentences that the
/// alignment put side by side, not two versions of one, so their differences are not read
/// as shifts of position.
const MIN_SHIFT_SIMILARITY: f32 = 0.4;

/// Compares two texts sentence by sentence.
#[must_use]
pub fn compare_texts(left: &str, right: &str, options: &CompareOptions) -> Comparison {
    compare_texts_with_pins(left, right, options, &[])
}

/// Compares two texts; `pins` force sentence pairs (indexes into [`split_sentences`] of each
/// text; invalid or repeated pins are ignored).
#[must_use]
pub fn compare_texts_with_pins(
    left: &str,
    right: &str,
    options: &CompareOptions,
    pins: &[Pin],
) -> Comparison {
    // Without a cancel flag the comparison cannot be cancelled.
    compare_texts_controlled(left, right, options, pins, CompareControl::default())
        .unwrap_or_default()
}

/// The granularity a comparison of these texts diffs with: characters for text that is
/// mostly Chinese or Japanese, else the one asked for.
#[must_use]
pub fn effective_granularity(left: &str, right: &str, options: &CompareOptions) -> Granularity {
    if mostly_cjk(left) || mostly_cjk(right) {
        Granularity::Char
    } else {
        options.granularity
    }
}

/// Compares two texts with progress reports and a way to stop: the form for a background
/// thread. `options.time_limit` bounds the whole comparison; past it the rest is done the
/// cheap way and the result says `approximate` (its changes still rebuild both texts).
///
/// # Errors
/// [`Cancelled`] when `control.cancel` was set.
pub fn compare_texts_controlled(
    left: &str,
    right: &str,
    options: &CompareOptions,
    pins: &[Pin],
    control: CompareControl<'_>,
) -> Result<Comparison, Cancelled> {
    let mut budget = Budget::new(options.time_limit, control);
    budget.progress(CompareStage::Reading, 0, 2);
    let cjk = mostly_cjk(left) || mostly_cjk(right);
    let granularity = if cjk {
        Granularity::Char
    } else {
        options.granularity
    };
    let aliases = AliasTable::new(&options.aliases, options);
    let mut interner = Interner::default();
    let l = Prepared::new(left, options, &aliases, &mut interner);
    budget.progress(CompareStage::Reading, 1, 2);
    budget.check()?;
    let r = Prepared::new(right, options, &aliases, &mut interner);
    budget.check()?;

    let (lb, rb) = (l.bags(&interner, cjk), r.bags(&interner, cjk));
    let (lh, rh) = (l.hashes(), r.hashes());
    let alignment = align(
        &Sentences {
            bags: &lb,
            hashes: &lh,
        },
        &Sentences {
            bags: &rb,
            hashes: &rh,
        },
        pins,
        &mut budget,
    )?;
    drop((lb, rb, lh, rh));
    let mut approximate = alignment.approximate;
    let mut coverage = Coverage {
        left: SideCoverage {
            matched: 0,
            total: l.sentences.len(),
        },
        right: SideCoverage {
            matched: 0,
            total: r.sentences.len(),
        },
    };
    let refine = CharRefine { options };
    let refine = (granularity == Granularity::Char).then_some(&refine);
    let total_steps = alignment.steps.len();
    // Tokens of the pairs still to diff, so each pair gets its share of the time left.
    let mut pair_tokens: usize = alignment
        .steps
        .iter()
        .map(|step| match step {
            Step::Pair {
                left: ls,
                right: rs,
                ..
            } => l.token_range(ls).len() + r.token_range(rs).len(),
            _ => 0,
        })
        .sum();
    let mut rows = Vec::with_capacity(total_steps);
    for (k, step) in alignment.steps.into_iter().enumerate() {
        if k % 64 == 0 {
            budget.check()?;
            budget.progress(CompareStage::Diffing, k, total_steps);
        }
        let row = match step {
            Step::Pair {
                left: ls,
                right: rs,
                moved,
            } => {
                coverage.left.matched += ls.len();
                coverage.right.matched += rs.len();
                let (lside, rside) = (l.side(&ls), r.side(&rs));
                let tokens = lside.ids.len() + rside.ids.len();
                let deadline = budget.share(tokens as f64 / pair_tokens.max(1) as f64);
                pair_tokens = pair_tokens.saturating_sub(tokens);
                let diff = diff_pair(&lside, &rside, refine, deadline);
                approximate |= diff.approximate;
                let shifts = if diff.similarity >= MIN_SHIFT_SIMILARITY {
                    read_shifts(
                        &l.shift_side(&ls, &interner),
                        &r.shift_side(&rs, &interner),
                        &diff.runs,
                    )
                } else {
                    Vec::new()
                };
                Row {
                    left: Some(l.text_span(&ls)),
                    right: Some(r.text_span(&rs)),
                    similarity: round3(diff.similarity),
                    moved,
                    changes: diff.changes,
                    shifts,
                    left_sentences: ls,
                    right_sentences: rs,
                }
            }
            Step::Left(i) => l.one_sided_row(i, ChangeOp::Delete, options),
            Step::Right(j) => r.one_sided_row(j, ChangeOp::Insert, options),
        };
        rows.push(row);
    }

    let mut shared = Vec::new();
    if budget.expired() {
        approximate = true;
    } else {
        let (lw, rw) = (l.phrase_words(&interner), r.phrase_words(&interner));
        let (phrases, cut) = shared_phrases(
            &PhraseSide {
                text: left,
                index: &l.chars,
                words: &lw,
            },
            &PhraseSide {
                text: right,
                index: &r.chars,
                words: &rw,
            },
            if cjk { 3 } else { 2 },
            &mut budget,
        )?;
        shared = phrases;
        approximate |= cut;
    }
    let summary = Summary::of_rows(&rows, SummaryUnit::of(granularity));
    Ok(Comparison {
        rows,
        shared_phrases: shared,
        coverage,
        approximate,
        summary,
        left_text: left.to_owned(),
        right_text: right.to_owned(),
        left_sentences: l.sentences,
        right_sentences: r.sentences,
    })
}

/// Compares each version against `base`: one comparison per version, in the given order, for a
/// table of a formulation over time.
#[must_use]
pub fn collate(base: &str, versions: &[&str], options: &CompareOptions) -> Vec<Comparison> {
    versions
        .iter()
        .map(|version| compare_texts(base, version, options))
        .collect()
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// Normalised keys as small integers, shared by both sides.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    keys: Vec<String>,
    stop: Vec<bool>,
}

impl Interner {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.ids.insert(key.to_owned(), id);
        self.keys.push(key.to_owned());
        self.stop.push(is_stop_word(key));
        id
    }

    fn is_stop(&self, id: u32) -> bool {
        self.stop.get(id as usize).copied().unwrap_or(false)
    }

    fn key(&self, id: u32) -> &str {
        self.keys.get(id as usize).map_or("", String::as_str)
    }
}

/// One text ready for alignment and diffing.
struct Prepared<'a> {
    text: &'a str,
    chars: CharOffsets,
    /// Sentence spans (trimmed), as [`split_sentences`] gives them; a text of white space
    /// only has one "sentence" of that white space, so its changes still rebuild it.
    sentences: Vec<Span>,
    /// What each sentence's row covers: from its start (the text's start for the first) to
    /// the next sentence's start (the text's end for the last).
    extents: Vec<Span>,
    /// Word-granularity tokens the diff sees: ids, kinds and original spans.
    ids: Vec<u32>,
    kinds: Vec<TokenKind>,
    spans: Vec<Span>,
    /// Token index range of each sentence's extent.
    sentence_tokens: Vec<Range<usize>>,
}

impl<'a> Prepared<'a> {
    fn new(
        text: &'a str,
        options: &CompareOptions,
        aliases: &AliasTable,
        interner: &mut Interner,
    ) -> Self {
        let mut sentences = split_sentences(text);
        if sentences.is_empty() && !text.is_empty() {
            sentences.push(Span::new(0, text.len()));
        }
        let extents = extents(text, &sentences);
        let mut ids = Vec::with_capacity(text.len() / 4);
        let mut kinds = Vec::with_capacity(text.len() / 4);
        let mut spans = Vec::with_capacity(text.len() / 4);
        each_token(text, options, aliases, |key, kind, orig| {
            ids.push(interner.id(key));
            kinds.push(kind);
            spans.push(orig);
        });
        let sentence_tokens = ranges_by_span(&extents, &spans);
        Self {
            text,
            chars: CharOffsets::new(text),
            sentences,
            extents,
            ids,
            kinds,
            spans,
            sentence_tokens,
        }
    }

    /// A sorted bag per sentence: content words (all words when a sentence has no content
    /// word), or word bigrams for Chinese and Japanese, where each character is a word.
    fn bags(&self, interner: &Interner, cjk: bool) -> Vec<Vec<u64>> {
        self.sentence_tokens
            .iter()
            .map(|range| {
                let words: Vec<u32> = range
                    .clone()
                    .filter(|&k| self.kinds[k] == TokenKind::Word)
                    .map(|k| self.ids[k])
                    .collect();
                let mut bag: Vec<u64> = if cjk {
                    let mut bigrams: Vec<u64> = words
                        .windows(2)
                        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
                        .collect();
                    if bigrams.is_empty() {
                        bigrams = words.iter().map(|&w| u64::from(w)).collect();
                    }
                    bigrams
                } else {
                    let content: Vec<u64> = words
                        .iter()
                        .filter(|&&w| !interner.is_stop(w))
                        .map(|&w| u64::from(w))
                        .collect();
                    if content.is_empty() {
                        words.iter().map(|&w| u64::from(w)).collect()
                    } else {
                        content
                    }
                };
                bag.sort_unstable();
                bag
            })
            .collect()
    }

    /// A hash of each sentence's tokens in order (the same on both sides for the same
    /// normalised sentence, since ids are shared).
    fn hashes(&self) -> Vec<u64> {
        self.sentence_tokens
            .iter()
            .map(|range| {
                let mut bytes = Vec::with_capacity(range.len() * 4);
                for &id in &self.ids[range.clone()] {
                    bytes.extend_from_slice(&id.to_le_bytes());
                }
                fnv(&bytes)
            })
            .collect()
    }

    /// Byte span covering the sentences `range`, and the extent their row covers.
    fn span_of(&self, range: &Range<usize>) -> (Span, Span) {
        let pick = |spans: &[Span]| {
            let first = spans.get(range.start).copied().unwrap_or(Span::new(0, 0));
            let last = spans
                .get(range.end.saturating_sub(1))
                .copied()
                .unwrap_or(first);
            Span::new(first.start, last.end.max(first.start))
        };
        (pick(&self.sentences), pick(&self.extents))
    }

    fn text_span(&self, range: &Range<usize>) -> TextSpan {
        TextSpan::new(self.text, &self.chars, self.span_of(range).0)
    }

    fn token_range(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.sentence_tokens.get(range.start).map_or(0, |r| r.start);
        let end = self
            .sentence_tokens
            .get(range.end.saturating_sub(1))
            .map_or(0, |r| r.end);
        start..end.max(start)
    }

    fn side(&self, range: &Range<usize>) -> DiffSide<'_> {
        let tokens = self.token_range(range);
        DiffSide {
            text: self.text,
            span: self.span_of(range).1,
            ids: &self.ids[tokens.clone()],
            spans: &self.spans[tokens],
        }
    }

    fn shift_side<'s>(&'s self, range: &Range<usize>, interner: &'s Interner) -> ShiftSide<'s> {
        let tokens = self.token_range(range);
        ShiftSide {
            text: self.text,
            chars: &self.chars,
            keys: self.ids[tokens.clone()]
                .iter()
                .map(|&id| interner.key(id))
                .collect(),
            kinds: self.kinds[tokens.clone()].to_vec(),
            spans: &self.spans[tokens],
            extent: self.span_of(range).1,
        }
    }

    fn one_sided_row(&self, index: usize, op: ChangeOp, options: &CompareOptions) -> Row {
        let range = index..index + 1;
        let (sentence, extent) = self.span_of(&range);
        let text_span = Some(self.text_span(&range));
        let (left, right, left_sentences, right_sentences) = match op {
            ChangeOp::Insert => (None, text_span, 0..0, range),
            _ => (text_span, None, range, 0..0),
        };
        Row {
            left,
            right,
            similarity: 0.0,
            moved: false,
            changes: one_sided(self.text, extent, sentence, op, options.ignore_whitespace),
            shifts: Vec::new(),
            left_sentences,
            right_sentences,
        }
    }

    /// Word tokens for shared phrases.
    fn phrase_words(&self, interner: &Interner) -> Vec<PhraseWord> {
        let word_spans: Vec<(u32, Span)> = self
            .ids
            .iter()
            .zip(&self.kinds)
            .zip(&self.spans)
            .filter(|((_, kind), _)| **kind == TokenKind::Word)
            .map(|((&id, _), &span)| (id, span))
            .collect();
        let spans: Vec<Span> = word_spans.iter().map(|w| w.1).collect();
        let ranges = ranges_by_span(&self.sentences, &spans);
        let mut words = Vec::with_capacity(word_spans.len());
        for (sentence, range) in ranges.into_iter().enumerate() {
            for &(id, span) in &word_spans[range] {
                words.push(PhraseWord {
                    id,
                    span,
                    sentence,
                    stop: interner.is_stop(id),
                });
            }
        }
        words
    }
}

/// The extent of each sentence: from its start to the next one's start; the first starts
/// at 0 and the last ends at the text's end, so the extents tile the text.
fn extents(text: &str, sentences: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(sentences.len());
    for (k, sentence) in sentences.iter().enumerate() {
        let start = if k == 0 { 0 } else { sentence.start };
        let end = sentences.get(k + 1).map_or(text.len(), |next| next.start);
        out.push(Span::new(start, end.max(start)));
    }
    out
}

/// Token index range of each span (tokens starting inside it; spans in order).
fn ranges_by_span(spans: &[Span], tokens: &[Span]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(spans.len());
    let mut k = 0;
    for span in spans {
        while k < tokens.len() && tokens[k].start < span.start {
            k += 1;
        }
        let start = k;
        while k < tokens.len() && tokens[k].start < span.end {
            k += 1;
        }
        out.push(start..k);
    }
    out
}
