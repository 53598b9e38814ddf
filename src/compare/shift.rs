//! Reading the shift: what a change between two aligned sentences does to the position.
//!
//! Each side of a pair is scanned for words from the lexicons in `assets/shift_lexicon.ron`
//! (intensifiers and downtoners, scales of diplomatic reactions and requests, boosters,
//! modal verbs and hedges, negators) and `assets/contested_names.ron` (place names that
//! governments dispute or changed). Words found on both sides cancel out, so a reordering
//! or an untouched word is never a shift; what is left on one side only is weighed:
//!
//! - `stronger` / `weaker`: the force the left-only and right-only intensifiers add, plus
//!   the move along a scale ("concern" -> "condemn") when both sides use that scale;
//! - `more_certain` / `less_certain`: boosters against hedges ("will" -> "may"); a modal
//!   verb alone ("will withdraw" -> "withdraws") is a change of tense, not of commitment;
//! - `negation`: the number of negators differs by an odd count ("supports" -> "does not
//!   support"; "acceptable" -> "unacceptable");
//! - `renamed`: one side names a place as one government does, the other as another does.
//!
//! Before weighing, a changed word one or two letters from its counterpart is taken as a
//! typo fix (the corrected spelling counts on both sides), so fixing "opose" is not a shift.
//! Synonyms carry equal weights, dates and numbers carry none.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::normalise::{AliasTable, TokenKind, is_cjk, tokenise};
use super::offsets::CharOffsets;
use super::options::{CompareOptions, Granularity};
use super::result::TextSpan;
use crate::governments::Governments;
use crate::text::Span;

/// What a change does to the position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShiftKind {
    /// Said with more force: an intensifier added, a harsher word on a scale.
    Stronger,
    /// Said with less force.
    Weaker,
    /// Said with more commitment: a hedge dropped, "may" -> "will".
    MoreCertain,
    /// Said with less commitment: hedged.
    LessCertain,
    /// The polarity of a clause flips.
    Negation,
    /// A contested or changed place name is swapped for another.
    Renamed,
}

impl ShiftKind {
    /// All kinds, in display order.
    pub const ALL: [Self; 6] = [
        Self::Stronger,
        Self::Weaker,
        Self::MoreCertain,
        Self::LessCertain,
        Self::Negation,
        Self::Renamed,
    ];

    /// The name used in JSON and reports ("more_certain").
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Stronger => "stronger",
            Self::Weaker => "weaker",
            Self::MoreCertain => "more_certain",
            Self::LessCertain => "less_certain",
            Self::Negation => "negation",
            Self::Renamed => "renamed",
        }
    }

    /// A short label for badges ("less certain").
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Stronger => "stronger",
            Self::Weaker => "weaker",
            Self::MoreCertain => "more certain",
            Self::LessCertain => "less certain",
            Self::Negation => "negation",
            Self::Renamed => "renamed",
        }
    }
}

/// Which government uses a name, for a `renamed` shift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameUse {
    /// The name as the lexicon spells it ("Senkaku Islands").
    pub name: String,
    /// ISO 3166 alpha-3 codes of the governments that use it (empty: a neutral name).
    pub used_by: Vec<String>,
}

/// Both names of a `renamed` shift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renaming {
    /// The place, described neutrally.
    pub place: String,
    /// The name on the left.
    pub left: NameUse,
    /// The name on the right.
    pub right: NameUse,
}

/// One shift found in an aligned pair, with the words that carry it on each side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shift {
    /// What the change does.
    pub kind: ShiftKind,
    /// The words that carry it on the left (with the word they modify); an empty span at
    /// the matching place when the left has none.
    pub left: TextSpan,
    /// The words that carry it on the right.
    pub right: TextSpan,
    /// The reason in plain words.
    pub why: String,
    /// For `renamed`: which government uses which name.
    #[serde(skip)]
    pub renaming: Option<Renaming>,
}

