//! Actions: everything a widget, a shortcut or a background job asks the app to do.
//! Widgets push them; [`super::App::apply`] carries them out in one place.

use std::path::PathBuf;

use crate::article::ArticleId;
use crate::compare::CompareOptions;
use crate::session::{CorrectionKind, GroupKey, ImportOutcome};
use crate::statement::StatementId;

pub use super::export::ExportFormat;

/// What the user chose in the "unsaved changes" prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save, then go on.
    Save,
    /// Go on and lose the changes.
    DontSave,
    /// Stay where we are.
    Cancel,
}

/// A window of the compare tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// The alias list.
    Aliases,
    /// Two governments' statements paired.
    TwoGovernments,
    /// The selected statement's versions over time.
    Versions,
}

/// A request to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Ask for article files with a dialog, then [`Action::OpenArticles`].
    OpenArticlesDialog,
    /// Import these files (on a background thread).
    OpenArticles(Vec<PathBuf>),
    /// Ask for a web address in the app's own prompt, then [`Action::OpenUrls`].
    OpenUrlPrompt,
    /// Fetch and import these web addresses (on the same background thread as files).
    OpenUrls(Vec<String>),
    /// A background import finished.
    ArticlesImported(ImportOutcome),
    /// Ask for a session file with a dialog, then [`Action::OpenSession`].
    OpenSessionDialog,
    /// Open this session (asks first when there are unsaved changes).
    OpenSession(PathBuf),
    /// Save to the current path, or ask for one.
    SaveSession,
    /// Ask for a path with a dialog, then [`Action::SaveSessionAs`].
    SaveSessionAsDialog,
    /// Save to this path and make it the current one.
    SaveSessionAs(PathBuf),
    /// Answer to the unsaved-changes prompt.
    Unsaved(UnsavedChoice),
    /// Close the window (asks first when there are unsaved changes).
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show this group's statements in the list.
    SelectGroup(GroupKey),
    /// Show one article's statements in the list.
    SelectArticle(ArticleId),
    /// Replace the statement selection.
    SelectStatements(Vec<StatementId>),
    /// Select the statement this many rows below (negative: above) the last selected one.
    MoveSelection(isize),
    /// Compare the two selected statements.
    CompareSelected,
    /// Show the comparison at this index.
    ShowComparison(usize),
    /// Close the comparison on screen.
    CloseComparison,
    /// Scroll the comparison to its next row with a change.
    NextChange,
    /// Scroll the comparison to its previous row with a change.
    PreviousChange,
    /// Scroll the comparison to its next row with a shift of position (F8).
    NextShift,
    /// Scroll the comparison to its previous row with a shift of position (Shift+F8).
    PreviousShift,
    /// Stop the comparison on screen while it is computed.
    CancelComparison,
    /// Compute a cancelled comparison again.
    RerunComparison,
    /// Open the timeline of a phrase: its uses across the session's articles by date.
    ShowTimeline(String),
    /// Open the timeline of a statement's formula (its wording most repeated elsewhere).
    ShowStatementOverTime(StatementId),
    /// Ask for a phrase to follow over time (Compare > Timeline of a Phrase...).
    TimelinePrompt,
    /// Put the open timeline in front.
    ShowTimelineTab,
    /// Close the timeline.
    CloseTimeline,
    /// Show an article in the reader with no statement selected (a timeline use that no
    /// statement holds).
    RevealArticle(ArticleId),
    /// Record the user's correction of a statement (anchored to its text, undoable).
    Correct {
        /// The statement corrected.
        statement: StatementId,
        /// What the user decided.
        correction: CorrectionKind,
    },
    /// Run extraction again with the current rules, keeping the corrections (undoable).
    Reextract,
    /// Set or clear the note on a statement.
    SetNote(StatementId, Option<String>),
    /// Move keyboard focus to the search box.
    FocusSearch,
    /// Switch between light and dark.
    SetDarkMode(bool),
    /// Show the About window.
    ShowAbout,
    /// Show the keyboard shortcuts window.
    ShowShortcuts,
    /// Dismiss the notice at this index.
    DismissNotice(usize),
    /// Compare these two statements (opening the comparison, or showing it if open).
    CompareStatements(StatementId, StatementId),
    /// Set the open comparison's options (granularity, what it ignores; undoable).
    SetCompareOptions(CompareOptions),
    /// Replace the session's alias list (undoable).
    SetAliases(Vec<(String, String)>),
    /// Set or clear the note on a row of the open comparison (undoable).
    SetRowNote {
        /// Row index.
        row: usize,
        /// The note; `None` or blank clears it.
        note: Option<String>,
    },
    /// Scroll the open comparison to this row and mark it.
    GoToRow(usize),
    /// Ask where to export the open comparison, then [`Action::ExportComparison`].
    ExportComparisonDialog(ExportFormat),
    /// Add the words at `span` of `article` as a statement (an anchored, undoable correction).
    AddStatement {
        /// The article.
        article: ArticleId,
        /// The words, as a byte range of the article's text.
        span: crate::text::Span,
        /// Its kind.
        kind: crate::statement::StatementKind,
        /// Who said it, if known.
        speaker: Option<String>,
        /// Governments it speaks for (ISO alpha-3).
        governments: Vec<String>,
    },
    /// Extend the selection from its anchor by this many rows (Shift+Down / Shift+Up).
    ExtendSelection(isize),
    /// Move the keyboard's place in the list without selecting (Ctrl+Down / Ctrl+Up).
    MoveCursor(isize),
    /// Add the statement the keyboard is on to the selection, or take it out (Ctrl+Space).
    ToggleCursor,
    /// Select every statement the list shows (Ctrl+A).
    SelectAll,
    /// Select a statement shown elsewhere (a click in the reader): it is selected, and the
    /// list shows it (its article's statements when the list shows another group).
    RevealStatement(StatementId),
    /// Replace the articles selected in the library.
    SelectArticles(Vec<ArticleId>),
    /// Compare the whole texts of two articles (opening the comparison, or showing it).
    CompareArticles(ArticleId, ArticleId),
    /// Ask for two files with a dialog, then [`Action::CompareFiles`].
    CompareFilesDialog,
    /// Import two files (when not open yet) and compare their texts.
    CompareFiles(PathBuf, PathBuf),
    /// Name the comparison at this index (`None` or blank: its default name).
    RenameComparison {
        /// Which comparison.
        index: usize,
        /// The new name.
        name: Option<String>,
    },
    /// Open one of the compare tools' windows.
    OpenTool(Tool),
    /// Start renaming the comparison on screen (its tab turns into a text field).
    StartRename,
    /// Close the comparison at this index (undoable).
    CloseComparisonAt(usize),
    /// Put the statement list in front of the comparison tabs.
    ShowStatements,
    /// Show the next (1) or previous (-1) tab.
    CycleTab(isize),
    /// Show or hide a panel.
    TogglePanel(super::state::PanelKind),
    /// Write the open comparison as a report to this path.
    ExportComparison {
        /// Where.
        path: PathBuf,
        /// HTML or Markdown.
        format: ExportFormat,
    },
    /// File work: cancel, restore unsaved work, the save prompt, the check report.
    Files(super::files::FileAction),
}
