//! Session files: every released format version still opens, and a session round-trips.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use demarche::session::{CURRENT_VERSION, SessionError, demo_session, load_session, save_session};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions")
        .join(name)
}

#[test]
fn format_version_1_fixture_opens() {
    let session = load_session(&fixture("v1.ron")).expect("version 1 sessions open");
    assert_eq!(session.articles.len(), 2);
    assert!(!session.statements.is_empty());
    assert_eq!(session.comparisons.len(), 1);
    assert_eq!(session.corrections.len(), 1);
    assert_eq!(
        session.aliases,
        [("Diaoyu Dao".to_owned(), "Senkaku Islands".to_owned())]
    );
    let spec = &session.comparisons[0];
    assert!(
        session.statements.contains_key(&spec.left) && session.statements.contains_key(&spec.right)
    );
    for article in session.articles.values() {
        assert_eq!(article.provenance.sha256.len(), 64);
        for statement in session
            .statements
            .values()
            .filter(|s| s.id.article == article.id)
        {
            for span in &statement.spans {
                assert!(
                    article.text.get(span.start..span.end).is_some(),
                    "spans index the saved text"
                );
            }
        }
    }
}

#[test]
fn the_current_version_is_the_newest_fixture() {
    assert!(
        fixture(&format!("v{CURRENT_VERSION}.ron")).exists(),
        "add a fixture for each format version"
    );
}

#[test]
fn demo_session_round_trips_through_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("demo.ron");
    let session = demo_session();
    save_session(&session, &path).expect("save");
    assert_eq!(load_session(&path).expect("load"), session);
}

#[test]
fn errors_name_the_file_and_leave_nothing_behind() {
    let err = load_session(Path::new("/nonexistent/dir/x.ron")).expect_err("missing");
    assert!(matches!(err, SessionError::Io { .. }));
    assert!(err.to_string().ends_with("/nonexistent/dir/x.ron"), "{err}");
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(version: 1, session: (articles: {}, statements: [1, 2]))",
    )
    .expect("write");
    let err = load_session(&bad).expect_err("malformed");
    assert!(err.to_string().contains("line 1"), "{err}");
}

// ---- Checked sessions: every damaged case of issue 10 gets its message or its repair.

use demarche::article::ArticleId;
use demarche::session::{
    Edit, ImportedArticle, LoadedSession, Session, parse_session_bytes, parse_session_checked,
    session_to_ron,
};
use demarche::text::Span;

fn v1() -> Session {
    load_session(&fixture("v1.ron")).expect("fixture")
}

fn v1_text() -> String {
    std::fs::read_to_string(fixture("v1.ron")).expect("fixture")
}

fn reload(session: &Session) -> Result<LoadedSession, SessionError> {
    let text = session_to_ron(session, Path::new("s.ron")).expect("encode");
    parse_session_checked(&text, Path::new("s.ron"))
}

fn first_article(session: &Session) -> ArticleId {
    *session.articles.keys().next().expect("an article")
}

#[test]
fn a_paragraph_past_the_end_is_rebuilt_and_reextract_no_longer_panics() {
    let mut session = v1();
    let id = first_article(&session);
    let article = Arc::make_mut(&mut session.articles)
        .get_mut(&id)
        .expect("article");
    let len = article.text.len();
    article.paragraphs.push(Span::new(len + 10, len + 4000));
    let mut loaded = reload(&session).expect("repaired, not refused");
    assert!(
        loaded
            .report
            .repaired
            .iter()
            .any(|l| l.contains("paragraph")),
        "{:?}",
        loaded.report
    );
    let article = &loaded.session.articles[&id];
    assert!(
        article
            .paragraphs
            .iter()
            .all(|p| p.end <= article.text.len())
    );
    assert!(loaded.session.reextract().is_empty(), "no article fails");
    assert!(!loaded.session.statements.is_empty());
}

