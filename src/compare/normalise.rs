//! Normalisation with an offset map back to the original, and tokens cut from the normalised
//! text. Whatever normalisation ignores (case, compatibility forms, curly quotes, dashes,
//! aliases) is still shown as written, because every token keeps its original byte span.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::options::{Alias, CompareOptions, Granularity};
use crate::text::Span;

/// A normalised copy of a text with a map from normalised byte offsets to original spans.
#[derive(Debug, Clone, Default)]
pub struct Normalised {
    text: String,
    /// Runs of output, sorted by normalised offset. An identity run maps byte for byte (its
    /// output has the original's char boundaries: ASCII, or letters whose case fold keeps
    /// their length); any other run is one grapheme, mapped as a whole.
    runs: Vec<Run>,
    /// Length of the original text.
    original_len: usize,
}

/// One run of [`Normalised`]: where it starts in the output and in the original.
#[derive(Debug, Clone, Copy, Default)]
struct Run {
    norm: usize,
    orig: usize,
    identity: bool,
}

impl Normalised {
    /// Normalises `text`: NFKC, curly quotes to straight, dashes to `-`, white space to a
    /// space, and lowercase when `options.ignore_case`.
    #[must_use]
    pub fn new(text: &str, options: &CompareOptions) -> Self {
        let fold_case = options.ignore_case;
        let mut out = Self {
            text: String::with_capacity(text.len()),
            runs: Vec::new(),
            original_len: text.len(),
        };
        if text.is_ascii() {
            out.runs.push(Run {
                norm: 0,
                orig: 0,
                identity: true,
            });
            for byte in text.bytes() {
                out.push_char(char::from(byte), fold_case);
            }
            return out;
        }
        // ASCII stretches map byte for byte; only the stretches around non-ASCII characters
        // (from the ASCII character before them, which a combining mark may join) are cut
        // into graphemes and normalised.
        let bytes = text.as_bytes();
        let mut scratch = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let p = bytes[i..]
                .iter()
                .position(|&b| b >= 0x80)
                .map_or(bytes.len(), |k| i + k);
            let ascii_end = if p < bytes.len() && p > i { p - 1 } else { p };
            if ascii_end > i {
                out.push_identity(i);
                for &byte in &bytes[i..ascii_end] {
                    out.push_char(char::from(byte), fold_case);
                }
            }
            if p >= bytes.len() {
                break;
            }
            let mut q = p;
            while q < bytes.len() && bytes[q] >= 0x80 {
                q += 1;
            }
            for (offset, grapheme) in text[ascii_end..q].grapheme_indices(true) {
                scratch.clear();
                if grapheme.is_ascii() {
                    for c in grapheme.chars() {
                        push_folded(&mut scratch, c, fold_case);
                    }
                } else {
                    for c in grapheme.nfkc() {
                        push_folded(&mut scratch, c, fold_case);
                    }
                }
                if same_boundaries(grapheme, &scratch) {
                    out.push_identity(ascii_end + offset);
                } else {
                    out.runs.push(Run {
                        norm: out.text.len(),
                        orig: ascii_end + offset,
                        identity: false,
                    });
                }
                out.text.push_str(&scratch);
            }
            i = q;
        }
        out
    }

    /// Starts (or continues) an identity run at original offset `orig`.
    fn push_identity(&mut self, orig: usize) {
        let continues = self
            .runs
            .last()
            .is_some_and(|last| last.identity && last.orig + (self.text.len() - last.norm) == orig);
        if !continues {
            self.runs.push(Run {
                norm: self.text.len(),
                orig,
                identity: true,
            });
        }
    }

    fn push_char(&mut self, c: char, fold_case: bool) {
        push_folded(&mut self.text, c, fold_case);
    }

    /// The normalised text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Original byte offset where the run `k` ends.
    fn run_orig_end(&self, k: usize) -> usize {
        self.runs.get(k + 1).map_or(self.original_len, |r| r.orig)
    }

    /// The original span that produced the normalised span `span`. An empty span maps to the
    /// position of the piece it starts in.
    #[must_use]
    pub fn original_span(&self, span: Span) -> Span {
        self.original_span_from(span, &mut 0)
    }

    /// [`Self::original_span`] for spans asked in increasing order: `hint` remembers the run
    /// where the last one started, so a pass over a whole text is linear.
    pub(crate) fn original_span_from(&self, span: Span, hint: &mut usize) -> Span {
        let runs = &self.runs;
        let mut run_at = |offset: usize| {
            let mut k = (*hint).min(runs.len().saturating_sub(1));
            if runs.get(k).is_some_and(|r| r.norm > offset) {
                k = runs.partition_point(|r| r.norm <= offset).saturating_sub(1);
            }
            while runs.get(k + 1).is_some_and(|r| r.norm <= offset) {
                k += 1;
            }
            *hint = k;
            k
        };
        let k = run_at(span.start);
        let Some(first) = self.runs.get(k) else {
            return Span::new(0, 0);
        };
        let start = if first.identity {
            first.orig + (span.start - first.norm)
        } else {
            first.orig
        };
        if span.is_empty() {
            return Span::new(start, start);
        }
        let k_end = run_at(span.end - 1);
        *hint = k;
        let end = match self.runs.get(k_end) {
            Some(last) if last.identity => last.orig + (span.end - last.norm),
            Some(_) => self.run_orig_end(k_end),
            None => start,
        };
        Span::new(start, end.max(start).min(self.original_len))
    }
}

