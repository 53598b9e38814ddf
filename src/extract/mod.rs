//! Statement extraction: quote marks -> quote spans; cues; speakers; coreference;
//! transcripts; attribution to a government.

pub mod knowledge;
pub mod quotes;

use crate::article::Article;
use crate::statement::Statement;

/// Finds every statement in `article`, in text order.
#[must_use]
pub fn extract(article: &Article) -> Vec<Statement> {
    let _ = article;
    Vec::new()
}
