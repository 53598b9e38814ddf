//! Title, date and outlet read from an article's text: YAML front matter, Markdown headings,
//! labelled lines ("Source: ...", "**Published:** ..."), a standalone date line, a wire tag in
//! the dateline ("HANOI (AP) —"), or a short first line that reads like a headline.
//! The text itself is never changed.

use super::date::{find_date, is_date_line, parse_date};
use super::markdown::{FrontMatter, first_heading, front_matter};
use super::split_paragraphs;

/// Title, publication date and outlet of an article, each when known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Headline or page title.
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Publisher or agency.
    pub outlet: Option<String>,
}

impl Metadata {
    /// Display form: white space (including U+00A0) collapsed to single spaces, empty fields
    /// dropped, and a trailing " | Site" removed from the title when it names the outlet.
    #[must_use]
    pub fn tidy(self) -> Self {
        let clean = |v: Option<String>| {
            v.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|s| !s.is_empty())
        };
        let outlet = clean(self.outlet);
        let title = clean(self.title).map(|t| strip_site_suffix(&t, outlet.as_deref()));
        Self {
            title,
            date: self.date,
            outlet,
        }
    }

    /// Fills the fields still missing here from `fallback`.
    #[must_use]
    pub fn or(self, fallback: Self) -> Self {
        Self {
            title: self.title.or(fallback.title),
            date: self.date.or(fallback.date),
            outlet: self.outlet.or(fallback.outlet),
        }
    }
}

const TITLE_SEPARATORS: &[&str] = &[" | ", " — ", " – ", " • ", " :: ", " - ", " « ", " » "];

/// Splits "Headline | Site" at the last separator.
pub fn site_suffix(title: &str) -> Option<(&str, &str)> {
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|(i, _)| *i)
        .map(|(i, len)| (title[..i].trim(), title[i + len..].trim()))
        .filter(|(head, site)| {
            !head.is_empty() && !site.is_empty() && site.split_whitespace().count() <= 6
        })
}

/// Drops " | Site Name" from a page title when it names the site.
pub fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    if let (Some((head, suffix)), Some(site)) = (site_suffix(title), site)
        && suffix.eq_ignore_ascii_case(site)
    {
        return head.to_owned();
    }
    title.to_owned()
}

/// Lines scanned for labels at the top and at the bottom of a text.
const HEAD_LINES: usize = 40;
const TAIL_LINES: usize = 8;
/// Labelled lines longer than this are prose, not metadata.
const MAX_LABEL_LINE: usize = 300;

/// Reads the metadata a plain-text or Markdown article carries in its own text.
#[must_use]
pub fn from_text(text: &str) -> Metadata {
    let fm = front_matter(text);
    let body = fm.as_ref().map_or(text, |fm| &text[fm.end..]);
    let labels = labelled_lines(body);
    let fm_meta = fm.as_ref().map(from_front_matter).unwrap_or_default();
    let label_meta = Metadata {
        title: labels.title.clone(),
        date: labels.date.clone().or(labels.updated.clone()),
        outlet: labels.outlet.clone(),
    };
    let title = fm_meta
        .title
        .clone()
        .or_else(|| first_heading(body, 5))
        .or_else(|| labels.title.clone())
        .or_else(|| headline_above_date(body))
        .or_else(|| headline(body));
    let structural = Metadata {
        title,
        date: standalone_date(body).or_else(|| dateline_date(body)),
        outlet: wire_tag(body),
    };
    let derived = Metadata {
        title: None,
        date: structural.title.as_deref().and_then(parse_date),
        outlet: fm
            .as_ref()
            .and_then(|fm| fm.first(&["source_url", "url", "canonical_url", "link"]))
            .or(labels.url.as_deref())
            .and_then(url_host),
    };
    fm_meta.or(label_meta).or(structural).or(derived)
}

