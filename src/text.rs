//! Text positions: byte spans used inside the core, and conversion to the Unicode-scalar
//! offsets that files and the CLI speak.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into an article's text. Always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The covered text, or "" when the span does not fit `text`.
    #[must_use]
    pub fn slice(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Bytes shared by both spans.
    #[must_use]
    pub fn overlap(self, other: Self) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
}

/// Maps byte offsets of one text to Unicode scalar (char) offsets, in O(log n).
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every char start, plus the text length at the end.
    starts: Vec<usize>,
}

impl CharIndex {
    /// Builds the index for `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        Self { starts }
    }

    /// The char offset of byte offset `byte` (a byte inside a char maps to that char).
    #[must_use]
    pub fn char_of_byte(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset of char offset `ch`, clamped to the text length.
    #[must_use]
    pub fn byte_of_char(&self, ch: usize) -> usize {
        let last = self.starts.len() - 1;
        self.starts[ch.min(last)]
    }

    /// Converts a byte span to a `(start, end)` pair of char offsets.
    #[must_use]
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        (self.char_of_byte(span.start), self.char_of_byte(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_round_trip_through_multibyte_text() {
        let text = "a“é”z赵";
        let index = CharIndex::new(text);
        let z = text.find('z').expect("z present");
        assert_eq!(index.char_of_byte(z), 4);
        assert_eq!(index.byte_of_char(4), z);
        assert_eq!(index.char_of_byte(text.len()), 6);
        assert_eq!(index.byte_of_char(99), text.len());
    }

    #[test]
    fn span_overlap_and_slice() {
        let a = Span::new(2, 8);
        assert_eq!(a.overlap(Span::new(5, 20)), 3);
        assert_eq!(a.overlap(Span::new(9, 20)), 0);
        assert_eq!(Span::new(0, 5).slice("hello world"), "hello");
        assert_eq!(Span::new(0, 50).slice("short"), "");
    }
}