/// Pushes `c` to `out`, typography folded and lowercased when `fold_case`.
fn push_folded(out: &mut String, c: char, fold_case: bool) {
    let c = fold_typography(c);
    if fold_case && !c.is_lowercase() && c.is_alphabetic() {
        out.extend(c.to_lowercase());
    } else {
        out.push(c);
    }
}

/// True when `output` has exactly the char boundaries of `input` (same lengths char by char),
/// so offsets map byte for byte.
fn same_boundaries(input: &str, output: &str) -> bool {
    input.len() == output.len()
        && input
            .chars()
            .map(char::len_utf8)
            .eq(output.chars().map(char::len_utf8))
}

/// Straightens quotes and dashes and turns any white space into a plain space.
fn fold_typography(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters or digits (or one ideograph).
    Word,
    /// Punctuation and symbols.
    Punct,
    /// White space.
    Space,
}

/// A unit of comparison: its normalised key and where it is in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Normalised text (or an alias's canonical spelling).
    pub key: String,
    /// What kind of token.
    pub kind: TokenKind,
    /// Byte span in the original text.
    pub orig: Span,
}

/// True for Chinese characters and Japanese kana: scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF        // hiragana, katakana
        | 0x3400..=0x4DBF      // CJK extension A
        | 0x4E00..=0x9FFF      // CJK unified ideographs
        | 0xF900..=0xFAFF      // compatibility ideographs
        | 0x20000..=0x2FA1F) // supplementary ideographs
}

/// Letters read to decide whether a text is mostly Chinese or Japanese.
const CJK_SAMPLE: usize = 100_000;

/// True when most letters of `text` (of its first [`CJK_SAMPLE`]) are Chinese characters or
/// kana.
pub(crate) fn mostly_cjk(text: &str) -> bool {
    let (mut cjk, mut letters) = (0usize, 0usize);
    for c in text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(CJK_SAMPLE)
    {
        letters += 1;
        if is_cjk(c) {
            cjk += 1;
        }
    }
    letters > 0 && cjk * 2 > letters
}

/// Alias spellings as word-key sequences, each mapped to one canonical key.
#[derive(Debug, Default)]
pub(crate) struct AliasTable {
    /// First key -> (key sequence, canonical key), longest sequences first.
    by_first: BTreeMap<String, Vec<(Vec<String>, String)>>,
}

