//! Frames of the main window at scale: 2,000 articles, 40,000 statements, a dozen
//! governments, a government and a statement selected, caches already built.
//! Run: `cargo bench --bench frame` (needs the default `gui` feature).
//!
//! Before the benchmarks run, `main` prints the memory the session and the app take beyond
//! an empty app (resident set growth), next to the size of the articles' text.

#[path = "support/scale.rs"]
mod scale;
#[path = "../tests/support/mod.rs"]
mod support;

/// The app's allocator (see `src/main.rs`), so that memory is measured as the app uses it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use demarche::app::{Action, App};
use demarche::article::ArticleId;
use demarche::session::{CorrectionKind, GroupKey, Session};
use demarche::statement::StatementId;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn main() {
    report_memory();
    divan::main();
}

/// The resident set size of this process in bytes (Linux), else 0.
fn resident_bytes() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<usize>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// Prints how much the session at scale, and then its derived data, caches and a drawn
/// window, add to a process that already drew an empty window (fonts and egui loaded) and
/// holds the government registry.
fn report_memory() {
    let mut empty = support::harness_sized(
        App::new_for_test(Session::default()),
        egui::vec2(1280.0, 800.0),
    );
    for _ in 0..3 {
        empty.step();
    }
    // The bundled government registry (about 5.6 MB), loaded once per process by the first
    // statement a library names or an extraction reads: a fixed cost, not the session's.
    let _ = demarche::governments::Governments::bundled();
    let mb = |bytes: usize| bytes as f64 / 1e6;
    let before = resident_bytes();
    let session = scale::scale_session(2_000, 20);
    let text: usize = session.articles.values().map(|a| a.text.len()).sum();
    let with_session = resident_bytes();
    let harness = warm_harness_of(session);
    let after = resident_bytes();
    eprintln!(
        "memory: articles' text {:.1} MB; the session added {:.1} MB resident, the app on it \
         (derived statements, caches, near-duplicate index, a drawn frame) {:.1} MB more; \
         in all {:.2} x the text",
        mb(text),
        mb(with_session.saturating_sub(before)),
        mb(after.saturating_sub(with_session)),
        after.saturating_sub(before) as f64 / text as f64
    );
    drop(harness);
    drop(empty);
}

/// The app at scale in a 1280x800 harness, warmed up with a group and a statement selected.
fn warm_harness() -> Harness<'static, App> {
    warm_harness_of(scale::scale_session(2_000, 20))
}

/// The app on `session`, warmed up as [`warm_harness`] says. Background work (the
/// near-duplicate index behind "Also reported as") lands when the thread is done, as in the
/// window, not while a frame waits; warming up waits for it once.
fn warm_harness_of(session: Session) -> Harness<'static, App> {
    // The session has no corrections, so its statements as found are the ones listed (read
    // in place: a corrected copy of all 40,000 would be the benchmark's own garbage).
    let chosen = session
        .statements
        .values()
        .find(|s| s.governments.iter().any(|g| g == "CHN"))
        .map(|s| s.id);
    let mut harness = support::harness_sized(App::new_for_test(session), egui::vec2(1280.0, 800.0));
    harness.step();
    harness
        .state_mut()
        .push(Action::SelectGroup(GroupKey::Government("CHN".to_owned())));
    harness.step();
    let chosen: Vec<StatementId> = chosen.into_iter().collect();
    harness.state_mut().push(Action::SelectStatements(chosen));
    for _ in 0..10 {
        harness.step();
    }
    harness.state_mut().set_waits_for_jobs(false);
    harness.state_mut().wait_for_jobs();
    harness.step();
    harness
}

/// One frame, nothing changed since the last (the common case while the user reads).
#[divan::bench(sample_count = 50)]
fn frame_with_selection(bencher: divan::Bencher) {
    let mut harness = warm_harness();
    bencher.bench_local(|| harness.step());
}

/// An edit (the selected statement reassigned, alternately to Japan and back to China)
/// and the frame after it: the frame that applies the edit, then the one that draws it.
#[divan::bench(sample_count = 50)]
fn reassign_and_draw(bencher: divan::Bencher) {
    let mut harness = warm_harness();
    let Some(statement) = harness.state().selected().first().copied() else {
        return;
    };
    let mut to_japan = true;
    bencher.bench_local(|| {
        let government = if to_japan { "JPN" } else { "CHN" };
        to_japan = !to_japan;
        harness.state_mut().push(Action::Correct {
            statement,
            correction: CorrectionKind::SetGovernments(vec![government.to_owned()]),
        });
        harness.step();
        harness.step();
    });
}

/// "Not a statement" on a statement, then undo, each with its next frame (four frames).
#[divan::bench(sample_count = 30)]
fn hide_undo_and_draw(bencher: divan::Bencher) {
    let mut harness = warm_harness();
    let Some(statement) = harness.state().selected().first().copied() else {
        return;
    };
    bencher.bench_local(|| {
        harness.state_mut().push(Action::Correct {
            statement,
            correction: CorrectionKind::NotAStatement,
        });
        harness.step();
        harness.step();
        harness.state_mut().push(Action::Undo);
        harness.step();
        harness.step();
    });
}

/// The frame after a reassignment alone: the edit is applied outside the timing (its own
/// frame), and only the next frame, which works the change out and draws it, is timed.
#[divan::bench(sample_count = 50)]
fn frame_after_reassign(bencher: divan::Bencher) {
    let harness = std::cell::RefCell::new(warm_harness());
    let Some(statement) = harness.borrow().state().selected().first().copied() else {
        return;
    };
    let to_japan = std::cell::Cell::new(true);
    bencher
        .with_inputs(|| {
            let government = if to_japan.get() { "JPN" } else { "CHN" };
            to_japan.set(!to_japan.get());
            let mut harness = harness.borrow_mut();
            harness.state_mut().push(Action::Correct {
                statement,
                correction: CorrectionKind::SetGovernments(vec![government.to_owned()]),
            });
            harness.step();
        })
        .bench_local_values(|()| harness.borrow_mut().step());
}

/// A keystroke in the search box and the frame that draws the filtered list (a letter,
/// then backspace, alternately; the list of 3,000+ statements is filtered again each time).
#[divan::bench(sample_count = 50)]
fn search_keystroke(bencher: divan::Bencher) {
    let mut harness = warm_harness();
    harness.get_by_label("Search").type_text("ka");
    harness.step();
    harness.step();
    let mut add = true;
    bencher.bench_local(|| {
        if add {
            harness.get_by_label("Search").type_text("l");
        } else {
            harness.key_press(egui::Key::Backspace);
        }
        add = !add;
        harness.step();
    });
}

/// A frame of an open comparison of two articles of 300 sentences each (rows computed).
#[divan::bench(sample_count = 50)]
fn comparison_of_300_sentences(bencher: divan::Bencher) {
    let mut session = Session::default();
    for (id, seed) in [(0, 7), (1, 7)] {
        let mut article = demarche::article::Article::from_text(
            ArticleId(id),
            scale::long_text(300, seed, u64::from(id)),
        );
        article.title = Some(format!("Long text {id}"));
        std::sync::Arc::make_mut(&mut session.articles).insert(ArticleId(id), article);
    }
    let mut harness = support::harness_sized(App::new_for_test(session), egui::vec2(1280.0, 800.0));
    harness.step();
    harness
        .state_mut()
        .push(Action::CompareArticles(ArticleId(0), ArticleId(1)));
    for _ in 0..10 {
        harness.step();
    }
    bencher.bench_local(|| harness.step());
}
