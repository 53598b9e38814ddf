//! Transcripts: briefings and press conferences whose paragraphs open with speaker labels.

use crate::article::Article;

use super::Draft;

/// What was learnt about a transcript.
#[derive(Debug, Clone)]
pub struct Transcript {}

/// Detects a transcript.
#[must_use]
pub fn detect(article: &Article) -> Option<Transcript> {
    let _ = article;
    None
}

/// Statements of a transcript.
pub(crate) fn statements(article: &Article, t: &Transcript) -> Vec<Draft> {
    let _ = (article, t);
    Vec::new()
}
