//! Glyphs back into reading order.
//!
//! 1. Glyphs become lines in the order the page draws them: a glyph on the same baseline
//!    close after the previous one continues its line; a gap wider than a fraction of the
//!    font size is a space.
//! 2. Running headers and footers go: lines near the top or bottom edge whose text (digits
//!    aside) recurs on other pages, and page numbers there ("3", "Page 3 of 7", "- 3 -").
//! 3. Each page is cut into blocks by white space (recursive X-Y cut): a vertical gutter
//!    that no line crosses splits columns, otherwise the widest horizontal gap splits bands.
//!    Columns are read left to right, bands top to bottom.
//! 4. Each block's lines are reflowed into paragraphs: a larger gap than the usual line
//!    pitch, a change of font size, a first-line indent or a short line ends a paragraph.
//!    A hyphen at a line end is dropped when the word is split there (it is kept for
//!    compounds the document writes with a hyphen elsewhere), and a paragraph cut by a
//!    column or page break continues when the next block starts in lowercase.

use std::collections::{BTreeMap, BTreeSet};

use unicode_normalization::UnicodeNormalization;

use crate::article::formats::Blocks;

/// A gap wider than this many font sizes between two glyphs is a space.
const SPACE_GAP: f64 = 0.12;
/// A gap wider than this many font sizes on one baseline starts a new line piece.
const MAX_LINE_GAP: f64 = 1.5;
/// Glyphs whose baselines differ by less than this many font sizes share a line
/// (superscripts and subscripts included).
const BASELINE_TOLERANCE: f64 = 0.5;
/// A vertical gutter must be at least this many font sizes wide to split columns.
const MIN_GUTTER: f64 = 0.7;
/// A horizontal gap of at least this many font sizes (beyond normal leading) splits bands.
const MIN_BAND_GAP: f64 = 0.5;
/// Running headers and footers are looked for in this share of the page at each edge.
const EDGE_ZONE: f64 = 0.15;
/// A line pitch this many times the usual one ends a paragraph.
const PARAGRAPH_GAP: f64 = 1.35;
/// A line ending before this share of its block's width ends its paragraph.
const SHORT_LINE: f64 = 0.65;
/// Recursion depth of the X-Y cut (each level splits off at least one line).
const MAX_CUT_DEPTH: usize = 24;

/// Words that form compounds with a hyphen ("self-", "well-"): a hyphen after them at a
/// line end is kept.
const COMPOUND_PREFIXES: &[&str] = &[
    "self", "well", "non", "cross", "long", "short", "high", "low", "anti", "ex", "co", "half",
    "all", "so", "pro", "vice", "post", "pre", "mid", "semi", "multi", "inter",
];

/// One glyph as drawn: its origin, advance and size in page units, and its text in the
/// page's text buffer.
#[derive(Debug, Clone, Copy)]
pub struct Glyph {
    x: f32,
    y: f32,
    advance: f32,
    size: f32,
    start: u32,
    len: u32,
}

/// The glyphs of one page, in drawing order, and the page's box.
#[derive(Debug, Clone, Default)]
pub struct Page {
    bottom: f64,
    top: f64,
    text: String,
    glyphs: Vec<Glyph>,
}

impl Page {
    /// An empty page with the corners of its media box.
    #[must_use]
    pub fn new(llx: f64, lly: f64, urx: f64, ury: f64) -> Self {
        let _ = (llx, urx);
        Self {
            bottom: lly.min(ury),
            top: lly.max(ury),
            text: String::new(),
            glyphs: Vec::new(),
        }
    }

