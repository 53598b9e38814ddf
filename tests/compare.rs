//! Integration tests of the comparison engine and its writers, on texts written for these tests.

use std::collections::BTreeSet;
use std::time::Duration;

use demarche::compare::{
    Alias, ChangeOp, CompareOptions, Comparison, NearDuplicateIndex, Pin, collate, compare_texts,
    compare_texts_with_pins, pair_by_similarity, split_sentences,
};
use demarche::export::comparison::{ReportMeta, SideMeta, comparison_html, comparison_json};
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/compare/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// Every non-equal change of the comparison as (op, text).
fn edits(c: &Comparison) -> Vec<(ChangeOp, String)> {
    c.rows
        .iter()
        .flat_map(|r| &r.changes)
        .filter(|ch| ch.op != ChangeOp::Equal)
        .map(|ch| (ch.op, ch.text.clone()))
        .collect()
}

#[test]
fn corrected_reissue_shows_only_the_corrections() {
    let original = fixture("briefing_original.txt");
    let corrected = fixture("briefing_corrected.txt");
    let c = compare_texts(&original, &corrected, &CompareOptions::default());
    assert!(!c.approximate);
    assert_eq!(c.coverage.left.matched, c.coverage.left.total);
    assert_eq!(c.coverage.right.matched, c.coverage.right.total);
    assert!(c.rows.iter().all(|r| !r.moved));
    let expected = vec![
        (ChangeOp::Insert, "CORRECTED".to_owned()),
        (ChangeOp::Delete, "CEST".to_owned()),
        (ChangeOp::Insert, "CET".to_owned()),
        (ChangeOp::Delete, "crisis".to_owned()),
        (ChangeOp::Insert, "crises".to_owned()),
        (ChangeOp::Delete, "CEST".to_owned()),
        (ChangeOp::Insert, "CET".to_owned()),
    ];
    // The reflowed lines and the dash typography are ignored by default.
    assert_eq!(edits(&c), expected);

    // Counting white space and punctuation, the added space before the dash shows too.
    let strict = CompareOptions {
        ignore_punctuation: false,
        ignore_whitespace: false,
        ..CompareOptions::default()
    };
    let c = compare_texts(&original, &corrected, &strict);
    let strict_edits = edits(&c);
    assert!(strict_edits.contains(&(ChangeOp::Insert, " ".to_owned())));
    assert!(strict_edits.contains(&(ChangeOp::Insert, "CORRECTED: ".to_owned())));
    assert_eq!(strict_edits.len(), expected.len() + 1);
}

#[test]
fn standard_formulation_across_two_dates() {
    let june = fixture("formula_june.txt");
    let july = fixture("formula_july.txt");
    let c = compare_texts(&june, &july, &CompareOptions::default());
    let formula = c
        .shared_phrases
        .iter()
        .find(|p| {
            p.text
                .contains("affiliated islets are China's inherent territory")
        })
        .expect("the formula is a shared phrase");
    assert_eq!(formula.left.len(), 1);
    assert_eq!(formula.right.len(), 1);
    let right_text = &formula.right[0].text;
    assert_eq!(
        july.chars()
            .skip(formula.right[0].start)
            .take(formula.right[0].end - formula.right[0].start)
            .collect::<String>(),
        *right_text
    );
    assert!(
        c.shared_phrases
            .iter()
            .any(|p| p.text == "We urge the other side")
    );
    assert!(
        c.shared_phrases
            .iter()
            .any(|p| p.text == "stop making trouble")
    );
    // The trade sentence changed place.
    let trade = c
        .rows
        .iter()
        .find(|r| {
            r.left
                .as_ref()
                .is_some_and(|l| l.text.starts_with("On trade"))
        })
        .expect("trade row");
    assert!(trade.moved);
    assert!(
        trade
            .right
            .as_ref()
            .is_some_and(|r| r.text.starts_with("On trade"))
    );
    let ops: Vec<_> = trade
        .changes
        .iter()
        .filter(|ch| ch.op != ChangeOp::Equal)
        .map(|ch| ch.text.as_str())
        .collect();
    assert_eq!(ops, ["she", "the spokesperson", "contact", "communication"]);
    assert!(c.coverage.left.matched < c.coverage.left.total);
}

