//! Attribution of quotes: finds the cue before, after or inside a quotation, reads the
//! speaker phrase next to it, and classifies the quote (direct, partial, or a label).

use crate::statement::StatementKind;
use crate::text::Span;

use super::cues::{Cue, cue_at};
use super::lex::{Token, is_function_word};
use super::quotes::Quote;
use super::speakers::{Phrase, analyze, leading_np, trailing_np};

/// One paragraph prepared for attribution: its tokens and which lie inside quotes.
#[derive(Debug)]
pub struct Para<'a> {
    /// The article text.
    pub text: &'a str,
    /// The paragraph's span.
    pub span: Span,
    /// Word tokens.
    pub toks: Vec<Token>,
    /// Per token: index of the quote (in `quotes`) that holds it.
    pub inside: Vec<Option<usize>>,
    /// The quotes of this paragraph.
    pub quotes: Vec<Quote>,
}

impl<'a> Para<'a> {
    /// Tokenises `span` and marks tokens inside `quotes`.
    #[must_use]
    pub fn new(text: &'a str, span: Span, quotes: Vec<Quote>) -> Self {
        let toks = super::lex::tokens(text, span);
        let inside = toks
            .iter()
            .map(|t| {
                quotes.iter().position(|q| {
                    t.span.start >= q.open && t.span.start < q.after.max(q.content.end)
                })
            })
            .collect();
        Self {
            text,
            span,
            toks,
            inside,
            quotes,
        }
    }

    /// Index of the first token starting at or after byte `at`.
    #[must_use]
    pub fn token_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.span.start < at)
    }

    fn ends_sentence(&self, i: usize) -> bool {
        matches!(self.toks[i].trail, Some('.' | '?' | '!'))
            && !self.toks[i].word.ends_with('.')
            && self.inside[i].is_none()
    }

    /// Token range of the sentence holding token `i` outside quotes (start inclusive).
    #[must_use]
    pub fn sentence_start(&self, i: usize) -> usize {
        let mut s = i;
        while s > 0 {
            if self.inside[s - 1].is_none() && self.ends_sentence(s - 1) {
                break;
            }
            s -= 1;
        }
        s
    }

    /// The country of a sentence-opening place ("In Tokyo, ...", "In Japan, ..."), which
    /// locates an official whose title leaves the country out.
    #[must_use]
    pub fn located_in(&self, sentence_start: usize) -> Option<String> {
        let toks = &self.toks;
        if toks.get(sentence_start)?.lower != "in" {
            return None;
        }
        let from = sentence_start + 1;
        let comma = (from..toks.len().min(from + 4)).find(|&j| toks[j].trail == Some(','))?;
        let place = Span::new(toks[from].span.start, toks[comma].span.end).slice(self.text);
        let (g, kind) = crate::governments::Governments::bundled().lookup(place)?;
        matches!(
            kind,
            crate::governments::MentionKind::Capital | crate::governments::MentionKind::Name
        )
        .then(|| g.iso3.clone())
    }

    /// One past the last token of the sentence holding token `i`.
    #[must_use]
    pub fn sentence_end(&self, i: usize) -> usize {
        let mut e = i;
        while e < self.toks.len() {
            if self.inside[e].is_none() && self.ends_sentence(e) {
                return e + 1;
            }
            e += 1;
        }
        e
    }
}

/// A speaker phrase found for a quote, with its cue.
#[derive(Debug, Clone)]
pub struct Found {
    /// The speaker phrase as read.
    pub phrase: Phrase,
    /// The cue, when one was found.
    pub cue: Option<String>,
    /// The rule that found it.
    pub rule: &'static str,
    /// Tokens between the quote and the cue.
    pub distance: usize,
    /// Byte offset of the sentence start (for pronoun resolution).
    pub sentence_start: usize,
}

fn speaker_like(p: &Phrase) -> bool {
    // "I" and "we" outside quotes are the reporter's voice, not a quoted speaker's.
    !p.is_empty() && p.pronoun != Some(super::speakers::Pronoun::First)
}

