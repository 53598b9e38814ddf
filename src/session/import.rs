//! Importing files into a session: load each article and extract its statements. Runs off
//! the UI thread in the app; reports progress through a callback.

use std::path::{Path, PathBuf};

use crate::article::{ArticleId, LoadWarning};

use super::ImportedArticle;

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
}

/// Loads `paths` as articles numbered from `first_id` and extracts their statements.
/// `progress(done, total)` is called after each file.
pub fn import_paths(
    paths: &[PathBuf],
    first_id: ArticleId,
    mut progress: impl FnMut(usize, usize),
) -> ImportOutcome {
    let mut outcome = ImportOutcome::default();
    let mut next = first_id.0;
    for (done, path) in paths.iter().enumerate() {
        match import_one(path, ArticleId(next)) {
            Ok((imported, warnings)) => {
                outcome.warnings.extend(warnings);
                let count = u32::try_from(imported.len()).unwrap_or(u32::MAX);
                outcome.imported.extend(imported);
                next = next.saturating_add(count);
            }
            Err(message) => outcome.failures.push(ImportFailure {
                path: path.clone(),
                message,
            }),
        }
        progress(done + 1, paths.len());
    }
    outcome
}

/// Loads every article of one file and extracts the statements of each.
fn import_one(
    path: &Path,
    first_id: ArticleId,
) -> Result<(Vec<ImportedArticle>, Vec<LoadWarning>), String> {
    let loaded =
        crate::article::fetch::load_source(path, first_id).map_err(|err| err.to_string())?;
    let imported = loaded
        .articles
        .into_iter()
        .map(|article| {
            let statements = crate::extract::extract(&article);
            ImportedArticle {
                article,
                statements,
            }
        })
        .collect();
    Ok((imported, loaded.warnings))
}
