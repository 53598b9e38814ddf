//! The result of a comparison: aligned rows with their changes, shared phrases and coverage.
//! Serialises to the CLI's JSON; fields marked `serde(skip)` are byte positions for the GUI.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use super::offsets::CharOffsets;
use super::options::Granularity;
use super::shift::{Shift, ShiftKind};
use crate::text::Span;

/// A piece of one original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// First char (Unicode scalar) offset in the original text.
    pub start: usize,
    /// One past the last char offset.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// The same range in bytes, for the GUI.
    #[serde(skip)]
    pub byte_span: Span,
}

impl TextSpan {
    /// The span `bytes` of `text`, with char offsets from `index` (built for `text`).
    #[must_use]
    pub fn new(text: &str, index: &CharOffsets, bytes: Span) -> Self {
        let (start, end) = index.char_span(text, bytes);
        Self {
            start,
            end,
            text: bytes.slice(text).to_owned(),
            byte_span: bytes,
        }
    }
}

/// Kind of a diff operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeOp {
    /// The same on both sides (after normalisation).
    Equal,
    /// Only in the left text.
    Delete,
    /// Only in the right text.
    Insert,
}

/// One diff operation inside a row, carrying original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What happened.
    pub op: ChangeOp,
    /// The text as written: the left side's for `equal` and `delete`, the right side's for
    /// `insert`.
    pub text: String,
    /// For an `equal` whose right side is written differently (ignored case, punctuation or
    /// white space, an alias): the right side's own text. Absent when both sides read the
    /// same, so the right text is `right_text` or else `text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub right_text: Option<String>,
    /// Bytes of the left text this operation covers (`equal`, `delete`).
    #[serde(skip)]
    pub left_range: Option<Span>,
    /// Bytes of the right text this operation covers (`equal`, `insert`).
    #[serde(skip)]
    pub right_range: Option<Span>,
}

impl Change {
    /// A change of `op` with no text or ranges yet (the diff fills them in).
    pub(crate) const fn unfilled(op: ChangeOp) -> Self {
        Self {
            op,
            text: String::new(),
            right_text: None,
            left_range: None,
            right_range: None,
        }
    }
}

/// One line of the aligned table: a sentence (or two merged ones) per side, either may be empty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The left sentence(s), or `None` when the right one has no counterpart.
    pub left: Option<TextSpan>,
    /// The right sentence(s), or `None` when the left one has no counterpart.
    pub right: Option<TextSpan>,
    /// Similarity of the pair, 0..1 (share of normalised tokens in common); 0 for one-sided rows.
    pub similarity: f32,
    /// The pair was matched out of order: the right sentence stands elsewhere in its text.
    pub moved: bool,
    /// The diff of the pair, in reading order. The `equal` and `delete` changes of all rows,
    /// in left order, rebuild the left text exactly (each row's changes also cover the white
    /// space after its sentences); `equal` and `insert` rebuild the right text.
    pub changes: Vec<Change>,
    /// How the position moved between the two sides (empty when it did not, and for
    /// one-sided rows).
    pub shifts: Vec<Shift>,
    /// Sentence indexes of the left side (for pins), empty when `left` is `None`.
    #[serde(skip)]
    pub left_sentences: Range<usize>,
    /// Sentence indexes of the right side, empty when `right` is `None`.
    #[serde(skip)]
    pub right_sentences: Range<usize>,
}

/// A phrase (two or more words) that both texts contain, for colouring mirrored wording alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharedPhrase {
    /// Colour index, 0-based, in order of first appearance in the left text.
    pub id: usize,
    /// The phrase as first written in the left text.
    pub text: String,
    /// Occurrences in the left text.
    pub left: Vec<TextSpan>,
    /// Occurrences in the right text.
    pub right: Vec<TextSpan>,
}

/// How many sentences of one side have a counterpart on the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct SideCoverage {
    /// Sentences paired with a sentence of the other side (moved pairs included).
    pub matched: usize,
    /// All sentences of this side.
    pub total: usize,
}

/// Coverage in both directions; there is deliberately no single whole-text percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Coverage {
    /// Sentences of the left text with a counterpart in the right.
    pub left: SideCoverage,
    /// Sentences of the right text with a counterpart in the left.
    pub right: SideCoverage,
}

impl std::fmt::Display for Coverage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} of {} sentences of A have a counterpart in B; {} of {} sentences of B have a counterpart in A",
            self.left.matched, self.left.total, self.right.matched, self.right.total
        )
    }
}

