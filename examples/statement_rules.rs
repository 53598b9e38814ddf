//! Prints every statement found in the given files as one JSON object per line, with the
//! evidence rule, the kind of speaker mention and the confidence: the input of
//! `scripts/calibrate-confidence.py`. Files are read as `demarche extract` and `demarche eval`
//! read them (`load_articles`: the date from the text or a leading `YYYY-MM-DD` in the file
//! name, several articles in one file), with offsets in characters of the file's text.
//!
//! `cargo run --no-default-features --example statement_rules -- FILE... > statements.jsonl`

use demarche::text::CharIndex;
#[allow(clippy::print_stdout, clippy::print_stderr)]
fn main() {
    for path in std::env::args().skip(1) {
        let file = match demarche::eval::file::extract_file(std::path::Path::new(&path), 0) {
            Ok(file) => file,
            Err(err) => {
                eprintln!("{err}");
                continue;
            }
        };
        for part in &file.parts {
            let index = CharIndex::new(&part.article.text);
            let shift = |(a, b): (usize, usize)| (a + part.offset, b + part.offset);
            for s in &part.statements {
                let spans: Vec<(usize, usize)> = s
                    .spans
                    .iter()
                    .map(|sp| shift(index.char_span(*sp)))
                    .collect();
                let mention = s.speaker_mention.map(|m| shift(index.char_span(m)));
                let mention_text = s
                    .speaker_mention
                    .map(|m| m.slice(&part.article.text).to_owned());
                let rec = serde_json::json!({
                    "file": path, "spans": spans, "mention": mention, "mention_text": mention_text.clone(),
                    "kind": s.kind.as_str(), "group": s.group.as_str(), "governments": s.governments,
                    "speaker": s.speaker, "rule": format!("{:?}", s.evidence.found_by),
                    "confidence": s.confidence,
                    "mention_kind": format!("{:?}", demarche::extract::rule::Mention::of(mention_text.as_deref(), s.speaker.as_deref())),
                    "resolved": s.speaker.is_some(),
                });
                println!("{rec}");
            }
        }
    }
}
