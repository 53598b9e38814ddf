//! Statements as records for the CLI and for export: JSON lines, CSV and Markdown.
//! Offsets count Unicode scalar values in the article's decoded text, end exclusive.

use serde::Serialize;

use crate::article::Article;
use crate::governments::Governments;
use crate::statement::Statement;
use crate::text::{CharIndex, Span};

/// A government as written in records: `{"name": "China", "iso3": "CHN"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GovernmentRef {
    /// Short name.
    pub name: String,
    /// ISO 3166 alpha-3.
    pub iso3: String,
}

/// A text span in records: char offsets and the covered text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextRef {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// The covered text.
    pub text: String,
}

/// One statement as the CLI writes it (the field set is part of the CLI's contract).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementRecord {
    /// The path as given.
    pub file: String,
    /// The article's title.
    pub title: Option<String>,
    /// The article's outlet (publisher or agency).
    pub outlet: Option<String>,
    /// The article's publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The (first) government, or null (kept for readers written before `governments`).
    pub government: Option<GovernmentRef>,
    /// Every government the statement speaks for (a joint statement has several), in the
    /// statement's order; empty when none.
    pub governments: Vec<GovernmentRef>,
    /// "government", "organisation" or "other".
    pub group: &'static str,
    /// Resolved speaker.
    pub speaker: Option<String>,
    /// The words that name or point to the speaker.
    pub speaker_mention: Option<TextRef>,
    /// "direct", "partial" or "indirect".
    pub kind: &'static str,
    /// The cue.
    pub cue: Option<String>,
    /// The statement's text spans without quote marks.
    pub spans: Vec<TextRef>,
    /// 0 to 1.
    pub confidence: f32,
    /// In a transcript: the question this answer responds to (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<TextRef>,
}

/// Builds the records of an article's statements. `file` is the path as the user gave it.
#[must_use]
pub fn records(
    file: &str,
    article: &Article,
    statements: &[Statement],
    governments: &Governments,
) -> Vec<StatementRecord> {
    let index = CharIndex::new(&article.text);
    let text_ref = |span: Span| {
        let (start, end) = index.char_span(span);
        TextRef {
            start,
            end,
            text: span.slice(&article.text).to_owned(),
        }
    };
    let government_ref = |iso3: &String| GovernmentRef {
        name: governments
            .get(iso3)
            .map_or_else(|| iso3.clone(), |g| g.name.clone()),
        iso3: iso3.clone(),
    };
    statements
        .iter()
        .map(|s| StatementRecord {
            file: file.to_owned(),
            title: article.title.clone(),
            outlet: article.outlet.clone(),
            date: article.date.clone(),
            government: s.governments.first().map(government_ref),
            governments: s.governments.iter().map(government_ref).collect(),
            group: s.group.as_str(),
            speaker: s.speaker.clone(),
            speaker_mention: s.speaker_mention.map(text_ref),
            kind: s.kind.as_str(),
            cue: s.cue.clone(),
            spans: s.spans.iter().copied().map(text_ref).collect(),
            confidence: s.confidence,
            question: s.question.map(text_ref),
        })
        .collect()
}