#[test]
fn statements_outside_their_text_or_mid_character_are_removed_and_reported() {
    let mut session = v1();
    let id = first_article(&session);
    let text_len = session.articles[&id].text.len();
    let mut ids = session
        .statements
        .keys()
        .copied()
        .filter(|s| s.article == id);
    let (past, reversed, empty) = (
        ids.next().expect("s1"),
        ids.next().expect("s2"),
        ids.next().expect("s3"),
    );
    Arc::make_mut(&mut session.statements)
        .get_mut(&past)
        .expect("s")
        .spans = vec![Span::new(5, text_len + 1)];
    Arc::make_mut(&mut session.statements)
        .get_mut(&reversed)
        .expect("s")
        .spans = vec![Span::new(40, 20)];
    Arc::make_mut(&mut session.statements)
        .get_mut(&empty)
        .expect("s")
        .spans
        .clear();
    let before = session.statements.len();
    let loaded = reload(&session).expect("repaired");
    assert_eq!(loaded.session.statements.len(), before - 3);
    assert!(
        loaded
            .report
            .repaired
            .iter()
            .any(|l| l.starts_with("Removed 3 statements")),
        "{:?}",
        loaded.report
    );
}

#[test]
fn a_span_into_the_middle_of_a_character_is_removed() {
    let text = "Sample text: “We disagree,” the envoy said in Genève.";
    let article = demarche::article::Article::from_text(ArticleId(0), text);
    let mut session = Session::default();
    let statements = demarche::extract::extract(&article);
    session
        .apply(Edit::AddArticles(vec![ImportedArticle {
            article,
            statements,
        }]))
        .expect("add");
    let statement = Arc::make_mut(&mut session.statements)
        .values_mut()
        .next()
        .expect("one found");
    let inside = text.find('“').expect("mark") + 1; // a byte inside the 3-byte mark
    statement.spans = vec![Span::new(inside, inside + 4)];
    let loaded = reload(&session).expect("repaired");
    assert!(loaded.session.statements.is_empty());
    assert!(loaded.report.repaired[0].contains("middle of a character"));
}

#[test]
fn statements_of_missing_articles_are_removed() {
    let mut session = v1();
    let mut orphan = session.statements.values().next().expect("s").clone();
    orphan.id.article = ArticleId(77);
    Arc::make_mut(&mut session.statements).insert(orphan.id, orphan);
    let before = session.statements.len();
    let loaded = reload(&session).expect("repaired");
    assert_eq!(loaded.session.statements.len(), before - 1);
    assert!(loaded.report.repaired[0].contains("articles that are not in the session"));
}

#[test]
fn duplicate_article_keys_are_refused_with_a_plain_message() {
    // The fixture's first article entry, listed again under the same key.
    let text = v1_text();
    let start = text.find("      (0): (").expect("first article");
    let end = text.find("      (1): (").expect("second article");
    let duplicated = format!("{}{}{}", &text[..end], &text[start..end], &text[end..]);
    let err = parse_session_checked(&duplicated, Path::new("dup.ron")).expect_err("refused");
    let message = err.to_string();
    assert!(message.contains("article a0 is listed twice"), "{message}");
    assert!(message.ends_with("dup.ron"), "{message}");
}

#[test]
fn a_statement_filed_under_another_key_is_refused() {
    let mut session = v1();
    let key = *session.statements.keys().next().expect("s");
    Arc::make_mut(&mut session.statements)
        .get_mut(&key)
        .expect("s")
        .id
        .ordinal = 4242;
    let err = reload(&session).expect_err("refused");
    assert!(matches!(err, SessionError::Damaged { .. }));
    assert!(
        err.to_string().contains("damaged and was not opened"),
        "{err}"
    );
}

