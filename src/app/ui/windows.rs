//! Windows over the main view: the unsaved-changes prompt, the Open URL prompt, About,
//! keyboard shortcuts.

use egui::{Id, Modal, Window};

use super::super::App;
use super::super::action::{Action, UnsavedChoice};
use super::super::shortcuts::SHORTCUTS;
use super::super::state::AfterPrompt;

impl App {
    /// Every window that is open.
    pub(in crate::app) fn windows_ui(&mut self, ctx: &egui::Context) {
        self.unsaved_prompt_ui(ctx);
        self.url_prompt_ui(ctx);
        self.about_ui(ctx);
        self.shortcuts_ui(ctx);
        self.aliases_window_ui(ctx);
        self.study_window_ui(ctx);
        self.timeline_prompt_ui(ctx);
        self.file_windows_ui(ctx);
    }

    fn unsaved_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(after) = &self.view.prompt else {
            return;
        };
        let question = match after {
            AfterPrompt::Quit => "Save the changes to this session before closing?",
            AfterPrompt::OpenSession(_) => {
                "Save the changes to this session before opening another?"
            }
        };
        let mut choice = None;
        let response = Modal::new(Id::unique("unsaved_prompt")).show(ctx, |ui| {
            ui.set_width(360.0);
            ui.heading("Unsaved changes");
            ui.label(question);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some(UnsavedChoice::Save);
                }
                if ui.button("Don't Save").clicked() {
                    choice = Some(UnsavedChoice::DontSave);
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(UnsavedChoice::Cancel);
                }
            });
        });
        if choice.is_none() && response.should_close() {
            choice = Some(UnsavedChoice::Cancel);
        }
        if let Some(choice) = choice {
            self.pending.push(Action::Unsaved(choice));
        }
    }

    /// File > Open URL...: one line for a web address; Enter or Open fetches it.
    fn url_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(draft) = self.view.url_prompt.as_mut() else {
            return;
        };
        let mut open = None;
        let mut cancel = false;
        let response = Modal::new(Id::unique("url_prompt")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.heading("Open URL");
            ui.label("The page is fetched and its article imported like a file.");
            let label = ui.label("Address");
            let field = ui
                .add(
                    egui::TextEdit::singleline(draft)
                        .hint_text("https://")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            let entered = (field.has_focus() || field.lost_focus())
                && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.memory(|m| m.focused().is_none()) {
                field.request_focus();
            }
            let valid = crate::article::fetch::is_url(draft);
            if !draft.trim().is_empty() && !valid {
                ui.weak("Enter an address that starts with http:// or https://");
            }
            ui.horizontal(|ui| {
                let open_clicked = ui.add_enabled(valid, egui::Button::new("Open")).clicked();
                if valid && (open_clicked || entered) {
                    open = Some(draft.trim().to_owned());
                }
                if ui.button("Cancel").clicked() {
                    cancel = true;
                }
            });
        });
        if let Some(url) = open {
            self.pending.push(Action::OpenUrls(vec![url]));
        } else if cancel || response.should_close() {
            self.view.url_prompt = None;
        }
    }

    fn about_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.view.show_about;
        Window::new("About Demarche")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(format!("Demarche {}", env!("CARGO_PKG_VERSION")));
                ui.label(env!("CARGO_PKG_DESCRIPTION"));
                ui.label("Everything runs on this computer; nothing leaves it.");
            });
        self.view.show_about = open;
    }

    fn shortcuts_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.view.show_shortcuts;
        Window::new("Keyboard Shortcuts")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("shortcuts")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for (shortcut, command) in SHORTCUTS {
                            ui.monospace(ctx.format_shortcut(shortcut));
                            ui.label(command.description());
                            ui.end_row();
                        }
                    });
            });
        self.view.show_shortcuts = open;
    }
}