/// One JSON object per line.
#[must_use]
pub fn to_jsonl(records: &[StatementRecord]) -> String {
    let mut out = String::new();
    for record in records {
        // Serialising these plain records cannot fail.
        if let Ok(line) = serde_json::to_string(record) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The CSV header row (with its line break).
pub const CSV_HEADER: &str = "file,title,government,iso3,group,speaker,kind,cue,start,end,text,confidence,outlet,date,governments\n";

/// CSV with a header row; spans joined with " … "; the last column lists every government
/// as "China (CHN); Russia (RUS)". Cells are guarded against formula
/// injection (see [`csv_field`]).
#[must_use]
pub fn to_csv(records: &[StatementRecord]) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str(&to_csv_rows(records));
    out
}

/// The CSV rows of `records`, without the header (for output written file by file).
#[must_use]
pub fn to_csv_rows(records: &[StatementRecord]) -> String {
    let mut out = String::new();
    for r in records {
        let (start, end) = (
            r.spans.first().map_or(0, |s| s.start),
            r.spans.last().map_or(0, |s| s.end),
        );
        let text = r
            .spans
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" … ");
        let fields = [
            r.file.clone(),
            r.title.clone().unwrap_or_default(),
            r.government
                .as_ref()
                .map(|g| g.name.clone())
                .unwrap_or_default(),
            r.government
                .as_ref()
                .map(|g| g.iso3.clone())
                .unwrap_or_default(),
            r.group.to_owned(),
            r.speaker.clone().unwrap_or_default(),
            r.kind.to_owned(),
            r.cue.clone().unwrap_or_default(),
            start.to_string(),
            end.to_string(),
            text,
            format!("{:.2}", r.confidence),
            r.outlet.clone().unwrap_or_default(),
            r.date.clone().unwrap_or_default(),
            r.governments
                .iter()
                .map(|g| format!("{} ({})", g.name, g.iso3))
                .collect::<Vec<_>>()
                .join("; "),
        ];
        let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// One CSV cell. A cell a spreadsheet would run as a formula (one starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP advises for CSV
/// injection; then the cell is quoted when it holds a comma, a quote or a line break.
#[must_use]
pub fn csv_field(field: &str) -> String {
    let guarded: std::borrow::Cow<'_, str> = if field.starts_with(['=', '+', '-', '@', '\t', '\r'])
    {
        format!("'{field}").into()
    } else {
        field.into()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded.into_owned()
    }
}

/// A Markdown table per article (a file that holds several articles gets one per article).
#[must_use]
pub fn to_markdown(records: &[StatementRecord]) -> String {
    let mut out = String::new();
    let mut current: Option<(&str, Option<&str>)> = None;
    for r in records {
        let article = (r.file.as_str(), r.title.as_deref());
        if current != Some(article) {
            current = Some(article);
            let title = r.title.as_deref().unwrap_or(&r.file);
            out.push_str(&format!(
                "\n## {}\n\n| government | speaker | kind | statement |\n|---|---|---|---|\n",
                md_cell(title)
            ));
        }
        let government = r
            .government
            .as_ref()
            .map_or_else(|| format!("({})", r.group), |g| g.name.clone());
        let text = r
            .spans
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" … ");
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            md_cell(&government),
            md_cell(r.speaker.as_deref().unwrap_or("?")),
            r.kind,
            md_cell(&text)
        ));
    }
    out.trim_start().to_owned()
}

/// One Markdown table cell: HTML escaped (a `<script>` in an article stays text), pipes
/// escaped, line breaks joined.
fn md_cell(text: &str) -> String {
    escape_html(text)
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Escapes `<`, `>` and the `&` that does not already start a character reference, so
/// text shows as written in any Markdown or HTML renderer; `&amp;`, `&lt;` or `&#39;`
/// already in the text are kept as they are.
#[must_use]
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if !starts_reference(&text[at..]) => out.push_str("&amp;"),
            other => out.push(other),
        }
    }
    out
}

