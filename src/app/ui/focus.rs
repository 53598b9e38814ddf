//! A ring around whatever has keyboard focus, drawn over everything, so focus stays
//! visible on every widget (egui's own focus look is faint on buttons and lost on labels).

use egui::{Id, LayerId, Order, StrokeKind};

use super::super::App;
use super::super::shortcuts::list_focus_id;

impl App {
    /// Rings the focused widget (the statement list draws its own ring).
    pub(in crate::app) fn focus_ring_ui(&self, ctx: &egui::Context) {
        let Some(id) = ctx.memory(|m| m.focused()) else {
            return;
        };
        if id == list_focus_id() {
            return;
        }
        let Some(response) = ctx.read_response(id) else {
            return;
        };
        let stroke = ctx.global_style().visuals.selection.stroke;
        let stroke = egui::Stroke::new(stroke.width.max(2.0), stroke.color);
        ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("focus_ring")))
            .with_clip_rect(response.interact_rect.expand(4.0))
            .rect_stroke(response.rect.expand(1.0), 3.0, stroke, StrokeKind::Outside);
    }
}
