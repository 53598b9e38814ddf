//! Roles in a transcript: who speaks each turn (an official, a journalist or other
//! questioner, a moderator, an interpreter) and which lines are procedural. Only officials'
//! turns make statements.

use super::super::entity::Entity;
use super::super::knowledge::Knowledge;
use super::super::lexicon::Lexicon;
use super::speaker::Briefing;

/// The role of a turn or line of a transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// An official of a government or an intergovernmental body: the turn is a statement.
    Official,
    /// A journalist or other questioner ("Q", "Reuters:", "CCTV:", "Journalist:").
    Questioner,
    /// Whoever runs the event: moderator, host, aide, the Speaker of a parliament.
    Moderator,
    /// An interpreter rendering someone's words.
    Interpreter,
    /// A line about the event itself ("Another question?", "The following question was
    /// raised after the press conference.", "(Applause.)", "END 3:05 P.M.").
    Procedural,
    /// Anyone else: a legislator, a guest, a speaker the text does not place.
    Other,
}

/// A turn's speaker as its label tells.
#[derive(Debug, Clone)]
pub struct Speaker {
    /// The role.
    pub role: Role,
    /// The official, for [`Role::Official`].
    pub entity: Option<Entity>,
}

impl Speaker {
    fn of(role: Role) -> Self {
        Self { role, entity: None }
    }
}

