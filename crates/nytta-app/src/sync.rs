//! Synchronising the local store with the group's server (PostgreSQL, see nytta-server).
//!
//! **Design.** The local store is complete on its own; the server is where the group's
//! portfolio meets. A version's content on the server is an immutable snapshot with its own
//! UUID; an initiative's row carries a revision (`rev`) and the head snapshot it shows.
//!
//! * **Push** sends the initiatives that have entries in the local outbox, in the order of
//!   their first change, each in one server transaction: the new snapshots are inserted
//!   (`ON CONFLICT DO NOTHING`, so sending the same change twice stores it once) and the
//!   head moves by compare-and-set on the revision the client last saw. Only after the
//!   server committed does the store record it and empty the outbox up to what was read.
//! * **Conflicts lose nothing.** When the server's revision is not the one the client last
//!   saw and someone else changed the same version meanwhile (or added a newer version), the
//!   client's content is kept as a new version at the end, marked as a conflict with the
//!   version it collided with; the other person's content stays where it was. Both people
//!   see both versions after their next sync, and the sync report names the initiative and
//!   the version numbers. Nothing is overwritten — not the stage, not a decision.
//! * **Pull** asks for everything after the change number the store last saw (a sequence
//!   the server takes in commit order) in one read-only snapshot and applies it in one local
//!   transaction together with the new cursor. An initiative with local changes still
//!   waiting is left for after its push.
//! * **Faults.** Every server step is one transaction and every local step another, in an
//!   order that makes a repeat harmless: a connection cut or a server killed mid-sync leaves
//!   both sides as they were before the step, and the next sync completes it.
//!
//! The password is never stored: it comes from the connection string, `PGPASSWORD` or the
//! password file, read when connecting.

use std::collections::HashMap;
use std::time::Instant;

use nytta_server::postgres::{Client, IsolationLevel, Transaction};
use nytta_server::ServerError;
use nytta_store::sync::{
    OpenConflict, PendingInitiative, PulledInitiative, PulledVersion, Pushed, Waiting,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::ctx::Ctx;
use crate::AppError;

/// The lock every write on the server takes (see the server's `nytta.stamp`).
const WRITE_LOCK: i64 = 7_346_238;

impl From<ServerError> for AppError {
    fn from(e: ServerError) -> Self {
        AppError::Store {
            code: e.code().to_string(),
            message_sv: e.message_sv(),
            message_en: e.message_en(),
        }
    }
}

/// An initiative the server refused (the change stays waiting locally).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Refused {
    /// Initiative id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Department.
    pub department: String,
    /// Stable code (`server_refused`, `server_unknown_department`, …).
    pub code: String,
    /// Swedish message.
    pub message_sv: String,
    /// English message.
    pub message_en: String,
}

/// What a sync did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SyncReport {
    /// The server, as `user@host:port/dbname`.
    pub server: String,
    /// Initiatives sent.
    pub pushed: usize,
    /// Initiatives brought in from the server.
    pub pulled: usize,
    /// Initiatives the server refused; their changes wait.
    pub refused: Vec<Refused>,
    /// Versions marked as conflicts (kept beside someone else's change), not yet saved again.
    pub conflicts: Vec<OpenConflict>,
    /// Conflicts this sync created by sending, as (initiative id, version number now holding
    /// this machine's content).
    pub new_conflicts: Vec<OpenConflict>,
    /// What still waits to be sent.
    pub waiting: Vec<Waiting>,
    /// When this sync completed.
    pub synced_at: String,
    /// Milliseconds the sync took.
    pub millis: u64,
}

