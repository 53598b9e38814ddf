//! The news pipeline: per paragraph, `para` -> `mentions` -> quotes (`find`, `label`) and
//! reported speech (`indirect`) -> `resolve` -> drafts, in text order.

use crate::article::Article;
use crate::governments::Governments;
use crate::statement::{Group, StatementKind};
use crate::text::Span;

use super::Draft;
use super::find::{Found, find_for_quote};
use super::label::{is_fragment, is_label, kind_of};
use super::memory::Memory;
use super::para::Para;
use super::resolve::{fill_country, label_speaker, resolve};
use super::rule::Rule;
use super::transcript::role;
use super::window;
use super::{echo, indirect, mentions, quotes, transcript};

/// The statements of a news text; paragraphs marked in `skip` (transcript regions) are left
/// out.
pub(crate) fn statements(article: &Article, skip: &[bool]) -> Vec<Draft> {
    let text = article.text.as_str();
    let all_quotes = quotes::find_quotes(text, &article.paragraphs);
    let mut memory = Memory::new(article.date.as_deref());
    memory.dateline = article
        .paragraphs
        .iter()
        .take(8)
        .find_map(|p| dateline_country(p.slice(text)));
    let mut drafts: Vec<Draft> = Vec::new();
    let mut q_iter = all_quotes.into_iter().peekable();
    let mut last_quote: Option<(usize, usize)> = None; // (paragraph, entity)
    // The words that named the speaker of the latest attributed quote (entity, mention).
    let mut last_attribution: Option<(usize, Span)> = None;
    // Headlines and standfirsts come before the first paragraph of running text (a long
    // paragraph, or a short lede sentence under the headline before one); reported speech
    // there is not annotated as a statement. A text of short paragraphs only is running
    // text throughout.
    let body_start = article
        .paragraphs
        .iter()
        .position(|p| p.slice(text).split_whitespace().count() >= window::BODY_PARAGRAPH_WORDS)
        .map_or(0, |long| {
            article.paragraphs[..long]
                .iter()
                .enumerate()
                .position(|(i, p)| {
                    let s = p.slice(text);
                    i >= 1
                        && s.split_whitespace().count() >= window::SHORT_LEDE_WORDS
                        && s.trim_end().ends_with(['.', '"', '”'])
                })
                .unwrap_or(long)
        });
    let metadata_end = front_matter_end(text);
    // Inside a quoted transcript turn of a questioner or moderator (carried over paragraphs).
    let mut in_other_turn = false;
    // Quoted subheadings with no cue, attributed once every quotation is known.
    let mut headings: Vec<Span> = Vec::new();
    for (pi, span) in article.paragraphs.iter().enumerate() {
        let mut para_quotes = Vec::new();
        while let Some(q) = q_iter.next_if(|q| q.paragraph == pi) {
            para_quotes.push(q);
        }
        if span.start < metadata_end || skip.get(pi).copied().unwrap_or(false) {
            continue;
        }
        let para = Para::new(text, *span, para_quotes);
        mentions::register_mentions(&para, &mut memory);
        // Quotes and reported-speech cues, in text order.
        let mut events: Vec<(usize, bool, usize)> = (0..para.quotes.len())
            .map(|qi| (para.quotes[qi].open, true, qi))
            .collect();
        events.extend(
            indirect::candidates(&para)
                .into_iter()
                .map(|i| (para.toks[i].span.start, false, i)),
        );
        events.sort_unstable();
        let mut prev_in_para: Option<usize> = None;
        for (_, is_quote, index) in events {
            if !is_quote {
                if let Some(d) = indirect::statement_at(&para, index, &mut memory)
                    && pi >= body_start
                {
                    drafts.push(d);
                }
                continue;
            }
            let qi = index;
            let q = para.quotes[qi];
            // A quoted transcript's turns: only officials' make statements. A questioner's
            // or moderator's turn, and the quoted paragraphs that carry it on, are no one's
            // statement; nor is a quoted stage direction ("(Crosstalk.)").
            let quoted_label = transcript::quoted_label(text, q.content);
            if quoted_label.is_none() && q.continues_previous && in_other_turn
                || role::stage_direction(q.content.slice(text))
            {
                continue;
            }
            in_other_turn = false;
            if let Some(label) = quoted_label {
                let turn = Span::new(label.text_start, q.content.end).slice(text);
                let by_words = role::role_by_words(label.name.slice(text));
                let entity = if by_words.is_none() {
                    label_speaker(&mut memory, text, label.name)
                } else {
                    None
                };
                let official = entity.is_some_and(|e| {
                    matches!(
                        memory.entities[e].group,
                        Group::Government | Group::Organisation
                    )
                });
                if by_words.is_some() || !official && role::asks(turn) {
                    in_other_turn = true;
                    prev_in_para = None;
                    last_quote = None;
                    continue;
                }
                if let Some(e) = entity {
                    prev_in_para = Some(e);
                    last_quote = Some((pi, e));
                    last_attribution = Some((e, label.name));
                }
                drafts.push(Draft {
                    spans: vec![Span::new(label.text_start, q.content.end)],
                    kind: StatementKind::Direct,
                    entity: entity.map(|e| memory.entities[e].clone()),
                    mention: Some(label.name),
                    mention_text: Some(label.name.slice(text).to_owned()),
                    cue: None,
                    cue_span: None,
                    rule: Rule::QuotedTranscriptTurn,
                    continues_previous: false,
                    question: None,
                });
                continue;
            }
            let found = find_for_quote(&para, qi);
            let near = found.as_ref().is_some_and(|f| {
                let words = q.content.slice(text).split_whitespace().count();
                f.distance
                    <= if words <= window::SHORT_QUOTE_WORDS {
                        window::NEAR_CUE_SHORT_QUOTE
                    } else {
                        window::NEAR_CUE
                    }
            });
            if !q.continues_previous && is_label(&para, qi, near) {
                // The headline: before the running text, or the line the title came from.
                let headline = pi < body_start
                    || article
                        .title
                        .as_deref()
                        .is_some_and(|t| !t.is_empty() && span.slice(text).contains(t));
                if echo::is_quoted_heading(&para, qi, headline) {
                    headings.push(q.content);
                }
                continue;
            }
            let mut carried_mention = None;
            let (entity, found, rule) = match found.filter(|_| near || !q.continues_previous) {
                Some(f) => {
                    let e = resolve(
                        &mut memory,
                        &f.phrase,
                        f.phrase.span.start,
                        f.sentence_start,
                        true,
                    );
                    if let Some(e) = e {
                        memory.mention(e, f.phrase.span, true);
                        if f.phrase.via_report {
                            memory.report(e, f.phrase.span.start);
                        }
                    }
                    let rule = f.rule;
                    (e, Some(f), rule)
                }
                None => {
                    // No cue: a later segment of a quotation, or a quoted paragraph of its
                    // own, continues the previous speaker.
                    let carried = if q.continues_previous {
                        last_quote.map(|(_, e)| e)
                    } else if let Some(e) = prev_in_para {
                        Some(e)
                    } else if is_fragment(&para, qi) {
                        // A few lowercase words in the reporter's sentence, with no cue and
                        // no speaker before them in the paragraph, are nobody's known words.
                        None
                    } else {
                        let recent = last_quote
                            .is_some_and(|(p, _)| pi.saturating_sub(p) <= window::CARRY_PARAGRAPHS)
                            || text[..q.open].trim_end().ends_with(':');
                        memory.last_speaker(q.open).filter(|_| recent)
                    };
                    // The nearest words naming the speaker; for a quote carried on from an
                    // earlier attribution, that attribution's own mention.
                    carried_mention = carried.and_then(|e: usize| {
                        memory.last_mention_of(e, q.open).or_else(|| {
                            last_attribution
                                .filter(|(m, _)| *m == e)
                                .map(|(_, span)| span)
                        })
                    });
                    (carried, None, Rule::QuotePreviousSpeaker)
                }
            };
            if let Some(e) = entity {
                prev_in_para = Some(e);
                last_quote = Some((pi, e));
                if let Some(f) = &found {
                    last_attribution = Some((e, f.phrase.span));
                }
            }
            let kind = kind_of(&para, qi);

            if let Some(e) = entity {
                let place = found
                    .as_ref()
                    .and_then(|f| para.located_in(para.token_at(f.sentence_start)));
                let official = &mut memory.entities[e];
                if let Some(g) = place
                    && official.group == Group::Government
                    && official.governments.is_empty()
                {
                    official.governments = vec![g];
                }
                let upto = found.as_ref().map_or(q.open, |f| f.phrase.span.start);
                fill_country(&mut memory, e, Span::new(para.span.start, upto));
            }
            drafts.push(Draft {
                spans: vec![q.content],
                kind,
                entity: entity.map(|e| memory.entities[e].clone()),
                mention: found
                    .as_ref()
                    .map(|f: &Found| f.phrase.reported_as.unwrap_or(f.phrase.span))
                    .or(carried_mention),
                mention_text: found
                    .as_ref()
                    .map(|f| f.phrase.reported_as.unwrap_or(f.phrase.span))
                    .or(carried_mention)
                    .map(|m| m.slice(text).to_owned()),
                cue_span: found.as_ref().and_then(|f| f.cue_span),
                cue: found.and_then(|f| f.cue),
                rule,
                continues_previous: q.continues_previous,
                question: None,
            });
        }
    }
    echo::attribute_headings(text, &headings, &mut drafts);
    speaker_of_whole_quotation(&mut drafts);
    // Entities named later keep the name: refresh speakers from the final memory (the first
    // name given to each description).
    let mut renamed: rustc_hash::FxHashMap<&str, &str> = rustc_hash::FxHashMap::default();
    for (d, n) in &memory.renamed {
        renamed.entry(d.as_str()).or_insert(n.as_str());
    }
    for d in &mut drafts {
        if let Some(e) = &mut d.entity
            && e.name.is_none()
            && let Some(n) = e.description.as_deref().and_then(|d| renamed.get(d))
        {
            e.name = Some((*n).to_owned());
        }
    }
    own_country_named_later(&memory, &mut drafts);
    drafts
}

