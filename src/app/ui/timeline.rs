//! The timeline tab: one formula's uses across the session's articles, drawn with
//! `egui_plot`: time on the x axis, one lane per government, points coloured by variant
//! (the legend names each by its wording). Hovering a point shows its text, speaker,
//! outlet and date; a click selects its statement (or shows its article in the reader when
//! no statement holds the phrase). Undated uses are listed under the plot.

use std::sync::Arc;

use egui::{RichText, ScrollArea, TextEdit};
use egui_plot::{Corner, GridMark, HoverPosition, Legend, Plot, PlotPoint, Points};

use crate::compare::timeline::FormulaUse;

use super::super::App;
use super::super::action::Action;
use super::super::theme::variant_colour;
use super::super::timeline::{Timeline, date_of_day};
use super::super::wording::counted;

/// Points further than this (in points on screen) from a click are not clicked.
const CLICK_RADIUS: f32 = 14.0;
/// Share of the time span added before the first and after the last use (at least a
/// day), so no point sits on the frame.
const MARGIN_SHARE: f64 = 0.08;
/// Steps between date marks, in days: a day, two, a week, a fortnight, about a month, two,
/// a quarter, half a year, a year, two, five, ten.
const DATE_STEPS: [f64; 12] = [
    1.0, 2.0, 7.0, 14.0, 30.0, 61.0, 91.0, 182.0, 365.0, 730.0, 1826.0, 3652.0,
];
/// Most date marks along the axis.
const MOST_MARKS: f64 = 8.0;

impl App {
    /// The timeline tab's contents.
    pub(in crate::app) fn timeline_ui(&mut self, ui: &mut egui::Ui) {
        let Some(timeline) = self.open_timeline(ui.ctx()) else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Finding the uses of the phrase...");
            });
            return;
        };
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("Timeline of \u{201c}{}\u{201d}", timeline.phrase));
            if ui
                .button("Change phrase...")
                .on_hover_text("Follow another phrase")
                .clicked()
            {
                self.view.timeline_prompt = Some(timeline.phrase.clone());
            }
            if ui.button("Close timeline").clicked() {
                self.pending.push(Action::CloseTimeline);
            }
        });
        let uses = &timeline.uses;
        if uses.is_empty() {
            ui.weak("No article in the session uses this phrase.");
            return;
        }
        let articles = {
            let mut ids: Vec<_> = uses.iter().map(|u| u.article).collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len()
        };
        let mut summary = format!(
            "{} in {}, {}",
            counted(uses.len(), "use", "uses"),
            counted(articles, "article", "articles"),
            counted(timeline.variants.len(), "variant", "variants"),
        );
        if !timeline.undated.is_empty() {
            summary.push_str(&format!(
                "; {} without a date, listed under the plot",
                counted(timeline.undated.len(), "use", "uses")
            ));
        }
        summary.push_str(". Hover a point to read it; click it to select the statement.");
        ui.add(egui::Label::new(RichText::new(summary).weak()).wrap());
        let undated_height = if timeline.undated.is_empty() {
            0.0
        } else {
            (ui.available_height() * 0.3).clamp(80.0, 220.0)
        };
        let plot_height = (ui.available_height() - undated_height - 8.0).max(160.0);
        self.timeline_plot_ui(ui, &timeline, plot_height);
        if !timeline.undated.is_empty() {
            self.undated_uses_ui(ui, &timeline);
        }
    }

    fn timeline_plot_ui(&mut self, ui: &mut egui::Ui, timeline: &Arc<Timeline>, height: f32) {
        let dark = ui.visuals().dark_mode;
        let lanes = timeline.lanes.clone();
        let lane_names = lanes.clone();
        let hovered = Arc::clone(timeline);
        let (first, last) = timeline
            .variants
            .iter()
            .flat_map(|v| v.points.iter().map(|p| p[0]))
            .fold((f64::MAX, f64::MIN), |(lo, hi), x| (lo.min(x), hi.max(x)));
        let mut plot = Plot::new("timeline_plot")
            .height(height)
            .legend(Legend::default().position(Corner::LeftTop))
            .allow_scroll(false)
            .show_grid([true, false])
            .include_y(-0.6)
            .include_y(lanes.len() as f64 - 0.4)
            .x_axis_label("Date")
            .x_grid_spacer(date_marks)
            .x_axis_formatter(|mark, _| date_of_day(mark.value.round() as i64))
            .y_axis_formatter(move |mark, _| {
                let lane = mark.value.round();
                if (mark.value - lane).abs() > 0.01 || lane < 0.0 {
                    return String::new();
                }
                lane_names.get(lane as usize).cloned().unwrap_or_default()
            })
            .y_axis_min_width(60.0)
            .y_grid_spacer(move |_| {
                (0..lanes.len())
                    .map(|lane| GridMark {
                        value: lane as f64,
                        step_size: 1.0,
                    })
                    .collect()
            })
            .label_formatter(move |position| match position {
                HoverPosition::NearDataPoint {
                    plot_name, index, ..
                } => hovered
                    .use_at(plot_name, *index)
                    .map(|used| hover_text(used, &hovered)),
                HoverPosition::Elsewhere { .. } => None,
            });
        if first <= last {
            let margin = ((last - first) * MARGIN_SHARE).max(1.0);
            plot = plot.include_x(first - margin).include_x(last + margin);
        }
        let response = plot.show(ui, |plot_ui| {
            for (number, variant) in timeline.variants.iter().enumerate() {
                if variant.points.is_empty() {
                    continue;
                }
                plot_ui.points(
                    Points::new(variant.label.clone(), variant.points.clone())
                        .color(variant_colour(number, dark))
                        .radius(6.0)
                        .filled(true),
                );
            }
        });
        // Where each dated use is on screen (a few hundred at most): for clicks, and for
        // tests that click a point.
        self.view.timeline_points = timeline
            .variants
            .iter()
            .flat_map(|v| v.uses.iter().zip(&v.points))
            .map(|(&index, point)| {
                let at = response
                    .transform
                    .position_from_point(&PlotPoint::new(point[0], point[1]));
                (at, index)
            })
            .collect();
        if response.response.clicked()
            && let Some(pointer) = response.response.interact_pointer_pos()
            && let Some(&(_, index)) = self
                .view
                .timeline_points
                .iter()
                .filter(|(at, _)| at.distance(pointer) <= CLICK_RADIUS)
                .min_by(|a, b| a.0.distance(pointer).total_cmp(&b.0.distance(pointer)))
            && let Some(used) = timeline.uses.get(index)
        {
            self.pending.push(select_use(used));
        }
    }

    fn undated_uses_ui(&mut self, ui: &mut egui::Ui, timeline: &Timeline) {
        ui.separator();
        ui.strong(format!(
            "Undated ({}): these articles have no date, so they are not on the time axis",
            timeline.undated.len()
        ));
        ScrollArea::vertical()
            .id_salt("timeline_undated")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for &index in &timeline.undated {
                    let Some(used) = timeline.uses.get(index) else {
                        continue;
                    };
                    ui.horizontal_wrapped(|ui| {
                        let who = [used.government.as_deref(), used.speaker.as_deref()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" · ");
                        let title = used.title.clone().unwrap_or_else(|| used.file.clone());
                        if ui
                            .link(format!("Variant {} · {title}", used.variant))
                            .on_hover_text(hover_text(used, timeline))
                            .clicked()
                        {
                            self.pending.push(select_use(used));
                        }
                        if !who.is_empty() {
                            ui.weak(who);
                        }
                    });
                    ui.add(egui::Label::new(super::inspector_tools::snippet(&used.text)).wrap());
                }
            });
    }

    /// Compare > Timeline of a Phrase...: the phrase to follow.
    pub(in crate::app) fn timeline_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(draft) = &mut self.view.timeline_prompt else {
            return;
        };
        let mut open = true;
        let mut chosen = None;
        egui::Window::new("Timeline of a phrase")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(
                    "Every use of the phrase in the session's articles, by date and government.",
                );
                let label = ui.label("Phrase");
                let field = ui
                    .add(
                        TextEdit::singleline(draft)
                            .desired_width(360.0)
                            .hint_text("for example: inherent territory"),
                    )
                    .labelled_by(label.id);
                if !field.has_focus() && !field.lost_focus() {
                    field.request_focus();
                }
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let ready = !draft.trim().is_empty();
                if (ui
                    .add_enabled(ready, egui::Button::new("Show timeline"))
                    .clicked()
                    || enter)
                    && ready
                {
                    chosen = Some(draft.trim().to_owned());
                }
            });
        if let Some(phrase) = chosen {
            self.pending.push(Action::ShowTimeline(phrase));
        } else if !open {
            self.view.timeline_prompt = None;
        }
    }
}

