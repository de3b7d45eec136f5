//! Dates as research desks write them: ISO (`2025-12-02`, `2025-12`, `2025`, a window
//! `2025-08-15/2025-10-21`) and the written forms `December 2, 2025`, `2 December 2025`,
//! `Dec 2025`. Pure. Ambiguous numeric forms (`02/12/2025`) are refused, not guessed.

use crate::model::{Date, EventDate};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month by its name or an abbreviation of at least three letters ("Sept." too).
fn month(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    let word = if word == "sept" {
        "sep".to_owned()
    } else {
        word
    };
    MONTHS
        .iter()
        .position(|m| m.starts_with(&word))
        .and_then(|i| u8::try_from(i + 1).ok())
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

fn day(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (1..=2)
        .contains(&digits.len())
        .then(|| digits.parse().ok())
        .flatten()
}

/// A written or ISO date, or why not.
pub fn parse(text: &str) -> Result<EventDate, String> {
    let text = text.trim();
    match EventDate::parse(text) {
        Ok(date) => return Ok(date),
        // Written as ISO but impossible ("2025-02-30"): say what is wrong with it.
        Err(e)
            if text.get(..5).is_some_and(|y| {
                y.ends_with('-') && y[..4].bytes().all(|b| b.is_ascii_digit())
            }) =>
        {
            return Err(e.to_string());
        }
        Err(_) => {}
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let checked = |y: i32, m: u8, d: u8| {
        Date::new(y, m, d)
            .map(EventDate::Day)
            .ok_or_else(|| format!("invalid date \"{text}\": no such day in the calendar"))
    };
    if let [a, b, c] = words.as_slice() {
        if let (Some(m), Some(d), Some(y)) = (month(a), day(b), year(c)) {
            return checked(y, m, d);
        }
        if let (Some(d), Some(m), Some(y)) = (day(a), month(b), year(c)) {
            return checked(y, m, d);
        }
    }
    if let [a, b] = words.as_slice()
        && let (Some(m), Some(y)) = (month(a), year(b))
    {
        return Ok(EventDate::Month(y, m));
    }
    if text.contains('/') || text.contains('.') {
        Err(format!(
            "cannot read the date \"{text}\": write it as YYYY-MM-DD, which cannot be misread as day/month or month/day"
        ))
    } else {
        Err(format!(
            "cannot read the date \"{text}\": expected YYYY-MM-DD, YYYY-MM, YYYY, a window YYYY-MM-DD/YYYY-MM-DD, or e.g. \"2 December 2025\""
        ))
    }
}

/// The dates written inside a sentence or headline: "on 14 October 2025", "(November 2,
/// 2025)", "in July 2025", "2025-11-14", each with its byte range in `text`, in order. A
/// year alone ("since 2018") is not taken: in running text it is rarely the event's date.
pub fn find(text: &str) -> Vec<(std::ops::Range<usize>, EventDate)> {
    // Words with their byte ranges, without the punctuation around them.
    let mut tokens: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (false, None) => start = Some(i),
            (true, Some(s)) => {
                let word = &text[s..i];
                let trimmed = word.trim_start_matches(|c: char| !c.is_alphanumeric());
                let offset = s + word.len() - trimmed.len();
                let trimmed = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric());
                if !trimmed.is_empty() {
                    tokens.push((offset, trimmed));
                }
                start = None;
            }
            _ => {}
        }
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(from, first)) = tokens.get(i) {
        let end = |n: usize| tokens.get(i + n - 1).map_or(from, |(at, w)| at + w.len());
        let phrase = |n: usize| {
            tokens
                .get(i..i + n)
                .map(|ws| ws.iter().map(|(_, w)| *w).collect::<Vec<_>>().join(" "))
        };
        let day = phrase(3).filter(|p| p.split(' ').any(|w| month(w).is_some() && capitalised(w)));
        if let Some(Ok(date @ EventDate::Day(_))) = day.as_deref().map(parse) {
            out.push((from..end(3), date));
            i += 3;
            continue;
        }
        let month_year = phrase(2).filter(|_| capitalised(first) && month(first).is_some());
        if let Some(Ok(date @ EventDate::Month(..))) = month_year.as_deref().map(parse) {
            out.push((from..end(2), date));
            i += 2;
            continue;
        }
        let iso = first.len() >= 7
            && first.as_bytes().get(4) == Some(&b'-')
            && first
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'-' || b == b'/');
        if iso && let Ok(date) = EventDate::parse(first) {
            out.push((from..end(1), date));
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_and_iso_forms_are_read() {
        for (text, iso) in [
            ("2025-12-02", "2025-12-02"),
            ("July 27, 1953", "1953-07-27"),
            ("27 July 1953", "1953-07-27"),
            ("Dec. 2, 2025", "2025-12-02"),
            ("2nd December 2025", "2025-12-02"),
            ("Sept 2025", "2025-09"),
            ("2025-08-15/2025-10-21", "2025-08-15/2025-10-21"),
        ] {
            assert_eq!(parse(text).unwrap().to_string(), iso, "{text}");
        }
    }

    #[test]
    fn dates_in_running_text_are_found_and_years_alone_are_not() {
        let found =
            |text: &str| -> Vec<String> { find(text).iter().map(|(_, d)| d.to_string()).collect() };
        assert_eq!(
            found("On 14 October 2025, storage fell; since 2018 it has dropped."),
            ["2025-10-14"]
        );
        assert_eq!(found("Deal signed (November 2, 2025)"), ["2025-11-02"]);
        assert_eq!(
            found("Officials meet on Dec. 3, 2025 to align"),
            ["2025-12-03"]
        );
        assert_eq!(
            found("Basra protests in July 2025 and 2025-08-01"),
            ["2025-07", "2025-08-01"]
        );
        assert!(found("Talks may 2025 resume on 3 of 12 points").is_empty());
        let text = "Signed (November 2, 2025)";
        let (range, _) = &find(text)[0];
        assert_eq!(&text[range.clone()], "November 2, 2025");
    }

    #[test]
    fn ambiguous_and_impossible_dates_are_refused() {
        assert!(parse("02/12/2025").unwrap_err().contains("YYYY-MM-DD"));
        assert!(
            parse("February 30, 2025")
                .unwrap_err()
                .contains("no such day")
        );
        assert!(parse("soon").is_err());
    }
}
