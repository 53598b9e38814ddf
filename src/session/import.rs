//! Importing files into a session: load each article and extract its statements. Runs off
//! the UI thread in the app; reports progress through a callback.
//!
//! Each file and each article's extraction is contained: a panic in the reader or in the
//! rules becomes a failure naming the file, and the rest of the batch still imports.

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use crate::article::{Article, ArticleId, LoadWarning, Loaded, split_paragraphs};
use crate::statement::Statement;

use super::ImportedArticle;
use super::check::span_fits;

/// A file that could not be imported, with the one-line reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFailure {
    /// The file.
    pub path: PathBuf,
    /// Why, as a sentence that names the file.
    pub message: String,
}

/// The outcome of importing several files: the articles that loaded and the files that did not.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOutcome {
    /// Articles loaded, with their statements, in the order given.
    pub imported: Vec<ImportedArticle>,
    /// Files that failed; the others still imported.
    pub failures: Vec<ImportFailure>,
    /// Files that loaded, but not perfectly (invalid bytes, a guessed encoding): shown to the
    /// user like failures, as notices.
    pub warnings: Vec<LoadWarning>,
    /// Files not read because the import was cancelled.
    pub skipped: Vec<PathBuf>,
}

/// What one file gave: its articles with their statements, and what went less than
/// perfectly while reading it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportedFile {
    /// The file's articles (several for a database export or a digest), in file order.
    pub articles: Vec<ImportedArticle>,
    /// Warnings from reading the file.
    pub warnings: Vec<LoadWarning>,
}

/// Loads `paths` as articles numbered from `first_id` and extracts their statements.
/// `progress(done, total)` is called after each file.
pub fn import_paths(
    paths: &[PathBuf],
    first_id: ArticleId,
    mut progress: impl FnMut(usize, usize),
) -> ImportOutcome {
    import_paths_with(paths, first_id, |done, total| {
        progress(done, total);
        true
    })
}

/// As [`import_paths`], but `progress` returning false cancels the files not yet read
/// (they are listed in [`ImportOutcome::skipped`]).
pub fn import_paths_with(
    paths: &[PathBuf],
    first_id: ArticleId,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    let mut next = first_id.0;
    for (done, path) in paths.iter().enumerate() {
        match import_file(path, ArticleId(next)) {
            Ok(file) => {
                let count = u32::try_from(file.articles.len()).unwrap_or(u32::MAX);
                outcome.imported.extend(file.articles);
                outcome.warnings.extend(file.warnings);
                next = next.saturating_add(count);
            }
            Err(failure) => outcome.failures.push(failure),
        }
        if !progress(done + 1, paths.len()) {
            outcome.skipped = paths[done + 1..].to_vec();
            break;
        }
    }
    outcome
}

/// Loads every article of one file or web address (numbered from `first_id`) and extracts
/// the statements of each. A panic anywhere in reading or extraction becomes a failure
/// naming the file.
///
/// # Errors
/// [`ImportFailure`] when the file cannot be read or Demarche fails on it.
pub fn import_file(path: &Path, first_id: ArticleId) -> Result<ImportedFile, ImportFailure> {
    import_file_using(path, first_id, crate::article::fetch::load_source)
}

/// [`import_file`] with the reader as a parameter (tests give one that fails).
fn import_file_using(
    path: &Path,
    first_id: ArticleId,
    load: impl FnOnce(&Path, ArticleId) -> Result<Loaded, crate::article::ArticleError>,
) -> Result<ImportedFile, ImportFailure> {
    let failure = |message: String| ImportFailure {
        path: path.to_owned(),
        message,
    };
    let loaded = catch_unwind(AssertUnwindSafe(|| load(path, first_id)))
        .map_err(|payload| failure(internal_error(&*payload, path)))?;
    let Loaded { articles, warnings } = loaded.map_err(|err| failure(err.to_string()))?;
    let articles = articles
        .into_iter()
        .map(|article| match extract_contained(&article) {
            Ok(statements) => Ok(ImportedArticle {
                article,
                statements,
            }),
            Err(reason) => Err(failure(format!(
                "Demarche failed while finding the statements in this file ({reason}) and \
                 skipped it: {}",
                path.display()
            ))),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ImportedFile { articles, warnings })
}

/// The sentence for a panic while reading `path`.
fn internal_error(payload: &(dyn std::any::Any + Send), path: &Path) -> String {
    format!(
        "Demarche failed while reading this file ({}) and skipped it: {}",
        panic_text(payload),
        path.display()
    )
}

/// What a panic said, for a message ("an internal error: index out of bounds ...").
#[must_use]
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    let said = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned());
    match said {
        Some(text) => format!("an internal error: {text}"),
        None => "an internal error".to_owned(),
    }
}