#[test]
fn an_article_counter_at_its_limit_never_lets_imports_overwrite_an_article() {
    let mut session = v1();
    session.next_article_id = u32::MAX;
    let loaded = reload(&session).expect("repaired");
    assert!(loaded.report.repaired.iter().any(|l| l.contains("counter")));
    // Even without the repair, two imports add two new articles and touch no other one.
    let mut session = v1();
    session.next_article_id = u32::MAX;
    let before = session.clone();
    for n in 0..2 {
        let text = format!("Sample text {n}. \"We object to it,\" the minister said.");
        let id = session.next_free_article_id();
        let article = demarche::article::Article::from_text(id, text);
        let statements = demarche::extract::extract(&article);
        session
            .apply(Edit::AddArticles(vec![ImportedArticle {
                article,
                statements,
            }]))
            .expect("add");
    }
    assert_eq!(session.articles.len(), before.articles.len() + 2);
    for (id, article) in before.articles.iter() {
        assert_eq!(&session.articles[id], article, "article {id} untouched");
    }
    for statement in session.statements.values() {
        let text = &session.articles[&statement.id.article].text;
        assert!(
            statement
                .spans
                .iter()
                .all(|s| text.get(s.start..s.end).is_some())
        );
    }
}

#[test]
fn a_text_changed_outside_demarche_is_noticed_by_its_fingerprint() {
    // A file written by this build records each text's SHA-256.
    let session = v1();
    let saved = session_to_ron(&session, Path::new("s.ron")).expect("encode");
    assert!(saved.contains("text_sha256"));
    let edited = saved.replacen("spent two days surveying", "spent three days surveying", 1);
    let loaded = parse_session_checked(&edited, Path::new("s.ron")).expect("opens");
    assert_eq!(loaded.report.changed_texts, [ArticleId(0)]);
    assert!(
        loaded.report.warnings[0].contains("Re-extract"),
        "{:?}",
        loaded.report
    );
    // A file of format 1 written before the fingerprints: the file hash of a UTF-8 text.
    let legacy = v1_text();
    assert!(!legacy.contains("text_sha256"));
    let clean = parse_session_checked(&legacy, Path::new("v1.ron")).expect("opens");
    assert!(clean.report.is_clean(), "{:?}", clean.report);
    let edited = legacy.replacen("spent two days surveying", "spent three days surveying", 1);
    let loaded = parse_session_checked(&edited, Path::new("v1.ron")).expect("opens");
    assert_eq!(loaded.report.changed_texts, [ArticleId(0)]);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(v1_text().as_bytes());
    let loaded = parse_session_bytes(&bytes, Path::new("bom.ron")).expect("opens");
    assert_eq!(loaded.session, v1());
}

#[test]
fn version_0_is_not_called_newer() {
    let err = parse_session_checked("(version: 0, session: ())", Path::new("zero.ron"))
        .expect_err("refused");
    let message = err.to_string();
    assert!(!message.contains("newer"), "{message}");
    assert!(message.contains("format 0"), "{message}");
    assert!(message.ends_with("zero.ron"));
}

#[test]
fn deep_nesting_is_refused_in_plain_words() {
    // Nested brackets in a field Demarche does not know, which the parser skips over.
    let deep = format!(
        "(version: 1, extra: {}, session: (articles: {{}}, statements: {{}}))",
        "[".repeat(100_000)
    );
    let err = parse_session_checked(&deep, Path::new("deep.ron")).expect_err("refused");
    let message = err.to_string();
    assert!(!message.contains("recursion_limit"), "{message}");
    assert!(!message.contains("serde_stacker"), "{message}");
    assert!(message.contains("nests"), "{message}");
}

#[test]
fn internal_type_names_stay_out_of_messages() {
    let err =
        parse_session_checked("(version: 1, session: 5)", Path::new("x.ron")).expect_err("refused");
    let message = err.to_string();
    assert!(
        !message.contains("Envelope") && !message.contains("struct"),
        "{message}"
    );
}

