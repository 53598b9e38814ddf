//! Compare > Export: the open comparison as a self-contained HTML report or as Markdown,
//! with each side's provenance (outlet, date, speaker, file) and the row notes.

use std::path::Path;

use crate::compare::{Pin, compare_texts_with_pins};
use crate::export::comparison::{
    ReportMeta, SideMeta, comparison_html, comparison_markdown, escape_html, escape_markdown,
};
use crate::session::Compared;
use crate::statement::StatementId;

use super::App;
use super::dialogs::{self, Picked};
use super::state::Level;

/// The file format of an exported comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One HTML file with its styles inside.
    Html,
    /// A Markdown document.
    Markdown,
}

impl ExportFormat {
    /// The file extension, without the dot.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
        }
    }

    /// The name a save dialog shows for it.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Html => "HTML report",
            Self::Markdown => "Markdown",
        }
    }
}

/// Why an export could not start.
#[derive(Debug, thiserror::Error)]
enum ExportError {
    #[error("no comparison is open")]
    NothingOpen,
    #[error("one of the compared statements is no longer in the session")]
    Missing,
}

impl App {
    pub(super) fn export_comparison_dialog(&mut self, format: ExportFormat) {
        if self.session.selection.comparison.is_none() {
            self.notice(Level::Info, "Open a comparison to export it.");
            return;
        }
        match dialogs::pick_export_path(format.name(), format.extension(), "comparison") {
            Picked::Chosen(path) => self.push(super::Action::ExportComparison { path, format }),
            Picked::Cancelled => {}
            Picked::Unavailable => self.notice(Level::Warning, dialogs::unavailable_hint()),
        }
    }

    /// Writes the open comparison as a report on a thread (the comparison is made again
    /// there with its options and pins, since the view keeps only what it draws).
    pub(super) fn export_comparison(
        &mut self,
        path: &Path,
        format: ExportFormat,
        ctx: &egui::Context,
    ) {
        match self.report_inputs() {
            Ok(inputs) => {
                self.start_export(path.to_owned(), move || inputs.render(format), ctx);
            }
            Err(err) => self.notice(Level::Error, format!("Could not export: {err}")),
        }
    }

    /// What the report needs, copied out of the session so it can be made on a thread.
    fn report_inputs(&mut self) -> Result<ReportInputs, ExportError> {
        self.caches.refresh(&self.session, self.revision);
        let spec = self.open_spec().ok_or(ExportError::NothingOpen)?;
        let options = self.effective_options(spec);
        let (left, right) = self.compared_texts(spec).ok_or(ExportError::Missing)?;
        let pins: Vec<Pin> = spec
            .pins
            .iter()
            .map(|&(left, right)| Pin { left, right })
            .collect();
        let notes: Vec<(usize, String)> = spec
            .notes
            .iter()
            .map(|(row, note)| (*row, note.clone()))
            .collect();
        Ok(ReportInputs {
            left: left.to_string(),
            right: right.to_string(),
            options,
            pins,
            notes,
            meta: ReportMeta {
                left: self.side_meta(spec.left, spec.compared),
                right: self.side_meta(spec.right, spec.compared),
            },
        })
    }

    /// One side's provenance. An article comparison names the article (title, outlet,
    /// date, file) and no speaker: its side is the whole text, not the first statement.
    fn side_meta(&self, id: StatementId, compared: Compared) -> SideMeta {
        let speaker = match compared {
            Compared::Statements => self
                .caches
                .derived
                .statement(id)
                .and_then(|(s, _)| s.speaker.clone())
                .unwrap_or_default(),
            Compared::Articles => String::new(),
        };
        let Some(article) = self.session.articles.get(&id.article) else {
            return SideMeta {
                speaker,
                ..SideMeta::default()
            };
        };
        SideMeta {
            title: article.display_name(),
            outlet: article.outlet.clone().unwrap_or_default(),
            date: article.date.clone().unwrap_or_default(),
            speaker,
            file: article.provenance.path.clone().unwrap_or_default(),
        }
    }
}

/// A comparison report's inputs, owned, to be made on a thread.
struct ReportInputs {
    left: String,
    right: String,
    options: crate::compare::CompareOptions,
    pins: Vec<Pin>,
    notes: Vec<(usize, String)>,
    meta: ReportMeta,
}

impl ReportInputs {
    /// The report's text.
    fn render(self, format: ExportFormat) -> String {
        let comparison =
            compare_texts_with_pins(&self.left, &self.right, &self.options, &self.pins);
        match format {
            ExportFormat::Html => {
                with_html_notes(comparison_html(&comparison, &self.meta), &self.notes)
            }
            ExportFormat::Markdown => {
                let mut text = comparison_markdown(&comparison, &self.meta);
                if !self.notes.is_empty() {
                    text.push_str("\n## Notes\n\n");
                    for (row, note) in &self.notes {
                        text.push_str(&format!("- Row {}: {}\n", row + 1, escape_markdown(note)));
                    }
                }
                text
            }
        }
    }
}

/// The report with a list of row notes before `</body>` (escaped).
fn with_html_notes(html: String, notes: &[(usize, String)]) -> String {
    if notes.is_empty() {
        return html;
    }
    let mut list = String::from("<h2>Notes</h2>\n<ul>\n");
    for (row, note) in notes {
        list.push_str(&format!(
            "<li>Row {}: {}</li>\n",
            row + 1,
            escape_html(note)
        ));
    }
    list.push_str("</ul>\n");
    match html.rfind("</body>") {
        Some(at) => {
            let mut out = html;
            out.insert_str(at, &list);
            out
        }
        None => html + &list,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(note: &str) -> ReportInputs {
        ReportInputs {
            left: "We object to the plan.".to_owned(),
            right: "We strongly object to the plan.".to_owned(),
            options: crate::compare::CompareOptions::default(),
            pins: Vec::new(),
            notes: vec![(0, note.to_owned())],
            meta: ReportMeta::default(),
        }
    }

    #[test]
    fn row_notes_are_escaped_in_both_report_formats() {
        let note = "check <b>this</b> | *now*\nsecond line";
        let md = inputs(note).render(ExportFormat::Markdown);
        assert!(
            md.contains("- Row 1: check \\<b\\>this\\</b\\> \\| \\*now\\* second line"),
            "{md}"
        );
        let html = inputs(note).render(ExportFormat::Html);
        assert!(html.contains("check &lt;b&gt;this&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<b>this"), "{html}");
    }
}
