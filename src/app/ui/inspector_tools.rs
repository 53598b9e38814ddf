//! The inspector's tools for one statement: "Also reported as" (its near-duplicates in other
//! articles, one click to compare), its versions over time, and corrections beyond
//! reassigning (speaker, kind, merge with the next statement, split at a sentence).

use egui::{CollapsingHeader, RichText, TextEdit};

use crate::compare::split_sentences;
use crate::session::{Anchor, CorrectionKind};
use crate::statement::{Statement, StatementKind};

use super::super::App;
use super::super::action::Action;
use super::super::studies::{Computed, Study};

/// Characters of a statement shown in a list entry.
const SNIPPET: usize = 90;

/// The first `SNIPPET` characters of `text`, with an ellipsis when cut.
pub(in crate::app) fn snippet(text: &str) -> String {
    let mut out: String = text.chars().take(SNIPPET).collect();
    if text.chars().nth(SNIPPET).is_some() {
        out.push('…');
    }
    out
}

impl App {
    /// Everything below the statement's details and above its article.
    pub(in crate::app) fn inspector_tools_ui(&mut self, ui: &mut egui::Ui, statement: &Statement) {
        self.also_reported_ui(ui, statement);
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Versions over time...")
                .on_hover_text("This statement's versions in its government's articles, by date")
                .clicked()
            {
                self.tools.formulation_of = Some(statement.id);
                self.tools.formulation_base = None;
                self.tools.study = Study::Formulation;
            }
            if ui
                .button("Show over time")
                .on_hover_text("This statement's formula across the session's articles, by date and government")
                .clicked()
            {
                self.pending
                    .push(Action::ShowStatementOverTime(statement.id));
            }
            if ui.button("Two governments...").clicked() {
                if self.tools.pairing.left.is_empty()
                    && let Some(first) = statement.governments.first()
                {
                    self.tools.pairing.left.clone_from(first);
                }
                self.tools.study = Study::TwoGovernments;
            }
        });
        self.more_corrections_ui(ui, statement);
        self.add_statement_ui(ui, statement);
    }

    fn also_reported_ui(&mut self, ui: &mut egui::Ui, statement: &Statement) {
        let ctx = ui.ctx().clone();
        let found = self.also_reported(&ctx, statement.id);
        let title = match &found {
            Computed::Ready(list) => format!("Also reported as ({})", list.len()),
            _ => "Also reported as".to_owned(),
        };
        CollapsingHeader::new(title)
            .id_salt("also_reported")
            .default_open(true)
            .show(ui, |ui| match found {
                Computed::Computing => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.weak("Indexing statements...");
                    });
                }
                Computed::Missing => {}
                Computed::Ready(list) if list.is_empty() => {
                    ui.weak("No other article carries this statement.");
                }
                Computed::Ready(list) => {
                    let shifts = self.also_reported_shifts(&ctx, statement.id, &list);
                    for &(other, score) in list.iter() {
                        let Some((s, text)) = self.caches.derived.statement(other) else {
                            continue;
                        };
                        let source = self.session.articles.get(&other.article).map_or_else(
                            String::new,
                            |a| {
                                let mut line = a.outlet.clone().unwrap_or_else(|| a.display_name());
                                if let Some(date) = &a.date {
                                    line.push_str(" · ");
                                    line.push_str(date);
                                }
                                line
                            },
                        );
                        let speaker = s.speaker.clone().unwrap_or_default();
                        ui.horizontal_wrapped(|ui| {
                            ui.label(
                                RichText::new(format!("{:.0}%", score * 100.0))
                                    .small()
                                    .strong(),
                            );
                            ui.weak(format!("{source} · {speaker}"));
                            if ui.small_button(format!("Compare with {source}")).clicked() {
                                self.pending
                                    .push(Action::CompareStatements(statement.id, other));
                            }
                        });
                        ui.add(egui::Label::new(snippet(text)).wrap());
                        if let Some(found) = shifts
                            .as_ref()
                            .and_then(|s| s.iter().find(|(id, _)| *id == other))
                        {
                            super::shifts::shift_badges_ui(ui, &found.1);
                        }
                        ui.add_space(2.0);
                    }
                }
            });
    }

    fn more_corrections_ui(&mut self, ui: &mut egui::Ui, statement: &Statement) {
        let correct = |correction| Action::Correct {
            statement: statement.id,
            correction,
        };
        CollapsingHeader::new("Correct")
            .id_salt("more_corrections")
            .show(ui, |ui| {
                // Speaker.
                let draft = self.tools.speaker_draft.get_or_insert_with(|| {
                    (statement.id, statement.speaker.clone().unwrap_or_default())
                });
                if draft.0 != statement.id {
                    *draft = (statement.id, statement.speaker.clone().unwrap_or_default());
                }
                ui.horizontal(|ui| {
                    let label = ui.label("Speaker name");
                    ui.add(TextEdit::singleline(&mut draft.1).desired_width(160.0))
                        .labelled_by(label.id);
                    let name = draft.1.trim().to_owned();
                    let changed =
                        !name.is_empty() && statement.speaker.as_deref() != Some(name.as_str());
                    if ui
                        .add_enabled(changed, egui::Button::new("Rename speaker"))
                        .clicked()
                    {
                        self.pending.push(correct(CorrectionKind::SetSpeaker(name)));
                    }
                });
                // Kind.
                ui.horizontal(|ui| {
                    ui.label("Kind");
                    for kind in [
                        StatementKind::Direct,
                        StatementKind::Partial,
                        StatementKind::Indirect,
                    ] {
                        if ui
                            .selectable_label(statement.kind == kind, kind.as_str())
                            .clicked()
                            && statement.kind != kind
                        {
                            self.pending.push(correct(CorrectionKind::SetKind(kind)));
                        }
                    }
                });
                // Merge and split.
                let next = self.next_in_article(statement);
                ui.horizontal_wrapped(|ui| {
                    let merge = ui
                        .add_enabled(next.is_some(), egui::Button::new("Merge with next"))
                        .on_hover_text("Join the next statement of the article to this one");
                    if merge.clicked()
                        && let Some(anchor) = next.clone()
                    {
                        self.pending
                            .push(correct(CorrectionKind::MergeWith(vec![anchor])));
                    }
                });
                if let Some(article) = self.session.articles.get(&statement.id.article) {
                    for at in split_points(statement, &article.text) {
                        let rest: String = article.text[at..].chars().take(24).collect();
                        if ui.small_button(format!("Split before “{rest}…”")).clicked() {
                            self.pending.push(correct(CorrectionKind::SplitAt(at)));
                        }
                    }
                }
            });
    }

    /// The anchor of the statement after `statement` in its article.
    fn next_in_article(&self, statement: &Statement) -> Option<Anchor> {
        let article = self.session.articles.get(&statement.id.article)?;
        let start = statement.spans.first()?.start;
        let next = self
            .caches
            .derived
            .in_article(statement.id.article)
            .map(|(s, _)| s)
            .filter(|s| s.id != statement.id)
            .filter_map(|s| Some((s.spans.first()?.start, s)))
            .filter(|(at, _)| *at > start)
            .min_by_key(|(at, s)| (*at, s.id))?
            .1;
        Anchor::of_statement(next, &article.text)
    }
}

