//! Extraction on hand-written fixture texts: every quote style, multi-paragraph and unclosed
//! quotes, speakers (titles, pronouns, surnames, descriptions named later, metonyms, joint
//! speakers), labels that are not statements, non-government voices, and transcripts.

use std::path::PathBuf;

use demarche::article::{Article, ArticleId};
use demarche::extract::extract;
use demarche::extract::rule::Rule;
use demarche::statement::{Group, Statement, StatementKind};

fn load(name: &str, date: Option<&str>) -> (Article, Vec<Statement>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    let mut article = Article::from_text(ArticleId(7), text);
    article.date = date.map(str::to_owned);
    let statements = extract(&article);
    (article, statements)
}

fn find<'a>(article: &Article, statements: &'a [Statement], text: &str) -> &'a Statement {
    statements
        .iter()
        .find(|s| s.text(&article.text).contains(text))
        .unwrap_or_else(|| panic!("no statement containing {text:?}"))
}

fn has(article: &Article, statements: &[Statement], text: &str) -> bool {
    statements
        .iter()
        .any(|s| s.text(&article.text).contains(text))
}

#[test]
fn every_quote_style_is_found_and_apostrophes_are_not_quotes() {
    let (article, statements) = load("styles.txt", Some("2020-01-20"));
    let nehammer = find(&article, &statements, "We will not give up,");
    assert_eq!(nehammer.kind, StatementKind::Direct);
    assert_eq!(nehammer.governments, ["AUT"]);
    assert_eq!(nehammer.speaker.as_deref(), Some("Karl Nehammer"));
    let french = find(&article, &statements, "profondément préoccupé");
    assert_eq!(french.kind, StatementKind::Partial);
    assert_eq!(french.governments, ["FRA"]);
    assert!(has(&article, &statements, "Wir sind besorgt."));
    let kishida = find(&article, &statements, "これは重要です");
    assert_eq!(kishida.governments, ["JPN"]);
    let lavrov = find(&article, &statements, "It is a trap,");
    assert_eq!(lavrov.speaker.as_deref(), Some("Sergei Lavrov"));
    assert_eq!(lavrov.governments, ["RUS"]);
    let nested = find(&article, &statements, "They called it");
    assert!(
        nested
            .text(&article.text)
            .contains("'a gesture of good will.'")
    );
    // "the '90s" is no quote: the sentence is reported speech, not a quotation.
    let reported = find(&article, &statements, "90s were");
    assert_eq!(reported.kind, StatementKind::Indirect);
    // Ids number the statements in text order.
    for (i, s) in statements.iter().enumerate() {
        assert_eq!(s.id.ordinal as usize, i);
        assert_eq!(s.id.article, ArticleId(7));
    }
}

#[test]
fn multi_paragraph_and_unclosed_quotes() {
    let (article, statements) = load("multi_paragraph.txt", Some("2019-11-19"));
    let first = find(&article, &statements, "We are profoundly pleased");
    assert!(first.text(&article.text).ends_with("captivity."));
    assert_eq!(first.governments, ["USA"]);
    assert_eq!(first.speaker.as_deref(), Some("Mike Pompeo"));
    let second = find(&article, &statements, "We thank the government");
    assert!(second.continues_previous);
    assert_eq!(second.speaker.as_deref(), Some("Mike Pompeo"));
    let unclosed = find(&article, &statements, "We have repeatedly lodged");
    assert!(unclosed.text(&article.text).ends_with("channels."));
    assert_eq!(
        unclosed.speaker.as_deref(),
        Some("Japanese Foreign Ministry")
    );
    // The text after the unclosed quote is still read.
    let reported = find(&article, &statements, "it would keep watching");
    assert_eq!(reported.kind, StatementKind::Indirect);
    assert_eq!(reported.governments, ["JPN"]);
}

#[test]
fn speakers_resolve_through_titles_pronouns_surnames_and_descriptions() {
    let (article, statements) = load("speakers.txt", Some("2016-06-04"));
    let guan = find(&article, &statements, "This is a time of cooperation");
    assert_eq!(guan.speaker.as_deref(), Some("Guan Youfei"));
    assert_eq!(guan.governments, ["CHN"]);
    let delegation = find(&article, &statements, "should stop its patrols");
    assert_eq!(delegation.kind, StatementKind::Indirect);
    assert_eq!(delegation.speaker.as_deref(), Some("Guan Youfei"));
    let carter = find(&article, &statements, "We will stay,");
    assert_eq!(carter.speaker.as_deref(), Some("Ash Carter"));
    let second = find(&article, &statements, "Nobody should doubt it.");
    assert_eq!(second.speaker.as_deref(), Some("Ash Carter"));
    let pronoun = find(&article, &statements, "The region matters");
    assert_eq!(pronoun.speaker.as_deref(), Some("Ash Carter"));
    assert_eq!(
        pronoun.speaker_mention.map(|m| m.slice(&article.text)),
        Some("he")
    );
    assert!(pronoun.evidence.chain.contains(&"United States".to_owned()));
    let beijing = find(&article, &statements, "the patrols were provocative");
    assert_eq!(beijing.speaker.as_deref(), Some("Chinese government"));
    assert_eq!(beijing.governments, ["CHN"]);
    let lavrov = find(&article, &statements, "It is a serious matter,");
    assert_eq!(lavrov.governments, ["RUS"]);
    let marsh = find(&article, &statements, "Today was just the first step,");
    assert_eq!(marsh.group, Group::Other);
    assert_eq!(marsh.affiliation.as_deref(), Some("legislator"));
    assert!(marsh.governments.is_empty());
    let professor = find(&article, &statements, "Sanctions will not work,");
    assert_eq!(professor.group, Group::Other);
    assert_eq!(professor.affiliation.as_deref(), Some("analyst"));
    let un = find(&article, &statements, "The occupation must end,");
    assert_eq!(un.group, Group::Organisation);
    assert!(
        un.affiliation
            .as_deref()
            .is_some_and(|a| a.contains("UN") || a.contains("United Nations"))
    );
}

#[test]
fn joint_speakers_speak_for_several_governments() {
    let text = "Vladimir Putin and President of the United States Donald Trump spoke by phone.\n\nThe two presidents expressed serious concern over the spread of the virus in the world.\n";
    let mut article = Article::from_text(ArticleId(1), text);
    article.date = Some("2020-03-30".to_owned());
    let statements = extract(&article);
    let joint = statements
        .iter()
        .find(|s| s.text(&article.text).contains("serious concern"))
        .expect("readout statement");
    assert_eq!(joint.governments, ["RUS", "USA"]);
    assert!(joint.is_joint());
}

#[test]
fn labels_and_scare_quotes_are_not_statements() {
    let (article, statements) = load("labels.txt", Some("2025-11-01"));
    assert!(!has(&article, &statements, "Free and Open Indo-Pacific"));
    assert!(!has(&article, &statements, "three no's"));
    assert!(!has(&article, &statements, "pivot"));
    assert!(!has(&article, &statements, "Gyeongju Declaration"));
    let lee = find(&article, &statements, "a historic step forward.");
    assert_eq!(lee.governments, ["KOR"]);
}

#[test]
fn a_quoted_name_before_the_noun_it_names_is_a_label_inside_reported_speech() {
    let text = "Harbour rules\n\n\
                Japan said it remained bound by the “open sea, shared lanes” principle \
                guiding port calls, while fishermen asked for more.\n";
    let (article, statements) = extract_on(text, Some("2027-03-03"));
    let report = find(&article, &statements, "it remained bound by");
    assert_eq!(report.kind, StatementKind::Indirect);
    assert_eq!(report.governments, ["JPN"]);
    assert!(report.text(&article.text).ends_with("guiding port calls"));
    assert!(
        !statements
            .iter()
            .any(|s| s.text(&article.text) == "open sea, shared lanes"),
        "the label is no statement of its own"
    );
}

#[test]
fn a_cue_between_two_quotes_never_takes_a_subject_from_inside_the_first() {
    let text = "Camp\n\n\
                “Not the U.S. nor its partners keep anyone here,” the source said. \
                “Families fear the road back. They want safe passage north.”\n";
    let (article, statements) = extract_on(text, None);
    let second = find(&article, &statements, "Families fear the road back");
    assert!(second.governments.is_empty(), "{second:?}");
    assert_eq!(second.speaker.as_deref(), Some("source"));
}

#[test]
fn a_report_after_and_with_a_subject_of_its_own_is_not_the_first_clauses() {
    let text = "Camp\n\n\
                Peru's foreign ministry rejected the charge, and both outside analysts and \
                residents of the camp told reporters the claims are false.\n\n\
                Chile's foreign ministry said the border stays open, and added that aid \
                would follow.\n";
    let (article, statements) = extract_on(text, None);
    assert!(
        !has(&article, &statements, "the claims are false"),
        "{statements:?}"
    );
    // A coordinated cue with no subject of its own keeps the first clause's.
    assert_eq!(
        find(&article, &statements, "aid would follow").governments,
        ["CHL"]
    );
}

#[test]
fn a_gerund_opening_the_reported_clause_keeps_its_that() {
    let text = "Grain\n\nPresident Ana Ruiz of Peru has said cutting that tariff must come \
                first.\n";
    let (article, statements) = extract_on(text, None);
    let s = find(&article, &statements, "tariff must come first");
    assert_eq!(s.text(&article.text), "cutting that tariff must come first");
    assert_eq!(s.governments, ["PER"]);
}

#[test]
fn an_official_whose_term_the_text_says_ended_is_a_former_official() {
    let text = "Envoys\n\nAna Ruiz, Peru's ambassador to Chile from 2007 to 2013, said the \
                plan is a “welcome step,” and Luis Soto, Peru's ambassador since 2014, said \
                it is “long overdue.”\n";
    let (article, statements) = extract_on(text, Some("2016-04-07"));
    let former = find(&article, &statements, "welcome step");
    assert!(former.governments.is_empty(), "{former:?}");
    assert_eq!(former.affiliation.as_deref(), Some("former official"));
    assert_eq!(
        find(&article, &statements, "long overdue").governments,
        ["PER"]
    );
}

#[test]
fn a_title_set_off_before_or_after_the_name_belongs_to_the_speaker() {
    // The description and the name are one subject wherever the cue stands; the audience
    // after "told" is never a speaker; the report is only the clause.
    let cases = [
        "Peru's trade minister, Ana Ruiz, told reporters the mills were losing money.",
        "The mills were losing money, Peru's trade minister, Ana Ruiz, said.",
        "The mills were losing money, Ana Ruiz, Peru's trade minister, told reporters.",
        "Peru's trade minister, Ana Ruiz, was quoted by a radio station as saying the mills \
         were losing money.",
    ];
    for case in cases {
        let text = format!("Steel\n\n{case}\n");
        let (article, statements) = extract_on(&text, Some("2031-04-07"));
        let s = find(&article, &statements, "losing money");
        assert_eq!(
            s.text(&article.text).to_lowercase(),
            "the mills were losing money",
            "{case}"
        );
        assert_eq!(s.speaker.as_deref(), Some("Ana Ruiz"), "{case}");
        assert_eq!(s.governments, ["PER"], "{case}");
    }
}

#[test]
fn a_dateline_is_never_the_subject_of_a_coordinated_cue() {
    for dateline in ["SAMPLETOWN, May 12, 2031 -", "SAMPLETOWN, May 12 (Wire) -"] {
        let text = format!(
            "Steel\n\n{dateline} Peru's trade ministry on Thursday accused Chile of dumping \
             steel and said it had filed a complaint.\n"
        );
        let (article, statements) = extract_on(&text, None);
        let s = find(&article, &statements, "filed a complaint");
        assert_eq!(
            s.text(&article.text),
            "it had filed a complaint",
            "{dateline}"
        );
        assert_eq!(s.governments, ["PER"], "{dateline}");
        assert_eq!(
            s.speaker_mention.map(|m| m.slice(&article.text)),
            Some("Peru's trade ministry"),
            "{dateline}"
        );
    }
}

#[test]
fn a_participle_aside_stands_between_the_subject_and_the_cue() {
    let text = "Steel\n\nThe Peruvian president, speaking to reporters in Cusco, said the \
                mills would stay open.\n";
    let (article, statements) = extract_on(text, None);
    let s = find(&article, &statements, "mills would stay open");
    assert_eq!(s.text(&article.text), "the mills would stay open");
    assert_eq!(s.governments, ["PER"]);
}

#[test]
fn an_unnamed_spokesperson_is_someone_new_of_the_body_just_named() {
    // "a spokesperson" never points back to another country's spokesperson; the body named
    // just before in the paragraph, though it said nothing, places them.
    let text = "Steel\n\n“We will not back down,” the Chilean foreign ministry spokesperson \
                said at a briefing.\n\nThe Peruvian trade ministry asked for patience. “We \
                expect a fair hearing,” a spokesperson said in an email.\n";
    let (article, statements) = extract_on(text, None);
    assert_eq!(
        find(&article, &statements, "We will not back down").governments,
        ["CHL"]
    );
    let s = find(&article, &statements, "fair hearing");
    assert_eq!(s.governments, ["PER"], "{s:?}");
}

#[test]
fn staff_of_a_person_out_of_office_speak_for_no_government() {
    // A registry president's term ended before the article: her spokesman is no voice of
    // the government, though the article's other speakers are.
    let text = "Steel\n\nPeru's trade minister said on Monday that the country's old steel \
                mills were losing money.\n\nFormer \
                Peruvian President Ana Ruiz toured a mill on Friday. A spokesman for Ana Ruiz \
                said she would not run again.\n";
    let (article, statements) = extract_on(text, Some("2031-04-07"));
    assert_eq!(
        find(&article, &statements, "losing money").governments,
        ["PER"]
    );
    assert!(
        statements
            .iter()
            .all(|s| !s.text(&article.text).contains("run again") || s.governments.is_empty()),
        "{statements:?}"
    );
}

#[test]
fn a_noun_and_a_preposition_after_a_clause_verb_are_an_object() {
    let text = "Shelf\n\nOttawa has claimed the shelf since 2029. The Canadian foreign \
                ministry insisted the shelves belong to Canada.\n";
    let (article, statements) = extract_on(text, None);
    assert!(
        statements
            .iter()
            .all(|s| !s.text(&article.text).contains("since 2029")),
        "{statements:?}"
    );
    assert_eq!(
        find(&article, &statements, "belong to Canada").text(&article.text),
        "the shelves belong to Canada"
    );
}

#[test]
fn the_audience_of_told_is_no_part_of_the_report() {
    for audience in [
        "state television",
        "a news conference",
        "reporters",
        "local radio",
    ] {
        let text = format!(
            "Steel\n\nPeru's trade minister told {audience} the old mills would stay open.\n"
        );
        let (article, statements) = extract_on(&text, None);
        let s = find(&article, &statements, "would stay open");
        assert_eq!(
            s.text(&article.text),
            "the old mills would stay open",
            "{audience}"
        );
    }
}

