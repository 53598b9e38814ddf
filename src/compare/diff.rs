//! The diff inside one aligned pair: `similar`'s Myers algorithm over normalised word ids
//! with the comparison's deadline, optionally refined by character inside changed words, then
//! mapped back to the original text so that the changes of each side tile its extent exactly
//! (ignored text is shown as equal, in each side's own spelling).

use std::collections::HashMap;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use std::time::Instant;

use super::normalise::{AliasTable, TokenKind, tokenise};
use super::options::{CompareOptions, Granularity};
use super::result::{Change, ChangeOp};
use super::shift::TokenRun;
use crate::text::Span;

/// One side of a pair: its original text, the byte extent the changes must cover (the
/// sentence(s) and the white space after them), and its word tokens as (id, original span).
pub(crate) struct DiffSide<'a> {
    pub text: &'a str,
    pub span: Span,
    pub ids: &'a [u32],
    pub spans: &'a [Span],
}

/// What refining changed words by character needs: the normalisation options.
pub(crate) struct CharRefine<'a> {
    pub options: &'a CompareOptions,
}

/// The diff of one pair.
pub(crate) struct PairDiff {
    pub changes: Vec<Change>,
    /// Share of word tokens in common, 0..1.
    pub similarity: f32,
    /// The deadline had passed when the diff ran and the diff has changes, so it may be
    /// coarser than the best one.
    pub approximate: bool,
    /// The token diff (word level), for reading shifts.
    pub runs: Vec<TokenRun>,
}

/// A run of equal tokens or a run of changes, as token index ranges per side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unit {
    equal: bool,
    left: (usize, usize),
    right: (usize, usize),
}

/// A run of equal text or of changes, as byte extents of its tokens per side (`None` when
/// the side has no token in it). Gaps between extents are ignored text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    equal: bool,
    left: Option<Span>,
    right: Option<Span>,
}

/// Below this character similarity a changed word stays a whole-word change in character
/// mode, so unrelated words are not shown as letter soup.
const MIN_CHAR_SIMILARITY: f32 = 0.5;

/// Diffs `left` against `right` by token; with `refine`, changed runs are diffed again by
/// character where their words are alike.
pub(crate) fn diff_pair(
    left: &DiffSide<'_>,
    right: &DiffSide<'_>,
    refine: Option<&CharRefine<'_>>,
    deadline: Instant,
) -> PairDiff {
    let ops = capture_diff_slices_deadline(Algorithm::Myers, left.ids, right.ids, Some(deadline));
    let units = compact(units_of(&ops), left.ids, right.ids);
    let equal_tokens: usize = units
        .iter()
        .filter(|u| u.equal)
        .map(|u| u.left.1 - u.left.0)
        .sum();
    let total = left.ids.len() + right.ids.len();
    let similarity = if total == 0 {
        1.0
    } else {
        (2 * equal_tokens) as f32 / total as f32
    };
    let changed = units.iter().any(|u| !u.equal);
    let approximate = changed && Instant::now() >= deadline;
    let mut pieces = Vec::with_capacity(units.len());
    for unit in &units {
        let piece = Piece {
            equal: unit.equal,
            left: extent(left, unit.left),
            right: extent(right, unit.right),
        };
        match (refine, piece) {
            (
                Some(refine),
                Piece {
                    equal: false,
                    left: Some(l),
                    right: Some(r),
                },
            ) if !approximate => {
                refine_by_char(left.text, l, right.text, r, refine.options, &mut pieces);
            }
            _ => pieces.push(piece),
        }
    }
    PairDiff {
        changes: render(left, right, &merge_pieces(pieces)),
        similarity,
        approximate,
        runs: units
            .iter()
            .map(|u| TokenRun {
                equal: u.equal,
                left: u.left,
                right: u.right,
            })
            .collect(),
    }
}