/// The speaker phrase whose tokens are `toks[range]` (a subject slot), merging an apposition
/// split off by commas ("Lee, South Korea's ambassador, said").
pub fn phrase_before(para: &Para, from: usize, cue: usize) -> Option<Phrase> {
    // Never reach back into a quotation.
    let from = (from..cue)
        .rev()
        .find(|&j| para.inside[j].is_some())
        .map_or(from, |j| j + 1);
    // A dateline ("BEIJING (Wire) - Beijing said"): the subject starts after the dash.
    let from = (from..cue.saturating_sub(1))
        .rev()
        .find(|&j| {
            let gap = &para.text[para.toks[j].span.end..para.toks[j + 1].span.start];
            gap.len() > 2 && gap.contains(['-', '—', '–']) && gap.contains([' ', '\u{a0}'])
        })
        .map_or(from, |j| j + 1);
    // "McConnell, who in 2010 said": the subject ends at the relative pronoun.
    let cue = relative_at(para, cue)
        .filter(|&r| r > from)
        .map_or(cue, |r| r + 1);
    let toks = &para.toks[from..cue];
    // Drop adverbs and auxiliaries right before the verb ("also", "has", "later").
    let mut end = toks.len();
    while end > 0 {
        let w = toks[end - 1].lower.as_str();
        let adverb = w.ends_with("ly") && w.len() > 4 && !toks[end - 1].capitalised();
        if adverb
            || matches!(
                w,
                "also"
                    | "has"
                    | "had"
                    | "have"
                    | "later"
                    | "then"
                    | "again"
                    | "further"
                    | "would"
                    | "will"
                    | "however"
                    | "too"
                    | "previously"
                    | "once"
                    | "earlier"
                    | "had also"
                    | "has also"
                    | "now"
                    | "already"
                    | "recently"
                    | "separately"
                    | "subsequently"
                    | "meanwhile"
                    | "first"
                    | "last"
                    | "initially"
                    | "both"
                    | "all"
                    | "each"
                    | "himself"
                    | "herself"
                    | "itself"
                    | "themselves"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "who"
                    | "which"
                    | "that"
            )
        {
            if matches!(toks[end - 1].trail, Some(',')) && end < toks.len() {
                break;
            }
            end -= 1;
            if end > 0 && toks[end - 1].trail == Some(',') && w == "however" {
                break;
            }
        } else {
            break;
        }
    }
    // "I laughed and said": a coordinated verb before the cue.
    if end >= 3
        && toks[end - 1].lower == "and"
        && toks[end - 2].trail.is_none()
        && !toks[end - 2].capitalised()
        && toks[end - 2].lower.ends_with("ed")
        && matches!(
            toks[end - 3].lower.as_str(),
            "i" | "he" | "she" | "we" | "they"
        )
    {
        end -= 2;
    }
    // "Mr. King, 82, told": an age after the name.
    if end >= 2
        && toks[end - 1].trail == Some(',')
        && toks[end - 2].trail == Some(',')
        && toks[end - 1].lower.chars().all(|c| c.is_ascii_digit())
    {
        end -= 1;
    }
    let mut end = end - time_tail(&toks[..end]);
    // "Rep. Gwen Moore (D-Wis.) said": a party and state in parentheses end the name.
    if end > 1
        && toks[end - 1].trail == Some(')')
        && let Some(open) = (end.saturating_sub(4)..end)
            .rev()
            .find(|&j| toks[j].lead == Some('('))
        && open > 0
    {
        end = open;
    }
    let toks = &toks[..end];
    if toks.is_empty() {
        return None;
    }
    // "Name, <apposition>, said": the name before the first comma, described by the rest.
    if toks.last().is_some_and(|t| t.trail == Some(',')) && toks.len() >= 3 {
        let lo = toks.len().saturating_sub(26);
        // The earliest comma whose left side is a name starts the apposition.
        for comma in (lo..toks.len() - 1).filter(|&j| toks[j].trail == Some(',')) {
            let name_start = trailing_np(&toks[..=comma]);
            if name_start > comma {
                continue;
            }
            let named = analyze(para.text, strip_leading(&toks[name_start..=comma]));
            // "..., with top officials underlining": an adverbial, not an apposition.
            let adverbial = adverbial_lead(&toks[comma + 1].lower);
            if named.name.is_some() && named.pronoun.is_none() && !adverbial {
                // "Name, 59, of Ashton, who watched it on the Mall, said": the relative
                // clause describes no further.
                let app_end = (comma + 1..toks.len())
                    .find(|&j| j > comma + 1 && matches!(toks[j].lower.as_str(), "who" | "which"))
                    .unwrap_or(toks.len());
                let app = analyze(para.text, &toks[comma + 1..app_end]);
                if app.name.is_none() || app.gov_role || app.other.is_some() {
                    return Some(merge(named, app));
                }
                // "Name, 59, of Ashton, Md., who ...": an age or home town names no one else.
                let lead = toks[comma + 1].lower.as_str();
                if lead.chars().all(|c| c.is_ascii_digit()) || matches!(lead, "of" | "from") {
                    return Some(named);
                }
            }
        }
    }
    let start = trailing_np(toks);
    let mut phrase = if start < toks.len() {
        analyze(para.text, strip_leading(&toks[start..]))
    } else {
        Phrase::default()
    };
    // "I laughed and said, ...": the writer speaks; no one else is looked for.
    if phrase.pronoun == Some(super::speakers::Pronoun::First) && start + 1 == toks.len() {
        return Some(phrase);
    }
    if !speaker_like(&phrase) {
        return None;
    }
    // An apposition: "Name, the role of X, said" -> merge the name in.
    if phrase.name.is_none() && phrase.pronoun.is_none() && start > 0 {
        let lo = start.saturating_sub(14);
        let comma = (lo..start)
            .rev()
            .find(|&j| toks[j].trail == Some(','))
            .filter(|&c| !adverbial_lead(&toks[c + 1].lower));
        if let Some(comma) = comma {
            let prev_end = comma + 1;
            let prev_start = trailing_np(&toks[..prev_end]);
            if prev_start < prev_end {
                let named = analyze(para.text, strip_leading(&toks[prev_start..prev_end]));
                if named.name.is_some() && named.pronoun.is_none() {
                    phrase = merge(named, phrase);
                }
            }
        }
    }
    // A description set before the name: "Russia's chief negotiator, Deputy Foreign
    // Minister Igor Petrov, said".
    if phrase.name.is_some()
        && phrase.countries.is_empty()
        && phrase.national.is_none()
        && start > 1
        && toks[start - 1].trail == Some(',')
    {
        let prev_start = trailing_np(&toks[..start]);
        if prev_start < start - 1 {
            let description = analyze(para.text, strip_leading(&toks[prev_start..start]));
            if description.name.is_none()
                && description.pronoun.is_none()
                && (!description.countries.is_empty() || description.gov_role)
                && description.other.is_none()
            {
                let span = phrase.span;
                phrase = merge(phrase, description);
                phrase.span = span;
            }
        }
    }
    Some(phrase)
}