#[test]
fn moved_sentence_is_marked_and_placed_at_its_left_position() {
    let left = "The talks opened in Geneva. Both delegations praised the hosts. \
                Fishing quotas were the hardest topic. A new round is planned for May.";
    let right = "The talks opened in Geneva. Fishing quotas were the hardest topic. \
                 A new round is planned for May. Both delegations praised their hosts.";
    let c = compare_texts(left, right, &CompareOptions::default());
    assert_eq!(c.rows.len(), 4);
    let moved: Vec<_> = c.rows.iter().filter(|r| r.moved).collect();
    assert_eq!(moved.len(), 1);
    let row = moved[0];
    assert_eq!(
        row.left.as_ref().map(|s| s.text.as_str()),
        Some("Both delegations praised the hosts.")
    );
    assert_eq!(
        row.right.as_ref().map(|s| s.text.as_str()),
        Some("Both delegations praised their hosts.")
    );
    assert!(row.similarity > 0.7 && row.similarity < 1.0);
    assert_eq!(c.coverage.left.matched, 4);
    assert_eq!(c.coverage.right.matched, 4);
}

#[test]
fn pins_force_a_pair() {
    let left = "Alpha talks went well. Beta issues remain.";
    let right = "Gamma was discussed. Alpha talks went well.";
    let c = compare_texts_with_pins(
        left,
        right,
        &CompareOptions::default(),
        &[Pin { left: 1, right: 0 }],
    );
    let pinned = c
        .rows
        .iter()
        .find(|r| r.left_sentences == (1..2))
        .expect("pinned row");
    assert_eq!(pinned.right_sentences, 0..1);
    let alpha = c
        .rows
        .iter()
        .find(|r| r.left_sentences == (0..1))
        .expect("alpha row");
    assert_eq!(alpha.right_sentences, 1..2);
    assert!(alpha.moved);
}

#[test]
fn chinese_is_diffed_by_character() {
    let c = compare_texts(
        "和平岛及其附属岛屿是我国固有领土。",
        "和平岛及其附属岛屿自古以来就是我国固有领土。",
        &CompareOptions::default(),
    );
    assert_eq!(c.rows.len(), 1);
    let changes: Vec<_> = c.rows[0]
        .changes
        .iter()
        .map(|ch| (ch.op, ch.text.as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            (ChangeOp::Equal, "和平岛及其附属岛屿"),
            (ChangeOp::Insert, "自古以来就"),
            (ChangeOp::Equal, "是我国固有领土。"),
        ]
    );
    assert!(c.shared_phrases.iter().any(|p| p.text == "是我国固有领土"));
}

#[test]
fn aliases_compare_equal_but_show_as_written() {
    let options = CompareOptions {
        aliases: vec![
            Alias::new("Diaoyu Dao", "Senkaku Islands"),
            Alias::new("PRC", "China"),
        ],
        ..CompareOptions::default()
    };
    let left = "Officials of the PRC say the Diaoyu Dao belong to it.";
    let right = "Officials of the China say the Senkaku Islands belong to it.";
    let c = compare_texts(left, right, &options);
    assert_eq!(c.rows.len(), 1);
    let row = &c.rows[0];
    assert!((row.similarity - 1.0).abs() < f32::EPSILON);
    assert!(row.changes.iter().all(|ch| ch.op == ChangeOp::Equal));
    let shown_left: String = row.changes.iter().map(|ch| ch.text.as_str()).collect();
    assert_eq!(shown_left, left);
    let shown_right: String = row
        .changes
        .iter()
        .filter_map(|ch| ch.right_range)
        .map(|s| s.slice(right))
        .collect();
    assert_eq!(shown_right, right);
    // Without the aliases they differ.
    let plain = compare_texts(left, right, &CompareOptions::default());
    assert!(plain.rows[0].similarity < 0.9);
}

