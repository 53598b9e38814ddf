//! Integration tests of the comparison engine and its writers, on texts written for these tests.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use demarche::article::{ArticleId, load_file};
use demarche::compare::{
    Alias, Cancelled, ChangeOp, CompareControl, CompareOptions, CompareProgress, CompareStage,
    Comparison, Granularity, NearDuplicateIndex, Pin, ShiftKind, SummaryUnit, collate,
    compare_texts, compare_texts_controlled, compare_texts_with_pins, effective_granularity,
    pair_by_similarity, split_sentences,
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
fn tiny_time_limit_on_big_input_is_flagged_approximate_and_still_exact() {
    let left = filler(1, 20_000, 0);
    let right = filler(2, 20_000, 0);
    let options = CompareOptions {
        time_limit: Duration::from_nanos(1),
        ..CompareOptions::default()
    };
    let c = compare_texts(&left, &right, &options);
    assert!(c.approximate);
    assert_rebuilds(&c, &left, &right);
    let relaxed = compare_texts("A short text.", "A short text!", &CompareOptions::default());
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

// ---------------------------------------------------------------------------------------
// Exact changes: the changes rebuild both texts, per row and overall.

/// Both texts rebuilt from the comparison's JSON as a consumer sees it: `equal` and
/// `delete` texts of the rows in order give the left text; `equal` (its `right_text` when
/// present) and `insert` texts of the rows in right order give the right text.
fn rebuild_from_json(json: &serde_json::Value) -> (String, String) {
    let rows = json["rows"].as_array().expect("rows");
    let text = |change: &serde_json::Value, key: &str| -> String {
        change
            .get(key)
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned)
            .unwrap_or_default()
    };
    let mut left = String::new();
    for row in rows {
        for change in row["changes"].as_array().expect("changes") {
            if change["op"] != "insert" {
                left.push_str(&text(change, "text"));
            }
        }
    }
    let mut by_right: Vec<&serde_json::Value> =
        rows.iter().filter(|r| !r["right"].is_null()).collect();
    by_right.sort_by_key(|r| r["right"]["start"].as_u64());
    let mut right = String::new();
    for row in by_right {
        for change in row["changes"].as_array().expect("changes") {
            match change["op"].as_str() {
                Some("insert") => right.push_str(&text(change, "text")),
                Some("equal") => {
                    if change.get("right_text").is_some() {
                        right.push_str(&text(change, "right_text"));
                    } else {
                        right.push_str(&text(change, "text"));
                    }
                }
                _ => {}
            }
        }
    }
    (left, right)
}

/// Checks the rebuild contract on the JSON and on each row's byte ranges.
fn assert_rebuilds(c: &Comparison, left: &str, right: &str) {
    let json: serde_json::Value = serde_json::from_str(&comparison_json(c)).expect("json");
    let (l, r) = rebuild_from_json(&json);
    assert_eq!(l, left, "left text rebuilt from JSON");
    assert_eq!(r, right, "right text rebuilt from JSON");
    for row in &c.rows {
        let shown = |pick: fn(&demarche::compare::Change) -> Option<demarche::text::Span>,
                     text: &str| {
            row.changes
                .iter()
                .filter_map(pick)
                .map(|s| s.slice(text))
                .collect::<String>()
        };
        if let Some(l) = &row.left {
            assert_eq!(shown(|c| c.left_range, left).trim(), l.text.trim());
        }
        if let Some(r) = &row.right {
            assert_eq!(shown(|c| c.right_range, right).trim(), r.text.trim());
        }
        for change in &row.changes {
            let expected = match change.op {
                ChangeOp::Insert => change.right_range.map(|s| s.slice(right)),
                _ => Some(change.left_range.map_or("", |s| s.slice(left))),
            };
            assert_eq!(Some(change.text.as_str()), expected);
        }
    }
}

#[test]
fn an_inserted_word_before_a_corrected_noun_is_shown() {
    // The shape of a transcript correction: "a number treaty of" became "a number of
    // treaties of". The inserted "of" must show, and both sentences must rebuild.
    let left = "The envoys have signed a number treaty of this kind, and I expect more.";
    let right = "The envoys have signed a number of treaties of this kind, and I expect\nmore.";
    let c = compare_texts(left, right, &CompareOptions::default());
    assert_eq!(
        edits(&c),
        [
            (ChangeOp::Delete, "treaty".to_owned()),
            (ChangeOp::Insert, "of treaties".to_owned()),
        ]
    );
    assert_rebuilds(&c, left, right);
    let json: serde_json::Value = serde_json::from_str(&comparison_json(&c)).expect("json");
    let last = &json["rows"][0]["changes"][3];
    assert_eq!(last["op"], "equal");
    assert!(
        last["right_text"]
            .as_str()
            .is_some_and(|t| t.contains('\n'))
    );
}

#[test]
fn ignored_differences_are_equal_but_keep_each_sides_text() {
    let left = "  The MINISTER said: “we will act.”\n\nNothing more.";
    let right = "The minister said -- 'We will act' Nothing   more!!";
    for granularity in [Granularity::Word, Granularity::Char] {
        let options = CompareOptions {
            granularity,
            ..CompareOptions::default()
        };
        let c = compare_texts(left, right, &options);
        assert!(
            c.rows
                .iter()
                .flat_map(|r| &r.changes)
                .all(|ch| ch.op == ChangeOp::Equal)
        );
        assert_rebuilds(&c, left, right);
    }
    let strict = CompareOptions {
        ignore_case: false,
        ignore_punctuation: false,
        ignore_whitespace: false,
        ..CompareOptions::default()
    };
    let c = compare_texts(left, right, &strict);
    assert!(!edits(&c).is_empty());
    assert_rebuilds(&c, left, right);
}

#[test]
fn white_space_only_and_empty_texts_rebuild() {
    for (left, right) in [("", ""), ("   \n", ""), ("", "\n\n  "), ("  ", "A word.")] {
        let c = compare_texts(left, right, &CompareOptions::default());
        assert_rebuilds(&c, left, right);
    }
}

#[test]
fn characters_mode_refines_inside_word_pairs_and_never_repairs_sentences() {
    let left = "The colour of peace is white. Harbour talks resumed on Monday. Fishing quotas \
                were cut.";
    let right = "The color of peace is white. Sanctions were lifted. Harbor talks resumed on \
                 Monday.";
    let words = compare_texts(left, right, &CompareOptions::default());
    let chars = compare_texts(
        left,
        right,
        &CompareOptions {
            granularity: Granularity::Char,
            ..CompareOptions::default()
        },
    );
    let pairing = |c: &Comparison| -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
        c.rows
            .iter()
            .map(|r| (r.left_sentences.clone(), r.right_sentences.clone()))
            .collect()
    };
    assert_eq!(pairing(&words), pairing(&chars));
    // "colour" -> "color" is refined to the one letter; unrelated sentences are not paired.
    assert!(edits(&chars).contains(&(ChangeOp::Delete, "u".to_owned())));
    assert!(
        chars
            .rows
            .iter()
            .all(|r| r.left.is_none() || r.right.is_none() || r.similarity > 0.5)
    );
    assert_eq!(chars.summary.unit, SummaryUnit::Characters);
    assert_eq!(words.summary.unit, SummaryUnit::Words);
    assert!(chars.summary.to_string().contains("character"));
    assert_rebuilds(&chars, left, right);
    // Unlike words stay whole words in character mode: no letter soup.
    let c = compare_texts(
        "We firmly oppose it.",
        "We strongly oppose it.",
        &CompareOptions {
            granularity: Granularity::Char,
            ..CompareOptions::default()
        },
    );
    assert_eq!(
        edits(&c),
        [
            (ChangeOp::Delete, "firmly".to_owned()),
            (ChangeOp::Insert, "strongly".to_owned())
        ]
    );
}

