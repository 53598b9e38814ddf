//! Confidence that means something: the share of statements found by the same rule, with
//! the same kind of speaker mention, that were right on the dev sets (PolNeAR dev and the
//! corpus gold), read from `assets/confidence.ron`. A statement shown at 90% comes from a class
//! of statements that were right about nine times in ten. `scripts/calibrate-confidence.py`
//! rebuilds the table; BENCHMARKS.md ("Confidence calibration") has the reliability table.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::rule::{Mention, Rule};

const TABLE: &str = include_str!("../../assets/confidence.ron");

/// One class of statements with its measured share of right ones.
#[derive(Debug, Clone, Deserialize)]
struct Row {
    rule: Rule,
    mention: Mention,
    /// The speaker was resolved to someone (an entity), not left unknown.
    resolved: bool,
    /// Statements of the class that were right on the dev sets.
    right: u32,
    /// Statements of the class on the dev sets.
    n: u32,
}

#[derive(Debug, Deserialize)]
struct TableFile {
    /// Share of right statements over all classes: the prior a small class is pulled to.
    prior: f32,
    /// Weight of the prior, in statements: a class of a few statements says little alone.
    prior_weight: f32,
    rows: Vec<Row>,
}

/// The calibration table, loaded once.
#[derive(Debug)]
pub struct Calibration {
    classes: BTreeMap<(Rule, Mention, bool), f32>,
    rules: BTreeMap<Rule, f32>,
    prior: f32,
}

impl Calibration {
    /// The bundled table.
    ///
    /// # Panics
    /// Never in a released build: the bundled file is checked by a unit test.
    #[must_use]
    pub fn get() -> &'static Self {
        static CALIBRATION: OnceLock<Calibration> = OnceLock::new();
        CALIBRATION.get_or_init(|| {
            #[allow(clippy::expect_used)]
            Self::parse(TABLE).expect("bundled assets/confidence.ron is valid")
        })
    }

    /// Parses a calibration table.
    ///
    /// # Errors
    /// The parser's error when the text is not a valid table.
    pub fn parse(text: &str) -> Result<Self, ron::error::SpannedError> {
        let file: TableFile = ron::from_str(text)?;
        let smooth = |right: f32, n: f32| {
            ((right + file.prior * file.prior_weight) / (n + file.prior_weight)).clamp(0.01, 0.99)
        };
        let mut classes = BTreeMap::new();
        let mut per_rule: BTreeMap<Rule, (u32, u32)> = BTreeMap::new();
        for row in &file.rows {
            #[allow(clippy::cast_precision_loss)]
            let value = smooth(row.right as f32, row.n as f32);
            classes.insert((row.rule, row.mention, row.resolved), value);
            if row.resolved {
                let entry = per_rule.entry(row.rule).or_default();
                entry.0 += row.right;
                entry.1 += row.n;
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let rules = per_rule
            .into_iter()
            .map(|(rule, (right, n))| (rule, smooth(right as f32, n as f32)))
            .collect();
        Ok(Self {
            classes,
            rules,
            prior: file.prior,
        })
    }

    /// The confidence of a statement found by `rule` whose speaker the text names as
    /// `mention`; `resolved` when the speaker is known. A class the dev sets never saw takes
    /// its rule's share, else the overall share.
    #[must_use]
    pub fn confidence(&self, rule: Rule, mention: Mention, resolved: bool) -> f32 {
        if let Some(c) = self.classes.get(&(rule, mention, resolved)) {
            return *c;
        }
        let base = self.rules.get(&rule).copied().unwrap_or(self.prior);
        if resolved { base } else { base * self.prior }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_parses_and_orders_sensibly() {
        let c = Calibration::parse(TABLE).expect("parses");
        for rule in Rule::ALL {
            for mention in [
                Mention::Name,
                Mention::Pronoun,
                Mention::Description,
                Mention::Absent,
            ] {
                let resolved = c.confidence(rule, mention, true);
                assert!((0.0..=1.0).contains(&resolved));
                assert!(c.confidence(rule, mention, false) <= 1.0);
            }
        }
    }

    #[test]
    fn small_classes_are_pulled_to_the_prior() {
        let c = Calibration::parse(
            "(prior: 0.8, prior_weight: 10.0, rows: [(rule: QuoteByline, mention: Name, resolved: true, right: 1, n: 1)])",
        )
        .expect("parses");
        let v = c.confidence(Rule::QuoteByline, Mention::Name, true);
        assert!(v > 0.8 && v < 0.85, "{v}");
        assert!((c.confidence(Rule::DocumentStatement, Mention::Absent, true) - 0.8).abs() < 1e-6);
    }
}
