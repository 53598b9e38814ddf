//! Articles joined without a database's markers: separator lines, digest headings with
//! labelled lines, the same article saved several times, and articles that each open with a
//! headline and then a dateline, byline or date. Every rule here needs a sign that only the
//! start of an article gives, so one article is not cut at a subheading or a short paragraph.

use std::collections::BTreeSet;
use std::ops::Range;

use super::{Lines, Piece, trim_range};
use crate::article::date::{find_date, is_date_line};
use crate::article::markdown::front_matter;
use crate::article::metadata::{
    Metadata, dateline_head, headline_text, is_byline, is_header_label_line, is_label_line,
    opens_with_dateline,
};
use crate::article::split_paragraphs;

/// A separator line: one character repeated at least this many times.
const MIN_SEPARATOR_CHARS: usize = 10;
/// Characters separator lines are drawn with.
const SEPARATOR_CHARS: &[char] = &['-', '=', '_', '*', '~', '#', '+', '─', '━', '═'];
/// A block shorter than this is a note, a footer or a cover, not an article of its own.
const MIN_ARTICLE_CHARS: usize = 200;
/// Paragraphs after a headline searched for the dateline, byline or date that confirms it.
const SIGNAL_WINDOW: usize = 3;

fn piece(range: Range<usize>) -> Piece {
    Piece {
        range,
        meta: Metadata::default(),
        byline: None,
    }
}

/// True when line `i` is a separator: one character drawn out, standing on its own (after a
/// blank line or a finished sentence, so a Markdown heading's underline is not one).
fn is_separator(lines: &Lines<'_>, i: usize) -> bool {
    let line = lines.trimmed(i);
    let mut chars = line.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let drawn = SEPARATOR_CHARS.contains(&first)
        && line.chars().count() >= MIN_SEPARATOR_CHARS
        && line.chars().all(|c| c == first);
    if !drawn {
        return false;
    }
    i == 0 || lines.is_blank(i - 1) || ends_sentence(lines.trimmed(i - 1))
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '\'', '”', '’', ')', ']', '…', '。'])
}

/// True when `block` can be an article on its own: long enough, more than one paragraph, and
/// opening like an article (a headline, a dateline, a date or byline near the top) or long
/// enough to be one whatever its opening.
fn stands_alone(block: &str) -> bool {
    if block.chars().count() < MIN_ARTICLE_CHARS {
        return false;
    }
    let paragraphs = split_paragraphs(block);
    if paragraphs.len() < 2 {
        return false;
    }
    let opening = paragraphs[0].slice(block);
    headline_text(opening).is_some()
        || paragraphs
            .iter()
            .take(SIGNAL_WINDOW)
            .any(|p| start_signal(p.slice(block)))
        || paragraphs.len() >= 4
}

/// Joins blocks that cannot stand alone to the block before them (leading ones to the next).
fn merge_small(text: &str, blocks: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(blocks.len());
    let mut leading: Option<Range<usize>> = None;
    for block in blocks {
        if stands_alone(&text[block.clone()]) {
            let start = leading.take().map_or(block.start, |l| l.start);
            out.push(start..block.end);
        } else if let Some(last) = out.last_mut() {
            last.end = block.end;
        } else {
            let start = leading.map_or(block.start, |l| l.start);
            leading = Some(start..block.end);
        }
    }
    out.extend(leading);
    out
}

/// Articles between separator lines ("----------", "==========").
pub(super) fn separators(text: &str, lines: &Lines<'_>) -> Option<Vec<Piece>> {
    let seps: Vec<usize> = (0..lines.len())
        .filter(|i| is_separator(lines, *i))
        .collect();
    if seps.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    let mut from = 0;
    for sep in seps.iter().copied().chain(std::iter::once(lines.len())) {
        blocks.extend(lines.range(from, sep));
        from = sep + 1;
    }
    let blocks = merge_small(text, blocks);
    (blocks.len() >= 2).then(|| {
        blocks
            .into_iter()
            .map(|r| piece(trim_range(text, r)))
            .collect()
    })
}

