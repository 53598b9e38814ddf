//! The inspector's tools for one statement: "Also reported as" (its near-duplicates in other
//! articles, one click to compare), its versions over time, and corrections beyond
//! reassigning (speaker, kind, merge with the next statement, split at a sentence).

use egui::{CollapsingHeader, RichText, TextEdit};

use crate::compare::split_sentences;
use crate::session::{Anchor, CorrectionKind};
use crate::statement::{Statement, StatementKind};

use super::super::App;
use super::super::action::Action;
use super::super::studies::{Computed, Study};

/// Characters of a statement shown in a list entry.
const SNIPPET: usize = 90;

/// The first `SNIPPET` characters of `text`, with an ellipsis when cut.
pub(in crate::app) fn snippet(text: &str) -> String {
    let mut out: String = text.chars().take(SNIPPET).collect();
    if text.chars().nth(SNIPPET).is_some() {
        out.push('…');
    }
    out
}

impl App {
    /// Everything below the statement's details and above its article.
    pub(in crate::app) fn inspector_tools_ui(&mut self, ui: &mut egui::Ui, statement: &Statement) {
        self.also_reported_ui(ui, statement);
        ui.horizontal(|ui| {
            if ui
                .button("Versions over time...")
                .on_hover_text("This statement's versions in its government's articles, by date")
                .clicked()
            {
                self.tools.formulation_of = Some(statement.id);
                self.tools.formulation_base = None;
                self.tools.study = Study::Formulation;
            }
            if ui.button("Two governments...").clicked() {
                if self.tools.pairing.left.is_empty() {
                    if let Some(first) = statement.governments.first() {
                        self.tools.pairing.left.clone_from(first);
                    }
                }
                self.tools.study = Study::TwoGovernments;
            }
        });
        self.more_corrections_ui(ui, statement);
    }

    fn also_reported_ui(&mut self, ui: &mut egui::Ui, statement: &Statement) {
        let ctx = ui.ctx().clone();
        let found = self.also_reported(&ctx, statement.id);
        let title = match &found {
            Computed::Ready(list) => format!("Also reported as ({})", list.len()),
            _ => "Also reported as".to_owned(),
        };
        CollapsingHeader::new(title)
            .id_salt("also_reported")
            .default_open(true)
            .show(ui, |ui| match found {
                Computed::Computing => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.weak("Indexing statements...");
                    });
                }
                Computed::Missing => {}
                Computed::Ready(list) if list.is_empty() => {
                    ui.weak("No other article carries this statement.");
                }
                Computed::Ready(list) => {
                    for &(other, score) in list.iter() {
                        let Some((s, text)) = self.caches.derived.statement(other) else {
                            continue;
                        };
                        let source = self.session.articles.get(&other.article).map_or_else(
                            String::new,
                            |a| {
                                let mut line = a.outlet.clone().unwrap_or_else(|| a.display_name());
                                if let Some(date) = &a.date {
                                    line.push_str(" · ");
                                    line.push_str(date);
                                }
                                line
                            },
                        );
                        let speaker = s.speaker.clone().unwrap_or_default();
                        ui.horizontal_wrapped(|ui| {
                            ui.label(
                                RichText::new(format!("{:.0}%", score * 100.0))
                                    .small()
                                    .strong(),
                            );
                            ui.weak(format!("{source} · {speaker}"));
                            if ui.small_button(format!("Compare with {source}")).clicked() {
                                self.pending
                                    .push(Action::CompareStatements(statement.id, other));
                            }
                        });
                        ui.add(egui::Label::new(snippet(text)).wrap());
                        ui.add_space(2.0);
                    }
                }
            });
    }

    fn more_corrections_ui(&mut self, ui: &mut egui::Ui, statement: &Statement) {
        let correct = |correction| Action::Correct {
            statement: statement.id,
            correction,
        };
        CollapsingHeader::new("Correct")
            .id_salt("more_corrections")
            .show(ui, |ui| {
                // Speaker.
                let draft = self.tools.speaker_draft.get_or_insert_with(|| {
                    (statement.id, statement.speaker.clone().unwrap_or_default())
                });
                if draft.0 != statement.id {
                    *draft = (statement.id, statement.speaker.clone().unwrap_or_default());
                }
                ui.horizontal(|ui| {
                    let label = ui.label("Speaker");
                    ui.add(TextEdit::singleline(&mut draft.1).desired_width(160.0))
                        .labelled_by(label.id);
                    let name = draft.1.trim().to_owned();
                    let changed =
                        !name.is_empty() && statement.speaker.as_deref() != Some(name.as_str());
                    if ui
                        .add_enabled(changed, egui::Button::new("Rename speaker"))
                        .clicked()
                    {
                        self.pending.push(correct(CorrectionKind::SetSpeaker(name)));
                    }
                });
                // Kind.
                ui.horizontal(|ui| {
                    ui.label("Kind");
                    for kind in [
                        StatementKind::Direct,
                        StatementKind::Partial,
                        StatementKind::Indirect,
                    ] {
                        if ui
                            .selectable_label(statement.kind == kind, kind.as_str())
                            .clicked()
                            && statement.kind != kind
                        {
                            self.pending.push(correct(CorrectionKind::SetKind(kind)));
                        }
                    }
                });
                // Merge and split.
                let next = self.next_in_article(statement);
                ui.horizontal_wrapped(|ui| {
                    let merge = ui
                        .add_enabled(next.is_some(), egui::Button::new("Merge with next"))
                        .on_hover_text("Join the next statement of the article to this one");
                    if merge.clicked() {
                        if let Some(anchor) = next.clone() {
                            self.pending
                                .push(correct(CorrectionKind::MergeWith(vec![anchor])));
                        }
                    }
                });
                if let Some(article) = self.session.articles.get(&statement.id.article) {
                    for at in split_points(statement, &article.text) {
                        let rest: String = article.text[at..].chars().take(24).collect();
                        if ui.small_button(format!("Split before “{rest}…”")).clicked() {
                            self.pending.push(correct(CorrectionKind::SplitAt(at)));
                        }
                    }
                }
            });
    }

    /// The anchor of the statement after `statement` in its article.
    fn next_in_article(&self, statement: &Statement) -> Option<Anchor> {
        let article = self.session.articles.get(&statement.id.article)?;
        let start = statement.spans.first()?.start;
        let next = self
            .caches
            .derived
            .statements
            .iter()
            .filter(|s| s.id.article == statement.id.article && s.id != statement.id)
            .filter_map(|s| Some((s.spans.first()?.start, s)))
            .filter(|(at, _)| *at > start)
            .min_by_key(|(at, s)| (*at, s.id))?
            .1;
        Anchor::of_statement(next, &article.text)
    }
}

/// Article offsets where a sentence of the statement begins (not the first one).
fn split_points(statement: &Statement, text: &str) -> Vec<usize> {
    let mut points = Vec::new();
    for span in &statement.spans {
        let Some(slice) = text.get(span.start..span.end) else {
            continue;
        };
        for sentence in split_sentences(slice) {
            let at = span.start + sentence.start;
            if at > span.start {
                points.push(at);
            }
        }
    }
    points
}