/// Article offsets where a sentence of the statement begins (not the first one).
fn split_points(statement: &Statement, text: &str) -> Vec<usize> {
    let mut points = Vec::new();
    for span in &statement.spans {
        let Some(slice) = text.get(span.start..span.end) else {
            continue;
        };
        for sentence in split_sentences(slice) {
            let at = span.start + sentence.start;
            if at > span.start {
                points.push(at);
            }
        }
    }
    points
}

impl App {
    /// The article as selectable text: select the words of a statement Demarche missed, pick
    /// its government and kind, and add it (an anchored, undoable correction).
    pub(in crate::app) fn add_statement_ui(&mut self, ui: &mut egui::Ui, statement: &Statement) {
        let article_id = statement.id.article;
        let Some(article) = self.session.articles.get(&article_id) else {
            return;
        };
        let text = article.text.as_str();
        CollapsingHeader::new("Add a statement")
            .id_salt("add_statement")
            .show(ui, |ui| {
                ui.weak("Select the words in the text below, then add them as a statement.");
                let label = ui.label("Article text");
                let mut shown = text;
                let output = egui::ScrollArea::vertical()
                    .id_salt("add_statement_text")
                    .max_height(180.0)
                    .show(ui, |ui| {
                        TextEdit::multiline(&mut shown)
                            .desired_width(f32::INFINITY)
                            .show(ui)
                    })
                    .inner;
                let _ = output.response.response.clone().labelled_by(label.id);
                if let Some(range) = output.cursor_range {
                    let chars = crate::text::CharIndex::new(text);
                    let (a, b) = (range.primary.index.0, range.secondary.index.0);
                    let (start, end) = (chars.byte_of_char(a.min(b)), chars.byte_of_char(a.max(b)));
                    self.tools.add_selection = trimmed(text, start, end).map(|s| (article_id, s));
                }
                let selection = self
                    .tools
                    .add_selection
                    .filter(|(article, _)| *article == article_id)
                    .map(|(_, span)| span);
                let draft = &mut self.tools.add_draft;
                if draft.governments.is_empty() {
                    draft.governments.clone_from(&statement.governments);
                }
                ui.horizontal_wrapped(|ui| {
                    ui.label("Kind");
                    for kind in [
                        StatementKind::Direct,
                        StatementKind::Partial,
                        StatementKind::Indirect,
                    ] {
                        ui.selectable_value(&mut draft.kind, kind, kind.as_str());
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    let label = ui.label("Speaks for");
                    let shown = draft.governments.first().map_or_else(
                        || "(no government)".to_owned(),
                        |g| super::super::derived::government_name(g),
                    );
                    let combo = egui::ComboBox::from_id_salt("add_government")
                        .selected_text(shown)
                        .height(320.0)
                        .show_ui(ui, |ui| {
                            if ui
                                .selectable_label(draft.governments.is_empty(), "(no government)")
                                .clicked()
                            {
                                draft.governments.clear();
                            }
                            for government in
                                crate::governments::Governments::bundled().iter_by_name()
                            {
                                let current = draft.governments == [government.iso3.clone()];
                                if ui.selectable_label(current, &government.name).clicked() {
                                    draft.governments = vec![government.iso3.clone()];
                                }
                            }
                        });
                    let _ = combo.response.labelled_by(label.id);
                    let label = ui.label("Said by");
                    ui.add(TextEdit::singleline(&mut draft.speaker).desired_width(140.0))
                        .labelled_by(label.id);
                });
                let add = ui
                    .add_enabled(selection.is_some(), egui::Button::new("Add as statement"))
                    .on_disabled_hover_text("Select words in the article text first");
                if add.clicked()
                    && let Some(span) = selection
                {
                    let speaker = Some(draft.speaker.trim().to_owned()).filter(|s| !s.is_empty());
                    self.pending.push(Action::AddStatement {
                        article: article_id,
                        span,
                        kind: draft.kind,
                        speaker,
                        governments: draft.governments.clone(),
                    });
                    self.tools.add_selection = None;
                }
            });
    }
}

/// The byte span `start..end` without white space at either end; `None` when empty.
fn trimmed(text: &str, start: usize, end: usize) -> Option<crate::text::Span> {
    let slice = text.get(start..end)?;
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let span = crate::text::Span::new(start + lead, end - trail);
    (span.start < span.end).then_some(span)
}