/// Tokens of a time adverbial ending a subject slot ("Beijing on Monday", "Tokyo late on
/// Tuesday", "the ministry earlier this week", "officials yesterday").
fn time_tail(toks: &[Token]) -> usize {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
        "weekend",
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
    ];
    let n = toks.len();
    let Some(last) = toks.last() else {
        return 0;
    };
    if last.trail.is_some() || !DAYS.contains(&last.lower.as_str()) {
        return 0;
    }
    let mut k = 1;
    while k < n
        && k < 4
        && matches!(
            toks[n - 1 - k].lower.as_str(),
            "on" | "late"
                | "early"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "next"
                | "sunday"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
        )
        && toks[n - 1 - k].trail.is_none()
    {
        k += 1;
    }
    // A bare weekday needs its preposition; "yesterday" and "today" stand alone.
    let bare = matches!(last.lower.as_str(), "yesterday" | "today" | "tonight");
    if k == 1 && !bare || k >= n {
        return 0;
    }
    k
}

/// A word that opens an adverbial after a comma ("..., with top officials ..."), so what
/// follows is no apposition of the name before the comma.
fn adverbial_lead(w: &str) -> bool {
    matches!(
        w,
        "with"
            | "without"
            | "in"
            | "on"
            | "at"
            | "as"
            | "after"
            | "while"
            | "amid"
            | "during"
            | "for"
            | "from"
            | "by"
            | "and"
            | "but"
            | "though"
            | "although"
    )
}

fn strip_leading(toks: &[Token]) -> &[Token] {
    let mut s = 0;
    while s + 1 < toks.len()
        && is_function_word(&toks[s].lower)
        && !matches!(
            toks[s].lower.as_str(),
            "the" | "a" | "an" | "he" | "she" | "it" | "they" | "we" | "i"
        )
    {
        s += 1;
    }
    &toks[s..]
}

/// A common-noun subject right before the cue ("the article said", "one questioner asked").
#[must_use]
pub fn common_subject(para: &Para, from: usize, cue: usize) -> Option<Phrase> {
    let toks = &para.toks[from..cue];
    let d = super::speakers::determiner_np(toks)?;
    let mut p = analyze(para.text, &toks[d..]);
    if p.is_empty() {
        p.common_noun = true;
    }
    Some(p)
}

/// A named phrase plus an apposition describing it.
#[must_use]
pub fn merge(mut named: Phrase, apposition: Phrase) -> Phrase {
    for c in apposition.countries {
        if !named.countries.contains(&c) {
            named.countries.push(c);
        }
    }
    named.gov_role |= apposition.gov_role;
    named.other = named.other.or(apposition.other);
    named.organisation = named.organisation.or(apposition.organisation);
    named.state_media = named.state_media.or(apposition.state_media);
    named.national = named.national.or(apposition.national);
    if named.description.is_empty()
        || named
            .name
            .as_ref()
            .is_some_and(|(n, _)| *n == named.description)
    {
        named.description = apposition.description;
    }
    named.span = Span::new(named.span.start, named.span.end.max(named.span.end));
    named
}

/// The speaker phrase right after a cue verb ("said Zhao Lijian, the spokesman,").
#[must_use]
pub fn phrase_after_cue(para: &Para, from: usize, to: usize) -> Option<Phrase> {
    phrase_after(para, from, to)
}

fn phrase_after(para: &Para, from: usize, to: usize) -> Option<Phrase> {
    if from >= to {
        return None;
    }
    let mut toks = &para.toks[from..to];
    // "said a joint statement from the two agencies": the source follows the noun.
    let k = super::knowledge::Knowledge::bundled();
    let mut via_report = false;
    if let Some(p) = toks
        .iter()
        .take(4)
        .position(|t| k.report_nouns.contains(&t.lower))
        && toks
            .get(p + 1)
            .is_some_and(|t| matches!(t.lower.as_str(), "from" | "by" | "of"))
    {
        toks = &toks[p + 2..];
        via_report = true;
    }
    // "said opposition leader Karen Ross", "said senior officials": a role word may open it.
    if toks.first().is_some_and(|t| {
        !t.capitalised()
            && !matches!(t.lower.as_str(), "the" | "a" | "an")
            && !k.role_words.contains(&t.lower)
            && !k.modifiers.contains(&t.lower)
    }) {
        return None;
    }
    let end = leading_np(toks);
    if end == 0 {
        return None;
    }
    let mut phrase = analyze(para.text, &toks[..end]);
    phrase.via_report = via_report;
    if !speaker_like(&phrase) {
        return None;
    }
    if toks[end - 1].trail == Some(',') && end < toks.len() {
        let rest = &toks[end..];
        let app_end = leading_np(rest);
        if app_end > 0 {
            let app = analyze(para.text, &rest[..app_end]);
            if phrase.name.is_some() && app.name.is_none() && speaker_like(&app) {
                phrase = merge(phrase, app);
            }
        }
    }
    Some(phrase)
}

