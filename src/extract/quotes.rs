//! Quote marks -> quote spans: a hand-written scanner over each paragraph that pairs opening
//! and closing marks of every common style, tells apostrophes from single quotes, recovers a
//! quote whose closing mark is missing at the paragraph end, and links quotes that run on
//! over several paragraphs.

use crate::text::Span;

/// One top-level quotation found in the text (nested quotes stay inside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words without the marks, trimmed of white space.
    pub content: Span,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark (the content end when unclosed).
    pub after: usize,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// Index of the paragraph holding the quote.
    pub paragraph: usize,
    /// True when the quote carries on a quote left open at the end of the previous paragraph.
    pub continues_previous: bool,
    /// True for single marks (‘…’, '…').
    pub single: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// “…” or „…“ or ‟…”.
    Curly,
    /// "…".
    Straight,
    /// ''…'' (two apostrophes).
    DoubleApostrophe,
    /// «…».
    Guillemet,
    /// 「…」.
    Corner,
    /// 『…』.
    WhiteCorner,
    /// „…“ (low-high).
    Low,
    /// ‘…’.
    SingleCurly,
    /// '…'.
    SingleStraight,
    /// ‹…›.
    SingleGuillemet,
}

impl Style {
    const fn single(self) -> bool {
        matches!(
            self,
            Self::SingleCurly | Self::SingleStraight | Self::SingleGuillemet
        )
    }
}

#[derive(Debug, Clone, Copy)]
struct Open {
    style: Style,
    mark: usize,
    content_start: usize,
}

/// Finds every top-level quote in the paragraphs of `text`, in text order.
#[must_use]
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open_at_end = false;
    for (index, para) in paragraphs.iter().enumerate() {
        let starts_with_mark = para.slice(text).chars().next().is_some_and(is_opening_mark);
        let continues = open_at_end && starts_with_mark;
        open_at_end = scan_paragraph(text, *para, index, continues, &mut out);
    }
    out
}

/// True for characters that can open a quotation.
#[must_use]
pub fn is_opening_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '"' | '„' | '«' | '「' | '『' | '‘' | '\'' | '‟' | '‹'
    )
}

/// True for any quotation mark character.
#[must_use]
pub fn is_quote_mark(c: char) -> bool {
    is_opening_mark(c) || matches!(c, '”' | '»' | '」' | '』' | '’' | '›')
}

