//! UI flows of the compare tools (kittest): the comparison computed on the "compare" thread,
//! compare options and notes, export, "Also reported as", two governments, formulation over
//! time and corrections in the inspector. Widgets are found by label; no window, no dialog.
#![cfg(feature = "gui")]

mod support;

use support::{article, id, push_and_run, statement};

use demarche::app::{Action, App, Tab};
use demarche::article::ArticleId;
use demarche::session::{Edit, GroupKey, ImportedArticle, Session};
use demarche::statement::{Origin, Statement, StatementId, StatementKind};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const BEIJING: &str = "Beijing rejects Tokyo's claim\n\n\
Chinese Foreign Ministry spokesperson Zhao Lijian said: \"The Diaoyu Islands are an inherent part of China's territory. We urge Japan to stop all provocations.\"\n\n\
\"China firmly opposes any unilateral action by Japan,\" Zhao told reporters.\n";

const TOKYO: &str = "Tokyo restates its position\n\n\
Chief Cabinet Secretary Kenji Mori said: \"The Senkaku Islands are clearly an inherent part of Japan's territory.\"\n";

const WIRE: &str = "China repeats its stance\n\n\
A ministry spokesperson said: \"The Diaoyu Islands are an inherent and sacred part of China's territory. We urge Japan to stop all provocations.\"\n";

/// Three articles: two Chinese statements, a Japanese one, and a later Chinese repeat of the
/// first in another outlet.
fn test_session() -> Session {
    let mut session = Session::default();
    session
        .apply(Edit::AddArticles(vec![
            ImportedArticle {
                statements: vec![
                    statement(0, 0, BEIJING, "The Diaoyu Islands are an inherent part of China's territory. We urge Japan to stop all provocations.", "Zhao Lijian", "CHN"),
                    Statement {
                        confidence: 0.4,
                        ..statement(0, 1, BEIJING, "China firmly opposes any unilateral action by Japan,", "Zhao Lijian", "CHN")
                    },
                ],
                article: article(0, "Beijing rejects Tokyo's claim", "Beijing Daily", "2031-03-03", BEIJING),
            },
            ImportedArticle {
                statements: vec![statement(1, 0, TOKYO, "The Senkaku Islands are clearly an inherent part of Japan's territory.", "Kenji Mori", "JPN")],
                article: article(1, "Tokyo restates its position", "Tokyo Herald", "2031-03-04", TOKYO),
            },
            ImportedArticle {
                statements: vec![statement(2, 0, WIRE, "The Diaoyu Islands are an inherent and sacred part of China's territory. We urge Japan to stop all provocations.", "ministry spokesperson", "CHN")],
                article: article(2, "China repeats its stance", "Wire Service", "2031-03-09", WIRE),
            },
        ]))
        .expect("articles added");
    session.selection.group = Some(GroupKey::Government("CHN".to_owned()));
    session
}

/// Opens the comparison of the first Chinese statement with the Japanese one.
fn compare_china_japan(harness: &mut Harness<'static, App>) {
    push_and_run(harness, Action::SelectStatements(vec![id(0, 0), id(1, 0)]));
    push_and_run(harness, Action::CompareSelected);
    assert_eq!(harness.state().tab(), Tab::Compare);
}

#[test]
fn the_comparison_is_computed_off_the_ui_thread_with_a_spinner_meanwhile() {
    let mut app = App::new_for_test(test_session());
    app.set_waits_for_jobs(false);
    let mut harness = harness(app);
    harness.run();
    push_and_run(
        &mut harness,
        Action::SelectStatements(vec![id(0, 0), id(1, 0)]),
    );
    harness.state_mut().push(Action::CompareSelected);
    harness.step();
    harness.step();
    // The first frame that draws the comparison asks the thread for it and shows a spinner.
    assert!(harness.query_by_label("Comparing...").is_some());
    harness.state_mut().wait_for_jobs();
    harness.state_mut().set_waits_for_jobs(true);
    harness.run();
    assert!(!harness.state().is_computing());
    assert!(harness.query_by_label("Comparing...").is_none());
    assert!(harness.query_by_label_contains("% similar").is_some());
    assert!(harness.query_by_label_contains("only in A").is_some());
}

fn open_spec(harness: &Harness<'static, App>) -> demarche::session::ComparisonSpec {
    let app = harness.state();
    let index = app
        .session()
        .selection
        .comparison
        .expect("a comparison is open");
    app.session().comparisons[index].clone()
}