#[test]
fn a_statement_that_also_said_is_its_issuers() {
    let text = "Steel\n\nPeru's trade ministry said in a statement on Monday that the old mills \
                would stay open.\n\nThe statement also said the new tariffs were lawful.\n";
    let (article, statements) = extract_on(text, None);
    let s = find(&article, &statements, "tariffs were lawful");
    assert_eq!(s.governments, ["PER"]);
    assert_eq!(s.text(&article.text), "the new tariffs were lawful");
    // The owner of a statement named with a possessive is its issuer, the body met before.
    let text = text.replace("The statement also", "The ministry's statement also");
    let (article, statements) = extract_on(&text, None);
    let s = find(&article, &statements, "tariffs were lawful");
    assert_eq!(s.speaker.as_deref(), Some("Peruvian trade ministry"));
}

#[test]
fn a_relative_that_inside_a_noun_object_is_no_complementizer() {
    let text = "Steel\n\nPeru's trade ministry reiterated Lima's opposition to any tariff that \
                could hurt its mills, and said this week that talks would resume.\n";
    let (article, statements) = extract_on(text, None);
    assert_eq!(
        find(&article, &statements, "opposition").text(&article.text),
        "Lima's opposition to any tariff that could hurt its mills"
    );
    assert_eq!(
        find(&article, &statements, "talks would resume").text(&article.text),
        "talks would resume"
    );
}

#[test]
fn what_a_government_rejects_keeps_its_noun() {
    // "rejected accusations that X": X is what the government rejected, never its own claim.
    let text = "Steel\n\nPeru's trade ministry on Monday rejected accusations that Peruvian \
                mills had dumped steel, and said again that the tariffs were lawful.\n";
    let (article, statements) = extract_on(text, None);
    assert_eq!(
        find(&article, &statements, "dumped steel").text(&article.text),
        "accusations that Peruvian mills had dumped steel"
    );
    assert_eq!(
        find(&article, &statements, "lawful").text(&article.text),
        "the tariffs were lawful"
    );
}

#[test]
fn the_subject_of_a_passive_cue_did_not_speak() {
    let text = "Steel\n\nPeru and the Chilean government have been accused of dumping steel on \
                world markets. Peruvian officials were also told that the tariffs would stay. \
                Peru's trade ministry has repeatedly said that the tariffs were unlawful.\n";
    let (article, statements) = extract_on(text, None);
    let texts: Vec<String> = statements
        .iter()
        .map(|s| s.text(&article.text).into_owned())
        .collect();
    assert_eq!(texts, ["the tariffs were unlawful"]);
}

#[test]
fn a_ministers_counterpart_is_a_government_voice() {
    let text = "Steel\n\nPeru's trade minister, Ana Ruiz, met her Chilean counterpart on Monday. \
                Ruiz's Chilean counterpart said later that the tariff would be “reviewed within \
                weeks.”\n";
    let (article, statements) = extract_on(text, None);
    assert_eq!(
        find(&article, &statements, "reviewed within weeks").governments,
        ["CHL"]
    );
}

#[test]
fn a_presidential_office_is_a_government_body() {
    let text = "Steel\n\nSAMPLETOWN, May 12 (Wire) - Peru's trade ministry on Friday asked Chile \
                to lift the new tariff on copper wire.\n\nThe presidential office said the talks \
                would resume next week.\n";
    let (article, statements) = extract_on(text, None);
    assert_eq!(
        find(&article, &statements, "talks would resume").governments,
        ["PER"]
    );
}

#[test]
fn a_title_marked_former_is_no_government_voice() {
    // "Former" opening the sentence and "former" inside it: both belong to the speaker's
    // title, which makes a former official (no country's statement), not a holder.
    let text = "Steel\n\nFormer Peruvian trade minister Ana Ruiz called the tariff a “slow \
                poison” on Monday. On Tuesday, former Peruvian trade minister Luis Soto said \
                it was “long overdue.”\n";
    let (article, statements) = extract_on(text, Some("2031-04-07"));
    for quote in ["slow poison", "long overdue"] {
        let s = find(&article, &statements, quote);
        assert!(s.governments.is_empty(), "{s:?}");
        assert_eq!(s.affiliation.as_deref(), Some("former official"), "{s:?}");
    }
}

#[test]
fn a_noun_phrase_pointing_back_is_no_reported_content() {
    let text = "Steel\n\nPeru's trade minister said cheap steel was hurting mills. The \
                minister stressed those worries again on Sunday at a forum in Lima, and \
                stressed the need for new tariffs.\n";
    let (article, statements) = extract_on(text, None);
    assert!(
        !has(&article, &statements, "those worries"),
        "{statements:?}"
    );
    assert_eq!(
        find(&article, &statements, "cheap steel was hurting mills").governments,
        ["PER"]
    );
}

#[test]
fn an_uncued_fragment_after_a_new_paragraph_is_no_earlier_speakers() {
    let text = "Port talks end\n\n\
                “We will keep the port open,” Foreign Minister Kenji Sato of Japan said.\n\n\
                Ministers met again on Friday.\n\n\
                Every past accord put shipping “at its heart,” which few expect to change.\n";
    let (article, statements) = extract_on(text, Some("2027-03-03"));
    assert_eq!(
        find(&article, &statements, "We will keep the port open").governments,
        ["JPN"]
    );
    let fragment = statements
        .iter()
        .find(|s| s.text(&article.text).contains("at its heart"));
    assert!(
        fragment.is_none_or(|s| s.governments.is_empty() && s.speaker.is_none()),
        "{fragment:?}"
    );
}

#[test]
fn white_house_transcript_turns() {
    let (article, statements) = load("transcript_wh.txt", Some("2027-03-03"));
    let okabe = find(&article, &statements, "Good afternoon.");
    assert!(okabe.text(&article.text).starts_with("Good afternoon."));
    assert_eq!(okabe.governments, ["JPN"]);
    assert_eq!(okabe.kind, StatementKind::Direct);
    assert!(okabe.question.is_none());
    let later = find(&article, &statements, "Our two countries agreed");
    assert!(later.continues_previous);
    assert_eq!(later.governments, ["JPN"]);
    let hale = find(&article, &statements, "That's the");
    assert_eq!(hale.governments, ["USA"]);
    // The answer keeps the question it answers.
    let question = hale.question.expect("question kept").slice(&article.text);
    assert!(question.starts_with("Mr. President, will the United States"));
    let okabe_answer = find(&article, &statements, "Our alliance rests");
    assert_eq!(okabe_answer.governments, ["JPN"]);
    assert!(
        okabe_answer
            .question
            .is_some_and(|q| q.slice(&article.text).contains("do you share that view"))
    );
    // Questions, the moderator, the aide, the interpreter and procedural lines are no
    // statements.
    for not in [
        "will the United States send",
        "We will now take questions",
        "Another question?",
        "The Prime Minister wishes to add",
        "The final question will come",
        "This concludes",
        "END 2:48",
    ] {
        assert!(!has(&article, &statements, not), "{not}");
    }
}

#[test]
fn transcript_lines_get_roles() {
    use demarche::extract::transcript::{Role, roles};
    let (article, _) = load("transcript_wh.txt", Some("2027-03-03"));
    let roles = roles(&article);
    let role_of = |words: &str| {
        let p = article
            .paragraphs
            .iter()
            .position(|p| p.slice(&article.text).contains(words))
            .expect("paragraph");
        roles[p]
    };
    assert_eq!(role_of("Good afternoon."), Some(Role::Official));
    assert_eq!(
        role_of("will the United States send"),
        Some(Role::Questioner)
    );
    assert_eq!(role_of("We will now take questions"), Some(Role::Moderator));
    assert_eq!(
        role_of("The final question will come"),
        Some(Role::Moderator)
    );
    assert_eq!(
        role_of("The Prime Minister wishes"),
        Some(Role::Interpreter)
    );
    assert_eq!(role_of("Another question?"), Some(Role::Procedural));
    assert_eq!(role_of("2:05 P.M. JST"), None);
}

#[test]
fn foreign_ministry_briefing_transcripts() {
    let (article, statements) = load("transcript_mfa.txt", Some("2027-03-03"));
    let opening = find(
        &article,
        &statements,
        "At the invitation of the government of Kenya",
    );
    assert_eq!(opening.speaker.as_deref(), Some("Lin Hao"));
    assert_eq!(opening.governments, ["CHN"]);
    let answer = find(&article, &statements, "We have noted the reports.");
    assert!(answer.text(&article.text).starts_with("We have noted"));
    assert!(
        answer
            .question
            .is_some_and(|q| q.slice(&article.text).contains("What is your comment?"))
    );
    let more = find(&article, &statements, "Exchange of students");
    assert!(more.continues_previous);
    let named = find(&article, &statements, "I have nothing to release");
    assert_eq!(named.speaker.as_deref(), Some("Lin Hao"));
    // Outlets ask; their words, quotes inside them, and procedural lines are no statements.
    for not in [
        "worrying signs",
        "Will the two foreign ministers",
        "open a new chapter",
        "Next question, please.",
        "The following question was raised",
        "any comment on the new tariffs",
    ] {
        assert!(!has(&article, &statements, not), "{not}");
    }
    for s in &statements {
        assert_eq!(s.speaker.as_deref(), Some("Lin Hao"));
        assert_eq!(s.governments, ["CHN"]);
    }
}

#[test]
fn parliament_transcript_keeps_ministers_and_leaves_members_and_the_speaker_out() {
    let (article, statements) = load("transcript_uk.txt", Some("2027-03-03"));
    let gale = find(&article, &statements, "pressed for an immediate ceasefire");
    assert_eq!(gale.speaker.as_deref(), Some("Martin Gale"));
    assert_eq!(gale.governments, ["GBR"]);
    assert!(gale.question.is_some_and(|q| {
        q.slice(&article.text)
            .starts_with("What recent discussions")
    }));
    let holt = find(&article, &statements, "set out our assessment");
    assert_eq!(holt.speaker.as_deref(), Some("Sarah Holt"));
    assert_eq!(holt.governments, ["GBR"]);
    assert_eq!(statements.len(), 3);
    assert!(!has(&article, &statements, "Order."));
    assert!(!has(&article, &statements, "publish its assessment"));
}

#[test]
fn intergovernmental_briefing_speaks_for_the_body() {
    let (article, statements) = load("transcript_un.txt", Some("2027-03-03"));
    assert_eq!(statements.len(), 4);
    for s in &statements {
        assert_eq!(s.group, Group::Organisation);
        assert!(s.governments.is_empty());
        assert_eq!(s.affiliation.as_deref(), Some("United Nations"));
    }
    assert!(!has(&article, &statements, "near-verbatim"));
    assert!(!has(&article, &statements, "A follow-up"));
    let convoy = find(&article, &statements, "The convoy reached");
    assert!(
        convoy
            .question
            .is_some_and(|q| q.slice(&article.text).contains("follow-up"))
    );
}

#[test]
fn press_statements_of_two_leaders() {
    let (article, statements) = load("transcript_kremlin.txt", Some("2027-03-03"));
    let ibarra = find(&article, &statements, "thank you for the warm welcome");
    assert_eq!(ibarra.governments, ["CHL"]);
    assert_eq!(ibarra.speaker.as_deref(), Some("Rosa Ibarra"));
    assert!(ibarra.text(&article.text).starts_with("President Orlov,"));
    let orlov = find(&article, &statements, "businesslike and frank");
    assert_eq!(orlov.governments, ["RUS"]);
    assert_eq!(orlov.speaker.as_deref(), Some("Pavel Orlov"));
    let both = find(&article, &statements, "study the proposals");
    assert_eq!(both.governments, ["CHL"]);
    assert!(both.question.is_some());
    assert!(!has(&article, &statements, "March 3, 2027"));
    assert!(!has(
        &article,
        &statements,
        "Will the new agreement cover energy"
    ));
}

#[test]
fn chinese_language_briefing_transcript() {
    let (article, statements) = load("transcript_zh.txt", Some("2020-07-03"));
    let zhao = find(&article, &statements, "中方高度赞赏");
    assert_eq!(zhao.speaker.as_deref(), Some("Zhao Lijian"));
    assert_eq!(zhao.governments, ["CHN"]);
    assert!(zhao.text(&article.text).starts_with("中方"));
    assert!(
        zhao.question
            .is_some_and(|q| q.slice(&article.text) == "中方对此有何评论？")
    );
    assert!(find(&article, &statements, "这说明公道自在人心").continues_previous);
    for not in ["中方对此有何评论", "你能否证实", "下一个问题", "有何回应"] {
        assert!(!has(&article, &statements, not), "{not}");
    }
    assert!(has(&article, &statements, "中方坚决反对滥用关税"));
}

fn speaker_of<'a>(article: &Article, statements: &'a [Statement], text: &str) -> &'a Statement {
    find(article, statements, text)
}

fn gov(s: &Statement) -> Vec<&str> {
    s.governments.iter().map(String::as_str).collect()
}

#[test]
fn attribution_traps_in_a_wire_story() {
    let (article, statements) = load("attribution_traps.txt", Some("2027-03-03"));
    // A sentence-initial surname with a cue wins over a coordinated verb after the quote
    // and over place names met before ("the reef that Manila calls ... and Beijing calls").
    for text in ["safeguard and protect", "stop stirring up trouble."] {
        let s = speaker_of(&article, &statements, text);
        assert_eq!(s.speaker.as_deref(), Some("Zhou Ming"), "{text}");
        assert_eq!(gov(s), ["CHN"]);
        assert_eq!(s.kind, StatementKind::Partial);
    }
    // A Japan-only title and "In Tokyo," beat the Beijing dateline.
    let endo = speaker_of(&article, &statements, "force is never acceptable");
    assert_eq!(endo.speaker.as_deref(), Some("Hiroshi Endo"));
    assert_eq!(gov(endo), ["JPN"]);
    // A possessive two-word country makes one demonym.
    let seoul = speaker_of(&article, &statements, "it hoped both sides");
    assert_eq!(
        seoul.speaker.as_deref(),
        Some("South Korean foreign ministry")
    );
    assert_eq!(gov(seoul), ["KOR"]);
    // "and told senators that the Philippines would answer \"...\"": still the minister.
    for text in ["illegal", "firmly but calmly."] {
        let s = speaker_of(&article, &statements, text);
        assert_eq!(s.speaker.as_deref(), Some("Rosa Santos"), "{text}");
        assert_eq!(gov(s), ["PHL"]);
    }
    // A quotation over two paragraphs takes the speaker of the cue in its last segment.
    let first = speaker_of(&article, &statements, "We have filed a diplomatic protest");
    let second = speaker_of(&article, &statements, "We will not give up");
    assert_eq!(first.speaker.as_deref(), Some("Rosa Santos"));
    assert_eq!(second.speaker.as_deref(), Some("Rosa Santos"));
    assert!(second.continues_previous);
    // The body named in the quote's own sentence beats the metonym of the sentence before.
    let embassy = speaker_of(&article, &statements, "China needs no lessons");
    assert_eq!(
        embassy.speaker.as_deref(),
        Some("Chinese embassy in Canberra")
    );
    // "called on X to Y": the content runs from X.
    let call = speaker_of(&article, &statements, "both sides to avoid steps");
    assert_eq!(call.kind, StatementKind::Indirect);
    assert!(call.text(&article.text).starts_with("both sides to avoid"));
    assert_eq!(gov(call), ["USA"]);
}

