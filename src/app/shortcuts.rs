//! The one table of keyboard shortcuts: menus show it and key handling reads it, so the
//! two cannot drift apart.

use egui::{Id, Key, KeyboardShortcut, Modifiers};

use super::action::{Action, ExportFormat, Tool};
use super::state::PanelKind;

/// The focus id of the statement list: arrows and Enter act on the list while it (or
/// nothing) has keyboard focus.
pub const LIST_FOCUS: &str = "statement_list_focus";

/// The [`Id`] behind [`LIST_FOCUS`].
#[must_use]
pub fn list_focus_id() -> Id {
    Id::unique(LIST_FOCUS)
}

/// A command the keyboard can trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// File > Open Articles...
    OpenArticles,
    /// File > Open URL...
    OpenUrl,
    /// File > Open Session...
    OpenSession,
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
    /// Edit > Select All
    SelectAll,
    /// Edit > Re-extract With Current Rules
    Reextract,
    /// Compare > Compare Selected
    CompareSelected,
    /// Compare > Compare Two Files...
    CompareFiles,
    /// Select the next statement in the list
    NextStatement,
    /// Select the previous statement in the list
    PreviousStatement,
    /// Extend the selection down
    ExtendDown,
    /// Extend the selection up
    ExtendUp,
    /// Move the keyboard's place down without selecting
    CursorDown,
    /// Move the keyboard's place up without selecting
    CursorUp,
    /// Add or remove the statement the keyboard is on
    ToggleCursor,
    /// Compare > Next Change
    NextChange,
    /// Compare > Previous Change
    PreviousChange,
    /// Compare > Next Shift
    NextShift,
    /// Compare > Previous Shift
    PreviousShift,
    /// Compare > Timeline of a Phrase...
    Timeline,
    /// Compare > Rename Comparison...
    RenameComparison,
    /// Compare > Close Comparison
    CloseComparison,
    /// View > Next Tab
    NextTab,
    /// View > Previous Tab
    PreviousTab,
    /// View > Library
    ToggleLibrary,
    /// View > Inspector
    ToggleInspector,
    /// View > Article Reader
    ToggleReader,
    /// View > Dark
    ToggleDark,
    /// Help > Keyboard Shortcuts
    Shortcuts,
    /// Compare > Export as HTML...
    ExportHtml,
    /// Compare > Export as Markdown...
    ExportMarkdown,
    /// Compare > Aliases...
    Aliases,
    /// Compare > Two Governments...
    TwoGovernments,
    /// Compare > Versions Over Time...
    Versions,
    /// View > Statement List
    StatementList,
}

/// When a command's keys are taken from the focused widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Always (a function key or a Ctrl combination no widget uses).
    Global,
    /// Unless a text field has focus (it has its own undo, select all, word moves).
    NotInText,
    /// Only while the statement list, or nothing, has focus (a focused button takes Enter
    /// and arrows move focus between widgets).
    List,
}

