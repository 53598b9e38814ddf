//! Bounding the nesting of a page before it is parsed. The HTML parser and the walks over the
//! tree look at an element's ancestors, so 100,000 nested `<div>`s cost quadratic time (and
//! deep recursion). One linear pass over the source drops the start and end tags of elements
//! nested deeper than a limit; their text stays, so nothing readable is lost.
//!
//! The pass counts only elements that must be closed explicitly. Void elements (`<br>`,
//! `<img>`), elements whose end tag may be left out (`<p>`, `<li>`, `<td>`: the parser closes
//! them itself, so they never nest deeply) and raw-text elements (`<script>`, `<style>`,
//! whose content is skipped) are kept as written.

use std::borrow::Cow;

/// Elements nested deeper than this lose their tags (real pages nest a few dozen levels).
pub const MAX_NESTING: usize = 128;

/// Elements with no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose end tag may be omitted, and the document's own structure: the parser
/// closes these itself, so they are neither counted nor dropped.
const SELF_CLOSING_BY_PARSER: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// The page with tags nested deeper than `max` removed, and how many tags were removed.
/// Borrows when nothing is removed.
#[must_use]
pub fn limit_nesting(html: &str, max: usize) -> (Cow<'_, str>, usize) {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied_to = 0;
    let mut depth = 0usize;
    let mut open_dropped = 0usize;
    let mut dropped = 0usize;
    let mut i = 0;
    while let Some(lt) = find_byte(bytes, b'<', i) {
        let Some(tag) = read_tag(bytes, lt) else {
            i = lt + 1;
            continue;
        };
        i = tag.end;
        match tag.kind {
            TagKind::Other => {}
            TagKind::Start if tag.self_closing || is_one_of(&tag.name, VOID) => {}
            TagKind::Start | TagKind::End if is_one_of(&tag.name, SELF_CLOSING_BY_PARSER) => {}
            TagKind::Start if is_one_of(&tag.name, RAW_TEXT) => {
                i = skip_raw_text(bytes, tag.end, &tag.name);
            }
            TagKind::Start if depth >= max => {
                out.push_str(&html[copied_to..lt]);
                copied_to = tag.end;
                open_dropped += 1;
                dropped += 1;
            }
            TagKind::Start => depth += 1,
            TagKind::End if open_dropped > 0 => {
                out.push_str(&html[copied_to..lt]);
                copied_to = tag.end;
                open_dropped -= 1;
                dropped += 1;
            }
            TagKind::End => depth = depth.saturating_sub(1),
        }
    }
    if dropped == 0 {
        return (Cow::Borrowed(html), 0);
    }
    out.push_str(&html[copied_to..]);
    (Cow::Owned(out), dropped)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    Start,
    End,
    /// A comment, doctype or processing instruction.
    Other,
}

struct Tag {
    kind: TagKind,
    /// Lowercased element name (empty for `Other`).
    name: String,
    self_closing: bool,
    /// One past the closing `>`.
    end: usize,
}

/// The tag starting at `lt` (a `<`), or `None` when the `<` is text.
fn read_tag(bytes: &[u8], lt: usize) -> Option<Tag> {
    let rest = &bytes[lt..];
    if rest.starts_with(b"<!--") {
        let end = find_seq(bytes, b"-->", lt + 4).map_or(bytes.len(), |at| at + 3);
        return Some(other(end));
    }
    if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
        let end = find_byte(bytes, b'>', lt).map_or(bytes.len(), |at| at + 1);
        return Some(other(end));
    }
    let (kind, name_start) = if rest.get(1) == Some(&b'/') {
        (TagKind::End, lt + 2)
    } else {
        (TagKind::Start, lt + 1)
    };
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_end = bytes[name_start..]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b':'))
        .map_or(bytes.len(), |n| name_start + n);
    let name = String::from_utf8_lossy(&bytes[name_start..name_end]).to_ascii_lowercase();
    // The tag ends at the first `>` outside a quoted attribute value.
    let mut quote: Option<u8> = None;
    let mut at = name_end;
    while let Some(&b) = bytes.get(at) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => break,
            None => {}
        }
        at += 1;
    }
    let end = (at + 1).min(bytes.len());
    let self_closing = at > name_end && bytes.get(at - 1) == Some(&b'/');
    Some(Tag {
        kind,
        name,
        self_closing,
        end,
    })
}

fn other(end: usize) -> Tag {
    Tag {
        kind: TagKind::Other,
        name: String::new(),
        self_closing: false,
        end,
    }
}

/// Past the end tag `</name ...>` that closes a raw-text element opened before `from`.
fn skip_raw_text(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(lt) = find_seq(bytes, b"</", at) {
        let after = lt + 2;
        let candidate = bytes.get(after..after + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return find_byte(bytes, b'>', after).map_or(bytes.len(), |gt| gt + 1);
        }
        at = after;
    }
    bytes.len()
}

fn is_one_of(name: &str, list: &[&str]) -> bool {
    list.contains(&name)
}

fn find_byte(bytes: &[u8], byte: u8, from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|b| *b == byte)
        .map(|n| from + n)
}

fn find_seq(bytes: &[u8], seq: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(first) = find_byte(bytes, seq[0], at) {
        if bytes[first..].starts_with(seq) {
            return Some(first);
        }
        at = first + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_borrowed_unchanged() {
        let html = "<html><body><div><p>Sample <b>text</b><br>here.</div></body></html>";
        let (out, dropped) = limit_nesting(html, 4);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(dropped, 0);
    }

    #[test]
    fn tags_beyond_the_limit_are_dropped_and_text_kept() {
        let html = "<div><div><div><div>deep sample</div></div></div></div><p>after";
        let (out, dropped) = limit_nesting(html, 2);
        assert_eq!(out, "<div><div>deep sample</div></div><p>after");
        assert_eq!(dropped, 4);
    }

    #[test]
    fn raw_text_comments_and_quoted_attributes_are_not_tags() {
        let html = "<div title=\"a > b\"><script>if (a < b) { x = '<div>'; }</script>\
                    <!-- <div><div> --><span>kept</span></div>";
        let (out, dropped) = limit_nesting(html, 1);
        assert_eq!(dropped, 2, "{out}");
        assert!(out.contains("<script>if (a < b) { x = '<div>'; }</script>"));
        assert!(out.contains(">kept</div>"));
    }

    #[test]
    fn optional_end_tags_and_void_elements_do_not_count() {
        let html = "<div><p>one<p>two<li>three<br><img src=x><hr/></div>";
        let (_, dropped) = limit_nesting(html, 1);
        assert_eq!(dropped, 0);
    }

    #[test]
    fn a_hundred_thousand_nested_divs_stay_within_the_limit() {
        let n = 100_000;
        let html = format!("{}sample{}", "<div>".repeat(n), "</div>".repeat(n));
        let (out, dropped) = limit_nesting(&html, MAX_NESTING);
        assert_eq!(dropped, 2 * (n - MAX_NESTING));
        assert_eq!(out.matches("<div>").count(), MAX_NESTING);
    }
}
