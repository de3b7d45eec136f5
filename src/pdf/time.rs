//! The creation date written into the PDF. Shells call [`Timestamp::now`]; tests pass a fixed
//! one so their output does not change from run to run.

use std::time::{SystemTime, UNIX_EPOCH};

/// A moment in UTC, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// The year, e.g. 2025.
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    /// 0 to 59.
    pub second: u8,
}

impl Timestamp {
    /// The current time from the system clock. A clock set before 1970 gives 1970-01-01.
    pub fn now() -> Timestamp {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        Timestamp::from_unix_seconds(seconds)
    }

    /// The moment `seconds` after 1970-01-01 00:00:00 UTC; years past 9999 give 9999-12-31.
    pub fn from_unix_seconds(seconds: u64) -> Timestamp {
        let days = seconds / 86_400;
        let of_day = seconds % 86_400;
        let (year, month, day) = civil_from_days(days);
        let Ok(year) = u16::try_from(year) else {
            return Timestamp::LAST;
        };
        if year > 9999 {
            return Timestamp::LAST;
        }
        // Each value is below 24, 60 or 60, so the casts cannot truncate.
        Timestamp {
            year,
            month,
            day,
            hour: (of_day / 3600) as u8,
            minute: (of_day / 60 % 60) as u8,
            second: (of_day % 60) as u8,
        }
    }

    /// The latest date a PDF can hold.
    const LAST: Timestamp = Timestamp {
        year: 9999,
        month: 12,
        day: 31,
        hour: 23,
        minute: 59,
        second: 59,
    };

    /// ISO 8601 in UTC, to the second: `2025-12-02T14:05:00Z`, as a brief's `last_export`
    /// records it.
    pub fn iso(self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }

    /// As krilla's date, marked as UTC so readers do not take it for local time.
    pub(crate) fn to_krilla(self) -> krilla::metadata::DateTime {
        krilla::metadata::DateTime::new(self.year)
            .month(self.month)
            .day(self.day)
            .hour(self.hour)
            .minute(self.minute)
            .second(self.second)
            .utc_offset_hour(0)
            .utc_offset_minute(0)
    }
}

/// Year, month (1–12) and day (1–31) of the day `days` after 1970-01-01, in the proleptic
/// Gregorian calendar (Howard Hinnant's `civil_from_days`, for days on or after the epoch).
pub fn civil_from_days(days: u64) -> (u64, u8, u8) {
    // Shift the epoch to 0000-03-01, so that leap days fall at the end of a year.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // 0 = March
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    // Day is 1..=31 and month 1..=12, so the casts cannot truncate.
    (year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(11_017), (2000, 3, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(20_088), (2024, 12, 31));
    }

    #[test]
    fn seconds_become_a_timestamp() {
        // 2025-06-30 13:45:07 UTC.
        let t = Timestamp::from_unix_seconds(1_751_291_107);
        assert_eq!(
            t,
            Timestamp {
                year: 2025,
                month: 6,
                day: 30,
                hour: 13,
                minute: 45,
                second: 7
            }
        );
        assert_eq!(Timestamp::from_unix_seconds(u64::MAX), Timestamp::LAST);
    }

    #[test]
    fn now_is_after_this_code_was_written() {
        let now = Timestamp::now();
        assert!(now.year >= 2025, "{now:?}");
        assert!((1..=12).contains(&now.month) && (1..=31).contains(&now.day));
    }
}