#[test]
fn front_matter_is_metadata() {
    let (article, statements) = load("front_matter.md", Some("2027-02-01"));
    assert!(
        statements
            .iter()
            .all(|s| !s.text(&article.text).contains("as talks stall")),
        "front matter title extracted"
    );
    let dahl = speaker_of(&article, &statements, "There will be no retreat");
    assert_eq!(dahl.speaker.as_deref(), Some("Erik Dahl"));
    assert_eq!(gov(dahl), ["NOR"]);
}

#[test]
fn wire_styles_according_to_appositions_and_other_voices() {
    let (article, statements) = load("wire_styles.txt", Some("2027-03-03"));
    // "..., said X, Indonesia's foreign minister," and "said X, the Australian ... minister".
    let wijaya = speaker_of(&article, &statements, "No country should block");
    assert_eq!(wijaya.speaker.as_deref(), Some("Retno Wijaya"));
    assert_eq!(gov(wijaya), ["IDN"]);
    let ellison = speaker_of(&article, &statements, "That is the only way forward.");
    assert_eq!(ellison.speaker.as_deref(), Some("Mark Ellison"));
    assert_eq!(gov(ellison), ["AUS"]);
    // "X told reporters that ..." and "According to X, ...".
    let told = speaker_of(&article, &statements, "Jakarta would raise the matter");
    assert_eq!(told.kind, StatementKind::Indirect);
    assert_eq!(gov(told), ["IDN"]);
    let according = speaker_of(
        &article,
        &statements,
        "the two navies will hold joint drills",
    );
    assert_eq!(according.kind, StatementKind::Indirect);
    assert_eq!(according.speaker.as_deref(), Some("Mark Ellison"));
    // "in a statement that it was \"deeply concerned\"": a partial of the ministry.
    let concerned = speaker_of(&article, &statements, "deeply concerned");
    assert_eq!(concerned.kind, StatementKind::Partial);
    assert_eq!(gov(concerned), ["MYS"]);
    let anonymous = speaker_of(&article, &statements, "Manila had not been consulted");
    assert_eq!(gov(anonymous), ["PHL"]);
    assert_eq!(
        anonymous.speaker.as_deref(),
        Some("senior Philippine official")
    );
    // "The country's president, Elena Marcos, later told a rally: \"...\"".
    let marcos = speaker_of(&article, &statements, "We will defend every metre");
    assert_eq!(marcos.speaker.as_deref(), Some("Elena Marcos"));
    assert_eq!(gov(marcos), ["PHL"]);
    // Analysts, senators and the UN are not governments.
    for text in ["are a cover for", "asleep at the wheel.", "with concern."] {
        let s = speaker_of(&article, &statements, text);
        assert_ne!(s.group, Group::Government, "{text}");
        assert!(s.governments.is_empty(), "{text}");
    }
}

#[test]
fn ministry_release_names_and_surnames() {
    let (article, statements) = load("ministry_statement.txt", Some("2027-05-10"));
    let welcome = speaker_of(&article, &statements, "Japan attached great importance");
    assert_eq!(welcome.kind, StatementKind::Indirect);
    assert_eq!(gov(welcome), ["JPN"]);
    let nguyen = speaker_of(&article, &statements, "Vietnam wished to deepen");
    assert_eq!(nguyen.speaker.as_deref(), Some("Nguyen Van Long"));
    assert_eq!(gov(nguyen), ["VNM"]);
    // "Kimura said" after "talks with ... Foreign Minister Haruto Kimura": the full name.
    let quote = speaker_of(&article, &statements, "Our two countries share");
    assert_eq!(quote.speaker.as_deref(), Some("Haruto Kimura"));
    assert_eq!(gov(quote), ["JPN"]);
    let bracket = speaker_of(&article, &statements, "We will build on it [...] together.");
    assert_eq!(bracket.speaker.as_deref(), Some("Haruto Kimura"));
}

#[test]
fn briefing_of_a_spokesperson_no_registry_lists() {
    let (article, statements) = load("briefing_unknown.txt", Some("2031-04-02"));
    // Opening announcements under the host's own label, then every A: turn.
    for text in [
        "I have two announcements",
        "At the invitation of the government of Kenya",
        "China firmly opposes any provocation",
        "We urge the relevant country",
        "I have no information to offer",
    ] {
        let s = speaker_of(&article, &statements, text);
        assert_eq!(s.kind, StatementKind::Direct, "{text}");
        assert_eq!(s.speaker.as_deref(), Some("Mei Ling"), "{text}");
        // The questions ask for China's response: the host speaks for China.
        assert_eq!(gov(s), ["CHN"], "{text}");
    }
    assert!(!has(&article, &statements, "What is China's response?"));
    assert!(!has(&article, &statements, "Sample text written"));
}

#[test]
fn briefing_whose_answers_name_the_country() {
    // No registry entry, no source line, no question naming a country: the spokesperson's
    // own answers open their sentences with one country.
    let (article, statements) = load("briefing_answers_name_the_country.txt", Some("2031-03-04"));
    for text in [
        "China firmly opposes any move",
        "I have no information to release",
    ] {
        let s = speaker_of(&article, &statements, text);
        assert_eq!(s.speaker.as_deref(), Some("Tao Mingyu"), "{text}");
        assert_eq!(gov(s), ["CHN"], "{text}");
    }
    // The opening greeting is procedural, the questions are no statements.
    assert!(!has(&article, &statements, "The floor is open"));
    assert!(!has(&article, &statements, "What is your comment?"));
    assert!(!has(&article, &statements, "Will the minister visit"));
}

#[test]
fn alternating_speakers_pronouns_and_metonyms() {
    let (article, statements) = load("alternating.txt", Some("2027-06-06"));
    let klein = speaker_of(&article, &statements, "We came here in good faith,");
    assert_eq!(klein.speaker.as_deref(), Some("Sarah Klein"));
    assert_eq!(gov(klein), ["USA"]);
    // "Russia's chief negotiator, Deputy Foreign Minister Igor Petrov, ..." then "he said".
    for text in ["This is simply untrue,", "I do not see a date,"] {
        let s = speaker_of(&article, &statements, text);
        assert_eq!(s.speaker.as_deref(), Some("Igor Petrov"), "{text}");
        assert_eq!(gov(s), ["RUS"], "{text}");
    }
    let she = speaker_of(&article, &statements, "a new round could be held");
    assert_eq!(she.speaker.as_deref(), Some("Sarah Klein"));
    let kremlin = speaker_of(&article, &statements, "had been briefed on the talks");
    assert_eq!(gov(kremlin), ["RUS"]);
    // An anonymous official, reported and then quoted as "the official".
    let official = speaker_of(&article, &statements, "We were not surprised,");
    assert_eq!(gov(official), ["USA"]);
    let joint = speaker_of(&article, &statements, "remain in contact.");
    assert_eq!(gov(joint), ["RUS", "USA"]);
}

#[test]
fn labels_ellipses_brackets_and_a_description_named_later() {
    let (article, statements) = load("labels_ellipsis.txt", Some("2027-07-07"));
    assert!(!has(&article, &statements, "Blue Ocean"));
    let webb = speaker_of(
        &article,
        &statements,
        "This plan ... will keep our waters safe,",
    );
    assert_eq!(webb.speaker.as_deref(), Some("Daniel Webb"));
    // "Australia's prime minister ..." then "Prime Minister Daniel Webb said".
    assert_eq!(gov(webb), ["AUS"]);
    assert!(has(&article, &statements, "It is [the] right thing to do."));
    let ross = speaker_of(&article, &statements, "We... expect more");
    assert_eq!(ross.speaker.as_deref(), Some("Karen Ross"));
    assert!(ross.governments.is_empty());
    let hart = speaker_of(
        &article,
        &statements,
        "the boats would be built in Adelaide",
    );
    assert_eq!(gov(hart), ["AUS"]);
}

#[test]
fn agency_styles_bodies_pronouns_and_two_sides() {
    let (article, statements) = load("agency_styles.txt", Some("2027-06-03"));
    // "<clause>, Seoul's presidential office said": the dateline is not content.
    let office = speaker_of(&article, &statements, "agreed Tuesday to resume");
    assert_eq!(office.kind, StatementKind::Indirect);
    assert!(!office.text(&article.text).contains("Yonhap"));
    assert_eq!(gov(office), ["KOR"]);
    let kim = speaker_of(&article, &statements, "the leaders would meet again");
    assert_eq!(kim.speaker.as_deref(), Some("Kim Soo-jin"));
    // "The foreign ministry said in a separate statement ...", then "It added ...".
    for text in [
        "it welcomed the agreement",
        "working-level talks would begin",
    ] {
        let s = speaker_of(&article, &statements, text);
        assert_eq!(gov(s), ["KOR"], "{text}");
        assert_eq!(
            s.speaker.as_deref(),
            Some("South Korean foreign ministry"),
            "{text}"
        );
    }
    let noda = speaker_of(&article, &statements, "a meaningful step.");
    assert_eq!(noda.speaker.as_deref(), Some("Kenta Noda"));
    assert_eq!(gov(noda), ["JPN"]);
    let beketov = speaker_of(&article, &statements, "Kazakhstan values its friendship");
    assert_eq!(gov(beketov), ["KAZ"]);
    // "The two sides issued a joint statement pledging ...": the two governments just met.
    let joint = speaker_of(&article, &statements, "to expand trade and energy ties");
    assert_eq!(gov(joint), ["CHN", "KAZ"]);
    // "The Chinese premier" after Premier Zhao Lin spoke: the text's premier, not the
    // registry's office holder.
    let premier = speaker_of(&article, &statements, "open a new border crossing");
    assert_eq!(premier.speaker.as_deref(), Some("Zhao Lin"));
    let un = speaker_of(&article, &statements, "a threat to peace.");
    assert!(un.governments.is_empty());
}

#[test]
fn joint_statement_document_speaks_for_both_signatories() {
    let (article, statements) = load("joint_statement.txt", Some("2027-03-04"));
    assert!(!has(&article, &statements, "Sample text written"));
    assert_eq!(statements.len(), 3);
    for s in &statements {
        assert_eq!(s.kind, StatementKind::Direct);
        assert_eq!(gov(s), ["JPN", "PHL"]);
    }
    assert!(statements[1].continues_previous);
}

#[test]
fn names_in_the_text_beat_the_office_holder_registry() {
    // Sample text: the registry holds a spokesperson "Lin Jian" in office on this date.
    let text = "Sample text for the Demarche tests.\n\n\"The islands are China's territory,\" Chinese Foreign Ministry spokesperson Lin Wei told a briefing in Beijing.\n\nLin said China had sent ships to \"monitor\" the area and urged Tokyo to \"stop all provocations.\"\n\nOn a later day, Guo said China would respond.\n";
    let mut article = Article::from_text(ArticleId(3), text);
    article.date = Some("2026-10-12".to_owned());
    let statements = extract(&article);
    for quote in ["monitor", "stop all provocations."] {
        let s = find(&article, &statements, quote);
        assert_eq!(s.speaker.as_deref(), Some("Lin Wei"), "{quote}");
        assert_eq!(s.governments, ["CHN"]);
    }
    // A surname the text never introduced may still name the office holder.
    let guo = find(&article, &statements, "China would respond");
    assert_eq!(guo.speaker.as_deref(), Some("Guo Jiakun"));
}

#[test]
fn wire_phrasings_adding_statements_quoted_as_and_located_bodies() {
    let (article, statements) = load("wire_phrasings.txt", Some("2027-08-01"));
    let adding = speaker_of(&article, &statements, "will take all necessary measures.");
    assert_eq!(adding.speaker.as_deref(), Some("Wang Lei"));
    assert_eq!(adding.kind, StatementKind::Partial);
    // "Asked about the report, Wang said: \"...\"".
    let asked = speaker_of(&article, &statements, "We have no information.");
    assert_eq!(asked.speaker.as_deref(), Some("Wang Lei"));
    let posted = speaker_of(&article, &statements, "firmly opposes");
    assert_eq!(gov(posted), ["JPN"]);
    // "said a statement from the South Korean foreign ministry".
    let statement = speaker_of(&article, &statements, "It is unacceptable,");
    assert_eq!(gov(statement), ["KOR"]);
    let anonymous = speaker_of(&article, &statements, "the ships had left the area");
    assert_eq!(gov(anonymous), ["USA"]);
    // A home ministry located in a capital speaks for it.
    let beijing = speaker_of(&article, &statements, "the patrols were lawful");
    assert_eq!(gov(beijing), ["CHN"]);
    let senator = speaker_of(&article, &statements, "This must stop,");
    assert_eq!(senator.speaker.as_deref(), Some("John Doe"));
    assert!(senator.governments.is_empty());
    // "Xinhua news agency quoted Xi Jinping as saying ...": Xi speaks, not the agency.
    let xi = speaker_of(&article, &statements, "will never seek hegemony.");
    assert_eq!(xi.speaker.as_deref(), Some("Xi Jinping"));
    assert_eq!(gov(xi), ["CHN"]);
    // A description met first, then the same description with a name: one person.
    let clark = speaker_of(&article, &statements, "playing with fire");
    assert_eq!(clark.speaker.as_deref(), Some("Anna Clark"));
    assert_eq!(gov(clark), ["GBR"]);
    let hanoi = speaker_of(&article, &statements, "resolutely opposes");
    assert_eq!(hanoi.speaker.as_deref(), Some("Pham Thu Hang"));
    assert_eq!(gov(hanoi), ["VNM"]);
}

#[test]
fn briefing_host_named_by_surname_label_and_placed_by_a_place_line() {
    let (article, statements) = load("transcript_state_dept.txt", Some("2027-03-03"));
    assert_eq!(statements.len(), 3);
    for s in &statements {
        assert_eq!(s.speaker.as_deref(), Some("Thomas Reed"));
        assert_eq!(gov(s), ["USA"]);
        assert_eq!(s.kind, StatementKind::Direct);
    }
    assert!(!has(&article, &statements, "And China?"));
}

