//! The compare view: two statements side by side, rows aligned, word differences marked by
//! colour and by strikethrough (only left) or underline (only right), a gutter with the
//! similarity, or both sides inline in one column; an overview strip of where the changes
//! are; notes on rows. Drawn from a cached [`PairView`]; nothing is computed while painting.

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, FontId, Layout, Rect, RichText, TextStyle, UiBuilder, pos2, vec2};

use crate::session::Compared;
use crate::statement::StatementId;

use super::super::App;
use super::super::action::Action;
use super::super::derived::{Derived, government_name};
use super::super::pair::{PairRow, PairView, Piece, PieceKind};
use super::super::studies::{CompareLayout, PairState};
use super::super::theme::{Palette, shift_colour};
use super::super::wording::counted;
use super::rows::{Rows, ScrollTo, rows_ui};
use super::shifts::{shift_badges_ui, shift_counts};

/// Width of the similarity gutter between the two sides.
const GUTTER: f32 = 72.0;
/// Width of the overview strip at the right edge.
const OVERVIEW: f32 = 14.0;

impl App {
    /// The comparison on screen.
    pub(in crate::app) fn compare_ui(&mut self, ui: &mut egui::Ui) {
        let Some((left, right, options)) = self
            .open_spec()
            .map(|spec| (spec.left, spec.right, spec.options.clone()))
        else {
            return;
        };
        // The hint gives way (cut short) before the close button does.
        ui.horizontal(|ui| {
            ui.strong("Comparison");
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui
                    .button("Close comparison")
                    .on_hover_text("Close this comparison (Ctrl+W)")
                    .clicked()
                {
                    self.pending.push(Action::CloseComparison);
                }
                ui.add(
                    egui::Label::new(
                        RichText::new(
                            "F7 / Shift+F7: next / previous change; F8 / Shift+F8: next / previous shift",
                        )
                        .weak(),
                    )
                    .truncate(),
                );
            });
        });
        self.compare_options_ui(ui, &options);
        let view = match self.open_pair(ui.ctx()) {
            PairState::Ready(view) => view,
            PairState::Computing(progress) => {
                self.comparison_progress_ui(ui, progress);
                return;
            }
            PairState::Cancelled => {
                ui.horizontal_wrapped(|ui| {
                    ui.label("The comparison was cancelled.");
                    if ui
                        .button("Compare again")
                        .on_hover_text("Run this comparison again")
                        .clicked()
                    {
                        self.pending.push(Action::RerunComparison);
                    }
                });
                return;
            }
            PairState::Missing => {
                ui.weak("One of the compared statements is no longer in the session.");
                return;
            }
        };
        let palette = Palette::of(ui.visuals());
        let mut summary = if view.has_changes() {
            format!(
                "{} only in A (struck through), {} only in B (underlined)",
                counted(view.deleted_words, "word", "words"),
                counted(view.inserted_words, "word", "words")
            )
        } else {
            "The two texts read the same.".to_owned()
        };
        if view.shared_phrases > 0 {
            summary.push_str(&format!(
                "; {} in colour",
                counted(view.shared_phrases, "shared phrase", "shared phrases")
            ));
        }
        summary.push_str("; ");
        summary.push_str(
            &shift_counts(&view.shifts).unwrap_or_else(|| "no shift of position".to_owned()),
        );
        ui.horizontal_wrapped(|ui| {
            if view.approximate {
                ui.label(RichText::new("Approximate").strong().color(palette.warning))
                    .on_hover_text(
                        "The comparison reached its time limit: some sentences may be left unpaired and some differences shown coarser than they are. The text on both sides is still exact.",
                    );
            }
            ui.add(egui::Label::new(summary).wrap());
        });
        ui.separator();
        let inline = self.tools.layout == CompareLayout::Inline;
        let full = ui.available_width() - OVERVIEW - 8.0;
        let side_width = ((full - GUTTER) / 2.0 - 8.0).max(120.0);
        let derived = &self.caches.derived;
        let session = &self.session;
        let articles = self
            .open_spec()
            .is_some_and(|spec| spec.compared == Compared::Articles);
        ui.horizontal_top(|ui| {
            if articles {
                article_header_ui(ui, session, left.article, "A", side_width);
                ui.add_space(GUTTER);
                article_header_ui(ui, session, right.article, "B", side_width);
            } else {
                side_header_ui(ui, session, derived, left, "A", side_width);
                ui.add_space(GUTTER);
                side_header_ui(ui, session, derived, right, "B", side_width);
            }
        });
        ui.separator();
        let area = ui.available_rect_before_wrap();
        let strip = Rect::from_min_max(pos2(area.max.x - OVERVIEW, area.min.y), area.max);
        let rows_rect = Rect::from_min_max(area.min, pos2(strip.min.x - 8.0, area.max.y));
        let marked = if self.tools.shifts_only {
            view.shifted_rows()
        } else {
            view.changed_rows()
        };
        self.overview_ui(ui, strip, view.rows.len(), &marked);
        let mut rows_ui = ui.new_child(UiBuilder::new().max_rect(rows_rect));
        let text_width = if inline {
            full - GUTTER - 8.0
        } else {
            side_width
        };
        self.compare_rows_ui(&mut rows_ui, &view, &palette, inline, text_width);
        ui.advance_cursor_after_rect(area);
    }

    /// A comparison on its way: its stage, a progress bar and Cancel.
    fn comparison_progress_ui(
        &mut self,
        ui: &mut egui::Ui,
        progress: Option<crate::compare::CompareProgress>,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.spinner();
            let (stage, share) = progress.map_or(("starting", 0.0), |p| {
                (p.stage.label(), p.done as f32 / p.total.max(1) as f32)
            });
            ui.label("Comparing...");
            ui.add(
                egui::ProgressBar::new(share)
                    .desired_width(180.0)
                    .show_percentage(),
            );
            // Cancel before the stage's name, so it does not move as the stage changes.
            if ui
                .button("Cancel")
                .on_hover_text("Stop this comparison (it can be run again)")
                .clicked()
            {
                self.pending.push(Action::CancelComparison);
            }
            ui.weak(stage);
        });
    }

    /// The aligned rows; only those in view are laid out (a comparison of two long
    /// articles has hundreds).
    fn compare_rows_ui(
        &mut self,
        ui: &mut egui::Ui,
        view: &PairView,
        palette: &Palette,
        inline: bool,
        width: f32,
    ) {
        let font = TextStyle::Body.resolve(ui.style());
        let current = self.view.change_row;
        // The rows shown: all, or those with a shift.
        let shown: Vec<usize> = if self.tools.shifts_only {
            view.shifted_rows()
        } else {
            (0..view.rows.len()).collect()
        };
        if shown.is_empty() && !view.rows.is_empty() {
            ui.weak("No row has a shift of position. Untick \"Only rows with shifts\" to see every row.");
            return;
        }
        let scroll_row = std::mem::take(&mut self.view.scroll_change)
            .then_some(current)
            .flatten()
            .and_then(|row| shown.iter().position(|&r| r == row))
            .map(|position| (position, Align::Center));
        let restore = self.view.restore.compare.take();
        let notes = self
            .open_spec()
            .map(|spec| spec.notes.clone())
            .unwrap_or_default();
        let line = ui.text_style_height(&TextStyle::Body);
        let chars_per_line = (width / (font.size * 0.5)).max(10.0);
        let lines = |pieces: &[Piece]| {
            let chars: usize = pieces.iter().map(|p| p.text.len()).sum();
            (chars as f32 / chars_per_line).ceil().max(1.0)
        };
        let estimate = |position: usize| {
            let row = shown.get(position).and_then(|&index| view.rows.get(index));
            row.map_or(line, |row| {
                let text = if inline {
                    lines(&row.inline)
                } else {
                    lines(&row.left).max(lines(&row.right))
                };
                let badges = if row.shifts.is_empty() { 0.0 } else { 1.4 };
                (text * line).max(3.0 * line) + badges * line + 12.0
            })
        };
        let key = {
            use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
            BuildHasherDefault::<DefaultHasher>::default().hash_one((
                std::ptr::from_ref(view) as usize,
                width.round() as i64,
                inline,
                self.session.selection.comparison,
                self.tools.shifts_only,
            ))
        };
        let rows = Rows {
            id_salt: "compare_rows",
            key,
            count: shown.len(),
            scroll: ScrollTo {
                row: scroll_row,
                offset: restore,
            },
        };
        let mut heights = std::mem::take(&mut self.compare_rows);
        let output = rows_ui(ui, &mut heights, rows, estimate, |ui, position| {
            let Some(index) = shown.get(position).copied() else {
                return;
            };
            let Some(row) = view.rows.get(index) else {
                return;
            };
            let response = ui
                .horizontal_top(|ui| {
                    if inline {
                        side_text_ui(ui, &row.inline, &font, palette, width);
                    } else {
                        side_text_ui(ui, &row.left, &font, palette, width);
                    }
                    ui.allocate_ui_with_layout(
                        vec2(GUTTER, 0.0),
                        Layout::top_down(Align::Center),
                        |ui| {
                            ui.set_width(GUTTER);
                            gutter_ui(ui, row, index, palette);
                            let add = egui::Button::new(RichText::new("Add note").small())
                                .wrap_mode(egui::TextWrapMode::Extend);
                            if !notes.contains_key(&index) && ui.add(add).clicked() {
                                self.tools.note_edit = Some((index, String::new()));
                            }
                        },
                    );
                    if !inline {
                        side_text_ui(ui, &row.right, &font, palette, width);
                    }
                })
                .response;
            shift_badges_ui(ui, &row.shifts);
            self.row_note_ui(ui, index, notes.get(&index));
            if current == Some(index) {
                ui.painter().rect_stroke(
                    response.rect.expand(2.0),
                    2.0,
                    ui.visuals().selection.stroke,
                    egui::StrokeKind::Outside,
                );
            }
            ui.separator();
        });
        self.compare_rows = heights;
        self.view.scrolled.2 = output.offset;
        if output.changed && scroll_row.is_some() {
            // Heights measured this frame moved the row: go to it again next frame.
            self.view.scroll_change = true;
        }
    }
}

