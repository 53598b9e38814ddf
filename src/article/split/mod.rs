//! One file, many articles: news-database exports (Nexis Uni / LexisNexis, Factiva,
//! ProQuest), digests with separator lines, and articles joined one after another where each
//! one's start is unmistakable (a heading with labelled lines, front matter, the same
//! opening repeated, or a headline followed by a dateline, a byline or a date).
//!
//! Splitting works on decoded text, so it applies to every format a reader turns into text.
//! It is conservative: a file is split only where a layout says clearly where each article
//! starts, so one real article is never cut in two. Each piece is a range of the file's text
//! (its own words; for database exports the body without the export's labels) and the
//! metadata the export gives for it.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::metadata::Metadata;

mod exports;
mod plain;

/// How a file was split into articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Layout {
    /// A Nexis Uni / LexisNexis export ("Body", "Load-Date:", "End of Document").
    Nexis,
    /// A Factiva export (a "Document" line with the article's id after each article).
    Factiva,
    /// A ProQuest export ("Document N of M" before each article).
    ProQuest,
    /// A digest or newsletter with separator lines ("----------") between articles.
    Separators,
    /// Articles joined one after another, each found by its own opening: a heading with
    /// labelled lines ("Source:", "Published:"), front matter, the same opening repeated (an
    /// article saved several times), or a headline followed by a dateline, byline or date.
    Joined,
}

impl Layout {
    /// A short name for messages ("a Nexis export").
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Nexis => "a Nexis export",
            Self::Factiva => "a Factiva export",
            Self::ProQuest => "a ProQuest export",
            Self::Separators => "articles between separator lines",
            Self::Joined => "articles joined one after another",
        }
    }
}

/// One article found in a file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte range of the article's text in the file's text, trimmed of blank lines.
    pub range: Range<usize>,
    /// What the export says about the article (title, date, outlet); missing fields are
    /// read from the article's own text afterwards.
    pub meta: Metadata,
    /// The author line the export gives ("Byline:", "Author:", "BY").
    pub byline: Option<String>,
}

/// A file's articles and the layout they were found by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The layout recognised.
    pub layout: Layout,
    /// The articles, in file order. Database exports may give one; the other layouts give
    /// at least two.
    pub pieces: Vec<Piece>,
}

/// Splits `text` into articles when a multi-article layout is recognised; `None` when the
/// text is one article.
#[must_use]
pub fn split(text: &str) -> Option<Split> {
    let lines = Lines::new(text);
    let found = exports::nexis(text, &lines)
        .map(|p| (Layout::Nexis, p))
        .or_else(|| exports::factiva(text, &lines).map(|p| (Layout::Factiva, p)))
        .or_else(|| exports::proquest(text, &lines).map(|p| (Layout::ProQuest, p)))
        .or_else(|| plain::separators(text, &lines).map(|p| (Layout::Separators, p)))
        .or_else(|| plain::joined(text, &lines).map(|p| (Layout::Joined, p)));
    let (layout, pieces) = found?;
    let pieces: Vec<Piece> = pieces
        .into_iter()
        .filter(|p| text[p.range.clone()].chars().any(char::is_alphanumeric))
        .collect();
    (!pieces.is_empty()).then_some(Split { layout, pieces })
}

/// The lines of a text with their byte offsets (line breaks are `\n`; a line excludes it).
pub(crate) struct Lines<'a> {
    text: &'a str,
    /// Start offset of each line.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1)
                .filter(|i| *i < text.len()),
        );
        if text.is_empty() {
            starts.clear();
        }
        Self { text, starts }
    }

    fn len(&self) -> usize {
        self.starts.len()
    }

    /// Line `i` without its line break.
    fn get(&self, i: usize) -> &'a str {
        let start = self.starts[i];
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |next| next - 1);
        &self.text[start..end.max(start)]
    }

    /// Line `i`, trimmed.
    fn trimmed(&self, i: usize) -> &'a str {
        self.get(i).trim()
    }

    fn is_blank(&self, i: usize) -> bool {
        self.trimmed(i).is_empty()
    }

    fn start(&self, i: usize) -> usize {
        self.starts[i]
    }

    /// The byte range of lines `from..to`, trimmed to the first and last non-blank lines;
    /// `None` when they are all blank.
    fn range(&self, from: usize, to: usize) -> Option<Range<usize>> {
        let first = (from..to).find(|i| !self.is_blank(*i))?;
        let last = (from..to).rev().find(|i| !self.is_blank(*i))?;
        let start =
            self.start(first) + (self.get(first).len() - self.get(first).trim_start().len());
        let end = self.start(last) + self.get(last).trim_end().len();
        Some(start..end)
    }

    /// Indices of the non-blank lines in `from..to`.
    fn non_blank(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        (from..to).filter(|i| !self.is_blank(*i))
    }
}

/// Trims a byte range of `text` to its non-white-space content.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead == slice.len() {
        return range.start..range.start;
    }
    range.start + lead..range.end - trail
}

#[cfg(test)]
mod tests;
