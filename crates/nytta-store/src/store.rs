//! Opening a store: creating it (atomically, with the samples), refusing a newer schema,
//! moving a damaged file aside, migrating, and the automatic backups around changes.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::backup::{self, BackupInfo};
use crate::clock::{file_stamp, unix_from_iso};
use crate::error::{Result, StoreError};
use crate::{migrate, samples, settings, write};

/// How long a write waits for another program's write to finish.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Up to this size the whole file is quick-checked on open (a few milliseconds for a
/// portfolio of several hundred initiatives). A larger store has only its portfolio,
/// settings and bookkeeping tables quick-checked on open, so it still opens fast; its
/// documents are checked in full by every backup's verification and by [`Store::check`],
/// and a damaged page met while reading is reported as damage.
pub const FULL_QUICK_CHECK_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// An open store.
pub struct Store {
    pub(crate) conn: Connection,
    path: PathBuf,
    backup_error: Option<String>,
}

/// The outcome of [`Store::check`] on a healthy file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    /// The store's path.
    pub path: String,
    /// Its schema version.
    pub schema_version: i64,
    /// Live initiatives.
    pub initiatives: i64,
    /// Valuation versions, all initiatives.
    pub versions: i64,
    /// Verified backups beside it.
    pub backups: usize,
    /// The newest of them.
    pub newest_backup: Option<String>,
}

fn damaged(path: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::Damaged {
        path: path.display().to_string(),
        moved_to: None,
        detail: detail.into(),
        newest_backup: None,
    }
}

/// Whether an error means the file itself is damaged (and not, say, busy).
fn is_damage(e: &rusqlite::Error) -> bool {
    use rusqlite::ffi::ErrorCode;
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

/// Reads the file header: `Ok` for a SQLite database, `Err` with a plain description otherwise.
fn check_header(path: &Path) -> Result<()> {
    let mut head = [0u8; 100];
    let mut f = fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => return Err(StoreError::io(path, e)),
        }
    }
    if n == 0 {
        return Err(damaged(path, "the file is empty / filen är tom"));
    }
    if n < head.len() || &head[..16] != SQLITE_HEADER {
        return Err(damaged(
            path,
            "not a SQLite database / inte en SQLite-databas",
        ));
    }
    Ok(())
}

/// Reads the schema version and runs the quick check, reporting damage as such.
fn inspect(conn: &Connection, path: &Path) -> Result<i64> {
    let version = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0));
    let version = match version {
        Ok(v) => v,
        Err(e) if is_damage(&e) => return Err(damaged(path, e.to_string())),
        Err(e) => return Err(e.into()),
    };
    if version > migrate::LATEST {
        return Ok(version);
    }
    let size = fs::metadata(path).map_or(0, |m| m.len());
    let checks: &[&str] = if size <= FULL_QUICK_CHECK_MAX_BYTES || version == 0 {
        &["PRAGMA quick_check"]
    } else {
        &[
            "PRAGMA quick_check(initiatives)",
            "PRAGMA quick_check(settings)",
            "PRAGMA quick_check(meta)",
        ]
    };
    for sql in checks {
        match conn.query_row(sql, [], |r| r.get::<_, String>(0)) {
            Ok(s) if s == "ok" => {}
            Ok(s) => return Err(damaged(path, s)),
            Err(e) if is_damage(&e) => return Err(damaged(path, e.to_string())),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(version)
}

/// Moves a damaged store (and its WAL and shared-memory files) aside; returns the new path.
fn move_aside(path: &Path, now: &str) -> Result<PathBuf> {
    let base = format!("{}.damaged-{}", path.display(), file_stamp(now));
    let mut aside = PathBuf::from(&base);
    let mut n = 2;
    while aside.exists() {
        aside = PathBuf::from(format!("{base}-{n}"));
        n += 1;
    }
    fs::rename(path, &aside).map_err(|e| StoreError::io(path, e))?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let to = PathBuf::from(format!("{}{suffix}", aside.display()));
            fs::rename(&side, &to).map_err(|e| StoreError::io(&side, e))?;
        }
    }
    Ok(aside)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Sqlite(format!("journal_mode {mode}")));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

