//! The comparison of two statements as the compare view draws it: aligned rows of marked
//! pieces. Computed once per pair by [`super::derived::Caches`], never while painting.
//!
//! [`compare_pair`] is the one function that calls a diff engine; it uses a word diff from
//! `similar` until the sentence-aligning engine in `crate::compare` is merged.

use similar::{ChangeTag, TextDiff};

/// How a piece of text differs from the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    /// Present on both sides.
    Same,
    /// Only on the left (drawn struck through).
    Deleted,
    /// Only on the right (drawn underlined).
    Inserted,
}

/// A run of text with one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text as written.
    pub text: String,
    /// How it differs.
    pub kind: PieceKind,
}

/// One aligned row: the left and right text (either may be empty) and how alike they are.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PairRow {
    /// Left side, in reading order.
    pub left: Vec<Piece>,
    /// Right side, in reading order.
    pub right: Vec<Piece>,
    /// Similarity 0..1.
    pub similarity: f32,
    /// The right side stands elsewhere in its text.
    pub moved: bool,
}

/// A whole comparison, ready to draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PairView {
    /// The aligned rows.
    pub rows: Vec<PairRow>,
    /// Words only on the left.
    pub deleted_words: usize,
    /// Words only on the right.
    pub inserted_words: usize,
}

impl PairView {
    /// True when the two texts differ anywhere.
    #[must_use]
    pub fn has_changes(&self) -> bool {
        self.deleted_words + self.inserted_words > 0
    }
}

/// Compares two statement texts.
#[must_use]
pub fn compare_pair(left: &str, right: &str) -> PairView {
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_millis(200))
        .diff_unicode_words(left, right);
    let mut row = PairRow {
        similarity: diff.ratio(),
        ..PairRow::default()
    };
    let mut view = PairView::default();
    for change in diff.iter_all_changes() {
        let text = change.value();
        let is_word = !text.trim().is_empty();
        match change.tag() {
            ChangeTag::Equal => {
                push_piece(&mut row.left, text, PieceKind::Same);
                push_piece(&mut row.right, text, PieceKind::Same);
            }
            ChangeTag::Delete => {
                push_piece(&mut row.left, text, PieceKind::Deleted);
                view.deleted_words += usize::from(is_word);
            }
            ChangeTag::Insert => {
                push_piece(&mut row.right, text, PieceKind::Inserted);
                view.inserted_words += usize::from(is_word);
            }
        }
    }
    view.rows.push(row);
    view
}

/// Appends `text`, joining it to the previous piece when the kind is the same (white space
/// between two changed words joins them, so a changed phrase reads as one mark).
fn push_piece(pieces: &mut Vec<Piece>, text: &str, kind: PieceKind) {
    if let Some(last) = pieces.last_mut() {
        if last.kind == kind {
            last.text.push_str(text);
            return;
        }
    }
    pieces.push(Piece {
        text: text.to_owned(),
        kind,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_deleted_and_inserted_words_on_their_sides() {
        let view = compare_pair(
            "The islands are an inherent part of China's territory.",
            "The islands are clearly an inherent part of Japan's territory.",
        );
        assert_eq!(view.rows.len(), 1);
        let row = &view.rows[0];
        let left: String = row.left.iter().map(|p| p.text.as_str()).collect();
        let right: String = row.right.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            left,
            "The islands are an inherent part of China's territory."
        );
        assert_eq!(
            right,
            "The islands are clearly an inherent part of Japan's territory."
        );
        assert!(
            row.left
                .iter()
                .any(|p| p.kind == PieceKind::Deleted && p.text.contains("China"))
        );
        assert!(
            row.right
                .iter()
                .any(|p| p.kind == PieceKind::Inserted && p.text.contains("clearly"))
        );
        assert!(view.has_changes());
        assert!(row.similarity > 0.5 && row.similarity < 1.0);
    }

    #[test]
    fn identical_texts_have_no_changes() {
        let view = compare_pair("We firmly oppose it.", "We firmly oppose it.");
        assert!(!view.has_changes());
        assert!((view.rows[0].similarity - 1.0).abs() < f32::EPSILON);
    }
}
