//! Calendar dates as they appear in dossiers and briefs.
//!
//! A [`Date`] is one day (`2025-12-02`). An [`EventDate`] is what a timeline event may be
//! pinned to: a day, a month (`2025-12`), a year (`2025`) or an ISO 8601 interval of days
//! (`2025-08-15/2025-10-21`) when only a window is known. Both are written as strings in YAML.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_LONG: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    /// The year, e.g. 2025.
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the length of the month.
    pub day: u8,
}

impl Date {
    /// A checked date: `None` unless the day exists in the calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// The first day of a month.
    fn month_start(year: i32, month: u8) -> Date {
        Date {
            year,
            month,
            day: 1,
        }
    }

    /// The last day of a month.
    fn month_end(year: i32, month: u8) -> Date {
        Date {
            year,
            month,
            day: days_in_month(year, month),
        }
    }

    /// "2 Dec 2025", the form printed in tables.
    pub fn display_short(self) -> String {
        format!("{} {} {}", self.day, month_abbr(self.month), self.year)
    }

    /// "2 December 2025", the form printed in running text.
    pub fn display_long(self) -> String {
        format!("{} {} {}", self.day, month_name(self.month), self.year)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let text = text.trim();
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(DateError::new(text, "expected a date as YYYY-MM-DD"));
        };
        let (year, month, day) = (
            number(text, y, 4)?,
            number(text, m, 2)?,
            number(text, d, 2)?,
        );
        let (Ok(month), Ok(day)) = (u8::try_from(month), u8::try_from(day)) else {
            return Err(DateError::new(text, "month or day out of range"));
        };
        Date::new(year, month, day)
            .ok_or_else(|| DateError::new(text, "no such day in the calendar"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Date::parse(&text)
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.to_string()
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A calendar day, YYYY-MM-DD",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

/// When a timeline event happened, as precisely as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum EventDate {
    /// A known day.
    Day(Date),
    /// A known month: year, month.
    Month(i32, u8),
    /// A known year.
    Year(i32),
    /// A window of days, first and last, inclusive.
    Range(Date, Date),
}

impl EventDate {
    /// The first day the event may have happened on.
    pub fn first_day(self) -> Date {
        match self {
            EventDate::Day(d) => d,
            EventDate::Month(y, m) => Date::month_start(y, m),
            EventDate::Year(y) => Date::month_start(y, 1),
            EventDate::Range(a, _) => a,
        }
    }

    /// The last day the event may have happened on.
    pub fn last_day(self) -> Date {
        match self {
            EventDate::Day(d) => d,
            EventDate::Month(y, m) => Date::month_end(y, m),
            EventDate::Year(y) => Date::month_end(y, 12),
            EventDate::Range(_, b) => b,
        }
    }

    /// Orders events: by first possible day, then the more precise first.
    pub fn sort_key(self) -> (Date, Date) {
        (self.first_day(), self.last_day())
    }

    /// The form printed in tables: "2 Dec 2025", "Dec 2025", "2025", "15 Aug – 21 Oct 2025".
    pub fn display_short(self) -> String {
        match self {
            EventDate::Day(d) => d.display_short(),
            EventDate::Month(y, m) => format!("{} {y}", month_abbr(m)),
            EventDate::Year(y) => y.to_string(),
            EventDate::Range(a, b) if a.year == b.year && a.month == b.month => {
                format!(
                    "{}\u{2013}{} {} {}",
                    a.day,
                    b.day,
                    month_abbr(a.month),
                    a.year
                )
            }
            EventDate::Range(a, b) if a.year == b.year => format!(
                "{} {} \u{2013} {} {} {}",
                a.day,
                month_abbr(a.month),
                b.day,
                month_abbr(b.month),
                a.year
            ),
            EventDate::Range(a, b) => {
                format!("{} \u{2013} {}", a.display_short(), b.display_short())
            }
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `YYYY-MM-DD/YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<EventDate, DateError> {
        let text = text.trim();
        if let Some((a, b)) = text.split_once('/') {
            let (a, b) = (Date::parse(a)?, Date::parse(b)?);
            if b < a {
                return Err(DateError::new(text, "the interval ends before it starts"));
            }
            return Ok(EventDate::Range(a, b));
        }
        let parts: Vec<&str> = text.split('-').collect();
        match parts.as_slice() {
            [y] => Ok(EventDate::Year(number(text, y, 4)?)),
            [y, m] => {
                let year = number(text, y, 4)?;
                match u8::try_from(number(text, m, 2)?) {
                    Ok(month) if (1..=12).contains(&month) => Ok(EventDate::Month(year, month)),
                    _ => Err(DateError::new(text, "month out of range")),
                }
            }
            [_, _, _] => Date::parse(text).map(EventDate::Day),
            _ => Err(DateError::new(
                text,
                "expected YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD",
            )),
        }
    }
}

impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventDate::Day(d) => write!(f, "{d}"),
            EventDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            EventDate::Year(y) => write!(f, "{y:04}"),
            EventDate::Range(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl TryFrom<String> for EventDate {
    type Error = DateError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        EventDate::parse(&text)
    }
}

impl From<EventDate> for String {
    fn from(date: EventDate) -> String {
        date.to_string()
    }
}

impl JsonSchema for EventDate {
    fn schema_name() -> Cow<'static, str> {
        "EventDate".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A day (YYYY-MM-DD), a month (YYYY-MM), a year (YYYY) or a window of days (YYYY-MM-DD/YYYY-MM-DD)",
            "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?)?)?$"
        })
    }
}

/// A date that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date \"{text}\": {reason}")]
pub struct DateError {
    text: String,
    reason: &'static str,
}

impl DateError {
    fn new(text: &str, reason: &'static str) -> DateError {
        DateError {
            text: text.chars().take(40).collect(),
            reason,
        }
    }
}

fn number(whole: &str, part: &str, width: usize) -> Result<i32, DateError> {
    if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::new(
            whole,
            "expected digits as YYYY-MM-DD, YYYY-MM or YYYY",
        ));
    }
    part.parse()
        .map_err(|_| DateError::new(whole, "expected a number"))
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_abbr(month: u8) -> &'static str {
    MONTHS
        .get(usize::from(month.saturating_sub(1)))
        .copied()
        .unwrap_or("?")
}

fn month_name(month: u8) -> &'static str {
    MONTHS_LONG
        .get(usize::from(month.saturating_sub(1)))
        .copied()
        .unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_precision() {
        assert_eq!(
            EventDate::parse("2025-12-02").unwrap().display_short(),
            "2 Dec 2025"
        );
        assert_eq!(
            EventDate::parse("2025-12").unwrap().display_short(),
            "Dec 2025"
        );
        assert_eq!(EventDate::parse("2025").unwrap().display_short(), "2025");
        assert_eq!(
            EventDate::parse("2025-08-15/2025-10-21")
                .unwrap()
                .display_short(),
            "15 Aug \u{2013} 21 Oct 2025"
        );
        assert_eq!(
            EventDate::parse("2025-02-08/2025-02-09")
                .unwrap()
                .display_short(),
            "8\u{2013}9 Feb 2025"
        );
    }

    #[test]
    fn round_trips_through_text() {
        for text in ["2025-12-02", "2025-12", "2025", "2025-08-15/2025-10-21"] {
            assert_eq!(EventDate::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for text in [
            "2025-02-29",
            "2025-13-01",
            "2025-00",
            "25-1-1",
            "2025-12-02/2025-12-01",
            "",
            "soon",
        ] {
            assert!(EventDate::parse(text).is_err(), "{text} should not parse");
        }
        assert!(Date::parse("2024-02-29").is_ok());
    }

    #[test]
    fn spans_cover_the_whole_period() {
        let month = EventDate::parse("2024-02").unwrap();
        assert_eq!(month.first_day(), Date::new(2024, 2, 1).unwrap());
        assert_eq!(month.last_day(), Date::new(2024, 2, 29).unwrap());
    }
}
