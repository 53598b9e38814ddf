//! Documents other than plain text: PDFs made by several producers, Word, OpenDocument,
//! RTF and e-mail, web addresses fetched from a server on 127.0.0.1, and bad input of each
//! kind. The fixtures in tests/fixtures/formats/ are made from invented text by
//! scripts/make-format-fixtures.py (LibreOffice, pdflatex, Chromium) and committed.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use demarche::article::fetch::{FetchError, FetchOptions, fetch, load_url};
use demarche::article::formats::FormatError;
use demarche::article::{Article, ArticleError, ArticleId, SourceFormat, load_bytes, load_file};
use proptest::prelude::*;
use similar::{Algorithm, DiffOp, capture_diff_slices};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn open(name: &str) -> Article {
    load_file(&fixture(name), ArticleId(1)).unwrap_or_else(|err| panic!("{name}: {err}"))
}

/// Lowercased runs of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of the original's words found in order in the extracted text, and share of the
/// extracted words found in the original.
fn word_match(original: &str, extracted: &str) -> (f64, f64) {
    let (a, b) = (words(original), words(extracted));
    let same: usize = capture_diff_slices(Algorithm::Myers, &a, &b)
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    (same as f64 / a.len() as f64, same as f64 / b.len() as f64)
}

/// Each statement as the words of its spans, counted.
fn statement_keys(article: &Article) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for statement in demarche::extract::extract(article) {
        let text: Vec<&str> = statement
            .spans
            .iter()
            .map(|s| &article.text[s.start..s.end])
            .collect();
        *out.entry(words(&text.join(" ")).join(" ")).or_insert(0) += 1;
    }
    out
}

/// Share of the statements found in `original` that `other` finds with the same words.
fn statements_kept(original: &Article, other: &Article) -> (f64, usize) {
    let want = statement_keys(original);
    let got = statement_keys(other);
    let total: usize = want.values().sum();
    let kept: usize = want
        .iter()
        .map(|(key, n)| (*n).min(got.get(key).copied().unwrap_or(0)))
        .sum();
    (kept as f64 / total.max(1) as f64, total)
}

fn source_article() -> Article {
    open("source/glacier.txt")
}

/// Every statement's spans and speaker mention lie inside the text on char boundaries.
fn assert_offsets_valid(article: &Article) {
    for statement in demarche::extract::extract(article) {
        for span in statement
            .spans
            .iter()
            .chain(statement.speaker_mention.iter())
        {
            assert!(span.start <= span.end && span.end <= article.text.len());
            assert!(article.text.is_char_boundary(span.start));
            assert!(article.text.is_char_boundary(span.end));
        }
    }
}

#[test]
fn the_same_article_from_every_producer_keeps_its_words_and_statements() {
    let original = source_article();
    let (_, total) = statements_kept(&original, &original);
    assert!(total >= 10, "the source has too few statements: {total}");
    for (name, format) in [
        ("glacier-libreoffice.pdf", SourceFormat::Pdf),
        ("glacier-word.pdf", SourceFormat::Pdf),
        ("glacier-latex.pdf", SourceFormat::Pdf),
        ("glacier-chromium.pdf", SourceFormat::Pdf),
        ("glacier.docx", SourceFormat::Docx),
        ("glacier.odt", SourceFormat::Odt),
        ("glacier.rtf", SourceFormat::Rtf),
    ] {
        let article = open(name);
        assert_eq!(article.provenance.format, format, "{name}");
        let (recall, precision) = word_match(&original.text, &article.text);
        assert!(
            recall >= 0.95 && precision >= 0.95,
            "{name}: words recall {recall:.3}, precision {precision:.3}\n{}",
            article.text
        );
        let (kept, _) = statements_kept(&original, &article);
        assert!(kept >= 0.9, "{name}: {kept:.2} of the statements kept");
        assert_offsets_valid(&article);
        assert_eq!(
            article.title.as_deref(),
            Some("Chile and Argentina trade protests over research station on shared ice field"),
            "{name}"
        );
    }
}

