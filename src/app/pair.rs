//! The comparison of two statements as the compare view draws it: aligned rows of marked
//! pieces. Computed once per pair by [`super::derived::Caches`], never while painting.
//!
//! [`compare_pair`] and [`compare_pair_controlled`] call the comparison engine
//! ([`crate::compare::compare_texts_controlled`]: sentences aligned, moves found, words
//! diffed on normalised text and mapped back to the text as written, shifts read).

use std::collections::BTreeMap;

use crate::compare::{
    Cancelled, ChangeOp, CompareControl, CompareOptions, Comparison, Pin, Row, Shift, ShiftKind,
    compare_texts_controlled,
};
use crate::text::Span;

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
    /// The shared phrase (both statements use it) this text belongs to, by colour index.
    pub phrase: Option<usize>,
    /// The words carry a shift of position of this kind (drawn in italics).
    pub shift: Option<ShiftKind>,
}

impl Piece {
    /// A piece of `text` of `kind`, in no shared phrase and carrying no shift.
    #[must_use]
    pub fn plain(text: impl Into<String>, kind: PieceKind) -> Self {
        Self {
            text: text.into(),
            kind,
            phrase: None,
            shift: None,
        }
    }
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
    /// Both sides in one run: unchanged text once, deletions and insertions in place.
    pub inline: Vec<Piece>,
    /// How the position moved between the two sides ("weaker: 'firmly opposes' ->
    /// 'opposes'"); empty when it did not.
    pub shifts: Vec<Shift>,
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
    /// Phrases both statements use (coloured alike on both sides).
    pub shared_phrases: usize,
    /// Shifts of position by kind (kinds without shifts left out).
    pub shifts: BTreeMap<ShiftKind, usize>,
    /// The comparison ran out of time: some sentences may be left unpaired and some diffs
    /// coarser. Its text is still exact.
    pub approximate: bool,
}

impl PairView {
    /// Indexes of the rows where the two sides differ.
    #[must_use]
    pub fn changed_rows(&self) -> Vec<usize> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                row.left.is_empty()
                    || row.right.is_empty()
                    || row
                        .left
                        .iter()
                        .chain(&row.right)
                        .any(|p| p.kind != PieceKind::Same)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Indexes of the rows with at least one shift of position.
    #[must_use]
    pub fn shifted_rows(&self) -> Vec<usize> {
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, row)| !row.shifts.is_empty())
            .map(|(i, _)| i)
            .collect()
    }

    /// All shifts.
    #[must_use]
    pub fn shift_count(&self) -> usize {
        self.shifts.values().sum()
    }

    /// True when the two texts differ anywhere.
    #[must_use]
    pub fn has_changes(&self) -> bool {
        self.deleted_words + self.inserted_words > 0
    }
}

/// Compares two statement texts with the session's options and pins.
#[must_use]
pub fn compare_pair(left: &str, right: &str, options: &CompareOptions, pins: &[Pin]) -> PairView {
    compare_pair_controlled(left, right, options, pins, CompareControl::default())
        .unwrap_or_default()
}

/// [`compare_pair`] with progress reports and a cancel flag (the form the compare thread
/// runs, so a long comparison shows how far it is and can be stopped).
///
/// # Errors
/// [`Cancelled`] when `control.cancel` was set.
pub fn compare_pair_controlled(
    left: &str,
    right: &str,
    options: &CompareOptions,
    pins: &[Pin],
    control: CompareControl<'_>,
) -> Result<PairView, Cancelled> {
    let comparison = compare_texts_controlled(left, right, options, pins, control)?;
    Ok(view_of(&comparison, left, right))
}