/// Scans one paragraph; returns true when a double quote was left open at its end.
fn scan_paragraph(
    text: &str,
    para: Span,
    index: usize,
    mut continues: bool,
    out: &mut Vec<Quote>,
) -> bool {
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut i = para.start;
    let end = para.end;
    // Looked up once per paragraph, not once per mark: the last curly closing mark, and
    // (when first needed) the last single closer that can end a quote.
    let last_curly_close = para.slice(text).rfind('”').map(|p| para.start + p);
    let mut closers = Closers::default();
    while i < end {
        let b = bytes[i];
        // Fast skip of plain ASCII that cannot be a mark.
        if b < 0x80 && b != b'"' && b != b'\'' {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        let prev = text[para.start..i].chars().next_back();
        match c {
            '\'' if bytes.get(i + 1) == Some(&b'\'') => {
                // Two apostrophes: a double quote mark; "'''" closes a single then the double.
                if bytes.get(i + 2) == Some(&b'\'')
                    && top_is(&stack, Style::SingleStraight)
                    && has_open(&stack, Style::DoubleApostrophe)
                {
                    close(
                        &mut stack,
                        Style::SingleStraight,
                        i,
                        i + 1,
                        text,
                        index,
                        out,
                    );
                    i += 1;
                    continue;
                }
                if has_open(&stack, Style::DoubleApostrophe) {
                    let c_end = i;
                    close(
                        &mut stack,
                        Style::DoubleApostrophe,
                        c_end,
                        i + 2,
                        text,
                        index,
                        out,
                    );
                } else {
                    stack.push(Open {
                        style: Style::DoubleApostrophe,
                        mark: i,
                        content_start: i + 2,
                    });
                }
                i += 2;
                continue;
            }
            '"' => {
                if has_open(&stack, Style::Straight) {
                    close(&mut stack, Style::Straight, i, i + 1, text, index, out);
                } else if top_is(&stack, Style::Curly)
                    && looks_closing(text, para, i, width)
                    && last_curly_close.is_none_or(|p| p < i)
                {
                    // `“Immunity deals ... the FBI," he said`: a curly quote closed by a
                    // straight mark, with no curly close to come.
                    close(&mut stack, Style::Curly, i, i + 1, text, index, out);
                } else {
                    stack.push(Open {
                        style: Style::Straight,
                        mark: i,
                        content_start: i + 1,
                    });
                }
            }
            '“' => {
                if has_open(&stack, Style::Low) {
                    close(&mut stack, Style::Low, i, i + width, text, index, out);
                } else if has_open(&stack, Style::Curly) && looks_closing(text, para, i, width) {
                    close(&mut stack, Style::Curly, i, i + width, text, index, out);
                } else {
                    if top_is(&stack, Style::Curly) {
                        // A new opening mark while one is open: the first was never closed.
                        let cut = text[..i].trim_end().len();
                        close(&mut stack, Style::Curly, cut, cut, text, index, out);
                    }
                    stack.push(Open {
                        style: Style::Curly,
                        mark: i,
                        content_start: i + width,
                    });
                }
            }
            '‟' => stack.push(Open {
                style: Style::Curly,
                mark: i,
                content_start: i + width,
            }),
            '„' => stack.push(Open {
                style: Style::Low,
                mark: i,
                content_start: i + width,
            }),
            // A closing mark used as an opener: at the paragraph start or after a space, before
            // a word, with nothing open.
            '”' if stack.is_empty()
                && prev.is_none_or(char::is_whitespace)
                && text[i + width..para.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                && last_curly_close.is_some_and(|p| p >= i + width) =>
            {
                stack.push(Open {
                    style: Style::Curly,
                    mark: i,
                    content_start: i + width,
                });
            }
            '”' => {
                if has_open(&stack, Style::Curly) {
                    close(&mut stack, Style::Curly, i, i + width, text, index, out);
                } else if has_open(&stack, Style::Straight) {
                    close(&mut stack, Style::Straight, i, i + width, text, index, out);
                } else if has_open(&stack, Style::Low) {
                    close(&mut stack, Style::Low, i, i + width, text, index, out);
                }
            }
            '«' => stack.push(Open {
                style: Style::Guillemet,
                mark: i,
                content_start: i + width,
            }),
            '»' => close(&mut stack, Style::Guillemet, i, i + width, text, index, out),
            '「' => stack.push(Open {
                style: Style::Corner,
                mark: i,
                content_start: i + width,
            }),
            '」' => close(&mut stack, Style::Corner, i, i + width, text, index, out),
            '『' => stack.push(Open {
                style: Style::WhiteCorner,
                mark: i,
                content_start: i + width,
            }),
            '』' => close(
                &mut stack,
                Style::WhiteCorner,
                i,
                i + width,
                text,
                index,
                out,
            ),
            '‹' => stack.push(Open {
                style: Style::SingleGuillemet,
                mark: i,
                content_start: i + width,
            }),
            '›' => close(
                &mut stack,
                Style::SingleGuillemet,
                i,
                i + width,
                text,
                index,
                out,
            ),
            '‘' if opens_single(text, para, i, width, prev, &mut closers.curly, '’') => {
                stack.push(Open {
                    style: Style::SingleCurly,
                    mark: i,
                    content_start: i + width,
                });
            }
            '’' if has_open(&stack, Style::SingleCurly)
                && closes_single(text, para, i, width, prev) =>
            {
                close(
                    &mut stack,
                    Style::SingleCurly,
                    i,
                    i + width,
                    text,
                    index,
                    out,
                );
            }
            '\'' => {
                if has_open(&stack, Style::SingleStraight)
                    && closes_single(text, para, i, width, prev)
                {
                    close(
                        &mut stack,
                        Style::SingleStraight,
                        i,
                        i + 1,
                        text,
                        index,
                        out,
                    );
                } else if opens_single(text, para, i, width, prev, &mut closers.straight, '\'') {
                    stack.push(Open {
                        style: Style::SingleStraight,
                        mark: i,
                        content_start: i + 1,
                    });
                }
            }
            _ => {}
        }
        i += width;
        if let Some(last) = out.last_mut()
            && continues
            && last.paragraph == index
            && !last.continues_previous
        {
            last.continues_previous = true;
            continues = false;
        }
    }
    // Recover a quote left open at the paragraph end: the bottom-most double mark.
    let Some(bottom) = stack.first().copied() else {
        return false;
    };
    if bottom.style.single() {
        return false;
    }
    let content = trimmed(text, bottom.content_start, end);
    if !content.is_empty() {
        out.push(Quote {
            content,
            open: bottom.mark,
            after: end,
            closed: false,
            paragraph: index,
            continues_previous: continues,
            single: false,
        });
    }
    true
}

fn has_open(stack: &[Open], style: Style) -> bool {
    stack.iter().any(|o| o.style == style)
}

fn top_is(stack: &[Open], style: Style) -> bool {
    stack.last().is_some_and(|o| o.style == style)
}

/// Closes the innermost open mark of `style` (dropping any marks opened inside it); emits a
/// quote when it was the outermost.
fn close(
    stack: &mut Vec<Open>,
    style: Style,
    content_end: usize,
    after: usize,
    text: &str,
    paragraph: usize,
    out: &mut Vec<Quote>,
) {
    let Some(pos) = stack.iter().rposition(|o| o.style == style) else {
        return;
    };
    let open = stack[pos];
    stack.truncate(pos);
    if !stack.is_empty() {
        return;
    }
    let content = trimmed(
        text,
        open.content_start,
        content_end.max(open.content_start),
    );
    if content.is_empty() {
        return;
    }
    out.push(Quote {
        content,
        open: open.mark,
        after,
        closed: true,
        paragraph,
        continues_previous: false,
        single: style.single(),
    });
}

fn trimmed(text: &str, start: usize, end: usize) -> Span {
    let slice = text.get(start..end).unwrap_or("");
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail >= slice.len() {
        return Span::new(start, start);
    }
    Span::new(start + lead, end - trail)
}

/// A curly opening mark used as a closer: glued to the previous word and followed by a space,
/// punctuation or the paragraph end.
fn looks_closing(text: &str, para: Span, i: usize, width: usize) -> bool {
    let prev = text[para.start..i].chars().next_back();
    let next = text[i + width..para.end].chars().next();
    prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation())
}

/// Per paragraph, the offset of the last single mark of each kind that can close a quote
/// (glued to the word before, no letter after), found on first use.
#[derive(Debug, Default)]
struct Closers {
    curly: Option<Option<usize>>,
    straight: Option<Option<usize>>,
}

/// The offset of the last `closer` in `para` that is glued to the character before it and
/// not followed by a letter or digit.
fn last_closer(text: &str, para: Span, closer: char) -> Option<usize> {
    let slice = para.slice(text);
    let mut after: Option<char> = None;
    let mut chars = slice.char_indices().rev().peekable();
    while let Some((j, c)) = chars.next() {
        let before = chars.peek().map(|&(_, b)| b);
        if c == closer
            && before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| !a.is_alphanumeric())
        {
            return Some(para.start + j);
        }
        after = Some(c);
    }
    None
}

