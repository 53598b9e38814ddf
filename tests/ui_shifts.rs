//! UI flows of shifts of position, the formula timeline and comparison progress (kittest):
//! badges on comparison rows, the "Only rows with shifts" filter, F8 to the next shift,
//! "Show over time" and a click on a timeline point, and cancelling a long comparison.
//! Every text here is invented.
#![cfg(feature = "gui")]

mod support;

use support::{article, harness_sized, id, push_and_run, statement};

use demarche::app::{Action, App, Tab};
use demarche::compare::timeline::{TimelineSource, formula_timeline};
use demarche::session::{Edit, GroupKey, ImportedArticle, Session};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

const FIRST: &str = "Harbour talks in Ostrel\n\n\
Foreign Ministry spokesperson Lina Brask said: \"The harbour talks resume in May. Velmora firmly opposes the new tariffs on grain. Both delegations will meet in Ostrel.\"\n";

const SECOND: &str = "Ostrel talks go ahead\n\n\
Lina Brask told reporters: \"The harbour talks resume in May. Velmora opposes the new tariffs on grain. Both delegations will meet in Ostrel.\"\n";

const THIRD: &str = "Grain levies questioned\n\n\
A ministry spokesperson said: \"The northern channel must remain open to all shipping, and Velmora firmly opposes the new tariffs on grain.\"\n";

const FOURTH: &str = "Velmora notes the tariff review\n\n\
Deputy minister Oren Vask said: \"Velmora opposes the new tariffs on grain while the review runs.\"\n";

const LEFT_QUOTE: &str = "The harbour talks resume in May. Velmora firmly opposes the new tariffs on grain. Both delegations will meet in Ostrel.";
const RIGHT_QUOTE: &str = "The harbour talks resume in May. Velmora opposes the new tariffs on grain. Both delegations will meet in Ostrel.";

fn shifts_session() -> Session {
    let mut session = Session::default();
    session
        .apply(Edit::AddArticles(vec![
            ImportedArticle {
                statements: vec![statement(0, 0, FIRST, LEFT_QUOTE, "Lina Brask", "FRA")],
                article: article(0, "Harbour talks in Ostrel", "Coast Ledger", "2031-05-02", FIRST),
            },
            ImportedArticle {
                statements: vec![statement(1, 0, SECOND, RIGHT_QUOTE, "Lina Brask", "FRA")],
                article: article(1, "Ostrel talks go ahead", "Evening Post", "2031-06-11", SECOND),
            },
            ImportedArticle {
                statements: vec![statement(
                    2,
                    0,
                    THIRD,
                    "The northern channel must remain open to all shipping, and Velmora firmly opposes the new tariffs on grain.",
                    "ministry spokesperson",
                    "FRA",
                )],
                article: article(2, "Grain levies questioned", "Coast Ledger", "2031-09-20", THIRD),
            },
            ImportedArticle {
                statements: vec![statement(
                    3,
                    0,
                    FOURTH,
                    "Velmora opposes the new tariffs on grain while the review runs.",
                    "Oren Vask",
                    "DEU",
                )],
                article: article(3, "Velmora notes the tariff review", "Wire Desk", "2032-01-15", FOURTH),
            },
        ]))
        .expect("articles added");
    session.selection.group = Some(GroupKey::Government("FRA".to_owned()));
    session
}

fn harness(app: App) -> Harness<'static, App> {
    harness_sized(app, egui::vec2(1280.0, 800.0))
}

fn open_shifted_comparison(harness: &mut Harness<'static, App>) {
    push_and_run(harness, Action::SelectStatements(vec![id(0, 0), id(1, 0)]));
    push_and_run(harness, Action::CompareSelected);
    assert_eq!(harness.state().tab(), Tab::Compare);
}

#[test]
fn a_softened_sentence_shows_a_weaker_badge_and_the_count_in_the_header() {
    let mut harness = harness(App::new_for_test(shifts_session()));
    harness.run();
    open_shifted_comparison(&mut harness);
    let badge = harness
        .query_by_label_contains("weaker: '")
        .expect("a weaker badge on the softened row");
    let node = badge.accesskit_node();
    let text = node.label().or_else(|| node.value()).unwrap_or_default();
    assert!(text.contains("firmly"), "{text:?}");
    assert!(
        harness
            .query_by_label_contains("1 shift (weaker 1)")
            .is_some(),
        "the header counts the shift by kind"
    );
}

