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
    /// The timeline of a phrase.
    Timeline,
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

/// A one-line message in the status bar, until dismissed. The same message again is not
/// shown twice: it counts up instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// How serious.
    pub level: Level,
    /// The sentence shown.
    pub text: String,
    /// How many times it happened (1 the first time).
    pub times: usize,
}

/// Which panels are shown (kept between runs with eframe's storage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Panels {
    /// The library on the left.
    pub library: bool,
    /// The inspector on the right.
    pub inspector: bool,
    /// The article reader under the statement list.
    pub reader: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Self {
            library: true,
            inspector: true,
            reader: true,
        }
    }
}

/// A panel the View menu shows or hides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    /// The library.
    Library,
    /// The inspector.
    Inspector,
    /// The article reader.
    Reader,
}

impl Panels {
    /// Whether `panel` is shown.
    #[must_use]
    pub fn shown(self, panel: PanelKind) -> bool {
        match panel {
            PanelKind::Library => self.library,
            PanelKind::Inspector => self.inspector,
            PanelKind::Reader => self.reader,
        }
    }

    /// Shows or hides `panel`.
    pub fn set(&mut self, panel: PanelKind, shown: bool) {
        match panel {
            PanelKind::Library => self.library = shown,
            PanelKind::Inspector => self.inspector = shown,
            PanelKind::Reader => self.reader = shown,
        }
    }
}

/// Where the last selection was made: the statement list or the library's articles (Enter
/// compares what was selected last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SelectionSite {
    /// Statements in the list.
    #[default]
    Statements,
    /// Articles in the library.
    Articles,
}

/// Scroll positions to put back once (after a session was opened), in points.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScrollRestore {
    /// The statement list.
    pub list: Option<f32>,
    /// The reader.
    pub reader: Option<f32>,
    /// The comparison on screen.
    pub compare: Option<f32>,
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
    /// Which panels are shown.
    pub panels: Panels,
    /// The statement the keyboard is on in the list (Ctrl+Up/Down move it without
    /// selecting, Ctrl+Space toggles it).
    pub cursor: Option<StatementId>,
    /// The statement list has keyboard focus (arrows move in it).
    pub list_focused: bool,
    /// Focus the statement list on the next frame.
    pub focus_list: bool,
    /// Articles selected in the library, in the order picked.
    pub articles: Vec<crate::article::ArticleId>,
    /// Where the last selection was made.
    pub site: SelectionSite,
    /// The comparison tab being renamed: (index, name typed so far).
    pub renaming: Option<(usize, String)>,
    /// Scroll positions to restore on the next frame.
    pub restore: ScrollRestore,
    /// Scroll positions as last drawn: (list, reader, comparison on screen), in points.
    pub scrolled: (f32, f32, f32),
    /// The statement the inspector showed last frame.
    pub inspected: Option<StatementId>,
    /// Two files asked to be compared: compare their articles once the import lands.
    pub compare_files: Option<(PathBuf, PathBuf)>,
    /// The timeline open in its tab.
    pub timeline: Option<super::timeline::TimelineQuery>,
    /// Compare > Timeline of a Phrase...: the phrase being typed, while the prompt is open.
    pub timeline_prompt: Option<String>,
    /// Where the timeline's dated points were drawn last frame, with their use's index.
    pub timeline_points: Vec<(egui::Pos2, usize)>,
}
