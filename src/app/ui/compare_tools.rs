//! The compare view's tools: the options bar (layout, granularity, what to ignore, aliases),
//! the overview strip of where the changes are, notes on rows and the alias editor.

use egui::{Color32, Rect, Role, Sense, TextEdit, WidgetInfo};

use crate::compare::{CompareOptions, Granularity};

use super::super::App;
use super::super::action::Action;
use super::super::studies::CompareLayout;
use super::super::theme::Palette;

impl App {
    /// Layout, granularity and ignore toggles for the open comparison; changes to the options
    /// are undoable edits saved with the comparison.
    pub(in crate::app) fn compare_options_ui(
        &mut self,
        ui: &mut egui::Ui,
        options: &CompareOptions,
    ) {
        let mut next = options.clone();
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(
                &mut self.tools.layout,
                CompareLayout::SideBySide,
                "Side by side",
            );
            ui.selectable_value(&mut self.tools.layout, CompareLayout::Inline, "Inline");
            ui.separator();
            ui.selectable_value(&mut next.granularity, Granularity::Word, "Words");
            ui.selectable_value(&mut next.granularity, Granularity::Char, "Characters");
            ui.separator();
            ui.checkbox(&mut next.ignore_case, "Ignore case");
            ui.checkbox(&mut next.ignore_punctuation, "Ignore punctuation");
            ui.checkbox(&mut next.ignore_whitespace, "Ignore white space");
            ui.separator();
            ui.checkbox(&mut self.tools.shifts_only, "Only rows with shifts")
                .on_hover_text("Show only the rows where the position moved (stronger, weaker, hedged, negated, renamed)");
            ui.separator();
            let aliases = self.session.aliases.len();
            if ui
                .button(format!("Aliases ({aliases})..."))
                .on_hover_text("Spellings compared as the same, such as two names of one place")
                .clicked()
            {
                self.tools.aliases_open = true;
            }
        });
        if next != *options {
            self.pending.push(Action::SetCompareOptions(next));
        }
    }

    /// A thin strip beside the rows: one tick per changed row at its place; a click goes there.
    pub(in crate::app) fn overview_ui(
        &mut self,
        ui: &mut egui::Ui,
        rect: Rect,
        rows: usize,
        changed: &[usize],
    ) {
        let response = ui.interact(
            rect,
            ui.make_persistent_id("compare_overview"),
            Sense::click(),
        );
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, "Overview of changes"));
        let response = response.on_hover_text("Where the changes are: click to go there");
        let palette = Palette::of(ui.visuals());
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
        if rows == 0 {
            return;
        }
        let step = rect.height() / rows as f32;
        for &row in changed {
            let top = rect.min.y + step * row as f32;
            let tick = Rect::from_min_max(
                egui::pos2(rect.min.x + 2.0, top),
                egui::pos2(rect.max.x - 2.0, top + step.clamp(2.0, 12.0)),
            );
            painter.rect_filled(tick, 1.0, palette.deleted_fg);
        }
        if let Some(current) = self.view.change_row {
            let y = rect.min.y + step * (current as f32 + 0.5);
            painter.hline(rect.x_range(), y, (2.0, Color32::from_gray(128)));
        }
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let row = (((pos.y - rect.min.y) / step).floor().max(0.0) as usize).min(rows - 1);
            let target = changed
                .iter()
                .copied()
                .min_by_key(|&c| c.abs_diff(row))
                .unwrap_or(row);
            self.pending.push(Action::GoToRow(target));
        }
    }

    /// The row's note, or its editor while the user writes one.
    pub(in crate::app) fn row_note_ui(
        &mut self,
        ui: &mut egui::Ui,
        row: usize,
        note: Option<&String>,
    ) {
        if let Some((editing, draft)) = &mut self.tools.note_edit
            && *editing == row
        {
            let mut done = None;
            ui.horizontal(|ui| {
                let label = ui.label(format!("Note on row {}:", row + 1));
                ui.add(TextEdit::singleline(draft).desired_width(360.0))
                    .labelled_by(label.id);
                if ui.button("Save row note").clicked() {
                    done = Some(Some(draft.clone()));
                }
                if ui.button("Cancel").clicked() {
                    done = Some(None);
                }
            });
            if let Some(result) = done {
                if let Some(text) = result {
                    self.pending.push(Action::SetRowNote {
                        row,
                        note: Some(text),
                    });
                }
                self.tools.note_edit = None;
            }
            return;
        }
        let Some(note) = note else {
            return;
        };
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!("Note: {note}"));
            if ui.small_button("Edit note").clicked() {
                self.tools.note_edit = Some((row, note.clone()));
            }
            if ui.small_button("Remove note").clicked() {
                self.pending.push(Action::SetRowNote { row, note: None });
            }
        });
    }

    /// The session's aliases: each pair with a remove button, and a row to add one.
    pub(in crate::app) fn aliases_window_ui(&mut self, ctx: &egui::Context) {
        if !self.tools.aliases_open {
            return;
        }
        let mut open = true;
        let mut aliases = self.session.aliases.clone();
        let mut changed = false;
        egui::Window::new("Aliases")
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label("Spellings the comparison treats as the same (shown as written).");
                egui::Grid::new("aliases").striped(true).show(ui, |ui| {
                    let mut remove = None;
                    for (i, (from, to)) in aliases.iter().enumerate() {
                        ui.label(from);
                        ui.label("=");
                        ui.label(to);
                        if ui.small_button(format!("Remove {from}")).clicked() {
                            remove = Some(i);
                        }
                        ui.end_row();
                    }
                    if let Some(i) = remove {
                        aliases.remove(i);
                        changed = true;
                    }
                });
                ui.separator();
                let (from, to) = &mut self.tools.alias_draft;
                ui.horizontal(|ui| {
                    let label = ui.label("Spelling");
                    ui.add(TextEdit::singleline(from).desired_width(140.0))
                        .labelled_by(label.id);
                    let label = ui.label("same as");
                    ui.add(TextEdit::singleline(to).desired_width(140.0))
                        .labelled_by(label.id);
                    let ready = !from.trim().is_empty() && !to.trim().is_empty();
                    if ui
                        .add_enabled(ready, egui::Button::new("Add alias"))
                        .clicked()
                    {
                        aliases.push((from.trim().to_owned(), to.trim().to_owned()));
                        from.clear();
                        to.clear();
                        changed = true;
                    }
                });
            });
        self.tools.aliases_open = open;
        if changed {
            self.pending.push(Action::SetAliases(aliases));
        }
    }
}

