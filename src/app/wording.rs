//! Counted nouns for notices, the status bar and the library ("1 article", "2 articles").

/// `n` followed by `singular` when `n` is 1, else by `plural`.
#[must_use]
pub fn counted(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("{n} {singular}")
    } else {
        format!("{n} {plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(counted(1, "article", "articles"), "1 article");
        assert_eq!(counted(0, "article", "articles"), "0 articles");
        assert_eq!(counted(2, "statement", "statements"), "2 statements");
        assert_eq!(counted(1, "phrase", "phrases"), "1 phrase");
    }
}
