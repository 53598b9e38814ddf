//! The panels and views, one file each. Every function taking a `Ui` is called `*_ui`;
//! none changes the session: they push actions.

mod compare;
mod compare_tools;
mod file_windows;
mod focus;
mod input;
mod inspector;
mod inspector_tools;
mod layout;
mod library;
mod menu;
mod progress;
mod reader;
mod rows;
mod shifts;
mod statements;
mod status;
mod studies;
mod tabs;
mod timeline;
mod windows;

pub use layout::{Dock, Edge, main_then_dock};
pub use reader::ReaderView;
pub use rows::RowHeights;

/// The status bar: under the centre and the inspector.
pub const STATUS_DOCK: Dock = Dock {
    id: "status",
    edge: Edge::Bottom,
    default_size: 28.0,
    range: (20.0, 200.0),
    resizable: false,
};

/// The inspector on the right.
pub const INSPECTOR_DOCK: Dock = Dock {
    id: "inspector",
    edge: Edge::Right,
    default_size: 340.0,
    range: (220.0, 640.0),
    resizable: true,
};

/// The article reader under the statement list.
pub const READER_DOCK: Dock = Dock {
    id: "reader",
    edge: Edge::Bottom,
    default_size: 280.0,
    range: (120.0, 2000.0),
    resizable: true,
};
