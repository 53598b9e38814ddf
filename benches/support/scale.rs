//! A synthetic session at scale for the frame benchmark and the scale UI test:
//! deterministic generated articles (seeded LCG over made-up words), a dozen governments,
//! each statement a direct quote with a speaker and a cue.

use demarche::article::{Article, ArticleId};
use demarche::session::{Edit, ImportedArticle, Session};
use demarche::statement::{Evidence, Group, Origin, Statement, StatementId, StatementKind};
use demarche::text::Span;

/// The governments the statements are spread over.
pub const GOVERNMENTS: [&str; 12] = [
    "CHN", "JPN", "USA", "RUS", "GBR", "FRA", "DEU", "IND", "PHL", "KOR", "AUS", "BRA",
];

const SYLLABLES: [&str; 20] = [
    "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po", "an", "el", "or", "ust", "im",
    "gra", "pel", "dom", "ter", "qua",
];

const SPEAKERS: [&str; 8] = [
    "Ana Koval",
    "Li Wen",
    "Sato Ken",
    "Maria Ruiz",
    "John Peel",
    "Olga Dren",
    "Ravi Nair",
    "Kim Sora",
];

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

    fn word(&mut self) -> String {
        let syllables = 1 + self.below(3);
        (0..syllables)
            .map(|_| SYLLABLES[self.below(SYLLABLES.len())])
            .collect()
    }

    fn sentence(&mut self) -> String {
        let words = 8 + self.below(20);
        let mut text: Vec<String> = (0..words).map(|_| self.word()).collect();
        if let Some(first) = text.first_mut() {
            let mut chars = first.chars();
            if let Some(c) = chars.next() {
                *first = c.to_uppercase().chain(chars).collect();
            }
        }
        format!("{}.", text.join(" "))
    }
}

/// `articles` articles of `per_article` quoted statements each, spread over [`GOVERNMENTS`].
#[must_use]
pub fn scale_session(articles: u32, per_article: u32) -> Session {
    let mut rng = Lcg(42);
    let mut imported = Vec::with_capacity(articles as usize);
    // One buffer for every article's text as it is written; each article copies its text
    // out at its exact length, so the builder's growing buffers are not left behind.
    let mut text = String::new();
    for a in 0..articles {
        let id = ArticleId(a);
        text.clear();
        text.push_str(&format!("Report {a}: {}\n\n", rng.sentence()));
        let mut statements = Vec::with_capacity(per_article as usize);
        for ordinal in 0..per_article {
            let speaker = SPEAKERS[rng.below(SPEAKERS.len())];
            let government = GOVERNMENTS[rng.below(GOVERNMENTS.len())];
            text.push_str(&format!("{speaker} said: \""));
            let start = text.len();
            let quote = format!("{} {}", rng.sentence(), rng.sentence());
            text.push_str(&quote);
            let end = text.len();
            text.push_str(&format!("\" {}\n\n", rng.sentence()));
            statements.push(Statement {
                id: StatementId {
                    article: id,
                    ordinal,
                },
                spans: vec![Span::new(start, end)],
                kind: if ordinal % 3 == 0 {
                    StatementKind::Partial
                } else {
                    StatementKind::Direct
                },
                speaker: Some(speaker.to_owned()),
                role: Some("spokesperson".to_owned()),
                speaker_mention: None,
                group: Group::Government,
                governments: vec![government.to_owned()],
                affiliation: None,
                cue: Some("said".to_owned()),
                evidence: Evidence {
                    rule: "quote+cue-before".to_owned(),
                    found_by: None,
                    chain: vec![speaker.to_owned(), government.to_owned()],
                },
                confidence: if ordinal % 7 == 0 { 0.5 } else { 0.9 },
                continues_previous: false,
                question: None,
                origin: Origin::Extracted,
            });
        }
        let mut article = Article::from_text(id, text.as_str());
        article.title = Some(format!("Report {a}"));
        article.outlet = Some("Synthetic Wire".to_owned());
        article.date = Some(format!("2031-{:02}-{:02}", 1 + a % 12, 1 + a % 28));
        imported.push(ImportedArticle {
            statements,
            article,
        });
    }
    let mut session = Session::default();
    if let Err(err) = session.apply(Edit::AddArticles(imported)) {
        panic!("the synthetic articles are added: {err}");
    }
    session
}

/// A text of `sentences` sentences, five to a paragraph, the same for the same `seed`.
/// Variants other than 0 change about a quarter of the sentences (a word added), so two
/// variants read like two versions of one transcript.
#[allow(
    dead_code,
    reason = "used by the frame benchmark, not by every includer"
)]
#[must_use]
pub fn long_text(sentences: usize, seed: u64, variant: u64) -> String {
    let mut rng = Lcg(seed);
    let mut text = String::new();
    for i in 0..sentences {
        let mut sentence = rng.sentence();
        if variant > 0 && (i as u64 + variant).is_multiple_of(4) {
            sentence = sentence.replacen(' ', " also ", 1);
        }
        text.push_str(&sentence);
        text.push_str(if i % 5 == 4 { "\n\n" } else { " " });
    }
    text
}
