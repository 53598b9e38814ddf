//! Reading an evaluation text exactly as `demarche extract` and the app read it: through
//! [`crate::article::load_articles`], with whatever title and date loading finds (nothing is
//! taken from the annotations). A file may hold several articles; annotations count offsets
//! in the whole file, so each article's statements are placed back at its position in it.

use std::path::Path;

use super::EvalError;
use crate::article::{Article, ArticleId, load_articles};
use crate::statement::Statement;
use crate::text::CharIndex;

/// One file as the product reads it, with the statements found in each of its articles.
#[derive(Debug)]
pub struct ExtractedFile {
    /// The file's text, in which annotation offsets count (Unicode scalar values).
    pub text: String,
    /// The articles the file was read as, in order.
    pub parts: Vec<ExtractedPart>,
}

/// One article of a file and what extraction found in it.
#[derive(Debug)]
pub struct ExtractedPart {
    /// Characters of [`ExtractedFile::text`] before this article's text.
    pub offset: usize,
    /// The article as loaded.
    pub article: Article,
    /// Its statements.
    pub statements: Vec<Statement>,
}

/// One span of a predicted statement, in characters of the whole file.
#[derive(Debug, Clone)]
pub struct FileSpan<'a> {
    /// Half-open character range in the file's text.
    pub span: (usize, usize),
    /// The words of the span.
    pub text: String,
    /// The speaker mention, in characters of the file's text, when there is one.
    pub mention: Option<(usize, usize)>,
    /// The statement the span belongs to.
    pub statement: &'a Statement,
}

impl ExtractedFile {
    /// Every span of every statement, in file characters, article by article.
    #[must_use]
    pub fn spans(&self) -> Vec<FileSpan<'_>> {
        let mut out = Vec::new();
        for part in &self.parts {
            let index = CharIndex::new(&part.article.text);
            let shift = |(a, b): (usize, usize)| (a + part.offset, b + part.offset);
            for statement in &part.statements {
                let mention = statement.speaker_mention.map(|m| shift(index.char_span(m)));
                for span in &statement.spans {
                    out.push(FileSpan {
                        span: shift(index.char_span(*span)),
                        text: span.slice(&part.article.text).to_owned(),
                        mention,
                        statement,
                    });
                }
            }
        }
        out
    }

    /// Number of articles read from the file.
    #[must_use]
    pub fn article_count(&self) -> usize {
        self.parts.len()
    }
}

/// Loads `path` as the CLI does and extracts every article in it; articles are numbered
/// from `first_id`.
///
/// # Errors
/// [`EvalError::Load`] when the file cannot be opened, [`EvalError::PartNotFound`] when an
/// article's text is not a verbatim piece of the file (its offsets could not be compared).
pub fn extract_file(path: &Path, first_id: u32) -> Result<ExtractedFile, EvalError> {
    let articles = load_articles(path, ArticleId(first_id))
        .map_err(|source| EvalError::Load {
            path: path.to_path_buf(),
            source: Box::new(source),
        })?
        .articles;
    let single = articles.len() == 1;
    let text = match articles.first() {
        Some(article) if single => article.text.clone(),
        _ => file_text(path)?,
    };
    let mut parts = Vec::with_capacity(articles.len());
    let mut from_byte = 0;
    for (i, article) in articles.into_iter().enumerate() {
        let at = if single {
            0
        } else {
            text.get(from_byte..)
                .and_then(|rest| rest.find(&article.text))
                .map(|p| p + from_byte)
                .ok_or_else(|| EvalError::PartNotFound {
                    path: path.to_path_buf(),
                    part: i + 1,
                })?
        };
        from_byte = at + article.text.len();
        let statements = crate::extract::extract(&article);
        parts.push(ExtractedPart {
            offset: text[..at].chars().count(),
            article,
            statements,
        });
    }
    Ok(ExtractedFile { text, parts })
}

/// The file's text as annotations count it: UTF-8 without a byte-order mark, with `\n` line
/// ends (the same normalisation loading applies to plain text).
fn file_text(path: &Path) -> Result<String, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
    Ok(raw.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_article_keeps_its_offsets() {
        let dir = std::env::temp_dir().join(format!("demarche-eval-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("2031-04-02_sample.txt");
        let text = "Sample headline\n\n\u{201c}We will keep talking,\u{201d} Foreign Minister Tove Lindqvar of Sweden said on Tuesday.\n";
        std::fs::write(&path, text).expect("written");
        let file = extract_file(&path, 7).expect("loads");
        assert_eq!(file.article_count(), 1);
        assert_eq!(file.text, text);
        assert_eq!(file.parts[0].article.date.as_deref(), Some("2031-04-02"));
        let spans = file.spans();
        let quote = spans
            .iter()
            .find(|s| s.text.starts_with("We will"))
            .expect("the quote is found");
        let chars: Vec<char> = text.chars().collect();
        let got: String = chars[quote.span.0..quote.span.1].iter().collect();
        assert_eq!(got, quote.text);
        std::fs::remove_dir_all(&dir).ok();
    }
}