/// Changes for a sentence with no counterpart: all of it deleted (left) or inserted
/// (right). White space around the sentence (inside `extent`) is ignored text when
/// `ignore_whitespace`, so it is shown as equal; otherwise it is part of the change.
pub(crate) fn one_sided(
    text: &str,
    extent: Span,
    sentence: Span,
    op: ChangeOp,
    ignore_whitespace: bool,
) -> Vec<Change> {
    let side = if op == ChangeOp::Insert {
        Side::Right
    } else {
        Side::Left
    };
    let piece = |kind: ChangeOp, span: Span| {
        let mut change = Change::unfilled(kind);
        set_range(&mut change, side, span);
        let (l, r) = if side == Side::Left {
            (text, "")
        } else {
            ("", text)
        };
        fill_text(&mut change, l, r);
        change
    };
    if !ignore_whitespace || sentence.is_empty() {
        return vec![piece(op, extent)];
    }
    let mut out = Vec::with_capacity(3);
    let lead = Span::new(extent.start, sentence.start);
    let trail = Span::new(sentence.end, extent.end);
    if !lead.is_empty() {
        out.push(piece(ChangeOp::Equal, lead));
    }
    out.push(piece(op, sentence));
    if !trail.is_empty() {
        out.push(piece(ChangeOp::Equal, trail));
    }
    out
}

/// Runs of equal tokens and runs of changes from `similar`'s operations. Only `Equal`
/// operations are trusted for positions on both sides; a `Delete` or `Insert` sits at the
/// current position of the other side (`similar` may report another index there).
fn units_of(ops: &[DiffOp]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let (mut at_left, mut at_right) = (0usize, 0usize);
    for op in ops {
        let (equal, left, right) = match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => (
                true,
                (old_index, old_index + len),
                (new_index, new_index + len),
            ),
            DiffOp::Delete {
                old_index, old_len, ..
            } => (
                false,
                (old_index, old_index + old_len),
                (at_right, at_right),
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (false, (at_left, at_left), (new_index, new_index + new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                false,
                (old_index, old_index + old_len),
                (new_index, new_index + new_len),
            ),
        };
        at_left = left.1;
        at_right = right.1;
        match units.last_mut() {
            Some(last) if !last.equal && !equal => {
                last.left.1 = left.1;
                last.right.1 = right.1;
            }
            _ => units.push(Unit { equal, left, right }),
        }
    }
    units
}

/// Slides a one-sided change backwards over the equal run before it when the tokens allow
/// (the same text either way), so it joins the change before: "a multitude ~~crisis~~ of
/// __crises of__ this" becomes "a multitude ~~crisis~~ __of crises__ of this".
fn compact(mut units: Vec<Unit>, left: &[u32], right: &[u32]) -> Vec<Unit> {
    let mut k = 2;
    while k < units.len() {
        let (before, eq, change) = (units[k - 2], units[k - 1], units[k]);
        if before.equal || !eq.equal || change.equal {
            k += 1;
            continue;
        }
        let insert_only = change.left.0 == change.left.1;
        let slid = if insert_only {
            slide(right, eq.right, change.right)
        } else if change.right.0 == change.right.1 {
            slide(left, eq.left, change.left)
        } else {
            None
        };
        let Some(shift) = slid else {
            k += 1;
            continue;
        };
        let (merged, moved_eq) = if insert_only {
            (
                Unit {
                    equal: false,
                    left: before.left,
                    right: (before.right.0, change.right.1 - shift),
                },
                Unit {
                    equal: true,
                    left: eq.left,
                    right: (change.right.1 - shift, change.right.1),
                },
            )
        } else {
            (
                Unit {
                    equal: false,
                    left: (before.left.0, change.left.1 - shift),
                    right: before.right,
                },
                Unit {
                    equal: true,
                    left: (change.left.1 - shift, change.left.1),
                    right: eq.right,
                },
            )
        };
        units.splice(k - 2..=k, [merged, moved_eq]);
        k = k.max(3) - 1;
    }
    units.dedup_by(|next, prev| {
        if prev.equal && next.equal {
            prev.left.1 = next.left.1;
            prev.right.1 = next.right.1;
            true
        } else {
            false
        }
    });
    units
}

/// If the change `change` (token range) can slide back over the whole equal run `eq` just
/// before it, the run's length.
fn slide(tokens: &[u32], eq: (usize, usize), change: (usize, usize)) -> Option<usize> {
    let run = eq.1 - eq.0;
    let len = change.1 - change.0;
    if run == 0 || run > len || eq.1 != change.0 {
        return None;
    }
    (tokens[eq.0..eq.1] == tokens[change.1 - run..change.1]).then_some(run)
}

/// Byte extent of the tokens `range` on one side, or `None` when the range is empty.
fn extent(side: &DiffSide<'_>, range: (usize, usize)) -> Option<Span> {
    if range.0 >= range.1 {
        return None;
    }
    Some(Span::new(
        side.spans[range.0].start,
        side.spans[range.1 - 1].end,
    ))
}

/// Diffs the changed words `left` / `right` again by character and pushes the finer pieces,
/// or the whole change when the words are too unlike for a character diff to help.
fn refine_by_char(
    left_text: &str,
    left: Span,
    right_text: &str,
    right: Span,
    options: &CompareOptions,
    out: &mut Vec<Piece>,
) {
    let whole = Piece {
        equal: false,
        left: Some(left),
        right: Some(right),
    };
    let chars = |text: &str, span: Span| -> Vec<(String, Span)> {
        tokenise(
            span.slice(text),
            options,
            &AliasTable::default(),
            Granularity::Char,
        )
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word || !matches!(t.kind, TokenKind::Space))
        .map(|t| {
            (
                t.key,
                Span::new(span.start + t.orig.start, span.start + t.orig.end),
            )
        })
        .collect()
    };
    let (lc, rc) = (chars(left_text, left), chars(right_text, right));
    if lc.is_empty() || rc.is_empty() || lc.len() + rc.len() > 2_000 {
        out.push(whole);
        return;
    }
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut l_ids = Vec::with_capacity(lc.len());
    let mut r_ids = Vec::with_capacity(rc.len());
    for (keys, out) in [(&lc, &mut l_ids), (&rc, &mut r_ids)] {
        for (key, _) in keys {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            out.push(*ids.entry(key.as_str()).or_insert(next));
        }
    }
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &l_ids, &r_ids, None);
    let units = units_of(&ops);
    let equal: usize = units
        .iter()
        .filter(|u| u.equal)
        .map(|u| u.left.1 - u.left.0)
        .sum();
    let similarity = (2 * equal) as f32 / (l_ids.len() + r_ids.len()) as f32;
    if similarity < MIN_CHAR_SIMILARITY {
        out.push(whole);
        return;
    }
    let l_spans: Vec<Span> = lc.iter().map(|(_, s)| *s).collect();
    let r_spans: Vec<Span> = rc.iter().map(|(_, s)| *s).collect();
    let ext = |spans: &[Span], range: (usize, usize)| {
        (range.0 < range.1).then(|| Span::new(spans[range.0].start, spans[range.1 - 1].end))
    };
    // The character pieces must cover exactly the extents of the word change, so the text
    // between the first and last characters stays inside this change.
    let first = out.len();
    for unit in units {
        out.push(Piece {
            equal: unit.equal,
            left: ext(&l_spans, unit.left),
            right: ext(&r_spans, unit.right),
        });
    }
    stretch(&mut out[first..], left, right);
}

