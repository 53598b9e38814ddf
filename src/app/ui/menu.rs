//! The menu bar. Shortcut texts come from the one shortcut table.

use egui::{Button, MenuBar, Panel};

use super::super::App;
use super::super::action::Action;
use super::super::shortcuts::{Command, shortcut_text};
use super::super::state::{PanelKind, Tab};

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
                ui.menu_button("View", |ui| self.view_menu_ui(ui, &mut actions));
                ui.menu_button("Help", |ui| {
                    item_ui(
                        ui,
                        "Keyboard Shortcuts",
                        Some(Command::Shortcuts),
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

    fn view_menu_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let panels = self.view.panels;
        for (label, command, panel) in [
            ("Library", Command::ToggleLibrary, PanelKind::Library),
            ("Inspector", Command::ToggleInspector, PanelKind::Inspector),
            ("Article Reader", Command::ToggleReader, PanelKind::Reader),
        ] {
            let shortcut = shortcut_text(ui.ctx(), command);
            let shown = panels.shown(panel);
            let text = if shown {
                format!("✔ {label}")
            } else {
                format!("   {label}")
            };
            if ui
                .add(Button::new(text).shortcut_text(shortcut))
                .on_hover_text(if shown {
                    "Shown: click to hide"
                } else {
                    "Hidden: click to show"
                })
                .clicked()
            {
                actions.push(Action::TogglePanel(panel));
            }
        }
        ui.separator();
        let on_list = self.view.tab == Tab::Statements;
        item_ui(
            ui,
            "Next Tab",
            Some(Command::NextTab),
            !self.session.comparisons.is_empty(),
            Action::CycleTab(1),
            actions,
        );
        item_ui(
            ui,
            "Previous Tab",
            Some(Command::PreviousTab),
            !self.session.comparisons.is_empty(),
            Action::CycleTab(-1),
            actions,
        );
        item_ui(
            ui,
            "Statement List",
            Some(Command::StatementList),
            !on_list,
            Action::ShowStatements,
            actions,
        );
        ui.separator();
        let dark = self.view.dark;
        item_ui(
            ui,
            if dark { "Light Mode" } else { "Dark Mode" },
            Some(Command::ToggleDark),
            true,
            Action::SetDarkMode(!dark),
            actions,
        );
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
            cmd(Command::OpenSession),
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
        item_ui(
            ui,
            "Select All",
            Some(Command::SelectAll),
            self.view.tab == Tab::Statements,
            Action::SelectAll,
            actions,
        );
        ui.separator();
        let any = !self.session.articles.is_empty();
        item_ui(
            ui,
            "Re-extract With Current Rules",
            Some(Command::Reextract),
            any,
            Action::Reextract,
            actions,
        );
    }

    fn compare_menu_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let two = self.session.selection.statements.len() == 2 || self.view.articles.len() == 2;
        item_ui(
            ui,
            "Compare Selected",
            Some(Command::CompareSelected),
            two,
            Action::CompareSelected,
            actions,
        );
        item_ui(
            ui,
            "Compare Two Files...",
            Some(Command::CompareFiles),
            true,
            Action::CompareFilesDialog,
            actions,
        );
        ui.separator();
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
            "Next Shift",
            Some(Command::NextShift),
            open,
            Action::NextShift,
            actions,
        );
        item_ui(
            ui,
            "Previous Shift",
            Some(Command::PreviousShift),
            open,
            Action::PreviousShift,
            actions,
        );
        let on_comparison = open && self.view.tab == Tab::Compare;
        item_ui(
            ui,
            "Rename Comparison...",
            Some(Command::RenameComparison),
            on_comparison,
            Action::StartRename,
            actions,
        );
        item_ui(
            ui,
            "Close Comparison",
            Some(Command::CloseComparison),
            open,
            Action::CloseComparison,
            actions,
        );
        self.compare_tools_menu_ui(ui, actions);
        if !self.session.comparisons.is_empty() {
            ui.separator();
            ui.weak("Open comparisons");
            for index in 0..self.session.comparisons.len() {
                let label = self.comparison_name(index);
                let current = self.session.selection.comparison == Some(index)
                    && self.view.tab == Tab::Compare;
                if ui.radio(current, label).clicked() {
                    actions.push(Action::ShowComparison(index));
                }
            }
        }
    }
}
