//! The main window over a large synthetic session: it draws, lists only what is on screen,
//! and a statement can be selected. (Frame timing is in `benches/frame.rs`.)
#![cfg(feature = "gui")]

#[path = "../benches/support/scale.rs"]
mod scale;
mod support;

use demarche::app::{Action, App};
use demarche::session::GroupKey;
use egui_kittest::kittest::{NodeT, Queryable};

/// The app on `session` in a 1280x800 window, Japan's statements listed.
fn japan_listed(session: demarche::session::Session) -> egui_kittest::Harness<'static, App> {
    let mut harness = support::harness_sized(App::new_for_test(session), egui::vec2(1280.0, 800.0));
    harness.run();
    harness
        .state_mut()
        .push(Action::SelectGroup(GroupKey::Government("JPN".to_owned())));
    harness.run();
    harness
}

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
    let mut harness = japan_listed(session);
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

#[test]
fn the_list_s_scroll_position_comes_back_with_the_session() {
    let session = scale::scale_session(200, 20);
    let mut harness = japan_listed(session);
    // Far down the list by keyboard: Down once, then 150 rows at a time.
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    harness.state_mut().push(Action::MoveSelection(150));
    harness.run();
    let chosen = *harness.state().selected().first().expect("a statement");
    let text: String = {
        let session = harness.state().session();
        let statement = &session.statements[&chosen];
        statement
            .text(&session.articles[&chosen.article].text)
            .chars()
            .take(40)
            .collect()
    };
    // The row's Words cell starts with the statement (the reader's paragraph starts with
    // its speaker).
    let row_shown = |h: &egui_kittest::Harness<'static, App>| {
        h.query_all_by_label_contains(&text).any(|n| {
            n.accesskit_node()
                .label()
                .or_else(|| n.accesskit_node().value())
                .is_some_and(|l| l.starts_with(&text))
        })
    };
    assert!(row_shown(&harness), "scrolled to it");
    let scroll = harness.state().session().selection.view.list_scroll;
    assert!(scroll > 1000, "the list is scrolled: {scroll}");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scrolled.ron");
    harness
        .state_mut()
        .push(Action::SaveSessionAs(path.clone()));
    harness.run();
    let mut reopened = support::harness_sized(
        App::new_for_test(demarche::session::Session::default()),
        egui::vec2(1280.0, 800.0),
    );
    reopened.state_mut().push(Action::OpenSession(path));
    reopened.run();
    assert_eq!(
        reopened.state().session().selection.view.list_scroll,
        scroll
    );
    assert!(row_shown(&reopened), "the same rows are on screen again");
}