#[test]
fn chinese_defaults_to_characters() {
    let left = "中方坚决反对这一决定。";
    let right = "中方反对这一决定。";
    assert_eq!(
        effective_granularity(left, right, &CompareOptions::default()),
        Granularity::Char
    );
    let c = compare_texts(left, right, &CompareOptions::default());
    assert_eq!(c.summary.unit, SummaryUnit::Characters);
    assert_eq!(c.summary.deleted, 2);
    assert_rebuilds(&c, left, right);
}

#[test]
fn cancel_and_progress() {
    let left = filler(3, 1_500, 12);
    let right = filler(4, 1_500, 12);
    let cancel = AtomicBool::new(true);
    let result = compare_texts_controlled(
        &left,
        &right,
        &CompareOptions::default(),
        &[],
        CompareControl {
            cancel: Some(&cancel),
            progress: None,
        },
    );
    assert_eq!(result, Err(Cancelled));
    let stages = RefCell::new(BTreeSet::new());
    let report = |p: CompareProgress| {
        assert!(p.done <= p.total);
        stages.borrow_mut().insert(p.stage);
    };
    cancel.store(false, Ordering::Relaxed);
    let c = compare_texts_controlled(
        &left,
        &right,
        &CompareOptions {
            time_limit: Duration::from_secs(120),
            ..CompareOptions::default()
        },
        &[],
        CompareControl {
            cancel: Some(&cancel),
            progress: Some(&report),
        },
    )
    .expect("not cancelled");
    assert_rebuilds(&c, &left, &right);
    let stages = stages.into_inner();
    for stage in [
        CompareStage::Reading,
        CompareStage::Aligning,
        CompareStage::Diffing,
        CompareStage::Phrases,
    ] {
        assert!(stages.contains(&stage), "{stage:?} reported");
    }
}

