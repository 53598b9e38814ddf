//! Comparison: normalise (with offset maps) -> sentences -> align -> diff -> shared phrases.
//!
//! [`compare_texts`] splits both texts into sentences, aligns them in order (with merges and
//! skips), pairs what is left out of order as `moved`, diffs each pair on normalised tokens and
//! maps every operation back to the original text, so what is ignored is still shown as
//! written. [`NearDuplicateIndex`] finds other versions of a statement among many;
//! [`pair_by_similarity`] pairs two groups of statements; [`collate`] lays versions of a
//! formulation against a base.
//!
//! The diff runs `similar`'s Myers algorithm with a deadline over token ids rather than
//! `TextDiff::diff_unicode_words`, because the tokens come from our own normalised view
//! (NFKC, case, quotes, dashes, aliases, ignored punctuation and white space) and each keeps
//! its original byte span; the word boundaries are the same Unicode ones.

mod align;
mod diff;
mod engine;
mod lexicon;
mod neardup;
mod normalise;
mod options;
mod pairing;
mod phrases;
mod result;
mod sentences;
mod words;

pub use engine::{collate, compare_texts, compare_texts_with_pins};
pub use neardup::NearDuplicateIndex;
pub use normalise::Normalised;
pub use options::{Alias, CompareOptions, Granularity, Pin};
pub use pairing::{Pairing, pair_by_similarity};
pub use result::{
    Change, ChangeOp, Comparison, Coverage, Row, SharedPhrase, SideCoverage, TextSpan,
};
pub use sentences::split_sentences;
