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

/// Where a session is saved when no dialog can be shown: `NAME.ron` in a `Demarche` folder
/// in the user's documents (the home folder when there is no documents folder), numbered
/// when that file already exists so nothing is overwritten by accident.
#[must_use]
pub fn default_save_path(name: &str) -> PathBuf {
    let folder = directories::UserDirs::new()
        .map(|dirs| {
            dirs.document_dir().map_or_else(
                || dirs.home_dir().join("Documents"),
                std::path::Path::to_owned,
            )
        })
        .unwrap_or_else(|| PathBuf::from("."))
        .join("Demarche");
    let first = folder.join(format!("{name}.ron"));
    if !first.exists() {
        return first;
    }
    (2..1000)
        .map(|n| folder.join(format!("{name} {n}.ron")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// A typed path with a leading `~` taken as the home folder.
#[must_use]
pub fn expand_home(typed: &str) -> PathBuf {
    let home = || directories::UserDirs::new().map(|d| d.home_dir().to_owned());
    if typed == "~" {
        return home().unwrap_or_else(|| PathBuf::from(typed));
    }
    match typed.strip_prefix("~/").zip(home()) {
        Some((rest, home)) => home.join(rest),
        None => PathBuf::from(typed),
    }
}
