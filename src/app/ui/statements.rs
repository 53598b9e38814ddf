//! The centre: tabs for the statement list and the comparison; the statement list with its
//! search box, virtualised rows and multi-selection.

use egui::{Align, Key, Label, Layout, Modifiers, RichText, Sense, TextEdit};
use egui_extras::{Column, TableBuilder};

use crate::statement::{StatementId, StatementKind};

use super::super::App;
use super::super::action::Action;
use super::super::derived::{ListSource, group_name};
use super::super::state::{ListFilter, Tab};

/// Words shown in the list's last column before it is cut.
const FIRST_WORDS_CHARS: usize = 140;

/// The selection after clicking `clicked` with `modifiers`: a plain click selects it alone;
/// Ctrl (Cmd) toggles it; Shift selects the range from `anchor` in `visible` order.
#[must_use]
pub fn next_selection(
    current: &[StatementId],
    clicked: StatementId,
    modifiers: Modifiers,
    anchor: Option<StatementId>,
    visible: &[StatementId],
) -> Vec<StatementId> {
    if modifiers.shift {
        let from = anchor.and_then(|a| visible.iter().position(|&v| v == a));
        let to = visible.iter().position(|&v| v == clicked);
        if let (Some(from), Some(to)) = (from, to) {
            let (lo, hi) = (from.min(to), from.max(to));
            return visible[lo..=hi].to_vec();
        }
    }
    if modifiers.command || modifiers.ctrl {
        let mut next = current.to_vec();
        if let Some(at) = next.iter().position(|&s| s == clicked) {
            next.remove(at);
        } else {
            next.push(clicked);
        }
        return next;
    }
    vec![clicked]
}

/// Below this width of the centre the toolbar's filters fold into a menu.
const COMPACT_TOOLBAR: f32 = 640.0;
/// The widest the list's title gets before it is cut.
const TITLE_WIDTH: f32 = 180.0;
/// The search box's width when there is room, and the least it shrinks to.
const SEARCH_WIDTH: f32 = 220.0;
const SEARCH_MIN_WIDTH: f32 = 80.0;
const LOW_CONFIDENCE_HINT: &str = "Only statements Demarche is less than 60% sure of";

/// The statement kinds the filter offers after "all".
const KINDS: [StatementKind; 3] = [
    StatementKind::Direct,
    StatementKind::Partial,
    StatementKind::Indirect,
];

/// The kind filter: all kinds, or one (laid out right to left, so the combo comes first).
fn kind_filter_ui(ui: &mut egui::Ui, kind: &mut Option<StatementKind>) {
    let shown = kind.map_or("all", StatementKind::as_str);
    let combo = egui::ComboBox::from_id_salt("kind_filter")
        .selected_text(shown)
        .width(80.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(kind, None, "all");
            for option in KINDS {
                ui.selectable_value(kind, Some(option), option.as_str());
            }
        });
    let label = ui.label("Kind filter");
    let _ = combo.response.labelled_by(label.id);
}

/// The filters folded into one menu button, for a narrow window.
fn filters_menu_ui(ui: &mut egui::Ui, filter: &mut ListFilter) {
    let active = filter.kind.is_some() || filter.low_confidence;
    let text = if active { "Filters •" } else { "Filters" };
    ui.menu_button(text, |ui| {
        ui.label("Kind");
        ui.radio_value(&mut filter.kind, None, "all");
        for option in KINDS {
            ui.radio_value(&mut filter.kind, Some(option), option.as_str());
        }
        ui.separator();
        ui.checkbox(&mut filter.low_confidence, "Low confidence")
            .on_hover_text(LOW_CONFIDENCE_HINT);
    });
}

/// The right-click menu of a statement row.
fn row_menu_ui(
    ui: &mut egui::Ui,
    id: StatementId,
    text: &str,
    selected: &[StatementId],
    actions: &mut Vec<Action>,
) {
    let other = match selected {
        [one] if *one != id => Some(*one),
        _ => None,
    };
    if ui
        .add_enabled(
            other.is_some(),
            egui::Button::new("Compare with the selected statement"),
        )
        .clicked()
        && let Some(other) = other
    {
        actions.push(Action::SelectStatements(vec![other, id]));
        actions.push(Action::CompareSelected);
    }
    if ui.button("Copy text").clicked() {
        ui.ctx().copy_text(text.to_owned());
    }
}

