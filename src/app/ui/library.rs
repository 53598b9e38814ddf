//! The library (left panel): governments, organisations and other voices with their
//! statement counts, then the articles.

use egui::{
    Align, Label, Layout, Panel, Rect, RichText, ScrollArea, Sense, TextStyle, UiBuilder, vec2,
};

use crate::article::Article;

use crate::session::GroupKey;

use super::super::App;
use super::super::action::Action;
use super::super::derived::GroupEntry;
use super::super::theme::government_colour;
use super::super::wording::counted;

impl App {
    /// The left panel.
    pub(in crate::app) fn library_ui(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        Panel::left("library")
            .default_size(240.0)
            .size_range(160.0..=420.0)
            .show(ui, |ui| {
                ui.add_space(2.0);
                ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
                    self.groups_ui(ui, &mut actions);
                    ui.add_space(8.0);
                    self.articles_ui(ui, &mut actions);
                });
            });
        self.pending.extend(actions);
    }

    fn groups_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let derived = &self.caches.derived;
        let chosen = if self.view.list_article.is_none() {
            self.session.selection.group.as_ref()
        } else {
            None
        };
        ui.heading("Governments");
        if derived.governments.is_empty() {
            ui.weak("No government statements yet.");
        }
        group_list_ui(ui, &derived.governments, chosen, actions);
        if !derived.organisations.is_empty() {
            ui.add_space(6.0);
            ui.heading("Organisations");
            group_list_ui(ui, &derived.organisations, chosen, actions);
        }
        if !derived.others.is_empty() {
            ui.add_space(6.0);
            ui.heading("Other voices");
            group_list_ui(ui, &derived.others, chosen, actions);
        }
    }

    /// The articles, two lines each. Only the rows inside the scroll area's viewport are
    /// laid out (a session can hold thousands of articles); the rest is blank space of the
    /// same height, so the scroll bar stays true.
    fn articles_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.heading("Articles");
        if self.session.articles.is_empty() {
            ui.weak("Open articles with File > Open Articles (Ctrl+O) or drop files here.");
            return;
        }
        let picked = self.view.articles.as_slice();
        let pair = match picked {
            [a, b] => Some((*a, *b)),
            _ => None,
        };
        let compare = ui
            .add_enabled(
                pair.is_some(),
                egui::Button::new("Compare articles").small(),
            )
            .on_hover_text("Compare the whole texts of the two articles picked (Enter)")
            .on_disabled_hover_text("Ctrl+click two articles to compare their texts");
        if compare.clicked()
            && let Some((left, right)) = pair
        {
            actions.push(Action::CompareArticles(left, right));
        }
        let spacing = ui.spacing().item_spacing.y;
        let first_line = ui
            .spacing()
            .interact_size
            .y
            .max(ui.text_style_height(&TextStyle::Body));
        let row_height = first_line + spacing + ui.text_style_height(&TextStyle::Small) + spacing;
        let count = self.session.articles.len();
        let (block, _) = ui.allocate_exact_size(
            vec2(ui.available_width(), count as f32 * row_height),
            Sense::hover(),
        );
        let clip = ui.clip_rect();
        let first = ((clip.top() - block.top()) / row_height).floor().max(0.0) as usize;
        let end =
            (((clip.bottom() - block.top()) / row_height).ceil().max(0.0) as usize).min(count);
        for (index, article) in self
            .session
            .articles
            .values()
            .enumerate()
            .skip(first)
            .take(end.saturating_sub(first))
        {
            let rect = Rect::from_min_size(
                block.min + vec2(0.0, index as f32 * row_height),
                vec2(block.width(), row_height),
            );
            let mut row = ui.new_child(
                UiBuilder::new()
                    .id_salt(("article_row", article.id))
                    .max_rect(rect)
                    .layout(Layout::top_down(Align::Min)),
            );
            self.article_row_ui(&mut row, article, actions);
        }
    }

    fn article_row_ui(&self, ui: &mut egui::Ui, article: &Article, actions: &mut Vec<Action>) {
        let picked = &self.view.articles;
        let chosen = self.view.list_article == Some(article.id) || picked.contains(&article.id);
        let response = ui.add(egui::Button::selectable(chosen, article.display_name()).truncate());
        if response.clicked() {
            let modifiers = ui.input(|i| i.modifiers);
            if modifiers.command || modifiers.ctrl {
                let mut next = picked.clone();
                if let Some(at) = next.iter().position(|a| *a == article.id) {
                    next.remove(at);
                } else {
                    next.push(article.id);
                }
                actions.push(Action::SelectArticles(next));
            } else {
                actions.push(Action::SelectArticle(article.id));
                actions.push(Action::SelectArticles(vec![article.id]));
            }
        }
        response.context_menu(|ui| {
            let other = match picked.as_slice() {
                [one] if *one != article.id => Some((*one, article.id)),
                [a, b] if *a == article.id || *b == article.id => Some((*a, *b)),
                _ => None,
            };
            let label = if picked.len() == 2 {
                "Compare the two picked articles"
            } else {
                "Compare with the picked article"
            };
            if ui
                .add_enabled(other.is_some(), egui::Button::new(label))
                .clicked()
                && let Some((left, right)) = other
            {
                actions.push(Action::CompareArticles(left, right));
            }
            if ui.button("List its statements").clicked() {
                actions.push(Action::SelectArticle(article.id));
            }
        });
        let details: Vec<&str> = [article.outlet.as_deref(), article.date.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let count = self.caches.derived.count_in_article(article.id);
        let mut line = details.join(" · ");
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(&counted(count, "statement", "statements"));
        ui.add(Label::new(RichText::new(line).small().weak()).truncate());
    }
}

fn group_list_ui(
    ui: &mut egui::Ui,
    entries: &[GroupEntry],
    chosen: Option<&GroupKey>,
    actions: &mut Vec<Action>,
) {
    for entry in entries {
        ui.horizontal(|ui| {
            if let GroupKey::Government(iso3) = &entry.key {
                // The colour its statements have in the reader.
                let colour = government_colour(Some(iso3), ui.visuals().dark_mode);
                let (rect, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
                ui.painter().rect_filled(rect, 2.0, colour);
            }
            let selected = chosen == Some(&entry.key);
            let response = ui.selectable_label(selected, &entry.name);
            if response.clicked() {
                actions.push(Action::SelectGroup(entry.key.clone()));
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                ui.weak(entry.count.to_string());
            });
        });
    }
}