#[test]
fn pdf_headers_footers_and_page_numbers_are_removed() {
    for name in [
        "glacier-libreoffice.pdf",
        "glacier-latex.pdf",
        "glacier-chromium.pdf",
    ] {
        let text = open(name).text;
        for chrome in ["Foreign desk", "file://", "Page 1", "Page 2", "1/2"] {
            assert!(!text.contains(chrome), "{name} keeps {chrome:?}");
        }
        for paragraph in text.split("\n\n") {
            assert!(
                !paragraph.trim().chars().all(|c| c.is_ascii_digit()),
                "{name} keeps a page number paragraph {paragraph:?}"
            );
        }
    }
}

#[test]
fn two_column_pdfs_read_each_column_in_turn_and_join_hyphenation() {
    for name in ["glacier-latex.pdf", "glacier-chromium.pdf"] {
        let text = open(name).text;
        let order = [
            "SANTIAGO/BUENOS AIRES",
            "Orellana said her ministry",
            "Argentina rejected the complaint",
            "Peru, which chairs the regional commission",
            "Glaciologists on both sides",
            "Ibarguren replied",
        ];
        let places: Vec<usize> = order
            .iter()
            .map(|p| {
                text.find(p)
                    .unwrap_or_else(|| panic!("{name}: {p:?} missing"))
            })
            .collect();
        assert!(places.windows(2).all(|w| w[0] < w[1]), "{name}: {places:?}");
    }
    let latex = open("glacier-latex.pdf").text;
    assert!(latex.contains("presidential palace"), "{latex}");
    assert!(!latex.contains("pres-"), "{latex}");
    assert!(latex.contains("water-sharing"), "{latex}");
}

