//! Transcripts read as conversations: briefings, press conferences, press statements and
//! parliamentary exchanges whose paragraphs open with speaker labels (`PRESIDENT RUIZ:  (As
//! interpreted.)`, `Q`, `President of the Republic Ana Ruiz:`, `Lin Wei:`, `Coastal News:`,
//! `A:`, `林伟：`).
//!
//! Stages: [`label`] reads the label opening each paragraph; [`region`] finds the stretches
//! of paragraphs that are a conversation (per region, never per file); [`role`] gives every
//! turn a role (official, questioner, moderator, interpreter) and marks procedural lines;
//! [`speaker`] resolves officials. Every paragraph of an official's turn is a direct
//! statement, kept with the question it answers; nothing else is.

pub mod label;
pub mod region;
pub mod role;
pub mod speaker;

use crate::article::Article;
use crate::statement::StatementKind;
use crate::text::Span;

use super::Draft;
use super::entity::Entity;
use super::rule::Rule;

pub use label::{Label, label_at, quoted_label, title_case};
pub use region::Region;
pub use role::Role;

/// What was learnt about the transcript parts of an article.
#[derive(Debug, Clone)]
pub struct Transcript {
    /// Per paragraph: its speaker label, if it opens with one.
    pub labels: Vec<Option<Label>>,
    /// The official the title names (a briefing's spokesperson), who speaks unlabelled
    /// opening paragraphs and `A:` turns.
    pub host: Option<Entity>,
    /// The stretches of paragraphs that are a conversation.
    pub regions: Vec<Region>,
}

impl Transcript {
    /// True when paragraph `pi` lies in a transcript region.
    #[must_use]
    pub fn covers(&self, pi: usize) -> bool {
        self.regions.iter().any(|r| r.paragraphs.contains(&pi))
    }
}

/// Finds the transcript regions of an article; `None` when it has none.
#[must_use]
pub fn detect(article: &Article) -> Option<Transcript> {
    let labels = region::labels(article);
    if labels.iter().flatten().count() < 2 {
        return None;
    }
    let briefing = speaker::Briefing::new(article);
    let regions = region::regions(article, &labels, |name| briefing.speaker_of(name).is_some());
    (!regions.is_empty()).then_some(Transcript {
        labels,
        host: briefing.host,
        regions,
    })
}

/// One paragraph of a transcript region with its role.
#[derive(Debug, Clone)]
pub struct Line {
    /// The paragraph's index.
    pub paragraph: usize,
    /// Who speaks it, or [`Role::Procedural`].
    pub role: Role,
    /// The spoken words (after the label).
    pub span: Span,
    /// The official, for [`Role::Official`].
    pub entity: Option<Entity>,
    /// The label naming the speaker (empty for a host's unlabelled opening).
    pub mention: Option<Span>,
    /// True when the paragraph carries on the turn before it.
    pub continues: bool,
    /// The question the turn answers: the latest questioner's turn of the region.
    pub question: Option<Span>,
}

/// Every paragraph of the transcript regions with its role, in order.
#[must_use]
pub fn lines(article: &Article, t: &Transcript) -> Vec<Line> {
    let text = article.text.as_str();
    let briefing = speaker::Briefing::new(article);
    let paragraphs = &article.paragraphs;
    let mut out = Vec::new();
    for region in &t.regions {
        // The current turn: its role, its official, its label.
        let mut current: Option<(Role, Option<Entity>, Option<Span>)> = None;
        let mut question: Option<Span> = None;
        for pi in region.paragraphs.clone() {
            let para = paragraphs[pi];
            if pi == 0 && t.labels[0].is_none() && article.title.is_none() {
                continue;
            }
            let (start, continues) = if let Some(label) = t.labels[pi] {
                // The turn runs to the next label of the region.
                let last = (pi + 1..region.paragraphs.end)
                    .find(|&p| t.labels[p].is_some())
                    .map_or(region.paragraphs.end - 1, |p| p - 1);
                let turn = Span::new(label.text_start, paragraphs[last].end);
                let who = role::classify(&briefing, label.name.slice(text), turn.slice(text));
                if who.role == Role::Questioner {
                    question = Some(turn);
                }
                current = Some((who.role, who.entity, Some(label.name)));
                (label.text_start, false)
            } else if pi < region.first_turn {
                // Opening announcements of a briefing, spoken by its host.
                let s = para.slice(text);
                let sentence_like = s.split_whitespace().count() >= 8
                    && s.trim_end().ends_with(['.', '。', '!', '?']);
                if !sentence_like || editorial_note(s) {
                    continue;
                }
                let was = current.as_ref().is_some_and(|c| c.1.is_some());
                current = t.host.clone().map(|e| (Role::Official, Some(e), None));
                (para.start, was)
            } else {
                (para.start, true)
            };
            let Some((role, entity, mention)) = &current else {
                continue;
            };
            let span = Span::new(start, para.end);
            let body = span.slice(text).trim();
            if body.is_empty() {
                continue;
            }
            // A call for questions in an official's turn, or a stage direction anywhere, is a
            // procedural line; a moderator's lines stay the moderator's.
            let role = if *role == Role::Official && role::procedural(body)
                || role::stage_direction(body)
            {
                Role::Procedural
            } else {
                *role
            };
            out.push(Line {
                paragraph: pi,
                role,
                span,
                entity: entity.clone(),
                mention: *mention,
                continues,
                question: (role == Role::Official).then_some(question).flatten(),
            });
        }
    }
    out
}

/// The role of every paragraph (`None` outside transcript regions): what the tests and the
/// evaluation use to check that no statement comes from a journalist or a moderator.
#[must_use]
pub fn roles(article: &Article) -> Vec<Option<Role>> {
    let mut out = vec![None; article.paragraphs.len()];
    if let Some(t) = detect(article) {
        for line in lines(article, &t) {
            out[line.paragraph] = Some(line.role);
        }
    }
    out
}

/// Statements of the transcript regions: every paragraph of an official's turn.
pub(crate) fn statements(article: &Article, t: &Transcript) -> Vec<Draft> {
    let text = article.text.as_str();
    lines(article, t)
        .into_iter()
        .filter(|l| l.role == Role::Official)
        .filter_map(|l| {
            let entity = l.entity?;
            let mention = l.mention.filter(|m| !m.is_empty());
            Some(Draft {
                spans: vec![l.span],
                kind: StatementKind::Direct,
                entity: Some(entity),
                mention,
                mention_text: mention.map(|m| m.slice(text).to_owned()),
                cue: None,
                cue_span: None,
                rule: Rule::TranscriptTurn,
                continues_previous: l.continues,
                question: l.question,
            })
        })
        .collect()
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
