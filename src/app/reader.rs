//! How the reader shows an article: Markdown marks dropped (headings set as headings,
//! emphasis as emphasis, links as their text), front matter hidden (its fields are shown as
//! metadata instead), and hard-wrapped lines joined into paragraphs.
//!
//! This is a display mapping only: the stored text never changes. Every run keeps the byte
//! range of the article text it stands for, so statements (offsets into that text) are lit up
//! in place and a click on a word maps back to its offset.

use crate::article::markdown::front_matter;
use crate::article::{Article, SourceFormat};
use crate::text::Span;

/// How a run is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunStyle {
    /// Between `*` or `_` marks.
    pub emphasis: bool,
    /// Between `**` or `__` marks.
    pub strong: bool,
}

/// A run of displayed text and the article text it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// What the reader shows.
    pub text: String,
    /// The byte range of the article text shown.
    pub source: Span,
    /// True when `text` is exactly the source text (so offsets map one to one); false for a
    /// line break shown as a space.
    pub verbatim: bool,
    /// Emphasis.
    pub style: RunStyle,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A Markdown heading of this level (1 to 6).
    Heading(u8),
    /// Running text.
    Paragraph,
}

/// A heading or a paragraph of the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Heading or paragraph.
    pub kind: BlockKind,
    /// Its runs, in order.
    pub runs: Vec<Run>,
    /// The byte range of the article text the block covers.
    pub source: Span,
}

#[cfg(test)]
impl Block {
    /// The text shown.
    #[must_use]
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// An article as the reader shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReaderDoc {
    /// Headings and paragraphs, in order.
    pub blocks: Vec<Block>,
    /// The front matter's fields (shown as metadata), in the order of their keys.
    pub metadata: Vec<(String, String)>,
}

impl ReaderDoc {
    /// The first block that shows any of `span`.
    #[must_use]
    pub fn block_of(&self, at: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.source.end <= at);
        (i < self.blocks.len()).then_some(i)
    }
}

