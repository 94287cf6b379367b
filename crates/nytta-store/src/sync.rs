//! The store's side of synchronising with the group server (tables of
//! `migrations/004_sync.sql`): what waits to be sent (the outbox and the versions whose
//! content is not on the server yet), recording what the server committed, and applying the
//! server's state of an initiative. Talking to the server is nytta-app's `sync`.
//!
//! Every step is one transaction. The outbox is emptied only up to the entry a push read,
//! so a change made while a sync runs waits for the next one.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::initiatives;
use crate::settings;
use crate::store::Store;
use crate::valuation::{check, Checked};

/// One version as the sync sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncVersion {
    /// Local row id.
    pub id: i64,
    /// The version's UUID.
    pub uuid: String,
    /// Number within the initiative.
    pub number: i64,
    /// `draft` or `decided`.
    pub status: String,
    /// The UUID of the version it was started from.
    pub based_on: Option<String>,
    /// The UUID of its current content.
    pub snapshot: String,
    /// The UUID of the content last known to be on the server.
    pub synced_snapshot: Option<String>,
    /// The version this content was kept beside, when it is marked as a conflict.
    pub conflict_of: Option<String>,
    /// Document text.
    pub document: String,
    /// Score settings JSON.
    pub settings: String,
    /// Created (local clock of the machine that created it).
    pub created_at: String,
    /// Last saved.
    pub saved_at: String,
    /// Decided.
    pub decided_at: Option<String>,
}

impl SyncVersion {
    /// Whether its content is not on the server yet.
    pub fn pending(&self) -> bool {
        self.synced_snapshot.as_deref() != Some(self.snapshot.as_str())
    }
}

/// An initiative with changes waiting to be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingInitiative {
    /// Local id.
    pub id: i64,
    /// UUID.
    pub uuid: String,
    /// Title (of the current version), for messages.
    pub title: String,
    /// Department, for the server's row and messages.
    pub department: String,
    /// Deleted locally.
    pub deleted: bool,
    /// Whether it was deleted or restored here since the last sync (else the server's
    /// deletion state stands).
    pub deletion_changed: bool,
    /// The server revision it was last synced at.
    pub server_rev: Option<i64>,
    /// The last outbox entry read: a push empties the outbox up to here.
    pub up_to: i64,
    /// Every version, by number.
    pub versions: Vec<SyncVersion>,
}

/// One version of an initiative as the server holds it (its newest snapshot).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PulledVersion {
    /// Version UUID.
    pub uuid: String,
    /// Snapshot UUID.
    pub snapshot: String,
    /// Number within the initiative.
    pub number: i64,
    /// `draft` or `decided`.
    pub status: String,
    /// The version it was started from.
    pub based_on: Option<String>,
    /// Conflict mark.
    pub conflict_of: Option<String>,
    /// Document text.
    pub document: String,
    /// Score settings JSON.
    pub settings: String,
    /// Created.
    pub created_at: String,
    /// Saved.
    pub saved_at: String,
    /// Decided.
    pub decided_at: Option<String>,
    /// The role that sent this content.
    pub pushed_by: String,
}

/// An initiative as the server holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PulledInitiative {
    /// UUID.
    pub uuid: String,
    /// The server's revision.
    pub rev: i64,
    /// Soft-deleted on the server.
    pub deleted: bool,
    /// Every version.
    pub versions: Vec<PulledVersion>,
}

/// What one push committed on the server, to record locally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pushed {
    /// Local initiative id.
    pub id: i64,
    /// The outbox entries it covered (up to and including).
    pub up_to: i64,
    /// The server's revision after the push.
    pub server_rev: i64,
    /// Per local version sent: (row id, the version UUID on the server, snapshot sent).
    pub versions: Vec<(i64, String, String)>,
}

/// A version marked as a conflict, for the user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OpenConflict {
    /// Initiative id.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Its department.
    pub department: String,
    /// The version holding the content kept beside the other change.
    pub version_number: i64,
    /// The version it is in conflict with (its number), when known here.
    pub other_number: Option<i64>,
    /// The role that sent the conflicting content.
    pub pushed_by: Option<String>,
}

/// What the outbox holds: per initiative, the number of waiting changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Waiting {
    /// Initiative id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Department.
    pub department: String,
    /// Changes waiting.
    pub changes: i64,
}

