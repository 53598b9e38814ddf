//! The centre: a tab for the statement list (with the article reader under it) and one tab
//! per open comparison. Comparison tabs can be renamed (double-click, F2 or the tab's menu)
//! and closed (×, Ctrl+W); they are saved with the session.

use egui::{Key, ScrollArea, TextEdit};

use super::super::App;
use super::super::action::Action;
use super::super::state::Tab;
use super::layout::main_then_dock;

impl App {
    /// The centre panel: tab bar, then the tab's view.
    pub(in crate::app) fn centre_ui(&mut self, ui: &mut egui::Ui) {
        egui::CentralPanel::default().show(ui, |ui| {
            self.tabs_ui(ui);
            ui.separator();
            let comparison_open = self.session.selection.comparison.is_some();
            let timeline_open = self.view.timeline.is_some();
            match self.view.tab {
                Tab::Compare if comparison_open => self.compare_ui(ui),
                Tab::Timeline if timeline_open => self.timeline_ui(ui),
                _ => {
                    let reader = self.view.panels.reader;
                    self.statements_ui(ui);
                    main_then_dock(
                        ui,
                        super::READER_DOCK,
                        reader,
                        self,
                        Self::list_body_ui,
                        Self::reader_ui,
                    );
                }
            }
        });
    }

    fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        ScrollArea::horizontal()
            .id_salt("tabs")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    let on_timeline =
                        self.view.tab == Tab::Timeline && self.view.timeline.is_some();
                    let on_list = !on_timeline
                        && (self.view.tab == Tab::Statements
                            || self.session.selection.comparison.is_none());
                    if ui
                        .selectable_label(on_list, "Statements")
                        .on_hover_text("The statement list and the article reader")
                        .clicked()
                    {
                        actions.push(Action::ShowStatements);
                    }
                    for index in 0..self.session.comparisons.len() {
                        let current = !on_list
                            && !on_timeline
                            && self.session.selection.comparison == Some(index);
                        self.comparison_tab_ui(ui, index, current, &mut actions);
                    }
                    self.timeline_tab_ui(ui, on_timeline, &mut actions);
                });
            });
        self.pending.extend(actions);
    }

    /// The timeline's tab, while one is open.
    fn timeline_tab_ui(&self, ui: &mut egui::Ui, current: bool, actions: &mut Vec<Action>) {
        if self.view.timeline.is_none() {
            return;
        }
        let phrase = self
            .timeline_phrase()
            .unwrap_or_else(|| "finding...".to_owned());
        let mut name: String = phrase.chars().take(32).collect();
        if phrase.chars().nth(32).is_some() {
            name.push('…');
        }
        ui.separator();
        if ui
            .selectable_label(current, format!("Timeline: {name}"))
            .on_hover_text("The phrase's uses over time")
            .clicked()
        {
            actions.push(Action::ShowTimelineTab);
        }
        if ui
            .small_button("×")
            .on_hover_text("Close the timeline")
            .clicked()
        {
            actions.push(Action::CloseTimeline);
        }
    }

    fn comparison_tab_ui(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        current: bool,
        actions: &mut Vec<Action>,
    ) {
        ui.separator();
        if let Some((renaming, draft)) = &mut self.view.renaming
            && *renaming == index
        {
            let label = ui.label("Comparison name");
            let field = ui
                .add(TextEdit::singleline(draft).desired_width(180.0))
                .labelled_by(label.id);
            if !field.has_focus() && !field.lost_focus() {
                field.request_focus();
            }
            let enter = ui.input(|i| i.key_pressed(Key::Enter));
            let escape = ui.input(|i| i.key_pressed(Key::Escape));
            if escape {
                self.view.renaming = None;
            } else if field.lost_focus() || enter {
                actions.push(Action::RenameComparison {
                    index,
                    name: Some(draft.clone()),
                });
            }
            return;
        }
        let name = self.comparison_name(index);
        let tab = ui
            .selectable_label(current, &name)
            .on_hover_text("Double-click (or F2) to rename");
        if tab.clicked() {
            actions.push(Action::ShowComparison(index));
        }
        if tab.double_clicked() {
            self.view.renaming = Some((index, name.clone()));
        }
        tab.context_menu(|ui| {
            if ui.button("Rename...").clicked() {
                self.view.renaming = Some((index, name.clone()));
            }
            if ui.button("Close").clicked() {
                actions.push(Action::CloseComparisonAt(index));
            }
        });
        if ui
            .small_button("×")
            .on_hover_text(format!("Close {name}"))
            .clicked()
        {
            actions.push(Action::CloseComparisonAt(index));
        }
    }
}
