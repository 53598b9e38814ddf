//! Scoring quote finding and speaker mentions on a PolNeAR split (brat standoff files):
//! only attributions whose content holds a quotation mark count for quotes. Reported speech
//! (indirect statements) is scored for precision against every attribution content.
//! The split in `../shared/polnear/dev` is a development set: its scores are dev scores.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::file::extract_file;
use super::{EvalError, EvalOptions, Prf, overlap};
use crate::statement::StatementKind;

/// The result of [`eval_polnear`].
#[derive(Debug, Clone, Default)]
pub struct PolnearReport {
    /// Articles scored.
    pub articles: usize,
    /// Quote content found.
    pub content: Prf,
    /// Quote content found with the right speaker mention.
    pub content_speaker: Prf,
    /// Reported speech: indirect statements against every attribution content. A prediction
    /// is right when it matches any content (quoted or not); the gold items are the contents
    /// without a quotation mark (reported speech, beliefs and intentions), so recall is low
    /// by design and precision is the figure that counts.
    pub reported: Prf,
    /// Officials' reported speech: the contents without quote marks whose gold source is a
    /// government speaker ([`government_source`]) and that an indirect statement matches.
    /// Predictions are counted as for [`Self::reported`], so its precision is the same.
    pub official_reported: Prf,
    /// Bytes of text processed.
    pub bytes: usize,
    /// Misses and false positives (with `verbose`): (article, what, snippet).
    pub mistakes: Vec<(String, &'static str, String)>,
}

impl fmt::Display for PolnearReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "DEV PolNeAR ({} articles): dev scores, read while the rules were written; \
             held-back texts score lower",
            self.articles
        )?;
        writeln!(f, "content:          {}", self.content)?;
        writeln!(f, "content+speaker:  {}", self.content_speaker)?;
        writeln!(
            f,
            "reported speech:  {}  (precision against every attribution content; recall of \
             contents without quote marks)",
            self.reported
        )?;
        writeln!(
            f,
            "officials' reported: {}  (recall of contents without quote marks whose gold \
             source is a government speaker)",
            self.official_reported
        )?;
        for (file, what, snippet) in &self.mistakes {
            writeln!(f, "  {what:<8} {file}  «{snippet}»")?;
        }
        Ok(())
    }
}

/// A half-open range of chars.
type CharRange = (usize, usize);

/// One gold attribution: content ranges and source ranges (chars).
#[derive(Debug, Clone, Default)]
struct GoldAttribution {
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
    cue: Vec<(usize, usize)>,
}

fn parse_ranges(s: &str) -> Option<Vec<(usize, usize)>> {
    s.split(';')
        .map(|part| {
            let mut it = part.split_whitespace();
            let a = it.next()?.parse().ok()?;
            let b = it.next()?.parse().ok()?;
            Some((a, b))
        })
        .collect()
}

fn parse_ann(path: &Path, raw: &str) -> Result<Vec<GoldAttribution>, EvalError> {
    let mut spans: BTreeMap<String, (String, Vec<(usize, usize)>)> = BTreeMap::new();
    let mut relations: Vec<BTreeMap<String, String>> = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        let mut cols = line.splitn(3, '\t');
        let Some(id) = cols.next() else { continue };
        if id.starts_with('T') {
            let Some(head) = cols.next() else { continue };
            let Some((kind, ranges)) = head.split_once(' ') else {
                return Err(EvalError::Annotation {
                    path: path.to_path_buf(),
                    line: n + 1,
                });
            };
            let ranges = parse_ranges(ranges).ok_or_else(|| EvalError::Annotation {
                path: path.to_path_buf(),
                line: n + 1,
            })?;
            spans.insert(id.to_owned(), (kind.to_owned(), ranges));
        } else if id.starts_with('E') {
            let Some(body) = cols.next() else { continue };
            let map = body
                .split_whitespace()
                .filter_map(|p| p.split_once(':'))
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect();
            relations.push(map);
        }
        // Other lines continue a covered text or are notes.
    }
    let mut out = Vec::new();
    for rel in relations {
        let mut a = GoldAttribution::default();
        for (role, target) in &rel {
            let Some((_, ranges)) = spans.get(target) else {
                continue;
            };
            if role.starts_with("Content") {
                a.content.extend(ranges.iter().copied());
            } else if role == "Source" {
                a.source.extend(ranges.iter().copied());
            } else if role == "Cue" {
                a.cue.extend(ranges.iter().copied());
            }
        }
        if !a.content.is_empty() {
            out.push(a);
        }
    }
    Ok(out)
}

fn has_quote_mark(text: &[char], ranges: &[(usize, usize)]) -> bool {
    ranges.iter().any(|&(a, b)| {
        text.get(a..b.min(text.len())).is_some_and(|s| {
            s.iter().any(|c| matches!(c, '"' | '“' | '”'))
                || s.windows(2).any(|w| w == ['\'', '\''])
        })
    })
}

/// Up to `take` characters of `chars[range]`, empty when the range lies outside the text.
fn slice(chars: &[char], (a, b): (usize, usize), take: usize) -> String {
    chars
        .get(a.min(chars.len())..b.min(chars.len()).max(a.min(chars.len())))
        .unwrap_or_default()
        .iter()
        .take(take)
        .collect()
}

