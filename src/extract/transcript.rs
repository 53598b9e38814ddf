//! Transcripts: briefings and press conferences whose paragraphs open with speaker labels
//! (`PRESIDENT DUDA:  (As interpreted.)`, `Q`, `President of Russia Vladimir Putin:`,
//! `Zhao Lijian:`, `Kyodo News:`, `A:`, `赵立坚：`). Every paragraph of an official's turn is
//! a direct statement; questions and moderators are not.

use crate::article::Article;
use crate::statement::{Group, StatementKind};
use crate::text::Span;

use super::Draft;
use super::entity::Entity;
use super::knowledge::Knowledge;
use super::lex::tokens;
use super::memory::Memory;
use super::phrase::analyze;

/// A speaker label at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// The label's words (without the colon).
    pub name: Span,
    /// Where the spoken text starts (after the colon and any "(As interpreted.)").
    pub text_start: usize,
}

/// What was learnt about a transcript.
#[derive(Debug, Clone)]
pub struct Transcript {
    /// Per paragraph: its label, if it opens with one.
    pub labels: Vec<Option<Label>>,
    /// The official the title names (a briefing's spokesperson), who speaks unlabelled
    /// opening paragraphs and `A:` turns.
    pub host: Option<Entity>,
}

/// Reads a speaker label at the start of `para`.
#[must_use]
pub fn label_at(text: &str, para: Span) -> Option<Label> {
    let s = para.slice(text);
    let lead = s.len() - s.trim_start_matches(['\u{3000}', ' ', '\u{a0}']).len();
    let body = &s[lead..];
    // White House "Q" with spaces and no colon.
    if let Some(rest) = body.strip_prefix('Q')
        && (rest.starts_with("  ") || rest.starts_with(':') || rest.starts_with('\u{a0}'))
    {
        let skip = rest.len() - rest.trim_start_matches([':', ' ', '\u{a0}']).len();
        let start = para.start + lead + 1 + skip;
        return Some(Label {
            name: Span::new(para.start + lead, para.start + lead + 1),
            text_start: skip_interpreted(text, start, para.end),
        });
    }
    // Find the colon within the first 70 bytes.
    let window = &body[..floor_char(body, 80)];
    let (colon, width) = window
        .char_indices()
        .find(|(_, c)| *c == ':' || *c == '：')
        .map(|(i, c)| (i, c.len_utf8()))?;
    let name = body[..colon].trim();
    if name.is_empty() || !valid_label(name) {
        return None;
    }
    let after = &body[colon + width..];
    let skip = after.len() - after.trim_start_matches([' ', '\u{a0}', '\u{3000}']).len();
    let start = para.start + lead + colon + width + skip;
    let name_start = para.start + lead;
    Some(Label {
        name: Span::new(name_start, name_start + name.len()),
        text_start: skip_interpreted(text, start, para.end),
    })
}