/// Widens the first and last pieces with text on each side so the pieces span `left` and
/// `right` exactly (a character tokeniser may skip ignored marks at the edges).
fn stretch(pieces: &mut [Piece], left: Span, right: Span) {
    if let Some(span) = pieces.iter_mut().find_map(|p| p.left.as_mut()) {
        span.start = left.start;
    }
    if let Some(span) = pieces.iter_mut().rev().find_map(|p| p.left.as_mut()) {
        span.end = left.end;
    }
    if let Some(span) = pieces.iter_mut().find_map(|p| p.right.as_mut()) {
        span.start = right.start;
    }
    if let Some(span) = pieces.iter_mut().rev().find_map(|p| p.right.as_mut()) {
        span.end = right.end;
    }
}

/// Joins neighbouring pieces of the same kind, so equal runs and change runs alternate.
fn merge_pieces(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        if piece.left.is_none() && piece.right.is_none() {
            continue;
        }
        if let Some(last) = out.last_mut()
            && last.equal == piece.equal
        {
            last.left = join(last.left, piece.left);
            last.right = join(last.right, piece.right);
            continue;
        }
        out.push(piece);
    }
    out
}

fn join(a: Option<Span>, b: Option<Span>) -> Option<Span> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Span::new(a.start.min(b.start), a.end.max(b.end))),
        (a, None) => a,
        (None, b) => b,
    }
}

