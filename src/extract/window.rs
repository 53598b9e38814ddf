//! Distance windows of the extraction rules, in one place with the reason for each size.
//! Token counts are words of a paragraph; byte counts are offsets in the article's text.

/// Tokens after a quote searched for its cue ("...," the deputy foreign minister said):
/// a subject phrase of a title and a two- or three-word name, the cue, and an adverb.
pub const CUE_AFTER_QUOTE: usize = 16;

/// Tokens after a quote searched for its cue when a name and an apposition come first
/// (`"...," Ana Ruiz, the director of a research group on maritime law, said`).
pub const CUE_AFTER_QUOTE_WITH_APPOSITION: usize = 28;

/// Tokens between a quote and its cue for which a short quote (up to
/// [`SHORT_QUOTE_WORDS`]) still counts as attributed: farther, a short quote is a scare quote.
pub const NEAR_CUE_SHORT_QUOTE: usize = 12;

/// Tokens between a quote and its cue for which a longer quote still counts as attributed.
pub const NEAR_CUE: usize = 30;

/// Words up to which a quote is short (a scare quote unless its cue is near).
pub const SHORT_QUOTE_WORDS: usize = 4;

/// Tokens before a cue searched for the comma that starts an apposition ("Ana Ruiz, a
/// spokesperson of the ministry of foreign affairs of the republic, said"): a long title.
pub const APPOSITION_BEFORE_CUE: usize = 26;

/// Tokens before a description searched for a name set off by a comma ("Ruiz, the
/// minister, said"): a name of up to a few words and its comma.
pub const NAME_BEFORE_APPOSITION: usize = 14;

/// Tokens before "as saying" searched for the verb of quoting ("quoted the minister of
/// trade of the region as saying"): a speaker phrase with a title.
pub const QUOTING_VERB_REACH: usize = 12;

/// Tokens of an apposition after a name in running text ("Ana Ruiz, a spokeswoman for the
/// foreign ministry of the republic, ..."): longer runs are a new clause.
pub const MENTION_APPOSITION: usize = 25;

/// Tokens after an object cue ("accused the government of ...") searched for the
/// preposition that opens its content: an object noun phrase of a few words.
pub const OBJECT_PREPOSITION_REACH: usize = 10;

/// Bytes back to the last speaker for which an unnamed official of that country is the one
/// a title-and-name phrase names ("the deputy head of the delegation ... Rear Admiral Ana
/// Ruiz"): about two short paragraphs.
pub const RENAME_REACH: usize = 600;

/// Bytes back searched for an unnamed official whose role a later name fills: a few
/// paragraphs of a news story.
pub const UNNAMED_ROLE_REACH: usize = 1500;

/// Bytes back searched for the named official that "the Russian leader" points to: about
/// half a news story.
pub const NAMED_OFFICIAL_REACH: usize = 3000;

/// Speaker mentions looked at for a definite description or a report ("the ministry", "the
/// statement"): the recent speakers of the story, not its whole cast.
pub const RECENT_SPEAKERS: usize = 12;

/// Bytes back, within the paragraph, in which the latest speaker gives its country to an
/// official the text leaves unplaced ("The State Department said ... Spokesman Ned Ames
/// told reporters"): the sentence before, not a paragraph-long article's whole cast.
pub const PLACING_SPEAKER_REACH: usize = 250;

/// Mentions looked at for a pronoun's speaker: a pronoun rarely reaches farther back.
pub const PRONOUN_REACH: usize = 40;

/// Words of the first paragraph of running text: shorter paragraphs before it are a
/// headline, standfirst or byline, whose reported speech is not a statement.
pub const BODY_PARAGRAPH_WORDS: usize = 20;

/// Words of a short lede under the headline ("Tokyo lodged a protest on Tuesday, the
/// ministry said."): a sentence this long after the first paragraph starts the running text.
pub const SHORT_LEDE_WORDS: usize = 12;

/// Paragraphs over which a quote with no cue still carries on the last quoted speaker.
pub const CARRY_PARAGRAPHS: usize = 3;

/// Words of a speaker phrase set off after a reported clause (", a spokesman for the Chinese
/// foreign ministry told ..."): longer phrases are a clause of their own.
pub const TRAILING_SPEAKER_WORDS: usize = 9;

/// Words from a trailing cue to the sentence end (", Carter told reporters on Monday"): the
/// cue, its audience and a time or place; more is a reported clause of its own.
pub const TRAILING_CUE_TAIL: usize = 6;

/// Tokens of a dateline before its dash ("SAN JUAN, Puerto Rico, June 3 (Wire) --"): a place
/// of a few words, a date and an agency; a dash farther on sets off an aside.
pub const DATELINE_TOKENS: usize = 9;

/// Words from a cue set after its clause to the sentence end when the speaker follows the
/// cue ("<clause>, said Ana Ruiz, a senior official with the agency that runs the port"): a
/// name and a long apposition; more is a clause of its own.
pub const INVERTED_SPEAKER_WORDS: usize = 24;

/// Words after a cue set off after its clause when they open with a preposition and hold no
/// verb of their own ("..., the ministry said in a statement posted on its website late on
/// Thursday"): a long adverbial of place and time, still no clause.
pub const TRAILING_ADVERBIAL_TAIL: usize = 14;

/// Words of the audience of "told" before the "to" of an instruction ("told the two
/// visiting ministers to ..."): a noun phrase with a determiner and a few modifiers.
pub const AUDIENCE_WORDS: usize = 5;

/// Words from the start of a clause to the cue of a report it holds ("Foreign Minister Ana
/// Ruiz said ..., according to a statement"): a speaker phrase with a title and a name.
pub const SUBJECT_BEFORE_REPORT: usize = 8;

/// Words of a content after a verb that reports a clause ("say", "insist") from which a
/// phrase opening with a determiner is taken for a clause even when no verb form is
/// recognised ("said the islands belong to Japan"): shorter, it is more often an object
/// ("said the word").
pub const SAID_CLAUSE_WORDS: usize = 4;

/// Longest stretch, in words, read as one sentence on either side of a word: far longer than
/// any sentence of news or a transcript, so that a text with no sentence ends (a run-on
/// export, a list without periods) keeps every per-cue search bounded and the work linear.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Longest reported clause, in words, that ends where a reader can tell: the longest in the
/// dev sets has 54. A clause still running after this many words (text without sentence
/// ends, one cue after another) is not read as a report at all, which also keeps the output
/// of such a text linear in its size instead of a copy of the next 400 words per cue.
pub const MAX_REPORTED_CLAUSE_TOKENS: usize = 150;
