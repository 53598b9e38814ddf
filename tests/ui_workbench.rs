//! The workbench (kittest): comparisons as tabs, comparing whole articles, the reader,
//! keyboard-only work, panels and small windows, and the view coming back with a session.
//! No window, no GPU, no dialog.
#![cfg(feature = "gui")]

mod support;

use std::path::{Path, PathBuf};

use support::{article, harness_sized, id, push_and_run, statement};

use demarche::app::{Action, App, PanelKind, Tab};
use demarche::article::ArticleId;
use demarche::session::{Compared, Edit, GroupKey, ImportedArticle, Session};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const HARBOUR: &str = "Ferry talks resume in Norland\n\n\
Harbour Minister Aino Varg said: \"The northern channel stays open to every ferry.\"\n\n\
\"We will inspect the eastern piers before the winter season begins,\" Varg told reporters.\n";

const COAST: &str = "Coastland answers Norland\n\n\
Coast Secretary Bram Ostrow said: \"The northern channel stays open to every licensed ferry.\"\n";

/// A long report: 60 paragraphs, the statement in the 57th.
fn long_report() -> String {
    let mut text = String::from("A long week on the water\n\n");
    for n in 0..55 {
        text.push_str(&format!(
            "Paragraph {n} tells of tides, nets and the slow boats that come in at dusk, \
             and of the harbour lights that the keepers trim each night.\n\n"
        ));
    }
    text.push_str(
        "\"Every pier will reopen by the spring tide,\" said Harbour Minister Aino Varg on the last day.\n\n",
    );
    text.push_str("The keepers went home.\n");
    text
}

/// Norland (NRL is not a registry code, so the tests use two real codes for the two sides).
fn test_session() -> Session {
    let report = long_report();
    let mut session = Session::default();
    session
        .apply(Edit::AddArticles(vec![
            ImportedArticle {
                statements: vec![
                    statement(
                        0,
                        0,
                        HARBOUR,
                        "The northern channel stays open to every ferry.",
                        "Aino Varg",
                        "NOR",
                    ),
                    statement(
                        0,
                        1,
                        HARBOUR,
                        "We will inspect the eastern piers before the winter season begins,",
                        "Aino Varg",
                        "NOR",
                    ),
                ],
                article: article(
                    0,
                    "Ferry talks resume",
                    "Harbour Wire",
                    "2031-05-02",
                    HARBOUR,
                ),
            },
            ImportedArticle {
                statements: vec![statement(
                    1,
                    0,
                    COAST,
                    "The northern channel stays open to every licensed ferry.",
                    "Bram Ostrow",
                    "SWE",
                )],
                article: article(1, "Coastland answers", "Coast Ledger", "2031-05-03", COAST),
            },
            ImportedArticle {
                statements: vec![statement(
                    2,
                    0,
                    &report,
                    "Every pier will reopen by the spring tide,",
                    "Aino Varg",
                    "NOR",
                )],
                article: article(
                    2,
                    "A long week on the water",
                    "Harbour Wire",
                    "2031-05-09",
                    &report,
                ),
            },
        ]))
        .expect("articles added");
    session.selection.group = Some(GroupKey::Government("NOR".to_owned()));
    session
}

/// The widget labelled `label` that is a button (not a heading or a cell with the same text).
fn button<'a>(harness: &'a Harness<'static, App>, label: &'a str) -> egui_kittest::Node<'a> {
    harness
        .get_all_by_label(label)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .unwrap_or_else(|| panic!("a button {label}"))
}

fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, egui::vec2(1280.0, 800.0))
}

/// Presses Tab until the widget labelled `label` has keyboard focus.
fn tab_to(harness: &mut Harness<'static, App>, label: &str) {
    for _ in 0..60 {
        if harness
            .query_by_label(label)
            .is_some_and(|node| node.is_focused())
        {
            return;
        }
        harness.key_press(Key::Tab);
        harness.run();
    }
    panic!("Tab never reached {label}");
}

/// A primary click at `pos` (the reader maps the pointer to a word).
fn click_at(harness: &mut Harness<'static, App>, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
}

