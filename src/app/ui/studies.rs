//! Study windows: two governments' statements paired claim to counter-claim, and one
//! statement's formulation over time against a base version. Both are computed on the
//! "compare" thread; a row opens the compare view in one click.

use egui::{ComboBox, Grid, RichText, ScrollArea, TextEdit, TextStyle, Window};

use crate::session::GroupKey;
use crate::statement::StatementId;

use super::super::App;
use super::super::action::Action;
use super::super::derived::government_name;
use super::super::pair::{PairView, Piece, PieceKind};
use super::super::studies::{Computed, PairingQuery, Study};
use super::super::theme::Palette;
use super::super::wording::counted;
use super::compare::side_text_ui;
use super::inspector_tools::snippet;

/// Width of a statement column in the study tables.
const COLUMN: f32 = 320.0;

impl App {
    /// The open study window, if any.
    pub(in crate::app) fn study_window_ui(&mut self, ctx: &egui::Context) {
        match self.tools.study {
            Study::None => {}
            Study::TwoGovernments => self.two_governments_ui(ctx),
            Study::Formulation => self.formulation_ui(ctx),
        }
    }

    fn two_governments_ui(&mut self, ctx: &egui::Context) {
        let mut open = true;
        let governments: Vec<(String, String)> = self
            .caches
            .derived
            .governments
            .iter()
            .filter_map(|g| match &g.key {
                GroupKey::Government(iso3) => Some((iso3.clone(), g.name.clone())),
                _ => None,
            })
            .collect();
        let mut query = self.tools.pairing.clone();
        // Start from the two governments with the most statements.
        for slot in 0..2 {
            let taken = [query.left.clone(), query.right.clone()];
            let target = if slot == 0 {
                &mut query.left
            } else {
                &mut query.right
            };
            if target.is_empty()
                && let Some((iso3, _)) = governments.iter().find(|(g, _)| !taken.contains(g))
            {
                target.clone_from(iso3);
            }
        }
        Window::new("Two governments")
            .open(&mut open)
            .default_size([760.0, 520.0])
            .show(ctx, |ui| {
                ui.horizontal_wrapped(|ui| {
                    government_picker_ui(ui, "First government", &mut query.left, &governments);
                    government_picker_ui(ui, "Second government", &mut query.right, &governments);
                    let label = ui.label("Topic");
                    ui.add(
                        TextEdit::singleline(&mut query.topic)
                            .desired_width(140.0)
                            .hint_text("any word"),
                    )
                    .labelled_by(label.id);
                });
                ui.separator();
                if query.left.is_empty() || query.right.is_empty() || query.left == query.right {
                    ui.weak("Pick two different governments.");
                    return;
                }
                self.pairing_table_ui(ui, &query);
            });
        self.tools.pairing = query;
        if !open {
            self.tools.study = Study::None;
        }
    }

