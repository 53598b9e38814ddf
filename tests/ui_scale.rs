//! The main window over a large synthetic session: it draws, lists only what is on screen,
//! and a statement can be selected. (Frame timing is in `benches/frame.rs`.)
#![cfg(feature = "gui")]

#[path = "../benches/support/scale.rs"]
mod scale;
mod support;

use demarche::app::{Action, App};
use demarche::session::GroupKey;
use egui_kittest::kittest::Queryable;

#[test]
fn a_large_session_lists_a_government_and_selects_a_statement() {
    let session = scale::scale_session(200, 20);
    assert_eq!(session.effective_statements().len(), 4_000);
    let first = session
        .effective_statements()
        .into_iter()
        .find(|s| s.governments.iter().any(|g| g == "JPN"))
        .expect("a Japanese statement")
        .id;
    let mut harness = support::harness_sized(App::new_for_test(session), egui::vec2(1280.0, 800.0));
    harness.run();
    harness
        .state_mut()
        .push(Action::SelectGroup(GroupKey::Government("JPN".to_owned())));
    harness.run();
    harness
        .state_mut()
        .push(Action::SelectStatements(vec![first]));
    harness.run();
    assert_eq!(harness.state().selected(), [first]);
    // 200 articles in the library and hundreds of rows in the list: only those in view
    // are laid out.
    let rows = harness.query_all_by_label_contains("Report ").count();
    assert!(rows > 0, "rows are drawn");
    assert!(
        rows < 100,
        "only the rows on screen are laid out, not {rows}"
    );
    assert!(harness.query_by_label_contains("4000 statements").is_some());
}
