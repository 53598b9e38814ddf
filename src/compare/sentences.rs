//! Sentence splitting that returns byte spans into the original text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` followed by white space (closing quotes and brackets
//! after the mark belong to the sentence), at `。！？` directly, and at a paragraph break. A
//! period does not end a sentence after an abbreviation from the lexicon ("Mr.", "Jan."), a
//! dotted acronym ("U.S."), an initial ("J. Smith"), "No." before a number, or before a
//! lowercase word. A single line break ends a sentence only in text that is not hard-wrapped.

use super::lexicon::lexicon;
use crate::text::Span;

/// Marks that close a quotation or parenthesis after a sentence's final mark.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2019}'
            | '\u{201D}'
            | '\u{00BB}'
            | ')'
            | ']'
            | '\u{300D}'
            | '\u{300F}'
            | '\u{FF09}'
            | '\u{3011}'
            | '*'
            | '_'
    )
}

/// Splits `text` into sentences, trimmed of surrounding white space, in order.
#[must_use]
pub fn split_sentences(text: &str) -> Vec<Span> {
    let line_breaks_end = !is_hard_wrapped(text);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut spans = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            '\n' => {
                if line_breaks_end || paragraph_break_follows(&chars, i) || hard_break(text, at) {
                    push_trimmed(text, start, at, &mut spans);
                    start = at + 1;
                }
                i += 1;
            }
            '。' | '！' | '？' | '!' | '?' | '.' | '…' => {
                let mut j = i;
                while j < chars.len() && is_terminator(chars[j].1) {
                    j += 1;
                }
                while j < chars.len() && is_closer(chars[j].1) {
                    j += 1;
                }
                let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
                if ends_sentence(text, &chars, i, j) {
                    push_trimmed(text, start, end, &mut spans);
                    start = end;
                }
                i = j.max(i + 1);
            }
            _ => i += 1,
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '.' | '…')
}

/// Whether the terminator run `chars[i..]` (with closers up to `j`) ends a sentence.
fn ends_sentence(text: &str, chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let mark = chars[i].1;
    if matches!(mark, '。' | '！' | '？') {
        return true;
    }
    // Western marks need white space (or the end) after them.
    let Some(&(_, after)) = chars.get(j) else {
        return true;
    };
    if !after.is_whitespace() {
        return false;
    }
    let next = chars[j..]
        .iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace());
    if next.is_some_and(char::is_lowercase) {
        return false;
    }
    let run_is_single_period = mark == '.' && chars.get(i + 1).is_none_or(|&(_, c)| c != '.');
    if !run_is_single_period {
        return true;
    }
    let word = word_before(text, chars[i].0);
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    let lexicon = lexicon();
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let single_capital = letters.next().is_some_and(char::is_uppercase)
        && letters.next().is_none()
        && word.chars().count() == 1;
    let dotted = word.contains('.') && word.chars().any(char::is_alphabetic);
    if single_capital || dotted || lexicon.abbreviations.contains(&lower) {
        return false;
    }
    if lexicon.number_abbreviations.contains(&lower) && next.is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    !is_list_number(text, chars[i].0, word)
}

/// True when `word` (just before the period at `at`) is a number that opens its line, like
/// "3." in a numbered list or "## 5. Title".
fn is_list_number(text: &str, at: usize, word: &str) -> bool {
    if !word.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let before = &text[line_start..at - word.len()];
    before
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '#' | '*' | '-' | '>'))
}

/// The word (letters, digits and inner periods) just before byte `at`.
fn word_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .last()
        .map_or(at, |(b, _)| b);
    head[start..].trim_start_matches('.')
}

/// True when the newline at `chars[i]` is followed by a line holding only white space.
fn paragraph_break_follows(chars: &[(usize, char)], i: usize) -> bool {
    chars[i + 1..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|&c| c.is_whitespace())
        .any(|c| c == '\n')
}

/// True when the line ending at byte `at` ends with a Markdown hard break (two spaces or `\`).
fn hard_break(text: &str, at: usize) -> bool {
    let line = text[..at].trim_end_matches('\r');
    line.ends_with("  ") || line.ends_with('\\')
}

/// True when most lines that run on into the next line end without a sentence mark, which is
/// how hard-wrapped text (fixed line width) looks.
fn is_hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().collect();
    let mut joined = 0usize;
    let mut open = 0usize;
    for pair in lines.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        if line.trim().is_empty() || next.trim().is_empty() || line.ends_with("  ") {
            continue;
        }
        joined += 1;
        let last = line.trim_end().chars().last().unwrap_or('.');
        if !(is_terminator(last) || is_closer(last) || last == ':') {
            open += 1;
        }
    }
    joined >= 3 && open * 2 > joined
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let piece = &text[start..end];
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let s = start + trimmed_start;
        spans.push(Span::new(s, s + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Li met Dr. Ito in the U.S. on Jan. 4. J. Smith came too. It rained."),
            [
                "Mr. Li met Dr. Ito in the U.S. on Jan. 4.",
                "J. Smith came too.",
                "It rained."
            ]
        );
        assert_eq!(
            split("See No. 5 here. The answer was No. Then we left."),
            ["See No. 5 here.", "The answer was No.", "Then we left."]
        );
    }

    #[test]
    fn closing_quotes_belong_to_the_sentence() {
        assert_eq!(
            split("He said, “We object.” Then he left! Why? Because."),
            ["He said, “We object.”", "Then he left!", "Why?", "Because."]
        );
    }

    #[test]
    fn cjk_marks_end_sentences_without_spaces() {
        assert_eq!(
            split("我们反对。你们呢？好！"),
            ["我们反对。", "你们呢？", "好！"]
        );
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            split("Title line\nFirst sentence.\n\nNext one"),
            ["Title line", "First sentence.", "Next one"]
        );
        let wrapped = "We met the\nminister today and\nwe talked about\ntrade.\n\nNew paragraph";
        assert_eq!(
            split(wrapped),
            [
                "We met the\nminister today and\nwe talked about\ntrade.",
                "New paragraph"
            ]
        );
    }

    #[test]
    fn numbered_list_markers_do_not_end_sentences() {
        assert_eq!(
            split("## 5. Talks resume\n\n2. Second point. It ended in 2019. Then"),
            [
                "## 5. Talks resume",
                "2. Second point.",
                "It ended in 2019.",
                "Then"
            ]
        );
    }

    #[test]
    fn decimals_and_lowercase_continuations() {
        assert_eq!(
            split("It grew 3.5 per cent. and more. Fine."),
            ["It grew 3.5 per cent. and more.", "Fine."]
        );
    }
}
