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
    // A CJK character whose low byte is 00 (U+4E00 is a common one) puts a NUL at the other
    // parity now and then; text with few ASCII characters can have almost as many of those.
    let (encoding, here, other) = if odd_nuls >= even_nuls {
        (encoding_rs::UTF_16LE, odd_nuls, even_nuls)
    } else {
        (encoding_rs::UTF_16BE, even_nuls, odd_nuls)
    };
    if here == 0 || other * 2 > here {
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
    fn legacy_single_byte_text_is_detected_as_windows_1252() {
        let decoded = decode(b"He said \x93no\x94 \x96 twice.", None).expect("text");
        assert_eq!(decoded.text, "He said \u{201c}no\u{201d} \u{2013} twice.");
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(decoded.chosen_by, ChosenBy::Detected);
        assert_eq!(decoded.replaced, 0);
    }

    #[test]
    fn a_few_invalid_bytes_in_utf8_become_replacement_characters() {
        let mut bytes = "Sample\u{2019}s \u{201c}invented\u{201d} caf\u{e9} text"
            .as_bytes()
            .to_vec();
        bytes.splice(6..6, [0xff]);
        bytes.extend([b' ', 0xc3, b'!']);
        let decoded = decode(&bytes, None).expect("text");
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.replaced, 2);
        assert_eq!(
            decoded.text,
            "Sample\u{fffd}\u{2019}s \u{201c}invented\u{201d} caf\u{e9} text \u{fffd}!"
        );
    }

    #[test]
    fn declared_charset_is_used_for_non_utf8_bytes() {
        let gbk = encoding_rs::GBK.encode("\u{4e2d}\u{56fd}").0.into_owned();
        let decoded = decode(&gbk, Some(encoding_rs::GBK)).expect("text");
        assert_eq!(decoded.text, "\u{4e2d}\u{56fd}");
        assert_eq!(decoded.chosen_by, ChosenBy::Declared);
        // A page claiming UTF-8 whose bytes are plainly not UTF-8 gets the detector's guess.
        assert_eq!(
            decode(b"\x93a\x94", Some(UTF_8)).expect("text").encoding,
            "windows-1252"
        );
    }

    /// Invented sentences in the scripts whose legacy encodings the detector must find.
    const LEGACY: &[(&str, &str)] = &[
        (
            "GBK",
            "\u{5916}\u{4ea4}\u{90e8}\u{53d1}\u{8a00}\u{4eba}\u{4eca}\u{5929}\u{8868}\u{793a}\u{ff0c}\u{53cc}\u{65b9}\u{5c06}\u{7ee7}\u{7eed}\u{5c31}\u{8d38}\u{6613}\u{95ee}\u{9898}\u{4fdd}\u{6301}\u{6c9f}\u{901a}\u{3002}\u{8fd9}\u{662f}\u{4e00}\u{6bb5}\u{4e3a}\u{6d4b}\u{8bd5}\u{800c}\u{7f16}\u{5199}\u{7684}\u{793a}\u{4f8b}\u{6587}\u{672c}\u{ff0c}\u{5185}\u{5bb9}\u{5e76}\u{975e}\u{771f}\u{5b9e}\u{3002}\u{6211}\u{4eec}\u{5e0c}\u{671b}\u{5404}\u{65b9}\u{4fdd}\u{6301}\u{514b}\u{5236}\u{ff0c}\u{901a}\u{8fc7}\u{5bf9}\u{8bdd}\u{89e3}\u{51b3}\u{5206}\u{6b67}\u{3002}",
        ),
        (
            "Big5",
            "\u{5916}\u{4ea4}\u{90e8}\u{767c}\u{8a00}\u{4eba}\u{4eca}\u{5929}\u{8868}\u{793a}\u{ff0c}\u{96d9}\u{65b9}\u{5c07}\u{7e7c}\u{7e8c}\u{5c31}\u{8cbf}\u{6613}\u{554f}\u{984c}\u{4fdd}\u{6301}\u{6e9d}\u{901a}\u{3002}\u{9019}\u{662f}\u{4e00}\u{6bb5}\u{70ba}\u{6e2c}\u{8a66}\u{800c}\u{7de8}\u{5beb}\u{7684}\u{793a}\u{4f8b}\u{6587}\u{5b57}\u{ff0c}\u{5167}\u{5bb9}\u{4e26}\u{975e}\u{771f}\u{5be6}\u{3002}\u{6211}\u{5011}\u{5e0c}\u{671b}\u{5404}\u{65b9}\u{4fdd}\u{6301}\u{514b}\u{5236}\u{ff0c}\u{900f}\u{904e}\u{5c0d}\u{8a71}\u{89e3}\u{6c7a}\u{5206}\u{6b67}\u{3002}",
        ),
        (
            "Shift_JIS",
            "\u{5916}\u{52d9}\u{7701}\u{306e}\u{5831}\u{9053}\u{5b98}\u{306f}\u{672c}\u{65e5}\u{306e}\u{8a18}\u{8005}\u{4f1a}\u{898b}\u{3067}\u{3001}\u{4e21}\u{56fd}\u{306f}\u{8cbf}\u{6613}\u{554f}\u{984c}\u{306b}\u{3064}\u{3044}\u{3066}\u{5f15}\u{304d}\u{7d9a}\u{304d}\u{5bfe}\u{8a71}\u{3092}\u{7d9a}\u{3051}\u{308b}\u{3068}\u{8ff0}\u{3079}\u{307e}\u{3057}\u{305f}\u{3002}\u{3053}\u{308c}\u{306f}\u{30c6}\u{30b9}\u{30c8}\u{306e}\u{305f}\u{3081}\u{306b}\u{66f8}\u{304b}\u{308c}\u{305f}\u{67b6}\u{7a7a}\u{306e}\u{6587}\u{7ae0}\u{3067}\u{3042}\u{308a}\u{3001}\u{5185}\u{5bb9}\u{306f}\u{4e8b}\u{5b9f}\u{3067}\u{306f}\u{3042}\u{308a}\u{307e}\u{305b}\u{3093}\u{3002}",
        ),
        (
            "EUC-KR",
            "\u{c678}\u{ad50}\u{bd80} \u{b300}\u{bcc0}\u{c778}\u{c740} \u{c624}\u{b298} \u{c815}\u{b840} \u{be0c}\u{b9ac}\u{d551}\u{c5d0}\u{c11c} \u{c591}\u{ad6d}\u{c774} \u{bb34}\u{c5ed} \u{bb38}\u{c81c}\u{c5d0} \u{b300}\u{d574} \u{acc4}\u{c18d} \u{b300}\u{d654}\u{b97c} \u{c774}\u{c5b4}\u{ac08} \u{ac83}\u{c774}\u{b77c}\u{ace0} \u{b9d0}\u{d588}\u{c2b5}\u{b2c8}\u{b2e4}. \u{c774}\u{ac83}\u{c740} \u{c2dc}\u{d5d8}\u{c744} \u{c704}\u{d574} \u{c791}\u{c131}\u{b41c} \u{ac00}\u{c0c1}\u{c758} \u{bb38}\u{c7a5}\u{c774}\u{BA70} \u{b0b4}\u{c6a9}\u{c740} \u{c0ac}\u{c2e4}\u{c774} \u{c544}\u{b2d9}\u{b2c8}\u{b2e4}.",
        ),
        (
            "KOI8-R",
            "\u{41e}\u{444}\u{438}\u{446}\u{438}\u{430}\u{43b}\u{44c}\u{43d}\u{44b}\u{439} \u{43f}\u{440}\u{435}\u{434}\u{441}\u{442}\u{430}\u{432}\u{438}\u{442}\u{435}\u{43b}\u{44c} \u{43c}\u{438}\u{43d}\u{438}\u{441}\u{442}\u{435}\u{440}\u{441}\u{442}\u{432}\u{430} \u{437}\u{430}\u{44f}\u{432}\u{438}\u{43b} \u{441}\u{435}\u{433}\u{43e}\u{434}\u{43d}\u{44f} \u{43d}\u{430} \u{431}\u{440}\u{438}\u{444}\u{438}\u{43d}\u{433}\u{435}, \u{447}\u{442}\u{43e} \u{441}\u{442}\u{43e}\u{440}\u{43e}\u{43d}\u{44b} \u{43f}\u{440}\u{43e}\u{434}\u{43e}\u{43b}\u{436}\u{430}\u{442} \u{43f}\u{435}\u{440}\u{435}\u{433}\u{43e}\u{432}\u{43e}\u{440}\u{44b} \u{43f}\u{43e} \u{442}\u{43e}\u{440}\u{433}\u{43e}\u{432}\u{44b}\u{43c} \u{432}\u{43e}\u{43f}\u{440}\u{43e}\u{441}\u{430}\u{43c}. \u{42d}\u{442}\u{43e} \u{432}\u{44b}\u{43c}\u{44b}\u{448}\u{43b}\u{435}\u{43d}\u{43d}\u{44b}\u{439} \u{442}\u{435}\u{43a}\u{441}\u{442} \u{434}\u{43b}\u{44f} \u{43f}\u{440}\u{43e}\u{432}\u{435}\u{440}\u{43a}\u{438}.",
        ),
    ];

    #[test]
    fn legacy_encodings_without_a_declaration_are_detected() {
        let mut cases: Vec<(&str, &str)> = LEGACY.to_vec();
        // The same Russian sentence in Windows-1251 as well as KOI8-R.
        cases.push(("windows-1251", LEGACY[4].1));
        for (name, text) in cases {
            let encoding = Encoding::for_label(name.as_bytes()).expect("known label");
            let (bytes, _, unmappable) = encoding.encode(text);
            assert!(!unmappable, "{name}");
            let decoded = decode(&bytes, None).expect(name);
            // The detector names the KOI8 family KOI8-U, which reads Russian as KOI8-R does.
            let same = decoded.encoding == encoding.name()
                || (name == "KOI8-R" && decoded.encoding == "KOI8-U");
            assert!(same, "{name}: {}", decoded.encoding);
            assert_eq!(decoded.text, text, "{name}");
            assert_eq!(decoded.chosen_by, ChosenBy::Detected, "{name}");
        }
    }

    #[test]
    fn chinese_utf16_without_a_bom_is_text() {
        let text = format!("{}\r\n\r\n2031\u{5e74}3\u{6708}4\u{65e5}\r\n", LEGACY[0].1);
        for little in [true, false] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| {
                    if little {
                        u.to_le_bytes()
                    } else {
                        u.to_be_bytes()
                    }
                })
                .collect();
            let decoded = decode(&bytes, None).expect("text, not binary data");
            assert_eq!(
                decoded.encoding,
                if little { "UTF-16LE" } else { "UTF-16BE" }
            );
            assert_eq!(decoded.text, text.replace("\r\n", "\n"));
        }
    }

    #[test]
    fn iso_2022_jp_escapes_are_detected() {
        let (bytes, _, _) = encoding_rs::ISO_2022_JP.encode(LEGACY[2].1);
        let decoded = decode(&bytes, None).expect("text");
        assert_eq!(decoded.encoding, "ISO-2022-JP");
        assert_eq!(decoded.text, LEGACY[2].1);
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
