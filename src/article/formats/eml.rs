//! E-mail (.eml, MIME): the text/plain body, or the text/html body reduced to its article
//! by the same HTML reader web pages use. The subject becomes the title (and the first line
//! of the text), the sender the outlet, and the `Date:` header the date. Parsing, transfer
//! encodings and charsets are `mail-parser`'s (built for untrusted mail).

use mail_parser::{MessageParser, PartType};

use super::{Blocks, Document, FormatError};
use crate::article::html;
use crate::article::metadata::Metadata;

const FORMAT: &str = "e-mail";

/// Headers that only e-mail starts with; one of them must be among the first lines.
const MAIL_HEADERS: &[&str] = &[
    "from",
    "received",
    "return-path",
    "delivered-to",
    "message-id",
    "mime-version",
    "dkim-signature",
    "x-mailer",
];

/// Headers that may sit among them.
const OTHER_HEADERS: &[&str] = &[
    "date",
    "subject",
    "to",
    "cc",
    "reply-to",
    "sender",
    "content-type",
    "content-transfer-encoding",
    "list-id",
    "thread-topic",
    "importance",
    "user-agent",
];

/// Reads an e-mail message.
pub(super) fn read(bytes: &[u8]) -> Result<Document, FormatError> {
    let message = MessageParser::default()
        .parse(bytes)
        .filter(|m| !m.headers().is_empty())
        .ok_or_else(|| FormatError::malformed(FORMAT, "no message headers found"))?;
    let subject = message
        .subject()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty());
    let sender = message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| {
            addr.name()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .or_else(|| addr.address())
                .map(str::to_owned)
        });
    let date = message.date().and_then(|d| {
        let valid = (1900..=9999).contains(&d.year)
            && (1..=12).contains(&d.month)
            && (1..=31).contains(&d.day);
        valid.then(|| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
    });
    let part_body = |ids: &[u32]| {
        ids.first()
            .and_then(|id| message.parts.get(usize::try_from(*id).ok()?))
            .map(|part| &part.body)
    };
    let mut blocks = Blocks::default();
    if let Some(subject) = &subject {
        blocks.push_block(subject);
    }
    let mut body_blocks = match (part_body(&message.text_body), part_body(&message.html_body)) {
        (Some(PartType::Text(text)), _) => plain_blocks(text),
        (_, Some(PartType::Html(page))) | (Some(PartType::Html(page)), _) => {
            html::extract(page).blocks
        }
        _ => Vec::new(),
    };
    // A body that opens with the subject as its headline would show it twice.
    if subject.is_some() && body_blocks.first() == subject.as_ref() {
        body_blocks.remove(0);
    }
    if body_blocks.is_empty() {
        return Err(FormatError::NoText { format: FORMAT });
    }
    for block in &body_blocks {
        blocks.push_block(block);
    }
    if blocks.over_limit() {
        return Err(FormatError::TooLargeUnpacked {
            format: FORMAT,
            limit: super::MAX_UNPACKED_BYTES,
        });
    }
    Ok(Document {
        text: blocks.finish(),
        meta: Metadata {
            title: subject,
            date,
            outlet: sender,
        },
        encoding: "MIME (decoded by mail-parser)".to_owned(),
    })
}

/// A plain-text body's paragraphs (blocks between blank lines), line breaks kept inside.
fn plain_blocks(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// True when the first lines of `bytes` are e-mail headers (or an mbox `From ` line),
/// with at least one header that only mail has.
pub(super) fn looks_like_mail(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]);
    if head.starts_with("From ") && head.lines().next().is_some_and(|l| l.contains('@')) {
        return true;
    }
    let mut mail_only = false;
    let mut headers = 0;
    for line in head.lines().take(12) {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        let name = name.to_ascii_lowercase();
        if MAIL_HEADERS.contains(&name.as_str()) {
            mail_only = true;
        } else if !OTHER_HEADERS.contains(&name.as_str()) && !name.starts_with("x-") {
            break;
        }
        headers += 1;
    }
    mail_only && headers >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_part_with_subject_sender_and_date() {
        let mail = "From: Sample Ministry Press Office <press@example.org>\r\n\
            To: list@example.org\r\n\
            Subject: =?UTF-8?Q?Statement_on_the_sample_accord?=\r\n\
            Date: Tue, 9 Mar 2027 10:15:00 +0100\r\n\
            MIME-Version: 1.0\r\n\
            Content-Type: text/plain; charset=utf-8\r\n\
            Content-Transfer-Encoding: quoted-printable\r\n\r\n\
            The minister said the accord was =E2=80=9Ca good start.=E2=80=9D\r\n\r\n\
            Second paragraph.\r\n";
        let doc = read(mail.as_bytes()).expect("reads");
        assert_eq!(
            doc.text,
            "Statement on the sample accord\n\nThe minister said the accord was \u{201c}a good start.\u{201d}\n\nSecond paragraph.\n"
        );
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Statement on the sample accord")
        );
        assert_eq!(
            doc.meta.outlet.as_deref(),
            Some("Sample Ministry Press Office")
        );
        assert_eq!(doc.meta.date.as_deref(), Some("2027-03-09"));
        assert!(looks_like_mail(mail.as_bytes()));
    }

    #[test]
    fn prose_is_not_mail() {
        assert!(!looks_like_mail(
            b"Date: 9 March 2027\nSample headline\n\nBody."
        ));
        assert!(!looks_like_mail(b"Plain sample text."));
    }
}
