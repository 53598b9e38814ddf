//! Loading articles from files: encodings, formats, metadata, errors; and (ignored, needs the
//! shared corpus) how close HTML extraction comes to the hand-made text of each page.

use std::path::{Path, PathBuf};

use demarche::article::{ArticleError, ArticleId, BinaryKind, SourceFormat, load_bytes, load_file};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name)
}

fn paragraphs(article: &demarche::article::Article) -> Vec<&str> {
    article
        .paragraphs
        .iter()
        .map(|p| p.slice(&article.text))
        .collect()
}

const SAMPLE: &str = "Sample headline: invented ministers trade invented words\n\n\
This is sample text written for Demarche's tests; nothing in it is real. \
\u{201c}We have said nothing of substance,\u{201d} the sample minister said on Tuesday.\n\n\
A second sample paragraph keeps a no-break\u{a0}space and an ellipsis\u{2026} as they are.\n";

#[test]
fn every_unicode_encoding_gives_the_same_text() {
    for (name, encoding) in [
        ("utf8.txt", "UTF-8"),
        ("utf8-bom.txt", "UTF-8"),
        ("utf16le-bom.txt", "UTF-16LE"),
        ("utf16be-bom.txt", "UTF-16BE"),
    ] {
        let article = load_file(&fixture(name), ArticleId(1)).expect(name);
        assert_eq!(article.text, SAMPLE, "{name}");
        assert_eq!(article.provenance.encoding, encoding, "{name}");
        assert_eq!(article.provenance.format, SourceFormat::Text, "{name}");
        assert_eq!(paragraphs(&article).len(), 3, "{name}");
        assert_eq!(
            article.title.as_deref(),
            Some("Sample headline: invented ministers trade invented words")
        );
    }
}

#[test]
fn plain_text_is_the_file_text_so_offsets_index_the_file() {
    let path = fixture("utf8.txt");
    let file = std::fs::read_to_string(&path).expect("fixture");
    let article = load_file(&path, ArticleId(1)).expect("loads");
    assert_eq!(article.text, file);
    let quote = file.find('\u{201c}').expect("quote");
    assert_eq!(article.paragraph_at(quote), Some(article.paragraphs[1]));
    assert_eq!(
        article.provenance.sha256,
        demarche::article::sha256_hex(file.as_bytes())
    );
    assert_eq!(article.provenance.path.as_deref(), path.to_str());
}

#[test]
fn invalid_utf8_is_read_as_windows_1252() {
    let article = load_file(&fixture("cp1252.txt"), ArticleId(2)).expect("loads");
    assert_eq!(article.provenance.encoding, "windows-1252");
    assert_eq!(
        article.text,
        "Sample headline in Windows-1252\n\nThis is sample text for a legacy encoding test. \
         \u{201c}It is not real,\u{201d} the sample caf\u{e9} owner said \u{2013} twice.\n"
    );
}

#[test]
fn html_is_reduced_to_the_article() {
    let article = load_file(&fixture("article.html"), ArticleId(3)).expect("loads");
    assert_eq!(article.provenance.format, SourceFormat::Html);
    assert_eq!(
        paragraphs(&article),
        [
            "Sample ministers exchange invented remarks",
            "March 4, 2031",
            "SAMPLE CITY (Sample Wire) \u{2014} This is sample text written for Demarche's tests. Nothing in it is real.",
            "\u{201c}We reject these invented claims,\u{201d} the sample foreign minister, Ann Example, said.",
            "A\u{a0}no-break space stays, and so does a sample ideographic space:\u{3000}here.",
            "A quoted sample paragraph in a blockquote.",
        ]
    );
    for junk in [
        "SCRIPT-JUNK",
        "home",
        "Politics",
        "ADVERTISEMENT",
        "Share on",
        "caption",
        "Related",
        "Another invented story",
        "Comments",
        "First!",
        "Most read",
        "newsletter",
        "Copyright",
        "Sample Foreign Minister",
        "By A. Sample",
    ] {
        assert!(
            !article.text.contains(junk),
            "{junk:?} leaked:\n{}",
            article.text
        );
    }
    assert_eq!(
        article.title.as_deref(),
        Some("Sample ministers exchange invented remarks")
    );
    assert_eq!(article.date.as_deref(), Some("2031-03-04"));
    assert_eq!(article.outlet.as_deref(), Some("Sample Gazette"));
}