/// The subject of the clause holding the cue when no noun phrase stands right before the
/// verb ("Beijing denies the claims, saying ..."): the leading noun phrase of the nearest
/// comma segment that has one.
pub fn clause_subject(para: &Para, from: usize, cue: usize) -> Option<Phrase> {
    // Comma segments of the clause before the cue, from the sentence start on.
    let mut segments = Vec::new();
    let mut seg_start = from;
    for i in from..cue {
        // A quotation ends the clause before it: `Trump boasted, "..." Trump was ...`.
        if let Some(qi) = para.inside[i] {
            let last = para.inside.get(i + 1).is_none_or(|n| *n != Some(qi));
            let q = para.quotes[qi];
            let ends = q
                .content
                .slice(para.text)
                .trim_end_matches(['"', '\'', '’', '”'])
                .ends_with(['.', '!', '?']);
            if last && ends {
                segments.clear();
                seg_start = i + 1;
                continue;
            }
        }
        if para.toks[i]
            .trail
            .is_some_and(|c| matches!(c, ',' | ';' | '—' | '–'))
        {
            segments.push((seg_start, i + 1));
            seg_start = i + 1;
        }
    }
    if seg_start < cue {
        segments.push((seg_start, cue));
    }
    for (s, e) in segments {
        let seg = &para.toks[s..e];
        let lead = seg.first().map(|t| t.lower.clone()).unwrap_or_default();
        let subordinate = matches!(
            lead.as_str(),
            "after"
                | "when"
                | "while"
                | "as"
                | "if"
                | "because"
                | "although"
                | "since"
                | "before"
                | "including"
                | "which"
                | "who"
                | "where"
                | "despite"
                | "with"
                | "without"
                | "amid"
                | "in"
                | "on"
                | "at"
                | "for"
                | "during"
                | "following"
                | "according"
                | "once"
        );
        // "Conversely, ...": a sentence adverb alone.
        let adverb = e == s + 1 && lead.len() > 4 && lead.ends_with("ly");
        if subordinate || adverb {
            continue;
        }
        let seg = strip_leading(seg);
        let end = leading_np(seg);
        if end > 0 {
            let phrase = analyze(para.text, &seg[..end]);
            if speaker_like(&phrase) {
                return Some(phrase);
            }
        }
    }
    None
}

/// Finds the speaker phrase and cue for quote `qi` of the paragraph.
#[must_use]
pub fn find_for_quote(para: &Para, qi: usize) -> Option<Found> {
    let q = para.quotes[qi];
    let after_q = para.token_at(q.after);
    let open_tok = para.token_at(q.open);
    let content = q.content.slice(para.text);
    let ends_sentence = content
        .trim_end_matches(['"', '\'', '’', '”', ')'])
        .ends_with('.');
    // Set off by dashes after a name: `... Anna Berg -- "..." -- and ...`.
    if let Some(found) = dash_apposition(para, qi, open_tok) {
        return Some(found);
    }
    // A byline after a dash: `"..." ― Pamela Padilla`.
    let tail = &para.text[q.after.min(para.span.end)..para.span.end];
    let rest = tail.trim_start();
    if let Some(c) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '—' | '–' | '―' | '-'))
    {
        let from = para.token_at(q.after + (tail.len() - rest.len()) + c.len_utf8());
        let end = leading_np(&para.toks[from.min(para.toks.len())..]);
        if end > 0 {
            let phrase = analyze(para.text, &para.toks[from..from + end]);
            if phrase.name.is_some() {
                return Some(Found {
                    phrase,
                    cue: None,
                    rule: "quote+byline",
                    distance: 0,
                    sentence_start: q.open,
                });
            }
        }
    }
    // After the quote: `"...," X said` / `"...," said X`.
    let mut after: Option<Found> = None;
    let next_lower = para
        .toks
        .get(after_q)
        .is_some_and(|t| t.inside_none_lower(para, after_q));
    if !ends_sentence || next_lower || q.single {
        // `"...," Malkia Cyril, the director of ... and ..., told`: a name and a long
        // apposition before the cue.
        let named_apposition = (after_q..(after_q + 4).min(para.toks.len())).any(|j| {
            para.toks[j].trail == Some(',') && para.toks[after_q..=j].iter().all(Token::capitalised)
        });
        let reach = if named_apposition { 28 } else { 16 };
        let stop = para.sentence_end(after_q).min(after_q + reach);
        let mut i = after_q;
        while i < stop && i < para.toks.len() && para.inside[i].is_none() {
            if let Some(cue) = cue_at(&para.toks, i) {
                let found = after_cue(para, after_q, &cue, stop);
                if let Some(phrase) = found {
                    after = Some(Found {
                        phrase,
                        cue: Some(cue.text.clone()),
                        rule: "quote+cue-after",
                        distance: i - after_q,
                        sentence_start: para.toks
                            [para.sentence_start(open_tok.min(para.toks.len().saturating_sub(1)))]
                        .span
                        .start
                        .min(q.open),
                    });
                }
                break;
            }
            i += 1;
        }
    }
    // Before the quote: `X said: "..."` / `X described it as "..."`.
    let mut before: Option<Found> = None;
    if open_tok > 0 {
        let floor = para.sentence_start(open_tok.saturating_sub(1));
        let mut from = floor;
        // Never look past a previous quote of the same sentence.
        let mut j = open_tok;
        while j > floor {
            if para.inside[j - 1].is_some() {
                from = j;
                break;
            }
            j -= 1;
        }
        let mut i = open_tok;
        while i > from {
            i -= 1;
            if let Some(cue) = cue_at(&para.toks, i) {
                if cue.after_quote_only {
                    continue;
                }
                // "Japan would respond \"calmly\"": a speech act only foreseen, inside the
                // clause another cue reports; the quote belongs to that outer cue.
                if hypothetical(para, i) {
                    continue;
                }
                // `After saying her foot was "...," she was ...`: the subject follows.
                let gerund_clause = para.toks[i].lower.ends_with("ing")
                    && i > 0
                    && matches!(
                        para.toks[i - 1].lower.as_str(),
                        "after" | "before" | "while" | "since" | "upon" | "when"
                    );
                let participle = para.toks[i].lower.ends_with("ing")
                    && i > 0
                    && para.toks[i - 1].trail == Some(',');
                // "Trump urged Americans to check out what he called \"...\"": the pronoun
                // of the relative clause points to the sentence's subject, the mention.
                let what_pronoun = i >= 2
                    && para.toks[i - 2].lower == "what"
                    && super::speakers::pronoun(&para.toks[i - 1].lower).is_some();
                let phrase = if let Some(p) = quoted_as(para, floor, i) {
                    Some(p)
                } else if cue.source_after {
                    phrase_after(para, i + cue.len, open_tok)
                } else if what_pronoun && floor + 1 < i - 2 {
                    clause_subject(para, floor, i - 2)
                        .filter(|p| {
                            p.name.is_some()
                                || p.pronoun.is_some()
                                || p.gov_role
                                || p.body
                                || p.organisation.is_some()
                        })
                        .or_else(|| phrase_before(para, from, i))
                } else if gerund_clause {
                    subject_after_quote(para, qi).or_else(|| clause_subject(para, floor, i))
                } else if participle {
                    clause_subject(para, floor, i)
                } else {
                    phrase_before(para, from, i)
                        .map(|mut p| {
                            p.reported_as = relative_before(para, &p, i)
                                .or_else(|| outer_subject(para, &p, from));
                            p
                        })
                        .or_else(|| clause_subject(para, floor, i))
                        .or_else(|| phrase_after(para, i + 1, open_tok))
                        .or_else(|| common_subject(para, from, i))
                };
                if let Some(phrase) = phrase {
                    before = Some(Found {
                        phrase,
                        cue: Some(cue.text.clone()),
                        rule: "quote+cue-before",
                        distance: open_tok - i - 1,
                        sentence_start: para.toks[floor].span.start,
                    });
                    break;
                }
            }
        }
    }
    // `Beijing rejected the offer. "...," the embassy said`: a sentence that ended before
    // the quote gives way to the cue of the quote's own sentence.
    let closed_before = open_tok > 0 && para.ends_sentence(open_tok - 1);
    // `... take "robust steps" in response, and he urged ...`: a cue in a new coordinated
    // clause after the quote opens a statement of its own.
    // A comma closing the quote ("... a gun," but he said) counts as well.
    let comma_in_quote = content.trim_end().ends_with(',');
    let new_clause = after.as_ref().is_some_and(|a| {
        (after_q..(after_q + a.distance).min(para.toks.len())).any(|j| {
            // `... was "absolutely right" when he said ...`: a subordinate clause of its own.
            let subordinate = matches!(
                para.toks[j].lower.as_str(),
                "when" | "after" | "because" | "while" | "since" | "before" | "if"
            );
            subordinate && a.phrase.pronoun.is_some()
                || matches!(para.toks[j].lower.as_str(), "and" | "but")
                    && if j == after_q {
                        comma_in_quote && j > 0
                    } else {
                        para.toks[j - 1].trail == Some(',')
                    }
        })
    });
    // `X scolded him: "...," she said`: the pronoun after points back to the subject that
    // introduced the quote with a colon.
    let colon_intro = open_tok > 0
        && para.toks[open_tok - 1].trail == Some(':')
        && after
            .as_ref()
            .is_some_and(|a| a.phrase.pronoun.is_some() && a.phrase.name.is_none())
        && before
            .as_ref()
            .is_some_and(|b| b.phrase.name.is_some() && b.distance <= 2);
    match (after, before) {
        (Some(_), Some(b)) if colon_intro => Some(b),
        (Some(a), Some(_)) if closed_before => Some(a),
        (Some(_), Some(b)) if new_clause => Some(b),
        (Some(a), Some(b)) => Some(if b.distance < a.distance { b } else { a }),
        (None, None) => colon_subject(para, open_tok),
        (a, b) => a.or(b),
    }
}

