//! PDF through `pdf-extract` (on `lopdf`): it decodes every glyph of the text layer with its
//! font's ToUnicode map or encoding (Type1, TrueType, CID), and [`layout`] puts the glyphs
//! back into reading order: columns, running headers, footers and page numbers removed,
//! hyphenation at line ends joined, lines reflowed into paragraphs.
//!
//! Before the library sees a file, [`guard`] checks what it cannot bound itself: how much
//! the streams unpack to, cycles in the page tree and in nested drawings (which would recurse
//! forever), and missing page boxes. Whatever else goes wrong inside the library (it may
//! panic on damaged files) becomes a [`FormatError`].

use std::panic::{AssertUnwindSafe, catch_unwind};

use lopdf::Document as PdfDocument;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::{Document, FormatError};
use crate::article::metadata::Metadata;

mod guard;
pub mod layout;

use layout::{LayoutOptions, Page};

const FORMAT: &str = "PDF";

/// Reads a PDF's text layer.
///
/// # Errors
/// [`FormatError::Encrypted`] for a password-protected file, [`FormatError::NoTextLayer`]
/// for pages without text (a scan), [`FormatError::TooLargeUnpacked`] and
/// [`FormatError::Malformed`] for files that would unpack too far or are damaged.
pub fn read(bytes: &[u8]) -> Result<Document, FormatError> {
    guard::check_streams(bytes)?;
    let mut doc = catch_unwind(|| PdfDocument::load_mem(bytes))
        .map_err(|_| FormatError::malformed(FORMAT, "the file structure could not be read"))?
        .map_err(|err| load_error(&err))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(FormatError::Encrypted);
    }
    guard::check_structure(&mut doc)?;
    let title = info_title(&doc);
    let options = LayoutOptions {
        hyphens_are_real: from_word_processor(&doc),
    };
    let mut collector = Collector::default();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::output_doc(&doc, &mut collector)
    }));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(OutputError::PdfError(lopdf::Error::Decryption(_)))) => {
            return Err(FormatError::Encrypted);
        }
        Ok(Err(err)) => return Err(FormatError::malformed(FORMAT, err)),
        Err(_) => {
            return Err(FormatError::malformed(
                FORMAT,
                "a page could not be read by the PDF library",
            ));
        }
    }
    if collector.too_large {
        return Err(FormatError::TooLargeUnpacked {
            format: FORMAT,
            limit: super::MAX_UNPACKED_BYTES,
        });
    }
    if collector.pages.iter().all(Page::is_empty) {
        return Err(FormatError::NoTextLayer);
    }
    let text = layout::lay_out(collector.pages, options);
    if text.trim().is_empty() {
        return Err(FormatError::NoTextLayer);
    }
    Ok(Document {
        text,
        meta: Metadata {
            title,
            date: None,
            outlet: None,
        },
        encoding: "PDF text layer".to_owned(),
    })
}

fn load_error(err: &lopdf::Error) -> FormatError {
    match err {
        lopdf::Error::Decryption(_) => FormatError::Encrypted,
        other => FormatError::malformed(FORMAT, other),
    }
}

/// The document's `/Title`, unless it is empty or a file name ("draft3.docx").
fn info_title(doc: &PdfDocument) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let (_, info) = doc.dereference(info).ok()?;
    let title = info.as_dict().ok()?.get(b"Title").ok()?;
    let (_, title) = doc.dereference(title).ok()?;
    let title = lopdf::decode_text_string(title).ok()?;
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = title.to_ascii_lowercase();
    let file_like = [
        ".doc", ".docx", ".pdf", ".odt", ".rtf", ".txt", ".html", ".htm", ".indd", ".tex",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    let junk = lower.is_empty() || lower == "untitled" || lower.starts_with("microsoft word");
    (!file_like && !junk).then_some(title)
}

/// Producers that break lines only at hyphens the text has (no automatic hyphenation by
/// default): word processors and browsers.
const WORD_PROCESSORS: &[&str] = &[
    "libreoffice",
    "openoffice",
    "microsoft",
    "word",
    "skia",
    "chrome",
    "chromium",
    "mozilla",
    "firefox",
    "google docs",
    "wkhtmltopdf",
    "pages",
    "writer",
    "webkit",
];

/// True when `/Producer` or `/Creator` names a word processor or a browser.
fn from_word_processor(doc: &PdfDocument) -> bool {
    let Some(info) = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return false;
    };
    [b"Producer".as_slice(), b"Creator".as_slice()]
        .iter()
        .filter_map(|key| info.get(key).ok())
        .filter_map(|o| doc.dereference(o).ok())
        .filter_map(|(_, o)| lopdf::decode_text_string(o).ok())
        .any(|name| {
            let name = name.to_lowercase();
            WORD_PROCESSORS.iter().any(|w| name.contains(w))
        })
}

/// Receives the glyphs `pdf-extract` decodes, page by page.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    /// Bytes of glyph text kept so far.
    text_bytes: usize,
    too_large: bool,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.pages.push(Page::new(
            media_box.llx,
            media_box.lly,
            media_box.urx,
            media_box.ury,
        ));
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if self.too_large || text.is_empty() {
            return Ok(());
        }
        self.text_bytes += text.len();
        if self.text_bytes as u64 > super::MAX_UNPACKED_BYTES {
            self.too_large = true;
            return Ok(());
        }
        // The text rendering matrix maps text space to the page; its area scale gives the
        // glyph's size on the page.
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size.abs() * scale;
        let x = trm.m31;
        let y = trm.m32;
        if !(x.is_finite() && y.is_finite() && size.is_finite()) {
            return Ok(());
        }
        let advance = if width.is_finite() { width * size } else { 0.0 };
        if let Some(page) = self.pages.last_mut() {
            page.push(x, y, advance, size, text);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