#[test]
fn a_binary_file_is_not_a_session() {
    let err = parse_session_bytes(b"(version: 1, \xff\xfe", Path::new("b.ron")).expect_err("no");
    assert!(err.to_string().contains("not UTF-8 text"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_pipe_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("dir");
    let fifo = dir.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    let err = load_session(&fifo).expect_err("refused");
    assert!(matches!(err, SessionError::NotAFile { .. }), "{err}");
}

#[test]
fn format_1_migrates_to_the_current_model() {
    // One test per format version: the fixture of each version opens, clean, and saves in
    // the current format with everything kept.
    for version in 1..=CURRENT_VERSION {
        let path = fixture(&format!("v{version}.ron"));
        let loaded = demarche::session::load_session_checked(&path).expect("opens");
        assert!(loaded.report.is_clean(), "v{version}: {:?}", loaded.report);
        let again = reload(&loaded.session).expect("round trip");
        assert_eq!(again.session, loaded.session, "v{version}");
        assert!(again.report.is_clean());
    }
}

#[cfg(unix)]
#[test]
fn saving_keeps_permissions_symlinks_and_one_backup() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let real = dir.path().join("real.ron");
    save_session(&v1(), &real).expect("first save");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let link = dir.path().join("work.ron");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let mut changed = v1();
    changed.aliases.push(("PRC".into(), "China".into()));
    save_session(&changed, &link).expect("save through the link");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("l")
            .file_type()
            .is_symlink()
    );
    let mode = std::fs::metadata(&real).expect("m").permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "permissions kept");
    assert_eq!(load_session(&real).expect("new"), changed);
    let bak = dir.path().join("real.ron.bak");
    assert_eq!(load_session(&bak).expect("previous"), v1());
}

#[test]
fn stale_temporary_files_of_a_killed_save_are_removed_by_the_next_save() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("s.ron");
    let left = dir.path().join(".s.ron.4242-0.tmp");
    std::fs::write(&left, "(version: 1, sess").expect("leftover");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&left)
        .and_then(|f| f.set_modified(old))
        .expect("age");
    save_session(&v1(), &path).expect("save");
    demarche::session::write::remove_stale_temp_files(&path);
    assert!(!left.exists());
}

// ---- `demarche export`

fn demarche() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_demarche"))
}

#[test]
fn export_writes_corrected_statements_in_the_extract_fields() {
    let out = demarche()
        .args(["export", "--format", "jsonl"])
        .arg(fixture("v1.ron"))
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(records.len(), v1().effective_statements().len());
    let mut keys: Vec<String> = records[0]
        .as_object()
        .expect("object")
        .keys()
        .cloned()
        .collect();
    keys.sort();
    for field in [
        "file",
        "title",
        "government",
        "group",
        "speaker",
        "kind",
        "cue",
        "spans",
    ] {
        assert!(keys.iter().any(|k| k == field), "{field} in {keys:?}");
    }
    // The fixture's correction renames one speaker.
    assert!(records.iter().any(|r| r["speaker"] == "Lin Wei"));
    let csv = demarche()
        .args(["export", "--format", "csv"])
        .arg(fixture("v1.ron"))
        .output()
        .expect("run");
    assert!(csv.status.success());
    assert!(String::from_utf8_lossy(&csv.stdout).starts_with("file,title,"));
}

#[test]
fn export_of_a_damaged_session_fails_with_the_apps_message() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("zero.ron");
    std::fs::write(&path, "(version: 0, session: ())").expect("write");
    let out = demarche().arg("export").arg(&path).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let app_message = load_session(&path).expect_err("refused").to_string();
    assert!(stderr.contains(&app_message), "{stderr}");
    // A session that needed repairs is written, each repair on stderr, exit code 2.
    let mut session = v1();
    session.next_article_id = u32::MAX;
    let repaired = dir.path().join("repaired.ron");
    save_session(&session, &repaired).expect("save");
    let out = demarche()
        .arg("export")
        .arg(&repaired)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("counter"));
}

#[test]
fn a_cancelled_save_leaves_the_file_as_it_was() {
    use std::sync::atomic::AtomicBool;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("s.ron");
    save_session(&v1(), &path).expect("first save");
    let before = std::fs::read(&path).expect("read");
    let cancel = AtomicBool::new(true);
    let options = demarche::session::SaveOptions {
        cancel: Some(&cancel),
        ..Default::default()
    };
    let err = demarche::session::save_session_with(&demo_session(), &path, &options)
        .expect_err("cancelled");
    assert!(matches!(err, SessionError::Cancelled { .. }), "{err}");
    assert!(err.to_string().contains("not changed"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file and no backup: {names:?}");
}
