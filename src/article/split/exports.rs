//! News-database exports: Nexis Uni / LexisNexis, Factiva and ProQuest. Each names its
//! articles' boundaries with lines of its own, and gives title, outlet, date and byline in a
//! header; each article's text is its body without the export's labels.

use super::{Lines, Piece, trim_range};
use crate::article::date::{is_date_line, parse_date};
use crate::article::metadata::Metadata;

/// The value of a `Label: value` line, when `line` starts with `label` and a colon.
fn label_value<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let rest = line.trim_start().strip_prefix(label)?;
    let value = rest.strip_prefix(':')?.trim();
    Some(value)
}

fn some_text(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

// ---------------------------------------------------------------------------------------
// Nexis Uni / LexisNexis

/// The line that ends every article of a Nexis export.
const NEXIS_END: &str = "End of Document";
/// Labels of a Nexis article's header (before "Body").
const NEXIS_HEADER_LABELS: &[&str] = &[
    "Section",
    "Length",
    "Byline",
    "Dateline",
    "Highlight",
    "Edition",
];
/// Lines that end a Nexis article's body.
const NEXIS_BODY_END_LABELS: &[&str] = &["Load-Date", "Classification"];

/// A Nexis export: articles ending with "End of Document", with "Body" / "Length:" /
/// "Load-Date:" lines.
pub(super) fn nexis(text: &str, lines: &Lines<'_>) -> Option<Vec<Piece>> {
    let ends: Vec<usize> = (0..lines.len())
        .filter(|i| lines.trimmed(*i) == NEXIS_END)
        .collect();
    if ends.is_empty() {
        return None;
    }
    let nexis_like = (0..lines.len()).any(|i| {
        let line = lines.trimmed(i);
        line == "Body"
            || label_value(line, "Load-Date").is_some()
            || label_value(line, "Length").is_some()
    });
    if !nexis_like {
        return None;
    }
    let mut pieces = Vec::new();
    let mut from = 0;
    for end in ends.iter().copied().chain(std::iter::once(lines.len())) {
        let is_tail = end == lines.len();
        if let Some(piece) = nexis_piece(text, lines, from, end, is_tail) {
            pieces.push(piece);
        }
        from = end + 1;
    }
    Some(pieces)
}

fn nexis_piece(
    text: &str,
    lines: &Lines<'_>,
    from: usize,
    to: usize,
    is_tail: bool,
) -> Option<Piece> {
    let body_line = (from..to).find(|i| lines.trimmed(*i) == "Body");
    let header_label = |i: usize| {
        let line = lines.trimmed(i);
        line.starts_with("Copyright")
            || NEXIS_HEADER_LABELS
                .iter()
                .any(|l| label_value(line, l).is_some())
    };
    let first_label = (from..body_line.unwrap_or(to)).find(|i| header_label(*i));
    if is_tail && body_line.is_none() && first_label.is_none() {
        // Text after the last "End of Document" that is not an article.
        return None;
    }
    let body_from = match body_line {
        Some(i) => i + 1,
        None => {
            // No "Body" line: the body starts after the last header label near the top.
            let last_label = (from..to.min(from + 40)).rfind(|i| header_label(*i));
            last_label.map_or(from, |i| i + 1)
        }
    };
    let body_to = (body_from..to)
        .find(|i| {
            let line = lines.trimmed(*i);
            NEXIS_BODY_END_LABELS
                .iter()
                .any(|l| line == *l || label_value(line, l).is_some())
        })
        .unwrap_or(to);
    let range = lines.range(body_from, body_to)?;
    let label = |name: &str| {
        (from..to)
            .filter(|i| *i < body_from || *i >= body_to)
            .find_map(|i| label_value(lines.trimmed(i), name))
            .and_then(some_text)
    };
    let mut meta = Metadata::default();
    if let Some(first_label) = first_label {
        let header: Vec<usize> = lines.non_blank(from, first_label).collect();
        read_title_outlet_date(lines, &header, &mut meta);
    }
    meta.date = meta
        .date
        .or_else(|| label("Load-Date").as_deref().and_then(parse_date));
    Some(Piece {
        range: trim_range(text, range),
        meta,
        byline: label("Byline"),
    })
}

/// Nexis opens an article with its title, the outlet, and the date (then perhaps an edition
/// line): read them back from the date line nearest the labels.
fn read_title_outlet_date(lines: &Lines<'_>, header: &[usize], meta: &mut Metadata) {
    let tail_from = header.len().saturating_sub(4);
    let Some(date_at) = (tail_from..header.len())
        .rev()
        .find(|k| is_date_line(lines.trimmed(header[*k])))
    else {
        meta.title = header.first().and_then(|i| some_text(lines.trimmed(*i)));
        return;
    };
    meta.date = parse_date(lines.trimmed(header[date_at]));
    let Some(outlet_at) = date_at.checked_sub(1) else {
        return;
    };
    meta.outlet = some_text(lines.trimmed(header[outlet_at]));
    // The title: the run of consecutive lines just before the outlet (at most three).
    let Some(mut first) = outlet_at.checked_sub(1) else {
        return;
    };
    let last = first;
    while first > 0 && header[first - 1] + 1 == header[first] && last - first < 2 {
        first -= 1;
    }
    let title: Vec<&str> = (first..=last).map(|k| lines.trimmed(header[k])).collect();
    meta.title = some_text(&title.join(" "));
}

// ---------------------------------------------------------------------------------------
// Factiva

/// "Document WSJO000020200105eg150005l": the id line after each Factiva article.
fn factiva_id_line(line: &str) -> bool {
    let Some(id) = line.trim().strip_prefix("Document ") else {
        return false;
    };
    let digits = id.chars().filter(char::is_ascii_digit).count();
    (20..=32).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_alphanumeric())
        && digits >= 8
        && id.chars().any(|c| c.is_ascii_alphabetic())
}

