//! Checks made before the PDF library reads a file, for what it does not bound itself.
//!
//! - [`check_streams`]: every compressed stream that is not an image (content streams,
//!   fonts, object streams) is unpacked into a counter, and together they may not pass
//!   [`MAX_UNPACKED_BYTES`], so a small file cannot expand into gigabytes of memory.
//! - [`check_structure`]: the page tree, the chain of `/Parent` links and the nesting of
//!   drawings (`Do` of form XObjects) must be free of cycles and not too deep, since the
//!   library follows them recursively; pages without a `/MediaBox` get a Letter-size one
//!   (the library requires it).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::FORMAT;
use crate::article::formats::{FormatError, MAX_UNPACKED_BYTES};

/// Nested drawings deeper than this are refused (real files nest two or three).
const MAX_NESTING: usize = 24;

/// Page-tree and `/Parent` chains longer than this are refused.
const MAX_TREE_DEPTH: usize = 64;

/// A PDF with more pages than this is refused (bounds the work per file).
const MAX_PAGES: usize = 20_000;

/// Run-length coding expands at most 128 bytes from 2.
const RUN_LENGTH_RATIO: u64 = 64;

/// Unpacks every compressed stream that is not an image into a counter and fails when the
/// total passes [`MAX_UNPACKED_BYTES`].
///
/// # Errors
/// [`FormatError::TooLargeUnpacked`].
pub(super) fn check_streams(bytes: &[u8]) -> Result<(), FormatError> {
    let mut budget = MAX_UNPACKED_BYTES;
    let mut pos = 0;
    while let Some(found) = find(&bytes[pos..], b"stream") {
        let at = pos + found;
        pos = at + b"stream".len();
        if bytes[..at].ends_with(b"end") {
            continue;
        }
        let mut start = pos;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        if start == pos {
            continue;
        }
        let window = &bytes[at.saturating_sub(4096)..at];
        let dict = find_last(window, b" obj").map_or(window, |i| &window[i..]);
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |e| start + e);
        let data = &bytes[start..end];
        pos = end;
        if find(dict, b"/Image").is_some() {
            continue;
        }
        let unpacked = if find(dict, b"/FlateDecode").is_some() {
            inflated_size(data, budget)
        } else if find(dict, b"/LZWDecode").is_some() {
            lzw_size(data, budget)
        } else if find(dict, b"/RunLengthDecode").is_some() {
            (data.len() as u64).saturating_mul(RUN_LENGTH_RATIO)
        } else {
            0
        };
        budget = budget
            .checked_sub(unpacked)
            .ok_or(FormatError::TooLargeUnpacked {
                format: FORMAT,
                limit: MAX_UNPACKED_BYTES,
            })?;
    }
    Ok(())
}

/// The bytes a zlib stream unpacks to (up to where it breaks, if damaged or encrypted),
/// counting no further than `limit + 1`.
fn inflated_size(data: &[u8], limit: u64) -> u64 {
    let mut decoder = flate2::read::ZlibDecoder::new(data);
    let mut buf = vec![0_u8; 64 * 1024];
    let mut total = 0_u64;
    while total <= limit {
        match decoder.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => total += n as u64,
        }
    }
    total
}

/// The bytes an LZW stream (PDF's early-change variant) unpacks to, counting no further
/// than `limit + 1`.
fn lzw_size(data: &[u8], limit: u64) -> u64 {
    let mut decoder = weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8);
    let mut out = vec![0_u8; 64 * 1024];
    let mut input = data;
    let mut total = 0_u64;
    while total <= limit {
        let result = decoder.decode_bytes(input, &mut out);
        total += result.consumed_out as u64;
        input = &input[result.consumed_in..];
        match result.status {
            Ok(weezl::LzwStatus::Ok) if result.consumed_in + result.consumed_out > 0 => {}
            _ => break,
        }
    }
    total
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut from = 0;
    while let Some(i) = haystack[from..].iter().position(|b| *b == first) {
        let at = from + i;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// Checks the page tree, `/Parent` chains and drawing nesting; gives pages without a
/// `/MediaBox` a default one.
///
/// # Errors
/// [`FormatError::Malformed`] for cycles, too deep nesting or too many pages.
pub(super) fn check_structure(doc: &mut Document) -> Result<(), FormatError> {
    let pages = page_ids(doc)?;
    let mut missing_box = Vec::new();
    for &page in &pages {
        if !has_media_box(doc, page)? {
            missing_box.push(page);
        }
    }
    for page in missing_box {
        if let Ok(dict) = doc.get_dictionary_mut(page) {
            dict.set(
                "MediaBox",
                Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
            );
        }
    }
    let mut checked = BTreeSet::new();
    for &page in &pages {
        let Some(resources) = inherited(doc, page, b"Resources")? else {
            continue;
        };
        let content = doc.get_page_content(page).unwrap_or_default();
        let mut on_path = Vec::new();
        check_drawings(doc, &content, resources, &mut on_path, &mut checked)?;
    }
    Ok(())
}

/// The page objects in order, refusing cycles, deep trees and too many pages.
fn page_ids(doc: &Document) -> Result<Vec<ObjectId>, FormatError> {
    let root = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .and_then(|catalog| catalog.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|_| FormatError::malformed(FORMAT, "no page tree"))?;
    let mut seen = BTreeSet::new();
    let mut pages = Vec::new();
    let mut stack = vec![(root, 0_usize)];
    while let Some((id, depth)) = stack.pop() {
        if depth > MAX_TREE_DEPTH || !seen.insert(id) {
            return Err(FormatError::malformed(FORMAT, "the page tree loops"));
        }
        let Ok(node) = doc.get_dictionary(id) else {
            continue;
        };
        match node.get(b"Kids").and_then(Object::as_array) {
            Ok(kids) => {
                for kid in kids.iter().rev() {
                    if let Ok(kid) = kid.as_reference() {
                        stack.push((kid, depth + 1));
                    }
                }
            }
            Err(_) => pages.push(id),
        }
        if pages.len() > MAX_PAGES {
            return Err(FormatError::malformed(FORMAT, "too many pages"));
        }
    }
    Ok(pages)
}

/// The dictionary under `key` on the page or its ancestors (following at most
/// [`MAX_TREE_DEPTH`] `/Parent` links, refusing a loop).
fn inherited<'a>(
    doc: &'a Document,
    page: ObjectId,
    key: &[u8],
) -> Result<Option<&'a Dictionary>, FormatError> {
    let mut node = doc.get_dictionary(page).ok();
    let mut seen = BTreeSet::new();
    while let Some(dict) = node {
        if let Ok(value) = dict.get(key) {
            return Ok(doc
                .dereference(value)
                .ok()
                .and_then(|(_, o)| o.as_dict().ok()));
        }
        let Ok(parent) = dict.get(b"Parent").and_then(Object::as_reference) else {
            return Ok(None);
        };
        if !seen.insert(parent) || seen.len() > MAX_TREE_DEPTH {
            return Err(FormatError::malformed(FORMAT, "the page tree loops"));
        }
        node = doc.get_dictionary(parent).ok();
    }
    Ok(None)
}