/// "Lewis, who joked", "the agency, which in May said": the relative pronoun between a
/// subject phrase and its cue (only lower-case words such as a time between them).
fn relative_before(para: &Para, phrase: &Phrase, cue: usize) -> Option<Span> {
    let tok = &para.toks[relative_at(para, cue)?];
    (phrase.span.end <= tok.span.start).then_some(tok.span)
}

/// `including the former minister Anna Berg -- "..." -- and ...`: a quote set off by dashes
/// right after a name is that person's.
fn dash_apposition(para: &Para, qi: usize, open_tok: usize) -> Option<Found> {
    let q = para.quotes[qi];
    if open_tok == 0 || !q.closed || para.inside[open_tok - 1].is_some() {
        return None;
    }
    let dash = |s: &str| {
        let t = s.trim();
        matches!(t, "--" | "—" | "–")
    };
    let before = para.text.get(para.toks[open_tok - 1].span.end..q.open)?;
    let rest = para.text.get(q.after..para.span.end)?;
    let after = &rest[..rest
        .find(|c: char| c.is_alphanumeric())
        .unwrap_or(rest.len())];
    if !dash(before.trim_start_matches(['\'', '’', ')'])) || !dash(after) {
        return None;
    }
    let floor = para.sentence_start(open_tok - 1);
    let phrase = phrase_before(para, floor, open_tok).filter(|p| p.name.is_some())?;
    Some(Found {
        phrase,
        cue: None,
        rule: "quote+dash-apposition",
        distance: 0,
        sentence_start: para.toks[floor].span.start,
    })
}

/// The subject right after a quote that closes an opening clause with a comma.
fn subject_after_quote(para: &Para, qi: usize) -> Option<Phrase> {
    let q = para.quotes[qi];
    let content = q
        .content
        .slice(para.text)
        .trim_end_matches(['"', '\'', '’', '”']);
    if !content.ends_with(',') {
        return None;
    }
    let a = para.token_at(q.after);
    let rest = para.toks.get(a..)?;
    let end = leading_np(rest);
    if end == 0 {
        return None;
    }
    let phrase = analyze(para.text, &rest[..end]);
    (speaker_like(&phrase) && (phrase.pronoun.is_some() || phrase.name.is_some())).then_some(phrase)
}