/// Articles joined one after another, each found by its own opening: a heading with
/// labelled lines under it, YAML front matter, the file's opening paragraph repeated (the
/// same article saved again), or a headline after prose confirmed by a dateline, byline or
/// date. Every article found runs from its opening to the next one's.
pub(super) fn joined(text: &str, lines: &Lines<'_>) -> Option<Vec<Piece>> {
    let mut starts: BTreeSet<usize> = BTreeSet::new();
    starts.extend(labelled_heading_starts(lines));
    starts.extend(front_matter_starts(text, lines));
    starts.extend(repeated_opening_starts(text, lines));
    starts.extend(headline_starts(text));
    starts.remove(&0);
    if starts.is_empty() {
        return None;
    }
    let bounds: Vec<usize> = std::iter::once(0)
        .chain(starts)
        .chain(std::iter::once(text.len()))
        .collect();
    let pieces: Vec<Piece> = bounds
        .windows(2)
        .map(|w| trim_range(text, w[0]..w[1]))
        .filter(|r| !r.is_empty())
        .map(piece)
        .collect();
    (pieces.len() >= 2).then_some(pieces)
}

/// Offsets of lines that open an article with a heading (or headline) after a blank line,
/// directly followed by at least two header labels ("## 3. Headline", "**Source:** ...",
/// "**Published:** ...").
fn labelled_heading_starts(lines: &Lines<'_>) -> Vec<usize> {
    (0..lines.len())
        .filter(|i| {
            let line = lines.trimmed(*i);
            let after_blank = *i == 0 || lines.is_blank(i - 1);
            after_blank
                && !line.is_empty()
                && lines
                    .non_blank(i + 1, (i + 4).min(lines.len()))
                    .take(2)
                    .filter(|k| is_header_label_line(lines.trimmed(*k)))
                    .count()
                    == 2
                && !is_header_label_line(line)
                && (line.starts_with('#') || headline_text(line).is_some())
        })
        .map(|i| lines.start(i))
        .collect()
}

/// Offsets of YAML front-matter blocks ("---", "date: ...", "title: ...", "---") that open
/// an article after another one.
fn front_matter_starts(text: &str, lines: &Lines<'_>) -> Vec<usize> {
    (1..lines.len())
        .filter(|i| lines.get(*i).trim_end() == "---")
        .map(|i| lines.start(i))
        .filter(|start| {
            front_matter(&text[*start..]).is_some_and(|fm| {
                fm.fields.len() >= 2
                    && fm
                        .first(&["title", "date", "published", "source_url", "url", "source"])
                        .is_some()
            })
        })
        .collect()
}

/// Offsets where the file's first two lines recur together (the same article saved several
/// times, perhaps with no blank line between the copies), when each copy holds some text.
fn repeated_opening_starts(text: &str, lines: &Lines<'_>) -> Vec<usize> {
    let mut opening = lines.non_blank(0, lines.len());
    let (Some(first), Some(second)) = (opening.next(), opening.next()) else {
        return Vec::new();
    };
    let (first, second) = (lines.trimmed(first), lines.trimmed(second));
    if first.chars().count() + second.chars().count() < 30 {
        return Vec::new();
    }
    let at: Vec<usize> = (0..lines.len())
        .filter(|i| {
            lines.trimmed(*i) == first
                && lines
                    .non_blank(i + 1, lines.len())
                    .next()
                    .map(|k| lines.trimmed(k))
                    == Some(second)
        })
        .map(|i| lines.start(i))
        .collect();
    let bounds: Vec<usize> = at
        .iter()
        .copied()
        .chain(std::iter::once(text.len()))
        .collect();
    let substantial = bounds.windows(2).all(|w| {
        let copy = &text[w[0]..w[1]];
        copy.chars().count() >= MIN_ARTICLE_CHARS && split_paragraphs(copy).len() >= 3
    });
    if at.len() < 2 || !substantial {
        return Vec::new();
    }
    at
}