impl App {
    /// The centre panel: tab bar, then the tab's view.
    pub(in crate::app) fn centre_ui(&mut self, ui: &mut egui::Ui) {
        egui::CentralPanel::default().show(ui, |ui| {
            self.tabs_ui(ui);
            ui.separator();
            let comparison_open = self.session.selection.comparison.is_some();
            match self.view.tab {
                Tab::Compare if comparison_open => self.compare_ui(ui),
                _ => self.statements_ui(ui),
            }
        });
    }

    fn tabs_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let comparison_open = self.session.selection.comparison.is_some();
            let on_list = self.view.tab == Tab::Statements || !comparison_open;
            if ui.selectable_label(on_list, "Statements").clicked() {
                self.view.tab = Tab::Statements;
            }
            let compare_tab = ui.add_enabled(
                comparison_open,
                egui::Button::selectable(!on_list, "Comparison"),
            );
            if compare_tab.clicked() {
                self.view.tab = Tab::Compare;
            }
        });
    }

    /// The search box, the compare button and the statement table.
    fn statements_ui(&mut self, ui: &mut egui::Ui) {
        let Some(source) = self.list_source() else {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                if self.session.articles.is_empty() && self.import_progress_ui(ui) {
                    // The import under way stands in for the empty list.
                } else if self.session.articles.is_empty() {
                    ui.heading("No articles yet");
                    ui.label("Open articles with File > Open Articles (Ctrl+O), drop files on the window, or start with `demarche FILE...`.");
                } else {
                    ui.heading("Choose a government, organisation or article on the left");
                }
            });
            return;
        };
        let title = match &source {
            ListSource::Group(key) => group_name(key),
            ListSource::Article(id) => self
                .session
                .articles
                .get(id)
                .map_or_else(|| id.to_string(), crate::article::Article::display_name),
        };
        self.toolbar_ui(ui, &title);
        let visible = self.caches.list(&source, &self.view.filter);
        if visible.is_empty() {
            ui.add_space(12.0);
            ui.weak(if self.view.filter.is_empty() {
                "No statements here."
            } else {
                "No statement matches the search."
            });
            return;
        }
        self.table_ui(ui, &visible);
    }

    /// One line at any width (a wrapping toolbar moved the rows under the pointer): the
    /// compare button and the filters sit on the right, the search box takes what is left,
    /// and below [`COMPACT_TOOLBAR`] the filters fold into a "Filters" menu.
    fn toolbar_ui(&mut self, ui: &mut egui::Ui, title: &str) {
        let compact = ui.available_width() < COMPACT_TOOLBAR;
        ui.horizontal(|ui| {
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let two = self.session.selection.statements.len() == 2;
                let compare = ui
                    .add_enabled(two, egui::Button::new("Compare selected"))
                    .on_hover_text("Compare the two selected statements (Enter)")
                    .on_disabled_hover_text("Select two statements (Ctrl+click) to compare them");
                if compare.clicked() {
                    self.pending.push(Action::CompareSelected);
                }
                if compact {
                    filters_menu_ui(ui, &mut self.view.filter);
                } else {
                    ui.checkbox(&mut self.view.filter.low_confidence, "Low confidence")
                        .on_hover_text(LOW_CONFIDENCE_HINT);
                    kind_filter_ui(ui, &mut self.view.filter.kind);
                }
                ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                    ui.scope(|ui| {
                        ui.set_max_width(TITLE_WIDTH);
                        ui.add(Label::new(RichText::new(title).strong()).truncate())
                            .on_hover_text(title);
                    });
                    ui.separator();
                    let label = ui.label("Search");
                    let width = (ui.available_width() - ui.spacing().item_spacing.x)
                        .clamp(SEARCH_MIN_WIDTH, SEARCH_WIDTH);
                    let search = ui.add(
                        TextEdit::singleline(&mut self.view.filter.text)
                            .hint_text("text or speaker (Ctrl+F)")
                            .desired_width(width),
                    );
                    let search = search.labelled_by(label.id);
                    if std::mem::take(&mut self.view.focus_search) {
                        search.request_focus();
                    }
                    if search.has_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
                        self.view.filter.text.clear();
                    }
                });
            });
        });
        ui.add_space(4.0);
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, visible: &[StatementId]) {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let selected = self.session.selection.statements.clone();
        let mut clicked: Option<(StatementId, Modifiers)> = None;
        let mut menu_actions = Vec::new();
        let derived = &self.caches.derived;
        let articles = &self.session.articles;
        let mut table = TableBuilder::new(ui);
        if std::mem::take(&mut self.view.scroll_list) {
            let row = selected
                .last()
                .and_then(|id| visible.iter().position(|v| v == id));
            if let Some(row) = row {
                table = table.scroll_to_row(row, None);
            }
        }
        table
            .id_salt("statements")
            .striped(true)
            .sense(Sense::click())
            .auto_shrink(false)
            .column(
                Column::initial(130.0)
                    .at_least(60.0)
                    .clip(true)
                    .resizable(true),
            )
            .column(Column::initial(64.0).at_least(40.0).resizable(true))
            .column(
                Column::initial(130.0)
                    .at_least(60.0)
                    .clip(true)
                    .resizable(true),
            )
            .column(Column::initial(84.0).at_least(40.0).resizable(true))
            .column(Column::remainder().at_least(120.0).clip(true))
            .header(row_height, |mut header| {
                for name in ["Speaker", "Kind", "Article", "Date", "Words"] {
                    header.col(|ui| {
                        ui.strong(name);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, visible.len(), |mut row| {
                    let Some(id) = visible.get(row.index()).copied() else {
                        return;
                    };
                    let Some((statement, text)) = derived.statement(id) else {
                        return;
                    };
                    let article = articles.get(&id.article);
                    row.set_selected(selected.contains(&id));
                    let speaker = statement.speaker.as_deref().unwrap_or("(unknown)");
                    let first_words: String = text.chars().take(FIRST_WORDS_CHARS).collect();
                    let cells = [
                        speaker.to_owned(),
                        statement.kind.as_str().to_owned(),
                        article.map_or_else(String::new, crate::article::Article::display_name),
                        article.and_then(|a| a.date.clone()).unwrap_or_default(),
                    ];
                    for cell in cells {
                        row.col(|ui| {
                            ui.add(Label::new(cell).selectable(false).truncate());
                        });
                    }
                    row.col(|ui| {
                        ui.add(
                            Label::new(RichText::new(first_words))
                                .selectable(false)
                                .truncate(),
                        );
                    });
                    let response = row.response();
                    if response.clicked() {
                        clicked = Some((id, response.ctx.input(|i| i.modifiers)));
                    }
                    response.context_menu(|ui| {
                        row_menu_ui(ui, id, text, &selected, &mut menu_actions);
                    });
                });
            });
        self.pending.extend(menu_actions);
        if let Some((id, modifiers)) = clicked {
            let next = next_selection(&selected, id, modifiers, self.view.anchor, visible);
            if !modifiers.shift {
                self.view.anchor = Some(id);
            }
            self.pending.push(Action::SelectStatements(next));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleId;

    fn id(n: u32) -> StatementId {
        StatementId {
            article: ArticleId(0),
            ordinal: n,
        }
    }

    #[test]
    fn plain_click_selects_one_ctrl_toggles_shift_extends() {
        let visible = [id(0), id(1), id(2), id(3)];
        let one = next_selection(&[id(2)], id(1), Modifiers::NONE, None, &visible);
        assert_eq!(one, [id(1)]);
        let two = next_selection(&one, id(3), Modifiers::COMMAND, Some(id(1)), &visible);
        assert_eq!(two, [id(1), id(3)]);
        let back = next_selection(&two, id(1), Modifiers::COMMAND, Some(id(1)), &visible);
        assert_eq!(back, [id(3)]);
        let range = next_selection(&one, id(3), Modifiers::SHIFT, Some(id(1)), &visible);
        assert_eq!(range, [id(1), id(2), id(3)]);
    }
}
