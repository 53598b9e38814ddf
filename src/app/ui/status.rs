//! The status bar: notices (dismissable), import progress, and counts.

use egui::{Align, Layout, RichText};

use super::super::App;
use super::super::action::Action;
use super::super::state::Level;
use super::super::theme::Palette;
use super::super::wording::counted;

/// Notices shown at once; older ones wait until these are dismissed.
const SHOWN_NOTICES: usize = 3;

impl App {
    /// The status bar's contents (the bottom panel).
    pub(in crate::app) fn status_ui(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        {
            let palette = Palette::of(ui.visuals());
            let first = self.notices.len().saturating_sub(SHOWN_NOTICES);
            for (index, notice) in self.notices.iter().enumerate().skip(first) {
                ui.horizontal(|ui| {
                    if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                        actions.push(Action::DismissNotice(index));
                    }
                    let color = match notice.level {
                        Level::Info => palette.text,
                        Level::Warning => palette.warning,
                        Level::Error => palette.error,
                    };
                    let text = if notice.times > 1 {
                        format!("{} ({} times)", notice.text, notice.times)
                    } else {
                        notice.text.clone()
                    };
                    ui.add(egui::Label::new(RichText::new(&text).color(color)).truncate())
                        .on_hover_text(&notice.text);
                });
            }
            ui.horizontal(|ui| {
                self.progress_ui(ui);
                if first > 0 {
                    ui.weak(format!("{} older", counted(first, "notice", "notices")));
                }
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    let derived = &self.caches.derived;
                    let articles = self.view.articles.len();
                    let mut counts = format!(
                        "{} · {} · {}",
                        counted(self.session.articles.len(), "article", "articles"),
                        counted(derived.len(), "statement", "statements"),
                        counted(derived.governments.len(), "government", "governments")
                    );
                    let selected = self.session.selection.statements.len();
                    if selected > 0 {
                        counts.push_str(&format!(" · {selected} selected"));
                    }
                    if articles > 0 {
                        counts.push_str(&format!(
                            " · {} picked in the library",
                            counted(articles, "article", "articles")
                        ));
                    }
                    ui.weak(counts);
                });
            });
        }
        self.pending.extend(actions);
    }
}