#[test]
fn compare_options_are_undoable_edits_saved_with_the_comparison() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    compare_china_japan(&mut harness);
    harness.get_by_label("Characters").click();
    harness.run();
    assert_eq!(
        open_spec(&harness).options.granularity,
        demarche::compare::Granularity::Char
    );
    harness.get_by_label("Ignore case").click();
    harness.run();
    assert!(!open_spec(&harness).options.ignore_case);
    assert!(
        harness.query_by_label_contains("% similar").is_some(),
        "recomputed"
    );
    push_and_run(&mut harness, Action::Undo);
    assert!(
        open_spec(&harness).options.ignore_case,
        "undo restores the option"
    );

    // Inline: both sides in one text per row (the row's "renamed" shift badge names both
    // spellings too, and is not a row's text).
    let merged = |h: &Harness<'static, App>| {
        h.query_all_by_label_contains("Diaoyu")
            .filter(|n| {
                let node = n.accesskit_node();
                node.label()
                    .or_else(|| node.value())
                    .is_some_and(|l| l.contains("Senkaku") && !l.starts_with("renamed:"))
            })
            .count()
    };
    harness.get_by_label("Words").click();
    harness.run();
    assert_eq!(merged(&harness), 0);
    harness.get_by_label("Inline").click();
    harness.run();
    assert!(merged(&harness) >= 1, "inline rows hold both sides");
    assert!(
        harness
            .query_by_label_contains("are clearly an inherent")
            .is_some(),
        "white space kept between pieces"
    );
}

#[test]
fn aliases_are_edited_in_their_window_and_undoable() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    compare_china_japan(&mut harness);
    harness.get_by_label("Aliases (0)...").click();
    harness.run();
    harness.get_by_label("Spelling").focus();
    harness.get_by_label("Spelling").type_text("Diaoyu Islands");
    harness.run();
    harness.get_by_label("same as").focus();
    harness.get_by_label("same as").type_text("Senkaku Islands");
    harness.run();
    harness.get_by_label("Add alias").click();
    harness.run();
    assert_eq!(
        harness.state().session().aliases,
        [("Diaoyu Islands".to_owned(), "Senkaku Islands".to_owned())]
    );
    assert!(harness.query_by_label("Aliases (1)...").is_some());
    push_and_run(&mut harness, Action::Undo);
    assert!(harness.state().session().aliases.is_empty());
}

#[test]
fn alt_arrows_and_the_overview_strip_go_to_changes() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    compare_china_japan(&mut harness);
    assert_eq!(harness.state().change_row(), None);
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    harness.run();
    let first = harness.state().change_row();
    assert!(first.is_some(), "Alt+Down goes to a change");
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    harness.run();
    assert!(harness.state().change_row().is_some());

    push_and_run(&mut harness, Action::CloseComparison);
    compare_china_japan(&mut harness);
    assert_eq!(harness.state().change_row(), None);
    harness.get_by_label("Overview of changes").click();
    harness.run();
    assert!(
        harness.state().change_row().is_some(),
        "a click on the strip goes to a change"
    );
}

#[test]
fn notes_on_rows_are_saved_in_the_comparison() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    compare_china_japan(&mut harness);
    harness
        .query_all_by_label("Add note")
        .next()
        .expect("an Add note button")
        .click();
    harness.run();
    harness.get_by_label("Note on row 1:").focus();
    harness
        .get_by_label("Note on row 1:")
        .type_text("names differ");
    harness.run();
    harness.get_by_label("Save row note").click();
    harness.run();
    assert_eq!(
        open_spec(&harness).notes.get(&0).map(String::as_str),
        Some("names differ")
    );
    assert!(harness.query_by_label("Note: names differ").is_some());
    push_and_run(&mut harness, Action::Undo);
    assert!(open_spec(&harness).notes.is_empty());
}

#[test]
fn the_open_comparison_exports_as_html_and_markdown_with_provenance() {
    use demarche::app::ExportFormat;
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    compare_china_japan(&mut harness);
    push_and_run(
        &mut harness,
        Action::SetRowNote {
            row: 0,
            note: Some("names <differ>".to_owned()),
        },
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("report.html");
    let markdown = dir.path().join("report.md");
    push_and_run(
        &mut harness,
        Action::ExportComparison {
            path: html.clone(),
            format: ExportFormat::Html,
        },
    );
    push_and_run(
        &mut harness,
        Action::ExportComparison {
            path: markdown.clone(),
            format: ExportFormat::Markdown,
        },
    );
    let html = std::fs::read_to_string(html).expect("html written");
    let markdown = std::fs::read_to_string(markdown).expect("markdown written");
    for text in [&html, &markdown] {
        for expected in [
            "Beijing Daily",
            "Tokyo Herald",
            "2031-03-03",
            "2031-03-04",
            "Zhao Lijian",
            "Kenji Mori",
        ] {
            assert!(text.contains(expected), "{expected} missing");
        }
    }
    assert!(html.contains("<style"), "self-contained");
    assert!(html.contains("names &lt;differ&gt;"));
    assert!(
        markdown.contains("Row 1: names \\<differ\\>"),
        "HTML in a note is shown as text"
    );
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text.starts_with("Comparison exported"))
    );
}