#[test]
fn a_comparison_from_the_keyboard_alone() {
    let mut session = test_session();
    session.selection.group = None;
    let mut harness = harness(App::new_for_test(session));
    harness.run();
    // The library's first government, then the list, by Tab in reading order.
    tab_to(&mut harness, "Norway");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().session().selection.group,
        Some(GroupKey::Government("NOR".to_owned()))
    );
    tab_to(&mut harness, "Search");
    tab_to(&mut harness, "Statement list");
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 0)]);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 0), id(0, 1)]);
    // Ctrl+Down moves without selecting; Ctrl+Space takes the row out and puts it back.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().cursor(), Some(id(0, 0)));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Space);
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 1)]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Space);
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 1), id(0, 0)]);
    harness.key_press(Key::Enter);
    harness.run();
    let app = harness.state();
    assert_eq!(app.tab(), Tab::Compare, "Enter compares");
    let spec = &app.session().comparisons[0];
    assert_eq!((spec.left, spec.right), (id(0, 1), id(0, 0)));
    harness.key_press(Key::F7);
    harness.run();
    assert_eq!(harness.state().change_row(), Some(0), "F7 goes to a change");
    // Ctrl+A selects every statement listed.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Statements);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    assert_eq!(harness.state().selected().len(), 3);
}

#[test]
fn tab_moves_left_to_right_through_the_toolbar_then_down_to_the_list() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    tab_to(&mut harness, "Search");
    let focused_rect = |h: &Harness<'static, App>| {
        h.ctx
            .memory(|m| m.focused())
            .and_then(|id| h.ctx.read_response(id))
            .map(|r| r.rect)
            .expect("something has focus")
    };
    let mut previous = focused_rect(&harness);
    for _ in 0..8 {
        harness.key_press(Key::Tab);
        harness.run();
        if harness
            .query_by_label("Statement list")
            .is_some_and(|n| n.is_focused())
        {
            assert!(focused_rect(&harness).top() > previous.bottom() - 1.0);
            return;
        }
        let rect = focused_rect(&harness);
        assert!(
            rect.left() > previous.left() && (rect.center().y - previous.center().y).abs() < 8.0,
            "left to right along the toolbar: {rect:?} after {previous:?}"
        );
        previous = rect;
    }
    panic!("Tab never reached the list");
}

#[test]
fn two_articles_are_compared_from_the_library() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    button(&harness, "Ferry talks resume").click();
    harness.run();
    button(&harness, "Coastland answers").click_modifiers(Modifiers::COMMAND);
    harness.run();
    assert_eq!(
        harness.state().selected_articles(),
        [ArticleId(0), ArticleId(1)]
    );
    harness.key_press(Key::Enter);
    harness.run();
    let app = harness.state();
    assert_eq!(app.tab(), Tab::Compare);
    let spec = &app.session().comparisons[0];
    assert_eq!(spec.compared, Compared::Articles);
    assert_eq!(
        (spec.left.article, spec.right.article),
        (ArticleId(0), ArticleId(1))
    );
    assert!(
        harness
            .query_by_label_contains("A: Ferry talks resume")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("B: Coastland answers")
            .is_some()
    );
    assert!(
        harness.query_by_label_contains("% similar").is_some(),
        "the texts' sentences are aligned"
    );

    // The article's menu does the same from a right click.
    push_and_run(&mut harness, Action::ShowStatements);
    push_and_run(&mut harness, Action::SelectArticles(vec![ArticleId(2)]));
    button(&harness, "Ferry talks resume").click_secondary();
    harness.run();
    harness
        .get_by_label("Compare with the picked article")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.session().comparisons.len(), 2);
    assert_eq!(app.session().selection.comparison, Some(1));
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ui")
        .join(name)
}

#[test]
fn two_files_from_disk_are_imported_and_compared() {
    let mut harness = harness(App::new_for_test(Session::default()));
    harness.run();
    harness.state_mut().push(Action::CompareFiles(
        fixture("beijing_briefing.txt"),
        fixture("tokyo_briefing.txt"),
    ));
    harness.step();
    harness.state_mut().wait_for_imports();
    harness.run();
    let app = harness.state();
    assert_eq!(app.session().articles.len(), 2);
    assert_eq!(app.tab(), Tab::Compare);
    let spec = &app.session().comparisons[0];
    assert_eq!(spec.compared, Compared::Articles);
    assert_ne!(spec.left.article, spec.right.article);
}