impl Shift {
    /// A one-line badge: "weaker: 'firmly opposes' -> 'opposes'", or "stronger: added
    /// 'strongly'" when one side carries nothing.
    #[must_use]
    pub fn badge(&self) -> String {
        let label = self.kind.label();
        match (self.left.text.is_empty(), self.right.text.is_empty()) {
            (true, false) => format!("{label}: added '{}'", self.right.text),
            (false, true) => format!("{label}: dropped '{}'", self.left.text),
            _ => format!("{label}: '{}' -> '{}'", self.left.text, self.right.text),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Lexicons

#[derive(Debug, Default, Deserialize)]
struct LexiconFile {
    force: Vec<WeightedList>,
    scales: Vec<ScaleList>,
    certainty: Vec<WeightedList>,
    negation: NegationList,
}

#[derive(Debug, Default, Deserialize)]
#[allow(dead_code, reason = "names and sources document the data")]
struct WeightedList {
    name: String,
    source: String,
    entries: Vec<WeightedEntry>,
}

#[derive(Debug, Default, Deserialize)]
struct WeightedEntry {
    forms: Vec<String>,
    weight: i32,
    #[serde(default)]
    needs_counterpart: bool,
}

#[derive(Debug, Default, Deserialize)]
#[allow(dead_code, reason = "sources document the data")]
struct ScaleList {
    name: String,
    source: String,
    levels: Vec<ScaleLevel>,
}

#[derive(Debug, Default, Deserialize)]
struct ScaleLevel {
    name: String,
    forms: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[allow(dead_code, reason = "sources document the data")]
struct NegationList {
    source: String,
    negators: Vec<String>,
    not_negations: Vec<String>,
    prefixes: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[allow(dead_code, reason = "sources document the data")]
struct NamesFile {
    source: String,
    places: Vec<Place>,
}

#[derive(Debug, Default, Deserialize)]
struct Place {
    place: String,
    names: Vec<PlaceName>,
}

#[derive(Debug, Default, Deserialize)]
struct PlaceName {
    name: String,
    used_by: Vec<String>,
    forms: Vec<String>,
}

const LEXICON_SOURCE: &str = include_str!("../../assets/shift_lexicon.ron");
const NAMES_SOURCE: &str = include_str!("../../assets/contested_names.ron");

/// What a lexicon word means.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Meaning {
    /// Adds (or with a negative weight, takes) force.
    Force(i32),
    /// A step on scale `scale`, at `level` (1 is the mildest).
    Scale { scale: usize, level: usize },
    /// Adds or takes commitment; `needs_counterpart` for modal verbs.
    Certainty {
        weight: i32,
        needs_counterpart: bool,
    },
    /// Flips polarity.
    Negator,
    /// Contains a negator but does not negate ("not only"); consumes its words.
    NotNegation,
    /// A name of place `place`, as its `variant`-th name.
    Name { place: usize, variant: usize },
}

/// Word sequences by their first word, longest first.
#[derive(Debug, Default)]
struct Matcher {
    by_first: BTreeMap<String, Vec<(Vec<String>, Meaning)>>,
}

impl Matcher {
    fn add(&mut self, form: &str, meaning: Meaning) {
        let words = form_words(form);
        if let Some(first) = words.first().cloned() {
            self.by_first
                .entry(first)
                .or_default()
                .push((words, meaning));
        }
    }

    fn finish(mut self) -> Self {
        for entries in self.by_first.values_mut() {
            entries.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
        }
        self
    }

    /// Non-overlapping matches in `words`, left to right, longest first at each word.
    fn find<'m>(&'m self, words: &[&str]) -> Vec<(usize, usize, &'m Meaning)> {
        let mut out = Vec::new();
        let mut i = 0;
        'outer: while i < words.len() {
            if let Some(entries) = self.by_first.get(words[i]) {
                for (seq, meaning) in entries {
                    let end = i + seq.len();
                    if end <= words.len() && words[i..end].iter().zip(seq).all(|(a, b)| *a == b) {
                        out.push((i, end, meaning));
                        i = end;
                        continue 'outer;
                    }
                }
            }
            i += 1;
        }
        out
    }
}

/// The normalised word keys of a lexicon form, cut as texts are cut.
fn form_words(form: &str) -> Vec<String> {
    tokenise(
        form,
        &CompareOptions::default(),
        &AliasTable::default(),
        Granularity::Word,
    )
    .into_iter()
    .filter(|t| t.kind == TokenKind::Word)
    .map(|t| t.key)
    .collect()
}

/// Everything shift reading knows, built once from the two asset files.
#[derive(Debug, Default)]
struct Knowledge {
    force: Matcher,
    scales: Matcher,
    /// Scale names and their level names, for explanations.
    scale_names: Vec<(String, Vec<String>)>,
    certainty: Matcher,
    negation: Matcher,
    prefixes: Vec<String>,
    names: Matcher,
    places: Vec<Place>,
}

fn parse_lexicon(source: &str) -> Result<LexiconFile, ron::error::SpannedError> {
    ron::from_str(source)
}

fn parse_names(source: &str) -> Result<NamesFile, ron::error::SpannedError> {
    ron::from_str(source)
}

/// The knowledge, built on first use. A broken asset (caught by the unit tests) gives
/// empty lists, so no shift is reported rather than a wrong one.
fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| {
        build(
            parse_lexicon(LEXICON_SOURCE).unwrap_or_default(),
            parse_names(NAMES_SOURCE).unwrap_or_default(),
        )
    })
}

