use std::path::Path;

use super::*;
use crate::article::{Article, ArticleId};
use crate::statement::{Evidence, Group, Origin, StatementKind};
use crate::text::Span;

fn statement(article: ArticleId, ordinal: u32, span: Span, governments: &[&str]) -> Statement {
    Statement {
        id: StatementId { article, ordinal },
        spans: vec![span],
        kind: StatementKind::Direct,
        speaker: Some("Zhao Lijian".to_owned()),
        role: None,
        speaker_mention: None,
        group: Group::Government,
        governments: governments.iter().map(|g| (*g).to_owned()).collect(),
        affiliation: None,
        cue: Some("said".to_owned()),
        evidence: Evidence::default(),
        confidence: 0.9,
        continues_previous: false,
        question: None,
        origin: Origin::Extracted,
    }
}

fn sample() -> Session {
    let text = "Sample text. \"The islands are ours,\" he said. \"We object,\" Tokyo said.";
    let article = Article::from_text(ArticleId(0), text);
    let first = Span::new(14, 35);
    let second = Span::new(
        text.find("We object").expect("present"),
        text.find(",\" Tokyo").expect("present"),
    );
    let mut session = Session::default();
    session
        .apply(Edit::AddArticles(vec![ImportedArticle {
            statements: vec![
                statement(ArticleId(0), 0, first, &["CHN"]),
                statement(ArticleId(0), 1, second, &["JPN"]),
            ],
            article,
        }]))
        .expect("add");
    session
}

#[test]
fn ron_round_trip_keeps_everything() {
    let mut session = sample();
    session.notes.insert(
        StatementId {
            article: ArticleId(0),
            ordinal: 0,
        },
        "check the transcript".to_owned(),
    );
    session
        .aliases
        .push(("Diaoyu Dao".to_owned(), "Senkaku Islands".to_owned()));
    let ron = session_to_ron(&session, Path::new("x.ron")).expect("encode");
    assert!(ron.starts_with("(\n  version: 1,"), "{ron}");
    let back = parse_session(&ron, Path::new("x.ron")).expect("parse");
    assert_eq!(back, session);
}

#[test]
fn newer_version_is_refused_with_a_clear_message() {
    let err = parse_session("(version: 7, session: ())", Path::new("s.ron")).expect_err("too new");
    assert!(matches!(err, SessionError::TooNew { found: 7, .. }));
    assert!(err.to_string().contains("newer Demarche"), "{err}");
}

#[test]
fn malformed_session_reports_line_and_column() {
    let err = parse_session(
        "(\n  version: 1,\n  session: (articles: 5),\n)",
        Path::new("bad.ron"),
    )
    .expect_err("bad");
    let SessionError::Malformed { line, .. } = &err else {
        panic!("wrong error {err}")
    };
    assert_eq!(*line, 3);
    assert!(err.to_string().ends_with("bad.ron"), "{err}");
}

#[test]
fn save_is_atomic_and_reloads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("work.ron");
    let session = sample();
    save_session(&session, &path).expect("save");
    assert_eq!(load_session(&path).expect("load"), session);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn every_edit_is_undone_by_its_inverse() {
    let mut session = sample();
    let before = session.clone();
    let anchor = {
        let s = session.statements.values().next().expect("one");
        Anchor::of_statement(s, &session.articles[&ArticleId(0)].text).expect("anchor")
    };
    let edits = vec![
        Edit::AddCorrection(Correction {
            anchor,
            kind: CorrectionKind::SetGovernments(vec!["TWN".to_owned()]),
        }),
        Edit::OpenComparison(ComparisonSpec {
            left: StatementId {
                article: ArticleId(0),
                ordinal: 0,
            },
            right: StatementId {
                article: ArticleId(0),
                ordinal: 1,
            },
            pins: Vec::new(),
            notes: std::collections::BTreeMap::new(),
            options: crate::compare::CompareOptions::default(),
            name: None,
            compared: super::Compared::Statements,
        }),
        Edit::SetNote(
            StatementId {
                article: ArticleId(0),
                ordinal: 1,
            },
            Some("note".to_owned()),
        ),
        Edit::SetAliases(vec![("PRC".to_owned(), "China".to_owned())]),
        Edit::RemoveArticles(vec![ArticleId(0)]),
    ];
    let mut undo = Vec::new();
    for edit in edits {
        undo.push(session.apply(edit).expect("apply"));
    }
    assert!(session.articles.is_empty());
    while let Some(inverse) = undo.pop() {
        session.apply(inverse).expect("undo");
    }
    assert_eq!(session.articles, before.articles);
    assert_eq!(session.statements, before.statements);
    assert_eq!(session.corrections, before.corrections);
    assert_eq!(session.comparisons, before.comparisons);
    assert_eq!(session.notes, before.notes);
}