/// The sync's state for the app: the server set, when the last sync completed and what
/// waits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SyncStatus {
    /// The server in the settings, as `user@host:port/database` (none: not set).
    pub server: Option<String>,
    /// When the last sync completed (ISO 8601 UTC), if one has.
    pub last_synced_at: Option<String>,
    /// Local changes waiting to be sent, over every initiative (the outbox's entries).
    pub changes_waiting: i64,
    /// What waits to be sent, per initiative.
    pub waiting: Vec<Waiting>,
    /// Versions marked as conflicts.
    pub conflicts: Vec<OpenConflict>,
    /// Live initiatives of the demo portfolio: they stay on this machine, never synchronised.
    pub demo_kept_local: i64,
    /// Live bundled examples: they stay on this machine, never synchronised.
    pub examples_kept_local: i64,
}

/// The sync's state, without talking to the server (works offline).
pub fn status(ctx: &Ctx) -> Result<SyncStatus, AppError> {
    let store = ctx.store();
    let waiting = store.waiting()?;
    let (demo_kept_local, examples_kept_local) = store.kept_local()?;
    Ok(SyncStatus {
        server: store
            .server_settings()?
            .as_ref()
            .map(crate::server_settings::describe),
        last_synced_at: store.last_synced_at()?,
        changes_waiting: waiting.iter().map(|w| w.changes).sum(),
        waiting,
        conflicts: store.open_conflicts()?,
        demo_kept_local,
        examples_kept_local,
    })
}

/// Synchronises with the server in the settings (the desktop's "Synkronisera"); the
/// password comes from `PGPASSWORD` or the password file.
pub fn sync_now(ctx: &Ctx) -> Result<SyncReport, AppError> {
    let Some(settings) = crate::server_settings::get(ctx)? else {
        return Err(AppError::Store {
            code: "server_not_set".into(),
            message_sv: "Ingen server är inställd: ange serverns adress, databas och \
                         användare under Inställningar."
                .into(),
            message_en: "No server is set: give the server's address, database and user \
                         under Settings."
                .into(),
        });
    };
    sync(ctx, &crate::server_settings::connection_string(&settings))
}

fn uuid(s: &str) -> Result<Uuid, AppError> {
    Uuid::parse_str(s).map_err(|e| AppError::Store {
        code: "store_error".into(),
        message_sv: format!("ogiltigt UUID {s}: {e}"),
        message_en: format!("invalid UUID {s}: {e}"),
    })
}

fn pg(e: nytta_server::postgres::Error) -> ServerError {
    ServerError::from_pg(&e, None)
}

/// Connects to `url` and synchronises the store both ways (after any sync of the same
/// store still running: two at once would each send what they read as waiting).
pub fn sync(ctx: &Ctx, url: &str) -> Result<SyncReport, AppError> {
    let _turn = ctx.sync_turn();
    let target = nytta_server::connect::parse(url, &nytta_server::connect::Env::from_process())?;
    let mut client = nytta_server::connect::connect_target(&target)
        .map_err(|e| unreachable_with_waiting(ctx, e))?;
    sync_with(ctx, &mut client, &target.describe())
}

/// A server that cannot be reached, with what this means for the local changes (how many
/// wait to be sent by the next sync, or that nothing waits) before the technical detail.
fn unreachable_with_waiting(ctx: &Ctx, e: ServerError) -> AppError {
    let ServerError::Unreachable(detail) = &e else {
        return e.into();
    };
    let waiting = match ctx.store().waiting() {
        Ok(w) => w.iter().map(|w| w.changes).sum::<i64>(),
        Err(other) => return other.into(),
    };
    let (sv, en) = match waiting {
        0 => (
            "Inget väntar på att skickas.".to_string(),
            "Nothing waits to be sent.".to_string(),
        ),
        1 => (
            "Inget är förlorat: 1 ändring väntar i den lokala databasen och skickas vid nästa \
             synkronisering."
                .to_string(),
            "Nothing is lost: 1 change waits in the local database and is sent by the next \
             sync."
                .to_string(),
        ),
        n => (
            format!(
                "Inget är förlorat: {n} ändringar väntar i den lokala databasen och skickas vid \
                 nästa synkronisering."
            ),
            format!(
                "Nothing is lost: {n} changes wait in the local database and are sent by the \
                 next sync."
            ),
        ),
    };
    AppError::Store {
        code: e.code().to_string(),
        message_sv: format!("Servern går inte att nå. {sv} Teknisk detalj: {detail}"),
        message_en: format!("The server cannot be reached. {en} Technical detail: {detail}"),
    }
}