#[test]
fn only_rows_with_shifts_hides_the_unchanged_rows() {
    let mut harness = harness(App::new_for_test(shifts_session()));
    harness.run();
    open_shifted_comparison(&mut harness);
    let rows =
        |h: &Harness<'static, App>, words: &str| h.query_all_by_label_contains(words).count();
    // Both sides of each row (the inspector may list the other version too).
    let first = rows(&harness, "harbour talks resume");
    let last = rows(&harness, "Both delegations");
    assert!(first >= 2 && last >= 2);
    harness.get_by_label("Only rows with shifts").click();
    harness.run();
    assert_eq!(
        rows(&harness, "harbour talks resume"),
        first - 2,
        "the unchanged first row is hidden"
    );
    assert_eq!(rows(&harness, "Both delegations"), last - 2);
    assert!(
        rows(&harness, "opposes the new tariffs") >= 2,
        "the shifted row stays"
    );
    assert!(harness.query_by_label_contains("weaker: '").is_some());
}

#[test]
fn f8_goes_to_the_next_shifted_row_and_shift_f8_back() {
    let mut harness = harness(App::new_for_test(shifts_session()));
    harness.run();
    open_shifted_comparison(&mut harness);
    assert_eq!(harness.state().change_row(), None);
    harness.key_press(egui::Key::F8);
    harness.run();
    // Row 0 ("The harbour talks resume") is the same on both sides; row 1 carries the shift.
    assert_eq!(harness.state().change_row(), Some(1));
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F8);
    harness.run();
    assert_eq!(
        harness.state().change_row(),
        Some(1),
        "the only shifted row"
    );
}

#[test]
fn show_over_time_opens_a_timeline_matching_formula_timeline_and_a_point_click_selects() {
    let session = shifts_session();
    let articles = session.articles.clone();
    let statements: Vec<Vec<demarche::statement::Statement>> = articles
        .keys()
        .map(|a| {
            session
                .statements
                .values()
                .filter(|s| s.id.article == *a)
                .cloned()
                .collect()
        })
        .collect();
    let mut harness = harness(App::new_for_test(session));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(2, 0)]));
    harness.get_by_label("Show over time").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Timeline);
    let (phrase, uses) = harness
        .state()
        .timeline()
        .expect("the timeline is computed");
    assert!(!phrase.is_empty());
    let files: Vec<String> = articles.values().map(|a| a.display_name()).collect();
    let sources: Vec<TimelineSource<'_>> = articles
        .values()
        .zip(&statements)
        .zip(&files)
        .map(|((article, statements), file)| TimelineSource {
            file,
            article,
            statements: statements.iter().collect(),
        })
        .collect();
    let expected = formula_timeline(&phrase, &sources);
    let key = |u: &demarche::compare::timeline::FormulaUse| {
        (
            u.article,
            u.statement,
            u.date.clone(),
            u.variant,
            u.text.clone(),
        )
    };
    assert_eq!(
        uses.iter().map(key).collect::<Vec<_>>(),
        expected.iter().map(key).collect::<Vec<_>>()
    );
    assert!(uses.len() >= 3, "the formula recurs: {phrase:?} {uses:?}");
    assert!(
        harness
            .query_by_label_contains(&format!("Timeline of \u{201c}{phrase}"))
            .is_some()
    );
    // Click the point of the Berlin-dated use (another article than the one selected).
    let points = harness.state().timeline_points();
    let (at, target) = points
        .iter()
        .copied()
        .find(|(_, s)| *s == Some(id(3, 0)))
        .expect("a point for the fourth article's statement");
    harness.hover_at(at);
    harness.step();
    harness.drag_at(at);
    harness.step();
    harness.drop_at(at);
    harness.run();
    assert_eq!(harness.state().selected(), &[target.expect("a statement")]);
    assert_eq!(harness.state().tab(), Tab::Statements);
}

/// Two long texts with the same sentences in another order: aligning them takes long
/// enough (a second or more in a test build) to be cancelled.
fn long_text(seed: usize) -> String {
    let nouns = [
        "harbour", "levy", "channel", "treaty", "border", "grain", "ferry", "quota",
    ];
    let verbs = [
        "reviews",
        "delays",
        "extends",
        "questions",
        "settles",
        "drafts",
    ];
    let mut out = String::from("A long record\n\n");
    for i in 0..6000 {
        let k = (i * 7 + seed * 3) % 6000;
        out.push_str(&format!(
            "The {} office {} clause {k} of the {} plan. ",
            nouns[k % nouns.len()],
            verbs[(k / 3) % verbs.len()],
            nouns[(k / 7) % nouns.len()],
        ));
    }
    out
}

