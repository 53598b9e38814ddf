//! HTML pages reduced to the article: page metadata from `<meta>` tags, then the content root
//! (the `<article>` / `itemprop=articleBody` element or, failing that, the element holding
//! the most paragraph text), then one paragraph per block with page chrome (navigation, ads,
//! share bars, hidden tooltips, ...) left out.
//!
//! Markup is first bounded in depth ([`depth`]), so no page costs quadratic time.
//!
//! Output: the title, a blank line, then each block separated by blank lines. Inside a block,
//! runs of ASCII white space become one space, as a browser shows them; other spaces (U+00A0,
//! U+3000) are kept.

use std::collections::BTreeMap;

use scraper::{ElementRef, Html};

use super::date::parse_date;
use super::metadata::{Metadata, site_suffix, strip_site_suffix};

mod blocks;
pub mod depth;
mod junk;

pub use blocks::collapse;
use blocks::{article_blocks, is_container, loose_chars, text_of};
use junk::{is_junk, junk_by_markup};

/// An HTML page reduced to its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    /// Title, blank line, then the article's blocks separated by blank lines.
    pub text: String,
    /// Title, date and outlet from the page's markup (fields the markup lacks are `None`).
    pub meta: Metadata,
    /// The article's blocks alone (without the title).
    pub blocks: Vec<String>,
    /// Tags ignored because they were nested deeper than [`depth::MAX_NESTING`].
    pub ignored_tags: usize,
}

/// Reduces an HTML page to its article text and metadata.
#[must_use]
pub fn extract(html: &str) -> HtmlArticle {
    let (html, ignored_tags) = depth::limit_nesting(html, depth::MAX_NESTING);
    let doc = Html::parse_document(&html);
    let metas = meta_tags(&doc);
    let roots = content_roots(&doc);
    let root = roots.first().copied();
    let mut blocks = article_blocks(&roots);
    let meta = page_metadata(&doc, &metas, root);
    if let (Some(title), Some(first)) = (&meta.title, blocks.first())
        && first == title
    {
        blocks.remove(0);
    }
    let mut text = String::new();
    if let Some(title) = &meta.title {
        text.push_str(title);
    }
    for block in &blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(block);
    }
    if !text.is_empty() {
        text.push('\n');
    }
    HtmlArticle {
        text,
        meta,
        blocks,
        ignored_tags,
    }
}

/// `<meta>` contents keyed by lowercased `property`, `name` or `itemprop` (first one wins).
fn meta_tags(doc: &Html) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for el in doc.root_element().descendent_elements() {
        if el.value().name() != "meta" {
            continue;
        }
        let Some(content) = el.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = el.attr(key) {
                out.entry(k.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.to_owned());
            }
        }
    }
    out
}

/// Title (`og:title`, `<title>`, first `<h1>`), date (publication `<meta>`, then `<time>`)
/// and outlet (`og:site_name` and kin, else the site named after the title's separator).
fn page_metadata(
    doc: &Html,
    metas: &BTreeMap<String, String>,
    root: Option<ElementRef<'_>>,
) -> Metadata {
    let meta = |keys: &[&str]| keys.iter().find_map(|k| metas.get(*k)).map(|v| collapse(v));
    let linked = json_ld(doc);
    let outlet = meta(&[
        "og:site_name",
        "publisher",
        "dc.publisher",
        "citation_publisher",
    ])
    .or_else(|| linked.outlet.clone());
    let title_tag = doc
        .root_element()
        .descendent_elements()
        .find(|e| e.value().name() == "title")
        .map(|e| collapse(&text_of(e)))
        .filter(|t| !t.is_empty());
    let h1 = doc
        .root_element()
        .descendent_elements()
        .find(|e| e.value().name() == "h1" && !is_junk(*e))
        .map(|e| collapse(&text_of(e)))
        .filter(|t| !t.is_empty());
    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| linked.title.clone())
        .or(title_tag)
        .or(h1)
        .map(|t| strip_site_suffix(&t, outlet.as_deref()));
    let date = meta(&[
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "parsely-pub-date",
        "citation_publication_date",
        "dc.date.issued",
        "dc.date",
        "date",
        "sailthru.date",
    ])
    .and_then(|d| parse_date(&d))
    .or_else(|| linked.date.clone())
    .or_else(|| root.and_then(time_date))
    .or_else(|| time_date(doc.root_element()));
    let outlet = outlet.or_else(|| {
        let title = meta(&["og:title"]).or_else(|| {
            doc.root_element()
                .descendent_elements()
                .find(|e| e.value().name() == "title")
                .map(|e| collapse(&text_of(e)))
        })?;
        // Only separators that rarely occur inside a headline name a site.
        let strong = [" | ", " • ", " :: ", " — "]
            .iter()
            .any(|sep| title.contains(sep));
        site_suffix(&title)
            .filter(|_| strong)
            .map(|(_, site)| site.to_owned())
    });
    Metadata {
        title,
        date,
        outlet,
    }
}