/// Synchronises the store both ways over an open connection.
pub fn sync_with(ctx: &Ctx, client: &mut Client, server: &str) -> Result<SyncReport, AppError> {
    let started = Instant::now();
    let server_id = nytta_server::schema::server_id(client)?;
    let (known, _) = ctx.store().sync_cursor()?;
    if let Some(known) = known.filter(|k| *k != server_id) {
        return Err(AppError::Store {
            code: "server_other".into(),
            message_sv: format!(
                "Den lokala databasen synkroniseras med en annan server (id {known}); den här \
                 servern har id {server_id}. Använd en egen lokal databas för den här servern."
            ),
            message_en: format!(
                "The local store is synchronised with another server (id {known}); this server \
                 has id {server_id}. Use a separate local store for this server."
            ),
        });
    }
    let mut pushed = 0;
    let mut refused = Vec::new();
    let mut new_conflicts = Vec::new();
    let pending = ctx.store().pending_sync()?;
    for p in &pending {
        match push_one(client, p) {
            Ok((record, conflicts)) => {
                ctx.store().record_push(&record, &ctx.now())?;
                pushed += 1;
                new_conflicts.extend(conflicts.into_iter().map(|number| OpenConflict {
                    id: p.id,
                    title: p.title.clone(),
                    department: p.department.clone(),
                    version_number: number,
                    other_number: None,
                    pushed_by: None,
                }));
            }
            Err(PushError::Refused(e)) => refused.push(refusal(p, &e)),
            Err(PushError::Fatal(e)) => return Err(e.into()),
        }
    }
    let pulled = pull(ctx, client, &server_id)?;
    let store = ctx.store();
    Ok(SyncReport {
        server: server.to_string(),
        pushed,
        pulled,
        refused,
        conflicts: store.open_conflicts()?,
        new_conflicts,
        waiting: store.waiting()?,
        synced_at: store.last_synced_at()?.unwrap_or_default(),
        millis: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    })
}

fn refusal(p: &PendingInitiative, e: &ServerError) -> Refused {
    let (code, sv, en) = match e {
        ServerError::Db(d) if d.contains("initiatives_department_fkey") => (
            "server_unknown_department".to_string(),
            format!(
                "Förvaltningen ”{}” finns inte på servern; be IT lägga till den.",
                p.department
            ),
            format!(
                "The department “{}” is not on the server; ask IT to add it.",
                p.department
            ),
        ),
        other => (
            other.code().to_string(),
            other.message_sv(),
            other.message_en(),
        ),
    };
    Refused {
        id: p.id,
        title: p.title.clone(),
        department: p.department.clone(),
        code,
        message_sv: format!("”{}” ({}): {sv}", p.title, p.department),
        message_en: format!("“{}” ({}): {en}", p.title, p.department),
    }
}

/// A push's failure: refused for this initiative (the sync goes on with the others), or
/// fatal (the connection is gone; the sync stops, nothing half-done).
enum PushError {
    Refused(ServerError),
    Fatal(ServerError),
}

impl From<nytta_server::postgres::Error> for PushError {
    fn from(e: nytta_server::postgres::Error) -> Self {
        let e = pg(e);
        match e {
            ServerError::Refused(_) | ServerError::Db(_) => PushError::Refused(e),
            other => PushError::Fatal(other),
        }
    }
}

impl From<AppError> for PushError {
    fn from(e: AppError) -> Self {
        PushError::Fatal(ServerError::Db(e.to_string()))
    }
}