/// True when `text` (starting at `&`) is a character reference: `&name;`, `&#123;` or
/// `&#x1F;`.
fn starts_reference(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('&') else {
        return false;
    };
    let Some(end) = rest.find(';').filter(|&end| end <= 32) else {
        return false;
    };
    let body = &rest[..end];
    if let Some(number) = body.strip_prefix('#') {
        return match number.strip_prefix(['x', 'X']) {
            Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
            None => !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()),
        };
    }
    body.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && body.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ArticleId;
    use crate::statement::{Evidence, Group, Origin, StatementId, StatementKind};

    fn sample() -> (Article, Vec<Statement>) {
        let text = "“Diaoyu Dao is China’s,” Zhao said, \"and that's final.\"";
        let article = Article::from_text(ArticleId(0), text);
        let first = Span::new(
            text.find('D').expect("D"),
            text.find(",”").expect("comma") + 1,
        );
        let mention = Span::new(
            text.find("Zhao").expect("Zhao"),
            text.find(" said").expect("said"),
        );
        let statement = Statement {
            id: StatementId {
                article: ArticleId(0),
                ordinal: 0,
            },
            spans: vec![first],
            kind: StatementKind::Direct,
            speaker: Some("Zhao Lijian".into()),
            role: None,
            speaker_mention: Some(mention),
            group: Group::Government,
            governments: vec!["CHN".into()],
            affiliation: None,
            cue: Some("said".into()),
            evidence: Evidence::default(),
            confidence: 0.9,
            continues_previous: false,
            question: None,
            origin: Origin::Extracted,
        };
        (article, vec![statement])
    }

    #[test]
    fn jsonl_has_exactly_the_contract_fields_with_char_offsets() {
        let (article, statements) = sample();
        let records = records("a.txt", &article, &statements, Governments::bundled());
        let line = to_jsonl(&records);
        let value: serde_json::Value = serde_json::from_str(line.trim()).expect("json");
        let keys: Vec<&str> = value
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = [
            "file",
            "title",
            "outlet",
            "date",
            "government",
            "governments",
            "group",
            "speaker",
            "speaker_mention",
            "kind",
            "cue",
            "spans",
            "confidence",
        ];
        expected.sort_unstable();
        let mut keys_sorted = keys.clone();
        keys_sorted.sort_unstable();
        assert_eq!(keys_sorted, expected);
        assert_eq!(
            value["government"],
            serde_json::json!({"name": "China", "iso3": "CHN"})
        );
        assert_eq!(
            value["spans"][0]["start"], 1,
            "char offset after the 1-char opening mark"
        );
        assert_eq!(value["spans"][0]["text"], "Diaoyu Dao is China’s,");
        assert_eq!(value["speaker_mention"]["text"], "Zhao");
        assert_eq!(value["speaker_mention"]["start"], 25);
    }

    #[test]
    fn joint_statements_list_every_government() {
        let (article, mut statements) = sample();
        statements[0].governments = vec!["CHN".into(), "RUS".into()];
        let records = records("a.txt", &article, &statements, Governments::bundled());
        let value: serde_json::Value =
            serde_json::from_str(to_jsonl(&records).trim()).expect("json");
        // The first government stays where readers of the old field find it.
        assert_eq!(value["government"]["iso3"], "CHN");
        assert_eq!(
            value["governments"],
            serde_json::json!([
                {"name": "China", "iso3": "CHN"},
                {"name": "Russia", "iso3": "RUS"}
            ])
        );
        let csv = to_csv(&records);
        assert!(csv.starts_with(CSV_HEADER));
        assert!(CSV_HEADER.trim_end().ends_with(",date,governments"));
        assert!(
            csv.lines()
                .nth(1)
                .expect("row")
                .ends_with(",China (CHN); Russia (RUS)"),
            "{csv}"
        );
        // A statement of no government: an empty list, not a missing field.
        statements[0].governments.clear();
        let records = super::records("a.txt", &article, &statements, Governments::bundled());
        let value: serde_json::Value =
            serde_json::from_str(to_jsonl(&records).trim()).expect("json");
        assert_eq!(value["governments"], serde_json::json!([]));
        assert!(value["government"].is_null());
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_guarded() {
        assert_eq!(csv_field("=SUM(A1:A9)"), "'=SUM(A1:A9)");
        assert_eq!(csv_field("+1 555"), "'+1 555");
        assert_eq!(csv_field("-2"), "'-2");
        assert_eq!(csv_field("@cmd"), "'@cmd");
        assert_eq!(csv_field("\tx"), "'\tx");
        assert_eq!(csv_field("\rx"), "\"'\rx\"");
        assert_eq!(csv_field("=a,b"), "\"'=a,b\"");
        assert_eq!(csv_field("a=b"), "a=b");
        assert_eq!(csv_field("'already"), "'already");
    }

    #[test]
    fn markdown_escapes_html_and_keeps_references() {
        assert_eq!(
            md_cell("<script>x</script> & <b>"),
            "&lt;script&gt;x&lt;/script&gt; &amp; &lt;b&gt;"
        );
        assert_eq!(
            md_cell("AT&amp;T &#39;x&#x27; & y;"),
            "AT&amp;T &#39;x&#x27; &amp; y;"
        );
        assert_eq!(md_cell("a|b\nc"), "a\\|b c");
    }

    #[test]
    fn csv_quotes_fields_with_commas_and_quotes() {
        let (article, statements) = sample();
        let csv = to_csv(&records(
            "a,b.txt",
            &article,
            &statements,
            Governments::bundled(),
        ));
        assert!(
            csv.lines().nth(1).expect("row").starts_with("\"a,b.txt\","),
            "{csv}"
        );
        assert!(
            to_markdown(&records(
                "a.txt",
                &article,
                &statements,
                Governments::bundled()
            ))
            .contains("| China | Zhao Lijian | direct |")
        );
    }
}
