//! Creating, saving, deciding, versioning, deleting and settings, through the public API.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nytta_core::document::ValuationStatus;
use nytta_store::{Store, StoreError};

const T0: &str = "2025-03-01T09:00:00Z";
const T1: &str = "2025-03-01T09:01:00Z";

fn new_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("nytta.db"), T0).unwrap();
    (dir, store)
}

#[test]
fn a_new_store_holds_the_four_samples_as_examples() {
    let (_dir, store) = new_store();
    let list = store.list().unwrap();
    let mut titles: Vec<_> = list.iter().map(|s| s.summary.title.as_str()).collect();
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
    assert!(list.iter().all(|s| s.example));
    // Two samples are decided valuations (their files say so), two are drafts.
    assert_eq!(
        list.iter()
            .filter(|s| s.status == ValuationStatus::Decided)
            .count(),
        2
    );
}

#[test]
fn the_sample_examples_can_be_removed_and_the_removal_undone() {
    let (_dir, mut store) = new_store();
    let id = store.list().unwrap()[0].id;
    store.delete(id, T1).unwrap();
    assert_eq!(store.list().unwrap().len(), 3);
    assert_eq!(store.list_deleted().unwrap()[0].id, id);
    assert!(matches!(store.export(id), Err(StoreError::NotFound { .. })));
    store.undelete(id, T1).unwrap();
    assert_eq!(store.list().unwrap().len(), 4);
}

#[test]
fn a_created_initiative_starts_from_the_default_settings() {
    let (_dir, mut store) = new_store();
    let saved = store
        .create("Digital posthantering", "Kommunledningsförvaltningen", T1)
        .unwrap();
    let got = store.get(saved.id).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&got.document_json).unwrap();
    assert_eq!(doc["initiative"]["title"], "Digital posthantering");
    assert_eq!(doc["valuation"]["parameters"]["start_year"], 2025);
    assert_eq!(doc["valuation"]["parameters"]["years"], 6);
    assert_eq!(doc["valuation"]["parameters"]["discount_rate"], "0.03");
    assert_eq!(doc["valuation"]["roles"][0]["hourly_cost"], "359");
    assert_eq!(got.versions.len(), 1);
    assert_eq!(got.versions[0].status, ValuationStatus::Draft);
    // Nothing valued yet: NPV 0 kr, and no payback in either view — the net is 0 every year,
    // so nothing is paid back (docs/domain.md §Key figures); it was stored as "0.000000".
    assert_eq!(saved.summary.npv_economic, "0.00");
    assert_eq!(saved.summary.payback_economic, None);
    assert_eq!(saved.summary.payback_budget, None);
    let listed = store.list().unwrap();
    let row = listed.iter().find(|s| s.id == saved.id).unwrap();
    assert_eq!(row.summary.payback_economic, None);
}