/// Normalises a label for lookups: lowercase, inner white space collapsed, trailing
/// digits of a channel dropped ("CCTV4" -> "cctv").
fn normal(label: &str) -> String {
    label
        .split_whitespace()
        .map(|w| {
            w.to_lowercase()
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '.'))
                .to_owned()
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when the label names a news outlet or someone speaking for one ("Coastal News",
/// "Ana Ruiz (Harbour Daily)", "Reuters").
pub(crate) fn outlet(label: &str) -> bool {
    let lex = Lexicon::get();
    let words = normal(label);
    let list: Vec<&str> = words.split_whitespace().collect();
    if lex.news_outlets.contains(words.as_str()) {
        return true;
    }
    // Any run of words naming a known outlet, or an outlet head word.
    (0..list.len()).any(|i| {
        lex.outlet_words.contains(list[i])
            || (i + 1..=list.len().min(i + 4))
                .any(|j| lex.news_outlets.contains(&list[i..j].join(" ")))
    }) || Knowledge::bundled()
        .state_media
        .iter()
        .any(|m| label.trim().starts_with(m.as_str()))
}

/// True when a label ends with a party in parentheses ("Ana Ruiz (Eastvale) (Lab)").
fn party(label: &str) -> bool {
    let Some(open) = label.rfind('(') else {
        return false;
    };
    let inner = label[open + 1..]
        .trim_end_matches(')')
        .trim()
        .to_lowercase();
    label.trim_end().ends_with(')') && Lexicon::get().party_labels.contains(inner.as_str())
}

/// The role a label's words alone tell, without resolving who it names: a questioner
/// ("Q", "Reuters", "Harbour Daily", "…记者"), a moderator ("MODERATOR", "WHITE HOUSE AIDE",
/// "Mr Speaker") or an interpreter; `None` when the label may name an official.
#[must_use]
pub fn role_by_words(label: &str) -> Option<Role> {
    let lex = Lexicon::get();
    let trimmed = label.trim();
    let key = normal(trimmed);
    if lex.question_labels.contains(key.as_str()) {
        return Some(Role::Questioner);
    }
    let has = |markers: &rustc_hash::FxHashSet<String>| {
        let mut list: Vec<&String> = markers.iter().collect();
        list.sort();
        list.into_iter().any(|m| trimmed.contains(m.as_str()))
    };
    let words: Vec<&str> = key.split_whitespace().collect();
    if words.iter().any(|w| lex.interpreter_words.contains(*w)) || has(&lex.interpreter_markers) {
        return Some(Role::Interpreter);
    }
    if words.iter().any(|w| lex.moderator_words.contains(*w)) || has(&lex.moderator_markers) {
        return Some(Role::Moderator);
    }
    if has(&lex.questioner_markers) || outlet(trimmed) {
        return Some(Role::Questioner);
    }
    None
}

/// True when a turn asks something: it ends with a question ("... Will it hold?") or asks
/// for a comment ("I wonder if you have any comment").
#[must_use]
pub fn asks(turn: &str) -> bool {
    let lower = turn.to_lowercase();
    turn.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['?', '？'])
        || [
            "i wonder",
            "any comment",
            "your comment",
            "your response",
            "comment on",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// The speaker of a turn from its label and the words of the turn.
pub(crate) fn classify(briefing: &Briefing, label: &str, turn: &str) -> Speaker {
    let host = briefing.host.as_ref();
    let lex = Lexicon::get();
    let trimmed = label.trim();
    let key = normal(trimmed);
    if lex.answer_labels.contains(key.as_str()) {
        return match host {
            Some(h) => Speaker {
                role: Role::Official,
                entity: Some(h.clone()),
            },
            None => Speaker::of(Role::Other),
        };
    }
    if let Some(role) = role_by_words(trimmed) {
        return Speaker::of(role);
    }
    // "Ana Ruiz (Eastvale) (Lab)": a member of parliament, named with seat and party.
    if party(trimmed) {
        return Speaker::of(if asks(turn) {
            Role::Questioner
        } else {
            Role::Other
        });
    }
    if let Some(entity) = briefing.speaker_of(trimmed) {
        // "Harbour Review Service: ... Does China have any comment?": a body with no person
        // that asks the host is an outlet.
        let host_named = host.is_some_and(|h| h.name.is_some() && h.name == entity.name);
        if entity.name.is_none() && entity.body && !host_named && asks(turn) {
            return Speaker::of(Role::Questioner);
        }
        return Speaker {
            role: Role::Official,
            entity: Some(entity),
        };
    }
    if asks(turn) {
        Speaker::of(Role::Questioner)
    } else {
        Speaker::of(Role::Other)
    }
}

/// A line about the event rather than anyone's statement: a call for the next question
/// ("Another question?", "The next question will come from ..."), a closing line ("This
/// concludes the briefing."), a note that a question came after the event, a stage
/// direction ("(Applause.)", "END 3:05 P.M.").
#[must_use]
pub fn procedural(line: &str) -> bool {
    /// Words up to which a line can be a call for questions: longer lines say more.
    const MAX_WORDS: usize = 16;
    /// Words before "question" that can still open such a call ("And the final question").
    const QUESTION_AT_MOST: usize = 4;
    let s = line.trim();
    if stage_direction(s) {
        return true;
    }
    let lower = s.to_lowercase();
    let words: Vec<String> = lower
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_owned()
        })
        .collect();
    if words.len() > MAX_WORDS {
        return false;
    }
    let lex = Lexicon::get();
    let call = words
        .iter()
        .take(QUESTION_AT_MOST + 1)
        .position(|w| w == "question" || w == "questions")
        .is_some_and(|q| {
            q == 0 && words.len() <= 2
                || words[..q]
                    .iter()
                    .any(|w| lex.question_turn_words.contains(w.as_str()))
        });
    let closing = lex
        .closing_phrases
        .iter()
        .any(|p| lower.starts_with(p.as_str()));
    // "Good afternoon. I have no announcements. The floor is open.": every sentence opens
    // the event, none says anything.
    let opening = lower
        .split_terminator(['.', '!', '?'])
        .map(|sentence| {
            sentence
                .trim()
                .trim_start_matches(|c: char| !c.is_alphanumeric())
        })
        .filter(|sentence| !sentence.is_empty())
        .all(|sentence| {
            lex.opening_phrases
                .iter()
                .any(|p| sentence.starts_with(p.as_str()))
        })
        && lower.chars().any(char::is_alphabetic);
    // Chinese briefings: "下一个问题", "会后有记者问及" (a question raised after the event).
    let cjk = s.chars().count() <= 16 && (s.contains("问题") || s.starts_with("会后"));
    call || closing || opening || cjk
}

/// "(Applause.)", "END 3:05 P.M. JST", "###": not spoken words.
#[must_use]
pub fn stage_direction(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() < 2
        || s.starts_with('(') && s.ends_with(')')
        || letters.iter().all(|c| c.is_uppercase()) && s.split_whitespace().count() <= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn procedural_lines_are_told_from_statements() {
        for line in [
            "Another question?",
            "Next question, please.",
            "The next question will come from Tom Vale of Harbour Daily.",
            "The following question was raised after the press conference.",
            "This concludes today's briefing.",
            "(Applause.)",
            "END 4:12 P.M. CET",
            "下一个问题。",
            "Good afternoon. I have no announcement to make. The floor is open.",
            "Good morning, everyone. I don't have any announcements, so go ahead.",
        ] {
            assert!(procedural(line), "{line}");
        }
        for line in [
            "Thank you.",
            "That is a fair question, and the answer is no.",
            "The question of the border will be settled by talks between the two sides.",
            "We will never accept a unilateral change of the status quo.",
            "Good afternoon. We will never accept a unilateral change of the status quo.",
        ] {
            assert!(!procedural(line), "{line}");
        }
    }

    #[test]
    fn outlets_are_recognised_in_labels() {
        for label in [
            "Coastal News",
            "Reuters",
            "CCTV4",
            "Harbour Daily",
            "Tom Vale (AFP)",
        ] {
            assert!(outlet(label), "{label}");
        }
        for label in ["Lin Wei", "PRESS SECRETARY MOORE", "PRESIDENT RUIZ"] {
            assert!(!outlet(label), "{label}");
        }
    }
}
