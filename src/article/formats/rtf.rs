//! Rich Text Format (.rtf), as Factiva and word processors export it: control words, groups,
//! `\uN` Unicode escapes (with their `\ucN` fallback characters skipped), `\'hh` bytes in the
//! document's or the font's code page, and destinations that are not text (font and colour
//! tables, style sheets, pictures, objects, field instructions, page headers and footers)
//! skipped. Footnotes come after the body. One pass, no recursion: nesting costs no stack.

use std::collections::BTreeMap;

use encoding_rs::{Encoding, WINDOWS_1252};

use super::{Blocks, Document, FormatError};
use crate::article::metadata::Metadata;

const FORMAT: &str = "RTF";

/// Control words longer than this are not RTF (the spec allows 32 letters).
const MAX_WORD: usize = 32;

/// Destinations whose text is not part of the document.
const SKIPPED_DESTINATIONS: &[&str] = &[
    "colortbl",
    "stylesheet",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "mmathPr",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "pict",
    "object",
    "shppict",
    "nonshppict",
    "shp",
    "shpinst",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "bkmkstart",
    "bkmkend",
    "pntext",
    "pntxta",
    "pntxtb",
    "listtext",
    "private1",
    "docvar",
    "pgdsctbl",
    "pnseclvl",
    "template",
    "filetbl",
    "annotation",
    "atnid",
    "atnauthor",
    "atrfstart",
    "atrfend",
    "xe",
    "tc",
    "sp",
    "sn",
    "sv",
    "fonttbl",
    "wgrffmtfilter",
    "pgptbl",
    "ftnsep",
    "ftnsepc",
    "aftnsep",
    "aftnsepc",
    "userprops",
    "oldcprops",
    "oldpprops",
    "oldsprops",
    "oldtprops",
];

/// Where the text of the current group goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Destination {
    Body,
    Footnote,
    /// Not text: read nothing until the group closes.
    Skip,
    /// The font table: read font numbers and character sets.
    FontTable,
    /// The document information group.
    Info,
    /// The title inside the information group.
    Title,
}

/// What each group inherits from its parent and may change.
#[derive(Debug, Clone, Copy)]
struct GroupState {
    destination: Destination,
    /// Fallback characters written after each `\uN`.
    uc: usize,
    /// `\v`: hidden text.
    hidden: bool,
    /// The current font (`\fN`), for its code page.
    font: Option<i32>,
}

/// The reader's state between tokens.
struct Reader {
    stack: Vec<GroupState>,
    state: GroupState,
    /// True right after `{` (and after `{\*`): the next control word may name a destination.
    group_start: bool,
    /// `\*` seen at the start of this group: an unknown destination is skipped.
    ignorable: bool,
    /// Fallback characters still to skip after a `\uN`.
    skip_chars: usize,
    /// Bytes waiting to be decoded in `pending_encoding`.
    pending: Vec<u8>,
    pending_encoding: &'static Encoding,
    document_encoding: &'static Encoding,
    /// Font number to the code page of its character set.
    fonts: BTreeMap<i32, &'static Encoding>,
    /// The font table entry being read.
    table_font: Option<i32>,
    body: Blocks,
    notes: Blocks,
    title: String,
}

/// Reads an RTF document.
pub(super) fn read(bytes: &[u8]) -> Result<Document, FormatError> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    if !bytes[start..].starts_with(b"{\\rtf") {
        return Err(FormatError::malformed(
            FORMAT,
            "it does not start with {\\rtf",
        ));
    }
    let mut reader = Reader::new();
    reader.run(&bytes[start..]);
    reader.flush();
    if reader.body.over_limit() || reader.notes.over_limit() {
        return Err(FormatError::TooLargeUnpacked {
            format: FORMAT,
            limit: super::MAX_UNPACKED_BYTES,
        });
    }
    let encoding = reader.document_encoding.name().to_owned();
    let title = super::one_line_title(&reader.title);
    let text = super::body_then_notes(reader.body, reader.notes);
    Ok(Document {
        text,
        meta: Metadata {
            title,
            date: None,
            outlet: None,
        },
        encoding,
    })
}

