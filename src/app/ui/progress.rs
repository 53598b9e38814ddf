//! Work under way, in the status bar and in place of the empty list: what runs (importing,
//! opening, saving, finding statements again), how far it is, and a Cancel button.

use egui::{ProgressBar, RichText};

use super::super::App;
use super::super::action::Action;
use super::super::files::FileAction;

impl App {
    /// One line per piece of work under way: a bar (once the work is slow enough to
    /// watch) and Cancel. Called from the status bar.
    pub(in crate::app) fn progress_ui(&mut self, ui: &mut egui::Ui) {
        let mut cancel = false;
        if let Some(job) = &self.import {
            let (done, total) = job.progress();
            let text = format!("Importing {done} of {total} files");
            cancel |= work_ui(
                ui,
                &text,
                job.is_slow().then(|| fraction(done, total)),
                job.is_cancelling(),
            );
        }
        if let Some(job) = &self.files.job {
            let slow = job.is_slow();
            cancel |= work_ui(
                ui,
                &job.label(),
                slow.then(|| job.fraction().unwrap_or(0.0)),
                job.is_cancelling(),
            );
        }
        if cancel {
            self.pending.push(Action::Files(FileAction::Cancel));
        }
    }

    /// While articles are imported into an empty session, a large progress bar with the
    /// count and Cancel stands where the empty list would say "No articles yet". Returns
    /// false when there is no import to show.
    pub(in crate::app) fn import_progress_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let Some(job) = &self.import else {
            return false;
        };
        let (done, total) = job.progress();
        let stopping = job.is_cancelling();
        let mut cancel = false;
        ui.vertical_centered(|ui| {
            ui.heading(format!("Importing {done} of {total} files…"));
            ui.add_space(8.0);
            ui.add(
                ProgressBar::new(fraction(done, total))
                    .desired_width(ui.available_width().min(420.0))
                    .show_percentage(),
            );
            ui.add_space(8.0);
            if stopping {
                ui.weak("Stopping after the file being read…");
            } else {
                cancel = ui
                    .button("Cancel import")
                    .on_hover_text("Stop after the file being read; what was read is kept")
                    .clicked();
            }
        });
        if cancel {
            self.pending.push(Action::Files(FileAction::Cancel));
        }
        true
    }
}

fn fraction(done: usize, total: usize) -> f32 {
    if total == 0 {
        1.0
    } else {
        done as f32 / total as f32
    }
}

/// One piece of work: its label (with a bar when `fraction` is known) and Cancel; true when
/// Cancel was clicked.
fn work_ui(ui: &mut egui::Ui, label: &str, fraction: Option<f32>, stopping: bool) -> bool {
    let mut cancel = false;
    ui.horizontal(|ui| {
        match fraction {
            Some(fraction) => {
                ui.add(ProgressBar::new(fraction).desired_width(220.0).text(label));
            }
            None => {
                ui.weak(RichText::new(format!("{label}…")));
            }
        }
        if stopping {
            ui.weak("stopping…");
        } else {
            cancel = ui
                .small_button("Cancel")
                .on_hover_text(format!("Stop: {label}"))
                .clicked();
        }
    });
    cancel
}
