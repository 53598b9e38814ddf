//! Saving a 200 MB session without freezing the window: what the UI thread pays to start a
//! save (a snapshot of the session), what the save thread does (the whole write), and the
//! frames the app draws while a save runs.
//! Run: `cargo bench --bench save` (needs the default `gui` feature).

#[path = "support/scale.rs"]
mod scale;
#[path = "../tests/support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock};

use demarche::app::{Action, App};
use demarche::session::{SaveOptions, Session, save_session_with};

fn main() {
    divan::main();
}

/// Bytes of text added to each article, to bring the session to about 200 MB on disk.
const PADDING: usize = 90_000;

/// 2,000 articles of about 100 KB with 20 statements each: about 200 MB as RON.
static SESSION: LazyLock<Session> = LazyLock::new(|| {
    let mut session = scale::scale_session(2_000, 20);
    let filler = "Sample filler sentence that stands for the rest of a long report. ";
    let padding: String = filler.repeat(PADDING / filler.len());
    for article in Arc::make_mut(&mut session.articles).values_mut() {
        article.text.push_str("\n\n");
        article.text.push_str(&padding);
    }
    session
});

/// What starting a save costs the UI thread: the snapshot the save thread writes from.
#[divan::bench]
fn snapshot_for_a_save(bencher: divan::Bencher) {
    let session = &*SESSION;
    bencher.bench(|| divan::black_box(session.clone()));
}

/// The same snapshot as a deep copy (what it cost before the articles and statements were
/// shared), for comparison.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn deep_copy_for_comparison(bencher: divan::Bencher) {
    let session = &*SESSION;
    bencher.bench(|| {
        let articles: BTreeMap<_, _> = (*session.articles).clone();
        let statements: BTreeMap<_, _> = (*session.statements).clone();
        divan::black_box((articles, statements))
    });
}

/// The save thread's work: the whole 200 MB written, synced and renamed.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn write_200_mb(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let session = &*SESSION;
    bencher.bench(|| {
        let written = save_session_with(session, &path, &SaveOptions::default()).expect("saved");
        assert!(written > 150_000_000, "about 200 MB: {written}");
    });
}

/// One frame of the app (1280x800, no GPU) while a save of the 200 MB session runs on its
/// thread; a new save starts whenever one ends, so every frame measured has one running.
#[divan::bench(sample_count = 30, sample_size = 1)]
fn frame_while_saving(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    let mut app = App::new_for_test(SESSION.clone());
    app.set_waits_for_files(false);
    let mut harness = support::harness_sized(app, egui::vec2(1280.0, 800.0));
    for _ in 0..5 {
        harness.step();
    }
    bencher.bench_local(|| {
        if !harness.state().is_busy_with_files() {
            harness
                .state_mut()
                .push(Action::SaveSessionAs(path.clone()));
        }
        harness.step();
    });
}

/// The same frame with no save running, as the baseline for [`frame_while_saving`].
#[divan::bench(sample_count = 30, sample_size = 1)]
fn frame_without_saving(bencher: divan::Bencher) {
    let mut harness = support::harness_sized(
        App::new_for_test(SESSION.clone()),
        egui::vec2(1280.0, 800.0),
    );
    for _ in 0..5 {
        harness.step();
    }
    bencher.bench_local(|| harness.step());
}
