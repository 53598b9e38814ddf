//! Scoring against the gold statement files (`<base>.gold.json`), with the rules of the gold
//! README: quotes match by normalised text or 90% mutual overlap and the same government;
//! indirect statements match by overlap; a speaker matches by full name or by surname alone.
//! The shared gold set is a development set: its scores are dev scores.

use std::fmt;
use std::path::Path;

use serde::Deserialize;

use super::file::{ExtractedFile, FileSpan, extract_file};
use super::{EvalError, EvalOptions, Prf, overlap};
use crate::governments::Governments;
use crate::statement::{Group, Statement, StatementKind};

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
    /// Number of articles those files were read as (more than `files` when loading splits
    /// a file into several articles).
    pub articles: usize,
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
        writeln!(
            f,
            "DEV gold ({} files, {} articles as loaded): dev scores, read while the rules were \
             written; held-back texts score lower",
            self.files, self.articles
        )?;
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

fn normalise(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»')
        })
        .replace(['“', '”'], "\"")
        .replace(['‘', '’'], "'")
}

fn quote_match(gold: &GoldStatement, g: (usize, usize), pred: &FileSpan) -> bool {
    if normalise(&gold.text) == normalise(&pred.text) {
        return true;
    }
    let o = overlap(g, pred.span);
    let glen = g.1.saturating_sub(g.0).max(1);
    let plen = pred.span.1.saturating_sub(pred.span.0).max(1);
    o * 10 >= glen * 9 && o * 10 >= plen * 9
}

fn indirect_match(g: (usize, usize), pred: &FileSpan) -> bool {
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

/// Words that mark a speaker as a body or a group, not a person, so that its last word is
/// not taken for a surname ("Japanese Foreign Ministry" is not "Ministry").
const NOT_A_NAME: &[&str] = &[
    "administration",
    "agency",
    "army",
    "authority",
    "command",
    "commission",
    "council",
    "delegation",
    "department",
    "embassy",
    "forces",
    "government",
    "house",
    "kremlin",
    "ministry",
    "mission",
    "navy",
    "office",
    "official",
    "officials",
    "police",
    "service",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Words that do not make a name different ("the Foreign Office", "spokesperson for the
/// Foreign Office").
const FUNCTION_WORDS: &[&str] = &["a", "an", "and", "for", "of", "the"];

/// A name as a sorted list of its words: lower case, without middle initials ("O."),
/// surrounding punctuation or function words, so that "Lisa O. Monaco" is "Lisa Monaco" and
/// "spokesperson for the British Foreign Office" is "British Foreign Office spokesperson".
fn name_key(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split_whitespace()
        .filter(|w| !(w.ends_with('.') && w.trim_end_matches('.').chars().count() == 1))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(&w.as_str()))
        .collect();
    words.sort();
    words
}

/// The words a gold speaker may be called by alone: the registry's surname for a known
/// office holder, else the first and the last word of a personal name (names come in both
/// orders: "Ash Carter", "Guan Youfei"). Bodies and descriptions have none.
fn surnames(gold: &str) -> Vec<String> {
    let k = crate::extract::knowledge::Knowledge::bundled();
    if let Some(h) = k.holders_named(gold, None).first() {
        return vec![h.surname().to_lowercase()];
    }
    let words: Vec<&str> = gold.split_whitespace().collect();
    let person = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !words
            .iter()
            .any(|w| NOT_A_NAME.contains(&w.to_lowercase().as_str()))
        && Governments::bundled().lookup(words[0]).is_none();
    if !person {
        return Vec::new();
    }
    let mut out = vec![words[words.len() - 1].to_lowercase()];
    if words.len() == 2 {
        out.push(words[0].to_lowercase());
    }
    out
}

/// Speaker comparison of the gold README: the same full name (the same words, whatever the
/// case, middle initials, word order or function words), or the gold speaker's surname as
/// the whole predicted speaker ("Carter" for "Ash Carter"). A predicted speaker that merely
/// contains the surname ("Carter's aide", "Jimmy Carter") or a part of the name does not
/// match.
#[must_use]
pub fn speaker_matches(gold: &str, got: &str) -> bool {
    let (g, p) = (name_key(gold), name_key(got));
    if g.is_empty() || p.is_empty() {
        return false;
    }
    g == p || p.len() == 1 && surnames(gold).contains(&p[0])
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
/// Each text is read as `demarche extract` reads it ([`extract_file`]): title and date come
/// from the text and its file name as for any user, never from the gold file.
///
/// # Errors
/// [`EvalError`] when a directory or file cannot be read, a gold file does not parse, or a
/// gold statement's text is not at its offsets in the text as loaded.
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
    let mut next_id = 0u32;
    for path in &paths {
        let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
            path: path.clone(),
            source,
        })?;
        let gold: GoldFile = serde_json::from_str(&raw).map_err(|source| EvalError::Json {
            path: path.clone(),
            source,
        })?;
        let text_path = corpus_dir.join(&gold.file);
        let file = extract_file(&text_path, next_id)?;
        next_id = next_id.saturating_add(u32::try_from(file.article_count()).unwrap_or(1));
        check_offsets(&gold, &file.text, &text_path)?;
        score_file(&gold, &file, options, &mut report);
        report.files += 1;
        report.articles += file.article_count();
    }
    Ok(report)
}

