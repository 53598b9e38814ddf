//! Comparison benchmarks on deterministic synthetic text (seeded LCG over a made-up
//! vocabulary with a skewed word distribution, so common words repeat as in real prose).
//! Run: `cargo bench --no-default-features --bench compare`.

use std::hint::black_box;
use std::sync::OnceLock;

use demarche::compare::{CompareOptions, NearDuplicateIndex, compare_texts};

fn main() {
    divan::main();
}

/// A small deterministic random source.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// 2,000 pronounceable made-up words.
fn vocabulary() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        const SYLLABLES: [&str; 20] = [
            "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po", "an", "el", "or", "ust",
            "im", "gra", "pel", "dom", "ter", "qua",
        ];
        let mut rng = Lcg(7);
        (0..2000)
            .map(|_| {
                let n = 1 + rng.below(3);
                (0..n)
                    .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                    .collect()
            })
            .collect()
    })
}

/// A word with a skewed distribution (low indexes much more common).
fn word(rng: &mut Lcg) -> &'static str {
    let words = vocabulary();
    let u = rng.below(1000) as f64 / 1000.0;
    let index = (u * u * u * words.len() as f64) as usize;
    &words[index.min(words.len() - 1)]
}

fn sentence(rng: &mut Lcg) -> String {
    let len = 8 + rng.below(25);
    let mut s = String::new();
    for i in 0..len {
        let w = word(rng);
        if i == 0 {
            let mut c = w.chars();
            if let Some(first) = c.next() {
                s.extend(first.to_uppercase());
                s.push_str(c.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(w);
        }
        if i + 1 < len && rng.below(12) == 0 {
            s.push(',');
        }
    }
    s.push('.');
    s
}

/// A text of `sentences` sentences and an edited copy: some words changed, some sentences
/// dropped, added or moved, paragraphs every few sentences.
fn text_pair(seed: u64, sentences: usize) -> (String, String) {
    let mut rng = Lcg(seed);
    let base: Vec<String> = (0..sentences).map(|_| sentence(&mut rng)).collect();
    let mut edited: Vec<String> = Vec::with_capacity(sentences);
    let mut moved = Vec::new();
    for s in &base {
        match rng.below(20) {
            0 => {}
            1 => {
                edited.push(sentence(&mut rng));
                edited.push(s.clone());
            }
            2 => moved.push(s.clone()),
            3..=7 => {
                let words: Vec<&str> = s.split(' ').collect();
                let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
                for _ in 0..1 + rng.below(3) {
                    let at = rng.below(out.len());
                    out[at] = word(&mut rng).to_owned();
                }
                edited.push(out.join(" "));
            }
            _ => edited.push(s.clone()),
        }
    }
    for (i, s) in moved.into_iter().enumerate() {
        let at = (i * 37) % (edited.len() + 1);
        edited.insert(at, s);
    }
    let join = |parts: &[String]| {
        let mut out = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                out.push_str(if i % 4 == 0 { "\n\n" } else { " " });
            }
            out.push_str(p);
        }
        out
    };
    (join(&base), join(&edited))
}

fn transcripts_200() -> &'static (String, String) {
    static PAIR: OnceLock<(String, String)> = OnceLock::new();
    PAIR.get_or_init(|| text_pair(1, 200))
}

fn texts_10k_words() -> &'static (String, String) {
    static PAIR: OnceLock<(String, String)> = OnceLock::new();
    // About 20 words a sentence: 500 sentences are about 10,000 words.
    PAIR.get_or_init(|| text_pair(2, 500))
}

fn statements_40k() -> &'static Vec<String> {
    static ITEMS: OnceLock<Vec<String>> = OnceLock::new();
    ITEMS.get_or_init(|| {
        let mut rng = Lcg(3);
        (0..40_000)
            .map(|_| {
                let n = 1 + rng.below(3);
                (0..n)
                    .map(|_| sentence(&mut rng))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    })
}

fn index_40k() -> &'static NearDuplicateIndex<u32> {
    static INDEX: OnceLock<NearDuplicateIndex<u32>> = OnceLock::new();
    INDEX.get_or_init(|| {
        NearDuplicateIndex::new(
            statements_40k()
                .iter()
                .enumerate()
                .map(|(i, s)| (u32::try_from(i).unwrap_or(u32::MAX), s.as_str())),
        )
    })
}

/// Align and diff two 200-sentence transcripts (target: 50 ms).
#[divan::bench]
fn compare_200_sentence_transcripts(bencher: divan::Bencher) {
    let (a, b) = transcripts_200();
    let options = CompareOptions::default();
    bencher.bench(|| compare_texts(black_box(a), black_box(b), &options));
}

/// Align and diff two 10,000-word texts (target: 300 ms).
#[divan::bench(sample_count = 20)]
fn compare_10000_word_texts(bencher: divan::Bencher) {
    let (a, b) = texts_10k_words();
    let options = CompareOptions::default();
    bencher.bench(|| compare_texts(black_box(a), black_box(b), &options));
}

/// One "also reported as" query over 40,000 statements (target: 50 ms).
#[divan::bench]
fn near_duplicate_query_40000(bencher: divan::Bencher) {
    let index = index_40k();
    let statements = statements_40k();
    let mut i = 0usize;
    bencher.bench_local(|| {
        i = (i + 7919) % statements.len();
        index.query(black_box(&statements[i]), 20)
    });
}

/// Building the near-duplicate index over 40,000 statements (target: seconds).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn near_duplicate_build_40000(bencher: divan::Bencher) {
    let statements = statements_40k();
    bencher.bench(|| {
        NearDuplicateIndex::new(
            statements
                .iter()
                .enumerate()
                .map(|(i, s)| (u32::try_from(i).unwrap_or(u32::MAX), s.as_str())),
        )
    });
}

/// About 5 MB of synthetic text: `text_pair`'s base text, long enough.
fn five_mb(seed: u64) -> String {
    let mut rng = Lcg(seed);
    let mut out = String::with_capacity(5_100_000);
    let mut k = 0usize;
    while out.len() < 5_000_000 {
        if !out.is_empty() {
            out.push_str(if k.is_multiple_of(4) { "\n\n" } else { " " });
        }
        out.push_str(&sentence(&mut rng));
        k += 1;
    }
    out
}

/// The same words in another order (a seeded shuffle of the words).
fn reordered(text: &str, seed: u64) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let mut rng = Lcg(seed);
    for i in (1..words.len()).rev() {
        let j = rng.below(i + 1);
        words.swap(i, j);
    }
    words.join(" ")
}

fn big_texts() -> &'static (String, String, String) {
    static TEXTS: OnceLock<(String, String, String)> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let a = five_mb(11);
        let shuffled = reordered(&a, 12);
        let other = five_mb(13);
        (a, shuffled, other)
    })
}

/// Two identical 5 MB texts, default options (target: under 5 s).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn compare_5mb_identical(bencher: divan::Bencher) {
    let (a, _, _) = big_texts();
    let options = CompareOptions::default();
    bencher.bench(|| compare_texts(black_box(a), black_box(a), &options));
}

/// A 5 MB text against the same words in another order (target: under 5 s).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn compare_5mb_reordered(bencher: divan::Bencher) {
    let (a, shuffled, _) = big_texts();
    let options = CompareOptions::default();
    bencher.bench(|| compare_texts(black_box(a), black_box(shuffled), &options));
}

/// Two unrelated 5 MB texts (target: under 5 s).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn compare_5mb_unrelated(bencher: divan::Bencher) {
    let (a, _, other) = big_texts();
    let options = CompareOptions::default();
    bencher.bench(|| compare_texts(black_box(a), black_box(other), &options));
}
