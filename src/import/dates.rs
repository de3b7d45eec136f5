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
