//! Extraction throughput over every corpus text (`../shared/corpus/*.txt` when present next to
//! the crate, else the extraction fixtures). Run with
//! `cargo bench --no-default-features --bench extract`.

use std::path::{Path, PathBuf};

use demarche::article::{Article, ArticleId};
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

fn corpus_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for candidate in ["../shared/corpus", "../../shared/corpus"] {
        let dir = manifest.join(candidate);
        if dir.is_dir() {
            return dir;
        }
    }
    manifest.join("tests/fixtures/extract")
}

fn texts(dir: &Path) -> Vec<Article> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let text = std::fs::read_to_string(p).ok()?;
            Some(Article::from_text(
                ArticleId(u32::try_from(i).unwrap_or(0)),
                text,
            ))
        })
        .collect()
}

/// Extracts statements from every text of the corpus once per iteration.
#[divan::bench(sample_count = 30)]
fn extract_corpus(bencher: divan::Bencher) {
    let articles = texts(&corpus_dir());
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut n = 0;
        for article in &articles {
            n += demarche::extract::extract(divan::black_box(article)).len();
        }
        n
    });
}