/// The server's newest snapshot of one version.
struct ServerVersion {
    version: Uuid,
    snapshot: Uuid,
    number: i32,
}

/// What the head row of an initiative says about its current document.
fn head_fields(doc: &str) -> (String, String, String, Option<String>) {
    let v: serde_json::Value = serde_json::from_str(doc).unwrap_or_default();
    let i = &v["initiative"];
    let s = |k: &str| i[k].as_str().map(str::to_string);
    (
        s("title").unwrap_or_default(),
        s("department").unwrap_or_default(),
        s("stage").unwrap_or_else(|| "idea".into()),
        s("priority_basis"),
    )
}

/// One initiative's push, one server transaction. Returns what to record locally and the
/// numbers of the versions that became conflicts.
fn push_one(client: &mut Client, p: &PendingInitiative) -> Result<(Pushed, Vec<i64>), PushError> {
    let id = uuid(&p.uuid)?;
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
    let row = tx.query_opt(
        "SELECT rev, deleted FROM nytta.initiatives WHERE id = $1",
        &[&id],
    )?;
    let server_rev: Option<i64> = row.as_ref().map(|r| r.get(0));
    // Deleting or restoring is sent only when it happened here; otherwise the server's
    // state stands (no one's deletion is undone by someone else's edit).
    let deleted = match &row {
        Some(r) if !p.deletion_changed => r.get(1),
        _ => p.deleted,
    };
    let pending: Vec<_> = p.versions.iter().filter(|v| v.pending()).collect();
    let snapshots: Vec<Uuid> = pending
        .iter()
        .map(|v| uuid(&v.snapshot))
        .collect::<Result<_, _>>()?;
    // Snapshots already on the server (a push repeated after a cut connection): under
    // which version they are.
    let already: HashMap<Uuid, Uuid> = tx
        .query(
            "SELECT id, version_id FROM nytta.versions WHERE id = ANY($1)",
            &[&snapshots],
        )?
        .into_iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut server: Vec<ServerVersion> = tx
        .query(
            "SELECT DISTINCT ON (version_id) version_id, id, number FROM nytta.versions
             WHERE initiative_id = $1 ORDER BY version_id, seq DESC",
            &[&id],
        )?
        .into_iter()
        .map(|r| ServerVersion {
            version: r.get(0),
            snapshot: r.get(1),
            number: r.get(2),
        })
        .collect();
    let (title, department, stage, priority_basis) = p
        .versions
        .last()
        .map(|v| head_fields(&v.document))
        .unwrap_or_default();
    if server_rev.is_none() {
        tx.execute(
            "INSERT INTO nytta.initiatives (id, department, title, stage, priority_basis, deleted)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                &id,
                &department,
                &title,
                &stage,
                &priority_basis,
                &p.deleted,
            ],
        )?;
    }
    let unchanged = server_rev.unwrap_or(0) == p.server_rev.unwrap_or(0);
    // The highest version number this machine knew the server to have.
    let known_max = p
        .versions
        .iter()
        .filter(|v| v.synced_snapshot.is_some())
        .map(|v| v.number)
        .max()
        .unwrap_or(0);
    let server_max = server
        .iter()
        .map(|v| i64::from(v.number))
        .max()
        .unwrap_or(0);
    let others_added = !unchanged && server_max > known_max;
    let local_newest = p.versions.iter().map(|v| v.number).max().unwrap_or(0);
    let mut next = server_max;
    let mut record = Vec::new();
    let mut conflicts = Vec::new();
    for v in pending {
        let snapshot = uuid(&v.snapshot)?;
        if let Some(version) = already.get(&snapshot) {
            record.push((v.id, version.to_string(), v.snapshot.clone()));
            continue;
        }
        let version = uuid(&v.uuid)?;
        let on_server = server.iter().find(|s| s.version == version);
        let synced = v.synced_snapshot.as_deref().map(uuid).transpose()?;
        let newest_server = server.iter().max_by_key(|s| s.number).map(|s| s.version);
        // (version UUID, number, parent snapshot, conflict_of)
        let (as_version, number, parent, conflict_of) = match on_server {
            None if !others_added => {
                let n = if server.iter().any(|s| i64::from(s.number) == v.number) {
                    next + 1
                } else {
                    v.number
                };
                (version, n, None, None)
            }
            None => (version, next + 1, None, newest_server),
            Some(s)
                if Some(s.snapshot) == synced && !(others_added && v.number == local_newest) =>
            {
                (version, i64::from(s.number), Some(s.snapshot), None)
            }
            Some(s) => (snapshot, next + 1, None, Some(s.version)),
        };
        let number_i32 = i32::try_from(number).unwrap_or(i32::MAX);
        let based_on = v.based_on.as_deref().map(uuid).transpose()?;
        tx.execute(
            "INSERT INTO nytta.versions (id, version_id, initiative_id, number, status, based_on,
                 parent, conflict_of, document, settings, created_at, saved_at, decided_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             ON CONFLICT (id) DO NOTHING",
            &[
                &snapshot,
                &as_version,
                &id,
                &number_i32,
                &v.status,
                &based_on,
                &parent,
                &conflict_of,
                &v.document,
                &v.settings,
                &v.created_at,
                &v.saved_at,
                &v.decided_at,
            ],
        )?;
        if conflict_of.is_some() {
            conflicts.push(number);
        }
        next = next.max(number);
        match server.iter_mut().find(|s| s.version == as_version) {
            Some(s) => s.snapshot = snapshot,
            None => server.push(ServerVersion {
                version: as_version,
                snapshot,
                number: number_i32,
            }),
        }
        record.push((v.id, as_version.to_string(), v.snapshot.clone()));
    }
    let head = server.iter().max_by_key(|s| s.number).map(|s| s.snapshot);
    // The row's summary columns describe the head, whoever wrote it.
    let (title, department, stage, priority_basis) = match head {
        Some(h) => {
            let doc: String = tx
                .query_one("SELECT document FROM nytta.versions WHERE id = $1", &[&h])?
                .get(0);
            head_fields(&doc)
        }
        None => (title, department, stage, priority_basis),
    };
    let base = server_rev.unwrap_or(0);
    let n = tx.execute(
        "UPDATE nytta.initiatives SET head = $2, rev = rev + 1, department = $3, title = $4,
             stage = $5, priority_basis = $6, deleted = $7
         WHERE id = $1 AND rev = $8",
        &[
            &id,
            &head,
            &department,
            &title,
            &stage,
            &priority_basis,
            &deleted,
            &base,
        ],
    )?;
    if n != 1 {
        // The row exists (it was read above) but may not be changed by this role.
        return Err(PushError::Refused(ServerError::Refused(format!(
            "initiative {}",
            p.uuid
        ))));
    }
    let rev: i64 = tx
        .query_one("SELECT rev FROM nytta.initiatives WHERE id = $1", &[&id])?
        .get(0);
    tx.commit()?;
    Ok((
        Pushed {
            id: p.id,
            up_to: p.up_to,
            server_rev: rev,
            versions: record,
        },
        conflicts,
    ))
}