/// The statements the current rules find in `article`, contained: paragraphs that do not
/// fit the text are rebuilt first, a panic in the rules becomes an error, and a statement
/// whose spans do not fit the text is dropped rather than stored.
///
/// # Errors
/// What the panic said, in plain words.
pub fn extract_contained(article: &Article) -> Result<Vec<Statement>, String> {
    let article: Cow<'_, Article> = if paragraphs_fit(article) {
        Cow::Borrowed(article)
    } else {
        let mut repaired = article.clone();
        repaired.paragraphs = split_paragraphs(&repaired.text);
        Cow::Owned(repaired)
    };
    let statements = catch_unwind(AssertUnwindSafe(|| crate::extract::extract(&article)))
        .map_err(|payload| panic_text(&*payload))?;
    let text = article.text.as_str();
    Ok(statements
        .into_iter()
        .filter(|s| {
            !s.spans.is_empty()
                && s.spans.iter().all(|span| span_fits(*span, text))
                && s.speaker_mention.is_none_or(|m| span_fits(m, text))
        })
        .collect())
}

fn paragraphs_fit(article: &Article) -> bool {
    article
        .paragraphs
        .iter()
        .all(|p| span_fits(*p, &article.text))
        && article
            .paragraphs
            .windows(2)
            .all(|w| w[0].end <= w[1].start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    #[test]
    fn paragraphs_past_the_text_are_rebuilt_before_extraction() {
        let text = "Sample text. \"We object to the plan,\" the minister said.";
        let mut article = Article::from_text(ArticleId(0), text);
        article.paragraphs = vec![Span::new(0, text.len() + 500)];
        let found = extract_contained(&article).expect("no panic");
        assert!(!found.is_empty(), "the quote is still found");
    }

    #[test]
    fn a_missing_file_is_a_failure_and_the_next_file_still_imports() {
        let dir = tempfile::tempdir().expect("dir");
        let good = dir.path().join("good.txt");
        std::fs::write(&good, "Sample text. \"We agree,\" the minister said.\n").expect("w");
        let missing = dir.path().join("missing.txt");
        let mut calls = 0;
        let outcome = import_paths(&[missing.clone(), good], ArticleId(0), |_, _| calls += 1);
        assert_eq!(calls, 2);
        assert_eq!(outcome.imported.len(), 1);
        assert_eq!(outcome.failures.len(), 1);
        assert_eq!(outcome.failures[0].path, missing);
    }

    #[test]
    fn cancelling_lists_the_files_not_read() {
        let dir = tempfile::tempdir().expect("dir");
        let paths: Vec<PathBuf> = (0..3)
            .map(|n| {
                let p = dir.path().join(format!("{n}.txt"));
                std::fs::write(&p, format!("Sample text number {n}.\n")).expect("w");
                p
            })
            .collect();
        let outcome = import_paths_with(&paths, ArticleId(0), |done, _| done < 1);
        assert_eq!(outcome.imported.len(), 1);
        assert_eq!(outcome.skipped, paths[1..]);
    }

    #[test]
    fn a_reader_that_panics_becomes_a_failure_naming_the_file() {
        let path = Path::new("/sample/broken.txt");
        let failure = import_file_using(path, ArticleId(0), |_, _| {
            let empty: Vec<u8> = Vec::new();
            // An index past the end, as a bug in a reader would do.
            let _ = empty[usize::from(empty.is_empty())];
            Ok(Loaded::default())
        })
        .expect_err("contained");
        assert_eq!(failure.path, path);
        assert!(
            failure.message.contains("internal error"),
            "{}",
            failure.message
        );
        assert!(
            failure.message.ends_with("/sample/broken.txt"),
            "{}",
            failure.message
        );
    }

    #[test]
    fn panics_are_described_in_words() {
        let payload: Box<dyn std::any::Any + Send> = Box::new("index out of bounds");
        assert_eq!(
            panic_text(&*payload),
            "an internal error: index out of bounds"
        );
    }
}