#[test]
fn comparison_tabs_switch_rename_close_and_come_back_with_the_session() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::CompareStatements(id(0, 0), id(1, 0)));
    push_and_run(
        &mut harness,
        Action::CompareArticles(ArticleId(0), ArticleId(2)),
    );
    assert_eq!(harness.state().session().comparisons.len(), 2);
    assert!(
        harness.query_by_label("Aino Varg / Bram Ostrow").is_some(),
        "a tab per comparison"
    );
    assert!(
        harness
            .query_by_label("Ferry talks resume / A long week on the water")
            .is_some()
    );

    // Ctrl+PageDown cycles: statements, first comparison, second.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Statements);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::PageDown);
    harness.run();
    assert_eq!(harness.state().session().selection.comparison, Some(0));
    assert_eq!(harness.state().tab(), Tab::Compare);

    // F2 renames the comparison on screen.
    harness.key_press(Key::F2);
    harness.run();
    let field = harness.get_by_label("Comparison name");
    field.type_text(" (channel)");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().session().comparisons[0].name.as_deref(),
        Some("Aino Varg / Bram Ostrow (channel)")
    );
    assert!(
        harness
            .query_by_label("Aino Varg / Bram Ostrow (channel)")
            .is_some()
    );

    // The search text and the tab in front are kept with the session.
    push_and_run(&mut harness, Action::ShowStatements);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness.get_by_label("Search").type_text("winter");
    harness.run();
    assert_eq!(harness.state().session().selection.view.search, "winter");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tabs.ron");
    push_and_run(&mut harness, Action::SaveSessionAs(path.clone()));
    let mut reopened = self::harness(App::new_for_test(Session::default()));
    push_and_run(&mut reopened, Action::OpenSession(path));
    let app = reopened.state();
    assert_eq!(app.session().comparisons.len(), 2);
    assert_eq!(app.comparison_title(0), "Aino Varg / Bram Ostrow (channel)");
    assert_eq!(app.tab(), Tab::Statements, "the list was in front");
    assert_eq!(
        reopened.get_by_label("Search").value().as_deref(),
        Some("winter")
    );
    assert!(
        reopened
            .query_by_label_contains("We will inspect the eastern piers")
            .is_some()
    );
    assert!(
        reopened
            .query_by_label_contains("The northern channel stays open")
            .is_none(),
        "the search still filters"
    );

    // Ctrl+W closes the comparison on screen; undo brings it back.
    push_and_run(&mut reopened, Action::ShowComparison(1));
    reopened.key_press_modifiers(Modifiers::COMMAND, Key::W);
    reopened.run();
    assert_eq!(reopened.state().session().comparisons.len(), 1);
    push_and_run(&mut reopened, Action::Undo);
    assert_eq!(reopened.state().session().comparisons.len(), 2);
}

/// Where the reader draws the paragraph holding `text` whose words start with `opening`.
fn reader_paragraph(harness: &Harness<'static, App>, text: &str, opening: &str) -> egui::Rect {
    harness
        .get_all_by_label_contains(text)
        .find(|n| {
            n.accesskit_node()
                .label()
                .or_else(|| n.accesskit_node().value())
                .is_some_and(|l| l.starts_with(opening))
        })
        .expect("the paragraph in the reader")
        .rect()
}

#[test]
fn the_reader_scrolls_to_the_selected_statement_and_a_click_selects_another() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(2, 0)]));
    let (in_view, holding) = harness.state().reader_in_view();
    let holding = holding.expect("the statement's paragraph");
    assert!(holding > 50, "far down the article: paragraph {holding}");
    assert!(in_view.contains(&holding), "{in_view:?} holds {holding}");
    assert!(
        !in_view.contains(&1),
        "only the paragraphs in view are laid out: {in_view:?}"
    );
    let rect = reader_paragraph(&harness, "Every pier will reopen by the spring tide", "\"");
    assert!(
        rect.top() >= 0.0 && rect.bottom() <= 800.0,
        "on screen: {rect:?}"
    );

    // Another statement: the reader moves to its article and paragraph.
    push_and_run(&mut harness, Action::SelectStatements(vec![id(0, 1)]));
    let (in_view, holding) = harness.state().reader_in_view();
    assert!(in_view.contains(&holding.expect("a paragraph")));

    // A click on the other statement lit up in the reader selects it.
    let other = reader_paragraph(
        &harness,
        "The northern channel stays open to every ferry.",
        "Harbour Minister",
    );
    click_at(&mut harness, other.left_top() + egui::vec2(330.0, 6.0));
    assert_eq!(harness.state().selected(), [id(0, 0)]);
}

