//! Who a label names: the briefing's host from the title, an official under a surname label,
//! and the country a briefing speaks for when its title leaves it out.

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;

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
    // The host must hold the office on the briefing's date when it is known; an undated
    // briefing's title names its host whoever holds the office today.
    let date = article.date.as_deref();
    for h in k
        .holders
        .iter()
        .filter(|h| date.is_none_or(|d| h.in_office(d)))
    {
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
    // A briefing by an intergovernmental body's spokesperson ("Daily Press Briefing by the
    // Office of the Spokesperson for the Secretary-General").
    let lower_words: Vec<&str> = lower.split_whitespace().collect();
    if let Some(at) = lower_words
        .iter()
        .position(|w| matches!(*w, "spokesperson" | "spokesman" | "spokeswoman"))
        && let Some(org) = briefing_organisation(article)
        && !title.contains("'s ")
        && !title.contains("’s ")
    {
        let words: Vec<&str> = title.split_whitespace().skip(at).collect();
        let role = words.join(" ");
        return Some(Entity {
            name: None,
            description: Some(role.clone()),
            role: Some(role),
            body: false,
            plural: false,
            gender: super::super::phrase::Gender::Unknown,
            group: Group::Organisation,
            governments: Vec::new(),
            affiliation: Some(org),
        });
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
    // A heading that names an institution ("THE WHITE HOUSE", "The Kremlin, Moscow"), else
    // a place line before the first turn ("Washington, D.C.", "Beijing").
    let first_label = super::region::labels(article)
        .iter()
        .position(Option::is_some)
        .unwrap_or(0);
    for p in &article.paragraphs[..first_label] {
        let line = p.slice(text).trim();
        if line.split_whitespace().count() <= 4 {
            let titled = title_case(line);
            for part in titled.split(',') {
                if let Some((g, crate::governments::MentionKind::Institution)) =
                    registry.lookup(part.trim())
                {
                    return Some(g.iso3.clone());
                }
            }
        }
    }
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
    let lex = super::super::lexicon::Lexicon::get();
    for (name, q) in labelled_turns(article) {
        if !lex.question_labels.contains(name.to_lowercase().as_str()) && !super::role::outlet(name)
        {
            continue;
        }
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
        .or_else(|| country_the_answers_speak_for(article))
}

/// The country the officials' answers speak of as the subject of their sentences ("China
/// firmly opposes ...", "Japan's position is ..."), when one country opens at least
/// [`MIN_SUBJECT_USES`] of their sentences and more than any other does.
fn country_the_answers_speak_for(article: &Article) -> Option<String> {
    let registry = crate::governments::Governments::bundled();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    // Turns whose label may name an official (no questioner, moderator or interpreter).
    let answers =
        labelled_turns(article).filter(|(name, _)| super::role::role_by_words(name).is_none());
    for (_, answer) in answers {
        for m in registry.find_in(answer) {
            let before = answer[..m.span.start].trim_end();
            let before = before
                .strip_suffix("The")
                .or_else(|| before.strip_suffix("the"))
                .unwrap_or(before)
                .trim_end();
            if before.is_empty() || before.ends_with(['.', '!', '?']) {
                *counts.entry(m.iso3).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    match ranked.as_slice() {
        [(first, n), rest @ ..]
            if *n >= MIN_SUBJECT_USES && rest.first().is_none_or(|(_, m)| m < n) =>
        {
            Some(first.clone())
        }
        _ => None,
    }
}

/// Each paragraph of `article` that opens with a speaker label: the label's words and the
/// words spoken after it.
fn labelled_turns(article: &Article) -> impl Iterator<Item = (&str, &str)> {
    let text = article.text.as_str();
    article.paragraphs.iter().filter_map(move |p| {
        let label = label_at(text, *p)?;
        Some((
            label.name.slice(text).trim(),
            Span::new(label.text_start, p.end).slice(text),
        ))
    })
}

/// Sentences an official must open with one country before the briefing is taken to speak
/// for it: one could be about another country ("Japan should stop ..."), two that agree are
/// the briefing's own voice.
const MIN_SUBJECT_USES: usize = 2;

/// What a transcript's labels are resolved against: the article, its host, and (computed
/// once, on first need) the country and intergovernmental body the briefing speaks for and
/// the full names the text introduces.
pub(crate) struct Briefing<'a> {
    /// The article.
    pub article: &'a Article,
    /// The host the title names.
    pub host: Option<Entity>,
    memory: Memory,
    country: OnceCell<Option<String>>,
    organisation: OnceCell<Option<String>>,
    /// The one country of the officials already placed, for an official whose label names
    /// no country (a junior minister after the secretary of state).
    pub fallback: RefCell<Option<String>>,
    full_names: RefCell<BTreeMap<String, Option<(String, String)>>>,
}

impl<'a> Briefing<'a> {
    /// The context of `article`'s transcript.
    pub(crate) fn new(article: &'a Article) -> Self {
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
        Self {
            article,
            host,
            memory: Memory::new(article.date.as_deref()),
            country: OnceCell::new(),
            organisation: OnceCell::new(),
            fallback: RefCell::new(None),
            full_names: RefCell::new(BTreeMap::new()),
        }
    }

    fn country(&self) -> Option<String> {
        self.country
            .get_or_init(|| briefing_country(self.article))
            .clone()
    }

    fn organisation(&self) -> Option<String> {
        self.organisation
            .get_or_init(|| briefing_organisation(self.article))
            .clone()
    }

    fn full_name(&self, surname: &str) -> Option<(String, String)> {
        self.full_names
            .borrow_mut()
            .entry(surname.to_owned())
            .or_insert_with(|| {
                // Titles introduce people near the top: the search stays within the first
                // part of the text, so that many labels stay linear in its size.
                let text = &self.article.text;
                let mut end = text.len().min(FULL_NAME_SCOPE);
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                full_name_in(&text[..end], surname)
            })
            .clone()
    }

    /// Resolves a label to an official: of a government, or of an intergovernmental body;
    /// `None` for anyone else (the turn's role then says who they are).
    pub(crate) fn speaker_of(&self, label: &str) -> Option<Entity> {
        let e = speaker_of(self, label)?;
        if e.group == Group::Government && e.governments.len() == 1 {
            let mut fallback = self.fallback.borrow_mut();
            if fallback.is_none() {
                *fallback = Some(e.governments[0].clone());
            }
        }
        Some(e)
    }
}

/// The intergovernmental body a briefing's title or opening names ("Daily Press Briefing by
/// the Office of the Spokesperson for the Secretary-General").
fn briefing_organisation(article: &Article) -> Option<String> {
    let text = article.text.as_str();
    let k = Knowledge::bundled();
    let lines = article
        .title
        .iter()
        .map(String::as_str)
        .chain(article.paragraphs.iter().take(3).map(|p| p.slice(text)));
    for line in lines {
        let toks = tokens(line, Span::new(0, line.len()));
        let phrase = analyze(line, &toks);
        if let Some(org) = phrase.organisation {
            return Some(org);
        }
        let mut names: Vec<(&String, &String)> = k.organisations.iter().collect();
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        if let Some((_, org)) = names
            .into_iter()
            .find(|(n, _)| n.len() > 3 && line.contains(n.as_str()))
        {
            return Some(org.clone());
        }
    }
    None
}

/// A label without a note about interpretation ("Ana Ruiz (retranslated)", "PRESIDENT RUIZ
/// (through an interpreter)"), and the holder's name a parliamentary title gives in
/// parentheses ("The Minister for Europe (Sarah Holt)" -> ("The Minister for Europe", "Sarah
/// Holt")).
fn plain_label(label: &str) -> (String, Option<String>) {
    let mut s = label.trim().to_owned();
    while let Some(open) = s.rfind('(') {
        if !s.ends_with(')') {
            break;
        }
        let inner = s[open + 1..s.len() - 1].trim().to_owned();
        let lower = inner.to_lowercase();
        s.truncate(open);
        s = s.trim_end().trim_end_matches(',').to_owned();
        if !(lower.contains("interpret") || lower.contains("translat") || lower.starts_with("via "))
        {
            return (s, Some(inner));
        }
    }
    (s, None)
}

fn speaker_of(briefing: &Briefing, label: &str) -> Option<Entity> {
    let article = briefing.article;
    let host = briefing.host.as_ref();
    let memory = &briefing.memory;
    let (plain, holder) = plain_label(label);
    if let Some(name) = holder {
        // A parliamentary title and its holder: the title tells the office and country.
        let toks = tokens(&plain, Span::new(0, plain.len()));
        let phrase = analyze(&plain, &toks);
        let mut e = memory.entity_from(&phrase);
        e.name = Some(name);
        if e.group == Group::Government && e.governments.is_empty() && phrase.other.is_none() {
            e.governments = briefing
                .country()
                .or_else(|| briefing.fallback.borrow().clone())
                .into_iter()
                .collect();
        }
        return (e.group == Group::Government && !e.governments.is_empty()).then_some(e);
    }
    let trimmed = plain.as_str();
    match trimmed {
        "Q" | "QUESTION" | "Question" | "问" => return None,
        "A" | "ANSWER" | "Answer" | "答" => return host.cloned(),
        _ => {}
    }
    if trimmed.contains("记者") {
        return None;
    }
    // An unnamed host under the words of their title ("Spokesperson:" at a briefing of the
    // "Spokesperson for the Secretary-General").
    if let Some(h) = host.filter(|h| h.name.is_none())
        && let Some(d) = &h.description
        && d.to_lowercase().starts_with(&trimmed.to_lowercase())
    {
        return Some(h.clone());
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
        let date = article.date.as_deref();
        let h = k.holders_named(trimmed, date).into_iter().next()?;
        // Out of office on the article's date: a former official, no government's voice.
        let in_office = h.holds_office(date) || date.is_none();
        return Some(Entity {
            name: Some(h.name.clone()),
            description: Some(h.role.clone()),
            role: Some(h.role.clone()),
            body: false,
            plural: false,
            gender: super::super::phrase::Gender::Unknown,
            group: if in_office {
                Group::Government
            } else {
                Group::Other
            },
            governments: if in_office {
                vec![h.iso3.clone()]
            } else {
                Vec::new()
            },
            affiliation: (!in_office).then(|| format!("former {}", h.role.to_lowercase())),
        });
    }
    let words = title_case(trimmed);
    let toks = tokens(&words, Span::new(0, words.len()));
    let phrase = analyze(&words, &toks);
    let mut e = memory.entity_from(&phrase);
    // A surname label ("PRESIDENT DUDA") names the person the title introduced in full.
    if let Some(name) = &e.name {
        let surname = name.split_whitespace().last().unwrap_or(name);
        if let Some(full) = briefing.full_name(surname) {
            if e.governments.is_empty() {
                let fuller = analyze(&full.0, &tokens(&full.0, Span::new(0, full.0.len())));
                let f = memory.entity_from(&fuller);
                if !f.governments.is_empty() {
                    e.governments = f.governments;
                    e.group = Group::Government;
                } else if f.group == Group::Government {
                    // "Thomas Reed, Department Spokesperson": an official whose country the
                    // briefing's source or place lines tell.
                    if let Some(g) = briefing.country() {
                        e.governments = vec![g];
                        e.group = Group::Government;
                    }
                }
            }
            if full.1.contains(' ') {
                e.name = Some(full.1);
            }
        }
    }
    if e.group == Group::Government && e.governments.is_empty() && phrase.other.is_none() {
        // An official whose label names no country: the briefing's country, else the body
        // it speaks for ("Spokesperson:" at a briefing of the Secretary-General's office),
        // else the one country of the officials placed so far.
        if let Some(g) = briefing.country() {
            e.governments = vec![g];
        } else if let Some(org) = briefing.organisation() {
            e.group = Group::Organisation;
            e.affiliation = Some(org);
        } else if let Some(g) = briefing.fallback.borrow().clone() {
            e.governments = vec![g];
        }
    }
    // An official of an intergovernmental body ("Spokesperson for the Secretary-General")
    // speaks for that body.
    (e.group == Group::Government && !e.governments.is_empty()
        || e.group == Group::Organisation && e.affiliation.is_some())
    .then_some(e)
}

/// Bytes at the start of a text searched for the line that introduces a label's surname in
/// full: a briefing's title, host line and opening statements.
const FULL_NAME_SCOPE: usize = 64 * 1024;

/// Bytes around a surname searched for the line that introduces it in full.
const FULL_NAME_REACH: usize = 300;

/// Finds "<title> <First> <Surname> of <Country>" style introductions of `surname` in the
/// text: (the phrase around it, the full name).
fn full_name_in(text: &str, surname: &str) -> Option<(String, String)> {
    let mut from = 0;
    let mut titled: Option<(String, String)> = None;
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
        // The phrase starts on the same line, after a quote mark or comma (looked for in the
        // last few hundred bytes only, so that many mentions stay linear).
        let mut floor = before.len().saturating_sub(FULL_NAME_REACH);
        while !before.is_char_boundary(floor) {
            floor += 1;
        }
        let start = before[floor..before.len().saturating_sub(1)]
            .rfind(['\n', '"', ','])
            .map_or(floor, |p| floor + p + 1);
        // A short line runs on over an apposition ("Thomas Reed, Department Spokesperson").
        let mut ceiling = (from + FULL_NAME_REACH).min(text.len());
        while !text.is_char_boundary(ceiling) {
            ceiling -= 1;
        }
        let mut line_end = text[from..ceiling]
            .find(['\n', '"', ':'])
            .map_or(ceiling, |p| from + p);
        if text[start..line_end].split_whitespace().count() > 8 {
            line_end = text[from..line_end]
                .find(',')
                .map_or(line_end, |p| from + p);
        }
        // One person of a title naming two ("Remarks by President Hale and Prime Minister
        // Okabe of Japan in Joint Press Conference").
        let (mut start, mut line_end) = (start, line_end);
        for joint in [" and ", " by ", " with ", " between "] {
            if let Some(p) = text[start..at].rfind(joint) {
                start += p + joint.len();
            }
        }
        for joint in [" and ", " in ", " at ", " with ", " on "] {
            if let Some(p) = text[from..line_end].find(joint) {
                line_end = from + p;
            }
        }
        let phrase = text[start..line_end].trim().to_owned();
        let first_name = prev_word.trim_matches(|c: char| !c.is_alphanumeric());
        if first_name.is_empty() || first_name.chars().all(char::is_uppercase) {
            continue;
        }
        let k = Knowledge::bundled();
        if k.role_words.contains(&first_name.to_lowercase()) {
            // "Prime Minister Okabe of Japan": no first name, but the title and country.
            titled.get_or_insert((phrase, surname.to_owned()));
            continue;
        }
        return Some((phrase, format!("{first_name} {surname}")));
    }
    titled
}
