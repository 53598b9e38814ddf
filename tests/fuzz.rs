//! Fuzz-style property tests: no input makes reading a file, extraction, comparison or
//! session parsing panic, and what they return keeps its invariants (offsets inside the text
//! on char boundaries). CI runs a few dozen cases per target; `scripts/fuzz.sh` runs each
//! target for minutes (it sets `PROPTEST_CASES`).

use std::path::{Path, PathBuf};

use demarche::article::{Article, ArticleId, load_bytes};
use demarche::compare::{CompareOptions, Granularity, compare_texts};
use demarche::session::{Session, parse_session_checked, span_fits};
use proptest::prelude::*;

/// Cases per target: `PROPTEST_CASES`, else `default`.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces that make extraction and comparison work hard: every kind of quote mark,
/// apostrophes, cue words, speakers, paragraph breaks, CJK and combining characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("''".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("「".to_owned()),
        Just("」".to_owned()),
        Just(" ".to_owned()),
        Just(", ".to_owned()),
        Just(". ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("said".to_owned()),
        Just(" told reporters".to_owned()),
        Just("according to".to_owned()),
        Just("Q: ".to_owned()),
        Just("A: ".to_owned()),
        Just("The spokesperson".to_owned()),
        Just("Minister Ana Ruiz".to_owned()),
        Just("he".to_owned()),
        Just("China".to_owned()),
        Just("Japan's".to_owned()),
        Just("the ministry".to_owned()),
        Just("外交部发言人".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{feff}".to_owned()),
        "[a-zA-Z]{1,9}",
    ]
}

fn text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max_pieces).prop_map(|pieces| pieces.concat())
}

/// Bytes of any kind, and bytes that look like the files Demarche reads.
fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
    let markup = prop::collection::vec(
        prop_oneof![
            Just("<div>".to_owned()),
            Just("</div>".to_owned()),
            Just("<p>".to_owned()),
            Just("</p>".to_owned()),
            Just("<html><head><title>".to_owned()),
            Just("</title></head><body>".to_owned()),
            Just("<meta charset=\"gbk\">".to_owned()),
            Just("<script>".to_owned()),
            Just("&amp;".to_owned()),
            Just("&#x201C;".to_owned()),
            Just("---\ntitle: x\n---\n".to_owned()),
            piece(),
        ],
        0..120,
    )
    .prop_map(|pieces| pieces.concat().into_bytes());
    prop_oneof![prop::collection::vec(any::<u8>(), 0..2048), markup]
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn reading_any_bytes_never_panics(
        bytes in file_bytes(),
        name in prop_oneof![Just(None), Just(Some("a.txt")), Just(Some("a.md")), Just(Some("a.html"))],
    ) {
        if let Ok(article) = load_bytes(&bytes, name, ArticleId(0)) {
            prop_assert!(article.paragraphs.iter().all(|p| span_fits(*p, &article.text)));
        }
    }

    #[test]
    fn extraction_never_panics_and_keeps_offsets_in_the_text(text in text(400)) {
        let article = Article::from_text(ArticleId(0), text);
        for statement in demarche::extract::extract(&article) {
            for span in &statement.spans {
                prop_assert!(span_fits(*span, &article.text), "{span:?}");
            }
            if let Some(mention) = statement.speaker_mention {
                prop_assert!(span_fits(mention, &article.text), "{mention:?}");
            }
        }
    }

    #[test]
    fn comparison_never_panics(left in text(200), right in text(200), chars in any::<bool>()) {
        let options = CompareOptions {
            granularity: if chars { Granularity::Char } else { Granularity::Word },
            ..CompareOptions::default()
        };
        let _ = compare_texts(&left, &right, &options);
    }
}

fn fixture() -> (PathBuf, String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sessions/v1.ron");
    let text = std::fs::read_to_string(&path).expect("fixture");
    (path, text)
}