/// Dev-corpus files (decoded as Demarche reads them), when the corpus is present.
fn corpus() -> &'static [(String, String)] {
    static TEXTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut paths: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .enumerate()
            .filter_map(|(i, path)| {
                let article = load_file(&path, ArticleId(u32::try_from(i).unwrap_or(0))).ok()?;
                let name = path.file_name()?.to_string_lossy().into_owned();
                Some((name, article.text))
            })
            .collect()
    })
}

/// Normalised sentences of at least six words, to find files that share sentences.
fn long_sentences(text: &str) -> BTreeSet<String> {
    split_sentences(text)
        .iter()
        .map(|s| {
            s.slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|s| s.split(' ').count() >= 6)
        .collect()
}

#[test]
fn every_corpus_pair_that_shares_sentences_rebuilds_exactly() {
    let texts = corpus();
    if texts.is_empty() {
        return;
    }
    let sentences: Vec<BTreeSet<String>> = texts.iter().map(|(_, t)| long_sentences(t)).collect();
    let mut compared = 0;
    let mut correction_seen = false;
    for a in 0..texts.len() {
        for b in a + 1..texts.len() {
            if sentences[a].intersection(&sentences[b]).next().is_none() {
                continue;
            }
            let (left, right) = (&texts[a].1, &texts[b].1);
            let c = compare_texts(left, right, &CompareOptions::default());
            assert_rebuilds(&c, left, right);
            compared += 1;
            if texts[b].0.contains("corrected")
                && texts[b].0.starts_with(texts[a].0.trim_end_matches(".txt"))
            {
                // The corrected reissue adds an "of" before a corrected noun: it must show.
                correction_seen = c.rows.iter().flat_map(|r| &r.changes).any(|ch| {
                    ch.op == ChangeOp::Insert && ch.text.split_whitespace().any(|w| w == "of")
                });
            }
        }
    }
    assert!(
        compared >= 5,
        "only {compared} corpus pairs share sentences"
    );
    assert!(
        correction_seen,
        "the inserted 'of' of the corrected reissue is shown"
    );
}

/// Characters that stress normalisation: quotes, dashes, wide forms, combining marks,
/// Chinese, white space of every kind.
fn messy_text() -> impl Strategy<Value = String> {
    prop::string::string_regex(
        "([a-zA-Z]{1,8}|[0-9]{1,3}|[ \\n\\t]|\\u{00A0}|[.,;:!?'\"()\\-]|[“”‘’—–…]|[é]|e\\u{0301}|[ＡＢ１]|[中国反对坚决关切]|[。！？，]|Mr\\.|U\\.S\\.){0,60}",
    )
    .expect("valid regex")
}

/// A variant of `text`: some words dropped, some changed, some inserted.
fn edited(text: &str, edits: &[(usize, u8)]) -> String {
    let mut words: Vec<String> = text.split(' ').map(str::to_owned).collect();
    for &(at, kind) in edits {
        if words.is_empty() {
            words.push("new".to_owned());
            continue;
        }
        let at = at % words.len();
        match kind % 4 {
            0 => {
                words.remove(at);
            }
            1 => words[at] = format!("{}x", words[at]),
            2 => words.insert(at, "of".to_owned()),
            _ => words[at] = words[at].to_uppercase(),
        }
    }
    words.join(" ")
}

fn options_strategy() -> impl Strategy<Value = CompareOptions> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(case, punctuation, space, chars, alias)| CompareOptions {
            ignore_case: case,
            ignore_punctuation: punctuation,
            ignore_whitespace: space,
            granularity: if chars {
                Granularity::Char
            } else {
                Granularity::Word
            },
            aliases: if alias {
                vec![Alias::new("Diaoyu Dao", "Senkaku Islands")]
            } else {
                Vec::new()
            },
            ..CompareOptions::default()
        })
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
        "The Diaoyu Dao are ours, we firmly believe.",
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

