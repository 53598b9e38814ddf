//! Extraction throughput, in process, one thread. Run with
//! `cargo bench --no-default-features --bench extract`.
//!
//! - `polnear`: the 84 PolNeAR dev articles (`../shared/polnear/dev/text`), real US news with
//!   many quotes, loaded as `demarche extract` loads them.
//! - `corpus`: the small demo-style corpus (`../shared/corpus/*.txt`; without `../shared`,
//!   the bundled demo articles).
//! - `long`: one article repeated to 1, 4 and 16 MB (names come back again and again, as in a
//!   long report or a year of briefings): the growth curve. The text is built here at run
//!   time from a dev article (or a demo article), never stored in the repository.

use std::path::{Path, PathBuf};

use demarche::article::{Article, ArticleId, load_file};
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// `../shared/REL` next to the crate, when present.
fn shared(rel: &str) -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    ["../shared", "../../shared"]
        .iter()
        .map(|s| manifest.join(s).join(rel))
        .find(|p| p.is_dir())
}

fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/demo")
}

/// The files of `dir` with extension `ext`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

/// Loads files as the CLI does (title and date from the text or the file name).
fn load(paths: &[PathBuf]) -> Vec<Article> {
    paths
        .iter()
        .enumerate()
        .filter_map(|(i, p)| load_file(p, ArticleId(u32::try_from(i).unwrap_or(0))).ok())
        .collect()
}

fn run(bencher: divan::Bencher, articles: &[Article]) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut n = 0;
        for article in articles {
            n += demarche::extract::extract(divan::black_box(article)).len();
        }
        n
    });
}

/// Every PolNeAR dev article once per iteration.
#[divan::bench(sample_count = 20)]
fn polnear(bencher: divan::Bencher) {
    let articles = shared("polnear/dev/text").map_or_else(
        || load(&files(&demo_dir(), "txt")),
        |dir| load(&files(&dir, "txt")),
    );
    run(bencher, &articles);
}

/// Every text of the small corpus once per iteration.
#[divan::bench(sample_count = 30)]
fn corpus(bencher: divan::Bencher) {
    let articles = shared("corpus").map_or_else(
        || load(&files(&demo_dir(), "txt")),
        |dir| load(&files(&dir, "txt")),
    );
    run(bencher, &articles);
}

/// One article repeated to `mb` megabytes.
#[divan::bench(args = [1, 4, 16], sample_count = 3, sample_size = 1)]
fn long(bencher: divan::Bencher, mb: usize) {
    let source = shared("polnear/dev/text")
        .map(|d| d.join("nyt_2016-09-08_obama-on-climate-change-the-tren.txt"))
        .filter(|p| p.is_file())
        .unwrap_or_else(|| demo_dir().join("2026-10-12_harbour-wire_survey-ship.txt"));
    let one = std::fs::read_to_string(&source).unwrap_or_default();
    let one = format!("{}\n\n", one.trim());
    let text = one.repeat((mb * 1_000_000).div_ceil(one.len().max(1)));
    let article = Article::from_text(ArticleId(0), text);
    run(bencher, std::slice::from_ref(&article));
}
