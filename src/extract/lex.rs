//! Small lexical helpers shared by the extraction steps: word tokens with byte spans,
//! sentence boundaries and abbreviation handling, all by hand over `&str`.

use super::lexicon::Lexicon;
use crate::text::Span;

/// One word of running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word's bytes in the text, without surrounding punctuation or a possessive 's.
    pub span: Span,
    /// The word as written (punctuation stripped, abbreviation periods kept).
    pub word: String,
    /// The word in lowercase.
    pub lower: String,
    /// True when the word ended in 's or ’s (removed from `word`).
    pub possessive: bool,
    /// The punctuation glued after the word (",", ".", ":" ...), if any.
    pub trail: Option<char>,
    /// The punctuation glued before the word ("(", a quote mark ...), if any.
    pub lead: Option<char>,
}

impl Token {
    /// True when the word starts with an uppercase letter, or is a name written with a
    /// lowercase particle joined by a hyphen ("al-Rashid", "el-Masri").
    #[must_use]
    pub fn capitalised(&self) -> bool {
        let mut chars = self.word.chars();
        match chars.next() {
            Some(c) if c.is_uppercase() => true,
            Some(c) if c.is_lowercase() => self.word.find('-').is_some_and(|hyphen| {
                hyphen <= 4
                    && self.word[hyphen + 1..]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                    && self.lower.get(..=hyphen).is_some_and(|prefix| {
                        super::lexicon::Lexicon::get()
                            .name_particles
                            .contains(prefix)
                    })
            }),
            _ => false,
        }
    }
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.chars().count() == 1 && w.chars().all(char::is_alphabetic) {
        return true;
    }
    if w.contains('.') && w.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    Lexicon::get().abbreviations.contains(w.as_str())
}