/// The drawable view of a comparison the engine made of `left` and `right`.
#[must_use]
pub fn view_of(comparison: &Comparison, left: &str, right: &str) -> PairView {
    let phrases_left: Vec<(Span, usize)> = comparison
        .shared_phrases
        .iter()
        .flat_map(|p| p.left.iter().map(move |o| (o.byte_span, p.id)))
        .collect();
    let phrases_right: Vec<(Span, usize)> = comparison
        .shared_phrases
        .iter()
        .flat_map(|p| p.right.iter().map(move |o| (o.byte_span, p.id)))
        .collect();
    let mut view = PairView {
        shared_phrases: comparison.shared_phrases.len(),
        shifts: comparison.summary.shifts.clone(),
        approximate: comparison.approximate,
        ..PairView::default()
    };
    for row in &comparison.rows {
        view.deleted_words += words_of(row, ChangeOp::Delete);
        view.inserted_words += words_of(row, ChangeOp::Insert);
        view.rows.push(PairRow {
            left: reflow(side_pieces(left, row, Side::Left, &phrases_left)),
            right: reflow(side_pieces(right, row, Side::Right, &phrases_right)),
            similarity: row.similarity,
            moved: row.moved,
            inline: reflow(inline_pieces(row, left, right)),
            shifts: row.shifts.clone(),
        });
    }
    view
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

fn words_of(row: &Row, op: ChangeOp) -> usize {
    row.changes
        .iter()
        .filter(|c| c.op == op)
        .map(|c| c.text.split_whitespace().count())
        .sum()
}

/// The row's text on one side, cut into runs by kind (unchanged, or only on this side) and
/// by the shared phrase each run belongs to.
fn side_pieces(text: &str, row: &Row, side: Side, phrases: &[(Span, usize)]) -> Vec<Piece> {
    let (extent, op, kind) = match side {
        Side::Left => (row.left.as_ref(), ChangeOp::Delete, PieceKind::Deleted),
        Side::Right => (row.right.as_ref(), ChangeOp::Insert, PieceKind::Inserted),
    };
    let Some(extent) = extent.map(|t| t.byte_span) else {
        return Vec::new();
    };
    let clamp = |m: Span| Span::new(m.start.max(extent.start), m.end.min(extent.end));
    let marks: Vec<Span> = row
        .changes
        .iter()
        .filter(|c| c.op == op)
        .filter_map(|c| match side {
            Side::Left => c.left_range,
            Side::Right => c.right_range,
        })
        .map(clamp)
        .filter(|m| !m.is_empty())
        .collect();
    let phrases: Vec<(Span, usize)> = phrases
        .iter()
        .map(|&(span, id)| (clamp(span), id))
        .filter(|(span, _)| !span.is_empty())
        .collect();
    // The words that carry each shift on this side (an empty span: none here).
    let shifted: Vec<(Span, ShiftKind)> = row
        .shifts
        .iter()
        .map(|shift| {
            let span = match side {
                Side::Left => shift.left.byte_span,
                Side::Right => shift.right.byte_span,
            };
            (clamp(span), shift.kind)
        })
        .filter(|(span, _)| !span.is_empty())
        .collect();
    let mut cuts: Vec<usize> = vec![extent.start, extent.end];
    for span in marks
        .iter()
        .chain(phrases.iter().map(|(span, _)| span))
        .chain(shifted.iter().map(|(span, _)| span))
    {
        cuts.extend([span.start, span.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut pieces = Vec::new();
    for pair in cuts.windows(2) {
        let segment = Span::new(pair[0], pair[1]);
        let inside = |span: &Span| span.start <= segment.start && segment.end <= span.end;
        let segment_kind = if marks.iter().any(inside) {
            kind
        } else {
            PieceKind::Same
        };
        let phrase = phrases
            .iter()
            .find(|(span, _)| inside(span))
            .map(|&(_, id)| id);
        let shift = shifted
            .iter()
            .find(|(span, _)| inside(span))
            .map(|&(_, kind)| kind);
        push_piece(
            &mut pieces,
            segment.slice(text),
            segment_kind,
            phrase,
            shift,
        );
    }
    pieces
}

/// The row as one text: each operation's text as written, marked by kind, with the text
/// the diff ignored between operations (white space, punctuation) put back.
fn inline_pieces(row: &Row, left: &str, right: &str) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut left_end: Option<usize> = None;
    let mut right_end: Option<usize> = None;
    for change in &row.changes {
        let (kind, range) = match change.op {
            ChangeOp::Equal => (PieceKind::Same, change.left_range),
            ChangeOp::Delete => (PieceKind::Deleted, change.left_range),
            ChangeOp::Insert => (PieceKind::Inserted, change.right_range),
        };
        let (source, end) = match change.op {
            ChangeOp::Insert => (right, &mut right_end),
            _ => (left, &mut left_end),
        };
        if let (Some(range), Some(previous)) = (range, *end) {
            let gap = source.get(previous..range.start).unwrap_or_default();
            let ends_in_space = pieces
                .last()
                .is_some_and(|p| p.text.ends_with(char::is_whitespace));
            if !(gap.trim().is_empty() && ends_in_space) {
                push_piece(&mut pieces, gap, PieceKind::Same, None, None);
            }
        }
        // The two sides' ranges need not end at the same white space (one side's equal
        // text may take the space the other leaves to the next change): a piece whose
        // source has white space before it is not glued to the previous piece.
        if let Some(range) = range
            && source[..range.start.min(source.len())]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace)
            && pieces
                .last()
                .is_some_and(|p| !p.text.ends_with(char::is_whitespace))
        {
            push_piece(&mut pieces, " ", PieceKind::Same, None, None);
        }
        if let Some(range) = range {
            *end = Some(range.end);
            if change.op == ChangeOp::Equal {
                right_end = change.right_range.map(|r| r.end).or(right_end);
            }
        }
        let text = range
            .and_then(|r| source.get(r.start..r.end))
            .unwrap_or(&change.text);
        push_piece(&mut pieces, text, kind, None, None);
    }
    separate_replacements(pieces)
}

/// Puts a space between a deletion and an insertion that touch ("Islands" struck through
/// right against "Dao" underlined reads as one word "IslandsDao").
fn separate_replacements(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if let Some(last) = out.last() {
            let replacement = matches!(
                (last.kind, piece.kind),
                (PieceKind::Deleted, PieceKind::Inserted)
                    | (PieceKind::Inserted, PieceKind::Deleted)
            );
            let spaced = last.text.ends_with(char::is_whitespace)
                || piece.text.starts_with(char::is_whitespace);
            if replacement && !spaced {
                out.push(Piece::plain(" ", PieceKind::Same));
            }
        }
        out.push(piece);
    }
    out
}

/// The pieces as the view shows them: hard-wrapped lines joined (a line break and the white
/// space around it read as one space), so a transcript's rows read as running text.
fn reflow(mut pieces: Vec<Piece>) -> Vec<Piece> {
    for piece in &mut pieces {
        if piece.text.contains('\n') {
            piece.text = super::reader::reflowed(&piece.text).into_owned();
        }
    }
    pieces
}

/// Appends `text`, joining it to the previous piece when kind, phrase and shift are the
/// same.
fn push_piece(
    pieces: &mut Vec<Piece>,
    text: &str,
    kind: PieceKind,
    phrase: Option<usize>,
    shift: Option<ShiftKind>,
) {
    if text.is_empty() {
        return;
    }
    if let Some(last) = pieces.last_mut()
        && last.kind == kind
        && last.phrase == phrase
        && last.shift == shift
    {
        last.text.push_str(text);
        return;
    }
    pieces.push(Piece {
        text: text.to_owned(),
        kind,
        phrase,
        shift,
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
            &CompareOptions::default(),
            &[],
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
    fn sentences_are_aligned_into_rows() {
        let view = compare_pair(
            "We oppose the survey. The waters are ours.",
            "The waters are ours. We strongly oppose the survey.",
            &CompareOptions::default(),
            &[],
        );
        assert!(view.rows.len() >= 2, "{view:?}");
        assert!(view.rows.iter().any(|r| r.moved), "{view:?}");
    }

    #[test]
    fn shared_phrases_are_marked_on_both_sides() {
        let view = compare_pair(
            "Japan must stop all provocative actions in the area.",
            "We urge Tokyo to stop all provocative actions at once.",
            &CompareOptions::default(),
            &[],
        );
        let phrased = |pieces: &[Piece]| {
            pieces
                .iter()
                .filter(|p| p.phrase.is_some())
                .map(|p| p.text.clone())
                .collect::<String>()
        };
        let row = &view.rows[0];
        assert!(view.shared_phrases >= 1, "{view:?}");
        assert!(phrased(&row.left).contains("provocative"), "{view:?}");
        assert!(phrased(&row.right).contains("provocative"), "{view:?}");
    }

    #[test]
    fn inline_deletions_and_insertions_are_kept_apart() {
        for (left, right) in [
            (
                "They visited the Diaoyu Islands today.",
                "They visited the Diaoyu Dao today.",
            ),
            ("China's territory", "Japan's territory"),
            ("We oppose it strongly.", "We oppose it firmly."),
            (
                "The ferry lanes are an open route.",
                "The ferry lanes are clearly an open route.",
            ),
        ] {
            let view = compare_pair(left, right, &CompareOptions::default(), &[]);
            for row in &view.rows {
                for pair in row.inline.windows(2) {
                    let touching = pair[0].kind != PieceKind::Same
                        && pair[1].kind != PieceKind::Same
                        && pair[0].kind != pair[1].kind;
                    let spaced = pair[0].text.ends_with(char::is_whitespace)
                        || pair[1].text.starts_with(char::is_whitespace);
                    assert!(!touching || spaced, "{left} / {right}: {:?}", row.inline);
                }
                let text: String = row.inline.iter().map(|p| p.text.as_str()).collect();
                assert!(!text.contains("  "), "{text:?}");
                assert!(!text.contains("areclearly"), "{text:?}");
            }
        }
        let view = compare_pair(
            "the Diaoyu Islands",
            "the Diaoyu Dao",
            &CompareOptions::default(),
            &[],
        );
        let text: String = view.rows[0]
            .inline
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert!(!text.contains("IslandsDao"), "{text:?}");
        assert!(
            view.rows[0]
                .inline
                .iter()
                .any(|p| p.kind == PieceKind::Deleted && p.text.contains("Islands"))
        );
    }

    #[test]
    fn rows_show_hard_wrapped_lines_as_running_text() {
        let view = compare_pair(
            "We will keep the channel\nopen to all ships.",
            "We will keep the channel\nopen to every ship.",
            &CompareOptions::default(),
            &[],
        );
        for row in &view.rows {
            for piece in row.left.iter().chain(&row.right).chain(&row.inline) {
                assert!(!piece.text.contains('\n'), "{piece:?}");
            }
        }
        assert!(view.has_changes());
    }

    #[test]
    fn rows_carry_their_shifts_and_the_words_that_carry_them() {
        let view = compare_pair(
            "The levy talks go on. Velmora strongly condemns the blockade.",
            "The levy talks go on. Velmora regrets the blockade.",
            &CompareOptions::default(),
            &[],
        );
        assert_eq!(view.shifted_rows(), vec![1], "{view:?}");
        let row = &view.rows[1];
        assert!(
            row.shifts.iter().any(|s| s.kind == ShiftKind::Weaker),
            "{row:?}"
        );
        assert_eq!(view.shifts.get(&ShiftKind::Weaker), Some(&1));
        assert_eq!(view.shift_count(), 1);
        let shifted = |pieces: &[Piece]| {
            pieces
                .iter()
                .filter(|p| p.shift.is_some())
                .map(|p| p.text.as_str())
                .collect::<String>()
        };
        assert!(shifted(&row.left).contains("condemns"), "{row:?}");
        assert!(shifted(&row.right).contains("regrets"), "{row:?}");
        // The pieces still spell each side exactly.
        let left: String = row.left.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(left, "Velmora strongly condemns the blockade.");
        assert!(view.rows[0].shifts.is_empty());
    }

    #[test]
    fn a_cancelled_comparison_returns_cancelled() {
        let flag = std::sync::atomic::AtomicBool::new(true);
        let result = compare_pair_controlled(
            "One sentence here.",
            "Another sentence there.",
            &CompareOptions::default(),
            &[],
            CompareControl {
                cancel: Some(&flag),
                progress: None,
            },
        );
        assert_eq!(result, Err(Cancelled));
    }

    #[test]
    fn identical_texts_have_no_changes() {
        let view = compare_pair(
            "We firmly oppose it.",
            "We firmly oppose it.",
            &CompareOptions::default(),
            &[],
        );
        assert!(!view.has_changes());
        assert!((view.rows[0].similarity - 1.0).abs() < f32::EPSILON);
    }
}