/// One change to a session file's text.
#[derive(Debug, Clone)]
enum Mutation {
    /// Delete `len` bytes at a fraction of the file.
    Delete(f64, usize),
    /// Insert a token at a fraction of the file.
    Insert(f64, &'static str),
    /// Replace the n-th number (modulo their count) with this one.
    Number(usize, u64),
    /// Copy a slice of the file elsewhere.
    Duplicate(f64, usize, f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let token = prop_oneof![
        Just(","),
        Just("("),
        Just(")"),
        Just("["),
        Just("]"),
        Just("{"),
        Just("}"),
        Just(":"),
        Just("\""),
        Just("\\"),
        Just("Some("),
        Just("None"),
        Just("\u{feff}"),
        Just("é"),
        Just("(start: 5, end: 2)"),
        Just("4294967295"),
    ];
    let number = prop_oneof![
        Just(0_u64),
        Just(1),
        Just(u64::from(u32::MAX)),
        Just(u64::from(u32::MAX) + 1),
        Just(u64::MAX),
        0_u64..5000,
    ];
    prop_oneof![
        (0.0..1.0, 1_usize..200).prop_map(|(at, len)| Mutation::Delete(at, len)),
        (0.0..1.0, token).prop_map(|(at, t)| Mutation::Insert(at, t)),
        (any::<usize>(), number).prop_map(|(n, v)| Mutation::Number(n, v)),
        (0.0..1.0, 1_usize..400, 0.0..1.0).prop_map(|(a, l, b)| Mutation::Duplicate(a, l, b)),
    ]
}

/// The byte offset at a fraction of `text`, moved back to a char boundary.
fn at(text: &str, fraction: f64) -> usize {
    let mut i = ((text.len() as f64) * fraction) as usize;
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn end_at(text: &str, start: usize, len: usize) -> usize {
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

fn apply(text: &mut String, mutation: &Mutation) {
    match *mutation {
        Mutation::Delete(fraction, len) => {
            let start = at(text, fraction);
            let end = end_at(text, start, len);
            text.replace_range(start..end, "");
        }
        Mutation::Insert(fraction, token) => {
            let i = at(text, fraction);
            text.insert_str(i, token);
        }
        Mutation::Number(n, value) => {
            let numbers: Vec<(usize, usize)> = number_runs(text);
            if numbers.is_empty() {
                return;
            }
            let (start, end) = numbers[n % numbers.len()];
            text.replace_range(start..end, &value.to_string());
        }
        Mutation::Duplicate(from, len, to) => {
            let start = at(text, from);
            let end = end_at(text, start, len);
            let slice = text[start..end].to_owned();
            let i = at(text, to);
            text.insert_str(i, &slice);
        }
    }
}

/// Byte ranges of the runs of ASCII digits in `text`.
fn number_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    runs
}

/// What a session that opened must hold: every offset inside its text, and every later
/// use of it (the corrected view, re-extraction, export records) must not panic.
fn check_opened(session: &mut Session) -> Result<(), TestCaseError> {
    for article in session.articles.values() {
        prop_assert!(
            article
                .paragraphs
                .iter()
                .all(|p| span_fits(*p, &article.text))
        );
    }
    for statement in session.statements.values() {
        let article = session.articles.get(&statement.id.article);
        prop_assert!(article.is_some(), "statement of a missing article");
        let text = &article.map_or("", |a| a.text.as_str());
        prop_assert!(statement.spans.iter().all(|s| span_fits(*s, text)));
    }
    for statement in session.effective_statements() {
        let Some(article) = session.articles.get(&statement.id.article) else {
            continue;
        };
        let _ = statement.text(&article.text);
        let _ = demarche::export::statements::records(
            "f",
            article,
            std::slice::from_ref(&statement),
            demarche::governments::Governments::bundled(),
        );
    }
    let _ = session.next_free_article_id();
    let _ = session.reextract();
    Ok(())
}

proptest! {
    #![proptest_config(cases(48))]

    #[test]
    fn mutated_real_sessions_never_panic_and_open_only_when_sound(
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let (_, mut text) = fixture();
        for m in &mutations {
            apply(&mut text, m);
        }
        if let Ok(mut loaded) = parse_session_checked(&text, Path::new("mutated.ron")) {
            check_opened(&mut loaded.session)?;
        }
    }

    #[test]
    fn session_parsing_never_panics_on_any_text(text in text(300)) {
        let source = format!("(version: 1, session: ({text}))");
        let _ = parse_session_checked(&source, Path::new("any.ron"));
        let _ = parse_session_checked(&text, Path::new("any.ron"));
    }
}

#[test]
fn the_fixture_itself_passes_the_checks() {
    let (path, text) = fixture();
    let mut loaded = parse_session_checked(&text, &path).expect("opens");
    check_opened(&mut loaded.session).expect("sound");
}
