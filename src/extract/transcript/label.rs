//! Speaker labels opening a paragraph of a transcript (`PRESIDENT RUIZ:  (As interpreted.)`,
//! `Q`, `President of the Republic Ana Ruiz:`, `Lin Wei:`, `Coastal News:`, `A:`, `林伟：`).

use crate::text::Span;

/// Bytes from a paragraph's start within which the colon of a label stands.
const SHORT_LABEL: usize = 80;

/// The same for a parliamentary title ending with the holder's name in parentheses.
const LONG_LABEL: usize = 160;

/// A speaker label at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// The label's words (without the colon).
    pub name: Span,
    /// Where the spoken text starts (after the colon and any "(As interpreted.)").
    pub text_start: usize,
}

/// Reads a speaker label at the start of `para`.
#[must_use]
pub fn label_at(text: &str, para: Span) -> Option<Label> {
    let s = para.slice(text);
    let lead = s.len() - s.trim_start_matches(['\u{3000}', ' ', '\u{a0}']).len();
    let body = &s[lead..];
    // White House "Q" with spaces and no colon.
    if let Some(rest) = body.strip_prefix('Q')
        && (rest.starts_with("  ") || rest.starts_with(':') || rest.starts_with('\u{a0}'))
    {
        let skip = rest.len() - rest.trim_start_matches([':', ' ', '\u{a0}']).len();
        let start = para.start + lead + 1 + skip;
        return Some(Label {
            name: Span::new(para.start + lead, para.start + lead + 1),
            text_start: skip_interpreted(text, start, para.end),
        });
    }
    // The colon within the first bytes: a name and title; a parliamentary title with the
    // holder's name in parentheses may run longer.
    let window = &body[..floor_char(body, LONG_LABEL)];
    let (colon, width) = window
        .char_indices()
        .find(|(_, c)| *c == ':' || *c == '：')
        .map(|(i, c)| (i, c.len_utf8()))?;
    let name = body[..colon].trim();
    if name.is_empty() || colon > SHORT_LABEL && !name.ends_with(')') || !valid_label(name) {
        return None;
    }
    let after = &body[colon + width..];
    let skip = after.len() - after.trim_start_matches([' ', '\u{a0}', '\u{3000}']).len();
    let start = para.start + lead + colon + width + skip;
    let name_start = para.start + lead;
    Some(Label {
        name: Span::new(name_start, name_start + name.len()),
        text_start: skip_interpreted(text, start, para.end),
    })
}

fn floor_char(s: &str, max: usize) -> usize {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

fn skip_interpreted(text: &str, start: usize, end: usize) -> usize {
    let rest = &text[start..end];
    for marker in ["(As interpreted.)", "(As interpreted)", "(In progress.)"] {
        if let Some(r) = rest.strip_prefix(marker) {
            let skip = r.len() - r.trim_start().len();
            return start + marker.len() + skip;
        }
    }
    start
}

/// A label is a short name: Latin words that each start with a capital (small words
/// allowed) and no sentence punctuation, or a short CJK name.
fn valid_label(name: &str) -> bool {
    // "The Secretary of State for Foreign, Commonwealth and Development Affairs (Ana Ruiz)":
    // a parliamentary title may hold commas before the holder's name.
    let hansard = name.ends_with(')') && name.contains(" (");
    if name
        .chars()
        .any(|c| matches!(c, '，' | '。' | '?' | '!' | '"' | '“' | '”') || c == ',' && !hansard)
    {
        return false;
    }
    let cjk = name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    if cjk {
        return name.chars().count() <= 16;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > if hansard { 18 } else { 9 } {
        return false;
    }
    let small = [
        "of", "the", "and", "for", "de", "al", "bin", "von", "van", "da",
    ];
    words.iter().all(|w| {
        small.contains(w)
            || w.trim_end_matches(',').is_empty()
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '《' || c == '(')
    }) && words
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A speaker label in capitals opening a quoted paragraph of a news article that quotes a
/// transcript (`"PENCE: Well, ...`), but not a question label (`Q:`).
#[must_use]
pub fn quoted_label(text: &str, content: Span) -> Option<Label> {
    let label = label_at(text, content)?;
    let name = label.name.slice(text);
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let caps = name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    let question = matches!(name, "Q" | "QUESTION");
    (caps && letters >= 2 && !question && label.text_start < content.end).then_some(label)
}

/// Turns an ALL CAPS label into Title Case so that names and roles read as usual.
pub fn title_case(label: &str) -> String {
    if label.chars().any(char::is_lowercase) {
        return label.to_owned();
    }
    label
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            if matches!(lower.as_str(), "of" | "the" | "and" | "for") {
                return lower;
            }
            let mut c = lower.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels_of_every_style() {
        let text = "PRESIDENT DUDA:  (As interpreted.)  Thank you.";
        let l = label_at(text, Span::new(0, text.len())).expect("label");
        assert_eq!(l.name.slice(text), "PRESIDENT DUDA");
        assert_eq!(&text[l.text_start..], "Thank you.");
        let text = "Q    Why not?";
        let l = label_at(text, Span::new(0, text.len())).expect("label");
        assert_eq!(&text[l.text_start..], "Why not?");
        let text = "　　赵立坚：中方高度赞赏。";
        let l = label_at(text, Span::new(0, text.len())).expect("label");
        assert_eq!(l.name.slice(text), "赵立坚");
        let text = "He said: this is not a label.";
        assert!(label_at(text, Span::new(0, text.len())).is_none());
    }
}