    /// Adds a glyph drawn at (`x`, `y`) with its advance width and size; ligatures
    /// (U+FB00..U+FB06) are spelt out.
    #[allow(clippy::cast_possible_truncation)]
    pub fn push(&mut self, x: f64, y: f64, advance: f64, size: f64, text: &str) {
        let start = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        if text.chars().any(|c| ('\u{fb00}'..='\u{fb06}').contains(&c)) {
            self.text.extend(text.nfkc());
        } else {
            self.text.push_str(text);
        }
        let len = u32::try_from(self.text.len()).unwrap_or(u32::MAX) - start;
        self.glyphs.push(Glyph {
            x: x as f32,
            y: y as f32,
            advance: advance.max(0.0) as f32,
            size: size.max(0.1) as f32,
            start,
            len,
        });
    }

    /// True when no glyph was drawn on the page.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }

    fn glyph_text(&self, glyph: &Glyph) -> &str {
        let start = glyph.start as usize;
        self.text
            .get(start..start + glyph.len as usize)
            .unwrap_or("")
    }
}

/// A line (or a piece of one) with its extent.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    x0: f64,
    x1: f64,
    /// Baseline, in page units growing upwards.
    y: f64,
    size: f64,
    text: String,
}

impl Line {
    fn top(&self) -> f64 {
        self.y + 0.8 * self.size
    }

    fn bottom(&self) -> f64 {
        self.y - 0.25 * self.size
    }
}

/// A page's lines with its box.
struct PageLines {
    bottom: f64,
    top: f64,
    lines: Vec<Line>,
}

/// What the producer tells about hyphens at line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LayoutOptions {
    /// The file comes from a word processor or a browser, which break lines only at hyphens
    /// the text has (automatic hyphenation is off by default there): a hyphen at a line end
    /// is then kept unless the joined word occurs elsewhere in the document. Typesetters
    /// (TeX, InDesign) and unknown producers hyphenate words, so the hyphen is dropped
    /// unless the hyphenated compound occurs elsewhere.
    pub hyphens_are_real: bool,
}

/// Known words of the document: compounds written with a hyphen inside a line, and
/// words written without one.
#[derive(Debug, Default)]
struct Vocabulary {
    hyphenated: BTreeSet<String>,
    plain: BTreeSet<String>,
    hyphens_are_real: bool,
}

/// Lays the pages' glyphs out as text: paragraphs separated by blank lines.
#[must_use]
pub fn lay_out(pages: Vec<Page>, options: LayoutOptions) -> String {
    let mut pages: Vec<PageLines> = pages.into_iter().map(lines_of).collect();
    remove_running_lines(&mut pages);
    let mut vocabulary = vocabulary(&pages);
    vocabulary.hyphens_are_real = options.hyphens_are_real;
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    for page in pages {
        for block in order(page.lines, 0) {
            reflow(&block, &mut paragraphs, &vocabulary);
        }
    }
    let mut blocks = Blocks::default();
    for paragraph in &paragraphs {
        blocks.push_block(&paragraph.text);
    }
    blocks.finish()
}

/// Step 1: glyphs to lines, in drawing order.
fn lines_of(page: Page) -> PageLines {
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Option<Line> = None;
    let mut space_pending = false;
    let mut last: Option<(Glyph, &str)> = None;
    for glyph in &page.glyphs {
        let text = page.glyph_text(glyph);
        let (x, y, size) = (
            f64::from(glyph.x),
            f64::from(glyph.y),
            f64::from(glyph.size),
        );
        if text.trim().is_empty() {
            space_pending = true;
            continue;
        }
        // Text drawn twice at the same place (a fake bold) is read once.
        if let Some((prev, prev_text)) = last
            && prev_text == text
            && (prev.x - glyph.x).abs() < 0.1 * glyph.size
            && (prev.y - glyph.y).abs() < 0.1 * glyph.size
        {
            continue;
        }
        last = Some((*glyph, text));
        let end = x + f64::from(glyph.advance);
        match current.as_mut() {
            Some(line)
                if (y - line.y).abs() < BASELINE_TOLERANCE * line.size.max(size)
                    && x > line.x1 - 0.5 * size
                    && x - line.x1 < MAX_LINE_GAP * line.size.max(size) =>
            {
                // Between Chinese or Japanese characters and anything else a gap is only
                // spacing (typesetters add it around Latin words and digits), not a space.
                let next_cjk = text.chars().next().is_some_and(is_cjk);
                let wide_gap = x - line.x1 > SPACE_GAP * size
                    && !next_cjk
                    && !line.text.chars().last().is_some_and(is_cjk);
                if (space_pending || wide_gap) && !line.text.ends_with(' ') {
                    line.text.push(' ');
                }
                line.text.push_str(text);
                line.x1 = line.x1.max(end);
                if size > line.size * 1.05 {
                    line.size = size;
                    line.y = y;
                }
            }
            _ => {
                if let Some(done) = current.take() {
                    lines.push(done);
                }
                current = Some(Line {
                    x0: x,
                    x1: end,
                    y,
                    size,
                    text: text.to_owned(),
                });
            }
        }
        space_pending = false;
    }
    lines.extend(current);
    for line in &mut lines {
        let trimmed = line.text.trim_end().len();
        line.text.truncate(trimmed);
    }
    PageLines {
        bottom: page.bottom,
        top: page.top,
        lines,
    }
}

