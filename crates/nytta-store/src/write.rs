//! Writing a document inside the caller's transaction: checked for storing, inserted as a
//! new initiative, and what the write stored. The user's actions ([`crate::ops`]) and a new
//! store's samples ([`crate::store`]) both write through here.

use nytta_core::document::{Document, ValuationStatus};
use nytta_core::read::read_document;
use nytta_core::settings::ScoreSettings;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::initiatives;
use crate::valuation::{check_doc, Checked, Summary};
use crate::versions;

/// What a write stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SavedInfo {
    /// Initiative id.
    pub id: i64,
    /// The version written.
    pub version_id: i64,
    /// Its number within the initiative.
    pub version_number: i64,
    /// Its status.
    pub status: ValuationStatus,
    /// The portfolio summary written with it.
    pub summary: Summary,
}

/// Checks a document for storing. A document saved as decided carries the score settings
/// it was computed with inside itself, so it shows the same figures wherever it goes.
pub(crate) fn prepare(mut doc: Document, fallback: &ScoreSettings) -> Result<Checked> {
    if doc.valuation.status == ValuationStatus::Decided && doc.valuation.settings.is_none() {
        doc.valuation.settings = Some(fallback.into());
    }
    check_doc(doc, fallback)
}

/// What writing version `version_id` of initiative `id` stored.
pub(crate) fn saved(conn: &Connection, id: i64, version_id: i64, c: &Checked) -> Result<SavedInfo> {
    let (info, _) = versions::get(conn, version_id)?;
    Ok(SavedInfo {
        id,
        version_id,
        version_number: info.number,
        status: info.status,
        summary: c.summary.clone(),
    })
}

/// Inserts a new initiative from a document (inside the caller's transaction).
pub(crate) fn import_in(
    conn: &Connection,
    text: &str,
    example: bool,
    fallback: &ScoreSettings,
    now: &str,
) -> Result<SavedInfo> {
    insert_doc(conn, read_document(text)?, example, fallback, now)
}

/// Inserts a new initiative from a read document (inside the caller's transaction).
pub(crate) fn insert_doc(
    conn: &Connection,
    doc: Document,
    example: bool,
    fallback: &ScoreSettings,
    now: &str,
) -> Result<SavedInfo> {
    let c = prepare(doc, fallback)?;
    let id = initiatives::insert(conn, example, &c.summary, now)?;
    let vid = versions::insert(conn, id, None, &c, now)?;
    initiatives::write_summary(conn, id, vid, &c.summary, now)?;
    saved(conn, id, vid, &c)
}
