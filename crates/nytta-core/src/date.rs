//! Calendar dates without a calendar library: ISO `YYYY-MM-DD` checks and conversions to
//! and from days since 1970-01-01 (proleptic Gregorian, Howard Hinnant's algorithms).
//! Pure arithmetic; reading the clock is the caller's business.

/// Whether `s` is an ISO calendar date `YYYY-MM-DD` that exists.
pub fn is_iso_date(s: &str) -> bool {
    parse_iso_date(s).is_some()
}

/// `(year, month, day)` of an ISO date that exists.
pub fn parse_iso_date(s: &str) -> Option<(i64, i64, i64)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        let t = s.get(r)?;
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.parse::<i64>().ok())?
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// Days since 1970-01-01 of a calendar date.
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date `(year, month, day)` of a day count since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Days since 1970-01-01 of an ISO date, or `None` when it is not one.
pub fn unix_days(date: &str) -> Option<i64> {
    parse_iso_date(date).map(|(y, m, d)| days_from_civil(y, m, d))
}

/// The ISO date (`YYYY-MM-DD`) of an instant given in seconds since 1970 (UTC).
pub fn iso_date_from_unix(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        // 2000-03-01: 30 years after 1970 with 7 leap days (10 957 days), + 31 + 29.
        assert_eq!(unix_days("2000-03-01"), Some(11_017));
        assert_eq!(unix_days("1970-01-01"), Some(0));
        assert_eq!(unix_days("2024-02-29"), Some(19_782));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(iso_date_from_unix(11_017 * 86_400 + 86_399), "2000-03-01");
    }

    #[test]
    fn only_real_dates() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"), "2023 is not a leap year");
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("2024-1-01"));
        assert!(!is_iso_date("2024-01-+1"), "a sign is not a digit");
        assert!(!is_iso_date("01/02/2024"));
    }
}