impl Command {
    /// The action the command pushes (`dark`: dark mode is on now).
    #[must_use]
    pub fn action(self, dark: bool) -> Action {
        match self {
            Self::OpenArticles => Action::OpenArticlesDialog,
            Self::OpenUrl => Action::OpenUrlPrompt,
            Self::OpenSession => Action::OpenSessionDialog,
            Self::Save => Action::SaveSession,
            Self::SaveAs => Action::SaveSessionAsDialog,
            Self::Quit => Action::Quit,
            Self::Undo => Action::Undo,
            Self::Redo => Action::Redo,
            Self::Find => Action::FocusSearch,
            Self::SelectAll => Action::SelectAll,
            Self::Reextract => Action::Reextract,
            Self::CompareSelected => Action::CompareSelected,
            Self::CompareFiles => Action::CompareFilesDialog,
            Self::NextStatement => Action::MoveSelection(1),
            Self::PreviousStatement => Action::MoveSelection(-1),
            Self::ExtendDown => Action::ExtendSelection(1),
            Self::ExtendUp => Action::ExtendSelection(-1),
            Self::CursorDown => Action::MoveCursor(1),
            Self::CursorUp => Action::MoveCursor(-1),
            Self::ToggleCursor => Action::ToggleCursor,
            Self::NextChange => Action::NextChange,
            Self::PreviousChange => Action::PreviousChange,
            Self::NextShift => Action::NextShift,
            Self::PreviousShift => Action::PreviousShift,
            Self::Timeline => Action::TimelinePrompt,
            Self::RenameComparison => Action::StartRename,
            Self::CloseComparison => Action::CloseComparison,
            Self::NextTab => Action::CycleTab(1),
            Self::PreviousTab => Action::CycleTab(-1),
            Self::ToggleLibrary => Action::TogglePanel(PanelKind::Library),
            Self::ToggleInspector => Action::TogglePanel(PanelKind::Inspector),
            Self::ToggleReader => Action::TogglePanel(PanelKind::Reader),
            Self::ToggleDark => Action::SetDarkMode(!dark),
            Self::Shortcuts => Action::ShowShortcuts,
            Self::ExportHtml => Action::ExportComparisonDialog(ExportFormat::Html),
            Self::ExportMarkdown => Action::ExportComparisonDialog(ExportFormat::Markdown),
            Self::Aliases => Action::OpenTool(Tool::Aliases),
            Self::TwoGovernments => Action::OpenTool(Tool::TwoGovernments),
            Self::Versions => Action::OpenTool(Tool::Versions),
            Self::StatementList => Action::ShowStatements,
        }
    }

    /// When the command's keys are taken from a focused widget.
    #[must_use]
    pub const fn scope(self) -> Scope {
        match self {
            Self::Undo
            | Self::Redo
            | Self::SelectAll
            | Self::ExtendDown
            | Self::ExtendUp
            | Self::CursorDown
            | Self::CursorUp
            | Self::ToggleCursor => Scope::NotInText,
            Self::NextStatement | Self::PreviousStatement | Self::CompareSelected => Scope::List,
            _ => Scope::Global,
        }
    }

    /// What the command does, for the shortcuts window.
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            Self::OpenArticles => "Open articles",
            Self::OpenUrl => "Open an article from a web address",
            Self::OpenSession => "Open a session",
            Self::Save => "Save the session",
            Self::SaveAs => "Save the session under a new name",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Find => "Search the statement list",
            Self::SelectAll => "Select every statement in the list",
            Self::Reextract => "Find the statements again with the current rules",
            Self::CompareSelected => {
                "Compare the two selected statements (or the two articles selected in the library)"
            }
            Self::CompareFiles => "Compare two files from disk",
            Self::NextStatement => "Select the next statement in the list",
            Self::PreviousStatement => "Select the previous statement in the list",
            Self::ExtendDown => "Extend the selection down",
            Self::ExtendUp => "Extend the selection up",
            Self::CursorDown => "Move down the list without selecting",
            Self::CursorUp => "Move up the list without selecting",
            Self::ToggleCursor => "Add the statement to the selection, or take it out",
            Self::NextChange => "Go to the next change in the comparison",
            Self::PreviousChange => "Go to the previous change in the comparison",
            Self::NextShift => "Go to the next shift of position (stronger, weaker, hedged...)",
            Self::PreviousShift => "Go to the previous shift of position",
            Self::Timeline => "Follow a phrase over time across the session's articles",
            Self::RenameComparison => "Rename the comparison on screen",
            Self::CloseComparison => "Close the comparison on screen",
            Self::NextTab => "Show the next tab",
            Self::PreviousTab => "Show the previous tab",
            Self::ToggleLibrary => "Show or hide the library",
            Self::ToggleInspector => "Show or hide the inspector",
            Self::ToggleReader => "Show or hide the article reader",
            Self::ToggleDark => "Switch between light and dark",
            Self::Shortcuts => "List the keyboard shortcuts",
            Self::ExportHtml => "Export the comparison as HTML",
            Self::ExportMarkdown => "Export the comparison as Markdown",
            Self::Aliases => "Edit the spellings compared as the same",
            Self::TwoGovernments => "Pair two governments' statements",
            Self::Versions => "Show the selected statement's versions over time",
            Self::StatementList => "Show the statement list",
        }
    }
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const NONE: Modifiers = Modifiers::NONE;

const fn key(modifiers: Modifiers, key: Key, command: Command) -> (KeyboardShortcut, Command) {
    (KeyboardShortcut::new(modifiers, key), command)
}