/// Step 2: running headers, footers and page numbers.
fn remove_running_lines(pages: &mut [PageLines]) {
    let keys: Vec<Vec<(usize, String)>> = pages
        .iter()
        .map(|page| {
            edge_lines(page)
                .into_iter()
                .map(|i| (i, running_key(&page.lines[i].text)))
                .collect()
        })
        .collect();
    let mut pages_with: BTreeMap<&str, usize> = BTreeMap::new();
    for page in &keys {
        let distinct: BTreeSet<&str> = page.iter().map(|(_, k)| k.as_str()).collect();
        for key in distinct {
            *pages_with.entry(key).or_default() += 1;
        }
    }
    let needed = (pages.len() * 3).div_ceil(10).max(2);
    for (page, page_keys) in pages.iter_mut().zip(&keys) {
        let drop: BTreeSet<usize> = page_keys
            .iter()
            .filter(|(i, key)| {
                pages_with.get(key.as_str()).copied().unwrap_or(0) >= needed
                    || is_page_number(&page.lines[*i].text)
            })
            .map(|(i, _)| *i)
            .collect();
        let mut index = 0;
        page.lines.retain(|_| {
            let keep = !drop.contains(&index);
            index += 1;
            keep
        });
    }
}

/// Indexes of lines on the page's top three and bottom three baselines, when those lie in
/// the edge zones.
fn edge_lines(page: &PageLines) -> Vec<usize> {
    let height = (page.top - page.bottom).max(1.0);
    let mut baselines: Vec<f64> = page.lines.iter().map(|l| l.y).collect();
    baselines.sort_by(|a, b| b.total_cmp(a));
    baselines.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    let top: Vec<f64> = baselines.iter().take(3).copied().collect();
    let bottom: Vec<f64> = baselines.iter().rev().take(3).copied().collect();
    page.lines
        .iter()
        .enumerate()
        .filter(|(_, line)| {
            let near = |set: &[f64]| set.iter().any(|b| (b - line.y).abs() < 1.0);
            (near(&top) && line.y > page.top - EDGE_ZONE * height)
                || (near(&bottom) && line.y < page.bottom + EDGE_ZONE * height)
        })
        .map(|(i, _)| i)
        .collect()
}

/// A header's text with digits masked, so "Page 3" and "Page 4" match.
fn running_key(text: &str) -> String {
    let masked: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    masked.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "3", "- 3 -", "Page 3", "page 3 of 7", "3/7", "iv".
fn is_page_number(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let core = lower.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    let core = core
        .strip_prefix("page")
        .or_else(|| core.strip_prefix("p."))
        .unwrap_or(core)
        .trim();
    let mut parts = core
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|p| !p.is_empty());
    let number = |p: &str| {
        (!p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()))
            || (!p.is_empty() && p.len() <= 6 && p.chars().all(|c| "ivxlc".contains(c)))
    };
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(a), None, None, None) => number(a),
        (Some(a), Some(b), None, None) => number(a) && number(b),
        (Some(a), Some("of"), Some(b), None) => number(a) && number(b),
        _ => false,
    }
}

