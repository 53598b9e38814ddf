//! Runs the gold and PolNeAR evaluations on the shared development sets and holds the
//! measured dev quality as a ratchet. The sets live next to the checkout (`../shared`); in CI
//! (the `CI` environment variable is set) a missing set is a failure, elsewhere the tests say
//! "skipped".

use std::path::PathBuf;

use demarche::eval::{EvalOptions, eval_gold, eval_polnear};

/// The shared folder, or `None` (with a notice) outside CI when it is absent.
///
/// # Panics
/// When the folder (or `part` inside it) is missing and `CI` is set.
fn shared(part: &str) -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let found = [manifest.join("../shared"), manifest.join("../../shared")]
        .into_iter()
        .find(|dir| dir.join(part).exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but the shared evaluation set {part} is missing next to the checkout"
        );
        eprintln!("skipped: no shared {part} next to the checkout (CI is not set)");
    }
    found
}

fn verbose() -> EvalOptions {
    EvalOptions {
        verbose: std::env::var_os("EVAL_VERBOSE").is_some(),
    }
}

#[test]
fn gold_dev_set_meets_thresholds() {
    let Some(dir) = shared("corpus/gold") else {
        return;
    };
    let report = eval_gold(&dir.join("corpus"), &dir.join("corpus/gold"), &verbose())
        .expect("gold evaluation runs");
    eprintln!("{report}");
    // Ratchet: a little below the dev figures measured with the honest yardstick
    // (BENCHMARKS.md, "Extraction quality"): quotes 1.000, all 1.000, speakers 1.000.
    assert!(report.files >= 6, "gold files {}", report.files);
    assert!(
        report.quotes.f1() >= 0.99,
        "quotes F1 {}",
        report.quotes.f1()
    );
    assert!(
        report.all.f1() >= 0.99,
        "all statements F1 {}",
        report.all.f1()
    );
    assert!(
        report.speaker_accuracy() >= 0.99,
        "speaker accuracy {}",
        report.speaker_accuracy()
    );
}

#[test]
fn polnear_dev_set_meets_thresholds() {
    let Some(dir) = shared("polnear/dev") else {
        return;
    };
    let report =
        eval_polnear(&dir.join("polnear/dev"), &verbose()).expect("polnear evaluation runs");
    eprintln!("{report}");
    // Ratchet: a little below the dev figures measured with the honest yardstick
    // (BENCHMARKS.md): content 0.942, content+speaker 0.862, reported-speech precision 0.989.
    assert!(report.articles >= 80, "articles {}", report.articles);
    assert!(
        report.content.f1() >= 0.93,
        "content F1 {}",
        report.content.f1()
    );
    assert!(
        report.content_speaker.f1() >= 0.855,
        "content+speaker F1 {}",
        report.content_speaker.f1()
    );
    assert!(
        report.reported.precision() >= 0.85,
        "reported-speech precision {}",
        report.reported.precision()
    );
}

/// `DUMP=<part of a corpus file name> cargo test --test eval dump -- --nocapture` prints what
/// extraction finds in matching corpus files, read as `demarche extract` reads them (for
/// reading misses by eye).
#[test]
fn dump() {
    let Some(pattern) = std::env::var_os("DUMP") else {
        return;
    };
    let Some(dir) = shared("corpus") else {
        return;
    };
    let pattern = pattern.to_string_lossy().into_owned();
    let corpus = dir.join("corpus");
    let mut names: Vec<_> = std::fs::read_dir(&corpus)
        .expect("corpus readable")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && n.contains(&pattern))
        .collect();
    names.sort();
    for name in names {
        let file = demarche::eval::file::extract_file(&corpus.join(&name), 0).expect("loads");
        eprintln!("=== {name} ({} article(s))", file.article_count());
        for part in &file.parts {
            let article = &part.article;
            eprintln!("--- title {:?} date {:?}", article.title, article.date);
            for s in &part.statements {
                let t: String = s.text(&article.text).chars().take(90).collect();
                eprintln!(
                    "{:<8} {:<12} {:<28} {:?} «{}»",
                    s.kind.as_str(),
                    s.governments.join("+"),
                    s.speaker.as_deref().unwrap_or("?"),
                    s.speaker_mention.map(|m| m.slice(&article.text).to_owned()),
                    t.replace('\n', " ")
                );
            }
        }
    }
}
