//! The `valuation_versions` table (created in `migrations/001_initial.sql`): every version
//! of an initiative's valuation, its document as canonical JSON text, its status and the
//! score settings it was computed with. A decided version is frozen (also by triggers).

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::valuation::{from_code, Checked};
use nytta_core::document::ValuationStatus;

/// One version, without its document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VersionInfo {
    /// Version id (unique in the store).
    pub id: i64,
    /// Number within the initiative, from 1.
    pub number: i64,
    /// Draft or decided.
    pub status: ValuationStatus,
    /// The version it was created from, if any.
    pub based_on: Option<i64>,
    /// When it was created.
    pub created_at: String,
    /// When it was last saved.
    pub saved_at: String,
    /// When it was decided.
    pub decided_at: Option<String>,
    /// The score settings (thresholds and weights) its figures were computed with, as JSON.
    pub settings: String,
}

/// Status text of a document's valuation.
pub fn status_of(c: &Checked) -> &'static str {
    match c.doc.valuation.status {
        nytta_core::document::ValuationStatus::Draft => "draft",
        nytta_core::document::ValuationStatus::Decided => "decided",
    }
}

/// Inserts version `number` of an initiative.
pub fn insert(
    conn: &Connection,
    initiative_id: i64,
    based_on: Option<i64>,
    c: &Checked,
    now: &str,
) -> Result<i64> {
    let number: i64 = conn.query_row(
        "SELECT COALESCE(MAX(number), 0) + 1 FROM valuation_versions WHERE initiative_id = ?1",
        [initiative_id],
        |r| r.get(0),
    )?;
    let status = status_of(c);
    let decided_at = (status == "decided").then_some(now);
    conn.execute(
        "INSERT INTO valuation_versions
             (initiative_id, number, status, based_on, document, settings, created_at, saved_at, decided_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        params![initiative_id, number, status, based_on, c.text, c.settings_json, now, decided_at],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Overwrites a draft version's document (and status, when it is now decided).
pub fn update(conn: &Connection, version_id: i64, c: &Checked, now: &str) -> Result<()> {
    let status = status_of(c);
    let decided_at = (status == "decided").then_some(now);
    conn.execute(
        "UPDATE valuation_versions SET status = ?2, document = ?3, settings = ?4, saved_at = ?5,
             decided_at = ?6
         WHERE id = ?1",
        params![version_id, status, c.text, c.settings_json, now, decided_at],
    )?;
    Ok(())
}

/// Replaces a decided version's document when only what may change after a decision
/// (stage, tags, follow-ups) changed; the caller has checked that the valuation is equal.
pub fn update_after_decision(
    conn: &Connection,
    version_id: i64,
    text: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE valuation_versions SET document = ?2, saved_at = ?3 WHERE id = ?1",
        params![version_id, text, now],
    )?;
    Ok(())
}

const INFO: &str = "id, number, status, based_on, created_at, saved_at, decided_at, settings";

fn info(r: &rusqlite::Row<'_>) -> rusqlite::Result<VersionInfo> {
    Ok(VersionInfo {
        id: r.get(0)?,
        number: r.get(1)?,
        status: from_code(2, &r.get::<_, String>(2)?)?,
        based_on: r.get(3)?,
        created_at: r.get(4)?,
        saved_at: r.get(5)?,
        decided_at: r.get(6)?,
        settings: r.get(7)?,
    })
}

/// A version and its document text.
pub fn get(conn: &Connection, version_id: i64) -> Result<(VersionInfo, String)> {
    conn.query_row(
        &format!("SELECT {INFO}, document FROM valuation_versions WHERE id = ?1"),
        [version_id],
        |r| Ok((info(r)?, r.get(8)?)),
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "version",
        id: version_id.to_string(),
    })
}

/// Every version of an initiative, oldest first.
pub fn list(conn: &Connection, initiative_id: i64) -> Result<Vec<VersionInfo>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {INFO} FROM valuation_versions WHERE initiative_id = ?1 ORDER BY number"
    ))?;
    let rows = stmt.query_map([initiative_id], info)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