/// Every gold text must sit at its offsets in the text as loaded; otherwise loading changed
/// the text and the scores would compare the wrong places.
fn check_offsets(gold: &GoldFile, text: &str, path: &Path) -> Result<(), EvalError> {
    let chars: Vec<char> = text.chars().collect();
    for g in &gold.statements {
        let at: Option<String> = chars.get(g.start..g.end).map(|c| c.iter().collect());
        if at.as_deref() != Some(g.text.as_str()) {
            return Err(EvalError::GoldOffsets {
                path: path.to_path_buf(),
                start: g.start,
                end: g.end,
            });
        }
    }
    Ok(())
}

fn score_file(
    gold: &GoldFile,
    file: &ExtractedFile,
    options: &EvalOptions,
    report: &mut GoldReport,
) {
    let preds: Vec<FileSpan> = file
        .spans()
        .into_iter()
        .filter(|p| p.statement.group == Group::Government)
        .collect();
    let is_quote = |k: &str| k == "direct" || k == "partial";
    let gold_iso: Vec<Option<String>> = gold
        .statements
        .iter()
        .map(|g| gov_iso3(&g.government))
        .collect();
    let matches = |gi: usize, p: &FileSpan| {
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
    let pred_is_quote = |p: &FileSpan| p.statement.kind != StatementKind::Indirect;
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
    fn speakers_match_by_full_name_or_surname_alone() {
        assert!(speaker_matches("Tomas Brennholt", "Tomas Brennholt"));
        assert!(speaker_matches("Tomas Brennholt", "tomas brennholt"));
        assert!(speaker_matches("Tomas Brennholt", "Brennholt"));
        assert!(speaker_matches("Wen Qiaolin", "Wen"));
        assert!(speaker_matches("Edda K. Solberg", "Edda Solberg"));
        assert!(speaker_matches(
            "Norwegian Foreign Ministry",
            "norwegian foreign ministry"
        ));
        assert!(speaker_matches(
            "Norwegian Foreign Ministry spokesperson",
            "spokesperson for the Norwegian Foreign Ministry"
        ));
        // No shortcut through a shared word or a part of a name.
        assert!(!speaker_matches("Tomas Brennholt", "Anna Brennholt"));
        assert!(!speaker_matches("Tomas Brennholt", "Brennholt's adviser"));
        assert!(!speaker_matches("Tomas Brennholt", "Brenn"));
        assert!(!speaker_matches("Tomas Brennholt", "Wen Qiaolin"));
        assert!(!speaker_matches("Norwegian Foreign Ministry", "Ministry"));
        assert!(!speaker_matches(
            "Norwegian Foreign Ministry",
            "Foreign Ministry"
        ));
        assert!(!speaker_matches("Norwegian Foreign Ministry", ""));
        assert_eq!(normalise(" “It is,” "), "It is,");
    }
}