#[test]
fn also_reported_as_lists_other_outlets_versions_and_compares_in_one_click() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(0, 0)]));
    let seen: Vec<String> = harness
        .query_all_by_label_contains("Also")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(
        harness.query_by_label("Also reported as (1)").is_some(),
        "{seen:?}"
    );
    harness
        .get_by_label("Compare with Wire Service · 2031-03-09")
        .click();
    harness.run();
    let spec = open_spec(&harness);
    assert_eq!((spec.left, spec.right), (id(0, 0), id(2, 0)));
    assert_eq!(harness.state().tab(), Tab::Compare);

    // A statement no other article carries.
    push_and_run(&mut harness, Action::SelectStatements(vec![id(0, 1)]));
    assert!(harness.query_by_label("Also reported as (0)").is_some());
}

#[test]
fn two_governments_pairs_each_claim_with_its_counter_claim() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    harness.get_by_label("Compare").click();
    harness.run();
    harness.get_by_label_contains("Two Governments...").click();
    harness.run();
    harness.get_by_label("First government").click();
    harness.run();
    harness
        .query_all_by_label("China")
        .last()
        .expect("China in the list")
        .click();
    harness.run();
    harness.get_by_label("Second government").click();
    harness.run();
    harness
        .query_all_by_label("Japan")
        .last()
        .expect("Japan in the list")
        .click();
    harness.run();
    assert!(harness.query_by_label_contains("1 pair:").is_some());
    assert!(harness.query_by_label_contains("China only (2)").is_some());
    harness.get_by_label("Compare pair 1").click();
    harness.run();
    let spec = open_spec(&harness);
    assert_eq!(spec.right, id(1, 0));
    assert!(spec.left.article == ArticleId(0) || spec.left.article == ArticleId(2));
}

#[test]
fn versions_over_time_collates_a_statement_against_a_chosen_base() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(2, 0)]));
    harness.get_by_label("Versions over time...").click();
    harness.run();
    assert!(harness.query_by_label_contains("2 versions in").is_some());
    assert!(harness.query_all_by_label("2031-03-03").count() >= 1);
    assert!(harness.query_all_by_label("2031-03-09").count() >= 1);
    assert!(
        harness.query_by_label("Base").is_some(),
        "the oldest is the base"
    );
    harness.get_by_label("Use version 2 as base").click();
    harness.run();
    assert!(harness.query_by_label("Use version 1 as base").is_some());
    harness.get_by_label("Compare version 1").click();
    harness.run();
    let spec = open_spec(&harness);
    assert_eq!((spec.left, spec.right), (id(2, 0), id(0, 0)));
}

fn statement_of(harness: &Harness<'static, App>, id: StatementId) -> Option<Statement> {
    harness
        .state()
        .session()
        .effective_statements()
        .into_iter()
        .find(|s| s.id == id)
}

#[test]
fn speaker_and_kind_corrections_are_undoable() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(0, 0)]));
    harness.get_by_label("Correct").click();
    harness.run();
    harness.get_by_label("Speaker name").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("Speaker name")
        .type_text("Wang Wenbin");
    harness.run();
    harness.get_by_label("Rename speaker").click();
    harness.run();
    let corrected = statement_of(&harness, id(0, 0)).expect("still there");
    assert_eq!(corrected.speaker.as_deref(), Some("Wang Wenbin"));
    harness.get_by_label("indirect").click();
    harness.run();
    let corrected = statement_of(&harness, id(0, 0)).expect("still there");
    assert_eq!(corrected.kind, StatementKind::Indirect);
    push_and_run(&mut harness, Action::Undo);
    push_and_run(&mut harness, Action::Undo);
    let restored = statement_of(&harness, id(0, 0)).expect("still there");
    assert_eq!(restored.speaker.as_deref(), Some("Zhao Lijian"));
    assert_eq!(restored.kind, StatementKind::Direct);
}

