//! UI flows driven through egui_kittest: widgets found by label, clicked, and the app's
//! state checked. No window, no GPU, no file dialog (tests send path actions).
#![cfg(feature = "gui")]

mod support;

use support::{article, id, push_and_run, statement};

use std::path::{Path, PathBuf};
use std::sync::Arc;

use demarche::app::{Action, App, Level, Tab, UnsavedChoice};
use demarche::article::Article;
use demarche::session::{Edit, GroupKey, ImportedArticle, Session};
use demarche::statement::{Statement, StatementKind};
use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const BEIJING: &str = "Beijing rejects Tokyo's claim\n\n\
Chinese Foreign Ministry spokesperson Zhao Lijian said: \"The Diaoyu Islands are an inherent part of China's territory.\"\n\n\
\"China firmly opposes any unilateral action by Japan,\" Zhao told reporters.\n";

const TOKYO: &str = "Tokyo restates its position\n\n\
Chief Cabinet Secretary Kenji Mori said: \"The Senkaku Islands are clearly an inherent part of Japan's territory.\"\n";

/// Two articles, two Chinese statements and one Japanese, built by hand.
fn test_session() -> Session {
    let beijing = article(
        0,
        "Beijing rejects Tokyo's claim",
        "Test Wire",
        "2031-03-03",
        BEIJING,
    );
    let tokyo = article(
        1,
        "Tokyo restates its position",
        "Test Wire",
        "2031-03-04",
        TOKYO,
    );
    let mut session = Session::default();
    session
        .apply(Edit::AddArticles(vec![
            ImportedArticle {
                statements: vec![
                    statement(
                        0,
                        0,
                        BEIJING,
                        "The Diaoyu Islands are an inherent part of China's territory.",
                        "Zhao Lijian",
                        "CHN",
                    ),
                    Statement {
                        kind: StatementKind::Partial,
                        ..statement(
                            0,
                            1,
                            BEIJING,
                            "China firmly opposes any unilateral action by Japan,",
                            "Zhao Lijian",
                            "CHN",
                        )
                    },
                ],
                article: beijing,
            },
            ImportedArticle {
                statements: vec![statement(
                    1,
                    0,
                    TOKYO,
                    "The Senkaku Islands are clearly an inherent part of Japan's territory.",
                    "Kenji Mori",
                    "JPN",
                )],
                article: tokyo,
            },
        ]))
        .expect("articles added");
    session
}

/// Similarity figures and one-sided marks in the compare view's gutter.
fn gutter_marks(harness: &Harness<'static, App>) -> usize {
    harness.query_all_by_label_contains("% similar").count()
        + harness.query_all_by_label("A only").count()
        + harness.query_all_by_label("B only").count()
}

/// Opens articles and waits for the background import (which repaints while it runs).
fn import_and_run(harness: &mut Harness<'static, App>, paths: Vec<PathBuf>) {
    harness.state_mut().push(Action::OpenArticles(paths));
    harness.step();
    harness.state_mut().wait_for_imports();
    harness.run();
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ui")
        .join(name)
}

/// Picks China, selects its two statements (click, then Ctrl+click) and compares them.
fn pick_and_compare(harness: &mut Harness<'static, App>) {
    harness.get_by_label("China").click();
    harness.run();
    assert_eq!(
        harness.state().session().selection.group,
        Some(GroupKey::Government("CHN".to_owned()))
    );
    harness
        .get_by_label("The Diaoyu Islands are an inherent part of China's territory.")
        .click();
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 0)]);
    harness
        .get_by_label("China firmly opposes any unilateral action by Japan,")
        .click_modifiers(Modifiers::COMMAND);
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 0), id(0, 1)]);
    harness.get_by_label("Compare selected").click();
    harness.run();
}