fn build(lexicon: LexiconFile, names: NamesFile) -> Knowledge {
    let mut k = Knowledge::default();
    for list in &lexicon.force {
        for entry in &list.entries {
            for form in &entry.forms {
                k.force.add(form, Meaning::Force(entry.weight));
            }
        }
    }
    for (scale, list) in lexicon.scales.iter().enumerate() {
        for (at, level) in list.levels.iter().enumerate() {
            for form in &level.forms {
                k.scales.add(
                    form,
                    Meaning::Scale {
                        scale,
                        level: at + 1,
                    },
                );
            }
        }
        k.scale_names.push((
            list.name.clone(),
            list.levels.iter().map(|l| l.name.clone()).collect(),
        ));
    }
    for list in &lexicon.certainty {
        for entry in &list.entries {
            for form in &entry.forms {
                k.certainty.add(
                    form,
                    Meaning::Certainty {
                        weight: entry.weight,
                        needs_counterpart: entry.needs_counterpart,
                    },
                );
            }
        }
    }
    for form in &lexicon.negation.negators {
        k.negation.add(form, Meaning::Negator);
    }
    for form in &lexicon.negation.not_negations {
        k.negation.add(form, Meaning::NotNegation);
    }
    k.prefixes.clone_from(&lexicon.negation.prefixes);
    k.prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for (place, entry) in names.places.iter().enumerate() {
        for (variant, name) in entry.names.iter().enumerate() {
            for form in &name.forms {
                k.names.add(form, Meaning::Name { place, variant });
            }
        }
    }
    k.places = names.places;
    k.force = k.force.finish();
    k.scales = k.scales.finish();
    k.certainty = k.certainty.finish();
    k.negation = k.negation.finish();
    k.names = k.names.finish();
    k
}

// ---------------------------------------------------------------------------------------
// Reading one pair

/// One side of a pair as shift reading sees it: the row's tokens (all kinds the diff kept).
pub(crate) struct ShiftSide<'a> {
    /// The whole original text.
    pub text: &'a str,
    /// Char offsets of `text`.
    pub chars: &'a CharOffsets,
    /// Normalised key of each token.
    pub keys: Vec<&'a str>,
    /// Kind of each token.
    pub kinds: Vec<TokenKind>,
    /// Original byte span of each token.
    pub spans: &'a [Span],
    /// Byte extent of the row on this side, for empty spans.
    pub extent: Span,
}

/// A run of the token diff: equal or changed, with token index ranges per side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TokenRun {
    pub equal: bool,
    pub left: (usize, usize),
    pub right: (usize, usize),
}

/// Above this many words on a side a row is not a sentence (a list, a table, text
/// without stops) and is not read for shifts.
pub(crate) const MAX_WORDS: usize = 400;

/// A lexicon word found on one side: its meaning, its word index range and a key to
/// cancel it against the other side.
#[derive(Debug, Clone)]
struct Hit<'k> {
    meaning: &'k Meaning,
    words: (usize, usize),
    key: String,
}

/// One side's words (token indexes of word tokens) and their keys, lowercased.
struct Words {
    /// Token index of each word.
    token: Vec<usize>,
    /// Lowercase key of each word (typo fixes replaced by their correction).
    keys: Vec<String>,
}

impl Words {
    fn new(side: &ShiftSide<'_>) -> Self {
        let mut token = Vec::new();
        let mut keys = Vec::new();
        for (i, (key, kind)) in side.keys.iter().zip(&side.kinds).enumerate() {
            if *kind != TokenKind::Word {
                continue;
            }
            // An alias token ("senkaku islands") holds several words.
            for part in key.split(' ').filter(|p| !p.is_empty()) {
                token.push(i);
                keys.push(part.to_lowercase());
            }
        }
        Self { token, keys }
    }

    fn strs(&self) -> Vec<&str> {
        self.keys.iter().map(String::as_str).collect()
    }
}

/// Reads the shifts of one aligned pair. `runs` is the token diff of the pair.
pub(crate) fn read_shifts(
    left: &ShiftSide<'_>,
    right: &ShiftSide<'_>,
    runs: &[TokenRun],
) -> Vec<Shift> {
    if runs.iter().all(|r| r.equal) {
        return Vec::new();
    }
    let mut lw = Words::new(left);
    let mut rw = Words::new(right);
    if lw.keys.len() > MAX_WORDS || rw.keys.len() > MAX_WORDS {
        return Vec::new();
    }
    fix_typos(&mut lw, &mut rw, runs);
    let know = knowledge();
    let ctx = Pair {
        left,
        right,
        lw: &lw,
        rw: &rw,
        runs,
    };
    let mut shifts = Vec::new();
    let (ls, rs) = (lw.strs(), rw.strs());
    if let Some(shift) = ctx.force_shift(know, &ls, &rs) {
        shifts.push(shift);
    }
    if let Some(shift) = ctx.certainty_shift(know, &ls, &rs) {
        shifts.push(shift);
    }
    if let Some(shift) = ctx.negation_shift(know, &ls, &rs) {
        shifts.push(shift);
    }
    shifts.extend(ctx.renamings(know, &ls, &rs));
    shifts
}

