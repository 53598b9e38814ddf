//! Session files: every released format version still opens, and a session round-trips.

use std::path::{Path, PathBuf};

use demarche::session::{CURRENT_VERSION, SessionError, demo_session, load_session, save_session};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions")
        .join(name)
}

#[test]
fn format_version_1_fixture_opens() {
    let session = load_session(&fixture("v1.ron")).expect("version 1 sessions open");
    assert_eq!(session.articles.len(), 2);
    assert!(!session.statements.is_empty());
    assert_eq!(session.comparisons.len(), 1);
    assert_eq!(session.corrections.len(), 1);
    assert_eq!(
        session.aliases,
        [("Diaoyu Dao".to_owned(), "Senkaku Islands".to_owned())]
    );
    let spec = &session.comparisons[0];
    assert!(
        session.statements.contains_key(&spec.left) && session.statements.contains_key(&spec.right)
    );
    for article in session.articles.values() {
        assert_eq!(article.provenance.sha256.len(), 64);
        for statement in session
            .statements
            .values()
            .filter(|s| s.id.article == article.id)
        {
            for span in &statement.spans {
                assert!(
                    article.text.get(span.start..span.end).is_some(),
                    "spans index the saved text"
                );
            }
        }
    }
}

#[test]
fn the_current_version_is_the_newest_fixture() {
    assert!(
        fixture(&format!("v{CURRENT_VERSION}.ron")).exists(),
        "add a fixture for each format version"
    );
}

#[test]
fn demo_session_round_trips_through_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("demo.ron");
    let session = demo_session();
    save_session(&session, &path).expect("save");
    assert_eq!(load_session(&path).expect("load"), session);
}

#[test]
fn errors_name_the_file_and_leave_nothing_behind() {
    let err = load_session(Path::new("/nonexistent/dir/x.ron")).expect_err("missing");
    assert!(matches!(err, SessionError::Io { .. }));
    assert!(err.to_string().ends_with("/nonexistent/dir/x.ron"), "{err}");
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(version: 1, session: (articles: {}, statements: [1, 2]))",
    )
    .expect("write");
    let err = load_session(&bad).expect_err("malformed");
    assert!(err.to_string().contains("line 1"), "{err}");
}