fn has_media_box(doc: &Document, page: ObjectId) -> Result<bool, FormatError> {
    let mut node = doc.get_dictionary(page).ok();
    let mut seen = BTreeSet::new();
    while let Some(dict) = node {
        if let Ok(value) = dict.get(b"MediaBox") {
            let numbers = doc
                .dereference(value)
                .ok()
                .and_then(|(_, o)| o.as_array().ok())
                .is_some_and(|a| a.len() >= 4 && a.iter().take(4).all(is_number));
            return Ok(numbers);
        }
        let Ok(parent) = dict.get(b"Parent").and_then(Object::as_reference) else {
            return Ok(false);
        };
        if !seen.insert(parent) || seen.len() > MAX_TREE_DEPTH {
            return Err(FormatError::malformed(FORMAT, "the page tree loops"));
        }
        node = doc.get_dictionary(parent).ok();
    }
    Ok(false)
}

fn is_number(object: &Object) -> bool {
    matches!(object, Object::Integer(_) | Object::Real(_))
}

/// Follows the drawings (`/Name Do`) that `content` paints with `resources`, the way the
/// library will, and refuses a drawing that paints itself or nesting past [`MAX_NESTING`].
/// `checked` remembers (drawing, resources) pairs already followed, so shared drawings
/// cost once.
fn check_drawings(
    doc: &Document,
    content: &[u8],
    resources: &Dictionary,
    on_path: &mut Vec<ObjectId>,
    checked: &mut BTreeSet<(ObjectId, usize)>,
) -> Result<(), FormatError> {
    if on_path.len() > MAX_NESTING {
        return Err(FormatError::malformed(
            FORMAT,
            "drawings are nested too deeply",
        ));
    }
    let names = painted_names(content);
    if names.is_empty() {
        return Ok(());
    }
    let Some(xobjects) = resources
        .get(b"XObject")
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return Ok(());
    };
    for name in names {
        let Ok(reference) = xobjects.get(&name).and_then(Object::as_reference) else {
            continue;
        };
        let Ok(Object::Stream(stream)) = doc.get_object(reference) else {
            continue;
        };
        let is_form = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Form");
        if !is_form {
            continue;
        }
        if on_path.contains(&reference) {
            return Err(FormatError::malformed(FORMAT, "a drawing contains itself"));
        }
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        let inner = own.unwrap_or(resources);
        let key = (reference, std::ptr::from_ref(inner) as usize);
        if !checked.insert(key) {
            continue;
        }
        let data = stream
            .decompressed_content()
            .unwrap_or_else(|_| stream.content.clone());
        on_path.push(reference);
        check_drawings(doc, &data, inner, on_path, checked)?;
        on_path.pop();
    }
    Ok(())
}

/// The names a content stream paints with `Do`, each once, in a stable order.
fn painted_names(content: &[u8]) -> Vec<Vec<u8>> {
    if find(content, b"Do").is_none() {
        return Vec::new();
    }
    let Ok(content) = Content::decode(content) else {
        return Vec::new();
    };
    let mut names: BTreeMap<Vec<u8>, ()> = BTreeMap::new();
    for op in content.operations {
        if op.operator == "Do"
            && let Some(Ok(name)) = op.operands.first().map(Object::as_name)
        {
            names.insert(name.to_vec(), ());
        }
    }
    names.into_keys().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_streams_pass_and_a_bomb_is_refused() {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0_u8; 1024 * 1024];
        for _ in 0..60 {
            encoder.write_all(&zeros).expect("compress");
        }
        let bomb = encoder.finish().expect("compress");
        let mut pdf =
            b"%PDF-1.4\n1 0 obj\n<< /Length 10 /Filter /FlateDecode >>\nstream\n".to_vec();
        pdf.extend_from_slice(&bomb);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        assert!(pdf.len() < 200_000, "the bomb is small: {}", pdf.len());
        assert!(matches!(
            check_streams(&pdf),
            Err(FormatError::TooLargeUnpacked { .. })
        ));
        assert!(
            check_streams(b"%PDF-1.4\n1 0 obj\n<< /Length 3 >>\nstream\nabc\nendstream\nendobj\n")
                .is_ok()
        );
    }
}
