//! The comparison pipeline: normalise and tokenise both texts, split sentences, align them,
//! diff each pair, find shared phrases and count coverage.

use std::collections::HashMap;
use std::ops::Range;
use std::time::Instant;

use super::align::{Step, align};
use super::diff::{DiffSide, diff_pair, one_sided};
use super::lexicon::is_stop_word;
use super::normalise::{AliasTable, Token, TokenKind, mostly_cjk, tokenise};
use super::options::{CompareOptions, Granularity, Pin};
use super::phrases::{PhraseSide, PhraseWord, shared_phrases};
use super::result::{ChangeOp, Comparison, Coverage, Row, SideCoverage, TextSpan};
use super::sentences::split_sentences;
use crate::text::{CharIndex, Span};

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
    let deadline = Instant::now() + options.time_limit;
    let cjk = mostly_cjk(left) || mostly_cjk(right);
    let granularity = if cjk {
        Granularity::Char
    } else {
        options.granularity
    };
    let aliases = AliasTable::new(&options.aliases, options);
    let mut interner = Interner::default();
    let l = Prepared::new(left, options, &aliases, granularity, &mut interner);
    let r = Prepared::new(right, options, &aliases, granularity, &mut interner);

    let alignment = align(&l.bags(&interner, cjk), &r.bags(&interner, cjk), pins);
    let mut approximate = alignment.approximate;
    let mut rows = Vec::with_capacity(alignment.steps.len());
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
    for step in alignment.steps {
        let row = match step {
            Step::Pair {
                left: ls,
                right: rs,
                moved,
            } => {
                coverage.left.matched += ls.len();
                coverage.right.matched += rs.len();
                let diff = diff_pair(&l.side(&ls), &r.side(&rs), deadline);
                approximate |= diff.approximate;
                Row {
                    left: Some(l.text_span(&ls)),
                    right: Some(r.text_span(&rs)),
                    similarity: round3(diff.similarity),
                    moved,
                    changes: diff.changes,
                    left_sentences: ls,
                    right_sentences: rs,
                }
            }
            Step::Left(i) => l.one_sided_row(i, ChangeOp::Delete),
            Step::Right(j) => r.one_sided_row(j, ChangeOp::Insert),
        };
        rows.push(row);
    }

    let (lw, rw) = (
        l.phrase_words(options, &aliases, &mut interner),
        r.phrase_words(options, &aliases, &mut interner),
    );
    let shared = shared_phrases(
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
    );
    Comparison {
        rows,
        shared_phrases: shared,
        coverage,
        approximate,
        left_text: left.to_owned(),
        right_text: right.to_owned(),
        left_sentences: l.sentences,
        right_sentences: r.sentences,
    }
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
    stop: Vec<bool>,
}

impl Interner {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = u32::try_from(self.stop.len()).unwrap_or(u32::MAX);
        self.ids.insert(key.to_owned(), id);
        self.stop.push(is_stop_word(key));
        id
    }

    fn is_stop(&self, id: u32) -> bool {
        self.stop.get(id as usize).copied().unwrap_or(false)
    }
}

/// One text ready for alignment and diffing.
struct Prepared<'a> {
    text: &'a str,
    chars: CharIndex,
    sentences: Vec<Span>,
    tokens: Vec<Token>,
    ids: Vec<u32>,
    spans: Vec<Span>,
    /// Token index range of each sentence.
    sentence_tokens: Vec<Range<usize>>,
}

impl<'a> Prepared<'a> {
    fn new(
        text: &'a str,
        options: &CompareOptions,
        aliases: &AliasTable,
        granularity: Granularity,
        interner: &mut Interner,
    ) -> Self {
        let sentences = split_sentences(text);
        let tokens = tokenise(text, options, aliases, granularity);
        let ids = tokens.iter().map(|t| interner.id(&t.key)).collect();
        let spans = tokens.iter().map(|t| t.orig).collect();
        let sentence_tokens = ranges_by_sentence(&sentences, &tokens);
        Self {
            text,
            chars: CharIndex::new(text),
            sentences,
            tokens,
            ids,
            spans,
            sentence_tokens,
        }
    }

    /// A sorted bag per sentence: content words (all words when a sentence has no content
    /// word), or character bigrams for CJK text.
    fn bags(&self, interner: &Interner, cjk: bool) -> Vec<Vec<u64>> {
        self.sentence_tokens
            .iter()
            .map(|range| {
                let words: Vec<u32> = range
                    .clone()
                    .filter(|&k| self.tokens[k].kind == TokenKind::Word)
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

    /// Byte span covering the sentences `range`.
    fn span_of(&self, range: &Range<usize>) -> Span {
        let first = self
            .sentences
            .get(range.start)
            .copied()
            .unwrap_or(Span::new(0, 0));
        let last = self
            .sentences
            .get(range.end.saturating_sub(1))
            .copied()
            .unwrap_or(first);
        Span::new(first.start, last.end)
    }

    fn text_span(&self, range: &Range<usize>) -> TextSpan {
        TextSpan::new(self.text, &self.chars, self.span_of(range))
    }

    fn side(&self, range: &Range<usize>) -> DiffSide<'_> {
        let tokens = self.sentence_tokens.get(range.start).map_or(0, |r| r.start)
            ..self
                .sentence_tokens
                .get(range.end.saturating_sub(1))
                .map_or(0, |r| r.end);
        let tokens = tokens.start..tokens.end.max(tokens.start);
        DiffSide {
            text: self.text,
            span: self.span_of(range),
            ids: &self.ids[tokens.clone()],
            spans: &self.spans[tokens],
        }
    }

    fn one_sided_row(&self, index: usize, op: ChangeOp) -> Row {
        let range = index..index + 1;
        let span = self.span_of(&range);
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
            changes: one_sided(self.text, span, op),
            left_sentences,
            right_sentences,
        }
    }

    /// Word tokens (always word granularity) for shared phrases.
    fn phrase_words(
        &self,
        options: &CompareOptions,
        aliases: &AliasTable,
        interner: &mut Interner,
    ) -> Vec<PhraseWord> {
        let tokens: Vec<Token> = tokenise(self.text, options, aliases, Granularity::Word)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .collect();
        let ranges = ranges_by_sentence(&self.sentences, &tokens);
        let mut words = Vec::with_capacity(tokens.len());
        for (sentence, range) in ranges.into_iter().enumerate() {
            for token in &tokens[range] {
                let id = interner.id(&token.key);
                words.push(PhraseWord {
                    id,
                    span: token.orig,
                    sentence,
                    stop: interner.is_stop(id),
                });
            }
        }
        words
    }
}

/// Token index range of each sentence (tokens outside every sentence belong to none).
fn ranges_by_sentence(sentences: &[Span], tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut k = 0;
    for sentence in sentences {
        while k < tokens.len() && tokens[k].orig.start < sentence.start {
            k += 1;
        }
        let start = k;
        while k < tokens.len() && tokens[k].orig.start < sentence.end {
            k += 1;
        }
        out.push(start..k);
    }
    out
}
