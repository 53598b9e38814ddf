//! The session file: a pretty-printed RON envelope `(version: N, session: (...))`.
//! Loading reads the version first, migrates older versions step by step, and refuses
//! newer ones; saving writes a temporary file next to the target and renames it over.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Session;

/// The format version this build writes.
pub const CURRENT_VERSION: u32 = 1;

/// Errors loading or saving a session. Messages end with the path.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The file could not be read or written.
    #[error("could not {action} session: {source}: {}", path.display())]
    Io {
        /// "read" or "write".
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid RON for a session.
    #[error("could not read session (line {line}, column {column}): {message}: {}", path.display())]
    Malformed {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the parser expected.
        message: String,
        /// The file.
        path: PathBuf,
    },
    /// The file was written by a newer Demarche.
    #[error("this session was saved by a newer Demarche (format {found}; this version reads up to {CURRENT_VERSION}): {}", path.display())]
    TooNew {
        /// The version in the file.
        found: u32,
        /// The file.
        path: PathBuf,
    },
    /// The session could not be turned into RON (should not happen).
    #[error("could not write session: {message}: {}", path.display())]
    Encode {
        /// What failed.
        message: String,
        /// The file.
        path: PathBuf,
    },
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    version: u32,
    session: &'a Session,
}

#[derive(Deserialize)]
struct EnvelopeV1 {
    session: Session,
}

/// Reads a session file.
///
/// # Errors
/// [`SessionError`] when the file cannot be read, is malformed, or is too new.
pub fn load_session(path: &Path) -> Result<Session, SessionError> {
    let source = std::fs::read_to_string(path).map_err(|source| SessionError::Io {
        action: "read",
        path: path.to_owned(),
        source,
    })?;
    parse_session(&source, path)
}

/// Parses session RON (`path` is used in error messages only).
///
/// # Errors
/// [`SessionError::Malformed`] or [`SessionError::TooNew`].
pub fn parse_session(source: &str, path: &Path) -> Result<Session, SessionError> {
    let malformed = |err: ron::error::SpannedError| SessionError::Malformed {
        line: err.position.line,
        column: err.position.col,
        message: err.code.to_string(),
        path: path.to_owned(),
    };
    let options = ron::Options::default();
    let version = scan_version(source).ok_or_else(|| SessionError::Malformed {
        line: 1,
        column: 1,
        message: "no `version` field before `session`: not a Demarche session".to_owned(),
        path: path.to_owned(),
    })?;
    match version {
        1 => {
            let envelope: EnvelopeV1 = options.from_str(source).map_err(malformed)?;
            Ok(envelope.session)
        }
        found => Err(SessionError::TooNew {
            found,
            path: path.to_owned(),
        }),
    }
}

/// Finds the envelope's `version: N`, which comes before its `session` field.
fn scan_version(source: &str) -> Option<u32> {
    let head = source.find("session").map_or(source, |end| &source[..end]);
    let at = head.find("version")?;
    let rest = source[at + "version".len()..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The session as pretty RON in the current format.
///
/// # Errors
/// [`SessionError::Encode`] if serialisation fails.
pub fn session_to_ron(session: &Session, path: &Path) -> Result<String, SessionError> {
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("  ".to_owned());
    ron::ser::to_string_pretty(
        &EnvelopeOut {
            version: CURRENT_VERSION,
            session,
        },
        pretty,
    )
    .map_err(|err| SessionError::Encode {
        message: err.to_string(),
        path: path.to_owned(),
    })
}

/// Writes the session atomically: a temporary file next to `path`, flushed and synced,
/// then renamed over it.
///
/// # Errors
/// [`SessionError`] when encoding or writing fails; the previous file is then untouched.
pub fn save_session(session: &Session, path: &Path) -> Result<(), SessionError> {
    let text = session_to_ron(session, path)?;
    let io = |source| SessionError::Io {
        action: "write",
        path: path.to_owned(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map_or_else(|| "session".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.write_all(b"\n")?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}
