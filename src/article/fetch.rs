//! Opening a web address: fetch it over HTTP or HTTPS (`ureq` with rustls) with a timeout,
//! a byte limit (the same as for files) and a bounded number of redirects, then read the
//! body like a file of the type the server names (an HTML page goes through the same
//! article extraction as a saved page). The final address and the time of fetching are kept
//! in the article's provenance.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::load::{Loaded, format_from_extension, load_articles, read_document, split_document};
use super::{ArticleError, ArticleId, MAX_ARTICLE_BYTES, SourceFormat};

/// How a page is fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// The whole exchange (connect, send, receive) must end within this time.
    pub timeout: Duration,
    /// Bodies longer than this are refused.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_bytes: MAX_ARTICLE_BYTES,
            max_redirects: 5,
        }
    }
}

/// Why a web address could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The text is not an `http://` or `https://` address.
    #[error("not a web address (it must start with http:// or https://)")]
    NotUrl,
    /// The server answered with an error status.
    #[error("the server answered {status}")]
    Status {
        /// The HTTP status code.
        status: u16,
    },
    /// No complete answer within the timeout.
    #[error("no answer within {seconds} seconds")]
    Timeout {
        /// The timeout in seconds.
        seconds: u64,
    },
    /// More redirects than allowed.
    #[error("more than {limit} redirects")]
    TooManyRedirects {
        /// The limit.
        limit: u32,
    },
    /// The body is longer than the limit.
    #[error("the page is larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// The network or the server failed (no route, refused connection, TLS, bad HTTP).
    #[error("{0}")]
    Network(String),
}

/// A fetched body with what the server said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The body, at most [`FetchOptions::max_bytes`] long.
    pub bytes: Vec<u8>,
    /// The address the body came from, after redirects.
    pub final_url: String,
    /// The `Content-Type` header without parameters, lowercased.
    pub content_type: Option<String>,
    /// When the body was received, RFC 3339 UTC.
    pub fetched_at: String,
}

/// True for text that is an `http://` or `https://` address.
#[must_use]
pub fn is_url(text: &str) -> bool {
    let lower = text
        .trim_start()
        .get(..8)
        .unwrap_or("")
        .to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches `url`.
///
/// # Errors
/// [`FetchError`] when the address is not a web address, the server cannot be reached or
/// answers with an error, or the limits are passed.
pub fn fetch(url: &str, options: &FetchOptions) -> Result<Fetched, FetchError> {
    let url = url.trim();
    if !is_url(url) {
        return Err(FetchError::NotUrl);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .max_redirects(options.max_redirects)
        .http_status_as_error(false)
        .user_agent(concat!("Demarche/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .map_err(|err| fetch_error(err, options))?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status { status });
    }
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| !v.is_empty());
    let bytes = response
        .body_mut()
        .with_config()
        .limit(options.max_bytes)
        .read_to_vec()
        .map_err(|err| fetch_error(err, options))?;
    Ok(Fetched {
        bytes,
        final_url,
        content_type,
        fetched_at: rfc3339_now(),
    })
}

fn fetch_error(err: ureq::Error, options: &FetchOptions) -> FetchError {
    match err {
        ureq::Error::Timeout(_) => FetchError::Timeout {
            seconds: options.timeout.as_secs().max(1),
        },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            limit: options.max_redirects,
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            limit: options.max_bytes,
        },
        ureq::Error::StatusCode(status) => FetchError::Status { status },
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => FetchError::Timeout {
            seconds: options.timeout.as_secs().max(1),
        },
        other => FetchError::Network(other.to_string()),
    }
}

/// The format a `Content-Type` names, if Demarche reads it.
#[must_use]
pub fn format_from_content_type(content_type: &str) -> Option<SourceFormat> {
    match content_type {
        "text/html" | "application/xhtml+xml" => Some(SourceFormat::Html),
        "text/plain" => Some(SourceFormat::Text),
        "text/markdown" | "text/x-markdown" => Some(SourceFormat::Markdown),
        "application/pdf" | "application/x-pdf" => Some(SourceFormat::Pdf),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
            Some(SourceFormat::Docx)
        }
        "application/vnd.oasis.opendocument.text" => Some(SourceFormat::Odt),
        "application/rtf" | "text/rtf" => Some(SourceFormat::Rtf),
        "message/rfc822" => Some(SourceFormat::Eml),
        _ => None,
    }
}

/// Fetches `url` and opens the articles it holds (one, or several for an export), keeping
/// the final address and the time of fetching in their provenance.
///
/// # Errors
/// [`ArticleError::Fetch`] when it cannot be fetched; otherwise as for a file.
pub fn load_url(url: &str, id: ArticleId, options: &FetchOptions) -> Result<Loaded, ArticleError> {
    let url = url.trim();
    let fetched = fetch(url, options).map_err(|source| ArticleError::Fetch {
        path: url.to_owned(),
        source,
    })?;
    let by_address = fetched
        .final_url
        .split(['?', '#'])
        .next()
        .and_then(format_from_extension);
    let format = fetched
        .content_type
        .as_deref()
        .and_then(format_from_content_type)
        .or(by_address);
    let mut document = read_document(&fetched.bytes, Some(url), format)?;
    document.provenance.url = Some(fetched.final_url);
    document.provenance.fetched_at = Some(fetched.fetched_at);
    Ok(split_document(document, id))
}

/// Opens what a command line or a dialog names: a web address is fetched, anything else
/// read as a file (which may hold several articles), numbered from `first_id`.
///
/// # Errors
/// As [`load_url`] and [`load_articles`].
pub fn load_source(source: &Path, first_id: ArticleId) -> Result<Loaded, ArticleError> {
    match source.to_str().filter(|s| is_url(s)) {
        Some(url) => load_url(url, first_id, &FetchOptions::default()),
        None => load_articles(source, first_id),
    }
}

/// The current time as RFC 3339 UTC, to the second.
fn rfc3339_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    rfc3339(secs)
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
fn rfc3339(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    let (year, month, day) = crate::calendar::civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_content_types() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("example.org/a.html"));
        assert!(!is_url("/tmp/http:/x"));
        assert_eq!(
            format_from_content_type("application/pdf"),
            Some(SourceFormat::Pdf)
        );
        assert_eq!(format_from_content_type("application/octet-stream"), None);
    }

    #[test]
    fn times_are_rfc3339_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_804_587_300), "2027-03-09T10:15:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
    }
}