#[test]
fn the_dateline_places_an_official_nothing_else_places() {
    let text = "Sample text for the Demarche tests.\n\nNEW DELHI, May 2 (Wire) - Foreign ministry spokesman Arjun Rao said on Friday that talks would resume soon.\n\n\"We are ready,\" Rao told reporters.\n\nIn Tokyo, Chief Cabinet Secretary Ken Ono said the talks were welcome.\n";
    let article = Article::from_text(ArticleId(4), text);
    let statements = extract(&article);
    for quote in ["talks would resume soon", "We are ready,"] {
        let s = find(&article, &statements, quote);
        assert_eq!(s.speaker.as_deref(), Some("Arjun Rao"), "{quote}");
        assert_eq!(s.governments, ["IND"], "{quote}");
    }
    // A title of one country beats the dateline.
    let ono = find(&article, &statements, "the talks were welcome");
    assert_eq!(ono.governments, ["JPN"]);
}

mod robustness {
    use demarche::article::{Article, ArticleId};
    use demarche::extract::extract;
    use proptest::prelude::*;

    fn pieces() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "“",
            "”",
            "\"",
            "'",
            "''",
            "‘",
            "’",
            "«",
            "»",
            "「",
            "」",
            "：",
            ": ",
            "said",
            "told",
            "he",
            "she",
            "the ministry",
            "Beijing",
            "Lavrov",
            "President",
            "Q ",
            "A: ",
            "\n\n",
            "\n",
            " ",
            ",",
            ".",
            "Zhao Lijian:",
            "PRESIDENT BIDEN:  ",
            "赵立坚：",
            "(As interpreted.)",
            "according to",
            "accused",
            "Japan",
            "and",
            "—",
            "…",
            "é",
            "\u{a0}",
            "\u{3000}",
            "MODERATOR:  ",
            "Reuters: ",
            "Spokesperson: ",
            "The Minister for Europe (Ana Ruiz): ",
            "Ana Ruiz (Eastvale) (Lab): ",
            "(retranslated)",
            "Another question?",
            "END ",
            "Photo: ",
            "PORT LOUIS, May 2 (Wire) - ",
            "A refugee",
            "Daily Press Briefing",
            "记者：",
        ]);
        prop::collection::vec(words, 0..120).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn extraction_never_panics_and_spans_are_valid(text in pieces()) {
            let article = Article::from_text(ArticleId(0), text);
            let statements = extract(&article);
            for (i, s) in statements.iter().enumerate() {
                prop_assert_eq!(s.id.ordinal as usize, i);
                for span in &s.spans {
                    prop_assert!(span.start <= span.end && span.end <= article.text.len());
                    prop_assert!(article.text.is_char_boundary(span.start));
                    prop_assert!(article.text.is_char_boundary(span.end));
                }
                if let Some(q) = s.question {
                    prop_assert!(q.start <= q.end && q.end <= article.text.len());
                    prop_assert!(article.text.is_char_boundary(q.start));
                    prop_assert!(article.text.is_char_boundary(q.end));
                }
                let mut govs = s.governments.clone();
                govs.sort();
                prop_assert_eq!(&govs, &s.governments);
            }
        }
    }
}

#[test]
fn quoted_interview_turns_take_their_label_as_mention() {
    let (article, statements) = load("quoted_interview.txt", Some("2020-05-03"));
    let turn = find(&article, &statements, "this is a fair deal");
    assert_eq!(turn.kind, StatementKind::Direct);
    assert_eq!(turn.speaker.as_deref(), Some("Anna Kovacs"));
    assert_eq!(
        turn.speaker_mention.map(|m| m.slice(&article.text)),
        Some("KOVACS")
    );
    // The label is not part of the statement.
    assert!(turn.text(&article.text).starts_with("Well, look"));
    let later = find(&article, &statements, "every page of it");
    assert_eq!(later.speaker.as_deref(), Some("Anna Kovacs"));
    // The host's questions are no one's statements.
    assert!(!has(&article, &statements, "publish the contract"));
    assert!(!has(&article, &statements, "Critics say the price"));
}

#[test]
fn a_relative_pronoun_after_a_name_is_the_nearest_mention() {
    let (article, statements) = load("relative_speakers.txt", Some("2021-03-02"));
    let varga = find(&article, &statements, "never be for sale");
    assert_eq!(varga.speaker.as_deref(), Some("Lena Varga"));
    assert_eq!(
        varga.speaker_mention.map(|m| m.slice(&article.text)),
        Some("who")
    );
    let berki = find(&article, &statements, "I have not walked on it yet.");
    assert_eq!(berki.speaker.as_deref(), Some("Tomas Berki"));
    assert_eq!(
        berki.speaker_mention.map(|m| m.slice(&article.text)),
        Some("who")
    );
    // "To which she said": the relative clause has its own subject.
    let aunt = find(&article, &statements, "one of us still has some faith");
    assert_eq!(
        aunt.speaker_mention.map(|m| m.slice(&article.text)),
        Some("she")
    );
}

#[test]
fn nested_reports_name_the_outer_speaker_and_keep_the_cue_before() {
    let (article, statements) = load("nested_reports.txt", Some("2021-06-01"));
    let feher = find(&article, &statements, "change the whole valley");
    assert_eq!(feher.speaker.as_deref(), Some("Ilona Feher"));
    // "she" points back to the subject of "said", the words reported as the mention.
    let mention = feher.speaker_mention.map(|m| m.slice(&article.text));
    assert!(mention.is_some_and(|m| m.contains("Feher")), "{mention:?}");
    // A quote closed by a comma before "but he said" keeps the cue before it.
    let sandor = find(&article, &statements, "any risk to the old town");
    assert_eq!(sandor.speaker.as_deref(), Some("Peter Sandor"));
    let mention = sandor.speaker_mention.map(|m| m.slice(&article.text));
    assert!(mention.is_some_and(|m| m.contains("Sandor")), "{mention:?}");
    // A cue after the quote in a "when" clause reports something else.
    let horvath = find(&article, &statements, "absolutely right");
    assert_eq!(horvath.speaker.as_deref(), Some("Tomas Horvath"));
    // "It's denouncing what it calls ...": the subject of the sentence is the mention.
    let smear = find(&article, &statements, "the biggest smear campaign");
    let mention = smear.speaker_mention.map(|m| m.start);
    let sentence = article.text.find("It’s denouncing");
    assert_eq!(mention, sentence);
    // ... and so is a body or organisation.
    let breach = find(&article, &statements, "a grave breach of the ceasefire");
    let mention = breach.speaker_mention.map(|m| m.slice(&article.text));
    assert!(
        mention.is_some_and(|m| m.contains("Security Council")),
        "{mention:?}"
    );
}

#[test]
fn show_titles_after_an_owner_or_a_year_are_not_statements() {
    let (article, statements) = load("show_titles.txt", Some("2021-06-06"));
    assert!(!has(&article, &statements, "Morning at Nine"));
    assert!(!has(&article, &statements, "Week in Review"));
    assert!(!has(&article, &statements, "Letter to Taxpayers"));
    let balanced = find(&article, &statements, "The budget is balanced");
    assert_eq!(balanced.speaker.as_deref(), Some("Karl Lind"));
    assert!(has(&article, &statements, "We kept every promise."));
    assert!(has(&article, &statements, "a good start."));
    assert!(has(&article, &statements, "still holds"));
    assert!(!has(&article, &statements, "Count Every Coin"));
    assert!(!has(&article, &statements, "Rise Up Again"));
    assert!(has(&article, &statements, "will rise again."));
}

#[test]
fn documents_read_and_point_out() {
    let (article, statements) = load("document_cues.txt", Some("2021-07-01"));
    let read = find(&article, &statements, "The dam has served the valley");
    assert_eq!(read.cue.as_deref(), Some("read"));
    assert_eq!(
        read.speaker_mention.map(|m| m.slice(&article.text)),
        Some("the paper")
    );
    let points = find(&article, &statements, "the old pipes lose a third");
    assert_eq!(
        points.speaker_mention.map(|m| m.slice(&article.text)),
        Some("It")
    );
}

#[test]
fn dash_appositions_and_coordinated_verbs() {
    let (article, statements) = load("dashes_and_coordination.txt", Some("2021-08-01"));
    let berg = find(&article, &statements, "It is wrong for a leader");
    assert_eq!(berg.speaker.as_deref(), Some("Anna Berg"));
    let writer = find(&article, &statements, "I don't believe in polls.");
    assert_eq!(
        writer.speaker_mention.map(|m| m.slice(&article.text)),
        Some("I")
    );
}

#[test]
fn appositions_with_relative_clauses_and_as_x_put_it() {
    let (article, statements) = load("appositions_put_it.txt", Some("2021-09-01"));
    let lopez = find(&article, &statements, "all the people who fought");
    assert_eq!(lopez.speaker.as_deref(), Some("Maria Lopez Ortega"));
    let weber = find(&article, &statements, "Did the minister lower taxes");
    assert_eq!(weber.speaker.as_deref(), Some("Jonas Weber"));
    assert_eq!(weber.cue.as_deref(), Some("put it"));
    // An age after the name: "Mr. Weber, 82, told me".
    let aged = find(&article, &statements, "been edited or had a column");
    assert_eq!(aged.speaker.as_deref(), Some("Jonas Weber"));
    assert_eq!(aged.cue.as_deref(), Some("told"));
    // A long apposition between the name after the quote and the cue.
    let vidal = find(&article, &statements, "This story is not only");
    assert_eq!(vidal.speaker.as_deref(), Some("Clara Vidal"));
    // An age and a home town with place names between the name and the relative clause.
    let blanco = find(&article, &statements, "everyone who marched");
    assert_eq!(blanco.speaker.as_deref(), Some("Rosa Maria Blanco"));
}

#[test]
fn documents_relatives_and_songs_are_sources() {
    let (article, statements) = load("common_sources.txt", Some("2021-10-01"));
    let mention = |text: &str| {
        find(&article, &statements, text)
            .speaker_mention
            .map(|m| m.slice(&article.text).to_owned())
    };
    assert_eq!(
        mention("A state cannot remove voters").as_deref(),
        Some("the ruling")
    );
    assert!(mention("We live in hard times").is_some_and(|m| m.contains("my grandfather")));
    assert_eq!(mention("Keep your promises").as_deref(), Some("Lena"));
}

#[test]
fn a_colon_introduction_beats_a_pronoun_after_the_quote() {
    let (article, statements) = load("colon_intro.txt", Some("2021-11-01"));
    let mention = |text: &str| {
        find(&article, &statements, text)
            .speaker_mention
            .map(|m| m.slice(&article.text).to_owned())
    };
    assert!(mention("almost united against you").is_some_and(|m| m.contains("Ada Brandt")));
    assert_eq!(
        find(&article, &statements, "almost united against you")
            .speaker
            .as_deref(),
        Some("Ada Brandt")
    );
    assert_eq!(
        mention("2,500 container inspections").as_deref(),
        Some("which")
    );
}

#[test]
fn chanting_characterizing_and_likening_are_cues() {
    let (article, statements) = load("more_cues.txt", Some("2021-12-01"));
    let chant = find(&article, &statements, "No deal without bread!");
    assert_eq!(chant.cue.as_deref(), Some("chanting"));
    let kral = find(&article, &statements, "a fair start for both sides");
    assert_eq!(kral.speaker.as_deref(), Some("Eva Kral"));
    assert_eq!(kral.cue.as_deref(), Some("characterized"));
    let liken = find(&article, &statements, "a house with no roof");
    assert_eq!(liken.cue.as_deref(), Some("likened"));
    // "chants" is a noun: the crowd's words are not the governor's.
    let chants = statements
        .iter()
        .find(|s| s.text(&article.text).contains("Four more years"));
    assert!(chants.is_none_or(|s| s.cue.as_deref() != Some("chants")));
    // "concluded" attributes a quote before it only.
    let winner = find(&article, &statements, "the winner tonight");
    assert_eq!(winner.cue.as_deref(), Some("concluded"));
    assert_eq!(winner.speaker.as_deref(), Some("Eva Kral"));
    let ruling = find(&article, &statements, "not, as such, unlawful");
    assert_eq!(ruling.cue.as_deref(), Some("said"));
    // A curly opening mark closed by a straight one.
    let amnesty = find(&article, &statements, "Amnesty deals should not");
    assert!(!amnesty.text(&article.text).contains("Zielinski"));
    assert_eq!(amnesty.speaker.as_deref(), Some("Piotr Zielinski"));
    assert!(has(&article, &statements, "like sweets."));
}

#[test]
fn a_participle_after_a_quoted_sentence_takes_the_new_sentence_subject() {
    let (article, statements) = load("participle_after_quote.txt", Some("2022-01-10"));
    let second = find(&article, &statements, "Maybe he did not do a good job.");
    assert_eq!(second.speaker.as_deref(), Some("Paul Novak"));
    assert_eq!(
        second.speaker_mention.map(|m| m.slice(&article.text)),
        Some("Novak")
    );
    // "After saying ..., she was ...": the subject follows the quote.
    let flood = find(&article, &statements, "higher than any of us");
    assert_eq!(flood.speaker.as_deref(), Some("Hana Lind"));
    assert_eq!(
        flood.speaker_mention.map(|m| m.slice(&article.text)),
        Some("she")
    );
}

/// An invented wire story, with a credit line and a caption line of the "Word:" shape.
const WIRE_STORY: &str = "Harbour talks stall over fishing rights\n\nCourtesy/Source: Harbour Daily\n\nPORT LOUIS, May 2 (Wire) - The foreign minister of Mauritius, Ravi Doorgah, said on Friday that the talks with the fleet owners would resume next week.\n\n\"We remain ready to talk, but not at any price,\" Doorgah told reporters after the meeting.\n\nPhoto: Fishing boats in the harbour at dawn.\n\nThe owners' association said in a statement that it had not been consulted.\n";

#[test]
fn a_news_story_with_a_few_name_lines_is_no_transcript() {
    let text = format!(
        "{WIRE_STORY}\nDoorgah: a minister under pressure at home.\n\n\"The door stays open,\" Doorgah said later on Friday.\n\nAnalysis: The dispute has lasted three years and cost the fleet dearly.\n\nDoorgah: a career diplomat before entering politics.\n"
    );
    let mut article = Article::from_text(ArticleId(3), text);
    article.date = Some("2027-05-02".to_owned());
    assert!(demarche::extract::transcript::detect(&article).is_none());
    let statements = extract(&article);
    let quote = find(&article, &statements, "We remain ready to talk");
    assert_eq!(quote.speaker.as_deref(), Some("Ravi Doorgah"));
    assert_eq!(quote.governments, ["MUS"]);
    assert!(has(&article, &statements, "The door stays open,"));
    assert!(!has(&article, &statements, "a career diplomat"));
}