/// "850 words": the word count in a Factiva header.
fn word_count_line(line: &str) -> bool {
    line.trim()
        .strip_suffix(" words")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == ','))
}

/// Field codes of Factiva's coded layout, and which of them hold the article's text.
const FACTIVA_CODES: &[&str] = &[
    "HD", "BY", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CO", "IN", "NS",
    "RE", "IPC", "IPD", "PUB", "AN", "CR", "RF", "SE", "CLM", "ART", "NGC",
];

/// A Factiva export: each article followed by its "Document <id>" line.
pub(super) fn factiva(text: &str, lines: &Lines<'_>) -> Option<Vec<Piece>> {
    let ends: Vec<usize> = (0..lines.len())
        .filter(|i| factiva_id_line(lines.get(*i)))
        .collect();
    if ends.is_empty() {
        return None;
    }
    let mut pieces = Vec::new();
    let mut from = 0;
    for end in ends.iter().copied().chain(std::iter::once(lines.len())) {
        let is_tail = end == lines.len();
        let piece = factiva_coded(text, lines, from, end)
            .or_else(|| factiva_plain(text, lines, from, end))
            .or_else(|| {
                (!is_tail)
                    .then(|| lines.range(from, end))
                    .flatten()
                    .map(|range| Piece {
                        range,
                        meta: Metadata::default(),
                        byline: None,
                    })
            });
        pieces.extend(piece);
        from = end + 1;
    }
    Some(pieces)
}

