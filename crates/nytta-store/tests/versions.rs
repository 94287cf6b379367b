//! Decided versions are frozen; new versions start from them; every version keeps the
//! score settings it was computed with.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nytta_core::document::{Stage, ValuationStatus};
use nytta_store::{Decision, Store, StoreError};
use serde_json::Value;

const T0: &str = "2025-03-01T09:00:00Z";
const T1: &str = "2025-03-01T09:10:00Z";
const T2: &str = "2025-03-01T09:20:00Z";

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("nytta.db"), T0).unwrap();
    (dir, s)
}

fn id_of(store: &Store, title: &str) -> i64 {
    store
        .list()
        .unwrap()
        .into_iter()
        .find(|s| s.summary.title == title)
        .unwrap()
        .id
}

fn decision() -> Decision {
    Decision {
        date: "2025-02-27".into(),
        decided_by: "Omsorgsnämnden".into(),
        label: "Beslutsunderlag".into(),
        set_stage: true,
    }
}

fn doc(store: &Store, id: i64) -> Value {
    serde_json::from_str(&store.export(id).unwrap()).unwrap()
}

#[test]
fn a_decided_valuation_refuses_edits_and_stays_as_it_was() {
    let (_d, mut store) = store();
    let id = id_of(&store, "Läkemedelsrobotar i boendestödet");
    let before = store.export(id).unwrap();
    let mut edited = doc(&store, id);
    edited["valuation"]["parameters"]["discount_rate"] = Value::String("0.05".into());
    let err = store
        .save(id, &edited.to_string(), T1)
        .expect_err("refused");
    assert!(
        matches!(err, StoreError::DecidedLocked { id: i } if i == id),
        "{err:?}"
    );
    assert_eq!(err.code(), "decided_locked");
    assert_eq!(store.export(id).unwrap(), before);
    // Deciding again is refused as well.
    assert!(matches!(
        store.decide(id, &decision(), T1),
        Err(StoreError::DecidedLocked { .. })
    ));
}

#[test]
fn a_decided_versions_decision_material_is_frozen_too() {
    let (_d, mut store) = store();
    let id = id_of(&store, "Läkemedelsrobotar i boendestödet");
    let before = store.export(id).unwrap();
    let mut edited = doc(&store, id);
    edited["valuation"]["case"] = serde_json::json!({
        "decision": { "deciding_body": "Kommunstyrelsen" }
    });
    edited["valuation"]["lines"][0]["benefit_owner"] = Value::String("Enhetschef".into());
    let err = store
        .save(id, &edited.to_string(), T1)
        .expect_err("refused");
    assert!(matches!(err, StoreError::DecidedLocked { .. }), "{err:?}");
    assert_eq!(store.export(id).unwrap(), before);
}

#[test]
fn the_database_itself_refuses_to_change_a_decided_status() {
    let (dir, store) = store();
    let id = id_of(&store, "Läkemedelsrobotar i boendestödet");
    let vid = store.get(id).unwrap().current_version_id;
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join("nytta.db")).unwrap();
    let err = conn
        .execute(
            "UPDATE valuation_versions SET status = 'draft' WHERE id = ?1",
            [vid],
        )
        .unwrap_err();
    assert!(err.to_string().contains("decided_locked"), "{err}");
    let err = conn
        .execute("DELETE FROM valuation_versions WHERE id = ?1", [vid])
        .unwrap_err();
    assert!(err.to_string().contains("decided_locked"), "{err}");
}

#[test]
fn a_follow_up_and_a_new_stage_may_still_be_saved_into_a_decided_version() {
    let (_d, mut store) = store();
    let id = id_of(&store, "Läkemedelsrobotar i boendestödet");
    let mut d = doc(&store, id);
    d["initiative"]["stage"] = Value::String("closed".into());
    let lessons = &mut d["follow_ups"][0]["lessons"];
    lessons
        .as_array_mut()
        .unwrap()
        .push(Value::String("Ny lärdom".into()));
    let saved = store.save(id, &d.to_string(), T1).unwrap();
    assert_eq!(saved.status, ValuationStatus::Decided);
    assert_eq!(saved.summary.stage, Stage::Closed);
    let after = doc(&store, id);
    assert_eq!(
        after["follow_ups"][0]["lessons"]
            .as_array()
            .unwrap()
            .last()
            .unwrap(),
        "Ny lärdom"
    );
}

#[test]
fn a_new_version_starts_as_a_draft_from_the_decided_one_which_is_kept() {
    let (_d, mut store) = store();
    let id = id_of(&store, "Läkemedelsrobotar i boendestödet");
    let decided = store.export(id).unwrap();
    let v1 = store.get(id).unwrap().current_version_id;
    let saved = store.new_version(id, T1).unwrap();
    assert_eq!(
        (saved.version_number, saved.status),
        (2, ValuationStatus::Draft)
    );
    let mut d = doc(&store, id);
    assert_eq!(d["valuation"]["status"], "draft");
    d["valuation"]["parameters"]["discount_rate"] = Value::String("0.05".into());
    store.save(id, &d.to_string(), T2).unwrap();
    let got = store.get(id).unwrap();
    assert_eq!(got.versions.len(), 2);
    assert_eq!(got.versions[1].based_on, Some(v1));
    assert_eq!(got.versions[0].status, ValuationStatus::Decided);
    // The decided version still reads exactly as it was decided.
    let (info, text) = store.version(v1).unwrap();
    assert_eq!(info.status, ValuationStatus::Decided);
    assert_eq!(text, decided);
}

