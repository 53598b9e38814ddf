//! The inspector (right panel): the selected statement's details (speaker, role,
//! governments, kind, cue, confidence, evidence in plain words, note), its corrections and
//! tools. It scrolls, so everything stays reachable in a small window; the article itself is
//! in the reader under the statement list.

use egui::{Grid, RichText, ScrollArea, TextEdit};

use crate::governments::Governments;
use crate::session::CorrectionKind;
use crate::statement::Statement;

use super::super::App;
use super::super::action::Action;
use super::super::derived::government_name;
use super::super::wording::rule_in_words;

impl App {
    /// The right panel's contents, in a scroll area so every tool stays reachable in a
    /// small window.
    pub(in crate::app) fn inspector_ui(&mut self, ui: &mut egui::Ui) {
        ScrollArea::vertical()
            .id_salt("inspector_scroll")
            .auto_shrink(false)
            .show(ui, |ui| self.inspector_body_ui(ui));
    }

    fn inspector_body_ui(&mut self, ui: &mut egui::Ui) {
        let Some(id) = self.session.selection.statements.last().copied() else {
            ui.heading("Statement");
            ui.weak("Select a statement in the list to see who said it, why Demarche attributes it so, and where it stands in its article.");
            return;
        };
        let Some((statement, _)) = self.caches.derived.statement(id) else {
            ui.weak(format!("Statement {id} is not in the session."));
            return;
        };
        let statement = statement.clone();
        if self.view.inspected != Some(id) {
            // egui's grids size their rows from the frame before: draw once more, so a
            // statement shown for the first time never stays with overlapping rows.
            self.view.inspected = Some(id);
            ui.ctx().request_repaint();
        }
        ui.heading("Statement");
        let selected = self.session.selection.statements.len();
        if selected > 1 {
            ui.weak(format!(
                "{selected} selected; the last one picked is shown."
            ));
        }
        self.question_ui(ui, &statement);
        details_ui(ui, &statement);
        ui.add_space(4.0);
        correction_ui(ui, &statement, &mut self.pending);
        ui.add_space(6.0);
        self.note_ui(ui, &statement);
        self.inspector_tools_ui(ui, &statement);
    }

    /// In a transcript, the question this statement answers, then the answer itself.
    fn question_ui(&self, ui: &mut egui::Ui, statement: &Statement) {
        let Some(span) = statement.question else {
            return;
        };
        let Some(article) = self.session.articles.get(&statement.id.article) else {
            return;
        };
        let Some(question) = article.text.get(span.start..span.end) else {
            return;
        };
        let question = super::super::reader::reflowed(question.trim());
        ui.label(RichText::new("Question asked").weak());
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.add(egui::Label::new(RichText::new(question.as_ref()).italics()).wrap());
        });
        if let Some((_, answer)) = self.caches.derived.statement(statement.id) {
            ui.label(RichText::new("Answer").weak());
            ui.add(egui::Label::new(super::inspector_tools::snippet(answer)).wrap());
        }
        ui.add_space(4.0);
    }

    fn note_ui(&mut self, ui: &mut egui::Ui, statement: &Statement) {
        let saved = self
            .session
            .notes
            .get(&statement.id)
            .cloned()
            .unwrap_or_default();
        let revision = self.revision;
        let stale = self
            .view
            .note_draft
            .as_ref()
            .is_none_or(|(id, rev, _)| *id != statement.id || *rev != revision);
        if stale {
            self.view.note_draft = Some((statement.id, revision, saved.clone()));
        }
        let Some((_, _, draft)) = &mut self.view.note_draft else {
            return;
        };
        let label = ui.label("Note");
        ui.add(
            TextEdit::multiline(draft)
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("Your note on this statement"),
        )
        .labelled_by(label.id);
        let changed = *draft != saved;
        let text = draft.clone();
        if ui
            .add_enabled(changed, egui::Button::new("Save note"))
            .clicked()
        {
            let note = Some(text).filter(|t| !t.trim().is_empty());
            self.pending.push(Action::SetNote(statement.id, note));
        }
    }
}

/// Reassign the statement to a government (or to other voices), or hide it.
fn correction_ui(ui: &mut egui::Ui, statement: &Statement, actions: &mut Vec<Action>) {
    let correct = |correction| Action::Correct {
        statement: statement.id,
        correction,
    };
    ui.horizontal(|ui| {
        let label = ui.label("Reassign to");
        let current = if statement.governments.is_empty() {
            "Other voices".to_owned()
        } else {
            super::statements::governments_label(&statement.governments)
        };
        let combo = egui::ComboBox::from_id_salt("reassign")
            .selected_text(current)
            .height(320.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(
                        statement.governments.is_empty(),
                        "Other voices (no government)",
                    )
                    .clicked()
                {
                    actions.push(correct(CorrectionKind::SetGovernments(Vec::new())));
                }
                for government in Governments::bundled().iter_by_name() {
                    let current = statement.governments == [government.iso3.clone()];
                    if ui.selectable_label(current, &government.name).clicked() && !current {
                        actions.push(correct(CorrectionKind::SetGovernments(vec![
                            government.iso3.clone(),
                        ])));
                    }
                }
            });
        let _ = combo.response.labelled_by(label.id);
        if ui
            .button("Not a statement")
            .on_hover_text("Hide it; the correction is kept with the session and can be undone")
            .clicked()
        {
            actions.push(correct(CorrectionKind::NotAStatement));
        }
    });
}

fn details_ui(ui: &mut egui::Ui, statement: &Statement) {
    Grid::new("statement_details")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            let field = |ui: &mut egui::Ui, name: &str, value: String| {
                ui.label(RichText::new(name).weak());
                ui.add(egui::Label::new(value).wrap());
                ui.end_row();
            };
            field(
                ui,
                "Speaker",
                statement
                    .speaker
                    .clone()
                    .unwrap_or_else(|| "(unknown)".to_owned()),
            );
            if let Some(role) = &statement.role {
                field(ui, "Role", role.clone());
            }
            let voice = if statement.governments.is_empty() {
                let affiliation = statement.affiliation.as_deref().unwrap_or("unknown");
                format!("{} ({affiliation})", statement.group.as_str())
            } else {
                let names: Vec<String> = statement
                    .governments
                    .iter()
                    .map(|g| format!("{} ({g})", government_name(g)))
                    .collect();
                let joint = if statement.is_joint() {
                    " — joint statement"
                } else {
                    ""
                };
                format!("{}{joint}", names.join(", "))
            };
            field(ui, "Speaks for", voice);
            field(ui, "Kind", statement.kind.as_str().to_owned());
            if let Some(cue) = &statement.cue {
                field(ui, "Cue", format!("“{cue}”"));
            }
            field(
                ui,
                "Confidence",
                format!("{:.0}%", (statement.confidence * 100.0).clamp(0.0, 100.0)),
            );
            if !statement.evidence.rule.is_empty() {
                field(ui, "Found as", rule_in_words(&statement.evidence.rule));
            }
            if !statement.evidence.chain.is_empty() {
                // "›", not an arrow: egui's bundled font has no arrows, and a machine without
                // a fallback font would draw boxes.
                field(ui, "Why", statement.evidence.chain.join(" › "));
            }
            field(
                ui,
                "Found by",
                match statement.origin {
                    crate::statement::Origin::Extracted => "Demarche",
                    crate::statement::Origin::User => "you",
                }
                .to_owned(),
            );
        });
}