/// Headline, `datePublished` and publisher name from the page's JSON-LD
/// (`<script type="application/ld+json">`), as schema.org `NewsArticle` markup gives them.
fn json_ld(doc: &Html) -> Metadata {
    let mut out = Metadata::default();
    for script in doc.root_element().descendent_elements() {
        let is_ld = script.value().name() == "script"
            && script
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let raw: String = script.text().collect();
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&raw) {
            collect_ld(&value, &mut out, 0);
        }
    }
    out
}

fn collect_ld(value: &serde_json::Value, out: &mut Metadata, depth: usize) {
    use serde_json::Value;
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_ld(item, out, depth + 1);
            }
        }
        Value::Object(map) => {
            if out.date.is_none() {
                out.date = map
                    .get("datePublished")
                    .and_then(Value::as_str)
                    .and_then(parse_date);
            }
            if out.title.is_none() {
                out.title = map
                    .get("headline")
                    .and_then(Value::as_str)
                    .map(collapse)
                    .filter(|t| !t.is_empty());
            }
            if out.outlet.is_none() {
                out.outlet = map
                    .get("publisher")
                    .and_then(|p| p.get("name").or(Some(p)))
                    .and_then(Value::as_str)
                    .map(collapse)
                    .filter(|t| !t.is_empty());
            }
            if let Some(graph) = map.get("@graph") {
                collect_ld(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// The first `<time>` element's date (its `datetime`, else its text).
fn time_date(root: ElementRef<'_>) -> Option<String> {
    root.descendent_elements()
        .filter(|e| e.value().name() == "time")
        .find_map(|e| {
            e.attr("datetime")
                .and_then(parse_date)
                .or_else(|| parse_date(&text_of(e)))
        })
}

/// The elements holding the article, in document order: the content root, plus (when the
/// root was found by scoring) siblings that carry paragraphs of their own, as when a story
/// body is split over several columns.
fn content_roots(doc: &Html) -> Vec<ElementRef<'_>> {
    let Some((root, scored)) = content_root(doc) else {
        return Vec::new();
    };
    if !scored {
        return vec![root];
    }
    let root_chars = paragraph_chars(root);
    let threshold = (root_chars / 5).max(MIN_SIBLING_CHARS);
    let mut roots = Vec::new();
    for sibling in root
        .parent()
        .into_iter()
        .flat_map(|p| p.children())
        .filter_map(ElementRef::wrap)
    {
        if sibling.id() == root.id() {
            roots.push(root);
            continue;
        }
        if is_junk(sibling) {
            continue;
        }
        let chars = if sibling.value().name() == "p" {
            collapse(&text_of(sibling)).chars().count() * 2
        } else {
            paragraph_chars(sibling)
        };
        if chars >= threshold {
            roots.push(sibling);
        }
    }
    roots
}

/// A sibling of the content root joins it when it holds at least this much paragraph text
/// (or a fifth of the root's, whichever is more).
const MIN_SIBLING_CHARS: usize = 80;

/// The element holding the article, and whether it was found by scoring (rather than by
/// `<article>` / `itemprop=articleBody` markup).
fn content_root(doc: &Html) -> Option<(ElementRef<'_>, bool)> {
    let best = densest(doc, true).or_else(|| densest(doc, false));
    let semantic = doc
        .root_element()
        .descendent_elements()
        .filter(|e| e.value().name() == "article" || e.attr("itemprop") == Some("articleBody"))
        .map(|e| (e, paragraph_chars(e)))
        .filter(|(_, chars)| *chars > 0)
        .max_by_key(|(_, chars)| *chars);
    let Some((semantic, semantic_chars)) = semantic else {
        return best
            .map(|b| (b, true))
            .or_else(|| body(doc).map(|b| (b, false)));
    };
    // Widen articleBody to its <article> when that adds no paragraphs (it adds the header).
    let semantic = semantic
        .ancestors()
        .filter_map(ElementRef::wrap)
        .take(8)
        .find(|a| a.value().name() == "article" && paragraph_chars(*a) * 10 <= semantic_chars * 11)
        .unwrap_or(semantic);
    let Some(best) = best else {
        return Some((semantic, false));
    };
    let best_chars = paragraph_chars(best);
    if semantic.ancestors().any(|a| a.id() == best.id()) {
        // The scored node is wider than the semantic one: trust the semantic one when it
        // holds most of the text.
        return Some(if semantic_chars * 10 >= best_chars * 6 {
            (semantic, false)
        } else {
            (best, true)
        });
    }
    if best.ancestors().any(|a| a.id() == semantic.id()) {
        return Some((semantic, false));
    }
    Some(if semantic_chars >= best_chars {
        (semantic, false)
    } else {
        (best, true)
    })
}

fn body(doc: &Html) -> Option<ElementRef<'_>> {
    doc.root_element()
        .descendent_elements()
        .find(|e| e.value().name() == "body")
}

/// The best element by a readability-style score: each `<p>` adds its text length to its
/// parent and half to its grandparent. With `strict`, paragraphs inside junk-looking elements
/// do not count.
fn densest(doc: &Html, strict: bool) -> Option<ElementRef<'_>> {
    let mut scores = BTreeMap::new();
    // Whether an element or one above it is chrome by its markup, remembered per element so
    // each is judged once however many paragraphs lie under it (an ancestor walk per
    // paragraph would cost the depth times the paragraphs).
    let mut memo = std::collections::HashMap::new();
    let mut at_or_above = |el: ElementRef<'_>| {
        let mut unknown = Vec::new();
        let mut known = false;
        let mut current = Some(el);
        while let Some(e) = current {
            if let Some(v) = memo.get(&e.id()) {
                known = *v;
                break;
            }
            unknown.push(e);
            current = e.parent().and_then(ElementRef::wrap);
        }
        for e in unknown.into_iter().rev() {
            known = known || junk_by_markup(e);
            memo.insert(e.id(), known);
        }
        known
    };
    for el in doc.root_element().descendent_elements() {
        // A <p> scores its parent and grandparent; an element holding prose directly
        // (text with <br>s, as blogs and old pages write) scores itself and its parent.
        let (len, first) = if matches!(el.value().name(), "p" | "pre") {
            (collapse(&text_of(el)).chars().count(), el.parent())
        } else if is_container(el) {
            let own = loose_chars(el);
            if own < MIN_LOOSE_SCORE_CHARS {
                continue;
            }
            (own, Some(*el))
        } else {
            continue;
        };
        if len == 0 || in_junk(el, strict, &mut at_or_above) {
            continue;
        }
        #[allow(clippy::cast_precision_loss)]
        let len = len as f64;
        let Some(first) = first else {
            continue;
        };
        *scores.entry(first.id()).or_default() += len;
        if let Some(second) = first.parent() {
            *scores.entry(second.id()).or_default() += len / 2.0;
        }
    }
    scores
        .into_iter()
        .max_by(|a: &(_, f64), b: &(_, f64)| a.1.total_cmp(&b.1))
        .and_then(|(id, _)| doc.tree.get(id))
        .and_then(ElementRef::wrap)
}