/// "Lynch said she recalled thinking, "..."": a pronoun subject of a clause that an outer
/// cue reports points to that cue's subject (a name or pronoun of the same number and no
/// other gender), which is reported as the mention.
fn outer_subject(para: &Para, phrase: &Phrase, floor: usize) -> Option<Span> {
    use super::speakers::{Gender, Pronoun};
    let pronoun = phrase.pronoun?;
    if matches!(pronoun, Pronoun::First | Pronoun::Report) {
        return None;
    }
    let start = para.token_at(phrase.span.start);
    let mut j = start.checked_sub(1)?;
    if para.toks[j].lower == "that" {
        j = j.checked_sub(1)?;
    }
    if j <= floor || para.toks[j].trail.is_some() || para.inside[j].is_some() {
        return None;
    }
    let cue = cue_at(&para.toks, j).filter(|c| c.len == 1 && !c.source_after)?;
    let outer = phrase_before(para, floor, cue.index)?;
    let person = outer.name.is_some()
        || outer
            .pronoun
            .is_some_and(|p| !matches!(p, Pronoun::First | Pronoun::Report));
    let number = outer.plural == (pronoun == Pronoun::They);
    let gender = match (pronoun, outer.gender) {
        (Pronoun::He, Gender::Female) | (Pronoun::She, Gender::Male) => false,
        (_, _) => outer.pronoun.is_none_or(|p| p == pronoun),
    };
    (person && number && gender && outer.span.end <= phrase.span.start).then_some(outer.span)
}

/// The token of a relative pronoun after a comma that heads the cue's clause.
fn relative_at(para: &Para, cue: usize) -> Option<usize> {
    let lo = cue.saturating_sub(5);
    let rel = (lo..cue)
        .rev()
        .find(|&j| matches!(para.toks[j].lower.as_str(), "who" | "which"))?;
    let tok = &para.toks[rel];
    let between_ok = (rel + 1..cue).all(|j| {
        let t = &para.toks[j];
        // "to which she said": the clause has a subject of its own.
        super::speakers::pronoun(&t.lower).is_none()
            && !matches!(
                t.lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their"
            )
            && para.inside[j].is_none()
            && !t.capitalised()
            && !t.trail.is_some_and(|c| matches!(c, ',' | ';' | ':'))
    });
    // "the Police Department which reported": a name needs no comma.
    let joined = rel > 0
        && (para.toks[rel - 1].trail == Some(',')
            || para.toks[rel - 1].trail.is_none()
                && para.toks[rel - 1].capitalised()
                && !is_function_word(&para.toks[rel - 1].lower));
    (between_ok && joined && tok.lead.is_none()).then_some(rel)
}

/// `Obama is rolling out a new message: "It's about me."`: with no cue, a quote after a
/// colon belongs to the subject of the sentence that introduces it, when that is a person
/// or body.
fn colon_subject(para: &Para, open_tok: usize) -> Option<Found> {
    let prev = open_tok.checked_sub(1)?;
    if para.toks[prev].trail != Some(':') || para.inside[prev].is_some() {
        return None;
    }
    let floor = para.sentence_start(prev);
    let phrase = clause_subject(para, floor, prev)?;
    let person = phrase.name.is_some()
        || phrase.gov_role
        || phrase.body
        || phrase.metonym
        || phrase.pronoun.is_some();
    if !person || phrase.other.is_some() && phrase.name.is_none() {
        return None;
    }
    Some(Found {
        phrase,
        cue: None,
        rule: "quote+colon-subject",
        distance: 0,
        sentence_start: para.toks[floor].span.start,
    })
}

/// "Xinhua quoted Xi Jinping as saying ...", "the agency cited officials as saying ...": the
/// person quoted speaks, not the outlet that quotes.
#[must_use]
pub fn quoted_as(para: &Para, floor: usize, cue: usize) -> Option<Phrase> {
    if cue < 2 || para.toks[cue - 1].lower != "as" || !para.toks[cue].lower.starts_with("say") {
        return None;
    }
    let verb = (floor..cue - 1).rev().take(12).find(|&j| {
        matches!(
            para.toks[j].lower.as_str(),
            "quoted" | "quotes" | "quoting" | "cited" | "cites" | "citing"
        )
    })?;
    phrase_after(para, verb + 1, cue - 1)
}

/// A cue verb after a modal ("would respond", "will not say"): an act foreseen, not done.
fn hypothetical(para: &Para, i: usize) -> bool {
    let mut j = i;
    while j > 0
        && matches!(
            para.toks[j - 1].lower.as_str(),
            "not" | "never" | "also" | "be"
        )
    {
        j -= 1;
    }
    j > 0
        && matches!(
            para.toks[j - 1].lower.as_str(),
            "would" | "will" | "could" | "should" | "may" | "might" | "must" | "can" | "shall"
        )
}

