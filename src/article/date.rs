//! Finding a calendar date in free text ("November 1, 2025", "Nov. 20, 2019", "2019-11-07",
//! "1 November 2025", "29.06.2019", "2020年7月3日") and writing it as `YYYY-MM-DD`.

use std::ops::Range;

/// English month names and their usual abbreviations, with the month number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// The first date in `s` as `YYYY-MM-DD`. A date needs a year; "Nov. 1" alone is not one.
#[must_use]
pub fn parse_date(s: &str) -> Option<String> {
    find_date(s).map(|(date, _)| date)
}

/// The first date in `s` as `YYYY-MM-DD`, with the byte range it was read from.
#[must_use]
pub fn find_date(s: &str) -> Option<(String, Range<usize>)> {
    let toks = tokenize(s);
    let gap = |a: usize, b: usize| &s[toks[a].end..toks[b].start];
    for i in 0..toks.len() {
        let t = &toks[i];
        // Year first: 2019-11-07, 2019/11/07, 2019.11.07, 2020年7月3日 (also ISO with a time).
        if t.digits && t.text.len() == 4 && i + 2 < toks.len() {
            let (m, d) = (&toks[i + 1], &toks[i + 2]);
            let seps = (gap(i, i + 1), gap(i + 1, i + 2));
            let ok_seps = matches!(seps, ("-", "-") | ("/", "/") | (".", ".") | ("年", "月"));
            if ok_seps && m.digits && d.digits && m.text.len() <= 2 && d.text.len() <= 2 {
                let mut end = d.end;
                if seps.0 == "年" && s[end..].starts_with('日') {
                    end += '日'.len_utf8();
                }
                if let Some(date) = ymd(t.text, num(m.text), num(d.text)) {
                    return Some((date, t.start..end));
                }
            }
        }
        // Day first with dots: 29.06.2019.
        if t.digits && t.text.len() <= 2 && i + 2 < toks.len() {
            let (m, y) = (&toks[i + 1], &toks[i + 2]);
            if (gap(i, i + 1), gap(i + 1, i + 2)) == (".", ".")
                && m.digits
                && m.text.len() <= 2
                && y.digits
                && y.text.len() == 4
                && let Some(date) = ymd(y.text, num(m.text), num(t.text))
            {
                return Some((date, t.start..y.end));
            }
        }
        let Some(month) = month_number(t) else {
            continue;
        };
        // Month first: November 1, 2025 / Nov. 20, 2019 / Nov 1st 2025.
        if let Some(day_i) = (i + 1 < toks.len()).then_some(i + 1) {
            let day = &toks[day_i];
            let mut year_i = day_i + 1;
            if toks
                .get(year_i)
                .is_some_and(|o| is_ordinal(o) && o.start == day.end)
            {
                year_i += 1;
            }
            if let Some(year) = toks.get(year_i)
                && day.digits
                && day.text.len() <= 2
                && short_gap(gap(i, day_i))
                && year.digits
                && year.text.len() == 4
                && short_gap(gap(year_i - 1, year_i))
                && let Some(date) = ymd(year.text, month, num(day.text))
            {
                return Some((date, t.start..year.end));
            }
        }
        // Day first: 1 November 2025 / 1st November 2025.
        if i >= 1 && i + 1 < toks.len() {
            let mut day_i = i - 1;
            if is_ordinal(&toks[day_i]) && day_i >= 1 && toks[day_i - 1].end == toks[day_i].start {
                day_i -= 1;
            }
            let (day, year) = (&toks[day_i], &toks[i + 1]);
            if day.digits
                && day.text.len() <= 2
                && short_gap(gap(i - 1, i))
                && year.digits
                && year.text.len() == 4
                && short_gap(gap(i, i + 1))
                && let Some(date) = ymd(year.text, month, num(day.text))
            {
                return Some((date, day.start..year.end));
            }
        }
    }
    None
}