fn from_front_matter(fm: &FrontMatter) -> Metadata {
    Metadata {
        title: fm.first(&["title", "headline"]).map(str::to_owned),
        date: fm
            .first(&[
                "date",
                "published_time",
                "published",
                "pubdate",
                "publish_date",
            ])
            .and_then(parse_date),
        outlet: fm
            .first(&[
                "source",
                "publisher",
                "outlet",
                "site_name",
                "site",
                "agency",
            ])
            .filter(|v| !v.contains("://"))
            .map(str::to_owned),
    }
}

#[derive(Default)]
struct Labels {
    title: Option<String>,
    date: Option<String>,
    updated: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
}

/// What a label such as "Published" or "Courtesy/Source" announces.
enum LabelKind {
    Title,
    Date,
    Updated,
    Outlet,
    Url,
}

fn label_kind(key: &str) -> Option<LabelKind> {
    let last = key.rsplit(['/', ' ']).next().unwrap_or(key);
    Some(match key {
        "title" | "headline" | "标题" => LabelKind::Title,
        "published" | "date" | "posted" | "published on" | "publication date" | "pubdate"
        | "日期" | "发布时间" => LabelKind::Date,
        "updated" | "last updated" | "modified" | "updated on" => LabelKind::Updated,
        "url" | "link" | "source url" | "canonical" => LabelKind::Url,
        "publisher" | "outlet" | "agency" | "publication" | "来源" => LabelKind::Outlet,
        _ if last == "source" => LabelKind::Outlet,
        _ => return None,
    })
}

fn labelled_lines(body: &str) -> Labels {
    let lines: Vec<&str> = body.lines().collect();
    let tail_from = lines.len().saturating_sub(TAIL_LINES).max(HEAD_LINES);
    let mut out = Labels::default();
    let candidates = lines
        .iter()
        .take(HEAD_LINES)
        .map(|l| (l, false))
        .chain(lines.iter().skip(tail_from).map(|l| (l, true)))
        .filter(|(l, _)| l.len() <= MAX_LABEL_LINE);
    for (line, in_tail) in candidates {
        let Some((key, value)) = split_label(line) else {
            if let Some(date) = leading_word_date(line) {
                out.updated.get_or_insert(date);
            }
            continue;
        };
        match label_kind(&key) {
            Some(LabelKind::Title) => {
                out.title.get_or_insert_with(|| value.to_owned());
            }
            Some(LabelKind::Date) => {
                if let Some(date) = parse_date(value) {
                    out.date.get_or_insert(date);
                }
            }
            Some(LabelKind::Updated) => {
                if let Some(date) = parse_date(value) {
                    out.updated.get_or_insert(date);
                }
            }
            // At the bottom of a story a bare "Source:" credits a chart or its data, not the
            // outlet ("Courtesy/Source:" and the like still name it).
            Some(LabelKind::Outlet) if in_tail && key == "source" => {}
            Some(LabelKind::Outlet) if !value.contains("://") => {
                out.outlet.get_or_insert_with(|| value.to_owned());
            }
            Some(LabelKind::Url) => {
                out.url.get_or_insert_with(|| value.to_owned());
            }
            Some(LabelKind::Outlet) | None => {}
        }
    }
    out
}

/// "Updated 10:30 a.m. Nov. 20, 2019" and "Published November 1, 2025": a date line led by
/// one of those words and no colon.
fn leading_word_date(line: &str) -> Option<String> {
    let line = line.trim();
    let first = line.split_whitespace().next()?.to_ascii_lowercase();
    let known = matches!(first.as_str(), "updated" | "published" | "posted");
    (known && is_date_line(line))
        .then(|| parse_date(line))
        .flatten()
}

/// Splits `**Key:** value`, `Key: value` or `Key：value` into a lowercased key and the value.
fn split_label(line: &str) -> Option<(String, &str)> {
    let line = line.trim().trim_start_matches(['>', '-', ' ']);
    let (key, value) = line
        .split_once(':')
        .or_else(|| line.split_once('：'))
        .filter(|(k, _)| !k.is_empty())?;
    let key = key.trim().trim_matches(['*', '_']).trim();
    let words = key.split([' ', '/']).filter(|w| !w.is_empty()).count();
    let key_ok = (1..=3).contains(&words)
        && key.chars().count() <= 30
        && key
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '/');
    let value = value.trim_start_matches(['*', '_']).trim();
    (key_ok && !value.is_empty()).then(|| (key.to_lowercase(), value))
}

