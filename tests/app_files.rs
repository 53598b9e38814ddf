//! The app's file safety, driven through egui_kittest: unsaved work left behind is offered
//! back and restored, recovery data follows the edits, a damaged session is reported and
//! repaired, saving works without a file dialog, and articles never land in the demo.
//! (Killing the real app process is tested by scripts/recovery-test.sh.)
#![cfg(feature = "gui")]

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use demarche::app::{Action, App, Level, Startup};
use demarche::session::{Session, demo_session, load_session, save_session};
use demarche::text::Span;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use support::push_and_run;

fn harness(app: App) -> Harness<'static, App> {
    support::harness_sized(app, egui::vec2(1280.0, 800.0))
}

/// Leaves unsaved work in `root` as a Demarche that died would: a folder with the session,
/// what it is about, and a lock nobody holds.
fn leave_work_behind(root: &Path, session: &Session, saved_from: &str) -> PathBuf {
    let dir = root.join("1790000000000-4242");
    std::fs::create_dir_all(&dir).expect("dir");
    save_session(session, &dir.join("session.ron")).expect("session");
    std::fs::write(
        dir.join("about.ron"),
        format!("(session_path: Some(\"{saved_from}\"), saved_at: 1791802980)"),
    )
    .expect("about");
    std::fs::write(dir.join("lock"), "").expect("lock");
    dir
}

/// The user's work in `session`, without where the view was (tab, scroll, search), which
/// the app records as it draws.
fn work(session: &Session) -> Session {
    let mut work = session.clone();
    work.selection.view = Default::default();
    work
}

fn with_note(mut session: Session, note: &str) -> Session {
    let id = *session.statements.keys().next().expect("a statement");
    session.notes.insert(id, note.to_owned());
    session
}

#[test]
fn unsaved_work_left_behind_is_offered_with_its_time_and_size_and_restored() {
    let root = tempfile::tempdir().expect("dir");
    let lost = with_note(demo_session(), "check with the embassy");
    let dir = leave_work_behind(root.path(), &lost, "/archive/june.ron");
    let mut app = App::new_for_test(Session::default());
    app.use_recovery_folder(root.path().to_owned());
    let mut harness = harness(app);
    harness.run();
    assert!(harness.query_by_label("Restore unsaved work?").is_some());
    harness.get_by_label_contains("june.ron: last kept 2026-10-12 11:03 (UTC), ");
    assert!(
        harness.query_by_label_contains(" KB").is_some(),
        "the size is shown"
    );
    harness.get_by_label("Restore").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.session().notes, lost.notes);
    assert_eq!(app.session().articles, lost.articles);
    assert!(app.is_dirty(), "restored work is unsaved until saved");
    assert_eq!(app.session_path(), Some(Path::new("/archive/june.ron")));
    assert!(app.recovery_offers().is_empty());
    assert!(
        !dir.exists(),
        "the restored work is now this app's own recovery data"
    );
    assert!(harness.query_by_label("Restore unsaved work?").is_none());
}

#[test]
fn unsaved_work_left_behind_can_be_deleted_or_kept_for_later() {
    let root = tempfile::tempdir().expect("dir");
    let dir = leave_work_behind(root.path(), &demo_session(), "/archive/june.ron");
    let mut app = App::new_for_test(Session::default());
    app.use_recovery_folder(root.path().to_owned());
    let mut first = harness(app);
    first.run();
    first.get_by_label("Not now").click();
    first.run();
    assert!(first.state().recovery_offers().is_empty());
    assert!(dir.exists(), "kept for the next start");
    drop(first);
    let mut app = App::new_for_test(Session::default());
    app.use_recovery_folder(root.path().to_owned());
    let mut harness = harness(app);
    harness.run();
    harness.get_by_label("Delete").click();
    harness.run();
    assert!(!dir.exists());
    assert_eq!(work(harness.state().session()), Session::default());
}

/// Runs frames until `done` holds or `limit` passes.
fn run_until(harness: &mut Harness<'static, App>, limit: Duration, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() && start.elapsed() < limit {
        harness.step();
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn recovery_files(root: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("session.ron"))
        .filter(|p| p.exists())
        .collect()
}

