//! Word documents (.docx): the body's paragraphs, headings, lists and table cells in order,
//! then footnotes and endnotes as text after the body. Tracked changes are resolved to the
//! final text: insertions (`w:ins`, `w:moveTo`) are kept, deletions (`w:del`, `w:moveFrom`)
//! dropped. Field instructions, `mc:Fallback` copies and page headers and footers are left
//! out.

use std::collections::BTreeMap;

use super::xml::{Step, attr, local, walk};
use super::zipped::Package;
use super::{Blocks, Document, FormatError};
use crate::article::metadata::Metadata;

const FORMAT: &str = "Word";

/// Elements whose whole content is left out: deleted or moved-away text, field
/// instructions, the fallback copy of alternate content, and revision records of
/// properties.
const SKIPPED: &[&[u8]] = &[
    b"del",
    b"moveFrom",
    b"delText",
    b"instrText",
    b"delInstrText",
    b"Fallback",
    b"pPrChange",
    b"rPrChange",
    b"sectPr",
];

/// Reads a .docx file.
pub(super) fn read(bytes: &[u8]) -> Result<Document, FormatError> {
    let mut package = Package::open(bytes, FORMAT)?;
    let body = package.required("word/document.xml")?;
    let headings = match package.part("word/styles.xml")? {
        Some(styles) => heading_styles(&styles)?,
        None => BTreeMap::new(),
    };
    let mut blocks = Blocks::default();
    let first_style = paragraphs(&body, &mut blocks, None)?;
    for (part, element) in [
        ("word/footnotes.xml", b"footnote".as_slice()),
        ("word/endnotes.xml", b"endnote".as_slice()),
    ] {
        if let Some(notes) = package.part(part)? {
            paragraphs(&notes, &mut blocks, Some(element))?;
        }
    }
    if blocks.over_limit() {
        return Err(FormatError::TooLargeUnpacked {
            format: FORMAT,
            limit: super::MAX_UNPACKED_BYTES,
        });
    }
    let heading_title = first_style
        .filter(|style| headings.contains_key(style))
        .and_then(|_| blocks.first_block().map(str::to_owned));
    let core_title = match package.part("docProps/core.xml")? {
        Some(core) => core_title(&core)?,
        None => None,
    };
    Ok(Document {
        text: blocks.finish(),
        meta: Metadata {
            title: heading_title.or(core_title),
            date: None,
            outlet: None,
        },
        encoding: "UTF-8 (Word XML)".to_owned(),
    })
}

/// Writes the paragraphs of a WordprocessingML part into `blocks`. With `note` set
/// (`footnote` or `endnote`), only the text inside those elements counts, separators are
/// skipped and each note starts with its number in brackets. Returns the style of the
/// first non-empty paragraph.
fn paragraphs(
    xml: &[u8],
    blocks: &mut Blocks,
    note: Option<&[u8]>,
) -> Result<Option<String>, FormatError> {
    let mut skip_depth = 0_usize;
    let mut in_text = false;
    let mut run_depth = 0_usize;
    let mut in_note = note.is_none();
    let mut note_label: Option<String> = None;
    let mut notes_seen = 0_usize;
    let mut style: Option<String> = None;
    let mut first_style: Option<Option<String>> = None;
    walk(xml, FORMAT, |step| match step {
        Step::Open { element, empty } => {
            let name = local(element);
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
            if let Some(note_name) = note
                && name == note_name
            {
                let kind = attr(element, b"type").unwrap_or_default();
                if kind.is_empty() || kind == "normal" {
                    in_note = !empty;
                    notes_seen += 1;
                    note_label = Some(format!("[{notes_seen}] "));
                } else if !empty {
                    skip_depth = 1;
                }
                return;
            }
            if !in_note {
                return;
            }
            match name {
                b"p" if !empty => {
                    blocks.end_block();
                    style = None;
                    if let Some(label) = note_label.take() {
                        blocks.push_str(&label);
                    }
                }
                b"pStyle" => style = attr(element, b"val"),
                b"r" if !empty => run_depth += 1,
                b"t" if !empty => in_text = true,
                b"tab" | b"ptab" if run_depth > 0 => blocks.push(' '),
                b"br" | b"cr" if run_depth > 0 => blocks.push('\n'),
                b"noBreakHyphen" => blocks.push('-'),
                b"tc" if !empty => blocks.end_block(),
                _ => {}
            }
        }
        Step::Close(name) => {
            if skip_depth > 0 {
                skip_depth -= 1;
                return;
            }
            if let Some(note_name) = note
                && name == note_name
            {
                blocks.end_block();
                in_note = false;
                return;
            }
            match name {
                b"p" => {
                    if first_style.is_none() && !blocks.current_is_empty() {
                        first_style = Some(style.take());
                    }
                    blocks.end_block();
                }
                b"r" => run_depth = run_depth.saturating_sub(1),
                b"t" => in_text = false,
                _ => {}
            }
        }
        Step::Text(text) => {
            if skip_depth == 0 && in_text && in_note {
                blocks.push_str(&text);
            }
        }
    })?;
    blocks.end_block();
    Ok(first_style.flatten())
}