/// Replaces a changed left word by its right counterpart when the two are one or two
/// letters apart (a typo fix), so the fix does not read as a change of wording.
fn fix_typos(lw: &mut Words, rw: &mut Words, runs: &[TokenRun]) {
    let words_in = |w: &Words, range: (usize, usize)| -> Vec<usize> {
        let from = w.token.partition_point(|&t| t < range.0);
        let to = w.token.partition_point(|&t| t < range.1);
        (from..to).collect()
    };
    for run in runs.iter().filter(|r| !r.equal) {
        let (ls, rs) = (words_in(lw, run.left), words_in(rw, run.right));
        if ls.is_empty() || rs.is_empty() || ls.len() * rs.len() > 400 {
            continue;
        }
        let mut used = vec![false; rs.len()];
        for &i in &ls {
            let key = &lw.keys[i];
            let found = rs
                .iter()
                .enumerate()
                .find(|&(k, &j)| !used[k] && rw.keys[j] != *key && is_typo(key, &rw.keys[j]));
            if let Some((k, &j)) = found {
                used[k] = true;
                lw.keys[i].clone_from(&rw.keys[j]);
            }
        }
    }
}

/// True when `a` and `b` differ by a typo: one edit for words of four letters or more, two
/// for words of eight or more. Shorter words ("not" / "now") are never typos of each other.
fn is_typo(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shorter = la.min(lb);
    let allowed = match shorter {
        0..=3 => return false,
        4..=7 => 1,
        _ => 2,
    };
    // A prefix added to the same word ("acceptable" / "unacceptable") is a new word.
    if a.ends_with(b) || b.ends_with(a) {
        return false;
    }
    la.abs_diff(lb) <= allowed && edit_distance(a, b) <= allowed
}

/// Optimal string alignment distance (Levenshtein with adjacent transpositions).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, cell) in d.iter_mut().step_by(width).enumerate() {
        *cell = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// The hits of one side that the other side does not have (by key, counting repeats).