#[test]
fn joined_articles_with_a_repeated_credit_line_stay_news() {
    let mut one = Article::from_text(ArticleId(1), WIRE_STORY);
    one.date = Some("2027-05-02".to_owned());
    let single = extract(&one).len();
    assert!(single >= 2);
    let joined = [WIRE_STORY; 3].join("\n\n");
    let mut all = Article::from_text(ArticleId(2), joined);
    all.date = Some("2027-05-02".to_owned());
    assert!(demarche::extract::transcript::detect(&all).is_none());
    let statements = extract(&all);
    assert_eq!(statements.len(), 3 * single);
    for s in statements
        .iter()
        .filter(|s| s.text(&all.text).contains("ready to talk"))
    {
        assert_eq!(s.speaker.as_deref(), Some("Ravi Doorgah"));
    }
}

#[test]
fn a_transcript_between_news_stories_is_a_region_of_its_own() {
    let fixture = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/extract/transcript_state_dept.txt"),
    )
    .expect("fixture readable");
    let joined = format!("{WIRE_STORY}\n\n{fixture}\n\n{WIRE_STORY}");
    let mut article = Article::from_text(ArticleId(5), joined);
    article.date = Some("2027-03-03".to_owned());
    let t = demarche::extract::transcript::detect(&article).expect("one transcript region");
    assert_eq!(t.regions.len(), 1);
    let statements = extract(&article);
    // The news on both sides keeps its own speakers.
    let quotes: Vec<&Statement> = statements
        .iter()
        .filter(|s| s.text(&article.text).contains("ready to talk"))
        .collect();
    assert_eq!(quotes.len(), 2);
    for q in quotes {
        assert_eq!(q.speaker.as_deref(), Some("Ravi Doorgah"));
        assert_eq!(q.kind, StatementKind::Direct);
    }
    // The briefing is read turn by turn.
    let reed = find(&article, &statements, "I do not have a call to read out.");
    assert_eq!(reed.speaker.as_deref(), Some("Thomas Reed"));
    assert!(!has(&article, &statements, "And China?"));
}

/// Names written with lowercase particles ("bin", "da", "van den", "al-") are read whole,
/// before a cue, after one, in an apposition and as a later mention.
#[test]
fn names_with_lowercase_particles_are_read_whole() {
    let text = "Delegations met in Geneva on Monday.\n\n\
        Syrian President Tarek al-Nouri said Damascus would send an envoy.\n\n\
        \u{201c}We will not attend,\u{201d} said Dutch Prime Minister Joost van den Akker.\n\n\
        Brazil's foreign minister, Renata da Fonseca, said Brasilia backed the text.\n\n\
        Omani Foreign Minister Salim bin Harith told reporters that Muscat would host the talks.\n";
    let mut article = Article::from_text(ArticleId(3), text);
    article.date = Some("2031-05-04".to_owned());
    let statements = extract(&article);
    let cases = [
        ("Damascus would send an envoy", "Tarek al-Nouri", "SYR"),
        ("We will not attend", "Joost van den Akker", "NLD"),
        ("Brasilia backed the text", "Renata da Fonseca", "BRA"),
        ("Muscat would host the talks", "Salim bin Harith", "OMN"),
    ];
    for (words, speaker, iso3) in cases {
        let s = find(&article, &statements, words);
        assert_eq!(s.speaker.as_deref(), Some(speaker), "{words}");
        assert_eq!(gov(s), [iso3], "{words}");
    }
}

/// A country filled in from the article's other officials gives way to the country the
/// text names later, in every statement of that official.
#[test]
fn a_named_country_replaces_one_filled_in_from_other_officials() {
    let text = "Fisheries talks resumed in Geneva on Monday.\n\n\
        Qatari Emir Nasser Haddad said the emirate was ready to host the next round.\n\n\
        Foreign Minister Ana Quiroga told reporters that the draft needed more work.\n\n\
        Peru's foreign minister, Ana Quiroga, said on Tuesday that Lima backed the draft.\n";
    let mut article = Article::from_text(ArticleId(4), text);
    article.date = Some("2031-05-04".to_owned());
    let statements = extract(&article);
    assert_eq!(gov(find(&article, &statements, "ready to host")), ["QAT"]);
    for words in ["the draft needed more work", "Lima backed the draft"] {
        let s = find(&article, &statements, words);
        assert_eq!(s.speaker.as_deref(), Some("Ana Quiroga"), "{words}");
        assert_eq!(gov(s), ["PER"], "{words}");
    }
}

/// A report inside another report's content is what the outer speaker said, not a second
/// statement; an object of "warned" after a time phrase is found; a portfolio minister is a
/// government role.
#[test]
fn reports_inside_reports_time_before_that_and_portfolio_ministers() {
    let text = "Fisheries talks resumed in Geneva on Monday.\n\n\
        Norwegian Foreign Minister Siri Dahl said Moscow had rejected the offer.\n\n\
        Norway's fisheries minister warned on Sunday that the quota could be cut.\n";
    let mut article = Article::from_text(ArticleId(5), text);
    article.date = Some("2031-05-04".to_owned());
    let statements = extract(&article);
    let dahl = find(&article, &statements, "Moscow had rejected the offer");
    assert_eq!(gov(dahl), ["NOR"]);
    assert!(
        !statements.iter().any(|s| gov(s) == ["RUS"]),
        "no statement of Russia inside Dahl's"
    );
    let minister = find(&article, &statements, "the quota could be cut");
    assert_eq!(gov(minister), ["NOR"]);
    assert_eq!(minister.text(&article.text), "the quota could be cut");
}

/// Where the text leaves an official's country unsaid: a body that spoke just before in the
/// paragraph places its spokesman; a campaign's staff are placed by nothing; a bare surname
/// that the registry gives to someone else in office adds nothing to a person already named.
#[test]
fn unplaced_officials_campaign_staff_and_other_holders_of_a_surname() {
    let text = "Talks on the strait resumed on Monday.\n\n\
        Japan's foreign minister said Tokyo welcomed the move. Japan's defence ministry said \
        patrols would continue. Japan's prime minister said Tokyo would stay calm.\n\n\
        The State Department said the talks would resume. Spokesman Ned Ames told reporters \
        the date was not fixed.\n\n\
        Dana Brown, the campaign's press secretary, said the senator would attend.\n\n\
        \u{201c}We are ready for the debate,\u{201d} said Brown.\n\n\
        Hale campaign director Jo Pike said Hale would answer every question.\n";
    let mut article = Article::from_text(ArticleId(6), text);
    article.date = Some("2008-05-05".to_owned());
    let statements = extract(&article);
    let ames = find(&article, &statements, "the date was not fixed");
    assert_eq!(ames.speaker.as_deref(), Some("Ned Ames"));
    assert_eq!(gov(ames), ["USA"]);
    let brown = find(&article, &statements, "We are ready for the debate");
    assert_eq!(brown.speaker.as_deref(), Some("Dana Brown"));
    assert!(brown.governments.is_empty(), "{:?}", brown.governments);
    assert!(
        !statements
            .iter()
            .any(|s| s.speaker.as_deref() == Some("Jo Pike") && !s.governments.is_empty()),
        "a campaign director speaks for no government"
    );
}

/// Descriptions of different offices of one country are different people: the prime
/// minister who speaks after the foreign minister is the registry's prime minister on the
/// article's date, not the foreign minister again.
#[test]
fn a_description_of_another_office_is_another_person() {
    let text = "Talks resumed on Monday.\n\n\
        Japan's foreign minister said Tokyo welcomed the move. Japan's prime minister said \
        Tokyo would stay calm.\n\n\
        Japan's defence minister said patrols would go on.\n";
    let mut article = Article::from_text(ArticleId(8), text);
    article.date = Some("2008-05-05".to_owned());
    let statements = extract(&article);
    for (words, speaker) in [
        ("Tokyo welcomed the move", "Masahiko Komura"),
        ("Tokyo would stay calm", "Yasuo Fukuda"),
        ("patrols would go on", "Shigeru Ishiba"),
    ] {
        let s = find(&article, &statements, words);
        assert_eq!(s.speaker.as_deref(), Some(speaker), "{words}");
        assert_eq!(gov(s), ["JPN"], "{words}");
    }
}

/// A clause whose verb is an irregular past form is reported speech, and a participle of
/// what the speaker does while reporting (", citing ...") is not part of it.
#[test]
fn irregular_past_clauses_and_citing_participles() {
    let text = "Talks were held in Manila on Friday.\n\n\
        The U.S. ambassador said Washington stood by its ally, citing a treaty of 1951.\n";
    let article = Article::from_text(ArticleId(9), text);
    let statements = extract(&article);
    let s = find(&article, &statements, "Washington stood by its ally");
    assert_eq!(gov(s), ["USA"]);
    assert_eq!(s.kind, StatementKind::Indirect);
    assert_eq!(s.text(&article.text), "Washington stood by its ally");
}

/// "<dateline> -- <clause>, the military said, the latest in a series ...": the report is
/// the clause without the dateline, not the noun phrase after the attribution.
#[test]
fn a_report_set_off_by_an_attribution_and_a_closing_apposition() {
    let text = "Sample headline on a launch\n\n\
        PORTVILLE, June 12 (Sample Wire) -- Ilvania fired two rockets into the sea on \
        Wednesday, Japan's defence ministry said, the third such launch in a month that has \
        raised tensions in the region.\n";
    let article = Article::from_text(ArticleId(10), text);
    let statements = extract(&article);
    let s = find(&article, &statements, "Ilvania fired two rockets");
    assert_eq!(gov(s), ["JPN"]);
    assert_eq!(
        s.text(&article.text),
        "Ilvania fired two rockets into the sea on Wednesday"
    );
}

/// A short lede under the headline is running text: its reported speech is a statement,
/// while the headline's is not.
#[test]
fn a_short_lede_under_the_headline_is_running_text() {
    let text = "Ilvania says it protests sample ship incursion\n\n\
        Ilvania on Tuesday lodged a protest over the incursion, the Japanese foreign ministry \
        said.\n\n\
        The two sample vessels entered the waters near the islands early on Tuesday and stayed \
        for about two hours before they left, officials in Tokyo said.\n";
    let article = Article::from_text(ArticleId(11), text);
    let statements = extract(&article);
    let lede = find(&article, &statements, "lodged a protest over the incursion");
    assert_eq!(gov(lede), ["JPN"]);
    assert!(!has(
        &article,
        &statements,
        "it protests sample ship incursion"
    ));
}

/// A common-noun source ends before its relative pronoun ("the study -- which said"): the
/// speaker is the study, while the mention reaches the pronoun.
#[test]
fn a_common_noun_source_without_its_relative_pronoun() {
    let text = "Sample headline about a report\n\n\
        A sample institute released a report on Monday on trade across the invented region and \
        its ports.\n\n\
        The sample study -- which said that exports had \"doubled in a decade\" -- was widely \
        read.\n";
    let article = Article::from_text(ArticleId(12), text);
    let statements = extract(&article);
    let s = find(&article, &statements, "doubled in a decade");
    assert_eq!(s.speaker.as_deref(), Some("sample study"));
    let mention = s.speaker_mention.expect("a mention");
    assert_eq!(mention.slice(&article.text), "The sample study -- which");
}

/// One row per evidence rule: an invented snippet, its date, a words of the statement, and
/// the expected speaker, governments and kind.
struct RuleCase {
    rule: Rule,
    text: &'static str,
    date: &'static str,
    statement: &'static str,
    speaker: &'static str,
    governments: &'static [&'static str],
    kind: StatementKind,
}