fn pulled_version(r: &nytta_server::postgres::Row) -> PulledVersion {
    let u = |i: usize| r.get::<_, Uuid>(i).to_string();
    let ou = |i: usize| r.get::<_, Option<Uuid>>(i).map(|u| u.to_string());
    PulledVersion {
        uuid: u(1),
        snapshot: u(2),
        number: i64::from(r.get::<_, i32>(3)),
        status: r.get(4),
        based_on: ou(5),
        conflict_of: ou(6),
        document: r.get(7),
        settings: r.get(8),
        created_at: r.get(9),
        saved_at: r.get(10),
        decided_at: r.get(11),
        pushed_by: r.get(12),
    }
}

/// Brings in everything after the store's cursor (and what an earlier pull left for later),
/// read in one snapshot, applied in one local transaction.
fn pull(ctx: &Ctx, client: &mut Client, server_id: &str) -> Result<usize, AppError> {
    let (_, cursor) = ctx.store().sync_cursor()?;
    let later: Vec<Uuid> = ctx
        .store()
        .pull_later()?
        .iter()
        .map(|s| uuid(s))
        .collect::<Result<_, _>>()?;
    let mut tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(pg)?;
    let (pulled, top) = read_changes(&mut tx, cursor, &later).map_err(pg)?;
    tx.commit().map_err(pg)?;
    if pulled.is_empty() && top == cursor {
        ctx.store().note_synced(server_id, top, &ctx.now())?;
        return Ok(0);
    }
    let applied = ctx
        .store()
        .apply_pulled(server_id, top, &pulled, &ctx.now())?;
    Ok(applied.initiatives)
}