fn check_rows_cover_sentences(
    c: &Comparison,
    left: &str,
    right: &str,
) -> Result<(), TestCaseError> {
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
        prop_assert!((0.0..=1.0).contains(&row.similarity));
    }
    let count = |text: &str| {
        let n = split_sentences(text).len();
        if n == 0 && !text.is_empty() { 1 } else { n }
    };
    prop_assert_eq!(seen_left, (0..count(left)).collect::<Vec<_>>());
    seen_right.sort_unstable();
    prop_assert_eq!(seen_right, (0..count(right)).collect::<Vec<_>>());
    prop_assert!(ordered_right.windows(2).all(|w| w[0] < w[1]));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn pooled_texts_rebuild_and_cover_every_sentence(
        left in text_strategy(),
        right in text_strategy(),
        options in options_strategy(),
    ) {
        let c = compare_texts(&left, &right, &options);
        assert_rebuilds(&c, &left, &right);
        check_rows_cover_sentences(&c, &left, &right)?;
    }

    #[test]
    fn messy_texts_and_their_edits_rebuild(
        left in messy_text(),
        right in messy_text(),
        edits in prop::collection::vec((0usize..64, 0u8..4), 0..6),
        options in options_strategy(),
    ) {
        for (l, r) in [(left.clone(), right.clone()), (left.clone(), edited(&left, &edits))] {
            let c = compare_texts(&l, &r, &options);
            assert_rebuilds(&c, &l, &r);
            check_rows_cover_sentences(&c, &l, &r)?;
        }
    }

    #[test]
    fn real_text_windows_and_their_edits_rebuild(
        picks in (0usize..1000, 0usize..1000, 0usize..1000, 1usize..40),
        edits in prop::collection::vec((0usize..400, 0u8..4), 0..12),
        options in options_strategy(),
    ) {
        let texts = corpus();
        if texts.is_empty() {
            return Ok(());
        }
        let (file, other, at, len) = picks;
        let window = |text: &str, at: usize| -> String {
            let sentences = split_sentences(text);
            if sentences.is_empty() {
                return String::new();
            }
            let from = at % sentences.len();
            let to = (from + len).min(sentences.len()) - 1;
            text[sentences[from].start..sentences[to].end].to_owned()
        };
        let left = window(&texts[file % texts.len()].1, at);
        let right = edited(&left, &edits);
        let c = compare_texts(&left, &right, &options);
        assert_rebuilds(&c, &left, &right);
        let unrelated = window(&texts[other % texts.len()].1, at / 2);
        let c = compare_texts(&left, &unrelated, &options);
        assert_rebuilds(&c, &left, &unrelated);
    }
}