#[test]
fn markdown_keeps_its_text_and_gives_front_matter_metadata() {
    let path = fixture("statement.md");
    let file = std::fs::read_to_string(&path).expect("fixture");
    let article = load_file(&path, ArticleId(4)).expect("loads");
    assert_eq!(article.provenance.format, SourceFormat::Markdown);
    assert_eq!(article.text, file);
    assert_eq!(
        article.title.as_deref(),
        Some("Sample Joint Statement on Invented Matters")
    );
    assert_eq!(article.date.as_deref(), Some("2031-04-05"));
    assert_eq!(article.outlet.as_deref(), Some("Sample Press Office"));
    let paras = paragraphs(&article);
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[1].starts_with("This is sample text: a hard-wrapped"));
    assert!(paras[1].ends_with("said by anyone."));
    assert_eq!(
        paras[2],
        "SAMPLE MINISTER:  \u{201c}We welcome the invented agreement,\u{201d} and we\nhope it lasts."
    );
}

#[test]
fn a_png_renamed_to_txt_is_not_text() {
    let path = fixture("png-renamed.txt");
    let err = load_file(&path, ArticleId(5)).expect_err("binary");
    assert!(matches!(
        err,
        ArticleError::NotText {
            kind: BinaryKind::Magic("PNG"),
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        format!(
            "could not read article: not a text file (PNG data): {}",
            path.display()
        )
    );
}

#[test]
fn nul_bytes_are_binary_data() {
    let err = load_bytes(b"sample\0text", Some("/x/y.txt"), ArticleId(6)).expect_err("binary");
    assert_eq!(
        err.to_string(),
        "could not read article: not a text file (binary data): /x/y.txt"
    );
}

#[test]
fn an_empty_file_is_an_error() {
    let path = fixture("empty.txt");
    let err = load_file(&path, ArticleId(7)).expect_err("empty");
    assert!(matches!(err, ArticleError::Empty { .. }));
    assert!(err.to_string().ends_with(&path.display().to_string()));
}

#[test]
fn a_missing_file_is_an_io_error_with_the_path_last() {
    let path = fixture("no-such-file.txt");
    let err = load_file(&path, ArticleId(8)).expect_err("missing");
    assert!(matches!(err, ArticleError::Io { .. }));
    let message = err.to_string();
    assert!(message.starts_with("could not read article: "), "{message}");
    assert!(message.ends_with(&path.display().to_string()), "{message}");
}

#[test]
fn html_without_an_extension_is_sniffed() {
    let bytes = std::fs::read(fixture("article.html")).expect("fixture");
    let article = load_bytes(&bytes, Some("download"), ArticleId(9)).expect("loads");
    assert_eq!(article.provenance.format, SourceFormat::Html);
    let article = load_bytes(&bytes, None, ArticleId(9)).expect("loads");
    assert_eq!(article.provenance.format, SourceFormat::Html);
    assert!(article.text.contains("Ann Example, said."));
}

/// Share of the hand-made `.txt` paragraphs that the HTML import reproduces verbatim, and the
/// number of extra blocks it adds, for every `.html` page in the shared corpus.
#[test]
#[ignore = "needs /work/shared/corpus; run with --ignored to measure"]
fn corpus_html_pages_match_their_text_versions() {
    let dir = Path::new("/work/shared/corpus");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut pages: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let (mut found_total, mut wanted_total, mut extra_total) = (0, 0, 0);
    for page in &pages {
        let article = load_file(page, ArticleId(0)).expect("page loads");
        let txt = std::fs::read_to_string(page.with_extension("txt")).expect("text version");
        let wanted: Vec<&str> = txt
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        let got = paragraphs(&article);
        let found = wanted.iter().filter(|w| got.contains(w)).count();
        let extra = got.iter().filter(|g| !wanted.contains(g)).count();
        eprintln!(
            "{}: {found}/{} paragraphs verbatim, {extra} extra",
            page.file_name().unwrap_or_default().to_string_lossy(),
            wanted.len()
        );
        found_total += found;
        wanted_total += wanted.len();
        extra_total += extra;
    }
    eprintln!("total: {found_total}/{wanted_total} verbatim, {extra_total} extra blocks");
    assert!(found_total * 100 >= wanted_total * 95);
    assert!(extra_total <= pages.len());
}

#[test]
fn a_text_file_with_front_matter_keeps_every_byte_and_gives_metadata() {
    let text = "---\ntags: sample\ndate: '2031-06-07'\ntitle: \"Sample Remarks in a Joint Press\\\n  \\ Conference\"\n---\n \n*Sample Palace  \nSample City*\n\nSAMPLE LEADER:  This is sample text, not a real transcript.\n";
    let article = load_bytes(text.as_bytes(), Some("remarks.txt"), ArticleId(10)).expect("loads");
    assert_eq!(article.text, text);
    assert_eq!(
        article.title.as_deref(),
        Some("Sample Remarks in a Joint Press Conference")
    );
    assert_eq!(article.date.as_deref(), Some("2031-06-07"));
    let paras = paragraphs(&article);
    assert_eq!(
        paras.last().copied(),
        Some("SAMPLE LEADER:  This is sample text, not a real transcript.")
    );
}

#[test]
fn an_html_page_in_a_declared_legacy_charset_is_decoded() {
    let page = "<html><head><meta charset=\"gbk\"><title>样例标题</title></head><body><div><p>这是用于测试的样例文本，并非真实内容。</p></div></body></html>";
    let (bytes, _, _) = encoding_rs::GBK.encode(page);
    let article = load_bytes(&bytes, Some("page.html"), ArticleId(11)).expect("loads");
    assert_eq!(article.provenance.encoding, "GBK");
    assert_eq!(
        article.text,
        "样例标题\n\n这是用于测试的样例文本，并非真实内容。\n"
    );
}

mod properties {
    use demarche::article::{ArticleId, load_bytes};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any bytes either load or give a typed error; paragraphs always index the text.
        #[test]
        fn any_bytes_load_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..400),
                                          ext in prop::sample::select(vec!["a.txt", "a.md", "a.html", "a.bin"])) {
            if let Ok(article) = load_bytes(&bytes, Some(ext), ArticleId(0)) {
                for p in &article.paragraphs {
                    prop_assert!(article.text.get(p.start..p.end).is_some());
                }
            }
        }

        /// Plain UTF-8 text without carriage returns is kept byte for byte.
        #[test]
        fn plain_text_is_kept_exactly(text in "[^\r\u{0}-\u{8}\u{b}\u{e}-\u{1f}\u{7f}\u{feff}]{1,300}") {
            prop_assume!(!text.trim().is_empty());
            let article = load_bytes(text.as_bytes(), Some("s.txt"), ArticleId(0));
            let article = article.expect("loads");
            prop_assert_eq!(article.text, text);
        }

        /// Tag soup never panics the HTML reader, and what it reads is well-formed paragraphs.
        #[test]
        fn tag_soup_does_not_panic(parts in proptest::collection::vec(
            prop::sample::select(vec!["<p>", "</p>", "<div class=\"ad\">", "</div>", "<br>",
                "<article>", "<time datetime=\"2031-01-02\">", "</time>", "text. ", "<a href=\"#\">",
                "</a>", "<pre>\n\n", "<h2>", "</h2>", "June 1, 2031", "<span class=\"hidden\">"]),
            0..60)) {
            let html = format!("<html><body>{}</body></html>", parts.concat());
            if let Ok(article) = load_bytes(html.as_bytes(), Some("p.html"), ArticleId(0)) {
                prop_assert!(!article.text.contains("\n\n\n"));
                prop_assert!(!article.paragraphs.is_empty());
            }
        }
    }
}