/// The code starting a line of Factiva's coded layout ("HD", "LP" ...), and the rest of it.
fn factiva_code(line: &str) -> Option<(&'static str, &str)> {
    let trimmed = line.trim_end();
    FACTIVA_CODES.iter().find_map(|code| {
        let rest = trimmed.strip_prefix(code)?;
        (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some((*code, rest.trim()))
    })
}

/// The coded layout: "HD" headline, "BY" byline, "PD" date, "SN" source, "LP" lead
/// paragraphs and "TD" the rest of the text.
fn factiva_coded(text: &str, lines: &Lines<'_>, from: usize, to: usize) -> Option<Piece> {
    let codes: Vec<(usize, &str)> = (from..to)
        .filter_map(|i| factiva_code(lines.get(i)).map(|(c, _)| (i, c)))
        .collect();
    let has = |code: &str| codes.iter().any(|(_, c)| *c == code);
    if !(has("HD") && (has("LP") || has("TD"))) {
        return None;
    }
    // The lines of one field: after its code line (and the rest of that line) to the next code.
    let field = |code: &str| -> Option<(usize, usize)> {
        let at = codes.iter().position(|(_, c)| *c == code)?;
        let start = codes[at].0;
        let end = codes.get(at + 1).map_or(to, |(i, _)| *i);
        Some((start, end))
    };
    let field_text = |code: &str| -> Option<String> {
        let (start, end) = field(code)?;
        let (_, rest) = factiva_code(lines.get(start))?;
        let mut parts = vec![rest.to_owned()];
        parts.extend((start + 1..end).map(|i| lines.trimmed(i).to_owned()));
        some_text(&parts.join(" "))
    };
    let body_start = field("LP").or_else(|| field("TD"))?;
    let body_end = field("TD").or_else(|| field("LP"))?;
    let range = lines.range(body_start.0 + 1, body_end.1)?;
    let meta = Metadata {
        title: field_text("HD"),
        date: field_text("PD").as_deref().and_then(parse_date),
        outlet: field_text("SN"),
    };
    Some(Piece {
        range: trim_range(text, range),
        meta,
        byline: field_text("BY"),
    })
}

/// The plain layout: title, optional byline, "N words", date, source, ... copyright, then
/// the body.
fn factiva_plain(text: &str, lines: &Lines<'_>, from: usize, to: usize) -> Option<Piece> {
    let words = (from..to).find(|i| word_count_line(lines.get(*i)))?;
    let before: Vec<usize> = lines.non_blank(from, words).collect();
    let mut byline = None;
    let mut title_end = before.len();
    if let Some(last) = before.last()
        && lines.trimmed(*last).to_ascii_lowercase().starts_with("by ")
    {
        byline = some_text(lines.trimmed(*last));
        title_end -= 1;
    }
    // The title: the run of consecutive lines ending just before the byline / word count.
    let mut title_from = title_end;
    if title_end > 0 {
        title_from = title_end - 1;
        while title_from > 0
            && before[title_from - 1] + 1 == before[title_from]
            && title_end - title_from < 3
        {
            title_from -= 1;
        }
    }
    let title: Vec<&str> = (title_from..title_end)
        .map(|k| lines.trimmed(before[k]))
        .collect();
    let after: Vec<usize> = lines.non_blank(words + 1, to).take(10).collect();
    let date = after.first().and_then(|i| parse_date(lines.trimmed(*i)));
    let outlet_at = usize::from(date.is_some());
    let outlet = after
        .get(outlet_at)
        .and_then(|i| some_text(lines.trimmed(*i)));
    // The header ends with the copyright line, else the language line, else the outlet.
    let header_end = after
        .iter()
        .copied()
        .find(|i| {
            let line = lines.trimmed(*i).to_ascii_lowercase();
            line.starts_with("copyright")
                || line.starts_with('©')
                || line.starts_with("(c)")
                || line.contains("all rights reserved")
        })
        .or_else(|| {
            after.iter().copied().skip(outlet_at + 1).take(3).find(|i| {
                let line = lines.trimmed(*i);
                !line.contains(' ') && line.chars().all(char::is_alphabetic) && line.len() >= 4
            })
        })
        .or_else(|| after.get(outlet_at).copied())?;
    let range = lines.range(header_end + 1, to)?;
    Some(Piece {
        range: trim_range(text, range),
        meta: Metadata {
            title: some_text(&title.join(" ")),
            date,
            outlet,
        },
        byline,
    })
}

// ---------------------------------------------------------------------------------------
// ProQuest

/// "Document 3 of 20": the line before each ProQuest article.
fn proquest_start_line(line: &str) -> bool {
    let Some(rest) = line.trim().strip_prefix("Document ") else {
        return false;
    };
    let Some((n, m)) = rest.split_once(" of ") else {
        return false;
    };
    let number = |s: &str| !s.is_empty() && s.len() <= 6 && s.chars().all(|c| c.is_ascii_digit());
    number(n) && number(m)
}

/// Labels of the record after a ProQuest article's text (the body stops at the first).
const PROQUEST_RECORD_LABELS: &[&str] = &[
    "Subject",
    "Location",
    "People",
    "Company / organization",
    "Classification",
    "Identifier / keyword",
    "Title",
    "Publication title",
    "Credit",
    "Illustration",
    "Caption",
    "Word count",
    "Publication date",
    "Publication year",
    "Publisher",
    "Place of publication",
    "Country of publication",
    "Publication subject",
    "Source type",
    "Language of publication",
    "Document type",
    "ProQuest document ID",
    "Document URL",
    "Copyright",
    "Last updated",
    "Database",
    "ISSN",
    "Section",
    "Pages",
];

fn proquest_record_line(line: &str) -> bool {
    PROQUEST_RECORD_LABELS
        .iter()
        .any(|l| label_value(line, l).is_some())
}

/// A ProQuest export: "Document N of M" before each article; "Full text:" before its body.
pub(super) fn proquest(text: &str, lines: &Lines<'_>) -> Option<Vec<Piece>> {
    let starts: Vec<usize> = (0..lines.len())
        .filter(|i| proquest_start_line(lines.get(*i)))
        .collect();
    if starts.is_empty() {
        return None;
    }
    let labelled = (0..lines.len()).any(|i| {
        let line = lines.trimmed(i);
        line.starts_with("Full text:") || line.starts_with("Abstract:")
    });
    if !labelled {
        return None;
    }
    let mut pieces = Vec::new();
    for (k, from) in starts.iter().enumerate() {
        let to = starts.get(k + 1).copied().unwrap_or(lines.len());
        pieces.extend(proquest_piece(text, lines, from + 1, to));
    }
    Some(pieces)
}

fn proquest_piece(text: &str, lines: &Lines<'_>, from: usize, to: usize) -> Option<Piece> {
    let body_label = ["Full text", "Abstract"].iter().find_map(|label| {
        (from..to).find_map(|i| {
            let line = lines.trimmed(i);
            label_value(line, label).map(|value| (i, value.is_empty()))
        })
    });
    let (label_line, label_alone) = body_label?;
    // The body starts after the label (on the same line when text follows it).
    let body_start = if label_alone {
        let first = lines.non_blank(label_line + 1, to).next()?;
        lines.start(first)
    } else {
        let line = lines.get(label_line);
        let colon = line.find(':').map_or(0, |c| c + 1);
        lines.start(label_line) + colon
    };
    let body_end_line = (label_line + 1..to)
        .find(|i| {
            let line = lines.trimmed(*i);
            proquest_record_line(line)
                || (line.len() >= 10 && line.chars().all(|c| c == '_' || c == '-'))
        })
        .unwrap_or(to);
    let body_end = lines
        .range(label_line, body_end_line)
        .map_or(body_start, |r| r.end);
    if body_end <= body_start {
        return None;
    }
    let outside = |i: &usize| *i < label_line || *i >= body_end_line;
    let label = |name: &str| {
        (from..to)
            .filter(outside)
            .find_map(|i| label_value(lines.trimmed(i), name))
            .and_then(some_text)
    };
    let info = label("Publication info");
    let title = label("Title").or_else(|| {
        lines
            .non_blank(from, label_line)
            .next()
            .map(|i| lines.trimmed(i))
            .filter(|l| !l.contains(':'))
            .and_then(some_text)
    });
    let outlet = label("Publication title").or_else(|| {
        info.as_deref()
            .and_then(|i| i.split([';', '.']).next())
            .and_then(some_text)
    });
    let date = label("Publication date")
        .as_deref()
        .and_then(parse_date)
        .or_else(|| info.as_deref().and_then(parse_date));
    Some(Piece {
        range: trim_range(text, body_start..body_end),
        meta: Metadata {
            title,
            date,
            outlet,
        },
        byline: label("Author"),
    })
}