/// Deterministic filler text from a small word list (linear congruential generator).
fn filler(seed: u64, words: usize, period_every: usize) -> String {
    const WORDS: [&str; 24] = [
        "trade",
        "border",
        "talks",
        "minister",
        "sanctions",
        "island",
        "coast",
        "guard",
        "treaty",
        "energy",
        "pipeline",
        "summit",
        "delegation",
        "we",
        "urge",
        "the",
        "side",
        "to",
        "respect",
        "sovereignty",
        "and",
        "of",
        "peace",
        "region",
    ];
    let mut state = seed;
    let mut out = String::new();
    for i in 0..words {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let word = WORDS[((state >> 33) % WORDS.len() as u64) as usize];
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        if period_every > 0 && i % period_every == period_every - 1 {
            out.push('.');
        }
    }
    out
}

#[test]
fn tiny_time_limit_on_big_input_is_flagged_approximate() {
    let left = filler(1, 20_000, 0);
    let right = filler(2, 20_000, 0);
    let options = CompareOptions {
        time_limit: Duration::from_nanos(1),
        ..CompareOptions::default()
    };
    let c = compare_texts(&left, &right, &options);
    assert!(c.approximate);
    let relaxed = compare_texts("A short text.", "A short text!", &options);
    assert!(!relaxed.approximate, "no changes, nothing approximate");
}

#[test]
fn sentence_splitter_cases() {
    let text = "Mr. Lee arrived in the U.S. on Feb. 3. He met Dr. A. B. Kowalski. \
                “It went well.” Then he left!\n\nNext paragraph\n外交部表示反对。双方应克制！";
    let got: Vec<&str> = split_sentences(text)
        .iter()
        .map(|s| s.slice(text))
        .collect();
    assert_eq!(
        got,
        [
            "Mr. Lee arrived in the U.S. on Feb. 3.",
            "He met Dr. A. B. Kowalski.",
            "“It went well.”",
            "Then he left!",
            "Next paragraph",
            "外交部表示反对。",
            "双方应克制！",
        ]
    );
}

#[test]
fn near_duplicates_and_group_pairing_and_collation() {
    let statements = [
        (
            10u32,
            "We firmly oppose the so-called sanctions and will respond resolutely.",
        ),
        (11, "The minister said the summit was a success."),
        (
            12,
            "\"We firmly oppose the so-called sanctions,\" the spokesman said.",
        ),
    ];
    let index = NearDuplicateIndex::new(statements.iter().map(|(k, t)| (*k, *t)));
    assert_eq!(index.len(), 3);
    let hits = index.query("we firmly oppose the so-called sanctions", 5);
    let keys: BTreeSet<u32> = hits.iter().map(|(k, _)| *k).collect();
    assert_eq!(keys, BTreeSet::from([10, 12]));

    let left = [
        ("l1", "We oppose the sanctions on our firms."),
        ("l2", "Fisheries talks resume."),
    ];
    let right = [("r1", "The sanctions on firms are lawful.")];
    let pairing = pair_by_similarity(&left, &right, 0.3);
    assert_eq!(pairing.pairs.len(), 1);
    assert_eq!(pairing.left_unpaired, ["l2"]);

    let base = "The islands are our inherent territory.";
    let versions = [
        "The islands are our inherent territory.",
        "The islands have always been our territory.",
    ];
    let table = collate(base, &versions, &CompareOptions::default());
    assert_eq!(table.len(), 2);
    assert!((table[0].rows[0].similarity - 1.0).abs() < f32::EPSILON);
    assert!(table[1].rows[0].similarity < 1.0);
}

