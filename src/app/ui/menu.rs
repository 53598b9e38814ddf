//! The menu bar. Shortcut texts come from the one shortcut table.

use egui::{Button, MenuBar, Panel};

use super::super::App;
use super::super::action::Action;
use super::super::shortcuts::{Command, shortcut_text};

/// A menu entry: a button with its shortcut text, pushing `action` when clicked.
pub(super) fn item_ui(
    ui: &mut egui::Ui,
    label: &str,
    command: Option<Command>,
    enabled: bool,
    action: Action,
    actions: &mut Vec<Action>,
) {
    let shortcut = command.map_or_else(String::new, |c| shortcut_text(ui.ctx(), c));
    let clicked = ui
        .add_enabled(enabled, Button::new(label).shortcut_text(shortcut))
        .clicked();
    if clicked {
        actions.push(action);
    }
}

impl App {
    /// File, Edit, Compare, View, Help.
    pub(in crate::app) fn menu_bar_ui(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        Panel::top("menu_bar").show(ui, |ui| {
            MenuBar::new().ui(ui, |ui| {
                ui.menu_button("File", |ui| self.file_menu_ui(ui, &mut actions));
                ui.menu_button("Edit", |ui| self.edit_menu_ui(ui, &mut actions));
                ui.menu_button("Compare", |ui| self.compare_menu_ui(ui, &mut actions));
                ui.menu_button("View", |ui| {
                    let dark = self.view.dark;
                    if ui.radio(!dark, "Light").clicked() {
                        actions.push(Action::SetDarkMode(false));
                    }
                    if ui.radio(dark, "Dark").clicked() {
                        actions.push(Action::SetDarkMode(true));
                    }
                });
                ui.menu_button("Help", |ui| {
                    item_ui(
                        ui,
                        "Keyboard Shortcuts",
                        None,
                        true,
                        Action::ShowShortcuts,
                        &mut actions,
                    );
                    item_ui(
                        ui,
                        "About Demarche",
                        None,
                        true,
                        Action::ShowAbout,
                        &mut actions,
                    );
                });
            });
        });
        self.pending.extend(actions);
    }

    fn file_menu_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let cmd = Some;
        item_ui(
            ui,
            "Open Articles...",
            cmd(Command::OpenArticles),
            true,
            Action::OpenArticlesDialog,
            actions,
        );
        item_ui(
            ui,
            "Open URL...",
            cmd(Command::OpenUrl),
            true,
            Action::OpenUrlPrompt,
            actions,
        );
        item_ui(
            ui,
            "Open Session...",
            None,
            true,
            Action::OpenSessionDialog,
            actions,
        );
        ui.menu_button("Recent", |ui| {
            if self.settings.recent.is_empty() {
                ui.weak("No recent sessions");
            }
            for path in &self.settings.recent {
                if ui.button(path.display().to_string()).clicked() {
                    actions.push(Action::OpenSession(path.clone()));
                }
            }
        });
        ui.separator();
        item_ui(
            ui,
            "Save",
            cmd(Command::Save),
            true,
            Action::SaveSession,
            actions,
        );
        item_ui(
            ui,
            "Save As...",
            cmd(Command::SaveAs),
            true,
            Action::SaveSessionAsDialog,
            actions,
        );
        ui.separator();
        item_ui(ui, "Quit", cmd(Command::Quit), true, Action::Quit, actions);
    }

    fn edit_menu_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        item_ui(
            ui,
            "Undo",
            Some(Command::Undo),
            !self.undo.is_empty(),
            Action::Undo,
            actions,
        );
        item_ui(
            ui,
            "Redo",
            Some(Command::Redo),
            !self.redo.is_empty(),
            Action::Redo,
            actions,
        );
        ui.separator();
        item_ui(
            ui,
            "Find",
            Some(Command::Find),
            true,
            Action::FocusSearch,
            actions,
        );
        ui.separator();
        let any = !self.session.articles.is_empty();
        item_ui(
            ui,
            "Re-extract With Current Rules",
            None,
            any,
            Action::Reextract,
            actions,
        );
    }

    fn compare_menu_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let two = self.session.selection.statements.len() == 2;
        item_ui(
            ui,
            "Compare Selected",
            Some(Command::CompareSelected),
            two,
            Action::CompareSelected,
            actions,
        );
        let open = self.session.selection.comparison.is_some();
        item_ui(
            ui,
            "Next Change",
            Some(Command::NextChange),
            open,
            Action::NextChange,
            actions,
        );
        item_ui(
            ui,
            "Previous Change",
            Some(Command::PreviousChange),
            open,
            Action::PreviousChange,
            actions,
        );
        item_ui(
            ui,
            "Close Comparison",
            None,
            open,
            Action::CloseComparison,
            actions,
        );
        self.compare_tools_menu_ui(ui, actions);
        if !self.session.comparisons.is_empty() {
            ui.separator();
            ui.weak("Open comparisons");
            for (index, spec) in self.session.comparisons.iter().enumerate() {
                let label = format!("{} vs {}", spec.left, spec.right);
                let current = self.session.selection.comparison == Some(index);
                if ui.radio(current, label).clicked() {
                    actions.push(Action::ShowComparison(index));
                }
            }
        }
    }
}