/// What one application of the server's state changed locally.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Initiatives written.
    pub initiatives: usize,
    /// Initiatives left for later because they have changes of their own waiting.
    pub postponed: Vec<String>,
    /// Initiatives whose server documents this build cannot read (UUID, message).
    pub unreadable: Vec<(String, String)>,
}

fn versions_of(conn: &Connection, id: i64) -> Result<Vec<SyncVersion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.id, v.uuid, v.number, v.status, b.uuid, v.snapshot, v.synced_snapshot,
                v.conflict_of, v.document, v.settings, v.created_at, v.saved_at, v.decided_at
         FROM valuation_versions v LEFT JOIN valuation_versions b ON b.id = v.based_on
         WHERE v.initiative_id = ?1 ORDER BY v.number",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(SyncVersion {
            id: r.get(0)?,
            uuid: r.get(1)?,
            number: r.get(2)?,
            status: r.get(3)?,
            based_on: r.get(4)?,
            snapshot: r.get(5)?,
            synced_snapshot: r.get(6)?,
            conflict_of: r.get(7)?,
            document: r.get(8)?,
            settings: r.get(9)?,
            created_at: r.get(10)?,
            saved_at: r.get(11)?,
            decided_at: r.get(12)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn get_state(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM sync_state WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

fn set_state(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_state (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

impl Store {
    /// The initiatives with changes waiting, in the order of their first waiting change.
    pub fn pending_sync(&self) -> Result<Vec<PendingInitiative>> {
        let mut stmt = self.conn.prepare(
            "SELECT o.initiative_id, max(o.seq), min(o.seq), i.uuid, i.title, i.department,
                    i.deleted_at IS NOT NULL, i.server_rev, max(o.change <> 'version')
             FROM sync_outbox o JOIN initiatives i ON i.id = o.initiative_id
             GROUP BY o.initiative_id ORDER BY min(o.seq)",
        )?;
        let heads = stmt
            .query_map([], |r| {
                Ok(PendingInitiative {
                    id: r.get(0)?,
                    up_to: r.get(1)?,
                    uuid: r.get(3)?,
                    title: r.get(4)?,
                    department: r.get(5)?,
                    deleted: r.get(6)?,
                    server_rev: r.get(7)?,
                    deletion_changed: r.get(8)?,
                    versions: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        heads
            .into_iter()
            .map(|mut p| {
                p.versions = versions_of(&self.conn, p.id)?;
                Ok(p)
            })
            .collect()
    }

    /// Records a push the server committed: the versions' content is on the server (under
    /// the version UUID the server gave it), the initiative is at the server's revision, and
    /// the outbox entries it covered are gone.
    pub fn record_push(&mut self, p: &Pushed, now: &str) -> Result<()> {
        self.write(now, |tx| {
            for (row, uuid, snapshot) in &p.versions {
                tx.execute(
                    "UPDATE valuation_versions SET uuid = ?2, synced_snapshot = ?3 WHERE id = ?1",
                    params![row, uuid, snapshot],
                )?;
            }
            tx.execute(
                "UPDATE initiatives SET server_rev = ?2 WHERE id = ?1",
                params![p.id, p.server_rev],
            )?;
            tx.execute(
                "DELETE FROM sync_outbox WHERE initiative_id = ?1 AND seq <= ?2",
                params![p.id, p.up_to],
            )?;
            Ok(())
        })
    }

    /// The server this store syncs with and the change number it has pulled up to.
    pub fn sync_cursor(&self) -> Result<(Option<String>, i64)> {
        let server = get_state(&self.conn, "server_id")?;
        let cursor = get_state(&self.conn, "cursor")?
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        Ok((server, cursor))
    }

    /// When the last sync completed, if one has.
    pub fn last_synced_at(&self) -> Result<Option<String>> {
        get_state(&self.conn, "last_synced_at")
    }

    /// The initiatives whose server state waits to be brought in.
    pub fn pull_later(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT uuid FROM sync_pull_later ORDER BY uuid")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The live initiatives that stay on this machine and are never synchronised, as
    /// (demo data, bundled examples).
    pub fn kept_local(&self) -> Result<(i64, i64)> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(SUM(demo), 0), COALESCE(SUM(example AND NOT demo), 0)
             FROM initiatives WHERE deleted_at IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// What waits to be sent, per initiative.
    pub fn waiting(&self) -> Result<Vec<Waiting>> {
        let mut stmt = self.conn.prepare(
            "SELECT i.id, i.title, i.department, count(*)
             FROM sync_outbox o JOIN initiatives i ON i.id = o.initiative_id
             GROUP BY i.id ORDER BY min(o.seq)",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Waiting {
                id: r.get(0)?,
                title: r.get(1)?,
                department: r.get(2)?,
                changes: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The versions marked as conflicts and not yet saved again.
    pub fn open_conflicts(&self) -> Result<Vec<OpenConflict>> {
        let mut stmt = self.conn.prepare(
            "SELECT i.id, i.title, i.department, v.number, o.number, v.pushed_by
             FROM valuation_versions v JOIN initiatives i ON i.id = v.initiative_id
             LEFT JOIN valuation_versions o ON o.uuid = v.conflict_of
             WHERE v.conflict_of IS NOT NULL AND i.deleted_at IS NULL
             ORDER BY i.id, v.number",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(OpenConflict {
                id: r.get(0)?,
                title: r.get(1)?,
                department: r.get(2)?,
                version_number: r.get(3)?,
                other_number: r.get(4)?,
                pushed_by: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Records a sync that brought nothing new: when it completed and where the server is.
    /// No portfolio data changes, so it is not counted as a change (no backup is due).
    pub fn note_synced(&mut self, server_id: &str, cursor: i64, now: &str) -> Result<()> {
        let tx = self.conn.transaction()?;
        set_state(&tx, "server_id", server_id)?;
        set_state(&tx, "cursor", &cursor.to_string())?;
        set_state(&tx, "last_synced_at", now)?;
        tx.commit()?;
        Ok(())
    }

    /// Brings the server's state of initiatives into the store, in one transaction together
    /// with the new cursor: an initiative with local changes still waiting is left as it is
    /// (and remembered, so a later pull brings it); every other one becomes exactly what the
    /// server holds (its versions, numbers, statuses and current version). Local versions
    /// are never deleted.
    pub fn apply_pulled(
        &mut self,
        server_id: &str,
        cursor: i64,
        pulled: &[PulledInitiative],
        now: &str,
    ) -> Result<Applied> {
        let fallback = settings::load(&self.conn)?.scores;
        // Check every document that becomes a current version before writing anything.
        let mut checked: HashMap<&str, Checked> = HashMap::new();
        let mut applied = Applied::default();
        for p in pulled {
            let Some(head) = p.versions.iter().max_by_key(|v| v.number) else {
                continue;
            };
            match check(&head.document, &fallback) {
                Ok(c) => {
                    checked.insert(p.uuid.as_str(), c);
                }
                Err(e) => applied
                    .unreadable
                    .push((p.uuid.clone(), e.lines(nytta_core::Lang::En).join("; "))),
            }
        }
        self.write(now, |tx| {
            tx.execute("UPDATE meta SET value = 1 WHERE key = 'pulling'", [])?;
            for p in pulled {
                let Some(c) = checked.get(p.uuid.as_str()) else {
                    tx.execute(
                        "INSERT OR IGNORE INTO sync_pull_later (uuid) VALUES (?1)",
                        [&p.uuid],
                    )?;
                    continue;
                };
                let local: Option<i64> = tx
                    .query_row(
                        "SELECT id FROM initiatives WHERE uuid = ?1",
                        [&p.uuid],
                        |r| r.get(0),
                    )
                    .optional()?;
                let waiting = match local {
                    Some(id) => tx.query_row(
                        "SELECT EXISTS (SELECT 1 FROM sync_outbox WHERE initiative_id = ?1)",
                        [id],
                        |r| r.get::<_, bool>(0),
                    )?,
                    None => false,
                };
                if waiting {
                    tx.execute(
                        "INSERT OR IGNORE INTO sync_pull_later (uuid) VALUES (?1)",
                        [&p.uuid],
                    )?;
                    applied.postponed.push(p.uuid.clone());
                    continue;
                }
                apply_one(tx, local, p, c, now)?;
                tx.execute("DELETE FROM sync_pull_later WHERE uuid = ?1", [&p.uuid])?;
                applied.initiatives += 1;
            }
            tx.execute("UPDATE meta SET value = 0 WHERE key = 'pulling'", [])?;
            set_state(tx, "server_id", server_id)?;
            set_state(tx, "cursor", &cursor.to_string())?;
            set_state(tx, "last_synced_at", now)?;
            Ok(())
        })?;
        Ok(applied)
    }
}

fn apply_one(
    tx: &Connection,
    local: Option<i64>,
    p: &PulledInitiative,
    c: &Checked,
    now: &str,
) -> Result<()> {
    let id = match local {
        Some(id) => id,
        None => {
            let id = initiatives::insert(tx, false, &c.summary, now)?;
            tx.execute(
                "UPDATE initiatives SET uuid = ?2 WHERE id = ?1",
                params![id, p.uuid],
            )?;
            id
        }
    };
    // Numbers out of the way first, so the server's numbering can be written row by row.
    tx.execute(
        "UPDATE valuation_versions SET number = -number WHERE initiative_id = ?1 AND number > 0",
        [id],
    )?;
    let mut versions: Vec<&PulledVersion> = p.versions.iter().collect();
    versions.sort_by_key(|v| v.number);
    let mut ids: HashMap<&str, i64> = HashMap::new();
    let mut head = None;
    for v in &versions {
        let existing: Option<(i64, String)> = tx
            .query_row(
                "SELECT id, snapshot FROM valuation_versions WHERE uuid = ?1",
                [&v.uuid],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let based_on = v.based_on.as_deref().and_then(|b| ids.get(b).copied());
        let row = match existing {
            Some((row, snapshot)) if snapshot == v.snapshot => {
                tx.execute(
                    "UPDATE valuation_versions SET number = ?2, synced_snapshot = ?3,
                         conflict_of = ?4, pushed_by = ?5
                     WHERE id = ?1",
                    params![row, v.number, v.snapshot, v.conflict_of, v.pushed_by],
                )?;
                row
            }
            Some((row, _)) => {
                tx.execute(
                    "UPDATE valuation_versions SET number = ?2, status = ?3, based_on = ?4,
                         document = ?5, settings = ?6, created_at = ?7, saved_at = ?8,
                         decided_at = ?9, snapshot = ?10, synced_snapshot = ?10,
                         conflict_of = ?11, pushed_by = ?12
                     WHERE id = ?1",
                    params![
                        row,
                        v.number,
                        v.status,
                        based_on,
                        v.document,
                        v.settings,
                        v.created_at,
                        v.saved_at,
                        v.decided_at,
                        v.snapshot,
                        v.conflict_of,
                        v.pushed_by
                    ],
                )?;
                row
            }
            None => {
                tx.execute(
                    "INSERT INTO valuation_versions (initiative_id, number, status, based_on,
                         document, settings, created_at, saved_at, decided_at, uuid, snapshot,
                         synced_snapshot, conflict_of, pushed_by)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13)",
                    params![
                        id,
                        v.number,
                        v.status,
                        based_on,
                        v.document,
                        v.settings,
                        v.created_at,
                        v.saved_at,
                        v.decided_at,
                        v.uuid,
                        v.snapshot,
                        v.conflict_of,
                        v.pushed_by
                    ],
                )?;
                tx.last_insert_rowid()
            }
        };
        ids.insert(v.uuid.as_str(), row);
        head = Some(row);
    }
    // A local version the server does not hold (none should be left once everything was
    // sent) keeps its content and goes after the server's.
    let stray: Vec<i64> = {
        let mut stmt = tx.prepare(
            "SELECT id FROM valuation_versions WHERE initiative_id = ?1 AND number < 0
             ORDER BY number DESC",
        )?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    for row in stray {
        tx.execute(
            "UPDATE valuation_versions SET number =
                 (SELECT COALESCE(max(number), 0) + 1 FROM valuation_versions WHERE initiative_id = ?2)
             WHERE id = ?1",
            params![row, id],
        )?;
    }
    let Some(head) = head else {
        return Err(StoreError::Sqlite(format!(
            "initiative {}: no versions",
            p.uuid
        )));
    };
    initiatives::write_summary(tx, id, head, &c.summary, now)?;
    tx.execute(
        "UPDATE initiatives SET server_rev = ?2,
             deleted_at = CASE WHEN ?3 THEN COALESCE(deleted_at, ?4) ELSE NULL END
         WHERE id = ?1",
        params![id, p.rev, p.deleted, now],
    )?;
    Ok(())
}
