//! Speed of the store: saving one valuation (one fsync'd transaction with its check and
//! summary), and opening a store of 10 000 initiatives and listing the portfolio.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use nytta_store::Store;

const NOW: &str = "2025-03-01T09:00:00Z";

fn save_one_valuation(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("nytta.db"), NOW).unwrap();
    let id = store
        .list()
        .unwrap()
        .into_iter()
        .find(|s| s.summary.title == "Digitala medicinskåp")
        .unwrap()
        .id;
    let text = store.export(id).unwrap();
    c.bench_function("save one valuation (sample, WAL + synchronous=FULL)", |b| {
        b.iter(|| store.save(id, &text, NOW).unwrap())
    });
}

/// A store of `n` initiatives: the four samples, copied row by row in one transaction.
fn big_store(db: &Path, n: usize) {
    drop(Store::open(db, NOW).unwrap());
    let mut conn = rusqlite::Connection::open(db).unwrap();
    let tx = conn.transaction().unwrap();
    let copies = n / 4 - 1;
    for _ in 0..copies {
        tx.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS src AS SELECT * FROM initiatives WHERE id <= 4;
             INSERT INTO initiatives (example, created_at, updated_at, title, department, stage,
                 priority_basis, tags, effect, feasibility, financing, resource_need, priority,
                 full_valuation_required, npv_economic, npv_budget, payback_economic, payback_budget,
                 current_status)
             SELECT 0, created_at, updated_at, title, department, stage, priority_basis, tags,
                 effect, feasibility, financing, resource_need, priority, full_valuation_required,
                 npv_economic, npv_budget, payback_economic, payback_budget, current_status FROM src;
             INSERT INTO valuation_versions (initiative_id, number, status, document, settings,
                 created_at, saved_at, decided_at)
             SELECT i.id, 1, v.status, v.document, v.settings, v.created_at, v.saved_at, v.decided_at
             FROM initiatives i JOIN valuation_versions v ON v.initiative_id = ((i.id - 1) % 4) + 1
             WHERE i.current_version_id IS NULL;
             UPDATE initiatives SET current_version_id =
                 (SELECT id FROM valuation_versions WHERE initiative_id = initiatives.id)
             WHERE current_version_id IS NULL;",
        )
        .unwrap();
    }
    tx.commit().unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
}

fn open_and_list(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nytta.db");
    big_store(&db, 10_000);
    let size = std::fs::metadata(&db).unwrap().len();
    let n = Store::open(&db, NOW).unwrap().list().unwrap().len();
    assert_eq!(n, 10_000);
    eprintln!("store of {n} initiatives: {} MB", size / 1_000_000);
    c.bench_function(
        "open a store of 10 000 initiatives and list the portfolio",
        |b| {
            b.iter(|| {
                let store = Store::open(&db, NOW).unwrap();
                store.list().unwrap().len()
            })
        },
    );
    let store = Store::open(&db, NOW).unwrap();
    c.bench_function(
        "list the portfolio of 10 000 initiatives (store open)",
        |b| b.iter(|| store.list().unwrap().len()),
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = save_one_valuation, open_and_list
}
criterion_main!(benches);