const RULE_CASES: &[RuleCase] = &[
    RuleCase {
        rule: Rule::QuoteCueAfter,
        text: "“We will not give way,” said Lin Wei, a spokesperson of China's foreign ministry.\n",
        date: "2027-03-03",
        statement: "We will not give way,",
        speaker: "Lin Wei",
        governments: &["CHN"],
        kind: StatementKind::Direct,
    },
    RuleCase {
        rule: Rule::QuoteCueBefore,
        text: "Japan's foreign minister, Kenji Sato, said: “The islands are ours and always were.”\n",
        date: "2027-03-03",
        statement: "The islands are ours",
        speaker: "Kenji Sato",
        governments: &["JPN"],
        kind: StatementKind::Direct,
    },
    // "according to" after the quote names who passed on the words of the cue before it.
    RuleCase {
        rule: Rule::QuoteCueBefore,
        text: "Japan's foreign minister, Kenji Sato, urged both sides to “stop every provocative move at once,” according to the state broadcaster.\n",
        date: "2027-03-03",
        statement: "stop every provocative move at once",
        speaker: "Kenji Sato",
        governments: &["JPN"],
        kind: StatementKind::Partial,
    },
    RuleCase {
        rule: Rule::QuoteByline,
        text: "“Peace is a choice we make every single day.” ― Norwegian Prime Minister Ola Berg\n",
        date: "2027-03-03",
        statement: "Peace is a choice",
        speaker: "Ola Berg",
        governments: &["NOR"],
        kind: StatementKind::Direct,
    },
    RuleCase {
        rule: Rule::QuoteDashApposition,
        text: "The hall heard from Kenyan Foreign Minister Amina Otieno -- “We ask every side for calm” -- and from several envoys.\n",
        date: "2027-03-03",
        statement: "We ask every side for calm",
        speaker: "Amina Otieno",
        governments: &["KEN"],
        kind: StatementKind::Direct,
    },
    RuleCase {
        rule: Rule::QuoteColonSubject,
        text: "Brazilian President Ana Costa had one message for the summit: “The forest is not for sale.”\n",
        date: "2027-03-03",
        statement: "The forest is not for sale.",
        speaker: "Ana Costa",
        governments: &["BRA"],
        kind: StatementKind::Direct,
    },
    RuleCase {
        rule: Rule::QuotePreviousSpeaker,
        text: "“We are ready for the talks,” German Chancellor Max Weber said on Monday.\n\n“They start as soon as the other side is ready too.”\n",
        date: "2027-03-03",
        statement: "They start as soon as",
        speaker: "Max Weber",
        governments: &["DEU"],
        kind: StatementKind::Direct,
    },
    RuleCase {
        rule: Rule::QuotedTranscriptTurn,
        text: "Nigerian Foreign Minister Chidi Okafor spoke to the station on Monday.\n\n“OKAFOR: We have said this before, and we will say it again.”\n",
        date: "2027-03-03",
        statement: "We have said this before",
        speaker: "Chidi Okafor",
        governments: &["NGA"],
        kind: StatementKind::Direct,
    },
    RuleCase {
        rule: Rule::ReportedCueBefore,
        text: "The French foreign ministry said on Monday that it would recall its ambassador for talks.\n",
        date: "2027-03-03",
        statement: "it would recall its ambassador",
        speaker: "French foreign ministry",
        governments: &["FRA"],
        kind: StatementKind::Indirect,
    },
    RuleCase {
        rule: Rule::ReportedCueAfter,
        text: "The border would stay closed until further notice, the Polish interior ministry said.\n",
        date: "2027-03-03",
        statement: "The border would stay closed until further notice",
        speaker: "Polish interior ministry",
        governments: &["POL"],
        kind: StatementKind::Indirect,
    },
    RuleCase {
        rule: Rule::ReportedAccordingTo,
        text: "According to the Indian foreign ministry, the talks will resume early next month.\n",
        date: "2027-03-03",
        statement: "the talks will resume early next month",
        speaker: "Indian foreign ministry",
        governments: &["IND"],
        kind: StatementKind::Indirect,
    },
    RuleCase {
        rule: Rule::ReportedContinued,
        text: "The Polish interior ministry said on Monday that the border would stay closed. It added that trucks carrying food would be let through.\n",
        date: "2027-03-03",
        statement: "trucks carrying food would be let through",
        speaker: "Polish interior ministry",
        governments: &["POL"],
        kind: StatementKind::Indirect,
    },
    RuleCase {
        rule: Rule::TranscriptTurn,
        text: "Department Press Briefing\n\nMara Quinn, Department Spokesperson\n\nWashington, D.C.\n\nMS QUINN: Good afternoon. The United States welcomes the ceasefire.\n\nQUESTION: Will it hold?\n\nMS QUINN: We expect both sides to keep their word.\n",
        date: "2027-03-03",
        statement: "We expect both sides",
        speaker: "Mara Quinn",
        governments: &["USA"],
        kind: StatementKind::Direct,
    },
    RuleCase {
        rule: Rule::DocumentStatement,
        text: "Joint Statement by the President of Chile and the Prime Minister of Norway\n\nMarch 3, 2027\n\nWe reaffirm our shared commitment to open seas and fair trade between our nations.\n",
        date: "2027-03-03",
        statement: "We reaffirm our shared commitment",
        speaker: "Joint statement of Chile, Norway",
        governments: &["CHL", "NOR"],
        kind: StatementKind::Direct,
    },
    // A quote that ends its sentence ("... only “We shall see.”") is followed by a new
    // sentence, whose subject a later "he added" points back to.
    RuleCase {
        rule: Rule::QuoteCueAfter,
        text: "Trade Minister Ravi Menon of India said talks would go on, stating only “We shall \
               see.” Defence Minister Arjun Dass of India, speaking in Pune, backed the talks. \
               “They are a sensible step,” he added.\n",
        date: "2027-03-03",
        statement: "They are a sensible step,",
        speaker: "Arjun Dass",
        governments: &["IND"],
        kind: StatementKind::Direct,
    },
    // A few lowercase words describing the named speaker after the cue; no government
    // named before takes the quote.
    RuleCase {
        rule: Rule::QuoteCueAfter,
        text: "Law\n\nThe push against the bill has included members of the Peruvian \
               government, which has denied any role.\n\n“Their reasons do not hold. They are \
               wrong,” said 2019 flood survivor Mary Dunne.\n",
        date: "2027-03-03",
        statement: "Their reasons do not hold.",
        speaker: "Mary Dunne",
        governments: &[],
        kind: StatementKind::Direct,
    },
    // A phrase taking the infinitive of the cue ("went out of her way to say"); a dash
    // before "though" ends the reported clause.
    RuleCase {
        rule: Rule::ReportedCueBefore,
        text: "Econ\n\nPresident Ana Ruiz of Peru took questions for three hours.\n\nRuiz went \
               out of her way to say that the harvest had recovered - though farmers disagree.\n",
        date: "2027-03-03",
        statement: "the harvest had recovered",
        speaker: "Ana Ruiz",
        governments: &["PER"],
        kind: StatementKind::Indirect,
    },
    // A report issued by the subject of the verb before it, inside a "so ... that" clause.
    RuleCase {
        rule: Rule::ReportedCueBefore,
        text: "Vote\n\nClaims of bias grew so loud that the Peruvian Embassy in Madrid issued a \
               brief statement saying that Lima took no side in the vote.\n",
        date: "2027-03-03",
        statement: "Lima took no side in the vote",
        speaker: "Peruvian Embassy in Madrid",
        governments: &["PER"],
        kind: StatementKind::Indirect,
    },
    // A named official "and other leaders" / "and her ministers" speaks for the official's
    // government.
    RuleCase {
        rule: Rule::ReportedCueBefore,
        text: "Grain\n\nMr. Xi and other leaders have said the levy must fall first.\n",
        date: "2027-03-03",
        statement: "the levy must fall first",
        speaker: "Xi Jinping",
        governments: &["CHN"],
        kind: StatementKind::Indirect,
    },
    // A subheading of a few quoted words whose words a quotation below repeats.
    RuleCase {
        rule: Rule::QuoteEchoed,
        text: "Ports reopen\n\nThe ministry reopened two ports on Monday.\n\n‘Fairly calm’\n\n\
               Fishing crews went back out at dawn.\n\n“The coast is fairly calm, and we \
               expect it to stay so,” Defence Minister Arjun Dass of India told reporters.\n",
        date: "2027-03-03",
        statement: "Fairly calm",
        speaker: "Arjun Dass",
        governments: &["IND"],
        kind: StatementKind::Partial,
    },
    // A subheading that quotes the whole of a short quotation, with a word more.
    RuleCase {
        rule: Rule::QuoteEchoed,
        text: "Border\n\nIn a joint statement, the Peruvian and Chilean interior ministries \
               accused smugglers of arming “hired gangs” along the border.\n\n‘Foreign \
               hired gangs’\n\nTraders in the border towns said trade had slowed.\n",
        date: "2027-03-03",
        statement: "Foreign hired gangs",
        speaker: "Peruvian and Chilean interior ministries",
        governments: &["CHL", "PER"],
        kind: StatementKind::Partial,
    },
    // A headline opening on a quote before a colon, in Title Case, whose words (contractions
    // written out) a quotation of the story repeats.
    RuleCase {
        rule: Rule::QuoteEchoed,
        text: "‘We Will Be Ready’: Ruiz Vows Swift Reply To Border Claims\n\nPresident Ana \
               Ruiz of Peru spoke on Friday in Lima about the border and the claims made by \
               her neighbours over the past weeks. “We'll be ready. We will answer,” Ruiz \
               said.\n",
        date: "2027-03-03",
        statement: "We Will Be Ready",
        speaker: "Ana Ruiz",
        governments: &["PER"],
        kind: StatementKind::Partial,
    },
    // The words after "of" in a title belong to it: "Secretary of War Dana Whitfield" is
    // named Dana Whitfield, not read as a place "War Dana Whitfield".
    RuleCase {
        rule: Rule::QuoteCueAfter,
        text: "Secretary of War Dana Whitfield spoke in Manila. “We are ready,” Whitfield said.\n",
        date: "2027-03-03",
        statement: "We are ready,",
        speaker: "Dana Whitfield",
        governments: &["USA"],
        kind: StatementKind::Direct,
    },
];

#[test]
fn every_rule_has_a_row_and_each_row_holds() {
    for rule in Rule::ALL {
        assert!(
            RULE_CASES.iter().any(|c| c.rule == rule),
            "no table row for {rule:?}"
        );
    }
    for case in RULE_CASES {
        let mut article = Article::from_text(ArticleId(9), case.text);
        article.date = Some(case.date.to_owned());
        let statements = extract(&article);
        let s = statements
            .iter()
            .find(|s| s.text(&article.text).contains(case.statement))
            .unwrap_or_else(|| panic!("{:?}: no statement {:?}", case.rule, case.statement));
        assert_eq!(s.evidence.found_by, Some(case.rule), "{:?}", case.rule);
        assert_eq!(s.speaker.as_deref(), Some(case.speaker), "{:?}", case.rule);
        assert_eq!(s.governments, case.governments, "{:?}", case.rule);
        assert_eq!(s.kind, case.kind, "{:?}", case.rule);
        assert!(
            s.evidence.rule.starts_with(&case.rule.to_string()),
            "{:?}: {}",
            case.rule,
            s.evidence.rule
        );
    }
}

#[test]
fn the_inspector_reads_the_rule_in_plain_words() {
    let text =
        "“We will not give way,” said Lin Wei, a spokesperson of China's foreign ministry.\n";
    let article = Article::from_text(ArticleId(9), text);
    let statements = extract(&article);
    assert_eq!(
        statements[0].evidence.rule,
        "quote followed by 'said Lin Wei', spokesperson of Chinese foreign ministry"
    );
}

fn extract_on(text: &str, date: Option<&str>) -> (Article, Vec<Statement>) {
    let mut article = Article::from_text(ArticleId(11), text);
    article.date = date.map(str::to_owned);
    let statements = extract(&article);
    (article, statements)
}

#[test]
fn only_office_holders_on_the_date_speak_for_a_government() {
    let text = "Donald Trump said the trade deal was a disaster for workers in the state.\n\n“We will win this,” Donald Trump told supporters.\n";
    // Before his first term: a candidate, not the United States.
    let (article, statements) = extract_on(text, Some("2016-03-04"));
    let quote = find(&article, &statements, "We will win this");
    assert_eq!(quote.group, Group::Other);
    assert!(quote.governments.is_empty());
    assert!(
        quote
            .affiliation
            .as_deref()
            .is_some_and(|a| a.starts_with("not yet"))
    );
    assert!(!has(&article, &statements, "disaster for workers"));
    // In office on the date: the United States.
    let (article, statements) = extract_on(text, Some("2018-05-01"));
    assert_eq!(
        find(&article, &statements, "We will win this").governments,
        ["USA"]
    );
    // Without a date the latest term counts.
    let (article, statements) = extract_on(text, None);
    assert_eq!(
        find(&article, &statements, "We will win this").governments,
        ["USA"]
    );
    // After every term: a former official.
    let text = "“The army is ready,” Sergei Shoigu told the paper.\n";
    let (article, statements) = extract_on(text, Some("2025-06-01"));
    let former = find(&article, &statements, "The army is ready");
    assert_eq!(former.group, Group::Other);
    assert!(
        former
            .affiliation
            .as_deref()
            .is_some_and(|a| a.starts_with("former"))
    );
}

#[test]
fn a_joint_subject_speaks_for_every_government_named() {
    let text = "MOSCOW, March 3 (Wire) - Russia and the Syrian government said on Tuesday that the truce would hold for another week.\n\nTurkey and Iran said they would send observers to the border towns.\n";
    let (article, statements) = extract_on(text, Some("2027-03-03"));
    assert_eq!(
        find(&article, &statements, "the truce would hold").governments,
        ["RUS", "SYR"]
    );
    assert_eq!(
        find(&article, &statements, "send observers").governments,
        ["IRN", "TUR"]
    );
}

#[test]
fn anonymous_people_and_slogans_are_no_government() {
    let text = "GENEVA, March 3 (Wire) - The foreign minister of Sweden, Karin Lund, said on Tuesday that aid would reach the camps within days.\n\n“We are doing everything we can,” Lund said.\n\nA refugee who reached the camp on Monday described a journey of four days on foot.\n\n“We fled with nothing,” she said, asking not to be named for fear of reprisals.\n\nThe convoy is part of a “Safe Passage for All” campaign that counters the closure of the border crossings.\n\nProtesters outside carried banners reading “Open the crossings now” as the minister spoke.\n";
    let (article, statements) = extract_on(text, Some("2027-03-03"));
    let refugee = find(&article, &statements, "We fled with nothing");
    assert_eq!(refugee.group, Group::Other);
    assert!(refugee.governments.is_empty());
    assert_eq!(refugee.speaker.as_deref(), Some("refugee"));
    assert!(!has(&article, &statements, "Safe Passage for All"));
    assert!(!has(&article, &statements, "Open the crossings now"));
    assert_eq!(
        find(&article, &statements, "We are doing everything").governments,
        ["SWE"]
    );
}

/// One invented sentence of officials' reported speech (issue 8): the reported clause it must
/// give, with its speaker and governments.
struct ReportedCase {
    text: &'static str,
    date: &'static str,
    statement: &'static str,
    speaker: &'static str,
    governments: &'static [&'static str],
}

