//! Importing files into a session: load each article and extract its statements. Runs off
//! the UI thread in the app; reports progress through a callback.
//!
//! Each file and each article's extraction is contained: a panic in the reader or in the
//! rules becomes a failure naming the file, and the rest of the batch still imports.

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::iter::{ParallelBridge, ParallelIterator};

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

/// Loads `paths` as articles numbered from `first_id` and extracts their statements, on
/// every core. `progress(done, total)` is called after each file, in the order given.
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
    let cancel = AtomicBool::new(false);
    import_in_order_with(paths, first_id, 0, import_file, &cancel, |index, result| {
        // Files already under way when the import was cancelled are dropped as well.
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        match result {
            Ok(file) => {
                outcome.imported.extend(file.articles);
                outcome.warnings.extend(file.warnings);
            }
            Err(failure) => outcome.failures.push(failure),
        }
        if !progress(index + 1, paths.len()) {
            cancel.store(true, Ordering::Relaxed);
            outcome.skipped = paths[index + 1..].to_vec();
        }
    });
    outcome
}

/// Imports `paths` with `importer` on `jobs` threads (0: one per core) and hands each file's
/// result to `take` in the order given, as soon as that file and every file before it are
/// done, its articles numbered from `first_id` on as one file after another would number
/// them: the results are the same whatever `jobs` is. Once `cancel` is set no file starts;
/// the files already started are still handed over. Returns how many files were handed over
/// (always the first ones).
pub fn import_in_order_with<I>(
    paths: &[PathBuf],
    first_id: ArticleId,
    jobs: usize,
    importer: I,
    cancel: &AtomicBool,
    mut take: impl FnMut(usize, Result<ImportedFile, ImportFailure>),
) -> usize
where
    I: Fn(&Path, ArticleId) -> Result<ImportedFile, ImportFailure> + Sync,
{
    let mut next = first_id.0;
    let mut handed = 0;
    let mut hand_over = |index: usize, mut result: Result<ImportedFile, ImportFailure>| {
        if let Ok(file) = &mut result {
            next = renumber(file, next);
        }
        take(index, result);
        handed = index + 1;
    };
    // One file (or one thread) needs no pool.
    let pool = (jobs != 1 && paths.len() > 1)
        .then(|| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(jobs)
                .build()
                .ok()
        })
        .flatten();
    let Some(pool) = pool else {
        for (index, path) in paths.iter().enumerate() {
            if cancel.load(Ordering::Relaxed) {
                break;
            }
            hand_over(index, importer(path, ArticleId(0)));
        }
        return handed;
    };
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        let importer = &importer;
        scope.spawn(move || {
            pool.install(|| {
                // A bridge hands the files out one by one in the order given: the files
                // started are always the first ones, and the first files' output is not held
                // back by later ones.
                paths
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(send, |send, (index, path)| {
                        if !cancel.load(Ordering::Relaxed) {
                            let _ = send.send((index, importer(path, ArticleId(0))));
                        }
                    });
            });
        });
        let mut waiting = std::collections::BTreeMap::new();
        let mut due = 0;
        for (index, result) in receive {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&due) {
                hand_over(due, result);
                due += 1;
            }
        }
    });
    handed
}

/// Numbers the articles of `file` (and their statements) from `first`; returns the next free
/// number.
fn renumber(file: &mut ImportedFile, first: u32) -> u32 {
    let mut next = first;
    for imported in &mut file.articles {
        let id = ArticleId(next);
        imported.article.id = id;
        for statement in &mut imported.statements {
            statement.id.article = id;
        }
        next = next.saturating_add(1);
    }
    next
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

    #[test]
    fn files_import_the_same_on_one_thread_and_on_four() {
        let dir = tempfile::tempdir().expect("dir");
        let mut paths: Vec<PathBuf> = (0..9)
            .map(|n| {
                let p = dir.path().join(format!("{n}.txt"));
                std::fs::write(
                    &p,
                    format!("Sample text {n}. \"We agree on point {n},\" the minister said.\n"),
                )
                .expect("w");
                p
            })
            .collect();
        paths.insert(4, dir.path().join("missing.txt"));
        let run = |jobs: usize| {
            let cancel = AtomicBool::new(false);
            let mut got = Vec::new();
            let handed = import_in_order_with(
                &paths,
                ArticleId(7),
                jobs,
                import_file,
                &cancel,
                |index, result| got.push((index, result)),
            );
            assert_eq!(handed, paths.len());
            got
        };
        let one = run(1);
        assert_eq!(one, run(4));
        let order: Vec<usize> = one.iter().map(|(i, _)| *i).collect();
        assert_eq!(order, (0..paths.len()).collect::<Vec<_>>());
        // Articles numbered one after another from the first id, failures taking none.
        let ids: Vec<u32> = one
            .iter()
            .filter_map(|(_, r)| r.as_ref().ok())
            .flat_map(|f| &f.articles)
            .map(|a| a.article.id.0)
            .collect();
        assert_eq!(ids, (7..16).collect::<Vec<_>>());
        for (_, file) in &one {
            for a in file.iter().flat_map(|f| &f.articles) {
                assert!(a.statements.iter().all(|s| s.id.article == a.article.id));
            }
        }
    }
}