#[test]
fn compare_two_statements_then_save_and_reopen_the_same_state() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    pick_and_compare(&mut harness);

    let app = harness.state();
    assert_eq!(app.tab(), Tab::Compare);
    assert_eq!(app.session().comparisons.len(), 1);
    assert!(app.is_dirty(), "opening a comparison is an edit");
    assert!(gutter_marks(&harness) >= 1, "the gutter shows a similarity");
    assert!(
        harness.query_by_label_contains("only in A").is_some(),
        "the header counts the changes"
    );
    assert!(
        harness
            .query_all_by_label_contains("The Diaoyu Islands are an inherent part")
            .count()
            >= 1
    );
    assert!(
        harness
            .query_all_by_label_contains("China firmly opposes any unilateral action")
            .count()
            >= 1
    );

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("islands.ron");
    push_and_run(&mut harness, Action::SaveSessionAs(path.clone()));
    assert!(!harness.state().is_dirty());
    assert!(harness.state().title().contains("islands"));
    assert!(!harness.state().title().contains('•'));
    let saved = harness.state().session().clone();

    let mut reopened = self::harness(App::new_for_test(Session::default()));
    push_and_run(&mut reopened, Action::OpenSession(path.clone()));
    let app = reopened.state();
    assert_eq!(app.session_path(), Some(path.as_path()));
    assert_eq!(app.session(), &saved);
    assert_eq!(app.selected(), [id(0, 0), id(0, 1)]);
    assert_eq!(app.session().selection.comparison, Some(0));
    assert_eq!(app.tab(), Tab::Compare);
    assert!(gutter_marks(&reopened) >= 1);
}

#[test]
fn compare_view_marks_words_that_differ_between_governments() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(
        &mut harness,
        Action::SelectGroup(GroupKey::Government("CHN".to_owned())),
    );
    push_and_run(
        &mut harness,
        Action::SelectStatements(vec![id(0, 0), id(1, 0)]),
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Compare, "Enter compares");
    assert!(harness.query_by_label_contains("only in A").is_some());
    assert!(
        harness
            .query_by_label("The two texts read the same.")
            .is_none()
    );
    assert!(harness.query_by_label_contains("% similar").is_some());
    assert_eq!(harness.state().change_row(), None);
    harness.key_press(egui::Key::F7);
    harness.run();
    assert_eq!(
        harness.state().change_row(),
        Some(0),
        "F7 goes to the first change"
    );
    harness.key_press_modifiers(Modifiers::SHIFT, egui::Key::F7);
    harness.run();
    assert!(
        harness.state().change_row().is_some(),
        "Shift+F7 wraps around"
    );
    assert!(harness.query_by_label_contains("A: Zhao Lijian").is_some());
    assert!(harness.query_by_label_contains("B: Kenji Mori").is_some());
    assert!(harness.query_all_by_label_contains("Japan (JPN)").count() >= 1);
}

#[test]
fn undo_and_redo_a_comparison() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    pick_and_compare(&mut harness);
    assert_eq!(harness.state().session().comparisons.len(), 1);

    push_and_run(&mut harness, Action::Undo);
    assert!(harness.state().session().comparisons.is_empty());
    assert_eq!(harness.state().tab(), Tab::Statements);

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().session().comparisons.len(),
        1,
        "Ctrl+Shift+Z redoes"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(
        harness.state().session().comparisons.is_empty(),
        "Ctrl+Z undoes"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(
        harness.state().session().comparisons.len(),
        1,
        "Ctrl+Y redoes"
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(
        &mut harness,
        Action::SetNote(id(0, 0), Some("check the transcript".into())),
    );
    assert!(harness.state().is_dirty());
    assert!(harness.state().title().ends_with('•'));

    request_close(&mut harness);
    assert!(harness.state().is_prompting_unsaved());
    assert!(!harness.state().is_closing());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!harness.state().is_prompting_unsaved());
    assert!(
        !harness.state().is_closing(),
        "Cancel keeps the window open"
    );
    assert!(harness.state().is_dirty());

    request_close(&mut harness);
    harness.get_by_label("Don't Save").click();
    harness.run();
    assert!(harness.state().is_closing(), "Don't Save closes");
}

#[test]
fn quitting_with_save_writes_the_session_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("work.ron");
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::SaveSessionAs(path.clone()));
    push_and_run(
        &mut harness,
        Action::SetNote(id(1, 0), Some("compare with MOFA".into())),
    );
    push_and_run(&mut harness, Action::Quit);
    assert!(harness.state().is_prompting_unsaved());
    push_and_run(&mut harness, Action::Unsaved(UnsavedChoice::Save));
    assert!(harness.state().is_closing());
    let saved = demarche::session::load_session(&path).expect("saved session");
    assert_eq!(
        saved.notes.get(&id(1, 0)).map(String::as_str),
        Some("compare with MOFA")
    );
}

