//! Who a label names: the briefing's host from the title, an official under a surname label,
//! and the country a briefing speaks for when its title leaves it out.

use crate::article::Article;
use crate::statement::Group;
use crate::text::Span;

use super::super::entity::Entity;
use super::super::knowledge::Knowledge;
use super::super::lex::tokens;
use super::super::memory::Memory;
use super::super::phrase::analyze;
use super::label::{label_at, title_case};

/// The official a briefing's title names ("Foreign Ministry Spokesperson Geng Shuang's
/// Regular Press Conference", "外交部发言人赵立坚主持例行记者会").
pub(crate) fn host_from_title(article: &Article, title: &str) -> Option<Entity> {
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
pub(crate) fn briefing_country(article: &Article) -> Option<String> {
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

/// Resolves a label to an official: of a government, or of an intergovernmental body; `None`
/// for anyone else (the turn's role then says who they are).
pub(crate) fn speaker_of(
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
            gender: super::super::phrase::Gender::Unknown,
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
    // An official of an intergovernmental body ("Spokesperson for the Secretary-General")
    // speaks for that body.
    (e.group == Group::Government && !e.governments.is_empty()
        || e.group == Group::Organisation && e.affiliation.is_some())
    .then_some(e)
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
