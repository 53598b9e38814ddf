//! Words shown to the user: counted nouns for notices, the status bar and the library
//! ("1 article", "2 articles"), and evidence in plain words.

/// `n` followed by `singular` when `n` is 1, else by `plural`.
#[must_use]
pub fn counted(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("{n} {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// How a statement was found, in plain words, from the extraction rule's id. The one place
/// that knows the ids; a rule not listed here is shown as it is named.
#[must_use]
pub fn rule_in_words(rule: &str) -> String {
    let words = match rule {
        "quote+cue-after" => "a quotation followed by who said it",
        "quote+cue-before" => "a quotation after who said it",
        "quote+colon-subject" => "a quotation after the speaker and a colon",
        "quote+dash-apposition" => "a quotation with the speaker set off by dashes",
        "quote+byline" => "a quotation in an article by the speaker",
        "quote+previous-speaker" => "a quotation continuing the previous speaker's words",
        "reported+cue-before" => "reported speech after who said it",
        "reported+cue-after" => "reported speech followed by who said it",
        "reported+according-to" => "reported speech with 'according to' the speaker",
        "transcript-turn" => "the speaker's turn in a transcript",
        "quoted-transcript-turn" => "a turn of a transcript quoted in the article",
        "document-statement" => "the text of an official statement or document",
        "added by the user" => "added by you",
        other => other,
    };
    words.to_owned()
}

#[cfg(test)]
mod tests {
    use super::{counted, rule_in_words};

    #[test]
    fn rules_read_as_words() {
        assert_eq!(
            rule_in_words("quote+cue-after"),
            "a quotation followed by who said it"
        );
        assert!(!rule_in_words("reported+according-to").contains('+'));
        assert_eq!(rule_in_words("some-new-rule"), "some-new-rule");
    }

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(counted(1, "article", "articles"), "1 article");
        assert_eq!(counted(0, "article", "articles"), "0 articles");
        assert_eq!(counted(2, "statement", "statements"), "2 statements");
        assert_eq!(counted(1, "phrase", "phrases"), "1 phrase");
    }
}