fn request_close(harness: &mut Harness<'static, App>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
}

#[test]
fn a_malformed_session_leaves_the_open_session_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(version: 1, session: (articles: {, oops))").expect("write");
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    let before = harness.state().session().clone();
    push_and_run(&mut harness, Action::OpenSession(bad));
    assert_eq!(harness.state().session(), &before);
    let notice = harness.state().notices().last().expect("a notice");
    assert_eq!(notice.level, Level::Error);
    assert!(notice.text.contains("line 1"), "{}", notice.text);
    assert!(notice.text.contains("bad.ron"), "{}", notice.text);
    assert!(
        harness
            .query_by_label_contains("could not read session")
            .is_some()
    );
}

#[test]
fn a_newer_session_is_refused_with_a_clear_notice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let newer = dir.path().join("future.ron");
    std::fs::write(&newer, "(version: 99, session: ())").expect("write");
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    let before = harness.state().session().clone();
    push_and_run(&mut harness, Action::OpenSession(newer));
    assert_eq!(harness.state().session(), &before);
    let notice = harness.state().notices().last().expect("a notice");
    assert!(notice.text.contains("newer"), "{}", notice.text);
}

#[test]
fn opening_articles_imports_them_and_reports_failures_and_duplicates() {
    let mut harness = harness(App::new_for_test(Session::default()));
    harness.run();
    let missing = fixture("no_such_article.txt");
    import_and_run(
        &mut harness,
        vec![
            fixture("beijing_briefing.txt"),
            missing.clone(),
            fixture("tokyo_briefing.txt"),
        ],
    );
    let app = harness.state();
    assert_eq!(app.session().articles.len(), 2, "the others still import");
    assert!(app.is_dirty());
    assert!(
        app.notices()
            .iter()
            .any(|n| n.level == Level::Error && n.text.contains("no_such_article.txt")),
        "{:?}",
        app.notices()
    );

    import_and_run(&mut harness, vec![fixture("tokyo_briefing.txt")]);
    let app = harness.state();
    assert_eq!(
        app.session().articles.len(),
        2,
        "a file already open is skipped"
    );
    assert!(
        app.notices()
            .iter()
            .any(|n| n.level == Level::Warning && n.text.contains("already open")),
        "{:?}",
        app.notices()
    );

    push_and_run(&mut harness, Action::Undo);
    assert!(
        harness.state().session().articles.is_empty(),
        "an import is undoable"
    );
}

#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|err| err.to_string())
    }
}

#[test]
fn files_dropped_on_the_window_are_imported() {
    let mut harness = harness(App::new_for_test(Session::default()));
    harness.run();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(fixture("beijing_briefing.txt"))));
    harness.step();
    harness.step();
    harness.state_mut().wait_for_imports();
    harness.run();
    assert_eq!(harness.state().session().articles.len(), 1);
    let name = harness
        .state()
        .session()
        .articles
        .values()
        .next()
        .map(Article::display_name)
        .expect("an article");
    assert!(
        harness.query_all_by_label(&name).count() >= 1,
        "the library lists the article as {name}"
    );
}

#[test]
fn arrow_keys_move_the_selection_through_the_list() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    harness.get_by_label("China").click();
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 0)]);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 1)]);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 1)], "stops at the end");
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 0)]);
}

#[test]
fn search_filters_the_statement_list() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    harness.get_by_label("China").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("The Diaoyu Islands are an inherent")
            .is_some()
    );
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_label("Search").type_text("firmly");
    harness.run();
    assert!(
        harness
            .query_by_label_contains("China firmly opposes any unilateral")
            .is_some()
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("The Diaoyu Islands are an inherent")
            .count(),
        0,
        "the other statement is filtered out"
    );
}