/// The similarity figure (or the side a row has alone) and the moved mark.
fn gutter_ui(ui: &mut egui::Ui, row: &PairRow, index: usize, palette: &Palette) {
    let percent = (row.similarity * 100.0).round();
    let gutter = match (row.left.is_empty(), row.right.is_empty()) {
        (true, false) => "B only".to_owned(),
        (false, true) => "A only".to_owned(),
        _ => format!("{percent:.0}% similar"),
    };
    ui.label(
        RichText::new(gutter)
            .small()
            .color(palette.similarity(row.similarity)),
    )
    .on_hover_text(format!(
        "Row {}: share of words the two sides have in common",
        index + 1
    ));
    if row.moved {
        ui.label(RichText::new("moved").small().color(palette.warning));
    }
}

fn side_header_ui(
    ui: &mut egui::Ui,
    session: &crate::session::Session,
    derived: &Derived,
    id: StatementId,
    side: &str,
    width: f32,
) {
    ui.allocate_ui_with_layout(vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        let Some((statement, _)) = derived.statement(id) else {
            ui.weak(format!("{side}: statement {id} not found"));
            return;
        };
        let speaker = statement.speaker.as_deref().unwrap_or("(unknown speaker)");
        ui.strong(format!("{side}: {speaker}"));
        let governments: Vec<String> = statement
            .governments
            .iter()
            .map(|g| format!("{} ({g})", government_name(g)))
            .collect();
        let group = if governments.is_empty() {
            statement
                .affiliation
                .clone()
                .unwrap_or_else(|| statement.group.as_str().to_owned())
        } else {
            governments.join(", ")
        };
        ui.label(group);
        if let Some(article) = session.articles.get(&id.article) {
            let mut line = article.display_name();
            for extra in [article.outlet.as_deref(), article.date.as_deref()]
                .into_iter()
                .flatten()
            {
                line.push_str(" · ");
                line.push_str(extra);
            }
            ui.weak(line);
        }
    });
}

