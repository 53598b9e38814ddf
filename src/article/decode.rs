//! Bytes to text: binary detection, encoding detection (BOM, UTF-8, a declared HTML charset,
//! Windows-1252 as the last resort) and line-ending normalisation. Nothing else is changed:
//! offsets into a plain-text file must stay valid.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use super::error::BinaryKind;

/// Text decoded from bytes, and the encoding it was decoded from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text with `\r\n` and `\r` turned into `\n` and any byte-order mark removed.
    pub text: String,
    /// The encoding's WHATWG name ("UTF-8", "UTF-16LE", "windows-1252", ...).
    pub encoding: &'static str,
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
/// Order: a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE); then binary signatures;
/// then UTF-16 without a mark (NULs in every other byte); then valid UTF-8; then
/// `declared` (for example an HTML `<meta charset>`) unless it claims UTF-8 or UTF-16; then
/// Windows-1252, which accepts any byte.
///
/// # Errors
/// The [`BinaryKind`] that shows the bytes are not text.
pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded, BinaryKind> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return finish(&text, encoding);
    }
    if let Some((_, name)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(BinaryKind::Magic(name));
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return finish(&text, encoding);
    }
    if bytes.contains(&0) {
        return Err(BinaryKind::NulBytes);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text, UTF_8);
    }
    let encoding = declared
        .filter(|e| *e != UTF_8 && e.output_encoding() == *e)
        .unwrap_or(WINDOWS_1252);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    finish(&text, encoding)
}

/// UTF-16 written without a byte-order mark: mostly-Latin text has a NUL in every other
/// byte (odd positions for little-endian, even for big-endian) and none in the others.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even_nuls = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_nuls = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if odd_nuls * 10 >= pairs * 7 && even_nuls == 0 {
        Some(encoding_rs::UTF_16LE)
    } else if even_nuls * 10 >= pairs * 7 && odd_nuls == 0 {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
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

fn finish(text: &str, encoding: &'static Encoding) -> Result<Decoded, BinaryKind> {
    if text.contains('\0') {
        return Err(BinaryKind::NulBytes);
    }
    if too_many_controls(text) {
        return Err(BinaryKind::ControlCharacters);
    }
    Ok(Decoded {
        text: normalize_line_endings(text).into_owned(),
        encoding: encoding.name(),
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
