//! Runs the gold and PolNeAR evaluations on the shared corpus when it is present, and holds
//! the measured quality as a ratchet.

use std::path::PathBuf;

use demarche::eval::{EvalOptions, eval_gold, eval_polnear};

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    let dir = if dir.exists() {
        dir
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared")
    };
    dir.join("corpus/gold").exists().then_some(dir)
}

#[test]
fn gold_corpus_meets_thresholds() {
    let Some(dir) = shared() else {
        eprintln!("skipped: no shared corpus next to the crate");
        return;
    };
    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    let report = eval_gold(
        &dir.join("corpus"),
        &dir.join("corpus/gold"),
        &EvalOptions { verbose },
    )
    .expect("gold evaluation runs");
    eprintln!("{report}");
    // Ratchet: a little below the measured figures (quotes 1.000, all 1.000, speakers 1.000).
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
fn polnear_dev_meets_thresholds() {
    let Some(dir) = shared() else {
        eprintln!("skipped: no shared PolNeAR split next to the crate");
        return;
    };
    let polnear = dir.join("polnear/dev");
    if !polnear.exists() {
        eprintln!("skipped: no PolNeAR dev split");
        return;
    }
    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    let report = eval_polnear(&polnear, &EvalOptions { verbose }).expect("polnear evaluation runs");
    eprintln!("{report}");
    // Ratchet: a little below the measured figures (content 0.940, content+speaker 0.851).
    assert!(
        report.content.f1() >= 0.93,
        "content F1 {}",
        report.content.f1()
    );
    assert!(
        report.content_speaker.f1() >= 0.845,
        "content+speaker F1 {}",
        report.content_speaker.f1()
    );
}

/// `DUMP=<part of a corpus file name> cargo test --test eval dump -- --nocapture` prints what
/// extraction finds in matching corpus files (for reading misses by eye).
#[test]
fn dump() {
    let (Some(dir), Some(pattern)) = (shared(), std::env::var_os("DUMP")) else {
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
        let text = std::fs::read_to_string(corpus.join(&name)).expect("readable");
        let mut article =
            demarche::article::Article::from_text(demarche::article::ArticleId(0), text);
        article.date = demarche::eval::date_from_file_name(&name);
        eprintln!("=== {name}");
        for s in demarche::extract::extract(&article) {
            let t: String = s.text(&article.text).chars().take(90).collect();
            eprintln!(
                "{:<8} {:<12} {:<28} {:<22} {:?} «{}»",
                s.kind.as_str(),
                s.governments.join("+"),
                s.speaker.as_deref().unwrap_or("?"),
                s.evidence.rule,
                s.speaker_mention.map(|m| m.slice(&article.text).to_owned()),
                t.replace('\n', " ")
            );
        }
    }
}

#[test]
fn dump_file() {
    let Some(path) = std::env::var_os("DUMP_FILE") else {
        return;
    };
    let article =
        demarche::article::load_file(std::path::Path::new(&path), demarche::article::ArticleId(0))
            .expect("loads");
    eprintln!("title {:?} date {:?}", article.title, article.date);
    for s in demarche::extract::extract(&article) {
        eprintln!(
            "{:?} {:?} {:?} {:?} «{}»",
            s.kind,
            s.governments,
            s.speaker,
            s.evidence.chain,
            s.text(&article.text)
        );
    }
}
