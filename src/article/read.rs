//! Reading a file's bytes with a hard limit: only regular files are opened (a FIFO, a device
//! or a folder would block or never end), and the read stops at the limit whatever size the
//! file system reports, so `/dev/zero`-like input cannot fill memory.

use std::io::Read;
use std::path::Path;

use super::error::ArticleError;

/// Files larger than this are refused (50 MB; real articles are a few hundred KB, and a
/// database export of a few hundred articles a few MB).
pub const MAX_ARTICLE_BYTES: u64 = 50 * 1024 * 1024;

/// Reads the regular file at `path`, refusing anything else and anything over `limit` bytes.
///
/// The size the file system reports is checked first (to refuse a large file without reading
/// it), and the read itself is capped at `limit + 1` bytes, so a file that grows, or lies about
/// its size, is still refused at the limit.
///
/// # Errors
/// [`ArticleError::Io`] when the file cannot be read, [`ArticleError::NotAFile`] for a folder,
/// FIFO, socket or device, [`ArticleError::TooLarge`] over the limit.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ArticleError> {
    let shown = path.display().to_string();
    let io = |source| ArticleError::Io {
        path: shown.clone(),
        source,
    };
    // Before opening: opening a FIFO for reading blocks until a writer appears.
    let meta = std::fs::metadata(path).map_err(io)?;
    check_regular(&meta, &shown)?;
    if meta.len() > limit {
        return Err(ArticleError::TooLarge {
            path: shown,
            size: meta.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    // Again on the opened file, in case the path was replaced in between.
    check_regular(&file.metadata().map_err(io)?, &shown)?;
    // Room for the whole file up front: one read fills it (not a dozen growing ones).
    let expected = usize::try_from(meta.len()).unwrap_or(0);
    match read_bounded_into(Vec::with_capacity(expected.saturating_add(1)), file, limit)
        .map_err(io)?
    {
        Bounded::Complete(bytes) => Ok(bytes),
        Bounded::OverLimit => Err(ArticleError::TooLarge {
            path: shown,
            size: limit.saturating_add(1),
            limit,
        }),
    }
}

/// What a capped read gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bounded {
    /// Every byte, at most the limit.
    Complete(Vec<u8>),
    /// More bytes than the limit were available; reading stopped there.
    OverLimit,
}

/// Reads `reader` to its end, or stops as soon as it gives more than `limit` bytes.
///
/// # Errors
/// The reader's I/O error.
pub fn read_bounded(reader: impl Read, limit: u64) -> std::io::Result<Bounded> {
    read_bounded_into(Vec::new(), reader, limit)
}

/// [`read_bounded`] into `bytes` (empty, perhaps with capacity reserved).
fn read_bounded_into(
    mut bytes: Vec<u8>,
    reader: impl Read,
    limit: u64,
) -> std::io::Result<Bounded> {
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        Ok(Bounded::OverLimit)
    } else {
        Ok(Bounded::Complete(bytes))
    }
}

fn check_regular(meta: &std::fs::Metadata, shown: &str) -> Result<(), ArticleError> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    Err(ArticleError::NotAFile {
        path: shown.to_owned(),
        kind: describe(kind),
    })
}

/// What a non-regular file is, in plain words.
fn describe(kind: std::fs::FileType) -> &'static str {
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    "a special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_reader_stops_at_the_limit() {
        let got = read_bounded(std::io::repeat(0), 1000).expect("reads");
        assert_eq!(got, Bounded::OverLimit);
    }

    #[test]
    fn a_reader_within_the_limit_is_read_whole() {
        let got = read_bounded(&b"sample bytes"[..], 12).expect("reads");
        assert_eq!(got, Bounded::Complete(b"sample bytes".to_vec()));
        let got = read_bounded(&b"sample bytes"[..], 11).expect("reads");
        assert_eq!(got, Bounded::OverLimit);
    }

    #[test]
    fn a_folder_is_refused_with_a_plain_message() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = read_file(dir.path(), MAX_ARTICLE_BYTES).expect_err("a folder");
        assert!(matches!(err, ArticleError::NotAFile { .. }));
        assert!(err.to_string().contains("a folder"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_character_device_is_refused_without_reading() {
        let path = Path::new("/dev/zero");
        if path.exists() {
            let err = read_file(path, MAX_ARTICLE_BYTES).expect_err("a device");
            assert!(err.to_string().contains("a device"), "{err}");
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.txt");
        std::fs::write(&path, vec![b'a'; 100]).expect("write");
        let err = read_file(&path, 99).expect_err("too large");
        assert!(matches!(err, ArticleError::TooLarge { size: 100, .. }));
        assert_eq!(read_file(&path, 100).expect("fits").len(), 100);
    }
}
