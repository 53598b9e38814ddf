//! The session file: a pretty-printed RON envelope `(version: N, session: (...), text_sha256:
//! {...})`. Loading reads the version first, migrates older versions step by step, refuses
//! newer ones, then checks the session ([`super::check`]): what is safe is repaired and
//! reported, what is not is refused. Saving writes a temporary file next to the target and
//! renames it over (see [`super::write`]).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use serde::{Deserialize, Serialize};

use super::Session;
use super::check::{CheckReport, check};
use super::write::{Backup, write_atomically_with};
use crate::article::ArticleId;

/// The format version this build writes.
pub const CURRENT_VERSION: u32 = 1;

/// Session files larger than this are refused (4 GiB: far beyond any real session, and still
/// less than the memory a machine that could open it needs).
pub const MAX_SESSION_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// The RON recursion limit for sessions: the deepest real session nests about 12 levels.
const RECURSION_LIMIT: usize = 64;

/// Errors loading or saving a session. Messages are for users and end with the path.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The file could not be read or written.
    #[error("could not {action} session: {}: {}", plain_io(source), path.display())]
    Io {
        /// "read" or "write".
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The path is a folder, a pipe or a device, not a file.
    #[error("could not read session: this is not a regular file (a folder, pipe or device): {}", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The file is larger than any session could be.
    #[error("could not read session: the file is {size} bytes, more than the {MAX_SESSION_BYTES} bytes a session can have: {}", path.display())]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The file.
        path: PathBuf,
    },
    /// The file is not UTF-8 text.
    #[error("this is not a Demarche session: the file is not UTF-8 text (byte {offset} is not valid): {}", path.display())]
    NotText {
        /// Offset of the first invalid byte.
        offset: usize,
        /// The file.
        path: PathBuf,
    },
    /// The file is not valid RON for a session.
    #[error("could not read session (line {line}, column {column}): {message}: {}", path.display())]
    Malformed {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What was wrong, in plain words.
        message: String,
        /// The file.
        path: PathBuf,
    },
    /// The file was written by a newer Demarche.
    #[error("this session was saved by a newer Demarche (format {found}; this version reads formats 1 to {CURRENT_VERSION}); update Demarche to open it: {}", path.display())]
    TooNew {
        /// The version in the file.
        found: u32,
        /// The file.
        path: PathBuf,
    },
    /// The file names a format version that no Demarche ever wrote.
    #[error("this file says it is session format {found}, which no Demarche has written (formats start at 1); the file is damaged or not a Demarche session: {}", path.display())]
    UnknownVersion {
        /// The version in the file.
        found: u64,
        /// The file.
        path: PathBuf,
    },
    /// The session reads, but holds something that cannot be repaired safely.
    #[error("this session is damaged and was not opened: {}: {}", problems.join("; "), path.display())]
    Damaged {
        /// Each problem, in plain words.
        problems: Vec<String>,
        /// The file.
        path: PathBuf,
    },
    /// The user cancelled the save; the file on disk is as it was.
    #[error("saving was cancelled; the file on disk was not changed: {}", path.display())]
    Cancelled {
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

/// The I/O error in plain words (no "os error 13").
fn plain_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "there is no such file or folder".to_owned(),
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        ErrorKind::StorageFull => "the disk is full".to_owned(),
        ErrorKind::QuotaExceeded => "the disk quota is used up".to_owned(),
        ErrorKind::IsADirectory => "this is a folder, not a file".to_owned(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
    }
}

/// A session as loaded, with what the check repaired and what the user should know.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSession {
    /// The session, repaired where that was safe.
    pub session: Session,
    /// What was repaired and what looks wrong.
    pub report: CheckReport,
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    version: u32,
    session: &'a Session,
    /// SHA-256 of each article's text as saved, so a text changed outside Demarche is noticed.
    text_sha256: BTreeMap<ArticleId, String>,
}

/// Format 1 (every session written so far). `text_sha256` was added without a version bump:
/// older files lack it and older builds skip it.
#[derive(Deserialize)]
struct EnvelopeV1 {
    session: Session,
    #[serde(default)]
    text_sha256: BTreeMap<ArticleId, String>,
}

/// Reads a session file, checks it and repairs what is safe to repair.
///
/// # Errors
/// [`SessionError`] when the file cannot be read, is malformed, too new, or damaged beyond
/// a safe repair.
pub fn load_session(path: &Path) -> Result<Session, SessionError> {
    load_session_checked(path).map(|loaded| loaded.session)
}

