//! What a comparison ignores and how finely it diffs. Saved in sessions, so every field
//! added later needs `#[serde(default)]`.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The unit the in-sentence diff works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Granularity {
    /// Words (Unicode word boundaries). Text that is mostly Chinese or Japanese is diffed by
    /// character anyway, since those scripts do not separate words with spaces.
    #[default]
    Word,
    /// Characters.
    Char,
}

/// Two spellings the comparison treats as the same, such as "Diaoyu Dao" and "Senkaku Islands".
/// The text is still shown as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Alias {
    /// One spelling.
    pub from: String,
    /// The other spelling; both compare as this one.
    pub to: String,
}

impl Alias {
    /// An alias treating `from` as `to`.
    #[must_use]
    pub fn new(from: impl Into<String>, to: impl Into<String>) -> Self {
        Self {
            from: from.into(),
            to: to.into(),
        }
    }
}

/// A user's decision that sentence `left` of the left text answers sentence `right` of the
/// right text (0-based sentence indexes as returned by [`super::split_sentences`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pin {
    /// Sentence index in the left text.
    pub left: usize,
    /// Sentence index in the right text.
    pub right: usize,
}

/// The default [`CompareOptions::time_limit`]: long enough for two long transcripts in a
/// debug build, short enough that two 5 MB texts finish in under 5 s (see BENCHMARKS.md).
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(2);

/// Options of one comparison. `Eq + Hash` so a cached comparison can be keyed by them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct CompareOptions {
    /// Word or character diff.
    pub granularity: Granularity,
    /// Treat upper and lower case as equal.
    pub ignore_case: bool,
    /// Leave punctuation out of the diff (it stays in the shown text).
    pub ignore_punctuation: bool,
    /// Leave white space out of the diff (it stays in the shown text).
    pub ignore_whitespace: bool,
    /// Spellings compared as equal.
    pub aliases: Vec<Alias>,
    /// Budget for the whole comparison (alignment, diffs, shifts, shared phrases); past it
    /// the rest is done the cheap way (sentences left unpaired, coarser diffs, phrases not
    /// searched) and the result says `approximate`. Its changes still rebuild both texts.
    pub time_limit: Duration,
}

impl Default for CompareOptions {
    fn default() -> Self {
        Self {
            granularity: Granularity::Word,
            ignore_case: true,
            ignore_punctuation: true,
            ignore_whitespace: true,
            aliases: Vec::new(),
            time_limit: DEFAULT_TIME_LIMIT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_round_trip_through_ron() {
        let options = CompareOptions {
            aliases: vec![Alias::new("PRC", "China")],
            ..CompareOptions::default()
        };
        let text = ron::to_string(&options).expect("serialise");
        let back: CompareOptions = ron::from_str(&text).expect("deserialise");
        assert_eq!(back, options);
        let partial: CompareOptions = ron::from_str("(ignore_case: false)").expect("defaults");
        assert!(!partial.ignore_case);
        assert_eq!(partial.time_limit, DEFAULT_TIME_LIMIT);
    }
}
