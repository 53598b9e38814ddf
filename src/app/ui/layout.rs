//! Laying out a region and a panel docked at its right or bottom edge in reading order.
//!
//! egui panels must be shown before the region they border, and keyboard focus moves (Tab)
//! in the order widgets are shown, so a right-hand inspector or a bottom status bar drawn
//! first would take Tab before the centre. [`main_then_dock`] draws the main region first,
//! in the space the panel left last frame (its size is kept by egui), then the panel.

use egui::containers::panel::PanelState;
use egui::{Align, Layout, Panel, Rect, Ui, UiBuilder};

/// Which edge the panel sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// The right edge (the inspector).
    Right,
    /// The bottom edge (the status bar, the reader).
    Bottom,
}

/// The docked panel: its id, edge, sizes and whether it can be resized.
#[derive(Debug, Clone, Copy)]
pub struct Dock {
    /// The panel's id salt.
    pub id: &'static str,
    /// Which edge.
    pub edge: Edge,
    /// Its size before the user resizes it.
    pub default_size: f32,
    /// The least and most it may take.
    pub range: (f32, f32),
    /// The user may drag its edge.
    pub resizable: bool,
}

impl Dock {
    fn panel(&self) -> Panel {
        let panel = match self.edge {
            Edge::Right => Panel::right(self.id),
            Edge::Bottom => Panel::bottom(self.id),
        };
        panel
            .default_size(self.default_size)
            .size_range(self.range.0..=self.range.1)
            .resizable(self.resizable)
    }
}

/// Draws `main` in `ui`'s free space less the panel, then the panel (when not `shown`,
/// `main` takes it all). Both get `state`. Returns what `main` returned.
pub fn main_then_dock<T, R>(
    ui: &mut Ui,
    dock: Dock,
    shown: bool,
    state: &mut T,
    main: impl FnOnce(&mut T, &mut Ui) -> R,
    panel: impl FnOnce(&mut T, &mut Ui),
) -> R {
    let rect = ui.available_rect_before_wrap();
    let mut host = ui.new_child(
        UiBuilder::new()
            .id_salt((dock.id, "host"))
            .max_rect(rect)
            .layout(Layout::top_down(Align::Min)),
    );
    let size = if shown {
        let stored = PanelState::load(
            ui.ctx(),
            host.scope_id().with_salt(egui::IdSalt::new(dock.id)),
        );
        let along = match dock.edge {
            Edge::Right => rect.width(),
            Edge::Bottom => rect.height(),
        };
        let wanted = stored.map_or(dock.default_size, |state| match dock.edge {
            Edge::Right => state.size().x,
            Edge::Bottom => state.size().y,
        });
        wanted.clamp(dock.range.0, dock.range.1).min(along)
    } else {
        0.0
    };
    let main_rect = match dock.edge {
        Edge::Right => Rect::from_min_max(rect.min, egui::pos2(rect.max.x - size, rect.max.y)),
        Edge::Bottom => Rect::from_min_max(rect.min, egui::pos2(rect.max.x, rect.max.y - size)),
    };
    let mut main_ui = ui.new_child(
        UiBuilder::new()
            .id_salt((dock.id, "main"))
            .max_rect(main_rect)
            .layout(Layout::top_down(Align::Min)),
    );
    main_ui.shrink_clip_rect(main_rect);
    let out = main(state, &mut main_ui);
    if shown {
        dock.panel().show(&mut host, |ui| {
            if dock.resizable {
                // Fill the panel, so its first frame (often a short hint) does not set
                // the size egui keeps for it.
                ui.expand_to_include_rect(ui.max_rect());
            }
            panel(state, ui);
        });
    }
    ui.advance_cursor_after_rect(rect);
    out
}
