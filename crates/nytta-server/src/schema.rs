//! The server schema's numbered, append-only migrations (`migrations/NNN_*.sql`), applied
//! by `nytta server init`. Each runs in one transaction together with its row in
//! `nytta.schema_migrations`, under a lock, so running init twice (or two at once) applies
//! each migration exactly once.

use postgres::Client;

use crate::error::{Result, ServerError};

/// The migrations in order; index `i` is server schema version `i + 1`.
const MIGRATIONS: &[&str] = &[include_str!("../migrations/001_portfolio.sql")];

/// The newest server schema version this build knows.
pub const LATEST: i32 = MIGRATIONS.len() as i32;

/// What `init` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InitReport {
    /// The schema version found (0: none).
    pub from: i32,
    /// The schema version now.
    pub to: i32,
    /// The server's id.
    pub server_id: String,
}

const BOOTSTRAP: &str = "
    CREATE SCHEMA IF NOT EXISTS nytta;
    CREATE TABLE IF NOT EXISTS nytta.schema_migrations (
        version    integer     PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
    );";

/// The schema version of the connected database (0 when it has none).
pub fn version(client: &mut Client) -> Result<i32> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('nytta.schema_migrations') IS NOT NULL",
            &[],
        )?
        .get(0);
    if !exists {
        return Ok(0);
    }
    Ok(client
        .query_one(
            "SELECT COALESCE(max(version), 0) FROM nytta.schema_migrations",
            &[],
        )?
        .get(0))
}

/// Applies every migration the database does not have yet. Safe to run again.
pub fn init(client: &mut Client) -> Result<InitReport> {
    let from = version(client)?;
    if from > LATEST {
        return Err(newer(from));
    }
    loop {
        let mut tx = client.transaction()?;
        tx.batch_execute(BOOTSTRAP)?;
        tx.batch_execute("LOCK TABLE nytta.schema_migrations IN EXCLUSIVE MODE")?;
        let v: i32 = tx
            .query_one(
                "SELECT COALESCE(max(version), 0) FROM nytta.schema_migrations",
                &[],
            )?
            .get(0);
        if v > LATEST {
            return Err(newer(v));
        }
        let Some(sql) = usize::try_from(v).ok().and_then(|i| MIGRATIONS.get(i)) else {
            tx.commit()?;
            break;
        };
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO nytta.schema_migrations (version) VALUES ($1)",
            &[&(v + 1)],
        )?;
        tx.commit()?;
    }
    Ok(InitReport {
        from,
        to: version(client)?,
        server_id: server_id(client)?,
    })
}

/// The server's id (made by the first migration); refuses a database without the schema
/// this build knows.
pub fn server_id(client: &mut Client) -> Result<String> {
    let v = version(client)?;
    if v == 0 {
        return Err(ServerError::Schema(
            "no Nytta schema; run `nytta server init` / inget Nytta-schema; kör `nytta server init`"
                .into(),
        ));
    }
    if v > LATEST {
        return Err(newer(v));
    }
    if v < LATEST {
        return Err(ServerError::Schema(format!(
            "schema {v}, this Nytta needs {LATEST}; run `nytta server init` / schema {v}, den här Nytta behöver {LATEST}; kör `nytta server init`"
        )));
    }
    Ok(client
        .query_one("SELECT id::text FROM nytta.server", &[])?
        .get(0))
}

fn newer(v: i32) -> ServerError {
    ServerError::Schema(format!(
        "schema {v} is newer than this Nytta knows ({LATEST}); update Nytta / schema {v} är nyare än den här Nytta kan ({LATEST}); uppdatera Nytta"
    ))
}