fn content_match(pred: (usize, usize), gold: &[(usize, usize)]) -> bool {
    let inter: usize = gold.iter().map(|&g| overlap(pred, g)).sum();
    let glen: usize = gold.iter().map(|&(a, b)| b.saturating_sub(a)).sum();
    let plen = pred.1.saturating_sub(pred.0);
    let union = glen + plen - inter;
    inter * 2 >= union.max(1) || plen > 0 && inter * 5 >= plen * 4
}

/// The publication date PolNeAR writes into an article's name (`outlet_YYYY-MM-DD_slug`).
/// Only [`government_source`] uses it, to judge gold sources as of the article's date; the
/// texts are still loaded as `demarche extract` loads them.
fn article_date(name: &str) -> Option<String> {
    name.split('_')
        .find(|part| {
            part.len() == 10
                && part.bytes().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                })
        })
        .map(str::to_owned)
}

/// True when a gold source text names a government speaker by the product's own knowledge:
/// the phrase reader and the office-holder registry (as of `date`) file it under the
/// government group ("the foreign ministry", "Chinese officials", "Beijing", "President
/// Ana Ruiz", a registry name in office on the date). Pronouns and other words that need
/// the text around them to say who speaks are not judged, so they are left out.
#[must_use]
pub fn government_source(source: &str, date: Option<&str>) -> bool {
    use crate::extract::{lex::tokens, memory::Memory, phrase::analyze};
    let source = source.trim();
    if source.is_empty() {
        return false;
    }
    let toks = tokens(source, crate::text::Span::new(0, source.len()));
    let phrase = analyze(source, &toks);
    if phrase.pronoun.is_some() {
        return false;
    }
    let entity = Memory::new(date).entity_from(&phrase);
    entity.group == crate::statement::Group::Government
}

