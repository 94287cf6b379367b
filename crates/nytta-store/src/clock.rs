//! Timestamps. The store never reads the clock: every writing call takes `now` as an ISO
//! 8601 UTC timestamp (`2025-03-01T09:30:00Z`) from its caller. These helpers convert
//! between that text and seconds since 1970 (with `jiff`, the workspace's date library).

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::Timestamp;

/// Formats seconds since 1970-01-01T00:00:00Z as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn iso_from_unix(secs: i64) -> String {
    let ts = Timestamp::from_second(secs).unwrap_or(if secs < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    });
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Reads `YYYY-MM-DDTHH:MM:SS` (anything after the seconds is ignored) as seconds since 1970,
/// when it names a real instant.
pub fn unix_from_iso(iso: &str) -> Option<i64> {
    let b = iso.as_bytes();
    if b.len() < 19 || b[10] != b'T' || !nytta_core::date::is_iso_date(iso.get(0..10)?) {
        return None;
    }
    let civil: DateTime = iso.get(0..19)?.parse().ok()?;
    Some(TimeZone::UTC.to_timestamp(civil).ok()?.as_second())
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
        assert_eq!(unix_from_iso("2024-02-31T12:00:00Z"), None, "no such day");
        assert_eq!(unix_from_iso("2024-02-01T24:00:00Z"), None, "no such hour");
    }
}