fn read_changes(
    tx: &mut Transaction<'_>,
    cursor: i64,
    later: &[Uuid],
) -> Result<(Vec<PulledInitiative>, i64), nytta_server::postgres::Error> {
    let top: i64 = tx
        .query_one(
            "SELECT GREATEST((SELECT max(seq) FROM nytta.initiatives),
                             (SELECT max(seq) FROM nytta.versions), $1)",
            &[&cursor],
        )?
        .get(0);
    if top == cursor && later.is_empty() {
        return Ok((Vec::new(), top));
    }
    let rows = tx.query(
        "SELECT id, rev, deleted FROM nytta.initiatives
         WHERE id IN (SELECT id FROM nytta.initiatives WHERE seq > $1
                      UNION SELECT initiative_id FROM nytta.versions WHERE seq > $1)
            OR id = ANY($2)",
        &[&cursor, &later],
    )?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.get(0)).collect();
    let mut by_id: HashMap<Uuid, PulledInitiative> = rows
        .iter()
        .map(|r| {
            let id: Uuid = r.get(0);
            (
                id,
                PulledInitiative {
                    uuid: id.to_string(),
                    rev: r.get(1),
                    deleted: r.get(2),
                    versions: Vec::new(),
                },
            )
        })
        .collect();
    for r in tx.query(
        "SELECT DISTINCT ON (version_id) initiative_id, version_id, id, number, status,
                based_on, conflict_of, document, settings, created_at, saved_at, decided_at,
                created_by::text
         FROM nytta.versions WHERE initiative_id = ANY($1)
         ORDER BY version_id, seq DESC",
        &[&ids],
    )? {
        let iid: Uuid = r.get(0);
        if let Some(p) = by_id.get_mut(&iid) {
            p.versions.push(pulled_version(&r));
        }
    }
    let mut out: Vec<PulledInitiative> = ids
        .into_iter()
        .filter_map(|i| by_id.remove(&i))
        .filter(|p| !p.versions.is_empty())
        .collect();
    out.sort_by(|a, b| a.uuid.cmp(&b.uuid));
    Ok((out, top))
}

/// What `nytta server init` did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInit {
    /// The server, as `user@host:port/dbname`.
    pub server: String,
    /// The server schema version found (0: none).
    pub from: i32,
    /// The server schema version now.
    pub to: i32,
    /// The server's id.
    pub server_id: String,
}

/// Creates or updates the server schema (safe to run again).
pub fn server_init(url: &str) -> Result<ServerInit, AppError> {
    let target = nytta_server::connect::parse(url, &nytta_server::connect::Env::from_process())?;
    let mut client = nytta_server::connect::connect_target(&target)?;
    let r = nytta_server::schema::init(&mut client)?;
    Ok(ServerInit {
        server: target.describe(),
        from: r.from,
        to: r.to,
        server_id: r.server_id,
    })
}
