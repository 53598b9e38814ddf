//! File dialogs: the only module that calls rfd. Each function only picks a path; the
//! caller turns it into the matching path action. `Cancelled` is not an error.

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A dialog that returns faster than this without a path was almost surely never shown
/// (no desktop portal and no zenity).
const NOT_SHOWN: Duration = Duration::from_millis(50);

/// What a dialog gave back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked<T> {
    /// The user chose this.
    Chosen(T),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown on this system.
    Unavailable,
}

fn finish<T>(started: Instant, result: Option<T>) -> Picked<T> {
    match result {
        Some(value) => Picked::Chosen(value),
        None if started.elapsed() < NOT_SHOWN => Picked::Unavailable,
        None => Picked::Cancelled,
    }
}

/// Asks for article files (text, Markdown, HTML, PDF, Word, OpenDocument, RTF, e-mail).
#[must_use]
pub fn pick_articles() -> Picked<Vec<PathBuf>> {
    let started = Instant::now();
    let result = rfd::FileDialog::new()
        .set_title("Open articles")
        .add_filter(
            "Articles",
            &[
                "txt", "md", "markdown", "html", "htm", "pdf", "docx", "odt", "fodt", "rtf", "eml",
            ],
        )
        .add_filter("PDF", &["pdf"])
        .add_filter("Word and OpenDocument", &["docx", "odt", "fodt", "rtf"])
        .add_filter("E-mail", &["eml"])
        .add_filter("All files", &["*"])
        .pick_files();
    finish(started, result.filter(|paths| !paths.is_empty()))
}

/// Asks for a session file to open.
#[must_use]
pub fn pick_session() -> Picked<PathBuf> {
    let started = Instant::now();
    let result = rfd::FileDialog::new()
        .set_title("Open session")
        .add_filter("Demarche session", &["ron"])
        .pick_file();
    finish(started, result)
}

/// Asks where to save the session.
#[must_use]
pub fn pick_save_path(suggested_name: &str) -> Picked<PathBuf> {
    let started = Instant::now();
    let result = rfd::FileDialog::new()
        .set_title("Save session as")
        .add_filter("Demarche session", &["ron"])
        .set_file_name(format!("{suggested_name}.ron"))
        .save_file();
    finish(started, result)
}

/// The notice shown when no dialog could be opened, naming the other ways in.
#[must_use]
pub const fn unavailable_hint() -> &'static str {
    "No file dialog could be shown (no desktop portal or zenity found). Drag files onto the \
     window, or start Demarche with them: `demarche FILE...` (a session: `demarche SESSION.ron`)."
}

/// Asks where to write an export (`kind` names the format, `extension` has no dot).
#[must_use]
pub fn pick_export_path(kind: &str, extension: &str, suggested_name: &str) -> Picked<PathBuf> {
    let started = Instant::now();
    let result = rfd::FileDialog::new()
        .set_title(format!("Export as {kind}"))
        .add_filter(kind, &[extension])
        .set_file_name(format!("{suggested_name}.{extension}"))
        .save_file();
    finish(started, result)
}