/// Every shortcut, most specific first (Ctrl+Shift+S before Ctrl+S, Shift+Down before
/// Down), so consuming them in order never lets a shorter one swallow a longer one.
pub const SHORTCUTS: &[(KeyboardShortcut, Command)] = &[
    key(CTRL_SHIFT, Key::S, Command::SaveAs),
    key(CTRL_SHIFT, Key::Z, Command::Redo),
    key(CTRL_SHIFT, Key::O, Command::OpenSession),
    key(CTRL_SHIFT, Key::R, Command::Reextract),
    key(CTRL_SHIFT, Key::D, Command::ToggleDark),
    key(CTRL_SHIFT, Key::C, Command::CompareFiles),
    key(CTRL_SHIFT, Key::E, Command::ExportMarkdown),
    key(CTRL_SHIFT, Key::A, Command::Aliases),
    key(CTRL_SHIFT, Key::V, Command::Versions),
    key(CTRL_SHIFT, Key::L, Command::StatementList),
    key(CTRL_SHIFT, Key::T, Command::Timeline),
    key(CTRL, Key::Y, Command::Redo),
    key(CTRL, Key::O, Command::OpenArticles),
    key(CTRL, Key::S, Command::Save),
    key(CTRL, Key::Q, Command::Quit),
    key(CTRL, Key::Z, Command::Undo),
    key(CTRL, Key::F, Command::Find),
    key(CTRL, Key::A, Command::SelectAll),
    key(CTRL, Key::W, Command::CloseComparison),
    key(CTRL, Key::E, Command::ExportHtml),
    key(CTRL, Key::G, Command::TwoGovernments),
    key(CTRL, Key::L, Command::OpenUrl),
    key(CTRL, Key::Num1, Command::ToggleLibrary),
    key(CTRL, Key::Num2, Command::ToggleInspector),
    key(CTRL, Key::Num3, Command::ToggleReader),
    key(CTRL, Key::PageDown, Command::NextTab),
    key(CTRL, Key::PageUp, Command::PreviousTab),
    key(CTRL, Key::Space, Command::ToggleCursor),
    key(CTRL, Key::ArrowDown, Command::CursorDown),
    key(CTRL, Key::ArrowUp, Command::CursorUp),
    key(Modifiers::SHIFT, Key::F7, Command::PreviousChange),
    key(NONE, Key::F7, Command::NextChange),
    key(Modifiers::SHIFT, Key::F8, Command::PreviousShift),
    key(NONE, Key::F8, Command::NextShift),
    key(NONE, Key::F2, Command::RenameComparison),
    key(NONE, Key::F1, Command::Shortcuts),
    key(Modifiers::ALT, Key::ArrowDown, Command::NextChange),
    key(Modifiers::ALT, Key::ArrowUp, Command::PreviousChange),
    key(Modifiers::SHIFT, Key::ArrowDown, Command::ExtendDown),
    key(Modifiers::SHIFT, Key::ArrowUp, Command::ExtendUp),
    key(NONE, Key::ArrowDown, Command::NextStatement),
    key(NONE, Key::ArrowUp, Command::PreviousStatement),
    key(NONE, Key::Enter, Command::CompareSelected),
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

/// Consumes the shortcuts pressed this frame and returns their commands. Each command's
/// [`Scope`] says when the focused widget keeps its keys instead.
pub fn handle_keys(ctx: &egui::Context) -> Vec<Command> {
    let focused = ctx.memory(|m| m.focused());
    let text = ctx.text_edit_focused();
    let list = focused.is_none_or(|id| id == list_focus_id());
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        for (shortcut, command) in SHORTCUTS {
            let allowed = match command.scope() {
                Scope::Global => true,
                Scope::NotInText => !text,
                Scope::List => list,
            };
            if allowed && input.consume_shortcut(shortcut) {
                commands.push(*command);
            }
        }
    });
    commands
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
    fn no_two_commands_share_keys() {
        for (i, (a, first)) in SHORTCUTS.iter().enumerate() {
            for (b, second) in &SHORTCUTS[i + 1..] {
                assert!(a != b || first == second, "{a:?}: {first:?} and {second:?}");
            }
        }
    }
}
