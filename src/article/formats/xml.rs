//! A thin pull loop over `quick-xml` shared by the Word and OpenDocument readers: elements by
//! local name (the `w:` or `text:` prefix dropped), text with entities resolved, and errors
//! turned into [`FormatError`]s.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::FormatError;

/// One step through a document's XML.
#[derive(Debug)]
pub(crate) enum Step<'a> {
    /// An element opens (`empty` when it closes at once, as `<w:tab/>`).
    Open {
        /// The element, for its name and attributes.
        element: &'a BytesStart<'a>,
        /// True for `<x/>`: no matching [`Step::Close`] follows.
        empty: bool,
    },
    /// An element closes; its local name.
    Close(&'a [u8]),
    /// Character data, entities resolved.
    Text(Cow<'a, str>),
}

/// Walks `xml`, calling `visit` for each step.
///
/// # Errors
/// [`FormatError::Malformed`] (named `format`) when the XML is not well formed.
pub(crate) fn walk(
    xml: &[u8],
    format: &'static str,
    mut visit: impl FnMut(Step<'_>),
) -> Result<(), FormatError> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|err| FormatError::malformed(format, format!("XML error: {err}")))?;
        match event {
            Event::Start(element) => visit(Step::Open {
                element: &element,
                empty: false,
            }),
            Event::Empty(element) => visit(Step::Open {
                element: &element,
                empty: true,
            }),
            Event::End(end) => visit(Step::Close(end.local_name().into_inner())),
            Event::Text(text) => {
                let text = text
                    .xml10_content()
                    .map_err(|err| FormatError::malformed(format, format!("XML text: {err}")))?;
                visit(Step::Text(text));
            }
            Event::CData(data) => {
                let text = data
                    .decode()
                    .map_err(|err| FormatError::malformed(format, format!("XML text: {err}")))?;
                visit(Step::Text(text));
            }
            Event::GeneralRef(reference) => {
                if let Ok(Some(c)) = reference.resolve_char_ref() {
                    visit(Step::Text(Cow::Owned(c.to_string())));
                } else if let Ok(name) = reference.decode()
                    && let Some(text) = quick_xml::escape::resolve_xml_entity(&name)
                {
                    visit(Step::Text(Cow::Borrowed(text)));
                }
            }
            Event::Eof => return Ok(()),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

/// The element's local name (`p` for `<w:p>`).
pub(crate) fn local<'a>(element: &'a BytesStart<'a>) -> &'a [u8] {
    element.local_name().into_inner()
}

/// The value of the attribute with local name `name` (any prefix), unescaped.
pub(crate) fn attr(element: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(Cow::into_owned)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_entities_come_through() {
        let mut seen = String::new();
        walk(
            b"<a:x><a:t>Sample &amp; &#x41;&lt;</a:t><a:br/></a:x>",
            "test",
            |step| match step {
                Step::Open { element, empty } => {
                    seen.push_str(&format!(
                        "<{}{}>",
                        String::from_utf8_lossy(local(element)),
                        if empty { "/" } else { "" }
                    ));
                }
                Step::Close(name) => {
                    seen.push_str(&format!("</{}>", String::from_utf8_lossy(name)))
                }
                Step::Text(text) => seen.push_str(&text),
            },
        )
        .expect("well formed");
        assert_eq!(seen, "<x><t>Sample & A<</t><br/></x>");
    }

    #[test]
    fn broken_xml_is_an_error() {
        let err = walk(b"<a><b attr=\"x></a>", "Word", |_| {}).expect_err("broken");
        assert!(matches!(err, FormatError::Malformed { format: "Word", .. }));
    }
}
