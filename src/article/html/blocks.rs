//! The article's blocks: one per paragraph element under the content root, plus loose text
//! runs that read like prose, minus link lists, copyright lines and headings left with
//! nothing under them.

use scraper::{ElementRef, Node};

use super::junk::{is_junk, junk_by_markup};
use crate::article::date::is_date_line;

/// Elements whose text is one paragraph.
const PARAGRAPH_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "td",
    "th",
    "address",
];

/// Elements that flow inside a line of text.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    "br", "img", "ins", "del", "strike", "tt", "big", "nobr",
];

/// A loose run of text outside any paragraph element counts only if it looks like prose.
const MIN_LOOSE_CHARS: usize = 80;

/// Markup nested deeper than this is not read (it keeps the recursion bounded).
const MAX_DEPTH: usize = 256;

/// A root holding this much prose directly (not in paragraph elements) is a text written
/// with `<br>`s: all its loose runs are paragraphs, however short.
const LENIENT_ROOT_CHARS: usize = 100;

/// A block whose text is mostly link text is navigation or a teaser, not the article.
const MAX_LINK_DENSITY: f64 = 0.5;

/// Copyright notices longer than this are treated as prose.
const MAX_NOTICE_CHARS: usize = 200;

/// One paragraph of the page and what is known about it.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    text: String,
    /// An `h1`-`h6` element.
    heading: bool,
    /// Inside `role="heading"` (a lead or standfirst): not yet the body.
    lead: bool,
    link_density: f64,
}

/// The blocks of the article under `roots`, in document order.
pub(super) fn article_blocks(roots: &[ElementRef<'_>]) -> Vec<String> {
    let mut walker = Walker {
        out: Vec::new(),
        run: Acc::default(),
        dated: false,
        in_heading_role: false,
    };
    for root in roots {
        let lenient = PARAGRAPH_TAGS.contains(&root.value().name())
            || loose_chars(*root) >= LENIENT_ROOT_CHARS;
        walker.container(*root, lenient, 0);
    }
    let kept: Vec<Block> = walker
        .out
        .into_iter()
        .filter(|b| {
            b.link_density <= MAX_LINK_DENSITY
                && !is_notice(&b.text)
                && b.text.chars().any(char::is_alphabetic)
        })
        .collect();
    drop_orphan_headings(kept)
        .into_iter()
        .map(|b| b.text)
        .collect()
}

/// Drops headings followed by another heading or by nothing: section titles of lists that
/// were removed ("You may also like", "Topics").
fn drop_orphan_headings(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut next_is_heading_or_end = true;
    for block in blocks.into_iter().rev() {
        if block.heading && next_is_heading_or_end {
            continue;
        }
        next_is_heading_or_end = block.heading;
        out.push(block);
    }
    out.reverse();
    out
}

fn is_notice(text: &str) -> bool {
    let lower = text.to_lowercase();
    (lower.starts_with("copyright") || lower.starts_with('©') || lower.starts_with("(c) "))
        && text.chars().count() <= MAX_NOTICE_CHARS
}

/// Text gathered from inline content, with the share of it inside links.
#[derive(Debug, Default)]
struct Acc {
    text: String,
    chars: usize,
    link_chars: usize,
    has_time: bool,
    /// The last thing added was a `<br>` (two in a row end a paragraph).
    after_br: bool,
}

impl Acc {
    fn push(&mut self, s: &str, in_link: bool) {
        self.text.push_str(s);
        let visible = s.chars().filter(|c| !c.is_whitespace()).count();
        if visible > 0 {
            self.after_br = false;
        }
        self.chars += visible;
        if in_link {
            self.link_chars += visible;
        }
    }

    #[allow(clippy::cast_precision_loss)]
    fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.chars as f64
        }
    }
}

/// Text under `el` with junk left out; `<br>` reads as a space.
#[must_use]
pub(super) fn text_of(el: ElementRef<'_>) -> String {
    let mut acc = Acc::default();
    push_text(el, &mut acc, false, 0);
    acc.text
}