#[test]
fn selecting_a_statement_shows_its_details_and_article() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    harness.get_by_label("Japan").click();
    harness.run();
    harness
        .get_by_label_contains("The Senkaku Islands are clearly")
        .click();
    harness.run();
    assert_eq!(harness.state().selected(), [id(1, 0)]);
    assert!(
        harness.query_all_by_label("Kenji Mori").count() >= 2,
        "list and inspector"
    );
    assert!(harness.query_by_label_contains("Japan (JPN)").is_some());
    assert!(harness.query_by_label("90%").is_some(), "confidence shown");
    assert!(
        harness
            .query_by_label_contains("Chief Cabinet Secretary Kenji Mori said")
            .is_some(),
        "the article reader shows the paragraph"
    );
}

#[test]
fn the_demo_opens_with_its_largest_group_chosen() {
    let mut harness = harness(App::new_for_test_startup(demarche::app::Startup::Demo));
    harness.run();
    let app = harness.state();
    assert!(!app.session().articles.is_empty());
    assert!(!app.is_dirty(), "the demo is not an unsaved change");
    let Some(GroupKey::Government(iso3)) = app.session().selection.group.clone() else {
        panic!(
            "a government is chosen: {:?}",
            app.session().selection.group
        );
    };
    let name = demarche::governments::Governments::bundled()
        .get(&iso3)
        .map(|g| g.name.clone())
        .expect("a known government");
    assert!(harness.query_all_by_label(&name).count() >= 1);
    assert!(
        harness.query_by_label("Speaker").is_some(),
        "the list header"
    );
}

#[test]
fn starting_with_a_session_file_opens_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("start.ron");
    demarche::session::save_session(&test_session(), &path).expect("saved");
    let mut harness = harness(App::new_for_test_startup(demarche::app::Startup::Session(
        path.clone(),
    )));
    harness.run();
    assert_eq!(harness.state().session_path(), Some(path.as_path()));
    assert_eq!(harness.state().session().articles.len(), 2);
    assert!(harness.state().title().starts_with("Demarche - start"));
}

#[test]
fn reassigning_and_hiding_statements_are_undoable_corrections() {
    use demarche::session::CorrectionKind;
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(
        &mut harness,
        Action::Correct {
            statement: id(1, 0),
            correction: CorrectionKind::SetGovernments(vec!["CHN".to_owned()]),
        },
    );
    let chinese = |app: &App| {
        app.session()
            .effective_statements()
            .iter()
            .filter(|s| s.governments == ["CHN"])
            .count()
    };
    assert_eq!(chinese(harness.state()), 3, "reassigned to China");
    assert!(
        harness.query_by_label("Japan").is_none(),
        "Japan has no statement left"
    );
    push_and_run(&mut harness, Action::Undo);
    assert_eq!(chinese(harness.state()), 2);
    assert!(harness.query_by_label("Japan").is_some());

    harness.get_by_label("China").click();
    harness.run();
    harness
        .get_by_label("China firmly opposes any unilateral action by Japan,")
        .click();
    harness.run();
    harness.get_by_label("Not a statement").click();
    harness.run();
    assert!(harness.state().selected().is_empty());
    assert_eq!(harness.state().session().effective_statements().len(), 2);
    assert!(
        harness
            .query_by_label("China firmly opposes any unilateral action by Japan,")
            .is_none()
    );
    push_and_run(&mut harness, Action::Undo);
    assert_eq!(harness.state().session().effective_statements().len(), 3);
}

#[test]
fn the_kind_filter_narrows_the_list() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    harness.get_by_label("China").click();
    harness.run();
    harness.get_by_label("Kind filter").click();
    harness.run();
    let option = harness
        .get_all_by_label("partial")
        .find(|node| node.accesskit_node().role() != egui::accesskit::Role::Label)
        .expect("the partial option in the open list");
    option.click();
    harness.run();
    assert!(
        harness
            .query_by_label("China firmly opposes any unilateral action by Japan,")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("The Diaoyu Islands are an inherent part of China's territory.")
            .is_none(),
        "direct statements are filtered out"
    );
}