/// Whether a single mark at `i` opens a quote rather than being an apostrophe: it starts a
/// word, is not an elision ('90s, 'em) and a matching closer follows in the paragraph.
fn opens_single(
    text: &str,
    para: Span,
    i: usize,
    width: usize,
    prev: Option<char>,
    last: &mut Option<Option<usize>>,
    closer: char,
) -> bool {
    if prev.is_some_and(|p| p.is_alphanumeric()) {
        return false;
    }
    let rest = &text[i + width..para.end];
    let Some(next) = rest.chars().next() else {
        return false;
    };
    if next.is_whitespace() {
        return false;
    }
    let lower_rest: String = rest.chars().take(6).collect::<String>().to_lowercase();
    let elision = ["em ", "til ", "cause ", "n ", "n'", "tis ", "twas "];
    if elision.iter().any(|e| lower_rest.starts_with(e)) {
        return false;
    }
    if next.is_ascii_digit() {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let after = rest.chars().nth(digits);
        if digits == 2 && after.is_none_or(|a| a == 's' || !a.is_alphanumeric()) {
            return false;
        }
    }
    // A closer must follow (after the next character): the mark glued to a word and not
    // followed by a letter. The paragraph's last such closer tells, without a rescan.
    let last = *last.get_or_insert_with(|| last_closer(text, para, closer));
    last.is_some_and(|j| j >= i + width + next.len_utf8())
}

/// Whether a single mark closes an open single quote: glued to the previous word and not
/// followed by a letter (so "don't" and "Xi's" stay apostrophes).
fn closes_single(text: &str, para: Span, i: usize, width: usize, prev: Option<char>) -> bool {
    if prev.is_none_or(char::is_whitespace) {
        return false;
    }
    let next = text[i + width..para.end].chars().next();
    next.is_none_or(|n| !n.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::split_paragraphs;

    fn quotes(text: &str) -> Vec<String> {
        find_quotes(text, &split_paragraphs(text))
            .iter()
            .map(|q| q.content.slice(text).to_owned())
            .collect()
    }

    #[test]
    fn pairs_every_style() {
        let text = "He said “one.” She said \"two\" and «trois» and „vier“ and 「五」 and 『六』.";
        assert_eq!(quotes(text), ["one.", "two", "trois", "vier", "五", "六"]);
    }

    #[test]
    fn apostrophes_do_not_open_quotes() {
        let text = "Xi's team didn't like the '90s, he said ‘fine’ and 'okay'.";
        assert_eq!(quotes(text), ["fine", "okay"]);
    }

    #[test]
    fn double_apostrophes_and_nested_quotes() {
        let text = "He said ''we ''won'' nothing.'' Then ''they called it 'a trap.'''";
        assert_eq!(quotes(text).len(), 3);
        let text = "He said ''it was 'a trap.''' and left.";
        assert_eq!(quotes(text), ["it was 'a trap.'"]);
    }

    #[test]
    fn nested_single_inside_double() {
        let text = "“We call it ‘the AI for all,’ he said,” Lee said.";
        assert_eq!(quotes(text), ["We call it ‘the AI for all,’ he said,"]);
    }

    #[test]
    fn unclosed_quote_recovers_at_paragraph_end() {
        let text = "“One,” he said. “Two never closes.\n\nNext paragraph “three.”";
        assert_eq!(quotes(text), ["One,", "Two never closes.", "three."]);
    }

    #[test]
    fn multi_paragraph_quote_links_segments() {
        let text = "He said: “First part.\n\n“Second part,” he added.";
        let found = find_quotes(text, &split_paragraphs(text));
        assert_eq!(found.len(), 2);
        assert!(!found[0].closed);
        assert!(found[1].continues_previous);
    }
}