/// Date marks on whole days, a step from [`DATE_STEPS`] that fits the range in view.
fn date_marks(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let range = (high - low).max(1.0);
    let step = DATE_STEPS
        .iter()
        .copied()
        .find(|step| range / step <= MOST_MARKS && *step >= input.base_step_size)
        .unwrap_or(range / MOST_MARKS)
        .max(1.0);
    let mut marks = Vec::new();
    let mut value = (low / step).ceil() * step;
    while value <= high && marks.len() < 64 {
        marks.push(GridMark {
            value,
            step_size: step,
        });
        value += step;
    }
    marks
}

/// What clicking a use does: select its statement, or show its article.
fn select_use(used: &FormulaUse) -> Action {
    match used.statement {
        Some(id) => Action::RevealStatement(id),
        None => Action::RevealArticle(used.article),
    }
}

/// A use's hover text: its text, then speaker and government, then outlet, title and date.
fn hover_text(used: &FormulaUse, timeline: &Timeline) -> String {
    let mut lines = vec![super::inspector_tools::snippet(&used.text)];
    let who: Vec<&str> = [used.speaker.as_deref(), used.government.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if !who.is_empty() {
        lines.push(who.join(" · "));
    }
    let mut source = timeline
        .outlets
        .get(&used.article)
        .map(|outlet| format!("{outlet} · "))
        .unwrap_or_default();
    source.push_str(used.title.as_deref().unwrap_or(&used.file));
    source.push_str(" · ");
    source.push_str(used.date.as_deref().unwrap_or("undated"));
    lines.push(source);
    lines.push(format!("Variant {}", used.variant));
    lines.join("\n")
}