#[test]
fn edits_are_kept_as_recovery_data_until_the_session_is_saved() {
    let root = tempfile::tempdir().expect("dir");
    let mut app = App::new_for_test(demo_session());
    app.use_recovery_folder(root.path().to_owned());
    let mut harness = harness(app);
    harness.run();
    let id = *harness
        .state()
        .session()
        .statements
        .keys()
        .next()
        .expect("s");
    push_and_run(
        &mut harness,
        Action::SetNote(id, Some("ask the ministry".into())),
    );
    run_until(&mut harness, Duration::from_secs(20), || {
        !recovery_files(root.path()).is_empty()
    });
    let files = recovery_files(root.path());
    assert_eq!(files.len(), 1, "written a second after the edit");
    let kept = load_session(&files[0]).expect("a sound session");
    assert_eq!(
        kept.notes.get(&id).map(String::as_str),
        Some("ask the ministry")
    );
    let saved = tempfile::tempdir().expect("dir");
    push_and_run(
        &mut harness,
        Action::SaveSessionAs(saved.path().join("s.ron")),
    );
    assert!(!harness.state().is_dirty());
    run_until(&mut harness, Duration::from_secs(20), || {
        recovery_files(root.path()).is_empty()
    });
    assert!(
        recovery_files(root.path()).is_empty(),
        "nothing unsaved, nothing kept"
    );
}

#[test]
fn without_a_file_dialog_save_asks_for_a_path_and_says_where_it_saved() {
    let dir = tempfile::tempdir().expect("dir");
    let target = dir.path().join("new folder").join("my work.ron");
    let mut app = App::new_for_test(demo_session());
    app.set_no_dialogs(true);
    let mut harness = harness(app);
    harness.run();
    push_and_run(&mut harness, Action::SaveSession);
    assert!(harness.state().is_prompting_save_path());
    let field = harness.get_by_role(egui::accesskit::Role::TextInput);
    let suggested = field.value().unwrap_or_default();
    assert!(
        suggested.ends_with(".ron") && suggested.contains("Demarche"),
        "a Demarche folder in the documents: {suggested}"
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text(&target.display().to_string());
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    assert!(!harness.state().is_prompting_save_path());
    assert_eq!(work(&load_session(&target).expect("saved")), demo_session());
    let said = &harness.state().notices().last().expect("a notice").text;
    assert!(said.contains(&target.display().to_string()), "{said}");
}

#[test]
fn opening_articles_from_the_demo_starts_an_untitled_session() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("note.txt");
    std::fs::write(
        &file,
        "Sample note\n\n\"We will not accept this,\" Minister Ana Ruiz said.\n",
    )
    .expect("write");
    let mut harness = harness(App::new_for_test_startup(Startup::Demo));
    harness.run();
    push_and_run(&mut harness, Action::OpenArticles(vec![file]));
    harness.state_mut().wait_for_imports();
    harness.run();
    let app = harness.state();
    assert_eq!(
        app.session().articles.len(),
        1,
        "the demo's articles stay out"
    );
    assert!(app.title().contains("Untitled"), "{}", app.title());
}

#[test]
fn a_session_with_a_paragraph_past_its_text_opens_repaired_and_reextracts() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("damaged.ron");
    let mut session = demo_session();
    let article = std::sync::Arc::make_mut(&mut session.articles)
        .values_mut()
        .next()
        .expect("article");
    let len = article.text.len();
    article.paragraphs.push(Span::new(len + 3, len + 900));
    save_session(&session, &path).expect("save");
    let mut harness = harness(App::new_for_test(Session::default()));
    harness.run();
    push_and_run(&mut harness, Action::OpenSession(path));
    assert_eq!(
        harness.state().session().articles.len(),
        session.articles.len()
    );
    let report = harness.state().load_report().expect("a report");
    assert!(report.repaired[0].contains("paragraph"), "{report:?}");
    assert!(harness.query_by_label("damaged.ron was checked").is_some());
    push_and_run(&mut harness, Action::Reextract);
    let app = harness.state();
    assert!(!app.session().statements.is_empty());
    assert!(
        app.notices().iter().all(|n| n.level != Level::Error),
        "{:?}",
        app.notices()
    );
}

#[test]
fn a_session_that_cannot_be_opened_leaves_the_open_one_as_it_was() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("zero.ron");
    std::fs::write(&path, "(version: 0, session: ())").expect("write");
    let mut harness = harness(App::new_for_test(demo_session()));
    harness.run();
    push_and_run(&mut harness, Action::OpenSession(path));
    assert_eq!(work(harness.state().session()), demo_session());
    let notice = harness.state().notices().last().expect("notice");
    assert_eq!(notice.level, Level::Error);
    assert!(!notice.text.contains("newer"), "{}", notice.text);
}
