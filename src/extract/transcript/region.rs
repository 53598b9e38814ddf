//! Where a text reads as a transcript: decided per region (a run of labelled turns), never
//! for the whole file. A long news story with a few "Name:" lines, a credit line repeated
//! in a file of several articles, or articles joined one after another stay news; only the
//! stretch of paragraphs that is a conversation becomes a transcript.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::article::Article;
use crate::text::Span;

use super::super::lexicon::Lexicon;
use super::label::{Label, label_at};
use super::role::stage_direction;

/// A stretch of paragraphs read as a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The paragraphs of the region (indices into the article's paragraphs).
    pub paragraphs: Range<usize>,
    /// The first paragraph with a speaker label; those before it (from
    /// `paragraphs.start`) are the opening of a briefing, spoken by its host if any.
    pub first_turn: usize,
}

/// Labelled paragraphs up to which a run counts as a conversation even without a repeated
/// speaker: two officials' statements one after the other (a pair of press statements).
const PAIR: usize = 2;

/// Mean words of the labelled turns below which the labels are credits or captions
/// ("Courtesy/Source: Harbour Daily"), not turns.
const MIN_TURN_WORDS: usize = 3;

/// Paragraphs before the first turn that can be a briefing's opening (a title, a date line,
/// the host's announcements); a longer stretch is a story of its own.
const MAX_OPENING: usize = 12;

/// The speaker label opening each paragraph, without metadata and credit lines
/// ("Photo:", "Source:", "Load-Date:").
#[must_use]
pub fn labels(article: &Article) -> Vec<Option<Label>> {
    article
        .paragraphs
        .iter()
        .map(|p| label_at(&article.text, *p).filter(|l| !metadata(l.name.slice(&article.text))))
        .collect()
}

fn metadata(label: &str) -> bool {
    let lex = Lexicon::get();
    let first = label
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("")
        .to_lowercase();
    lex.metadata_labels.contains(first.as_str())
        || lex
            .metadata_labels
            .contains(label.trim().to_lowercase().as_str())
}

/// True when a paragraph without a label reads as news, not as a turn of a conversation: a
/// quote closed and attributed (`...," the minister said`), a dateline (`PORT LOUIS, May 2
/// (Wire) -`), or the end of a transcript (`END`, a separator line).
fn breaks(text: &str) -> bool {
    /// Bytes after a closing quote mark searched for the cue that attributes it.
    const CUE_REACH: usize = 48;
    /// Words after the closing quote mark among which the cue must come.
    const CUE_WORDS: usize = 4;
    let s = text.trim();
    if s == "END" || s.starts_with("END ") || !s.chars().any(char::is_alphanumeric) && s.len() >= 3
    {
        return true;
    }
    if dateline(s) {
        return true;
    }
    let cues = [
        "said",
        "says",
        "told",
        "added",
        "asked",
        "wrote",
        "according",
    ];
    s.char_indices()
        .filter(|(_, c)| matches!(c, '”' | '"'))
        .any(|(i, c)| {
            let before = s[..i].chars().next_back();
            if !before.is_some_and(|b| matches!(b, ',' | '.' | '?' | '!')) {
                return false;
            }
            let after = &s[i + c.len_utf8()..];
            let mut end = after.len().min(CUE_REACH);
            while !after.is_char_boundary(end) {
                end -= 1;
            }
            after[..end].split_whitespace().take(CUE_WORDS).any(|w| {
                cues.contains(
                    &w.trim_matches(|c: char| !c.is_alphabetic())
                        .to_lowercase()
                        .as_str(),
                )
            })
        })
}

/// A short line without a sentence's final punctuation: a headline or title.
fn headline(s: &str) -> bool {
    let s = s.trim();
    let words = s.split_whitespace().count();
    (3..=16).contains(&words)
        && !s.ends_with([
            '.', '?', '!', ':', ';', '"', '”', '’', ')', '…', '。', '？', '！',
        ])
}

/// `PORT LOUIS, May 2 (Wire) -`, `HARBOUR CITY (Wire) --`: a news dateline.
fn dateline(s: &str) -> bool {
    let Some(end) = s.find(['(', ',', '—', '–']) else {
        return false;
    };
    let place = s[..end].trim();
    let words = place.split_whitespace().count();
    (1..=3).contains(&words)
        && place.chars().any(char::is_alphabetic)
        && place
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '/')
        && s[end..].contains(['-', '—', '–'])
        && s[end..].find(['-', '—', '–']).is_some_and(|d| d < 40)
}

