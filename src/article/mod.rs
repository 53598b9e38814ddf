//! Articles: the texts a user opens. Loading turns a file (text, Markdown or HTML, in any
//! common encoding) into plain text with paragraphs, title, date, outlet and provenance.
//!
//! [`load_articles`] is the entry point the CLI, the app's import and the evaluation share: it
//! reads a file with a hard size limit ([`read`]), [`decode`]s it (refusing binary files,
//! replacing and counting invalid bytes, detecting legacy encodings), reduces HTML to its
//! article ([`html`]), and [`split`]s files that hold several articles (database exports,
//! digests). Plain text and Markdown keep the decoded text exactly (offsets index the file).
//! [`metadata`] (with [`markdown`] front matter and [`date`] parsing) reads title, date and
//! outlet. What went less than perfectly comes back as [`LoadWarning`]s.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::text::Span;

pub mod date;
pub mod decode;
pub mod error;
pub mod fetch;
pub mod formats;
pub mod html;
pub mod load;
pub mod markdown;
pub mod metadata;
pub mod read;
pub mod split;
pub mod warning;

pub use error::{ArticleError, BinaryKind};
pub use load::{Loaded, load_articles, load_articles_from_bytes, load_bytes, load_file};
pub use metadata::Metadata;
pub use read::MAX_ARTICLE_BYTES;
pub use split::Layout;
pub use warning::LoadWarning;

/// Stable identifier of an article within a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ArticleId(pub u32);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a{}", self.0)
    }
}

/// The kind of file an article came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SourceFormat {
    /// Plain text.
    Text,
    /// Markdown, kept as written (metadata read from front matter and headings).
    Markdown,
    /// HTML reduced to its article paragraphs.
    Html,
    /// PDF: the text layer in reading order, reflowed into paragraphs.
    Pdf,
    /// Word (.docx): paragraphs, then footnotes; tracked changes resolved.
    Docx,
    /// OpenDocument text (.odt, .fodt): paragraphs, then footnotes; tracked changes resolved.
    Odt,
    /// Rich Text Format (.rtf), as Factiva exports it.
    Rtf,
    /// E-mail (.eml): the text or HTML body; subject, sender and date as metadata.
    Eml,
}

/// Where an article came from, so a session can say it and check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The path as the user gave it (absent for text pasted or built in memory).
    pub path: Option<String>,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// Text, Markdown or HTML.
    pub format: SourceFormat,
    /// The encoding the bytes were decoded from (e.g. "UTF-8", "UTF-16LE", "windows-1252").
    pub encoding: String,
    /// Where the article sits in its file, when the file holds several (a database export, a
    /// digest); absent when the article is the whole file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
    /// The address an article was fetched from (after redirects), when it came from the web.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was fetched, as RFC 3339 UTC (`2027-03-09T10:15:00Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched_at: Option<String>,
}

impl Provenance {
    /// What identifies the article's content for "already open?" checks: the file's SHA-256,
    /// plus the article's place in the file when the file holds several, so sibling articles
    /// of one file are never taken for copies of each other.
    #[must_use]
    pub fn content_key(&self) -> String {
        match &self.part {
            Some(part) => format!("{}#{}", self.sha256, part.index),
            None => self.sha256.clone(),
        }
    }
}

/// Where an article sits in a file that holds several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    /// The article's position in the file, counting from 0.
    pub index: u32,
    /// How many articles the file holds.
    pub count: u32,
    /// Byte offset where the article's text starts in the file's whole text (as
    /// `demarche text --whole` prints it).
    pub start: usize,
    /// Byte offset just past the article's text in the file's whole text.
    pub end: usize,
    /// The layout the file was recognised as.
    pub layout: Layout,
}

/// One opened text: decoded, reduced to plain text, split into paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier within the session.
    pub id: ArticleId,
    /// Where it came from.
    pub provenance: Provenance,
    /// Headline or page title, when the text or markup gives one.
    pub title: Option<String>,
    /// Publisher or agency ("Reuters", "Ministry of Foreign Affairs of the PRC").
    pub outlet: Option<String>,
    /// Publication date as `YYYY-MM-DD` when known.
    pub date: Option<String>,
    /// The author line a database export gives ("By Ann Example"), when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The decoded plain text all offsets refer to.
    pub text: String,
    /// Byte ranges of the paragraphs in `text`, in order, trimmed of surrounding white space.
    pub paragraphs: Vec<Span>,
}

impl Article {
    /// An article made from text already in memory (tests, pasted text, the demo).
    #[must_use]
    pub fn from_text(id: ArticleId, text: impl Into<String>) -> Self {
        let text = text.into();
        let paragraphs = split_paragraphs(&text);
        let sha256 = crate::article::sha256_hex(text.as_bytes());
        Self {
            id,
            provenance: Provenance {
                path: None,
                sha256,
                format: SourceFormat::Text,
                encoding: "UTF-8".to_owned(),
                part: None,
                url: None,
                fetched_at: None,
            },
            title: None,
            outlet: None,
            date: None,
            byline: None,
            text,
            paragraphs,
        }
    }

    /// A name to show: the title, else the file name, else the id.
    #[must_use]
    pub fn display_name(&self) -> String {
        if let Some(title) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return title.to_owned();
        }
        if let Some(path) = &self.provenance.path
            && let Some(name) = std::path::Path::new(path).file_name()
        {
            return name.to_string_lossy().into_owned();
        }
        self.id.to_string()
    }

    /// The paragraph containing byte offset `at`, if any.
    #[must_use]
    pub fn paragraph_at(&self, at: usize) -> Option<Span> {
        let i = self.paragraphs.partition_point(|p| p.end < at);
        self.paragraphs.get(i).copied().filter(|p| p.start <= at)
    }
}

/// Splits text into paragraphs: blocks separated by one or more blank lines (lines of white
/// space count as blank); a text with no blank line is split at every line break. Each
/// paragraph is trimmed.
#[must_use]
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    let has_blank_line = text.trim().lines().any(|l| l.trim().is_empty());
    let mut out = Vec::new();
    let mut block_start: Option<usize> = None;
    let mut block_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let line_range: Range<usize> = pos..pos + line.len();
        pos += line.len();
        let blank = line.trim().is_empty();
        if blank || !has_blank_line {
            if let Some(start) = block_start.take() {
                push_trimmed(text, start, block_end, &mut out);
            }
            if !blank {
                push_trimmed(text, line_range.start, line_range.end, &mut out);
            }
            continue;
        }
        if block_start.is_none() {
            block_start = Some(line_range.start);
        }
        block_end = line_range.end;
    }
    if let Some(start) = block_start {
        push_trimmed(text, start, block_end, &mut out);
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

/// SHA-256 of `bytes` as lowercase hex.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest {
        use std::fmt::Write;
        let _ = write!(out, "{byte:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines_and_are_trimmed() {
        let text = "Title\n\n  First para\nstill first.\n\n\nSecond.\n";
        let article = Article::from_text(ArticleId(1), text);
        let paras: Vec<&str> = article.paragraphs.iter().map(|p| p.slice(text)).collect();
        assert_eq!(paras, ["Title", "First para\nstill first.", "Second."]);
        assert_eq!(
            article.paragraph_at(text.find("still").expect("present")),
            Some(article.paragraphs[1])
        );
    }

    #[test]
    fn text_without_blank_lines_splits_per_line() {
        let text = "One.\nTwo.\nThree.";
        let paras: Vec<&str> = split_paragraphs(text)
            .iter()
            .map(|p| p.slice(text))
            .collect();
        assert_eq!(paras, ["One.", "Two.", "Three."]);
    }
}
