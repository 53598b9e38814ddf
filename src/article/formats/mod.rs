//! Readers for documents that are not plain text: PDF, Word (.docx), OpenDocument (.odt),
//! RTF and e-mail (.eml). Each turns a file's bytes into the text Demarche shows (blocks
//! separated by blank lines, as the HTML reader writes them) and the metadata the document
//! carries, so everything after decoding (the split into articles, paragraphs, extraction)
//! treats them like any other text.
//!
//! Every reader is bounded: the bytes are already capped by the caller, packed parts are
//! unpacked with a hard limit ([`MAX_UNPACKED_BYTES`]), and damaged files give a
//! [`FormatError`] in plain words, never a panic.

use super::SourceFormat;
use super::metadata::Metadata;

mod docx;
mod eml;
mod odt;
pub mod pdf;
mod rtf;
mod xml;
mod zipped;

/// The most bytes a document may unpack to (all its parts together): the same limit as a
/// file, so a small zip or PDF cannot expand into gigabytes (a "zip bomb").
pub const MAX_UNPACKED_BYTES: u64 = super::MAX_ARTICLE_BYTES;

/// A document reduced to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Blocks (paragraphs, headings, list items, footnotes) separated by blank lines, ending
    /// with a line break. Offsets of statements count in this text.
    pub text: String,
    /// Title, date and outlet from the document's own properties or headers (fields it lacks
    /// are `None`; the caller fills them from the text).
    pub meta: Metadata,
    /// How the text was stored ("UTF-8", "windows-1252", "PDF text layer", ...), for the
    /// provenance.
    pub encoding: String,
}

/// Why a document could not be read. Messages are in plain words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// A PDF whose pages are images only (a scan).
    #[error("no text layer; run OCR first")]
    NoTextLayer,
    /// A PDF that needs a password.
    #[error("the PDF is encrypted (password-protected); save an unprotected copy and open that")]
    Encrypted,
    /// The bytes are not a valid file of the format, or are damaged.
    #[error("damaged or not a {format} file ({detail})")]
    Malformed {
        /// The format the file claims to be ("PDF", "Word", ...).
        format: &'static str,
        /// What was wrong, in a few words.
        detail: String,
    },
    /// The document unpacks to more than [`MAX_UNPACKED_BYTES`].
    #[error("the {format} file unpacks to more than {limit} bytes")]
    TooLargeUnpacked {
        /// The format ("Word", "OpenDocument", "PDF").
        format: &'static str,
        /// The limit in bytes.
        limit: u64,
    },
    /// A valid document without any text in it.
    #[error("the {format} file holds no text")]
    NoText {
        /// The format ("Word", "e-mail", ...).
        format: &'static str,
    },
}

impl FormatError {
    pub(crate) fn malformed(format: &'static str, detail: impl std::fmt::Display) -> Self {
        Self::Malformed {
            format,
            detail: detail.to_string(),
        }
    }
}

/// True for the formats this module reads (the others are decoded as text).
#[must_use]
pub const fn is_document(format: SourceFormat) -> bool {
    matches!(
        format,
        SourceFormat::Pdf
            | SourceFormat::Docx
            | SourceFormat::Odt
            | SourceFormat::Rtf
            | SourceFormat::Eml
    )
}

/// Reads a document of `format` (one of [`is_document`]'s).
///
/// # Errors
/// [`FormatError`] when the bytes are not a readable document of that format.
pub fn read(format: SourceFormat, bytes: &[u8]) -> Result<Document, FormatError> {
    let document = match format {
        SourceFormat::Pdf => pdf::read(bytes)?,
        SourceFormat::Docx => docx::read(bytes)?,
        SourceFormat::Odt => odt::read(bytes)?,
        SourceFormat::Rtf => rtf::read(bytes)?,
        SourceFormat::Eml => eml::read(bytes)?,
        SourceFormat::Text | SourceFormat::Markdown | SourceFormat::Html => {
            return Err(FormatError::malformed(
                "document",
                "a text format was passed to the document readers",
            ));
        }
    };
    if document.text.trim().is_empty() {
        return Err(FormatError::NoText {
            format: format_name(format),
        });
    }
    Ok(document)
}

/// The word used for `format` in messages.
#[must_use]
pub const fn format_name(format: SourceFormat) -> &'static str {
    match format {
        SourceFormat::Text => "text",
        SourceFormat::Markdown => "Markdown",
        SourceFormat::Html => "HTML",
        SourceFormat::Pdf => "PDF",
        SourceFormat::Docx => "Word",
        SourceFormat::Odt => "OpenDocument",
        SourceFormat::Rtf => "RTF",
        SourceFormat::Eml => "e-mail",
    }
}