#[test]
fn deciding_freezes_the_score_settings_it_was_computed_with() {
    let (_d, mut store) = store();
    let id = id_of(&store, "Digitala medicinskåp");
    let before = store
        .list()
        .unwrap()
        .into_iter()
        .find(|s| s.id == id)
        .unwrap();
    assert_eq!(before.summary.effect, 3);
    let keep_stage = Decision {
        set_stage: false,
        ..decision()
    };
    let decided = store.decide(id, &keep_stage, T1).unwrap();
    assert_eq!(decided.status, ValuationStatus::Decided);
    assert_eq!(
        decided.summary, before.summary,
        "deciding does not change a figure"
    );
    let frozen = doc(&store, id);
    assert_eq!(frozen["valuation"]["settings"]["effect_money_5"], "1000000");

    // Raising every effect threshold afterwards lowers new drafts' effect level, but the
    // decided version keeps the level it was decided on.
    let mut s = store.settings().unwrap();
    s.scores.effect_money_5 = "1000000000".parse().unwrap();
    s.scores.effect_money_3 = "500000000".parse().unwrap();
    s.scores.effect_hours_5 = "1000000".parse().unwrap();
    s.scores.effect_hours_3 = "500000".parse().unwrap();
    store.save_settings(&s, T2).unwrap();
    let again = store.save(id, &store.export(id).unwrap(), T2).unwrap();
    assert_eq!(again.summary.effect, before.summary.effect);
    let draft = store.new_version(id, T2).unwrap();
    assert_eq!(
        draft.summary.effect, before.summary.effect,
        "the copied document carries its settings"
    );
    let fresh = store
        .import_text(&without_settings(&store.export(id).unwrap()), T2)
        .unwrap();
    assert_eq!(
        fresh.summary.effect, 1,
        "new thresholds apply to a document without its own"
    );
    let v = store.get(fresh.id).unwrap().versions.remove(0);
    assert!(v.settings.contains("\"1000000000\""), "{}", v.settings);
}

fn without_settings(text: &str) -> String {
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["valuation"].as_object_mut().unwrap().remove("settings");
    v.to_string()
}

#[test]
fn an_invalid_document_is_refused_and_nothing_changes() {
    let (_d, mut store) = store();
    let id = id_of(&store, "Digitala medicinskåp");
    let before = store.export(id).unwrap();
    let changes = store.changes().unwrap();
    let mut d = doc(&store, id);
    d["valuation"]["lines"][0]["amount"] = Value::String("okänd_faktor * 2".into());
    assert!(matches!(
        store.save(id, &d.to_string(), T1),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.import_text("{\"nytta\": 1}", T1),
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(store.export(id).unwrap(), before);
    assert_eq!(store.changes().unwrap(), changes);
    assert_eq!(store.list().unwrap().len(), 4);
}

#[test]
fn deciding_records_the_date_deciding_body_and_label_and_moves_the_stage() {
    let (_d, mut store) = store();
    let id = id_of(&store, "Digitala medicinskåp");
    assert_eq!(doc(&store, id)["initiative"]["stage"], "valued");
    let d = Decision {
        date: " 2025-02-27 ".into(),
        decided_by: "Omsorgsnämnden ".into(),
        label: "Beslutsunderlag v2".into(),
        set_stage: true,
    };
    let saved = store.decide(id, &d, T1).unwrap();
    assert_eq!(saved.summary.stage, Stage::Decided);
    let after = doc(&store, id);
    assert_eq!(after["valuation"]["status"], "decided");
    assert_eq!(after["valuation"]["date"], "2025-02-27");
    assert_eq!(after["valuation"]["decided_by"], "Omsorgsnämnden");
    assert_eq!(after["valuation"]["label"], "Beslutsunderlag v2");
    assert_eq!(after["initiative"]["stage"], "decided");
}

#[test]
fn deciding_may_leave_the_stage_as_it_is() {
    let (_d, mut store) = store();
    let id = id_of(&store, "Digitala medicinskåp");
    let d = Decision {
        set_stage: false,
        ..decision()
    };
    store.decide(id, &d, T1).unwrap();
    let after = doc(&store, id);
    assert_eq!(after["valuation"]["status"], "decided");
    assert_eq!(after["initiative"]["stage"], "valued");
}

#[test]
fn a_decision_without_body_label_or_valid_date_is_refused_with_each_field_named() {
    let (_d, mut store) = store();
    let id = id_of(&store, "Digitala medicinskåp");
    let before = store.export(id).unwrap();
    let d = Decision {
        date: "27 februari".into(),
        decided_by: "  ".into(),
        label: String::new(),
        set_stage: true,
    };
    let err = store.decide(id, &d, T1).expect_err("refused");
    let StoreError::Invalid(problems) = &err else {
        panic!("{err:?}");
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["valuation.date", "valuation.decided_by", "valuation.label"]
    );
    let sv = err.lines(nytta_core::Lang::Sv).join("\n");
    assert!(sv.contains("beslutsinstans"), "{sv}");
    let en = err.lines(nytta_core::Lang::En).join("\n");
    assert!(en.contains("deciding body"), "{en}");
    assert_eq!(store.export(id).unwrap(), before, "nothing was written");
    assert_eq!(
        store.get(id).unwrap().versions[0].status,
        ValuationStatus::Draft
    );
}