/// Loose prose shorter than this does not score an element.
const MIN_LOOSE_SCORE_CHARS: usize = 80;

/// True when `el` or an ancestor is chrome. Class words are judged on the element and the
/// two above it; further up only markup counts, so a wrapper named "sidebar-layout" cannot
/// hide the story. Without `strict`, only markup counts at all.
fn in_junk<'a>(
    el: ElementRef<'a>,
    strict: bool,
    at_or_above: &mut impl FnMut(ElementRef<'a>) -> bool,
) -> bool {
    if !strict {
        return at_or_above(el);
    }
    let mut chain = std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap));
    for _ in 0..3 {
        match chain.next() {
            Some(e) if is_junk(e) => return true,
            Some(_) => {}
            None => return false,
        }
    }
    chain.next().is_some_and(at_or_above)
}

/// Characters of paragraph text under `el`, outside junk (one walk down the tree, carrying
/// whether an element passed on the way is junk).
fn paragraph_chars(el: ElementRef<'_>) -> usize {
    let chars = |p: ElementRef<'_>| collapse(&text_of(p)).chars().count();
    if el.value().name() == "p" {
        return if is_junk(el) { 0 } else { chars(el) };
    }
    let mut total = 0;
    let mut stack: Vec<(ElementRef<'_>, bool)> = el
        .children()
        .filter_map(ElementRef::wrap)
        .map(|c| (c, false))
        .collect();
    while let Some((node, junk_above)) = stack.pop() {
        let junk = junk_above || is_junk(node);
        if node.value().name() == "p" && !junk {
            total += chars(node);
        }
        stack.extend(
            node.children()
                .filter_map(ElementRef::wrap)
                .map(|c| (c, junk)),
        );
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Sample ministry says nothing | Sample Times</title>
<meta property="og:site_name" content="Sample Times">
<meta property="article:published_time" content="2031-02-03T04:05:06Z">
<script>var ad = "SCRIPT JUNK";</script><style>p { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li>World</li></ul></nav>
<div class="ad-slot">Buy sample things now, this is an advertisement that is long enough.</div>
<article><h1>Sample ministry says nothing</h1>
<p>SAMPLE CITY (Wire) — This is   sample
text, written for a test.</p>
<p>&ldquo;Nothing in this paragraph is real,&rdquo; the <a href="/p">sample&nbsp;spokesman</a> said.<span class="tooltip hidden">Tooltip junk</span></p>
<div class="share-bar"><p>Share this on sample networks</p></div>
<ul><li>A listed sample point.</li></ul>
</article>
<aside><p>Related: another sample story that should be dropped entirely.</p></aside>
<footer><p>Copyright Sample Times</p></footer>
</body></html>"#;

    #[test]
    fn article_blocks_without_chrome() {
        let got = extract(PAGE);
        assert_eq!(
            got.blocks,
            [
                "SAMPLE CITY (Wire) — This is sample text, written for a test.",
                "\u{201c}Nothing in this paragraph is real,\u{201d} the sample\u{a0}spokesman said.",
                "A listed sample point.",
            ]
        );
        assert!(
            got.text
                .starts_with("Sample ministry says nothing\n\nSAMPLE CITY")
        );
        assert_eq!(
            got.meta.title.as_deref(),
            Some("Sample ministry says nothing")
        );
        assert_eq!(got.meta.date.as_deref(), Some("2031-02-03"));
        assert_eq!(got.meta.outlet.as_deref(), Some("Sample Times"));
        for junk in [
            "SCRIPT",
            "Home",
            "advertisement",
            "Tooltip",
            "Share",
            "Related",
            "Copyright",
        ] {
            assert!(!got.text.contains(junk), "{junk} leaked into {}", got.text);
        }
    }

    #[test]
    fn page_without_article_uses_the_densest_paragraph_parent() {
        let html = r#"<html><head><title>Sample briefing on May 5, 2031</title></head><body>
<div class="menu"><p>Menu item</p></div>
<div id="links"><p>Link one</p><p>Link two</p></div>
<div class="content"><P>Q: Is this a sample question written for a test?</P>
<P>A: Yes, and this is the sample answer, which is longer than the links.</P></div>
</body></html>"#;
        let got = extract(html);
        assert_eq!(
            got.blocks,
            [
                "Q: Is this a sample question written for a test?",
                "A: Yes, and this is the sample answer, which is longer than the links."
            ]
        );
        assert_eq!(
            got.meta.title.as_deref(),
            Some("Sample briefing on May 5, 2031")
        );
    }

    #[test]
    fn story_split_over_sibling_columns_is_joined() {
        let html = r#"<html><body><div class="story">
<div class="col"><p>First sample paragraph of a story split over columns, written for a test.</p>
<p>Second sample paragraph, still in the first column of the invented story.</p></div>
<div class="promo-box"><p>Sample promotion that must not be joined to the story at all.</p></div>
<div class="col"><p>Third sample paragraph, in the second column of the same invented story.</p>
<p>Fourth sample paragraph, which closes the invented story for this test.</p></div>
</div><div class="footerlinks"><p>About</p></div></body></html>"#;
        let got = extract(html);
        assert_eq!(got.blocks.len(), 4, "{:#?}", got.blocks);
        assert!(got.blocks[3].starts_with("Fourth"));
    }

    #[test]
    fn json_ld_gives_metadata_when_meta_tags_do_not() {
        let html = r#"<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Sample ld headline",
"datePublished":"2031-08-09T10:00:00+02:00","publisher":{"@type":"Organization","name":"Sample Ld Times"}}]}
</script></head><body><p>Sample body text for the test.</p></body></html>"#;
        let got = extract(html);
        assert_eq!(got.meta.title.as_deref(), Some("Sample ld headline"));
        assert_eq!(got.meta.date.as_deref(), Some("2031-08-09"));
        assert_eq!(got.meta.outlet.as_deref(), Some("Sample Ld Times"));
    }

    #[test]
    fn loose_text_needs_to_look_like_prose_but_dates_in_time_are_kept() {
        let html = r#"<html><body><article><div class="meta"><time datetime="2031-06-07">June 7, 2031</time></div>
<div>14:00</div><div>Sample place</div>
<p>A sample paragraph for the test.</p>
<div>A loose run of sample text outside any paragraph element, long enough to count as prose.</div>
</article></body></html>"#;
        let got = extract(html);
        assert_eq!(
            got.blocks,
            [
                "June 7, 2031",
                "A sample paragraph for the test.",
                "A loose run of sample text outside any paragraph element, long enough to count as prose."
            ]
        );
        assert_eq!(got.meta.date.as_deref(), Some("2031-06-07"));
    }
}
