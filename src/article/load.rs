//! Opening a file: read the bytes (bounded), pick the format, decode, reduce HTML to its
//! article, split a file that holds several articles, read each article's metadata and
//! split its paragraphs.

use std::path::Path;

use super::decode::{ChosenBy, decode, html_declared_charset};
use super::error::ArticleError;
use super::metadata::Metadata;
use super::read::{MAX_ARTICLE_BYTES, read_file};
use super::split::{Piece, split};
use super::warning::LoadWarning;
use super::{
    Article, ArticleId, Part, Provenance, SourceFormat, formats, html, metadata, sha256_hex,
    split_paragraphs,
};

/// Shown in errors for text that did not come from a file.
const NO_PATH: &str = "(no path)";

/// The articles a file holds, and what went less than perfectly while reading it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    /// The articles, in file order (one for most files; several for a database export or a
    /// digest), numbered from the first id asked for.
    pub articles: Vec<Article>,
    /// Problems that did not stop the file from loading (invalid bytes, a guessed encoding):
    /// the CLI prints them and the app shows them, so nothing is silent.
    pub warnings: Vec<LoadWarning>,
}

/// A file's text as read whole, before it is split into articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The decoded text (for HTML, the page reduced to its article).
    pub text: String,
    /// Title, date and outlet of the whole file.
    pub meta: Metadata,
    /// Path, hash, format and encoding (no part).
    pub provenance: Provenance,
    /// What went less than perfectly.
    pub warnings: Vec<LoadWarning>,
}

impl Document {
    /// The whole document as one article.
    fn into_article(self, id: ArticleId) -> Article {
        Article {
            id,
            provenance: self.provenance,
            title: self.meta.title,
            outlet: self.meta.outlet,
            date: self.meta.date,
            byline: None,
            paragraphs: split_paragraphs(&self.text),
            text: self.text,
        }
    }
}

/// Reads the file at `path` (with the hard size limit) and opens it whole as one article,
/// without splitting it. Warnings are dropped: [`load_articles`] reports them.
///
/// # Errors
/// [`ArticleError`] when the file cannot be read, is not a regular file, is too large, empty,
/// or not text.
pub fn load_file(path: &Path, id: ArticleId) -> Result<Article, ArticleError> {
    let bytes = read_file(path, MAX_ARTICLE_BYTES)?;
    load_bytes(&bytes, Some(&path.display().to_string()), id)
}

/// Reads the file at `path` and opens every article it holds, numbered from `first_id`.
///
/// This is the one entry point that the CLI, the app's import and the evaluation share, so
/// that each reads a file exactly as the others do. A file that holds several articles (a
/// Nexis, Factiva or ProQuest export, a digest) gives one [`Article`] per article, each with
/// its own text, title, date, outlet and byline, and its place in the file in
/// [`Provenance::part`].
///
/// # Errors
/// [`ArticleError`] when the file cannot be read, is not a regular file, is too large, empty,
/// or not text.
pub fn load_articles(path: &Path, first_id: ArticleId) -> Result<Loaded, ArticleError> {
    let bytes = read_file(path, MAX_ARTICLE_BYTES)?;
    load_articles_from_bytes(&bytes, Some(&path.display().to_string()), first_id)
}

/// [`load_articles`] for bytes already in memory; `path` (used for the format and in
/// messages) is the name the bytes came from, if any.
///
/// # Errors
/// [`ArticleError`] when the bytes are too many, empty, not text, or an HTML page without
/// article text.
pub fn load_articles_from_bytes(
    bytes: &[u8],
    path: Option<&str>,
    first_id: ArticleId,
) -> Result<Loaded, ArticleError> {
    read_document(bytes, path, None).map(|document| split_document(document, first_id))
}

/// Splits a read document into its articles (one, when it holds one), numbered from
/// `first_id`, keeping the document's warnings.
#[must_use]
pub fn split_document(document: Document, first_id: ArticleId) -> Loaded {
    let warnings = document.warnings.clone();
    let Some(found) = split(&document.text) else {
        return Loaded {
            articles: vec![document.into_article(first_id)],
            warnings,
        };
    };
    let count = u32::try_from(found.pieces.len()).unwrap_or(u32::MAX);
    let articles = found
        .pieces
        .into_iter()
        .zip(0_u32..)
        .map(|(piece, index)| {
            let part = Part {
                index,
                count,
                start: piece.range.start,
                end: piece.range.end,
                layout: found.layout,
            };
            let id = ArticleId(first_id.0.saturating_add(index));
            part_article(&document, piece, part, id)
        })
        .collect();
    Loaded { articles, warnings }
}

/// One article of a file that holds several: its own text, and metadata from the export's
/// header, else from its own text (never from its siblings).
fn part_article(document: &Document, piece: Piece, part: Part, id: ArticleId) -> Article {
    let text = document.text[piece.range.clone()].to_owned();
    let meta = piece.meta.or(metadata::from_text(&text)).tidy();
    let mut provenance = document.provenance.clone();
    provenance.part = Some(part);
    Article {
        id,
        provenance,
        title: meta.title,
        outlet: meta.outlet,
        // The file name's date, never a sibling's, when the part's own text gives none.
        date: meta.date.or_else(|| {
            document
                .provenance
                .path
                .as_deref()
                .and_then(date_from_file_name)
        }),
        byline: piece.byline,
        paragraphs: split_paragraphs(&text),
        text,
    }
}

/// Opens an article from bytes in memory, whole (not split). `path` (used for the format and
/// in messages) is the name the bytes came from, if any.
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
    read_document(bytes, path, None).map(|document| document.into_article(id))
}

