//! A scroll area of rows of different heights that lays out only the rows in view: the
//! comparison rows and the reader's paragraphs. Heights start as estimates and are replaced
//! by what each row measured when drawn, so the scroll bar stays true.

use std::ops::Range;

use egui::{Align, Layout, Rect, ScrollArea, Ui, UiBuilder, vec2};

/// The rows' heights, kept between frames for one list of rows.
#[derive(Debug, Clone, Default)]
pub struct RowHeights {
    key: u64,
    heights: Vec<f32>,
}

/// Where to scroll this frame.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScrollTo {
    /// Bring this row into view (centred, or at the top).
    pub row: Option<(usize, Align)>,
    /// Else go to this offset (restoring a saved position).
    pub offset: Option<f32>,
}

/// What the rows area did.
#[derive(Debug, Clone)]
pub struct RowsOutput {
    /// The scroll offset after this frame.
    pub offset: f32,
    /// The rows laid out (those in view).
    pub drawn: Range<usize>,
    /// A row measured other than its estimate (the layout settles next frame).
    pub changed: bool,
}

/// Which rows to draw.
#[derive(Debug, Clone, Copy)]
pub struct Rows<'a> {
    /// The scroll area's id salt.
    pub id_salt: &'a str,
    /// Names the list: when it changes (other rows, another width) the heights are
    /// estimated afresh.
    pub key: u64,
    /// How many rows.
    pub count: usize,
    /// Where to scroll this frame.
    pub scroll: ScrollTo,
}

/// Draws the rows with `row_ui`, only those in view; `estimate` gives a row's height
/// before it was ever drawn.
pub fn rows_ui(
    ui: &mut Ui,
    heights: &mut RowHeights,
    rows: Rows<'_>,
    estimate: impl Fn(usize) -> f32,
    mut row_ui: impl FnMut(&mut Ui, usize),
) -> RowsOutput {
    let Rows {
        id_salt,
        key,
        count,
        scroll,
    } = rows;
    if heights.key != key || heights.heights.len() != count {
        heights.heights = (0..count).map(&estimate).collect();
        heights.key = key;
    }
    let mut tops = Vec::with_capacity(count + 1);
    let mut y = 0.0;
    for h in &heights.heights {
        tops.push(y);
        y += h;
    }
    let total = y;
    let viewport_height = ui.available_height();
    let mut area = ScrollArea::vertical().id_salt(id_salt).auto_shrink(false);
    if let Some((row, align)) = scroll.row
        && let (Some(&top), Some(&height)) = (tops.get(row), heights.heights.get(row))
    {
        let offset = match align {
            Align::Min => top,
            Align::Center => top - (viewport_height - height) / 2.0,
            Align::Max => top + height - viewport_height,
        };
        area = area.vertical_scroll_offset(offset.clamp(0.0, (total - viewport_height).max(0.0)));
    } else if let Some(offset) = scroll.offset {
        area = area.vertical_scroll_offset(offset.max(0.0));
    }
    let mut changed = false;
    let mut drawn = 0..0;
    let output = area.show_viewport(ui, |ui, viewport| {
        ui.set_height(total);
        let origin = ui.max_rect().min;
        let width = ui.available_width();
        let first = tops
            .partition_point(|&t| t <= viewport.min.y)
            .saturating_sub(1);
        let mut end = first;
        for (i, top) in tops.iter().enumerate().skip(first) {
            if *top > viewport.max.y {
                break;
            }
            let Some(height) = heights.heights.get_mut(i) else {
                break;
            };
            let rect = Rect::from_min_size(origin + vec2(0.0, *top), vec2(width, *height));
            let mut row = ui.new_child(
                UiBuilder::new()
                    .id_salt(("row", i))
                    .max_rect(rect)
                    .layout(Layout::top_down(Align::Min)),
            );
            row_ui(&mut row, i);
            let measured = row.min_rect().height();
            if (measured - *height).abs() > 0.5 {
                *height = measured;
                changed = true;
            }
            end = i + 1;
        }
        drawn = first.min(end)..end;
    });
    if changed {
        ui.ctx().request_repaint();
    }
    RowsOutput {
        offset: output.state.clamped_offset().y,
        drawn,
        changed,
    }
}
