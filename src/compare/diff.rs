//! The diff inside one aligned pair: `similar` over normalised token ids with a deadline, then
//! mapped back to original byte ranges so ignored differences are shown as written.

use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::result::{Change, ChangeOp};
use crate::text::Span;

/// One side of a pair: its original text, the byte span of its sentence(s), and its tokens as
/// (id, original byte span).
pub(crate) struct DiffSide<'a> {
    pub text: &'a str,
    pub span: Span,
    pub ids: &'a [u32],
    pub spans: &'a [Span],
}

/// The diff of one pair.
pub(crate) struct PairDiff {
    pub changes: Vec<Change>,
    /// Share of tokens in common, 0..1.
    pub similarity: f32,
    /// The deadline had passed when the diff finished and the diff has changes, so it may be
    /// coarser than the best one.
    pub approximate: bool,
}

/// A run of equal tokens or a run of changes, as token index ranges per side.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Unit {
    equal: bool,
    left: (usize, usize),
    right: (usize, usize),
}

/// Diffs `left` against `right`, stopping refinement at `deadline`.
pub(crate) fn diff_pair(left: &DiffSide<'_>, right: &DiffSide<'_>, deadline: Instant) -> PairDiff {
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
    PairDiff {
        changes: render(left, right, &units),
        similarity,
        approximate: changed && Instant::now() >= deadline,
    }
}

/// Changes for a sentence with no counterpart: all of it deleted (left) or inserted (right).
pub(crate) fn one_sided(text: &str, span: Span, op: ChangeOp) -> Vec<Change> {
    let (left_range, right_range) = match op {
        ChangeOp::Insert => (None, Some(span)),
        _ => (Some(span), None),
    };
    vec![Change {
        op,
        text: span.slice(text).to_owned(),
        left_range,
        right_range,
    }]
}

fn units_of(ops: &[DiffOp]) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for op in ops {
        let (_, old, new) = op.as_tag_tuple();
        let equal = matches!(op, DiffOp::Equal { .. });
        let (left, right) = ((old.start, old.end), (new.start, new.end));
        match units.last_mut() {
            Some(last) if !last.equal && !equal => {
                last.left = (last.left.0.min(left.0), last.left.1.max(left.1));
                last.right = (last.right.0.min(right.0), last.right.1.max(right.1));
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
        let slid = if change.left.0 == change.left.1 {
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
        let merged = if change.left.0 == change.left.1 {
            Unit {
                equal: false,
                left: before.left,
                right: (before.right.0, change.right.1 - shift),
            }
        } else {
            Unit {
                equal: false,
                left: (before.left.0, change.left.1 - shift),
                right: before.right,
            }
        };
        let moved_eq = if change.left.0 == change.left.1 {
            Unit {
                equal: true,
                left: eq.left,
                right: (change.right.1 - shift, change.right.1),
            }
        } else {
            Unit {
                equal: true,
                left: (change.left.1 - shift, change.left.1),
                right: eq.right,
            }
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

/// Gives the white space and ignored punctuation between token runs to a neighbouring equal
/// run (or to an equal run of its own at either end), so the changes of each side cover its
/// sentence(s) exactly, in order.
fn attach_gaps(
    side: &DiffSide<'_>,
    units: &[Unit],
    pick: fn(&Unit) -> (usize, usize),
) -> (Vec<Option<Span>>, Option<Span>, Option<Span>) {
    let mut ranges: Vec<Option<Span>> = units.iter().map(|u| extent(side, pick(u))).collect();
    let mut cursor = side.span.start;
    let mut prev: Option<usize> = None;
    let mut lead = None;
    for k in 0..units.len() {
        let Some(range) = ranges[k] else { continue };
        if range.start > cursor {
            let gap = Span::new(cursor, range.start);
            if units[k].equal {
                ranges[k] = Some(Span::new(cursor, range.end));
            } else if let Some(p) = prev {
                // Units alternate, so the previous run on this side is an equal one.
                ranges[p] = ranges[p].map(|r| Span::new(r.start, range.start));
            } else {
                lead = Some(gap);
            }
        }
        cursor = range.end.max(cursor);
        prev = Some(k);
    }
    let mut trail = None;
    if side.span.end > cursor {
        let gap = Span::new(cursor, side.span.end);
        match prev {
            Some(p) if units[p].equal => ranges[p] = ranges[p].map(|r| Span::new(r.start, gap.end)),
            _ => trail = Some(gap),
        }
    }
    (ranges, lead, trail)
}

fn render(left: &DiffSide<'_>, right: &DiffSide<'_>, units: &[Unit]) -> Vec<Change> {
    let (l_ranges, l_lead, l_trail) = attach_gaps(left, units, |u| u.left);
    let (r_ranges, r_lead, r_trail) = attach_gaps(right, units, |u| u.right);
    let mut changes = Vec::with_capacity(units.len() + 2);
    push_equal(&mut changes, left, right, l_lead, r_lead);
    for (k, unit) in units.iter().enumerate() {
        if unit.equal {
            push_equal(&mut changes, left, right, l_ranges[k], r_ranges[k]);
            continue;
        }
        if let Some(span) = l_ranges[k] {
            changes.push(Change {
                op: ChangeOp::Delete,
                text: span.slice(left.text).to_owned(),
                left_range: Some(span),
                right_range: None,
            });
        }
        if let Some(span) = r_ranges[k] {
            changes.push(Change {
                op: ChangeOp::Insert,
                text: span.slice(right.text).to_owned(),
                left_range: None,
                right_range: Some(span),
            });
        }
    }
    push_equal(&mut changes, left, right, l_trail, r_trail);
    changes
}

fn push_equal(
    changes: &mut Vec<Change>,
    left: &DiffSide<'_>,
    right: &DiffSide<'_>,
    l: Option<Span>,
    r: Option<Span>,
) {
    let text = match (l, r) {
        (None, None) => return,
        (Some(span), _) => span.slice(left.text),
        (None, Some(span)) => span.slice(right.text),
    };
    changes.push(Change {
        op: ChangeOp::Equal,
        text: text.to_owned(),
        left_range: l,
        right_range: r,
    });
}
