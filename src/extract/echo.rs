//! Stage `echo`: a subheading made of a short quote and nothing else (‘Pretty responsible’
//! above the paragraphs it sums up) carries no cue of its own. When a statement of the same
//! article repeats its words, the subheading quotes that statement's speaker.

use crate::statement::StatementKind;
use crate::text::Span;

use super::Draft;
use super::para::Para;
use super::rule::Rule;

/// Longest quoted subheading, in words: a few words lifted from a quotation.
pub const MAX_HEADING_WORDS: usize = 8;

/// True when the paragraph is the quote `qi` alone (marks and white space aside) and the
/// quote is a few words long: a quoted subheading. In a headline (`headline`: a paragraph
/// before the running text) the quote may also open the line before a colon ("‘We will
/// see’: Minister ...").
#[must_use]
pub fn is_quoted_heading(para: &Para, qi: usize, headline: bool) -> bool {
    let q = para.quotes[qi];
    let words = q.content.slice(para.text).split_whitespace().count();
    let before = para.text[para.span.start..q.open].trim();
    let after = para.text[q.after.min(para.span.end)..para.span.end].trim();
    // ("## 10. ‘We will see’: ...": a Markdown heading mark and a list number may open it.)
    let heading_marks = before
        .chars()
        .all(|c| c == '#' || c == '.' || c.is_ascii_digit() || c.is_whitespace());
    if headline
        && qi == 0
        && q.closed
        && heading_marks
        && after.starts_with(':')
        && (2..=MAX_HEADING_WORDS).contains(&words)
    {
        return true;
    }
    // A title in Title Case ("All Bets Are Off.") names a work, not someone's words.
    let title_case = words >= 2
        && q.content
            .slice(para.text)
            .split_whitespace()
            .skip(1)
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.starts_with(char::is_uppercase));
    q.closed
        && !title_case
        && para.quotes.len() == 1
        && (1..=MAX_HEADING_WORDS).contains(&words)
        && before.is_empty()
        && after.chars().all(|c| matches!(c, '.' | ':' | '!' | '?'))
}

/// Statements looked through on each side of a subheading for the quotation it echoes: the
/// section it heads, and a few before it. Bounds the work on texts of many subheadings.
pub const ECHO_REACH: usize = 40;

/// Adds a partial statement for each quoted subheading (content spans in `headings`, in text
/// order) whose words a quotation among `drafts` repeats, with that quotation's speaker: the
/// nearest one after the subheading, else the nearest before it, within [`ECHO_REACH`]
/// statements. Drafts stay in text order.
pub(crate) fn attribute_headings(text: &str, headings: &[Span], drafts: &mut Vec<Draft>) {
    if headings.is_empty() {
        return;
    }
    // Each quotation's words, worked out once.
    let quoted: Vec<Option<Vec<Vec<String>>>> = drafts
        .iter()
        .map(|d| {
            (d.entity.is_some() && d.kind != StatementKind::Indirect)
                .then(|| d.spans.iter().map(|s| words_of(s.slice(text))).collect())
        })
        .collect();
    let mut added: Vec<(usize, Draft)> = Vec::new();
    for &heading in headings {
        let wanted = words_of(heading.slice(text));
        if wanted.len() < 2 && wanted.iter().all(|w| w.len() < MIN_SINGLE_WORD) {
            continue;
        }
        // The quotation repeats the subheading's words, or the subheading quotes the whole
        // of a short quotation with a word or two more ("‘Foreign-backed armed gangs’" over
        // a paragraph that quotes "armed gangs").
        let echoes = |i: &usize| {
            quoted[*i].as_ref().is_some_and(|spans| {
                spans.iter().any(|words| {
                    holds_run(words, &wanted) || words.len() >= 2 && holds_run(&wanted, words)
                })
            })
        };
        let at =
            drafts.partition_point(|d| d.spans.first().is_some_and(|s| s.start < heading.start));
        let Some(source) = (at..drafts.len().min(at + ECHO_REACH))
            .find(echoes)
            .or_else(|| (at.saturating_sub(ECHO_REACH)..at).rev().find(echoes))
        else {
            continue;
        };
        let source = &drafts[source];
        added.push((
            at,
            Draft {
                spans: vec![heading],
                kind: StatementKind::Partial,
                entity: source.entity.clone(),
                mention: source.mention,
                mention_text: source.mention_text.clone(),
                cue: None,
                cue_span: None,
                rule: Rule::QuoteEchoed,
                continues_previous: false,
                question: None,
            },
        ));
    }
    if added.is_empty() {
        return;
    }
    // One merge: each new statement goes before the first draft that starts after it.
    let old = std::mem::take(drafts);
    drafts.reserve(old.len() + added.len());
    let mut added = added.into_iter().peekable();
    for (i, d) in old.into_iter().enumerate() {
        while let Some((_, h)) = added.next_if(|(at, _)| *at <= i) {
            drafts.push(h);
        }
        drafts.push(d);
    }
    drafts.extend(added.map(|(_, h)| h));
}

/// A single-word subheading is echoed only when the word is at least this long: short words
/// ("no", "never") recur in any quotation.
const MIN_SINGLE_WORD: usize = 8;

/// The words of `s`, lowercase, letters and digits only, contractions written out ("You'll"
/// -> "you will", "don't" -> "do not"), so that a Title Case headline matches the quote.
fn words_of(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in s.split_whitespace() {
        let w: String = w
            .chars()
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let (stem, tail) = match w {
            "won't" => ("will", Some("not")),
            "can't" => ("can", Some("not")),
            _ => CONTRACTIONS
                .iter()
                .find_map(|(ending, full)| w.strip_suffix(ending).map(|stem| (stem, Some(*full))))
                .unwrap_or((w, None)),
        };
        for part in std::iter::once(stem).chain(tail) {
            let word: String = part.chars().filter(|c| c.is_alphanumeric()).collect();
            if !word.is_empty() {
                out.push(word);
            }
        }
    }
    out
}

/// Contracted endings and the words they stand for.
const CONTRACTIONS: [(&str, &str); 5] = [
    ("n't", "not"),
    ("'ll", "will"),
    ("'re", "are"),
    ("'ve", "have"),
    ("'m", "am"),
];

/// True when `run` occurs in `words` as consecutive words.
fn holds_run(words: &[String], run: &[String]) -> bool {
    !run.is_empty() && words.windows(run.len()).any(|w| w == run)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_words_match_whatever_the_case_and_punctuation() {
        let words = words_of("It was a fairly sensible, very sensible step.");
        assert!(holds_run(&words, &words_of("Fairly sensible")));
        assert!(holds_run(&words, &words_of("‘very sensible step’")));
        assert!(!holds_run(&words, &words_of("sensible fairly")));
        assert!(!holds_run(&words, &[]));
        assert_eq!(
            words_of("You'll see, we won’t"),
            ["you", "will", "see", "we", "will", "not"]
        );
    }
}