impl Reader {
    fn new() -> Self {
        Self {
            stack: Vec::new(),
            state: GroupState {
                destination: Destination::Body,
                uc: 1,
                hidden: false,
                font: None,
            },
            group_start: false,
            ignorable: false,
            skip_chars: 0,
            pending: Vec::new(),
            pending_encoding: WINDOWS_1252,
            document_encoding: WINDOWS_1252,
            fonts: BTreeMap::new(),
            table_font: None,
            body: Blocks::default(),
            notes: Blocks::default(),
            title: String::new(),
        }
    }

    fn run(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'{' => {
                    self.flush();
                    self.stack.push(self.state);
                    self.group_start = true;
                    self.ignorable = false;
                    self.skip_chars = 0;
                    i += 1;
                }
                b'}' => {
                    self.flush();
                    self.close_group();
                    self.skip_chars = 0;
                    i += 1;
                    if self.stack.is_empty() {
                        return;
                    }
                }
                b'\\' => i = self.control(bytes, i + 1),
                b'\r' | b'\n' => i += 1,
                byte => {
                    self.group_start = false;
                    self.byte(byte);
                    i += 1;
                }
            }
        }
    }

    /// Reads the control word or symbol after a backslash at `i`; returns where to go on.
    fn control(&mut self, bytes: &[u8], i: usize) -> usize {
        let Some(&first) = bytes.get(i) else {
            return i;
        };
        if !first.is_ascii_alphabetic() {
            self.group_start = false;
            return self.symbol(bytes, i, first);
        }
        let mut end = i;
        while end < bytes.len() && end - i < MAX_WORD && bytes[end].is_ascii_alphabetic() {
            end += 1;
        }
        let word = std::str::from_utf8(&bytes[i..end]).unwrap_or("");
        let number_start = end;
        if end < bytes.len() && bytes[end] == b'-' {
            end += 1;
        }
        while end < bytes.len() && end - number_start < 10 && bytes[end].is_ascii_digit() {
            end += 1;
        }
        let param = std::str::from_utf8(&bytes[number_start..end])
            .ok()
            .and_then(|n| n.parse::<i32>().ok());
        if end < bytes.len() && bytes[end] == b' ' {
            end += 1;
        }
        if word == "bin" {
            let skip = usize::try_from(param.unwrap_or(0)).unwrap_or(0);
            return end.saturating_add(skip).min(bytes.len());
        }
        self.word(word, param);
        end
    }

    /// A control symbol: `\'hh`, `\~`, `\-`, `\_`, an escaped brace or backslash, `\*`.
    fn symbol(&mut self, bytes: &[u8], i: usize, symbol: u8) -> usize {
        match symbol {
            b'\'' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        self.byte(byte);
                        i + 3
                    }
                    None => i + 1,
                }
            }
            b'*' => {
                self.ignorable = true;
                self.group_start = true;
                i + 1
            }
            b'~' => {
                self.text_char('\u{a0}');
                i + 1
            }
            b'_' => {
                self.text_char('-');
                i + 1
            }
            b'{' | b'}' | b'\\' => {
                self.byte(symbol);
                i + 1
            }
            b'\r' | b'\n' => {
                self.paragraph();
                i + 1
            }
            // `\-` (an optional hyphen), `\|`, `\:` and unknown symbols print nothing.
            _ => {
                self.consume_fallback();
                i + 1
            }
        }
    }

    fn word(&mut self, word: &str, param: Option<i32>) {
        let at_group_start = std::mem::take(&mut self.group_start);
        let ignorable = std::mem::take(&mut self.ignorable);
        if at_group_start && self.open_destination(word, ignorable) {
            return;
        }
        if self.state.destination == Destination::Skip {
            return;
        }
        if self.state.destination == Destination::FontTable {
            self.font_table_word(word, param);
            return;
        }
        match word {
            "par" | "sect" | "row" | "cell" | "page" => self.paragraph(),
            "line" => self.text_char('\n'),
            "tab" => self.text_char(' '),
            "emdash" => self.text_char('\u{2014}'),
            "endash" => self.text_char('\u{2013}'),
            "lquote" => self.text_char('\u{2018}'),
            "rquote" => self.text_char('\u{2019}'),
            "ldblquote" => self.text_char('\u{201c}'),
            "rdblquote" => self.text_char('\u{201d}'),
            "bullet" => self.text_char('\u{2022}'),
            "emspace" | "enspace" | "qmspace" => self.text_char(' '),
            "u" => {
                if let Some(n) = param {
                    let code = if n < 0 { n + 65536 } else { n };
                    let c = u32::try_from(code)
                        .ok()
                        .and_then(char::from_u32)
                        .unwrap_or('\u{fffd}');
                    self.text_char(c);
                    self.skip_chars = self.state.uc;
                }
            }
            "uc" => self.state.uc = usize::try_from(param.unwrap_or(1)).unwrap_or(1).min(8),
            "ansicpg" => {
                if let Some(encoding) = param.and_then(code_page) {
                    self.document_encoding = encoding;
                }
            }
            "mac" => self.document_encoding = encoding_rs::MACINTOSH,
            "f" => self.state.font = param,
            "v" => self.state.hidden = param != Some(0),
            "plain" => self.state.hidden = false,
            _ => {
                self.consume_fallback();
            }
        }
    }

    /// Handles the first control word of a group. Returns true when it named a
    /// destination (which then decides where the group's text goes).
    fn open_destination(&mut self, word: &str, ignorable: bool) -> bool {
        let destination = match word {
            "fonttbl" => Destination::FontTable,
            "info" => Destination::Info,
            "title" if self.state.destination == Destination::Info => Destination::Title,
            "footnote" => Destination::Footnote,
            "fldrslt" => return false,
            _ if SKIPPED_DESTINATIONS.contains(&word) => Destination::Skip,
            _ if self.state.destination == Destination::Info => Destination::Skip,
            _ if ignorable => Destination::Skip,
            _ => return false,
        };
        if destination == Destination::Footnote && self.state.destination == Destination::Body {
            self.notes.end_block();
        }
        self.state.destination = match self.state.destination {
            Destination::Skip => Destination::Skip,
            _ => destination,
        };
        true
    }

    fn font_table_word(&mut self, word: &str, param: Option<i32>) {
        match word {
            "f" => self.table_font = param,
            "fcharset" => {
                if let (Some(font), Some(encoding)) = (self.table_font, param.and_then(charset)) {
                    self.fonts.insert(font, encoding);
                }
            }
            "cpg" => {
                if let (Some(font), Some(encoding)) = (self.table_font, param.and_then(code_page)) {
                    self.fonts.insert(font, encoding);
                }
            }
            _ => {}
        }
    }

    fn close_group(&mut self) {
        let was = self.state;
        if let Some(parent) = self.stack.pop() {
            self.state = parent;
        }
        if was.destination == Destination::Footnote
            && self.state.destination != Destination::Footnote
        {
            self.notes.end_block();
        }
        if was.destination == Destination::Title && self.state.destination != Destination::Title {
            self.title.push(' ');
        }
    }

    /// The code page text in the current font is written in.
    fn encoding(&self) -> &'static Encoding {
        self.state
            .font
            .and_then(|f| self.fonts.get(&f).copied())
            .unwrap_or(self.document_encoding)
    }

    /// True when text in the current group is shown.
    fn reading(&self) -> bool {
        !self.state.hidden
            && matches!(
                self.state.destination,
                Destination::Body | Destination::Footnote | Destination::Title
            )
    }

    /// Skips one fallback character of a `\uN`, if any are due; true when it did.
    fn consume_fallback(&mut self) -> bool {
        if self.skip_chars > 0 {
            self.skip_chars -= 1;
            true
        } else {
            false
        }
    }

    /// A byte of text in the current code page.
    fn byte(&mut self, byte: u8) {
        if self.consume_fallback() || !self.reading() {
            return;
        }
        let encoding = self.encoding();
        if encoding != self.pending_encoding {
            self.flush();
            self.pending_encoding = encoding;
        }
        self.pending.push(byte);
    }

    fn text_char(&mut self, c: char) {
        if !self.reading() {
            return;
        }
        self.flush();
        self.write(&c.to_string());
    }

    fn paragraph(&mut self) {
        self.flush();
        match self.state.destination {
            Destination::Body if !self.state.hidden => self.body.end_block(),
            Destination::Footnote => self.notes.end_block(),
            _ => {}
        }
    }

    /// Decodes the bytes waiting in `pending` and writes them out.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        let (text, _) = self.pending_encoding.decode_without_bom_handling(&bytes);
        self.write(&text);
    }

    fn write(&mut self, text: &str) {
        match self.state.destination {
            Destination::Body => self.body.push_str(text),
            Destination::Footnote => self.notes.push_str(text),
            Destination::Title => self.title.push_str(text),
            Destination::Skip | Destination::FontTable | Destination::Info => {}
        }
    }
}