impl Store {
    /// Opens the store at `path`, creating it with the samples and default settings when
    /// the file does not exist. A newer schema is refused untouched; a damaged file is
    /// moved aside (never deleted) and reported with the newest verified backup.
    pub fn open(path: &Path, now: &str) -> Result<Store> {
        if !path.exists() {
            create_new(path, now)?;
        }
        let conn = match check_header(path).and_then(|()| {
            let conn = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| {
                if is_damage(&e) {
                    damaged(path, e.to_string())
                } else {
                    e.into()
                }
            })?;
            conn.busy_timeout(BUSY_TIMEOUT)?;
            let version = inspect(&conn, path)?;
            if version > migrate::LATEST {
                return Err(StoreError::Newer {
                    path: path.display().to_string(),
                    found: version,
                    supported: migrate::LATEST,
                });
            }
            Ok(conn)
        }) {
            Ok(c) => c,
            Err(StoreError::Damaged {
                path: p, detail, ..
            }) => {
                let moved = move_aside(path, now)?;
                return Err(StoreError::Damaged {
                    path: p,
                    moved_to: Some(moved.display().to_string()),
                    detail,
                    newest_backup: backup::newest_verified(path),
                });
            }
            Err(e) => return Err(e),
        };
        configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            backup_error: None,
        };
        migrate::migrate(&mut store.conn)?;
        store.backup_if_due(now, true);
        Ok(store)
    }

    /// The store's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version the file records (`PRAGMA user_version`, see [`migrate`]).
    pub fn schema_version(&self) -> Result<i64> {
        migrate::user_version(&self.conn)
    }

    /// The last automatic backup's failure, if the last attempt failed.
    pub fn backup_error(&self) -> Option<&str> {
        self.backup_error.as_deref()
    }

    /// The change counter: bumped by every write.
    pub fn changes(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'changes'", [], |r| {
                r.get(0)
            })?)
    }

    /// Runs `f` as one write transaction (`BEGIN IMMEDIATE`, waiting for another program's
    /// write), bumps the change counter, commits, then makes a backup if one is due.
    pub(crate) fn write<T>(
        &mut self,
        now: &str,
        f: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.execute(
            "UPDATE meta SET value = value + 1 WHERE key = 'changes'",
            [],
        )?;
        tx.commit()?;
        self.backup_if_due(now, false);
        Ok(out)
    }

    /// Makes an automatic backup when one is due: when there is none yet, or when the store
    /// changed since the newest one and that one is older than the minimum interval. A
    /// failure is kept for [`Store::backup_error`]; it never undoes the change itself.
    fn backup_if_due(&mut self, now: &str, at_open: bool) {
        let due = (|| -> Result<Option<i64>> {
            let changes = self.changes()?;
            let Some(newest) = backup::list(&self.path)?.into_iter().next() else {
                return Ok(Some(changes));
            };
            if newest.changes == changes && at_open {
                return Ok(None);
            }
            let age = unix_from_iso(now)
                .zip(newest_unix(&newest))
                .map(|(a, b)| a - b);
            Ok(match age {
                Some(age) if age < backup::MIN_INTERVAL_SECS => None,
                _ if newest.changes == changes => None,
                _ => Some(changes),
            })
        })();
        let result = due.and_then(|due| match due {
            Some(changes) => backup::create(&self.conn, &self.path, now, changes).map(|_| ()),
            None => Ok(()),
        });
        self.backup_error = result.err().map(|e| e.to_string());
    }

    /// Makes a verified backup now.
    pub fn create_backup(&mut self, now: &str) -> Result<BackupInfo> {
        let changes = self.changes()?;
        backup::create(&self.conn, &self.path, now, changes)
    }

    /// The verified backups beside the store, newest first.
    pub fn list_backups(&self) -> Result<Vec<BackupInfo>> {
        backup::list(&self.path)
    }

    /// Replaces the store's content with a backup's. The backup is verified first and a copy
    /// of the current content is kept beside the backups (`…-before-restore-<stamp>.db`);
    /// returns the path of that copy.
    pub fn restore_backup(&mut self, backup_file: &Path, now: &str) -> Result<String> {
        backup::verify(backup_file)?;
        let keep = keep_copy_path(&self.path, now);
        fs::create_dir_all(backup::dir(&self.path)).map_err(|e| StoreError::io(&keep, e))?;
        backup::copy_into(&self.conn, &keep)?;
        backup::verify(&keep)?;
        let src = Connection::open_with_flags(backup_file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let restore = rusqlite::backup::Backup::new_with_names(
            &src,
            rusqlite::MAIN_DB,
            &mut self.conn,
            rusqlite::MAIN_DB,
        )?;
        match restore.step(-1)? {
            rusqlite::backup::StepResult::Done => {}
            other => return Err(StoreError::Busy(format!("restore: {other:?}"))),
        }
        drop(restore);
        configure(&self.conn)?;
        migrate::migrate(&mut self.conn)?;
        Ok(keep.display().to_string())
    }

    /// Restores a backup into the store at `db` whether or not that file opens: a healthy
    /// store is restored in place (keeping a copy first); a missing one is created from the
    /// backup; a damaged one is moved aside first. Returns the copy kept, if there was one.
    pub fn restore_to_path(db: &Path, backup_file: &Path, now: &str) -> Result<Option<String>> {
        backup::verify(backup_file)?;
        if db.exists() {
            match Store::open(db, now) {
                Ok(mut store) => return store.restore_backup(backup_file, now).map(Some),
                Err(StoreError::Damaged { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        if let Some(dir) = db.parent() {
            fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        }
        let tmp = tmp_path(db);
        let src = Connection::open_with_flags(backup_file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        backup::copy_into(&src, &tmp)?;
        place_new(&tmp, db)?;
        Ok(None)
    }

    /// Checks the file at `db` thoroughly without changing it: header, schema version and
    /// a full integrity check. A damaged file is reported (and left where it is).
    pub fn check(db: &Path) -> Result<CheckReport> {
        if !db.exists() {
            return Err(StoreError::NotFound {
                what: "store",
                id: db.display().to_string(),
            });
        }
        let with_backup = |e: StoreError| match e {
            StoreError::Damaged { path, detail, .. } => StoreError::Damaged {
                path,
                moved_to: None,
                detail,
                newest_backup: backup::newest_verified(db),
            },
            other => other,
        };
        check_header(db).map_err(with_backup)?;
        let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| with_backup(damaged(db, e.to_string())))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let version = inspect(&conn, db).map_err(with_backup)?;
        if version > migrate::LATEST {
            return Err(StoreError::Newer {
                path: db.display().to_string(),
                found: version,
                supported: migrate::LATEST,
            });
        }
        let full: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| with_backup(damaged(db, e.to_string())))?;
        if full != "ok" {
            return Err(with_backup(damaged(db, full)));
        }
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        let backups = backup::list(db)?;
        Ok(CheckReport {
            path: db.display().to_string(),
            schema_version: version,
            initiatives: count("SELECT COUNT(*) FROM initiatives WHERE deleted_at IS NULL")?,
            versions: count("SELECT COUNT(*) FROM valuation_versions")?,
            backups: backups.len(),
            newest_backup: backups.first().map(|b| b.path.clone()),
        })
    }
}

fn newest_unix(b: &BackupInfo) -> Option<i64> {
    // `20250301T093000Z` → `2025-03-01T09:30:00`.
    let s = &b.stamp;
    let iso = format!(
        "{}-{}-{}T{}:{}:{}",
        s.get(0..4)?,
        s.get(4..6)?,
        s.get(6..8)?,
        s.get(9..11)?,
        s.get(11..13)?,
        s.get(13..15)?
    );
    unix_from_iso(&iso)
}

fn keep_copy_path(db: &Path, now: &str) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    backup::dir(db).join(format!("{name}-before-restore-{}.db", file_stamp(now)))
}

fn tmp_path(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    db.with_file_name(format!(".{name}.new-{}", std::process::id()))
}

/// Gives a finished new file its final name without ever replacing an existing file.
fn place_new(tmp: &Path, db: &Path) -> Result<()> {
    match fs::hard_link(tmp, db) {
        // Linked, or another program created the store meanwhile: use theirs.
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        // A file system without hard links: rename, still never over an existing file.
        Err(_) if !db.exists() => return fs::rename(tmp, db).map_err(|e| StoreError::io(db, e)),
        Err(e) => return Err(StoreError::io(db, e)),
    }
    fs::remove_file(tmp).map_err(|e| StoreError::io(tmp, e))
}

/// Creates a new store under a temporary name (schema, default settings, samples) and then
/// gives it its final name, so a crash never leaves a half-made store behind.
fn create_new(path: &Path, now: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
    }
    let tmp = tmp_path(path);
    let _ = fs::remove_file(&tmp);
    {
        let mut conn = Connection::open(&tmp)?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        migrate::migrate(&mut conn)?;
        let tx = conn.transaction()?;
        let s = settings::Settings::default();
        settings::save(&tx, &s, now)?;
        for (_, text) in samples::SAMPLES {
            write::import_in(&tx, text, true, &s.scores, now)?;
        }
        tx.commit()?;
    }
    place_new(&tmp, path)
}