/// Reads a session file and reports what its check repaired or found.
///
/// # Errors
/// As [`load_session`].
pub fn load_session_checked(path: &Path) -> Result<LoadedSession, SessionError> {
    let bytes = read_bounded(path)?;
    parse_session_bytes(&bytes, path)
}

/// Reads a regular file of at most [`MAX_SESSION_BYTES`], never trusting the size the file
/// system reports (a pipe or a device is refused before it is read).
fn read_bounded(path: &Path) -> Result<Vec<u8>, SessionError> {
    let io = |source| SessionError::Io {
        action: "read",
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(SessionError::NotAFile {
            path: path.to_owned(),
        });
    }
    if meta.len() > MAX_SESSION_BYTES {
        return Err(SessionError::TooLarge {
            size: meta.len(),
            path: path.to_owned(),
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_SESSION_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_SESSION_BYTES {
        return Err(SessionError::TooLarge {
            size,
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}

/// Parses session bytes (a UTF-8 byte-order mark is accepted); `path` is for messages only.
///
/// # Errors
/// As [`load_session`].
pub fn parse_session_bytes(bytes: &[u8], path: &Path) -> Result<LoadedSession, SessionError> {
    let source = std::str::from_utf8(bytes).map_err(|err| SessionError::NotText {
        offset: err.valid_up_to(),
        path: path.to_owned(),
    })?;
    parse_session_checked(source, path)
}

/// Parses session RON, checks it and repairs what is safe (`path` is used in messages only).
///
/// # Errors
/// As [`load_session`].
pub fn parse_session(source: &str, path: &Path) -> Result<Session, SessionError> {
    parse_session_checked(source, path).map(|loaded| loaded.session)
}

/// Parses session RON and reports what its check repaired or found.
///
/// # Errors
/// As [`load_session`].
pub fn parse_session_checked(source: &str, path: &Path) -> Result<LoadedSession, SessionError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let malformed = |err: ron::error::SpannedError| SessionError::Malformed {
        line: err.position.line,
        column: err.position.col,
        message: plain_ron_message(&err.code),
        path: path.to_owned(),
    };
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    let version = scan_version(source).ok_or_else(|| SessionError::Malformed {
        line: 1,
        column: 1,
        message: "the file does not start with `(version: N, session: ...)`, so it is not a \
                  Demarche session"
            .to_owned(),
        path: path.to_owned(),
    })?;
    let (mut session, digests) = match version {
        0 => {
            return Err(SessionError::UnknownVersion {
                found: version,
                path: path.to_owned(),
            });
        }
        1 => {
            let envelope: EnvelopeV1 = options.from_str(source).map_err(malformed)?;
            (envelope.session, envelope.text_sha256)
        }
        found => {
            return Err(SessionError::TooNew {
                found: u32::try_from(found).unwrap_or(u32::MAX),
                path: path.to_owned(),
            });
        }
    };
    let report = check(&mut session, &digests).map_err(|problems| SessionError::Damaged {
        problems,
        path: path.to_owned(),
    })?;
    Ok(LoadedSession { session, report })
}

/// Finds the envelope's `version: N`, which comes before its `session` field.
fn scan_version(source: &str) -> Option<u64> {
    let head = source.find("session").map_or(source, |end| &source[..end]);
    let at = head.find("version")?;
    let rest = source[at + "version".len()..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The RON parser's complaint in words a user can act on, without the names of Demarche's
/// internal types or advice meant for programmers.
fn plain_ron_message(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::ExceededRecursionLimit => "the file nests brackets far deeper than any session does, \
                                      so it is damaged or not a Demarche session"
            .to_owned(),
        E::Eof => "the file ends too early (it may have been cut off)".to_owned(),
        E::TrailingCharacters => "there is more after the end of the session".to_owned(),
        E::ExpectedNamedStructLike(_) | E::ExpectedStructLike => {
            "expected an opening `(` here".to_owned()
        }
        E::ExpectedDifferentStructName { .. } | E::ExpectedStructName(_) => {
            "a part of the session has the wrong name here".to_owned()
        }
        E::MissingStructField { field, .. } => format!("the field `{field}` is missing"),
        E::DuplicateStructField { field, .. } => format!("the field `{field}` appears twice"),
        E::NoSuchStructField { found, .. } => format!("there is no field called `{found}`"),
        E::NoSuchEnumVariant { found, .. } => format!("`{found}` is not a value allowed here"),
        E::Utf8Error(_) => "the file is not valid UTF-8 text".to_owned(),
        E::IntegerOutOfBounds => "a number here is too large or negative".to_owned(),
        E::Message(message) => message.clone(),
        other => {
            // The rest are short syntax messages ("Expected closing `]`"): keep them, in
            // lowercase to read as part of the sentence.
            let text = other.to_string();
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().collect::<String>() + chars.as_str()
            })
        }
    }
}

/// The session as pretty RON in the current format, with the fingerprint of each text.
///
/// # Errors
/// [`SessionError::Encode`] if serialisation fails.
pub fn session_to_ron(session: &Session, path: &Path) -> Result<String, SessionError> {
    let text_sha256 = session
        .articles
        .iter()
        .map(|(id, article)| (*id, crate::article::sha256_hex(article.text.as_bytes())))
        .collect();
    ron::ser::to_string_pretty(
        &EnvelopeOut {
            version: CURRENT_VERSION,
            session,
            text_sha256,
        },
        pretty_config(),
    )
    .map_err(|err| SessionError::Encode {
        message: err.to_string(),
        path: path.to_owned(),
    })
}

/// Writes the session safely: see [`super::write::write_atomically`] (a temporary file
/// next to the target, synced, renamed over it; permissions and symlinks kept, the previous
/// version kept as `.bak`).
///
/// # Errors
/// [`SessionError`] when encoding or writing fails; the previous file is then untouched.
pub fn save_session(session: &Session, path: &Path) -> Result<(), SessionError> {
    save_session_with(session, path, &SaveOptions::default()).map(|_| ())
}

/// How [`save_session_with`] saves.
#[derive(Default)]
pub struct SaveOptions<'a> {
    /// Keep the previous version as `.bak` (sessions the user saves) or not (recovery data).
    pub backup: Option<Backup>,
    /// Called with the bytes written so far, now and then.
    pub progress: Option<&'a (dyn Fn(u64) + Sync)>,
    /// Set to stop the save; the file on disk is then left as it was.
    pub cancel: Option<&'a AtomicBool>,
}

/// Writes the session as [`save_session`] does, streaming the RON into the file (no second
/// copy of a large session in memory), with progress and cancel. Returns the bytes written.
///
/// # Errors
/// [`SessionError::Cancelled`] when cancelled, else as [`save_session`].
pub fn save_session_with(
    session: &Session,
    path: &Path,
    options: &SaveOptions<'_>,
) -> Result<u64, SessionError> {
    let text_sha256 = session
        .articles
        .iter()
        .map(|(id, article)| (*id, crate::article::sha256_hex(article.text.as_bytes())))
        .collect();
    let envelope = EnvelopeOut {
        version: CURRENT_VERSION,
        session,
        text_sha256,
    };
    let mut written = 0_u64;
    let result = write_atomically_with(path, options.backup.unwrap_or(Backup::Keep), |out| {
        let mut counting = Counting {
            inner: out,
            written: 0,
            reported: 0,
            options,
        };
        ron::Options::default()
            .to_io_writer_pretty(&mut counting, &envelope, pretty_config())
            .map_err(|err| match err {
                ron::Error::Io(message) if message == CANCELLED => cancelled_error(),
                other => std::io::Error::other(other.to_string()),
            })?;
        counting.write_all(b"\n")?;
        written = counting.written;
        Ok(())
    });
    match result {
        Ok(()) => Ok(written),
        Err(err) if is_cancelled(&err) => Err(SessionError::Cancelled {
            path: path.to_owned(),
        }),
        Err(source) => Err(SessionError::Io {
            action: "write",
            path: path.to_owned(),
            source,
        }),
    }
}

fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("  ".to_owned())
}

/// The message of the I/O error that stands for a cancel.
const CANCELLED: &str = "cancelled by the user";

/// Not `ErrorKind::Interrupted`: `write_all` retries those, forever.
fn cancelled_error() -> std::io::Error {
    std::io::Error::other(CANCELLED)
}

fn is_cancelled(err: &std::io::Error) -> bool {
    err.kind() == std::io::ErrorKind::Other && err.to_string() == CANCELLED
}

/// Counts the bytes going to the file, reports them now and then, and stops on a cancel.
struct Counting<'a, 'o> {
    inner: &'a mut dyn Write,
    written: u64,
    reported: u64,
    options: &'a SaveOptions<'o>,
}

/// Progress is reported after each this many bytes.
const REPORT_EVERY: u64 = 1 << 20;

impl Write for Counting<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self
            .options
            .cancel
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::Relaxed))
        {
            return Err(cancelled_error());
        }
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        if self.written - self.reported >= REPORT_EVERY {
            self.reported = self.written;
            if let Some(progress) = self.options.progress {
                progress(self.written);
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