const REPORTED_CASES: &[ReportedCase] = &[
    // "<country> said it would ...": a metonym and a pronoun subject in the clause.
    ReportedCase {
        text: "Canada said on Thursday it would lift the duties on imported wheat by the end of June.\n",
        date: "2027-03-03",
        statement: "it would lift the duties on imported wheat by the end of June",
        speaker: "Canadian government",
        governments: &["CAN"],
    },
    // A name from the registry and a clause about the country.
    ReportedCase {
        text: "Emmanuel Macron said France's budget deficit had peaked and would shrink next year.\n",
        date: "2020-06-01",
        statement: "France's budget deficit had peaked and would shrink next year",
        speaker: "Emmanuel Macron",
        governments: &["FRA"],
    },
    // "urged X to ...": the content runs from the object.
    ReportedCase {
        text: "The Norwegian foreign ministry urged both sides to return to the table without delay.\n",
        date: "2027-03-03",
        statement: "both sides to return to the table without delay",
        speaker: "Norwegian foreign ministry",
        governments: &["NOR"],
    },
    // "accused X of ...".
    ReportedCase {
        text: "The Brazilian foreign ministry accused its neighbour of stalling the river treaty for years.\n",
        date: "2027-03-03",
        statement: "its neighbour of stalling the river treaty for years",
        speaker: "Brazilian foreign ministry",
        governments: &["BRA"],
    },
    // "denied that ...".
    ReportedCase {
        text: "Argentina denied that its coast guard had fired on the trawler during the night.\n",
        date: "2027-03-03",
        statement: "its coast guard had fired on the trawler during the night",
        speaker: "Argentine government",
        governments: &["ARG"],
    },
    // "called for" a noun phrase; "the German chancellor" found by office on the date.
    ReportedCase {
        text: "The German chancellor called for a common fund to rebuild the flooded valleys.\n",
        date: "2020-06-01",
        statement: "a common fund to rebuild the flooded valleys",
        speaker: "Angela Merkel",
        governments: &["DEU"],
    },
    // "warned that ...".
    ReportedCase {
        text: "The Peruvian foreign minister warned that new tariffs would hurt farmers on both sides.\n",
        date: "2027-03-03",
        statement: "new tariffs would hurt farmers on both sides",
        speaker: "Peruvian foreign minister",
        governments: &["PER"],
    },
    // "said in a statement that ...": the adverbial is skipped up to "that".
    ReportedCase {
        text: "Kenya's foreign ministry said in a statement that the envoy had been called in for talks.\n",
        date: "2027-03-03",
        statement: "the envoy had been called in for talks",
        speaker: "Kenyan foreign ministry",
        governments: &["KEN"],
    },
    // The government's staff as a group take the country the article's officials speak for.
    ReportedCase {
        text: "The Chilean foreign ministry said on Monday that the port would reopen. Officials said the cargo ships had been cleared to sail.\n",
        date: "2027-03-03",
        statement: "the cargo ships had been cleared to sail",
        speaker: "Officials",
        governments: &["CHL"],
    },
    // A trailing speaker with an audience and a time: the clause stops before it.
    ReportedCase {
        text: "The bridge would stay closed to lorries, a Danish transport ministry spokesman told reporters on Friday.\n",
        date: "2027-03-03",
        statement: "The bridge would stay closed to lorries",
        speaker: "Danish transport ministry spokesman",
        governments: &["DNK"],
    },
    // A trailing cue followed by a time ("announced Monday morning").
    ReportedCase {
        text: "The ferry service would resume within days, a spokesman for the Estonian navy announced Monday morning.\n",
        date: "2027-03-03",
        statement: "The ferry service would resume within days",
        speaker: "spokesman for the Estonian navy",
        governments: &["EST"],
    },
    // The attribution set off inside the clause: the clause around it, in two spans.
    ReportedCase {
        text: "The Estonian transport ministry said the bridge was finished. The first trains, officials said, would cross it in the spring.\n",
        date: "2027-03-03",
        statement: "The first trains … would cross it in the spring",
        speaker: "officials",
        governments: &["EST"],
    },
    ReportedCase {
        text: "The Estonian transport ministry said the bridge was finished. Tolls would rise by a tenth, the ministry said in a report, and lorries would pay double.\n",
        date: "2027-03-03",
        statement: "Tolls would rise by a tenth … lorries would pay double",
        speaker: "Estonian transport ministry",
        governments: &["EST"],
    },
    // A name after a preposition in an opening adverbial is no apposition of the subject.
    ReportedCase {
        text: "After her talks with Maret Kask, the White House announced that the ban on Estonian timber would end.\n",
        date: "2027-03-03",
        statement: "the ban on Estonian timber would end",
        speaker: "White House",
        governments: &["USA"],
    },
    // Staff of a named office holder speak for the holder's government (invented sentences
    // about a real office).
    ReportedCase {
        text: "A spokeswoman for Olaf Scholz said the trip to the coast had been called off.\n",
        date: "2023-05-10",
        statement: "the trip to the coast had been called off",
        speaker: "spokeswoman for Olaf Scholz",
        governments: &["DEU"],
    },
    ReportedCase {
        text: "Scholz's office said the trip to the coast had been called off.\n",
        date: "2023-05-10",
        statement: "the trip to the coast had been called off",
        speaker: "Scholz's office",
        governments: &["DEU"],
    },
    // A spokeswoman for an office is not its holder.
    ReportedCase {
        text: "A spokeswoman for the German chancellor said the trip to the coast had been called off.\n",
        date: "2023-05-10",
        statement: "the trip to the coast had been called off",
        speaker: "spokeswoman for the German chancellor",
        governments: &["DEU"],
    },
    // A capitalised "May" before the cue is a name, not a modal.
    ReportedCase {
        text: "Theresa May said the fishing talks would resume after the summer recess.\n",
        date: "2017-06-01",
        statement: "the fishing talks would resume after the summer recess",
        speaker: "Theresa May",
        governments: &["GBR"],
    },
    // A sentence ending after a parenthesis: the next sentence's subject stands alone.
    ReportedCase {
        text: "Port fees are the highest in the region (though few ships pay them in full). The Chilean president called for cutting the fees by a third.\n",
        date: "2027-03-03",
        statement: "cutting the fees by a third",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // A determiner the speaker phrase leaves out still sets it off after the clause.
    ReportedCase {
        text: "The mine had met every standard since the spring, one Chilean official said.\n",
        date: "2027-03-03",
        statement: "The mine had met every standard since the spring",
        speaker: "Chilean official",
        governments: &["CHL"],
    },
    // A noun-phrase content ends before the reporting subject's next predicate.
    ReportedCase {
        text: "The Chilean government has signaled its willingness to reopen the port but has been met with silence.\n",
        date: "2027-03-03",
        statement: "its willingness to reopen the port",
        speaker: "Chilean government",
        governments: &["CHL"],
    },
    ReportedCase {
        text: "The Chilean government has promised a swift veto and tried to win over members of both houses.\n",
        date: "2027-03-03",
        statement: "a swift veto",
        speaker: "Chilean government",
        governments: &["CHL"],
    },
    // An attribution set inside the second of two clauses reports that clause.
    ReportedCase {
        text: "Chile had long resisted such deals, but the smog had grown so thick, the Chilean president noted, that the capital closed its schools.\n",
        date: "2027-03-03",
        statement: "the smog had grown so thick … that the capital closed its schools",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // A gerund clause after a verb that takes one.
    ReportedCase {
        text: "Chile has repeatedly denied building a naval base on the southern islands.\n",
        date: "2027-03-03",
        statement: "building a naval base on the southern islands",
        speaker: "Chilean government",
        governments: &["CHL"],
    },
    // "told X to Y": an instruction runs from its audience.
    ReportedCase {
        text: "The Chilean president told his ministers to draft a plan for the ports by June.\n",
        date: "2027-03-03",
        statement: "his ministers to draft a plan for the ports by June",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    ReportedCase {
        text: "The Chilean president, who knew the vote would fail, told his closest advisers to find another way to pass the budget.\n",
        date: "2027-03-03",
        statement: "his closest advisers to find another way to pass the budget",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // Another report after a comma and "and", with a subject of its own, ends the first.
    ReportedCase {
        text: "The Chilean president stressed that the reforms were not complete, and rights groups warned that the army still held great power.\n",
        date: "2027-03-03",
        statement: "the reforms were not complete",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // ", but Mrs. Ruiz would ...": a clause with a named subject of its own ends the content.
    ReportedCase {
        text: "The Chilean president called for cutting the port fees by a third in a plan backed by unions, but Mrs. Ruiz would keep them as they are.\n",
        date: "2027-03-03",
        statement: "cutting the port fees by a third in a plan backed by unions",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // An adverb between a speaker set inside the clause and its cue.
    ReportedCase {
        text: "The drought, the Chilean president often says, is the gravest threat the valleys face.\n",
        date: "2027-03-03",
        statement: "The drought … is the gravest threat the valleys face",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // A participle after a report noun, behind a dateline.
    ReportedCase {
        text: "SANTIAGO, March 3 (Wire) - Chile's foreign ministry issued a statement saying it had lodged a protest with its neighbour.\n",
        date: "2027-03-03",
        statement: "it had lodged a protest with its neighbour",
        speaker: "Chilean foreign ministry",
        governments: &["CHL"],
    },
    // A prepositional aside between the subject and the cue.
    ReportedCase {
        text: "The Chilean president, in an interview with a local broadcaster, said the region had to be ready to defend itself.\n",
        date: "2027-03-03",
        statement: "the region had to be ready to defend itself",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // A report in a relative clause ends where the main verb comes back.
    ReportedCase {
        text: "The Chilean presidential office, which said on Friday that it would send an envoy, declined to give details.\n",
        date: "2027-03-03",
        statement: "it would send an envoy",
        speaker: "Chilean presidential office",
        governments: &["CHL"],
    },
    // A describing noun phrase after the clause is the reporter's.
    ReportedCase {
        text: "The Chilean navy said its ships had repelled the boarding, an account that could not be checked.\n",
        date: "2027-03-03",
        statement: "its ships had repelled the boarding",
        speaker: "Chilean navy",
        governments: &["CHL"],
    },
    // A report with its own speaker, read in a source: the speaker inside speaks.
    ReportedCase {
        text: "The Chilean foreign minister said Santiago would not stand idly by, according to a statement from the ministry.\n",
        date: "2027-03-03",
        statement: "Santiago would not stand idly by",
        speaker: "Chilean foreign minister",
        governments: &["CHL"],
    },
    // "assured X that", "reminded X that": the clause after the audience.
    ReportedCase {
        text: "The Chilean president assured the visiting minister that Santiago would protect foreign workers.\n",
        date: "2027-03-03",
        statement: "Santiago would protect foreign workers",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // The speaker's own participle after an attribution set inside the clause.
    ReportedCase {
        text: "Officials from both sides would meet next month, a Chilean official said, speaking on condition of anonymity because he was not allowed to brief the press.\n",
        date: "2027-03-03",
        statement: "Officials from both sides would meet next month",
        speaker: "Chilean official",
        governments: &["CHL"],
    },
    // Another body of the same kind is not part of the one before: "the agriculture
    // ministry" after "the foreign ministry" is a ministry of its own.
    ReportedCase {
        text: "Peru's foreign ministry said its position had not changed.\n\nCopper exports to Chile fell by a third last year, the agriculture ministry said.\n",
        date: "2027-03-03",
        statement: "Copper exports to Chile fell by a third last year",
        speaker: "Peruvian agriculture ministry",
        governments: &["PER"],
    },
    // ", adding that ..." after a trailing attribution: the subject of the cue before.
    ReportedCase {
        text: "Peru did not complain when Chile's spending helped growth, a Chilean official said, adding that the cost of the closures was hard to estimate.\n",
        date: "2027-03-03",
        statement: "the cost of the closures was hard to estimate",
        speaker: "Chilean official",
        governments: &["CHL"],
    },
    // A reporting verb inside a clause read from a source is no report of its own.
    ReportedCase {
        text: "According to the Chilean government, the country had admitted more than a million migrants by last year.\n",
        date: "2027-03-03",
        statement: "the country had admitted more than a million migrants by last year",
        speaker: "Chilean government",
        governments: &["CHL"],
    },
    // Abbreviated titles ("PM", "EAM") before a registry name.
    ReportedCase {
        text: "NEW DELHI: PM Modi said India would host the water talks in the autumn.\n",
        date: "2024-05-10",
        statement: "India would host the water talks in the autumn",
        speaker: "Narendra Modi",
        governments: &["IND"],
    },
    ReportedCase {
        text: "EAM Jaishankar said the border talks had made some progress.\n",
        date: "2024-05-10",
        statement: "the border talks had made some progress",
        speaker: "Subrahmanyam Jaishankar",
        governments: &["IND"],
    },
    // An institution's name after a country's possessive is that country's office.
    ReportedCase {
        text: "Pakistan's Foreign Office said Islamabad had not been told of the flights.\n",
        date: "2024-05-10",
        statement: "Islamabad had not been told of the flights",
        speaker: "Pakistani Foreign Office",
        governments: &["PAK"],
    },
    // ", while X said ...": a contrast after a comma is a report of its own.
    ReportedCase {
        text: "The Chilean foreign ministry said the visit was a provocation, while Peru's presidential office said the trip was routine.\n",
        date: "2027-03-03",
        statement: "the trip was routine",
        speaker: "Peruvian presidential office",
        governments: &["PER"],
    },
    // A plural description never points back to one person who spoke before.
    ReportedCase {
        text: "Chile's top government spokesman said Santiago was watching closely.\n\nGovernment officials said the cabinet would approve the plan next week.\n",
        date: "2027-03-03",
        statement: "the cabinet would approve the plan next week",
        speaker: "Government officials",
        governments: &["CHL"],
    },
    // "said in remarks carried by state media that ...": a participle in the adverbial
    // before "that" is no clause of its own.
    ReportedCase {
        text: "The Chilean defence minister said in remarks carried by state media that the army was ready.\n",
        date: "2027-03-03",
        statement: "the army was ready",
        speaker: "Chilean defence minister",
        governments: &["CHL"],
    },
    // A relative clause between the subject and the cue.
    ReportedCase {
        text: "The Chilean president, who is visiting Lima, told reporters the two countries would sign a fishing pact.\n",
        date: "2027-03-03",
        statement: "the two countries would sign a fishing pact",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // A negated infinitive.
    ReportedCase {
        text: "Chile has since vowed not to put its fishing quotas on the negotiating table.\n",
        date: "2027-03-03",
        statement: "not to put its fishing quotas on the negotiating table",
        speaker: "Chilean government",
        governments: &["CHL"],
    },
    // A past report in a clause of time reports what was said; the clause ends at its comma.
    ReportedCase {
        text: "This comes after Chilean police said the protesters inside the campus had no choice but to leave.\n",
        date: "2027-03-03",
        statement: "the protesters inside the campus had no choice but to leave",
        speaker: "Chilean police",
        governments: &["CHL"],
    },
    ReportedCase {
        text: "When the Chilean president announced the prisoner exchange last week, he said Santiago had ensured the freed men would not return to the front.\n",
        date: "2027-03-03",
        statement: "Santiago had ensured the freed men would not return to the front",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // A quotation ending its sentence inside the marks ends it for the report after it.
    ReportedCase {
        text: "The Chilean president said the two countries had \"more that unites us than divides us.\" He added that he would call his Peruvian counterpart next week.\n",
        date: "2027-03-03",
        statement: "he would call his Peruvian counterpart next week",
        speaker: "Chilean president",
        governments: &["CHL"],
    },
    // "the defence minister" after "the foreign minister": another office, another person.
    ReportedCase {
        text: "Chile's foreign minister said the port would reopen next week.\n\nThe defence minister said the navy would escort the first ships into the bay.\n",
        date: "2027-03-03",
        statement: "the navy would escort the first ships into the bay",
        speaker: "defence minister",
        governments: &["CHL"],
    },
    // An instruction ends before a clause of time or cause with a subject and verb of its
    // own; a gerund after "while" is still the pledge.
    ReportedCase {
        text: "Last month the Chilean police warned port officials to tighten security after thieves raided two warehouses.\n",
        date: "2027-03-03",
        statement: "port officials to tighten security",
        speaker: "Chilean police",
        governments: &["CHL"],
    },
    ReportedCase {
        text: "The Chilean foreign ministry vowed to show restraint while guarding its claimed islands in the south.\n",
        date: "2027-03-03",
        statement: "to show restraint while guarding its claimed islands in the south",
        speaker: "Chilean foreign ministry",
        governments: &["CHL"],
    },
    // A clause whose plain present verb the rules cannot tell, after a verb that reports a
    // clause.
    ReportedCase {
        text: "Chile, for its part, has insisted the southern islands belong to Santiago.\n",
        date: "2027-03-03",
        statement: "the southern islands belong to Santiago",
        speaker: "Chilean government",
        governments: &["CHL"],
    },
    // A body never points back to one person of it; "revealed that" reports.
    ReportedCase {
        text: "Chilean police officer Ana Ruiz said she had feared for her life during the stop.\n\nThe police department revealed on Tuesday that traces of a drug were found in the car.\n",
        date: "2027-03-03",
        statement: "traces of a drug were found in the car",
        speaker: "Chilean police department",
        governments: &["CHL"],
    },
    // "the two sides" after a joint subject of two governments.
    ReportedCase {
        text: "Chilean and Peruvian officials held talks in Lima on Friday on the fishing dispute.\n\nThe two sides said they would meet again in the coming months.\n",
        date: "2027-03-03",
        statement: "they would meet again in the coming months",
        speaker: "Chilean and Peruvian officials",
        governments: &["CHL", "PER"],
    },
    // "welcomed X but warned that ...": the skip to "that" never crosses another verb.
    ReportedCase {
        text: "The Chilean trade minister welcomed the outcome of the summit but warned that disputes over copper could flare again.\n",
        date: "2027-03-03",
        statement: "disputes over copper could flare again",
        speaker: "Chilean trade minister",
        governments: &["CHL"],
    },
    // An official never points back to a voice of no government ("official news agency").
    ReportedCase {
        text: "Chilean officials said Santiago had pressed Lima to buy more fruit, according to the official news agency of Peru's rival.\n\nChilean officials said Lima had agreed to talk. One official said the government expected a deal within weeks.\n",
        date: "2027-03-03",
        statement: "the government expected a deal within weeks",
        speaker: "One official",
        governments: &["CHL"],
    },
    // A noun phrase that sums up the clause after it (", a move ...").
    ReportedCase {
        text: "Chile said it would extend a pause on some export curbs, a move Peruvian officials welcomed cautiously.\n",
        date: "2027-03-03",
        statement: "it would extend a pause on some export curbs",
        speaker: "Chilean government",
        governments: &["CHL"],
    },
    // "Her office said ...": the office of the official the pronoun points to.
    ReportedCase {
        text: "Chilean Foreign Minister Ana Ruiz said she had raised the fishing dispute with her Peruvian counterpart.\n\nHer office later said the talks had lasted about an hour.\n",
        date: "2027-03-03",
        statement: "the talks had lasted about an hour",
        speaker: "Ana Ruiz's office",
        governments: &["CHL"],
    },
    // "with X saying such steps complicate ...": a quantifier opens the clause's subject.
    ReportedCase {
        text: "Chile lodged a protest over the new map, with Chilean foreign ministry spokesperson Ana Ruiz saying such steps only complicate the border talks.\n",
        date: "2027-03-03",
        statement: "such steps only complicate the border talks",
        speaker: "Ana Ruiz",
        governments: &["CHL"],
    },
    // A cue coordinated with an earlier verb shares its subject.
    ReportedCase {
        text: "Chilean authorities announced the arrest of a man after a clash between fishermen and police and said the port would stay shut.\n",
        date: "2027-03-03",
        statement: "the port would stay shut",
        speaker: "Chilean authorities",
        governments: &["CHL"],
    },
    // "and Ana agreed": a subject of its own inside the clause is no second cue.
    ReportedCase {
        text: "The Chilean foreign ministry said Ana Ruiz and Lin Wei agreed to meet again in the spring.\n",
        date: "2027-03-03",
        statement: "Ana Ruiz and Lin Wei agreed to meet again in the spring",
        speaker: "Chilean foreign ministry",
        governments: &["CHL"],
    },
    // The speaker after the cue set off at the end: "<clause>, said X, <apposition>."
    ReportedCase {
        text: "The harvest would fall by a third this year, said Ana Ruiz, the Chilean agriculture minister, who visited the valley on Monday.\n",
        date: "2027-03-03",
        statement: "The harvest would fall by a third this year",
        speaker: "Ana Ruiz",
        governments: &["CHL"],
    },
    // "told <audience> <clause>": the audience ends where the clause's own subject starts.
    ReportedCase {
        text: "A senior Chilean official told reporters the government was weighing new port fees.\n",
        date: "2027-03-03",
        statement: "the government was weighing new port fees",
        speaker: "senior Chilean official",
        governments: &["CHL"],
    },
    ReportedCase {
        text: "Xi told Biden Taiwan was the gravest risk to their ties.\n",
        date: "2024-05-10",
        statement: "Taiwan was the gravest risk to their ties",
        speaker: "Xi Jinping",
        governments: &["CHN"],
    },
    // Two clauses, the second after "and that": one content, both clauses.
    ReportedCase {
        text: "The Chilean foreign minister said the meeting had been useful and that both sides would meet again in August.\n",
        date: "2027-03-03",
        statement: "the meeting had been useful and that both sides would meet again in August",
        speaker: "Chilean foreign minister",
        governments: &["CHL"],
    },
    // A long adverbial of place and time after a trailing cue.
    ReportedCase {
        text: "The talks would resume next month, the Chilean foreign ministry said in a statement posted on its website late on Thursday.\n",
        date: "2027-03-03",
        statement: "The talks would resume next month",
        speaker: "Chilean foreign ministry",
        governments: &["CHL"],
    },
    // "according to X" closing the first of two clauses, and after a dateline.
    ReportedCase {
        text: "Copper exports rose by a tenth in April, according to the Chilean finance ministry, and imports fell for a third month.\n",
        date: "2027-03-03",
        statement: "Copper exports rose by a tenth in April",
        speaker: "Chilean finance ministry",
        governments: &["CHL"],
    },
    ReportedCase {
        text: "SANTIAGO, March 3 (Wire) - The export ban would take effect next month, according to a statement from the Chilean mining ministry.\n",
        date: "2027-03-03",
        statement: "The export ban would take effect next month",
        speaker: "Chilean mining ministry",
        governments: &["CHL"],
    },
    // "according to X" set inside the clause, and after an adverbial opening.
    ReportedCase {
        text: "The new export ban, according to the Chilean mining ministry, would take effect in June.\n",
        date: "2027-03-03",
        statement: "The new export ban … would take effect in June",
        speaker: "Chilean mining ministry",
        governments: &["CHL"],
    },
    ReportedCase {
        text: "In April, according to the Chilean mining ministry, copper exports rose sharply.\n",
        date: "2027-03-03",
        statement: "copper exports rose sharply",
        speaker: "Chilean mining ministry",
        governments: &["CHL"],
    },
    // "urged restraint": an object cue with a noun phrase and no preposition.
    ReportedCase {
        text: "The Chilean defence minister urged restraint on all sides of the dispute.\n",
        date: "2027-03-03",
        statement: "restraint on all sides of the dispute",
        speaker: "Chilean defence minister",
        governments: &["CHL"],
    },
    // "posted on <platform> that ...".
    ReportedCase {
        text: "The Chilean foreign minister posted on social media that Santiago stood with its neighbours.\n",
        date: "2027-03-03",
        statement: "Santiago stood with its neighbours",
        speaker: "Chilean foreign minister",
        governments: &["CHL"],
    },
];

#[test]
fn officials_reported_speech_shapes() {
    for case in REPORTED_CASES {
        let (article, statements) = extract_on(case.text, Some(case.date));
        let indirect: Vec<&Statement> = statements
            .iter()
            .filter(|s| s.kind == StatementKind::Indirect)
            .collect();
        let s = indirect
            .iter()
            .find(|s| s.text(&article.text) == case.statement)
            .unwrap_or_else(|| {
                let got: Vec<_> = indirect.iter().map(|s| s.text(&article.text)).collect();
                panic!("{:?}: want {:?}, got {got:?}", case.text, case.statement)
            });
        assert_eq!(s.speaker.as_deref(), Some(case.speaker), "{}", case.text);
        assert_eq!(s.governments, case.governments, "{}", case.text);
        // No second statement swallows the speaker set off after the clause.
        assert!(
            indirect
                .iter()
                .all(|o| !o.text(&article.text).contains(" told reporters")),
            "{}",
            case.text
        );
    }
}

#[test]
fn offices_are_found_by_kind_and_held_on_the_date() {
    // (sentence, date, speaker, governments)
    let cases: &[(&str, &str, &str, &[&str])] = &[
        // Registry offices written otherwise than the description.
        (
            "The British defence secretary said the frigate would sail for the Gulf next week.\n",
            "2021-05-01",
            "Ben Wallace",
            &["GBR"],
        ),
        (
            "The German president said the anniversary would be marked quietly this year.\n",
            "2020-06-01",
            "Frank-Walter Steinmeier",
            &["DEU"],
        ),
        (
            "The French armed forces minister said the drills would go ahead as planned.\n",
            "2019-04-01",
            "Florence Parly",
            &["FRA"],
        ),
        // A country's leader is its head of government, not a ceremonial president.
        (
            "The Italian leader said Italy would not send ships to the strait this summer.\n",
            "2024-05-10",
            "Giorgia Meloni",
            &["ITA"],
        ),
        (
            "The Indian leader said India would not accept any outside mediation on the dispute.\n",
            "2024-05-10",
            "Narendra Modi",
            &["IND"],
        ),
    ];
    for (text, date, speaker, governments) in cases {
        let (article, statements) = extract_on(text, Some(date));
        let s = statements
            .iter()
            .find(|s| s.kind == StatementKind::Indirect)
            .unwrap_or_else(|| panic!("{text}: no statement"));
        assert_eq!(s.speaker.as_deref(), Some(*speaker), "{text}");
        assert_eq!(s.governments, *governments, "{text}");
        assert!(!s.text(&article.text).is_empty());
    }
    // Staff of someone out of office on the date speak for no government.
    let (_, statements) = extract_on(
        "A spokeswoman for Olaf Scholz said the trip to the coast had been called off.\n",
        Some("2027-03-03"),
    );
    assert!(statements.iter().all(|s| s.governments.is_empty()));
    // A former president named in a later article is no government's voice.
    let text = "“The treaty was the best we could get,” Nicolas Sarkozy told the students.\n";
    let (article, statements) = extract_on(text, Some("2016-10-01"));
    let quote = find(&article, &statements, "The treaty was the best");
    assert_eq!(quote.group, Group::Other);
    assert!(quote.governments.is_empty());
    assert_eq!(quote.affiliation.as_deref(), Some("former president"));
}

/// Offices and bodies that speak for a state wherever they stand ("police", "the mayor") keep
/// their reported speech when the text never names their country: it is filed as a
/// government voice whose country is unknown. Staff who as often speak for a campaign do not.
#[test]
fn unplaced_state_voices_keep_their_reported_speech() {
    let text = "Crowds gathered downtown after the shooting.\n\n\
        Police said two officers were hurt when stones were thrown near the station on Friday night.\n\n\
        The mayor said the curfew would be lifted once the streets were calm again.\n\n\
        A spokeswoman for Lin Wei said the candidate would not change her schedule this week.\n\n\
        Ana Ruiz, a financial adviser in the town, said most families had no savings at all.\n";
    let (article, statements) = extract_on(text, Some("2027-03-03"));
    let police = find(&article, &statements, "two officers were hurt");
    assert_eq!(police.kind, StatementKind::Indirect);
    assert_eq!(police.speaker.as_deref(), Some("Police"));
    assert!(police.governments.is_empty());
    assert_eq!(
        police.affiliation.as_deref(),
        Some("government (country unknown)")
    );
    let mayor = find(&article, &statements, "the curfew would be lifted");
    assert_eq!(mayor.kind, StatementKind::Indirect);
    assert!(!has(&article, &statements, "would not change her schedule"));
    assert!(!has(&article, &statements, "most families had no savings"));
}

/// Cues that report nothing: a cue right after a quote is the quote's, a modal makes the act
/// a possibility, and a relative clause's verb has the noun before it as subject.
#[test]
fn quote_cues_modals_and_relative_clauses_report_nothing() {
    let text = "Port dispute\n\n\
        The Chilean foreign ministry said on Monday that the port would reopen within the week.\n\n\
        \u{201c}It is a matter of days,\u{201d} said Ana Ruiz, a trader whom the ministry hired to run the port last year.\n\n\
        If the talks failed, the Chilean government could deny the ships entry until the fees were paid.\n\n\
        The Chilean president unveiled new rules that promise to cut the fees by half over two years.\n\n\
        Lin Wei, a researcher at a university in the capital, said the Chilean navy should patrol the strait.\n\n\
        If the Chilean government says the port is safe, the ships will return.\n\n\
        The Chilean president likes surprises, as he showed last year by announcing the release of a jailed banker.\n\n\
        Crowds gathered at the port, with senior officials underlining the navy's strength and vowing to keep the lanes open.\n\n\
        The drought has alarmed the government so much that it has moved its ministers and, according to officials, adopted a new water plan.\n";
    let (article, statements) = extract_on(text, Some("2027-03-03"));
    let indirect: Vec<String> = statements
        .iter()
        .filter(|s| s.kind == StatementKind::Indirect)
        .map(|s| s.text(&article.text).into_owned())
        .collect();
    assert_eq!(
        indirect,
        ["the port would reopen within the week"],
        "{indirect:?}"
    );
}

/// "<clause>, Mr. Lee said.": the honorific belongs to the speaker set off after the clause;
/// a dash inside a sentence sets off an aside, not a dateline.
#[test]
fn trailing_speakers_with_an_honorific_and_asides_between_dashes() {
    let (article, statements) = extract_on(
        "The new port would open to ships from every country, Mr. Macron said on Friday.\n",
        Some("2020-06-01"),
    );
    let s = find(&article, &statements, "The new port would open");
    assert_eq!(s.kind, StatementKind::Indirect);
    assert_eq!(
        s.text(&article.text),
        "The new port would open to ships from every country"
    );
    assert_eq!(s.governments, ["FRA"]);
    let (article, statements) = extract_on(
        "The officer who fired the shot - Ana Ruiz, who is now on leave - wore no camera, the Chilean police said.\n",
        Some("2027-03-03"),
    );
    let s = find(&article, &statements, "wore no camera");
    assert!(s.text(&article.text).starts_with("The officer who fired"));
}

/// A capitalised word right after an honorific is a surname, whatever office it also names:
/// "Mr. King" is no monarch and speaks for no government.
#[test]
fn a_role_word_after_an_honorific_is_a_surname() {
    let text = "Lin Wei and Ana Ruiz host a nightly show on the network.\n\n\
        Both Mr. King and Ms. Ruiz say the network's managers have never told them what to say.\n\n\
        \u{201c}Nobody edits us,\u{201d} Mr. King said.\n";
    let (article, statements) = extract_on(text, Some("2027-03-03"));
    assert!(
        statements
            .iter()
            .all(|s| s.governments.is_empty() && s.group != Group::Government),
        "{:?}",
        statements
            .iter()
            .map(|s| (s.text(&article.text).into_owned(), s.group))
            .collect::<Vec<_>>()
    );
    let quote = find(&article, &statements, "Nobody edits us");
    assert!(
        quote
            .speaker
            .as_deref()
            .is_some_and(|s| s.split_whitespace().any(|w| w == "King")),
        "{:?}",
        quote.speaker
    );
}
