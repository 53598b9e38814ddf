//! Bytes to text: binary detection, encoding detection and line-ending normalisation.
//! Nothing else is changed: offsets into a plain-text file must stay valid.
//!
//! The encoding is chosen once per file, in this order: a byte-order mark; UTF-16 without a
//! mark (NULs at one parity and plausible characters); UTF-8 when every byte is valid, or when
//! valid multi-byte characters outnumber the invalid sequences (a UTF-8 text with a few bad
//! bytes: each bad sequence becomes U+FFFD and is counted, the rest stays UTF-8); a charset
//! the page declares; else the legacy encoding `chardetng` (Firefox's detector) finds most
//! likely (GBK, Big5, Shift_JIS, EUC-KR, KOI8-R, Windows-1251, Windows-1252, ...).

use std::borrow::Cow;

use encoding_rs::{DecoderResult, Encoding, UTF_8};

use super::error::BinaryKind;

/// Text decoded from bytes, and the encoding it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text with `\r\n` and `\r` turned into `\n` and any byte-order mark removed.
    pub text: String,
    /// The encoding's WHATWG name ("UTF-8", "UTF-16LE", "windows-1252", ...).
    pub encoding: &'static str,
    /// How the encoding was chosen.
    pub chosen_by: ChosenBy,
    /// Byte sequences that were not valid in the encoding and became U+FFFD.
    pub replaced: usize,
}

/// How the encoding of a text was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChosenBy {
    /// A byte-order mark at the start.
    ByteOrderMark,
    /// The bytes themselves: valid (or nearly valid) UTF-8, or the pattern of UTF-16.
    Structure,
    /// A charset the document declares (an HTML `<meta charset>`).
    Declared,
    /// Guessed by the encoding detector: no mark, no declaration, not UTF-8.
    Detected,
}

/// Signatures of binary formats people drop into a file dialog by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE (old Office)"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x7fELF", "ELF"),
];

/// Decodes `bytes` as text, or says why they are not text.
///
/// Order: a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE); then binary signatures; then
/// UTF-16 without a mark; then UTF-8 (also with a few invalid sequences, replaced and
/// counted); then `declared` (for example an HTML `<meta charset>`) unless it claims UTF-8 or
/// UTF-16; then the legacy encoding the detector finds.
///
/// # Errors
/// The [`BinaryKind`] that shows the bytes are not text.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, BinaryKind> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom_len..], encoding, ChosenBy::ByteOrderMark);
    }
    if let Some((_, name)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(BinaryKind::Magic(name));
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        return finish(bytes, encoding, ChosenBy::Structure);
    }
    if bytes.contains(&0) {
        return Err(BinaryKind::NulBytes);
    }
    let profile = Utf8Profile::of(bytes);
    if profile.invalid == 0 && profile.multibyte == 0 && iso_2022_jp(bytes) {
        return finish(bytes, encoding_rs::ISO_2022_JP, ChosenBy::Detected);
    }
    if profile.invalid == 0 || profile.mostly_valid() {
        return finish(bytes, UTF_8, ChosenBy::Structure);
    }
    if let Some(encoding) = declared.filter(|e| *e != UTF_8 && e.output_encoding() == *e) {
        return finish(bytes, encoding, ChosenBy::Declared);
    }
    finish(bytes, detect_legacy(bytes), ChosenBy::Detected)
}

/// How much of a byte string is valid UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Utf8Profile {
    /// Valid characters of two to four bytes.
    multibyte: usize,
    /// Invalid sequences (each would become one U+FFFD).
    invalid: usize,
}

impl Utf8Profile {
    fn of(bytes: &[u8]) -> Self {
        let mut out = Self::default();
        let mut rest = bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    out.multibyte += count_multibyte(valid);
                    return out;
                }
                Err(err) => {
                    let (valid, _) = rest.split_at(err.valid_up_to());
                    out.multibyte += std::str::from_utf8(valid).map_or(0, count_multibyte);
                    out.invalid += 1;
                    match err.error_len() {
                        Some(len) => rest = &rest[err.valid_up_to() + len..],
                        None => return out,
                    }
                }
            }
        }
    }

    /// A UTF-8 text with a few bad bytes: its valid multi-byte characters are at least as many
    /// as its invalid sequences. (Legacy double-byte text forms a valid UTF-8 character only
    /// now and then, a few in a hundred; single-byte legacy text almost never.)
    fn mostly_valid(self) -> bool {
        self.multibyte > 0 && self.multibyte >= self.invalid
    }
}