/// Offsets of headlines confirmed by the paragraph right after them (or after a subtitle): a
/// dateline, a byline, a publication line or an abstract label, as only the top of an article
/// has; and Title Case headlines that carry a date ("Regular Press Conference on March 4,
/// 2031") with prose right under them. The paragraph before the headline must end a sentence, and each
/// article so found must hold some prose of its own, or the boundary is not taken.
fn headline_starts(text: &str) -> Vec<usize> {
    let paragraphs = split_paragraphs(text);
    let texts: Vec<&str> = paragraphs.iter().map(|p| p.slice(text)).collect();
    // prose_before[k]: paragraphs of prose among the first k (so any range is counted at once).
    let mut prose_before = Vec::with_capacity(texts.len() + 1);
    prose_before.push(0_usize);
    for t in &texts {
        let last = prose_before.last().copied().unwrap_or(0);
        prose_before.push(last + usize::from(is_prose(t)));
    }
    let prose_in = |from: usize, to: usize| prose_before[to] - prose_before[from];
    let mut starts: Vec<usize> = vec![0];
    for at in 1..texts.len() {
        let last = starts.last().copied().unwrap_or(0);
        let (head, min_prose) = if start_signal(texts[at]) {
            match headline_before(&texts, at) {
                Some(head) => (Some(head), MIN_PROSE_PARAGRAPHS),
                // A story that opens on its dateline with no headline above it (a digest of
                // wire copy): the dateline paragraph starts it, once a whole article is
                // behind it.
                None if place_dateline(texts[at]) => (Some(at), MIN_PROSE_BEFORE_UNCONFIRMED),
                None => (None, 0),
            }
        } else if dated_title(texts[at]) && prose_in(at + 1, (at + 4).min(texts.len())) >= 2 {
            (Some(at), MIN_PROSE_PARAGRAPHS)
        } else if texts
            .get(at + 1)
            .is_some_and(|lede| headline_over_lede(texts[at], lede))
        {
            // No dateline or byline to confirm it: the article before must be a whole one.
            (Some(at), MIN_PROSE_BEFORE_UNCONFIRMED)
        } else {
            (None, 0)
        };
        let Some(head) = head else {
            continue;
        };
        if head > last && ends_sentence(texts[head - 1]) && prose_in(last, head) >= min_prose {
            starts.push(head);
        }
    }
    // The last article needs prose too; if it has none, its start is not one.
    if let Some(last) = starts.last().copied()
        && last > 0
        && prose_in(last, texts.len()) < MIN_PROSE_PARAGRAPHS
    {
        starts.pop();
    }
    starts
        .into_iter()
        .skip(1)
        .map(|k| paragraphs[k].start)
        .collect()
}

/// A Title Case headline of a news article over its lede, with no dateline or byline between
/// them: a one-line headline of several words ("Sample Minister Rejects Port Deal Offer"),
/// then a paragraph of prose that opens on its own (not "He ...", "But ...") and names a
/// person, place or body the headline names. A subheading inside an article is shorter or
/// names nothing its paragraph takes up again.
fn headline_over_lede(head: &str, lede: &str) -> bool {
    let words = head
        .split_whitespace()
        .take(MAX_UNCONFIRMED_HEADLINE_WORDS + 1)
        .count();
    if !(MIN_UNCONFIRMED_HEADLINE_WORDS..=MAX_UNCONFIRMED_HEADLINE_WORDS).contains(&words)
        || !is_headline(head)
        || !is_lede(lede)
    {
        return false;
    }
    // A sentence-case line is a headline only when it reads like one (present tense, no
    // narrating past, one sentence) and its lede takes up two of its names.
    let needed_names = if title_case(head) {
        1
    } else if headline_wording(head) {
        2
    } else {
        return false;
    };
    if opens_continuing(lede) {
        return false;
    }
    // Names: capitalised words of four letters or more past the first word of the lede
    // (where every sentence starts with a capital).
    let names = |s: &str, skip_first: bool| -> BTreeSet<String> {
        s.split_whitespace()
            .skip(usize::from(skip_first))
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .trim_end_matches("’s")
                    .trim_end_matches("'s")
                    .to_owned()
            })
            .filter(|w| {
                w.chars().count() >= 4
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).any(char::is_lowercase)
            })
            .collect()
    };
    let lede_names = names(lede, true);
    names(head, false)
        .iter()
        .filter(|n| lede_names.contains(*n))
        .count()
        >= needed_names
}