/// True when `line` is essentially just a date, with at most a few words around it
/// ("Sunday, February 25, 2024", "Updated 10:30 a.m. Nov. 20, 2019", "Publication date: ...").
#[must_use]
pub fn is_date_line(line: &str) -> bool {
    // A date holds at most three alphabetic words ("Nov", "1st"; "年 月 日"), so a line of
    // more words than that and the three allowed around it is no date line, and a long
    // paragraph is not searched for one.
    let words_in_line = line
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS_AROUND_DATE + MAX_WORDS_IN_DATE + 1)
        .count();
    if words_in_line > MAX_WORDS_AROUND_DATE + MAX_WORDS_IN_DATE {
        return false;
    }
    let Some((_, range)) = find_date(line) else {
        return false;
    };
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    let words = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .count();
    words <= MAX_WORDS_AROUND_DATE && !rest.chars().any(is_cjk)
}

/// Words a date line may have besides its date ("Updated", "Publication date").
const MAX_WORDS_AROUND_DATE: usize = 3;

/// The most alphabetic words [`find_date`] takes into a date: a month and an ordinal suffix
/// ("Nov. 1st"), or the three characters of a CJK date.
const MAX_WORDS_IN_DATE: usize = 3;

/// Han, kana and Hangul: scripts written without spaces, where one character is a word.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

struct Tok<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    digits: bool,
}

/// Runs of ASCII digits and runs of ASCII letters; everything else separates.
fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let class = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_ascii_alphabetic() {
            Some(false)
        } else {
            None
        };
        if let Some((from, digits)) = start
            && class != Some(digits)
        {
            out.push(Tok {
                text: &s[from..i],
                start: from,
                end: i,
                digits,
            });
            start = None;
        }
        if start.is_none() {
            start = class.map(|d| (i, d));
        }
    }
    out
}

fn month_number(t: &Tok<'_>) -> Option<u32> {
    if t.digits {
        return None;
    }
    let lower = t.text.to_ascii_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|(_, n)| *n)
}

fn is_ordinal(t: &Tok<'_>) -> bool {
    !t.digits
        && matches!(
            t.text.to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        )
}

/// Between the parts of a written date: spaces, a dot, a comma (at most three characters).
fn short_gap(gap: &str) -> bool {
    gap.chars().count() <= 3 && gap.chars().all(|c| matches!(c, ' ' | '.' | ',' | '\u{a0}'))
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

/// `YYYY-MM-DD` of a real date between the years 1800 and 2200 (29 February only in leap
/// years), else `None`.
pub(crate) fn ymd(year: &str, month: u32, day: u32) -> Option<String> {
    let y: u32 = year.parse().ok()?;
    let leap = y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
    let max_day = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1800..=2200).contains(&y) && (1..=max_day).contains(&day))
        .then(|| format!("{y:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates() {
        for (input, want) in [
            ("November 1, 2025", "2025-11-01"),
            ("Updated 10:30 a.m. Nov. 20, 2019", "2019-11-20"),
            ("Sunday, February 25, 2024", "2024-02-25"),
            ("NOVEMBER 2, 2020", "2020-11-02"),
            ("1 November 2025", "2025-11-01"),
            ("on the 3rd March 2021 it", "2021-03-03"),
            ("Sept. 9th, 2001", "2001-09-09"),
            ("2019-11-07", "2019-11-07"),
            ("2025-11-01T02:05:44Z", "2025-11-01"),
            ("29.06.2019", "2019-06-29"),
            ("2020年7月3日外交部", "2020-07-03"),
            ("Press Conference on June 22, 2020", "2020-06-22"),
        ] {
            assert_eq!(parse_date(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn not_dates() {
        for input in [
            "Nov. 1 (Yonhap)",
            "We may 5 times 2019",
            "February 30, 2020",
            "February 29, 2023",
            "in 2019 and 2020",
            "12:57 P.M. CEST",
        ] {
            assert_eq!(parse_date(input), None, "{input}");
        }
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("June 29, 2019"));
        assert!(is_date_line("Sunday, February 25, 2024"));
        assert!(!is_date_line(
            "2020年7月3日外交部发言人赵立坚主持例行记者会"
        ));
        assert!(!is_date_line("The talks on June 29, 2019 went well."));
    }
}