fn count_multibyte(s: &str) -> usize {
    s.bytes().filter(|b| *b >= 0xC0).count()
}

/// The legacy encoding `chardetng` finds most likely for bytes that are not UTF-8.
/// ISO-2022-JP (Japanese e-mail) is allowed: a file cannot run scripts.
fn detect_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// ISO-2022-JP is 7-bit, so it passes as valid UTF-8: its escape sequences give it away.
fn iso_2022_jp(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b)
        && [&b"\x1b$B"[..], b"\x1b$@", b"\x1b(J"]
            .iter()
            .any(|esc| bytes.windows(3).any(|w| w == *esc))
        && detect_legacy(bytes) == encoding_rs::ISO_2022_JP
}

/// Decodes `bytes` in `encoding`, each invalid sequence becoming U+FFFD, and counts those.
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut out = String::with_capacity(capacity);
    let mut rest = bytes;
    let mut replaced = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return (out, replaced),
            DecoderResult::OutputFull => out.reserve(rest.len().saturating_mul(3).max(16)),
            DecoderResult::Malformed(_, _) => {
                out.push('\u{fffd}');
                replaced += 1;
            }
        }
    }
}

/// UTF-16 written without a byte-order mark. Any text in it has some characters below U+0100
/// (line breaks, spaces, digits), whose high byte is NUL: the NULs fall at one parity (odd
/// positions for little-endian, even for big-endian). Legacy encodings never hold NUL bytes.
/// The code units read in that byte order must also be plausible text (letters, CJK, kana,
/// Hangul, punctuation), so binary data with NULs is not taken for text.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let even_nuls = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nuls = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    // A CJK character whose low byte is 00 (U+4E00, U+5000, ...) puts a NUL at the other
    // parity now and then: allow one for every ten.
    let (encoding, here, other) = if odd_nuls >= even_nuls {
        (encoding_rs::UTF_16LE, odd_nuls, even_nuls)
    } else {
        (encoding_rs::UTF_16BE, even_nuls, odd_nuls)
    };
    if here == 0 || other * 10 > here {
        return None;
    }
    let little = encoding == encoding_rs::UTF_16LE;
    let units = bytes.chunks_exact(2).map(|pair| {
        if little {
            u16::from_le_bytes([pair[0], pair[1]])
        } else {
            u16::from_be_bytes([pair[0], pair[1]])
        }
    });
    let mut plausible = 0usize;
    let mut total = 0usize;
    for decoded in char::decode_utf16(units) {
        total += 1;
        if decoded.is_ok_and(plausible_char) {
            plausible += 1;
        }
    }
    (plausible * 100 >= total * 95).then_some(encoding)
}

/// Characters that make up real text in the scripts Demarche's users read.
fn plausible_char(c: char) -> bool {
    matches!(c as u32,
        0x09 | 0x0A | 0x0C | 0x0D
        | 0x20..=0x7E
        | 0xA0..=0x24F      // Latin-1 and Latin Extended
        | 0x370..=0x52F     // Greek, Cyrillic
        | 0x590..=0x6FF     // Hebrew, Arabic
        | 0x900..=0x97F     // Devanagari
        | 0xE00..=0xE7F     // Thai
        | 0x1100..=0x11FF   // Hangul Jamo
        | 0x1E00..=0x1EFF   // Latin Extended Additional (Vietnamese)
        | 0x2000..=0x27BF   // punctuation, symbols, arrows, shapes
        | 0x3000..=0x33FF   // CJK punctuation, kana, Bopomofo, enclosed CJK
        | 0x3400..=0x4DBF   // CJK Extension A
        | 0x4E00..=0x9FFF   // CJK Unified Ideographs
        | 0xAC00..=0xD7A3   // Hangul syllables
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0xFE30..=0xFE4F   // CJK compatibility forms
        | 0xFF00..=0xFFEF   // full-width and half-width forms
        | 0x20000..=0x2FA1F // CJK Extensions B and later
    )
}

/// Checks raw bytes (without a byte-order mark) for a binary signature or NUL bytes.
#[must_use]
pub fn sniff_binary(bytes: &[u8]) -> Option<BinaryKind> {
    if let Some((_, name)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(BinaryKind::Magic(name));
    }
    if bytes.contains(&0) {
        return Some(BinaryKind::NulBytes);
    }
    None
}

