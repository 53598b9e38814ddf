//! What went less than perfectly while a file loaded, although it did load: bytes that could
//! not be decoded, an encoding that had to be guessed, markup too deep to read as written.
//! The CLI prints these on stderr and the app shows them as notices: nothing is silent.

use std::fmt;

/// A problem met while loading a file that did not stop it from loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadWarning {
    /// Byte sequences not valid in the file's encoding; each became U+FFFD.
    InvalidBytes {
        /// The path as given.
        path: String,
        /// The encoding the file was read in.
        encoding: String,
        /// How many sequences were replaced.
        count: usize,
    },
    /// The file declares no encoding and is not UTF-8, so the encoding was guessed.
    EncodingGuessed {
        /// The path as given.
        path: String,
        /// The encoding the detector chose.
        encoding: String,
    },
    /// HTML nested deeper than the reader follows: the deeper tags were ignored, their text kept.
    DeepMarkup {
        /// The path as given.
        path: String,
        /// The nesting depth followed.
        limit: usize,
        /// How many tags were ignored.
        ignored_tags: usize,
    },
}

impl LoadWarning {
    /// The path the warning is about, as given.
    #[must_use]
    pub fn path(&self) -> &str {
        match self {
            Self::InvalidBytes { path, .. }
            | Self::EncodingGuessed { path, .. }
            | Self::DeepMarkup { path, .. } => path,
        }
    }
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidBytes {
                path,
                encoding,
                count,
            } => {
                let what = if *count == 1 {
                    "1 byte sequence that is".to_owned()
                } else {
                    format!("{count} byte sequences that are")
                };
                write!(
                    f,
                    "{what} not valid {encoding} could not be read and shows as \u{fffd}: {path}"
                )
            }
            Self::EncodingGuessed { path, encoding } => write!(
                f,
                "the file does not say its character encoding and is not UTF-8; it was read as \
                 {encoding}, the most likely one (check its accents and quote marks): {path}"
            ),
            Self::DeepMarkup {
                path,
                limit,
                ignored_tags,
            } => write!(
                f,
                "the page's markup is nested more than {limit} levels deep; {ignored_tags} deeper \
                 tags were ignored and their text kept: {path}"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_count_and_put_the_path_last() {
        let one = LoadWarning::InvalidBytes {
            path: "a.txt".to_owned(),
            encoding: "UTF-8".to_owned(),
            count: 1,
        };
        assert_eq!(
            one.to_string(),
            "1 byte sequence that is not valid UTF-8 could not be read and shows as \u{fffd}: a.txt"
        );
        let three = LoadWarning::InvalidBytes {
            path: "b.txt".to_owned(),
            encoding: "UTF-8".to_owned(),
            count: 3,
        };
        assert!(
            three
                .to_string()
                .starts_with("3 byte sequences that are not")
        );
        assert_eq!(three.path(), "b.txt");
        let guessed = LoadWarning::EncodingGuessed {
            path: "c.txt".to_owned(),
            encoding: "GBK".to_owned(),
        };
        assert!(guessed.to_string().contains("read as GBK"));
        assert!(guessed.to_string().ends_with(": c.txt"));
    }
}