/// The transcript regions of an article, in order. `official` tells whether a label names
/// an official (used when no speaker repeats: a pair of press statements).
pub fn regions(
    article: &Article,
    labels: &[Option<Label>],
    official: impl Fn(&str) -> bool,
) -> Vec<Region> {
    let text = article.text.as_str();
    let paragraphs = &article.paragraphs;
    // Per paragraph: it reads as news or metadata, or opens another story (a headline
    // followed by a dateline or credit line), so no turn runs on over it.
    let breaking: Vec<bool> = (0..paragraphs.len())
        .map(|pi| {
            let s = paragraphs[pi].slice(text);
            labels[pi].is_none()
                && (breaks(s)
                    || label_at(text, paragraphs[pi]).is_some()
                    || headline(s)
                        && (pi + 1..paragraphs.len().min(pi + 3)).any(|n| {
                            let next = paragraphs[n].slice(text);
                            dateline(next.trim())
                                || label_at(text, paragraphs[n]).is_some() && labels[n].is_none()
                        }))
        })
        .collect();
    // Runs of labelled paragraphs not broken by such a paragraph.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for pi in 0..paragraphs.len() {
        if labels[pi].is_some() {
            current.push(pi);
        } else if breaking[pi] && !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    let mut out: Vec<Region> = Vec::new();
    for run in runs {
        if !conversation(text, paragraphs, labels, &run, &official) {
            continue;
        }
        let first = run[0];
        let last = run[run.len() - 1];
        // The last turn runs on until a paragraph that reads as news, or the end.
        let end = (last + 1..paragraphs.len())
            .find(|&p| breaking[p])
            .unwrap_or(paragraphs.len());
        // A briefing's opening before the first turn: the paragraphs since the last one
        // that reads as news (or the region before), when they are few.
        // (Looked for only as far back as an opening can reach, so that many regions stay
        // linear.)
        let previous_end = out.last().map_or(0, |r| r.paragraphs.end);
        let lowest = first.saturating_sub(MAX_OPENING + 1).max(previous_end);
        let floor = (lowest..first)
            .rev()
            .find(|&p| breaking[p])
            .map(|p| p + 1)
            .or((lowest == previous_end).then_some(lowest));
        let start = floor.filter(|&f| first - f <= MAX_OPENING).unwrap_or(first);
        out.push(Region {
            paragraphs: start..end,
            first_turn: first,
        });
    }
    out
}

/// Words of a turn; each CJK character counts as a word.
fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
        + s.chars()
            .filter(|c| {
                ('\u{4e00}'..='\u{9fff}').contains(c) || ('\u{3040}'..='\u{30ff}').contains(c)
            })
            .count()
}

/// True when the labelled paragraphs of `run` are a conversation: at least two speakers,
/// and a speaker who comes back (or two officials one after the other), with turns longer
/// than credits.
fn conversation(
    text: &str,
    paragraphs: &[Span],
    labels: &[Option<Label>],
    run: &[usize],
    official: &impl Fn(&str) -> bool,
) -> bool {
    // Per speaker (lowercase): the label as written and how often it comes.
    let mut counts: BTreeMap<String, (&str, usize)> = BTreeMap::new();
    let mut words = 0;
    for &pi in run {
        let Some(label) = labels[pi] else { continue };
        let name = label.name.slice(text).trim();
        counts.entry(name.to_lowercase()).or_insert((name, 0)).1 += 1;
        words += word_count(Span::new(label.text_start, paragraphs[pi].end).slice(text));
    }
    if counts.len() < 2 || words < MIN_TURN_WORDS * run.len() {
        return false;
    }
    let repeated = run.len() >= 3 && counts.values().any(|&(_, n)| n >= 2);
    let officials = counts.values().filter(|(name, _)| official(name)).count();
    let stage_only = run.iter().all(|&pi| {
        labels[pi].is_some_and(|l| {
            stage_direction(Span::new(l.text_start, paragraphs[pi].end).slice(text))
        })
    });
    !stage_only && (repeated || officials >= PAIR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_paragraphs_and_datelines_break_a_region() {
        assert!(breaks("“We will not move,” the minister said on Monday."));
        assert!(breaks("PORT LOUIS, May 2 (Wire) - The talks resumed."));
        assert!(breaks("END 4:12 P.M. CET"));
        assert!(!breaks(
            "We will not move. That is our position, and it will not change."
        ));
        assert!(!breaks("As I said before, the door remains open."));
    }
}
