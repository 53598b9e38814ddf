//! Writes a small format-version fixture from two demo articles:
//! `cargo run --example make_session_fixture -- tests/fixtures/sessions/vN.ron`.
//! Run it once when a new format version is released; never rewrite an old fixture.

use std::path::PathBuf;

use demarche::session::{
    Anchor, ComparisonSpec, Correction, CorrectionKind, Edit, demo_session, save_session,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: make_session_fixture OUT.ron")?,
    );
    let mut session = demo_session();
    let extra: Vec<_> = session.articles.keys().skip(2).copied().collect();
    session.apply(Edit::RemoveArticles(extra))?;
    let statements: Vec<_> = session
        .statements
        .values()
        .filter(|s| s.spans.len() == 1)
        .cloned()
        .collect();
    let (first, second) = (
        statements.first().ok_or("no statement")?,
        statements.last().ok_or("no statement")?,
    );
    let text = &session
        .articles
        .get(&first.id.article)
        .ok_or("no article")?
        .text;
    let anchor = Anchor::of_statement(first, text).ok_or("no span")?;
    session.apply(Edit::AddCorrection(Correction {
        anchor,
        kind: CorrectionKind::SetSpeaker("Lin Wei".into()),
    }))?;
    session.apply(Edit::OpenComparison(ComparisonSpec {
        notes: std::collections::BTreeMap::from([(0, "check against the transcript".to_owned())]),
        ..ComparisonSpec::new(first.id, second.id)
    }))?;
    session.apply(Edit::SetAliases(vec![(
        "Diaoyu Dao".into(),
        "Senkaku Islands".into(),
    )]))?;
    session.selection.statements = vec![first.id, second.id];
    save_session(&session, &out)?;
    Ok(())
}
