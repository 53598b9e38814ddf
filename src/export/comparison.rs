//! Writers for a [`Comparison`]: pretty JSON (the CLI's format), a Markdown table, and a
//! self-contained HTML report with two columns, marked changes, shared phrases in paired
//! colours, a similarity gutter with moved marks and shift badges, and the list of shifts.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::compare::{ChangeOp, Comparison, Row, Shift, TextSpan};
use crate::text::Span;

/// Where one side of a comparison comes from; empty fields are unknown and left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SideMeta {
    /// Article or statement title.
    pub title: String,
    /// Publisher or government site.
    pub outlet: String,
    /// Publication date as written in the provenance (ISO preferred).
    pub date: String,
    /// Who is speaking.
    pub speaker: String,
    /// Source file path.
    pub file: String,
}

/// Provenance of both sides, for report headers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportMeta {
    /// The left (A) side.
    pub left: SideMeta,
    /// The right (B) side.
    pub right: SideMeta,
}

/// Background colours of shared phrases, by `id % len`; each phrase has the same colour on
/// both sides.
const PHRASE_COLOURS: [&str; 8] = [
    "#fde68a", "#bfdbfe", "#c7f9cc", "#fbcfe8", "#ddd6fe", "#fed7aa", "#a5f3fc", "#e5e7eb",
];
/// Colour of deleted text (also struck through).
const DELETE_COLOUR: &str = "#b91c1c";
/// Colour of inserted text (also underlined).
const INSERT_COLOUR: &str = "#15803d";

/// The comparison as pretty-printed JSON: `rows` (each with its `changes` and `shifts`),
/// `shared_phrases`, `coverage`, `approximate` and `summary`.
#[must_use]
pub fn comparison_json(c: &Comparison) -> String {
    serde_json::to_string_pretty(c).unwrap_or_else(|err| {
        let message = serde_json::Value::String(err.to_string());
        format!("{{\"error\": {message}}}")
    })
}

/// Which side of the table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// A run of a row's text on one side with how it is marked.
struct Segment<'a> {
    text: &'a str,
    op: ChangeOp,
    phrase: Option<usize>,
}