/// The header of one side of an article comparison: title, outlet and date.
fn article_header_ui(
    ui: &mut egui::Ui,
    session: &crate::session::Session,
    id: crate::article::ArticleId,
    side: &str,
    width: f32,
) {
    ui.allocate_ui_with_layout(vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        let Some(article) = session.articles.get(&id) else {
            ui.weak(format!("{side}: article {id} not found"));
            return;
        };
        ui.add(
            egui::Label::new(RichText::new(format!("{side}: {}", article.display_name())).strong())
                .truncate(),
        );
        let details: Vec<&str> = [article.outlet.as_deref(), article.date.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !details.is_empty() {
            ui.weak(details.join(" · "));
        }
    });
}

pub(super) fn side_text_ui(
    ui: &mut egui::Ui,
    pieces: &[Piece],
    font: &FontId,
    palette: &Palette,
    width: f32,
) {
    let dark = ui.visuals().dark_mode;
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    for piece in pieces {
        let mut format = TextFormat::simple(font.clone(), palette.text);
        match piece.kind {
            PieceKind::Same => {
                if let Some(id) = piece.phrase {
                    format.color = palette.phrase(id, dark);
                }
                if let Some(kind) = piece.shift {
                    format.color = shift_colour(kind, dark);
                }
            }
            PieceKind::Deleted => {
                format.background = palette.deleted_bg;
                format.color = palette.deleted_fg;
                format.strikethrough = palette.deleted_stroke();
            }
            PieceKind::Inserted => {
                format.background = palette.inserted_bg;
                format.color = palette.inserted_fg;
                format.underline = palette.inserted_stroke();
            }
        }
        // The words that carry a shift stand out in italics on either side.
        format.italics = piece.shift.is_some();
        job.append(&piece.text, 0.0, format);
    }
    ui.allocate_ui_with_layout(vec2(width, 0.0), Layout::top_down(Align::Min), |ui| {
        ui.set_width(width);
        if pieces.is_empty() {
            ui.weak("(nothing on this side)");
        } else {
            ui.label(job);
        }
    });
}
