//! Splitting invented exports and joined articles, and leaving single articles whole.

use super::*;

fn texts<'a>(text: &'a str, found: &Split) -> Vec<&'a str> {
    found
        .pieces
        .iter()
        .map(|p| &text[p.range.clone()])
        .collect()
}

fn titles(found: &Split) -> Vec<Option<&str>> {
    found
        .pieces
        .iter()
        .map(|p| p.meta.title.as_deref())
        .collect()
}

const NEXIS: &str = "\
Sample University Library
Search Terms: sample islands
Documents (2)

Ministers trade invented words over sample islands

The Sample Herald
March 4, 2031 Tuesday
Late Edition

Copyright 2031 The Sample Herald Company All Rights Reserved

Section: WORLD; Pg. 7
Length: 120 words
Byline: Ann Example
Dateline: SAMPLETOWN

Body


SAMPLETOWN - The sample foreign minister said on Tuesday that invented talks would resume.

\u{201c}We will not give up an inch of these sample islands,\u{201d} the minister said.


Load-Date: March 5, 2031


End of Document

Second invented story
about sample trade

Sample Daily News
April 1, 2031 Wednesday

Copyright 2031 Sample Daily News
Section: BUSINESS
Length: 80 words
Byline: By Bo Sample and Cy Example

Body

An invented trade report opens here.

It closes here.

Classification

Language: ENGLISH

Load-Date: April 2, 2031


End of Document
";

#[test]
fn nexis_export_gives_each_article_its_body_and_header() {
    let found = split(NEXIS).expect("a Nexis export");
    assert_eq!(found.layout, Layout::Nexis);
    assert_eq!(
        texts(NEXIS, &found),
        [
            "SAMPLETOWN - The sample foreign minister said on Tuesday that invented talks would \
             resume.\n\n\u{201c}We will not give up an inch of these sample islands,\u{201d} the \
             minister said.",
            "An invented trade report opens here.\n\nIt closes here.",
        ]
    );
    assert_eq!(
        titles(&found),
        [
            Some("Ministers trade invented words over sample islands"),
            Some("Second invented story about sample trade"),
        ]
    );
    let first = &found.pieces[0];
    assert_eq!(first.meta.date.as_deref(), Some("2031-03-04"));
    assert_eq!(first.meta.outlet.as_deref(), Some("The Sample Herald"));
    assert_eq!(first.byline.as_deref(), Some("Ann Example"));
    let second = &found.pieces[1];
    assert_eq!(second.meta.date.as_deref(), Some("2031-04-01"));
    assert_eq!(second.meta.outlet.as_deref(), Some("Sample Daily News"));
    assert_eq!(
        second.byline.as_deref(),
        Some("By Bo Sample and Cy Example")
    );
}

#[test]
fn nexis_without_a_date_line_takes_the_load_date() {
    let text = "Untitled sample\n\nSection: A\nLength: 9 words\n\nBody\n\nSample body text.\n\n\
                Load-Date: June 7, 2031\n\nEnd of Document\n";
    let found = split(text).expect("Nexis");
    assert_eq!(found.pieces.len(), 1);
    assert_eq!(found.pieces[0].meta.date.as_deref(), Some("2031-06-07"));
    assert_eq!(texts(text, &found), ["Sample body text."]);
}

const FACTIVA: &str = "\
Invented minister rejects sample claims
By Ann Example
412 words
5 March 2031
Sample Wire Service
SWS
English
Copyright 2031 Sample Wire Service. All Rights Reserved.

SAMPLETOWN, March 5 (SWS) - An invented minister rejected sample claims on Wednesday.

\u{201c}These invented claims have no basis,\u{201d} she said.

Document SWSE000020310305ez3500001


Second sample headline on invented trade
88 words
6 March 2031
Sample Business Daily
SBD
English
(c) 2031 Sample Business Daily

Invented trade figures rose in a sample quarter.

Document SBDA000020310306ez3600002


Search Summary
Text sample islands
Date All dates
";

#[test]
fn factiva_export_gives_each_article_its_body_and_header() {
    let found = split(FACTIVA).expect("a Factiva export");
    assert_eq!(found.layout, Layout::Factiva);
    assert_eq!(
        texts(FACTIVA, &found),
        [
            "SAMPLETOWN, March 5 (SWS) - An invented minister rejected sample claims on \
             Wednesday.\n\n\u{201c}These invented claims have no basis,\u{201d} she said.",
            "Invented trade figures rose in a sample quarter.",
        ]
    );
    assert_eq!(
        titles(&found),
        [
            Some("Invented minister rejects sample claims"),
            Some("Second sample headline on invented trade"),
        ]
    );
    assert_eq!(found.pieces[0].byline.as_deref(), Some("By Ann Example"));
    assert_eq!(found.pieces[0].meta.date.as_deref(), Some("2031-03-05"));
    assert_eq!(
        found.pieces[0].meta.outlet.as_deref(),
        Some("Sample Wire Service")
    );
    assert_eq!(found.pieces[1].meta.date.as_deref(), Some("2031-03-06"));
}