fn finish(
    bytes: &[u8],
    encoding: &'static Encoding,
    chosen_by: ChosenBy,
) -> Result<Decoded, BinaryKind> {
    let (text, replaced) = decode_counting(encoding, bytes);
    if text.contains('\0') {
        return Err(BinaryKind::NulBytes);
    }
    if too_many_controls(&text) {
        return Err(BinaryKind::ControlCharacters);
    }
    let text = match normalize_line_endings(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(normalised) => normalised,
    };
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        chosen_by,
        replaced,
    })
}

/// True when more than 1% of the characters are C0 controls other than tab, line feed,
/// carriage return and form feed (C1 controls occur in real mojibake and are allowed).
fn too_many_controls(text: &str) -> bool {
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in text.chars() {
        total += 1;
        if (c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) || c == '\u{7f}' {
            controls += 1;
        }
    }
    controls > 0 && controls * 100 > total
}

/// Turns `\r\n` and lone `\r` into `\n`; borrows when there is nothing to change.
#[must_use]
pub fn normalize_line_endings(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The encoding an HTML page declares in `<meta charset=...>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` within its first 2 KB.
#[must_use]
pub fn html_declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(found) = find(&lower[from..], b"charset") {
        let mut i = from + found + b"charset".len();
        from = i;
        while lower.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            i += 1;
        }
        let start = i;
        while lower
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if let Some(encoding) = Encoding::for_label(&lower[start..i]) {
            return Some(encoding);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("caf\u{e9} \u{201c}x\u{201d}".as_bytes(), None).expect("text");
        assert_eq!(plain.text, "caf\u{e9} \u{201c}x\u{201d}");
        assert_eq!(plain.encoding, "UTF-8");
        let bom = decode(b"\xef\xbb\xbfabc", None).expect("text");
        assert_eq!(bom.text, "abc");
        assert_eq!(bom.encoding, "UTF-8");
    }

    #[test]
    fn utf16_both_byte_orders() {
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in "Hi \u{201c}there\u{201d}\r\nok".encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let decoded = decode(&bytes, None).expect("text");
            assert_eq!(decoded.text, "Hi \u{201c}there\u{201d}\nok");
            assert_eq!(decoded.encoding, name);
        }
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let mut le = Vec::new();
        for unit in "Sample text, no byte-order mark.".encode_utf16() {
            le.extend(unit.to_le_bytes());
        }
        let decoded = decode(&le, None).expect("text");
        assert_eq!(decoded.text, "Sample text, no byte-order mark.");
        assert_eq!(decoded.encoding, "UTF-16LE");
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252() {
        let decoded = decode(b"He said \x93no\x94 \x96 twice.", None).expect("text");
        assert_eq!(decoded.text, "He said \u{201c}no\u{201d} \u{2013} twice.");
        assert_eq!(decoded.encoding, "windows-1252");
    }

    #[test]
    fn declared_charset_is_used_for_non_utf8_bytes() {
        let gbk = encoding_rs::GBK.encode("\u{4e2d}\u{56fd}").0.into_owned();
        assert_eq!(
            decode(&gbk, Some(encoding_rs::GBK)).expect("text").text,
            "\u{4e2d}\u{56fd}"
        );
        // A page claiming UTF-8 with invalid bytes still gets the Windows-1252 fallback.
        assert_eq!(
            decode(b"\x93a\x94", Some(UTF_8)).expect("text").encoding,
            "windows-1252"
        );
    }

    #[test]
    fn line_endings_are_normalised_and_nothing_else_changes() {
        let decoded = decode(b"a\r\nb\rc\n\xc2\xa0d  ", None).expect("text");
        assert_eq!(decoded.text, "a\nb\nc\n\u{a0}d  ");
    }

    #[test]
    fn binary_data_is_rejected() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None),
            Err(BinaryKind::Magic("PNG"))
        );
        assert_eq!(decode(b"%PDF-1.7\n", None), Err(BinaryKind::Magic("PDF")));
        assert_eq!(decode(b"abc\0def", None), Err(BinaryKind::NulBytes));
        assert_eq!(
            decode(b"ab\x01\x02\x03\x04cd", None),
            Err(BinaryKind::ControlCharacters)
        );
    }

    #[test]
    fn c1_controls_in_mojibake_are_text() {
        let decoded = decode("Bas\u{c3}\u{83}\u{c2}\u{a1}ez".as_bytes(), None).expect("text");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn html_charset_declarations() {
        let page =
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">";
        assert_eq!(html_declared_charset(page), Some(encoding_rs::GBK));
        assert_eq!(
            html_declared_charset(b"<meta charset='utf-8'>"),
            Some(UTF_8)
        );
        assert_eq!(html_declared_charset(b"<p>no charset here</p>"), None);
    }
}