#[test]
fn selecting_a_statement_does_not_move_the_rows_under_the_pointer() {
    // At some window widths a selection count in the toolbar made it wrap, so the rows
    // jumped down under the pointer between a click and a Ctrl+click.
    for width in (1000..1500).step_by(20) {
        let app = App::new_for_test(test_session());
        let mut harness = Harness::builder()
            .with_size(egui::vec2(width as f32, 700.0))
            .with_context_setup(|ctx| {
                if demarche::app::install_cjk_fallback(ctx).is_none() {
                    ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
                }
            })
            .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
        harness.run();
        harness.get_by_label("China").click();
        harness.run();
        let second = "China firmly opposes any unilateral action by Japan,";
        let before = harness.get_by_label(second).rect();
        harness
            .get_by_label("The Diaoyu Islands are an inherent part of China's territory.")
            .click();
        harness.run();
        assert_eq!(harness.get_by_label(second).rect(), before, "width {width}");
    }
}

#[test]
fn the_row_menu_compares_with_the_selected_statement() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    harness.get_by_label("China").click();
    harness.run();
    harness
        .get_by_label("The Diaoyu Islands are an inherent part of China's territory.")
        .click();
    harness.run();
    harness
        .get_by_label("China firmly opposes any unilateral action by Japan,")
        .click_secondary();
    harness.run();
    harness
        .get_by_label("Compare with the selected statement")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.tab(), Tab::Compare);
    let spec = app.session().comparisons.first().expect("a comparison");
    assert_eq!((spec.left, spec.right), (id(0, 0), id(0, 1)));
}

#[test]
fn the_window_title_names_the_demo_and_untitled_sessions() {
    let mut demo = harness(App::new_for_test_startup(demarche::app::Startup::Demo));
    demo.run();
    assert_eq!(demo.state().title(), "Demarche - Demo session");
    let mut untitled = harness(App::new_for_test(Session::default()));
    untitled.run();
    assert_eq!(untitled.state().title(), "Demarche - Untitled");
}

#[test]
fn notices_count_articles_and_statements_in_proper_words() {
    let mut harness = harness(App::new_for_test(Session::default()));
    harness.run();
    import_and_run(&mut harness, vec![fixture("beijing_briefing.txt")]);
    let imported = harness
        .state()
        .notices()
        .iter()
        .find(|n| n.text.starts_with("Imported"))
        .map(|n| n.text.clone())
        .expect("an import notice");
    assert!(
        imported.starts_with("Imported 1 article with "),
        "{imported}"
    );
    assert!(!imported.contains("(s)"), "{imported}");
    assert!(harness.query_by_label_contains("1 article ·").is_some());
}

#[test]
fn the_list_toolbar_stays_on_one_line() {
    // A wrapping toolbar pushed "Compare selected" onto a second line at 1280 px.
    for (width, full) in [(1280.0, true), (1000.0, false), (800.0, false)] {
        let app = App::new_for_test(test_session());
        let mut harness = Harness::builder()
            .with_size(egui::vec2(width, 800.0))
            .with_context_setup(|ctx| {
                if demarche::app::install_cjk_fallback(ctx).is_none() {
                    ctx.set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
                }
            })
            .build_ui_state(|ui, app: &mut App| app.frame_ui(ui), app);
        harness.run();
        harness.get_by_label("China").click();
        harness.run();
        let search = harness.get_by_label("Search").rect();
        let compare = harness.get_by_label("Compare selected").rect();
        let header = harness.get_by_label("Speaker").rect();
        assert!(
            (search.center().y - compare.center().y).abs() < 4.0,
            "width {width}: search {search:?}, compare {compare:?}"
        );
        assert!(
            header.top() - search.top() < 2.5 * search.height().max(compare.height()),
            "width {width}: the table starts right under one toolbar line ({header:?})"
        );
        if full {
            assert!(harness.query_by_label("Low confidence").is_some());
            assert!(harness.query_by_label("Kind filter").is_some());
        } else {
            assert!(
                harness.query_by_label("Low confidence").is_some()
                    || harness.query_by_label_contains("Filters").is_some(),
                "width {width}: the filters are reachable"
            );
        }
    }
}

fn harness(app: App) -> Harness<'static, App> {
    support::harness_sized(app, egui::vec2(1280.0, 800.0))
}
