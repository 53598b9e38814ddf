//! Markdown helpers: YAML front matter and ATX headings. The text itself is kept as the file
//! has it (offsets into the file matter more than pretty text); only metadata is read.

use std::collections::BTreeMap;

/// The `key: value` pairs of a YAML front-matter block and where the block ends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Top-level scalar fields, keys lowercased, values unquoted and unescaped.
    pub fields: BTreeMap<String, String>,
    /// Byte offset just past the closing `---` line.
    pub end: usize,
}

impl FrontMatter {
    /// The first non-empty field among `keys`.
    #[must_use]
    pub fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .filter_map(|k| self.fields.get(*k))
            .map(|v| v.trim())
            .find(|v| !v.is_empty())
    }
}

/// Reads a front-matter block: a first line `---`, `key: value` lines (values may continue on
/// indented lines), and a closing `---` or `...` line.
#[must_use]
pub fn front_matter(text: &str) -> Option<FrontMatter> {
    let mut lines = line_ranges(text);
    let (_, first) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut entries: Vec<(String, String)> = Vec::new();
    for (start, line) in lines {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let fields = entries
                .into_iter()
                .map(|(k, raw)| (k, yaml_scalar(&raw)))
                .collect();
            return Some(FrontMatter {
                fields,
                end: start + line.len(),
            });
        }
        if line.starts_with([' ', '\t', '-', '#']) || trimmed.is_empty() {
            if let Some((_, raw)) = entries.last_mut() {
                raw.push('\n');
                raw.push_str(trimmed);
            }
            continue;
        }
        let (key, value) = trimmed.split_once(':')?;
        let key_ok = !key.is_empty()
            && key.len() <= 40
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.'));
        if !key_ok {
            return None;
        }
        entries.push((key.trim().to_lowercase(), value.trim().to_owned()));
    }
    None
}

fn line_ranges(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    text.split_inclusive('\n').map(move |line| {
        let start = pos;
        pos += line.len();
        (start, line)
    })
}

/// Unquotes a YAML scalar (plain, single- or double-quoted, possibly over several lines).
fn yaml_scalar(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(inner) = raw.strip_prefix('"') {
        return double_quoted(inner.strip_suffix('"').unwrap_or(inner));
    }
    if let Some(inner) = raw.strip_prefix('\'') {
        let inner = inner.strip_suffix('\'').unwrap_or(inner);
        return fold_lines(inner).replace("''", "'");
    }
    if raw.starts_with(['|', '>']) {
        let body = raw.split_once('\n').map_or("", |(_, b)| b);
        return fold_lines(body);
    }
    fold_lines(raw)
}

/// YAML line folding: a line break between text becomes one space.
fn fold_lines(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// YAML double-quoted string body: escapes, escaped line breaks and folding.
fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else { break };
                match e {
                    '\n' => while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {},
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    '0' => out.push('\0'),
                    '_' => out.push('\u{a0}'),
                    'N' => out.push('\u{85}'),
                    'L' => out.push('\u{2028}'),
                    'P' => out.push('\u{2029}'),
                    'x' | 'u' | 'U' => {
                        let len = match e {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let hex: String = (0..len).filter_map(|_| chars.next()).collect();
                        if let Some(ch) =
                            u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                        {
                            out.push(ch);
                        }
                    }
                    other => out.push(other),
                }
            }
            '\n' => {
                while out.ends_with([' ', '\t']) {
                    out.pop();
                }
                while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
                out.push(' ');
            }
            other => out.push(other),
        }
    }
    out
}

/// The text of the first ATX heading (`# Title`, `## 5. Title`) among the first lines of
/// `text`, without the hashes or a leading list number.
#[must_use]
pub fn first_heading(text: &str, within_lines: usize) -> Option<String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(within_lines)
        .find_map(|line| {
            let rest = line.trim_start().trim_start_matches('#');
            let hashes = line.trim_start().len() - rest.len();
            if !(1..=6).contains(&hashes) || !rest.starts_with([' ', '\t']) {
                return None;
            }
            let title = rest.trim().trim_end_matches('#').trim();
            let title = strip_list_number(title);
            (!title.is_empty()).then(|| title.to_owned())
        })
}

/// Drops a leading "12. " as used by numbered compilations of articles.
fn strip_list_number(s: &str) -> &str {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=4).contains(&digits)
        && let Some(rest) = s[digits..].strip_prefix(". ")
    {
        return rest.trim_start();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_with_folded_double_quoted_title() {
        let text = "---\ntags: sample\ndate: '2030-01-02'\ntitle: \"Sample\\u2019s Joint\\\n  \\ Statement on\\_Nothing\"\n---\n \nBody text.\n";
        let fm = front_matter(text).expect("front matter");
        assert_eq!(fm.first(&["date"]), Some("2030-01-02"));
        assert_eq!(
            fm.first(&["title"]),
            Some("Sample\u{2019}s Joint Statement on\u{a0}Nothing")
        );
        assert_eq!(&text[fm.end..], " \nBody text.\n");
    }

    #[test]
    fn plain_and_folded_scalars() {
        let text = "---\ntitle: A plain\n  title\nsource: Example Wire\n---\n";
        let fm = front_matter(text).expect("front matter");
        assert_eq!(fm.first(&["title"]), Some("A plain title"));
        assert_eq!(fm.first(&["source", "publisher"]), Some("Example Wire"));
    }

    #[test]
    fn no_front_matter_without_opening_or_closing_fence() {
        assert_eq!(front_matter("Title\n\n---\nx: y\n---\n"), None);
        assert_eq!(front_matter("---\ntitle: x\nno end"), None);
    }

    #[test]
    fn headings() {
        assert_eq!(
            first_heading("\n## 5. A sample headline\n\ntext", 5).as_deref(),
            Some("A sample headline")
        );
        assert_eq!(first_heading("# Title #\n", 5).as_deref(), Some("Title"));
        assert_eq!(first_heading("#hashtag\nplain", 5), None);
    }
}