impl AliasTable {
    /// Builds the table; each alias's `from` and `to` both compare as the normalised `to`.
    pub(crate) fn new(aliases: &[Alias], options: &CompareOptions) -> Self {
        let mut table = Self::default();
        let words = |s: &str| -> Vec<String> {
            raw_tokens(s, options)
                .into_iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.key)
                .collect()
        };
        for alias in aliases {
            let to = words(&alias.to);
            if to.is_empty() {
                continue;
            }
            let canonical = to.join(" ");
            for seq in [words(&alias.from), to] {
                if let Some(first) = seq.first().cloned() {
                    table
                        .by_first
                        .entry(first)
                        .or_default()
                        .push((seq, canonical.clone()));
                }
            }
        }
        for entries in table.by_first.values_mut() {
            entries.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        }
        table
    }

    /// Replaces every alias occurrence in `tokens` by one token with the canonical key.
    /// White space between the words of an alias is allowed; punctuation is not.
    fn apply(&self, tokens: Vec<Token>) -> Vec<Token> {
        if self.by_first.is_empty() {
            return tokens;
        }
        let mut out = Vec::with_capacity(tokens.len());
        let mut i = 0;
        'outer: while i < tokens.len() {
            let token = &tokens[i];
            if token.kind == TokenKind::Word
                && let Some(entries) = self.by_first.get(&token.key)
            {
                for (seq, canonical) in entries {
                    if let Some(end) = match_words(&tokens, i, seq) {
                        out.push(Token {
                            key: canonical.clone(),
                            kind: TokenKind::Word,
                            orig: Span::new(token.orig.start, tokens[end - 1].orig.end),
                        });
                        i = end;
                        continue 'outer;
                    }
                }
            }
            out.push(token.clone());
            i += 1;
        }
        out
    }
}

