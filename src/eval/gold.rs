//! Scoring against the gold statement files (`<base>.gold.json`), with the rules of the gold
//! README: quotes match by normalised text or 90% mutual overlap and the same government;
//! indirect statements match by overlap; speakers match leniently.

use std::fmt;
use std::path::Path;

use serde::Deserialize;

use super::{EvalError, EvalOptions, Prf, date_from_file_name, overlap};
use crate::article::{Article, ArticleId};
use crate::governments::Governments;
use crate::statement::{Group, Statement, StatementKind};
use crate::text::CharIndex;

#[derive(Debug, Deserialize)]
struct GoldFile {
    file: String,
    statements: Vec<GoldStatement>,
}

#[derive(Debug, Deserialize)]
struct GoldStatement {
    government: String,
    speaker: String,
    kind: String,
    text: String,
    start: usize,
    end: usize,
}

/// One line of the verbose listing.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    /// The corpus file.
    pub file: String,
    /// "miss" (gold not found), "fp" (extracted, matches no gold) or "speaker".
    pub what: &'static str,
    /// Kind of the statement.
    pub kind: String,
    /// A snippet of its text.
    pub snippet: String,
    /// Expected government and speaker (gold), if any.
    pub expected: String,
    /// Extracted government and speaker, if any.
    pub got: String,
}

/// The result of [`eval_gold`].
#[derive(Debug, Clone, Default)]
pub struct GoldReport {
    /// Number of gold files scored.
    pub files: usize,
    /// Direct and partial quotes.
    pub quotes: Prf,
    /// Reported speech.
    pub indirect: Prf,
    /// All statements.
    pub all: Prf,
    /// Matched quotes whose speaker is right.
    pub speaker_correct: usize,
    /// Matched quotes.
    pub speaker_total: usize,
    /// Every miss, false positive and wrong speaker (with `verbose`).
    pub mistakes: Vec<Mistake>,
}

impl GoldReport {
    /// Share of matched quotes with the right speaker.
    #[must_use]
    pub fn speaker_accuracy(&self) -> f64 {
        super::ratio(self.speaker_correct, self.speaker_total)
    }
}

impl fmt::Display for GoldReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "gold files: {}", self.files)?;
        writeln!(f, "quotes (direct+partial): {}", self.quotes)?;
        writeln!(f, "indirect:                {}", self.indirect)?;
        writeln!(f, "all statements:          {}", self.all)?;
        writeln!(
            f,
            "speaker accuracy:        {:.3} ({}/{})",
            self.speaker_accuracy(),
            self.speaker_correct,
            self.speaker_total
        )?;
        for m in &self.mistakes {
            writeln!(
                f,
                "  {:<7} {:<8} {}  expected [{}] got [{}]  «{}»",
                m.what, m.kind, m.file, m.expected, m.got, m.snippet
            )?;
        }
        Ok(())
    }
}

/// A predicted span in chars with what was attributed.
struct Pred<'a> {
    span: (usize, usize),
    text: String,
    statement: &'a Statement,
}

fn normalise(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»')
        })
        .replace(['“', '”'], "\"")
        .replace(['‘', '’'], "'")
}

fn quote_match(gold: &GoldStatement, g: (usize, usize), pred: &Pred) -> bool {
    if normalise(&gold.text) == normalise(&pred.text) {
        return true;
    }
    let o = overlap(g, pred.span);
    let glen = g.1.saturating_sub(g.0).max(1);
    let plen = pred.span.1.saturating_sub(pred.span.0).max(1);
    o * 10 >= glen * 9 && o * 10 >= plen * 9
}

fn indirect_match(g: (usize, usize), pred: &Pred) -> bool {
    let o = overlap(g, pred.span);
    let shorter = (g.1 - g.0).min(pred.span.1 - pred.span.0).max(1);
    o * 2 >= shorter
}

fn gov_iso3(name: &str) -> Option<String> {
    let registry = Governments::bundled();
    registry
        .iter()
        .find(|g| g.name == name)
        .map(|g| g.iso3.clone())
        .or_else(|| registry.lookup(name).map(|(g, _)| g.iso3.clone()))
}

/// Lenient speaker comparison: case-insensitive, containment, or the same last word.
#[must_use]
pub fn speaker_matches(gold: &str, got: &str) -> bool {
    let (g, p) = (gold.to_lowercase(), got.to_lowercase());
    if g.is_empty() || p.is_empty() {
        return false;
    }
    if g == p || g.contains(&p) || p.contains(&g) {
        return true;
    }
    let last = |s: &str| s.split_whitespace().last().map(str::to_owned);
    last(&g) == last(&p) || p.split_whitespace().any(|w| Some(w.to_owned()) == last(&g))
}

fn describe(s: &Statement) -> String {
    let registry = Governments::bundled();
    let govs: Vec<String> = s
        .governments
        .iter()
        .map(|g| {
            registry
                .get(g)
                .map_or_else(|| g.clone(), |g| g.name.clone())
        })
        .collect();
    format!(
        "{} / {} / {}",
        if govs.is_empty() {
            s.group.as_str().to_owned()
        } else {
            govs.join("+")
        },
        s.speaker.as_deref().unwrap_or("?"),
        s.evidence.rule
    )
}

fn snippet(s: &str) -> String {
    let mut out: String = s.chars().take(70).collect();
    if s.chars().count() > 70 {
        out.push('…');
    }
    out.replace('\n', " ")
}