/// Splits `span` of `text` into word tokens.
#[must_use]
pub fn tokens(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    let slice = span.slice(text);
    let mut start: Option<usize> = None;
    for (i, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        let space = c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}';
        if space {
            if let Some(s) = start.take()
                && let Some(tok) = make_token(text, span.start + s, span.start + i)
            {
                out.push(tok);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

fn is_edge_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '.'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '"'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '\''
            | '«'
            | '»'
            | '—'
            | '–'
            | '…'
            | '-'
    )
}

fn make_token(text: &str, start: usize, end: usize) -> Option<Token> {
    let mut s = start;
    let mut e = end;
    let mut lead = None;
    let mut trail = None;
    while s < e {
        let c = text[s..e].chars().next()?;
        if is_edge_punct(c) {
            lead = Some(c);
            s += c.len_utf8();
        } else {
            break;
        }
    }
    while s < e {
        let c = text[s..e].chars().next_back()?;
        if is_edge_punct(c) {
            if c == '.' && is_abbreviation(&text[s..e]) && text[s..e].len() > 1 {
                // Keep an abbreviation's period ("U.S.", "Sen.") unless it also ends the
                // raw token with another mark.
                break;
            }
            if c == '.' && matches!(trail, Some(',' | ';' | ':' | ')')) {
                // "(R-Fla.)", "R-Ky.,": a period before a comma or a closing parenthesis
                // abbreviates; the token ends with that mark, not a sentence.
            } else if trail.is_none() || c != '.' {
                trail = Some(c);
            } else {
                trail = Some('.');
            }
            e -= c.len_utf8();
        } else {
            break;
        }
    }
    if s >= e {
        return None;
    }
    let mut word = &text[s..e];
    let mut possessive = false;
    if let Some(w) = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s"))
        && !w.is_empty()
    {
        word = w;
        // "He's claiming": a contraction of "is" or "has", not a possessive.
        possessive = !Lexicon::get()
            .contraction_hosts
            .contains(w.to_lowercase().as_str());
    }
    let e = s + word.len();
    Some(Token {
        span: Span::new(s, e),
        word: word.to_owned(),
        lower: word.to_lowercase(),
        possessive,
        trail,
        lead,
    })
}

/// Byte offset where the sentence holding `at` starts, not before `floor`.
#[must_use]
pub fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at.min(text.len());
    while i > floor {
        i -= 1;
        let b = bytes[i];
        if matches!(b, b'.' | b'?' | b'!') && ends_sentence(text, floor, i) {
            // Skip closing quote marks glued after the period.
            let mut j = i + 1;
            while j < at {
                let Some(c) = text[j..].chars().next() else {
                    break;
                };
                if matches!(c, '"' | '”' | '’' | '\'' | ')') {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            while j < at && text[j..].starts_with(char::is_whitespace) {
                j += text[j..].chars().next().map_or(1, char::len_utf8);
            }
            return j;
        }
    }
    floor
}

/// Byte offset where the sentence holding `at` ends (just past its final mark), not after
/// `ceiling`.
#[must_use]
pub fn sentence_end(text: &str, at: usize, ceiling: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < ceiling {
        let b = bytes[i];
        if matches!(b, b'.' | b'?' | b'!') && ends_sentence(text, 0, i) {
            return i + 1;
        }
        i += 1;
    }
    ceiling
}

/// True when the mark at byte `i` ends a sentence: followed by white space (or a closing
/// quote, or the end) and not an abbreviation's period.
fn ends_sentence(text: &str, floor: usize, i: usize) -> bool {
    let next = text[i + 1..].chars().next();
    let next_ok = next
        .is_none_or(|c| c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')' | '\u{a0}'));
    // Run-together sentences ("here."On Wednesday) also end at a period followed by a quote
    // mark or an uppercase letter when the word before is long.
    if !next_ok {
        return false;
    }
    if text.as_bytes()[i] != b'.' {
        return true;
    }
    let word_start = text[floor..i]
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .map_or(floor, |p| floor + p + 1);
    let word = &text[word_start..=i];
    if !is_abbreviation(word) {
        return true;
    }
    // "U.S." at a sentence end: the next word starts a sentence when it is capitalised and
    // not a name-like continuation; keep it simple and treat initials as non-final.
    false
}

/// True for words that are sentence-initial function words, never names.
#[must_use]
pub fn is_function_word(lower: &str) -> bool {
    Lexicon::get().function_words.contains(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hyphened_name_particle_makes_a_name_word() {
        let text = "al-Nouri el-Badri pro-Western al-jazira";
        let toks = tokens(text, Span::new(0, text.len()));
        let capitalised: Vec<bool> = toks.iter().map(Token::capitalised).collect();
        assert_eq!(capitalised, [true, true, false, false]);
    }

    #[test]
    fn tokens_keep_abbreviations_and_strip_possessives() {
        let text = "China's U.S. envoy, Mr. Lee, said:";
        let toks = tokens(text, Span::new(0, text.len()));
        let words: Vec<&str> = toks.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(words, ["China", "U.S.", "envoy", "Mr.", "Lee", "said"]);
        assert!(toks[0].possessive);
        assert_eq!(toks[2].trail, Some(','));
        assert_eq!(toks[5].trail, Some(':'));
    }

    #[test]
    fn a_period_inside_parentheses_or_before_a_comma_ends_no_sentence() {
        let text = "Rep. Gwen Moore (D-Wis.) said it. McConnell, R-Ky., said so.";
        let toks = tokens(text, Span::new(0, text.len()));
        let party = toks
            .iter()
            .find(|t| t.word.starts_with("D-Wis"))
            .expect("token");
        assert_eq!(party.trail, Some(')'));
        let state = toks
            .iter()
            .find(|t| t.word.starts_with("R-Ky"))
            .expect("token");
        assert_eq!(state.trail, Some(','));
    }

    #[test]
    fn pronoun_contractions_are_not_possessives() {
        let text = "He's claiming it, and China's envoy agreed.";
        let toks = tokens(text, Span::new(0, text.len()));
        assert_eq!(toks[0].word, "He");
        assert!(!toks[0].possessive);
        assert!(toks.iter().any(|t| t.word == "China" && t.possessive));
    }

    #[test]
    fn sentences_skip_abbreviations() {
        let text = "He met Mr. Lee. The U.S. envoy said so. Then";
        let at = text.find("envoy").expect("present");
        assert_eq!(&text[sentence_start(text, 0, at)..at], "The U.S. ");
        assert_eq!(
            &text[sentence_start(text, 0, at)..sentence_end(text, at, text.len())],
            "The U.S. envoy said so."
        );
    }
}
