//! Opening an article: read the bytes, pick the format, decode, reduce HTML to its article,
//! read the metadata and split the paragraphs.

use std::path::Path;

use super::decode::{decode, html_declared_charset};
use super::error::ArticleError;
use super::{
    Article, ArticleId, Provenance, SourceFormat, formats, html, metadata, sha256_hex,
    split_paragraphs,
};

/// Files larger than this are refused (50 MB; real articles are a few hundred KB at most).
pub const MAX_ARTICLE_BYTES: u64 = 50 * 1024 * 1024;

/// Shown in errors for text that did not come from a file.
const NO_PATH: &str = "(no path)";

/// Reads and opens the article at `path`.
///
/// # Errors
/// [`ArticleError`] when the file cannot be read, is too large, empty, or not text.
pub fn load_file(path: &Path, id: ArticleId) -> Result<Article, ArticleError> {
    let shown = path.display().to_string();
    let io = |source| ArticleError::Io {
        path: shown.clone(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge {
            path: shown,
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    load_bytes(&bytes, Some(&shown), id)
}

/// Reads the file at `path` and opens every article it holds, numbered from `first_id`.
///
/// This is the one entry point that the CLI, the app's import and the evaluation share, so
/// that each reads a file exactly as the others do.
///
/// # Errors
/// [`ArticleError`] when the file cannot be read, is too large, empty, or not text.
pub fn load_articles(path: &Path, first_id: ArticleId) -> Result<Vec<Article>, ArticleError> {
    load_file(path, first_id).map(|article| vec![article])
}

/// Opens an article from bytes in memory. `path` (used for the format and in messages) is
/// the name the bytes came from, if any.
///
/// Plain text and Markdown keep the decoded text exactly (only line endings are normalised
/// and a byte-order mark dropped), so offsets into the file stay valid. HTML becomes the
/// title, a blank line, and the article's blocks separated by blank lines.
///
/// # Errors
/// [`ArticleError`] when the bytes are too many, empty, not text, or an HTML page without
/// article text.
pub fn load_bytes(
    bytes: &[u8],
    path: Option<&str>,
    id: ArticleId,
) -> Result<Article, ArticleError> {
    load_bytes_as(bytes, path, path.and_then(format_from_extension), id)
}

/// Opens an article from bytes in memory whose format is already known (a web server's
/// content type names it); with `format` `None`, documents are told by their signature and
/// text by its first characters.
///
/// # Errors
/// As [`load_bytes`], and [`ArticleError::Format`] for a document that cannot be read.
pub fn load_bytes_as(
    bytes: &[u8],
    path: Option<&str>,
    format: Option<SourceFormat>,
    id: ArticleId,
) -> Result<Article, ArticleError> {
    let shown = || path.unwrap_or(NO_PATH).to_owned();
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge {
            path: shown(),
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let by_extension = format.or_else(|| formats::sniff(bytes));
    if let Some(format) = by_extension.filter(|f| formats::is_document(*f)) {
        let document = formats::read(format, bytes).map_err(|source| ArticleError::Format {
            path: shown(),
            source,
        })?;
        let meta = document.meta.or(metadata::from_text(&document.text)).tidy();
        return Ok(Article {
            id,
            provenance: Provenance {
                path: path.map(str::to_owned),
                sha256: sha256_hex(bytes),
                format,
                encoding: document.encoding,
                url: None,
                fetched_at: None,
            },
            title: meta.title,
            outlet: meta.outlet,
            date: meta.date,
            paragraphs: split_paragraphs(&document.text),
            text: document.text,
        });
    }
    let declared = match by_extension {
        Some(SourceFormat::Text | SourceFormat::Markdown) => None,
        _ => html_declared_charset(bytes),
    };
    let decoded = decode(bytes, declared).map_err(|kind| ArticleError::NotText {
        path: shown(),
        kind,
    })?;
    if decoded.text.trim().is_empty() {
        return Err(ArticleError::Empty { path: shown() });
    }
    let format = by_extension.unwrap_or_else(|| sniff_format(&decoded.text));
    let (text, meta) = match format {
        SourceFormat::Text | SourceFormat::Markdown => {
            let meta = metadata::from_text(&decoded.text).tidy();
            (decoded.text, meta)
        }
        SourceFormat::Html
        | SourceFormat::Pdf
        | SourceFormat::Docx
        | SourceFormat::Odt
        | SourceFormat::Rtf
        | SourceFormat::Eml => {
            let page = html::extract(&decoded.text);
            if page.blocks.is_empty() {
                return Err(ArticleError::NoArticleText { path: shown() });
            }
            let meta = page.meta.or(metadata::from_text(&page.text)).tidy();
            (page.text, meta)
        }
    };
    Ok(Article {
        id,
        provenance: Provenance {
            path: path.map(str::to_owned),
            sha256: sha256_hex(bytes),
            format,
            encoding: decoded.encoding.to_owned(),
            url: None,
            fetched_at: None,
        },
        title: meta.title,
        outlet: meta.outlet,
        date: meta.date,
        paragraphs: split_paragraphs(&text),
        text,
    })
}

/// The format a file name's extension names (`.txt`, `.md`, `.markdown`, `.html`, `.htm` ...).
#[must_use]
pub fn format_from_extension(path: &str) -> Option<SourceFormat> {
    let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(SourceFormat::Text),
        "md" | "markdown" | "mdown" | "mkd" => Some(SourceFormat::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(SourceFormat::Html),
        "pdf" => Some(SourceFormat::Pdf),
        "docx" | "docm" | "dotx" => Some(SourceFormat::Docx),
        "odt" | "ott" | "fodt" => Some(SourceFormat::Odt),
        "rtf" => Some(SourceFormat::Rtf),
        "eml" => Some(SourceFormat::Eml),
        _ => None,
    }
}

/// HTML when the text opens with `<!doctype html` or has `<html` near the start; else text.
#[must_use]
pub fn sniff_format(text: &str) -> SourceFormat {
    let head: String = text
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype") || head.contains("<html") {
        SourceFormat::Html
    } else {
        SourceFormat::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_extension_then_sniffed() {
        assert_eq!(
            format_from_extension("a/B.MD"),
            Some(SourceFormat::Markdown)
        );
        assert_eq!(format_from_extension("x.htm"), Some(SourceFormat::Html));
        assert_eq!(format_from_extension("x.dat"), None);
        assert_eq!(sniff_format("  <!DOCTYPE html><p>x"), SourceFormat::Html);
        assert_eq!(sniff_format("Plain sample text."), SourceFormat::Text);
    }

    #[test]
    fn text_is_kept_exactly_except_line_endings() {
        let bytes = b"Sample title\r\n\r\nSample\xc2\xa0text  \r\nstays.\r\n";
        let article = load_bytes(bytes, Some("s.txt"), ArticleId(3)).expect("loads");
        assert_eq!(article.text, "Sample title\n\nSample\u{a0}text  \nstays.\n");
        assert_eq!(article.paragraphs.len(), 2);
        assert_eq!(article.provenance.sha256, sha256_hex(bytes));
        assert_eq!(article.title.as_deref(), Some("Sample title"));
    }

    #[test]
    fn unknown_extension_html_is_sniffed() {
        let page = b"<!doctype html><html><head><title>Sample</title></head><body><p>Sample body text.</p></body></html>";
        let article = load_bytes(page, Some("page.dat"), ArticleId(1)).expect("loads");
        assert_eq!(article.provenance.format, SourceFormat::Html);
        assert_eq!(article.text, "Sample\n\nSample body text.\n");
    }

    #[test]
    fn errors_name_the_path() {
        let err = load_bytes(b"", Some("/x/empty.txt"), ArticleId(1)).expect_err("empty");
        assert!(matches!(err, ArticleError::Empty { .. }));
        assert!(err.to_string().ends_with(": /x/empty.txt"));
        let err = load_bytes(b" \n\t\n", None, ArticleId(1)).expect_err("blank");
        assert_eq!(err.path(), NO_PATH);
        let err = load_bytes(
            b"<html><body><nav>Menu</nav></body></html>",
            Some("p.html"),
            ArticleId(1),
        )
        .expect_err("no article");
        assert!(matches!(err, ArticleError::NoArticleText { .. }));
    }
}