/// Scores extraction on every `*.gold.json` in `gold_dir` against the texts in `corpus_dir`.
///
/// # Errors
/// [`EvalError`] when a directory or file cannot be read or a gold file does not parse.
pub fn eval_gold(
    corpus_dir: &Path,
    gold_dir: &Path,
    options: &EvalOptions,
) -> Result<GoldReport, EvalError> {
    let read_dir = std::fs::read_dir(gold_dir).map_err(|source| EvalError::Read {
        path: gold_dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<_> = read_dir
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(EvalError::Empty {
            path: gold_dir.to_path_buf(),
        });
    }
    let mut report = GoldReport::default();
    for (i, path) in paths.iter().enumerate() {
        let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
            path: path.clone(),
            source,
        })?;
        let gold: GoldFile = serde_json::from_str(&raw).map_err(|source| EvalError::Json {
            path: path.clone(),
            source,
        })?;
        let text_path = corpus_dir.join(&gold.file);
        let text = std::fs::read_to_string(&text_path).map_err(|source| EvalError::Read {
            path: text_path.clone(),
            source,
        })?;
        let mut article = Article::from_text(ArticleId(u32::try_from(i).unwrap_or(0)), text);
        article.date = date_from_file_name(&gold.file);
        let statements = crate::extract::extract(&article);
        score_file(&gold, &article, &statements, options, &mut report);
        report.files += 1;
    }
    Ok(report)
}

fn score_file(
    gold: &GoldFile,
    article: &Article,
    statements: &[Statement],
    options: &EvalOptions,
    report: &mut GoldReport,
) {
    let index = CharIndex::new(&article.text);
    let preds: Vec<Pred> = statements
        .iter()
        .filter(|s| s.group == Group::Government)
        .flat_map(|s| {
            s.spans.iter().map(|span| Pred {
                span: index.char_span(*span),
                text: span.slice(&article.text).to_owned(),
                statement: s,
            })
        })
        .collect();
    let is_quote = |k: &str| k == "direct" || k == "partial";
    let gold_iso: Vec<Option<String>> = gold
        .statements
        .iter()
        .map(|g| gov_iso3(&g.government))
        .collect();
    let matches = |gi: usize, p: &Pred| {
        let g = &gold.statements[gi];
        let gov_ok = gold_iso[gi]
            .as_ref()
            .is_some_and(|iso| p.statement.governments.contains(iso));
        let span_ok = if is_quote(&g.kind) {
            quote_match(g, (g.start, g.end), p)
        } else {
            indirect_match((g.start, g.end), p)
        };
        gov_ok && span_ok
    };
    let pred_is_quote = |p: &Pred| p.statement.kind != StatementKind::Indirect;
    let mut quotes = Prf::default();
    let mut indirect = Prf::default();
    let mut all = Prf::default();
    for (gi, g) in gold.statements.iter().enumerate() {
        let hit = preds.iter().find(|p| matches(gi, p));
        let quote = is_quote(&g.kind);
        let bucket = if quote { &mut quotes } else { &mut indirect };
        bucket.gold += 1;
        all.gold += 1;
        if let Some(p) = hit {
            bucket.found += 1;
            all.found += 1;
            if quote {
                report.speaker_total += 1;
                let ok = p
                    .statement
                    .speaker
                    .as_deref()
                    .is_some_and(|s| speaker_matches(&g.speaker, s));
                if ok {
                    report.speaker_correct += 1;
                } else if options.verbose {
                    report.mistakes.push(Mistake {
                        file: gold.file.clone(),
                        what: "speaker",
                        kind: g.kind.clone(),
                        snippet: snippet(&g.text),
                        expected: format!("{} / {}", g.government, g.speaker),
                        got: describe(p.statement),
                    });
                }
            }
        } else if options.verbose {
            let near = preds.iter().find(|p| overlap((g.start, g.end), p.span) > 0);
            report.mistakes.push(Mistake {
                file: gold.file.clone(),
                what: "miss",
                kind: g.kind.clone(),
                snippet: snippet(&g.text),
                expected: format!("{} / {}", g.government, g.speaker),
                got: near.map_or_else(|| "-".to_owned(), |p| describe(p.statement)),
            });
        }
    }
    for p in &preds {
        let ok = (0..gold.statements.len()).any(|gi| matches(gi, p));
        let bucket = if pred_is_quote(p) {
            &mut quotes
        } else {
            &mut indirect
        };
        bucket.predictions += 1;
        all.predictions += 1;
        if ok {
            bucket.correct_predictions += 1;
            all.correct_predictions += 1;
        } else if options.verbose {
            report.mistakes.push(Mistake {
                file: gold.file.clone(),
                what: "fp",
                kind: p.statement.kind.as_str().to_owned(),
                snippet: snippet(&p.text),
                expected: "-".to_owned(),
                got: describe(p.statement),
            });
        }
    }
    report.quotes.add(quotes);
    report.indirect.add(indirect);
    report.all.add(all);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_match_leniently() {
        assert!(speaker_matches("Ash Carter", "Carter"));
        assert!(speaker_matches(
            "Japanese Foreign Ministry",
            "japanese foreign ministry"
        ));
        assert!(!speaker_matches("Ash Carter", "Guan Youfei"));
        assert_eq!(normalise(" “It is,” "), "It is,");
    }
}