fn unbalanced<'k>(mine: &[Hit<'k>], theirs: &[Hit<'k>]) -> Vec<Hit<'k>> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for hit in theirs {
        *counts.entry(hit.key.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    for hit in mine {
        match counts.get_mut(hit.key.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(hit.clone()),
        }
    }
    out
}

/// Both sides of a pair with their words and the diff between them.
struct Pair<'p, 'a> {
    left: &'p ShiftSide<'a>,
    right: &'p ShiftSide<'a>,
    lw: &'p Words,
    rw: &'p Words,
    runs: &'p [TokenRun],
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

impl Pair<'_, '_> {
    fn side(&self, side: Side) -> (&ShiftSide<'_>, &Words) {
        match side {
            Side::Left => (self.left, self.lw),
            Side::Right => (self.right, self.rw),
        }
    }

    /// The hits of `matcher` on one side, with guards for words that only look like lexicon
    /// words: the month "May" and "No." before a number.
    fn hits<'k>(&self, side: Side, matcher: &'k Matcher, words: &[&str]) -> Vec<Hit<'k>> {
        let (shift_side, w) = self.side(side);
        matcher
            .find(words)
            .into_iter()
            .filter(|&(start, end, _)| !self.false_friend(shift_side, w, start, end))
            .map(|(start, end, meaning)| Hit {
                meaning,
                words: (start, end),
                key: words[start..end].join(" "),
            })
            .collect()
    }

    fn false_friend(&self, side: &ShiftSide<'_>, w: &Words, start: usize, end: usize) -> bool {
        if end != start + 1 {
            return false;
        }
        let is_number = |i: Option<usize>| {
            i.and_then(|i| w.keys.get(i))
                .is_some_and(|k| k.chars().next().is_some_and(|c| c.is_ascii_digit()))
        };
        let near_number = is_number(start.checked_sub(1)) || is_number(Some(end));
        match w.keys[start].as_str() {
            "may" => {
                let written = side
                    .spans
                    .get(w.token[start])
                    .map_or("", |s| s.slice(side.text));
                let capital = written.chars().next().is_some_and(char::is_uppercase);
                near_number || (capital && start > 0)
            }
            "no" => is_number(Some(end)),
            _ => false,
        }
    }

    /// Byte span of words `range` on one side.
    fn word_span(&self, side: Side, range: (usize, usize)) -> Option<Span> {
        let (s, w) = self.side(side);
        if range.0 >= range.1 {
            return None;
        }
        let first = s.spans.get(*w.token.get(range.0)?)?;
        let last = s.spans.get(*w.token.get(range.1 - 1)?)?;
        Some(Span::new(first.start, last.end))
    }

    /// Where the other side's token `token` falls on `side`, as a word index.
    fn counterpart_word(&self, side: Side, other_token: usize) -> usize {
        let (_, w) = self.side(side);
        let run = self.runs.iter().find(|r| {
            let range = if side == Side::Left { r.right } else { r.left };
            range.0 <= other_token && other_token < range.1
        });
        let token = run.map_or(0, |r| {
            let (mine, theirs) = if side == Side::Left {
                (r.left, r.right)
            } else {
                (r.right, r.left)
            };
            if r.equal {
                mine.0 + (other_token - theirs.0)
            } else {
                mine.0
            }
        });
        w.token.partition_point(|&t| t < token)
    }

    /// Where the other side's token `other_token` falls on `side`, as a word index, when
    /// it lies in a run both sides share (the same word on both sides).
    fn equal_counterpart_word(&self, side: Side, other_token: usize) -> Option<usize> {
        let (_, w) = self.side(side);
        let run = self.runs.iter().find(|r| {
            let range = if side == Side::Left { r.right } else { r.left };
            r.equal && range.0 <= other_token && other_token < range.1
        })?;
        let (mine, theirs) = if side == Side::Left {
            (run.left, run.right)
        } else {
            (run.right, run.left)
        };
        let token = mine.0 + (other_token - theirs.0);
        let word = w.token.partition_point(|&t| t < token);
        (w.token.get(word) == Some(&token)).then_some(word)
    }

    /// The end (exclusive, in words) of the head word starting at word `at`: one word, or
    /// two where a script written without spaces (Chinese, Japanese) is cut into characters
    /// and two of them run on ("坚决反对": the head of "坚决" is "反对", not "反").
    fn head_end(&self, side: Side, at: usize) -> usize {
        let (s, w) = self.side(side);
        let ideograph = |word: usize| {
            w.token
                .get(word)
                .and_then(|&t| s.spans.get(t))
                .map(|span| span.slice(s.text))
                .is_some_and(|text| {
                    let mut chars = text.chars();
                    chars.next().is_some_and(is_cjk) && chars.next().is_none()
                })
        };
        let touching = || {
            let (Some(a), Some(b)) = (
                w.token.get(at).and_then(|&t| s.spans.get(t)),
                w.token.get(at + 1).and_then(|&t| s.spans.get(t)),
            ) else {
                return false;
            };
            a.end == b.start
        };
        if ideograph(at) && ideograph(at + 1) && touching() {
            at + 2
        } else {
            at + 1
        }
    }

    /// The span of a shift on `side`: its carrying words (with the next word when they
    /// modify it), or the word at the matching place when this side has none.
    fn shift_span(
        &self,
        side: Side,
        hits: &[Hit<'_>],
        other_hits: &[Hit<'_>],
        with_head: bool,
    ) -> TextSpan {
        let (s, w) = self.side(side);
        let range = if let (Some(first), Some(last)) = (
            hits.iter().map(|h| h.words.0).min(),
            hits.iter().map(|h| h.words.1).max(),
        ) {
            let end = if with_head && last < w.keys.len() {
                self.head_end(side, last)
            } else {
                last
            };
            (first, end)
        } else {
            let other = if side == Side::Left {
                Side::Right
            } else {
                Side::Left
            };
            let (_, ow) = self.side(other);
            let at = other_hits
                .iter()
                .map(|h| h.words.0)
                .min()
                .and_then(|i| ow.token.get(i).copied())
                .map_or(0, |t| self.counterpart_word(side, t));
            // The word the other side's words modify, when this side has it too (an equal
            // run): "firmly opposes" -> "opposes". Otherwise nothing is carried here, and
            // the span is empty at the matching place rather than an unrelated word.
            let head = other_hits
                .iter()
                .map(|h| h.words.1)
                .max()
                .and_then(|i| ow.token.get(i).copied())
                .and_then(|t| self.equal_counterpart_word(side, t));
            match head {
                Some(head) if with_head => (head, self.head_end(side, head)),
                _ => (at, at),
            }
        };
        let bytes = self.word_span(side, range).unwrap_or_else(|| {
            let at = w
                .token
                .get(range.0)
                .and_then(|&t| s.spans.get(t))
                .map_or(s.extent.end, |span| span.start);
            Span::new(at, at)
        });
        TextSpan::new(s.text, s.chars, bytes)
    }

    fn written(&self, side: Side, hit: &Hit<'_>) -> String {
        let (s, _) = self.side(side);
        self.word_span(side, hit.words)
            .map_or_else(|| hit.key.clone(), |span| span.slice(s.text).to_owned())
    }

    fn quoted_list(&self, side: Side, hits: &[Hit<'_>]) -> String {
        let words: Vec<String> = hits
            .iter()
            .map(|h| format!("'{}'", self.written(side, h)))
            .collect();
        words.join(", ")
    }

    /// "'firmly' was dropped", "'grave' was added", "'serious' became 'grave'".
    fn change_phrase(&self, left: &[Hit<'_>], right: &[Hit<'_>]) -> String {
        match (left.is_empty(), right.is_empty()) {
            (false, true) => format!(
                "{} {} dropped",
                self.quoted_list(Side::Left, left),
                if left.len() == 1 { "was" } else { "were" }
            ),
            (true, false) => format!(
                "{} {} added",
                self.quoted_list(Side::Right, right),
                if right.len() == 1 { "was" } else { "were" }
            ),
            _ => format!(
                "{} became {}",
                self.quoted_list(Side::Left, left),
                self.quoted_list(Side::Right, right)
            ),
        }
    }

    fn force_shift(&self, know: &Knowledge, ls: &[&str], rs: &[&str]) -> Option<Shift> {
        let lf = self.hits(Side::Left, &know.force, ls);
        let rf = self.hits(Side::Right, &know.force, rs);
        let (lu, ru) = (unbalanced(&lf, &rf), unbalanced(&rf, &lf));
        let weight = |hits: &[Hit<'_>]| -> i32 {
            hits.iter()
                .map(|h| match h.meaning {
                    Meaning::Force(w) => *w,
                    _ => 0,
                })
                .sum()
        };
        let mut delta = weight(&ru) - weight(&lu);
        let mut left_carry: Vec<Hit<'_>> = if delta == 0 { Vec::new() } else { lu };
        let mut right_carry: Vec<Hit<'_>> = if delta == 0 { Vec::new() } else { ru };
        let mut reasons = Vec::new();
        if delta != 0 {
            reasons.push(self.change_phrase(&left_carry, &right_carry));
        }
        let with_head = !left_carry.is_empty() || !right_carry.is_empty();

        let ls_hits = self.hits(Side::Left, &know.scales, ls);
        let rs_hits = self.hits(Side::Right, &know.scales, rs);
        let level = |hits: &[Hit<'_>], scale: usize| {
            hits.iter()
                .filter_map(|h| match h.meaning {
                    Meaning::Scale { scale: s, level } if *s == scale => Some(*level),
                    _ => None,
                })
                .max()
        };
        let (lsu, rsu) = (
            unbalanced(&ls_hits, &rs_hits),
            unbalanced(&rs_hits, &ls_hits),
        );
        for (scale, (name, levels)) in know.scale_names.iter().enumerate() {
            let on_scale =
                |h: &&Hit<'_>| matches!(h.meaning, Meaning::Scale { scale: s, .. } if *s == scale);
            let touched = lsu.iter().any(|h| on_scale(&h)) || rsu.iter().any(|h| on_scale(&h));
            let (Some(l), Some(r)) = (level(&ls_hits, scale), level(&rs_hits, scale)) else {
                continue;
            };
            if !touched || l == r {
                continue;
            }
            let step = i32::try_from(r).unwrap_or(0) - i32::try_from(l).unwrap_or(0);
            delta += step;
            let l_carry: Vec<Hit<'_>> = lsu.iter().filter(on_scale).cloned().collect();
            let r_carry: Vec<Hit<'_>> = rsu.iter().filter(on_scale).cloned().collect();
            let top = |hits: &[Hit<'_>], side: Side, lvl: usize| {
                hits.iter()
                    .find(|h| matches!(h.meaning, Meaning::Scale { level, .. } if *level == lvl))
                    .map(|h| self.written(side, h))
            };
            let from = top(&ls_hits, Side::Left, l).unwrap_or_default();
            let to = top(&rs_hits, Side::Right, r).unwrap_or_default();
            reasons.push(format!(
                "'{from}' became '{to}', {} on the scale of {name} ({})",
                if step > 0 { "higher" } else { "lower" },
                levels.join(" < ")
            ));
            left_carry.extend(l_carry);
            right_carry.extend(r_carry);
        }
        if delta == 0 {
            return None;
        }
        let kind = if delta > 0 {
            ShiftKind::Stronger
        } else {
            ShiftKind::Weaker
        };
        let head = with_head
            && left_carry
                .iter()
                .chain(&right_carry)
                .all(|h| matches!(h.meaning, Meaning::Force(_)));
        let why = format!(
            "Said with {} force: {}.",
            if delta > 0 { "more" } else { "less" },
            reasons.join("; ")
        );
        Some(Shift {
            kind,
            left: self.shift_span(Side::Left, &left_carry, &right_carry, head),
            right: self.shift_span(Side::Right, &right_carry, &left_carry, head),
            why,
            renaming: None,
        })
    }

    fn certainty_shift(&self, know: &Knowledge, ls: &[&str], rs: &[&str]) -> Option<Shift> {
        let mut lc = self.hits(Side::Left, &know.certainty, ls);
        let mut rc = self.hits(Side::Right, &know.certainty, rs);
        // Contracted "we'll" counts as "will".
        for (side, hits, words) in [(Side::Left, &mut lc, ls), (Side::Right, &mut rc, rs)] {
            let _ = side;
            for (i, word) in words.iter().enumerate() {
                if word.ends_with("'ll") && !hits.iter().any(|h| h.words.0 <= i && i < h.words.1) {
                    hits.push(Hit {
                        meaning: &WILL,
                        words: (i, i + 1),
                        key: "will".to_owned(),
                    });
                }
            }
            hits.sort_by_key(|h| h.words);
        }
        let (lu, ru) = (unbalanced(&lc, &rc), unbalanced(&rc, &lc));
        fn counts<'k>(hits: &[Hit<'k>], other: &[Hit<'k>]) -> Vec<Hit<'k>> {
            hits.iter()
                .filter(|h| match h.meaning {
                    Meaning::Certainty {
                        needs_counterpart, ..
                    } => !needs_counterpart || !other.is_empty(),
                    _ => false,
                })
                .cloned()
                .collect()
        }
        let (lk, rk) = (counts(&lu, &ru), counts(&ru, &lu));
        let weight = |hits: &[Hit<'_>]| -> i32 {
            hits.iter()
                .map(|h| match h.meaning {
                    Meaning::Certainty { weight, .. } => *weight,
                    _ => 0,
                })
                .sum()
        };
        let delta = weight(&rk) - weight(&lk);
        if delta == 0 {
            return None;
        }
        let kind = if delta > 0 {
            ShiftKind::MoreCertain
        } else {
            ShiftKind::LessCertain
        };
        let why = format!(
            "Said with {} commitment: {}.",
            if delta > 0 { "more" } else { "less" },
            self.change_phrase(&lk, &rk)
        );
        Some(Shift {
            kind,
            left: self.shift_span(Side::Left, &lk, &rk, true),
            right: self.shift_span(Side::Right, &rk, &lk, true),
            why,
            renaming: None,
        })
    }

    /// Negators of one side: lexicon negators, any "n't" word, and words with a negative
    /// prefix whose stem stands on the other side.
    fn negators<'k>(
        &self,
        side: Side,
        know: &'k Knowledge,
        words: &[&str],
        other: &[&str],
    ) -> Vec<Hit<'k>> {
        let mut hits: Vec<Hit<'k>> = self
            .hits(side, &know.negation, words)
            .into_iter()
            .filter(|h| *h.meaning == Meaning::Negator)
            .collect();
        let covered =
            |hits: &[Hit<'_>], i: usize| hits.iter().any(|h| h.words.0 <= i && i < h.words.1);
        let all = self.hits(side, &know.negation, words);
        for (i, word) in words.iter().enumerate() {
            if covered(&all, i) {
                continue;
            }
            if word.ends_with("n't") {
                hits.push(Hit {
                    meaning: &NEGATOR,
                    words: (i, i + 1),
                    key: "not".to_owned(),
                });
                continue;
            }
            let stem = know.prefixes.iter().find_map(|p| {
                word.strip_prefix(p.as_str())
                    .filter(|stem| stem.chars().count() >= 4 && other.contains(stem))
            });
            if stem.is_some() && !other.contains(word) {
                hits.push(Hit {
                    meaning: &NEGATOR,
                    words: (i, i + 1),
                    key: format!("-{word}"),
                });
            }
        }
        hits.sort_by_key(|h| h.words);
        hits
    }

    fn negation_shift(&self, know: &Knowledge, ls: &[&str], rs: &[&str]) -> Option<Shift> {
        let ln = self.negators(Side::Left, know, ls, rs);
        let rn = self.negators(Side::Right, know, rs, ls);
        if ln.len() % 2 == rn.len() % 2 {
            return None;
        }
        let (lu, ru) = (unbalanced(&ln, &rn), unbalanced(&rn, &ln));
        let why = format!("The polarity flips: {}.", self.change_phrase(&lu, &ru));
        Some(Shift {
            kind: ShiftKind::Negation,
            left: self.shift_span(Side::Left, &lu, &ru, true),
            right: self.shift_span(Side::Right, &ru, &lu, true),
            why,
            renaming: None,
        })
    }

    fn renamings<'k>(&self, know: &'k Knowledge, ls: &[&str], rs: &[&str]) -> Vec<Shift> {
        let ln = self.hits(Side::Left, &know.names, ls);
        let rn = self.hits(Side::Right, &know.names, rs);
        let variants = |hits: &[Hit<'_>], place: usize| -> Vec<usize> {
            let mut v: Vec<usize> = hits
                .iter()
                .filter_map(|h| match h.meaning {
                    Meaning::Name { place: p, variant } if *p == place => Some(*variant),
                    _ => None,
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let mut places: Vec<usize> = ln
            .iter()
            .chain(&rn)
            .filter_map(|h| match h.meaning {
                Meaning::Name { place, .. } => Some(*place),
                _ => None,
            })
            .collect();
        places.sort_unstable();
        places.dedup();
        let mut out = Vec::new();
        for place in places {
            let (lv, rv) = (variants(&ln, place), variants(&rn, place));
            let from = lv.iter().find(|v| !rv.contains(v));
            let to = rv.iter().find(|v| !lv.contains(v));
            let (Some(&from), Some(&to)) = (from, to) else {
                continue;
            };
            let Some(entry) = know.places.get(place) else {
                continue;
            };
            let (Some(a), Some(b)) = (entry.names.get(from), entry.names.get(to)) else {
                continue;
            };
            let pick = |hits: &[Hit<'k>], variant: usize| -> Vec<Hit<'k>> {
                hits.iter()
                    .filter(|h| {
                        matches!(h.meaning, Meaning::Name { place: p, variant: v }
                            if *p == place && *v == variant)
                    })
                    .take(1)
                    .cloned()
                    .collect()
            };
            let (lh, rh) = (pick(&ln, from), pick(&rn, to));
            let written_l = lh
                .first()
                .map(|h| self.written(Side::Left, h))
                .unwrap_or_default();
            let written_r = rh
                .first()
                .map(|h| self.written(Side::Right, h))
                .unwrap_or_default();
            let why = format!(
                "'{written_l}' ({}) became '{written_r}' ({}), names for {}.",
                users(&a.used_by),
                users(&b.used_by),
                entry.place
            );
            out.push(Shift {
                kind: ShiftKind::Renamed,
                left: self.shift_span(Side::Left, &lh, &rh, false),
                right: self.shift_span(Side::Right, &rh, &lh, false),
                why,
                renaming: Some(Renaming {
                    place: entry.place.clone(),
                    left: NameUse {
                        name: a.name.clone(),
                        used_by: a.used_by.clone(),
                    },
                    right: NameUse {
                        name: b.name.clone(),
                        used_by: b.used_by.clone(),
                    },
                }),
            });
        }
        out
    }
}

static WILL: Meaning = Meaning::Certainty {
    weight: 2,
    needs_counterpart: true,
};
static NEGATOR: Meaning = Meaning::Negator;

/// "the name China uses", "the name Saudi Arabia and the United Arab Emirates use", "a
/// neutral name".
fn users(codes: &[String]) -> String {
    if codes.is_empty() {
        return "a neutral name".to_owned();
    }
    let registry = Governments::bundled();
    let names: Vec<String> = codes
        .iter()
        .map(|c| {
            registry
                .get(c)
                .map_or_else(|| c.clone(), |g| g.name.clone())
        })
        .collect();
    let list = match names.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    format!(
        "the name {list} {}",
        if names.len() == 1 { "uses" } else { "use" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_parse_and_name_their_sources() {
        let lexicon = parse_lexicon(LEXICON_SOURCE).expect("assets/shift_lexicon.ron parses");
        for list in lexicon.force.iter().chain(&lexicon.certainty) {
            assert!(!list.source.is_empty() && !list.name.is_empty());
        }
        for scale in &lexicon.scales {
            assert!(!scale.source.is_empty());
            assert!(scale.levels.len() >= 3);
        }
        assert!(!lexicon.negation.source.is_empty());
        let names = parse_names(NAMES_SOURCE).expect("assets/contested_names.ron parses");
        assert!(!names.source.is_empty());
        let registry = Governments::bundled();
        for place in &names.places {
            assert!(place.names.len() >= 2, "{}", place.place);
            for name in &place.names {
                for code in &name.used_by {
                    assert!(registry.get(code).is_some(), "unknown government {code}");
                }
            }
        }
        let know = knowledge();
        assert!(!know.force.by_first.is_empty());
        assert!(!know.names.by_first.is_empty());
    }

    #[test]
    fn typos_are_close_but_short_words_are_not() {
        assert!(is_typo("opose", "oppose"));
        assert!(is_typo("goverment", "government"));
        assert!(is_typo("recieve", "receive"));
        assert!(!is_typo("not", "now"));
        assert!(!is_typo("firmly", "strongly"));
        assert!(!is_typo("acceptable", "unacceptable"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn names_of_users() {
        assert_eq!(users(&["JPN".to_owned()]), "the name Japan uses");
        assert_eq!(users(&[]), "a neutral name");
    }
}
