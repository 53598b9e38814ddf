//! `demarche text FILE`: the text as decoded, which every offset counts in.
//!
//! A file that holds several articles (a database export, a digest) prints each article's
//! text after a marker line `=== article N of M: TITLE (DATE) ===`; the offsets of `extract`
//! count from the first character after that line's line break. `--whole` prints the file's
//! text unsplit (the text `Provenance::part` offsets count in).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::article::fetch::{is_url, load_source};
use crate::article::{Article, ArticleId, load_file};

/// Arguments of `demarche text`.
#[derive(Debug, clap::Args)]
pub struct TextArgs {
    /// Print the whole file's text, without splitting it into articles.
    #[arg(long)]
    pub whole: bool,
    /// The article file, or an http(s) address to fetch.
    pub file: PathBuf,
}

/// Prints the decoded text of one file, article by article.
pub fn run(args: &TextArgs) -> ExitCode {
    if args.whole && !args.file.to_str().is_some_and(is_url) {
        return match load_file(&args.file, ArticleId(0)) {
            Ok(article) => super::emit(&article.text),
            Err(err) => super::fail(&err),
        };
    }
    match load_source(&args.file, ArticleId(0)) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                super::report_warning(warning);
            }
            super::emit(&articles_text(&loaded.articles))
        }
        Err(err) => super::fail(&err),
    }
}

/// The text of a file's articles: one article's text as it is; several, each after its
/// marker line and ending with a line break.
#[must_use]
pub fn articles_text(articles: &[Article]) -> String {
    if let [only] = articles
        && only.provenance.part.is_none()
    {
        return only.text.clone();
    }
    let mut out = String::new();
    for (n, article) in articles.iter().enumerate() {
        let count = article.provenance.part.map_or(articles.len(), |p| {
            usize::try_from(p.count).unwrap_or(usize::MAX)
        });
        out.push_str(&marker(n + 1, count, article));
        out.push('\n');
        out.push_str(&article.text);
        if !article.text.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// `=== article 2 of 20: TITLE (DATE) ===`; the title or date is left out when unknown.
fn marker(number: usize, count: usize, article: &Article) -> String {
    let mut line = format!("=== article {number} of {count}");
    if let Some(title) = &article.title {
        line.push_str(": ");
        line.push_str(&title.replace('\n', " "));
    }
    if let Some(date) = &article.date {
        line.push_str(&format!(" ({date})"));
    }
    line.push_str(" ===");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_name_each_article() {
        let mut first = Article::from_text(ArticleId(0), "Sample one.");
        first.title = Some("Sample title".to_owned());
        first.date = Some("2031-01-02".to_owned());
        let second = Article::from_text(ArticleId(1), "Sample two.\n");
        assert_eq!(
            articles_text(&[first.clone(), second]),
            "=== article 1 of 2: Sample title (2031-01-02) ===\nSample one.\n\
             === article 2 of 2 ===\nSample two.\n"
        );
        assert_eq!(articles_text(&[first]), "Sample one.");
    }
}
