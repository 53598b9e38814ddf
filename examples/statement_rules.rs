//! Prints every statement found in the given files as one JSON object per line, with the
//! evidence rule, the kind of speaker mention and the confidence: the input of
//! `scripts/calibrate-confidence.py`. A leading `YYYY-MM-DD` in a file name gives the date.
//!
//! `cargo run --no-default-features --example statement_rules -- FILE... > statements.jsonl`

use demarche::article::{Article, ArticleId};
use demarche::text::CharIndex;
#[allow(clippy::print_stdout)]
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let mut article = Article::from_text(ArticleId(0), text);
        let base = std::path::Path::new(&path)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        if base.len() > 10 && base.as_bytes()[4] == b'-' && base.as_bytes()[7] == b'-' {
            article.date = Some(base[..10].to_owned());
        }
        let index = CharIndex::new(&article.text);
        for s in demarche::extract::extract(&article) {
            let spans: Vec<(usize, usize)> =
                s.spans.iter().map(|sp| index.char_span(*sp)).collect();
            let mention = s.speaker_mention.map(|m| index.char_span(m));
            let mention_text = s.speaker_mention.map(|m| m.slice(&article.text).to_owned());
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