#[test]
fn merge_with_next_and_split_at_a_sentence() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(0, 0)]));
    harness.get_by_label("Correct").click();
    harness.run();
    harness
        .get_by_label_contains("Split before “We urge Japan")
        .click();
    harness.run();
    let first = statement_of(&harness, id(0, 0)).expect("head kept");
    assert_eq!(first.spans.len(), 1);
    let head = first.spans[0].slice(BEIJING);
    assert!(
        head.ends_with("territory. ") || head.ends_with("territory."),
        "{head}"
    );
    let statements = harness.state().session().effective_statements();
    assert!(
        statements.iter().any(|s| s
            .spans
            .first()
            .is_some_and(|sp| sp.slice(BEIJING).starts_with("We urge Japan"))),
        "the tail is a statement of its own"
    );
    push_and_run(&mut harness, Action::Undo);

    harness.get_by_label("Merge with next").click();
    harness.run();
    assert!(
        statement_of(&harness, id(0, 1)).is_none(),
        "the next one is absorbed"
    );
    assert_eq!(
        statement_of(&harness, id(0, 0)).expect("kept").spans.len(),
        2
    );
    push_and_run(&mut harness, Action::Undo);
    assert!(statement_of(&harness, id(0, 1)).is_some());
}

#[test]
fn the_low_confidence_filter_narrows_the_list() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(
        &mut harness,
        Action::SelectGroup(GroupKey::Government("CHN".to_owned())),
    );
    let provocations = |h: &Harness<'static, App>| {
        h.query_all_by_label_contains("stop all provocations")
            .count()
    };
    assert!(provocations(&harness) >= 2, "both 90% statements listed");
    harness.get_by_label("Low confidence").click();
    harness.run();
    assert_eq!(provocations(&harness), 0);
    assert!(
        harness
            .query_by_label("China firmly opposes any unilateral action by Japan,")
            .is_some(),
        "the 40% statement stays"
    );
}

#[test]
fn words_selected_in_the_article_are_added_as_a_statement() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(1, 0)]));
    let before = harness.state().session().effective_statements().len();
    harness.get_by_label("Add a statement").click();
    harness.run();
    assert!(
        harness
            .get_by_label("Add as statement")
            .accesskit_node()
            .is_disabled(),
        "nothing is selected yet, so there is nothing to add"
    );
    harness.get_by_label("Article text").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.get_by_label("Add as statement").click();
    harness.run();
    let statements = harness.state().session().effective_statements();
    assert_eq!(statements.len(), before + 1);
    let added = statements
        .iter()
        .find(|s| s.origin == Origin::User)
        .expect("a statement the user added");
    assert_eq!(
        added.governments,
        ["JPN"],
        "the selected statement's government by default"
    );
    assert_eq!(added.spans[0].slice(TOKYO), TOKYO.trim());
    push_and_run(&mut harness, Action::Undo);
    assert_eq!(
        harness.state().session().effective_statements().len(),
        before
    );
}

#[test]
fn compare_options_and_row_notes_survive_save_and_reopen() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    compare_china_japan(&mut harness);
    harness.get_by_label("Characters").click();
    harness.run();
    push_and_run(
        &mut harness,
        Action::SetRowNote {
            row: 0,
            note: Some("check the name".to_owned()),
        },
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("options.ron");
    push_and_run(&mut harness, Action::SaveSessionAs(path.clone()));
    let mut reopened = self::harness(App::new_for_test(Session::default()));
    push_and_run(&mut reopened, Action::OpenSession(path));
    let spec = open_spec(&reopened);
    assert_eq!(
        spec.options.granularity,
        demarche::compare::Granularity::Char
    );
    assert_eq!(
        spec.notes.get(&0).map(String::as_str),
        Some("check the name")
    );
    assert!(reopened.query_by_label("Note: check the name").is_some());
}

#[test]
fn corrections_survive_re_extraction() {
    let mut harness = harness(App::new_for_test(test_session()));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(1, 0)]));
    push_and_run(
        &mut harness,
        Action::Correct {
            statement: id(1, 0),
            correction: demarche::session::CorrectionKind::SetSpeaker(
                "Yoshimasa Hayashi".to_owned(),
            ),
        },
    );
    push_and_run(&mut harness, Action::Reextract);
    let renamed = harness
        .state()
        .session()
        .effective_statements()
        .into_iter()
        .filter(|s| s.id.article == ArticleId(1))
        .find(|s| s.text(TOKYO).contains("Senkaku Islands are clearly"))
        .expect("the statement is found again");
    assert_eq!(renamed.speaker.as_deref(), Some("Yoshimasa Hayashi"));
}

fn harness(app: App) -> Harness<'static, App> {
    support::harness_sized(app, egui::vec2(1400.0, 900.0))
}
