//! Study windows: two governments' claims paired, and a formulation over time.

use super::super::App;

impl App {
    /// The open study window, if any.
    pub(in crate::app) fn study_window_ui(&mut self, _ctx: &egui::Context) {}
}
