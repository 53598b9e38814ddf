//! Stage `para`: one paragraph prepared for the later stages: its word tokens, which of them
//! lie inside quotes, and sentence bounds over the tokens.

use crate::text::Span;

use super::lex::Token;
use super::quotes::Quote;

/// One paragraph prepared for attribution: its tokens and which lie inside quotes.
#[derive(Debug)]
pub struct Para<'a> {
    /// The article text.
    pub text: &'a str,
    /// The paragraph's span.
    pub span: Span,
    /// Word tokens.
    pub toks: Vec<Token>,
    /// Per token: index of the quote (in `quotes`) that holds it.
    pub inside: Vec<Option<usize>>,
    /// The quotes of this paragraph.
    pub quotes: Vec<Quote>,
}

impl<'a> Para<'a> {
    /// Tokenises `span` and marks tokens inside `quotes`.
    #[must_use]
    pub fn new(text: &'a str, span: Span, quotes: Vec<Quote>) -> Self {
        let toks = super::lex::tokens(text, span);
        let inside = inside_quotes(&toks, &quotes);
        Self {
            text,
            span,
            toks,
            inside,
            quotes,
        }
    }

    /// Index of the first token starting at or after byte `at`.
    #[must_use]
    pub fn token_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }

    pub(crate) fn ends_sentence(&self, i: usize) -> bool {
        let t = &self.toks[i];
        // "(though few do)." ends its sentence after the parenthesis.
        let closes_aside = t.trail == Some(')')
            && self.text[t.span.end..]
                .split(char::is_whitespace)
                .next()
                .is_some_and(|glued| glued.ends_with(").") || glued.ends_with(")?"));
        (matches!(t.trail, Some('.' | '?' | '!')) && !t.word.ends_with('.') || closes_aside)
            && self.inside[i].is_none()
    }

    /// True when token `i`, the last word of a closed quote, also ends the reporter's
    /// sentence: the quoted words end on '.', '?' or '!' and the next word, outside the
    /// quote, opens a new sentence with a capital (`... stating only "We will see." The
    /// minister ...`).
    pub(crate) fn quote_ends_sentence(&self, i: usize) -> bool {
        let (Some(q), Some(next)) = (self.inside[i], self.toks.get(i + 1)) else {
            return false;
        };
        let t = &self.toks[i];
        let quote = &self.quotes[q];
        quote.closed
            && self.inside[i + 1] != Some(q)
            && next.span.start >= quote.after
            && matches!(t.trail, Some('.' | '?' | '!'))
            && !t.word.ends_with('.')
            && next.lead.is_none()
            && next.capitalised()
    }

    /// True when a sentence of the reporter's text ends after token `i`.
    fn sentence_ends_after(&self, i: usize) -> bool {
        self.inside[i].is_none() && self.ends_sentence(i) || self.quote_ends_sentence(i)
    }

    /// Token range of the sentence holding token `i` outside quotes (start inclusive).
    #[must_use]
    pub fn sentence_start(&self, i: usize) -> usize {
        let floor = i.saturating_sub(super::window::MAX_SENTENCE_TOKENS);
        let mut s = i;
        while s > floor {
            if self.sentence_ends_after(s - 1) {
                break;
            }
            s -= 1;
        }
        s
    }

    /// The country of a sentence-opening place ("In Tokyo, ...", "In Japan, ..."), which
    /// locates an official whose title leaves the country out.
    #[must_use]
    pub fn located_in(&self, sentence_start: usize) -> Option<String> {
        let toks = &self.toks;
        if toks.get(sentence_start)?.lower != "in" {
            return None;
        }
        let from = sentence_start + 1;
        let comma = (from..toks.len().min(from + 4)).find(|&j| toks[j].trail == Some(','))?;
        let place = Span::new(toks[from].span.start, toks[comma].span.end).slice(self.text);
        let (g, kind) = crate::governments::Governments::bundled().lookup(place)?;
        matches!(
            kind,
            crate::governments::MentionKind::Capital | crate::governments::MentionKind::Name
        )
        .then(|| g.iso3.clone())
    }

    /// True when a dash set off by spaces stands between tokens `j` and `j + 1`, as after
    /// a dateline ("BEIJING (Wire) - ..."); `j + 1` must be a token.
    #[must_use]
    pub fn dash_after(&self, j: usize) -> bool {
        let gap = &self.text[self.toks[j].span.end..self.toks[j + 1].span.start];
        gap.len() > 2 && gap.contains(['-', '—', '–']) && gap.contains([' ', '\u{a0}'])
    }

    /// One past the last token of the sentence holding token `i`.
    #[must_use]
    pub fn sentence_end(&self, i: usize) -> usize {
        let ceiling = self
            .toks
            .len()
            .min(i.saturating_add(super::window::MAX_SENTENCE_TOKENS));
        let mut e = i;
        while e < ceiling {
            if self.sentence_ends_after(e) {
                return e + 1;
            }
            e += 1;
        }
        e
    }
}

/// Per token, the index of the first quote that holds its start. Quotes of a paragraph come in
/// text order without overlap, so one sweep over tokens and quotes together answers it; any
/// other order is answered by asking every quote.
fn inside_quotes(toks: &[Token], quotes: &[Quote]) -> Vec<Option<usize>> {
    let end = |q: &Quote| q.after.max(q.content.end);
    let ordered = quotes.windows(2).all(|w| end(&w[0]) <= w[1].open);
    if !ordered {
        return toks
            .iter()
            .map(|t| {
                quotes
                    .iter()
                    .position(|q| t.span.start >= q.open && t.span.start < end(q))
            })
            .collect();
    }
    let mut q = 0;
    toks.iter()
        .map(|t| {
            let at = t.span.start;
            while q < quotes.len() && end(&quotes[q]) <= at {
                q += 1;
            }
            quotes.get(q).filter(|x| at >= x.open).map(|_| q)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::window::MAX_SENTENCE_TOKENS;

    #[test]
    fn a_text_without_sentence_ends_is_read_in_bounded_sentences() {
        let text = "word ".repeat(3 * MAX_SENTENCE_TOKENS);
        let para = Para::new(&text, Span::new(0, text.len()), Vec::new());
        let middle = para.toks.len() / 2;
        assert_eq!(para.sentence_start(middle), middle - MAX_SENTENCE_TOKENS);
        assert_eq!(para.sentence_end(middle), middle + MAX_SENTENCE_TOKENS);
        assert_eq!(para.sentence_start(3), 0);
    }
}
