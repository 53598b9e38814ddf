//! Stage `mentions`: people and bodies named in running text (outside quotes), registered in
//! the memory so that later pronouns and descriptions point back to them.

use super::lexicon::Lexicon;
use super::memory::Memory;
use super::np::np_token_at;
use super::para::Para;
use super::phrase::analyze;
use super::window;

/// Records titled people and bodies named in the paragraph's running text (outside quotes).
pub fn register_mentions(para: &Para, memory: &mut Memory) {
    register_anonymous(para, memory);
    let toks = &para.toks;
    let mut i = 0;
    while i < toks.len() {
        if para.inside[i].is_some() || !np_token_at(toks, i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < toks.len() && para.inside[i].is_none() && np_token_at(toks, i) {
            i += 1;
            if matches!(
                toks[i - 1].trail,
                Some(',' | ';' | ':' | '.' | '?' | '!' | ')')
            ) {
                break;
            }
        }
        let mut s = start;
        // ("the", "former" stay: "former foreign minister X" is no holder of the office.)
        while s < i
            && super::lex::is_function_word(&toks[s].lower)
            && !matches!(toks[s].lower.as_str(), "the" | "former" | "retired")
        {
            s += 1;
        }
        if s >= i {
            continue;
        }
        let k = super::knowledge::Knowledge::bundled();
        let worth = toks[s..i]
            .iter()
            .any(|t| t.capitalised() || k.role_words.contains(&t.lower));
        if !worth {
            continue;
        }
        let mut phrase = analyze(para.text, &toks[s..i]);
        // "Maria Zakharova, a spokeswoman for the Russian Foreign Ministry, ...": the
        // apposition that follows describes the name.
        if phrase.name.is_some()
            && !phrase.gov_role
            && phrase.other.is_none()
            && toks[i - 1].trail == Some(',')
        {
            let rest = &toks[i..];
            let mut end = 0;
            // The apposition runs to the next comma.
            while end < rest.len().min(window::MENTION_APPOSITION) && para.inside[i + end].is_none()
            {
                end += 1;
                if matches!(rest[end - 1].trail, Some(',' | ';' | ':' | '.' | ')')) {
                    break;
                }
            }
            if rest
                .get(end.saturating_sub(1))
                .is_none_or(|t| t.trail != Some(','))
            {
                end = 0;
            }
            if end > 0 {
                let app = analyze(para.text, &rest[..end]);
                if app.name.is_none() && (app.gov_role || app.other.is_some()) {
                    phrase = super::subject::merge(phrase, app);
                }
            }
        }
        let titled_person = phrase.name.is_some() && (phrase.gov_role || phrase.other.is_some());
        // A titled official of no known country is left to the attribution rules, which can
        // tell whether the name belongs to a description met just before.
        let unplaced = phrase.gov_role
            && phrase.countries.is_empty()
            && phrase.national.is_none()
            && phrase
                .name
                .as_ref()
                .is_some_and(|(n, _)| memory.find_name(&super::entity::clean_name(n)).is_none());
        let body = phrase.body && !phrase.countries.is_empty() && phrase.name.is_none();
        let known = phrase
            .name
            .as_ref()
            .and_then(|(n, _)| memory.find_name(&super::entity::clean_name(n)));
        // A subject at the start of its sentence is as salient as a speaker.
        let after_dateline = start > 0 && para.dash_after(start - 1);
        let subject = para.sentence_start(s) == start || after_dateline;
        let at = phrase.span.start;
        if unplaced && titled_person {
            memory.introduced.push(phrase.clone());
        }
        // "Australia's prime minister defended ...": an unnamed official of a known country
        // whom a later name may turn out to name.
        let described = phrase.name.is_none()
            && phrase.gov_role
            && !phrase.countries.is_empty()
            && !phrase.metonym
            && !phrase.plural
            && !phrase.body
            && phrase.other.is_none()
            && subject;
        // "Japan's foreign minister and China's foreign minister held talks": a joint
        // subject of two governments, for "the two sides" after it.
        let joint = subject
            && phrase.name.is_none()
            && phrase.gov_role
            && phrase.other.is_none()
            && phrase.countries.len() == 2;
        if (titled_person || body || described || joint) && !unplaced {
            if let Some(e) = super::resolve::resolve(memory, &phrase, at, at, false) {
                memory.mention(e, phrase.span, subject);
            }
        } else if let Some(e) = known {
            memory.mention(e, phrase.span, subject);
        }
    }
}

/// Words after an indefinite article searched for the person noun of an anonymous subject
/// ("a young displaced father"): a couple of adjectives.
const ANONYMOUS_REACH: usize = 3;

/// "A refugee who reached the camp said ...", "One woman described ...": an anonymous private
/// person opening a sentence, remembered as a speaker of no government, so that a later "she
/// said" is hers and never an official's met before.
fn register_anonymous(para: &Para, memory: &mut Memory) {
    let lex = Lexicon::get();
    let toks = &para.toks;
    for j in 0..toks.len() {
        if para.inside[j].is_some()
            || !lex.indefinites.contains(toks[j].lower.as_str())
            || para.sentence_start(j) != j
        {
            continue;
        }
        let Some(k) = (j + 1..toks.len().min(j + 1 + ANONYMOUS_REACH))
            .take_while(|&k| toks[k - 1].trail.is_none() && para.inside[k].is_none())
            .find(|&k| lex.person_nouns.contains(toks[k].lower.as_str()) && !toks[k].possessive)
        else {
            continue;
        };
        let phrase = analyze(para.text, &toks[j..=k]);
        if phrase.name.is_some() || phrase.gov_role || !phrase.countries.is_empty() {
            continue;
        }
        let mut entity = memory.entity_from(&phrase);
        entity.group = crate::statement::Group::Other;
        entity.governments.clear();
        let e = memory.add(entity);
        memory.mention(e, phrase.span, true);
    }
}