/// An official whose country was first filled in from the article's other officials and
/// named later ("Foreign Minister Ana Ruiz said ..." then "Peru's foreign minister, Ana
/// Ruiz, said ...") speaks for the named country in every statement.
fn own_country_named_later(memory: &Memory, drafts: &mut [Draft]) {
    if memory.country_corrected.is_empty() {
        return;
    }
    let mut named: rustc_hash::FxHashMap<&str, &[String]> = rustc_hash::FxHashMap::default();
    for &i in &memory.country_corrected {
        let entity = &memory.entities[i];
        if let Some(name) = entity.name.as_deref() {
            named.insert(name, &entity.governments);
        }
    }
    for d in drafts {
        if let Some(e) = &mut d.entity
            && e.group == Group::Government
            && let Some(governments) = e.name.as_deref().and_then(|n| named.get(n))
        {
            e.governments = governments.to_vec();
        }
    }
}

/// The country of a dateline opening a paragraph: "BEIJING (Wire) -", "SEOUL, June 3
/// (Yonhap) --", "NEW DELHI —". One place only ("TOKYO/BEIJING" tells nothing).
fn dateline_country(paragraph: &str) -> Option<String> {
    let end = paragraph.find(['(', ',', '—', '–', '-'])?;
    let place = paragraph[..end].trim();
    let words: Vec<&str> = place.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 3
        || !place
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.')
    {
        return None;
    }
    let title: Vec<String> = words
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |f| {
                f.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect();
    let (g, kind) = Governments::bundled().lookup(&title.join(" "))?;
    matches!(
        kind,
        crate::governments::MentionKind::Capital | crate::governments::MentionKind::Name
    )
    .then(|| g.iso3.clone())
}

/// A quotation over several paragraphs whose cue comes only in a later segment (`"A ...` /
/// `"B," she said.`): the earlier segments take the speaker of that cue.
fn speaker_of_whole_quotation(drafts: &mut [Draft]) {
    let quote_like = |d: &Draft| d.kind != StatementKind::Indirect;
    let mut chain: Vec<usize> = Vec::new();
    let flush = |chain: &mut Vec<usize>, drafts: &mut [Draft]| {
        let cued = chain
            .iter()
            .copied()
            .find(|&i| drafts[i].rule != Rule::QuotePreviousSpeaker && drafts[i].entity.is_some());
        if let Some(c) = cued {
            let (entity, mention, text) = (
                drafts[c].entity.clone(),
                drafts[c].mention,
                drafts[c].mention_text.clone(),
            );
            for &i in chain.iter().take_while(|&&i| i != c) {
                if drafts[i].rule == Rule::QuotePreviousSpeaker {
                    drafts[i].entity.clone_from(&entity);
                    drafts[i].mention = mention;
                    drafts[i].mention_text.clone_from(&text);
                }
            }
        }
        chain.clear();
    };
    for i in 0..drafts.len() {
        if !quote_like(&drafts[i]) {
            continue;
        }
        if !drafts[i].continues_previous {
            flush(&mut chain, drafts);
        }
        chain.push(i);
    }
    flush(&mut chain, drafts);
}

/// Where a Markdown/YAML front-matter block (`---` lines at the very top) ends: metadata,
/// never statements. 0 when there is none.
#[must_use]
pub fn front_matter_end(text: &str) -> usize {
    let body = text.trim_start_matches('\u{feff}');
    let Some(rest) = body
        .strip_prefix("---\n")
        .or_else(|| body.strip_prefix("---\r\n"))
    else {
        return 0;
    };
    let open = text.len() - rest.len();
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        at += line.len();
        if matches!(line.trim_end(), "---" | "...") {
            return open + at;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::front_matter_end;

    #[test]
    fn front_matter_is_found_only_at_the_top() {
        let text = "---\ntitle: \"A \\\"quoted\\\" title\"\ndate: 2027-01-01\n---\n\nBody text.\n";
        let end = front_matter_end(text);
        assert_eq!(&text[end..], "\nBody text.\n");
        assert_eq!(front_matter_end("Body.\n---\nnot: metadata\n---\n"), 0);
        assert_eq!(front_matter_end("---\nnever closed\n"), 0);
    }
}