#[test]
fn markdown_and_front_matter_read_as_text_in_the_reader() {
    let text = "---\ntitle: \"Pier report\"\nsource_url: https://example.org/pier\n---\n\n\
## 3. Piers reopen\n\n**Source:** Harbour Wire  \n\n\
The minister said the *eastern* piers\nwould reopen, as [the notice](https://example.org/n) said.\n";
    let mut session = Session::default();
    let mut doc = article(0, "Pier report", "Harbour Wire", "2031-06-01", text);
    doc.provenance.format = demarche::article::SourceFormat::Markdown;
    session
        .apply(Edit::AddArticles(vec![ImportedArticle {
            statements: vec![statement(
                0,
                0,
                text,
                "the *eastern* piers",
                "Aino Varg",
                "NOR",
            )],
            article: doc,
        }]))
        .expect("added");
    let mut harness = harness(App::new_for_test(session));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(0, 0)]));
    assert!(
        harness.query_by_label("3. Piers reopen").is_some(),
        "heading without ##"
    );
    assert!(
        harness
            .query_by_label_contains(
                "The minister said the eastern piers would reopen, as the notice said."
            )
            .is_some(),
        "marks dropped, lines joined, link as its text"
    );
    assert!(
        harness.query_by_label_contains("---").is_none(),
        "no front matter in the text"
    );
    assert!(
        harness.query_by_label("Details").is_some(),
        "front matter as metadata"
    );
}

#[test]
fn a_small_window_keeps_every_panel_reachable() {
    let mut harness = harness_sized(App::new_for_test(test_session()), egui::vec2(1024.0, 640.0));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(0, 0)]));
    // The table keeps a Government column and a readable Words column.
    let words = harness.get_by_label("Words").rect();
    let government = harness.get_by_label("Government").rect();
    let inspector = harness.get_by_label("Statement").rect();
    assert!(government.left() < words.left());
    assert!(
        inspector.left() - words.left() >= 150.0,
        "Words keeps {} points",
        inspector.left() - words.left()
    );
    // The inspector scrolls to its last tools.
    harness.get_by_label("Correct").click();
    harness.run();
    harness.get_by_label("Add a statement").click();
    harness.run();
    let add = harness.get_by_label("Add as statement");
    assert!(
        add.rect().bottom() > 640.0,
        "below the fold at first: {:?}",
        add.rect()
    );
    add.scroll_to_me();
    harness.run();
    let add = harness.get_by_label("Add as statement").rect();
    assert!(
        add.bottom() <= 640.0 && add.top() >= 0.0,
        "scrolled into view: {add:?}"
    );
    // The reader shows the statement's paragraph under the list.
    assert!(
        harness
            .query_by_label_contains("Harbour Minister Aino Varg said")
            .is_some()
    );

    // Each panel hides and comes back from the keyboard.
    for (key, panel, label) in [
        (Key::Num1, PanelKind::Library, "Governments"),
        (Key::Num2, PanelKind::Inspector, "Reassign to"),
        (
            Key::Num3,
            PanelKind::Reader,
            "Harbour Minister Aino Varg said",
        ),
    ] {
        harness.key_press_modifiers(Modifiers::COMMAND, key);
        harness.run();
        assert!(!harness.state().panels().shown(panel));
        assert!(
            harness.query_by_label_contains(label).is_none(),
            "{label} hidden"
        );
        harness.key_press_modifiers(Modifiers::COMMAND, key);
        harness.run();
        assert!(
            harness.query_by_label_contains(label).is_some(),
            "{label} back"
        );
    }
}

#[test]
fn the_same_notice_twice_is_counted_not_repeated() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(0, 0)]));
    for _ in 0..3 {
        push_and_run(&mut harness, Action::CompareSelected);
    }
    let notices = harness.state().notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].times, 3);
    assert!(harness.query_by_label_contains("(3 times)").is_some());
}

#[test]
fn the_inspector_words_evidence_plainly() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(0, 0)]));
    assert!(
        harness
            .query_by_label("a quotation after who said it")
            .is_some()
    );
    assert!(harness.query_by_label_contains("quote+cue").is_none());
}

#[test]
fn the_row_menu_compares_the_two_selected_statements() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    harness
        .get_by_label("The northern channel stays open to every ferry.")
        .click();
    harness.run();
    harness
        .get_by_label("We will inspect the eastern piers before the winter season begins,")
        .click_modifiers(Modifiers::COMMAND);
    harness.run();
    assert_eq!(harness.state().selected(), [id(0, 0), id(0, 1)]);
    harness
        .get_by_label("We will inspect the eastern piers before the winter season begins,")
        .click_secondary();
    harness.run();
    harness
        .get_by_label("Compare the two selected statements")
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.tab(), Tab::Compare);
    let spec = &app.session().comparisons[0];
    assert_eq!((spec.left, spec.right), (id(0, 0), id(0, 1)));
}
