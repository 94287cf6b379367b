//! The `initiatives` table (created in `migrations/001_initial.sql`): one row per
//! initiative with the portfolio summary of its current valuation version, an `example`
//! flag for the samples and a soft-delete mark so a deletion can be undone.

use std::cmp::Ordering;

use rusqlite::{params, Connection, OptionalExtension, Row};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::valuation::{code_of, from_code, Summary};
use nytta_core::document::ValuationStatus;

/// One line of the portfolio.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct InitiativeSummary {
    /// Initiative id (stable for the life of the store).
    pub id: i64,
    /// Whether it is one of the bundled examples.
    pub example: bool,
    /// The current valuation version.
    pub current_version_id: i64,
    /// Its number (1, 2, …) within the initiative.
    pub current_version_number: i64,
    /// Its status.
    pub status: ValuationStatus,
    /// When the initiative was last changed.
    pub updated_at: String,
    /// Whether edits that do not pass the check yet are kept as its working copy (the
    /// summary is the last valid version's).
    pub has_working_copy: bool,
    /// Whether it is part of the demo portfolio (made-up data, removable in one action).
    pub demo: bool,
    /// The summary columns.
    #[serde(flatten)]
    pub summary: Summary,
}

/// The bookkeeping columns of one initiative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InitiativeRow {
    /// Id.
    pub id: i64,
    /// Example flag.
    pub example: bool,
    /// Current version.
    pub current_version_id: i64,
    /// When it was deleted (soft), if it was.
    pub deleted_at: Option<String>,
}

/// Inserts an initiative with its summary; the caller then links its first version.
pub fn insert(conn: &Connection, example: bool, s: &Summary, now: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO initiatives (example, created_at, updated_at, title, department, stage)
         VALUES (?1, ?2, ?2, ?3, ?4, ?5)",
        params![example, now, s.title, s.department, code_of(&s.stage)],
    )?;
    let id = conn.last_insert_rowid();
    Ok(id)
}

/// Points the initiative at `version_id` and writes that version's summary.
pub fn write_summary(
    conn: &Connection,
    id: i64,
    version_id: i64,
    s: &Summary,
    now: &str,
) -> Result<()> {
    let tags = serde_json::to_string(&s.tags).map_err(|e| StoreError::Sqlite(e.to_string()))?;
    conn.execute(
        "UPDATE initiatives SET current_version_id = ?2, updated_at = ?3, title = ?4,
             department = ?5, stage = ?6, priority_basis = ?7, tags = ?8, effect = ?9,
             feasibility = ?10, financing = ?11, resource_need = ?12, priority = ?13,
             full_valuation_required = ?14, npv_economic = ?15, npv_budget = ?16,
             payback_economic = ?17, payback_budget = ?18,
             current_version_number = (SELECT number FROM valuation_versions WHERE id = ?2),
             current_status = (SELECT status FROM valuation_versions WHERE id = ?2)
         WHERE id = ?1",
        params![
            id,
            version_id,
            now,
            s.title,
            s.department,
            code_of(&s.stage),
            s.priority_basis.as_ref().map(code_of),
            tags,
            s.effect,
            s.feasibility,
            s.financing,
            s.resource_need,
            s.priority,
            s.full_valuation_required,
            s.npv_economic,
            s.npv_budget,
            s.payback_economic,
            s.payback_budget
        ],
    )?;
    Ok(())
}