/// The encoding of a Windows code page number (`\ansicpgN`, `\cpgN`).
fn code_page(number: i32) -> Option<&'static Encoding> {
    let label = match number {
        874 | 1250..=1258 => format!("windows-{number}"),
        932 => "shift_jis".to_owned(),
        936 => "gbk".to_owned(),
        949 => "euc-kr".to_owned(),
        950 => "big5".to_owned(),
        866 => "ibm866".to_owned(),
        10000 => "macintosh".to_owned(),
        20866 => "koi8-r".to_owned(),
        65001 => "utf-8".to_owned(),
        _ => return None,
    };
    Encoding::for_label(label.as_bytes())
}

/// The code page of a font character set (`\fcharsetN`).
fn charset(number: i32) -> Option<&'static Encoding> {
    let page = match number {
        77 => 10000,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    };
    code_page(page)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rtf: &str) -> String {
        read(rtf.as_bytes()).expect("reads").text
    }

    #[test]
    fn destinations_are_skipped_and_paragraphs_split() {
        let rtf = r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fcharset0 Times;}}{\colortbl;\red0\green0\blue0;}
{\info{\title Sample headline}{\author Sample Desk}}
{\header Page header}\pard Sample first paragraph,\par second \{braced\} one.\par
{\*\unknowndest hidden words}{\pict 0123abcd}Last.}";
        let doc = read(rtf.as_bytes()).expect("reads");
        assert_eq!(
            doc.text,
            "Sample first paragraph,\n\nsecond {braced} one.\n\nLast.\n"
        );
        assert_eq!(doc.meta.title.as_deref(), Some("Sample headline"));
        assert_eq!(doc.encoding, "windows-1252");
    }

    #[test]
    fn unicode_escapes_skip_their_fallback_and_code_page_bytes_decode() {
        assert_eq!(
            text(
                r"{\rtf1\ansi\uc1 Caf\'e9 \u8220?quoted\u8221? \uc2\u-3913??x\ldblquote y\rdblquote}"
            ),
            "Caf\u{e9} \u{201c}quoted\u{201d} \u{f0b7}x\u{201c}y\u{201d}\n"
        );
        assert_eq!(
            text(
                r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f1\fcharset204 Arial;}}{\f1 \'cf\'f0\'e8\'e2\'e5\'f2}}"
            ),
            "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}\n"
        );
        assert_eq!(
            text(r"{\rtf1\ansi\ansicpg936 \'d6\'d0\'b9\'fa}"),
            "\u{4e2d}\u{56fd}\n"
        );
    }

    #[test]
    fn footnotes_follow_the_body_and_hidden_text_is_dropped() {
        let rtf = r"{\rtf1 Signed{\super\chftn}{\footnote\pard{\super\chftn} On a sample day.} in town.{\v secret}\par}";
        assert_eq!(text(rtf), "Signed in town.\n\nOn a sample day.\n");
    }

    #[test]
    fn not_rtf_is_refused() {
        assert!(matches!(
            read(b"plain words"),
            Err(FormatError::Malformed { format: "RTF", .. })
        ));
    }
}