/// Headline wording in sentence case ("Minister says talks will resume in May"): one
/// sentence, no narrating past tense or first person as running text has ("He said ...",
/// "It was ...", "We ...").
fn headline_wording(head: &str) -> bool {
    let body = head.trim_end().trim_end_matches('.');
    if body.contains(". ") || body.contains('?') || body.contains('!') {
        return false;
    }
    if opens_continuing(body) {
        return false;
    }
    // "Simpson suggested ...", "The call came after ...": a verb in the past narrates;
    // headlines speak in the present.
    let irregular = &crate::extract::lexicon::Lexicon::get().irregular_past;
    let past_verb = body.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.starts_with(|c: char| c.is_lowercase())
            && (w.len() > 4 && w.ends_with("ed") || irregular.contains(w))
    });
    if past_verb {
        return false;
    }
    !body.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        NARRATING_WORDS.contains(&w.as_str())
    })
}

/// Words of running narration that headlines do without.
const NARRATING_WORDS: &[&str] = &[
    "said", "told", "was", "were", "had", "did", "would", "been", "i", "we", "my", "our", "he",
    "she", "they", "it",
];

/// True when the text's first word carries on from what came before ("He ...", "But ...",
/// "This ..."), as no headline or lede does.
fn opens_continuing(text: &str) -> bool {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    CONTINUING_OPENERS.contains(&first.as_str())
}

/// Words that open a paragraph carrying on the one before, never an article's lede.
const CONTINUING_OPENERS: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "his",
    "her",
    "its",
    "their",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "also",
    "still",
    "meanwhile",
    "however",
    "instead",
];

/// A Title Case headline that carries a full date ("Sample Spokesperson's Regular Press
/// Conference on March 4, 2031").
fn dated_title(paragraph: &str) -> bool {
    is_headline(paragraph) && title_case(paragraph) && find_date(paragraph).is_some()
}

/// The headline of the article whose dateline, byline or date is paragraph `signal`: the
/// paragraph before it, or the one before that when that one is written in Title Case and the
/// nearer one is not (a headline and its subtitle).
fn headline_before(texts: &[&str], signal: usize) -> Option<usize> {
    let near = signal
        .checked_sub(1)
        .filter(|h| *h > 0 && is_headline(texts[*h]))?;
    let far = near
        .checked_sub(1)
        .filter(|h| *h > 0 && is_headline(texts[*h]) && title_case(texts[*h]));
    match far {
        Some(far) if !title_case(texts[near]) => Some(far),
        _ => Some(near),
    }
}

/// Most words of four letters or more begin with a capital ("Sample Talks End In Deadlock").
fn title_case(s: &str) -> bool {
    let long: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    long.len() >= 2 && capitalised * 4 >= long.len() * 3
}

