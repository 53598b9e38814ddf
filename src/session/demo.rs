//! The bundled demo session: articles written for the project (in `assets/demo/`) with
//! invented events and statements, opened when the app starts with no arguments.

use crate::article::{ArticleId, load_bytes};

use super::{Edit, ImportedArticle, Session};

/// The demo articles: (file name, bytes).
const DEMO_FILES: [(&str, &[u8]); 5] = [
    (
        "2026-10-12_harbour-wire_survey-ship.txt",
        include_bytes!("../../assets/demo/2026-10-12_harbour-wire_survey-ship.txt"),
    ),
    (
        "2026-10-12_pacific-ledger_survey-ship.txt",
        include_bytes!("../../assets/demo/2026-10-12_pacific-ledger_survey-ship.txt"),
    ),
    (
        "2026-10-13_mfa-briefing_lin-wei.txt",
        include_bytes!("../../assets/demo/2026-10-13_mfa-briefing_lin-wei.txt"),
    ),
    (
        "2026-10-13_tokyo-bulletin_japan-protest.md",
        include_bytes!("../../assets/demo/2026-10-13_tokyo-bulletin_japan-protest.md"),
    ),
    (
        "2026-10-14_capital-review_allies-respond.html",
        include_bytes!("../../assets/demo/2026-10-14_capital-review_allies-respond.html"),
    ),
];

/// A fresh session holding the demo articles and the statements found in them.
#[must_use]
pub fn demo_session() -> Session {
    let mut imported = Vec::with_capacity(DEMO_FILES.len());
    for (n, (name, bytes)) in DEMO_FILES.iter().enumerate() {
        let id = ArticleId(u32::try_from(n).unwrap_or(u32::MAX));
        // The demo files are part of the program and load; a failure would drop only that file.
        if let Ok(article) = load_bytes(bytes, Some(&format!("assets/demo/{name}")), id) {
            let statements = crate::extract::extract(&article);
            imported.push(ImportedArticle {
                article,
                statements,
            });
        }
    }
    let mut session = Session::default();
    // Adding articles to an empty session cannot fail.
    let _ = session.apply(Edit::AddArticles(imported));
    session
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_session_has_every_demo_article() {
        let session = super::demo_session();
        assert_eq!(session.articles.len(), super::DEMO_FILES.len());
        assert!(
            session
                .articles
                .values()
                .all(|a| a.text.contains("Sample text written for the Demarche demo"))
        );
    }
}