/// Compounds written with a hyphen inside a line anywhere in the document ("long-term"),
/// and the words written without one.
fn vocabulary(pages: &[PageLines]) -> Vocabulary {
    let mut out = Vocabulary::default();
    for line in pages.iter().flat_map(|p| &p.lines) {
        for word in line.text.split_whitespace() {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            if word.contains('-') {
                out.hyphenated.insert(word.to_lowercase());
            } else if !word.is_empty() {
                out.plain.insert(word.to_lowercase());
            }
        }
    }
    out
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    Some(values[values.len() / 2])
}

/// Step 3: the page's blocks in reading order (recursive X-Y cut).
fn order(lines: Vec<Line>, depth: usize) -> Vec<Vec<Line>> {
    if lines.len() <= 1 || depth >= MAX_CUT_DEPTH {
        return vec![sorted(lines)];
    }
    let size = median(lines.iter().map(|l| l.size).collect()).unwrap_or(10.0);
    if let Some(x) = vertical_gutter(&lines, size) {
        let (left, right): (Vec<Line>, Vec<Line>) = lines.into_iter().partition(|l| l.x1 <= x);
        let mut out = order(left, depth + 1);
        out.extend(order(right, depth + 1));
        return out;
    }
    if let Some(y) = horizontal_cut(&lines, size) {
        let (above, below): (Vec<Line>, Vec<Line>) = lines.into_iter().partition(|l| l.y > y);
        let mut out = order(above, depth + 1);
        out.extend(order(below, depth + 1));
        return out;
    }
    vec![sorted(lines)]
}

fn sorted(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_by(|a, b| {
        let same_row = (a.y - b.y).abs() < BASELINE_TOLERANCE * a.size.min(b.size);
        if same_row {
            a.x0.total_cmp(&b.x0)
        } else {
            b.y.total_cmp(&a.y)
        }
    });
    lines
}