#[test]
fn a_scanned_pdf_asks_for_ocr() {
    let path = fixture("scanned.pdf");
    let err = load_file(&path, ArticleId(1)).expect_err("no text layer");
    assert!(matches!(
        err,
        ArticleError::Format {
            source: FormatError::NoTextLayer,
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        format!(
            "could not read article: no text layer; run OCR first: {}",
            path.display()
        )
    );
}

#[test]
fn an_encrypted_pdf_says_so() {
    let err = load_file(&fixture("encrypted.pdf"), ArticleId(1)).expect_err("encrypted");
    assert!(
        matches!(
            err,
            ArticleError::Format {
                source: FormatError::Encrypted,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("password-protected"), "{err}");
}

#[test]
fn word_and_opendocument_resolve_tracked_changes_and_put_footnotes_last() {
    for name in ["features.docx", "features.odt"] {
        let article = open(name);
        let text = &article.text;
        assert!(
            text.contains("We have accepted the final text with confidence and we will ratify it"),
            "{name}: {text}"
        );
        assert!(!text.contains("reluctantly"), "{name}: {text}");
        assert!(text.contains("\n\nBackground\n\n"), "{name}: {text}");
        let note = text
            .find("[1] Signed on 14 February 2027")
            .unwrap_or_else(|| panic!("{name}: no footnote: {text}"));
        let last_body = text.find("first joint inspection").expect("body");
        assert!(
            note > last_body,
            "{name}: the footnote comes after the body"
        );
        assert!(text.contains("signed in Bergen after two years"), "{name}");
        assert_eq!(
            article.title.as_deref(),
            Some("Embassy of Norway: statement on the harbour agreement")
        );
        let statements = demarche::extract::extract(&article);
        assert!(
            statements
                .iter()
                .any(|s| s.speaker.as_deref() == Some("Sigrid Holmvik")),
            "{name}: {statements:?}"
        );
    }
}

#[test]
fn rtf_reads_unicode_code_pages_and_skips_destinations() {
    let article = open("factiva.rtf");
    let text = &article.text;
    assert!(text.contains("Estonian Interior Minister Märt Kaskõla told reporters"));
    assert!(text.contains("Соглашение (патрули)"));
    assert!(text.contains("TALLINN (Baltic Ledger) – Estonia"));
    assert!(text.contains("“Our border guards will work side by side from next month,”"));
    for junk in [
        "Times New Roman",
        "89504e",
        "Page",
        "Sample Exporter",
        "sample}",
    ] {
        assert!(!text.contains(junk), "{junk:?} in {text}");
    }
    assert_eq!(article.provenance.encoding, "windows-1252");
    assert_eq!(article.provenance.format, SourceFormat::Rtf);
}

#[test]
fn e_mail_gives_subject_sender_and_date() {
    let article = open("statement.eml");
    assert_eq!(
        article.title.as_deref(),
        Some("Statement on the harbour agreement with Iceland")
    );
    assert_eq!(
        article.outlet.as_deref(),
        Some("Ministry of Foreign Affairs of Norway - Press Office")
    );
    assert_eq!(article.date.as_deref(), Some("2027-03-10"));
    assert!(article.text.contains("each other’s fishing fleets."));
    assert!(
        !article.text.contains("HTML copy"),
        "the text/plain part is read"
    );
    let statements = demarche::extract::extract(&article);
    assert!(
        statements
            .iter()
            .any(|s| s.speaker.as_deref() == Some("Ingrid Solberg-Aas")),
        "{statements:?}"
    );

    let html = open("html-only.eml");
    assert_eq!(html.provenance.format, SourceFormat::Eml);
    assert_eq!(html.date.as_deref(), Some("2027-03-11"));
    assert!(
        html.text
            .contains("“We will inspect every harbour together,” council chair")
    );
    for chrome in ["Unsubscribe", "Home", "News"] {
        assert!(!html.text.contains(chrome), "{chrome} in {}", html.text);
    }
    assert_eq!(
        html.text
            .matches("Ports council meets in Reykjavik")
            .count(),
        1
    );
}

#[test]
fn documents_are_told_by_their_signature_without_an_extension() {
    for (name, format) in [
        ("glacier.docx", SourceFormat::Docx),
        ("glacier.odt", SourceFormat::Odt),
        ("glacier-libreoffice.pdf", SourceFormat::Pdf),
        ("factiva.rtf", SourceFormat::Rtf),
        ("statement.eml", SourceFormat::Eml),
    ] {
        let bytes = std::fs::read(fixture(name)).expect("fixture");
        let article = load_bytes(&bytes, Some("download"), ArticleId(1)).expect(name);
        assert_eq!(article.provenance.format, format, "{name}");
    }
}

/// A zip holding `word/document.xml` of `size` bytes (mostly spaces, so it packs small).
fn docx_of_size(size: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    zip.start_file("word/document.xml", options).expect("zip");
    zip.write_all(b"<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Sample")
        .expect("zip");
    let spaces = vec![b' '; 1024 * 1024];
    let mut written = 0;
    while written < size {
        zip.write_all(&spaces).expect("zip");
        written += spaces.len();
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .expect("zip");
    zip.finish().expect("zip").into_inner()
}

#[test]
fn a_zip_bomb_is_refused() {
    let bomb = docx_of_size(52 * 1024 * 1024);
    assert!(bomb.len() < 2_000_000, "packed small: {}", bomb.len());
    let err = load_bytes(&bomb, Some("bomb.docx"), ArticleId(1)).expect_err("too large");
    assert!(
        matches!(
            err,
            ArticleError::Format {
                source: FormatError::TooLargeUnpacked { .. },
                ..
            }
        ),
        "{err}"
    );
    let small = docx_of_size(1);
    let article = load_bytes(&small, Some("small.docx"), ArticleId(1)).expect("reads");
    assert_eq!(article.text, "Sample\n");
}

/// A PDF made of `objects` (object 1 is the catalog), with a correct cross-reference table.
fn pdf(objects: &[&str]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(dict: &str, content: &str) -> String {
    format!(
        "<< {dict} /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    )
}

#[test]
fn a_hand_made_pdf_with_a_standard_font_reads() {
    let content = "BT /F1 12 Tf 72 720 Td (Sample words from a standard font.) Tj ET";
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        &stream("", content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]);
    let article = load_bytes(&bytes, Some("hand.pdf"), ArticleId(1)).expect("reads");
    assert_eq!(article.text, "Sample words from a standard font.\n");
}

#[test]
fn a_pdf_drawing_that_contains_itself_is_refused_without_overflowing() {
    let bytes = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X1 5 0 R >> >> /Contents 4 0 R >>",
        &stream("", "/X1 Do"),
        &stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 5 0 R >> >>",
            "/X1 Do",
        ),
    ]);
    let err = load_bytes(&bytes, Some("loop.pdf"), ArticleId(1)).expect_err("cycle");
    assert!(
        err.to_string().contains("a drawing contains itself"),
        "{err}"
    );

    let looping_tree = pdf(&[
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]);
    let err = load_bytes(&looping_tree, Some("tree.pdf"), ArticleId(1)).expect_err("loop");
    assert!(err.to_string().contains("the page tree loops"), "{err}");
}

#[test]
fn a_pdf_stream_bomb_is_refused() {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![b' '; 1024 * 1024];
    for _ in 0..52 {
        encoder.write_all(&zeros).expect("compress");
    }
    let packed = encoder.finish().expect("compress");
    let mut bytes = b"%PDF-1.4\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n".to_vec();
    bytes.extend_from_slice(&packed);
    bytes.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
    let err = load_bytes(&bytes, Some("bomb.pdf"), ArticleId(1)).expect_err("too large");
    assert!(
        matches!(
            err,
            ArticleError::Format {
                source: FormatError::TooLargeUnpacked { .. },
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn damaged_documents_get_a_clear_message() {
    for (name, bytes) in [
        ("broken.pdf", b"%PDF-1.7\nnot really a pdf".to_vec()),
        ("broken.docx", b"PK\x03\x04 not a zip".to_vec()),
        ("broken.odt", b"plain words".to_vec()),
        ("broken.rtf", b"plain words".to_vec()),
        ("broken.eml", b"\x00\x01\x02".to_vec()),
    ] {
        let err = load_bytes(&bytes, Some(name), ArticleId(1)).expect_err(name);
        let message = err.to_string();
        assert!(message.starts_with("could not read article: "), "{message}");
        assert!(message.ends_with(name), "{message}");
    }
}

const EXTENSIONS: &[&str] = &["pdf", "docx", "odt", "fodt", "rtf", "eml"];
const FIXTURES: &[&str] = &[
    "glacier-libreoffice.pdf",
    "glacier-latex.pdf",
    "glacier.docx",
    "features.odt",
    "factiva.rtf",
    "statement.eml",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_bytes_with_each_extension_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
        ext in proptest::sample::select(EXTENSIONS),
    ) {
        let _ = load_bytes(&bytes, Some(&format!("random.{ext}")), ArticleId(1));
    }

    #[test]
    fn damaged_fixtures_never_panic(
        which in 0..FIXTURES.len(),
        cut in 0.0..1.0f64,
        flips in proptest::collection::vec((0.0..1.0f64, any::<u8>()), 0..8),
    ) {
        let name = FIXTURES[which];
        let mut bytes = std::fs::read(fixture(name)).expect("fixture");
        for (at, value) in flips {
            let i = ((bytes.len() - 1) as f64 * at) as usize;
            bytes[i] = value;
        }
        bytes.truncate(((bytes.len() as f64) * cut) as usize + 1);
        let _ = load_bytes(&bytes, Some(name), ArticleId(1));
    }
}

/// A test server's answer: status, headers, body.
type Answer = (u16, Vec<(&'static str, String)>, Vec<u8>);

/// What the test server answers for a path.
fn respond(path: &str) -> Option<Answer> {
    let page = "<!doctype html><html><head><title>Harbour talks resume | Sample Wire</title>\
        <meta property=\"og:site_name\" content=\"Sample Wire\">\
        <meta property=\"article:published_time\" content=\"2027-04-02T08:00:00Z\"></head>\
        <body><nav><a href=\"/\">Home</a></nav><article><h1>Harbour talks resume</h1>\
        <p>OSLO - Norway and Iceland resumed talks on Friday about the shared harbours.</p>\
        <p>\"We are close to a deal,\" Norwegian Foreign Minister Ingrid Solberg-Aas told reporters.</p>\
        </article></body></html>";
    let html = || vec![("Content-Type", "text/html; charset=utf-8".to_owned())];
    Some(match path {
        "/article" => (200, html(), page.as_bytes().to_vec()),
        "/moved" => (302, vec![("Location", "/article".to_owned())], Vec::new()),
        "/loop" => (302, vec![("Location", "/loop".to_owned())], Vec::new()),
        "/big" => (200, html(), vec![b'x'; 64 * 1024]),
        "/download" => (
            200,
            vec![("Content-Type", "application/pdf".to_owned())],
            std::fs::read(fixture("glacier-libreoffice.pdf")).ok()?,
        ),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            (200, html(), page.as_bytes().to_vec())
        }
        _ => (404, html(), b"<html><body>Not found</body></html>".to_vec()),
    })
}

/// Serves [`respond`] on 127.0.0.1 for at most `connections` connections or 30 seconds,
/// then stops by itself. Returns the base address.
fn serve(connections: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    listener.set_nonblocking(true).expect("nonblocking");
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(30);
        let mut served = 0;
        while served < connections && Instant::now() < deadline {
            match listener.accept() {
                Ok((stream, _)) => {
                    served += 1;
                    std::thread::spawn(move || answer(stream));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    });
    address
}

fn answer(mut stream: TcpStream) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut request = Vec::new();
    let mut buf = [0_u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => request.extend_from_slice(&buf[..n]),
        }
    }
    let request = String::from_utf8_lossy(&request);
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let Some((status, headers, body)) = respond(path) else {
        return;
    };
    let mut head = format!(
        "HTTP/1.1 {status} Sample\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

#[test]
fn fetch_html_from_local_server_no_internet_here() {
    let base = serve(4);
    let url = format!("{base}/article");
    let article = load_url(&url, ArticleId(1), &FetchOptions::default())
        .expect("fetched")
        .articles
        .remove(0);
    assert_eq!(article.provenance.format, SourceFormat::Html);
    assert_eq!(article.provenance.url.as_deref(), Some(url.as_str()));
    assert_eq!(article.provenance.path.as_deref(), Some(url.as_str()));
    let at = article.provenance.fetched_at.as_deref().expect("time kept");
    assert!(
        at.len() == 20 && at.ends_with('Z') && at.as_bytes()[10] == b'T',
        "{at}"
    );
    assert_eq!(article.title.as_deref(), Some("Harbour talks resume"));
    assert_eq!(article.date.as_deref(), Some("2027-04-02"));
    assert!(
        article
            .text
            .contains("\"We are close to a deal,\" Norwegian Foreign Minister")
    );
    assert!(!article.text.contains("Home"));

    let moved = load_url(
        &format!("{base}/moved"),
        ArticleId(2),
        &FetchOptions::default(),
    )
    .expect("redirect followed")
    .articles
    .remove(0);
    assert_eq!(moved.provenance.url.as_deref(), Some(url.as_str()));
    assert_eq!(moved.text, article.text);
}

#[test]
fn fetch_limits_local_server_no_internet_here() {
    let base = serve(16);
    let options = FetchOptions {
        timeout: Duration::from_secs(1),
        max_bytes: 1000,
        max_redirects: 3,
    };
    assert!(matches!(
        fetch(&format!("{base}/loop"), &options),
        Err(FetchError::TooManyRedirects { limit: 3 })
    ));
    assert!(matches!(
        fetch(&format!("{base}/big"), &options),
        Err(FetchError::TooLarge { limit: 1000 })
    ));
    assert!(matches!(
        fetch(&format!("{base}/slow"), &options),
        Err(FetchError::Timeout { .. })
    ));
    let missing = format!("{base}/missing");
    let err = load_url(&missing, ArticleId(1), &options).expect_err("404");
    assert_eq!(
        err.to_string(),
        format!("could not fetch article: the server answered 404: {missing}")
    );
    assert!(matches!(
        fetch("ftp://example.org/x", &options),
        Err(FetchError::NotUrl)
    ));
}

#[test]
fn fetch_pdf_by_content_type_local_server_no_internet_here() {
    let base = serve(2);
    let article = load_url(
        &format!("{base}/download"),
        ArticleId(1),
        &FetchOptions::default(),
    )
    .expect("fetched")
    .articles
    .remove(0);
    assert_eq!(article.provenance.format, SourceFormat::Pdf);
    assert!(
        article
            .text
            .contains("Chile lodged a formal protest with Argentina")
    );
}

#[test]
fn cli_text_and_extract_take_addresses_local_server_no_internet_here() {
    let base = serve(4);
    let url = format!("{base}/article");
    let bin = env!("CARGO_BIN_EXE_demarche");
    let text = std::process::Command::new(bin)
        .args(["text", &url])
        .output()
        .expect("runs");
    assert!(
        text.status.success(),
        "{}",
        String::from_utf8_lossy(&text.stderr)
    );
    let shown = String::from_utf8_lossy(&text.stdout);
    assert!(shown.starts_with("Harbour talks resume\n\n"), "{shown}");

    let extract = std::process::Command::new(bin)
        .args(["extract", &url])
        .output()
        .expect("runs");
    assert!(
        extract.status.success(),
        "{}",
        String::from_utf8_lossy(&extract.stderr)
    );
    let lines = String::from_utf8_lossy(&extract.stdout);
    let first: serde_json::Value =
        serde_json::from_str(lines.lines().next().expect("a statement")).expect("json");
    assert_eq!(first["file"], url.as_str());
    assert_eq!(first["speaker"], "Ingrid Solberg-Aas");

    let pdf = std::process::Command::new(bin)
        .args([
            "extract",
            fixture("glacier-latex.pdf").to_str().expect("utf-8"),
        ])
        .output()
        .expect("runs");
    assert!(pdf.status.success());
    assert!(String::from_utf8_lossy(&pdf.stdout).lines().count() >= 10);
}

#[cfg(feature = "gui")]
#[test]
fn open_url_prompt_imports_a_page_local_server_no_internet_here() {
    use demarche::app::App;
    use demarche::session::Session;
    use egui_kittest::kittest::Queryable;

    let base = serve(2);
    let url = format!("{base}/article");
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(24)
        .build_ui_state(
            |ui, app: &mut App| app.frame_ui(ui),
            App::new_for_test(Session::default()),
        );
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    harness.run();
    harness.get_by_label("Address").type_text(&url);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.step();
    harness.state_mut().wait_for_imports();
    harness.run();
    let session = harness.state().session();
    let notices: Vec<String> = harness
        .state()
        .notices()
        .iter()
        .map(|n| format!("{n:?}"))
        .collect();
    let article = session
        .articles
        .values()
        .next()
        .unwrap_or_else(|| panic!("the page was not imported: {notices:?}"));
    assert_eq!(article.title.as_deref(), Some("Harbour talks resume"));
    assert_eq!(article.provenance.url.as_deref(), Some(url.as_str()));
    assert!(
        harness.query_by_label("Open URL").is_none(),
        "the prompt closed"
    );
}
