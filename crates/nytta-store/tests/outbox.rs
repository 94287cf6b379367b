//! The store's side of sync: every local change of an initiative that is not an example is
//! written to the outbox in the same transaction, with a new content UUID for the version;
//! applying the server's state writes no outbox entry; a recorded push empties the outbox
//! only up to what it read.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nytta_core::document::ValuationStatus;
use nytta_store::sync::{PulledInitiative, PulledVersion, Pushed};
use nytta_store::{Decision, Store};

const T0: &str = "2025-03-01T09:00:00Z";
const T1: &str = "2025-03-01T09:10:00Z";

fn outbox(dir: &tempfile::TempDir) -> Vec<(i64, String)> {
    let conn = rusqlite::Connection::open(dir.path().join("nytta.db")).unwrap();
    let mut stmt = conn
        .prepare("SELECT initiative_id, change FROM sync_outbox ORDER BY seq")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn every_change_is_in_the_outbox_and_the_examples_stay_local() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("nytta.db"), T0).unwrap();
    assert!(outbox(&dir).is_empty(), "the examples are not sent");
    let example = store.list().unwrap()[0].id;
    let text = store.export(example).unwrap();
    store
        .save(example, &text.replace("\"idea\"", "\"development\""), T1)
        .unwrap();
    assert!(outbox(&dir).is_empty(), "a changed example is still local");

    let id = store
        .create("Digital ansökan om bygglov", "Samhällsbyggnad", T0)
        .unwrap()
        .id;
    let before = store.pending_sync().unwrap()[0].versions[0]
        .snapshot
        .clone();
    let doc = store.export(id).unwrap();
    // Saving the same content again is no change.
    store.save(id, &doc, T1).unwrap();
    assert_eq!(outbox(&dir), [(id, "version".to_string())]);
    let changed = doc.replace("Digital ansökan om bygglov", "Digital bygglovsansökan");
    store.save(id, &changed, T1).unwrap();
    let pending = store.pending_sync().unwrap();
    assert_eq!(pending.len(), 1);
    assert_ne!(
        pending[0].versions[0].snapshot, before,
        "new content, new snapshot"
    );
    assert!(pending[0].versions[0].pending());
    store.delete(id, T1).unwrap();
    assert_eq!(
        outbox(&dir),
        [
            (id, "version".to_string()),
            (id, "version".to_string()),
            (id, "deleted".to_string())
        ]
    );
    assert_eq!(store.waiting().unwrap()[0].changes, 3);

    // A push that read the first two entries leaves the third.
    let p = &pending[0];
    let v = &p.versions[0];
    store
        .record_push(
            &Pushed {
                id,
                up_to: p.up_to,
                server_rev: 1,
                versions: vec![(v.id, v.uuid.clone(), v.snapshot.clone())],
            },
            T1,
        )
        .unwrap();
    assert_eq!(outbox(&dir), [(id, "deleted".to_string())]);
    let after = store.pending_sync().unwrap();
    assert_eq!(after[0].server_rev, Some(1));
    assert!(!after[0].versions[0].pending());
}

#[test]
fn the_servers_state_is_applied_without_outbox_entries_and_may_renumber_a_decided_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("nytta.db"), T0).unwrap();
    let id = store
        .create("Digital ansökan om bygglov", "Samhällsbyggnad", T0)
        .unwrap()
        .id;
    store
        .decide(
            id,
            &Decision {
                date: "2025-02-27".into(),
                decided_by: "Byggnadsnämnden".into(),
                label: "Beslutsunderlag".into(),
                set_stage: false,
            },
            T1,
        )
        .unwrap();
    let p = store.pending_sync().unwrap().remove(0);
    let mine = p.versions[0].clone();
    store
        .record_push(
            &Pushed {
                id,
                up_to: p.up_to,
                server_rev: 1,
                versions: vec![(mine.id, mine.uuid.clone(), mine.snapshot.clone())],
            },
            T1,
        )
        .unwrap();
    // Someone else's version 1 arrived first on the server; this decided version is 2 there.
    let other = PulledVersion {
        uuid: "6f0c7c38-7d2b-4b8e-9d1c-0a1b2c3d4e5f".into(),
        snapshot: "7f0c7c38-7d2b-4b8e-9d1c-0a1b2c3d4e5f".into(),
        number: 1,
        status: "draft".into(),
        based_on: None,
        conflict_of: None,
        document: mine.document.clone(),
        settings: mine.settings.clone(),
        created_at: T0.into(),
        saved_at: T0.into(),
        decided_at: None,
        pushed_by: "handlaggare_bygg".into(),
    };
    let moved = PulledVersion {
        uuid: mine.uuid.clone(),
        snapshot: mine.snapshot.clone(),
        number: 2,
        status: mine.status.clone(),
        based_on: None,
        conflict_of: Some(other.uuid.clone()),
        document: mine.document.clone(),
        settings: mine.settings.clone(),
        created_at: mine.created_at.clone(),
        saved_at: mine.saved_at.clone(),
        decided_at: mine.decided_at.clone(),
        pushed_by: "handlaggare_omsorg".into(),
    };
    let applied = store
        .apply_pulled(
            "5f0c7c38-7d2b-4b8e-9d1c-0a1b2c3d4e5f",
            7,
            &[PulledInitiative {
                uuid: p.uuid.clone(),
                rev: 2,
                deleted: false,
                versions: vec![other, moved],
            }],
            T1,
        )
        .unwrap();
    assert_eq!(applied.initiatives, 1);
    assert!(outbox(&dir).is_empty(), "pulled changes are not sent back");
    let got = store.get(id).unwrap();
    let numbers: Vec<_> = got.versions.iter().map(|v| (v.number, v.status)).collect();
    assert_eq!(
        numbers,
        [(1, ValuationStatus::Draft), (2, ValuationStatus::Decided)]
    );
    assert_eq!(
        got.current_version_id, mine.id,
        "the newest version is current"
    );
    let conflicts = store.open_conflicts().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        (conflicts[0].version_number, conflicts[0].other_number),
        (2, Some(1))
    );
    assert_eq!(store.sync_cursor().unwrap().1, 7);

    // Outside a pull the decided version's number is frozen as before.
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("nytta.db")).unwrap();
    let err = conn
        .execute(
            "UPDATE valuation_versions SET number = 5 WHERE id = ?1",
            [mine.id],
        )
        .unwrap_err();
    assert!(err.to_string().contains("decided_locked"), "{err}");
}
