//! Byte to char offsets for comparison results, in little memory: a checkpoint every
//! [`STRIDE`] chars instead of one entry per char, and nothing at all for ASCII text. Two
//! 5 MB texts would otherwise need 80 MB of offsets, and a binary search over them per span.

use crate::text::Span;

/// Chars between two checkpoints.
const STRIDE: usize = 64;

/// Converts byte offsets of one text to char (Unicode scalar) offsets.
#[derive(Debug, Clone, Default)]
pub struct CharOffsets {
    /// Byte offset of every `STRIDE`-th char; empty for ASCII text, where bytes are chars.
    checkpoints: Vec<usize>,
    ascii: bool,
}

impl CharOffsets {
    /// Builds the offsets for `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                checkpoints: Vec::new(),
                ascii: true,
            };
        }
        let checkpoints = text
            .char_indices()
            .step_by(STRIDE)
            .map(|(at, _)| at)
            .collect();
        Self {
            checkpoints,
            ascii: false,
        }
    }

    /// The char offset of byte offset `byte` in `text` (the text these offsets were built
    /// for); a byte inside a char maps to that char.
    #[must_use]
    pub fn char_of_byte(&self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        if self.ascii {
            return byte;
        }
        let k = self
            .checkpoints
            .partition_point(|&at| at <= byte)
            .saturating_sub(1);
        let from = self.checkpoints.get(k).copied().unwrap_or(0);
        let counted = text
            .get(from..)
            .unwrap_or_default()
            .char_indices()
            .take_while(|&(at, _)| from + at < byte)
            .count();
        let inside = text.is_char_boundary(byte);
        k * STRIDE + counted - usize::from(!inside && counted > 0)
    }

    /// Converts a byte span to a `(start, end)` pair of char offsets.
    #[must_use]
    pub fn char_span(&self, text: &str, span: Span) -> (usize, usize) {
        (
            self.char_of_byte(text, span.start),
            self.char_of_byte(text, span.end),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::CharIndex;

    #[test]
    fn agrees_with_the_full_index() {
        let text = "a“é”z赵 and more, ".repeat(40);
        let full = CharIndex::new(&text);
        let sparse = CharOffsets::new(&text);
        for byte in 0..=text.len() {
            assert_eq!(
                sparse.char_of_byte(&text, byte),
                full.char_of_byte(byte),
                "{byte}"
            );
        }
        let ascii = "plain text";
        assert_eq!(CharOffsets::new(ascii).char_of_byte(ascii, 6), 6);
    }
}