impl App {
    /// Compare menu entries of the tools: export, aliases, studies.
    pub(in crate::app) fn compare_tools_menu_ui(
        &mut self,
        ui: &mut egui::Ui,
        actions: &mut Vec<Action>,
    ) {
        use super::super::action::Tool;
        use super::super::export::ExportFormat;
        use super::super::shortcuts::Command;
        use super::menu::item_ui;
        let open = self.session.selection.comparison.is_some();
        ui.separator();
        item_ui(
            ui,
            "Export as HTML...",
            Some(Command::ExportHtml),
            open,
            Action::ExportComparisonDialog(ExportFormat::Html),
            actions,
        );
        item_ui(
            ui,
            "Export as Markdown...",
            Some(Command::ExportMarkdown),
            open,
            Action::ExportComparisonDialog(ExportFormat::Markdown),
            actions,
        );
        ui.separator();
        item_ui(
            ui,
            "Aliases...",
            Some(Command::Aliases),
            true,
            Action::OpenTool(Tool::Aliases),
            actions,
        );
        item_ui(
            ui,
            "Two Governments...",
            Some(Command::TwoGovernments),
            true,
            Action::OpenTool(Tool::TwoGovernments),
            actions,
        );
        let selected = !self.session.selection.statements.is_empty();
        item_ui(
            ui,
            "Versions Over Time...",
            Some(Command::Versions),
            selected,
            Action::OpenTool(Tool::Versions),
            actions,
        );
        item_ui(
            ui,
            "Timeline of a Phrase...",
            Some(Command::Timeline),
            !self.session.articles.is_empty(),
            Action::TimelinePrompt,
            actions,
        );
    }
}
