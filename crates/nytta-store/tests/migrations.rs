//! Every earlier schema version has a fixture store (`tests/fixtures/schema-vN.db`, made by
//! that version and never regenerated); opening a copy migrates it to the newest schema
//! with every document unchanged. A new migration adds its predecessor's fixture here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nytta_core::document::ValuationStatus;
use std::path::Path;

use nytta_store::migrate::LATEST;
use nytta_store::Store;

const NOW: &str = "2025-06-01T12:00:00Z";

/// The fixtures, oldest first: (file, schema version it was made with).
const FIXTURES: &[(&str, i64)] = &[
    ("schema-v1.db", 1),
    ("schema-v2.db", 2),
    ("schema-v3.db", 3),
    ("schema-v4.db", 4),
    ("schema-v5.db", 5),
];

fn documents(db: &Path) -> Vec<(i64, String, String)> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut stmt = conn
        .prepare("SELECT id, status, document FROM valuation_versions ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`, lower-case hexadecimal.
fn uuid_v4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let hex = |p: &str| {
        p.chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    };
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && parts.iter().all(|p| hex(p))
        && parts[2].starts_with('4')
        && parts[3].starts_with(['8', '9', 'a', 'b'])
}

#[test]
fn every_fixture_opens_migrated_with_its_data_unchanged() {
    assert_eq!(
        FIXTURES.last().map(|f| f.1),
        Some(LATEST),
        "add a fixture for schema {LATEST}"
    );
    for (file, version) in FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("nytta.db");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(file),
            &db,
        )
        .unwrap();
        let conn = rusqlite::Connection::open(&db).unwrap();
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        drop(conn);
        assert_eq!(found, *version, "{file}");
        let before = documents(&db);

        let store = Store::open(&db, NOW).unwrap();
        let list = store.list().unwrap();
        // Schema 2 moved the current version's status onto the initiative: the two decided
        // samples are still listed as decided.
        let mut decided: Vec<_> = list
            .iter()
            .filter(|s| s.status == ValuationStatus::Decided)
            .map(|s| s.summary.title.as_str())
            .collect();
        decided.sort();
        assert_eq!(
            decided,
            [
                "Digital signering av HSL-insatser",
                "Läkemedelsrobotar i boendestödet"
            ],
            "{file}"
        );
        assert!(list.iter().all(|s| s.current_version_number == 1));
        // Schema 3 keeps an invalid edit as the initiative's working copy; the fixture of
        // schema 3 has one on initiative 1, older ones none.
        let copy = store.get(1).unwrap().working_copy;
        if *version >= 3 {
            assert_eq!(copy.as_deref(), Some("{\"nytta\": 1}"), "{file}");
        } else {
            assert_eq!(copy, None, "{file}");
        }
        let mut titles: Vec<_> = list.into_iter().map(|s| s.summary.title).collect();
        titles.sort();
        assert_eq!(
            titles,
            [
                "Digital signering av HSL-insatser",
                "Digitala examinationer i samhällsorienteringen",
                "Digitala medicinskåp",
                "Läkemedelsrobotar i boendestödet"
            ]
        );
        drop(store);
        let conn = rusqlite::Connection::open(&db).unwrap();
        let now: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(now, LATEST);
        drop(conn);
        let after = documents(&db);
        assert_eq!(after, before, "{file}: documents and statuses unchanged");
        // Schema 4 gives every initiative and version a UUID and every version's content a
        // snapshot UUID, all distinct; the examples stay local (nothing in the outbox).
        let conn = rusqlite::Connection::open(&db).unwrap();
        let uuids: Vec<String> = conn
            .prepare(
                "SELECT uuid FROM initiatives UNION ALL SELECT uuid FROM valuation_versions
                 UNION ALL SELECT snapshot FROM valuation_versions",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(uuids.len(), 12, "{file}");
        let distinct: std::collections::HashSet<_> = uuids.iter().collect();
        assert_eq!(distinct.len(), 12, "{file}");
        assert!(
            uuids.iter().all(|u| uuid_v4(u)),
            "{file}: {uuids:?} are UUIDs (version 4)"
        );
        let outbox: i64 = conn
            .query_row("SELECT count(*) FROM sync_outbox", [], |r| r.get(0))
            .unwrap();
        assert_eq!(outbox, 0, "{file}");
        assert_eq!(after.iter().filter(|d| d.1 == "decided").count(), 2);
        // Schema 5 marks demo data; nothing migrated is demo data, and the portfolio
        // figures of every initiative are computed from its document when first read.
        let demo: i64 = conn
            .query_row("SELECT count(*) FROM initiatives WHERE demo = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(demo, 0, "{file}");
        drop(conn);
        let mut store = Store::open(&db, NOW).unwrap();
        let rows = store.portfolio().unwrap();
        assert_eq!(rows.len(), 4, "{file}");
        assert!(rows.iter().all(|r| !r.demo && r.figures.valued), "{file}");
    }
}