fn push_text(el: ElementRef<'_>, acc: &mut Acc, in_link: bool, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => acc.push(t, in_link),
            Node::Element(e) => {
                if e.name() == "br" {
                    acc.push(" ", in_link);
                } else if let Some(child) = ElementRef::wrap(child)
                    && !is_junk(child)
                {
                    let link = in_link || (e.name() == "a" && e.attr("href").is_some());
                    push_text(child, acc, link, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// Collapses runs of ASCII white space to one space and trims ASCII white space at the ends.
/// U+00A0, U+3000 and other non-ASCII spaces are kept as they are.
#[must_use]
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Walks the content root, emitting one block per paragraph element and keeping loose text
/// runs that look like prose.
struct Walker {
    out: Vec<Block>,
    run: Acc,
    /// A date line has been emitted (only the first one, before the body, is kept).
    dated: bool,
    /// Inside an element with `role="heading"` (a standfirst or lead marked as heading).
    in_heading_role: bool,
}

impl Walker {
    /// Walks the children of a container element. `lenient` keeps any loose text (inside a
    /// list item or cell that also holds paragraphs); otherwise loose text must look like prose.
    fn container(&mut self, el: ElementRef<'_>, lenient: bool, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => self.run.push(t, false),
                Node::Element(e) => {
                    let Some(child_el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    let name = e.name();
                    if is_junk(child_el) {
                        self.header_date(child_el);
                        continue;
                    }
                    if name == "br" {
                        if self.run.after_br {
                            self.flush(lenient);
                        } else {
                            self.run.push(" ", false);
                            self.run.after_br = true;
                        }
                    } else if INLINE_TAGS.contains(&name) && !has_block(child_el) {
                        if name == "time" {
                            self.run.has_time = true;
                        }
                        let link = name == "a" && e.attr("href").is_some();
                        push_text(child_el, &mut self.run, link, depth + 1);
                    } else if PARAGRAPH_TAGS.contains(&name) && !has_block(child_el) {
                        self.flush(lenient);
                        let mut acc = Acc::default();
                        push_text(child_el, &mut acc, false, depth + 1);
                        // Preformatted text keeps its own paragraphs (blank-line separated).
                        let parts: Vec<&str> = if name == "pre" {
                            split_blank_lines(&acc.text)
                        } else {
                            vec![acc.text.as_str()]
                        };
                        for part in parts {
                            let text = collapse(part);
                            if !text.is_empty() {
                                self.out.push(Block {
                                    text,
                                    heading: is_heading(name),
                                    lead: self.in_heading_role,
                                    link_density: acc.link_density(),
                                });
                            }
                        }
                    } else {
                        self.flush(lenient);
                        let inner_lenient = PARAGRAPH_TAGS.contains(&name);
                        let outer_heading = self.in_heading_role;
                        self.in_heading_role |= e.attr("role") == Some("heading");
                        self.container(child_el, inner_lenient, depth + 1);
                        self.flush(inner_lenient);
                        self.in_heading_role = outer_heading;
                    }
                }
                _ => {}
            }
        }
        self.flush(lenient);
    }

    /// Keeps the publication date of an article header (a `<time>` inside chrome such as
    /// "entry-meta") when no body text has been seen yet.
    fn header_date(&mut self, el: ElementRef<'_>) {
        if self.dated || self.in_body() || junk_by_markup(el) {
            return;
        }
        let date = el
            .descendent_elements()
            .filter(|e| e.value().name() == "time")
            .map(|e| collapse(&text_of(e)))
            .find(|t| is_date_line(t));
        if let Some(text) = date {
            self.flush(false);
            self.push_date(text);
        }
    }

    /// True once a block of the article's body (not a heading or lead) has been emitted.
    fn in_body(&self) -> bool {
        self.out.iter().any(|b| !b.heading && !b.lead)
    }

    /// Puts the article's date right after its leading headings (before any lead), so pages
    /// come out as title, date, body whatever their markup order.
    fn push_date(&mut self, text: String) {
        self.dated = true;
        let at = self
            .out
            .iter()
            .position(|b| !b.heading)
            .unwrap_or(self.out.len());
        self.out.insert(
            at,
            Block {
                text,
                heading: false,
                lead: false,
                link_density: 0.0,
            },
        );
    }

    fn flush(&mut self, lenient: bool) {
        let run = std::mem::take(&mut self.run);
        let text = collapse(&run.text);
        if text.is_empty() {
            return;
        }
        let prose = text.chars().count() >= MIN_LOOSE_CHARS
            && text.contains(['.', '!', '?', '。', '！', '？']);
        if run.has_time && !self.dated && !self.in_body() && is_date_line(&text) {
            self.push_date(text);
            return;
        }
        if lenient || prose {
            self.out.push(Block {
                text,
                heading: false,
                lead: self.in_heading_role,
                link_density: run.link_density(),
            });
        }
    }
}

/// Splits text at blank lines (lines holding only white space).
fn split_blank_lines(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            parts.push(&text[start..pos]);
            start = pos + line.len();
        }
        pos += line.len();
    }
    parts.push(&text[start..]);
    parts
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// True for elements that hold blocks rather than flow in a line or form one paragraph
/// (as the walker treats them).
#[must_use]
pub(super) fn is_container(el: ElementRef<'_>) -> bool {
    let name = el.value().name();
    if INLINE_TAGS.contains(&name) {
        // A <span> wrapping <div>s is walked as a container too.
        return has_block(el);
    }
    !PARAGRAPH_TAGS.contains(&name)
}

/// Visible characters of the text `el` holds directly (its own text nodes and inline
/// children, not the text inside its block children), leaving out link text.
#[must_use]
pub(super) fn loose_chars(el: ElementRef<'_>) -> usize {
    let mut acc = Acc::default();
    for child in el.children() {
        match child.value() {
            Node::Text(t) => acc.push(t, false),
            Node::Element(e) if INLINE_TAGS.contains(&e.name()) => {
                if let Some(child) = ElementRef::wrap(child)
                    && !is_junk(child)
                    && !has_block(child)
                {
                    let link = e.name() == "a" && e.attr("href").is_some();
                    push_text(child, &mut acc, link, 1);
                }
            }
            _ => {}
        }
    }
    acc.chars - acc.link_chars
}

/// True when `el` holds a paragraph or a non-inline element (so it is not one line of text).
fn has_block(el: ElementRef<'_>) -> bool {
    el.descendent_elements().skip(1).any(|d| {
        let name = d.value().name();
        !INLINE_TAGS.contains(&name) && !is_junk(d)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn blocks(body: &str) -> Vec<String> {
        let doc = Html::parse_document(body);
        article_blocks(&[doc.root_element()])
    }

    #[test]
    fn link_lists_and_orphan_headings_are_dropped() {
        let got = blocks(
            r#"<h2>Sample section</h2><p>A sample paragraph with a <a href="/x">link</a> in it.</p>
<h3>Topics</h3><ul><li><a href="/t">Sample topic</a></li></ul>
<h2>You may also like</h2><p><a href="/s">Another sample story headline</a></p>
<p>Copyright 2031 Sample Times.</p>"#,
        );
        assert_eq!(
            got,
            ["Sample section", "A sample paragraph with a link in it."]
        );
    }

    #[test]
    fn nested_paragraphs_in_list_items_and_quotes() {
        let got = blocks(
            "<ul><li>Lead-in text<p>First sample point.</p></li></ul><blockquote><p>Quoted sample.</p></blockquote>",
        );
        assert_eq!(
            got,
            ["Lead-in text", "First sample point.", "Quoted sample."]
        );
    }

    #[test]
    fn header_date_goes_after_the_title_and_footer_dates_are_dropped() {
        let got = blocks(
            r#"<h1>Sample title</h1><div role="heading"><p>A sample lead.</p></div>
<div class="entry-meta"><time datetime="2031-01-02">January 2, 2031</time></div>
<p>Sample body.</p>
<div class="post-meta"><p>Publication date: <time>January 2, 2031</time></p></div>"#,
        );
        assert_eq!(
            got,
            [
                "Sample title",
                "January 2, 2031",
                "A sample lead.",
                "Sample body."
            ]
        );
    }

    #[test]
    fn double_line_breaks_split_loose_text() {
        let got = blocks(
            "<div>First loose sample paragraph, long enough to be read as prose by the block walker here.<br>\n<br>Second loose sample paragraph, also long enough to be read as prose here.<br>Same paragraph.</div>",
        );
        assert_eq!(
            got,
            [
                "First loose sample paragraph, long enough to be read as prose by the block walker here.",
                "Second loose sample paragraph, also long enough to be read as prose here. Same paragraph."
            ]
        );
    }

    #[test]
    fn a_page_written_with_line_breaks_is_read_as_paragraphs() {
        let html = r#"<html><body><div class="menu"><a href="/">Home</a></div>
<div class="post-body">This is a sample blog post written with line breaks instead of paragraph elements, for a test.<br><br>Short line.<br><br>Another sample line that closes the invented post.</div>
</body></html>"#;
        let got = super::super::extract(html);
        assert_eq!(
            got.blocks,
            [
                "This is a sample blog post written with line breaks instead of paragraph elements, for a test.",
                "Short line.",
                "Another sample line that closes the invented post."
            ]
        );
    }

    #[test]
    fn preformatted_text_keeps_its_paragraphs() {
        let got = blocks(
            "<pre>SAMPLE SPEAKER:  First sample\nline.\n\n  \nSECOND SPEAKER:  Sample reply.\n</pre>",
        );
        assert_eq!(
            got,
            [
                "SAMPLE SPEAKER: First sample line.",
                "SECOND SPEAKER: Sample reply."
            ]
        );
    }

    #[test]
    fn absurdly_deep_markup_does_not_overflow_the_stack() {
        let html = format!(
            "<p>Sample text at the top.</p>{}deep{}",
            "<div><span>".repeat(600),
            "</span></div>".repeat(600)
        );
        let got = blocks(&html);
        assert_eq!(
            got.first().map(String::as_str),
            Some("Sample text at the top.")
        );
    }

    #[test]
    fn collapse_keeps_non_ascii_spaces() {
        assert_eq!(
            collapse("  a \n\t b\u{a0} \u{3000}c  "),
            "a b\u{a0} \u{3000}c"
        );
    }
}
