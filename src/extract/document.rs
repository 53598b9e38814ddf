//! Statements issued as documents: a joint statement or a government statement whose whole
//! body is the statement ("Joint Statement of the Leaders of ...", "U.S.-Russia Presidential
//! Joint Statement ..."). Every body paragraph is one direct statement of all the governments
//! that issue it.

use crate::article::Article;
use crate::governments::Governments;
use crate::statement::{Group, StatementKind};
use crate::text::Span;

use super::Draft;
use super::entity::Entity;
use super::knowledge::Knowledge;

/// The title of the text: a Markdown front-matter `title:` or the first paragraph.
fn title_of(article: &Article) -> (String, usize) {
    let text = article.text.as_str();
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---")
    {
        let block = &rest[..end];
        let body_start = 4 + end + 4;
        if let Some(line) = block.find("title:") {
            let value = &block[line + 6..];
            // A quoted YAML value can run over escaped line breaks.
            let mut out = String::new();
            for (n, l) in value.lines().enumerate() {
                let l = l.trim();
                if n > 0 && !l.starts_with('\\') && !out.ends_with('\\') {
                    break;
                }
                out.push_str(l.trim_start_matches('\\'));
                out.push(' ');
            }
            let title = decode_escapes(&out)
                .replace("\\_", " ")
                .replace('\\', " ")
                .trim()
                .trim_matches('"')
                .trim()
                .to_owned();
            return (title, body_start);
        }
        return (String::new(), body_start);
    }
    // A title the loader found (front matter, <title>) when the text itself does not start
    // with it.
    let first = article.paragraphs.first().map_or("", |p| p.slice(text));
    if let Some(title) = article.title.as_deref().filter(|t| !t.trim().is_empty())
        && !first.contains(title.trim())
    {
        return (title.trim().to_owned(), 0);
    }
    (
        first.to_owned(),
        article.paragraphs.first().map_or(0, |p| p.end),
    )
}

/// Decodes YAML `\uXXXX` escapes.
fn decode_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find("\\u") {
        out.push_str(&rest[..p]);
        let hex = rest.get(p + 2..p + 6).unwrap_or("");
        match u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
            Some(c) if hex.len() == 4 => {
                out.push(c);
                rest = &rest[p + 6..];
            }
            _ => {
                out.push_str("\\u");
                rest = &rest[p + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Detects a statement document and returns its statements.
pub(crate) fn statements(article: &Article) -> Option<Vec<Draft>> {
    let (title, body_start) = title_of(article);
    if title.split_whitespace().count() > 30 {
        return None;
    }
    let lower = title.to_lowercase();
    let is_statement = lower.contains("statement") && lower.contains("joint")
        || [
            "joint declaration",
            "communiqué",
            "communique",
            "statement by",
            "statement of the",
        ]
        .iter()
        .any(|w| lower.contains(w));
    if !is_statement {
        return None;
    }
    let text = article.text.as_str();
    let body: Vec<Span> = article
        .paragraphs
        .iter()
        .copied()
        .filter(|p| p.start >= body_start)
        .filter(|p| {
            let s = p.slice(text);
            s.split_whitespace().count() >= 8
                && s.trim_end().ends_with(['.', ';', ':', '。'])
                && !super::transcript::editorial_note(s)
        })
        .collect();
    // News about a statement reports it ("said", "says"); the statement itself does not.
    let reports = body
        .iter()
        .map(|p| p.slice(text).matches(" said").count() + p.slice(text).matches(" says ").count())
        .sum::<usize>();
    if reports >= 3 {
        return None;
    }
    let first = body.first()?;
    let registry = Governments::bundled();
    let k = Knowledge::bundled();
    // Who issues it: the people and countries the title names, else the first sentence.
    let first_sentence = {
        let s = first.slice(text);
        let end = s.find(". ").map_or(s.len(), |e| e + 1);
        s[..end].to_owned()
    };
    let mut governments: Vec<String> = Vec::new();
    let mut people: Vec<String> = Vec::new();
    for source in [title.replace('-', " "), first_sentence] {
        for m in registry.find_in(&source) {
            if !governments.contains(&m.iso3) {
                governments.push(m.iso3);
            }
        }
        for h in &k.holders {
            let in_office = article.date.as_deref().is_none_or(|d| h.in_office(d));
            if in_office
                && std::iter::once(&h.name)
                    .chain(h.aliases.iter())
                    .any(|n| source.contains(n.as_str()))
                && !people.contains(&h.name)
            {
                people.push(h.name.clone());
                if !governments.contains(&h.iso3) {
                    governments.push(h.iso3.clone());
                }
            }
        }
        if !governments.is_empty() {
            break;
        }
    }
    if governments.is_empty() {
        return None;
    }
    governments.sort();
    let names: Vec<String> = governments
        .iter()
        .filter_map(|g| registry.get(g).map(|g| g.name.clone()))
        .collect();
    let speaker = if people.is_empty() {
        format!("Joint statement of {}", names.join(", "))
    } else {
        people.join(" and ")
    };
    let entity = Entity {
        name: (!people.is_empty()).then(|| speaker.clone()),
        description: Some(speaker),
        role: Some(title.clone()),
        body: people.is_empty(),
        plural: governments.len() > 1,
        gender: super::phrase::Gender::Unknown,
        group: Group::Government,
        governments,
        affiliation: None,
    };
    Some(
        body.iter()
            .enumerate()
            .map(|(i, p)| Draft {
                spans: vec![*p],
                kind: StatementKind::Direct,
                entity: Some(entity.clone()),
                mention: None,
                mention_text: Some(title.clone()),
                cue: None,
                cue_span: None,
                rule: super::rule::Rule::DocumentStatement,
                continues_previous: i > 0,
                question: None,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use crate::article::{Article, ArticleId};

    #[test]
    fn joint_statement_paragraphs_speak_for_every_signatory() {
        let text = "Joint Statement by President of Russia Vladimir Putin and President of the United States Donald Trump\n\nApril 25, 2020\n\nWe recall the historic meeting of our soldiers on the Elbe river seventy-five years ago.\n\nWe honour the memory of all who fought together against a common enemy.\n";
        let mut article = Article::from_text(ArticleId(0), text);
        article.date = Some("2020-04-25".to_owned());
        let statements = crate::extract::extract(&article);
        assert_eq!(statements.len(), 2);
        assert_eq!(statements[0].governments, ["RUS", "USA"]);
        assert!(statements[1].continues_previous);
    }
}