fn after_cue(para: &Para, from: usize, cue: &Cue, stop: usize) -> Option<Phrase> {
    let i = cue.index;
    // `"..." -- and Fred Goldberg, ... said`: the conjunction is no part of the speaker.
    let from = if from + 1 < i && matches!(para.toks[from].lower.as_str(), "and" | "or" | "but") {
        from + 1
    } else {
        from
    };
    if cue.source_after {
        return phrase_after(para, i + cue.len, stop);
    }
    // `"monitor and expel" the vessel and urged Japan ...`: a coordinated verb shares the
    // subject of the clause before the quote, not the words between.
    if i > from && matches!(para.toks[i - 1].lower.as_str(), "and" | "but" | "then") {
        return None;
    }
    if i > from {
        // `"...," Scott Pruitt, the attorney general of Oklahoma, said`: the name right after
        // the quote, then its appositions.
        let lead_end = leading_np(&para.toks[from..i]);
        if lead_end > 0 && lead_end < i - from && para.toks[from + lead_end - 1].trail == Some(',')
        {
            let named = analyze(para.text, &para.toks[from..from + lead_end]);
            if named.name.is_some() {
                let rest = &para.toks[from + lead_end..i];
                let app_end = leading_np(rest);
                if app_end > 0 {
                    let app = analyze(para.text, &rest[..app_end]);
                    if app.name.is_none() && speaker_like(&app) {
                        return Some(merge(named, app));
                    }
                }
                return Some(named);
            }
        }
        return phrase_before(para, from, i).or_else(|| common_subject(para, from, i));
    }
    phrase_after(para, i + 1, stop).or_else(|| common_after(para, i + cue.len, stop))
}

/// `"...," said the ruling.`: a short common-noun phrase with a determiner right after the
/// cue, ending the clause.
fn common_after(para: &Para, from: usize, stop: usize) -> Option<Phrase> {
    let first = para.toks.get(from)?;
    if first.lead.is_some()
        || !matches!(
            first.lower.as_str(),
            "the" | "a" | "an" | "this" | "that" | "its" | "his" | "her" | "their" | "my" | "our"
        )
    {
        return None;
    }
    let end = (from + 1..(from + 5).min(stop).min(para.toks.len()))
        .find(|&j| para.toks[j].trail.is_some())?;
    if !matches!(para.toks[end].trail, Some('.' | ',' | ';')) || para.inside[end].is_some() {
        return None;
    }
    let toks = &para.toks[from..=end];
    if toks[1..]
        .iter()
        .any(|t| t.capitalised() || t.lead.is_some())
    {
        return None;
    }
    let mut p = analyze(para.text, toks);
    if p.is_empty() {
        p.common_noun = true;
    }
    Some(p)
}

trait LowerNext {
    fn inside_none_lower(&self, para: &Para, i: usize) -> bool;
}

impl LowerNext for Token {
    fn inside_none_lower(&self, para: &Para, i: usize) -> bool {
        para.inside[i].is_none() && self.word.chars().next().is_some_and(char::is_lowercase)
    }
}

/// Words before a quote that make it a label, not a statement.
const LABEL_LEADS: &[&str] = &[
    "so-called",
    "dubbed",
    "nicknamed",
    "titled",
    "entitled",
    "slogan",
    "motto",
    "term",
    "word",
    "words",
    "phrase",
    "label",
    "named",
    "headlined",
    "hashtag",
];

/// Kinds of works whose title-cased name may follow them in quotes.
const TITLE_NOUNS: &[&str] = &[
    "book",
    "memoir",
    "novel",
    "anthem",
    "song",
    "hymn",
    "album",
    "film",
    "movie",
    "documentary",
    "show",
    "programme",
    "program",
    "series",
    "column",
    "essay",
    "poem",
    "play",
    "podcast",
];

