//! Timestamps. The store never reads the clock: every writing call takes `now` as an ISO
//! 8601 UTC timestamp (`2025-03-01T09:30:00Z`) from its caller. These helpers convert
//! between that text and seconds since 1970 (calendar arithmetic: `nytta_core::date`).

use nytta_core::date::{civil_from_days, days_from_civil};

/// Formats seconds since 1970-01-01T00:00:00Z as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn iso_from_unix(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Reads `YYYY-MM-DDTHH:MM:SS` (anything after the seconds is ignored) as seconds since 1970.
pub fn unix_from_iso(iso: &str) -> Option<i64> {
    let b = iso.as_bytes();
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| iso.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    Some(days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + s)
}

/// The timestamp as it appears in file names: `20250301T093000Z` (no colons, which some
/// file systems refuse). Unreadable input is kept with its unsafe characters replaced.
pub fn file_stamp(now: &str) -> String {
    match unix_from_iso(now) {
        Some(secs) => iso_from_unix(secs).replace(['-', ':'], ""),
        None => now
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect(),
    }
}

/// The calendar year of an ISO timestamp, if it has one.
pub fn year_of(now: &str) -> Option<i32> {
    now.get(0..4)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        // 2000-03-01 is day 11 017 after 1970-01-01 (30 years with 7 leap days, + Jan + Feb 2000).
        assert_eq!(iso_from_unix(11_017 * 86_400), "2000-03-01T00:00:00Z");
        assert_eq!(unix_from_iso("1970-01-02T00:00:01Z"), Some(86_401));
        assert_eq!(unix_from_iso("2024-02-29T12:00:00Z"), Some(1_709_208_000));
        assert_eq!(file_stamp("2024-02-29T12:00:00Z"), "20240229T120000Z");
        assert_eq!(unix_from_iso("yesterday"), None);
    }
}
