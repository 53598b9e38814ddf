//! Evaluation of extraction against hand-checked annotations: the project's gold files
//! ([`gold`], rules in `corpus/gold/README.md`) and the PolNeAR attribution corpus
//! ([`polnear`]). Every text is read as `demarche extract` reads it ([`file`]).
//!
//! The shared gold files and PolNeAR's dev split are development sets: the rules were written
//! while reading them, so their scores are dev scores, upper bounds for unseen text.

pub mod file;
pub mod gold;
pub mod polnear;

use std::fmt;
use std::path::PathBuf;

pub use gold::{GoldReport, eval_gold};
pub use polnear::{PolnearReport, eval_polnear};

/// Options shared by the evaluations.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// Keep a list of every miss and false positive in the report.
    pub verbose: bool,
}

/// Errors while evaluating.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or directory could not be read.
    #[error("could not read {path}: {source}")]
    Read {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A text could not be opened the way the product opens it.
    #[error("could not load the text to evaluate: {source}")]
    Load {
        /// The path.
        path: PathBuf,
        /// The loader's error (it names the path).
        source: Box<crate::article::ArticleError>,
    },
    /// Loading split a file into articles, and one of them is not a verbatim piece of the
    /// file, so annotation offsets cannot be placed in it.
    #[error("article {part} of the file is not a verbatim part of its text: {path}")]
    PartNotFound {
        /// The path.
        path: PathBuf,
        /// 1-based article number.
        part: usize,
    },
    /// A gold statement's text is not at its offsets in the text as loaded.
    #[error("a gold statement at characters {start}..{end} does not match the loaded text: {path}")]
    GoldOffsets {
        /// The text's path.
        path: PathBuf,
        /// Start offset (characters).
        start: usize,
        /// End offset (characters).
        end: usize,
    },
    /// A gold file is not valid JSON in the expected shape.
    #[error("could not parse gold file: {source}: {path}")]
    Json {
        /// The path.
        path: PathBuf,
        /// The parser's error.
        source: serde_json::Error,
    },
    /// An annotation file is malformed.
    #[error("malformed annotation line {line}: {path}")]
    Annotation {
        /// The path.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
    },
    /// No file to evaluate was found.
    #[error("no annotation files found in {path}")]
    Empty {
        /// The directory.
        path: PathBuf,
    },
}

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Predictions that matched.
    pub correct_predictions: usize,
    /// All predictions.
    pub predictions: usize,
    /// Gold items found.
    pub found: usize,
    /// All gold items.
    pub gold: usize,
}

impl Prf {
    /// Precision (1 when nothing was predicted).
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(self.correct_predictions, self.predictions)
    }

    /// Recall (1 when there is no gold).
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// Harmonic mean of precision and recall.
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another file's counts.
    pub fn add(&mut self, other: Self) {
        self.correct_predictions += other.correct_predictions;
        self.predictions += other.predictions;
        self.found += other.found;
        self.gold += other.gold;
    }
}

impl fmt::Display for Prf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3} ({}/{})  R {:.3} ({}/{})  F1 {:.3}",
            self.precision(),
            self.correct_predictions,
            self.predictions,
            self.recall(),
            self.found,
            self.gold,
            self.f1()
        )
    }
}

#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Characters shared by two half-open char ranges.
#[must_use]
pub fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_and_overlap() {
        let p = Prf {
            correct_predictions: 8,
            predictions: 10,
            found: 8,
            gold: 8,
        };
        assert!((p.precision() - 0.8).abs() < 1e-9);
        assert!((p.recall() - 1.0).abs() < 1e-9);
        assert_eq!(overlap((0, 10), (5, 20)), 5);
    }
}
