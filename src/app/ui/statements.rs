//! The statement list: its toolbar (search, filters, compare), virtualised rows with a
//! Government column and a Words column that keeps the remaining width, multi-selection by
//! mouse and keyboard.

use egui::{Key, Label, Modifiers, RichText, Sense, TextEdit};
use egui_extras::{Column, TableBuilder};

use crate::statement::{StatementId, StatementKind};

use super::super::App;
use super::super::action::Action;
use super::super::derived::{ListSource, government_name, group_name};
use super::super::reader::reflowed;
use super::super::shortcuts::list_focus_id;
use super::super::state::ListFilter;

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

/// The kind filter: all kinds, or one.
fn kind_filter_ui(ui: &mut egui::Ui, kind: &mut Option<StatementKind>) {
    let label = ui.label("Kind filter");
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

/// The right-click menu of a statement row: compare it with the one other selected
/// statement, or compare the two selected statements when it is one of them.
fn row_menu_ui(
    ui: &mut egui::Ui,
    id: StatementId,
    text: &str,
    selected: &[StatementId],
    actions: &mut Vec<Action>,
) {
    let pair = match selected {
        [one] if *one != id => Some((*one, id)),
        [a, b] if *a == id || *b == id => Some((*a, *b)),
        _ => None,
    };
    let label = if matches!(selected, [_, _]) {
        "Compare the two selected statements"
    } else {
        "Compare with the selected statement"
    };
    if ui
        .add_enabled(pair.is_some(), egui::Button::new(label))
        .clicked()
        && let Some((left, right)) = pair
    {
        actions.push(Action::SelectStatements(vec![left, right]));
        actions.push(Action::CompareSelected);
    }
    if ui
        .button("Show over time")
        .on_hover_text("This statement's formula across the session's articles, by date")
        .clicked()
    {
        actions.push(Action::ShowStatementOverTime(id));
    }
    if ui.button("Copy text").clicked() {
        ui.ctx().copy_text(text.to_owned());
    }
}

/// A column of the statement table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Speaker,
    Government,
    Kind,
    Date,
    Article,
}

impl Col {
    const fn title(self) -> &'static str {
        match self {
            Self::Speaker => "Speaker",
            Self::Government => "Government",
            Self::Kind => "Kind",
            Self::Date => "Date",
            Self::Article => "Article",
        }
    }

    const fn width(self) -> f32 {
        match self {
            Self::Speaker => 120.0,
            Self::Government => 100.0,
            Self::Kind => 60.0,
            Self::Date => 84.0,
            Self::Article => 140.0,
        }
    }
}

/// The share of the table the Words column keeps, and the least it gets.
const WORDS_SHARE: f32 = 0.4;
const WORDS_MIN: f32 = 160.0;

/// The columns shown before Words at `width`, most useful first: a column that does not
/// fit is left out (the inspector shows everything of the selected statement), so Words
/// always keeps a readable width.
fn columns_for(width: f32) -> Vec<Col> {
    let mut rest = width - (width * WORDS_SHARE).max(WORDS_MIN);
    let mut shown = Vec::new();
    for col in [
        Col::Speaker,
        Col::Government,
        Col::Kind,
        Col::Date,
        Col::Article,
    ] {
        if col.width() <= rest {
            rest -= col.width();
            shown.push(col);
        } else {
            break;
        }
    }
    shown
}

