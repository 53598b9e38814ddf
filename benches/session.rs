//! Opening and saving a session at the scale of issue 11 (2,000 articles, 40,000 statements):
//! what the app's open and save threads do (read, parse, check and repair; serialise, write,
//! sync and rename). The window never waits for either; these are the times until the work
//! is there or safely on disk.
//! Run: `cargo bench --no-default-features --bench session`.

#[path = "support/scale.rs"]
mod scale;

use std::sync::LazyLock;

use demarche::session::{SaveOptions, Session, load_session_checked, save_session_with};

fn main() {
    divan::main();
}

/// 2,000 articles with 20 statements each.
static SESSION: LazyLock<Session> = LazyLock::new(|| scale::scale_session(2_000, 20));

/// The session written once, for the open benchmark.
static SAVED: LazyLock<(tempfile::TempDir, std::path::PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scale.ron");
    let written = save_session_with(&SESSION, &path, &SaveOptions::default()).expect("saved");
    eprintln!("session file: {:.1} MB", written as f64 / 1e6);
    (dir, path)
});

/// Open: read the file, parse the RON, check every span and id, repair what is safe.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn open_2000_articles(bencher: divan::Bencher) {
    let path = &SAVED.1;
    bencher.bench(|| {
        let loaded = load_session_checked(path).expect("opens");
        assert_eq!(loaded.session.statements.len(), 40_000);
        divan::black_box(loaded)
    });
}

/// Save: serialise, write, sync, rename and keep the previous version as `.bak`.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn save_2000_articles(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scale.ron");
    let session = &*SESSION;
    bencher.bench(|| save_session_with(session, &path, &SaveOptions::default()).expect("saved"));
}