/// Lays an article out for reading.
#[must_use]
pub fn read_article(article: &Article) -> ReaderDoc {
    let text = article.text.as_str();
    let markup = article.provenance.format != SourceFormat::Html;
    let matter = markup.then(|| front_matter(text)).flatten();
    let body_start = matter.as_ref().map_or(0, |m| m.end);
    let whole = [Span::new(0, text.len())];
    let paragraphs = if article.paragraphs.is_empty() {
        &whole[..]
    } else {
        &article.paragraphs[..]
    };
    let mut blocks = Vec::new();
    for paragraph in paragraphs {
        if paragraph.end <= body_start {
            continue;
        }
        let start = paragraph.start.max(body_start);
        let Some(slice) = text.get(start..paragraph.end) else {
            continue;
        };
        let lead = slice.len() - slice.trim_start().len();
        let span = Span::new(start + lead, paragraph.end);
        if span.is_empty() {
            continue;
        }
        paragraph_blocks(text, span, markup, &mut blocks);
    }
    ReaderDoc {
        blocks,
        metadata: matter
            .map(|m| {
                m.fields
                    .into_iter()
                    .filter(|(_, v)| !v.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The lines of `span` as byte ranges without their line break.
fn lines_of(text: &str, span: Span) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut at = span.start;
    for line in span.slice(text).split('\n') {
        lines.push(Span::new(at, at + line.len()));
        at += line.len() + 1;
    }
    lines
}

/// The level of an ATX heading line (`## Title`).
fn heading_level(line: &str) -> Option<(u8, usize)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes) && rest.starts_with([' ', '\t'])).then(|| {
        (
            hashes as u8,
            hashes + (rest.len() - rest.trim_start().len()),
        )
    })
}

/// True for a line that starts on its own line even inside a paragraph: a list item, a quote
/// line, or a speaker label of a transcript ("MS. LANE:", "Q:").
fn starts_own_line(line: &str) -> bool {
    let trimmed = line.trim_start();
    if trimmed.starts_with(['-', '*', '+', '>', '|'])
        && trimmed.chars().nth(1).is_some_and(char::is_whitespace)
    {
        return true;
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && trimmed[digits..].starts_with(". ") {
        return true;
    }
    speaker_label(trimmed)
}

/// A transcript's speaker label: capitals, spaces and a few marks before a colon.
fn speaker_label(line: &str) -> bool {
    let Some((label, _)) = line.split_once(':') else {
        return false;
    };
    label.len() <= 40
        && label.chars().any(char::is_alphabetic)
        && label.chars().all(|c| {
            c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '’') || c.is_numeric()
        })
}

/// True when the line asks to keep its line break (Markdown: two spaces or a backslash at
/// the end).
fn hard_break(line: &str) -> bool {
    line.ends_with("  ") || line.ends_with('\\') || line.ends_with('\t')
}

fn paragraph_blocks(text: &str, span: Span, markup: bool, blocks: &mut Vec<Block>) {
    let lines = lines_of(text, span);
    let mut current: Option<Block> = None;
    let mut previous: Option<(Span, bool)> = None;
    for line in lines {
        let slice = line.slice(text);
        if markup && let Some((level, skip)) = heading_level(slice) {
            if let Some(block) = current.take() {
                blocks.push(block);
            }
            let content = trimmed_span(text, Span::new(line.start + skip, line.end));
            let content = Span::new(content.start, strip_closing_hashes(text, content));
            let mut runs = Vec::new();
            inline_runs(text, content, RunStyle::default(), markup, &mut runs);
            blocks.push(Block {
                kind: BlockKind::Heading(level),
                runs,
                source: line,
            });
            previous = None;
            continue;
        }
        let content = trimmed_span(text, line);
        if content.is_empty() {
            continue;
        }
        let block = current.get_or_insert_with(|| Block {
            kind: BlockKind::Paragraph,
            runs: Vec::new(),
            source: content,
        });
        if let Some((before, hard)) = previous {
            let gap = Span::new(before.end, content.start);
            let keep = hard || starts_own_line(content.slice(text));
            block.runs.push(Run {
                text: if keep { "\n" } else { " " }.to_owned(),
                source: gap,
                verbatim: false,
                style: RunStyle::default(),
            });
        }
        let visible = if markup {
            Span::new(
                content.start,
                content.end - usize::from(content.slice(text).ends_with('\\')),
            )
        } else {
            content
        };
        inline_runs(text, visible, RunStyle::default(), markup, &mut block.runs);
        block.source = Span::new(block.source.start, content.end);
        previous = Some((
            visible,
            hard_break(slice) || content.slice(text).ends_with('\\'),
        ));
    }
    if let Some(block) = current {
        blocks.push(block);
    }
}

fn trimmed_span(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail >= slice.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// The end of a heading without its optional closing `#`s.
fn strip_closing_hashes(text: &str, span: Span) -> usize {
    let slice = span.slice(text);
    let without = slice.trim_end_matches('#');
    if without.len() < slice.len() && without.ends_with(' ') {
        span.start + without.trim_end().len()
    } else {
        span.end
    }
}

/// Appends the runs of one line's text: emphasis, strong, links and inline code lose their
/// marks; everything else is shown as written.
fn inline_runs(text: &str, span: Span, style: RunStyle, markup: bool, runs: &mut Vec<Run>) {
    if !markup {
        push_verbatim(text, span, style, runs);
        return;
    }
    let bytes = text.as_bytes();
    let mut at = span.start;
    let mut plain_from = span.start;
    while at < span.end {
        let rest = &text[at..span.end];
        let mut jump: Option<(Span, RunStyle, usize)> = None;
        match bytes[at] {
            b'\\' if rest[1..].starts_with(|c: char| c.is_ascii_punctuation()) => {
                push_verbatim(text, Span::new(plain_from, at), style, runs);
                plain_from = at + 1;
                at += 2;
                continue;
            }
            b'`' => {
                if let Some(close) = rest[1..].find('`') {
                    jump = Some((Span::new(at + 1, at + 1 + close), style, at + close + 2));
                }
            }
            b'[' | b'!' => {
                let open = usize::from(bytes[at] == b'!');
                if rest[open..].starts_with('[')
                    && let Some(close) = rest[open..].find("](")
                    && let Some(end) = rest[open + close..].find(')')
                {
                    let inner = Span::new(at + open + 1, at + open + close);
                    if !inner.is_empty() {
                        jump = Some((inner, style, at + open + close + end + 1));
                    }
                }
            }
            b'*' | b'_' => {
                let double = rest.len() > 1 && bytes[at + 1] == bytes[at];
                let mark = if double { &rest[..2] } else { &rest[..1] };
                if let Some(close) = closing_mark(rest, mark)
                    && (bytes[at] == b'*' || word_boundary_before(text, at))
                {
                    let inner = Span::new(at + mark.len(), at + close);
                    let mut inner_style = style;
                    if double {
                        inner_style.strong = true;
                    } else {
                        inner_style.emphasis = true;
                    }
                    jump = Some((inner, inner_style, at + close + mark.len()));
                }
            }
            _ => {}
        }
        if let Some((inner, inner_style, next)) = jump {
            push_verbatim(text, Span::new(plain_from, at), style, runs);
            inline_runs(text, inner, inner_style, markup, runs);
            at = next;
            plain_from = next;
            continue;
        }
        at += rest.chars().next().map_or(1, char::len_utf8);
    }
    push_verbatim(text, Span::new(plain_from, span.end), style, runs);
}

/// Where the emphasis opened by `mark` at the start of `rest` closes: the mark again, not
/// right after the opening one, after a character that is not white space.
fn closing_mark(rest: &str, mark: &str) -> Option<usize> {
    let after = &rest[mark.len()..];
    if after.starts_with(char::is_whitespace) || after.is_empty() {
        return None;
    }
    let mut from = 1;
    while let Some(found) = after.get(from..)?.find(mark) {
        let at = from + found;
        let before = after[..at].chars().next_back();
        let follows = after[at + mark.len()..].chars().next();
        let underscore_ok = !mark.starts_with('_') || !follows.is_some_and(char::is_alphanumeric);
        if before.is_some_and(|c| !c.is_whitespace()) && underscore_ok {
            return Some(mark.len() + at);
        }
        from = at + mark.len();
    }
    None
}

fn word_boundary_before(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn push_verbatim(text: &str, span: Span, style: RunStyle, runs: &mut Vec<Run>) {
    if span.is_empty() {
        return;
    }
    if let Some(last) = runs.last_mut()
        && last.verbatim
        && last.style == style
        && last.source.end == span.start
    {
        last.text.push_str(span.slice(text));
        last.source = Span::new(last.source.start, span.end);
        return;
    }
    runs.push(Run {
        text: span.slice(text).to_owned(),
        source: span,
        verbatim: true,
        style,
    });
}

/// Joins hard-wrapped lines for display: a run of white space holding a line break becomes
/// one space (comparison rows show statements this way).
#[must_use]
pub fn reflowed(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut gap = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            gap.push(c);
            continue;
        }
        if !gap.is_empty() {
            out.push_str(if gap.contains('\n') { " " } else { &gap });
            gap.clear();
        }
        out.push(c);
    }
    if !gap.is_empty() {
        out.push_str(if gap.contains('\n') { " " } else { &gap });
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleId;

    fn doc(text: &str) -> (ReaderDoc, String) {
        let mut article = Article::from_text(ArticleId(0), text);
        article.provenance.format = SourceFormat::Markdown;
        (read_article(&article), text.to_owned())
    }

    /// Every verbatim run shows exactly its source text.
    fn assert_offsets_kept(doc: &ReaderDoc, text: &str) {
        for block in &doc.blocks {
            for run in &block.runs {
                if run.verbatim {
                    assert_eq!(run.text, run.source.slice(text), "{run:?}");
                }
                assert!(
                    block.source.start <= run.source.start,
                    "{run:?} in {block:?}"
                );
            }
        }
    }

    #[test]
    fn front_matter_is_metadata_not_text() {
        let (doc, text) = doc(
            "---\ntitle: \"Harbour talks\"\ndate: '2031-05-02'\n---\n\nThe envoy spoke first.\n",
        );
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(doc.blocks[0].text(), "The envoy spoke first.");
        assert!(
            doc.metadata
                .iter()
                .any(|(k, v)| k == "title" && v == "Harbour talks")
        );
        assert_offsets_kept(&doc, &text);
    }

    #[test]
    fn headings_emphasis_and_links_lose_their_marks() {
        let (doc, text) = doc(
            "## 4. Ferry talks resume\n\n**Source:** Coast Wire  \n**Link:** [the page](https://example.org/x)\n\nShe said it was *very* clear and __final__.\n",
        );
        assert_eq!(doc.blocks[0].kind, BlockKind::Heading(2));
        assert_eq!(doc.blocks[0].text(), "4. Ferry talks resume");
        assert_eq!(doc.blocks[1].text(), "Source: Coast Wire\nLink: the page");
        assert!(
            doc.blocks[1]
                .runs
                .iter()
                .any(|r| r.style.strong && r.text == "Source:")
        );
        assert_eq!(
            doc.blocks[2].text(),
            "She said it was very clear and final."
        );
        assert!(
            doc.blocks[2]
                .runs
                .iter()
                .any(|r| r.style.emphasis && r.text == "very")
        );
        assert_offsets_kept(&doc, &text);
    }

    #[test]
    fn hard_wrapped_lines_are_joined_but_speaker_labels_keep_their_line() {
        let (doc, text) = doc(
            "Talks, day two\n\nMR. ORLAN: We met the delegation\nthis morning and agreed\non a second round.\nMS. VEY: Thank you.\n",
        );
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(
            doc.blocks[1].text(),
            "MR. ORLAN: We met the delegation this morning and agreed on a second round.\nMS. VEY: Thank you."
        );
        assert_offsets_kept(&doc, &text);
    }

    #[test]
    fn a_block_is_found_by_offset() {
        let (doc, text) = doc("One line.\n\nSecond paragraph here.\n");
        let at = text.find("paragraph").expect("present");
        assert_eq!(doc.block_of(at), Some(1));
        assert_eq!(doc.block_of(0), Some(0));
    }

    #[test]
    fn plain_text_keeps_asterisks_but_html_articles_are_not_parsed() {
        let mut article = Article::from_text(ArticleId(0), "A *star* rating.\n");
        article.provenance.format = SourceFormat::Html;
        let doc = read_article(&article);
        assert_eq!(doc.blocks[0].text(), "A *star* rating.");
    }

    #[test]
    fn snake_case_words_are_not_emphasis() {
        let (doc, _) = doc("The file_name_here stays.\n");
        assert_eq!(doc.blocks[0].text(), "The file_name_here stays.");
    }

    #[test]
    fn reflowed_joins_line_breaks_only() {
        assert_eq!(reflowed("one\ntwo  three"), "one two  three");
        assert_eq!(reflowed("a \n  b\n"), "a b ");
        assert_eq!(reflowed("flat"), "flat");
    }
}
