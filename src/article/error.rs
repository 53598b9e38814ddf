//! What can go wrong when opening an article. Messages put the path last.

use std::fmt;

/// Why a file was judged not to be text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryKind {
    /// The bytes contain NUL characters.
    NulBytes,
    /// The bytes start with the signature of a known binary format ("PNG", "PDF", ...).
    Magic(&'static str),
    /// Too many control characters for a text.
    ControlCharacters,
}

impl fmt::Display for BinaryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NulBytes => f.write_str("binary data"),
            Self::Magic(format) => write!(f, "{format} data"),
            Self::ControlCharacters => f.write_str("too many control characters"),
        }
    }
}

/// An article could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The file could not be read from disk.
    #[error("could not read article: {source}: {path}")]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// Not a regular file: a folder, a named pipe (FIFO), a socket or a device, which cannot be
    /// read as an article (a FIFO would block, a device might never end).
    #[error("could not read article: it is {kind}, not a regular file: {path}")]
    NotAFile {
        /// The path as given.
        path: String,
        /// What it is, in plain words ("a folder", "a named pipe (FIFO)", "a device").
        kind: &'static str,
    },
    /// The bytes are not text (an image, a PDF, an archive, ...).
    #[error("could not read article: not a text file ({kind}): {path}")]
    NotText {
        /// The path as given.
        path: String,
        /// What gave it away.
        kind: BinaryKind,
    },
    /// The file has no text at all (no bytes, or only white space).
    #[error("could not read article: the file is empty: {path}")]
    Empty {
        /// The path as given.
        path: String,
    },
    /// An HTML page in which no article text was found.
    #[error("could not read article: no article text found in the page: {path}")]
    NoArticleText {
        /// The path as given.
        path: String,
    },
    /// A document (PDF, Word, OpenDocument, RTF, e-mail) that could not be read.
    #[error("could not read article: {source}: {path}")]
    Format {
        /// The path as given.
        path: String,
        /// What was wrong with the document.
        #[source]
        source: super::formats::FormatError,
    },
    /// A web address that could not be fetched.
    #[error("could not fetch article: {source}: {path}")]
    Fetch {
        /// The address as given.
        path: String,
        /// What went wrong.
        #[source]
        source: super::fetch::FetchError,
    },
    /// The file is larger than an article can reasonably be.
    #[error("could not read article: file too large ({size} bytes, limit {limit}): {path}")]
    TooLarge {
        /// The path as given.
        path: String,
        /// Size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
}

impl ArticleError {
    /// The path the error is about, as given (or a placeholder for text held in memory).
    #[must_use]
    pub fn path(&self) -> &str {
        match self {
            Self::Io { path, .. }
            | Self::NotAFile { path, .. }
            | Self::NotText { path, .. }
            | Self::Empty { path }
            | Self::NoArticleText { path }
            | Self::Format { path, .. }
            | Self::Fetch { path, .. }
            | Self::TooLarge { path, .. } => path,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_put_the_path_last() {
        let err = ArticleError::NotText {
            path: "/x/y.txt".to_owned(),
            kind: BinaryKind::NulBytes,
        };
        assert_eq!(
            err.to_string(),
            "could not read article: not a text file (binary data): /x/y.txt"
        );
        let err = ArticleError::NotText {
            path: "a.txt".to_owned(),
            kind: BinaryKind::Magic("PNG"),
        };
        assert_eq!(
            err.to_string(),
            "could not read article: not a text file (PNG data): a.txt"
        );
        assert_eq!(err.path(), "a.txt");
    }
}
