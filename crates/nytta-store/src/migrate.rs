//! Numbered, append-only schema migrations. Migration `n` (file `migrations/00n_*.sql`)
//! takes a store from schema version `n − 1` to `n`; each runs in its own transaction
//! together with the `PRAGMA user_version` that records it, so a crash leaves the store at
//! the previous version, never halfway.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::Result;

/// The migrations in order; index `i` is schema version `i + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/001_initial.sql"),
    include_str!("../migrations/002_current_version_columns.sql"),
    include_str!("../migrations/003_working_copy.sql"),
    include_str!("../migrations/004_sync.sql"),
    include_str!("../migrations/005_portfolio.sql"),
];

/// The newest schema version this build knows.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The schema version recorded in the file (0 for an empty database).
pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Applies every migration newer than the file's version. The caller has already refused
/// a file newer than [`LATEST`].
pub fn migrate(conn: &mut Connection) -> Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read inside the write transaction: another process may have migrated meanwhile.
        let version = user_version(&tx)?;
        let Some(sql) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}
