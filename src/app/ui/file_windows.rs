//! The file prompts: the offer to restore unsaved work a previous run left behind, the
//! in-app "save as" prompt for systems without file dialogs, and the report of what the
//! check of an opened session repaired.

use egui::{Id, Modal, Window};

use super::super::App;
use super::super::action::Action;
use super::super::files::FileAction;
use super::super::recovery::{describe_size, describe_time};

impl App {
    /// Every open file prompt.
    pub(in crate::app) fn file_windows_ui(&mut self, ctx: &egui::Context) {
        self.recovery_offer_ui(ctx);
        self.save_prompt_ui(ctx);
        self.load_report_ui(ctx);
    }

    fn recovery_offer_ui(&mut self, ctx: &egui::Context) {
        if self.files.recovery.orphans.is_empty() || self.view.prompt.is_some() {
            return;
        }
        let mut actions = Vec::new();
        let busy = self.files.job.is_some();
        Modal::new(Id::unique("recovery_offer")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading("Restore unsaved work?");
            ui.label(
                "Demarche closed without saving the work below (it crashed, was killed or the \
                 computer stopped). You can restore it, or delete it.",
            );
            ui.add_space(8.0);
            for orphan in &self.files.recovery.orphans {
                ui.group(|ui| {
                    ui.label(format!(
                        "{}: last kept {}, {}",
                        orphan.name(),
                        describe_time(orphan.about.saved_at),
                        describe_size(orphan.size)
                    ));
                    ui.horizontal(|ui| {
                        let restore = ui
                            .add_enabled(!busy, egui::Button::new("Restore"))
                            .on_hover_text("Open this work; save it to keep it");
                        if restore.clicked() {
                            actions.push(FileAction::Restore(orphan.dir.clone()));
                        }
                        if ui
                            .button("Delete")
                            .on_hover_text("Delete this unsaved work for good")
                            .clicked()
                        {
                            actions.push(FileAction::Discard(orphan.dir.clone()));
                        }
                    });
                });
            }
            ui.add_space(8.0);
            if ui
                .button("Not now")
                .on_hover_text("Keep it and ask again at the next start")
                .clicked()
            {
                actions.push(FileAction::Postpone);
            }
        });
        self.pending.extend(actions.into_iter().map(Action::Files));
    }

    fn save_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &mut self.files.save_prompt else {
            return;
        };
        let mut action = None;
        let response = Modal::new(Id::unique("save_prompt")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading("Save session as");
            ui.label("No file dialog can be shown on this system. Type where to save the session:");
            let field = ui.add(
                egui::TextEdit::singleline(&mut prompt.text)
                    .desired_width(f32::INFINITY)
                    .hint_text("a path ending in .ron"),
            );
            field.request_focus();
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.weak("The folder is created if needed.");
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() || enter {
                    action = Some(FileAction::SaveTyped(prompt.text.clone()));
                }
                if ui.button("Cancel").clicked() {
                    action = Some(FileAction::CancelSavePrompt);
                }
            });
        });
        if action.is_none() && response.should_close() {
            action = Some(FileAction::CancelSavePrompt);
        }
        if let Some(action) = action {
            self.pending.push(Action::Files(action));
        }
    }

    fn load_report_ui(&mut self, ctx: &egui::Context) {
        let Some(view) = &self.files.load_report else {
            return;
        };
        let mut open = true;
        let mut actions = Vec::new();
        Window::new(format!("{} was checked", view.name))
            .id(Id::unique("load_report"))
            .open(&mut open)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                if !view.report.repaired.is_empty() {
                    ui.strong("Repaired");
                    for line in &view.report.repaired {
                        ui.label(format!("• {line}"));
                    }
                }
                if !view.report.warnings.is_empty() {
                    ui.add_space(4.0);
                    ui.strong("To know");
                    for line in &view.report.warnings {
                        ui.label(format!("• {line}"));
                    }
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if !view.report.changed_texts.is_empty()
                        && ui
                            .button("Re-extract now")
                            .on_hover_text("Find the statements again in the texts as they are")
                            .clicked()
                    {
                        actions.push(Action::Reextract);
                        actions.push(Action::Files(FileAction::CloseReport));
                    }
                    if ui.button("OK").clicked() {
                        actions.push(Action::Files(FileAction::CloseReport));
                    }
                });
            });
        if !open {
            actions.push(Action::Files(FileAction::CloseReport));
        }
        self.pending.extend(actions);
    }
}
