//! Closed word classes the extraction rules read (determiners, pronouns, prepositions,
//! auxiliaries, time words, subordinators ...), loaded once from `assets/lexicon.ron`: a rule
//! names the class it needs (`Lexicon::get().modals.contains(w)`), the words live in the asset.

// Sets of short words looked up for every token: a fast non-cryptographic hasher (the text
// cannot choose the keys, so collision attacks do not apply).
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

const LEXICON: &str = include_str!("../../assets/lexicon.ron");

/// The closed word classes, each a set of lowercase words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    /// Before a gerund cue, words that make it a clause whose subject follows the quote ("after saying ...").
    pub gerund_subordinators: HashSet<String>,
    /// Words opening a subordinate clause between a quote and a later cue ("... when he said").
    pub clause_subordinators: HashSet<String>,
    /// Words between a modal and its verb ("would not say").
    pub modal_fillers: HashSet<String>,
    /// Modal verbs: a cue after one is an act foreseen, not done.
    pub modals: HashSet<String>,
    /// Verbs before "to" + cue whose subject is the speaker ("began to hint that").
    pub catenatives: HashSet<String>,
    /// Phrases before "to" + cue whose subject is the speaker ("was quick to say"), "*"
    /// standing for any one word.
    pub catenative_phrases: Vec<String>,
    /// Words before a cue form that make it no report ("to say", "its claim").
    pub not_a_report_after: HashSet<String>,
    /// Subordinating words: a report inside such a clause is no statement of its own.
    pub subordinators: HashSet<String>,
    /// Prepositions after an object cue that open its content ("accused X of ...").
    pub object_prepositions: HashSet<String>,
    /// Nouns of a time adverbial opening a reported clause ("last week").
    pub time_nouns: HashSet<String>,
    /// Time adverbs skipped at the start of a reported clause.
    pub time_adverbs: HashSet<String>,
    /// Words before a time noun in a time adverbial ("on Friday", "last week").
    pub time_determiners: HashSet<String>,
    /// Prepositions and adverbials: a cue followed by one reports no clause.
    pub prepositions: HashSet<String>,
    /// Determiners: a participle after one is an adjective ("the disputed island").
    pub adjective_determiners: HashSet<String>,
    /// Finite auxiliaries and common finite verbs that make words a clause.
    pub auxiliaries: HashSet<String>,
    /// Participles of what a speaker does while reporting ("citing", "referring"): after a
    /// comma they end the reported clause like a cue's participle (", saying ...").
    pub speaker_participles: HashSet<String>,
    /// Irregular past forms of common verbs ("stood", "took"): like a regular "-ed" form,
    /// they make words a clause.
    pub irregular_past: HashSet<String>,
    /// Words that open an object after a present-tense verb ("values its ...").
    pub object_openers: HashSet<String>,
    /// Words that end a reported clause when a cue follows ("... and said").
    pub clause_joiners: HashSet<String>,
    /// Coordinators that open a clause with its own subject (", but he ...").
    pub coordinators: HashSet<String>,
    /// Personal subject pronouns.
    pub subject_pronouns: HashSet<String>,
    /// Words opening an adverbial clause that ends a reported clause (", as ...").
    pub adverbial_subordinators: HashSet<String>,
    /// Words before a quoted title ("on “...”", "in his “...”").
    pub title_openers: HashSet<String>,
    /// Words whose 's is a contraction (he's, that's), not a possessive.
    pub contraction_hosts: HashSet<String>,
    /// Function words: never names, even capitalised at a sentence start.
    pub function_words: HashSet<String>,
    /// Words of a description that name no office ("the senior ...").
    pub description_fillers: HashSet<String>,
    /// Roles too common to point back to one named official.
    pub unspecific_roles: HashSet<String>,
    /// Lowercase closed-class words allowed inside a speaker noun phrase.
    pub np_words: HashSet<String>,
    /// Determiners that open a common-noun subject ("the article", "one questioner").
    pub determiners: HashSet<String>,
    /// Words a noun phrase before a verb never starts with.
    pub np_never_first: HashSet<String>,
    /// Words a noun phrase after a verb never ends with.
    pub np_never_last: HashSet<String>,
    /// Prepositions after which a country is a host or target, not the speaker's own.
    pub host_prepositions: HashSet<String>,
    /// Posts held abroad: "the embassy in Tokyo" speaks for another country.
    pub posts_abroad: HashSet<String>,
    /// Prepositions that end the head of a noun phrase ("minister of ...").
    pub head_prepositions: HashSet<String>,
    /// Prepositions after which a capitalised word is a place or body, not a name.
    pub place_prepositions: HashSet<String>,
    /// Possessives that point to the country last spoken for ("the country's president").
    pub country_anaphors: HashSet<String>,
    /// Words that tie a title to something else, so it is no bare title.
    pub not_bare_title: HashSet<String>,
    /// Adverbs and auxiliaries skipped between a subject and its cue ("the ministry also said").
    pub before_verb: HashSet<String>,
    /// Words before a time word ending a subject slot ("Beijing late on Monday").
    pub time_modifiers: HashSet<String>,
    /// Words opening an adverbial after a comma, so no apposition follows.
    pub adverbial_leads: HashSet<String>,
    /// Determiners and pronouns kept at the start of a subject phrase.
    pub kept_leading: HashSet<String>,
    /// Words opening a comma segment that holds no subject ("after ...", "including ...").
    pub clause_openers: HashSet<String>,
    /// Determiners that give a relative clause a subject of its own ("to which the ...").
    pub relative_blockers: HashSet<String>,
    /// Verbs of quoting: "quoted X as saying" makes X the speaker.
    pub quoting_verbs: HashSet<String>,
    /// Determiners opening a common-noun source after a cue ("said the ruling").
    pub common_determiners: HashSet<String>,
    /// Words before a quote that make it a label, not a statement ("so-called", "dubbed").
    pub label_leads: HashSet<String>,
    /// Nouns a quoted name modifies ("the “one country, two systems” formula").
    pub label_heads: HashSet<String>,
    /// Kinds of works whose title may follow them in quotes ("the book “...”").
    pub title_nouns: HashSet<String>,
    /// Abbreviations (lowercase, without the final period) whose period ends no sentence.
    pub abbreviations: HashSet<String>,
    /// Lowercase particles inside personal names ("bin", "van", "de").
    pub name_particles: HashSet<String>,
    /// Function words that are also surnames ("May"): capitalised right after a first name,
    /// they are part of the name.
    pub name_homographs: HashSet<String>,
    /// Nouns of a noun phrase that sums up a reported clause after it (", a move that",
    /// ", an apparent reference to"): the reporter's words.
    pub summary_nouns: HashSet<String>,
    /// Nouns naming the audience of "told" ("told state television", "told a news
    /// conference"): the audience phrase runs on through them to the reported clause.
    pub audience_nouns: HashSet<String>,
    /// Forms of "be" that make a participle after them passive ("have been accused",
    /// "were told"): its subject is the one spoken to or about, not the speaker.
    pub passive_auxiliaries: HashSet<String>,
    /// Quantifiers that open a noun phrase as a determiner does ("such steps", "these
    /// talks"): after a verb that reports a clause, the subject of one.
    pub quantifiers: HashSet<String>,
    /// Time words that can end a subject slot ("Beijing on Monday", "officials yesterday").
    pub time_words: HashSet<String>,
    /// Transcript labels (whole, lowercase) of a question turn.
    pub question_labels: HashSet<String>,
    /// Transcript labels of an answer by the briefing's host.
    pub answer_labels: HashSet<String>,
    /// Words of a transcript label naming a moderator, host or aide who runs the event.
    pub moderator_words: HashSet<String>,
    /// Words of a transcript label naming an interpreter.
    pub interpreter_words: HashSet<String>,
    /// Words that make a transcript label a news outlet ("Coastal News", "Harbour Daily").
    pub outlet_words: HashSet<String>,
    /// News organisations whose name alone labels a journalist's turn (lowercase).
    pub news_outlets: HashSet<String>,
    /// First words of a "Word:" line that is metadata or a credit, never a speaker.
    pub metadata_labels: HashSet<String>,
    /// Characters of a CJK transcript label naming a journalist ("…记者：").
    pub questioner_markers: HashSet<String>,
    /// Characters of a CJK transcript label naming a moderator.
    pub moderator_markers: HashSet<String>,
    /// Characters of a CJK transcript label naming an interpreter.
    pub interpreter_markers: HashSet<String>,
    /// Words before "question" that make a short line a call for questions ("Another question?", "The next question ...").
    pub question_turn_words: HashSet<String>,
    /// Openings of a line that closes the event ("This concludes ...").
    pub closing_phrases: Vec<String>,
    /// Openings of the sentences an official opens a briefing with before any statement
    /// ("Good afternoon.", "I have no announcements.", "The floor is open."): a line of
    /// nothing else is procedural.
    pub opening_phrases: Vec<String>,
    /// Parties in parentheses after a member of parliament's name ("Ana Ruiz (Eastvale) (Lab)").
    pub party_labels: HashSet<String>,
    /// Words opening an indefinite noun phrase ("a refugee", "one woman").
    pub indefinites: HashSet<String>,
    /// Nouns for private people quoted anonymously ("a refugee", "one woman"): never a government.
    pub person_nouns: HashSet<String>,
    /// Heads of plural descriptions of a government's staff ("administration officials"):
    /// with no country named, the country the article's officials speak for.
    pub collective_officials: HashSet<String>,
}