/// The host of the first URL in `s`, without `www.` (a last resort for the outlet).
fn url_host(s: &str) -> Option<String> {
    let (_, rest) = s.split_once("://")?;
    let end = rest
        .find(['/', ']', ')', '?', '#', ' ', ':'])
        .unwrap_or(rest.len());
    let host = rest[..end].trim_start_matches("www.");
    (host.contains('.')).then(|| host.to_owned())
}

/// A wire service credited in a dateline: the parenthesised name right before the dash in
/// "HANOI, Vietnam (AP) —" or "GYEONGJU, Nov. 1 (Yonhap) --".
#[must_use]
pub fn wire_tag(body: &str) -> Option<String> {
    split_paragraphs(body)
        .into_iter()
        .take(12)
        .find_map(|p| dateline_tag(p.slice(body)))
}

fn dateline_tag(paragraph: &str) -> Option<String> {
    let head_end = paragraph
        .char_indices()
        .map(|(i, _)| i)
        .find(|i| *i >= 160)
        .unwrap_or(paragraph.len());
    let head = &paragraph[..head_end];
    let mut from = 0;
    while let Some(open) = head[from..].find('(').map(|i| i + from) {
        let close = head[open..].find(')').map(|i| i + open)?;
        from = close;
        let inner = head[open + 1..close].trim();
        let after = head[close + 1..].trim_start();
        let dash = ["—", "–", "--", "-", ":"]
            .iter()
            .any(|d| after.starts_with(d));
        let words: Vec<&str> = inner.split_whitespace().collect();
        let name_like = open > 0
            && (1..=3).contains(&words.len())
            && inner.chars().count() <= 30
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && inner
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '&'));
        if dash && name_like {
            return Some(inner.to_owned());
        }
    }
    None
}

/// "VIENNA — ...", "HANOI, Vietnam (AP) — ...": a capitalised place (or a wire credit)
/// before a dash opens a story's first sentence, not a headline.
fn starts_with_dateline(s: &str) -> bool {
    dateline_head(s).is_some()
}

/// The dateline at the start of `s`, before its dash ("SAMPLETOWN, Nov. 3 (Wire)"), when `s`
/// opens with one: a capitalised place in capitals (or a wire credit) of at most six words.
#[must_use]
pub fn dateline_head(s: &str) -> Option<&str> {
    if !s.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // A head of six words and its dash lie within the first seven words: the rest of a long
    // paragraph is not searched.
    let within = s.split_whitespace().nth(7).map_or(s.len(), |eighth| {
        eighth.as_ptr() as usize - s.as_ptr() as usize
    });
    let searched = &s[..within];
    let dash = [" — ", " – ", " ― ", " -- ", " - "]
        .iter()
        .filter_map(|d| searched.find(d))
        .min()?;
    let head = &s[..dash];
    let first = head.split([' ', ',']).next().unwrap_or("");
    let all_caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_ascii_uppercase());
    (head.split_whitespace().count() <= 6 && (all_caps || head.ends_with(')'))).then_some(head)
}

/// A date standing alone as a paragraph near the top ("June 29, 2019", "NOVEMBER 2, 2020").
fn standalone_date(body: &str) -> Option<String> {
    split_paragraphs(body)
        .into_iter()
        .take(15)
        .map(|p| p.slice(body))
        .find(|p| !p.contains('\n') && is_date_line(p))
        .and_then(|p| find_date(p).map(|(d, _)| d))
}

/// A full date in the first dateline near the top ("SAMPLETOWN, May 4, 2031 -",
/// "SAMPLETOWN, 4 May 2031 (Wire) -"); a dateline without a year ("Nov. 3") dates nothing.
fn dateline_date(body: &str) -> Option<String> {
    split_paragraphs(body)
        .into_iter()
        .take(15)
        .find_map(|p| dateline_head(p.slice(body)))
        .and_then(parse_date)
}

