//! Calendar dates. The workspace has one date type, [`Date`] (`jiff::civil::Date`), and one
//! way to read it from text: ISO `YYYY-MM-DD` of a day that exists (2024-02-31 is refused).
//! Pure: reading the clock, and knowing which day "today" is where the user sits, is the
//! caller's business.

pub use jiff::civil::Date;

/// The date an ISO `YYYY-MM-DD` text names, when that day exists.
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    s.parse::<Date>().ok()
}

/// Whether `s` is an ISO calendar date `YYYY-MM-DD` that exists.
pub fn is_iso_date(s: &str) -> bool {
    parse_iso_date(s).is_some()
}

/// Days since 1970-01-01 of an ISO date, or `None` when it is not one.
pub fn unix_days(date: &str) -> Option<i64> {
    let d = parse_iso_date(date)?;
    let epoch = Date::constant(1970, 1, 1);
    Some(i64::from(d.since(epoch).ok()?.get_days()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        // 2000-03-01: 30 years after 1970 with 7 leap days (10 957 days), + 31 + 29.
        assert_eq!(unix_days("2000-03-01"), Some(11_017));
        assert_eq!(unix_days("1970-01-01"), Some(0));
        assert_eq!(unix_days("1969-12-31"), Some(-1));
        // 2024-02-29: 54 years with 13 leap days (19 723), + 31 + 28.
        assert_eq!(unix_days("2024-02-29"), Some(19_782));
    }

    #[test]
    fn only_real_dates() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"), "2023 is not a leap year");
        assert!(!is_iso_date("2024-02-31"), "February has no 31st");
        assert!(!is_iso_date("2024-04-31"), "April has 30 days");
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("2024-1-01"));
        assert!(!is_iso_date("2024-01-+1"), "a sign is not a digit");
        assert!(
            !is_iso_date("20240101"),
            "the basic format is not what the format says"
        );
        assert!(!is_iso_date("01/02/2024"));
        assert_eq!(
            parse_iso_date("2021-03-01"),
            Some(Date::constant(2021, 3, 1))
        );
    }
}
