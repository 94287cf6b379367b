//! Rotating backups in a `backups/` folder beside the store, made with SQLite's online
//! backup API (a consistent copy of a live database) and each verified by opening it and
//! running `PRAGMA integrity_check` before it gets its final name. Only verified copies
//! carry the name `<db file>-<UTC stamp>-c<changes>.bak`, so a half-written copy is never
//! mistaken for a backup.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use serde::{Deserialize, Serialize};

use crate::clock::file_stamp;
use crate::error::{Result, StoreError};
use crate::migrate;

/// How many automatic backups are kept.
pub const KEEP: usize = 10;

/// At most one automatic backup after changes per this many seconds.
pub const MIN_INTERVAL_SECS: i64 = 5 * 60;

/// One verified backup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupInfo {
    /// Full path of the backup file.
    pub path: String,
    /// File name.
    pub file_name: String,
    /// When it was made, as in its name (`20250301T093000Z`).
    pub stamp: String,
    /// The store's change counter when it was made.
    pub changes: i64,
    /// Size in bytes.
    pub size: u64,
}

/// The backup folder of a store: `backups/` beside the file.
pub fn dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

fn prefix(db: &Path) -> String {
    format!(
        "{}-",
        db.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    )
}

/// The backups of a store, newest first.
pub fn list(db: &Path) -> Result<Vec<BackupInfo>> {
    let dir = dir(db);
    let prefix = prefix(db);
    let entries = match fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io(&dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name
            .strip_prefix(&prefix)
            .and_then(|r| r.strip_suffix(".bak"))
        else {
            continue;
        };
        let Some((stamp, changes)) = rest.split_once("-c") else {
            continue;
        };
        let Ok(changes) = changes.parse::<i64>() else {
            continue;
        };
        out.push(BackupInfo {
            path: entry.path().display().to_string(),
            file_name: name.clone(),
            stamp: stamp.to_string(),
            changes,
            size: entry.metadata().map(|m| m.len()).unwrap_or(0),
        });
    }
    out.sort_by(|a, b| b.stamp.cmp(&a.stamp).then(b.changes.cmp(&a.changes)));
    Ok(out)
}

/// Opens a file read-only and runs a full integrity check; `Ok` only for a healthy Nytta
/// store this build can read.
pub fn verify(path: &Path) -> Result<()> {
    let damaged = |detail: String| StoreError::Damaged {
        path: path.display().to_string(),
        moved_to: None,
        detail,
        newest_backup: None,
    };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| damaged(e.to_string()))?;
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if result != "ok" {
        return Err(damaged(result));
    }
    let version = migrate::user_version(&conn).map_err(|e| damaged(e.to_string()))?;
    if !(1..=migrate::LATEST).contains(&version) {
        return Err(damaged(format!("schema version {version}")));
    }
    Ok(())
}

/// The newest backup that still passes [`verify`].
pub fn newest_verified(db: &Path) -> Option<String> {
    list(db)
        .ok()?
        .into_iter()
        .find(|b| verify(Path::new(&b.path)).is_ok())
        .map(|b| b.path)
}

/// Copies `src` (the `main` database of a live connection) into a new file in one step,
/// as a single self-contained file (rollback journal, no WAL beside it).
pub fn copy_into(src: &Connection, dst_path: &Path) -> Result<()> {
    let mut dst = Connection::open(dst_path)?;
    {
        let backup = Backup::new_with_names(src, MAIN_DB, &mut dst, MAIN_DB)?;
        match backup.step(-1)? {
            StepResult::Done => {}
            other => return Err(StoreError::Busy(format!("backup: {other:?}"))),
        }
    }
    // The copy inherits WAL mode from the store; a backup is one self-contained file.
    let _: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    dst.close().map_err(|(_, e)| StoreError::from(e))
}

/// Makes a verified backup of the live store now and prunes the oldest beyond [`KEEP`].
pub fn create(conn: &Connection, db: &Path, now: &str, changes: i64) -> Result<BackupInfo> {
    let dir = dir(db);
    fs::create_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))?;
    let name = format!("{}{}-c{changes}.bak", prefix(db), file_stamp(now));
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = copy_into(conn, &tmp).and_then(|()| verify(&tmp));
    if let Err(e) = result {
        // Only our own unfinished temporary copy is removed, never a backup.
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    let path = dir.join(&name);
    fs::rename(&tmp, &path).map_err(|e| StoreError::io(&path, e))?;
    prune(db)?;
    let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(BackupInfo {
        path: path.display().to_string(),
        file_name: name,
        stamp: file_stamp(now),
        changes,
        size,
    })
}

fn prune(db: &Path) -> Result<()> {
    for old in list(db)?.into_iter().skip(KEEP) {
        let p = PathBuf::from(&old.path);
        fs::remove_file(&p).map_err(|e| StoreError::io(&p, e))?;
    }
    Ok(())
}