/// Paragraphs at the top searched for a headline standing above the date or byline.
const HEAD_PARAGRAPHS: usize = 8;

/// A headline right above the article's date, byline or publication line near the top: pages
/// saved with the site's header, a menu or a capture date above the headline ("Sunday, ...",
/// "Home World ...", then the headline, then "NOVEMBER 2, 2031").
fn headline_above_date(body: &str) -> Option<String> {
    let paragraphs = split_paragraphs(body);
    let top: Vec<&str> = paragraphs
        .iter()
        .take(HEAD_PARAGRAPHS)
        .map(|p| p.slice(body))
        .collect();
    top.windows(2).find_map(|pair| {
        let (head, next) = (pair[0], pair[1]);
        let next_line = next.lines().next().unwrap_or("").trim();
        let dated = (next.lines().count() <= 2 && is_date_line(next_line)) || is_byline(next_line);
        if !dated || head.contains('\n') {
            return None;
        }
        headline_text(head)
    })
}

/// "By Ann Example", "BY ANN EXAMPLE AND BO SAMPLE", "By Ann Example, Sample Wire": a line
/// naming the author(s).
#[must_use]
pub fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 || rest.chars().count() > 100 {
        return false;
    }
    let names = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let joiners = words
        .iter()
        .filter(|w| matches!(**w, "and" | "&" | "in" | "of"))
        .count();
    names >= 1 && names + joiners == words.len()
}

/// The first paragraph when it reads like a headline: one or two short lines, not a date,
/// not a label, not an opening sentence.
fn headline(body: &str) -> Option<String> {
    let first = split_paragraphs(body).into_iter().next()?.slice(body);
    headline_text(first)
}

/// `paragraph` as a headline (its lines joined) when it reads like one: one or two short
/// lines, not a date, not a label, not an opening sentence.
#[must_use]
pub fn headline_text(paragraph: &str) -> Option<String> {
    if paragraph.lines().count() > 2 {
        return None;
    }
    // The joined text has the paragraph's words, and its trimmed lines' chars with a space
    // between lines: both are counted before anything is allocated, and a long paragraph is
    // turned down at once.
    let chars = paragraph
        .lines()
        .map(|line| line.trim().chars().count() + 1)
        .sum::<usize>()
        .saturating_sub(1);
    if chars > MAX_HEADLINE_CHARS {
        return None;
    }
    let words = paragraph
        .split_whitespace()
        .take(MAX_HEADLINE_WORDS + 1)
        .count();
    if words > MAX_HEADLINE_WORDS {
        return None;
    }
    let joined = paragraph
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let starts_well = joined
        .chars()
        .next()
        .is_some_and(|c| !c.is_lowercase() && (c.is_alphanumeric() || "\"'“‘«".contains(c)));
    let sentence_end = joined.ends_with(['.', '"', '”', '!', '?', '。']);
    let short = words <= MAX_SENTENCE_HEADLINE_WORDS || !sentence_end;
    let ok = starts_well
        && short
        && !is_date_line(&joined)
        && !is_label_line(&joined)
        && !starts_with_dateline(&joined);
    ok.then_some(joined)
}

/// The most chars a headline has.
const MAX_HEADLINE_CHARS: usize = 300;

/// The most words a headline has.
const MAX_HEADLINE_WORDS: usize = 40;

/// The most words of a headline that ends like a sentence (longer, it is the opening
/// sentence).
const MAX_SENTENCE_HEADLINE_WORDS: usize = 20;

/// True when `line` is a metadata label Demarche reads ("Source: ...", "**Published:** ...").
#[must_use]
pub fn is_label_line(line: &str) -> bool {
    split_label(line).is_some_and(|(k, _)| label_kind(&k).is_some())
}