/// True when the quote is a scare quote, title or label rather than someone's words.
#[must_use]
pub fn is_label(para: &Para, qi: usize, has_cue_near: bool) -> bool {
    let q = para.quotes[qi];
    let content = q.content.slice(para.text);
    let words: Vec<&str> = content.split_whitespace().collect();
    let open_tok = para.token_at(q.open);
    // Preceded by "so-called", "dubbed", "known as", "called" (not "what it called").
    if open_tok > 0 {
        let prev = para.toks[open_tok - 1].lower.as_str();
        let prev2 = open_tok
            .checked_sub(2)
            .map_or("", |i| para.toks[i].lower.as_str());
        if LABEL_LEADS.contains(&prev) || prev == "as" && prev2 == "known" {
            return true;
        }
        if prev == "called" && !(open_tok >= 3 && para.toks[open_tok - 3].lower == "what") {
            return true;
        }
    }
    if content.contains("Declaration") && words.len() <= 6 && !content.ends_with('.') {
        return true;
    }
    let end_punct = content.ends_with(['.', ',', '?', '!', ';', ':', '…']);
    // Title Case names ("Free and Open Indo-Pacific", "America First").
    let small = [
        "of", "and", "the", "for", "in", "on", "to", "a", "an", "&", "de", "at", "with", "by",
    ];
    let title_case = words.len() >= 2
        && words.len() <= 8
        && words.iter().all(|w| {
            small.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        })
        && !end_punct;
    if title_case
        && !(words.len() <= 3
            && has_cue_near
            && words.iter().any(|w| w.chars().all(char::is_uppercase)))
    {
        return true;
    }
    // Titles quoted with their closing punctuation ("All Bets Are Off.", "Fox News Sunday,").
    let bare: Vec<&str> = words
        .iter()
        .map(|w| w.trim_end_matches(['.', ',', '?', '!', ';', ':']))
        .collect();
    let title_with_punct = !bare.is_empty()
        && bare.len() <= 8
        && bare.iter().all(|w| {
            small.contains(&w.to_lowercase().as_str())
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        && bare
            .iter()
            .any(|w| !small.contains(&w.to_lowercase().as_str()));
    if title_with_punct && !has_cue_near && (bare.len() >= 2 || !content.ends_with(['?', '!'])) {
        return true;
    }
    // A show, book or speech named after a preposition ("on “Fox and Friends.”", "in his
    // “State of the Union.”") is a title even next to a cue.
    let preposition = |w: &str| {
        matches!(
            w,
            "on" | "in" | "at" | "of" | "from" | "during" | "his" | "her" | "their" | "its"
        )
    };
    // Also over an owner or a year: "on Fox News's “...”", "in his 1994 “...”".
    let owner_or_year = |t: &Token| {
        t.possessive || t.lower.len() == 4 && t.lower.chars().all(|c| c.is_ascii_digit())
    };
    let after_preposition = open_tok > 0
        && (preposition(&para.toks[open_tok - 1].lower)
            || owner_or_year(&para.toks[open_tok - 1])
                && (open_tok.saturating_sub(4)..open_tok - 1)
                    .rev()
                    .take_while(|&k| para.toks[k].trail.is_none())
                    .any(|k| preposition(&para.toks[k].lower)));
    // "In his 2002 book, ''Make Your Kid a Millionaire,''", "the anthem “A Change Is Gonna
    // Come,”": a title after the kind of work it names.
    let after_work = open_tok > 0 && TITLE_NOUNS.contains(&para.toks[open_tok - 1].lower.as_str());
    if title_with_punct && bare.len() >= 2 && (after_preposition || after_work) {
        return true;
    }
    // A single capitalised word with no punctuation is a name or label.
    if words.len() == 1
        && !end_punct
        && content.chars().next().is_some_and(char::is_uppercase)
        && !has_cue_near
    {
        return true;
    }
    // Short quoted noun phrases with no cue nearby are scare quotes.
    words.len() <= 4 && !end_punct && !has_cue_near
}

/// Direct (whole sentences) or partial (a fragment in the reporter's sentence).
#[must_use]
pub fn kind_of(para: &Para, qi: usize) -> StatementKind {
    let q = para.quotes[qi];
    let content = q.content.slice(para.text);
    let first = content.chars().find(|c| {
        !matches!(
            c,
            '.' | '…' | '(' | '[' | ' ' | '"' | '\'' | '‘' | '“' | '-'
        )
    });
    let upper = first.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic() && !c.is_ascii()
    });
    if !upper {
        return StatementKind::Partial;
    }
    // What stands before the opening mark: the paragraph start, punctuation or a cue verb.
    let before = para.text[para.span.start..q.open].trim_end();
    let prev_ok = before.is_empty()
        || before.ends_with([':', ',', '.', ';', '—', '–', '-', '(', '?', '!', '"', '”'])
        || {
            let open_tok = para.token_at(q.open);
            open_tok > 0
                && (cue_at(&para.toks, open_tok - 1).is_some()
                    || matches!(
                        para.toks[open_tok - 1].lower.as_str(),
                        "that" | "saying" | "added"
                    ))
        };
    if !prev_ok {
        return StatementKind::Partial;
    }
    let end_punct = content
        .trim_end_matches(['"', '\'', '’', '”', ')'])
        .ends_with(['.', ',', '?', '!', ';', ':', '…', '—', '–', '-']);
    if end_punct || !q.closed {
        return StatementKind::Direct;
    }
    // No final punctuation: direct only when the sentence does not carry on after it.
    let after = para.text[q.after..para.span.end].trim_start();
    let carries_on = after.starts_with(|c: char| c.is_lowercase()) && {
        let i = para.token_at(q.after);
        !(i..(i + 4).min(para.toks.len())).any(|j| cue_at(&para.toks, j).is_some())
    };
    if carries_on {
        StatementKind::Partial
    } else if after.is_empty() || after.starts_with(['.', ',', '?', '!', ';']) {
        if content.split_whitespace().count() >= 4 {
            StatementKind::Direct
        } else {
            StatementKind::Partial
        }
    } else {
        StatementKind::Direct
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::split_paragraphs;
    use crate::extract::quotes::find_quotes;

    fn para(text: &str) -> Para<'_> {
        let span = split_paragraphs(text)[0];
        Para::new(text, span, find_quotes(text, &[span]))
    }

    #[test]
    fn a_sentence_adverb_is_no_clause_subject() {
        let text = "Conversely, the ministry rated 22 percent of them as \"entirely true.\"";
        let p = para(text);
        let cue = p
            .toks
            .iter()
            .position(|t| t.lower == "rated")
            .expect("verb");
        let subject = clause_subject(&p, 0, cue).expect("subject");
        assert_eq!(subject.span.slice(text), "the ministry");
    }

    #[test]
    fn cue_after_and_before_the_quote() {
        let text =
            "“We will stay,” Defense Secretary Ash Carter said. He added: “Nobody doubts it.”";
        let p = para(text);
        let first = find_for_quote(&p, 0).expect("attributed");
        assert_eq!(first.rule, "quote+cue-after");
        assert_eq!(
            first.phrase.name.as_ref().map(|n| n.0.as_str()),
            Some("Ash Carter")
        );
        let second = find_for_quote(&p, 1).expect("attributed");
        assert_eq!(second.rule, "quote+cue-before");
        assert_eq!(
            second.phrase.pronoun,
            Some(crate::extract::speakers::Pronoun::He)
        );
    }

    #[test]
    fn kinds_and_labels() {
        let text = "The minister called it “a grave mistake” and said: “We reject it.” The so-called “three no's” remain.";
        let p = para(text);
        assert_eq!(kind_of(&p, 0), StatementKind::Partial);
        assert_eq!(kind_of(&p, 1), StatementKind::Direct);
        assert!(is_label(&p, 2, false));
        assert!(!is_label(&p, 1, true));
    }
}