impl Lexicon {
    /// The bundled lexicon, parsed once.
    ///
    /// # Panics
    /// Never in a released build: the bundled file is checked by a unit test.
    #[must_use]
    pub fn get() -> &'static Self {
        static LEXICON_SETS: OnceLock<Lexicon> = OnceLock::new();
        LEXICON_SETS.get_or_init(|| {
            #[allow(clippy::expect_used)]
            Self::parse(LEXICON).expect("bundled assets/lexicon.ron is valid")
        })
    }

    /// Parses a lexicon file.
    ///
    /// # Errors
    /// The parser's error when the text is not a valid lexicon.
    pub fn parse(text: &str) -> Result<Self, ron::error::SpannedError> {
        ron::from_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicon_parses_and_is_lowercase() {
        let lexicon = Lexicon::parse(LEXICON).expect("parses");
        assert!(lexicon.modals.contains("would"));
        assert!(lexicon.function_words.contains("the"));
        let all = [
            &lexicon.gerund_subordinators,
            &lexicon.clause_subordinators,
            &lexicon.modal_fillers,
            &lexicon.modals,
            &lexicon.catenatives,
            &lexicon.not_a_report_after,
            &lexicon.subordinators,
            &lexicon.object_prepositions,
            &lexicon.time_nouns,
            &lexicon.time_adverbs,
            &lexicon.time_determiners,
            &lexicon.prepositions,
            &lexicon.adjective_determiners,
            &lexicon.auxiliaries,
            &lexicon.irregular_past,
            &lexicon.speaker_participles,
            &lexicon.object_openers,
            &lexicon.clause_joiners,
            &lexicon.coordinators,
            &lexicon.subject_pronouns,
            &lexicon.adverbial_subordinators,
            &lexicon.title_openers,
            &lexicon.contraction_hosts,
            &lexicon.function_words,
            &lexicon.description_fillers,
            &lexicon.unspecific_roles,
            &lexicon.np_words,
            &lexicon.determiners,
            &lexicon.np_never_first,
            &lexicon.np_never_last,
            &lexicon.host_prepositions,
            &lexicon.posts_abroad,
            &lexicon.head_prepositions,
            &lexicon.place_prepositions,
            &lexicon.country_anaphors,
            &lexicon.not_bare_title,
            &lexicon.before_verb,
            &lexicon.time_modifiers,
            &lexicon.adverbial_leads,
            &lexicon.kept_leading,
            &lexicon.clause_openers,
            &lexicon.relative_blockers,
            &lexicon.quoting_verbs,
            &lexicon.common_determiners,
            &lexicon.label_leads,
            &lexicon.label_heads,
            &lexicon.title_nouns,
            &lexicon.abbreviations,
            &lexicon.name_particles,
            &lexicon.name_homographs,
            &lexicon.summary_nouns,
            &lexicon.audience_nouns,
            &lexicon.passive_auxiliaries,
            &lexicon.quantifiers,
            &lexicon.time_words,
            &lexicon.question_labels,
            &lexicon.answer_labels,
            &lexicon.moderator_words,
            &lexicon.interpreter_words,
            &lexicon.outlet_words,
            &lexicon.news_outlets,
            &lexicon.metadata_labels,
            &lexicon.questioner_markers,
            &lexicon.moderator_markers,
            &lexicon.interpreter_markers,
            &lexicon.question_turn_words,
            &lexicon.party_labels,
            &lexicon.indefinites,
            &lexicon.person_nouns,
            &lexicon.collective_officials,
        ];
        assert!(
            lexicon
                .catenative_phrases
                .iter()
                .all(|p| !p.is_empty() && *p == p.to_lowercase())
        );
        for class in all {
            assert!(!class.is_empty());
            let mut words: Vec<&String> = class.iter().collect();
            words.sort();
            for w in words {
                assert_eq!(w, &w.to_lowercase());
            }
        }
        assert!(
            lexicon
                .closing_phrases
                .iter()
                .chain(&lexicon.opening_phrases)
                .all(|p| *p == p.to_lowercase())
        );
    }
}
