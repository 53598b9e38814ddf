//! The one table of keyboard shortcuts: menus show it and key handling reads it, so the
//! two cannot drift apart.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::action::Action;

/// A command the keyboard can trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// File > Open Articles...
    OpenArticles,
    /// File > Open URL...
    OpenUrl,
    /// File > Save
    Save,
    /// File > Save As...
    SaveAs,
    /// File > Quit
    Quit,
    /// Edit > Undo
    Undo,
    /// Edit > Redo
    Redo,
    /// Edit > Find
    Find,
    /// Compare > Compare selected
    CompareSelected,
    /// Select the next statement in the list
    NextStatement,
    /// Select the previous statement in the list
    PreviousStatement,
    /// Compare > Next change
    NextChange,
    /// Compare > Previous change
    PreviousChange,
}

impl Command {
    /// The action the command pushes.
    #[must_use]
    pub fn action(self) -> Action {
        match self {
            Self::OpenArticles => Action::OpenArticlesDialog,
            Self::OpenUrl => Action::OpenUrlPrompt,
            Self::Save => Action::SaveSession,
            Self::SaveAs => Action::SaveSessionAsDialog,
            Self::Quit => Action::Quit,
            Self::Undo => Action::Undo,
            Self::Redo => Action::Redo,
            Self::Find => Action::FocusSearch,
            Self::CompareSelected => Action::CompareSelected,
            Self::NextStatement => Action::MoveSelection(1),
            Self::PreviousStatement => Action::MoveSelection(-1),
            Self::NextChange => Action::NextChange,
            Self::PreviousChange => Action::PreviousChange,
        }
    }

    /// True for commands a focused text field handles itself (its own undo).
    #[must_use]
    pub const fn is_text_editing(self) -> bool {
        matches!(self, Self::Undo | Self::Redo)
    }

    /// What the command does, for the shortcuts window.
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            Self::OpenArticles => "Open articles",
            Self::OpenUrl => "Open an article from a web address",
            Self::Save => "Save the session",
            Self::SaveAs => "Save the session under a new name",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Find => "Search the statement list",
            Self::CompareSelected => "Compare the two selected statements",
            Self::NextStatement => "Select the next statement in the list",
            Self::PreviousStatement => "Select the previous statement in the list",
            Self::NextChange => "Go to the next change in the comparison",
            Self::PreviousChange => "Go to the previous change in the comparison",
        }
    }
}

const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

/// Every shortcut, most specific first (Ctrl+Shift+S before Ctrl+S), so consuming them in
/// order never lets a shorter one swallow a longer one.
pub const SHORTCUTS: &[(KeyboardShortcut, Command)] = &[
    (KeyboardShortcut::new(CTRL_SHIFT, Key::S), Command::SaveAs),
    (KeyboardShortcut::new(CTRL_SHIFT, Key::Z), Command::Redo),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
        Command::Redo,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
        Command::OpenArticles,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::L),
        Command::OpenUrl,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
        Command::Save,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Q),
        Command::Quit,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
        Command::Undo,
    ),
    (
        KeyboardShortcut::new(Modifiers::COMMAND, Key::F),
        Command::Find,
    ),
    (
        KeyboardShortcut::new(Modifiers::SHIFT, Key::F7),
        Command::PreviousChange,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::F7),
        Command::NextChange,
    ),
    (
        KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown),
        Command::NextChange,
    ),
    (
        KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp),
        Command::PreviousChange,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::ArrowDown),
        Command::NextStatement,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::ArrowUp),
        Command::PreviousStatement,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::Enter),
        Command::CompareSelected,
    ),
];

/// The first shortcut of `command`, for the menu.
#[must_use]
pub fn shortcut_of(command: Command) -> Option<KeyboardShortcut> {
    SHORTCUTS
        .iter()
        .find(|(_, c)| *c == command)
        .map(|(shortcut, _)| *shortcut)
}

/// The text a menu shows for `command`'s shortcut ("Ctrl+S").
#[must_use]
pub fn shortcut_text(ctx: &egui::Context, command: Command) -> String {
    shortcut_of(command).map_or_else(String::new, |s| ctx.format_shortcut(&s))
}

/// Consumes the shortcuts pressed this frame and returns their actions. Keys without
/// modifiers (Enter, arrows, F7) and undo/redo are left to a text field that has focus.
pub fn handle_keys(ctx: &egui::Context) -> Vec<Action> {
    let text_focused = ctx.memory(|m| m.focused().is_some()) && ctx.egui_wants_keyboard_input();
    let mut actions = Vec::new();
    ctx.input_mut(|input| {
        for (shortcut, command) in SHORTCUTS {
            if text_focused && (shortcut.modifiers.is_none() || command.is_text_editing()) {
                continue;
            }
            if input.consume_shortcut(shortcut) {
                actions.push(command.action());
            }
        }
    });
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subset(a: Modifiers, b: Modifiers) -> bool {
        (!a.ctrl || b.ctrl)
            && (!a.shift || b.shift)
            && (!a.alt || b.alt)
            && (!a.command || b.command)
            && (!a.mac_cmd || b.mac_cmd)
    }

    #[test]
    fn longer_shortcuts_come_before_their_prefixes() {
        for (i, (earlier, _)) in SHORTCUTS.iter().enumerate() {
            for (later, _) in &SHORTCUTS[i + 1..] {
                let shadows = earlier.logical_key == later.logical_key
                    && subset(earlier.modifiers, later.modifiers)
                    && earlier.modifiers != later.modifiers;
                assert!(!shadows, "{later:?} must come before {earlier:?}");
            }
        }
    }

    #[test]
    fn every_command_has_a_shortcut() {
        for command in [
            Command::OpenArticles,
            Command::OpenUrl,
            Command::Save,
            Command::SaveAs,
            Command::Quit,
            Command::Undo,
            Command::Redo,
            Command::Find,
            Command::CompareSelected,
            Command::NextChange,
            Command::PreviousChange,
            Command::NextStatement,
            Command::PreviousStatement,
        ] {
            assert!(shortcut_of(command).is_some(), "{command:?}");
        }
    }
}