// ---------------------------------------------------------------------------------------
// Shifts: invented pairs per kind, both directions, and pairs that must report nothing.

fn shift_kinds(left: &str, right: &str) -> Vec<ShiftKind> {
    let c = compare_texts(left, right, &CompareOptions::default());
    let mut kinds: Vec<ShiftKind> = c
        .rows
        .iter()
        .flat_map(|r| &r.shifts)
        .map(|s| s.kind)
        .collect();
    kinds.sort();
    kinds
}

fn opposite(kind: ShiftKind) -> ShiftKind {
    match kind {
        ShiftKind::Stronger => ShiftKind::Weaker,
        ShiftKind::Weaker => ShiftKind::Stronger,
        ShiftKind::MoreCertain => ShiftKind::LessCertain,
        ShiftKind::LessCertain => ShiftKind::MoreCertain,
        other => other,
    }
}

/// (left, right, the shift from left to right). Every pair is read both ways.
const SHIFT_PAIRS: &[(&str, &str, ShiftKind)] = &[
    (
        "Ostland firmly opposes the new tariff plan.",
        "Ostland opposes the new tariff plan.",
        ShiftKind::Weaker,
    ),
    (
        "The ministry expressed serious concern about the border incident.",
        "The ministry expressed grave concern about the border incident.",
        ShiftKind::Stronger,
    ),
    (
        "We regret the decision to close the consulate.",
        "We condemn the decision to close the consulate.",
        ShiftKind::Stronger,
    ),
    (
        "We hope the other side releases the fishermen.",
        "We demand that the other side release the fishermen.",
        ShiftKind::Stronger,
    ),
    (
        "Westmark strongly condemns the attack on the embassy.",
        "Westmark condemns the attack on the embassy.",
        ShiftKind::Weaker,
    ),
    (
        "We urge Ostland to halt the naval exercises.",
        "We call on Ostland to halt the naval exercises.",
        ShiftKind::Weaker,
    ),
    (
        "The spokesperson said the remarks were very unhelpful.",
        "The spokesperson said the remarks were unhelpful.",
        ShiftKind::Weaker,
    ),
    (
        "外交部发言人表示，中方坚决反对这一决定。",
        "外交部发言人表示，中方反对这一决定。",
        ShiftKind::Weaker,
    ),
    (
        "我们对此表示严重关切。",
        "我们对此表示关切。",
        ShiftKind::Weaker,
    ),
    (
        "中方对此表示遗憾。",
        "中方对此表示强烈谴责。",
        ShiftKind::Stronger,
    ),
    (
        "The delegation will withdraw from the talks next week.",
        "The delegation may withdraw from the talks next week.",
        ShiftKind::LessCertain,
    ),
    (
        "The government has decided to reopen the border crossing.",
        "The government is considering reopening the border crossing.",
        ShiftKind::LessCertain,
    ),
    (
        "The minister said the treaty will certainly be signed in spring.",
        "The minister said the treaty will probably be signed in spring.",
        ShiftKind::LessCertain,
    ),
    (
        "Nordia must respect the ruling of the tribunal.",
        "Nordia might respect the ruling of the tribunal.",
        ShiftKind::LessCertain,
    ),
    (
        "中方必须采取必要措施。",
        "中方可能采取必要措施。",
        ShiftKind::LessCertain,
    ),
    (
        "Ostland supports the proposal for a ceasefire.",
        "Ostland does not support the proposal for a ceasefire.",
        ShiftKind::Negation,
    ),
    (
        "The council can accept these terms.",
        "The council cannot accept these terms.",
        ShiftKind::Negation,
    ),
    (
        "This measure is acceptable to our side.",
        "This measure is unacceptable to our side.",
        ShiftKind::Negation,
    ),
    (
        "We will take part in the summit.",
        "We won't take part in the summit.",
        ShiftKind::Negation,
    ),
    (
        "中方支持这一倡议。",
        "中方不支持这一倡议。",
        ShiftKind::Negation,
    ),
    (
        "Coast guard ships patrolled near the Diaoyu Dao on Monday.",
        "Coast guard ships patrolled near the Senkaku Islands on Monday.",
        ShiftKind::Renamed,
    ),
    (
        "The envoy arrived in Kyiv on Tuesday evening.",
        "The envoy arrived in Kiev on Tuesday evening.",
        ShiftKind::Renamed,
    ),
    (
        "The survey covered fisheries in the East Sea.",
        "The survey covered fisheries in the Sea of Japan.",
        ShiftKind::Renamed,
    ),
    (
        "Officials from the Taiwan region attended the forum.",
        "Officials from Taiwan attended the forum.",
        ShiftKind::Renamed,
    ),
    (
        "A patrol boat was seen near Dokdo.",
        "A patrol boat was seen near Takeshima.",
        ShiftKind::Renamed,
    ),
];