/// The middle of the widest vertical strip no line crosses, when it is wide enough and
/// has at least two lines on each side.
fn vertical_gutter(lines: &[Line], size: f64) -> Option<f64> {
    let mut spans: Vec<(f64, f64)> = lines.iter().map(|l| (l.x0, l.x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut best: Option<(f64, f64)> = None;
    let mut reach = spans.first()?.1;
    for (i, &(x0, x1)) in spans.iter().enumerate() {
        if i > 0 && x0 - reach >= MIN_GUTTER * size && i >= 2 && spans.len() - i >= 2 {
            let width = x0 - reach;
            if best.is_none_or(|(w, _)| width > w) {
                best = Some((width, (x0 + reach) / 2.0));
            }
        }
        reach = reach.max(x1);
    }
    best.map(|(_, x)| x)
}

/// The middle of the widest horizontal gap between line bands, when it is wider than
/// normal leading.
fn horizontal_cut(lines: &[Line], size: f64) -> Option<f64> {
    let mut bands: Vec<(f64, f64)> = lines.iter().map(|l| (l.top(), l.bottom())).collect();
    bands.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut floor = bands.first()?.1;
    let mut best: Option<(f64, f64)> = None;
    for &(top, bottom) in &bands[1..] {
        let gap = floor - top;
        if gap >= MIN_BAND_GAP * size && best.is_none_or(|(g, _)| gap > g) {
            best = Some((gap, (floor + top) / 2.0));
        }
        floor = floor.min(bottom);
    }
    best.map(|(_, y)| y)
}

/// A paragraph being reflowed.
#[derive(Debug)]
struct Paragraph {
    text: String,
}

/// Step 4: a block's lines into paragraphs, appended to `paragraphs`.
fn reflow(block: &[Line], paragraphs: &mut Vec<Paragraph>, words: &Vocabulary) {
    let Some(first) = block.first() else {
        return;
    };
    let x0 = block.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let x1 = block.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    let width = (x1 - x0).max(1.0);
    let pitch = median(
        block
            .windows(2)
            .map(|w| w[0].y - w[1].y)
            .filter(|d| *d > 0.0 && *d < 2.5 * first.size)
            .collect(),
    )
    .unwrap_or(1.2 * first.size);
    let continues = paragraphs.last().is_some_and(|last| {
        let text = &last.text;
        let open = !text.ends_with([
            '.', '!', '?', ':', ';', '"', '\u{201d}', '\u{2019}', ')', '\u{bb}',
        ]);
        let next_lower = first.text.chars().next().is_some_and(char::is_lowercase);
        (open && next_lower) || text.ends_with('-') || text.ends_with(',')
    });
    if continues && let Some(last) = paragraphs.last_mut() {
        join_line(&mut last.text, &first.text, words);
    } else {
        paragraphs.push(Paragraph {
            text: first.text.clone(),
        });
    }
    for pair in block.windows(2) {
        let (prev, line) = (&pair[0], &pair[1]);
        let gap = prev.y - line.y;
        let size_change = (line.size - prev.size).abs() > 0.15 * prev.size.max(line.size);
        // Equal margins on both sides: a centred line, not an indented one.
        let centred = ((line.x0 - x0) - (x1 - line.x1)).abs() < line.size;
        let indented =
            line.x0 > x0 + 0.7 * line.size && prev.x0 <= x0 + 0.3 * prev.size && !centred;
        // A short line ends its paragraph, unless the next line's first word would not
        // have fitted after it (a long address or name wraps early).
        let first_word = line.text.split_whitespace().next().unwrap_or("");
        let char_width = (line.x1 - line.x0) / line.text.chars().count().max(1) as f64;
        let word_width = first_word.chars().count() as f64 * char_width;
        let short = prev.x1 < x0 + SHORT_LINE * width && prev.x1 + char_width + word_width < x1;
        let bullet = line.text.starts_with(['•', '▪', '◦', '●']);
        let new_row = gap > PARAGRAPH_GAP * pitch || gap < -0.5 * line.size;
        if new_row || size_change || indented || short || bullet {
            paragraphs.push(Paragraph {
                text: line.text.clone(),
            });
        } else if let Some(last) = paragraphs.last_mut() {
            join_line(&mut last.text, &line.text, words);
        }
    }
}

/// Appends the next line to a paragraph: a word split by a hyphen is joined, other line
/// ends become a space (none between Chinese or Japanese characters).
fn join_line(paragraph: &mut String, next: &str, words: &Vocabulary) {
    if paragraph.ends_with('\u{ad}') {
        paragraph.pop();
        paragraph.push_str(next);
        return;
    }
    let before_hyphen = paragraph
        .strip_suffix('-')
        .and_then(|rest| rest.chars().last())
        .is_some_and(char::is_alphabetic);
    if before_hyphen {
        let head = paragraph.trim_end_matches('-');
        let prefix: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        let lowercase_next = next.chars().next().is_some_and(char::is_lowercase);
        let compound = format!("{prefix}-{tail}").to_lowercase();
        let joined = format!("{prefix}{tail}").to_lowercase();
        let keep = !lowercase_next
            || words.hyphenated.contains(&compound)
            || COMPOUND_PREFIXES.contains(&prefix.to_lowercase().as_str())
            || (words.hyphens_are_real && !words.plain.contains(&joined));
        if !keep {
            paragraph.pop();
        }
        paragraph.push_str(next);
        return;
    }
    let joins_tight =
        paragraph.chars().last().is_some_and(is_cjk) && next.chars().next().is_some_and(is_cjk);
    if !joins_tight && !paragraph.ends_with(' ') {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

/// Chinese and Japanese characters and their punctuation, which are written
/// without spaces between them.
fn is_cjk(c: char) -> bool {
    matches!(
        c as u32,
        0x3000..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xff00..=0xffef
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lay_out_default(pages: Vec<Page>) -> String {
        lay_out(pages, LayoutOptions::default())
    }

    /// A page of lines, each drawn glyph by glyph in a 10-point font with 5-point glyphs.
    fn page(lines: &[(f64, f64, &str)]) -> Page {
        let mut page = Page::new(0.0, 0.0, 600.0, 800.0);
        for &(x, y, text) in lines {
            let mut at = x;
            for c in text.chars() {
                if c != ' ' {
                    page.push(at, y, 5.0, 10.0, &c.to_string());
                }
                at += 5.0;
            }
        }
        page
    }

    #[test]
    fn lines_reflow_into_paragraphs_and_hyphens_join() {
        let text = lay_out_default(vec![page(&[
            (50.0, 700.0, "The minister said the talks were"),
            (50.0, 688.0, "useful and that a second round would fol-"),
            (50.0, 676.0, "low in May."),
            (50.0, 652.0, "A second paragraph starts after a gap."),
        ])]);
        assert_eq!(
            text,
            "The minister said the talks were useful and that a second round would follow in May.\n\nA second paragraph starts after a gap.\n"
        );
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let text = lay_out_default(vec![page(&[
            (50.0, 700.0, "Left column first line goes"),
            (320.0, 700.0, "right column first line goes"),
            (50.0, 688.0, "on in the left column."),
            (320.0, 688.0, "on in the right column."),
            (50.0, 676.0, "Left column third line here"),
            (320.0, 676.0, "Right column third line here"),
            (50.0, 664.0, "and the end of the left one."),
            (320.0, 664.0, "and the end of the right one."),
        ])]);
        assert_eq!(
            text,
            "Left column first line goes on in the left column. Left column third line here and the end of the left one.\n\nright column first line goes on in the right column. Right column third line here and the end of the right one.\n"
        );
    }

    #[test]
    fn running_headers_and_page_numbers_are_removed() {
        let body = |first: &'static str| {
            page(&[
                (50.0, 780.0, "Sample Gazette - Foreign desk"),
                (50.0, 500.0, first),
                (50.0, 488.0, "It ends here."),
                (290.0, 30.0, "2"),
            ])
        };
        let text = lay_out_default(vec![body("Page one text."), body("Page two text.")]);
        assert_eq!(
            text,
            "Page one text. It ends here.\n\nPage two text. It ends here.\n"
        );
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("Page 3 of 7"));
        assert!(is_page_number("3/7"));
        assert!(!is_page_number("3 ministers"));
    }

    #[test]
    fn compounds_keep_their_hyphen_and_ligatures_are_spelt_out() {
        let mut words = Vocabulary::default();
        words.hyphenated.insert("water-sharing".to_owned());
        let mut para = "a new water-".to_owned();
        join_line(&mut para, "sharing deal", &words);
        assert_eq!(para, "a new water-sharing deal");
        let mut para = "a self-".to_owned();
        join_line(&mut para, "declared envoy", &words);
        assert_eq!(para, "a self-declared envoy");
        let mut para = "the pres-".to_owned();
        join_line(&mut para, "idential palace", &words);
        assert_eq!(para, "the presidential palace");
        words.hyphens_are_real = true;
        let mut para = "a cease-".to_owned();
        join_line(&mut para, "fire", &words);
        assert_eq!(para, "a cease-fire");
        words.plain.insert("ceasefire".to_owned());
        let mut para = "a cease-".to_owned();
        join_line(&mut para, "fire", &words);
        assert_eq!(para, "a ceasefire");
        let mut page = Page::new(0.0, 0.0, 100.0, 100.0);
        page.push(0.0, 50.0, 5.0, 10.0, "\u{fb01}");
        assert_eq!(page.text, "fi");
    }
}