#[test]
fn a_cancelled_comparison_says_so_and_can_be_run_again() {
    let left = long_text(0);
    let right = long_text(1);
    let mut session = Session::default();
    session
        .apply(Edit::AddArticles(vec![
            ImportedArticle {
                statements: Vec::new(),
                article: article(0, "Long record one", "Archive", "2031-01-01", &left),
            },
            ImportedArticle {
                statements: Vec::new(),
                article: article(1, "Long record two", "Archive", "2031-02-01", &right),
            },
        ]))
        .expect("articles added");
    let mut app = App::new_for_test(session);
    app.set_waits_for_jobs(false);
    let mut harness = harness(app);
    harness.run();
    harness.state_mut().push(Action::CompareArticles(
        demarche::article::ArticleId(0),
        demarche::article::ArticleId(1),
    ));
    harness.step();
    harness.step();
    harness.get_by_label("Cancel").click();
    harness.step();
    harness.step();
    assert!(
        harness
            .query_by_label("The comparison was cancelled.")
            .is_some()
    );
    harness.get_by_label("Compare again").click();
    harness.step();
    harness.step();
    assert!(harness.query_by_label("Cancel").is_some(), "running again");
    harness.state_mut().wait_for_jobs();
    harness.state_mut().set_waits_for_jobs(true);
    harness.run();
    assert!(
        harness
            .query_by_label("The comparison was cancelled.")
            .is_none()
    );
    assert!(harness.query_by_label("Cancel").is_none(), "done");
    // The texts hold the same sentences in another order, so the summary may say either
    // that they differ or that they read the same: the header says the comparison is shown.
    assert!(
        harness.query_by_label("A: Long record one").is_some(),
        "the comparison is shown"
    );
}

#[test]
fn an_article_comparison_report_names_the_articles_not_a_speaker() {
    use demarche::app::ExportFormat;
    let mut harness = harness(App::new_for_test(shifts_session()));
    harness.run();
    push_and_run(
        &mut harness,
        Action::CompareArticles(
            demarche::article::ArticleId(0),
            demarche::article::ArticleId(1),
        ),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let markdown = dir.path().join("report.md");
    let html = dir.path().join("report.html");
    for (path, format) in [
        (&markdown, ExportFormat::Markdown),
        (&html, ExportFormat::Html),
    ] {
        push_and_run(
            &mut harness,
            Action::ExportComparison {
                path: path.clone(),
                format,
            },
        );
    }
    for path in [&markdown, &html] {
        let text = std::fs::read_to_string(path).expect("report written");
        assert!(text.contains("Harbour talks in Ostrel"), "{text}");
        assert!(text.contains("Ostrel talks go ahead"), "{text}");
        // The speaker of each article's first statement does not head it.
        assert!(!text.contains("Speaker"), "{text}");
    }
}

#[test]
fn the_inspector_shows_the_question_asked_above_the_answer() {
    const TRANSCRIPT: &str = "Briefing on the ferry quota\n\n\
Q: Will Velmora lift the ferry quota before winter?\n\n\
A: We will review the quota with our partners in the coming weeks.\n";
    let question = "Will Velmora lift the ferry quota before winter?";
    let start = TRANSCRIPT.find(question).expect("question in the text");
    let mut answer = statement(
        0,
        0,
        TRANSCRIPT,
        "We will review the quota with our partners in the coming weeks.",
        "Lina Brask",
        "FRA",
    );
    answer.question = Some(demarche::text::Span::new(start, start + question.len()));
    let mut session = Session::default();
    session
        .apply(Edit::AddArticles(vec![ImportedArticle {
            statements: vec![answer],
            article: article(
                0,
                "Briefing on the ferry quota",
                "Ministry",
                "2031-04-01",
                TRANSCRIPT,
            ),
        }]))
        .expect("article added");
    session.selection.group = Some(GroupKey::Government("FRA".to_owned()));
    let mut harness = harness(App::new_for_test(session));
    harness.run();
    push_and_run(&mut harness, Action::SelectStatements(vec![id(0, 0)]));
    assert!(harness.query_by_label("Question asked").is_some());
    assert!(harness.query_by_label(question).is_some());
}

#[test]
fn the_open_timeline_is_saved_with_the_session_and_comes_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("timeline.ron");
    let mut harness = harness(App::new_for_test(shifts_session()));
    harness.run();
    push_and_run(&mut harness, Action::TimelinePrompt);
    let field = harness.get_by_label("Phrase");
    field.type_text("tariffs on grain");
    harness.run();
    harness.get_by_label("Show timeline").click();
    harness.run();
    assert_eq!(harness.state().tab(), Tab::Timeline);
    let (phrase, uses) = harness.state().timeline().expect("computed");
    assert_eq!(phrase, "tariffs on grain");
    assert_eq!(uses.len(), 4, "{uses:?}");
    push_and_run(&mut harness, Action::SaveSessionAs(path.clone()));
    let saved = demarche::session::load_session(&path).expect("saved session");
    assert_eq!(
        saved.selection.view.timeline.as_deref(),
        Some("tariffs on grain")
    );
    let mut reopened = harness_sized(
        App::new_for_test_startup(demarche::app::Startup::Session(path)),
        egui::vec2(1024.0, 640.0),
    );
    reopened.run();
    assert_eq!(
        reopened.state().timeline_phrase().as_deref(),
        Some("tariffs on grain")
    );
    assert!(
        reopened
            .query_by_label_contains("Timeline: tariffs on grain")
            .is_some()
    );
}