/// Which side a range belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// Changes that tile both extents exactly, in order. The text between token extents
/// (white space, ignored punctuation) goes to the equal piece just before it when there
/// is one, else to the equal piece after it, else it becomes an equal piece of its own.
fn render(left: &DiffSide<'_>, right: &DiffSide<'_>, pieces: &[Piece]) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::with_capacity(pieces.len() + 2);
    let mut cursor = [left.span.start, right.span.start];
    let ends = [left.span.end, right.span.end];
    for piece in pieces {
        let sides = [(Side::Left, piece.left), (Side::Right, piece.right)];
        if piece.equal {
            let mut change = Change::unfilled(ChangeOp::Equal);
            for (side, range) in sides {
                let Some(range) = range else { continue };
                let k = side as usize;
                let start = cursor[k].min(range.start);
                let end = range.end.min(ends[k]).max(start);
                set_range(&mut change, side, Span::new(start, end));
                cursor[k] = end;
            }
            out.push(change);
            continue;
        }
        // A gap before a change: give it to the equal piece just emitted, or emit it alone.
        let mut lone = Change::unfilled(ChangeOp::Equal);
        for (side, range) in sides {
            let Some(range) = range else { continue };
            let k = side as usize;
            if range.start <= cursor[k] {
                continue;
            }
            let gap = Span::new(cursor[k], range.start);
            match out.last_mut() {
                Some(last) if last.op == ChangeOp::Equal && range_of(last, side).is_some() => {
                    let old = range_of(last, side).unwrap_or(gap);
                    set_range(last, side, Span::new(old.start, gap.end));
                }
                _ => set_range(&mut lone, side, gap),
            }
            cursor[k] = range.start;
        }
        if lone.left_range.is_some() || lone.right_range.is_some() {
            out.push(lone);
        }
        for (side, range) in sides {
            let Some(range) = range else { continue };
            let k = side as usize;
            let span = Span::new(cursor[k], range.end.min(ends[k]).max(cursor[k]));
            let mut change = Change::unfilled(if side == Side::Left {
                ChangeOp::Delete
            } else {
                ChangeOp::Insert
            });
            set_range(&mut change, side, span);
            out.push(change);
            cursor[k] = span.end;
        }
    }
    // Text after the last token on each side.
    let mut tail = Change::unfilled(ChangeOp::Equal);
    for side in [Side::Left, Side::Right] {
        let k = side as usize;
        if cursor[k] >= ends[k] {
            continue;
        }
        let gap = Span::new(cursor[k], ends[k]);
        let last_on_side = out.iter_mut().rev().find(|c| range_of(c, side).is_some());
        match last_on_side {
            Some(last) if last.op == ChangeOp::Equal => {
                let old = range_of(last, side).unwrap_or(gap);
                set_range(last, side, Span::new(old.start, gap.end));
            }
            _ => set_range(&mut tail, side, gap),
        }
        cursor[k] = ends[k];
    }
    if tail.left_range.is_some() || tail.right_range.is_some() {
        out.push(tail);
    }
    for change in &mut out {
        fill_text(change, left.text, right.text);
    }
    out
}

fn range_of(change: &Change, side: Side) -> Option<Span> {
    match side {
        Side::Left => change.left_range,
        Side::Right => change.right_range,
    }
}

fn set_range(change: &mut Change, side: Side, span: Span) {
    match side {
        Side::Left => change.left_range = Some(span),
        Side::Right => change.right_range = Some(span),
    }
}