impl App {
    /// The list's title, search box, filters and compare button, left to right (so Tab
    /// moves through them in reading order).
    pub(in crate::app) fn statements_ui(&mut self, ui: &mut egui::Ui) {
        let Some(source) = self.list_source() else {
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
    }

    /// The statement table, or what to do when there is nothing to list.
    pub(in crate::app) fn list_body_ui(&mut self, ui: &mut egui::Ui) {
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

    /// One line at any width: title, search box (taking what is left), then the filters
    /// and the compare button; below [`COMPACT_TOOLBAR`] the filters fold into a menu.
    fn toolbar_ui(&mut self, ui: &mut egui::Ui, title: &str) {
        let compact = ui.available_width() < COMPACT_TOOLBAR;
        let right_id = ui.scope_id().with("toolbar_right_width");
        let right_width: f32 =
            ui.data(|d| d.get_temp(right_id))
                .unwrap_or(if compact { 230.0 } else { 380.0 });
        ui.horizontal(|ui| {
            ui.scope(|ui| {
                ui.set_max_width(TITLE_WIDTH);
                ui.add(Label::new(RichText::new(title).strong()).truncate())
                    .on_hover_text(title);
            });
            ui.separator();
            let label = ui.label("Search");
            let spacing = ui.spacing().item_spacing.x;
            let width = (ui.available_width() - right_width - 2.0 * spacing)
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
            // Enter in the search box moves on to the results.
            if search.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                self.view.focus_list = true;
            }
            let right = ui.scope(|ui| {
                ui.horizontal(|ui| {
                    if compact {
                        filters_menu_ui(ui, &mut self.view.filter);
                    } else {
                        kind_filter_ui(ui, &mut self.view.filter.kind);
                        ui.checkbox(&mut self.view.filter.low_confidence, "Low confidence")
                            .on_hover_text(LOW_CONFIDENCE_HINT);
                    }
                    let two = self.session.selection.statements.len() == 2;
                    let compare = ui
                        .add_enabled(two, egui::Button::new("Compare selected"))
                        .on_hover_text("Compare the two selected statements (Enter)")
                        .on_disabled_hover_text(
                            "Select two statements (Ctrl+click, Shift+Down, or Ctrl+Space) to compare them",
                        );
                    if compare.clicked() {
                        self.pending.push(Action::CompareSelected);
                    }
                });
            });
            let measured = right.response.rect.width();
            if (measured - right_width).abs() > 1.0 {
                ui.data_mut(|d| d.insert_temp(right_id, measured));
                ui.ctx().request_repaint();
            }
        });
        ui.add_space(4.0);
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, visible: &[StatementId]) {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let selected = self.session.selection.statements.clone();
        let cursor = self.view.cursor;
        let list_id = list_focus_id();
        // The list takes keyboard focus as one widget, before its rows, so Tab reaches it
        // right after the toolbar; while it has focus the arrows move in it.
        let area = ui.available_rect_before_wrap();
        let focus = ui.interact(area, list_id, Sense::focusable_noninteractive());
        focus
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ListBox, true, "Statement list"));
        if std::mem::take(&mut self.view.focus_list) {
            focus.request_focus();
        }
        let focused = focus.has_focus();
        if focused {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    list_id,
                    egui::EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        tab: false,
                        escape: false,
                    },
                );
            });
        }
        self.view.list_focused = focused;
        let mut clicked: Option<(StatementId, Modifiers)> = None;
        let mut menu_actions = Vec::new();
        let columns = columns_for(ui.available_width());
        let mask = columns.iter().fold(0u8, |m, c| m | (1 << *c as u8));
        let derived = &self.caches.derived;
        let articles = &self.session.articles;
        let stroke = ui.visuals().selection.stroke;
        let mut table = TableBuilder::new(ui)
            .id_salt(("statements", mask))
            .striped(true)
            .sense(Sense::click())
            .auto_shrink(false);
        if std::mem::take(&mut self.view.scroll_list) {
            let row = cursor
                .or_else(|| selected.last().copied())
                .and_then(|id| visible.iter().position(|v| *v == id));
            if let Some(row) = row {
                table = table.scroll_to_row(row, None);
            }
        } else if let Some(offset) = self.view.restore.list.take() {
            table = table.vertical_scroll_offset(offset);
        }
        for col in &columns {
            table = table.column(Column::exact(col.width()).clip(true));
        }
        let output = table
            .column(Column::remainder().at_least(WORDS_MIN / 2.0).clip(true))
            .header(row_height, |mut header| {
                for col in &columns {
                    header.col(|ui| {
                        ui.strong(col.title());
                    });
                }
                header.col(|ui| {
                    ui.strong("Words");
                });
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
                    for col in &columns {
                        let cell = match col {
                            Col::Speaker => statement
                                .speaker
                                .clone()
                                .unwrap_or_else(|| "(unknown)".to_owned()),
                            Col::Government => government_cell(statement),
                            Col::Kind => statement.kind.as_str().to_owned(),
                            Col::Date => article.and_then(|a| a.date.clone()).unwrap_or_default(),
                            Col::Article => article
                                .map_or_else(String::new, crate::article::Article::display_name),
                        };
                        row.col(|ui| {
                            ui.add(Label::new(cell).selectable(false).truncate());
                        });
                    }
                    let first_words: String =
                        reflowed(text).chars().take(FIRST_WORDS_CHARS).collect();
                    row.col(|ui| {
                        ui.add(
                            Label::new(RichText::new(first_words))
                                .selectable(false)
                                .truncate(),
                        );
                    });
                    let response = row.response();
                    if focused && cursor == Some(id) {
                        response.ctx.layer_painter(response.layer_id).rect_stroke(
                            response.rect.shrink(1.0),
                            2.0,
                            stroke,
                            egui::StrokeKind::Inside,
                        );
                    }
                    if response.clicked() {
                        clicked = Some((id, response.ctx.input(|i| i.modifiers)));
                    }
                    response.context_menu(|ui| {
                        row_menu_ui(ui, id, text, &selected, &mut menu_actions);
                    });
                });
            });
        self.view.scrolled.0 = output.state.clamped_offset().y;
        if focused {
            ui.painter()
                .rect_stroke(area.shrink(1.0), 2.0, stroke, egui::StrokeKind::Inside);
        }
        self.pending.extend(menu_actions);
        if let Some((id, modifiers)) = clicked {
            let next = next_selection(&selected, id, modifiers, self.view.anchor, visible);
            if !modifiers.shift {
                self.view.anchor = Some(id);
            }
            self.pending.push(Action::SelectStatements(next));
            self.view.cursor = Some(id);
            focus.request_focus();
        }
    }
}

/// The governments a statement speaks for, by name (or its kind of voice).
fn government_cell(statement: &crate::statement::Statement) -> String {
    if statement.governments.is_empty() {
        return statement
            .affiliation
            .clone()
            .unwrap_or_else(|| statement.group.as_str().to_owned());
    }
    governments_label(&statement.governments)
}

/// Governments by name, joined ("China + Russia").
pub(crate) fn governments_label(governments: &[String]) -> String {
    governments
        .iter()
        .map(|g| government_name(g))
        .collect::<Vec<_>>()
        .join(" + ")
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
