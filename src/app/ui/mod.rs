//! The panels and views, one file each. Every function taking a `Ui` is called `*_ui`;
//! none changes the session: they push actions.

mod compare;
mod compare_tools;
mod file_windows;
mod input;
mod inspector;
mod inspector_tools;
mod library;
mod menu;
mod progress;
mod statements;
mod status;
mod studies;
mod windows;
