//! Rotating, verified backups: one at creation, at most one per interval after changes, a
//! bounded set kept; restoring keeps a copy of the current file first.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use nytta_store::backup::{KEEP, MIN_INTERVAL_SECS};
use nytta_store::clock::iso_from_unix;
use nytta_store::Store;

/// 2025-03-01T09:00:00Z plus `secs`.
fn at(secs: i64) -> String {
    iso_from_unix(1_740_819_600 + secs)
}

#[test]
fn the_clock_helper_starts_where_the_tests_say() {
    assert_eq!(at(0), "2025-03-01T09:00:00Z");
}

#[test]
fn backups_follow_changes_at_most_once_per_interval_and_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nytta.db");
    let mut store = Store::open(&db, &at(0)).unwrap();
    assert_eq!(
        store.list_backups().unwrap().len(),
        1,
        "one backup of the new store"
    );

    // A change within the interval makes no new backup; one after it does.
    store
        .create("Första", "Omsorgsförvaltningen", &at(60))
        .unwrap();
    assert_eq!(store.list_backups().unwrap().len(), 1);
    store
        .create("Andra", "Omsorgsförvaltningen", &at(MIN_INTERVAL_SECS + 1))
        .unwrap();
    let backups = store.list_backups().unwrap();
    assert_eq!(backups.len(), 2);
    assert_eq!(backups[0].stamp, "20250301T090501Z");
    assert_eq!(store.backup_error(), None);

    // Reopening without changes makes none.
    drop(store);
    let mut store = Store::open(&db, &at(3600)).unwrap();
    assert_eq!(store.list_backups().unwrap().len(), 2);

    // Many changes far apart: never more than KEEP, the newest kept.
    for k in 0..(KEEP as i64 + 5) {
        store
            .create(
                &format!("Nr {k}"),
                "",
                &at(7200 + k * (MIN_INTERVAL_SECS + 1)),
            )
            .unwrap();
    }
    let backups = store.list_backups().unwrap();
    assert_eq!(backups.len(), KEEP);
    let newest = Store::check(Path::new(&backups[0].path)).unwrap();
    // 4 samples + Första + Andra + every "Nr k".
    assert_eq!(newest.initiatives, 4 + 2 + KEEP as i64 + 5);
}

#[test]
fn restoring_keeps_a_copy_of_the_current_content_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nytta.db");
    let mut store = Store::open(&db, &at(0)).unwrap();
    let first = store.create_backup(&at(10)).unwrap();
    store.create("Efter säkerhetskopian", "", &at(20)).unwrap();
    assert_eq!(store.list().unwrap().len(), 5);

    let kept = store
        .restore_backup(Path::new(&first.path), &at(30))
        .unwrap();
    assert_eq!(
        store.list().unwrap().len(),
        4,
        "back to the backup's content"
    );
    assert!(
        kept.ends_with("nytta.db-before-restore-20250301T090030Z.db"),
        "{kept}"
    );
    let copy = Store::check(Path::new(&kept)).unwrap();
    assert_eq!(copy.initiatives, 5, "the replaced content was kept");
    // The restored store keeps working.
    store.create("Ny efter återställning", "", &at(40)).unwrap();
    assert_eq!(store.list().unwrap().len(), 5);
}

#[test]
fn a_damaged_backup_is_not_restored_and_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nytta.db");
    let mut store = Store::open(&db, &at(0)).unwrap();
    let good = store.list_backups().unwrap()[0].path.clone();
    let bad = store.create_backup(&at(MIN_INTERVAL_SECS * 2)).unwrap();
    std::fs::write(&bad.path, "inte längre en databas").unwrap();
    assert!(store
        .restore_backup(Path::new(&bad.path), &at(9999))
        .is_err());
    assert_eq!(store.list().unwrap().len(), 4);
    assert_eq!(nytta_store::backup::newest_verified(&db), Some(good));
}