/// True when `line` is a label that article headers carry: the ones Demarche reads, and
/// author, language and section lines ("**Authors:** ...", "Language: eng").
#[must_use]
pub fn is_header_label_line(line: &str) -> bool {
    split_label(line).is_some_and(|(k, _)| {
        label_kind(&k).is_some()
            || matches!(
                k.as_str(),
                "author" | "authors" | "byline" | "by" | "language" | "section" | "sentiment"
            )
    })
}

/// True when `paragraph` opens with a dateline: a capitalised place (and perhaps a wire
/// credit) before a dash ("SAMPLETOWN, Nov. 3 (Wire) -"), as only a story's first
/// paragraph does.
#[must_use]
pub fn opens_with_dateline(paragraph: &str) -> bool {
    let head_end = paragraph
        .char_indices()
        .map(|(i, _)| i)
        .find(|i| *i >= 200)
        .unwrap_or(paragraph.len());
    starts_with_dateline(&paragraph[..head_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compilation_block_with_labels() {
        let text = "## 7. Sample headline about nothing\n\n**Source:** Example Daily  \n**Published:** 2031-05-06T01:02:03Z  \n**URL:** [https://example.org/a](https://example.org/a)  \n\n**Full Text:**\n\nSAMPLETOWN (Wire) -- Sample text.\n";
        let meta = from_text(text);
        assert_eq!(meta.title.as_deref(), Some("Sample headline about nothing"));
        assert_eq!(meta.date.as_deref(), Some("2031-05-06"));
        assert_eq!(meta.outlet.as_deref(), Some("Example Daily"));
    }

    #[test]
    fn front_matter_wins_and_url_host_is_the_last_resort() {
        let text = "---\ndate: '2030-01-02'\nsource_url: https://www.example.gov/x/y\ntitle: \"Sample\\_Statement\"\n---\n \nWe, the sample signatories, state nothing.\n";
        let meta = from_text(text);
        assert_eq!(meta.title.as_deref(), Some("Sample\u{a0}Statement"));
        assert_eq!(meta.date.as_deref(), Some("2030-01-02"));
        assert_eq!(meta.outlet.as_deref(), Some("example.gov"));
    }

    #[test]
    fn headline_standalone_date_and_wire_tag() {
        let text = "Sample officials trade invented remarks\n\nMarch 4, 2031\n\nSAMPLE CITY, Samplia (AP) — This is sample text. \u{201c}Nothing here is real,\u{201d} a spokesman said.\n";
        let meta = from_text(text);
        assert_eq!(
            meta.title.as_deref(),
            Some("Sample officials trade invented remarks")
        );
        assert_eq!(meta.date.as_deref(), Some("2031-03-04"));
        assert_eq!(meta.outlet.as_deref(), Some("AP"));
    }

    #[test]
    fn a_dateline_with_a_year_dates_the_story() {
        let text = "Harbour talks resume\n\nSAMPLETOWN, May 4, 2031 - The talks resumed.\n";
        assert_eq!(from_text(text).date.as_deref(), Some("2031-05-04"));
        let text = "Harbour talks resume\n\nSAMPLETOWN, 4 May 2031 (Wire) -- The talks resumed.\n";
        assert_eq!(from_text(text).date.as_deref(), Some("2031-05-04"));
        let text =
            "Harbour talks resume\n\nSAMPLETOWN, May 4 (Wire) - The talks resumed in 2029.\n";
        assert_eq!(from_text(text).date, None);
        // A date line of its own still wins over the dateline.
        let text = "Harbour talks resume\n\nMay 6, 2031\n\nSAMPLETOWN, May 4, 2031 - Talks.\n";
        assert_eq!(from_text(text).date.as_deref(), Some("2031-05-06"));
    }

    #[test]
    fn dash_in_a_headline_is_not_a_dateline() {
        let text = "2031年1月2日样例新闻发布会 — 样例部\n\n　　样例文本。\n";
        let meta = from_text(text);
        assert_eq!(
            meta.title.as_deref(),
            Some("2031年1月2日样例新闻发布会 — 样例部")
        );
        assert_eq!(meta.date.as_deref(), Some("2031-01-02"));
    }

    #[test]
    fn tidy_collapses_spaces_and_strips_the_site_from_the_title() {
        let meta = Metadata {
            title: Some("Sample\u{a0}headline - Sample\u{a0}Daily".to_owned()),
            date: None,
            outlet: Some("Sample Daily".to_owned()),
        };
        assert_eq!(meta.tidy().title.as_deref(), Some("Sample headline"));
    }

    #[test]
    fn opening_sentence_is_not_a_headline() {
        let text = "The sample ministry said on Tuesday that this invented sentence is long enough to be the opening paragraph of a story rather than a headline.\n\nMore.";
        assert_eq!(from_text(text).title, None);
        assert_eq!(from_text("VIENNA — Sample text.\n\nMore.").title, None);
    }

    #[test]
    fn date_from_title_and_trailing_source_line() {
        let text = "Sample Spokesperson's Regular Press Conference on November 7, 2031\n\nQ: Sample?\n\nA: Sample.\n\nCourtesy/Source: Sample Weekly\n";
        let meta = from_text(text);
        assert_eq!(meta.date.as_deref(), Some("2031-11-07"));
        assert_eq!(meta.outlet.as_deref(), Some("Sample Weekly"));
    }

    #[test]
    fn headline_above_the_date_under_a_saved_pages_header() {
        let text = "Saturday, January 4, 2031\nSample Site AD\nHome World Sample headline \
                    repeated in a menu\n\nSample headline about invented allies\n\n\
                    MARCH 2, 2031\n\nThe invented story begins here, and it is long enough \
                    to be prose rather than a headline of any kind at all.\n";
        let meta = from_text(text);
        assert_eq!(
            meta.title.as_deref(),
            Some("Sample headline about invented allies")
        );
        assert_eq!(meta.date.as_deref(), Some("2031-03-02"));
    }

    #[test]
    fn headline_above_a_byline() {
        let text = "Sample Site\nMenu Sample Links\nMore\n\nInvented envoy returns home\n\n\
                    By Ann Example\n\nSAMPLETOWN \u{2014} The invented envoy returned.\n";
        assert_eq!(
            from_text(text).title.as_deref(),
            Some("Invented envoy returns home")
        );
        assert!(is_byline("By Ann Example and Bo Sample"));
        assert!(!is_byline(
            "By the time the talks ended, nothing was agreed."
        ));
    }

    #[test]
    fn a_source_line_at_the_bottom_credits_a_chart_not_the_outlet() {
        let body = "Sample body text.\n\n".repeat(30);
        let text = format!(
            "Sample headline\n\n{body}Sample chart title\n\nSource: Sample Statistics Office.\n"
        );
        assert_eq!(from_text(&text).outlet, None);
        let text = "Source: Sample Wire\n\nSample headline\n\nSample body text.\n";
        assert_eq!(from_text(text).outlet.as_deref(), Some("Sample Wire"));
    }

    #[test]
    fn updated_line_without_colon() {
        let text = "Sample headline\n\nUpdated 10:30 a.m. Nov. 20, 2031\n\nSample body.";
        assert_eq!(from_text(text).date.as_deref(), Some("2031-11-20"));
    }

    #[test]
    fn site_suffix_is_stripped_only_when_it_names_the_site() {
        assert_eq!(
            strip_site_suffix("Head - Sample Site", Some("Sample Site")),
            "Head"
        );
        assert_eq!(
            strip_site_suffix("Head - Other", Some("Sample Site")),
            "Head - Other"
        );
    }

    #[test]
    fn wire_tag_needs_a_dateline_shape() {
        assert_eq!(wire_tag("(ATTN: RECASTS lead)\n\nBody."), None);
        assert_eq!(wire_tag("He said (Twice) it."), None);
        assert_eq!(
            wire_tag("PARIS, Nov 1 (Reuters) - Sample.").as_deref(),
            Some("Reuters")
        );
    }
}