/// Style ids of headings and titles (from `word/styles.xml`), with their outline level
/// (0 for the title style).
fn heading_styles(xml: &[u8]) -> Result<BTreeMap<String, u8>, FormatError> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    walk(xml, FORMAT, |step| {
        let Step::Open { element, .. } = step else {
            return;
        };
        match local(element) {
            b"style" => current = attr(element, b"styleId"),
            b"name" => {
                let (Some(id), Some(name)) = (current.as_ref(), attr(element, b"val")) else {
                    return;
                };
                let name = name.to_ascii_lowercase();
                if name == "title" {
                    out.insert(id.clone(), 0);
                } else if let Some(level) = name
                    .strip_prefix("heading ")
                    .and_then(|l| l.trim().parse::<u8>().ok())
                {
                    out.insert(id.clone(), level);
                }
            }
            b"outlineLvl" => {
                if let (Some(id), Some(level)) = (
                    current.as_ref(),
                    attr(element, b"val").and_then(|v| v.parse::<u8>().ok()),
                ) && level < 9
                {
                    out.entry(id.clone()).or_insert(level.saturating_add(1));
                }
            }
            _ => {}
        }
    })?;
    Ok(out)
}

/// `dc:title` from `docProps/core.xml`, when it is not empty.
fn core_title(xml: &[u8]) -> Result<Option<String>, FormatError> {
    let mut in_title = false;
    let mut title = String::new();
    walk(xml, FORMAT, |step| match step {
        Step::Open { element, empty } => in_title = !empty && local(element) == b"title",
        Step::Close(_) => in_title = false,
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

    fn body(xml: &str) -> String {
        let mut blocks = Blocks::default();
        paragraphs(xml.as_bytes(), &mut blocks, None).expect("reads");
        blocks.finish()
    }

    #[test]
    fn tracked_changes_resolve_to_the_final_text() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t xml:space="preserve">We have </w:t></w:r>
            <w:del w:id="1"><w:r><w:delText>reluctantly </w:delText></w:r></w:del>
            <w:r><w:t xml:space="preserve">agreed </w:t></w:r>
            <w:ins w:id="2"><w:r><w:t>today</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>
            </w:body></w:document>"#;
        assert_eq!(body(xml), "We have agreed today.\n");
    }

    #[test]
    fn runs_tabs_breaks_and_cells() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
            <w:r><w:t>One</w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell A</w:t></w:r></w:p></w:tc>
            <w:tc><w:p><w:r><w:t>Cell B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:fldChar/><w:instrText> HYPERLINK "x" </w:instrText><w:t>Link</w:t></w:r></w:p>
            </w:body></w:document>"#;
        assert_eq!(body(xml), "One two\nthree\n\nCell A\n\nCell B\n\nLink\n");
    }

    #[test]
    fn notes_skip_separators_and_carry_their_number() {
        let xml = r#"<w:footnotes xmlns:w="x">
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Sample note.</w:t></w:r></w:p></w:footnote>
            </w:footnotes>"#;
        let mut blocks = Blocks::default();
        paragraphs(xml.as_bytes(), &mut blocks, Some(b"footnote")).expect("reads");
        assert_eq!(blocks.finish(), "[1] Sample note.\n");
    }
}