#[test]
fn factiva_coded_layout_reads_the_fields() {
    let text = "HD\nInvented coded headline\nBY\nBo Sample\nWC\n50 words\nPD\n7 March 2031\n\
                SN\nSample Coded Times\nLA\nEnglish\nLP\nThe lead sample paragraph.\n\n\
                TD\nThe rest of the sample text.\n\nCO\nsmpl : Sample Co\nAN\n\
                Document SCTA000020310307ez3700003\n";
    let found = split(text).expect("Factiva");
    assert_eq!(
        texts(text, &found),
        ["The lead sample paragraph.\n\nTD\nThe rest of the sample text."]
    );
    let piece = &found.pieces[0];
    assert_eq!(piece.meta.title.as_deref(), Some("Invented coded headline"));
    assert_eq!(piece.meta.date.as_deref(), Some("2031-03-07"));
    assert_eq!(piece.meta.outlet.as_deref(), Some("Sample Coded Times"));
    assert_eq!(piece.byline.as_deref(), Some("Bo Sample"));
}

const PROQUEST: &str = "\
Sample search results

Document 1 of 2

Invented envoy warns of sample tensions

Author: Example, Ann

Publication info: Sample Tribune ; Sampleton [Sampleton]. 08 Mar 2031: A.3.

Abstract: A short invented abstract.

Full text: SAMPLETON - An invented envoy warned on Saturday of sample tensions.

\u{201c}We are concerned about these invented moves,\u{201d} the envoy said.

Subject: Diplomacy; Samples

Title: Invented envoy warns of sample tensions

Publication title: Sample Tribune

Publication date: Mar 8, 2031

____________________________________________________________

Document 2 of 2

Second invented ProQuest story

Full text:

Invented text of the second story.

Title: Second invented ProQuest story

Publication title: Sample Ledger

Publication date: Mar 9, 2031
";

#[test]
fn proquest_export_gives_each_article_its_full_text() {
    let found = split(PROQUEST).expect("a ProQuest export");
    assert_eq!(found.layout, Layout::ProQuest);
    assert_eq!(
        texts(PROQUEST, &found),
        [
            "SAMPLETON - An invented envoy warned on Saturday of sample tensions.\n\n\
             \u{201c}We are concerned about these invented moves,\u{201d} the envoy said.",
            "Invented text of the second story.",
        ]
    );
    assert_eq!(
        titles(&found),
        [
            Some("Invented envoy warns of sample tensions"),
            Some("Second invented ProQuest story"),
        ]
    );
    assert_eq!(
        found.pieces[0].meta.outlet.as_deref(),
        Some("Sample Tribune")
    );
    assert_eq!(found.pieces[0].meta.date.as_deref(), Some("2031-03-08"));
    assert_eq!(found.pieces[0].byline.as_deref(), Some("Example, Ann"));
    assert_eq!(found.pieces[1].meta.date.as_deref(), Some("2031-03-09"));
}