#[test]
fn json_has_the_documented_shape() {
    let c = compare_texts(
        "One. Two here.",
        "Two here. Three.",
        &CompareOptions::default(),
    );
    let json: serde_json::Value = serde_json::from_str(&comparison_json(&c)).expect("json");
    let keys: BTreeSet<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        BTreeSet::from([
            "rows",
            "shared_phrases",
            "coverage",
            "approximate",
            "summary"
        ])
    );
    for row in json["rows"].as_array().expect("rows") {
        let keys: BTreeSet<&str> = row
            .as_object()
            .expect("row")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            BTreeSet::from(["left", "right", "similarity", "moved", "changes", "shifts"])
        );
        for side in ["left", "right"] {
            let v = &row[side];
            assert!(
                v.is_null() || (v["start"].is_u64() && v["end"].is_u64() && v["text"].is_string())
            );
        }
        for change in row["changes"].as_array().expect("changes") {
            let keys: BTreeSet<&str> = change
                .as_object()
                .expect("change")
                .keys()
                .map(String::as_str)
                .collect();
            assert!(keys.contains("op") && keys.contains("text"));
            assert!(keys.is_subset(&BTreeSet::from(["op", "text", "right_text"])));
            assert!(["equal", "delete", "insert"].contains(&change["op"].as_str().unwrap_or("")));
        }
    }
    let html = comparison_html(
        &c,
        &ReportMeta {
            left: SideMeta {
                outlet: "Ministry".into(),
                ..SideMeta::default()
            },
            right: SideMeta::default(),
        },
    );
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Ministry"));
}

/// Sentences from a small pool, so texts share, repeat and reorder sentences.
fn text_strategy() -> impl Strategy<Value = String> {
    let pool = prop::sample::select(vec![
        "We oppose the sanctions.",
        "The talks were constructive.",
        "Mr. Ito visited the U.S. on Jan. 5.",
        "The islands are our inherent territory.",
        "We urge the other side to show restraint!",
        "Trade rose by 3.5 per cent.",
        "Why now?",
        "外交部表示坚决反对。",
        "No comment",
    ]);
    prop::collection::vec((pool, prop::bool::ANY), 0..12).prop_map(|parts| {
        let mut out = String::new();
        for (sentence, paragraph) in parts {
            if !out.is_empty() {
                out.push_str(if paragraph { "\n\n" } else { " " });
            }
            out.push_str(sentence);
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn rows_cover_every_sentence_once_in_order(left in text_strategy(), right in text_strategy()) {
        let c = compare_texts(&left, &right, &CompareOptions::default());
        let mut seen_left = Vec::new();
        let mut seen_right = Vec::new();
        let mut ordered_right = Vec::new();
        for row in &c.rows {
            seen_left.extend(row.left_sentences.clone());
            seen_right.extend(row.right_sentences.clone());
            if !row.moved {
                ordered_right.extend(row.right_sentences.clone());
            }
            prop_assert_eq!(row.left.is_some(), !row.left_sentences.is_empty());
            prop_assert_eq!(row.right.is_some(), !row.right_sentences.is_empty());
            // The changes of each side tile its text exactly.
            if let Some(l) = &row.left {
                let shown: String = row.changes.iter().filter_map(|ch| ch.left_range).map(|s| s.slice(&left)).collect();
                prop_assert_eq!(&shown, &l.text);
            }
            if let Some(r) = &row.right {
                let shown: String = row.changes.iter().filter_map(|ch| ch.right_range).map(|s| s.slice(&right)).collect();
                prop_assert_eq!(&shown, &r.text);
            }
            prop_assert!((0.0..=1.0).contains(&row.similarity));
        }
        // Left side: every sentence once, in order (moved rows sit at their left position).
        prop_assert_eq!(seen_left, (0..split_sentences(&left).len()).collect::<Vec<_>>());
        let mut sorted_right = seen_right.clone();
        sorted_right.sort_unstable();
        prop_assert_eq!(sorted_right, (0..split_sentences(&right).len()).collect::<Vec<_>>());
        prop_assert!(ordered_right.windows(2).all(|w| w[0] < w[1]));
    }
}

#[test]
fn character_granularity_on_latin_text() {
    let options = CompareOptions {
        granularity: demarche::compare::Granularity::Char,
        ..CompareOptions::default()
    };
    let c = compare_texts("The colour of peace.", "The color of Peace.", &options);
    let changes: Vec<_> = c.rows[0]
        .changes
        .iter()
        .map(|ch| (ch.op, ch.text.as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            (ChangeOp::Equal, "The colo"),
            (ChangeOp::Delete, "u"),
            (ChangeOp::Equal, "r of peace."),
        ]
    );
}
