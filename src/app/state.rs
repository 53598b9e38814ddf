//! UI-only state: what is shown, filtered and open. Never saved in the session (the
//! session keeps the user's selection itself).

use std::path::PathBuf;

use crate::article::ArticleId;
use crate::statement::{StatementId, StatementKind};

/// The centre tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// The statement list of the chosen group.
    #[default]
    Statements,
    /// The comparison on screen.
    Compare,
}

/// What to do once the unsaved-changes prompt is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AfterPrompt {
    /// Open this session.
    OpenSession(PathBuf),
    /// Close the window.
    Quit,
}

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something happened as asked.
    Info,
    /// Something was skipped.
    Warning,
    /// Something failed.
    Error,
}

/// A one-line message in the status bar, until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// How serious.
    pub level: Level,
    /// The sentence shown.
    pub text: String,
}

/// What narrows the statement list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListFilter {
    /// Words to find in the text or the speaker (case-insensitive).
    pub text: String,
    /// Only statements of this kind.
    pub kind: Option<StatementKind>,
    /// Only statements with a confidence below [`LOW_CONFIDENCE`].
    pub low_confidence: bool,
}

/// Confidence below which a statement is worth a second look.
pub const LOW_CONFIDENCE: f32 = 0.6;

impl ListFilter {
    /// True when nothing is filtered out.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.kind.is_none() && !self.low_confidence
    }
}

/// The view's own state.
#[derive(Debug, Clone, Default)]
pub struct ViewState {
    /// The centre tab shown.
    pub tab: Tab,
    /// The statement list's search text and kind filter.
    pub filter: ListFilter,
    /// The article chosen in the library, listing its statements instead of a group's.
    pub list_article: Option<ArticleId>,
    /// Focus the search box on the next frame.
    pub focus_search: bool,
    /// The statement last clicked without Shift (the anchor of a Shift-click range).
    pub anchor: Option<StatementId>,
    /// Scroll the statement list to the last selected statement on the next frame.
    pub scroll_list: bool,
    /// Scroll the article reader to the selected statement on the next frame.
    pub scroll_reader: bool,
    /// The unsaved-changes prompt, with what follows it.
    pub prompt: Option<AfterPrompt>,
    /// File > Open URL...: the address being typed, while the prompt is open.
    pub url_prompt: Option<String>,
    /// Dark mode.
    pub dark: bool,
    /// The About window is open.
    pub show_about: bool,
    /// The keyboard shortcuts window is open.
    pub show_shortcuts: bool,
    /// The row of the comparison that F7 / Shift+F7 went to.
    pub change_row: Option<usize>,
    /// Scroll the comparison to `change_row` on the next frame.
    pub scroll_change: bool,
    /// The note being edited in the inspector: (statement, session revision, text).
    pub note_draft: Option<(StatementId, u64, String)>,
}