/// The document format the bytes' signature shows, if any: `%PDF-`, a zip holding
/// `word/document.xml` (Word) or an OpenDocument text `mimetype`, `{\rtf`, or the header
/// block of an e-mail.
#[must_use]
pub fn sniff(bytes: &[u8]) -> Option<SourceFormat> {
    let head = &bytes[..bytes.len().min(1024)];
    let trimmed = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&head[..0], |i| &head[i..]);
    if trimmed.starts_with(b"%PDF-") || head.windows(5).any(|w| w == b"%PDF-") {
        return Some(SourceFormat::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zipped::sniff(bytes);
    }
    if trimmed.starts_with(b"{\\rtf") {
        return Some(SourceFormat::Rtf);
    }
    if odt::is_flat_odt(&bytes[head.len() - trimmed.len()..]) {
        return Some(SourceFormat::Odt);
    }
    if eml::looks_like_mail(trimmed) {
        return Some(SourceFormat::Eml);
    }
    None
}

/// Collects a document's blocks and joins them the way the HTML reader does: blocks
/// separated by one blank line, white space inside a block tidied, the text ending with a
/// line break.
#[derive(Debug, Default)]
pub(crate) struct Blocks {
    text: String,
    /// The block being written.
    current: String,
    /// Bytes written so far, checked against [`MAX_UNPACKED_BYTES`].
    over_limit: bool,
}

impl Blocks {
    /// Appends text to the current block.
    pub(crate) fn push_str(&mut self, s: &str) {
        if self.over_limit {
            return;
        }
        if (self.text.len() + self.current.len() + s.len()) as u64 > MAX_UNPACKED_BYTES {
            self.over_limit = true;
            return;
        }
        self.current.push_str(s);
    }

    /// Appends one character to the current block.
    pub(crate) fn push(&mut self, c: char) {
        let mut buf = [0_u8; 4];
        self.push_str(c.encode_utf8(&mut buf));
    }

    /// True when nothing has been written to the current block yet.
    pub(crate) fn current_is_empty(&self) -> bool {
        self.current.trim().is_empty()
    }

    /// Ends the current block (an empty one is dropped).
    pub(crate) fn end_block(&mut self) {
        let block = tidy_block(&self.current);
        self.current.clear();
        if block.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.push_str(&block);
    }

    /// Adds a whole block.
    pub(crate) fn push_block(&mut self, block: &str) {
        self.end_block();
        self.push_str(block);
        self.end_block();
    }

    /// True when more than [`MAX_UNPACKED_BYTES`] of text was offered.
    pub(crate) const fn over_limit(&self) -> bool {
        self.over_limit
    }

    /// The first block written, if any.
    pub(crate) fn first_block(&self) -> Option<&str> {
        self.text.split("\n\n").next().filter(|b| !b.is_empty())
    }

    /// The joined text, ending with a line break (empty when there was no block).
    pub(crate) fn finish(mut self) -> String {
        self.end_block();
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text
    }
}

/// A document title as one line: runs of white space become one space; `None` when empty.
pub(crate) fn one_line_title(title: &str) -> Option<String> {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(title).filter(|t| !t.is_empty())
}

/// The body's text with the notes' text after it (footnotes, endnotes), one line between.
pub(crate) fn body_then_notes(body: Blocks, notes: Blocks) -> String {
    let mut text = body.finish();
    let notes = notes.finish();
    if !notes.is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&notes);
    }
    text
}

/// Tidies one block: each line's runs of spaces and tabs become one space, lines are
/// trimmed, blank lines inside the block are dropped (a block stays one paragraph), and
/// control characters other than line breaks are removed.
fn tidy_block(block: &str) -> String {
    let mut out = String::with_capacity(block.len());
    for line in block.split('\n') {
        let mut words = line
            .split([' ', '\t', '\r', '\u{b}', '\u{c}'])
            .filter(|w| !w.is_empty())
            .peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let mut first = true;
        for word in words {
            if !first {
                out.push(' ');
            }
            first = false;
            out.extend(word.chars().filter(|c| !c.is_control()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_tidied_and_joined_with_blank_lines() {
        let mut blocks = Blocks::default();
        blocks.push_str("  Sample \t heading ");
        blocks.end_block();
        blocks.end_block();
        blocks.push_str("First line\n\n  second\u{7} line ");
        blocks.push_block("Last.");
        assert_eq!(
            blocks.finish(),
            "Sample heading\n\nFirst line\nsecond line\n\nLast.\n"
        );
    }

    #[test]
    fn signatures_name_the_format() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(SourceFormat::Pdf));
        assert_eq!(sniff(b"{\\rtf1\\ansi x}"), Some(SourceFormat::Rtf));
        assert_eq!(
            sniff(b"From: Sample Desk <desk@example.org>\r\nSubject: Sample\r\n\r\nBody"),
            Some(SourceFormat::Eml)
        );
        assert_eq!(sniff(b"Plain sample text."), None);
        assert_eq!(sniff(b""), None);
    }
}