/// The bookkeeping row of an initiative, deleted or not.
pub fn row(conn: &Connection, id: i64) -> Result<InitiativeRow> {
    conn.query_row(
        "SELECT id, example, current_version_id, deleted_at FROM initiatives WHERE id = ?1",
        [id],
        |r| {
            Ok(InitiativeRow {
                id: r.get(0)?,
                example: r.get(1)?,
                current_version_id: r.get(2)?,
                deleted_at: r.get(3)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "initiative",
        id: id.to_string(),
    })
}

/// An initiative that is not deleted.
pub fn live_row(conn: &Connection, id: i64) -> Result<InitiativeRow> {
    let r = row(conn, id)?;
    if r.deleted_at.is_some() {
        return Err(StoreError::NotFound {
            what: "initiative",
            id: id.to_string(),
        });
    }
    Ok(r)
}

/// The initiative's working copy and when it was kept, if it has one.
pub fn working_copy(conn: &Connection, id: i64) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT working_copy, working_copy_at FROM initiatives
             WHERE id = ?1 AND working_copy IS NOT NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Keeps `text` as the initiative's working copy (`Some`) or drops it (`None`).
pub fn set_working_copy(conn: &Connection, id: i64, text: Option<&str>, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE initiatives SET working_copy = ?2,
             working_copy_at = CASE WHEN ?2 IS NULL THEN NULL ELSE ?3 END,
             updated_at = ?3
         WHERE id = ?1",
        params![id, text, now],
    )?;
    Ok(())
}

/// Marks an initiative deleted (`Some(now)`) or brings it back (`None`).
pub fn set_deleted(conn: &Connection, id: i64, deleted_at: Option<&str>) -> Result<()> {
    conn.execute(
        "UPDATE initiatives SET deleted_at = ?2 WHERE id = ?1",
        params![id, deleted_at],
    )?;
    Ok(())
}

fn summary_of(r: &Row<'_>) -> rusqlite::Result<InitiativeSummary> {
    let tags: String = r.get(9)?;
    Ok(InitiativeSummary {
        id: r.get(0)?,
        example: r.get(1)?,
        current_version_id: r.get(2)?,
        current_version_number: r.get(3)?,
        status: from_code(4, &r.get::<_, String>(4)?)?,
        updated_at: r.get(5)?,
        has_working_copy: r.get(21)?,
        demo: r.get(22)?,
        summary: Summary {
            title: r.get(6)?,
            department: r.get(7)?,
            stage: from_code(8, &r.get::<_, String>(8)?)?,
            tags: serde_json::from_str(&tags).unwrap_or_default(),
            priority_basis: r
                .get::<_, Option<String>>(10)?
                .map(|c| from_code(10, &c))
                .transpose()?,
            effect: r.get(11)?,
            feasibility: r.get(12)?,
            financing: r.get(13)?,
            resource_need: r.get(14)?,
            priority: r.get(15)?,
            full_valuation_required: r.get(16)?,
            npv_economic: r.get(17)?,
            npv_budget: r.get(18)?,
            payback_economic: r.get(19)?,
            payback_budget: r.get(20)?,
        },
    })
}

/// The live (or, with `deleted`, the deleted) initiatives in portfolio order: priority
/// basis (law, critical function, efficiency, none), then priority score, then economic
/// NPV, both highest first; ties by id.
pub fn list(conn: &Connection, deleted: bool) -> Result<Vec<InitiativeSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, example, current_version_id, current_version_number, current_status,
                updated_at, title, department, stage, tags, priority_basis, effect, feasibility,
                financing, resource_need, priority, full_valuation_required, npv_economic,
                npv_budget, payback_economic, payback_budget, working_copy IS NOT NULL, demo
         FROM initiatives
         WHERE (deleted_at IS NOT NULL) = ?1",
    )?;
    let rows = stmt.query_map([deleted], summary_of)?;
    let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let dec = |s: Option<&str>| s.and_then(|s| s.parse::<Decimal>().ok());
    let mut keyed: Vec<_> = out
        .drain(..)
        .map(|s| {
            let key = (
                // Law, critical function, efficiency (the enum's order), then none.
                (s.summary.priority_basis.is_none(), s.summary.priority_basis),
                dec(s.summary.priority.as_deref()),
                dec(Some(&s.summary.npv_economic)),
            );
            (key, s)
        })
        .collect();
    keyed.sort_by(|(a, sa), (b, sb)| {
        a.0.cmp(&b.0)
            .then_with(|| desc(a.1, b.1))
            .then_with(|| desc(a.2, b.2))
            .then_with(|| sa.id.cmp(&sb.id))
    });
    Ok(keyed.into_iter().map(|(_, s)| s).collect())
}

/// Highest first, a missing value last.
fn desc(a: Option<Decimal>, b: Option<Decimal>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