/// Words a paragraph of running prose has at least.
const MIN_PROSE_WORDS: usize = 15;
/// Paragraphs of prose an article found by its headline must hold.
const MIN_PROSE_PARAGRAPHS: usize = 2;
/// Words a headline that opens a joined article has at least ("Sample Talks End" is too
/// little to tell from a subheading).
const MIN_HEADLINE_WORDS: usize = 4;
/// Words of a headline that no dateline or byline confirms: at least this many (subheadings
/// are shorter) ...
const MIN_UNCONFIRMED_HEADLINE_WORDS: usize = 6;
/// ... and at most this many (a longer line is a sentence of the text).
const MAX_UNCONFIRMED_HEADLINE_WORDS: usize = 20;
/// Paragraphs of prose the article before an unconfirmed headline must hold: a whole article,
/// not the first section of one.
const MIN_PROSE_BEFORE_UNCONFIRMED: usize = 4;

/// A paragraph of running text that ends a sentence (not a headline, label or short line).
fn is_prose(paragraph: &str) -> bool {
    long_sentence_paragraph(paragraph) && headline_text(paragraph).is_none()
}

/// A paragraph of at least [`MIN_PROSE_WORDS`] words that ends a sentence.
fn long_sentence_paragraph(paragraph: &str) -> bool {
    ends_sentence(paragraph)
        && paragraph.split_whitespace().take(MIN_PROSE_WORDS).count() >= MIN_PROSE_WORDS
}

/// A lede: a paragraph of running text that ends a sentence, as [`is_prose`], except that a
/// short one counts unless it is written in Title Case (a lede of 15 to 20 words reads like a
/// headline by its length alone).
fn is_lede(paragraph: &str) -> bool {
    long_sentence_paragraph(paragraph)
        && !(title_case(paragraph) && headline_text(paragraph).is_some())
}

/// A headline that can open a joined article: one line of a few words, not a label, not a
/// byline, not a clause cut short.
fn is_headline(head: &str) -> bool {
    !head.contains('\n')
        && head.split_whitespace().take(MIN_HEADLINE_WORDS).count() >= MIN_HEADLINE_WORDS
        && !head.trim_end().ends_with([',', ';', ':'])
        && headline_text(head).is_some()
        && !is_label_line(head)
        && !is_byline(head)
}

/// A sign that an article starts just above: a dateline ("SAMPLETOWN (Wire) —"), a byline
/// ("By Ann Example"), a publication line ("Published March 4, 2031") or an abstract label,
/// which only an article's top has. A bare date is not one: a timeline puts one under each
/// of its headings.
fn start_signal(paragraph: &str) -> bool {
    let first_line = paragraph.lines().next().unwrap_or("").trim();
    (paragraph.lines().count() <= 2 && publication_line(first_line))
        || is_byline(first_line)
        || opens_with_dateline(paragraph)
        || is_abstract_label(paragraph)
}

/// True when `line` starts with the lowercase ASCII `prefix` in any case.
fn starts_with_ignoring_ascii_case(line: &str, prefix: &str) -> bool {
    line.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A dateline that names a place, as a story with no headline opens ("SAMPLETOWN —",
/// "SAMPLETOWN, Ilvania (Wire) —"): one word, or a place with its region or wire credit. A
/// run-in section heading in capitals ("NEW SAMPLE RULES —") is none.
fn place_dateline(paragraph: &str) -> bool {
    dateline_head(paragraph).is_some_and(|head| {
        head.ends_with(')') || head.contains(',') || head.split_whitespace().count() == 1
    })
}

/// "ABSTRACT." or "Abstract:" alone: a news database's summary label under a headline.
fn is_abstract_label(paragraph: &str) -> bool {
    paragraph
        .trim()
        .trim_end_matches(['.', ':'])
        .eq_ignore_ascii_case("abstract")
}

/// "Published March 4, 2031", "Updated: Nov. 20, 2031 10:30 a.m.", "Posted on 2031-01-02".
fn publication_line(line: &str) -> bool {
    [
        "published",
        "updated",
        "posted",
        "last updated",
        "first published",
    ]
    .iter()
    .any(|w| starts_with_ignoring_ascii_case(line, w))
        && is_date_line(line)
}