#[test]
fn corrections_survive_reextraction_by_anchor() {
    let mut session = sample();
    let text = session.articles[&ArticleId(0)].text.clone();
    let target = session.statements.values().nth(1).expect("second").clone();
    session.corrections.push(Correction {
        anchor: Anchor::of_statement(&target, &text).expect("anchor"),
        kind: CorrectionKind::SetGovernments(vec!["CHN".to_owned(), "JPN".to_owned()]),
    });
    // Renumber the statements as a new rule set might.
    let renumbered: std::collections::BTreeMap<_, _> = session
        .statements
        .values()
        .rev()
        .enumerate()
        .map(|(i, s)| {
            let mut s = s.clone();
            s.id.ordinal = u32::try_from(i).expect("small");
            (s.id, s)
        })
        .collect();
    session
        .apply(Edit::ReplaceStatements(std::sync::Arc::new(renumbered)))
        .expect("replace");
    let effective = session.effective_statements();
    let corrected = effective
        .iter()
        .find(|s| s.spans == target.spans)
        .expect("still there");
    assert_eq!(corrected.governments, ["CHN", "JPN"]);
    assert!(corrected.is_joint());
}

#[test]
fn not_a_statement_merge_split_and_add() {
    let mut session = sample();
    let text = session.articles[&ArticleId(0)].text.clone();
    let all: Vec<Statement> = session.statements.values().cloned().collect();
    let anchor0 = Anchor::of_statement(&all[0], &text).expect("a0");
    let anchor1 = Anchor::of_statement(&all[1], &text).expect("a1");
    session.corrections.push(Correction {
        anchor: anchor0.clone(),
        kind: CorrectionKind::MergeWith(vec![anchor1]),
    });
    let merged = session.effective_statements();
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].spans.len(), 2);
    session.corrections.push(Correction {
        anchor: anchor0.clone(),
        kind: CorrectionKind::SplitAt(all[0].spans[0].start + 4),
    });
    assert_eq!(session.effective_statements().len(), 2);
    session.corrections.push(Correction {
        anchor: anchor0.clone(),
        kind: CorrectionKind::NotAStatement,
    });
    assert_eq!(session.effective_statements().len(), 1);
    let added = Anchor::new(ArticleId(0), Span::new(0, 11), &text);
    session.corrections.push(Correction {
        anchor: added,
        kind: CorrectionKind::Add {
            kind: StatementKind::Indirect,
            speaker: None,
            governments: vec!["USA".to_owned()],
        },
    });
    let effective = session.effective_statements();
    assert_eq!(effective.len(), 2);
    assert_eq!(effective[0].origin, Origin::User);
    assert_eq!(effective[0].text(&text), "Sample text");
}

#[test]
fn joint_statements_are_listed_under_each_government() {
    let mut s = statement(ArticleId(0), 0, Span::new(0, 1), &["RUS", "USA"]);
    assert_eq!(
        GroupKey::of_statement(&s),
        [
            GroupKey::Government("RUS".into()),
            GroupKey::Government("USA".into())
        ]
    );
    s.group = Group::Organisation;
    s.governments.clear();
    s.affiliation = Some("United Nations".into());
    assert_eq!(
        GroupKey::of_statement(&s),
        [GroupKey::Organisation("United Nations".into())]
    );
}