/// Splits one side of a row into segments by change and shared phrase.
fn segments<'a>(c: &'a Comparison, row: &Row, side: Side) -> Vec<Segment<'a>> {
    let (text, span) = match side {
        Side::Left => (c.left_text.as_str(), row.left.as_ref()),
        Side::Right => (c.right_text.as_str(), row.right.as_ref()),
    };
    let Some(span) = span.map(|s| s.byte_span) else {
        return Vec::new();
    };
    let ops: Vec<(Span, ChangeOp)> = row
        .changes
        .iter()
        .filter_map(|ch| {
            let range = match side {
                Side::Left => ch.left_range,
                Side::Right => ch.right_range,
            };
            range.map(|r| (r, ch.op))
        })
        .collect();
    let phrases: Vec<(Span, usize)> = c
        .shared_phrases
        .iter()
        .flat_map(|p| {
            let occ = match side {
                Side::Left => &p.left,
                Side::Right => &p.right,
            };
            occ.iter().map(move |o: &TextSpan| (o.byte_span, p.id))
        })
        .filter(|(s, _)| s.overlap(span) > 0)
        .collect();
    let mut cuts: Vec<usize> = vec![span.start, span.end];
    for s in ops
        .iter()
        .map(|(s, _)| s)
        .chain(phrases.iter().map(|(s, _)| s))
    {
        cuts.push(s.start.clamp(span.start, span.end));
        cuts.push(s.end.clamp(span.start, span.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let equal_op = match side {
        Side::Left => ChangeOp::Delete,
        Side::Right => ChangeOp::Insert,
    };
    cuts.windows(2)
        .filter_map(|w| {
            let piece = Span::new(w[0], w[1]);
            let piece_text = text.get(piece.start..piece.end)?;
            let op = ops
                .iter()
                .find(|(s, _)| s.start <= piece.start && piece.end <= s.end)
                .map_or(ChangeOp::Equal, |&(_, op)| op);
            let op = if op == ChangeOp::Equal { op } else { equal_op };
            let phrase = phrases
                .iter()
                .find(|(s, _)| s.start <= piece.start && piece.end <= s.end)
                .map(|&(_, id)| id);
            Some(Segment {
                text: piece_text,
                op,
                phrase,
            })
        })
        .collect()
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a Markdown table cell or list item (one line; HTML shown as text).
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '|' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn percent(similarity: f32) -> String {
    format!("{:.0}%", similarity * 100.0)
}

/// The comparison as a Markdown document: provenance, coverage, the aligned table (deleted text
/// ~~struck~~, inserted text **bold**), and the shared phrases.
#[must_use]
pub fn comparison_markdown(c: &Comparison, meta: &ReportMeta) -> String {
    let mut out = String::from("# Comparison\n\n| | A | B |\n|---|---|---|\n");
    for (label, l, r) in meta_rows(meta) {
        let _ = writeln!(
            out,
            "| {label} | {} | {} |",
            escape_markdown(l),
            escape_markdown(r)
        );
    }
    let _ = writeln!(out, "\n{}.\n", c.coverage);
    let _ = writeln!(out, "Summary: {}.\n", c.summary);
    if c.approximate {
        out.push_str(
            "*The time limit was reached: some differences are shown coarser than they are.*\n\n",
        );
    }
    out.push_str("Deleted (only in A): ~~struck~~. Inserted (only in B): **bold**.\n\n");
    out.push_str("| A | Similarity | B |\n|---|---|---|\n");
    for row in &c.rows {
        let cell = |side: Side| {
            // Markdown has no colours, so join runs with the same operation across phrases.
            let mut runs: Vec<(ChangeOp, String)> = Vec::new();
            for seg in segments(c, row, side) {
                match runs.last_mut() {
                    Some((op, text)) if *op == seg.op => text.push_str(seg.text),
                    _ => runs.push((seg.op, seg.text.to_owned())),
                }
            }
            let mut cell = String::new();
            for (op, raw) in runs {
                let text = escape_markdown(&raw);
                let trimmed = text.trim();
                if trimmed.is_empty() || op == ChangeOp::Equal {
                    cell.push_str(&text);
                } else {
                    // Markers must hug the text, so keep surrounding spaces outside them.
                    let lead = &text[..text.len() - text.trim_start().len()];
                    let trail = &text[text.trim_end().len()..];
                    let mark = if side == Side::Left { "~~" } else { "**" };
                    let _ = write!(cell, "{lead}{mark}{trimmed}{mark}{trail}");
                }
            }
            cell
        };
        let mut gutter = if row.left.is_some() && row.right.is_some() {
            percent(row.similarity)
        } else {
            String::from("–")
        };
        if row.moved {
            gutter.push_str(" (moved)");
        }
        for shift in &row.shifts {
            let _ = write!(gutter, " · {}", shift.kind.label());
        }
        let _ = writeln!(
            out,
            "| {} | {gutter} | {} |",
            cell(Side::Left),
            cell(Side::Right)
        );
    }
    let shifts = shift_list(c);
    if !shifts.is_empty() {
        out.push_str("\n## Shifts\n\n| Row | Shift | A | B | Why |\n|---|---|---|---|---|\n");
        for (row, shift) in shifts {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                row + 1,
                shift.kind.label(),
                escape_markdown(&shift.left.text),
                escape_markdown(&shift.right.text),
                escape_markdown(&shift.why)
            );
        }
    }
    if !c.shared_phrases.is_empty() {
        out.push_str("\n## Shared phrases\n\n");
        for p in &c.shared_phrases {
            let _ = writeln!(
                out,
                "{}. \"{}\" (A: {}, B: {})",
                p.id + 1,
                escape_markdown(&p.text),
                p.left.len(),
                p.right.len()
            );
        }
    }
    out
}

/// Every shift with the index of its row, in row order.
fn shift_list(c: &Comparison) -> Vec<(usize, &Shift)> {
    c.rows
        .iter()
        .enumerate()
        .flat_map(|(k, row)| row.shifts.iter().map(move |s| (k, s)))
        .collect()
}

fn meta_rows(meta: &ReportMeta) -> Vec<(&'static str, &str, &str)> {
    let (l, r) = (&meta.left, &meta.right);
    [
        ("Title", l.title.as_str(), r.title.as_str()),
        ("Outlet", &l.outlet, &r.outlet),
        ("Date", &l.date, &r.date),
        ("Speaker", &l.speaker, &r.speaker),
        ("File", &l.file, &r.file),
    ]
    .into_iter()
    .filter(|(_, a, b)| !a.is_empty() || !b.is_empty())
    .collect()
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#111}
table{border-collapse:collapse;width:100%}
table.meta{width:auto;margin-bottom:1em}
th,td{border:1px solid #ddd;padding:.4em .6em;vertical-align:top;text-align:left}
table.rows td.side{width:46%;white-space:pre-wrap}
td.gutter{width:8%;text-align:center;font-variant-numeric:tabular-nums;color:#444}
.bar{height:4px;background:#2563eb;margin-top:3px}
tr.moved td.gutter{background:#fef3c7}
.empty{background:#f9fafb}
p.approx{color:#92400e}
.shift{display:inline-block;margin-top:3px;padding:0 .3em;border-radius:3px;font-size:.85em;background:#e0e7ff;color:#1e1b4b}
table.shifts td{vertical-align:top}";

/// The comparison as a self-contained HTML page (inline CSS, no scripts or external files).
#[must_use]
pub fn comparison_html(c: &Comparison, meta: &ReportMeta) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<title>Comparison: {} / {}</title>",
        escape_html(or_a(&meta.left.title, "A")),
        escape_html(or_a(&meta.right.title, "B"))
    );
    let _ = writeln!(out, "<style>\n{STYLE}");
    let _ = writeln!(
        out,
        "del{{color:{DELETE_COLOUR};text-decoration:line-through}}"
    );
    let _ = writeln!(
        out,
        "ins{{color:{INSERT_COLOUR};text-decoration:underline}}"
    );
    for (i, colour) in PHRASE_COLOURS.iter().enumerate() {
        let _ = writeln!(out, ".sp{i}{{background:{colour}}}");
    }
    out.push_str("</style>\n</head>\n<body>\n<h1>Comparison</h1>\n");
    out.push_str("<table class=\"meta\">\n<tr><th></th><th>A</th><th>B</th></tr>\n");
    for (label, l, r) in meta_rows(meta) {
        let _ = writeln!(
            out,
            "<tr><th>{label}</th><td>{}</td><td>{}</td></tr>",
            escape_html(l),
            escape_html(r)
        );
    }
    out.push_str("</table>\n");
    let _ = writeln!(
        out,
        "<p class=\"coverage\">{}.</p>",
        escape_html(&c.coverage.to_string())
    );
    let _ = writeln!(
        out,
        "<p class=\"summary\">Summary: {}.</p>",
        escape_html(&c.summary.to_string())
    );
    if c.approximate {
        out.push_str("<p class=\"approx\">The time limit was reached: some differences are shown coarser than they are.</p>\n");
    }
    out.push_str("<p class=\"legend\"><del>only in A</del> · <ins>only in B</ins> · <span class=\"sp0\">shared phrase</span> (same colour on both sides) · ⇅ moved</p>\n");
    out.push_str("<table class=\"rows\">\n<thead><tr><th>A</th><th>Similarity</th><th>B</th></tr></thead>\n<tbody>\n");
    for row in &c.rows {
        let class = if row.moved { " class=\"moved\"" } else { "" };
        let _ = write!(out, "<tr{class}>");
        side_cell(&mut out, c, row, Side::Left);
        if row.left.is_some() && row.right.is_some() {
            let moved = if row.moved { "<br>⇅ moved" } else { "" };
            let mut badges = String::new();
            for shift in &row.shifts {
                let _ = write!(
                    badges,
                    "<br><span class=\"shift {}\" title=\"{}\">{}</span>",
                    shift.kind.as_str(),
                    escape_html(&shift.why),
                    shift.kind.label()
                );
            }
            let _ = write!(
                out,
                "<td class=\"gutter\">{}<div class=\"bar\" style=\"width:{:.0}%\"></div>{moved}{badges}</td>",
                percent(row.similarity),
                row.similarity * 100.0
            );
        } else {
            out.push_str("<td class=\"gutter\">–</td>");
        }
        side_cell(&mut out, c, row, Side::Right);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    let shifts = shift_list(c);
    if !shifts.is_empty() {
        out.push_str("<h2>Shifts</h2>\n<table class=\"shifts\">\n<thead><tr><th>Row</th><th>Shift</th><th>A</th><th>B</th><th>Why</th></tr></thead>\n<tbody>\n");
        for (row, shift) in shifts {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td><span class=\"shift {}\">{}</span></td><td>{}</td><td>{}</td><td>{}</td></tr>",
                row + 1,
                shift.kind.as_str(),
                shift.kind.label(),
                escape_html(&shift.left.text),
                escape_html(&shift.right.text),
                escape_html(&shift.why)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn or_a<'a>(value: &'a str, fallback: &'a str) -> &'a str {
    if value.is_empty() { fallback } else { value }
}

fn side_cell(out: &mut String, c: &Comparison, row: &Row, side: Side) {
    let present = match side {
        Side::Left => row.left.is_some(),
        Side::Right => row.right.is_some(),
    };
    if !present {
        out.push_str("<td class=\"side empty\"></td>");
        return;
    }
    out.push_str("<td class=\"side\">");
    for seg in segments(c, row, side) {
        let text = escape_html(seg.text);
        let inner = match seg.op {
            ChangeOp::Equal => text,
            ChangeOp::Delete => format!("<del>{text}</del>"),
            ChangeOp::Insert => format!("<ins>{text}</ins>"),
        };
        match seg.phrase {
            Some(id) => {
                let _ = write!(
                    out,
                    "<span class=\"sp{}\" title=\"shared phrase {}\">{inner}</span>",
                    id % PHRASE_COLOURS.len(),
                    id + 1
                );
            }
            None => out.push_str(&inner),
        }
    }
    out.push_str("</td>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{CompareOptions, compare_texts};

    fn sample() -> Comparison {
        compare_texts(
            "We firmly oppose <the> plan. Inherent territory matters.",
            "Inherent territory matters. We oppose the plan & its aims.",
            &CompareOptions::default(),
        )
    }

    #[test]
    fn html_is_escaped_and_marks_changes_and_phrases() {
        let meta = ReportMeta {
            left: SideMeta {
                title: "A <b>".into(),
                outlet: "Outlet & Co".into(),
                ..SideMeta::default()
            },
            right: SideMeta::default(),
        };
        let html = comparison_html(&sample(), &meta);
        assert!(html.contains("A &lt;b&gt;"));
        assert!(html.contains("Outlet &amp; Co"));
        assert!(html.contains("&lt;the&gt;"));
        assert!(!html.contains("<the>"));
        assert!(html.contains("<del>firmly</del>"));
        assert!(html.contains("&amp; <ins>its aims</ins>"));
        assert!(html.contains("class=\"sp"));
        assert!(html.contains("⇅ moved"));
    }

    #[test]
    fn markdown_and_json() {
        let c = sample();
        let md = comparison_markdown(&c, &ReportMeta::default());
        assert!(md.contains("~~firmly~~"));
        assert!(md.contains("(moved)"));
        assert!(md.contains("\\<the\\>"));
        let json: serde_json::Value = serde_json::from_str(&comparison_json(&c)).expect("json");
        let row = &json["rows"][0];
        assert!(row["left"]["start"].is_u64());
        assert!(row["changes"][0]["op"].is_string());
        assert!(row["changes"][0].get("left_range").is_none());
        assert!(json["coverage"]["left"]["total"].is_u64());
        assert_eq!(json["approximate"], false);
    }
}
