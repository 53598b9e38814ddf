//! Loading an article from a file (interim UTF-8 loader; replaced by the full decoder).

use std::path::Path;

use super::{Article, ArticleId, SourceFormat};

/// Errors loading an article. Messages end with the path.
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    /// The file could not be read.
    #[error("could not read article: {source}: {}", path.display())]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// Loads a file as an article.
///
/// # Errors
/// [`ArticleError`] when the file cannot be read.
pub fn load_file(path: &Path, id: ArticleId) -> Result<Article, ArticleError> {
    let bytes = std::fs::read(path).map_err(|source| ArticleError::Io {
        path: path.to_owned(),
        source,
    })?;
    load_bytes(&bytes, Some(&path.display().to_string()), id)
}

/// Loads an article from bytes; `path` (as given) picks the format and is kept as provenance.
///
/// # Errors
/// Never in this interim loader.
pub fn load_bytes(
    bytes: &[u8],
    path: Option<&str>,
    id: ArticleId,
) -> Result<Article, ArticleError> {
    let mut article = Article::from_text(id, String::from_utf8_lossy(bytes).replace("\r\n", "\n"));
    article.provenance.path = path.map(str::to_owned);
    article.provenance.sha256 = super::sha256_hex(bytes);
    article.provenance.format = match path
        .and_then(|p| Path::new(p).extension())
        .and_then(|e| e.to_str())
    {
        Some("html" | "htm") => SourceFormat::Html,
        Some("md" | "markdown") => SourceFormat::Markdown,
        _ => SourceFormat::Text,
    };
    Ok(article)
}