/// Scores quote extraction on the split in `dir` (with `text/` and `attributions/`).
///
/// # Errors
/// [`EvalError`] when the directories or files cannot be read or parsed.
pub fn eval_polnear(dir: &Path, options: &EvalOptions) -> Result<PolnearReport, EvalError> {
    let ann_dir = dir.join("attributions");
    let text_dir = dir.join("text");
    let read = |p: &Path| {
        std::fs::read_dir(p).map_err(|source| EvalError::Read {
            path: p.to_path_buf(),
            source,
        })
    };
    let mut by_article: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut anns: Vec<PathBuf> = read(&ann_dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    for path in anns {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let article = stem
            .rsplit_once('_')
            .map_or(stem.clone(), |(a, _)| a.to_owned());
        by_article.entry(article).or_insert(path);
    }
    if by_article.is_empty() {
        return Err(EvalError::Empty { path: ann_dir });
    }
    let mut report = PolnearReport::default();
    let mut next_id = 0u32;
    for (article_name, ann_path) in &by_article {
        let text_path = text_dir.join(format!("{article_name}.txt"));
        let raw = std::fs::read_to_string(ann_path).map_err(|source| EvalError::Read {
            path: ann_path.clone(),
            source,
        })?;
        let file = extract_file(&text_path, next_id)?;
        next_id = next_id.saturating_add(u32::try_from(file.article_count()).unwrap_or(1));
        let chars: Vec<char> = file.text.chars().collect();
        let every: Vec<GoldAttribution> = parse_ann(ann_path, &raw)?;
        let (gold, unquoted): (Vec<GoldAttribution>, Vec<GoldAttribution>) = every
            .iter()
            .cloned()
            .partition(|a| has_quote_mark(&chars, &a.content));
        report.bytes += file.text.len();
        let spans = file.spans();
        let preds: Vec<(CharRange, Option<CharRange>)> = spans
            .iter()
            .filter(|s| s.statement.kind != StatementKind::Indirect)
            .map(|s| (s.span, s.mention))
            .collect();
        let mut reported = Prf {
            gold: unquoted.len(),
            ..Prf::default()
        };
        for s in spans
            .iter()
            .filter(|s| s.statement.kind == StatementKind::Indirect)
        {
            reported.predictions += 1;
            if every.iter().any(|g| content_match(s.span, &g.content)) {
                reported.correct_predictions += 1;
            } else if options.verbose {
                let t = slice(&chars, s.span, 80);
                report.mistakes.push((article_name.clone(), "fp-rep", t));
            }
        }
        reported.found = unquoted
            .iter()
            .filter(|g| {
                spans.iter().any(|s| {
                    s.statement.kind == StatementKind::Indirect && content_match(s.span, &g.content)
                })
            })
            .count();
        report.reported.add(reported);
        let date = article_date(article_name);
        let mut official = Prf {
            predictions: reported.predictions,
            correct_predictions: reported.correct_predictions,
            ..Prf::default()
        };
        for g in &unquoted {
            let source: Vec<String> = g
                .source
                .iter()
                .map(|&r| slice(&chars, r, usize::MAX))
                .collect();
            if !government_source(&source.join(" "), date.as_deref()) {
                continue;
            }
            official.gold += 1;
            let found = spans.iter().any(|s| {
                s.statement.kind == StatementKind::Indirect && content_match(s.span, &g.content)
            });
            if found {
                official.found += 1;
            } else if options.verbose {
                let s = slice(&chars, g.content[0], 80);
                report.mistakes.push((
                    article_name.clone(),
                    "miss-off",
                    format!(
                        "{s}  [{}] cue [{}]",
                        source.join(" "),
                        g.cue
                            .first()
                            .map_or_else(String::new, |&r| slice(&chars, r, 40))
                    ),
                ));
            }
        }
        report.official_reported.add(official);
        let speaker_ok = |m: Option<(usize, usize)>, g: &GoldAttribution| {
            m.is_some_and(|m| g.source.iter().any(|&s| overlap(m, s) > 0))
        };
        let mut content = Prf {
            gold: gold.len(),
            predictions: preds.len(),
            ..Prf::default()
        };
        let mut both = content;
        for (span, mention) in &preds {
            let hits: Vec<&GoldAttribution> = gold
                .iter()
                .filter(|g| content_match(*span, &g.content))
                .collect();
            if !hits.is_empty() {
                content.correct_predictions += 1;
            } else if options.verbose {
                let s = slice(&chars, *span, 80);
                report.mistakes.push((article_name.clone(), "fp", s));
            }
            if hits.iter().any(|g| speaker_ok(*mention, g)) {
                both.correct_predictions += 1;
            }
        }
        for g in &gold {
            let hits: Vec<_> = preds
                .iter()
                .filter(|(s, _)| content_match(*s, &g.content))
                .collect();
            if !hits.is_empty() {
                content.found += 1;
            } else if options.verbose {
                let s = slice(&chars, g.content[0], 80);
                report.mistakes.push((article_name.clone(), "miss", s));
            }
            if hits.iter().any(|(_, m)| speaker_ok(*m, g)) {
                both.found += 1;
            } else if !hits.is_empty() && options.verbose {
                let s = slice(&chars, g.content[0], 60);
                let whole = |r: (usize, usize)| slice(&chars, r, usize::MAX);
                let got = hits[0].1.map_or_else(|| "-".to_owned(), whole);
                let want = g
                    .source
                    .first()
                    .map_or_else(|| "-".to_owned(), |r| whole(*r));
                report.mistakes.push((
                    article_name.clone(),
                    "speaker",
                    format!("{s}  want [{want}] got [{got}]"),
                ));
            }
        }
        report.content.add(content);
        report.content_speaker.add(both);
        report.articles += 1;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribution_counts_for_reported_speech() {
        let dir = std::env::temp_dir().join(format!("demarche-polnear-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("text")).expect("dir");
        std::fs::create_dir_all(dir.join("attributions")).expect("dir");
        let text = "Minister Arvo Kettunen said the border talks would resume in May. \
                    The weather was mild that week.\n";
        std::fs::write(dir.join("text/sample.txt"), text).expect("text");
        let said = text.find("said").expect("cue");
        let content = text.find("the border").expect("content");
        let end = text.find(" in May.").expect("end") + " in May".len();
        let ann = format!(
            "T1\tSource 0 {said}\tMinister Arvo Kettunen\nT2\tCue {said} {}\tsaid\nT3\tContent {content} {end}\tx\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n",
            said + 4
        );
        std::fs::write(dir.join("attributions/sample_a1.ann"), ann).expect("ann");
        let report = eval_polnear(&dir, &EvalOptions::default()).expect("scores");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(report.articles, 1);
        // No quote-bearing content: nothing to find as a quote.
        assert_eq!(report.content.gold, 0);
        assert_eq!(report.reported.gold, 1);
        assert!(report.reported.predictions <= 1);
        assert_eq!(
            report.reported.correct_predictions,
            report.reported.predictions
        );
    }

    #[test]
    fn gold_sources_are_judged_by_the_products_knowledge() {
        assert_eq!(
            article_date("paper_2019-04-02_some-slug").as_deref(),
            Some("2019-04-02")
        );
        assert_eq!(article_date("paper_some-slug"), None);
        assert!(government_source("the Canadian foreign ministry", None));
        assert!(government_source("Kenyan officials", None));
        // A registry name counts only while in office on the article's date.
        assert!(government_source("Angela Merkel", Some("2015-01-01")));
        assert!(!government_source("Angela Merkel", Some("2023-01-01")));
        // Pronouns need the text around them; other voices are no government.
        assert!(!government_source("she", None));
        assert!(!government_source("the analyst", None));
        assert!(!government_source("", None));
    }

    #[test]
    fn parses_brat_lines_and_matches_content() {
        let raw = "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 20;22 30\t\"x\"\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        let parsed = parse_ann(Path::new("x.ann"), raw).expect("parses");
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].content, [(8, 20), (22, 30)]);
        assert_eq!(parsed[0].source, [(0, 2)]);
        assert!(content_match((9, 19), &[(8, 20)]));
        assert!(!content_match((0, 40), &[(8, 12)]));
    }
}