/// Everything a comparison found.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Comparison {
    /// The aligned table.
    pub rows: Vec<Row>,
    /// Phrases both sides contain.
    pub shared_phrases: Vec<SharedPhrase>,
    /// Sentence coverage both ways.
    pub coverage: Coverage,
    /// True when the time limit was reached (or a size limit): some sentences may be left
    /// unpaired, some diffs coarser and some shared phrases missing. The changes still
    /// rebuild both texts exactly.
    pub approximate: bool,
    /// Counts for a one-line summary: changed words (or characters), rows and shifts.
    pub summary: Summary,
    /// The left text, for writers that render ranges.
    #[serde(skip)]
    pub left_text: String,
    /// The right text.
    #[serde(skip)]
    pub right_text: String,
    /// Byte spans of the left text's sentences (indexes used by pins and rows).
    #[serde(skip)]
    pub left_sentences: Vec<Span>,
    /// Byte spans of the right text's sentences.
    #[serde(skip)]
    pub right_sentences: Vec<Span>,
}

/// What a summary counts changes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SummaryUnit {
    /// Words (word mode).
    #[default]
    Words,
    /// Characters (character mode, the default for Chinese and Japanese).
    Characters,
}

impl SummaryUnit {
    /// The unit of a granularity.
    #[must_use]
    pub const fn of(granularity: Granularity) -> Self {
        match granularity {
            Granularity::Word => Self::Words,
            Granularity::Char => Self::Characters,
        }
    }

    /// "word"/"words" or "character"/"characters" for `n`.
    #[must_use]
    pub const fn noun(self, n: usize) -> &'static str {
        match (self, n == 1) {
            (Self::Words, true) => "word",
            (Self::Words, false) => "words",
            (Self::Characters, true) => "character",
            (Self::Characters, false) => "characters",
        }
    }
}

/// Counts of a comparison, in the unit its diff used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Summary {
    /// Words, or characters in character mode.
    pub unit: SummaryUnit,
    /// Units only in the left text.
    pub deleted: usize,
    /// Units only in the right text.
    pub inserted: usize,
    /// Rows whose two sides differ, or that have one side only.
    pub changed_rows: usize,
    /// Shifts by kind (kinds without shifts are left out).
    pub shifts: BTreeMap<ShiftKind, usize>,
}

impl Summary {
    /// Counts the changes and shifts of `rows` in `unit`.
    #[must_use]
    pub fn of_rows(rows: &[Row], unit: SummaryUnit) -> Self {
        let mut summary = Self {
            unit,
            ..Self::default()
        };
        let count = |text: &str| match unit {
            SummaryUnit::Words => crate::compare::words::count_words(text),
            SummaryUnit::Characters => text.chars().filter(|c| !c.is_whitespace()).count(),
        };
        for row in rows {
            let mut changed = row.left.is_none() || row.right.is_none();
            for change in &row.changes {
                match change.op {
                    ChangeOp::Delete => summary.deleted += count(&change.text),
                    ChangeOp::Insert => summary.inserted += count(&change.text),
                    ChangeOp::Equal => continue,
                }
                changed = true;
            }
            if changed {
                summary.changed_rows += 1;
            }
            for shift in &row.shifts {
                *summary.shifts.entry(shift.kind).or_default() += 1;
            }
        }
        summary
    }

    /// All shifts.
    #[must_use]
    pub fn shift_count(&self) -> usize {
        self.shifts.values().sum()
    }
}

impl std::fmt::Display for Summary {
    /// "3 words deleted, 5 inserted in 2 rows; 1 shift (weaker: 1)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} deleted, {} inserted, in {} changed {}",
            self.deleted,
            self.unit.noun(self.deleted),
            self.inserted,
            self.changed_rows,
            if self.changed_rows == 1 {
                "row"
            } else {
                "rows"
            }
        )?;
        let shifts = self.shift_count();
        write!(
            f,
            "; {shifts} {}",
            if shifts == 1 { "shift" } else { "shifts" }
        )?;
        if shifts > 0 {
            let kinds: Vec<String> = self
                .shifts
                .iter()
                .map(|(kind, n)| format!("{}: {n}", kind.as_str()))
                .collect();
            write!(f, " ({})", kinds.join(", "))?;
        }
        Ok(())
    }
}