/// If the words `seq` start at `tokens[start]` (spaces between allowed), the index after them.
fn match_words(tokens: &[Token], start: usize, seq: &[String]) -> Option<usize> {
    let mut i = start;
    for (n, word) in seq.iter().enumerate() {
        if n > 0 {
            while tokens.get(i).is_some_and(|t| t.kind == TokenKind::Space) {
                i += 1;
            }
        }
        let token = tokens.get(i)?;
        if token.kind != TokenKind::Word || &token.key != word {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// All tokens of `text` (spaces and punctuation included), before aliases and granularity.
fn raw_tokens(text: &str, options: &CompareOptions) -> Vec<Token> {
    let mut tokens = Vec::new();
    each_raw_token(text, options, |key, kind, orig| {
        tokens.push(Token {
            key: key.to_owned(),
            kind,
            orig,
        });
    });
    tokens
}

/// Calls `f` with each token of `text` (key, kind, original span), in order. Grapheme pieces
/// that normalise to several output words (rare: "½" -> "1/2") would give overlapping
/// spans, so tokens that share one original span are joined into one.
pub(crate) fn each_raw_token(
    text: &str,
    options: &CompareOptions,
    mut f: impl FnMut(&str, TokenKind, Span),
) {
    let normalised = Normalised::new(text, options);
    let mut pending: Option<(String, TokenKind, Span)> = None;
    let mut emit = |key: &str, kind: TokenKind, orig: Span| match pending.as_mut() {
        Some((buffer, _, span)) if *span == orig => buffer.push_str(key),
        Some((buffer, pending_kind, span)) => {
            f(buffer, *pending_kind, *span);
            buffer.clear();
            buffer.push_str(key);
            *pending_kind = kind;
            *span = orig;
        }
        None => pending = Some((key.to_owned(), kind, orig)),
    };
    let mut hint = 0;
    for (start, piece) in normalised.as_str().split_word_bound_indices() {
        let span = Span::new(start, start + piece.len());
        let orig = normalised.original_span_from(span, &mut hint);
        if piece.chars().all(char::is_whitespace) {
            emit(" ", TokenKind::Space, orig);
        } else if piece.chars().any(char::is_alphanumeric) {
            emit(piece, TokenKind::Word, orig);
        } else {
            for (offset, c) in piece.char_indices() {
                let at = start + offset;
                let orig =
                    normalised.original_span_from(Span::new(at, at + c.len_utf8()), &mut hint);
                let mut utf8 = [0u8; 4];
                emit(c.encode_utf8(&mut utf8), TokenKind::Punct, orig);
            }
        }
    }
    if let Some((buffer, kind, span)) = pending {
        f(&buffer, kind, span);
    }
}

/// Word-granularity tokens of `text` as the diff sees them (aliases applied, ignored kinds
/// dropped), passed to `f` as (key, kind, original span) without a string per token when
/// there are no aliases: the fast path for long texts.
pub(crate) fn each_token(
    text: &str,
    options: &CompareOptions,
    aliases: &AliasTable,
    mut f: impl FnMut(&str, TokenKind, Span),
) {
    let keep = |kind: TokenKind| match kind {
        TokenKind::Space => !options.ignore_whitespace,
        TokenKind::Punct => !options.ignore_punctuation,
        TokenKind::Word => true,
    };
    if aliases.by_first.is_empty() {
        each_raw_token(text, options, |key, kind, orig| {
            if keep(kind) {
                f(key, kind, orig);
            }
        });
        return;
    }
    for token in tokenise(text, options, aliases, Granularity::Word) {
        f(&token.key, token.kind, token.orig);
    }
}

/// Tokens of `text` as the diff sees them: aliases applied, ignored kinds dropped, and words
/// cut into characters for `Granularity::Char`.
pub(crate) fn tokenise(
    text: &str,
    options: &CompareOptions,
    aliases: &AliasTable,
    granularity: Granularity,
) -> Vec<Token> {
    let tokens = aliases.apply(raw_tokens(text, options));
    let mut out = Vec::with_capacity(tokens.len());
    for token in tokens {
        match token.kind {
            TokenKind::Space if options.ignore_whitespace => {}
            TokenKind::Punct if options.ignore_punctuation => {}
            TokenKind::Word
                if granularity == Granularity::Char
                    && token.key.chars().nth(1).is_some()
                    && !token.key.contains(' ') =>
            {
                split_chars(text, &token, options, &mut out);
            }
            _ => out.push(token),
        }
    }
    out
}

/// Cuts a word token into one token per character, each with its own original span.
fn split_chars(text: &str, token: &Token, options: &CompareOptions, out: &mut Vec<Token>) {
    let original = token.orig.slice(text);
    let normalised = Normalised::new(original, options);
    for (at, c) in normalised.as_str().char_indices() {
        let local = normalised.original_span(Span::new(at, at + c.len_utf8()));
        let orig = Span::new(token.orig.start + local.start, token.orig.start + local.end);
        if let Some(last) = out.last_mut().filter(|t: &&mut Token| t.orig == orig) {
            last.key.push(c);
        } else {
            out.push(Token {
                key: c.to_string(),
                kind: TokenKind::Word,
                orig,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(tokens: &[Token]) -> Vec<&str> {
        tokens.iter().map(|t| t.key.as_str()).collect()
    }

    #[test]
    fn normalised_maps_back_to_original() {
        let text = "“Ｆｕｌｌ” — Straße";
        let n = Normalised::new(text, &CompareOptions::default());
        assert_eq!(n.as_str(), "\"full\" - straße");
        let at = n.as_str().find("full").expect("full");
        let orig = n.original_span(Span::new(at, at + 4));
        assert_eq!(orig.slice(text), "Ｆｕｌｌ");
    }

    #[test]
    fn tokens_keep_original_spans_and_drop_ignored_kinds() {
        let text = "China’s  INHERENT territory.";
        let options = CompareOptions::default();
        let tokens = tokenise(text, &options, &AliasTable::default(), Granularity::Word);
        assert_eq!(keys(&tokens), ["china's", "inherent", "territory"]);
        assert_eq!(tokens[0].orig.slice(text), "China’s");
        assert_eq!(tokens[1].orig.slice(text), "INHERENT");
    }

    #[test]
    fn aliases_become_one_canonical_token() {
        let options = CompareOptions {
            aliases: vec![Alias::new("Diaoyu Dao", "Senkaku Islands")],
            ..CompareOptions::default()
        };
        let table = AliasTable::new(&options.aliases, &options);
        let text = "the Diaoyu  Dao are";
        let tokens = tokenise(text, &options, &table, Granularity::Word);
        assert_eq!(keys(&tokens), ["the", "senkaku islands", "are"]);
        assert_eq!(tokens[1].orig.slice(text), "Diaoyu  Dao");
        let other = tokenise("Senkaku islands", &options, &table, Granularity::Word);
        assert_eq!(keys(&other), ["senkaku islands"]);
    }

    #[test]
    fn char_granularity_and_cjk_detection() {
        let text = "钓鱼岛是中国固有领土。";
        assert!(mostly_cjk(text));
        assert!(!mostly_cjk("China 中"));
        let tokens = tokenise(
            text,
            &CompareOptions::default(),
            &AliasTable::default(),
            Granularity::Char,
        );
        assert_eq!(tokens.len(), 10);
        assert_eq!(tokens[2].orig.slice(text), "岛");
    }
}
