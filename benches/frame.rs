//! One frame of the main window at scale: 2,000 articles, 40,000 statements, a dozen
//! governments, a government and a statement selected, caches already built.
//! Run: `cargo bench --bench frame` (needs the default `gui` feature).

#[path = "support/scale.rs"]
mod scale;
#[path = "../tests/support/mod.rs"]
mod support;

use demarche::app::{Action, App};
use demarche::session::GroupKey;
use demarche::statement::StatementId;
use egui_kittest::Harness;

fn main() {
    divan::main();
}

/// The app at scale in a 1280x800 harness, warmed up with a group and a statement selected.
fn warm_harness() -> Harness<'static, App> {
    let session = scale::scale_session(2_000, 20);
    let chosen = session
        .effective_statements()
        .into_iter()
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
    harness
}

/// One frame, nothing changed since the last (the common case while the user reads).
#[divan::bench(sample_count = 50)]
fn frame_with_selection(bencher: divan::Bencher) {
    let mut harness = warm_harness();
    bencher.bench_local(|| harness.step());
}