fn floor_char(s: &str, max: usize) -> usize {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

fn skip_interpreted(text: &str, start: usize, end: usize) -> usize {
    let rest = &text[start..end];
    for marker in ["(As interpreted.)", "(As interpreted)", "(In progress.)"] {
        if let Some(r) = rest.strip_prefix(marker) {
            let skip = r.len() - r.trim_start().len();
            return start + marker.len() + skip;
        }
    }
    start
}

/// A label is a short name: Latin words that each start with a capital (small words
/// allowed) and no sentence punctuation, or a short CJK name.
fn valid_label(name: &str) -> bool {
    if name
        .chars()
        .any(|c| matches!(c, '，' | '。' | ',' | '?' | '!' | '"' | '“' | '”'))
    {
        return false;
    }
    let cjk = name.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    if cjk {
        return name.chars().count() <= 16;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 9 {
        return false;
    }
    let small = [
        "of", "the", "and", "for", "de", "al", "bin", "von", "van", "da",
    ];
    words.iter().all(|w| {
        small.contains(w)
            || w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '《' || c == '(')
    }) && words
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A speaker label in capitals opening a quoted paragraph of a news article that quotes a
/// transcript (`"PENCE: Well, ...`), but not a question label (`Q:`).
#[must_use]
pub fn quoted_label(text: &str, content: Span) -> Option<Label> {
    let label = label_at(text, content)?;
    let name = label.name.slice(text);
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let caps = name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    let question = matches!(name, "Q" | "QUESTION");
    (caps && letters >= 2 && !question && label.text_start < content.end).then_some(label)
}

/// Detects a transcript: at least three paragraphs open with speaker labels.
#[must_use]
pub fn detect(article: &Article) -> Option<Transcript> {
    let labels: Vec<Option<Label>> = article
        .paragraphs
        .iter()
        .map(|p| label_at(&article.text, *p))
        .collect();
    let count = labels.iter().filter(|l| l.is_some()).count();
    if count < 2 {
        return None;
    }
    let host = article
        .title
        .as_deref()
        .and_then(|t| host_from_title(article, t))
        .or_else(|| {
            article
                .paragraphs
                .first()
                .and_then(|p| host_from_title(article, p.slice(&article.text)))
        });
    // Labels must repeat (a transcript names its speakers more than once), or name at least
    // two officials (a pair of press statements).
    let mut names: Vec<String> = labels
        .iter()
        .flatten()
        .map(|l| l.name.slice(&article.text).to_lowercase())
        .collect();
    names.sort();
    let repeated = count >= 3 && names.windows(2).any(|w| w[0] == w[1]);
    if !repeated {
        let memory = Memory::new(article.date.as_deref());
        let officials = labels
            .iter()
            .flatten()
            .filter(|l| {
                speaker_of(article, l.name.slice(&article.text), host.as_ref(), &memory).is_some()
            })
            .count();
        if officials < 2 {
            return None;
        }
    }
    Some(Transcript { labels, host })
}

/// The official a briefing's title names ("Foreign Ministry Spokesperson Geng Shuang's
/// Regular Press Conference", "外交部发言人赵立坚主持例行记者会").
fn host_from_title(article: &Article, title: &str) -> Option<Entity> {
    let lower = title.to_lowercase();
    let briefing = ["press conference", "briefing", "记者会", "press briefing"]
        .iter()
        .any(|w| lower.contains(w));
    if !briefing {
        return None;
    }
    let k = Knowledge::bundled();
    let memory = Memory::new(article.date.as_deref());
    // A known office holder named in any script.
    for h in &k.holders {
        let names = std::iter::once(&h.name).chain(h.aliases.iter());
        for n in names {
            if title.contains(n.as_str()) {
                let mut phrase = analyze(n, &tokens(n, Span::new(0, n.len())));
                phrase.gov_role = true;
                let mut e = memory.entity_from(&phrase);
                e.name = Some(h.name.clone());
                e.governments = vec![h.iso3.clone()];
                e.group = Group::Government;
                e.role = Some(h.role.clone());
                return Some(e);
            }
        }
    }
    // Otherwise the titled person before "'s".
    let cut = title.find("'s ").or_else(|| title.find("’s "))?;
    let head = &title[..cut];
    let mut toks = tokens(head, Span::new(0, head.len()));
    if let Some(last) = toks.last_mut() {
        last.possessive = false;
    }
    let phrase = analyze(head, &toks);
    let mut e = memory.entity_from(&phrase);
    e.name.as_ref()?;
    if e.governments.is_empty() && (phrase.gov_role || e.group == Group::Government) {
        // A spokesperson the registry does not know: still the host. The country comes from
        // the text when it says it; else the turns stay with an unknown government.
        e.group = Group::Government;
        e.governments = briefing_country(article).into_iter().collect();
    }
    (e.group == Group::Government).then_some(e)
}

/// The country a briefing speaks for, when its title leaves it out: a source or outlet line
/// that names a government, else the country the questions ask to respond ("What is
/// China's response?", "Does China plan ...").
fn briefing_country(article: &Article) -> Option<String> {
    let registry = crate::governments::Governments::bundled();
    let text = article.text.as_str();
    let source_line = article.outlet.iter().map(String::as_str).chain(
        article
            .paragraphs
            .iter()
            .map(|p| p.slice(text))
            .filter(|s| {
                let l = s.trim_start().to_lowercase();
                l.starts_with("source:") || l.starts_with("outlet:") || l.starts_with("issued by")
            }),
    );
    for line in source_line {
        if let Some(m) = registry.find_in(line).into_iter().next() {
            return Some(m.iso3);
        }
    }
    // A place line before the first turn ("Washington, D.C.", "Beijing").
    let first_label = article
        .paragraphs
        .iter()
        .position(|p| label_at(text, *p).is_some())
        .unwrap_or(0);
    for p in &article.paragraphs[..first_label] {
        let line = p.slice(text).trim();
        if line.split_whitespace().count() <= 3 {
            let place = line.split(',').next().unwrap_or(line);
            if let Some((g, _)) = registry.lookup(place) {
                return Some(g.iso3.clone());
            }
        }
    }
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for p in &article.paragraphs {
        let Some(label) = label_at(text, *p) else {
            continue;
        };
        let name = label.name.slice(text).trim();
        if !matches!(name, "Q" | "QUESTION" | "Question") {
            continue;
        }
        let q = Span::new(label.text_start, p.end).slice(text);
        for m in registry.find_in(q) {
            let after = q[m.span.end..].trim_start_matches(['\'', '’']);
            let after = after.strip_prefix('s').unwrap_or(after).trim_start();
            let previous = q[..m.span.start]
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_lowercase();
            let asked = [
                "response", "position", "reaction", "comment", "view", "stance", "attitude",
            ]
            .iter()
            .any(|w| after.starts_with(w))
                // "Does China have any comment?", "How will China respond?": asked to
                // answer for that country, not about it.
                || matches!(previous.as_str(), "does" | "will" | "would")
                    && ["have any comment", "have a comment", "comment", "respond", "plan to respond"]
                        .iter()
                        .any(|w| after.starts_with(w));
            if asked {
                *counts.entry(m.iso3).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(g, n)| (*n, std::cmp::Reverse(g.clone())))
        .map(|(g, _)| g)
}

/// Turns an ALL CAPS label into Title Case so that names and roles read as usual.
pub(crate) fn title_case(label: &str) -> String {
    if label.chars().any(char::is_lowercase) {
        return label.to_owned();
    }
    label
        .split_whitespace()
        .map(|w| {
            let lower = w.to_lowercase();
            if matches!(lower.as_str(), "of" | "the" | "and" | "for") {
                return lower;
            }
            let mut c = lower.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Resolves a label to a speaker: an official (government), or `None` for questions,
/// journalists, outlets and moderators.
fn speaker_of(
    article: &Article,
    label: &str,
    host: Option<&Entity>,
    memory: &Memory,
) -> Option<Entity> {
    let trimmed = label.trim();
    match trimmed {
        "Q" | "QUESTION" | "Question" | "问" => return None,
        "A" | "ANSWER" | "Answer" | "答" => return host.cloned(),
        _ => {}
    }
    if trimmed.contains("记者") {
        return None;
    }
    // The host named by the title speaks under their own name ("Mei Ling:").
    if let Some(h) = host {
        let name = h.name.as_deref().unwrap_or("");
        let surname = name.split_whitespace().last().unwrap_or("");
        if !name.is_empty()
            && (trimmed == name
                || trimmed == surname
                || name.ends_with(trimmed) && trimmed.contains(' '))
        {
            return Some(h.clone());
        }
    }
    let k = Knowledge::bundled();
    if trimmed
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        let h = k
            .holders_named(trimmed, article.date.as_deref())
            .into_iter()
            .next()?;
        return Some(Entity {
            name: Some(h.name.clone()),
            description: Some(h.role.clone()),
            role: Some(h.role.clone()),
            body: false,
            plural: false,
            gender: super::phrase::Gender::Unknown,
            group: Group::Government,
            governments: vec![h.iso3.clone()],
            affiliation: None,
        });
    }
    let words = title_case(trimmed);
    let toks = tokens(&words, Span::new(0, words.len()));
    let phrase = analyze(&words, &toks);
    let mut e = memory.entity_from(&phrase);
    // A surname label ("PRESIDENT DUDA") names the person the title introduced in full.
    if let Some(name) = &e.name {
        let surname = name.split_whitespace().last().unwrap_or(name);
        if let Some(full) = full_name_in(&article.text, surname) {
            if e.governments.is_empty() {
                let fuller = analyze(&full.0, &tokens(&full.0, Span::new(0, full.0.len())));
                let f = memory.entity_from(&fuller);
                if !f.governments.is_empty() {
                    e.governments = f.governments;
                    e.group = Group::Government;
                } else if f.group == Group::Government {
                    // "Thomas Reed, Department Spokesperson": an official whose country the
                    // briefing's source or place lines tell.
                    if let Some(g) = briefing_country(article) {
                        e.governments = vec![g];
                        e.group = Group::Government;
                    }
                }
            }
            e.name = Some(full.1);
        }
    }
    (e.group == Group::Government && !e.governments.is_empty()).then_some(e)
}

/// Finds "<title> <First> <Surname> of <Country>" style introductions of `surname` in the
/// text: (the phrase around it, the full name).
fn full_name_in(text: &str, surname: &str) -> Option<(String, String)> {
    let mut from = 0;
    while let Some(pos) = text[from..].find(surname) {
        let at = from + pos;
        from = at + surname.len();
        let before = &text[..at];
        let prev_word = before
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        if !before.ends_with(' ') || !prev_word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let start = before[..before.len().saturating_sub(1)]
            .rfind(['\n', '"', ','])
            .map_or(0, |p| p + 1);
        // A short line runs on over an apposition ("Thomas Reed, Department Spokesperson").
        let mut line_end = text[from..]
            .find(['\n', '"', ':'])
            .map_or(text.len(), |p| from + p);
        if text[start..line_end].split_whitespace().count() > 8 {
            line_end = text[from..line_end]
                .find(',')
                .map_or(line_end, |p| from + p);
        }
        let phrase = text[start..line_end].trim().to_owned();
        let first_name = prev_word.trim_matches(|c: char| !c.is_alphanumeric());
        if first_name.is_empty() || first_name.chars().all(char::is_uppercase) {
            continue;
        }
        let k = Knowledge::bundled();
        if k.role_words.contains(&first_name.to_lowercase()) {
            continue;
        }
        return Some((phrase, format!("{first_name} {surname}")));
    }
    None
}

/// Statements of a transcript: every paragraph of an official's turn.
pub(crate) fn statements(article: &Article, t: &Transcript) -> Vec<Draft> {
    let text = article.text.as_str();
    let memory = Memory::new(article.date.as_deref());
    let mut out = Vec::new();
    let first_label = t.labels.iter().position(Option::is_some).unwrap_or(0);
    let mut current: Option<(Entity, Span)> = None;
    let mut in_turn = false;
    for (pi, para) in article.paragraphs.iter().enumerate() {
        if pi == 0 && t.labels[0].is_none() && article.title.is_none() {
            continue;
        }
        let (start, continues) = if let Some(label) = t.labels[pi] {
            let name = label.name.slice(text);
            current = speaker_of(article, name, t.host.as_ref(), &memory).map(|e| (e, label.name));
            in_turn = true;
            (label.text_start, false)
        } else if pi < first_label {
            // Opening announcements of a briefing, spoken by its host.
            let s = para.slice(text);
            let sentence_like =
                s.split_whitespace().count() >= 8 && s.trim_end().ends_with(['.', '。', '!', '?']);
            if !sentence_like || editorial_note(s) {
                continue;
            }
            let was = in_turn && current.is_some();
            current = t.host.clone().map(|e| (e, Span::new(0, 0)));
            in_turn = true;
            (para.start, was)
        } else {
            (para.start, true)
        };
        let Some((entity, mention)) = &current else {
            continue;
        };
        let span = Span::new(start, para.end);
        let body = span.slice(text).trim();
        if body.is_empty() || stage_direction(body) {
            continue;
        }
        out.push(Draft {
            spans: vec![span],
            kind: StatementKind::Direct,
            entity: Some(entity.clone()),
            mention: (!mention.is_empty()).then_some(*mention),
            mention_text: (!mention.is_empty()).then(|| mention.slice(text).to_owned()),
            cue: None,
            cue_span: None,
            rule: super::rule::Rule::TranscriptTurn,
            confidence: 0.9,
            continues_previous: continues,
        });
    }
    out
}

/// A note about the document itself ("Sample text written for ...", "The following
/// transcript ..."): not spoken by the host.
pub(crate) fn editorial_note(s: &str) -> bool {
    let lower = s.to_lowercase();
    [
        "transcript",
        "sample text",
        "editor's note",
        "editor’s note",
        "this text",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// "(Applause.)", "END 3:05 P.M. JST", "###": not spoken words.
fn stage_direction(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() < 2
        || s.starts_with('(') && s.ends_with(')')
        || letters.iter().all(|c| c.is_uppercase()) && s.split_whitespace().count() <= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels_of_every_style() {
        let text = "PRESIDENT DUDA:  (As interpreted.)  Thank you.";
        let l = label_at(text, Span::new(0, text.len())).expect("label");
        assert_eq!(l.name.slice(text), "PRESIDENT DUDA");
        assert_eq!(&text[l.text_start..], "Thank you.");
        let text = "Q    Why not?";
        let l = label_at(text, Span::new(0, text.len())).expect("label");
        assert_eq!(&text[l.text_start..], "Why not?");
        let text = "　　赵立坚：中方高度赞赏。";
        let l = label_at(text, Span::new(0, text.len())).expect("label");
        assert_eq!(l.name.slice(text), "赵立坚");
        let text = "He said: this is not a label.";
        assert!(label_at(text, Span::new(0, text.len())).is_none());
    }
}
