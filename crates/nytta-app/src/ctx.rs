//! The context every use case runs in: the open store and where "now" comes from (the
//! system clock, or a fixed one in tests), the store's default path, and the user's local
//! date. The clock is read here, at the edge, and handed down as ISO text; nothing below
//! nytta-app reads it.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use nytta_store::Store;

use crate::AppError;

/// The environment variable that names the store's file.
pub const DB_ENV: &str = "NYTTA_DB";

/// Where "now" comes from: the system clock, or a fixed one in tests.
pub type Clock = Box<dyn Fn() -> String + Send + Sync>;

/// The current time as an ISO 8601 UTC timestamp, from the system clock.
pub fn system_now() -> String {
    nytta_store::clock::iso_from_unix(jiff::Timestamp::now().as_second())
}

/// Today's date as `YYYY-MM-DD` where the user is: the system clock in the system's time
/// zone (a PDF printed at 00:30 Swedish time carries that day's date, not yesterday's UTC
/// date).
pub fn system_today() -> String {
    local_date(jiff::Timestamp::now(), &jiff::tz::TimeZone::system())
}

/// The calendar date of the instant `now` in the time zone `tz`, as `YYYY-MM-DD`.
pub fn local_date(now: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> String {
    now.to_zoned_datetime(tz.clone()).date().to_string()
}

/// An open store and a clock: what every use case here needs.
pub struct Ctx {
    store: Mutex<Store>,
    clock: Clock,
    /// Held for the whole of a sync, so two of them on one store run one after the other.
    syncing: Mutex<()>,
}

/// The store's default file: `$NYTTA_DB` when set, else `nytta/nytta.db` in the operating
/// system's per-user local data folder: `~/.local/share/nytta/nytta.db` on Linux,
/// `~/Library/Application Support/nytta/nytta.db` on macOS and
/// `%LOCALAPPDATA%\nytta\nytta.db` on Windows — the local, not the roaming, profile folder, so
/// the SQLite file and its WAL are never copied with a roaming profile or redirected to a
/// network share, where SQLite's locking cannot be relied on.
pub fn default_db_path() -> Result<PathBuf, AppError> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::data_local_dir()
        .map(|d| d.join("nytta").join("nytta.db"))
        .ok_or_else(|| AppError::Io {
            path: "nytta.db".into(),
            detail: "no per-user data folder; set NYTTA_DB / ingen datamapp för användaren; ange NYTTA_DB".into(),
        })
}

/// `--db PATH` when given, else [`default_db_path`].
pub fn resolve_db_path(flag: Option<&Path>) -> Result<PathBuf, AppError> {
    flag.map_or_else(default_db_path, |p| Ok(p.to_path_buf()))
}

impl Ctx {
    /// Opens (or creates, with the samples) the store at `path`, with the system clock.
    pub fn open(path: &Path) -> Result<Ctx, AppError> {
        Ctx::open_with_clock(path, Box::new(system_now))
    }

    /// Opens the store at [`default_db_path`].
    pub fn open_default() -> Result<Ctx, AppError> {
        Ctx::open(&default_db_path()?)
    }

    /// Opens the store with a given clock.
    pub fn open_with_clock(path: &Path, clock: Clock) -> Result<Ctx, AppError> {
        let store = Store::open(path, &clock())?;
        Ok(Ctx {
            store: Mutex::new(store),
            clock,
            syncing: Mutex::new(()),
        })
    }

    pub(crate) fn now(&self) -> String {
        (self.clock)()
    }

    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock cannot leave the store half-written (every write is
        // one SQLite transaction), so the poisoned guard is safe to keep using.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits for a sync of this store that is running (the desktop's "Synkronisera" pressed
    /// again, from a view opened anew, while the first still runs) and holds the turn until
    /// dropped. The store itself is locked only step by step, so the app works on meanwhile.
    pub(crate) fn sync_turn(&self) -> MutexGuard<'_, ()> {
        self.syncing.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The store's file.
    pub fn path(&self) -> PathBuf {
        self.store().path().to_path_buf()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// A PDF printed at 00:30 Swedish time carried yesterday's date (the UTC date).
    #[test]
    fn today_is_the_users_local_date_not_the_utc_date() {
        let half_past_midnight_in_stockholm: jiff::Timestamp =
            "2026-11-29T23:30:00Z".parse().unwrap();
        let cet = jiff::tz::TimeZone::fixed(jiff::tz::offset(1));
        assert_eq!(
            local_date(half_past_midnight_in_stockholm, &cet),
            "2026-11-30"
        );
        assert_eq!(
            local_date(half_past_midnight_in_stockholm, &jiff::tz::TimeZone::UTC),
            "2026-11-29"
        );
        // Summer time: 23:30 UTC on 30 June is 01:30 on 1 July in Stockholm (UTC+2).
        let summer: jiff::Timestamp = "2026-06-30T23:30:00Z".parse().unwrap();
        let cest = jiff::tz::TimeZone::fixed(jiff::tz::offset(2));
        assert_eq!(local_date(summer, &cest), "2026-07-01");
    }
}
