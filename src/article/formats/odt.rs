//! OpenDocument text (.odt, and flat .fodt): the body's headings, paragraphs, list items and
//! table cells in order, then footnotes and endnotes as text after the body. Tracked changes
//! are resolved to the final text: the deleted text LibreOffice keeps in
//! `text:tracked-changes` is left out, inserted text stays. Comments, page headers and
//! footers (which live in the styles, not the body) are not read.

use super::xml::{Step, local, walk};
use super::zipped::Package;
use super::{Blocks, Document, FormatError};
use crate::article::metadata::Metadata;

const FORMAT: &str = "OpenDocument";

/// Elements of the body whose content is not the document's text.
const SKIPPED: &[&[u8]] = &[
    b"tracked-changes",
    b"annotation",
    b"note-citation",
    b"sequence-decls",
    b"variable-decls",
    b"user-field-decls",
    b"forms",
    b"table-of-content",
    b"alphabetical-index",
    b"illustration-index",
    b"bibliography",
    b"title",
    b"desc",
];

/// Reads an .odt package or a flat .fodt document.
pub(super) fn read(bytes: &[u8]) -> Result<Document, FormatError> {
    if bytes.starts_with(b"PK\x03\x04") {
        let mut package = Package::open(bytes, FORMAT)?;
        let content = package.required("content.xml")?;
        let meta = package.part("meta.xml")?;
        read_xml(&content, meta.as_deref())
    } else if is_flat_odt(bytes) {
        read_xml(bytes, Some(bytes))
    } else {
        Err(FormatError::malformed(
            FORMAT,
            "neither a zip package nor a flat OpenDocument file",
        ))
    }
}

/// True when `bytes` open like a flat OpenDocument text (`.fodt`): an XML
/// `office:document` of the text type.
pub(super) fn is_flat_odt(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    head.starts_with(b"<?xml")
        && has(b"office:document")
        && has(b"application/vnd.oasis.opendocument.text")
}

fn read_xml(content: &[u8], meta: Option<&[u8]>) -> Result<Document, FormatError> {
    let mut body = Blocks::default();
    let mut notes = Blocks::default();
    let mut in_body = false;
    let mut skip_depth = 0_usize;
    // Depth of the note being read (0: in the body text), its number, and whether the
    // first heading came before any paragraph.
    let mut note_depth = 0_usize;
    let mut note_label: Option<String> = None;
    let mut notes_seen = 0_usize;
    let mut first_is_heading: Option<bool> = None;
    let mut block_is_heading = false;
    walk(content, FORMAT, |step| match step {
        Step::Open { element, empty } => {
            let name = local(element);
            if name == b"body" {
                in_body = !empty;
                return;
            }
            if !in_body {
                return;
            }
            if skip_depth > 0 {
                if !empty {
                    skip_depth += 1;
                }
                return;
            }
            if SKIPPED.contains(&name) {
                if !empty {
                    skip_depth = 1;
                }
                return;
            }
            if note_depth > 0 && !empty {
                note_depth += 1;
            }
            let out = if note_depth > 0 {
                &mut notes
            } else {
                &mut body
            };
            match name {
                b"note" if !empty => {
                    note_depth = 1;
                    notes_seen += 1;
                    note_label = Some(format!("[{notes_seen}] "));
                }
                b"note-body" => {}
                b"p" | b"h" if !empty => {
                    out.end_block();
                    if note_depth == 0 {
                        block_is_heading = name == b"h";
                    } else if let Some(label) = note_label.take() {
                        out.push_str(&label);
                    }
                }
                b"s" | b"tab" => out.push(' '),
                b"line-break" => out.push('\n'),
                b"table-cell" if !empty => out.end_block(),
                _ => {}
            }
        }
        Step::Close(name) => {
            if name == b"body" {
                in_body = false;
                return;
            }
            if !in_body {
                return;
            }
            if skip_depth > 0 {
                skip_depth -= 1;
                return;
            }
            let in_note = note_depth > 0;
            if in_note {
                note_depth -= 1;
            }
            if matches!(name, b"p" | b"h") {
                if in_note {
                    notes.end_block();
                } else {
                    if first_is_heading.is_none() && !body.current_is_empty() {
                        first_is_heading = Some(block_is_heading);
                    }
                    body.end_block();
                }
            }
        }
        Step::Text(text) => {
            if in_body && skip_depth == 0 {
                let out = if note_depth > 0 {
                    &mut notes
                } else {
                    &mut body
                };
                out.push_str(&text);
            }
        }
    })?;
    if body.over_limit() || notes.over_limit() {
        return Err(FormatError::TooLargeUnpacked {
            format: FORMAT,
            limit: super::MAX_UNPACKED_BYTES,
        });
    }
    let heading_title = first_is_heading
        .unwrap_or(false)
        .then(|| body.first_block().map(str::to_owned))
        .flatten();
    let meta_title = match meta {
        Some(meta) => meta_title(meta)?,
        None => None,
    };
    let text = super::body_then_notes(body, notes);
    Ok(Document {
        text,
        meta: Metadata {
            title: heading_title.or(meta_title),
            date: None,
            outlet: None,
        },
        encoding: "UTF-8 (OpenDocument XML)".to_owned(),
    })
}

/// `dc:title` inside `office:meta`, when it is not empty.
fn meta_title(xml: &[u8]) -> Result<Option<String>, FormatError> {
    let mut in_meta = false;
    let mut in_title = false;
    let mut title = String::new();
    walk(xml, FORMAT, |step| match step {
        Step::Open { element, empty } => match local(element) {
            b"meta" => in_meta = !empty,
            b"title" => in_title = in_meta && !empty,
            _ => {}
        },
        Step::Close(name) => match name {
            b"meta" => in_meta = false,
            b"title" => in_title = false,
            _ => {}
        },
        Step::Text(text) => {
            if in_title {
                title.push_str(&text);
            }
        }
    })?;
    Ok(super::one_line_title(&title))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>"#;
    const TAIL: &str = "</office:text></office:body></office:document-content>";

    fn text(body: &str) -> Document {
        read_xml(format!("{HEAD}{body}{TAIL}").as_bytes(), None).expect("reads")
    }

    #[test]
    fn tracked_deletions_are_dropped_and_insertions_kept() {
        let doc = text(
            r#"<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>gone </text:p></text:deletion></text:changed-region></text:tracked-changes>
            <text:h text:outline-level="1">Sample title</text:h>
            <text:p>We <text:change text:change-id="c1"/>agreed <text:change-start text:change-id="c2"/>today<text:change-end text:change-id="c2"/>.</text:p>"#,
        );
        assert_eq!(doc.text, "Sample title\n\nWe agreed today.\n");
        assert_eq!(doc.meta.title.as_deref(), Some("Sample title"));
    }

    #[test]
    fn notes_follow_the_body_and_spaces_lists_cells_are_read() {
        let doc = text(
            r#"<text:p>Signed in Sampletown<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>On a sample day.</text:p></text:note-body></text:note> after talks.</text:p>
            <text:list><text:list-item><text:p>Item<text:s text:c="3"/>one<text:tab/>x<text:line-break/>y</text:p></text:list-item></text:list>
            <table:table><table:table-row><table:table-cell><text:p>Cell</text:p></table:table-cell></table:table-row></table:table>"#,
        );
        assert_eq!(
            doc.text,
            "Signed in Sampletown after talks.\n\nItem one x\ny\n\nCell\n\n[1] On a sample day.\n"
        );
        assert_eq!(doc.meta.title, None);
    }
}