    fn pairing_table_ui(&mut self, ui: &mut egui::Ui, query: &PairingQuery) {
        let pairing = match self.government_pairing(ui.ctx(), query) {
            Computed::Ready(pairing) => pairing,
            Computed::Computing => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Pairing statements...");
                });
                return;
            }
            Computed::Missing => return,
        };
        let (left_name, right_name) = (government_name(&query.left), government_name(&query.right));
        ui.label(format!(
            "{}: each {left_name} statement beside the closest {right_name} one.",
            counted(pairing.pairs.len(), "pair", "pairs")
        ));
        ScrollArea::vertical().id_salt("pairs").show(ui, |ui| {
            Grid::new("pairs_grid")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    ui.strong("Similar");
                    ui.strong(&left_name);
                    ui.strong(&right_name);
                    ui.label("");
                    ui.end_row();
                    for (number, &(left, right, score)) in pairing.pairs.iter().enumerate() {
                        ui.label(format!("{:.0}%", score * 100.0));
                        self.statement_cell_ui(ui, left);
                        self.statement_cell_ui(ui, right);
                        if ui.button(format!("Compare pair {}", number + 1)).clicked() {
                            self.pending.push(Action::CompareStatements(left, right));
                        }
                        ui.end_row();
                    }
                });
            for (name, unpaired) in [
                (&left_name, &pairing.left_unpaired),
                (&right_name, &pairing.right_unpaired),
            ] {
                if unpaired.is_empty() {
                    continue;
                }
                ui.add_space(6.0);
                ui.strong(format!("{name} only ({})", unpaired.len()));
                for &id in unpaired {
                    self.statement_cell_ui(ui, id);
                }
            }
        });
    }

    /// A statement's speaker and source above its first words.
    fn statement_cell_ui(&self, ui: &mut egui::Ui, id: StatementId) {
        let Some((statement, text)) = self.caches.derived.statement(id) else {
            ui.weak(format!("{id}"));
            return;
        };
        ui.vertical(|ui| {
            ui.set_max_width(COLUMN);
            let source = self
                .session
                .articles
                .get(&id.article)
                .map_or_else(String::new, |a| {
                    a.outlet.clone().unwrap_or_else(|| a.display_name())
                });
            ui.weak(format!(
                "{} · {source}",
                statement.speaker.as_deref().unwrap_or("(unknown)")
            ));
            ui.add(egui::Label::new(snippet(text)).wrap());
        });
    }

    fn formulation_ui(&mut self, ctx: &egui::Context) {
        let Some(of) = self.tools.formulation_of else {
            self.tools.study = Study::None;
            return;
        };
        let mut open = true;
        Window::new("Versions over time")
            .open(&mut open)
            .default_size([760.0, 520.0])
            .show(ctx, |ui| {
                let formulation = match self.formulation(ui.ctx(), of, self.tools.formulation_base)
                {
                    Computed::Ready(f) => f,
                    Computed::Computing => {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label("Collating versions...");
                        });
                        return;
                    }
                    Computed::Missing => {
                        ui.weak("This statement is no longer in the session.");
                        return;
                    }
                };
                let base = formulation.query.1;
                ui.label(format!(
                    "{} in this government's articles, oldest first. Against the base: only in the base struck through, new words underlined.",
                    counted(formulation.versions.len(), "version", "versions")
                ));
                let palette = Palette::of(ui.visuals());
                let font = TextStyle::Body.resolve(ui.style());
                ScrollArea::vertical().id_salt("versions").show(ui, |ui| {
                    Grid::new("versions_grid").striped(true).num_columns(4).show(ui, |ui| {
                        ui.strong("Date");
                        ui.strong("Source");
                        ui.strong("Text against the base");
                        ui.label("");
                        ui.end_row();
                        for (number, version) in formulation.versions.iter().enumerate() {
                            ui.label(version.date.clone().unwrap_or_else(|| "undated".to_owned()));
                            ui.label(&version.source);
                            let pieces = joined_rows(&version.view);
                            ui.vertical(|ui| {
                                side_text_ui(ui, &pieces, &font, &palette, 420.0);
                                let shifts: Vec<_> = version
                                    .view
                                    .rows
                                    .iter()
                                    .flat_map(|row| row.shifts.iter().cloned())
                                    .collect();
                                ui.set_max_width(420.0);
                                super::shifts::shift_badges_ui(ui, &shifts);
                            });
                            ui.vertical(|ui| {
                                if version.id == base {
                                    ui.label(RichText::new("Base").strong());
                                } else {
                                    if ui.button(format!("Use version {} as base", number + 1)).clicked() {
                                        self.tools.formulation_base = Some(version.id);
                                    }
                                    if ui.button(format!("Compare version {}", number + 1)).clicked() {
                                        self.pending.push(Action::CompareStatements(base, version.id));
                                    }
                                }
                            });
                            ui.end_row();
                        }
                    });
                });
            });
        if !open {
            self.tools.study = Study::None;
        }
    }
}

/// A combo box of the session's governments, by name.
fn government_picker_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    governments: &[(String, String)],
) {
    let text = ui.label(label);
    let selected = if value.is_empty() {
        "(choose)".to_owned()
    } else {
        government_name(value)
    };
    let combo = ComboBox::from_id_salt(label)
        .selected_text(selected)
        .show_ui(ui, |ui| {
            for (iso3, name) in governments {
                ui.selectable_value(value, iso3.clone(), name);
            }
        });
    let _ = combo.response.labelled_by(text.id);
}

/// The inline pieces of every row, rows separated by a space.
fn joined_rows(view: &PairView) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for row in &view.rows {
        let needs_space = pieces
            .last()
            .is_some_and(|p| !p.text.ends_with(char::is_whitespace));
        if needs_space && !row.inline.is_empty() {
            pieces.push(Piece::plain(" ", PieceKind::Same));
        }
        pieces.extend(row.inline.iter().cloned());
    }
    pieces
}
