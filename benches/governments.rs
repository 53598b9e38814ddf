//! Throughput of the registry scanners over news-like text (`cargo bench --bench governments
//! --no-default-features`). The extractor runs them over every sentence, so they must be far
//! faster than the 20 MB/s the whole pipeline aims for.

use demarche::governments::Governments;
use demarche::organisations::Organisations;
use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// About 1 MB of invented wire copy, dense with names, metonyms and near misses.
fn sample_text() -> String {
    const PARAGRAPHS: [&str; 4] = [
        "Beijing on Tuesday rejected what it called groundless accusations from Washington, \
         saying the U.S.-China relationship depended on mutual respect. \"We urge the \
         American side to stop interfering,\" the Chinese Foreign Ministry spokesperson told a \
         regular briefing, adding that patrols in the South China Sea were lawful.",
        "The Kremlin said Moscow was ready for talks, while Kyiv and the European Commission \
         in Brussels called for a ceasefire. Britain's Foreign Office and the Élysée issued a \
         joint statement; the UN Security Council met late into the night in New York.",
        "Officials in Tokyo and Seoul said the Japanese and South Korean leaders would meet on \
         the sidelines of the APEC summit. The busy schedule left little time, one aide said, \
         and the USB drives handed out to reporters contained only the agenda.",
        "Prices rose by three percent in the third quarter as exporters shipped more goods \
         through the port, according to figures released on Friday by the statistics office, \
         which also revised its estimate for the previous year downwards slightly.",
    ];
    let mut text = String::new();
    while text.len() < 1_000_000 {
        for paragraph in PARAGRAPHS {
            text.push_str(paragraph);
            text.push_str("\n\n");
        }
    }
    text
}

#[divan::bench]
fn governments_find_in(bencher: Bencher) {
    let registry = Governments::bundled();
    let text = sample_text();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| registry.find_in(divan::black_box(&text)));
}

#[divan::bench]
fn organisations_find_in(bencher: Bencher) {
    let registry = Organisations::bundled();
    let text = sample_text();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| registry.find_in(divan::black_box(&text)));
}

#[divan::bench]
fn governments_find_in_per_sentence(bencher: Bencher) {
    let registry = Governments::bundled();
    let text = sample_text();
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        sentences
            .iter()
            .map(|sentence| registry.find_in(divan::black_box(sentence)).len())
            .sum::<usize>()
    });
}

/// Parsing and indexing the registry, paid once per process by `Governments::bundled()`.
#[divan::bench(sample_count = 10)]
fn governments_load() -> Governments {
    let source = include_str!("../assets/governments.ron");
    Governments::from_ron(divan::black_box(source)).unwrap_or_else(|err| panic!("{err}"))
}