/// An invented article body of `paragraphs` prose paragraphs.
fn prose(seed: &str, paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|n| {
            format!(
                "The invented {seed} story goes on in paragraph {n}, where a sample official \
                 said that nothing in these sample lines is real or ever happened."
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn separator_lines_split_a_digest() {
    let text = format!(
        "First sample digest story\n\n{}\n\n--------------------\n\nSecond sample digest \
         story\n\n{}\n\n====================\n\nThird sample digest story\n\n{}\n",
        prose("first", 3),
        prose("second", 3),
        prose("third", 2)
    );
    let found = split(&text).expect("separators");
    assert_eq!(found.layout, Layout::Separators);
    let got = texts(&text, &found);
    assert_eq!(got.len(), 3);
    assert!(got[1].starts_with("Second sample digest story"));
    assert!(got[2].ends_with("ever happened."));
}

#[test]
fn a_short_note_after_a_separator_stays_with_its_article() {
    let text = format!(
        "Sample headline\n\n{}\n\n----------------------\n\nSample note: corrected on \
         a sample date.\n",
        prose("only", 4)
    );
    assert_eq!(split(&text), None);
}

#[test]
fn a_markdown_heading_underline_is_not_a_separator() {
    let text = format!(
        "Sample Report\n==============\n\n{}\n\nSample Section\n--------------\n\n{}\n",
        prose("report", 3),
        prose("section", 3)
    );
    assert_eq!(split(&text), None);
}

#[test]
fn headlines_with_datelines_split_joined_articles() {
    let text = format!(
        "Sample Leaders Meet In Invented Capital\n\nSAMPLETOWN (Sample Wire) \u{2014} {}\n\n\
         Invented ministers trade sample words\n\nBy Ann Example\n\n{}\n\n\
         A third invented story about nothing\n\nPublished March 4, 2031\n\n{}\n",
        prose("first", 3),
        prose("second", 3),
        prose("third", 3)
    );
    let found = split(&text).expect("joined");
    assert_eq!(found.layout, Layout::Joined);
    let got = texts(&text, &found);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(got[1].starts_with("Invented ministers trade sample words"));
    assert!(got[2].starts_with("A third invented story about nothing"));
}

#[test]
fn a_title_case_headline_keeps_its_subtitle() {
    let text = format!(
        "Sample Opening Story\n\nSAMPLETOWN \u{2014} {}\n\nInvented Talks End In Sample \
         Deadlock\n\nNegotiators say they will meet again next month.\n\n\
         SAMPLEVILLE \u{2014} {}\n",
        prose("first", 3),
        prose("second", 3)
    );
    let found = split(&text).expect("joined");
    assert!(texts(&text, &found)[1].starts_with("Invented Talks End In Sample Deadlock"));
}

#[test]
fn labelled_headings_and_front_matter_open_joined_articles() {
    let text = format!(
        "## 1. Sample digest headline one\n**Source:** Sample Times\n**Published:** \
         2031-01-02T03:04:05Z\n\n{}\n\n## 2. Sample digest headline two\n**Source:** Sample \
         Post\n**Published:** 2031-01-03T03:04:05Z\n\n{}\n\n---\ntitle: Sample front matter \
         story\ndate: '2031-01-04'\n---\n\n{}\n",
        prose("one", 2),
        prose("two", 2),
        prose("three", 2)
    );
    let found = split(&text).expect("joined");
    let got = texts(&text, &found);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(got[1].starts_with("## 2. Sample digest headline two"));
    assert!(got[2].starts_with("---\ntitle: Sample front matter story"));
}

#[test]
fn the_same_article_saved_three_times_gives_three() {
    let one = format!(
        "Saturday, January 5, 2031\nSample capture header line\n\n{}\n",
        prose("copy", 4)
    );
    // The second copy follows the first without a blank line, as when files are concatenated.
    let text = format!("{one}{one}\n{one}");
    let found = split(&text).expect("repeated");
    assert_eq!(found.pieces.len(), 3);
    let got = texts(&text, &found);
    assert_eq!(got[0], got[2]);
}

#[test]
fn one_article_with_subheadings_and_short_paragraphs_stays_whole() {
    let text = format!(
        "Sample Headline About An Invented Summit\n\nBy Ann Example\n\nSAMPLETOWN \u{2014} {}\n\n\
         The Sample Road Ahead\n\n{}\n\nWhat Comes Next For The Samples\n\nMarch 4, 2031\n\n{}\n\n\
         * * *\n\nRead more.\n\n{}\n",
        prose("a", 2),
        prose("b", 2),
        prose("c", 2),
        prose("d", 1)
    );
    assert_eq!(split(&text), None);
}

#[test]
fn plain_single_articles_are_not_split() {
    for text in [
        "Sample headline\n\nMarch 4, 2031\n\nSample body.\n",
        "Q: A sample question?\n\nA: A sample answer.\n",
        "",
        "End of Document\n",
        "Document 1 of 2\n\nNo labels here.\n",
    ] {
        assert_eq!(split(text), None, "{text:?}");
    }
}

#[test]
fn headlines_over_their_ledes_split_plain_joined_articles() {
    // No dateline, byline or separator: a Title Case headline names someone its lede names;
    // a sentence-case one, in the present tense, two.
    for (head, lede) in [
        (
            "Sample Farmers Cheer As Ilvania Lifts Grain Duties",
            "Farmers across Ilvania welcomed the end of the sample duties on grain on Tuesday, \
             which they said had weighed on their prices for years.",
        ),
        (
            "Ilvania lifts grain duties as Varga courts sample farmers",
            "Farmers across Ilvania welcomed the end of the sample duties on Tuesday, and \
             Minister Aldo Varga promised more help for them.",
        ),
    ] {
        let text = format!(
            "Minister Aldo Varga Rejects Invented Port Deal Offer.\n\nMinister Aldo Varga \
             turned down the invented offer for the sample port on Monday, saying the terms \
             were unfair.\n\n{}\n\n{head}\n\n{lede}\n\n{}\n",
            prose("port", 4),
            prose("grain", 3)
        );
        let found = split(&text).expect("joined");
        let got = texts(&text, &found);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[1].starts_with(head));
    }
}

#[test]
fn a_subheading_over_a_continuing_paragraph_stays_in_its_article() {
    // Title Case subheadings inside one article: the paragraph under the first carries on
    // ("But ..."), the second names nothing of its paragraph, the third is too short, and
    // the fourth comes before the article holds a whole article's prose.
    let text = format!(
        "Invented Summit Ends Without A Sample Deal\n\n{}\n\nWhat Minister Aldo Varga Wants \
         From Ilvania\n\nBut the minister said on Monday that the invented talks would go on \
         for as long as the sample partners wanted them to.\n\n{}\n\nA Long Road Ahead For The \
         Sample Negotiators\n\nThe invented negotiators have met eleven times since the spring \
         and expect to meet again before the end of the sample year.\n\n{}\n\nIlvania Waits\n\n\
         Ilvania has waited for the invented deal since the sample talks began, and its \
         ministers say they will keep waiting.\n\n{}\n",
        prose("a", 4),
        prose("b", 4),
        prose("c", 4),
        prose("d", 2)
    );
    assert_eq!(split(&text), None);
    let early = format!(
        "Invented Summit Ends Without A Sample Deal\n\n{}\n\nMinister Aldo Varga Speaks To The \
         Sample Press\n\nMinister Aldo Varga told the invented reporters that the sample talks \
         would go on for as long as the partners wanted.\n\n{}\n",
        prose("a", 2),
        prose("b", 3)
    );
    assert_eq!(split(&early), None);
}

#[test]
fn one_sentence_paragraphs_of_running_text_are_no_headlines() {
    // One-sentence paragraphs of running text stay in their article: a narrating past
    // ("Varga rejected ..."), a continuing opener ("This ...") and a single shared name.
    for line in [
        "Varga rejected the sample offer from Ilvania on Monday morning",
        "This decision by Varga has worried the sample farmers of Ilvania",
        "Ilvania waits as the sample talks with the port owners go on",
    ] {
        let text = format!(
            "Invented Summit Ends Without A Sample Deal\n\n{}\n\n{line}.\n\nFarmers across \
             Ilvania welcomed the news on Tuesday, and Minister Aldo Varga promised more help \
             for them.\n\n{}\n",
            prose("a", 4),
            prose("b", 3)
        );
        assert_eq!(split(&text), None, "{line}");
    }
}

#[test]
fn a_short_lede_and_a_closing_single_quote_still_split_joined_articles() {
    // The lede under the second headline has 17 words (as long as a headline may be, but in
    // sentence case), and the article before it ends on a straight single quote.
    let text = format!(
        "Minister Aldo Varga Rejects Invented Port Deal Offer.\n\nMinister Aldo Varga \
         turned down the invented offer for the sample port on Monday, saying the terms \
         were unfair.\n\n{}\n\nThe minister called the sample terms 'a small insult to \
         every farmer and every dock worker in the invented land.'\n\nSample Farmers Cheer \
         As Ilvania Lifts Grain Duties\n\nFarmers across Ilvania welcomed the end of the \
         sample duties on grain on a quiet Tuesday.\n\n{}\n",
        prose("port", 4),
        prose("grain", 3)
    );
    let found = split(&text).expect("joined");
    let got = texts(&text, &found);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[1].starts_with("Sample Farmers Cheer"));
}

#[test]
fn a_story_opening_on_its_dateline_without_a_headline_starts_an_article() {
    for dateline in ["SAMPLETOWN —", "SAMPLETOWN, Ilvania (Wire) —"] {
        let text = format!(
            "Minister Aldo Varga Rejects Invented Port Deal Offer\n\n{}\n\n{dateline} Farmers \
             across Ilvania welcomed the end of the sample duties on grain on Tuesday, which \
             they said had weighed on their prices for years.\n\n{}\n",
            prose("port", 4),
            prose("grain", 3)
        );
        let found = split(&text).expect("joined");
        let got = texts(&text, &found);
        assert_eq!(got.len(), 2, "{dateline}: {got:#?}");
        assert!(got[1].starts_with(dateline));
    }
    // A run-in section heading in capitals inside one article is no dateline.
    let text = format!(
        "Minister Aldo Varga Rejects Invented Port Deal Offer\n\n{}\n\nNEW SAMPLE RULES — The \
         invented rules for the sample port take effect in the spring, the minister said on \
         Monday.\n\n{}\n",
        prose("port", 4),
        prose("rules", 3)
    );
    assert_eq!(split(&text), None);
}
