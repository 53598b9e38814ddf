//! Comparison: normalise (with offset maps) -> sentences -> align -> diff -> shifts ->
//! shared phrases, under one deadline ([`CompareControl`] adds progress and cancel).
//!
//! [`compare_texts`] splits both texts into sentences, aligns them in order (with merges and
//! skips), pairs what is left out of order as `moved`, diffs each pair on normalised words
//! (refined by character in character mode) and maps every operation back to the original
//! text, so what is ignored is still shown as written and the changes rebuild both texts
//! exactly. Each pair is read for shifts of position ([`Shift`]: stronger, weaker, hedged,
//! negated, renamed). [`NearDuplicateIndex`] finds other versions of a statement among many;
//! [`pair_by_similarity`] pairs two groups of statements; [`collate`] lays versions of a
//! formulation against a base.
//!
//! The diff runs `similar`'s Myers algorithm with a deadline over token ids rather than
//! `TextDiff::diff_unicode_words`, because the tokens come from our own normalised view
//! (NFKC, case, quotes, dashes, aliases, ignored punctuation and white space) and each keeps
//! its original byte span; the word boundaries are the same Unicode ones.

mod align;
mod control;
mod diff;
mod engine;
mod lexicon;
mod neardup;
mod normalise;
mod offsets;
mod options;
mod pairing;
mod phrases;
mod result;
mod sentences;
mod shift;
pub mod timeline;
mod words;

pub use control::{Cancelled, CompareControl, CompareProgress, CompareStage};
pub use engine::{
    collate, compare_texts, compare_texts_controlled, compare_texts_with_pins,
    effective_granularity,
};
pub use neardup::NearDuplicateIndex;
pub use normalise::Normalised;
pub use offsets::CharOffsets;
pub use options::{Alias, CompareOptions, DEFAULT_TIME_LIMIT, Granularity, Pin};
pub use pairing::{Pairing, pair_by_similarity};
pub use result::{
    Change, ChangeOp, Comparison, Coverage, Row, SharedPhrase, SideCoverage, Summary, SummaryUnit,
    TextSpan,
};
pub use sentences::split_sentences;
pub use shift::{NameUse, Renaming, Shift, ShiftKind};