/// Sets a change's shown text from its ranges: the left text for `equal` and `delete`, the
/// right text for `insert`; an `equal` whose right text differs (ignored case, punctuation,
/// white space or an alias) also carries the right side's own text in `right_text`.
pub(crate) fn fill_text(change: &mut Change, left: &str, right: &str) {
    let l = change.left_range.map(|s| s.slice(left));
    let r = change.right_range.map(|s| s.slice(right));
    match change.op {
        ChangeOp::Delete => change.text = l.unwrap_or_default().to_owned(),
        ChangeOp::Insert => change.text = r.unwrap_or_default().to_owned(),
        ChangeOp::Equal => {
            let (l, r) = (l.unwrap_or_default(), r.unwrap_or_default());
            change.text = l.to_owned();
            change.right_text = (l != r).then(|| r.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side<'a>(text: &'a str, ids: &'a [u32], spans: &'a [Span]) -> DiffSide<'a> {
        DiffSide {
            text,
            span: Span::new(0, text.len()),
            ids,
            spans,
        }
    }

    /// Word tokens of `text` split at spaces, with ids from a shared table.
    fn words(text: &str, table: &mut Vec<String>) -> (Vec<u32>, Vec<Span>) {
        let mut ids = Vec::new();
        let mut spans = Vec::new();
        let mut at = 0;
        for word in text.split(' ') {
            let key = word
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let start = at + word.find(|c: char| c.is_alphanumeric()).unwrap_or(0);
            if !key.is_empty() {
                let id = table.iter().position(|k| *k == key).unwrap_or_else(|| {
                    table.push(key.clone());
                    table.len() - 1
                });
                ids.push(u32::try_from(id).expect("small"));
                spans.push(Span::new(start, start + key.len()));
            }
            at += word.len() + 1;
        }
        (ids, spans)
    }

    fn diff(left: &str, right: &str) -> Vec<(ChangeOp, String)> {
        let mut table = Vec::new();
        let (li, ls) = words(left, &mut table);
        let (ri, rs) = words(right, &mut table);
        let deadline = Instant::now() + std::time::Duration::from_secs(5);
        let d = diff_pair(
            &side(left, &li, &ls),
            &side(right, &ri, &rs),
            None,
            deadline,
        );
        rebuilds(&d.changes, left, right);
        d.changes.into_iter().map(|c| (c.op, c.text)).collect()
    }

    fn rebuilds(changes: &[Change], left: &str, right: &str) {
        let l: String = changes
            .iter()
            .filter(|c| c.op != ChangeOp::Insert)
            .map(|c| c.text.as_str())
            .collect();
        let r: String = changes
            .iter()
            .filter(|c| c.op != ChangeOp::Delete)
            .map(|c| {
                if c.op == ChangeOp::Equal {
                    c.right_text.as_deref().unwrap_or(&c.text)
                } else {
                    &c.text
                }
            })
            .collect();
        assert_eq!(l, left);
        assert_eq!(r, right);
    }

    #[test]
    fn an_inserted_word_next_to_a_replaced_one_is_kept() {
        // The shape of a correction where "of" was added before a changed noun.
        let changes = diff(
            "they met a number treaty of this kind",
            "they met a number of treaties of this kind",
        );
        let edits: Vec<_> = changes
            .iter()
            .filter(|(op, _)| *op != ChangeOp::Equal)
            .map(|(op, t)| (*op, t.as_str()))
            .collect();
        assert_eq!(
            edits,
            [
                (ChangeOp::Delete, "treaty"),
                (ChangeOp::Insert, "of treaties")
            ]
        );
    }

    #[test]
    fn units_trust_only_equal_positions() {
        let left = [1u32, 2, 3, 4, 5, 6];
        let right = [1u32, 2, 4, 7, 4, 5, 6];
        let ops = capture_diff_slices_deadline(Algorithm::Myers, &left, &right, None);
        let units = compact(units_of(&ops), &left, &right);
        let mut covered_right = 0;
        for unit in &units {
            assert_eq!(unit.right.0, covered_right, "{units:?}");
            covered_right = unit.right.1;
        }
        assert_eq!(covered_right, right.len());
    }

    #[test]
    fn gaps_and_ignored_text_stay_with_equal_pieces() {
        let changes = diff("We firmly oppose it.", "We  oppose it!");
        assert_eq!(
            changes,
            [
                (ChangeOp::Equal, "We ".to_owned()),
                (ChangeOp::Delete, "firmly".to_owned()),
                (ChangeOp::Equal, " oppose it.".to_owned()),
            ]
        );
    }
}
