//! Zip packages (Word and OpenDocument files) opened with hard limits: each part is read
//! through a byte cap that does not trust the sizes the archive declares, and all parts of
//! one document together unpack to at most [`MAX_UNPACKED_BYTES`].

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::{FormatError, MAX_UNPACKED_BYTES};
use crate::article::SourceFormat;

/// An opened package and how much of the unpacking budget is left.
pub(crate) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    format: &'static str,
    budget: u64,
}

impl<'a> Package<'a> {
    /// Opens the zip in `bytes`; `format` names the document kind in messages.
    ///
    /// # Errors
    /// [`FormatError::Malformed`] when the bytes are not a zip archive.
    pub(crate) fn open(bytes: &'a [u8], format: &'static str) -> Result<Self, FormatError> {
        let archive = ZipArchive::new(Cursor::new(bytes))
            .map_err(|err| FormatError::malformed(format, describe(&err)))?;
        Ok(Self {
            archive,
            format,
            budget: MAX_UNPACKED_BYTES,
        })
    }

    /// True when the package holds a part called `name`.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The bytes of part `name`, or `None` when there is no such part.
    ///
    /// # Errors
    /// [`FormatError::TooLargeUnpacked`] when the part would take the document past the
    /// budget; [`FormatError::Malformed`] when the part cannot be unpacked.
    pub(crate) fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, FormatError> {
        let format = self.format;
        let mut file = match self.archive.by_name(name) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(err) => return Err(FormatError::malformed(format, describe(&err))),
        };
        let mut out = Vec::new();
        // Read one byte past the budget: reaching it proves the part is too large, whatever
        // size the archive claims.
        let read = (&mut file)
            .take(self.budget.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|err| FormatError::malformed(format, format!("{name}: {err}")))?;
        let read = u64::try_from(read).unwrap_or(u64::MAX);
        if read > self.budget {
            return Err(FormatError::TooLargeUnpacked {
                format,
                limit: MAX_UNPACKED_BYTES,
            });
        }
        self.budget -= read;
        Ok(Some(out))
    }

    /// Part `name`, which the format requires.
    ///
    /// # Errors
    /// As [`Package::part`], and [`FormatError::Malformed`] when the part is missing.
    pub(crate) fn required(&mut self, name: &str) -> Result<Vec<u8>, FormatError> {
        self.part(name)?
            .ok_or_else(|| FormatError::malformed(self.format, format!("no {name} in the package")))
    }
}

fn describe(err: &ZipError) -> String {
    format!("not a readable zip package: {err}")
}

/// Word or OpenDocument text, by the parts the zip in `bytes` holds.
pub(crate) fn sniff(bytes: &[u8]) -> Option<SourceFormat> {
    let mut package = Package::open(bytes, "zip").ok()?;
    if package.has("word/document.xml") {
        return Some(SourceFormat::Docx);
    }
    let mimetype = package.part("mimetype").ok()??;
    mimetype
        .starts_with(b"application/vnd.oasis.opendocument.text")
        .then_some(SourceFormat::Odt)
}
