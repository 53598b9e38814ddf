//! Shift badges: one compact, framed label per shift of position ("weaker: 'firmly
//! opposes' -> 'opposes'"), coloured by kind and naming it, with the reason on hover.

use std::collections::BTreeMap;

use egui::{CornerRadius, Frame, Margin, RichText, Stroke};

use crate::compare::{Shift, ShiftKind};

use super::super::theme::shift_colour;

/// Longest badge text before it is cut (the whole reason is on hover).
const BADGE_CHARS: usize = 80;

/// One badge.
pub(in crate::app) fn shift_badge_ui(ui: &mut egui::Ui, shift: &Shift) -> egui::Response {
    let colour = shift_colour(shift.kind, ui.visuals().dark_mode);
    let mut text = shift.badge();
    if text.chars().count() > BADGE_CHARS {
        text = text.chars().take(BADGE_CHARS).collect::<String>() + "…";
    }
    let mut why = shift.why.clone();
    if let Some(renaming) = &shift.renaming {
        let users = |codes: &[String]| {
            if codes.is_empty() {
                "neutral".to_owned()
            } else {
                codes.join(", ")
            }
        };
        why.push_str(&format!(
            "\n{}: '{}' ({}) -> '{}' ({})",
            renaming.place,
            renaming.left.name,
            users(&renaming.left.used_by),
            renaming.right.name,
            users(&renaming.right.used_by)
        ));
    }
    Frame::new()
        .fill(colour.gamma_multiply(0.16))
        .stroke(Stroke::new(1.5, colour))
        .corner_radius(CornerRadius::same(4))
        .inner_margin(Margin::symmetric(5, 1))
        .show(ui, |ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(text)
                        .small()
                        .color(ui.visuals().strong_text_color()),
                )
                .wrap(),
            )
        })
        .inner
        .on_hover_text(why)
}

/// The badges of a row (or a version), wrapped.
pub(in crate::app) fn shift_badges_ui(ui: &mut egui::Ui, shifts: &[Shift]) {
    if shifts.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for shift in shifts {
            shift_badge_ui(ui, shift);
        }
    });
}

/// "2 shifts (weaker 1, renamed 1)", or `None` when there are none.
pub(in crate::app) fn shift_counts(shifts: &BTreeMap<ShiftKind, usize>) -> Option<String> {
    let total: usize = shifts.values().sum();
    if total == 0 {
        return None;
    }
    let kinds: Vec<String> = shifts
        .iter()
        .map(|(kind, n)| format!("{} {n}", kind.label()))
        .collect();
    Some(format!(
        "{} ({})",
        super::super::wording::counted(total, "shift", "shifts"),
        kinds.join(", ")
    ))
}
