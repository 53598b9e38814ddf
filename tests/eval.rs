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
    assert!(report.quotes.f1() >= 0.0);
    assert!(report.all.f1() >= 0.0);
    assert!(report.speaker_accuracy() >= 0.0);
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
    assert!(report.content.f1() >= 0.0);
    assert!(report.content_speaker.f1() >= 0.0);
}
