//! A damaged or newer store is never deleted or overwritten: damage is moved aside and
//! reported with the newest verified backup; a newer schema is refused untouched.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use nytta_core::Lang;
use nytta_store::{Store, StoreError};

const T0: &str = "2025-03-01T09:00:00Z";
const T1: &str = "2025-03-02T10:30:00Z";

/// A healthy store with one backup, closed again.
fn healthy(dir: &Path) -> PathBuf {
    let db = dir.join("nytta.db");
    drop(Store::open(&db, T0).unwrap());
    db
}

fn expect_damaged(db: &Path, original: &[u8]) {
    let err = match Store::open(db, T1) {
        Err(e) => e,
        Ok(_) => panic!("a damaged store opened"),
    };
    let StoreError::Damaged {
        moved_to,
        newest_backup,
        ..
    } = &err
    else {
        panic!("expected damage, got {err:?}");
    };
    // Moved aside under a name that says so, with exactly the bytes it had.
    let aside = PathBuf::from(moved_to.as_ref().unwrap());
    assert_eq!(
        aside.file_name().unwrap().to_string_lossy(),
        "nytta.db.damaged-20250302T103000Z"
    );
    assert_eq!(fs::read(&aside).unwrap(), original);
    assert!(!db.exists());
    // The backup made when the store was created is offered, and it is healthy.
    let backup = newest_backup.as_ref().expect("a verified backup is named");
    assert!(backup.contains("backups"));
    Store::check(Path::new(backup)).unwrap();
    let sv = err.lines(Lang::Sv).join("\n");
    assert!(sv.contains("är skadad"), "{sv}");
    assert!(sv.contains("flyttats undan"), "{sv}");
    assert!(sv.contains(backup.as_str()), "{sv}");
    assert_eq!(err.code(), "store_damaged");
}

#[test]
fn a_truncated_store_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = healthy(dir.path());
    let bytes = fs::read(&db).unwrap();
    // Keep the header page and half of the rest: the schema promises more pages.
    let cut = &bytes[..4096 + (bytes.len() - 4096) / 2];
    fs::write(&db, cut).unwrap();
    assert!(matches!(Store::check(&db), Err(StoreError::Damaged { .. })));
    expect_damaged(&db, cut);
}

#[test]
fn random_bytes_are_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = healthy(dir.path());
    let mut x: u32 = 12345;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect();
    fs::write(&db, &noise).unwrap();
    expect_damaged(&db, &noise);
}

#[test]
fn a_text_file_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = healthy(dir.path());
    let text = "Det här är en anteckning, inte en databas.\n";
    fs::write(&db, text).unwrap();
    expect_damaged(&db, text.as_bytes());
}

#[test]
fn damaged_pages_inside_a_valid_header_are_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let db = healthy(dir.path());
    let mut bytes = fs::read(&db).unwrap();
    // Overwrite every page after the first with garbage, keeping the file's length.
    for b in bytes.iter_mut().skip(4096) {
        *b = 0xA5;
    }
    fs::write(&db, &bytes).unwrap();
    expect_damaged(&db, &bytes);
}

#[test]
fn a_store_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = healthy(dir.path());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = fs::read(&db).unwrap();
    let err = Store::open(&db, T1).err().expect("refused");
    assert!(
        matches!(
            err,
            StoreError::Newer {
                found: 99,
                supported: nytta_store::migrate::LATEST,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.code(), "store_newer");
    assert!(err.lines(Lang::Sv)[0].contains("nyare version av Nytta"));
    assert_eq!(fs::read(&db).unwrap(), before, "the file is unchanged");
    assert!(matches!(Store::check(&db), Err(StoreError::Newer { .. })));
    // Nothing was moved aside.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains("damaged")), "{names:?}");
}

#[test]
fn a_damaged_store_can_be_restored_from_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = healthy(dir.path());
    fs::write(&db, "trasig").unwrap();
    let Err(StoreError::Damaged {
        newest_backup: Some(backup),
        ..
    }) = Store::open(&db, T1)
    else {
        panic!("expected damage with a backup");
    };
    let kept = Store::restore_to_path(&db, Path::new(&backup), T1).unwrap();
    assert_eq!(kept, None, "nothing healthy to keep");
    let store = Store::open(&db, T1).unwrap();
    assert_eq!(store.list().unwrap().len(), 4);
}

#[test]
fn check_reports_damage_without_moving_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = healthy(dir.path());
    fs::write(&db, "inte sqlite").unwrap();
    let err = Store::check(&db).expect_err("damaged");
    assert!(matches!(err, StoreError::Damaged { moved_to: None, .. }));
    assert_eq!(fs::read_to_string(&db).unwrap(), "inte sqlite");
}