#[test]
fn each_shift_is_found_with_its_kind_both_ways() {
    for &(left, right, kind) in SHIFT_PAIRS {
        assert_eq!(shift_kinds(left, right), [kind], "{left} -> {right}");
        assert_eq!(
            shift_kinds(right, left),
            [opposite(kind)],
            "{right} -> {left}"
        );
    }
}

/// Pairs that differ without a shift: synonyms, typo fixes, dates, numbers, reordering,
/// case and punctuation.
const NO_SHIFT_PAIRS: &[(&str, &str)] = &[
    (
        "The spokesperson said the talks were useful.",
        "The spokesperson stated the talks were useful.",
    ),
    (
        "Ostland strongly opposes the plan.",
        "Ostland firmly opposes the plan.",
    ),
    (
        "Westmark opose the plan to dam the river.",
        "Westmark oppose the plan to dam the river.",
    ),
    (
        "We firmy oppose the plan to dam the river.",
        "We firmly oppose the plan to dam the river.",
    ),
    (
        "The talks will resume on 4 May in Port Alda.",
        "The talks will resume on 11 June in Port Alda.",
    ),
    (
        "The talks resumed in May after a pause.",
        "The talks resumed in June after a pause.",
    ),
    (
        "Ostland, Westmark and Nordia signed the accord.",
        "Nordia, Ostland and Westmark signed the accord.",
    ),
    (
        "We firmly oppose the tariffs and we welcome the talks.",
        "We welcome the talks and we firmly oppose the tariffs.",
    ),
    (
        "The aid package is worth 40 million euros.",
        "The aid package is worth 45 million euros.",
    ),
    (
        "The ministers met in Port Alda on Friday.",
        "The ministers met in Harbour Hall on Friday.",
    ),
    ("we STRONGLY oppose this!", "We strongly oppose this."),
    ("See No. 5 of the agreement.", "See No. 6 of the agreement."),
    (
        "The delegation will arrive on Monday.",
        "The delegation arrives on Monday.",
    ),
    ("双方于5月4日举行会谈。", "双方于6月11日举行会谈。"),
    (
        "I am not going to say, the envoy told reporters.",
        "You will see soon, the envoy told reporters on the plane.",
    ),
    ("中方坚决反对。", "中方坚定反对。"),
];

#[test]
fn pairs_without_a_shift_report_nothing() {
    for &(left, right) in NO_SHIFT_PAIRS {
        assert!(
            shift_kinds(left, right).is_empty(),
            "{left} -> {right}: {:?}",
            shift_kinds(left, right)
        );
        assert!(shift_kinds(right, left).is_empty(), "{right} -> {left}");
    }
}