/// Reads bytes into a [`Document`]: the format given (a web server's content type names it),
/// else by extension, else by the bytes' signature or first characters; then decoding or the
/// document reader, HTML reduction and the whole file's metadata.
///
/// # Errors
/// [`ArticleError`] when the bytes are too many, empty, not text, an HTML page without
/// article text, or a document (PDF, Word ...) that cannot be read.
pub fn read_document(
    bytes: &[u8],
    path: Option<&str>,
    format: Option<SourceFormat>,
) -> Result<Document, ArticleError> {
    let shown = || path.unwrap_or(NO_PATH).to_owned();
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge {
            path: shown(),
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let by_extension = format
        .or_else(|| path.and_then(format_from_extension))
        .or_else(|| formats::sniff(bytes));
    if let Some(format) = by_extension.filter(|f| formats::is_document(*f)) {
        let read = formats::read(format, bytes).map_err(|source| ArticleError::Format {
            path: shown(),
            source,
        })?;
        let mut meta = read.meta.or(metadata::from_text(&read.text)).tidy();
        meta.date = meta.date.or_else(|| path.and_then(date_from_file_name));
        return Ok(Document {
            text: read.text,
            meta,
            provenance: Provenance {
                path: path.map(str::to_owned),
                sha256: sha256_hex(bytes),
                format,
                encoding: read.encoding,
                part: None,
                url: None,
                fetched_at: None,
            },
            warnings: Vec::new(),
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
    let mut warnings = Vec::new();
    if decoded.replaced > 0 {
        warnings.push(LoadWarning::InvalidBytes {
            path: shown(),
            encoding: decoded.encoding.to_owned(),
            count: decoded.replaced,
        });
    }
    if decoded.chosen_by == ChosenBy::Detected {
        warnings.push(LoadWarning::EncodingGuessed {
            path: shown(),
            encoding: decoded.encoding.to_owned(),
        });
    }
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
            if page.ignored_tags > 0 {
                warnings.push(LoadWarning::DeepMarkup {
                    path: shown(),
                    limit: html::depth::MAX_NESTING,
                    ignored_tags: page.ignored_tags,
                });
            }
            if page.blocks.is_empty() {
                return Err(ArticleError::NoArticleText { path: shown() });
            }
            let meta = page.meta.or(metadata::from_text(&page.text)).tidy();
            (page.text, meta)
        }
    };
    let mut meta = meta;
    meta.date = meta.date.or_else(|| path.and_then(date_from_file_name));
    Ok(Document {
        text,
        meta,
        provenance: Provenance {
            path: path.map(str::to_owned),
            sha256: sha256_hex(bytes),
            format,
            encoding: decoded.encoding.to_owned(),
            part: None,
            url: None,
            fetched_at: None,
        },
        warnings,
    })
}

/// The first date written `YYYY-MM-DD` in a file name (`2024-03-09_talks.txt`,
/// `wire_2024-03-09_talks.txt`, `briefing 2024-03-09.md`), not run into other digits: the
/// article's date when its text gives none, since many people and archives name saved
/// articles that way. Only the last path component counts; the date must be real.
#[must_use]
pub fn date_from_file_name(path: &str) -> Option<String> {
    let name = Path::new(path).file_name()?.to_str()?;
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|at| {
        let standalone = at == 0 || !bytes[at - 1].is_ascii_digit();
        let ends = bytes.get(at + 10).is_none_or(|c| !c.is_ascii_digit());
        if standalone && ends {
            real_date(name.get(at..at + 10)?)
        } else {
            None
        }
    })
}

/// `head` when it is a real date written `YYYY-MM-DD` ([`super::date::ymd`]).
fn real_date(head: &str) -> Option<String> {
    let b = head.as_bytes();
    let shape_ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    let number = |r: std::ops::Range<usize>| head.get(r).and_then(|s| s.parse::<u32>().ok());
    super::date::ymd(head.get(0..4)?, number(5..7)?, number(8..10)?)
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
    fn a_date_in_the_file_name_dates_an_undated_text() {
        for (name, date) in [
            ("/archive/2024-02-29_talks.txt", "2024-02-29"),
            ("2031-07-04 notes.md", "2031-07-04"),
            ("draft_2024-03-09.txt", "2024-03-09"),
            ("wire_2019-11-30_talks-resume.html", "2019-11-30"),
            ("no. 12 of 2023-02-29 or 2023-03-01.txt", "2023-03-01"),
        ] {
            assert_eq!(date_from_file_name(name).as_deref(), Some(date), "{name}");
        }
        for name in [
            "notes.txt",
            "2023-02-29_not-leap.txt",
            "2024-13-01_x.txt",
            "2024-03-091.txt",
            "12024-03-09.txt",
            "2024-03-09/inside-a-folder.txt",
        ] {
            assert_eq!(date_from_file_name(name), None, "{name}");
        }
        let undated = load_bytes(
            b"Sample headline\n\nSample body.\n",
            Some("d/2030-05-06_x.txt"),
            ArticleId(1),
        )
        .expect("loads");
        assert_eq!(undated.date.as_deref(), Some("2030-05-06"));
        // A date in the text wins over the file name.
        let dated = load_bytes(
            b"Sample headline\n\nMarch 2, 2029\n\nSample body.\n",
            Some("2030-05-06_x.txt"),
            ArticleId(2),
        )
        .expect("loads");
        assert_eq!(dated.date.as_deref(), Some("2029-03-02"));
        let nameless = load_bytes(b"Sample body.\n", None, ArticleId(3)).expect("loads");
        assert_eq!(nameless.date, None);
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