#[test]
fn shifts_say_which_words_carry_them_and_why() {
    let left = "Ostland firmly opposes the new tariff plan.";
    let right = "Ostland opposes the new tariff plan.";
    let c = compare_texts(left, right, &CompareOptions::default());
    let shift = &c.rows[0].shifts[0];
    assert_eq!(shift.left.text, "firmly opposes");
    assert_eq!(shift.right.text, "opposes");
    assert_eq!(shift.badge(), "weaker: 'firmly opposes' -> 'opposes'");
    assert!(shift.why.contains("firmly"));
    let json: serde_json::Value = serde_json::from_str(&comparison_json(&c)).expect("json");
    let s = &json["rows"][0]["shifts"][0];
    assert_eq!(s["kind"], "weaker");
    assert_eq!(s["left"]["text"], "firmly opposes");
    assert_eq!(s["left"]["start"], 8);
    assert!(s["why"].is_string());
    let keys: BTreeSet<&str> = s
        .as_object()
        .expect("shift")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, BTreeSet::from(["kind", "left", "right", "why"]));
    assert_eq!(c.summary.shifts.get(&ShiftKind::Weaker), Some(&1));

    let c = compare_texts(
        "Ships sailed near the Diaoyu Dao.",
        "Ships sailed near the Senkaku Islands.",
        &CompareOptions::default(),
    );
    let shift = &c.rows[0].shifts[0];
    let renaming = shift.renaming.as_ref().expect("names");
    assert_eq!(renaming.left.used_by, ["CHN"]);
    assert_eq!(renaming.right.used_by, ["JPN"]);
    assert!(
        shift.why.contains("China") && shift.why.contains("Japan"),
        "{}",
        shift.why
    );
    // With the alias the two names are the same to the comparison: no shift.
    let aliased = compare_texts(
        "Ships sailed near the Diaoyu Dao.",
        "Ships sailed near the Senkaku Islands.",
        &CompareOptions {
            aliases: vec![Alias::new("Diaoyu Dao", "Senkaku Islands")],
            ..CompareOptions::default()
        },
    );
    assert!(aliased.rows[0].shifts.is_empty());
    // Words added in a new clause carry the shift alone: the other side gets an empty span
    // at that place, not a word borrowed from text the clause replaced.
    let c = compare_texts(
        "Valdor regrets the move, minister Ilse Brandt told the assembly.",
        "Valdor regrets the move and has lodged a firm protest.",
        &CompareOptions::default(),
    );
    let shift = c.rows[0].shifts.first().expect("a shift");
    assert_eq!(shift.kind, ShiftKind::Stronger);
    assert!(shift.left.text.is_empty(), "{:?}", shift.left.text);
    assert!(shift.right.text.contains("firm"), "{:?}", shift.right.text);
    assert!(
        shift.badge().starts_with("stronger: added '"),
        "{}",
        shift.badge()
    );
    // Chinese is cut into characters: the head of a dropped intensifier is the two-character
    // word it modifies on both sides.
    let c = compare_texts(
        "我们坚决反对这一做法。",
        "我们反对这一做法。",
        &CompareOptions::default(),
    );
    let shift = c.rows[0].shifts.first().expect("a shift");
    assert_eq!(shift.kind, ShiftKind::Weaker);
    assert_eq!(
        (shift.left.text.as_str(), shift.right.text.as_str()),
        ("坚决反对", "反对")
    );
    // One-sided rows and identical rows have an empty list.
    let c = compare_texts(
        "We firmly object.",
        "We firmly object. New words here.",
        &CompareOptions::default(),
    );
    assert!(c.rows.iter().all(|r| r.shifts.is_empty()));
}

#[test]
fn reports_show_shifts_and_count_them() {
    let c = compare_texts(
        "Ostland firmly opposes the plan. The envoy flew to Kyiv.",
        "Ostland opposes the plan. The envoy flew to Kiev.",
        &CompareOptions::default(),
    );
    let md = demarche::export::comparison::comparison_markdown(&c, &ReportMeta::default());
    assert!(md.contains("## Shifts"));
    assert!(md.contains("| weaker |"));
    assert!(md.contains("2 shifts (weaker: 1, renamed: 1)"), "{md}");
    let html = comparison_html(&c, &ReportMeta::default());
    assert!(html.contains("<h2>Shifts</h2>"));
    assert!(html.contains("class=\"shift renamed\""));
}

/// Sentences full of shift words, for the property that identical texts report none.
fn shifty_text() -> impl Strategy<Value = String> {
    let pool = prop::sample::select(vec![
        "Ostland firmly opposes the plan.",
        "We will certainly not accept this.",
        "The Diaoyu Dao and the Senkaku Islands were discussed.",
        "We may condemn it, or we might merely note it.",
        "中方坚决反对，不会接受。",
        "It is not unacceptable to us.",
        "They hope, urge and demand restraint.",
    ]);
    prop::collection::vec(pool, 1..6).prop_map(|parts| parts.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn identical_texts_up_to_ignore_options_report_no_shift(
        text in shifty_text(),
        upper in any::<bool>(),
        options in options_strategy(),
    ) {
        let mut variant = text.clone();
        if options.ignore_case && upper {
            variant = variant.to_uppercase();
        }
        if options.ignore_whitespace {
            // More white space, without line breaks (which may end sentences).
            variant = variant.replace(' ', " \t ");
        }
        if options.ignore_punctuation {
            variant = variant.replace('.', "!").replace(',', ";");
        }
        let c = compare_texts(&text, &variant, &options);
        for row in &c.rows {
            prop_assert!(row.shifts.is_empty(), "{:?}", row.shifts);
        }
    }
}

// ---------------------------------------------------------------------------------------
// The command line: compare's JSON rebuilds both files; timeline lists uses in date order.

fn demarche(args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(args)
        .output()
        .expect("demarche runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn cli_compare_json_rebuilds_both_files() {
    let dir = format!("{}/tests/fixtures/compare", env!("CARGO_MANIFEST_DIR"));
    let (a, b) = (
        format!("{dir}/briefing_original.txt"),
        format!("{dir}/briefing_corrected.txt"),
    );
    let json: serde_json::Value =
        serde_json::from_str(&demarche(&["compare", &a, &b])).expect("json");
    let (left, right) = rebuild_from_json(&json);
    assert_eq!(
        left,
        demarche(&["text", &a]).trim_end_matches('\n').to_owned() + "\n"
    );
    assert_eq!(
        right,
        demarche(&["text", &b]).trim_end_matches('\n').to_owned() + "\n"
    );
    assert_eq!(json["approximate"], false);
    assert_eq!(json["summary"]["unit"], "words");
}

#[test]
fn cli_timeline_lists_uses_in_date_order_with_variants() {
    let dir = format!(
        "{}/tests/fixtures/compare/timeline",
        env!("CARGO_MANIFEST_DIR")
    );
    let files = [
        format!("{dir}/2021-11-30_ostland-statement.txt"),
        format!("{dir}/2018-03-09_ostland-briefing.txt"),
        format!("{dir}/2020-06-01_westmark-reply.txt"),
    ];
    let mut args = vec!["timeline", "Inherent Territory"];
    args.extend(files.iter().map(String::as_str));
    let lines: Vec<serde_json::Value> = demarche(&args)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 3);
    let dates: Vec<&str> = lines
        .iter()
        .map(|l| l["date"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(dates, ["2018-03-09", "2020-06-01", "2021-11-30"]);
    for line in &lines {
        let keys: BTreeSet<&str> = line
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            BTreeSet::from([
                "file",
                "title",
                "date",
                "government",
                "speaker",
                "text",
                "variant"
            ])
        );
        assert!(
            line["text"]
                .as_str()
                .is_some_and(|t| t.to_lowercase().contains("inherent territory"))
        );
    }
    assert_eq!(lines[0]["variant"], lines[2]["variant"]);
    assert_ne!(lines[0]["variant"], lines[1]["variant"]);
    args.splice(1..1, ["--format", "csv"]);
    let csv = demarche(&args);
    assert!(csv.starts_with("file,title,date,government,speaker,text,variant\n"));
    assert_eq!(csv.lines().count(), 4);
}
